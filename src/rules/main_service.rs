//! Choosing an article's main service by weighing signals with fitted weights.
//!
//! Each service the article names is described by [`FEATURES`] (how often and where it is named,
//! in which roles, next to which years), and the main one is the service with the highest
//! weighted sum: a conditional logit, whose weights `meelezer fit-main` fits on labelled articles
//! ([`fit`], cross-validated by article) and writes to `src/data/main_weights.json`.

use super::services::{Role, ServiceMention};
use crate::document::Document;

/// The features, in order, as named in the weights file.
pub const FEATURES: [&str; 13] = [
    "hand_choice",
    "weight_share",
    "mention_share",
    "sentence_share",
    "in_lead",
    "in_heading",
    "first_named",
    "background_share",
    "contrast_share",
    "naming",
    "older_year_share",
    "figure_sentence_share",
    "in_last_paragraph",
];

pub type Features = [f64; FEATURES.len()];

/// The weights the pipeline uses, fitted by `meelezer fit-main` (embedded).
const WEIGHTS: &str = include_str!("../data/main_weights.json");

/// Weights for [`FEATURES`], with where they came from.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MainWeights {
    pub features: Vec<String>,
    pub weights: Vec<f64>,
    /// How they were fitted and scored (free text, for readers).
    #[serde(default)]
    pub note: String,
}

impl MainWeights {
    /// The embedded weights (a test checks they parse and match [`FEATURES`]).
    pub fn builtin() -> &'static MainWeights {
        static W: std::sync::OnceLock<MainWeights> = std::sync::OnceLock::new();
        W.get_or_init(|| {
            let w: MainWeights = serde_json::from_str(WEIGHTS).expect("src/data/main_weights.json parses");
            assert_eq!(w.features, FEATURES, "src/data/main_weights.json names the features in order");
            w
        })
    }

    pub fn score(&self, x: &Features) -> f64 {
        self.weights.iter().zip(x).map(|(w, v)| w * v).sum()
    }
}

/// The year of a `YYYY...` value.
fn year(value: &str) -> Option<i32> {
    value.get(..4)?.parse().ok()
}

/// The features of each service in `order` (the services named, in order of first mention);
/// `hand` is the hand rule's choice ([`super::services::rank_services`]).
pub fn features(doc: &Document, mentions: &[ServiceMention], roles: &[Role], order: &[&str], hand: Option<&str>) -> Vec<Features> {
    let first_paragraph = doc.paragraphs.iter().position(|p| !p.heading);
    let last_paragraph = doc.sentences.iter().filter(|s| !s.heading).map(|s| s.paragraph).max();
    let header_year = doc.date.as_deref().and_then(year);
    // Sentences with a year before the header's: about an older operation.
    let older: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| {
            header_year.is_some_and(|h| {
                doc.dates.iter().any(|d| s.span.contains(d.span) && d.value.as_deref().and_then(year).is_some_and(|y| y < h))
            })
        })
        .collect();
    let figures: Vec<bool> = doc.sentences.iter().map(|s| doc.quantities.iter().any(|q| s.span.contains(q.span))).collect();
    let total_weight: f64 = roles.iter().map(|r| r.weight() as f64).sum::<f64>().max(1.0);
    let total_mentions = mentions.len().max(1) as f64;
    let mut sentences_any: Vec<usize> = mentions.iter().map(|m| m.sentence).collect();
    sentences_any.dedup();
    let sentences_any = sentences_any.len().max(1) as f64;
    let figure_sentences_any = {
        let mut s: Vec<usize> = mentions.iter().map(|m| m.sentence).filter(|&i| figures[i]).collect();
        s.dedup();
        s.len().max(1) as f64
    };
    // The hand rule's choice is a signal too: the fit learns when the others outweigh it.
    order
        .iter()
        .enumerate()
        .map(|(idx, service)| {
            let own: Vec<(&ServiceMention, Role)> =
                mentions.iter().zip(roles).filter(|(m, _)| m.service == *service).map(|(m, r)| (m, *r)).collect();
            let n = own.len().max(1) as f64;
            let mut sentences: Vec<usize> = own.iter().map(|(m, _)| m.sentence).collect();
            sentences.dedup();
            let share = |role: Role| own.iter().filter(|(_, r)| *r == role).count() as f64 / n;
            let paragraph = |m: &ServiceMention| doc.sentences[m.sentence].paragraph;
            [
                f64::from(u8::from(hand == Some(*service))),
                own.iter().map(|(_, r)| r.weight() as f64).sum::<f64>() / total_weight,
                own.len() as f64 / total_mentions,
                sentences.len() as f64 / sentences_any,
                f64::from(u8::from(own.iter().any(|(m, r)| *r != Role::Contrast && Some(paragraph(m)) == first_paragraph))),
                f64::from(u8::from(own.iter().any(|(_, r)| *r == Role::Heading))),
                f64::from(u8::from(idx == 0)),
                share(Role::Background),
                share(Role::Contrast),
                f64::from(u8::from(own.iter().any(|(_, r)| *r == Role::Naming))),
                own.iter().filter(|(m, _)| older[m.sentence]).count() as f64 / n,
                sentences.iter().filter(|&&i| figures[i]).count() as f64 / figure_sentences_any,
                f64::from(u8::from(own.iter().any(|(m, _)| Some(paragraph(m)) == last_paragraph))),
            ]
        })
        .collect()
}

