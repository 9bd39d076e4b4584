//! Names the pipeline knows: agencies, the words that make a service's short name a service,
//! countries, cities and demonyms (to ISO codes), news organisations and common first names.
//! The services themselves are in `services.jsonl` (see `crate::data::services`).

/// Words near an ambiguous spelling that show it names a service.
pub const AMBIGUOUS_CONTEXT: &[&str] = &[
    "chatdienst", "berichtendienst", "dienst", "app", "netwerk", "telefoons", "toestellen", "cryptotelefoons",
    "cryptotelefoon", "platform", "berichtenapp", "gebruikers", "versleutelde", "versleuteld", "cryptodienst",
    "communicatiedienst", "aanbieder", "berichten", "servers", "server", "telefoon", "ECC", "Messenger", "gekraakt",
    "kraken", "berichtenservice", "chatapp", "encryptie", "cryptonetwerk", "toestel", "operatie", "hack", "zaak",
    "cryptodiensten", "chatdiensten", "diensten", "cryptotelefoons", "ontmanteld", "offline", "meegelezen", "meelezen",
];

/// Service words specific to encrypted communication: a misspelling of a short or ambiguous
/// service name (`Ghots`, `Matrhix`) counts in a sentence with one of these, or right after one
/// (lowercase; also as the last part of a compound), since `zaak`, `app` or `dienst` go with any
/// name; with only such a common word (`AMBIGUOUS_CONTEXT`) it needs two sentences.
pub const FUZZY_CONTEXT: &[&str] = &[
    "cryptotelefoon", "cryptotelefoons", "cryptodienst", "cryptodiensten", "cryptonetwerk", "cryptoapp", "versleutelde",
    "versleuteld", "berichtendienst", "berichtenapp", "chatdienst", "chatapp", "encryptie", "gekraakt", "gehackt",
    "kraken", "ontmanteld", "meegelezen", "meelezen", "servers", "pgp", "cryptotelefoonaanbieder", "toestellen",
    "communicatiedienst", "telefoondienst", "cryptotelefoondienst",
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
    ("landelijk parket", "Landelijk Parket"),
    ("landelijke recherche", "Politie"),
    ("landelijke eenheid", "Politie"),
    ("Nationale Politie", "Politie"),
    ("Landelijke Eenheid", "Politie"),
    ("Landelijke Recherche", "Politie"),
    ("Eenheid Landelijke Opsporing en Interventies", "Politie"),
    ("ELOI", "Politie"),
    ("Rijksrecherche", "Rijksrecherche"),
    ("Koninklijke Marechaussee", "Koninklijke Marechaussee"),
    ("Marechaussee", "Koninklijke Marechaussee"),
];

/// Generic words that name the Dutch police as an agency (`de politie`, `rechercheurs van de politie`).
/// Plural `politiediensten` is generic (`uit het vizier van politiediensten`), so not here.
pub const POLICE_WORDS: &[&str] = &["politie", "Politie"];

