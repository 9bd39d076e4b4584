//! The `Lexicon`: the word tables of `crate::data::numbers` turned into hash maps once per
//! process, plus the `text2num` Dutch interpreter, shared by both taggers.

use crate::data::numbers::{self as data, HedgeFit};
use crate::document::{Qualifier, Unit};
use std::collections::HashMap;
use std::sync::OnceLock;

use super::words::Words;

/// A unit word's unit and the factor (numerator / denominator) it applies to the number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UnitWord {
    pub unit: Unit,
    pub num: f64,
    pub den: f64,
}

/// How a word that can be 1 or 0 behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    /// The word is that number wherever it stands (`één`, `niemand`).
    Always,
    /// Only before a counted noun, multiplier or unit (`een`, `geen`).
    Counted,
}

/// Everything the number grammar knows about one word; most words have one role.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NumWord {
    pub one: Option<Context>,
    pub zero: Option<Context>,
    /// (numerator, denominator) of a fraction word (`anderhalf`).
    pub fraction: Option<(f64, f64)>,
    pub multiplier: Option<f64>,
    pub vague: Option<f64>,
    pub vague_scale: Option<f64>,
    pub unit: Option<UnitWord>,
    /// The unit's meaning before a money word (`ton` = 100 000 euro in `een ton aan cash`).
    pub money_sense: Option<UnitWord>,
    pub currency_prefix: Option<Unit>,
    pub implied_currency: Option<Unit>,
    /// A rate opener; `true` when a count must follow (`voor zes maanden`).
    pub rate_intro: Option<bool>,
    pub per_item: bool,
}

/// Roles of a date word, as bit flags.
pub(crate) mod date_flags {
    pub const SEASON: u16 = 1;
    pub const MODIFIER: u16 = 2;
    /// A weekday or a day near the article (`dinsdag`, `vandaag`): the header's month.
    pub const NEAR_DAY: u16 = 4;
    pub const WEEKDAY: u16 = 8;
    pub const YEAR_PRECEDER: u16 = 16;
    pub const YEAR_FOLLOWER: u16 = 32;
    /// The first word of a relative year or month phrase (`vorig` in `vorig jaar`).
    pub const PHRASE: u16 = 64;
}

/// What the date grammar knows about one word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DateWord {
    /// 1–12 for a month name, else 0.
    pub month: u32,
    /// 1–12 for an abbreviated month (a date only after a day number), else 0.
    pub month_abbr: u32,
    pub flags: u16,
}

impl DateWord {
    pub(crate) fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// The word tables as maps, built once (`Lexicon::shared`).
pub(crate) struct Lexicon {
    numbers: HashMap<&'static str, NumWord>,
    dates: HashMap<String, DateWord>,
    /// Hedges, longest first.
    hedges: Vec<(&'static [&'static str], Qualifier, HedgeFit)>,
    /// Units of several words, longest first.
    unit_phrases: Vec<(&'static [&'static str], UnitWord)>,
    pub dutch: text2num::Language,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("numbers", &self.numbers.len()).field("dates", &self.dates.len()).finish()
    }
}

