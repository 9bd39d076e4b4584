//! Operation records as ANNOTATION.md defines them: one `ArticleRecord` per article, serde in and
//! out, and a validating reader for gold and prediction files that names `file:line` and the field.

use crate::kinds::{EntityType, Qualifier};
use crate::error::{Error, ErrorKind, Result};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;
use std::path::Path;

/// One JSON line: an article, its named entities and its operations.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ArticleRecord {
    pub doc: String,
    pub date: Option<String>,
    pub entities: Vec<EntityRecord>,
    pub operations: Vec<Operation>,
}

/// A distinct (surface text, type) pair.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntityRecord {
    pub text: String,
    #[serde(rename = "type")]
    pub label: EntityType,
}

/// One encrypted-communication service named in the article, and the facts stated about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operation {
    pub service: String,
    pub main: bool,
    pub facts: Vec<Fact>,
}

/// What a fact is about; the slot table of ANNOTATION.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    Arrests,
    Searches,
    Users,
    Messages,
    Officers,
    Cases,
    SeizedCash,
    SeizedDrugs,
    SeizedWeapons,
    DrugSites,
    Price,
    InterceptionMonths,
    InterceptionStart,
    InvestigationStart,
    Takedown,
    Agency,
    Country,
    Person,
    Investigation,
    ServerCountry,
}

/// The kind of value a slot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotValue {
    Count,
    Money,
    Mass,
    Date,
    Name,
    CountryCode,
}

impl Slot {
    pub const ALL: [Slot; 20] = [
        Slot::Arrests,
        Slot::Searches,
        Slot::Users,
        Slot::Messages,
        Slot::Officers,
        Slot::Cases,
        Slot::SeizedCash,
        Slot::SeizedDrugs,
        Slot::SeizedWeapons,
        Slot::DrugSites,
        Slot::Price,
        Slot::InterceptionMonths,
        Slot::InterceptionStart,
        Slot::InvestigationStart,
        Slot::Takedown,
        Slot::Agency,
        Slot::Country,
        Slot::Person,
        Slot::Investigation,
        Slot::ServerCountry,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Slot::Arrests => "arrests",
            Slot::Searches => "searches",
            Slot::Users => "users",
            Slot::Messages => "messages",
            Slot::Officers => "officers",
            Slot::Cases => "cases",
            Slot::SeizedCash => "seized_cash",
            Slot::SeizedDrugs => "seized_drugs",
            Slot::SeizedWeapons => "seized_weapons",
            Slot::DrugSites => "drug_sites",
            Slot::Price => "price",
            Slot::InterceptionMonths => "interception_months",
            Slot::InterceptionStart => "interception_start",
            Slot::InvestigationStart => "investigation_start",
            Slot::Takedown => "takedown",
            Slot::Agency => "agency",
            Slot::Country => "country",
            Slot::Person => "person",
            Slot::Investigation => "investigation",
            Slot::ServerCountry => "server_country",
        }
    }

    pub fn parse(s: &str) -> Option<Slot> {
        Slot::ALL.iter().copied().find(|slot| slot.as_str() == s)
    }

    pub fn value_kind(&self) -> SlotValue {
        match self {
            Slot::SeizedCash | Slot::Price => SlotValue::Money,
            Slot::SeizedDrugs => SlotValue::Mass,
            Slot::InterceptionStart | Slot::InvestigationStart | Slot::Takedown => SlotValue::Date,
            Slot::Agency | Slot::Person | Slot::Investigation => SlotValue::Name,
            Slot::Country | Slot::ServerCountry => SlotValue::CountryCode,
            _ => SlotValue::Count,
        }
    }

    /// The `what` values this slot allows (empty: `what` is not allowed).
    pub fn what_values(&self) -> &'static [&'static str] {
        match self {
            Slot::Users => &["dutch_speaking"],
            Slot::SeizedDrugs => &["cocaine", "crystal_meth", "heroin", "cannabis", "synthetic", "drugs"],
            Slot::DrugSites => &["lab", "cocaine_washing", "storage", "site"],
            Slot::Price => &["subscription", "phone"],
            _ => &[],
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self.value_kind(), SlotValue::Count | SlotValue::Money | SlotValue::Mass)
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fact's value: a number for quantity slots, a string for names, codes and dates.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    Number(f64),
    Text(String),
}

