//! From many articles to one picture per operation: records merged by service, each slot's
//! distinct values with the articles that state them, updates and outliers, and a timeline.
//!
//! The rules (also in the README's "Merging a corpus"):
//! - Values are grouped by service, then by slot, `unit`, `what`, `where` and `per_months`; within
//!   a group each distinct value keeps how many articles state it, the qualifiers seen, its first
//!   and last article date and (up to a limit) which articles. An article counts once per value.
//! - The **top** value of a group is the one most articles state; ties go to the one stated
//!   last (by article date), then to the one seen first.
//! - For figures (counts, sums, masses), a value first stated in a later article and larger than
//!   every value stated before it is an **update**; the group's values by their first date are its
//!   **series**.
//! - A value only one article states while another value of the group has three or more is an
//!   **outlier**.
//! - The **timeline** of a service holds its dated facts (takedown, interception and
//!   investigation starts) at their own dates and each series point at its article date.
//!
//! Records are read once ([`Merger::add`]); memory grows with the distinct values, not with the
//! articles, since each value keeps at most `max_sources` article references.

use crate::eval::{Counts, Prf};
use crate::record::{ArticleRecord, FactValue, Slot};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Where a value was read: an article and its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub doc: String,
    pub date: Option<String>,
}

/// One distinct value of a slot, with who states it.
#[derive(Debug, Clone, Serialize)]
pub struct MergedValue {
    pub value: FactValue,
    pub articles: usize,
    pub qualifiers: Vec<&'static str>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub sources: Vec<Source>,
    /// Articles stating it that are not listed in `sources` (over the limit).
    pub sources_left_out: usize,
    pub top: bool,
    pub update: bool,
    pub outlier: bool,
    #[serde(skip)]
    seen: u64,
    #[serde(skip)]
    last_doc: Option<String>,
}

/// One slot of a service (with its `unit`, `what`, `where` and `per_months`) and its values, the
/// top one first.
#[derive(Debug, Clone, Serialize)]
pub struct MergedSlot {
    pub slot: Slot,
    pub unit: Option<String>,
    pub what: Option<String>,
    #[serde(rename = "where")]
    pub place: Option<String>,
    pub per_months: Option<u32>,
    pub values: Vec<MergedValue>,
    /// Figures only: the dated values in order of the article first stating each (ties by
    /// value), with the updates marked; empty for names, codes and dates.
    pub series: Vec<SeriesPoint>,
}

/// One point of a figure's series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesPoint {
    pub date: String,
    pub value: FactValue,
    pub articles: usize,
    pub update: bool,
}

/// A dated point of a service's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub date: String,
    pub slot: Slot,
    #[serde(rename = "where")]
    pub place: Option<String>,
    pub value: FactValue,
    /// `event` (the fact is a date) or `count` (a figure, at the date of the article first stating it).
    pub kind: &'static str,
    pub articles: usize,
}

/// Everything the corpus says about one service.
#[derive(Debug, Clone, Serialize)]
pub struct MergedService {
    pub service: String,
    pub articles: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub slots: Vec<MergedSlot>,
    pub timeline: Vec<TimelineEntry>,
}

/// A group of values: slot, unit, what, where, per_months.
type GroupKey = (Slot, Option<String>, Option<String>, Option<String>, Option<u32>);

#[derive(Default)]
struct ServiceAgg {
    articles: usize,
    first: Option<String>,
    last: Option<String>,
    groups: BTreeMap<GroupKey, BTreeMap<String, MergedValue>>,
}

/// Merges records as they come ([`Merger::add`]) and gives the merged services ([`Merger::finish`]).
pub struct Merger {
    services: BTreeMap<String, ServiceAgg>,
    max_sources: usize,
    seen: u64,
}

/// The earlier or later of two optional dates (a missing one never wins).
fn pick(a: &mut Option<String>, b: &Option<String>, later: bool) {
    if let Some(d) = b {
        let replace = match a.as_deref() {
            None => true,
            Some(cur) => (d.as_str() > cur) == later && d.as_str() != cur,
        };
        if replace {
            *a = Some(d.clone());
        }
    }
}

