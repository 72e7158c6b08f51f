//! period-mismatch: the claim's own figure put in another period.
//!
//! Binding (see [`crate::understand::binding`]) gives each bound figure the periods
//! its sentence gives *for it*: the period written beside it, else the one of its
//! segment, else the one that opens its clause. A figure for another period whose
//! value differs is another fact and is never bound; so a bound figure whose periods
//! all lie outside the claim's is the claim's figure in the wrong period.

use jiff::civil::Date;

use super::{Draft, finding};
use crate::document::Document;
use crate::extract::Quantity;
use crate::extract::date::DateMention;
use crate::finding::{Code, Finding};
use crate::matcher::Hit;
use crate::rules::Claim;

/// `period-mismatch` for a figure hit of a claim with a `period:`: the bound
/// figures are given for periods none of which overlaps the claim's. A figure with
/// no period of its own raises nothing.
pub fn period_mismatch(
    doc: &Document,
    dates: &[DateMention],
    figures: &[Quantity],
    hit: &Hit,
    claim: &Claim,
) -> Option<Finding> {
    let period = claim.period.as_ref()?;
    let given: Vec<(usize, usize)> = hit
        .bound
        .iter()
        .flat_map(|b| b.periods.iter().map(move |&d| (b.figure, d)))
        .collect();
    let overlaps = |d: &DateMention| d.value.start() <= period.end && period.start <= d.value.end();
    if given.is_empty() || given.iter().any(|&(_, d)| overlaps(&dates[d])) {
        return None;
    }
    let (figure, nearest) = given
        .iter()
        .map(|&(f, d)| (f, &dates[d]))
        .min_by_key(|(f, d)| gap(&d.span, &figures[*f].span))?;
    let text = doc.text[nearest.span.clone()].trim().to_string();
    let figure_text = doc.text[figures[figure].span.clone()].trim().to_string();
    let label = nearest.value.label();
    let resolved = if label == text {
        String::new()
    } else {
        format!(" ({label})")
    };
    Some(finding(
        doc,
        Some(claim),
        Draft {
            code: Code::PeriodMismatch,
            span: nearest.span.clone(),
            message: format!(
                "{figure_text} is given for {text}{resolved}; claim `{}` covers {}",
                claim.id, period.label
            ),
            suggestion: same_grain_year(nearest, period.start, period.end).and_then(|year| {
                super::dates::replace_year(&text, nearest.value.start().year(), year)
            }),
            found: text,
            expected: period.label.clone(),
            kind: None,
        },
    ))
}

/// The year the claim's period would have in the article's grain, when only the
/// year differs ("the first half of 2024" for 2025-H1).
fn same_grain_year(found: &DateMention, start: Date, end: Date) -> Option<i16> {
    let (s, e) = (found.value.start(), found.value.end());
    let same_shape = s.month() == start.month()
        && s.day() == start.day()
        && e.month() == end.month()
        && e.day() == end.day();
    (same_shape && s.year() != start.year() && start.year() == end.year()).then_some(start.year())
}

/// Bytes between two spans.
fn gap(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> usize {
    if a.start >= b.end {
        a.start - b.end
    } else {
        b.start.saturating_sub(a.end)
    }
}
