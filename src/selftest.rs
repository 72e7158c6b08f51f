//! Rules that test themselves: each claim's `examples:` run through the real checker.
//!
//! An example sentence becomes a plain-text [`Document`] of its own, published on the
//! examples' date, and is checked by [`Checker::check_document`] with every rule of
//! the run, exactly as an article would be. Only the findings of the example's own
//! claim count: a `pass` sentence must raise none, a `fail` sentence at least one.
//! Nothing here matches sentences itself, so an example tests the same code path
//! `claimcheck check` takes.

use rayon::prelude::*;

use crate::document::{DateOrigin, Document, Format, Published};
use crate::finding::{Code, Finding};
use crate::pipeline::Checker;
use crate::rules::{Claim, ClaimKind, Example};

/// What an example sentence must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expectation {
    /// Raise no finding of its claim (`examples: {pass: [...]}`).
    Pass,
    /// Raise at least one finding of its claim (`examples: {fail: [...]}`).
    Fail,
}

impl Expectation {
    /// The key the example is listed under: `pass` or `fail`.
    pub fn as_str(self) -> &'static str {
        match self {
            Expectation::Pass => "pass",
            Expectation::Fail => "fail",
        }
    }
}

/// One example, run: what it had to do and what the checker found.
#[derive(Debug, Clone)]
pub struct ExampleRun {
    /// The id of the claim the example belongs to.
    pub claim: String,
    /// What the example had to do.
    pub expectation: Expectation,
    /// The example: its sentence and where it is written.
    pub example: Example,
    /// The codes a finding of this claim can have, for telling what was expected.
    pub codes: &'static [Code],
    /// The findings of the example's claim on the sentence (other claims' are
    /// dropped).
    pub findings: Vec<Finding>,
}

impl ExampleRun {
    /// Whether the example did what it had to: no finding for `pass`, some for
    /// `fail`.
    pub fn passed(&self) -> bool {
        match self.expectation {
            Expectation::Pass => self.findings.is_empty(),
            Expectation::Fail => !self.findings.is_empty(),
        }
    }

    /// What the example had to do, in words: "no finding of claim `x`" or "a
    /// value-mismatch or period-mismatch finding of claim `x`".
    pub fn expected(&self) -> String {
        match self.expectation {
            Expectation::Pass => format!("no finding of claim `{}`", self.claim),
            Expectation::Fail => {
                let names: Vec<&str> = self.codes.iter().map(|c| c.as_str()).collect();
                let codes = match names.as_slice() {
                    [] => String::new(),
                    [one] => format!("{one} "),
                    [init @ .., last] => format!("{} or {last} ", init.join(", ")),
                };
                format!("a {codes}finding of claim `{}`", self.claim)
            }
        }
    }
}

/// The finding codes a claim of this kind can raise on one document.
pub fn codes_for(claim: &Claim) -> &'static [Code] {
    match claim.kind {
        ClaimKind::Figures(_) => &[Code::ValueMismatch, Code::PeriodMismatch],
        ClaimKind::Statement(_) => &[Code::DateMismatch],
        ClaimKind::Quote(_) => &[
            Code::QuoteDrift,
            Code::QuoteMisattribution,
            Code::DateMismatch,
        ],
    }
}

/// The document an example sentence is checked as: plain text, named after the
/// place the example is written, published on the examples' date (`examples:
/// {date:}`, else the claim's `date:`) and on no other: a date at the top of the
/// sentence is not taken for a dateline, nor the rule file's name for a date.
pub fn example_document(claim: &Claim, example: &Example) -> Document {
    let mut doc = Document::with_format(
        &example.origin.to_string(),
        example.text.clone(),
        Format::Plain,
        None,
    );
    doc.published = claim.examples.date.map(|date| Published {
        date,
        // Given from outside the text, as `--date` is.
        origin: DateOrigin::CommandLine,
        span: None,
    });
    doc
}

/// Runs one example of `claim` through `checker`.
pub fn run_example(
    checker: &Checker,
    claim: &Claim,
    expectation: Expectation,
    example: &Example,
) -> ExampleRun {
    let doc = example_document(claim, example);
    let findings = checker
        .check_document(&doc)
        .into_iter()
        .filter(|f| f.rule.as_deref() == Some(claim.id.as_str()))
        .collect();
    ExampleRun {
        claim: claim.id.clone(),
        expectation,
        example: example.clone(),
        codes: codes_for(claim),
        findings,
    }
}

