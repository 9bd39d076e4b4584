//! Dutch cue words the rule layer reads: which nouns a figure counts, which verbs say what
//! happened, and which words mark prices, interception, investigations and takedowns.
//! All entries are lowercase; multi-word cues are matched token by token.

use crate::record::Slot;

/// What a figure counts, from the noun that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounClass {
    /// People: counted as arrests with an arrest cue, else as users when they are users.
    People,
    /// Users or customers of the service (`gebruikers`, `klanten`).
    Users,
    /// Devices: users when active or sold, nothing when seized.
    Devices,
    /// Dutch-speaking users (`Nederlandstaligen`).
    DutchSpeaking,
    Arrests,
    Searches,
    /// Premises (`panden`, `woningen`): searches with a search cue.
    Premises,
    Messages,
    Officers,
    Cases,
    Weapons,
    /// A drug site, with its `what`.
    Site(&'static str),
    /// A drug, with its `what` (for masses).
    Drug(&'static str),
    /// Cash (`cash`, `contant geld`) after a money amount.
    Cash,
}

/// Nouns (lowercase, also the head of a compound after a hyphen) and what they count.
pub const NOUNS: &[(&str, NounClass)] = &[
    ("verdachten", NounClass::People), ("verdachte", NounClass::People), ("mensen", NounClass::People),
    ("personen", NounClass::People), ("criminelen", NounClass::People), ("leden", NounClass::People),
    // `veertien van hen zijn opgepakt`
    ("hen", NounClass::People),
    ("mannen", NounClass::People), ("vrouwen", NounClass::People), ("man", NounClass::People),
    ("vrouw", NounClass::People), ("persoon", NounClass::People), ("nederlanders", NounClass::People),
    ("gebruikers", NounClass::Users), ("gebruiker", NounClass::Users), ("klanten", NounClass::Users),
    ("abonnees", NounClass::Users), ("accounts", NounClass::Users),
    ("telefoons", NounClass::Devices), ("toestellen", NounClass::Devices), ("cryptotelefoons", NounClass::Devices),
    ("apparaten", NounClass::Devices), ("telefoontjes", NounClass::Devices), ("cryptotoestellen", NounClass::Devices),
    ("nederlandstaligen", NounClass::DutchSpeaking), ("nederlandstalige", NounClass::DutchSpeaking),
    ("arrestaties", NounClass::Arrests), ("aanhoudingen", NounClass::Arrests), ("arrestatie", NounClass::Arrests),
    ("aanhouding", NounClass::Arrests), ("arrestanten", NounClass::Arrests), ("aangehoudenen", NounClass::Arrests),
    ("gearresteerden", NounClass::Arrests), ("opgepakten", NounClass::Arrests),
    ("doorzoekingen", NounClass::Searches), ("huiszoekingen", NounClass::Searches), ("invallen", NounClass::Searches),
    ("doorzoeking", NounClass::Searches), ("huiszoeking", NounClass::Searches), ("inval", NounClass::Searches),
    ("panden", NounClass::Premises), ("woningen", NounClass::Premises), ("kantoren", NounClass::Premises),
    ("adressen", NounClass::Premises), ("locaties", NounClass::Premises), ("bedrijfspanden", NounClass::Premises),
    ("huizen", NounClass::Premises), ("loodsen", NounClass::Premises), ("bedrijven", NounClass::Premises),
    ("pand", NounClass::Premises), ("woning", NounClass::Premises), ("plaatsen", NounClass::Premises),
    ("berichten", NounClass::Messages), ("chatberichten", NounClass::Messages), ("berichtjes", NounClass::Messages),
    ("bericht", NounClass::Messages), ("chats", NounClass::Messages), ("gesprekken", NounClass::Messages),
    ("agenten", NounClass::Officers), ("rechercheurs", NounClass::Officers), ("rechercheuren", NounClass::Officers),
    ("analisten", NounClass::Officers), ("politiemensen", NounClass::Officers), ("politieagenten", NounClass::Officers),
    ("opsporingsambtenaren", NounClass::Officers), ("speurders", NounClass::Officers), ("medewerkers", NounClass::Officers),
    ("agents", NounClass::Officers), ("politiemedewerkers", NounClass::Officers), ("specialisten", NounClass::Officers),
    ("strafzaken", NounClass::Cases), ("zaken", NounClass::Cases), ("onderzoeken", NounClass::Cases),
    ("rechtszaken", NounClass::Cases), ("dossiers", NounClass::Cases), ("strafdossiers", NounClass::Cases), ("strafonderzoeken", NounClass::Cases), ("opsporingsonderzoeken", NounClass::Cases),
    ("wapens", NounClass::Weapons), ("vuurwapens", NounClass::Weapons), ("pistolen", NounClass::Weapons),
    ("geweren", NounClass::Weapons), ("machinegeweren", NounClass::Weapons), ("automatische", NounClass::Weapons),
    ("wapen", NounClass::Weapons), ("vuurwapen", NounClass::Weapons), ("kalasjnikovs", NounClass::Weapons),
    ("drugslabs", NounClass::Site("lab")), ("drugslab", NounClass::Site("lab")), ("labs", NounClass::Site("lab")),
    ("laboratoria", NounClass::Site("lab")), ("drugslaboratoria", NounClass::Site("lab")), ("lab", NounClass::Site("lab")),
    ("xtc-labs", NounClass::Site("lab")), ("productielocaties", NounClass::Site("lab")),
    ("cocaïnewasserij", NounClass::Site("cocaine_washing")), ("cocaïnewasserijen", NounClass::Site("cocaine_washing")),
    ("wasserij", NounClass::Site("cocaine_washing")), ("wasserijen", NounClass::Site("cocaine_washing")),
    ("cocainewasserij", NounClass::Site("cocaine_washing")), ("cocainewasserijen", NounClass::Site("cocaine_washing")),
    ("opslagplaatsen", NounClass::Site("storage")), ("opslagplaats", NounClass::Site("storage")),
    ("opslagloodsen", NounClass::Site("storage")), ("drugsopslagen", NounClass::Site("storage")),
    ("stashlocaties", NounClass::Site("storage")), ("opslaglocaties", NounClass::Site("storage")),
    ("drugslocaties", NounClass::Site("site")), ("drugspanden", NounClass::Site("site")),
    ("cocaïne", NounClass::Drug("cocaine")), ("cocaine", NounClass::Drug("cocaine")), ("coke", NounClass::Drug("cocaine")),
    ("crystal", NounClass::Drug("crystal_meth")), ("crystal meth", NounClass::Drug("crystal_meth")),
    ("methamfetamine", NounClass::Drug("crystal_meth")), ("meth", NounClass::Drug("crystal_meth")),
    ("heroïne", NounClass::Drug("heroin")), ("heroine", NounClass::Drug("heroin")),
    ("cannabis", NounClass::Drug("cannabis")), ("hasj", NounClass::Drug("cannabis")), ("wiet", NounClass::Drug("cannabis")),
    ("hennep", NounClass::Drug("cannabis")), ("marihuana", NounClass::Drug("cannabis")),
    ("synthetische", NounClass::Drug("synthetic")), ("xtc", NounClass::Drug("synthetic")), ("mdma", NounClass::Drug("synthetic")),
    ("amfetamine", NounClass::Drug("synthetic")), ("speed", NounClass::Drug("synthetic")), ("xtc-pillen", NounClass::Drug("synthetic")),
    ("drugs", NounClass::Drug("drugs")), ("verdovende", NounClass::Drug("drugs")), ("harddrugs", NounClass::Drug("drugs")),
    ("softdrugs", NounClass::Drug("cannabis")), ("verdovende middelen", NounClass::Drug("drugs")),
    ("cash", NounClass::Cash), ("contant", NounClass::Cash), ("contanten", NounClass::Cash), ("contante", NounClass::Cash),
    ("cashgeld", NounClass::Cash), ("geld", NounClass::Cash), ("crimineel geld", NounClass::Cash),
];

/// Endings of inhabitant nouns (`Amsterdammers`, `Antwerpenaren`, `Bruggelingen`), counted as people.
pub const INHABITANT_ENDINGS: &[&str] = &["mmers", "dammers", "naren", "elingen", "enaars", "ers"];

/// Adjectives and fillers that may stand between a figure and its noun (`3000 actieve gebruikers`).
pub const NOUN_FILLERS: &[&str] = &[
    "actieve", "geregistreerde", "nederlandse", "belgische", "verschillende", "andere", "grote", "kleine",
    "illegale", "versleutelde", "onderschepte", "vermoedelijke", "verdachte", "mogelijke", "zware", "nieuwe",
    "gevaarlijke", "geplande", "ernstige", "aan", "van", "de", "het", "extra", "betrokken", "criminele", "lopende",
    "geheime", "gekraakte", "gelezen", "unieke", "voornamelijk", "vooral", "onder", "meer", "synthetische",
    "nog", "al", "ruim",
];

/// Arrest cues (lowercase tokens).
pub const ARREST: &[&str] = &[
    "aangehouden", "opgepakt", "gearresteerd", "arresteerde", "arresteerden", "arresteren", "arrestaties",
    "aanhoudingen", "arrestatie", "aanhouding", "hield", "hielden", "pakte", "pakten", "opgesloten", "vastgezet",
    "boeien", "aanhouden", "oppakken", "vast", "opgepakte", "inhechtenisneming", "gevangengenomen",
    "hechtenis", "kraag", "vastgenomen", "gelicht", "betrapt", "arresteert", "opgepakten", "arrestanten", "aangehoudenen", "gearresteerden",
];

/// Search cues.
pub const SEARCH: &[&str] = &[
    "doorzocht", "doorzochten", "doorzoekingen", "doorzoeking", "huiszoekingen", "huiszoeking", "invallen",
    "inval", "binnengevallen", "vielen", "doorzoeken",
];

/// Words that, with premises counted, make a search (`daar viel de politie op 13 locaties binnen`).
pub const PREMISES_SEARCH: &[&str] = &["binnen", "binnenvallen", "binnenviel", "gehouden"];

/// Seizure cues: something was seized or found.
pub const SEIZE: &[&str] = &[
    "beslag", "inbeslaggenomen", "inbeslagname", "inbeslagnames", "aangetroffen", "gevonden", "vonden", "vond",
    "onderschept", "onderschepte", "ontdekt", "ontdekten", "buitgemaakt", "geconfisqueerd", "ontmanteld",
    "opgerold", "afgepakt", "traceerde", "getraceerd", "ontmantelde", "opgespoord", "aantroffen", "trof", "troffen",
    "vangst", "vangsten", "geconfisqueerd", "confisqueerde",
];

/// Price cues: what a user paid.
pub const PRICE: &[&str] = &[
    "betaalden", "betaalde", "betalen", "betaald", "kostte", "kost", "kosten", "abonnement", "licentie",
    "abonnementen", "licenties", "prijs", "kostprijs", "tarief", "neertellen", "verkocht", "kocht", "kochten",
    "verkochten", "verkoopt",
    "aanschaf", "aanschaffen",
];

/// Words that make a price a phone's price rather than a subscription's.
pub const PHONE_WORDS: &[&str] = &["telefoon", "toestel", "telefoons", "toestellen", "cryptotelefoon", "apparaat", "handset"];


/// Interception cues: police read along.
pub const INTERCEPT: &[&str] = &[
    "meegelezen", "meelezen", "meelas", "meelazen", "meekijken", "meegekeken", "afgetapt", "aftappen", "onderschept",
    "onderscheppen", "lezen", "las", "lazen", "meeluisteren", "meekeek", "meekeken", "meegeluisterd", "volgen", "gevolgd",
    "tappen", "getapt", "ontsleuteld", "ontsleutelen",
];


/// Takedown cues: the service was taken offline or its servers seized.
pub const TAKEDOWN: &[&str] = &[
    "offline", "neergehaald", "opgerold", "ontmanteld", "ontmantelt", "lucht", "platgelegd", "neerhalen",
    "plat", "uitgeschakeld", "stilgelegd", "offline.", "opgedoekt", "gesloten", "afgesloten",
    "ontmanteling", "neer", "neergehaalde", "opheffing", "offlinehalen", "rolde", "rolden",
    // `de nek omgedraaid`
    "omgedraaid",
];

/// Use cues: people counted with one of these are users (`ongeveer 3000 mensen gebruikten de dienst`).
pub const USE: &[&str] = &["gebruikten", "gebruiken", "gebruikt", "gebruikte", "maakten", "bedienden", "communiceerden"];

/// Search nouns that after the article `een` name the setting of something else (`bij een inval
/// in ... kwam de politie op het spoor`), not a count of searches.
pub const SETTING_EVENTS: &[&str] = &["inval", "actie", "razzia"];

/// Crack cues: the police broke into the service or got at its messages (`in 2016 gekraakt`,
/// `kreeg in december toegang`); a date in the same subclause is `interception_start`
/// (ANNOTATION.md, rulings on dates). Also matched as the last part of a compound.
pub const CRACK: &[&str] = &[
    "gekraakt", "kraakte", "kraakten", "kraken", "hackte", "hackten", "gehackt", "hacken", "ontcijferd", "ontcijferen",
    "ontcijferde", "ontsleuteld", "ontsleutelen", "ontsleutelde", "toegang", "binnengedrongen", "binnendringen",
    "infiltreerde", "geïnfiltreerd",
];

/// Crack nouns (`de hack in 2020`, `de Sky-hack van maart 2021`): only a date right after one
/// (`CRACK_NOUN_REACH` words) is the crack's; `vrijdag twijfels over de hack` is not.
pub const CRACK_NOUNS: &[&str] = &["hack", "kraak", "kraakactie", "infiltratie", "hackoperatie"];
pub const CRACK_NOUN_REACH: usize = 3;

/// Reading along, without `sinds` (`konden in 2016 worden meegelezen`): a date beside one of
/// these is `interception_start`. Narrower than `INTERCEPT` (`lezen`, `volgen` and `onderschept`
/// go with much else).
pub const READ_ALONG: &[&str] = &[
    "meegelezen", "meelezen", "meelas", "meelazen", "meekijken", "meegekeken", "meekeek", "meekeken", "afgetapt",
    "getapt", "aftappen", "meeluisteren", "meegeluisterd",
];

/// Words joining the two ends of a range of figures (`tussen de 50.000 en 60.000 berichten`).
pub const RANGE_WORDS: &[&str] = &["en", "tot", "à", "-", "–", "a"];

/// Words before a date that make it the end of a range (`van 3 april tot 28 juni`, `tussen 2018
/// en 2021`): reading along from one date to another gives the start only.
pub const RANGE_END_BEFORE: &[&str] = &["tot", "t/m", "met"];

/// Investigation-start cues beside a date (`het onderzoek begon in 2017`, `kwam ... op het spoor`).
pub const STARTED: &[&str] = &["begon", "startte", "gestart", "begonnen", "liep", "loopt", "opgestart", "spoor", "startten", "start", "opende", "geopend", "gang"];

/// Subscriptions named by one word, and the months they cover (`jaarabonnement` = 12).
pub const SUBSCRIPTION_COMPOUNDS: &[(&str, u32)] = &[
    ("jaarabonnement", 12), ("jaarabonnementen", 12), ("halfjaarabonnement", 6), ("maandabonnement", 1),
    ("jaarlicentie", 12), ("halfjaarlicentie", 6), ("maandlicentie", 1), ("kwartaalabonnement", 3),
];

/// Words that mark a sentence about servers (for `server_country`); a closed compound ending in
/// one of the first two counts too (`computerservers`, `IronChatserver`), see `is_server_word`.
pub const SERVER_WORDS: &[&str] = &["server", "servers", "serverpark", "datacenter", "datacentrum", "gehost", "hosting"];

/// True for a lowercase word in `SERVER_WORDS` or a compound ending in `server(s)`.
pub fn is_server_word(word: &str) -> bool {
    SERVER_WORDS.contains(&word) || word.ends_with("server") || word.ends_with("servers")
}

/// Generic nouns for authorities: a demonym before them (`Franse politie`), or `uit` + a country
/// after them (`politiediensten uit Italië`), names a country whose authorities took part.
pub const AUTHORITY_NOUNS: &[&str] = &[
    "politie", "autoriteiten", "opsporingsdiensten", "justitie", "openbaar", "politiediensten", "opsporingsdienst",
    "politiedienst", "diensten", "overheid", "instanties", "rechercheurs", "collega's", "speurders", "agenten",
    "douane", "inlichtingendiensten", "veiligheidsdiensten", "opsporingsinstanties", "politiekorpsen", "korpsen",
    "fbi", "dea", "gendarmerie", "ministerie", "aanklagers", "officieren", "onderzoek", "onderzoeksteam",
    "gerecht", "overheidsinstanties", "onderzoekers",
];

/// Words before a country that name it as a partner in the operation (`samen met Nederland`).
pub const PARTNER_BEFORE: &[&str] = &["samen met", "in samenwerking met", "met hulp van", "met steun van", "en collega's uit"];

/// Words that tie a figure to a subset in a place (`waarvan 12.000 in Nederland`).
pub const SUBSET_WORDS: &[&str] = &["waarvan", "daarvan", "wie", "waaronder", "onder"];

/// Words that open a clause about a subset (`waarvan er op dat moment al 337.000 ...`).
pub const SUBSET_CLAUSE_OPENERS: &[&str] = &["waarvan", "waaronder"];

/// Words right after a figure that make it a subset (`zeker 530 daarvan`, `veertien van hen`).
pub const SUBSET_AFTER: &[&str] = &["daarvan", "ervan", "hiervan"];

/// Nouns before a number that make it a name, not a count (`op kaai 1742`, `artikel 140`).
pub const IDENTIFIER_NOUNS: &[&str] = &[
    "kaai", "nummer", "nr", "nr.", "artikel", "art.", "kamer", "zaal", "pier", "dok", "lijn", "route", "bus", "perron",
    "huisnummer", "postcode", "versie", "editie", "aflevering", "seizoen",
];

/// Phrases that make a count a rate, no fact (`per dag`, `elke dag`, `dagelijks`).
pub const RATE: &[&str] = &[
    "per dag", "per week", "per uur", "per minuut", "per seconde", "elke dag", "iedere dag", "elke week",
    "iedere week", "dagelijks", "wekelijks", "per etmaal", "elk uur",
];

/// Phrases that make a sum what goods are worth or drugs would fetch, not cash seized.
pub const VALUE_OF_GOODS: &[&str] = &["opbrengen", "opbrengst", "straatwaarde", "goed voor", "op straat"];

/// Compound endings that look like a counted noun but are not one (`persberichten` are press
/// releases, not messages).
pub const UNCOUNTED_COMPOUNDS: &[&str] = &["persberichten", "persbericht", "nieuwsberichten", "nieuwsbericht"];

/// Cues after which a capitalised name is an investigation's code name.
pub const CODE_NAME_CUES: &[&str] = &["operatie", "onderzoek", "genaamd", "codenaam", "actie", "onderzoeksnaam", "heette", "dubde", "doopte", "naam", "codenamen"];

/// Cues that name several code names further on (`De codenamen van de onderzoeken zijn 26Samber
/// en 26Lytham`): the names may stand up to `CODE_NAME_REACH` words after them, listed with `en`.
pub const CODE_NAME_LIST_CUES: &[&str] = &["codenamen", "codenaam", "onderzoeksnaam", "onderzoeksnamen"];
pub const CODE_NAME_REACH: usize = 6;


/// Which slot each unit-less noun class gives directly, where no verb is needed.
pub fn direct_slot(class: NounClass) -> Option<Slot> {
    match class {
        NounClass::Arrests => Some(Slot::Arrests),
        NounClass::Searches => Some(Slot::Searches),
        NounClass::Messages => Some(Slot::Messages),
        NounClass::Officers => Some(Slot::Officers),
        NounClass::Cases => Some(Slot::Cases),
        NounClass::Weapons => Some(Slot::SeizedWeapons),
        NounClass::Site(_) => Some(Slot::DrugSites),
        NounClass::Users | NounClass::DutchSpeaking => Some(Slot::Users),
        _ => None,
    }
}

/// Looks a lowercase word up in `NOUNS`; a hyphenated compound is looked up by its last part.
pub fn noun_class(word: &str) -> Option<NounClass> {
    let find = |w: &str| NOUNS.iter().find(|(n, _)| *n == w).map(|(_, c)| *c);
    find(word).or_else(|| word.rsplit_once('-').and_then(|(_, head)| find(head)))
}

/// Nouns that introduce a service by name (`de cryptodienst Nexora`, `Nexora, een berichtenapp`):
/// how a service not yet in the canonical table is recognised.
pub const SERVICE_NOUNS: &[&str] = &[
    "cryptodienst", "chatdienst", "berichtendienst", "berichtenapp", "chatapp", "cryptoapp", "communicatiedienst",
    "berichtenservice", "cryptonetwerk", "cryptoplatform", "cryptotelefoondienst", "cryptotelefoonaanbieder",
    "telefoonnetwerk", "communicatieplatform", "chatplatform", "cryptotelefoonnetwerk", "encryptiedienst",
    "versleutelingsdienst", "berichtenplatform", "chatprogramma", "telefoondienst",
];

/// Words that make a takedown cue about something other than the service (`de drugsbende die
/// werd opgerold`, `een drugslab ontmanteld`).
pub const NOT_A_TAKEDOWN: &[&str] = &[
    "bende", "drugsbende", "organisatie", "groep", "drugslab", "drugslabs", "lab", "labs", "witwasnetwerk",
    "bendes", "organisaties", "cel", "netwerken", "drugsnetwerk", "smokkelnetwerk", "wasserij",
];

/// Adjectives of a police force that stand between a demonym and the noun (`de Australische
/// federale politie`), and that make `politie` a foreign force on their own (`de federale
/// gerechtelijke politie` is Belgian).
pub const FORCE_ADJECTIVES: &[&str] = &["federale", "gerechtelijke", "lokale", "nationale", "regionale", "koninklijke", "militaire"];

/// Of these, the ones that make `politie` a foreign (Belgian or other) force.
pub const FOREIGN_FORCE_ADJECTIVES: &[&str] = &["federale", "gerechtelijke", "lokale"];

/// Institutions only Belgium has (lowercase, token by token): an article naming one, and naming
/// Belgian places at least as often as Dutch ones, is a Belgian article, where a bare `de politie`
/// is the Belgian police (ANNOTATION.md: `country` BE, not `agency` Politie).
pub const BELGIAN_INSTITUTIONS: &[&str] = &[
    "federaal parket", "federale politie", "federale gerechtelijke politie", "gerechtelijke politie",
    "procureur des konings", "politiezone", "het parket van", "onderzoeksrechter", "fgp",
];

/// Words just before a service's name that set it against the article's subject (`Anders dan
/// bij Ennetcom konden we dit keer live meekijken`, `net als EncroChat`): the sentence is not
/// about that service. Multi-word cues are matched token by token, ending right before the name
/// or before a `bij` that precedes it.
pub const CONTRAST_BEFORE: &[&str] = &["anders dan", "in tegenstelling tot", "net als", "zoals", "naar het voorbeeld van"];

/// Words beside a service's name that name the thing the article is about (`het gekraakte
/// programma – Ironchat geheten –`, `een app genaamd Nexora`): before the name, or after it.
pub const NAMING_BEFORE: &[&str] = &["genaamd", "geheten", "heet", "heette", "naam"];
pub const NAMING_AFTER: &[&str] = &["geheten", "genaamd", "heet", "heette"];

/// Words by which a sentence that names no service returns from an earlier service, named in
/// the sentence before, to the article's own current operation (`Deze nieuwe kraakactie leverde
/// ...`, `Vandaag ...`). Matched as phrases of lowercase words.
pub const CURRENT_FOCUS: &[&str] = &["deze nieuwe", "de nieuwe", "het nieuwe", "vandaag", "gisteren", "deze week", "dit jaar", "nu"];

/// Nouns for a place that, after a country adjective, name a place in that country (`de Britse
/// hoofdstad`, `in een Duitse havenstad`): such a place gives its country as `where`, as a named
/// town would (ANNOTATION.md: several places in one country are that country).
pub const PLACE_NOUNS: &[&str] = &["hoofdstad", "stad", "havenstad", "grensstad", "haven", "havens", "provincie", "kust", "grensstreek"];

/// Words that make a sentence's figures worldwide or spread over several countries (`wereldwijd
/// 6500 arrestaties`, `in meer dan veertig landen`): a signal against giving a figure the one
/// country its sentence also names. Matched as phrases of lowercase words.
pub const WORLDWIDE: &[&str] =
    &["wereldwijd", "wereldwijde", "internationaal", "internationale", "landen", "in totaal", "over de hele wereld", "in heel europa"];

/// Words that put a sentence in the background (an earlier case): a service named there counts
/// less towards being the article's main one. `al in` is matched token by token.
pub const BACKGROUND: &[&str] = &["eerder", "destijds", "voorheen", "voorganger", "voorgangers", "al in", "vroeger"];

/// Verbs in the tenses of news (present perfect, present): a lead sentence with a takedown cue
/// in one of them reports a takedown at the article's date.
pub const NEWS_TENSE: &[&str] = &["heeft", "hebben", "is", "zijn", "haalt", "halen", "rolt", "rollen", "legt", "leggen", "neemt", "nemen"];

/// Words before a name that make it a nickname, not a person of its own (`alias El Chapo`,
/// `bijnamen zoals Pacman, Wodka en Stinkhoer`); looked for among the `NICKNAME_REACH` words before it.
pub const NICKNAME_BEFORE: &[&str] = &["alias", "bijnaam", "bijnamen", "bijgenaamd", "roepnaam", "schuilnaam"];

pub const NICKNAME_REACH: usize = 6;

/// Words just after a name that make it a nickname (`die ‘Noffel’ wordt genoemd`).
pub const NICKNAME_AFTER: &[&str] = &["genoemd"];

/// Words that refer back to a place named in the sentence before (`Daar werden 5 mannen
/// opgepakt`, `In dat land ...`); matched token by token.
pub const PLACE_BACK_REFERENCES: &[&str] = &["daar", "in dat land", "in die stad", "aldaar", "ter plaatse", "in dat dorp"];

/// Name lengths (letters of the key, `Sky ECC` has six) from which a misspelling may be one and
/// then two edits off a known service name: `Exclu` one, `Ennetcom` one, `EncroChat` two.
/// Shorter names (`ANOM`, `MPC`, `Sky`) match only as spelt; five-letter ones need a service word
/// nearby or the service named elsewhere in the article.
pub const FUZZY_NAME_LENGTHS: [usize; 2] = [5, 9];
