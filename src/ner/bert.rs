//! A BERT / XLM-RoBERTa encoder with a token-classification head, built from differentiable
//! tensor ops (LayerNorm and softmax written out, not candle's fused kernels, which have no
//! backward pass) and with dropout behind a train/eval switch, so the training issue can reuse it.
//! In eval mode (`train == false`) LayerNorm and softmax use candle's fused kernels, which give
//! the same values in fewer passes; linear layers always run as one 2-D matmul over all the
//! batch's rows (candle would otherwise run one small matmul per sentence).
//!
//! Tensor names follow Hugging Face (`embeddings.word_embeddings.weight`,
//! `encoder.layer.N.attention.self.query.weight`, ..., `classifier.weight`); the caller hands in
//! a `VarBuilder` already scoped to the encoder's prefix (`bert.`, `roberta.` or none).

use super::config::{Activation, ModelConfig};
use super::int8::{Int8Linear, Post};
use crate::error::{Error, Result};
use candle_core::{Module, Tensor, D};
use candle_nn::{Dropout, Embedding, Linear, VarBuilder};

/// Layer normalization over the last dimension, from plain tensor ops (so gradients flow).
#[derive(Debug, Clone)]
pub struct LayerNorm {
    weight: Tensor,
    bias: Tensor,
    eps: f64,
}

impl LayerNorm {
    /// Loads `weight`/`bias` (or the `gamma`/`beta` of TF-converted BERT checkpoints).
    pub fn load(size: usize, eps: f64, vb: VarBuilder) -> Result<LayerNorm> {
        let (w, b) = if !vb.contains_tensor("weight") && vb.contains_tensor("gamma") {
            ("gamma", "beta")
        } else {
            ("weight", "bias")
        };
        let weight = vb.get_with_hints(size, w, candle_nn::Init::Const(1.0))?;
        let bias = vb.get_with_hints(size, b, candle_nn::Init::Const(0.0))?;
        Ok(LayerNorm { weight, bias, eps })
    }

    /// In training, the differentiable form; else candle's fused kernel.
    pub fn forward_t(&self, x: &Tensor, train: bool) -> Result<Tensor> {
        if train {
            self.forward(x)
        } else {
            Ok(candle_nn::ops::layer_norm(&x.contiguous()?, &self.weight, &self.bias, self.eps as f32)?)
        }
    }

    pub fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let mean = x.mean_keepdim(D::Minus1)?;
        let centred = x.broadcast_sub(&mean)?;
        let var = centred.sqr()?.mean_keepdim(D::Minus1)?;
        let normed = centred.broadcast_div(&(var + self.eps)?.sqrt()?)?;
        Ok(normed.broadcast_mul(&self.weight)?.broadcast_add(&self.bias)?)
    }
}

/// Softmax over the last dimension from plain tensor ops (max-subtracted, so it cannot overflow).
pub fn softmax_last_dim(x: &Tensor) -> Result<Tensor> {
    let max = x.max_keepdim(D::Minus1)?;
    let e = x.broadcast_sub(&max)?.exp()?;
    let sum = e.sum_keepdim(D::Minus1)?;
    Ok(e.broadcast_div(&sum)?)
}

/// A linear layer over the last dimension as one 2-D matmul over every row (`[b, s, h]` is
/// `[b * s, h]` for the matmul): one large matmul instead of `b` small ones.
fn linear(layer: &Linear, x: &Tensor) -> Result<Tensor> {
    let dims = x.dims().to_vec();
    let Some((&h, lead)) = dims.split_last() else { return Ok(layer.forward(x)?) };
    let rows: usize = lead.iter().product();
    let y = x.reshape((rows, h))?.matmul(&layer.weight().t()?)?;
    let y = match layer.bias() {
        Some(bias) => y.broadcast_add(bias)?,
        None => y,
    };
    let mut out = lead.to_vec();
    out.push(y.dim(1)?);
    Ok(y.reshape(out)?)
}

/// A linear layer that can also hold an int8 copy of its weights for inference
/// ([`super::int8`]); training and f32 inference use the f32 weights.
#[derive(Debug, Clone)]
struct Dense {
    f32: Linear,
    int8: Option<std::sync::Arc<Int8Linear>>,
}

impl Dense {
    fn load(inputs: usize, outputs: usize, vb: VarBuilder) -> Result<Dense> {
        Ok(Dense { f32: candle_nn::linear(inputs, outputs, vb)?, int8: None })
    }

