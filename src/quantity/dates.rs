//! The date grammar and the `DateTagger` stage: absolute dates (`19 april 2016`, `september
//! 2020`, `in 2016`, `het voorjaar van 2020`) and dates relative to the header (`april vorig
//! jaar`, `dinsdag`, `vandaag`, `sinds 1 april van dit jaar`).
//!
//! The grammar ([`scan`]) is shared with the `NumberTagger`: every token it claims for a date
//! (a year, the `1` of `1 april`) is no quantity, so the two taggers never disagree.
//!
//! Resolution choices: a month without a year takes the header's year (`sinds februari` under
//! `2021-03` is `2021-02`); weekdays, `vandaag`, `vannacht` and weeks (`vorige week`) resolve to
//! the header's month, the day being unknown; `de afgelopen maand` is the header's month,
//! `vorige maand` the one before. Without a header every relative date has no value. A bare
//! four-digit number is a year after `in`/`sinds`/... (`YEAR_PRECEDERS`), or when no lowercase
//! word follows it (`in 2016 en 2017.`), but never before a unit or multiplier (`2000 kilo`)
//! nor after a hedge or currency sign (`ruim 2000 verdachten`, `€ 2000`).

use super::lexicon::{date_flags as flags, Lexicon};
use super::words::Words;
use crate::data::numbers as data;
use crate::document::{DateMention, Document, Stage, TokenKind};
use crate::error::Result;

/// A resolved date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    Year(i32),
    Month(i32, u32),
    Day(i32, u32, u32),
}

impl DateValue {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn format(&self) -> String {
        match *self {
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::Month(y, m) => format!("{y:04}-{m:02}"),
            DateValue::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        }
    }
}

/// The header date (`YYYY-MM` or `YYYY-MM-DD`) that relative dates resolve against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderDate {
    pub year: i32,
    pub month: u32,
    /// The day, under a day header (` date 2021-03-09 `).
    pub day: Option<u32>,
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

impl HeaderDate {
    /// Parses `YYYY-MM` or `YYYY-MM-DD` (a real day); `None` for anything else.
    pub fn parse(s: &str) -> Option<HeaderDate> {
        let mut parts = s.split('-');
        let y = parts.next()?;
        let year = y.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = match parts.next() {
            Some(d) => Some(d.parse().ok()?),
            None => None,
        };
        if parts.next().is_some() || y.len() != 4 || !(1..=12).contains(&month) {
            return None;
        }
        if let Some(d) = day {
            let (_, m2, d2) = civil_from_days(days_from_civil(year, month, d));
            if d == 0 || (m2, d2) != (month, d) {
                return None;
            }
        }
        Some(HeaderDate { year, month, day })
    }

    /// The day `offset` days from the header's day (`gisteren` = -1); the header's month when
    /// the header has no day.
    fn day_shifted(&self, offset: i64) -> DateValue {
        match self.day {
            Some(d) => {
                let (y, m, d) = civil_from_days(days_from_civil(self.year, self.month, d) + offset);
                DateValue::Day(y, m, d)
            }
            None => self.shifted(0),
        }
    }

    /// The weekday `iso` (1 = Monday) on or before the header's day; the header's month
    /// without a day.
    fn weekday_on_or_before(&self, iso: u32) -> DateValue {
        match self.day {
            Some(d) => {
                let days = days_from_civil(self.year, self.month, d);
                let today = (days + 3).rem_euclid(7) + 1;
                self.day_shifted(-(today - i64::from(iso)).rem_euclid(7))
            }
            None => self.shifted(0),
        }
    }

    /// The year of a month (and day) written without one: the header's, or the year before when
    /// that would lie after the header (`sinds 1 september` under `2023-02` is `2022-09-01`).
    fn year_of(&self, month: u32, day: Option<u32>) -> i32 {
        let after = month > self.month || (month == self.month && matches!((day, self.day), (Some(d), Some(h)) if d > h));
        if after {
            self.year - 1
        } else {
            self.year
        }
    }

    /// The header's month moved by `offset` months.
    fn shifted(&self, offset: i32) -> DateValue {
        let total = self.year * 12 + (self.month as i32 - 1) + offset;
        DateValue::Month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
    }
}

/// The most days month `m` (1–12) can have; 0 for no month.
fn days_in_month(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    }
}

/// A date found by the grammar: tokens `[start, end)` and its value, if it resolves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub value: Option<DateValue>,
}

