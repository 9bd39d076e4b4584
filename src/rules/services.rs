//! Finding the services an article names, choosing its main one, and deciding which operation
//! each sentence is about.

use crate::data::cues;
use crate::data::gazetteer as names;
use crate::data::services::ServiceCatalog;
use crate::document::Document;
use crate::span::Span;

/// One mention of a service in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceMention {
    /// Canonical name (the service table's), or a new service's name as written.
    pub service: String,
    pub span: Span,
    pub sentence: usize,
}

/// Spellings split into tokens, longest first, with their canonical names.
pub struct ServiceTable {
    spellings: Vec<(Vec<String>, String, bool)>,
    /// Every spelling's [`key`], for case, hyphen, space, compound and misspelt variants.
    keys: Vec<SpellingKey>,
    /// `AMBIGUOUS_CONTEXT`, lowercase.
    context: std::collections::HashSet<String>,
    /// `FUZZY_CONTEXT`.
    fuzzy_context: std::collections::HashSet<String>,
    catalog: std::sync::Arc<ServiceCatalog>,
}

/// The service words in a sentence: any (`AMBIGUOUS_CONTEXT`), and those of the trade (`FUZZY_CONTEXT`).
#[derive(Debug, Clone, Copy)]
struct Context {
    plain: bool,
    strong: bool,
}

/// A name found at a word: how many words it takes, its service, and whether it is a misspelling
/// of a short name with only a common service word beside it.
struct Found {
    len: usize,
    service: String,
    weak: bool,
}

/// A spelling's key and the service it names.
struct SpellingKey {
    key: Vec<char>,
    service: String,
    ambiguous: bool,
}

impl SpellingKey {
    /// Ambiguous (`Sky`) or short (`Exclu`): a variant or misspelling needs a service word nearby.
    fn needs_context(&self) -> bool {
        self.ambiguous || self.key.len() <= cues::FUZZY_NAME_LENGTHS[0]
    }
}

/// A name's key: lowercase, without spaces, hyphens and dots (`Sky-ECC`, `SKY ECC` and `SkyEcc`
/// are `skyecc`).
fn key(text: &str) -> Vec<char> {
    text.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{2011}')).flat_map(char::to_lowercase).collect()
}

/// Edit distance with adjacent swaps (optimal string alignment), or `limit + 1` when over `limit`.
pub fn edit_distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=b.len() {
        rows[0][j] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()].min(limit + 1)
}

/// How many edits a misspelling of a name with a key of `len` letters may have: none under five,
/// one from five, two from nine (`cues::FUZZY_NAME_LENGTHS`).
fn edits_allowed(len: usize) -> usize {
    cues::FUZZY_NAME_LENGTHS.iter().filter(|&&l| len >= l).count()
}

impl Default for ServiceTable {
    fn default() -> ServiceTable {
        ServiceTable::new(ServiceCatalog::builtin())
    }
}

