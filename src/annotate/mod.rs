//! `meelezer annotate`: a local web app for labelling articles. The page shows an article with
//! its entities and each fact's evidence, the record as rows to accept, reject or edit (starting
//! from the gold line when the article has one, else from the pipeline's draft), and saves the
//! record into the gold file ([`gold`]), checked by the same code as `eval`.
//!
//! The server ([`router`]) is axum on tokio; the page, its script and style are embedded in the
//! binary (`static/`) and served with a Content-Security-Policy that allows nothing from
//! elsewhere. Offsets the page sees are UTF-16 indices (JavaScript's), converted here from the
//! pipeline's byte offsets.

pub mod gold;

use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::eval::{diff, diff_text, evaluate, FactKey, FactMode};
use crate::pipeline::Pipeline;
use crate::record::{ArticleRecord, Evidence, Slot, SlotValue};
use crate::span::Span;
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

const INDEX_HTML: &str = include_str!("static/index.html");
const APP_JS: &str = include_str!("static/app.js");
const APP_CSS: &str = include_str!("static/app.css");

/// Nothing but this server's own page, script, style and API.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Currencies offered in the page's unit list (any ISO 4217 code is valid; these are the ones
/// this genre names).
const CURRENCIES: &[&str] = &["EUR", "USD", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "TRY", "AED", "MAD", "COP", "BRL", "CNY", "JPY"];

/// One article to label.
pub struct Article {
    pub doc: String,
    pub text: String,
}

/// An article run through the pipeline, kept once opened.
struct Annotated {
    doc: Document,
    utf16: Utf16,
}

/// The app's state: the pipeline (model loaded once), the articles and the gold file.
pub struct Annotator {
    pipeline: Pipeline,
    articles: Vec<Article>,
    gold: PathBuf,
    annotated: Mutex<HashMap<String, Arc<Annotated>>>,
    /// One save at a time.
    saving: Mutex<()>,
}

impl Annotator {
    /// Checks the gold file first: a malformed one is an error naming file and line, and is
    /// not touched.
    pub fn new(pipeline: Pipeline, articles: Vec<Article>, gold: PathBuf) -> crate::Result<Annotator> {
        gold::read(&gold)?;
        if let Some(folder) = gold.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
            return Err(Error::invalid(format!("the gold file's folder {} does not exist", folder.display())).in_file(&gold));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(a) = articles.iter().find(|a| !seen.insert(a.doc.as_str())) {
            return Err(Error::invalid(format!("two articles have the document id {:?}; ids must be distinct", a.doc)));
        }
        Ok(Annotator { pipeline, articles, gold, annotated: Mutex::new(HashMap::new()), saving: Mutex::new(()) })
    }

    fn article(&self, doc: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.doc == doc)
    }

    /// The article run through the pipeline (once; later calls reuse it).
    fn annotated(&self, article: &Article) -> crate::Result<Arc<Annotated>> {
        if let Some(a) = self.annotated.lock().unwrap_or_else(|e| e.into_inner()).get(&article.doc) {
            return Ok(a.clone());
        }
        let mut doc = Document::from_text(article.doc.clone(), article.text.clone())?;
        self.pipeline.annotate(&mut doc)?;
        let utf16 = Utf16::new(&doc.text);
        let a = Arc::new(Annotated { doc, utf16 });
        self.annotated.lock().unwrap_or_else(|e| e.into_inner()).insert(article.doc.clone(), a.clone());
        Ok(a)
    }
}

/// Byte offsets to UTF-16 indices and back, for one text.
struct Utf16 {
    /// (byte offset, UTF-16 index) of every char boundary, and of the end.
    bounds: Vec<(usize, usize)>,
}

impl Utf16 {
    fn new(text: &str) -> Utf16 {
        let mut bounds = Vec::with_capacity(text.len() + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            bounds.push((b, u));
            u += c.len_utf16();
        }
        bounds.push((text.len(), u));
        Utf16 { bounds }
    }

