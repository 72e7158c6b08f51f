//! Forms of news copy: vague references to the present, past and future ("now",
//! "recently", "in coming months"), the quarters of a results story ("the quarter",
//! "the year-ago third quarter", "the 1988 second quarter"), fiscal years, and a month
//! with a relative year ("January this year").

use super::{Cal, Node, Parser, R, Unit, Vague, What, Yr};

/// Nouns after "current" that make it another word ("current account").
const NOT_CURRENT: &[&str] = &[
    "account", "accounts", "affairs", "events", "flows", "of", "state", "status",
];

/// Words that make "that day", "that week" a compound noun ("day care").
const ANAPHORA_COMPOUNDS: &[&str] = &[
    "care", "job", "jobs", "light", "pass", "passes", "school", "trip", "trips",
];

/// The period of an anaphoric reference: a day (or a part of one), week, month,
/// quarter or year.
fn anaphora_unit(w: &str) -> Option<Unit> {
    Some(match w {
        "day" | "morning" | "afternoon" | "evening" | "night" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        _ => return None,
    })
}

/// Periods after "the past" that make it a period ("the past century").
const PAST_PERIODS: &[&str] = &[
    "centuries",
    "century",
    "decade",
    "decades",
    "era",
    "generation",
    "generations",
    "millennium",
    "season",
    "seasons",
];

/// Counts too vague for a number ("several years ago").
const VAGUE_COUNTS: &[&str] = &["few", "many", "several", "some"];

/// Byte offsets of every "quarter" in `low`: each form of a quarter named below
/// ends with it, so the text is searched once for it and the words before each
/// one are read.
fn quarter_offsets(low: &str) -> impl Iterator<Item = usize> + '_ {
    low.match_indices("quarter").map(|(at, _)| at)
}

/// Whether `low` has `word` and a space or hyphen just before byte `q`.
fn named_before(low: &str, q: usize, word: &str) -> bool {
    let head = &low.as_bytes()[..q];
    matches!(head.last(), Some(b' ' | b'-')) && head[..q - 1].ends_with(word.as_bytes())
}

/// Whether a text reports a quarter's results: it names a quarter ("third quarter",
/// "third-quarter", "the quarter") and a results word ("net income", "a share",
/// "earnings", "profit", "revenue", "sales"). There "a year ago" is the year-ago
/// quarter and "the quarter" the one reported.
pub(in crate::extract::date) fn quarterly(low: &str) -> bool {
    const BEFORE: [&str; 6] = ["first", "second", "third", "fourth", "latest", "the"];
    let quarter = quarter_offsets(low).any(|q| BEFORE.iter().any(|o| named_before(low, q, o)));
    quarter
        && [
            "net income",
            "a share",
            "earnings",
            "profit",
            "revenue",
            "sales",
        ]
        .iter()
        .any(|w| low.contains(w))
}

/// The quarter a results story names most ("third quarter", "fourth-quarter",
/// "fiscal first quarter"), the first of those named as often; none when the text
/// names no quarter by its number. A fiscal quarter is named like a calendar one
/// ("its fourth quarter ended Sept. 30" is the fourth quarter).
pub(in crate::extract::date) fn reported_quarter(low: &str) -> Option<u8> {
    const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];
    let mut count = [(0usize, usize::MAX); 4];
    for q in quarter_offsets(low) {
        for (n, o) in ORDINALS.iter().enumerate() {
            if !named_before(low, q, o) {
                continue;
            }
            let at = q - 1 - o.len();
            if at == 0 || !low.as_bytes()[at - 1].is_ascii_alphanumeric() {
                count[n].0 += 1;
                count[n].1 = count[n].1.min(at);
            }
        }
    }
    let best = (0..4)
        .filter(|&n| count[n].0 > 0)
        .max_by_key(|&n| (count[n].0, std::cmp::Reverse(count[n].1)))?;
    Some(best as u8 + 1)
}

/// The searches [`quarterly`] and [`reported_quarter`] replaced (one search per
/// form), kept to check them against.
#[cfg(test)]
pub(in crate::extract::date) mod by_search {
    /// [`super::quarterly`], one search per form.
    pub fn quarterly(low: &str) -> bool {
        let quarter = ["first", "second", "third", "fourth", "latest", "the"]
            .iter()
            .any(|o| {
                low.contains(&format!("{o} quarter")) || low.contains(&format!("{o}-quarter"))
            });
        quarter
            && [
                "net income",
                "a share",
                "earnings",
                "profit",
                "revenue",
                "sales",
            ]
            .iter()
            .any(|w| low.contains(w))
    }

