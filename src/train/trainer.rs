//! Fine-tuning a token classifier on a CoNLL-2002 style file: the [`Trainer`] loads a base
//! encoder (the 4-bit e5 container, imported in memory, or any model folder), puts a fresh
//! classification head on it, and takes AdamW steps over length-bucketed batches with warm-up,
//! linear decay, dropout and global-norm gradient clipping. It checkpoints (trainable weights,
//! optimizer moments, step, epoch and batch position) and resumes, scores on a development
//! file, keeps the best weights, and exports a model folder.
//!
//! The word-embedding matrix always stays frozen (a plain tensor, never a variable: its
//! gradient and AdamW state would dominate memory and time); `freeze_layers` freezes the
//! position/type embeddings and the lowest transformer layers as well. Dropout comes from
//! candle's unseeded generator, so runs with the same seed share data order and head
//! initialization but not dropout masks.

use super::data::{encode_sentences, epoch_plan, pack_examples, Example, Rng, IGNORE};
use super::optim::{clip_scale, AdamWParams, GroupedAdamW};
use crate::ner::bert::TokenClassifier;
use crate::ner::config::ModelConfig;
use crate::ner::conll::{read_conll, score_model, ConllScore, ConllSentence};
use crate::ner::labels::CONLL2002_LABELS;
use crate::ner::model_dir::{read_safetensors, write_model_folder, ModelFolder, TOKENIZER_FILE};
use crate::ner::TransformerNer;
use crate::error::{Error, Result};
use candle_core::{DType, Device, Tensor, Var};
use candle_nn::VarBuilder;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tokenizers::Tokenizer;

const CHECKPOINT_DIR: &str = "checkpoint";
const STATE_JSON: &str = "state.json";
const STATE_TENSORS: &str = "state.safetensors";
const BEST_TENSORS: &str = "best.safetensors";
const BEST_JSON: &str = "best.json";
/// Learning-rate groups.
const ENCODER: usize = 0;
const HEAD: usize = 1;

/// Everything that shapes a run. `Default` is the shipped model's recipe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainOptions {
    /// Folder with `ned.train` and `ned.testa`.
    pub data: PathBuf,
    /// `e5-small-q4.bin` + `tokenizer.json`, or a model folder.
    pub base: PathBuf,
    pub out: PathBuf,
    pub epochs: usize,
    /// Sequences (sentences, or packed runs of them with `context`) per batch.
    pub batch_size: usize,
    pub lr_encoder: f64,
    pub lr_head: f64,
    pub warmup_steps: usize,
    pub weight_decay: f64,
    pub dropout: f64,
    /// Global gradient-norm limit; 0 switches clipping off.
    pub max_grad_norm: f64,
    /// Transformer layers (from the bottom) kept frozen; above 0, the position and type
    /// embeddings and the embedding LayerNorm are frozen too.
    pub freeze_layers: usize,
    pub seed: u64,
    /// Longest training input in pieces (longer sentences are cut).
    pub max_len: usize,
    /// Consecutive sentences of an article packed into sequences of up to this many pieces,
    /// as the recognizer feeds them with context (0: one sentence per sequence). Stored in the
    /// exported model's config, so it reads text the way it was trained.
    #[serde(default)]
    pub context: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            data: PathBuf::from("../shared/data/ner/conll2002"),
            base: PathBuf::from("../shared/models/base"),
            out: PathBuf::from("train-out"),
            epochs: 3,
            batch_size: 16,
            lr_encoder: 5e-5,
            lr_head: 1e-3,
            warmup_steps: 50,
            weight_decay: 0.01,
            dropout: 0.1,
            max_grad_norm: 1.0,
            freeze_layers: 0,
            seed: 42,
            max_len: 256,
            context: 0,
        }
    }
}

/// A development score at some step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalRecord {
    pub step: usize,
    pub epoch: f64,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub seconds: f64,
}

/// Where a run stands; saved in each checkpoint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainState {
    /// Optimizer steps taken.
    pub step: usize,
    pub epoch: usize,
    /// Batches of `epoch` already taken.
    pub batch_in_epoch: usize,
    pub best: Option<EvalRecord>,
    pub history: Vec<EvalRecord>,
    /// Training seconds before this session (for the wall time of resumed runs).
    pub seconds: f64,
}

