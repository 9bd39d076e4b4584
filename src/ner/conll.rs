//! CoNLL-2002 (`word POS tag`) and WikiANN (`idx<TAB>word<TAB>tag`) NER files, and an
//! entity-level scorer with conlleval's semantics (exact start, end and type; an `I-` after `O`
//! or after another type starts a chunk).

use super::labels::{tags_from_runs, Tag};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// One sentence of a NER file: words and their gold tags as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
    /// The article the sentence belongs to: the count of `-DOCSTART-` lines before it in a
    /// CoNLL-2002 file; in a WikiANN file (no articles) the sentence's own index.
    pub doc: usize,
}

/// Which column layout a file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConllFormat {
    /// `word POS tag`, space-separated, `-DOCSTART-` lines between documents.
    Conll2002,
    /// `idx<TAB>word<TAB>tag`, as in the WikiANN `.conllu` files.
    WikiAnn,
}

/// Reads a NER file; UTF-8, or Latin-1 when it is not valid UTF-8 (the original CoNLL-2002
/// distribution). The format is detected from the first data line: tab-separated with a
/// numeric first column is WikiANN, anything else CoNLL-2002.
pub fn read_conll(path: &Path) -> Result<Vec<ConllSentence>> {
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    };
    parse_conll(&text).map_err(|e| e.in_file(path))
}

fn detect(text: &str) -> ConllFormat {
    let first = text.lines().map(str::trim_end).find(|l| !l.trim().is_empty() && !l.starts_with("-DOCSTART-"));
    match first {
        Some(l) if l.contains('\t') && l.split('\t').next().is_some_and(|c| c.trim().parse::<u64>().is_ok()) => {
            ConllFormat::WikiAnn
        }
        _ => ConllFormat::Conll2002,
    }
}

