//! Dates and periods in prose: "December 4, 2024", "on Wednesday", "the first half of
//! 2025", "last week", "between 2019 and 2021".
//!
//! [`dates`] finds every date expression in a text and resolves it to a calendar day
//! or an inclusive period. Expressions that leave something out — the year ("on
//! December 3"), or everything ("yesterday", "said Sunday", "last month") — are
//! resolved against the document's publication date; without one they are skipped,
//! never guessed from the clock. [`dateline`] finds that publication date at the top of
//! a document.
//!
//! # How expressions are resolved
//!
//! * **Tense.** A clause's tense is read from the nearest cue before the expression in
//!   its sentence (up to 12 words), else the nearest after it (up to 10 words). Future
//!   cues: *will*, *'ll*, *shall*, *won't*, *is/are to*, *due to/on*, *set to*,
//!   *scheduled*, *expected*, *slated*, *plans to*, *going to*, *upcoming*, *next*
//!   (but "was expected to" is past). Past cues: *said*, *told*, *was*, *were*,
//!   *had*, *has/have* (present perfect), *did*, *ago*, verbs in *-ed*, common
//!   irregular past forms. With no cue, a sentence reads as past (news reports what
//!   happened), but an expression standing alone in its sentence (a heading, a
//!   listing entry) reads as upcoming.
//! * **Weekdays.** "(on) Wednesday", "this Wednesday": the latest Wednesday on or
//!   before publication in a past clause, the first on or after it in a future one.
//!   "next Wednesday" is the Wednesday of the following Monday–Sunday week and "last
//!   Wednesday" that of the previous week (both therefore strictly after/before
//!   publication); "this past Wednesday" is the latest strictly before, "this coming
//!   Wednesday" the first strictly after.
//! * **Years left out.** "December 3" takes the publication year; in a past clause the
//!   year before when that would start more than two months after publication
//!   ([`PAST_WINDOW_MONTHS`]), in a future clause the year after when it would end
//!   before publication. The same rule places "the fourth quarter", "in June", "the
//!   first half", "in the summer" and holidays.
//! * **Relative periods** are calendar units: "last week" is the previous Monday–
//!   Sunday week, "the past two months" the two calendar months before the current
//!   one, "next three days" the three days after publication.
//! * **Parts.** "early/mid/late" and "the beginning/middle/end of" split a month into
//!   days 1–10, 11–20, 21–end; a year into Jan–Apr, May–Aug, Sep–Dec; a week into
//!   Mon–Wed, Wed–Thu, Fri–Sun; a decade into years 0–3, 4–6, 7–9. On a single day
//!   ("late Tuesday") they keep the day.
//! * **Seasons** are meteorological and northern: spring Mar–May, summer Jun–Aug,
//!   autumn/fall Sep–Nov, winter Dec–Feb (winter 2024 is Dec 2024–Feb 2025).
//! * **Numeric dates** are month-first ("12/04/2024" is December 4) unless the first
//!   number exceeds 12 or the separator is a dot ("03.12.2025" is 3 December).
//!   Two-digit years 00–49 are 2000s, 50–99 1900s.
//!
//! Left out on purpose: times of day, durations ("for three weeks"), recurring sets
//! ("every Monday"), fiscal years (not calendar years), lunar and other non-Gregorian
//! holidays, "the week of" and "the Nth week of", anaphoric references ("the following
//! week", "that day", "the next day"), and the US-only "Independence Day".

#![warn(missing_docs)]

mod lex;
mod parse;
mod resolve;
#[cfg(test)]
mod tests;

use std::fmt;

use jiff::civil::{Date, Weekday};

use super::Span;
use resolve::{Ctx, G};

/// In a past clause, a date whose year was left out moves to the year before when it
/// would otherwise start more than this many months after publication.
pub const PAST_WINDOW_MONTHS: i64 = 2;

/// A date or period found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the whole expression: "on" and bound words ("since", "before")
    /// excluded, a written weekday ("Thursday, December 3, 2025") included.
    pub span: Span,
    /// The day or period the expression names.
    pub value: DateValue,
    /// A weekday written together with an explicit date ("Thursday, December 3,
    /// 2025", "Wednesday (Dec. 4)"): the weekday and its span. Lets a check flag a
    /// weekday that does not fit the date.
    pub written_weekday: Option<(Weekday, Span)>,
    /// How the expression was resolved.
    pub resolution: Resolution,
    /// An open bound written before or after the expression ("since 2012", "before
    /// March", "by the end of the year", "2016 onwards"). `value` is still the
    /// written date or period; see [`DateMention::open_range`].
    pub bound: Option<Bound>,
}