impl FactValue {
    /// A canonical key for comparing values: numbers equal after normalization compare equal.
    pub fn key(&self) -> String {
        match self {
            FactValue::Number(n) => format_number(*n),
            FactValue::Text(s) => s.clone(),
        }
    }
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// Writes integral numbers without a fraction (`1500`, not `1500.0`).
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{:.6}", n);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl Serialize for FactValue {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            FactValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
            FactValue::Number(n) => s.serialize_f64(*n),
            FactValue::Text(t) => s.serialize_str(t),
        }
    }
}

/// Where a fact came from: byte offsets into the article file of its sentence and its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub sentence: [usize; 2],
    pub span: [usize; 2],
}

/// One figure or name the article states about one operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub slot: Slot,
    pub value: FactValue,
    /// An ISO 4217 currency code (`EUR`, `GBP`, `NZD`, ...) or `kg`.
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// ISO 3166-1 alpha-2 code of the country the sentence limits the figure to.
    pub place: Option<String>,
    pub what: Option<String>,
    pub per_months: Option<u32>,
    /// Output only; scoring ignores it.
    pub evidence: Option<Evidence>,
}

impl Fact {
    pub fn new(slot: Slot, value: FactValue) -> Fact {
        Fact { slot, value, unit: None, qualifier: None, place: None, what: None, per_months: None, evidence: None }
    }
}

impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("slot", &self.slot)?;
        m.serialize_entry("value", &self.value)?;
        if let Some(u) = &self.unit {
            m.serialize_entry("unit", u)?;
        }
        if let Some(w) = &self.what {
            m.serialize_entry("what", w)?;
        }
        if let Some(p) = self.per_months {
            m.serialize_entry("per_months", &p)?;
        }
        if let Some(q) = self.qualifier {
            m.serialize_entry("qualifier", &q)?;
        }
        if let Some(w) = &self.place {
            m.serialize_entry("where", w)?;
        }
        if let Some(e) = &self.evidence {
            m.serialize_entry("evidence", e)?;
        }
        m.end()
    }
}

impl ArticleRecord {
    /// The main operation's service, if any.
    pub fn main_service(&self) -> Option<&str> {
        self.operations.iter().find(|o| o.main).map(|o| o.service.as_str())
    }

    /// Parses and validates one JSON line. Errors name the offending field; the caller adds file and line.
    pub fn from_json_line(line: &str) -> Result<ArticleRecord> {
        let value: Value = serde_json::from_str(line)?;
        let obj = value.as_object().ok_or_else(|| Error::invalid("expected a JSON object per line"))?;
        parse_article(obj)
    }

    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("records always serialize")
    }
}

/// Reads a gold or prediction file: one validated record per non-blank line.
/// Errors carry `file:line`; a document that appears twice is an error too.
pub fn read_records(path: &Path) -> Result<Vec<ArticleRecord>> {
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| Error::new(ErrorKind::NotUtf8(e.utf8_error().valid_up_to())).in_file(path))?;
    parse_records(&text, path)
}

/// Reads a JSON Lines file of records one line at a time, handing each to `f` (memory stays at
/// one record); a malformed line is an error naming the file and line. Blank lines are skipped.
pub fn for_each_record(path: &Path, mut f: impl FnMut(ArticleRecord)) -> Result<()> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).map_err(|e| Error::from(e).in_file(path))?;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::from(e).in_file(path).at_line(i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        f(ArticleRecord::from_json_line(&line).map_err(|e| e.in_file(path).at_line(i + 1))?);
    }
    Ok(())
}

/// [`read_records`] on text already in memory; `source` names it in errors (`source:line`).
pub fn parse_records(text: &str, source: &Path) -> Result<Vec<ArticleRecord>> {
    let mut records: Vec<ArticleRecord> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = ArticleRecord::from_json_line(line).map_err(|e| e.in_file(source).at_line(i + 1))?;
        if let Some(first) = seen.insert(record.doc.clone(), i + 1) {
            return Err(Error::field("doc", format!("{:?} already appeared on line {first}", record.doc))
                .in_file(source)
                .at_line(i + 1));
        }
        records.push(record);
    }
    if records.is_empty() {
        return Err(Error::new(ErrorKind::Empty).in_file(source));
    }
    Ok(records)
}