impl ServiceTable {
    pub fn new(catalog: std::sync::Arc<ServiceCatalog>) -> ServiceTable {
        let mut spellings = Vec::new();
        for s in catalog.spellings() {
            let parts: Vec<String> =
                crate::text::WordTokenizer.tokenize(&s.text).iter().map(|t| s.text[t.span].to_string()).collect();
            if !parts.is_empty() {
                spellings.push((parts, s.service, s.ambiguous));
            }
        }
        spellings.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(b.0[0].len().cmp(&a.0[0].len())));
        let context = names::AMBIGUOUS_CONTEXT.iter().map(|c| c.to_lowercase()).collect();
        let keys: Vec<SpellingKey> = catalog
            .spellings()
            .into_iter()
            .map(|s| SpellingKey { key: key(&s.text), service: s.service, ambiguous: s.ambiguous })
            .collect();
        let fuzzy_context = names::FUZZY_CONTEXT.iter().map(|c| c.to_string()).collect();
        ServiceTable { spellings, keys, context, fuzzy_context, catalog }
    }

    /// The service table this finder reads.
    pub fn catalog(&self) -> &ServiceCatalog {
        &self.catalog
    }

    /// Every service mention in the document, in text order. Names match as written in the
    /// table (or case-insensitively for the unambiguous ones), also as the first part of a
    /// hyphenated compound (`Exclu-gebruikers`); then as variants ([`ServiceTable::variant`]:
    /// other case, hyphens or spaces, closed compounds, one or two letters off). Ambiguous names
    /// (`Ghost`, `Matrix`, `Sky`) and misspellings of short names need a service word in the same
    /// sentence, or (one sense per discourse) the service made clear elsewhere in the article.
    pub fn find(&self, doc: &Document) -> Vec<ServiceMention> {
        // Each sentence's service words, read once for both passes.
        let has = |si: usize, set: &std::collections::HashSet<String>| {
            doc.sentence_tokens(&doc.sentences[si]).iter().any(|t| {
                let w = &doc.text[t.span];
                let lower;
                let w = if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                    lower = w.to_lowercase();
                    lower.as_str()
                } else {
                    w
                };
                set.contains(w) || w.rsplit_once('-').is_some_and(|(_, head)| set.contains(head))
            })
        };
        let strong: Vec<bool> = (0..doc.sentences.len()).map(|si| has(si, &self.fuzzy_context)).collect();
        let contexts: Vec<Context> = (0..doc.sentences.len())
            .map(|si| {
                // A service word of the trade counts from the sentence before, in the same paragraph.
                let before = si > 0 && doc.sentences[si - 1].paragraph == doc.sentences[si].paragraph && strong[si - 1];
                Context { plain: has(si, &self.context), strong: strong[si] || before }
            })
            .collect();
        let none = std::collections::HashSet::new();
        let mut out = self.scan(doc, &contexts, &none);
        // One sense per discourse: once the article makes clear that a name is a service, its
        // bare mentions elsewhere in the article are that service too.
        let established: std::collections::HashSet<String> = out.iter().map(|m| m.service.clone()).collect();
        // Only names that needed context can be found anew (ambiguous or short ones).
        let needs_context = |service: &String| self.keys.iter().any(|e| &e.service == service && e.needs_context());
        if established.iter().any(needs_context) {
            out = self.scan(doc, &contexts, &established);
        }
        self.find_new(doc, &mut out);
        out
    }

    /// One pass over the sentences, with each sentence's service words (`contexts`); a name that
    /// needs context also counts for a service in `established`.
    fn scan(&self, doc: &Document, contexts: &[Context], established: &std::collections::HashSet<String>) -> Vec<ServiceMention> {
        let mut out = Vec::new();
        let mut weak: Vec<ServiceMention> = Vec::new();
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let tokens = doc.sentence_tokens(sentence);
            let words: Vec<&str> = tokens.iter().map(|t| &doc.text[t.span]).collect();
            let context = contexts[si];
            let mut i = 0;
            while i < words.len() {
                let hit = self.spellings.iter().find(|(parts, service, ambiguous)| {
                    if i + parts.len() > words.len() || (*ambiguous && !context.plain && !established.contains(service)) {
                        return false;
                    }
                    parts.iter().enumerate().all(|(k, part)| {
                        let w = words[i + k];
                        let last = k + 1 == parts.len();
                        let same = |a: &str| if *ambiguous { a == part } else { a == part || a.eq_ignore_ascii_case(part) };
                        same(w) || (last && w.split_once('-').is_some_and(|(head, _)| same(head)))
                    })
                });
                // The longer of the spelling and a variant (`Encro Chat` over `Encro`).
                let found = match hit {
                    Some((parts, canonical, _)) => {
                        let exact = Found { len: parts.len(), service: canonical.clone(), weak: false };
                        match self.variant(&words, i, context, established) {
                            Some(v) if v.len > exact.len && !v.weak => Some(v),
                            _ => Some(exact),
                        }
                    }
                    None => self.variant(&words, i, context, established),
                };
                match found {
                    Some(f) => {
                        let span = tokens[i].span.cover(tokens[i + f.len - 1].span);
                        let mention = ServiceMention { service: f.service, span, sentence: si };
                        if f.weak {
                            weak.push(mention);
                        } else {
                            out.push(mention);
                        }
                        i += f.len;
                    }
                    None => i += 1,
                }
            }
        }
        // A misspelt short name with only a common service word counts where such mentions of
        // the service are in two sentences or more (`een Mathrix-app`, later `berichten via Mathrix`).
        for m in &weak {
            let sentences: std::collections::HashSet<usize> =
                weak.iter().filter(|w| w.service == m.service).map(|w| w.sentence).collect();
            if sentences.len() >= 2 {
                out.push(m.clone());
            }
        }
        out.sort_by_key(|m| m.span.start);
        out
    }

    /// A variant of a known name at word `i` (one or two words): the same [`key`] (`SKYECC`,
    /// `Encro Chat`, `Iron-Chat`), a closed compound of a name of six letters or more
    /// (`Ennetcomzaak`), or a capitalised misspelling with the first letter right and one edit
    /// from five letters, two from nine (`Enchrochat`). Ambiguous names, and misspellings of
    /// names under six letters, need `context` (the strong kind, `FUZZY_CONTEXT`, for a
    /// misspelling) or the service `established`. A misspelling that
    /// is a known place, agency or organisation, or equally near two services, is none.
    /// Returns the words taken and the service.
    fn variant(&self, words: &[&str], i: usize, context: Context, established: &std::collections::HashSet<String>) -> Option<Found> {
        let is_word = |w: &str| w.chars().next().is_some_and(char::is_alphanumeric);
        if !is_word(words[i]) {
            return None;
        }
        let head = |w: &'_ str| -> String { w.split_once('-').map_or(w, |(h, _)| h).to_string() };
        // Candidates, longest first: two words, the whole word, its compound heads.
        let mut candidates: Vec<(usize, String)> = Vec::new();
        if let Some(next) = words.get(i + 1).filter(|w| is_word(w)) {
            candidates.push((2, format!("{}{}", words[i], head(next))));
        }
        candidates.push((1, words[i].to_string()));
        // Every part before a hyphen, longest first: `Iron-Chat` and `Iron` of `Iron-Chat-proces`.
        candidates.extend(words[i].rmatch_indices('-').map(|(at, _)| (1, words[i][..at].to_string())));
        let capitalised = words[i].chars().next().is_some_and(char::is_uppercase);
        for (len, surface) in candidates {
            let k = key(&surface);
            if k.len() < 4 || !self.keys.iter().any(|e| e.key[0] == k[0]) {
                continue;
            }
            // Same key: another case, hyphenation or spacing of a known name.
            let allowed = |e: &SpellingKey| !e.ambiguous || context.plain || established.contains(&e.service);
            if let Some(e) = self.keys.iter().find(|e| e.key == k && allowed(e)) {
                return Some(Found { len, service: e.service.clone(), weak: false });
            }
            // A known name is itself, not a misspelt service (`Canada`); `PGP` before `Saafe` is
            // part of a longer candidate, judged as a whole. (Looked up last: the lists are long.)
            let known = || is_known_name(&surface);
            if len == 1 {
                // A closed compound of a long unambiguous name: `Ennetcomzaak`.
                let compound = self.keys.iter().find(|e| {
                    !e.ambiguous
                        && e.key.len() >= cues::FUZZY_NAME_LENGTHS[0] + 1
                        && k.len() >= e.key.len() + 3
                        && k.starts_with(&e.key)
                        && surface.chars().skip(e.key.len()).all(char::is_lowercase)
                });
                if let Some(e) = compound.filter(|_| !known()) {
                    return Some(Found { len: 1, service: e.service.clone(), weak: false });
                }
            }
            if !capitalised {
                continue;
            }
            // A misspelling: the nearest name, unique by service. Short or ambiguous names need
            // a service word in the sentence: one of the trade, or any in two sentences of the
            // article (`Found::weak`).
            let nearest = self.nearest(&k, |e| !e.needs_context() || context.plain || established.contains(&e.service));
            if let Some(e) = nearest.filter(|_| !known()) {
                let weak = e.needs_context() && !context.strong && !established.contains(&e.service);
                return Some(Found { len, service: e.service.clone(), weak });
            }
        }
        None
    }

    /// Services not in the table, introduced by a service noun: `de cryptodienst Nexora`,
    /// `Nexora, een berichtenapp die ...`. Once introduced, every mention of the name counts
    /// (also in compounds: `Nexora-toestel`). Known places, agencies, organisations and
    /// demonyms are never new services.
    fn find_new(&self, doc: &Document, out: &mut Vec<ServiceMention>) {
        let is_noun = |w: &str| {
            let w = w.to_lowercase();
            cues::SERVICE_NOUNS.contains(&w.as_str())
        };
        let mut new: Vec<String> = Vec::new();
        for sentence in &doc.sentences {
            let tokens = doc.sentence_tokens(sentence);
            let words: Vec<&str> = tokens.iter().map(|t| &doc.text[t.span]).collect();
            for (i, w) in words.iter().enumerate() {
                // `de cryptodienst Nexora`
                let after_noun = i > 0 && is_noun(words[i - 1]);
                // `Nexora, een berichtenapp`: the noun within three words after `, een|de|het`.
                let apposition = words.get(i + 1) == Some(&",")
                    && words.get(i + 2).is_some_and(|a| matches!(*a, "een" | "de" | "het"))
                    && (i + 3..(i + 6).min(words.len())).any(|j| is_noun(words[j]));
                if (after_noun || apposition) && is_new_name(w, &self.catalog) && !new.iter().any(|n| n == w) {
                    let known = out.iter().any(|m| m.span.overlaps(tokens[i].span));
                    if !known {
                        new.push(w.to_string());
                    }
                }
            }
        }
        if new.is_empty() {
            return;
        }
        // A name introduced by a service noun that is a misspelling of a known service is that
        // service (`de telefoondienst Exlcu`): the noun stands in for the context.
        let services: Vec<String> = new.iter().map(|n| self.misspelt_service(n).unwrap_or_else(|| n.clone())).collect();
        let known: Vec<Span> = out.iter().map(|m| m.span).collect();
        for (si, sentence) in doc.sentences.iter().enumerate() {
            for t in doc.sentence_tokens(sentence) {
                let w = &doc.text[t.span];
                let head = w.split_once('-').map_or(w, |(h, _)| h);
                if let Some(k) = new.iter().position(|n| n.as_str() == w || n.as_str() == head) {
                    if !known.iter().any(|s| s.overlaps(t.span)) {
                        out.push(ServiceMention { service: services[k].clone(), span: t.span, sentence: si });
                    }
                }
            }
        }
        out.sort_by_key(|m| m.span.start);
    }

    /// The service a name stands for, read alone: a spelling's key (`Iron Chat`) or a misspelling
    /// of one ([`ServiceTable::misspelt_service`]).
    pub fn service_of(&self, name: &str) -> Option<String> {
        let k = key(name);
        self.keys.iter().find(|e| e.key == k).map(|e| e.service.clone()).or_else(|| self.misspelt_service(name))
    }

    /// The known service `name` is a misspelling of: first letter right, one edit from five
    /// letters, two from nine, and no other service as near.
    fn misspelt_service(&self, name: &str) -> Option<String> {
        self.nearest(&key(name), |_| true).map(|e| e.service.clone())
    }

    /// The spelling nearest to `k` among those `accept` lets through, within the edits its length
    /// allows ([`edits_allowed`]) and with the same first letter; `None` when two services are
    /// equally near.
    fn nearest(&self, k: &[char], accept: impl Fn(&SpellingKey) -> bool) -> Option<&SpellingKey> {
        let mut best: Option<(usize, &SpellingKey)> = None;
        let mut tie = false;
        for e in &self.keys {
            let limit = edits_allowed(e.key.len());
            if limit == 0 || e.key.first() != k.first() || e.key.len().abs_diff(k.len()) > limit || !accept(e) {
                continue;
            }
            let d = edit_distance(k, &e.key, limit);
            if d > limit {
                continue;
            }
            match best {
                Some((bd, be)) if d == bd && be.service != e.service => tie = true,
                Some((bd, _)) if d >= bd => {}
                _ => {
                    best = Some((d, e));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(_, e)| e)
    }
}

/// A known place, demonym, agency or organisation, or a sentence starter: never a new service.
fn is_place_agency_or_starter(w: &str) -> bool {
    names::COUNTRIES.iter().chain(names::CITIES).chain(names::DEMONYMS).any(|(n, _)| *n == w)
        || names::AGENCIES.iter().any(|(n, _)| *n == w)
        || names::ORGANISATIONS.contains(&w)
        || crate::data::text::SENTENCE_STARTERS.contains(&w)
}

/// As [`is_place_agency_or_starter`], or another known name (`PGP`): never a misspelt service.
fn is_known_name(w: &str) -> bool {
    is_place_agency_or_starter(w) || names::MISC_NAMES.contains(&w)
}

/// A capitalised single word that is not a known place, demonym, agency, organisation or service.
fn is_new_name(w: &str, catalog: &ServiceCatalog) -> bool {
    let mut chars = w.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && w.chars().count() >= 3;
    capitalised
        && w.chars().all(|c| c.is_alphanumeric())
        && !is_place_agency_or_starter(w)
        && !catalog.is_spelling(w)
}

/// How a mention stands in its sentence, for choosing the main service and the sentence's topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A plain mention.
    Plain,
    /// In a heading.
    Heading,
    /// In a sentence about an earlier case (`cues::BACKGROUND`).
    Background,
    /// Set against the subject (`anders dan bij Ennetcom`, `cues::CONTRAST_BEFORE`).
    Contrast,
    /// Naming the subject (`het programma – Ironchat geheten –`, `cues::NAMING_BEFORE`).
    Naming,
}