    fn to_utf16(&self, byte: usize) -> usize {
        let i = self.bounds.partition_point(|(b, _)| *b < byte);
        self.bounds.get(i).map_or_else(|| self.bounds.last().map_or(0, |x| x.1), |x| x.1)
    }

    fn to_byte(&self, unit: usize) -> usize {
        let i = self.bounds.partition_point(|(_, u)| *u < unit);
        self.bounds.get(i).map_or_else(|| self.bounds.last().map_or(0, |x| x.0), |x| x.0)
    }

    fn span(&self, s: Span) -> [usize; 2] {
        [self.to_utf16(s.start), self.to_utf16(s.end)]
    }

    fn evidence(&self, e: &Evidence) -> Value {
        let pair = |p: [usize; 2]| json!([self.to_utf16(p[0]), self.to_utf16(p[1])]);
        json!({"sentence": pair(e.sentence), "span": pair(e.span)})
    }
}

/// The article `doc` (one that was given) run through the pipeline, on a blocking thread (the
/// model may read it), or the status and message of an error answer naming it.
async fn annotated_off_thread(app: &Arc<Annotator>, doc: &str) -> Result<Arc<Annotated>, (StatusCode, String)> {
    let (worker, id) = (app.clone(), doc.to_string());
    let result = tokio::task::spawn_blocking(move || worker.article(&id).map(|a| worker.annotated(a))).await;
    match result {
        Ok(Some(Ok(a))) => Ok(a),
        Ok(Some(Err(e))) => Err((StatusCode::INTERNAL_SERVER_ERROR, format!("{doc}: {e}"))),
        Ok(None) => Err((StatusCode::NOT_FOUND, format!("no article {doc:?} was given"))),
        Err(e) => Err((StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
    }
}

/// An error answer: `{"error": ...}` with a status.
fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({"error": message.into()}))).into_response()
}

/// The router: the page and the JSON API (see the README's "Adding an article").
pub fn router(state: Arc<Annotator>) -> Router {
    Router::new()
        .route("/", get(|| async { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], INDEX_HTML) }))
        .route("/static/app.js", get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], APP_JS) }))
        .route("/static/app.css", get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS) }))
        .route("/api/meta", get(meta))
        .route("/api/articles", get(list))
        .route("/api/articles/{doc}", get(open).put(save))
        .route("/api/suggest", post(suggest))
        .layer(axum::middleware::map_response(|mut r: Response| async move {
            let h = r.headers_mut();
            h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
            h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }))
        .with_state(state)
}

/// The contract's closed lists, for the page's menus.
async fn meta(State(app): State<Arc<Annotator>>) -> Response {
    let slots: Vec<Value> = Slot::ALL
        .iter()
        .map(|s| {
            let (kind, units): (&str, Vec<&str>) = match s.value_kind() {
                SlotValue::Count => ("count", vec![]),
                SlotValue::Money => ("money", CURRENCIES.to_vec()),
                SlotValue::Mass => ("mass", vec!["kg"]),
                SlotValue::Date => ("date", vec![]),
                SlotValue::CountryCode => ("country", vec![]),
                SlotValue::Name => ("name", vec![]),
            };
            json!({"slot": s.as_str(), "kind": kind, "what": s.what_values(), "units": units})
        })
        .collect();
    let mut countries: Vec<&str> = crate::data::gazetteer::COUNTRIES.iter().map(|(_, c)| *c).filter(|c| c.len() == 2).collect();
    countries.sort_unstable();
    countries.dedup();
    let services: Vec<&str> = app.pipeline.linker().services().catalog().names().collect();
    Json(json!({
        "slots": slots,
        "qualifiers": crate::kinds::Qualifier::ALL.iter().map(|q| q.as_str()).collect::<Vec<_>>(),
        "countries": countries,
        "currencies": CURRENCIES,
        "entity_types": ["PER", "ORG", "LOC", "MISC"],
        "services": services,
        "gold": app.gold.display().to_string(),
    }))
    .into_response()
}

