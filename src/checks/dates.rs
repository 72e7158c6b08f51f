//! Date checks: a statement or quote dated to the wrong day (`date-mismatch`), a
//! weekday that does not fit its date (`weekday-mismatch`), and the early-January
//! slip of the year. A figure given for another period (`period-mismatch`) is
//! [`super::period`]'s.

use jiff::civil::{Date, Weekday};

use super::{Draft, finding};
use crate::document::Document;
use crate::extract::date::{DateMention, DateValue, Resolution};
use crate::finding::{Code, Finding, Severity};
use crate::rules::{Claim, ClaimKind, RuleSet};
use crate::statements::StatementHit;

/// The dates written in a span of the document (`dates` sorted by position).
pub fn dates_in<'a>(dates: &'a [DateMention], span: &std::ops::Range<usize>) -> &'a [DateMention] {
    let lo = dates.partition_point(|d| d.span.start < span.start);
    let hi = dates.partition_point(|d| d.span.start < span.end);
    &dates[lo..hi]
}

/// `date-mismatch` for a sentence reporting a statement or quote: the date the
/// sentence gives (the one nearest the reporting verb) must be the rule's date. A
/// sentence that gives no date raises nothing.
pub fn date_mismatch(
    doc: &Document,
    dates: &[DateMention],
    hit: &StatementHit,
    claim: &Claim,
    rules: &RuleSet,
) -> Option<Finding> {
    let expected = claim.date?;
    let nearest = statement_date(dates, doc, hit)?;
    if nearest.value.contains(expected) {
        return None;
    }
    let text = doc.text[nearest.span.clone()].trim().to_string();
    let who = claim
        .by
        .as_deref()
        .and_then(|id| rules.person(id))
        .map_or_else(|| "The".to_string(), |p| format!("{}'s", p.name));
    let what = match claim.kind {
        ClaimKind::Quote(_) => "quote",
        _ => "statement",
    };
    let why = difference(expected, nearest, doc);
    Some(finding(
        doc,
        Some(claim),
        Draft {
            code: Code::DateMismatch,
            span: nearest.span.clone(),
            message: format!("{who} {what} is dated {expected}; the article says {text} ({why})"),
            suggestion: restyle(&text, nearest, expected),
            found: text,
            expected: expected.to_string(),
            kind: None,
        },
    ))
}

/// The date a sentence gives a statement: the one nearest its reporting verb, bounds
/// ("since", "before") aside.
pub fn statement_date<'a>(
    dates: &'a [DateMention],
    doc: &Document,
    hit: &StatementHit,
) -> Option<&'a DateMention> {
    let sentence = &doc.sentences[hit.sentence];
    let verb = &hit.attribution.verb;
    dates_in(dates, sentence)
        .iter()
        .filter(|d| d.bound.is_none())
        .min_by_key(|d| gap(&d.span, verb))
}

/// `weekday-mismatch`: a date written with its weekday, where the weekday is wrong.
/// No rule is needed.
pub fn weekday_mismatch(doc: &Document, dates: &[DateMention]) -> Vec<Finding> {
    let mut out = Vec::new();
    for d in dates {
        let (Some((written, _)), DateValue::Day(day)) = (&d.written_weekday, d.value) else {
            continue;
        };
        let written = *written;
        let actual = day.weekday();
        if actual == written {
            continue;
        }
        let text = doc.text[d.span.clone()].trim().to_string();
        out.push(finding(
            doc,
            None,
            Draft {
                code: Code::WeekdayMismatch,
                span: d.span.clone(),
                message: format!(
                    "{} was a {}, not a {}",
                    day.strftime("%B %-d, %Y"),
                    weekday_name(actual),
                    weekday_name(written)
                ),
                suggestion: Some(text.replacen(weekday_name(written), weekday_name(actual), 1)),
                found: text,
                expected: weekday_name(actual).to_string(),
                kind: None,
            },
        ));
    }
    out
}

/// How close to publication the corrected date must be for a year slip: writers
/// slip in the first days of a year, about the days just before and after New Year.
const SLIP_DAYS: i32 = 14;