impl Role {
    /// What the mention counts towards being the main service (a plain one counts 2).
    pub fn weight(self) -> usize {
        match self {
            Role::Plain => 2,
            Role::Heading | Role::Background => 1,
            Role::Contrast => 0,
            Role::Naming => 4,
        }
    }
}

/// The role of each mention.
pub fn roles(doc: &Document, mentions: &[ServiceMention]) -> Vec<Role> {
    mentions
        .iter()
        .map(|m| {
            let sentence = &doc.sentences[m.sentence];
            if sentence.heading {
                return Role::Heading;
            }
            let tokens = doc.sentence_tokens(sentence);
            let lower: Vec<String> = tokens.iter().map(|t| doc.text[t.span].to_lowercase()).collect();
            let first = tokens.partition_point(|t| t.span.end <= m.span.start);
            let last = tokens.partition_point(|t| t.span.start < m.span.end);
            let skip_bij = if first > 0 && lower[first - 1] == "bij" { first - 1 } else { first };
            if cues::CONTRAST_BEFORE.iter().any(|c| super::context::ends_with_cue(&lower, skip_bij, c)) {
                return Role::Contrast;
            }
            let is_punct = |w: &str| !w.chars().any(char::is_alphanumeric);
            let before = (0..first).rev().find(|&j| !is_punct(&lower[j])).map(|j| lower[j].as_str());
            let after = (last..lower.len()).find(|&j| !is_punct(&lower[j])).map(|j| lower[j].as_str());
            if before.is_some_and(|w| cues::NAMING_BEFORE.contains(&w)) || after.is_some_and(|w| cues::NAMING_AFTER.contains(&w)) {
                return Role::Naming;
            }
            if super::context::find_phrase(&lower, cues::BACKGROUND).is_some() {
                return Role::Background;
            }
            Role::Plain
        })
        .collect()
}

