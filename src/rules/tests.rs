//! Table-driven tests of the rule layer: one sentence (or short article), the facts it must give.

use crate::document::Stage;
use crate::pipeline::Pipeline;
use crate::Document;

/// Facts of the main operation as `slot=value[ unit][ what][ /per_months][ qualifier][ @where]`, sorted.
fn facts(text: &str) -> Vec<String> {
    let mut doc = Document::from_text("t", text.to_string()).expect("non-empty");
    Pipeline::default().annotate(&mut doc).expect("pipeline runs");
    let record = doc.record.expect("a record");
    let mut out: Vec<String> = record
        .operations
        .iter()
        .filter(|o| o.main)
        .flat_map(|o| &o.facts)
        .map(|f| {
            let mut s = format!("{}={}", f.slot, f.value);
            for part in [&f.unit, &f.what].into_iter().flatten() {
                s.push(' ');
                s.push_str(part);
            }
            if let Some(m) = f.per_months {
                s.push_str(&format!(" /{m}"));
            }
            if let Some(q) = f.qualifier {
                s.push(' ');
                s.push_str(q.as_str());
            }
            if let Some(p) = &f.place {
                s.push_str(&format!(" @{p}"));
            }
            s
        })
        .collect();
    out.sort();
    out
}

macro_rules! facts {
    ($text:expr, [$($fact:expr),* $(,)?]) => {{
        let mut want: Vec<String> = vec![$($fact.to_string()),*];
        want.sort();
        assert_eq!(facts($text), want, "facts of {:?}", $text);
    }};
}

#[test]
fn counts_from_nouns_and_verbs() {
    facts!("Bij de actie tegen EncroChat zijn 42 verdachten opgepakt.", ["arrests=42"]);
    facts!("Via Sky ECC werden ruim honderd mensen gearresteerd en 75 woningen doorzocht.", ["arrests=100 more_than", "searches=75"]);
    facts!("De ANOM-zaak leidde tot ruim 800 arrestaties.", ["arrests=800 more_than"]);
    facts!("Er waren 79 doorzoekingen in het onderzoek naar Exclu.", ["searches=79"]);
    facts!("Matrix had wereldwijd zo'n 8000 gebruikers.", ["users=8000 about"]);
    facts!("Volgens schattingen gebruikten ongeveer 3000 mensen Exclu, onder wie 750 Nederlandstaligen.", ["users=3000 about", "users=750 dutch_speaking"]);
    facts!("Er zijn meer dan 27 miljoen berichten van ANOM onderschept.", ["messages=27000000 more_than"]);
    facts!("Bij de operatie tegen Ghost namen twaalfhonderd agenten deel.", ["officers=1200"]);
    facts!("De berichten van EncroChat spelen een rol in meer dan driehonderd strafzaken.", ["cases=300 more_than"]);
    facts!("In het onderzoek naar Sky ECC zijn 28 vuurwapens in beslag genomen.", ["seized_weapons=28"]);
    facts!("Dankzij EncroChat zijn twee drugslabs en een cocaïnewasserij ontdekt.", ["drug_sites=2 lab", "drug_sites=1 cocaine_washing"]);
}

#[test]
fn money_mass_and_prices() {
    facts!("Bij de acties tegen ANOM is 8000 kilo cocaïne in beslag genomen.", ["seized_drugs=8000 kg cocaine"]);
    facts!("De politie vond na de hack van SkyECC twee ton drugs en 4 miljoen euro aan contant geld.", ["seized_drugs=2000 kg drugs", "seized_cash=4000000 EUR", "agency=Politie"]);
    facts!("In Groot-Brittannië werd na de EncroChat-hack 54 miljoen pond in beslag genomen.", ["seized_cash=54000000 GBP @GB"]);
    facts!("Gebruikers van Exclu betaalden 800 euro per half jaar.", ["price=800 EUR subscription /6"]);
    facts!("Een abonnement op EncroChat van zes maanden kostte 1500 euro.", ["price=1500 EUR subscription /6"]);
    facts!("Een toestel van EncroChat kostte zo'n 1000 euro.", ["price=1000 EUR phone about"]);
    facts!("De schade van de Ghost-zaak bedraagt 2 miljoen euro.", []);
}

#[test]
fn places_and_countries() {
    facts!("Na de hack van Sky ECC zijn in Nederland dertig mensen aangehouden.", ["arrests=30 @NL", "country=NL"]);
    facts!("Bij invallen in Nederland, België en Duitsland zijn 42 gebruikers van Exclu opgepakt.", ["arrests=42", "country=NL", "country=BE", "country=DE"]);
    facts!("EncroChat had zo'n 50.000 gebruikers, waarvan 12.000 in Nederland.", ["users=50000 about", "users=12000 @NL"]);
    facts!("In Rotterdam zijn na de ANOM-hack 28 vuurwapens in beslag genomen.", ["seized_weapons=28 @NL"]);
    facts!("Voor zover bekend is in Nederland niemand opgepakt in de Ghost-zaak.", ["arrests=0 @NL"]);
    facts!("Franse en Nederlandse rechercheurs kraakten EncroChat.", ["country=FR", "country=NL"]);
    facts!("Ook politiediensten uit Italië en Zweden werkten mee aan het onderzoek naar Exclu.", ["country=IT", "country=SE"]);
    facts!("De servers van Ennetcom stonden in Canada.", ["server_country=CA"]);
}

