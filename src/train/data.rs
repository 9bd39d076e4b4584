//! Training examples for token classification: sentences of a NER file encoded into sub-word
//! ids with one label per piece (a word's label on its first piece, [`IGNORE`] on the others and
//! on special tokens), a seeded random number generator, and length-bucketed batch plans that
//! can be rebuilt from `(seed, epoch)` alone, so a resumed run sees the same batches.

use crate::ner::conll::ConllSentence;
use crate::ner::packing::{pack, Sequence};
use crate::error::{Error, ErrorKind, Result};
use tokenizers::Tokenizer;

/// Label of pieces the loss skips (continuation pieces, `<s>`, `</s>`); PyTorch's `-100`.
pub const IGNORE: i64 = -100;

/// One encoded sentence, or several of one article packed as running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub ids: Vec<u32>,
    /// One per id: a label id, or [`IGNORE`].
    pub labels: Vec<i64>,
    /// Special pieces at the start (`<s>`) and at the end (`</s>`) of `ids`.
    pub specials: (usize, usize),
    /// The article (`ConllSentence::doc`) of the (first) sentence.
    pub doc: usize,
}

impl Example {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

}

/// Examples join as `TransformerNer::with_context` joins sentences at inference; the labels ride
/// on the pieces.
impl Sequence for Example {
    fn ids(&self) -> &[u32] {
        &self.ids
    }

    fn specials(&self) -> (usize, usize) {
        self.specials
    }

    fn append_trimmed(&mut self, keep: usize, next: Example) {
        self.ids.truncate(keep);
        self.labels.truncate(keep);
        self.ids.extend_from_slice(&next.ids[next.specials.0..]);
        self.labels.extend_from_slice(&next.labels[next.specials.0..]);
        self.specials.1 = next.specials.1;
    }
}

/// Consecutive examples of one article joined into sequences of at most `limit` pieces (an
/// example already longer stays alone), the way the recognizer packs sentences with context:
/// the model learns to read a sentence among its neighbours, and every word is still labelled
/// once. `limit` 0 leaves the examples as they are.
pub fn pack_examples(examples: Vec<Example>, limit: usize) -> Vec<Example> {
    if limit == 0 {
        return examples;
    }
    pack(examples, limit, |last, next| last.doc == next.doc && !next.is_empty())
}

/// Encodes sentences with `tokenizer` (words pre-split, special tokens added). Tags are looked
/// up in `labels`; a tag not in it is an error naming the sentence. Sentences longer than
/// `max_len` pieces are cut (the closing special token kept); words cut off are not trained on.
pub fn encode_sentences(
    tokenizer: &Tokenizer,
    sentences: &[ConllSentence],
    labels: &[String],
    max_len: usize,
) -> Result<Vec<Example>> {
    let mut out = Vec::with_capacity(sentences.len());
    for (n, s) in sentences.iter().enumerate() {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let enc = tokenizer
            .encode(words, true)
            .map_err(|e| Error::new(ErrorKind::Tokenizer(format!("sentence {}: {e}", n + 1))))?;
        let tag_ids = s
            .tags
            .iter()
            .map(|t| {
                labels
                    .iter()
                    .position(|l| l == t)
                    .map(|i| i as i64)
                    .ok_or_else(|| Error::invalid(format!("sentence {}: tag {t:?} is not one of {labels:?}", n + 1)))
            })
            .collect::<Result<Vec<i64>>>()?;
        let mut ids = enc.get_ids().to_vec();
        let special = enc.get_special_tokens_mask();
        let lead = special.iter().take_while(|&&m| m == 1).count().min(ids.len());
        let trail = usize::from(ids.len() > lead && special.last() == Some(&1));
        let mut piece_labels = Vec::with_capacity(ids.len());
        let mut last_word = None;
        for w in enc.get_word_ids() {
            let label = match w {
                Some(w) if last_word != Some(*w) => tag_ids.get(*w as usize).copied().unwrap_or(IGNORE),
                _ => IGNORE,
            };
            if w.is_some() {
                last_word = *w;
            }
            piece_labels.push(label);
        }
        if ids.len() > max_len && max_len >= 2 {
            let last = ids[ids.len() - 1];
            ids.truncate(max_len - 1);
            ids.push(last);
            piece_labels.truncate(max_len - 1);
            piece_labels.push(IGNORE);
        }
        out.push(Example { ids, labels: piece_labels, specials: (lead, trail), doc: s.doc });
    }
    Ok(out)
}

pub use crate::rng::SplitMix64 as Rng;

/// Pools of this many batches are sorted by length before cutting, so batches hold sentences of
/// similar length (little padding) while their order stays random.
const POOL_BATCHES: usize = 50;

