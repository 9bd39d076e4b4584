//! meelezer reads Dutch news about cracked encrypted-phone services and writes down what happened
//! as operation records (ANNOTATION.md), then scores them against hand-labelled gold.
//!
//! One [`Document`] flows one way through the stages: [`text::Segmenter`] (paragraphs, sentences,
//! tokens) → [`quantity::NumberTagger`] and [`quantity::DateTagger`] (figures and dates) → an
//! [`entities::EntityRecognizer`] (the transformer in [`ner`], or the [`entities::Gazetteer`]) →
//! [`rules::RecordLinker`] (operation records). [`eval`] scores records against gold;
//! [`report`] shows records, text and scores as one HTML page. [`train`] fine-tunes and prunes
//! the NER model (`meelezer train-ner`), apart from the inference code in [`ner`].

pub mod corpus;
pub mod data;
pub mod document;
pub mod entities;
pub mod error;
pub mod eval;
pub mod facts;
pub mod kinds;
pub mod loader;
pub mod ner;
pub mod pipeline;
pub mod quantity;
pub mod record;
pub mod report;
pub mod rng;
pub mod rules;
pub mod span;
pub mod text;
pub mod train;

pub use document::{Document, Stage};
pub use error::{Error, ErrorKind, Result};
pub use record::ArticleRecord;
pub use span::Span;
