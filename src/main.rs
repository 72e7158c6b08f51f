//! The `claimcheck` binary: parse the arguments, run, exit with the status.
use clap::Parser;

/// mimalloc: less CPU per allocation than the system allocator on a run's many
/// small strings and vectors (docs/performance.md, session 7).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = claimcheck::cli::Cli::parse();
    std::process::exit(claimcheck::cli::run(cli));
}
