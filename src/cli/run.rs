//! What corpus runs (`extract`, `bench`) share: the thread and size flags and their validated
//! form, and the run report (progress bar on a terminal, failures as they happen, closing summary).

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use meelezer::{ArticleRecord, DEFAULT_CHUNK, DEFAULT_MAX_BYTES, Document, ErrorKind};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::Instant;

/// Raw flags of a corpus run.
#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// Worker threads (default: the number of available cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Skip (and report) documents larger than this: bytes, or with a K, M or G suffix (KiB, MiB, GiB).
    #[arg(long, value_parser = parse_size, default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Documents annotated together (and held in memory at once).
    #[arg(long, default_value_t = DEFAULT_CHUNK, hide = true)]
    pub chunk: usize,
}

/// Validated settings of a corpus run.
#[derive(Debug, Clone, Copy)]
pub struct RunConfig {
    pub threads: usize,
    pub max_bytes: u64,
    pub chunk: usize,
    /// Draw a progress bar: only when standard error is a terminal.
    pub progress: Progress,
}

/// Whether a run shows a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Bar,
    Hidden,
}

impl RunArgs {
    pub fn validate(&self) -> Result<RunConfig> {
        let threads = match self.threads {
            Some(0) => anyhow::bail!("--threads must be at least 1"),
            Some(n) => n,
            None => default_threads(),
        };
        if self.chunk == 0 {
            anyhow::bail!("--chunk must be at least 1");
        }
        let progress = if std::io::stderr().is_terminal() { Progress::Bar } else { Progress::Hidden };
        Ok(RunConfig { threads, max_bytes: self.max_bytes, chunk: self.chunk, progress })
    }
}

/// The process's thread budget: `RAYON_NUM_THREADS` as the user set it, else the available cores.
pub fn default_threads() -> usize {
    *BUDGET.get_or_init(|| {
        std::env::var("RAYON_NUM_THREADS")
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
    })
}

static BUDGET: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// Makes the thread budget the process's: reads it ([`default_threads`]), then tells candle to
/// run each matmul on the calling thread (candle reads `RAYON_NUM_THREADS` at every matmul), and
/// sizes rayon's global pool to the budget. Call first thing in `main`, before any thread starts.
pub fn claim_thread_budget() {
    let budget = default_threads();
    // SAFETY of `set_var`: no other thread exists yet (this runs first in `main`).
    std::env::set_var("RAYON_NUM_THREADS", "1");
    // A pool that is already built (it cannot be here) keeps its size; nothing to report.
    let _ = rayon::ThreadPoolBuilder::new().num_threads(budget).build_global();
}

impl RunConfig {
    /// The rayon pool the run's parallel work goes to.
    pub fn pool(&self) -> Result<rayon::ThreadPool> {
        rayon::ThreadPoolBuilder::new().num_threads(self.threads).build().context("cannot start worker threads")
    }
}

/// `4194304`, `512K`, `4M`, `4MiB`, `1G`: a size in bytes (suffixes are powers of 1024).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, suffix) = t.split_at(split);
    let n: u64 = digits.parse().map_err(|_| format!("expected a size such as 4194304 or 4M, got {s:?}"))?;
    let unit: u64 = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit {other:?} (use K, M or G)")),
    };
    match n.checked_mul(unit) {
        Some(0) => Err("the size must be above 0".into()),
        Some(bytes) => Ok(bytes),
        None => Err(format!("{s:?} is too large")),
    }
}

/// A short name for what went wrong, for the summary's counts.
fn failure_class(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::TooLarge { .. } => "too large",
        ErrorKind::NotUtf8(_) => "not UTF-8",
        ErrorKind::Empty => "empty",
        ErrorKind::Json(_) | ErrorKind::Field { .. } | ErrorKind::Invalid(_) => "malformed",
        ErrorKind::Io(_) => "unreadable",
        ErrorKind::NoArticles => "no articles",
        ErrorKind::Model(_) | ErrorKind::Candle(_) | ErrorKind::Tokenizer(_) => "model error",
    }
}

/// Failures kept for the closing list; past this, only counted (each is still reported as it happens).
const LISTED_FAILURES: usize = 1000;

/// Counts a run's documents and failures, reports failures as they happen and draws the progress bar.
pub struct RunReport {
    bar: Option<ProgressBar>,
    start: Instant,
    pub total: usize,
    pub written: usize,
    pub words: usize,
    failed: usize,
    classes: BTreeMap<&'static str, usize>,
    listed: Vec<String>,
}

impl RunReport {
    pub fn new(progress: Progress) -> RunReport {
        let bar = (progress == Progress::Bar).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} docs  {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()));
            bar
        });
        RunReport { bar, start: Instant::now(), total: 0, written: 0, words: 0, failed: 0, classes: BTreeMap::new(), listed: Vec::new() }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Takes one document's outcome: returns its record to write, or reports its failure.
    pub fn take(&mut self, result: meelezer::Result<Document>) -> Option<ArticleRecord> {
        self.total += 1;
        let outcome = match result {
            Ok(doc) => {
                self.words += doc.word_count();
                for w in &doc.warnings {
                    self.say(&format!("meelezer: warning: {w}"));
                }
                match doc.record {
                    Some(record) => Ok(record),
                    None => Err(("no record", format!("{}: no record produced", doc.id))),
                }
            }
            Err(e) => Err((failure_class(&e.kind), e.to_string())),
        };
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if self.total.is_multiple_of(64) {
                let secs = self.start.elapsed().as_secs_f64().max(1e-9);
                bar.set_message(format!("{:.0} docs/s  {:.0} words/s", self.total as f64 / secs, self.words as f64 / secs));
            }
        }
        match outcome {
            Ok(record) => {
                self.written += 1;
                Some(record)
            }
            Err((class, message)) => {
                self.say(&format!("meelezer: skipped {message}"));
                self.failed += 1;
                *self.classes.entry(class).or_default() += 1;
                if self.listed.len() < LISTED_FAILURES {
                    self.listed.push(message);
                }
                None
            }
        }
    }

    /// Prints the closing summary; true when no document failed.
    pub fn finish(self, recognizer: &str) -> bool {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "meelezer: {} of {} articles extracted{} (entities: {recognizer}; {:.1} s, {:.0} docs/s, {:.0} words/s)",
            self.written,
            self.total,
            if self.failed == 0 { String::new() } else { format!(", {} failed", self.failed) },
            secs,
            self.total as f64 / secs,
            self.words as f64 / secs,
        );
        if self.failed > 0 {
            let classes: Vec<String> = self.classes.iter().map(|(class, n)| format!("{n} {class}")).collect();
            eprintln!("meelezer: failed documents ({}):", classes.join(", "));
            for message in &self.listed {
                eprintln!("meelezer:   {message}");
            }
            if self.failed > self.listed.len() {
                eprintln!("meelezer:   ... and {} more, each reported above", self.failed - self.listed.len());
            }
        }
        self.failed == 0
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("4194304"), Ok(4_194_304));
        assert_eq!(parse_size("4M"), Ok(4 << 20));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("4X").is_err());
        assert!(parse_size("M").is_err());
    }
}
