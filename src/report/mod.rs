//! The HTML report: one self-contained page (inline CSS, a little inline JS, no network) that
//! shows the scores and, per article, the text with entities highlighted and the figures behind
//! each fact underlined, and the records as tables with each fact marked against gold.
//!
//! Entities and sentences come from a [`Document`] the pipeline has annotated; the facts come from
//! the predicted records (a prediction file, or the documents' own records), matched to articles by
//! document id. A fact links to its place in the text through its `evidence.span`; a span that
//! cannot be sliced out of the article (out of range, not on a character boundary) is skipped and
//! counted in a warning on the page, never a panic.
//!
//! [`draft`] turns a record into draft gold for a person to correct.

pub mod draft;
pub mod escape;
pub mod highlight;
mod html;
pub mod marking;


use crate::document::Document;
use crate::eval::{evaluate, ArticleScore};
use crate::record::ArticleRecord;
use highlight::{checked_span, render_text, Mark, MarkKind};
use marking::{mark, MarkedArticle};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Builds the report page: `HtmlReport::new(&docs).predictions(&pred).gold(&gold).render()`.
#[derive(Debug, Clone)]
pub struct HtmlReport<'a> {
    articles: &'a [Document],
    pred: Option<&'a [ArticleRecord]>,
    gold: Option<&'a [ArticleRecord]>,
    title: String,
    notes: Vec<String>,
}

/// The rendered page and what went into it.
#[derive(Debug, Clone)]
pub struct RenderedReport {
    pub html: String,
    /// Everything the page's warning box lists (bad spans, unmatched documents, the caller's notes).
    pub warnings: Vec<String>,
    /// Highlighted entities, over all articles.
    pub entities: usize,
    /// Fact rows in the records' tables (predicted facts and missing gold facts), over all articles.
    pub fact_rows: usize,
    /// Evidence spans left out because they could not be sliced out of their article.
    pub skipped_spans: usize,
}

/// One article, ready for the page.
struct ArticleView<'a> {
    index: usize,
    doc: &'a Document,
    text_html: String,
    marked: MarkedArticle,
    /// The anchor each row (in `marked.rows()` order) links to, when its evidence is usable.
    anchors: Vec<Option<String>>,
    entity_counts: BTreeMap<&'static str, usize>,
    score: Option<&'a ArticleScore>,
    note: Option<String>,
}