/// Parses file contents; errors carry the 1-based line.
pub fn parse_conll(text: &str) -> Result<Vec<ConllSentence>> {
    let format = detect(text);
    let mut out = Vec::new();
    let mut cur = ConllSentence { words: Vec::new(), tags: Vec::new(), doc: 0 };
    let mut docstarts = 0usize;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        let docstart = line.starts_with("-DOCSTART-");
        if line.trim().is_empty() || docstart {
            if !cur.words.is_empty() {
                let next = ConllSentence { words: Vec::new(), tags: Vec::new(), doc: 0 };
                out.push(std::mem::replace(&mut cur, next));
            }
            docstarts += usize::from(docstart);
            continue;
        }
        if cur.words.is_empty() {
            cur.doc = if format == ConllFormat::WikiAnn { out.len() } else { docstarts.saturating_sub(1) };
        }
        let (word, tag) = match format {
            ConllFormat::Conll2002 => {
                let cols: Vec<&str> = line.split_whitespace().collect();
                if cols.len() < 2 {
                    return Err(Error::invalid(format!("expected `word POS tag`, found {line:?}")).at_line(i + 1));
                }
                (cols[0], cols[cols.len() - 1])
            }
            ConllFormat::WikiAnn => {
                if line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
                if cols.len() < 3 {
                    return Err(Error::invalid(format!("expected `idx<TAB>word<TAB>tag`, found {line:?}")).at_line(i + 1));
                }
                (cols[1], cols[cols.len() - 1])
            }
        };
        if word.is_empty() {
            return Err(Error::invalid("empty word").at_line(i + 1));
        }
        cur.words.push(word.to_string());
        cur.tags.push(tag.to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// A chunk: tokens `start..end` of one type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

/// Splits `B-X` into (`B`, `X`); `O` and anything unreadable is (`O`, ``).
fn split_tag(tag: &str) -> (char, &str) {
    match tag.split_once('-') {
        Some((p, k)) if p.len() == 1 && !k.is_empty() => (p.chars().next().unwrap_or('O').to_ascii_uppercase(), k),
        _ => ('O', ""),
    }
}

/// Chunks of a tag sequence as conlleval reads them (BIO, with IOBES `E`/`S` understood).
pub fn chunks(tags: &[&str]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut prev = ('O', "");
    for (i, tag) in tags.iter().enumerate() {
        let (p, k) = split_tag(tag);
        // Chunk end before this token (conlleval's endOfChunk).
        let ends = match (prev.0, p) {
            ('B' | 'I', 'B' | 'S' | 'O') | ('E' | 'S', _) => true,
            ('B' | 'I', 'I' | 'E') => prev.1 != k,
            _ => false,
        };
        if ends {
            if let Some((s, kind)) = open.take() {
                out.push(Chunk { start: s, end: i, kind: kind.to_string() });
            }
        }
        // Chunk start at this token (startOfChunk).
        let starts = match (prev.0, p) {
            (_, 'B' | 'S') => true,
            ('E' | 'S' | 'O', 'I' | 'E') => true,
            (_, 'I' | 'E') => prev.1 != k,
            _ => false,
        };
        if starts {
            if let Some((s, kind)) = open.take() {
                out.push(Chunk { start: s, end: i, kind: kind.to_string() });
            }
            open = Some((i, k));
        }
        prev = (p, k);
    }
    if let Some((s, kind)) = open {
        out.push(Chunk { start: s, end: tags.len(), kind: kind.to_string() });
    }
    out
}

/// Counts for one type (or all): chunks found, in the gold, and exactly right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Entity-level scores over many sentences, overall and per type, plus token accuracy.
#[derive(Debug, Clone, Default)]
pub struct ConllScore {
    pub overall: Counts,
    pub per_type: BTreeMap<String, Counts>,
    pub tokens: usize,
    pub correct_tags: usize,
}

impl ConllScore {
    /// Adds one sentence; `gold` and `predicted` must have one tag per token.
    pub fn add(&mut self, gold: &[&str], predicted: &[&str]) -> Result<()> {
        if gold.len() != predicted.len() {
            return Err(Error::invalid(format!("{} gold tags but {} predicted", gold.len(), predicted.len())));
        }
        self.tokens += gold.len();
        self.correct_tags += gold.iter().zip(predicted).filter(|(g, p)| g == p).count();
        let g = chunks(gold);
        let p = chunks(predicted);
        for c in &g {
            self.overall.gold += 1;
            self.per_type.entry(c.kind.clone()).or_default().gold += 1;
        }
        for c in &p {
            self.overall.predicted += 1;
            let t = self.per_type.entry(c.kind.clone()).or_default();
            t.predicted += 1;
            if g.contains(c) {
                t.correct += 1;
                self.overall.correct += 1;
            }
        }
        Ok(())
    }

    pub fn token_accuracy(&self) -> f64 {
        ratio(self.correct_tags, self.tokens)
    }

    /// An aligned table: one row per type and one for all, P/R/F1 in percent.
    pub fn table(&self) -> String {
        let mut s = format!("{:<8} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}\n", "type", "P", "R", "F1", "gold", "pred", "right");
        let row = |name: &str, c: &Counts| {
            format!(
                "{:<8} {:>7.2} {:>7.2} {:>7.2} {:>6} {:>6} {:>6}\n",
                name,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.gold,
                c.predicted,
                c.correct
            )
        };
        for (k, c) in &self.per_type {
            s += &row(k, c);
        }
        s += &row("overall", &self.overall);
        s += &format!("token accuracy {:.2}% over {} tokens\n", 100.0 * self.token_accuracy(), self.tokens);
        s
    }
}

/// Tags CoNLL sentences with the model as `eval-ner` reads them: whole articles of about 512
/// sentences at a time (so context stays within an article), `after` called with each part's
/// sentence count; the tags come back BIO-repaired as the pipeline reads them (an `I-` that
/// continues nothing starts an entity), with the score and the seconds spent tagging.
pub fn score_model(
    ner: &super::TransformerNer,
    sentences: &[ConllSentence],
    mut after: impl FnMut(usize),
) -> Result<(ConllScore, Vec<Vec<Tag>>, f64)> {
    let t = Instant::now();
    let mut predicted: Vec<Vec<Tag>> = Vec::with_capacity(sentences.len());
    let mut start = 0;
    while start < sentences.len() {
        let mut end = (start + 512).min(sentences.len());
        while end < sentences.len() && sentences[end].doc == sentences[end - 1].doc {
            end += 1;
        }
        let part = &sentences[start..end];
        let words: Vec<Vec<&str>> = part.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        // An article is both the unit of type agreement and of context (CoNLL has no paragraphs).
        let groups: Vec<usize> = part.iter().map(|s| s.doc).collect();
        predicted.extend(ner.tag_documents(&words, &groups, &groups)?);
        after(part.len());
        start = end;
    }
    let secs = t.elapsed().as_secs_f64();
    let mut score = ConllScore::default();
    for (sentence, tags) in sentences.iter().zip(predicted.iter_mut()) {
        *tags = tags_from_runs(tags.len(), &super::labels::tag_runs(tags));
        let pred: Vec<String> = tags.iter().map(|t| t.to_conll()).collect();
        let gold: Vec<&str> = sentence.tags.iter().map(String::as_str).collect();
        let pred: Vec<&str> = pred.iter().map(String::as_str).collect();
        score.add(&gold, &pred)?;
    }
    Ok((score, predicted, secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gold and predicted tags side by side, conlleval's input format.
    const SAMPLE: &str = "\
-DOCSTART- -DOCSTART- O O

Jan N B-PER B-PER
Jansen N I-PER I-PER
woont V O O
in Prep O O
Den N B-LOC B-LOC
Haag N I-LOC O
. Punc O O

De Art O O
politie N O I-ORG
van Prep O I-ORG
Utrecht N B-LOC B-ORG
zegt V O O
niets Pron O I-MISC
. Punc O O
";

    fn score(text: &str) -> ConllScore {
        let mut score = ConllScore::default();
        let mut gold = Vec::new();
        let mut pred = Vec::new();
        for line in text.lines().chain(std::iter::once("")) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() == 4 && cols[0] != "-DOCSTART-" {
                gold.push(cols[2]);
                pred.push(cols[3]);
            } else if !gold.is_empty() {
                score.add(&gold, &pred).unwrap();
                gold.clear();
                pred.clear();
            }
        }
        score
    }

    #[test]
    fn reads_both_formats_and_latin1() {
        let s = parse_conll(
            "-DOCSTART- -DOCSTART- O\nDat Pron O\n35 Num O\n\nIn Prep O\nKyoto N B-LOC\n-DOCSTART- -DOCSTART- O\nJa Int O\n",
        )
        .unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].words, ["Dat", "35"]);
        assert_eq!(s[1].tags, ["O", "B-LOC"]);
        // Articles: the first two sentences in article 0, the last in article 1.
        assert_eq!(s.iter().map(|s| s.doc).collect::<Vec<_>>(), [0, 0, 1]);
        let w = parse_conll("0\tKort\tO\n1\tEngeland\tB-LOC\n\n0\t'\tO\n").unwrap();
        assert_eq!(w[0].words, ["Kort", "Engeland"]);
        assert_eq!(w[1].words, ["'"]);
        assert_eq!((w[0].doc, w[1].doc), (0, 1));
        assert!(parse_conll("Dat\n").unwrap_err().to_string().starts_with("line 1:"));
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ned.lat1");
        std::fs::write(&p, b"Californi\xeb N B-LOC\n").unwrap();
        assert_eq!(read_conll(&p).unwrap()[0].words, ["Californië"]);
    }

    #[test]
    fn chunks_follow_conlleval() {
        let c = |tags: &str| {
            chunks(&tags.split(' ').collect::<Vec<_>>()).into_iter().map(|c| (c.start, c.end, c.kind)).collect::<Vec<_>>()
        };
        assert_eq!(c("O I-ORG I-ORG B-LOC"), [(1, 3, "ORG".into()), (3, 4, "LOC".into())]);
        assert_eq!(c("B-PER I-LOC"), [(0, 1, "PER".into()), (1, 2, "LOC".into())]);
        assert_eq!(c("B-PER B-PER I-PER"), [(0, 1, "PER".into()), (1, 3, "PER".into())]);
        assert_eq!(c("S-PER B-LOC E-LOC O"), [(0, 1, "PER".into()), (1, 3, "LOC".into())]);
    }

    #[test]
    fn scores_a_hand_computed_sample() {
        let s = score(SAMPLE);
        // Gold: PER Jan Jansen, LOC Den Haag, LOC Utrecht = 3.
        // Predicted: PER Jan Jansen (right), LOC Den (partial boundary: wrong),
        // ORG politie van (I- after O starts a chunk; not in gold), ORG Utrecht (type mismatch),
        // MISC niets (I- after O) = 5, one right.
        assert_eq!(s.overall, Counts { correct: 1, predicted: 5, gold: 3 });
        assert!((s.overall.precision() - 0.2).abs() < 1e-12);
        assert!((s.overall.recall() - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.overall.f1() - 0.25).abs() < 1e-12); // 2 * 0.2 * 0.333 / 0.533
        assert_eq!(s.per_type["PER"], Counts { correct: 1, predicted: 1, gold: 1 });
        assert_eq!(s.per_type["LOC"], Counts { correct: 0, predicted: 1, gold: 2 });
        assert_eq!(s.per_type["ORG"], Counts { correct: 0, predicted: 2, gold: 0 });
        assert_eq!(s.per_type["MISC"], Counts { correct: 0, predicted: 1, gold: 0 });
        assert_eq!((s.correct_tags, s.tokens), (9, 14));
        let table = s.table();
        assert!(table.contains("overall    20.00   33.33   25.00      3      5      1"), "{table}");
    }
}
