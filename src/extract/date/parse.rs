//! The date grammar: tokens to syntax trees ([`Node`]), no calendar arithmetic.
//!
//! Every rule is a method `fn rule(&self, i) -> Option<(end, Node)>` that tries to read
//! an expression starting at token `i` and returns the index one past its last token.
//! [`Parser::top`] returns the longest reading at a token; the caller picks a
//! non-overlapping set over the whole text.
//!
//! Rules that would fire on ordinary words or numbers ("may", "March", "2012", "3/4",
//! "Sat") demand context: a preposition before them, a day or year next to them, or
//! the expression standing alone in its sentence (a heading or listing entry).

use std::cell::{Cell, OnceCell};
use std::sync::LazyLock;

use jiff::civil::Weekday;

use super::Bound;
use super::lex::{self, Kind, Tok, WdForm};
use super::lunar::{Islamic, Jewish};

mod news;

pub(in crate::extract::date) use news::quarterly as news_quarterly;
pub(in crate::extract::date) use news::reported_quarter as news_reported_quarter;

/// A calendar unit used by relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

/// A meteorological season (northern hemisphere).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// A holiday's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holiday {
    /// Same day every year.
    Fixed(u8, u8),
    /// Days after (Western) Easter Sunday.
    Easter(i16),
    /// Days after Orthodox Easter Sunday.
    Orthodox(i16),
    /// The `n`th (negative: from the end) weekday of a month, plus days.
    Nth(u8, i8, Weekday, i8),
    /// A fixed day moved when it falls on a weekend: (month, day, days to move on a
    /// Saturday, days to move on a Sunday).
    Observed(u8, u8, i8, i8),
    /// A period of days after (Western) Easter Sunday, both ends inclusive.
    EasterSpan(i16, i16),
    /// A period of days after Orthodox Easter Sunday, both ends inclusive.
    OrthodoxSpan(i16, i16),
    /// A Jewish holiday (Hebrew calendar, from its eve).
    Jewish(Jewish),
    /// An Islamic holiday (Umm al-Qura calendar).
    Islamic(Islamic),
    /// Chinese (lunar) New Year.
    ChineseNewYear,
}

/// What part of a year a calendar expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum What {
    Year,
    Month(u8),
    Day(u8, u8),
    /// A day of an unnamed month ("the 15th"); only resolvable against a date.
    DayOnly(u8),
    Quarter(u8),
    Half(u8),
    Season(Season),
    Holiday(Holiday),
}

/// Which occurrence of a yearly thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rel {
    Last,
    This,
    Next,
}

/// How a calendar expression's year is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Yr {
    /// Left out: inferred from publication and tense.
    Infer,
    /// Written.
    Abs(i32),
    /// Publication year plus this ("of next year").
    Offset(i32),
    /// The last, this or next occurrence ("last March", "next Christmas").
    Occ(Rel),
}

/// A calendar expression: a year (or a way to find it) and a part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cal {
    pub yr: Yr,
    pub what: What,
}

/// How a bare weekday relates to publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WdRel {
    /// "Wednesday", "on Wednesday": direction from tense.
    Plain,
    /// "this Wednesday": direction from tense.
    This,
    /// "next Wednesday": Wednesday of next week.
    Next,
    /// "last Wednesday": Wednesday of last week.
    Last,
    /// "this past Wednesday": the latest strictly before publication.
    Past,
    /// "this coming Wednesday": the first strictly after publication.
    Coming,
    /// "Wednesday after next": a week after the coming one.
    AfterNext,
    /// "Wednesday of next week": in the week this many weeks from publication's.
    Week(i32),
    /// "3 fridays from now" (+3), "2 thursdays ago" (-2).
    Count(i32),
}

/// A part selected inside a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sel {
    Early,
    Mid,
    Late,
    Half(u8),
    Quarter(u8),
}

/// A date expression before calendar arithmetic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Node {
    Cal(Cal),
    /// First year of a decade.
    Decade(i32),
    /// First year of a century (the 15th century: 1400).
    Century(i32),
    /// Days from publication: today 0, yesterday -1.
    RelDay(i32),
    /// `n` units after `base` (negative: before).
    Shift {
        n: i32,
        unit: Unit,
        base: Box<Node>,
    },
    /// "in two weeks": `n` units after publication, only in a future clause.
    InFuture {
        n: i32,
        unit: Unit,
    },
    /// The unit containing publication, shifted by `k` ("last week": -1).
    RelPeriod {
        unit: Unit,
        k: i32,
    },
    /// From the start of the current unit to publication ("earlier this year").
    ToDate(Unit),
    /// From publication to the end of the current unit ("later this month").
    RestOf(Unit),
    /// The `n` whole units before the current one ("the past two weeks").
    LastN {
        unit: Unit,
        n: i32,
    },
    /// The `n` whole units after the current one ("the next three months").
    NextN {
        unit: Unit,
        n: i32,
    },
    Wd {
        wd: Weekday,
        rel: WdRel,
    },
    /// A weekday and a day of an unnamed month ("Tuesday the 19th").
    WdDay {
        wd: Weekday,
        day: u8,
    },
    /// The `n`th (negative: from the end) weekday of a month.
    NthWd {
        n: i8,
        wd: Weekday,
        of: Box<Node>,
    },
    /// Day `day` (0: the last day) of a month or year.
    DayOf {
        day: u8,
        of: Box<Node>,
    },
    Part {
        sel: Sel,
        of: Box<Node>,
    },
    /// The `n`th Monday–Sunday week of a month or year, counted like ISO weeks: the
    /// first week is the one holding the period's first Thursday (its 4th day), the
    /// last the one holding its last Thursday; negative `n` counts from the end.
    NthWeek {
        n: i8,
        of: Box<Node>,
    },
    /// The Monday–Sunday week containing a day ("the week of December 1").
    WeekOf(Box<Node>),
    /// The first or last `n` units of a period ("the first ten days of 2025").
    Edge {
        first: bool,
        n: i32,
        unit: Unit,
        of: Box<Node>,
    },
    /// Month `m` of a year ("the third month of 2021").
    MonthOf {
        m: u8,
        of: Box<Node>,
    },
    /// "the weekend": the latest in a past clause, the coming one in a future clause.
    Weekend,
    /// "the coming weekend", "this coming weekend": the first weekend after
    /// publication, whatever the tense.
    ComingWeekend,
    /// "the past week", "this past week": the Monday–Sunday week before
    /// publication's, or, on a Sunday, the week ending that day.
    PastWeek,
    /// `n` units from the start of `from` ("two weeks starting Monday").
    Spanning {
        n: i32,
        unit: Unit,
        from: Box<Node>,
    },
    Range(Box<Node>, Box<Node>),
    /// A vague reference to the present, the past or the future ("now",
    /// "recently", "the future"): anchored at publication, never exact.
    Vague(Vague),
    /// The same period a year before ("the year-ago third quarter").
    YearBefore(Box<Node>),
    /// The latest quarter completed before publication, the one a results story
    /// reports ("the quarter", "the latest quarter"), in `year` when written ("the
    /// 1988 quarter").
    Reported {
        year: Option<i32>,
    },
    /// "a year ago", "a year earlier", "year-ago": the year before publication, or,
    /// in a story reporting a quarter's results, the year-ago quarter.
    YearAgo,
    /// The trading week a market report sums up ("for the week"): the week of
    /// publication from Friday to Sunday, else the week before.
    TradingWeek,
    /// A period told from the passage's own time ("that year", "the following
    /// month", "the next day", "the previous Friday"): the `unit` holding the
    /// `anchor` shifted by `k` units, or with `wd` the weekday just after (`k` 1)
    /// or before (-1) it. The anchor is the last date the passage wrote; the
    /// passage sets it, and without one the reference is no date.
    Anaphora {
        unit: Unit,
        k: i8,
        wd: Option<Weekday>,
        anchor: Option<jiff::civil::Date>,
    },
}

/// Which way a vague reference points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Vague {
    /// "now", "currently", "these days".
    Present,
    /// "recently", "previously", "in the past", "years ago".
    Past,
    /// "soon", "the future", "in coming months".
    Future,
}

/// The longest reading found at a token.
#[derive(Clone, Debug)]
pub(super) struct Parsed {
    /// First token of the whole expression, bound word included.
    pub start: usize,
    /// One past the last token of the whole expression.
    pub end: usize,
    /// First and one-past-last token of the date itself (bound word excluded).
    pub date_start: usize,
    pub date_end: usize,
    pub node: Node,
    /// A weekday written with an explicit date, and its token.
    pub wd: Option<(Weekday, usize)>,
    pub bound: Option<Bound>,
}

type R = Option<(usize, Node)>;

/// Words that may surround an expression that stands alone ("on the 15th").
const FILLER: &[&str] = &[
    "a", "about", "after", "around", "at", "before", "by", "during", "for", "from", "in", "of",
    "on", "since", "the", "till", "until",
];

/// Words after which a bare four-digit number is read as a year.
const YEAR_PREPS: &[&str] = &[
    "after",
    "before",
    "between",
    "by",
    "circa",
    "during",
    "for",
    "from",
    "in",
    "into",
    "since",
    "through",
    "throughout",
    "till",
    "until",
    "versus",
    "vs",
    "within",
    "year",
];

/// What is decided or befalls, once it has a day to name it by ("Monday's
/// ruling").
const DONE_EVENTS: &[&str] = &[
    "announcement",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "crash",
    "decision",
    "explosion",
    "killing",
    "killings",
    "resignation",
    "ruling",
    "shooting",
    "verdict",
];

/// Events held on a schedule (a meeting, a vote), not ones that befall.
const SCHEDULED_EVENTS: &[&str] = &[
    "caucus",
    "caucuses",
    "conference",
    "convention",
    "debate",
    "election",
    "hearing",
    "meeting",
    "primaries",
    "primary",
    "rally",
    "session",
    "summit",
    "talks",
    "trial",
    "vote",
];

/// Auxiliaries before a passive participle in a main clause ("was approved by
/// the board"); sorted.
const PASSIVE_AUXILIARIES: &[&str] = &[
    "are", "be", "been", "being", "get", "got", "had", "has", "have", "is", "was", "were",
];

/// Verbs of a scheduled event in the simple present, which news copy uses for what
/// is to come ("the two leaders meet Monday", "the trial opens Tuesday"); sorted.
/// Forms that are often nouns before a weekday ("the final debate Saturday", "a
/// strong start Monday", "the vote Tuesday") are left out.
const SCHEDULED_PRESENT: &[&str] = &[
    "arrive", "arrives", "begin", "begins", "convene", "convenes", "depart", "departs", "leaves",
    "meet", "meets", "opens", "resume", "resumes", "starts", "travels",
];

/// Nouns of a period's figures that a year may qualify, plural or not ("its 1989
/// results", "the 1990 earnings"); sorted.
const YEAR_RESULT_NOUNS: &[&str] = &[
    "earnings", "losses", "profit", "profits", "results", "revenue", "revenues", "sales",
];

/// Nouns before "of" that make a following number a year ("the class of 2012").
const OF_NOUNS: &[&str] = &[
    "act",
    "budget",
    "census",
    "class",
    "crisis",
    "cup",
    "election",
    "elections",
    "events",
    "games",
    "law",
    "month",
    "months",
    "olympics",
    "part",
    "parts",
    "revolution",
    "summit",
    "war",
];

/// Plural nouns that count what follows "of" ("thousands of 2000", "batches of
/// 1500"): the number after them is a quantity, not a year. Sorted.
const QUANTITY_PLURALS: &[&str] = &[
    "batches",
    "billions",
    "bundles",
    "crowds",
    "dozens",
    "groups",
    "hundreds",
    "lots",
    "millions",
    "numbers",
    "pairs",
    "rows",
    "scores",
    "series",
    "sets",
    "thousands",
    "tonnes",
    "tons",
    "totals",
    "units",
];

/// Nouns after "the YYYY" that make it a year ("the 2008 war").
const EVENT_NOUNS: &[&str] = &[
    "accord",
    "act",
    "agreement",
    "annexation",
    "attack",
    "attacks",
    "autumn",
    "bombing",
    "bombings",
    "budget",
    "campaign",
    "ceasefire",
    "census",
    "championship",
    "championships",
    "coup",
    "crisis",
    "cup",
    "data",
    "deal",
    "debate",
    "earthquake",
    "edition",
    "election",
    "elections",
    "fall",
    "figure",
    "figures",
    "final",
    "finals",
    "financial",
    "flood",
    "floods",
    "games",
    "general",
    "global",
    "invasion",
    "law",
    "level",
    "levels",
    "massacre",
    "midterm",
    "midterms",
    "olympic",
    "olympics",
    "pandemic",
    "parliamentary",
    "poll",
    "polls",
    "presidential",
    "primaries",
    "primary",
    "protests",
    "race",
    "recession",
    "referendum",
    "report",
    "revolution",
    "season",
    "spring",
    "study",
    "summer",
    "summit",
    "survey",
    "tournament",
    "treaty",
    "tsunami",
    "uprising",
    "vote",
    "war",
    "winter",
    "world",
];

/// Words after a number that make it a count, not a year or day.
const COUNT_NOUNS: &[&str] = &[
    "billion",
    "bn",
    "children",
    "cm",
    "degrees",
    "feet",
    "foot",
    "ft",
    "hundred",
    "k",
    "kg",
    "km",
    "lb",
    "lbs",
    "m",
    "men",
    "million",
    "mm",
    "mn",
    "mph",
    "people",
    "per",
    "percent",
    "personnel",
    "police",
    "staff",
    "thousand",
    "trillion",
    "women",
];

/// Words ending in "s" that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "across",
    "afterwards",
    "always",
    "as",
    "attacks",
    "besides",
    "bombings",
    "championships",
    "does",
    "elections",
    "events",
    "figures",
    "finals",
    "floods",
    "games",
    "goes",
    "has",
    "hers",
    "his",
    "is",
    "its",
    "less",
    "levels",
    "midterms",
    "nevertheless",
    "news",
    "olympics",
    "onwards",
    "ours",
    "perhaps",
    "plus",
    "polls",
    "primaries",
    "protests",
    "regardless",
    "says",
    "sometimes",
    "theirs",
    "thereafter",
    "this",
    "thus",
    "towards",
    "unless",
    "us",
    "versus",
    "was",
    "whereas",
    "yes",
    "yours",
];

/// Words that mark a sentence as a sports report.
const SPORTS: &[&str] = &[
    "basket",
    "baskets",
    "coach",
    "defender",
    "game",
    "goal",
    "goalkeeper",
    "goals",
    "halftime",
    "inning",
    "innings",
    "kick",
    "match",
    "minute",
    "minutes",
    "penalty",
    "playoff",
    "playoffs",
    "points",
    "quarterback",
    "rebounds",
    "referee",
    "scored",
    "scoring",
    "striker",
    "touchdown",
    "touchdowns",
    "yards",
];

/// Determiners and possessives before a year or month used as an adjective.
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "that", "the", "their", "this", "whose",
];

/// Words that, written before a weekday, make it part of a name ("Bloody Sunday").
const WD_COLLOCATIONS: &[&str] = &[
    "ash",
    "black",
    "bloody",
    "blue",
    "branch",
    "casual",
    "clean",
    "covenant",
    "cyber",
    "derby",
    "divine",
    "easter",
    "giving",
    "good",
    "great",
    "holy",
    "lazarus",
    "low",
    "mad",
    "manic",
    "maundy",
    "mercy",
    "orthodox",
    "palm",
    "shrove",
    "small",
    "super",
    "throwback",
    "travel",
    "trinity",
    "whit",
    "white",
];

/// Abbreviations that end with a period that does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "ave", "blvd", "capt", "cmdr", "co", "col", "corp", "dept", "dr", "est",
    "etc", "fig", "ft", "gen", "gov", "gov't", "inc", "jr", "lt", "ltd", "mr", "mrs", "ms", "mt",
    "no", "pres", "prof", "rd", "rep", "sec", "sen", "sgt", "sr", "st", "univ", "vs",
];

/// Whether a sorted word table holds `w`.
fn has(table: &[&str], w: &str) -> bool {
    table.binary_search(&w).is_ok()
}

fn season_word(w: &str) -> Option<Season> {
    Some(match w {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Autumn,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A unit word: (unit, plural, how many units it stands for).
fn unit_word(w: &str) -> Option<(Unit, bool, i32)> {
    Some(match w {
        "day" => (Unit::Day, false, 1),
        "days" => (Unit::Day, true, 1),
        "week" | "wk" | "workweek" => (Unit::Week, false, 1),
        "weeks" | "wks" => (Unit::Week, true, 1),
        "fortnight" => (Unit::Week, false, 2),
        "fortnights" => (Unit::Week, true, 2),
        "weekend" => (Unit::Weekend, false, 1),
        "weekends" => (Unit::Weekend, true, 1),
        "month" => (Unit::Month, false, 1),
        "months" => (Unit::Month, true, 1),
        "quarter" | "qtr" => (Unit::Quarter, false, 1),
        "quarters" | "qtrs" => (Unit::Quarter, true, 1),
        "year" | "yr" => (Unit::Year, false, 1),
        "years" | "yrs" => (Unit::Year, true, 1),
        "decade" => (Unit::Year, false, 10),
        "decades" => (Unit::Year, true, 10),
        _ => return None,
    })
}

/// A unit word standing for exactly one unit.
fn unit1(w: &str) -> Option<(Unit, bool)> {
    unit_word(w).and_then(|(u, p, k)| (k == 1).then_some((u, p)))
}

/// The grammar over one text's tokens.
pub(super) struct Parser<'a> {
    toks: &'a [Tok],
    low: &'a str,
    caseless: bool,
    /// Publication year, for two-digit years.
    pub_year: Option<i32>,
    /// Sentence number of each token.
    sent: Vec<u32>,
    /// Token range of each sentence.
    sent_range: Vec<(usize, usize)>,
    /// Prefix counts of content tokens (numbers and words other than [`FILLER`]).
    content: Vec<u32>,
    /// Word classes of each token, looked up once.
    info: Vec<Info>,
    /// Each token's lowercase word (`None` for numbers and punctuation), sliced
    /// once: every rule asks for the words around it.
    words: Vec<Option<&'a str>>,
    /// The text reports a quarter's results (see [`news::quarterly`]).
    quarterly: bool,
    /// The quarter (1..=4) a results story names most (see [`news::reported_quarter`]).
    reported: Option<u8>,
    /// Per token, [`Parser::atom_wd`]'s reading once read: a pure function of the
    /// token, asked for again by every range side and bound word that reaches it.
    atom_wd_memo: Vec<OnceCell<Option<Parsed>>>,
    /// Per token, [`Parser::range`]'s reading once read.
    range_memo: Vec<OnceCell<Option<Parsed>>>,
    /// Per token, [`Parser::cue`] once read. Every date's tense is read from the
    /// cues around it, so the words of one sentence are asked again for each
    /// date in it.
    cue_memo: TenseMemo,
    /// Per token, [`Parser::tense_of_sentence`] once read (asked up to three
    /// times for one date).
    sentence_tense_memo: TenseMemo,
    /// Whether the memos are used: always, but in a test that turns the gates
    /// off, which reads every token afresh to check them.
    memo: bool,
}

/// What a word token can be, looked up once per token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Info {
    /// Month 1..=12, 0 if none.
    month: u8,
    month_abbr: bool,
    weekday: Option<(Weekday, WdForm)>,
    /// Value of an ordinal word ("third"), 0 if none.
    ord: u8,
    /// Value + 1 of a number word 0..=19, 0 if none.
    unit: u8,
    /// Value of "twenty" .. "ninety", 0 if none.
    tens: u8,
    /// An expression may start here.
    start: bool,
    /// One of the [`FILLER`] words.
    filler: bool,
    /// A word of date meaning, the date gate's mark (see `gate`).
    mark: bool,
    /// One of the [`HOLIDAY_STARTS`] words.
    holiday_start: bool,
    /// The word "the", which most rules may begin with.
    the: bool,
    /// Which of the rules in [`LEADS`] the word may begin (one bit each).
    leads: u8,
}

/// [`Parser::rel_simple`] may begin here.
const LEAD_SIMPLE: u8 = 1;
/// [`Parser::rel_period`] may begin here.
const LEAD_PERIOD: u8 = 1 << 1;
/// [`Parser::rel_weekday`] may begin here (besides at a weekday).
const LEAD_WEEKDAY: u8 = 1 << 2;
/// [`Parser::part`] may begin here.
const LEAD_PART: u8 = 1 << 3;
/// [`Parser::week_of`] may begin here.
const LEAD_WEEK_OF: u8 = 1 << 4;
/// [`Parser::quarter_half`] may begin here (besides at a number or number word).
const LEAD_QUARTER: u8 = 1 << 5;
/// One of the news forms may begin here (besides at a month).
const LEAD_NEWS: u8 = 1 << 6;

/// The words each of [`Parser::atom`]'s word-led rules may begin with: the
/// first word each reads (at the token, or after a "the"). A word of no list
/// begins none of them, so they are not tried there.
const LEADS: &[(u8, &[&str])] = &[
    (
        LEAD_SIMPLE,
        &[
            "the",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "this",
            "last",
            "earlier",
            "later",
            "so",
            "year",
            "day",
            "rest",
        ],
    ),
    (
        LEAD_PERIOD,
        &[
            "the", "this", "current", "last", "past", "previous", "next", "coming", "upcoming",
        ],
    ),
    (
        LEAD_WEEKDAY,
        &[
            "the", "this", "current", "last", "past", "previous", "next", "coming", "upcoming",
        ],
    ),
    (
        LEAD_PART,
        &[
            "the",
            "eom",
            "eoy",
            "bom",
            "early",
            "late",
            "mid",
            "beginning",
            "start",
            "middle",
            "end",
            "close",
        ],
    ),
    (LEAD_WEEK_OF, &["the", "week"]),
    (LEAD_QUARTER, &["the", "q", "h", "final", "last", "latter"]),
    (
        LEAD_NEWS,
        &[
            // vague
            "now",
            "currently",
            "presently",
            "nowadays",
            "right",
            "current",
            "these",
            "recently",
            "lately",
            "more",
            "recent",
            "coming",
            "years",
            "decades",
            "few",
            "many",
            "several",
            "some",
            "a",
            "the",
            // a year's quarter, fiscal years, year-ago, year-end, anaphora
            "this",
            "last",
            "past",
            "next",
            "fiscal",
            "year",
            "yearend",
            "later",
            "earlier",
            "that",
        ],
    ),
];

/// The [`LEADS`] bits of a lowercase word.
fn leads_of(w: &str) -> u8 {
    LEADS
        .iter()
        .filter(|(_, words)| words.contains(&w))
        .fold(0, |bits, (bit, _)| bits | bit)
}

/// The seasons [`season_word`] reads.
const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

/// Every word with an [`Info`] of its own (every other word has the default one),
/// so each token costs one hash lookup.
static WORD_INFO: LazyLock<lex::FnvMap<&'static str, Info>> = LazyLock::new(|| {
    let listed = lex::table_words()
        .chain(START_WORDS.iter().copied())
        .chain(HOLIDAY_STARTS.iter().copied())
        .chain(SEASONS.iter().copied())
        .chain(FILLER.iter().copied())
        .chain(LEADS.iter().flat_map(|(_, words)| words.iter().copied()))
        .chain(super::gate::date_words());
    listed.map(|w| (w, word_info(w))).collect()
});

