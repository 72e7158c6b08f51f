//! Reports: findings rendered for people (compiler style), for programs (JSON),
//! for code-scanning services (SARIF) and for GitHub Actions (workflow commands).

pub mod diff;
pub mod excerpt;
pub mod failure;
pub mod github;
pub mod html;
pub mod human;
pub mod input;
pub mod json;
pub mod layout;
pub mod matrix;
pub mod sarif;

use serde::Serialize;

use crate::finding::{Finding, Severity};

/// What a run found, ready to be rendered.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// How many documents were checked.
    pub files_checked: usize,
    /// Every finding, per document in the order checked, by position within each.
    pub findings: Vec<Finding>,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Error-level findings.
    pub errors: usize,
    /// Warning-level findings.
    pub warnings: usize,
}

impl Outcome {
    /// Counts the findings by severity.
    pub fn summary(&self) -> Summary {
        let errors = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        Summary {
            errors,
            warnings: self.findings.len() - errors,
        }
    }
}