fn parse_article(obj: &Map<String, Value>) -> Result<ArticleRecord> {
    let doc = match obj.get("doc") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(_) => return Err(Error::field("doc", "must be a non-empty string")),
        None => return Err(Error::field("doc", "missing")),
    };
    let date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if is_date(s) => Some(s.clone()),
        Some(other) => return Err(Error::field("date", format!("must be null, YYYY-MM or YYYY-MM-DD, got {other}"))),
    };
    let entities = match obj.get("entities") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| parse_entity(v).map_err(|e| prefix(e, &format!("entity {}", i + 1))))
            .collect::<Result<_>>()?,
        Some(_) => return Err(Error::field("entities", "must be a list")),
    };
    let operations: Vec<Operation> = match obj.get("operations") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| parse_operation(v).map_err(|e| prefix(e, &format!("operation {}", i + 1))))
            .collect::<Result<_>>()?,
        Some(Value::Null) | None => return Err(Error::field("operations", "missing (use [] for none)")),
        Some(_) => return Err(Error::field("operations", "must be a list")),
    };
    if operations.iter().filter(|o| o.main).count() > 1 {
        return Err(Error::field("main", "true on more than one operation"));
    }
    Ok(ArticleRecord { doc, date, entities, operations })
}

/// Adds the context (`in fact 4 of operation 1`) to a field error.
fn prefix(mut e: Error, context: &str) -> Error {
    if let ErrorKind::Field { problem, .. } = &mut e.kind {
        let joint = if problem.contains(" in fact ") || problem.contains(" in entity ") { "of" } else { "in" };
        *problem = format!("{problem} {joint} {context}");
    }
    e
}

fn object<'a>(v: &'a Value, what: &str) -> Result<&'a Map<String, Value>> {
    v.as_object().ok_or_else(|| Error::invalid(format!("{what} must be a JSON object, got {v}")))
}

fn parse_entity(v: &Value) -> Result<EntityRecord> {
    let obj = object(v, "an entity")?;
    let text = match obj.get("text") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(_) => return Err(Error::field("text", "must be a non-empty string")),
        None => return Err(Error::field("text", "missing")),
    };
    let label = match obj.get("type") {
        Some(Value::String(s)) => EntityType::parse(s)
            .ok_or_else(|| Error::field("type", format!("is {s:?}; expected PER, ORG, LOC or MISC")))?,
        Some(_) => return Err(Error::field("type", "must be a string")),
        None => return Err(Error::field("type", "missing")),
    };
    Ok(EntityRecord { text, label })
}

fn parse_operation(v: &Value) -> Result<Operation> {
    let obj = object(v, "an operation")?;
    let service = match obj.get("service") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(_) => return Err(Error::field("service", "must be a non-empty string")),
        None => return Err(Error::field("service", "missing")),
    };
    let main = match obj.get("main") {
        Some(Value::Bool(b)) => *b,
        None => false,
        Some(_) => return Err(Error::field("main", "must be true or false")),
    };
    let facts = match obj.get("facts") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| parse_fact(v).map_err(|e| prefix(e, &format!("fact {}", i + 1))))
            .collect::<Result<_>>()?,
        None | Some(Value::Null) => Vec::new(),
        Some(_) => return Err(Error::field("facts", "must be a list")),
    };
    Ok(Operation { service, main, facts })
}

