//! The `NumberTagger` stage: numbers with their hedge, unit and rate, as `Quantity`s.
//!
//! A quantity is `[hedge] [currency sign] number [unit] [rate]`: `meer dan 8000 kilo`,
//! `ruim € 4 mln.`, `800 euro per half jaar`, `zo'n drieduizend`. The hedge qualifies only the
//! number right after it; a vague amount (`tientallen`) is always `vague`. A unit may be two
//! words (`Britse pond`); `ton` before a money word is 100 000 euro (`vijf ton aan contanten`),
//! else 1000 kg (`twee ton drugs`).
//!
//! Not counts, so not tagged: what the date grammar claims (years, the day of `1 april`); digits
//! glued to `-`, `/` or `:` (`52-jarige`, `06-12345678`, `14:30`, ranges); a leading zero
//! (`0800`); times and ages (`om 14 uur`, `52 jaar oud`, `Peter R. de Vries (64)`); ordinals
//! (`vierde`, `2e`). Percentages are tagged with `Unit::Percent`.
//!
//! A rate (`per jaar`, `voor zes maanden`, `per stuk`) is read only after money and is part of
//! the quantity's span; its months are then no quantity of their own.

use super::dates::{self, DateGrammar, HeaderDate};
use super::lexicon::{Lexicon, UnitWord};
use super::numbers::{NumberGrammar, NumberMatch};
use super::words::Words;
use crate::document::{Document, Per, Quantity, Stage, Unit};
use crate::error::Result;

/// Largest number in parentheses read as an age (`Peter R. de Vries (64)`).
const MAX_AGE: f64 = 130.0;

/// Largest number of months a rate may cover.
const MAX_RATE_MONTHS: f64 = 1200.0;

/// Fills `Document::quantities`.
///
/// Reads `Document::text`, `tokens`, `sentences` (a quantity never crosses a sentence) and `date`
/// (so that it skips exactly the years and days the `DateTagger` claims); fills
/// `Document::quantities` in text order, without overlaps, each span indexing `text`.
#[derive(Debug, Clone)]
pub struct NumberTagger {
    lexicon: &'static Lexicon,
}

impl Default for NumberTagger {
    fn default() -> NumberTagger {
        NumberTagger { lexicon: Lexicon::shared() }
    }
}


impl Stage for NumberTagger {
    fn name(&self) -> &'static str {
        "numbers"
    }

    fn process(&self, doc: &mut Document) -> Result<()> {
        doc.quantities.clear();
        let words = Words::new(&doc.text, &doc.tokens);
        let header = doc.date.as_deref().and_then(HeaderDate::parse);
        let mut claimed: Vec<(usize, usize)> = Vec::new();
        for (from, to) in super::sentence_ranges(&doc.sentences, doc.tokens.len()) {
            claimed.clear();
            let grammar = DateGrammar { lex: self.lexicon, words: &words, from, to, header };
            dates::scan(&grammar, |m| claimed.push((m.start, m.end)));
            let tagger = SentenceTagger { lex: self.lexicon, grammar: NumberGrammar { lex: self.lexicon }, words: &words };
            tagger.tag(from, to, &claimed, &mut doc.quantities);
        }
        Ok(())
    }
}

/// The quantity grammar over one sentence.
struct SentenceTagger<'a> {
    lex: &'a Lexicon,
    grammar: NumberGrammar<'a>,
    words: &'a Words<'a>,
}

