//! Calendar arithmetic: syntax trees ([`Node`]) to date ranges, given the publication
//! date and the tense of the clause.

use jiff::Span as JSpan;
use jiff::civil::{Date, Weekday};

use super::parse::{Cal, Holiday, Node, Rel, Season, Sel, Unit, WdRel, What, Yr};
use super::{PAST_WINDOW_MONTHS, Resolution, lunar};

/// The granularity of a resolved expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum G {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
    Span,
}

/// A resolved expression: inclusive dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Res {
    pub start: Date,
    pub end: Date,
    pub g: G,
    pub how: Resolution,
}

fn rank(r: Resolution) -> u8 {
    match r {
        Resolution::Absolute => 0,
        Resolution::InferredYear | Resolution::FromPassage => 1,
        Resolution::Relative => 2,
        Resolution::Vague => 3,
    }
}

fn worse(a: Resolution, b: Resolution) -> Resolution {
    if rank(a) >= rank(b) { a } else { b }
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
    if !(-9999..=9999).contains(&y) || m > 12 || d > 31 {
        return None;
    }
    Date::new(y as i16, m as i8, d as i8).ok()
}

pub(super) fn add_days(d: Date, n: i64) -> Option<Date> {
    if n.abs() > 4_000_000 {
        return None;
    }
    d.checked_add(JSpan::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    if n.abs() > 200_000 {
        return None;
    }
    d.checked_add(JSpan::new().try_months(n).ok()?).ok()
}

fn add_years(d: Date, n: i64) -> Option<Date> {
    if n.abs() > 20_000 {
        return None;
    }
    d.checked_add(JSpan::new().try_years(n).ok()?).ok()
}

fn add_units(d: Date, n: i64, u: Unit) -> Option<Date> {
    match u {
        Unit::Day => add_days(d, n),
        Unit::Week | Unit::Weekend => add_days(d, n.checked_mul(7)?),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, n.checked_mul(3)?),
        Unit::Year => add_years(d, n),
        Unit::Decade => add_years(d, n.checked_mul(10)?),
    }
}