    /// Builds the int8 copy from the f32 weights.
    fn quantize(&mut self) -> Result<()> {
        let (n, k) = self.f32.weight().dims2()?;
        let w = self.f32.weight().to_dtype(candle_core::DType::F32)?.flatten_all()?.to_vec1::<f32>()?;
        let b = match self.f32.bias() {
            Some(b) => Some(b.to_dtype(candle_core::DType::F32)?.to_vec1::<f32>()?),
            None => None,
        };
        self.int8 = Some(std::sync::Arc::new(Int8Linear::new(&w, n, k, b.as_deref())));
        Ok(())
    }

    fn forward_t(&self, x: &Tensor, train: bool) -> Result<Tensor> {
        match self.int8_for(x, train) {
            Some(q) => Dense::forward_int8(q, x, Post::None),
            None => linear(&self.f32, x),
        }
    }

    /// The int8 copy, when there is one and this pass may use it (inference on f32 input).
    fn int8_for(&self, x: &Tensor, train: bool) -> Option<&Int8Linear> {
        self.int8.as_deref().filter(|_| !train && x.dtype() == candle_core::DType::F32)
    }

    /// The int8 layer, then `post` on its outputs as they are made (one allocation, no extra
    /// pass through candle).
    fn forward_int8(q: &Int8Linear, x: &Tensor, post: Post) -> Result<Tensor> {
        let dims = x.dims().to_vec();
        let Some((&h, lead)) = dims.split_last() else {
            return Err(Error::model("a linear layer needs at least one dimension"));
        };
        if h != q.in_features() {
            return Err(Error::model(format!("input width {h}, the layer takes {}", q.in_features())));
        }
        let rows: usize = lead.iter().product();
        let x = x.contiguous()?;
        let (storage, layout) = x.storage_and_layout();
        let candle_core::Storage::Cpu(cpu) = &*storage else {
            return Err(Error::model("the int8 path runs on the CPU only"));
        };
        let start = layout.start_offset();
        let data = &cpu.as_slice::<f32>()?[start..start + rows * h];
        let y = q.forward_post(data, rows, post);
        drop(storage);
        let mut out = lead.to_vec();
        out.push(q.out_features());
        Ok(Tensor::from_vec(y, out, x.device())?)
    }
}

/// The exact GELU: candle's op in training, one vectorized pass otherwise.
fn gelu_erf_t(x: &Tensor, train: bool) -> Result<Tensor> {
    if train || x.dtype() != candle_core::DType::F32 {
        return Ok(x.gelu_erf()?);
    }
    let mut v = x.flatten_all()?.to_vec1::<f32>()?;
    super::fastmath::gelu_erf(&mut v);
    Ok(Tensor::from_vec(v, x.shape(), x.device())?)
}

/// Word + position + token-type embeddings, LayerNorm, dropout.
#[derive(Debug, Clone)]
pub struct Embeddings {
    word: Embedding,
    position: Embedding,
    token_type: Tensor,
    norm: LayerNorm,
    dropout: Dropout,
    position_offset: usize,
    max_position_embeddings: usize,
}

impl Embeddings {
    /// `frozen_words`, when given, replaces `word_embeddings.weight` from `vb`: a plain tensor
    /// is not a trainable variable, so training leaves the (250k x 384 for e5) matrix alone.
    pub fn load(config: &ModelConfig, vb: VarBuilder, frozen_words: Option<Tensor>) -> Result<Embeddings> {
        let h = config.hidden_size;
        let words = match frozen_words {
            Some(t) => {
                let (v, d) = t.dims2()?;
                if d != h {
                    return Err(Error::model(format!("frozen word embeddings are {v}x{d}, expected width {h}")));
                }
                t
            }
            None => vb.pp("word_embeddings").get_with_hints(
                (config.vocab_size, h),
                "weight",
                candle_nn::Init::Randn { mean: 0.0, stdev: 0.02 },
            )?,
        };
        let position = candle_nn::embedding(config.max_position_embeddings, h, vb.pp("position_embeddings"))?;
        let token_type = vb
            .pp("token_type_embeddings")
            .get_with_hints((config.type_vocab_size, h), "weight", candle_nn::Init::Const(0.0))?;
        Ok(Embeddings {
            word: Embedding::new(words, h),
            position,
            token_type,
            norm: LayerNorm::load(h, config.layer_norm_eps, vb.pp("LayerNorm"))?,
            dropout: Dropout::new(config.hidden_dropout_prob as f32),
            position_offset: config.position_offset(),
            max_position_embeddings: config.max_position_embeddings,
        })
    }

