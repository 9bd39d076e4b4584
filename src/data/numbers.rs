//! Dutch words for numbers, quantities, hedges, units, rates and dates, as data tables for
//! `crate::quantity`: adding a word here never touches the taggers' control flow.
//!
//! Every entry is lowercase, and apostrophes are written `'` (the taggers fold `’`, `‘` and `` ` ``
//! to `'` before looking a word up). Cardinals written as one word (`twaalfhonderd`,
//! `vijfenzeventig`) are not listed: `text2num` reads them; see `NUMBER_WORD_ENDINGS`.

use crate::document::{Qualifier, Unit};

/// Which numbers a hedge may qualify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeFit {
    /// Any number.
    Any,
    /// Only a number written in digits (`een 9.000 gebruikers`, not `een twintig`).
    Digits,
    /// Only a round number (a multiple of ten): `tegen de 500 verdachten` is almost 500, but
    /// `de zaak tegen de 12 verdachten` is no hedge.
    Round,
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/// Endings of the words worth handing to `text2num` (every Dutch cardinal ends in one of these);
/// a word with none of them is not a cardinal, so it never costs a `text2num` call.
pub const NUMBER_WORD_ENDINGS: &[&str] = &[
    "nul", "een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
    "tig", "honderd", "duizend", "miljoen", "miljard", "biljoen",
];

/// `een` is the article far more often than the number: it counts as 1 only before a multiplier,
/// a unit, or one of these nouns (matched as word endings, so `cocaïnewasserij` ends in
/// `wasserij`), possibly with one adjective in between. `geen` counts as 0 before the same nouns.
/// Singular nouns whose single item is never a figure (`een bericht`, `een telefoon`, `een
/// zaak`) are left out; their plurals stay for `geen berichten`.
pub const COUNTED_NOUN_ENDINGS: &[&str] = &[
    "wasserij", "wasserijen", "lab", "labs", "laboratorium", "laboratoria", "kwekerij", "kwekerijen", "opslagplaats",
    "opslagplaatsen", "loods", "loodsen", "verdachte", "verdachten", "arrestatie", "arrestaties", "aanhouding",
    "aanhoudingen", "doorzoeking", "doorzoekingen", "huiszoeking", "huiszoekingen", "inval", "invallen", "wapen",
    "wapens", "pistool", "pistolen", "geweer", "geweren", "granaat", "granaten", "pand", "panden", "woning",
    "woningen", "gebruikers", "toestellen", "telefoons", "berichten", "zaken", "persoon", "personen", "mensen", "man",
    "mannen", "vrouw", "vrouwen", "agent", "agenten", "rechercheur", "rechercheurs", "servers", "liquidatie",
    "liquidaties", "aanslag", "aanslagen",
];

/// Nouns of amount that are no adjective between `een`/`geen` and a counted noun: `een aantal
/// verdachten`, `een groep mannen` are no figure 1.
pub const AMOUNT_NOUNS: &[&str] = &[
    "aantal", "groep", "reeks", "serie", "hoop", "heleboel", "boel", "massa", "menigte", "stel", "rij", "deel",
    "gedeelte", "handjevol", "lijst", "netwerk", "bende", "familie", "golf",
];

/// Words that are the number 1 wherever they stand (the accented numeral).
pub const ALWAYS_ONE: &[&str] = &["één", "eén"];

/// Words that are 1 only in a figure context (see `COUNTED_NOUN_ENDINGS`).
pub const ARTICLE_ONE: &[&str] = &["een"];

/// Words that count nothing: 0 wherever they stand (`niemand opgepakt`).
pub const ALWAYS_ZERO: &[&str] = &["niemand"];

/// Words that are 0 only before a counted noun (`geen arrestaties`, not `geen gebruik`).
pub const COUNTED_ZERO: &[&str] = &["geen"];

