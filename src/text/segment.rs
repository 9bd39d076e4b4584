//! The `Segmenter` stage: splits a document's body into paragraphs, sentences and tokens.
//!
//! Reads `Document::text` and `Document::body`; fills `paragraphs`, `sentences` and `tokens`.
//! Every non-empty line is a paragraph; `Lees ook:` lines are dropped; a short line without
//! closing punctuation is a heading. Sentences end at `.`, `!` or `?` (with any closing quotes)
//! before a capital, a digit, an opening quote or the end of the paragraph; abbreviations and
//! initials keep their dot in the tokenizer, so `Peter R. de Vries` and `ca. 300` stay whole,
//! and decimal commas never split.

use super::tokenize::WordTokenizer;
use crate::data::text as lexicon;
use crate::document::{Document, Paragraph, Sentence, Stage, Token, TokenKind};
use crate::error::Result;
use crate::span::Span;

#[derive(Debug, Clone, Copy, Default)]
pub struct Segmenter {
    tokenizer: WordTokenizer,
}

fn is_link_line(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    lexicon::LINK_LINE_PREFIXES.iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

fn is_heading(line: &str) -> bool {
    let trimmed = line.trim_end();
    let words = trimmed.split_whitespace().count();
    words <= lexicon::MAX_HEADING_WORDS && !trimmed.ends_with(lexicon::CLOSING_PUNCTUATION)
}

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "„" | "'" | "‘" | "«" | "(")
}

fn is_closing_quote(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | "»" | ")")
}

fn starts_sentence(text: &str, token: &Token) -> bool {
    let s = &text[token.span];
    let first = s.chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || is_opening_quote(s)
}

impl Segmenter {
    /// Splits one paragraph's tokens `[from, to)` into sentences of that paragraph.
    fn sentences(&self, text: &str, tokens: &[Token], (from, to): (usize, usize), (paragraph, heading): (usize, bool), out: &mut Vec<Sentence>) {
        let mut start = from;
        let mut i = from;
        while i < to {
            let t = &text[tokens[i].span];
            // An initial before a sentence-starting word ends the sentence (`eigenaar Danny M. De servers`).
            let initial_end = t.len() <= 4
                && t.ends_with('.')
                && t.chars().next().is_some_and(char::is_uppercase)
                && t.chars().count() == 2
                && i + 1 < to
                && lexicon::SENTENCE_STARTERS.contains(&&text[tokens[i + 1].span]);
            if initial_end {
                let span = Span::new(tokens[start].span.start, tokens[i].span.end);
                out.push(Sentence { span, paragraph, tokens: (start, i + 1), heading });
                start = i + 1;
                i += 1;
                continue;
            }
            if tokens[i].kind == TokenKind::Punct && matches!(t, "." | "!" | "?" | "...") {
                let mut end = i + 1;
                // A quote glued to the mark closes the sentence; one after a space opens the next.
                while end < to && is_closing_quote(&text[tokens[end].span]) && tokens[end].span.start == tokens[end - 1].span.end {
                    end += 1;
                }
                if end == to || starts_sentence(text, &tokens[end]) {
                    let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
                    out.push(Sentence { span, paragraph, tokens: (start, end), heading });
                    start = end;
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        if start < to {
            let span = Span::new(tokens[start].span.start, tokens[to - 1].span.end);
            out.push(Sentence { span, paragraph, tokens: (start, to), heading });
        }
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn process(&self, doc: &mut Document) -> Result<()> {
        doc.paragraphs.clear();
        doc.sentences.clear();
        doc.tokens.clear();
        let body = doc.body;
        let mut offset = body.start;
        for line in doc.text[body].split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            let lead = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            if trimmed.is_empty() || is_link_line(trimmed) {
                continue;
            }
            let span = Span::new(line_start + lead, line_start + lead + trimmed.len());
            let heading = is_heading(trimmed);
            let paragraph = doc.paragraphs.len();
            doc.paragraphs.push(Paragraph { span, heading });
            let from = doc.tokens.len();
            self.tokenizer.tokenize_into(&doc.text, span, &mut doc.tokens);
            let to = doc.tokens.len();
            self.sentences(&doc.text, &doc.tokens, (from, to), (paragraph, heading), &mut doc.sentences);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let mut doc = Document::from_text("t", text.to_string()).unwrap();
        Segmenter::default().process(&mut doc).unwrap();
        doc.sentences.iter().map(|s| doc.text[s.span].to_string()).collect()
    }

    #[test]
    fn splits_dutch_sentences() {
        assert_eq!(
            sentences("Peter R. de Vries werd beschoten. Er zijn ca. 2,3 miljoen berichten. \"Dat is veel.\" Zegt hij."),
            vec!["Peter R. de Vries werd beschoten.", "Er zijn ca. 2,3 miljoen berichten.", "\"Dat is veel.\"", "Zegt hij."]
        );
        assert_eq!(sentences("In 2016. en daarna. Nog een."), vec!["In 2016. en daarna.", "Nog een."]);
        assert_eq!(sentences("Onder wie eigenaar Danny M. De servers stonden daar."), vec!["Onder wie eigenaar Danny M.", "De servers stonden daar."]);
    }

    #[test]
    fn paragraphs_headings_and_link_lines() {
        let text = " date 2021-03 Eerste zin. Tweede zin.\n\nLees ook: Iets anders gekraakt\n\nDrugs en 4 miljoen cash\n\nLaatste zin met 28 wapens.";
        let mut doc = Document::from_text("t", text.to_string()).unwrap();
        Segmenter::default().process(&mut doc).unwrap();
        assert_eq!(doc.date.as_deref(), Some("2021-03"));
        let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|p| &doc.text[p.span]).collect();
        assert_eq!(paragraphs, vec!["Eerste zin. Tweede zin.", "Drugs en 4 miljoen cash", "Laatste zin met 28 wapens."]);
        assert_eq!(doc.paragraphs.iter().map(|p| p.heading).collect::<Vec<_>>(), vec![false, true, false]);
        assert_eq!(doc.sentences.len(), 4);
        assert!(doc.sentences[2].heading);
        for t in &doc.tokens {
            assert!(!doc.text[t.span].is_empty());
        }
    }
}