    /// [`super::reported_quarter`], one search per form.
    pub fn reported_quarter(low: &str) -> Option<u8> {
        const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];
        let mut count = [(0usize, usize::MAX); 4];
        for (n, o) in ORDINALS.iter().enumerate() {
            for sep in [" ", "-"] {
                let pat = format!("{o}{sep}quarter");
                for (at, _) in low.match_indices(&pat) {
                    let word_start = at == 0 || !low.as_bytes()[at - 1].is_ascii_alphanumeric();
                    if word_start {
                        count[n].0 += 1;
                        count[n].1 = count[n].1.min(at);
                    }
                }
            }
        }
        let best = (0..4)
            .filter(|&n| count[n].0 > 0)
            .max_by_key(|&n| (count[n].0, std::cmp::Reverse(count[n].1)))?;
        Some(best as u8 + 1)
    }
}

/// Words that make a sentence of a results story about a span longer than the
/// quarter: there "a year earlier" is the year before, not the year-ago quarter.
const SPAN_WORDS: &[&str] = &["half", "months", "year-to-date"];

impl Parser<'_> {
    /// The sentence of token `i` speaks of a span longer than a quarter ("the
    /// nine months", "the first half"): "a year earlier" there is a year.
    pub(in crate::extract::date) fn longer_span(&self, i: usize) -> bool {
        let Some(&id) = self.sent.get(i) else {
            return false;
        };
        let (a, b) = self.sent_range[id as usize];
        (a..b).any(|j| {
            self.is_any(j, SPAN_WORDS)
                && (j == a
                    || self
                        .word(j - 1)
                        .is_some_and(|w| w != "recent" && w != "coming"))
        })
    }

    /// The quarter (1..=4) named by number in the sentence of token `i` ("reported
    /// third-quarter profit ... a year earlier"), the nearest before `i` first; else
    /// the last one named before it in its paragraph (a story reporting two
    /// companies' quarters: "the first quarter" of one, then "third-quarter profit"
    /// of the other and, two sentences on, its "year-earlier results"); else the
    /// one the whole story names most.
    pub(in crate::extract::date) fn reported_near(&self, i: usize) -> Option<u8> {
        let Some(&id) = self.sent.get(i) else {
            return self.reported;
        };
        let (a, b) = self.sent_range[id as usize];
        let named = |j: usize| {
            let ord = self.info[j].ord;
            let k = if self.is_dash(j + 1) { j + 2 } else { j + 1 };
            ((1..=4).contains(&ord) && self.is(k, "quarter")).then_some(ord)
        };
        // a fiscal quarter's number does not tell its months ("the fiscal second
        // quarter" may end on Sept. 30): it is no base for a later sentence
        let fiscal = |j: usize| {
            j >= 1
                && (self.is(j - 1, "fiscal")
                    || (j >= 2 && self.is_dash(j - 1) && self.is(j - 2, "fiscal")))
        };
        let in_paragraph = || {
            (0..a)
                .rev()
                .take_while(|&j| {
                    let gap = &self.low[self.toks[j].e..self.toks[j + 1].s];
                    !(gap.contains("\n\n") || gap.contains("\n \n"))
                })
                .find(|&j| named(j).is_some())
                .filter(|&j| !fiscal(j))
                .and_then(named)
        };
        (a..i.min(b))
            .rev()
            .find_map(named)
            .or_else(|| (i..b).find_map(named))
            .or_else(|| if self.quarterly { in_paragraph() } else { None })
            .or(self.reported)
    }

    /// "a year ago", "a year earlier", "year-ago" in a results story: the
    /// year-ago quarter, or the year before when the sentence speaks of a longer
    /// span; elsewhere the year before publication.
    pub(in crate::extract::date) fn year_ago_node(&self, i: usize) -> Node {
        if self.quarterly && self.longer_span(i) {
            Node::RelPeriod {
                unit: super::Unit::Year,
                k: -1,
            }
        } else {
            Node::YearAgo
        }
    }

    /// The expression `[s, e)` is part of a name, not a date: a newspaper ("USA
    /// Today"), a programme ("NBC's Today", ABC's "This Week", "CBS This Morning",
    /// "Saturday Night Live", "Monday Night Football", "Fox News Sunday"). A
    /// capitalised "Today" or "This" inside a sentence of lower-case words names a
    /// title.
    pub(in crate::extract::date) fn in_name(&self, s: usize, e: usize) -> bool {
        let Some(first) = self.word(s) else {
            return false;
        };
        let prev = self.prev_word(s);
        let lower_before = s > 0
            && self.same_sentence(s - 1, s)
            && self.toks[s - 1].kind == super::Kind::Word
            && !self.cap(s - 1);
        let titled = self.cap(s) && !self.caseless;
        match first {
            "today" => {
                prev == Some("usa") || (titled && (lower_before || self.is_apos(s.wrapping_sub(1))))
            }
            "this" if e == s + 2 => {
                // ABC's "This Week": an opening quotation mark may come between
                let quoted = s > 0 && matches!(self.punct(s - 1), Some('“' | '"' | '‘'));
                let b = if quoted { s - 1 } else { s };
                let possessive = b >= 2 && self.is(b - 1, "s") && self.is_apos(b - 2);
                titled
                    && self.cap(s + 1)
                    && (lower_before
                        || self.is_apos(b.wrapping_sub(1))
                        || (quoted && possessive)
                        || self.is_any(b.wrapping_sub(1), &["cbs", "abc", "nbc"]))
            }
            _ if self.info[s].weekday.is_some() && e == s + 1 => {
                (self.is(e, "night") && self.cap(e)) || (prev == Some("news") && self.cap(s - 1))
            }
            _ => false,
        }
    }

    /// The news forms of this module, longest first.
    pub(super) fn news(&self, i: usize) -> R {
        let mut best: R = None;
        for cand in [
            self.vague(i),
            self.month_rel_year(i),
            self.results_quarter(i),
            self.last_years_quarter(i),
            self.years_quarter(i),
            self.results_year(i),
            self.fiscal(i),
            self.year_ago(i),
            self.year_end(i),
            self.anaphora(i),
            self.market_week(i),
        ] {
            super::longest(&mut best, cand);
        }
        best
    }

    /// A period told from the passage's own time, not from publication: "that year",
    /// "that same day", "later that year", "earlier that day", "the same month",
    /// "the following year", "the previous month", "the preceding quarter", "the
    /// next day", "the next morning", "the previous Friday". The passage resolves it
    /// against the last date written before it (see [`Node::Anaphora`]).
    fn anaphora(&self, i: usize) -> R {
        let j = if self.is_any(i, &["later", "earlier"]) && self.is(i + 1, "that") {
            i + 1
        } else {
            i
        };
        // "Monday of the following week", "the end of that month": a part of the
        // period, which this reading does not compose
        if self.prev_word(i) == Some("of")
            && i >= 2
            && (self.info[i - 2].weekday.is_some()
                || self.is_any(i - 2, &["beginning", "end", "middle", "rest", "start"]))
        {
            return None;
        }
        let (k, step) = match self.word(j)? {
            "that" if self.is(j + 1, "same") => (j + 2, 0),
            "that" => (j + 1, 0),
            "the" => match self.word(j + 1)? {
                "same" => (j + 2, 0),
                "following" => (j + 2, 1),
                "previous" | "preceding" => (j + 2, -1),
                // "the next week" is counted from publication; a day is not
                "next" if self.word(j + 2).and_then(anaphora_unit) == Some(Unit::Day) => (j + 2, 1),
                _ => return None,
            },
            _ => return None,
        };
        let wd = self.info.get(k).and_then(|n| n.weekday).map(|(wd, _)| wd);
        let unit = match wd {
            Some(_) if step != 0 => Unit::Day,
            Some(_) => return None,
            None => anaphora_unit(self.word(k)?)?,
        };
        // "that day care", "the following year-end results": a compound, no date
        if self.is_dash(k + 1) && self.att(k + 1) || self.is_any(k + 1, ANAPHORA_COMPOUNDS) {
            return None;
        }
        let e = match wd {
            Some(_) => self.weekday_at(k)?.0,
            None => k + 1,
        };
        Some((
            e,
            Node::Anaphora {
                unit,
                k: step,
                wd,
                anchor: None,
            },
        ))
    }

    /// The week a market report sums up: "for the week" closing its phrase ("rose
    /// 2% for the week", "For the week, the index fell") and "the week's" ("the
    /// week's busiest session"). "the week" otherwise ("spent the week in Ohio",
    /// "the week before the vote") is no date here.
    fn market_week(&self, i: usize) -> R {
        if !self.is_the(i) || !self.is(i + 1, "week") {
            return None;
        }
        let possessive = self.is_apos(i + 2) && self.att(i + 2) && self.is(i + 3, "s");
        let for_the_week = self.prev_word(i) == Some("for")
            && self.toks.get(i + 2).is_none_or(|t| {
                t.kind == super::Kind::Punct && !self.is_apos(i + 2) && !self.is_dash(i + 2)
            });
        (possessive || for_the_week).then_some((i + 2, Node::TradingWeek))
    }

    /// "now", "right now", "currently", "the current", "these days", "recently",
    /// "in recent years", "the past", "several years ago", "the future", "the near
    /// term", "in coming months". Words that news copy uses as often for other
    /// things ("soon", "previously", "future" before a noun) are left out.
    fn vague(&self, i: usize) -> R {
        let v = |e: usize, v: Vague| Some((e, Node::Vague(v)));
        let w = self.word(i)?;
        match w {
            "now" if self.prev_word(i) == Some("from") => None,
            "now" | "currently" | "presently" | "nowadays" => v(i + 1, Vague::Present),
            "right" if self.is(i + 1, "now") => v(i + 2, Vague::Present),
            "current"
                if !self.is_any(i + 1, NOT_CURRENT)
                    && self.word(i + 1).is_some_and(|w| {
                        super::unit_word(w).is_none() && super::season_word(w).is_none()
                    }) =>
            {
                v(i + 1, Vague::Present)
            }
            "these" if self.is(i + 1, "days") => v(i + 2, Vague::Present),
            "recently" | "lately" => v(i + 1, Vague::Past),
            "more" if self.is(i + 1, "recently") => v(i + 2, Vague::Past),
            "recent" if self.is_any(i + 1, &["days", "weeks", "months", "years", "decades"]) => {
                v(i + 2, Vague::Past)
            }
            "coming" if self.is_any(i + 1, &["days", "weeks", "months", "years"]) => {
                v(i + 2, Vague::Future)
            }
            "years" | "decades" if self.is(i + 1, "ago") => v(i + 2, Vague::Past),
            _ if VAGUE_COUNTS.contains(&w) || (w == "a" && self.is(i + 1, "few")) => {
                let k = i + 1 + usize::from(w == "a");
                let unit = self.is_any(k, &["days", "weeks", "months", "years", "decades"]);
                (unit && self.is(k + 1, "ago")).then_some((k + 2, Node::Vague(Vague::Past)))
            }
            "the" => self.the_vague(i),
            _ => None,
        }
    }

    /// "the past", "the future", "the near future", "the near term", "the last few
    /// months".
    fn the_vague(&self, i: usize) -> R {
        let v = |e: usize, v: Vague| Some((e, Node::Vague(v)));
        match self.word(i + 1)? {
            // "the past week" and "the past two years" are read elsewhere, and win
            // by length; "the past century" is a period, not the vague past; "the
            // past" alone is the past.
            "past"
                if self
                    .word(i + 2)
                    .is_none_or(|w| !VAGUE_COUNTS.contains(&w) && !PAST_PERIODS.contains(&w)) =>
            {
                v(i + 2, Vague::Past)
            }
            "past" | "last" if VAGUE_COUNTS.contains(&self.word(i + 2)?) => {
                let unit = self.is_any(i + 3, &["days", "weeks", "months", "years", "quarters"]);
                unit.then_some((i + 4, Node::Vague(Vague::Past)))
            }
            "future" => v(i + 2, Vague::Future),
            "near" | "foreseeable" if self.is(i + 2, "future") => v(i + 3, Vague::Future),
            "near" | "short" if self.is(i + 2, "term") => v(i + 3, Vague::Future),
            "coming" if self.is_any(i + 2, &["days", "weeks", "months", "years"]) => {
                v(i + 3, Vague::Future)
            }
            _ => None,
        }
    }

    /// "by year-end", "at year end", "before the year's end", "since yearend": the
    /// last day of a year, after a preposition (a bare "year-end bonus" names no
    /// day). Its year follows the clause like any yearless day: the coming one
    /// ahead, the last one gone in a past clause.
    fn year_end(&self, i: usize) -> R {
        let year = if self.is_the(i) { i + 1 } else { i };
        let e = match self.word(year)? {
            "yearend" => year + 1,
            "year" if self.is_dash(year + 1) && self.is(year + 2, "end") => year + 3,
            "year" if self.is(year + 1, "end") => year + 2,
            // "by the year's end", "by year's end"
            "year"
                if self.is_apos(year + 1) && self.is(year + 2, "s") && self.is(year + 3, "end") =>
            {
                year + 4
            }
            _ => return None,
        };
        if !self
            .prev_word(i)
            .is_some_and(|p| super::has(YEAR_END_PREPS, p))
        {
            return None;
        }
        Some((
            e,
            Node::Cal(Cal {
                yr: Yr::Infer,
                what: What::Day(12, 31),
            }),
        ))
    }

    /// "January this year", "June last year", "March next year".
    fn month_rel_year(&self, i: usize) -> R {
        let (e, m) = self.month_at(i)?;
        let j = if self.is(e, "of") { e + 1 } else { e };
        let (end, off) = self.year_offset(j)?;
        Some((
            end,
            Node::Cal(Cal {
                yr: Yr::Offset(off),
                what: What::Month(m),
            }),
        ))
    }

    /// The quarters of a results story: "the quarter", "the latest quarter", "the
    /// most recent period", "the year-ago quarter", "the year-earlier third
    /// quarter", "the comparable year-ago period", "the 1988 third quarter", "the
    /// 1989 period".
    fn results_quarter(&self, i: usize) -> R {
        if !self.is_the(i) {
            return None;
        }
        let mut j = i + 1;
        let compared = self.is_any(j, &["comparable", "corresponding", "same"]);
        if compared {
            j += 1;
        }
        let mut year = None;
        let mut year_ago = false;
        let mut latest = false;
        if let Some(k) = self.year_ago_word(j) {
            year_ago = true;
            j = k;
        } else if let Some((k, y)) = self.year_at(j).filter(|_| self.num(j).is_some()) {
            year = Some(y);
            j = k;
        } else if self.is(j, "latest") || self.is(j, "most") && self.is(j + 1, "recent") {
            latest = true;
            j += if self.is(j, "most") { 2 } else { 1 };
        }
        // an ordinal quarter: "third quarter", "third-quarter"
        let ordinal = self.num_words(j).filter(|n| n.2 && (1..=4).contains(&n.1));
        let (k, n) = match ordinal {
            Some((k, n, _)) if self.is_dash(k) && self.is(k + 1, "quarter") => (k + 1, Some(n)),
            Some((k, n, _)) => (k, Some(n)),
            None => (j, None),
        };
        // "the quarter a year ago", "the corresponding period last year"
        let back = (self.quarterly && !year_ago && year.is_none() && !latest)
            .then(|| self.year_back(k + 1))
            .flatten();
        let noun = match self.word(k)? {
            "quarter" => true,
            "period" if year_ago || latest || year.is_some() || (compared && back.is_some()) => {
                false
            }
            _ => return None,
        };
        if self.is(k + 1, "of") || (self.is_dash(k + 1) && self.att(k + 1)) {
            return None;
        }
        if let Some(y) = year.filter(|_| n.is_none() && self.longer_span(i)) {
            // "in the first nine months ... the 1988 period": the year
            return Some((
                k + 1,
                Node::Cal(Cal {
                    yr: super::Yr::Abs(y),
                    what: What::Year,
                }),
            ));
        }
        let end = back.unwrap_or(k + 1);
        year_ago |= back.is_some();
        let plain = !year_ago && !latest && year.is_none();
        if plain && (n.is_some() || !noun || !self.quarterly) {
            // "the third quarter" is read elsewhere; "the quarter" only in a
            // results story
            return None;
        }
        let base = match (n, year) {
            (Some(n), Some(y)) => Node::Cal(Cal {
                yr: Yr::Abs(y),
                what: What::Quarter(n as u8),
            }),
            (Some(n), None) => Node::Cal(Cal {
                yr: Yr::Infer,
                what: What::Quarter(n as u8),
            }),
            (None, y) => Node::Reported { year: y },
        };
        let node = if year_ago {
            Node::YearBefore(Box::new(base))
        } else {
            base
        };
        Some((end, node))
    }

    /// "a year ago", "a year earlier", "last year" after a quarter or period: the
    /// token after them.
    fn year_back(&self, j: usize) -> Option<usize> {
        if self.is(j, "a") && self.is(j + 1, "year") && self.is_any(j + 2, &["ago", "earlier"]) {
            return Some(j + 3);
        }
        (self.is(j, "last") && self.is(j + 1, "year")).then_some(j + 2)
    }

    /// "this year's third quarter", "next year's first quarter", "last year's
    /// fourth-quarter": that quarter of that year.
    fn years_quarter(&self, i: usize) -> R {
        let (k, off) = self.year_offset(i)?;
        if !(self.is_apos(k) && self.is(k + 1, "s")) {
            return None;
        }
        let (k, n, true) = self.num_words(k + 2)? else {
            return None;
        };
        if !(1..=4).contains(&n) {
            return None;
        }
        let k = if self.is_dash(k) { k + 1 } else { k };
        self.is(k, "quarter").then_some((
            k + 1,
            Node::Cal(Cal {
                yr: Yr::Offset(off),
                what: What::Quarter(n as u8),
            }),
        ))
    }

    /// "for the year", "for the fiscal year", "the full year" in a results story: the year of
    /// publication, the one whose results are told ("revenue over the full
    /// year climbed").
    fn results_year(&self, i: usize) -> R {
        if !self.quarterly || !self.is_the(i) {
            return None;
        }
        // "the full year" anywhere; "for the year", "for the fiscal year"
        let after_for = self.prev_word(i) == Some("for");
        let e = match self.word(i + 1)? {
            "full" if self.is(i + 2, "year") => i + 3,
            "fiscal" if after_for && self.is(i + 2, "year") => i + 3,
            "year" if after_for => i + 2,
            _ => return None,
        };
        // "the year before", "the year of the merger", "the year-ago period"
        if self.is_any(
            e,
            &[
                "before", "after", "ahead", "of", "ago", "earlier", "to", "since",
            ],
        ) || self.is_dash(e)
            || self.num(e).is_some()
        {
            return None;
        }
        Some((
            e,
            Node::RelPeriod {
                unit: super::Unit::Year,
                k: 0,
            },
        ))
    }

    /// "last year's quarter", "last year's period" in a results story: the
    /// year-ago quarter.
    fn last_years_quarter(&self, i: usize) -> R {
        if !(self.quarterly && self.is(i, "last") && self.is(i + 1, "year") && self.is_apos(i + 2))
        {
            return None;
        }
        let k = if self.is(i + 3, "s") { i + 4 } else { i + 3 };
        self.is_any(k, &["quarter", "period"]).then_some((
            k + 1,
            Node::YearBefore(Box::new(Node::Reported { year: None })),
        ))
    }

    /// "last year" as the base of a results story's comparison: "compared with
    /// a loss of $3 million last year", "up from last year's $1.55 billion",
    /// "last year's results": the year-ago quarter, as "a year ago" there (the
    /// year before when the sentence speaks of nine months or a half). A "last
    /// year" that is no comparison base ("the group earned $5 billion last year")
    /// stays the year.
    pub(in crate::extract::date) fn results_last_year(&self, i: usize) -> R {
        if !(self.quarterly && self.is(i, "last") && self.is(i + 1, "year")) || self.longer_span(i)
        {
            return None;
        }
        let e = i + 2;
        let possessive_base = self.is_apos(e)
            && self.is(e + 1, "s")
            && (self.is_p(e + 2, '$')
                || self.num(e + 2).is_some()
                || self.is_any(e + 2, RESULT_NOUNS));
        // a figure just before, and a comparison word before that in the clause
        let figure_before = i >= 1
            && (self.num(i - 1).is_some() || self.is_any(i - 1, FIGURE_WORDS))
            && (i.saturating_sub(10)..i - 1).any(|j| {
                self.same_sentence(j, i)
                    && self.is_any(j, &["compared", "from", "than", "versus", "vs"])
            });
        (possessive_base || figure_before).then_some((e, Node::YearAgo))
    }

    /// "year-ago", "year-earlier", "year ago": the token after it.
    fn year_ago_word(&self, j: usize) -> Option<usize> {
        if !self.is(j, "year") {
            return None;
        }
        let k = if self.is_dash(j + 1) { j + 2 } else { j + 1 };
        self.is_any(k, &["ago", "earlier"]).then_some(k + 1)
    }

    /// "fiscal 1989", "fiscal year 1989", "fiscal 1989's": that year; "the current
    /// fiscal year", "this fiscal year": the year of publication.
    fn fiscal(&self, i: usize) -> R {
        let c = if self.is_the(i) && self.is(i + 1, "current") {
            i + 1
        } else {
            i
        };
        if self.is_any(c, &["current", "this"])
            && self.is(c + 1, "fiscal")
            && self.is(c + 2, "year")
        {
            // "the current fiscal year": the year of publication
            return Some((
                c + 3,
                Node::RelPeriod {
                    unit: super::Unit::Year,
                    k: 0,
                },
            ));
        }
        if !self.is(i, "fiscal") {
            return None;
        }
        let j = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
        self.num(j)?;
        let (e, y) = self.year_at(j)?;
        Some((
            e,
            Node::Cal(Cal {
                yr: Yr::Abs(y),
                what: What::Year,
            }),
        ))
    }

    /// "a year earlier" as a comparison base ("than a year earlier", "from a year
    /// earlier") or in a results story, resolved like "a year ago"; and "year-ago" /
    /// "year-earlier" before a noun ("year-ago results"), the same: the year-ago
    /// quarter in a results story, else the year before publication. ("a year earlier" in a narrative counts from another event, and
    /// is left alone.)
    fn year_ago(&self, i: usize) -> R {
        if self.is(i, "a") && self.is(i + 1, "year") && self.is(i + 2, "earlier") {
            let base = self
                .prev_word(i)
                .is_some_and(|p| matches!(p, "than" | "from" | "over" | "with" | "versus" | "vs"));
            return (base || self.quarterly).then_some((i + 3, self.year_ago_node(i)));
        }
        let k = self.year_ago_word(i)?;
        (self.is_dash(i + 1)).then_some((k, self.year_ago_node(i)))
    }
}

