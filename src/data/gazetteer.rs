//! Names the pipeline knows: encrypted-communication services and their spellings, agencies,
//! countries, cities and demonyms (to ISO codes), news organisations and common first names.

/// Canonical service name and the spellings seen (ANNOTATION.md's table; matched case-sensitively,
/// also as the first part of a hyphenated compound such as `Exclu-gebruikers`).
pub const SERVICES: &[(&str, &[&str])] = &[
    ("EncroChat", &["EncroChat", "Encrochat", "ENCROCHAT", "Encro"]),
    ("Sky ECC", &["Sky ECC", "SkyECC", "SkyEcc", "Sky-ECC", "Sky Ecc", "Sky"]),
    ("Exclu", &["Exclu Messenger", "Exclu"]),
    ("Ennetcom", &["Ennetcom", "EnnetCom"]),
    ("PGP Safe", &["PGP Safe", "PGPsafe", "PGPSafe", "PGP-SAFE", "PGP-Safe", "PGP SAFE"]),
    ("ANOM", &["ANOM", "Anom", "AN0M", "An0m"]),
    ("Matrix", &["Matrix"]),
    ("Ghost", &["Ghost"]),
    ("IronChat", &["IronChat", "Ironchat", "IRONCHAT"]),
];

/// Spellings that name a service only when followed or preceded by a service word
/// (`Sky` alone is too common; `Encro` is slang); see `AMBIGUOUS_CONTEXT`.
pub const AMBIGUOUS_SPELLINGS: &[&str] = &["Sky", "Encro", "Matrix", "Ghost"];

/// Words near an ambiguous spelling that show it names a service.
pub const AMBIGUOUS_CONTEXT: &[&str] = &[
    "chatdienst", "berichtendienst", "dienst", "app", "netwerk", "telefoons", "toestellen", "cryptotelefoons",
    "cryptotelefoon", "platform", "berichtenapp", "gebruikers", "versleutelde", "versleuteld", "cryptodienst",
    "communicatiedienst", "aanbieder", "berichten", "servers", "server", "telefoon", "ECC", "Messenger", "gekraakt",
    "kraken", "berichtenservice", "chatapp", "encryptie", "cryptonetwerk", "toestel",
];

/// Agencies: surface form and canonical name for the `agency` slot.
pub const AGENCIES: &[(&str, &str)] = &[
    ("Openbaar Ministerie", "Openbaar Ministerie"),
    ("openbaar ministerie", "Openbaar Ministerie"),
    ("OM", "Openbaar Ministerie"),
    ("FIOD", "FIOD"),
    ("Fiscale Inlichtingen- en Opsporingsdienst", "FIOD"),
    ("Europol", "Europol"),
    ("Eurojust", "Eurojust"),
    ("FBI", "FBI"),
    ("Team High Tech Crime", "Team High Tech Crime"),
    ("THTC", "Team High Tech Crime"),
    ("Landelijk Parket", "Landelijk Parket"),
    ("Nationale Politie", "Politie"),
    ("Landelijke Eenheid", "Politie"),
];

/// Generic words that name the Dutch police as an agency (`de politie`, `rechercheurs van de politie`).
pub const POLICE_WORDS: &[&str] = &["politie", "Politie", "politiediensten", "politiedienst"];

