//! The pipeline: documents in, findings out.
//!
//! Documents are independent until cross-source checks, so each is extracted,
//! matched and checked on its own, in parallel; results are collected in input order
//! so output never depends on the number of threads.

use rayon::prelude::*;

mod conclusion;

pub use conclusion::Conclusion;

use crate::attribution::{Attribution, attributions};
use crate::checks::{self, dates, value};
use crate::document::Document;
use crate::extract::date::{DateMention, dates_in_blocks};
use crate::extract::quote::{Quotation, QuoteKind, quotations};
use crate::finding::Finding;
use crate::matcher::Matcher;
use crate::people::PeopleFinder;
use crate::quotes::{self, QuoteMatcher};
use crate::rules::RuleSet;
use crate::sources::{self, FigureSeen, Observations, Place, QuoteSeen, StatementSeen};
use crate::speakers::{self, Speaker};
use crate::statements::{self, StatementHit, StatementMatcher};
use crate::suppress::{SuppressionWarning, Suppressions};

/// From how many claims the figure matcher is built beside the other matchers,
/// on another of the pool's threads when one is free.
const BUILD_BESIDE: usize = 64;

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
        // The figure matcher, the largest part for a desk's rules, is built beside
        // the others when the pool has a thread free: each is a pure function of
        // the rules, so the result is the same; a handful of claims is not worth
        // the hand-over.
        let others = || {
            (
                PeopleFinder::new(&rules.people),
                StatementMatcher::new(&rules, statement),
                QuoteMatcher::new(&rules, quote),
            )
        };
        let (matcher, (people, statements, quotes)) = if rules.claims.len() >= BUILD_BESIDE {
            rayon::join(|| Matcher::new(&rules), others)
        } else {
            (Matcher::new(&rules), others())
        };
        Checker {
            matcher,
            people,
            statements,
            quotes,
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
        let mut findings = Vec::new();
        let when = document_dates(doc);
        self.check_figures(doc, &when, &mut findings, &mut seen);
        let mut quoted = quotations(&doc.prose, &doc.blocks);
        let (people, said) = attributed(&self.people, doc, &quoted);
        self.check_statements(doc, &when, &said, &mut findings, &mut seen);
        let who = speakers::speakers(doc, &quoted, &people);
        speakers::reclassify(&doc.prose, &mut quoted, &who);
        let spoken: Vec<_> = quoted
            .iter()
            .zip(who)
            .filter(|(q, _)| q.kind != QuoteKind::Scare)
            .collect();
        let hits = checks::quotes::hits(doc, &spoken, &self.quotes);
        seen.quotes = self.quotations_with_speakers(doc, &spoken, &hits);
        for hit in hits {
            findings.extend(self.check_recorded_quote(doc, &when, &hit));
        }
        findings.extend(dates::weekday_mismatch(doc, &when));
        let slips = dates::year_slip(doc, &when, &findings);
        findings.extend(slips);
        sort(&mut findings);
        findings.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.rule == b.rule);
        (findings, seen)
    }

    /// The figure claims a document states: each figure bound to a claim's slot is
    /// recorded, and checked against the claim's value and period.
    fn check_figures(
        &self,
        doc: &Document,
        when: &[DateMention],
        findings: &mut Vec<Finding>,
        seen: &mut Observations,
    ) {
        // Figures are read only where a figure claim can bind.
        let anchored = self.matcher.anchored(doc);
        let figures = self.matcher.figures(doc, &anchored, when);
        for hit in self.matcher.hits_in(doc, &anchored, &figures, when) {
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
                doc, when, &figures, &hit, claim,
            ));
        }
    }

    /// The statement claims a document reports: each is recorded with the date it
    /// is given, and that date checked against the claim's.
    fn check_statements(
        &self,
        doc: &Document,
        when: &[DateMention],
        said: &[Attribution],
        findings: &mut Vec<Finding>,
        seen: &mut Observations,
    ) {
        for hit in self.statements.hits(doc, said) {
            let claim = &self.rules.claims[hit.claim];
            let mismatch = dates::date_mismatch(doc, when, &hit, claim, &self.rules);
            let date = dates::statement_date(when, doc, &hit);
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
    }

    /// Every spoken quotation with a speaker, for comparing sources: who says it,
    /// the recorded quote it renders (if any), where, and in which paragraph.
    fn quotations_with_speakers(
        &self,
        doc: &Document,
        spoken: &[(&Quotation, Option<Speaker>)],
        hits: &[checks::quotes::QuoteHit],
    ) -> Vec<QuoteSeen> {
        let mut out = Vec::new();
        for (q, speaker) in spoken {
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
            out.push(QuoteSeen {
                person: speaker.person,
                speaker: key,
                who: name,
                rule: rule.map(|r| r.0),
                verbatim: rule.is_some_and(|r| r.1),
                text: doc.text[first.start..last.end].to_string(),
                place: Place::of(doc, first.start..last.end),
                paragraph: 0,
            });
        }
        // Paragraphs tell apart two quotations of one document that sources are
        // compared on: worked out only for a document that has two.
        let compared = |q: &&mut QuoteSeen| q.rule.is_none() && !q.speaker.is_empty();
        if out.iter_mut().filter(compared).nth(1).is_some() {
            let paragraphs = crate::extract::quote::paragraphs(&doc.prose, &doc.blocks);
            for q in out.iter_mut().filter(compared) {
                q.paragraph = paragraphs.partition_point(|p| p.end <= q.place.span.start);
            }
        }
        out
    }

    /// A quotation that renders a recorded quote: its words and speaker checked
    /// against the record, and its date on the sentence that says who spoke.
    fn check_recorded_quote(
        &self,
        doc: &Document,
        when: &[DateMention],
        hit: &checks::quotes::QuoteHit,
    ) -> Vec<Finding> {
        let mut findings: Vec<Finding> =
            checks::quotes::quote_findings(doc, hit, &self.quotes, &self.rules)
                .into_iter()
                .collect();
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
                when,
                &said_when,
                claim,
                &self.rules,
            ));
        }
        findings
    }

    /// The findings of all documents, those comparing documents with each other
    /// included: per document in the order given, and by position within each. The
    /// work runs on rayon's current thread pool.
    pub fn check_all(&self, docs: &[Document]) -> Vec<Finding> {
        self.analyse(docs).findings
    }

    /// Checks every document and compares them with each other.
    pub fn analyse(&self, docs: &[Document]) -> Analysis {
        let examined = docs.par_iter().map(|d| self.examine_alone(d)).collect();
        self.conclude(examined)
    }

    /// Checks one document on its own and keeps what the rest of the run needs of
    /// it (see [`Examined`]), so the document can be dropped straight after: a run
    /// over an archive holds one document per thread, not all of them. A document
    /// that cannot be checked (a bug) costs only its own findings.
    pub fn examine_alone(&self, doc: &Document) -> Examined {
        let (findings, seen, failure) = match crate::guard::guarded(|| self.examine(doc)) {
            Ok((findings, seen)) => (findings, seen, None),
            Err(why) => (Vec::new(), Observations::default(), Some(why)),
        };
        let (suppressions, problems) = Suppressions::parse(doc);
        let mut warnings: Vec<SuppressionWarning> = doc
            .warnings
            .iter()
            .map(|w| SuppressionWarning {
                file: doc.path.clone(),
                line: w.line,
                message: w.message.clone(),
            })
            .collect();
        warnings.extend(problems);
        if let Some((line, message)) = dates::undated_relative(doc) {
            warnings.push(SuppressionWarning {
                file: doc.path.clone(),
                line,
                message,
            });
        }
        Examined {
            file: doc.path.clone(),
            findings,
            seen,
            suppressions,
            warnings,
            failure,
        }
    }

    /// Compares the documents examined (in run order) with each other, applies
    /// each one's suppression comments, and gathers the run's findings per
    /// document in that order, by position within each.
    pub fn conclude(&self, examined: Vec<Examined>) -> Analysis {
        let mut conclusion = Conclusion::default();
        for e in examined {
            conclusion.add(e);
        }
        conclusion.finish(&self.rules)
    }
}

