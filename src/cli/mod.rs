//! The command-line interface's subcommands (binary only; the library holds the logic).

pub mod ner;
pub mod train;
