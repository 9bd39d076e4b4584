//! Facts that are names and dates: agencies, countries, people, investigation code names,
//! server locations, and the dates of investigations, interception and takedowns.

use super::context::SentenceContext;
use crate::data::cues;
use crate::data::gazetteer as names;
use crate::data::services::ServiceCatalog;
use crate::document::{DateMention, Document, EntityType};
use crate::record::{Fact, FactValue, Slot};

fn text_fact(slot: Slot, value: &str) -> Fact {
    Fact::new(slot, FactValue::Text(value.to_string()))
}

fn is_foreign_demonym(word: &str) -> bool {
    names::DEMONYMS.iter().any(|(d, code)| *d == word && !code.is_empty() && *code != "NL")
}

/// True when the article is Belgian: it names a Belgian institution (`cues::BELGIAN_INSTITUTIONS`)
/// and Belgian places at least as often as Dutch ones.
pub fn is_belgian(doc: &Document, places: &super::context::PlaceTable) -> bool {
    let mut institution = false;
    let (mut be, mut nl) = (0, 0);
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let words: Vec<&str> = tokens.iter().map(|t| &doc.text[t.span]).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        institution |= super::context::find_phrase(&lower, cues::BELGIAN_INSTITUTIONS).is_some();
        for p in places.find(&words) {
            match p.code {
                "BE" => be += 1,
                "NL" => nl += 1,
                _ => {}
            }
        }
    }
    institution && be >= nl
}

/// Agencies named in the sentence: the table's names, and the (Dutch) police unless the
/// sentence makes it a foreign force (`de Franse politie`, `politiediensten uit Italië`). In a
/// Belgian article a bare `de politie` is Belgian: `country` BE instead.
pub fn agencies(ctx: &SentenceContext, belgian: bool) -> Vec<Fact> {
    static SPLIT: std::sync::OnceLock<Vec<(Vec<&'static str>, &'static str)>> = std::sync::OnceLock::new();
    let table = SPLIT.get_or_init(|| names::AGENCIES.iter().map(|(s, c)| (s.split(' ').collect(), *c)).collect());
    let mut out = Vec::new();
    for (i, w) in ctx.words.iter().enumerate() {
        for (parts, canonical) in table {
            if parts[0] != *w {
                continue;
            }
            let matches = i + parts.len() <= ctx.words.len() && parts.iter().zip(&ctx.words[i..]).all(|(p, w)| p == w);
            // `het Franse Openbaar Ministerie` is not the Dutch one; `de Amerikaanse FBI` is the FBI.
            let dutch_only = matches!(*canonical, "Openbaar Ministerie" | "Landelijk Parket" | "Politie");
            let foreign = dutch_only && i > 0 && is_foreign_demonym(ctx.words[i - 1]);
            if matches && !foreign {
                out.push(text_fact(Slot::Agency, canonical));
            }
        }
        if names::POLICE_WORDS.contains(w) {
            let foreign = (i > 0
                && (is_foreign_demonym(ctx.words[i - 1]) || cues::FOREIGN_FORCE_ADJECTIVES.contains(&ctx.lower[i - 1].as_str())))
                || ctx.lower.get(i + 1).is_some_and(|n| n == "uit" || n == "van")
                    && ctx.places.iter().any(|p| p.start == skip_fillers(ctx, i + 2) || p.start == i + 3)
                // `de politie in Costa Rica` is Costa Rica's police; `de politie in Amsterdam` is Dutch.
                || ctx.lower.get(i + 1).is_some_and(|n| n == "in")
                    && ctx.places.iter().any(|p| p.start == i + 2 && p.code != "NL");
            let dutch = i > 0 && names::DEMONYMS.iter().any(|(d, code)| *d == ctx.words[i - 1] && *code == "NL");
            if belgian && !foreign && !dutch && ctx.lower[i] == "politie" {
                out.push(text_fact(Slot::Country, "BE"));
            } else if !foreign {
                out.push(text_fact(Slot::Agency, "Politie"));
            }
        }
    }
    out
}

