//! Quotes: quotations found in a document, who says them, and which recorded quote
//! they render.

use crate::align::{self, Alignment, Token};
use crate::attribution::Attribution;
use crate::document::Document;
use crate::extract::quote::{Quotation, QuoteKind};
use crate::people::PersonMention;
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
                let alignment = align::align(words, &r.tokens)?;
                let needed = if r.content <= 3 { 1 } else { 2 };
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

/// How far (bytes) a reporting verb may stand from a quotation.
const NEAR: usize = 160;

/// Who says a quotation.
///
/// In order: the reporting verb nearest the quotation in the sentences it spans
/// ("“...,” Kobakhidze said", "Kobakhidze said: “...”"); then, only for a quotation
/// that stands alone as its sentence, a sentence just before it that ends with a
/// colon and names a person ("Kobakhidze set out his position:"), the verb at the
/// start of the next sentence, or the verb of the previous one. A fragment inside
/// the writer's own sentence takes no speaker from its neighbours.
pub fn speaker(
    doc: &Document,
    q: &Quotation,
    attributions: &[Attribution],
    people: &[PersonMention],
) -> Option<Attribution> {
    let first = doc
        .sentence_at(q.span.start)
        .or_else(|| doc.sentence_at(q.parts.first()?.start))?;
    let last = doc
        .sentence_at(q.span.end.saturating_sub(1))
        .unwrap_or(first)
        .max(first);
    let distance = |a: &Attribution| {
        if a.verb.start >= q.span.end {
            a.verb.start - q.span.end
        } else {
            q.span.start.saturating_sub(a.verb.end)
        }
    };
    let outside = |a: &&Attribution| a.verb.end <= q.span.start || a.verb.start >= q.span.end;
    let same = attributions
        .iter()
        .filter(|a| (first..=last).contains(&a.sentence))
        .filter(outside)
        .filter(|a| distance(a) <= NEAR)
        .min_by_key(|a| distance(a));
    if let Some(a) = same {
        return Some(a.clone());
    }
    if !stands_alone(doc, q, first, last) {
        return None;
    }
    if let Some(before) = first.checked_sub(1) {
        let intro = doc.sentences[before].clone();
        if doc.prose[intro.clone()].trim_end().ends_with(':') {
            let named = people
                .iter()
                .rev()
                .find(|p| intro.start <= p.span.start && p.span.end <= intro.end);
            if let Some(p) = named {
                return Some(Attribution {
                    person: p.person,
                    sentence: before,
                    verb: intro.end - 1..intro.end,
                    speaker: p.span.clone(),
                    pronoun: false,
                });
            }
        }
    }
    let after = attributions
        .iter()
        .filter(|a| a.sentence == last + 1 && distance(a) <= NEAR)
        .min_by_key(|a| a.verb.start);
    after
        .or_else(|| {
            let before = first.checked_sub(1)?;
            attributions
                .iter()
                .filter(|a| a.sentence == before)
                .max_by_key(|a| a.verb.end)
        })
        .cloned()
}

/// Whether a quotation is its sentences' whole content, bar a few words.
fn stands_alone(doc: &Document, q: &Quotation, first: usize, last: usize) -> bool {
    let whole = doc.sentences[first].start..doc.sentences[last].end;
    let before = &doc.prose[whole.start..q.span.start.max(whole.start)];
    let after = &doc.prose[q.span.end.min(whole.end)..whole.end];
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    words(before) + words(after) <= 1
}