impl Merger {
    /// A merger keeping at most `max_sources` article references per value.
    pub fn new(max_sources: usize) -> Merger {
        Merger { services: BTreeMap::new(), max_sources, seen: 0 }
    }

    /// Adds one article's record.
    pub fn add(&mut self, record: &ArticleRecord) {
        for op in &record.operations {
            let agg = self.services.entry(op.service.clone()).or_default();
            agg.articles += 1;
            pick(&mut agg.first, &record.date, false);
            pick(&mut agg.last, &record.date, true);
            for f in &op.facts {
                let key: GroupKey = (f.slot, f.unit.clone(), f.what.clone(), f.place.clone(), f.per_months);
                let values = agg.groups.entry(key).or_default();
                self.seen += 1;
                let seen = self.seen;
                let v = values.entry(f.value.key()).or_insert_with(|| MergedValue {
                    value: f.value.clone(),
                    articles: 0,
                    qualifiers: Vec::new(),
                    first_date: None,
                    last_date: None,
                    sources: Vec::new(),
                    sources_left_out: 0,
                    top: false,
                    update: false,
                    outlier: false,
                    seen,
                    last_doc: None,
                });
                if let Some(q) = f.qualifier {
                    if !v.qualifiers.contains(&q.as_str()) {
                        v.qualifiers.push(q.as_str());
                    }
                }
                if v.last_doc.as_deref() == Some(record.doc.as_str()) {
                    continue;
                }
                v.last_doc = Some(record.doc.clone());
                v.articles += 1;
                pick(&mut v.first_date, &record.date, false);
                pick(&mut v.last_date, &record.date, true);
                if v.sources.len() < self.max_sources {
                    v.sources.push(Source { doc: record.doc.clone(), date: record.date.clone() });
                } else {
                    v.sources_left_out += 1;
                }
            }
        }
    }

    /// The merged services, by name, with tops, updates, outliers and timelines marked.
    pub fn finish(self) -> Vec<MergedService> {
        self.services
            .into_iter()
            .map(|(service, agg)| {
                let mut timeline = Vec::new();
                let slots: Vec<MergedSlot> = agg
                    .groups
                    .into_iter()
                    .map(|((slot, unit, what, place, per_months), values)| {
                        let mut values: Vec<MergedValue> = values.into_values().collect();
                        mark(slot, &mut values);
                        for v in &values {
                            if slot.value_kind() == crate::record::SlotValue::Date {
                                timeline.push(TimelineEntry { date: v.value.key(), slot, place: place.clone(), value: v.value.clone(), kind: "event", articles: v.articles });
                            } else if slot.is_numeric() {
                                if let Some(d) = &v.first_date {
                                    timeline.push(TimelineEntry { date: d.clone(), slot, place: place.clone(), value: v.value.clone(), kind: "count", articles: v.articles });
                                }
                            }
                        }
                        let mut series: Vec<SeriesPoint> = if slot.is_numeric() {
                            values
                                .iter()
                                .filter_map(|v| Some(SeriesPoint { date: v.first_date.clone()?, value: v.value.clone(), articles: v.articles, update: v.update }))
                                .collect()
                        } else {
                            Vec::new()
                        };
                        let n = |v: &FactValue| if let FactValue::Number(n) = v { *n } else { 0.0 };
                        series.sort_by(|a, b| a.date.cmp(&b.date).then(n(&a.value).total_cmp(&n(&b.value))));
                        MergedSlot { slot, unit, what, place, per_months, values, series }
                    })
                    .collect();
                timeline.sort_by(|a, b| (a.date.as_str(), a.slot, &a.place).cmp(&(b.date.as_str(), b.slot, &b.place)));
                MergedService { service, articles: agg.articles, first_date: agg.first, last_date: agg.last, slots, timeline }
            })
            .collect()
    }
}

