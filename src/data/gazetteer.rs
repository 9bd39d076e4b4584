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
    ("Matrix", &["Matrix", "Mactrix"]),
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
    "kraken", "berichtenservice", "chatapp", "encryptie", "cryptonetwerk", "toestel", "operatie", "hack", "zaak",
    "cryptodiensten", "chatdiensten", "diensten", "cryptotelefoons", "ontmanteld", "offline", "meegelezen", "meelezen",
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
    ("Cyprus", "CY"), ("Malta", "MT"), ("Curaçao", "CW"), ("IJsland", "IS"), ("Bolivia", "BO"), ("Venezuela", "VE"), ("Chili", "CL"),
    ("Georgië", "GE"), ("Armenië", "AM"), ("Bosnië", "BA"), ("Montenegro", "ME"), ("Noord-Macedonië", "MK"),
    ("Saoedi-Arabië", "SA"), ("Qatar", "QA"), ("Libanon", "LB"), ("Iran", "IR"), ("Irak", "IQ"), ("Syrië", "SY"),
    ("Maleisië", "MY"), ("Indonesië", "ID"), ("Vietnam", "VN"), ("Filipijnen", "PH"), ("Zuid-Korea", "KR"),
    ("Ghana", "GH"), ("Kenia", "KE"), ("Guyana", "GY"), ("Dominicaanse Republiek", "DO"), ("Jamaica", "JM"), ("Aruba", "AW"), ("Hongkong", "HK"), ("Singapore", "SG"),
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
    ("Toronto", "CA"), ("Montreal", "CA"), ("Roubaix", "FR"), ("Lyon", "FR"), ("Straatsburg", "FR"), ("Nice", "FR"),
    ("München", "DE"), ("Frankfurt", "DE"), ("Düsseldorf", "DE"), ("Aken", "DE"), ("Napels", "IT"), ("Lissabon", "PT"),
    ("Málaga", "ES"), ("Valencia", "ES"), ("Alicante", "ES"), ("Dublin", "IE"), ("Glasgow", "GB"), ("Manchester", "GB"),
    ("Liverpool", "GB"), ("Birmingham", "GB"), ("Oslo", "NO"), ("Kopenhagen", "DK"), ("Helsinki", "FI"), ("Wenen", "AT"),
    ("Zürich", "CH"), ("Genève", "CH"), ("Warschau", "PL"), ("Praag", "CZ"), ("Boedapest", "HU"), ("Athene", "GR"),
    ("Istanbul", "TR"), ("Belgrado", "RS"), ("Zagreb", "HR"), ("Tirana", "AL"), ("Vilnius", "LT"), ("Riga", "LV"),
    ("Tallinn", "EE"), ("Kiev", "UA"), ("Moskou", "RU"), ("New York", "US"), ("Washington", "US"), ("Miami", "US"),
    ("Los Angeles", "US"), ("Bogotá", "CO"), ("Medellín", "CO"), ("Guayaquil", "EC"), ("Paramaribo", "SR"),
    ("Willemstad", "CW"), ("Melbourne", "AU"), ("Brisbane", "AU"), ("Perth", "AU"), ("Canberra", "AU"),
    ("Abu Dhabi", "AE"), ("Bangkok", "TH"), ("Hongkong", "HK"), ("Casablanca", "MA"), ("Tanger", "MA"),
    ("Reykjavik", "IS"), ("Luxemburg-Stad", "LU"), ("Mechelen", "BE"), ("Leuven", "BE"), ("Hasselt", "BE"),
    ("Brugge", "BE"), ("Charleroi", "BE"), ("Namen", "BE"), ("Oostende", "BE"), ("Kortrijk", "BE"),
    ("Amersfoort", "NL"), ("Hilversum", "NL"), ("Leeuwarden", "NL"), ("Assen", "NL"), ("Emmen", "NL"),
    ("Deventer", "NL"), ("Helmond", "NL"), ("Roosendaal", "NL"), ("Bergen op Zoom", "NL"), ("Vlissingen", "NL"),
    ("Middelburg", "NL"), ("Gouda", "NL"), ("Delft", "NL"), ("Alkmaar", "NL"), ("Hoorn", "NL"), ("Purmerend", "NL"),
    ("Zaandam", "NL"), ("Heerlen", "NL"), ("Sittard", "NL"), ("Roermond", "NL"), ("Weert", "NL"), ("Oss", "NL"),
    ("Waalwijk", "NL"), ("Ede", "NL"), ("Veenendaal", "NL"), ("Hengelo", "NL"), ("Almelo", "NL"), ("Kampen", "NL"),
    ("Moerdijk", "NL"), ("Vlaardingen", "NL"), ("Schiedam", "NL"), ("Capelle aan den IJssel", "NL"), ("Spijkenisse", "NL"),
    ("Noord-Brabant", "NL"), ("Zeeland", "NL"), ("Gelderland", "NL"), ("Overijssel", "NL"), ("Friesland", "NL"),
    ("Drenthe", "NL"), ("Flevoland", "NL"), ("Noord-Holland", "NL"), ("Zuid-Holland", "NL"), ("Vlaanderen", "BE"),
    ("Wallonië", "BE"), ("Andalusië", "ES"), ("Catalonië", "ES"), ("Beieren", "DE"), ("Costa del Sol", "ES"),
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
    ("Braziliaanse", "BR"), ("Litouwse", "LT"), ("Ijslandse", "IS"), ("IJslandse", "IS"), ("Mexicaanse", "MX"),
    ("Costaricaanse", "CR"), ("Ecuadoraanse", "EC"), ("Griekse", "GR"), ("Kroatische", "HR"), ("Hongaarse", "HU"),
    ("Roemeense", "RO"), ("Bulgaarse", "BG"), ("Tsjechische", "CZ"), ("Luxemburgse", "LU"), ("Schotse", "GB"),
    ("Amerikanen", "US"), ("Britten", "GB"), ("Australiërs", "AU"), ("Canadezen", "CA"), ("Marokkanen", "MA"),
    ("Dubaise", "AE"), ("Emiraatse", "AE"), ("Russische", "RU"), ("Oekraïense", "UA"), ("Chinese", "CN"), ("Thaise", "TH"),
    ("Europese", ""), ("Europees", ""), ("Surinaamse", "SR"), ("Antilliaanse", ""),
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
    "mevrouw", "heer", "justitie", "landsadvocaat", "persofficier", "politiecommissaris", "hoofdinspecteur",
    "inspecteur", "voorzitter", "projectleider",
];
