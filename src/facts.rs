//! The records as one flat table: a row per fact, for spreadsheets and data frames
//! (`meelezer facts`, CSV). An operation without facts, and an article without operations, give
//! no row; `doc` and `service` repeat on every row of theirs.

use crate::record::ArticleRecord;
use std::io::{self, Write};

/// The table's columns, in order.
pub const COLUMNS: [&str; 10] = ["doc", "service", "main", "slot", "value", "unit", "what", "qualifier", "where", "per_months"];

/// One row per fact of every operation of `records`, in record order; absent optional fields are
/// empty strings, `main` is `true` or `false`, numbers are written as `eval` compares them.
pub fn fact_rows(records: &[ArticleRecord]) -> Vec<[String; 10]> {
    let mut rows = Vec::new();
    for record in records {
        for op in &record.operations {
            for fact in &op.facts {
                rows.push([
                    record.doc.clone(),
                    op.service.clone(),
                    op.main.to_string(),
                    fact.slot.to_string(),
                    fact.value.key(),
                    fact.unit.clone().unwrap_or_default(),
                    fact.what.clone().unwrap_or_default(),
                    fact.qualifier.map(|q| q.as_str().to_string()).unwrap_or_default(),
                    fact.place.clone().unwrap_or_default(),
                    fact.per_months.map(|m| m.to_string()).unwrap_or_default(),
                ]);
            }
        }
    }
    rows
}

/// Writes the header and [`fact_rows`] as CSV (RFC 4180: comma-separated, CRLF line ends, a
/// field with a comma, quote or line break quoted, quotes doubled).
pub fn write_csv(records: &[ArticleRecord], mut out: impl Write) -> io::Result<()> {
    write_row(&mut out, COLUMNS.iter().copied())?;
    for row in fact_rows(records) {
        write_row(&mut out, row.iter().map(String::as_str))?;
    }
    out.flush()
}

fn write_row<'a>(out: &mut impl Write, fields: impl Iterator<Item = &'a str>) -> io::Result<()> {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        if field.contains([',', '"', '\n', '\r']) {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_fact_with_quoting() {
        let line = r#"{"doc": "a, \"1\"", "date": "2021-03", "entities": [], "operations": [
            {"service": "Sky ECC", "main": true, "facts": [
                {"slot": "arrests", "value": 80, "qualifier": "more_than", "where": "NL"},
                {"slot": "seized_cash", "value": 1500000, "unit": "EUR"}]},
            {"service": "EncroChat", "main": false, "facts": []}]}"#;
        let records = vec![ArticleRecord::from_json_line(&line.replace('\n', " ")).unwrap()];
        let rows = fact_rows(&records);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], ["a, \"1\"", "Sky ECC", "true", "arrests", "80", "", "", "more_than", "NL", ""].map(String::from));
        assert_eq!(rows[1][4..6], ["1500000".to_string(), "EUR".to_string()]);
        let mut csv = Vec::new();
        write_csv(&records, &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "doc,service,main,slot,value,unit,what,qualifier,where,per_months");
        assert_eq!(lines[1], "\"a, \"\"1\"\"\",Sky ECC,true,arrests,80,,,more_than,NL,");
        assert_eq!(lines.len(), 4, "header, two rows, and the empty string after the last CRLF");
    }
}
