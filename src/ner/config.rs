//! A model folder's `config.json`: architecture (BERT or XLM-RoBERTa), sizes, and the label set.

use crate::error::{Error, Result};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// How the encoder numbers positions and names its tensors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Architecture {
    /// BERT: positions count from 0; tensors under `bert.` in task checkpoints.
    Bert,
    /// RoBERTa / XLM-RoBERTa / CamemBERT: positions start at `pad_token_id + 1`; tensors under
    /// `roberta.`.
    Roberta,
}

impl Architecture {
    /// Maps a Hugging Face `model_type`.
    pub fn from_model_type(model_type: &str) -> Option<Architecture> {
        match model_type.to_ascii_lowercase().replace('_', "-").as_str() {
            "bert" => Some(Architecture::Bert),
            "roberta" | "xlm-roberta" | "camembert" => Some(Architecture::Roberta),
            _ => None,
        }
    }
}

/// The feed-forward activation (`hidden_act`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// `gelu`: the exact, erf-based GELU.
    Gelu,
    /// `gelu_new`, `gelu_pytorch_tanh`: the tanh approximation.
    GeluTanh,
    Relu,
}

impl Activation {
    fn parse(s: &str) -> Option<Activation> {
        match s {
            "gelu" => Some(Activation::Gelu),
            "gelu_new" | "gelu_pytorch_tanh" | "gelu_fast" => Some(Activation::GeluTanh),
            "relu" => Some(Activation::Relu),
            _ => None,
        }
    }

    fn as_str(&self) -> &'static str {
        match self {
            Activation::Gelu => "gelu",
            Activation::GeluTanh => "gelu_new",
            Activation::Relu => "relu",
        }
    }
}

/// The fields of `config.json` this engine uses, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelConfig {
    /// The `model_type` as written (`bert`, `xlm-roberta`, ...).
    pub model_type: String,
    pub architecture: Architecture,
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub hidden_act: Activation,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
    pub pad_token_id: u32,
    pub hidden_dropout_prob: f64,
    pub attention_probs_dropout_prob: f64,
    /// Dropout before the classifier; `hidden_dropout_prob` when the config has none.
    pub classifier_dropout: f64,
    /// Label names by id (`id2label`); empty for a bare encoder.
    pub labels: Vec<String>,
    /// Pieces per sequence of consecutive sentences the model was trained to read
    /// (`meelezer_context`; 0 or absent: one sentence per sequence). The recognizer feeds text
    /// this way unless told otherwise.
    pub context: usize,
}

#[derive(Deserialize)]
struct RawConfig {
    model_type: Option<String>,
    vocab_size: Option<usize>,
    hidden_size: Option<usize>,
    num_hidden_layers: Option<usize>,
    num_attention_heads: Option<usize>,
    intermediate_size: Option<usize>,
    hidden_act: Option<String>,
    max_position_embeddings: Option<usize>,
    type_vocab_size: Option<usize>,
    layer_norm_eps: Option<f64>,
    pad_token_id: Option<u32>,
    hidden_dropout_prob: Option<f64>,
    attention_probs_dropout_prob: Option<f64>,
    classifier_dropout: Option<f64>,
    id2label: Option<BTreeMap<String, String>>,
    meelezer_context: Option<usize>,
}