fn parse_fact(v: &Value) -> Result<Fact> {
    let obj = object(v, "a fact")?;
    let slot = match obj.get("slot") {
        Some(Value::String(s)) => Slot::parse(s).ok_or_else(|| Error::field("slot", format!("is {s:?}, not a known slot")))?,
        Some(_) => return Err(Error::field("slot", "must be a string")),
        None => return Err(Error::field("slot", "missing")),
    };
    let raw = obj.get("value").ok_or_else(|| Error::field("value", "missing"))?;
    let value = match (slot.value_kind(), raw) {
        (SlotValue::Count | SlotValue::Money | SlotValue::Mass, Value::Number(n)) => {
            let n = n.as_f64().filter(|n| n.is_finite() && *n >= 0.0);
            FactValue::Number(n.ok_or_else(|| Error::field("value", "must be a non-negative number"))?)
        }
        (SlotValue::Count | SlotValue::Money | SlotValue::Mass, other) => {
            return Err(Error::field("value", format!("must be a number for slot {slot}, got {other}")))
        }
        (SlotValue::Date, Value::String(s)) if is_date(s) => FactValue::Text(s.clone()),
        (SlotValue::Date, other) => {
            return Err(Error::field("value", format!("must be YYYY, YYYY-MM or YYYY-MM-DD for slot {slot}, got {other}")))
        }
        (SlotValue::CountryCode, Value::String(s)) if is_country_code(s) => FactValue::Text(s.clone()),
        (SlotValue::CountryCode, other) => {
            return Err(Error::field("value", format!("must be an ISO alpha-2 code (NL) for slot {slot}, got {other}")))
        }
        (SlotValue::Name, Value::String(s)) if !s.trim().is_empty() => FactValue::Text(s.trim().to_string()),
        (SlotValue::Name, other) => return Err(Error::field("value", format!("must be a non-empty string for slot {slot}, got {other}"))),
    };
    let unit = optional_str(obj, "unit")?;
    match (slot.value_kind(), unit.as_deref()) {
        (SlotValue::Money, Some(code)) if is_currency_code(code) => {}
        (SlotValue::Mass, Some("kg")) => {}
        (SlotValue::Money, u) => {
            return Err(Error::field("unit", format!("must be an ISO 4217 currency code (EUR, USD, NZD) for slot {slot}, got {u:?}")))
        }
        (SlotValue::Mass, u) => return Err(Error::field("unit", format!("must be kg for slot {slot}, got {u:?}"))),
        (_, Some(u)) => return Err(Error::field("unit", format!("is {u:?}, but slot {slot} takes no unit"))),
        (_, None) => {}
    }
    let qualifier = match optional_str(obj, "qualifier")? {
        None => None,
        Some(q) => Some(Qualifier::parse(&q).ok_or_else(|| {
            Error::field("qualifier", format!("is {q:?}; expected more_than, at_least, almost, about or vague"))
        })?),
    };
    let place = optional_str(obj, "where")?;
    if let Some(p) = &place {
        if !is_country_code(p) {
            return Err(Error::field("where", format!("must be an ISO alpha-2 code (NL), got {p:?}")));
        }
    }
    let what = optional_str(obj, "what")?;
    if let Some(w) = &what {
        let allowed = slot.what_values();
        if !allowed.contains(&w.as_str()) {
            let expected = if allowed.is_empty() { "none".to_string() } else { allowed.join(", ") };
            return Err(Error::field("what", format!("is {w:?}; slot {slot} allows {expected}")));
        }
    }
    let per_months = match obj.get("per_months") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) if slot == Slot::Price && n.as_u64().is_some_and(|m| m > 0 && m < 1000) => {
            Some(n.as_u64().unwrap_or_default() as u32)
        }
        Some(other) => return Err(Error::field("per_months", format!("must be a positive whole number on a price, got {other}"))),
    };
    let evidence = parse_evidence(obj.get("evidence"))?;
    Ok(Fact { slot, value, unit, qualifier, place, what, per_months, evidence })
}

/// The optional `evidence` object: `{"sentence": [start, end], "span": [start, end]}`, byte offsets
/// with `start <= end`. Whether the offsets fit the article is for the reader of the article to check.
fn parse_evidence(v: Option<&Value>) -> Result<Option<Evidence>> {
    let obj = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(obj)) => obj,
        Some(other) => return Err(Error::field("evidence", format!("must be an object {{\"sentence\", \"span\"}}, got {other}"))),
    };
    let pair = |key: &str| -> Result<[usize; 2]> {
        let bad = || Error::field("evidence", format!("{key:?} must be [start, end], two whole numbers with start <= end"));
        let items = obj.get(key).and_then(Value::as_array).ok_or_else(bad)?;
        let numbers: Vec<usize> = items.iter().filter_map(|n| n.as_u64().and_then(|n| usize::try_from(n).ok())).collect();
        match numbers.as_slice() {
            [start, end] if items.len() == 2 && start <= end => Ok([*start, *end]),
            _ => Err(bad()),
        }
    };
    Ok(Some(Evidence { sentence: pair("sentence")?, span: pair("span")? }))
}

fn optional_str(obj: &Map<String, Value>, field: &str) -> Result<Option<String>> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(Error::field(field, format!("must be a string, got {other}"))),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let in_range = |p: &str, lo: u32, hi: u32| p.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 1, 12),
        [y, m, d] => {
            let leap = y.parse::<u32>().is_ok_and(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
            let days = match m.parse::<u32>().unwrap_or(0) {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            digits(y, 4) && digits(m, 2) && in_range(m, 1, 12) && digits(d, 2) && in_range(d, 1, days)
        }
        _ => false,
    }
}

