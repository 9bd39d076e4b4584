//! Token labels (`B-PER`, `I-ORG`, `O`) read from a model's `id2label`, and BIO decoding into entities.

use crate::document::{Entity, EntityType, Token};

/// The CoNLL-2002 label set in the usual id order (what a fresh head is built over).
pub const CONLL2002_LABELS: &[&str] = &["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

/// One word's label in the BIO scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Outside,
    Begin(EntityType),
    Inside(EntityType),
}

impl Tag {
    /// Reads a model label: case-insensitive, `B-`/`I-`/`O`, BIOES (`S-` = `B-`, `E-` = `I-`),
    /// `_` or `-` after the prefix, long type names (`PERSON`, `LOCATION`). Anything else,
    /// including types we do not use (`B-DATE`), reads as `Outside`.
    pub fn parse(label: &str) -> Tag {
        let label = label.trim();
        let upper = label.to_ascii_uppercase();
        let (prefix, kind) = match upper.split_once(['-', '_']) {
            Some((p, k)) if p.len() == 1 => (p, k),
            _ => return Tag::Outside,
        };
        let kind = match kind {
            "PER" | "PERSON" | "PERS" => EntityType::Per,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => EntityType::Org,
            "LOC" | "LOCATION" => EntityType::Loc,
            "MISC" | "MISCELLANEOUS" => EntityType::Misc,
            _ => return Tag::Outside,
        };
        match prefix {
            "B" | "S" => Tag::Begin(kind),
            "I" | "E" => Tag::Inside(kind),
            _ => Tag::Outside,
        }
    }

    /// The CoNLL spelling: `B-PER`, `I-LOC`, `O`.
    pub fn to_conll(&self) -> String {
        match self {
            Tag::Outside => "O".to_string(),
            Tag::Begin(t) => format!("B-{}", t.as_str()),
            Tag::Inside(t) => format!("I-{}", t.as_str()),
        }
    }
}

/// Groups word tags into `(first word, end word exclusive, type)` runs. An `I-` that does not
/// continue an entity of its own type starts a new one (conlleval's reading).
pub fn tag_runs(tags: &[Tag]) -> Vec<(usize, usize, EntityType)> {
    let mut runs: Vec<(usize, usize, EntityType)> = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, tag) in tags.iter().enumerate() {
        match *tag {
            Tag::Outside => {
                if let Some((s, t)) = open.take() {
                    runs.push((s, i, t));
                }
            }
            Tag::Begin(t) => {
                if let Some((s, pt)) = open.take() {
                    runs.push((s, i, pt));
                }
                open = Some((i, t));
            }
            Tag::Inside(t) => match open {
                Some((_, pt)) if pt == t => {}
                _ => {
                    if let Some((s, pt)) = open.take() {
                        runs.push((s, i, pt));
                    }
                    open = Some((i, t));
                }
            },
        }
    }
    if let Some((s, t)) = open {
        runs.push((s, tags.len(), t));
    }
    runs
}

/// Entities over `tokens` from one tag per token: each span covers whole tokens, from the first
/// token's start to the last one's end, so it slices the source text exactly.
pub fn entities_from_tags(tokens: &[Token], tags: &[Tag]) -> Vec<Entity> {
    let n = tokens.len().min(tags.len());
    tag_runs(&tags[..n])
        .into_iter()
        .map(|(s, e, label)| Entity { span: tokens[s].span.cover(tokens[e - 1].span), label })
        .collect()
}

/// Tags for `n` tokens from entities given as token ranges: `B-` on the first token, `I-` after.
pub fn tags_from_runs(n: usize, runs: &[(usize, usize, EntityType)]) -> Vec<Tag> {
    let mut tags = vec![Tag::Outside; n];
    for &(s, e, t) in runs {
        for (k, tag) in tags.iter_mut().enumerate().take(e.min(n)).skip(s) {
            *tag = if k == s { Tag::Begin(t) } else { Tag::Inside(t) };
        }
    }
    tags
}

