//! Named-entity recognition behind one trait, and the gazetteer recognizer that needs no model.
//!
//! An [`EntityRecognizer`] reads a document's sentences and tokens and returns entities as byte
//! spans of the source text. The transformer model (`crate::ner`) and the [`Gazetteer`] both
//! implement it; the pipeline takes either.

use crate::data::gazetteer as names;
use crate::data::services::ServiceCatalog;
use crate::document::{Document, Entity, EntityType, TokenKind};
use crate::error::Result;
use crate::span::Span;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Anything that finds PER/ORG/LOC/MISC entities in a segmented document.
pub trait EntityRecognizer: Send + Sync {
    fn name(&self) -> &'static str;

    /// Reads `sentences` and `tokens`; returns entities sorted by position, not overlapping.
    fn recognize(&self, doc: &Document) -> Result<Vec<Entity>>;

    /// Recognizes several documents at once (a model batches their sentences together); by
    /// default one document at a time, in parallel on the current rayon pool.
    fn recognize_batch(&self, docs: &[&Document]) -> Result<Vec<Vec<Entity>>> {
        use rayon::prelude::*;
        docs.par_iter().map(|d| self.recognize(d)).collect()
    }

    /// For a model: the length in pieces of each sequence it runs on `docs` (to count its
    /// work); `None` for a recognizer without one.
    fn sequence_lengths(&self, _docs: &[&Document]) -> Option<Result<Vec<usize>>> {
        None
    }
}

/// Finds entities by looking names up in `crate::data::gazetteer`, plus two patterns:
/// a known first name followed by capitalised words is a person (and later mentions of the
/// surname too), and a capitalised name after `operatie`/`onderzoek`/`genaamd` is an
/// investigation code name (MISC).
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Token sequences of known names, longest first, with their types.
    entries: Vec<(Vec<String>, EntityType, bool)>,
    first_names: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    ambiguous_context: HashSet<&'static str>,
    services: Arc<ServiceCatalog>,
}

const NAME_PARTICLES: &[&str] = &["de", "van", "der", "den", "ter", "van der", "el", "al", "ten"];

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::new()
    }
}

impl Gazetteer {
    /// The gazetteer with the built-in service table.
    pub fn new() -> Gazetteer {
        Gazetteer::with_services(ServiceCatalog::builtin())
    }

    /// The gazetteer with a given service table (`extract --services`).
    pub fn with_services(services: Arc<ServiceCatalog>) -> Gazetteer {
        let mut entries = Vec::new();
        let split = |s: &str| -> Vec<String> {
            crate::text::WordTokenizer.tokenize(s).iter().map(|t| s[t.span].to_string()).collect()
        };
        for s in services.spellings() {
            entries.push((split(&s.text), EntityType::Org, s.ambiguous));
        }
        for (surface, _) in names::AGENCIES {
            if surface.chars().next().is_some_and(char::is_uppercase) {
                entries.push((split(surface), EntityType::Org, false));
            }
        }
        for org in names::ORGANISATIONS {
            entries.push((split(org), EntityType::Org, false));
        }
        for (name, _) in names::COUNTRIES.iter().chain(names::CITIES) {
            // `Antwerpse haven` is a place for `where`, but a demonym and a noun as entities.
            if name.rsplit(' ').next().is_some_and(|last| last.starts_with(char::is_lowercase)) {
                continue;
            }
            entries.push((split(name), EntityType::Loc, false));
        }
        for name in names::MISC_NAMES {
            entries.push((split(name), EntityType::Misc, false));
        }
        for (name, _) in names::DEMONYMS {
            entries.push((split(name), EntityType::Misc, false));
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        Gazetteer {
            entries,
            first_names: names::FIRST_NAMES.iter().copied().collect(),
            titles: names::PERSON_TITLES.iter().copied().collect(),
            ambiguous_context: names::AMBIGUOUS_CONTEXT.iter().copied().collect(),
            services,
        }
    }
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase) && s.chars().any(char::is_lowercase)
}