/// Prepositions before "year-end" that make it a date (sorted).
const YEAR_END_PREPS: &[&str] = &[
    "after", "around", "at", "before", "by", "near", "since", "through", "till", "until",
];

/// Nouns after "last year's" that make it a results story's comparison base.
const RESULT_NOUNS: &[&str] = &[
    "earnings", "income", "loss", "net", "profit", "results", "revenue", "sales",
];

/// Words that end a figure ("$3 million", "51 cents a share").
const FIGURE_WORDS: &[&str] = &["billion", "cents", "million", "share", "trillion"];

#[cfg(test)]
mod tests {
    use super::{by_search, quarterly, reported_quarter};

    /// Pieces of a results story and its near misses, in our own words.
    const PIECES: &[&str] = &[
        "the quarter",
        "third quarter",
        "third-quarter",
        "fourth  quarter",
        "first quarter",
        "second-quarter",
        "headquarters",
        "the headquarter",
        "latest quarter",
        "fiscal first quarter",
        "thirdquarter",
        "xfirst quarter",
        "1first quarter",
        "-second quarter",
        "quarter",
        "net income",
        "a share",
        "profit",
        "sales",
        "earnings",
        "revenue",
        " ",
        "-",
        "\n\n",
        "fourth",
        "é quarter",
        "the",
    ];

    fn check(low: &str) {
        assert_eq!(quarterly(low), by_search::quarterly(low), "{low:?}");
        assert_eq!(
            reported_quarter(low),
            by_search::reported_quarter(low),
            "{low:?}"
        );
    }

    #[test]
    fn one_search_for_quarter_reads_as_a_search_per_form() {
        for a in PIECES {
            check(a);
            for b in PIECES {
                check(&format!("{a}{b}"));
                check(&format!("{a} {b}"));
            }
        }
        // seeded mixes of the pieces
        let mut seed = crate::seeded::Seeded(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed.0 % 12) {
                text.push_str(PIECES[seed.below(PIECES.len())]);
            }
            check(&text);
            seed.0 = seed.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
    }
}
