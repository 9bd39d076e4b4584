//! Vocabulary pruning, to ship a small model: keep only the sub-word pieces some Dutch text
//! uses (plus every single-character piece, the special tokens and the added tokens), slice the
//! word-embedding matrix to them, and rewrite the Unigram `tokenizer.json` with ids remapped.
//!
//! Unigram segmentation picks the best-scoring path over the vocabulary; removing pieces that
//! are on no chosen path leaves every chosen path optimal, so text the kept set was collected
//! from segments exactly as before. Other text may segment differently but never into unknown
//! pieces, because every single character the base model knows is kept.

use crate::ner::model_dir::{write_model_folder, ModelFolder, TOKENIZER_FILE};
use crate::error::{Error, ErrorKind, Result};
use crate::Stage;
use candle_core::{DType, Tensor};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use tokenizers::Tokenizer;

/// Collects the piece ids a tokenizer produces, from pre-split sentences and raw texts.
#[derive(Debug, Default, Clone)]
pub struct PieceCollector {
    pub ids: BTreeSet<u32>,
}

impl PieceCollector {
    /// Pieces of one sentence given as words (how the recognizer feeds the model).
    pub fn add_words(&mut self, tokenizer: &Tokenizer, words: &[&str]) -> Result<()> {
        if words.is_empty() {
            return Ok(());
        }
        let enc = tokenizer.encode(words.to_vec(), true).map_err(|e| Error::new(ErrorKind::Tokenizer(e.to_string())))?;
        self.ids.extend(enc.get_ids());
        Ok(())
    }

    /// Pieces of a raw text: segmented by the crate's [`crate::text::Segmenter`] and fed
    /// sentence by sentence as words, and also each line as plain text.
    pub fn add_text(&mut self, tokenizer: &Tokenizer, text: &str) -> Result<()> {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let enc = tokenizer.encode(line, true).map_err(|e| Error::new(ErrorKind::Tokenizer(e.to_string())))?;
            self.ids.extend(enc.get_ids());
        }
        let Ok(mut doc) = crate::Document::from_text("corpus", text.to_string()) else { return Ok(()) };
        crate::text::Segmenter::default().process(&mut doc)?;
        for s in &doc.sentences {
            let words: Vec<&str> = doc.sentence_tokens(s).iter().filter_map(|t| doc.text.get(t.span.range())).collect();
            self.add_words(tokenizer, &words)?;
        }
        Ok(())
    }
}

/// What [`prune_model`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PruneReport {
    pub vocab_before: usize,
    pub vocab_after: usize,
    /// Of those kept, how many only because they are single characters.
    pub single_chars: usize,
}

/// The Unigram vocabulary (`model.vocab`, `[piece, score]` pairs) of a tokenizer JSON.
fn unigram_vocab(json: &Value) -> Result<&Vec<Value>> {
    if json["model"]["type"] != "Unigram" {
        return Err(Error::model(format!("only Unigram tokenizers can be pruned, this one is {}", json["model"]["type"])));
    }
    json["model"]["vocab"].as_array().ok_or_else(|| Error::field("model.vocab", "is not a list"))
}

/// Rewrites a Unigram tokenizer JSON to the pieces `kept` (old ids, ascending); returns the new
/// JSON. Special-token ids in `added_tokens`, `model.unk_id` and the post-processor follow.
pub fn prune_tokenizer_json(json: &Value, kept: &[u32]) -> Result<Value> {
    let vocab = unigram_vocab(json)?;
    let new_id: HashMap<u64, u64> = kept.iter().enumerate().map(|(n, &o)| (o as u64, n as u64)).collect();
    let remap = |old: &Value, what: &str| -> Result<Value> {
        let o = old.as_u64().ok_or_else(|| Error::field(what, "is not an id"))?;
        new_id.get(&o).map(|&n| Value::from(n)).ok_or_else(|| Error::field(what, format!("id {o} is not kept")))
    };
    let mut out = json.clone();
    out["model"]["vocab"] = Value::Array(
        kept.iter()
            .map(|&i| vocab.get(i as usize).cloned().ok_or_else(|| Error::model(format!("piece id {i} beyond the vocabulary"))))
            .collect::<Result<_>>()?,
    );
    if !json["model"]["unk_id"].is_null() {
        out["model"]["unk_id"] = remap(&json["model"]["unk_id"], "model.unk_id")?;
    }
    if let Some(added) = out["added_tokens"].as_array_mut() {
        for t in added {
            t["id"] = remap(&t["id"], "added_tokens.id")?;
        }
    }
    let post = &mut out["post_processor"];
    match post["type"].as_str() {
        None => {}
        Some("TemplateProcessing") => {
            if let Some(specials) = post["special_tokens"].as_object_mut() {
                for t in specials.values_mut() {
                    if let Some(ids) = t["ids"].as_array_mut() {
                        for id in ids {
                            *id = remap(id, "post_processor.special_tokens.ids")?;
                        }
                    }
                }
            }
        }
        Some("RobertaProcessing" | "BertProcessing") => {
            for key in ["sep", "cls"] {
                post[key][1] = remap(&post[key][1], "post_processor sep/cls")?;
            }
        }
        Some(other) => return Err(Error::model(format!("cannot remap ids in a {other} post-processor"))),
    }
    Ok(out)
}

