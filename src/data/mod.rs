//! Dutch language data, kept apart from the logic that uses it: adding a word never touches control flow.

pub mod cues;
pub mod gazetteer;
pub mod numbers;
pub mod perturb;
pub mod services;
pub mod synth;
pub mod text;
