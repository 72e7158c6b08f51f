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

/// `date-mismatch` for a sentence reporting a statement or quote: the date of the
/// saying (see [`statement_date`]) must be the rule's date. A sentence that gives no
/// date of its saying raises nothing: the dates of what was said ("would publish the
/// audit in October") are its content, not its date.
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

/// The date a sentence gives the saying of a statement, if any: a date attached to
/// the reporting verb ("said on Tuesday", "told reporters Tuesday"), written between
/// the speaker and the verb ("Zakharova on Thursday said", "Zakharova on December 4,
/// when she said"), or the sentence's opening time adverbial ("On Tuesday, the
/// minister said"; "The answer came on Thursday, when the minister said"; "Soon
/// after the vote on Monday, the minister said"). Dates of
/// what was said ("said the audit would be published in October", "would publish
/// it in October, she said"), dates inside quotation marks, vague references
/// ("now") and bounds ("since 2012") are content, never the saying's date.
pub fn statement_date<'a>(
    dates: &'a [DateMention],
    doc: &Document,
    hit: &StatementHit,
) -> Option<&'a DateMention> {
    let sentence = &doc.sentences[hit.sentence];
    let verb = &hit.attribution.verb;
    let speaker = &hit.attribution.speaker;
    dates_in(dates, sentence)
        .iter()
        .filter(|d| d.bound.is_none() && d.resolution != Resolution::Vague)
        .filter(|d| !quoted(&doc.prose[sentence.start..d.span.start]))
        .filter(|d| {
            let lead = &doc.prose[sentence.start..d.span.start];
            after_verb(&doc.prose, verb, &d.span)
                || between(&doc.prose, speaker, verb, &d.span)
                || opens(lead)
                || when_clause(&doc.prose, &d.span, speaker.start.min(verb.start))
                || soon_after(
                    &doc.prose,
                    sentence.start,
                    &d.span,
                    speaker.start.min(verb.start),
                )
        })
        .min_by_key(|d| gap(&d.span, verb))
}

/// How many words may stand between a reporting verb and its date ("told
/// reporters in Tbilisi on Tuesday").
const VERB_REACH: usize = 4;

/// Words that open what was said: a date after them is content.
const CONTENT_OPENERS: &[&str] = &[
    "that", "it", "he", "she", "they", "we", "i", "the", "would", "will", "was", "is", "had",
    "has", "could", "should", "to",
];

/// The date follows the verb closely, before what was said begins.
fn after_verb(prose: &str, verb: &std::ops::Range<usize>, date: &std::ops::Range<usize>) -> bool {
    if date.start < verb.end {
        return false;
    }
    let between = &prose[verb.end..date.start];
    let words: Vec<String> = between
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let close =
        words.len() <= VERB_REACH && !words.iter().any(|w| CONTENT_OPENERS.contains(&w.as_str()));
    (close || venues(&words)) && !between.contains(['"', '“', '”', ':'])
}

/// The most words a chain of venue phrases may hold between a reporting verb and
/// its date ("wrote in a late-evening email to supporters on Monday").
const VENUE_REACH: usize = 10;

/// Prepositions that open where or how words were said: "on The Morning Show",
/// "in a late-evening email", "during a debate", "at a rally in Ames".
const VENUE_PREPOSITIONS: &[&str] = &["on", "in", "at", "during", "to", "via", "with", "from"];

/// Whether the words between a reporting verb and a date are only phrases of
/// place or medium, each opened by a preposition: an article may follow the
/// preposition ("in a … email", "on The … Show"), but no word that opens what was
/// said ("said on the radio that the vote on Monday …" stays content).
fn venues(words: &[String]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    words.len() <= VENUE_REACH
        && VENUE_PREPOSITIONS.contains(&first.as_str())
        && words.iter().enumerate().all(|(i, w)| {
            let after_preposition = i > 0 && VENUE_PREPOSITIONS.contains(&words[i - 1].as_str());
            let article = matches!(w.as_str(), "the" | "a" | "an");
            !CONTENT_OPENERS.contains(&w.as_str())
                || VENUE_PREPOSITIONS.contains(&w.as_str())
                || (article && after_preposition)
        })
}

