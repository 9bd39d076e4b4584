//! Invariance checks (CheckList style): variants of labelled articles that a reader shrugs off,
//! scored against the original's gold, to show how brittle the rules are on a user's own gold.
//!
//! Each [`Kind`] rewrites an article's text and, where it must, its gold:
//! - [`Kind::Misspell`]: every mention of the main service of five letters or more misspelt by one
//!   letter (`Ennetcom` -> `Ennetchom`), for services in the table; the gold is the original's.
//! - [`Kind::Rename`]: the main service renamed to an invented one, given to the run as an extra
//!   service table (`--services`); the gold's operation is renamed with it.
//! - [`Kind::BackgroundLead`], [`Kind::BackgroundEnd`]: a paragraph on an older operation of
//!   another service (with figures of its own) put after the lead or at the end; that service's
//!   operation is left out of the prediction before scoring, so only the original facts count.
//! - [`Kind::CountWords`]: small counts written as words (`7 panden` -> `zeven panden`).
//!
//! Sentences and names in the inserted paragraphs are this project's own (`data::perturb`).

use crate::data::perturb as words;
use crate::data::services::ServiceCatalog;
use crate::record::ArticleRecord;

/// A kind of variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Kind {
    Misspell,
    Rename,
    BackgroundLead,
    BackgroundEnd,
    CountWords,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Misspell, Kind::Rename, Kind::BackgroundLead, Kind::BackgroundEnd, Kind::CountWords];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Misspell => "misspell",
            Kind::Rename => "rename",
            Kind::BackgroundLead => "background-lead",
            Kind::BackgroundEnd => "background-end",
            Kind::CountWords => "count-words",
        }
    }
}

/// One variant of one article.
#[derive(Debug, Clone)]
pub struct Variant {
    pub text: String,
    /// The gold to score the variant against.
    pub gold: ArticleRecord,
    /// A service the variant introduced, whose operation is removed from the prediction.
    pub inserted: Option<String>,
    /// A service table line (JSON) the run needs (`Kind::Rename`).
    pub service_line: Option<String>,
    /// What changed, for the reader (`Ennetcom -> Ennetchom`).
    pub change: String,
}

/// A stable hash of a document id, to vary the edits between articles reproducibly.
fn seed(doc: &str, salt: u64) -> u64 {
    let h = crate::rng::fnv1a(doc.as_bytes()) ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
}

/// The variant of `kind` of one article with its gold, or `None` where the kind does not apply
/// (no main service, no mention long enough to misspell, no small count).
pub fn variant(kind: Kind, text: &str, gold: &ArticleRecord, catalog: &ServiceCatalog) -> Option<Variant> {
    match kind {
        Kind::Misspell => misspell(text, gold, catalog),
        Kind::Rename => rename(text, gold, catalog),
        Kind::BackgroundLead => background(text, gold, catalog, false),
        Kind::BackgroundEnd => background(text, gold, catalog, true),
        Kind::CountWords => count_words(text, gold),
    }
}

/// Byte ranges of every mention of `service`'s spellings: case-insensitive, whole words or the
/// first part of a hyphenated compound; longest spellings first, never overlapping. Then the
/// other names the pipeline reads as the service (`Iron Chat`, a misspelling in the original), cut
/// to the part of a compound that names it.
fn mentions(text: &str, service: &str, catalog: &ServiceCatalog) -> Vec<(usize, usize)> {
    let mut spellings: Vec<String> =
        catalog.spellings().into_iter().filter(|s| s.service == service).map(|s| s.text.to_lowercase()).collect();
    spellings.push(service.to_lowercase());
    spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    spellings.dedup();
    let lower = text.to_lowercase();
    let mut out = if lower.len() != text.len() {
        // Lowercasing changed byte lengths (rare letters): match the spellings as written.
        let spellings: Vec<String> = catalog.spellings().into_iter().filter(|s| s.service == service).map(|s| s.text).collect();
        mentions_in(text, &spellings)
    } else {
        mentions_in(&lower, &spellings)
    };
    for (a, b) in found_by_pipeline(text, service, catalog) {
        if !out.iter().any(|&(x, y)| x < b && a < y) {
            out.push((a, b));
        }
    }
    out.sort_unstable();
    out
}

