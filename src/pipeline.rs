//! The pipeline: documents in, findings out.
//!
//! Documents are independent until cross-source checks, so each is extracted,
//! matched and checked on its own, in parallel; results are collected in input order
//! so output never depends on the number of threads.

use rayon::prelude::*;

use crate::attribution::attributions;
use crate::checks::{self, dates, value};
use crate::document::Document;
use crate::extract::date::dates as extract_dates;
use crate::extract::outside_dates;
use crate::extract::quantity::quantities;
use crate::extract::quote::quotations;
use crate::finding::Finding;
use crate::matcher::Matcher;
use crate::people::PeopleFinder;
use crate::quotes::{self, QuoteMatcher};
use crate::rules::RuleSet;
use crate::statements::{self, StatementHit, StatementMatcher};

/// Rules loaded and compiled once for a run.
#[derive(Debug, Clone)]
pub struct Checker {
    /// The rules.
    pub rules: RuleSet,
    /// The figure claims, compiled for matching.
    pub matcher: Matcher,
    /// The people, compiled for finding in text.
    pub people: PeopleFinder,
    /// The statement and quote claims, compiled for matching.
    pub statements: StatementMatcher,
    /// The recorded quotes, compiled for alignment.
    pub quotes: QuoteMatcher,
}

impl Checker {
    /// Compiles `rules` with the default thresholds.
    pub fn new(rules: RuleSet) -> Checker {
        Checker::with_similarity(rules, statements::DEFAULT_SIMILARITY)
    }

    /// Compiles `rules`; `similarity` is the share of a statement's content words a
    /// sentence must hold, for rules that set none.
    pub fn with_similarity(rules: RuleSet, similarity: f64) -> Checker {
        Checker {
            matcher: Matcher::new(&rules),
            people: PeopleFinder::new(&rules.people),
            statements: StatementMatcher::new(&rules, similarity),
            quotes: QuoteMatcher::new(&rules, quotes::DRIFT_COVERAGE),
            rules,
        }
    }

    /// The findings of one document, in position order.
    pub fn check_document(&self, doc: &Document) -> Vec<Finding> {
        let prose = doc.prose.as_str();
        let published = doc.published.as_ref().map(|p| p.date);
        let when = extract_dates(prose, published);
        let figures = outside_dates(quantities(prose), &when);
        let mut findings = Vec::new();
        for hit in self.matcher.hits(doc, &figures) {
            let claim = &self.rules.claims[hit.claim];
            let compiled = self.matcher.claims().iter().find(|c| c.claim == hit.claim);
            let Some(template) = compiled.and_then(|c| c.templates.get(hit.template)) else {
                continue;
            };
            findings.extend(value::value_mismatch(doc, &figures, &hit, claim, template));
            findings.extend(dates::period_mismatch(doc, &when, &figures, &hit, claim));
        }
        // Quoted speech names people and uses reporting verbs of its own ("we told
        // them"): neither says who is speaking.
        let quoted = quotations(prose, &doc.blocks);
        let people: Vec<_> = self
            .people
            .find(prose)
            .into_iter()
            .filter(|p| !quotes::inside(&quoted, p.span.start))
            .collect();
        let said: Vec<_> = attributions(doc, &people)
            .into_iter()
            .filter(|a| !quotes::inside(&quoted, a.verb.start))
            .collect();
        for hit in self.statements.hits(doc, &said) {
            let claim = &self.rules.claims[hit.claim];
            findings.extend(dates::date_mismatch(doc, &when, &hit, claim, &self.rules));
        }
        for hit in checks::quotes::hits(doc, &quoted, &said, &people, &self.quotes) {
            findings.extend(checks::quotes::quote_findings(
                doc,
                &hit,
                &self.quotes,
                &self.rules,
            ));
            // The quote's date is checked on the sentence that says who spoke.
            let recorded = &self.quotes.recorded[hit.matched.recorded];
            if let Some(speaker) = hit.speaker.as_ref().filter(|s| s.person == recorded.person) {
                let said_when = StatementHit {
                    claim: recorded.claim,
                    sentence: speaker.sentence,
                    attribution: speaker.clone(),
                    score: hit.matched.alignment.coverage(),
                };
                let claim = &self.rules.claims[recorded.claim];
                findings.extend(dates::date_mismatch(
                    doc,
                    &when,
                    &said_when,
                    claim,
                    &self.rules,
                ));
            }
        }
        findings.extend(dates::weekday_mismatch(doc, &when));
        let slips = dates::year_slip(doc, &when, &findings);
        findings.extend(slips);
        sort(&mut findings);
        findings.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.rule == b.rule);
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