/// The date grammar over one sentence's tokens `[from, to)`.
pub(crate) struct DateGrammar<'a> {
    pub lex: &'a Lexicon,
    pub words: &'a Words<'a>,
    pub from: usize,
    pub to: usize,
    pub header: Option<HeaderDate>,
}

/// Finds the dates in tokens `[from, to)`, left to right, without overlaps.
pub(crate) fn scan(grammar: &DateGrammar, mut found: impl FnMut(DateMatch)) {
    let mut i = grammar.from;
    while i < grammar.to {
        match grammar.parse_at(i) {
            Some(m) if m.end > i => {
                i = m.end;
                found(m);
            }
            _ => i += 1,
        }
    }
}

impl DateGrammar<'_> {
    fn word(&self, i: usize) -> &str {
        if i < self.to {
            self.words.word(i)
        } else {
            ""
        }
    }

    fn date_word(&self, i: usize) -> Option<&crate::quantity::lexicon::DateWord> {
        if i < self.to {
            self.lex.date(self.words.word(i))
        } else {
            None
        }
    }

    /// The plain four-digit number at `i` in the year range.
    fn plain_year(&self, i: usize) -> Option<i32> {
        if i >= self.to || !self.words.is_number(i) {
            return None;
        }
        let raw = self.words.raw(i);
        if raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = raw.parse().ok()?;
        (data::YEAR_RANGE.0..=data::YEAR_RANGE.1).contains(&y).then_some(y)
    }

    /// The day number (1–31, one or two plain digits) at `i`.
    fn day_number(&self, i: usize) -> Option<u32> {
        if i >= self.to || !self.words.is_number(i) {
            return None;
        }
        let raw = self.words.raw(i);
        if raw.is_empty() || raw.len() > 2 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let d: u32 = raw.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    fn is_separator_glued(&self, i: usize, sep: &str) -> bool {
        self.words.raw(i) == sep && i > 0 && self.words.glued(i - 1) && self.words.glued(i)
    }

    fn match_phrases(&self, i: usize, table: &[(&[&str], i32)]) -> Option<(usize, i32)> {
        table
            .iter()
            .filter(|(p, _)| self.words.matches(i, self.to, p))
            .max_by_key(|(p, _)| p.len())
            .map(|&(p, off)| (i + p.len(), off))
    }

    /// A relative year (`vorig jaar`) at `i`: its end and the year, if the header resolves it.
    fn relative_year(&self, i: usize) -> Option<(usize, Option<i32>)> {
        if !self.date_word(i).is_some_and(|d| d.has(flags::PHRASE)) {
            return None;
        }
        let (end, off) = self.match_phrases(i, data::RELATIVE_YEARS)?;
        Some((end, self.header.map(|h| h.year + off)))
    }

    /// The year after a month (`2016`, `van 2016`, `vorig jaar`, `van dit jaar`), or the end of
    /// a range's year (`mei en oktober 2021`), or the header's (`HeaderDate::year_of`).
    fn year_spec(&self, i: usize, month: u32, day: Option<u32>) -> (usize, Option<i32>) {
        let at = if self.word(i) == "van" { i + 1 } else { i };
        if let Some(y) = self.plain_year(at) {
            return (at + 1, Some(y));
        }
        if let Some((end, y)) = self.relative_year(at) {
            return (end, y);
        }
        // `op 9 maart van dat jaar`: the year last named before it in the sentence.
        if data::SAME_YEAR.contains(&self.word(at)) && self.word(at + 1) == "jaar" {
            if let Some(y) = (self.from..i).rev().find_map(|j| self.plain_year(j)) {
                return (at + 2, Some(y));
            }
        }
        // `tussen mei en oktober 2021`: the range's year for both ends.
        let link = match (self.word(i), self.word(i + 1)) {
            ("tot", "en") if self.word(i + 2) == "met" => 3,
            ("en" | "tot" | "t/m" | "-" | "–", _) => 1,
            _ => 0,
        };
        if link > 0 {
            let at = i + link;
            let at = if self.day_number(at).is_some() { at + 1 } else { at };
            if self.date_word(at).is_some_and(|d| d.month > 0 || d.month_abbr > 0) {
                if let Some(y) = self.plain_year(at + 1) {
                    return (i, Some(y));
                }
            }
        }
        (i, self.header.map(|h| h.year_of(month, day)))
    }

    /// `1 april`, `19 april 2016`, `13 jan.`, `1 april van dit jaar`, `9 maart van dat jaar`.
    fn day_month(&self, i: usize) -> Option<DateMatch> {
        let day = self.day_number(i)?;
        let dw = self.date_word(i + 1)?;
        let month = if dw.month > 0 { dw.month } else { dw.month_abbr };
        if month == 0 || day > days_in_month(month) {
            return None;
        }
        let (end, year) = self.year_spec(i + 2, month, Some(day));
        Some(DateMatch { start: i, end, value: year.map(|y| DateValue::Day(y, month, day)) })
    }

    /// `19-4-2016`, `19/04/2016` (glued), and ISO `2016-04-19`.
    fn numeric_date(&self, i: usize) -> Option<DateMatch> {
        let sep = self.words.raw(i + 1);
        if !(sep == "-" || sep == "/") || i + 4 >= self.to {
            return None;
        }
        if !(self.is_separator_glued(i + 1, sep) && self.is_separator_glued(i + 3, sep)) {
            return None;
        }
        let num = |k: usize| self.words.raw(k).parse::<u32>().ok();
        let (a, b, c) = (num(i)?, num(i + 2)?, num(i + 4)?);
        let value = if let Some(y) = self.plain_year(i + 4) {
            DateValue::Day(y, b, a)
        } else if let Some(y) = self.plain_year(i) {
            DateValue::Day(y, b, c)
        } else {
            return None;
        };
        let DateValue::Day(_, m, d) = value else { return None };
        ((1..=12).contains(&m) && (1..=days_in_month(m)).contains(&d)).then_some(DateMatch { start: i, end: i + 5, value: Some(value) })
    }

    /// A bare year at `i`; `in_context` when a date word (a modifier) precedes it.
    fn bare_year(&self, i: usize, in_context: bool) -> Option<DateMatch> {
        let y = self.plain_year(i)?;
        let glued_code = |k: usize| matches!(self.words.raw(k), "-" | "/" | ":");
        if (i > 0 && self.words.glued(i - 1) && glued_code(i - 1)) || (self.words.glued(i) && glued_code(i + 1)) {
            return None;
        }
        let year = Some(DateMatch { start: i, end: i + 1, value: Some(DateValue::Year(y)) });
        let next = self.word(i + 1);
        if i + 1 < self.to && self.lex.number(next).is_some_and(|n| n.unit.is_some() || n.multiplier.is_some()) {
            return None;
        }
        if in_context {
            return year;
        }
        let floor = self.from;
        if i > floor {
            let prev = self.words.word(i - 1);
            if self.lex.hedge_before(self.words, i, floor, f64::from(y)).is_some()
                || self.lex.number(prev).is_some_and(|n| n.currency_prefix.is_some())
            {
                return None;
            }
            if self.lex.date(prev).is_some_and(|d| d.has(flags::YEAR_PRECEDER)) {
                return year;
            }
            if i >= floor + 2 && data::YEAR_COORDINATORS.contains(&prev) && self.plain_year(i - 2).is_some() {
                return year;
            }
        }
        if self.date_word(i + 1).is_some_and(|d| d.has(flags::YEAR_FOLLOWER)) {
            return year;
        }
        let lowercase_next = i + 1 < self.to && self.words.is_lowercase_word(i + 1);
        if lowercase_next {
            None
        } else {
            year
        }
    }

    /// A date that a modifier (`begin`, `half`) may precede: month, season, relative or bare year.
    fn core(&self, i: usize, after_modifier: bool) -> Option<DateMatch> {
        if i >= self.to {
            return None;
        }
        if self.words.kind(i) == Some(TokenKind::Number) {
            return self.day_month(i).or_else(|| self.numeric_date(i)).or_else(|| self.bare_year(i, after_modifier));
        }
        let dw = *self.date_word(i)?;
        if dw.month > 0 {
            let (end, year) = self.year_spec(i + 1, dw.month, None);
            return Some(DateMatch { start: i, end, value: year.map(|y| DateValue::Month(y, dw.month)) });
        }
        if dw.has(flags::SEASON) {
            let at = if self.word(i + 1) == "van" { i + 2 } else { i + 1 };
            if let Some(y) = self.plain_year(at) {
                return Some(DateMatch { start: i, end: at + 1, value: Some(DateValue::Year(y)) });
            }
            let (end, y) = self.relative_year(at)?;
            return Some(DateMatch { start: i, end, value: y.map(DateValue::Year) });
        }
        if dw.has(flags::PHRASE) {
            if let Some((end, y)) = self.relative_year(i) {
                return Some(DateMatch { start: i, end, value: y.map(DateValue::Year) });
            }
            if let Some((end, off)) = self.match_phrases(i, data::RELATIVE_MONTHS) {
                return Some(DateMatch { start: i, end, value: self.header.map(|h| h.shifted(off)) });
            }
        }
        None
    }

    /// The date starting at token `i`, if any.
    pub(crate) fn parse_at(&self, i: usize) -> Option<DateMatch> {
        match self.words.kind(i)? {
            TokenKind::Punct => return None,
            TokenKind::Number => return self.core(i, false),
            TokenKind::Word => {}
        }
        let dw = *self.date_word(i)?;
        if dw.has(flags::NEAR_DAY) {
            if dw.has(flags::WEEKDAY) {
                if let Some(m) = self.day_month(i + 1) {
                    return Some(DateMatch { start: i, ..m });
                }
            }
            let word = self.word(i);
            let value = self.header.map(|h| match data::WEEKDAYS.iter().position(|d| word.starts_with(d)) {
                Some(k) if dw.has(flags::WEEKDAY) || word.len() > data::WEEKDAYS[k].len() => h.weekday_on_or_before(k as u32 + 1),
                _ => h.day_shifted(data::RELATIVE_DAY_OFFSETS.iter().find(|(w, _)| word.starts_with(w)).map_or(0, |(_, o)| *o)),
            });
            return Some(DateMatch { start: i, end: i + 1, value });
        }
        if dw.has(flags::MODIFIER) {
            if let Some(m) = self.core(i + 1, true) {
                return Some(DateMatch { start: i, ..m });
            }
        }
        self.core(i, false)
    }
}

