//! `meelezer fit-main`: fits the main-service weights on labelled articles, reports their
//! cross-validated accuracy (folds by article) beside the hand rule's, and writes them.

use anyhow::{bail, Context, Result};
use meelezer::main_service::{accuracy, features, fit, Example, MainWeights, FEATURES};
use meelezer::perturb::{variant, Kind};
use meelezer::{load_all, read_records, ArticleRecord, Document, Half, Pipeline};
use std::collections::HashMap;
use std::path::PathBuf;

/// `meelezer fit-main`
#[derive(Debug, clap::Args)]
pub struct FitMainArgs {
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
    /// Write the weights here (JSON; the pipeline embeds `src/data/main_weights.json`).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// One article's candidates as an example, or `None` when its gold main service is not among
/// the services found (or it has none).
fn example(pipeline: &Pipeline, doc: &mut Document, gold: &ArticleRecord, hand: &mut Vec<bool>) -> Result<Option<Example>> {
    pipeline.annotate(doc).map_err(|e| anyhow::anyhow!("{}: {e}", doc.id))?;
    let linker = pipeline.linker();
    let mentions = linker.services().find(doc);
    let roles = meelezer::service_roles(doc, &mentions);
    let (order, hand_main) = meelezer::rank_services(doc, &mentions, &roles);
    let Some(main) = gold.main_service() else { return Ok(None) };
    let Some(index) = order.iter().position(|s| *s == main) else { return Ok(None) };
    hand.push(hand_main == Some(main));
    Ok(Some(Example { doc: doc.id.clone(), candidates: features(doc, &mentions, &roles, &order, hand_main), gold: index }))
}

/// The fold of a document: FNV-1a of its id, modulo `folds`.
fn fold(doc: &str, folds: usize) -> usize {
    (meelezer::fnv1a(doc.as_bytes()) % folds as u64) as usize
}

fn weights_of(w: Vec<f64>, note: String) -> MainWeights {
    MainWeights { features: FEATURES.iter().map(|s| s.to_string()).collect(), weights: w, note }
}

pub fn fit_main(args: FitMainArgs) -> Result<bool> {
    if args.folds < 2 {
        bail!("--folds must be 2 or more, got {}", args.folds);
    }
    let mut gold: HashMap<String, ArticleRecord> = HashMap::new();
    for path in &args.gold {
        for r in read_records(path)? {
            gold.insert(r.doc.clone(), r);
        }
    }
    // The features do not depend on the main rule; the hand one keeps the embedded weights out.
    let pipeline = Pipeline::default().with_main_rule(meelezer::MainRule::Hand);
    let catalog = meelezer::PipelineOptions::default().service_catalog()?;
    // Examples by original article: the article itself first, then its variants.
    // Each article's examples (itself, then its variants) and whether the hand rule got each right.
    let mut groups: Vec<(String, Vec<Example>, Vec<bool>)> = Vec::new();
    let mut skipped = 0;
    for item in load_all(&args.paths)? {
        let mut doc = item?;
        let Some(g) = gold.get(&doc.id) else { continue };
        if args.half.is_some_and(|h| Half::of(&doc.id) != h) {
            continue;
        }
        let mut hand = Vec::new();
        let text = doc.text.clone();
        let Some(ex) = example(&pipeline, &mut doc, g, &mut hand)? else {
            skipped += 1;
            continue;
        };
        let mut examples = vec![ex];
        if args.augment {
            for kind in [Kind::BackgroundLead, Kind::BackgroundEnd] {
                if let Some(v) = variant(kind, &text, g, &catalog) {
                    let mut vdoc = Document::from_text(doc.id.clone(), v.text).map_err(|e| anyhow::anyhow!("{}: {e}", doc.id))?;
                    if let Some(ex) = example(&pipeline, &mut vdoc, g, &mut hand)? {
                        examples.push(ex);
                    }
                }
            }
        }
        groups.push((doc.id.clone(), examples, hand));
    }
    if groups.is_empty() {
        bail!("no article with a gold main service among the services found");
    }
    // Cross-validation: fit on the other folds' articles (and variants), score the held-out articles.
    // Counts as [fitted right, hand right, of]: the articles, those with two or more services,
    // and the background variants.
    let mut articles = [0usize; 3];
    let mut multi = [0usize; 3];
    let mut variants = [0usize; 3];
    for k in 0..args.folds {
        let train: Vec<Example> = groups.iter().filter(|(d, _, _)| fold(d, args.folds) != k).flat_map(|(_, e, _)| e.clone()).collect();
        if train.is_empty() {
            continue;
        }
        let w = weights_of(fit(&train, args.l2, 2000), String::new());
        for (_, examples, hand) in groups.iter().filter(|(d, _, _)| fold(d, args.folds) == k) {
            for (i, (ex, hand_right)) in examples.iter().zip(hand).enumerate() {
                let right = accuracy(&w, std::slice::from_ref(ex)) == 1.0;
                let counts: &mut [usize; 3] = if i > 0 { &mut variants } else { &mut articles };
                counts[0] += usize::from(right);
                counts[1] += usize::from(*hand_right);
                counts[2] += 1;
                if i == 0 && ex.candidates.len() > 1 {
                    multi[0] += usize::from(right);
                    multi[1] += usize::from(*hand_right);
                    multi[2] += 1;
                }
            }
        }
    }
    let n = groups.len();
    let all: Vec<Example> = groups.iter().flat_map(|(_, e, _)| e.clone()).collect();
    let fitted = fit(&all, args.l2, 2000);
    let half = args.half.map_or("all".to_string(), |h| format!("{h:?} half").to_lowercase());
    let share = |c: [usize; 3], i: usize| format!("{:.3} ({} of {})", c[i] as f64 / c[2].max(1) as f64, c[i], c[2]);
    let mut note = format!(
        "conditional logit fitted by `meelezer fit-main` on {n} articles ({half}{}), l2 {}; {}-fold cross-validated main-service accuracy {}, with two or more services {}; the hand rule on the same: {}, {}",
        if args.augment { ", with background variants" } else { "" },
        args.l2,
        args.folds,
        share(articles, 0),
        share(multi, 0),
        share(articles, 1),
        share(multi, 1),
    );
    if variants[2] > 0 {
        note.push_str(&format!("; held-out background variants: fitted {}, hand {}", share(variants, 0), share(variants, 1)));
    }
    let weights = weights_of(fitted, note.clone());
    eprintln!("meelezer: {skipped} articles left out (gold main service not among those found, or none)");
    let mut table = format!("{note}\n\n{:<24} {:>8}\n", "feature", "weight");
    for (f, w) in FEATURES.iter().zip(&weights.weights) {
        table.push_str(&format!("{f:<24} {w:>8.3}\n"));
    }
    super::emit(&table)?;
    if let Some(path) = &args.output {
        let json = format!("{}\n", serde_json::to_string_pretty(&weights)?);
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, json).with_context(|| format!("{}: cannot write", tmp.display()))?;
        std::fs::rename(&tmp, path).with_context(|| format!("{}: cannot write", path.display()))?;
    }
    Ok(true)
}
