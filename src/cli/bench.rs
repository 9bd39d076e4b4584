//! `meelezer bench CORPUS`: times each stage over a corpus (words/s and docs/s per stage, its share
//! of the time), then a streaming end-to-end run, and prints the peak memory.
//!
//! The stages run one after another over all documents held in memory, each spread over the
//! thread pool, so a stage's time is the wall-clock time the pool spends on it. The end-to-end run
//! streams the corpus again the way `extract` does (reading, decoding, all stages, JSON output to
//! a sink). With a transformer model it also counts the encoder's matmul FLOPs over the corpus
//! (from the model's config and tokenizer), measures candle's one-thread f32 matmul at the
//! encoder's shapes in the same run, and prints the entity stage's share of that ceiling.

use super::run::RunArgs;
use anyhow::Result;
use meelezer::{annotate_stream, Corpus, Document, Pipeline, RawArticle};
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
    let StageRun { docs, words, failed, timings, flops } = pool.install(|| stages(&args, &pipeline, run.max_bytes, run.chunk))?;
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
    if let Some(flops) = flops {
        let entities = timings.iter().find(|t| t.stage.starts_with("entities")).map_or(0.0, |t| t.time.as_secs_f64());
        let ceiling = matmul_ceiling(flops.hidden, flops.intermediate)?;
        let per_thread = flops.total / entities.max(1e-9) / run.threads as f64;
        let per_word = flops.total / words.max(1) as f64;
        table.push_str(&format!(
            "encoder ({} linear layers): {:.2} pieces run per word, {:.1} MFLOP per word in its matmuls ({:.1} GFLOP in all)\n\
             matmul ceiling, this run: {:.1} GFLOP/s per thread (candle f32 at the encoder's shapes) = {:.0} words/s per thread\n\
             entities stage: {:.1} GFLOP/s per thread = {:.2} of the ceiling\n",
            if args.model.precision.int8() { "int8" } else { "f32" },
            flops.pieces as f64 / words.max(1) as f64,
            per_word / 1e6,
            flops.total / 1e9,
            ceiling / 1e9,
            ceiling / per_word,
            per_thread / 1e9,
            per_thread / ceiling
        ));
    }
    super::emit(&table)
}

/// The encoder's matmul work over the corpus.
struct EncoderFlops {
    pieces: usize,
    total: f64,
    hidden: usize,
    intermediate: usize,
}

/// The FLOPs of the encoder's matmuls for the sequences the model runs on `docs` (plain
/// sentences left out unless `--all-sentences`, long ones cut; padding not counted): per piece
/// `layers × 2 × (4h² + 2hf)` for the projections and feed-forward, plus `layers × 4 × n × h` for
/// attention over `n` pieces.
fn encoder_flops(dir: &std::path::Path, pipeline: &Pipeline, docs: &[Document]) -> Result<Option<EncoderFlops>> {
    let config = meelezer::ner::ModelConfig::from_file(&dir.join("config.json"))?;
    let Some(lengths) = pipeline.model_sequence_lengths(&docs.iter().collect::<Vec<_>>()).transpose()? else {
        return Ok(None);
    };
    let (h, f, layers) = (config.hidden_size as f64, config.intermediate_size as f64, config.num_hidden_layers as f64);
    let pieces: usize = lengths.iter().sum();
    let total = lengths.iter().map(|&n| n as f64 * layers * (2.0 * (4.0 * h * h + 2.0 * h * f) + 4.0 * n as f64 * h)).sum();
    Ok(Some(EncoderFlops { pieces, total, hidden: config.hidden_size, intermediate: config.intermediate_size }))
}

/// candle's f32 matmul speed on one thread at the encoder's shapes (512 rows), in FLOP/s.
fn matmul_ceiling(h: usize, f: usize) -> Result<f64> {
    use candle_core::{Device, Tensor};
    let rows = 512;
    let mut flops = 0.0;
    let mut secs = 0.0;
    for (k, n) in [(h, h), (h, f), (f, h)] {
        let a = Tensor::randn(0f32, 1.0, (rows, k), &Device::Cpu)?;
        let b = Tensor::randn(0f32, 1.0, (k, n), &Device::Cpu)?;
        a.matmul(&b)?;
        let clock = Instant::now();
        let mut runs = 0;
        while clock.elapsed().as_secs_f64() < 0.3 {
            std::hint::black_box(a.matmul(&b)?);
            runs += 1;
        }
        secs += clock.elapsed().as_secs_f64();
        flops += 2.0 * (rows * k * n) as f64 * runs as f64;
    }
    Ok(flops / secs)
}

/// Reads the corpus into memory and times each stage over it.
/// What the timed stages saw: documents, words, failures, each stage's time and, with a model,
/// the encoder's work.
struct StageRun {
    docs: usize,
    words: usize,
    failed: usize,
    timings: Vec<Timing>,
    flops: Option<EncoderFlops>,
}

fn stages(args: &BenchArgs, pipeline: &Pipeline, max_bytes: u64, chunk: usize) -> Result<StageRun> {
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
    let flops = match args.model.model_dir() {
        Some(dir) => encoder_flops(&dir, pipeline, &docs)?,
        None => None,
    };

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
    Ok(StageRun { docs: total, words, failed, timings, flops })
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
