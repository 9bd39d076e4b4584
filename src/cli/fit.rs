//! `meelezer fit-main`, `fit-link`, `fit-where`: fit the weights of one of the rule layer's
//! weighed decisions on labelled articles, report their cross-validated accuracy (folds by
//! article) beside the hand rule's, and write them.

use anyhow::{bail, Result};
use meelezer::logit::{fit, Example, Weights};
use meelezer::perturb::{variant, Kind};
use meelezer::{
    load_all, read_records, ArticleRecord, Decision, Document, Half, Pipeline, Scorer, Scorers,
};
use std::collections::HashMap;
use std::path::PathBuf;

/// `meelezer fit-main`, `fit-link`, `fit-where`
#[derive(Debug, clap::Args)]
pub struct FitArgs {
    /// Gold records (JSON Lines); may be given more than once.
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// The articles of those records: `.txt` files, folders, `.jsonl` corpora.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Fit on one fixed half only (see `eval --half`), so the other can check the weights.
    #[arg(long, value_enum)]
    pub half: Option<Half>,
    /// Folds for cross-validation (by article).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// L2 penalty on the weights.
    #[arg(long, default_value_t = 0.01)]
    pub l2: f64,
    /// Also train on each article with a paragraph on an older operation put after its lead and
    /// at its end (`meelezer perturb`'s background kinds), in the article's own fold.
    #[arg(long)]
    pub augment: bool,
    /// Write the weights here (JSON; the pipeline embeds `src/data/{main,link,where}_weights.json`).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// What each decision is called in messages, and its features.
fn described(decision: Decision) -> (&'static str, &'static [&'static str]) {
    match decision {
        Decision::Main => ("main service", &meelezer::main_service::FEATURES),
        Decision::Link => ("operation of a sentence", &meelezer::link::FEATURES),
        Decision::Place => ("country of a figure", &meelezer::place::FEATURES),
    }
}

/// The fold of a document: FNV-1a of its id, modulo `folds`.
fn fold(doc: &str, folds: usize) -> usize {
    (meelezer::fnv1a(doc.as_bytes()) % folds as u64) as usize
}

/// Whether the hand rule chose the gold candidate: its choice is every scorer's first feature.
fn hand_right(ex: &Example) -> bool {
    ex.candidates[ex.gold].first() == Some(&1.0)
}

/// One article's examples (itself first, then its `variants`), each with whether it comes from
/// a variant.
fn article_examples(
    pipeline: &Pipeline,
    decision: Decision,
    doc: &mut Document,
    gold: &ArticleRecord,
    variants: Vec<String>,
) -> Result<Vec<(Example, bool)>> {
    pipeline
        .annotate(doc)
        .map_err(|e| anyhow::anyhow!("{}: {e}", doc.id))?;
    let mut out: Vec<(Example, bool)> = pipeline
        .linker()
        .examples(decision, doc, gold)
        .into_iter()
        .map(|e| (e, false))
        .collect();
    if out.is_empty() {
        return Ok(out);
    }
    for text in variants {
        let mut vdoc = Document::from_text(doc.id.clone(), text)
            .map_err(|e| anyhow::anyhow!("{}: {e}", doc.id))?;
        pipeline
            .annotate(&mut vdoc)
            .map_err(|e| anyhow::anyhow!("{}: {e}", doc.id))?;
        out.extend(
            pipeline
                .linker()
                .examples(decision, &vdoc, gold)
                .into_iter()
                .map(|e| (e, true)),
        );
    }
    Ok(out)
}

/// `meelezer fit-main`, `fit-link` or `fit-where`.
pub fn fit_decision(decision: Decision, args: FitArgs) -> Result<bool> {
    if args.folds < 2 {
        bail!("--folds must be 2 or more, got {}", args.folds);
    }
    let (what, features) = described(decision);
    let mut gold: HashMap<String, ArticleRecord> = HashMap::new();
    for path in &args.gold {
        for r in read_records(path)? {
            gold.insert(r.doc.clone(), r);
        }
    }
    // The decision fitted is made by its hand rule (its choice is a feature); the others as shipped.
    let shipped = Scorers::default();
    let scorers = match decision {
        Decision::Main => Scorers::hand(),
        Decision::Link => Scorers {
            link: Scorer::Hand,
            ..shipped
        },
        Decision::Place => Scorers {
            place: Scorer::Hand,
            ..shipped
        },
    };
    let pipeline = Pipeline::default().with_scorers(scorers);
    let catalog = meelezer::PipelineOptions::default().service_catalog()?;
    let mut groups: Vec<(String, Vec<(Example, bool)>)> = Vec::new();
    let mut without = 0;
    for item in load_all(&args.paths)? {
        let mut doc = item?;
        let Some(g) = gold.get(&doc.id) else { continue };
        if args.half.is_some_and(|h| Half::of(&doc.id) != h) {
            continue;
        }
        // With `--augment`: the article with a paragraph on an older operation after its lead and at its end.
        let variants: Vec<String> = if args.augment {
            [Kind::BackgroundLead, Kind::BackgroundEnd]
                .into_iter()
                .filter_map(|k| variant(k, &doc.text, g, &catalog))
                .map(|v| v.text)
                .collect()
        } else {
            Vec::new()
        };
        let examples = article_examples(&pipeline, decision, &mut doc, g, variants)?;
        if examples.is_empty() {
            without += 1;
        } else {
            groups.push((doc.id.clone(), examples));
        }
    }
    if groups.is_empty() {
        bail!("no labelled {what} found in the articles given (none of them in the gold files, or none with a choice to make)");
    }
    // Cross-validation: fit on the other folds' articles (and variants), score the held-out ones.
    // Counts as [fitted right, hand right, of]: the articles' decisions, those with two or more
    // candidates, and the background variants' decisions.
    let mut decisions = [0usize; 3];
    let mut multi = [0usize; 3];
    let mut variants = [0usize; 3];
    for k in 0..args.folds {
        let train: Vec<Example> = groups
            .iter()
            .filter(|(d, _)| fold(d, args.folds) != k)
            .flat_map(|(_, e)| e.iter().map(|(x, _)| x.clone()))
            .collect();
        if train.is_empty() {
            continue;
        }
        let w = Weights::new(
            features,
            fit(&train, features.len(), args.l2, 2000),
            String::new(),
        );
        for (ex, variant) in groups
            .iter()
            .filter(|(d, _)| fold(d, args.folds) == k)
            .flat_map(|(_, e)| e)
        {
            let right = w.choose(&ex.candidates) == Some(ex.gold);
            let hand = hand_right(ex);
            let count = |c: &mut [usize; 3]| {
                c[0] += usize::from(right);
                c[1] += usize::from(hand);
                c[2] += 1;
            };
            if *variant {
                count(&mut variants);
            } else {
                count(&mut decisions);
                if ex.candidates.len() > 1 {
                    count(&mut multi);
                }
            }
        }
    }
    let n = groups.len();
    let all: Vec<Example> = groups
        .iter()
        .flat_map(|(_, e)| e.iter().map(|(x, _)| x.clone()))
        .collect();
    let fitted = fit(&all, features.len(), args.l2, 2000);
    let half = args
        .half
        .map_or("all".to_string(), |h| format!("{h:?} half").to_lowercase());
    let share = |c: [usize; 3], i: usize| {
        format!(
            "{:.3} ({} of {})",
            c[i] as f64 / c[2].max(1) as f64,
            c[i],
            c[2]
        )
    };
    let command = match decision {
        Decision::Main => "fit-main",
        Decision::Link => "fit-link",
        Decision::Place => "fit-where",
    };
    let mut note = format!(
        "conditional logit fitted by `meelezer {command}` on {} decisions in {n} articles ({half}{}), l2 {}; {}-fold cross-validated accuracy on the {what} {}, with two or more candidates {}; the hand rule on the same: {}, {}",
        decisions[2],
        if args.augment { ", with background variants" } else { "" },
        args.l2,
        args.folds,
        share(decisions, 0),
        share(multi, 0),
        share(decisions, 1),
        share(multi, 1),
    );
    if variants[2] > 0 {
        note.push_str(&format!(
            "; held-out background variants: fitted {}, hand {}",
            share(variants, 0),
            share(variants, 1)
        ));
    }
    let weights = Weights::new(features, fitted, note.clone());
    eprintln!("meelezer: {without} labelled articles gave no {what} to learn from (no choice to make, or no gold label among the candidates)");
    let mut table = format!("{note}\n\n{:<36} {:>8}\n", "feature", "weight");
    for (f, w) in features.iter().zip(&weights.weights) {
        table.push_str(&format!("{f:<36} {w:>8.3}\n"));
    }
    super::emit(&table)?;
    if let Some(path) = &args.output {
        let json = format!("{}\n", serde_json::to_string_pretty(&weights)?);
        meelezer::annotate::gold::write_atomically(path, json.as_bytes(), || Ok(()))?;
    }
    Ok(true)
}
