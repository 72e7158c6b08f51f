//! `claimcheck config [PATH]`: the configuration that applies to a path.

use std::path::{Path, PathBuf};

use super::{EXIT_CLEAN, EXIT_TROUBLE, render_rule_error, write_stdout};
use crate::config::{self, Config};

/// Arguments of `claimcheck config`.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// A file or folder (default: the current folder).
    #[arg(default_value = ".")]
    pub path: PathBuf,
}

/// Prints the resolved configuration for a path: the nearest claimcheck.yaml above
/// it, with every default filled in.
pub fn run(args: ConfigArgs) -> i32 {
    let dir = if args.path.is_dir() {
        args.path.clone()
    } else {
        args.path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
    let config = match config::find(&dir) {
        Some(file) => {
            let name = file.display().to_string();
            match config::load(&file, &name) {
                Ok(c) => c,
                Err(errors) => {
                    for e in &errors.0 {
                        eprintln!("{}", render_rule_error(e, false));
                    }
                    return EXIT_TROUBLE;
                }
            }
        }
        None => Config::default(),
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let out = format!("{config}{}", super::applies::rules_comment(&config, &cwd));
    if write_stdout(&out).is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_TROUBLE
    }
}