/// Fractions, as (word, numerator, denominator); they are numbers only before a multiplier or a
/// unit (`anderhalf miljoen`, `een half jaar`, `anderhalve ton`, `een kwart miljoen`).
pub const FRACTIONS: &[(&str, f64, f64)] = &[
    ("half", 1.0, 2.0),
    ("halve", 1.0, 2.0),
    ("anderhalf", 3.0, 2.0),
    ("anderhalve", 3.0, 2.0),
    ("kwart", 1.0, 4.0),
    ("driekwart", 3.0, 4.0),
    ("drievierde", 3.0, 4.0),
];

/// Endings that add a fraction to the cardinal they are glued to, as (ending, numerator,
/// denominator): `tweeënhalf` = 2 + 1/2, `vierenhalve ton`. The cardinal before the ending goes
/// to `text2num`; unlike a bare `half`, such a word is a number even without a unit.
/// The first ending that fits wins, so an ending comes before every shorter ending of its own
/// (`eneenhalf` before `enhalf`).
pub const FRACTION_ENDINGS: &[(&str, f64, f64)] = &[
    ("ëneenhalve", 1.0, 2.0),
    ("eneenhalve", 1.0, 2.0),
    ("ëneenhalf", 1.0, 2.0),
    ("eneenhalf", 1.0, 2.0),
    ("ëndriekwart", 3.0, 4.0),
    ("endriekwart", 3.0, 4.0),
    ("ënhalve", 1.0, 2.0),
    ("enhalve", 1.0, 2.0),
    ("ënhalf", 1.0, 2.0),
    ("enhalf", 1.0, 2.0),
];

/// Word sequences after a whole number that add a fraction to it, as (words, numerator,
/// denominator): `twee en een half jaar` = 2,5 years, `drie en een halve ton`.
pub const FRACTION_TAILS: &[(&[&str], f64, f64)] = &[
    (&["en", "een", "half"], 1.0, 2.0),
    (&["en", "een", "halve"], 1.0, 2.0),
    (&["en", "half"], 1.0, 2.0),
    (&["en", "een", "kwart"], 1.0, 4.0),
    (&["en", "driekwart"], 3.0, 4.0),
];

/// Endings of collective numerals: a cardinal glued to one of these is that number with
/// qualifier `about` (`een twintigtal verdachten` = about 20, `een honderdtal`). The cardinal
/// goes to `text2num`, so `aantal` and `getal` are no numbers. Plurals (`tientallen`) are vague
/// amounts instead.
pub const COLLECTIVE_ENDINGS: &[&str] = &["tal"];

/// Words that multiply the number before them (`2,3 miljoen`, `€ 4 mln.`, `1,5 mld`).
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("honderd", 1e2),
    ("duizend", 1e3),
    ("miljoen", 1e6),
    ("mln", 1e6),
    ("mln.", 1e6),
    ("mio", 1e6),
    ("mio.", 1e6),
    ("miljard", 1e9),
    ("mld", 1e9),
    ("mld.", 1e9),
    ("mrd", 1e9),
    ("mrd.", 1e9),
    ("biljoen", 1e12),
];

/// Vague amounts and the lower bound they stand for (ANNOTATION.md): qualifier `vague`.
pub const VAGUE_AMOUNTS: &[(&str, f64)] = &[
    ("tientallen", 20.0),
    ("honderden", 200.0),
    ("duizenden", 2000.0),
    ("tienduizenden", 20_000.0),
    ("honderdduizenden", 200_000.0),
    ("miljoenen", 2_000_000.0),
    ("miljarden", 2_000_000_000.0),
    ("meerdere", 2.0),
    ("diverse", 2.0),
    ("enkele", 2.0),
    ("verschillende", 2.0),
    ("ettelijke", 2.0),
    // ANNOTATION.md: `vele` is a vague amount like `meerdere`; `talloze` is read the same way.
    ("vele", 2.0),
    ("talloze", 2.0),
    // Rulings of 2026-12: `talrijke` too. (`veel` is left out: far more often an adverb, `veel
    // betaald`, `veel meer`, than an amount of counted things.)
    ("talrijke", 2.0),
];