impl ModelConfig {
    /// Reads and validates `config.json`; errors name the file.
    pub fn from_file(path: &Path) -> Result<ModelConfig> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::from(e).in_file(path))?;
        ModelConfig::from_json(&text).map_err(|e| e.in_file(path))
    }

    pub fn from_json(text: &str) -> Result<ModelConfig> {
        let raw: RawConfig = serde_json::from_str(text)?;
        let model_type = raw.model_type.ok_or_else(|| Error::field("model_type", "missing"))?;
        let architecture = Architecture::from_model_type(&model_type).ok_or_else(|| {
            Error::field("model_type", format!("is {model_type:?}; expected \"bert\", \"xlm-roberta\", \"roberta\" or \"camembert\""))
        })?;
        let need = |v: Option<usize>, name: &str| -> Result<usize> {
            match v {
                Some(n) if n > 0 => Ok(n),
                Some(_) => Err(Error::field(name, "must be positive")),
                None => Err(Error::field(name, "missing")),
            }
        };
        let hidden_size = need(raw.hidden_size, "hidden_size")?;
        let num_attention_heads = need(raw.num_attention_heads, "num_attention_heads")?;
        if hidden_size % num_attention_heads != 0 {
            return Err(Error::field(
                "num_attention_heads",
                format!("({num_attention_heads}) must divide hidden_size ({hidden_size})"),
            ));
        }
        let act = raw.hidden_act.unwrap_or_else(|| "gelu".into());
        let hidden_act = Activation::parse(&act)
            .ok_or_else(|| Error::field("hidden_act", format!("is {act:?}; expected gelu, gelu_new or relu")))?;
        let hidden_dropout_prob = raw.hidden_dropout_prob.unwrap_or(0.1);
        let pad_token_id = raw.pad_token_id.unwrap_or(match architecture {
            Architecture::Bert => 0,
            Architecture::Roberta => 1,
        });
        let config = ModelConfig {
            model_type,
            architecture,
            vocab_size: need(raw.vocab_size, "vocab_size")?,
            hidden_size,
            num_hidden_layers: need(raw.num_hidden_layers, "num_hidden_layers")?,
            num_attention_heads,
            intermediate_size: need(raw.intermediate_size, "intermediate_size")?,
            hidden_act,
            max_position_embeddings: need(raw.max_position_embeddings, "max_position_embeddings")?,
            type_vocab_size: raw.type_vocab_size.unwrap_or(2).max(1),
            layer_norm_eps: raw.layer_norm_eps.unwrap_or(1e-12),
            pad_token_id,
            hidden_dropout_prob,
            attention_probs_dropout_prob: raw.attention_probs_dropout_prob.unwrap_or(0.1),
            classifier_dropout: raw.classifier_dropout.unwrap_or(hidden_dropout_prob),
            labels: labels_by_id(raw.id2label.unwrap_or_default())?,
            context: raw.meelezer_context.unwrap_or(0),
        };
        if config.max_positions() == 0 {
            return Err(Error::field("max_position_embeddings", "leaves no room for tokens after the position offset"));
        }
        Ok(config)
    }

    /// The id of the first real position: `pad_token_id + 1` for RoBERTa-style models, else 0.
    pub fn position_offset(&self) -> usize {
        match self.architecture {
            Architecture::Bert => 0,
            Architecture::Roberta => self.pad_token_id as usize + 1,
        }
    }

    /// The longest input (special tokens included) the position table allows.
    pub fn max_positions(&self) -> usize {
        self.max_position_embeddings.saturating_sub(self.position_offset())
    }

    pub fn head_size(&self) -> usize {
        self.hidden_size / self.num_attention_heads
    }

    /// The config as Hugging Face writes it (`BertForTokenClassification` when it has labels).
    pub fn to_json(&self) -> Value {
        let (model_type, arch) = match self.architecture {
            Architecture::Bert => ("bert", "Bert"),
            Architecture::Roberta => ("xlm-roberta", "XLMRoberta"),
        };
        let class = if self.labels.is_empty() { format!("{arch}Model") } else { format!("{arch}ForTokenClassification") };
        let mut v = json!({
            "architectures": [class],
            "model_type": model_type,
            "vocab_size": self.vocab_size,
            "hidden_size": self.hidden_size,
            "num_hidden_layers": self.num_hidden_layers,
            "num_attention_heads": self.num_attention_heads,
            "intermediate_size": self.intermediate_size,
            "hidden_act": self.hidden_act.as_str(),
            "max_position_embeddings": self.max_position_embeddings,
            "type_vocab_size": self.type_vocab_size,
            "layer_norm_eps": self.layer_norm_eps,
            "pad_token_id": self.pad_token_id,
            "hidden_dropout_prob": self.hidden_dropout_prob,
            "attention_probs_dropout_prob": self.attention_probs_dropout_prob,
            "classifier_dropout": self.classifier_dropout,
        });
        if !self.labels.is_empty() {
            let id2label: BTreeMap<String, &str> =
                self.labels.iter().enumerate().map(|(i, l)| (i.to_string(), l.as_str())).collect();
            let label2id: BTreeMap<&str, usize> = self.labels.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect();
            v["id2label"] = json!(id2label);
            v["label2id"] = json!(label2id);
        }
        if self.context > 0 {
            v["meelezer_context"] = json!(self.context);
        }
        v
    }
}

