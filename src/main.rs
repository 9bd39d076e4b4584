//! The `meelezer` command line: extract, eval, tag, report, draft, the model subcommands, corpus
//! tools and bench.

mod cli;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "meelezer", version, about = "Reads Dutch news about cracked encrypted-phone services and writes operation records.")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract operation records from articles, one JSON line per article, in input order.
    Extract(cli::extract::ExtractArgs),
    /// Score predicted records against gold (ANNOTATION.md's scores).
    Eval(cli::extract::EvalArgs),
    /// Write records as a flat table, one row per fact, as CSV (for spreadsheets).
    Facts(cli::extract::FactsArgs),
    /// Show every annotation of a text read from standard input, as JSON.
    Tag(cli::extract::TagArgs),
    /// Write one self-contained HTML page: scores, and each article's text with entities and the
    /// figures behind facts highlighted, beside its records with each fact marked against gold.
    Report(cli::report::ReportArgs),
    /// Print the pipeline's record of articles as draft gold (no evidence), to correct and append
    /// to a gold file.
    Draft(cli::report::DraftArgs),
    /// Model tools.
    #[command(subcommand)]
    Model(cli::ner::ModelCommand),
    /// Score a NER model on a CoNLL-2002 or WikiANN file.
    EvalNer(cli::ner::EvalNerArgs),
    /// Corpus tools: `corpus synth` writes a synthetic corpus.
    #[command(subcommand)]
    Corpus(cli::corpus::CorpusCommand),
    /// Time each stage over a corpus: words/s and docs/s per stage, end to end, peak memory.
    Bench(cli::bench::BenchArgs),
    /// Fine-tune the NER model on CoNLL-2002 Dutch (checkpoints; --resume continues).
    TrainNer(cli::train::TrainNerArgs),
    /// Invariance checks on labelled articles: variants a reader shrugs off (the main service
    /// misspelt or renamed, a background paragraph added, counts as words), scored against gold.
    Perturb(cli::perturb::PerturbArgs),
    /// Label articles in the browser: review the pipeline's draft fact by fact, fix it, save gold.
    Annotate(cli::annotate::AnnotateArgs),
    /// Merge records across a corpus: per service, each slot's values with their sources, updates,
    /// outliers and a timeline (`--html` for a page with charts).
    Merge(cli::merge::MergeArgs),
    /// Score merged predictions against merged gold: values and top values per slot.
    EvalMerge(cli::merge::EvalMergeArgs),
    /// Fit the main-service weights on labelled articles (cross-validated by article) and write them.
    FitMain(cli::fit::FitArgs),
    /// Fit the weights that choose the operation a sentence belongs to (cross-validated by article).
    FitLink(cli::fit::FitArgs),
    /// Fit the weights that choose the country a figure is limited to (cross-validated by article).
    FitWhere(cli::fit::FitArgs),
    /// Prune a trained model's vocabulary to the pieces some text uses, for shipping.
    PruneModel(cli::train::PruneModelArgs),
}

fn main() -> ExitCode {
    let args = Args::parse();
    // One thread budget for the process: inference commands split work over one rayon pool of
    // `--threads` workers, and candle's matmuls run single-threaded inside them (they would
    // otherwise start their own threads in every worker and fight over the same cores).
    // Training keeps candle's threaded matmuls: it runs one batch at a time.
    if !matches!(args.command, Command::TrainNer(_)) {
        cli::run::claim_thread_budget();
    }
    let result = match args.command {
        Command::Extract(a) => cli::extract::extract(a),
        Command::Eval(a) => cli::extract::eval(a),
        Command::Facts(a) => cli::extract::facts(a),
        Command::Tag(a) => cli::extract::tag(a),
        Command::Report(a) => cli::report::report(a),
        Command::Draft(a) => cli::report::draft(a),
        Command::Model(cmd) => cli::ner::model(cmd).map(|()| true),
        Command::EvalNer(a) => cli::ner::eval_ner(a).map(|()| true),
        Command::Corpus(cmd) => cli::corpus::corpus(cmd).map(|()| true),
        Command::Bench(a) => cli::bench::bench(a).map(|()| true),
        Command::TrainNer(a) => cli::train::train_ner(a).map(|()| true),
        Command::PruneModel(a) => cli::train::prune(a).map(|()| true),
        Command::Perturb(a) => cli::perturb::perturb(a),
        Command::Annotate(a) => cli::annotate::annotate(a),
        Command::Merge(a) => cli::merge::merge(a),
        Command::EvalMerge(a) => cli::merge::eval_merge(a),
        Command::FitMain(a) => cli::fit::fit_decision(meelezer::Decision::Main, a),
        Command::FitLink(a) => cli::fit::fit_decision(meelezer::Decision::Link, a),
        Command::FitWhere(a) => cli::fit::fit_decision(meelezer::Decision::Place, a),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        // Some documents failed; the rest were written and the failures reported.
        Ok(false) => ExitCode::from(1),
        // The reader went away (`meelezer extract ... | head`): stop quietly.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("meelezer: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, leaving out a cause whose text the message already holds
/// (`cannot read: No such file` is not followed by `: No such file` again).
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}
