//! Draft gold: the pipeline's record of an article as a person would start labelling from it,
//! without `evidence` (gold needs none), as one JSON line or pretty-printed.

use crate::record::ArticleRecord;

/// The record without evidence: what a gold line holds.
pub fn gold_draft(record: &ArticleRecord) -> ArticleRecord {
    let mut draft = record.clone();
    for fact in draft.operations.iter_mut().flat_map(|o| o.facts.iter_mut()) {
        fact.evidence = None;
    }
    draft
}

/// How a draft is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DraftFormat {
    /// One JSON line: append it to a gold file as it is.
    #[default]
    Line,
    /// Indented over many lines, for reading and correcting; compact it (`jq -c .`) before appending.
    Pretty,
}

/// The draft of `record` as text, ending in a newline.
pub fn draft_text(record: &ArticleRecord, format: DraftFormat) -> String {
    let draft = gold_draft(record);
    let mut text = match format {
        DraftFormat::Line => draft.to_json_line(),
        DraftFormat::Pretty => serde_json::to_string_pretty(&draft).unwrap_or_else(|_| draft.to_json_line()),
    };
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"{"doc": "a", "date": "2020-07", "entities": [{"text": "EncroChat", "type": "ORG"}], "operations": [{"service": "EncroChat", "main": true, "facts": [{"slot": "users", "value": 12000, "qualifier": "about", "evidence": {"sentence": [0, 40], "span": [5, 15]}}]}]}"#;

    #[test]
    fn drafts_drop_evidence_and_read_back_as_the_same_record() {
        let record = ArticleRecord::from_json_line(LINE).unwrap();
        for format in [DraftFormat::Line, DraftFormat::Pretty] {
            let text = draft_text(&record, format);
            assert!(!text.contains("evidence"), "{text}");
            let back = ArticleRecord::from_json_line(&text).unwrap();
            assert_eq!(back, gold_draft(&record));
            assert_eq!(text.lines().count() == 1, format == DraftFormat::Line, "{text}");
        }
    }
}
