//! Training the NER model, apart from inference (`crate::ner` is what tagging needs):
//!
//! - [`trainer`]: the resumable fine-tuning loop (`meelezer train-ner`): AdamW steps over
//!   length-bucketed batches, checkpoints, development scoring, export of a model folder.
//! - [`data`]: CoNLL sentences to training examples (first-piece labels) and the epoch plan.
//! - [`optim`]: AdamW with parameter groups and global-norm gradient clipping.
//! - [`prune`]: vocabulary pruning for a small shipped model (`meelezer prune-model`).
//! - [`e5_import`]: the `E5S1` 4-bit container of the base encoder, dequantized into a model
//!   folder (`meelezer model import-e5`, and the trainer's `--base`).
//!
//! # Fine-tuning
//! [`crate::ner::bert::TokenClassifier::load`] takes the encoder's `VarBuilder`, the head's, and
//! optionally a frozen word-embedding tensor. To train: build a `candle_nn::VarMap`, load the
//! classifier through `VarBuilder::from_varmap` (encoder under the folder's prefix, head at the
//! root), copy the folder's tensors into the map with `VarMap::set_one` (a fresh head keeps its
//! random init), and pass `folder.tensors[prefix + "embeddings.word_embeddings.weight"]` as
//! `frozen_words`, so the 250k x 384 matrix is a plain tensor outside the optimizer.
//! `forward_t(.., train: true)` turns dropout on; LayerNorm and softmax are plain tensor ops, so
//! gradients reach every layer. [`crate::ner::TransformerNer::new`] wraps the trained model for
//! tagging.

pub mod average;
mod data;
pub mod e5_import;
mod optim;
pub mod prune;
pub mod trainer;
