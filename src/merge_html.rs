//! The merged services as one self-contained HTML page: per service, a chart of its figures'
//! series over article dates with takedown markers (inline SVG drawn with `plotters`), its
//! timeline, and a table of every slot's values with their sources.

use crate::merge::{MergedService, MergedSlot};
use crate::record::{FactValue, Slot};
use crate::report::escape::escape_html as escape;
use plotters::prelude::*;


/// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a year with a fraction, for the time axis.
fn year_fraction(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let year: f64 = parts.next()?.parse().ok()?;
    let month: f64 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1.0);
    let day: f64 = parts.next().and_then(|d| d.parse().ok()).unwrap_or(1.0);
    Some(year + (month - 1.0) / 12.0 + (day - 1.0) / 365.0)
}

fn number(v: &FactValue) -> Option<f64> {
    match v {
        FactValue::Number(n) => Some(*n),
        FactValue::Text(_) => None,
    }
}

/// The label of a slot group: `arrests (NL)`, `seized_drugs kg cocaine`.
fn label(slot: &MergedSlot) -> String {
    let mut s = slot.slot.to_string();
    for part in [&slot.unit, &slot.what].into_iter().flatten() {
        s.push(' ');
        s.push_str(part);
    }
    if let Some(p) = &slot.place {
        s.push_str(&format!(" ({p})"));
    }
    s
}

const COLOURS: [RGBColor; 8] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
];

/// The series chart of one service as SVG, or `None` when no figure has a dated article: each
/// value a dot at the date of the first article stating it, a line through its growth.
pub fn chart(service: &MergedService) -> Option<String> {
    // Count series (dated values, by first article date), the largest groups first, at most 8.
    let mut series: Vec<(String, Vec<(f64, f64)>)> = service
        .slots
        .iter()
        .filter(|s| s.slot.is_numeric() && s.slot != Slot::Price)
        .map(|s| {
            let mut pts: Vec<(f64, f64)> = s
                .values
                .iter()
                .filter_map(|v| Some((year_fraction(v.first_date.as_deref()?)?, number(&v.value)?)))
                .collect();
            pts.sort_by(|a, b| a.0.total_cmp(&b.0));
            (label(s), pts)
        })
        .filter(|(_, pts)| !pts.is_empty())
        .collect();
    series.sort_by_key(|(_, pts)| std::cmp::Reverse(pts.len()));
    series.truncate(COLOURS.len());
    if series.is_empty() {
        return None;
    }
    let takedowns: Vec<f64> = service
        .timeline
        .iter()
        .filter(|t| t.slot == Slot::Takedown)
        .filter_map(|t| year_fraction(&t.date))
        .collect();
    let xs = series.iter().flat_map(|(_, p)| p.iter().map(|x| x.0)).chain(takedowns.iter().copied());
    let (mut x0, mut x1) = xs.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    if x1 - x0 < 0.5 {
        x0 -= 0.25;
        x1 += 0.25;
    }
    let y1 = series.iter().flat_map(|(_, p)| p.iter().map(|x| x.1)).fold(1.0, f64::max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (760, 300)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .margin_right(36)
            .x_label_area_size(28)
            .y_label_area_size(70)
            .build_cartesian_2d(x0..x1, (1.0..y1 * 1.5).log_scale())
            .ok()?;
        chart
            .configure_mesh()
            .x_desc("article date")
            .y_desc("value (log)")
            .x_label_formatter(&|x| {
                let year = x.floor();
                format!("{year:.0}-{:02.0}", ((x - year) * 12.0).floor() + 1.0)
            })
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()
            .ok()?;
        for t in &takedowns {
            chart
                .draw_series(LineSeries::new([(*t, 1.0), (*t, y1 * 1.5)], RED.stroke_width(2)))
                .ok()?
                .label("takedown")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], RED.stroke_width(2)));
        }
        for ((name, pts), colour) in series.iter().zip(COLOURS) {
            // Every value as a dot; the line runs through the first value and each update (a
            // later value above all before it): how the figure grew.
            let mut growth: Vec<(f64, f64)> = Vec::new();
            for &(x, y) in pts {
                match growth.last_mut() {
                    // Values of one date: the largest stands for it.
                    Some(last) if last.0 == x => last.1 = last.1.max(y),
                    Some(last) if y <= last.1 => {}
                    _ => growth.push((x, y)),
                }
            }
            chart.draw_series(pts.iter().map(|&(x, y)| Circle::new((x, y.max(1.0)), 3, colour.mix(0.5).filled()))).ok()?;
            chart
                .draw_series(LineSeries::new(growth.iter().map(|&(x, y)| (x, y.max(1.0))), colour.stroke_width(2)).point_size(3))
                .ok()?
                .label(name.as_str())
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], colour.stroke_width(2)));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.7))
            .border_style(BLACK)
            .draw()
            .ok()?;
        root.present().ok()?;
    }
    Some(svg)
}

