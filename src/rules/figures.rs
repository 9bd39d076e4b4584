//! Figures to facts: which slot a quantity fills, read from the noun it counts, the verbs of its
//! sentence and its unit; and the country a figure is limited to (`where`).

use super::context::SentenceContext;
use crate::data::cues::{self, NounClass};
use crate::document::{Per, Quantity, Unit};
use crate::record::{Fact, FactValue, Slot};

/// How many tokens after a figure its noun may stand (`3000 actieve gebruikers`).
const NOUN_WINDOW: usize = 4;

/// The noun class a figure counts: the first known noun after it, skipping fillers and
/// stopping at punctuation. Returns the class and the token index where it was found.
fn counted_noun(ctx: &SentenceContext, after: usize) -> Option<(NounClass, usize)> {
    let mut j = after;
    let mut steps = 0;
    while j < ctx.words.len() && steps <= NOUN_WINDOW {
        let w = ctx.lower[j].as_str();
        if j + 1 < ctx.words.len() {
            let pair = format!("{w} {}", ctx.lower[j + 1]);
            if let Some(c) = cues::noun_class(&pair) {
                return Some((c, j));
            }
        }
        match cues::noun_class(w).or_else(|| suffix_class(w)).or_else(|| inhabitants(ctx.words[j])) {
            // A drug word before another noun is an adjective (`negentien synthetische drugslabs`).
            Some(NounClass::Drug(_)) if j + 1 < ctx.words.len() && cues::noun_class(&ctx.lower[j + 1]).is_some() => {}
            Some(c) => return Some((c, j)),
            None => {}
        }
        let drug_adjective = cues::noun_class(w).is_some();
        // An inflected adjective or participle (`ontsleutelde`, `actieve`) may stand before the noun.
        let adjective = w.len() > 4 && w.ends_with('e') && w.chars().all(char::is_lowercase);
        if !(cues::NOUN_FILLERS.contains(&w) || drug_adjective || adjective) || ctx.tokens[j].kind == crate::document::TokenKind::Punct {
            return None;
        }
        j += 1;
        steps += 1;
    }
    None
}

/// Inhabitants of a place, counted as people (`5 Amsterdammers`, `drie Antwerpenaren`): a
/// capitalised plural ending as Dutch inhabitant nouns do (`cues::INHABITANT_ENDINGS`).
fn inhabitants(word: &str) -> Option<NounClass> {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase) && word.chars().skip(1).all(char::is_lowercase);
    (capitalised && word.chars().count() > 5 && cues::INHABITANT_ENDINGS.iter().any(|e| word.ends_with(e))).then_some(NounClass::People)
}

/// A closed compound ending in a known noun (`chatberichten`, `politieagenten`).
fn suffix_class(word: &str) -> Option<NounClass> {
    if cues::UNCOUNTED_COMPOUNDS.iter().any(|c| word.ends_with(c)) {
        return None;
    }
    cues::NOUNS
        .iter()
        .filter(|(n, _)| n.chars().count() >= 6 && !n.contains(' '))
        .find(|(n, _)| word.len() > n.len() && word.ends_with(n))
        .map(|(_, c)| *c)
}

/// The drug named after a mass (`8000 kilo cocaïne`, `kilo's aan verdovende middelen`);
/// `drugs` when none is named.
fn drug_kind(ctx: &SentenceContext, after: usize) -> &'static str {
    named_drug(ctx, after).unwrap_or("drugs")
}

/// The drug a mass names, if it names one.
fn named_drug(ctx: &SentenceContext, after: usize) -> Option<&'static str> {
    for j in after..(after + 5).min(ctx.words.len()) {
        if let Some(NounClass::Drug(what)) = cues::noun_class(&ctx.lower[j]) {
            return Some(what);
        }
        if matches!(ctx.words[j], "," | ";" | "en") && j > after {
            break;
        }
    }
    None
}

/// A figure classified into a slot, before linking and `where`.
pub struct Figure {
    pub fact: Fact,
    /// The noun class it was read from, so an elliptic figure (`waarvan 12.000`) can inherit it.
    pub class: Option<NounClass>,
}