/// Countries where arrests or searches took place (every place in a sentence with an arrest or
/// search cue), and countries whose authorities took part (`Franse en Nederlandse autoriteiten`,
/// `politiediensten uit Italië, Zweden en Frankrijk`). A sentence about servers gives none.
pub fn countries(ctx: &SentenceContext) -> Vec<Fact> {
    let mut codes: Vec<&'static str> = Vec::new();
    // Places of arrests and searches; not where servers stood, and not `in Nederland is niemand opgepakt`.
    let negated = ctx.has_any(&["niemand", "geen"]);
    let premises_searched = ctx.has_any(cues::PREMISES_SEARCH) && ctx.lower.iter().any(|w| cues::noun_class(w) == Some(cues::NounClass::Premises));
    if (ctx.has_any(cues::ARREST) || ctx.has_any(cues::SEARCH) || premises_searched) && !ctx.about_servers() && !negated {
        codes.extend(ctx.country_codes());
    }
    for (i, w) in ctx.lower.iter().enumerate() {
        if !cues::AUTHORITY_NOUNS.contains(&w.as_str()) {
            continue;
        }
        // Demonyms before the noun, coordinated with `en` and commas.
        let mut j = i;
        while j > 0 && cues::FORCE_ADJECTIVES.contains(&ctx.lower[j - 1].as_str()) {
            j -= 1;
        }
        while j > 0 {
            let prev = ctx.words[j - 1];
            if let Some((_, code)) = names::DEMONYMS.iter().find(|(d, _)| *d == prev) {
                if !code.is_empty() {
                    codes.push(code);
                }
                j -= 1;
            } else if matches!(prev, "en" | "," | "of") && j >= 2 {
                j -= 1;
            } else {
                break;
            }
        }
        // `uit` + a list of places after the noun.
        if ctx.lower.get(i + 1).is_some_and(|n| n == "uit" || n == "in" || n == "van") {
            let mut k = skip_fillers(ctx, i + 2);
            for p in ctx.places.iter().filter(|p| p.start >= i + 2) {
                // `Frankrijk, Zweden, Canada en de Verenigde Staten`
                if p.start > k + 2 || (p.start == k + 2 && ctx.lower[k + 1] != "de") {
                    break;
                }
                codes.push(p.code);
                k = p.end;
            }
        }
    }
    for p in &ctx.places {
        // Partners: `samen met Nederland`, `in samenwerking met België`.
        let mut at = p.start;
        if at > 0 && ctx.lower[at - 1] == "de" {
            at -= 1;
        }
        let partner = cues::PARTNER_BEFORE.iter().any(|c| super::context::ends_with_cue(&ctx.lower, at, c));
        // `In Nederland liep het onderzoek`: a clause opening on `in` + a place, with an
        // authority or investigation in it.
        // A country, not a city (`In Amsterdam vond de politie ...` names no authority of NL),
        // and not the bare police, which gives its agency only.
        let (cs, ce) = ctx.clause(p.start);
        let country = names::COUNTRIES.iter().any(|(n, _)| *n == ctx.words[p.start..p.end].join(" "));
        let authority = (cs..ce).any(|j| cues::AUTHORITY_NOUNS.contains(&ctx.lower[j].as_str()) && !names::POLICE_WORDS.contains(&ctx.words[j]));
        let opening = country && p.start >= 1 && p.start - 1 == cs && ctx.lower[cs] == "in" && authority;
        if partner || opening {
            codes.push(p.code);
        }
    }
    let mut seen = Vec::new();
    codes
        .into_iter()
        .filter(|c| {
            let new = !seen.contains(c);
            seen.push(*c);
            new
        })
        .map(|c| text_fact(Slot::Country, c))
        .collect()
}

/// Skips `onder meer`, `onder andere`, `o.a.`, `de` from token `at`; returns the next token's index.
fn skip_fillers(ctx: &SentenceContext, mut at: usize) -> usize {
    while at < ctx.lower.len() && matches!(ctx.lower[at].as_str(), "onder" | "meer" | "andere" | "o.a." | "de" | "het" | "zoals") {
        at += 1;
    }
    at
}

/// Where the servers stood: the places after `in` in a sentence about servers
/// (`de servers stonden in Frankrijk en IJsland`), not `op verzoek van Nederland`.
pub fn server_countries(ctx: &SentenceContext) -> Vec<Fact> {
    if !ctx.about_servers() {
        return Vec::new();
    }
    let mut out: Vec<Fact> = Vec::new();
    let mut listed = false;
    for p in &ctx.places {
        let prev = if p.start > 0 { ctx.lower[p.start - 1].as_str() } else { "" };
        let after_in = prev == "in" || (listed && matches!(prev, "en" | ","));
        listed = after_in;
        if after_in {
            let fact = text_fact(Slot::ServerCountry, p.code);
            if !out.contains(&fact) {
                out.push(fact);
            }
        }
    }
    out
}