/// Dutch country names and their ISO 3166-1 alpha-2 codes.
pub const COUNTRIES: &[(&str, &str)] = &[
    ("Nederland", "NL"), ("België", "BE"), ("Duitsland", "DE"), ("Frankrijk", "FR"), ("Italië", "IT"),
    ("Zweden", "SE"), ("Noorwegen", "NO"), ("Denemarken", "DK"), ("Finland", "FI"), ("Spanje", "ES"),
    ("Portugal", "PT"), ("Verenigd Koninkrijk", "GB"), ("Groot-Brittannië", "GB"), ("Engeland", "GB"),
    ("Schotland", "GB"), ("Ierland", "IE"), ("Luxemburg", "LU"), ("Oostenrijk", "AT"), ("Zwitserland", "CH"),
    ("Polen", "PL"), ("Tsjechië", "CZ"), ("Slowakije", "SK"), ("Hongarije", "HU"), ("Roemenië", "RO"),
    ("Bulgarije", "BG"), ("Griekenland", "GR"), ("Kroatië", "HR"), ("Servië", "RS"), ("Slovenië", "SI"),
    ("Albanië", "AL"), ("Turkije", "TR"), ("Litouwen", "LT"), ("Letland", "LV"), ("Estland", "EE"),
    ("Oekraïne", "UA"), ("Rusland", "RU"), ("Verenigde Staten", "US"), ("Verenigde Staten van Amerika", "US"), ("Amerika", "US"), ("VS", "US"),
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
    ("Enschede", "NL"), ("Venlo", "NL"), ("Schiphol", "NL"), ("Brabant", "NL"),
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
    // Dutch municipalities, towns and regions, and Belgian towns: a figure tied to one is tied to its country.
    ("Aalsmeer", "NL"), ("Aalten", "NL"), ("Achtkarspelen", "NL"), ("Alblasserdam", "NL"), ("Albrandswaard", "NL"), ("Alphen", "NL"),
    ("Ameland", "NL"), ("Amstelveen", "NL"), ("Arnemuiden", "NL"), ("Asten", "NL"), ("Baarn", "NL"), ("Badhoevedorp", "NL"),
    ("Baexem", "NL"), ("Barendrecht", "NL"), ("Barneveld", "NL"), ("Beek", "NL"), ("Beekdaelen", "NL"), ("Bemmel", "NL"),
    ("Bergeijk", "NL"), ("Bergen", "NL"), ("Berkelland", "NL"), ("Bernheze", "NL"), ("Best", "NL"), ("Beuningen", "NL"),
    ("Beverwijk", "NL"), ("Bijlmer", "NL"), ("Bladel", "NL"), ("Blaricum", "NL"), ("Blerick", "NL"), ("Bloemendaal", "NL"),
    ("Bodegraven", "NL"), ("Boekel", "NL"), ("Borger-Odoorn", "NL"), ("Born", "NL"), ("Borne", "NL"), ("Borsele", "NL"),
    ("Boxmeer", "NL"), ("Boxtel", "NL"), ("Brielle", "NL"), ("Brummen", "NL"), ("Brunssum", "NL"), ("Bunnik", "NL"),
    ("Bunschoten", "NL"), ("Buren", "NL"), ("Capelle", "NL"), ("Castricum", "NL"), ("Charlois", "NL"), ("Coevorden", "NL"),
    ("Cranendonck", "NL"), ("Cuijk", "NL"), ("Culemborg", "NL"), ("Dalfsen", "NL"), ("Dantumadiel", "NL"), ("Delfzijl", "NL"),
    ("Deurne", "NL"), ("Didam", "NL"), ("Diemen", "NL"), ("Dinkelland", "NL"), ("Doesburg", "NL"), ("Doetinchem", "NL"),
    ("Dongen", "NL"), ("Drechterland", "NL"), ("Drimmelen", "NL"), ("Dronten", "NL"), ("Druten", "NL"), ("Duiven", "NL"),
    ("Echt-Susteren", "NL"), ("Edam-Volendam", "NL"), ("Eemsdelta", "NL"), ("Eersel", "NL"), ("Eijsden-Margraten", "NL"), ("Elburg", "NL"),
    ("Elsloo", "NL"), ("Elst", "NL"), ("Epe", "NL"), ("Ermelo", "NL"), ("Etten-Leur", "NL"), ("Eygelshoven", "NL"),
    ("Feijenoord", "NL"), ("Geertruidenberg", "NL"), ("Geldrop", "NL"), ("Geldrop-Mierlo", "NL"), ("Geleen", "NL"), ("Gemert-Bakel", "NL"),
    ("Gennep", "NL"), ("Gilze", "NL"), ("Goeree-Overflakkee", "NL"), ("Goirle", "NL"), ("Gooise", "NL"), ("Gorinchem", "NL"),
    ("Groesbeek", "NL"), ("Gulpen", "NL"), ("Haaksbergen", "NL"), ("Haaren", "NL"), ("Halderberge", "NL"), ("Hardenberg", "NL"),
    ("Harderwijk", "NL"), ("Hardinxveld-Giessendam", "NL"), ("Harlingen", "NL"), ("Hattem", "NL"), ("Heemskerk", "NL"), ("Heemstede", "NL"),
    ("Heerde", "NL"), ("Heerenveen", "NL"), ("Heerhugowaard", "NL"), ("Heeze-Leende", "NL"), ("Heiloo", "NL"), ("Helden", "NL"),
    ("Hellendoorn", "NL"), ("Hellevoetsluis", "NL"), ("Hendrik-Ido-Ambacht", "NL"), ("Heumen", "NL"), ("Heusden", "NL"), ("Hillegom", "NL"),
    ("Hilvarenbeek", "NL"), ("Hoeksche", "NL"), ("Hoensbroek", "NL"), ("Hof", "NL"), ("Hollands", "NL"), ("Hoofddorp", "NL"),
    ("Hoogeveen", "NL"), ("Hoogezand", "NL"), ("Hoogvliet", "NL"), ("Horst", "NL"), ("Houten", "NL"), ("Huizen", "NL"),
    ("Hulst", "NL"), ("IJmond", "NL"), ("IJmuiden", "NL"), ("IJsselstein", "NL"), ("IJsselstreek", "NL"), ("Kaag", "NL"),
    ("Kapelle", "NL"), ("Katwijk", "NL"), ("Kerkrade", "NL"), ("Kessel", "NL"), ("Kralingen", "NL"), ("Krimpen", "NL"),
    ("Krommenie", "NL"), ("Kroon", "NL"), ("Laarbeek", "NL"), ("Landgraaf", "NL"), ("Lansingerland", "NL"), ("Laren", "NL"),
    ("Leiderdorp", "NL"), ("Leidschendam", "NL"), ("Leidschendam-Voorburg", "NL"), ("Leudal", "NL"), ("Leusden", "NL"), ("Lingewaard", "NL"),
    ("Lisse", "NL"), ("Lochem", "NL"), ("Loon", "NL"), ("Losser", "NL"), ("Maasdriel", "NL"), ("Maasgouw", "NL"),
    ("Maassluis", "NL"), ("Malden", "NL"), ("Medemblik", "NL"), ("Meerssen", "NL"), ("Meierijstad", "NL"), ("Meppel", "NL"),
    ("Midden-Delfland", "NL"), ("Mierden", "NL"), ("Mill", "NL"), ("Montferland", "NL"), ("Montfoort", "NL"), ("Mook", "NL"),
    ("Nederweert", "NL"), ("Nieuw-Vennep", "NL"), ("Nieuwegein", "NL"), ("Nieuwkoop", "NL"), ("Nijkerk", "NL"), ("Nissewaard", "NL"),
    ("Noordenveld", "NL"), ("Noordoostpolder", "NL"), ("Noordwijk", "NL"), ("Nuenen", "NL"), ("Nunspeet", "NL"), ("Nuth", "NL"),
    ("Oegstgeest", "NL"), ("Oirschot", "NL"), ("Oisterwijk", "NL"), ("Oldambt", "NL"), ("Oldebroek", "NL"), ("Oldenzaal", "NL"),
    ("Olst-Wijhe", "NL"), ("Ommen", "NL"), ("Onderbanken", "NL"), ("Oost-Gelre", "NL"), ("Oosterhout", "NL"), ("Oostzaan", "NL"),
    ("Opmeer", "NL"), ("Osdorp", "NL"), ("Ouddorp", "NL"), ("Oude", "NL"), ("Ouder-Amstel", "NL"), ("Oudewater", "NL"),
    ("Overbetuwe", "NL"), ("Panningen", "NL"), ("Papendrecht", "NL"), ("Peel", "NL"), ("Pernis", "NL"), ("Pijnacker", "NL"),
    ("Putten", "NL"), ("Raalte", "NL"), ("Reimerswaal", "NL"), ("Renkum", "NL"), ("Renswoude", "NL"), ("Reusel-De", "NL"),
    ("Rheden", "NL"), ("Rhenen", "NL"), ("Ridderkerk", "NL"), ("Rijssen-Holten", "NL"), ("Rijswijk", "NL"), ("Roerdalen", "NL"),
    ("Rozenburg", "NL"), ("Rucphen", "NL"), ("Schagen", "NL"), ("Scherpenzeel", "NL"), ("Schinveld", "NL"), ("Schouwen-Duiveland", "NL"),
    ("Sevenum", "NL"), ("Simpelveld", "NL"), ("Sint-Michielsgestel", "NL"), ("Sint-Oedenrode", "NL"), ("Sliedrecht", "NL"), ("Slotervaart", "NL"),
    ("Sluis", "NL"), ("Smallingerland", "NL"), ("Soest", "NL"), ("Someren", "NL"), ("Son", "NL"), ("Stadskanaal", "NL"),
    ("Staphorst", "NL"), ("Stede", "NL"), ("Steenbergen", "NL"), ("Steenwijkerland", "NL"), ("Stein", "NL"), ("Susteren", "NL"),
    ("Tegelen", "NL"), ("Terneuzen", "NL"), ("Terschelling", "NL"), ("Texel", "NL"), ("Teylingen", "NL"), ("Tholen", "NL"),
    ("Thorn", "NL"), ("Tiel", "NL"), ("Tubbergen", "NL"), ("Twenterand", "NL"), ("Tynaarlo", "NL"), ("Uden", "NL"),
    ("Uitgeest", "NL"), ("Uithoorn", "NL"), ("Urk", "NL"), ("Urmond", "NL"), ("Utrechtse", "NL"), ("Vaals", "NL"),
    ("Valkenburg", "NL"), ("Valkenswaard", "NL"), ("Veendam", "NL"), ("Veere", "NL"), ("Veghel", "NL"), ("Veldhoven", "NL"),
    ("Velp", "NL"), ("Velsen", "NL"), ("Venray", "NL"), ("Vijfheerenlanden", "NL"), ("Vlieland", "NL"), ("Voerendaal", "NL"),
    ("Voorschoten", "NL"), ("Voorst", "NL"), ("Vught", "NL"), ("Waadhoeke", "NL"), ("Waalre", "NL"), ("Waddinxveen", "NL"),
    ("Wageningen", "NL"), ("Wassenaar", "NL"), ("Waterland", "NL"), ("Weesp", "NL"), ("Westerkwartier", "NL"), ("Westervoort", "NL"),
    ("Westland", "NL"), ("Weststellingwerf", "NL"), ("Wierden", "NL"), ("Wijchen", "NL"), ("Wijdemeren", "NL"), ("Wijk", "NL"),
    ("Winterswijk", "NL"), ("Woensdrecht", "NL"), ("Woerden", "NL"), ("Wormer", "NL"), ("Wormerland", "NL"), ("Woudenberg", "NL"),
    ("Zaanstad", "NL"), ("Zaltbommel", "NL"), ("Zandvoort", "NL"), ("Zeewolde", "NL"), ("Zeist", "NL"), ("Zevenaar", "NL"),
    ("Zoeterwoude", "NL"), ("Zuidoost", "NL"), ("Zuidplas", "NL"), ("Zundert", "NL"), ("Zutphen", "NL"), ("Zwijndrecht", "NL"),
    ("Oost-Nederland", "NL"), ("Noord-Nederland", "NL"), ("Zuid-Nederland", "NL"), ("West-Nederland", "NL"), ("Midden-Nederland", "NL"), ("Randstad", "NL"),
    ("Twente", "NL"), ("Achterhoek", "NL"), ("Veluwe", "NL"), ("Betuwe", "NL"), ("Rijnmond", "NL"), ("Haaglanden", "NL"),
    ("Westland", "NL"), ("Zeeuws-Vlaanderen", "NL"), ("Noord-Limburg", "NL"), ("Zuid-Limburg", "NL"), ("Oost-Brabant", "NL"), ("West-Brabant", "NL"),
    ("Midden-Brabant", "NL"), ("Zaanstreek", "NL"), ("Gooi", "NL"), ("Kennemerland", "NL"), ("Waterland", "NL"), ("Rotterdamse haven", "NL"),
    ("Botlek", "NL"), ("Maasvlakte", "NL"), ("Europoort", "NL"), ("Waalhaven", "NL"), ("Drechtsteden", "NL"), ("Den Helder", "NL"),
    ("Oost-Groningen", "NL"), ("Aalst", "BE"), ("Beveren", "BE"), ("Boom", "BE"), ("Dendermonde", "BE"), ("Genk", "BE"),
    ("Geel", "BE"), ("Herentals", "BE"), ("Lier", "BE"), ("Lokeren", "BE"), ("Mol", "BE"), ("Ninove", "BE"),
    ("Roeselare", "BE"), ("Sint-Niklaas", "BE"), ("Turnhout", "BE"), ("Vilvoorde", "BE"), ("Waregem", "BE"), ("Ieper", "BE"),
    ("Knokke", "BE"), ("Zeebrugge", "BE"), ("Borgerhout", "BE"), ("Hoboken", "BE"), ("Merksem", "BE"), ("Berchem", "BE"),
    ("Wilrijk", "BE"), ("Schoten", "BE"), ("Brasschaat", "BE"), ("Kapellen", "BE"), ("Doornik", "BE"), ("Aarlen", "BE"),
    ("Verviers", "BE"), ("Seraing", "BE"), ("La Louvière", "BE"), ("Moeskroen", "BE"), ("Anderlecht", "BE"), ("Molenbeek", "BE"),
    ("Schaarbeek", "BE"), ("Elsene", "BE"), ("Ukkel", "BE"), ("Vorst", "BE"), ("Antwerpse haven", "BE"),
    ("Waaslandhaven", "BE"), ("Sint-Joost-ten-Node", "BE"), ("Oost-Vlaanderen", "BE"), ("West-Vlaanderen", "BE"), ("Kesteren", "NL"),
];