/// True when only a range word stands between two quantities (`50.000 en 60.000`, `20 tot 30`,
/// `20 à 30`, `20-30`), so they are the two ends of one range.
pub fn range_joined(ctx: &SentenceContext, a: &Quantity, b: &Quantity) -> bool {
    let (_, a_end) = ctx.token_range(a.span);
    let (b_first, _) = ctx.token_range(b.span);
    b_first == a_end + 1 && cues::RANGE_WORDS.contains(&ctx.lower[a_end].as_str())
}

/// Reads one quantity of a sentence as a fact, or `None` when it fills no slot.
/// `previous` is the class of the figure before it in the sentence, for ellipsis.
pub fn classify(ctx: &SentenceContext, q: &Quantity, previous: Option<NounClass>) -> Option<Figure> {
    let (first, end) = ctx.token_range(q.span);
    let (clause_start, clause_end) = ctx.clause(first);
    let found = counted_noun(ctx, end);
    let subset = is_subset(ctx, q);
    // Ellipsis: a bare figure after a counted one counts the same (`waarvan 12.000 in Nederland`,
    // `elf verdachten aangehouden, in Canada en Italië telkens één`).
    // `op kaai 1742`, `artikel 140`: a number naming a thing is no count.
    let identifier = first > 0 && cues::IDENTIFIER_NOUNS.contains(&ctx.lower[first - 1].as_str());
    if identifier && q.unit.is_none() {
        return None;
    }
    let bare = q.unit.is_none()
        && (end >= ctx.words.len()
            || ctx.tokens[end].kind == crate::document::TokenKind::Punct
            || matches!(ctx.lower[end].as_str(), "in" | "uit" | "op" | "en"));
    // `niemand` counts people (`in Nederland is niemand opgepakt`).
    let nobody = ctx.lower.get(first).is_some_and(|w| w == "niemand");
    let class = found
        .map(|(c, _)| c)
        .or(if nobody { Some(NounClass::People) } else { None })
        .or(if subset || bare { previous } else { None })
        // `Veltrix-gebruikers, van wie er ongeveer 900 in Nederland zaten`: a subset counts the noun it is part of.
        .or(if subset { antecedent(ctx, first) } else { None });
    let number = |slot: Slot| Fact { qualifier: q.qualifier, ..Fact::new(slot, FactValue::Number(q.value)) };

    // The article `een` counts only things one counts one of (`een cocaïnewasserij`, `een
    // vuurwapen`, `een verdachte aangehouden`, `een huiszoeking`, rulings of 2026-12), not
    // messages or devices (`een bericht`, `een telefoon`).
    let (n_first, n_end) = ctx.token_range(q.number);
    // (`bijna een ton aan cash` is a sum: the article is a number before a unit.)
    let article = n_end == n_first + 1 && ctx.lower[n_first] == "een" && q.unit.is_none();
    if article && !matches!(class, Some(NounClass::Site(_) | NounClass::Weapons | NounClass::People | NounClass::Searches | NounClass::Arrests)) {
        return None;
    }
    // `bij een inval in de Cyberbunker`: a raid named as the setting of something else is no count.
    if article && class == Some(NounClass::Searches) && ctx.lower.get(n_end).is_some_and(|w| cues::SETTING_EVENTS.contains(&w.as_str())) {
        return None;
    }
    let fact = match q.unit {
        Some(unit) if unit.is_money() => {
            let mut f = number(Slot::SeizedCash);
            f.unit = Some(unit.as_str().to_string());
            // A sum per month or year is what a user pays (`een app die je voor 130 euro per maand installeert`).
            if ctx.has_any(cues::PRICE) || matches!(q.per, Some(Per::Months(_))) {
                f.slot = Slot::Price;
                // The price's own clause says what it buys (`een toestel kostte zo'n 1000 euro,
                // een jaarabonnement meer dan 3000 euro`); the sentence when the clause is silent.
                let compound = (clause_start..clause_end).find_map(|j| {
                    cues::SUBSCRIPTION_COMPOUNDS.iter().find(|(w, _)| *w == ctx.lower[j]).map(|(_, m)| *m)
                });
                f.per_months = match q.per {
                    Some(Per::Months(m)) => Some(m),
                    _ => compound.or_else(|| subscription_months(ctx, q)),
                };
                let in_clause = |words: &[&str]| ctx.has_any_in(clause_start, clause_end, words);
                let subscription_words = ["abonnement", "licentie", "abonnementen", "licenties"];
                let (phone, subscription) = if in_clause(cues::PHONE_WORDS) || in_clause(&subscription_words) || compound.is_some() {
                    (in_clause(cues::PHONE_WORDS), in_clause(&subscription_words) || compound.is_some())
                } else {
                    (ctx.has_any(cues::PHONE_WORDS), ctx.has_any(&subscription_words))
                };
                let phone = phone || q.per == Some(Per::Item);
                let subscription = subscription || f.per_months.is_some();
                f.what = Some(if subscription || !phone { "subscription" } else { "phone" }.to_string());
                f
            } else if cues::VALUE_OF_GOODS.iter().any(|v| ctx.has_phrase_in(clause_start, clause_end, v)) {
                // What drugs would fetch or goods are worth is no cash (`die op straat 4,5 miljard
                // euro zouden opbrengen`, `sieraden, samen goed voor een half miljoen euro`).
                return None;
            } else if ctx.has_any(cues::SEIZE) || matches!(class, Some(NounClass::Cash)) {
                f
            } else {
                return None;
            }
        }
        Some(Unit::Kg) => {
            // Seized, or found with the people arrested (`5 mannen opgepakt bij 3,4 ton coke`).
            let with_arrest = ctx.has_any(cues::ARREST) && named_drug(ctx, end).is_some();
            if !ctx.has_any(cues::SEIZE) && !with_arrest {
                return None;
            }
            let mut f = number(Slot::SeizedDrugs);
            f.unit = Some("kg".to_string());
            f.what = Some(drug_kind(ctx, end).to_string());
            f
        }
        Some(Unit::Months) => {
            let reading = ctx.has_any_in(clause_start, clause_end, cues::INTERCEPT) || ctx.has_any(&["meegelezen", "meelezen", "meegekeken", "meekijken"]);
            if !reading || ctx.has_any(cues::PRICE) {
                return None;
            }
            number(Slot::InterceptionMonths)
        }
        Some(_) => return None,
        None => {
            let class = class?;
            // A rate is no count (`zo'n duizend berichten per dag`, `elke dag tienduizenden berichten`).
            if cues::RATE.iter().any(|r| ctx.has_phrase_in(clause_start, clause_end, r)) {
                return None;
            }
            let arrest_here = ctx.has_any_in(clause_start, clause_end, cues::ARREST);
            match class {
                NounClass::People if ctx.has_any(cues::ARREST) => number(Slot::Arrests),
                NounClass::People if ctx.has_any_in(clause_start, clause_end, cues::USE) => number(Slot::Users),
                NounClass::Users if arrest_here => number(Slot::Arrests),
                NounClass::Devices if !ctx.has_any(cues::SEIZE) => number(Slot::Users),
                NounClass::DutchSpeaking => Fact { what: Some("dutch_speaking".into()), ..number(Slot::Users) },
                NounClass::Premises if ctx.has_any(cues::SEARCH) || ctx.has_any(cues::PREMISES_SEARCH) => number(Slot::Searches),
                // `meer dan twee miljoen aan contanten aangetroffen`: a sum without a currency in a
                // Dutch or Belgian article is in euros.
                NounClass::Cash if ctx.has_any(cues::SEIZE) && q.value >= 1000.0 => {
                    Fact { unit: Some("EUR".into()), ..number(Slot::SeizedCash) }
                }
                NounClass::Site(what) => Fact { what: Some(site_kind(ctx, found, what).into()), ..number(Slot::DrugSites) },
                // Weapons count when seized or found, not when owned (`het bezit van een vuurwapen`).
                NounClass::Weapons if !ctx.has_any(cues::SEIZE) => return None,
                other => number(cues::direct_slot(other)?),
            }
        }
    };
    Some(Figure { fact, class })
}

