//! The country a figure is limited to (`where`), chosen among no country and the countries its
//! sentence names: each candidate is described by [`FEATURES`] (tied to the figure by `in`/`uit`,
//! in its clause, how far, the only one named; a worldwide or subset figure) and the one with
//! the highest weighted sum wins. The weights are fitted by `meelezer fit-where` on labelled
//! articles ([`super::logit`]) and live in `src/data/where_weights.json`.

use super::context::SentenceContext;
use super::logit::flag;
use crate::data::cues;
use crate::document::Quantity;

/// The features, in order, as named in the weights file.
pub const FEATURES: [&str; 16] = [
    "hand_choice",
    "none",
    "none_worldwide",
    "none_several_countries",
    "none_subset",
    "none_other_figure_tied",
    "none_no_country_in_clause",
    "none_country_after_comma",
    "tied_after",
    "tied_before",
    "same_clause",
    "only_country",
    "nearness",
    "after_in",
    "home_country",
    "first_country",
];

super::logit::embedded_weights!("where_weights.json");

/// The candidates for the figures of one sentence: no country first, then each country named.
pub fn candidates(ctx: &SentenceContext) -> Vec<Option<&'static str>> {
    std::iter::once(None)
        .chain(ctx.country_codes().into_iter().map(Some))
        .collect()
}

/// The features of each candidate (from [`candidates`]) for figure `k` of the sentence's
/// `quantities`; `hand` is the hand rule's choice (`figures::places_for`) and `home`
/// the article's own country (`NL`, or `BE` for a Belgian article).
pub fn features(
    ctx: &SentenceContext,
    quantities: &[&Quantity],
    k: usize,
    hand: Option<&str>,
    home: &str,
    candidates: &[Option<&'static str>],
) -> Vec<Vec<f64>> {
    let q = quantities[k];
    let (first, end) = ctx.token_range(q.span);
    let (clause_start, clause_end) = ctx.clause(first);
    let tied = super::figures::tied_places(ctx, q);
    let worldwide = cues::WORLDWIDE
        .iter()
        .any(|c| ctx.has_phrase_in(0, ctx.words.len(), c));
    let several = candidates.len() > 2;
    let subset = super::figures::is_subset(ctx, q);
    let other_tied = quantities
        .iter()
        .enumerate()
        .any(|(j, o)| j != k && super::figures::tied_places(ctx, o) != (None, None));
    let first_code = ctx.places.first().map(|p| p.code);
    let in_clause = ctx
        .places
        .iter()
        .any(|p| p.start >= clause_start && p.end <= clause_end);
    // Every country named only after a comma that follows the figure (`..., in een operatie van de politie in Nederland`).
    let after_comma = ctx
        .places
        .iter()
        .all(|p| p.start >= end && ctx.words[end..p.start].contains(&","));
    candidates
        .iter()
        .map(|c| {
            // The first 8 features describe no country, the last 8 a country.
            let Some(code) = c else {
                let mut x = vec![
                    flag(hand.is_none()),
                    1.0,
                    flag(worldwide),
                    flag(several),
                    flag(subset),
                    flag(other_tied),
                    flag(!in_clause),
                    flag(after_comma),
                ];
                x.extend([0.0; 8]);
                return x;
            };
            let mentions: Vec<_> = ctx.places.iter().filter(|p| p.code == *code).collect();
            let gap = |p: &super::context::PlaceMention| {
                if p.start >= end {
                    p.start - end
                } else {
                    first.saturating_sub(p.end)
                }
            };
            let nearest = mentions.iter().copied().min_by_key(|p| gap(p));
            let mut x = vec![flag(hand == Some(*code))];
            x.extend([0.0; 7]);
            x.extend([
                flag(tied.0 == Some(*code)),
                flag(tied.1 == Some(*code)),
                flag(
                    mentions
                        .iter()
                        .any(|p| p.start >= clause_start && p.end <= clause_end),
                ),
                flag(!several),
                nearest.map_or(0.0, |p| 1.0 / (1.0 + gap(p) as f64)),
                flag(nearest.is_some_and(|p| {
                    p.start > 0 && matches!(ctx.lower[p.start - 1].as_str(), "in" | "uit")
                })),
                flag(*code == home),
                flag(first_code == Some(*code)),
            ]);
            x
        })
        .collect()
}
