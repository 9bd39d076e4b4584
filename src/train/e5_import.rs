//! Reader for the `E5S1` container of the 4-bit multilingual-e5-small base encoder
//! (`../shared/models/base/e5-small-q4.bin`), and its import into a Hugging Face model folder.
//!
//! Layout (little-endian, read from the reference loader's description, not its code):
//! `E5S1`, u32 version, i32 hidden, layers, heads, ffn, vocab rows, max positions, token types,
//! f32 LayerNorm eps, i32 block size (32); the Unigram vocabulary (i32 pieces, i32 bos/eos/pad/unk,
//! u64 blob length, (pieces+1) u32 offsets, pieces f32 scores, the blob), a normalization map
//! (i32 count, u32 bytes, the bytes); then a directory: i32 entries, each u16 name length, name,
//! u8 type (0 = f32, 1 = Q4_0), u32 element count, u64 offset from file start, u64 byte length.
//!
//! A Q4_0 block holds 32 weights in 18 bytes: an f16 scale `d`, then 16 bytes where byte `j`
//! carries weight `j` in its low nibble and weight `j + 16` in its high nibble; a weight is
//! `(nibble - 8) * d`. Matrices are stored row by row, `[out, in]` like PyTorch's `Linear`.
//!
//! The encoder is BERT-architecture (positions from 0, two token types). We dequantize to f32 in
//! memory and the importer stores f16 by default: half the disk of f32 (about 235 MB against
//! 470 MB, nearly all of it the 250,037 x 384 word embeddings), and f16 rounding (relative 2^-11)
//! is far below the 4-bit quantization step it sits on.

use crate::ner::config::ModelConfig;
use crate::ner::model_dir::write_model_folder;
use crate::error::{Error, Result};
use candle_core::{DType, Device, Tensor};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const CONTAINER_FILE: &str = "e5-small-q4.bin";
const BLOCK: usize = 32;
const BLOCK_BYTES: usize = 18;

/// How a tensor is stored in the container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredType {
    F32,
    Q4_0,
}

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    stored: StoredType,
    count: usize,
    offset: usize,
    bytes: usize,
}

/// The parsed container: sizes, special token ids and the tensor directory over the file bytes.
#[derive(Debug)]
pub struct E5Container {
    path: PathBuf,
    data: Vec<u8>,
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub intermediate: usize,
    pub vocab_rows: usize,
    pub max_positions: usize,
    pub token_types: usize,
    pub layer_norm_eps: f32,
    pub pad_id: u32,
    entries: Vec<Entry>,
}

/// A bounds-checked little-endian reader over the container bytes.
struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len()).ok_or_else(|| {
            Error::model(format!("truncated: {n} bytes wanted at offset {} of {}", self.pos, self.data.len()))
        })?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    /// A non-negative i32 as a size.
    fn size(&mut self, what: &str) -> Result<usize> {
        let v = i32::from_le_bytes(self.array()?);
        usize::try_from(v).map_err(|_| Error::model(format!("{what} is negative ({v})")))
    }
    fn usize64(&mut self, what: &str) -> Result<usize> {
        let v = self.u64()?;
        usize::try_from(v).map_err(|_| Error::model(format!("{what} {v} does not fit in memory")))
    }
}

impl E5Container {
    pub fn read(path: &Path) -> Result<E5Container> {
        let data = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
        E5Container::parse(data, path).map_err(|e| e.in_file(path))
    }