#[test]
fn dates_agencies_people_and_code_names() {
    facts!(" date 2023-02 Gisteren werd de chatdienst Exclu door de politie uit de lucht gehaald.", ["takedown=2023-02", "agency=Politie"]);
    facts!(" date 2020-07 De politie heeft sinds 1 april berichten van EncroChat meegelezen.", ["interception_start=2020-04-01", "agency=Politie"]);
    facts!("Het onderzoek naar Exclu begon in september 2020.", ["investigation_start=2020-09"]);
    facts!("Het onderzoek naar ANOM kreeg de codenaam Trojan Shield.", ["investigation=Trojan Shield"]);
    facts!("Volgens Europol en de FIOD is Ghost een criminele dienst.", ["agency=Europol", "agency=FIOD"]);
    facts!("Politiechef Andy Kraag noemt de hack van Exclu een goudmijn.", ["person=Andy Kraag"]);
    facts!(" date 2023-02 Rechercheurs hebben ruim vijf maanden met Exclu meegelezen.", ["interception_months=5 more_than"]);
}

#[test]
fn linking_and_services() {
    // A sentence naming another service gives its facts to that operation, not the main one.
    facts!(
        "Exclu is gekraakt. Exclu had 3000 gebruikers. In 2020 werden meer dan honderd gebruikers van EncroChat aangehouden.",
        ["users=3000"]
    );
    // No service named: no operations, no facts.
    let mut doc = Document::from_text("t", "In de haven van Rotterdam is 500 kilo cocaïne in beslag genomen.".to_string()).unwrap();
    Pipeline::default().annotate(&mut doc).unwrap();
    assert!(doc.record.unwrap().operations.is_empty());
    // Spelling variants and compounds name the canonical service.
    let mut doc = Document::from_text("t", "42 Exclu-gebruikers zijn opgepakt. Eerder werden PGPsafe en Sky-ECC gekraakt.".to_string()).unwrap();
    crate::text::Segmenter::default().process(&mut doc).unwrap();
    let mentions = super::services::ServiceTable::default().find(&doc);
    let names: Vec<&str> = mentions.iter().map(|m| m.service.as_ref()).collect();
    assert_eq!(names, vec!["Exclu", "PGP Safe", "Sky ECC"]);
}

#[test]
fn other_phrasings() {
    facts!("Na de hack van Sky ECC zijn zeventien mensen in hechtenis genomen.", ["arrests=17"]);
    facts!("Bij de ANOM-acties werden 48 arrestanten overgebracht naar het bureau.", ["arrests=48"]);
    facts!("De Belgische politie arresteerde 48 mensen na de hack van Sky ECC.", ["arrests=48", "country=BE"]);
    facts!("EncroChat telde ongeveer 10.000 abonnees.", ["users=10000 about"]);
    facts!("Er werd bij de Exclu-acties 1,2 miljoen euro aan contanten aangetroffen.", ["seized_cash=1200000 EUR"]);
    facts!("Honderden rechercheurs werkten aan de zaak rond ANOM.", ["officers=200 vague"]);
    facts!("De berichten van Sky ECC worden gebruikt in tientallen strafzaken.", ["cases=20 vague"]);
    facts!("Een telefoon met abonnement van Ghost kostte 1.500 euro per half jaar.", ["price=1500 EUR subscription /6"]);
    facts!(" date 2021-03 Op 9 maart werd Sky ECC ontmanteld.", ["takedown=2021-03-09"]);
}

#[test]
fn the_lead_names_the_main_service() {
    let text = "Na EncroChat en Sky ECC is nu ook Exclu gekraakt.\n\nDe politie las maanden mee.\n\nEerder werden EncroChat-gebruikers opgepakt. EncroChat had veel gebruikers. Ook EncroChat-toestellen werden gevonden.";
    let mut doc = Document::from_text("t", text.to_string()).unwrap();
    Pipeline::default().annotate(&mut doc).unwrap();
    let record = doc.record.unwrap();
    assert_eq!(record.main_service(), Some("EncroChat"));
    let text = "Exclu is gekraakt, meldt de politie.\n\nDe dienst had 3000 gebruikers.\n\nEerder werd EncroChat gekraakt. Ook EncroChat-toestellen werden gevonden.";
    let mut doc = Document::from_text("t", text.to_string()).unwrap();
    Pipeline::default().annotate(&mut doc).unwrap();
    assert_eq!(doc.record.unwrap().main_service(), Some("Exclu"));
}