/// The whole page.
pub fn page(services: &[MergedService], sources: &[String]) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    h.push_str("<title>meelezer merge</title>\n<style>\n");
    h.push_str(
        "body{font-family:system-ui,sans-serif;margin:24px;color:#1d2330;max-width:1100px}h1{font-size:22px}h2{margin-top:36px;border-bottom:2px solid #d8dde6;padding-bottom:4px}\
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px;width:100%}th,td{border-bottom:1px solid #e3e7ee;padding:4px 8px;text-align:left;vertical-align:top}\
th{background:#f4f6f9}td.n{text-align:right;font-variant-numeric:tabular-nums}.top{font-weight:600}.flag{font-size:11px;border-radius:3px;padding:0 4px;margin-left:4px}\
.update{background:#e3f0ff;color:#1f5fa8}.outlier{background:#fde8e8;color:#a12b2b}.src{color:#5b6475;font-size:12px}.meta{color:#5b6475}svg{max-width:100%;height:auto}\n",
    );
    h.push_str("</style></head><body>\n<h1>Operations merged across articles</h1>\n");
    h.push_str(&format!(
        "<p class=\"meta\">{} services from {}. Top values (bold) are stated by the most articles; <span class=\"flag update\">update</span> a later, larger figure; <span class=\"flag outlier\">outlier</span> one article against three or more.</p>\n",
        services.len(),
        escape(&sources.join(", "))
    ));
    for s in services {
        h.push_str(&format!(
            "<h2 id=\"{}\">{}</h2>\n<p class=\"meta\">{} articles, {} to {}</p>\n",
            escape(&s.service),
            escape(&s.service),
            s.articles,
            escape(s.first_date.as_deref().unwrap_or("undated")),
            escape(s.last_date.as_deref().unwrap_or("undated"))
        ));
        if let Some(svg) = chart(s) {
            h.push_str(&svg);
            h.push('\n');
        }
        if !s.timeline.is_empty() {
            h.push_str("<table><tr><th>date</th><th>slot</th><th>where</th><th>value</th><th>kind</th><th class=\"n\">articles</th></tr>\n");
            for t in &s.timeline {
                h.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n",
                    escape(&t.date),
                    t.slot,
                    escape(t.place.as_deref().unwrap_or("")),
                    escape(&t.value.key()),
                    t.kind,
                    t.articles
                ));
            }
            h.push_str("</table>\n");
        }
        h.push_str("<table><tr><th>slot</th><th>value</th><th class=\"n\">articles</th><th>qualifiers</th><th>first</th><th>last</th><th>sources</th></tr>\n");
        for slot in &s.slots {
            for v in &slot.values {
                let flags = format!(
                    "{}{}",
                    if v.update { "<span class=\"flag update\">update</span>" } else { "" },
                    if v.outlier { "<span class=\"flag outlier\">outlier</span>" } else { "" }
                );
                let mut sources: Vec<String> =
                    v.sources.iter().map(|src| format!("{} ({})", escape(&src.doc), escape(src.date.as_deref().unwrap_or("undated")))).collect();
                if v.sources_left_out > 0 {
                    sources.push(format!("and {} more", v.sources_left_out));
                }
                h.push_str(&format!(
                    "<tr><td>{}</td><td class=\"{}\">{}{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"src\">{}</td></tr>\n",
                    escape(&label(slot)),
                    if v.top { "top" } else { "" },
                    escape(&v.value.key()),
                    flags,
                    v.articles,
                    v.qualifiers.join(", "),
                    escape(v.first_date.as_deref().unwrap_or("")),
                    escape(v.last_date.as_deref().unwrap_or("")),
                    sources.join(", ")
                ));
            }
        }
        h.push_str("</table>\n");
    }
    h.push_str("</body></html>\n");
    h
}