/// Mentions of `service` as the pipeline's service finder reads them, each cut to the longest
/// part before a hyphen that names the service on its own (`Iron-Chat` of `Iron-Chat-proces`).
fn found_by_pipeline(text: &str, service: &str, catalog: &ServiceCatalog) -> Vec<(usize, usize)> {
    use crate::document::Stage;
    let Ok(mut doc) = crate::Document::from_text("perturb", text.to_string()) else { return Vec::new() };
    if crate::text::Segmenter::default().process(&mut doc).is_err() {
        return Vec::new();
    }
    let table = crate::rules::services::ServiceTable::new(std::sync::Arc::new(catalog.clone()));
    table
        .find(&doc)
        .into_iter()
        .filter(|m| m.service == service)
        .map(|m| {
            let surface = &text[m.span];
            let mut cuts = std::iter::once(surface.len()).chain(surface.rmatch_indices('-').map(|(at, _)| at));
            // Else the part before the first hyphen, or the whole word (`IronChat's`).
            let fallback = surface.find('-').unwrap_or(surface.len());
            let end = cuts.find(|&end| table.service_of(&surface[..end]).as_deref() == Some(service)).unwrap_or(fallback);
            (m.span.start, m.span.start + end)
        })
        .collect()
}

fn mentions_in(hay: &str, spellings: &[String]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for s in spellings {
        for (start, _) in hay.match_indices(s.as_str()) {
            let end = start + s.len();
            let before_ok = !hay[..start].chars().next_back().is_some_and(char::is_alphanumeric);
            let after_ok = !hay[end..].chars().next().is_some_and(char::is_alphanumeric);
            if before_ok && after_ok && !out.iter().any(|&(a, b)| a < end && start < b) {
                out.push((start, end));
            }
        }
    }
    out.sort_unstable();
    out
}

/// `surface` misspelt by one letter after its first: a doubled letter, a dropped one, two
/// swapped, or an `h` put in; which and where is fixed by `seed`.
pub fn misspelt(surface: &str, seed: u64) -> String {
    let chars: Vec<char> = surface.chars().collect();
    let letters: Vec<usize> = (1..chars.len()).filter(|&i| chars[i].is_alphabetic()).collect();
    if letters.len() < 3 {
        return surface.to_string();
    }
    // Not the last letter, so the name keeps its ending.
    let at = letters[(seed as usize / 4) % (letters.len() - 1)];
    let mut out = chars.clone();
    match seed % 4 {
        0 => out.insert(at, chars[at]),
        1 => {
            out.remove(at);
        }
        2 if chars.get(at + 1).is_some_and(|c| c.is_alphabetic() && *c != chars[at]) => out.swap(at, at + 1),
        _ => out.insert(at + 1, if chars[at].is_uppercase() { 'H' } else { 'h' }),
    }
    out.into_iter().collect()
}

/// Letters in a surface (`Sky ECC` has six).
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

fn replace_ranges(text: &str, ranges: &[(usize, usize)], with: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for &(a, b) in ranges {
        out.push_str(&text[last..a]);
        match with(&text[a..b]) {
            Some(r) => out.push_str(&r),
            None => out.push_str(&text[a..b]),
        }
        last = b;
    }
    out.push_str(&text[last..]);
    out
}

fn misspell(text: &str, gold: &ArticleRecord, catalog: &ServiceCatalog) -> Option<Variant> {
    let main = gold.main_service()?;
    // Only a known name has a misspelling to recognise (ANNOTATION.md); a misspelt new service
    // is another name.
    catalog.entries().iter().find(|e| e.service == main)?;
    let ranges = mentions(text, main, catalog);
    let s = seed(&gold.doc, 1);
    let out = replace_ranges(text, &ranges, |surface| (letters(surface) >= 5).then(|| misspelt(surface, s)));
    let mut changed: Vec<String> = ranges
        .iter()
        .map(|&(a, b)| &text[a..b])
        .filter(|surface| letters(surface) >= 5)
        .map(|surface| format!("{surface} -> {}", misspelt(surface, s)))
        .collect();
    changed.sort();
    changed.dedup();
    if changed.is_empty() {
        return None;
    }
    Some(Variant { text: out, gold: gold.clone(), inserted: None, service_line: None, change: changed.join(", ") })
}