/// [`word_info`] of a lowercase word, with one lookup.
fn info_of(w: &str) -> Info {
    WORD_INFO.get(w).copied().unwrap_or_default()
}

fn word_info(w: &str) -> Info {
    let l = lex::lexeme(w).copied().unwrap_or_default();
    let (month, month_abbr) = l.month.unwrap_or((0, false));
    let weekday = l.weekday;
    let ord = l.ordinal.unwrap_or(0) as u8;
    let unit = l.unit_number.map_or(0, |u| u as u8 + 1);
    let tens = l.tens.unwrap_or(0) as u8;
    let start = month > 0
        || weekday.is_some()
        || ord > 0
        || unit > 0
        || tens > 0
        || l.weekday_plural.is_some()
        || season_word(w).is_some()
        || has(HOLIDAY_STARTS, w)
        || has(START_WORDS, w);
    Info {
        month,
        month_abbr,
        weekday,
        ord,
        unit,
        tens,
        start,
        filler: has(FILLER, w),
        mark: super::gate::date_word(w),
        holiday_start: has(HOLIDAY_STARTS, w),
        the: w == "the",
        leads: leads_of(w),
    }
}

/// The [`Info`] of each token of `toks`, read from `low` (one lookup per word).
pub(super) fn word_infos(toks: &[Tok], low: &str) -> Vec<Info> {
    toks.iter()
        .map(|t| match t.kind {
            Kind::Word => info_of(&low[t.s..t.e]),
            _ => Info::default(),
        })
        .collect()
}

/// Whether token `t`, of information `info`, can stand inside a date, as the date
/// gate reads it: a run of digits, a word of date meaning, or a word with letters
/// beyond ASCII.
pub(super) fn marks_a_date(t: &Tok, info: &Info, low: &str) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => info.mark || !low[t.s..t.e].is_ascii(),
    }
}

/// What token `i` of a text can begin, read once per [`Parser::atom`]: each flag
/// is what a family of rules needs first (at `i`, or at `j`, the token after a
/// "the" at `i`, else `i` itself), so that a rule is tried only where it can
/// read something. In a test that turns the gates off every flag is set, and
/// tests compare that reading with this one.
#[derive(Debug, Default)]
struct Begins {
    /// A number at `i`.
    num: bool,
    /// A month name at `i`.
    month: bool,
    /// An apostrophe at `i` ("'90s").
    apos: bool,
    /// "the" at `i`.
    the: bool,
    /// "this", "last", "past", "previous", "next", "coming", "upcoming" at `i`.
    occurrence: bool,
    /// A day at `i` or `j`: a month at `i`, a number or number word at `i` or `j`.
    day: bool,
    /// A year at `i`: "the", "calendar", "year", a number, an apostrophe, a
    /// number word.
    year: bool,
    /// An ordinal (a number or number word) or "last" at `j`.
    ordinal: bool,
    /// A season at `i`, or after an occurrence word or "the".
    season: bool,
    /// A holiday's first word at `i`, or an occurrence word before one.
    holiday: bool,
    /// A count at `i`: a number, a number word, "a", "an", "couple".
    count: bool,
    /// "in" or "within" at `i`.
    in_within: bool,
    /// A direction ("last", "past", "previous", "next", "coming") or a count at `j`.
    last_next_n: bool,
    /// "first", "last" or "final" at `j`.
    edge: bool,
    /// A word of [`LEAD_SIMPLE`] at `i`.
    simple: bool,
    /// A word of [`LEAD_PERIOD`] at `i`.
    period: bool,
    /// A weekday or a word of [`LEAD_WEEKDAY`] at `i`.
    weekday: bool,
    /// A word of [`LEAD_PART`] at `i`.
    part: bool,
    /// A word of [`LEAD_WEEK_OF`] at `i`.
    week_of: bool,
    /// A number, a number word or a word of [`LEAD_QUARTER`] at `i`.
    quarter: bool,
    /// A month or a word of [`LEAD_NEWS`] at `i`.
    news: bool,
}

impl Begins {
    fn at(p: &Parser<'_>, i: usize) -> Begins {
        if !p.memo {
            return Begins::everything();
        }
        let j = p.skip_the(i);
        let info = |k: usize| p.info.get(k).copied().unwrap_or_default();
        let num = |k: usize| p.num(k).is_some();
        let number_word = |k: usize| {
            let n = info(k);
            n.tens > 0 || n.ord > 0 || n.unit > 0
        };
        let w = p.word(i);
        let wj = p.word(j);
        let counted =
            |k: usize| num(k) || number_word(k) || matches!(p.word(k), Some("a" | "an" | "couple"));
        let occurrence = p.occurrence(i).is_some();
        let the = p.is_the(i);
        let apos = p.is_apos(i);
        let lead = |bit: u8| info(i).leads & bit != 0;
        Begins {
            num: num(i),
            month: info(i).month > 0,
            apos,
            the,
            occurrence,
            day: info(i).month > 0 || num(i) || number_word(i) || num(j) || number_word(j),
            year: the || matches!(w, Some("calendar" | "year")) || num(i) || apos || number_word(i),
            ordinal: num(j) || number_word(j) || wj == Some("last"),
            season: occurrence || the || w.is_some_and(|w| season_word(w).is_some()),
            holiday: occurrence || info(i).holiday_start,
            count: counted(i),
            in_within: matches!(w, Some("in" | "within")),
            last_next_n: matches!(wj, Some("last" | "past" | "previous" | "next" | "coming"))
                || counted(j),
            edge: matches!(wj, Some("first" | "last" | "final")),
            simple: lead(LEAD_SIMPLE),
            period: lead(LEAD_PERIOD),
            weekday: lead(LEAD_WEEKDAY) || info(i).weekday.is_some(),
            part: lead(LEAD_PART),
            week_of: lead(LEAD_WEEK_OF),
            quarter: lead(LEAD_QUARTER) || num(i) || number_word(i),
            news: lead(LEAD_NEWS) || info(i).month > 0,
        }
    }

    /// Every rule tried.
    fn everything() -> Begins {
        Begins {
            num: true,
            month: true,
            apos: true,
            the: true,
            occurrence: true,
            day: true,
            year: true,
            ordinal: true,
            season: true,
            holiday: true,
            count: true,
            in_within: true,
            last_next_n: true,
            edge: true,
            simple: true,
            period: true,
            weekday: true,
            part: true,
            week_of: true,
            quarter: true,
            news: true,
        }
    }
}

/// A tense (`Some(true)` ahead, `Some(false)` past, `None`) per token, each
/// read once: 0 not yet read, 1 none, 2 past, 3 ahead.
struct TenseMemo(Vec<Cell<u8>>);

impl TenseMemo {
    fn new(n: usize) -> Self {
        TenseMemo(vec![Cell::new(0); n])
    }

    /// The tense at token `j`, read with `read` the first time (and every time
    /// for a token past the end).
    fn get_or(&self, j: usize, read: impl FnOnce() -> Option<bool>) -> Option<bool> {
        let Some(cell) = self.0.get(j) else {
            return read();
        };
        match cell.get() {
            1 => None,
            2 => Some(false),
            3 => Some(true),
            _ => {
                let tense = read();
                cell.set(match tense {
                    None => 1,
                    Some(false) => 2,
                    Some(true) => 3,
                });
                tense
            }
        }
    }
}

fn longest(best: &mut R, cand: R) {
    if let Some((e, n)) = cand {
        match best {
            Some((be, _)) if *be >= e => {}
            _ => *best = Some((e, n)),
        }
    }
}

impl<'a> Parser<'a> {
    /// `low` is the ASCII-lowercased text the tokens were read from. `results`
    /// says whether the text belongs to a results story and which quarter it names
    /// most, when that was read from more text than the parser sees; else it is
    /// read from `low`. (The reader builds it with [`Parser::with_info`].)
    #[cfg(test)]
    pub fn new(
        toks: &'a [Tok],
        low: &'a str,
        caseless: bool,
        pub_year: Option<i32>,
        results: Option<(bool, Option<u8>)>,
    ) -> Self {
        let info = word_infos(toks, low);
        Self::with_info(toks, low, caseless, pub_year, results, info)
    }

    /// The grammar over one text's tokens, as `Parser::new` reads it, with the
    /// tokens' [`word_infos`] already looked up.
    pub(super) fn with_info(
        toks: &'a [Tok],
        low: &'a str,
        caseless: bool,
        pub_year: Option<i32>,
        results: Option<(bool, Option<u8>)>,
        info: Vec<Info>,
    ) -> Self {
        let (quarterly, reported) =
            results.unwrap_or_else(|| (news::quarterly(low), news::reported_quarter(low)));
        let mut p = Parser {
            toks,
            low,
            caseless,
            pub_year,
            sent: Vec::new(),
            sent_range: Vec::new(),
            content: Vec::new(),
            info,
            words: toks
                .iter()
                .map(|t| (t.kind == Kind::Word).then(|| &low[t.s..t.e]))
                .collect(),
            quarterly,
            reported,
            atom_wd_memo: std::iter::repeat_with(OnceCell::new)
                .take(toks.len())
                .collect(),
            range_memo: std::iter::repeat_with(OnceCell::new)
                .take(toks.len())
                .collect(),
            cue_memo: TenseMemo::new(toks.len()),
            sentence_tense_memo: TenseMemo::new(toks.len()),
            memo: !crate::extract::gate::off(),
        };
        // Sentence ids can skip (a full stop followed by a blank line ends the
        // sentence twice); `sent_range` is indexed by id, so make them dense.
        let raw = p.sentences();
        let mut id = 0u32;
        p.sent = raw
            .iter()
            .enumerate()
            .map(|(j, &r)| {
                if j > 0 && r != raw[j - 1] {
                    id += 1;
                }
                id
            })
            .collect();
        let mut start = 0;
        for j in 1..=toks.len() {
            if j == toks.len() || p.sent[j] != p.sent[j - 1] {
                p.sent_range.push((start, j));
                start = j;
            }
        }
        let mut content = Vec::with_capacity(toks.len() + 1);
        let mut n = 0u32;
        content.push(0);
        for (j, t) in toks.iter().enumerate() {
            let filler = match t.kind {
                Kind::Word => p.info[j].filler,
                Kind::Num => false,
                Kind::Punct => true,
            };
            n += u32::from(!filler);
            content.push(n);
        }
        p.content = content;
        p
    }

    /// A two-digit year: in the publication year's century when at most ten years
    /// after it, else in the century before ("'74" is 1974, "'24" 2024 when published
    /// in 2025). Without publication, 00–49 are 2000s and 50–99 1900s.
    fn pivot(&self, v: i32) -> i32 {
        match self.pub_year {
            Some(py) => {
                let century = py - py.rem_euclid(100);
                if v <= py.rem_euclid(100) + 10 {
                    century + v
                } else {
                    century - 100 + v
                }
            }
            None => {
                if v < 50 {
                    2000 + v
                } else {
                    1900 + v
                }
            }
        }
    }

    /// The text reports a quarter's results (see [`news::quarterly`]).
    pub fn quarterly(&self) -> bool {
        self.quarterly
    }

    /// The sentence number of token `i`.
    pub fn sentence_of(&self, i: usize) -> u32 {
        self.sent.get(i).copied().unwrap_or(u32::MAX)
    }

    /// Token `i` opens its sentence: only prepositions and punctuation before it
    /// ("In 2012, ...").
    pub fn opens_sentence(&self, i: usize) -> bool {
        let Some(&id) = self.sent.get(i) else {
            return false;
        };
        let (a, _) = self.sent_range[id as usize];
        self.content[i] == self.content[a]
    }

    pub fn tok(&self, i: usize) -> &Tok {
        &self.toks[i]
    }