/// The services named, in order of first mention, and the main one: the most mentioned (by
/// `Role::weight`), with a mention in the first paragraph (the lead) worth one and a half more,
/// ties going to the earliest.
/// `roles` are the mentions' roles ([`roles`]).
pub fn rank_services<'a>(doc: &Document, mentions: &'a [ServiceMention], roles: &[Role]) -> (Vec<&'a str>, Option<&'a str>) {
    let mut order: Vec<&'a str> = Vec::new();
    let mut score: Vec<usize> = Vec::new();
    let first_paragraph = doc.paragraphs.iter().position(|p| !p.heading);
    for (m, role) in mentions.iter().zip(roles) {
        let idx = match order.iter().position(|s| *s == m.service) {
            Some(i) => i,
            None => {
                order.push(&m.service);
                score.push(0);
                order.len() - 1
            }
        };
        score[idx] += role.weight();
    }
    // The lead names what the article is about: a service in the first paragraph gets a bonus
    // worth one and a half mentions, once.
    for (idx, service) in order.iter().enumerate() {
        let in_lead = mentions
            .iter()
            .zip(roles)
            .any(|(m, r)| m.service == *service && *r != Role::Contrast && Some(doc.sentences[m.sentence].paragraph) == first_paragraph);
        if in_lead {
            score[idx] += 3;
        }
    }
    let main = (0..order.len()).max_by(|&a, &b| score[a].cmp(&score[b]).then(b.cmp(&a))).map(|i| order[i]);
    (order, main)
}

