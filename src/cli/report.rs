//! `meelezer report` (the HTML report of extraction and scores) and `meelezer draft` (draft gold
//! for a new article). Thin: loading and writing here, everything else in the library (`meelezer::HtmlReport`, `meelezer::draft_text`).

use anyhow::{Context, Result};
use meelezer::{draft_text, load_all, read_records, Document, DraftFormat, HtmlReport};
use std::io::Write;
use std::path::PathBuf;

/// `meelezer report`
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Articles: `.txt` files, folders of them, or `.jsonl` corpora. The pipeline runs on them for
    /// the text's sentences and entities.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Predicted records to show (matched to articles by document id); without it, the
    /// pipeline's own records.
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Gold records: adds the score table and marks each fact correct, missing or spurious.
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// Write the page here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub model: super::ModelArgs,
}

/// `meelezer draft`
#[derive(Debug, clap::Args)]
pub struct DraftArgs {
    /// Articles to draft gold for (`.txt` files, folders, or `.jsonl` corpora).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print each draft indented over many lines, for reading and correcting (compact it with
    /// `jq -c .` before appending it to a gold file).
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub model: super::ModelArgs,
}

/// Loads and annotates the articles; documents that fail are returned as messages.
fn annotate(paths: &[PathBuf], model: &super::ModelArgs) -> Result<(Vec<Document>, Vec<String>)> {
    let pipeline = model.pipeline()?;
    let mut failures = Vec::new();
    let mut docs = Vec::new();
    for item in load_all(paths)? {
        match item {
            Ok(doc) => docs.push(doc),
            Err(e) => failures.push(e.to_string()),
        }
    }
    let mut annotated = Vec::new();
    for result in pipeline.annotate_batch(docs) {
        match result {
            Ok(doc) => annotated.push(doc),
            Err(e) => failures.push(e.to_string()),
        }
    }
    for f in &failures {
        eprintln!("meelezer: skipped {f}");
    }
    Ok((annotated, failures))
}

pub fn report(args: ReportArgs) -> Result<bool> {
    let gold = args.gold.as_deref().map(read_records).transpose()?;
    let pred = args.pred.as_deref().map(read_records).transpose()?;
    let (docs, failures) = annotate(&args.paths, &args.model)?;
    let mut builder = HtmlReport::new(&docs).notes(failures.iter().map(|f| format!("skipped {f}")).collect());
    if let Some(p) = &pred {
        builder = builder.predictions(p);
    }
    if let Some(g) = &gold {
        builder = builder.gold(g);
    }
    let page = builder.render();
    match &args.output {
        Some(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).with_context(|| format!("{}: cannot create folder", parent.display()))?;
            }
            std::fs::write(path, &page.html).with_context(|| format!("{}: cannot write", path.display()))?;
        }
        None => std::io::stdout().lock().write_all(page.html.as_bytes())?,
    }
    for w in page.warnings.iter().skip(failures.len()) {
        eprintln!("meelezer: warning: {w}");
    }
    eprintln!(
        "meelezer: report of {} article(s): {} highlighted entities, {} fact rows{}",
        docs.len(),
        page.entities,
        page.fact_rows,
        args.output.as_ref().map(|p| format!(", written to {}", p.display())).unwrap_or_default()
    );
    Ok(failures.is_empty())
}

pub fn draft(args: DraftArgs) -> Result<bool> {
    let (docs, failures) = annotate(&args.paths, &args.model)?;
    let format = if args.pretty { DraftFormat::Pretty } else { DraftFormat::Line };
    let mut out = std::io::stdout().lock();
    for doc in &docs {
        if let Some(record) = &doc.record {
            out.write_all(draft_text(record, format).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(failures.is_empty())
}
