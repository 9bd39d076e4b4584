//! AdamW over named variables in groups with their own learning rate, global-norm gradient
//! clipping, and optimizer state that can be saved and restored.
//!
//! The update is `candle_nn::AdamW`'s (decoupled weight decay, bias-corrected moments); it is
//! written out here because `candle_nn::AdamW` keeps its moments private, so a checkpoint could
//! not carry them, and because one optimizer must serve two learning rates (encoder, head).

use crate::error::{Error, Result};
use candle_core::backprop::GradStore;
use candle_core::{Tensor, Var};
use std::collections::HashMap;

/// Hyper-parameters shared by all groups.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdamWParams {
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
    pub weight_decay: f64,
}

impl Default for AdamWParams {
    fn default() -> AdamWParams {
        AdamWParams { beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01 }
    }
}

struct Slot {
    name: String,
    var: Var,
    group: usize,
    m: Tensor,
    v: Tensor,
}

/// AdamW whose variables each belong to a group; [`GroupedAdamW::step`] takes one learning
/// rate per group.
pub struct GroupedAdamW {
    slots: Vec<Slot>,
    params: AdamWParams,
    /// Updates taken so far (for bias correction).
    pub step_t: usize,
}

impl GroupedAdamW {
    /// `vars`: (name, variable, group index). Moments start at zero.
    pub fn new(vars: Vec<(String, Var, usize)>, params: AdamWParams) -> Result<GroupedAdamW> {
        let slots = vars
            .into_iter()
            .map(|(name, var, group)| {
                let m = var.as_tensor().zeros_like()?;
                let v = m.clone();
                Ok(Slot { name, var, group, m, v })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(GroupedAdamW { slots, params, step_t: 0 })
    }

    /// The global L2 norm of the gradients of all variables (those without one count zero).
    pub fn grad_norm(&self, grads: &GradStore) -> Result<f64> {
        let mut sum = 0f64;
        for s in &self.slots {
            if let Some(g) = grads.get(s.var.as_tensor()) {
                sum += g.sqr()?.sum_all()?.to_scalar::<f32>()? as f64;
            }
        }
        Ok(sum.sqrt())
    }

    /// Variables without a gradient in `grads` (a frozen path by mistake shows up here).
    pub fn without_gradient(&self, grads: &GradStore) -> Vec<&str> {
        self.slots.iter().filter(|s| grads.get(s.var.as_tensor()).is_none()).map(|s| s.name.as_str()).collect()
    }

    /// One update. `lrs[group]` is each group's learning rate; every gradient is multiplied by
    /// `grad_scale` first (clipping). Returns nothing; variables are set in place.
    pub fn step(&mut self, grads: &GradStore, lrs: &[f64], grad_scale: f64) -> Result<()> {
        self.step_t += 1;
        let p = self.params;
        let t = self.step_t as i32;
        let scale_m = 1.0 / (1.0 - p.beta1.powi(t));
        let scale_v = 1.0 / (1.0 - p.beta2.powi(t));
        for s in &mut self.slots {
            let Some(g) = grads.get(s.var.as_tensor()) else { continue };
            let lr = *lrs
                .get(s.group)
                .ok_or_else(|| Error::model(format!("no learning rate for group {} of {}", s.group, s.name)))?;
            let g = if grad_scale == 1.0 { g.clone() } else { (g * grad_scale)? };
            s.m = ((&s.m * p.beta1)? + (&g * (1.0 - p.beta1))?)?;
            s.v = ((&s.v * p.beta2)? + (g.sqr()? * (1.0 - p.beta2))?)?;
            let update = ((&s.m * scale_m)? / ((&s.v * scale_v)?.sqrt()? + p.eps)?)?;
            let theta = ((s.var.as_tensor() * (1.0 - lr * p.weight_decay))? - (update * lr)?)?;
            s.var.set(&theta)?;
        }
        Ok(())
    }

    /// Variables and moments by name (`<name>`, `adam_m.<name>`, `adam_v.<name>`), for a
    /// checkpoint.
    pub fn state(&self) -> HashMap<String, Tensor> {
        let mut out = HashMap::with_capacity(self.slots.len() * 3);
        for s in &self.slots {
            out.insert(s.name.clone(), s.var.as_tensor().clone());
            out.insert(format!("adam_m.{}", s.name), s.m.clone());
            out.insert(format!("adam_v.{}", s.name), s.v.clone());
        }
        out
    }

    /// Restores variables and moments written by [`GroupedAdamW::state`]; every variable must
    /// be there with its shape.
    pub fn restore(&mut self, state: &HashMap<String, Tensor>, step_t: usize) -> Result<()> {
        for s in &mut self.slots {
            let get = |key: &str| -> Result<Tensor> {
                let t = state.get(key).ok_or_else(|| Error::model(format!("checkpoint lacks {key}")))?;
                if t.dims() != s.var.dims() {
                    return Err(Error::model(format!("checkpoint {key} is {:?}, expected {:?}", t.dims(), s.var.dims())));
                }
                Ok(t.clone())
            };
            s.var.set(&get(&s.name)?).map_err(|e| Error::model(format!("restoring {}: {e}", s.name)))?;
            s.m = get(&format!("adam_m.{}", s.name))?;
            s.v = get(&format!("adam_v.{}", s.name))?;
        }
        self.step_t = step_t;
        Ok(())
    }

    /// Sets every variable from `weights` (moments untouched); each must be there.
    pub fn set_weights(&mut self, weights: &HashMap<String, Tensor>) -> Result<()> {
        for s in &self.slots {
            let t = weights.get(&s.name).ok_or_else(|| Error::model(format!("lacks {} (trained with other --freeze-layers?)", s.name)))?;
            s.var.set(t).map_err(|e| Error::model(format!("setting {}: {e}", s.name)))?;
        }
        Ok(())
    }

    /// The trainable variables by name (the weights to keep, without optimizer state).
    pub fn weights(&self) -> Result<HashMap<String, Tensor>> {
        self.slots.iter().map(|s| Ok((s.name.clone(), s.var.as_tensor().copy()?))).collect()
    }
}

/// The factor that brings a gradient of global norm `norm` down to `max_norm` (1 when it is
/// already within, or when clipping is off with `max_norm <= 0`).
pub fn clip_scale(norm: f64, max_norm: f64) -> f64 {
    if max_norm > 0.0 && norm.is_finite() && norm > max_norm {
        max_norm / (norm + 1e-6)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Device;

    #[test]
    fn matches_candle_nn_adamw_and_restores_state() {
        let dev = Device::Cpu;
        let init = Tensor::new(&[[0.5f32, -1.0], [2.0, 0.1]], &dev).unwrap();
        let ours = Var::from_tensor(&init).unwrap();
        let theirs = Var::from_tensor(&init).unwrap();
        let mut opt = GroupedAdamW::new(vec![("w".into(), ours.clone(), 0)], AdamWParams::default()).unwrap();
        let mut reference = candle_nn::AdamW::new(
            vec![theirs.clone()],
            candle_nn::ParamsAdamW { lr: 0.01, ..Default::default() },
        )
        .unwrap();
        use candle_nn::Optimizer;
        for _ in 0..3 {
            let g1 = ours.as_tensor().sqr().unwrap().sum_all().unwrap().backward().unwrap();
            opt.step(&g1, &[0.01], 1.0).unwrap();
            let g2 = theirs.as_tensor().sqr().unwrap().sum_all().unwrap().backward().unwrap();
            reference.step(&g2).unwrap();
        }
        let diff = (ours.as_tensor() - theirs.as_tensor()).unwrap().abs().unwrap().max_all().unwrap();
        assert!(diff.to_scalar::<f32>().unwrap() < 1e-6);
        // Save, perturb, restore: the state comes back.
        let saved: HashMap<String, Tensor> = opt.state().into_iter().map(|(k, t)| (k, t.copy().unwrap())).collect();
        ours.set(&init).unwrap();
        opt.restore(&saved, 3).unwrap();
        let diff = (ours.as_tensor() - theirs.as_tensor()).unwrap().abs().unwrap().max_all().unwrap();
        assert!(diff.to_scalar::<f32>().unwrap() < 1e-6);
        assert!(opt.restore(&HashMap::new(), 0).unwrap_err().to_string().contains("lacks w"));
    }

    #[test]
    fn clipping_scales_only_large_norms() {
        assert_eq!(clip_scale(0.5, 1.0), 1.0);
        assert!((clip_scale(4.0, 1.0) - 0.25).abs() < 1e-6);
        assert_eq!(clip_scale(4.0, 0.0), 1.0);
        assert_eq!(clip_scale(f64::NAN, 1.0), 1.0);
    }
}
