//! A cheap gate before date parsing: the grammar tries a reading only a few
//! tokens before a token that can stand inside a date.
//!
//! Every date the grammar reads holds a run of digits or a word of date meaning:
//! a month, a weekday, an ordinal or number word (the word tables of `lex`), a
//! period noun ("week", "quarter", "decade", "half"), a season, a word for the
//! present, past or future ("today", "recently", "current", "future") or a
//! holiday's own word ("Easter", "Ramadan"). What can *start* a reading is far
//! broader ("the", "in", "since", "last", "after"), and the context cues around
//! it broader still ("said", "would"), so without the gate a parse is tried at a
//! quarter of all tokens of news copy. A reading starts at most a few tokens
//! before its first word of date meaning ("since the end of the first half"), so
//! the grammar is tried only at tokens with such a word at most [`REACH`] tokens
//! ahead; a text with none is not parsed at all.
//!
//! The words are checked against the grammar, not trusted: tests run the grammar
//! without the gate over every string the date tests hold, a table of forms and
//! the suites' texts when present, and require that every reading it finds
//! anywhere starts where the gate lets it, and that every holiday name and every
//! word table of the grammar holds a gate word.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::lex;
#[cfg(test)]
use super::lex::{Kind, Tok};
use crate::words::Fnv;

/// How many tokens before its first word of date meaning a reading may start
/// ("no later than the end of the third quarter": 7). The dates found on the
/// date and quote suites hold their first such word at most 4 tokens in, and a
/// bound ("since", "no later than") adds at most 3; this leaves room.
pub(super) const REACH: usize = 12;

/// Words of date meaning beyond the word tables of `lex` (months, weekdays,
/// ordinals, number words, decades), lowercase.
const DATE_WORDS: &[&str] = &[
    // period nouns and their abbreviations
    "day",
    "days",
    "week",
    "weeks",
    "wk",
    "wks",
    "workweek",
    "fortnight",
    "fortnights",
    "weekend",
    "weekends",
    "month",
    "months",
    "quarter",
    "quarters",
    "qtr",
    "qtrs",
    "half",
    "year",
    "years",
    "yr",
    "yrs",
    "yearend",
    "eoy",
    "eom",
    "bom",
    "decade",
    "decades",
    "century",
    "period",
    "term",
    "hundred",
    "thousand",
    // parts of a day
    "morning",
    "afternoon",
    "evening",
    "night",
    "tonight",
    "eve",
    // seasons
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    // the present, the past, the future
    "now",
    "nowadays",
    "today",
    "yesterday",
    "tomorrow",
    "current",
    "currently",
    "presently",
    "recent",
    "recently",
    "lately",
    "formerly",
    "previously",
    "past",
    "future",
    "ago",
    "earlier",
    "later",
    "latest",
    "soon",
    "shortly",
    // holidays: a word of each name that holds no other date word
    "adha",
    "ashura",
    "bakr",
    "bakrid",
    "baomer",
    "bayram",
    "bayrami",
    "birthday",
    "bishvat",
    "chanukah",
    "chanukkah",
    "christi",
    "christmas",
    "corpus",
    "easter",
    "eid",
    "epiphany",
    "feast",
    "fitr",
    "gras",
    "halloween",
    "hannukah",
    "hanukah",
    "hanukkah",
    "ides",
    "isra",
    "jamat",
    "jumu",
    "juneteenth",
    "kippur",
    "koningsdag",
    "kurban",
    "lailat",
    "laylat",
    "lent",
    "mardi",
    "mawlid",
    "milad",
    "omer",
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
    "shevat",
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

/// Every word of date meaning: [`DATE_WORDS`] and the words of `lex`'s tables.
static MARKS: LazyLock<HashSet<&'static str, BuildHasherDefault<Fnv>>> = LazyLock::new(|| {
    DATE_WORDS
        .iter()
        .copied()
        .chain(lex::table_words())
        .collect()
});

/// Where in one text the grammar may try a reading.
pub(super) struct Gate {
    /// Per token: whether a token of date meaning lies at most [`REACH`] ahead.
    open: Vec<bool>,
}

impl Gate {
    /// The gate over `toks`, read from `low` (the lowercased text); `None` when
    /// no token can stand inside a date, so the text holds none. The reader
    /// builds it with [`Gate::of_marks`] from the words' looked-up information;
    /// tests check the two agree.
    #[cfg(test)]
    pub(super) fn of(toks: &[Tok], low: &str) -> Option<Gate> {
        let open =
            crate::extract::gate::within_reach(toks.len(), REACH, |i| marks_a_date(&toks[i], low));
        open.iter().any(|&o| o).then_some(Gate { open })
    }

    /// The gate over `n` tokens of which `marks(i)` says whether token `i` can
    /// stand inside a date (as `Gate::of` reads it); `None` when none can.
    pub(super) fn of_marks(n: usize, marks: impl Fn(usize) -> bool) -> Option<Gate> {
        let open = crate::extract::gate::within_reach(n, REACH, marks);
        open.iter().any(|&o| o).then_some(Gate { open })
    }

    /// Whether the grammar may try a reading that starts at token `i`.
    pub(super) fn allows(&self, i: usize) -> bool {
        self.open.get(i).copied().unwrap_or(false)
    }
}

/// Whether a lowercase word is a word of date meaning (see [`MARKS`]).
pub(super) fn date_word(w: &str) -> bool {
    MARKS.contains(w)
}

/// The words of date meaning beyond `lex`'s tables ([`DATE_WORDS`]).
pub(super) fn date_words() -> impl Iterator<Item = &'static str> {
    DATE_WORDS.iter().copied()
}

/// Whether one token can stand inside a date: a run of digits, a word of date
/// meaning, or a word with letters beyond ASCII (which no gate word spells, so it
/// is let through rather than judged).
#[cfg(test)]
fn marks_a_date(t: &Tok, low: &str) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => low
            .get(t.s..t.e)
            .is_some_and(|w| !w.is_ascii() || MARKS.contains(w)),
    }
}

#[cfg(test)]
mod tests;
