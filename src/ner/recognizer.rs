//! [`TransformerNer`]: tags a document's word tokens with a token-classification model.
//!
//! Each sentence's word tokens are fed to the model's own tokenizer as pre-split words, so every
//! sub-word piece knows its word. A word takes the label of its first piece; BIO is repaired
//! when decoding (an `I-` without a matching `B-` starts an entity). Sentences longer than the
//! model's positions are cut into chunks at word boundaries. Chunks from all documents are sorted
//! by length and run in padded batches. Entity spans cover whole tokens of the source text.

use super::bert::TokenClassifier;
use super::labels::{entities_from_tags, Tag, TypeMass};
use super::model_dir::ModelFolder;
use super::packing::{pack, Sequence};
use crate::document::{Document, Entity, Token};
use crate::entities::EntityRecognizer;
use crate::error::{Error, ErrorKind, Result};
use candle_core::{Device, Tensor};
use rayon::prelude::*;
use std::path::Path;
use tokenizers::{Encoding, Tokenizer};

/// Longest input the recognizer feeds, special tokens included (BERT's usual limit).
pub const MAX_LENGTH: usize = 512;
const DEFAULT_BATCH: usize = 32;
/// Padded tokens per batch at most, so a batch of long chunks stays within memory.
const MAX_BATCH_TOKENS: usize = 16_384;
/// Padded pieces per batch row on average: a batch holds `batch_size` sequences of up to this
/// length, fewer longer ones, so packed sequences (context) make batches of about the same work
/// as sentences do, and enough of them for every thread.
const ROW_PIECES: usize = 32;

/// Per sentence, each word's tag and its probability mass per entity type.
type TagsAndMass = (Vec<Vec<Tag>>, Vec<Vec<TypeMass>>);

/// A Hugging Face token-classification model behind [`EntityRecognizer`].
///
/// Threads: the sentence batches run in parallel on the current rayon pool. candle would also
/// spread each matmul over its own threads (it reads `RAYON_NUM_THREADS` at every matmul), and
/// the two then fight over the same cores; a program that uses this type should set
/// `RAYON_NUM_THREADS=1` before it starts any thread and size its rayon pool itself, as the
/// `meelezer` binary does (`claim_thread_budget` in `src/cli/run.rs`).
pub struct TransformerNer {
    model: TokenClassifier,
    tokenizer: Tokenizer,
    /// The tag of each label id.
    tags: Vec<Tag>,
    pad_id: u32,
    max_length: usize,
    batch_size: usize,
    /// Leave out sentences that cannot hold an entity (`may_hold_entity`).
    skip_plain: bool,
    /// Decode the most probable valid BIO sequence (default) instead of each word's best label.
    viterbi: bool,
    /// Pieces per sequence of consecutive sentences (0: one sentence per sequence).
    context: usize,
    /// A name tagged more than once in a document takes the type with the most probability over
    /// its mentions (`labels::agree_types`).
    agree: bool,
    device: Device,
}

/// A piece sequence ready for the model: one sentence, or part of a long one.
struct Chunk {
    /// The (first) sentence the chunk comes from.
    sentence: usize,
    ids: Vec<u32>,
    /// (sentence, word index in the sentence, position of its first piece in `ids`).
    heads: Vec<(usize, usize, usize)>,
    /// Special pieces at the start (`<s>`) and at the end (`</s>`) of `ids`.
    specials: (usize, usize),
}

/// Chunks join as running text, `next`'s head positions shifted to match.
impl Sequence for Chunk {
    fn ids(&self) -> &[u32] {
        &self.ids
    }

    fn specials(&self) -> (usize, usize) {
        self.specials
    }

    fn append_trimmed(&mut self, keep: usize, next: Chunk) {
        let shift = keep as isize - next.specials.0 as isize;
        self.ids.truncate(keep);
        self.ids.extend_from_slice(&next.ids[next.specials.0..]);
        self.heads.extend(next.heads.into_iter().map(|(s, w, p)| (s, w, (p as isize + shift) as usize)));
        self.specials.1 = next.specials.1;
    }
}

impl TransformerNer {
    /// Loads a model folder (`config.json` with `id2label`, `tokenizer.json`, `model.safetensors`).
    pub fn load(dir: &Path) -> Result<TransformerNer> {
        TransformerNer::from_folder(ModelFolder::open(dir)?)
    }