    fn parse(data: Vec<u8>, path: &Path) -> Result<E5Container> {
        let mut c = Cursor { data: &data, pos: 0 };
        if c.take(4)? != b"E5S1" {
            return Err(Error::model("not an E5S1 container (bad magic)"));
        }
        let version = c.u32()?;
        if version != 1 {
            return Err(Error::model(format!("container version {version}; this reader knows version 1")));
        }
        let hidden = c.size("hidden size")?;
        let layers = c.size("layer count")?;
        let heads = c.size("head count")?;
        let intermediate = c.size("ffn size")?;
        let vocab_rows = c.size("vocabulary rows")?;
        let max_positions = c.size("max positions")?;
        let token_types = c.size("token types")?;
        let layer_norm_eps = c.f32()?;
        let block = c.size("block size")?;
        if block != BLOCK {
            return Err(Error::model(format!("Q4 block size {block}; expected {BLOCK}")));
        }
        if heads == 0 || hidden % heads != 0 || hidden % BLOCK != 0 || intermediate % BLOCK != 0 {
            return Err(Error::model(format!("implausible sizes: hidden {hidden}, heads {heads}, ffn {intermediate}")));
        }
        // The Unigram vocabulary: tokenizer.json carries the same one, so skip past it.
        let pieces = c.size("piece count")?;
        let _bos = c.u32()?;
        let _eos = c.u32()?;
        let pad_id = c.u32()?;
        let _unk = c.u32()?;
        let blob = c.usize64("vocabulary blob length")?;
        c.take((pieces + 1) * 4)?;
        c.take(pieces * 4)?;
        c.take(blob)?;
        let _norm_count = c.size("normalization entries")?;
        let norm_bytes = c.u32()? as usize;
        c.take(norm_bytes)?;
        let n = c.size("directory length")?;
        let mut entries = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let len = c.u16()? as usize;
            let name = String::from_utf8_lossy(c.take(len)?).into_owned();
            let stored = match c.take(1)?[0] {
                0 => StoredType::F32,
                1 => StoredType::Q4_0,
                t => return Err(Error::model(format!("tensor {name}: unknown storage type {t}"))),
            };
            let count = c.u32()? as usize;
            let offset = c.usize64("tensor offset")?;
            let bytes = c.usize64("tensor length")?;
            let expected = match stored {
                StoredType::F32 => count * 4,
                StoredType::Q4_0 => count / BLOCK * BLOCK_BYTES,
            };
            if bytes != expected || (stored == StoredType::Q4_0 && !count.is_multiple_of(BLOCK)) {
                return Err(Error::model(format!("tensor {name}: {bytes} bytes for {count} {stored:?} values")));
            }
            if offset.checked_add(bytes).is_none_or(|end| end > data.len()) {
                return Err(Error::model(format!("tensor {name}: bytes {offset}+{bytes} run past the end of the file")));
            }
            entries.push(Entry { name, stored, count, offset, bytes });
        }
        Ok(E5Container {
            path: path.to_path_buf(),
            data,
            hidden,
            layers,
            heads,
            intermediate,
            vocab_rows,
            max_positions,
            token_types,
            layer_norm_eps,
            pad_id,
            entries,
        })
    }

    /// The encoder's config: BERT architecture, no labels.
    pub fn config(&self) -> Result<ModelConfig> {
        ModelConfig::from_json(
            &serde_json::json!({
                "model_type": "bert",
                "vocab_size": self.vocab_rows,
                "hidden_size": self.hidden,
                "num_hidden_layers": self.layers,
                "num_attention_heads": self.heads,
                "intermediate_size": self.intermediate,
                "hidden_act": "gelu",
                "max_position_embeddings": self.max_positions,
                "type_vocab_size": self.token_types,
                "layer_norm_eps": self.layer_norm_eps as f64,
                "pad_token_id": self.pad_id,
            })
            .to_string(),
        )
    }

    /// One tensor's values, dequantized to f32.
    fn values(&self, name: &str) -> Result<(&Entry, Vec<f32>)> {
        let e = self
            .entries
            .iter()
            .find(|e| e.name == name)
            .ok_or_else(|| Error::model(format!("no tensor named {name:?}")).in_file(&self.path))?;
        let bytes = &self.data[e.offset..e.offset + e.bytes];
        let values = match e.stored {
            StoredType::F32 => bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect(),
            StoredType::Q4_0 => dequantize_q4_0(bytes),
        };
        Ok((e, values))
    }

    /// All encoder tensors under their Hugging Face names (no prefix), as f32.
    pub fn tensors(&self) -> Result<HashMap<String, Tensor>> {
        let (h, f) = (self.hidden, self.intermediate);
        let mut plan: Vec<(String, String, Vec<usize>)> = vec![
            ("emb.word".into(), "embeddings.word_embeddings.weight".into(), vec![self.vocab_rows, h]),
            ("emb.pos".into(), "embeddings.position_embeddings.weight".into(), vec![self.max_positions, h]),
            ("emb.type".into(), "embeddings.token_type_embeddings.weight".into(), vec![self.token_types, h]),
            ("emb.ln.w".into(), "embeddings.LayerNorm.weight".into(), vec![h]),
            ("emb.ln.b".into(), "embeddings.LayerNorm.bias".into(), vec![h]),
        ];
        for l in 0..self.layers {
            let hf = |s: &str| format!("encoder.layer.{l}.{s}");
            for (short, long, shape) in [
                ("q.w", "attention.self.query.weight", vec![h, h]),
                ("q.b", "attention.self.query.bias", vec![h]),
                ("k.w", "attention.self.key.weight", vec![h, h]),
                ("k.b", "attention.self.key.bias", vec![h]),
                ("v.w", "attention.self.value.weight", vec![h, h]),
                ("v.b", "attention.self.value.bias", vec![h]),
                ("ao.w", "attention.output.dense.weight", vec![h, h]),
                ("ao.b", "attention.output.dense.bias", vec![h]),
                ("aln.w", "attention.output.LayerNorm.weight", vec![h]),
                ("aln.b", "attention.output.LayerNorm.bias", vec![h]),
                ("fi.w", "intermediate.dense.weight", vec![f, h]),
                ("fi.b", "intermediate.dense.bias", vec![f]),
                ("fo.w", "output.dense.weight", vec![h, f]),
                ("fo.b", "output.dense.bias", vec![h]),
                ("oln.w", "output.LayerNorm.weight", vec![h]),
                ("oln.b", "output.LayerNorm.bias", vec![h]),
            ] {
                plan.push((format!("l{l}.{short}"), hf(long), shape));
            }
        }
        let mut out = HashMap::with_capacity(plan.len());
        for (short, long, shape) in plan {
            let (entry, values) = self.values(&short)?;
            let n: usize = shape.iter().product();
            if entry.count != n {
                return Err(Error::model(format!("tensor {short}: {} values, expected {shape:?}", entry.count))
                    .in_file(&self.path));
            }
            out.insert(long, Tensor::from_vec(values, shape, &Device::Cpu)?);
        }
        Ok(out)
    }
}

