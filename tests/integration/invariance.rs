//! Invariance (CheckList style): variants of every development article with gold that a reader
//! shrugs off (`meelezer perturb`: the main service misspelt or renamed, a paragraph on an older
//! operation after the lead or at the end, small counts as words) score within 0.02 strict fact
//! F1 of the originals, kind by kind, with the same main service (the target; realdev2 still
//! changes it in two variants, a floor like the scores' ones, see README.md).

use super::{meelezer, stderr, stdout};

const MAX_DROP: f64 = 0.02;

/// Runs `perturb` on a set and checks every kind; `flags` choose the recognizer; at most
/// `main_changes` variants over all kinds may change the main service.
fn assert_invariant(articles: &str, gold: &str, flags: &[&str], main_changes: usize) {
    let mut args = vec!["perturb", "--gold", gold, articles, "--json"];
    args.extend_from_slice(flags);
    let o = meelezer(&args, None);
    assert!(o.status.success(), "{articles}: {}", stderr(&o));
    let kinds: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kinds = kinds.as_array().unwrap();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    let mut changed = Vec::new();
    for k in kinds {
        let drop = k["drop"].as_f64().unwrap();
        assert!(drop <= MAX_DROP, "{articles}: {} loses {drop:.3} strict F1: {k}", k["kind"]);
        assert!(k["articles"].as_u64().unwrap() > 0 || k["kind"] == "count-words", "{articles}: no variant of {}", k["kind"]);
        changed.extend(k["main_changed"].as_array().unwrap().iter().map(|d| format!("{} {d}", k["kind"])));
    }
    assert!(changed.len() <= main_changes, "{articles}: the main service changes in {changed:?}");
}

#[test]
fn the_repositorys_development_sets_are_invariant() {
    for (articles, gold) in [("seeds", "gold/seeds.jsonl"), ("seeds/dev", "gold/dev.jsonl"), ("seeds/dev2", "gold/dev2.jsonl")] {
        assert_invariant(articles, gold, &["--gazetteer"], 0);
    }
}

/// The real development articles with the shipped model. Skipped without `../shared` or `models/ner`.
#[test]
fn the_real_development_sets_are_invariant() {
    if !super::root().join("models/ner/config.json").exists() {
        eprintln!("skipped: no models/ner");
        return;
    }
    for (set, main_changes) in [("realdev", 0), ("realdev2", 2)] {
        let dir = super::root().join("../shared").join(set);
        if !dir.join("gold.jsonl").is_file() {
            eprintln!("skipped: no ../shared/{set}");
            continue;
        }
        let gold = dir.join("gold.jsonl").to_string_lossy().into_owned();
        let articles = dir.join("articles").to_string_lossy().into_owned();
        assert_invariant(&articles, &gold, &[], main_changes);
    }
}

#[test]
fn perturb_writes_its_variants_and_fails_over_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("variants");
    let o = meelezer(&["perturb", "--gold", "gold/seeds.jsonl", "seeds", "--gazetteer", "--kind", "rename", "--out", out.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("rename"), "{}", stdout(&o));
    let services = std::fs::read_to_string(out.join("rename/services.jsonl")).unwrap();
    let gold = std::fs::read_to_string(out.join("rename/gold.jsonl")).unwrap();
    assert_eq!(gold.lines().count(), 5);
    assert_eq!(services.lines().count(), 5);
    // A negative limit cannot be met: the exit code says so.
    let o = meelezer(&["perturb", "--gold", "gold/seeds.jsonl", "seeds", "--gazetteer", "--kind", "count-words", "--max-drop=-1"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}