    // ---- token helpers -------------------------------------------------------

    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.words.get(i).copied().flatten()
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i).is_some_and(|w| ws.contains(&w))
    }

    /// The sentence of token `i` reports a game ("scored in the second half"), where a
    /// yearless half or quarter is a period of play.
    fn sports(&self, i: usize) -> bool {
        let (a, b) = self.sent_range[self.sent[i] as usize];
        (a..b).any(|j| self.in_table(j, SPORTS))
    }

    /// The word at `i` is in a sorted table.
    fn in_table(&self, i: usize, table: &[&str]) -> bool {
        self.word(i).is_some_and(|w| has(table, w))
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num).then_some((t.val, t.digits))
    }

    fn punct(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Punct {
            char::from_u32(t.val)
        } else {
            None
        }
    }

    fn is_p(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—' | '‐' | '‑'))
    }

    fn is_apos(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('\'' | '’' | '‘'))
    }

    /// Token `i` exists and has no whitespace before it.
    fn att(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.sp)
    }

    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    fn prev_word(&self, i: usize) -> Option<&'a str> {
        if i == 0 { None } else { self.word(i - 1) }
    }

    fn skip_the(&self, i: usize) -> usize {
        if self.is_the(i) { i + 1 } else { i }
    }

    /// Token `i` is the word "the" (one flag, no comparison).
    fn is_the(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|n| n.the)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        a < self.sent.len() && b < self.sent.len() && self.sent[a] == self.sent[b]
    }

    // ---- sentences, context and tense ---------------------------------------

    fn sentences(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.toks.len());
        let mut id = 0u32;
        for (j, t) in self.toks.iter().enumerate() {
            if j > 0 && t.nl >= 2 {
                id += 1;
            }
            out.push(id);
            if t.kind == Kind::Punct && self.ends_sentence(j) {
                id += 1;
            }
        }
        out
    }

    fn ends_sentence(&self, j: usize) -> bool {
        match self.punct(j) {
            Some('!' | '?' | ';' | '…') => true,
            // a closing quote or bracket after a full stop: `the “permits.” In October`
            Some('”' | '"' | '’' | '\'' | ')')
                if j > 0
                    && self.att(j)
                    && matches!(self.punct(j - 1), Some('.' | '!' | '?'))
                    && !self.ends_sentence(j - 1) =>
            {
                match self.toks.get(j + 1) {
                    None => true,
                    Some(n) if !n.sp => false,
                    Some(n) => self.caseless || n.kind != Kind::Word || n.cap,
                }
            }
            Some('.') => {
                if j > 0
                    && self.att(j)
                    && let Some(w) = self.word(j - 1)
                    && (w.len() == 1
                        || has(ABBREVIATIONS, w)
                        || lex::month_word(w).is_some_and(|m| m.1)
                        || lex::weekday_word(w).is_some_and(|d| d.1 != WdForm::Full))
                {
                    return false;
                }
                match self.toks.get(j + 1) {
                    None => true,
                    Some(n) if !n.sp => false,
                    Some(n) => self.caseless || n.kind != Kind::Word || n.cap,
                }
            }
            _ => false,
        }
    }

    /// The expression `[s, e)` is the only content of its sentence (apart from
    /// prepositions and punctuation): a heading, a listing entry, a bare query.
    pub fn alone(&self, s: usize, e: usize) -> bool {
        if s >= self.toks.len() {
            return false;
        }
        let (a, b) = self.sent_range[self.sent[s] as usize];
        let e = e.clamp(s, b);
        let total = self.content[b] - self.content[a];
        let inside = self.content[e] - self.content[s];
        total == inside
    }

    /// Reads the tense of the clause around `[s, e)`.
    ///
    /// The nearest tense cue before the expression in the same clause wins (up to 12
    /// words back, further while a weak cue waits for its modal; a relative clause
    /// opened after a comma, ", where ...", starts the clause); without one, the
    /// nearest after it (up to 10 words, or the whole sentence for an expression
    /// that opens it). Future cues:
    /// will, 'll, shall, won't, "is/are to", due, set to, scheduled, expected, slated,
    /// plans/planning to, intends, aims, hopes, going to, upcoming, next, as soon /
    /// as early as, "until" after a deadline word (postponed, gave) — unless
    /// preceded by was/were/been/had ("was expected to"). Past cues: said, told,
    /// was, were, had, did, has, have, ago, verbs ending in -ed and common irregular
    /// past forms (not after is/are: "is heard" is a present passive). Without any cue, an expression standing alone reads as upcoming
    /// (a listing) and one inside a sentence as past (news reports what happened).
    ///
    /// Returns the cue: `Some(true)` future, `Some(false)` past, `None` when there
    /// is none (the caller then reads a lone expression as upcoming).
    pub fn tense(&self, s: usize, e: usize) -> Option<bool> {
        if s >= self.toks.len() {
            return None;
        }
        // the expression's own bound word: "postponed until Thursday"
        if self.is_any(s, &["until", "till", "through"]) && self.cue(s) == Some(true) {
            return Some(true);
        }
        self.tense_before(s)
            .or_else(|| self.tense_after(s, e))
            .or_else(|| self.tense_of_sentence(s).filter(|f| !f))
    }

    /// The nearest cue before token `s` in its clause (else the nearest after it)
    /// is "would", and the sentence tells something past before it ("said",
    /// "knew", "was"): a future seen from a past moment ("they knew what the
    /// results would be on Saturday").
    pub fn future_in_the_past(&self, s: usize) -> bool {
        let mut j = s;
        let mut words = 0;
        while j > 0 && words < 12 {
            j -= 1;
            if !self.same_sentence(j, s) {
                return false;
            }
            if self.cue(j).is_some() {
                return self.is(j, "would")
                    && (0..j).any(|k| self.same_sentence(k, j) && self.cue(k) == Some(false));
            }
            if self.toks[j].kind == Kind::Word {
                words += 1;
            }
        }
        // no cue before: "Rubio anticipated that a session on Monday would focus
        // on terrorism" (a past verb far before, "would" after)
        let past_before = (0..s).any(|k| self.same_sentence(k, s) && self.cue(k) == Some(false));
        let after = (s + 1..self.toks.len())
            .take_while(|&k| self.same_sentence(k, s))
            .filter(|&k| self.toks[k].kind == Kind::Word)
            .take(10)
            .find(|&k| self.cue(k).is_some());
        past_before && after.is_some_and(|k| self.is(k, "would"))
    }

    /// Before token `s` in its sentence, a reporting verb dated Sunday or today:
    /// "said Sunday on CNN that", "told reporters today".
    pub fn said_on_sunday_before(&self, s: usize) -> bool {
        (0..s).any(|j| {
            self.same_sentence(j, s)
                && self.is_any(j, &["said", "says", "told", "tells"])
                && (j + 1..(j + 4).min(s)).any(|k| self.is_any(k, &["sunday", "today"]))
        })
    }

    /// Token `i` is one of `words`.
    pub fn is_word_any(&self, i: usize, words: &[&str]) -> bool {
        self.is_any(i, words)
    }

    /// The expression ending before token `e` is a possessive ("this week's")
    /// naming a scheduled event within three words: "this week's RNC spring meeting",
    /// "this week's vote".
    pub fn possessive_event_after(&self, e: usize) -> bool {
        if !(self.is_apos(e) && self.att(e) && self.is(e + 1, "s")) {
            return false;
        }
        (e + 2..e + 5).any(|k| self.same_sentence(k, e) && self.is_any(k, SCHEDULED_EVENTS))
    }

    /// The expression ending before token `e` is a possessive naming what has been
    /// decided or has befallen: "Wednesday's ruling", "Monday's decision",
    /// "Friday's attack".
    pub fn possessive_done_after(&self, e: usize) -> bool {
        self.is_apos(e) && self.att(e) && self.is(e + 1, "s") && self.is_any(e + 2, DONE_EVENTS)
    }

    /// The expression at `s` is what a plan was made for: "planned for", "scheduled
    /// for", "set for", "slated for" (up to six words between the plan word and
    /// "for": "a service planned at the chapel for Saturday"), or the date of a
    /// planned act ("was scheduled to speak to the delegates Saturday").
    pub fn planned_for(&self, s: usize) -> bool {
        let plan = |j: usize| self.is_any(j, &["planned", "scheduled", "set", "slated"]);
        (2..=8).any(|b| {
            s >= b
                && self.same_sentence(s - b, s)
                && plan(s - b)
                && (self.is(s - 1, "for") || self.is(s - b + 1, "to"))
        })
    }

    /// The sentence of token `s` tells something past: a "was", "were", "had" or a
    /// verb in -ed (other than the plan words themselves).
    pub fn past_in_sentence(&self, s: usize) -> bool {
        let Some(&id) = self.sent.get(s) else {
            return false;
        };
        let (a, b) = self.sent_range[id as usize];
        (a..b).any(|j| {
            !self.is_any(j, &["planned", "scheduled", "slated"])
                && self.word(j).is_some()
                && (self.is_any(j, &["was", "were", "had"])
                    || (j != s && self.cue(j) == Some(false) && !self.is_any(j, &["said", "told"])))
        })
    }

    /// Token `j` is "to" before what looks like a verb's base form ("to prevent"),
    /// not a noun phrase ("to the mayor", "to supporters", "to voting").
    fn infinitive(&self, j: usize) -> bool {
        if !self.is(j, "to") || self.cap(j + 1) {
            return false;
        }
        let Some(w) = self.word(j + 1) else {
            return false;
        };
        let noun_like = has(DETERMINERS, w)
            || matches!(w, "our" | "my" | "your" | "them" | "him" | "me" | "us")
            || (w.ends_with('s') && !w.ends_with("ss"))
            || w.ends_with("ing")
            || w.ends_with("ly");
        !noun_like
            && self.info[j + 1].month == 0
            && self.num(j + 1).is_none()
            && self.cue(j + 1).is_none()
    }

    /// With no cue near the expression, the tense of its sentence: the nearest
    /// firm cue (not a bare verb in -ed, not "said" or "told", which tell when
    /// the words were spoken, not what they are about; not "ahead of", a phrase)
    /// before it, however far, within its clause ("Nashua's stock has fluctuated
    /// sharply on takeover speculation, rising to a high ... in June from $29.75
    /// in March" is the March gone). A relative clause set off by commas (", which
    /// had been expected,") is skipped; a semicolon, a colon, a dash, a relative
    /// clause after a comma, or "and"/"but" after a comma starts another clause.
    pub fn tense_of_sentence(&self, s: usize) -> Option<bool> {
        if !self.memo {
            return self.tense_of_sentence_read(s);
        }
        self.sentence_tense_memo
            .get_or(s, || self.tense_of_sentence_read(s))
    }

    /// [`Parser::tense_of_sentence`], read.
    fn tense_of_sentence_read(&self, s: usize) -> Option<bool> {
        let mut j = s;
        while j > 0 {
            j -= 1;
            if !self.same_sentence(j, s) || matches!(self.punct(j), Some(';' | ':' | '—' | '–'))
            {
                return None;
            }
            if self.is_p(j, ',')
                && let Some(k) = (0..j)
                    .rev()
                    .take_while(|&k| self.same_sentence(k, j))
                    .find(|&k| self.is_p(k, ','))
                && self.is_any(k + 1, &["which", "who", "whose", "where"])
            {
                j = k + 1;
                continue;
            }
            if self.is_any(j, &["where", "which", "who", "whose", "and", "but"])
                && j > 0
                && matches!(self.punct(j - 1), Some(',' | ';'))
            {
                return None;
            }
            // "... to keep the rival from winning at the July meeting": an
            // infinitive looks ahead of its own verb, and hides the tense before it
            if j + 1 < s
                && self.infinitive(j)
                && !(j.saturating_sub(3)..j)
                    .any(|k| self.same_sentence(k, j) && self.cue(k).is_some())
            {
                return None;
            }
            if self.is_any(j, &["said", "told", "ahead"]) {
                continue;
            }
            if let Some(f) = self.cue(j)
                && !self.weak_cue(j)
            {
                return Some(f);
            }
        }
        None
    }

    /// The tense cue before token `s` in its clause (see [`Parser::tense`]).
    fn tense_before(&self, s: usize) -> Option<bool> {
        // A verb in -ed is a weak cue ("the still unspecified date"): a modal a few
        // words before it in the same clause ("would be paid on a still unspecified
        // date") decides.
        let mut j = s;
        let mut words = 0;
        let mut weak: Option<(bool, usize)> = None;
        // past an "and" after a weak cue only a modal rules it: "pledged to keep the
        // depot open and welcomed the verdict Monday" is past, "will be built and
        // opened in May" ahead
        let mut crossed_and = false;
        let mut crossed_comma = false;
        // a weak cue may look a few words further back for its modal
        while j > 0 && (words < 12 || weak.is_some()) {
            j -= 1;
            if !self.same_sentence(j, s) {
                break;
            }
            // ", where the floods destroyed": what comes before a relative clause is
            // another clause
            if self.is_any(j, &["where", "which", "who", "whose"])
                && j > 0
                && matches!(self.punct(j - 1), Some(',' | ';'))
            {
                break;
            }
            if let Some((_, at)) = weak
                && (words >= at + 8
                    || matches!(self.punct(j), Some(',' | ';' | ':' | '(' | '"' | '“' | '”'))
                    || self.is_any(j, &["who", "which", "that"]))
            {
                break;
            }
            if weak.is_some() && self.is_any(j, &["and", "but"]) {
                crossed_and = true;
            }
            // "urged its members to strike on Thursday": what one is asked to do
            // lies ahead
            if self.is(j, "to")
                && self.word(j + 1).is_some()
                && (j.saturating_sub(5)..j)
                    .any(|t| self.same_sentence(t, j) && self.is_any(t, URGE_VERBS))
            {
                return Some(true);
            }
            if self.is_p(j, ',') {
                crossed_comma = true;
            }
            // "Shortly ahead of the match, the league on Sunday published": a
            // fronted phrase is not the clause's tense
            if crossed_comma && self.is(j, "ahead") {
                continue;
            }
            if let Some(f) = self.cue(j) {
                if crossed_and && !self.is_modal(j) && !self.weak_cue(j) {
                    break;
                }
                if !self.weak_cue(j) {
                    return Some(weak.map_or(f, |(w, _)| if f { f } else { w }));
                }
                if weak.is_none() {
                    weak = Some((f, words));
                }
            }
            if self.toks[j].kind == Kind::Word {
                words += 1;
            }
        }
        weak.map(|(w, _)| w)
    }

    /// The tense cue after the expression `[s, e)` in its sentence (see
    /// [`Parser::tense`]).
    fn tense_after(&self, s: usize, e: usize) -> Option<bool> {
        // an expression opening its sentence ("In January, only days after ..., a
        // storm closed the ferry") takes the tense of the main verb, however far
        let reach = if self.opens_sentence(s) {
            usize::MAX
        } else {
            10
        };
        let mut j = e;
        let mut words = 0;
        let in_relative = self.in_relative_clause(s);
        while j < self.toks.len() && words < reach && self.same_sentence(j, s) {
            // ", who hopes to win Tuesday's primary, received": the verb
            // after the relative clause is another clause's
            if in_relative && self.is_p(j, ',') {
                break;
            }
            // what follows a colon or a dash is another clause; so is ", but ..."
            if matches!(self.punct(j), Some(':' | '—' | '–'))
                || (self.is_any(j, &["but", "while", "whereas"]) && self.is_p(j - 1, ','))
            {
                break;
            }
            // a bare verb in -ed far after the date is more often a participle of
            // another phrase ("the 1,237 delegates needed to win") than its verb
            if let Some(f) = self.cue(j)
                && (words < 5 || reach == usize::MAX || !self.weak_cue(j))
            {
                return Some(f);
            }
            if self.toks[j].kind == Kind::Word {
                words += 1;
            }
            j += 1;
        }
        None
    }

    /// A scheduled event's verb in the simple present before the weekday at `s`,
    /// with at most four words and no punctuation between ("meet in Vienna
    /// Monday", "opens its doors on Tuesday"), not after "to", "not" or an
    /// auxiliary ("failed to meet Monday", "did not meet Monday").
    pub fn scheduled_present_before(&self, s: usize) -> bool {
        let mut j = s;
        let mut words = 0;
        while j > 0 && words < 5 {
            j -= 1;
            if !self.same_sentence(j, s) || self.toks[j].kind != Kind::Word {
                return false;
            }
            words += 1;
            if self.is_any(j, SCHEDULED_PRESENT) {
                return !self.prev_word(j).is_some_and(|w| {
                    matches!(
                        w,
                        "to" | "not"
                            | "t"
                            | "did"
                            | "does"
                            | "do"
                            | "could"
                            | "might"
                            | "may"
                            | "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "this"
                            | "that"
                            | "our"
                    )
                });
            }
        }
        false
    }

    /// Token `s` lies in a phrase that describes a noun rather than in its
    /// clause's own time: a relative clause ("a rule which took effect in 2012", ",
    /// who retired in 2012,") or a passive participle after its noun ("a scheme
    /// approved by the board in 2012"), with no comma between.
    pub fn in_noun_modifier(&self, s: usize) -> bool {
        let mut j = s;
        let mut words = 0;
        while j > 0 && words < 12 {
            j -= 1;
            if !self.same_sentence(j, s) || matches!(self.punct(j), Some(',' | ';' | ':')) {
                return false;
            }
            if self.toks[j].kind != Kind::Word {
                continue;
            }
            words += 1;
            if self.is_any(j, &["which", "who", "whom", "whose"]) {
                return true;
            }
            if self.is(j, "by")
                && j >= 2
                && self
                    .word(j - 1)
                    .is_some_and(|w| (w.len() >= 4 && w.ends_with("ed")) || has(IRREGULAR_PAST, w))
                && self.word(j - 2).is_some_and(|w| {
                    {
                        // "was approved by", "widely approved by": the clause's own verb
                        let auxiliary = has(PASSIVE_AUXILIARIES, w);
                        let adverb = w.len() > 3 && w.ends_with("ly");
                        !(auxiliary || adverb)
                    }
                })
            {
                return true;
            }
        }
        false
    }

    /// Token `s` lies in a relative clause opened after a comma (", who ...",
    /// ", which ...") with no comma between.
    fn in_relative_clause(&self, s: usize) -> bool {
        let mut j = s;
        while j > 0 {
            j -= 1;
            if !self.same_sentence(j, s) || self.is_p(j, ',') {
                return false;
            }
            if self.is_any(j, &["who", "which", "whose", "where"]) {
                return j > 0 && self.is_p(j - 1, ',');
            }
        }
        false
    }

    /// A modal or auxiliary of the future at token `j`: will, would, shall, 'll,
    /// "to be".
    fn is_modal(&self, j: usize) -> bool {
        self.is_any(j, &["will", "would", "shall"])
            || (self.is(j, "ll") && j > 0 && self.is_apos(j - 1))
            || (self.is(j, "be") && self.prev_word(j) == Some("to"))
    }

    /// A cue read from the shape of a word (a verb in -ed, an irregular past form)
    /// rather than from a tense word.
    fn weak_cue(&self, j: usize) -> bool {
        self.word(j).is_some_and(|w| {
            !matches!(
                w,
                "said"
                    | "told"
                    | "had"
                    | "did"
                    | "planned"
                    | "proposed"
                    | "promised"
                    | "vowed"
                    | "pledged"
                    | "threatened"
                    | "scheduled"
                    | "expected"
                    | "slated"
                    | "agreed"
                    | "decided"
                    | "offered"
            ) && (w.ends_with("ed") || has(IRREGULAR_PAST, w))
        })
    }

    /// A tense cue at token `j`: `Some(true)` future, `Some(false)` past (read
    /// once per token).
    fn cue(&self, j: usize) -> Option<bool> {
        if !self.memo {
            return self.cue_read(j);
        }
        self.cue_memo.get_or(j, || self.cue_read(j))
    }

    /// [`Parser::cue`], read: the cues of a plan or of what lies ahead, else
    /// those of what is done.
    fn cue_read(&self, j: usize) -> Option<bool> {
        let w = self.word(j)?;
        let prev = self.prev_word(j);
        let next = self.word(j + 1);
        match self.ahead_cue(j, w, prev, next) {
            Some(cue) => cue,
            None => self.done_cue(j, w, prev, next),
        }
    }

    /// Whether a passive auxiliary comes before a cue ("was expected").
    fn passive_before(prev: Option<&str>) -> bool {
        matches!(prev, Some("was" | "were" | "been" | "had"))
    }

    /// The cue of a plan or of what lies ahead at token `j` (word `w`), `None`
    /// when `w` is none of those words (then [`Parser::done_cue`] reads it).
    fn ahead_cue(
        &self,
        j: usize,
        w: &str,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Option<Option<bool>> {
        let passive = || Self::passive_before(prev);
        // "were planning to" is a plan, "was planned" a past act
        let passive_plan = passive() && !matches!(w, "plans" | "plan" | "planning");
        match w {
            "will" | "shall" | "would" | "payable" | "supposed" | "expects" | "expect"
            | "anticipates" => Some(Some(true)),
            // "family plans for a tour", "a hurriedly planned tour" name a plan
            // made, not one ahead
            "plans" | "plan" if !matches!(next, Some("to" | "a" | "an" | "another")) => Some(None),
            "planned" if prev.is_some_and(|p| p.len() > 3 && p.ends_with("ly")) => Some(None),
            "planned" | "plans" | "plan" | "planning" | "proposed" | "promised" | "vowed"
            | "pledged" | "threatened"
                if !passive_plan
                    && !matches!(
                        prev,
                        Some(
                            "the"
                                | "a"
                                | "an"
                                | "his"
                                | "her"
                                | "its"
                                | "their"
                                | "our"
                                | "my"
                                | "your"
                        )
                    ) =>
            {
                Some(Some(true))
            }
            "be" if prev == Some("to") => Some(Some(true)),
            // "as soon as Tuesday", "as early as next week"
            "soon" | "early" if prev == Some("as") && next == Some("as") => Some(Some(true)),
            // a deadline moved or given: "postponed until Tuesday", "given until noon"
            "until" | "till" | "through"
                if (1..=DEADLINE_REACH).any(|b| {
                    j >= b
                        && self.same_sentence(j - b, j)
                        && self.is_any(j - b, DEADLINE_WORDS)
                        && (b <= 8 || !(j - b..j).any(|k| self.is_p(k, ',') || self.is_p(k, ';')))
                }) =>
            {
                Some(Some(true))
            }
            "likely" if next == Some("to") => Some(Some(true)),
            "ahead" if next == Some("of") => Some(Some(true)),
            "ll" if j > 0 && self.is_apos(j - 1) => Some(Some(true)),
            "won" if self.is_apos(j + 1) && self.is(j + 2, "t") => Some(Some(true)),
            // "lower-than-expected earnings" is an adjective
            "expected"
                if prev == Some("than")
                    || (j >= 2 && self.is_dash(j - 1) && self.is(j - 2, "than")) =>
            {
                Some(None)
            }
            // "effective Feb. 1": a change that takes effect
            "effective"
                if self
                    .info
                    .get(j + 1)
                    .is_some_and(|n| n.month > 0 || n.weekday.is_some()) =>
            {
                Some(Some(true))
            }
            // "next to the embassy" is a place
            "next" if next == Some("to") => Some(None),
            "scheduled" | "expected" | "slated" | "poised" | "upcoming" | "intends" | "aims"
            | "next" => Some(Some(!passive())),
            _ => None,
        }
    }

    /// The cue of what is done (or due) at token `j` (word `w`).
    fn done_cue(&self, j: usize, w: &str, prev: Option<&str>, next: Option<&str>) -> Option<bool> {
        let passive = || Self::passive_before(prev);
        match w {
            // the present perfect tells what has happened: "has fluctuated", "have
            // been killed"
            "has" | "have"
                if next.is_some_and(|n| {
                    n == "been" || has(IRREGULAR_PAST, n) || (n.len() >= 4 && n.ends_with("ed"))
                }) =>
            {
                Some(false)
            }
            // "due to its loss" is "because of"
            "due"
                if matches!(next, Some("on" | "for" | "in"))
                    || (next == Some("to")
                        && !self.is_any(
                            j + 2,
                            &[
                                "the", "a", "an", "its", "his", "her", "their", "our", "this",
                                "that", "these", "those", "higher", "lower", "weak", "strong",
                                "poor",
                            ],
                        )) =>
            {
                Some(!passive())
            }
            "agreed" | "decided" | "offered" | "agreement" | "decision" | "bid" | "offer"
                if next == Some("to") =>
            {
                Some(true)
            }
            "set" | "going" | "hopes" | "hoping" if matches!(next, Some("to" | "for")) => {
                Some(!passive())
            }
            "to" if matches!(prev, Some("is" | "are" | "am")) => Some(true),
            "let" if self.is_apos(j + 1) && self.is(j + 2, "s") => Some(true),
            "lets" => Some(true),
            "said" | "told" | "was" | "were" | "had" | "did" | "ago" => Some(false),
            // past forms in -eed that the rule for -ed leaves out ("need", "feed")
            "agreed" | "decreed" | "freed" | "guaranteed" | "proceeded" | "succeeded" => {
                Some(false)
            }
            _ => self.past_form(j, w, prev),
        }
    }

    /// A past tense read from a word's form: a verb in -ed (not an adjective after
    /// a determiner, not a present passive) or a common irregular past.
    fn past_form(&self, j: usize, w: &str, prev: Option<&str>) -> Option<bool> {
        // "the delayed vote" is an adjective, "is observed" a present passive
        let adjectival = matches!(
            prev,
            Some(
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "this"
                    | "is"
                    | "are"
                    | "am"
                    | "being"
            )
        );
        // "well-organized", "long-delayed": the second half of a compound adjective
        let compound = self.att(j) && j >= 2 && self.is_dash(j - 1) && self.att(j - 1);
        if !adjectival
            && !compound
            && w.len() >= 4
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && !matches!(w, "hundred" | "united" | "based" | "armed" | "related")
        {
            return Some(false);
        }
        // "the appeal is heard in May": a present passive
        let present = matches!(prev, Some("is" | "are" | "am" | "being"));
        if has(IRREGULAR_PAST, w) && !present {
            return Some(false);
        }
        None
    }

    // ---- numbers -------------------------------------------------------------

    /// Nothing glued to the number that ends before token `j`: no time (":30"),
    /// decimal (".5"), thousands group (",000"), percent, or letters.
    fn clean_after(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else {
            return true;
        };
        if t.sp {
            return true;
        }
        match t.kind {
            Kind::Word | Kind::Num => false,
            Kind::Punct => match self.punct(j) {
                Some(':' | '.' | '/') => !(self.att(j + 1) && self.num(j + 1).is_some()),
                Some(',') => !(self.att(j + 1) && self.num(j + 1).is_some_and(|n| n.1 == 3)),
                Some('%' | '$' | '€' | '£' | '°') => false,
                _ => true,
            },
        }
    }

    /// Nothing glued before the number at token `i` (no "$", no "x-", no digits).
    fn clean_before(&self, i: usize) -> bool {
        if i == 0 || !self.att(i) {
            return true;
        }
        match self.toks[i - 1].kind {
            Kind::Word | Kind::Num => false,
            Kind::Punct => !matches!(
                self.punct(i - 1),
                Some('$' | '€' | '£' | '#' | '/' | '.' | ',' | ':' | '+' | '¥')
            ),
        }
    }

    /// The number at `i` continues a code glued to it: "123-12-1234", "133-03-03-2020"
    /// (but "10/1-11/7" is two dates).
    fn inside_code(&self, i: usize) -> bool {
        i >= 2
            && self.att(i)
            && matches!(self.punct(i - 1), Some('-' | '/' | '.'))
            && self.att(i - 1)
            && self
                .num(i - 2)
                .is_some_and(|(_, d)| d == 3 || d > 4 || self.punct(i - 1) == self.punct(i + 1))
    }

    /// A number from 0 to 99 written in words: "nine", "twenty-nine", "twenty first".
    /// Returns (end, value, is ordinal).
    fn num_words(&self, i: usize) -> Option<(usize, u32, bool)> {
        let info = self.info.get(i)?;
        if info.tens > 0 {
            let t = u32::from(info.tens);
            let j = if self.is_dash(i + 1) && self.att(i + 1) && self.att(i + 2) {
                i + 2
            } else {
                i + 1
            };
            if let Some(n) = self.info.get(j) {
                if (2..=10).contains(&n.unit) {
                    return Some((j + 1, t + u32::from(n.unit) - 1, false));
                }
                if (1..=9).contains(&n.ord) {
                    return Some((j + 1, t + u32::from(n.ord), true));
                }
            }
            return Some((i + 1, t, false));
        }
        if info.ord > 0 {
            return Some((i + 1, u32::from(info.ord), true));
        }
        (info.unit > 0).then(|| (i + 1, u32::from(info.unit) - 1, false))
    }

    /// A day of the month: "4", "04", "4th", "fourth", "twenty-first"; cardinal words
    /// ("twenty nine") only when `cardinal_words`. Returns (end, day, is ordinal).
    fn day_at(&self, i: usize, cardinal_words: bool) -> Option<(usize, u8, bool)> {
        if let Some((v, d)) = self.num(i) {
            if d > 2 || !(1..=31).contains(&v) {
                return None;
            }
            let mut j = i + 1;
            let mut ord = false;
            if self.att(j) && self.is_any(j, &["st", "nd", "rd", "th"]) {
                j += 1;
                ord = true;
            }
            let month_glued =
                self.att(j) && self.word(j).is_some_and(|w| lex::month_word(w).is_some());
            if !self.clean_after(j) && !month_glued {
                return None;
            }
            return Some((j, v as u8, ord));
        }
        let (j, v, ord) = self.num_words(i)?;
        if !(1..=31).contains(&v) || (!ord && !cardinal_words) {
            return None;
        }
        Some((j, v as u8, ord))
    }

    /// A year: "2024" (1000..=2999), "'24", or in words ("two thousand ten").
    fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        if let Some((v, 4)) = self.num(i) {
            if !(1000..=2999).contains(&v) || !self.clean_after(i + 1) {
                return None;
            }
            if self.att(i + 1) && (self.is_apos(i + 1) || self.word(i + 1).is_some()) {
                return None;
            }
            return Some((i + 1, v as i32));
        }
        if self.is_apos(i)
            && let Some((v, 2)) = self.num(i + 1)
            && self.att(i + 1)
            && !self.att(i + 2)
        {
            return Some((i + 2, self.pivot(v as i32)));
        }
        self.year_words(i)
    }

    /// "two thousand (and) ten", "nineteen ninety-five", "twenty twenty".
    fn year_words(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.word(i)?;
        if w == "two" && self.is(i + 1, "thousand") {
            let mut j = i + 2;
            if self.is(j, "and") {
                j += 1;
            }
            if let Some((e, v, false)) = self.num_words(j) {
                return Some((e, 2000 + v as i32));
            }
            return Some((i + 2, 2000));
        }
        // "nineteen hundred ninety three", "seventeen hundred thirty three"
        if let Some((h, c, false)) = self.num_words(i)
            && (10..=29).contains(&c)
            && self.is(h, "hundred")
        {
            let mut j = h + 1;
            if self.is(j, "and") {
                j += 1;
            }
            if let Some((e, v, false)) = self.num_words(j) {
                return Some((e, (c * 100 + v) as i32));
            }
            return Some((h + 1, (c * 100) as i32));
        }
        let century = match w {
            "nineteen" => 1900,
            "twenty" => 2000,
            _ => return None,
        };
        let (e, v, false) = self.num_words(i + 1)? else {
            return None;
        };
        (10..=99).contains(&v).then_some((e, century + v as i32))
    }

    /// A count: "3", "three", "a", "an", "a couple of".
    fn count(&self, i: usize) -> Option<(usize, i32)> {
        if let Some((v, d)) = self.num(i) {
            if d > 4 || !self.clean_before(i) || !self.clean_after(i + 1) {
                return None;
            }
            return Some((i + 1, v as i32));
        }
        let w = self.word(i)?;
        match w {
            "a" | "an" => {
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    Some((i + 3, 2))
                } else {
                    Some((i + 1, 1))
                }
            }
            "couple" if self.is(i + 1, "of") => Some((i + 2, 2)),
            "couple" => Some((i + 1, 2)),
            _ => {
                let (e, v, ord) = self.num_words(i)?;
                (!ord && v > 0).then_some((e, v as i32))
            }
        }
    }

    // ---- names ---------------------------------------------------------------

    /// A month name; "May" and "March" must be capitalized unless the text has no
    /// capitals at all. An abbreviation takes its period.
    fn month_at(&self, i: usize) -> Option<(usize, u8)> {
        let info = self.info.get(i)?;
        let (m, abbr) = (info.month, info.month_abbr);
        if m == 0 {
            return None;
        }
        if (m == 5 || (m == 3 && !abbr)) && !(self.caseless || self.cap(i)) {
            return None;
        }
        let mut e = i + 1;
        if abbr && self.is_p(e, '.') && self.att(e) {
            e += 1;
        }
        Some((e, m))
    }

    /// A weekday name with the period of an abbreviation.
    fn weekday_at(&self, i: usize) -> Option<(usize, Weekday, WdForm, bool)> {
        let (wd, form) = self.info.get(i)?.weekday?;
        let mut e = i + 1;
        let mut dot = false;
        if form != WdForm::Full && self.is_p(e, '.') && self.att(e) {
            e += 1;
            dot = true;
        }
        Some((e, wd, form, dot))
    }

    // ---- entry points --------------------------------------------------------

    /// Whether readings are remembered and rules dispatched (always, but in a
    /// test that turns the gates off, which reads everything afresh).
    pub(super) fn remembers(&self) -> bool {
        self.memo
    }

    /// Cheap filter: can an expression start at token `i`?
    pub fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            Kind::Num => true,
            Kind::Punct => self.is_apos(i),
            Kind::Word => self.info[i].start,
        }
    }

    /// The longest expression starting at token `i`, with its bound word if any.
    pub fn top(&self, i: usize) -> Option<Parsed> {
        let mut best: Option<Parsed> = None;
        let mut consider = |p: Parsed| {
            if best.as_ref().is_none_or(|b| p.end > b.end) {
                best = Some(p);
            }
        };
        if let Some(p) = self.bounded(i) {
            consider(p);
        }
        if let Some(p) = self.range(i) {
            consider(p);
        }
        if let Some(p) = self.atom_wd(i) {
            consider(self.with_suffix_bound(p));
        }
        best
    }

    fn plain(&self, i: usize, end: usize, node: Node) -> Parsed {
        Parsed {
            start: i,
            end,
            date_start: i,
            date_end: end,
            node,
            wd: None,
            bound: None,
        }
    }

    /// "since X", "before X", "after X", "by X", "until X", "starting X".
    fn bounded(&self, i: usize) -> Option<Parsed> {
        let w = self.word(i)?;
        // "post-1959 politics", "pre-2000 rules": after or before a year
        if matches!(w, "post" | "pre")
            && self.is_dash(i + 1)
            && self.att(i + 1)
            && self.att(i + 2)
            && let Some((4, _)) = self.num(i + 2).map(|(_, d)| (d, ()))
            && let Some((e, y)) = self.year_at(i + 2)
            && self.clean_after(e)
        {
            let node = Node::Cal(Cal {
                yr: Yr::Abs(y),
                what: What::Year,
            });
            return Some(Parsed {
                start: i,
                end: e,
                date_start: i + 2,
                date_end: e,
                node,
                wd: None,
                bound: Some(if w == "post" {
                    Bound::After
                } else {
                    Bound::Before
                }),
            });
        }
        let (j, b) = match w {
            "since" => (i + 1, Bound::Since),
            "before" => (i + 1, Bound::Before),
            "after" => (i + 1, Bound::After),
            "by" | "until" | "till" | "through" => (i + 1, Bound::By),
            "prior" if self.is(i + 1, "to") => (i + 2, Bound::Before),
            "earlier" if self.is(i + 1, "than") => (i + 2, Bound::Before),
            "later" if self.is(i + 1, "than") => (i + 2, Bound::After),
            "no" if self.is(i + 1, "later") && self.is(i + 2, "than") => (i + 3, Bound::By),
            // "more than three weeks ago", "less than two days after the vote": the
            // direction comes from the shift (see below).
            "more" | "less" | "fewer" if self.is(i + 1, "than") => (i + 2, Bound::Before),
            "starting" | "beginning" => {
                let j = if self.is_any(i + 1, &["on", "from", "in"]) {
                    i + 2
                } else {
                    i + 1
                };
                (j, Bound::Since)
            }
            _ => return None,
        };
        let mut inner = self.range(j);
        if let Some(a) = self.atom_wd(j)
            && inner.as_ref().is_none_or(|r| a.end > r.end)
        {
            inner = Some(a);
        }
        let mut p = inner?;
        if p.bound.is_some() {
            return None;
        }
        let mut b = b;
        if matches!(w, "more" | "less" | "fewer") {
            // Only a shift from a date: "more than 2 weeks ago" ends before the day two
            // weeks back; "less than 2 weeks ago" starts on it; "more than 2 weeks after
            // X" starts after the day two weeks on; "less than ..." ends by it.
            let Node::Shift { n, .. } = p.node else {
                return None;
            };
            b = match (w == "more", n < 0) {
                (true, true) => Bound::Before,
                (true, false) => Bound::After,
                (false, true) => Bound::Since,
                (false, false) => Bound::By,
            };
        }
        // "before the end of 2024" is "by 2024"; "after the beginning of March" is
        // "since March".
        if let Node::Part { sel, of } = &p.node {
            let w = self.word(self.skip_the(p.date_start));
            let of = (**of).clone();
            match (b, sel, w) {
                (Bound::Before | Bound::By, Sel::Late, Some("end")) => {
                    p.node = of;
                    b = Bound::By;
                }
                (Bound::After | Bound::Since, Sel::Early, Some("beginning" | "start")) => {
                    p.node = of;
                    b = Bound::Since;
                }
                _ => {}
            }
        }
        p.start = i;
        // "sales through the first nine months of the year": a span that
        // begins where its year begins is read whole
        if w == "through" && matches!(p.node, Node::Edge { first: true, .. }) {
            return Some(p);
        }
        p.bound = Some(b);
        Some(p)
    }

    /// "X onwards", "X or later", "X and after".
    fn with_suffix_bound(&self, mut p: Parsed) -> Parsed {
        let e = p.end;
        let n = if self.is_any(e, &["onwards", "onward"]) {
            1
        } else if (self.is(e, "or") || self.is(e, "and"))
            && self.is_any(e + 1, &["later", "after", "beyond"])
            && self.toks.get(e + 2).is_none_or(|t| t.kind == Kind::Punct)
        {
            2
        } else {
            0
        };
        if n > 0 {
            p.end = e + n;
            p.bound = Some(Bound::Since);
        }
        p
    }

    /// An atom, with a weekday written before or after an explicit date (read
    /// once per token).
    fn atom_wd(&self, i: usize) -> Option<Parsed> {
        match self.atom_wd_memo.get(i) {
            Some(cell) if self.memo => cell.get_or_init(|| self.atom_wd_read(i)).clone(),
            _ => self.atom_wd_read(i),
        }
    }

    /// [`Parser::atom_wd`], read.
    fn atom_wd_read(&self, i: usize) -> Option<Parsed> {
        let mut best: Option<Parsed> = None;
        if let Some((e, node)) = self.atom(i) {
            best = Some(self.plain(i, e, node));
        }
        if let Some((e, node, wd)) = self.dated(i)
            && best.as_ref().is_none_or(|b| e > b.end)
        {
            let mut p = self.plain(i, e, node);
            p.wd = Some(wd);
            best = Some(p);
        }
        if let Some((e, node, wd)) = self.wd_day(i)
            && best.as_ref().is_none_or(|b| e > b.end)
        {
            let mut p = self.plain(i, e, node);
            p.wd = Some(wd);
            best = Some(p);
        }
        // "December 3 (Wednesday)", "Jul 18, Fri"
        if let Some(b) = best.as_mut()
            && b.wd.is_none()
            && matches!(
                b.node,
                Node::Cal(Cal {
                    what: What::Day(..),
                    ..
                })
            )
            && (self.is_p(b.end, '(') || self.is_p(b.end, ','))
            && let Some((e, wd, form, dot)) = self.weekday_at(b.end + 1)
        {
            let paren = self.is_p(b.end, '(');
            let ok = if paren {
                self.is_p(e, ')')
            } else {
                (form == WdForm::Full || self.caseless || self.cap(b.end + 1) || dot)
                    && self.toks.get(e).is_none_or(|t| t.kind == Kind::Punct)
            };
            if ok {
                b.wd = Some((wd, b.end + 1));
                b.end = if paren { e + 1 } else { e };
                b.date_end = b.end;
            }
        }
        best
    }

    /// Weekday-prefixed explicit dates: "Thursday, December 3, 2025", "Mon, Feb 18",
    /// "Wednesday (Dec. 4)", "this Friday-Jun-15", "next friday 5/12".
    fn dated(&self, i: usize) -> Option<(usize, Node, (Weekday, usize))> {
        let j = if self.is_any(i, &["this", "next", "last", "coming"]) {
            i + 1
        } else {
            i
        };
        let (k, wd, _, _) = self.weekday_at(j)?;
        let mut m = k;
        if self.is_p(m, ',') || (self.is_dash(m) && self.att(m)) {
            m += 1;
        }
        let paren = self.is_p(m, '(');
        if paren {
            m += 1;
        }
        let (e, cal) = self.cal_day(m, true)?;
        let e = if paren {
            if !self.is_p(e, ')') {
                return None;
            }
            e + 1
        } else {
            e
        };
        Some((e, Node::Cal(cal), (wd, j)))
    }

    /// "Tuesday the 19th", "Thu 15th".
    fn wd_day(&self, i: usize) -> Option<(usize, Node, (Weekday, usize))> {
        let (mut j, wd, _, _) = self.weekday_at(i)?;
        if self.is_p(j, ',') {
            j += 1;
        }
        let the = self.is_the(j);
        if the {
            j += 1;
        }
        let (e, day, ord) = self.day_at(j, false)?;
        if !(ord || the || self.toks.get(e).is_none_or(|t| t.kind == Kind::Punct)) {
            return None;
        }
        // "Friday, the fourth decline in a row": an ordinal before a noun counts
        if the && self.word(e).is_some_and(|w| w != "of") && self.same_sentence(e, i) {
            return None;
        }
        Some((e, Node::WdDay { wd, day }, (wd, i)))
    }

    /// Every single expression (no range, no bound) starting at `i`; the longest
    /// (the first of the longest, in the order below). A rule is tried only
    /// where token `i` (or the token after a "the") can begin it (see
    /// [`Begins`]); a rule not tried would have read nothing.
    fn atom(&self, i: usize) -> R {
        let b = Begins::at(self, i);
        let mut best: R = None;
        // before "last year" as a year: in a results story's comparison it wins
        longest(&mut best, self.results_last_year(i));
        if b.day {
            longest(
                &mut best,
                self.cal_day(i, false).map(|(e, c)| (e, Node::Cal(c))),
            );
        }
        if b.month || b.num {
            longest(&mut best, self.month_year(i));
        }
        if b.month {
            longest(&mut best, self.month_alone(i));
        }
        if b.occurrence {
            longest(&mut best, self.rel_month(i));
        }
        if b.year {
            longest(&mut best, self.year_alone(i));
        }
        if b.the || b.num || b.apos {
            longest(&mut best, self.decade(i));
        }
        if b.ordinal {
            longest(&mut best, self.century(i));
        }
        if b.quarter {
            longest(&mut best, self.quarter_half(i));
        }
        if b.season {
            longest(&mut best, self.season(i));
        }
        if b.holiday {
            longest(&mut best, self.holiday(i));
        }
        self.atom_relative(i, &b, &mut best);
        best
    }

    /// [`Parser::atom`]'s rules after the holidays, in its order.
    fn atom_relative(&self, i: usize, b: &Begins, best: &mut R) {
        if b.simple {
            longest(best, self.rel_simple(i));
        }
        if b.period {
            longest(best, self.rel_period(i));
        }
        if b.last_next_n {
            longest(best, self.last_next_n(i));
        }
        // before `shift`: "for 30 days from Monday" is a span, not a day
        if b.the || b.count {
            longest(best, self.starting(i));
        }
        if b.count || b.in_within {
            longest(best, self.shift(i));
        }
        if b.weekday {
            longest(best, self.rel_weekday(i));
        }
        if b.ordinal {
            longest(best, self.nth_wd(i));
            longest(best, self.day_of(i));
        }
        if b.part {
            longest(best, self.part(i));
        }
        if b.ordinal {
            longest(best, self.nth_week(i));
        }
        if b.week_of {
            longest(best, self.week_of(i));
        }
        if b.edge {
            longest(best, self.edge_n(i));
        }
        if b.ordinal {
            longest(best, self.nth_month(i));
        }
        if b.ordinal && (b.the || self.prev_word(i) == Some("on")) {
            longest(best, self.day_only(i));
        }
        if b.num {
            longest(best, self.list_day(i));
        }
        if b.the {
            longest(best, self.weekend(i));
        }
        if b.news {
            longest(best, self.news(i));
        }
    }

    /// An ordinal 1..=31 ("3rd", "third", "twenty-first") or "last" (-1).
    fn nth(&self, j: usize) -> Option<(usize, i32)> {
        if self.is(j, "last") {
            return Some((j + 1, -1));
        }
        if let Some((v, d)) = self.num(j) {
            if d > 2 || !(self.att(j + 1) && self.is_any(j + 1, &["st", "nd", "rd", "th"])) {
                return None;
            }
            return Some((j + 2, v as i32));
        }
        let (k, v, ord) = self.num_words(j)?;
        ord.then_some((k, v as i32))
    }

    /// "the first week of October 2014", "the last week of this month".
    fn nth_week(&self, i: usize) -> R {
        let j = self.skip_the(i);
        let (mut k, mut n) = self.nth(j)?;
        // "the second last week of October"
        if n > 0 && self.is(k, "last") {
            k += 1;
            n = -n;
        }
        if !(-5..=5).contains(&n)
            || n == 0
            || !self.is(k, "week")
            || !self.is_any(k + 1, &["of", "in"])
        {
            return None;
        }
        let (e, of) = self.container(k + 2)?;
        Some((
            e,
            Node::NthWeek {
                n: n as i8,
                of: Box::new(of),
            },
        ))
    }

    /// "two weeks starting Monday", "for 3 days beginning on May 20", "the week
    /// beginning February 4": `n` units from a start.
    fn starting(&self, i: usize) -> R {
        let (k, n) = if self.is_the(i) {
            (i + 1, 1)
        } else {
            self.count(i)?
        };
        let (u, plural, mult) = unit_word(self.word(k)?)?;
        if plural != (n != 1)
            || !matches!(u, Unit::Day | Unit::Week | Unit::Month)
            || !(1..=400).contains(&n)
        {
            return None;
        }
        if !self.is_any(k + 1, &["starting", "beginning", "from"]) {
            return None;
        }
        // "for 30 days from Monday", not "30 days from Monday" (a shift)
        if self.is(k + 1, "from") && !(i > 0 && self.is(i - 1, "for")) {
            return None;
        }
        let j = if self.is_any(k + 2, &["on", "from", "in"]) {
            k + 3
        } else {
            k + 2
        };
        let p = self.atom_wd(j)?;
        Some((
            p.end,
            Node::Spanning {
                n: n * mult,
                unit: u,
                from: Box::new(p.node),
            },
        ))
    }

    /// "the week of December 1".
    fn week_of(&self, i: usize) -> R {
        let j = self.skip_the(i);
        // "week 23 of 2025", "week 10, 2025": ISO-style week numbers of a year
        if self.is(j, "week")
            && let Some((n, 1 | 2)) = self.num(j + 1)
            && (1..=53).contains(&n)
            && self.clean_after(j + 2)
        {
            let k = if self.is(j + 2, "of") || self.is_p(j + 2, ',') {
                j + 3
            } else {
                j + 2
            };
            let (e, of) = match self.year_at(k) {
                Some((e, y)) if self.num(k).is_some() => (
                    e,
                    Node::Cal(Cal {
                        yr: Yr::Abs(y),
                        what: What::Year,
                    }),
                ),
                _ if self.is(j + 2, "of") => self.container(k)?,
                _ => return None,
            };
            let year = matches!(
                of,
                Node::Cal(Cal {
                    what: What::Year,
                    ..
                }) | Node::RelPeriod {
                    unit: Unit::Year,
                    ..
                }
            );
            return year.then(|| {
                (
                    e,
                    Node::NthWeek {
                        n: n as i8,
                        of: Box::new(of),
                    },
                )
            });
        }
        if !self.is(j, "week") || !self.is(j + 1, "of") {
            return None;
        }
        let (e, c) = self.cal_day(j + 2, true)?;
        Some((e, Node::WeekOf(Box::new(Node::Cal(c)))))
    }

    /// "the first ten days of last year", "the last four months of 2021".
    fn edge_n(&self, i: usize) -> R {
        let j = self.skip_the(i);
        let first = match self.word(j)? {
            "first" => true,
            "last" | "final" => false,
            _ => return None,
        };
        if self.is_any(j + 1, &["a", "an"]) {
            return None;
        }
        let (k, n) = self.count(j + 1)?;
        let (u, plural, mult) = unit_word(self.word(k)?)?;
        if !plural || !(2..=400).contains(&n) || !matches!(u, Unit::Day | Unit::Week | Unit::Month)
        {
            return None;
        }
        if !self.is_any(k + 1, &["of", "in"]) {
            return None;
        }
        let (e, of) = self.container(k + 2)?;
        Some((
            e,
            Node::Edge {
                first,
                n: n * mult,
                unit: u,
                of: Box::new(of),
            },
        ))
    }

    /// "the third month of 2021", "the 9th month of next year".
    fn nth_month(&self, i: usize) -> R {
        let j = self.skip_the(i);
        let (k, n) = self.nth(j)?;
        if !(1..=12).contains(&n) || !self.is(k, "month") || !self.is(k + 1, "of") {
            return None;
        }
        let (e, of) = self.container(k + 2)?;
        Some((
            e,
            Node::MonthOf {
                m: n as u8,
                of: Box::new(of),
            },
        ))
    }

    /// "on the 15th", "the 4th": a day of an unnamed month. Not before a noun ("the
    /// 4th floor"); ordinal words ("the first") only when standing alone.
    fn day_only(&self, i: usize) -> R {
        let the = self.is_the(i);
        let on = self.prev_word(i) == Some("on");
        if !(the || on) {
            return None;
        }
        let j = if the { i + 1 } else { i };
        let (e, d, ord) = self.day_at(j, false)?;
        if !ord || (self.num(j).is_none() && !self.alone(i, e)) {
            return None;
        }
        if let Some(w) = self.word(e)
            && !matches!(
                w,
                "and"
                    | "or"
                    | "at"
                    | "when"
                    | "to"
                    | "through"
                    | "until"
                    | "till"
                    | "from"
                    | "with"
                    | "but"
                    | "as"
                    | "after"
                    | "before"
                    | "by"
            )
        {
            return None;
        }
        Some((
            e,
            Node::Cal(Cal {
                yr: Yr::Infer,
                what: What::DayOnly(d),
            }),
        ))
    }

    /// A day in a list that shares its month: "18" in "18 and 19 June", "19" in
    /// "June 18 and 19".
    fn list_day(&self, i: usize) -> R {
        let (e, d, _) = self.day_at(i, false)?;
        self.num(i)?;
        if !self.clean_before(i) {
            return None;
        }
        if let Some(w) = self.word(e)
            && !matches!(w, "and" | "or")
        {
            return None;
        }
        let conj =
            |k: usize| self.is_any(k, &["and", "or"]) || self.is_p(k, ',') || self.is_p(k, '&');
        // forward: "18 and 19 June", "18, 19 and 20 June"
        if conj(e) {
            let mut k = e + 1;
            loop {
                if let Some((_, c)) = self.d_m_y(k)
                    && let What::Day(m, _) = c.what
                {
                    return Some((
                        e,
                        Node::Cal(Cal {
                            yr: c.yr,
                            what: What::Day(m, d),
                        }),
                    ));
                }
                let (e2, _, _) = self.day_at(k, false)?;
                self.num(k)?;
                if !conj(e2) {
                    break;
                }
                k = e2 + 1;
            }
        }
        // backward: "June 18 and 19", "June 18, 19 and 20"
        let mut k = i;
        loop {
            if k < 3 || !conj(k - 1) {
                return None;
            }
            let mut dt = k - 2;
            if self.is_any(dt, &["st", "nd", "rd", "th"]) && dt > 0 && self.att(dt) {
                dt -= 1;
            }
            let (v, digits) = self.num(dt)?;
            if digits > 2 || !(1..=31).contains(&v) || dt == 0 {
                return None;
            }
            let mut mt = dt - 1;
            if self.is_p(mt, '.') && mt > 0 {
                mt -= 1;
            }
            if let Some((me, m)) = self.month_at(mt)
                && (me == dt || (me + 1 == dt && self.is_the(me)))
            {
                let yr = match self.year_after(e) {
                    Some((_, y)) if self.is_p(e, ',') => Yr::Abs(y),
                    _ => Yr::Infer,
                };
                return Some((
                    e,
                    Node::Cal(Cal {
                        yr,
                        what: What::Day(m, d),
                    }),
                ));
            }
            k = dt;
        }
    }

    /// "the weekend", "over the weekend", "at the weekend".
    fn weekend(&self, i: usize) -> R {
        (self.is_the(i) && self.is(i + 1, "weekend")).then_some((i + 2, Node::Weekend))
    }

    // ---- explicit dates -----------------------------------------------------------

    /// A date with a day: "December 4, 2024", "4 December 2024", "the 4th of
    /// December", "2024-12-04", "12/04/2024", "31/Oct/1974". `ctx`: numeric
    /// month/day without year ("12/4") is allowed.
    fn cal_day(&self, i: usize, ctx: bool) -> Option<(usize, Cal)> {
        let mut best: Option<(usize, Cal)> = None;
        for c in [
            self.md_y(i),
            self.d_m_y(i),
            self.numeric(i, ctx),
            self.mixed(i),
        ]
        .into_iter()
        .flatten()
        {
            if best.is_none_or(|b| c.0 > b.0) {
                best = Some(c);
            }
        }
        best
    }

    /// The year after a day: ", 2024", " 2024", " of 2024".
    fn year_after(&self, k: usize) -> Option<(usize, i32)> {
        let j = if self.is_p(k, ',') { k + 1 } else { k };
        if let Some(r) = self.year_at(j) {
            // "Dec 4 2024:30" is no year; "Dec. 4, 2024 people" is unusual but a year.
            return Some(r);
        }
        if self.is_any(k, &["of", "in"])
            && let Some(r) = self.year_at(k + 1)
        {
            return Some(r);
        }
        self.short_year_after_of(k)
    }

    /// "of 87": a two-digit year after "of".
    fn short_year_after_of(&self, k: usize) -> Option<(usize, i32)> {
        if self.is(k, "of")
            && let Some((v, 2)) = self.num(k + 1)
            && self.clean_after(k + 2)
            && self.toks.get(k + 2).is_none_or(|t| t.kind == Kind::Punct)
        {
            return Some((k + 2, self.pivot(v as i32)));
        }
        None
    }

    /// Month day [year]: "December 4, 2024", "Dec. 4", "March 3rd 2015", "Feb13",
    /// "December the 4th", "May twenty nine".
    fn md_y(&self, i: usize) -> Option<(usize, Cal)> {
        let (mut j, m) = self.month_at(i)?;
        let comma = self.is_p(j, ',');
        if comma {
            j += 1;
        }
        if self.is_the(j) {
            j += 1;
        }
        let (k, d, ord) = self.day_at(j, true)?;
        // "October, 1st" but not "October, 12 people"
        if comma && !(ord && self.num(j).is_some()) {
            return None;
        }
        if !ord && self.num(j).is_some() && self.in_table(k, COUNT_NOUNS) {
            return None;
        }
        if let Some((e, y)) = self.year_after(k) {
            return Some((
                e,
                Cal {
                    yr: Yr::Abs(y),
                    what: What::Day(m, d),
                },
            ));
        }
        // "Dec 4, '24"
        Some((
            k,
            Cal {
                yr: Yr::Infer,
                what: What::Day(m, d),
            },
        ))
    }

    /// [the] day [of] month [year]: "4 December 2024", "4th of July", "the 4th of
    /// December", "second of Aug".
    fn d_m_y(&self, i: usize) -> Option<(usize, Cal)> {
        let the = self.is_the(i);
        let j = if the { i + 1 } else { i };
        let (mut k, d, ord) = self.day_at(j, true)?;
        if self.num(j).is_some() && !self.clean_before(j) {
            return None;
        }
        // "twenty five January": cardinal words only right before the month
        if self.num(j).is_none() && !ord && (the || self.month_at(k).is_none()) {
            return None;
        }
        let of = self.is(k, "of");
        if of {
            k += 1;
        }
        if the && !ord && !of && self.num(j).is_none() {
            return None;
        }
        let (e, m) = self.month_at(k)?;
        if let Some((e2, y)) = self.year_after(e) {
            return Some((
                e2,
                Cal {
                    yr: Yr::Abs(y),
                    what: What::Day(m, d),
                },
            ));
        }
        Some((
            e,
            Cal {
                yr: Yr::Infer,
                what: What::Day(m, d),
            },
        ))
    }

    /// Numeric dates: ISO "2024-12-04", US "12/04/2024", day-first when the first
    /// number exceeds 12 or with dots ("03.12.2025"), two-digit years ("10-31-74"),
    /// year-month ("2015-12", "2014/10"), month/year ("2/2013"), and month/day
    /// ("2/15") when `ctx` or the expression stands alone.
    fn numeric(&self, i: usize, ctx: bool) -> Option<(usize, Cal)> {
        let (a, da) = self.num(i)?;
        if !self.clean_before(i) || self.inside_code(i) {
            return None;
        }
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.') || !self.att(i + 1) || !self.att(i + 2) {
            return None;
        }
        let (b, db) = self.num(i + 2)?;
        // three parts
        if self.is_p(i + 3, sep) && self.att(i + 3) && self.att(i + 4) {
            let (c, dc) = self.num(i + 4)?;
            // "2025-12-03T10:00:00Z": an ISO date may carry a time
            let iso_time = da == 4
                && sep == '-'
                && self.att(i + 5)
                && self.is(i + 5, "t")
                && self.att(i + 6)
                && self.num(i + 6).is_some();
            if !(self.clean_after(i + 5) || iso_time)
                || (self.is_p(i + 5, sep) && self.att(i + 5) && self.num(i + 6).is_some())
            {
                return None;
            }
            let (y, m, d) = if da == 4 {
                if db > 2 || dc > 2 {
                    return None;
                }
                (a as i32, b, c)
            } else if da <= 2 && db <= 2 && (dc == 4 || dc == 2) {
                let y = if dc == 4 {
                    c as i32
                } else {
                    self.pivot(c as i32)
                };
                if a > 12 || (sep == '.' && b <= 12) {
                    (y, b, a)
                } else {
                    (y, a, b)
                }
            } else {
                return None;
            };
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2999).contains(&y) {
                return None;
            }
            return Some((
                i + 5,
                Cal {
                    yr: Yr::Abs(y),
                    what: What::Day(m as u8, d as u8),
                },
            ));
        }
        if !self.clean_after(i + 3) || sep == '.' {
            return None;
        }
        if da == 4 && db <= 2 && (1..=12).contains(&b) && (1000..=2999).contains(&a) {
            // "2015-12", "2014/10"; not the season "2011-12".
            if sep == '-' && b == (a + 1) % 100 {
                return None;
            }
            // "the 2007-09 financial crisis": a short second year after the first,
            // used before a noun or after a determiner, is a span of years
            let later = b > a % 100 && b - a % 100 <= 9;
            let attributive = self
                .word(i + 3)
                .is_some_and(|w| !self.cap(i + 3) && w.len() >= 3)
                || (i > 0 && self.is_any(i - 1, DETERMINERS));
            if sep == '-' && later && attributive {
                return None;
            }
            return Some((
                i + 3,
                Cal {
                    yr: Yr::Abs(a as i32),
                    what: What::Month(b as u8),
                },
            ));
        }
        if db == 4 && da <= 2 && (1..=12).contains(&a) && (1000..=2999).contains(&b) {
            return Some((
                i + 3,
                Cal {
                    yr: Yr::Abs(b as i32),
                    what: What::Month(a as u8),
                },
            ));
        }
        if da <= 2 && db <= 2 && (ctx || self.mdy_context(i, i + 3)) {
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                if sep == '-' && !(ctx || self.alone(i, i + 3)) {
                    return None;
                }
                return Some((
                    i + 3,
                    Cal {
                        yr: Yr::Infer,
                        what: What::Day(m as u8, d as u8),
                    },
                ));
            }
        }
        None
    }

    fn mdy_context(&self, s: usize, e: usize) -> bool {
        self.prev_word(s).is_some_and(|w| {
            matches!(
                w,
                "on" | "from" | "until" | "till" | "by" | "since" | "before" | "after" | "between"
                    | "through"
            )
        }) || self.alone(s, e)
            // "on 11/20, 11/22 or 11/25"
            || (s >= 4
                && (self.is_any(s - 1, &["and", "or"]) || self.is_p(s - 1, ','))
                && self.num(s - 2).is_some()
                && self.is_p(s - 3, '/')
                && self.num(s - 4).is_some())
    }

    /// Numbers and month names joined by "/" or "-": "31/Oct/1974", "05-Aug-2016",
    /// "Oct/2", "Jun-15", "Sep-23-2020", "Dec-2018", "2019-aug-1".
    fn mixed(&self, i: usize) -> Option<(usize, Cal)> {
        let is_sep =
            |k: usize| matches!(self.punct(k), Some('/' | '-')) && self.att(k) && self.att(k + 1);
        let year_num = |k: usize| match self.num(k) {
            Some((y, 4)) if (1000..=2999).contains(&y) => Some(y as i32),
            Some((y, 2)) => Some(self.pivot(y as i32)),
            _ => None,
        };
        let day_num = |k: usize| match self.num(k) {
            Some((d, 1 | 2)) if (1..=31).contains(&d) => Some(d as u8),
            _ => None,
        };
        let end_ok = |k: usize| self.clean_after(k) && !(is_sep(k) && self.num(k + 1).is_some());
        if self.num(i).is_some() {
            if !self.clean_before(i) || !is_sep(i + 1) {
                return None;
            }
            let (e, m) = self.month_at(i + 2)?;
            if !is_sep(e) {
                return None;
            }
            if self.num(i).is_some_and(|n| n.1 == 4) {
                // 2019-aug-1
                let y = year_num(i)?;
                let d = day_num(e + 1)?;
                return end_ok(e + 2).then_some((
                    e + 2,
                    Cal {
                        yr: Yr::Abs(y),
                        what: What::Day(m, d),
                    },
                ));
            }
            // 31/Oct/1974
            let d = day_num(i)?;
            let y = year_num(e + 1)?;
            return end_ok(e + 2).then_some((
                e + 2,
                Cal {
                    yr: Yr::Abs(y),
                    what: What::Day(m, d),
                },
            ));
        }
        let (e, m) = self.month_at(i)?;
        if e != i + 1 || !is_sep(e) {
            return None;
        }
        if let Some((y, 4)) = self.num(e + 1) {
            // Dec-2018
            if !(1000..=2999).contains(&y) || !end_ok(e + 2) {
                return None;
            }
            return Some((
                e + 2,
                Cal {
                    yr: Yr::Abs(y as i32),
                    what: What::Month(m),
                },
            ));
        }
        let d = day_num(e + 1)?;
        if is_sep(e + 2) {
            // Sep-23-2020
            let y = year_num(e + 3)?;
            return end_ok(e + 4).then_some((
                e + 4,
                Cal {
                    yr: Yr::Abs(y),
                    what: What::Day(m, d),
                },
            ));
        }
        end_ok(e + 2).then_some((
            e + 2,
            Cal {
                yr: Yr::Infer,
                what: What::Day(m, d),
            },
        ))
    }

    /// Month and year: "June 2019", "Dec, 2018", "June of 2019", "2017 April".
    fn month_year(&self, i: usize) -> R {
        if let Some((e, m)) = self.month_at(i) {
            let j = if self.is_p(e, ',') || self.is_any(e, &["of", "in"]) {
                e + 1
            } else {
                e
            };
            let (e2, y) = self.year_at(j).or_else(|| self.short_year_after_of(e))?;
            return Some((
                e2,
                Node::Cal(Cal {
                    yr: Yr::Abs(y),
                    what: What::Month(m),
                }),
            ));
        }
        let (e, y) = self.year_at(i)?;
        self.num(i)?;
        let w = self.word(e)?;
        if lex::month_word(w).is_some_and(|m| m.1) {
            return None;
        }
        let (e2, m) = self.month_at(e)?;
        if self.day_at(e2, false).is_some() {
            return None;
        }
        Some((
            e2,
            Node::Cal(Cal {
                yr: Yr::Abs(y),
                what: What::Month(m),
            }),
        ))
    }

    /// A month alone, after a preposition ("in June", "since March") or standing
    /// alone.
    fn month_alone(&self, i: usize) -> R {
        let (e, m) = self.month_at(i)?;
        let w = self.word(i)?;
        let abbr = lex::month_word(w).is_some_and(|m| m.1);
        let ctx = self.prev_word(i).is_some_and(|p| {
            matches!(
                p,
                "in" | "since"
                    | "until"
                    | "till"
                    | "during"
                    | "through"
                    | "throughout"
                    | "from"
                    | "before"
                    | "after"
                    | "between"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
            )
        }) || (i >= 1
            && self.is_any(i - 1, &["a", "an", "the", "his", "her", "its", "their"])
            && self.cap(i)
            && !self.caseless
            && e == i + 1
            && self.word(e).is_some_and(|w| w.len() >= 3 && !self.cap(e)))
            || (i >= 2 && self.is(i - 1, "of") && self.is(i - 2, "month"))
            || self.month_of_figures(i, e)
            || (i >= 2 && self.is_dash(i - 1) && self.is(i - 2, "mid"))
            || (i >= 2
                && self.is_the(i - 1)
                && self.is_any(i - 2, &["in", "during", "since", "until"]));
        if !(ctx || self.alone(i, e)) {
            return None;
        }
        if abbr && !(self.caseless || self.cap(i)) {
            return None;
        }
        Some((
            e,
            Node::Cal(Cal {
                yr: Yr::Infer,
                what: What::Month(m),
            }),
        ))
    }

    /// A month as the period of figures: "the job figures for January", "a
    /// revision to December's figures", "sales for October". May, June and April
    /// are also names ("voted for May"), so they need another reading; so does a
    /// month before a capitalised word ("for January Jones").
    fn month_of_figures(&self, i: usize, e: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        if matches!(w, "may" | "june" | "april") || (!self.caseless && !self.cap(i)) {
            return false;
        }
        let possessive = self.is_apos(e)
            && self.att(e)
            && self.is(e + 1, "s")
            && self
                .word(e + 2)
                .is_some_and(|n| !self.cap(e + 2) && n.len() >= 3);
        let after_for = self.prev_word(i) == Some("for")
            && (self.toks.get(e).is_none_or(|t| t.kind == Kind::Punct) || !self.cap(e));
        possessive || after_for
    }

    /// "last March", "next May", "this June", "this past December".
    fn rel_month(&self, i: usize) -> R {
        let (j, rel) = self.occurrence(i)?;
        let (e, m) = self.month_at(j)?;
        if self.day_at(e, false).is_some() {
            return None;
        }
        Some((
            e,
            Node::Cal(Cal {
                yr: Yr::Occ(rel),
                what: What::Month(m),
            }),
        ))
    }

    /// "last", "next", "this", "this past", "this coming", "coming", "past".
    fn occurrence(&self, i: usize) -> Option<(usize, Rel)> {
        Some(match self.word(i)? {
            "this" if self.is(i + 1, "past") => (i + 2, Rel::Last),
            "this" if self.is_any(i + 1, &["coming", "upcoming"]) => (i + 2, Rel::Next),
            "this" => (i + 1, Rel::This),
            "last" | "past" | "previous" => (i + 1, Rel::Last),
            "next" | "coming" | "upcoming" => (i + 1, Rel::Next),
            _ => return None,
        })
    }

    /// A year alone: "in 2019", "since 2012", "the year 2008", "the 2008 war",
    /// "2008's", or a year standing alone. Never "2,012", "$2012", "2012 jobs".
    fn year_alone(&self, i: usize) -> R {
        let (j, strong) = if self.is_the(i) && self.is(i + 1, "year") {
            (i + 2 + usize::from(self.is(i + 2, "of")), true)
        } else if self.is(i, "calendar") && self.is(i + 1, "year") {
            (i + 2, true)
        } else if self.is(i, "year") && !self.is_any(i.wrapping_sub(1), &["new", "fiscal"]) {
            (i + 1, true)
        } else {
            (i, false)
        };
        let (e, y) = self.year_at(j)?;
        if !strong {
            if self.num(j).is_none() {
                // "in nineteen ninety six": words need two words and a preposition,
                // or a determiner with a noun after ("a nineteen ninety-seven
                // attack")
                let determined = self.prev_word(j).is_some_and(|p| {
                    matches!(p, "a" | "an" | "the" | "his" | "her" | "its" | "their")
                }) && self.word(e).is_some();
                if e < j + 2
                    || !(self.prev_word(j).is_some_and(|p| has(YEAR_PREPS, p)) || determined)
                {
                    return None;
                }
            } else if !self.clean_before(j) || !self.year_context(j, e) {
                return None;
            }
        }
        Some((
            e,
            Node::Cal(Cal {
                yr: Yr::Abs(y),
                what: What::Year,
            }),
        ))
    }

    /// "the primaries of 2016", "the floods of 1953": a plural noun before "of" and
    /// a modern year name events of that year, unless the noun counts ("thousands
    /// of 2000" is no year).
    fn events_of(&self, j: usize) -> bool {
        let modern = self
            .num(j)
            .is_some_and(|(v, d)| d == 4 && (1900..=2099).contains(&v));
        let plural = self.word(j - 2).is_some_and(|w| {
            w.len() >= 5 && w.ends_with('s') && !w.ends_with("ss") && !has(QUANTITY_PLURALS, w)
        });
        modern && plural
    }

    fn year_context(&self, j: usize, e: usize) -> bool {
        if let Some(w) = self.word(e)
            && !self.cap(e)
            && (has(COUNT_NOUNS, w) || (w.len() >= 4 && w.ends_with('s') && !has(NOT_PLURAL, w)))
            && !(has(YEAR_RESULT_NOUNS, w) && self.determined_year(j, e))
        {
            return false;
        }
        if let Some(p) = self.prev_word(j) {
            if has(YEAR_PREPS, p) {
                return true;
            }
            if p == "of" && j >= 2 && (self.in_table(j - 2, OF_NOUNS) || self.events_of(j)) {
                return true;
            }
            // "in both 1990 and 1991", "bonds due 1993"
            if (p == "both" && self.is(e, "and") && self.num(e + 1).is_some_and(|(_, d)| d == 4))
                || (p == "due" && self.alone_or_punct(e))
            {
                return true;
            }
            if p == "than" && j >= 2 && self.is_any(j - 2, &["earlier", "later"]) {
                return true;
            }
            if p == "to" && j >= 2 && self.is_any(j - 2, &["back", "dating", "dates"]) {
                return true;
            }
            if matches!(p, "and" | "or")
                && j >= 2
                && self
                    .num(j - 2)
                    .is_some_and(|(v, d)| d == 4 && (1000..=2999).contains(&v))
            {
                return true;
            }
            if p == "the" && self.in_table(e, EVENT_NOUNS) {
                return true;
            }
            if self.determined_year(j, e) {
                return true;
            }
        }
        if j >= 2
            && matches!(self.punct(j - 1), Some(',' | '&'))
            && self
                .num(j - 2)
                .is_some_and(|(v, d)| d == 4 && (1000..=2999).contains(&v))
            && self
                .prev_word(j - 2)
                .is_some_and(|w| has(YEAR_PREPS, w) || w == "and")
        {
            return true;
        }
        if self.is_apos(e) && self.is(e + 1, "s") && self.att(e) {
            return true;
        }
        self.alone(j, e)
    }

    /// Token `e` ends a phrase: punctuation, "and", "or", or nothing.
    fn alone_or_punct(&self, e: usize) -> bool {
        self.toks.get(e).is_none_or(|t| t.kind == Kind::Punct) || self.is_any(e, &["and", "or"])
    }

    /// A year used as an adjective after a determiner, before a singular noun: "his
    /// unsuccessful 1996 campaign", "a 1971 convention", "its 1990 invasion". Only
    /// years up to five after publication (or 1800-2099 without one).
    fn determined_year(&self, j: usize, e: usize) -> bool {
        let Some((v, 4)) = self.num(j) else {
            return false;
        };
        let last = self.pub_year.map_or(2099, |y| y + 5);
        if !(1800..=last).contains(&(v as i32)) || e != j + 1 {
            return false;
        }
        // "its 1989 results", "the company's 1989 operating results": a results
        // noun may be plural and follow one adjective
        let results = |k: usize| self.is_any(k, YEAR_RESULT_NOUNS);
        let singular = self.word(e).is_some_and(|w| {
            w.len() >= 3 && !has(COUNT_NOUNS, w) && (!w.ends_with('s') || has(NOT_PLURAL, w))
        });
        let figures = results(e) || (self.word(e).is_some() && !self.cap(e) && results(e + 1));
        if !(singular || figures) {
            return false;
        }
        // "the shipper's 1989 profit": a possessive determines the year
        if j >= 2 && self.is(j - 1, "s") && self.is_apos(j - 2) && self.att(j - 1) {
            // "the suspect's 1987 Chevrolet" is a model, not a year's event
            return !self.cap(e);
        }
        // "its 1990 earnings" (but not "the firm has 2000 sales agents")
        if !singular {
            return self.is_any(j - 1, DETERMINERS);
        }
        // the determiner, with at most two adjectives between
        (1..=3).any(|back| {
            j >= back
                && self.is_any(j - back, DETERMINERS)
                && (j - back + 1..j).all(|k| self.word(k).is_some_and(|w| !has(DETERMINERS, w)))
        })
    }

    /// "the 1990s", "1990s", "the '90s", "the nineties".
    fn decade(&self, i: usize) -> R {
        let the = self.is_the(i);
        let j = if the { i + 1 } else { i };
        if let Some((v, 4)) = self.num(j) {
            if v % 10 != 0 || !(1000..=2990).contains(&v) || !self.clean_before(j) {
                return None;
            }
            let e = if self.att(j + 1) && self.is(j + 1, "s") {
                j + 2
            } else if self.att(j + 1)
                && self.is_apos(j + 1)
                && self.att(j + 2)
                && self.is(j + 2, "s")
            {
                j + 3
            } else {
                return None;
            };
            return Some((e, Node::Decade(v as i32)));
        }
        if self.is_apos(j)
            && let Some((v, 2)) = self.num(j + 1)
            && self.att(j + 1)
            && v % 10 == 0
            && self.att(j + 2)
            && self.is(j + 2, "s")
        {
            let y = if v <= 10 { 2000 + v } else { 1900 + v };
            return Some((j + 3, Node::Decade(y as i32)));
        }
        if the && let Some(y) = self.word(j).and_then(lex::decade_word) {
            return Some((j + 1, Node::Decade(y)));
        }
        None
    }

    /// "the 15th century", "the twenty-first century", "21st-century".
    fn century(&self, i: usize) -> R {
        let j = self.skip_the(i);
        let (mut k, n) = if let Some((v, d)) = self.num(j) {
            if d > 2 || !(self.att(j + 1) && self.is_any(j + 1, &["st", "nd", "rd", "th"])) {
                return None;
            }
            (j + 2, v)
        } else {
            let (k, v, ord) = self.num_words(j)?;
            if !ord {
                return None;
            }
            (k, v)
        };
        if self.is_dash(k) {
            k += 1;
        }
        if !self.is(k, "century") || !(1..=30).contains(&n) {
            return None;
        }
        Some((k + 1, Node::Century((n as i32 - 1) * 100)))
    }

    /// Quarters and halves: "Q3 2025", "2018Q4", "3Q25", "H1 2025", "2025-H1", "1H25",
    /// "the third quarter (of 2025)", "third-quarter", "the first half of the year".
    fn quarter_half(&self, i: usize) -> R {
        if let Some(r) = self.letter_quarter(i) {
            return r;
        }
        if let Some(r) = self.year_letter_quarter(i) {
            return Some(r);
        }
        if let Some(r) = self.count_letter_quarter(i) {
            return r;
        }
        self.worded_quarter(i)
    }

    /// "q" or "h" at `k`: a quarter (true) or a half (false).
    fn quarter_letter(&self, k: usize) -> Option<bool> {
        match self.word(k) {
            Some("q") => Some(true),
            Some("h") => Some(false),
            _ => None,
        }
    }

    /// "Q3", "Q3 2025", "Q3-2025", "Q3 of 2025", "H1 2025". `None`: not this form;
    /// `Some(None)`: this form, but no date.
    fn letter_quarter(&self, i: usize) -> Option<R> {
        let q = self.quarter_letter(i)?;
        let (n, 1) = self.num(i + 1)? else {
            return None;
        };
        if !self.att(i + 1) || !quarter_valid(q, n) {
            return None;
        }
        let e = i + 2;
        if self.att(e)
            && !self.is_dash(e)
            && !self.is_p(e, '/')
            && (!self.clean_after(e) || self.word(e).is_some() || self.num(e).is_some())
        {
            return Some(None);
        }
        // "H1-B", "H-1B": a visa, not a half
        if self.is_dash(e)
            && self.att(e)
            && self.att(e + 1)
            && self.word(e + 1).is_some_and(|w| w.len() == 1)
        {
            return Some(None);
        }
        let j = if (self.is_dash(e) || self.is_p(e, '/')) && self.att(e) || self.is(e, "of") {
            e + 1
        } else {
            e
        };
        if let Some((e2, y)) = self.year_at(j) {
            return Some(Some((e2, quarter_node(Yr::Abs(y), q, n))));
        }
        if self.att(e) && self.toks.get(e).is_some_and(|t| t.kind != Kind::Punct) {
            return Some(None);
        }
        if !q && !self.is_any(i.wrapping_sub(1), &["in", "the", "during", "for", "of"]) {
            return Some(None);
        }
        Some(Some((e, quarter_node(Yr::Infer, q, n))))
    }

    /// "2018Q4", "2025-Q3", "2025 Q3", "2019 H2".
    fn year_letter_quarter(&self, i: usize) -> Option<(usize, Node)> {
        let (y, 4) = self.num(i)? else {
            return None;
        };
        if !(1000..=2999).contains(&y) || !self.clean_before(i) {
            return None;
        }
        let j = if self.is_dash(i + 1) && self.att(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let q = self.quarter_letter(j)?;
        let (n, 1) = self.num(j + 1)? else {
            return None;
        };
        (self.att(j + 1)
            && quarter_valid(q, n)
            && self.clean_after(j + 2)
            && !(self.att(j + 2) && self.word(j + 2).is_some()))
        .then(|| (j + 2, quarter_node(Yr::Abs(y as i32), q, n)))
    }

    /// "3Q25", "1H25", "3Q 2025". `None`: not this form; `Some(None)`: this form,
    /// but no date.
    fn count_letter_quarter(&self, i: usize) -> Option<R> {
        let (n, 1) = self.num(i)? else {
            return None;
        };
        if !self.clean_before(i) || !self.att(i + 1) {
            return None;
        }
        let q = self.quarter_letter(i + 1)?;
        if !quarter_valid(q, n) {
            return None;
        }
        if let Some((yy, 2)) = self.num(i + 2)
            && self.att(i + 2)
            && self.clean_after(i + 3)
            && !(self.att(i + 3) && self.word(i + 3).is_some())
        {
            return Some(Some((i + 3, quarter_node(Yr::Abs(2000 + yy as i32), q, n))));
        }
        if !self.att(i + 2)
            && let Some((e, y)) = self.year_at(i + 2)
            && self.num(i + 2).is_some()
        {
            return Some(Some((e, quarter_node(Yr::Abs(y), q, n))));
        }
        Some(None)
    }

    /// "the third quarter of 2025", "4th qtr 2018", "third-quarter", "the first half".
    fn worded_quarter(&self, i: usize) -> R {
        let the = self.is_the(i);
        let j = if the { i + 1 } else { i };
        if the && let Some(r) = self.two_quarters(j) {
            return Some(r);
        }
        let (k, n) = self.quarter_ordinal(j)?;
        let k = if self.is_dash(k) && self.att(k) {
            k + 1
        } else {
            k
        };
        let q = match self.word(k)? {
            "quarter" | "qtr" => true,
            "half" => false,
            _ => return None,
        };
        if !quarter_valid(q, n) {
            return None;
        }
        let e = k + 1;
        if let Some((e2, y)) = self.year_at(e) {
            self.num(e)?;
            return Some((e2, quarter_node(Yr::Abs(y), q, n)));
        }
        if self.is(e, "of") {
            match self.quarter_of(e + 1, q, n) {
                Some(r) => return r,
                None if !q => return None,
                None => {}
            }
        }
        if !the && !q {
            // "half" without "the" is too common a word ("first half")
            if !self.is_dash(k - 1) {
                return None;
            }
        }
        if self.sports(i) {
            return None;
        }
        Some((e, quarter_node(Yr::Infer, q, n)))
    }

    /// "the first two quarters of 1990", "the last two quarters of 2025" (from the
    /// word after "the"): a half.
    fn two_quarters(&self, j: usize) -> Option<(usize, Node)> {
        if !self.is_any(j, &["first", "last"])
            || !self
                .num_words(j + 1)
                .is_some_and(|(k, v, ord)| k == j + 2 && v == 2 && !ord)
            || !self.is(j + 2, "quarters")
            || !self.is(j + 3, "of")
        {
            return None;
        }
        let (e2, y) = self.year_at(j + 4)?;
        let n = if self.is(j, "first") { 1 } else { 2 };
        Some((e2, quarter_node(Yr::Abs(y), false, n)))
    }

    /// The ordinal of a worded quarter or half: the token after it and its number
    /// ("3rd", "third", "final quarter of", "the last half of").
    fn quarter_ordinal(&self, j: usize) -> Option<(usize, u32)> {
        if let Some((v, d)) = self.num(j) {
            if d != 1 || !(self.att(j + 1) && self.is_any(j + 1, &["st", "nd", "rd", "th"])) {
                return None;
            }
            return Some((j + 2, v));
        }
        if self.is_any(j, &["final", "last"]) && self.is_any(j + 1, &["quarter", "qtr"]) {
            return self.is(j + 2, "of").then_some((j + 1, 4));
        }
        if self.is_any(j, &["last", "latter"]) && self.is(j + 1, "half") {
            // "the last half of 1989", "the latter half of the year"
            return self.is(j + 2, "of").then_some((j + 1, 2));
        }
        let (k, v, ord) = self.num_words(j)?;
        ord.then_some((k, v))
    }

    /// What follows "quarter of" / "half of" at `o`: a year or a container period.
    /// `None`: neither.
    fn quarter_of(&self, o: usize, q: bool, n: u32) -> Option<R> {
        if let Some((e2, y)) = self.year_at(o) {
            return Some(Some((e2, quarter_node(Yr::Abs(y), q, n))));
        }
        let (e2, node) = self.container(o)?;
        let sel = if q {
            Sel::Quarter(n as u8)
        } else {
            Sel::Half(n as u8)
        };
        Some(Some((
            e2,
            Node::Part {
                sel,
                of: Box::new(node),
            },
        )))
    }

    /// Seasons: "summer 2024", "the summer of 2024", "this summer", "last winter",
    /// "in the spring", "in fall".
    fn season(&self, i: usize) -> R {
        let (j, yr) = match self.occurrence(i) {
            Some((j, rel)) if !self.is(i, "past") => (j, Yr::Occ(rel)),
            _ => (self.skip_the(i), Yr::Infer),
        };
        let w = self.word(j)?;
        let s = season_word(w)?;
        let mut e = j + 1;
        let mut yr = yr;
        let k = if self.is(e, "of") || self.is_p(e, ',') {
            e + 1
        } else {
            e
        };
        if yr == Yr::Infer
            && let Some((e2, y)) = self.year_at(k)
        {
            yr = Yr::Abs(y);
            e = e2;
        }
        if yr == Yr::Infer {
            let the = j > i;
            let start = if the { i } else { j };
            let prep = self.prev_word(start).is_some_and(|p| {
                matches!(
                    p,
                    "in" | "into"
                        | "during"
                        | "over"
                        | "since"
                        | "until"
                        | "through"
                        | "throughout"
                        | "by"
                        | "before"
                        | "after"
                        | "early"
                        | "late"
                        | "mid"
                        | "this"
                )
            });
            if !prep {
                return None;
            }
            if matches!(w, "fall" | "spring") && !the && !self.is(i.wrapping_sub(1), "in") {
                return None;
            }
        }
        Some((
            e,
            Node::Cal(Cal {
                yr,
                what: What::Season(s),
            }),
        ))
    }

    /// Holidays: "Christmas", "Christmas Day 2024", "next Thanksgiving", "Easter
    /// 2018", "Thanksgiving of next year".
    fn holiday(&self, i: usize) -> R {
        let (j, occ) = match self.occurrence(i) {
            Some((j, rel)) if !self.is(i, "past") => (j, Some(rel)),
            _ => (i, None),
        };
        let w = self.word(j)?;
        if !self.info[j].holiday_start {
            return None;
        }
        // "Chinese New Year", "Orthodox Easter" (unless a pattern starts there); "the
        // following Easter" is relative to another date
        if self
            .prev_word(j)
            .is_some_and(|p| has(HOLIDAY_QUALIFIERS, p) || matches!(p, "following" | "that"))
        {
            return None;
        }
        let mut best: Option<(usize, Holiday)> = None;
        // only the names whose first word is `w` can match, in table order
        let named = HOLIDAYS_BY_FIRST.get(w).map_or(&[][..], Vec::as_slice);
        for &(pat, h) in named {
            if let Some(e) = self.match_words(j, pat)
                && best.is_none_or(|b| e > b.0)
            {
                best = Some((e, h));
            }
        }
        let (mut e, h) = best?;
        let distinct = has(HOLIDAY_DISTINCT, w);
        let year_follows = self.year_at(e).is_some()
            || (self.is_any(e, &["of", "in"]) || self.is_p(e, ','))
                && self.year_at(e + 1).is_some();
        if !(self.caseless || self.cap(j) || distinct || year_follows) {
            return None;
        }
        // "Lent" is also the past of "lend": only capitalised or with a year.
        if w == "lent" && e == j + 1 && !(self.cap(j) || year_follows) {
            return None;
        }
        let mut yr = occ.map_or(Yr::Infer, Yr::Occ);
        if occ.is_none() {
            let k = if self.is_any(e, &["of", "in"]) || self.is_p(e, ',') {
                e + 1
            } else {
                e
            };
            if let Some((e2, y)) = self.year_at(k) {
                yr = Yr::Abs(y);
                e = e2;
            } else if let Some((e2, off)) = self.year_offset(k) {
                yr = Yr::Offset(off);
                e = e2;
            }
        }
        let day = Node::Cal(Cal {
            yr,
            what: What::Holiday(h),
        });
        // "Easter week", "Thanksgiving week": the week (Monday to Sunday) of the day
        if self.is(e, "week") && !matches!(h, Holiday::EasterSpan(..) | Holiday::OrthodoxSpan(..)) {
            return Some((e + 1, Node::WeekOf(Box::new(day))));
        }
        Some((e, day))
    }

    /// "this year", "last year", "next year" as a year offset.
    fn year_offset(&self, i: usize) -> Option<(usize, i32)> {
        let off = match self.word(i)? {
            "this" | "current" => 0,
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        self.is(i + 1, "year").then_some((i + 2, off))
    }

    /// Matches words in order, skipping possessive marks ("new year's eve",
    /// "presidents' day") and the period of "St.".
    fn match_words(&self, i: usize, pat: &[&str]) -> Option<usize> {
        let mut j = i;
        for (n, p) in pat.iter().enumerate() {
            if n > 0 {
                if self.is_apos(j) && self.att(j) {
                    j += 1;
                    if self.is(j, "s") && self.att(j) {
                        j += 1;
                    }
                }
                if self.is_p(j, '.') && self.att(j) && self.word(j - 1).is_some() {
                    j += 1;
                }
                if self.is_dash(j) && self.att(j) {
                    j += 1;
                }
            }
            if !self.is(j, p) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// today, yesterday, tomorrow, tonight, this morning, last night, the day
    /// before yesterday, earlier this year, later this month, so far this year,
    /// year to date, the rest of the week.
    fn rel_simple(&self, i: usize) -> R {
        let w = self.word(i)?;
        match w {
            // "today's youth", "the world of tomorrow": the present or future age,
            // no day
            "today"
                if self.is_apos(i + 1) && self.is(i + 2, "s") && self.is_any(i + 3, AGE_NOUNS) =>
            {
                return None;
            }
            "tomorrow" if self.prev_word(i) == Some("of") => return None,
            "today" | "tonight" => return Some((i + 1, Node::RelDay(0))),
            "yesterday" => return Some((i + 1, Node::RelDay(-1))),
            "tomorrow" => return Some((i + 1, Node::RelDay(1))),
            "this" if self.is_any(i + 1, &["morning", "afternoon", "evening"]) => {
                return Some((i + 2, Node::RelDay(0)));
            }
            "last" if self.is(i + 1, "night") => return Some((i + 2, Node::RelDay(-1))),
            "earlier" | "later"
                if self.is(i + 1, "this") || (self.is(i + 1, "in") && self.is_the(i + 2)) =>
            {
                let k = if self.is(i + 1, "this") { i + 2 } else { i + 3 };
                let (u, false) = unit1(self.word(k)?)? else {
                    return None;
                };
                if !matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter) {
                    return None;
                }
                let n = if w == "earlier" {
                    Node::ToDate(u)
                } else {
                    Node::RestOf(u)
                };
                return Some((k + 1, n));
            }
            "so" if self.is(i + 1, "far") && self.is(i + 2, "this") => {
                let (u, _) = unit1(self.word(i + 3)?)?;
                return Some((i + 4, Node::ToDate(u)));
            }
            "year" if self.is(i + 1, "to") && self.is(i + 2, "date") => {
                return Some((i + 3, Node::ToDate(Unit::Year)));
            }
            "year" if self.is_dash(i + 1) && self.is(i + 2, "to") && self.is_dash(i + 3) => {
                if self.is(i + 4, "date") {
                    return Some((i + 5, Node::ToDate(Unit::Year)));
                }
                return None;
            }
            _ => {}
        }
        let j = self.skip_the(i);
        if self.is(j, "day") && self.is_any(j + 1, &["before", "after"]) {
            let before = self.is(j + 1, "before");
            return match self.word(j + 2)? {
                "yesterday" if before => Some((j + 3, Node::RelDay(-2))),
                "tomorrow" if !before => Some((j + 3, Node::RelDay(2))),
                _ => None,
            };
        }
        if self.is(j, "rest") && self.is(j + 1, "of") && self.is_any(j + 2, &["the", "this"]) {
            let (u, false) = unit1(self.word(j + 3)?)? else {
                return None;
            };
            return Some((j + 4, Node::RestOf(u)));
        }
        None
    }

    /// "this week", "last month", "next year", "the past week", "this quarter",
    /// "this weekend", "the week after next", "current year".
    fn rel_period(&self, i: usize) -> R {
        let j = self.skip_the(i);
        if j > i
            && let Some((u, false)) = self.word(j).and_then(unit1)
            && u != Unit::Day
        {
            // "the week after next", "the year before last"
            if self.is(j + 1, "after") && self.is(j + 2, "next") {
                return Some((j + 3, Node::RelPeriod { unit: u, k: 2 }));
            }
            if self.is(j + 1, "before") && self.is(j + 2, "last") {
                return Some((j + 3, Node::RelPeriod { unit: u, k: -2 }));
            }
        }
        let (k, off) = match self.word(j)? {
            "this" if self.is(j + 1, "past") => (j + 2, -1),
            "this" if self.is_any(j + 1, &["coming", "upcoming"]) => (j + 2, 1),
            "this" | "current" => (j + 1, 0),
            "last" | "past" => (j + 1, -1),
            "previous" if j == i && !self.is_the(i.wrapping_sub(1)) => (j + 1, -1),
            "next" | "coming" | "upcoming" => (j + 1, 1),
            _ => return None,
        };
        // "two upcoming weeks": a count before is another construction
        if i > 0 && self.count(i - 1).is_some_and(|c| c.0 == i) {
            return None;
        }
        // "this calendar year"
        let k = if self.is(k, "calendar") && self.is(k + 1, "year") {
            k + 1
        } else {
            k
        };
        let (u, plural, mult) = unit_word(self.word(k)?)?;
        if plural || u == Unit::Day {
            return None;
        }
        let coming = self.is_any(k - 1, &["coming", "upcoming"]);
        if u == Unit::Weekend && coming {
            return Some((k + 1, Node::ComingWeekend));
        }
        if u == Unit::Week && mult == 1 && self.is(k - 1, "past") {
            return Some((k + 1, Node::PastWeek));
        }
        if u == Unit::Year && mult == 10 {
            // "the next decade": the calendar decade
            return Some((
                k + 1,
                Node::RelPeriod {
                    unit: Unit::Decade,
                    k: off,
                },
            ));
        }
        if mult > 1 {
            return match off {
                -1 => Some((k + 1, Node::LastN { unit: u, n: mult })),
                1 => Some((k + 1, Node::NextN { unit: u, n: mult })),
                _ => None,
            };
        }
        Some((k + 1, Node::RelPeriod { unit: u, k: off }))
    }

    /// "the last two weeks", "the past 12 months", "next three days".
    fn last_next_n(&self, i: usize) -> R {
        let j = self.skip_the(i);
        let dir_of = |w: &str| match w {
            "last" | "past" | "previous" => Some(-1),
            "next" | "coming" => Some(1),
            _ => None,
        };
        let (dir, k, n) = if let Some(dir) = self.word(j).and_then(dir_of) {
            if self.is_any(j + 1, &["a", "an"]) {
                return None;
            }
            let (k, n) = self.count(j + 1)?;
            (dir, k, n)
        } else {
            // "the 5 past years", "2 next days"
            let (k, n) = self.count(j)?;
            if self.is_any(j, &["a", "an"]) {
                return None;
            }
            (self.word(k).and_then(dir_of)?, k + 1, n)
        };
        let (u, plural, mult) = unit_word(self.word(k)?)?;
        if !plural && n != 1 || !(1..=1000).contains(&n) || u == Unit::Weekend {
            return None;
        }
        let n = n * mult;
        let node = if dir < 0 {
            Node::LastN { unit: u, n }
        } else {
            Node::NextN { unit: u, n }
        };
        Some((k + 1, node))
    }

    /// "two days ago", "a week from now", "3 days after tomorrow", "in two weeks",
    /// "2 thursdays ago", "3 fridays from now".
    fn shift(&self, i: usize) -> R {
        if self.is(i, "in") || self.is(i, "within") {
            let (k, n) = self.count(i + 1)?;
            let (u, plural, mult) = unit_word(self.word(k)?)?;
            if plural != (n != 1) || u == Unit::Weekend {
                return None;
            }
            let n = n * mult;
            let mut e = k + 1;
            // "in two weeks' time", "in a fortnight's time"
            if self.is(e, "time") {
                e += 1;
            } else if self.is_apos(e) && self.is(e + 1, "time") {
                e += 2;
            } else if self.is_apos(e) && self.is(e + 1, "s") && self.is(e + 2, "time") {
                e += 3;
            }
            if self.is(i, "within") {
                return None;
            }
            return Some((e, Node::InFuture { n, unit: u }));
        }
        let (k, n) = self.count(i)?;
        if let Some(wd) = self.word(k).and_then(lex::weekday_plural) {
            if self.is_any(k + 1, &["ago", "back"]) {
                return Some((
                    k + 2,
                    Node::Wd {
                        wd,
                        rel: WdRel::Count(-n),
                    },
                ));
            }
            if self.is(k + 1, "from") && self.is_any(k + 2, &["now", "today"]) {
                return Some((
                    k + 3,
                    Node::Wd {
                        wd,
                        rel: WdRel::Count(n),
                    },
                ));
            }
            return None;
        }
        let (u, plural, mult) = unit_word(self.word(k)?)?;
        if plural != (n != 1) || u == Unit::Weekend {
            return None;
        }
        let n = n * mult;
        let today = || Box::new(Node::RelDay(0));
        // "a week or so ago": the hedge leaves the count as written
        let k =
            if self.is(k + 1, "or") && self.is(k + 2, "so") && self.is_any(k + 3, &["ago", "back"])
            {
                k + 2
            } else {
                k
            };
        if n == 1 && u == Unit::Year && self.is_any(k + 1, &["ago", "back"]) {
            return Some((k + 2, self.year_ago_node(i)));
        }
        match self.word(k + 1)? {
            "ago" | "back" => Some((
                k + 2,
                Node::Shift {
                    n: -n,
                    unit: u,
                    base: today(),
                },
            )),
            "hence" => Some((
                k + 2,
                Node::Shift {
                    n,
                    unit: u,
                    base: today(),
                },
            )),
            "from" if self.is_any(k + 2, &["now", "today"]) => Some((
                k + 3,
                Node::Shift {
                    n,
                    unit: u,
                    base: today(),
                },
            )),
            w @ ("from" | "before" | "after") => {
                let (e, base) = self.atom(k + 2)?;
                let sign = if w == "before" { -1 } else { 1 };
                Some((
                    e,
                    Node::Shift {
                        n: sign * n,
                        unit: u,
                        base: Box::new(base),
                    },
                ))
            }
            _ => None,
        }
    }

    /// Weekdays: "Wednesday", "next Friday", "last Friday", "this past Wednesday",
    /// "this coming Thursday", "Friday after next", "Wednesday of next week".
    fn rel_weekday(&self, i: usize) -> R {
        // "next week on Tuesday", "this week Monday", "previous week - Monday"
        if let Some((k, off)) = self.week_ref(i) {
            let mut m = k;
            if self.is(m, "on") || self.is_p(m, ',') || self.is_dash(m) {
                m += 1;
            } else if self.is_apos(m) && self.is(m + 1, "s") {
                m += 2;
            }
            let (e, wd, form, _) = self.weekday_at(m)?;
            if form == WdForm::Ambiguous && !(self.caseless || self.cap(m)) {
                return None;
            }
            return Some((
                e,
                Node::Wd {
                    wd,
                    rel: WdRel::Week(off),
                },
            ));
        }
        let (j, rel) = match self.word(i)? {
            "this" if self.is(i + 1, "past") => (i + 2, WdRel::Past),
            "this" if self.is_any(i + 1, &["coming", "upcoming"]) => (i + 2, WdRel::Coming),
            "this" => (i + 1, WdRel::This),
            "next" => (i + 1, WdRel::Next),
            "last" | "previous" => (i + 1, WdRel::Last),
            "past" => (i + 1, WdRel::Past),
            "coming" | "upcoming" => (i + 1, WdRel::Coming),
            _ => (i, WdRel::Plain),
        };
        let (e, wd, form, dot) = self.weekday_at(j)?;
        if rel == WdRel::Plain {
            if self.prev_word(i).is_some_and(|p| {
                has(WD_COLLOCATIONS, p) || matches!(p, "following" | "that" | "same")
            }) {
                return None;
            }
            let ok = match form {
                WdForm::Full => true,
                WdForm::Abbr => self.caseless || self.cap(i) || dot || self.alone(i, e),
                WdForm::Ambiguous => {
                    (dot && (self.caseless || self.cap(i))
                        && !self.is_any(i.wrapping_sub(1), &["the", "a"]))
                        || self.alone(i, e)
                }
            };
            if !ok {
                return None;
            }
            if self.is(e, "after") && self.is(e + 1, "next") {
                return Some((
                    e + 2,
                    Node::Wd {
                        wd,
                        rel: WdRel::AfterNext,
                    },
                ));
            }
            if self.is_any(e, &["of", "from", "in"])
                && let Some((k, off)) = self.week_ref(e + 1)
            {
                return Some((
                    k,
                    Node::Wd {
                        wd,
                        rel: WdRel::Week(off),
                    },
                ));
            }
            if let Some((k, off)) = self.week_ref(e)
                && !self.is_the(e)
            {
                return Some((
                    k,
                    Node::Wd {
                        wd,
                        rel: WdRel::Week(off),
                    },
                ));
            }
        } else if form == WdForm::Ambiguous && !(self.caseless || self.cap(j) || dot) {
            return None;
        }
        Some((e, Node::Wd { wd, rel }))
    }

    /// "this week", "next week", "last week", "the previous week" as a week offset.
    fn week_ref(&self, i: usize) -> Option<(usize, i32)> {
        let j = self.skip_the(i);
        let off = match self.word(j)? {
            "this" | "current" => 0,
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        self.is(j + 1, "week").then_some((j + 2, off))
    }

    /// A period a selector can pick from: a month ("March", "March 2014"), a year, a
    /// relative period ("next month", "this year"), "the month", "the year", "the
    /// week".
    fn container(&self, i: usize) -> R {
        let mut best: R = None;
        longest(&mut best, self.month_year(i));
        if let Some((e, m)) = self.month_at(i) {
            longest(
                &mut best,
                Some((
                    e,
                    Node::Cal(Cal {
                        yr: Yr::Infer,
                        what: What::Month(m),
                    }),
                )),
            );
        }
        longest(&mut best, self.rel_month(i));
        longest(&mut best, self.rel_period(i));
        if let Some((e, y)) = self.year_at(i)
            && self.num(i).is_some()
        {
            longest(
                &mut best,
                Some((
                    e,
                    Node::Cal(Cal {
                        yr: Yr::Abs(y),
                        what: What::Year,
                    }),
                )),
            );
        }
        longest(&mut best, self.year_alone(i));
        longest(&mut best, self.decade(i));
        longest(&mut best, self.century(i));
        longest(&mut best, self.season(i));
        longest(&mut best, self.quarter_half(i));
        let j = self.skip_the(i);
        if let Some((u, false)) = self.word(j).and_then(unit1)
            && matches!(u, Unit::Week | Unit::Month | Unit::Year)
            && (j > i || (i > 0 && self.is(i - 1, "of")))
        {
            longest(&mut best, Some((j + 1, Node::RelPeriod { unit: u, k: 0 })));
        }
        best
    }

    /// "the first Monday of March", "last Friday of October", "the second Tuesday
    /// in this month".
    fn nth_wd(&self, i: usize) -> R {
        let j = self.skip_the(i);
        let (k, n) = if self.is(j, "last") {
            (j + 1, -1i8)
        } else if let Some((v, d)) = self.num(j) {
            if d != 1 || !(self.att(j + 1) && self.is_any(j + 1, &["st", "nd", "rd", "th"])) {
                return None;
            }
            (j + 2, v as i8)
        } else {
            let (k, v, ord) = self.num_words(j)?;
            if !ord {
                return None;
            }
            (k, v as i8)
        };
        if !(n == -1 || (1..=5).contains(&n)) {
            return None;
        }
        let (e, wd, form, _) = self.weekday_at(k)?;
        if form == WdForm::Ambiguous && !(self.caseless || self.cap(k)) {
            return None;
        }
        if !self.is_any(e, &["of", "in"]) {
            return None;
        }
        let (e2, of) = self.container(e + 1)?;
        Some((
            e2,
            Node::NthWd {
                n,
                wd,
                of: Box::new(of),
            },
        ))
    }

    /// "the 20th of next month", "the last day of October 2015", "the first day of
    /// 2025", "20th day of next month".
    fn day_of(&self, i: usize) -> R {
        let j = self.skip_the(i);
        let (mut k, day) = if self.is(j, "last") {
            if !self.is(j + 1, "day") {
                return None;
            }
            (j + 1, 0u8)
        } else {
            let (k, d, ord) = self.day_at(j, false)?;
            if !ord && self.num(j).is_none() {
                return None;
            }
            (k, d)
        };
        if self.is(k, "day") {
            k += 1;
        }
        if !self.is_any(k, &["of", "in"]) {
            // "the 21st this month"
            if j > i
                && let Some((
                    e,
                    of @ Node::RelPeriod {
                        unit: Unit::Month, ..
                    },
                )) = self.rel_period(k)
            {
                return Some((
                    e,
                    Node::DayOf {
                        day,
                        of: Box::new(of),
                    },
                ));
            }
            return None;
        }
        let (e, of) = self.container(k + 1)?;
        Some((
            e,
            Node::DayOf {
                day,
                of: Box::new(of),
            },
        ))
    }

    /// "early March", "mid-2024", "late last year", "the end of 2024", "the beginning
    /// of the month", "the late 1990s", "late Tuesday".
    fn part(&self, i: usize) -> R {
        let j = self.skip_the(i);
        // Business shorthand: "EOM", "EOY" (end of month/year), "BOM" (beginning of month).
        let short = match self.word(j)? {
            "eom" => Some((Sel::Late, Unit::Month)),
            "eoy" => Some((Sel::Late, Unit::Year)),
            "bom" => Some((Sel::Early, Unit::Month)),
            _ => None,
        };
        if let Some((sel, unit)) = short {
            return Some((
                j + 1,
                Node::Part {
                    sel,
                    of: Box::new(Node::RelPeriod { unit, k: 0 }),
                },
            ));
        }
        let (k, sel) = match self.word(j)? {
            // "the late-November trip", "early-1990 talks": joined by a dash
            "early" | "late" => {
                let joined = self.is_dash(j + 1) && self.att(j + 1) && self.att(j + 2);
                let k = if joined { j + 2 } else { j + 1 };
                (
                    k,
                    if self.is(j, "early") {
                        Sel::Early
                    } else {
                        Sel::Late
                    },
                )
            }
            "mid" => {
                let k = if self.is_dash(j + 1) { j + 2 } else { j + 1 };
                (k, Sel::Mid)
            }
            "beginning" | "start" if self.is(j + 1, "of") => (j + 2, Sel::Early),
            "middle" if self.is(j + 1, "of") => (j + 2, Sel::Mid),
            "end" | "close" if self.is(j + 1, "of") => (j + 2, Sel::Late),
            _ => return None,
        };
        let mut best: R = self.container(k);
        longest(&mut best, self.rel_weekday(k));
        longest(&mut best, self.rel_simple(k));
        longest(
            &mut best,
            self.cal_day(k, false).map(|(e, c)| (e, Node::Cal(c))),
        );
        longest(&mut best, self.holiday(k));
        let (e, of) = best?;
        Some((
            e,
            Node::Part {
                sel,
                of: Box::new(of),
            },
        ))
    }

    // ---- ranges -------------------------------------------------------------------

    /// "from A to B", "between A and B", "A - B", "A through B", with partial sides
    /// completed from each other ("Dec. 1-3, 2025", "13th to 15th July", "from March
    /// to June 2024", "2019-21").
    pub fn range(&self, i: usize) -> Option<Parsed> {
        match self.range_memo.get(i) {
            Some(cell) if self.memo => cell.get_or_init(|| self.range_read(i)).clone(),
            _ => self.range_read(i),
        }
    }

    /// [`Parser::range`], read.
    fn range_read(&self, i: usize) -> Option<Parsed> {
        let (j, intro) = match self.word(i) {
            Some("from") => (i + 1, 1),
            Some("between") => (i + 1, 2),
            _ => (i, 0),
        };
        let ctx = intro > 0;
        let (k, a, wd) = self.side(j, ctx, None)?;
        let conn_ok = match intro {
            2 => self.is(k, "and") || self.is_p(k, '&'),
            _ => {
                self.is_any(k, &["to", "through", "thru", "till", "until"])
                    || self.is_dash(k)
                    || self.is_p(k, '~')
            }
        };
        if !conn_ok {
            return None;
        }
        let (e, b, _) = self.side(k + 1, ctx || intro == 0, Some(&a))?;
        if !range_ok(&a, &b, intro) {
            return None;
        }
        // "a revision Friday to December's figures": an end in the possessive
        // qualifies a noun; "to" is a preposition there, not a range
        if self.is_apos(e) && self.att(e) && self.is(e + 1, "s") {
            return None;
        }
        // Not part of a longer code: "138-2010-2015", "2010-2015-86".
        if intro == 0
            && (!self.clean_before(j)
                || (j > 0 && self.att(j) && self.is_dash(j - 1))
                || ((self.is_dash(e) || self.is_p(e, '/')) && self.att(e) && self.att(e + 1)))
        {
            return None;
        }
        Some(Parsed {
            start: i,
            end: e,
            date_start: i,
            date_end: e,
            node: Node::Range(Box::new(a), Box::new(b)),
            wd,
            bound: None,
        })
    }

    /// One side of a range: an atom, or a bare day, year or month.
    #[allow(clippy::type_complexity)]
    fn side(
        &self,
        i: usize,
        ctx: bool,
        left: Option<&Node>,
    ) -> Option<(usize, Node, Option<(Weekday, usize)>)> {
        let mut best: Option<(usize, Node, Option<(Weekday, usize)>)> = None;
        let mut take = |e: usize, n: Node, wd: Option<(Weekday, usize)>| {
            if best.as_ref().is_none_or(|b| e > b.0) {
                best = Some((e, n, wd));
            }
        };
        if let Some(p) = self.atom_wd(i) {
            take(p.end, p.node, p.wd);
        }
        if ctx && let Some((e, c)) = self.cal_day(i, true) {
            take(e, Node::Cal(c), None);
        }
        let j = self.skip_the(i);
        let after_year = matches!(
            left,
            Some(Node::Cal(Cal {
                what: What::Year,
                ..
            }))
        );
        if let Some((e, d, _)) = self.day_at(j, true)
            && (self.num(j).is_none() || self.clean_before(j))
            && !after_year
        {
            // "Dec. 1-3, 2025": the year after the second day
            let (e, yr) = match (left, self.year_after(e)) {
                (Some(_), Some((e2, y))) if self.is_p(e, ',') || self.num(e).is_some() => {
                    (e2, Yr::Abs(y))
                }
                _ => (e, Yr::Infer),
            };
            take(
                e,
                Node::Cal(Cal {
                    yr,
                    what: What::DayOnly(d),
                }),
                None,
            );
        }
        if left.is_some() && self.is(i, "now") {
            take(i + 1, Node::RelDay(0), None);
        }
        if j == i {
            if let Some((e, y)) = self.year_at(i)
                && self.num(i).is_some()
                && self.clean_before(i)
            {
                take(
                    e,
                    Node::Cal(Cal {
                        yr: Yr::Abs(y),
                        what: What::Year,
                    }),
                    None,
                );
            }
            // "2019-21": a two-digit year after a four-digit one
            if let Some(Node::Cal(Cal {
                yr: Yr::Abs(y0),
                what: What::Year,
            })) = left
                && let Some((v, 2)) = self.num(i)
                && self.att(i)
                && self.clean_after(i + 1)
            {
                let y = y0 - y0.rem_euclid(100) + v as i32;
                if y > *y0 && y - y0 <= 10 {
                    take(
                        i + 1,
                        Node::Cal(Cal {
                            yr: Yr::Abs(y),
                            what: What::Year,
                        }),
                        None,
                    );
                }
            }
            if let Some((e, m)) = self.month_at(i) {
                take(
                    e,
                    Node::Cal(Cal {
                        yr: Yr::Infer,
                        what: What::Month(m),
                    }),
                    None,
                );
            }
        }
        // "from 5/1-5/7, 2020": a year after the second side
        if let (Some(_), Some((e, Node::Cal(c), _))) = (left, best.as_mut())
            && c.yr == Yr::Infer
            && self.is_p(*e, ',')
            && let Some((e2, y)) = self.year_at(*e + 1)
        {
            c.yr = Yr::Abs(y);
            *e = e2;
        }
        best
    }
}

/// Whether two sides make a range: both calendar expressions that share a month or
/// year, or relative expressions; never two bare numbers.
fn range_ok(a: &Node, b: &Node, intro: u8) -> bool {
    use What::*;
    match (a, b) {
        (Node::Cal(x), Node::Cal(y)) => match (x.what, y.what) {
            (DayOnly(_), DayOnly(_)) => false,
            (DayOnly(_), Day(..)) | (Day(..), DayOnly(_)) => true,
            (Year, Year) => matches!((x.yr, y.yr), (Yr::Abs(p), Yr::Abs(q)) if p < q),
            (DayOnly(_), _) | (_, DayOnly(_)) => false,
            (Month(_), Month(_)) => intro > 0 || !matches!((x.yr, y.yr), (Yr::Infer, Yr::Infer)),
            (Year, _) | (_, Year) => intro > 0,
            _ => true,
        },
        (
            Node::Cal(Cal {
                what: What::DayOnly(_),
                ..
            }),
            _,
        )
        | (
            _,
            Node::Cal(Cal {
                what: What::DayOnly(_),
                ..
            }),
        ) => false,
        (
            Node::Cal(Cal {
                what: What::Year, ..
            }),
            _,
        )
        | (
            _,
            Node::Cal(Cal {
                what: What::Year, ..
            }),
        ) => intro > 0,
        _ => true,
    }
}

/// Nouns after "today's" that name the present age, not the day ("today's
/// youth", "today's world").
const AGE_NOUNS: &[&str] = &[
    "children",
    "culture",
    "economy",
    "families",
    "generation",
    "kids",
    "society",
    "students",
    "teenagers",
    "world",
    "young",
    "youth",
];

/// Words that can start an expression (besides names and numbers).
const START_WORDS: &[&str] = &[
    "a",
    "after",
    "an",
    "before",
    "beginning",
    "between",
    "bom",
    "by",
    "calendar",
    "close",
    "coming",
    "comparable",
    "corresponding",
    "couple",
    "current",
    "currently",
    "day",
    "earlier",
    "early",
    "end",
    "eom",
    "eoy",
    "few",
    "fewer",
    "final",
    "fiscal",
    "following",
    "formerly",
    "from",
    "future",
    "h",
    "in",
    "last",
    "late",
    "lately",
    "later",
    "latest",
    "less",
    "many",
    "mid",
    "middle",
    "months",
    "more",
    "most",
    "next",
    "no",
    "now",
    "nowadays",
    "past",
    "post",
    "pre",
    "presently",
    "previous",
    "previously",
    "prior",
    "q",
    "recent",
    "recently",
    "rest",
    "right",
    "same",
    "several",
    "shortly",
    "since",
    "so",
    "some",
    "soon",
    "start",
    "starting",
    "that",
    "the",
    "these",
    "this",
    "through",
    "till",
    "today",
    "tomorrow",
    "tonight",
    "until",
    "upcoming",
    "week",
    "weeks",
    "within",
    "year",
    "yearend",
    "years",
    "yesterday",
];

/// Words before a holiday name that make it another calendar's ("Chinese New Year").
const HOLIDAY_QUALIFIERS: &[&str] = &[
    "balinese",
    "bengali",
    "chinese",
    "coptic",
    "ethiopian",
    "hijri",
    "hindu",
    "iranian",
    "islamic",
    "jewish",
    "julian",
    "khmer",
    "korean",
    "lunar",
    "mongolian",
    "nepali",
    "orthodox",
    "parsi",
    "persian",
    "sikh",
    "sinhala",
    "tamil",
    "thai",
    "tibetan",
    "vietnamese",
];

/// Holiday names that are no common word: found in any letter case.
const HOLIDAY_DISTINCT: &[&str] = &[
    "ashura",
    "bakrid",
    "chanukah",
    "chanukkah",
    "christmas",
    "easter",
    "eid",
    "epiphany",
    "halloween",
    "hannukah",
    "hanukah",
    "hanukkah",
    "ides",
    "jamat",
    "jumu",
    "juneteenth",
    "koningsdag",
    "kurban",
    "lailat",
    "laylat",
    "mawlid",
    "mlk",
    "orthodox",
    "passover",
    "pentecost",
    "pesach",
    "purim",
    "ramadan",
    "ramazan",
    "rosh",
    "shavuos",
    "shavuot",
    "shemini",
    "simchat",
    "simhat",
    "succos",
    "succot",
    "sukkos",
    "sukkot",
    "thanksgiving",
    "tisha",
    "valentine",
    "valentines",
    "whitsunday",
    "xmas",
    "yom",
];

/// First words of holiday names.
const HOLIDAY_STARTS: &[&str] = &[
    "all",
    "armistice",
    "ascension",
    "ash",
    "ashura",
    "bakr",
    "bakrid",
    "black",
    "boss",
    "bosses",
    "boxing",
    "chanukah",
    "chanukkah",
    "chinese",
    "christmas",
    "clean",
    "columbus",
    "corpus",
    "cyber",
    "day",
    "earth",
    "easter",
    "eid",
    "election",
    "epiphany",
    "father",
    "fathers",
    "feast",
    "good",
    "great",
    "halloween",
    "hannukah",
    "hanukah",
    "hanukkah",
    "hijri",
    "holy",
    "id",
    "ides",
    "indigenous",
    "international",
    "islamic",
    "isra",
    "jamat",
    "jumu",
    "juneteenth",
    "koningsdag",
    "kurban",
    "labor",
    "lag",
    "lailat",
    "laylat",
    "lazarus",
    "lent",
    "lunar",
    "mardi",
    "martin",
    "maundy",
    "mawlid",
    "memorial",
    "milad",
    "mlk",
    "mother",
    "mothers",
    "new",
    "orthodox",
    "palm",
    "pancake",
    "passover",
    "pentecost",
    "pesach",
    "president",
    "presidents",
    "purim",
    "ramadan",
    "ramazan",
    "rosh",
    "saint",
    "shavuos",
    "shavuot",
    "shemini",
    "shrove",
    "shushan",
    "simchat",
    "simhat",
    "st",
    "succos",
    "succot",
    "sukkos",
    "sukkot",
    "thanksgiving",
    "tisha",
    "trinity",
    "tu",
    "valentine",
    "valentines",
    "veterans",
    "washington",
    "whit",
    "whitsunday",
    "xmas",
    "yom",
];

/// [`HOLIDAYS`] by the first word of each name, each word's names in table order:
/// a holiday is tried only against the names its first word can begin.
static HOLIDAYS_BY_FIRST: LazyLock<lex::FnvMap<&'static str, HolidayNames>> = LazyLock::new(|| {
    let mut by: lex::FnvMap<&'static str, HolidayNames> = lex::FnvMap::default();
    for &(pat, h) in HOLIDAYS {
        if let Some(first) = pat.first() {
            by.entry(first).or_default().push((pat, h));
        }
    }
    by
});

/// Holiday names and their rules, as [`HOLIDAYS`] lists them.
type HolidayNames = Vec<(&'static [&'static str], Holiday)>;

const HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["trinity", "sunday"], Holiday::Easter(56)),
    (&["ides", "of", "march"], Holiday::Fixed(3, 15)),
    (&["corpus", "christi"], Holiday::Easter(60)),
    (&["lent"], Holiday::EasterSpan(-46, -1)),
    (&["great", "lent"], Holiday::OrthodoxSpan(-48, -9)),
    (&["all", "saints", "day"], Holiday::Fixed(11, 1)),
    (&["all", "souls", "day"], Holiday::Fixed(11, 2)),
    (&["epiphany"], Holiday::Fixed(1, 6)),
    (&["koningsdag"], Holiday::Observed(4, 27, 0, -1)),
    (&["boss", "day"], Holiday::Observed(10, 16, -1, 1)),
    (&["bosses", "day"], Holiday::Observed(10, 16, -1, 1)),
    (&["international", "workers", "day"], Holiday::Fixed(5, 1)),
    (&["rosh", "hashanah"], Holiday::Jewish(Jewish::RoshHashanah)),
    (&["rosh", "hashana"], Holiday::Jewish(Jewish::RoshHashanah)),
    (&["yom", "kippur"], Holiday::Jewish(Jewish::YomKippur)),
    (&["sukkot"], Holiday::Jewish(Jewish::Sukkot)),
    (&["succot"], Holiday::Jewish(Jewish::Sukkot)),
    (&["sukkos"], Holiday::Jewish(Jewish::Sukkot)),
    (&["succos"], Holiday::Jewish(Jewish::Sukkot)),
    (
        &["feast", "of", "tabernacles"],
        Holiday::Jewish(Jewish::Sukkot),
    ),
    (
        &["shemini", "atzeret"],
        Holiday::Jewish(Jewish::SheminiAtzeret),
    ),
    (&["simchat", "torah"], Holiday::Jewish(Jewish::SimchatTorah)),
    (&["simhat", "torah"], Holiday::Jewish(Jewish::SimchatTorah)),
    (&["hanukkah"], Holiday::Jewish(Jewish::Hanukkah)),
    (&["hanukah"], Holiday::Jewish(Jewish::Hanukkah)),
    (&["chanukah"], Holiday::Jewish(Jewish::Hanukkah)),
    (&["chanukkah"], Holiday::Jewish(Jewish::Hanukkah)),
    (&["hannukah"], Holiday::Jewish(Jewish::Hanukkah)),
    (&["tu", "bishvat"], Holiday::Jewish(Jewish::TuBishvat)),
    (&["tu", "b", "shevat"], Holiday::Jewish(Jewish::TuBishvat)),
    (&["purim"], Holiday::Jewish(Jewish::Purim)),
    (&["shushan", "purim"], Holiday::Jewish(Jewish::ShushanPurim)),
    (&["passover"], Holiday::Jewish(Jewish::Passover)),
    (&["pesach"], Holiday::Jewish(Jewish::Passover)),
    (&["yom", "hashoah"], Holiday::Jewish(Jewish::YomHashoah)),
    (&["yom", "haatzmaut"], Holiday::Jewish(Jewish::YomHaatzmaut)),
    (
        &["yom", "ha", "atzmaut"],
        Holiday::Jewish(Jewish::YomHaatzmaut),
    ),
    (&["lag", "baomer"], Holiday::Jewish(Jewish::LagBaomer)),
    (&["lag", "b", "omer"], Holiday::Jewish(Jewish::LagBaomer)),
    (&["shavuot"], Holiday::Jewish(Jewish::Shavuot)),
    (&["shavuos"], Holiday::Jewish(Jewish::Shavuot)),
    (&["tisha", "b", "av"], Holiday::Jewish(Jewish::TishaBav)),
    (&["tisha", "bav"], Holiday::Jewish(Jewish::TishaBav)),
    (&["tisha", "be", "av"], Holiday::Jewish(Jewish::TishaBav)),
    (
        &["eid", "al", "fitr"],
        Holiday::Islamic(Islamic::Day(10, 1)),
    ),
    (
        &["eid", "ul", "fitr"],
        Holiday::Islamic(Islamic::Day(10, 1)),
    ),
    (
        &["eid", "el", "fitr"],
        Holiday::Islamic(Islamic::Day(10, 1)),
    ),
    (&["id", "al", "fitr"], Holiday::Islamic(Islamic::Day(10, 1))),
    (
        &["eid", "al", "adha"],
        Holiday::Islamic(Islamic::Day(12, 10)),
    ),
    (
        &["eid", "ul", "adha"],
        Holiday::Islamic(Islamic::Day(12, 10)),
    ),
    (
        &["eid", "el", "adha"],
        Holiday::Islamic(Islamic::Day(12, 10)),
    ),
    (
        &["id", "al", "adha"],
        Holiday::Islamic(Islamic::Day(12, 10)),
    ),
    (
        &["id", "ul", "adha"],
        Holiday::Islamic(Islamic::Day(12, 10)),
    ),
    (&["bakrid"], Holiday::Islamic(Islamic::Day(12, 10))),
    (&["bakr", "id"], Holiday::Islamic(Islamic::Day(12, 10))),
    (
        &["feast", "of", "the", "sacrifice"],
        Holiday::Islamic(Islamic::Day(12, 10)),
    ),
    (
        &["kurban", "bayram"],
        Holiday::Islamic(Islamic::Day(12, 10)),
    ),
    (
        &["kurban", "bayrami"],
        Holiday::Islamic(Islamic::Day(12, 10)),
    ),
    (&["ramadan"], Holiday::Islamic(Islamic::Month(9))),
    (&["ramazan"], Holiday::Islamic(Islamic::Month(9))),
    (
        &["islamic", "new", "year"],
        Holiday::Islamic(Islamic::Day(1, 1)),
    ),
    (
        &["hijri", "new", "year"],
        Holiday::Islamic(Islamic::Day(1, 1)),
    ),
    (&["ashura"], Holiday::Islamic(Islamic::Day(1, 10))),
    (
        &["day", "of", "ashura"],
        Holiday::Islamic(Islamic::Day(1, 10)),
    ),
    (&["mawlid"], Holiday::Islamic(Islamic::Day(3, 12))),
    (
        &["mawlid", "al", "nabi"],
        Holiday::Islamic(Islamic::Day(3, 12)),
    ),
    (
        &["mawlid", "an", "nabi"],
        Holiday::Islamic(Islamic::Day(3, 12)),
    ),
    (
        &["mawlid", "al", "nabawi"],
        Holiday::Islamic(Islamic::Day(3, 12)),
    ),
    (
        &["milad", "un", "nabi"],
        Holiday::Islamic(Islamic::Day(3, 12)),
    ),
    (
        &["laylat", "al", "qadr"],
        Holiday::Islamic(Islamic::Day(9, 27)),
    ),
    (
        &["laylat", "al", "kadr"],
        Holiday::Islamic(Islamic::Day(9, 27)),
    ),
    (
        &["lailat", "al", "qadr"],
        Holiday::Islamic(Islamic::Day(9, 27)),
    ),
    (
        &["isra", "and", "mi", "raj"],
        Holiday::Islamic(Islamic::Day(7, 27)),
    ),
    (
        &["jumu", "atul", "wida"],
        Holiday::Islamic(Islamic::LastFridayOfRamadan),
    ),
    (
        &["jamat", "ul", "vida"],
        Holiday::Islamic(Islamic::LastFridayOfRamadan),
    ),
    (&["chinese", "new", "year"], Holiday::ChineseNewYear),
    (&["chinese", "new", "years"], Holiday::ChineseNewYear),
    (&["chinese", "new", "year", "day"], Holiday::ChineseNewYear),
    (
        &["chinese", "lunar", "new", "year"],
        Holiday::ChineseNewYear,
    ),
    (
        &["chinese", "lunar", "new", "year", "day"],
        Holiday::ChineseNewYear,
    ),
    (&["lunar", "new", "year"], Holiday::ChineseNewYear),
    (&["christmas", "eve"], Holiday::Fixed(12, 24)),
    (&["christmas", "day"], Holiday::Fixed(12, 25)),
    (&["christmas"], Holiday::Fixed(12, 25)),
    (&["xmas"], Holiday::Fixed(12, 25)),
    (&["new", "year", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "years", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "year", "day"], Holiday::Fixed(1, 1)),
    (&["new", "years", "day"], Holiday::Fixed(1, 1)),
    (&["boxing", "day"], Holiday::Fixed(12, 26)),
    (&["valentine", "day"], Holiday::Fixed(2, 14)),
    (&["valentines", "day"], Holiday::Fixed(2, 14)),
    (&["st", "valentine", "day"], Holiday::Fixed(2, 14)),
    (&["saint", "valentine", "day"], Holiday::Fixed(2, 14)),
    (&["st", "patrick", "day"], Holiday::Fixed(3, 17)),
    (&["saint", "patrick", "day"], Holiday::Fixed(3, 17)),
    (&["st", "patricks", "day"], Holiday::Fixed(3, 17)),
    (&["st", "paddy", "day"], Holiday::Fixed(3, 17)),
    (&["saint", "paddy", "day"], Holiday::Fixed(3, 17)),
    (&["halloween"], Holiday::Fixed(10, 31)),
    // the day after the first Monday of November
    (
        &["election", "day"],
        Holiday::Nth(11, 1, Weekday::Monday, 1),
    ),
    (&["veterans", "day"], Holiday::Fixed(11, 11)),
    (&["armistice", "day"], Holiday::Fixed(11, 11)),
    (&["juneteenth"], Holiday::Fixed(6, 19)),
    (&["earth", "day"], Holiday::Fixed(4, 22)),
    (
        &["thanksgiving", "day"],
        Holiday::Nth(11, 4, Weekday::Thursday, 0),
    ),
    (&["thanksgiving"], Holiday::Nth(11, 4, Weekday::Thursday, 0)),
    (
        &["black", "friday"],
        Holiday::Nth(11, 4, Weekday::Thursday, 1),
    ),
    (
        &["cyber", "monday"],
        Holiday::Nth(11, 4, Weekday::Thursday, 4),
    ),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "day"], Holiday::Easter(0)),
    (&["easter"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["easter", "mon"], Holiday::Easter(1)),
    (&["good", "friday"], Holiday::Easter(-2)),
    (&["holy", "saturday"], Holiday::Easter(-1)),
    (&["holy", "thursday"], Holiday::Easter(-3)),
    (&["maundy", "thursday"], Holiday::Easter(-3)),
    (&["palm", "sunday"], Holiday::Easter(-7)),
    (&["ash", "wednesday"], Holiday::Easter(-46)),
    (&["shrove", "tuesday"], Holiday::Easter(-47)),
    (&["pancake", "day"], Holiday::Easter(-47)),
    (&["mardi", "gras"], Holiday::Easter(-47)),
    (&["pentecost"], Holiday::Easter(49)),
    (&["whit", "sunday"], Holiday::Easter(49)),
    (&["whitsunday"], Holiday::Easter(49)),
    (&["ascension", "day"], Holiday::Easter(39)),
    (&["whit", "monday"], Holiday::Easter(50)),
    (&["orthodox", "easter"], Holiday::Orthodox(0)),
    (&["orthodox", "easter", "sunday"], Holiday::Orthodox(0)),
    (&["orthodox", "good", "friday"], Holiday::Orthodox(-2)),
    (&["orthodox", "great", "friday"], Holiday::Orthodox(-2)),
    (&["orthodox", "palm", "sunday"], Holiday::Orthodox(-7)),
    (&["orthodox", "christmas"], Holiday::Fixed(1, 7)),
    (&["clean", "monday"], Holiday::Orthodox(-48)),
    (&["lazarus", "saturday"], Holiday::Orthodox(-8)),
    (
        &["martin", "luther", "king", "day"],
        Holiday::Nth(1, 3, Weekday::Monday, 0),
    ),
    (
        &["martin", "luther", "kings", "day"],
        Holiday::Nth(1, 3, Weekday::Monday, 0),
    ),
    (
        &["martin", "luther", "king", "jr", "day"],
        Holiday::Nth(1, 3, Weekday::Monday, 0),
    ),
    (
        &["mlk", "jr", "day"],
        Holiday::Nth(1, 3, Weekday::Monday, 0),
    ),
    (&["saint", "patricks", "day"], Holiday::Fixed(3, 17)),
    (&["mlk", "day"], Holiday::Nth(1, 3, Weekday::Monday, 0)),
    (
        &["presidents", "day"],
        Holiday::Nth(2, 3, Weekday::Monday, 0),
    ),
    (
        &["president", "day"],
        Holiday::Nth(2, 3, Weekday::Monday, 0),
    ),
    (
        &["washington", "birthday"],
        Holiday::Nth(2, 3, Weekday::Monday, 0),
    ),
    (
        &["memorial", "day"],
        Holiday::Nth(5, -1, Weekday::Monday, 0),
    ),
    (&["labor", "day"], Holiday::Nth(9, 1, Weekday::Monday, 0)),
    (
        &["columbus", "day"],
        Holiday::Nth(10, 2, Weekday::Monday, 0),
    ),
    (
        &["indigenous", "peoples", "day"],
        Holiday::Nth(10, 2, Weekday::Monday, 0),
    ),
    (&["mother", "day"], Holiday::Nth(5, 2, Weekday::Sunday, 0)),
    (&["mothers", "day"], Holiday::Nth(5, 2, Weekday::Sunday, 0)),
    (&["father", "day"], Holiday::Nth(6, 3, Weekday::Sunday, 0)),
    (&["fathers", "day"], Holiday::Nth(6, 3, Weekday::Sunday, 0)),
];