/// Named people: each person's name as first written; a later surname-only mention is the same person.
pub fn persons(doc: &Document, ctx: &SentenceContext, services: &ServiceCatalog, seen: &mut Vec<String>) -> Vec<Fact> {
    let mut out = Vec::new();
    for e in doc.entities.iter().filter(|e| e.label == EntityType::Per && ctx.sentence.span.contains(e.span)) {
        let name = &doc.text[e.span];
        // A name has a capital (not a stray particle such as `de`) and is not a service's.
        if !name.chars().any(char::is_uppercase) || services.is_spelling(name) || is_byline_or_credit(doc, e.span) {
            continue;
        }
        if is_nickname(doc, e.span) {
            continue;
        }
        // The same person: the full name, its surname (`Van den Berg` after `Jannine van den
        // Berg`) or, once a full name is known, its first name alone (`Danny` after `Danny M.`).
        let lower = name.to_lowercase();
        let known = seen
            .iter()
            .find(|full| {
                let full_lower = full.to_lowercase();
                full_lower == lower
                    || full_lower.ends_with(&format!(" {lower}"))
                    || (!name.contains(' ') && full.split(' ').next() == Some(name) && full.contains(' '))
            })
            .cloned();
        let full = match known {
            Some(full) => full,
            None => {
                seen.push(name.to_string());
                name.to_string()
            }
        };
        out.push(text_fact(Slot::Person, &full));
    }
    out
}

/// A nickname, not a name (`bijnamen zoals Pacman`, `Joaquín Guzmán, alias El Chapo`, `die
/// ‘Noffel’ wordt genoemd`), or the same word later (`Noffel staat bekend als ...`).
fn is_nickname(doc: &Document, span: crate::span::Span) -> bool {
    let name = &doc.text[span];
    let introduced = |e: &crate::document::Entity| {
        let before: Vec<String> = doc.text[doc.text[..e.span.start].rfind(['.', '\n']).map_or(0, |i| i + 1)..e.span.start]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        let cue_before = before.iter().rev().take(cues::NICKNAME_REACH).any(|w| cues::NICKNAME_BEFORE.contains(&w.as_str()));
        let quoted = doc.text[..e.span.start].ends_with(['‘', '\'', '"', '“']) && doc.text[e.span.end..].starts_with(['’', '\'', '"', '”']);
        let after: Vec<String> = doc.text[e.span.end..].split_whitespace().take(3).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
        let cue_after = after.iter().any(|w| cues::NICKNAME_AFTER.contains(&w.as_str()));
        cue_before || quoted || cue_after
    };
    doc.entities.iter().filter(|e| e.span.start <= span.start && &doc.text[e.span] == name).any(introduced)
}

/// A byline or credit (ANNOTATION.md: text, not a person fact): a name that ends a line without
/// closing punctuation (`... politie rolt netwerk op Karel Veenstra`), or one after a
/// credit word (`Foto: Jan de Vries`, `© Anna Bos`, `Door Piet Smit`).
fn is_byline_or_credit(doc: &Document, span: crate::span::Span) -> bool {
    let line_start = doc.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.text[span.end..].find('\n').map_or(doc.text.len(), |i| span.end + i);
    let rest = doc.text[span.end..line_end].trim();
    let line = doc.text[line_start..line_end].trim_end();
    let ends_line = rest.is_empty() && !line.ends_with(crate::data::text::CLOSING_PUNCTUATION);
    let before: Vec<&str> = doc.text[line_start..span.start].split_whitespace().collect();
    let credit = before.last().is_some_and(|w| {
        let w = w.trim_end_matches(':').to_lowercase();
        crate::data::text::CREDIT_WORDS.contains(&w.as_str())
    });
    ends_line || credit
}

