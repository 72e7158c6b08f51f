//! Checks: verdicts on what matching found. Each check is a module of its own and
//! turns hits into findings.

pub mod dates;
pub mod period;
pub mod quotes;
pub mod value;

use crate::document::Document;
use crate::extract::Span;
use crate::finding::{Code, Finding};
use crate::rules::Claim;

/// What a check has to say about a place in a document.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The finding code.
    pub code: Code,
    /// The words the finding is about.
    pub span: Span,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The words found.
    pub found: String,
    /// What was expected.
    pub expected: String,
    /// The kind of disagreement, for codes that have kinds.
    pub kind: Option<String>,
    /// The expected words in the article's own style ("December 4, 2025" for
    /// "December 4, 2024"), when they can be written.
    pub suggestion: Option<String>,
}

/// Turns a draft into a finding: positions from the document, severity and rule
/// details from the claim (rule-less checks pass `None`).
pub fn finding(doc: &Document, claim: Option<&Claim>, draft: Draft) -> Finding {
    let span = trimmed(&doc.text, draft.span.clone());
    let (start, end) = (doc.position(span.start), doc.position(span.end));
    finding_at(&doc.path, span, start, end, claim, draft)
}

/// `span` of `text` without the space around its words (an empty span where
/// there are none), as findings point at it.
pub fn trimmed(text: &str, span: Span) -> Span {
    let words = &text[span.clone()];
    let start = span.start + (words.len() - words.trim_start().len());
    let end = (span.end - (words.len() - words.trim_end().len())).max(start);
    start..end
}

/// Turns a draft into a finding at a place worked out beforehand (a document's
/// path, the words' span as [`trimmed`] gives it, and the line and column of each
/// end), so a finding needs no document once its place is known: the comparison
/// of sources runs after the documents are gone. `draft.span` is not read.
pub fn finding_at(
    file: &str,
    span: Span,
    (line, column): (usize, usize),
    (end_line, end_column): (usize, usize),
    claim: Option<&Claim>,
    draft: Draft,
) -> Finding {
    let severity = claim
        .and_then(|c| c.severity)
        .unwrap_or(draft.code.default_severity());
    Finding {
        code: draft.code,
        severity,
        file: file.to_string(),
        line,
        column,
        end_line,
        end_column,
        message: draft.message,
        rule: claim.map(|c| c.id.clone()),
        rule_file: claim.map(|c| c.origin.file.clone()),
        found: draft.found,
        expected: draft.expected,
        rule_line: claim.map(|c| c.origin.line),
        kind: draft.kind,
        suggestion: draft.suggestion,
        source: claim.and_then(|c| c.source.clone()),
        related: Vec::new(),
        related_more: 0,
        speaker: None,
        expected_speaker: None,
        span,
    }
}
