//! Table-driven tests of both taggers on whole sentences, a no-panic fuzz test and the seed articles.

use super::*;
use crate::document::{Document, Per, Qualifier, Quantity, Stage, Unit};
use crate::text::Segmenter;

/// Runs the segmenter and both taggers on `text`, with ` date HEADER ` in front when given.
fn tag(text: &str, header: Option<&str>) -> Document {
    let full = match header {
        Some(h) => format!(" date {h} {text}"),
        None => text.to_string(),
    };
    let mut doc = Document::from_text("t", full).expect("test text is not empty");
    Segmenter::default().process(&mut doc).expect("segmenter");
    NumberTagger::default().process(&mut doc).expect("numbers");
    DateTagger::default().process(&mut doc).expect("dates");
    doc
}

fn quantities(text: &str) -> Vec<Quantity> {
    tag(text, None).quantities
}

fn first(text: &str) -> Quantity {
    let qs = quantities(text);
    match qs.first() {
        Some(q) => q.clone(),
        None => panic!("no quantity in {text:?}"),
    }
}

macro_rules! assert_quantity {
    ($text:expr, $value:expr, $unit:expr, $qual:expr) => {{
        let q = first($text);
        assert_eq!((q.value, q.unit, q.qualifier), ($value as f64, $unit, $qual), "quantity of {:?}: {:?}", $text, q);
    }};
}

macro_rules! assert_count {
    ($text:expr, $value:expr) => {
        assert_quantity!($text, $value, None, None)
    };
}

macro_rules! assert_vague {
    ($text:expr, $value:expr, $unit:expr) => {
        assert_quantity!($text, $value, $unit, Some(Qualifier::Vague))
    };
}

/// All quantities of a text, as (value, unit, qualifier).
macro_rules! assert_quantities {
    ($text:expr, [$(($value:expr, $unit:expr, $qual:expr)),* $(,)?]) => {{
        let got: Vec<_> = quantities($text).iter().map(|q| (q.value, q.unit, q.qualifier)).collect();
        assert_eq!(got, vec![$(($value as f64, $unit, $qual)),*], "quantities of {:?}", $text);
    }};
}

macro_rules! assert_rate {
    ($text:expr, $value:expr, $unit:expr, $per:expr) => {{
        let q = first($text);
        assert_eq!((q.value, q.unit, q.per), ($value as f64, Some($unit), Some($per)), "rate of {:?}", $text);
    }};
}

/// The first quantity's span and number span, as text.
macro_rules! assert_span {
    ($text:expr, $span:expr, $number:expr) => {{
        let doc = tag($text, None);
        let q = doc.quantities.first().unwrap_or_else(|| panic!("no quantity in {:?}", $text));
        assert_eq!((&doc.text[q.span], &doc.text[q.number]), ($span, $number), "spans in {:?}", $text);
    }};
}

macro_rules! assert_no_quantity {
    ($text:expr) => {{
        let qs = quantities($text);
        assert!(qs.is_empty(), "{:?} should have no quantity, got {:?}", $text, qs);
    }};
}

/// The first date's value under a header.
macro_rules! assert_date {
    ($text:expr, $header:expr, $value:expr) => {{
        let header: Option<&str> = $header;
        let expected: Option<&str> = $value;
        let doc = tag($text, header);
        let d = doc.dates.first().unwrap_or_else(|| panic!("no date in {:?}", $text));
        assert_eq!(d.value.as_deref(), expected, "date of {:?} under {:?}", $text, header);
    }};
}

macro_rules! assert_date_span {
    ($text:expr, $header:expr, $span:expr) => {{
        let header: Option<&str> = $header;
        let doc = tag($text, header);
        let d = doc.dates.first().unwrap_or_else(|| panic!("no date in {:?}", $text));
        assert_eq!(&doc.text[d.span], $span, "date span in {:?}", $text);
    }};
}

macro_rules! assert_no_date {
    ($text:expr) => {{
        let doc = tag($text, Some("2023-02"));
        assert!(doc.dates.is_empty(), "{:?} should have no date, got {:?}", $text, doc.dates);
    }};
}

const KG: Option<Unit> = Some(Unit::Kg);
const EUR: Option<Unit> = Some(Unit::Eur);
const GBP: Option<Unit> = Some(Unit::Gbp);
const USD: Option<Unit> = Some(Unit::Usd);
const MONTHS: Option<Unit> = Some(Unit::Months);
const WEEKS: Option<Unit> = Some(Unit::Weeks);
const DAYS: Option<Unit> = Some(Unit::Days);
const PCT: Option<Unit> = Some(Unit::Percent);
const MORE: Option<Qualifier> = Some(Qualifier::MoreThan);
const LEAST: Option<Qualifier> = Some(Qualifier::AtLeast);
const ALMOST: Option<Qualifier> = Some(Qualifier::Almost);
const ABOUT: Option<Qualifier> = Some(Qualifier::About);
const VAGUE: Option<Qualifier> = Some(Qualifier::Vague);

