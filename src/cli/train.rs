//! `meelezer train-ner` (fine-tune the NER model, checkpointing and resuming) and
//! `meelezer prune-model` (shrink a trained model's vocabulary to ship it).

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use meelezer::ner::conll::{read_conll, ConllScore};
use meelezer::ner::model_dir::read_tokenizer;
use meelezer::train::prune::{prune_model, PieceCollector};
use meelezer::train::trainer::{TrainOptions, Trainer};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// `meelezer train-ner`
#[derive(Debug, clap::Args)]
pub struct TrainNerArgs {
    /// Folder with CoNLL-2002 `ned.train` and `ned.testa`.
    #[arg(long, default_value = "../shared/data/ner/conll2002")]
    pub data: PathBuf,
    /// Base encoder: a folder with `e5-small-q4.bin` + `tokenizer.json` (imported on the fly),
    /// or a model folder.
    #[arg(long, default_value = "../shared/models/base")]
    pub base: PathBuf,
    /// Output folder: `checkpoint/`, `best.safetensors`, and the final model in `model/`.
    #[arg(long, default_value = "train-out")]
    pub out: PathBuf,
    #[arg(long, default_value_t = 3)]
    pub epochs: usize,
    /// Sequences per batch (sentences, or packed runs of them with --context).
    #[arg(long, default_value_t = 16)]
    pub batch_size: usize,
    #[arg(long, default_value_t = 5e-5)]
    pub lr: f64,
    #[arg(long, default_value_t = 1e-3)]
    pub lr_head: f64,
    #[arg(long, default_value_t = 50)]
    pub warmup: usize,
    #[arg(long, default_value_t = 0.01)]
    pub weight_decay: f64,
    #[arg(long, default_value_t = 0.1)]
    pub dropout: f64,
    /// Global gradient-norm clip; 0 turns it off.
    #[arg(long, default_value_t = 1.0)]
    pub clip: f64,
    /// Keep the lowest N transformer layers (and the embeddings) frozen.
    #[arg(long, default_value_t = 0)]
    pub freeze_layers: usize,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Longest training sentence in sub-word pieces (longer ones are cut).
    #[arg(long, default_value_t = 256)]
    pub max_len: usize,
    /// Pack consecutive sentences of an article into sequences of up to N pieces, as the
    /// recognizer feeds them with context (0: one sentence per sequence); the exported model
    /// then reads text this way by default.
    #[arg(long, default_value_t = 0)]
    pub context: usize,
    /// Write a checkpoint every N steps (0: only after evaluations).
    #[arg(long, default_value_t = 100)]
    pub checkpoint_every: usize,
    /// Score on ned.testa every N steps, besides each epoch's end (0: epoch ends only).
    #[arg(long, default_value_t = 0)]
    pub eval_every: usize,
    /// Score on only the first N sentences of ned.testa.
    #[arg(long)]
    pub eval_limit: Option<usize>,
    /// Stop after this many steps in this session (timing runs); no export.
    #[arg(long)]
    pub max_steps: Option<usize>,
    /// Continue from OUT/checkpoint.
    #[arg(long)]
    pub resume: bool,
    /// Train nothing: write OUT/model from OUT/best.safetensors (a run cut short).
    #[arg(long)]
    pub export_only: bool,
    /// Print a log line every N steps when stderr is not a terminal.
    #[arg(long, default_value_t = 20)]
    pub log_every: usize,
}

impl TrainNerArgs {
    fn options(&self) -> Result<TrainOptions> {
        if self.batch_size == 0 || self.epochs == 0 {
            bail!("--batch-size and --epochs must be at least 1");
        }
        if !(0.0..1.0).contains(&self.dropout) {
            bail!("--dropout must be in [0, 1)");
        }
        Ok(TrainOptions {
            data: self.data.clone(),
            base: self.base.clone(),
            out: self.out.clone(),
            epochs: self.epochs,
            batch_size: self.batch_size,
            lr_encoder: self.lr,
            lr_head: self.lr_head,
            warmup_steps: self.warmup,
            weight_decay: self.weight_decay,
            dropout: self.dropout,
            max_grad_norm: self.clip,
            freeze_layers: self.freeze_layers,
            seed: self.seed,
            max_len: self.max_len,
            context: self.context,
        })
    }
}

