//! The transformer NER engine (candle): loads Hugging Face BERT / XLM-RoBERTa token-classification
//! models, imports the 4-bit e5 base encoder, tags documents, and scores on CoNLL-2002 / WikiANN.
//!
//! - [`config`]: `config.json` (architecture, sizes, `id2label`).
//! - [`bert`]: the encoder and classification head, trainable (dropout, differentiable LayerNorm).
//! - [`model_dir`]: a model folder on disk (config, tokenizer, safetensors), reading and writing.
//! - [`e5_import`]: the `E5S1` 4-bit container of the base encoder, dequantized to that layout.
//! - [`labels`]: BIO tags and their decoding into entities.
//! - [`recognizer`]: [`TransformerNer`], the [`crate::entities::EntityRecognizer`] over a model.
//! - [`conll`]: CoNLL-2002 / WikiANN reading and the conlleval-style scorer.

pub mod bert;
pub mod conll;
pub mod config;
pub mod e5_import;
pub mod labels;

pub use config::{Architecture, ModelConfig};
pub use labels::Tag;
pub mod model_dir;
pub mod recognizer;

pub use recognizer::TransformerNer;