/// The form of an ISO 4217 currency code: three capital letters (`EUR`, `NZD`).
fn is_currency_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"{"doc": "003", "date": "2020-07", "entities": [{"text": "EncroChat", "type": "ORG"}], "operations": [{"service": "EncroChat", "main": true, "facts": [{"slot": "messages", "value": 20000000, "qualifier": "more_than"}, {"slot": "users", "value": 12000, "qualifier": "about", "where": "NL"}, {"slot": "price", "value": 1500, "unit": "EUR", "what": "subscription", "per_months": 6}, {"slot": "server_country", "value": "FR"}]}]}"#;

    #[test]
    fn round_trips_the_annotation_example() {
        let r = ArticleRecord::from_json_line(LINE).unwrap();
        assert_eq!(r.operations[0].facts.len(), 4);
        assert_eq!(r.main_service(), Some("EncroChat"));
        let again = ArticleRecord::from_json_line(&r.to_json_line()).unwrap();
        assert_eq!(r, again);
        assert!(r.to_json_line().contains(r#""value":1500,"unit":"EUR""#));
    }

    macro_rules! rejects {
        ($name:ident, $from:expr, $to:expr, $needle:expr) => {
            #[test]
            fn $name() {
                let bad = LINE.replacen($from, $to, 1);
                let err = ArticleRecord::from_json_line(&bad).unwrap_err().to_string();
                assert!(err.contains($needle), "{err}");
            }
        };
    }

    rejects!(unknown_slot, r#""slot": "messages""#, r#""slot": "mesages""#, "\"mesages\", not a known slot in fact 1");
    rejects!(missing_value, r#""value": 20000000, "#, "", "field \"value\" missing in fact 1");
    rejects!(text_for_number, r#""value": 12000"#, r#""value": "12000""#, "must be a number");
    rejects!(bad_unit, r#""unit": "EUR""#, r#""unit": "euro""#, "must be an ISO 4217 currency code");
    rejects!(lowercase_currency, r#""unit": "EUR""#, r#""unit": "eur""#, "must be an ISO 4217 currency code");

    #[test]
    fn any_iso_4217_currency_is_a_money_unit() {
        let line = LINE.replace(r#""unit": "EUR""#, r#""unit": "NZD""#);
        let r = ArticleRecord::from_json_line(&line).unwrap();
        assert_eq!(r.operations[0].facts[2].unit.as_deref(), Some("NZD"));
    }
    rejects!(bad_qualifier, r#""qualifier": "about""#, r#""qualifier": "roughly""#, "\"roughly\"");
    rejects!(bad_where, r#""where": "NL""#, r#""where": "Nederland""#, "ISO alpha-2");
    rejects!(bad_what, r#""what": "subscription""#, r#""what": "licence""#, "allows subscription, phone");
    rejects!(bad_type, r#""type": "ORG""#, r#""type": "COMPANY""#, "\"COMPANY\"");
    rejects!(bad_date, r#""date": "2020-07""#, r#""date": "juli 2020""#, "field \"date\"");
    rejects!(missing_operations, r#""operations""#, r#""operationz""#, "field \"operations\" missing");

    #[test]
    fn evidence_is_read_and_checked() {
        let with = LINE.replacen(r#""server_country", "value": "FR""#, r#""server_country", "value": "FR", "evidence": {"sentence": [3, 40], "span": [10, 12]}"#, 1);
        let r = ArticleRecord::from_json_line(&with).unwrap();
        assert_eq!(r.operations[0].facts[3].evidence, Some(Evidence { sentence: [3, 40], span: [10, 12] }));
        assert_eq!(ArticleRecord::from_json_line(&r.to_json_line()).unwrap(), r);
        for bad in [r#""x""#, r#"{"sentence": [3, 40]}"#, r#"{"sentence": [3, 40], "span": [12, 10]}"#, r#"{"sentence": [3, 40], "span": [-1, 10]}"#, r#"{"sentence": [3, 40], "span": [1, 2, 3]}"#, r#"{"sentence": [3.5, 40], "span": [1, 2]}"#] {
            let line = LINE.replacen(r#""value": "FR""#, &format!(r#""value": "FR", "evidence": {bad}"#), 1);
            let err = ArticleRecord::from_json_line(&line).unwrap_err().to_string();
            assert!(err.contains("field \"evidence\"") && err.contains("in fact 4"), "{bad}: {err}");
        }
    }

    #[test]
    fn dates_are_checked() {
        for ok in ["2020", "2020-07", "2020-04-01"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in ["20", "2020-13", "2020-4", "2020-04-32", "april"] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn numbers_print_without_fraction() {
        assert_eq!(format_number(1500.0), "1500");
        assert_eq!(format_number(2.5), "2.5");
    }
}
