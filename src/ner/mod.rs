//! The transformer NER engine (candle), inference only: loads Hugging Face BERT / XLM-RoBERTa
//! token-classification models, tags documents, and scores on CoNLL-2002 / WikiANN. Training,
//! pruning and the e5 import live in [`crate::train`].
//!
//! - [`config`]: `config.json` (architecture, sizes, `id2label`).
//! - [`bert`]: the encoder and classification head (trainable: dropout, differentiable LayerNorm).
//! - [`int8`]: int8 linear layers for inference (AVX-512 VNNI where the CPU has it).
//! - [`fastmath`]: vectorized exp, GELU and softmax for inference.
//! - [`model_dir`]: a model folder on disk (config, tokenizer, safetensors), reading and writing.
//! - [`labels`]: BIO tags, their decoding into entities, constrained (Viterbi) decoding.
//! - [`packing`]: sentences joined into sequences of running text (context), for reading and training.
//! - [`recognizer`]: [`TransformerNer`], the [`crate::entities::EntityRecognizer`] over a model.
//! - [`conll`]: CoNLL-2002 / WikiANN reading and the conlleval-style scorer.

pub(crate) mod bert;
mod fastmath;
pub mod int8;
pub mod config;
pub mod conll;
pub mod labels;
pub mod model_dir;
pub(crate) mod packing;
mod recognizer;

pub use config::{Architecture, ModelConfig};
pub use labels::Tag;
pub use recognizer::TransformerNer;