/// Runs every example of every claim of the checker's rules, in parallel; the runs
/// come back in rule-file order, each claim's `pass` examples before its `fail`
/// examples.
pub fn run_all(checker: &Checker) -> Vec<ExampleRun> {
    let cases: Vec<(&Claim, Expectation, &Example)> = checker
        .rules
        .claims
        .iter()
        .flat_map(|c| {
            let pass = c
                .examples
                .pass
                .iter()
                .map(move |e| (c, Expectation::Pass, e));
            let fail = c
                .examples
                .fail
                .iter()
                .map(move |e| (c, Expectation::Fail, e));
            pass.chain(fail)
        })
        .collect();
    cases
        .into_par_iter()
        .map(|(claim, expectation, example)| run_example(checker, claim, expectation, example))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse;

    fn checker(yaml: &str) -> Checker {
        Checker::new(parse(&[("r.yaml".into(), yaml.into())]).unwrap())
    }

    #[test]
    fn figures_pass_and_fail() {
        let c = checker(
            "claims:\n  - id: t\n    claim: \"20% of territory\"\n    examples:\n      pass: [\"Russia occupies about 20% of Georgia's territory.\"]\n      fail: [\"Russia occupies 25% of Georgia's territory.\", \"Russia occupies 20% of Georgia's territory.\"]\n",
        );
        let runs = run_all(&c);
        assert_eq!(runs.len(), 3);
        assert_eq!(runs[0].expectation, Expectation::Pass);
        assert!(runs[0].passed(), "{:?}", runs[0].findings);
        assert!(runs[1].passed(), "25% is flagged");
        assert_eq!(runs[1].findings[0].code, Code::ValueMismatch);
        assert!(
            !runs[2].passed(),
            "20% raises nothing, so the fail example fails"
        );
        assert_eq!(
            runs[2].expected(),
            "a value-mismatch or period-mismatch finding of claim `t`"
        );
        assert_eq!(runs[2].example.origin.to_string(), "r.yaml:6:61");
    }

    #[test]
    fn relative_dates_count_from_the_examples_date() {
        let yaml = "people:\n  - id: z\n    name: Maria Zakharova\n    aliases: [Zakharova]\nclaims:\n  - id: s\n    statement: Moscow is prepared to normalize relations with Georgia\n    by: z\n    date: 2025-12-04\n    examples:\n      pass: [\"Zakharova said on Thursday that Moscow is prepared to normalize relations with Georgia.\"]\n      fail: [\"Zakharova said on Wednesday that Moscow is prepared to normalize relations with Georgia.\"]\n";
        let runs = run_all(&checker(yaml));
        assert!(runs.iter().all(ExampleRun::passed), "{runs:#?}");
        assert_eq!(runs[0].expected(), "no finding of claim `s`");
        assert_eq!(runs[1].findings[0].code, Code::DateMismatch);
    }

    #[test]
    fn only_the_examples_own_claim_counts() {
        // The sentence breaks claim `u`, but it is an example of `t`, which it keeps.
        let c = checker(
            "claims:\n  - id: t\n    claim: \"20% of territory\"\n    examples:\n      pass: [\"Some 9% of the coast and about 20% of the territory are occupied.\"]\n  - id: u\n    claim: \"5% of coast\"\n",
        );
        let runs = run_all(&c);
        assert_eq!(runs.len(), 1);
        assert!(runs[0].passed(), "{:?}", runs[0].findings);
        let claim = &c.rules.claims[0];
        let all = c.check_document(&example_document(claim, &claim.examples.pass[0]));
        assert!(
            all.iter().any(|f| f.rule.as_deref() == Some("u")),
            "{all:?}"
        );
    }

    #[test]
    fn a_date_in_the_sentence_is_not_its_publication_date() {
        let c = checker(
            "claims:\n  - id: t\n    claim: \"20% of territory\"\n    examples:\n      date: 2025-12-10\n      pass: [\"December 3, 2025 - About 20% of the territory is occupied.\"]\n",
        );
        let claim = &c.rules.claims[0];
        let doc = example_document(claim, &claim.examples.pass[0]);
        assert_eq!(
            doc.published.map(|p| p.date.to_string()).as_deref(),
            Some("2025-12-10")
        );
    }
}
