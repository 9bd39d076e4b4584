//! `meelezer annotate`: the labelling web app on this machine.

use anyhow::{Context, Result};
use meelezer::annotate::{router, Annotator, Article};
use meelezer::load_all;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

/// `meelezer annotate`
#[derive(Debug, clap::Args)]
pub struct AnnotateArgs {
    /// The articles to label: `.txt` files, folders of them, or `.jsonl` corpora.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The gold file to start from and save into (JSON Lines; created by the first save).
    #[arg(long, required = true)]
    pub gold: PathBuf,
    /// Port to listen on (0: any free one).
    #[arg(long, default_value_t = 8765)]
    pub port: u16,
    /// Address to listen on; the default keeps the app on this machine.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    #[command(flatten)]
    pub model: super::ModelArgs,
}

pub fn annotate(args: AnnotateArgs) -> Result<bool> {
    let mut articles = Vec::new();
    let mut failures = 0;
    for item in load_all(&args.paths)? {
        match item {
            Ok(doc) => articles.push(Article { doc: doc.id, text: doc.text }),
            Err(e) => {
                eprintln!("meelezer: skipped {e}");
                failures += 1;
            }
        }
    }
    if articles.is_empty() {
        anyhow::bail!("no article to label in {}", args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    eprintln!("meelezer: loading the pipeline");
    let pipeline = args.model.pipeline()?;
    let n = articles.len();
    let app = Arc::new(Annotator::new(pipeline, articles, args.gold.clone())?);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let addr = SocketAddr::new(args.host, args.port);
        let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        println!("meelezer annotate: {n} articles, gold {}; open http://{local}/ (Ctrl-C stops)", args.gold.display());
        if failures > 0 {
            eprintln!("meelezer: {failures} documents could not be read (above) and are not in the list");
        }
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("server failed")
    })?;
    Ok(true)
}
