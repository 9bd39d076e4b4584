//! The command-line interface's subcommands (binary only; the library holds the logic).

pub mod extract;
pub mod ner;
pub mod report;

use anyhow::Result;
use meelezer::entities::Gazetteer;
use meelezer::pipeline::Pipeline;
use std::io::Write;
use std::path::PathBuf;

/// Writes to standard output; a closed pipe (`meelezer eval ... | head`) is not an error.
pub fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Which entity recognizer the pipeline uses.
#[derive(Debug, Clone, clap::Args)]
pub struct ModelArgs {
    /// NER model folder (Hugging Face layout); defaults to the shipped model when there is one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Use the gazetteer instead of a transformer model.
    #[arg(long, conflicts_with = "model")]
    pub gazetteer: bool,
}

impl ModelArgs {
    pub fn pipeline(&self) -> Result<Pipeline> {
        if let Some(dir) = &self.model {
            anyhow::bail!("{}: transformer models are not supported yet", dir.display());
        }
        Ok(Pipeline::new(Box::new(Gazetteer::new())))
    }
}