    /// `ids`: `[batch, seq]` u32. Positions run from the offset (0 for BERT, pad+1 for XLM-R);
    /// every token has token type 0.
    pub fn forward_t(&self, ids: &Tensor, train: bool) -> Result<Tensor> {
        let (_, seq) = ids.dims2()?;
        let end = self.position_offset + seq;
        if end > self.max_position_embeddings {
            return Err(Error::model(format!(
                "input of {seq} tokens is longer than the model's {} positions",
                self.max_position_embeddings - self.position_offset
            )));
        }
        let positions = Tensor::arange(self.position_offset as u32, end as u32, ids.device())?;
        let x = self
            .word
            .forward(ids)?
            .broadcast_add(&self.position.forward(&positions)?)?
            .broadcast_add(&self.token_type.get(0)?)?;
        Ok(self.dropout.forward(&self.norm.forward_t(&x, train)?, train)?)
    }
}

#[derive(Debug, Clone)]
struct SelfAttention {
    query: Dense,
    key: Dense,
    value: Dense,
    heads: usize,
    head_size: usize,
    dropout: Dropout,
}

impl SelfAttention {
    fn load(config: &ModelConfig, vb: VarBuilder) -> Result<SelfAttention> {
        let h = config.hidden_size;
        Ok(SelfAttention {
            query: Dense::load(h, h, vb.pp("query"))?,
            key: Dense::load(h, h, vb.pp("key"))?,
            value: Dense::load(h, h, vb.pp("value"))?,
            heads: config.num_attention_heads,
            head_size: config.head_size(),
            dropout: Dropout::new(config.attention_probs_dropout_prob as f32),
        })
    }

    /// `x`: `[b, s, h]`; `mask`: additive, `[b, 1, 1, s]` (0 keep, -1e9 padding).
    fn forward_t(&self, x: &Tensor, mask: &Tensor, train: bool) -> Result<Tensor> {
        let (b, s, h) = x.dims3()?;
        let split = |t: Tensor| -> Result<Tensor> {
            Ok(t.reshape((b, s, self.heads, self.head_size))?.transpose(1, 2)?.contiguous()?)
        };
        let q = split(self.query.forward_t(x, train)?)?;
        let k = split(self.key.forward_t(x, train)?)?;
        let v = split(self.value.forward_t(x, train)?)?;
        let scale = 1.0 / (self.head_size as f64).sqrt();
        let probs = if train {
            let scores = (q.matmul(&k.t()?)? * scale)?.broadcast_add(mask)?;
            self.dropout.forward(&softmax_last_dim(&scores)?, train)?
        } else {
            // Scale, mask and softmax in one pass over the scores.
            let scores = q.matmul(&k.t()?)?;
            let mut v = scores.flatten_all()?.to_vec1::<f32>()?;
            let mask = mask.flatten_all()?.to_vec1::<f32>()?;
            super::fastmath::scaled_masked_softmax(&mut v, s, scale as f32, &mask, self.heads * s);
            Tensor::from_vec(v, scores.shape(), scores.device())?
        };
        Ok(probs.matmul(&v)?.transpose(1, 2)?.reshape((b, s, h))?)
    }
}

#[derive(Debug, Clone)]
struct Layer {
    attention: SelfAttention,
    attention_output: Dense,
    attention_norm: LayerNorm,
    intermediate: Dense,
    activation: Activation,
    output: Dense,
    output_norm: LayerNorm,
    dropout: Dropout,
}

impl Layer {
    fn load(config: &ModelConfig, vb: VarBuilder) -> Result<Layer> {
        let (h, f, eps) = (config.hidden_size, config.intermediate_size, config.layer_norm_eps);
        let attn = vb.pp("attention");
        Ok(Layer {
            attention: SelfAttention::load(config, attn.pp("self"))?,
            attention_output: Dense::load(h, h, attn.pp("output").pp("dense"))?,
            attention_norm: LayerNorm::load(h, eps, attn.pp("output").pp("LayerNorm"))?,
            intermediate: Dense::load(h, f, vb.pp("intermediate").pp("dense"))?,
            activation: config.hidden_act,
            output: Dense::load(f, h, vb.pp("output").pp("dense"))?,
            output_norm: LayerNorm::load(h, eps, vb.pp("output").pp("LayerNorm"))?,
            dropout: Dropout::new(config.hidden_dropout_prob as f32),
        })
    }