/// Dequantizes Q4_0 blocks: per block an f16 scale, then byte `j` = weight `j` (low nibble)
/// and weight `j + 16` (high nibble), each `(nibble - 8) * scale`.
pub fn dequantize_q4_0(bytes: &[u8]) -> Vec<f32> {
    let mut out = vec![0f32; bytes.len() / BLOCK_BYTES * BLOCK];
    for (block, o) in bytes.chunks_exact(BLOCK_BYTES).zip(out.chunks_exact_mut(BLOCK)) {
        let d = half::f16::from_le_bytes([block[0], block[1]]).to_f32();
        let (lo, hi) = o.split_at_mut(16);
        for ((q, a), b) in block[2..].iter().zip(lo).zip(hi) {
            *a = ((q & 0x0F) as i32 - 8) as f32 * d;
            *b = ((q >> 4) as i32 - 8) as f32 * d;
        }
    }
    out
}

/// `meelezer model import-e5`: reads `e5-small-q4.bin` and `tokenizer.json` from `src` and
/// writes `config.json`, `tokenizer.json` and `model.safetensors` (as `dtype`) to `dest`.
pub fn import_e5(src: &Path, dest: &Path, dtype: DType) -> Result<()> {
    let container = E5Container::read(&src.join(CONTAINER_FILE))?;
    let tok_path = src.join(crate::ner::model_dir::TOKENIZER_FILE);
    let tokenizer_json = std::fs::read(&tok_path).map_err(|e| Error::from(e).in_file(&tok_path))?;
    // Fail now, not at load time, if the tokenizer does not parse.
    crate::ner::model_dir::read_tokenizer(&tok_path)?;
    write_model_folder(dest, &container.config()?, &tokenizer_json, &container.tensors()?, dtype)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::bert::Encoder;
    use crate::ner::model_dir::ModelFolder;

    #[test]
    fn q4_0_nibble_order_and_offset() {
        // Scale 0.5; byte j = (hi j+16) << 4 | (lo j).
        let mut block = half::f16::from_f32(0.5).to_le_bytes().to_vec();
        block.extend((0..16u8).map(|j| ((15 - j) << 4) | j));
        let w = dequantize_q4_0(&block);
        assert_eq!(w.len(), 32);
        assert_eq!((w[0], w[8], w[15]), (-4.0, 0.0, 3.5));
        assert_eq!((w[16], w[31]), (3.5, -4.0));
    }

    #[test]
    fn rejects_a_truncated_container() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONTAINER_FILE);
        std::fs::write(&path, b"E5S1\x01\x00\x00\x00\x80").unwrap();
        let err = E5Container::read(&path).unwrap_err().to_string();
        assert!(err.contains(CONTAINER_FILE) && err.contains("truncated"), "{err}");
    }

    fn mean_pooled(folder: &ModelFolder, encoder: &Encoder, text: &str) -> Vec<f32> {
        let enc = folder.tokenizer.encode(text, true).unwrap();
        let ids = Tensor::new(enc.get_ids(), &Device::Cpu).unwrap().unsqueeze(0).unwrap();
        let mask = ids.ones_like().unwrap().to_dtype(DType::F32).unwrap();
        let h = encoder.forward_t(&ids, &mask, false).unwrap();
        h.mean(1).unwrap().squeeze(0).unwrap().to_vec1().unwrap()
    }

    fn cosine(a: &[f32], b: &[f32]) -> f32 {
        let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
        let n = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
        dot / (n(a) * n(b))
    }

    /// Imports the base encoder once into `<target>/meelezer-test-cache/` (keyed by
    /// the container's size and time), so later runs only load it (about 3 s in a debug build;
    /// the first run also imports, about 8 s).
    fn cached_import(src: &Path) -> PathBuf {
        let meta = std::fs::metadata(src.join(CONTAINER_FILE)).unwrap();
        let mtime = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        let key = format!("e5-v1-{}-{}", meta.len(), mtime.map_or(0, |d| d.as_secs()));
        // The test binary lives in <target>/<profile>/deps/.
        let exe = std::env::current_exe().unwrap();
        let base = exe.ancestors().nth(3).unwrap_or(Path::new(".")).join("meelezer-test-cache");
        let dir = base.join(&key);
        if !dir.join(crate::ner::model_dir::WEIGHTS_FILE).exists() {
            let tmp = base.join(format!("{key}.tmp{}", std::process::id()));
            import_e5(src, &tmp, DType::F16).unwrap();
            if std::fs::rename(&tmp, &dir).is_err() {
                // Another test process got there first.
                let _ = std::fs::remove_dir_all(&tmp);
            }
        }
        dir
    }

    /// Imports the real base encoder from ../shared (skipped when absent), loads it back as any
    /// model folder, and checks that mean-pooled embeddings mean something.
    #[test]
    fn imported_e5_embeds_paraphrases_closer_than_unrelated_sentences() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/models/base");
        if !src.join(CONTAINER_FILE).exists() {
            eprintln!("skipped: {} not found", src.join(CONTAINER_FILE).display());
            return;
        }
        let folder = ModelFolder::open(&cached_import(&src)).unwrap();
        assert_eq!((folder.prefix.as_str(), folder.config.max_positions()), ("", 512));
        let encoder = Encoder::load(&folder.config, folder.encoder_var_builder(), None).unwrap();
        let e = |t: &str| mean_pooled(&folder, &encoder, &format!("query: {t}"));
        let a = e("De politie heeft de versleutelde chatdienst gekraakt en berichten van criminelen meegelezen.");
        let b = e("Agenten hebben de beveiligde berichtenapp ontsleuteld en de chats van criminelen gelezen.");
        let c = e("Het weer wordt morgen zonnig met in het zuiden een kans op onweer.");
        let (para, unrelated) = (cosine(&a, &b), cosine(&a, &c));
        eprintln!("cosine paraphrase {para:.3}, unrelated {unrelated:.3}");
        assert!(para > unrelated + 0.05, "paraphrase {para}, unrelated {unrelated}");
    }
}
