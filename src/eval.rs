//! The evaluator: scores predicted records against gold as ANNOTATION.md's "Scoring" section says.
//!
//! Operations are (doc, service) pairs; facts are compared as sets in three modes (strict: every
//! field; lenient: without `qualifier` and `where`; unlinked: lenient without the service);
//! entities as (doc, text, type) triples and (doc, text) pairs. Every score is micro-averaged,
//! and also given per slot and per article, with a paired bootstrap interval over articles.

use crate::record::{ArticleRecord, Fact, Slot};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// True-positive, gold and predicted counts, and the precision, recall and F1 they give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub gold: usize,
    pub pred: usize,
}

/// Precision, recall and F1 with their counts, as `--json` prints them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub tp: usize,
    pub gold: usize,
    pub pred: usize,
}

impl Counts {
    /// With nothing in gold and nothing predicted, every score is 1 (nothing to find, nothing
    /// wrong); otherwise an empty denominator gives 0.
    pub fn prf(&self) -> Prf {
        let (p, r) = if self.gold == 0 && self.pred == 0 {
            (1.0, 1.0)
        } else {
            let p = if self.pred == 0 { 0.0 } else { self.tp as f64 / self.pred as f64 };
            let r = if self.gold == 0 { 0.0 } else { self.tp as f64 / self.gold as f64 };
            (p, r)
        };
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { p, r, f1, tp: self.tp, gold: self.gold, pred: self.pred }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.gold += other.gold;
        self.pred += other.pred;
    }

    fn of_sets<T: Ord>(gold: &BTreeSet<T>, pred: &BTreeSet<T>) -> Counts {
        Counts { tp: gold.intersection(pred).count(), gold: gold.len(), pred: pred.len() }
    }
}

/// How facts are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactMode {
    /// Every field must match.
    Strict,
    /// `qualifier` and `where` are ignored.
    Lenient,
    /// As lenient, and the service is ignored too.
    Unlinked,
}

/// A fact reduced to the fields a mode compares, so that sets of keys can be intersected.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactKey {
    pub service: Option<String>,
    pub slot: Slot,
    pub value: String,
    pub unit: Option<String>,
    pub what: Option<String>,
    pub per_months: Option<u32>,
    pub qualifier: Option<&'static str>,
    pub place: Option<String>,
}

impl FactKey {
    pub fn new(service: &str, fact: &Fact, mode: FactMode) -> FactKey {
        let strict = mode == FactMode::Strict;
        FactKey {
            service: (mode != FactMode::Unlinked).then(|| service.to_string()),
            slot: fact.slot,
            value: fact.value.key(),
            unit: fact.unit.clone(),
            what: fact.what.clone(),
            per_months: fact.per_months,
            qualifier: if strict { fact.qualifier.map(|q| q.as_str()) } else { None },
            place: if strict { fact.place.clone() } else { None },
        }
    }
}

impl std::fmt::Display for FactKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(s) = &self.service {
            write!(f, "[{s}] ")?;
        }
        write!(f, "{}={}", self.slot, self.value)?;
        if let Some(u) = &self.unit {
            write!(f, " {u}")?;
        }
        if let Some(w) = &self.what {
            write!(f, " what={w}")?;
        }
        if let Some(m) = self.per_months {
            write!(f, " per_months={m}")?;
        }
        if let Some(q) = self.qualifier {
            write!(f, " qualifier={q}")?;
        }
        if let Some(p) = &self.place {
            write!(f, " where={p}")?;
        }
        Ok(())
    }
}

fn fact_set(record: Option<&ArticleRecord>, mode: FactMode, slot: Option<Slot>) -> BTreeSet<FactKey> {
    record
        .into_iter()
        .flat_map(|r| &r.operations)
        .flat_map(|op| op.facts.iter().map(move |f| (op.service.as_str(), f)))
        .filter(|(_, f)| slot.is_none_or(|s| f.slot == s))
        .map(|(service, f)| FactKey::new(service, f, mode))
        .collect()
}

