//! Sentence templates and fillers for synthetic corpora (`meelezer corpus synth`): Dutch news
//! sentences about police cracking encrypted phone services, with slots the generator fills.
//!
//! Slots: `{service}`, `{agency}` (with its article: `de FIOD`), `{country}`, `{city}`, `{date}`
//! (`12 maart`, `vorig jaar`), `{month}`, `{year}`, `{person}` (first and last name), `{code}`
//! (an investigation code name), `{drug}`, `{port}`, and the figures `{arrests}`, `{searches}`, `{users}`,
//! `{messages}`, `{kilos}`, `{cash}`, `{weapons}`, `{price}`, `{phones}`, `{months}`. A sentence
//! starting with a slot gets its first letter capitalised.

/// Service spellings as news articles write them.
pub const SERVICES: &[&str] = &[
    "EncroChat", "Encrochat", "Sky ECC", "SkyECC", "Exclu", "Exclu Messenger", "ANOM", "Anom", "Ennetcom",
    "PGP Safe", "PGPsafe", "Matrix", "Ghost", "IronChat",
];

/// What a service is called before its name (`de cryptodienst Exclu`); each holds a word that
/// makes an ambiguous name (`Matrix`, `Ghost`) a service (`gazetteer::AMBIGUOUS_CONTEXT`).
pub const SERVICE_KINDS: &[&str] = &[
    "de versleutelde chatdienst", "de cryptodienst", "de berichtendienst", "het cryptonetwerk",
    "de versleutelde berichtenapp", "de aanbieder van cryptotelefoons", "het platform voor versleutelde communicatie",
];

/// Agencies, with their article.
pub const AGENCIES: &[&str] = &[
    "de politie", "het Openbaar Ministerie", "het OM", "de FIOD", "Europol", "Eurojust", "de FBI",
    "het Team High Tech Crime", "het Landelijk Parket", "de Nationale Politie", "de Landelijke Eenheid",
    "de Koninklijke Marechaussee", "de Franse Gendarmerie", "de Belgische federale politie",
];

pub const COUNTRIES: &[&str] = &[
    "Nederland", "België", "Duitsland", "Frankrijk", "Spanje", "Italië", "Zweden", "het Verenigd Koninkrijk",
    "Canada", "Australië", "de Verenigde Staten", "Marokko", "Colombia", "Dubai", "Turkije", "Servië",
];

pub const CITIES: &[&str] = &[
    "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Tilburg", "Breda", "Antwerpen", "Brussel",
    "Lille", "Marseille", "Marbella", "Berlijn", "Vancouver", "Sydney", "Almere", "Venlo", "Groningen",
];

/// Ports where drugs are found in containers.
pub const PORTS: &[&str] = &["Rotterdam", "Antwerpen", "Hamburg", "Vlissingen", "Le Havre", "Algeciras"];

pub const FIRST_NAMES: &[&str] = &[
    "Andy", "Marieke", "Jeroen", "Sanne", "Koen", "Petra", "Mohamed", "Linda", "Bart", "Ilse", "Wouter", "Fleur",
];

pub const LAST_NAMES: &[&str] = &[
    "Kraag", "de Vries", "Jansen", "Bakker", "van Dijk", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
    "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
];

/// Roles a named person speaks in (`zegt woordvoerder Koen Visser`).
pub const ROLES: &[&str] = &[
    "woordvoerder", "officier van justitie", "politiechef", "hoofdofficier", "teamleider", "rechercheur",
    "advocaat",
];

pub const CODE_NAMES: &[&str] = &[
    "Argus", "Lemont", "Trojan Shield", "Emma", "Limit", "Nightfall", "Orion", "Hermes", "Taurus", "Kraken",
];

pub const DRUGS: &[&str] = &["cocaïne", "heroïne", "hasj", "cannabis", "amfetamine", "crystal meth", "xtc-pillen"];

pub const MONTHS: &[&str] = &[
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december",
];

/// Relative dates, resolved against the header date.
pub const RELATIVE_DATES: &[&str] = &[
    "vorig jaar", "vorige maand", "afgelopen zomer", "begin dit jaar", "eind vorig jaar", "afgelopen week",
];

/// Hedges before a figure, and how often none is used (one in `1 + len`).
pub const HEDGES: &[&str] = &["ruim", "bijna", "zo'n", "meer dan", "minstens", "ongeveer", "circa", "ten minste"];

/// Vague amounts that stand in for a count.
pub const VAGUE_COUNTS: &[&str] = &["tientallen", "honderden", "duizenden", "enkele", "tal van"];

/// Dutch number words below twenty, and the tens.
pub const UNITS: &[&str] = &[
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
    "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien",
];
pub const TENS: &[&str] = &["", "tien", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];

/// Headlines: a short line without closing punctuation.
pub const HEADLINES: &[&str] = &[
    "Politie kraakt {service}",
    "{arrests} arrestaties na hack van {service}",
    "Justitie leest mee met criminelen via {service}",
    "Drugs en {cash} cash in beslag genomen",
    "Klap voor onderwereld: {service} ontmanteld",
    "Hoe de politie {service} wist te kraken",
    "Onderzoek {code} legt netwerk bloot",
];