fn rename(text: &str, gold: &ArticleRecord, catalog: &ServiceCatalog) -> Option<Variant> {
    let main = gold.main_service()?;
    let ranges = mentions(text, main, catalog);
    if ranges.is_empty() {
        return None;
    }
    let name = words::INVENTED_SERVICES[seed(&gold.doc, 2) as usize % words::INVENTED_SERVICES.len()];
    let out = replace_ranges(text, &ranges, |_| Some(name.to_string()));
    let mut g = gold.clone();
    for op in &mut g.operations {
        if op.service == main {
            op.service = name.to_string();
        }
    }
    let line = serde_json::json!({"service": name, "spellings": [name], "about": "invented for an invariance check"}).to_string();
    Some(Variant { text: out, gold: g, inserted: None, service_line: Some(line), change: format!("{main} -> {name}") })
}

/// The byte offset just past the lead: the end of the first line that reads as a sentence.
fn after_lead(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim();
        let sentence = body.split_whitespace().count() >= 8 && body.ends_with(['.', '!', '?', '"', '\u{201d}']);
        offset += line.len();
        if sentence {
            return Some(offset);
        }
    }
    None
}

fn background(text: &str, gold: &ArticleRecord, catalog: &ServiceCatalog, at_end: bool) -> Option<Variant> {
    gold.main_service()?;
    let named: Vec<&str> = gold.operations.iter().map(|o| o.service.as_str()).collect();
    let s = seed(&gold.doc, 3);
    // An older service the article does not name, with a full name of five letters or more.
    let candidates: Vec<&(&str, i32)> = words::OLDER_SERVICES.iter().filter(|(svc, _)| !named.contains(svc)).collect();
    let &(other, year) = *candidates.get(s as usize % candidates.len().max(1))?;
    catalog.entries().iter().find(|e| e.service == other)?;
    let template = words::BACKGROUND_PARAGRAPHS[(s >> 8) as usize % words::BACKGROUND_PARAGRAPHS.len()];
    let count = 20 + (s >> 16) % 180;
    let paragraph = template.replace("{S}", other).replace("{Y}", &year.to_string()).replace("{N}", &count.to_string());
    let out = if at_end {
        let trimmed = text.trim_end();
        format!("{trimmed}\n\n{paragraph}\n")
    } else {
        let at = after_lead(text)?;
        let sep = if text[..at].ends_with('\n') { "" } else { "\n" };
        format!("{}{sep}\n{paragraph}\n{}", &text[..at], &text[at..])
    };
    Some(Variant {
        text: out,
        gold: gold.clone(),
        inserted: Some(other.to_string()),
        service_line: None,
        change: format!("{} paragraph on {other} ({year})", if at_end { "closing" } else { "second" }),
    })
}