#[test]
fn counts() {
    assert_count!("Er zijn 42 verdachten opgepakt.", 42);
    assert_count!("Er zijn 746 verdachten opgepakt.", 746);
    assert_count!("De politie heeft dertig mensen aangehouden.", 30);
    assert_count!("Er zijn 75 woningen doorzocht.", 75);
    assert_count!("Er namen twaalfhonderd agenten deel.", 1200);
    assert_count!("Er waren 79 doorzoekingen.", 79);
    assert_count!("Verder zijn er negentien synthetische drugslabs ontmanteld.", 19);
    assert_count!("Ook zijn 19 drugslabs ontmanteld.", 19);
    assert_count!("Er zijn twee drugslabs gevonden.", 2);
    assert_count!("Daarbij is een cocaïnewasserij ontdekt.", 1);
    assert_count!("Daarbij is één drugslab ontdekt.", 1);
    assert_count!("Er zijn 50.000 gebruikers.", 50000);
    assert_count!("Er zijn 145.000 berichten.", 145000);
    assert_count!("Dat waren 1.200 toestellen.", 1200);
    assert_count!("Het ging om 2,3 miljoen berichten.", 2_300_000);
    assert_count!("Het ging om 3,6 miljoen berichten.", 3_600_000);
    assert_count!("Driehonderd zaken", 300);
    assert_count!("Het gaat om vijfenzeventig verdachten.", 75);
    assert_count!("Het gaat om tweeëndertig verdachten.", 32);
    assert_count!("Er waren achttien arrestaties.", 18);
    assert_count!("Er waren tweehonderdduizend berichten.", 200_000);
    assert_count!("De dienst is in 33 talen beschikbaar.", 33);
    assert_count!("In Nederland is niemand opgepakt.", 0);
    assert_count!("Er zijn geen arrestaties verricht.", 0);
    assert_count!("Er zijn geen verdachten aangehouden.", 0);
    assert_count!("Er zijn geen berichten onderschept.", 0);
    assert_count!("Er is een verdachte aangehouden.", 1);
    assert_count!("Er zijn 77 vuurwapens in beslag genomen.", 77);
    assert_count!("Het gaat om een half miljoen berichten.", 500_000);
    assert_count!("Het gaat om anderhalf miljoen berichten.", 1_500_000);
    assert_count!("Er zijn 100 duizend berichten.", 100_000);
    assert_count!("Er zijn 1,5 mld berichten.", 1_500_000_000);
    assert_count!("Er zijn 2 miljard berichten.", 2_000_000_000);
    assert_count!("Er zijn 28 vuurwapens gevonden.", 28);
    assert_count!("In Nederland zijn 43 mensen aangehouden.", 43);
    assert_count!("Er zijn 12 telefoons.", 12);
    assert_count!("Zij kregen een miljoen berichten.", 1_000_000);
    assert_count!("De 750 Nederlandstaligen.", 750);
    assert_count!("In Rotterdam zijn onder meer 28 vuurwapens in beslag genomen.", 28);
    assert_count!("Eén van de verdachten is opgepakt.", 1);
    assert_count!("Er zijn nul verdachten.", 0);
    assert_count!("Er zijn 1.200,50 stuks.", 1200.5);
    assert_quantity!("Hij kreeg 7 jaar cel.", 84, MONTHS, None);
    assert_count!("Er zijn tien verdachten.", 10);
    assert_count!("Er zijn elf verdachten.", 11);
    assert_count!("Er zijn twintig verdachten.", 20);
    assert_count!("Er zijn negentig verdachten.", 90);
    assert_count!("Er zijn vijftig verdachten.", 50);
    assert_count!("Er zijn zevenenveertig verdachten.", 47);
    assert_count!("Er zijn honderdvijftig verdachten.", 150);
    assert_count!("Er zijn 1.000.000 berichten.", 1_000_000);
}

#[test]
fn vague_amounts() {
    assert_vague!("Er zijn tientallen vuurwapens in beslag genomen.", 20, None);
    assert_vague!("Honderden rechercheurs lazen mee.", 200, None);
    assert_vague!("De berichten van duizenden criminelen.", 2000, None);
    assert_vague!("De berichten van tienduizenden criminelen.", 20_000, None);
    assert_vague!("De berichten van honderdduizenden criminelen.", 200_000, None);
    assert_vague!("De politie kreeg miljoenen berichten in handen.", 2_000_000, None);
    assert_vague!("Er zijn meerdere vuurwapens gevonden.", 2, None);
    assert_vague!("Er zijn diverse luxe goederen gevonden.", 2, None);
    assert_vague!("Er zijn enkele verdachten opgepakt.", 2, None);
    assert_vague!("Rechercheurs uit verschillende landen.", 2, None);
    assert_vague!("Er is miljoenen euro's aan cash geld gevonden.", 2_000_000, EUR);
    assert_vague!("Er is miljoenen euro’s aan cash geld gevonden.", 2_000_000, EUR);
    assert_vague!("Er zijn meerdere kilo's drugs gevonden.", 2, KG);
    assert_vague!("Er zijn meerdere kilo’s aan verdovende middelen gevonden.", 2, KG);
    assert_vague!("Er zijn duizenden kilo's coke onderschept.", 2000, KG);
    assert_vague!("Het gaat om tientallen miljoenen euro's.", 20_000_000, EUR);
    assert_vague!("Er zijn miljarden berichten.", 2_000_000_000, None);
    assert_vague!("Op diverse plekken in Nederland.", 2, None);
    assert_vague!("Er zijn enkele honderden verdachten.", 200, None);
    assert_vague!("Er zijn enkele tientallen verdachten.", 20, None);
    assert_vague!("Er is meerdere duizenden euro's gevonden.", 2000, EUR);
    assert_vague!("Er zijn honderden duizenden berichten.", 200_000, None);
    assert_vague!("Er zijn tientallen kilo's gevonden.", 20, KG);
    assert_quantities!("Honderden agenten en 12 verdachten.", [(200, None, VAGUE), (12, None, None)]);
}

#[test]
fn hedges() {
    assert_quantity!("Er zijn meer dan honderd mensen aangehouden.", 100, None, MORE);
    assert_quantity!("Meer dan twintig miljoen berichten zijn gelezen.", 20_000_000, None, MORE);
    assert_quantity!("Het had ruim vijf maanden meegelezen.", 5, MONTHS, MORE);
    assert_quantity!("Het waren er ruim 300.", 300, None, MORE);
    assert_quantity!("Het waren er over de 300.", 300, None, MORE);
    assert_quantity!("Er zijn minstens 12 doden.", 12, None, LEAST);
    assert_quantity!("Er zijn ten minste 12 verdachten.", 12, None, LEAST);
    assert_quantity!("Er zijn tenminste 12 verdachten.", 12, None, LEAST);
    assert_quantity!("Er zijn zeker 12 verdachten.", 12, None, LEAST);
    assert_quantity!("Er zijn minimaal 12 verdachten.", 12, None, LEAST);
    assert_quantity!("Tot vandaag zijn bijna tachtig panden doorzocht.", 80, None, ALMOST);
    assert_quantity!("Er is bijna twintig miljoen euro in beslag genomen.", 20_000_000, EUR, ALMOST);
    assert_quantity!("Het zijn er nagenoeg 500.", 500, None, ALMOST);
    assert_quantity!("Het zijn er vrijwel 500.", 500, None, ALMOST);
    assert_quantity!("Er zijn zo'n 3000 actieve gebruikers.", 3000, None, ABOUT);
    assert_quantity!("Er waren zo’n drieduizend gebruikers.", 3000, None, ABOUT);
    assert_quantity!("Waarvan ongeveer 12.000 in Nederland.", 12000, None, ABOUT);
    assert_quantity!("De ongeveer tachtig miljoen berichten.", 80_000_000, None, ABOUT);
    assert_quantity!("Er zijn circa 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Er zijn ca. 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Er zijn rond de 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Er zijn rond 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Er zijn naar schatting 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Er zijn pakweg 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Er zijn ruwweg 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Er zijn om en nabij 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Gebruikers betaalden zo'n duizend euro voor de telefoon.", 1000, EUR, ABOUT);
    assert_quantity!("Er is ruim € 4 miljoen gevonden.", 4_000_000, EUR, MORE);
    assert_quantity!("Naar schatting had de chatdienst zo’n drieduizend gebruikers.", 3000, None, ABOUT);
    assert_quantity!("Dat is vandaag bekendgemaakt: meer dan 50.000 telefoons.", 50000, None, MORE);
    assert_quantities!(
        "Er is meer dan 8000 kilo cocaïne en 1200 kilo crystal meth gevonden.",
        [(8000, KG, MORE), (1200, KG, None)]
    );
    assert_quantities!("Meer dan honderd verdachten en 19 drugslabs.", [(100, None, MORE), (19, None, None)]);
    // `zeker` is a hedge only right before a number.
    assert_quantities!("Om zeker te stellen dat niemand bij jouw data kan.", [(0, None, None)]);
    // A hedge far from the number does not qualify it.
    assert_quantities!("Naar schatting had de chatdienst 3000 gebruikers.", [(3000, None, None)]);
}

