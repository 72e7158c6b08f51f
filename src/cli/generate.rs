//! `claimcheck completions SHELL` and `claimcheck man`: shell completions and a man
//! page, generated from the same clap definitions the command line parses with, so
//! they never drift from it.

use clap::CommandFactory;

use super::{Cli, EXIT_CLEAN, EXIT_TROUBLE, trouble, write_stdout};

/// Arguments of `claimcheck completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell: bash, elvish, fish, powershell or zsh.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the completion script for a shell.
pub fn completions(args: CompletionsArgs) -> i32 {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "claimcheck", &mut buf);
    print(buf)
}

/// Prints the man page, claimcheck(1), in roff.
pub fn man() -> i32 {
    let mut buf = Vec::new();
    if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut buf) {
        return trouble(&format!("cannot write the man page: {e}"));
    }
    print(buf)
}

fn print(buf: Vec<u8>) -> i32 {
    match String::from_utf8(buf) {
        Ok(s) if write_stdout(&s).is_ok() => EXIT_CLEAN,
        _ => EXIT_TROUBLE,
    }
}
