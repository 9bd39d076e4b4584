//! Dutch numbers, quantities, hedges and dates: the `NumberTagger` and `DateTagger` stages.
//!
//! - [`words`]: tokens lowercased once per document, with bounds-checked neighbours;
//! - [`lexicon`]: the word tables of `crate::data::numbers` as maps, built once per process;
//! - [`numbers`]: one number in digits or words (`text2num` reads one-word cardinals);
//! - [`quantities`]: the `NumberTagger`: hedge + number + unit + rate;
//! - [`dates`]: the date grammar and the `DateTagger`; the number tagger asks the same grammar
//!   which tokens are dates, so a year or a day of the month never becomes a quantity.
//!
//! Choices the rule layer should know: `een` is 1 only before a multiplier, a unit, or a counted
//! noun from `data::numbers::COUNTED_NOUN_ENDINGS` (`een cocaïnewasserij`, possibly with one
//! adjective between), never as a bare article; `één` is always 1. `niemand` is always 0, `geen`
//! only before such a counted noun (`geen arrestaties`; `geen gebruik`, `geen handel` are no
//! figures). Vague amounts take their lower bound with qualifier `vague` (`een paar honderd` =
//! 200); collective numerals are `about` (`een twintigtal` = 20). `ton` is 100 000 euro before a
//! money word (`vijf ton aan contanten`), else 1000 kg. Upper bounds (`minder dan`, `maximaal`,
//! `hooguit`) have no schema qualifier: the number is tagged bare. Years and the day of a date
//! are never quantities (see [`dates`]).
//!
//! Both stages work sentence by sentence (nothing crosses a sentence end) and never panic:
//! every token access is bounds-checked, and every span they emit slices `Document::text`.

pub mod dates;
mod lexicon;
mod numbers;
pub mod quantities;
mod words;

pub use dates::DateTagger;
#[cfg(test)]
pub use dates::HeaderDate;
pub use quantities::NumberTagger;

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