impl Lexicon {
    /// The process-wide lexicon, built on first use.
    pub(crate) fn shared() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::new)
    }

    fn new() -> Lexicon {
        let mut numbers: HashMap<&'static str, NumWord> = HashMap::new();
        fn entry<'m>(map: &'m mut HashMap<&'static str, NumWord>, w: &'static str) -> &'m mut NumWord {
            map.entry(w).or_default()
        }
        let n = &mut numbers;
        for &w in data::ALWAYS_ONE {
            entry(n, w).one = Some(Context::Always);
        }
        for &w in data::ARTICLE_ONE {
            entry(n, w).one = Some(Context::Counted);
        }
        for &w in data::ALWAYS_ZERO {
            entry(n, w).zero = Some(Context::Always);
        }
        for &w in data::COUNTED_ZERO {
            entry(n, w).zero = Some(Context::Counted);
        }
        for &(w, num, den) in data::FRACTIONS {
            entry(n, w).fraction = Some((num, den));
        }
        for &(w, m) in data::MULTIPLIERS {
            entry(n, w).multiplier = Some(m);
        }
        for &(w, v) in data::VAGUE_AMOUNTS {
            entry(n, w).vague = Some(v);
        }
        for &(w, s) in data::VAGUE_SCALES {
            entry(n, w).vague_scale = Some(s);
        }
        for &(w, unit, num, den) in data::UNIT_WORDS {
            entry(n, w).unit = Some(UnitWord { unit, num, den });
        }
        for &(w, unit, factor) in data::MONEY_SENSES {
            entry(n, w).money_sense = Some(UnitWord { unit, num: factor, den: 1.0 });
        }
        for &(w, unit) in data::CURRENCY_PREFIXES {
            entry(n, w).currency_prefix = Some(unit);
        }
        for &(w, unit) in data::IMPLIED_CURRENCY {
            entry(n, w).implied_currency = Some(unit);
        }
        for &(w, needs_count) in data::RATE_INTROS {
            entry(n, w).rate_intro = Some(needs_count);
        }
        for &w in data::PER_ITEM_WORDS {
            entry(n, w).per_item = true;
        }

        use date_flags::*;
        let mut dates: HashMap<String, DateWord> = HashMap::new();
        let mut flag = |w: &str, f: u16| dates.entry(w.to_string()).or_default().flags |= f;
        for &w in data::SEASONS {
            flag(w, SEASON);
        }
        for &w in data::DATE_MODIFIERS {
            flag(w, MODIFIER);
        }
        for &w in data::RELATIVE_DAYS {
            flag(w, NEAR_DAY);
        }
        for &day in data::WEEKDAYS {
            flag(day, NEAR_DAY | WEEKDAY);
            for part in data::DAY_PARTS {
                flag(&format!("{day}{part}"), NEAR_DAY);
            }
        }
        for &w in data::YEAR_PRECEDERS {
            flag(w, YEAR_PRECEDER);
        }
        for &w in data::YEAR_FOLLOWERS {
            flag(w, YEAR_FOLLOWER);
        }
        let phrases = data::RELATIVE_YEARS.iter().map(|p| p.0).chain(data::RELATIVE_MONTHS.iter().map(|p| p.0));
        for phrase in phrases {
            if let Some(first) = phrase.first() {
                flag(first, PHRASE);
            }
        }
        for &(w, m) in data::MONTHS {
            dates.entry(w.to_string()).or_default().month = m;
        }
        for &(w, m) in data::MONTH_ABBREVIATIONS {
            dates.entry(w.to_string()).or_default().month_abbr = m;
        }

        let mut hedges = data::HEDGES.to_vec();
        hedges.sort_by_key(|h| std::cmp::Reverse(h.0.len()));
        let mut unit_phrases: Vec<_> =
            data::UNIT_PHRASES.iter().map(|&(p, unit, num, den)| (p, UnitWord { unit, num, den })).collect();
        unit_phrases.sort_by_key(|u| std::cmp::Reverse(u.0.len()));
        Lexicon { numbers, dates, hedges, unit_phrases, dutch: text2num::Language::dutch() }
    }

    /// The number roles of a lowercased word, if it has any.
    pub(crate) fn number(&self, word: &str) -> Option<&NumWord> {
        self.numbers.get(word)
    }

    /// The date roles of a lowercased word, if it has any.
    pub(crate) fn date(&self, word: &str) -> Option<&DateWord> {
        self.dates.get(word)
    }

    pub(crate) fn unit(&self, word: &str) -> Option<UnitWord> {
        self.number(word).and_then(|n| n.unit)
    }

    pub(crate) fn multiplier(&self, word: &str) -> Option<f64> {
        self.number(word).and_then(|n| n.multiplier)
    }

    /// The unit starting at token `i` (several words or one, before `limit`) and the token after it.
    pub(crate) fn unit_at(&self, words: &Words, i: usize, limit: usize) -> Option<(UnitWord, usize)> {
        if let Some(&(phrase, u)) = self.unit_phrases.iter().find(|(p, _)| words.matches(i, limit, p)) {
            return Some((u, i + phrase.len()));
        }
        self.unit(words.word(i)).filter(|_| i < limit).map(|u| (u, i + 1))
    }

    /// True when `word` names money: a money unit (`euro`), a cash word (`contanten`), or a
    /// word ending in a money noun (`drugsgeld`).
    pub(crate) fn is_money_word(&self, word: &str) -> bool {
        let entry = self.number(word);
        entry.is_some_and(|n| n.implied_currency.is_some() || n.unit.is_some_and(|u| u.unit.is_money()))
            || data::MONEY_NOUN_ENDINGS.iter().any(|e| word.ends_with(e))
    }

    /// True when a money word stands at token `i`, possibly after a link word (`aan contanten`).
    pub(crate) fn money_follows(&self, words: &Words, i: usize, limit: usize) -> bool {
        let k = if data::MONEY_LINKS.contains(&words.word(i)) { i + 1 } else { i };
        k < limit && self.is_money_word(words.word(k))
    }

    /// A cardinal glued to a fraction ending (`tweeënhalf`): the cardinal's text and the fraction.
    pub(crate) fn fraction_ending<'w>(&self, word: &'w str) -> Option<(&'w str, f64, f64)> {
        data::FRACTION_ENDINGS.iter().find_map(|&(e, n, d)| {
            let stem = word.strip_suffix(e)?;
            (!stem.is_empty()).then_some((stem, n, d))
        })
    }

    /// A fraction after a whole number at token `i` (`en een half`): its length and the fraction.
    pub(crate) fn fraction_tail(&self, words: &Words, i: usize, limit: usize) -> Option<(usize, f64, f64)> {
        data::FRACTION_TAILS.iter().find(|t| words.matches(i, limit, t.0)).map(|t| (t.0.len(), t.1, t.2))
    }

    /// The cardinal of a collective numeral (`twintig` in `twintigtal`).
    pub(crate) fn collective_stem<'w>(&self, word: &'w str) -> Option<&'w str> {
        data::COLLECTIVE_ENDINGS.iter().find_map(|e| word.strip_suffix(e)).filter(|s| !s.is_empty())
    }

    /// A vague amount of several words at token `i` (`een paar`): its length and lower bound.
    pub(crate) fn vague_phrase(&self, words: &Words, i: usize, limit: usize) -> Option<(usize, f64)> {
        data::VAGUE_PHRASES.iter().find(|p| words.matches(i, limit, p.0)).map(|p| (p.0.len(), p.1))
    }

    /// True when `word` ends in a counted noun (`cocaïnewasserij`, `arrestaties`).
    pub(crate) fn is_counted_noun(&self, word: &str) -> bool {
        word.len() >= 3 && data::COUNTED_NOUN_ENDINGS.iter().any(|e| word.ends_with(e))
    }

    /// True when `word` is a noun of amount (`aantal`, `groep`), so no adjective before a counted noun.
    pub(crate) fn is_amount_noun(&self, word: &str) -> bool {
        data::AMOUNT_NOUNS.contains(&word)
    }

    /// True when `word` could be a cardinal `text2num` reads (see `NUMBER_WORD_ENDINGS`).
    pub(crate) fn may_be_number_word(&self, word: &str) -> bool {
        data::NUMBER_WORD_ENDINGS.iter().any(|e| word.ends_with(e))
    }

    /// The hedge ending right before token `i` (not reaching before token `floor`) that fits a
    /// number of `value`: its first token and qualifier.
    pub(crate) fn hedge_before(&self, words: &Words, i: usize, floor: usize, value: f64) -> Option<(usize, Qualifier)> {
        let round = value >= 10.0 && (value % 10.0) == 0.0;
        // The article is no number to hedge (`een zaak rond een cocaïnewasserij`).
        if words.word(i) == "een" && value == 1.0 {
            return None;
        }
        let digits = words.raw(i).starts_with(|c: char| c.is_ascii_digit());
        self.hedges.iter().find_map(|&(phrase, q, fit)| {
            let start = i.checked_sub(phrase.len())?;
            let fits = match fit {
                HedgeFit::Any => true,
                HedgeFit::Round => round,
                HedgeFit::Digits => digits,
            };
            (fits && start >= floor && words.matches(start, i, phrase)).then_some((start, q))
        })
    }

    /// True when the words from `i` on (before `limit`) make a number no count (`uur`, `jaar oud`).
    pub(crate) fn non_count_follower(&self, words: &Words, i: usize, limit: usize) -> bool {
        data::NON_COUNT_FOLLOWERS.iter().any(|p| words.matches(i, limit, p))
    }
}
