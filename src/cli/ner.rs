//! Subcommands of the transformer NER engine: `model import-e5` and `eval-ner`.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use meelezer::ner::conll::{read_conll, score_model};
use meelezer::ner::labels::CONLL2002_LABELS;
use meelezer::ner::model_dir::ModelFolder;
use meelezer::ner::TransformerNer;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// `meelezer model ...`
#[derive(Debug, clap::Subcommand)]
pub enum ModelCommand {
    /// Convert the 4-bit e5 container (SRC/e5-small-q4.bin, SRC/tokenizer.json) into a Hugging
    /// Face style model folder DEST (config.json, tokenizer.json, model.safetensors).
    ImportE5 {
        src: PathBuf,
        dest: PathBuf,
        /// Storage type of the written weights.
        #[arg(long, value_enum, default_value_t = StoredDtype::F16)]
        dtype: StoredDtype,
    },
    /// Average the weights of fine-tuned models of one architecture and vocabulary (snapshots
    /// of one run, say) into a new model folder, with the first one's config and tokenizer; given
    /// one model, write it in another storage type or with another reading context.
    Average {
        /// Model folders to average.
        #[arg(required = true, num_args = 1..)]
        models: Vec<PathBuf>,
        /// Where to write the averaged model.
        #[arg(short, long)]
        out: PathBuf,
        /// Storage type of the written weights.
        #[arg(long, value_enum, default_value_t = StoredDtype::F16)]
        dtype: StoredDtype,
        /// Reading context written to its config (pieces per sequence of consecutive
        /// sentences; 0: one sentence per sequence); default: the first model's.
        #[arg(long)]
        context: Option<usize>,
    },
}

impl StoredDtype {
    fn dtype(self) -> candle_core::DType {
        match self {
            StoredDtype::F16 => candle_core::DType::F16,
            StoredDtype::F32 => candle_core::DType::F32,
        }
    }
}

/// How `import-e5` stores weights.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StoredDtype {
    /// Half the size of f32; rounding far below the 4-bit quantization error.
    F16,
    F32,
}

/// `meelezer eval-ner`
#[derive(Debug, clap::Args)]
pub struct EvalNerArgs {
    /// Model folder (config.json, tokenizer.json, model.safetensors).
    #[arg(long)]
    pub model: PathBuf,
    /// CoNLL-2002 (`word POS tag`) or WikiANN (`idx word tag`) file.
    pub file: PathBuf,
    /// Write `word gold predicted` per token here, a blank line between sentences.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Score only the first N sentences.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Sentences per forward pass.
    #[arg(long, default_value_t = 32)]
    pub batch_size: usize,
    /// For a bare encoder: attach a random, untrained CoNLL-2002 head. Only for timing the
    /// encoder; the scores are meaningless.
    #[arg(long)]
    pub untrained_head: bool,
    /// Run the model on every sentence, also those that cannot hold an entity (no capital but
    /// on an opening function word), which are otherwise tagged `O` without it.
    #[arg(long)]
    pub all_sentences: bool,
    /// Decode each word's best label instead of each sentence's most probable valid BIO
    /// sequence (Viterbi, the default).
    #[arg(long)]
    pub argmax: bool,
    /// Let each sentence's reading of a name stand, instead of giving every mention of a name
    /// in one document the type the model weighs most for it there (the default).
    #[arg(long)]
    pub no_type_agreement: bool,
    /// Feed consecutive sentences of an article together, up to this many pieces per
    /// sequence (0: one sentence per sequence); default: what the model was trained with.
    #[arg(long)]
    pub context: Option<usize>,
    /// Number format of the model's linear layers (`auto`: int8 on CPUs with AVX-512 VNNI).
    #[arg(long, value_enum, default_value_t = super::Precision::Auto)]
    pub precision: super::Precision,
}

pub fn model(cmd: ModelCommand) -> Result<()> {
    match cmd {
        ModelCommand::ImportE5 { src, dest, dtype } => {
            let t = Instant::now();
            meelezer::train::e5_import::import_e5(&src, &dest, dtype.dtype())?;
            eprintln!("wrote {} in {:.1} s", dest.display(), t.elapsed().as_secs_f64());
            Ok(())
        }
        ModelCommand::Average { models, out, dtype, context } => {
            meelezer::train::average::average_models(&models, &out, dtype.dtype(), context)?;
            eprintln!("wrote the mean of {} model(s) to {}", models.len(), out.display());
            Ok(())
        }
    }
}

pub fn eval_ner(args: EvalNerArgs) -> Result<()> {
    let started = Instant::now();
    let folder = ModelFolder::open(&args.model)?;
    let ner = if args.untrained_head {
        eprintln!("warning: random untrained head; scores below are meaningless (timing only)");
        TransformerNer::with_untrained_head(folder, CONLL2002_LABELS, &candle_nn::VarMap::new())?
    } else {
        TransformerNer::from_folder(folder)?
    }
    .with_batch_size(args.batch_size)
    .with_skip_plain(!args.all_sentences)
    .with_viterbi(!args.argmax)
    .with_type_agreement(!args.no_type_agreement)
    .with_int8(args.precision.int8())?;
    let ner = match args.context {
        Some(pieces) => ner.with_context(pieces),
        None => ner,
    };
    let mut sentences = read_conll(&args.file)?;
    if let Some(n) = args.limit {
        sentences.truncate(n);
    }
    eprintln!("model loaded in {:.1} s; {} sentences", started.elapsed().as_secs_f64(), sentences.len());

    let progress = ProgressBar::new(sentences.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} sentences, {per_sec}, eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let (score, predicted, secs) = score_model(&ner, &sentences, |n| progress.inc(n as u64))?;
    progress.finish_and_clear();
    if let Some(p) = &args.output {
        let mut w = std::io::BufWriter::new(std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?);
        for (sentence, tags) in sentences.iter().zip(&predicted) {
            for ((word, gold), tag) in sentence.words.iter().zip(&sentence.tags).zip(tags) {
                writeln!(w, "{word} {gold} {}", tag.to_conll())?;
            }
            writeln!(w)?;
        }
        w.flush()?;
    }
    print!("{}", score.table());
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "{} sentences, {} tokens in {:.1} s: {:.0} tokens/s (batch {}, {} threads)",
        sentences.len(),
        words,
        secs,
        words as f64 / secs.max(1e-9),
        args.batch_size,
        rayon::current_num_threads()
    );
    Ok(())
}
