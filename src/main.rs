//! The `meelezer` command line: extract, eval, tag and the model subcommands.

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
    /// Model tools.
    #[command(subcommand)]
    Model(cli::ner::ModelCommand),
    /// Score a NER model on a CoNLL-2002 or WikiANN file.
    EvalNer(cli::ner::EvalNerArgs),
    /// Fine-tune the NER model on CoNLL-2002 Dutch (checkpoints; --resume continues).
    TrainNer(cli::train::TrainNerArgs),
    /// Prune a trained model's vocabulary to the pieces some text uses, for shipping.
    PruneModel(cli::train::PruneModelArgs),
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Model(cmd) => cli::ner::model(cmd),
        Command::EvalNer(a) => cli::ner::eval_ner(a),
        Command::TrainNer(a) => cli::train::train_ner(a),
        Command::PruneModel(a) => cli::train::prune(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("meelezer: {e:#}");
            ExitCode::from(2)
        }
    }
}
