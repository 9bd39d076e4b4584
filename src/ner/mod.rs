//! The transformer NER engine (candle): loads Hugging Face token-classification models.
//! (Placeholder until the NER engine issue lands.)