impl<'a> HtmlReport<'a> {
    /// A report of `articles` (annotated by the pipeline), with their own records as predictions
    /// until [`HtmlReport::predictions`] says otherwise, and no gold.
    pub fn new(articles: &'a [Document]) -> HtmlReport<'a> {
        HtmlReport { articles, pred: None, gold: None, title: "meelezer report".to_string(), notes: Vec::new() }
    }

    /// Facts to show: records matched to the articles by document id.
    pub fn predictions(mut self, pred: &'a [ArticleRecord]) -> Self {
        self.pred = Some(pred);
        self
    }

    /// Gold to score against and mark the facts by.
    pub fn gold(mut self, gold: &'a [ArticleRecord]) -> Self {
        self.gold = Some(gold);
        self
    }

    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// Warnings from the caller (articles that failed to load, say), shown with the report's own.
    pub fn notes(mut self, notes: Vec<String>) -> Self {
        self.notes = notes;
        self
    }

    pub fn render(&self) -> RenderedReport {
        let own: Vec<ArticleRecord>;
        let pred: &[ArticleRecord] = match self.pred {
            Some(p) => p,
            None => {
                own = self.articles.iter().filter_map(|d| d.record.clone()).collect();
                &own
            }
        };
        let score = self.gold.map(|g| evaluate(g, pred));
        let pred_by: HashMap<&str, &ArticleRecord> = pred.iter().map(|r| (r.doc.as_str(), r)).collect();
        let gold_by: HashMap<&str, &ArticleRecord> = self.gold.unwrap_or_default().iter().map(|r| (r.doc.as_str(), r)).collect();
        let score_by: HashMap<&str, &ArticleScore> =
            score.iter().flat_map(|s| &s.per_article).map(|a| (a.doc.as_str(), a)).collect();
        let ids: HashSet<&str> = self.articles.iter().map(|d| d.id.as_str()).collect();

        let mut warnings = self.notes.clone();
        if let Some(s) = &score {
            warnings.extend(s.warnings.iter().map(|w| format!("score: {w}")));
        }
        for r in pred {
            if !ids.contains(r.doc.as_str()) {
                warnings.push(format!("{}: predicted, but no such article was given; not shown", r.doc));
            }
        }
        let mut skipped_spans = 0;
        let mut views = Vec::new();
        for (index, doc) in self.articles.iter().enumerate() {
            let p = pred_by.get(doc.id.as_str()).copied();
            let g = gold_by.get(doc.id.as_str()).copied();
            let note = match (self.gold.is_some(), g, p) {
                (true, None, _) => Some("not in gold: facts are not marked".to_string()),
                (_, _, None) => Some("no predicted record for this article".to_string()),
                _ => None,
            };
            let marked = mark(p, g);
            let (view, skipped) = article_view(index, doc, marked, score_by.get(doc.id.as_str()).copied(), note, &mut warnings);
            skipped_spans += skipped;
            views.push(view);
        }
        if skipped_spans > 0 {
            warnings.insert(0, format!("{skipped_spans} evidence span(s) could not be placed in their article and are not shown"));
        }
        let entities = views.iter().map(|v| v.entity_counts.values().sum::<usize>()).sum();
        let fact_rows = views.iter().map(|v| v.anchors.len()).sum();
        let html = html::page(&self.title, score.as_ref(), pred, &views, &warnings);
        RenderedReport { html, warnings, entities, fact_rows, skipped_spans }
    }
}

/// Highlights one article and links its rows to the text; returns the view and how many evidence
/// spans were skipped (each also named in `warnings`).
fn article_view<'a>(
    index: usize,
    doc: &'a Document,
    marked: MarkedArticle,
    score: Option<&'a ArticleScore>,
    note: Option<String>,
    warnings: &mut Vec<String>,
) -> (ArticleView<'a>, usize) {
    let text = doc.text.as_str();
    let mut marks = Vec::new();
    if doc.body.start > 0 {
        if let Some(span) = checked_span(text, 0, doc.body.start) {
            marks.push(Mark { span, kind: MarkKind::Header });
        }
    }
    let mut entities: Vec<_> = doc.entities.iter().filter(|e| checked_span(text, e.span.start, e.span.end).is_some()).collect();
    entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut entity_counts = BTreeMap::new();
    let mut last_end = 0;
    for (j, e) in entities.into_iter().enumerate() {
        if e.span.is_empty() || (j > 0 && e.span.start < last_end) {
            warnings.push(format!("{}: entity at [{}, {}] overlaps another; not highlighted", doc.id, e.span.start, e.span.end));
            continue;
        }
        last_end = e.span.end;
        *entity_counts.entry(e.label.as_str()).or_insert(0) += 1;
        marks.push(Mark { span: e.span, kind: MarkKind::Entity { label: e.label, id: format!("a{index}e{j}") } });
    }

    let mut anchors = Vec::new();
    let mut by_span: BTreeMap<(usize, usize), (String, bool, Vec<String>)> = BTreeMap::new();
    let mut skipped = 0;
    for row in marked.rows() {
        let Some(ev) = row.evidence else {
            anchors.push(None);
            continue;
        };
        let [start, end] = ev.span;
        if checked_span(text, start, end).is_none() {
            skipped += 1;
            warnings.push(format!(
                "{}: evidence [{start}, {end}] of {} is outside the article's {} bytes or not on a character boundary; skipped",
                doc.id,
                row.key,
                text.len()
            ));
            anchors.push(None);
            continue;
        }
        let next = by_span.len();
        let entry = by_span
            .entry((start, end))
            .or_insert_with(|| (format!("a{index}-ev{next}"), ev.sentence != ev.span, Vec::new()));
        entry.2.push(format!("{} ({})", row.key, row.status.name()));
        anchors.push(Some(entry.0.clone()));
    }
    for ((start, end), (anchor, underline, titles)) in by_span {
        marks.push(Mark { span: crate::span::Span::new(start, end), kind: MarkKind::Evidence { anchor, underline, title: titles.join("; ") } });
    }
    let (text_html, unplaced) = render_text(text, &marks);
    debug_assert_eq!(unplaced, 0, "every mark was checked");
    (ArticleView { index, doc, text_html, marked, anchors, entity_counts, score, note }, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    fn annotated(id: &str, text: &str) -> Document {
        let mut doc = Document::from_text(id, text.to_string()).unwrap();
        Pipeline::default().annotate(&mut doc).unwrap();
        doc
    }

    const TEXT: &str = " date 2020-07 De politie heeft via EncroChat meer dan 20 miljoen berichten gelezen. In Nederland zijn 100 mensen aangehouden.";

    #[test]
    fn article_text_is_escaped_never_markup() {
        let doc = annotated("x", " date 2020-07 De politie <script>alert(1)</script> las \"EncroChat\" & 'Sky ECC' mee.");
        let page = HtmlReport::new(std::slice::from_ref(&doc)).render();
        assert!(!page.html.contains("<script>alert(1)"), "{}", page.html);
        assert!(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.html.contains("&quot;"));
        assert_eq!(page.html.matches("<script>").count(), 2, "only the report's own two scripts");
    }

    #[test]
    fn a_page_links_facts_to_their_figures() {
        let doc = annotated("x", TEXT);
        let page = HtmlReport::new(std::slice::from_ref(&doc)).render();
        let facts = doc.record.as_ref().unwrap().operations.iter().map(|o| o.facts.len()).sum::<usize>();
        assert!(facts >= 2);
        assert_eq!(page.fact_rows, facts);
        assert_eq!(page.entities, doc.entities.len());
        assert_eq!(page.skipped_spans, 0);
        assert!(page.html.contains("<a class=\"anchor\" id=\"a0-ev0\"></a>"));
        assert!(page.html.contains("href=\"#a0-ev0\""));
        assert!(!page.html.contains("http://") && !page.html.contains("https://"), "self-contained");
    }

    #[test]
    fn bad_evidence_is_skipped_and_warned_about() {
        let doc = annotated("x", TEXT);
        let mut pred = doc.record.clone().unwrap();
        let facts = &mut pred.operations[0].facts;
        facts[0].evidence = Some(crate::record::Evidence { sentence: [0, 5], span: [9000, 9010] });
        facts[1].evidence = Some(crate::record::Evidence { sentence: [0, 5], span: [0, 1] });
        let gold = vec![pred.clone()];
        let page = HtmlReport::new(std::slice::from_ref(&doc)).predictions(std::slice::from_ref(&pred)).gold(&gold).render();
        assert_eq!(page.skipped_spans, 1);
        assert!(page.warnings[0].starts_with("1 evidence span(s)"), "{:?}", page.warnings);
        assert!(page.html.contains("outside the article"));
        assert!(page.html.contains("class=\"fact correct\""));
    }

    #[test]
    fn records_for_other_articles_are_reported() {
        let doc = annotated("x", TEXT);
        let mut other = doc.record.clone().unwrap();
        other.doc = "y".into();
        let page = HtmlReport::new(std::slice::from_ref(&doc)).predictions(std::slice::from_ref(&other)).render();
        assert!(page.warnings.iter().any(|w| w.starts_with("y: predicted, but no such article")), "{:?}", page.warnings);
        assert_eq!(page.fact_rows, 0);
    }
}
