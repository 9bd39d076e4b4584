//! The report page's markup: the page frame with its inline CSS and JS, the score summary and
//! bar chart, and one section per article (highlighted text beside the records' tables).

use super::escape::escape_html as esc;
use super::marking::{FactRow, FactStatus, MarkedOperation};
use super::ArticleView;
use crate::eval::{FactKey, Report};
use crate::record::{format_number, ArticleRecord, Slot};
use std::fmt::Write;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Reports window errors on the root element, so a headless check can see them in the DOM.
const ERROR_HOOK: &str = "window.addEventListener('error', function (e) { document.documentElement.setAttribute('data-js-error', String(e.message)); });";

/// The whole page.
pub(super) fn page(title: &str, score: Option<&Report>, pred: &[ArticleRecord], views: &[ArticleView], warnings: &[String]) -> String {
    let mut out = String::with_capacity(views.iter().map(|v| v.text_html.len() * 2).sum::<usize>() + 16_384);
    let facts: usize = views.iter().map(|v| v.marked.rows().filter(|r| r.status != FactStatus::Missing).count()).sum();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<script>{ERROR_HOOK}</script>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
    let _ = writeln!(
        out,
        "<header class=\"top\"><h1>{}</h1><p class=\"meta\">{} article(s) · {} predicted fact(s) · {}</p></header>",
        esc(title),
        views.len(),
        facts,
        if score.is_some() { "facts marked against gold" } else { "no gold: facts are not marked" }
    );
    if !warnings.is_empty() {
        let _ = write!(out, "<section class=\"warnings\" id=\"warnings\"><h2>Warnings ({})</h2><ul>", warnings.len());
        for w in warnings {
            let _ = write!(out, "<li>{}</li>", esc(w));
        }
        out.push_str("</ul></section>\n");
    }
    summary(&mut out, score, pred);
    legend(&mut out, score.is_some());
    contents(&mut out, views);
    for v in views {
        article(&mut out, v);
    }
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// The score table as `eval` prints it, and a bar per slot (F1 with gold, fact counts without).
fn summary(out: &mut String, score: Option<&Report>, pred: &[ArticleRecord]) {
    out.push_str("<section id=\"summary\" class=\"summary\">");
    match score {
        Some(r) => {
            let _ = write!(out, "<div class=\"scores\"><h2>Scores</h2><pre>{}</pre></div>", esc(&r.to_table()));
            out.push_str("<div class=\"chart\"><h2>F1 per slot</h2><p class=\"key\"><span class=\"swatch strict\"></span> strict <span class=\"swatch lenient\"></span> lenient</p>");
            for (slot, s) in &r.per_slot {
                let _ = write!(
                    out,
                    "<div class=\"bar-row\"><span class=\"bar-label\">{}</span><span class=\"bar-track\"><span class=\"bar strict\" style=\"width:{:.1}%\"></span><span class=\"bar lenient\" style=\"width:{:.1}%\"></span></span><span class=\"bar-num\">{:.2} / {:.2}</span><span class=\"bar-counts\">gold {} · pred {}</span></div>",
                    esc(slot),
                    s.strict.f1 * 100.0,
                    s.lenient.f1 * 100.0,
                    s.strict.f1,
                    s.lenient.f1,
                    s.strict.gold,
                    s.strict.pred
                );
            }
            out.push_str("</div>");
        }
        None => {
            let counts: Vec<(Slot, usize)> = Slot::ALL
                .iter()
                .map(|slot| (*slot, pred.iter().flat_map(|r| &r.operations).flat_map(|o| &o.facts).filter(|f| f.slot == *slot).count()))
                .filter(|(_, n)| *n > 0)
                .collect();
            let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
            out.push_str("<div class=\"chart\"><h2>Predicted facts per slot</h2>");
            for (slot, n) in counts {
                let _ = write!(
                    out,
                    "<div class=\"bar-row\"><span class=\"bar-label\">{slot}</span><span class=\"bar-track\"><span class=\"bar count\" style=\"width:{:.1}%\"></span></span><span class=\"bar-num\">{n}</span></div>",
                    n as f64 * 100.0 / max as f64
                );
            }
            out.push_str("</div>");
        }
    }
    out.push_str("</section>\n");
}

fn legend(out: &mut String, scored: bool) {
    out.push_str("<section class=\"legend\" id=\"legend\"><span class=\"e e-PER\">PER</span> <span class=\"e e-ORG\">ORG</span> <span class=\"e e-LOC\">LOC</span> <span class=\"e e-MISC\">MISC</span> <span class=\"fig\">figure behind a fact</span>");
    if scored {
        out.push_str(" · <span class=\"badge correct\">correct</span> <span class=\"badge near-miss\">near-miss</span> <span class=\"badge spurious\">spurious</span> <span class=\"badge missing\">missing</span>");
    }
    out.push_str(" · click <b>↗</b> in a fact row to show its place in the text</section>\n");
}

fn contents(out: &mut String, views: &[ArticleView]) {
    out.push_str("<nav class=\"contents\"><h2>Articles</h2><ol>");
    for v in views {
        let main = v.marked.operations.iter().find(|o| o.main && o.status != super::marking::OperationStatus::Missing);
        let _ = write!(out, "<li><a href=\"#art-{}\">{}</a>", v.index, esc(&v.doc.id));
        if let Some(m) = main {
            let _ = write!(out, " · {}", esc(&m.service));
        }
        if let Some(s) = v.score {
            let _ = write!(out, " · strict F1 {:.2}", s.facts_strict.f1);
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></nav>\n");
}

fn article(out: &mut String, v: &ArticleView) {
    let _ = write!(out, "<section class=\"article\" id=\"art-{}\"><h2>{}", v.index, esc(&v.doc.id));
    if let Some(d) = &v.doc.date {
        let _ = write!(out, " <span class=\"date\">{}</span>", esc(d));
    }
    if let Some(s) = v.score {
        let _ = write!(
            out,
            " <span class=\"score\">facts strict F1 {:.3} · lenient {:.3} · entities {:.3}</span>",
            s.facts_strict.f1, s.facts_lenient.f1, s.entities.f1
        );
    }
    out.push_str("</h2>");
    if let Some(n) = &v.note {
        let _ = write!(out, "<p class=\"note\">{}</p>", esc(n));
    }
    let _ = write!(out, "<div class=\"cols\"><div class=\"text\">{}</div><div class=\"records\">", v.text_html);
    let counts: Vec<String> = v.entity_counts.iter().map(|(t, n)| format!("{n} <span class=\"e e-{t}\">{t}</span>")).collect();
    let _ = write!(out, "<p class=\"ents\">Entities highlighted: {}</p>", if counts.is_empty() { "none".into() } else { counts.join(", ") });
    if let Some((g, p)) = &v.marked.main_mismatch {
        let _ = write!(
            out,
            "<p class=\"mismatch\">Main service: gold {}, predicted {}</p>",
            esc(g.as_deref().unwrap_or("none")),
            esc(p.as_deref().unwrap_or("none"))
        );
    }
    for (label, list) in [("missing", &v.marked.missing_entities), ("spurious", &v.marked.spurious_entities)] {
        if !list.is_empty() {
            let items: Vec<String> = list.iter().map(|(t, ty)| format!("{} ({ty})", esc(t))).collect();
            let _ = write!(out, "<p class=\"ent-diff {label}\">Entities {label}: {}</p>", items.join(", "));
        }
    }
    let mut anchors = v.anchors.iter();
    if v.marked.operations.is_empty() {
        out.push_str("<p class=\"note\">No operations.</p>");
    }
    for op in &v.marked.operations {
        operation_table(out, op, &mut anchors);
    }
    out.push_str("</div></div></section>\n");
}

fn operation_table<'a>(out: &mut String, op: &MarkedOperation, anchors: &mut impl Iterator<Item = &'a Option<String>>) {
    let _ = write!(out, "<table class=\"op op-{}\"><caption>{}", op.status.name(), esc(&op.service));
    if op.main {
        out.push_str(" <span class=\"badge main\">main</span>");
    }
    if matches!(op.status, super::marking::OperationStatus::Missing | super::marking::OperationStatus::Spurious) {
        let _ = write!(out, " <span class=\"badge {0}\">{0} operation</span>", op.status.name());
    }
    out.push_str("</caption><thead><tr><th></th><th>slot</th><th>value</th><th>unit</th><th>what</th><th>per_months</th><th>qualifier</th><th>where</th><th>text</th></tr></thead><tbody>");
    if op.rows.is_empty() {
        out.push_str("<tr class=\"empty\"><td colspan=\"9\">no facts</td></tr>");
    }
    for row in &op.rows {
        let anchor = anchors.next().and_then(|a| a.as_deref());
        fact_row(out, row, anchor);
    }
    out.push_str("</tbody></table>");
}

fn fact_row(out: &mut String, row: &FactRow, anchor: Option<&str>) {
    let k = &row.key;
    let status = row.status.name();
    let _ = write!(out, "<tr class=\"fact {status}\"");
    if let Some(a) = anchor {
        let _ = write!(out, " data-ev=\"{}\"", esc(a));
    }
    out.push('>');
    if row.status == FactStatus::Unscored {
        out.push_str("<td></td>");
    } else {
        let _ = write!(out, "<td><span class=\"badge {status}\">{status}</span>");
        if let FactStatus::NearMiss { gold } = &row.status {
            let _ = write!(out, "<div class=\"gold-says\">gold: {}</div>", esc(&near_miss_note(k, gold)));
        }
        out.push_str("</td>");
    }
    let opt = |s: Option<&str>| s.map(esc).unwrap_or_default();
    let _ = write!(
        out,
        "<td>{}</td><td class=\"val{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
        k.slot,
        if k.slot.is_numeric() { " num" } else { "" },
        esc(&display_value(k)),
        opt(k.unit.as_deref()),
        opt(k.what.as_deref()),
        k.per_months.map(|m| m.to_string()).unwrap_or_default(),
        opt(k.qualifier),
        opt(k.place.as_deref())
    );
    match anchor {
        Some(a) => {
            let _ = write!(out, "<td><a class=\"go\" href=\"#{0}\" data-ev=\"{0}\" title=\"show in the text\">↗</a></td>", esc(a));
        }
        None if row.status == FactStatus::Missing => out.push_str("<td></td>"),
        None => out.push_str("<td class=\"none\">—</td>"),
    }
    out.push_str("</tr>");
}

/// Large numbers with thin spaces between thousands (`20 000 000`), for reading.
fn display_value(k: &FactKey) -> String {
    if !k.slot.is_numeric() {
        return k.value.clone();
    }
    match k.value.parse::<f64>() {
        Ok(n) if n.fract() == 0.0 && n.abs() >= 10_000.0 => {
            let digits = format_number(n);
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    grouped.push('\u{2009}');
                }
                grouped.push(c);
            }
            grouped
        }
        _ => k.value.clone(),
    }
}

/// What gold says differently for a near-miss: its qualifier and `where`.
fn near_miss_note(pred: &FactKey, gold: &FactKey) -> String {
    let mut parts = Vec::new();
    if pred.qualifier != gold.qualifier {
        parts.push(format!("qualifier {}", gold.qualifier.unwrap_or("none")));
    }
    if pred.place != gold.place {
        parts.push(format!("where {}", gold.place.as_deref().unwrap_or("none")));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Fact;

    #[test]
    fn numbers_are_grouped_for_reading() {
        let key = |slot, v| FactKey::new("X", &Fact::new(slot, crate::record::FactValue::Number(v)), crate::eval::FactMode::Strict);
        assert_eq!(display_value(&key(Slot::Messages, 20_000_000.0)), "20\u{2009}000\u{2009}000");
        assert_eq!(display_value(&key(Slot::Arrests, 4000.0)), "4000");
        assert_eq!(display_value(&key(Slot::Price, 2.5)), "2.5");
    }
}