#[test]
fn a_service_not_in_the_table_is_introduced_by_a_service_noun() {
    let text = "Het gaat om Nexora, een berichtenapp voor criminelen. Bij de actie tegen Nexora zijn 12 mensen opgepakt. Ook 40 Nexora-toestellen werden gevonden.";
    let mut doc = Document::from_text("t", text.to_string()).unwrap();
    Pipeline::default().annotate(&mut doc).unwrap();
    let record = doc.record.unwrap();
    assert_eq!(record.main_service(), Some("Nexora"));
    facts!(text, ["arrests=12"]);
    facts!("De politie heeft de cryptodienst Vortex uit de lucht gehaald.", ["agency=Politie"]);
    // A known organisation or place after a service noun is not a new service.
    let mut doc = Document::from_text("t", "Criminelen stapten over op de chatdienst WhatsApp in Nederland.".to_string()).unwrap();
    Pipeline::default().annotate(&mut doc).unwrap();
    assert!(doc.record.unwrap().operations.is_empty());
}

/// Facts of every operation as `[service] slot=value ...`, sorted.
fn all_facts(text: &str) -> Vec<String> {
    let mut doc = Document::from_text("t", text.to_string()).expect("non-empty");
    Pipeline::default().annotate(&mut doc).expect("pipeline runs");
    let mut out: Vec<String> = doc
        .record
        .expect("a record")
        .operations
        .iter()
        .flat_map(|o| o.facts.iter().map(move |f| format!("[{}] {}={}", o.service, f.slot, f.value)))
        .collect();
    out.sort();
    out
}

#[test]
fn takedowns_need_the_service_offline_not_hacked() {
    // Cracked is no takedown; the crack's date is when reading began (rulings of 2026-12).
    facts!(" date 2021-03 Vorige week werd de chatdienst Ghost door de politie gekraakt.", ["agency=Politie", "interception_start=2021-03"]);
    facts!("In 2020 werd EncroChat door Franse speurders gehackt.", ["country=FR", "interception_start=2020"]);
    facts!("Op 12 mei 2019 werd de cryptodienst Nexora de nek omgedraaid.", ["takedown=2019-05-12"]);
    facts!("In 2018 hebben agenten de computerservers van IronChat in beslag genomen.", ["takedown=2018"]);
}

#[test]
fn a_takedown_reported_as_news_takes_the_header_date() {
    facts!(" date 2024-06 Met steun van Europol heeft de politie de cryptodienst Nexora opgerold.", [
        "agency=Europol", "agency=Politie", "takedown=2024-06"
    ]);
    facts!(" date 2024-06-04 De politie haalt de berichtendienst Matrix uit de lucht.", ["agency=Politie", "takedown=2024-06-04"]);
    // Background, or not in the lead: no date.
    facts!(" date 2024-06 Eerder had de politie de cryptodienst Nexora al opgerold.", ["agency=Politie"]);
    facts!(" date 2024-06 De politie heeft Exclu opgerold.", ["agency=Politie", "takedown=2024-06"]);
    facts!(" date 2024-06 Exclu had 300 gebruikers.\n\nDe gebruikers waren tevreden.\n\nDe politie heeft Exclu opgerold.", ["agency=Politie", "users=300"]);
}

#[test]
fn a_bracketed_year_belongs_to_the_service_before_it() {
    assert_eq!(
        all_facts("Exclu is gekraakt. Eerder haalde de politie de diensten Ennetcom (2016), PGP Safe (2017) en IronChat (2018) offline."),
        vec![
            "[Ennetcom] agency=Politie", "[Ennetcom] takedown=2016", "[IronChat] agency=Politie", "[IronChat] takedown=2018",
            "[PGP Safe] agency=Politie", "[PGP Safe] takedown=2017"
        ]
    );
}