fn entity_set(record: Option<&ArticleRecord>, typed: bool) -> BTreeSet<(String, &'static str)> {
    record
        .into_iter()
        .flat_map(|r| &r.entities)
        .map(|e| (e.text.clone(), if typed { e.label.as_str() } else { "" }))
        .collect()
}

fn operation_set(record: Option<&ArticleRecord>) -> BTreeSet<String> {
    record.into_iter().flat_map(|r| &r.operations).map(|o| o.service.clone()).collect()
}

/// One article's scores.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleScore {
    pub doc: String,
    pub operations: Prf,
    pub main_correct: bool,
    pub facts_strict: Prf,
    pub facts_lenient: Prf,
    pub facts_unlinked: Prf,
    pub entities: Prf,
    #[serde(skip)]
    counts: [Counts; 3],
}

/// One slot's scores.
#[derive(Debug, Clone, Serialize)]
pub struct SlotScore {
    pub strict: Prf,
    pub lenient: Prf,
    pub unlinked: Prf,
}

/// A 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

/// The share of articles whose main service is right.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MainAccuracy {
    pub correct: usize,
    pub total: usize,
    pub accuracy: f64,
}

/// Everything `eval` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub articles: usize,
    pub operations: Prf,
    pub main_service: MainAccuracy,
    pub facts_strict: Prf,
    pub facts_lenient: Prf,
    pub facts_unlinked: Prf,
    pub entities: Prf,
    pub entities_untyped: Prf,
    pub per_slot: BTreeMap<String, SlotScore>,
    pub per_article: Vec<ArticleScore>,
    /// Paired bootstrap 95% intervals of micro fact F1 over articles.
    pub bootstrap: BTreeMap<String, Interval>,
    /// Documents in one file but not the other.
    pub warnings: Vec<String>,
}

/// One of the two fixed halves of a development set: the *working* half is read while writing
/// rules (`eval --diff`), the *check* half only scored, to see whether a change carries over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Half {
    Working,
    Check,
}

impl Half {
    /// The half a document belongs to: the parity of the 64-bit FNV-1a hash of its id's bytes
    /// (even: working, odd: check). Fixed by the id alone, so it never depends on a set's order.
    pub fn of(doc: &str) -> Half {
        if crate::rng::fnv1a(doc.as_bytes()) % 2 == 0 {
            Half::Working
        } else {
            Half::Check
        }
    }
}

/// Number of bootstrap resamples and the fixed seed, so intervals are reproducible.
pub const BOOTSTRAP_RESAMPLES: usize = 1000;
pub const BOOTSTRAP_SEED: u64 = 0x6d65_656c_657a_6572;

