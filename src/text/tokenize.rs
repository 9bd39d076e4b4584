//! The Dutch word tokenizer: words, numbers and punctuation with byte offsets into the source.
//!
//! Kept together as one token: inner apostrophes (`zo'n`, `kilo's`, `euro’s`), inner hyphens
//! (`Exclu-gebruikers`), a hyphen ending a word before a coordination (`Inlichtingen-` in
//! `Inlichtingen- en Opsporingsdienst`), Dutch number formats (`50.000`, `2,3`, `1.200,50`),
//! known abbreviations with their dot (`ca.`, `mln.`) and initials (`R.` in `Peter R. de Vries`).

use crate::data::text as lexicon;
use crate::document::{Token, TokenKind};
use crate::span::Span;

/// Splits `text[range]` into tokens whose spans index `text`.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordTokenizer;

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

impl WordTokenizer {
    /// Tokenizes the bytes `span` of `text`, appending to `out`.
    pub fn tokenize_into(&self, text: &str, span: Span, out: &mut Vec<Token>) {
        let s = &text[span];
        let base = span.start;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let n = chars.len();
        let at = |i: usize| if i < n { Some(chars[i].1) } else { None };
        let pos = |i: usize| if i < n { chars[i].0 } else { s.len() };
        let mut i = 0;
        while i < n {
            let c = chars[i].1;
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            let kind;
            if c.is_ascii_digit() {
                kind = TokenKind::Number;
                i += 1;
                loop {
                    match at(i) {
                        Some(d) if d.is_ascii_digit() => i += 1,
                        // 50.000 and 2,3: a separator only counts between digits.
                        Some('.' | ',') if at(i + 1).is_some_and(|d| d.is_ascii_digit()) => i += 2,
                        _ => break,
                    }
                }
                // Digits glued to letters (`52-jarige` is split at the hyphen; `2e`, `10x` stay one).
                while at(i).is_some_and(|d| d.is_alphabetic()) {
                    i += 1;
                }
            } else if c.is_alphabetic() {
                kind = TokenKind::Word;
                i += 1;
                loop {
                    match at(i) {
                        Some(d) if d.is_alphanumeric() => i += 1,
                        Some(a) if is_apostrophe(a) && at(i + 1).is_some_and(|d| d.is_alphabetic()) => {
                            // zo'n, kilo's: the apostrophe sits between letters. A quote closing a
                            // word before a space does not get here.
                            i += 2;
                        }
                        Some(h) if is_hyphen(h) && at(i + 1).is_some_and(|d| d.is_alphanumeric()) => i += 2,
                        _ => break,
                    }
                }
                // `Inlichtingen- en`: a hyphen right after a word and before a space belongs to it.
                if at(i).is_some_and(is_hyphen) && at(i + 1).is_some_and(|d| d.is_whitespace()) {
                    i += 1;
                }
                // Abbreviations and initials keep their dot.
                if at(i) == Some('.') {
                    let word = &s[pos(start)..pos(i)];
                    let initial = word.chars().count() == 1 && word.chars().all(|ch| ch.is_uppercase());
                    if initial || lexicon::is_abbreviation(word) {
                        i += 1;
                        // Multi-dot abbreviations such as o.a. and e.d.
                        while at(i).is_some_and(|d| d.is_alphabetic()) && at(i + 1) == Some('.') {
                            i += 2;
                        }
                    }
                }
            } else if c == '.' && at(i + 1) == Some('.') && at(i + 2) == Some('.') {
                kind = TokenKind::Punct;
                i += 3;
            } else {
                kind = TokenKind::Punct;
                i += 1;
            }
            out.push(Token { span: Span::new(base + pos(start), base + pos(i)), kind });
        }
    }

    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokenize_into(text, Span::new(0, text.len()), &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let tokens = WordTokenizer.tokenize(text);
        tokens.iter().map(|t| &text[t.span]).collect()
    }

    macro_rules! t {
        ($text:expr, [$($tok:expr),* $(,)?]) => {
            assert_eq!(words($text), vec![$($tok),*], "tokenizing {:?}", $text);
        };
    }

    #[test]
    fn dutch_cases() {
        t!("zo'n 50.000 gebruikers", ["zo'n", "50.000", "gebruikers"]);
        t!("zo’n drieduizend", ["zo’n", "drieduizend"]);
        t!("meerdere kilo’s aan", ["meerdere", "kilo’s", "aan"]);
        t!("2,3 miljoen euro's.", ["2,3", "miljoen", "euro's", "."]);
        t!("Fiscale Inlichtingen- en Opsporingsdienst (FIOD)", ["Fiscale", "Inlichtingen-", "en", "Opsporingsdienst", "(", "FIOD", ")"]);
        t!("42 Exclu-gebruikers", ["42", "Exclu-gebruikers"]);
        t!("cocaïne en crystal meth", ["cocaïne", "en", "crystal", "meth"]);
        t!("\"een aardschok\", zegt hij", ["\"", "een", "aardschok", "\"", ",", "zegt", "hij"]);
        t!("„hard geraakt”", ["„", "hard", "geraakt", "”"]);
        t!("'onderscheppen, ontrafelen'", ["'", "onderscheppen", ",", "ontrafelen", "'"]);
        t!("Peter R. de Vries", ["Peter", "R.", "de", "Vries"]);
        t!("ca. 300 mensen", ["ca.", "300", "mensen"]);
        t!("€ 4 mln. cash", ["€", "4", "mln.", "cash"]);
        t!("o.a. in 2016.", ["o.a.", "in", "2016", "."]);
        t!("de 52-jarige man", ["de", "52", "-", "jarige", "man"]);
        t!("1.200,50 euro", ["1.200,50", "euro"]);
        t!("Wacht...", ["Wacht", "..."]);
    }

    #[test]
    fn every_span_slices_its_token() {
        let text = "Bij invallen in o.a. Nederland, België zijn 42 verdachten opgepakt; zo’n 3000 actieve gebruikers — „hard geraakt”.";
        let tokens = WordTokenizer.tokenize(text);
        let mut last_end = 0;
        for t in &tokens {
            let piece = &text[t.span];
            assert!(!piece.is_empty());
            assert!(piece.trim() == piece, "token {piece:?} has spaces");
            assert!(t.span.start >= last_end, "tokens overlap");
            last_end = t.span.end;
        }
        assert_eq!(tokens.len(), 22);
    }
}
