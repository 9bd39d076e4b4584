//! Synthetic corpora for scale tests: Dutch articles recombined from the templates in
//! `crate::data::synth`, with varied figures (digits, number words, `3,6 miljoen`, hedges, vague
//! amounts), services, agencies, places, people and header dates.
//!
//! Deterministic: article `i` of seed `s` depends on `(s, i)` only (its own [`SplitMix64`]
//! stream), so a corpus is the same bytes on every machine and can be written as a stream.

use crate::data::synth as t;
use std::io::Write;

pub use crate::rng::SplitMix64;

/// The draws the templates need, on top of the crate's generator.
trait Draw {
    fn draw(&mut self, n: u64) -> u64;
    fn between(&mut self, lo: u64, hi: u64) -> u64;
    fn percent(&mut self, percent: u64) -> bool;
    fn pick<T: Copy>(&mut self, items: &[T]) -> T;
}

impl Draw for SplitMix64 {
    /// A number in `0..n`.
    fn draw(&mut self, n: u64) -> u64 {
        self.below(n as usize) as u64
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.draw(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn percent(&mut self, percent: u64) -> bool {
        self.draw(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Dutch number words for `1..1000` and whole thousands below a million
/// (`drieëntwintig`, `tweehonderd`, `vijfduizend`); `None` for other numbers.
pub fn number_words(n: u64) -> Option<String> {
    fn below_thousand(n: u64) -> String {
        let (hundreds, rest) = (n / 100, n % 100);
        let mut s = String::new();
        if hundreds > 1 {
            s.push_str(t::UNITS[hundreds as usize]);
        }
        if hundreds > 0 {
            s.push_str("honderd");
        }
        if rest > 0 && rest < 20 {
            s.push_str(t::UNITS[rest as usize]);
        } else if rest >= 20 {
            let unit = t::UNITS[(rest % 10) as usize];
            if rest % 10 > 0 {
                s.push_str(unit);
                s.push_str(if unit.ends_with('e') { "ën" } else { "en" });
            }
            s.push_str(t::TENS[(rest / 10) as usize]);
        }
        s
    }
    match n {
        1..=999 => Some(below_thousand(n)),
        1000 => Some("duizend".into()),
        _ if n < 1_000_000 && n.is_multiple_of(1000) => Some(below_thousand(n / 1000) + "duizend"),
        _ => None,
    }
}

/// `1.200`, `50.000`: digits with Dutch thousands dots.
pub fn digits(n: u64) -> String {
    let raw = n.to_string();
    let mut out = String::with_capacity(raw.len() + raw.len() / 3);
    for (i, c) in raw.chars().enumerate() {
        if i > 0 && (raw.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Generates articles for one seed.
#[derive(Debug, Clone, Copy)]
pub struct Synth {
    seed: u64,
}

/// What one article is about, fixed before its sentences are drawn.
struct Plan {
    service: &'static str,
    other: &'static str,
    year: u64,
}

impl Synth {
    pub fn new(seed: u64) -> Synth {
        Synth { seed }
    }

    /// The id of article `index`.
    pub fn id(&self, index: u64) -> String {
        format!("synth-{}-{index:06}", self.seed)
    }

    /// Article `index`: its text, with a ` date YYYY-MM ` header, a headline and paragraphs.
    pub fn article(&self, index: u64) -> String {
        let mut rng = SplitMix64::new(self.seed ^ SplitMix64::new(index).next_u64());
        rng.next_u64();
        let year = rng.between(2016, 2024);
        let month = rng.between(1, 12);
        let plan = Plan { service: rng.pick(t::SERVICES), other: rng.pick(t::SERVICES), year };
        let mut text = format!(" date {year}-{month:02} ");
        text.push_str(&fill(&mut rng, &plan, rng_pick(t::HEADLINES, index)));
        text.push_str("\n\n");
        let mut sentences = vec![rng.pick(t::LEDES)];
        for _ in 0..rng.between(0, 2) {
            sentences.push(rng.pick(t::FACTS));
        }
        paragraph(&mut rng, &plan, &sentences, &mut text);
        for _ in 0..rng.between(2, 5) {
            let sentences: Vec<&str> =
                (0..rng.between(2, 4)).map(|_| if rng.percent(75) { rng.pick(t::FACTS) } else { rng.pick(t::COLOUR) }).collect();
            paragraph(&mut rng, &plan, &sentences, &mut text);
        }
        text.push_str(&fill(&mut rng, &plan, rng_pick(t::CLOSERS, index / 7)));
        text.push('\n');
        text
    }

    /// Writes `docs` articles as JSON Lines (`{"doc", "text"}`), one at a time.
    pub fn write_jsonl(&self, docs: u64, out: &mut impl Write) -> std::io::Result<()> {
        #[derive(serde::Serialize)]
        struct Line<'a> {
            doc: &'a str,
            text: &'a str,
        }
        for i in 0..docs {
            let text = self.article(i);
            serde_json::to_writer(&mut *out, &Line { doc: &self.id(i), text: &text })?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// A template chosen by index, so headlines and closers cycle evenly.
fn rng_pick(items: &'static [&'static str], index: u64) -> &'static str {
    items[(index % items.len() as u64) as usize]
}

fn paragraph(rng: &mut SplitMix64, plan: &Plan, templates: &[&str], out: &mut String) {
    for (i, template) in templates.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&fill(rng, plan, template));
    }
    out.push_str("\n\n");
}

/// Fills a template's slots and capitalises the first letter.
fn fill(rng: &mut SplitMix64, plan: &Plan, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        out.push_str(&slot(rng, plan, &rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    if let Some((at, c)) = out.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        if c.is_lowercase() {
            let upper: String = c.to_uppercase().collect();
            out.replace_range(at..at + c.len_utf8(), &upper);
        }
    }
    out
}

fn slot(rng: &mut SplitMix64, plan: &Plan, name: &str) -> String {
    match name {
        "service" => if rng.percent(85) { plan.service } else { plan.other }.to_string(),
        "service_kind" => rng.pick(t::SERVICE_KINDS).to_string(),
        "agency" => rng.pick(t::AGENCIES).to_string(),
        "country" => rng.pick(t::COUNTRIES).to_string(),
        "city" => rng.pick(t::CITIES).to_string(),
        "port" => rng.pick(t::PORTS).to_string(),
        "person" => format!("{} {}", rng.pick(t::FIRST_NAMES), rng.pick(t::LAST_NAMES)),
        "role" => rng.pick(t::ROLES).to_string(),
        "code" => rng.pick(t::CODE_NAMES).to_string(),
        "drug" => rng.pick(t::DRUGS).to_string(),
        "month" => rng.pick(t::MONTHS).to_string(),
        "year" => (plan.year - rng.draw(3)).to_string(),
        "date" => date(rng, plan),
        "arrests" => count(rng, 3, 6_500),
        "searches" => count(rng, 2, 900),
        "users" => count(rng, 200, 170_000),
        "phones" => count(rng, 5, 4_000),
        "weapons" => count(rng, 2, 400),
        "months" => {
            let n = rng.between(2, 24);
            if rng.percent(50) { number_words(n).unwrap_or_else(|| n.to_string()) } else { n.to_string() }
        }
        "messages" => messages(rng),
        "kilos" => kilos(rng),
        "cash" => cash(rng),
        "price" => price(rng),
        other => format!("{{{other}}}"),
    }
}

fn hedge(rng: &mut SplitMix64) -> String {
    if rng.percent(30) {
        format!("{} ", rng.pick(t::HEDGES))
    } else {
        String::new()
    }
}

/// A round-ish number between `lo` and `hi`, drawn log-uniformly.
fn amount(rng: &mut SplitMix64, lo: u64, hi: u64) -> u64 {
    let (a, b) = ((lo.max(1) as f64).ln(), (hi as f64).ln());
    let x = (a + (b - a) * (rng.below(1 << 20) as f64 / (1u64 << 20) as f64)).exp() as u64;
    let round = match x {
        0..=30 => 1,
        31..=200 => [1, 5, 10][rng.below(3)],
        201..=2000 => [1, 10, 50, 100][rng.below(4)],
        _ => 10u64.pow((x as f64).log10() as u32 - 1) * [1, 5][rng.below(2)],
    };
    (x / round * round).clamp(lo.max(1), hi)
}

/// A count in one of the styles articles use: digits, words, millions, vague amounts; often hedged.
fn count(rng: &mut SplitMix64, lo: u64, hi: u64) -> String {
    let n = amount(rng, lo, hi);
    match rng.below(100) {
        0..=5 => rng.pick(t::VAGUE_COUNTS).to_string(),
        6..=30 => match number_words(n) {
            Some(words) => hedge(rng) + &words,
            None => hedge(rng) + &digits(n),
        },
        _ => hedge(rng) + &digits(n),
    }
}

fn millions(rng: &mut SplitMix64, lo: u64, hi: u64) -> String {
    let tenths = rng.between(lo * 10, hi * 10);
    if tenths.is_multiple_of(10) || rng.percent(30) {
        format!("{} miljoen", tenths / 10)
    } else {
        format!("{},{} miljoen", tenths / 10, tenths % 10)
    }
}

fn messages(rng: &mut SplitMix64) -> String {
    if rng.percent(50) {
        hedge(rng) + &millions(rng, 1, 120)
    } else {
        count(rng, 5_000, 900_000)
    }
}

fn kilos(rng: &mut SplitMix64) -> String {
    match rng.below(4) {
        0 => {
            let tons = rng.between(1, 30);
            let n = if rng.percent(50) { number_words(tons).unwrap_or_else(|| tons.to_string()) } else { tons.to_string() };
            format!("{}{n} ton", hedge(rng))
        }
        1 => format!("{}{} kilo", hedge(rng), number_words(amount(rng, 2, 900)).unwrap_or_else(|| "honderd".into())),
        _ => format!("{}{} kilo", hedge(rng), digits(amount(rng, 2, 12_000))),
    }
}

fn cash(rng: &mut SplitMix64) -> String {
    match rng.below(5) {
        0 => format!("{}{} euro", hedge(rng), millions(rng, 1, 40)),
        1 => format!("€ {}", digits(amount(rng, 10_000, 900_000))),
        2 => format!("{}{} euro", hedge(rng), number_words(rng.between(1, 9) * 100_000).unwrap_or_default()),
        3 => format!("{}{} euro", hedge(rng), digits(amount(rng, 5_000, 2_000_000))),
        _ => format!("€ {}", millions(rng, 1, 25)),
    }
}

fn price(rng: &mut SplitMix64) -> String {
    let euros = rng.between(6, 50) * 100;
    let period = rng.pick(&["per half jaar", "per zes maanden", "per jaar", "per drie maanden", "per stuk", "voor zes maanden"]);
    if rng.percent(30) {
        format!("€ {} {period}", digits(euros))
    } else {
        format!("{}{} euro {period}", hedge(rng), digits(euros))
    }
}

fn date(rng: &mut SplitMix64, plan: &Plan) -> String {
    match rng.below(4) {
        0 => rng.pick(t::RELATIVE_DATES).to_string(),
        1 => format!("{} {} {}", rng.between(1, 28), rng.pick(t::MONTHS), plan.year - rng.draw(2)),
        2 => format!("begin {}", rng.pick(t::MONTHS)),
        _ => format!("{} {}", rng.between(1, 28), rng.pick(t::MONTHS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! assert_words {
        ($n:expr, $words:expr) => {
            assert_eq!(number_words($n).as_deref(), $words, "{}", $n)
        };
    }

    #[test]
    fn dutch_number_words() {
        assert_words!(1, Some("een"));
        assert_words!(21, Some("eenentwintig"));
        assert_words!(22, Some("tweeëntwintig"));
        assert_words!(43, Some("drieënveertig"));
        assert_words!(100, Some("honderd"));
        assert_words!(250, Some("tweehonderdvijftig"));
        assert_words!(1000, Some("duizend"));
        assert_words!(5000, Some("vijfduizend"));
        assert_words!(300_000, Some("driehonderdduizend"));
        assert_words!(1001, None);
    }

    #[test]
    fn thousands_dots() {
        assert_eq!(digits(7), "7");
        assert_eq!(digits(1200), "1.200");
        assert_eq!(digits(1_234_567), "1.234.567");
    }

    #[test]
    fn articles_are_deterministic_and_filled() {
        let a = Synth::new(7);
        assert_eq!(a.article(3), Synth::new(7).article(3));
        assert_ne!(a.article(3), Synth::new(8).article(3));
        assert_ne!(a.article(3), a.article(4));
        for i in 0..200 {
            let text = a.article(i);
            assert!(text.starts_with(" date 20"), "{text}");
            assert!(!text.contains('{') && !text.contains('}'), "{text}");
        }
    }
}
