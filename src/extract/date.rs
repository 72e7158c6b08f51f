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
//! The grammar works on tokens (runs of letters, runs of digits, single punctuation
//! marks), case-insensitively; words that are also dates only in context ("may",
//! "march", "Sat", "sun", a bare "2012", "3/4") need that context: a day or year next
//! to them, a preposition before them, or the expression standing alone in its
//! sentence. Among overlapping readings the set covering the most text wins.
//!
//! # How expressions are resolved
//!
//! * **Tense.** A clause's tense is read from the nearest cue before the expression in
//!   its sentence (up to 12 words), else the nearest after it (up to 10 words). Future
//!   cues: *will*, *'ll*, *shall*, *won't*, *let's*, *is/are to*, *due to/on*, *set
//!   to*, *scheduled*, *expected*, *slated*, *plans to*, *going to*, *upcoming*, *next*
//!   (but "was expected to" is past). Past cues: *said*, *told*, *was*, *were*, *had*,
//!   *did*, *ago*, *has/have* before a participle, verbs in *-ed* (not after an
//!   article: "the delayed vote"; not the second half of "well-organized"), common
//!   irregular past forms. With no cue near, the sentence's firm cue however far back
//!   in the clause (not *said*/*told*, not past an infinitive) reads past for any
//!   date, and future only for a lone weekday. The date of a plan told in the past
//!   ("planned for Saturday was cancelled") and a future in the past ("knew the
//!   results would come on Saturday") are the occurrence nearest publication. With
//!   no cue, a sentence reads as past (news reports what
//!   happened), but an expression standing alone in its sentence (a heading, a listing
//!   entry, a bare query) reads as upcoming. Headline infinitives ("Putin, Xi to meet
//!   Tuesday") are not recognised as future.
//! * **Quotations.** A relative date inside quotation marks counts from the day
//!   the words were spoken when the text dates the saying with its reporting verb,
//!   in the quotation's sentence or the one before it (module `spoken`); else from
//!   publication. [`DateMention::spoken`] gives that day.
//! * **Weekdays.** "(on) Wednesday", "this Wednesday": the latest Wednesday on or
//!   before publication in a past clause, the first on or after it in a future one.
//!   "next Wednesday" is the Wednesday of the following Monday–Sunday week and "last
//!   Wednesday" that of the previous week (so strictly after/before publication);
//!   "this past Wednesday" is the latest strictly before, "this coming Wednesday" the
//!   first strictly after, "Wednesday of next week" / "next week on Wednesday" the one
//!   in that week, "Wednesday after next" a week after the coming one. Anaphoric
//!   weekdays ("the following Monday", "that Friday") and names ("Bloody Sunday",
//!   "Black Friday" as a weekday) are not resolved as weekdays.
//! * **Years left out.** "December 3" takes the publication year. In a past clause a
//!   day moves to the year before when it would fall more than [`PAST_WINDOW_MONTHS`]
//!   (two) months after publication; a longer period ("in March", "the fourth
//!   quarter", "in the summer") moves when it would start after publication. In a
//!   future clause either moves to the year after when it would end before
//!   publication. Holidays ("on Thanksgiving") follow the same rule.
//! * **A weekday written with a yearless date** ("Tuesday, Jan. 6") picks, among the
//!   years the clause allows (past: the year up to publication plus two months;
//!   future: two months before publication to a year after it), the one where the
//!   weekday fits. When none fits, the year is inferred as usual and
//!   [`DateMention::written_weekday`] lets a check flag the mismatch.
//! * **Two-digit years** ("10-31-74", "April of '87") belong to the publication
//!   year's century when at most ten years after it, else to the century before;
//!   without publication 00–49 are 2000s.
//! * **Relative periods** are calendar units: "last week" is the previous Monday–
//!   Sunday week, "the past two months" the two calendar months before the current
//!   one, "the next three days" the three days after publication, "next decade" the
//!   next calendar decade. "earlier this year" runs from 1 January to publication,
//!   "later this month" from publication to the month's end.
//! * **Parts.** "early/mid/late" and "the beginning/middle/end of" split a month into
//!   days 1–10, 11–20, 21–end; a year into Jan–Apr, May–Aug, Sep–Dec; a week into
//!   Mon–Wed, Wed–Thu, Fri–Sun; a decade into years 0–3, 4–6, 7–9. On a single day
//!   ("late Tuesday") they keep the day. "by/before the end of X" is "by X" and
//!   "after the beginning of X" is "since X".
//! * **Weeks of a month or year** are counted like ISO weeks: "the first week of
//!   October" is the Monday–Sunday week holding October's first Thursday, "the last
//!   week of 2025" the one holding its last Thursday, "week 23 of 2025" ISO week 23.
//! * **Ranges** ("from A to B", "between A and B", "A-B") are inclusive of both ends:
//!   "between 2019 and 2021" ends on 31 December 2021, "from March to June" on 30 June.
//!   A side that leaves out month or year takes it from the other ("Dec. 1-3, 2025",
//!   "13th to 15th July", "April 27 to the 3rd" runs into May).
//! * **Bounds** ("since 2012", "before March", "by 2030", "2016 onwards", "later than
//!   2018") keep the written date as the value and record the direction in
//!   [`DateMention::bound`]. A comparative on a shift bounds it: "more than three weeks
//!   ago" is before the day three weeks back, "less than two months ago" since it,
//!   "more than two weeks after X" after, "less than ..." by.
//! * **Shorthand**: "EOM" and "EOY" are the end of the current month and year, "BOM"
//!   the beginning of the month (split as in **Parts**).
//! * **Seasons** are meteorological and northern: spring Mar–May, summer Jun–Aug,
//!   autumn/fall Sep–Nov, winter Dec–Feb (winter 2024 is Dec 2024–Feb 2025).
//! * **Numeric dates** are month-first ("12/04/2024" is December 4) unless the first
//!   number exceeds 12 or the separator is a dot ("03.12.2025" is 3 December). Bare
//!   month/day ("on 2/15") needs a preposition or a weekday before it.
//! * **Holidays**: Christmas (Eve, Day), New Year's Day/Eve, Boxing Day, Valentine's
//!   Day, St Patrick's Day, Halloween, Veterans/Armistice Day, Juneteenth, Earth Day,
//!   Thanksgiving, Black Friday, Cyber Monday, MLK Day, Presidents' Day, Memorial Day,
//!   Labor Day, Columbus Day, Mother's/Father's Day (US), Western Easter and its
//!   feasts (Good Friday, Easter Monday, Ash Wednesday, Pentecost, Trinity Sunday,
//!   Corpus Christi...), Lent (Ash Wednesday to Holy Saturday), Orthodox Easter and
//!   Great Lent (Clean Monday to the Friday before Lazarus Saturday), Orthodox
//!   Christmas, Clean Monday, the Ides of March, Epiphany, All Saints' and All Souls' Day, International
//!   Workers' Day, Boss's Day (16 October, moved to the nearest weekday) and Koningsdag
//!   (27 April, the 26th when the 27th is a Sunday). A holiday name followed by "of",
//!   "in" or a comma and a year takes that year ("Passover in 2019").
//! * **Lunar and lunisolar holidays** (module `lunar`): Jewish holidays from the
//!   Hebrew calendar, computed (Rosh Hashanah, Yom Kippur, Sukkot, Shemini Atzeret,
//!   Simchat Torah, Hanukkah, Tu BiShvat, Purim, Passover, Yom HaShoah, Yom
//!   Ha'atzmaut, Lag BaOmer, Shavuot, Tisha B'Av); since Jewish days begin at sundown,
//!   each is a period from the civil day of its eve, with diaspora lengths ("Yom
//!   Kippur 2023" is 24–25 September). Islamic holidays from the Umm al-Qura calendar
//!   table, 1949–2077 (Ramadan as the whole month, Eid al-Fitr, Eid al-Adha, Islamic
//!   New Year, Ashura, Mawlid, Isra and Mi'raj, Laylat al-Qadr on 27 Ramadan,
//!   Jumu'atul-Wida); where a country's moon sighting differs by a day the table's day
//!   is used. Chinese (Lunar) New Year from a table, 1900–2099. A Gregorian year holding
//!   an Islamic holiday twice takes the first.
//!
//! Left out on purpose: times of day, durations ("for three weeks"), recurring sets
//! ("every Monday"), fiscal and school years (not calendar years), Hindu, Sikh and
//! Buddhist holidays (their dates follow a lunisolar calendar with astronomical rules
//! that differ by region, and no table is kept), a bare "Eid" (either Eid), US
//! Independence Day (other countries have theirs), anaphoric references ("the
//! following week", "that day", "the next day", "three weeks later"), yearless halves
//! and quarters in sports reports ("scored in the second half"), and YYYYMMDD digit
//! runs.