/// The value of a [`DateMention`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// One calendar day.
    Day(Date),
    /// A period of whole days, `end` inclusive.
    Period {
        /// First day.
        start: Date,
        /// Last day (inclusive).
        end: Date,
        /// What kind of period it is.
        grain: Grain,
    },
}

/// The kind of a [`DateValue::Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grain {
    /// A Monday–Sunday week ("last week").
    Week,
    /// A calendar month ("June 2019", "last month").
    Month,
    /// A calendar quarter ("Q3 2025", "the fourth quarter").
    Quarter,
    /// A calendar half-year ("the first half of 2025", "H1 2025").
    Half,
    /// A calendar year ("in 2019", "last year").
    Year,
    /// A decade ("the 1990s").
    Decade,
    /// An explicit or derived range ("December 1-3", "between 2019 and 2021", "early
    /// March", "earlier this year").
    Span,
    /// A Saturday–Sunday weekend ("last weekend").
    Weekend,
    /// A meteorological season ("summer 2024").
    Season,
    /// A century ("the 15th century": 1400–1499).
    Century,
}

/// How a [`DateMention`] was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Everything was written, year included ("December 4, 2024", "2019").
    Absolute,
    /// Month and day (or month, quarter, season...) written, year taken from the
    /// publication date and tense ("on December 3", "the fourth quarter").
    InferredYear,
    /// Relative to the publication date ("Wednesday", "yesterday", "last month").
    Relative,
}

/// An open bound written with a date ("since 2012", "before March 3").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// "since X", "starting X", "X onwards", "X or later": from the start of X on.
    Since,
    /// "before X", "prior to X": up to the day before X starts.
    Before,
    /// "after X", "later than X": from the day after X ends.
    After,
    /// "by X", "until X", "through X", "no later than X": up to the end of X.
    By,
}

impl DateValue {
    /// First day.
    pub fn start(&self) -> Date {
        match *self {
            DateValue::Day(d) => d,
            DateValue::Period { start, .. } => start,
        }
    }

    /// Last day (inclusive).
    pub fn end(&self) -> Date {
        match *self {
            DateValue::Day(d) => d,
            DateValue::Period { end, .. } => end,
        }
    }

    /// Whether `d` falls within this day or period.
    pub fn contains(&self, d: Date) -> bool {
        self.start() <= d && d <= self.end()
    }

    /// The period's grain, `None` for a single day.
    pub fn grain(&self) -> Option<Grain> {
        match *self {
            DateValue::Day(_) => None,
            DateValue::Period { grain, .. } => Some(grain),
        }
    }

    /// A short ISO-like label for reports: "2025-12-04", "2025-12", "2025-Q3",
    /// "2025-H1", "2025", "1990s", "2025-W49", "2025-12-01/2025-12-03".
    pub fn label(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateValue::Day(d) => write!(f, "{d}"),
            DateValue::Period { start, end, grain } => {
                let y = start.year();
                match grain {
                    Grain::Year => write!(f, "{y:04}"),
                    Grain::Month => write!(f, "{y:04}-{:02}", start.month()),
                    Grain::Quarter => write!(f, "{y:04}-Q{}", (start.month() - 1) / 3 + 1),
                    Grain::Half => write!(f, "{y:04}-H{}", (start.month() - 1) / 6 + 1),
                    Grain::Decade => write!(f, "{y:04}s"),
                    Grain::Week => {
                        let w = start.iso_week_date();
                        write!(f, "{:04}-W{:02}", w.year(), w.week())
                    }
                    Grain::Span | Grain::Weekend | Grain::Season | Grain::Century => {
                        write!(f, "{start}/{end}")
                    }
                }
            }
        }
    }
}

impl fmt::Display for DateMention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.bound {
            Some(Bound::Since) => write!(f, "since {}", self.value),
            Some(Bound::Before) => write!(f, "before {}", self.value),
            Some(Bound::After) => write!(f, "after {}", self.value),
            Some(Bound::By) => write!(f, "by {}", self.value),
            None => write!(f, "{}", self.value),
        }
    }
}

impl DateMention {
    /// The dates the expression allows, with its bound applied: `(from, to)`, either
    /// end open (`None`). "since 2012" is `(2012-01-01, None)`, "before 2010" is
    /// `(None, 2009-12-31)`, a plain date is `(start, end)`.
    pub fn open_range(&self) -> (Option<Date>, Option<Date>) {
        let (s, e) = (self.value.start(), self.value.end());
        match self.bound {
            None => (Some(s), Some(e)),
            Some(Bound::Since) => (Some(s), None),
            Some(Bound::Before) => (None, s.yesterday().ok()),
            Some(Bound::After) => (e.tomorrow().ok(), None),
            Some(Bound::By) => (None, Some(e)),
        }
    }
}