/// Investigation code names: capitalised words after `operatie`, `onderzoek, genaamd`, `codenaam`;
/// after a list cue (`De codenamen van de onderzoeken zijn 26Samber en 26Lytham`) every name in
/// the list a few words on.
pub fn investigations(ctx: &SentenceContext, services: &ServiceCatalog) -> Vec<Fact> {
    let mut out = Vec::new();
    let skip = |w: &str| matches!(w, "," | "'" | "\"" | "‘" | "’" | "“" | "”" | "„" | "genaamd" | "met" | "de" | "naam");
    let push = |start: usize, end: usize, out: &mut Vec<Fact>| {
        if end > start && !ctx.places.iter().any(|p| p.start == start) {
            let name = ctx.words[start..end].join(" ");
            let known = services.is_spelling(&name);
            let fact = text_fact(Slot::Investigation, &name);
            if !known && !names::DEMONYMS.iter().any(|(d, _)| *d == name) && !out.contains(&fact) {
                out.push(fact);
            }
        }
    };
    let name_end = |start: usize| {
        let mut j = start;
        while j < ctx.words.len() && (is_name_word(ctx.words[j]) || (j > start && is_name_number(ctx.words[j]))) {
            j += 1;
        }
        j
    };
    for (i, w) in ctx.lower.iter().enumerate() {
        if !cues::CODE_NAME_CUES.contains(&w.as_str()) {
            continue;
        }
        let mut j = i + 1;
        while j < ctx.words.len() && skip(ctx.lower[j].as_str()) && j <= i + 3 {
            j += 1;
        }
        if cues::CODE_NAME_LIST_CUES.contains(&w.as_str()) {
            // `codenamen van de onderzoeken zijn X en Y`: the first name within reach.
            let limit = (i + 1 + cues::CODE_NAME_REACH).min(ctx.words.len());
            j = (j..limit).find(|&k| name_end(k) > k && ctx.words[k].chars().any(|c| c.is_ascii_digit() || c.is_uppercase())).unwrap_or(j);
            loop {
                let end = name_end(j);
                if end == j {
                    break;
                }
                push(j, end, &mut out);
                if end + 1 < ctx.words.len() && matches!(ctx.lower[end].as_str(), "en" | ",") {
                    j = end + 1;
                } else {
                    break;
                }
            }
            continue;
        }
        let end = name_end(j);
        push(j, end, &mut out);
    }
    out
}