/// Common irregular past-tense verbs (forms that are not also present tense).
/// Verbs of asking someone to act: an infinitive after them ("urged its members to
/// strike on Thursday", "invited the chiefs to talk on Friday") looks ahead.
const URGE_VERBS: &[&str] = &[
    "asked",
    "asking",
    "asks",
    "encouraged",
    "encourages",
    "encouraging",
    "invited",
    "invites",
    "inviting",
    "urged",
    "urges",
    "urging",
];

/// How many tokens back a deadline word may stand from its "until"/"through":
/// eight, or up to this many within one clause ("has extended the firm up to
/// $90 million in loans through January").
const DEADLINE_REACH: usize = 14;

/// Words of a deadline set or moved: an "until" after them looks ahead
/// ("postponed until Tuesday", "gave them until Friday").
const DEADLINE_WORDS: &[&str] = &[
    "adjourned",
    "deadline",
    "deferred",
    "delayed",
    "extended",
    "gave",
    "given",
    "granted",
    "postponed",
    "recessed",
];

const IRREGULAR_PAST: &[&str] = &[
    "arose",
    "ate",
    "beat",
    "became",
    "began",
    "blew",
    "bought",
    "broke",
    "brought",
    "built",
    "came",
    "caught",
    "chose",
    "clung",
    "crept",
    "dealt",
    "did",
    "drew",
    "drove",
    "dug",
    "fed",
    "fell",
    "felt",
    "fled",
    "flew",
    "foresaw",
    "forgave",
    "forgot",
    "fought",
    "found",
    "froze",
    "gave",
    "got",
    "grew",
    "had",
    "heard",
    "held",
    "hid",
    "hung",
    "kept",
    "knelt",
    "knew",
    "laid",
    "leapt",
    "led",
    "left",
    "lent",
    "lit",
    "lost",
    "made",
    "meant",
    "met",
    "misled",
    "mistook",
    "oversaw",
    "overthrew",
    "overtook",
    "paid",
    "ran",
    "rang",
    "rebuilt",
    "rode",
    "rose",
    "said",
    "sang",
    "sank",
    "saw",
    "sent",
    "shone",
    "shook",
    "shot",
    "shrank",
    "slept",
    "slid",
    "sold",
    "sought",
    "sped",
    "spent",
    "spoke",
    "sprang",
    "stole",
    "stood",
    "strode",
    "struck",
    "stuck",
    "swept",
    "swore",
    "swung",
    "taught",
    "thought",
    "threw",
    "told",
    "took",
    "tore",
    "understood",
    "undertook",
    "underwent",
    "upheld",
    "was",
    "went",
    "wept",
    "were",
    "withdrew",
    "withheld",
    "withstood",
    "woke",
    "won",
    "wore",
    "wrote",
];

