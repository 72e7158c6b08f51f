//! value-mismatch: a figure that disagrees with the claim's value.

use super::{Draft, finding};
use crate::document::Document;
use crate::extract::{Hedge, Quantity, QuantityKind};
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
/// agree. Hedges ("about", "nearly") are ignored: they never make a wrong figure
/// right. A bound ("more than 13 million", "below 5 percent") agrees when it is the
/// claim's value rounded to the bound's precision.
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
    let agrees = match (expected.upper, found.upper) {
        // A range against a range: each end against its own ("between $15,000 and
        // $500,000" is not "between $15,000 and $50,000").
        (Some(upper), Some(_)) => {
            let (lo_low, lo_high) = accepted_range(&point(expected, expected.value), tolerance);
            let (up_low, up_high) = accepted_range(&point(expected, upper), tolerance);
            (lo_low..=lo_high).contains(&value) && (up_low..=up_high).contains(&found_hi)
        }
        _ => value <= hi && found_hi >= lo,
    };
    if agrees {
        return None;
    }
    if found.upper.is_none()
        && bound_holds(
            expected.value,
            &Quantity {
                value,
                ..found.clone()
            },
        )
    {
        return None;
    }
    Some(magnitude_slip(expected.value, value, (lo, hi)).unwrap_or(Mismatch::Value))
}

/// A scale slip: `value` is the expected value times a power of ten of at least
/// 100, so that scaled back it lies in the accepted range `(lo, hi)`.
fn magnitude_slip(expected: f64, value: f64, (lo, hi): (f64, f64)) -> Option<Mismatch> {
    if expected == 0.0 || value == 0.0 {
        return None;
    }
    let factor = value / expected;
    let exponent = factor.abs().log10().round();
    let scaled = value / 10f64.powf(exponent);
    (exponent.abs() >= 2.0 && scaled >= lo && scaled <= hi).then(|| Mismatch::Magnitude {
        factor: 10f64.powf(exponent),
    })
}

/// One end of a range claim, as a figure of its own.
fn point(expected: &Quantity, value: f64) -> Quantity {
    Quantity {
        value,
        upper: None,
        ..expected.clone()
    }
}

/// Whether a bound written in the text is the claim's value rounded to the bound's
/// own precision and stated as a bound: "more than 13 million" for 13.3 million,
/// "fallen below 5 percent" for 4.9 percent. "more than 3,000" for 3,200 is another
/// number behind "more than" and does not agree. Other hedges ("about", "nearly")
/// never make a wrong figure right.
fn bound_holds(expected: f64, found: &Quantity) -> bool {
    let (e, b) = (expected, found.value);
    let near = (e - b).abs() <= found.step / 2.0 * (1.0 + 1e-9);
    match found.hedge {
        Some(Hedge::MoreThan) => e >= b && near,
        Some(Hedge::LessThan) => e <= b && near,
        _ => false,
    }
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
        let suggestion = rescaled(&mismatch, found, expected, &found_text);
        let why = why_it_differs(&mismatch, found, expected, claim);
        out.push(finding(
            doc,
            Some(claim),
            Draft {
                code: Code::ValueMismatch,
                span: found.span.clone(),
                message: format!(
                    "{found_text} where claim `{}` says {}: {why}",
                    claim.id, slot.text
                ),
                found: found_text,
                expected: slot.text.clone(),
                kind: Some(mismatch.name().to_string()),
                suggestion,
            },
        ));
    }
    out
}

/// For a scale slip written in words, the figure as the claim would write it:
/// "$1.3 million" for "$1.3B" is best shown as "$1.3 billion".
fn rescaled(
    mismatch: &Mismatch,
    found: &Quantity,
    expected: &Quantity,
    found_text: &str,
) -> Option<String> {
    match (
        mismatch,
        scale_word(found.value),
        scale_word(expected.value),
    ) {
        (Mismatch::Magnitude { .. }, Some(f), Some(e)) if f != e && found_text.contains(f) => {
            Some(found_text.replacen(f, e, 1))
        }
        _ => None,
    }
}

/// Why the figure disagrees, in the words an editor would use: "million written for
/// billion", "a fall where the claim says a rise", "another value; the claim accepts
/// 19.5 to 20.5".
fn why_it_differs(
    mismatch: &Mismatch,
    found: &Quantity,
    expected: &Quantity,
    claim: &Claim,
) -> String {
    match mismatch {
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
            let mut why = format!(
                "another value; the claim accepts {} to {}",
                plain_number(lo),
                plain_number(hi)
            );
            if let Some(h) = found.hedge {
                why.push_str(&format!(" (\"{}\" does not change the figure)", h.word()));
            }
            why
        }
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
    let mut s = format!("{:.4}", scaled.abs());
    while s.contains('.') && (s.ends_with('0') || s.ends_with('.')) {
        s.pop();
    }
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = if scaled < 0.0 {
        "-".to_string()
    } else {
        String::new()
    };
    out.push_str(&thousands(int.parse::<f64>().unwrap_or(0.0)));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if word.is_empty() {
        out
    } else {
        format!("{out} {word}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_close_bound_states_the_value() {
        use crate::extract::quantity::quantities;
        let q = |t: &str| quantities(t).remove(0);
        let cases = [
            ("13.3 million votes", "more than 13 million votes", true),
            ("4.9 percent", "below 5 percent", true),
            ("$1.1 million", "more than $1 million", true),
            ("3,200 jobs", "more than 3,000 jobs", false),
            ("13,300 jobs", "more than 3,000 jobs", false),
            ("4.9 percent", "more than 5 percent", false),
            ("5.2 percent", "below 5 percent", false),
            ("4.9 percent", "about 5 percent", false),
        ];
        for (expected, found, agrees) in cases {
            assert_eq!(
                compare(&q(expected), &q(found), None).is_none(),
                agrees,
                "{found} for {expected}"
            );
        }
    }

    #[test]
    fn plain_numbers() {
        let cases = [
            (3199.5, "3,199.5"),
            (1.25e9, "1.25 billion"),
            (19.5, "19.5"),
            (-7.0, "-7"),
            (1_300_000.0, "1.3 million"),
            (450_000.0, "450,000"),
        ];
        for (v, text) in cases {
            assert_eq!(plain_number(v), text, "{v}");
        }
    }
}
