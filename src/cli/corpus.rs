//! `meelezer corpus synth`: writes a synthetic corpus (JSON Lines) for scale tests.

use anyhow::{Context, Result};
use meelezer::Synth;
use std::io::Write;
use std::path::PathBuf;

/// `meelezer corpus ...`
#[derive(Debug, clap::Subcommand)]
pub enum CorpusCommand {
    /// Write a synthetic corpus of Dutch articles in this genre, the same bytes for the same seed.
    Synth(SynthArgs),
}

/// `meelezer corpus synth`
#[derive(Debug, clap::Args)]
pub struct SynthArgs {
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    pub docs: u64,
    /// Seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn corpus(cmd: CorpusCommand) -> Result<()> {
    match cmd {
        CorpusCommand::Synth(args) => synth(args),
    }
}

fn synth(args: SynthArgs) -> Result<()> {
    let synth = Synth::new(args.seed);
    match &args.output {
        Some(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).with_context(|| format!("{}: cannot create folder", parent.display()))?;
            }
            let file = std::fs::File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            synth.write_jsonl(args.docs, &mut out).and_then(|()| out.flush()).with_context(|| format!("{}: cannot write", path.display()))
        }
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            synth.write_jsonl(args.docs, &mut out).and_then(|()| out.flush()).context("cannot write to standard output")
        }
    }
}