#[test]
fn units() {
    assert_quantity!("Er is achtduizend kilo cocaïne gevonden.", 8000, KG, None);
    assert_quantity!("Er is twaalfhonderd kilo crystal meth gevonden.", 1200, KG, None);
    assert_quantity!("Er is 500 kg gevonden.", 500, KG, None);
    assert_quantity!("Er is 500 kilogram gevonden.", 500, KG, None);
    assert_quantity!("Er werd twee ton drugs gevonden.", 2000, KG, None);
    assert_quantity!("Er werd anderhalve ton drugs gevonden.", 1500, KG, None);
    assert_quantity!("Er werd 1,5 ton drugs gevonden.", 1500, KG, None);
    assert_quantity!("Er werd 500 gram gevonden.", 0.5, KG, None);
    assert_quantity!("Er werd 4 miljoen euro aan contant geld gevonden.", 4_000_000, EUR, None);
    assert_quantity!("Drugs en 4 miljoen cash", 4_000_000, EUR, None);
    assert_quantity!("Er werd meer dan 4 miljoen euro cash gevonden.", 4_000_000, EUR, MORE);
    assert_quantity!("Er werd € 4 mln gevonden.", 4_000_000, EUR, None);
    assert_quantity!("Er werd €4 mln gevonden.", 4_000_000, EUR, None);
    assert_quantity!("Er werd 4 mln. euro gevonden.", 4_000_000, EUR, None);
    assert_quantity!("Er werd 20 EUR gevonden.", 20, EUR, None);
    assert_quantity!("Er werden 54 miljoen pond gevonden.", 54_000_000, GBP, None);
    assert_quantity!("Er werd £ 54 miljoen gevonden.", 54_000_000, GBP, None);
    assert_quantity!("Er werd 5 miljoen dollar gevonden.", 5_000_000, USD, None);
    assert_quantity!("Er werd $ 5 miljoen gevonden.", 5_000_000, USD, None);
    assert_quantity!("Voor een abonnement moest vijftienhonderd euro worden betaald.", 1500, EUR, None);
    assert_quantity!("Rechercheurs hebben vijf maanden meegelezen.", 5, MONTHS, None);
    assert_quantity!("Ze lazen een half jaar mee.", 6, MONTHS, None);
    assert_quantity!("Ze lazen anderhalf jaar mee.", 18, MONTHS, None);
    assert_quantity!("Ze lazen een jaar mee.", 12, MONTHS, None);
    assert_quantity!("Ze lazen achttien maanden mee.", 18, MONTHS, None);
    assert_quantity!("Ze lazen twee jaar mee.", 24, MONTHS, None);
    assert_quantity!("Twee weken geleden kwam er een einde aan.", 2, WEEKS, None);
    assert_quantity!("Ze lazen drie dagen mee.", 3, DAYS, None);
    assert_quantity!("Het gaat om 30 procent.", 30, PCT, None);
    assert_quantity!("Het gaat om 30%.", 30, PCT, None);
    assert_quantity!("Het gaat om 2,5 procent.", 2.5, PCT, None);
    assert_quantity!("Een abonnement van zes maanden.", 6, MONTHS, None);
}

#[test]
fn rates() {
    assert_rate!("Gebruikers betaalden 800 euro per half jaar.", 800, Unit::Eur, Per::Months(6));
    assert_rate!("Het kostte 1600 euro per jaar.", 1600, Unit::Eur, Per::Months(12));
    assert_rate!("Licentie kostte 800 euro voor zes maanden", 800, Unit::Eur, Per::Months(6));
    assert_rate!("Het kostte 800 euro voor een half jaar.", 800, Unit::Eur, Per::Months(6));
    assert_rate!("Het kostte 1500 euro voor een jaar.", 1500, Unit::Eur, Per::Months(12));
    assert_rate!("Het kostte 100 euro per maand.", 100, Unit::Eur, Per::Months(1));
    assert_rate!("Het kostte 300 euro per kwartaal.", 300, Unit::Eur, Per::Months(3));
    assert_rate!("Het kostte 300 euro per twee maanden.", 300, Unit::Eur, Per::Months(2));
    assert_rate!("Het kostte 1000 euro per stuk.", 1000, Unit::Eur, Per::Item);
    assert_rate!("Het kostte 1000 euro per toestel.", 1000, Unit::Eur, Per::Item);
    assert_rate!("Het kostte € 1000 per jaar.", 1000, Unit::Eur, Per::Months(12));
    assert_rate!("Het kostte 2000 dollar per half jaar.", 2000, Unit::Usd, Per::Months(6));
    // The months in a rate are no quantity of their own.
    assert_quantities!("Gebruikers betaalden 800 euro per half jaar.", [(800, EUR, None)]);
    // No rate without money, and `voor` needs a count.
    assert_quantities!("Er waren 300 gebruikers per jaar.", [(300, None, None)]);
    assert!(first("Gebruikers betaalden zo'n duizend euro voor de telefoon.").per.is_none());
}