    pub fn from_folder(folder: ModelFolder) -> Result<TransformerNer> {
        if !folder.has_head() {
            return Err(Error::model(
                "no classifier.weight: an encoder without a token-classification head (fine-tune one first)",
            )
            .in_file(folder.dir.join(super::model_dir::WEIGHTS_FILE)));
        }
        let model = TokenClassifier::load(&folder.config, folder.encoder_var_builder(), folder.var_builder(), None)
            .map_err(|e| e.in_file(folder.dir.join(super::model_dir::WEIGHTS_FILE)))?;
        Ok(TransformerNer::new(model, folder.tokenizer, &folder.config))
    }

    /// A bare encoder (the imported e5, say) with a freshly initialized, untrained head over
    /// `labels`, its variables in `head_vars`. The start of fine-tuning, and a way to time the
    /// encoder; its predictions mean nothing until trained.
    pub fn with_untrained_head(folder: ModelFolder, labels: &[&str], head_vars: &candle_nn::VarMap) -> Result<TransformerNer> {
        let mut config = folder.config.clone();
        config.labels = labels.iter().map(|l| l.to_string()).collect();
        let head_vb = candle_nn::VarBuilder::from_varmap(head_vars, candle_core::DType::F32, &Device::Cpu);
        let model = TokenClassifier::load(&config, folder.encoder_var_builder(), head_vb, None)?;
        Ok(TransformerNer::new(model, folder.tokenizer, &config))
    }

    /// Wraps a model already in memory (a freshly trained one, say).
    pub fn new(model: TokenClassifier, tokenizer: Tokenizer, config: &super::ModelConfig) -> TransformerNer {
        TransformerNer {
            model,
            tokenizer,
            tags: config.labels.iter().map(|l| Tag::parse(l)).collect(),
            pad_id: config.pad_token_id,
            max_length: config.max_positions().min(MAX_LENGTH),
            batch_size: DEFAULT_BATCH,
            skip_plain: true,
            viterbi: true,
            context: config.context,
            agree: true,
            device: Device::Cpu,
        }
    }

    /// Skip sentences that cannot hold an entity (no capital but on a function word opening
    /// the sentence; `may_hold_entity`): their words are `O` without running the model. On by
    /// default: it scores as well as running every sentence (shipped model: ned.testb 88.38
    /// against 88.34, realdev entities 0.967 against 0.966, the other gold sets the same) and
    /// saves a fifth of the model's time (BENCHMARKS.md).
    pub fn with_skip_plain(mut self, skip: bool) -> TransformerNer {
        self.skip_plain = skip;
        self
    }

    /// Decodes each sentence's most probable valid BIO sequence (`labels::viterbi_bio`; on by
    /// default) instead of each word's best label, whose `I-` runs conlleval then repairs.
    pub fn with_viterbi(mut self, on: bool) -> TransformerNer {
        self.viterbi = on;
        self
    }

    /// Gives every mention of a name in one document the type the model weighs most for it
    /// there, its probabilities summed over the mentions (`labels::agree_types`; on by default).
    /// The spans stay as decoded. On ned.testa it adds 0.8 to 1.5 F1 for every model since the
    /// third round (models/README.md); off, each sentence's reading stands alone.
    pub fn with_type_agreement(mut self, on: bool) -> TransformerNer {
        self.agree = on;
        self
    }

    /// Runs the encoder's linear layers in int8 ([`super::int8`]) instead of f32.
    pub fn with_int8(mut self, int8: bool) -> Result<TransformerNer> {
        if int8 {
            self.model.quantize()?;
        }
        Ok(self)
    }

    /// Sequences per forward pass; default 32, fewer when they are longer than 32 pieces (the
    /// padded batch stays within `n` × 32 pieces).
    pub fn with_batch_size(mut self, n: usize) -> TransformerNer {
        self.batch_size = n.max(1);
        self
    }

    /// Caps the input length (special tokens included) below the model's own limit.
    pub fn with_max_length(mut self, n: usize) -> TransformerNer {
        self.max_length = n.clamp(3, self.max_length.max(3));
        self
    }

    pub fn max_length(&self) -> usize {
        self.max_length
    }

    /// The tag of each of the model's label ids.
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    pub fn model(&self) -> &TokenClassifier {
        &self.model
    }

