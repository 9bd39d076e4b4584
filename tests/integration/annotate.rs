//! `meelezer annotate`'s server, through its router: loading, saving, validation at the field,
//! the refusal when the gold file changed on disk, other lines untouched, the `.bak`.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use meelezer::annotate::{router, Annotator, Article};
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Arc;
use tower::ServiceExt;

/// Two articles of our own; `a1` has a gold line, `a2` not yet.
pub fn articles() -> Vec<Article> {
    vec![
        Article {
            doc: "a1".into(),
            text: " date 2024-03 \nDe politie heeft de cryptodienst Ghost ontmanteld. Bij de actie zijn 51 verdachten aangehouden en 40 panden doorzocht.\n".into(),
        },
        Article {
            doc: "a2".into(),
            text: " date 2023-11 \nJustitie las maandenlang mee met EncroChat. In Nederland werden 120 mensen opgepakt en 9 vuurwapens in beslag genomen. Er kwamen 2.000 berichten per dag binnen.\n".into(),
        },
    ]
}

/// A gold file with a line before and after `a1`'s, written oddly on purpose (spacing, key order)
/// so that rewriting them would show.
pub const GOLD: &str = concat!(
    "{\"doc\":\"z0\",  \"operations\": [], \"entities\": []}\n",
    "{\"doc\": \"a1\", \"date\": \"2024-03\", \"entities\": [], \"operations\": [{\"service\": \"Ghost\", \"main\": true, \"facts\": [{\"slot\": \"arrests\", \"value\": 51}]}]}\n",
    "{\"entities\": [],\"doc\": \"z9\", \"operations\": []}\n",
);

pub fn app(gold: &Path) -> axum::Router {
    let annotator = Annotator::new(meelezer::Pipeline::default(), articles(), gold.to_path_buf()).expect("gold file is valid");
    router(Arc::new(annotator))
}

pub async fn call(app: &axum::Router, method: &str, uri: &str, body: Option<Value>) -> (StatusCode, Value) {
    let request = Request::builder().method(method).uri(uri).header("content-type", "application/json");
    let request = request.body(body.map_or_else(Body::empty, |b| Body::from(b.to_string()))).expect("request");
    let response = app.clone().oneshot(request).await.expect("the router answers");
    let status = response.status();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

/// A temporary folder with `gold.jsonl` holding [`GOLD`], and the app saving into it.
fn with_gold() -> (tempfile::TempDir, std::path::PathBuf, axum::Router) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("gold.jsonl");
    std::fs::write(&path, GOLD).expect("write gold");
    let app = app(&path);
    (dir, path, app)
}

