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
