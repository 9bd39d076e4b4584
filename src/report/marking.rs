//! Predicted records marked against gold, for the report: each fact correct, spurious, a lenient
//! near-miss (right but for `qualifier` or `where`) or missing, by the evaluator's own strict
//! comparison ([`crate::eval::diff`], [`FactKey`] with [`FactMode::Strict`]).

use crate::eval::{diff, FactKey, FactMode};
use crate::record::{ArticleRecord, Evidence};
use std::collections::{BTreeMap, BTreeSet};

/// A fact's standing against gold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactStatus {
    /// No gold for this article.
    Unscored,
    Correct,
    /// Predicted, not in gold; but a gold fact matches it leniently: `gold` is that fact.
    NearMiss { gold: FactKey },
    Spurious,
    /// In gold, not predicted (not even leniently).
    Missing,
}

impl FactStatus {
    /// The CSS class and the word the report shows.
    pub fn name(&self) -> &'static str {
        match self {
            FactStatus::Unscored => "unscored",
            FactStatus::Correct => "correct",
            FactStatus::NearMiss { .. } => "near-miss",
            FactStatus::Spurious => "spurious",
            FactStatus::Missing => "missing",
        }
    }
}

/// One row of an operation's table: the fact's strict key (every field the comparison sees),
/// its standing, and where it came from in the text when the prediction says so.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRow {
    pub key: FactKey,
    pub status: FactStatus,
    pub evidence: Option<Evidence>,
}

/// An operation's standing against gold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationStatus {
    Unscored,
    Correct,
    Spurious,
    Missing,
}

impl OperationStatus {
    pub fn name(&self) -> &'static str {
        match self {
            OperationStatus::Unscored => "unscored",
            OperationStatus::Correct => "correct",
            OperationStatus::Spurious => "spurious",
            OperationStatus::Missing => "missing",
        }
    }
}

/// An operation with its rows: the predicted facts first, in their order, then gold's missing ones.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedOperation {
    pub service: String,
    /// Main in the prediction (or, for a missing operation, in gold).
    pub main: bool,
    pub status: OperationStatus,
    pub rows: Vec<FactRow>,
}

