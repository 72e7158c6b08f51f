//! `claimcheck rules check|test|schema`: rule files on their own.

use super::trouble;

/// Arguments of `claimcheck rules`.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// What to do with the rule files.
    pub action: String,
}

/// Runs `rules` and returns the exit status.
pub fn run(_args: RulesArgs) -> i32 {
    trouble("rules: not built yet (issue 6, in progress)")
}
