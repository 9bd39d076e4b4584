//! `report` and `draft` end to end: the seeds' report checked in headless Chromium (no console
//! errors, the expected numbers of highlighted entities and fact rows in the DOM), escaping, bad
//! evidence, and the draft → gold → eval workflow of README.md's "Adding an article".

use super::{meelezer, root, stderr, stdout, write};
use meelezer::{diff, evaluate, load_all, read_records, ArticleRecord, Pipeline};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Chromium's path (`$CHROMIUM`, else `/usr/bin/chromium`, else `chromium` on `PATH`), or `None`
/// after saying that the browser half of a test is skipped.
fn chromium() -> Option<PathBuf> {
    let found = match std::env::var_os("CHROMIUM") {
        Some(path) => Some(PathBuf::from(path)).filter(|p| p.is_file()),
        None => {
            let on_path = std::env::var_os("PATH").into_iter().flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>());
            std::iter::once(PathBuf::from("/usr/bin")).chain(on_path).map(|d| d.join("chromium")).find(|p| p.is_file())
        }
    };
    if found.is_none() {
        eprintln!("SKIP: chromium not found (apt-get install chromium); the report is not checked in a browser");
    }
    found
}

/// Loads `page` in headless Chromium; returns the DOM after the page's scripts ran, and stderr.
fn dump_dom(browser: &Path, page: &Path) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let out = profile.path().join("dom.html");
    let err = profile.path().join("stderr.txt");
    let mut child = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .args(["--enable-logging=stderr", "--v=0"])
        .arg(format!("--user-data-dir={}", profile.path().join("profile").display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait for chromium").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    (std::fs::read_to_string(out).unwrap(), std::fs::read_to_string(err).unwrap())
}

/// The page ran its script without errors: the load marker is set, no window error was caught,
/// and Chromium logged no console message at all (the report logs none; "Uncaught ..." and
/// blocked-resource messages would show up as `CONSOLE` lines).
fn assert_clean_console(dom: &str, log: &str) {
    assert!(dom.contains("data-ready=\"ok\""), "the report's script did not finish: {}", &dom[..dom.len().min(2000)]);
    assert!(!dom.contains("data-js-error=\""), "window error: {}", dom.split("data-js-error=\"").nth(1).unwrap_or_default());
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught")).collect();
    assert!(console.is_empty(), "console messages: {console:#?}");
}

fn attribute(dom: &str, name: &str) -> Option<usize> {
    let at = dom.find(&format!("{name}=\""))? + name.len() + 2;
    dom[at..].split('"').next()?.parse().ok()
}

fn run_report(args: &[&str]) -> String {
    let o = meelezer(args, None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    let out = args.iter().position(|a| *a == "-o").map(|i| args[i + 1]).expect("-o given");
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn seeds_report_renders_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let pred_path = dir.path().join("pred.jsonl");
    let o = meelezer(&["extract", "seeds", "--gazetteer", "-o", pred_path.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = dir.path().join("report.html");
    // The gazetteer, so that the entities expected below come from the same recognizer.
    let html = run_report(&["report", "--gazetteer", "--gold", "gold/seeds.jsonl", "--pred", pred_path.to_str().unwrap(), "seeds", "-o", page.to_str().unwrap()]);

    // What the page should hold, computed from the pipeline and the records.
    let gold = read_records(&root().join("gold/seeds.jsonl")).unwrap();
    let pred = read_records(&pred_path).unwrap();
    let pipeline = Pipeline::default();
    let mut entities = 0;
    for doc in load_all(&[root().join("seeds")]).unwrap() {
        let mut doc = doc.unwrap();
        pipeline.annotate(&mut doc).unwrap();
        entities += doc.entities.len();
    }
    let facts: Vec<_> = pred.iter().flat_map(|r| &r.operations).flat_map(|o| &o.facts).collect();
    let with_evidence = facts.iter().filter(|f| f.evidence.is_some()).count();
    let diffs = diff(&gold, &pred);
    let missing = diffs.iter().flat_map(|d| &d.missing_facts).filter(|(_, near)| near.is_none()).count();
    let near = diffs.iter().flat_map(|d| &d.missing_facts).filter(|(_, near)| near.is_some()).count();
    let correct = evaluate(&gold, &pred).facts_strict.tp;
    let rows = facts.len() + missing;
    assert!(entities > 0 && !facts.is_empty() && with_evidence > 0 && correct > 0, "the seeds give something to show");

    // Static checks: self-contained, one row per fact, every fact with evidence linked to the text.
    assert_eq!(html.matches("<script>").count(), 2, "only the report's own scripts");
    for outside in ["http://", "https://", " src=", "@import", "url("] {
        assert!(!html.contains(outside), "the page refers to {outside}");
    }
    assert!(html.contains("F1 95% CI"), "the score table with its bootstrap intervals");
    assert_eq!(html.matches("<tr class=\"fact ").count(), rows);
    assert_eq!(html.matches("<tr class=\"fact correct\"").count(), correct);
    assert_eq!(html.matches("<tr class=\"fact missing\"").count(), missing);
    assert_eq!(html.matches("<tr class=\"fact near-miss\"").count(), near);
    assert_eq!(html.matches("class=\"go\"").count(), with_evidence);
    assert!(!html.contains("class=\"warnings\""), "no warnings for the seeds");

    let Some(browser) = chromium() else { return };
    let (dom, log) = dump_dom(&browser, &page);
    assert_clean_console(&dom, &log);
    assert_eq!(attribute(&dom, "data-entities"), Some(entities), "highlighted entities in the DOM");
    assert_eq!(attribute(&dom, "data-fact-rows"), Some(rows), "fact rows in the DOM");
    assert_eq!(dom.matches("<tr class=\"fact correct\"").count(), correct);
    let mut ids: Vec<&str> = dom.split("data-e=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    ids.dedup();
    assert_eq!(ids.len(), entities, "entities counted in the dumped DOM itself");
}

#[test]
fn article_text_renders_as_text_not_markup() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "xss.txt",
        " date 2021-03 De politie <script>alert(1)</script> las mee met \"Sky ECC\" & 'EncroChat': 30 mensen aangehouden.".as_bytes(),
    );
    let page = dir.path().join("xss.html");
    let html = run_report(&["report", article.to_str().unwrap(), "-o", page.to_str().unwrap()]);
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;") && html.contains("&#39;") && html.contains("&amp;"));
    let Some(browser) = chromium() else { return };
    let (dom, log) = dump_dom(&browser, &page);
    assert_clean_console(&dom, &log);
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text in the DOM");
}

#[test]
fn report_without_gold_or_pred_shows_the_pipeline_records_unmarked() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("r.html");
    let html = run_report(&["report", "seeds/000_dec44785a4f2d47f.txt", "-o", page.to_str().unwrap()]);
    assert!(!html.contains("<h2>Scores</h2>") && html.contains("Predicted facts per slot"));
    assert!(!html.contains("class=\"fact correct\"") && html.contains("class=\"fact unscored\""));
}

#[test]
fn bad_evidence_in_a_prediction_file_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let o = meelezer(&["extract", "seeds/000_dec44785a4f2d47f.txt"], None);
    let mut record = ArticleRecord::from_json_line(stdout(&o).lines().next().unwrap()).unwrap();
    let text = std::fs::read_to_string(root().join("seeds/000_dec44785a4f2d47f.txt")).unwrap();
    let inside_a_char = text.char_indices().find(|(_, c)| c.len_utf8() > 1).map(|(i, _)| i + 1).expect("a non-ASCII letter");
    let facts = &mut record.operations[0].facts;
    assert!(facts.len() >= 2);
    facts[0].evidence = Some(meelezer::Evidence { sentence: [0, 10], span: [text.len() + 5, text.len() + 9] });
    facts[1].evidence = Some(meelezer::Evidence { sentence: [0, 10], span: [inside_a_char, inside_a_char + 2] });
    let pred = write(dir.path(), "pred.jsonl", format!("{}\n", record.to_json_line()).as_bytes());
    let page = dir.path().join("r.html");
    let html = run_report(&["report", "--pred", pred.to_str().unwrap(), "seeds/000_dec44785a4f2d47f.txt", "-o", page.to_str().unwrap()]);
    assert!(html.contains("2 evidence span(s) could not be placed"), "a visible warning");
    let bad_json = write(dir.path(), "bad.jsonl", record.to_json_line().replacen("\"span\":[", "\"span\":[-3,", 1).as_bytes());
    let o = meelezer(&["report", "--pred", bad_json.to_str().unwrap(), "seeds/000_dec44785a4f2d47f.txt", "-o", page.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.jsonl:1: field \"evidence\""), "{}", stderr(&o));
}

/// README.md's "Adding an article": draft → (compact) → append to gold → eval scores 1.0
/// against the extract of the same article.
#[test]
fn draft_appended_to_gold_scores_one_against_extract() {
    let dir = tempfile::tempdir().unwrap();
    let article = "seeds/003_3353ea410a4c7c66.txt";
    let line = meelezer(&["draft", article], None);
    assert!(line.status.success(), "{}", stderr(&line));
    let line = stdout(&line);
    assert_eq!(line.lines().count(), 1, "one JSON line by default");
    assert!(!line.contains("evidence"));
    let pretty = meelezer(&["draft", "--pretty", article], None);
    let pretty = stdout(&pretty);
    assert!(pretty.lines().count() > 5, "--pretty spreads the record over lines");
    let compact = match Command::new("jq").args(["-c", "."]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn() {
        Ok(mut jq) => {
            use std::io::Write;
            jq.stdin.take().unwrap().write_all(pretty.as_bytes()).unwrap();
            String::from_utf8(jq.wait_with_output().unwrap().stdout).unwrap()
        }
        Err(_) => {
            eprintln!("jq not found: compacting the pretty draft with serde_json instead");
            format!("{}\n", serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&pretty).unwrap()).unwrap())
        }
    };
    let as_record = |s: &str| ArticleRecord::from_json_line(s.trim()).unwrap();
    assert_eq!(as_record(&compact), as_record(&line), "compacted --pretty is the default line");

    let gold = write(dir.path(), "gold.jsonl", std::fs::read(root().join("gold/seeds.jsonl")).unwrap().as_slice());
    let others: String = std::fs::read_to_string(&gold).unwrap().lines().filter(|l| !l.contains("003_3353ea410a4c7c66")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&gold, others + &compact).unwrap();
    let pred = dir.path().join("pred.jsonl");
    let o = meelezer(&["extract", article, "-o", pred.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let only = write(dir.path(), "only.jsonl", compact.as_bytes());
    let o = meelezer(&["eval", "--gold", only.to_str().unwrap(), "--pred", pred.to_str().unwrap(), "--json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in ["operations", "facts_strict", "facts_lenient", "entities"] {
        assert_eq!(v[key]["f1"], 1.0, "{key}: {}", v[key]);
    }
    let o = meelezer(&["eval", "--gold", gold.to_str().unwrap(), "--pred", pred.to_str().unwrap()], None);
    assert!(o.status.success(), "the gold file with the appended draft still reads: {}", stderr(&o));
}