/// Vague amounts of more than one word, with the lower bound they stand for: `een paar` and
/// `een handvol` are a few, like `enkele` (2), so `een paar honderd` = 200, vague.
/// The rulings of 2026-12 add `een aantal`, `een groot aantal`, `heel wat`, `tal van` and `een
/// serie` (2, vague).
pub const VAGUE_PHRASES: &[(&[&str], f64)] = &[
    (&["een", "paar"], 2.0),
    (&["een", "handvol"], 2.0),
    (&["een", "groot", "aantal"], 2.0),
    (&["een", "aantal"], 2.0),
    (&["heel", "wat"], 2.0),
    (&["tal", "van"], 2.0),
    (&["een", "serie"], 2.0),
];

/// Plural scales after a vague amount: `tientallen miljoenen` = 20 × 1 000 000, `enkele
/// honderden` = 2 × 100 (the lower bound either way).
pub const VAGUE_SCALES: &[(&str, f64)] =
    &[("tientallen", 10.0), ("honderden", 1e2), ("duizenden", 1e3), ("miljoenen", 1e6), ("miljarden", 1e9)];

// ---------------------------------------------------------------------------------------------
// Hedges
// ---------------------------------------------------------------------------------------------

/// Hedges, as word sequences; each qualifies only the number right after it (a currency symbol
/// may stand between: `ruim € 4 miljoen`), and is part of the quantity's span. The longest
/// match wins.
///
/// The schema has no qualifier for an upper bound: after `minder dan`, `maximaal`, `hooguit`,
/// `ten hoogste`, `nog geen` or `tot` the number is tagged bare (no qualifier, span without the
/// bound), so they are deliberately not listed. `omstreeks` is left out too: it mostly dates
/// (`omstreeks 2018`), and a hedge before a year makes the date grammar drop it.
pub const HEDGES: &[(&[&str], Qualifier, HedgeFit)] = &[
    (&["meer", "dan"], Qualifier::MoreThan, HedgeFit::Any),
    (&["meer", "als"], Qualifier::MoreThan, HedgeFit::Any),
    (&["ruim"], Qualifier::MoreThan, HedgeFit::Any),
    (&["over", "de"], Qualifier::MoreThan, HedgeFit::Any),
    (&["boven", "de"], Qualifier::MoreThan, HedgeFit::Any),
    (&["dik"], Qualifier::MoreThan, HedgeFit::Any),
    (&["een", "dikke"], Qualifier::MoreThan, HedgeFit::Any),
    (&["een", "goede"], Qualifier::MoreThan, HedgeFit::Any),
    (&["minstens"], Qualifier::AtLeast, HedgeFit::Any),
    (&["minimaal"], Qualifier::AtLeast, HedgeFit::Any),
    (&["ten", "minste"], Qualifier::AtLeast, HedgeFit::Any),
    (&["tenminste"], Qualifier::AtLeast, HedgeFit::Any),
    (&["zeker"], Qualifier::AtLeast, HedgeFit::Any),
    (&["op", "zijn", "minst"], Qualifier::AtLeast, HedgeFit::Any),
    (&["op", "z'n", "minst"], Qualifier::AtLeast, HedgeFit::Any),
    (&["bijna"], Qualifier::Almost, HedgeFit::Any),
    (&["bijkans"], Qualifier::Almost, HedgeFit::Any),
    (&["nagenoeg"], Qualifier::Almost, HedgeFit::Any),
    (&["vrijwel"], Qualifier::Almost, HedgeFit::Any),
    (&["krap"], Qualifier::Almost, HedgeFit::Any),
    (&["een", "kleine"], Qualifier::Almost, HedgeFit::Any),
    (&["tegen", "de"], Qualifier::Almost, HedgeFit::Round),
    (&["zo'n"], Qualifier::About, HedgeFit::Any),
    (&["zo'n", "beetje"], Qualifier::About, HedgeFit::Any),
    (&["ongeveer"], Qualifier::About, HedgeFit::Any),
    (&["circa"], Qualifier::About, HedgeFit::Any),
    (&["ca."], Qualifier::About, HedgeFit::Any),
    (&["ca"], Qualifier::About, HedgeFit::Any),
    (&["rond"], Qualifier::About, HedgeFit::Any),
    (&["rond", "de"], Qualifier::About, HedgeFit::Any),
    (&["rondom"], Qualifier::About, HedgeFit::Any),
    (&["zowat"], Qualifier::About, HedgeFit::Any),
    (&["naar", "schatting"], Qualifier::About, HedgeFit::Any),
    (&["pakweg"], Qualifier::About, HedgeFit::Any),
    (&["ruwweg"], Qualifier::About, HedgeFit::Any),
    (&["grofweg"], Qualifier::About, HedgeFit::Any),
    (&["om", "en", "nabij"], Qualifier::About, HedgeFit::Any),
    (&["om", "en", "nabij", "de"], Qualifier::About, HedgeFit::Any),
    (&["een", "stuk", "of"], Qualifier::About, HedgeFit::Any),
    (&["in", "de", "orde", "van"], Qualifier::About, HedgeFit::Any),
    (&["plusminus"], Qualifier::About, HedgeFit::Any),
    // ANNOTATION.md: `een` before a figure (`een 9.000 gebruikers`).
    (&["een"], Qualifier::About, HedgeFit::Digits),
    (&["±"], Qualifier::About, HedgeFit::Any),
];

