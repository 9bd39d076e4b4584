//! Article text with highlights: entities by type, the figures behind facts underlined, and
//! anchors a fact row can link to. Marks are byte spans into the text; they may overlap, so the
//! text is cut at every mark boundary and each piece carries the classes of the marks over it.

use super::escape::push_escaped;
use crate::document::EntityType;
use crate::span::Span;
use std::collections::BTreeSet;

/// What a mark shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    /// The header line (` date 2023-02 `): shown dimmed.
    Header,
    /// A named entity; `id` is unique in the page, so a split entity can still be counted once.
    Entity { label: EntityType, id: String },
    /// The text a fact came from. `anchor` is the page-unique id fact rows link to (also the
    /// class every piece of the span carries, for the click highlight); `underline` is false for
    /// evidence that is a whole sentence (agencies, countries, people).
    Evidence { anchor: String, underline: bool, title: String },
}

/// A highlight over a byte span of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

/// `[start, end)` as a span of `text` when it can be sliced out of it: in range, `start <= end`,
/// both on character boundaries. Spans from a prediction file may be anything; callers skip and
/// count the ones this refuses.
pub fn checked_span(text: &str, start: usize, end: usize) -> Option<Span> {
    (start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end))
        .then(|| Span::new(start, end))
}

/// Renders `text` as escaped HTML with `marks` applied. Marks whose span cannot be sliced out of
/// the text are left out (see [`checked_span`]); the returned count says how many.
pub fn render_text(text: &str, marks: &[Mark]) -> (String, usize) {
    let valid: Vec<&Mark> = marks.iter().filter(|m| checked_span(text, m.span.start, m.span.end).is_some()).collect();
    let skipped = marks.len() - valid.len();
    let mut cuts: BTreeSet<usize> = BTreeSet::from([0, text.len()]);
    for m in &valid {
        cuts.insert(m.span.start);
        cuts.insert(m.span.end);
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut anchored = BTreeSet::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        push_anchors(&mut out, &valid, start, &mut anchored);
        let Some(piece) = text.get(start..end) else { continue };
        let over: Vec<&&Mark> = valid.iter().filter(|m| m.span.start <= start && end <= m.span.end && m.span.start < m.span.end).collect();
        if over.is_empty() {
            push_escaped(&mut out, piece);
            continue;
        }
        let mut classes = Vec::new();
        let mut titles = Vec::new();
        let mut entity = None;
        for m in &over {
            match &m.kind {
                MarkKind::Header => classes.push("hdr".to_string()),
                MarkKind::Entity { label, id } => {
                    if entity.is_none() {
                        classes.push(format!("e e-{}", label.as_str()));
                        titles.push(label.as_str().to_string());
                        entity = Some(id.as_str());
                    }
                }
                MarkKind::Evidence { anchor, underline, title } => {
                    classes.push(anchor.clone());
                    if *underline {
                        classes.push("fig".to_string());
                        titles.push(title.clone());
                    }
                }
            }
        }
        classes.dedup();
        out.push_str("<span class=\"");
        push_escaped(&mut out, &classes.join(" "));
        out.push('"');
        if let Some(id) = entity {
            out.push_str(" data-e=\"");
            push_escaped(&mut out, id);
            out.push('"');
        }
        if !titles.is_empty() {
            out.push_str(" title=\"");
            push_escaped(&mut out, &titles.join("; "));
            out.push('"');
        }
        out.push('>');
        push_escaped(&mut out, piece);
        out.push_str("</span>");
    }
    push_anchors(&mut out, &valid, text.len(), &mut anchored);
    (out, skipped)
}

/// Writes an empty `<a id>` for each evidence mark starting at byte `at`, once per anchor.
fn push_anchors<'m>(out: &mut String, marks: &[&'m Mark], at: usize, done: &mut BTreeSet<&'m str>) {
    for m in marks {
        if let MarkKind::Evidence { anchor, .. } = &m.kind {
            if m.span.start == at && done.insert(anchor.as_str()) {
                out.push_str("<a class=\"anchor\" id=\"");
                push_escaped(out, anchor);
                out.push_str("\"></a>");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(start: usize, end: usize, id: &str) -> Mark {
        Mark { span: Span::new(start, end), kind: MarkKind::Entity { label: EntityType::Org, id: id.into() } }
    }

    fn evidence(start: usize, end: usize, anchor: &str, underline: bool) -> Mark {
        Mark { span: Span { start, end }, kind: MarkKind::Evidence { anchor: anchor.into(), underline, title: "users = 3000".into() } }
    }

    #[test]
    fn checked_span_refuses_what_cannot_be_sliced() {
        let text = "cocaïne";
        assert_eq!(checked_span(text, 0, 5), None, "inside the two bytes of ï");
        assert_eq!(checked_span(text, 0, 6), Some(Span::new(0, 6)));
        assert_eq!(checked_span(text, 3, 2), None);
        assert_eq!(checked_span(text, 0, 99), None);
        assert_eq!(checked_span(text, usize::MAX, usize::MAX), None);
        assert_eq!(checked_span(text, 8, 8), Some(Span::new(8, 8)));
    }

    #[test]
    fn marks_nest_and_overlap_without_losing_text() {
        let text = "Bij EncroChat zo'n 3000 <gebruikers>.";
        let marks = [entity(4, 13, "a0e0"), evidence(14, 23, "a0-ev0", true), evidence(0, 37, "a0-ev1", false)];
        let (html, skipped) = render_text(text, &marks);
        assert_eq!(skipped, 0);
        assert!(html.contains("<span class=\"e e-ORG a0-ev1\" data-e=\"a0e0\" title=\"ORG\">EncroChat</span>"), "{html}");
        assert!(html.contains("<a class=\"anchor\" id=\"a0-ev0\"></a><span class=\"a0-ev0 fig a0-ev1\" title=\"users = 3000\">zo&#39;n 3000</span>"), "{html}");
        assert!(html.starts_with("<a class=\"anchor\" id=\"a0-ev1\"></a>"), "{html}");
        assert!(html.contains("&lt;gebruikers&gt;"), "{html}");
        let stripped: String = {
            let mut s = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => s.push(c),
                    _ => {}
                }
            }
            s
        };
        assert_eq!(stripped.replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'"), text);
    }

    #[test]
    fn bad_spans_are_skipped_and_counted_not_panicked_on() {
        let text = "cocaïne en €";
        let marks = [evidence(0, 5, "a", true), evidence(4, 2, "b", true), evidence(0, 1000, "c", true), evidence(13, 15, "d", true), entity(0, 3, "e")];
        let (html, skipped) = render_text(text, &marks);
        assert_eq!(skipped, 4);
        assert_eq!(html, "<span class=\"e e-ORG\" data-e=\"e\" title=\"ORG\">coc</span>aïne en €");
    }
}