#![warn(missing_docs)]

mod gate;
mod lex;
mod lunar;
mod parse;
mod resolve;
mod spoken;
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
    /// For a relative date inside a quotation ("''We vote tomorrow,'' she said
    /// Monday"): the day the words were spoken, from which it was counted instead
    /// of publication.
    pub spoken: Option<Date>,
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
    /// Counted from a date the passage wrote before it: "that year" or "the next
    /// day" after a written date, "on September 14" in a passage about 2012. The
    /// checks treat it as a date whose year was not written ([`Self::InferredYear`]).
    FromPassage,
    /// A vague reference anchored at publication ("now", "recently", "the future"):
    /// never exact, so never checked against a rule's date.
    Vague,
}

impl Resolution {
    /// Whether a date read this way needs the publication date: a relative date, a
    /// day or month without its year, or a date counted from the passage.
    pub fn needs_publication(self) -> bool {
        matches!(
            self,
            Resolution::Relative | Resolution::InferredYear | Resolution::FromPassage
        )
    }
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
    let mut out = dates_with(text, publication, None);
    spoken::requote(text, &mut out, publication, None);
    out
}

/// [`dates`], with whether the text belongs to a results story given (else read
/// from `text` itself).
fn dates_with(
    text: &str,
    publication: Option<Date>,
    quarterly: Option<(bool, Option<u8>)>,
) -> Vec<DateMention> {
    let toks = lex::tokenize(text);
    if toks.is_empty() {
        return Vec::new();
    }
    let low = text.to_ascii_lowercase();
    // Parse only a few tokens before a digit or a word of date meaning.
    let info = parse::word_infos(&toks, &low);
    let marks = |i: usize| parse::marks_a_date(&toks[i], &info[i], &low);
    let Some(gate) = gate::Gate::of_marks(toks.len(), marks) else {
        return Vec::new();
    };
    let caseless = !text.bytes().any(|b| b.is_ascii_uppercase());
    let p = parse::Parser::with_info(
        &toks,
        &low,
        caseless,
        publication.map(|d| i32::from(d.year())),
        quarterly,
        info,
    );

    // The longest resolvable reading at each token.
    let mut cands: Vec<Option<(parse::Parsed, DateMention)>> = Vec::with_capacity(toks.len());
    for i in 0..toks.len() {
        cands.push(if p.may_start(i) && gate.allows(i) {
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
    let mut passage = Passage::default();
    let mut i = 0;
    while i < n {
        if choice[i]
            && let Some((c, m)) = cands[i].take()
        {
            i = c.end;
            out.extend(passage.read(&p, c, m, publication, text));
        } else {
            i += 1;
        }
    }
    out
}

/// The year a passage is about. A date written with a year other than the
/// publication's sets it for the rest of its sentence, and, when it opens its
/// sentence ("In 2012, ..."), for the rest of the paragraph; a date counted from
/// publication ("last week", "this year") or a paragraph break ends it. Within it, a
/// day or month whose year was left out, in a clause told in the past ("on
/// September 14 he resigned"), takes that year, not the publication's; a clause
/// that looks ahead ("will join on March 12") or has no tense keeps the usual
/// reading. A month of a year ("in October 2000") sets no passage.
///
/// The passage also keeps the last date it wrote, the time its narrative has
/// reached, for references told from it ("that year", "the following month", "the
/// next day"; see [`parse::Node::Anaphora`]); a paragraph break ends it too.
#[derive(Default)]
struct Passage {
    year: Option<i32>,
    /// Byte offset where the passage's year was written.
    from: usize,
    /// The sentence it was written in, and whether it opened that sentence.
    sentence: u32,
    opener: bool,
    /// The last date written (first and last day), and where it ended.
    last: Option<(Date, Date)>,
    last_end: usize,
}

/// Whether `text` between two offsets holds a paragraph break.
fn paragraph_break(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|gap| gap.contains("\n\n") || gap.contains("\n \n"))
}

impl Passage {
    /// The mention as the passage reads it; `None` for a reference told from the
    /// passage's time when the passage has written no date it can count from.
    fn read(
        &mut self,
        p: &parse::Parser<'_>,
        c: parse::Parsed,
        m: DateMention,
        publication: Option<Date>,
        text: &str,
    ) -> Option<DateMention> {
        if paragraph_break(text, self.last_end, m.span.start) {
            self.last = None;
        }
        let m = if matches!(c.node, parse::Node::Anaphora { .. }) {
            self.anaphora(p, c, publication)?
        } else {
            self.framed(p, c, m, publication, text)
        };
        if m.resolution != Resolution::Vague && m.bound.is_none() {
            self.last = Some((m.value.start(), m.value.end()));
            self.last_end = m.span.end;
        }
        Some(m)
    }

    /// A reference told from the passage's time, counted from the last date it
    /// wrote when that date lies within one of the reference's units ("that year"
    /// after a day or month of one year, "the next day" after a day).
    fn anaphora(
        &self,
        p: &parse::Parser<'_>,
        c: parse::Parsed,
        publication: Option<Date>,
    ) -> Option<DateMention> {
        let parse::Node::Anaphora { unit, k, wd, .. } = c.node else {
            return None;
        };
        let (start, end) = self.last?;
        let within = match (unit, wd) {
            (_, Some(_)) | (parse::Unit::Day, _) => start == end,
            (parse::Unit::Week | parse::Unit::Weekend, _) => {
                // the same Monday-to-Sunday week
                i32::from(start.weekday().to_monday_zero_offset())
                    + start.until(end).ok()?.get_days()
                    < 7
            }
            (parse::Unit::Month, _) => (start.year(), start.month()) == (end.year(), end.month()),
            (parse::Unit::Quarter, _) => {
                start.year() == end.year() && (start.month() - 1) / 3 == (end.month() - 1) / 3
            }
            (parse::Unit::Year | parse::Unit::Decade, _) => start.year() == end.year(),
        };
        if !within {
            return None;
        }
        let moved = parse::Parsed {
            node: parse::Node::Anaphora {
                unit,
                k,
                wd,
                anchor: Some(start),
            },
            ..c
        };
        build(p, moved, publication).map(|(_, m)| m)
    }

    /// A mention read within the passage's year (see [`Passage`]).
    fn framed(
        &mut self,
        p: &parse::Parser<'_>,
        c: parse::Parsed,
        m: DateMention,
        publication: Option<Date>,
        text: &str,
    ) -> DateMention {
        let pub_year = publication.map(|d| i32::from(d.year()));
        if paragraph_break(text, self.from, m.span.start) {
            self.year = None;
        }
        match m.resolution {
            // a year inside a phrase describing a noun ("a scheme approved by the
            // board in 2012") dates that phrase only
            Resolution::Absolute if m.bound.is_none() && p.in_noun_modifier(c.start) => m,
            Resolution::Absolute if m.bound.is_none() => {
                let y = i32::from(m.value.start().year());
                // a year, a day, a holiday frame a passage; a month of a year ("in
                // October 2000") names only itself
                let one_year = m.value.start().year() == m.value.end().year()
                    && m.value.grain() != Some(Grain::Month);
                self.year = (one_year && Some(y) != pub_year).then_some(y);
                self.from = m.span.end;
                self.sentence = p.sentence_of(c.start);
                self.opener = p.opens_sentence(c.start);
                m
            }
            Resolution::Relative => {
                self.year = None;
                m
            }
            Resolution::InferredYear => {
                let Some(y) = self.year else { return m };
                // a written weekday already chose the year where it fits
                let same_sentence = p.sentence_of(c.start) == self.sentence;
                if c.wd.is_some()
                    || !(same_sentence || self.opener)
                    || p.tense(c.start, c.end) != Some(false)
                    || !matches!(m.value.grain(), None | Some(Grain::Month))
                {
                    return m;
                }
                let parse::Node::Cal(cal) = c.node else {
                    return m;
                };
                if cal.yr != parse::Yr::Infer {
                    return m;
                }
                let moved = parse::Parsed {
                    node: parse::Node::Cal(parse::Cal {
                        yr: parse::Yr::Abs(y),
                        what: cal.what,
                    }),
                    ..c
                };
                self.from = m.span.end;
                match build(p, moved, publication) {
                    Some((_, mut again)) => {
                        again.resolution = Resolution::FromPassage;
                        again
                    }
                    None => m,
                }
            }
            _ => m,
        }
    }
}

/// Every date and period in a document's prose, read one unit of text at a time: a
/// block (paragraph, heading, list item), or the cells of one table row together,
/// so nothing joins the end of one block or row to the next ("Monday" in one row
/// and "December 2" in the next are two mentions). `blocks` are byte ranges of
/// `text` in order (a document's `blocks`); text outside them is not read. Whether
/// the text reports a quarter's results is read from the whole text.
pub fn dates_in_blocks(text: &str, blocks: &[Span], publication: Option<Date>) -> Vec<DateMention> {
    let results = results_reported(text);
    let mut out: Vec<DateMention> = by_unit(text, blocks, publication, results)
        .flatten()
        .collect();
    spoken::requote(text, &mut out, publication, Some(results));
    out
}

/// The first date of `text` (read in `blocks`, as [`dates_in_blocks`] reads it) that
/// needs a publication date to be read (see [`Resolution::needs_publication`]), read
/// as if published on `probe`. Blocks are read one at a time and the reading stops
/// at the first.
pub fn first_needing_publication(text: &str, blocks: &[Span], probe: Date) -> Option<DateMention> {
    by_unit(text, blocks, Some(probe), results_reported(text))
        .find_map(|unit| unit.into_iter().find(|m| m.resolution.needs_publication()))
}

/// Whether the whole text reports a quarter's results, and which quarter.
fn results_reported(text: &str) -> (bool, Option<u8>) {
    let low = text.to_ascii_lowercase();
    (
        parse::news_quarterly(&low),
        parse::news_reported_quarter(&low),
    )
}

/// The dates of each unit of `blocks` in turn, with positions in `text`.
fn by_unit<'t>(
    text: &'t str,
    blocks: &[Span],
    publication: Option<Date>,
    results: (bool, Option<u8>),
) -> impl Iterator<Item = Vec<DateMention>> + 't {
    units(text, blocks).into_iter().map(move |unit| {
        let mut found = dates_with(&text[unit.clone()], publication, Some(results));
        for m in &mut found {
            m.span = m.span.start + unit.start..m.span.end + unit.start;
            if let Some((_, w)) = &mut m.written_weekday {
                *w = w.start + unit.start..w.end + unit.start;
            }
        }
        found
    })
}