fn summary(score: &ConllScore) -> String {
    let o = score.overall;
    format!("P {:.2} R {:.2} F1 {:.2}", 100.0 * o.precision(), 100.0 * o.recall(), 100.0 * o.f1())
}

pub fn train_ner(args: TrainNerArgs) -> Result<()> {
    let options = args.options()?;
    let t0 = Instant::now();
    let mut trainer = Trainer::new(options).context("setting up training")?;
    if args.resume {
        trainer.resume().context("resuming")?;
    }
    if args.export_only {
        if !trainer.load_best()? {
            bail!("{}: no best.safetensors to export", args.out.display());
        }
        let dir = args.out.join("model");
        trainer.export(&dir, candle_core::DType::F32)?;
        eprintln!("wrote {} from the best weights", dir.display());
        return Ok(());
    }
    let testa_path = args.data.join("ned.testa");
    let mut testa = read_conll(&testa_path)?;
    if let Some(n) = args.eval_limit {
        testa.truncate(n);
    }
    let total = trainer.total_steps();
    eprintln!(
        "{} training sentences, {} batches/epoch, {} steps in all; {} trainable parameters; {} threads; set up in {:.1} s{}",
        trainer.train_examples(),
        trainer.batches_per_epoch(),
        total,
        trainer.trainable_parameters(),
        rayon::current_num_threads(),
        t0.elapsed().as_secs_f64(),
        if args.resume { format!("; resumed at step {}", trainer.state.step) } else { String::new() }
    );

    let terminal = std::io::stderr().is_terminal();
    let bar = if terminal { ProgressBar::new(total as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} steps {msg} eta {eta}").unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_position(trainer.state.step as u64);
    let log = |line: String| if terminal { bar.println(line) } else { eprintln!("{line}") };

    let session = Instant::now();
    let (mut steps, mut tokens) = (0usize, 0usize);
    let mut loss_avg: Option<f64> = None;
    while trainer.state.step < total {
        if args.max_steps.is_some_and(|m| steps >= m) {
            break;
        }
        let s = trainer.train_step()?;
        steps += 1;
        tokens += s.tokens;
        loss_avg = Some(loss_avg.map_or(s.loss, |a| 0.95 * a + 0.05 * s.loss));
        let secs = session.elapsed().as_secs_f64().max(1e-9);
        let msg = format!(
            "loss {:.4} (avg {:.4}) |g| {:.2} {:.2} steps/s {:.0} tok/s",
            s.loss,
            loss_avg.unwrap_or(0.0),
            s.grad_norm,
            steps as f64 / secs,
            tokens as f64 / secs
        );
        bar.set_position(trainer.state.step as u64);
        bar.set_message(msg.clone());
        let step = trainer.state.step;
        if !terminal && (step % args.log_every.max(1) == 0 || step == 1) {
            log(format!("step {step}/{total} epoch {} lr x{:.3} {msg}", trainer.state.epoch, trainer.schedule(step)));
        }
        let eval_now = s.epoch_done || (args.eval_every > 0 && step % args.eval_every == 0) || step == total;
        if eval_now {
            let (score, best) = trainer.evaluate(&testa)?;
            let secs = trainer.state.history.last().map_or(0.0, |r| r.seconds);
            log(format!(
                "step {step} epoch {:.2}: ned.testa {}{} ({:.0} s)",
                trainer.state.history.last().map_or(0.0, |r| r.epoch),
                summary(&score),
                if best { " (best so far)" } else { "" },
                secs
            ));
        }
        if eval_now || (args.checkpoint_every > 0 && step % args.checkpoint_every == 0) {
            trainer.save_checkpoint()?;
        }
    }
    bar.finish_and_clear();
    let secs = session.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "{steps} steps in {secs:.1} s this session: {:.3} steps/s, {:.0} padded tokens/s; {:.1} min trained in all",
        steps as f64 / secs,
        tokens as f64 / secs,
        trainer.seconds() / 60.0
    );
    if trainer.state.step < total {
        trainer.save_checkpoint()?;
        eprintln!("stopped at step {} of {total}; continue with --resume", trainer.state.step);
        return Ok(());
    }
    if trainer.load_best()? {
        if let Some(b) = &trainer.state.best {
            eprintln!("best on ned.testa: step {} (epoch {:.2}), F1 {:.2}", b.step, b.epoch, 100.0 * b.f1);
        }
    }
    let dir = args.out.join("model");
    trainer.export(&dir, candle_core::DType::F32)?;
    eprintln!("wrote {}", dir.display());
    Ok(())
}

