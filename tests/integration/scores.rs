//! The pipeline against hand-labelled gold: the scores it reaches are floors, so a regression fails.

use super::{meelezer, stderr, stdout};

fn scores(articles: &str, gold: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    let o = meelezer(&["extract", articles, "-o", pred.to_str().unwrap(), "--gazetteer"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = meelezer(&["eval", "--gold", gold, "--pred", pred.to_str().unwrap(), "--json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn f1(v: &serde_json::Value, key: &str) -> f64 {
    v[key]["f1"].as_f64().unwrap()
}

#[test]
fn seeds_score_at_least_the_measured_floors() {
    let v = scores("seeds", "gold/seeds.jsonl");
    assert!(f1(&v, "operations") >= 1.0, "{}", v["operations"]);
    assert!(v["main_service"]["accuracy"].as_f64().unwrap() >= 1.0);
    assert!(f1(&v, "facts_lenient") >= 0.55, "{}", v["facts_lenient"]);
    assert!(f1(&v, "facts_strict") >= 0.55, "{}", v["facts_strict"]);
}