/// Document-level type agreement: a name the model tags more than once in one document takes
/// the type it weighs most there. Each mention votes with its words' mean [`TypeMass`] (the
/// model's probability per type) when `mass` is given, else one vote for its tagged type.
/// `docs[i]` is sentence `i`'s document; a name is its words joined by spaces, matched exactly
/// (case included). A tie, or a name tagged once, stays as tagged, and no span moves: only
/// types change, so no mention is added or dropped. A model reads each sentence (or paragraph)
/// on its own and may call `Europol` an organisation in one and something else in the next;
/// the weight of all its readings is the better guess for each.
pub fn agree_types(sentences: &[Vec<&str>], tags: &mut [Vec<Tag>], docs: &[usize], mass: Option<&[Vec<TypeMass>]>) {
    use std::collections::HashMap;
    let runs: Vec<Vec<(usize, usize, EntityType)>> = tags.iter().map(|t| tag_runs(t)).collect();
    let name = |i: usize, s: usize, e: usize| sentences.get(i).and_then(|w| w.get(s..e)).map(|w| w.join(" "));
    // (document, name) -> (mentions, summed votes per type)
    let mut votes: HashMap<(usize, String), (usize, TypeMass)> = HashMap::new();
    for (i, sentence_runs) in runs.iter().enumerate() {
        for &(s, e, t) in sentence_runs {
            if let (Some(&doc), Some(name)) = (docs.get(i), name(i, s, e)) {
                let (mentions, weight) = votes.entry((doc, name)).or_default();
                *mentions += 1;
                match mass.and_then(|m| m.get(i)).and_then(|m| m.get(s..e)) {
                    Some(words) => {
                        for word in words {
                            for (w, p) in weight.iter_mut().zip(word) {
                                *w += p / (e - s) as f32;
                            }
                        }
                    }
                    None => weight[t.index()] += 1.0,
                }
            }
        }
    }
    for (i, sentence_runs) in runs.iter().enumerate() {
        for &(s, e, t) in sentence_runs {
            let Some(&(mentions, weight)) = docs.get(i).zip(name(i, s, e)).and_then(|(&doc, name)| votes.get(&(doc, name)))
            else {
                continue;
            };
            if mentions < 2 {
                continue;
            }
            let best = (0..4).fold(0, |b, k| if weight[k] > weight[b] { k } else { b });
            let unique = (0..4).all(|k| k == best || weight[k] < weight[best]);
            let winner = EntityType::ALL[best];
            if unique && winner != t {
                for (k, tag) in tags[i].iter_mut().enumerate().take(e).skip(s) {
                    *tag = if k == s { Tag::Begin(winner) } else { Tag::Inside(winner) };
                }
            }
        }
    }
}

/// A word's probability mass per entity type, in [`EntityType::ALL`]'s order: the softmax of
/// its logits summed over each type's `B-` and `I-` labels.
pub type TypeMass = [f32; 4];

/// [`TypeMass`] from one word's logits (`tags[i]` is label `i`'s tag); NaN counts as nothing.
pub fn type_mass(logits: &[f32], tags: &[Tag]) -> TypeMass {
    let max = logits.iter().copied().filter(|v| !v.is_nan()).fold(f32::NEG_INFINITY, f32::max);
    let mut out = [0f32; 4];
    let mut total = 0f32;
    for (&v, tag) in logits.iter().zip(tags) {
        if v.is_nan() {
            continue;
        }
        let p = (v - max).exp();
        total += p;
        if let Tag::Begin(t) | Tag::Inside(t) = tag {
            out[t.index()] += p;
        }
    }
    if total > 0.0 {
        out.iter_mut().for_each(|m| *m /= total);
    }
    out
}

/// Whether BIO allows `next` right after `prev` (`None`: the first word): `I-X` only continues
/// a `B-X` or `I-X`.
pub fn bio_allows(prev: Option<Tag>, next: Tag) -> bool {
    match next {
        Tag::Inside(t) => matches!(prev, Some(Tag::Begin(p) | Tag::Inside(p)) if p == t),
        _ => true,
    }
}

