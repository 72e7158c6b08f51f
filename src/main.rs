//! The `claimcheck` binary: parse the arguments, run, exit with the status.
use clap::Parser;

fn main() {
    let cli = claimcheck::cli::Cli::parse();
    std::process::exit(claimcheck::cli::run(cli));
}