/// The index of the best-scoring candidate; ties go to the first named.
pub fn choose(weights: &MainWeights, candidates: &[Features]) -> Option<usize> {
    let scores: Vec<f64> = candidates.iter().map(|x| weights.score(x)).collect();
    (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
}

/// One labelled article for fitting: its candidates' features and which one is the main service.
#[derive(Debug, Clone)]
pub struct Example {
    pub doc: String,
    pub candidates: Vec<Features>,
    pub gold: usize,
}

/// Fits conditional-logit weights by gradient descent on the mean negative log-likelihood of
/// the gold candidates, with an L2 penalty `l2`.
pub fn fit(examples: &[Example], l2: f64, iterations: usize) -> Vec<f64> {
    let dims = FEATURES.len();
    let mut w = vec![0.0; dims];
    let n = examples.len().max(1) as f64;
    let rate = 0.5;
    for _ in 0..iterations {
        let mut grad: Vec<f64> = w.iter().map(|wi| l2 * wi).collect();
        for ex in examples {
            let scores: Vec<f64> = ex.candidates.iter().map(|x| x.iter().zip(&w).map(|(a, b)| a * b).sum()).collect();
            let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
            let z: f64 = exp.iter().sum();
            for (i, x) in ex.candidates.iter().enumerate() {
                let p = exp[i] / z - f64::from(u8::from(i == ex.gold));
                for d in 0..dims {
                    grad[d] += p * x[d] / n;
                }
            }
        }
        for d in 0..dims {
            w[d] -= rate * grad[d];
        }
    }
    w
}

/// Accuracy of `weights` on `examples`: the share whose best candidate is the gold one.
pub fn accuracy(weights: &MainWeights, examples: &[Example]) -> f64 {
    let right = examples.iter().filter(|ex| choose(weights, &ex.candidates) == Some(ex.gold)).count();
    right as f64 / examples.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_weights_parse() {
        assert_eq!(MainWeights::builtin().weights.len(), FEATURES.len());
    }

    #[test]
    fn fitting_learns_a_separating_feature() {
        // The main service is always the one in the lead, whatever the mention counts say.
        let mut examples = Vec::new();
        for k in 0..20 {
            let mut lead = [0.0; FEATURES.len()];
            let mut other = [0.0; FEATURES.len()];
            lead[4] = 1.0;
            lead[2] = if k % 2 == 0 { 0.3 } else { 0.7 };
            other[2] = 1.0 - lead[2];
            let (candidates, gold) = if k % 3 == 0 { (vec![other, lead], 1) } else { (vec![lead, other], 0) };
            examples.push(Example { doc: format!("d{k}"), candidates, gold });
        }
        let w = fit(&examples, 0.01, 300);
        assert!(w[4] > 1.0, "{w:?}");
        let weights = MainWeights { features: FEATURES.iter().map(|s| s.to_string()).collect(), weights: w, note: String::new() };
        assert_eq!(accuracy(&weights, &examples), 1.0);
    }
}