/// What checking one document on its own leaves for the rest of the run: its
/// findings, what it says about the claims (each place worked out, so sources are
/// compared without the document), its suppression comments and its warnings. Not
/// its text.
#[derive(Debug, Clone, Default)]
pub struct Examined {
    /// The document's path.
    pub file: String,
    /// Its own findings, in position order (suppressions not yet applied).
    pub findings: Vec<Finding>,
    /// What it says about the claims.
    pub seen: Observations,
    /// Its suppression comments.
    suppressions: Suppressions,
    /// Problems with its suppression comments and front matter.
    pub warnings: Vec<SuppressionWarning>,
    /// Why it could not be checked, when it could not (a bug in claimcheck).
    pub failure: Option<String>,
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
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Every finding, per document in input order, by position within each.
    pub findings: Vec<Finding>,
    /// What each document says about the claims, in input order.
    pub seen: Vec<Observations>,
    /// Each document's path, in input order.
    pub files: Vec<String>,
    /// Problems with suppression comments and front matter, to show the user.
    pub warnings: Vec<SuppressionWarning>,
    /// Documents that could not be checked.
    pub failed: Vec<DocumentFailure>,
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by(order);
}

/// The order of one document's findings: by place, then code and rule.
fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (a.line, a.column, a.code, &a.rule).cmp(&(b.line, b.column, b.code, &b.rule))
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
