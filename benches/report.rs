//! How the human report's cost grows with the findings on one line (issue 13): it
//! must be linear. Renders N findings spread over a single line of N sentences and
//! prints the time per finding for growing N; a linear report keeps that flat.
//!
//! `cargo bench --bench report` (no extraction is run: the findings are made here).

use std::time::Instant;

use claimcheck::document::Document;
use claimcheck::finding::{Code, Finding, Severity};
use claimcheck::report::{Outcome, human};

fn findings_on_one_line(n: usize) -> (Document, Vec<Finding>) {
    let sentence = "On Thursday, December 3, 2025, the council met. ";
    let text = format!("{}\n", sentence.repeat(n));
    let doc = Document::new("one-line.txt", text, None);
    let findings = (0..n)
        .map(|i| {
            let start = i * sentence.len() + 3;
            let end = start + "Thursday, December 3, 2025".len();
            Finding {
                code: Code::WeekdayMismatch,
                severity: Severity::Error,
                file: doc.path.clone(),
                line: 1,
                column: start + 1,
                end_line: 1,
                end_column: end + 1,
                message: "December 3, 2025 was a Wednesday, not a Thursday".into(),
                rule: None,
                rule_file: None,
                found: "Thursday".into(),
                expected: "Wednesday".into(),
                rule_line: None,
                kind: None,
                suggestion: None,
                source: None,
                speaker: None,
                expected_speaker: None,
                related: Vec::new(),
                related_more: 0,
                span: start..end,
            }
        })
        .collect();
    (doc, findings)
}

fn main() {
    for n in [1_000, 4_000, 16_000] {
        let (doc, findings) = findings_on_one_line(n);
        let outcome = Outcome {
            files_checked: 1,
            findings,
        };
        let started = Instant::now();
        let out = human::render_findings(&outcome, std::slice::from_ref(&doc), false, 80);
        let took = started.elapsed();
        println!(
            "{n:>6} findings on a line of {:>7} bytes: {:>8.1} ms, {:>6.2} µs per finding ({} bytes out)",
            doc.text.len(),
            took.as_secs_f64() * 1e3,
            took.as_secs_f64() * 1e6 / n as f64,
            out.len()
        );
    }
}
