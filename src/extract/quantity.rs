//! The figure extractor: every number, percentage, amount of money, count, year,
//! fraction and ordinal written in a piece of prose, with its precision.
//!
//! [`quantities`] reads the prose view of a document and returns [`Quantity`]s with
//! byte spans, sorted and non-overlapping. The grammar is hand-written:
//!
//! * a tokeniser (`lexer`) splits words, digit runs and symbols; URLs, e-mail
//!   addresses and paragraph breaks stop every attachment;
//! * a numeral parser (`numeral`) reads digits with separators ("3,200", "1.3",
//!   "12,34,567", "1 234 567", "1.1e6", "3/4"), number words ("one hundred and
//!   five", "two-thirds", "twenty-first", "half a million") and mixes of both
//!   ("1.3 million", "$2.5bn", "3 hundred and 21");
//! * this module attaches what surrounds a numeral: a sign, a currency before or
//!   after it, a percent sign or word, the noun it counts, a change word ("rose",
//!   "a 7% decline"), a hedge ("about", "more than") and a second end that makes a
//!   range ("between $10 and $20", "10-20%").
//!
//! # Precision (`step`)
//!
//! `step` is the place value of the last digit written, times the scale written
//! after it: "20%" 1, "20.5%" 0.1, "$1.3B" 1e8, "$1.30B" 1e7, "$1,300 million" 1e6,
//! "3,200 jobs" 1 (trailing zeros of an integer are taken as written). Numbers in
//! words have the step of their last word: a word below a hundred ("twenty-one",
//! "twelve", "twenty") is exact (1); "two hundred" 100, "four million" 1e6, "a dozen"
//! 12. A fraction's step is one part of its denominator ("two-thirds" 1/3, "a fifth"
//! 0.2, "half" 0.5, "3/4" 0.25), times its scale ("half a million" 5e5). A decimal in
//! words counts its places ("two point two million" 1e5). Cents and pence are
//! amounts of their main currency (0.01 each), so "50 cents" is 0.50 USD with step
//! 0.01.
//!
//! # Choices
//!
//! * "one" is a numeral when it counts something ("one day"), stands before a scale,
//!   currency or percent, or stands alone as a clear numeral ("the answer is one"),
//!   but not as a pronoun ("the one who", "one of the", "which one do you").
//! * A four-digit integer 1800..=2199 with no separator, sign, currency or unit is a
//!   [`QuantityKind::Year`] ("in 2012", "the 2025 budget", "the 2024 elections"),
//!   unless a plural noun follows it with no preposition or determiner before it
//!   ("2012 jobs"), or a hedge or change word stands before it ("about 2000").
//! * A count's unit is the noun right after the number or hyphen ("3,200 jobs",
//!   "five-day"), singularised ("people" -> "person"), past at most one adjective
//!   ("3,200 new jobs"); stop words, verb and adverb forms ("7 said", "5 only"),
//!   month names and a capitalised singular ("10 Downing Street") are not units.
//! * Changes: a change verb before the figure ("rose", "fell by", "cut"; "raised",
//!   "lowered", "boosted" only with "by"), "up"/"down" before money or a percentage,
//!   a change noun after it ("a 7% rise", "a 7% year-on-year increase") or before
//!   "of" ("an increase of 7%"), a comparative after a percentage ("7% lower"), or
//!   a sign on a percentage ("-7%", "+3%"). A sign on anything else is the number's
//!   sign ("-7 degrees" is -7).
//! * "3 points" is [`QuantityKind::PercentagePoints`] only within 300 bytes after a
//!   percentage; otherwise it is a count of points. "25 basis points" is 0.25
//!   percentage points (step 0.01).
//! * Ranges: "X-Y", "X–Y", "X to Y", "between X and Y", "from X to/through Y". The
//!   low end borrows the high end's unit and scale ("$4-5 million", "10 to 20
//!   percent", "50-60 cents") and must end up lower. "from X to Y" right after a
//!   change verb ("rose from 5% to 7%", "went from") and "X to Y" after a change
//!   when X has its own unit ("rose 0.5% to 3%") are a change and a level, not a
//!   range. A year and a non-year ("12-2015") are never a range; "2008-09" is 2008
//!   to 2009.
//! * Ratios: "one in five", "7 out of 10", "1 over 3" are fractions (value 0.2,
//!   step 1/5). "in" needs a numerator of 1 to 10 below the denominator and no time
//!   unit or year after it ("5 in 2020" is not one).
//! * Fractions in words: after "and", a proper fraction makes a mixed number ("one
//!   hundred and three eighths" 100.375); an improper one cannot, so the whole
//!   cardinal is its numerator ("one hundred and twenty-five eighths" 125/8). "one"
//!   before a compound ordinal that cannot continue it is one over that ordinal
//!   ("one one-thousandth" 0.001, "one one hundred and twenty-fifth" 1/125), while
//!   "one hundred and fifth" alone is the ordinal 105 (so is "two thousand and
//!   first"). [`ordinal_denominator`] names the ordinal word of a fraction of one
//!   ("third" in "a third") for callers that count ordinal words.
//! * "a third", "a fifth" are fractions ("a third of voters", "fell by a third")
//!   except before a word of position or succession ("a fifth term", "a third
//!   straight month"), where they are ordinals.
//! * "a pair" is exactly 2 ("a pair of goals"); "the pair" and "pairs" are not.
//! * Letters glued to digits are a unit when they are a unit symbol ("180ml", "29km":
//!   a count with unit "ml"), a scale ("2.5bn", "10k"; "m" and "t" only with a
//!   currency, or "m" before a plural noun: "2.1m votes"), a currency ("115USD",
//!   "50p"), an ordinal suffix ("21st"); otherwise the token is an identifier
//!   ("A320", "11a", "MP3", "5G") and is skipped. Decades ("1990s", "'90s") and
//!   clock times ("5:30", "5pm", "5 p.m.", "3 o'clock") are skipped.
//! * Chains of numbers joined by dots, slashes, colons, commas or (three or more
//!   groups) hyphens with no space ("192.168.1.2", "5/17/2018", "2025-12-04",
//!   "22,24,26", "+1-222-333-4444") are read as separate bare numbers that take no
//!   unit and make no range; so is the number of a name ("COVID-19", "F-16").
//!   "a/b" is a fraction when proper and not a month/day ("3/4" yes, "9/11" no).
//! * Space-grouped thousands ("1 234 567") are read as one number when there are
//!   two or more groups, when the separator is a no-break or thin space, or when
//!   the group is "000" ("40 000"); otherwise "5 300" is two numbers. "1,3" and
//!   "5,00" are decimal commas; "1.234.567" and "1.234,56" European grouping;
//!   "12,34,567" Indian grouping.
//! * Currencies are read before the number (symbols, "US$", "C $", codes, "Rs.",
//!   and names not after a determiner: "ringgit 42") and after it (symbols, codes,
//!   names with modifiers: "125 million Australian dollars", "three Swiss francs").
//!   "a dollar" is one dollar. "LE", "L.E." and the transliterated "geneh" are
//!   Egyptian pounds. A minor-unit tail joins the amount ("$20 and 43
//!   cents", "3 GBP 1 pence"), as does a bare two-digit tail at the end of a clause
//!   ("15 dollars 50.").
//! * A percent word or currency name with no figure ("a small percentage", "the
//!   dollar fell") is not a figure; [`unit_words`] lists them apart, for callers
//!   that report what a text mentions. Currency names that are common words ("won",
//!   "real", "bucks") are never read alone.
//! * Not found: vague words ("dozens", "hundreds", "a few", "a couple", "single"),
//!   roman numerals, spoken clock-style numbers ("one twenty" is not 120; "nineteen
//!   ninety" is 1990), and relative ordinals ("last", "next"), which
//!   [`relative_ordinals`] returns separately because they have no value.
//!
//! Everything runs on one tokenisation per call with no regex; the lexicon and
//! currency tables are built once ([`std::sync::LazyLock`]).

mod context;
mod currency;
mod gate;
mod lexer;
mod lexicon;
mod numeral;
mod pieces;
mod units;

use super::{Direction, Hedge, Quantity, QuantityKind, Span};
use currency::Cur;
use lexer::{Kind, Lexed};
use lexicon::{ChangeRole, NumWord};
use numeral::{Form, Numeral};

/// Every figure in `text`, sorted by span start, non-overlapping (longest, most
/// specific reading wins). Spans are byte ranges into `text`.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let lx = Lexed::new(text);
    let pieces = pieces::all(&lx);
    read(&lx, &pieces)
}

/// The figures [`quantities`] finds in the pieces of `text` (the runs of tokens
/// between two breaks: paragraph breaks, URLs) that hold the start of a token
/// inside one of `spans` (sorted by position), and maybe a few more. Nothing
/// attaches across a break, so a piece's figures are those [`quantities`] gives
/// it, provided the pieces whose percentages its "points" may follow are read
/// before it (see [`pieces::touching`]); callers that need only the figures of a
/// few sentences read only their pieces.
pub fn quantities_in(text: &str, spans: &[Span]) -> Vec<Quantity> {
    if spans.is_empty() {
        return Vec::new();
    }
    let lx = Lexed::new(text);
    let pieces = pieces::touching(&lx, spans);
    read(&lx, &pieces)
}

