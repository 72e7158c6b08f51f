//! The human report: each finding the way a compiler shows an error (the line, a
//! caret under the words, what was expected and where the expectation comes from),
//! then a word diff of expected against found, and a summary line.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use colored::Colorize;
use similar::{ChangeTag, TextDiff};

use super::Outcome;
use crate::document::Document;
use crate::finding::{Finding, Severity};

/// Renders one finding. `doc` is the document it was found in.
pub fn render_finding(finding: &Finding, doc: &Document, color: bool) -> String {
    let first = doc.line_span(finding.line);
    let last = doc.line_span(finding.end_line.max(finding.line));
    let window = first.start..last.end.max(first.start);
    let source = &doc.text[window.clone()];
    let start = finding.span.start.clamp(window.start, window.end) - window.start;
    let end = finding.span.end.clamp(window.start, window.end) - window.start;
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let note = match (&finding.rule, &finding.rule_file, finding.rule_line) {
        (Some(rule), Some(file), Some(line)) => {
            let mut note = format!("claim `{rule}` at {file}:{line}");
            if let Some(source) = &finding.source {
                note.push_str(&format!("; source: {source}"));
            }
            note
        }
        _ if !finding.related.is_empty() => {
            "no rule records this: compared with the other sources of this run".to_string()
        }
        _ => "no rule needed: checked against the calendar".to_string(),
    };
    let report = &[level
        .primary_title(finding.message.as_str())
        .id(finding.code.as_str())
        .element(
            Snippet::source(source)
                .line_start(finding.line)
                .path(finding.file.as_str())
                .annotation(
                    AnnotationKind::Primary
                        .span(start..end.max(start))
                        .label(format!("expected {}", finding.expected)),
                ),
        )
        .element(Level::NOTE.message(note))];
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = renderer.render(report);
    out.push('\n');
    // A misattribution's words are right; what differs is who says them.
    let (expected, found) = match (&finding.expected_speaker, &finding.speaker) {
        (Some(e), Some(f)) => (e.as_str(), f.as_str()),
        _ => (
            finding.suggestion.as_deref().unwrap_or(&finding.expected),
            finding.found.as_str(),
        ),
    };
    out.push_str(&word_diff(expected, found));
    out
}

/// A two-line word diff: `-` the expected words, `+` the words found, with the words
/// that differ in red and green when color is on.
pub fn word_diff(expected: &str, found: &str) -> String {
    let diff = TextDiff::configure().diff_words(expected, found);
    let mut minus = String::from("  - ");
    let mut plus = String::from("  + ");
    // Consecutive words of one kind are styled as one run, so a replaced phrase
    // reads as a phrase.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    for (tag, text) in &runs {
        match tag {
            ChangeTag::Equal => {
                minus.push_str(text);
                plus.push_str(text);
            }
            ChangeTag::Delete => minus.push_str(&text.red().bold().to_string()),
            ChangeTag::Insert => plus.push_str(&text.green().bold().to_string()),
        }
    }
    format!("{}\n{}\n", minus.red(), plus.green())
}

/// The summary line that ends a report.
pub fn summary_line(outcome: &Outcome) -> String {
    let s = outcome.summary();
    let files = plural(outcome.files_checked, "file");
    if s.errors == 0 && s.warnings == 0 {
        return format!("{files} checked: no findings\n");
    }
    format!(
        "{files} checked: {}, {}\n",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Renders every finding of a run, each followed by a blank line. `docs` are the
/// documents checked, looked up by path.
pub fn render_findings(outcome: &Outcome, docs: &[Document], color: bool) -> String {
    let mut out = String::new();
    for f in &outcome.findings {
        if let Some(doc) = docs.iter().find(|d| d.path == f.file) {
            out.push_str(&render_finding(f, doc, color));
            out.push('\n');
        }
    }
    out
}