/// The batches of one epoch, as example indices: shuffled, length-bucketed within pools, and
/// the batches shuffled again. The same `(lengths, batch_size, seed, epoch)` give the same plan.
pub fn epoch_plan(lengths: &[usize], batch_size: usize, seed: u64, epoch: usize) -> Vec<Vec<usize>> {
    let batch_size = batch_size.max(1);
    let mut rng = Rng::new(seed ^ (epoch as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F));
    let mut order: Vec<usize> = (0..lengths.len()).filter(|&i| lengths[i] > 0).collect();
    rng.shuffle(&mut order);
    let mut batches = Vec::new();
    for pool in order.chunks_mut(batch_size * POOL_BATCHES) {
        pool.sort_by_key(|&i| lengths[i]);
        batches.extend(pool.chunks(batch_size).map(<[usize]>::to_vec));
    }
    rng.shuffle(&mut batches);
    batches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::model_dir::{testing, read_tokenizer};

    /// The tiny test tokenizer and the CoNLL-2002 labels.
    fn tiny_tokenizer_and_labels() -> (Tokenizer, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokenizer.json");
        std::fs::write(&path, testing::tokenizer_json()).unwrap();
        (read_tokenizer(&path).unwrap(), testing::LABELS.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn first_piece_carries_the_label_and_the_rest_are_ignored() {
        let (tok, labels) = tiny_tokenizer_and_labels();
        let s = ConllSentence {
            words: ["de", "politie", "in", "Amsterdam"].map(String::from).to_vec(),
            tags: ["O", "B-ORG", "O", "B-LOC"].map(String::from).to_vec(),
            doc: 0,
        };
        let ex = encode_sentences(&tok, std::slice::from_ref(&s), &labels, 512).unwrap();
        // [CLS] de politie in Am ##ster ##dam [SEP]
        assert_eq!(ex[0].ids, [2, 4, 5, 6, 7, 8, 9, 3]);
        assert_eq!(ex[0].labels, [IGNORE, 0, 3, 0, 5, IGNORE, IGNORE, IGNORE]);
        let cut = encode_sentences(&tok, std::slice::from_ref(&s), &labels, 5).unwrap();
        assert_eq!((cut[0].ids.as_slice(), cut[0].labels.as_slice()), (&[2, 4, 5, 6, 3][..], &[IGNORE, 0, 3, 0, IGNORE][..]));
        let bad = ConllSentence { words: vec!["de".into()], tags: vec!["B-XYZ".into()], doc: 0 };
        assert!(encode_sentences(&tok, &[bad], &labels, 512).unwrap_err().to_string().contains("B-XYZ"));
    }

    #[test]
    fn packing_joins_sentences_of_one_article_as_running_text() {
        let (tok, labels) = tiny_tokenizer_and_labels();
        let sentence = |words: &[&str], tags: &[&str], doc| ConllSentence {
            words: words.iter().map(|w| w.to_string()).collect(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            doc,
        };
        let sentences = [
            sentence(&["de", "politie"], &["O", "B-ORG"], 0),
            sentence(&["in", "Amsterdam"], &["O", "B-LOC"], 0),
            sentence(&["de", "politie"], &["O", "B-ORG"], 1),
        ];
        let ex = encode_sentences(&tok, &sentences, &labels, 512).unwrap();
        assert_eq!(ex[0].specials, (1, 1));
        // [CLS] de politie in Am ##ster ##dam [SEP]: one opening and one closing piece, the
        // second sentence's labels on its own words; the next article starts a new sequence.
        let packed = pack_examples(ex.clone(), 16);
        assert_eq!(packed.len(), 2);
        assert_eq!(packed[0].ids, [2, 4, 5, 6, 7, 8, 9, 3]);
        assert_eq!(packed[0].labels, [IGNORE, 0, 3, 0, 5, IGNORE, IGNORE, IGNORE]);
        assert_eq!(packed[1], ex[2]);
        // Too long together: left apart; limit 0: unchanged.
        assert_eq!(pack_examples(ex.clone(), 7).len(), 3);
        assert_eq!(pack_examples(ex.clone(), 0), ex);
    }

    #[test]
    fn epoch_plans_cover_every_example_once_and_repeat_per_seed() {
        let lengths: Vec<usize> = (0..1000).map(|i| 3 + (i * 7919) % 61).collect();
        let plan = epoch_plan(&lengths, 16, 42, 0);
        let mut all: Vec<usize> = plan.iter().flatten().copied().collect();
        all.sort();
        assert_eq!(all, (0..1000).collect::<Vec<_>>());
        assert_eq!(plan, epoch_plan(&lengths, 16, 42, 0));
        assert_ne!(plan, epoch_plan(&lengths, 16, 42, 1));
        // Bucketing: the padding in the plan is far below that of random batches.
        let pad = |p: &[Vec<usize>]| -> usize {
            p.iter().map(|b| b.iter().map(|&i| lengths[i]).max().unwrap() * b.len() - b.iter().map(|&i| lengths[i]).sum::<usize>()).sum()
        };
        let random: Vec<Vec<usize>> = (0..1000).collect::<Vec<_>>().chunks(16).map(<[usize]>::to_vec).collect();
        assert!(pad(&plan) * 4 < pad(&random), "{} vs {}", pad(&plan), pad(&random));
    }

    #[test]
    fn rng_is_deterministic_and_roughly_uniform() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        assert_eq!(xs, (0..5).map(|_| b.next_u64()).collect::<Vec<_>>());
        let mean = (0..10_000).map(|_| a.next_f64()).sum::<f64>() / 10_000.0;
        assert!((mean - 0.5).abs() < 0.02);
    }
}
