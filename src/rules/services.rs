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
    /// `AMBIGUOUS_CONTEXT`, lowercase.
    context: std::collections::HashSet<String>,
    catalog: std::sync::Arc<ServiceCatalog>,
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
        ServiceTable { spellings, context, catalog }
    }

    /// The service table this finder reads.
    pub fn catalog(&self) -> &ServiceCatalog {
        &self.catalog
    }

    /// Every service mention in the document, in text order. Names match as written in the
    /// table (or case-insensitively for the unambiguous ones), also as the first part of a
    /// hyphenated compound (`Exclu-gebruikers`); ambiguous names (`Ghost`, `Matrix`, `Sky`)
    /// need a service word in the same sentence.
    pub fn find(&self, doc: &Document) -> Vec<ServiceMention> {
        let mut out = Vec::new();
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let tokens = doc.sentence_tokens(sentence);
            let words: Vec<&str> = tokens.iter().map(|t| &doc.text[t.span]).collect();
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let context = lower.iter().any(|w| {
                self.context.contains(w) || w.rsplit_once('-').is_some_and(|(_, head)| self.context.contains(head))
            });
            let mut i = 0;
            while i < words.len() {
                let hit = self.spellings.iter().find(|(parts, _, ambiguous)| {
                    if i + parts.len() > words.len() || (*ambiguous && !context) {
                        return false;
                    }
                    parts.iter().enumerate().all(|(k, part)| {
                        let w = words[i + k];
                        let last = k + 1 == parts.len();
                        let same = |a: &str| if *ambiguous { a == part } else { a == part || a.eq_ignore_ascii_case(part) };
                        same(w) || (last && w.split_once('-').is_some_and(|(head, _)| same(head)))
                    })
                });
                match hit {
                    Some((parts, canonical, _)) => {
                        let span = tokens[i].span.cover(tokens[i + parts.len() - 1].span);
                        out.push(ServiceMention { service: canonical.clone(), span, sentence: si });
                        i += parts.len();
                    }
                    None => i += 1,
                }
            }
        }
        self.find_new(doc, &mut out);
        out
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
        for (si, sentence) in doc.sentences.iter().enumerate() {
            for t in doc.sentence_tokens(sentence) {
                let w = &doc.text[t.span];
                let head = w.split_once('-').map_or(w, |(h, _)| h);
                if let Some(name) = new.iter().find(|n| n.as_str() == w || n.as_str() == head) {
                    out.push(ServiceMention { service: name.clone(), span: t.span, sentence: si });
                }
            }
        }
        out.sort_by_key(|m| m.span.start);
    }
}

/// A capitalised single word that is not a known place, demonym, agency, organisation or service.
fn is_new_name(w: &str, catalog: &ServiceCatalog) -> bool {
    let mut chars = w.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && w.chars().count() >= 3;
    capitalised
        && w.chars().all(|c| c.is_alphanumeric())
        && !names::COUNTRIES.iter().chain(names::CITIES).chain(names::DEMONYMS).any(|(n, _)| *n == w)
        && !names::AGENCIES.iter().any(|(n, _)| *n == w)
        && !names::ORGANISATIONS.contains(&w)
        && !catalog.is_spelling(w)
        && !crate::data::text::SENTENCE_STARTERS.contains(&w)
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
    fn weight(self) -> usize {
        match self {
            Role::Plain => 2,
            Role::Heading | Role::Background => 1,
            Role::Contrast => 0,
            Role::Naming => 4,
        }
    }
}

/// True when the lowercase words end (at `end`, exclusive) with the multi-word cue.
fn ends_with_cue(lower: &[String], end: usize, cue: &str) -> bool {
    let len = cue.split(' ').count();
    end >= len && super::context::phrase_at(lower, end - len, cue)
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
            if cues::CONTRAST_BEFORE.iter().any(|c| ends_with_cue(&lower, skip_bij, c)) {
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
