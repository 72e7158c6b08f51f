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

use jiff::civil::Date;

use super::sentence::{Phrase, Role, Structure};
use crate::extract::date::DateMention;
use crate::extract::{Quantity, QuantityKind, Span};
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
    /// Whether it agrees with the slot's value (`None` for a slot with no value).
    pub agrees: Option<bool>,
    /// How its periods sit with the claim's.
    pub fit: Fit,
}

/// What binding needs to know of the claim beside its template.
pub struct ClaimTerms<'a> {
    /// The period the claim's figures cover.
    pub period: Option<&'a Period>,
    /// Whether a found figure agrees with an expected one.
    pub agrees: &'a dyn Fn(&Quantity, &Quantity) -> bool,
    /// The document's publication date: a figure written with no period speaks of
    /// the time of publication.
    pub published: Option<Date>,
    /// Figures that state another claim of the sentence (they agree with it): not
    /// this claim's.
    pub claimed: &'a [usize],
    /// Per `near:` phrase of the claim, where the sentence has it.
    pub near: &'a [Vec<Span>],
}

/// How long before publication a claim's period may end and still be what a figure
/// written with no period speaks of.
const RECENT_DAYS: i32 = 366;

/// How a figure's periods sit with the claim's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fit {
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
        let taken = |i: usize| out.iter().any(|b| b.figure == i) || terms.claimed.contains(&i);
        let candidates: Vec<Candidate> = structure
            .phrases
            .iter()
            .filter(|p| !taken(p.figure) && fits_slot(slot, &figures[p.figure]))
            .filter(|p| near_reached(p, structure, terms.near))
            .filter_map(|p| candidate(p, slot, template, figures, dates, anchors, terms))
            .collect();
        let chosen = choose(&candidates, slot.role)?;
        out.push(BoundFigure {
            figure: chosen.phrase.figure,
            role: chosen.phrase.role,
            phrase: chosen.phrase.quantified.clone(),
            periods: match terms.period {
                Some(period) => periods_for(chosen.phrase, period).to_vec(),
                None => chosen.phrase.periods.clone(),
            },
            agrees: chosen.agrees,
            fit: chosen.fit,
        });
    }
    Some(out)
}