#[test]
fn more_hedges() {
    assert_quantity!("Er waren een kleine 300 mensen.", 300, None, ALMOST);
    assert_quantity!("Er zijn tegen de 500 verdachten.", 500, None, ALMOST);
    assert_quantity!("Er is ruim een miljoen euro gevonden.", 1_000_000, EUR, MORE);
    assert_quantity!("Er werd ruim anderhalf miljoen euro gevonden.", 1_500_000, EUR, MORE);
    assert_quantity!("Er werd bijna 2 miljard dollar witgewassen.", 2_000_000_000, USD, ALMOST);
    assert_quantity!("Er waren zo'n vijftienduizend gebruikers.", 15_000, None, ABOUT);
    assert_quantity!("Er zijn rond de 40 verdachten.", 40, None, ABOUT);
    assert_quantity!("Er zijn om en nabij 60 verdachten.", 60, None, ABOUT);
    assert_quantity!("Er werd ongeveer 3,5 ton cocaïne gevonden.", 3500, KG, ABOUT);
    assert_quantity!("Er werd circa € 2,5 miljoen gevonden.", 2_500_000, EUR, ABOUT);
    assert_quantity!("Er waren een dikke 300 mensen.", 300, None, MORE);
    assert_quantity!("Er waren een goede 300 mensen.", 300, None, MORE);
    assert_quantity!("Er waren boven de 300 mensen.", 300, None, MORE);
    assert_quantity!("Er waren op zijn minst 12 verdachten.", 12, None, LEAST);
    assert_quantity!("Er waren krap 300 mensen.", 300, None, ALMOST);
    assert_quantity!("Er waren zowat 300 mensen.", 300, None, ABOUT);
    assert_quantity!("Er waren een stuk of tien verdachten.", 10, None, ABOUT);
    // No schema value for an upper bound: the number is tagged bare.
    assert_quantity!("Er zijn minder dan 100 verdachten.", 100, None, None);
    assert_quantity!("Er zijn maximaal 100 verdachten.", 100, None, None);
    assert_quantity!("Er zijn hooguit 100 verdachten.", 100, None, None);
    // `tegen de` is a hedge only before a round number.
    assert_quantity!("De zaak tegen de 12 verdachten begint.", 12, None, None);
    // Hedges reach only the number right after them.
    assert_quantities!("Een kleine 300 mensen en 12 wapens.", [(300, None, ALMOST), (12, None, None)]);
    assert_quantities!("Tegen de 500 verdachten en 40 kilo drugs.", [(500, None, ALMOST), (40, KG, None)]);
    assert_span!("Er waren een kleine 300 mensen.", "een kleine 300", "300");
    assert_span!("Er werd circa € 2,5 miljoen gevonden.", "circa € 2,5 miljoen", "2,5 miljoen");
    assert_span!("Er zijn minder dan 100 verdachten.", "100", "100");
}

#[test]
fn fractions_and_collectives() {
    assert_count!("Tweeënhalf miljoen berichten zijn gelezen.", 2_500_000);
    assert_quantity!("Er werd tweeënhalve ton drugs gevonden.", 2500, KG, None);
    assert_quantity!("Hij zat drieënhalf jaar vast.", 42, MONTHS, None);
    assert_count!("Het aantal steeg tot tweeënhalf.", 2.5);
    assert_quantity!("Hij zat vierenhalf jaar vast.", 54, MONTHS, None);
    assert_quantity!("Hij zat tweeëneenhalf jaar vast.", 30, MONTHS, None);
    assert_quantity!("Hij zat zevenenhalf jaar vast.", 90, MONTHS, None);
    assert_quantity!("Hij zat twee en een half jaar vast.", 30, MONTHS, None);
    assert_quantity!("Er werd 2 en een halve ton gevonden.", 2500, KG, None);
    assert_quantity!("Bijna een kwart miljoen berichten.", 250_000, None, ALMOST);
    assert_count!("Het ging om een kwart miljoen berichten.", 250_000);
    assert_count!("Het ging om driekwart miljoen berichten.", 750_000);
    assert_count!("Het ging om een half miljard berichten.", 500_000_000);
    assert_quantity!("Ze lazen driekwart jaar mee.", 9, MONTHS, None);
    assert_quantity!("Een twintigtal verdachten is opgepakt.", 20, None, ABOUT);
    assert_quantity!("Er zijn een tiental verdachten.", 10, None, ABOUT);
    assert_quantity!("Er zijn een dertigtal verdachten.", 30, None, ABOUT);
    assert_quantity!("Er zijn een honderdtal verdachten.", 100, None, ABOUT);
    assert_quantity!("Er zijn een vijftal drugslabs gevonden.", 5, None, ABOUT);
    assert_quantity!("Er zijn ruim een twintigtal verdachten.", 20, None, MORE);
    assert_vague!("Er zijn tientallen verdachten.", 20, None);
    assert_span!("Een twintigtal verdachten is opgepakt.", "Een twintigtal", "Een twintigtal");
    assert_span!("Bijna een kwart miljoen berichten.", "Bijna een kwart miljoen", "een kwart miljoen");
    // `een aantal` is a vague amount (rulings of 2026-12); `een groep` is no figure.
    assert_vague!("Een aantal verdachten is opgepakt.", 2, None);
    assert_no_quantity!("Een groep mannen is opgepakt.");
    assert_no_quantity!("Een kwart van de verdachten is opgepakt.");
    assert_no_quantity!("Dat getal is hoog.");
}

#[test]
fn more_vague_amounts() {
    assert_vague!("Ettelijke kilo's heroïne zijn gevonden.", 2, KG);
    assert_vague!("Er zijn honderdduizenden berichten gelezen.", 200_000, None);
    assert_vague!("Er zijn tienduizenden berichten gelezen.", 20_000, None);
    assert_vague!("Er zijn enkele tientallen verdachten.", 20, None);
    assert_vague!("Er zijn een paar honderd verdachten.", 200, None);
    assert_vague!("Er zijn een paar verdachten.", 2, None);
    assert_vague!("Er zijn een handvol verdachten.", 2, None);
    assert_vague!("Er werd enkele duizend euro gevonden.", 2000, EUR);
    assert_vague!("Er werd een paar miljoen euro gevonden.", 2_000_000, EUR);
    assert_span!("Er zijn een paar honderd verdachten.", "een paar honderd", "een paar honderd");
}