impl EntityRecognizer for Gazetteer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn recognize(&self, doc: &Document) -> Result<Vec<Entity>> {
        let mut out: Vec<Entity> = Vec::new();
        let mut surnames: HashMap<String, EntityType> = HashMap::new();
        for sentence in &doc.sentences {
            let tokens = doc.sentence_tokens(sentence);
            let words: Vec<&str> = tokens.iter().map(|t| &doc.text[t.span]).collect();
            let mut i = 0;
            while i < tokens.len() {
                // Longest gazetteer match first.
                let found = self.entries.iter().filter(|(seq, _, _)| seq[0] == words[i]).find(|(seq, _, ambiguous)| {
                    i + seq.len() <= words.len()
                        && seq.iter().zip(&words[i..]).all(|(a, b)| a == b)
                        && (!ambiguous || self.has_service_context(&words, i, seq.len()))
                });
                // A name whose last word heads a hyphenated compound (`Sky ECC-dossier`) is part of
                // the compound: no entity, not even its first word.
                let in_compound = self.entries.iter().filter(|(seq, _, _)| seq.len() > 1 && seq[0] == words[i]).find(|(seq, _, _)| {
                    let last = seq.len() - 1;
                    i + seq.len() <= words.len()
                        && seq[..last].iter().zip(&words[i..]).all(|(a, b)| a == b)
                        && words[i + last].split_once('-').is_some_and(|(head, rest)| head == seq[last] && !rest.is_empty())
                });
                if let Some((seq, _, _)) = in_compound {
                    i += seq.len();
                    continue;
                }
                if let Some((seq, label, _)) = found {
                    out.push(Entity { span: tokens[i].span.cover(tokens[i + seq.len() - 1].span), label: *label });
                    i += seq.len();
                    continue;
                }
                let w = words[i];
                let prev = if i > 0 { words[i - 1] } else { "" };
                // Voornaam (particles) Achternaam.
                if self.first_names.contains(w) && i + 1 < words.len() {
                    let end = person_end(&words, i + 1);
                    if end > i + 1 {
                        let span = tokens[i].span.cover(tokens[end - 1].span);
                        surnames.insert(words[end - 1].to_string(), EntityType::Per);
                        out.push(Entity { span, label: EntityType::Per });
                        i = end;
                        continue;
                    }
                }
                if tokens[i].kind == TokenKind::Word && is_capitalised(w) && i > 0 {
                    // A title before the name (`politiechef Kraag`, `Europol-woordvoerder Anna Keller`)
                    // or an age (`de 32-jarige Jay Je Yoon Jung`).
                    let prev_lower = prev.to_lowercase();
                    let titled = self.titles.contains(prev_lower.as_str())
                        || prev_lower.rsplit_once('-').is_some_and(|(_, head)| self.titles.contains(head))
                        || prev_lower == "jarige" && i >= 2 && words[i - 2] == "-";
                    if surnames.contains_key(w) || titled {
                        let end = person_end(&words, i);
                        let end = end.max(i + 1);
                        surnames.insert(words[end - 1].to_string(), EntityType::Per);
                        out.push(Entity { span: tokens[i].span.cover(tokens[end - 1].span), label: EntityType::Per });
                        i = end;
                        continue;
                    }
                    let cue = |w: &str| crate::data::cues::CODE_NAME_CUES.contains(&w.to_lowercase().as_str());
                    if cue(prev) || (prev == "," && i >= 2 && cue(words[i - 2])) {
                        let mut end = i + 1;
                        while end < words.len() && is_capitalised(words[end]) {
                            end += 1;
                        }
                        out.push(Entity { span: tokens[i].span.cover(tokens[end - 1].span), label: EntityType::Misc });
                        i = end;
                        continue;
                    }
                }
                i += 1;
            }
        }
        Ok(out)
    }
}

impl Gazetteer {
    /// An ambiguous spelling (`Sky`, `Ghost`) names a service only near a service word.
    fn has_service_context(&self, words: &[&str], at: usize, len: usize) -> bool {
        let lo = at.saturating_sub(3);
        let hi = (at + len + 3).min(words.len());
        (lo..hi).filter(|&j| j < at || j >= at + len).any(|j| self.ambiguous_context.contains(words[j]))
    }
}