/// `meelezer prune-model`
#[derive(Debug, clap::Args)]
pub struct PruneModelArgs {
    /// Trained model folder.
    pub src: PathBuf,
    /// Where to write the pruned model.
    pub dest: PathBuf,
    /// Text whose pieces to keep: CoNLL / WikiANN files, `.txt` files, or folders searched for
    /// `.txt` files (repeatable).
    #[arg(long, required = true)]
    pub corpus: Vec<PathBuf>,
    /// Store weights as f16 (default) or f32.
    #[arg(long, default_value = "f16")]
    pub dtype: String,
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("{}: cannot read", dir.display()))? {
        let p = entry?.path();
        if p.is_dir() {
            txt_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

pub fn prune(args: PruneModelArgs) -> Result<()> {
    let dtype = match args.dtype.as_str() {
        "f16" => candle_core::DType::F16,
        "f32" => candle_core::DType::F32,
        other => bail!("--dtype {other}: expected f16 or f32"),
    };
    let tokenizer = read_tokenizer(&args.src.join("tokenizer.json"))?;
    let mut collector = PieceCollector::default();
    let mut sentences = 0;
    for path in &args.corpus {
        let mut texts = Vec::new();
        if path.is_dir() {
            txt_files(path, &mut texts)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            texts.push(path.clone());
        } else {
            for s in read_conll(path)? {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                collector.add_words(&tokenizer, &words)?;
                sentences += 1;
            }
        }
        for t in texts {
            let text = std::fs::read_to_string(&t).with_context(|| format!("{}: cannot read", t.display()))?;
            collector.add_text(&tokenizer, &text)?;
        }
    }
    eprintln!("{} pieces used ({sentences} CoNLL sentences and the text files)", collector.ids.len());
    let report = prune_model(&args.src, &args.dest, &collector.ids, dtype)?;
    eprintln!(
        "vocabulary {} -> {} pieces ({} kept only as single characters); wrote {}",
        report.vocab_before,
        report.vocab_after,
        report.single_chars,
        args.dest.display()
    );
    // Same pieces before and after, on a sentence the corpus need not contain.
    let after = read_tokenizer(&args.dest.join("tokenizer.json"))?;
    let sample = "De Nederlandse politie heeft in 2020 de versleutelde chatdienst EncroChat gekraakt, meldt het OM in Den Haag.";
    let a = tokenizer.encode(sample, true).map_err(|e| anyhow::anyhow!("{e}"))?;
    let b = after.encode(sample, true).map_err(|e| anyhow::anyhow!("{e}"))?;
    if a.get_tokens() != b.get_tokens() {
        eprintln!("warning: pieces differ after pruning:\n  before {:?}\n  after  {:?}", a.get_tokens(), b.get_tokens());
    } else {
        eprintln!("sample sentence: same {} pieces before and after pruning", a.get_tokens().len());
    }
    Ok(())
}