    /// Feeds consecutive sentences of one group (a paragraph of a document in the pipeline, an
    /// article in `eval-ner`) together, as running text, in sequences of up to `pieces` pieces
    /// (special tokens included; at most the model's limit), so each sentence is read in its
    /// neighbours' context; 0 feeds one sentence per sequence. The default is what the model was
    /// trained with (`ModelConfig::context`). The token count is the same either way; only
    /// attention grows.
    pub fn with_context(mut self, pieces: usize) -> TransformerNer {
        self.context = pieces;
        self
    }

    /// One tag per word for each sentence of words, one sentence per sequence, every sentence
    /// run (no skipping), each read on its own (no type agreement between them). Words the
    /// tokenizer turns into no pieces are tagged `O`; an empty sentence gets no tags.
    pub fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Result<Vec<Vec<Tag>>> {
        Ok(self.tag_grouped(sentences, None)?.0)
    }

    /// Tags sentences as the pipeline does: `docs[i]` is sentence `i`'s document, within which
    /// names agree on their type ([`TransformerNer::with_type_agreement`]); `groups[i]` its
    /// context group (a paragraph, say), whose consecutive sentences may share a sequence
    /// ([`TransformerNer::with_context`]). Plain sentences are left out when
    /// [`TransformerNer::with_skip_plain`] is on (their words are `O`).
    pub fn tag_documents(&self, sentences: &[Vec<&str>], docs: &[usize], groups: &[usize]) -> Result<Vec<Vec<Tag>>> {
        if groups.len() != sentences.len() || docs.len() != sentences.len() {
            return Err(Error::invalid(format!(
                "{} sentences but {} document ids and {} group ids",
                sentences.len(),
                docs.len(),
                groups.len()
            )));
        }
        let (run, to_tag, run_groups) = self.runnable(sentences, groups);
        let (tagged, masses) = self.tag_grouped(&to_tag, Some(&run_groups))?;
        let mut all: Vec<Vec<Tag>> = sentences.iter().map(|w| vec![Tag::Outside; w.len()]).collect();
        let mut all_mass: Vec<Vec<TypeMass>> = sentences.iter().map(|w| vec![[0.0; 4]; w.len()]).collect();
        for ((&i, tags), mass) in run.iter().zip(tagged).zip(masses) {
            all[i] = tags;
            all_mass[i] = mass;
        }
        if self.agree {
            super::labels::agree_types(sentences, &mut all, docs, Some(&all_mass));
        }
        Ok(all)
    }

    /// Consecutive chunks of one group joined into sequences of at most `self.context` pieces.
    fn pack(&self, chunks: Vec<Chunk>, groups: &[usize]) -> Vec<Chunk> {
        let limit = self.context.min(self.max_length);
        pack(chunks, limit, |last, next| groups.get(last.sentence) == groups.get(next.sentence) && !next.heads.is_empty())
    }

