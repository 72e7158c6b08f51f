//! `claimcheck init`: a commented starter rule file and a `claimcheck.yaml`, so a
//! desk starts from something that runs. Existing files are never overwritten.

use std::path::PathBuf;

use super::{EXIT_CLEAN, EXIT_TROUBLE, trouble, write_stdout};

/// The starter rule file.
pub const STARTER_RULES: &str = include_str!("starter/claims.yaml");
/// The starter configuration.
pub const STARTER_CONFIG: &str = include_str!("starter/claimcheck.yaml");

/// Arguments of `claimcheck init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder to set up (default: the current folder).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Writes `rules/claims.yaml` and `claimcheck.yaml` under the folder, each only if
/// it does not exist yet, and says what it did.
pub fn run(args: InitArgs) -> i32 {
    let files = [
        (args.dir.join("rules").join("claims.yaml"), STARTER_RULES),
        (args.dir.join("claimcheck.yaml"), STARTER_CONFIG),
    ];
    let mut out = String::new();
    for (path, text) in files {
        if path.exists() {
            out.push_str(&format!("{}: exists, left as it is\n", path.display()));
            continue;
        }
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                // create_new: never replace a file that appeared meanwhile.
                use std::io::Write;
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)?
                    .write_all(text.as_bytes())
            });
        if let Err(e) = written {
            return trouble(&format!("{}: {e}", path.display()));
        }
        out.push_str(&format!("{}: created\n", path.display()));
    }
    out.push_str("Next: edit the rules, then `claimcheck rules test` and `claimcheck check`.\n");
    if write_stdout(&out).is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_TROUBLE
    }
}