/// Extends a person name from `from` over capitalised words and name particles; returns the end.
fn person_end(words: &[&str], from: usize) -> usize {
    let mut end = from;
    let mut j = from;
    while j < words.len() {
        let w = words[j];
        if (is_capitalised(w) && w.chars().count() > 1 && !is_place_word(w)) || is_initial(w) {
            j += 1;
            end = j;
        } else if NAME_PARTICLES.contains(&w) {
            // `van der Linde`: particles count only when a name word follows them.
            let mut k = j;
            while k < words.len() && NAME_PARTICLES.contains(&words[k]) {
                k += 1;
            }
            if k < words.len() && ((is_capitalised(words[k]) && !is_place_word(words[k])) || is_initial(words[k])) {
                j = k;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    end
}

/// `R.` in `Peter R. de Vries`, `M.` in `Danny M.`.
fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Demonyms, places and the first words of agencies and organisations never continue a person's
/// name (`Petra Visser van de Nederlandse politie`, `Sanne de Wit van de Landelijke Eenheid`).
fn is_place_word(w: &str) -> bool {
    let first_word = |name: &str| name.split(' ').next() == Some(w);
    names::DEMONYMS.iter().any(|(d, _)| *d == w)
        || names::COUNTRIES.iter().chain(names::CITIES).any(|(c, _)| *c == w)
        || names::AGENCIES.iter().any(|(a, _)| first_word(a))
        || names::ORGANISATIONS.iter().any(|o| first_word(o))
}

/// A model's entities completed by the gazetteer's: a known name (service, agency, country,
/// demonym) is labelled as the gazetteer says, the model adds what the gazetteer does not know,
/// and a hyphenated compound (`Exclu-gebruikers`, `Europol-woordvoerder`) is never an entity
/// (ANNOTATION.md).
pub struct Combined {
    model: Box<dyn EntityRecognizer>,
    gazetteer: Gazetteer,
}

impl Combined {
    /// The model completed by a gazetteer with a given service table (`extract --services`).
    pub fn with_services(model: Box<dyn EntityRecognizer>, services: Arc<ServiceCatalog>) -> Combined {
        Combined { model, gazetteer: Gazetteer::with_services(services) }
    }

    fn merge(&self, doc: &Document, from_model: Vec<Entity>) -> Result<Vec<Entity>> {
        // The gazetteer's people come from a first-name list: the model knows people better.
        let mut known: Vec<Entity> = self.gazetteer.recognize(doc)?.into_iter().filter(|e| e.label != EntityType::Per).collect();
        let is_service = |e: &Entity| self.gazetteer.services.is_spelling(&doc.text[e.span]);
        let mut added: Vec<Entity> = Vec::new();
        for mut e in from_model {
            let text = &doc.text[e.span];
            // A service's name is an organisation, whatever the model thought (`Ghost`).
            if self.gazetteer.services.is_spelling(text) {
                e.label = EntityType::Org;
            }
            let compound = text.split_once('-').is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_lowercase));
            if compound || self.closed_compound(text) || is_identifier_part(doc, e.span) || is_common_word(doc, e.span) {
                continue;
            }
            if is_code_name(text) {
                e.label = EntityType::Misc;
            }
            // A longer name around known ones is one name (`Ruud van Boom`, `Rechtbank
            // Gelderland`, `Europees Hof van Justitie`), unless it swallows a known organisation
            // (`Politie Matrix`, `Nederlandse Openbaar Ministerie`) or only partly covers a known name.
            let inside: Vec<usize> = (0..known.len()).filter(|&k| known[k].span.overlaps(e.span)).collect();
            let longer = text.contains(" ");
            let wraps = inside.iter().all(|&k| {
                let k = &known[k];
                let organisation = names::ORGANISATIONS.contains(&&doc.text[k.span]);
                e.span.contains(k.span) && k.span != e.span && !is_service(k) && (k.label != EntityType::Org || organisation)
            });
            if !inside.is_empty() && longer && wraps {
                for &k in inside.iter().rev() {
                    known.remove(k);
                }
                added.push(e);
            } else if inside.is_empty() {
                added.push(e);
            }
        }
        let mut out = known;
        out.extend(added);
        out.sort_by_key(|e| (e.span.start, e.span.end));
        join_initials(doc, &mut out);
        join_institution_places(doc, &mut out);
        same_person_short_forms(doc, &mut out);
        Ok(out)
    }
}

impl Combined {
    /// A service's name glued to a lowercase noun (`IronChatserver`, `Ennetcomdata`): a compound, not a name.
    fn closed_compound(&self, text: &str) -> bool {
        self.gazetteer.services.names().any(|name| {
            text.strip_prefix(name).is_some_and(|rest| rest.chars().count() >= 3 && rest.chars().all(char::is_lowercase))
        })
    }
}

/// Part of an identifier glued with colons (`ECLI:NL:RBROT:2019:1234`): no name.
fn is_identifier_part(doc: &Document, span: Span) -> bool {
    doc.text[..span.start].ends_with(':') || doc.text[span.end..].starts_with(':')
}

/// A capitalised word opening a sentence that the article also writes in lowercase elsewhere
/// (`Justitie heeft ...` beside `volgens justitie`): a common word, not a name.
fn is_common_word(doc: &Document, span: Span) -> bool {
    let text = &doc.text[span];
    if text.contains(' ') || !text.starts_with(char::is_uppercase) || text.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let opens = doc.sentences.iter().any(|s| s.span.start == span.start);
    let lower = text.to_lowercase();
    opens && doc.tokens.iter().any(|t| doc.text[t.span] == lower)
}

/// An investigation's code name written with its number (`26Lytham`, `13Dijk`): MISC, never a person.
fn is_code_name(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest: Vec<char> = text.chars().skip(digits).collect();
    digits > 0 && rest.len() >= 2 && rest[0].is_uppercase() && rest[1..].iter().all(|c| c.is_lowercase())
}

/// A person's name followed by an initial the model left out or typed apart (`Naoufal F.`,
/// tagged `Naoufal` PER and `F.` MISC) is one name.
fn join_initials(doc: &Document, entities: &mut Vec<Entity>) {
    let is_initial = |s: &str| {
        let mut c = s.chars();
        matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
    };
    let mut i = 0;
    while i < entities.len() {
        if entities[i].label == EntityType::Per {
            let end = entities[i].span.end;
            let next = doc.tokens.iter().find(|t| t.span.start >= end);
            if let Some(t) = next.filter(|t| doc.text[end..t.span.start] == *" " && is_initial(&doc.text[t.span])) {
                let initial = t.span;
                if let Some(j) = entities.iter().position(|e| e.span == initial) {
                    entities.remove(j);
                }
                if !entities.iter().any(|e| e.span.overlaps(initial)) {
                    entities[i].span = entities[i].span.cover(initial);
                }
            }
        }
        i += 1;
    }
}

/// An institution's head word and the place right after it are one organisation (`Omroep
/// Gelderland`, `Politie Oost-Nederland`), whether the head was tagged as a name of its own or
/// not at all: a model that reads `Omroep` ORG and `Gelderland` LOC has split one name.
fn join_institution_places(doc: &Document, entities: &mut Vec<Entity>) {
    let mut i = 0;
    while i < entities.len() {
        if entities[i].label == EntityType::Loc {
            let start = entities[i].span.start;
            let before_start = doc.tokens.partition_point(|t| t.span.end <= start);
            let head = before_start.checked_sub(1).map(|k| doc.tokens[k].span);
            let head = head.filter(|h| {
                doc.text.get(h.end..start) == Some(" ") && crate::data::gazetteer::INSTITUTION_HEADS.contains(&&doc.text[*h])
            });
            if let Some(head) = head {
                // The head alone, or nothing, may stand there; anything longer is another name.
                let before = entities.iter().position(|e| e.span.overlaps(head));
                if before.is_none_or(|j| entities[j].span == head) {
                    entities[i] = Entity { span: head.cover(entities[i].span), label: EntityType::Org };
                    if let Some(j) = before {
                        entities.remove(j);
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
}

/// A one-word entity that is the surname of a person named in full before it is that person
/// (`Groenewegen` after `Frank Groenewegen`), whatever type the model gave it.
fn same_person_short_forms(doc: &Document, entities: &mut [Entity]) {
    let mut surnames: Vec<&str> = Vec::new();
    for e in entities.iter_mut() {
        let text = &doc.text[e.span];
        if e.label == EntityType::Per {
            if let Some((_, last)) = text.rsplit_once(' ') {
                surnames.push(last);
            }
        } else if !text.contains(' ') && surnames.contains(&text) {
            e.label = EntityType::Per;
        }
    }
}

impl EntityRecognizer for Combined {
    fn name(&self) -> &'static str {
        "model+gazetteer"
    }

    fn recognize(&self, doc: &Document) -> Result<Vec<Entity>> {
        let found = self.model.recognize(doc)?;
        self.merge(doc, found)
    }

    fn recognize_batch(&self, docs: &[&Document]) -> Result<Vec<Vec<Entity>>> {
        use rayon::prelude::*;
        let found = self.model.recognize_batch(docs)?;
        docs.par_iter().zip(found).map(|(d, f)| self.merge(d, f)).collect()
    }

    fn sequence_lengths(&self, docs: &[&Document]) -> Option<Result<Vec<usize>>> {
        self.model.sequence_lengths(docs)
    }
}

/// Distinct (surface text, type) pairs in order of first mention, as records list them.
pub fn distinct_entities(doc: &Document) -> Vec<crate::record::EntityRecord> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for e in &doc.entities {
        let text = doc.text[e.span].to_string();
        if seen.insert((text.clone(), e.label)) {
            out.push(crate::record::EntityRecord { text, label: e.label });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Stage;

    fn tag(text: &str) -> Vec<(String, EntityType)> {
        let mut doc = Document::from_text("t", text.to_string()).unwrap();
        crate::text::Segmenter::default().process(&mut doc).unwrap();
        let ents = Gazetteer::new().recognize(&doc).unwrap();
        ents.iter().map(|e| (doc.text[e.span].to_string(), e.label)).collect()
    }

    #[test]
    fn finds_names_people_and_code_names() {
        use EntityType::*;
        assert_eq!(
            tag("Politiechef Andy Kraag zegt dat Exclu Messenger in Rotterdam werd gekraakt. Volgens Kraag zijn 42 Exclu-gebruikers opgepakt."),
            vec![
                ("Andy Kraag".into(), Per),
                ("Exclu Messenger".into(), Org),
                ("Rotterdam".into(), Loc),
                ("Kraag".into(), Per)
            ]
        );
        assert_eq!(
            tag("Dat onderzoek, genaamd Argus, liep via de Fiscale Inlichtingen- en Opsporingsdienst en Nederlandse diensten."),
            vec![("Argus".into(), Misc), ("Fiscale Inlichtingen- en Opsporingsdienst".into(), Org), ("Nederlandse".into(), Misc)]
        );
    }

    /// A stand-in model: each `(text, type)` is tagged at its first place in the text, or at
    /// its n-th place with `(text, n, type)` via `Model::nth`.
    struct Model(Vec<(&'static str, usize, EntityType)>);

    impl EntityRecognizer for Model {
        fn name(&self) -> &'static str {
            "stub"
        }

        fn recognize(&self, doc: &Document) -> Result<Vec<Entity>> {
            let mut out = Vec::new();
            for (name, n, label) in &self.0 {
                if let Some((at, _)) = doc.text.match_indices(name).nth(*n) {
                    out.push(Entity { span: Span::new(at, at + name.len()), label: *label });
                }
            }
            out.sort_by_key(|e| (e.span.start, e.span.end));
            Ok(out)
        }
    }

    fn combined(text: &str, model: Vec<(&'static str, EntityType)>) -> Vec<(String, EntityType)> {
        let mut doc = Document::from_text("t", text.to_string()).unwrap();
        crate::text::Segmenter::default().process(&mut doc).unwrap();
        let model = model.into_iter().map(|(t, l)| (t, usize::from(t.starts_with('@')), l)).map(|(t, n, l)| (t.trim_start_matches('@'), n, l)).collect();
        let ents = Combined::with_services(Box::new(Model(model)), ServiceCatalog::builtin()).recognize(&doc).unwrap();
        ents.iter().map(|e| (doc.text[e.span].to_string(), e.label)).collect()
    }

    #[test]
    fn the_model_s_longer_names_win_over_known_parts_but_not_over_organisations() {
        use EntityType::*;
        // `Boom` is a Belgian town, but here part of a lawyer's name.
        assert_eq!(combined("Advocaat Ruud van Boom pleitte.", vec![("Ruud van Boom", Per)]), vec![("Ruud van Boom".into(), Per)]);
        assert_eq!(combined("Het Europees Hof van Justitie oordeelde.", vec![("Europees Hof van Justitie", Org)]), vec![("Europees Hof van Justitie".into(), Org)]);
        assert_eq!(combined("Zo meldt Omroep Gelderland.", vec![("Omroep Gelderland", Org)]), vec![("Omroep Gelderland".into(), Org)]);
        // A known service or agency is never swallowed.
        assert_eq!(combined("De app Politie Matrix werd gekraakt.", vec![("Politie Matrix", Org)]), vec![("Matrix".into(), Org)]);
        assert_eq!(
            combined("Het Nederlandse Openbaar Ministerie meldt het.", vec![("Nederlandse Openbaar Ministerie", Org)]),
            vec![("Nederlandse".into(), Misc), ("Openbaar Ministerie".into(), Org)]
        );
    }

    #[test]
    fn model_output_is_repaired() {
        use EntityType::*;
        // An initial typed apart joins the name; a surname after the full name is the person.
        assert_eq!(combined("De verdachte Naoufal F. zweeg.", vec![("Naoufal", Per), ("F.", Misc)]), vec![("Naoufal F.".into(), Per)]);
        // (`@` marks the second place a name stands: the first `Groenewegen` is inside the full name.)
        assert_eq!(
            combined("Expert Frank Groenewegen legt uit. Volgens Groenewegen klopt het.", vec![("Frank Groenewegen", Per), ("@Groenewegen", Org)]),
            vec![("Frank Groenewegen".into(), Per), ("Groenewegen".into(), Per)]
        );
        assert_eq!(combined("Volgens Groenewegen klopt het.", vec![("Groenewegen", Org)]), vec![("Groenewegen".into(), Org)]);
        // Identifiers, closed compounds, common words opening a sentence: no entities.
        assert_eq!(combined("Zie ECLI:NL:RBROT:2019:1234 voor het vonnis.", vec![("ECLI", Org), ("NL", Org), ("RBROT", Per)]), vec![]);
        assert_eq!(combined("De IronChatserver stond in Engeland.", vec![("IronChatserver", Org)]), vec![("Engeland".into(), Loc)]);
        assert_eq!(combined("Justitie zweeg. Volgens justitie klopt het.", vec![("Justitie", Org)]), vec![]);
        // An institution's head and its place are one organisation, tagged apart or not.
        assert_eq!(combined("Dat meldt Omroep Brabant vandaag.", vec![("Omroep", Org), ("Brabant", Loc)]), vec![("Omroep Brabant".into(), Org)]);
        assert_eq!(combined("Rechercheurs van Politie Zeeland-West-Brabant vielen binnen.", vec![("Zeeland-West-Brabant", Loc)]), vec![("Politie Zeeland-West-Brabant".into(), Org)]);
        assert_eq!(combined("De Rechtbank Den Haag oordeelde.", vec![("Rechtbank", Org), ("Den Haag", Loc)]), vec![("Rechtbank Den Haag".into(), Org)]);
        // Not after a lowercase noun, nor after a longer name.
        assert_eq!(combined("De omroep Brabant zond het uit.", vec![("Brabant", Loc)]), vec![("Brabant".into(), Loc)]);
        assert_eq!(combined("Zo zegt Radio Omroep Limburg.", vec![("Radio Omroep", Org), ("Limburg", Loc)]), vec![("Radio Omroep".into(), Org), ("Limburg".into(), Loc)]);
        // A code name with its number is MISC.
        assert_eq!(combined("Het onderzoek 26Lytham liep.", vec![("26Lytham", Per)]), vec![("26Lytham".into(), Misc)]);
    }

    #[test]
    fn compounds_on_multiword_names_and_places_with_a_noun_are_no_entities() {
        use EntityType::*;
        assert_eq!(tag("Het Sky ECC-dossier groeit."), vec![]);
        assert_eq!(tag("In de Antwerpse haven lag de lading."), vec![("Antwerpse".into(), Misc)]);
        assert_eq!(tag("Via PGP ging het."), vec![("PGP".into(), Misc)]);
    }

    #[test]
    fn ambiguous_service_names_need_context() {
        assert!(tag("De lucht boven Ghost was blauw.").is_empty());
        assert_eq!(tag("De chatdienst Ghost is gekraakt.")[0].0, "Ghost");
    }
}