// ---------------------------------------------------------------------------------------------
// Units and rates
// ---------------------------------------------------------------------------------------------

/// Unit words after a number, as (word, unit, numerator, denominator): the value is multiplied
/// by numerator / denominator (`twee ton` = 2000 kg, `half jaar` = 6 months).
///
/// `pond` is taken as pounds sterling: in news about seizures it is money (`54 miljoen pond`),
/// the weight (half a kilo) is colloquial. `ton` is 1000 kg here; before a money word it is the
/// colloquial 100 000 euro instead (see `MONEY_SENSES`).
pub const UNIT_WORDS: &[(&str, Unit, f64, f64)] = &[
    ("kilo", Unit::Kg, 1.0, 1.0),
    ("kilo's", Unit::Kg, 1.0, 1.0),
    ("kilos", Unit::Kg, 1.0, 1.0),
    ("kilogram", Unit::Kg, 1.0, 1.0),
    ("kilogrammen", Unit::Kg, 1.0, 1.0),
    ("kg", Unit::Kg, 1.0, 1.0),
    ("kg.", Unit::Kg, 1.0, 1.0),
    ("ton", Unit::Kg, 1000.0, 1.0),
    ("tonnen", Unit::Kg, 1000.0, 1.0),
    ("gram", Unit::Kg, 1.0, 1000.0),
    ("gr", Unit::Kg, 1.0, 1000.0),
    ("gr.", Unit::Kg, 1.0, 1000.0),
    ("euro", Unit::Eur, 1.0, 1.0),
    ("euro's", Unit::Eur, 1.0, 1.0),
    ("eur", Unit::Eur, 1.0, 1.0),
    ("€", Unit::Eur, 1.0, 1.0),
    ("pond", Unit::Gbp, 1.0, 1.0),
    ("ponden", Unit::Gbp, 1.0, 1.0),
    ("gbp", Unit::Gbp, 1.0, 1.0),
    ("£", Unit::Gbp, 1.0, 1.0),
    ("dollar", Unit::Usd, 1.0, 1.0),
    ("dollars", Unit::Usd, 1.0, 1.0),
    ("usd", Unit::Usd, 1.0, 1.0),
    ("$", Unit::Usd, 1.0, 1.0),
    ("procent", Unit::Percent, 1.0, 1.0),
    ("%", Unit::Percent, 1.0, 1.0),
    ("maand", Unit::Months, 1.0, 1.0),
    ("maanden", Unit::Months, 1.0, 1.0),
    ("mnd", Unit::Months, 1.0, 1.0),
    ("mnd.", Unit::Months, 1.0, 1.0),
    ("kwartaal", Unit::Months, 3.0, 1.0),
    ("kwartalen", Unit::Months, 3.0, 1.0),
    ("jaar", Unit::Months, 12.0, 1.0),
    ("jaren", Unit::Months, 12.0, 1.0),
    ("week", Unit::Weeks, 1.0, 1.0),
    ("weken", Unit::Weeks, 1.0, 1.0),
    ("dag", Unit::Days, 1.0, 1.0),
    ("dagen", Unit::Days, 1.0, 1.0),
];

