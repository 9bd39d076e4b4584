//! The pipeline: the stages in order, for one document or a batch (rayon across documents, the
//! entity recognizer batching sentences across documents).

use crate::data::services::ServiceCatalog;
use crate::document::{Document, Entity, Stage};
use std::sync::Arc;
use crate::entities::{EntityRecognizer, Gazetteer};
use crate::error::{Error, Result};
use crate::quantity::{DateTagger, NumberTagger};
use crate::rules::{RecordLinker, Scorers};
use crate::text::Segmenter;
use rayon::prelude::*;

/// How to build a [`Pipeline`]: what the command line's model options and the Python
/// binding's `Pipeline(...)` arguments say. The default is the gazetteer (no model).
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    /// NER model folder; `None` for the gazetteer.
    pub model: Option<std::path::PathBuf>,
    /// Extra service tables (`src/data/services.jsonl`'s format), applied in order.
    pub services: Vec<std::path::PathBuf>,
    /// Run the model on every sentence, also those that cannot hold an entity.
    pub all_sentences: bool,
    /// Viterbi decoding of valid BIO (the default) instead of each word's best label.
    pub viterbi: bool,
    /// Mentions of one name in a document take the type the model weighs most for it (the default).
    pub type_agreement: bool,
    /// Int8 linear layers: `None` decides by the CPU (int8 where it has AVX-512 VNNI).
    pub int8: Option<bool>,
    /// How the main service, the operation of a sentence and the country of a figure are
    /// chosen: hand rules or fitted weights ([`Scorers::default`] says which ship).
    pub scorers: Scorers,
}

impl Default for PipelineOptions {
    /// The gazetteer; with a model, Viterbi decoding and int8 where the CPU has VNNI.
    fn default() -> PipelineOptions {
        PipelineOptions {
            model: None,
            services: Vec::new(),
            all_sentences: false,
            viterbi: true,
            type_agreement: true,
            int8: None,
            scorers: Scorers::default(),
        }
    }
}

impl PipelineOptions {
    /// The service table: the built-in one extended by each `services` file in turn.
    pub fn service_catalog(&self) -> Result<Arc<ServiceCatalog>> {
        let mut catalog = ServiceCatalog::builtin();
        for path in &self.services {
            catalog = Arc::new(catalog.extended(&ServiceCatalog::load(path)?));
        }
        Ok(catalog)
    }

    /// Loads the model (once) and builds the stages.
    pub fn build(&self) -> Result<Pipeline> {
        let services = self.service_catalog()?;
        match &self.model {
            Some(dir) => {
                let ner = crate::ner::TransformerNer::load(dir)?
                    .with_skip_plain(!self.all_sentences)
                    .with_viterbi(self.viterbi)
                    .with_type_agreement(self.type_agreement)
                    .with_int8(self.int8.unwrap_or_else(crate::ner::int8::has_vnni))?;
                let recognizer = crate::entities::Combined::with_services(Box::new(ner), services.clone());
                Ok(Pipeline::with_services(Box::new(recognizer), services).with_scorers(self.scorers))
            }
            None => Ok(Pipeline::with_services(Box::new(Gazetteer::with_services(services.clone())), services).with_scorers(self.scorers)),
        }
    }
}

/// Every stage, configured once and shared by all documents.
pub struct Pipeline {
    segmenter: Segmenter,
    numbers: NumberTagger,
    dates: DateTagger,
    recognizer: Box<dyn EntityRecognizer>,
    linker: RecordLinker,
}

impl Default for Pipeline {
    /// The pipeline with the gazetteer recognizer (no model).
    fn default() -> Pipeline {
        Pipeline::new(Box::new(Gazetteer::new()))
    }
}

fn in_doc(doc: &Document, e: Error) -> Error {
    if e.file.is_none() {
        Error { kind: e.kind, file: Some(doc.id.clone().into()), line: e.line }
    } else {
        e
    }
}

impl Pipeline {
    pub fn new(recognizer: Box<dyn EntityRecognizer>) -> Pipeline {
        Pipeline::with_services(recognizer, ServiceCatalog::builtin())
    }

