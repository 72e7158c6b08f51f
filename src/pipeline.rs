//! The pipeline: documents in, findings out.
//!
//! Documents are independent until cross-source checks, so each is extracted,
//! matched and checked on its own, in parallel; results are collected in input order
//! so output never depends on the number of threads.

use rayon::prelude::*;

use crate::checks;
use crate::document::Document;
use crate::extract::quantity::quantities;
use crate::finding::Finding;
use crate::matcher::Matcher;
use crate::rules::RuleSet;

/// Rules loaded and compiled once for a run.
#[derive(Debug, Clone)]
pub struct Checker {
    /// The rules.
    pub rules: RuleSet,
    /// The rules compiled for matching.
    pub matcher: Matcher,
}

impl Checker {
    /// Compiles `rules`.
    pub fn new(rules: RuleSet) -> Checker {
        let matcher = Matcher::new(&rules);
        Checker { rules, matcher }
    }

    /// The findings of one document, in position order.
    pub fn check_document(&self, doc: &Document) -> Vec<Finding> {
        let figures = quantities(&doc.prose);
        let mut findings = Vec::new();
        for hit in self.matcher.hits(doc, &figures) {
            let claim = &self.rules.claims[hit.claim];
            let compiled = self.matcher.claims().iter().find(|c| c.claim == hit.claim);
            let Some(template) = compiled.and_then(|c| c.templates.get(hit.template)) else {
                continue;
            };
            findings.extend(checks::value_mismatch(doc, &figures, &hit, claim, template));
        }
        sort(&mut findings);
        findings
    }

    /// The findings of all documents: per document in the order given, and by
    /// position within each. The work runs on rayon's current thread pool.
    pub fn check_all(&self, docs: &[Document]) -> Vec<Finding> {
        docs.par_iter()
            .map(|d| self.check_document(d))
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect()
    }
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.line, a.column, a.code, &a.rule).cmp(&(b.line, b.column, b.code, &b.rule))
    });
}