fn count_words(text: &str, gold: &ArticleRecord) -> Option<Variant> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || matches!(bytes[i - 1], b'.' | b',' | b'-' | b'/' | b':'))) {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let n: usize = text[start..i].parse().unwrap_or(0);
            // A count: a space, then a lowercase word that is no month or unit of time of day.
            let rest = &text[i..];
            let next: String = rest.strip_prefix(' ').unwrap_or("").chars().take_while(|c| c.is_alphabetic()).collect();
            let month = crate::data::numbers::MONTHS.iter().chain(crate::data::numbers::MONTH_ABBREVIATIONS).any(|(m, _)| *m == next);
            let is_count = (2..=20).contains(&n)
                && next.chars().next().is_some_and(char::is_lowercase)
                && !month
                && !words::NOT_COUNTED_AFTER.contains(&next.as_str());
            if is_count {
                ranges.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    if ranges.is_empty() {
        return None;
    }
    // The number words of the synthetic corpus: 0 to 19, and the tens (`twintig`).
    let word = |n: usize| if n < 20 { crate::data::synth::UNITS[n] } else { crate::data::synth::TENS[n / 10] };
    let out = replace_ranges(text, &ranges, |d| d.parse::<usize>().ok().map(|n| word(n).to_string()));
    Some(Variant { text: out, gold: gold.clone(), inserted: None, service_line: None, change: format!("{} counts as words", ranges.len()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(line: &str) -> ArticleRecord {
        ArticleRecord::from_json_line(line).unwrap()
    }

    const GOLD: &str = r#"{"doc": "t1", "date": "2021-03", "entities": [], "operations": [{"service": "Ennetcom", "main": true, "facts": [{"slot": "searches", "value": 7}]}]}"#;

    #[test]
    fn misspelling_changes_one_letter_of_every_long_mention() {
        let text = "De politie kraakte Ennetcom. Bij de Ennetcom-zaak werden 7 panden doorzocht; ENNETCOM zweeg.\n";
        let v = variant(Kind::Misspell, text, &record(GOLD), &ServiceCatalog::builtin()).unwrap();
        assert!(!v.text.contains("Ennetcom") && !v.text.to_lowercase().contains("ennetcom"), "{}", v.text);
        assert_eq!(v.text.matches("-zaak").count(), 1);
        for w in ["Ennetcom", "ENNETCOM"] {
            let m = misspelt(w, seed("t1", 1));
            let chars = |s: &str| s.chars().collect::<Vec<char>>();
            assert_eq!(crate::rules::services::edit_distance(&chars(w), &chars(&m), 3), 1, "{w} -> {m}");
        }
    }

    #[test]
    fn every_edit_kind_is_one_letter() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        for s in 0..16 {
            let m = misspelt("EncroChat", s);
            assert!(m.starts_with('E') && m.ends_with('t'), "{m}");
            assert_eq!(crate::rules::services::edit_distance(&chars("EncroChat"), &chars(&m), 3), 1, "{m}");
        }
    }

    #[test]
    fn rename_renames_text_gold_and_gives_a_service_line() {
        let text = "De politie kraakte Ennetcom. Ennetcom-gebruikers schrokken.\n";
        let v = variant(Kind::Rename, text, &record(GOLD), &ServiceCatalog::builtin()).unwrap();
        let name = v.gold.main_service().unwrap().to_string();
        assert!(v.text.contains(&format!("kraakte {name}.")) && v.text.contains(&format!("{name}-gebruikers")), "{}", v.text);
        assert!(v.service_line.unwrap().contains(&name));
    }

    #[test]
    fn background_goes_after_the_lead_or_at_the_end() {
        let text = " date 2021-03 Kop zonder punt\nDe politie heeft de dienst Ennetcom vorige week gekraakt en vijf mensen opgepakt.\nTweede alinea.\n";
        let lead = variant(Kind::BackgroundLead, text, &record(GOLD), &ServiceCatalog::builtin()).unwrap();
        let other = lead.inserted.clone().unwrap();
        assert_ne!(other, "Ennetcom");
        let lines: Vec<&str> = lead.text.lines().collect();
        assert!(lines[1].contains("gekraakt") && lines[2].is_empty() && lines[3].contains(&other), "{}", lead.text);
        let end = variant(Kind::BackgroundEnd, text, &record(GOLD), &ServiceCatalog::builtin()).unwrap();
        assert!(end.text.trim_end().ends_with('.') && end.text.lines().last().unwrap().contains(end.inserted.as_deref().unwrap()));
    }

    #[test]
    fn small_counts_become_words_but_dates_and_decimals_stay() {
        let text = "Op 7 maart werden 7 panden doorzocht en 12 mensen opgepakt, 2,5 kilo en 300 kogels.\n";
        let v = variant(Kind::CountWords, text, &record(GOLD), &ServiceCatalog::builtin()).unwrap();
        assert_eq!(v.text, "Op 7 maart werden zeven panden doorzocht en twaalf mensen opgepakt, 2,5 kilo en 300 kogels.\n");
    }
}
