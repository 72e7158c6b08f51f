//! When the rules cannot be read, the machine formats still say why: SARIF gets a
//! log with the errors as tool execution notifications, GitHub an `::error`
//! annotation on each broken line. The human message goes to standard error as
//! before; this adds the machine's copy on standard output.

use std::sync::OnceLock;

use super::{github, sarif};
use crate::rules::RuleError;

/// The machine format a failure is also written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MachineFormat {
    /// A SARIF 2.1.0 log.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

static FORMAT: OnceLock<MachineFormat> = OnceLock::new();

/// Sets the machine format of this run's failures (once, at the start of `check`).
pub fn set_format(format: MachineFormat) {
    let _ = FORMAT.set(format);
}

/// The failure report for `errors` in `format`.
pub fn render(format: MachineFormat, errors: &[RuleError], tool_version: &str) -> String {
    match format {
        MachineFormat::Sarif => {
            let failures: Vec<sarif::Failure> = errors
                .iter()
                .map(|e| sarif::Failure {
                    file: e.file.clone(),
                    line: e.line,
                    column: e.column,
                    message: match &e.help {
                        Some(help) => format!("{} ({help})", e.message),
                        None => e.message.clone(),
                    },
                })
                .collect();
            sarif::render_failure(&failures, tool_version)
        }
        MachineFormat::Github => errors
            .iter()
            .map(|e| github::failure_command(&e.file, e.line, e.column, &e.message) + "\n")
            .collect(),
    }
}

/// Writes `errors` to standard output in the run's machine format, if it has one.
pub fn emit(errors: &[RuleError]) {
    if let Some(&format) = FORMAT.get() {
        let _ = crate::cli::write_stdout(&render(format, errors, env!("CARGO_PKG_VERSION")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken() -> RuleError {
        RuleError {
            file: "rules/trade.yaml".into(),
            line: 4,
            column: 7,
            width: 3,
            message: "unknown key `clam`".into(),
            help: Some("did you mean `claim`?".into()),
            source_line: "    clam: x".into(),
        }
    }

    #[test]
    fn github_gets_an_error_on_the_broken_line() {
        let out = render(MachineFormat::Github, &[broken()], "0.1.0");
        assert_eq!(
            out,
            "::error file=rules/trade.yaml,line=4,col=7,title=claimcheck%3A rule file error::unknown key `clam`\n"
        );
    }

    #[test]
    fn sarif_names_the_error_as_a_notification_and_has_no_results() {
        let out = render(MachineFormat::Sarif, &[broken()], "0.1.0");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let run = &v["runs"][0];
        assert_eq!(run["results"], serde_json::json!([]));
        let n = &run["invocations"][0]["toolExecutionNotifications"][0];
        assert_eq!(run["invocations"][0]["executionSuccessful"], false);
        assert_eq!(n["level"], "error");
        assert_eq!(
            n["message"]["text"],
            "unknown key `clam` (did you mean `claim`?)"
        );
        let region = &n["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (region["startLine"].as_u64(), region["startColumn"].as_u64()),
            (Some(4), Some(7))
        );
    }
}