#[test]
fn figures_real_writers_use() {
    // Inhabitants are people; drugs found at arrests are seized; weapons owned are not.
    facts!("Bij de actie tegen EncroChat werden 5 Amsterdammers opgepakt.", ["arrests=5"]);
    facts!("Via Sky ECC werden drie mannen betrapt bij een lading van 2,5 ton cocaïne.", ["arrests=3", "seized_drugs=2500 kg cocaine"]);
    facts!("Een gebruiker van Exclu werd veroordeeld voor het bezit van een vuurwapen.", []);
    // Hedges: `een` before a figure in digits, `zeker`; the article is no figure to hedge.
    facts!("ANOM had een 9.000 gebruikers.", ["users=9000 about"]);
    facts!("Het gaat om een zaak rond een cocaïnewasserij van EncroChat-gebruikers.", ["drug_sites=1 cocaine_washing"]);
    facts!("De Ghost-zaak draaide om vele gebruikers en talloze berichten.", ["messages=2 vague", "users=2 vague"]);
    facts!("Sky ECC leverde enkele honderden miljoenen berichten op.", ["messages=200000000 vague"]);
    // Subsets: after the figure, across their clause, and of the noun before them.
    facts!("Er waren 11.800 ANOM-toestellen in omloop; zeker 530 daarvan bevonden zich in Nederland.", ["users=11800", "users=530 at_least @NL"]);
    facts!("De politie vond 700.000 berichten van Exclu, waarvan er op dat moment al ruim 337.000 waren ontsleuteld.", [
        "agency=Politie", "messages=700000", "messages=337000 more_than"
    ]);
    facts!("De politie las mee met Exclu-gebruikers, van wie er ongeveer 900 in Nederland zaten.", ["agency=Politie", "users=900 about @NL"]);
    facts!("Meer dan honderd verdachten gebruikten Exclu. Veertien van hen zijn opgepakt.", ["arrests=14", "users=100 more_than"]);
    // Rates, identifiers, press releases, what goods are worth: no facts.
    facts!("Via Ghost gingen elke dag tienduizenden berichten rond.", []);
    facts!("Het platform Ghost verwerkte zo'n duizend berichten per dag.", []);
    facts!("Bij Sky ECC werden 5 mannen opgepakt op kaai 1742.", ["arrests=5"]);
    facts!("In twee persberichten meldde de politie de val van Exclu.", ["agency=Politie"]);
    facts!("Bij de actie tegen Matrix werden sieraden in beslag genomen, samen goed voor een half miljoen euro.", []);
    facts!("Via Sky ECC werd 90 ton drugs in beslag genomen, die op straat 4,5 miljard euro zouden opbrengen.", ["seized_drugs=90000 kg drugs"]);
    // Sums: per month is a subscription; cash without a currency is in euros; money as a ton.
    facts!("Exclu is een app die je voor 130 euro per maand kunt installeren.", ["price=130 EUR subscription /1"]);
    facts!("Bij de ANOM-acties werd meer dan twee miljoen aan contanten aangetroffen.", ["seized_cash=2000000 EUR more_than"]);
    facts!("Bij doorzoekingen rond IronChat vond de politie bijna een ton aan cash.", ["agency=Politie", "seized_cash=100000 EUR almost"]);
    facts!("De verkopers van IronChat verkochten de toestellen voor duizenden euro's per stuk.", ["price=2000 EUR phone vague"]);
    // Two kinds of site counted at once.
    facts!("Via ANOM kwam de politie 25 drugslabs en opslagplaatsen op het spoor.", ["agency=Politie", "drug_sites=25 site"]);
    // Premises searched with `binnenvallen`, places as premises.
    facts!("In Antwerpen viel de politie via Sky ECC op 13 locaties binnen.", ["agency=Politie", "country=BE", "searches=13 @BE"]);
    facts!("Na de kraak van Sky ECC werden op 200 plaatsen in België huiszoekingen gehouden.", ["country=BE", "searches=200 @BE"]);
}

#[test]
fn places_referred_back_to_and_written_in_new_ways() {
    facts!("De politie doorzocht bij de actie tegen Exclu een pand in Hengelo. Daar werden 3 mannen opgepakt.", [
        "agency=Politie", "arrests=3 @NL", "country=NL"
    ]);
    facts!("Exclu werd veel gebruikt in Spanje. In dat land werden 12 verdachten aangehouden.", ["arrests=12 @ES", "country=ES"]);
    // Without a place before, `daar` refers to nothing.
    facts!("Exclu werd veel gebruikt. Daar werden 12 verdachten aangehouden.", ["arrests=12"]);
    facts!("In het Vlaamse Kortemark vond de politie via Exclu 400 kilo cocaïne.", ["agency=Politie", "seized_drugs=400 kg cocaine @BE"]);
    facts!("In Amsterdam-IJburg vond de politie via EncroChat een cocaïnewasserij.", ["agency=Politie", "drug_sites=1 cocaine_washing @NL"]);
    // `de federale politie van Australië` is Australia's, not the Dutch police.
    facts!("De FBI werkte voor ANOM samen met de federale politie van Australië.", ["agency=FBI", "country=AU"]);
    // Limburg is a province of both countries: no `where`.
    facts!("De rechtbank in Limburg oordeelde in 2 strafzaken over EncroChat.", ["cases=2"]);
}

#[test]
fn a_belgian_article_s_bare_police_is_belgian() {
    facts!("Het federaal parket meldt dat de politie in Antwerpen 20 woningen doorzocht na de kraak van Sky ECC.", [
        "country=BE", "searches=20 @BE"
    ]);
    // The Dutch police in a Belgian article stays the agency.
    facts!("Het federaal parket in Brussel meldt dat de Nederlandse politie 20 woningen in Antwerpen doorzocht na de kraak van Sky ECC.", [
        "agency=Politie", "country=BE", "country=NL", "searches=20 @BE"
    ]);
    // Without a Belgian institution the article is not Belgian, but `de politie in Antwerpen` is
    // still a foreign force by its place; `de politie in Amsterdam` is the Dutch police.
    facts!("De politie in Antwerpen doorzocht 20 woningen na de kraak van Sky ECC.", ["country=BE", "searches=20 @BE"]);
    facts!("De politie in Amsterdam doorzocht 20 woningen na de kraak van Sky ECC.", ["agency=Politie", "country=NL", "searches=20 @NL"]);
    // The generic plural is no agency.
    facts!("Sky ECC hielp criminelen uit het vizier van politiediensten te blijven.", []);
}

