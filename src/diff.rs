//! Diff: what two documents say, claim by claim.
//!
//! Through the rules, each claim's figures, quote and statement date in one
//! document are set against the other's. Without a rule, figures are paired when
//! they are of the same kind and their sentences share enough content words (the
//! anchors and context the matcher would use), and quotations when one renders the
//! other's words.

use std::collections::HashSet;

use crate::align;
use crate::document::Document;
use crate::extract::date::dates;
use crate::extract::quantity::quantities;
use crate::extract::quote::quotations;
use crate::extract::{Quantity, outside_dates};
use crate::pipeline::Checker;
use crate::rules::ClaimKind;
use crate::sources::{Observations, Place, figures_agree};
use crate::statements::content_words;

/// One document's words in a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// As written.
    pub text: String,
    /// Where.
    pub place: Place,
}

/// What the two documents say about one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// What is compared: a claim id, or "figure" / "quote" without a rule.
    pub label: String,
    /// What the rule says, when a rule covers it.
    pub rule: Option<String>,
    /// The first document's words.
    pub a: Option<Side>,
    /// The second document's words.
    pub b: Option<Side>,
    /// Whether they say the same (absent on one side counts as no disagreement).
    pub agree: bool,
}

/// How many of their content words two sentences must share (Jaccard) for their
/// figures to be about the same thing.
const SHARED_CONTEXT: f64 = 0.3;

/// The pairs of two documents, rule claims first, then what no rule covers.
/// `seen` is what each says (from [`Checker::analyse`]).
pub fn pairs(checker: &Checker, a: &Document, b: &Document, seen: [&Observations; 2]) -> Vec<Pair> {
    let mut out = claim_pairs(checker, seen);
    let covered: Vec<&Place> = seen
        .iter()
        .flat_map(|o| o.figures.iter().map(|f| &f.place))
        .collect();
    out.extend(figure_pairs(a, b, &covered));
    let quoted: Vec<&Place> = seen
        .iter()
        .flat_map(|o| {
            o.quotes
                .iter()
                .filter(|q| q.rule.is_some())
                .map(|q| &q.place)
        })
        .collect();
    out.extend(quote_pairs(a, b, &quoted));
    out
}

fn side(text: &str, place: &Place) -> Option<Side> {
    Some(Side {
        text: text.to_string(),
        place: place.clone(),
    })
}

fn claim_pairs(checker: &Checker, [sa, sb]: [&Observations; 2]) -> Vec<Pair> {
    let rules = &checker.rules;
    let mut out = Vec::new();
    for (index, claim) in rules.claims.iter().enumerate() {
        match &claim.kind {
            ClaimKind::Figures(_) => {
                for slot in 0..checker.matcher.slots(index).len() {
                    let fa = sa
                        .figures
                        .iter()
                        .find(|f| f.claim == index && f.slot == slot);
                    let fb = sb
                        .figures
                        .iter()
                        .find(|f| f.claim == index && f.slot == slot);
                    if fa.is_none() && fb.is_none() {
                        continue;
                    }
                    let agree = match (fa, fb) {
                        (Some(x), Some(y)) => figures_agree(&x.quantity, &y.quantity),
                        _ => true,
                    };
                    out.push(Pair {
                        label: claim.id.clone(),
                        rule: fa.or(fb).and_then(|f| f.expected.clone()),
                        a: fa.and_then(|f| side(&f.text, &f.place)),
                        b: fb.and_then(|f| side(&f.text, &f.place)),
                        agree,
                    });
                }
            }
            ClaimKind::Quote(text) => {
                let qa = sa.quotes.iter().find(|q| q.rule == Some(index));
                let qb = sb.quotes.iter().find(|q| q.rule == Some(index));
                if qa.is_none() && qb.is_none() {
                    continue;
                }
                let agree = match (qa, qb) {
                    (Some(x), Some(y)) => x.person == y.person && same_words(&x.text, &y.text),
                    _ => true,
                };
                out.push(Pair {
                    label: claim.id.clone(),
                    rule: Some(text.clone()),
                    a: qa.and_then(|q| side(&q.text, &q.place)),
                    b: qb.and_then(|q| side(&q.text, &q.place)),
                    agree,
                });
            }
            ClaimKind::Statement(_) => {
                let da = sa.statements.iter().find(|s| s.claim == index);
                let db = sb.statements.iter().find(|s| s.claim == index);
                if da.is_none() && db.is_none() {
                    continue;
                }
                let text = |s: &crate::sources::StatementSeen| {
                    s.date.clone().unwrap_or_else(|| "no date".into())
                };
                let agree = match (da, db) {
                    (Some(x), Some(y)) => x.agrees == y.agrees,
                    _ => true,
                };
                out.push(Pair {
                    label: claim.id.clone(),
                    rule: claim.date.map(|d| d.to_string()),
                    a: da.and_then(|s| side(&text(s), &s.place)),
                    b: db.and_then(|s| side(&text(s), &s.place)),
                    agree,
                });
            }
        }
    }
    out
}

