//! The command-line interface's subcommands (binary only; the library holds the logic).

pub mod annotate;
pub mod bench;
pub mod corpus;
pub mod extract;
pub mod fit;
pub mod merge;
pub mod ner;
pub mod perturb;
pub mod report;
pub mod run;
pub mod train;

use anyhow::Result;
use meelezer::{Pipeline, PipelineOptions};
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
    /// Extra services (JSON Lines, the format of `src/data/services.jsonl`), added to the
    /// built-in table for this run; may be given more than once.
    #[arg(long, value_name = "FILE")]
    pub services: Vec<PathBuf>,
    /// Run the model on every sentence, also those that cannot hold an entity (no capital but
    /// on an opening function word), which are otherwise left out; see BENCHMARKS.md.
    #[arg(long)]
    pub all_sentences: bool,
    /// Decode each word's best label instead of each sentence's most probable valid BIO
    /// sequence (Viterbi, the default; models/README.md).
    #[arg(long)]
    pub argmax: bool,
    /// Let each sentence's reading of a name stand, instead of giving every mention of a name
    /// in one document the type the model weighs most for it there (the default).
    #[arg(long)]
    pub no_type_agreement: bool,
    /// Number format of the model's linear layers: `auto` is int8 on CPUs with AVX-512 VNNI and
    /// f32 elsewhere; see BENCHMARKS.md.
    #[arg(long, value_enum, default_value_t = Precision::Auto)]
    pub precision: Precision,
    /// How the main service is chosen: weights fitted on labelled articles (`meelezer fit-main`)
    /// or the hand-set ones.
    #[arg(long = "main", value_enum, default_value_t = meelezer::Scorers::default().main)]
    pub main_scorer: meelezer::Scorer,
    /// How the operation a sentence belongs to is chosen, in articles naming two or more
    /// services: the hand rule or weights fitted by `meelezer fit-link`.
    #[arg(long = "link", value_enum, default_value_t = meelezer::Scorers::default().link)]
    pub link_scorer: meelezer::Scorer,
    /// How the country a figure is limited to (`where`) is chosen: the hand rule or weights
    /// fitted by `meelezer fit-where`.
    #[arg(long = "where", value_enum, default_value_t = meelezer::Scorers::default().place)]
    pub where_scorer: meelezer::Scorer,
}

/// Number format of the model's linear layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Precision {
    /// Int8 where the CPU has AVX-512 VNNI (where it is 2 to 3 times faster than f32), else f32.
    Auto,
    /// 32-bit floats.
    F32,
    /// 8-bit integer weights and activations, exact integer sums (AVX-512 VNNI when the CPU has it).
    Int8,
}

impl Precision {
    /// Whether the model runs in int8: `auto` decides by the CPU.
    pub fn int8(self) -> bool {
        match self {
            Precision::Auto => meelezer::ner::int8::has_vnni(),
            Precision::F32 => false,
            Precision::Int8 => true,
        }
    }
}

impl ModelArgs {
    /// The model folder to use: `--model`, else the shipped `models/ner` (in the current folder
    /// or in the crate's checkout), else none (the gazetteer).
    pub fn model_dir(&self) -> Option<PathBuf> {
        if self.gazetteer {
            return None;
        }
        if let Some(dir) = &self.model {
            return Some(dir.clone());
        }
        [PathBuf::from(DEFAULT_MODEL), PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_MODEL)]
            .into_iter()
            .find(|dir| dir.join("config.json").is_file())
    }

    /// The library's options for this command line.
    pub fn options(&self) -> PipelineOptions {
        PipelineOptions {
            model: self.model_dir(),
            services: self.services.clone(),
            all_sentences: self.all_sentences,
            viterbi: !self.argmax,
            type_agreement: !self.no_type_agreement,
            int8: Some(self.precision.int8()),
            scorers: meelezer::Scorers { main: self.main_scorer, link: self.link_scorer, place: self.where_scorer },
        }
    }

    pub fn pipeline(&self) -> Result<Pipeline> {
        let options = self.options();
        if options.model.is_none() && !self.gazetteer {
            eprintln!("meelezer: no NER model at {DEFAULT_MODEL}; using the gazetteer (--model DIR to choose one)");
        }
        Ok(options.build()?)
    }
}

/// Where the shipped NER model lives, relative to the checkout.
pub const DEFAULT_MODEL: &str = "models/ner";