/// Dutch country names and their ISO 3166-1 alpha-2 codes.
pub const COUNTRIES: &[(&str, &str)] = &[
    ("Nederland", "NL"), ("België", "BE"), ("Duitsland", "DE"), ("Frankrijk", "FR"), ("Italië", "IT"),
    ("Zweden", "SE"), ("Noorwegen", "NO"), ("Denemarken", "DK"), ("Finland", "FI"), ("Spanje", "ES"),
    ("Portugal", "PT"), ("Verenigd Koninkrijk", "GB"), ("Groot-Brittannië", "GB"), ("Engeland", "GB"),
    ("Schotland", "GB"), ("Ierland", "IE"), ("Luxemburg", "LU"), ("Oostenrijk", "AT"), ("Zwitserland", "CH"),
    ("Polen", "PL"), ("Tsjechië", "CZ"), ("Slowakije", "SK"), ("Hongarije", "HU"), ("Roemenië", "RO"),
    ("Bulgarije", "BG"), ("Griekenland", "GR"), ("Kroatië", "HR"), ("Servië", "RS"), ("Slovenië", "SI"),
    ("Albanië", "AL"), ("Turkije", "TR"), ("Litouwen", "LT"), ("Letland", "LV"), ("Estland", "EE"),
    ("Oekraïne", "UA"), ("Rusland", "RU"), ("Verenigde Staten", "US"), ("Amerika", "US"), ("VS", "US"),
    ("Canada", "CA"), ("Mexico", "MX"), ("Colombia", "CO"), ("Brazilië", "BR"), ("Argentinië", "AR"),
    ("Peru", "PE"), ("Ecuador", "EC"), ("Costa Rica", "CR"), ("Panama", "PA"), ("Suriname", "SR"),
    ("Australië", "AU"), ("Nieuw-Zeeland", "NZ"), ("Marokko", "MA"), ("Algerije", "DZ"), ("Tunesië", "TN"),
    ("Egypte", "EG"), ("Nigeria", "NG"), ("Zuid-Afrika", "ZA"), ("Dubai", "AE"), ("Verenigde Arabische Emiraten", "AE"),
    ("Thailand", "TH"), ("China", "CN"), ("Japan", "JP"), ("India", "IN"), ("Pakistan", "PK"), ("Israël", "IL"),
    ("Cyprus", "CY"), ("Malta", "MT"), ("Curaçao", "CW"), ("Aruba", "AW"), ("Hongkong", "HK"), ("Singapore", "SG"),
];

/// Cities (and regions) that stand for their country in `where`.
pub const CITIES: &[(&str, &str)] = &[
    ("Amsterdam", "NL"), ("Rotterdam", "NL"), ("Den Haag", "NL"), ("Utrecht", "NL"), ("Eindhoven", "NL"),
    ("Tilburg", "NL"), ("Breda", "NL"), ("Groningen", "NL"), ("Arnhem", "NL"), ("Nijmegen", "NL"),
    ("Zwolle", "NL"), ("Almere", "NL"), ("Haarlem", "NL"), ("Leiden", "NL"), ("Maastricht", "NL"),
    ("Enschede", "NL"), ("Venlo", "NL"), ("Schiphol", "NL"), ("Brabant", "NL"), ("Limburg", "NL"),
    ("Zoetermeer", "NL"), ("Dordrecht", "NL"), ("Apeldoorn", "NL"), ("Lelystad", "NL"), ("Driebergen", "NL"),
    ("Antwerpen", "BE"), ("Brussel", "BE"), ("Gent", "BE"), ("Luik", "BE"), ("Parijs", "FR"), ("Lille", "FR"),
    ("Marseille", "FR"), ("Berlijn", "DE"), ("Keulen", "DE"), ("Hamburg", "DE"), ("Londen", "GB"),
    ("Madrid", "ES"), ("Marbella", "ES"), ("Barcelona", "ES"), ("Stockholm", "SE"), ("Sydney", "AU"),
    ("San Diego", "US"), ("Vancouver", "CA"), ("Rome", "IT"), ("Milaan", "IT"), ("Den Bosch", "NL"),
];