/// The kind of drug site counted: `site` when the figure counts two kinds at once (`25 drugslabs
/// en opslagplaatsen`).
fn site_kind(ctx: &SentenceContext, found: Option<(NounClass, usize)>, what: &'static str) -> &'static str {
    let Some((_, j)) = found else { return what };
    let other = ctx.lower.get(j + 1).filter(|w| *w == "en").and_then(|_| ctx.lower.get(j + 2)).and_then(|w| cues::noun_class(w).or_else(|| suffix_class(w)));
    match other {
        Some(NounClass::Site(o)) if o != what => "site",
        _ => what,
    }
}

/// The months of a subscription named beside its price (`een abonnement van zes maanden`).
fn subscription_months(ctx: &SentenceContext, _price: &Quantity) -> Option<u32> {
    let has_subscription = ctx.has_any(&["abonnement", "licentie", "abonnementen", "licenties", "per", "voor"]);
    if !has_subscription {
        return None;
    }
    ctx.durations.first().copied()
}

/// The country each figure is limited to, per ANNOTATION.md: a figure tied to a place gets it
/// (`waarvan 12.000 in Nederland`, `In Rotterdam zijn 28 vuurwapens`); otherwise a sentence that
/// names exactly one country gives it to every figure; with two or more, only tied figures get one.
pub fn places_for(ctx: &SentenceContext, quantities: &[&Quantity]) -> Vec<Option<&'static str>> {
    let codes = ctx.country_codes();
    if codes.is_empty() {
        return vec![None; quantities.len()];
    }
    let tied: Vec<Option<&'static str>> = quantities.iter().map(|q| tied_place(ctx, q)).collect();
    // (The article `een` is no subset figure: `negen panden, waaronder een loods in Hengelo`.)
    let article = |q: &Quantity| ctx.lower.get(ctx.token_range(q.number).0).is_some_and(|w| w == "een") && q.value == 1.0;
    let subset_tie = quantities.iter().zip(&tied).any(|(q, t)| t.is_some() && is_subset(ctx, q) && !article(q));
    if subset_tie {
        return quantities
            .iter()
            .zip(&tied)
            .map(|(q, t)| {
                if is_subset(ctx, q) { *t } else { None }
            })
            .collect();
    }
    if codes.len() == 1 && !ctx.has_any(&["wereldwijd"]) {
        return vec![Some(codes[0]); quantities.len()];
    }
    tied
}

