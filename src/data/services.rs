//! The service table: every encrypted-communication service the pipeline knows, its canonical
//! name, its spellings and what is known of it. The built-in table is `services.jsonl` beside this
//! file, embedded in the binary; `extract --services FILE` adds a file of the same format at run
//! time, so analysts can teach meelezer a new service without a rebuild.
//!
//! One JSON object per line (blank lines are skipped):
//!
//! ```json
//! {"service": "Nexora", "spellings": ["Nexora", "NexoraChat"], "ambiguous": [], "about": "cryptodienst"}
//! ```
//!
//! - `service` (required): the canonical name that records carry.
//! - `spellings` (required, may be empty): surface forms matched as written or in any case, also
//!   as the first part of a hyphenated compound (`Nexora-gebruikers`).
//! - `ambiguous` (optional): spellings that are common words or short forms (`Sky`, `Ghost`,
//!   `Encro`); matched only as written and only in a sentence with a service word
//!   (`gazetteer::AMBIGUOUS_CONTEXT`).
//! - `about` (optional): free text on what is known of the service, for readers of the table.
//!
//! A service already in the table is extended by a later entry of the same name; a spelling
//! taken by another service moves to the later one.

use crate::error::{Error, ErrorKind, Result};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The built-in table, as embedded.
const BUILTIN: &str = include_str!("services.jsonl");

/// One service of the table.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceEntry {
    pub service: String,
    pub spellings: Vec<String>,
    #[serde(default)]
    pub ambiguous: Vec<String>,
    #[serde(default)]
    pub about: Option<String>,
}

/// One spelling and the service it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Spelling {
    pub text: String,
    pub service: String,
    pub ambiguous: bool,
}

/// The services known to one run: the built-in table, extended by files.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceCatalog {
    entries: Vec<ServiceEntry>,
}

impl ServiceCatalog {
    /// The built-in table (parsed once; a test checks it parses).
    pub fn builtin() -> Arc<ServiceCatalog> {
        static TABLE: OnceLock<Arc<ServiceCatalog>> = OnceLock::new();
        TABLE
            .get_or_init(|| {
                Arc::new(ServiceCatalog::parse(BUILTIN, "src/data/services.jsonl").unwrap_or_else(|e| {
                    // Only a broken build can get here: `builtin_table_parses` guards the file.
                    eprintln!("meelezer: built-in service table: {e}");
                    ServiceCatalog { entries: Vec::new() }
                }))
            })
            .clone()
    }