#[derive(Serialize, Deserialize)]
struct Checkpoint {
    options: TrainOptions,
    state: TrainState,
}

/// What one step did.
#[derive(Debug, Clone, Copy)]
pub struct StepStats {
    pub loss: f64,
    pub grad_norm: f64,
    /// Padded pieces in the batch.
    pub tokens: usize,
    /// The step finished an epoch.
    pub epoch_done: bool,
}

/// A fine-tuning run in memory.
pub struct Trainer {
    pub options: TrainOptions,
    pub config: ModelConfig,
    pub state: TrainState,
    tokenizer: Tokenizer,
    tokenizer_json: Vec<u8>,
    model: TokenClassifier,
    optimizer: GroupedAdamW,
    /// The base weights under their own names (frozen ones are used as they are).
    base: HashMap<String, Tensor>,
    train: Vec<Example>,
    plan: Vec<Vec<usize>>,
    plan_epoch: Option<usize>,
    started: Instant,
}

/// A base encoder in memory.
struct Base {
    config: ModelConfig,
    tensors: HashMap<String, Tensor>,
    /// Encoder prefix (`` for e5).
    prefix: String,
    tokenizer: Tokenizer,
    tokenizer_json: Vec<u8>,
}

/// Loads the base encoder: the e5 container (dequantized in memory) or a model folder.
fn load_base(base: &Path) -> Result<Base> {
    let tok_path = base.join(TOKENIZER_FILE);
    let tokenizer_json = std::fs::read(&tok_path).map_err(|e| Error::from(e).in_file(&tok_path))?;
    let container = base.join(super::e5_import::CONTAINER_FILE);
    if container.exists() {
        let c = super::e5_import::E5Container::read(&container)?;
        let tokenizer = crate::ner::model_dir::read_tokenizer(&tok_path)?;
        Ok(Base { config: c.config()?, tensors: c.tensors()?, prefix: String::new(), tokenizer, tokenizer_json })
    } else {
        let f = ModelFolder::open(base)?;
        Ok(Base { config: f.config, tensors: f.tensors, prefix: f.prefix, tokenizer: f.tokenizer, tokenizer_json })
    }
}

/// Is `name` (without the encoder prefix) trained with `freeze_layers` frozen layers?
fn is_trainable(name: &str, freeze_layers: usize) -> bool {
    if name.starts_with("embeddings.word_embeddings.") {
        return false;
    }
    if name.starts_with("embeddings.") {
        return freeze_layers == 0;
    }
    if let Some(rest) = name.strip_prefix("encoder.layer.") {
        return rest.split('.').next().and_then(|n| n.parse::<usize>().ok()).is_some_and(|n| n >= freeze_layers);
    }
    false
}