/// The class of the noun a subset figure is part of: the nearest counted noun in the few
/// words before it (`gebruikers, van wie er 900`).
fn antecedent(ctx: &SentenceContext, first: usize) -> Option<NounClass> {
    (first.saturating_sub(6)..first).rev().find_map(|j| cues::noun_class(&ctx.lower[j]).filter(|c| !matches!(c, NounClass::Drug(_) | NounClass::Cash)))
}

/// A figure that is part of one before it: `waarvan 12.000`, `onder wie 30 kopstukken`, `zeker
/// 530 daarvan`, or `waarvan er op dat moment al 337.000` (the clause opened by `waarvan`).
pub(super) fn is_subset(ctx: &SentenceContext, q: &Quantity) -> bool {
    let (first, end) = ctx.token_range(q.span);
    let (clause_start, _) = ctx.clause(first);
    (first > 0 && ctx.has_any_in(first.saturating_sub(2), first, cues::SUBSET_WORDS))
        || ctx.has_any_in(clause_start, first, cues::SUBSET_CLAUSE_OPENERS)
        || ctx.lower.get(end).is_some_and(|w| cues::SUBSET_AFTER.contains(&w.as_str()))
}

/// A place right after a figure (`12.000 in Nederland`, `38 verdachten in Australië`), else one
/// just before it in the same clause (`In Rotterdam zijn onder meer 28 vuurwapens`).
fn tied_place(ctx: &SentenceContext, q: &Quantity) -> Option<&'static str> {
    let (after, before) = tied_places(ctx, q);
    after.or(before)
}

/// The places tied to a figure: the one right after it, and the one just before it in its clause.
pub(super) fn tied_places(ctx: &SentenceContext, q: &Quantity) -> (Option<&'static str>, Option<&'static str>) {
    let (first, end) = ctx.token_range(q.span);
    // A subset's place may stand further on in its clause (`zeker 530 daarvan bevonden zich in Nederland`).
    let reach = if is_subset(ctx, q) { ctx.clause(first).1.saturating_sub(end) } else { 3 };
    let after = ctx.places.iter().find(|p| {
        p.start > end
            && p.start <= end + reach.max(3)
            && matches!(ctx.lower[p.start - 1].as_str(), "in" | "uit")
            && !ctx.words[end..p.start].iter().any(|w| matches!(*w, "," | ";" | "en"))
    });
    let before = ctx.places.iter().rev().find(|p| p.end <= first);
    let before = before.filter(|p| {
        first - p.end <= 3
            && p.start > 0
            && ctx.lower[p.start - 1] == "in"
            && !ctx.words[p.end..first].iter().any(|w| matches!(*w, "," | ";"))
    });
    (after.map(|p| p.code), before.map(|p| p.code))
}
