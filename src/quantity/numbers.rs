//! The number grammar: one number, written in digits or words, starting at a token.
//!
//! Word cardinals written as one word (`twaalfhonderd`, `tweeëndertig`, `vijftienhonderd`,
//! `tweehonderdduizend`, `miljard`) go to `text2num`'s Dutch interpreter, which handles them all
//! and tells ordinals (`vierde` → `4e`) apart. It falls short on what this grammar adds:
//! - Dutch digit formats (`50.000`, `2,3`, `1.200,50`) and digits with a word multiplier
//!   (`2,3 miljoen`, `4 mln.`, `1,5 mld`): `text2num` reads words only;
//! - fractions (`anderhalf`, `een half miljoen`, `een kwart miljoen`), glued to a cardinal
//!   (`tweeënhalf`) or after it (`twee en een half`): `text2num` returns NaN for them;
//! - collective numerals (`een twintigtal` = about 20): `text2num` does not know them;
//! - vague amounts (`tientallen`, `miljoenen`, `meerdere`, `een paar`) and `geen`/`niemand` as 0;
//! - `een` as a number only in a figure context: `text2num` reads every `een` as 1.
//!
//! Multi-word numbers are combined here (`twintig miljoen`: `text2num` reads `twintig`, the
//! multiplier table the rest), so `text2num` only ever sees one word that ends like a cardinal.

use super::lexicon::{Context, Lexicon};
use super::words::Words;
use crate::document::Qualifier;

/// A number found at a token: tokens `[start, end)`, value `num / den`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberMatch {
    pub start: usize,
    pub end: usize,
    pub num: f64,
    pub den: f64,
    /// The qualifier the number carries itself: `vague` for a vague amount (`tientallen`), which
    /// no hedge overrides; `about` for a collective numeral (`een twintigtal`), which a hedge does.
    pub qualifier: Option<Qualifier>,
    /// A bare fraction (`half`, `anderhalf`): a number only when a unit follows.
    pub needs_unit: bool,
    /// Written in digits (so glued hyphens, colons and slashes make it a code, time or range).
    pub digits: bool,
}

impl NumberMatch {
    pub(crate) fn value(&self) -> f64 {
        self.num / self.den
    }

    pub(crate) fn is_vague(&self) -> bool {
        self.qualifier == Some(Qualifier::Vague)
    }
}

/// Most digits a number may have before it is taken for a code rather than a count.
const MAX_DIGITS: usize = 15;

/// Parses a Dutch digit string (`50.000`, `2,3`, `1.200,50`, `750`) as (numerator, denominator).
///
/// Thousands groups after a dot must have three digits, so times (`14.30`) and dates (`1.4`)
/// fail; a leading zero (`06`, `0800`) marks a phone number or code; letters (`2e`, `10x`) an
/// ordinal or a multiplier sign. All of these return `None`.
pub(crate) fn parse_digits(s: &str) -> Option<(f64, f64)> {
    let (int_part, frac_part) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut digits = 0usize;
    let mut num = 0f64;
    for (k, group) in int_part.split('.').enumerate() {
        let ok_len = if k == 0 { (1..=3).contains(&group.len()) || !int_part.contains('.') } else { group.len() == 3 };
        if !ok_len || group.is_empty() || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        for b in group.bytes() {
            num = num * 10.0 + f64::from(b - b'0');
        }
        digits += group.len();
    }
    if int_part.len() > 1 && int_part.starts_with('0') {
        return None;
    }
    let mut den = 1f64;
    if let Some(frac) = frac_part {
        if frac.is_empty() || frac.len() > 6 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        for b in frac.bytes() {
            num = num * 10.0 + f64::from(b - b'0');
            den *= 10.0;
        }
        digits += frac.len();
    }
    (digits <= MAX_DIGITS).then_some((num, den))
}

/// Reads numbers at token positions, with the lexicon's tables.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumberGrammar<'l> {
    pub lex: &'l Lexicon,
}

impl<'l> NumberGrammar<'l> {
    /// The number starting at token `i`, not reaching token `limit`.
    pub(crate) fn parse(&self, words: &Words, i: usize, limit: usize) -> Option<NumberMatch> {
        if i >= limit {
            return None;
        }
        if words.is_number(i) {
            let (num, den) = parse_digits(words.raw(i))?;
            let m = NumberMatch { start: i, end: i + 1, num, den, qualifier: None, needs_unit: false, digits: true };
            return Some(self.multiply(words, self.tail(words, m, limit), limit));
        }
        if let Some((len, v)) = self.lex.vague_phrase(words, i, limit) {
            return Some(self.vague(words, i, i + len, v, limit));
        }
        let w = words.word(i);
        if let Some(entry) = self.lex.number(w) {
            if let Some(v) = entry.vague {
                return Some(self.vague(words, i, i + 1, v, limit));
            }
            if let Some((n, d)) = entry.fraction {
                return Some(self.fraction(words, i, i, n, d, limit));
            }
            if let Some(ctx) = entry.one {
                return self.one(words, i, ctx, limit);
            }
            if let Some(ctx) = entry.zero {
                let counted = ctx == Context::Always || self.counted_noun_follows(words, i, limit);
                return counted.then(|| exact(i, 0.0, 1.0));
            }
        }
        if let Some(m) = self.compound(words, i, i, limit) {
            return Some(m);
        }
        if self.lex.may_be_number_word(w) {
            let value = self.word_cardinal(w)?;
            return Some(self.multiply(words, self.tail(words, exact(i, value, 1.0), limit), limit));
        }
        None
    }