/// A word of a code name: capitalised (`Trojan`), or letters and digits with a capital (`26Lemont`).
fn is_name_word(w: &str) -> bool {
    w.chars().any(char::is_uppercase) && w.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// A number continuing a code name (`Emma 95`).
fn is_name_number(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 3
}

/// The date facts of a sentence: an investigation's start (`het onderzoek begon in 2017`,
/// `sinds september 2020 onderzoek`), interception's start (`sinds februari meelezen`), or a
/// takedown (`dinsdag offline gehaald`, `de server ... in beslag genomen`).
pub fn dates(ctx: &SentenceContext, dates: &[&DateMention], code_names: &[String]) -> Vec<(Fact, usize)> {
    let mut out = Vec::new();
    // An investigation's code name stands for the investigation (`26Lytham begon op 28 april 2022`).
    let code_name_words: Vec<String> = code_names.iter().map(|n| n.to_lowercase()).filter(|n| !n.contains(' ')).collect();
    let mut investigation_words: Vec<&str> = vec!["onderzoek", "opsporingsonderzoek", "strafrechtelijk", "strafrechtelijke"];
    investigation_words.extend(code_name_words.iter().map(String::as_str));
    let investigation_words = investigation_words.as_slice();
    let started = ctx.has_any(cues::STARTED);
    let takedown = (ctx.has_any(cues::TAKEDOWN) && !ctx.has_any(cues::NOT_A_TAKEDOWN))
        || (ctx.about_servers() && ctx.has_any(&["beslag", "inbeslaggenomen"]));
    // The slots of the date before, for a list of dates (`in 2016 (Ennetcom), in 2020 (EncroChat)`).
    let mut previous: Option<(usize, Vec<Slot>)> = None;
    for (k, d) in dates.iter().enumerate() {
        let Some(value) = &d.value else { continue };
        let (first, last) = ctx.token_range(d.span);
        let range_end = first > 0
            && (cues::RANGE_END_BEFORE.contains(&ctx.lower[first - 1].as_str())
                || (ctx.lower[first - 1] == "en" && ctx.has_any_in(ctx.clause(first).0, first, &["tussen"])));
        if let Some((end, slots)) = previous.take() {
            if coordinated(ctx, end, first) && !range_end {
                out.extend(slots.iter().map(|&slot| (text_fact(slot, value), k)));
                previous = Some((last, slots));
                continue;
            }
        }
        let before = out.len();
        let since = first > 0 && ctx.has_any_in(first.saturating_sub(2), first, &["sinds", "vanaf", "sindsdien"]);
        // The date's own clause decides between investigation and interception
        // (`die het onderzoek de naam Kraken gaf, kon sinds maart meelezen`); else the sentence.
        let (cs, ce) = ctx.clause(first);
        let (investigation, intercept) = match (ctx.has_any_in(cs, ce, investigation_words), ctx.has_any_in(cs, ce, cues::INTERCEPT)) {
            (false, false) => (ctx.has_any(investigation_words), ctx.has_any(cues::INTERCEPT)),
            local => local,
        };
        // `begon in 2017`, `kwam in 2017 op het spoor`: the date itself says when, not any date
        // of the sentence (`het onderzoek naar de actie van gisteren loopt sinds begin 2021`).
        let at = first > 0 && matches!(ctx.lower[first - 1].as_str(), "in" | "op" | "per" | "al" | "sinds");
        // Cracked, hacked or got access in the date's own subclause (`het jaar waarin EncroChat
        // werd gehackt`), or read along there (`konden in 2016 worden meegelezen`); not the end
        // of a range (`van 3 april tot 28 juni`).
        let (ss, se) = ctx.subclause(first);
        let noun_before = ctx.has_any_or_compound_in(first.saturating_sub(cues::CRACK_NOUN_REACH), first, cues::CRACK_NOUNS);
        let cracked = !range_end
            && (ctx.has_any_or_compound_in(ss, se, cues::CRACK) || noun_before || (at && ctx.has_any_in(ss, se, cues::READ_ALONG)));
        if investigation && (since || (started && at)) {
            out.push((text_fact(Slot::InvestigationStart, value), k));
            previous = Some((last, vec![Slot::InvestigationStart]));
            continue;
        }
        let reading_since = intercept && since;
        if reading_since || cracked {
            out.push((text_fact(Slot::InterceptionStart, value), k));
        }
        // A crack alone is no takedown, but servers seized give access and a takedown at once
        // (`In 2016 werden de servers in beslag genomen`), and so does a takedown word in the
        // date's own subclause.
        let taken_down_here = !cracked || ctx.about_servers() || ctx.has_any_in(ss, se, cues::TAKEDOWN);
        if takedown && !reading_since && taken_down_here {
            out.push((text_fact(Slot::Takedown, value), k));
        }
        previous = Some((last, out[before..].iter().map(|(f, _)| f.slot).collect()));
    }
    out
}

/// True when tokens `[from, to)` between two dates only join them in a list: punctuation,
/// `en`, `of`, `in`, `op`, and what stands in brackets (`2016 (Ennetcom), in 2020`).
fn coordinated(ctx: &SentenceContext, from: usize, to: usize) -> bool {
    let mut depth = 0usize;
    from < to
        && (from..to).all(|j| {
            let w = ctx.lower[j].as_str();
            match w {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0 || matches!(w, "(" | ")" | "," | "en" | "of" | "in" | "op" | "respectievelijk")
        })
}

/// A takedown the lead reports as news, without a date (`Onder regie van Europol hebben
/// politiediensten het platform Ghost opgerold`): it happened at the article's date, so the
/// header date is the takedown's. Needs the news tenses (`cues::NEWS_TENSE`: `heeft ...
/// opgerold`, `haalt ... uit de lucht`) and no background word (`eerder`).
pub fn news_takedown(ctx: &SentenceContext, header: Option<&str>) -> Option<Fact> {
    let header = header?;
    let takedown = ctx.has_any(cues::TAKEDOWN) && !ctx.has_any(cues::NOT_A_TAKEDOWN);
    let background = super::context::find_phrase(&ctx.lower, cues::BACKGROUND).is_some();
    (takedown && ctx.has_any(cues::NEWS_TENSE) && !background).then(|| text_fact(Slot::Takedown, header))
}
