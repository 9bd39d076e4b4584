//! The native half of the `meelezer` Python package: a thin layer over the crate. Records and
//! annotations cross as JSON text (the same bytes the command line writes), which the Python
//! half parses; every error becomes `meelezer.Error`, a `ValueError`, with its file and line.

use meelezer::{parse_records, read_records, ArticleRecord, Document, PipelineOptions, DEFAULT_CHUNK};
use pyo3::create_exception;
use pyo3::prelude::*;
use std::path::{Path, PathBuf};

create_exception!(_native, Error, pyo3::exceptions::PyValueError, "Bad input: an empty text, a malformed record, a missing file (the message names it).");

fn error(e: impl std::fmt::Display) -> PyErr {
    Error::new_err(e.to_string())
}

/// The pipeline, with its model loaded once and shared by every call.
#[pyclass(frozen, module = "meelezer._native")]
struct Pipeline {
    inner: meelezer::Pipeline,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (model=None, services=Vec::new(), viterbi=true, all_sentences=false, int8=None, type_agreement=true))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        model: Option<PathBuf>,
        services: Vec<PathBuf>,
        viterbi: bool,
        all_sentences: bool,
        int8: Option<bool>,
        type_agreement: bool,
    ) -> PyResult<Pipeline> {
        let options = PipelineOptions { model, services, all_sentences, viterbi, type_agreement, int8, ..PipelineOptions::default() };
        let inner = py.allow_threads(|| options.build()).map_err(error)?;
        Ok(Pipeline { inner })
    }

    /// The entity recognizer's name: `model+gazetteer` or `gazetteer`.
    #[getter]
    fn recognizer(&self) -> &'static str {
        self.inner.recognizer_name()
    }

    /// One article's record as a JSON line.
    fn extract(&self, py: Python<'_>, text: String, doc: String) -> PyResult<String> {
        let mut lines = self.extract_many(py, vec![(doc, text)], None)?;
        Ok(lines.pop().unwrap_or_default())
    }

    /// Records as JSON lines, in input order, in chunks of the command line's size (so the
    /// model batches the same sentences and the bytes are the command line's). The GIL is
    /// released while it runs; `threads` gives it a pool of its own.
    #[pyo3(signature = (items, threads=None))]
    fn extract_many(&self, py: Python<'_>, items: Vec<(String, String)>, threads: Option<usize>) -> PyResult<Vec<String>> {
        let run = || -> meelezer::Result<Vec<String>> {
            let mut out = Vec::with_capacity(items.len());
            for (start, chunk) in items.chunks(DEFAULT_CHUNK).enumerate().map(|(i, c)| (i * DEFAULT_CHUNK, c)) {
                let mut docs = Vec::with_capacity(chunk.len());
                for (k, (id, text)) in chunk.iter().enumerate() {
                    let doc = Document::from_text(id.clone(), text.clone())
                        .map_err(|e| e.in_file(format!("item {} ({id:?})", start + k)))?;
                    docs.push(doc);
                }
                for doc in self.inner.annotate_batch(docs) {
                    let doc = doc?;
                    let record = doc.record.ok_or_else(|| meelezer::Error::invalid(format!("{}: no record produced", doc.id)))?;
                    out.push(record.to_json_line());
                }
            }
            Ok(out)
        };
        let result = match threads {
            Some(n) => {
                let pool = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build().map_err(error)?;
                py.allow_threads(|| pool.install(run))
            }
            None => py.allow_threads(run),
        };
        result.map_err(error)
    }

    /// Every annotation of one text (what `meelezer tag` prints), as JSON.
    #[pyo3(signature = (text, date=None))]
    fn tag(&self, py: Python<'_>, text: String, date: Option<String>) -> PyResult<String> {
        py.allow_threads(|| -> meelezer::Result<String> {
            let mut doc = Document::from_text("stdin", text)?; // the id `meelezer tag` gives
            if let Some(date) = date {
                doc.set_date(&date)?;
            }
            self.inner.annotate(&mut doc)?;
            Ok(doc.annotations_json().to_string())
        })
        .map_err(error)
    }
}

/// Records from a file, or from JSON lines in memory named `source` in errors.
fn records(path: Option<PathBuf>, lines: Option<Vec<String>>, source: &str) -> meelezer::Result<Vec<ArticleRecord>> {
    match (path, lines) {
        (Some(path), _) => read_records(&path),
        (None, lines) => parse_records(&lines.unwrap_or_default().join("\n"), Path::new(source)),
    }
}

/// The scores `meelezer eval --json` prints, as JSON; each side a path or JSON lines.
#[pyfunction]
#[pyo3(signature = (gold_path=None, gold_lines=None, pred_path=None, pred_lines=None))]
fn evaluate(gold_path: Option<PathBuf>, gold_lines: Option<Vec<String>>, pred_path: Option<PathBuf>, pred_lines: Option<Vec<String>>) -> PyResult<String> {
    let gold = records(gold_path, gold_lines, "<gold>").map_err(error)?;
    let pred = records(pred_path, pred_lines, "<pred>").map_err(error)?;
    serde_json::to_string(&meelezer::evaluate(&gold, &pred)).map_err(error)
}

/// One row per fact (`meelezer::FACT_COLUMNS`), from a path or JSON lines.
#[pyfunction]
#[pyo3(signature = (path=None, lines=None))]
fn fact_rows(path: Option<PathBuf>, lines: Option<Vec<String>>) -> PyResult<Vec<Vec<String>>> {
    let records = records(path, lines, "<records>").map_err(error)?;
    Ok(meelezer::fact_rows(&records).into_iter().map(Vec::from).collect())
}

/// `meelezer merge` of records from a path or JSON lines: one JSON object per row (service,
/// slot, value, where, with article count and first and last date), as `merge::rows` gives.
#[pyfunction]
#[pyo3(signature = (path=None, lines=None))]
fn merge_rows(path: Option<PathBuf>, lines: Option<Vec<String>>) -> PyResult<Vec<String>> {
    let records = records(path, lines, "<records>").map_err(error)?;
    let mut merger = meelezer::merge::Merger::new(1);
    for r in &records {
        merger.add(r);
    }
    meelezer::merge::rows(&merger.finish()).iter().map(|r| serde_json::to_string(r).map_err(error)).collect()
}

/// Sizes rayon's global pool to `threads` (0: the cores), once, before anything runs; the
/// Python half has set `RAYON_NUM_THREADS=1` first, so candle's matmuls stay on the worker
/// that calls them (one thread budget, as in the command line).
#[pyfunction]
fn claim_threads(threads: usize) {
    let n = if threads > 0 { threads } else { std::thread::available_parallelism().map_or(1, |n| n.get()) };
    // A pool already built (by another library in this process) keeps its size.
    let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
}

/// The shipped model in the checkout this package was built from, if it is still there.
#[pyfunction]
fn checkout_model() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/ner");
    dir.join("config.json").is_file().then_some(dir)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("FACT_COLUMNS", meelezer::FACT_COLUMNS.to_vec())?;
    m.add_class::<Pipeline>()?;
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(fact_rows, m)?)?;
    m.add_function(wrap_pyfunction!(merge_rows, m)?)?;
    m.add_function(wrap_pyfunction!(claim_threads, m)?)?;
    m.add_function(wrap_pyfunction!(checkout_model, m)?)?;
    Ok(())
}