/// A quarter (`q`) or half numbered `n` of a year.
fn quarter_node(yr: Yr, q: bool, n: u32) -> Node {
    Node::Cal(Cal {
        yr,
        what: if q {
            What::Quarter(n as u8)
        } else {
            What::Half(n as u8)
        },
    })
}

/// Quarters 1 to 4, halves 1 and 2.
fn quarter_valid(q: bool, n: u32) -> bool {
    if q {
        (1..=4).contains(&n)
    } else {
        (1..=2).contains(&n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_are_sorted_for_binary_search() {
        for t in [
            FILLER,
            YEAR_PREPS,
            OF_NOUNS,
            EVENT_NOUNS,
            COUNT_NOUNS,
            NOT_PLURAL,
            WD_COLLOCATIONS,
            ABBREVIATIONS,
            DETERMINERS,
            START_WORDS,
            HOLIDAY_QUALIFIERS,
            HOLIDAY_DISTINCT,
            HOLIDAY_STARTS,
            IRREGULAR_PAST,
            SPORTS,
            PASSIVE_AUXILIARIES,
            SCHEDULED_PRESENT,
        ] {
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{t:?}");
        }
    }
}

#[cfg(test)]
mod lookup_tests {
    //! One hash lookup per token says what [`word_info`] says, for every word the
    //! grammar's source spells in a string and for words it does not know.
    use super::*;

    #[test]
    fn holidays_by_first_word_keep_every_name_in_table_order() {
        let mut listed = 0;
        for (w, names) in HOLIDAYS_BY_FIRST.iter() {
            let table: Vec<_> = HOLIDAYS.iter().filter(|(p, _)| p[0] == *w).collect();
            assert_eq!(names.len(), table.len(), "{w:?}");
            for ((p, h), (q, g)) in names.iter().zip(table) {
                assert_eq!((p, h), (q, g), "{w:?}");
            }
            listed += names.len();
        }
        assert_eq!(listed, HOLIDAYS.len());
    }

    #[test]
    fn one_lookup_gives_the_word_information() {
        let sources = [
            include_str!("parse.rs"),
            include_str!("parse/news.rs"),
            include_str!("lex.rs"),
        ];
        let mut words: Vec<&str> = sources
            .iter()
            .flat_map(|s| s.split('"').skip(1).step_by(2))
            .flat_map(|lit| lit.split(|c: char| !c.is_ascii_lowercase()))
            .filter(|w| !w.is_empty())
            .collect();
        words.extend(["harbour", "council", "mayday", "x"]);
        let mut known = 0;
        for w in words {
            assert_eq!(info_of(w), word_info(w), "{w:?}");
            known += usize::from(word_info(w).start);
        }
        assert!(known > 300, "only {known} start words probed");
    }
}

#[cfg(test)]
mod lead_tests {
    //! The word-led rules of [`Parser::atom`] skipped where their first word is
    //! missing ([`LEADS`]) read what they read when tried everywhere: `atom` with
    //! the gates on and off gives the same reading at every token of every
    //! string of the date grammar's sources and tests, of the forms below, and of
    //! the date suite's texts, in plain and in results stories.
    use super::*;
    use crate::extract::gate::without_gates;

    /// Word-led forms and near misses, in our own words.
    const FORMS: &[&str] = &[
        "The pier opened today, not yesterday; the day before yesterday it rained.",
        "Earlier this month and later in the year, the rest of the week was calm.",
        "So far this quarter, year to date and year-to-date, fares fell.",
        "This past week, the coming weekend, this upcoming month, the current year.",
        "The week after next and the year before last, the previous quarter.",
        "Next week on Tuesday, this week Monday, the last week of June.",
        "EOM, EOY and BOM, early-March, mid-2014, the end of next month.",
        "Week 23 of 2025, week 10, 2025, the week of March 3.",
        "Q3 2025, H1-2024, 2025 Q3, 3Q25, the third quarter of 2024, 4th qtr.",
        "The final quarter of 2019, the latter half of the year, the first two quarters of 1990.",
        "Right now, currently, these days, more recently, in recent years, decades ago.",
        "A few weeks ago, several months ago, the near future, the short term.",
        "January this year, this year's third quarter, last year's quarter.",
        "The year-ago quarter, the comparable year-ago period, the 1988 third quarter.",
        "For the year, the full year, for the fiscal year, fiscal 1989, this fiscal year.",
        "Than a year earlier, year-ago results, by year-end, at year end, since yearend.",
        "That same day, later that year, the following month, the next day, that Friday.",
        "Stocks rose 2% for the week; the week's busiest session came later.",
        "Against a $4 million loss last year, and up from last year's $1.7 billion.",
    ];

    fn atoms_agree(text: &str, results: Option<(bool, Option<u8>)>) -> usize {
        let toks = lex::tokenize(text);
        let low = text.to_ascii_lowercase();
        let caseless = !text.bytes().any(|b| b.is_ascii_uppercase());
        let gated = Parser::new(&toks, &low, caseless, Some(2025), results);
        let fresh = without_gates(|| Parser::new(&toks, &low, caseless, Some(2025), results));
        let mut found = 0;
        for i in 0..toks.len() {
            let a = gated.atom(i);
            assert_eq!(
                format!("{a:?}"),
                format!("{:?}", fresh.atom(i)),
                "{text:?} at token {i}"
            );
            found += usize::from(a.is_some());
        }
        found
    }

    fn texts() -> Vec<String> {
        let sources = [
            include_str!("parse.rs"),
            include_str!("parse/news.rs"),
            include_str!("tests.rs"),
            include_str!("../date.rs"),
        ];
        let mut out: Vec<String> = sources
            .iter()
            .flat_map(|s| s.split('"').skip(1).step_by(2))
            .map(|s| s.replace("\\n", "\n"))
            .collect();
        out.extend(FORMS.iter().map(|s| s.to_string()));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/date-suite");
        for file in ["timebank.jsonl", "aquaint.jsonl"] {
            let Ok(lines) = std::fs::read_to_string(root.join(file)) else {
                continue; // the converted suite is not in every checkout
            };
            for line in lines.lines() {
                let doc: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                out.push(doc["text"].as_str().unwrap_or_default().to_string());
            }
        }
        out
    }

    #[test]
    fn word_led_rules_read_the_same_where_they_are_tried() {
        let mut found = 0;
        for text in texts() {
            found += atoms_agree(&text, None);
            found += atoms_agree(&text, Some((true, None)));
        }
        assert!(
            found > 2000,
            "only {found} readings: the texts test too little"
        );
    }

    #[test]
    fn each_lead_word_has_its_bits() {
        assert_eq!(leads_of("the"), 0x7f);
        assert_eq!(leads_of("week"), LEAD_WEEK_OF);
        assert_eq!(leads_of("harbour"), 0);
        for (bit, words) in LEADS {
            for w in *words {
                assert!(info_of(w).leads & bit != 0, "{w:?}");
            }
        }
    }
}