/// Writes a pruned copy of the model folder `src` to `dest`, keeping the pieces in `used` plus
/// the special, added and single-character pieces, with weights stored as `dtype`.
pub fn prune_model(src: &Path, dest: &Path, used: &BTreeSet<u32>, dtype: DType) -> Result<PruneReport> {
    let folder = ModelFolder::open(src)?;
    let tok_path = src.join(TOKENIZER_FILE);
    let bytes = std::fs::read(&tok_path).map_err(|e| Error::from(e).in_file(&tok_path))?;
    let json: Value = serde_json::from_slice(&bytes).map_err(|e| Error::from(e).in_file(&tok_path))?;
    let vocab = unigram_vocab(&json).map_err(|e| e.in_file(&tok_path))?;
    let mut keep: BTreeSet<u32> = used.iter().copied().filter(|&i| (i as usize) < vocab.len()).collect();
    let mut single_chars = 0;
    for (i, piece) in vocab.iter().enumerate() {
        let p = piece[0].as_str().unwrap_or("");
        if p.chars().count() == 1 && keep.insert(i as u32) {
            single_chars += 1;
        }
    }
    for t in json["added_tokens"].as_array().into_iter().flatten() {
        if let Some(id) = t["id"].as_u64() {
            keep.insert(id as u32);
        }
    }
    for id in [json["model"]["unk_id"].as_u64(), Some(folder.config.pad_token_id as u64)].into_iter().flatten() {
        keep.insert(id as u32);
    }
    let kept: Vec<u32> = keep.into_iter().collect();
    // Ids below the pad id must stay put: XLM-R position ids start at pad + 1.
    if kept.get(folder.config.pad_token_id as usize) != Some(&folder.config.pad_token_id) {
        return Err(Error::model("pruning would move the padding id; keep every id below it"));
    }
    let new_json = prune_tokenizer_json(&json, &kept).map_err(|e| e.in_file(&tok_path))?;
    let name = format!("{}embeddings.word_embeddings.weight", folder.prefix);
    let words = folder.tensors.get(&name).ok_or_else(|| Error::model(format!("no {name}")))?;
    let index = Tensor::new(kept.as_slice(), words.device())?;
    let mut tensors = folder.tensors.clone();
    tensors.insert(name, words.index_select(&index, 0)?);
    let mut config = folder.config.clone();
    config.vocab_size = kept.len();
    let text = serde_json::to_string(&new_json)?;
    // The rewritten tokenizer must load.
    Tokenizer::from_bytes(text.as_bytes()).map_err(|e| Error::new(ErrorKind::Tokenizer(e.to_string())).in_file(&tok_path))?;
    write_model_folder(dest, &config, text.as_bytes(), &tensors, dtype)?;
    Ok(PruneReport { vocab_before: vocab.len(), vocab_after: kept.len(), single_chars })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn unigram_json() -> Value {
        json!({
            "version": "1.0", "truncation": null, "padding": null,
            "added_tokens": [
                {"id": 0, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 1, "content": "<pad>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 2, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 3, "content": "<unk>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
            ],
            "normalizer": null,
            "pre_tokenizer": {"type": "Metaspace", "replacement": "\u{2581}", "add_prefix_space": true},
            "post_processor": {"type": "TemplateProcessing",
                "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                "special_tokens": {"<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]}, "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]}}},
            "decoder": {"type": "Metaspace", "replacement": "\u{2581}", "add_prefix_space": true},
            "model": {"type": "Unigram", "unk_id": 3, "vocab": [
                ["<s>", 0.0], ["<pad>", 0.0], ["</s>", 0.0], ["<unk>", 0.0],
                ["\u{2581}", -2.0], ["\u{2581}politie", -5.0], ["\u{2581}huis", -6.0], ["\u{2581}hond", -6.0],
                ["p", -4.0], ["o", -4.0], ["l", -4.0], ["i", -4.0], ["t", -4.0], ["e", -4.0], ["h", -4.0], ["u", -4.0],
                ["s", -4.0], ["n", -4.0], ["d", -4.0], ["\u{2581}po", -7.0]
            ]}
        })
    }

    #[test]
    fn pruned_tokenizer_segments_collected_text_the_same_and_nothing_becomes_unknown() {
        let json = unigram_json();
        let full = Tokenizer::from_bytes(json.to_string().as_bytes()).unwrap();
        let mut c = PieceCollector::default();
        c.add_words(&full, &["politie", "huis"]).unwrap();
        // Keep what the collector saw plus specials and single characters, as prune_model does.
        let vocab = unigram_vocab(&json).unwrap();
        let mut keep = c.ids.clone();
        keep.extend(0..4);
        keep.extend((0..vocab.len() as u32).filter(|&i| vocab[i as usize][0].as_str().unwrap().chars().count() == 1));
        let kept: Vec<u32> = keep.into_iter().collect();
        assert!(!kept.contains(&7) && !kept.contains(&19), "hond and po are unused");
        let pruned_json = prune_tokenizer_json(&json, &kept).unwrap();
        let pruned = Tokenizer::from_bytes(pruned_json.to_string().as_bytes()).unwrap();
        let a = full.encode(vec!["politie", "huis"], true).unwrap();
        let b = pruned.encode(vec!["politie", "huis"], true).unwrap();
        assert_eq!(a.get_tokens(), b.get_tokens());
        let remapped: Vec<u32> = a.get_ids().iter().map(|i| kept.iter().position(|k| k == i).unwrap() as u32).collect();
        assert_eq!(b.get_ids(), remapped.as_slice());
        // An unseen word falls back to single characters, not <unk>.
        let h = pruned.encode(vec!["hond"], true).unwrap();
        assert!(!h.get_tokens().contains(&"<unk>".to_string()), "{:?}", h.get_tokens());
        assert_eq!(pruned_json["model"]["unk_id"], 3);
    }

    #[test]
    fn refuses_other_tokenizer_models() {
        let mut json = unigram_json();
        json["model"]["type"] = json!("WordPiece");
        assert!(prune_tokenizer_json(&json, &[0, 1, 2, 3]).unwrap_err().to_string().contains("Unigram"));
    }
}
