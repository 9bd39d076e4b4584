//! Text segmentation: paragraphs, sentences and word tokens, with byte offsets into the document.

pub mod segment;
pub mod tokenize;

pub use segment::Segmenter;
pub use tokenize::WordTokenizer;