/// Blocks joined into units: blocks with no line break between them (the cells of
/// one table row) form one unit.
fn units(text: &str, blocks: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for b in blocks {
        if b.start >= b.end || b.end > text.len() {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if last.end <= b.start
                    && text
                        .get(last.end..b.start)
                        .is_some_and(|g| !g.contains('\n')) =>
            {
                last.end = b.end;
            }
            _ => out.push(b.clone()),
        }
    }
    out
}

fn candidate(
    p: &parse::Parser<'_>,
    i: usize,
    publication: Option<Date>,
) -> Option<(parse::Parsed, DateMention)> {
    build(p, p.top(i)?, publication)
}

/// The mention a reading resolves to.
fn build(
    p: &parse::Parser<'_>,
    parsed: parse::Parsed,
    publication: Option<Date>,
) -> Option<(parse::Parsed, DateMention)> {
    if p.in_name(parsed.date_start, parsed.date_end) {
        return None;
    }
    if weekly_slot(p, &parsed) {
        return None;
    }
    // a date of a written year is the same in any tense: its clause is not read
    let (tense, nearest) = if p.remembers() && tense_free(&parsed.node) {
        (Some(false), false)
    } else {
        clause_tense(p, &parsed, publication)
    };
    let ctx = Ctx {
        publication,
        nearest,
        future: !nearest && tense.unwrap_or_else(|| p.alone(parsed.start, parsed.end)),
        weekday: parsed.wd.map(|w| w.0),
        quarterly: p.quarterly(),
        reported: p.reported_near(parsed.start),
        past_cue: tense == Some(false),
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
    // "recently" reaches up to publication, "the future" on from it
    let bound = match parsed.node {
        parse::Node::Vague(parse::Vague::Past) => Some(Bound::By),
        parse::Node::Vague(parse::Vague::Future) => Some(Bound::Since),
        _ => parsed.bound,
    };
    let m = DateMention {
        span,
        value,
        written_weekday,
        resolution: r.how,
        bound,
        spoken: None,
    };
    Some((parsed, m))
}

/// "the network's games on Monday nights", "departing each Thursday": a weekday
/// that names a weekly slot, not one day.
fn weekly_slot(p: &parse::Parser<'_>, parsed: &parse::Parsed) -> bool {
    matches!(parsed.node, parse::Node::Wd { .. })
        && (p.is_word_any(
            parsed.date_end,
            &["nights", "mornings", "afternoons", "evenings"],
        ) || (parsed.date_start > 0
            && p.is_word_any(parsed.date_start - 1, &["each", "every"])))
}

/// The tense a date is read in (`Some(true)` ahead, `Some(false)` past, `None`
/// no cue), and whether it is the occurrence nearest publication instead: the
/// clause's own cue (see [`parse::Parser::tense`]), adjusted for what the date
/// names.
/// Whether `node` resolves the same whatever its clause's tense: a decade, a
/// century, or a calendar date of a written year (not a bare day of the month),
/// which [`Ctx::resolve`] reads without the tense, the nearest occurrence or the
/// weekday.
fn tense_free(node: &parse::Node) -> bool {
    match node {
        parse::Node::Decade(_) | parse::Node::Century(_) => true,
        parse::Node::Cal(c) => {
            matches!(c.yr, parse::Yr::Abs(_)) && !matches!(c.what, parse::What::DayOnly(_))
        }
        _ => false,
    }
}

fn clause_tense(
    p: &parse::Parser<'_>,
    parsed: &parse::Parsed,
    publication: Option<Date>,
) -> (Option<bool>, bool) {
    let mut tense = p.tense(parsed.start, parsed.end);
    if matches!(parsed.node, parse::Node::Wd { .. }) {
        tense = weekday_tense(p, parsed, tense);
    }
    if sunday_week_ahead(p, parsed, publication, tense) {
        tense = Some(true);
    }
    let nearest = nearest_occurrence(p, parsed, tense);
    if nearest {
        tense = None;
    }
    (tense, nearest)
}

/// A weekday's tense, from its clause's cue `tense` and what the sentence says
/// around it.
fn weekday_tense(
    p: &parse::Parser<'_>,
    parsed: &parse::Parsed,
    mut tense: Option<bool>,
) -> Option<bool> {
    let plain = matches!(
        parsed.node,
        parse::Node::Wd {
            rel: parse::WdRel::Plain,
            ..
        }
    );
    // a lone weekday in a sentence told ahead ("is scheduled to spend five hours
    // in Dar es Salaam, ..., her first stop Tuesday") is the coming one; a far cue
    // never moves a day or month a year ahead
    if tense.is_none() {
        tense = p.tense_of_sentence(parsed.start);
    }
    // "the two ministers meet Monday": a scheduled event told in the simple
    // present, as news copy tells what is to come
    if tense.is_none() && plain && p.scheduled_present_before(parsed.start) {
        tense = Some(true);
    }
    // "get around Wednesday's ruling", "Monday's decision will reverberate": a
    // weekday's decision or attack has happened, whatever the verb after it
    if plain && p.possessive_done_after(parsed.end) {
        tense = Some(false);
    }
    // "who hopes to win Tuesday's state primary": a scheduled event named by
    // its weekday, with no tense to say it is over, lies ahead
    if tense.is_none() && plain && p.possessive_event_after(parsed.end) {
        tense = Some(true);
    }
    tense
}

/// A Sunday piece's "this week's meeting" is the coming week's: the week ending
/// that day has no meeting left to name; so is "this week" in what was said that
/// Sunday ("said Sunday that he opposes any changes this week").
fn sunday_week_ahead(
    p: &parse::Parser<'_>,
    parsed: &parse::Parsed,
    publication: Option<Date>,
    tense: Option<bool>,
) -> bool {
    publication.is_some_and(|d| d.weekday() == jiff::civil::Weekday::Sunday)
        && matches!(
            parsed.node,
            parse::Node::RelPeriod {
                unit: parse::Unit::Week,
                k: 0
            }
        )
        && (p.possessive_event_after(parsed.end)
            || (tense.is_none() && p.said_on_sunday_before(parsed.start)))
}

/// The date is the occurrence nearest publication, on either side: a plan's
/// date told in the past ("the accession was planned for early March", "a
/// service planned for Saturday was cancelled"); a future in the past ("before
/// they knew what the results would be on Saturday night"); a yearless day or
/// month whose clause has no cue, in a sentence told ahead further back ("said
/// two boats would sail on Sundays, with a third crossing every Friday from July
/// 4"), which a far cue must never move a whole year ahead.
fn nearest_occurrence(p: &parse::Parser<'_>, parsed: &parse::Parsed, tense: Option<bool>) -> bool {
    let far_ahead = tense.is_none()
        && matches!(
            parsed.node,
            parse::Node::Cal(parse::Cal {
                yr: parse::Yr::Infer,
                ..
            })
        )
        && p.tense_of_sentence(parsed.start) == Some(true);
    far_ahead
        || (p.planned_for(parsed.start) && p.past_in_sentence(parsed.start))
        || (tense == Some(true) && p.future_in_the_past(parsed.start))
}

/// How many words of a line the dateline search reads: a label or place of at most
/// five words, the date (a weekday, day, month, year and time are at most eight) and
/// what follows it, with room for a range that disqualifies it.
const DATELINE_HEAD_WORDS: usize = 40;

/// The first `n` whitespace-separated words of `line`, with the space between them.
fn head_words(line: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return &line[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    line
}

/// The publication date from a dateline near the top of a document.
///
/// Looks at the first 15 non-empty lines for the first full date (day, month and
/// year written) that stands alone on its line, or leads it before a time, a dash or
/// a bar ("December 03, 2025", "6 Aug 2021 - 12:06", "Dec. 3, 2025", "2025-12-03T10:00Z", "Wed 3 Dec 2025 14.05
/// GMT"), follows a short label ("Published: 2025-12-03", "By Jane Doe | Dec. 3,
/// 2025", "Posted on Dec. 3, 2025"), or follows a short place and comma before a dash
/// ("Tbilisi, Dec. 3, 2025 —"). Returns the date and its byte span in `text`.
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
        // A dateline's date starts within its line's first six words: the grammar
        // reads only the line's head (a wire story's first paragraph is one line).
        for m in dates(head_words(line, DATELINE_HEAD_WORDS), None) {
            let DateValue::Day(d) = m.value else { continue };
            if m.resolution != Resolution::Absolute || m.bound.is_some() {
                continue;
            }
            // Markup left in a raw (not prose-view) line does not count.
            let markup = |c: char| c.is_whitespace() || "*_#>`~[]".contains(c);
            let before = line[..m.span.start].trim_matches(markup);
            let after = line[m.span.end..].trim_matches(markup);
            // A date that leads its line is a dateline only on a line of its own: a
            // time, a dash or a bar may follow ("6 Aug 2021 - 12:06"), words may not
            // (a timeline entry "Oct. 31, 2012 The hug" is not one).
            let own_line = after.is_empty()
                || after.starts_with(['—', '–', '-', '|', '(', '·', ','])
                || after.as_bytes()[0].is_ascii_digit()
                || (after.starts_with('T')
                    && after.as_bytes().get(1).is_some_and(u8::is_ascii_digit))
                || after.to_ascii_lowercase().starts_with("at ");
            let leads = before.is_empty() && own_line;
            let mut words = before.split_whitespace();
            let first = words.next().unwrap_or("");
            let rest: Vec<&str> = words.collect();
            let label = before.ends_with([':', '|', '·'])
                || (["published", "updated", "posted", "dated", "date"]
                    .iter()
                    .any(|w| first.eq_ignore_ascii_case(w))
                    && (rest.is_empty()
                        || (rest.len() == 1 && rest[0].eq_ignore_ascii_case("on"))));
            let place = before.ends_with([',', '—', '–', '-'])
                && (after.is_empty()
                    || after.starts_with(['—', '–', '-', '|', '(', '·', ','])
                    || after.as_bytes()[0].is_ascii_digit());
            let labelled =
                !before.is_empty() && before.split_whitespace().count() <= 5 && (label || place);
            if leads || labelled {
                return Some((d, start + m.span.start..start + m.span.end));
            }
        }
    }
    None
}