#[test]
fn code_names_in_lists_and_as_investigations() {
    facts!(" date 2023-02 De onderzoeken naar Exclu kregen de codenamen 26Samber en 26Lytham. 26Lytham begon op 28 april 2022.", [
        "investigation=26Lytham", "investigation=26Samber", "investigation_start=2022-04-28"
    ]);
    facts!("Het Nederlandse onderzoek naar Exclu kwam op gang in 2020.", ["country=NL", "investigation_start=2020"]);
}

#[test]
fn dates_that_point_back_and_day_headers() {
    facts!(" date 2017-03 Dinsdag zijn vier mannen opgepakt bij de actie tegen PGPsafe. Dezelfde dag nam de politie in Costa Rica de servers van de dienst in beslag.", [
        "arrests=4", "country=CR", "server_country=CR", "takedown=2017-03"
    ]);
    assert_eq!(
        all_facts("In 2016 werd in Canada beslag gelegd op de server van Ennetcom. Datzelfde jaar werd een server van PGP Safe in Costa Rica in beslag genomen."),
        vec!["[Ennetcom] server_country=CA", "[Ennetcom] takedown=2016", "[PGP Safe] server_country=CR", "[PGP Safe] takedown=2016"]
    );
    facts!(" date 2021-03-09 Vandaag heeft de politie Sky ECC ontmanteld.", ["agency=Politie", "takedown=2021-03-09"]);
    facts!(" date 2021-03-12 Dinsdag werd Sky ECC ontmanteld.", ["takedown=2021-03-09"]);
}

#[test]
fn the_topic_follows_headings_and_contrasts() {
    // The main service named late, with a naming cue; an earlier service under its own heading.
    let text = "De politie heeft een telefoonnetwerk opgerold.\n\nHoe lang er is meegelezen met het programma – Ironchat geheten – wil de politie niet kwijt.\n\nEnnetcom\n\nAl in 2016 kon de politie het verkeer van Ennetcom ontcijferen.\n\nDie berichten dienen in tientallen rechtszaken als bewijs.\n\n\"Anders dan bij Ennetcom konden we dit keer live meekijken\", aldus de politie. De politie las 260.000 berichten.";
    let mut doc = Document::from_text("t", text.to_string()).unwrap();
    Pipeline::default().annotate(&mut doc).unwrap();
    let record = doc.record.unwrap();
    assert_eq!(record.main_service(), Some("IronChat"));
    let facts = all_facts(text);
    assert!(facts.contains(&"[Ennetcom] cases=20".to_string()), "{facts:?}");
    assert!(facts.contains(&"[IronChat] messages=260000".to_string()), "{facts:?}");
}

/// A stand-in for the NER model: tags the given names as people wherever they stand.
struct People(&'static [&'static str]);

impl crate::entities::EntityRecognizer for People {
    fn name(&self) -> &'static str {
        "people"
    }

    fn recognize(&self, doc: &Document) -> crate::Result<Vec<crate::document::Entity>> {
        let mut out = Vec::new();
        for name in self.0 {
            for (at, _) in doc.text.match_indices(name) {
                let span = crate::Span::new(at, at + name.len());
                out.push(crate::document::Entity { span, label: crate::document::EntityType::Per });
            }
        }
        out.sort_by_key(|e| e.span.start);
        Ok(out)
    }
}