    /// The sentences the model runs on (all, or those that may hold an entity): their indices,
    /// their words and their groups.
    fn runnable<'a>(&self, sentences: &[Vec<&'a str>], groups: &[usize]) -> (Vec<usize>, Vec<Vec<&'a str>>, Vec<usize>) {
        let run: Vec<usize> = (0..sentences.len()).filter(|&i| !self.skip_plain || may_hold_entity(&sentences[i])).collect();
        let words = run.iter().map(|&i| sentences[i].clone()).collect();
        let run_groups = run.iter().map(|&i| groups[i]).collect();
        (run, words, run_groups)
    }

    /// The sequences the model runs for `sentences`: each encoded (long ones cut), then packed
    /// within `groups` when context is on.
    fn sequences(&self, sentences: &[Vec<&str>], groups: Option<&[usize]>) -> Result<Vec<Chunk>> {
        let chunks: Vec<Vec<Chunk>> =
            sentences.par_iter().enumerate().map(|(i, words)| self.encode_sentence(i, words)).collect::<Result<_>>()?;
        let chunks: Vec<Chunk> = chunks.into_iter().flatten().collect();
        Ok(match groups {
            Some(groups) if self.context > 0 => self.pack(chunks, groups),
            _ => chunks,
        })
    }

    /// Each sentence's word tags and, when type agreement is on (else zeros), each word's
    /// probability mass per entity type.
    fn tag_grouped(&self, sentences: &[Vec<&str>], groups: Option<&[usize]>) -> Result<TagsAndMass> {
        let chunks = self.sequences(sentences, groups)?;
        let mut tags: Vec<Vec<Tag>> = sentences.iter().map(|s| vec![Tag::Outside; s.len()]).collect();
        let mut mass: Vec<Vec<TypeMass>> = sentences.iter().map(|s| vec![[0.0; 4]; s.len()]).collect();
        let mut order: Vec<usize> = (0..chunks.len()).collect();
        order.sort_by_key(|&i| chunks[i].ids.len());
        // The batches depend on the sentences only, never on the thread count, so the output
        // is the same for any number of threads; they run in parallel on the current rayon pool
        // (each matmul on its own worker: see `cli::run::claim_thread_budget`).
        let mut batches: Vec<&[usize]> = Vec::new();
        let budget = (self.batch_size * ROW_PIECES).min(MAX_BATCH_TOKENS);
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len()
                && end - start < self.batch_size
                && (end - start + 1) * chunks[order[end]].ids.len() <= budget
            {
                end += 1;
            }
            batches.push(&order[start..end]);
            start = end;
        }
        // Longest batches first, so the last to finish are short ones.
        let logits: Vec<Vec<Vec<Vec<f32>>>> =
            batches.par_iter().rev().map(|batch| self.batch_logits(batch, &chunks)).collect::<Result<_>>()?;
        for (batch, logits) in batches.iter().rev().zip(&logits) {
            self.read_tags(batch, &chunks, logits, &mut tags);
            if self.agree {
                self.read_mass(batch, &chunks, logits, &mut mass);
            }
        }
        Ok((tags, mass))
    }

    /// The logits of one padded batch: batch x pieces x labels.
    fn batch_logits(&self, batch: &[usize], chunks: &[Chunk]) -> Result<Vec<Vec<Vec<f32>>>> {
        let len = batch.iter().map(|&i| chunks[i].ids.len()).max().unwrap_or(0);
        if len == 0 {
            return Ok(Vec::new());
        }
        let mut ids = vec![self.pad_id; batch.len() * len];
        let mut mask = vec![0f32; batch.len() * len];
        for (b, &ci) in batch.iter().enumerate() {
            let row = &chunks[ci].ids;
            ids[b * len..b * len + row.len()].copy_from_slice(row);
            mask[b * len..b * len + row.len()].fill(1.0);
        }
        let ids = Tensor::from_vec(ids, (batch.len(), len), &self.device)?;
        let mask = Tensor::from_vec(mask, (batch.len(), len), &self.device)?;
        Ok(self.model.forward_t(&ids, &mask, false)?.to_vec3::<f32>()?)
    }

    /// Each batch row's word-head tags into `tags`.
    fn read_tags(&self, batch: &[usize], chunks: &[Chunk], logits: &[Vec<Vec<f32>>], tags: &mut [Vec<Tag>]) {
        for (b, &ci) in batch.iter().enumerate() {
            let chunk = &chunks[ci];
            if self.viterbi {
                let rows: Option<Vec<&[f32]>> =
                    chunk.heads.iter().map(|&(_, _, pos)| logits.get(b).and_then(|r| r.get(pos)).map(Vec::as_slice)).collect();
                if let Some(rows) = rows {
                    let path = super::labels::viterbi_bio(&rows, &self.tags);
                    for (&(sentence, word, _), label) in chunk.heads.iter().zip(path) {
                        if let Some(slot) = tags.get_mut(sentence).and_then(|s| s.get_mut(word)) {
                            *slot = self.tags.get(label).copied().unwrap_or(Tag::Outside);
                        }
                    }
                    continue;
                }
            }
            for &(sentence, word, pos) in &chunk.heads {
                let tag = logits.get(b).and_then(|r| r.get(pos)).map_or(Tag::Outside, |l| self.tag_of(l));
                if let Some(slot) = tags.get_mut(sentence).and_then(|s| s.get_mut(word)) {
                    *slot = tag;
                }
            }
        }
    }

    /// Each batch row's word heads' probability mass per entity type into `mass`.
    fn read_mass(&self, batch: &[usize], chunks: &[Chunk], logits: &[Vec<Vec<f32>>], mass: &mut [Vec<TypeMass>]) {
        for (b, &ci) in batch.iter().enumerate() {
            for &(sentence, word, pos) in &chunks[ci].heads {
                let Some(row) = logits.get(b).and_then(|r| r.get(pos)) else { continue };
                if let Some(slot) = mass.get_mut(sentence).and_then(|s| s.get_mut(word)) {
                    *slot = super::labels::type_mass(row, &self.tags);
                }
            }
        }
    }

    /// The tag of the highest logit; NaN logits are skipped, unknown ids read `O`.
    fn tag_of(&self, logits: &[f32]) -> Tag {
        let mut best: Option<(usize, f32)> = None;
        for (i, &v) in logits.iter().enumerate() {
            if !v.is_nan() && best.is_none_or(|(_, b)| v > b) {
                best = Some((i, v));
            }
        }
        best.and_then(|(i, _)| self.tags.get(i).copied()).unwrap_or(Tag::Outside)
    }

    fn encode(&self, words: &[&str]) -> Result<Encoding> {
        self.tokenizer.encode(words.to_vec(), true).map_err(|e| Error::new(ErrorKind::Tokenizer(e.to_string())))
    }

    /// Encodes one sentence, cut into chunks at word boundaries when it is too long.
    fn encode_sentence(&self, sentence: usize, words: &[&str]) -> Result<Vec<Chunk>> {
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let enc = self.encode(words)?;
        if enc.len() <= self.max_length {
            return Ok(vec![self.chunk(sentence, 0, &enc)]);
        }
        let mut pieces = vec![0usize; words.len()];
        for w in enc.get_word_ids().iter().flatten() {
            if let Some(n) = pieces.get_mut(*w as usize) {
                *n += 1;
            }
        }
        let specials = enc.len().saturating_sub(pieces.iter().sum());
        let budget = self.max_length.saturating_sub(specials).max(1);
        let mut out = Vec::new();
        let mut start = 0;
        while start < words.len() {
            let mut end = start;
            let mut total = 0;
            while end < words.len() && (end == start || total + pieces[end] <= budget) {
                total += pieces[end];
                end += 1;
            }
            out.push(self.chunk(sentence, start, &self.encode(&words[start..end])?));
            start = end;
        }
        Ok(out)
    }

    /// A chunk from an encoding of `words[first_word..]`; an over-long one (a single word of
    /// hundreds of pieces) keeps its head and its last (closing special) piece.
    fn chunk(&self, sentence: usize, first_word: usize, enc: &Encoding) -> Chunk {
        let mut ids = enc.get_ids().to_vec();
        let keep = if ids.len() > self.max_length { self.max_length - 1 } else { ids.len() };
        if ids.len() > self.max_length {
            let last = ids[ids.len() - 1];
            ids.truncate(keep);
            ids.push(last);
        }
        let mut heads = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (pos, w) in enc.get_word_ids().iter().enumerate().take(keep) {
            if let Some(w) = w {
                if seen.insert(*w) {
                    heads.push((sentence, first_word + *w as usize, pos));
                }
            }
        }
        let special = enc.get_special_tokens_mask();
        let lead = special.iter().take_while(|&&m| m == 1).count().min(ids.len());
        let trail = if ids.len() > lead && special.last() == Some(&1) { 1 } else { 0 };
        Chunk { sentence, ids, heads, specials: (lead, trail) }
    }
}

