//! Checkpoint averaging: the element-wise mean of the weights of several fine-tuned models of
//! one architecture and vocabulary (snapshots of one run, say), written as a model folder.

use crate::error::{Error, Result};
use crate::ner::model_dir::{write_model_folder, ModelFolder, TOKENIZER_FILE};
use candle_core::DType;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Averages the models in `sources` into `dest`, with the first one's config and tokenizer;
/// `context` (when given) replaces the reading context in the written config. Every model must
/// have the same labels, tokenizer and tensors (names and shapes); an error names the first
/// model that differs.
pub fn average_models(sources: &[PathBuf], dest: &Path, dtype: DType, context: Option<usize>) -> Result<()> {
    let Some((first, rest)) = sources.split_first() else {
        return Err(Error::invalid("no models to average"));
    };
    let base = ModelFolder::open(first)?;
    let tokenizer_json = std::fs::read(first.join(TOKENIZER_FILE)).map_err(|e| Error::from(e).in_file(first.join(TOKENIZER_FILE)))?;
    let mut sum: HashMap<String, candle_core::Tensor> = base.tensors.clone();
    for dir in rest {
        let other = ModelFolder::open(dir)?;
        let tok = std::fs::read(dir.join(TOKENIZER_FILE)).map_err(|e| Error::from(e).in_file(dir.join(TOKENIZER_FILE)))?;
        if other.config.labels != base.config.labels || tok != tokenizer_json || other.tensors.len() != sum.len() {
            return Err(Error::invalid(format!("labels, tokenizer or tensors differ from {}", first.display())).in_file(dir));
        }
        for (name, t) in other.tensors {
            let acc = sum
                .get_mut(&name)
                .filter(|a| a.dims() == t.dims())
                .ok_or_else(|| Error::invalid(format!("tensor {name} is not in {} with this shape", first.display())).in_file(dir))?;
            *acc = (&*acc + &t)?;
        }
    }
    let n = sources.len() as f64;
    let mean = sum.into_iter().map(|(k, t)| Ok((k, (t / n)?))).collect::<Result<HashMap<_, _>>>()?;
    let mut config = base.config;
    if let Some(c) = context {
        config.context = c;
    }
    write_model_folder(dest, &config, &tokenizer_json, &mean, dtype)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::model_dir::testing;

    #[test]
    fn averages_weights_and_refuses_other_shapes() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, out) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("out"));
        testing::write(&a, 16, 1, DType::F32);
        testing::write(&b, 16, 2, DType::F32);
        average_models(&[a.clone(), b.clone()], &out, DType::F32, Some(64)).unwrap();
        let (fa, fb, fo) = (ModelFolder::open(&a).unwrap(), ModelFolder::open(&b).unwrap(), ModelFolder::open(&out).unwrap());
        assert_eq!(fo.config.context, 64);
        for (name, t) in &fo.tensors {
            let want = ((&fa.tensors[name] + &fb.tensors[name]).unwrap() / 2.0).unwrap();
            let diff = (t - want).unwrap().abs().unwrap().flatten_all().unwrap().max(0).unwrap().to_scalar::<f32>().unwrap();
            assert!(diff < 1e-6, "{name}: {diff}");
        }
        // A model with other position embeddings (shapes) is refused, naming it.
        let c = dir.path().join("c");
        testing::write(&c, 32, 1, DType::F32);
        let err = average_models(&[a, c.clone()], &dir.path().join("bad"), DType::F32, None).unwrap_err().to_string();
        assert!(err.contains(&c.display().to_string()), "{err}");
        assert!(average_models(&[], &out, DType::F32, None).is_err());
    }
}
