//! `meelezer annotate` in a real browser: Debian's `chromium` driven through `chromium-driver`
//! (WebDriver) with `fantoccini`. The server runs in the test, on 127.0.0.1, and stops with it.
//! Skips with a message where Chromium or its driver is absent.

use super::annotate::{app, GOLD};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A program's path: `$VAR`, else the first of `names` in `/usr/bin` or on `PATH`.
fn program(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        return Some(PathBuf::from(p));
    }
    let dirs: Vec<PathBuf> = std::iter::once(PathBuf::from("/usr/bin"))
        .chain(std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default())
        .collect();
    names.iter().flat_map(|n| dirs.iter().map(move |d| d.join(n))).find(|p| p.is_file())
}

/// chromedriver, killed when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("address").port()
}

/// The server (in a thread, stopped by dropping the sender), chromedriver and a headless
/// Chromium session; `None` (with a message) where Chromium or its driver is missing.
struct Session {
    client: Client,
    base: String,
    /// The gold file the server saves into (in a temporary folder, starting as [`GOLD`]).
    gold: PathBuf,
    _dir: tempfile::TempDir,
    _driver: Driver,
    _stop: tokio::sync::oneshot::Sender<()>,
}

/// A session with the list of articles open, the gold file starting as [`GOLD`].
async fn session() -> Option<Session> {
    let (Some(chromium), Some(chromedriver)) = (program("CHROMIUM", &["chromium"]), program("CHROMEDRIVER", &["chromedriver"])) else {
        eprintln!("SKIP: chromium or chromedriver not found (apt-get install chromium chromium-driver); the annotation page is not checked in a browser");
        return None;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, GOLD).expect("write gold");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let router = app(&gold);
    tokio::spawn(async move {
        axum::serve(listener, router).with_graceful_shutdown(async { stopped.await.unwrap_or_default() }).await.expect("server runs");
    });
    let port = free_port();
    let driver = Driver(
        Command::new(chromedriver).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("chromedriver starts"),
    );
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"binary": chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]}),
    );
    // chromedriver speaks plain HTTP on this machine: no TLS stack needed.
    let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
    builder.capabilities(caps);
    // chromedriver takes a moment to listen.
    let mut last = None;
    for _ in 0..50 {
        match builder.connect(&format!("http://127.0.0.1:{port}")).await {
            Ok(client) => {
                client.goto(&format!("{base}/#/")).await.expect("open the list");
                return Some(Session { client, base, gold, _dir: dir, _driver: driver, _stop: stop });
            }
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("cannot start a Chromium session: {last:?}");
}

/// Waits up to 10 s for `script` (a JavaScript expression) to be true in the page.
async fn until(c: &Client, script: &str) {
    for _ in 0..100 {
        if c.execute(&format!("return !!({script});"), vec![]).await.expect("script runs") == json!(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let status = c.execute("return document.querySelector('#status') && document.querySelector('#status').textContent;", vec![]).await;
    panic!("timed out waiting for `{script}` (status: {status:?})");
}

/// The `data-status` and slot of each fact row, in order.
async fn rows(c: &Client) -> Vec<(String, String)> {
    let v = c
        .execute(
            "return [...document.querySelectorAll('#facts tr.fact')].map(r => [r.dataset.status, r.querySelector('td.slot').textContent.trim()]);",
            vec![],
        )
        .await
        .expect("rows");
    serde_json::from_value(v).expect("pairs")
}

async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).click().await.unwrap_or_else(|e| panic!("{css}: {e}"));
}

/// Keys typed at the page (not into a field).
async fn keys(c: &Client, text: &str) {
    c.find(Locator::Css("body")).await.expect("body").send_keys(text).await.expect("keys");
}

/// The gold file's record of `doc`.
fn gold_line(path: &Path, doc: &str) -> Value {
    let text = std::fs::read_to_string(path).expect("gold file");
    let line = text.lines().find(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v["doc"] == doc)).unwrap_or_else(|| panic!("no line for {doc}:\n{text}"));
    serde_json::from_str(line).expect("a JSON line")
}