#[test]
fn money_and_mass() {
    assert_quantity!("Er werd EUR 3 miljoen gevonden.", 3_000_000, EUR, None);
    assert_quantity!("Er werd 3 miljoen USD gevonden.", 3_000_000, USD, None);
    assert_quantity!("Er werd $ 48 miljoen gevonden.", 48_000_000, USD, None);
    assert_quantity!("Er werd 48 miljoen dollar gevonden.", 48_000_000, USD, None);
    assert_quantity!("Er werd £ 54 miljoen gevonden.", 54_000_000, GBP, None);
    assert_quantity!("Er werd 54 miljoen Britse pond gevonden.", 54_000_000, GBP, None);
    assert_quantity!("Er werd 54 miljoen pond sterling gevonden.", 54_000_000, GBP, None);
    assert_quantity!("Er werd 5 miljoen Amerikaanse dollar gevonden.", 5_000_000, USD, None);
    assert_quantity!("Er werd twee miljoen euro's gevonden.", 2_000_000, EUR, None);
    assert_quantity!("Er werd vijf ton aan contanten gevonden.", 500_000, EUR, None);
    assert_quantity!("Er werd een ton euro gevonden.", 100_000, EUR, None);
    assert_quantity!("Er werd een ton cash gevonden.", 100_000, EUR, None);
    assert_quantity!("Er werd twee ton contant geld gevonden.", 200_000, EUR, None);
    assert_quantity!("Er werd drie ton aan geld gevonden.", 300_000, EUR, None);
    assert_quantity!("Er werd ruim een ton aan drugsgeld gevonden.", 100_000, EUR, MORE);
    assert_quantity!("Er werd twee ton drugs gevonden.", 2000, KG, None);
    assert_quantity!("Er werd een ton cocaïne gevonden.", 1000, KG, None);
    assert_quantity!("Er werd anderhalve ton cocaïne gevonden.", 1500, KG, None);
    assert_quantity!("Er werd 1,5 kilo gevonden.", 1.5, KG, None);
    assert_quantity!("Er werd 500 gram heroïne gevonden.", 0.5, KG, None);
    assert_quantity!("Er werd twee kilo gevonden.", 2, KG, None);
    assert_quantity!("Er werd twaalf kilogram gevonden.", 12, KG, None);
    assert_quantity!("Er werd 7 kg gevonden.", 7, KG, None);
    assert_span!("Er werd vijf ton aan contanten gevonden.", "vijf ton", "vijf");
    assert_span!("Er werd een ton cash gevonden.", "een ton cash", "een");
    assert_span!("Er werd 54 miljoen Britse pond gevonden.", "54 miljoen Britse pond", "54 miljoen");
}

#[test]
fn durations() {
    assert_quantity!("Ze lazen zeven weken mee.", 7, WEEKS, None);
    assert_quantity!("Ze lazen anderhalf jaar mee.", 18, MONTHS, None);
    assert_quantity!("Ze lazen een jaar mee.", 12, MONTHS, None);
    assert_quantity!("Ze lazen twee jaar lang mee.", 24, MONTHS, None);
    assert_quantity!("Ze lazen zes maanden lang mee.", 6, MONTHS, None);
}

#[test]
fn spans_slice_the_text() {
    assert_span!("Er is meer dan 8000 kilo cocaïne gevonden.", "meer dan 8000 kilo", "8000");
    assert_span!("Er zijn zo’n drieduizend gebruikers.", "zo’n drieduizend", "drieduizend");
    assert_span!("Er is ruim € 4 mln. gevonden.", "ruim € 4 mln.", "4 mln.");
    assert_span!("Zij betaalden 800 euro per half jaar.", "800 euro per half jaar", "800");
    assert_span!("Er werd bijna twintig miljoen euro gevonden.", "bijna twintig miljoen euro", "twintig miljoen");
    assert_span!("Er is miljoenen euro’s aan cash geld gevonden.", "miljoenen euro’s", "miljoenen");
    assert_span!("Het gaat om een half miljoen berichten.", "een half miljoen", "een half miljoen");
    assert_span!("Dat is één cocaïnewasserij.", "één", "één");
    assert_span!("Ze lazen ruim vijf maanden mee.", "ruim vijf maanden", "vijf");
    assert_span!("Drugs en 4 miljoen cash", "4 miljoen cash", "4 miljoen");
}

#[test]
fn negatives_are_no_counts() {
    assert_no_quantity!("In 2016 kreeg de politie berichten in handen.");
    assert_no_quantity!("Het onderzoek begon in 2017, toen de politie telefoons vond.");
    assert_no_quantity!("Het onderzoek begon in 2017.");
    assert_no_quantity!("Sinds 1 april lezen zij mee.");
    assert_no_quantity!("Op 13 juni verstuurde EncroChat een waarschuwing.");
    assert_no_quantity!("Op 13 juni verstuurde EncroChat een bericht naar gebruikers.");
    assert_no_quantity!("Gebruikers betaalden veel voor een telefoon.");
    assert_no_quantity!("Het was 19 april 2016.");
    assert_no_quantity!("De 52-jarige man werd opgepakt.");
    assert_no_quantity!("Peter R. de Vries werd beschoten.");
    assert_no_quantity!("Peter R. de Vries (64) werd beschoten.");
    assert_no_quantity!("Bel 0800-7000 voor tips.");
    assert_no_quantity!("Bel 06-12345678 voor tips.");
    assert_no_quantity!("Het is al de vierde keer.");
    assert_no_quantity!("Het is de 2e keer.");
    assert_no_quantity!("De eerste resultaten zijn er.");
    assert_no_quantity!("Ze kwamen om 14.30 uur.");
    assert_no_quantity!("Ze kwamen om 14 uur.");
    assert_no_quantity!("Ze kwamen om 14:30.");
    assert_no_quantity!("De man is 52 jaar oud.");
    assert_no_quantity!("Zij spreken van een aardschok.");
    assert_vague!("Een groot aantal verdachten is opgepakt.", 2, None);
    assert_no_quantity!("Criminelen maakten geen gebruik meer van de telefoons.");
    assert_no_quantity!("Zonder communicatie kunnen ze geen handel drijven.");
    assert_no_quantity!("Het voorjaar van 2020 was druk.");
    assert_no_quantity!("Sinds september 2020 loopt er onderzoek.");
    assert_no_quantity!("Het was half februari.");
    assert_no_quantity!("Begin 2018 startte het onderzoek.");
    assert_no_quantity!("In 2016 en 2017 liep het onderzoek.");
    assert_no_quantity!("Op 19-04-2016 was het zover.");
    assert_no_quantity!("Het halve land keek mee.");
    assert_no_quantity!("Dat is alleen een kwestie van tijd.");
    assert_no_quantity!("De nacht was lang.");
    assert_no_quantity!("Een dienst die door criminelen werd gebruikt.");
    assert_no_quantity!("Het onderzoek begon in 2017 en liep jaren.");
}

#[test]
fn years_and_counts_side_by_side() {
    assert_quantities!("Zo werden in 2020 meer dan honderd mensen aangehouden.", [(100, None, MORE)]);
    assert_quantities!("Sinds 2018 zijn 2000 verdachten opgepakt.", [(2000, None, None)]);
    assert_quantities!("Er werd 2000 kilo gevonden.", [(2000, KG, None)]);
    assert_quantities!("Er werd ruim 2000 gevonden.", [(2000, None, MORE)]);
    assert_quantities!("Sinds 1 april zijn 42 verdachten opgepakt.", [(42, None, None)]);
    assert_quantities!("Het kostte € 2020.", [(2020, EUR, None)]);
    assert_quantities!("In 2016 werden 1999 telefoons gevonden.", [(1999, None, None)]);
    assert_quantities!("Het kost tot 2000 euro.", [(2000, EUR, None)]);
    assert_quantities!("Op 31 februari werden 3 mensen opgepakt.", [(31, None, None), (3, None, None)]);
    assert_quantities!("Sinds 2018, zegt de politie, zijn 42 verdachten opgepakt.", [(42, None, None)]);
}