    /// A vague amount over tokens `[start, end)` with lower bound `v`, then a plural scale
    /// (`enkele honderden`) or multipliers (`een paar honderd`, `enkele miljoenen`).
    fn vague(&self, words: &Words, start: usize, end: usize, v: f64, limit: usize) -> NumberMatch {
        let mut m = exact(start, v, 1.0);
        m.end = end;
        m.qualifier = Some(Qualifier::Vague);
        // Plural scales multiply in turn (`enkele honderden miljoenen` = 2 × 100 × 1 000 000).
        let mut scaled = false;
        while let Some(scale) = self.lex.number(words.word(m.end)).and_then(|n| n.vague_scale).filter(|_| m.end < limit) {
            m.num *= scale;
            m.end += 1;
            scaled = true;
        }
        if scaled {
            return m;
        }
        self.multiply(words, m, limit)
    }

    /// A cardinal glued to a fraction (`tweeënhalf`, `drieënhalve`) or a collective ending
    /// (`twintigtal`) at token `at`, the match starting at `start` (an `een` before it).
    fn compound(&self, words: &Words, start: usize, at: usize, limit: usize) -> Option<NumberMatch> {
        if at >= limit {
            return None;
        }
        let w = words.word(at);
        let mut m = exact(start, 0.0, 1.0);
        m.end = at + 1;
        if let Some((stem, n, d)) = self.lex.fraction_ending(w) {
            m.num = self.stem_cardinal(stem)? * d + n;
            m.den = d;
            return Some(self.multiply(words, m, limit));
        }
        m.num = self.stem_cardinal(self.lex.collective_stem(w)?)?;
        m.qualifier = Some(Qualifier::About);
        Some(m)
    }

    /// The cardinal a compound word starts with (`twee` in `tweeënhalf`).
    fn stem_cardinal(&self, stem: &str) -> Option<f64> {
        if self.lex.number(stem).is_some_and(|n| n.one.is_some()) {
            return Some(1.0);
        }
        if !self.lex.may_be_number_word(stem) {
            return None;
        }
        self.word_cardinal(stem).filter(|v| *v > 0.0)
    }

    /// A fraction after a whole number (`twee en een half`, `2 en een halve`).
    fn tail(&self, words: &Words, mut m: NumberMatch, limit: usize) -> NumberMatch {
        if m.den != 1.0 {
            return m;
        }
        if let Some((len, n, d)) = self.lex.fraction_tail(words, m.end, limit) {
            m.num = m.num * d + n;
            m.den = d;
            m.end += len;
        }
        m
    }

    /// A one-word cardinal through `text2num`; `None` for ordinals and non-numbers.
    fn word_cardinal(&self, word: &str) -> Option<f64> {
        let digits = text2num::text2digits(word, &self.lex.dutch).ok()?;
        if digits.is_empty() || digits.len() > MAX_DIGITS || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse::<f64>().ok()
    }

    /// Applies up to two multipliers after `m` (`2,3 miljoen`, `honderd duizend`).
    fn multiply(&self, words: &Words, mut m: NumberMatch, limit: usize) -> NumberMatch {
        for _ in 0..2 {
            match self.lex.multiplier(words.word(m.end)) {
                Some(x) if m.end < limit => {
                    m.num *= x;
                    m.end += 1;
                    m.needs_unit = false;
                }
                _ => break,
            }
        }
        m
    }

    /// A fraction word at `at` (the match starting at `start`): a number with a multiplier, or one needing a unit.
    fn fraction(&self, words: &Words, start: usize, at: usize, n: f64, d: f64, limit: usize) -> NumberMatch {
        let mut m = exact(start, n, d);
        m.end = at + 1;
        m.needs_unit = true;
        self.multiply(words, m, limit)
    }

    /// `één` is 1; `een` only before a fraction, multiplier, unit or counted noun.
    fn one(&self, words: &Words, i: usize, ctx: Context, limit: usize) -> Option<NumberMatch> {
        let next = words.word(i + 1);
        let next_entry = if i + 1 < limit { self.lex.number(next) } else { None };
        if let Some((n, d)) = next_entry.and_then(|e| e.fraction) {
            return Some(self.fraction(words, i, i + 1, n, d, limit));
        }
        if let Some(m) = self.compound(words, i, i + 1, limit) {
            return Some(m);
        }
        let figure = next_entry.is_some_and(|e| e.multiplier.is_some() || e.unit.is_some());
        if ctx == Context::Always || figure || self.counted_noun_follows(words, i, limit) {
            return Some(self.multiply(words, exact(i, 1.0, 1.0), limit));
        }
        None
    }

