//! Article loading: a document from an article's text, raw articles with their origin (file and
//! line), and JSON Lines corpus lines (`{"doc", "text"}`). The header date (a leading
//! ` date 2023-02 `) becomes `Document::date` and is left out of the body the taggers see.
//! Finding and streaming the inputs is [`crate::corpus`]'s job.

use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::span::Span;
use std::path::PathBuf;

/// Splits off a leading ` date YYYY-MM ` or ` date YYYY-MM-DD ` header: returns the date, the
/// byte offset where the body starts, and what looked like a header date but is not a valid
/// one (` date 2023-13 `), for a warning.
pub fn read_header(text: &str) -> (Option<String>, usize, Option<String>) {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let Some(after) = rest.strip_prefix("date ") else { return (None, lead, None) };
    let candidate: String = after.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    if candidate.is_empty() || !candidate.starts_with(|c: char| c.is_ascii_digit()) {
        return (None, lead, None);
    }
    let next = after[candidate.len()..].chars().next();
    let shape = |s: &str| {
        let b = s.as_bytes();
        (b.len() == 7 || b.len() == 10)
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
            && (b.len() == 7 || (b[7] == b'-' && b[8..].iter().all(u8::is_ascii_digit)))
    };
    let valid = shape(&candidate) && crate::record::is_date(&candidate) && next.is_none_or(char::is_whitespace);
    if !valid {
        // Not a header date, but written as one: the body keeps it, and the caller warns.
        return (None, lead, Some(after.split_whitespace().next().unwrap_or(&candidate).to_string()));
    }
    let body = lead + "date ".len() + candidate.len();
    let body = body + (text.len() - body - text[body..].trim_start().len());
    (Some(candidate), body, None)
}

impl Document {
    /// Builds a document from an article's text; fails when there is no text after the header.
    /// A malformed header date (` date 2023-13 `) leaves `date` null and adds a warning.
    pub fn from_text(id: impl Into<String>, text: String) -> Result<Document> {
        let (date, body_start, malformed) = read_header(&text);
        let body_end = text.trim_end().len().max(body_start);
        if text[body_start..body_end].trim().is_empty() {
            return Err(Error::new(ErrorKind::Empty));
        }
        let warnings = malformed
            .map(|m| format!("malformed header date {m:?} (expected YYYY-MM or YYYY-MM-DD); date is null"))
            .into_iter()
            .collect();
        Ok(Document { id: id.into(), body: Span::new(body_start, body_end), date, text, warnings, ..Document::default() })
    }
}

/// Where one article came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    /// 1-based line of a JSON Lines corpus; `None` for a `.txt` file.
    pub line: Option<usize>,
}

/// One input item: an article's id and raw bytes, or the error reading it.
#[derive(Debug)]
pub struct RawArticle {
    pub origin: Origin,
    pub id: String,
    pub bytes: Vec<u8>,
}

impl RawArticle {
    /// Decodes and parses the article; errors name its file (and line).
    pub fn into_document(self) -> Result<Document> {
        let origin = self.origin;
        let locate = |e: Error| match origin.line {
            Some(line) => e.in_file(&origin.file).at_line(line),
            None => e.in_file(&origin.file),
        };
        let text = String::from_utf8(self.bytes)
            .map_err(|e| locate(Error::new(ErrorKind::NotUtf8(e.utf8_error().valid_up_to()))))?;
        let mut doc = Document::from_text(self.id, text).map_err(locate)?;
        let place = match origin.line {
            Some(line) => format!("{}:{line}", origin.file.display()),
            None => origin.file.display().to_string(),
        };
        for w in &mut doc.warnings {
            *w = format!("{place}: {w}");
        }
        Ok(doc)
    }
}

/// Parses one `{"doc": ..., "text": ...}` corpus line.
pub fn parse_corpus_line(line: &str) -> Result<(String, String)> {
    let value: serde_json::Value = serde_json::from_str(line)?;
    let obj = value.as_object().ok_or_else(|| Error::invalid("expected a JSON object {\"doc\", \"text\"}"))?;
    let doc = match obj.get("doc") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(_) => return Err(Error::field("doc", "must be a non-empty string")),
        None => return Err(Error::field("doc", "missing")),
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err(Error::field("text", "must be a string")),
        None => return Err(Error::field("text", "missing")),
    };
    Ok((doc, text))
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_date_is_split_off() {
        let (date, body, _) = read_header(" date 2023-02 De politie heeft");
        assert_eq!(date.as_deref(), Some("2023-02"));
        assert_eq!(&" date 2023-02 De politie heeft"[body..], "De politie heeft");
        assert_eq!(read_header("De politie heeft"), (None, 0, None));
        assert_eq!(read_header(" date 2023-13 x").0, None);
        assert_eq!(read_header(" date 2023-021 x").0, None);
        assert_eq!(read_header(" date 2021-03-09 De politie").0.as_deref(), Some("2021-03-09"));
        assert_eq!(read_header(" date 2021-02-30 De politie").0, None);
    }

    #[test]
    fn a_malformed_header_date_is_a_warning_naming_the_file() {
        let doc = Document::from_text("x", " date 2023-13 De politie heeft".into()).unwrap();
        assert_eq!(doc.date, None);
        assert_eq!(doc.warnings, vec!["malformed header date \"2023-13\" (expected YYYY-MM or YYYY-MM-DD); date is null".to_string()]);
        let raw = RawArticle {
            origin: Origin { file: "articles/x.txt".into(), line: None },
            id: "x".into(),
            bytes: b" date 2023-1 De politie".to_vec(),
        };
        let doc = raw.into_document().unwrap();
        assert!(doc.warnings[0].starts_with("articles/x.txt: malformed header date \"2023-1\""), "{:?}", doc.warnings);
        assert!(Document::from_text("x", " date 2023-02 Ok".into()).unwrap().warnings.is_empty());
    }

    #[test]
    fn empty_documents_are_errors() {
        assert!(matches!(Document::from_text("x", " date 2023-02 \n\n".into()).unwrap_err().kind, ErrorKind::Empty));
        assert!(matches!(Document::from_text("x", String::new()).unwrap_err().kind, ErrorKind::Empty));
    }

    #[test]
    fn corpus_lines_are_checked() {
        assert_eq!(parse_corpus_line(r#"{"doc": "a", "text": "b"}"#).unwrap(), ("a".into(), "b".into()));
        assert!(parse_corpus_line(r#"{"doc": "a"}"#).unwrap_err().to_string().contains("\"text\" missing"));
        assert!(parse_corpus_line("{nope").is_err());
    }
}
