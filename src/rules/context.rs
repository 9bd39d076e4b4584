//! A sentence as the rule layer sees it: its tokens, lowercase words, the places it names and
//! the cue words it holds.

use crate::data::gazetteer as names;
use crate::document::{Document, Sentence, Token};
use crate::span::Span;

/// True when the space-separated words of `phrase` stand at token `at` of `lower`.
pub fn phrase_at(lower: &[String], at: usize, phrase: &str) -> bool {
    let mut n = 0;
    for (k, part) in phrase.split(' ').enumerate() {
        if lower.get(at + k).is_none_or(|w| w != part) {
            return false;
        }
        n = k + 1;
    }
    n > 0
}

/// True when the lowercase words end (at `end`, exclusive) with the multi-word cue.
pub fn ends_with_cue(lower: &[String], end: usize, cue: &str) -> bool {
    let len = cue.split(' ').count();
    end >= len && phrase_at(lower, end - len, cue)
}

/// The first token where one of the `phrases` starts, if any.
pub fn find_phrase(lower: &[String], phrases: &[&str]) -> Option<usize> {
    (0..lower.len()).find(|&at| phrases.iter().any(|p| phrase_at(lower, at, p)))
}

/// A place named in a sentence: token range and ISO code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
}

/// One sentence, prepared for the rules.
pub struct SentenceContext<'a> {
    pub sentence: &'a Sentence,
    pub tokens: &'a [Token],
    pub words: Vec<&'a str>,
    pub lower: Vec<String>,
    /// Countries and cities named (as countries), in order.
    pub places: Vec<PlaceMention>,
    /// Months of each duration figure in the sentence (`zes maanden` = 6), from the number tagger.
    pub durations: Vec<u32>,
}

/// Place names split into tokens, longest first.
pub struct PlaceTable {
    /// Entries by their first word, longest first within each.
    by_first: std::collections::HashMap<String, Vec<(Vec<String>, &'static str)>>,
}

impl Default for PlaceTable {
    fn default() -> PlaceTable {
        let mut entries: Vec<(Vec<String>, &'static str)> = names::COUNTRIES
            .iter()
            .chain(names::CITIES)
            .map(|(name, code)| (name.split(' ').map(str::to_string).collect(), *code))
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        let mut by_first: std::collections::HashMap<String, Vec<_>> = std::collections::HashMap::new();
        for e in entries {
            by_first.entry(e.0[0].clone()).or_default().push(e);
        }
        PlaceTable { by_first }
    }
}

impl PlaceTable {
    /// The places named in a run of words, longest names first; also a known place as the first
    /// part of a hyphenated name (`Amsterdam-IJburg`), and an unknown town after a place
    /// adjective (`in het Vlaamse Kortemark`).
    pub fn find(&self, words: &[&str]) -> Vec<PlaceMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let candidates = self.by_first.get(words[i]).map(Vec::as_slice).unwrap_or_default();
            let hit = candidates.iter().find(|(parts, _)| {
                i + parts.len() <= words.len() && parts.iter().zip(&words[i..]).all(|(p, w)| p == w)
            });
            match hit {
                Some((parts, code)) => {
                    out.push(PlaceMention { start: i, end: i + parts.len(), code });
                    i += parts.len();
                }
                None => {
                    if let Some(code) = place_noun_after_adjective(words, i) {
                        out.push(PlaceMention { start: i, end: i + 2, code });
                        i += 2;
                        continue;
                    }
                    if let Some(code) = self.hyphenated(words[i]).or_else(|| town_after_adjective(words, i)) {
                        out.push(PlaceMention { start: i, end: i + 1, code });
                    }
                    i += 1;
                }
            }
        }
        out
    }

    /// `Amsterdam-IJburg`, `Rotterdam-Zuid`: a known one-word place before a hyphen and a capital.
    fn hyphenated(&self, word: &str) -> Option<&'static str> {
        let (head, rest) = word.split_once('-')?;
        if !rest.starts_with(char::is_uppercase) {
            return None;
        }
        self.by_first.get(head)?.iter().find(|(parts, _)| parts.len() == 1).map(|(_, code)| *code)
    }
}

/// The distinct country codes named in a run of words.
fn places_table_codes(table: &PlaceTable, words: &[&str]) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    for p in table.find(words) {
        if !codes.contains(&p.code) {
            codes.push(p.code);
        }
    }
    codes
}

/// A country adjective before a place noun (`de Britse hoofdstad`, `een Duitse havenstad`,
/// `cues::PLACE_NOUNS`): a place in that country, named by the two words from `i`.
fn place_noun_after_adjective(words: &[&str], i: usize) -> Option<&'static str> {
    let noun = words.get(i + 1)?;
    if !crate::data::cues::PLACE_NOUNS.contains(noun) {
        return None;
    }
    names::DEMONYMS.iter().find(|(d, code)| *d == words[i] && !code.is_empty() && d.ends_with('e')).map(|(_, code)| *code)
}