#[test]
fn dates() {
    let feb23 = Some("2023-02");
    let jul20 = Some("2020-07");
    assert_date!("Het begon in september 2020.", feb23, Some("2020-09"));
    assert_date!("Sinds 1 april van dit jaar lezen ze mee.", jul20, Some("2020-04-01"));
    assert_date!("Het was 1 april.", jul20, Some("2020-04-01"));
    assert_date!("Het was 19 april 2016.", None, Some("2016-04-19"));
    assert_date!("Sinds april vorig jaar liep het.", feb23, Some("2022-04"));
    assert_date!("Sinds april van vorig jaar liep het.", feb23, Some("2022-04"));
    assert_date!("Het was dit jaar.", feb23, Some("2023"));
    assert_date!("Het was vorig jaar.", feb23, Some("2022"));
    assert_date!("Het was volgend jaar.", feb23, Some("2024"));
    assert_date!("Begin 2018 was het.", None, Some("2018"));
    assert_date!("Eind 2018 was het.", None, Some("2018"));
    assert_date!("Medio 2018 was het.", None, Some("2018"));
    assert_date!("In het voorjaar van 2020 lukte het.", None, Some("2020"));
    assert_date!("In de zomer van 2021 lukte het.", None, Some("2021"));
    assert_date!("In het najaar van vorig jaar lukte het.", feb23, Some("2022"));
    assert_date!("Het was maart 2022.", None, Some("2022-03"));
    assert_date!("Het was half februari.", feb23, Some("2023-02"));
    // ANNOTATION.md: a month without a year that would lie after the header is last year's.
    assert_date!("Het was begin maart.", feb23, Some("2022-03"));
    assert_date!("De politie heeft dinsdag mensen aangehouden.", Some("2021-03"), Some("2021-03"));
    assert_date!("De politie heeft dinsdagavond mensen aangehouden.", Some("2021-03"), Some("2021-03"));
    assert_date!("Dat is vandaag bekendgemaakt.", jul20, Some("2020-07"));
    assert_date!("Gisteren werd de dienst uit de lucht gehaald.", feb23, Some("2023-02"));
    assert_date!("Het Parool meldde vanmiddag dat.", feb23, Some("2023-02"));
    assert_date!("Het Parool meldde vanochtend dat.", feb23, Some("2023-02"));
    assert_date!("Het Parool meldde vannacht dat.", feb23, Some("2023-02"));
    assert_date!("In 2016 kreeg de politie berichten.", None, Some("2016"));
    assert_date!("Het onderzoek begon in 2017, toen.", None, Some("2017"));
    assert_date!("Sinds februari lazen ze mee.", Some("2021-03"), Some("2021-02"));
    assert_date!("Op 13 juni verstuurde EncroChat een bericht.", jul20, Some("2020-06-13"));
    assert_date!("Op 13 jun. verstuurde EncroChat een bericht.", jul20, Some("2020-06-13"));
    assert_date!("Op dinsdag 14 maart was het zover.", feb23, Some("2022-03-14"));
    assert_date!("Op 19-04-2016 was het zover.", None, Some("2016-04-19"));
    assert_date!("Op 2016-04-19 was het zover.", None, Some("2016-04-19"));
    assert_date!("De afgelopen maand zijn er aanslagen voorkomen.", Some("2021-03"), Some("2021-03"));
    assert_date!("Vorige maand was het.", Some("2021-01"), Some("2020-12"));
    assert_date!("Vorige week was het.", feb23, Some("2023-02"));
    assert_date!("Eerder dit jaar was het.", feb23, Some("2023"));
    assert_date!("Eind vorig jaar was het.", feb23, Some("2022"));
    assert_date!("In 2016 en 2017 liep het.", None, Some("2016"));
    assert_date!("Het jaar 2017 was het.", None, Some("2017"));
    assert_date!("2017 was het jaar van de doorbraak.", None, Some("2017"));
    assert_date!("Sinds december 2019 loopt het.", jul20, Some("2019-12"));
    assert_date!("Het was op 1 januari 2021.", None, Some("2021-01-01"));
    // An impossible day leaves the month.
    assert_date!("Op 31 februari was het.", feb23, Some("2023-02"));
}

#[test]
fn relative_dates_need_a_header() {
    assert_date!("Sinds april vorig jaar liep het.", None, None);
    assert_date!("Dat is vandaag bekendgemaakt.", None, None);
    assert_date!("De politie heeft dinsdag mensen aangehouden.", None, None);
    assert_date!("Sinds 1 april lezen ze mee.", None, None);
    assert_date!("Sinds februari lezen ze mee.", None, None);
    assert_date!("Het was dit jaar.", None, None);
    // Absolute dates still resolve.
    assert_date!("Sinds september 2020 liep het.", None, Some("2020-09"));
}

#[test]
fn date_spans() {
    let feb23 = Some("2023-02");
    assert_date_span!("Sinds april vorig jaar liep het.", feb23, "april vorig jaar");
    assert_date_span!("Sinds 1 april van dit jaar liep het.", Some("2020-07"), "1 april van dit jaar");
    assert_date_span!("In het voorjaar van 2020 lukte het.", None, "voorjaar van 2020");
    assert_date_span!("Begin 2018 was het.", None, "Begin 2018");
    assert_date_span!("Het was half februari.", feb23, "half februari");
    assert_date_span!("In 2016 kreeg de politie berichten.", None, "2016");
    assert_date_span!("De afgelopen maand was het.", feb23, "De afgelopen maand");
}

#[test]
fn not_dates() {
    assert_no_date!("Er is 2000 kilo gevonden.");
    assert_no_date!("Er zijn 2000 verdachten opgepakt.");
    assert_no_date!("Er zijn ruim 2000 verdachten opgepakt.");
    assert_no_date!("De afgelopen jaren zijn er veel opgepakt.");
    assert_no_date!("Halverwege de middag ging de site offline.");
    assert_no_date!("Jan ging naar huis.");
    assert_no_date!("De zomer was warm.");
    assert_no_date!("Het kostte 1600 euro per jaar.");
    assert_no_date!("Ze lazen een half jaar mee.");
    assert_no_date!("Bel 0800-7000 voor tips.");
    assert_no_date!("Dat was het jaar van de waarheid.");
    assert_no_date!("Het kost tot 2000 euro.");
    assert_no_date!("Het begin was moeilijk.");
}

