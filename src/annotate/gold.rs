//! The gold file an analyst edits in `meelezer annotate`: read with a version stamp, one line
//! replaced or appended, written atomically with the previous version kept as `.bak`.
//!
//! Saving loses nothing: the new contents go to a temporary file in the same folder, are synced
//! to disk and then renamed over the old file, so a crash at any point leaves either the old file
//! or the new one, never a mix. Every other line is written back byte for byte, in order.

use crate::error::{Error, Result};
use crate::record::{parse_records, ArticleRecord};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What the gold file holds at one moment.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The file's bytes (empty when it does not exist yet).
    pub bytes: Vec<u8>,
    /// A stamp of those bytes: the page sends it back with a save, and a save is refused when
    /// the file no longer has it.
    pub version: String,
    /// The records, parsed and checked as `eval` does.
    pub records: Vec<ArticleRecord>,
}

impl Snapshot {
    pub fn record(&self, doc: &str) -> Option<&ArticleRecord> {
        self.records.iter().find(|r| r.doc == doc)
    }
}

/// The version stamp of a file's bytes: their length and 64-bit FNV-1a hash.
pub fn version_of(bytes: &[u8]) -> String {
    format!("{}-{:016x}", bytes.len(), crate::rng::fnv1a(bytes))
}

/// Reads and checks the gold file; a missing file is an empty one (the first save creates it).
/// A malformed line is an error naming the file and line.
pub fn read(path: &Path) -> Result<Snapshot> {
    let bytes = bytes_of(path)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| Error::new(crate::error::ErrorKind::NotUtf8(e.valid_up_to())).in_file(path))?;
    // An empty file is an empty gold file here, not the error `eval` makes of it.
    let records = if text.trim().is_empty() { Vec::new() } else { parse_records(text, path)? };
    Ok(Snapshot { version: version_of(&bytes), records, bytes })
}

/// The file's bytes; none when it does not exist yet.
fn bytes_of(path: &Path) -> Result<Vec<u8>> {
    match std::fs::read(path) {
        Ok(b) => Ok(b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(Error::from(e).in_file(path)),
    }
}

/// The document id of one gold line, if it parses that far.
fn doc_of(line: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    v.get("doc")?.as_str().map(str::to_string)
}

/// The file's bytes with the line of `record.doc` replaced by `line` (or `line` appended when
/// the document has none); every other line byte-identical and in order.
pub fn replace_line(bytes: &[u8], doc: &str, line: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len() + line.len() + 1);
    let mut replaced = false;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        let end = &piece[body.len()..];
        if !replaced && doc_of(body).as_deref() == Some(doc) {
            out.push_str(line);
            out.push_str(if end.is_empty() { "\n" } else { end });
            replaced = true;
        } else {
            out.push_str(piece);
        }
    }
    if !replaced {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    }
    out.into_bytes()
}

/// The path with `suffix` added to its file name (`gold.jsonl` -> `gold.jsonl.bak`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, written and synced, then
/// renamed over it, then the folder synced. `before_rename` runs between the sync and the
/// rename (tests use it to stand for a crash there: an error leaves the old file as it was).
pub fn write_atomically(path: &Path, bytes: &[u8], before_rename: impl FnOnce() -> std::io::Result<()>) -> Result<()> {
    let tmp = with_suffix(path, &format!(".tmp-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        before_rename()?;
        std::fs::rename(&tmp, path)?;
        // The rename itself is durable once the folder is synced.
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::from(e).in_file(path)
    })
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The file is not what the page read: its current version.
    Changed(String),
    /// Reading or writing failed.
    Io(Error),
}

/// Saves one record's line into the gold file if the file still has `expected` as its version:
/// the old file is kept as `GOLD.bak` first, then the new one written atomically. Returns the
/// new version.
pub fn save(path: &Path, record: &ArticleRecord, expected: &str) -> std::result::Result<String, SaveError> {
    let current = bytes_of(path).map_err(SaveError::Io)?;
    let version = version_of(&current);
    if version != expected {
        return Err(SaveError::Changed(version));
    }
    let new = replace_line(&current, &record.doc, &record.to_json_line());
    if !current.is_empty() {
        write_atomically(&with_suffix(path, ".bak"), &current, || Ok(())).map_err(SaveError::Io)?;
    }
    write_atomically(path, &new, || Ok(())).map_err(SaveError::Io)?;
    Ok(version_of(&new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_replaced_in_place_and_others_are_kept_byte_for_byte() {
        let old = "{\"doc\": \"a\", \"x\": 1}\n{\"doc\":\"b\",  \"y\": 2}\r\n{\"doc\": \"c\"}";
        let new = replace_line(old.as_bytes(), "b", "{\"doc\":\"b\"}");
        assert_eq!(String::from_utf8(new).unwrap(), "{\"doc\": \"a\", \"x\": 1}\n{\"doc\":\"b\"}\r\n{\"doc\": \"c\"}");
        let appended = replace_line(old.as_bytes(), "d", "{\"doc\":\"d\"}");
        assert_eq!(String::from_utf8(appended).unwrap(), format!("{old}\n{{\"doc\":\"d\"}}\n"));
        assert_eq!(replace_line(b"", "d", "{}"), b"{}\n");
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        std::fs::write(&path, "old\n").unwrap();
        let err = write_atomically(&path, b"new\n", || Err(std::io::Error::other("power cut"))).unwrap_err();
        assert!(err.to_string().contains("gold.jsonl"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, [std::ffi::OsString::from("gold.jsonl")], "no temporary file left behind");
    }
}