/// Demonyms and place adjectives (MISC entities) and the country they point to.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("Nederlandse", "NL"), ("Nederlands", "NL"), ("Nederlander", "NL"), ("Nederlanders", "NL"),
    ("Nederlandstalige", "NL"), ("Nederlandstaligen", "NL"), ("Belgische", "BE"), ("Belgisch", "BE"),
    ("Belg", "BE"), ("Belgen", "BE"), ("Franse", "FR"), ("Frans", "FR"), ("Fransen", "FR"),
    ("Duitse", "DE"), ("Duits", "DE"), ("Duitsers", "DE"), ("Britse", "GB"), ("Brits", "GB"), ("Engelse", "GB"),
    ("Italiaanse", "IT"), ("Zweedse", "SE"), ("Noorse", "NO"), ("Deense", "DK"), ("Spaanse", "ES"),
    ("Amerikaanse", "US"), ("Canadese", "CA"), ("Australische", "AU"), ("Colombiaanse", "CO"),
    ("Marokkaanse", "MA"), ("Turkse", "TR"), ("Poolse", "PL"), ("Albanese", "AL"), ("Servische", "RS"),
    ("Ierse", "IE"), ("Portugese", "PT"), ("Oostenrijkse", "AT"), ("Zwitserse", "CH"), ("Finse", "FI"),
    ("Braziliaanse", "BR"), ("Europese", ""), ("Europees", ""), ("Surinaamse", "SR"), ("Antilliaanse", ""),
];

/// News organisations and other named organisations that are not agencies.
pub const ORGANISATIONS: &[&str] = &[
    "Het Parool", "De Telegraaf", "NOS", "NRC", "de Volkskrant", "Volkskrant", "AD", "Algemeen Dagblad", "RTL Nieuws",
    "Vice Magazine", "Vice", "ANP", "Reuters", "BBC", "Trouw", "Het Laatste Nieuws", "HLN", "De Standaard",
    "Nieuwsuur", "EenVandaag", "Pointer", "Follow the Money", "Interpol", "Marechaussee", "Koninklijke Marechaussee",
    "Douane", "NCA", "National Crime Agency", "DEA", "Gendarmerie", "Apple", "Google", "Signal", "WhatsApp", "Telegram",
];

/// First names seen in Dutch news, enough to spot `Voornaam Achternaam` person names.
pub const FIRST_NAMES: &[&str] = &[
    "Andy", "Ridouan", "Peter", "Jan", "Piet", "Klaas", "Kees", "Henk", "Gerard", "Willem", "Johan", "Mark", "Marco",
    "Jeroen", "Erik", "Frank", "Martin", "Hans", "Paul", "Rob", "Bas", "Thomas", "Tom", "Sander", "Dennis", "Richard",
    "Jos", "Ruud", "Ferdinand", "Dilan", "Kajsa", "Ilse", "Anne", "Marieke", "Sanne", "Lisa", "Linda", "Petra",
    "Monique", "Fred", "Wim", "Arno", "Naoufal", "Said", "Mohamed", "Mohammed", "Ahmed", "Ali", "Hakim", "Nabil",
    "Mustafa", "Youssef", "Karim", "Joris", "Koen", "Daan", "Lars", "Stijn", "Tim", "Bart", "Michiel", "Wouter",
    "Jacob", "Jacques", "Pierre", "Claude", "Emmanuel", "Catherine", "Jean", "Michel", "Stefan", "Christophe",
    "John", "James", "Michael", "David", "Robert", "Jennifer", "Sarah", "Calvin", "Hakan", "Edwin", "Roy", "Gwen",
    "Nicole", "Ingrid", "Fleur", "Lotte", "Joost", "Gert", "Ronald", "Ronnie", "Maarten", "Hugo", "Dick", "Ferd",
];

/// Words before a capitalised word that make it a person's name (`politiechef Kraag`).
pub const PERSON_TITLES: &[&str] = &[
    "politiechef", "korpschef", "officier", "hoofdofficier", "minister", "burgemeester", "woordvoerder",
    "woordvoerster", "advocaat", "rechercheur", "directeur", "topman", "oprichter", "eigenaar", "verdachte",
    "hoofdverdachte", "commissaris", "hoofdcommissaris", "chef", "baas", "drugsbaron", "crimineel", "rechter",
    "onderzoeker", "journalist", "misdaadjournalist", "hoogleraar", "politiewoordvoerder", "teamleider", "meneer",
    "mevrouw", "heer",
];
