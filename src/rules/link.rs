//! Which operation a sentence's figures, people and dates belong to, in an article naming two or
//! more services: each service is described by [`FEATURES`] (named here, just before, in this
//! paragraph, under this heading; in which role; next to which years) and the one with the
//! highest weighted sum wins. The weights are fitted by `meelezer fit-link` on labelled articles
//! ([`super::logit`]) and live in `src/data/link_weights.json`.

use super::logit::flag;
use super::services::{Role, ServiceMention};
use crate::document::Document;

/// The features, in order, as named in the weights file.
pub const FEATURES: [&str; 17] = [
    "hand_choice",
    "main",
    "named_here",
    "first_named_here",
    "contrast_here",
    "named_before_in_paragraph",
    "named_in_previous_sentence",
    "last_named",
    "recency",
    "named_later_in_paragraph",
    "heading",
    "last_mention_background",
    "main_in_older_year_sentence",
    "older_year_shared",
    "main_with_current_cue",
    "main_in_lead",
    "main_in_first_sentence_of_paragraph",
];

super::logit::embedded_weights!("link_weights.json");

/// What the features read from the whole article, computed once.
pub struct LinkContext<'a> {
    main: Option<&'a str>,
    /// Per sentence: the services named in it (not set against the subject), in order.
    named: Vec<Vec<&'a str>>,
    /// Per sentence: the services it sets against the subject.
    contrast: Vec<Vec<&'a str>>,
    /// Per sentence: the role of its last mention of each service named in it.
    roles: Vec<Vec<(&'a str, Role)>>,
    /// Per sentence: the years before the header's year it names.
    older: Vec<Vec<i32>>,
    /// Per sentence: whether it points back at the current events (`cues::CURRENT_FOCUS`).
    current: Vec<bool>,
    lead: Option<usize>,
}

fn year(value: &str) -> Option<i32> {
    value.get(..4)?.parse().ok()
}

impl<'a> LinkContext<'a> {
    pub fn new(
        doc: &Document,
        mentions: &'a [ServiceMention],
        roles: &[Role],
        main: Option<&'a str>,
    ) -> LinkContext<'a> {
        let n = doc.sentences.len();
        let mut named: Vec<Vec<&'a str>> = vec![Vec::new(); n];
        let mut contrast: Vec<Vec<&'a str>> = vec![Vec::new(); n];
        let mut last_roles: Vec<Vec<(&'a str, Role)>> = vec![Vec::new(); n];
        for (m, role) in mentions.iter().zip(roles) {
            let list = if *role == Role::Contrast {
                &mut contrast[m.sentence]
            } else {
                &mut named[m.sentence]
            };
            if !list.contains(&m.service.as_str()) {
                list.push(&m.service);
            }
            let r = &mut last_roles[m.sentence];
            match r.iter_mut().find(|(s, _)| *s == m.service) {
                Some(entry) => entry.1 = *role,
                None => r.push((&m.service, *role)),
            }
        }
        let header = doc.date.as_deref().and_then(year);
        let older = doc
            .sentences
            .iter()
            .map(|s| {
                let mut years: Vec<i32> = doc
                    .dates
                    .iter()
                    .filter(|d| s.span.contains(d.span))
                    .filter_map(|d| d.value.as_deref().and_then(year))
                    .filter(|y| header.is_some_and(|h| *y < h))
                    .collect();
                years.dedup();
                years
            })
            .collect();
        let current = (0..n)
            .map(|i| super::services::back_to_current(doc, i))
            .collect();
        let lead = doc.paragraphs.iter().position(|p| !p.heading);
        LinkContext {
            main,
            named,
            contrast,
            roles: last_roles,
            older,
            current,
            lead,
        }
    }

    /// The features of each candidate service for sentence `i`; `hand` is the hand rule's choice.
    pub fn features(
        &self,
        doc: &Document,
        i: usize,
        hand: &str,
        candidates: &[&str],
    ) -> Vec<Vec<f64>> {
        let paragraph = doc.sentences[i].paragraph;
        let same_paragraph =
            |j: usize| doc.sentences[j].paragraph == paragraph && !doc.sentences[j].heading;
        let last_named = (0..i).rev().find_map(|j| self.named[j].last().copied());
        let heading = (0..=i)
            .rev()
            .find(|&j| doc.sentences[j].heading)
            .map(|j| &self.named[j]);
        let first_of_paragraph = i == 0 || doc.sentences[i - 1].paragraph != paragraph;
        candidates
            .iter()
            .map(|s| {
                let is_main = self.main == Some(*s);
                let last_mention = (0..=i).rev().find(|&j| self.named[j].contains(s));
                let last_role = last_mention
                    .and_then(|j| self.roles[j].iter().find(|(x, _)| x == s))
                    .map(|(_, r)| *r);
                let older_shared = self.older[i].iter().any(|y| {
                    (0..doc.sentences.len())
                        .any(|j| j != i && self.named[j].contains(s) && self.older[j].contains(y))
                });
                vec![
                    flag(hand == *s),
                    flag(is_main),
                    flag(self.named[i].contains(s)),
                    flag(self.named[i].first() == Some(s)),
                    flag(self.contrast[i].contains(s)),
                    flag((0..i).any(|j| same_paragraph(j) && self.named[j].contains(s))),
                    flag(i > 0 && same_paragraph(i - 1) && self.named[i - 1].contains(s)),
                    flag(last_named == Some(*s)),
                    last_mention
                        .filter(|&j| j < i)
                        .map_or(0.0, |j| 1.0 / (1 + i - j) as f64),
                    flag(
                        (i + 1..doc.sentences.len())
                            .any(|j| same_paragraph(j) && self.named[j].contains(s)),
                    ),
                    flag(heading.is_some_and(|h| h.contains(s))),
                    flag(last_role == Some(Role::Background)),
                    flag(is_main && !self.older[i].is_empty()),
                    flag(older_shared),
                    flag(is_main && self.current[i]),
                    flag(is_main && Some(paragraph) == self.lead),
                    flag(is_main && first_of_paragraph),
                ]
            })
            .collect()
    }
}