/// A warning for the early-January slip: in a piece published in the first half of
/// January, a full date that lies a year from a day within two weeks of publication
/// ("January 3, 2025" in a piece of 2026-01-05; "December 30, 2026" for last week's
/// December 30). Outside early January a date a year back is usually meant (an
/// anniversary, a year-on-year comparison), so nothing is raised. Nor where the
/// sentence itself speaks of a year before or after, or an error already covers the
/// date.
pub fn year_slip(doc: &Document, dates: &[DateMention], existing: &[Finding]) -> Vec<Finding> {
    let Some(published) = doc.published.as_ref().map(|p| p.date) else {
        return Vec::new();
    };
    if published.month() != 1 || published.day() > 15 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for d in dates {
        let (DateValue::Day(day), Resolution::Absolute, None) = (d.value, d.resolution, d.bound)
        else {
            continue;
        };
        if existing
            .iter()
            .any(|f| f.span.start < d.span.end && d.span.start < f.span.end)
        {
            continue;
        }
        let Some(sentence) = doc.sentence_at(d.span.start) else {
            continue;
        };
        let lower = doc.prose[doc.sentences[sentence].clone()].to_lowercase();
        let speaks_of_a_year = YEAR_WORDS.iter().any(|w| lower.contains(w));
        if speaks_of_a_year || days_between(day, published).abs() < 300 {
            continue;
        }
        let Some(year) = [1i16, -1].into_iter().map(|k| day.year() + k).find(|&y| {
            day.with()
                .year(y)
                .build()
                .is_ok_and(|moved| days_between(moved, published).abs() <= SLIP_DAYS)
        }) else {
            continue;
        };
        let text = doc.text[d.span.clone()].trim().to_string();
        let mut f = finding(
            doc,
            None,
            Draft {
                code: Code::DateMismatch,
                span: d.span.clone(),
                message: format!(
                    "{text} is a year away from this piece's date ({published}); did you mean {year}?"
                ),
                suggestion: replace_year(&text, day.year(), year),
                found: text,
                expected: year.to_string(),
                kind: Some("year-slip".into()),
            },
        );
        f.severity = Severity::Warning;
        out.push(f);
    }
    out
}

/// Words that show a sentence means a date a year away.
const YEAR_WORDS: &[&str] = &[
    "year ago",
    "last year",
    "year earlier",
    "year before",
    "previous year",
    "anniversary",
    "next year",
    "year later",
    "a year",
];

fn days_between(a: Date, b: Date) -> i32 {
    a.until(b).map_or(i32::MAX, |s| s.get_days())
}

/// Bytes between two spans.
fn gap(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> usize {
    if a.start >= b.end {
        a.start - b.end
    } else {
        b.start.saturating_sub(a.end)
    }
}

/// What differs between the rule's date and the article's, in words.
fn difference(expected: Date, found: &DateMention, doc: &Document) -> String {
    match (found.value, found.resolution) {
        (DateValue::Day(day), Resolution::Relative) => {
            let published = doc
                .published
                .as_ref()
                .map(|p| p.date.to_string())
                .unwrap_or_default();
            format!("counted from the publication date {published}, that is {day}, not {expected}")
        }
        (DateValue::Day(day), _) => {
            let mut parts = Vec::new();
            if day.year() != expected.year() {
                parts.push(format!("the year: {}, not {}", day.year(), expected.year()));
            }
            if day.month() != expected.month() {
                parts.push(format!(
                    "the month: {}, not {}",
                    month_name(day.month()),
                    month_name(expected.month())
                ));
            }
            if day.day() != expected.day() {
                parts.push(format!("the day: {}, not {}", day.day(), expected.day()));
            }
            parts.join("; ")
        }
        (value, _) => format!("{value} does not include {expected}"),
    }
}

/// The article's date rewritten with the expected date, in the article's own style
/// ("December 4, 2024" becomes "December 4, 2025"), for the report's diff. `None`
/// for dates that are not written out in full.
fn restyle(text: &str, found: &DateMention, expected: Date) -> Option<String> {
    let DateValue::Day(day) = found.value else {
        return None;
    };
    if found.resolution == Resolution::Relative {
        return None;
    }
    if text.contains(&day.to_string()) {
        return Some(text.replace(&day.to_string(), &expected.to_string()));
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let token = &rest[..end];
        let replaced = if token == day.year().to_string() {
            expected.year().to_string()
        } else if token.parse::<i8>().is_ok_and(|n| n == day.day()) {
            expected.day().to_string()
        } else if let Some(style) = month_style(token, day.month()) {
            style(expected.month())
        } else {
            token.to_string()
        };
        out.push_str(&replaced);
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out != text).then_some(out)
}

/// If `token` names month `month` (in full or abbreviated), how to write another
/// month the same way.
fn month_style(token: &str, month: i8) -> Option<fn(i8) -> String> {
    let full = month_name(month);
    if token.eq_ignore_ascii_case(full) {
        return Some(|m| month_name(m).to_string());
    }
    let lower = token.to_ascii_lowercase();
    if lower.len() >= 3 && full.to_ascii_lowercase().starts_with(&lower) {
        return Some(|m| ap_month(m).trim_end_matches('.').to_string());
    }
    None
}

/// Replaces the year `from` by `to` in a written date.
pub(crate) fn replace_year(text: &str, from: i16, to: i16) -> Option<String> {
    let from = from.to_string();
    text.contains(&from)
        .then(|| text.replacen(&from, &to.to_string(), 1))
}

fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(m.clamp(1, 12) - 1) as usize]
}

/// AP style's month abbreviation (months of five letters or fewer are spelled out).
fn ap_month(m: i8) -> &'static str {
    const AP: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    AP[(m.clamp(1, 12) - 1) as usize]
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}
