//! The transformer NER engine (candle): loads Hugging Face BERT / XLM-RoBERTa token-classification
//! models, imports the 4-bit e5 base encoder, tags documents, and scores on CoNLL-2002 / WikiANN.
//!
//! - [`config`]: `config.json` (architecture, sizes, `id2label`).
//! - [`bert`]: the encoder and classification head, trainable (dropout, differentiable LayerNorm).
//! - [`model_dir`]: a model folder on disk (config, tokenizer, safetensors), reading and writing.
//! - [`e5_import`]: the `E5S1` 4-bit container of the base encoder, dequantized to that layout.
//! - [`int8`]: int8 linear layers for inference (AVX-512 VNNI where the CPU has it).
//! - [`labels`]: BIO tags and their decoding into entities.
//! - [`recognizer`]: [`TransformerNer`], the [`crate::entities::EntityRecognizer`] over a model.
//! - [`train`], [`train_data`], [`optim`]: fine-tuning (`meelezer train-ner`).
//! - [`prune`]: vocabulary pruning for a small shipped model.
//! - [`conll`]: CoNLL-2002 / WikiANN reading and the conlleval-style scorer.
//!
//! # For fine-tuning
//! [`bert::TokenClassifier::load`] takes the encoder's `VarBuilder`, the head's, and optionally
//! a frozen word-embedding tensor. To train: build a `candle_nn::VarMap`, load the classifier
//! through `VarBuilder::from_varmap` (encoder under the folder's prefix, head at the root), copy
//! the folder's tensors into the map with `VarMap::set_one` (a fresh head keeps its random init),
//! and pass `folder.tensors[prefix + "embeddings.word_embeddings.weight"]` as `frozen_words`, so
//! the 250k x 384 matrix is a plain tensor outside the optimizer. `forward_t(.., train: true)`
//! turns dropout on; LayerNorm and softmax are plain tensor ops, so gradients reach every layer.
//! [`TransformerNer::new`] wraps the trained model for tagging.

pub mod bert;
pub mod fastmath;
pub mod int8;
pub mod config;
pub mod conll;
pub mod e5_import;
pub mod labels;
pub mod model_dir;
pub mod optim;
pub mod prune;
pub mod train;
pub mod train_data;
pub mod recognizer;

pub use config::{Architecture, ModelConfig};
pub use labels::Tag;
pub use recognizer::TransformerNer;
