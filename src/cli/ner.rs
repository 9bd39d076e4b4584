//! Subcommands of the transformer NER engine: `model import-e5`, `eval-ner`.
//! (Placeholder until the NER engine issue lands.)

use anyhow::Result;

/// `meelezer model ...`
#[derive(Debug, clap::Subcommand)]
pub enum ModelCommand {
    /// Convert the 4-bit e5 container into a Hugging Face style model folder.
    ImportE5 { src: std::path::PathBuf, dest: std::path::PathBuf },
}

/// `meelezer eval-ner`
#[derive(Debug, clap::Args)]
pub struct EvalNerArgs {
    /// Model folder.
    #[arg(long)]
    pub model: std::path::PathBuf,
    /// CoNLL-2002 or WikiANN file.
    pub file: std::path::PathBuf,
}

pub fn model(_cmd: ModelCommand) -> Result<()> {
    anyhow::bail!("not implemented yet")
}

pub fn eval_ner(_args: EvalNerArgs) -> Result<()> {
    anyhow::bail!("not implemented yet")
}
