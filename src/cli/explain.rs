//! `claimcheck explain CODE`: what a finding code catches, why it matters, and an
//! example; the same text SARIF output carries as each rule's help.

use std::io::Write;

use super::{EXIT_CLEAN, EXIT_TROUBLE, write_stdout};
use crate::finding::Code;
use crate::rules::did_you_mean;

/// Arguments of `claimcheck explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The finding code (`value-mismatch`, ...). Without one, every code is listed.
    pub code: Option<String>,
}

/// Runs `explain` and returns the exit status.
pub fn run(args: ExplainArgs) -> i32 {
    let Some(name) = args.code else {
        let mut out = String::from("Finding codes (claimcheck explain CODE for more):\n");
        for code in Code::ALL {
            out.push_str(&format!(
                "  {:<22} {:<8} {}\n",
                code.as_str(),
                code.default_severity().as_str(),
                code.doc().title
            ));
        }
        return if write_stdout(&out).is_ok() {
            EXIT_CLEAN
        } else {
            EXIT_TROUBLE
        };
    };
    let Some(code) = Code::from_name(name.trim()) else {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let hint = match did_you_mean(name.trim(), &names) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the codes are: {}", names.join(", ")),
        };
        let _ = writeln!(
            std::io::stderr(),
            "claimcheck: error: no finding code `{name}`; {hint}"
        );
        return EXIT_TROUBLE;
    };
    if write_stdout(&explain(code)).is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_TROUBLE
    }
}

/// The documentation of a code as `explain` prints it.
pub fn explain(code: Code) -> String {
    let doc = code.doc();
    format!(
        "{}: {} (default severity: {})\n\nWhat it catches\n  {}\n\nWhy it matters\n  {}\n\nExample\n  {}\n",
        code.as_str(),
        doc.title,
        code.default_severity().as_str(),
        doc.what,
        doc.why,
        doc.example.replace('\n', "\n  ")
    )
}