/// Screenshots go to `target/annotate-screenshots/` for people to look at.
async fn screenshot(c: &Client, name: &str) {
    let dir = super::root().join("target/annotate-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    std::fs::write(dir.join(name), c.screenshot().await.expect("screenshot")).expect("write screenshot");
}

fn facts_of(record: &Value) -> Vec<String> {
    let mut out: Vec<String> = record["operations"][0]["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .map(|f| {
            let mut s = format!("{}={}", f["slot"].as_str().unwrap(), f["value"]);
            for key in ["unit", "what", "qualifier", "where"] {
                if let Some(v) = f[key].as_str() {
                    s.push_str(&format!(" {key}={v}"));
                }
            }
            s
        })
        .collect();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_a_draft_with_the_mouse_and_save_it() {
    let Some(s) = session().await else { return };
    let (c, gold) = (&s.client, &s.gold);
    until(c, "document.querySelector('tr.article[data-doc=\"a2\"] td.state')?.textContent.trim() === 'new'").await;
    screenshot(c, "list.png").await;
    click(c, "tr.article[data-doc=\"a2\"] td.doc a").await;
    until(c, "document.querySelectorAll('#facts tr.fact').length === 3").await;
    assert_eq!(
        rows(c).await,
        [("pending".to_string(), "arrests".to_string()), ("pending".into(), "seized_weapons".into()), ("pending".into(), "country".into())]
    );
    // Accept two facts, reject one.
    click(c, "tr.fact[data-fact=\"0\"] button.accept").await;
    click(c, "tr.fact[data-fact=\"1\"] button.accept").await;
    click(c, "tr.fact[data-fact=\"2\"] button.reject").await;
    let statuses: Vec<String> = rows(c).await.into_iter().map(|r| r.0).collect();
    assert_eq!(statuses, ["accepted", "accepted", "rejected"]);
    screenshot(c, "article.png").await;

    // Add a fact by selecting its figure: `2.000` in `2.000 berichten per dag`, a rate the rules skip.
    c.execute(
        "const walker = document.createTreeWalker(document.querySelector('#text'), NodeFilter.SHOW_TEXT);
         let node; while ((node = walker.nextNode())) { const i = node.data.indexOf('2.000');
           if (i >= 0) { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 5);
             const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r); return true; } }
         return false;",
        vec![],
    )
    .await
    .expect("select the figure");
    click(c, "#add-fact-from-selection").await;
    until(c, "document.querySelector('form#edit-form input[name=value]')?.value === '2000'").await;
    c.find(Locator::Css("form#edit-form select[name=slot]")).await.unwrap().select_by_value("messages").await.unwrap();
    screenshot(c, "edit.png").await;
    click(c, "form#edit-form button.save-fact").await;
    until(c, "document.querySelectorAll('#facts tr.fact').length === 4 && !document.querySelector('form#edit-form')").await;

    // Fix a qualifier: the arrests were about 120.
    click(c, "tr.fact[data-fact=\"0\"] button.edit").await;
    until(c, "!!document.querySelector('form#edit-form select[name=qualifier]')").await;
    c.find(Locator::Css("form#edit-form select[name=qualifier]")).await.unwrap().select_by_value("about").await.unwrap();
    click(c, "form#edit-form button.save-fact").await;
    until(c, "!document.querySelector('form#edit-form')").await;

    click(c, "#save").await;
    until(c, "document.querySelector('#status').textContent.startsWith('Saved')").await;
    until(c, "document.querySelector('#comparison').textContent.length > 0").await;
    let record = gold_line(gold, "a2");
    assert_eq!(record["operations"][0]["service"], "EncroChat");
    assert_eq!(facts_of(&record), ["arrests=120 qualifier=about where=NL", "messages=2000", "seized_weapons=9 where=NL"]);
    let lines: Vec<String> = std::fs::read_to_string(gold).unwrap().lines().map(str::to_string).collect();
    assert_eq!(lines[..3], GOLD.lines().map(str::to_string).collect::<Vec<_>>()[..], "the other lines are untouched");

    // The list now says done.
    c.goto(&format!("{}/#/", s.base)).await.unwrap();
    until(c, "document.querySelector('tr.article[data-doc=\"a2\"] td.state')?.textContent.trim() === 'done'").await;
    s.client.close().await.expect("close the browser");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keyboard_path_reviews_and_saves_without_the_mouse() {
    let Some(s) = session().await else { return };
    let (c, gold) = (&s.client, &s.gold);
    until(c, "document.querySelectorAll('tr.article').length === 2").await;
    // The first row is current; Enter opens it.
    keys(c, "\u{E007}").await;
    until(c, "location.hash.includes('a1') && document.querySelectorAll('#facts tr.fact').length === 1").await;
    // `?` shows the keys, Escape hides them.
    keys(c, "?").await;
    until(c, "!document.querySelector('#help').hidden").await;
    screenshot(c, "help.png").await;
    keys(c, "\u{E00C}").await;
    until(c, "document.querySelector('#help').hidden").await;
    // `e` opens the current fact for editing, Escape cancels; `x` rejects it; `s` saves.
    keys(c, "e").await;
    until(c, "!!document.querySelector('form#edit-form')").await;
    keys(c, "\u{E00C}").await;
    until(c, "!document.querySelector('form#edit-form')").await;
    keys(c, "x").await;
    until(c, "document.querySelector('tr.fact').dataset.status === 'rejected'").await;
    keys(c, "s").await;
    until(c, "document.querySelector('#status').textContent.startsWith('Saved')").await;
    assert_eq!(facts_of(&gold_line(gold, "a1")), Vec::<String>::new(), "the rejected fact is gone");
    // `n` goes on to the next article; unsaved edits there survive a reload.
    keys(c, "n").await;
    until(c, "location.hash.includes('a2') && document.querySelectorAll('#facts tr.fact').length === 3").await;
    keys(c, "a").await;
    until(c, "document.querySelector('tr.fact').dataset.status === 'accepted'").await;
    c.refresh().await.expect("reload");
    until(c, "document.querySelectorAll('#facts tr.fact').length === 3 && document.querySelector('tr.fact').dataset.status === 'accepted'").await;
    until(c, "document.querySelector('#status').textContent.includes('restored')").await;
    s.client.close().await.expect("close the browser");
}