/// Whether every slot of `template` has a figure of a kind it can hold among
/// `figures[range]` (a sentence's), those in `claimed` aside: if one has none,
/// [`bind`] binds nothing there, so the sentence need not be read.
pub fn may_bind(
    template: &Template,
    figures: &[Quantity],
    range: std::ops::Range<usize>,
    claimed: &[usize],
) -> bool {
    template.slots.iter().all(|slot| {
        range
            .clone()
            .any(|i| !claimed.contains(&i) && fits_slot(slot, &figures[i]))
    })
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
    // for "white victims"), or that restates only part of the template's ("eligible
    // voters" for "eligible Republican voters"), must hold the template's later
    // words itself.
    let after: Vec<bool> = (0..anchors.len())
        .map(|a| slot.phrase_anchors.contains(&a))
        .collect();
    let differs = p.qualifiers.iter().any(|f| !template.anchors.contains(f));
    let restated = anchors.iter().zip(&after).any(|(spans, &later)| {
        later
            && spans
                .iter()
                .any(|s| inside(s, &p.quantified) && !inside(s, &q.span))
    });
    let strict = !slot.phrase_anchors.is_empty() && (differs || restated);
    let mut own = 0;
    let mut distance = usize::MAX;
    for (a, spans) in anchors.iter().enumerate() {
        let usable = |s: &&Span| {
            p.reaches(s)
                && (!after[a]
                    || !strict
                    || inside(s, &p.quantified)
                    || s.end <= q.span.start && (p.owns(s) || !restated)
                    || !p.owns(s) && !restated)
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
    // "Asked if Sanders is electable, 72 percent of Democrats said yes": a figure
    // that names the whole it is a share of, with none of the claim's words in its
    // own, is that whole's figure, not the figure of what its clause opens with.
    let another_whole = p.whole.iter().any(|f| !template.anchors.contains(f));
    if own == 0 && another_whole && !anchors.is_empty() {
        return None;
    }
    let agrees = slot.expected.as_ref().map(|e| (terms.agrees)(e, q));
    let fit = fit(p, dates, terms);
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

/// Whether every `near:` phrase of the claim is in words that can speak of the
/// figure of `p`: anywhere in the sentence, except that a relative clause speaks
/// only of the noun before it. A phrase inside one ("the $15 wage, which was aimed
/// at Clinton") does not reach a figure outside it, nor a phrase outside one a
/// figure inside it ("in Munich ... Nice, where 200 were wounded"), unless the
/// figure's own or borrowed words hold it.
fn near_reached(p: &Phrase, structure: &Structure, near: &[Vec<Span>]) -> bool {
    near.iter().all(|spans| {
        spans
            .iter()
            .any(|s| p.reaches(s) || structure.aside_of(s) == p.aside)
    })
}

/// Whether a figure can stand in a slot: of a kind it accepts, and a level for a
/// level (percentage points, a margin or a change, never state a share in percent
/// that has no direction).
fn fits_slot(slot: &Slot, q: &Quantity) -> bool {
    let level = slot.expected.as_ref().is_none_or(|e| e.direction.is_none());
    let points_for_share = matches!(slot.kind, crate::template::SlotKind::Percent)
        && q.kind == QuantityKind::PercentagePoints
        && level;
    slot.kind.accepts(&q.kind) && !points_for_share
}

/// How the periods given for a figure sit with the claim's. A period whose year
/// was not written ("the third quarter of the year", "October of that year") fits when the
/// same months of a year written earlier in the sentence, or of the year before or
/// after, overlap the claim's. A figure with no period speaks of the time of
/// publication: it is another period's when the claim's ended over a year before.
fn fit(p: &Phrase, dates: &[DateMention], terms: &ClaimTerms) -> Fit {
    let Some(period) = terms.period else {
        return Fit::Unknown;
    };
    let periods = periods_for(p, period);
    if periods.is_empty() {
        let old = terms.published.is_some_and(|d| {
            period.end < d
                && period
                    .end
                    .until(d)
                    .is_ok_and(|s| s.get_days() > RECENT_DAYS)
        });
        return if old { Fit::Other } else { Fit::Unknown };
    }
    let overlaps = |start: Date, end: Date| start <= period.end && period.start <= end;
    let fits = periods.iter().any(|&d| {
        let v = &dates[d].value;
        if overlaps(v.start(), v.end()) {
            return true;
        }
        if !p.yearless.contains(&d) {
            return false;
        }
        let written = p.years.iter().copied();
        let nearby = [-1i16, 1].map(|k| v.start().year() + k);
        written.chain(nearby).any(|y| {
            let shift = |x: Date| {
                x.with()
                    .year(y + (x.year() - v.start().year()))
                    .build()
                    .ok()
            };
            matches!((shift(v.start()), shift(v.end())), (Some(a), Some(b)) if overlaps(a, b))
        })
    });
    if fits { Fit::Within } else { Fit::Other }
}

/// How many days a claim's period may last and still be dated by a day written
/// for its figure ("a poll conducted on Thursday" for a poll of one day).
const SHORT_PERIOD_DAYS: i32 = 7;

/// The periods of `p` that may date a figure of a claim of `period`: its periods,
/// or, when it has none and the claim's period lasts a few days at most, the days
/// written for it.
pub fn periods_for<'a>(p: &'a Phrase, period: &Period) -> &'a [usize] {
    let short = period
        .start
        .until(period.end)
        .is_ok_and(|s| s.get_days() < SHORT_PERIOD_DAYS);
    if p.periods.is_empty() && short {
        &p.days
    } else {
        &p.periods
    }
}

/// The phrase that states a slot of role `role`, among `candidates`.
fn choose<'a, 'b>(candidates: &'b [Candidate<'a>], role: Role) -> Option<&'b Candidate<'a>> {
    let in_role = |c: &Candidate| match role {
        Role::Base => c.phrase.role == Role::Base,
        Role::Current | Role::Bound => c.phrase.role != Role::Base,
    };
    let agreeing = candidates
        .iter()
        .filter(|c| c.agrees == Some(true))
        .min_by_key(|c| (c.fit, !in_role(c), Reverse(c.own), c.distance));
    if let Some(c) = agreeing {
        return Some(c);
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
        return Some(owner);
    }
    Some(best)
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
