//! `meelezer bench CORPUS`: times each stage over a corpus (words/s and docs/s per stage, its share
//! of the time), then a streaming end-to-end run, and prints the peak memory.
//!
//! The stages run one after another over all documents held in memory, each spread over the
//! thread pool, so a stage's time is the wall-clock time the pool spends on it. The end-to-end run
//! streams the corpus again the way `extract` does (reading, decoding, all stages, JSON output to
//! a sink).

use super::run::RunArgs;
use anyhow::Result;
use meelezer::corpus::{annotate_stream, Corpus};
use meelezer::document::Document;
use meelezer::loader::RawArticle;
use meelezer::pipeline::Pipeline;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// `meelezer bench`
#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Corpus: `.jsonl` files, `.txt` files, folders or quoted glob patterns (read twice, so not `-`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Use at most this many documents.
    #[arg(long, default_value_t = 20_000)]
    pub limit: usize,
    #[command(flatten)]
    pub run: RunArgs,
    #[command(flatten)]
    pub model: super::ModelArgs,
}

/// One line of the table.
struct Timing {
    stage: String,
    time: Duration,
}

/// Peak resident memory of this process (`VmHWM` in `/proc/self/status`), when the system tells.
pub fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(format!("{:.1} MiB", kb / 1024.0))
}

pub fn bench(args: BenchArgs) -> Result<()> {
    let run = args.run.validate()?;
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        anyhow::bail!("bench reads its corpus twice: give a file, not standard input");
    }
    let pipeline = args.model.pipeline()?;
    let pool = run.pool()?;
    let (docs, words, failed, timings) = pool.install(|| stages(&args, &pipeline, run.max_bytes, run.chunk))?;
    let end_to_end = pool.install(|| end_to_end(&args, &pipeline, run.max_bytes, run.chunk))?;

    let stage_total: Duration = timings.iter().map(|t| t.time).sum();
    let mut table = format!(
        "corpus: {docs} documents ({failed} failed), {words} words; {} threads; entities: {}\n{:<22} {:>9} {:>7} {:>11} {:>13} {:>17}\n",
        run.threads,
        pipeline.recognizer_name(),
        "stage",
        "time (s)",
        "share",
        "docs/s",
        "words/s",
        "words/s/thread"
    );
    let mut row = |name: &str, time: Duration, share: Option<f64>| {
        let secs = time.as_secs_f64();
        let share = share.map_or(String::new(), |s| format!("{:.1}%", 100.0 * s));
        // A stage that does (next to) nothing has no meaningful rate.
        let rate = |n: usize, threads: usize| if secs < 1e-4 { "-".to_string() } else { format!("{:.0}", n as f64 / secs / threads as f64) };
        table.push_str(&format!(
            "{name:<22} {secs:>9.3} {share:>7} {:>11} {:>13} {:>17}\n",
            rate(docs, 1),
            rate(words, 1),
            rate(words, run.threads)
        ));
    };
    for t in &timings {
        row(&t.stage, t.time, Some(t.time.as_secs_f64() / stage_total.as_secs_f64().max(1e-9)));
    }
    row("sum of stages", stage_total, Some(1.0));
    row("end to end (stream)", end_to_end, None);
    table.push_str(&format!("peak memory (VmHWM): {}\n", peak_memory().unwrap_or_else(|| "n/a".into())));
    super::emit(&table)
}

/// Reads the corpus into memory and times each stage over it.
fn stages(args: &BenchArgs, pipeline: &Pipeline, max_bytes: u64, chunk: usize) -> Result<(usize, usize, usize, Vec<Timing>)> {
    let mut timings = Vec::new();
    let clock = Instant::now();
    let raw: Vec<meelezer::Result<RawArticle>> = Corpus::open(&args.paths)?.with_max_bytes(max_bytes).take(args.limit).collect();
    let decoded: Vec<meelezer::Result<Document>> = raw.into_par_iter().map(|r| r.and_then(RawArticle::into_document)).collect();
    timings.push(Timing { stage: "read + decode".into(), time: clock.elapsed() });
    let total = decoded.len();
    let mut docs: Vec<Document> = decoded.into_iter().filter_map(|d| d.ok()).collect();
    let mut failed = total - docs.len();

    for stage in pipeline.prepare_stages() {
        let clock = Instant::now();
        let errors = docs.par_iter_mut().map(|d| usize::from(stage.process(d).is_err())).sum::<usize>();
        timings.push(Timing { stage: stage.name().into(), time: clock.elapsed() });
        failed += errors;
    }
    let words: usize = docs.par_iter().map(Document::word_count).sum();

    let clock = Instant::now();
    let mut found = Vec::with_capacity(docs.len());
    for part in docs.chunks(chunk) {
        let refs: Vec<&Document> = part.iter().collect();
        found.extend(pipeline.recognize_all(&refs));
    }
    for (doc, entities) in docs.iter_mut().zip(found) {
        match entities {
            Ok(entities) => doc.entities = entities,
            Err(_) => failed += 1,
        }
    }
    timings.push(Timing { stage: format!("entities ({})", pipeline.recognizer_name()), time: clock.elapsed() });

    let linker = pipeline.linker();
    let clock = Instant::now();
    let errors = docs.par_iter_mut().map(|d| usize::from(meelezer::Stage::process(linker, d).is_err())).sum::<usize>();
    timings.push(Timing { stage: "rules".into(), time: clock.elapsed() });
    failed += errors;

    let clock = Instant::now();
    let bytes: usize = docs.par_iter().filter_map(|d| d.record.as_ref()).map(|r| r.to_json_line().len()).sum();
    std::hint::black_box(bytes);
    timings.push(Timing { stage: "JSON output".into(), time: clock.elapsed() });
    Ok((total, words, failed, timings))
}

/// Streams the corpus through the whole pipeline as `extract` does, writing to a sink.
fn end_to_end(args: &BenchArgs, pipeline: &Pipeline, max_bytes: u64, chunk: usize) -> Result<Duration> {
    let clock = Instant::now();
    let corpus = Corpus::open(&args.paths)?.with_max_bytes(max_bytes).take(args.limit);
    let mut sink = std::io::sink();
    annotate_stream(pipeline, corpus, chunk, |result| -> Result<()> {
        if let Some(record) = result.ok().and_then(|d| d.record) {
            writeln!(sink, "{}", record.to_json_line())?;
        }
        Ok(())
    })?;
    Ok(clock.elapsed())
}