/// The articles with their state: `done` when the gold file has a line for it, else `new`.
async fn list(State(app): State<Arc<Annotator>>) -> Response {
    let snapshot = match gold::read(&app.gold) {
        Ok(s) => s,
        Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    let articles: Vec<Value> = app
        .articles
        .iter()
        .map(|a| {
            let record = snapshot.record(&a.doc);
            json!({
                "doc": a.doc,
                "state": if record.is_some() { "done" } else { "new" },
                "words": a.text.split_whitespace().count(),
                "operations": record.map(|r| r.operations.len()),
                "facts": record.map(|r| r.operations.iter().map(|o| o.facts.len()).sum::<usize>()),
            })
        })
        .collect();
    Json(json!({"gold": app.gold.display().to_string(), "version": snapshot.version, "articles": articles})).into_response()
}

/// A record as the page sees it: evidence in UTF-16 indices; gold facts get the evidence of the
/// pipeline's fact with the same key (strict, else lenient), so they are highlighted too.
fn record_for_page(record: &ArticleRecord, annotated: &Annotated) -> Value {
    let made: Vec<&crate::record::Fact> = annotated.doc.record.iter().flat_map(|d| d.operations.iter().flat_map(|o| &o.facts)).collect();
    let evidence_of = |fact: &crate::record::Fact| -> Option<Evidence> {
        fact.evidence.or_else(|| {
            [FactMode::Strict, FactMode::Lenient].iter().find_map(|&mode| {
                let key = FactKey::new("", fact, mode);
                made.iter().find(|f| FactKey::new("", f, mode) == key).and_then(|f| f.evidence)
            })
        })
    };
    let operations: Vec<Value> = record
        .operations
        .iter()
        .map(|op| {
            let facts: Vec<Value> = op
                .facts
                .iter()
                .map(|f| {
                    let mut v = serde_json::to_value(crate::record::Fact { evidence: None, ..f.clone() }).unwrap_or(Value::Null);
                    if let (Some(e), Value::Object(m)) = (evidence_of(f), &mut v) {
                        m.insert("evidence".into(), annotated.utf16.evidence(&e));
                    }
                    v
                })
                .collect();
            json!({"service": op.service, "main": op.main, "facts": facts})
        })
        .collect();
    json!({"doc": record.doc, "date": record.date, "entities": record.entities, "operations": operations})
}

/// One article: its text, what the pipeline tagged in it, and its record (the gold line, or the
/// pipeline's draft when the gold file has none).
async fn open(State(app): State<Arc<Annotator>>, UrlPath(doc): UrlPath<String>) -> Response {
    let Some(article) = app.article(&doc) else { return error(StatusCode::NOT_FOUND, format!("no article {doc:?} was given")) };
    let snapshot = match gold::read(&app.gold) {
        Ok(s) => s,
        Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    let annotated = match annotated_off_thread(&app, &article.doc).await {
        Ok(a) => a,
        Err((status, message)) => return error(status, message),
    };
    let (record, source) = match snapshot.record(&article.doc) {
        Some(r) => (r.clone(), "gold"),
        None => (annotated.doc.record.clone().unwrap_or_default(), "draft"),
    };
    let d = &annotated.doc;
    let u = &annotated.utf16;
    let entities: Vec<Value> =
        d.entities.iter().map(|e| json!({"start": u.to_utf16(e.span.start), "end": u.to_utf16(e.span.end), "type": e.label})).collect();
    let quantities: Vec<Value> = d
        .quantities
        .iter()
        .map(|q| {
            let [start, end] = u.span(q.span);
            json!({"start": start, "end": end, "value": q.value, "unit": q.unit.map(|x| x.as_str()), "qualifier": q.qualifier.map(|x| x.as_str())})
        })
        .collect();
    let dates: Vec<Value> = d.dates.iter().map(|x| json!({"start": u.to_utf16(x.span.start), "end": u.to_utf16(x.span.end), "value": x.value})).collect();
    Json(json!({
        "doc": article.doc,
        "text": d.text,
        "source": source,
        "version": snapshot.version,
        "record": record_for_page(&record, &annotated),
        "spans": {"entities": entities, "quantities": quantities, "dates": dates},
    }))
    .into_response()
}

#[derive(serde::Deserialize)]
struct Suggest {
    doc: String,
    start: usize,
    end: usize,
}

/// A fact prefilled from what the pipeline tagged in a selection: the record's fact there, else
/// the rule layer's reading of the figure or date there, else the bare number.
async fn suggest(State(app): State<Arc<Annotator>>, Json(req): Json<Suggest>) -> Response {
    let Some(article) = app.article(&req.doc) else { return error(StatusCode::NOT_FOUND, format!("no article {:?} was given", req.doc)) };
    let annotated = match annotated_off_thread(&app, &article.doc).await {
        Ok(a) => a,
        Err((status, message)) => return error(status, message),
    };
    let u = &annotated.utf16;
    let (start, end) = (u.to_byte(req.start.min(req.end)), u.to_byte(req.start.max(req.end)));
    let span = Span::new(start, end.max(start));
    let text = annotated.doc.text.get(start..end).unwrap_or_default().to_string();
    let (fact, operation) = match app.pipeline.linker().reading(&annotated.doc, span) {
        Some((fact, op)) => {
            let mut v = serde_json::to_value(crate::record::Fact { evidence: None, ..fact }).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                m.insert("evidence".into(), json!({"span": [req.start.min(req.end), req.start.max(req.end)]}));
            }
            (v, op)
        }
        None => match annotated.doc.quantities.iter().find(|q| q.span.overlaps(span)) {
            Some(q) => (json!({"value": q.value, "qualifier": q.qualifier.map(|x| x.as_str())}), None),
            None => (Value::Null, None),
        },
    };
    Json(json!({"fact": fact, "text": text, "operation": operation})).into_response()
}

/// One problem with a record the page sent, at its field.
#[derive(Debug, serde::Serialize, PartialEq)]
pub struct FieldError {
    pub operation: Option<usize>,
    pub fact: Option<usize>,
    pub entity: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

/// The field and problem of a record error, without the `in fact 2 of operation 1` the
/// whole-record parser adds (the page places it itself).
fn field_and_problem(e: &Error) -> (Option<String>, String) {
    match &e.kind {
        ErrorKind::Field { field, problem } => {
            let cut = [" in fact ", " of fact ", " in operation ", " of operation ", " in entity ", " of entity "]
                .iter()
                .filter_map(|w| problem.find(w))
                .min()
                .unwrap_or(problem.len());
            (Some(field.clone()), problem[..cut].to_string())
        }
        other => (None, other.to_string()),
    }
}

/// Checks a record from the page with the code `eval` uses: each operation, fact and entity on
/// its own (so each problem is placed at its field), then the whole record. Evidence is dropped:
/// the gold file does not keep it.
pub fn check_record(doc: &str, value: &Value) -> Result<ArticleRecord, Vec<FieldError>> {
    let mut value = value.clone();
    let at = |operation, fact, entity, e: Error| {
        let (field, message) = field_and_problem(&e);
        FieldError { operation, fact, entity, field, message }
    };
    let Value::Object(obj) = &mut value else {
        return Err(vec![FieldError { operation: None, fact: None, entity: None, field: None, message: "the record must be a JSON object".into() }]);
    };
    if obj.get("doc").and_then(Value::as_str) != Some(doc) {
        let e = Error::field("doc", format!("must be {doc:?}, the article's id"));
        return Err(vec![at(None, None, None, e)]);
    }
    let mut errors = Vec::new();
    if let Some(Value::Array(ops)) = obj.get_mut("operations") {
        for (i, op) in ops.iter_mut().enumerate() {
            if let Some(Value::Array(facts)) = op.get_mut("facts") {
                for (j, fact) in facts.iter_mut().enumerate() {
                    if let Value::Object(f) = fact {
                        f.remove("evidence");
                    }
                    let one = json!({"doc": doc, "operations": [{"service": "x", "facts": [fact]}]});
                    if let Err(e) = ArticleRecord::from_json_line(&one.to_string()) {
                        errors.push(at(Some(i), Some(j), None, e));
                    }
                }
            }
            let mut alone = op.clone();
            if let Value::Object(m) = &mut alone {
                m.insert("facts".into(), json!([]));
            }
            if let Err(e) = ArticleRecord::from_json_line(&json!({"doc": doc, "operations": [alone]}).to_string()) {
                errors.push(at(Some(i), None, None, e));
            }
        }
    }
    if let Some(Value::Array(ents)) = obj.get("entities") {
        for (k, ent) in ents.iter().enumerate() {
            if let Err(e) = ArticleRecord::from_json_line(&json!({"doc": doc, "operations": [], "entities": [ent]}).to_string()) {
                errors.push(at(None, None, Some(k), e));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    ArticleRecord::from_json_line(&Value::Object(obj.clone()).to_string()).map_err(|e| vec![at(None, None, None, e)])
}

#[derive(serde::Deserialize)]
struct SaveRequest {
    record: Value,
    version: String,
}

/// Saves a record into the gold file: checked first (422 with each problem at its field, nothing
/// written), refused when the file changed since the page read it (409), else written atomically
/// with a `.bak`; answers with the new version and the pipeline's record compared with it.
async fn save(State(app): State<Arc<Annotator>>, UrlPath(doc): UrlPath<String>, Json(req): Json<SaveRequest>) -> Response {
    let Some(article) = app.article(&doc) else { return error(StatusCode::NOT_FOUND, format!("no article {doc:?} was given")) };
    let record = match check_record(&doc, &req.record) {
        Ok(r) => r,
        Err(fields) => {
            let summary = match fields.as_slice() {
                [one] => format!("not saved: {}", one.message),
                many => format!("not saved: {} problems, shown at their fields", many.len()),
            };
            return (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({"error": summary, "fields": fields}))).into_response();
        }
    };
    let saved = {
        let _one_at_a_time = app.saving.lock().unwrap_or_else(|e| e.into_inner());
        gold::save(&app.gold, &record, &req.version)
    };
    let version = match saved {
        Ok(v) => v,
        Err(gold::SaveError::Changed(current)) => {
            let message = format!(
                "not saved: {} changed on disk since this page read it (another tab or an editor); your edits are kept in this page — reload the article to see the file's version",
                app.gold.display()
            );
            return (StatusCode::CONFLICT, Json(json!({"error": message, "version": current}))).into_response();
        }
        Err(gold::SaveError::Io(e)) => return error(StatusCode::INTERNAL_SERVER_ERROR, format!("not saved: {e}")),
    };
    let (comparison, scores) = match annotated_off_thread(&app, &article.doc).await {
        Ok(a) => {
            let pred = a.doc.record.clone().unwrap_or_default();
            let gold = std::slice::from_ref(&record);
            let report = evaluate(gold, std::slice::from_ref(&pred));
            let text = diff_text(&diff(gold, std::slice::from_ref(&pred)));
            let scores = json!({
                "strict_f1": report.facts_strict.f1,
                "lenient_f1": report.facts_lenient.f1,
                "main_ok": report.main_service.correct == report.main_service.total,
            });
            (text, scores)
        }
        Err((_, message)) => (format!("no comparison: {message}"), Value::Null),
    };
    Json(json!({"version": version, "comparison": comparison, "scores": scores})).into_response()
}
