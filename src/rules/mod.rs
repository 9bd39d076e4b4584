//! The rule layer: links entities, figures and dates into the operation records of ANNOTATION.md.
//!
//! [`RecordLinker`] reads `sentences`, `tokens`, `quantities`, `dates` and `entities`, and fills
//! `Document::record`. Services are found by name ([`services`]), the main one chosen, and each
//! sentence assigned to the operation it is about; then each sentence's figures ([`figures`]),
//! names and dates ([`names`]) become facts of that operation. Cue words live in
//! `crate::data::cues`, names in `crate::data::gazetteer`.

pub mod context;
mod examples;
pub mod figures;
pub mod link;
pub mod logit;
pub mod main_service;
pub mod names;
pub mod place;
pub mod services;

pub use examples::Decision;
#[cfg(test)]
mod tests;

use crate::document::{Document, Quantity, Stage};
use crate::entities::distinct_entities;
use crate::error::Result;
use crate::eval::{FactKey, FactMode};
use crate::record::{ArticleRecord, Evidence, Fact, Operation};
use crate::span::Span;
use context::{PlaceTable, SentenceContext};
use services::ServiceTable;
use std::collections::HashSet;

/// How a decision that weighs several signals is made: the main service, the operation a
/// sentence belongs to, a figure's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Scorer {
    /// The hand-written rule.
    Hand,
    /// Weights fitted on labelled articles (`meelezer fit-main`, `fit-link`, `fit-where`;
    /// `src/data/*_weights.json`), with the hand rule's choice as one of the features.
    #[default]
    Fitted,
}

/// Which scorer makes each weighed decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scorers {
    pub main: Scorer,
    pub link: Scorer,
    pub place: Scorer,
}

impl Default for Scorers {
    /// The ones shipped: see the README's "Fitted decisions" for why each.
    fn default() -> Scorers {
        Scorers { main: Scorer::Fitted, link: Scorer::Hand, place: Scorer::Hand }
    }
}

impl Scorers {
    /// The hand rules everywhere.
    pub fn hand() -> Scorers {
        Scorers { main: Scorer::Hand, link: Scorer::Hand, place: Scorer::Hand }
    }
}

/// The rule layer stage.
#[derive(Default)]
pub struct RecordLinker {
    services: ServiceTable,
    places: PlaceTable,
    scorers: Scorers,
}

fn evidence(sentence: Span, span: Span) -> Option<Evidence> {
    Some(Evidence { sentence: [sentence.start, sentence.end], span: [span.start, span.end] })
}

impl RecordLinker {
    pub fn new() -> RecordLinker {
        RecordLinker::default()
    }

    /// The rule layer with a given service table (`extract --services`).
    pub fn with_services(services: std::sync::Arc<crate::data::services::ServiceCatalog>) -> RecordLinker {
        RecordLinker { services: ServiceTable::new(services), places: PlaceTable::default(), scorers: Scorers::default() }
    }

    /// The same linker making its weighed decisions with `scorers`.
    pub fn with_scorers(mut self, scorers: Scorers) -> RecordLinker {
        self.scorers = scorers;
        self
    }

    /// The scorers it uses.
    pub fn scorers(&self) -> Scorers {
        self.scorers
    }

    /// The service finder.
    pub fn services(&self) -> &ServiceTable {
        &self.services
    }

