//! A model folder in the Hugging Face layout: `config.json`, `tokenizer.json`, `model.safetensors`
//! (f32, f16 or bf16; converted to f32 on load). Reading, and writing for the importer and tests.

use super::config::ModelConfig;
use crate::error::{Error, ErrorKind, Result};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tokenizers::Tokenizer;

pub const CONFIG_FILE: &str = "config.json";
pub const TOKENIZER_FILE: &str = "tokenizer.json";
pub const WEIGHTS_FILE: &str = "model.safetensors";

const WORD_EMBEDDINGS: &str = "embeddings.word_embeddings.weight";

/// A loaded model folder: config, tokenizer and f32 weights, with the encoder's name prefix.
pub struct ModelFolder {
    pub dir: PathBuf,
    pub config: ModelConfig,
    pub tokenizer: Tokenizer,
    pub tensors: HashMap<String, Tensor>,
    /// Where the encoder's tensors live: `bert.`, `roberta.` or `` (a bare encoder).
    pub prefix: String,
}

impl ModelFolder {
    /// Reads the three files; errors name the file that failed.
    pub fn open(dir: &Path) -> Result<ModelFolder> {
        let config = ModelConfig::from_file(&dir.join(CONFIG_FILE))?;
        let tokenizer = read_tokenizer(&dir.join(TOKENIZER_FILE))?;
        let weights = dir.join(WEIGHTS_FILE);
        if !weights.exists() && dir.join("pytorch_model.bin").exists() {
            return Err(Error::model(
                "only pytorch_model.bin is here; this engine reads model.safetensors (convert with transformers' save_pretrained(safe_serialization=True))",
            )
            .in_file(&weights));
        }
        let tensors = read_safetensors(&weights)?;
        let prefix = encoder_prefix(&tensors).map_err(|e| e.in_file(&weights))?;
        Ok(ModelFolder { dir: dir.to_path_buf(), config, tokenizer, tensors, prefix })
    }

    /// True when the folder has a `classifier.weight` (a token-classification model).
    pub fn has_head(&self) -> bool {
        self.tensors.contains_key("classifier.weight")
    }

    /// A `VarBuilder` over all weights at the root (take `.pp(prefix)` for the encoder).
    pub fn var_builder(&self) -> VarBuilder<'static> {
        VarBuilder::from_tensors(self.tensors.clone(), DType::F32, &Device::Cpu)
    }

    /// The `VarBuilder` scoped to the encoder.
    pub fn encoder_var_builder(&self) -> VarBuilder<'static> {
        let vb = self.var_builder();
        match self.prefix.strip_suffix('.') {
            Some(p) => vb.pp(p),
            None => vb,
        }
    }
}

/// Finds the encoder prefix from the word-embedding tensor's name.
fn encoder_prefix(tensors: &HashMap<String, Tensor>) -> Result<String> {
    let mut found: Vec<&str> = tensors
        .keys()
        .filter_map(|k| k.strip_suffix(WORD_EMBEDDINGS))
        .filter(|p| p.is_empty() || p.ends_with('.'))
        .collect();
    found.sort();
    match found.as_slice() {
        [p] => Ok(p.to_string()),
        [] => Err(Error::model(format!("no tensor named {WORD_EMBEDDINGS} (with or without a bert./roberta. prefix)"))),
        many => Err(Error::model(format!("several encoders in one file (prefixes {many:?})"))),
    }
}

/// Reads a tokenizer file, with any padding or truncation it carries switched off (the
/// recognizer pads and chunks itself).
pub fn read_tokenizer(path: &Path) -> Result<Tokenizer> {
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
    let mut tokenizer =
        Tokenizer::from_bytes(&bytes).map_err(|e| Error::new(ErrorKind::Tokenizer(e.to_string())).in_file(path))?;
    tokenizer.with_padding(None);
    tokenizer
        .with_truncation(None)
        .map_err(|e| Error::new(ErrorKind::Tokenizer(e.to_string())).in_file(path))?;
    Ok(tokenizer)
}