/// The label ids of the most probable valid BIO sequence (Viterbi over the allowed transitions;
/// no other transition costs). `logits[w]` holds one score per label for word `w`; each row is
/// turned into log-probabilities first, so words weigh alike. `tags[i]` is label `i`'s tag.
/// NaN scores count as impossible; a word where nothing is possible takes label 0.
pub fn viterbi_bio(logits: &[&[f32]], tags: &[Tag]) -> Vec<usize> {
    let n = tags.len();
    if logits.is_empty() || n == 0 {
        return vec![0; logits.len()];
    }
    let log_probs = |row: &[f32]| -> Vec<f64> {
        let max = row.iter().take(n).copied().filter(|v| !v.is_nan()).fold(f32::NEG_INFINITY, f32::max) as f64;
        let sum: f64 = row.iter().take(n).filter(|v| !v.is_nan()).map(|&v| (v as f64 - max).exp()).sum();
        (0..n).map(|i| row.get(i).filter(|v| !v.is_nan()).map_or(f64::NEG_INFINITY, |&v| v as f64 - max - sum.ln())).collect()
    };
    let mut score: Vec<f64> =
        log_probs(logits[0]).into_iter().zip(tags).map(|(s, &t)| if bio_allows(None, t) { s } else { f64::NEG_INFINITY }).collect();
    let mut back: Vec<Vec<usize>> = Vec::with_capacity(logits.len());
    for row in &logits[1..] {
        let emit = log_probs(row);
        let mut next = vec![f64::NEG_INFINITY; n];
        let mut from = vec![0usize; n];
        for (j, &tj) in tags.iter().enumerate() {
            for (i, &ti) in tags.iter().enumerate() {
                if bio_allows(Some(ti), tj) && score[i] + emit[j] > next[j] {
                    next[j] = score[i] + emit[j];
                    from[j] = i;
                }
            }
        }
        back.push(from);
        score = next;
    }
    let mut best = (0..n).fold(0, |b, i| if score[i] > score[b] { i } else { b });
    let mut path = vec![best; logits.len()];
    for (w, from) in back.iter().enumerate().rev() {
        best = from[best];
        path[w] = best;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    /// Word scores where the best label per word gives `O I-PER I-PER`; the best valid sequence
    /// is `O B-PER I-PER` (the second word's B-PER is a close second), not two new entities.
    #[test]
    fn viterbi_keeps_bio_valid() {
        let tags: Vec<Tag> = CONLL2002_LABELS.iter().map(|l| Tag::parse(l)).collect();
        let row = |pairs: &[(usize, f32)]| {
            let mut r = vec![0f32; 9];
            for &(i, v) in pairs {
                r[i] = v;
            }
            r
        };
        let words = [row(&[(0, 5.0)]), row(&[(2, 4.0), (1, 3.8)]), row(&[(2, 5.0)])];
        let refs: Vec<&[f32]> = words.iter().map(Vec::as_slice).collect();
        let path: Vec<Tag> = viterbi_bio(&refs, &tags).into_iter().map(|i| tags[i]).collect();
        assert_eq!(path, vec![Tag::Outside, Tag::Begin(Per), Tag::Inside(Per)]);
        // A clear O between keeps I- impossible after it: `O I-ORG` becomes `O B-ORG` or `O O`.
        let words = [row(&[(0, 5.0)]), row(&[(4, 3.0), (0, 2.9)])];
        let refs: Vec<&[f32]> = words.iter().map(Vec::as_slice).collect();
        let path: Vec<Tag> = viterbi_bio(&refs, &tags).into_iter().map(|i| tags[i]).collect();
        assert_eq!(path, vec![Tag::Outside, Tag::Outside]);
        assert!(viterbi_bio(&[], &tags).is_empty());
        assert!(!bio_allows(Some(Tag::Begin(Loc)), Tag::Inside(Org)) && bio_allows(Some(Tag::Inside(Org)), Tag::Inside(Org)));
    }

    macro_rules! assert_tag {
        ($label:expr, $tag:expr) => {
            assert_eq!(Tag::parse($label), $tag, "label {:?}", $label)
        };
    }

    #[test]
    fn parses_model_labels() {
        assert_tag!("B-PER", Tag::Begin(Per));
        assert_tag!("i-org", Tag::Inside(Org));
        assert_tag!("B_LOC", Tag::Begin(Loc));
        assert_tag!("S-MISC", Tag::Begin(Misc));
        assert_tag!("E-PERSON", Tag::Inside(Per));
        assert_tag!("I-LOCATION", Tag::Inside(Loc));
        assert_tag!("O", Tag::Outside);
        assert_tag!("B-DATE", Tag::Outside);
        assert_tag!("LABEL_3", Tag::Outside);
        assert_tag!("", Tag::Outside);
    }

    #[test]
    fn repairs_bio_like_conlleval() {
        let t = |s: &str| s.split(' ').map(Tag::parse).collect::<Vec<_>>();
        // I- after O starts an entity; I- of another type starts a new one; B- splits.
        assert_eq!(tag_runs(&t("I-PER I-PER O B-LOC I-ORG B-LOC B-LOC I-LOC")), vec![
            (0, 2, Per),
            (3, 4, Loc),
            (4, 5, Org),
            (5, 6, Loc),
            (6, 8, Loc)
        ]);
        let runs = tag_runs(&t("O B-MISC I-MISC O I-PER"));
        assert_eq!(tags_from_runs(5, &runs), t("O B-MISC I-MISC O B-PER"));
    }

    /// Written for the rule: `Europol` twice an organisation and once a place in one article
    /// becomes an organisation throughout; the other article's lone reading and a tie stay.
    #[test]
    fn names_agree_on_their_majority_type_within_a_document() {
        let t = |s: &str| s.split(' ').map(Tag::parse).collect::<Vec<_>>();
        let sentences: Vec<Vec<&str>> = vec![
            "Europol en de politie van Antwerpen werkten samen".split(' ').collect(),
            "Volgens Europol zijn er meer zaken".split(' ').collect(),
            "Bij Europol in Den Haag werken analisten".split(' ').collect(),
            "Europol gaf geen commentaar".split(' ').collect(),
            "Sky ECC en Sky ECC".split(' ').collect(),
        ];
        let mut tags = vec![
            t("B-ORG O O O O B-LOC O O"),
            t("O B-ORG O O O O"),
            t("O B-LOC O B-LOC I-LOC O O"),
            t("B-LOC O O O"),
            t("B-MISC I-MISC O B-ORG I-ORG"),
        ];
        agree_types(&sentences, &mut tags, &[0, 0, 0, 1, 2], None);
        assert_eq!(tags[2], t("O B-ORG O B-LOC I-LOC O O"));
        assert_eq!(tags[3], t("B-LOC O O O"), "another document votes apart");
        assert_eq!(tags[4], t("B-MISC I-MISC O B-ORG I-ORG"), "a tie keeps both readings");
        // Spans never change: an I- that starts an entity is rewritten as that entity's B-.
        let mut tags = vec![t("I-PER O O O O O O O"), t("O B-ORG O O O O"), t("O B-ORG O O O O O")];
        agree_types(&sentences[..3], &mut tags, &[0, 0, 0], None);
        assert_eq!(tags[0], t("B-ORG O O O O O O O"));
    }

    /// With the model's probabilities, one confident reading outweighs two hesitant ones:
    /// `Europol` once surely an organisation and twice barely a place is an organisation.
    #[test]
    fn probability_mass_weighs_the_votes() {
        let t = |s: &str| s.split(' ').map(Tag::parse).collect::<Vec<_>>();
        let sentences: Vec<Vec<&str>> = vec![vec!["Europol", "zegt"], vec!["bij", "Europol"], vec!["naar", "Europol"]];
        let mut tags = vec![t("B-ORG O"), t("O B-LOC"), t("O B-LOC")];
        // EntityType::ALL order: PER, ORG, LOC, MISC.
        assert!(EntityType::ALL.iter().enumerate().all(|(i, t)| t.index() == i));
        let sure_org = [0.0, 0.95, 0.03, 0.0];
        let maybe_loc = [0.0, 0.40, 0.55, 0.0];
        let mass = vec![vec![sure_org, [0.0; 4]], vec![[0.0; 4], maybe_loc], vec![[0.0; 4], maybe_loc]];
        let mut counted = tags.clone();
        agree_types(&sentences, &mut counted, &[0, 0, 0], None);
        assert_eq!(counted[0], t("B-LOC O"), "one vote each: two places win");
        agree_types(&sentences, &mut tags, &[0, 0, 0], Some(&mass));
        assert_eq!(tags, vec![t("B-ORG O"), t("O B-ORG"), t("O B-ORG")]);
        // Mass sums each type's B- and I- labels after a softmax; NaN counts as nothing.
        let labels: Vec<Tag> = CONLL2002_LABELS.iter().map(|l| Tag::parse(l)).collect();
        let m = type_mass(&[0.0, 0.0, f32::NAN, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], &labels);
        assert!((m[0] - 1.0 / 8.0).abs() < 1e-6 && (m[1] - 2.0 / 8.0).abs() < 1e-6, "{m:?}");
    }
}