/// The word tokens of each sentence of `doc`, checked against the text.
fn sentence_words(doc: &Document) -> Result<Vec<(&[Token], Vec<&str>)>> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let (a, b) = sentence.tokens;
        let tokens = doc.tokens.get(a..b).ok_or_else(|| {
            Error::invalid(format!("{}: sentence {i} has tokens {a}..{b} of {}", doc.id, doc.tokens.len()))
        })?;
        let words = tokens
            .iter()
            .map(|t| {
                doc.text.get(t.span.range()).ok_or_else(|| {
                    Error::invalid(format!("{}: token span {:?} is not inside the text", doc.id, t.span))
                })
            })
            .collect::<Result<Vec<&str>>>()?;
        out.push((tokens, words));
    }
    Ok(out)
}

/// False for a sentence that cannot hold a (CoNLL-style, capitalised) entity: no word with a
/// capital but the first, and that first word a function word (`crate::data::text::
/// FUNCTION_WORD_STARTS`: `De`, `Het`, `Volgens`, ...). About a fifth of the words of real news
/// stand in such sentences.
pub fn may_hold_entity(words: &[&str]) -> bool {
    let capital = |w: &&str| w.chars().any(char::is_uppercase);
    match words.split_first() {
        None => false,
        Some((first, rest)) => rest.iter().any(capital) || (capital(first) && !crate::data::text::FUNCTION_WORD_STARTS.contains(first)),
    }
}

