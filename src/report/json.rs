//! The JSON report: one object, as DESIGN.md's output contract defines it.

use serde::Serialize;

use super::{Outcome, Summary};
use crate::finding::Finding;

/// The version of the JSON report's shape.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files_checked: usize,
    findings: &'a [Finding],
    summary: Summary,
}

/// Renders `outcome` as pretty-printed JSON, ending with a newline.
pub fn render(outcome: &Outcome) -> String {
    let report = Report {
        version: VERSION,
        files_checked: outcome.files_checked,
        findings: &outcome.findings,
        summary: outcome.summary(),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("findings serialize");
    s.push('\n');
    s
}