/// As [`rank_services`], with the main service chosen by the fitted weights
/// (`main_service::weights`) instead of the hand-set ones.
pub fn rank_services_fitted<'a>(
    doc: &Document,
    mentions: &'a [ServiceMention],
    roles: &[Role],
    weights: &super::logit::Weights,
) -> (Vec<&'a str>, Option<&'a str>) {
    let (order, hand) = rank_services(doc, mentions, roles);
    let candidates = super::main_service::features(doc, mentions, roles, &order, hand);
    let main = weights.choose(&candidates).map(|i| order[i]);
    (order, main)
}

/// True when a sentence naming no service points at the current events (`cues::CURRENT_FOCUS`:
/// `deze nieuwe kraakactie`, `vandaag`), not at the earlier service named just before it.
pub(super) fn back_to_current(doc: &Document, si: usize) -> bool {
    let lower: Vec<String> = doc.sentence_tokens(&doc.sentences[si]).iter().map(|t| doc.text[t.span].to_lowercase()).collect();
    super::context::find_phrase(&lower, cues::CURRENT_FOCUS).is_some()
}

/// Which operations each sentence is about: the services it names (not those it sets against
/// the subject, `anders dan bij Ennetcom`); else the single non-main service named by the
/// sentence before it in the same paragraph (or, with a back-reference such as `ook toen`, the
/// one before that paragraph), or by the heading over its section; else the main service.
pub fn assign_sentences<'a>(doc: &Document, mentions: &'a [ServiceMention], roles: &[Role], main: Option<&'a str>) -> Vec<Vec<&'a str>> {
    let Some(main) = main else {
        return vec![Vec::new(); doc.sentences.len()];
    };
    let mut named: Vec<Vec<&'a str>> = vec![Vec::new(); doc.sentences.len()];
    let mut contrast = vec![false; doc.sentences.len()];
    for (m, role) in mentions.iter().zip(roles) {
        if *role == Role::Contrast {
            contrast[m.sentence] = true;
        } else if !named[m.sentence].contains(&m.service.as_str()) {
            named[m.sentence].push(&m.service);
        }
    }
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut carry: Option<&'a str> = None;
    // The one non-main service a heading names, for the paragraphs under it.
    let mut section: Option<&'a str> = None;
    let mut last_paragraph = usize::MAX;
    for (i, sentence) in doc.sentences.iter().enumerate() {
        if sentence.heading {
            section = match named[i].as_slice() {
                [one] if *one != main => Some(*one),
                _ => None,
            };
            carry = section;
            out.push(named[i].clone());
            continue;
        }
        if sentence.paragraph != last_paragraph {
            last_paragraph = sentence.paragraph;
            let back_reference = doc.sentence_tokens(sentence).windows(2).any(|w| {
                let a = doc.text[w[0].span].to_lowercase();
                let b = doc.text[w[1].span].to_lowercase();
                a == "ook" && (b == "toen" || b == "destijds")
            });
            if !back_reference {
                carry = section;
            }
        }
        if contrast[i] && named[i].is_empty() {
            // Set against another service: back to the subject, also for the rest of the section.
            section = None;
            carry = None;
        }
        if named[i].is_empty() && carry.is_some() && back_to_current(doc, i) {
            // `deze nieuwe kraakactie`, `vandaag`: the article's own, current operation again.
            carry = None;
        }
        if !named[i].is_empty() {
            carry = match named[i].as_slice() {
                [one] if *one != main => Some(*one),
                _ => None,
            };
            out.push(named[i].clone());
        } else {
            out.push(vec![carry.unwrap_or(main)]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, limit: usize) -> usize {
        edit_distance(&key(a), &key(b), limit)
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(d("Ennetcom", "Enneetcom", 2), 1);
        assert_eq!(d("Exclu", "Exlcu", 2), 1);
        assert_eq!(d("EncroChat", "Encrocaht", 2), 1);
        assert_eq!(d("EncroChat", "Enchrochatt", 2), 2);
        assert_eq!(d("EncroChat", "Ennetcom", 2), 3, "over the limit is limit + 1");
        assert_eq!(d("Sky-ECC", "SKY ECC", 0), 0, "keys drop case, hyphens and spaces");
    }

    #[test]
    fn edits_grow_with_the_name() {
        assert_eq!([4, 5, 8, 9, 13].map(edits_allowed), [0, 1, 1, 2, 2]);
    }
}