/// `{"0": "O", "1": "B-PER", ...}` → `["O", "B-PER", ...]`; ids missing from the map read `O`.
fn labels_by_id(map: BTreeMap<String, String>) -> Result<Vec<String>> {
    let mut pairs = Vec::with_capacity(map.len());
    for (k, v) in map {
        let id: usize = k
            .trim()
            .parse()
            .map_err(|_| Error::field("id2label", format!("key {k:?} is not a label id")))?;
        if id > 100_000 {
            return Err(Error::field("id2label", format!("id {id} is implausibly large")));
        }
        pairs.push((id, v));
    }
    let n = pairs.iter().map(|(id, _)| id + 1).max().unwrap_or(0);
    let mut labels = vec!["O".to_string(); n];
    for (id, v) in pairs {
        labels[id] = v;
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_xlmr_and_bert_configs() {
        let xlmr = r#"{"model_type": "xlm-roberta", "vocab_size": 250002, "hidden_size": 768,
            "num_hidden_layers": 12, "num_attention_heads": 12, "intermediate_size": 3072,
            "max_position_embeddings": 514, "type_vocab_size": 1, "pad_token_id": 1,
            "id2label": {"0": "B-LOC", "2": "O", "1": "I-LOC"}}"#;
        let c = ModelConfig::from_json(xlmr).unwrap();
        assert_eq!(c.architecture, Architecture::Roberta);
        assert_eq!(c.position_offset(), 2);
        assert_eq!(c.max_positions(), 512);
        assert_eq!(c.labels, ["B-LOC", "I-LOC", "O"]);
        let again = ModelConfig::from_json(&c.to_json().to_string()).unwrap();
        assert_eq!(again, c);
        // The context a model was trained with survives writing and reading; absent reads 0.
        assert_eq!(c.context, 0);
        assert!(c.to_json().get("meelezer_context").is_none());
        let packed = ModelConfig { context: 128, ..c };
        assert_eq!(ModelConfig::from_json(&packed.to_json().to_string()).unwrap().context, 128);

        let bert = r#"{"model_type": "bert", "vocab_size": 30000, "hidden_size": 32, "num_hidden_layers": 2,
            "num_attention_heads": 2, "intermediate_size": 64, "max_position_embeddings": 512}"#;
        let c = ModelConfig::from_json(bert).unwrap();
        assert_eq!((c.position_offset(), c.max_positions(), c.pad_token_id), (0, 512, 0));
        assert!(c.labels.is_empty());
    }

    #[test]
    fn rejects_bad_configs_by_field() {
        let e = ModelConfig::from_json(r#"{"model_type": "gpt2"}"#).unwrap_err();
        assert!(e.to_string().contains("model_type"), "{e}");
        let e = ModelConfig::from_json(
            r#"{"model_type": "bert", "vocab_size": 10, "hidden_size": 30, "num_hidden_layers": 1,
                "num_attention_heads": 4, "intermediate_size": 8, "max_position_embeddings": 8}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("num_attention_heads"), "{e}");
        let e = ModelConfig::from_file(Path::new("models/x/config.json")).unwrap_err();
        assert!(e.to_string().starts_with("models/x/config.json: cannot read"), "{e}");
    }
}