/// A capitalised word after `het`/`de` + a place adjective (`in het Vlaamse Kortemark`, `het
/// Duitse Keulen`): a town of that country, known or not.
fn town_after_adjective(words: &[&str], i: usize) -> Option<&'static str> {
    if i < 2 || !matches!(words[i - 2], "het" | "de") || !words[i].starts_with(char::is_uppercase) || words[i].chars().count() < 3 {
        return None;
    }
    // A town's name: a capital, then lowercase (`Kortemark`, not `FBI`), and no known organisation.
    if !words[i].chars().skip(1).all(|c| c.is_lowercase() || c == '-') {
        return None;
    }
    if names::AGENCIES.iter().any(|(a, _)| a.split(' ').next() == Some(words[i])) || names::ORGANISATIONS.iter().any(|o| o.split(' ').next() == Some(words[i])) {
        return None;
    }
    names::DEMONYMS.iter().find(|(d, code)| *d == words[i - 1] && !code.is_empty() && d.ends_with('e')).map(|(_, code)| *code)
}

impl<'a> SentenceContext<'a> {
    pub fn new(doc: &'a Document, index: usize, places_table: &PlaceTable) -> SentenceContext<'a> {
        let places = places_table;
        let sentence = &doc.sentences[index];
        let tokens = doc.sentence_tokens(sentence);
        let words: Vec<&str> = tokens.iter().map(|t| &doc.text[t.span]).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut places = places.find(&words);
        // `Daar`, `In dat land`: a place of the sentence before counts as named here (ANNOTATION.md).
        let back = find_phrase(&lower, crate::data::cues::PLACE_BACK_REFERENCES);
        if let (Some(at), true, Some(prev)) = (back, places.is_empty(), index.checked_sub(1)) {
            let before = &doc.sentences[prev];
            let prev_words: Vec<&str> = doc.sentence_tokens(before).iter().map(|t| &doc.text[t.span]).collect();
            let mut codes: Vec<&'static str> = places_table_codes(places_table, &prev_words);
            codes.dedup();
            if let [code] = codes.as_slice() {
                places.push(PlaceMention { start: at, end: at + 1, code });
            }
        }
        let durations = doc
            .quantities
            .iter()
            .filter(|q| q.unit == Some(crate::document::Unit::Months) && sentence.span.contains(q.span))
            .map(|q| q.value.round() as u32)
            .collect();
        SentenceContext { sentence, tokens, words, lower, places, durations }
    }

    /// True when any word of the sentence is one of `cues`.
    pub fn has_any(&self, cues: &[&str]) -> bool {
        self.lower.iter().any(|w| cues.contains(&w.as_str()))
    }

    /// True when a word in tokens `[from, to)`, or the last part of a hyphenated compound there
    /// (`Sky-hack`), is one of `cues`.
    pub fn has_any_or_compound_in(&self, from: usize, to: usize, cues: &[&str]) -> bool {
        self.lower[from.min(self.lower.len())..to.min(self.lower.len())]
            .iter()
            .any(|w| cues.contains(&w.as_str()) || w.rsplit_once('-').is_some_and(|(_, tail)| cues.contains(&tail)))
    }

    /// True when the sentence is about servers (`cues::is_server_word`).
    pub fn about_servers(&self) -> bool {
        self.lower.iter().any(|w| crate::data::cues::is_server_word(w))
    }

    /// True when the words of `phrase` (space-separated) stand in a row within tokens `[from, to)`.
    pub fn has_phrase_in(&self, from: usize, to: usize, phrase: &str) -> bool {
        let lower = &self.lower[from.min(self.lower.len())..to.min(self.lower.len())];
        find_phrase(lower, &[phrase]).is_some()
    }

    /// True when any word in tokens `[from, to)` is one of `cues`.
    pub fn has_any_in(&self, from: usize, to: usize, cues: &[&str]) -> bool {
        self.lower[from.min(self.lower.len())..to.min(self.lower.len())].iter().any(|w| cues.contains(&w.as_str()))
    }

    /// The token range `[first, last + 1)` covered by `span`.
    pub fn token_range(&self, span: Span) -> (usize, usize) {
        let first = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        (first, end.max(first))
    }

    /// The clause around token `at`: the tokens between the nearest `,` `;` `:` or quote on
    /// either side.
    pub fn clause(&self, at: usize) -> (usize, usize) {
        let is_break = |w: &str| matches!(w, "," | ";" | ":" | "\"" | "(" | ")" | "–" | "—");
        let start = (0..at).rev().find(|&j| is_break(self.words[j])).map_or(0, |j| j + 1);
        let end = (at..self.words.len()).find(|&j| is_break(self.words[j])).unwrap_or(self.words.len());
        (start, end)
    }

    /// The subordinate clause around token `at`: `clause` also cut at subordinating
    /// conjunctions (`Nexora groeide, nadat Ghost en Matrix vorig jaar offline werden gehaald`).
    pub fn subclause(&self, at: usize) -> (usize, usize) {
        const SUBORDINATORS: &[&str] = &["nadat", "omdat", "toen", "waarna", "terwijl", "voordat", "doordat", "zodat", "maar", "want", "nu", "sinds", "wat", "die", "dat"];
        let (start, end) = self.clause(at);
        let start = (start..at).rev().find(|&j| SUBORDINATORS.contains(&self.lower[j].as_str())).unwrap_or(start);
        let end = (at + 1..end).find(|&j| SUBORDINATORS.contains(&self.lower[j].as_str())).unwrap_or(end);
        (start, end)
    }

    /// Distinct country codes named in the sentence.
    pub fn country_codes(&self) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = Vec::new();
        for p in &self.places {
            if !codes.contains(&p.code) {
                codes.push(p.code);
            }
        }
        codes
    }
}
