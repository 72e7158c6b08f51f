//! The pipeline: documents in, findings out.
//!
//! Documents are independent until cross-source checks, so each is extracted,
//! matched and checked on its own, in parallel; results are collected in input order
//! so output never depends on the number of threads.

use rayon::prelude::*;

use crate::attribution::attributions;
use crate::checks::{self, dates, value};
use crate::document::Document;
use crate::extract::date::dates_in_blocks;
use crate::extract::quote::{QuoteKind, quotations};
use crate::finding::Finding;
use crate::matcher::Matcher;
use crate::people::PeopleFinder;
use crate::quotes::{self, QuoteMatcher};
use crate::rules::RuleSet;
use crate::sources::{self, FigureSeen, Observations, Place, QuoteSeen, StatementSeen};
use crate::speakers;
use crate::statements::{self, StatementHit, StatementMatcher};
use crate::suppress::{SuppressionWarning, Suppressions};

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
        Checker::with_thresholds(
            rules,
            statements::DEFAULT_SIMILARITY,
            quotes::DRIFT_COVERAGE,
        )
    }

    /// Compiles `rules`; `statement` is the share of a statement's content words a
    /// sentence must hold, `quote` the share of a quotation's content words that must
    /// be recorded for it to render a recorded quote, for rules that set none.
    pub fn with_thresholds(rules: RuleSet, statement: f64, quote: f64) -> Checker {
        Checker {
            matcher: Matcher::new(&rules),
            people: PeopleFinder::new(&rules.people),
            statements: StatementMatcher::new(&rules, statement),
            quotes: QuoteMatcher::new(&rules, quote),
            rules,
        }
    }

    /// The findings of one document, in position order.
    pub fn check_document(&self, doc: &Document) -> Vec<Finding> {
        self.examine(doc).0
    }

    /// The findings of one document, in position order, and what it says about
    /// the claims (for comparing sources).
    pub fn examine(&self, doc: &Document) -> (Vec<Finding>, Observations) {
        let mut seen = Observations::default();
        let prose = doc.prose.as_str();
        let when = document_dates(doc);
        // Figures are read only where a figure claim can bind.
        let anchored = self.matcher.anchored(doc);
        let figures = self.matcher.figures(doc, &anchored, &when);
        let mut findings = Vec::new();
        for hit in self.matcher.hits_in(doc, &anchored, &figures, &when) {
            let claim = &self.rules.claims[hit.claim];
            // Compiled claims are in rule order: found by halving, not a search.
            let claims = self.matcher.claims();
            let compiled = claims
                .binary_search_by_key(&hit.claim, |c| c.claim)
                .ok()
                .map(|k| &claims[k]);
            let Some(template) = compiled.and_then(|c| c.templates.get(hit.template)) else {
                continue;
            };
            for (slot, (s, &i)) in template.slots.iter().zip(&hit.bindings).enumerate() {
                let q = &figures[i];
                seen.figures.push(FigureSeen {
                    claim: hit.claim,
                    slot,
                    expected: s.expected.as_ref().map(|_| s.text.clone()),
                    agrees: s
                        .expected
                        .as_ref()
                        .map(|e| value::compare(e, q, claim.tolerance).is_none()),
                    quantity: q.clone(),
                    text: doc.text[q.span.clone()].trim().to_string(),
                    place: Place::of(doc, q.span.clone()),
                });
            }
            findings.extend(value::value_mismatch(doc, &figures, &hit, claim, template));
            findings.extend(checks::period::period_mismatch(
                doc, &when, &figures, &hit, claim,
            ));
        }
        let mut quoted = quotations(prose, &doc.blocks);
        let (people, said) = attributed(&self.people, doc, &quoted);
        for hit in self.statements.hits(doc, &said) {
            let claim = &self.rules.claims[hit.claim];
            let mismatch = dates::date_mismatch(doc, &when, &hit, claim, &self.rules);
            let date = dates::statement_date(&when, doc, &hit);
            seen.statements.push(StatementSeen {
                claim: hit.claim,
                date: date.map(|d| doc.text[d.span.clone()].trim().to_string()),
                agrees: mismatch.is_none(),
                place: Place::of(
                    doc,
                    date.map_or(hit.attribution.verb.clone(), |d| d.span.clone()),
                ),
            });
            findings.extend(mismatch);
        }
        let who = speakers::speakers(doc, &quoted, &people);
        speakers::reclassify(&doc.prose, &mut quoted, &who);
        let spoken: Vec<_> = quoted
            .iter()
            .zip(who)
            .filter(|(q, _)| q.kind != QuoteKind::Scare)
            .collect();
        let hits = checks::quotes::hits(doc, &spoken, &self.quotes);
        // Every spoken quotation with a speaker, for comparing sources.
        for (q, speaker) in &spoken {
            let Some(speaker) = speaker else { continue };
            let (Some(first), Some(last)) = (q.parts.first(), q.parts.last()) else {
                continue;
            };
            let rule = hits
                .iter()
                .find(|h| std::ptr::eq(h.quotation, *q))
                .map(|h| {
                    (
                        self.quotes.recorded[h.matched.recorded].claim,
                        h.matched.alignment.verbatim(),
                    )
                });
            if rule.is_some() && speaker.person.is_none() {
                // A recorded quote in the mouth of someone the rules do not list:
                // the quote checks report it; the claim's sources stay the rules'.
                continue;
            }
            let (key, name) = sources::speaker_key(doc, speaker, &self.rules);
            seen.quotes.push(QuoteSeen {
                person: speaker.person,
                speaker: key,
                who: name,
                rule: rule.map(|r| r.0),
                verbatim: rule.is_some_and(|r| r.1),
                text: doc.text[first.start..last.end].to_string(),
                place: Place::of(doc, first.start..last.end),
            });
        }
        for hit in hits {
            findings.extend(checks::quotes::quote_findings(
                doc,
                &hit,
                &self.quotes,
                &self.rules,
            ));
            // The quote's date is checked on the sentence that says who spoke.
            let recorded = &self.quotes.recorded[hit.matched.recorded];
            let owner = hit
                .speaker
                .as_ref()
                .filter(|s| s.person == Some(recorded.person));
            if let Some(attribution) = owner.and_then(|s| s.attribution(recorded.person)) {
                let said_when = StatementHit {
                    claim: recorded.claim,
                    sentence: attribution.sentence,
                    attribution,
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
        (findings, seen)
    }

    /// The findings of all documents, those comparing documents with each other
    /// included: per document in the order given, and by position within each. The
    /// work runs on rayon's current thread pool.
    pub fn check_all(&self, docs: &[Document]) -> Vec<Finding> {
        self.analyse(docs).findings
    }

    /// Checks every document and compares them with each other.
    pub fn analyse(&self, docs: &[Document]) -> Analysis {
        // One document that cannot be checked costs only its own findings.
        let mut failed = Vec::new();
        let (mut per_doc, seen): (Vec<Vec<Finding>>, Vec<Observations>) = docs
            .par_iter()
            .map(|d| crate::guard::guarded(|| self.examine(d)))
            .collect::<Vec<_>>()
            .into_iter()
            .zip(docs)
            .map(|(r, d)| {
                r.unwrap_or_else(|why| {
                    failed.push(DocumentFailure {
                        file: d.path.clone(),
                        message: why,
                    });
                    Default::default()
                })
            })
            .unzip();
        for (d, f) in sources::compare(docs, &seen, &self.rules) {
            per_doc[d].push(f);
        }
        let mut warnings = Vec::new();
        for (doc, f) in docs.iter().zip(&mut per_doc) {
            let (suppressions, problems) = Suppressions::parse(doc);
            warnings.extend(doc.warnings.iter().map(|w| SuppressionWarning {
                file: doc.path.clone(),
                line: w.line,
                message: w.message.clone(),
            }));
            warnings.extend(problems);
            if let Some((line, message)) = dates::undated_relative(doc) {
                warnings.push(SuppressionWarning {
                    file: doc.path.clone(),
                    line,
                    message,
                });
            }
            f.retain(|x| suppressions.allows(x));
            sort(f);
        }
        Analysis {
            findings: per_doc.into_iter().flatten().collect(),
            seen,
            warnings,
            failed,
        }
    }
}

/// A document whose check failed (a bug in claimcheck): the run reports it as an
/// error naming the file and goes on with the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFailure {
    /// The document.
    pub file: String,
    /// What went wrong.
    pub message: String,
}

/// The result of checking a run: its findings, and what each document says.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Every finding, per document in input order, by position within each.
    pub findings: Vec<Finding>,
    /// What each document says about the claims, in input order.
    pub seen: Vec<Observations>,
    /// Problems with suppression comments and front matter, to show the user.
    pub warnings: Vec<SuppressionWarning>,
    /// Documents that could not be checked.
    pub failed: Vec<DocumentFailure>,
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.line, a.column, a.code, &a.rule).cmp(&(b.line, b.column, b.code, &b.rule))
    });
}

/// Every date and period of a document, read as `check` reads them: one block (or
/// table row) at a time, against its publication date.
pub fn document_dates(doc: &Document) -> Vec<crate::extract::date::DateMention> {
    let published = doc.published.as_ref().map(|p| p.date);
    dates_in_blocks(doc.prose.as_str(), &doc.blocks, published)
}

/// The people a document names and the reporting verbs it uses, each with whom it
/// gives the words to, outside the quotations `quoted`: quoted speech names people
/// and uses reporting verbs of its own ("we told them"), and neither says who is
/// speaking.
pub fn attributed(
    finder: &PeopleFinder,
    doc: &Document,
    quoted: &[crate::extract::quote::Quotation],
) -> (
    Vec<crate::people::PersonMention>,
    Vec<crate::attribution::Attribution>,
) {
    let people: Vec<_> = finder
        .find(&doc.prose)
        .into_iter()
        .filter(|p| !quotes::inside(quoted, p.span.start))
        .collect();
    let said = attributions(doc, &people)
        .into_iter()
        .filter(|a| !quotes::inside(quoted, a.verb.start))
        .collect();
    (people, said)
}
