//! Quotes: quotations found in a document, who says them, and which recorded quote
//! they render.

use crate::align::{self, Alignment, Token};
use crate::extract::quote::{Quotation, QuoteKind};
use crate::rules::{ClaimKind, RuleSet};

/// The share of a quotation's content words that must come from a recorded quote
/// for it to count as a rendering of that quote, when its speaker is the quote's.
/// Chosen on the fixtures and seeds: rewordings of a recorded quote keep 0.46 to
/// 0.67 of their content words from it; other remarks of the same person 0 to 0.25.
pub const DRIFT_COVERAGE: f64 = 0.3;

/// The same, for a quotation with no speaker found: stricter, since nothing but the
/// words ties it to the quote.
pub const UNATTRIBUTED_COVERAGE: f64 = 0.6;

/// The share of a quotation's content words that must come from a recorded quote
/// for it to be those words in another person's mouth.
pub const MISATTRIBUTION_COVERAGE: f64 = 0.8;

/// A recorded quote compiled for alignment.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Index of the claim in the [`RuleSet`].
    pub claim: usize,
    /// Index of the speaker in the rule set's `people`.
    pub person: usize,
    /// The recorded words.
    pub text: String,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Its content words.
    pub content: usize,
    /// The drift threshold for this quote.
    pub coverage: f64,
}

/// Every `quote:` rule with a speaker, compiled once.
#[derive(Debug, Clone, Default)]
pub struct QuoteMatcher {
    /// The recorded quotes, in rule order.
    pub recorded: Vec<Recorded>,
}

/// How a quotation relates to a recorded quote.
#[derive(Debug, Clone)]
pub struct QuoteMatch {
    /// Index into [`QuoteMatcher::recorded`].
    pub recorded: usize,
    /// The alignment of the quotation's words with the recorded words.
    pub alignment: Alignment,
}

impl QuoteMatcher {
    /// Compiles the quote rules; `coverage` is the run's drift threshold for rules
    /// that set no `similarity:`.
    pub fn new(rules: &RuleSet, coverage: f64) -> QuoteMatcher {
        let recorded = rules
            .claims
            .iter()
            .enumerate()
            .filter_map(|(claim, c)| {
                let ClaimKind::Quote(text) = &c.kind else {
                    return None;
                };
                let person =
                    c.by.as_ref()
                        .and_then(|id| rules.people.iter().position(|p| &p.id == id))?;
                let tokens = align::tokens(text);
                Some(Recorded {
                    claim,
                    person,
                    text: text.clone(),
                    content: align::content_count(&tokens),
                    tokens,
                    coverage: c.similarity.unwrap_or(coverage),
                })
            })
            .collect();
        QuoteMatcher { recorded }
    }

    /// The recorded quote a quotation's words best render, if any shares enough of
    /// its words: at least two content words (one for a recorded quote of three or
    /// fewer), and the best coverage wins.
    pub fn best(&self, words: &[Token]) -> Option<QuoteMatch> {
        self.recorded
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let needed = if r.content <= 3 { 1 } else { 2 };
                let alignment = align::align_sharing(words, &r.tokens, needed)?;
                (alignment.matched_content >= needed).then_some(QuoteMatch {
                    recorded: i,
                    alignment,
                })
            })
            .max_by(|a, b| {
                a.alignment
                    .coverage()
                    .total_cmp(&b.alignment.coverage())
                    .then(b.recorded.cmp(&a.recorded))
            })
    }
}

/// The quotations of a document that can be someone's words: full quotations and
/// fragments; scare quotes are set apart.
pub fn spoken(quotations: &[Quotation]) -> impl Iterator<Item = &Quotation> {
    quotations.iter().filter(|q| q.kind != QuoteKind::Scare)
}

/// Whether `offset` lies inside a quotation that can be someone's words.
pub fn inside(quotations: &[Quotation], offset: usize) -> bool {
    let i = quotations.partition_point(|q| q.span.end <= offset);
    quotations
        .get(i)
        .is_some_and(|q| q.span.start <= offset && q.kind != QuoteKind::Scare)
}