/// Opening sentences: they name the service.
pub const LEDES: &[&str] = &[
    "De politie heeft {service_kind} {service} gekraakt en maandenlang meegelezen met berichten van criminelen.",
    "Justitie heeft {service_kind} {service} ontmanteld, die volgens {agency} vrijwel alleen door criminelen werd gebruikt.",
    "Opsporingsdiensten zijn erin geslaagd de versleuteling van {service} te kraken, meldt {agency}.",
    "Na een internationaal onderzoek is {service_kind} {service} uit de lucht gehaald.",
    "Rechercheurs hebben sinds {date} live meegelezen met berichten die via {service} werden verstuurd.",
    "{agency} maakte bekend dat de servers van {service} in {country} in beslag zijn genomen.",
    "Het onderzoek naar de cryptodienst {service} heeft in {year} geleid tot een van de grootste operaties tegen de georganiseerde misdaad.",
];

/// Sentences about one topic each; a paragraph draws from several.
pub const FACTS: &[&str] = &[
    // Arrests.
    "Bij invallen in {country} en {country} zijn {arrests} verdachten opgepakt.",
    "In totaal werden {arrests} mensen aangehouden, onder wie de vermoedelijke eigenaar van {service}.",
    "De politie arresteerde {arrests} verdachten in {city} en omgeving.",
    "Wereldwijd zijn inmiddels {arrests} arrestaties verricht.",
    // Searches.
    "Er werden {searches} huizen en bedrijfspanden doorzocht.",
    "Rechercheurs deden {searches} huiszoekingen in {city}, {city} en {city}.",
    // Users and phones.
    "Het netwerk telde wereldwijd {users} gebruikers, van wie een groot deel in {country} woonde.",
    "Volgens {agency} waren er {users} toestellen van {service} in omloop.",
    "Bij de doorzoekingen zijn {phones} cryptotelefoons in beslag genomen.",
    // Messages.
    "De recherche onderschepte {messages} berichten.",
    "In {months} maanden tijd lazen rechercheurs {messages} berichten mee.",
    "Er zijn {messages} berichten en foto's veiliggesteld die nu worden geanalyseerd.",
    // Drugs.
    "Daarnaast werd {kilos} {drug} onderschept.",
    "In de haven van {port} vond de douane {kilos} {drug}, verstopt in een lading bananen.",
    "Uit de berichten blijkt dat de bende {kilos} {drug} naar {country} heeft gesmokkeld.",
    // Cash.
    "Ook is {cash} aan contant geld in beslag genomen.",
    "In een woning in {city} lag {cash} cash verstopt achter een valse wand.",
    "Justitie legde beslag op {cash} aan crimineel vermogen, waaronder auto's en horloges.",
    // Weapons.
    "De politie vond {weapons} vuurwapens, waaronder automatische geweren.",
    "Bij de acties zijn {weapons} wapens en duizenden patronen aangetroffen.",
    // Prices.
    "Een abonnement op {service} kostte {price}.",
    "Gebruikers betaalden {price} voor een toestel met een versleutelde verbinding.",
    // Dates.
    "De operatie begon op {date} en liep tot in {month} {year}.",
    "Sinds {date} is het netwerk niet meer bereikbaar.",
    "De eerste aanhoudingen volgden in {month} {year}.",
    // Agencies and cooperation.
    "Het onderzoek werd geleid door {agency} in samenwerking met {agency} en {agency}.",
    "{agency} werkte nauw samen met collega's uit {country}, {country} en {country}.",
    "Onderzoek {code} is volgens {agency} nog lang niet afgerond.",
    "De servers van de dienst stonden in {country}.",
];

/// Quotes and background that carry no figures (or figures in passing).
pub const COLOUR: &[&str] = &[
    "\"Dit is een enorme klap voor de georganiseerde misdaad\", zegt {role} {person}.",
    "Volgens {role} {person} voelden criminelen zich onaantastbaar.",
    "\"Ze dachten dat niemand kon meelezen, maar wij lazen alles\", aldus {person} van {agency}.",
    "Advocaten zetten vraagtekens bij de manier waarop het bewijs is verkregen.",
    "De zaak komt volgend jaar voor de rechter.",
    "Het is niet bekend hoeveel verdachten nog voortvluchtig zijn.",
    "Het Parool meldde eerder dat de dienst vooral in {city} populair was.",
    "{service} adverteerde met de belofte dat berichten na enkele seconden werden gewist.",
];

/// Closing lines of an article.
pub const CLOSERS: &[&str] = &[
    "Het onderzoek gaat door, laat {agency} weten.",
    "Meer arrestaties worden niet uitgesloten.",
    "{agency} verwacht de komende maanden nog veel zaken voor de rechter te brengen.",
    "Lees ook: Hoe {service} de onderwereld veranderde",
];
