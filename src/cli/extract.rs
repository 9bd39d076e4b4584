//! `meelezer extract`, `eval` and `tag`: the main job and the window into the stages.
//! Extraction streams its input in chunks (see `meelezer::Corpus`); the run's flags and closing
//! report are in `super::run`.

use super::run::{RunArgs, RunReport};
use anyhow::{Context, Result};
use meelezer::{annotate_stream, diff, diff_text, evaluate, read_records, Corpus, Document};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// `meelezer extract`
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles: `.txt` files, folders of them, quoted glob patterns (`'corpus/*.txt'`), or
    /// `.jsonl` corpora (`{"doc", "text"}` per line); `-` reads a corpus from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write the records here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub model: super::ModelArgs,
}

/// `meelezer eval`
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold records (JSON Lines, ANNOTATION.md).
    #[arg(long)]
    pub gold: PathBuf,
    /// Predicted records.
    #[arg(long)]
    pub pred: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// List each missing and spurious fact and entity per article.
    #[arg(long)]
    pub diff: bool,
    /// Score only one fixed half of the articles (by the parity of a hash of the id; see README,
    /// "Working and check halves").
    #[arg(long, value_enum)]
    pub half: Option<meelezer::Half>,
}

/// `meelezer facts`
#[derive(Debug, clap::Args)]
pub struct FactsArgs {
    /// Records (JSON Lines, as `extract` writes them, or a gold file).
    pub records: PathBuf,
    /// Write the CSV here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// `meelezer tag`
#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// Header date (`YYYY-MM` or `YYYY-MM-DD`) to resolve relative dates against.
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub model: super::ModelArgs,
}

pub fn extract(args: ExtractArgs) -> Result<bool> {
    let run = args.run.validate()?;
    let pipeline = args.model.pipeline()?;
    let corpus = Corpus::open(&args.paths)?.with_max_bytes(run.max_bytes);
    let mut out = open_output(args.output.as_deref())?;
    let mut report = RunReport::new(run.progress);
    // Document ids seen, to warn when a corpus repeats one (`eval` rejects such a gold file).
    let mut seen = std::collections::HashSet::new();
    let mut repeated = 0usize;
    run.pool()?.install(|| {
        annotate_stream(&pipeline, corpus, run.chunk, |result| -> Result<()> {
            if let Some(record) = report.take(result) {
                if !seen.insert(record.doc.clone()) {
                    repeated += 1;
                    eprintln!("meelezer: warning: document id {:?} appears again; both records are written, but ids should be distinct (eval rejects a gold file that repeats one)", record.doc);
                }
                writeln!(out, "{}", record.to_json_line())?;
            }
            Ok(())
        })
    })?;
    out.flush()?;
    if repeated > 0 {
        eprintln!("meelezer: warning: {repeated} records repeat an earlier document id");
    }
    Ok(report.finish(pipeline.recognizer_name()))
}

/// Standard output, or a file (its folder created when missing).
fn open_output(path: Option<&Path>) -> Result<Box<dyn Write + Send>> {
    Ok(match path {
        Some(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).with_context(|| format!("{}: cannot create folder", parent.display()))?;
            }
            let file = std::fs::File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
            Box::new(std::io::BufWriter::with_capacity(1 << 16, file))
        }
        None => Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())),
    })
}

pub fn eval(args: EvalArgs) -> Result<bool> {
    let mut gold = read_records(&args.gold)?;
    let mut pred = read_records(&args.pred)?;
    if let Some(half) = args.half {
        gold.retain(|r| meelezer::Half::of(&r.doc) == half);
        pred.retain(|r| meelezer::Half::of(&r.doc) == half);
    }
    let report = evaluate(&gold, &pred);
    if args.json {
        super::emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        super::emit(&report.to_table())?;
    }
    if args.diff {
        super::emit(&format!("\n{}", diff_text(&diff(&gold, &pred))))?;
    }
    Ok(true)
}

pub fn facts(args: FactsArgs) -> Result<bool> {
    let records = read_records(&args.records)?;
    match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
            meelezer::write_csv(&records, std::io::BufWriter::new(file)).with_context(|| format!("{}: writing", path.display()))?;
        }
        None => {
            let mut csv = Vec::new();
            meelezer::write_csv(&records, &mut csv)?;
            super::emit(&String::from_utf8(csv).context("CSV is UTF-8")?)?;
        }
    }
    Ok(true)
}

pub fn tag(args: TagArgs) -> Result<bool> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!("<stdin>: not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())
    })?;
    let mut doc = Document::from_text("stdin", text).map_err(|e| anyhow::anyhow!("<stdin>: {e}"))?;
    for w in &doc.warnings {
        eprintln!("meelezer: warning: <stdin>: {w}");
    }
    if let Some(date) = args.date {
        doc.set_date(&date).map_err(|e| anyhow::anyhow!("--date: {e}"))?;
    }
    let pipeline = args.model.pipeline()?;
    pipeline.annotate(&mut doc)?;
    super::emit(&format!("{}\n", serde_json::to_string_pretty(&doc.annotations_json())?))?;
    Ok(true)
}