    fn dense_mut(&mut self) -> [&mut Dense; 6] {
        let a = &mut self.attention;
        [&mut a.query, &mut a.key, &mut a.value, &mut self.attention_output, &mut self.intermediate, &mut self.output]
    }

    fn forward_t(&self, x: &Tensor, mask: &Tensor, train: bool) -> Result<Tensor> {
        let a = self.attention.forward_t(x, mask, train)?;
        let a = self.dropout.forward(&self.attention_output.forward_t(&a, train)?, train)?;
        let x = self.attention_norm.forward_t(&(a + x)?, train)?;
        let f = match self.activation {
            Activation::Gelu => match self.intermediate.int8_for(&x, train) {
                Some(q) => Dense::forward_int8(q, &x, Post::GeluErf)?,
                None => gelu_erf_t(&self.intermediate.forward_t(&x, train)?, train)?,
            },
            Activation::GeluTanh => self.intermediate.forward_t(&x, train)?.gelu()?,
            Activation::Relu => self.intermediate.forward_t(&x, train)?.relu()?,
        };
        let f = self.dropout.forward(&self.output.forward_t(&f, train)?, train)?;
        self.output_norm.forward_t(&(f + x)?, train)
    }
}

/// The encoder: embeddings and `num_hidden_layers` transformer layers.
#[derive(Debug, Clone)]
pub struct Encoder {
    embeddings: Embeddings,
    layers: Vec<Layer>,
}

impl Encoder {
    /// `vb` is scoped to the encoder's prefix; see [`Embeddings::load`] for `frozen_words`.
    pub fn load(config: &ModelConfig, vb: VarBuilder, frozen_words: Option<Tensor>) -> Result<Encoder> {
        let embeddings = Embeddings::load(config, vb.pp("embeddings"), frozen_words)?;
        let layers = (0..config.num_hidden_layers)
            .map(|i| Layer::load(config, vb.pp("encoder").pp("layer").pp(i)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Encoder { embeddings, layers })
    }

    /// Gives every transformer layer's linear layers an int8 copy of their weights, which
    /// inference (`train == false`) then uses; see [`super::int8`].
    /// The layers are quantized in parallel on the current rayon pool.
    pub fn quantize(&mut self) -> Result<()> {
        use rayon::prelude::*;
        self.layers.par_iter_mut().try_for_each(|layer| layer.dense_mut().into_iter().try_for_each(Dense::quantize))
    }

    /// Hidden states `[b, s, hidden]` for `ids` `[b, s]` (u32) and `mask` `[b, s]` (f32, 1 for
    /// real tokens, 0 for padding). `train` switches dropout on.
    pub fn forward_t(&self, ids: &Tensor, mask: &Tensor, train: bool) -> Result<Tensor> {
        let (b, s) = ids.dims2()?;
        if mask.dims2()? != (b, s) {
            return Err(Error::model(format!("attention mask is {:?}, ids are {:?}", mask.dims(), ids.dims())));
        }
        let additive = mask.affine(1e9, -1e9)?.reshape((b, 1, 1, s))?;
        let mut x = self.embeddings.forward_t(ids, train)?;
        for layer in &self.layers {
            x = layer.forward_t(&x, &additive, train)?;
        }
        Ok(x)
    }
}

/// The encoder with dropout and a linear `classifier` over its hidden states.
#[derive(Debug, Clone)]
pub struct TokenClassifier {
    pub encoder: Encoder,
    dropout: Dropout,
    classifier: Linear,
    num_labels: usize,
}

impl TokenClassifier {
    /// `encoder_vb` is scoped to the encoder prefix, `head_vb` to where `classifier.*` lives
    /// (the root in Hugging Face checkpoints). For training, `head_vb` can come from a
    /// `VarMap` (a fresh head), the encoder from another, and `frozen_words` from neither.
    pub fn load(
        config: &ModelConfig,
        encoder_vb: VarBuilder,
        head_vb: VarBuilder,
        frozen_words: Option<Tensor>,
    ) -> Result<TokenClassifier> {
        let num_labels = config.labels.len();
        if num_labels == 0 {
            return Err(Error::model("config.json has no id2label: this is an encoder without a token-classification head"));
        }
        Ok(TokenClassifier {
            encoder: Encoder::load(config, encoder_vb, frozen_words)?,
            dropout: Dropout::new(config.classifier_dropout as f32),
            classifier: candle_nn::linear(config.hidden_size, num_labels, head_vb.pp("classifier"))?,
            num_labels,
        })
    }

