//! `Words`: a document's tokens lowercased once (apostrophes folded to `'`), with the small
//! questions the taggers ask about them (kind, neighbours, glue), every access bounds-checked.

use crate::document::{Token, TokenKind};
use crate::span::Span;

/// Lowercased views of a document's tokens, built once per stage call in one buffer.
///
/// Out-of-range indices read as an empty word with no kind, so the grammars can look ahead and
/// behind without bounds checks of their own.
#[derive(Debug)]
pub(crate) struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: String,
    bounds: Vec<(usize, usize)>,
}

fn fold(c: char, out: &mut String) {
    match c {
        '’' | '‘' | '`' | 'ʼ' => out.push('\''),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a [Token]) -> Words<'a> {
        let mut lower = String::with_capacity(text.len());
        let mut bounds = Vec::with_capacity(tokens.len());
        for t in tokens {
            let start = lower.len();
            if let Some(s) = text.get(t.span.start..t.span.end) {
                for c in s.chars() {
                    fold(c, &mut lower);
                }
            }
            bounds.push((start, lower.len()));
        }
        Words { text, tokens, lower, bounds }
    }

    /// The number of tokens.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Token `i` lowercased, apostrophes folded to `'`; empty when out of range.
    pub(crate) fn word(&self, i: usize) -> &str {
        self.bounds.get(i).and_then(|&(s, e)| self.lower.get(s..e)).unwrap_or("")
    }

    /// Token `i` as written; empty when out of range.
    pub(crate) fn raw(&self, i: usize) -> &str {
        self.tokens.get(i).and_then(|t| self.text.get(t.span.start..t.span.end)).unwrap_or("")
    }

    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub(crate) fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// The span of token `i` (empty at the text's end when out of range).
    pub(crate) fn span(&self, i: usize) -> Span {
        self.tokens.get(i).map(|t| t.span).unwrap_or(Span::new(self.text.len(), self.text.len()))
    }

    /// The span from the start of token `first` to the end of token `last` (inclusive).
    pub(crate) fn cover(&self, first: usize, last: usize) -> Span {
        let (a, b) = (self.span(first), self.span(last));
        if a.start <= b.end {
            Span::new(a.start, b.end)
        } else {
            a
        }
    }

    /// True when token `i` ends exactly where token `i + 1` starts (no space between).
    pub(crate) fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// True when token `i` is a word written with a lowercase first letter.
    pub(crate) fn is_lowercase_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && self.raw(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// True when the tokens from `i` on spell `phrase` (lowercased), all before `limit`.
    pub(crate) fn matches(&self, i: usize, limit: usize, phrase: &[&str]) -> bool {
        i + phrase.len() <= limit && phrase.iter().enumerate().all(|(k, w)| self.word(i + k) == *w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::WordTokenizer;

    #[test]
    fn lowercases_folds_apostrophes_and_stays_in_bounds() {
        let text = "Zo’n ÉÉN Kilo's 50.000";
        let tokens = WordTokenizer.tokenize(text);
        let w = Words::new(text, &tokens);
        assert_eq!(w.len(), 4);
        assert_eq!(w.word(0), "zo'n");
        assert_eq!(w.word(1), "één");
        assert_eq!(w.word(2), "kilo's");
        assert_eq!(w.raw(3), "50.000");
        assert!(w.is_number(3));
        assert_eq!(w.word(99), "");
        assert_eq!(w.raw(99), "");
        assert!(!w.glued(3));
        assert!(w.matches(0, 4, &["zo'n", "één"]));
        assert!(!w.matches(3, 4, &["50.000", "x"]));
        assert_eq!(&text[w.cover(0, 1)], "Zo’n ÉÉN");
    }
}