#[test]
fn the_list_and_an_article_come_from_gold_or_from_the_draft() {
    let (_dir, _, app) = with_gold();
    runtime().block_on(async {
        let (status, list) = call(&app, "GET", "/api/articles", None).await;
        assert_eq!(status, StatusCode::OK);
        let states: Vec<(&str, &str)> =
            list["articles"].as_array().unwrap().iter().map(|a| (a["doc"].as_str().unwrap(), a["state"].as_str().unwrap())).collect();
        assert_eq!(states, [("a1", "done"), ("a2", "new")]);
        assert_eq!(list["articles"][0]["facts"], 1);

        let (_, a1) = call(&app, "GET", "/api/articles/a1", None).await;
        assert_eq!(a1["source"], "gold");
        assert_eq!(a1["record"]["operations"][0]["facts"][0]["value"], 51);
        // The gold fact is highlighted where the pipeline read it: `51` in the text, in UTF-16 indices.
        let text = a1["text"].as_str().unwrap();
        let span = &a1["record"]["operations"][0]["facts"][0]["evidence"]["span"];
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let shown = String::from_utf16(&utf16[span[0].as_u64().unwrap() as usize..span[1].as_u64().unwrap() as usize]).unwrap();
        assert!(shown.starts_with("51"), "{shown:?}");

        let (_, a2) = call(&app, "GET", "/api/articles/a2", None).await;
        assert_eq!(a2["source"], "draft");
        assert_eq!(a2["record"]["operations"][0]["service"], "EncroChat");
        assert!(a2["spans"]["quantities"].as_array().unwrap().len() >= 2);

        let (status, missing) = call(&app, "GET", "/api/articles/nope", None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(missing["error"].as_str().unwrap().contains("nope"));
    });
}

#[test]
fn saving_replaces_one_line_keeps_the_others_and_writes_a_bak() {
    let (dir, path, app) = with_gold();
    runtime().block_on(async {
        let (_, a1) = call(&app, "GET", "/api/articles/a1", None).await;
        let mut record = a1["record"].clone();
        record["operations"][0]["facts"].as_array_mut().unwrap().push(json!({"slot": "searches", "value": 40}));
        let (status, saved) = call(&app, "PUT", "/api/articles/a1", Some(json!({"record": record, "version": a1["version"]}))).await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        let lines: Vec<String> = std::fs::read_to_string(&path).unwrap().lines().map(str::to_string).collect();
        let old: Vec<&str> = GOLD.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!((lines[0].as_str(), lines[2].as_str()), (old[0], old[2]), "other lines byte-identical and in order");
        let written = meelezer::ArticleRecord::from_json_line(&lines[1]).unwrap();
        assert_eq!(written.operations[0].facts.len(), 2);
        assert!(!lines[1].contains("evidence"), "the gold file keeps no evidence");
        assert_eq!(std::fs::read_to_string(dir.path().join("gold.jsonl.bak")).unwrap(), GOLD);
        // The comparison: what the pipeline got wrong against the new gold.
        assert!(saved["comparison"].as_str().is_some());
        assert!(saved["scores"]["strict_f1"].as_f64().is_some());

        // A new article's line is appended; saving it again replaces it.
        let (_, a2) = call(&app, "GET", "/api/articles/a2", None).await;
        let (status, second) = call(&app, "PUT", "/api/articles/a2", Some(json!({"record": a2["record"], "version": saved["version"]}))).await;
        assert_eq!(status, StatusCode::OK, "{second}");
        let (status, _) = call(&app, "PUT", "/api/articles/a2", Some(json!({"record": a2["record"], "version": second["version"]}))).await;
        assert_eq!(status, StatusCode::OK);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 4);
        assert!(text.lines().last().unwrap().contains("\"a2\""));
        let (_, list) = call(&app, "GET", "/api/articles", None).await;
        assert_eq!(list["articles"][1]["state"], "done");
    });
}

#[test]
fn a_gold_file_that_does_not_exist_yet_is_created_by_the_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.jsonl");
    let app = app(&path);
    runtime().block_on(async {
        let (_, list) = call(&app, "GET", "/api/articles", None).await;
        assert_eq!(list["articles"][0]["state"], "new");
        let (_, a1) = call(&app, "GET", "/api/articles/a1", None).await;
        assert_eq!(a1["source"], "draft");
        let (status, _) = call(&app, "PUT", "/api/articles/a1", Some(json!({"record": a1["record"], "version": a1["version"]}))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 1);
        assert!(!dir.path().join("new.jsonl.bak").exists(), "nothing to back up");
    });
}