fn persons(text: &str, names: &'static [&'static str]) -> Vec<String> {
    let mut doc = Document::from_text("t", text.to_string()).unwrap();
    Pipeline::new(Box::new(People(names))).annotate(&mut doc).unwrap();
    let mut out: Vec<String> = doc
        .record
        .unwrap()
        .operations
        .iter()
        .flat_map(|o| o.facts.iter().filter(|f| f.slot == crate::record::Slot::Person).map(|f| f.value.to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn persons_are_named_once_and_nicknames_and_bylines_are_not_persons() {
    assert_eq!(persons("Jannine van den Berg leidt het ANOM-onderzoek. Van den Berg zegt dat het werkt.", &["Jannine van den Berg", "Van den Berg"]), vec!["Jannine van den Berg"]);
    assert_eq!(persons("Danny M. was eigenaar van Ennetcom. \"Danny wist het niet\", zegt zijn advocaat.", &["Danny M.", "Danny"]), vec!["Danny M."]);
    assert_eq!(persons("Gebruikers van Exclu met bijnamen zoals Pacman en Wodka hielden zich ermee bezig.", &["Pacman", "Wodka"]), Vec::<String>::new());
    assert_eq!(persons("Joaquín Guzmán, alias El Chapo, gebruikte Phantom Secure.", &["Joaquín Guzmán", "El Chapo"]), vec!["Joaquín Guzmán"]);
    assert_eq!(persons("De man die ‘Noffel’ wordt genoemd gebruikte Ennetcom. Noffel ontkent.", &["Noffel"]), Vec::<String>::new());
    // A byline ends the header line; a credit follows a credit word.
    assert_eq!(
        persons(" date 2020-07 Politie deelt met de kraak van EncroChat een harde tik uit aan de drugsmaffia Anna Bos\n\nDe politie las mee met EncroChat. Foto: Piet Smit", &["Anna Bos", "Piet Smit"]),
        Vec::<String>::new()
    );
    assert_eq!(persons("Volgens officier Piet Smit was EncroChat een goudmijn.", &["Piet Smit"]), vec!["Piet Smit"]);
}

/// The services an article's mentions name, in text order (one entry per mention).
fn mentioned(text: &str) -> Vec<String> {
    let mut doc = Document::from_text("t", text.to_string()).expect("non-empty");
    Pipeline::default().annotate(&mut doc).expect("pipeline runs");
    let table = crate::rules::services::ServiceTable::default();
    table.find(&doc).into_iter().map(|m| format!("{}@{}", m.service, &doc.text[m.span])).collect()
}

#[test]
fn variants_and_misspellings_of_service_names() {
    let cases: &[(&str, &[&str])] = &[
        // One letter off a name of six letters or more, with or without a service word.
        ("De data stond op servers in Canada, Enneetcom geheten.", &["Ennetcom@Enneetcom"]),
        ("Vorig jaar kraakte de politie Enchrochat.", &["EncroChat@Enchrochat"]),
        ("Gebruikers van Encrocaht schrokken.", &["EncroChat@Encrocaht"]),
        // Case, spacing and compound variants.
        ("Klanten van SKYECC en van Encro Chat betaalden veel.", &["Sky ECC@SKYECC", "EncroChat@Encro Chat"]),
        ("De Ennetcomzaak sleept al jaren.", &["Ennetcom@Ennetcomzaak"]),
        ("Het Iron-Chat-proces begint.", &["IronChat@Iron-Chat-proces"]),
        ("Klanten van PGP Saafe en van PGP-SAFFE.", &["PGP Safe@PGP Saafe", "PGP Safe@PGP-SAFFE"]),
        // A surname one letter off a short name, beside a common word only: no service.
        ("Ajay Ghosh zat in de zaak vast.", &[]),
        ("Schrijver Exclo won een prijs voor zijn roman.", &[]),
        // A short or ambiguous name misspelt: a word of the trade in the sentence or the one before.
        ("De versleutelde berichten van Ghots werden meegelezen.", &["Ghost@Ghots"]),
        ("Een cryptodienst werd gekraakt. Het ging om Ecxlu, met drieduizend gebruikers.", &["Exclu@Ecxlu"]),
        // ... or a common service word in two sentences.
        ("In de auto lag een Mathrix-app.", &[]),
        ("In de auto lag een Mathrix-app. Later doken berichten via Mathrix op.", &["Matrix@Mathrix-app", "Matrix@Mathrix"]),
        // Introduced by a service noun: the noun is the context.
        ("Ze gebruikten de telefoondienst Exlcu.", &["Exclu@Exlcu"]),
        // One sense per discourse: once the article makes clear `Sky` is the service, bare
        // mentions count too.
        ("De cryptotelefoondienst Sky werd gekraakt. Sky had veel klanten in Nederland.", &["Sky ECC@Sky", "Sky ECC@Sky"]),
        ("Sky had veel klanten in Nederland.", &[]),
        ("Na de Sky ECC-hack bleek het meer. Sky had veel klanten in Nederland.", &["Sky ECC@Sky ECC-hack", "Sky ECC@Sky"]),
    ];
    for (text, want) in cases {
        assert_eq!(mentioned(text), *want, "{text}");
    }
}

#[test]
fn crack_and_access_dates_are_interception_starts() {
    facts!(" date 2021-05 In 2019 werd EncroChat door de politie gekraakt.", ["agency=Politie", "interception_start=2019"]);
    facts!(" date 2021-05 Rechercheurs kregen in december toegang tot Exclu.", ["interception_start=2020-12"]);
    facts!(" date 2022-05 De Sky-hack in maart 2021 leverde veel op.", ["interception_start=2021-03"]);
    // The date of something said about the hack is not the hack's.
    facts!(" date 2022-05 Vrijdag uitten advocaten twijfels over de hack van Sky ECC.", []);
    // A range gives its start only, and a crack is no takedown.
    facts!(" date 2021-06 EncroChat werd tussen 2018 en 2020 gehackt.", ["interception_start=2018"]);
    // Reading along without `sinds`, and a list of dates each with its service in brackets.
    facts!(
        " date 2023-01 Berichten konden worden meegelezen in 2016 (Ennetcom) en in 2020 (EncroChat), zo meldde Ennetcom.",
        ["interception_start=2016"]
    );
}

#[test]
fn dates_in_a_list_share_their_slot_and_go_to_the_bracketed_service() {
    let mut doc = Document::from_text("t", " date 2023-01 Berichten konden worden meegelezen in 2016 (Ennetcom), in 2020 (EncroChat) en in 2021 (Sky ECC).".to_string()).unwrap();
    Pipeline::default().annotate(&mut doc).unwrap();
    let record = doc.record.unwrap();
    let starts: Vec<(String, String)> = record
        .operations
        .iter()
        .flat_map(|o| o.facts.iter().filter(|f| f.slot.as_str() == "interception_start").map(move |f| (o.service.clone(), f.value.to_string())))
        .collect();
    let want = [("Ennetcom", "2016"), ("EncroChat", "2020"), ("Sky ECC", "2021")].map(|(s, v)| (s.to_string(), v.to_string()));
    assert_eq!(starts, want);
}

#[test]
fn vague_words_and_een_counts_of_the_2026_rulings() {
    facts!("Bij de actie tegen EncroChat zijn tal van verdachten opgepakt.", ["arrests=2 vague"]);
    facts!("Via Sky ECC werden een groot aantal woningen doorzocht.", ["searches=2 vague"]);
    facts!("Bij de actie tegen EncroChat zijn heel wat verdachten opgepakt.", ["arrests=2 vague"]);
    facts!("Bij het onderzoek naar Exclu werd een huiszoeking gedaan.", ["searches=1"]);
    facts!("Bij het onderzoek naar Exclu volgde een arrestatie.", ["arrests=1"]);
    facts!("Bij een inval in een loods stuitte de politie op berichten van Exclu.", ["agency=Politie"]);
    // Messages and devices are not counted from the article.
    facts!("Via Exclu kwam een bericht binnen.", []);
}

#[test]
fn both_ends_of_a_range_are_facts() {
    facts!("Via EncroChat werden tussen de 50.000 en 60.000 berichten onderschept.", ["messages=50000", "messages=60000"]);
    // Two figures of different things are no range.
    facts!("Bij de actie tegen Sky ECC zijn 20 panden doorzocht en 30 verdachten opgepakt.", ["arrests=30", "searches=20"]);
}

#[test]
fn partner_countries_and_investigations_in_a_country() {
    facts!("De politie pakte Exclu aan in samenwerking met Duitsland.", ["agency=Politie", "country=DE"]);
    facts!("In België zette het gerecht na de kraak van Sky ECC een groot dossier op.", ["country=BE"]);
    // A place alone, without anyone acting there, is no country.
    facts!("In België had Sky ECC een sterke positie.", []);
}

#[test]
fn a_sentence_pointing_at_the_current_operation_leaves_the_earlier_service() {
    let earlier = " date 2023-02 De politie kraakte de cryptodienst Exclu. Eerder was Ennetcom al gekraakt door de politie. Toen werden 40 mensen opgepakt.";
    // `Die actie` goes on about the earlier service; `Deze nieuwe kraakactie` is back at the article's own.
    let on = all_facts(&format!("{earlier} Die actie leverde 79 doorzoekingen op."));
    assert!(on.contains(&"[Ennetcom] searches=79".to_string()), "{on:?}");
    let back = all_facts(&format!("{earlier} Deze nieuwe kraakactie leverde 79 doorzoekingen op."));
    assert!(back.contains(&"[Exclu] searches=79".to_string()) && back.contains(&"[Ennetcom] arrests=40".to_string()), "{back:?}");
}

/// The [`super::place`] features of each candidate (no country first) for figure `k` of a
/// one-sentence article, by feature name.
fn place_features(text: &str, k: usize) -> Vec<std::collections::HashMap<&'static str, f64>> {
    let mut doc = Document::from_text("t", text.to_string()).expect("non-empty");
    Pipeline::default()
        .annotate(&mut doc)
        .expect("pipeline runs");
    let table = super::context::PlaceTable::default();
    let i = doc
        .sentences
        .iter()
        .position(|s| !s.heading)
        .expect("a sentence");
    let ctx = super::context::SentenceContext::new(&doc, i, &table);
    let quantities: Vec<&crate::document::Quantity> = doc
        .quantities
        .iter()
        .filter(|q| ctx.sentence.span.contains(q.span))
        .collect();
    let hand = super::figures::places_for(&ctx, &quantities);
    let candidates = super::place::candidates(&ctx);
    super::place::features(&ctx, &quantities, k, hand[k], "NL", &candidates)
        .into_iter()
        .map(|x| super::place::FEATURES.iter().copied().zip(x).collect())
        .collect()
}

#[test]
fn where_features_read_ties_clauses_and_worldwide_figures() {
    // A country tied to its figure by `in`, in the figure's own clause.
    let x = place_features(
        "Bij de actie tegen Ghost werden 51 verdachten in Australië gearresteerd.",
        0,
    );
    assert_eq!(x.len(), 2, "no country, Australia");
    assert_eq!(
        (
            x[1]["tied_after"],
            x[1]["same_clause"],
            x[1]["only_country"]
        ),
        (1.0, 1.0, 1.0)
    );
    assert_eq!(x[0]["none_no_country_in_clause"], 0.0);
    // The only country stands after a comma, in a phrase naming who took part: the figure is not limited to it.
    let x = place_features(
        "Dinsdag doorzochten 900 agenten 60 panden, in een operatie van de recherche in Duitsland.",
        1,
    );
    assert_eq!(
        (
            x[0]["none_country_after_comma"],
            x[0]["none_no_country_in_clause"]
        ),
        (1.0, 1.0)
    );
    assert_eq!((x[1]["tied_after"], x[1]["same_clause"]), (0.0, 0.0));
    // A worldwide figure beside a national one.
    let x = place_features(
        "Wereldwijd zijn 700 mensen opgepakt via Matrix, van wie 40 in Nederland.",
        0,
    );
    assert_eq!(
        (x[0]["none"], x[0]["none_worldwide"], x[0]["hand_choice"]),
        (1.0, 1.0, 1.0)
    );
    let x = place_features(
        "Wereldwijd zijn 700 mensen opgepakt via Matrix, van wie 40 in Nederland.",
        1,
    );
    assert_eq!(
        (
            x[1]["hand_choice"],
            x[1]["tied_after"],
            x[1]["home_country"]
        ),
        (1.0, 1.0, 1.0)
    );
}

/// The [`super::link`] features of each service (the main one first) for sentence `i` of an
/// article, by feature name, with the hand rule's choice.
fn link_features(
    text: &str,
    i: usize,
) -> (
    Vec<String>,
    Vec<std::collections::HashMap<&'static str, f64>>,
) {
    let mut doc = Document::from_text("t", text.to_string()).expect("non-empty");
    Pipeline::default()
        .annotate(&mut doc)
        .expect("pipeline runs");
    let linker = super::RecordLinker::new();
    let mentions = linker.services().find(&doc);
    let roles = super::services::roles(&doc, &mentions);
    let (order, main) = linker.rank(&doc, &mentions, &roles);
    let ordered = super::record_order(&order, main);
    let assigned = super::services::assign_sentences(&doc, &mentions, &roles, main);
    let context = super::link::LinkContext::new(&doc, &mentions, &roles, main);
    let x = context.features(&doc, i, super::hand_target(&assigned[i], main), &ordered);
    (
        ordered.iter().map(|s| s.to_string()).collect(),
        x.into_iter()
            .map(|x| super::link::FEATURES.iter().copied().zip(x).collect())
            .collect(),
    )
}

#[test]
fn link_features_read_where_each_service_was_named() {
    let text = " date 2024-05 De politie heeft de cryptodienst Ghost ontmanteld. Bij die actie zijn 51 mensen aangehouden.\n\nIn 2020 werd EncroChat gekraakt. Toen werden in 2020 honderden verdachten opgepakt.\n\nVandaag staan 38 verdachten terecht.";
    let (services, x) = link_features(text, 3);
    assert_eq!(services, ["Ghost", "EncroChat"]);
    // `Toen ...`: EncroChat was named just before, in the same paragraph, next to the same older year.
    assert_eq!(
        (
            x[1]["hand_choice"],
            x[1]["named_in_previous_sentence"],
            x[1]["last_named"],
            x[1]["older_year_shared"]
        ),
        (1.0, 1.0, 1.0, 1.0)
    );
    assert_eq!(
        (
            x[0]["main"],
            x[0]["main_in_older_year_sentence"],
            x[0]["named_before_in_paragraph"]
        ),
        (1.0, 1.0, 0.0)
    );
    // `Vandaag ...` opens a new paragraph and points at the current events.
    let (_, x) = link_features(text, 4);
    assert_eq!(
        (
            x[0]["hand_choice"],
            x[0]["main_with_current_cue"],
            x[0]["main_in_first_sentence_of_paragraph"]
        ),
        (1.0, 1.0, 1.0)
    );
    assert_eq!(x[1]["named_in_previous_sentence"], 0.0, "a new paragraph");
}

#[test]
fn a_country_adjective_before_a_place_noun_is_a_place_in_that_country() {
    facts!("In de Duitse hoofdstad zijn bij het onderzoek naar Matrix 14 vuurwapens in beslag genomen.", ["seized_weapons=14 @DE"]);
    // (Arrests in a country name it as taking part, as `in Spanje` would.)
    facts!("Bij de actie tegen Matrix werden in een Spaanse havenstad 6 mensen opgepakt.", ["arrests=6 @ES", "country=ES"]);
    // Without a place noun the adjective stays an adjective (`de Franse politie` names an agency's country, not a place).
    facts!("Het onderzoek naar Matrix leverde 30 aanhoudingen op, aldus de Franse politie.", ["arrests=30", "country=FR"]);
}
