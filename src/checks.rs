//! Checks: verdicts on hits. Each check turns a hit into findings.

use crate::document::Document;
use crate::extract::{Quantity, QuantityKind};
use crate::finding::{Code, Finding};
use crate::matcher::Hit;
use crate::rules::{Claim, Tolerance};
use crate::template::Template;

/// Why a figure disagrees with the value a claim expects.
#[derive(Debug, Clone, PartialEq)]
pub enum Mismatch {
    /// The right digits at the wrong scale: "million" for "billion".
    Magnitude {
        /// How many times larger the figure is than expected (below 1: smaller).
        factor: f64,
    },
    /// A fall written for a rise, or the reverse.
    Direction,
    /// Percentage points written for percent, or the reverse.
    Points,
    /// Another currency.
    Currency,
    /// Another value.
    Value,
}

impl Mismatch {
    /// The short name JSON reports use in `kind`.
    pub fn name(&self) -> &'static str {
        match self {
            Mismatch::Magnitude { .. } => "magnitude",
            Mismatch::Direction => "direction",
            Mismatch::Points => "points",
            Mismatch::Currency => "currency",
            Mismatch::Value => "value",
        }
    }
}

/// The interval of values that agree with `expected`: its stated precision (half a
/// step either side) or the claim's tolerance.
pub fn accepted_range(expected: &Quantity, tolerance: Option<Tolerance>) -> (f64, f64) {
    let v = expected.value;
    let half = match tolerance {
        Some(Tolerance::Absolute(t)) => t,
        Some(Tolerance::Relative(p)) => v.abs() * p / 100.0,
        None => expected.step / 2.0,
    };
    // Floating point: 1.25e9 must count as within 1.3e9 ± 0.05e9.
    let slack = half * 1e-9 + f64::EPSILON;
    (v - half - slack, expected.upper.unwrap_or(v) + half + slack)
}

/// Compares a figure found in text with the figure a claim expects. `None` when they
/// agree. Hedges ("about", "nearly") are ignored: they never make a wrong figure right.
pub fn compare(
    expected: &Quantity,
    found: &Quantity,
    tolerance: Option<Tolerance>,
) -> Option<Mismatch> {
    use QuantityKind as K;
    match (&expected.kind, &found.kind) {
        (K::Percent, K::PercentagePoints) | (K::PercentagePoints, K::Percent) => {
            return Some(Mismatch::Points);
        }
        (K::Money { currency: a }, K::Money { currency: b }) if a != b => {
            return Some(Mismatch::Currency);
        }
        _ => {}
    }
    if let (Some(a), Some(b)) = (expected.direction, found.direction)
        && a != b
    {
        return Some(Mismatch::Direction);
    }
    let value = comparable_value(expected, found);
    let (lo, hi) = accepted_range(expected, tolerance);
    let found_hi = found
        .upper
        .map_or(value, |u| u * value / found.value.max(f64::MIN_POSITIVE));
    if value <= hi && found_hi >= lo {
        return None;
    }
    // Magnitude: the figure is the expected one times a power of ten of at least 100.
    if expected.value != 0.0 && value != 0.0 {
        let factor = value / expected.value;
        let exponent = factor.abs().log10().round();
        if exponent.abs() >= 2.0 {
            let scaled = value / 10f64.powf(exponent);
            if scaled >= lo && scaled <= hi {
                return Some(Mismatch::Magnitude {
                    factor: 10f64.powf(exponent),
                });
            }
        }
    }
    Some(Mismatch::Value)
}

/// The found figure's value in the expected figure's units: a fraction stands for a
/// percentage when a percentage is expected ("a fifth" is 20%), and the reverse.
fn comparable_value(expected: &Quantity, found: &Quantity) -> f64 {
    match (&expected.kind, &found.kind) {
        (QuantityKind::Percent, QuantityKind::Fraction) => found.value * 100.0,
        (QuantityKind::Fraction, QuantityKind::Percent) => found.value / 100.0,
        _ => found.value,
    }
}

/// Scale words by power of ten, for explaining magnitude slips.
fn scale_word(value: f64) -> Option<&'static str> {
    let v = value.abs();
    [
        (1e12, "trillion"),
        (1e9, "billion"),
        (1e6, "million"),
        (1e3, "thousand"),
    ]
    .into_iter()
    .find(|(s, _)| v >= *s)
    .map(|(_, w)| w)
}