    /// The pipeline with a given service table (the built-in one extended by `--services`); the
    /// recognizer should have been built with the same table (`Gazetteer::with_services`).
    pub fn with_services(recognizer: Box<dyn EntityRecognizer>, services: Arc<ServiceCatalog>) -> Pipeline {
        Pipeline {
            segmenter: Segmenter::default(),
            numbers: NumberTagger::default(),
            dates: DateTagger::default(),
            recognizer,
            linker: RecordLinker::with_services(services),
        }
    }

    /// The same pipeline making its weighed decisions with `scorers`.
    pub fn with_scorers(mut self, scorers: Scorers) -> Pipeline {
        self.linker = self.linker.with_scorers(scorers);
        self
    }

    pub fn recognizer_name(&self) -> &'static str {
        self.recognizer.name()
    }

    /// Runs the stages before entity recognition: segmenter, number and date taggers.
    pub fn prepare(&self, doc: &mut Document) -> Result<()> {
        let stages: [&dyn Stage; 3] = [&self.segmenter, &self.numbers, &self.dates];
        for stage in stages {
            stage.process(doc).map_err(|e| in_doc(doc, e))?;
        }
        Ok(())
    }

    /// Runs every stage on one document; `doc.record` holds the result.
    pub fn annotate(&self, doc: &mut Document) -> Result<()> {
        self.prepare(doc)?;
        doc.entities = self.recognizer.recognize(doc).map_err(|e| in_doc(doc, e))?;
        self.linker.process(doc)
    }

    /// The stages before entity recognition, in order (for benchmarks that time them one by one).
    pub fn prepare_stages(&self) -> [&(dyn Stage + Sync); 3] {
        [&self.segmenter, &self.numbers, &self.dates]
    }

    pub fn recognizer(&self) -> &dyn EntityRecognizer {
        self.recognizer.as_ref()
    }

    pub fn linker(&self) -> &RecordLinker {
        &self.linker
    }

    /// Recognizes the entities of prepared documents, in input order. All documents go to
    /// `recognize_batch` at once: a model batches their sentences together and runs the batches
    /// in parallel on the current rayon pool (the same batches for any thread count, so the same
    /// output); a recognizer that works one document at a time (the gazetteer) runs the
    /// documents in parallel. When the batch fails, the documents are retried one at a time, so
    /// one bad document keeps its own error.
    pub fn recognize_all(&self, docs: &[&Document]) -> Vec<Result<Vec<Entity>>> {
        if docs.is_empty() {
            return Vec::new();
        }
        match self.recognizer.recognize_batch(docs) {
            Ok(all) if all.len() == docs.len() => all.into_iter().map(Ok).collect(),
            _ => docs.par_iter().map(|d| self.recognizer.recognize(d)).collect(),
        }
    }

    /// The length in pieces of each sequence the recognizer's model runs on `docs` (`None`
    /// without a model): what `meelezer bench` counts the model's work from.
    pub fn model_sequence_lengths(&self, docs: &[&Document]) -> Option<Result<Vec<usize>>> {
        self.recognizer.sequence_lengths(docs)
    }

    /// Runs every stage on a batch, in parallel across documents; each result is the document
    /// or its error, in input order.
    pub fn annotate_batch(&self, docs: Vec<Document>) -> Vec<Result<Document>> {
        let mut prepared: Vec<Result<Document>> = docs
            .into_par_iter()
            .map(|mut d| self.prepare(&mut d).map(|()| d))
            .collect();
        let ready: Vec<&Document> = prepared.iter().filter_map(|r| r.as_ref().ok()).collect();
        let mut found = self.recognize_all(&ready).into_iter();
        for slot in prepared.iter_mut() {
            if let Ok(doc) = slot {
                match found.next() {
                    Some(Ok(entities)) => doc.entities = entities,
                    Some(Err(e)) => *slot = Err(in_doc(doc, e)),
                    None => *slot = Err(in_doc(doc, Error::model("the recognizer returned too few results"))),
                }
            }
        }
        prepared
            .into_par_iter()
            .map(|r| {
                r.and_then(|mut d| {
                    self.linker.process(&mut d)?;
                    Ok(d)
                })
            })
            .collect()
    }
}