#[test]
fn an_invalid_record_is_refused_at_its_field_and_nothing_is_written() {
    let (dir, path, app) = with_gold();
    runtime().block_on(async {
        let (_, a1) = call(&app, "GET", "/api/articles/a1", None).await;
        let mut record = a1["record"].clone();
        let facts = record["operations"][0]["facts"].as_array_mut().unwrap();
        facts.push(json!({"slot": "searches", "value": "veertig"}));
        facts.push(json!({"slot": "arrests", "value": 3, "qualifier": "roughly"}));
        record["entities"] = json!([{"text": "Europol", "type": "AGENCY"}]);
        let (status, answer) = call(&app, "PUT", "/api/articles/a1", Some(json!({"record": record, "version": a1["version"]}))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        let fields: Vec<(Value, Value, Value, Value)> = answer["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["operation"].clone(), f["fact"].clone(), f["entity"].clone(), f["field"].clone()))
            .collect();
        assert_eq!(
            fields,
            [
                (json!(0), json!(1), Value::Null, json!("value")),
                (json!(0), json!(2), Value::Null, json!("qualifier")),
                (Value::Null, Value::Null, json!(0), json!("type")),
            ]
        );
        assert!(answer["fields"][1]["message"].as_str().unwrap().contains("more_than"), "{answer}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), GOLD);
        assert!(!dir.path().join("gold.jsonl.bak").exists());
    });
}

#[test]
fn a_gold_file_changed_on_disk_since_the_page_read_it_is_not_overwritten() {
    let (_dir, path, app) = with_gold();
    runtime().block_on(async {
        let (_, a1) = call(&app, "GET", "/api/articles/a1", None).await;
        // An editor adds a line meanwhile.
        let edited = format!("{GOLD}{{\"doc\": \"z10\", \"operations\": []}}\n");
        std::fs::write(&path, &edited).unwrap();
        let (status, answer) = call(&app, "PUT", "/api/articles/a1", Some(json!({"record": a1["record"], "version": a1["version"]}))).await;
        assert_eq!(status, StatusCode::CONFLICT, "{answer}");
        assert!(answer["error"].as_str().unwrap().contains("changed on disk"), "{answer}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
        // Read again, the save goes through.
        let (_, again) = call(&app, "GET", "/api/articles/a1", None).await;
        let (status, _) = call(&app, "PUT", "/api/articles/a1", Some(json!({"record": a1["record"], "version": again["version"]}))).await;
        assert_eq!(status, StatusCode::OK);
    });
}

#[test]
fn a_malformed_gold_file_is_an_error_naming_file_and_line_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gold.jsonl");
    let bad = "{\"doc\": \"a1\", \"operations\": []}\n{\"doc\": \"a2\", \"operations\": [{\"service\": \"X\", \"facts\": [{\"slot\": \"arrests\"}]}]}\n";
    std::fs::write(&path, bad).unwrap();
    let err = Annotator::new(meelezer::Pipeline::default(), articles(), path.clone()).err().expect("refused");
    assert!(err.to_string().contains("gold.jsonl:2:"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bad);
    let nowhere = dir.path().join("no/such/folder/gold.jsonl");
    let err = Annotator::new(meelezer::Pipeline::default(), articles(), nowhere).err().expect("refused");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn the_page_is_served_with_a_policy_that_allows_nothing_from_elsewhere() {
    let (_dir, _, app) = with_gold();
    runtime().block_on(async {
        for uri in ["/", "/static/app.js", "/static/app.css", "/api/meta"] {
            let response = app.clone().oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap()).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
            let csp = response.headers()["content-security-policy"].to_str().unwrap().to_string();
            assert!(csp.starts_with("default-src 'none'") && !csp.contains("http"), "{uri}: {csp}");
        }
        let (_, meta) = call(&app, "GET", "/api/meta", None).await;
        let slots: Vec<&str> = meta["slots"].as_array().unwrap().iter().map(|s| s["slot"].as_str().unwrap()).collect();
        assert!(slots.contains(&"arrests") && slots.contains(&"price"));
        assert!(meta["countries"].as_array().unwrap().contains(&json!("NL")));
    });
}

#[test]
fn a_selected_figure_is_prefilled_as_the_rules_read_it() {
    let (_dir, _, app) = with_gold();
    runtime().block_on(async {
        let (_, a2) = call(&app, "GET", "/api/articles/a2", None).await;
        let text: Vec<u16> = a2["text"].as_str().unwrap().encode_utf16().collect();
        let find = |needle: &str| {
            let n: Vec<u16> = needle.encode_utf16().collect();
            text.windows(n.len()).position(|w| w == n.as_slice()).expect("in the text")
        };
        let start = find("9 vuurwapens");
        let (_, s) = call(&app, "POST", "/api/suggest", Some(json!({"doc": "a2", "start": start, "end": start + 1}))).await;
        assert_eq!((s["fact"]["slot"].as_str(), s["fact"]["value"].as_f64()), (Some("seized_weapons"), Some(9.0)), "{s}");
        assert_eq!(s["text"], "9");
        let start = find("Justitie");
        let (_, s) = call(&app, "POST", "/api/suggest", Some(json!({"doc": "a2", "start": start, "end": start + 8}))).await;
        assert_eq!(s["fact"], Value::Null, "no figure there");
    });
}
