//! `meelezer perturb`: how brittle the rules are on a user's own gold. Builds variants of each
//! labelled article (`meelezer::perturb`), runs the pipeline on them and on the originals, and
//! prints, per kind of variant, strict fact F1 before and after and how often the main service
//! changed.

use anyhow::{bail, Context, Result};
use meelezer::perturb::{variant, Kind};
use meelezer::{evaluate, load_all, read_records, ArticleRecord, Document, Pipeline};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// `meelezer perturb`
#[derive(Debug, clap::Args)]
pub struct PerturbArgs {
    /// Gold records of the articles (JSON Lines, ANNOTATION.md).
    #[arg(long)]
    pub gold: PathBuf,
    /// The articles: `.txt` files, folders of them, or `.jsonl` corpora.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Kinds of variant to build (default: all).
    #[arg(long = "kind", value_enum)]
    pub kinds: Vec<Kind>,
    /// Also write each kind's variants here: `DIR/KIND/articles/*.txt`, `DIR/KIND/gold.jsonl`
    /// and, for `rename`, `DIR/KIND/services.jsonl`.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print the table as JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit with 1 when a kind loses more than this strict fact F1 or changes a main service.
    #[arg(long, value_name = "F1")]
    pub max_drop: Option<f64>,
    #[command(flatten)]
    pub model: super::ModelArgs,
}

/// One kind's result.
#[derive(Debug, serde::Serialize)]
struct KindScore {
    kind: &'static str,
    /// Articles the kind applied to.
    articles: usize,
    /// Strict fact F1 of the originals and of their variants (the same articles).
    original_f1: f64,
    variant_f1: f64,
    drop: f64,
    /// Articles whose predicted main service differs between original and variant.
    main_changed: Vec<String>,
    /// Articles whose main service is right, original and variant.
    main_right: [usize; 2],
}

fn run_pipeline(pipeline: &Pipeline, docs: Vec<Document>) -> Result<HashMap<String, ArticleRecord>> {
    let mut out = HashMap::new();
    for result in pipeline.annotate_batch(docs) {
        let doc = result?;
        let record = doc.record.clone().context("the pipeline made no record")?;
        out.insert(doc.id.clone(), record);
    }
    Ok(out)
}

fn write_variants(dir: &Path, kind: Kind, variants: &[(String, meelezer::perturb::Variant)]) -> Result<()> {
    let dir = dir.join(kind.as_str());
    std::fs::create_dir_all(dir.join("articles")).with_context(|| format!("{}: cannot create", dir.display()))?;
    let mut gold = String::new();
    let mut services = String::new();
    for (id, v) in variants {
        let path = dir.join("articles").join(format!("{id}.txt"));
        std::fs::write(&path, &v.text).with_context(|| format!("{}: cannot write", path.display()))?;
        gold.push_str(&v.gold.to_json_line());
        gold.push('\n');
        if let Some(line) = &v.service_line {
            services.push_str(line);
            services.push('\n');
        }
    }
    std::fs::write(dir.join("gold.jsonl"), gold)?;
    if !services.is_empty() {
        std::fs::write(dir.join("services.jsonl"), services)?;
    }
    Ok(())
}