impl EntityRecognizer for TransformerNer {
    fn name(&self) -> &'static str {
        "transformer"
    }

    /// Reads `sentences` and `tokens`; returns entities in text order, each over whole tokens.
    fn recognize(&self, doc: &Document) -> Result<Vec<Entity>> {
        Ok(self.recognize_batch(&[doc])?.pop().unwrap_or_default())
    }

    /// Batches the sentences of all documents together.
    fn recognize_batch(&self, docs: &[&Document]) -> Result<Vec<Vec<Entity>>> {
        let per_doc = docs.iter().map(|d| sentence_words(d)).collect::<Result<Vec<_>>>()?;
        let (all_words, doc_ids, groups) = words_and_groups(docs, &per_doc);
        let all_tags = self.tag_documents(&all_words, &doc_ids, &groups)?;
        let mut tags = all_tags.into_iter();
        Ok(per_doc
            .iter()
            .map(|sentences| {
                sentences
                    .iter()
                    .flat_map(|(tokens, _)| entities_from_tags(tokens, &tags.next().unwrap_or_default()))
                    .collect()
            })
            .collect())
    }

    /// The length in pieces (special tokens included) of each sequence the model runs for
    /// `docs`: after leaving out plain sentences (when set) and cutting long ones. For counting
    /// the model's work (`meelezer bench`).
    fn sequence_lengths(&self, docs: &[&Document]) -> Option<Result<Vec<usize>>> {
        let lengths = || -> Result<Vec<usize>> {
            let per_doc = docs.iter().map(|d| sentence_words(d)).collect::<Result<Vec<_>>>()?;
            let (all_words, _, groups) = words_and_groups(docs, &per_doc);
            let (_, to_run, run_groups) = self.runnable(&all_words, &groups);
            Ok(self.sequences(&to_run, Some(&run_groups))?.iter().map(|c| c.ids.len()).collect())
        };
        Some(lengths())
    }
}