    /// The services named, in order of first mention, and the main one, by the main scorer.
    fn rank<'a>(&self, doc: &Document, mentions: &'a [services::ServiceMention], roles: &[services::Role]) -> (Vec<&'a str>, Option<&'a str>) {
        match self.scorers.main {
            Scorer::Hand => services::rank_services(doc, mentions, roles),
            Scorer::Fitted => services::rank_services_fitted(doc, mentions, roles, main_service::weights()),
        }
    }

    /// Builds the record of a document whose earlier stages have run.
    pub fn link(&self, doc: &Document) -> ArticleRecord {
        let mentions = self.services.find(doc);
        let roles = services::roles(doc, &mentions);
        let (order, main) = self.rank(doc, &mentions, &roles);
        let assigned = services::assign_sentences(doc, &mentions, &roles, main);
        let ordered = record_order(&order, main);
        let mut operations: Vec<Operation> = ordered
            .iter()
            .map(|s| Operation { service: s.to_string(), main: Some(*s) == main, facts: Vec::new() })
            .collect();
        let index_of = |service: &str| ordered.iter().position(|s| *s == service);
        let link = (self.scorers.link == Scorer::Fitted && ordered.len() > 1).then(|| link::LinkContext::new(doc, &mentions, &roles, main));

        let mut persons_seen = Vec::new();
        let mut investigations_seen: Vec<String> = Vec::new();
        let belgian = names::is_belgian(doc, &self.places);
        let home = if belgian { "BE" } else { "NL" };
        // The lead: the first two paragraphs that are not headings.
        let lead: Vec<usize> = (0..doc.paragraphs.len()).filter(|&p| !doc.paragraphs[p].heading).take(2).collect();
        for (i, sentence) in doc.sentences.iter().enumerate() {
            let targets = &assigned[i];
            if sentence.heading || targets.is_empty() {
                continue;
            }
            let ctx = SentenceContext::new(doc, i, &self.places);
            // Figures, people, code names and dates go to one operation: the main one if the
            // sentence names it, else the first named. Agencies and countries go to each.
            let hand = hand_target(targets, main);
            let Some(hand_index) = index_of(hand) else { continue };
            // With fitted weights, the operation whose features score best (`link`).
            let single = match &link {
                Some(link) => link::weights().choose(&link.features(doc, i, hand, &ordered)).unwrap_or(hand_index),
                None => hand_index,
            };
            // A sentence naming the main service among others is about the main one; a list of
            // other services (`waaronder Ennetcom, PGPsafe en SkyECC`) shares its agencies and
            // countries; one the fitted weights move goes where its figures go.
            let all: Vec<usize> = if main.is_some_and(|m| targets.contains(&m)) || single != hand_index {
                vec![single]
            } else {
                targets.iter().filter_map(|t| index_of(t)).collect()
            };

            let quantities: Vec<&Quantity> = doc.quantities.iter().filter(|q| sentence.span.contains(q.span)).collect();
            let mut places = figures::places_for(&ctx, &quantities);
            if self.scorers.place == Scorer::Fitted && !ctx.places.is_empty() {
                let candidates = place::candidates(&ctx);
                for k in 0..quantities.len() {
                    let x = place::features(&ctx, &quantities, k, places[k], home, &candidates);
                    places[k] = place::weights().choose(&x).map_or(places[k], |c| candidates[c]);
                }
            }
            let mut previous = None;
            for (k, (q, place)) in quantities.iter().zip(places).enumerate() {
                // The first end of a range takes the noun of the second (`tussen de 50.000 en
                // 60.000 berichten`: both ends, rulings of 2026-12).
                let figure = figures::classify(&ctx, q, previous).or_else(|| {
                    let next = quantities.get(k + 1).filter(|n| figures::range_joined(&ctx, q, n))?;
                    let class = figures::classify(&ctx, next, previous)?.class;
                    figures::classify(&ctx, q, class)
                });
                if let Some(figure) = figure {
                    previous = figure.class;
                    let mut fact = figure.fact;
                    fact.place = place.map(str::to_string);
                    fact.evidence = evidence(sentence.span, q.span);
                    operations[single].facts.push(fact);
                }
            }
            let sentence_wide = names::agencies(&ctx, belgian).into_iter().chain(names::countries(&ctx));
            for fact in sentence_wide {
                for &op in &all {
                    operations[op].facts.push(Fact { evidence: evidence(sentence.span, sentence.span), ..fact.clone() });
                }
            }
            let code_names = names::investigations(&ctx, self.services.catalog());
            investigations_seen.extend(code_names.iter().map(|f| f.value.to_string()));
            let singles = names::persons(doc, &ctx, self.services.catalog(), &mut persons_seen)
                .into_iter()
                .chain(code_names)
                .chain(names::server_countries(&ctx));
            for fact in singles {
                operations[single].facts.push(Fact { evidence: evidence(sentence.span, sentence.span), ..fact });
            }
            let dates: Vec<_> = doc.dates.iter().filter(|d| sentence.span.contains(d.span)).collect();
            if dates.is_empty() && lead.contains(&sentence.paragraph) {
                if let Some(fact) = names::news_takedown(&ctx, doc.date.as_deref()) {
                    operations[single].facts.push(Fact { evidence: evidence(sentence.span, sentence.span), ..fact });
                }
            }
            for (fact, k) in names::dates(&ctx, &dates, &investigations_seen) {
                // A date goes to the services named in its own clause (`Nexora groeide nadat
                // Ghost en Matrix vorig jaar offline werden gehaald`), else to the sentence's one.
                let (first, last) = ctx.token_range(dates[k].span);
                let (cs, ce) = ctx.subclause(first);
                let clause = crate::span::Span::new(ctx.tokens[cs].span.start, ctx.tokens[ce.max(cs + 1) - 1].span.end);
                // A year in brackets right after a name is that service's (`Ennetcom (2016), PGP Safe (2017)`),
                // and so is a date right before a name in brackets (`in 2016 (Ennetcom), in 2020 (EncroChat)`).
                let bracketed = first > 0 && ctx.words[first - 1] == "(" && first >= 2;
                let named_before = bracketed
                    .then(|| mentions.iter().find(|m| m.sentence == i && m.span.end == ctx.tokens[first - 2].span.end))
                    .flatten();
                let named_after = (ctx.words.get(last) == Some(&"("))
                    .then(|| ctx.tokens.get(last + 1).and_then(|t| mentions.iter().find(|m| m.sentence == i && m.span.start == t.span.start)))
                    .flatten();
                let mut owners: Vec<usize> = match named_before.or(named_after) {
                    Some(m) => index_of(&m.service).into_iter().collect(),
                    None => mentions
                        .iter()
                        .filter(|m| m.sentence == i && clause.contains(m.span))
                        .filter_map(|m| index_of(&m.service))
                        .collect(),
                };
                owners.dedup();
                if owners.is_empty() {
                    owners.push(single);
                }
                for op in owners {
                    operations[op].facts.push(Fact { evidence: evidence(sentence.span, dates[k].span), ..fact.clone() });
                }
            }
        }
        for op in &mut operations {
            let mut seen = HashSet::new();
            op.facts.retain(|f| seen.insert(FactKey::new(&op.service, f, FactMode::Strict)));
        }
        ArticleRecord { doc: doc.id.clone(), date: doc.date.clone(), entities: distinct_entities(doc), operations }
    }
}