/// Dates that point back to the last date named (`Datzelfde jaar werd ...`, `Dezelfde dag nam
/// de politie ...`, `data::SAME_DATE`): the last resolved date before them in the text, cut to
/// the precision they name. Those of sentence `[from, to)` go in at their place among the
/// sentence's own dates, which start at index `first` of `dates`.
fn back_references(words: &Words, (from, to): (usize, usize), first: usize, dates: &mut Vec<DateMention>) {
    let mut i = from;
    while i < to {
        let Some((phrase, precision)) = data::SAME_DATE.iter().find(|(p, _)| words.matches(i, to, p)) else {
            i += 1;
            continue;
        };
        let span = words.cover(i, i + phrase.len() - 1);
        i += phrase.len();
        if dates.iter().any(|d| d.span.overlaps(span)) {
            continue;
        }
        let last = dates.iter().rev().filter(|d| d.span.end <= span.start).find_map(|d| d.value.clone());
        let value = last.map(|v| match precision {
            data::Precision::Year => v[..4].to_string(),
            data::Precision::Month => v[..v.len().min(7)].to_string(),
            data::Precision::Day => v,
        });
        let at = first + dates[first..].iter().take_while(|d| d.span.start < span.start).count();
        dates.insert(at, DateMention { span, value });
    }
}

