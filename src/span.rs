//! Byte-offset spans into a document's text: half-open `[start, end)`, `Copy`, and able to index the text.

use serde::{Deserialize, Serialize};
use std::ops::{Index, Range};

/// A half-open byte range `[start, end)` into a document's text.
///
/// Every stage reports positions as `Span`s into the one `Document::text`, so a
/// span can always be sliced back out of the source (`&text[span]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span.start..span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_text_and_relates_spans() {
        let text = "zo'n 50.000 gebruikers";
        let s = Span::new(5, 11);
        assert_eq!(&text[s], "50.000");
        assert!(Span::new(0, 22).contains(s));
        assert!(s.overlaps(Span::new(10, 12)));
        assert!(!s.overlaps(Span::new(11, 12)));
        assert_eq!(s.cover(Span::new(0, 4)), Span::new(0, 11));
    }
}
