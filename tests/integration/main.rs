//! Integration tests, one binary: the command line end to end, bad inputs, the seeds' scores, and
//! the HTML report checked in headless Chromium.

mod annotate;
mod browser;
mod cli;
mod corpus;
mod invariance;
mod model;
mod report;
mod scores;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the built `meelezer` binary with `args` (and `stdin`, if any).
pub fn meelezer(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_meelezer"));
    cmd.args(args).current_dir(root());
    if let Some(input) = stdin {
        use std::io::Write;
        cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().expect("meelezer starts");
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
        return child.wait_with_output().expect("meelezer runs");
    }
    cmd.output().expect("meelezer runs")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The ../shared folder beside the checkout, when it is there.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.join("ANNOTATION.md").exists().then_some(p)
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write temp file");
    p
}