    /// A counted noun right after token `i`, or after one lowercase adjective (`een grote cocaïnewasserij`).
    fn counted_noun_follows(&self, words: &Words, i: usize, limit: usize) -> bool {
        let direct = i + 1 < limit && words.is_lowercase_word(i + 1) && self.lex.is_counted_noun(words.word(i + 1));
        direct
            || (i + 2 < limit
                && words.is_lowercase_word(i + 1)
                && self.lex.number(words.word(i + 1)).is_none()
                && !self.lex.is_amount_noun(words.word(i + 1))
                && words.is_lowercase_word(i + 2)
                && self.lex.is_counted_noun(words.word(i + 2)))
    }
}

fn exact(i: usize, num: f64, den: f64) -> NumberMatch {
    NumberMatch { start: i, end: i + 1, num, den, qualifier: None, needs_unit: false, digits: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::WordTokenizer;

    /// The value of the number at the start of `text`, or `None`.
    fn number(text: &str) -> Option<f64> {
        let tokens = WordTokenizer.tokenize(text);
        let words = Words::new(text, &tokens);
        let m = NumberGrammar { lex: Lexicon::shared() }.parse(&words, 0, words.len())?;
        (!m.needs_unit).then(|| m.value())
    }

    macro_rules! assert_number {
        ($text:expr, $value:expr) => {
            assert_eq!(number($text), Some($value as f64), "number of {:?}", $text);
        };
    }

    macro_rules! assert_not_number {
        ($text:expr) => {
            assert_eq!(number($text), None, "{:?} should not be a number", $text);
        };
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("50.000"), Some((50000.0, 1.0)));
        assert_eq!(parse_digits("2,3"), Some((23.0, 10.0)));
        assert_eq!(parse_digits("1.200,50"), Some((120050.0, 100.0)));
        assert_eq!(parse_digits("14.30"), None);
        assert_eq!(parse_digits("0800"), None);
        assert_eq!(parse_digits("0,5"), Some((5.0, 10.0)));
        assert_eq!(parse_digits("2e"), None);
        assert_eq!(parse_digits("1234567890123456"), None);
        assert_eq!(parse_digits("1.2345"), None);
        assert_eq!(parse_digits(""), None);
    }

    #[test]
    fn cardinals_in_words_and_digits() {
        assert_number!("één", 1);
        assert_number!("twee", 2);
        assert_number!("drie", 3);
        assert_number!("vijf", 5);
        assert_number!("tien", 10);
        assert_number!("elf", 11);
        assert_number!("twaalf", 12);
        assert_number!("achttien", 18);
        assert_number!("negentien", 19);
        assert_number!("twintig", 20);
        assert_number!("dertig", 30);
        assert_number!("tachtig", 80);
        assert_number!("negentig", 90);
        assert_number!("vijfenzeventig", 75);
        assert_number!("tweeëndertig", 32);
        assert_number!("honderd", 100);
        assert_number!("driehonderd", 300);
        assert_number!("twaalfhonderd", 1200);
        assert_number!("vijftienhonderd", 1500);
        assert_number!("negentienhonderd", 1900);
        assert_number!("duizend", 1000);
        assert_number!("drieduizend", 3000);
        assert_number!("achtduizend", 8000);
        assert_number!("tweehonderdduizend", 200000);
        assert_number!("miljoen", 1_000_000);
        assert_number!("miljard", 1_000_000_000);
        assert_number!("Twaalfhonderd", 1200);
        assert_number!("twintig miljoen", 20_000_000);
        assert_number!("tachtig miljoen", 80_000_000);
        assert_number!("twee honderd", 200);
        assert_number!("een miljoen", 1_000_000);
        assert_number!("een half miljoen", 500_000);
        assert_number!("anderhalf miljoen", 1_500_000);
        assert_number!("50.000", 50000);
        assert_number!("145.000", 145000);
        assert_number!("1.200", 1200);
        assert_number!("2,3 miljoen", 2_300_000);
        assert_number!("3,6 miljoen", 3_600_000);
        assert_number!("4 miljoen", 4_000_000);
        assert_number!("4 mln", 4_000_000);
        assert_number!("4 mln.", 4_000_000);
        assert_number!("1,5 mld", 1_500_000_000);
        assert_number!("2 miljard", 2_000_000_000);
        assert_number!("100 duizend", 100_000);
        assert_number!("niemand", 0);
        assert_number!("geen arrestaties", 0);
        assert_number!("een cocaïnewasserij", 1);
        assert_number!("een synthetisch drugslab", 1);
        assert_number!("tientallen", 20);
        assert_number!("tientallen miljoenen", 20_000_000);
        // Rulings of 2026-12.
        assert_number!("een groot aantal", 2);
        assert_number!("tal van", 2);
    }

    #[test]
    fn not_numbers() {
        assert_not_number!("vierde");
        assert_not_number!("eerste");
        assert_not_number!("2e");
        assert_not_number!("een aardschok");
        assert_not_number!("geen gebruik");
        assert_not_number!("alleen");
        assert_not_number!("nacht");
        assert_not_number!("half");
        assert_not_number!("anderhalf");
        assert_not_number!("Peter");
        assert_not_number!("€");
    }
}