/// Fills `Document::dates` from the date grammar.
///
/// Reads `Document::text`, `tokens`, `sentences` (dates never cross a sentence) and `date` (the
/// header, for relative dates); fills `Document::dates`, in text order, each with a span into
/// `text` and a `YYYY`/`YYYY-MM`/`YYYY-MM-DD` value, or `None` when relative without a header.
#[derive(Debug, Clone)]
pub struct DateTagger {
    lexicon: &'static Lexicon,
}

impl Default for DateTagger {
    fn default() -> DateTagger {
        DateTagger { lexicon: Lexicon::shared() }
    }
}


impl Stage for DateTagger {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn process(&self, doc: &mut Document) -> Result<()> {
        doc.dates.clear();
        let words = Words::new(&doc.text, &doc.tokens);
        let header = doc.date.as_deref().and_then(HeaderDate::parse);
        for (from, to) in super::sentence_ranges(&doc.sentences, doc.tokens.len()) {
            let grammar = DateGrammar { lex: self.lexicon, words: &words, from, to, header };
            let before = doc.dates.len();
            scan(&grammar, |m| {
                let span = words.cover(m.start, m.end.saturating_sub(1).max(m.start));
                doc.dates.push(DateMention { span, value: m.value.map(|v| v.format()) });
            });
            back_references(&words, (from, to), before, &mut doc.dates);
        }
        Ok(())
    }
}
