//! Corpus input for large runs: folders, glob patterns, `.txt` articles and JSON Lines corpora
//! (files or standard input as `-`), read as a stream with bounded memory, and the driver that
//! runs the pipeline over such a stream in chunks, keeping input order.
//!
//! Memory stays bounded by the chunk size times the size limit: a `.txt` article over the limit
//! is never read (its size comes from the file system), and a corpus line over the limit is
//! skipped while it is read, without being kept. Each is reported as
//! `file[:line]: too large (N bytes > LIMIT)`, and the run goes on.
//!
//! [`synth`] writes synthetic corpora in this genre for scale tests.

pub mod synth;

use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::loader::{parse_corpus_line, Origin, RawArticle};
use crate::pipeline::Pipeline;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The default size limit for one document: 4 MiB, far above any news article.
pub const DEFAULT_MAX_BYTES: u64 = 4 * 1024 * 1024;

/// The default number of documents annotated together (and held in memory at once).
pub const DEFAULT_CHUNK: usize = 256;

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// One input, resolved from a command-line path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A `.txt` file: one article.
    Article(PathBuf),
    /// A `.jsonl` / `.ndjson` file: one `{"doc", "text"}` article per line.
    Lines(PathBuf),
    /// A JSON Lines corpus on standard input (`-`).
    Stdin,
}

fn is_jsonl(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson"))
}

fn is_txt(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()) == Some("txt")
}

fn file_source(path: PathBuf) -> Source {
    if is_jsonl(&path) {
        Source::Lines(path)
    } else {
        Source::Article(path)
    }
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Resolves command-line paths into sources, in order: `-` is standard input, a folder gives its
/// `.txt` files (sorted, not recursive), a file is taken as it is, and a path that does not exist
/// but holds `*`, `?` or `[` is a glob pattern (quoted on the shell, expanded here, sorted).
/// Fails on a missing file, a folder without articles or a pattern that matches nothing.
pub fn resolve(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                    .map_err(|e| Error::from(e).in_file(path))?
                    .filter_map(|entry| entry.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && is_txt(p))
                    .collect();
                if files.is_empty() {
                    return Err(Error::new(ErrorKind::NoArticles).in_file(path));
                }
                files.sort();
                out.extend(files.into_iter().map(Source::Article));
            }
            Ok(_) => out.push(file_source(path.clone())),
            Err(e) => {
                let pattern = path.to_string_lossy();
                if !has_glob_chars(&pattern) {
                    return Err(Error::from(e).in_file(path));
                }
                let matches = glob::glob(&pattern).map_err(|e| Error::invalid(format!("bad glob pattern: {e}")).in_file(path))?;
                let mut files: Vec<PathBuf> = matches.filter_map(|m| m.ok()).filter(|p| p.is_file()).collect();
                if files.is_empty() {
                    return Err(Error::invalid("no file matches this pattern").in_file(path));
                }
                files.sort();
                out.extend(files.into_iter().map(file_source));
            }
        }
    }
    Ok(out)
}

/// Reads one line into `buf` (without `\n` or `\r\n`), keeping at most `limit` bytes of it;
/// returns the line's full length, or `None` at the end of input. A line longer than `limit`
/// is consumed to its end but not kept, so memory stays bounded whatever the input.
pub fn read_line_bounded(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: u64) -> std::io::Result<Option<u64>> {
    buf.clear();
    let mut total = 0u64;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, newline) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if total + take as u64 <= limit {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            buf.clear();
        }
        total += take as u64;
        reader.consume(take + usize::from(newline));
        if newline {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
        total -= 1;
    }
    Ok(Some(total))
}

/// A JSON Lines source being read.
struct LineSource {
    reader: Box<dyn BufRead + Send>,
    file: PathBuf,
    /// The last line read (1-based).
    line: usize,
    /// Non-blank lines seen so far: a corpus without any is an error.
    items: usize,
}

/// A stream of raw articles from a list of sources, in input order; each item is an article or
/// the error for it (with file and line), so a run can report it and go on.
pub struct Corpus {
    sources: VecDeque<Source>,
    current: Option<LineSource>,
    max_bytes: u64,
    buf: Vec<u8>,
}

impl Corpus {
    pub fn new(sources: Vec<Source>) -> Corpus {
        Corpus { sources: sources.into(), current: None, max_bytes: DEFAULT_MAX_BYTES, buf: Vec::new() }
    }

    /// Resolves `paths` (see [`resolve`]) into a corpus.
    pub fn open(paths: &[PathBuf]) -> Result<Corpus> {
        resolve(paths).map(Corpus::new)
    }

    /// Sets the size limit for one document (bytes of a `.txt` file or of a corpus line).
    pub fn with_max_bytes(mut self, max_bytes: u64) -> Corpus {
        self.max_bytes = max_bytes;
        self
    }

