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

fn report(outcome: &Outcome) -> Report<'_> {
    Report {
        version: VERSION,
        files_checked: outcome.files_checked,
        findings: &outcome.findings,
        summary: outcome.summary(),
    }
}

/// Renders `outcome` as pretty-printed JSON, ending with a newline.
pub fn render(outcome: &Outcome) -> String {
    let mut s = serde_json::to_string_pretty(&report(outcome)).expect("findings serialize");
    s.push('\n');
    s
}

/// Writes what [`render`] gives to `out` as it goes, without holding the whole
/// report in memory (an archive's report can be larger than its articles).
pub fn write(outcome: &Outcome, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(outcome)).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}
