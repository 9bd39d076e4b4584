//! `meelezer merge` and `meelezer eval-merge`: records merged per service across a corpus.

use anyhow::{bail, Context, Result};
use meelezer::merge::{merge_files, score, MergedService};
use std::io::Write;
use std::path::PathBuf;

/// `meelezer merge`
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Record files (JSON Lines, as `extract` writes them or gold files), read once, in order.
    #[arg(required = true)]
    pub records: Vec<PathBuf>,
    /// Write one JSON line per service here (default: standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Also write a self-contained HTML page: a chart per service and its values with sources.
    #[arg(long)]
    pub html: Option<PathBuf>,
    /// At most this many article references kept per value (the rest are counted).
    #[arg(long, default_value_t = 50)]
    pub max_sources: usize,
}

/// `meelezer eval-merge`
#[derive(Debug, clap::Args)]
pub struct EvalMergeArgs {
    /// Gold record files, merged together.
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// Predicted record files, merged together.
    #[arg(long, required = true)]
    pub pred: Vec<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Writes `bytes` atomically (a temporary file renamed into place), creating the folder.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("{}: cannot create folder", parent.display()))?;
    }
    meelezer::annotate::gold::write_atomically(path, bytes, || Ok(()))?;
    Ok(())
}

fn lines(services: &[MergedService]) -> Result<String> {
    let mut out = String::new();
    for s in services {
        out.push_str(&serde_json::to_string(s)?);
        out.push('\n');
    }
    Ok(out)
}

pub fn merge(args: MergeArgs) -> Result<bool> {
    if args.max_sources == 0 {
        bail!("--max-sources must be 1 or more");
    }
    let services = merge_files(&args.records, args.max_sources)?;
    let text = lines(&services)?;
    match &args.output {
        Some(path) => write_file(path, text.as_bytes())?,
        None => super::emit(&text)?,
    }
    if let Some(path) = &args.html {
        let sources: Vec<String> = args.records.iter().map(|p| p.display().to_string()).collect();
        write_file(path, meelezer::merge_html::page(&services, &sources).as_bytes())?;
    }
    let values: usize = services.iter().flat_map(|s| &s.slots).map(|s| s.values.len()).sum();
    eprintln!("meelezer: merged {} services, {values} distinct values", services.len());
    Ok(true)
}

pub fn eval_merge(args: EvalMergeArgs) -> Result<bool> {
    let gold = merge_files(&args.gold, 1)?;
    let pred = merge_files(&args.pred, 1)?;
    let scores = score(&gold, &pred);
    if args.json {
        super::emit(&format!("{}\n", serde_json::to_string_pretty(&scores)?))?;
        return Ok(true);
    }
    let mut out = format!("{} services in gold, {} predicted\n\n{:<28} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n", gold.len(), pred.len(), "", "P", "R", "F1", "tp", "gold", "pred");
    for (name, p) in [("values (service, slot, value)", scores.values), ("top value per slot", scores.top)] {
        out.push_str(&format!("{name:<28} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}\n", p.p, p.r, p.f1, p.tp, p.gold, p.pred));
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(true)
}
