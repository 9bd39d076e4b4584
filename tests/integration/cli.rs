//! The command line: output order and shape, `tag`, and clear errors (never a panic) on bad input.

use super::{meelezer, stderr, stdout, write};
use meelezer::{read_records, ArticleRecord};

/// A failed run exits non-zero but not with Rust's panic code, and names what was wrong.
fn assert_clean_failure(o: &std::process::Output, needles: &[&str]) {
    assert!(!o.status.success(), "expected failure, got success: {}", stdout(o));
    assert_ne!(o.status.code(), Some(101), "panicked: {}", stderr(o));
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{err}");
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}: {err}");
    }
}

#[test]
fn extract_writes_one_line_per_article_in_input_order() {
    let o = meelezer(&["extract", "seeds/004_74da867f1bb4632c.txt", "seeds/000_dec44785a4f2d47f.txt"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs: Vec<String> = stdout(&o)
        .lines()
        .map(|l| ArticleRecord::from_json_line(l).expect("valid record").doc)
        .collect();
    assert_eq!(docs, vec!["004_74da867f1bb4632c", "000_dec44785a4f2d47f"]);
}

#[test]
fn extract_reads_jsonl_corpora_and_reports_bad_documents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write(
        dir.path(),
        "c.jsonl",
        "{\"doc\": \"a\", \"text\": \" date 2021-03 De politie heeft 30 mensen aangehouden na de hack van SkyECC.\"}\n{\"doc\": \"b\"}\n{\"doc\": \"c\", \"text\": \"   \"}\n{\"doc\": \"d\", \"text\": \"Een gewone zin.\"}\n".as_bytes(),
    );
    let o = meelezer(&["extract", corpus.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let docs: Vec<String> = stdout(&o).lines().map(|l| ArticleRecord::from_json_line(l).unwrap().doc).collect();
    assert_eq!(docs, vec!["a", "d"]);
    let err = stderr(&o);
    assert!(err.contains("c.jsonl:2: field \"text\" missing"), "{err}");
    assert!(err.contains("c.jsonl:3: empty document"), "{err}");
    assert!(err.contains("2 of 4 articles extracted, 2 failed"), "{err}");
}

#[test]
fn a_batch_goes_on_past_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "De politie heeft 30 mensen aangehouden.".as_bytes());
    write(dir.path(), "b.txt", b"De politie \xff\xfe heeft");
    write(dir.path(), "c.txt", b"");
    let o = meelezer(&["extract", dir.path().to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).lines().count(), 1);
    let err = stderr(&o);
    assert!(err.contains("b.txt: not valid UTF-8 (first bad byte at offset 11)"), "{err}");
    assert!(err.contains("c.txt: empty document"), "{err}");
}

#[test]
fn missing_file_and_empty_folder_are_clear_errors() {
    assert_clean_failure(&meelezer(&["extract", "no/such/file.txt"], None), &["no/such/file.txt", "cannot read"]);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.md", b"hallo");
    assert_clean_failure(&meelezer(&["extract", dir.path().to_str().unwrap()], None), &["no .txt articles found"]);
}

#[test]
fn eval_rejects_bad_gold_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(super::root().join("gold/seeds.jsonl")).unwrap();
    let first = good.lines().next().unwrap();
    let malformed = write(dir.path(), "malformed.jsonl", format!("{first}\n{{\"doc\": \"x\",\n").as_bytes());
    let o = meelezer(&["eval", "--gold", malformed.to_str().unwrap(), "--pred", "gold/seeds.jsonl"], None);
    assert_clean_failure(&o, &["malformed.jsonl:2: malformed JSON"]);

    let unknown = write(dir.path(), "unknown.jsonl", first.replacen("\"arrests\"", "\"arests\"", 1).as_bytes());
    let o = meelezer(&["eval", "--gold", "gold/seeds.jsonl", "--pred", unknown.to_str().unwrap()], None);
    assert_clean_failure(&o, &["unknown.jsonl:1: field \"slot\" is \"arests\", not a known slot in fact 7 of operation 1"]);

    let empty = write(dir.path(), "empty.jsonl", b"");
    assert_clean_failure(&meelezer(&["eval", "--gold", empty.to_str().unwrap(), "--pred", "gold/seeds.jsonl"], None), &["empty.jsonl: empty document"]);
    let latin1 = write(dir.path(), "latin1.jsonl", b"{\"doc\": \"caf\xe9\"}");
    assert_clean_failure(&meelezer(&["eval", "--gold", latin1.to_str().unwrap(), "--pred", "gold/seeds.jsonl"], None), &["latin1.jsonl: not valid UTF-8"]);
    assert_clean_failure(&meelezer(&["eval", "--gold", "nope.jsonl", "--pred", "gold/seeds.jsonl"], None), &["nope.jsonl: cannot read"]);
}