    /// Parses a table; errors name `file` and the line.
    pub fn parse(text: &str, file: impl AsRef<Path>) -> Result<ServiceCatalog> {
        let file = file.as_ref();
        let mut catalog = ServiceCatalog { entries: Vec::new() };
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = |e: Error| e.in_file(file).at_line(n + 1);
            let entry: ServiceEntry =
                serde_json::from_str(line).map_err(|e| at(Error::new(ErrorKind::Json(e))))?;
            if entry.service.trim().is_empty() {
                return Err(at(Error::field("service", "is empty")));
            }
            if let Some(bad) = entry.spellings.iter().chain(&entry.ambiguous).find(|s| s.trim().is_empty()) {
                return Err(at(Error::field("spellings", format!("holds an empty spelling {bad:?}"))));
            }
            catalog.add(entry);
        }
        Ok(catalog)
    }

    /// Reads a table file.
    pub fn load(path: &Path) -> Result<ServiceCatalog> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::new(ErrorKind::Io(e)).in_file(path))?;
        ServiceCatalog::parse(&text, path)
    }

    /// This table with `other`'s services added.
    pub fn extended(&self, other: &ServiceCatalog) -> ServiceCatalog {
        let mut out = self.clone();
        for e in &other.entries {
            out.add(e.clone());
        }
        out
    }

    fn add(&mut self, entry: ServiceEntry) {
        // A spelling names one service: the latest entry that lists it.
        let taken: Vec<&String> = entry.spellings.iter().chain(&entry.ambiguous).collect();
        for e in self.entries.iter_mut().filter(|e| e.service != entry.service) {
            e.spellings.retain(|s| !taken.contains(&s));
            e.ambiguous.retain(|s| !taken.contains(&s));
        }
        match self.entries.iter_mut().find(|e| e.service == entry.service) {
            Some(known) => {
                for s in entry.spellings {
                    known.ambiguous.retain(|a| *a != s);
                    if !known.spellings.contains(&s) {
                        known.spellings.push(s);
                    }
                }
                for s in entry.ambiguous {
                    known.spellings.retain(|a| *a != s);
                    if !known.ambiguous.contains(&s) {
                        known.ambiguous.push(s);
                    }
                }
                if entry.about.is_some() {
                    known.about = entry.about;
                }
            }
            None => self.entries.push(entry),
        }
    }

    pub fn entries(&self) -> &[ServiceEntry] {
        &self.entries
    }

    /// Every spelling with its service; the canonical name is always a spelling of its own
    /// (ambiguous when the table lists it as ambiguous).
    pub fn spellings(&self) -> Vec<Spelling> {
        let mut out = Vec::new();
        for e in &self.entries {
            let mut push = |text: &str, ambiguous: bool| {
                if !out.iter().any(|s: &Spelling| s.text == text) {
                    out.push(Spelling { text: text.to_string(), service: e.service.clone(), ambiguous });
                }
            };
            for s in &e.spellings {
                push(s, false);
            }
            for s in &e.ambiguous {
                push(s, true);
            }
            push(&e.service, false);
        }
        out
    }

    /// Every name the table knows, as written: canonical names, spellings and ambiguous ones.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().flat_map(|e| std::iter::once(&e.service).chain(&e.spellings).chain(&e.ambiguous)).map(String::as_str)
    }

    /// True when `text` is written exactly as one of the services' names.
    pub fn is_spelling(&self, text: &str) -> bool {
        self.names().any(|n| n == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses() {
        let table = ServiceCatalog::parse(BUILTIN, "services.jsonl").expect("the built-in table parses");
        assert!(table.entries().len() >= 12);
        for want in ["EncroChat", "Sky ECC", "Phantom Secure", "Ciphr", "MPC"] {
            assert!(table.entries().iter().any(|e| e.service == want), "{want} missing");
        }
        let sky = table.spellings().into_iter().find(|s| s.text == "Sky").expect("Sky");
        assert_eq!((sky.service.as_str(), sky.ambiguous), ("Sky ECC", true));
    }

    #[test]
    fn a_file_extends_and_overrides() {
        let extra = ServiceCatalog::parse(
            "{\"service\": \"Nexora\", \"spellings\": [\"Nexora\", \"NexoraChat\"]}\n\n{\"service\": \"Sky ECC\", \"spellings\": [\"Sky\"]}\n",
            "extra.jsonl",
        )
        .unwrap();
        let all = ServiceCatalog::builtin().extended(&extra);
        assert!(all.is_spelling("NexoraChat"));
        let sky = all.spellings().into_iter().find(|s| s.text == "Sky").unwrap();
        assert!(!sky.ambiguous, "a later entry makes Sky unambiguous");
        assert!(all.is_spelling("Exclu"));
    }

    #[test]
    fn bad_lines_name_file_line_and_field() {
        let e = ServiceCatalog::parse("{\"service\": \"A\", \"spellings\": []}\n{\"service\": \"\", \"spellings\": []}\n", "x.jsonl")
            .unwrap_err();
        assert_eq!(e.to_string(), "x.jsonl:2: field \"service\" is empty");
        let e = ServiceCatalog::parse("{\"service\": \"A\"}", "x.jsonl").unwrap_err();
        assert!(e.to_string().starts_with("x.jsonl:1: malformed JSON"), "{e}");
        let e = ServiceCatalog::parse("{\"service\": \"A\", \"spelings\": []}", "x.jsonl").unwrap_err();
        assert!(e.to_string().contains("spelings"), "{e}");
    }
}