/// Whether two quotations give the same words (one may quote part of the other).
fn same_words(x: &str, y: &str) -> bool {
    let (tx, ty) = (align::tokens(x), align::tokens(y));
    align::align(&tx, &ty).is_some_and(|a| a.verbatim())
        || align::align(&ty, &tx).is_some_and(|a| a.verbatim())
}

/// A document's figures with the content words of their sentences.
fn figures_in_context(doc: &Document) -> Vec<(Quantity, HashSet<String>)> {
    let published = doc.published.as_ref().map(|p| p.date);
    let when = dates(&doc.prose, published);
    outside_dates(quantities(&doc.prose), &when)
        .into_iter()
        .filter_map(|q| {
            let s = doc.sentence_at(q.span.start)?;
            let context = content_words(&doc.prose[doc.sentences[s].clone()]);
            Some((q, context))
        })
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

/// Figures no rule covers, paired by kind and shared context.
fn figure_pairs(a: &Document, b: &Document, covered: &[&Place]) -> Vec<Pair> {
    let is_covered = |doc: &Document, q: &Quantity| {
        covered
            .iter()
            .any(|p| p.file == doc.path && p.span == q.span)
    };
    let fa: Vec<_> = figures_in_context(a)
        .into_iter()
        .filter(|(q, _)| !is_covered(a, q))
        .collect();
    let fb: Vec<_> = figures_in_context(b)
        .into_iter()
        .filter(|(q, _)| !is_covered(b, q))
        .collect();
    let mut used = vec![false; fb.len()];
    let mut out = Vec::new();
    for (qa, ca) in &fa {
        let best = fb
            .iter()
            .enumerate()
            .filter(|(j, (qb, _))| {
                !used[*j] && std::mem::discriminant(&qa.kind) == std::mem::discriminant(&qb.kind)
            })
            .map(|(j, (qb, cb))| (j, qb, jaccard(ca, cb)))
            .filter(|(_, _, score)| *score >= SHARED_CONTEXT)
            .max_by(|x, y| x.2.total_cmp(&y.2));
        let Some((j, qb, _)) = best else { continue };
        used[j] = true;
        let text = |d: &Document, q: &Quantity| d.text[q.span.clone()].trim().to_string();
        out.push(Pair {
            label: "figure".into(),
            rule: None,
            a: side(&text(a, qa), &Place::of(a, qa.span.clone())),
            b: side(&text(b, qb), &Place::of(b, qb.span.clone())),
            agree: figures_agree(qa, qb),
        });
    }
    out
}

/// Quotations no rule covers, paired when one renders the other's words.
fn quote_pairs(a: &Document, b: &Document, covered: &[&Place]) -> Vec<Pair> {
    let spoken = |d: &Document| -> Vec<(Place, String)> {
        quotations(&d.prose, &d.blocks)
            .iter()
            .filter(|q| q.kind != crate::extract::quote::QuoteKind::Scare)
            .filter_map(|q| {
                let span = q.parts.first()?.start..q.parts.last()?.end;
                let place = Place::of(d, span.clone());
                (!covered.contains(&&place)).then(|| (place, d.text[span].to_string()))
            })
            .collect()
    };
    let (qa, qb) = (spoken(a), spoken(b));
    let mut out = Vec::new();
    for (pa, ta) in &qa {
        let words = align::tokens(ta);
        let best = qb
            .iter()
            .filter_map(|(pb, tb)| {
                let al = align::align(&words, &align::tokens(tb))?;
                (al.matched_content >= 2 && al.coverage() >= 0.5).then_some((pb, tb, al.similarity))
            })
            .max_by(|x, y| x.2.total_cmp(&y.2));
        if let Some((pb, tb, _)) = best {
            out.push(Pair {
                label: "quote".into(),
                rule: None,
                a: side(ta, pa),
                b: side(tb, pb),
                agree: same_words(ta, tb),
            });
        }
    }
    out
}