#[test]
fn gold_files_round_trip() {
    for file in ["gold/seeds.jsonl", "gold/dev.jsonl"] {
        let path = super::root().join(file);
        if !path.exists() {
            continue;
        }
        let records = read_records(&path).unwrap();
        for r in &records {
            assert_eq!(&ArticleRecord::from_json_line(&r.to_json_line()).unwrap(), r);
        }
    }
}

#[test]
fn eval_json_has_the_documented_keys() {
    let o = meelezer(&["eval", "--gold", "gold/seeds.jsonl", "--pred", "gold/seeds.jsonl", "--json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in ["operations", "facts_strict", "facts_lenient", "facts_unlinked", "entities", "entities_untyped"] {
        for field in ["p", "r", "f1", "tp", "gold", "pred"] {
            assert!(v[key][field].is_number(), "{key}.{field}");
        }
        assert_eq!(v[key]["f1"], 1.0, "{key}");
    }
}

#[test]
fn tag_shows_spans_that_slice_the_input() {
    let text = "De politie heeft sinds 1 april meer dan 20 miljoen berichten van EncroChat meegelezen.";
    let o = meelezer(&["tag", "--date", "2020-07"], Some(text));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in ["sentences", "tokens", "entities", "quantities", "dates"] {
        for item in v[key].as_array().unwrap_or_else(|| panic!("{key} is a list")) {
            let (s, e) = (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
            assert_eq!(item["text"].as_str().unwrap(), &text[s..e], "{key}");
        }
    }
    assert_eq!(v["tokens"].as_array().unwrap().len(), 15);
    assert_eq!(v["entities"][0]["text"], "EncroChat");
    let bad = meelezer(&["tag", "--date", "juli"], Some(text));
    assert_clean_failure(&bad, &["--date: invalid input: the date must be YYYY-MM"]);
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::io::{Read, Write};
    // Output far larger than a pipe buffer, so writing must meet the closed pipe.
    let text = "De politie heeft 42 verdachten van EncroChat opgepakt. ".repeat(3000);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_meelezer"))
        .args(["tag", "--gazetteer"])
        .current_dir(super::root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    writer.join().unwrap().unwrap();
    let out = child.wait_with_output().unwrap();
    assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

/// A service unknown to the built-in table, taught at run time with `--services FILE`.
#[test]
fn a_services_file_adds_a_new_service_without_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "veltrix.txt",
        " date 2026-10 Bij een actie tegen Veltrix zijn dinsdag 14 verdachten aangehouden. De politie las maandenlang mee met Veltrix-gebruikers, van wie er ongeveer 900 in Nederland zaten.".as_bytes(),
    );
    let table = write(
        dir.path(),
        "services.jsonl",
        "{\"service\": \"Veltrix\", \"spellings\": [\"Veltrix\", \"VeltrixChat\"], \"about\": \"invented for this test\"}\n".as_bytes(),
    );
    let article = article.to_str().unwrap();
    // Without the file the service is unknown: no operation.
    let o = meelezer(&["extract", "--gazetteer", article], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let record = ArticleRecord::from_json_line(stdout(&o).trim()).unwrap();
    assert!(record.operations.is_empty(), "{:?}", record.operations);
    // With it, the operation and its facts.
    let o = meelezer(&["extract", "--gazetteer", "--services", table.to_str().unwrap(), article], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let record = ArticleRecord::from_json_line(stdout(&o).trim()).unwrap();
    assert_eq!(record.main_service(), Some("Veltrix"));
    let facts: Vec<String> = record.operations[0].facts.iter().map(|f| format!("{}={}", f.slot, f.value)).collect();
    for want in ["arrests=14", "agency=Politie", "users=900"] {
        assert!(facts.contains(&want.to_string()), "{want} missing from {facts:?}");
    }
    assert!(record.entities.iter().any(|e| e.text == "Veltrix"), "{:?}", record.entities);
}

#[test]
fn a_bad_services_file_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", "De politie heeft 30 mensen aangehouden.".as_bytes());
    let table = write(dir.path(), "services.jsonl", "{\"service\": \"A\", \"spellings\": []}\n{\"service\": \"B\"}\n".as_bytes());
    let o = meelezer(&["extract", "--gazetteer", "--services", table.to_str().unwrap(), article.to_str().unwrap()], None);
    assert_clean_failure(&o, &["services.jsonl:2: malformed JSON"]);
}

#[test]
fn a_malformed_header_date_is_a_warning_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "x.txt", " date 2023-13 Vandaag zijn bij de actie tegen Exclu 30 mensen aangehouden.".as_bytes());
    let o = meelezer(&["extract", "--gazetteer", article.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("x.txt: malformed header date \"2023-13\""), "{err}");
    let record = ArticleRecord::from_json_line(stdout(&o).trim()).unwrap();
    assert_eq!(record.date, None);
}

/// `facts`: a header, then one CSV row per fact of the gold file (as many as its facts), to
/// standard output or `-o`; a malformed line is an error naming the file and line.
#[test]
fn facts_writes_one_csv_row_per_fact() {
    let o = meelezer(&["facts", "gold/seeds.jsonl"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    assert_eq!(lines.next(), Some("doc,service,main,slot,value,unit,what,qualifier,where,per_months"));
    let gold = std::fs::read_to_string(super::root().join("gold/seeds.jsonl")).unwrap();
    let facts: usize = gold
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| v["operations"].as_array().unwrap().iter().map(|op| op["facts"].as_array().unwrap().len()).sum::<usize>())
        .sum();
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), facts);
    assert!(rows.iter().any(|r| r.contains(",arrests,")), "{csv}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("facts.csv");
    let o = meelezer(&["facts", "gold/seeds.jsonl", "-o", out.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), csv);
    let bad = write(dir.path(), "bad.jsonl", b"{\"doc\": \"x\",\n");
    assert_clean_failure(&meelezer(&["facts", bad.to_str().unwrap()], None), &["bad.jsonl:1: malformed JSON"]);
}

#[test]
fn fit_commands_cross_validate_and_write_their_weights() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (command, first) in [
        ("fit-link", "hand_choice"),
        ("fit-where", "hand_choice"),
        ("fit-main", "hand_choice"),
    ] {
        let out = dir.path().join(format!("{command}.json"));
        let o = meelezer(
            &[
                command,
                "--gold",
                "gold/dev.jsonl",
                "--gold",
                "gold/dev2.jsonl",
                "seeds/dev",
                "seeds/dev2",
                "--folds",
                "3",
                "-o",
                out.to_str().unwrap(),
            ],
            None,
        );
        assert!(o.status.success(), "{command}: {}", stderr(&o));
        assert!(
            stdout(&o).contains("3-fold cross-validated accuracy"),
            "{command}: {}",
            stdout(&o)
        );
        let weights: meelezer::logit::Weights =
            serde_json::from_str(&std::fs::read_to_string(&out).expect("weights written"))
                .expect("weights parse");
        assert_eq!(weights.features[0], first);
        assert_eq!(weights.features.len(), weights.weights.len());
        assert!(
            weights.weights.iter().all(|w| w.is_finite()),
            "{command}: {:?}",
            weights.weights
        );
    }
    // Articles that none of the gold files label give nothing to fit: a clear error.
    let o = meelezer(
        &["fit-where", "--gold", "gold/seeds.jsonl", "seeds/dev"],
        None,
    );
    assert_clean_failure(&o, &["no labelled country of a figure"]);
}