/// Scores `pred` against `gold`. Articles are those of the gold file; a gold article missing
/// from the predictions counts as all misses, and predictions for articles not in gold are left
/// out; both are listed in `warnings`.
pub fn evaluate(gold: &[ArticleRecord], pred: &[ArticleRecord]) -> Report {
    let pred_by_doc: HashMap<&str, &ArticleRecord> = pred.iter().map(|r| (r.doc.as_str(), r)).collect();
    let gold_docs: BTreeSet<&str> = gold.iter().map(|r| r.doc.as_str()).collect();
    let mut warnings = Vec::new();
    for g in gold {
        if !pred_by_doc.contains_key(g.doc.as_str()) {
            warnings.push(format!("{}: in gold but not predicted (scored as all missed)", g.doc));
        }
    }
    for p in pred {
        if !gold_docs.contains(p.doc.as_str()) {
            warnings.push(format!("{}: predicted but not in gold (not scored)", p.doc));
        }
    }

    let mut totals = [Counts::default(); 6]; // operations, strict, lenient, unlinked, entities, untyped
    let mut main_correct = 0;
    let mut per_article = Vec::new();
    for g in gold {
        let p = pred_by_doc.get(g.doc.as_str()).copied();
        let ops = Counts::of_sets(&operation_set(Some(g)), &operation_set(p));
        let modes = [FactMode::Strict, FactMode::Lenient, FactMode::Unlinked]
            .map(|m| Counts::of_sets(&fact_set(Some(g), m, None), &fact_set(p, m, None)));
        let ents = Counts::of_sets(&entity_set(Some(g), true), &entity_set(p, true));
        let untyped = Counts::of_sets(&entity_set(Some(g), false), &entity_set(p, false));
        let main_ok = g.main_service() == p.and_then(|r| r.main_service());
        main_correct += main_ok as usize;
        for (total, c) in totals.iter_mut().zip([ops, modes[0], modes[1], modes[2], ents, untyped]) {
            total.add(c);
        }
        per_article.push(ArticleScore {
            doc: g.doc.clone(),
            operations: ops.prf(),
            main_correct: main_ok,
            facts_strict: modes[0].prf(),
            facts_lenient: modes[1].prf(),
            facts_unlinked: modes[2].prf(),
            entities: ents.prf(),
            counts: modes,
        });
    }

    let mut per_slot = BTreeMap::new();
    for slot in Slot::ALL {
        let [strict, lenient, unlinked] = [FactMode::Strict, FactMode::Lenient, FactMode::Unlinked].map(|m| {
            let mut c = Counts::default();
            for g in gold {
                let p = pred_by_doc.get(g.doc.as_str()).copied();
                c.add(Counts::of_sets(&fact_set(Some(g), m, Some(slot)), &fact_set(p, m, Some(slot))));
            }
            c
        });
        if strict.gold + strict.pred > 0 {
            per_slot.insert(slot.to_string(), SlotScore { strict: strict.prf(), lenient: lenient.prf(), unlinked: unlinked.prf() });
        }
    }

    let mut bootstrap = BTreeMap::new();
    for (name, i) in [("facts_strict", 0), ("facts_lenient", 1)] {
        let counts: Vec<Counts> = per_article.iter().map(|a| a.counts[i]).collect();
        bootstrap.insert(name.to_string(), bootstrap_f1(&counts, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED));
    }

    Report {
        articles: gold.len(),
        operations: totals[0].prf(),
        main_service: MainAccuracy {
            correct: main_correct,
            total: gold.len(),
            accuracy: if gold.is_empty() { 0.0 } else { main_correct as f64 / gold.len() as f64 },
        },
        facts_strict: totals[1].prf(),
        facts_lenient: totals[2].prf(),
        facts_unlinked: totals[3].prf(),
        entities: totals[4].prf(),
        entities_untyped: totals[5].prf(),
        per_slot,
        per_article,
        bootstrap,
        warnings,
    }
}

/// Paired bootstrap over articles: resample articles with replacement (gold and prediction of
/// an article travel together), recompute micro F1, and take the 2.5th and 97.5th percentiles.
pub fn bootstrap_f1(per_article: &[Counts], resamples: usize, seed: u64) -> Interval {
    if per_article.is_empty() || resamples == 0 {
        return Interval { lo: 0.0, hi: 0.0 };
    }
    let mut rng = crate::rng::SplitMix64::new(seed);
    let mut scores: Vec<f64> = (0..resamples)
        .map(|_| {
            let mut c = Counts::default();
            for _ in 0..per_article.len() {
                c.add(per_article[rng.below(per_article.len())]);
            }
            c.prf().f1
        })
        .collect();
    scores.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| scores[((q * resamples as f64).floor() as usize).min(resamples - 1)];
    Interval { lo: at(0.025), hi: at(0.975) }
}

