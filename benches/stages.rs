//! Criterion benchmarks, one per stage (tokenizer, segmenter, number tagger, date tagger, entity
//! recognizer, rule layer) and end to end, over a synthetic corpus (`meelezer::Synth`),
//! each with its throughput in words. Kept short (10 samples, 2 s) so `cargo bench` takes minutes.
//!
//! The transformer recognizer is benched when a model folder is at `models/ner`; without one
//! that bench is skipped with a message.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use meelezer::{Document, EntityRecognizer, Pipeline, Synth, WordTokenizer};
use std::path::Path;
use std::time::Duration;

/// Articles in the benchmark corpus.
const DOCS: u64 = 200;

fn corpus() -> Vec<Document> {
    let synth = Synth::new(42);
    (0..DOCS).map(|i| Document::from_text(synth.id(i), synth.article(i)).expect("synthetic articles are not empty")).collect()
}

/// Runs the first `stages` stages of the pipeline on every document.
fn prepared(pipeline: &Pipeline, stages: usize) -> Vec<Document> {
    let mut docs = corpus();
    for doc in &mut docs {
        for stage in pipeline.prepare_stages().into_iter().take(stages) {
            stage.process(doc).expect("synthetic articles pass every stage");
        }
    }
    docs
}

/// The transformer recognizer for `models/ner`, when there is one and it loads.
fn transformer() -> Option<Box<dyn EntityRecognizer>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner");
    if !dir.join("config.json").exists() {
        eprintln!("skipping entities/transformer: no model folder at {}", dir.display());
        return None;
    }
    // As the binary's default (`--precision auto`): int8 where the CPU has AVX-512 VNNI.
    match meelezer::ner::TransformerNer::load(&dir).and_then(|m| m.with_int8(meelezer::ner::int8::has_vnni())) {
        Ok(model) => Some(Box::new(model)),
        Err(e) => {
            eprintln!("skipping entities/transformer: {e}");
            None
        }
    }
}

fn stages(c: &mut Criterion) {
    let pipeline = Pipeline::default();
    let full = prepared(&pipeline, 3);
    let words: u64 = full.iter().map(|d| d.word_count() as u64).sum();
    let mut group = c.benchmark_group("stages");
    group.sample_size(10).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    group.throughput(Throughput::Elements(words));

    let raw = corpus();
    group.bench_function("tokenizer", |b| {
        let mut tokens = Vec::new();
        b.iter(|| {
            for doc in &raw {
                tokens.clear();
                WordTokenizer.tokenize_into(&doc.text, doc.body, &mut tokens);
            }
            tokens.len()
        })
    });
    let [segmenter, numbers, dates] = pipeline.prepare_stages();
    for (name, stage, ready) in [("segmenter", segmenter, 0), ("numbers", numbers, 1), ("dates", dates, 2)] {
        let input = prepared(&pipeline, ready);
        group.bench_function(name, |b| {
            b.iter_batched(
                || input.clone(),
                |mut docs| {
                    for doc in &mut docs {
                        stage.process(doc).expect("stage runs");
                    }
                    docs
                },
                BatchSize::LargeInput,
            )
        });
    }

    group.bench_function("entities/gazetteer", |b| {
        b.iter(|| full.iter().map(|d| pipeline.recognizer().recognize(d).map(|e| e.len()).unwrap_or(0)).sum::<usize>())
    });
    if let Some(model) = transformer() {
        let refs: Vec<&Document> = full.iter().collect();
        group.bench_function("entities/transformer", |b| b.iter(|| model.recognize_batch(&refs).map(|all| all.len()).unwrap_or(0)));
    }

    let mut linked = full.clone();
    for doc in &mut linked {
        doc.entities = pipeline.recognizer().recognize(doc).expect("gazetteer runs");
    }
    group.bench_function("rules", |b| b.iter(|| linked.iter().map(|d| pipeline.linker().link(d).operations.len()).sum::<usize>()));

    group.bench_function("end_to_end", |b| {
        b.iter_batched(corpus, |docs| pipeline.annotate_batch(docs).len(), BatchSize::LargeInput)
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