/// The date stands between the speaker and the verb ("Zakharova on Thursday said"),
/// neither in a relative clause about the speaker ("Ward, who took office on
/// Monday, said") nor dating a verb phrase the "and" of a shared subject closes
/// ("the mayor freed up money on Friday and announced").
fn between(
    prose: &str,
    speaker: &std::ops::Range<usize>,
    verb: &std::ops::Range<usize>,
    date: &std::ops::Range<usize>,
) -> bool {
    if !(speaker.end <= date.start && date.end <= verb.start) {
        return false;
    }
    let lead = prose[speaker.end..date.start].to_lowercase();
    let rest = prose[date.end..verb.start].to_lowercase();
    let relative = [", who", ", whose", ", whom"]
        .iter()
        .any(|r| lead.contains(r));
    let coordinated = rest
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "and");
    !lead.contains(['"', '“', '”']) && !relative && !coordinated
}

/// The date opens the sentence: only prepositions and the like before it ("On
/// Tuesday, 22 September 2026, the chief executive said").
fn opens(lead: &str) -> bool {
    lead.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            [
                "on", "in", "at", "late", "early", "earlier", "later", "by", "last", "this",
            ]
            .contains(&w.to_lowercase().as_str())
        })
}

/// The date is followed by "when" and then the speaker and verb: "The answer came on
/// Thursday, when the minister said".
fn when_clause(prose: &str, date: &std::ops::Range<usize>, saying: usize) -> bool {
    if saying < date.end {
        return false;
    }
    let after = prose[date.end..saying]
        .trim_start_matches([',', ' '])
        .to_lowercase();
    after.starts_with("when ")
}

/// Openers of a clause that puts the main clause right after what it tells: "Soon
/// after the vote on Monday, the mayor said". Hours and days may cross a day's end,
/// so they are not here.
const RIGHT_AFTER: &[&str] = &[
    "soon after",
    "shortly after",
    "just after",
    "right after",
    "immediately after",
    "moments after",
    "minutes after",
];

/// The date is in a clause opening the sentence with "soon after" (or the like) and
/// closed by a comma before the speaker and verb: "Soon after the mayor was booed
/// Monday at the breakfast, Hale wrote …" dates the writing to Monday.
fn soon_after(prose: &str, sentence: usize, date: &std::ops::Range<usize>, saying: usize) -> bool {
    if saying < date.end {
        return false;
    }
    let lead = &prose[sentence..date.start];
    let opens = RIGHT_AFTER.iter().any(|o| {
        lead.get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o))
    });
    opens && !lead.contains(',') && prose[date.end..saying].contains(',')
}

/// An odd number of quotation marks before a point of the sentence: the point is
/// inside quoted words.
fn quoted(lead: &str) -> bool {
    let straight = lead.matches('"').count();
    let open = lead.matches('“').count();
    let close = lead.matches('”').count();
    straight % 2 == 1 || open > close
}