fn grain_of(g: G) -> Option<Grain> {
    Some(match g {
        G::Day => return None,
        G::Week => Grain::Week,
        G::Weekend => Grain::Weekend,
        G::Month => Grain::Month,
        G::Quarter => Grain::Quarter,
        G::Half => Grain::Half,
        G::Season => Grain::Season,
        G::Year => Grain::Year,
        G::Decade => Grain::Decade,
        G::Century => Grain::Century,
        G::Span => Grain::Span,
    })
}

/// Every date and period in `text`, sorted, non-overlapping.
///
/// `publication` resolves relative dates and years left out; without it those are
/// skipped (never guessed from the clock). Invalid dates ("February 30, 2025") are
/// not dates. `text` may be a prose view with markup blanked to spaces; any run of
/// whitespace counts as one space. Spans are byte ranges into `text`.
pub fn dates(text: &str, publication: Option<Date>) -> Vec<DateMention> {
    let toks = lex::tokenize(text);
    if toks.is_empty() {
        return Vec::new();
    }
    let low = text.to_ascii_lowercase();
    let caseless = !text.bytes().any(|b| b.is_ascii_uppercase());
    let p = parse::Parser::new(
        &toks,
        &low,
        caseless,
        publication.map(|d| i32::from(d.year())),
    );

    // The longest resolvable reading at each token.
    let mut cands: Vec<Option<(parse::Parsed, DateMention)>> = Vec::with_capacity(toks.len());
    for i in 0..toks.len() {
        cands.push(if p.may_start(i) {
            candidate(&p, i, publication)
        } else {
            None
        });
    }

    // Non-overlapping selection covering the most tokens (then fewest mentions).
    let n = toks.len();
    let mut best = vec![(0usize, 0usize); n + 1];
    let mut choice = vec![false; n];
    for i in (0..n).rev() {
        let skip = best[i + 1];
        best[i] = skip;
        if let Some((c, _)) = &cands[i] {
            let (cov, cnt) = best[c.end];
            let take = (cov + (c.end - c.start), cnt + 1);
            if take.0 > skip.0 || (take.0 == skip.0 && take.1 < skip.1) {
                best[i] = take;
                choice[i] = true;
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if choice[i]
            && let Some((c, m)) = cands[i].take()
        {
            i = c.end;
            out.push(m);
        } else {
            i += 1;
        }
    }
    out
}

fn candidate(
    p: &parse::Parser<'_>,
    i: usize,
    publication: Option<Date>,
) -> Option<(parse::Parsed, DateMention)> {
    let parsed = p.top(i)?;
    let ctx = Ctx {
        publication,
        future: p.future(parsed.start, parsed.end),
        weekday: parsed.wd.map(|w| w.0),
    };
    let r = ctx.resolve(&parsed.node)?;
    let value = match grain_of(r.g) {
        None => DateValue::Day(r.start),
        Some(grain) => DateValue::Period {
            start: r.start,
            end: r.end,
            grain,
        },
    };
    let span = p.tok(parsed.date_start).s..p.tok(parsed.date_end - 1).e;
    let written_weekday = parsed.wd.map(|(wd, t)| {
        let tok = p.tok(t);
        (wd, tok.s..tok.e)
    });
    let m = DateMention {
        span,
        value,
        written_weekday,
        resolution: r.how,
        bound: parsed.bound,
    };
    Some((parsed, m))
}

/// The publication date from a dateline near the top of a document.
///
/// Looks at the first 15 non-empty lines for the first full date (day, month and
/// year written) that stands alone on its line or leads it ("December 03, 2025", "6
/// Aug 2021 - 12:06", "Dec. 3, 2025", "2025-12-03", "Thursday, December 3, 2025"), or
/// follows a short place or label and a comma, colon or bar ("Tbilisi, Dec. 3, 2025
/// —", "Published: 2025-12-03"). Returns the date and its byte span in `text`.
pub fn dateline(text: &str) -> Option<(Date, Span)> {
    let mut offset = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if lines > 15 {
            break;
        }
        for m in dates(line, None) {
            let DateValue::Day(d) = m.value else { continue };
            if m.resolution != Resolution::Absolute || m.bound.is_some() {
                continue;
            }
            let before = line[..m.span.start].trim();
            let after = line[m.span.end..].trim();
            let leads = before.is_empty();
            let labelled = !before.is_empty()
                && before.split_whitespace().count() <= 5
                && before.ends_with([',', ':', '|', '—', '–', '-', '·'])
                && (after.is_empty()
                    || after.starts_with(['—', '–', '-', '|', '(', '·', ','])
                    || after.as_bytes()[0].is_ascii_digit());
            if leads || labelled {
                return Some((d, start + m.span.start..start + m.span.end));
            }
        }
    }
    None
}