/// One article's differences: missing and spurious facts and entities.
#[derive(Debug, Clone, Default)]
pub struct ArticleDiff {
    pub doc: String,
    pub main: Option<(Option<String>, Option<String>)>,
    pub missing_operations: Vec<String>,
    pub spurious_operations: Vec<String>,
    /// Gold facts with no strict match; the lenient match, when one exists, shows what differs.
    pub missing_facts: Vec<(FactKey, Option<FactKey>)>,
    pub spurious_facts: Vec<FactKey>,
    pub missing_entities: Vec<(String, &'static str)>,
    pub spurious_entities: Vec<(String, &'static str)>,
}

/// The per-article differences behind the scores, for `eval --diff`.
pub fn diff(gold: &[ArticleRecord], pred: &[ArticleRecord]) -> Vec<ArticleDiff> {
    let pred_by_doc: HashMap<&str, &ArticleRecord> = pred.iter().map(|r| (r.doc.as_str(), r)).collect();
    let mut out = Vec::new();
    for g in gold {
        let p = pred_by_doc.get(g.doc.as_str()).copied();
        let mut d = ArticleDiff { doc: g.doc.clone(), ..ArticleDiff::default() };
        let (gm, pm) = (g.main_service().map(str::to_string), p.and_then(|r| r.main_service()).map(str::to_string));
        if gm != pm {
            d.main = Some((gm, pm));
        }
        let (go, po) = (operation_set(Some(g)), operation_set(p));
        d.missing_operations = go.difference(&po).cloned().collect();
        d.spurious_operations = po.difference(&go).cloned().collect();

        let gs = fact_set(Some(g), FactMode::Strict, None);
        let ps = fact_set(p, FactMode::Strict, None);
        let lenient = |k: &FactKey| FactKey { qualifier: None, place: None, ..k.clone() };
        let spurious: Vec<&FactKey> = ps.difference(&gs).collect();
        let mut near_used = BTreeSet::new();
        for missing in gs.difference(&ps) {
            let near = spurious.iter().find(|s| lenient(s) == lenient(missing) && !near_used.contains(*s)).copied();
            if let Some(n) = near {
                near_used.insert(n);
            }
            d.missing_facts.push((missing.clone(), near.cloned()));
        }
        d.spurious_facts = spurious.into_iter().filter(|s| !near_used.contains(s)).cloned().collect();

        let (ge, pe) = (entity_set(Some(g), true), entity_set(p, true));
        d.missing_entities = ge.difference(&pe).cloned().collect();
        d.spurious_entities = pe.difference(&ge).cloned().collect();
        out.push(d);
    }
    out
}

fn row(name: &str, s: &Prf) -> String {
    format!("{:<18} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}", name, s.p, s.r, s.f1, s.tp, s.gold, s.pred)
}

impl Report {
    /// The score table: overall, per slot and per article.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let header = format!("{:<18} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "", "P", "R", "F1", "tp", "gold", "pred");
        out.push_str(&format!("{} articles\n\n{header}\n", self.articles));
        out.push_str(&row("operations", &self.operations));
        out.push('\n');
        for (name, s, boot) in [
            ("facts strict", &self.facts_strict, self.bootstrap.get("facts_strict")),
            ("facts lenient", &self.facts_lenient, self.bootstrap.get("facts_lenient")),
            ("facts unlinked", &self.facts_unlinked, None),
        ] {
            out.push_str(&row(name, s));
            if let Some(b) = boot {
                out.push_str(&format!("   F1 95% CI [{:.3}, {:.3}]", b.lo, b.hi));
            }
            out.push('\n');
        }
        out.push_str(&row("entities", &self.entities));
        out.push('\n');
        out.push_str(&row("entities untyped", &self.entities_untyped));
        out.push('\n');
        let m = &self.main_service;
        out.push_str(&format!("{:<18} {:>6.3}   ({} of {} articles)\n", "main service", m.accuracy, m.correct, m.total));

        out.push_str(&format!(
            "\n{:<20} {:>9} {:>10} {:>11} {:>6} {:>6}\n",
            "per slot", "strict F1", "lenient F1", "unlinked F1", "gold", "pred"
        ));
        for (slot, s) in &self.per_slot {
            out.push_str(&format!(
                "{:<20} {:>9.3} {:>10.3} {:>11.3} {:>6} {:>6}\n",
                slot, s.strict.f1, s.lenient.f1, s.unlinked.f1, s.strict.gold, s.strict.pred
            ));
        }
        let width = self.per_article.iter().map(|a| a.doc.len()).max().unwrap_or(0).max(11);
        out.push_str(&format!(
            "\n{:<width$} {:>6} {:>5} {:>9} {:>10} {:>11} {:>6} {:>6}\n",
            "per article", "ops F1", "main", "strict F1", "lenient F1", "entities F1", "gold", "pred"
        ));
        for a in &self.per_article {
            out.push_str(&format!(
                "{:<width$} {:>6.3} {:>5} {:>9.3} {:>10.3} {:>11.3} {:>6} {:>6}\n",
                a.doc,
                a.operations.f1,
                if a.main_correct { "ok" } else { "WRONG" },
                a.facts_strict.f1,
                a.facts_lenient.f1,
                a.entities.f1,
                a.facts_strict.gold,
                a.facts_strict.pred
            ));
        }
        for w in &self.warnings {
            out.push_str(&format!("warning: {w}\n"));
        }
        out
    }
}

/// Renders the differences for people: `-` missing, `+` spurious, `~` right but for qualifier or where.
pub fn diff_text(diffs: &[ArticleDiff]) -> String {
    let mut out = String::new();
    for d in diffs {
        let clean = d.main.is_none()
            && d.missing_operations.is_empty()
            && d.spurious_operations.is_empty()
            && d.missing_facts.is_empty()
            && d.spurious_facts.is_empty()
            && d.missing_entities.is_empty()
            && d.spurious_entities.is_empty();
        out.push_str(&format!("== {}{}\n", d.doc, if clean { ": no differences" } else { "" }));
        if let Some((g, p)) = &d.main {
            out.push_str(&format!("  main service: gold {:?}, predicted {:?}\n", g, p));
        }
        for o in &d.missing_operations {
            out.push_str(&format!("  - operation {o}\n"));
        }
        for o in &d.spurious_operations {
            out.push_str(&format!("  + operation {o}\n"));
        }
        for (m, near) in &d.missing_facts {
            match near {
                Some(n) => out.push_str(&format!("  ~ {m}\n      predicted {n}\n")),
                None => out.push_str(&format!("  - {m}\n")),
            }
        }
        for s in &d.spurious_facts {
            out.push_str(&format!("  + {s}\n"));
        }
        for (t, ty) in &d.missing_entities {
            out.push_str(&format!("  - entity {t} ({ty})\n"));
        }
        for (t, ty) in &d.spurious_entities {
            out.push_str(&format!("  + entity {t} ({ty})\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(line: &str) -> ArticleRecord {
        ArticleRecord::from_json_line(line).unwrap()
    }

    const GOLD: &str = r#"{"doc": "a", "date": null, "entities": [{"text": "EncroChat", "type": "ORG"}, {"text": "Nederland", "type": "LOC"}], "operations": [{"service": "EncroChat", "main": true, "facts": [{"slot": "arrests", "value": 100, "qualifier": "more_than", "where": "NL"}, {"slot": "users", "value": 50000}, {"slot": "seized_cash", "value": 20000000, "unit": "EUR"}, {"slot": "agency", "value": "Politie"}]}, {"service": "Ennetcom", "main": false, "facts": []}]}"#;

    #[test]
    fn a_perfect_prediction_scores_one() {
        let g = vec![rec(GOLD)];
        let r = evaluate(&g, &g);
        for s in [r.operations, r.facts_strict, r.facts_lenient, r.facts_unlinked, r.entities, r.entities_untyped] {
            assert_eq!((s.p, s.r, s.f1), (1.0, 1.0, 1.0));
        }
        assert_eq!(r.main_service.accuracy, 1.0);
        assert_eq!(r.bootstrap["facts_strict"], Interval { lo: 1.0, hi: 1.0 });
    }

    #[test]
    fn known_misses_give_known_scores() {
        // Prediction: arrests without qualifier/where (lenient hit, strict miss), users right,
        // cash missing, a spurious searches fact, agency right; Ennetcom missing; one entity mistyped.
        let pred = rec(r#"{"doc": "a", "date": null, "entities": [{"text": "EncroChat", "type": "ORG"}, {"text": "Nederland", "type": "MISC"}], "operations": [{"service": "EncroChat", "main": true, "facts": [{"slot": "arrests", "value": 100}, {"slot": "users", "value": 50000}, {"slot": "searches", "value": 75}, {"slot": "agency", "value": "Politie"}]}]}"#);
        let r = evaluate(&[rec(GOLD)], &[pred]);
        assert_eq!((r.operations.tp, r.operations.gold, r.operations.pred), (1, 2, 1));
        assert_eq!(r.operations.f1, 2.0 * 1.0 * 0.5 / 1.5);
        assert_eq!((r.facts_strict.tp, r.facts_strict.gold, r.facts_strict.pred), (2, 4, 4));
        assert_eq!((r.facts_lenient.tp, r.facts_lenient.gold, r.facts_lenient.pred), (3, 4, 4));
        assert_eq!(r.facts_strict.f1, 0.5);
        assert_eq!(r.facts_lenient.f1, 0.75);
        assert_eq!((r.entities.tp, r.entities_untyped.tp), (1, 2));
        assert_eq!(r.per_slot["arrests"].strict.f1, 0.0);
        assert_eq!(r.per_slot["arrests"].lenient.f1, 1.0);
        assert_eq!(r.per_slot["searches"].strict.pred, 1);
    }

    #[test]
    fn unlinked_ignores_the_service_and_duplicates_count_once() {
        let pred = rec(r#"{"doc": "a", "date": null, "entities": [], "operations": [{"service": "Ennetcom", "main": true, "facts": [{"slot": "users", "value": 50000}, {"slot": "users", "value": 50000.0}]}]}"#);
        let r = evaluate(&[rec(GOLD)], &[pred]);
        assert_eq!((r.facts_lenient.tp, r.facts_lenient.pred), (0, 1));
        assert_eq!((r.facts_unlinked.tp, r.facts_unlinked.pred), (1, 1));
        assert_eq!(r.main_service.correct, 0);
    }

    #[test]
    fn missing_and_extra_documents_are_reported() {
        let other = rec(r#"{"doc": "b", "date": null, "entities": [], "operations": []}"#);
        let r = evaluate(&[rec(GOLD)], &[other]);
        assert_eq!(r.facts_strict.tp, 0);
        assert_eq!(r.facts_strict.gold, 4);
        assert_eq!(r.warnings.len(), 2);
    }

    #[test]
    fn empty_article_scores_one_when_nothing_is_predicted() {
        let empty = rec(r#"{"doc": "b", "date": null, "entities": [], "operations": []}"#);
        let r = evaluate(std::slice::from_ref(&empty), std::slice::from_ref(&empty));
        assert_eq!(r.per_article[0].facts_strict.f1, 1.0);
        assert_eq!(r.main_service.accuracy, 1.0);
    }

    #[test]
    fn diff_lists_near_misses_and_spurious_facts() {
        let pred = rec(r#"{"doc": "a", "date": null, "entities": [], "operations": [{"service": "EncroChat", "main": true, "facts": [{"slot": "arrests", "value": 100}, {"slot": "searches", "value": 75}]}]}"#);
        let d = diff(&[rec(GOLD)], &[pred]);
        let text = diff_text(&d);
        assert!(text.contains("~ [EncroChat] arrests=100 qualifier=more_than where=NL"), "{text}");
        assert!(text.contains("+ [EncroChat] searches=75"), "{text}");
        assert!(text.contains("- [EncroChat] seized_cash=20000000 EUR"), "{text}");
        assert!(text.contains("- operation Ennetcom"), "{text}");
        assert!(text.contains("- entity Nederland (LOC)"), "{text}");
    }

    #[test]
    fn bootstrap_interval_brackets_the_score() {
        let counts: Vec<Counts> = (0..20).map(|i| Counts { tp: i % 5, gold: 5, pred: 5 }).collect();
        let iv = bootstrap_f1(&counts, 1000, 7);
        let mut total = Counts::default();
        counts.iter().for_each(|c| total.add(*c));
        let f1 = total.prf().f1;
        assert!(iv.lo < f1 && f1 < iv.hi, "{iv:?} {f1}");
        assert_eq!(iv, bootstrap_f1(&counts, 1000, 7));
    }

    #[test]
    fn halves_follow_the_fnv1a_parity_of_the_id() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (even), of "b" 0xaf63df4c8601f1a5 (odd).
        assert_eq!(Half::of("a"), Half::Working);
        assert_eq!(Half::of("b"), Half::Check);
        let ids: Vec<String> = (0..200).map(|i| format!("d{i:03}_x")).collect();
        let working = ids.iter().filter(|d| Half::of(d) == Half::Working).count();
        assert!((70..=130).contains(&working), "{working} of 200 in the working half");
    }
}