    fn read_article(&self, path: PathBuf) -> Result<RawArticle> {
        let origin = Origin { file: path.clone(), line: None };
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
        let file = std::fs::File::open(&path).map_err(|e| Error::from(e).in_file(&path))?;
        let size = file.metadata().map_err(|e| Error::from(e).in_file(&path))?.len();
        if size > self.max_bytes {
            return Err(Error::new(ErrorKind::TooLarge { bytes: size, limit: self.max_bytes }).in_file(&path));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        // `take` keeps a file that grows while being read within the limit too.
        file.take(self.max_bytes + 1).read_to_end(&mut bytes).map_err(|e| Error::from(e).in_file(&path))?;
        if bytes.len() as u64 > self.max_bytes {
            return Err(Error::new(ErrorKind::TooLarge { bytes: bytes.len() as u64, limit: self.max_bytes }).in_file(&path));
        }
        Ok(RawArticle { origin, id, bytes })
    }

    /// The next item of the open JSON Lines source, or `None` when it is done.
    fn next_line(&mut self) -> Option<Result<RawArticle>> {
        let src = self.current.as_mut()?;
        loop {
            let read = read_line_bounded(src.reader.as_mut(), &mut self.buf, self.max_bytes);
            src.line += 1;
            let at = |e: Error, src: &LineSource| e.in_file(&src.file).at_line(src.line);
            let len = match read {
                Ok(Some(len)) => len,
                Ok(None) => {
                    let src = self.current.take()?;
                    return (src.items == 0).then(|| Err(Error::new(ErrorKind::Empty).in_file(&src.file)));
                }
                Err(e) => {
                    let err = at(Error::from(e), src);
                    self.current = None;
                    return Some(Err(err));
                }
            };
            if len <= self.max_bytes && self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            src.items += 1;
            if len > self.max_bytes {
                return Some(Err(at(Error::new(ErrorKind::TooLarge { bytes: len, limit: self.max_bytes }), src)));
            }
            let line = match std::str::from_utf8(&self.buf) {
                Ok(line) => line,
                Err(e) => return Some(Err(at(Error::new(ErrorKind::NotUtf8(e.valid_up_to())), src))),
            };
            return Some(
                parse_corpus_line(line)
                    .map(|(id, text)| RawArticle {
                        origin: Origin { file: src.file.clone(), line: Some(src.line) },
                        id,
                        bytes: text.into_bytes(),
                    })
                    .map_err(|e| at(e, src)),
            );
        }
    }
}

impl Iterator for Corpus {
    type Item = Result<RawArticle>;

    fn next(&mut self) -> Option<Result<RawArticle>> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let (reader, file): (Box<dyn BufRead + Send>, PathBuf) = match self.sources.pop_front()? {
                Source::Article(path) => return Some(self.read_article(path)),
                Source::Stdin => (Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())), PathBuf::from(STDIN_NAME)),
                Source::Lines(path) => match std::fs::File::open(&path) {
                    Ok(f) => (Box::new(BufReader::with_capacity(1 << 16, f)), path),
                    Err(e) => return Some(Err(Error::from(e).in_file(&path))),
                },
            };
            self.current = Some(LineSource { reader, file, line: 0, items: 0 });
        }
    }
}

/// Where a document's error points: its corpus file and line rather than its id.
fn relocate(e: Error, id: &str, origin: &Origin) -> Error {
    if e.file.as_deref().is_some_and(|f| f != Path::new(id)) {
        return e;
    }
    let e = Error { kind: e.kind, file: Some(origin.file.clone()), line: None };
    match origin.line {
        Some(line) => e.at_line(line),
        None => e,
    }
}

/// Decodes and annotates one chunk of raw items (in parallel, on the current rayon pool);
/// returns each document or its error, in input order.
pub fn annotate_chunk(pipeline: &Pipeline, items: Vec<Result<RawArticle>>) -> Vec<Result<Document>> {
    let decoded: Vec<Result<(Origin, Document)>> = items
        .into_par_iter()
        .map(|item| {
            let raw = item?;
            let origin = raw.origin.clone();
            raw.into_document().map(|d| (origin, d))
        })
        .collect();
    let mut origins = Vec::new();
    let mut docs = Vec::new();
    let mut slots: Vec<Option<Error>> = Vec::with_capacity(decoded.len());
    for item in decoded {
        match item {
            Ok((origin, doc)) => {
                origins.push((origin, doc.id.clone()));
                docs.push(doc);
                slots.push(None);
            }
            Err(e) => slots.push(Some(e)),
        }
    }
    let mut annotated = pipeline.annotate_batch(docs).into_iter().zip(origins);
    slots
        .into_iter()
        .map(|slot| match slot {
            Some(e) => Err(e),
            None => match annotated.next() {
                Some((Ok(doc), _)) => Ok(doc),
                Some((Err(e), (origin, id))) => Err(relocate(e, &id, &origin)),
                None => Err(Error::model("the pipeline returned too few documents")),
            },
        })
        .collect()
}

