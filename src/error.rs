//! The library's one error type: a kind, where it happened (file and line when known), and the source error.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, independent of where.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read: {0}")]
    Io(#[source] std::io::Error),
    #[error("not valid UTF-8 (first bad byte at offset {0})")]
    NotUtf8(usize),
    #[error("empty document")]
    Empty,
    /// A document over the size limit (`--max-bytes`): it is skipped unread.
    #[error("too large ({bytes} bytes > {limit})")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("no .txt articles found in this folder")]
    NoArticles,
    #[error("malformed JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// A field that is present but wrong, or missing: the field's name and what was expected.
    #[error("field {field:?} {problem}")]
    Field { field: String, problem: String },
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("model error: {0}")]
    Model(String),
    #[error("tensor error: {0}")]
    Candle(#[source] Box<candle_core::Error>),
    #[error("tokenizer error: {0}")]
    Tokenizer(String),
}

/// An error with the file and line it concerns, when there is one.
#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub file: Option<PathBuf>,
    pub line: Option<usize>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind) -> Error {
        Error { kind, file: None, line: None }
    }

    /// Attaches the file this error concerns (keeps a file already set).
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Error {
        if self.file.is_none() {
            self.file = Some(file.as_ref().to_path_buf());
        }
        self
    }

    /// Attaches a 1-based line number (keeps a line already set).
    pub fn at_line(mut self, line: usize) -> Error {
        if self.line.is_none() {
            self.line = Some(line);
        }
        self
    }

    pub fn field(field: impl Into<String>, problem: impl Into<String>) -> Error {
        Error::new(ErrorKind::Field { field: field.into(), problem: problem.into() })
    }

    pub fn invalid(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Invalid(msg.into()))
    }

    pub fn model(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Model(msg.into()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{}:{}: {}", file.display(), line, self.kind),
            (Some(file), None) => write!(f, "{}: {}", file.display(), self.kind),
            (None, Some(line)) => write!(f, "line {}: {}", line, self.kind),
            (None, None) => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.kind)
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::new(ErrorKind::Json(e))
    }
}

impl From<candle_core::Error> for Error {
    fn from(e: candle_core::Error) -> Error {
        Error::new(ErrorKind::Candle(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_field() {
        let e = Error::field("value", "missing in fact 4").in_file("gold/seeds.jsonl").at_line(3);
        assert_eq!(e.to_string(), "gold/seeds.jsonl:3: field \"value\" missing in fact 4");
    }
}