/// Units of more than one word, as for `UNIT_WORDS`; tried before the one-word units, longest
/// first (`54 miljoen Britse pond`, `pond sterling`).
pub const UNIT_PHRASES: &[(&[&str], Unit, f64, f64)] = &[
    (&["britse", "pond"], Unit::Gbp, 1.0, 1.0),
    (&["britse", "ponden"], Unit::Gbp, 1.0, 1.0),
    (&["engelse", "pond"], Unit::Gbp, 1.0, 1.0),
    (&["pond", "sterling"], Unit::Gbp, 1.0, 1.0),
    (&["britse", "pond", "sterling"], Unit::Gbp, 1.0, 1.0),
    (&["amerikaanse", "dollar"], Unit::Usd, 1.0, 1.0),
    (&["amerikaanse", "dollars"], Unit::Usd, 1.0, 1.0),
    (&["us", "dollar"], Unit::Usd, 1.0, 1.0),
    (&["us-dollar"], Unit::Usd, 1.0, 1.0),
    (&["us-dollars"], Unit::Usd, 1.0, 1.0),
];

/// Unit words that mean money before a money word, as (word, unit, factor): in Dutch money
/// talk `vijf ton aan contanten` is 500 000 euro, while `twee ton drugs` stays 2000 kg.
pub const MONEY_SENSES: &[(&str, Unit, f64)] = &[("ton", Unit::Eur, 100_000.0)];

/// Words after which a `MONEY_SENSES` word is money, possibly after `aan` (`een ton aan
/// contanten`): the money units (`euro`), `IMPLIED_CURRENCY` (`cash`), and any word ending in
/// one of these (`contant geld`, `drugsgeld`, `bankbiljetten`).
pub const MONEY_NOUN_ENDINGS: &[&str] = &["geld", "biljetten"];

/// Words that may stand between a `MONEY_SENSES` word and the money word (`een ton aan cash`).
pub const MONEY_LINKS: &[&str] = &["aan", "in"];

/// Currency symbols written before the number (`€ 4 mln`, `£54m`).
pub const CURRENCY_PREFIXES: &[(&str, Unit)] =
    &[("€", Unit::Eur), ("eur", Unit::Eur), ("£", Unit::Gbp), ("$", Unit::Usd), ("us$", Unit::Usd)];

/// Words that make a bare amount money (`4 miljoen cash`): in Dutch news a bare amount of cash is in euros.
pub const IMPLIED_CURRENCY: &[(&str, Unit)] =
    &[("cash", Unit::Eur), ("contant", Unit::Eur), ("contanten", Unit::Eur), ("euro-cash", Unit::Eur)];

/// Words that open a rate after an amount of money, and whether a count must follow
/// (`per jaar`, `per half jaar`, but `voor zes maanden`: `voor de telefoon` is no rate).
pub const RATE_INTROS: &[(&str, bool)] =
    &[("per", false), ("elk", false), ("elke", false), ("ieder", false), ("iedere", false), ("voor", true)];

/// Nouns after `per` that make an amount a price per item (`per stuk`, `per toestel`).
pub const PER_ITEM_WORDS: &[&str] = &[
    "stuk", "toestel", "telefoon", "persoon", "exemplaar", "apparaat", "licentie", "abonnement", "gebruiker",
    "account", "stuks",
];