/// Orders a group's values (top first) and marks top, updates and outliers.
fn mark(slot: Slot, values: &mut [MergedValue]) {
    values.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| b.last_date.cmp(&a.last_date)).then(a.seen.cmp(&b.seen)));
    if let Some(first) = values.first_mut() {
        first.top = true;
    }
    let most = values.iter().map(|v| v.articles).max().unwrap_or(0);
    for v in values.iter_mut() {
        v.outlier = v.articles == 1 && most >= 3;
    }
    if slot.is_numeric() {
        // By first date: a later, larger value than everything before it is an update.
        let mut dated: Vec<usize> = (0..values.len()).filter(|&i| values[i].first_date.is_some()).collect();
        dated.sort_by(|&a, &b| values[a].first_date.cmp(&values[b].first_date));
        let number = |v: &MergedValue| if let FactValue::Number(n) = v.value { n } else { 0.0 };
        // The largest value so far and the date it was first stated.
        let mut max: Option<(f64, String)> = None;
        for i in dated {
            let (n, d) = (number(&values[i]), values[i].first_date.clone().unwrap_or_default());
            if let Some((m, since)) = &max {
                values[i].update = n > *m && d > *since;
            }
            if max.as_ref().is_none_or(|(m, _)| n > *m) {
                max = Some((n, d));
            }
        }
    }
}

/// Merges records read from JSON Lines files, one record at a time.
/// A document id met twice is merged twice and reported on standard error (its articles would
/// count double).
pub fn merge_files(paths: &[std::path::PathBuf], max_sources: usize) -> crate::Result<Vec<MergedService>> {
    let mut merger = Merger::new(max_sources);
    let mut seen = HashSet::new();
    for path in paths {
        crate::record::for_each_record(path, |r| {
            if !seen.insert(r.doc.clone()) {
                eprintln!("meelezer: warning: {}: document id {:?} was already merged; its values count twice", path.display(), r.doc);
            }
            merger.add(&r);
        })?;
    }
    Ok(merger.finish())
}

/// One row per service, slot, value and where: the table `meelezer.merge` gives in Python.
#[derive(Debug, Clone, Serialize)]
pub struct MergeRow {
    pub service: String,
    pub slot: Slot,
    pub value: String,
    pub unit: Option<String>,
    pub what: Option<String>,
    #[serde(rename = "where")]
    pub place: Option<String>,
    pub per_months: Option<u32>,
    pub articles: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub top: bool,
    pub update: bool,
    pub outlier: bool,
}

/// The merged services as flat rows.
pub fn rows(services: &[MergedService]) -> Vec<MergeRow> {
    let mut out = Vec::new();
    for s in services {
        for slot in &s.slots {
            for v in &slot.values {
                out.push(MergeRow {
                    service: s.service.clone(),
                    slot: slot.slot,
                    value: v.value.key(),
                    unit: slot.unit.clone(),
                    what: slot.what.clone(),
                    place: slot.place.clone(),
                    per_months: slot.per_months,
                    articles: v.articles,
                    first_date: v.first_date.clone(),
                    last_date: v.last_date.clone(),
                    top: v.top,
                    update: v.update,
                    outlier: v.outlier,
                });
            }
        }
    }
    out
}

/// Corpus-level scores: the merged prediction against the merged gold.
#[derive(Debug, Clone, Serialize)]
pub struct MergeScores {
    /// (service, slot, value, unit, what, where) over all values.
    pub values: Prf,
    /// The top value of each (service, slot, unit, what, where).
    pub top: Prf,
}

type ValueKey = (String, Slot, String, Option<String>, Option<String>, Option<String>);

fn value_keys(services: &[MergedService], top_only: bool) -> HashSet<ValueKey> {
    let mut out = HashSet::new();
    for s in services {
        for slot in &s.slots {
            for v in slot.values.iter().filter(|v| v.top || !top_only) {
                out.insert((s.service.clone(), slot.slot, v.value.key(), slot.unit.clone(), slot.what.clone(), slot.place.clone()));
            }
        }
    }
    out
}

fn prf(gold: &HashSet<ValueKey>, pred: &HashSet<ValueKey>) -> Prf {
    let tp = gold.intersection(pred).count();
    Counts { tp, gold: gold.len(), pred: pred.len() }.prf()
}

