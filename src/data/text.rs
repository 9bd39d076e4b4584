//! Word lists for tokenizing and segmenting Dutch text: abbreviations that keep their dot, and
//! the lines that are links to other articles rather than part of the article.

/// Abbreviations (without their final dot) that never end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "ca", "mln", "mld", "mrd", "mr", "mw", "mevr", "dhr", "drs", "dr", "ir", "ing", "prof", "bijv", "bv", "nr", "nrs",
    "o.a", "e.d", "enz", "etc", "jl", "resp", "incl", "excl", "vs", "i.p.v", "m.b.t", "t.a.v", "z.g.a.n", "d.w.z", "o.m",
    "ong", "max", "min", "gem", "tel", "blz", "str", "jr", "sr", "st", "aug", "sept", "okt", "nov", "dec", "jan", "feb",
    "apr", "kg", "pag", "art", "dgl", "evt", "zgn", "zg", "mil", "mio",
];

/// True when `word` (without its dot) is a known abbreviation; case-insensitive.
pub fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.iter().any(|a| *a == lower || a.split('.').next() == Some(lower.as_str()) && a.contains('.'))
}

/// Line openings that mark a link to another article (`Lees ook: ...`): such lines are dropped.
pub const LINK_LINE_PREFIXES: &[&str] =
    &["lees ook", "lees meer over", "lees meer", "lees hier", "bekijk ook", "kijk ook", "zie ook", "meer over", "luister ook", "lees verder"];

/// Marks that close a sentence or line; a short line without one is a heading.
pub const CLOSING_PUNCTUATION: &[char] = &['.', '!', '?', ':', ';', '"', '”', '\'', '’', ')', '…', '»'];

/// Longest line (in words) that can be a heading.
pub const MAX_HEADING_WORDS: usize = 12;

/// Capitalised words that start a sentence: after an initial (`Danny M. De servers ...`) they
/// show that the initial ended the sentence, where a name would go on (`Peter R. de Vries`).
pub const SENTENCE_STARTERS: &[&str] = &[
    "De", "Het", "Een", "Dat", "Die", "Dit", "Deze", "Ook", "In", "Op", "Bij", "Volgens", "Hij", "Zij", "Ze", "Er",
    "Wij", "We", "Ik", "Daar", "Daarna", "Daarbij", "Toen", "Maar", "En", "Na", "Voor", "Tijdens", "Sinds", "Nog",
    "Zo", "Verder", "Eerder", "Later", "Inmiddels", "Vorig", "Dinsdag", "Maandag", "Woensdag", "Donderdag",
    "Vrijdag", "Zaterdag", "Zondag", "Gisteren", "Vandaag", "Het", "Uit", "Met", "Aan", "Als", "Omdat",
];

/// Words before a name that make it a credit or byline, not a person in the story (`Foto: ...`).
pub const CREDIT_WORDS: &[&str] = &["foto", "beeld", "©", "door", "video", "illustratie", "bron", "tekst", "redactie", "fotograaf"];

/// Capitalised function words that open a sentence: a sentence with no other capital holds no
/// name (`ner::recognizer::may_hold_entity`).
pub const FUNCTION_WORD_STARTS: &[&str] = &[
    "De", "Het", "Een", "Dat", "Die", "Dit", "Deze", "Ook", "In", "Op", "Bij", "Volgens", "Hij", "Zij", "Ze", "Er",
    "Wij", "We", "Ik", "Daar", "Daarna", "Daarbij", "Toen", "Maar", "En", "Na", "Voor", "Tijdens", "Sinds", "Nog",
    "Zo", "Verder", "Eerder", "Later", "Inmiddels", "Uit", "Met", "Aan", "Als", "Omdat", "Wie", "Wat", "Waar", "Hoe",
    "Dan", "Nu", "Al", "Om", "Van", "Door", "Naar", "Over", "Tot", "Onder", "Zonder", "Wel", "Niet", "Geen",
    "Alle", "Veel", "Meer", "Zijn", "Haar", "Hun", "Men", "Je", "U", "Dus", "Toch", "Want", "Of", "Hierdoor",
    "Daardoor", "Daarom", "Bovendien", "Intussen", "Vooral", "Soms", "Vaak", "Het", "Deze", "Elke", "Iedere",
];
