//! Words and sentences for the invariance variants (`crate::perturb`), written for this project.

/// Invented service names for `Kind::Rename`: no known word, place or service.
pub const INVENTED_SERVICES: &[&str] = &["Velorix", "Kwantafoon", "Nordacrypt", "Zilvernet", "Brevalink"];

/// Older services for the background paragraphs, with the year their operation is set in.
pub const OLDER_SERVICES: &[(&str, i32)] =
    &[("Ennetcom", 2016), ("PGP Safe", 2017), ("IronChat", 2018), ("Phantom Secure", 2018), ("EncroChat", 2020)];

/// A paragraph on an older operation: `{S}` its service, `{Y}` its year, `{N}` a count. Each
/// states one figure about that service, in the past tense.
pub const BACKGROUND_PARAGRAPHS: &[&str] = &[
    "Het is niet de eerste keer dat rechercheurs een versleutelde dienst binnendringen. In {Y} werd {S} al offline gehaald; bij die operatie werden toen {N} verdachten aangehouden.",
    "Eerder, in {Y}, namen speurders de servers van {S} in beslag. In dat onderzoek werden destijds {N} woningen doorzocht.",
    "Ter vergelijking: in de zaak rond {S} lazen agenten in {Y} zo'n {N} gesprekken mee, zo bleek later tijdens de rechtszaken.",
];

/// Words after a number that make it no count (`8 uur`), besides the months (`7 maart`,
/// `data::numbers::MONTHS` and `MONTH_ABBREVIATIONS`).
pub const NOT_COUNTED_AFTER: &[&str] = &["uur", "procent"];
