//! Conditional logit: choosing one of several candidates by a weighted sum of their features,
//! with weights fitted on labelled decisions.
//!
//! Three decisions of the rule layer are made this way, each with its own features and weights
//! file under `src/data/`: the main service ([`super::main_service`]), the operation a sentence
//! belongs to ([`super::link`]) and the country a figure is limited to ([`super::place`]). The
//! `meelezer fit-main`, `fit-link` and `fit-where` commands fit them, cross-validated by article.

/// Defines `weights()`, the embedded weights of a scorer module from `src/data/FILE`, checked
/// against the module's `FEATURES` (and a test that they parse).
macro_rules! embedded_weights {
    ($file:literal) => {
        /// The embedded weights (`src/data/`), fitted by `meelezer fit-*`; they name [`FEATURES`] in order.
        pub fn weights() -> &'static super::logit::Weights {
            static W: std::sync::OnceLock<super::logit::Weights> = std::sync::OnceLock::new();
            W.get_or_init(|| {
                super::logit::Weights::embedded(
                    include_str!(concat!("../data/", $file)),
                    concat!("src/data/", $file),
                    &FEATURES,
                )
            })
        }

        #[cfg(test)]
        #[test]
        fn the_embedded_weights_parse() {
            assert_eq!(weights().weights.len(), FEATURES.len());
        }
    };
}
pub(crate) use embedded_weights;

/// Weights for a list of named features, with where they came from.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Weights {
    pub features: Vec<String>,
    pub weights: Vec<f64>,
    /// How they were fitted and scored (free text, for readers).
    #[serde(default)]
    pub note: String,
}

impl Weights {
    pub fn new(features: &[&str], weights: Vec<f64>, note: String) -> Weights {
        Weights {
            features: features.iter().map(|s| s.to_string()).collect(),
            weights,
            note,
        }
    }

    /// Parses an embedded weights file, checking that it names `features` in order.
    ///
    /// # Panics
    /// When the file does not parse or names other features: a build defect, caught by each
    /// scorer's `the_embedded_weights_parse` test.
    pub fn embedded(json: &str, file: &str, features: &[&str]) -> Weights {
        let w: Weights =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{file} does not parse: {e}"));
        assert_eq!(w.features, features, "{file} names the features in order");
        assert_eq!(
            w.weights.len(),
            features.len(),
            "{file} has one weight per feature"
        );
        w
    }

    pub fn score(&self, x: &[f64]) -> f64 {
        self.weights.iter().zip(x).map(|(w, v)| w * v).sum()
    }

    /// The index of the best-scoring candidate; ties go to the first.
    pub fn choose(&self, candidates: &[Vec<f64>]) -> Option<usize> {
        let scores: Vec<f64> = candidates.iter().map(|x| self.score(x)).collect();
        (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
    }

    /// The share of `examples` whose best candidate is the gold one.
    pub fn accuracy(&self, examples: &[Example]) -> f64 {
        let right = examples
            .iter()
            .filter(|ex| self.choose(&ex.candidates) == Some(ex.gold))
            .count();
        right as f64 / examples.len().max(1) as f64
    }
}

/// One labelled decision: its candidates' features and which one is right.
#[derive(Debug, Clone)]
pub struct Example {
    /// The article it comes from (folds are drawn by article).
    pub doc: String,
    pub candidates: Vec<Vec<f64>>,
    pub gold: usize,
}

/// Fits weights for `dims` features by gradient descent on the mean negative log-likelihood of
/// the gold candidates, with an L2 penalty `l2`.
pub fn fit(examples: &[Example], dims: usize, l2: f64, iterations: usize) -> Vec<f64> {
    let mut w = vec![0.0; dims];
    let n = examples.len().max(1) as f64;
    let rate = 0.5;
    for _ in 0..iterations {
        let mut grad: Vec<f64> = w.iter().map(|wi| l2 * wi).collect();
        for ex in examples {
            let scores: Vec<f64> = ex
                .candidates
                .iter()
                .map(|x| x.iter().zip(&w).map(|(a, b)| a * b).sum())
                .collect();
            let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
            let z: f64 = exp.iter().sum();
            for (i, x) in ex.candidates.iter().enumerate() {
                let p = exp[i] / z - f64::from(u8::from(i == ex.gold));
                for (g, v) in grad.iter_mut().zip(x) {
                    *g += p * v / n;
                }
            }
        }
        for (wi, g) in w.iter_mut().zip(&grad) {
            *wi -= rate * g;
        }
    }
    w
}

/// 0 or 1.
pub fn flag(b: bool) -> f64 {
    f64::from(u8::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_learns_a_separating_feature() {
        // The right candidate always has feature 1, whatever feature 0 says.
        let mut examples = Vec::new();
        for k in 0..20 {
            let a = if k % 2 == 0 { 0.3 } else { 0.7 };
            let right = vec![a, 1.0, 0.0];
            let wrong = vec![1.0 - a, 0.0, 0.0];
            let (candidates, gold) = if k % 3 == 0 {
                (vec![wrong, right], 1)
            } else {
                (vec![right, wrong], 0)
            };
            examples.push(Example {
                doc: format!("d{k}"),
                candidates,
                gold,
            });
        }
        let w = fit(&examples, 3, 0.01, 300);
        assert!(w[1] > 1.0, "{w:?}");
        let weights = Weights::new(&["a", "b", "c"], w, String::new());
        assert_eq!(weights.accuracy(&examples), 1.0);
    }

    #[test]
    fn ties_go_to_the_first_candidate() {
        let w = Weights::new(&["a"], vec![1.0], String::new());
        assert_eq!(w.choose(&[vec![1.0], vec![1.0], vec![0.0]]), Some(0));
        assert_eq!(w.choose(&[]), None);
    }
}