impl SentenceTagger<'_> {
    /// Tags tokens `[from, to)`, skipping the `claimed` token ranges (sorted, from the date grammar).
    fn tag(&self, from: usize, to: usize, claimed: &[(usize, usize)], out: &mut Vec<Quantity>) {
        let mut i = from;
        let mut floor = from;
        let mut next_claim = 0;
        while i < to {
            while next_claim < claimed.len() && claimed[next_claim].1 <= i {
                next_claim += 1;
            }
            let limit = match claimed.get(next_claim) {
                Some(&(start, end)) if start <= i => {
                    i = end;
                    floor = end;
                    continue;
                }
                Some(&(start, _)) => start.min(to),
                None => to,
            };
            match self.quantity_at(i, floor, limit) {
                Some((q, end)) => {
                    out.push(q);
                    i = end;
                    floor = end;
                }
                None => i += 1,
            }
        }
    }

    /// The quantity whose number (or currency sign) starts at `i`; a hedge may reach back to `floor`.
    fn quantity_at(&self, i: usize, floor: usize, limit: usize) -> Option<(Quantity, usize)> {
        let w = self.words;
        let prefix = self.lex.number(w.word(i)).and_then(|n| n.currency_prefix);
        let num_start = if prefix.is_some() { i + 1 } else { i };
        let m = self.grammar.parse(w, num_start, limit)?;
        if self.is_no_count(&m, limit) {
            return None;
        }
        let mut end = m.end;
        let mut unit = prefix.map(|unit| UnitWord { unit, num: 1.0, den: 1.0 });
        if unit.is_none() {
            if let Some((u, after)) = self.lex.unit_at(w, end, limit) {
                let money = self.lex.number(w.word(end)).and_then(|n| n.money_sense);
                unit = Some(u);
                end = after;
                if let Some(money) = money.filter(|_| self.lex.money_follows(w, end, limit)) {
                    unit = Some(money);
                    let direct = self.lex.number(w.word(end)).is_some_and(|n| n.implied_currency.is_some() || n.unit.is_some());
                    if direct && end < limit {
                        end += 1;
                    }
                }
            }
        }
        if m.needs_unit && unit.is_none() {
            return None;
        }
        if unit.is_none() {
            if let Some(c) = self.lex.number(w.word(end)).and_then(|n| n.implied_currency).filter(|_| end < limit) {
                unit = Some(UnitWord { unit: c, num: 1.0, den: 1.0 });
                end += 1;
            }
        }
        let mut per = None;
        if unit.is_some_and(|u| u.unit.is_money()) {
            if let Some((p, rate_end)) = self.rate(end, limit) {
                per = Some(p);
                end = rate_end;
            }
        }
        let (unit_num, unit_den) = unit.map_or((1.0, 1.0), |u| (u.num, u.den));
        let value = m.num * unit_num / (m.den * unit_den);
        if !value.is_finite() {
            return None;
        }
        let hedge = self.lex.hedge_before(w, i, floor, value);
        let qualifier = if m.is_vague() { m.qualifier } else { hedge.map(|h| h.1).or(m.qualifier) };
        let start = hedge.map_or(i, |h| h.0);
        let q = Quantity {
            span: w.cover(start, end - 1),
            number: w.cover(m.start, m.end - 1),
            value,
            unit: unit.map(|u| u.unit),
            qualifier,
            per,
        };
        Some((q, end))
    }

    /// True when the number is a code, time, range or age rather than a count.
    fn is_no_count(&self, m: &NumberMatch, limit: usize) -> bool {
        let w = self.words;
        let joiner = |k: usize| matches!(w.raw(k), "-" | "/" | ":" | "‐" | "‑" | "–");
        if m.digits {
            let before = m.start > 0 && w.glued(m.start - 1) && joiner(m.start - 1);
            let after = w.glued(m.end - 1) && joiner(m.end);
            if before || after {
                return true;
            }
            let value = m.value();
            let in_parens = m.start > 0 && w.raw(m.start - 1) == "(" && w.raw(m.end) == ")";
            if in_parens && value.fract() == 0.0 && value <= MAX_AGE {
                return true;
            }
        }
        self.lex.non_count_follower(w, m.end, limit)
    }

    /// A rate after money at token `i`: `per jaar`, `per half jaar`, `voor zes maanden`, `per stuk`.
    fn rate(&self, i: usize, limit: usize) -> Option<(Per, usize)> {
        let w = self.words;
        if i >= limit {
            return None;
        }
        let needs_count = self.lex.number(w.word(i))?.rate_intro?;
        let k = i + 1;
        if k >= limit {
            return None;
        }
        if !needs_count {
            if self.lex.number(w.word(k)).is_some_and(|n| n.per_item) {
                return Some((Per::Item, k + 1));
            }
            if let Some(u) = self.lex.unit(w.word(k)).filter(|u| u.unit == Unit::Months) {
                return months(u.num / u.den).map(|p| (p, k + 1));
            }
        }
        let m = self.grammar.parse(w, k, limit)?;
        if m.is_vague() || m.end >= limit {
            return None;
        }
        let u = self.lex.unit(w.word(m.end)).filter(|u| u.unit == Unit::Months)?;
        months(m.num * u.num / (m.den * u.den)).map(|p| (p, m.end + 1))
    }
}

/// `Per::Months` for a whole, positive number of months.
fn months(n: f64) -> Option<Per> {
    ((1.0..=MAX_RATE_MONTHS).contains(&n) && n.fract() == 0.0).then_some(Per::Months(n as u32))
}