/// A deterministic generator (xorshift) for the no-panic test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn never_panics_and_spans_stay_on_char_boundaries() {
    const PIECES: &[&str] = &[
        "een", "één", "twee", "tien", "twaalfhonderd", "vijfenzeventig", "tweeëndertig", "honderd", "duizend",
        "miljoen", "miljard", "half", "anderhalf", "een half", "tientallen", "miljoenen", "meerdere", "geen", "niemand",
        "meer dan", "ruim", "zo'n", "zo’n", "ca.", "bijna", "zeker", "rond de", "naar schatting", "kilo", "kilo's",
        "kilo’s", "ton", "gram", "euro", "euro’s", "€", "£", "$", "%", "pond", "cash", "per", "voor", "jaar",
        "half jaar", "maanden", "weken", "stuk", "april", "jan.", "vorig jaar", "dit jaar", "van", "sinds", "in",
        "begin", "voorjaar", "dinsdag", "vandaag", "de afgelopen maand", "2016", "1900", "2099", "1", "31", "0",
        "50.000", "2,3", "1.200,50", "14.30", "0800", "-", "/", ":", "(", ")", ".", ",", "!", "?", "\"", "„", "”",
        "’", "ï", "cocaïne", "🚀", "日本", "\u{200b}", "\n", "\n\n", " ", "  ", "1234567890123456789012345",
        "9999999999.999", "-5", "2e", "52-jarige", "Peter R. de Vries", "é", "İ", "ß", "\t", "tweeënhalf",
        "Drieënhalve", "ënhalf", "tal", "twintigtal", "een kleine", "tegen de", "kwart", "driekwart", "een paar",
        "een handvol", "ettelijke", "Britse pond", "ton aan contanten", "aan", "geld", "en een half", "en",
        "een aantal", "€ 2,5 miljoen",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let n = 1 + (rng.next() % 40) as usize;
        let mut text = String::new();
        if round % 3 == 0 {
            text.push_str(" date 2021-03 ");
        }
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let Ok(mut doc) = Document::from_text("fuzz", text.clone()) else { continue };
        Segmenter::default().process(&mut doc).expect("segmenter");
        NumberTagger::default().process(&mut doc).expect("numbers");
        DateTagger::default().process(&mut doc).expect("dates");
        for q in &doc.quantities {
            for s in [q.span, q.number] {
                assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} out of bounds in {text:?}");
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s:?} in {text:?}");
            }
            assert!(q.span.contains(q.number), "number outside span in {text:?}");
            assert!(q.value.is_finite() && q.value >= 0.0, "value {} in {text:?}", q.value);
        }
        for pair in doc.quantities.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "overlapping quantities in {text:?}");
        }
        for d in &doc.dates {
            assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            assert!(!d.span.is_empty());
        }
    }
}

/// A quantity seen in a seed: (doc, surface, value, unit, qualifier, per).
type SeedQuantity = (String, String, f64, Option<Unit>, Option<Qualifier>, Option<Per>);

/// A figure the seeds' gold needs: (doc, surface, value, unit, qualifier).
type Expected = (&'static str, &'static str, f64, Option<Unit>, Option<Qualifier>);

/// Runs both taggers on the seed articles (when present) and checks the figures gold needs.
#[test]
fn seed_articles() {
    let dir = std::path::Path::new("/work/shared/seeds");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut found: Vec<SeedQuantity> = Vec::new();
    let mut dates: Vec<(String, String, Option<String>)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").chars().take(3).collect::<String>();
        let mut doc = Document::from_text(id.clone(), text).expect("seed");
        Segmenter::default().process(&mut doc).expect("segment");
        NumberTagger::default().process(&mut doc).expect("numbers");
        DateTagger::default().process(&mut doc).expect("dates");
        for q in &doc.quantities {
            found.push((id.clone(), doc.text[q.span].to_string(), q.value, q.unit, q.qualifier, q.per));
        }
        for d in &doc.dates {
            dates.push((id.clone(), doc.text[d.span].to_string(), d.value.clone()));
        }
    }
    if std::env::var_os("SHOW_SEEDS").is_some() {
        for f in &found {
            eprintln!("Q {f:?}");
        }
        for d in &dates {
            eprintln!("D {d:?}");
        }
    }
    let has = |doc: &str, surface: &str, value: f64, unit: Option<Unit>, qual: Option<Qualifier>| {
        found.iter().any(|f| f.0 == doc && f.1 == surface && f.2 == value && f.3 == unit && f.4 == qual)
    };
    let expected: &[Expected] = &[
        ("003", "meer dan twintig miljoen", 20e6, None, MORE),
        ("003", "zo'n duizend euro", 1000.0, EUR, ABOUT),
        ("003", "vijftienhonderd euro", 1500.0, EUR, None),
        ("003", "twee ton", 2000.0, KG, None),
        ("003", "54 miljoen pond", 54e6, GBP, None),
        ("003", "meer dan 50.000", 50000.0, None, MORE),
        ("003", "ongeveer 12.000", 12000.0, None, ABOUT),
        ("003", "bijna twintig miljoen euro", 20e6, EUR, ALMOST),
        ("003", "achtduizend kilo", 8000.0, KG, None),
        ("003", "twaalfhonderd kilo", 1200.0, KG, None),
        ("003", "zes maanden", 6.0, MONTHS, None),
        ("003", "honderden", 200.0, None, VAGUE),
        ("000", "bijna tachtig", 80.0, None, ALMOST),
        ("000", "vijf maanden", 5.0, MONTHS, None),
        ("000", "zo'n 3000", 3000.0, None, ABOUT),
        ("000", "4 miljoen euro", 4e6, EUR, None),
        ("000", "een", 1.0, None, None),
        ("001", "ruim vijf maanden", 5.0, MONTHS, MORE),
        ("001", "zo’n drieduizend", 3000.0, None, ABOUT),
        ("001", "twaalfhonderd", 1200.0, None, None),
        ("001", "meerdere kilo’s", 2.0, KG, VAGUE),
        ("001", "meer dan 4 miljoen euro", 4e6, EUR, MORE),
        ("002", "meer dan 8000 kilo", 8000.0, KG, MORE),
        ("002", "1200 kilo", 1200.0, KG, None),
        ("002", "zo'n 50.000", 50000.0, None, ABOUT),
        ("002", "meer dan driehonderd", 300.0, None, MORE),
        ("002", "twintig miljoen euro", 20e6, EUR, None),
        ("004", "ongeveer tachtig miljoen", 80e6, None, ABOUT),
        ("004", "miljoenen euro’s", 2e6, EUR, VAGUE),
        ("004", "dertig", 30.0, None, None),
    ];
    if found.is_empty() {
        return;
    }
    for &(doc, surface, value, unit, qual) in expected {
        assert!(has(doc, surface, value, unit, qual), "seed {doc}: missing {surface:?} = {value} {unit:?} {qual:?}");
    }
    let rates: Vec<_> = found.iter().filter(|f| f.5.is_some()).map(|f| (f.0.as_str(), f.1.as_str(), f.5)).collect();
    assert!(rates.contains(&("000", "800 euro per half jaar", Some(Per::Months(6)))), "{rates:?}");
    assert!(rates.contains(&("000", "800 euro voor zes maanden", Some(Per::Months(6)))), "{rates:?}");
    assert!(rates.contains(&("001", "1600 euro per jaar", Some(Per::Months(12)))), "{rates:?}");
    let has_date = |doc: &str, surface: &str, value: &str| {
        dates.iter().any(|d| d.0 == doc && d.1 == surface && d.2.as_deref() == Some(value))
    };
    for (doc, surface, value) in [
        ("003", "1 april van dit jaar", "2020-04-01"),
        ("003", "13 juni", "2020-06-13"),
        ("000", "september 2020", "2020-09"),
        ("000", "april vorig jaar", "2022-04"),
        ("000", "vandaag", "2023-02"),
        ("001", "Gisteren", "2023-02"),
        ("002", "2017", "2017"),
        ("002", "2016", "2016"),
        ("004", "februari", "2021-02"),
        ("004", "dinsdag", "2021-03"),
        ("004", "voorjaar van 2020", "2020"),
    ] {
        assert!(has_date(doc, surface, value), "seed {doc}: missing date {surface:?} = {value}");
    }
    // No year or day of a date became a quantity.
    for f in &found {
        assert!(!(f.3.is_none() && (1900.0..=2099.0).contains(&f.2) && f.1.len() == 4), "year as quantity: {f:?}");
    }
}

