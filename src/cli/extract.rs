//! `meelezer extract`, `eval` and `tag`: the main job and the window into the stages.

use anyhow::{Context, Result};
use meelezer::document::Document;
use meelezer::eval::{diff, diff_text, evaluate};
use meelezer::loader::load_all;
use meelezer::record::read_records;
use std::io::{Read, Write};
use std::path::PathBuf;

/// `meelezer extract`
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles: `.txt` files, folders of them, or `.jsonl` corpora (`{"doc", "text"}` per line).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write the records here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
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
}

/// `meelezer tag`
#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// Header date (`YYYY-MM`) to resolve relative dates against.
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub model: super::ModelArgs,
}

pub fn extract(args: ExtractArgs) -> Result<bool> {
    let pipeline = args.model.pipeline()?;
    let items = load_all(&args.paths)?;
    let total = items.len();
    let mut docs = Vec::new();
    let mut failures = Vec::new();
    let mut order = Vec::new();
    for item in items {
        match item {
            Ok(doc) => {
                order.push(Ok(docs.len()));
                docs.push(doc);
            }
            Err(e) => {
                order.push(Err(failures.len()));
                failures.push(e.to_string());
            }
        }
    }
    let results = pipeline.annotate_batch(docs);
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new({
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).with_context(|| format!("{}: cannot create folder", parent.display()))?;
            }

            std::fs::File::create(path).with_context(|| format!("{}: cannot create", path.display()))?
        })),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut written = 0;
    for i in order.into_iter().flatten() { match &results[i] {
        Ok(doc) => {
            if let Some(record) = &doc.record {
                writeln!(out, "{}", record.to_json_line())?;
                written += 1;
            }
        }
        Err(e) => failures.push(e.to_string()),
    } }
    out.flush()?;
    for f in &failures {
        eprintln!("meelezer: skipped {f}");
    }
    eprintln!(
        "meelezer: {written} of {total} articles extracted{} (entities: {})",
        if failures.is_empty() { String::new() } else { format!(", {} failed", failures.len()) },
        pipeline.recognizer_name()
    );
    Ok(failures.is_empty())
}

pub fn eval(args: EvalArgs) -> Result<bool> {
    let gold = read_records(&args.gold)?;
    let pred = read_records(&args.pred)?;
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

pub fn tag(args: TagArgs) -> Result<bool> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!("<stdin>: not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())
    })?;
    let mut doc = Document::from_text("stdin", text).map_err(|e| anyhow::anyhow!("<stdin>: {e}"))?;
    if let Some(date) = args.date {
        if !meelezer::record::is_date(&date) || date.len() != 7 {
            anyhow::bail!("--date must be YYYY-MM, got {date:?}");
        }
        doc.date = Some(date);
    }
    let pipeline = args.model.pipeline()?;
    pipeline.annotate(&mut doc)?;
    super::emit(&format!("{}\n", serde_json::to_string_pretty(&tag_json(&doc))?))?;
    Ok(true)
}

/// Every annotation of a document, with byte offsets and the text each span covers.
fn tag_json(doc: &Document) -> serde_json::Value {
    use serde_json::json;
    let t = |s: meelezer::Span| &doc.text[s];
    json!({
        "date": doc.date,
        "sentences": doc.sentences.iter().map(|s| json!({"text": t(s.span), "start": s.span.start, "end": s.span.end, "heading": s.heading})).collect::<Vec<_>>(),
        "tokens": doc.tokens.iter().map(|k| json!({"text": t(k.span), "start": k.span.start, "end": k.span.end, "kind": k.kind})).collect::<Vec<_>>(),
        "entities": doc.entities.iter().map(|e| json!({"text": t(e.span), "type": e.label, "start": e.span.start, "end": e.span.end})).collect::<Vec<_>>(),
        "quantities": doc.quantities.iter().map(|q| json!({
            "text": t(q.span), "start": q.span.start, "end": q.span.end, "value": q.value,
            "unit": q.unit, "qualifier": q.qualifier, "per": q.per,
        })).collect::<Vec<_>>(),
        "dates": doc.dates.iter().map(|d| json!({"text": t(d.span), "start": d.span.start, "end": d.span.end, "value": d.value})).collect::<Vec<_>>(),
        "record": doc.record,
    })
}