/// Scores a merged prediction against a merged gold.
pub fn score(gold: &[MergedService], pred: &[MergedService]) -> MergeScores {
    MergeScores {
        values: prf(&value_keys(gold, false), &value_keys(pred, false)),
        top: prf(&value_keys(gold, true), &value_keys(pred, true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(doc: &str, date: &str, facts: &str) -> ArticleRecord {
        ArticleRecord::from_json_line(&format!(
            r#"{{"doc": "{doc}", "date": "{date}", "operations": [{{"service": "Sky ECC", "main": true, "facts": [{facts}]}}]}}"#
        ))
        .expect("a valid record")
    }

    fn merged(records: &[ArticleRecord]) -> MergedService {
        let mut m = Merger::new(2);
        for r in records {
            m.add(r);
        }
        m.finish().pop().expect("one service")
    }

    #[test]
    fn values_are_counted_by_article_with_top_updates_and_outliers() {
        let arrests = |n: u32, q: &str| format!(r#"{{"slot": "arrests", "value": {n}, "where": "NL"{q}}}"#);
        let s = merged(&[
            record("a", "2021-03", &arrests(40, "")),
            record("b", "2021-03", &format!("{}, {}", arrests(40, r#", "qualifier": "more_than""#), arrests(40, ""))),
            record("c", "2021-04", &arrests(40, "")),
            record("d", "2021-09", &arrests(120, "")),
            record("e", "2021-02", &arrests(4, "")),
        ]);
        assert_eq!(s.articles, 5);
        assert_eq!((s.first_date.as_deref(), s.last_date.as_deref()), (Some("2021-02"), Some("2021-09")));
        let values = &s.slots[0].values;
        let summary: Vec<(String, usize, bool, bool, bool)> = values.iter().map(|v| (v.value.key(), v.articles, v.top, v.update, v.outlier)).collect();
        assert_eq!(
            summary,
            [
                ("40".to_string(), 3, true, true, false),
                // Stated by one article, later and larger than all before it: an update, and an outlier beside three.
                ("120".to_string(), 1, false, true, true),
                ("4".to_string(), 1, false, false, true),
            ]
        );
        assert_eq!(values[0].qualifiers, ["more_than"]);
        // At most 2 sources kept per value; the rest counted.
        assert_eq!((values[0].sources.len(), values[0].sources_left_out), (2, 1));
        let series: Vec<(&str, String, bool)> = s.slots[0].series.iter().map(|p| (p.date.as_str(), p.value.key(), p.update)).collect();
        assert_eq!(series, [("2021-02", "4".to_string(), false), ("2021-03", "40".into(), true), ("2021-09", "120".into(), true)]);
        let counts: Vec<(&str, String)> = s.timeline.iter().map(|t| (t.date.as_str(), t.value.key())).collect();
        assert_eq!(counts, [("2021-02", "4".to_string()), ("2021-03", "40".into()), ("2021-09", "120".into())]);
    }

    #[test]
    fn dated_facts_go_on_the_timeline_at_their_own_date() {
        let s = merged(&[record("a", "2021-06", r#"{"slot": "takedown", "value": "2021-03-09"}"#)]);
        assert_eq!(s.timeline, [TimelineEntry { date: "2021-03-09".into(), slot: Slot::Takedown, place: None, value: FactValue::Text("2021-03-09".into()), kind: "event", articles: 1 }]);
    }

    #[test]
    fn scores_compare_values_and_tops() {
        let gold = vec![merged(&[record("a", "2021-03", r#"{"slot": "arrests", "value": 40}"#), record("b", "2021-04", r#"{"slot": "arrests", "value": 40}"#)])];
        let pred = vec![merged(&[record("a", "2021-03", r#"{"slot": "arrests", "value": 40}"#), record("b", "2021-04", r#"{"slot": "arrests", "value": 41}"#)])];
        let s = score(&gold, &pred);
        assert_eq!((s.values.tp, s.values.gold, s.values.pred), (1, 1, 2));
        // Tie 40/41 at one article each: the later article's value is the top.
        assert_eq!((s.top.tp, s.top.gold, s.top.pred), (0, 1, 1));
    }
}
