//! meelezer reads Dutch news about cracked encrypted-phone services and writes down what happened
//! as operation records (ANNOTATION.md), then scores them against hand-labelled gold.
//!
//! One [`Document`] flows one way through the stages, each a private module: `text::Segmenter`
//! (paragraphs, sentences, tokens) → `quantity::NumberTagger` and `quantity::DateTagger`
//! (figures and dates) → an [`EntityRecognizer`] (the transformer in [`ner`], or the
//! `entities::Gazetteer`) → `rules::RecordLinker` (operation records). A [`Pipeline`] runs them
//! ([`PipelineOptions`] builds one); [`evaluate`] scores records against gold; [`HtmlReport`]
//! shows records, text and scores as one HTML page. [`train`] fine-tunes and prunes the NER model
//! (`meelezer train-ner`), apart from the inference code in [`ner`]. [`merge`] merges records
//! across a corpus per service (`merge_html` draws them, with the `app` feature); `annotate` is
//! the labelling web app (`app` feature, on by default; the Python binding builds without it).
//!
//! The public API is what the `meelezer` binary and the Python binding (`python/`) use,
//! re-exported here; the stages' internals stay private, and every module depends only on
//! modules below it. [`ner`] (the model, its files and CoNLL scoring) and [`train`]
//! (fine-tuning and pruning) are public modules for model work.

#[cfg(feature = "app")]
pub mod annotate;
mod corpus;
mod data;
mod document;
mod entities;
mod error;
mod eval;
mod facts;
mod kinds;
mod loader;
pub mod merge;
#[cfg(feature = "app")]
pub mod merge_html;
pub mod ner;
pub mod perturb;
mod pipeline;
mod quantity;
mod record;
mod report;
mod rng;
mod rules;
mod span;
mod text;
pub mod train;

pub use corpus::synth::Synth;
pub use corpus::{annotate_stream, load_all, Corpus, DEFAULT_CHUNK, DEFAULT_MAX_BYTES};
pub use document::{Document, Stage};
pub use entities::EntityRecognizer;
pub use error::{Error, ErrorKind, Result};
pub use eval::{diff, diff_text, evaluate, Half};
pub use facts::{fact_rows, write_csv, COLUMNS as FACT_COLUMNS};
pub use loader::RawArticle;
pub use pipeline::{Pipeline, PipelineOptions};
pub use rules::{link, main_service, place};
pub use rules::services::{rank_services, roles as service_roles};
pub use rules::{logit, Decision, RecordLinker, Scorer, Scorers};
pub use record::{parse_records, read_records, ArticleRecord, Evidence};
pub use report::draft::{draft_text, DraftFormat};
pub use report::HtmlReport;
pub use rng::fnv1a;
pub use span::Span;
pub use text::WordTokenizer;