/// Demonyms and place adjectives (MISC entities) and the country they point to.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("Nederlandse", "NL"), ("Nederlands", "NL"), ("Nederlander", "NL"), ("Nederlanders", "NL"),
    ("Nederlandstalige", "NL"), ("Nederlandstaligen", "NL"), ("Belgische", "BE"), ("Belgisch", "BE"), ("Vlaamse", "BE"), ("Vlaams", "BE"), ("Waalse", "BE"), ("Brusselse", "BE"),
    ("Antwerpse", "BE"), ("Gentse", "BE"), ("Luikse", "BE"), ("Rotterdamse", "NL"), ("Amsterdamse", "NL"), ("Haagse", "NL"),
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

/// Names that are MISC (CoNLL-2002): software, TV programmes.
pub const MISC_NAMES: &[&str] = &["PGP", "Pretty Good Privacy", "EenVandaag", "Nieuwsuur", "Pointer", "Zembla", "Argos"];

/// News organisations and other named organisations that are not agencies.
pub const ORGANISATIONS: &[&str] = &[
    "Het Parool", "De Telegraaf", "NOS", "NRC", "de Volkskrant", "Volkskrant", "AD", "Algemeen Dagblad", "RTL Nieuws",
    "Vice Magazine", "Vice", "ANP", "Reuters", "BBC", "Trouw", "Het Laatste Nieuws", "HLN", "De Standaard",
    "Follow the Money", "Interpol", "Joint Investigation Team", "JIT",
    "Douane", "NCA", "National Crime Agency", "DEA", "Gendarmerie", "Apple", "Google", "Signal", "WhatsApp", "Telegram",
];

/// Capitalised heads of institutions named after their place (`Politie Oost-Nederland`, `Omroep
/// Gelderland`, `Rechtbank Den Haag`, `Gemeente Utrecht`): head and place are one organisation.
pub const INSTITUTION_HEADS: &[&str] = &[
    "Politie", "Omroep", "Rechtbank", "Gemeente", "Provincie", "Parket", "Gerechtshof", "Hof", "Arrondissementsparket",
    "Brandweer", "Veiligheidsregio", "Waterschap", "Universiteit", "Hogeschool", "Regio", "Eenheid",
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