/// Reads a safetensors file into f32 tensors on the CPU. Float tensors of any width become f32;
/// integer buffers (the `position_ids` some checkpoints carry) are dropped.
pub fn read_safetensors(path: &Path) -> Result<HashMap<String, Tensor>> {
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
    let raw = candle_core::safetensors::load_buffer(&bytes, &Device::Cpu).map_err(|e| Error::from(e).in_file(path))?;
    let mut out = HashMap::with_capacity(raw.len());
    for (name, t) in raw {
        let t = match t.dtype() {
            DType::F32 => t,
            DType::F16 | DType::BF16 | DType::F64 => t.to_dtype(DType::F32).map_err(|e| Error::from(e).in_file(path))?,
            _ => continue,
        };
        out.insert(name, t);
    }
    Ok(out)
}

/// Writes a model folder: `config.json`, `tokenizer.json` (bytes as given) and
/// `model.safetensors` with every tensor cast to `dtype`. Creates `dir` if needed.
pub fn write_model_folder(
    dir: &Path,
    config: &ModelConfig,
    tokenizer_json: &[u8],
    tensors: &HashMap<String, Tensor>,
    dtype: DType,
) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::from(e).in_file(dir))?;
    let config_path = dir.join(CONFIG_FILE);
    let json = serde_json::to_string_pretty(&config.to_json())?;
    std::fs::write(&config_path, json + "\n").map_err(|e| Error::from(e).in_file(&config_path))?;
    let tok_path = dir.join(TOKENIZER_FILE);
    std::fs::write(&tok_path, tokenizer_json).map_err(|e| Error::from(e).in_file(&tok_path))?;
    let weights = dir.join(WEIGHTS_FILE);
    let cast: HashMap<&str, Tensor> = tensors
        .iter()
        .map(|(k, t)| Ok((k.as_str(), t.to_dtype(dtype)?)))
        .collect::<Result<_>>()?;
    candle_core::safetensors::save(&cast, &weights).map_err(|e| Error::from(e).in_file(&weights))?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod testing {
    //! A tiny random BERT token classifier with a hand-made WordPiece tokenizer, for tests.

    use super::*;
    use serde_json::json;

    /// Word-piece vocabulary of the tiny tokenizer: enough to split `Amsterdam` and leave
    /// `Rotterdam` unknown.
    pub const VOCAB: &[&str] = &[
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "de", "politie", "in", "Am", "##ster", "##dam", "heeft", "Ennetcom",
        "gekraakt", ".", ",", "Jan", "Jansen", "zegt", "dat", "het", "##s",
    ];

    pub const LABELS: &[&str] = crate::ner::labels::CONLL2002_LABELS;

    pub fn tokenizer_json() -> String {
        let vocab: serde_json::Map<String, serde_json::Value> =
            VOCAB.iter().enumerate().map(|(i, w)| (w.to_string(), json!(i))).collect();
        json!({
            "version": "1.0",
            "truncation": null,
            "padding": null,
            "added_tokens": [
                {"id": 0, "content": "[PAD]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 1, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 2, "content": "[CLS]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 3, "content": "[SEP]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
            ],
            "normalizer": null,
            "pre_tokenizer": {"type": "BertPreTokenizer"},
            "post_processor": {
                "type": "TemplateProcessing",
                "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                "special_tokens": {
                    "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                    "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}
                }
            },
            "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": vocab}
        })
        .to_string()
    }

    /// A tiny config: hidden 32, 2 layers, 2 heads, `max_position_embeddings` positions.
    pub fn config(max_position_embeddings: usize) -> ModelConfig {
        ModelConfig::from_json(
            &json!({
                "model_type": "bert", "vocab_size": VOCAB.len(), "hidden_size": 32, "num_hidden_layers": 2,
                "num_attention_heads": 2, "intermediate_size": 64, "max_position_embeddings": max_position_embeddings,
                "type_vocab_size": 2, "pad_token_id": 0,
                "id2label": LABELS.iter().enumerate().map(|(i, l)| (i.to_string(), *l)).collect::<HashMap<_, _>>()
            })
            .to_string(),
        )
        .unwrap()
    }

    /// Random weights under Hugging Face names, `bert.` prefix, with a head whose bias favours
    /// `bias_label` strongly (so predictions are known).
    pub fn tensors(config: &ModelConfig, bias_label: usize) -> HashMap<String, Tensor> {
        let varmap = candle_nn::VarMap::new();
        let vb = VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu);
        crate::ner::bert::TokenClassifier::load(config, vb.pp("bert"), vb.clone(), None).unwrap();
        let mut tensors: HashMap<String, Tensor> =
            varmap.data().lock().unwrap().iter().map(|(k, v)| (k.clone(), v.as_tensor().clone())).collect();
        let mut bias = vec![0f32; config.labels.len()];
        bias[bias_label] = 100.0;
        tensors.insert("classifier.bias".into(), Tensor::new(bias, &Device::Cpu).unwrap());
        tensors
    }

    /// The tiny model as XLM-RoBERTa: `roberta.` prefix, positions from `pad + 1 = 1` (pad id
    /// 0 here), one token type.
    pub fn write_xlmr(dir: &Path, max_position_embeddings: usize, bias_label: usize) {
        let mut v = config(max_position_embeddings).to_json();
        v["model_type"] = json!("xlm-roberta");
        v["type_vocab_size"] = json!(1);
        let config = ModelConfig::from_json(&v.to_string()).unwrap();
        let varmap = candle_nn::VarMap::new();
        let vb = VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu);
        crate::ner::bert::TokenClassifier::load(&config, vb.pp("roberta"), vb.clone(), None).unwrap();
        let mut tensors: HashMap<String, Tensor> =
            varmap.data().lock().unwrap().iter().map(|(k, v)| (k.clone(), v.as_tensor().clone())).collect();
        let mut bias = vec![0f32; config.labels.len()];
        bias[bias_label] = 100.0;
        tensors.insert("classifier.bias".into(), Tensor::new(bias, &Device::Cpu).unwrap());
        write_model_folder(dir, &config, tokenizer_json().as_bytes(), &tensors, DType::BF16).unwrap();
    }

    /// Writes the tiny model to `dir` with weights stored as `dtype`.
    pub fn write(dir: &Path, max_position_embeddings: usize, bias_label: usize, dtype: DType) {
        let config = config(max_position_embeddings);
        write_model_folder(dir, &config, tokenizer_json().as_bytes(), &tensors(&config, bias_label), dtype).unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_a_folder_in_each_dtype() {
        for dtype in [DType::F32, DType::F16, DType::BF16] {
            let dir = tempfile::tempdir().unwrap();
            testing::write(dir.path(), 64, 0, dtype);
            let folder = ModelFolder::open(dir.path()).unwrap();
            assert_eq!(folder.prefix, "bert.");
            assert!(folder.has_head());
            let w = &folder.tensors["bert.embeddings.word_embeddings.weight"];
            assert_eq!((w.dtype(), w.dims()), (DType::F32, &[testing::VOCAB.len(), 32][..]));
        }
    }

    #[test]
    fn missing_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let err = ModelFolder::open(dir.path()).err().unwrap().to_string();
        assert!(err.contains("config.json: cannot read"), "{err}");
        testing::write(dir.path(), 64, 0, DType::F32);
        std::fs::remove_file(dir.path().join(WEIGHTS_FILE)).unwrap();
        let err = ModelFolder::open(dir.path()).err().unwrap().to_string();
        assert!(err.contains("model.safetensors: cannot read"), "{err}");
    }
}