/// For a document with no publication date that writes relative dates ("last
/// week", "on Tuesday", "December 3"): the 1-based line of the first one and a
/// notice saying the date checks cannot read them. `None` when the document has a
/// publication date or writes no relative date. Said once per document.
pub fn undated_relative(doc: &Document) -> Option<(usize, String)> {
    if doc.published.is_some() {
        return None;
    }
    // Any day serves to find them: without publication they are not resolved.
    let probe = Date::constant(2000, 1, 1);
    let first = crate::extract::date::first_needing_publication(&doc.prose, &doc.blocks, probe)?;
    let text = doc.text[first.span.clone()].trim().to_string();
    let (line, _) = doc.position(first.span.start);
    Some((
        line,
        format!(
            "no publication date, so relative dates such as \"{text}\" are not checked; add `date:` front matter or pass --date"
        ),
    ))
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

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::finding::Code;
    use crate::pipeline::Checker;
    use crate::rules;

    const RULES: &str = "people:\n  - id: ward\n    name: Dana Ward\nclaims:\n  - id: audit\n    statement: the trust will publish the full audit of the hospital accounts\n    by: ward\n    date: 2026-09-22\n";

    /// The date-mismatch findings' words for `text`, published 2026-09-25 (a
    /// Friday).
    fn mismatches(text: &str) -> Vec<String> {
        let set = rules::parse(&[("r.yaml".into(), RULES.into())]).unwrap();
        let doc = Document::new(
            "a.txt",
            text.to_string(),
            Some("2026-09-25".parse().unwrap()),
        );
        Checker::new(set)
            .check_document(&doc)
            .into_iter()
            .filter(|f| f.code == Code::DateMismatch)
            .map(|f| f.found)
            .collect()
    }

    #[test]
    fn a_statement_is_dated_by_its_saying() {
        // (sentence, the date-mismatch it must raise, if any)
        let cases: &[(&str, Option<&str>)] = &[
            // the reporting clause's date is the saying's
            (
                "On Tuesday, 22 September 2026, Dana Ward said the trust would publish the full audit of the hospital accounts in October.",
                None,
            ),
            (
                "On Monday, 21 September 2026, Dana Ward said the trust would publish the full audit of the hospital accounts in October.",
                Some("Monday, 21 September 2026"),
            ),
            (
                "Dana Ward said on Tuesday that the trust would publish the full audit of the hospital accounts.",
                None,
            ),
            (
                "Dana Ward said on Wednesday that the trust would publish the full audit of the hospital accounts.",
                Some("Wednesday"),
            ),
            (
                "Dana Ward told reporters Monday the trust would publish the full audit of the hospital accounts.",
                Some("Monday"),
            ),
            (
                "Dana Ward on September 21, 2026, when she said the trust would publish the full audit of the hospital accounts, was cheered.",
                Some("September 21, 2026"),
            ),
            (
                "The answer came on Monday, when Dana Ward said the trust would publish the full audit of the hospital accounts.",
                Some("Monday"),
            ),
            // a venue or medium may stand between the verb and its date
            (
                "Dana Ward said on The Harbour Hour on Monday that the trust would publish the full audit of the hospital accounts.",
                Some("Monday"),
            ),
            (
                "Dana Ward wrote in a late-evening email to staff on Monday that the trust would publish the full audit of the hospital accounts.",
                Some("Monday"),
            ),
            (
                "Dana Ward said during a radio debate on Tuesday that the trust would publish the full audit of the hospital accounts.",
                None,
            ),
            // content dates are what was said, not when
            (
                "Dana Ward said on the radio that the trust would publish the full audit of the hospital accounts on Monday.",
                None,
            ),
            (
                "Dana Ward said the trust at the hospital would on Monday publish the full audit of the hospital accounts.",
                None,
            ),
            (
                "Dana Ward said the trust would publish the full audit of the hospital accounts in October.",
                None,
            ),
            (
                "The trust would publish the full audit of the hospital accounts on December 1, Dana Ward said.",
                None,
            ),
            (
                "Dana Ward said that on Monday the trust would publish the full audit of the hospital accounts.",
                None,
            ),
            // quoted words and vague words never date the saying
            (
                "Dana Ward said: \"On Monday the trust will publish the full audit of the hospital accounts.\"",
                None,
            ),
            (
                "Dana Ward now says the trust will publish the full audit of the hospital accounts.",
                None,
            ),
        ];
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got = mismatches(text);
            let want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
            if got != want {
                failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[cfg(test)]
mod undated_tests {
    use super::undated_relative;
    use crate::document::Document;

    #[test]
    fn relative_dates_without_a_publication_date_are_named_once() {
        let doc = Document::new(
            "a.txt",
            "Intro.\nThe council met last week and again on Tuesday.\n".into(),
            None,
        );
        let (line, message) = undated_relative(&doc).expect("a notice");
        assert_eq!(line, 2);
        assert!(message.contains("\"last week\""), "{message}");
        // with a publication date, or with only full dates, nothing is said
        let dated = Document::new(
            "a.txt",
            "The council met last week.\n".into(),
            Some("2025-12-05".parse().unwrap()),
        );
        assert_eq!(undated_relative(&dated), None);
        let absolute = Document::new("a.txt", "The council met on 3 May 2024.\n".into(), None);
        assert_eq!(undated_relative(&absolute), None);
    }
}
