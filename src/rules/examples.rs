//! Labelled decisions for fitting the scorers ([`super::logit`]): an annotated document and its
//! gold record give the main service, the operation of each sentence with figures and the
//! country of each figure, as the gold says they should have been chosen.
//!
//! Gold records carry no evidence, so a sentence's or figure's label is read through the facts
//! the hand rules make from it: a fact that matches gold facts of exactly one operation (or with
//! exactly one `where`), ignoring what the decision changes, labels its sentence (or figure).
//! Decisions with one candidate, or whose label is not among the candidates, are left out.

use super::context::SentenceContext;
use super::logit::Example;
use super::{figures, hand_target, link, main_service, names, place, record_order, services, RecordLinker};
use crate::document::{Document, Quantity};
use crate::eval::{FactKey, FactMode};
use crate::record::{ArticleRecord, Fact, Slot};

/// Which decision to draw examples for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Main,
    Link,
    Place,
}

/// A fact's identity without its operation, qualifier and country.
fn bare_key(fact: &Fact) -> FactKey {
    FactKey::new("", fact, FactMode::Unlinked)
}

impl RecordLinker {
    /// The labelled examples of `decision` in one annotated document (`doc.record` unused: the
    /// record is linked again with this linker, whose scorers should be the hand ones for the
    /// decision fitted).
    pub fn examples(
        &self,
        decision: Decision,
        doc: &Document,
        gold: &ArticleRecord,
    ) -> Vec<Example> {
        // The services named and their roles (the country of a figure needs neither).
        let found = || {
            let mentions = self.services.find(doc);
            let roles = services::roles(doc, &mentions);
            (mentions, roles)
        };
        match decision {
            Decision::Main => {
                let (mentions, roles) = found();
                let (order, hand_main) = services::rank_services(doc, &mentions, &roles);
                let Some(gold_main) = gold.main_service() else {
                    return Vec::new();
                };
                let Some(index) = order.iter().position(|s| *s == gold_main) else {
                    return Vec::new();
                };
                vec![Example {
                    doc: doc.id.clone(),
                    candidates: main_service::features(doc, &mentions, &roles, &order, hand_main),
                    gold: index,
                }]
            }
            Decision::Link => {
                let (mentions, roles) = found();
                let (order, main) = self.rank(doc, &mentions, &roles);
                let ordered = record_order(&order, main);
                if ordered.len() < 2 {
                    return Vec::new();
                }
                let record = self.link(doc);
                let assigned = services::assign_sentences(doc, &mentions, &roles, main);
                let context = link::LinkContext::new(doc, &mentions, &roles, main);
                let mut out = Vec::new();
                for (i, sentence) in doc.sentences.iter().enumerate() {
                    let targets = &assigned[i];
                    if sentence.heading || targets.is_empty() {
                        continue;
                    }
                    // The operations whose gold holds each figure this sentence gave.
                    let mut votes = vec![0usize; ordered.len()];
                    for fact in record.operations.iter().flat_map(|o| &o.facts) {
                        let here = fact.evidence.is_some_and(|e| {
                            e.sentence == [sentence.span.start, sentence.span.end]
                        });
                        // Agencies and countries go to every operation a sentence names, not to one.
                        if !here || matches!(fact.slot, Slot::Agency | Slot::Country) {
                            continue;
                        }
                        let key = bare_key(fact);
                        let holders: Vec<usize> = ordered
                            .iter()
                            .enumerate()
                            .filter(|(_, s)| {
                                gold.operations.iter().any(|o| {
                                    o.service == **s && o.facts.iter().any(|g| bare_key(g) == key)
                                })
                            })
                            .map(|(k, _)| k)
                            .collect();
                        if let [one] = holders.as_slice() {
                            votes[*one] += 1;
                        }
                    }
                    let best = votes.iter().copied().max().unwrap_or(0);
                    if best == 0 || votes.iter().filter(|&&v| v == best).count() > 1 {
                        continue;
                    }
                    let label = votes.iter().position(|&v| v == best).unwrap_or(0);
                    out.push(Example {
                        doc: doc.id.clone(),
                        candidates: context.features(doc, i, hand_target(targets, main), &ordered),
                        gold: label,
                    });
                }
                out
            }
            Decision::Place => {
                let record = self.link(doc);
                let home = if names::is_belgian(doc, &self.places) {
                    "BE"
                } else {
                    "NL"
                };
                let mut out = Vec::new();
                for (i, sentence) in doc.sentences.iter().enumerate() {
                    if sentence.heading {
                        continue;
                    }
                    let ctx = SentenceContext::new(doc, i, &self.places);
                    if ctx.places.is_empty() {
                        continue;
                    }
                    let quantities: Vec<&Quantity> = doc
                        .quantities
                        .iter()
                        .filter(|q| sentence.span.contains(q.span))
                        .collect();
                    let hand = figures::places_for(&ctx, &quantities);
                    let candidates = place::candidates(&ctx);
                    for (k, q) in quantities.iter().enumerate() {
                        let made = record.operations.iter().find_map(|o| {
                            o.facts
                                .iter()
                                .find(|f| {
                                    f.evidence
                                        .is_some_and(|e| e.span == [q.span.start, q.span.end])
                                })
                                .map(|f| (o, f))
                        });
                        let Some((op, fact)) = made else { continue };
                        let key = bare_key(fact);
                        // The gold `where` of this figure: in its operation, else in any.
                        let wheres = |same: bool| {
                            let mut w: Vec<Option<&str>> = gold
                                .operations
                                .iter()
                                .filter(|o| !same || o.service == op.service)
                                .flat_map(|o| &o.facts)
                                .filter(|g| bare_key(g) == key)
                                .map(|g| g.place.as_deref())
                                .collect();
                            w.sort();
                            w.dedup();
                            w
                        };
                        let mut found = wheres(true);
                        if found.is_empty() {
                            found = wheres(false);
                        }
                        let [label] = found.as_slice() else { continue };
                        let Some(gold_index) = candidates.iter().position(|c| c == label) else {
                            continue;
                        };
                        out.push(Example {
                            doc: doc.id.clone(),
                            candidates: place::features(
                                &ctx,
                                &quantities,
                                k,
                                hand[k],
                                home,
                                &candidates,
                            ),
                            gold: gold_index,
                        });
                    }
                }
                out
            }
        }
    }
}