fn monday(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// The unit a grain is counted in.
fn unit_of_g(g: G) -> Unit {
    match g {
        G::Week => Unit::Week,
        G::Weekend => Unit::Weekend,
        G::Month => Unit::Month,
        G::Quarter => Unit::Quarter,
        G::Decade => Unit::Decade,
        _ => Unit::Year,
    }
}

fn month_bounds(y: i32, m: u32) -> Option<(Date, Date)> {
    let f = ymd(y, m, 1)?;
    Some((f, f.last_of_month()))
}

/// The latest `wd` on or before `d`.
fn on_or_before(d: Date, wd: Weekday) -> Option<Date> {
    let back = (d.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
    add_days(d, -i64::from(back))
}

/// The first `wd` on or after `d`.
fn on_or_after(d: Date, wd: Weekday) -> Option<Date> {
    let fwd = (wd.to_monday_zero_offset() - d.weekday().to_monday_zero_offset()).rem_euclid(7);
    add_days(d, i64::from(fwd))
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<Date> {
    if !(1583..=9999).contains(&y) {
        return None;
    }
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday: the Julian computus, converted to the Gregorian calendar.
fn orthodox_easter(y: i32) -> Option<Date> {
    if !(1583..=9999).contains(&y) {
        return None;
    }
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // Julian March/April date, then the Julian-Gregorian difference in days.
    let julian_offset = y / 100 - y / 400 - 2;
    add_days(ymd(y, month as u32, 1)?, i64::from(day - 1 + julian_offset))
}

/// The first and last day of holiday `h` in year `y`.
fn holiday_range(h: Holiday, y: i32) -> Option<(Date, Date)> {
    let span = |a: Date, off: (i16, i16)| {
        Some((
            add_days(a, i64::from(off.0))?,
            add_days(a, i64::from(off.1))?,
        ))
    };
    match h {
        Holiday::EasterSpan(a, b) => span(easter(y)?, (a, b)),
        Holiday::OrthodoxSpan(a, b) => span(orthodox_easter(y)?, (a, b)),
        Holiday::Jewish(j) => lunar::jewish(j, y),
        Holiday::Islamic(i) => lunar::islamic(i, y),
        _ => holiday_date(h, y).map(|d| (d, d)),
    }
}

fn holiday_date(h: Holiday, y: i32) -> Option<Date> {
    match h {
        Holiday::Fixed(m, d) => ymd(y, u32::from(m), u32::from(d)),
        Holiday::Observed(m, d, sat, sun) => {
            let x = ymd(y, u32::from(m), u32::from(d))?;
            match x.weekday() {
                Weekday::Saturday => add_days(x, i64::from(sat)),
                Weekday::Sunday => add_days(x, i64::from(sun)),
                _ => Some(x),
            }
        }
        Holiday::ChineseNewYear => lunar::chinese_new_year(y),
        Holiday::EasterSpan(..)
        | Holiday::OrthodoxSpan(..)
        | Holiday::Jewish(_)
        | Holiday::Islamic(_) => holiday_range(h, y).map(|r| r.0),
        Holiday::Easter(off) => add_days(easter(y)?, i64::from(off)),
        Holiday::Orthodox(off) => add_days(orthodox_easter(y)?, i64::from(off)),
        Holiday::Nth(m, n, wd, off) => {
            let d = ymd(y, u32::from(m), 1)?.nth_weekday_of_month(n, wd).ok()?;
            add_days(d, i64::from(off))
        }
    }
}

/// The dates `what` names in year `y`.
fn what_range(what: What, y: i32) -> Option<(Date, Date, G)> {
    Some(match what {
        What::Year => (ymd(y, 1, 1)?, ymd(y, 12, 31)?, G::Year),
        What::Month(m) => {
            let (a, b) = month_bounds(y, u32::from(m))?;
            (a, b, G::Month)
        }
        What::Day(m, d) => {
            let x = ymd(y, u32::from(m), u32::from(d))?;
            (x, x, G::Day)
        }
        What::DayOnly(_) => return None,
        What::Quarter(q) => {
            let q = u32::from(q);
            (ymd(y, 3 * q - 2, 1)?, month_bounds(y, 3 * q)?.1, G::Quarter)
        }
        What::Half(h) => {
            let h = u32::from(h);
            (ymd(y, 6 * h - 5, 1)?, month_bounds(y, 6 * h)?.1, G::Half)
        }
        What::Season(s) => match s {
            Season::Spring => (ymd(y, 3, 1)?, ymd(y, 5, 31)?, G::Season),
            Season::Summer => (ymd(y, 6, 1)?, ymd(y, 8, 31)?, G::Season),
            Season::Autumn => (ymd(y, 9, 1)?, ymd(y, 11, 30)?, G::Season),
            Season::Winter => (ymd(y, 12, 1)?, month_bounds(y + 1, 2)?.1, G::Season),
        },
        What::Holiday(h) => {
            let (a, b) = holiday_range(h, y)?;
            (a, b, if a == b { G::Day } else { G::Span })
        }
    })
}

/// Month and day used to order the two sides of a range within one year.
fn key(what: What) -> Option<(u8, u8)> {
    Some(match what {
        What::Year => (1, 1),
        What::Month(m) => (m, 1),
        What::Day(m, d) => (m, d),
        What::Quarter(q) => (3 * q - 2, 1),
        What::Half(h) => (6 * h - 5, 1),
        What::Season(Season::Spring) => (3, 1),
        What::Season(Season::Summer) => (6, 1),
        What::Season(Season::Autumn) => (9, 1),
        What::Season(Season::Winter) => (12, 1),
        What::DayOnly(_) | What::Holiday(_) => return None,
    })
}

/// Resolution context: publication date and the clause's tense.
#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub publication: Option<Date>,
    pub future: bool,
    /// A weekday written with a date whose year was left out.
    pub weekday: Option<Weekday>,
    /// The text reports a quarter's results: "a year ago" is the year-ago quarter.
    pub quarterly: bool,
    /// The quarter (1..=4) the results story names most: "the quarter" is its
    /// latest occurrence begun by publication.
    pub reported: Option<u8>,
    /// The clause has a past-tense cue (not just the default past reading).
    pub past_cue: bool,
    /// The date a plan was made for, told in the past ("the vote, planned for
    /// Saturday, was called off"): the occurrence nearest publication, either way.
    pub nearest: bool,
}

fn res(start: Date, end: Date, g: G, how: Resolution) -> Option<Res> {
    (start <= end).then_some(Res { start, end, g, how })
}

/// One day.
fn day_res(d: Date, how: Resolution) -> Option<Res> {
    res(d, d, G::Day, how)
}

/// The three months from `start`.
fn quarter_from(start: Date, how: Resolution) -> Option<Res> {
    res(start, add_days(add_months(start, 3)?, -1)?, G::Quarter, how)
}

/// `n` years from the first of January of `y` (a decade, a century).
fn span_of_years(y: i32, n: i32, g: G) -> Option<Res> {
    res(
        ymd(y, 1, 1)?,
        ymd(y + n - 1, 12, 31)?,
        g,
        Resolution::Absolute,
    )
}

impl Ctx {
    pub fn resolve(&self, n: &Node) -> Option<Res> {
        match n {
            Node::Cal(c) => self.calendar(*c),
            Node::Decade(y) => span_of_years(*y, 10, G::Decade),
            Node::Century(y) => span_of_years(*y, 100, G::Century),
            Node::NthWeek { n, of } => self.nth_week(*n, of),
            Node::WeekOf(x) => self.week_of(x),
            Node::Edge { first, n, unit, of } => self.edge(*first, *n, *unit, of),
            Node::MonthOf { m, of } => self.month_of(*m, of),
            Node::Spanning { n, unit, from } => self.spanning(*n, *unit, from),
            Node::ComingWeekend => self.coming_weekend(),
            Node::PastWeek => self.past_week(),
            Node::Weekend => self.weekend(),
            Node::TradingWeek => self.trading_week(),
            Node::RelDay(k) => self.rel_day(i64::from(*k)),
            Node::Shift { n, unit, base } => self.shift(*n, *unit, base),
            Node::Vague(_) => self.vague(),
            Node::YearBefore(x) => self.year_before(x),
            Node::Reported { year } => self.reported(*year),
            Node::YearAgo => self.year_ago(),
            Node::InFuture { n, unit } => self.in_future(*n, *unit),
            Node::RelPeriod { unit, k } => self.rel_period(*unit, i64::from(*k)),
            Node::ToDate(u) => self.so_far(*u),
            Node::RestOf(u) => self.rest_of(*u),
            Node::LastN { unit, n } => self.last_n(*unit, *n),
            Node::NextN { unit, n } => self.next_n(*unit, *n),
            Node::Wd { wd, rel } => day_res(self.weekday(*wd, *rel)?, Resolution::Relative),
            Node::WdDay { wd, day } => day_res(self.weekday_day(*wd, *day)?, Resolution::Relative),
            Node::NthWd { n, wd, of } => self.nth_weekday(*n, *wd, of),
            Node::DayOf { day, of } => self.day_of(*day, of),
            Node::Part { sel, of } => part(*sel, self.resolve(of)?),
            Node::Range(a, b) => self.range(a, b),
            Node::Anaphora {
                unit,
                k,
                wd,
                anchor,
            } => anaphora(*unit, i64::from(*k), *wd, anchor.or(self.publication)?),
        }
    }

    /// A calendar date; a yearless day written with its weekday takes the year
    /// whose calendar puts that day on that weekday.
    fn calendar(&self, c: Cal) -> Option<Res> {
        if let (Some(wd), Yr::Infer, What::Day(..)) = (self.weekday, c.yr, c.what)
            && let Some(r) = self.year_by_weekday(c.what, wd)
        {
            return Some(r);
        }
        self.cal(c)
    }

    /// The `n`th Monday–Sunday week of a month or year (see [`Node::NthWeek`]).
    fn nth_week(&self, n: i8, of: &Node) -> Option<Res> {
        let r = self.resolve(of)?;
        let n = i64::from(n);
        let anchor = if n > 0 {
            add_days(r.start, 3 + 7 * (n - 1))?
        } else {
            add_days(r.end, -3 + 7 * (n + 1))?
        };
        if anchor > r.end || anchor < r.start || !matches!(r.g, G::Month | G::Year) {
            return None;
        }
        let m = monday(anchor)?;
        res(m, add_days(m, 6)?, G::Week, r.how)
    }

    /// The Monday–Sunday week holding the start of `x`.
    fn week_of(&self, x: &Node) -> Option<Res> {
        let r = self.resolve(x)?;
        let m = monday(r.start)?;
        res(m, add_days(m, 6)?, G::Week, r.how)
    }

    /// The first or last `n` days, weeks or months of a period.
    fn edge(&self, first: bool, n: i32, unit: Unit, of: &Node) -> Option<Res> {
        let r = self.resolve(of)?;
        let n = i64::from(n);
        let (a, b) = match (unit, first) {
            (Unit::Day, true) => (r.start, add_days(r.start, n - 1)?),
            (Unit::Day, false) => (add_days(r.end, 1 - n)?, r.end),
            (Unit::Week, true) => {
                let m = monday(add_days(r.start, 3)?)?;
                (m, add_days(m, 7 * n - 1)?)
            }
            (Unit::Week, false) => {
                let m = monday(add_days(r.end, -3)?)?;
                (add_days(m, 7 - 7 * n)?, add_days(m, 6)?)
            }
            (Unit::Month, true) => (r.start, add_days(add_months(r.start, n)?, -1)?),
            (Unit::Month, false) => (add_months(add_days(r.end, 1)?, -n)?, r.end),
            _ => return None,
        };
        if unit != Unit::Week && (a < r.start || b > r.end) {
            return None;
        }
        res(a, b, G::Span, r.how)
    }

    /// Month `m` of a resolved year.
    fn month_of(&self, m: u8, of: &Node) -> Option<Res> {
        let r = self.resolve(of)?;
        if r.g != G::Year {
            return None;
        }
        let (a, b) = month_bounds(i32::from(r.start.year()), u32::from(m))?;
        res(a, b, G::Month, r.how)
    }

    /// `n` units from the start of `from`.
    fn spanning(&self, n: i32, unit: Unit, from: &Node) -> Option<Res> {
        let r = self.resolve(from)?;
        let end = add_days(add_units(r.start, i64::from(n), unit)?, -1)?;
        res(r.start, end, G::Span, r.how)
    }

    /// The first weekend after publication.
    fn coming_weekend(&self) -> Option<Res> {
        let sat = on_or_after(add_days(self.publication?, 1)?, Weekday::Saturday)?;
        res(sat, add_days(sat, 1)?, G::Weekend, Resolution::Relative)
    }

    /// The week before publication's, or on a Sunday the week ending that day.
    fn past_week(&self) -> Option<Res> {
        let sunday = self.publication?.weekday() == Weekday::Sunday;
        Ctx {
            past_cue: true,
            ..*self
        }
        .rel_period(Unit::Week, if sunday { 0 } else { -1 })
    }

    /// "the weekend": the latest in a past clause, the coming one in a future one.
    fn weekend(&self) -> Option<Res> {
        let p = self.publication?;
        let sat = if p.weekday() == Weekday::Sunday {
            add_days(p, -1)?
        } else if self.future {
            on_or_after(p, Weekday::Saturday)?
        } else {
            on_or_before(p, Weekday::Saturday)?
        };
        res(sat, add_days(sat, 1)?, G::Weekend, Resolution::Relative)
    }

    /// The week of publication from Friday to Sunday, else the week before.
    fn trading_week(&self) -> Option<Res> {
        let p = self.publication?;
        let back = p.weekday().to_monday_zero_offset() < 4;
        let m = monday(add_days(p, if back { -7 } else { 0 })?)?;
        res(m, add_days(m, 6)?, G::Week, Resolution::Relative)
    }

    /// `k` days from publication.
    fn rel_day(&self, k: i64) -> Option<Res> {
        day_res(add_days(self.publication?, k)?, Resolution::Relative)
    }

    /// `n` units after (negative: before) a day.
    fn shift(&self, n: i32, unit: Unit, base: &Node) -> Option<Res> {
        let b = self.resolve(base)?;
        if b.g != G::Day {
            return None;
        }
        let d = add_units(b.start, i64::from(n), unit)?;
        if *base == Node::RelDay(0) && n < 0 && matches!(unit, Unit::Year | Unit::Decade) {
            // "two years ago": a count of years back names the year, not the
            // day (a count of days, weeks or months back keeps the day)
            return self.unit_of(d, unit);
        }
        day_res(d, Resolution::Relative)
    }

    /// A vague reference: the publication date, marked vague.
    fn vague(&self) -> Option<Res> {
        day_res(self.publication?, Resolution::Vague)
    }

    /// The same period a year before `x`.
    fn year_before(&self, x: &Node) -> Option<Res> {
        let r = self.resolve(x)?;
        let how = worse(r.how, Resolution::Relative);
        let start = add_years(r.start, -1)?;
        match r.g {
            G::Week | G::Weekend | G::Month | G::Quarter | G::Year | G::Decade => {
                let u = self.unit_of(start, unit_of_g(r.g))?;
                res(u.start, u.end, r.g, how)
            }
            _ => res(start, add_years(r.end, -1)?, r.g, how),
        }
    }

    /// The quarter a results story reports, in `year` when written.
    fn reported(&self, year: Option<i32>) -> Option<Res> {
        let q = self.reported_quarter()?;
        let Some(y) = year else {
            return Some(q);
        };
        let s = add_years(q.start, i64::from(y) - i64::from(q.start.year()))?;
        quarter_from(s, Resolution::Absolute)
    }

    /// "a year ago": the year before publication, or the year-ago quarter in a
    /// results story.
    fn year_ago(&self) -> Option<Res> {
        if !self.quarterly {
            return self.rel_period(Unit::Year, -1);
        }
        let q = self.reported_quarter()?;
        quarter_from(add_years(q.start, -1)?, Resolution::Relative)
    }

    /// "in two weeks": only in a clause that looks ahead.
    fn in_future(&self, n: i32, unit: Unit) -> Option<Res> {
        if !self.future {
            return None;
        }
        let d = add_units(self.publication?, i64::from(n), unit)?;
        day_res(d, Resolution::Relative)
    }

    /// From the start of the current unit to publication.
    fn so_far(&self, u: Unit) -> Option<Res> {
        let p = self.publication?;
        let cur = self.rel_period(u, 0)?;
        res(cur.start, p, G::Span, Resolution::Relative)
    }

    /// From publication to the end of the current unit.
    fn rest_of(&self, u: Unit) -> Option<Res> {
        let p = self.publication?;
        let cur = self.rel_period(u, 0)?;
        res(p, cur.end, G::Span, Resolution::Relative)
    }

    /// The `n` whole units before the current one.
    fn last_n(&self, unit: Unit, n: i32) -> Option<Res> {
        let cur = self.rel_period(unit, 0)?;
        let start = if unit == Unit::Day {
            add_days(cur.start, -i64::from(n))?
        } else {
            self.rel_period(unit, -i64::from(n))?.start
        };
        res(
            start,
            add_days(cur.start, -1)?,
            G::Span,
            Resolution::Relative,
        )
    }

    /// The `n` whole units after the current one.
    fn next_n(&self, unit: Unit, n: i32) -> Option<Res> {
        let cur = self.rel_period(unit, 0)?;
        let end = if unit == Unit::Day {
            add_days(cur.end, i64::from(n))?
        } else {
            self.rel_period(unit, i64::from(n))?.end
        };
        res(add_days(cur.end, 1)?, end, G::Span, Resolution::Relative)
    }

    /// The `n`th weekday of a resolved month.
    fn nth_weekday(&self, n: i8, wd: Weekday, of: &Node) -> Option<Res> {
        let r = self.resolve(of)?;
        if r.g != G::Month {
            return None;
        }
        day_res(r.start.nth_weekday_of_month(n, wd).ok()?, r.how)
    }

    /// Day `day` (0: the last) of a resolved month, or the first or last of a year.
    fn day_of(&self, day: u8, of: &Node) -> Option<Res> {
        let r = self.resolve(of)?;
        let d = match (r.g, day) {
            (G::Month, 0) => r.end,
            (G::Month, d) => ymd(
                i32::from(r.start.year()),
                r.start.month() as u32,
                u32::from(d),
            )?,
            (G::Year, 0) => r.end,
            (G::Year, 1) => r.start,
            _ => return None,
        };
        day_res(d, r.how)
    }

    fn cal(&self, c: Cal) -> Option<Res> {
        if let What::DayOnly(day) = c.what {
            let d = self.day_only(day)?;
            return res(d, d, G::Day, Resolution::Relative);
        }
        let from = |y: i32, how| {
            let (a, b, g) = what_range(c.what, y)?;
            res(a, b, g, how)
        };
        match c.yr {
            Yr::Abs(y) => from(y, Resolution::Absolute),
            Yr::Offset(k) => from(
                i32::from(self.publication?.year()) + k,
                Resolution::Relative,
            ),
            Yr::Occ(rel) => {
                let p = self.publication?;
                let y0 = i32::from(p.year());
                match rel {
                    Rel::Last => (y0 - 2..=y0)
                        .rev()
                        .find_map(|y| from(y, Resolution::Relative).filter(|r| r.end < p)),
                    Rel::Next => (y0..=y0 + 2)
                        .find_map(|y| from(y, Resolution::Relative).filter(|r| r.start > p)),
                    Rel::This if matches!(c.what, What::Holiday(_)) => {
                        self.infer(c.what).map(|r| Res {
                            how: Resolution::Relative,
                            ..r
                        })
                    }
                    Rel::This => [y0 - 1, y0]
                        .into_iter()
                        .find_map(|y| {
                            from(y, Resolution::Relative).filter(|r| r.start <= p && p <= r.end)
                        })
                        .or_else(|| from(y0, Resolution::Relative)),
                }
            }
            Yr::Infer => self.infer(c.what),
        }
    }

    /// A date or period whose year was left out.
    ///
    /// It takes the publication year; in a past clause, the year before if a day would
    /// fall more than two months after publication (a longer period: if it would start
    /// after publication); in a future clause, the year after if it would end before
    /// publication. Feb 29 in a common year moves to the
    /// nearest leap year in the clause's direction.
    fn infer(&self, what: What) -> Option<Res> {
        let p = self.publication?;
        let y0 = i32::from(p.year());
        let step = if self.future { 1 } else { -1 };
        let (y, (mut a, mut b, g)) = std::iter::once(y0)
            .chain((1..=8).map(|k| y0 + step * k))
            .find_map(|y| what_range(what, y).map(|r| (y, r)))?;
        // No tense cue at all: a month, season or quarter is the occurrence nearest
        // publication ("the convention in July" in an April piece is the coming
        // July). A day keeps the past reading (news reports what happened).
        // A plan's date or a future in the past (`nearest`): the same, days too.
        if !self.future && !self.past_cue && (g != G::Day || self.nearest) {
            let best = (y - 1..=y + 1)
                .filter_map(|y| what_range(what, y))
                .min_by_key(|(a2, b2, _)| {
                    if *a2 > p {
                        i64::from(p.until(*a2).map_or(i32::MAX, |s| s.get_days()))
                    } else if *b2 < p {
                        i64::from(b2.until(p).map_or(i32::MAX, |s| s.get_days()))
                    } else {
                        0
                    }
                });
            if let Some((a2, b2, _)) = best {
                return res(a2, b2, g, Resolution::InferredYear);
            }
        }
        // "will report third-quarter results": the quarter just ended
        let reported = matches!(g, G::Quarter | G::Half) && b >= add_months(p, -3)?;
        if self.future {
            if b < p
                && !reported
                && let Some((a2, b2, _)) = (1..=8).find_map(|k| what_range(what, y + k))
            {
                (a, b) = (a2, b2);
            }
        } else if a
            > (if g == G::Day {
                add_months(p, PAST_WINDOW_MONTHS)?
            } else {
                p
            })
            && let Some((a2, b2, _)) = (1..=8).find_map(|k| what_range(what, y - k))
        {
            (a, b) = (a2, b2);
        }
        res(a, b, g, Resolution::InferredYear)
    }

    /// A yearless day written with a weekday ("Thursday, Dec. 4"): among the years the
    /// clause allows (a past clause: the year up to publication plus two months; a
    /// future clause: two months before publication to a year after it), the one
    /// where the weekday fits, nearest to publication. `None` when none fits: the year
    /// is then inferred as usual and the weekday is left for a check to flag.
    fn year_by_weekday(&self, what: What, wd: Weekday) -> Option<Res> {
        let p = self.publication?;
        let y0 = i32::from(p.year());
        let (lo, hi) = if self.future {
            (
                add_months(p, -PAST_WINDOW_MONTHS)?,
                add_days(add_years(p, 1)?, -1)?,
            )
        } else {
            (
                add_days(add_years(p, -1)?, 1)?,
                add_months(p, PAST_WINDOW_MONTHS)?,
            )
        };
        let mut best: Option<(i64, Date)> = None;
        for y in [y0 - 1, y0, y0 + 1] {
            if let Some((d, _, _)) = what_range(what, y)
                && d.weekday() == wd
                && lo <= d
                && d <= hi
            {
                let dist = i64::from(p.until(d).ok()?.get_days()).abs();
                if best.is_none_or(|b| dist < b.0) {
                    best = Some((dist, d));
                }
            }
        }
        let (_, d) = best?;
        res(d, d, G::Day, Resolution::InferredYear)
    }

    /// A day of an unnamed month ("the 15th"): the latest such day on or before
    /// publication in a past clause, the first on or after it in a future one.
    fn day_only(&self, day: u8) -> Option<Date> {
        let p = self.publication?;
        let first = p.first_of_month();
        for k in 0..=12i64 {
            let m = add_months(first, if self.future { k } else { -k })?;
            if let Some(d) = ymd(i32::from(m.year()), m.month() as u32, u32::from(day))
                && (if self.future { d >= p } else { d <= p })
            {
                return Some(d);
            }
        }
        None
    }

    /// "Tuesday the 19th": the nearest 19th that is a Tuesday, before publication in
    /// a past clause, after it in a future one.
    fn weekday_day(&self, wd: Weekday, day: u8) -> Option<Date> {
        let p = self.publication?;
        let first = p.first_of_month();
        for k in 0..=36i64 {
            let m = add_months(first, if self.future { k } else { -k })?;
            if let Some(d) = ymd(i32::from(m.year()), m.month() as u32, u32::from(day))
                && d.weekday() == wd
                && (if self.future { d >= p } else { d <= p })
            {
                return Some(d);
            }
        }
        None
    }

    /// A weekday relative to publication.
    ///
    /// Plain and "this": the latest on or before publication in a past clause, the
    /// first on or after it in a future one. "next": that weekday in the following
    /// Monday–Sunday week; "last": in the previous week. "this past": the latest
    /// strictly before; "this coming": the first strictly after.
    fn weekday(&self, wd: Weekday, rel: WdRel) -> Option<Date> {
        let p = self.publication?;
        let off = i64::from(wd.to_monday_zero_offset());
        Some(match rel {
            WdRel::Plain | WdRel::This if self.nearest => {
                let (before, after) = (on_or_before(p, wd)?, on_or_after(p, wd)?);
                if p.until(after).ok()?.get_days() < before.until(p).ok()?.get_days() {
                    after
                } else {
                    before
                }
            }
            WdRel::Plain | WdRel::This => {
                if self.future {
                    on_or_after(p, wd)?
                } else {
                    on_or_before(p, wd)?
                }
            }
            WdRel::Next => add_days(monday(p)?, 7 + off)?,
            WdRel::Last => add_days(monday(p)?, -7 + off)?,
            WdRel::Week(k) => add_days(monday(p)?, 7 * i64::from(k) + off)?,
            WdRel::Past => on_or_before(add_days(p, -1)?, wd)?,
            WdRel::Coming => on_or_after(add_days(p, 1)?, wd)?,
            WdRel::AfterNext => add_days(on_or_after(add_days(p, 1)?, wd)?, 7)?,
            WdRel::Count(n) => {
                if n > 0 {
                    add_days(on_or_after(add_days(p, 1)?, wd)?, 7 * (i64::from(n) - 1))?
                } else {
                    add_days(on_or_before(add_days(p, -1)?, wd)?, 7 * (i64::from(n) + 1))?
                }
            }
        })
    }

    /// The quarter a results story reports: the latest occurrence, begun by
    /// publication, of the quarter it names most ("fourth quarter" in a November
    /// piece is that year's, in a January piece the year before's), else the
    /// latest quarter completed before publication.
    fn reported_quarter(&self) -> Option<Res> {
        let Some(n) = self.reported.filter(|n| (1..=4).contains(n)) else {
            return self.rel_period(Unit::Quarter, -1);
        };
        let p = self.publication?;
        let mut s = ymd(i32::from(p.year()), u32::from(n - 1) * 3 + 1, 1)?;
        if s > p {
            s = add_years(s, -1)?;
        }
        res(
            s,
            add_days(add_months(s, 3)?, -1)?,
            G::Quarter,
            Resolution::Relative,
        )
    }

    /// The unit (week, month, quarter, year, decade) that contains `d`.
    fn unit_of(&self, d: Date, u: Unit) -> Option<Res> {
        Ctx {
            publication: Some(d),
            future: self.future,
            weekday: None,
            quarterly: false,
            reported: None,
            past_cue: self.past_cue,
            nearest: false,
        }
        .rel_period(if u == Unit::Decade { Unit::Year } else { u }, 0)
    }

    /// The unit containing publication, shifted by `k` units. "this weekend" in a
    /// past clause is the weekend just gone.
    fn rel_period(&self, u: Unit, k: i64) -> Option<Res> {
        let p = self.publication?;
        let sunday = p.weekday() == Weekday::Sunday;
        let k = match u {
            // on a Sunday the week has no day left: "this week" ahead is the next
            Unit::Week if k == 0 && sunday && self.future && !self.past_cue => 1,
            Unit::Weekend
                if k == 0 && self.past_cue && !sunday && p.weekday() != Weekday::Saturday =>
            {
                -1
            }
            _ => k,
        };
        let (a, b, g) = match u {
            Unit::Day => {
                let d = add_days(p, k)?;
                (d, d, G::Day)
            }
            Unit::Week => {
                let m = add_days(monday(p)?, 7 * k)?;
                (m, add_days(m, 6)?, G::Week)
            }
            Unit::Weekend => {
                let s = add_days(monday(p)?, 5 + 7 * k)?;
                (s, add_days(s, 1)?, G::Weekend)
            }
            Unit::Month => {
                let f = add_months(p.first_of_month(), k)?;
                (f, f.last_of_month(), G::Month)
            }
            Unit::Quarter => {
                let q0 = (p.month() as u32 - 1) / 3;
                let f = add_months(ymd(i32::from(p.year()), q0 * 3 + 1, 1)?, 3 * k)?;
                (f, add_days(add_months(f, 3)?, -1)?, G::Quarter)
            }
            Unit::Year => {
                let y = i32::from(p.year()) + i32::try_from(k).ok()?;
                (ymd(y, 1, 1)?, ymd(y, 12, 31)?, G::Year)
            }
            Unit::Decade => {
                let y0 = i32::from(p.year());
                let y = y0 - y0.rem_euclid(10) + 10 * i32::try_from(k).ok()?;
                (ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?, G::Decade)
            }
        };
        res(a, b, g, Resolution::Relative)
    }

    fn range(&self, a: &Node, b: &Node) -> Option<Res> {
        // the two ends of a range are read in one direction, never each to its
        // own nearest occurrence
        let this = Ctx {
            past_cue: self.past_cue || !self.future,
            ..*self
        };
        let this = &this;
        let (ra, rb) = match (a, b) {
            (Node::Cal(ca), Node::Cal(cb)) => {
                let (mut ca, mut cb) = (*ca, *cb);
                // 1: the first day took the second's month; 2: the other way round
                let mut filled = 0;
                match (ca.what, cb.what) {
                    (What::DayOnly(d), What::Day(m, _)) => {
                        ca.what = What::Day(m, d);
                        filled = 1;
                    }
                    (What::Day(m, _), What::DayOnly(d)) => {
                        cb.what = What::Day(m, d);
                        filled = 2;
                    }
                    (What::DayOnly(_), _) | (_, What::DayOnly(_)) => return None,
                    _ => {}
                }
                let before = |x: &Cal, y: &Cal| {
                    filled == 0
                        && match (key(x.what), key(y.what)) {
                            (Some(kx), Some(ky)) => kx > ky,
                            _ => false,
                        }
                };
                let mut how = Resolution::Absolute;
                match (ca.yr, cb.yr) {
                    (Yr::Infer, Yr::Abs(y)) => {
                        ca.yr = Yr::Abs(if before(&ca, &cb) { y - 1 } else { y });
                    }
                    (Yr::Abs(y), Yr::Infer) => {
                        cb.yr = Yr::Abs(if before(&ca, &cb) { y + 1 } else { y });
                    }
                    (x, Yr::Infer) if x != Yr::Infer || key(ca.what).is_some() => {
                        let r = this.cal(ca)?;
                        how = r.how;
                        let y = i32::from(r.start.year());
                        ca.yr = Yr::Abs(y);
                        cb.yr = Yr::Abs(if before(&ca, &cb) { y + 1 } else { y });
                    }
                    _ => {}
                }
                let mut ra = this.cal(ca)?;
                let mut rb = this.cal(cb)?;
                // "April 27 to the 3rd" runs into May; "the 27th to May 3" from April.
                if filled == 2 && rb.start < ra.start {
                    let d = add_months(rb.start, 1)?;
                    rb = Res {
                        start: d,
                        end: d,
                        ..rb
                    };
                }
                if filled == 1 && ra.start > rb.start {
                    let d = add_months(ra.start, -1)?;
                    ra = Res {
                        start: d,
                        end: d,
                        ..ra
                    };
                }
                let how = worse(how, worse(ra.how, rb.how));
                (Res { how, ..ra }, Res { how, ..rb })
            }
            (
                _,
                Node::Wd {
                    wd,
                    rel: WdRel::Plain,
                },
            ) => {
                let ra = this.resolve(a)?;
                let d = on_or_after(ra.start, *wd)?;
                (
                    ra,
                    Res {
                        start: d,
                        end: d,
                        g: G::Day,
                        how: Resolution::Relative,
                    },
                )
            }
            _ => (this.resolve(a)?, this.resolve(b)?),
        };
        res(ra.start, rb.end, G::Span, worse(ra.how, rb.how))
    }
}

/// A period told from the passage's own time (see [`Node::Anaphora`]), from its
/// anchor: the year, quarter, month, week or day `k` units after it, or with `wd`
/// the weekday just after or before it. Its year came from the text around it.
fn anaphora(unit: Unit, k: i64, wd: Option<Weekday>, anchor: Date) -> Option<Res> {
    let how = Resolution::FromPassage;
    if let Some(wd) = wd {
        let d = if k < 0 {
            on_or_before(add_days(anchor, -1)?, wd)?
        } else {
            on_or_after(add_days(anchor, 1)?, wd)?
        };
        return day_res(d, how);
    }
    let d = add_units(anchor, k, unit)?;
    let y = i32::from(d.year());
    match unit {
        Unit::Day => day_res(d, how),
        Unit::Week | Unit::Weekend => {
            let m = monday(d)?;
            res(m, add_days(m, 6)?, G::Week, how)
        }
        Unit::Month => {
            let (a, b) = month_bounds(y, d.month() as u32)?;
            res(a, b, G::Month, how)
        }
        Unit::Quarter => {
            let q = (d.month() as u32 - 1) / 3;
            quarter_from(ymd(y, 3 * q + 1, 1)?, how)
        }
        Unit::Year | Unit::Decade => res(ymd(y, 1, 1)?, ymd(y, 12, 31)?, G::Year, how),
    }
}

/// A part of a resolved period: early/mid/late thirds, a half, a quarter.
fn part(sel: Sel, r: Res) -> Option<Res> {
    let y = i32::from(r.start.year());
    let (a, b, g) = match (sel, r.g) {
        (Sel::Early | Sel::Mid | Sel::Late, G::Day) => return Some(r),
        (Sel::Early | Sel::Mid | Sel::Late, G::Month) => {
            let m = r.start.month() as u32;
            match sel {
                Sel::Early => (r.start, ymd(y, m, 10)?, G::Span),
                Sel::Mid => (ymd(y, m, 11)?, ymd(y, m, 20)?, G::Span),
                _ => (ymd(y, m, 21)?, r.end, G::Span),
            }
        }
        (Sel::Early | Sel::Mid | Sel::Late, G::Year) => match sel {
            Sel::Early => (r.start, ymd(y, 4, 30)?, G::Span),
            Sel::Mid => (ymd(y, 5, 1)?, ymd(y, 8, 31)?, G::Span),
            _ => (ymd(y, 9, 1)?, r.end, G::Span),
        },
        (Sel::Early | Sel::Mid | Sel::Late, G::Week) => match sel {
            Sel::Early => (r.start, add_days(r.start, 2)?, G::Span),
            Sel::Mid => (add_days(r.start, 2)?, add_days(r.start, 3)?, G::Span),
            _ => (add_days(r.start, 4)?, r.end, G::Span),
        },
        (Sel::Early | Sel::Mid | Sel::Late, G::Decade) => match sel {
            Sel::Early => (r.start, ymd(y + 3, 12, 31)?, G::Span),
            Sel::Mid => (ymd(y + 4, 1, 1)?, ymd(y + 6, 12, 31)?, G::Span),
            _ => (ymd(y + 7, 1, 1)?, r.end, G::Span),
        },
        (Sel::Early | Sel::Mid | Sel::Late, G::Century) => match sel {
            Sel::Early => (r.start, ymd(y + 32, 12, 31)?, G::Span),
            Sel::Mid => (ymd(y + 33, 1, 1)?, ymd(y + 66, 12, 31)?, G::Span),
            _ => (ymd(y + 67, 1, 1)?, r.end, G::Span),
        },
        (Sel::Early | Sel::Mid | Sel::Late, _) => {
            // any other period: thirds by days
            let days = i64::from(r.start.until(r.end).ok()?.get_days()) + 1;
            let third = (days / 3).max(1);
            match sel {
                Sel::Early => (r.start, add_days(r.start, third - 1)?, G::Span),
                Sel::Mid => (
                    add_days(r.start, third)?,
                    add_days(r.start, 2 * third - 1)?,
                    G::Span,
                ),
                _ => (add_days(r.start, 2 * third)?, r.end, G::Span),
            }
        }
        (Sel::Half(h), G::Year) => {
            let (a, b, g) = what_range(What::Half(h), y)?;
            (a, b, g)
        }
        (Sel::Half(h), G::Month) => {
            let m = r.start.month() as u32;
            if h == 1 {
                (r.start, ymd(y, m, 15)?, G::Span)
            } else {
                (ymd(y, m, 16)?, r.end, G::Span)
            }
        }
        (Sel::Quarter(q), G::Year) => {
            let (a, b, g) = what_range(What::Quarter(q), y)?;
            (a, b, g)
        }
        _ => return None,
    };
    res(a, b, g, r.how)
}