    pub fn num_labels(&self) -> usize {
        self.num_labels
    }

    /// Int8 copies of the encoder's linear layers for inference ([`Encoder::quantize`]); the
    /// classifier head stays f32.
    pub fn quantize(&mut self) -> Result<()> {
        self.encoder.quantize()
    }

    /// Label logits `[b, s, num_labels]`.
    pub fn forward_t(&self, ids: &Tensor, mask: &Tensor, train: bool) -> Result<Tensor> {
        let h = self.encoder.forward_t(ids, mask, train)?;
        linear(&self.classifier, &self.dropout.forward(&h, train)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::{DType, Device, Var};

    #[test]
    fn layer_norm_and_softmax_match_definitions_and_have_gradients() {
        let dev = Device::Cpu;
        let x = Var::new(&[[1.0f32, 2.0, 4.0], [0.0, 0.0, 3.0]], &dev).unwrap();
        let ln = LayerNorm {
            weight: Tensor::new(&[1.0f32, 1.0, 2.0], &dev).unwrap(),
            bias: Tensor::zeros(3, DType::F32, &dev).unwrap(),
            eps: 1e-12,
        };
        let y = ln.forward(x.as_tensor()).unwrap().to_vec2::<f32>().unwrap();
        // Row 0: mean 7/3, variance 14/9.
        let sd = (14.0f32 / 9.0).sqrt();
        assert!((y[0][0] - (1.0 - 7.0 / 3.0) / sd).abs() < 1e-5);
        assert!((y[0][2] - 2.0 * (4.0 - 7.0 / 3.0) / sd).abs() < 1e-5);
        let p = softmax_last_dim(x.as_tensor()).unwrap().to_vec2::<f32>().unwrap();
        assert!((p[1].iter().sum::<f32>() - 1.0).abs() < 1e-6 && p[1][2] > 0.9);
        // Gradients reach the input through both (candle's fused kernels would stop them).
        let loss = (ln.forward(x.as_tensor()).unwrap() * softmax_last_dim(x.as_tensor()).unwrap())
            .unwrap()
            .sum_all()
            .unwrap();
        let grads = loss.backward().unwrap();
        let g = grads.get(x.as_tensor()).unwrap().abs().unwrap().sum_all().unwrap().to_scalar::<f32>().unwrap();
        assert!(g > 0.0);
    }

    /// The fine-tuning set-up the module docs describe: trainable encoder and head in a VarMap,
    /// word embeddings frozen outside it; a step's gradients reach layer 0 and the head.
    #[test]
    fn frozen_word_embeddings_stay_out_of_the_varmap_and_gradients_reach_layer_0() {
        let config = crate::ner::model_dir::testing::config(32);
        let dev = Device::Cpu;
        let words = Tensor::randn(0f32, 1.0, (config.vocab_size, config.hidden_size), &dev).unwrap();
        let varmap = candle_nn::VarMap::new();
        let vb = VarBuilder::from_varmap(&varmap, DType::F32, &dev);
        let model = TokenClassifier::load(&config, vb.pp("bert"), vb.clone(), Some(words)).unwrap();
        let names: Vec<String> = varmap.data().lock().unwrap().keys().cloned().collect();
        assert!(!names.iter().any(|n| n.contains("word_embeddings")));
        let ids = Tensor::new(&[[2u32, 5, 7, 8, 3, 0]], &dev).unwrap();
        let mask = Tensor::new(&[[1f32, 1., 1., 1., 1., 0.]], &dev).unwrap();
        let logits = model.forward_t(&ids, &mask, true).unwrap();
        let loss = candle_nn::loss::cross_entropy(
            &logits.squeeze(0).unwrap(),
            &Tensor::new(&[0u32, 1, 2, 0, 0, 0], &dev).unwrap(),
        )
        .unwrap();
        let grads = loss.backward().unwrap();
        let data = varmap.data().lock().unwrap();
        for name in ["bert.encoder.layer.0.attention.self.query.weight", "bert.embeddings.LayerNorm.weight", "classifier.weight"] {
            let g = grads.get(data[name].as_tensor()).unwrap_or_else(|| panic!("no gradient for {name}"));
            let size = g.abs().unwrap().sum_all().unwrap().to_scalar::<f32>().unwrap();
            assert!(size > 0.0, "{name}: zero gradient");
        }
    }
}
