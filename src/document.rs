//! The `Document` that carries one article through every stage, and the annotations the stages add to it.
//!
//! Stages run in one direction: segmenter → number tagger → date tagger → entity recognizer →
//! rule layer. Each implements [`Stage`] and says in its doc comment what it reads and fills.

use crate::error::Result;
pub use crate::kinds::{EntityType, Qualifier};
use crate::record::ArticleRecord;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One article on its way through the pipeline.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Identifier: the file name without `.txt`, or the corpus line's `doc`.
    pub id: String,
    /// The article's text exactly as read (header included); every span indexes this.
    pub text: String,
    /// The header date (`YYYY-MM` or `YYYY-MM-DD`) when the text starts with ` date YYYY-MM[-DD] `.
    pub date: Option<String>,
    /// The part of `text` after the header: what the taggers see.
    pub body: Span,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub entities: Vec<Entity>,
    /// The rule layer's output.
    pub record: Option<ArticleRecord>,
    /// Problems with the input that did not stop it (a malformed header date), each naming the
    /// file when the loader knows it; a run reports them on standard error.
    pub warnings: Vec<String>,
}

/// Anything that reads a document and adds to it.
pub trait Stage {
    /// A short name for progress and benchmark output.
    fn name(&self) -> &'static str;
    fn process(&self, doc: &mut Document) -> Result<()>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    /// A short line without closing punctuation (`Drugs en 4 miljoen cash`): no facts come from it.
    pub heading: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Document::paragraphs`.
    pub paragraph: usize,
    /// Index range into `Document::tokens`.
    pub tokens: (usize, usize),
    pub heading: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes or hyphens (`zo'n`, `Exclu-gebruikers`).
    Word,
    /// Digits, possibly with Dutch thousands dots or decimal commas (`50.000`, `2,3`).
    Number,
    /// Punctuation and symbols (`.`, `"`, `€`, `%`).
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A named entity: a span of the source text and its type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub span: Span,
    #[serde(rename = "type")]
    pub label: EntityType,
}

/// The unit of a quantity, normalized (`ton` → kg, `half jaar` → months).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    #[serde(rename = "kg")]
    Kg,
    #[serde(rename = "EUR")]
    Eur,
    #[serde(rename = "GBP")]
    Gbp,
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "months")]
    Months,
    #[serde(rename = "weeks")]
    Weeks,
    #[serde(rename = "days")]
    Days,
    #[serde(rename = "percent")]
    Percent,
}

impl Unit {
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Kg => "kg",
            Unit::Eur => "EUR",
            Unit::Gbp => "GBP",
            Unit::Usd => "USD",
            Unit::Months => "months",
            Unit::Weeks => "weeks",
            Unit::Days => "days",
            Unit::Percent => "percent",
        }
    }

    pub fn is_money(&self) -> bool {
        matches!(self, Unit::Eur | Unit::Gbp | Unit::Usd)
    }
}

/// What a rate is per: `800 euro per half jaar` is per 6 months, `per stuk` per item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    Months(u32),
    Item,
}

/// A figure in the text: `span` covers the hedge, the number and its unit words
/// (`meer dan 8000 kilo`), `number` the number alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub span: Span,
    pub number: Span,
    /// Normalized value: `2,3 miljoen` = 2300000, `twee ton` = 2000 (kg), `tientallen` = 20.
    pub value: f64,
    pub unit: Option<Unit>,
    pub qualifier: Option<Qualifier>,
    /// For prices: what period or item the amount is per.
    pub per: Option<Per>,
}

/// A date expression: `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `None` when it is
/// relative (`vorig jaar`) and the document has no header date to resolve it against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    pub span: Span,
    pub value: Option<String>,
}

impl Document {
    /// Sets the header date that relative dates resolve against: `YYYY-MM` or `YYYY-MM-DD`.
    pub fn set_date(&mut self, date: &str) -> Result<()> {
        if !crate::record::is_date(date) || !(date.len() == 7 || date.len() == 10) {
            return Err(crate::error::Error::invalid(format!("the date must be YYYY-MM or YYYY-MM-DD, got {date:?}")));
        }
        self.date = Some(date.to_string());
        Ok(())
    }

    /// Every annotation of a document, with byte offsets and the text each span covers.
    pub fn annotations_json(&self) -> serde_json::Value {
        let doc = self;
        use serde_json::json;
        let t = |s: Span| &doc.text[s];
        json!({
            "date": doc.date,
            "sentences": doc.sentences.iter().map(|s| json!({"text": t(s.span), "start": s.span.start, "end": s.span.end, "heading": s.heading})).collect::<Vec<_>>(),
            "tokens": doc.tokens.iter().map(|k| json!({"text": t(k.span), "start": k.span.start, "end": k.span.end, "kind": k.kind})).collect::<Vec<_>>(),
            "entities": doc.entities.iter().map(|e| json!({"text": t(e.span), "type": e.label, "start": e.span.start, "end": e.span.end})).collect::<Vec<_>>(),
            "quantities": doc.quantities.iter().map(|q| json!({
                "text": t(q.span), "start": q.span.start, "end": q.span.end, "value": q.value,
                "unit": q.unit, "qualifier": q.qualifier, "per": q.per,
            })).collect::<Vec<_>>(),
            "dates": doc.dates.iter().map(|d| json!({"text": t(d.span), "start": d.span.start, "end": d.span.end, "value": d.value})).collect::<Vec<_>>(),
            "record": doc.record,
        })
    }

    /// The text of a span of this document.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span]
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.0..sentence.tokens.1]
    }

    /// The index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// The number of word and number tokens: what throughput figures count.
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.kind != TokenKind::Punct).count()
    }
}