/// The value-mismatch findings of one hit.
pub fn value_mismatch(
    doc: &Document,
    figures: &[Quantity],
    hit: &Hit,
    claim: &Claim,
    template: &Template,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (slot, &index) in template.slots.iter().zip(&hit.bindings) {
        let Some(expected) = &slot.expected else {
            continue;
        };
        let found = &figures[index];
        let Some(mismatch) = compare(expected, found, claim.tolerance) else {
            continue;
        };
        let found_text = doc.text[found.span.clone()].trim().to_string();
        let why = match &mismatch {
            Mismatch::Magnitude { factor } => {
                match (scale_word(found.value), scale_word(expected.value)) {
                    (Some(f), Some(e)) if f != e => format!("{f} written for {e}"),
                    _ if *factor > 1.0 => format!("{} times too large", thousands(*factor)),
                    _ => format!("{} times too small", thousands(1.0 / factor)),
                }
            }
            Mismatch::Direction => {
                let (f, e) = (
                    found.direction.map_or("", |d| d.word()),
                    expected.direction.map_or("", |d| d.word()),
                );
                format!("a {f} where the claim says a {e}")
            }
            Mismatch::Points => match found.kind {
                QuantityKind::PercentagePoints => {
                    "percentage points where the claim says percent".into()
                }
                _ => "percent where the claim says percentage points".into(),
            },
            Mismatch::Currency => {
                let name = |q: &Quantity| match &q.kind {
                    QuantityKind::Money { currency } => currency.clone(),
                    _ => String::new(),
                };
                format!("{} where the claim says {}", name(found), name(expected))
            }
            Mismatch::Value if expected.kind == QuantityKind::Year => "another year".to_string(),
            Mismatch::Value => {
                let (lo, hi) = accepted_range(expected, claim.tolerance);
                format!(
                    "the claim accepts {} to {}",
                    plain_number(lo),
                    plain_number(hi)
                )
            }
        };
        out.push(finding(
            doc,
            Code::ValueMismatch,
            claim,
            found.span.clone(),
            format!(
                "{found_text} where claim `{}` says {}: {why}",
                claim.id, slot.text
            ),
            found_text,
            slot.text.clone(),
            Some(mismatch.name().to_string()),
        ));
    }
    out
}

/// Builds a finding for `span` of `doc` under `claim`.
#[allow(clippy::too_many_arguments)]
pub fn finding(
    doc: &Document,
    code: Code,
    claim: &Claim,
    span: std::ops::Range<usize>,
    message: String,
    found: String,
    expected: String,
    kind: Option<String>,
) -> Finding {
    // Trim the span to the words themselves.
    let text = &doc.text[span.clone()];
    let start = span.start + (text.len() - text.trim_start().len());
    let end = (span.end - (text.len() - text.trim_end().len())).max(start);
    let (line, column) = doc.position(start);
    let (end_line, end_column) = doc.position(end);
    Finding {
        code,
        severity: claim.severity.unwrap_or(code.default_severity()),
        file: doc.path.clone(),
        line,
        column,
        end_line,
        end_column,
        message,
        rule: claim.id.clone(),
        rule_file: claim.origin.file.clone(),
        found,
        expected,
        rule_line: claim.origin.line,
        kind,
        source: claim.source.clone(),
        span: start..end,
    }
}

fn thousands(f: f64) -> String {
    let n = f.round() as u64;
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number as a report prints it: no exponent, at most a few decimals, scale words
/// for large values.
pub fn plain_number(v: f64) -> String {
    let (scaled, word) = match scale_word(v) {
        Some("thousand") | None => (v, ""),
        Some(w) => {
            let s = match w {
                "trillion" => 1e12,
                "billion" => 1e9,
                _ => 1e6,
            };
            (v / s, w)
        }
    };
    let mut s = format!("{scaled:.4}");
    while s.contains('.') && (s.ends_with('0') || s.ends_with('.')) {
        s.pop();
    }
    if word.is_empty() {
        s
    } else {
        format!("{s} {word}")
    }
}
