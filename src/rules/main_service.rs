//! Choosing an article's main service by weighing signals with fitted weights.
//!
//! Each service the article names is described by [`FEATURES`] (how often and where it is named,
//! in which roles, next to which years), and the main one is the service with the highest
//! weighted sum: a conditional logit, whose weights `meelezer fit-main` fits on labelled articles
//! ([`super::logit`], cross-validated by article) and writes to `src/data/main_weights.json`.

use super::logit::flag;
use super::services::{Role, ServiceMention};
use crate::document::Document;

/// The features, in order, as named in the weights file.
pub const FEATURES: [&str; 13] = [
    "hand_choice",
    "weight_share",
    "mention_share",
    "sentence_share",
    "in_lead",
    "in_heading",
    "first_named",
    "background_share",
    "contrast_share",
    "naming",
    "older_year_share",
    "figure_sentence_share",
    "in_last_paragraph",
];

super::logit::embedded_weights!("main_weights.json");

/// The year of a `YYYY...` value.
fn year(value: &str) -> Option<i32> {
    value.get(..4)?.parse().ok()
}

/// The features of each service in `order` (the services named, in order of first mention);
/// `hand` is the hand rule's choice ([`super::services::rank_services`]).
pub fn features(doc: &Document, mentions: &[ServiceMention], roles: &[Role], order: &[&str], hand: Option<&str>) -> Vec<Vec<f64>> {
    let first_paragraph = doc.paragraphs.iter().position(|p| !p.heading);
    let last_paragraph = doc.sentences.iter().filter(|s| !s.heading).map(|s| s.paragraph).max();
    let header_year = doc.date.as_deref().and_then(year);
    // Sentences with a year before the header's: about an older operation.
    let older: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| {
            header_year.is_some_and(|h| {
                doc.dates.iter().any(|d| s.span.contains(d.span) && d.value.as_deref().and_then(year).is_some_and(|y| y < h))
            })
        })
        .collect();
    let figures: Vec<bool> = doc.sentences.iter().map(|s| doc.quantities.iter().any(|q| s.span.contains(q.span))).collect();
    let total_weight: f64 = roles.iter().map(|r| r.weight() as f64).sum::<f64>().max(1.0);
    let total_mentions = mentions.len().max(1) as f64;
    let mut sentences_any: Vec<usize> = mentions.iter().map(|m| m.sentence).collect();
    sentences_any.dedup();
    let sentences_any = sentences_any.len().max(1) as f64;
    let figure_sentences_any = {
        let mut s: Vec<usize> = mentions.iter().map(|m| m.sentence).filter(|&i| figures[i]).collect();
        s.dedup();
        s.len().max(1) as f64
    };
    // The hand rule's choice is a signal too: the fit learns when the others outweigh it.
    order
        .iter()
        .enumerate()
        .map(|(idx, service)| {
            let own: Vec<(&ServiceMention, Role)> =
                mentions.iter().zip(roles).filter(|(m, _)| m.service == *service).map(|(m, r)| (m, *r)).collect();
            let n = own.len().max(1) as f64;
            let mut sentences: Vec<usize> = own.iter().map(|(m, _)| m.sentence).collect();
            sentences.dedup();
            let share = |role: Role| own.iter().filter(|(_, r)| *r == role).count() as f64 / n;
            let paragraph = |m: &ServiceMention| doc.sentences[m.sentence].paragraph;
            vec![
                flag(hand == Some(*service)),
                own.iter().map(|(_, r)| r.weight() as f64).sum::<f64>() / total_weight,
                own.len() as f64 / total_mentions,
                sentences.len() as f64 / sentences_any,
                flag(own.iter().any(|(m, r)| *r != Role::Contrast && Some(paragraph(m)) == first_paragraph)),
                flag(own.iter().any(|(_, r)| *r == Role::Heading)),
                flag(idx == 0),
                share(Role::Background),
                share(Role::Contrast),
                flag(own.iter().any(|(_, r)| *r == Role::Naming)),
                own.iter().filter(|(m, _)| older[m.sentence]).count() as f64 / n,
                sentences.iter().filter(|&&i| figures[i]).count() as f64 / figure_sentences_any,
                flag(own.iter().any(|(m, _)| Some(paragraph(m)) == last_paragraph)),
            ]
        })
        .collect()
}
