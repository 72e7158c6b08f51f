//! Binding: which figure of a sentence states each slot of a claim template.
//!
//! A figure can state a slot when it is of the slot's kind and its phrase (see
//! [`super::sentence`]) reaches every anchor of the template. When the noun phrase
//! the figure quantifies has a qualifier the template lacks ("82 percent of murders
//! involving *black* victims" for a claim about white victims), the anchors written
//! after the slot in the template must sit in that noun phrase, or before the
//! figure, or in words it borrows: not further on in its clause, where they describe
//! something else.
//!
//! Among the figures that can state a slot:
//!
//! 1. a figure that agrees with the claim's value binds first, whatever its role: the
//!    sentence states the claim (as its value, or as the base of a comparison, "up
//!    from 7.1%");
//! 2. otherwise the figure in the slot's role (a value for a value, a base for a
//!    base) whose own words hold the most anchors, then the nearest, binds; the check
//!    then reports the disagreement;
//! 3. when the claim has a period, a figure given for a period that does not overlap
//!    it states another fact, unless its value is the claim's: then it binds, and
//!    `period-mismatch` reports the claim's figure put in another period.

use std::cmp::Reverse;

use super::sentence::{Phrase, Role, Structure};
use crate::extract::date::DateMention;
use crate::extract::{Quantity, Span};
use crate::rules::Period;
use crate::template::{Slot, Template};

/// A figure bound to a slot of a template.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundFigure {
    /// Index of the figure in the document's figures.
    pub figure: usize,
    /// What the figure is in its sentence.
    pub role: Role,
    /// The figure and the words it quantifies.
    pub phrase: Span,
    /// The periods given for it (indices in the document's dates).
    pub periods: Vec<usize>,
}

/// What binding needs to know of the claim beside its template.
pub struct ClaimTerms<'a> {
    /// The period the claim's figures cover.
    pub period: Option<&'a Period>,
    /// Whether a found figure agrees with an expected one.
    pub agrees: &'a dyn Fn(&Quantity, &Quantity) -> bool,
}

/// How a figure's periods sit with the claim's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// One of them overlaps the claim's period.
    Within,
    /// The figure has no period, or the claim none.
    Unknown,
    /// All of them lie outside the claim's period.
    Other,
}

/// A figure that can state a slot.
struct Candidate<'a> {
    phrase: &'a Phrase,
    /// Anchors found in the figure's own words.
    own: usize,
    /// Bytes to the nearest anchor it reaches.
    distance: usize,
    agrees: Option<bool>,
    fit: Fit,
}

/// Binds each slot of `template` to a distinct figure of the sentence. `anchors`
/// holds, per anchor of the template, where the sentence has it. `None` when a slot
/// finds no figure.
pub fn bind(
    template: &Template,
    structure: &Structure,
    figures: &[Quantity],
    dates: &[DateMention],
    anchors: &[Vec<Span>],
    terms: &ClaimTerms,
) -> Option<Vec<BoundFigure>> {
    let mut out: Vec<BoundFigure> = Vec::new();
    for slot in &template.slots {
        let taken = |i: usize| out.iter().any(|b| b.figure == i);
        let candidates: Vec<Candidate> = structure
            .phrases
            .iter()
            .filter(|p| !taken(p.figure) && slot.kind.accepts(&figures[p.figure].kind))
            .filter_map(|p| candidate(p, slot, template, figures, dates, anchors, terms))
            .collect();
        let chosen = choose(&candidates, slot.role)?;
        out.push(BoundFigure {
            figure: chosen.figure,
            role: chosen.role,
            phrase: chosen.quantified.clone(),
            periods: chosen.periods.clone(),
        });
    }
    Some(out)
}

/// The phrase `p` as a candidate for `slot`, if it reaches every anchor and is not
/// another period's fact.
fn candidate<'a>(
    p: &'a Phrase,
    slot: &Slot,
    template: &Template,
    figures: &[Quantity],
    dates: &[DateMention],
    anchors: &[Vec<Span>],
    terms: &ClaimTerms,
) -> Option<Candidate<'a>> {
    let q = &figures[p.figure];
    // A noun phrase with a qualifier the template does not have ("black victims"
    // for "white victims") must hold the template's later words itself.
    let differs = p.qualifiers.iter().any(|f| !template.anchors.contains(f));
    let mut own = 0;
    let mut distance = usize::MAX;
    for (a, spans) in anchors.iter().enumerate() {
        let after_slot = template.anchor_at.get(a).is_some_and(|&at| at > slot.at);
        let usable = |s: &&Span| {
            p.reaches(s)
                && (!after_slot
                    || !differs
                    || s.end <= q.span.start
                    || inside(s, &p.quantified)
                    || !p.owns(s))
        };
        let found: Vec<&Span> = spans.iter().filter(usable).collect();
        if found.is_empty() {
            return None;
        }
        if found.iter().any(|s| p.owns(s)) {
            own += 1;
        }
        let nearest = found
            .iter()
            .map(|s| gap(s, &q.span))
            .min()
            .unwrap_or(usize::MAX);
        distance = distance.min(nearest);
    }
    let agrees = slot.expected.as_ref().map(|e| (terms.agrees)(e, q));
    let fit = match terms.period {
        None => Fit::Unknown,
        Some(_) if p.periods.is_empty() => Fit::Unknown,
        Some(period) => {
            let overlaps = p.periods.iter().any(|&d| {
                let v = &dates[d].value;
                v.start() <= period.end && period.start <= v.end()
            });
            if overlaps { Fit::Within } else { Fit::Other }
        }
    };
    if fit == Fit::Other && agrees != Some(true) {
        return None; // another period's figure with another value: another fact
    }
    Some(Candidate {
        phrase: p,
        own,
        distance,
        agrees,
        fit,
    })
}

/// The phrase that states a slot of role `role`, among `candidates`.
fn choose<'a>(candidates: &[Candidate<'a>], role: Role) -> Option<&'a Phrase> {
    let in_role = |c: &Candidate| match role {
        Role::Base => c.phrase.role == Role::Base,
        Role::Current | Role::Bound => c.phrase.role != Role::Base,
    };
    let agreeing = candidates
        .iter()
        .filter(|c| c.agrees == Some(true))
        .min_by_key(|c| (c.fit, !in_role(c), Reverse(c.own), c.distance));
    if let Some(c) = agreeing {
        return Some(c.phrase);
    }
    // The figure in the slot's role with the most anchors of its own. One that
    // has none, all its words borrowed from a comparison base that has them, does
    // not state the base's claim: "of the 6,000 jobs promised, 3,200 were created"
    // states 6,000 for the jobs promised.
    let rank = |c: &&Candidate| (c.fit, Reverse(c.own), c.distance);
    let best = candidates.iter().filter(|c| in_role(c)).min_by_key(rank)?;
    if best.own == 0
        && let Some(owner) = candidates
            .iter()
            .filter(|c| !in_role(c) && c.own > 0)
            .min_by_key(rank)
    {
        return Some(owner.phrase);
    }
    Some(best.phrase)
}

/// Whether `a` lies within `b`.
fn inside(a: &Span, b: &Span) -> bool {
    b.start <= a.start && a.end <= b.end
}

/// Bytes between two spans.
fn gap(a: &Span, b: &Span) -> usize {
    if a.start >= b.end {
        a.start - b.end
    } else {
        b.start.saturating_sub(a.end)
    }
}
