//! The shipped NER model (`models/ner`): loads, and scores on a slice of CoNLL-2002 `ned.testb`
//! above a floor set from its measured score. Skipped, with a message, when `models/ner` or
//! `../shared` is absent. CI never trains; this only runs the model.

use meelezer::ner::conll::{read_conll, score_model, ConllSentence};
use meelezer::ner::TransformerNer;
use std::path::{Path, PathBuf};

/// Sentences of ned.testb scored (the first ones in the file).
const SENTENCES: usize = 300;
/// Entity F1 (percent) the shipped model must reach on them, read article by article with
/// Viterbi decoding and type agreement (the defaults): measured 85.77 in f32 and in int8
/// (models/README.md), minus 1.5 points.
const FLOOR_F1: f64 = 84.3;

/// The shipped model's folder and the first `SENTENCES` sentences of ned.testb, or `None` (with
/// a message) when either is absent.
fn model_and_testb() -> Option<(PathBuf, Vec<ConllSentence>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let model = root.join("models/ner");
    let testb = root.join("../shared/data/ner/conll2002/ned.testb");
    for p in [&model, &testb] {
        if !p.exists() {
            eprintln!("skipped: {} not found", p.display());
            return None;
        }
    }
    let mut sentences = read_conll(&testb).expect("ned.testb reads");
    sentences.truncate(SENTENCES);
    Some((model, sentences))
}

#[test]
fn shipped_model_scores_above_its_floor_on_testb() {
    let Some((model, sentences)) = model_and_testb() else { return };
    let ner = TransformerNer::load(&model).expect("the shipped model loads");
    let (score, _, secs) = score_model(&ner, &sentences, |_| ()).expect("tagging works");
    let f1 = 100.0 * score.overall.f1();
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!("{}{words} words in {secs:.1} s", score.table());
    assert!(f1 >= FLOOR_F1, "entity F1 {f1:.2} on the first {SENTENCES} sentences of ned.testb, floor {FLOOR_F1}");
}

/// The int8 model (the default on CPUs with AVX-512 VNNI) tags as the f32 one does: on the same
/// slice of ned.testb both clear the floor, their F1 differ by under a point (the same F1
/// measured), and at least 99.5% of the words get the same tag (all of testb: 99.95%, F1 88.38
/// against 88.42).
#[test]
fn int8_model_tags_as_the_f32_one() {
    let Some((model, sentences)) = model_and_testb() else { return };
    let f32 = TransformerNer::load(&model).expect("the shipped model loads");
    let int8 = TransformerNer::load(&model).and_then(|m| m.with_int8(true)).expect("the shipped model quantizes");
    let (a, ta, _) = score_model(&f32, &sentences, |_| ()).expect("f32 tagging works");
    let (b, tb, _) = score_model(&int8, &sentences, |_| ()).expect("int8 tagging works");
    let (fa, fb) = (100.0 * a.overall.f1(), 100.0 * b.overall.f1());
    assert!(fb >= FLOOR_F1, "int8 entity F1 {fb:.2}, floor {FLOOR_F1}");
    assert!((fa - fb).abs() < 1.0, "f32 {fa:.2} against int8 {fb:.2}");
    let total: usize = ta.iter().map(Vec::len).sum();
    let same: usize = ta.iter().zip(&tb).map(|(x, y)| x.iter().zip(y).filter(|(p, q)| p == q).count()).sum();
    assert!(same as f64 >= 0.995 * total as f64, "{same} of {total} words tagged alike");
}