/// The operations in the order of the record: the main one first, then the others as first named.
fn record_order<'a>(order: &[&'a str], main: Option<&'a str>) -> Vec<&'a str> {
    main.into_iter().chain(order.iter().copied().filter(|s| Some(*s) != main)).collect()
}

/// The operation the hand rule gives a sentence's figures, people and dates: the main one if the
/// sentence names it, else the first it is assigned to (`targets`, never empty).
fn hand_target<'a>(targets: &[&'a str], main: Option<&'a str>) -> &'a str {
    main.filter(|m| targets.contains(m)).unwrap_or(targets[0])
}

impl RecordLinker {
    /// How the rule layer reads the figure or date in `span` of an annotated document, for a
    /// user marking it by hand (`meelezer annotate`): the fact the record made from it, with the
    /// index of its operation in the record; else the reading of it in its sentence, with no
    /// operation. `None` when no figure or date the rules can read is there.
    pub fn reading(&self, doc: &Document, span: Span) -> Option<(Fact, Option<usize>)> {
        if let Some(record) = &doc.record {
            for (i, op) in record.operations.iter().enumerate() {
                let made = op.facts.iter().find(|f| {
                    f.evidence.is_some_and(|e| e.span != e.sentence && Span::new(e.span[0], e.span[1]).overlaps(span))
                });
                if let Some(fact) = made {
                    return Some((fact.clone(), Some(i)));
                }
            }
        }
        let i = doc.sentences.iter().position(|s| s.span.overlaps(span) && !s.heading)?;
        let sentence = &doc.sentences[i];
        let ctx = SentenceContext::new(doc, i, &self.places);
        let evidence = |at: Span| evidence(sentence.span, at);
        if let Some(q) = doc.quantities.iter().find(|q| q.span.overlaps(span)) {
            let figure = figures::classify(&ctx, q, None)?;
            return Some((Fact { evidence: evidence(q.span), ..figure.fact }, None));
        }
        let dates: Vec<_> = doc.dates.iter().filter(|d| sentence.span.contains(d.span)).collect();
        let k = dates.iter().position(|d| d.span.overlaps(span))?;
        let (fact, _) = names::dates(&ctx, &dates, &[]).into_iter().find(|(_, j)| *j == k)?;
        Some((Fact { evidence: evidence(dates[k].span), ..fact }, None))
    }
}

impl Stage for RecordLinker {
    fn name(&self) -> &'static str {
        "rules"
    }

    fn process(&self, doc: &mut Document) -> Result<()> {
        doc.record = Some(self.link(doc));
        Ok(())
    }
}