impl Trainer {
    /// Loads base and data, builds the model with a fresh head and the optimizer.
    pub fn new(options: TrainOptions) -> Result<Trainer> {
        let Base { mut config, tensors: base, prefix, tokenizer, tokenizer_json } = load_base(&options.base)?;
        if options.freeze_layers > config.num_hidden_layers {
            return Err(Error::invalid(format!(
                "--freeze-layers {} but the encoder has {} layers",
                options.freeze_layers, config.num_hidden_layers
            )));
        }
        let base_labels = std::mem::replace(&mut config.labels, CONLL2002_LABELS.iter().map(|l| l.to_string()).collect());
        config.hidden_dropout_prob = options.dropout;
        config.attention_probs_dropout_prob = options.dropout;
        config.classifier_dropout = options.dropout;
        let train_path = options.data.join("ned.train");
        let sentences = read_conll(&train_path)?;
        let max_len = options.max_len.clamp(8, config.max_positions());
        let train = encode_sentences(&tokenizer, &sentences, &config.labels, max_len).map_err(|e| e.in_file(&train_path))?;
        config.context = options.context.min(max_len);
        let train = pack_examples(train, config.context);

        // Trainable variables: chosen encoder tensors, and the head: the base's when it has one
        // for the same labels (a second round of fine-tuning), else fresh (HF init: N(0, 0.02), 0).
        let dev = Device::Cpu;
        let mut rng = Rng::new(options.seed);
        let mut vars: Vec<(String, Var, usize)> = Vec::new();
        let mut tensors = base.clone();
        tensors.retain(|k, _| !k.starts_with("classifier."));
        for (name, t) in &base {
            if name.strip_prefix(prefix.as_str()).is_some_and(|n| is_trainable(n, options.freeze_layers)) {
                vars.push((name.clone(), Var::from_tensor(t)?, ENCODER));
            }
        }
        let (labels, hidden) = (config.labels.len(), config.hidden_size);
        let old_head = match (base.get("classifier.weight"), base.get("classifier.bias")) {
            (Some(w), Some(b)) if base_labels == config.labels && w.dims() == [labels, hidden] && b.dims() == [labels] => {
                Some((w.clone(), b.clone()))
            }
            _ => None,
        };
        let (w, b) = match old_head {
            Some(head) => head,
            None => {
                let w: Vec<f32> = (0..labels * hidden).map(|_| (rng.normal() * 0.02) as f32).collect();
                (Tensor::from_vec(w, (labels, hidden), &dev)?, Tensor::zeros(labels, DType::F32, &dev)?)
            }
        };
        vars.push(("classifier.weight".into(), Var::from_tensor(&w)?, HEAD));
        vars.push(("classifier.bias".into(), Var::from_tensor(&b)?, HEAD));
        vars.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, var, _) in &vars {
            tensors.insert(name.clone(), var.as_tensor().clone());
        }
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &dev);
        let encoder_vb = match prefix.strip_suffix('.') {
            Some(p) => vb.pp(p),
            None => vb.clone(),
        };
        let model = TokenClassifier::load(&config, encoder_vb, vb, None)?;
        let params = AdamWParams { weight_decay: options.weight_decay, ..AdamWParams::default() };
        let optimizer = GroupedAdamW::new(vars, params)?;
        Ok(Trainer {
            options,
            config,
            state: TrainState::default(),
            tokenizer,
            tokenizer_json,
            model,
            optimizer,
            base,
            train,
            plan: Vec::new(),
            plan_epoch: None,
            started: Instant::now(),
        })
    }

    pub fn train_examples(&self) -> usize {
        self.train.len()
    }

    pub fn trainable_parameters(&self) -> usize {
        self.optimizer.state().iter().filter(|(k, _)| !k.starts_with("adam_")).map(|(_, t)| t.elem_count()).sum()
    }

    pub fn batches_per_epoch(&self) -> usize {
        self.train.iter().filter(|e| !e.is_empty()).count().div_ceil(self.options.batch_size.max(1))
    }

    pub fn total_steps(&self) -> usize {
        self.batches_per_epoch() * self.options.epochs
    }

    /// The learning-rate factor at `step`: linear warm-up, then linear decay to 0.
    pub fn schedule(&self, step: usize) -> f64 {
        let (warm, total) = (self.options.warmup_steps, self.total_steps().max(1));
        if step < warm {
            (step + 1) as f64 / warm as f64
        } else {
            ((total.saturating_sub(step)) as f64 / (total.saturating_sub(warm)).max(1) as f64).clamp(0.0, 1.0)
        }
    }

    /// Seconds trained, this session and earlier ones.
    pub fn seconds(&self) -> f64 {
        self.state.seconds + self.started.elapsed().as_secs_f64()
    }

    /// Takes the next batch and one optimizer step.
    pub fn train_step(&mut self) -> Result<StepStats> {
        if self.plan_epoch != Some(self.state.epoch) {
            let lengths: Vec<usize> = self.train.iter().map(Example::len).collect();
            self.plan = epoch_plan(&lengths, self.options.batch_size, self.options.seed, self.state.epoch);
            self.plan_epoch = Some(self.state.epoch);
        }
        let batch = self
            .plan
            .get(self.state.batch_in_epoch)
            .ok_or_else(|| Error::invalid(format!("epoch {} has no batch {}", self.state.epoch, self.state.batch_in_epoch)))?;
        let examples: Vec<&Example> = batch.iter().filter_map(|&i| self.train.get(i)).collect();
        let (b, s) = (examples.len(), examples.iter().map(|e| e.len()).max().unwrap_or(0));
        let pad = self.config.pad_token_id;
        let (mut ids, mut mask) = (vec![pad; b * s], vec![0f32; b * s]);
        let (mut positions, mut targets) = (Vec::new(), Vec::new());
        for (r, e) in examples.iter().enumerate() {
            ids[r * s..r * s + e.len()].copy_from_slice(&e.ids);
            mask[r * s..r * s + e.len()].fill(1.0);
            for (c, &l) in e.labels.iter().enumerate() {
                if l != IGNORE {
                    positions.push((r * s + c) as u32);
                    targets.push(l as u32);
                }
            }
        }
        let dev = Device::Cpu;
        let mut stats = StepStats { loss: 0.0, grad_norm: 0.0, tokens: b * s, epoch_done: false };
        if !positions.is_empty() {
            let ids = Tensor::from_vec(ids, (b, s), &dev)?;
            let mask = Tensor::from_vec(mask, (b, s), &dev)?;
            let logits = self.model.forward_t(&ids, &mask, true)?;
            let flat = logits.reshape((b * s, self.config.labels.len()))?;
            let picked = flat.index_select(&Tensor::new(positions.as_slice(), &dev)?, 0)?;
            let loss = candle_nn::loss::cross_entropy(&picked, &Tensor::new(targets.as_slice(), &dev)?)?;
            let grads = loss.backward()?;
            if self.optimizer.step_t == 0 {
                let missing = self.optimizer.without_gradient(&grads);
                if !missing.is_empty() {
                    return Err(Error::model(format!("no gradient reaches {missing:?}: training would not move them")));
                }
            }
            stats.loss = loss.to_scalar::<f32>()? as f64;
            stats.grad_norm = self.optimizer.grad_norm(&grads)?;
            let f = self.schedule(self.state.step);
            let lrs = [self.options.lr_encoder * f, self.options.lr_head * f];
            self.optimizer.step(&grads, &lrs, clip_scale(stats.grad_norm, self.options.max_grad_norm))?;
        }
        self.state.step += 1;
        self.state.batch_in_epoch += 1;
        if self.state.batch_in_epoch >= self.plan.len() {
            self.state.epoch += 1;
            self.state.batch_in_epoch = 0;
            stats.epoch_done = true;
        }
        Ok(stats)
    }

    /// A recognizer over the current weights (shared, not copied).
    pub fn recognizer(&self) -> TransformerNer {
        TransformerNer::new(self.model.clone(), self.tokenizer.clone(), &self.config)
    }

    /// Scores the current weights on `sentences`, records the result, and keeps the weights in
    /// `out/best.safetensors` when they beat the best so far. Returns the score and whether it
    /// is the new best.
    pub fn evaluate(&mut self, sentences: &[ConllSentence]) -> Result<(ConllScore, bool)> {
        let t = Instant::now();
        let (score, _, _) = score_model(&self.recognizer(), sentences, |_| ())?;
        let o = score.overall;
        let record = EvalRecord {
            step: self.state.step,
            epoch: self.state.epoch as f64 + self.state.batch_in_epoch as f64 / self.batches_per_epoch().max(1) as f64,
            f1: o.f1(),
            precision: o.precision(),
            recall: o.recall(),
            seconds: t.elapsed().as_secs_f64(),
        };
        self.state.history.push(record.clone());
        let better = self.state.best.as_ref().is_none_or(|b| record.f1 > b.f1);
        if better {
            std::fs::create_dir_all(&self.options.out).map_err(|e| Error::from(e).in_file(&self.options.out))?;
            let path = self.options.out.join(BEST_TENSORS);
            let weights = self.optimizer.weights()?;
            candle_core::safetensors::save(&weights, &path).map_err(|e| Error::from(e).in_file(&path))?;
            let json = self.options.out.join(BEST_JSON);
            std::fs::write(&json, serde_json::to_string_pretty(&record)?).map_err(|e| Error::from(e).in_file(&json))?;
            self.state.best = Some(record);
        }
        Ok((score, better))
    }

    /// Writes `out/checkpoint/` (weights and moments, state), replacing the previous one only
    /// once the new one is complete.
    pub fn save_checkpoint(&mut self) -> Result<()> {
        let out = &self.options.out;
        let dir = out.join(CHECKPOINT_DIR);
        let tmp = out.join("checkpoint.tmp");
        let old = out.join("checkpoint.old");
        let io = |p: &Path| {
            let p = p.to_path_buf();
            move |e: std::io::Error| Error::from(e).in_file(p)
        };
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
        let tensors = tmp.join(STATE_TENSORS);
        candle_core::safetensors::save(&self.optimizer.state(), &tensors).map_err(|e| Error::from(e).in_file(&tensors))?;
        let mut state = self.state.clone();
        state.seconds = self.seconds();
        let json = serde_json::to_string_pretty(&Checkpoint { options: self.options.clone(), state })?;
        std::fs::write(tmp.join(STATE_JSON), json).map_err(io(&tmp.join(STATE_JSON)))?;
        let _ = std::fs::remove_dir_all(&old);
        if dir.exists() {
            std::fs::rename(&dir, &old).map_err(io(&dir))?;
        }
        std::fs::rename(&tmp, &dir).map_err(io(&dir))?;
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }

    /// Restores `out/checkpoint/` (or the previous one, if a save was cut short). The options
    /// that shape the data order and schedule must match this run's.
    pub fn resume(&mut self) -> Result<()> {
        let out = &self.options.out;
        let dir = [out.join(CHECKPOINT_DIR), out.join("checkpoint.old")]
            .into_iter()
            .find(|d| d.join(STATE_JSON).exists())
            .ok_or_else(|| Error::invalid("no checkpoint to resume from").in_file(out.join(CHECKPOINT_DIR)))?;
        let json_path = dir.join(STATE_JSON);
        let text = std::fs::read_to_string(&json_path).map_err(|e| Error::from(e).in_file(&json_path))?;
        let saved: Checkpoint = serde_json::from_str(&text).map_err(|e| Error::from(e).in_file(&json_path))?;
        let o = &saved.options;
        let ours = &self.options;
        if (o.epochs, o.batch_size, o.seed, o.freeze_layers, o.max_len, o.context)
            != (ours.epochs, ours.batch_size, ours.seed, ours.freeze_layers, ours.max_len, ours.context)
        {
            return Err(Error::invalid(
                "checkpoint was made with other --epochs/--batch-size/--seed/--freeze-layers/--max-len/--context",
            )
            .in_file(&json_path));
        }
        let tensors = read_safetensors(&dir.join(STATE_TENSORS))?;
        self.optimizer.restore(&tensors, saved.state.step).map_err(|e| e.in_file(dir.join(STATE_TENSORS)))?;
        self.state = saved.state;
        self.started = Instant::now();
        Ok(())
    }

    /// Replaces the trainable weights with `out/best.safetensors` (no-op without one).
    pub fn load_best(&mut self) -> Result<bool> {
        let path = self.options.out.join(BEST_TENSORS);
        if !path.exists() {
            return Ok(false);
        }
        let best = read_safetensors(&path)?;
        self.optimizer.set_weights(&best).map_err(|e| e.in_file(&path))?;
        Ok(true)
    }

    /// Writes a complete model folder: base weights with the trained ones in place, the head,
    /// `config.json` with `id2label`, the base tokenizer.
    pub fn export(&self, dir: &Path, dtype: DType) -> Result<()> {
        let mut tensors = self.base.clone();
        tensors.retain(|k, _| !k.starts_with("classifier."));
        tensors.extend(self.optimizer.weights()?);
        write_model_folder(dir, &self.config, &self.tokenizer_json, &tensors, dtype)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trainable_names_follow_freeze_layers() {
        assert!(!is_trainable("embeddings.word_embeddings.weight", 0));
        assert!(is_trainable("embeddings.LayerNorm.weight", 0));
        assert!(!is_trainable("embeddings.position_embeddings.weight", 2));
        assert!(!is_trainable("encoder.layer.1.output.dense.weight", 2));
        assert!(is_trainable("encoder.layer.2.output.dense.weight", 2));
        assert!(is_trainable("encoder.layer.11.attention.self.query.bias", 6));
        assert!(!is_trainable("pooler.dense.weight", 0));
    }

    const TINY_TRAIN: &str = "Jan B-PER B-PER\nJansen B-PER I-PER\nzegt V O\ndat C O\n\nde D O\npolitie N B-ORG\nin P O\nAmsterdam N B-LOC\n\nEnnetcom N B-ORG\nheeft V O\nhet D O\ngekraakt V O\n. Punc O\n";

    /// Trains a tiny random BERT: the loss falls, frozen layers stay put, a checkpoint resumes
    /// to the same weights and step, and the exported folder loads as a recognizer.
    #[test]
    fn tiny_model_trains_checkpoints_resumes_and_exports() {
        let dir = tempfile::tempdir().unwrap();
        let (base, data, out) = (dir.path().join("base"), dir.path().join("data"), dir.path().join("out"));
        // A bare encoder: without the testing head (its bias of 100 would be reused).
        let config = crate::ner::model_dir::testing::config(64);
        let mut tensors = crate::ner::model_dir::testing::tensors(&config, 0);
        tensors.retain(|k, _| !k.starts_with("classifier."));
        let tok = crate::ner::model_dir::testing::tokenizer_json();
        write_model_folder(&base, &config, tok.as_bytes(), &tensors, DType::F32).unwrap();
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(data.join("ned.train"), TINY_TRAIN).unwrap();
        let options = TrainOptions {
            data,
            base: base.clone(),
            out: out.clone(),
            epochs: 40,
            batch_size: 2,
            lr_encoder: 1e-3,
            lr_head: 1e-2,
            warmup_steps: 2,
            dropout: 0.0,
            freeze_layers: 1,
            ..TrainOptions::default()
        };
        let options_for_context = options.clone();
        let mut t = Trainer::new(options.clone()).unwrap();
        assert_eq!((t.batches_per_epoch(), t.total_steps()), (2, 80));
        let frozen = "bert.encoder.layer.0.output.dense.weight";
        let before = t.base[frozen].to_vec2::<f32>().unwrap();
        let first: f64 = (0..4).map(|_| t.train_step().unwrap().loss).sum();
        for _ in 4..76 {
            t.train_step().unwrap();
        }
        let last: f64 = (0..4).map(|_| t.train_step().unwrap().loss).sum();
        assert!(last < first / 4.0, "loss {first} -> {last}");
        assert_eq!((t.state.step, t.state.epoch), (80, 40));
        let weights = t.optimizer.weights().unwrap();
        assert!(!weights.contains_key(frozen) && weights.contains_key("bert.encoder.layer.1.output.dense.weight"));

        // Checkpoint mid-way, then resume in a fresh trainer.
        let mut a = Trainer::new(options.clone()).unwrap();
        for _ in 0..5 {
            a.train_step().unwrap();
        }
        a.save_checkpoint().unwrap();
        let mut b = Trainer::new(options).unwrap();
        b.resume().unwrap();
        assert_eq!((b.state.step, b.state.epoch, b.state.batch_in_epoch), (5, 2, 1));
        let (sa, sb) = (a.train_step().unwrap(), b.train_step().unwrap());
        assert!((sa.loss - sb.loss).abs() < 1e-5, "{} vs {}", sa.loss, sb.loss);

        // Export: the frozen layer is the base's, and the folder loads as a recognizer.
        let exported = out.join("model");
        t.export(&exported, DType::F32).unwrap();
        let folder = ModelFolder::open(&exported).unwrap();
        assert_eq!(folder.tensors[frozen].to_vec2::<f32>().unwrap(), before);
        let ner = TransformerNer::from_folder(folder).unwrap();
        let tags = ner.tag_sentences(&[vec!["Jan", "Jansen", "zegt", "dat"]]).unwrap();
        assert_eq!(tags[0][0], crate::ner::Tag::parse("B-PER"));
        assert_eq!(folder_context(&exported), 0);

        // With context, the article's three sentences train as one sequence, and the exported
        // model says so in its config (the recognizer then reads text the same way).
        let packed = TrainOptions { context: 64, out: dir.path().join("packed"), ..options_for_context };
        let p = Trainer::new(packed).unwrap();
        assert_eq!((p.train_examples(), p.batches_per_epoch()), (1, 1));
        p.export(&dir.path().join("packed-model"), DType::F32).unwrap();
        assert_eq!(folder_context(&dir.path().join("packed-model")), 64);
    }

    fn folder_context(dir: &Path) -> usize {
        ModelFolder::open(dir).unwrap().config.context
    }
}
