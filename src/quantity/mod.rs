//! Dutch numbers, quantities, hedges and dates: the `NumberTagger` and `DateTagger` stages.
//!
//! - [`words`]: tokens lowercased once per document, with bounds-checked neighbours;
//! - [`lexicon`]: the word tables of `crate::data::numbers` as maps, built once per process;
//! - [`numbers`]: one number in digits or words (`text2num` reads one-word cardinals);
//! - [`quantities`]: the `NumberTagger`: hedge + number + unit + rate;
//! - [`dates`]: the date grammar and the `DateTagger`; the number tagger asks the same grammar
//!   which tokens are dates, so a year or a day of the month never becomes a quantity.
//!
//! Both stages work sentence by sentence (nothing crosses a sentence end) and never panic:
//! every token access is bounds-checked, and every span they emit slices `Document::text`.

pub mod dates;
mod lexicon;
mod numbers;
pub mod quantities;
mod words;

pub use dates::{DateTagger, DateValue, HeaderDate};
pub use quantities::{surfaces, NumberTagger};

use crate::document::Sentence;

/// The token ranges to tag: the sentences', or all tokens as one range when there are none.
fn sentence_ranges(sentences: &[Sentence], n_tokens: usize) -> Vec<(usize, usize)> {
    if sentences.is_empty() {
        return if n_tokens > 0 { vec![(0, n_tokens)] } else { Vec::new() };
    }
    sentences
        .iter()
        .map(|s| (s.tokens.0.min(n_tokens), s.tokens.1.min(n_tokens)))
        .filter(|(a, b)| a < b)
        .collect()
}

#[cfg(test)]
mod tests;