/// Throughput of both taggers on the seed articles (run with `--ignored --nocapture`, ideally `--release`).
#[test]
#[ignore]
fn throughput() {
    let Ok(entries) = std::fs::read_dir("/work/shared/seeds") else { return };
    let mut docs = Vec::new();
    for entry in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
        let mut doc = Document::from_text("seed", text).expect("seed");
        Segmenter::default().process(&mut doc).expect("segment");
        docs.push(doc);
    }
    let (numbers, dates) = (NumberTagger::default(), DateTagger::default());
    let words: usize = docs.iter().map(|d| d.word_count()).sum();
    let rounds = 200;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for doc in docs.iter_mut() {
            numbers.process(doc).expect("numbers");
            dates.process(doc).expect("dates");
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!("{} words in {secs:.3}s: {:.0} words/s", words * rounds, (words * rounds) as f64 / secs);
}

#[test]
fn that_year_points_back_to_the_year_named_before() {
    let doc = tag("Ze lazen vanaf februari 2021 mee, tot de dienst op 9 maart van dat jaar offline ging.", Some("2023-05"));
    let values: Vec<Option<&str>> = doc.dates.iter().map(|d| d.value.as_deref()).collect();
    assert_eq!(values, vec![Some("2021-02"), Some("2021-03-09")]);
    let doc = tag("De dienst ging op 9 maart van dat jaar offline.", Some("2023-05"));
    assert_eq!(doc.dates[0].value.as_deref(), Some("2023-03-09"), "no year named before: the header's");
}

#[test]
fn day_headers_resolve_relative_days() {
    // 2021-03-09 was a Tuesday.
    let day = Some("2021-03-09");
    assert_date!("Vandaag werd de dienst ontmanteld.", day, Some("2021-03-09"));
    assert_date!("Gisteren vielen agenten binnen.", day, Some("2021-03-08"));
    assert_date!("Eergisteren begon het.", day, Some("2021-03-07"));
    assert_date!("Dinsdag werd de dienst uit de lucht gehaald.", day, Some("2021-03-09"));
    assert_date!("Op maandag kwam het bericht.", day, Some("2021-03-08"));
    assert_date!("Woensdag werden de servers in beslag genomen.", day, Some("2021-03-03"));
    assert_date!("Zondagavond sloeg de politie toe.", day, Some("2021-03-07"));
    // Across a month boundary and a year boundary.
    assert_date!("Gisteren vielen agenten binnen.", Some("2021-03-01"), Some("2021-02-28"));
    assert_date!("Vrijdag begon de actie.", Some("2022-01-02"), Some("2021-12-31"));
    // Without a day the header's month stays the answer.
    assert_date!("Dinsdag werd de dienst ontmanteld.", Some("2021-03"), Some("2021-03"));
}

#[test]
fn dates_without_a_year_lie_before_the_header() {
    let feb23 = Some("2023-02");
    assert_date!("De politie las sinds 1 september mee.", feb23, Some("2022-09-01"));
    assert_date!("In november begon het onderzoek.", feb23, Some("2022-11"));
    assert_date!("Sinds januari lezen ze mee.", feb23, Some("2023-01"));
    assert_date!("Sinds 10 maart lezen ze mee.", Some("2021-03-09"), Some("2020-03-10"));
    assert_date!("Sinds 8 maart lezen ze mee.", Some("2021-03-09"), Some("2021-03-08"));
}

#[test]
fn a_range_takes_its_year_for_both_ends() {
    let feb23 = Some("2023-02");
    assert_date!("Tussen augustus en december 2020 lazen ze mee.", feb23, Some("2020-08"));
    assert_date!("Van mei tot oktober 2021 liep de tap.", feb23, Some("2021-05"));
    assert_date!("Van 3 mei tot en met 5 juni 2019 lazen ze mee.", None, Some("2019-05-03"));
    let doc = tag("Tussen augustus en december 2020 lazen ze mee.", feb23);
    let values: Vec<_> = doc.dates.iter().map(|d| d.value.clone()).collect();
    assert_eq!(values, vec![Some("2020-08".to_string()), Some("2020-12".to_string())]);
}

#[test]
fn header_dates_parse_days_and_reject_impossible_ones() {
    use crate::quantity::HeaderDate;
    assert_eq!(HeaderDate::parse("2021-03-09"), Some(HeaderDate { year: 2021, month: 3, day: Some(9) }));
    assert_eq!(HeaderDate::parse("2021-03"), Some(HeaderDate { year: 2021, month: 3, day: None }));
    assert_eq!(HeaderDate::parse("2021-02-29"), None);
    assert_eq!(HeaderDate::parse("2020-02-29").map(|h| h.day), Some(Some(29)));
    assert_eq!(HeaderDate::parse("2021-13"), None);
    assert_eq!(HeaderDate::parse("2021-03-09-1"), None);
}