/// The figures of `pieces` (token ranges between breaks, in order). Only where
/// the last percentage ended is carried from one piece to the next (for "3
/// points"); [`pieces::touching`] reads the pieces it can reach too.
fn read(lx: &Lexed, pieces: &[std::ops::Range<usize>]) -> Vec<Quantity> {
    let mut out = Vec::new();
    if pieces.is_empty() {
        return out;
    }
    let open = gate::open_tokens_in(lx, pieces);
    let mut ctx = Ctx {
        last_percent_end: None,
    };
    for piece in pieces {
        let mut i = piece.start;
        while i < piece.end {
            let figure = if open[i] {
                figure_at(lx, i, &ctx)
            } else {
                None
            };
            match figure.or_else(|| context::multiple_at(lx, i)) {
                Some((q, next)) => {
                    if matches!(
                        q.kind,
                        QuantityKind::Percent | QuantityKind::PercentagePoints
                    ) {
                        ctx.last_percent_end = Some(q.span.end);
                    }
                    out.push(q);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    context::settle(lx, &mut out);
    out
}

/// Where a relative ordinal points from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Counted back from the end: "last" (0), "penultimate" (1).
    End,
    /// Counted from the current item: "next" (+1), "previous" (-1), "current" (0).
    Current,
}

/// An ordinal with no number: "last", "penultimate", "next", "previous", "the one
/// before the last". Not a figure (it has no value), so it is not a [`Quantity`];
/// [`relative_ordinals`] finds them for callers that resolve positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeOrdinal {
    /// Byte range of the phrase.
    pub span: Span,
    /// What the position is counted from.
    pub anchor: Anchor,
    /// How far from the anchor: 0 for "last" and "current", 1 for "penultimate", +1
    /// for "next", -1 for "previous".
    pub offset: i32,
}

/// Every relative ordinal in `text` ("last", "next to last", "previous", "current"),
/// sorted and non-overlapping. "at last" and the verb "last" ("will last") are not.
pub fn relative_ordinals(text: &str) -> Vec<RelativeOrdinal> {
    let lx = Lexed::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lx.len() {
        if lx.kind(i) != Kind::Word {
            i += 1;
            continue;
        }
        let (anchor, offset, end) = match lx.lower(i) {
            "penultimate" => (Anchor::End, 1, i + 1),
            "antepenultimate" => (Anchor::End, 2, i + 1),
            "last" | "next" | "second" | "third" if lx.is(i + 1, "to") && lx.is(i + 2, "last") => {
                let off = match lx.lower(i) {
                    "third" => 2,
                    _ => 1,
                };
                (Anchor::End, off, i + 3)
            }
            "last" if lx.is(i + 1, "but") && lx.is(i + 2, "one") => (Anchor::End, 1, i + 3),
            "one" if lx.is(i + 1, "before") && lx.is(i + 2, "the") && lx.is(i + 3, "last") => {
                let end = if lx.is(i + 4, "one") { i + 5 } else { i + 4 };
                (Anchor::End, 1, end)
            }
            "last" => {
                let prev = if i > 0 { lx.lower(i - 1) } else { "" };
                let verb = matches!(
                    prev,
                    "at" | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "to"
                        | "did"
                        | "does"
                        | "not"
                        | "won"
                        | "t"
                );
                if verb {
                    i += 1;
                    continue;
                }
                (Anchor::End, 0, i + 1)
            }
            "next" => (Anchor::Current, 1, i + 1),
            "previous" => (Anchor::Current, -1, i + 1),
            "current" => (Anchor::Current, 0, i + 1),
            _ => {
                i += 1;
                continue;
            }
        };
        let end = if lx.is(end, "one") && !lx.is(end - 1, "one") {
            end + 1
        } else {
            end
        };
        out.push(RelativeOrdinal {
            span: lx.start(i)..lx.end(end - 1),
            anchor,
            offset,
        });
        i = end;
    }
    out
}

/// The ordinal word a fraction of one is written with: "third" in "a third", "one
/// third" and "forty-two and a third", "twenty-fifth" in "one twenty-fifth", with
/// its ordinal value (3, 25). `q` must be a figure [`quantities`] found in `text`.
///
/// English writes a denominator with the ordinal's own word, so a singular
/// denominator after "a", "an" or "one" *is* the ordinal form; callers that count
/// ordinal words (the extraction suite's ordinal model) may report it. Plurals
/// ("two thirds"), "half" and "quarter" are not ordinal forms, and a compound
/// denominator ("one one-hundred-fifth") is not split. The figure itself stays a
/// fraction or a mixed number.
pub fn ordinal_denominator(text: &str, q: &Quantity) -> Option<(Span, f64)> {
    if !matches!(q.kind, QuantityKind::Fraction | QuantityKind::Number) {
        return None;
    }
    let written = text.get(q.span.clone())?;
    let lx = Lexed::new(written);
    let last = lx.len().checked_sub(1)?;
    let o = lx.entry(last).ord?;
    if o.plural || o.class == lexicon::OrdClass::FractionOnly {
        return None;
    }
    let mut first = last;
    let mut value = o.value;
    let p = if lx.is_hyphen(last.checked_sub(1)?) {
        last.checked_sub(2)?
    } else {
        last - 1
    };
    if o.class == lexicon::OrdClass::Unit
        && let Some(NumWord::Tens(t)) = lx.entry(p).num
    {
        first = p;
        value += f64::from(t);
    }
    // The numerator: "a third", "one-third", "one twenty-fifth".
    let mut before = first.checked_sub(1)?;
    if lx.is_hyphen(before) {
        before = before.checked_sub(1)?;
    }
    if !matches!(lx.lower(before), "a" | "an" | "one") {
        return None;
    }
    Some((
        q.span.start + lx.start(first)..q.span.start + lx.end(last),
        value,
    ))
}

/// What a unit word written with no figure names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitWord {
    /// "percent", "per cent", "percentage", "%".
    Percent,
    /// A currency name or code: its ISO code, or a lowercase name for an ambiguous
    /// one ("franc").
    Currency(&'static str),
}

/// Percent words and currency names or codes that stand with no figure: "a small
/// percent", "the % of increase", "the dollar fell", "paid in rmb". Not figures (they
/// have no value), so not [`Quantity`]s; like [`relative_ordinals`], they are for
/// callers that list what a text mentions. `figures` are the text's
/// [`quantities`]: words inside them are skipped. Currency names that are also
/// common words ("won", "real", "rand", "mark", "bucks") and "percentage point",
/// which measures a change, are left out. Returns byte spans in text order.
pub fn unit_words(text: &str, figures: &[Quantity]) -> Vec<(Span, UnitWord)> {
    let lx = Lexed::new(text);
    let mut out = Vec::new();
    let mut f = 0;
    let mut i = 0;
    while i < lx.len() {
        let start = lx.start(i);
        while f < figures.len() && figures[f].span.end <= start {
            f += 1;
        }
        if figures.get(f).is_some_and(|q| q.span.start < lx.end(i)) {
            i += 1;
            continue;
        }
        let found = match lx.kind(i) {
            Kind::Sym('%' | '\u{066a}') => Some((UnitWord::Percent, i + 1)),
            Kind::Word => match lx.lower(i) {
                "percent" | "percents" => Some((UnitWord::Percent, i + 1)),
                "per" if lx.is(i + 1, "cent") => Some((UnitWord::Percent, i + 2)),
                "percentage" if !matches!(lx.lower(i + 1), "point" | "points") => {
                    Some((UnitWord::Percent, i + 1))
                }
                w if !common_word_currency(w) => currency_name_after(&lx, i)
                    .filter(|(c, _)| !c.code.is_empty())
                    .or_else(|| currency::code(lx.raw(i)).map(|c| (c, i + 1)))
                    .map(|(c, next)| (UnitWord::Currency(c.code), next)),
                _ => None,
            },
            _ => None,
        };
        match found {
            Some((u, next)) => {
                let end = lx.end(next - 1);
                if figures.get(f).is_none_or(|q| q.span.start >= end) {
                    out.push((start..end, u));
                }
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Currency names that are also common English words or informal: never read
/// without a figure beside them, and never before one.
fn common_word_currency(w: &str) -> bool {
    matches!(
        w,
        "won"
            | "rand"
            | "real"
            | "mark"
            | "marks"
            | "dong"
            | "lei"
            | "lev"
            | "leva"
            | "sen"
            | "buck"
            | "bucks"
            | "quid"
            | "sterling"
    )
}

/// State carried along one scan.
/// How many bytes after a percentage a bare "points" still counts percentage
/// points ("45%, up 3 points").
const POINTS_AFTER_PERCENT: usize = 300;

/// What the reader carries from one figure to the next.
struct Ctx {
    /// Where the last percentage ended (for "3 points").
    last_percent_end: Option<usize>,
}

/// What an amount measures, before it becomes a [`QuantityKind`].
#[derive(Debug, Clone, PartialEq)]
enum Unit {
    None,
    Percent,
    Points,
    Money(Cur),
    Count(String),
}

/// A numeral with what is written around it.
#[derive(Debug, Clone)]
struct Amount {
    t0: usize,
    t1: usize,
    num: Numeral,
    unit: Unit,
    /// A currency or sign written before the numeral.
    prefix: bool,
    neg: bool,
    plus: bool,
    /// The unit was a count noun skipped over an adjective or hyphen; the span end.
    value: f64,
    step: f64,
}

fn hedge_at(lx: &Lexed, i: usize) -> Option<(Hedge, usize)> {
    if lx.kind(i) != Kind::Word {
        return None;
    }
    let w = lx.lower(i);
    let n1 = lx.lower(i + 1);
    let two = |h| Some((h, i + 2));
    match (w, n1) {
        ("more" | "greater" | "higher", "than") => two(Hedge::MoreThan),
        ("less" | "fewer" | "lower", "than") => two(Hedge::LessThan),
        ("at", "least") => two(Hedge::MoreThan),
        ("at", "most") => two(Hedge::LessThan),
        ("upwards" | "upward", "of") => two(Hedge::MoreThan),
        ("in", "excess") if lx.is(i + 2, "of") => Some((Hedge::MoreThan, i + 3)),
        // "gone up to $8,400" is a value reached, not a bound.
        ("up", "to") if !(i > 0 && MOTION_VERBS.contains(&lx.lower(i - 1))) => two(Hedge::LessThan),
        ("close", "to") => two(Hedge::Nearly),
        ("just" | "slightly", "under" | "below") => two(Hedge::Nearly),
        ("just" | "well" | "slightly", "over" | "above") => two(Hedge::MoreThan),
        ("just", "shy") if lx.is(i + 2, "of") => Some((Hedge::Nearly, i + 3)),
        ("no", "more" | "higher") if lx.is(i + 2, "than") => Some((Hedge::LessThan, i + 3)),
        ("no", "less" | "fewer" | "lower") if lx.is(i + 2, "than") => {
            Some((Hedge::MoreThan, i + 3))
        }
        ("not", "more") if lx.is(i + 2, "than") => Some((Hedge::LessThan, i + 3)),
        ("as", "many" | "much") if lx.is(i + 2, "as") => Some((Hedge::LessThan, i + 3)),
        ("a", "maximum") if lx.is(i + 2, "of") => Some((Hedge::LessThan, i + 3)),
        ("a", "minimum") if lx.is(i + 2, "of") => Some((Hedge::MoreThan, i + 3)),
        ("an", "estimated") => two(Hedge::About),
        ("in", "the") if lx.is(i + 2, "region") && lx.is(i + 3, "of") => {
            Some((Hedge::About, i + 4))
        }
        ("on", "the") if lx.is(i + 2, "order") && lx.is(i + 3, "of") => Some((Hedge::About, i + 4)),
        ("north", "of") => two(Hedge::MoreThan),
        _ => {
            let h = lx.entry(i).hedge?;
            // "approx." and "ca." keep their dot.
            let end = if matches!(w, "approx" | "ca") && lx.is_sym(i + 1, '.') {
                i + 2
            } else {
                i + 1
            };
            Some((h, end))
        }
    }
}

/// Verbs of movement before "up to": the figure after is the level reached.
const MOTION_VERBS: &[&str] = &[
    "gone", "go", "goes", "going", "went", "rose", "risen", "rise", "rises", "rising", "climbed",
    "climb", "climbs", "shot", "jumped", "jump", "moved", "move", "crept", "run", "ran", "ticked",
    "edged", "inched", "pushed", "bumped", "driven", "come", "came", "grown", "grew", "built",
    "added", "adds", "add", "adding", "ramped", "stepped", "scaled",
];

/// Verbs whose "up" or "down" is a particle ("make up", "end up", "shut down").
const PHRASAL_HOSTS: &[&str] = &[
    "make", "makes", "made", "making", "take", "takes", "took", "taken", "taking", "add", "adds",
    "added", "adding", "sum", "sums", "summed", "end", "ends", "ended", "ending", "set", "sets",
    "setting", "pick", "picks", "picked", "break", "breaks", "broke", "broken", "turn", "turns",
    "turned", "shut", "shuts", "bring", "brings", "brought", "back", "backed", "step", "stepped",
    "stepping", "steps", "wind", "wound",
];

/// A change word before a figure: "rose", "rose by", "up", "increase of". Returns
/// (direction, role, next token).
fn change_opener(lx: &Lexed, i: usize) -> Option<(Direction, ChangeRole, usize)> {
    let (role, dir) = lx.entry(i).change?;
    // "make up 20%", "ended up 7% higher", "shut down 3 plants": the particle of a
    // phrasal verb, not a change.
    if role == ChangeRole::Adverb && i > 0 && PHRASAL_HOSTS.contains(&lx.lower(i - 1)) {
        return None;
    }
    match role {
        ChangeRole::Verb | ChangeRole::Adverb => {
            if lx.is(i + 1, "by") {
                return Some((dir, role, i + 2));
            }
            // "raised $5m" is fundraising, "raised taxes by 5%" a change.
            if lx.entry(i).has(lexicon::BY_ONLY) {
                return None;
            }
            Some((dir, role, i + 1))
        }
        ChangeRole::Noun if lx.is(i + 1, "of") => Some((dir, role, i + 2)),
        // "increase", "drop", "cut" are verbs too: "cut 500 jobs", "increase by 7%".
        ChangeRole::Noun if lx.is(i + 1, "by") => Some((dir, ChangeRole::Verb, i + 2)),
        ChangeRole::Noun if !lx.entry(i).has(lexicon::STOP) => None,
        ChangeRole::Noun => {
            // A noun form used as a verb ("prices drop 7%", "sales increase 5%").
            let prev = if i > 0 {
                lx.entry(i - 1)
            } else {
                lexicon::empty()
            };
            if prev.has(lexicon::DET) || matches!(lx.lower(i.wrapping_sub(1)), "a" | "an") {
                None
            } else {
                Some((dir, ChangeRole::Verb, i + 1))
            }
        }
        ChangeRole::Comparative => None,
    }
}

/// A currency written before a number: "$", "US$", "C $", "USD", "Rs.", "€", "MAUD".
/// Returns (currency, next token).
fn currency_prefix(lx: &Lexed, i: usize) -> Option<(Cur, usize)> {
    match lx.kind(i) {
        Kind::Sym(c) => {
            let cur = currency::symbol(c)?;
            if cur.is_minor() {
                return None;
            }
            Some((cur, i + 1))
        }
        Kind::Word => {
            let raw = lx.raw(i);
            let low = lx.lower(i);
            if let Some(k) = dotted_le(lx, i)
                && (lx.is_digits(k) || lx.entry(k).num.is_some())
            {
                return Some((
                    Cur {
                        code: "EGP",
                        factor: 1.0,
                    },
                    k,
                ));
            }
            // "U.S. $", "u.s $"
            if low == "u" && lx.is_sym(i + 1, '.') && lx.is(i + 2, "s") {
                let mut k = i + 3;
                if lx.is_sym(k, '.') {
                    k += 1;
                }
                if lx.is_sym(k, '$') {
                    return Some((
                        Cur {
                            code: "USD",
                            factor: 1.0,
                        },
                        k + 1,
                    ));
                }
                return None;
            }
            if lx.is_sym(i + 1, '$')
                && let Some(cur) = currency::dollar_prefix(raw, low, lx.glued(i + 1))
            {
                return Some((cur, i + 2));
            }
            if let Some(cur) = currency::abbreviation(raw) {
                let mut k = i + 1;
                if lx.is_sym(k, '.') && matches!(low, "rs" | "rp") {
                    k += 1;
                }
                if lx.is_sym(k, '$') && lx.glued(k) {
                    k += 1; // "usd$ 15"
                }
                // A code is a prefix only when a number follows.
                if matches!(lx.kind(k), Kind::Digits) || lx.entry(k).num.is_some() {
                    return Some((cur, k));
                }
                return None;
            }
            if let Some(cur) = currency::million_code(raw)
                && (lx.is_digits(i + 1) || lx.entry(i + 1).num.is_some())
            {
                return Some((
                    Cur {
                        code: cur.code,
                        factor: 1e6,
                    },
                    i + 1,
                ));
            }
            None
        }
        _ => None,
    }
}

/// "L.E." / "L.E" / "l.e." at `k` (the Egyptian pound's abbreviation): the next
/// token.
fn dotted_le(lx: &Lexed, k: usize) -> Option<usize> {
    if lx.is(k, "l")
        && lx.is_sym(k + 1, '.')
        && lx.glued(k + 1)
        && lx.is(k + 2, "e")
        && lx.glued(k + 2)
    {
        let dot = lx.is_sym(k + 3, '.') && lx.glued(k + 3);
        return Some(if dot { k + 4 } else { k + 3 });
    }
    None
}

/// "U.S." / "US" / "u.s" at `k` as a modifier of "dollars": the next token.
fn us_modifier(lx: &Lexed, k: usize) -> Option<usize> {
    if lx.is(k, "u") && lx.is_sym(k + 1, '.') && lx.is(k + 2, "s") {
        return Some(if lx.is_sym(k + 3, '.') { k + 4 } else { k + 3 });
    }
    None
}

/// A currency name written before a number ("ringgit 42", "Malaysian ringgit 42"),
/// not after a determiner ("the dollar 10 years ago"). Returns (currency, next).
fn currency_name_before(lx: &Lexed, i: usize) -> Option<(Cur, usize)> {
    if !lx.is_word(i) || (i > 0 && lx.entry(i - 1).has(lexicon::DET)) {
        return None;
    }
    // Names that are also common words ("won", "real", "rand") or informal ("bucks")
    // never stand before a number.
    if common_word_currency(lx.lower(i)) {
        return None;
    }
    let (cur, next) = currency_name_after(lx, i)?;
    let number_next = lx.is_digits(next) && !lx.glued(next) || lx.entry(next).num.is_some();
    if cur.is_minor() || !number_next {
        return None;
    }
    Some((cur, next))
}

/// A currency name after a number, with its modifiers: "dollars", "Australian
/// dollars", "U.S. dollars", "Hong Kong dollars". Returns (currency, next token).
fn currency_name_after(lx: &Lexed, k: usize) -> Option<(Cur, usize)> {
    if lx.kind(k) != Kind::Word {
        return None;
    }
    // One- or two-word modifier.
    let try_name = |j: usize| -> Option<currency::Name> {
        if lx.is_word(j) {
            currency::name(lx.lower(j))
        } else {
            None
        }
    };
    if let Some(n) = try_name(k) {
        if n.cur.code.is_empty() {
            return None;
        }
        return Some((n.cur, k + 1));
    }
    if let Some(j) = us_modifier(lx, k)
        && let Some(n) = try_name(j)
        && let Some(code) = currency::modified("u.s.", n.family)
    {
        return Some((
            Cur {
                code,
                factor: n.cur.factor,
            },
            j + 1,
        ));
    }
    let m1 = lx.lower(k);
    if let Some(n) = try_name(k + 1)
        && let Some(code) = currency::modified(m1, n.family)
    {
        return Some((
            Cur {
                code,
                factor: n.cur.factor,
            },
            k + 2,
        ));
    }
    if lx.is_word(k + 1)
        && let Some(n) = try_name(k + 2)
    {
        let two = format!("{} {}", m1, lx.lower(k + 1));
        if let Some(code) = currency::modified(&two, n.family) {
            return Some((
                Cur {
                    code,
                    factor: n.cur.factor,
                },
                k + 3,
            ));
        }
    }
    None
}

/// A currency written right after a number (glued or spaced): "€", "$", "USD",
/// "dollars", "MUSD", "US$". Returns (currency, next token).
fn currency_suffix(lx: &Lexed, k: usize) -> Option<(Cur, usize)> {
    match lx.kind(k) {
        Kind::Sym(c) => {
            let cur = currency::symbol(c)?;
            Some((cur, k + 1))
        }
        Kind::Word => {
            let raw = lx.raw(k);
            if lx.is_sym(k + 1, '$')
                && lx.glued(k + 1)
                && let Some(cur) = currency::dollar_prefix(raw, lx.lower(k), true)
            {
                return Some((cur, k + 2)); // "3.14US$"
            }
            if let Some(cur) = currency::abbreviation(raw) {
                return Some((cur, k + 1));
            }
            if let Some(next) = dotted_le(lx, k) {
                return Some((
                    Cur {
                        code: "EGP",
                        factor: 1.0,
                    },
                    next,
                ));
            }
            if let Some(cur) = currency::million_code(raw) {
                return Some((
                    Cur {
                        code: cur.code,
                        factor: 1e6,
                    },
                    k + 1,
                ));
            }
            // "€ur"
            currency_name_after(lx, k)
        }
        _ => None,
    }
}

/// A percent sign or word after a number. Returns (unit, next token).
fn percent_suffix(lx: &Lexed, k: usize, ctx: &Ctx, start_byte: usize) -> Option<(Unit, usize)> {
    if lx.is_sym(k, '%') || lx.is_sym(k, '\u{066a}') {
        return Some((Unit::Percent, k + 1));
    }
    if lx.kind(k) != Kind::Word {
        return None;
    }
    let w = lx.lower(k);
    match w {
        "percent" | "percents" | "pct" | "pc" if w != "pc" || lx.glued(k) => {
            let end = if lx.is_sym(k + 1, '.') && w == "pct" {
                k + 2
            } else {
                k + 1
            };
            Some((Unit::Percent, end))
        }
        "per" if lx.is(k + 1, "cent") => Some((Unit::Percent, k + 2)),
        "percentage" => {
            if matches!(lx.lower(k + 1), "point" | "points" | "pt" | "pts") {
                Some((Unit::Points, k + 2))
            } else {
                Some((Unit::Percent, k + 1))
            }
        }
        "pp" | "ppt" | "ppts" => Some((Unit::Points, k + 1)),
        w if pieces::is_points_word(w) => {
            let recent = ctx
                .last_percent_end
                .is_some_and(|e| start_byte >= e && start_byte - e <= POINTS_AFTER_PERCENT);
            if recent {
                Some((Unit::Points, k + 1))
            } else {
                None
            }
        }
        "basis" if matches!(lx.lower(k + 1), "points" | "point") => Some((Unit::Points, k + 2)),
        "bps" | "bp" => Some((Unit::Points, k + 1)),
        _ => None,
    }
}

/// The noun a number counts: the word right after it, maybe past one adjective.
/// Returns (singular unit, next token).
fn count_noun(lx: &Lexed, k: usize) -> Option<(String, usize)> {
    let noun_ok = |j: usize| -> bool {
        if lx.kind(j) != Kind::Word {
            return false;
        }
        let e = lx.entry(j);
        let w = lx.lower(j);
        if e.has(lexicon::STOP) || e.has(lexicon::DET) || e.num.is_some() || e.plural_scale {
            return false;
        }
        if e.has(lexicon::CURRENCY) || w.chars().count() < 2 {
            return false;
        }
        // Adverbs and past forms are not nouns ("5 only", "7 said", "3 increased").
        let n = w.len();
        if n > 4
            && (w.ends_with("ly") || w.ends_with("ed"))
            && !matches!(
                w,
                "family"
                    | "ally"
                    | "bed"
                    | "supply"
                    | "assembly"
                    | "anomaly"
                    | "rally"
                    | "monopoly"
                    | "hundred"
            )
        {
            return false;
        }
        // A capitalised phrase is a name ("10 Downing Street"), and words written in
        // capitals are names or acronyms ("5 NATO").
        let capital = |t: usize| lx.raw(t).chars().next().is_some_and(char::is_uppercase);
        if capital(j) && (lx.is_word(j + 1) && capital(j + 1) || !w.ends_with('s')) {
            return false;
        }
        if lx.raw(j).len() > 1 && lx.raw(j).chars().all(|c| c.is_uppercase()) {
            return false;
        }
        // A noun followed by an apostrophe-s or a hyphen-joined word is still fine.
        true
    };
    // The unit is the head of the noun phrase: "three campaign events" counts
    // events. A singular noun before a plural one modifies it.
    let head = |mut j: usize| -> (String, usize) {
        for _ in 0..2 {
            let plural = |t: usize| {
                let w = lx.lower(t);
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
            };
            if plural(j) || !noun_ok(j + 1) || !plural(j + 1) {
                break;
            }
            j += 1;
        }
        (units::singular(lx.lower(j)), j + 1)
    };
    if lx.kind(k) == Kind::Word && lx.entry(k).has(lexicon::ADJ) {
        // "3,200 new jobs": the noun after the adjective; an adjective alone is no unit.
        return noun_ok(k + 1).then(|| head(k + 1));
    }
    if noun_ok(k) {
        return Some(head(k));
    }
    None
}

/// Is the text at `k` a clock marker ("a.m.", "p.m.", "am", "pm", "o'clock")?
fn clock_after(lx: &Lexed, k: usize) -> bool {
    match lx.lower(k) {
        "am" | "pm" => true,
        "a" | "p" => lx.is_sym(k + 1, '.') && lx.glued(k + 1) && lx.is(k + 2, "m"),
        "o" => matches!(lx.kind(k + 1), Kind::Sym('\'' | '\u{2019}')) && lx.is(k + 2, "clock"),
        "oclock" | "noon" | "midnight" => true,
        _ => false,
    }
}

/// Reads an amount at `i`: [sign] [currency] numeral [currency | percent | unit].
fn amount_at(lx: &Lexed, i: usize, ctx: &Ctx) -> Option<Amount> {
    let (neg, plus, k) = sign_at(lx, i)?;
    if !neg
        && !plus
        && let Some(a) = one_unit_of_money(lx, i, k)
    {
        return Some(a);
    }
    let (prefix_cur, name_prefix, k, neg) = currency_before(lx, k, neg, plus);
    let num = numeral::numeral(lx, k, prefix_cur.is_some())?;
    if name_prefix && prefix_cur.is_some() && measures_something_else(lx, &num) {
        return None;
    }
    if prefix_cur.is_none() && is_identifier(lx, &num) {
        return None;
    }
    // "COVID-19", "F-16", "SCP-173": the number of a name; it takes no unit.
    let named = prefix_cur.is_none()
        && !neg
        && num.t0 >= 2
        && lx.is_hyphen(num.t0 - 1)
        && lx.glued(num.t0)
        && lx.glued(num.t0 - 1)
        && lx.is_word(num.t0 - 2);
    if named {
        let mut num = num;
        num.chain = true;
        let (value, step) = (num.value, num.step);
        return Some(Amount {
            t0: i,
            t1: num.t1,
            num,
            unit: Unit::None,
            prefix: false,
            neg,
            plus,
            value,
            step,
        });
    }
    // "+1-222-333": a phone number's country code, not a rise.
    let (plus, num) =
        if plus && lx.is_hyphen(num.t1) && lx.glued(num.t1) && lx.is_digits(num.t1 + 1) {
            (false, Numeral { chain: true, ..num })
        } else {
            (plus, num)
        };
    let mut a = Amount {
        t0: i,
        t1: num.t1,
        num,
        unit: Unit::None,
        prefix: prefix_cur.is_some() || neg || plus,
        neg,
        plus,
        value: num.value,
        step: num.step,
    };
    if num.chain {
        if let Some(cur) = prefix_cur {
            a.unit = Unit::Money(cur);
        }
        return Some(a);
    }
    let mut k = num.t1;
    if let Some(cur) = prefix_cur {
        a.unit = Unit::Money(cur);
        // Scales glued or spaced ("$5m", "$1.3 billion") belong to the numeral; a
        // code repeated after it ("$5 USD") is part of the amount.
        if let Some(g) = num.glued
            && currency::abbreviation(lx.raw(g)).is_some()
        {
            k = g + 1;
        }
        finish_money(lx, &mut a, k, cur);
        return Some(a);
    }
    // Glued letters: currency, ordinal was handled, unit symbol, or identifier.
    if let Some(g) = num.glued {
        return glued_unit(lx, a, g);
    }
    unit_after(lx, a, i, k, ctx)
}

/// A sign before the amount ("-7", "+7%", "−3", "minus 5", "negative one"): whether
/// it is negative, whether it is a plus, and where the rest starts. `None` when a
/// hyphen or plus sign there is no sign.
fn sign_at(lx: &Lexed, mut k: usize) -> Option<(bool, bool, usize)> {
    let mut neg = false;
    let mut plus = false;
    // A sign: "-7", "+7%", "−3", "minus 5", "negative one".
    match lx.kind(k) {
        Kind::Sym(c @ ('-' | '+' | '\u{2212}')) => {
            let after_word = k > 0
                && lx.glued(k)
                && matches!(
                    lx.kind(k - 1),
                    Kind::Word | Kind::Digits | Kind::Sym(')' | '%')
                );
            let next_ok = lx.glued(k + 1) || (k == 0 && lx.single_space_before(k + 1).is_some());
            let next_num = matches!(lx.kind(k + 1), Kind::Digits | Kind::Sym('.'))
                || currency::symbol(first_char(lx.raw(k + 1))).is_some();
            if after_word || !next_ok || !next_num {
                return None;
            }
            neg = c != '+';
            plus = c == '+';
            k += 1;
        }
        Kind::Word if matches!(lx.lower(k), "minus" | "negative") => {
            neg = true;
            k += 1;
        }
        _ => {}
    }
    Some((neg, plus, k))
}

/// "a dollar", "an euro": one unit of a currency named in the singular, the
/// article at `k`.
fn one_unit_of_money(lx: &Lexed, i: usize, k: usize) -> Option<Amount> {
    if matches!(lx.lower(k), "a" | "an")
        && let Some(n) = lx
            .is_word(k + 1)
            .then(|| currency::name(lx.lower(k + 1)))
            .flatten()
        && !n.plural
        && !n.cur.code.is_empty()
        && !lx.is_hyphen(k + 2)
    {
        let num = Numeral::article(k);
        let mut a = Amount {
            t0: i,
            t1: k + 2,
            num,
            unit: Unit::Money(n.cur),
            prefix: false,
            neg: false,
            plus: false,
            value: 1.0,
            step: 1.0,
        };
        finish_money(lx, &mut a, k + 2, n.cur);
        Some(a)
    } else {
        None
    }
}

/// A currency written before the number ("$", "USD", "dollar"): the currency,
/// whether it was a name, where the number starts, and the sign ("-$5" may also
/// be "$-5").
fn currency_before(
    lx: &Lexed,
    mut k: usize,
    mut neg: bool,
    plus: bool,
) -> (Option<Cur>, bool, usize, bool) {
    let mut prefix_cur = None;
    let mut name_prefix = false;
    if let Some((cur, next)) = currency_prefix(lx, k).or_else(|| {
        name_prefix = true;
        currency_name_before(lx, k)
    }) {
        prefix_cur = Some(cur);
        k = next;
        // "-$5" may also be "$-5".
        if !neg
            && !plus
            && lx.is_sym(k, '-')
            && lx.glued(k)
            && lx.is_digits(k + 1)
            && lx.glued(k + 1)
        {
            neg = true;
            k += 1;
        }
    }
    (prefix_cur, name_prefix, k, neg)
}

/// "ringgit 42", "dollar 22.5 million" are money, but not "the dollar 10 years ago"
/// or "the euro 2% higher": whether the number after a currency's name measures
/// something else.
fn measures_something_else(lx: &Lexed, num: &Numeral) -> bool {
    let after = lx.kind(num.t1);
    num.form != Form::Cardinal
        || num.chain
        || num.glued.is_some()
        || lx.is_sym(num.t1, '%')
        || (after == Kind::Word
            && (count_noun(lx, num.t1).is_some()
                || lx.entry(num.t1).has(lexicon::PERCENT)
                || lx.entry(num.t1).has(lexicon::TIME_UNIT)))
}

/// Letters glued before the digits ("A320", "MP3": an identifier, unless a
/// currency, which the caller has ruled out) and a decade's apostrophe ("'90s").
fn is_identifier(lx: &Lexed, num: &Numeral) -> bool {
    (num.t0 > 0
        && lx.glued(num.t0)
        && matches!(lx.kind(num.t0 - 1), Kind::Word | Kind::Digits)
        && lx.is_digits(num.t0))
        || (num.t0 > 0 && lx.is_sym(num.t0 - 1, '\'') && lx.glued(num.t0) && lx.is(num.t1, "s"))
}

/// Letters glued after the digits: a currency ("5USD", "20p", "5c"), a percent or
/// point abbreviation ("5pct", "25bps"), a unit symbol ("5kg"), a plural noun
/// ("16ounces"); anything else makes an identifier ("11a", "4x4"), no figure.
fn glued_unit(lx: &Lexed, mut a: Amount, g: usize) -> Option<Amount> {
    let num = a.num;
    let raw = lx.raw(g);
    let low = lx.lower(g);
    if let Some((cur, next)) = currency_suffix(lx, g) {
        a.unit = Unit::Money(cur);
        finish_money(lx, &mut a, next, cur);
        return Some(a);
    }
    // "20p", "5c": pence and cents.
    let minor = match low {
        "p" if num.form == Form::Cardinal && !lx.is_sym(g + 1, '.') => Some("GBP"),
        "c" if num.form == Form::Cardinal && !lx.is_word(g + 1) => Some("USD"),
        _ => None,
    };
    if let Some(code) = minor {
        let cur = Cur { code, factor: 0.01 };
        a.unit = Unit::Money(cur);
        finish_money(lx, &mut a, g + 1, cur);
        return Some(a);
    }
    if matches!(low, "pct" | "pc" | "pp" | "ppt" | "bps" | "bp") {
        let unit = if matches!(low, "pct" | "pc") {
            Unit::Percent
        } else {
            Unit::Points
        };
        let is_bp = matches!(low, "bps" | "bp");
        a.unit = unit;
        a.t1 = g + 1;
        if is_bp {
            a.value /= 100.0;
            a.step /= 100.0;
        }
        return Some(a);
    }
    // "5G", "4G": a generation, not grams.
    if raw == "G" {
        return None;
    }
    if units::is_glued_unit(low)
        && num.form == Form::Cardinal
        && !(lx.is_digits(g + 1) && lx.glued(g + 1))
    {
        a.unit = Unit::Count(raw.to_lowercase());
        a.t1 = g + 1;
        return Some(a);
    }
    // A plural noun glued to its count ("16ounces", "3days"): a count.
    let plural = raw == low
        && low.len() >= 4
        && low.ends_with('s')
        && !low.ends_with("ss")
        && low.chars().all(|c| c.is_ascii_lowercase());
    if plural
        && num.form == Form::Cardinal
        && !(lx.is_digits(g + 1) && lx.glued(g + 1))
        && let Some((unit, next)) = count_noun(lx, g)
    {
        a.unit = Unit::Count(unit);
        a.t1 = next;
        return Some(a);
    }
    None // "11a", "4x4", "H1N1"-like identifiers
}

/// What follows a plain number: a currency ("5 dollars"), a percent or point
/// ("5 percent", "half a percentage point"), or a count noun ("3,200 jobs"), read
/// from token `k` on.
fn unit_after(lx: &Lexed, mut a: Amount, i: usize, k: usize, ctx: &Ctx) -> Option<Amount> {
    let num = a.num;
    if clock_after(lx, k) {
        return None;
    }
    if num.form == Form::Ordinal {
        return Some(a);
    }
    // Currency after: "20€", "10 $", "5 dollars", "75 USD million", "one-yen".
    let hy = lx.is_hyphen(k) && lx.glued(k) && lx.glued(k + 1) && lx.is_word(k + 1);
    let ks = if hy { k + 1 } else { k };
    if let Some((cur, next)) = currency_suffix(lx, ks)
        && !(hy && matches!(lx.kind(ks), Kind::Sym(_)))
        && !(lx.glued(next)
            && (lx.is_digits(next)
                || lx.is_sym(next, '.') && lx.is_digits(next + 1) && lx.glued(next + 1)))
    {
        // "a dollar" reads the article as 1; a plural name after "a" does not.
        a.unit = Unit::Money(cur);
        // "75 USD million"
        let mut next = next;
        if let Some(NumWord::Scale(s)) = lx.entry(next).num
            && !num.scaled
        {
            a.value *= s;
            a.step *= s;
            next += 1;
        }
        finish_money(lx, &mut a, next, cur);
        return Some(a);
    }
    // "half a percent", "a half percentage point"
    let kp = if num.form == Form::Fraction && matches!(lx.lower(k), "a" | "an") {
        k + 1
    } else {
        k
    };
    let khp = if lx.is_hyphen(kp) && lx.glued(kp) {
        kp + 1
    } else {
        kp
    };
    if let Some((unit, next)) = percent_suffix(lx, khp, ctx, lx.start(i)) {
        if matches!(lx.lower(khp), "basis" | "bps" | "bp") {
            a.value /= 100.0;
            a.step /= 100.0;
        }
        a.unit = unit;
        a.t1 = next;
        return Some(a);
    }
    if num.form != Form::Cardinal {
        return Some(a);
    }
    // A count: "3,200 jobs", "five-day", "a 10-year plan".
    let kc = if lx.is_hyphen(k) && lx.glued(k) && lx.glued(k + 1) {
        k + 1
    } else {
        k
    };
    if let Some((unit, next)) = count_noun(lx, kc) {
        a.unit = Unit::Count(unit);
        a.t1 = next;
    }
    Some(a)
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// After a money amount: a scale written after the currency has been applied by the
/// caller; here, minor units ("$20 and 43 cents", "3 GBP 1 pence", "15 dollars 50")
/// and the minor-unit factor itself.
fn finish_money(lx: &Lexed, a: &mut Amount, k: usize, cur: Cur) {
    a.t1 = k.max(a.t1);
    a.value *= cur.factor;
    a.step *= cur.factor;
    if cur.is_minor() || a.num.scaled || !a.num.int_literal && a.num.words && a.value.fract() != 0.0
    {
        return;
    }
    if a.value.fract() != 0.0 || cur.factor != 1.0 {
        return;
    }
    let mut j = k;
    let and = lx.is(j, "and");
    if and {
        j += 1;
    }
    let Some(m) = numeral::numeral(lx, j, false) else {
        return;
    };
    if m.form != Form::Cardinal
        || m.scaled
        || m.chain
        || m.value < 1.0
        || m.value >= 100.0
        || m.value.fract() != 0.0
        || m.glued.is_some() && !matches!(lx.lower(m.glued.unwrap_or(0)), "c" | "p")
    {
        return;
    }
    let mut end = m.t1;
    // An explicit minor unit: "43 cents", "43c", "1 pence", "43 sen", "4 kopiykas".
    let minor = if let Some(g) = m.glued {
        end = g + 1;
        true
    } else if let Some(n) = lx
        .is_word(end)
        .then(|| currency::name(lx.lower(end)))
        .flatten()
        && n.cur.is_minor()
    {
        end += 1;
        true
    } else {
        false
    };
    // Without a minor unit, only a bare two-digit tail at the end of a clause
    // ("15 dollars 50.", "twenty rupees 43"), never "$20 and 43 people".
    let clause_end = matches!(
        lx.kind(end),
        Kind::Break | Kind::Sym('.' | ',' | ';' | ':' | '!' | '?' | ')')
    );
    if !minor && (!clause_end || (m.words && !and && !a.num.words)) {
        return;
    }
    if !minor && !and && !a.num.int_literal && !a.num.words {
        return;
    }
    a.value += m.value * 0.01;
    a.step = 0.01;
    a.t1 = end;
}

/// A change word before a figure ("rose", "a rise of"): its direction, its role
/// and the token it stands at.
type Change = (Direction, ChangeRole, usize);

/// What stands before a figure's amount: a hedge ("more than"), a change word
/// ("rose"), "between" or "from"; `i` is where the figure starts, `j` where its
/// amount does.
struct Opening {
    i: usize,
    j: usize,
    hedge: Option<Hedge>,
    change: Option<Change>,
    between: bool,
    from: bool,
}

/// Tries to read a figure that starts at token `i`.
fn figure_at(lx: &Lexed, i: usize, ctx: &Ctx) -> Option<(Quantity, usize)> {
    if cannot_start_figure(lx, i) {
        return None;
    }
    let (j, hedge, change) = hedge_and_change(lx, i);
    // "percent of 10", "per cent of twenty-two"
    if change.is_none()
        && hedge.is_none()
        && let Some(q) = percent_of(lx, i)
    {
        return Some(q);
    }
    let o = range_opener(lx, i, j, hedge, change)?;
    let mut a = amount_at(lx, o.j, ctx)?;
    // "one in five", "7 out of 10", "1 over 3": a ratio.
    if !o.between
        && !o.from
        && let Some(r) = ratio(lx, &a)
    {
        return Some(ratio_figure(lx, &a, r, &o));
    }
    if !stands_as_figure(lx, &a, i) {
        return None;
    }
    let year = o.hedge.is_none() && o.change.is_none() && read_as_year(lx, &mut a);
    let (end, upper, step) = range_end_of(lx, &mut a, &o, ctx, year);
    if upper.is_none() && (o.between || o.from) {
        // "between" / "from" with no second end: read the figure alone from its own start.
        return None;
    }
    let (direction, end) = direction_of(lx, &a, &o, year, end)?;
    let (value, direction) = signed(&a, direction);
    let kind = figure_kind(&a, year, upper);
    if matches!(kind, QuantityKind::Year) && direction.is_some() {
        return None;
    }
    let start_tok = o.change.map_or(a.t0, |c| c.2);
    if !value.is_finite() || !step.is_finite() || step <= 0.0 {
        return None;
    }
    let q = Quantity {
        span: lx.start(start_tok)..lx.end(end - 1),
        kind,
        value,
        step,
        upper,
        hedge: o.hedge,
        direction,
    };
    Some((q, end))
}

/// Cheap rejection: most tokens cannot start a figure. One look at the word's
/// lexicon flags answers for the number, hedge, change, percent, opener and
/// currency-name words (see [`tests::the_start_check_keeps_its_word_lists`]).
fn cannot_start_figure(lx: &Lexed, i: usize) -> bool {
    let kind = lx.kind(i);
    if kind != Kind::Word {
        return kind == Kind::Break;
    }
    let entry = lx.entry(i);
    entry.num.is_none()
        && entry.ord.is_none()
        && entry.hedge.is_none()
        && entry.change.is_none()
        && !entry.has(lexicon::PERCENT | lexicon::OPENER | lexicon::CURRENCY)
        && currency::abbreviation_of(lx.raw(i), entry).is_none()
        && currency::million_code(lx.raw(i)).is_none()
        && !lx.entry(i + 1).has(lexicon::CURRENCY)
        && !lx.entry(i + 2).has(lexicon::CURRENCY)
        && !lx.is_sym(i + 1, '$')
}

/// A hedge or a change word (with a hedge after it) before the amount, and where
/// the amount then starts.
fn hedge_and_change(lx: &Lexed, i: usize) -> (usize, Option<Hedge>, Option<Change>) {
    let mut j = i;
    let mut hedge = None;
    let mut change = None;
    if let Some((h, e)) = hedge_at(lx, j) {
        hedge = Some(h);
        j = e;
    } else if let Some((d, role, e)) = change_opener(lx, j) {
        change = Some((d, role, j));
        j = e;
        if let Some((h, e2)) = hedge_at(lx, j) {
            hedge = Some(h);
            j = e2;
        }
    }
    (j, hedge, change)
}

/// "between" or "from" before the amount; `None` when "from" follows a change
/// ("rose from 5% to 7%": two levels, not a range, read one at a time).
fn range_opener(
    lx: &Lexed,
    i: usize,
    mut j: usize,
    hedge: Option<Hedge>,
    change: Option<Change>,
) -> Option<Opening> {
    let mut between = false;
    let mut from = false;
    if lx.is(j, "between") {
        between = true;
        j += 1;
    } else if lx.is(j, "from") && change.is_none() {
        // "rose from 5% to 7%", "went from $5 to $7": two levels, not a range.
        let p = j.wrapping_sub(1);
        let after_change = lx
            .entry(p)
            .change
            .is_some_and(|(r, _)| r != ChangeRole::Comparative)
            || matches!(
                lx.lower(p),
                "went" | "moved" | "changed" | "shifted" | "switched" | "go" | "goes" | "going"
            );
        if after_change {
            return None;
        }
        from = true;
        j += 1;
    }
    Some(Opening {
        i,
        j,
        hedge,
        change,
        between,
        from,
    })
}

/// The quantity of a ratio ("one in five") read from amount `a`.
fn ratio_figure(
    lx: &Lexed,
    a: &Amount,
    (value, step, end): (f64, f64, usize),
    o: &Opening,
) -> (Quantity, usize) {
    let start_tok = o.change.map_or(a.t0, |c| c.2);
    let q = Quantity {
        span: lx.start(start_tok)..lx.end(end - 1),
        kind: QuantityKind::Fraction,
        value,
        step,
        upper: None,
        hedge: o.hedge,
        direction: o.change.map(|c| c.0),
    };
    (q, end)
}

/// Whether amount `a` is a figure at all: "one" only when it counts something or
/// stands alone, an ordinal only where ordinals are figures, a bare scale word
/// ("millions") only with something after it or a number before.
fn stands_as_figure(lx: &Lexed, a: &Amount, i: usize) -> bool {
    // A word that is not a numeral unless it counts something or stands alone.
    if a.num.lone_one && a.unit == Unit::None && !a.prefix && !one_is_numeral(lx, a.num.t0) {
        return false;
    }
    if a.num.form == Form::Ordinal && !ordinal_ok(lx, a) {
        return false;
    }
    // Bare scale words need something after them or a number before.
    if a.num.words
        && a.num.t1 == a.num.t0 + 1
        && a.unit == Unit::None
        && a.num.form == Form::Cardinal
    {
        let only_scale = matches!(
            lx.entry(a.num.t0).num,
            Some(NumWord::Scale(_) | NumWord::Hundred)
        );
        if only_scale
            && (i > 0 && lx.entry(a.num.t0 - 1).has(lexicon::DET)
                || lx.is(a.num.t0.wrapping_sub(1), "per"))
        {
            return false;
        }
    }
    true
}

/// Whether a four-digit amount is a year ("the 2008 war", "in 2012") rather than
/// a count ("2012 jobs"); a year loses the count noun it was read with.
fn read_as_year(lx: &Lexed, a: &mut Amount) -> bool {
    let mut year = false;
    if a.num.int_literal
        && a.num.ndigits == 4
        && (1800.0..=2199.0).contains(&a.num.value)
        && !a.prefix
    {
        // "in 2012", "the 2024 elections", "Apple's 2024 results": a year's position.
        let prev_prep = a.num.t0 > 0
            && (lx.entry(a.num.t0 - 1).has(lexicon::YEAR_PREP)
                || lx.entry(a.num.t0 - 1).has(lexicon::DET)
                || lx.is(a.num.t0 - 1, "s")
                    && matches!(
                        lx.kind(a.num.t0.wrapping_sub(2)),
                        Kind::Sym('\'' | '\u{2019}')
                    ));
        match &a.unit {
            Unit::None => year = true,
            Unit::Count(u) => {
                let written = lx.lower(a.t1 - 1);
                let plural = written != u.as_str() || written == "people";
                let hyphen = lx.is_hyphen(a.num.t1);
                if prev_prep || !plural || hyphen {
                    year = true;
                    a.unit = Unit::None;
                    a.t1 = a.num.t1;
                }
            }
            _ => {}
        }
    }
    year
}

/// A range after amount `a`: "10-20%", "$10-$20", "between $10 and $20", "10 to
/// 20 percent". The figure's end token, its upper end and its step.
fn range_end_of(
    lx: &Lexed,
    a: &mut Amount,
    o: &Opening,
    ctx: &Ctx,
    year: bool,
) -> (usize, Option<f64>, f64) {
    let (i, j, from, between, change) = (o.i, o.j, o.from, o.between, o.change);
    let mut end = a.t1;
    let mut upper = None;
    let mut step = a.step;
    // A range: "10-20%", "$10-$20", "between $10 and $20", "10 to 20 percent".
    if a.num.form == Form::Cardinal && !a.num.chain && !a.neg {
        let k = a.t1;
        let conn = if lx.is_hyphen(k)
            || lx.is_sym(k, '\u{2013}')
            || lx.is_sym(k, '\u{2014}') && lx.glued(k)
            // "rose 0.5% to 3%" is a change and a level; "rise 10 to 20 percent" a range.
            || lx.is(k, "to")
                && (from || between || !prev_blocks_to(lx, i, j))
                && (change.is_none() || a.unit == Unit::None)
            || lx.is(k, "and") && between
            || lx.is(k, "through") && from
        {
            Some(k + 1)
        } else {
            None
        };
        if let Some(k2) = conn
            && let Some((b_val, b_step, b_end, b_unit, factor)) = range_end(lx, a, k2, ctx, year)
        {
            // "$4-5 million", "between 3 and 4 billion": the low end borrows the
            // high end's scale when that keeps it lower ("900 to 1.2 million" does not).
            let mut lo = a.value * factor;
            let mut lo_step = a.step * factor;
            if !a.num.scaled
                && let Some(s) = b_unit_scale(lx, k2)
                && lo * s < b_val
            {
                lo *= s;
                lo_step *= s;
            }
            if lo < b_val {
                if a.unit == Unit::None {
                    a.unit = b_unit;
                }
                a.value = lo;
                upper = Some(b_val);
                step = lo_step.min(b_step);
                end = b_end;
            }
        }
    }
    (end, upper, step)
}

/// The figure's direction: from the change word before it, or one after it ("a 7%
/// increase", "7% higher"), which then ends the figure. `None` when the change
/// cannot go with this figure (a year that rose, "sharply 12 people").
fn direction_of(
    lx: &Lexed,
    a: &Amount,
    o: &Opening,
    year: bool,
    mut end: usize,
) -> Option<(Option<Direction>, usize)> {
    let (i, change) = (o.i, o.change);
    // A change word after: "a 7% increase", "7% higher".
    let mut direction = change.map(|c| c.0);
    if direction.is_some() && a.unit == Unit::None && year {
        return None;
    }
    if let Some((_, ChangeRole::Adverb, _)) = change
        && !matches!(a.unit, Unit::Percent | Unit::Points | Unit::Money(_))
    {
        return None;
    }
    if direction.is_none()
        && matches!(
            a.unit,
            Unit::Percent | Unit::Points | Unit::Money(_) | Unit::None
        )
        && !year
    {
        let mut k = end;
        if lx.is_hyphen(k) && lx.glued(k) {
            k += 1; // "7%-rise"
        }
        let k = skip_change_modifiers(lx, k);
        if let Some((role, d)) = lx.entry(k).change {
            let ok = match role {
                ChangeRole::Noun => {
                    !matches!(a.unit, Unit::None)
                        || a.num.form == Form::Cardinal && lx.is(i.wrapping_sub(1), "a")
                }
                ChangeRole::Comparative => {
                    matches!(a.unit, Unit::Percent | Unit::Points | Unit::Money(_))
                }
                ChangeRole::Adverb => {
                    matches!(a.unit, Unit::Percent | Unit::Points) && !lx.is(k + 1, "to")
                }
                ChangeRole::Verb => false,
            };
            if ok && !(role == ChangeRole::Noun && a.unit == Unit::None) {
                direction = Some(d);
                end = k + 1;
            }
        }
    }
    Some((direction, end))
}

/// The figure's value and direction once its sign is read: "-7%" is a fall of 7
/// points, "-7" a negative number, "+7%" a rise.
fn signed(a: &Amount, mut direction: Option<Direction>) -> (f64, Option<Direction>) {
    let mut value = a.value;
    // Signs: "-7%" is a fall of 7 points; "-7" is a negative number.
    if a.neg {
        if matches!(a.unit, Unit::Percent | Unit::Points) && direction.is_none() {
            direction = Some(Direction::Fall);
        } else {
            value = -value;
        }
    } else if a.plus && direction.is_none() {
        direction = Some(Direction::Rise);
    }
    (value, direction)
}

/// What kind of figure amount `a` is.
fn figure_kind(a: &Amount, year: bool, upper: Option<f64>) -> QuantityKind {
    if year && upper.is_none_or(|u| u <= 2199.0) {
        QuantityKind::Year
    } else {
        match (&a.unit, a.num.form) {
            (Unit::Percent, _) => QuantityKind::Percent,
            (Unit::Points, _) => QuantityKind::PercentagePoints,
            (Unit::Money(c), _) => QuantityKind::Money {
                currency: c.code.to_string(),
            },
            (_, Form::Ordinal) => QuantityKind::Ordinal,
            (_, Form::Fraction) => QuantityKind::Fraction,
            (Unit::Count(u), _) => QuantityKind::Count { unit: u.clone() },
            (Unit::None, Form::Cardinal) => QuantityKind::Number,
        }
    }
}

/// Skips words that may stand between a figure and its change noun: "a 7%
/// year-on-year increase", "a 3% annual decline", "a 2% sharp drop".
fn skip_change_modifiers(lx: &Lexed, k: usize) -> usize {
    let mut j = k;
    for _ in 0..2 {
        // "year-on-year", "month-over-month", "quarter-on-quarter"
        if matches!(lx.lower(j), "year" | "month" | "quarter" | "week")
            && lx.is_hyphen(j + 1)
            && matches!(lx.lower(j + 2), "on" | "over")
            && lx.is_hyphen(j + 3)
            && lx.lower(j + 4) == lx.lower(j)
        {
            j += 5;
            continue;
        }
        if matches!(
            lx.lower(j),
            "annual"
                | "annualised"
                | "annualized"
                | "yearly"
                | "quarterly"
                | "monthly"
                | "weekly"
                | "daily"
                | "sharp"
                | "steep"
                | "modest"
                | "slight"
                | "further"
                | "overall"
                | "average"
                | "real"
                | "nominal"
                | "sudden"
                | "dramatic"
                | "significant"
                | "marginal"
                | "small"
                | "big"
                | "huge"
        ) {
            j += 1;
            continue;
        }
        break;
    }
    if lx.entry(j).change.is_some() { j } else { k }
}

/// Does the token before the figure forbid reading "X to Y" as a range ("rose from 5
/// to 7", "by 5 to 7")? `i` is where the figure's openers start, `j` the amount.
fn prev_blocks_to(lx: &Lexed, i: usize, j: usize) -> bool {
    let p = if j > i { j - 1 } else { i.wrapping_sub(1) };
    if p == usize::MAX {
        return false;
    }
    matches!(lx.lower(p), "from" | "by" | "of" | "at") || lx.entry(p).change.is_some() && j == i
}

/// The scale word right after the numeral that starts at `k` ("5 million").
fn b_unit_scale(lx: &Lexed, k: usize) -> Option<f64> {
    let mut j = k;
    if currency::symbol(first_char(lx.raw(j))).is_some() {
        j += 1;
    }
    let n = numeral::numeral(lx, j, true)?;
    if n.scaled && n.scale > 1.0 {
        Some(n.scale)
    } else {
        None
    }
}

/// The high end of a range after its connector: (value, step, end, unit).
fn range_end(
    lx: &Lexed,
    a: &Amount,
    k: usize,
    ctx: &Ctx,
    year: bool,
) -> Option<(f64, f64, usize, Unit, f64)> {
    let b = amount_at(lx, k, ctx)?;
    if b.num.form != Form::Cardinal
        || b.num.chain
        || b.neg
        || b.num.lone_one && b.unit == Unit::None && !lx.is_word(b.t1)
    {
        return None;
    }
    let glued = lx.glued(k) && lx.glued(k - 1);
    // "12-2015", "82-2100": a month or code and a year, not a range.
    let yearish =
        |n: &Numeral| n.int_literal && n.ndigits == 4 && (1800.0..=2199.0).contains(&n.value);
    if yearish(&a.num) != yearish(&b.num) && a.unit == Unit::None && b.unit == Unit::None {
        return None;
    }
    // "555-1234": a phone number, not a range.
    if glued && a.num.int_literal && b.num.int_literal && a.num.ndigits == 3 && b.num.ndigits == 4 {
        return None;
    }
    // A third hyphenated group: a phone number or code.
    if glued
        && lx.is_hyphen(b.t1)
        && lx.glued(b.t1)
        && lx.glued(b.t1 + 1)
        && (lx.is_digits(b.t1 + 1) || lx.entry(b.t1 + 1).num.is_some())
    {
        return None;
    }
    let mut b_val = b.value;
    // "2008-09": an abbreviated year.
    if year && b.num.int_literal && b.num.ndigits == 2 && glued {
        let century = (a.value / 100.0).floor() * 100.0;
        b_val = century + b.value;
        if b_val <= a.value {
            return None;
        }
        return Some((b_val, 1.0, b.num.t1, Unit::None, 1.0));
    }
    if year {
        if !(b.num.int_literal && b.num.ndigits == 4) {
            return None;
        }
        return Some((b_val, 1.0, b.num.t1, Unit::None, 1.0));
    }
    let unit = match (&a.unit, &b.unit) {
        (Unit::None, u) => u.clone(),
        (u, Unit::None) => u.clone(),
        (Unit::Money(x), Unit::Money(y)) if x.code == y.code && x.factor == y.factor => {
            a.unit.clone()
        }
        (x, y) if x == y => x.clone(),
        _ => return None,
    };
    // A money high end that got its currency only from the low end ("$10-20").
    if let (Unit::Money(c), Unit::None) = (&a.unit, &b.unit) {
        b_val *= c.factor;
    }
    if (b_val - a.value).abs() < f64::EPSILON {
        return None;
    }
    // What the high end's unit multiplies its number by (0.01 for cents and basis
    // points, 1e6 for "USD million"), for a low end that borrows the unit.
    let factor = if a.unit == Unit::None && b.num.value != 0.0 {
        b.value / b.num.value
    } else {
        1.0
    };
    Some((b_val, b.step, b.t1, unit, factor))
}

/// A ratio after a bare number: "one in five", "7 out of 10", "1 over 3".
/// Returns (value, step, end).
fn ratio(lx: &Lexed, a: &Amount) -> Option<(f64, f64, usize)> {
    if a.unit != Unit::None
        || a.num.form != Form::Cardinal
        || a.num.chain
        || a.plus
        || a.num.value.fract() != 0.0
        || a.num.scaled
    {
        return None;
    }
    let k = a.t1;
    let (word, k2) = match lx.lower(k) {
        "over" => ("over", k + 1),
        "in" => ("in", k + 1),
        "out" if lx.is(k + 1, "of") => ("out of", k + 2),
        _ => return None,
    };
    let b = numeral::numeral(lx, k2, false)?;
    if b.form != Form::Cardinal
        || b.chain
        || b.glued.is_some()
        || b.value.fract() != 0.0
        || b.value <= 0.0
    {
        return None;
    }
    let x = a.num.value;
    let ok = match word {
        // Division: nothing may follow ("$2,000 over 3 years" is not).
        "over" => !matches!(lx.kind(b.t1), Kind::Word | Kind::Digits),
        // "one in five adults": a proper share with a small numerator; never a year
        // ("5 in 2020") or a time ("1 in 5 years").
        "in" => {
            (1.0..=10.0).contains(&x)
                && x < b.value
                && !(b.int_literal && b.ndigits == 4 && b.value >= 1800.0)
        }
        _ => x <= b.value,
    };
    if !ok || lx.entry(b.t1).has(lexicon::TIME_UNIT) {
        return None;
    }
    let sign = if a.neg { -1.0 } else { 1.0 };
    Some((sign * x / b.value, 1.0 / b.value, b.t1))
}

/// May this lone "one" be read as a numeral?
fn one_is_numeral(lx: &Lexed, t: usize) -> bool {
    let prev_ok = t == 0 || {
        let p = t - 1;
        !lx.is_word(p)
            || !lx.entry(p).has(lexicon::DET)
                && !matches!(lx.lower(p), "no" | "any" | "every" | "some")
    };
    if !prev_ok {
        return false;
    }
    let n = t + 1;
    match lx.kind(n) {
        Kind::Word => {
            // "one last time", "one day": a noun (maybe after an adjective) follows.
            let w = lx.lower(n);
            if matches!(w, "last" | "more" | "single" | "final" | "extra" | "other") {
                return count_noun(lx, n + 1).is_some();
            }
            count_noun(lx, n).is_some() && !matches!(w, "another" | "thing")
        }
        Kind::Break => true,
        Kind::Sym(_) | Kind::Digits => {
            t == 0
                || !lx.is_word(t - 1)
                || lx.entry(t - 1).has(lexicon::COPULA)
                || lx.entry(t - 1).has(lexicon::STOP)
        }
    }
}

/// Is an ordinal reading sound here? "a second", "per second", "seconds" are time.
fn ordinal_ok(lx: &Lexed, a: &Amount) -> bool {
    let t = a.num.t0;
    if lx.is(t, "second") && a.num.t1 == t + 1 {
        let prev = if t > 0 { lx.lower(t - 1) } else { "" };
        if matches!(
            prev,
            "a" | "per" | "one" | "every" | "each" | "split" | "nano" | "milli"
        ) {
            return false;
        }
    }
    true
}

/// "percent of 10", "per cent of twenty-two": a percentage written before its number.
fn percent_of(lx: &Lexed, i: usize) -> Option<(Quantity, usize)> {
    let w = lx.lower(i);
    let after = match w {
        "percent" | "percents" => i + 1,
        "per" if lx.is(i + 1, "cent") => i + 2,
        _ => return None,
    };
    if !lx.is(after, "of") {
        return None;
    }
    // Not after a number: "20 percent of 10" is 20 percent.
    if i > 0 && (lx.is_digits(i - 1) || lx.entry(i - 1).num.is_some() || lx.is_word(i - 1)) {
        return None;
    }
    let n = numeral::numeral(lx, after + 1, false)?;
    if n.form != Form::Cardinal || n.glued.is_some() || n.chain || n.int_literal && n.ndigits == 4 {
        return None;
    }
    // Nothing noun-like after the number: "percent of 2020 revenue" is not this.
    if lx.is_word(n.t1) || lx.is_hyphen(n.t1) || lx.is_sym(n.t1, '%') {
        return None;
    }
    let q = Quantity {
        span: lx.start(i)..lx.end(n.t1 - 1),
        kind: QuantityKind::Percent,
        value: n.value,
        step: n.step,
        upper: None,
        hedge: None,
        direction: None,
    };
    Some((q, n.t1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expected kind, in a form that fits a table.
    #[derive(Debug, Clone, Copy)]
    enum K {
        Num,
        Pct,
        Pp,
        Frac,
        Year,
        Ord,
        Money(&'static str),
        Count(&'static str),
    }

    impl K {
        fn matches(self, k: &QuantityKind) -> bool {
            match (self, k) {
                (K::Num, QuantityKind::Number)
                | (K::Pct, QuantityKind::Percent)
                | (K::Pp, QuantityKind::PercentagePoints)
                | (K::Frac, QuantityKind::Fraction)
                | (K::Year, QuantityKind::Year)
                | (K::Ord, QuantityKind::Ordinal) => true,
                (K::Money(c), QuantityKind::Money { currency }) => c == currency,
                (K::Count(u), QuantityKind::Count { unit }) => u == unit,
                _ => false,
            }
        }
    }

    use Direction::{Fall, Rise};
    use Hedge::{About, LessThan, MoreThan, Nearly};
    use K::*;

    /// (text, span text, kind, value, step, hedge, direction, upper)
    type Case = (
        &'static str,
        &'static str,
        K,
        f64,
        f64,
        Option<Hedge>,
        Option<Direction>,
        Option<f64>,
    );

    const N: Option<Hedge> = None;
    const D: Option<Direction> = None;
    const U: Option<f64> = None;
    const THIRD: f64 = 1.0 / 3.0;

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // Changes with a direction.
        ("Exports rose 7% in March.", "rose 7%", Pct, 7.0, 1.0, N, Some(Rise), U),
        ("Exports rose by 7.5 percent in the year.", "rose by 7.5 percent", Pct, 7.5, 0.1, N, Some(Rise), U),
        ("Imports fell by 12 per cent last year.", "fell by 12 per cent", Pct, 12.0, 1.0, N, Some(Fall), U),
        ("Farmers face a 7% increase in tariffs.", "7% increase", Pct, 7.0, 1.0, N, Some(Rise), U),
        ("The report shows a 3.2% decline in output.", "3.2% decline", Pct, 3.2, 0.1, N, Some(Fall), U),
        ("The index was down 4% on Monday.", "down 4%", Pct, 4.0, 1.0, N, Some(Fall), U),
        ("Shares were up 0.5% by noon.", "up 0.5%", Pct, 0.5, 0.1, N, Some(Rise), U),
        // The particle of a phrasal verb is not a change.
        ("The regions make up about 20% of the land.", "20%", Pct, 20.0, 1.0, Some(About), D, U),
        ("The plant was shut down 3 weeks ago.", "3 weeks", Count("week"), 3.0, 1.0, N, D, U),
        ("Margins moved -7% over the quarter.", "-7%", Pct, 7.0, 1.0, N, Some(Fall), U),
        ("Polls show a +3% swing to the opposition.", "+3%", Pct, 3.0, 1.0, N, Some(Rise), U),
        ("Prices dropped 7 percent in May.", "dropped 7 percent", Pct, 7.0, 1.0, N, Some(Fall), U),
        ("Tourism grew 12% on the year.", "grew 12%", Pct, 12.0, 1.0, N, Some(Rise), U),
        ("Unemployment declined 2 percentage points.", "declined 2 percentage points", Pp, 2.0, 1.0, N, Some(Fall), U),
        ("The central bank rose 25 basis points.", "rose 25 basis points", Pp, 0.25, 0.01, N, Some(Rise), U),
        ("Spending increased by $3 million.", "increased by $3 million", Money("USD"), 3e6, 1e6, N, Some(Rise), U),
        ("Analysts expect an increase of 7% next year.", "increase of 7%", Pct, 7.0, 1.0, N, Some(Rise), U),
        ("Exports rose nearly 9% in June.", "rose nearly 9%", Pct, 9.0, 1.0, Some(Nearly), Some(Rise), U),
        ("The firm cut 3,200 jobs.", "cut 3,200 jobs", Count("job"), 3200.0, 1.0, N, Some(Fall), U),
        ("Sales rose 7% to $5 million.", "$5 million", Money("USD"), 5e6, 1e6, N, D, U),
        ("Inflation rose 0.5% to 3% in May.", "rose 0.5%", Pct, 0.5, 0.1, N, Some(Rise), U),
        ("Inflation rose 0.5% to 3% in May.", "3%", Pct, 3.0, 1.0, N, D, U),
        ("Output saw a 7% year-on-year increase.", "7% year-on-year increase", Pct, 7.0, 1.0, N, Some(Rise), U),
        ("Exports posted a 3% annual decline.", "3% annual decline", Pct, 3.0, 1.0, N, Some(Fall), U),
        ("The lira traded 4% lower on Friday.", "4% lower", Pct, 4.0, 1.0, N, Some(Fall), U),
        // Percentages.
        ("Support stood at 20 %, unchanged.", "20 %", Pct, 20.0, 1.0, N, D, U),
        ("The council approved a 20-percent levy.", "20-percent", Pct, 20.0, 1.0, N, D, U),
        ("Some twenty percent of voters stayed home.", "twenty percent", Pct, 20.0, 1.0, Some(About), D, U),
        ("Inflation reached 7.5 pct in April.", "7.5 pct", Pct, 7.5, 0.1, N, D, U),
        ("The tax is 20.5% on imports.", "20.5%", Pct, 20.5, 0.1, N, D, U),
        ("Turnout was 62.40 per cent.", "62.40 per cent", Pct, 62.4, 0.01, N, D, U),
        ("Labour led with 41%, a lead of 6 points.", "6 points", Pp, 6.0, 1.0, N, D, U),
        ("Borrowing costs rose half a percentage point.", "rose half a percentage point", Pp, 0.5, 0.5, N, Some(Rise), U),
        // Money.
        ("The ministry spent $1.3B on roads.", "$1.3B", Money("USD"), 1.3e9, 1e8, N, D, U),
        ("The ministry signed a $1.30B contract.", "$1.30B", Money("USD"), 1.3e9, 1e7, N, D, U),
        ("The plan has a budget of $1,300 million.", "$1,300 million", Money("USD"), 1.3e9, 1e6, N, D, U),
        ("Aid reached nearly  $1.3 billion.", "$1.3 billion", Money("USD"), 1.3e9, 1e8, Some(Nearly), D, U),
        ("Donors pledged 1.3 billion dollars in aid.", "1.3 billion dollars", Money("USD"), 1.3e9, 1e8, N, D, U),
        ("The fund holds US$2m in reserves.", "US$2m", Money("USD"), 2e6, 1e6, N, D, U),
        ("Brussels approved a €4.5 bn loan.", "€4.5 bn", Money("EUR"), 4.5e9, 1e8, N, D, U),
        ("Tickets cost EUR 5 each.", "EUR 5", Money("EUR"), 5.0, 1.0, N, D, U),
        ("Tickets cost 5 EUR each.", "5 EUR", Money("EUR"), 5.0, 1.0, N, D, U),
        ("There is a 5€ fee.", "5€", Money("EUR"), 5.0, 1.0, N, D, U),
        ("He won £300,000 in damages.", "£300,000", Money("GBP"), 3e5, 1.0, N, D, U),
        ("Tokyo unveiled a ¥2.5 trillion stimulus.", "¥2.5 trillion", Money("JPY"), 2.5e12, 1e11, N, D, U),
        ("The court imposed a fine of 50,000 rubles.", "50,000 rubles", Money("RUB"), 5e4, 1.0, N, D, U),
        ("Pensions were raised to 315 lari.", "315 lari", Money("GEL"), 315.0, 1.0, N, D, U),
        ("The city set aside ₾20 million for roads.", "₾20 million", Money("GEL"), 2e7, 1e6, N, D, U),
        ("Gazprom booked ₽1.5bn in profit.", "₽1.5bn", Money("RUB"), 1.5e9, 1e8, N, D, U),
        ("The fare is 100 yuan.", "100 yuan", Money("CNY"), 100.0, 1.0, N, D, U),
        ("A coffee costs CHF 12.50 in Zurich.", "CHF 12.50", Money("CHF"), 12.5, 0.01, N, D, U),
        ("The state allotted Rs 500 crore.", "Rs 500 crore", Money("INR"), 5e9, 1e7, N, D, U),
        ("Post offices sell a 50-cent stamp.", "50-cent", Money("USD"), 0.5, 0.01, N, D, U),
        ("It bid 470 pence a share.", "470 pence", Money("GBP"), 4.7, 0.01, N, D, U),
        ("A stamp cost 85p then.", "85p", Money("GBP"), 0.85, 0.01, N, D, U),
        ("Gum cost 5c.", "5c", Money("USD"), 0.05, 0.01, N, D, U),
        ("The meal cost $20 and 43 cents.", "$20 and 43 cents", Money("USD"), 20.43, 0.01, N, D, U),
        ("It cost three Swiss francs.", "three Swiss francs", Money("CHF"), 3.0, 1.0, N, D, U),
        ("It raised 125 million Australian dollars.", "125 million Australian dollars", Money("AUD"), 1.25e8, 1e6, N, D, U),
        ("Exports fell to HK$10.05 billion.", "HK$10.05 billion", Money("HKD"), 1.005e10, 1e7, N, D, U),
        ("The charge was C$300 million.", "C$300 million", Money("CAD"), 3e8, 1e6, N, D, U),
        ("He paid five dollars for it.", "five dollars", Money("USD"), 5.0, 1.0, N, D, U),
        ("Millions live on a dollar a day.", "a dollar", Money("USD"), 1.0, 1.0, N, D, U),
        ("Costs rose by 5,000 yen.", "rose by 5,000 yen", Money("JPY"), 5000.0, 1.0, N, Some(Rise), U),
        ("The company lost $2.5bn last year.", "lost $2.5bn", Money("USD"), 2.5e9, 1e8, N, Some(Fall), U),
        // Ranges.
        ("Fares will be between $10 and $20.", "$10 and $20", Money("USD"), 10.0, 1.0, N, D, Some(20.0)),
        ("Fares will cost $10-$20.", "$10-$20", Money("USD"), 10.0, 1.0, N, D, Some(20.0)),
        ("Growth of 10-20% is expected.", "Growth of 10-20%", Pct, 10.0, 1.0, N, Some(Rise), Some(20.0)),
        ("Forecasts of 10-20% are common.", "10-20%", Pct, 10.0, 1.0, N, D, Some(20.0)),
        ("Prices could rise 10 to 20 percent.", "rise 10 to 20 percent", Pct, 10.0, 1.0, N, Some(Rise), Some(20.0)),
        ("A deal worth $4 million to $5 million.", "$4 million to $5 million", Money("USD"), 4e6, 1e6, N, D, Some(5e6)),
        ("A deal worth $4-5 million.", "$4-5 million", Money("USD"), 4e6, 1e6, N, D, Some(5e6)),
        ("The bill is between 3 and 4 billion euros.", "3 and 4 billion euros", Money("EUR"), 3e9, 1e9, N, D, Some(4e9)),
        ("Prices held from 2010 to 2015.", "2010 to 2015", Year, 2010.0, 1.0, N, D, Some(2015.0)),
        ("He starred in the 2008-09 season.", "2008-09", Year, 2008.0, 1.0, N, D, Some(2009.0)),
        ("Patients waited 5-10 days.", "5-10 days", Count("day"), 5.0, 1.0, N, D, Some(10.0)),
        ("Stamps cost 50-60 cents.", "50-60 cents", Money("USD"), 0.5, 0.01, N, D, Some(0.6)),
        ("Rates may rise 25-50 basis points.", "rise 25-50 basis points", Pp, 0.25, 0.01, N, Some(Rise), Some(0.5)),
        ("Sales were 900 to 1.2 million units.", "900 to 1.2 million units", Count("unit"), 900.0, 1.0, N, D, Some(1.2e6)),
        // Counts.
        ("The plant will add 3,200 jobs.", "add 3,200 jobs", Count("job"), 3200.0, 1.0, N, Some(Rise), U),
        ("Leaders met for a five-day summit.", "five-day", Count("day"), 5.0, 1.0, N, D, U),
        ("It adopted a 10-year plan.", "10-year", Count("year"), 10.0, 1.0, N, D, U),
        ("Police detained 12 people.", "12 people", Count("person"), 12.0, 1.0, N, D, U),
        ("Delegates came from 40 countries.", "40 countries", Count("country"), 40.0, 1.0, N, D, U),
        ("The factory created 3,200 new jobs.", "3,200 new jobs", Count("job"), 3200.0, 1.0, N, D, U),
        ("Officials said 2012 jobs were lost.", "2012 jobs", Count("job"), 2012.0, 1.0, N, D, U),
        ("Pour the 180ml bottle out.", "180ml", Count("ml"), 180.0, 1.0, N, D, U),
        ("They built a 29km road.", "29km", Count("km"), 29.0, 1.0, N, D, U),
        ("Half a million people marched.", "Half a million people", Count("person"), 5e5, 5e5, N, D, U),
        ("It took one and a half years.", "one and a half years", Count("year"), 1.5, 0.5, N, D, U),
        ("The contract runs forty-five (45) days.", "forty-five (45) days", Count("day"), 45.0, 1.0, N, D, U),
        ("She has 10k followers.", "10k followers", Count("follower"), 1e4, 1e3, N, D, U),
        ("Workers produced 1.3 million barrels.", "1.3 million barrels", Count("barrel"), 1.3e6, 1e5, N, D, U),
        ("He bought a dozen eggs.", "a dozen eggs", Count("egg"), 12.0, 12.0, N, D, U),
        ("The vote lasted one day.", "one day", Count("day"), 1.0, 1.0, N, D, U),
        ("About 40 000 people attended.", "40 000 people", Count("person"), 4e4, 1.0, Some(About), D, U),
        ("Temperatures hit -7 degrees.", "-7 degrees", Count("degree"), -7.0, 1.0, N, D, U),
        // Years.
        ("The law changed in 2012.", "2012", Year, 2012.0, 1.0, N, D, U),
        ("Rates have been flat since 2012.", "2012", Year, 2012.0, 1.0, N, D, U),
        ("Veterans of the 2008 war gathered.", "2008", Year, 2008.0, 1.0, N, D, U),
        ("MPs passed the 2025 budget.", "2025", Year, 2025.0, 1.0, N, D, U),
        ("In 2012 jobs grew.", "2012", Year, 2012.0, 1.0, N, D, U),
        ("There were 2,012 votes.", "2,012 votes", Count("vote"), 2012.0, 1.0, N, D, U),
        // Ordinals and fractions.
        ("The team came third.", "third", Ord, 3.0, 1.0, N, D, U),
        ("Trade in the 21st century grew.", "21st", Ord, 21.0, 1.0, N, D, U),
        ("It is the twenty-first summit.", "twenty-first", Ord, 21.0, 1.0, N, D, U),
        ("Results came on May 4th.", "4th", Ord, 4.0, 1.0, N, D, U),
        ("Profits rose in the third quarter.", "third", Ord, 3.0, 1.0, N, D, U),
        ("A third of households rent.", "A third", Frac, THIRD, THIRD, N, D, U),
        ("Two thirds of members agreed.", "Two thirds", Frac, 2.0 * THIRD, THIRD, N, D, U),
        ("The bill needs a two-thirds majority.", "two-thirds", Frac, 2.0 * THIRD, THIRD, N, D, U),
        ("More than half of respondents agreed.", "half", Frac, 0.5, 0.5, Some(MoreThan), D, U),
        ("Three quarters of them voted.", "Three quarters", Frac, 0.75, 0.25, N, D, U),
        ("A fifth of the budget goes to defence.", "A fifth", Frac, 0.2, 0.2, N, D, U),
        ("One in five adults smokes.", "One in five", Frac, 0.2, 0.2, N, D, U),
        ("Some 7 out of 10 voters agree.", "7 out of 10", Frac, 0.7, 0.1, Some(About), D, U),
        ("Spend 3/4 of the budget.", "3/4", Frac, 0.75, 0.25, N, D, U),
        // After "and", a proper fraction makes a mixed number; an improper one
        // counts the whole cardinal.
        ("The shares traded at one hundred and three eighths.", "one hundred and three eighths", Num, 100.375, 0.125, N, D, U),
        ("The dial read one hundred and twenty-five eighths.", "one hundred and twenty-five eighths", Frac, 15.625, 0.125, N, D, U),
        // Ordinals after "and"; one over a compound ordinal.
        ("Congress opened its one hundred and fifth session.", "one hundred and fifth", Ord, 105.0, 1.0, N, D, U),
        ("The town marked its two thousand and first day of siege.", "two thousand and first", Ord, 2001.0, 1.0, N, D, U),
        ("The shutter stayed open one one hundred and twenty-fifth of a second.", "one one hundred and twenty-fifth", Frac, 1.0 / 125.0, 1.0 / 125.0, N, D, U),
        ("A flash lasts one one-thousandth of a second.", "one one-thousandth", Frac, 0.001, 0.001, N, D, U),
        ("The striker scored a pair of goals.", "a pair", Num, 2.0, 1.0, N, D, U),
        // "a fifth" before a word of position is an ordinal, not a share.
        ("The governor is seeking a fifth term.", "fifth", Ord, 5.0, 1.0, N, D, U),
        ("Prices climbed for a third straight month.", "third", Ord, 3.0, 1.0, N, D, U),
        ("Costs fell by a third in May.", "fell by a third", Frac, THIRD, THIRD, N, Some(Fall), U),
        ("The flight took 2½ hours.", "2½ hours", Count("hour"), 2.5, 0.5, N, D, U),
        ("He got a 5 1/2-year sentence.", "5 1/2-year", Count("year"), 5.5, 0.5, N, D, U),
        ("Polls show 2.1m votes cast.", "2.1m votes", Count("vote"), 2.1e6, 1e5, N, D, U),
        ("The 1,000th visitor arrived.", "1,000th", Ord, 1000.0, 1.0, N, D, U),
        ("Costs were €1,234.56 in all.", "€1,234.56", Money("EUR"), 1234.56, 0.01, N, D, U),
        ("Costs were 1.234,56 € in all.", "1.234,56 €", Money("EUR"), 1234.56, 0.01, N, D, U),
        ("Tickets cost LE 50 at the door.", "LE 50", Money("EGP"), 50.0, 1.0, N, D, U),
        ("A kilo of beef sells for 420 L.E. in Cairo.", "420 L.E.", Money("EGP"), 420.0, 1.0, N, D, U),
        ("Bread now costs 5 geneh a bag.", "5 geneh", Money("EGP"), 5.0, 1.0, N, D, U),
        ("The 5 largest banks failed.", "5 largest banks", Count("bank"), 5.0, 1.0, N, D, U),
        ("Voters in the 2024 elections.", "2024", Year, 2024.0, 1.0, N, D, U),
        ("Dial +1-222-333-4444 today.", "+1", Num, 1.0, 1.0, N, D, U),
        // Numbers in words and digits.
        ("The population is four million.", "four million", Num, 4e6, 1e6, N, D, U),
        ("The vote was twenty-one to nine.", "twenty-one", Num, 21.0, 1.0, N, D, U),
        ("The answer is one hundred and five.", "one hundred and five", Num, 105.0, 1.0, N, D, U),
        ("The total was Three hundred  and  thirty one.", "Three hundred  and  thirty one", Num, 331.0, 1.0, N, D, U),
        ("Output reached two point five million.", "two point five million", Num, 2.5e6, 1e5, N, D, U),
        ("Debt hit 2.5bn.", "2.5bn", Num, 2.5e9, 1e8, N, D, U),
        ("The index gained .5 on Friday.", "gained .5", Num, 0.5, 0.1, N, Some(Rise), U),
        ("The reading was -4.5 overall.", "-4.5", Num, -4.5, 0.1, N, D, U),
        ("Each box holds 3 dozen.", "3 dozen", Num, 36.0, 12.0, N, D, U),
        ("The registry lists 1 234 567 entries.", "1 234 567 entries", Count("entry"), 1_234_567.0, 1.0, N, D, U),
        ("Scientists measured 1.5e6 cells.", "1.5e6 cells", Count("cell"), 1.5e6, 1e5, N, D, U),
        ("The answer is minus one.", "minus one", Num, -1.0, 1.0, N, D, U),
        // Hedges.
        ("About 300 people were evacuated.", "300 people", Count("person"), 300.0, 1.0, Some(About), D, U),
        ("Around 1,000 attended.", "1,000", Num, 1000.0, 1.0, Some(About), D, U),
        ("Turnout was roughly 30%.", "30%", Pct, 30.0, 1.0, Some(About), D, U),
        ("Some 300 troops remain.", "300 troops", Count("troop"), 300.0, 1.0, Some(About), D, U),
        ("Approval is almost 20%.", "20%", Pct, 20.0, 1.0, Some(Nearly), D, U),
        ("The deal is worth close to $5 billion.", "$5 billion", Money("USD"), 5e9, 1e9, Some(Nearly), D, U),
        ("Just under 2 million visited.", "2 million", Num, 2e6, 1e6, Some(Nearly), D, U),
        ("Police made more than 1,000 arrests.", "1,000 arrests", Count("arrest"), 1000.0, 1.0, Some(MoreThan), D, U),
        ("Delegates from over 40 countries came.", "40 countries", Count("country"), 40.0, 1.0, Some(MoreThan), D, U),
        ("Yields stayed above 3%.", "3%", Pct, 3.0, 1.0, Some(MoreThan), D, U),
        ("At least 12 people died.", "12 people", Count("person"), 12.0, 1.0, Some(MoreThan), D, U),
        ("It raised upwards of $2 million.", "$2 million", Money("USD"), 2e6, 1e6, Some(MoreThan), D, U),
        ("Growth was less than 5%.", "5%", Pct, 5.0, 1.0, Some(LessThan), D, U),
        ("Inflation stayed below 2 percent.", "2 percent", Pct, 2.0, 1.0, Some(LessThan), D, U),
        ("There were fewer than 100 cases.", "100 cases", Count("case"), 100.0, 1.0, Some(LessThan), D, U),
        ("NATO may send up to 5,000 troops.", "5,000 troops", Count("troop"), 5000.0, 1.0, Some(LessThan), D, U),
        ("Officials counted an estimated 2,500 protesters.", "2,500 protesters", Count("protester"), 2500.0, 1.0, Some(About), D, U),
    ];

    /// Texts with nothing in them, and spans that must not be found.
    const NEGATIVE: &[(&str, Option<&str>)] = &[
        ("She is one of the best.", None),
        ("No one came to the hearing.", None),
        ("Someone said so once.", None),
        ("The one who left was the one.", None),
        ("Which one do you prefer?", None),
        ("A man and an idea.", None),
        ("Music of the '90s returned.", None),
        ("Music of the 1990s returned.", None),
        ("We meet at 5:30 today.", None),
        ("We meet at 5 p.m. today.", None),
        ("We meet at 5pm today.", None),
        ("Silica gel is used.", None),
        ("The A320 and MP3 and H1N1.", None),
        ("Update to v1.2.3 now.", None),
        ("See http://example.com/a/30%25/2020 now.", None),
        ("Dozens of people and hundreds of thousands more.", None),
        ("Thousands of jobs were lost.", None),
        ("$", None),
        ("...", None),
        ("In the first half of 2024 sales grew.", Some("half")),
        ("the dollar 10 years ago", Some("dollar 10")),
        ("Biden won 306 electoral votes.", Some("won 306")),
        ("He scored 5 in 2020.", Some("5 in 2020")),
        ("Prices rose from 5% to 7%.", Some("5% to 7%")),
        ("Prices went from $5 to $7.", Some("$5 to $7")),
        ("Inflation rose 0.5% to 3% in May.", Some("rose 0.5% to 3%")),
        ("He won 4-3 on Sunday.", Some("4-3")),
        ("Call 555-1234 today.", Some("555-1234")),
        ("The Covid-19 pandemic spread.", Some("19 pandemic")),
        ("He lives at 10 Downing Street.", Some("10 Downing")),
        ("The 5G network and 4G phones.", None),
        ("The 9/11 attacks.", Some("9/11")),
        ("Dated 2025-12-04 title", Some("04 title")),
        ("All 70 of us went.", Some("All 70")),
        ("Sales rose to $5 million.", Some("rose to $5 million")),
        ("They lost 7 said officials.", Some("7 said")),
        ("Sign on May 5 in Paris.", Some("5 in")),
        ("The pair were arrested on Monday.", None),
        ("The governor is seeking a fifth term.", Some("a fifth")),
    ];

    fn show(qs: &[Quantity], text: &str) -> String {
        qs.iter()
            .map(|q| format!("{:?}={:?} ", &text[q.span.clone()], q.kind))
            .collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for &(text, span, kind, value, step, hedge, dir, upper) in CASES {
            let qs = quantities(text);
            let Some(q) = qs.iter().find(|q| &text[q.span.clone()] == span) else {
                failures.push(format!("{text:?}: no {span:?} in {}", show(&qs, text)));
                continue;
            };
            let ok = kind.matches(&q.kind)
                && close(q.value, value)
                && close(q.step, step)
                && q.hedge == hedge
                && q.direction == dir
                && match (q.upper, upper) {
                    (Some(a), Some(b)) => close(a, b),
                    (None, None) => true,
                    _ => false,
                };
            if !ok {
                failures.push(format!("{text:?}: got {q:?}"));
            }
        }
        assert!(CASES.len() >= 80);
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn negatives() {
        let mut failures = Vec::new();
        for &(text, span) in NEGATIVE {
            let qs = quantities(text);
            let bad = match span {
                None => !qs.is_empty(),
                Some(s) => qs.iter().any(|q| &text[q.span.clone()] == s),
            };
            if bad {
                failures.push(format!("{text:?}: {}", show(&qs, text)));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn several_in_order() {
        let text = "Sales rose 7% to $1.3 billion in 2012, up from 1,2,3 and 40 countries.";
        let qs = quantities(text);
        let spans: Vec<&str> = qs.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(
            spans,
            [
                "rose 7%",
                "$1.3 billion",
                "2012",
                "1",
                "2",
                "3",
                "40 countries"
            ]
        );
    }

    #[test]
    fn ordinal_denominators() {
        let cases: &[(&str, Option<(&str, f64)>)] = &[
            ("Costs rose by a third in a year.", Some(("third", 3.0))),
            ("It grew to forty-two and a third.", Some(("third", 3.0))),
            (
                "The bet paid one twenty-fifth of the stake.",
                Some(("twenty-fifth", 25.0)),
            ),
            ("Two thirds of members agreed.", None),
            ("Half of them left.", None),
            ("A quarter of them left.", None),
            ("The team came third.", None),
        ];
        for &(text, want) in cases {
            let got = quantities(text)
                .iter()
                .find_map(|q| ordinal_denominator(text, q))
                .map(|(s, v)| (&text[s], v));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn unit_words_without_figures() {
        let text = "The dollar slipped, and a small percentage of savers hold 5 dollars, \
                    the % of which fell 3 percentage points; she won 20 percent in yuan.";
        let qs = quantities(text);
        let got: Vec<(&str, UnitWord)> = unit_words(text, &qs)
            .into_iter()
            .map(|(s, u)| (&text[s], u))
            .collect();
        assert_eq!(
            got,
            [
                ("dollar", UnitWord::Currency("USD")),
                ("percentage", UnitWord::Percent),
                ("%", UnitWord::Percent),
                ("yuan", UnitWord::Currency("CNY")),
            ]
        );
    }

    #[test]
    fn relative() {
        let text = "Show the next to last page, the previous one and the last. It will last.";
        let r = relative_ordinals(text);
        let got: Vec<(&str, Anchor, i32)> = r
            .iter()
            .map(|r| (&text[r.span.clone()], r.anchor, r.offset))
            .collect();
        assert_eq!(
            got,
            [
                ("next to last", Anchor::End, 1),
                ("previous one", Anchor::Current, -1),
                ("last", Anchor::End, 0)
            ]
        );
    }

    /// A small deterministic generator for the robustness test.
    fn lcg(state: &mut u64) -> u64 {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *state >> 33
    }

    #[test]
    fn never_panics_and_spans_are_sound() {
        let pieces = [
            "1",
            "2,3",
            ",",
            ".",
            "5",
            "-",
            "+",
            "$",
            "€",
            "%",
            " ",
            "  ",
            "\n",
            "\n\n",
            "million",
            "bn",
            "k",
            "m",
            "one",
            "a",
            "half",
            "third",
            "and",
            "between",
            "to",
            "rose",
            "about",
            "ü",
            "日本",
            "½",
            "e",
            "^",
            "/",
            ":",
            "99999999999999999999999999999999999999",
            "0",
            ".5",
            "US",
            "percent",
            "points",
            "(",
            ")",
            "年",
            "🙂",
            "x10",
            "cents",
            "dollars",
            "'",
            "s",
            "th",
            "over",
            "in",
            "of",
            "2012",
            "-",
            "–",
        ];
        let mut st = 42u64;
        let mut texts: Vec<String> = vec![
            String::new(),
            "9".repeat(400),
            "1e999".into(),
            "10^999".into(),
            "1.1^--------9".into(),
            "1,2,3".into(),
            "$".into(),
            "...".into(),
            "½½½".into(),
            "--5".into(),
            "\u{202f}000".into(),
            "one one one one".into(),
            "a a a a".into(),
        ];
        // QUANTITY_FUZZ=200000 cargo test never_panics: a longer run.
        let rounds: usize = std::env::var("QUANTITY_FUZZ")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3000);
        for _ in 0..rounds {
            let n = (lcg(&mut st) % 12) as usize;
            let mut t = String::new();
            for _ in 0..n {
                t.push_str(pieces[(lcg(&mut st) % pieces.len() as u64) as usize]);
                if lcg(&mut st).is_multiple_of(3) {
                    t.push(' ');
                }
            }
            texts.push(t);
        }
        // Random scalar values, biased towards digits, signs and separators.
        let bias = [
            '1', '0', '9', ',', '.', '-', '$', '%', ' ', 'k', 'm', '\u{a0}', '/', '^', 'e',
        ];
        for _ in 0..rounds {
            let n = (lcg(&mut st) % 20) as usize;
            let t: String = (0..n)
                .map(|_| {
                    if lcg(&mut st).is_multiple_of(2) {
                        bias[(lcg(&mut st) % bias.len() as u64) as usize]
                    } else {
                        char::from_u32((lcg(&mut st) % 0x3_0000) as u32).unwrap_or('\u{fffd}')
                    }
                })
                .collect();
            texts.push(t);
        }
        for t in &texts {
            let qs = quantities(t);
            let mut last_end = 0;
            for q in &qs {
                assert!(q.span.start >= last_end, "overlap in {t:?}: {qs:?}");
                assert!(q.span.start < q.span.end && q.span.end <= t.len(), "{t:?}");
                assert!(
                    t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end),
                    "{t:?}"
                );
                assert!(
                    q.value.is_finite() && q.step.is_finite() && q.step > 0.0,
                    "{t:?}: {q:?}"
                );
                last_end = q.span.end;
            }
            let _ = relative_ordinals(t);
        }
    }

    /// The start check as it was: string matches and currency-name look-ups
    /// per word, where [`cannot_start_figure`] reads lexicon flags.
    fn cannot_start_by_strings(lx: &Lexed, i: usize) -> bool {
        let kind = lx.kind(i);
        let entry = lx.entry(i);
        let name = |k: usize| currency::name(lx.lower(k)).is_some();
        kind == Kind::Break
            || kind == Kind::Word
                && entry.num.is_none()
                && entry.ord.is_none()
                && entry.hedge.is_none()
                && entry.change.is_none()
                && !entry.has(lexicon::PERCENT)
                && !matches!(
                    lx.lower(i),
                    "a" | "an"
                        | "between"
                        | "from"
                        | "minus"
                        | "negative"
                        | "more"
                        | "less"
                        | "fewer"
                        | "greater"
                        | "higher"
                        | "lower"
                        | "at"
                        | "upwards"
                        | "upward"
                        | "in"
                        | "up"
                        | "close"
                        | "just"
                        | "well"
                        | "slightly"
                        | "no"
                        | "not"
                        | "as"
                        | "on"
                        | "north"
                        | "per"
                        | "u"
                )
                && currency::abbreviation(lx.raw(i)).is_none()
                && currency::million_code(lx.raw(i)).is_none()
                && !name(i)
                && !(name(i + 1) || name(i + 2))
                && !lx.is_sym(i + 1, '$')
    }

    /// Words the flags must tell apart: openers, currency names, codes in
    /// every case, multiples, hedges and words that are none of them.
    const START_WORDS: &[&str] = &[
        "a",
        "A",
        "an",
        "between",
        "From",
        "minus",
        "negative",
        "more",
        "less",
        "fewer",
        "greater",
        "higher",
        "lower",
        "at",
        "upwards",
        "upward",
        "in",
        "up",
        "close",
        "just",
        "well",
        "slightly",
        "no",
        "not",
        "as",
        "on",
        "north",
        "per",
        "u",
        "U",
        "dollars",
        "Dollar",
        "yen",
        "euros",
        "pence",
        "won",
        "real",
        "marks",
        "ringgit",
        "元",
        "USD",
        "usd",
        "Usd",
        "TRY",
        "try",
        "Try",
        "gel",
        "GEL",
        "RMB",
        "rmb",
        "Rs",
        "RS",
        "rs",
        "Rp",
        "RM",
        "zł",
        "zl",
        "Ksh",
        "KSh",
        "Dhs",
        "LE",
        "MUSD",
        "MEUR",
        "Meur",
        "twice",
        "double",
        "Triple",
        "treble",
        "quadruple",
        "about",
        "nearly",
        "over",
        "the",
        "said",
        "pair",
        "Pair",
        "percent",
        "rose",
        "fell",
        "cut",
        "increase",
        "three",
        "third",
        "million",
        "dozen",
        "half",
        "cat",
        "The",
        "ÉCOLE",
        "naïve",
        "x",
        "7",
        "$",
        "%",
        "-",
        ".",
        "½",
        "\n\n",
        "https://x.org",
        "than",
        "least",
        "of",
        "to",
    ];

    #[test]
    fn the_start_check_keeps_its_word_lists() {
        let mut st = 7u64;
        let mut texts: Vec<String> = START_WORDS.iter().map(|w| w.to_string()).collect();
        for _ in 0..4000 {
            let n = (lcg(&mut st) % 9) as usize;
            let words: Vec<&str> = (0..n)
                .map(|_| START_WORDS[(lcg(&mut st) % START_WORDS.len() as u64) as usize])
                .collect();
            texts.push(words.join(" "));
        }
        for t in &texts {
            let lx = Lexed::new(t);
            for i in 0..=lx.len() {
                assert_eq!(
                    cannot_start_figure(&lx, i),
                    cannot_start_by_strings(&lx, i),
                    "token {i} of {t:?}"
                );
                let w = lx.lower(i);
                let e = lx.entry(i);
                assert_eq!(
                    e.has(lexicon::CURRENCY),
                    currency::name(w).is_some(),
                    "{w:?}"
                );
                assert_eq!(e.has(lexicon::PAIR), w == "pair", "{w:?}");
                // The multiple check skips only words that start neither a
                // hedge nor a multiple.
                let skipped = e.hedge.is_none() && !e.has(lexicon::MULTIPLE | lexicon::OPENER);
                if skipped {
                    assert!(hedge_at(&lx, i).is_none(), "{w:?} opens a hedge");
                    assert!(
                        !matches!(w, "twice" | "double" | "triple" | "treble" | "quadruple"),
                        "{w:?}"
                    );
                }
            }
        }
    }
}