pub fn perturb(args: PerturbArgs) -> Result<bool> {
    let gold = read_records(&args.gold)?;
    let gold_by_doc: HashMap<&str, &ArticleRecord> = gold.iter().map(|r| (r.doc.as_str(), r)).collect();
    let mut docs = Vec::new();
    for item in load_all(&args.paths)? {
        let doc = item?;
        if gold_by_doc.contains_key(doc.id.as_str()) {
            docs.push(doc);
        } else {
            eprintln!("meelezer: {}: not in {}; left out", doc.id, args.gold.display());
        }
    }
    if docs.is_empty() {
        bail!("no article of {} has a gold record", args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    let options = args.model.options();
    let pipeline = args.model.pipeline()?;
    let catalog = options.service_catalog()?;
    let texts: Vec<(String, String)> = docs.iter().map(|d| (d.id.clone(), d.text.clone())).collect();
    let original = run_pipeline(&pipeline, docs)?;
    let kinds = if args.kinds.is_empty() { Kind::ALL.to_vec() } else { args.kinds.clone() };
    let scratch = tempfile_dir()?;
    let mut scores = Vec::new();
    for kind in kinds {
        let variants: Vec<(String, meelezer::perturb::Variant)> = texts
            .iter()
            .filter_map(|(id, text)| variant(kind, text, gold_by_doc[id.as_str()], &catalog).map(|v| (id.clone(), v)))
            .collect();
        eprintln!("meelezer: {}: {} of {} articles have a variant", kind.as_str(), variants.len(), texts.len());
        if let Some(dir) = &args.out {
            write_variants(dir, kind, &variants)?;
        }
        if variants.is_empty() {
            scores.push(KindScore { kind: kind.as_str(), articles: 0, original_f1: 0.0, variant_f1: 0.0, drop: 0.0, main_changed: vec![], main_right: [0, 0] });
            continue;
        }
        // A renamed service needs its table line; the pipeline is rebuilt with it.
        let lines: String = variants.iter().filter_map(|(_, v)| v.service_line.as_deref()).map(|l| format!("{l}\n")).collect();
        let renamed_pipeline;
        let run_with = if lines.is_empty() {
            &pipeline
        } else {
            let path = scratch.join(format!("{}.services.jsonl", kind.as_str()));
            std::fs::write(&path, lines)?;
            let mut o = options.clone();
            o.services.push(path);
            renamed_pipeline = o.build()?;
            &renamed_pipeline
        };
        let vdocs = variants
            .iter()
            .map(|(id, v)| Document::from_text(id.clone(), v.text.clone()).map_err(|e| anyhow::anyhow!("{id}: {e}")))
            .collect::<Result<Vec<_>>>()?;
        let mut predicted = run_pipeline(run_with, vdocs)?;
        let mut gold_o = Vec::new();
        let mut pred_o = Vec::new();
        let mut gold_v = Vec::new();
        let mut pred_v = Vec::new();
        let mut main_changed = Vec::new();
        let mut main_right = [0, 0];
        for (id, v) in &variants {
            let g = gold_by_doc[id.as_str()];
            let o = &original[id];
            let mut p = predicted.remove(id).context("variant not predicted")?;
            if let Some(inserted) = &v.inserted {
                p.operations.retain(|op| &op.service != inserted);
            }
            // The same main, up to the renaming: compare by the gold's operation order.
            let renamed = |r: &ArticleRecord, gold: &ArticleRecord| {
                r.main_service().map(|m| if Some(m) == gold.main_service() { "<gold main>".to_string() } else { m.to_string() })
            };
            if renamed(o, g) != renamed(&p, &v.gold) {
                main_changed.push(id.clone());
            }
            main_right[0] += usize::from(o.main_service() == g.main_service());
            main_right[1] += usize::from(p.main_service() == v.gold.main_service());
            gold_o.push(g.clone());
            pred_o.push(o.clone());
            gold_v.push(v.gold.clone());
            pred_v.push(p);
        }
        let before = evaluate(&gold_o, &pred_o).facts_strict.f1;
        let after = evaluate(&gold_v, &pred_v).facts_strict.f1;
        scores.push(KindScore {
            kind: kind.as_str(),
            articles: variants.len(),
            original_f1: before,
            variant_f1: after,
            drop: before - after,
            main_changed,
            main_right,
        });
    }
    let _ = std::fs::remove_dir_all(&scratch);
    if args.json {
        super::emit(&format!("{}\n", serde_json::to_string_pretty(&scores)?))?;
    } else {
        let mut t = format!("{} articles with gold\n\n{:<16} {:>8} {:>9} {:>9} {:>7} {:>12} {:>11}\n", texts.len(), "kind", "articles", "strict F1", "variant", "drop", "main changed", "main right");
        for s in &scores {
            t.push_str(&format!(
                "{:<16} {:>8} {:>9.3} {:>9.3} {:>7.3} {:>12} {:>5} {:>5}\n",
                s.kind, s.articles, s.original_f1, s.variant_f1, s.drop, s.main_changed.len(), s.main_right[0], s.main_right[1]
            ));
        }
        for s in scores.iter().filter(|s| !s.main_changed.is_empty()) {
            t.push_str(&format!("{}: main service changed in {}\n", s.kind, s.main_changed.join(", ")));
        }
        super::emit(&t)?;
    }
    Ok(match args.max_drop {
        Some(limit) => scores.iter().all(|s| s.drop <= limit && s.main_changed.is_empty()),
        None => true,
    })
}

/// A fresh scratch folder for service tables.
fn tempfile_dir() -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("meelezer-perturb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    Ok(dir)
}