/// Runs the pipeline over a stream, `chunk` documents at a time (at most that many in memory),
/// calling `each` with every document or its error in input order. Parallel work runs on the
/// current rayon pool (`ThreadPool::install` picks it); the output does not depend on its size.
/// Stops early only when `each` fails.
pub fn annotate_stream<E>(
    pipeline: &Pipeline,
    items: impl Iterator<Item = Result<RawArticle>>,
    chunk: usize,
    mut each: impl FnMut(Result<Document>) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let chunk = chunk.max(1);
    let mut items = items.peekable();
    while items.peek().is_some() {
        let batch: Vec<Result<RawArticle>> = items.by_ref().take(chunk).collect();
        for result in annotate_chunk(pipeline, batch) {
            each(result)?;
        }
    }
    Ok(())
}

/// Loads every article under `paths` into memory, in input order; each item is a document or the
/// error for it. For large corpora, stream with [`Corpus`] instead.
pub fn load_all(paths: &[std::path::PathBuf]) -> Result<Vec<Result<Document>>> {
    Ok(Corpus::open(paths)?.map(|item| item.and_then(RawArticle::into_document)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, limit: u64) -> Vec<Option<(u64, String)>> {
        let mut reader = std::io::BufReader::with_capacity(4, input.as_bytes());
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let got = read_line_bounded(&mut reader, &mut buf, limit).unwrap();
            out.push(got.map(|n| (n, String::from_utf8(buf.clone()).unwrap())));
            if got.is_none() {
                return out;
            }
        }
    }

    #[test]
    fn bounded_lines_skip_what_is_over_the_limit() {
        let some = |n: u64, s: &str| Some((n, s.to_string()));
        assert_eq!(lines("ab\r\ncdefghij\n\nk", 5), vec![some(2, "ab"), some(8, ""), some(0, ""), some(1, "k"), None]);
        assert_eq!(lines("", 5), vec![None]);
        assert_eq!(lines("abcde\n", 5), vec![some(5, "abcde"), None]);
    }

    fn corpus_of(text: &str, limit: u64) -> Vec<std::result::Result<String, String>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, text).unwrap();
        Corpus::new(vec![Source::Lines(path)])
            .with_max_bytes(limit)
            .map(|r| r.map(|a| a.id).map_err(|e| e.to_string().rsplit('/').next().unwrap().to_string()))
            .collect()
    }

    #[test]
    fn corpus_lines_report_each_problem_with_its_line() {
        let long = format!("{{\"doc\": \"big\", \"text\": \"{}\"}}", "x".repeat(500));
        let text = format!("{{\"doc\": \"a\", \"text\": \"t\"}}\n\n{long}\n{{\"doc\": \"b\"}}\n{{\"doc\": \"c\", \"text\": \"u\"}}\n");
        assert_eq!(
            corpus_of(&text, 100),
            vec![
                Ok("a".into()),
                Err(format!("c.jsonl:3: too large ({} bytes > 100)", long.len())),
                Err("c.jsonl:4: field \"text\" missing".into()),
                Ok("c".into()),
            ]
        );
        assert_eq!(corpus_of("\n \n", 100), vec![Err("c.jsonl: empty document".into())]);
    }

    #[test]
    fn large_articles_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 2000]).unwrap();
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "De politie.").unwrap();
        let got: Vec<_> = Corpus::new(vec![Source::Article(big), Source::Article(small)]).with_max_bytes(1000).collect();
        assert!(got[0].as_ref().unwrap_err().to_string().ends_with("big.txt: too large (2000 bytes > 1000)"));
        assert_eq!(got[1].as_ref().unwrap().id, "small");
    }

    #[test]
    fn globs_expand_sorted_and_fail_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.txt", "c.md", "d.jsonl"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let pattern = dir.path().join("*.*");
        let got = resolve(&[pattern, PathBuf::from("-")]).unwrap();
        let p = |n: &str| dir.path().join(n);
        assert_eq!(
            got,
            vec![Source::Article(p("a.txt")), Source::Article(p("b.txt")), Source::Article(p("c.md")), Source::Lines(p("d.jsonl")), Source::Stdin]
        );
        let none = resolve(&[dir.path().join("*.xml")]).unwrap_err().to_string();
        assert!(none.ends_with("*.xml: invalid input: no file matches this pattern"), "{none}");
    }

    #[test]
    fn chunks_keep_input_order_and_errors_in_place() {
        let item = |id: &str, text: &str| {
            Ok(RawArticle { origin: Origin { file: "c.jsonl".into(), line: Some(1) }, id: id.into(), bytes: text.as_bytes().to_vec() })
        };
        let items = vec![item("a", "De politie."), item("b", "  "), Err(Error::invalid("x")), item("c", "EncroChat is gekraakt.")];
        let mut seen = Vec::new();
        let pipeline = Pipeline::default();
        annotate_stream(&pipeline, items.into_iter(), 2, |r| {
            seen.push(r.map(|d| d.id).map_err(|e| e.to_string()));
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(seen, vec![Ok("a".into()), Err("c.jsonl:1: empty document".into()), Err("invalid input: x".into()), Ok("c".into())]);
    }
}