/// One article's records marked against gold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarkedArticle {
    pub scored: bool,
    pub operations: Vec<MarkedOperation>,
    /// Gold's and the prediction's main service, when they differ.
    pub main_mismatch: Option<(Option<String>, Option<String>)>,
    pub missing_entities: Vec<(String, &'static str)>,
    pub spurious_entities: Vec<(String, &'static str)>,
}

impl MarkedArticle {
    pub fn rows(&self) -> impl Iterator<Item = &FactRow> {
        self.operations.iter().flat_map(|o| &o.rows)
    }
}

/// Marks `pred` against `gold`. Without gold nothing is scored; without a prediction (an article
/// gold has but the predictions lack) every gold fact is missing.
pub fn mark(pred: Option<&ArticleRecord>, gold: Option<&ArticleRecord>) -> MarkedArticle {
    let unscored = |pred: Option<&ArticleRecord>| {
        let operations = pred
            .into_iter()
            .flat_map(|r| &r.operations)
            .map(|op| MarkedOperation {
                service: op.service.clone(),
                main: op.main,
                status: OperationStatus::Unscored,
                rows: op
                    .facts
                    .iter()
                    .map(|f| FactRow { key: FactKey::new(&op.service, f, FactMode::Strict), status: FactStatus::Unscored, evidence: f.evidence })
                    .collect(),
            })
            .collect();
        MarkedArticle { operations, ..MarkedArticle::default() }
    };
    let Some(gold) = gold else { return unscored(pred) };
    let empty = ArticleRecord { doc: gold.doc.clone(), date: None, entities: Vec::new(), operations: Vec::new() };
    let pred_record = pred.unwrap_or(&empty);
    let Some(d) = diff(std::slice::from_ref(gold), std::slice::from_ref(pred_record)).into_iter().next() else {
        return unscored(pred);
    };
    let near: BTreeMap<&FactKey, &FactKey> = d.missing_facts.iter().filter_map(|(g, n)| n.as_ref().map(|n| (n, g))).collect();
    let spurious: BTreeSet<&FactKey> = d.spurious_facts.iter().collect();
    let spurious_ops: BTreeSet<&str> = d.spurious_operations.iter().map(String::as_str).collect();

    let mut operations: Vec<MarkedOperation> = pred_record
        .operations
        .iter()
        .map(|op| MarkedOperation {
            service: op.service.clone(),
            main: op.main,
            status: if spurious_ops.contains(op.service.as_str()) { OperationStatus::Spurious } else { OperationStatus::Correct },
            rows: op
                .facts
                .iter()
                .map(|f| {
                    let key = FactKey::new(&op.service, f, FactMode::Strict);
                    let status = match near.get(&key) {
                        Some(g) => FactStatus::NearMiss { gold: (*g).clone() },
                        None if spurious.contains(&key) => FactStatus::Spurious,
                        None => FactStatus::Correct,
                    };
                    FactRow { key, status, evidence: f.evidence }
                })
                .collect(),
        })
        .collect();
    for service in &d.missing_operations {
        let main = gold.operations.iter().any(|o| &o.service == service && o.main);
        operations.push(MarkedOperation { service: service.clone(), main, status: OperationStatus::Missing, rows: Vec::new() });
    }
    for (key, near) in &d.missing_facts {
        if near.is_some() {
            continue;
        }
        let service = key.service.as_deref().unwrap_or_default();
        let row = FactRow { key: key.clone(), status: FactStatus::Missing, evidence: None };
        match operations.iter_mut().find(|o| o.service == service) {
            Some(op) => op.rows.push(row),
            None => operations.push(MarkedOperation {
                service: service.to_string(),
                main: false,
                status: OperationStatus::Missing,
                rows: vec![row],
            }),
        }
    }
    MarkedArticle {
        scored: true,
        operations,
        main_mismatch: d.main,
        missing_entities: d.missing_entities,
        spurious_entities: d.spurious_entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(line: &str) -> ArticleRecord {
        ArticleRecord::from_json_line(line).unwrap()
    }

    const GOLD: &str = r#"{"doc": "a", "date": null, "entities": [], "operations": [{"service": "EncroChat", "main": true, "facts": [{"slot": "arrests", "value": 100, "qualifier": "more_than"}, {"slot": "users", "value": 50000}, {"slot": "agency", "value": "Politie"}]}, {"service": "Ennetcom", "main": false, "facts": [{"slot": "users", "value": 19000}]}]}"#;
    const PRED: &str = r#"{"doc": "a", "date": null, "entities": [], "operations": [{"service": "EncroChat", "main": true, "facts": [{"slot": "arrests", "value": 100, "evidence": {"sentence": [0, 50], "span": [10, 13]}}, {"slot": "users", "value": 50000}, {"slot": "searches", "value": 7}]}, {"service": "Sky ECC", "main": false, "facts": []}]}"#;

    fn statuses(m: &MarkedArticle) -> Vec<(String, &'static str)> {
        m.rows().map(|r| (r.key.to_string(), r.status.name())).collect()
    }

    #[test]
    fn facts_are_marked_as_the_evaluator_counts_them() {
        let m = mark(Some(&rec(PRED)), Some(&rec(GOLD)));
        assert!(m.scored);
        assert_eq!(
            statuses(&m),
            vec![
                ("[EncroChat] arrests=100".to_string(), "near-miss"),
                ("[EncroChat] users=50000".to_string(), "correct"),
                ("[EncroChat] searches=7".to_string(), "spurious"),
                ("[EncroChat] agency=Politie".to_string(), "missing"),
                ("[Ennetcom] users=19000".to_string(), "missing"),
            ]
        );
        let ops: Vec<(&str, &str)> = m.operations.iter().map(|o| (o.service.as_str(), o.status.name())).collect();
        assert_eq!(ops, vec![("EncroChat", "correct"), ("Sky ECC", "spurious"), ("Ennetcom", "missing")]);
        assert_eq!(m.rows().next().unwrap().evidence, Some(Evidence { sentence: [0, 50], span: [10, 13] }));
        let correct = m.rows().filter(|r| r.status == FactStatus::Correct).count();
        let report = crate::eval::evaluate(&[rec(GOLD)], &[rec(PRED)]);
        assert_eq!(correct, report.facts_strict.tp);
    }

    #[test]
    fn without_gold_nothing_is_scored_and_without_prediction_all_is_missing() {
        let m = mark(Some(&rec(PRED)), None);
        assert!(!m.scored);
        assert!(m.rows().all(|r| r.status == FactStatus::Unscored));
        assert_eq!(m.rows().count(), 3);
        let m = mark(None, Some(&rec(GOLD)));
        assert_eq!(m.rows().filter(|r| r.status == FactStatus::Missing).count(), 4);
    }
}