/// Word sequences after a number that make it no count: times (`om 14 uur`) and ages (`52 jaar oud`).
pub const NON_COUNT_FOLLOWERS: &[&[&str]] =
    &[&["uur"], &["u."], &["jaar", "oud"], &["jarige"], &["jarig"], &["jaar", "jong"]];

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// Month names; a date on their own (`sinds februari`).
pub const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("april", 4),
    ("mei", 5),
    ("juni", 6),
    ("juli", 7),
    ("augustus", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
];

/// Abbreviated months: dates only after a day number (`13 jan.`); `Jan` alone is a name.
pub const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("jan.", 1),
    ("feb", 2),
    ("feb.", 2),
    ("febr", 2),
    ("febr.", 2),
    ("mrt", 3),
    ("mrt.", 3),
    ("apr", 4),
    ("apr.", 4),
    ("jun", 6),
    ("jun.", 6),
    ("jul", 7),
    ("jul.", 7),
    ("aug", 8),
    ("aug.", 8),
    ("sep", 9),
    ("sep.", 9),
    ("sept", 9),
    ("sept.", 9),
    ("okt", 10),
    ("okt.", 10),
    ("nov", 11),
    ("nov.", 11),
    ("dec", 12),
    ("dec.", 12),
];

/// Weekdays; with `DAY_PARTS` they make compounds (`dinsdagavond`). A weekday is the header's month.
pub const WEEKDAYS: &[&str] = &["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

/// Parts of the day glued to a weekday (`zaterdagnacht`).
pub const DAY_PARTS: &[&str] = &["ochtend", "morgen", "middag", "avond", "nacht"];

/// Words for a day near the article's date: the header's month.
pub const RELATIVE_DAYS: &[&str] = &[
    "vandaag", "gisteren", "eergisteren", "vanmiddag", "vanochtend", "vanmorgen", "vanavond", "vannacht",
    "gisteravond", "gistermiddag", "gisterochtend", "gistermorgen", "gisternacht",
];

/// Days before the header's day of the words in `RELATIVE_DAYS` that are not today (matched
/// as prefixes, longest first: `eergisteren` before `gisteren`).
pub const RELATIVE_DAY_OFFSETS: &[(&str, i64)] = &[("eergisteren", -2), ("gister", -1)];

/// Phrases for a year relative to the header's: (words, years to add). `van` before them is
/// allowed after a month (`1 april van dit jaar`).
pub const RELATIVE_YEARS: &[(&[&str], i32)] = &[
    (&["dit", "jaar"], 0),
    (&["vorig", "jaar"], -1),
    (&["verleden", "jaar"], -1),
    (&["afgelopen", "jaar"], -1),
    (&["volgend", "jaar"], 1),
    (&["komend", "jaar"], 1),
];

/// Phrases for a month relative to the header's: (words, months to add). `de afgelopen maand` is
/// the month-long stretch up to the article (its month); `vorige maand` the month before.
/// Weeks resolve to the header's month (the article's day is unknown).
pub const RELATIVE_MONTHS: &[(&[&str], i32)] = &[
    (&["deze", "maand"], 0),
    (&["vorige", "maand"], -1),
    (&["afgelopen", "maand"], -1),
    (&["de", "afgelopen", "maand"], 0),
    (&["volgende", "maand"], 1),
    (&["komende", "maand"], 1),
    (&["deze", "week"], 0),
    (&["vorige", "week"], 0),
    (&["afgelopen", "week"], 0),
    (&["de", "afgelopen", "week"], 0),
    (&["volgende", "week"], 0),
    (&["komende", "week"], 0),
];

/// Words that narrow a month or year (`begin 2018`, `half februari`, `eind vorig jaar`): part of
/// the date's span, not of its value.
pub const DATE_MODIFIERS: &[&str] =
    &["begin", "eind", "einde", "medio", "half", "halverwege", "midden", "eerder", "later"];

/// Seasons: dates only with a year (`het voorjaar van 2020`, `zomer 2021`, `najaar vorig jaar`).
pub const SEASONS: &[&str] = &["voorjaar", "lente", "zomer", "najaar", "herfst", "winter"];

/// Words before a four-digit number that make it a year (`in 2016`, `sinds 2018`).
pub const YEAR_PRECEDERS: &[&str] = &[
    "in", "sinds", "sedert", "vanaf", "tot", "t/m", "tussen", "jaar", "uit", "begin", "eind", "einde", "medio",
    "halverwege", "midden", "voorjaar", "zomer", "najaar", "winter", "herfst", "lente",
];

/// Words after a four-digit number that make it a year (`2017 was het jaar`, `2020 begon`).
pub const YEAR_FOLLOWERS: &[&str] = &["was", "werd", "werden", "begon", "bleek", "kwam", "zag", "bracht"];

/// Words that join two years (`in 2016 en 2017`): a four-digit number after one of them and a
/// year is a year too.
pub const YEAR_COORDINATORS: &[&str] = &["en", "of", "tot", "t/m", "-", "–"];

/// The years a four-digit number can be (inclusive).
pub const YEAR_RANGE: (i32, i32) = (1900, 2099);

/// How precise a back-referring date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Phrases that point back to the date last named, across sentences (`Datzelfde jaar werd een
/// server van PGP Safe in beslag genomen`), and the precision they keep.
pub const SAME_DATE: &[(&[&str], Precision)] = &[
    (&["datzelfde", "jaar"], Precision::Year), (&["hetzelfde", "jaar"], Precision::Year),
    (&["diezelfde", "maand"], Precision::Month), (&["dezelfde", "maand"], Precision::Month),
    (&["dezelfde", "dag"], Precision::Day), (&["diezelfde", "dag"], Precision::Day),
    (&["die", "dag"], Precision::Day), (&["op", "die", "dag"], Precision::Day),
];

/// Words before `jaar` that point back to the year last named (`op 9 maart van dat jaar`).
pub const SAME_YEAR: &[&str] = &["dat", "datzelfde", "hetzelfde", "dezelfde"];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every table word is lowercase with `'` apostrophes (the taggers look words up folded).
    fn check_words<'a>(table: &str, words: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for w in words {
            assert!(!w.is_empty(), "{table}: empty word");
            assert_eq!(w, w.to_lowercase(), "{table}: {w:?} is not lowercase");
            assert!(!w.contains(['’', '‘', '`']), "{table}: {w:?} must use ' as apostrophe");
            assert!(seen.insert(w), "{table}: {w:?} listed twice");
        }
    }

    #[test]
    fn tables_are_lowercase_and_without_duplicates() {
        check_words("NUMBER_WORD_ENDINGS", NUMBER_WORD_ENDINGS.iter().copied());
        check_words("COUNTED_NOUN_ENDINGS", COUNTED_NOUN_ENDINGS.iter().copied());
        check_words("AMOUNT_NOUNS", AMOUNT_NOUNS.iter().copied());
        check_words("ONE/ZERO", ALWAYS_ONE.iter().chain(ARTICLE_ONE).chain(ALWAYS_ZERO).chain(COUNTED_ZERO).copied());
        check_words("FRACTIONS", FRACTIONS.iter().map(|f| f.0));
        check_words("MULTIPLIERS", MULTIPLIERS.iter().map(|f| f.0));
        check_words("VAGUE_AMOUNTS", VAGUE_AMOUNTS.iter().map(|f| f.0));
        check_words("VAGUE_SCALES", VAGUE_SCALES.iter().map(|f| f.0));
        check_words("FRACTION_ENDINGS", FRACTION_ENDINGS.iter().map(|f| f.0));
        check_words("COLLECTIVE_ENDINGS", COLLECTIVE_ENDINGS.iter().copied());
        check_words("MONEY_SENSES", MONEY_SENSES.iter().map(|f| f.0));
        check_words("MONEY_NOUN_ENDINGS", MONEY_NOUN_ENDINGS.iter().copied());
        check_words("MONEY_LINKS", MONEY_LINKS.iter().copied());
        for phrase in VAGUE_PHRASES.iter().map(|p| p.0).chain(FRACTION_TAILS.iter().map(|p| p.0)) {
            check_words("VAGUE_PHRASES/FRACTION_TAILS", phrase.iter().copied());
        }
        for (phrase, ..) in UNIT_PHRASES {
            check_words("UNIT_PHRASES", phrase.iter().copied());
        }
        check_words("UNIT_WORDS", UNIT_WORDS.iter().map(|f| f.0));
        check_words("CURRENCY_PREFIXES", CURRENCY_PREFIXES.iter().map(|f| f.0));
        check_words("IMPLIED_CURRENCY", IMPLIED_CURRENCY.iter().map(|f| f.0));
        check_words("RATE_INTROS", RATE_INTROS.iter().map(|f| f.0));
        check_words("PER_ITEM_WORDS", PER_ITEM_WORDS.iter().copied());
        check_words("MONTHS", MONTHS.iter().map(|f| f.0).chain(MONTH_ABBREVIATIONS.iter().map(|f| f.0)));
        check_words("WEEKDAYS", WEEKDAYS.iter().chain(DAY_PARTS).chain(RELATIVE_DAYS).copied());
        check_words("DATE_MODIFIERS", DATE_MODIFIERS.iter().copied());
        check_words("SEASONS", SEASONS.iter().copied());
        check_words("YEAR_PRECEDERS", YEAR_PRECEDERS.iter().copied());
        check_words("YEAR_FOLLOWERS", YEAR_FOLLOWERS.iter().copied());
        for (phrase, ..) in HEDGES {
            check_words("HEDGES", phrase.iter().copied());
        }
        let hedges: HashSet<_> = HEDGES.iter().map(|h| h.0).collect();
        assert_eq!(hedges.len(), HEDGES.len(), "a hedge is listed twice");
        for (phrase, _) in RELATIVE_YEARS.iter().chain(RELATIVE_MONTHS) {
            check_words("RELATIVE_YEARS/MONTHS", phrase.iter().copied());
        }
    }

    #[test]
    fn values_are_sane() {
        assert!(FRACTIONS.iter().chain(FRACTION_ENDINGS).all(|f| f.1 > 0.0 && f.2 > 0.0));
        for (k, (e, ..)) in FRACTION_ENDINGS.iter().enumerate() {
            assert!(!FRACTION_ENDINGS[k + 1..].iter().any(|(l, ..)| l.ends_with(e)), "{e:?} must come after its longer forms");
        }
        assert!(FRACTION_TAILS.iter().all(|f| f.1 > 0.0 && f.2 > f.1 && !f.0.is_empty()));
        assert!(VAGUE_PHRASES.iter().all(|v| v.1 >= 2.0 && v.0.len() >= 2));
        assert!(UNIT_PHRASES.iter().all(|u| u.2 > 0.0 && u.3 > 0.0 && !u.0.is_empty()));
        assert!(MONEY_SENSES.iter().all(|m| m.1.is_money() && m.2 > 0.0 && UNIT_WORDS.iter().any(|u| u.0 == m.0)));
        assert!(MULTIPLIERS.iter().all(|m| m.1 >= 100.0));
        assert!(VAGUE_AMOUNTS.iter().chain(VAGUE_SCALES).all(|v| v.1 >= 2.0));
        assert!(VAGUE_SCALES.iter().all(|s| VAGUE_AMOUNTS.iter().any(|a| a.0 == s.0)), "a scale must also be a vague amount");
        assert!(UNIT_WORDS.iter().all(|u| u.2 > 0.0 && u.3 > 0.0));
        let months: HashSet<u32> = MONTHS.iter().map(|m| m.1).collect();
        assert_eq!(months, (1..=12).collect());
        assert!(MONTH_ABBREVIATIONS.iter().all(|m| (1..=12).contains(&m.1)));
        assert!(HEDGES.iter().all(|h| !h.0.is_empty()));
        assert!(YEAR_RANGE.0 < YEAR_RANGE.1);
    }
}