/// Every sentence's words, in document order, its document and its group: sentences share a
/// sequence (context) only within one paragraph of one document.
#[allow(clippy::type_complexity)]
fn words_and_groups<'a>(
    docs: &[&Document],
    per_doc: &[Vec<(&[Token], Vec<&'a str>)>],
) -> (Vec<Vec<&'a str>>, Vec<usize>, Vec<usize>) {
    let words = per_doc.iter().flatten().map(|(_, w)| w.clone()).collect();
    let doc_ids = per_doc.iter().enumerate().flat_map(|(d, sentences)| std::iter::repeat_n(d, sentences.len())).collect();
    let mut groups = Vec::new();
    let mut group = 0;
    for doc in docs {
        let mut last = None;
        for s in &doc.sentences {
            if last.is_some_and(|p| p != s.paragraph) {
                group += 1;
            }
            last = Some(s.paragraph);
            groups.push(group);
        }
        group += 1;
    }
    (words, doc_ids, groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{EntityType, Stage};
    use crate::ner::model_dir::testing;
    use candle_core::DType;

    fn segmented(text: &str) -> Document {
        let mut doc = Document::from_text("t", text.to_string()).unwrap();
        crate::text::Segmenter::default().process(&mut doc).unwrap();
        doc
    }

    #[test]
    fn tiny_random_model_loads_and_predicts_whole_token_spans() {
        let dir = tempfile::tempdir().unwrap();
        // The head's bias makes every word I-LOC (label 6): a run of I- with no B- must still
        // come out as one entity per sentence, covering whole tokens.
        testing::write(dir.path(), 64, 6, DType::F16);
        let ner = TransformerNer::load(dir.path()).unwrap();
        let text = "De politie in Amsterdam heeft Ennetcom gekraakt. Jan Jansen zegt dat, in Rotterdam!";
        let doc = segmented(text);
        let ents = ner.recognize(&doc).unwrap();
        assert_eq!(ents.len(), doc.sentences.len());
        for (e, s) in ents.iter().zip(&doc.sentences) {
            assert_eq!(e.label, EntityType::Loc);
            let toks = doc.sentence_tokens(s);
            assert_eq!(e.span, toks[0].span.cover(toks[toks.len() - 1].span));
            assert_eq!(&text[e.span], text[s.span].trim_end());
        }
        // Batching across documents gives the same answer.
        let other = segmented("Rotterdam.");
        let both = ner.recognize_batch(&[&doc, &other]).unwrap();
        assert_eq!(both[0], ents);
        assert_eq!(&other.text[both[1][0].span], "Rotterdam.");
        // An empty document is no error.
        assert!(ner.recognize(&Document::default()).unwrap().is_empty());
    }

    #[test]
    fn long_sentences_are_chunked_at_word_boundaries() {
        let dir = tempfile::tempdir().unwrap();
        testing::write(dir.path(), 16, 1, DType::F32);
        let ner = TransformerNer::load(dir.path()).unwrap().with_batch_size(3);
        assert_eq!(ner.max_length(), 16);
        // 40 words, `Amsterdam` is three pieces: far more than 16 positions.
        let words: Vec<&str> = ["de", "Amsterdam", "politie", "Rotterdam"].iter().cycle().take(40).copied().collect();
        let tags = ner.tag_sentences(&[words.clone(), vec![], vec!["Jan"]]).unwrap();
        assert_eq!(tags[0].len(), 40);
        assert!(tags[0].iter().all(|t| *t == Tag::Begin(EntityType::Per)));
        assert!(tags[1].is_empty());
        assert_eq!(tags[2], [Tag::Begin(EntityType::Per)]);
        let chunks = ner.encode_sentence(0, &words).unwrap();
        assert!(chunks.len() > 3 && chunks.iter().all(|c| c.ids.len() <= 16));
        let heads: Vec<usize> = chunks.iter().flat_map(|c| c.heads.iter().map(|h| h.1)).collect();
        assert_eq!(heads, (0..40).collect::<Vec<_>>());
    }

    /// With context, consecutive sentences of one document share a sequence: one opening and
    /// one closing special piece, every word head on its own first piece; a new document, or a
    /// sequence that would pass the limit, starts a new chunk. The tags come back per sentence.
    #[test]
    fn context_packs_sentences_of_one_document() {
        let dir = tempfile::tempdir().unwrap();
        testing::write(dir.path(), 64, 1, DType::F32);
        let ner = TransformerNer::load(dir.path()).unwrap().with_context(20).with_skip_plain(false);
        let sentences: Vec<Vec<&str>> =
            vec![vec!["de", "politie"], vec!["in", "Amsterdam"], vec!["Jan"], vec!["de", "Rotterdam", "politie", "in", "Amsterdam"]];
        let groups = [0, 0, 0, 1];
        let single = ner_chunks(&ner, &sentences);
        let packed = ner.pack(ner_chunks(&ner, &sentences), &groups);
        assert_eq!(packed.len(), 2);
        let first = &packed[0];
        assert_eq!(first.ids.len(), single[..3].iter().map(|c| c.ids.len() - 2).sum::<usize>() + 2);
        assert_eq!((first.ids[0], *first.ids.last().unwrap()), (single[0].ids[0], *single[0].ids.last().unwrap()));
        for &(sentence, word, pos) in &first.heads {
            let own = &single[sentence];
            let own_pos = own.heads.iter().find(|h| h.1 == word).unwrap().2;
            assert_eq!(first.ids[pos], own.ids[own_pos], "sentence {sentence} word {word}");
        }
        assert_eq!(packed[1].heads.len(), 5);
        // A limit too small for two sentences keeps them apart.
        let tight = TransformerNer::load(dir.path()).unwrap().with_context(5);
        assert_eq!(tight.pack(ner_chunks(&tight, &sentences), &groups).len(), 4);
        let tags = ner.tag_documents(&sentences, &groups, &groups).unwrap();
        assert_eq!(tags.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1, 5]);
        assert!(ner.tag_documents(&sentences, &groups, &[0]).is_err());
        assert!(ner.tag_documents(&sentences, &[0], &groups).is_err());
    }

    /// In the pipeline, context stays within a paragraph of a document.
    #[test]
    fn groups_are_paragraphs_of_documents() {
        let docs: Vec<Document> = ["Jan zegt het. Piet ook.\n\nDe politie zegt niets.", "Jan zegt het."]
            .iter()
            .map(|t| segmented(t))
            .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let per_doc = refs.iter().map(|d| sentence_words(d)).collect::<Result<Vec<_>>>().unwrap();
        let (words, doc_ids, groups) = words_and_groups(&refs, &per_doc);
        assert_eq!(words.len(), 4);
        assert_eq!(doc_ids, [0, 0, 0, 1]);
        assert_eq!(groups, [0, 0, 1, 2]);
    }

    fn ner_chunks(ner: &TransformerNer, sentences: &[Vec<&str>]) -> Vec<Chunk> {
        sentences.iter().enumerate().flat_map(|(i, w)| ner.encode_sentence(i, w).unwrap()).collect()
    }

    #[test]
    fn xlm_roberta_layout_loads_and_uses_offset_positions() {
        let dir = tempfile::tempdir().unwrap();
        // 18 positions minus the offset of pad + 1 = 1 (pad id 0 in this tiny config).
        testing::write_xlmr(dir.path(), 18, 3);
        let folder = ModelFolder::open(dir.path()).unwrap();
        assert_eq!(folder.prefix, "roberta.");
        assert_eq!(folder.config.position_offset(), 1);
        let ner = TransformerNer::from_folder(folder).unwrap();
        assert_eq!(ner.max_length(), 17);
        let words: Vec<&str> = ["Ennetcom", "Amsterdam"].iter().cycle().take(30).copied().collect();
        let tags = ner.tag_sentences(&[words]).unwrap();
        assert!(tags[0].iter().all(|t| *t == Tag::Begin(EntityType::Org)));
    }

    /// With the real XLM-R/e5 Metaspace tokenizer, pre-split words each start with a `▁` piece
    /// and word ids count our words (skipped when ../shared is absent).
    #[test]
    fn metaspace_tokenizer_keeps_word_ids() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/models/base/tokenizer.json");
        if !path.exists() {
            eprintln!("skipped: {} not found", path.display());
            return;
        }
        let tok = crate::ner::model_dir::read_tokenizer(&path).unwrap();
        let words = vec!["Exclu-gebruikers", "zo'n", "50.000", "Californië", ".", "EncroChat"];
        let enc = tok.encode(words.clone(), true).unwrap();
        let mut firsts = Vec::new();
        for (i, (w, piece)) in enc.get_word_ids().iter().zip(enc.get_tokens()).enumerate() {
            if let Some(w) = w {
                if firsts.len() == *w as usize {
                    firsts.push(i);
                    assert!(piece.starts_with('\u{2581}'), "word {w} starts with piece {piece:?}");
                }
            }
        }
        assert_eq!(firsts.len(), words.len());
        assert_eq!(enc.get_tokens()[0], "<s>");
    }

    #[test]
    fn odd_logits_never_panic() {
        let dir = tempfile::tempdir().unwrap();
        testing::write(dir.path(), 64, 0, DType::F32);
        let ner = TransformerNer::load(dir.path()).unwrap();
        assert_eq!(ner.tag_of(&[f32::NAN, f32::NAN]), Tag::Outside);
        assert_eq!(ner.tag_of(&[f32::NAN, 1.0, 0.5]), Tag::Begin(EntityType::Per));
        assert_eq!(ner.tag_of(&[]), Tag::Outside);
        let mut many = vec![0.0; 20];
        many[15] = 1.0; // an id beyond the 9 labels
        assert_eq!(ner.tag_of(&many), Tag::Outside);
        // A document whose sentence points past its tokens is an error, not a panic.
        let mut doc = segmented("De politie.");
        doc.sentences[0].tokens.1 = 99;
        assert!(ner.recognize(&doc).is_err());
    }
}

#[cfg(test)]
mod skip_tests {
    use super::may_hold_entity;

    #[test]
    fn only_sentences_without_a_possible_name_are_left_out() {
        assert!(!may_hold_entity(&["De", "politie", "las", "maandenlang", "mee", "."]));
        assert!(!may_hold_entity(&["Volgens", "justitie", "klopt", "het", "."]));
        assert!(!may_hold_entity(&[]));
        assert!(may_hold_entity(&["De", "politie", "las", "mee", "met", "Exclu", "."]));
        assert!(may_hold_entity(&["Amsterdam", "was", "het", "centrum", "."]));
        assert!(may_hold_entity(&["Kraag", "zegt", "het", "."]));
    }
}
