//! Numerals: numbers written with digits ("3,200", "1.3e6", "3/4"), with words
//! ("one hundred and five", "two-thirds", "twenty-first"), or both ("4 million",
//! "3 hundred and 21", "$1.3bn"'s "1.3bn").
//!
//! A numeral knows its value, its `step` (the place value of its last written digit
//! or word, see [`Numeral::step`]) and its form (cardinal, fraction, ordinal). What
//! it counts (money, percent, a noun) is decided by the caller.

use super::lexer::{Kind, Lexed};
use super::lexicon::{self, NumWord, OrdClass, OrdWord};

/// What kind of number a numeral is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// A plain number: "3,200", "four million", "1.5".
    Cardinal,
    /// A fraction written as one: "two-thirds", "a fifth", "3/4", "½", "one in five".
    Fraction,
    /// An ordinal: "21st", "third", "twenty-first".
    Ordinal,
}

/// A numeral found in the token stream.
#[derive(Debug, Clone, Copy)]
pub(super) struct Numeral {
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// Its value.
    pub value: f64,
    /// The place value of the last digit or word written: 1 for "3,200", 0.1 for
    /// "1.3", 1e8 for "1.3 billion", 1e6 for "four million", 1/3 for "two-thirds".
    pub step: f64,
    /// Cardinal, fraction or ordinal.
    pub form: Form,
    /// Written (partly) with number words.
    pub words: bool,
    /// A single run of digits with no separator, decimal point, scale or exponent.
    pub int_literal: bool,
    /// Number of digits when `int_literal`.
    pub ndigits: usize,
    /// A scale word or abbreviation applied ("million", "bn", "k").
    pub scaled: bool,
    /// The scale the numeral ends with (1e6 for "4 million", 1.0 if none), so that
    /// "4 to 5 million" can lend it to its low end.
    pub scale: f64,
    /// Letters glued right after the digits that the numeral did not use ("180ml").
    pub glued: Option<usize>,
    /// Part of a chain of numbers (IP address, date, phone number, list): a bare
    /// number that takes no unit.
    pub chain: bool,
    /// The numeral is the single word "one" (maybe a pronoun).
    pub lone_one: bool,
}

impl Numeral {
    fn simple(t0: usize, t1: usize, value: f64, step: f64, form: Form) -> Numeral {
        Numeral {
            t0,
            t1,
            value,
            step,
            form,
            words: false,
            int_literal: false,
            ndigits: 0,
            scaled: false,
            scale: 1.0,
            glued: None,
            chain: false,
            lone_one: false,
        }
    }
}

impl Numeral {
    /// The article in "a dollar", "an euro": the number one, written as a word.
    pub(super) fn article(i: usize) -> Numeral {
        let mut n = Numeral::simple(i, i + 1, 1.0, 1.0, Form::Cardinal);
        n.words = true;
        n
    }
}

/// A literal written with digits.
#[derive(Debug, Clone, Copy)]
struct Lit {
    t1: usize,
    value: f64,
    step: f64,
    /// No decimal part, exponent or fraction.
    integer: bool,
    /// No separators either: a single digit run.
    plain: bool,
    form: Form,
    chain: bool,
}

fn parse_f64(s: &str) -> f64 {
    s.parse::<f64>().unwrap_or(f64::NAN)
}

fn pow10(e: i32) -> f64 {
    10f64.powi(e)
}

impl Lit {
    /// A member of a chain of numbers ("192.168.1.2", "5/17/2018"): an integer alone.
    fn chain_member(t1: usize, value: f64) -> Lit {
        Lit {
            t1,
            value,
            step: 1.0,
            integer: true,
            plain: true,
            form: Form::Cardinal,
            chain: true,
        }
    }

    /// A number with an exponent or a power ("1e10", "1.1^23").
    fn scientific(t1: usize, value: f64, step: f64) -> Lit {
        Lit {
            t1,
            value,
            step,
            integer: false,
            plain: false,
            form: Form::Cardinal,
            chain: false,
        }
    }
}

/// The digits of a literal read so far: its text as Rust parses it ("1234.5"),
/// the next token and what was seen.
struct Mantissa {
    buf: String,
    /// The token after the digits read.
    j: usize,
    decimals: i32,
    integer: bool,
    plain: bool,
}

impl Mantissa {
    fn value(&self) -> f64 {
        parse_f64(&self.buf)
    }

    fn step(&self) -> f64 {
        pow10(-self.decimals)
    }

    /// Appends the digits of token `k` as a decimal part.
    fn push_decimals(&mut self, lx: &Lexed, k: usize) {
        self.buf.push('.');
        self.buf.push_str(lx.raw(k));
        self.decimals = lx.ndigits(k) as i32;
        self.integer = false;
        self.plain = false;
    }

    /// Appends `n` digit groups that each follow a separator token.
    fn push_separated_groups(&mut self, lx: &Lexed, n: usize) {
        for _ in 0..n {
            self.buf.push_str(lx.raw(self.j + 1));
            self.j += 2;
        }
        self.plain = false;
    }
}

/// What reading the digits gave: the literal whole (a chain member), or digits to go on from.
enum Digits {
    Whole(Lit),
    Part(Mantissa),
}

/// Reads a literal starting at token `i` (a digit run or a '.' before one).
fn literal(lx: &Lexed, i: usize) -> Option<Lit> {
    if let Some(member) = chain_member(lx, i) {
        return member;
    }
    let m = match digits(lx, i)? {
        Digits::Whole(lit) => return Some(lit),
        Digits::Part(m) => m,
    };
    if let Some(lit) = exponent_suffix(lx, &m).or_else(|| power(lx, &m)) {
        return Some(lit);
    }
    if let Some(lit) = slashed(lx, &m).or_else(|| mixed_number(lx, &m)) {
        return Some(lit);
    }
    // "1.2.3" after a decimal, "1:2" ratios and the like: the rest is a chain.
    let j = m.j;
    let chain = m.integer
        && m.plain
        && matches!(lx.kind(j), Kind::Sym('.' | ':'))
        && lx.glued(j)
        && lx.is_digits(j + 1)
        && lx.glued(j + 1);
    Some(Lit {
        t1: j,
        value: m.value(),
        step: m.step(),
        integer: m.integer,
        plain: m.plain,
        form: Form::Cardinal,
        chain,
    })
}

/// Token `i` inside a chain of numbers. `Some(None)`: the minutes of a time or an
/// identifier's part, no literal; `Some(Some(_))`: an integer alone; `None`: no chain.
fn chain_member(lx: &Lexed, i: usize) -> Option<Option<Lit>> {
    let is_d = |k: usize| lx.is_digits(k);
    let g = |k: usize| lx.glued(k);
    if !is_d(i) || i < 2 || !g(i) || !g(i - 1) || !is_d(i - 2) {
        return None;
    }
    // A member of a hyphenated chain of three or more groups ("2025-12-04",
    // "+1-222-333"). (Two groups are a range or a score.)
    let hy_before = lx.is_hyphen(i - 1);
    let hy_after = lx.is_hyphen(i + 1) && g(i + 1) && is_d(i + 2) && g(i + 2);
    let hy_before2 =
        i >= 4 && hy_before && lx.is_hyphen(i - 3) && g(i - 2) && g(i - 3) && is_d(i - 4);
    if hy_before && (hy_after || hy_before2) {
        return Some(Some(Lit::chain_member(i + 1, parse_f64(lx.raw(i)))));
    }
    // A member of a chain "192.168.1.2", "5/17/2018", "22,24,26".
    let Kind::Sym(c @ ('.' | '/' | ':' | ',')) = lx.kind(i - 1) else {
        return None;
    };
    if c == ':' && lx.ndigits(i - 2) <= 2 && lx.ndigits(i) == 2 {
        return Some(None); // the minutes of a time
    }
    // The chain's head glued to letters ("v1.2.3", "A320/321"): an identifier.
    let h = lx.chain_head(i - 2);
    if h > 0 && lx.glued(h) && lx.is_word(h - 1) {
        return Some(None);
    }
    Some(Some(Lit::chain_member(i + 1, parse_f64(lx.raw(i)))))
}

/// The digits of a literal: ".5", or a digit run with its groups and decimal part.
fn digits(lx: &Lexed, i: usize) -> Option<Digits> {
    if lx.is_sym(i, '.') {
        return point_fraction(lx, i).map(Digits::Part);
    }
    if !lx.is_digits(i) || is_time(lx, i) {
        return None;
    }
    let mut m = Mantissa {
        buf: String::with_capacity(24),
        j: i + 1,
        decimals: 0,
        integer: true,
        plain: true,
    };
    m.buf.push_str(lx.raw(i));
    let (groups, after_groups) = comma_groups(lx, i);
    if !european_grouping(lx, &mut m, i, groups.is_empty()) {
        english_grouping(lx, &mut m, i, &groups, after_groups);
        if let Some(chain) = decimal_part(lx, &mut m, i) {
            return Some(Digits::Whole(chain));
        }
    }
    Some(Digits::Part(m))
}

/// ".5": not after a glued digit or letter ("v.5", "1.5" are read elsewhere).
fn point_fraction(lx: &Lexed, i: usize) -> Option<Mantissa> {
    if !(lx.is_digits(i + 1) && lx.glued(i + 1))
        || (lx.glued(i) && matches!(lx.kind(i - 1), Kind::Digits | Kind::Word))
    {
        return None;
    }
    Some(Mantissa {
        buf: format!("0.{}", lx.raw(i + 1)),
        j: i + 2,
        decimals: lx.ndigits(i + 1) as i32,
        integer: false,
        plain: false,
    })
}

/// A time "5:30": not a figure.
fn is_time(lx: &Lexed, i: usize) -> bool {
    lx.ndigits(i) <= 2
        && lx.is_sym(i + 1, ':')
        && lx.glued(i + 1)
        && lx.is_digits(i + 2)
        && lx.glued(i + 2)
        && lx.ndigits(i + 2) == 2
}

/// Token `k` a separator `sep` glued between digits: "," of "3,200".
fn glued_sep(lx: &Lexed, k: usize, sep: char) -> bool {
    lx.is_sym(k, sep) && lx.glued(k) && lx.is_digits(k + 1) && lx.glued(k + 1)
}

/// The sizes of the comma groups after token `i`'s digits ("3,200,000": [3, 3]), and
/// the token after them. No groups for a member of a list ("22,24").
fn comma_groups(lx: &Lexed, i: usize) -> (Vec<usize>, usize) {
    let mut groups = Vec::new();
    let mut k = i + 1;
    let list_member =
        i >= 2 && lx.is_sym(i - 1, ',') && lx.glued(i) && lx.glued(i - 1) && lx.is_digits(i - 2);
    while !list_member && glued_sep(lx, k, ',') {
        groups.push(lx.ndigits(k + 1));
        k += 2;
    }
    (groups, k)
}

/// European "1.234.567" / "1.111,11": reads them into `m` and says whether it did.
/// `no_commas`: no comma groups follow the first digits.
fn european_grouping(lx: &Lexed, m: &mut Mantissa, i: usize, no_commas: bool) -> bool {
    if lx.ndigits(i) > 3 || !no_commas {
        return false;
    }
    let mut groups = 0;
    let mut k = m.j;
    while glued_sep(lx, k, '.') && lx.ndigits(k + 1) == 3 {
        groups += 1;
        k += 2;
    }
    let dotted_more = glued_sep(lx, k, '.');
    let comma_decimals = glued_sep(lx, k, ',') && lx.ndigits(k + 1) <= 2;
    if dotted_more || !(groups >= 2 || (groups == 1 && comma_decimals)) {
        return false;
    }
    m.push_separated_groups(lx, groups);
    if comma_decimals {
        m.push_decimals(lx, m.j + 1);
        m.j += 2;
    }
    true
}

/// Comma groups "3,200,000" (western) and "12,34,567" (Indian), a decimal comma
/// "3,5", or space groups "1 234 567": read into `m`. `groups` and `k` are
/// [`comma_groups`]'s.
fn english_grouping(lx: &Lexed, m: &mut Mantissa, i: usize, groups: &[usize], k: usize) {
    let d0 = lx.ndigits(i);
    let western = !groups.is_empty() && d0 <= 3 && groups.iter().all(|&n| n == 3);
    let indian = groups.len() >= 2
        && d0 <= 2
        && groups[..groups.len() - 1].iter().all(|&n| n == 2)
        && groups[groups.len() - 1] == 3;
    let decimal_comma = groups.len() == 1
        && groups[0] <= 2
        && d0 <= 3
        && !(lx.is_sym(k, '.') && lx.glued(k) && lx.is_digits(k + 1));
    if western || indian {
        m.push_separated_groups(lx, groups.len());
    } else if decimal_comma {
        m.push_decimals(lx, m.j + 1);
        m.j += 2;
    } else if groups.is_empty() && d0 <= 3 {
        space_grouping(lx, m);
    }
}

/// Space grouping "1 234 567", "40 000", "40\u{202f}000".
fn space_grouping(lx: &Lexed, m: &mut Mantissa) {
    let mut k = m.j;
    let mut n = 0;
    let mut nbsp = false;
    let mut zeros = true;
    while let Some(c) = lx.single_space_before(k) {
        if !(lx.is_digits(k) && lx.ndigits(k) == 3)
            || (lx.kind(k + 1) == Kind::Word && lx.glued(k + 1))
        {
            break;
        }
        nbsp |= c != ' ';
        zeros &= lx.raw(k) == "000";
        n += 1;
        k += 1;
    }
    if n >= 2 || (n == 1 && (nbsp || zeros)) {
        for _ in 0..n {
            m.buf.push_str(lx.raw(m.j));
            m.j += 1;
        }
        m.plain = false;
    }
}

/// The decimal part "1.5", read into `m`; a second dot makes a chain
/// ("192.168.1.2", "1.2.3"), returned as token `i`'s integer alone.
fn decimal_part(lx: &Lexed, m: &mut Mantissa, i: usize) -> Option<Lit> {
    let j = m.j;
    if !(m.integer && glued_sep(lx, j, '.')) {
        return None;
    }
    if glued_sep(lx, j + 2, '.') {
        return Some(Lit::chain_member(i + 1, m.value()));
    }
    m.push_decimals(lx, j + 1);
    m.j += 2;
    None
}

/// An exponent: "1e10", "12.32e+14", "1.3x10^6".
fn exponent_suffix(lx: &Lexed, m: &Mantissa) -> Option<Lit> {
    let j = m.j;
    if lx.kind(j) != Kind::Word || !lx.glued(j) {
        return None;
    }
    let (e, t1) = match lx.lower(j) {
        "e" => {
            let mut k = j + 1;
            let neg = lx.is_sym(k, '-') && lx.glued(k);
            if (lx.is_sym(k, '+') || neg) && lx.glued(k) {
                k += 1;
            }
            if !(lx.is_digits(k) && lx.glued(k) && lx.ndigits(k) <= 3) {
                return None;
            }
            let e = lx.raw(k).parse::<i32>().unwrap_or(0);
            (if neg { -e } else { e }, k + 1)
        }
        "x" if lx.raw(j + 1) == "10"
            && lx.glued(j + 1)
            && lx.is_sym(j + 2, '^')
            && lx.glued(j + 2) =>
        {
            exponent(lx, j + 3)?
        }
        _ => return None,
    };
    Some(Lit::scientific(
        t1,
        m.value() * pow10(e),
        m.step() * pow10(e),
    ))
}

/// A power "1.1^23": its step is the place of its last significant digit.
fn power(lx: &Lexed, m: &Mantissa) -> Option<Lit> {
    if !(lx.is_sym(m.j, '^') && lx.glued(m.j)) {
        return None;
    }
    let (e, t1) = exponent(lx, m.j + 1)?;
    let v = m.value().powi(e);
    let sig = m.buf.bytes().filter(u8::is_ascii_digit).count().max(1) as i32;
    let step = if v == 0.0 || !v.is_finite() {
        1.0
    } else {
        let mag = v.abs().log10().floor() as i32;
        pow10(mag.saturating_sub(sig).saturating_add(1))
    };
    Some(Lit::scientific(t1, v, step))
}

/// Slashes: "3/4" a fraction; "24/7", "5/17/2018" chains.
fn slashed(lx: &Lexed, m: &Mantissa) -> Option<Lit> {
    let j = m.j;
    if !(m.integer && m.plain && glued_sep(lx, j, '/')) {
        return None;
    }
    let value = m.value();
    let chained = lx.is_sym(j + 2, '/') && lx.glued(j + 2);
    let den = parse_f64(lx.raw(j + 1));
    // "9/11", "5/17": month/day, not a fraction.
    let date_like = (1.0..=12.0).contains(&value) && (11.0..=31.0).contains(&den);
    if !chained && den > 0.0 && value < den && lx.ndigits(j + 1) <= 4 && !date_like {
        return Some(Lit {
            t1: j + 2,
            value: value / den,
            step: 1.0 / den,
            integer: false,
            plain: false,
            form: Form::Fraction,
            chain: false,
        });
    }
    Some(Lit::chain_member(j, value))
}

/// A mixed number: "2½", "2 ½", "2 1/4".
fn mixed_number(lx: &Lexed, m: &Mantissa) -> Option<Lit> {
    let j = m.j;
    if !(m.integer && m.plain) {
        return None;
    }
    let (t1, fraction, step) = if let Kind::Sym(c) = lx.kind(j)
        && (lx.glued(j) || lx.single_space_before(j).is_some())
        && let Some((v, st)) = vulgar(c)
    {
        (j + 1, v, st)
    } else if lx.is_digits(j)
        && !lx.glued(j)
        && glued_sep(lx, j + 1, '/')
        && !(lx.is_sym(j + 3, '/') && lx.glued(j + 3))
    {
        let num = parse_f64(lx.raw(j));
        let den = parse_f64(lx.raw(j + 2));
        if !(den > 0.0 && num < den && num > 0.0) {
            return None;
        }
        (j + 3, num / den, 1.0 / den)
    } else {
        return None;
    };
    Some(Lit {
        t1,
        value: m.value() + fraction,
        step,
        integer: false,
        plain: false,
        form: Form::Cardinal,
        chain: false,
    })
}

/// An exponent after "^": optional signs, then digits. Returns (exponent, next token).
fn exponent(lx: &Lexed, mut k: usize) -> Option<(i32, usize)> {
    let mut neg = false;
    while (lx.is_sym(k, '+') || lx.is_sym(k, '-')) && lx.glued(k) {
        neg ^= lx.is_sym(k, '-');
        k += 1;
    }
    if lx.is_digits(k) && lx.glued(k) && lx.ndigits(k) <= 3 {
        let e: i32 = lx.raw(k).parse().ok()?;
        Some((if neg { -e } else { e }, k + 1))
    } else {
        None
    }
}

/// A scale abbreviation written right after a number ("bn", "k", "M").
/// `money` allows the ones that are otherwise units ("m" metre, "t" tonne).
pub(super) fn scale_abbrev(raw: &str, money: bool) -> Option<f64> {
    let v = match raw {
        "k" | "K" => 1e3,
        "M" | "MM" | "mn" | "Mn" | "MN" | "mln" | "Mln" | "mil" | "mio" | "Mio" => 1e6,
        "m" | "mm" if money => 1e6,
        "b" | "B" | "bn" | "Bn" | "BN" | "bln" | "Bln" | "bil" => 1e9,
        "G" => 1e9,
        "tn" | "Tn" | "TN" | "tln" | "trn" | "Trn" | "tr" => 1e12,
        "t" | "T" if money => 1e12,
        "lkh" | "lkhs" => 1e5,
        "cr" | "Cr" => 1e7,
        _ => return None,
    };
    Some(v)
}

/// May a scale abbreviation written a space away from its number count ("2.33 k",
/// "$5 bn")? Multi-letter ones do; a single letter ("2014 B", "5 m") only with a
/// currency or at the end of a clause, and never after a year-like number.
fn spaced_abbrev_ok(lx: &Lexed, k: usize, l: &Lit, money: bool) -> bool {
    let raw = lx.raw(k);
    if raw.len() > 1 {
        return true;
    }
    let year_like = l.integer && l.plain && (1800.0..=2199.0).contains(&l.value);
    let clause_end = !matches!(lx.kind(k + 1), Kind::Word | Kind::Digits) && !lx.is_sym(k + 1, '.');
    raw != "b" && !year_like && (money || clause_end)
}

/// The machine that reads cardinal number words (and digit groups among them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    Article,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Hundred,
    Scale,
    Digits,
    Dozen,
}

#[derive(Debug, Clone, Copy)]
struct Card {
    total: f64,
    group: f64,
    and_base: f64,
    step: f64,
    last: Last,
    last_scale: f64,
    end: usize,
    atoms: usize,
    words: bool,
    digits: bool,
    /// The value of the last Tens word when it is the last atom, for "thirty fifths".
    tens: f64,
    after_and: bool,
    /// The group is a literal with decimals: only scale words may follow.
    decimal: bool,
    scaled: bool,
    colloquial: bool,
}

impl Card {
    fn new(start: usize) -> Card {
        Card {
            total: 0.0,
            group: 0.0,
            and_base: 0.0,
            step: 1.0,
            last: Last::None,
            last_scale: f64::INFINITY,
            end: start,
            atoms: 0,
            words: false,
            digits: false,
            tens: 0.0,
            after_and: false,
            decimal: false,
            scaled: false,
            colloquial: false,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.group
    }

    /// Applies a cardinal word; false if it cannot continue the number.
    fn word(&mut self, w: NumWord) -> bool {
        use Last as L;
        if self.decimal && !matches!(w, NumWord::Scale(_) | NumWord::Hundred) {
            return false;
        }
        match w {
            NumWord::Unit(u) => match self.last {
                L::None => {
                    self.group = f64::from(u);
                    self.last = L::Unit;
                }
                L::Tens if u > 0 => {
                    self.group += f64::from(u);
                    self.last = L::TensUnit;
                }
                L::Hundred | L::Scale if u > 0 => {
                    self.group += f64::from(u);
                    self.last = L::Unit;
                }
                _ => return false,
            },
            NumWord::Teen(t) => match self.last {
                L::None | L::Hundred | L::Scale => {
                    self.group += f64::from(t);
                    self.last = L::Teen;
                }
                _ => return false,
            },
            NumWord::Tens(t) => match self.last {
                L::None | L::Hundred | L::Scale => {
                    self.group += f64::from(t);
                    self.last = L::Tens;
                }
                // "nineteen ninety" (1990), "fifteen twenty" (1520).
                // Only after a teen: "one thirty" and "nine fifty" are clock times.
                L::Teen if self.atoms == 1 && self.words && self.group >= 11.0 => {
                    self.group = self.group * 100.0 + f64::from(t);
                    self.last = L::Tens;
                    self.colloquial = true;
                }
                _ => return false,
            },
            NumWord::Hundred => {
                let g = self.group;
                match self.last {
                    L::None => self.group = 100.0,
                    L::Article => self.group = 100.0,
                    L::Unit | L::Teen | L::Tens | L::TensUnit
                        if (1.0..100.0).contains(&g) && !self.colloquial =>
                    {
                        self.group = g * 100.0
                    }
                    L::Digits if (self.atoms == 1 || g < 100.0) && g >= 1.0 => {
                        self.group = g * 100.0
                    }
                    _ => return false,
                }
                self.step = if self.decimal {
                    self.step * 100.0
                } else {
                    100.0
                };
                self.decimal = false;
                self.last = L::Hundred;
                self.scaled = true;
            }
            NumWord::Scale(s) => {
                if self.last == L::Scale && s <= self.last_scale || self.last == L::Dozen {
                    return false;
                }
                if matches!(self.last, L::None | L::Article) {
                    self.group = 1.0;
                    self.step = 1.0;
                }
                if self.group == 0.0 && self.last != L::Scale {
                    return false;
                }
                if s > self.last_scale || self.last == L::Scale {
                    // "three thousand millions", "lakh crore"
                    self.total = (self.total + self.group) * s;
                } else {
                    self.total += self.group * s;
                }
                self.step *= s;
                self.group = 0.0;
                self.last_scale = if s > self.last_scale {
                    s
                } else {
                    s.min(self.last_scale)
                };
                self.last = L::Scale;
                self.scaled = true;
                self.decimal = false;
            }
            NumWord::Dozen => {
                if !matches!(
                    self.last,
                    L::Unit | L::Teen | L::Tens | L::TensUnit | L::Hundred | L::Digits | L::Article
                ) || self.group == 0.0
                {
                    return false;
                }
                self.group = self.and_base + (self.group - self.and_base) * 12.0;
                self.step *= 12.0;
                self.last = L::Dozen;
                self.scaled = true;
                self.decimal = false;
            }
        }
        if matches!(w, NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_)) {
            self.step = 1.0;
        }
        self.tens = if let NumWord::Tens(t) = w {
            f64::from(t)
        } else {
            0.0
        };
        self.atoms += 1;
        self.words = true;
        true
    }

    /// Applies an integer digit group ("4 thousand 3 hundred and 21").
    fn digits(&mut self, v: f64) -> bool {
        let ok = match self.last {
            Last::Scale => self.digits && v < 1000.0,
            Last::Hundred => self.after_and && v < 100.0,
            _ => false,
        };
        if !ok || v == 0.0 {
            return false;
        }
        self.group += v;
        self.step = 1.0;
        self.last = Last::Digits;
        self.atoms += 1;
        self.tens = 0.0;
        true
    }
}

/// Reads a cardinal from `start`, optionally seeded by a digit literal.
fn cardinal(lx: &Lexed, start: usize, seed: Option<&Lit>, money: bool) -> Card {
    let mut c = Card::new(start);
    let mut k = start;
    if let Some(l) = seed {
        k = c.seed(lx, l, money);
        if c.last == Last::Scale {
            // "1MM", "2 mil": nothing else may follow an abbreviation but a currency.
            return c;
        }
    } else if matches!(lx.lower(k), "a" | "an") {
        c.last = Last::Article;
        c.group = 1.0;
        k += 1;
    }
    while let Some(next) = cardinal_step(lx, k, &mut c) {
        k = next;
    }
    c
}

impl Card {
    /// Starts from a digit literal, with the scale abbreviation after it ("2.5bn",
    /// "10 k") if any. Returns the token after what was read.
    fn seed(&mut self, lx: &Lexed, l: &Lit, money: bool) -> usize {
        self.group = l.value;
        self.step = l.step;
        self.last = Last::Digits;
        self.atoms = 1;
        self.digits = true;
        self.decimal = !l.integer;
        let k = l.t1;
        self.end = k;
        let Some(s) = (lx.kind(k) == Kind::Word)
            .then(|| scale_abbrev(lx.raw(k), money))
            .flatten()
        else {
            return k;
        };
        if !(lx.glued(k) || spaced_abbrev_ok(lx, k, l, money))
            || (lx.raw(k) == "G" && l.integer && l.value < 10.0 && lx.glued(k))
        {
            return k;
        }
        self.total = self.group * s;
        self.group = 0.0;
        self.step *= s;
        self.last = Last::Scale;
        self.last_scale = s;
        self.scaled = true;
        self.decimal = false;
        self.end = k + 1;
        k + 1
    }
}

/// One step of reading a cardinal at token `k`: the token to go on from, or None
/// where the number ends.
fn cardinal_step(lx: &Lexed, k: usize, c: &mut Card) -> Option<usize> {
    match lx.kind(k) {
        Kind::Word => match lx.entry(k).num {
            Some(w) => number_word(lx, k, w, c),
            None => and_more(lx, k, c),
        },
        Kind::Digits => digits_after_scale(lx, k, c),
        // "twenty-one", "fifty - two"
        _ if lx.is_hyphen(k)
            && c.last == Last::Tens
            && matches!(lx.entry(k + 1).num, Some(NumWord::Unit(1..))) =>
        {
            Some(k + 1)
        }
        _ => None,
    }
}

/// The number word `w` at `k`, if it continues the number.
fn number_word(lx: &Lexed, k: usize, w: NumWord, c: &mut Card) -> Option<usize> {
    // Plural scales only after a number: "three billions", not "billions".
    if lx.entry(k).plural_scale && matches!(c.last, Last::None | Last::Article) {
        return None;
    }
    // "one twenty-fifth" is a fraction, not "one twenty".
    if matches!(w, NumWord::Tens(_))
        && matches!(c.last, Last::Unit | Last::Teen)
        && (lx.is_hyphen(k + 1) || lx.entry(k + 1).ord.is_some())
    {
        return None;
    }
    let mut next = *c;
    if !next.word(w) {
        return None;
    }
    next.after_and = false;
    next.end = k + 1;
    *c = next;
    Some(k + 1)
}

/// Digits between scales: "4 thousand 3 hundred".
fn digits_after_scale(lx: &Lexed, k: usize, c: &mut Card) -> Option<usize> {
    if !(c.last == Last::Scale && c.digits) {
        return None;
    }
    let l = literal(lx, k)?;
    let scale_next = lx
        .entry(k + 1)
        .num
        .is_some_and(|w| matches!(w, NumWord::Hundred | NumWord::Scale(_)));
    if !(l.integer && l.plain && !l.chain && l.t1 == k + 1 && scale_next) {
        return None;
    }
    let mut next = *c;
    if !next.digits(l.value) {
        return None;
    }
    next.end = k + 1;
    *c = next;
    Some(k + 1)
}

/// "and" at `k` going on with the number: "one hundred and five", "4 thousand 3
/// hundred and 21".
fn and_more(lx: &Lexed, k: usize, c: &mut Card) -> Option<usize> {
    if !(lx.is_word(k) && lx.lower(k) == "and" && matches!(c.last, Last::Hundred | Last::Scale)) {
        return None;
    }
    let mut next = *c;
    next.and_base = c.group;
    next.after_and = true;
    if !first_after_and(lx, k + 1, &mut next) {
        return None;
    }
    next.after_and = true;
    let end = and_tail(lx, k + 2, &mut next);
    if next.atoms == 0 || fraction_after_and(lx, end, c.last) {
        return None;
    }
    next.end = end;
    *c = next;
    Some(end)
}

/// The word or digits right after "and" (token `k`): a unit, teen or tens word, or
/// a plain integer.
fn first_after_and(lx: &Lexed, k: usize, next: &mut Card) -> bool {
    if let Some(w) = lx.entry(k).num {
        return matches!(w, NumWord::Unit(1..) | NumWord::Teen(_) | NumWord::Tens(_))
            && next.word(w);
    }
    if !lx.is_digits(k) {
        return false;
    }
    match literal(lx, k) {
        Some(l) if l.integer && l.plain && !l.chain && l.t1 == k + 1 => next.digits(l.value),
        _ => false,
    }
}

/// Lets the words after "and" finish ("and twenty-one") from token `k`, and refuses
/// "3 hundred and 2 hundred" (two numbers: `atoms` set to 0). Returns the end.
fn and_tail(lx: &Lexed, mut k: usize, next: &mut Card) -> usize {
    loop {
        if lx.is_hyphen(k)
            && matches!(lx.entry(k + 1).num, Some(NumWord::Unit(1..)))
            && next.last == Last::Tens
        {
            k += 1;
            continue;
        }
        match lx.entry(k).num {
            Some(w @ (NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_))) => {
                let mut n2 = *next;
                if n2.word(w) {
                    *next = n2;
                    k += 1;
                    continue;
                }
            }
            Some(w @ (NumWord::Hundred | NumWord::Scale(_))) => {
                let mut n2 = *next;
                if next.and_base > 0.0
                    && next.group - next.and_base < 100.0
                    && matches!(w, NumWord::Hundred)
                {
                    // "3 hundred and 2 hundred": stop before "and".
                    next.atoms = 0;
                } else if n2.word(w) {
                    *next = n2;
                    k += 1;
                    continue;
                } else {
                    next.atoms = 0;
                }
            }
            _ => {}
        }
        return k;
    }
}

/// "two million and one half", "one hundred and three quarters" read the fraction
/// after "and" as a whole (see `finish`), except a plural ordinal right after a
/// number ("and fifty-four hundredths"). `before_and` is the number's last part
/// before "and".
fn fraction_after_and(lx: &Lexed, k: usize, before_and: Last) -> bool {
    let o = if lx.is_hyphen(k) { k + 1 } else { k };
    lx.entry(o).ord.is_some_and(|o| {
        o.class == OrdClass::FractionOnly && !o.plural || o.plural && before_and == Last::Scale
    })
}

/// An ordinal phrase at `k`: "first", "twenty-first", "hundredth", "twenty first".
/// Returns (ordinal word info with the compound value, end).
fn ord_phrase(lx: &Lexed, k: usize) -> Option<(OrdWord, usize)> {
    if let Some(NumWord::Tens(t)) = lx.entry(k).num {
        let mut j = k + 1;
        if lx.is_hyphen(j) {
            j += 1;
        }
        if let Some(o) = lx.entry(j).ord
            && o.class == OrdClass::Unit
        {
            return Some((
                OrdWord {
                    value: f64::from(t) + o.value,
                    class: OrdClass::Unit,
                    plural: o.plural,
                },
                j + 1,
            ));
        }
        return None;
    }
    lx.entry(k).ord.map(|o| (o, k + 1))
}

impl Numeral {
    /// Multiplies a fraction ending at `end` by the scale after it ([`scale_after`]):
    /// "half a million" is a cardinal. Says whether a scale followed.
    fn scale_after_fraction(&mut self, lx: &Lexed, end: usize) -> bool {
        let Some((s, e2)) = scale_after(lx, end) else {
            return false;
        };
        self.value *= s;
        self.step *= s;
        self.t1 = e2;
        self.form = Form::Cardinal;
        self.scaled = true;
        self.scale = s;
        true
    }
}

/// The scale after a fraction: "half a million", "two thirds of a million", "quarter
/// million", "half a dozen". Returns (multiplier, end).
fn scale_after(lx: &Lexed, k: usize) -> Option<(f64, usize)> {
    let mut j = k;
    if lx.is(j, "of") && matches!(lx.lower(j + 1), "a" | "an") {
        j += 2;
    } else if matches!(lx.lower(j), "a" | "an") {
        j += 1;
    }
    match lx.entry(j).num {
        Some(NumWord::Scale(s)) if !lx.entry(j).plural_scale => Some((s, j + 1)),
        Some(NumWord::Hundred) => Some((100.0, j + 1)),
        Some(NumWord::Dozen) => Some((12.0, j + 1)),
        _ => None,
    }
}

/// A fraction phrase at `k`: "a half", "one third", "three quarters", "two-thirds",
/// "a twenty-first", bare "half". Returns (value, step, end).
fn fraction_phrase(lx: &Lexed, k: usize, allow_bare: bool) -> Option<(f64, f64, usize)> {
    let w = lx.lower(k);
    // "a fifth", "one third", "one-eighth"
    if matches!(w, "a" | "an" | "one") {
        let mut j = k + 1;
        if w == "one" && lx.is_hyphen(j) {
            j += 1;
        }
        if let Some((o, end)) = ord_phrase(lx, j)
            && !o.plural
            && (o.value >= 3.0 || o.class == OrdClass::FractionOnly)
        {
            // "a fifth term", "a third straight month": a position, not a share.
            if o.class != OrdClass::FractionOnly && w != "one" && ordinal_context(lx, end) {
                return None;
            }
            return Some((1.0 / o.value, 1.0 / o.value, end));
        }
        if w != "one" {
            return None;
        }
        // "one one-hundred-fifth", "one one thousandth": one over a compound
        // ordinal that cannot continue the "one" ("one hundred fifth" is 105th).
        if matches!(
            lx.entry(j).num,
            Some(NumWord::Unit(1..) | NumWord::Teen(_) | NumWord::Tens(_))
        ) && let Some((v, end)) = compound_ordinal_at(lx, j)
            && v >= 3.0
        {
            return Some((1.0 / v, 1.0 / v, end));
        }
    }
    if allow_bare
        && let Some(o) = lx.entry(k).ord
        && o.class == OrdClass::FractionOnly
        && !o.plural
    {
        return Some((1.0 / o.value, 1.0 / o.value, k + 1));
    }
    // "three quarters", "two-thirds", "five eighths"
    let c = cardinal(lx, k, None, false);
    if c.atoms == 0 || c.last == Last::Article || c.scaled {
        return None;
    }
    let mut j = c.end;
    if lx.is_hyphen(j) {
        j += 1;
    }
    let (o, end) = ord_phrase(lx, j)?;
    if !o.plural || !(o.value >= 3.0 || o.class == OrdClass::FractionOnly) {
        return None;
    }
    Some((c.value() / o.value, 1.0 / o.value, end))
}

/// Words after "a third", "a fifth" that make it a position rather than a share:
/// "a fifth term", "a third straight month", "a fourth title". Other words leave
/// the fraction ("a third of", "by a third", "a third say").
fn ordinal_context(lx: &Lexed, k: usize) -> bool {
    matches!(
        lx.lower(k),
        "straight"
            | "consecutive"
            | "successive"
            | "time"
            | "term"
            | "round"
            | "place"
            | "attempt"
            | "bid"
            | "try"
            | "year"
            | "day"
            | "week"
            | "month"
            | "season"
            | "game"
            | "match"
            | "race"
            | "title"
            | "win"
            | "victory"
            | "defeat"
            | "loss"
            | "stage"
            | "phase"
            | "wave"
            | "leg"
            | "edition"
            | "generation"
            | "child"
            | "son"
            | "daughter"
            | "world"
            | "party"
            | "candidate"
            | "option"
            | "runway"
            | "reactor"
            | "victim"
            | "suspect"
            | "case"
    )
}

/// Is the word at `k` a plural noun ("votes", "people")? A cheap test used to read
/// "2.1m votes" as millions.
fn plural_noun_at(lx: &Lexed, k: usize) -> bool {
    if !lx.is_word(k) || lx.entry(k).has(lexicon::STOP) {
        return false;
    }
    let w = lx.lower(k);
    (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
        || matches!(w, "people" | "children" | "men" | "women")
}

/// Reads the numeral starting at token `i`, if one starts there.
/// `money` tells that a currency sign stands before it (so "m" means million).
pub(super) fn numeral(lx: &Lexed, i: usize, money: bool) -> Option<Numeral> {
    let mut n = numeral_core(lx, i, money)?;
    // "forty-five (45)", "5 (five)": a restatement in brackets.
    if lx.is_sym(n.t1, '(')
        && n.form == Form::Cardinal
        && let Some(m) = numeral_core(lx, n.t1 + 1, money)
        && m.form == Form::Cardinal
        && lx.is_sym(m.t1, ')')
        && (m.value - n.value).abs() < 1e-9
        && m.words != n.words
    {
        n.t1 = m.t1 + 1;
        n.step = n.step.min(m.step);
        n.lone_one = false;
        n.words = true;
    }
    Some(n)
}

fn numeral_core(lx: &Lexed, i: usize, money: bool) -> Option<Numeral> {
    match lx.kind(i) {
        Kind::Digits | Kind::Sym('.') => digits_numeral(lx, i, money),
        Kind::Sym(c) => vulgar(c).map(|v| Numeral::simple(i, i + 1, v.0, v.1, Form::Fraction)),
        Kind::Word => words_numeral(lx, i),
        Kind::Break => None,
    }
}

/// Unicode vulgar fractions: (value, step).
fn vulgar(c: char) -> Option<(f64, f64)> {
    let (n, d) = match c {
        '½' => (1.0, 2.0),
        '⅓' => (1.0, 3.0),
        '⅔' => (2.0, 3.0),
        '¼' => (1.0, 4.0),
        '¾' => (3.0, 4.0),
        '⅕' => (1.0, 5.0),
        '⅖' => (2.0, 5.0),
        '⅗' => (3.0, 5.0),
        '⅘' => (4.0, 5.0),
        '⅙' => (1.0, 6.0),
        '⅚' => (5.0, 6.0),
        '⅐' => (1.0, 7.0),
        '⅛' => (1.0, 8.0),
        '⅜' => (3.0, 8.0),
        '⅝' => (5.0, 8.0),
        '⅞' => (7.0, 8.0),
        '⅑' => (1.0, 9.0),
        '⅒' => (1.0, 10.0),
        _ => return None,
    };
    Some((n / d, 1.0 / d))
}

fn digits_numeral(lx: &Lexed, i: usize, money: bool) -> Option<Numeral> {
    let lit = literal(lx, i)?;
    if !lit.value.is_finite() {
        return None;
    }
    let mut n = Numeral::simple(i, lit.t1, lit.value, lit.step, lit.form);
    n.chain = lit.chain;
    if lit.chain || lit.form == Form::Fraction {
        return Some(n);
    }
    let single = lit.t1 == i + 1 && lit.plain;
    n.int_literal = single && lit.integer;
    n.ndigits = if n.int_literal { lx.ndigits(i) } else { 0 };
    let k = lit.t1;
    // Letters glued after the digits.
    if lx.kind(k) == Kind::Word && lx.glued(k) {
        let raw = lx.raw(k);
        let low = lx.lower(k);
        if lit.integer && matches!(low, "st" | "nd" | "rd" | "th") {
            n.t1 = k + 1;
            n.form = Form::Ordinal;
            n.int_literal = false;
            return Some(n);
        }
        // Decades ("1990s") and clock times ("5pm") are not figures.
        if (low == "s" && lit.integer) || matches!(low, "am" | "pm") {
            return None;
        }
        // "2.1m votes": a lowercase "m" before a plural noun is millions, not metres.
        let millions = raw == "m" && plural_noun_at(lx, k + 1);
        // A scale word glued to its digits ("$33million", "2.5billion") is read as
        // if spaced.
        let scale_word =
            matches!(lx.entry(k).num, Some(NumWord::Scale(_))) && !lx.entry(k).plural_scale;
        if scale_abbrev(raw, money || millions).is_none() && !scale_word {
            n.glued = Some(k);
            // Trailing "x" with "10^": handled by the literal; anything else is
            // the caller's (currency code, unit symbol, identifier).
            return Some(n);
        }
    }
    let c = cardinal(lx, i, Some(&lit), money || plural_noun_at(lx, k + 1));
    n.t1 = c.end.max(lit.t1);
    n.value = c.value();
    n.step = c.step;
    n.scaled = c.scaled;
    n.scale = if c.last == Last::Scale {
        c.last_scale
    } else {
        1.0
    };
    n.words = c.words;
    if c.atoms > 1 || c.scaled {
        n.int_literal = false;
    }
    if lx.kind(n.t1) == Kind::Word && lx.glued(n.t1) {
        n.glued = Some(n.t1);
        return Some(n);
    }
    if !lit.integer || !single && !c.scaled {
        return Some(n);
    }
    let before = n.t1;
    let n = finish(lx, &c, n);
    Some(if n.t1 != before {
        Numeral {
            int_literal: false,
            ..n
        }
    } else {
        n
    })
}

fn words_numeral(lx: &Lexed, i: usize) -> Option<Numeral> {
    let w = lx.lower(i);
    let e = lx.entry(i);
    let starts = e.num.is_some() || e.ord.is_some() || matches!(w, "a" | "an");
    if !starts {
        return None;
    }
    // "a pair": exactly two ("a pair of goals"); "pairs" and "the pair" are not.
    if matches!(w, "a" | "an") && lx.is(i + 1, "pair") && !lx.is_hyphen(i + 2) {
        let mut n = Numeral::simple(i, i + 2, 2.0, 1.0, Form::Cardinal);
        n.words = true;
        return Some(n);
    }
    // "a fifth", "one third", "a half", "half" (bare, guarded), then "of a million".
    let prev_det = i > 0 && lx.entry(i - 1).has(lexicon::DET);
    let bare_ok = !prev_det && !lx.is_hyphen(i + 1);
    if let Some((v, st, end)) = fraction_phrase(lx, i, bare_ok) {
        let bare_quarter = w == "quarter";
        let mut n = Numeral::simple(i, end, v, st, Form::Fraction);
        n.words = true;
        // A bare "quarter" is a fraction only with a scale or "of" after it.
        if !n.scale_after_fraction(lx, end) && bare_quarter && !lx.is(end, "of") {
            return None;
        }
        return Some(n);
    }
    let c = cardinal(lx, i, None, false);
    if c.atoms == 0 || c.last == Last::Article {
        // An ordinal alone: "first", "twenty-first", "eleventh".
        if let Some((o, end)) = ord_phrase(lx, i)
            && !o.plural
            && o.class != OrdClass::FractionOnly
            && !matches!(w, "a" | "an")
        {
            let mut n = Numeral::simple(i, end, o.value, 1.0, Form::Ordinal);
            n.words = true;
            return Some(n);
        }
        return None;
    }
    let mut n = Numeral::simple(i, c.end, c.value(), c.step, Form::Cardinal);
    n.words = true;
    n.scaled = c.scaled;
    n.scale = if c.last == Last::Scale {
        c.last_scale
    } else {
        1.0
    };
    n.lone_one = c.atoms == 1 && w == "one";
    Some(finish(lx, &c, n))
}

/// What may follow a cardinal: an ordinal word making a compound ordinal ("one
/// hundred twenty fifth", "two hundredth") or a fraction ("three quarters", "one
/// hundred thirty fifths"), a decimal part ("two point two", "1 point 1"), or a
/// fraction after "and" ("one and a half", "3 million and a half").
fn finish(lx: &Lexed, c: &Card, n: Numeral) -> Numeral {
    let integer = c.value().fract() == 0.0 && !c.decimal;
    ordinal_after(lx, c, n)
        // "one hundred and fifth", "two thousand and twenty-first"
        .or_else(|| and_ordinal(lx, c).map(|(v, end)| n.ordinal(v, end)))
        .or_else(|| integer.then(|| point_decimals(lx, c, n)).flatten())
        // "four-and-a-half" (-acre): the hyphenated mixed number.
        .or_else(|| {
            if !integer {
                return None;
            }
            let (part, end) = hyphenated_half(lx, c.end)?;
            let mut n = n.ended(end);
            n.value = c.value() + part;
            n.step = part;
            Some(n)
        })
        .or_else(|| integer.then(|| and_fraction(lx, c, n)).flatten())
        .unwrap_or(n)
}

impl Numeral {
    /// The numeral read on to token `t1`: more than the single word "one".
    fn ended(mut self, t1: usize) -> Numeral {
        self.t1 = t1;
        self.lone_one = false;
        self
    }

    /// The numeral as the ordinal `value` ending at `t1`.
    fn ordinal(self, value: f64, t1: usize) -> Numeral {
        let mut n = self.ended(t1);
        n.value = value;
        n.step = 1.0;
        n.form = Form::Ordinal;
        n
    }
}

/// An ordinal word after the cardinal (maybe after a hyphen): a fraction ("three
/// fifths", "two-thirds") or a compound ordinal ("twenty-first").
fn ordinal_after(lx: &Lexed, c: &Card, n: Numeral) -> Option<Numeral> {
    let j = c.end;
    let hy = lx.is_hyphen(j)
        && matches!(
            c.last,
            Last::Tens | Last::Unit | Last::Teen | Last::TensUnit | Last::Hundred
        );
    let jo = if hy { j + 1 } else { j };
    let o = lx.entry(jo).ord?;
    if o.plural {
        plural_fraction(lx, c, o, jo + 1, n)
    } else {
        compound_ordinal(c, o).map(|v| n.ordinal(v, jo + 1))
    }
}

/// The cardinal as the numerator of a plural ordinal `o` ending at `end`: "three
/// fifths", "one hundred thirty fifths", "one hundred and three fifths", with a
/// scale after ("two thirds million").
fn plural_fraction(lx: &Lexed, c: &Card, o: OrdWord, end: usize, n: Numeral) -> Option<Numeral> {
    if !(o.value >= 3.0
        || o.class == OrdClass::FractionOnly
        || c.tens > 0.0 && o.class == OrdClass::Unit)
    {
        return None;
    }
    let (mut num, mut den) = (c.value(), o.value);
    let mut base = 0.0;
    if c.tens > 0.0 && o.class == OrdClass::Unit && c.value() > c.tens && !c.after_and {
        // "one hundred thirty fifths" = 100/35
        num = c.value() - c.tens;
        den = c.tens + o.value;
    } else if c.and_base > 0.0 && c.after_and && c.value() - c.total - c.and_base < den {
        // "one hundred and three fifths" = 100 3/5: the part after "and" is a proper
        // fraction. An improper one ("one hundred and thirty fifths") cannot be the
        // fraction of a mixed number, so the whole cardinal counts fifths (130/5).
        base = c.total + c.and_base;
        num = c.value() - base;
    }
    // "three quarters" but not "two quarters" (periods) or "two halves".
    let fraction_only_ok = match (o.class, o.value as u8) {
        (OrdClass::FractionOnly, 4) => num == 1.0 || num == 3.0,
        (OrdClass::FractionOnly, _) => false,
        _ => true,
    };
    if !((den >= 3.0 || o.class == OrdClass::FractionOnly) && fraction_only_ok) {
        return None;
    }
    let mut n = n.ended(end);
    n.value = base + num / den;
    n.step = 1.0 / den;
    n.form = if base > 0.0 {
        Form::Cardinal
    } else {
        Form::Fraction
    };
    n.scale_after_fraction(lx, end);
    Some(n)
}

/// "two point two million", "nine point nought four", "1 point 1".
fn point_decimals(lx: &Lexed, c: &Card, n: Numeral) -> Option<Numeral> {
    let j = c.end;
    if !lx.is(j, "point") || matches!(c.last, Last::Scale | Last::Dozen) {
        return None;
    }
    let (frac, places, end) = if c.words {
        decimal_words(lx, j + 1)?
    } else if lx.is_digits(j + 1) && !lx.glued(j + 2) {
        let d = lx.raw(j + 1);
        (parse_f64(&format!("0.{d}")), d.len() as i32, j + 2)
    } else {
        return None;
    };
    if !frac.is_finite() {
        return None;
    }
    let mut n = n.ended(end);
    n.value = c.value() + frac;
    n.step = pow10(-places);
    if let Some(NumWord::Scale(s)) = lx.entry(end).num {
        n.value *= s;
        n.step *= s;
        n.t1 = end + 1;
        n.scaled = true;
        n.scale = s;
    }
    Some(n)
}

/// "one and a half", "3 million and a half", "one billion and a half million",
/// "five and a half million".
fn and_fraction(lx: &Lexed, c: &Card, n: Numeral) -> Option<Numeral> {
    let j = c.end;
    if !lx.is(j, "and") {
        return None;
    }
    let (fv, fst, fend) = fraction_phrase(lx, j + 1, true)?;
    let scaled_c = c.last_scale.is_finite();
    let (value, step, end, scale) = match lx.entry(fend).num {
        Some(NumWord::Scale(s)) if !lx.entry(fend).plural_scale && !scaled_c => {
            ((c.value() + fv) * s, fst * s, fend + 1, s)
        }
        Some(NumWord::Scale(s)) if !lx.entry(fend).plural_scale && s < c.last_scale => {
            (c.value() + fv * s, fst * s, fend + 1, s)
        }
        _ if c.last == Last::Scale && c.last_scale >= 1e3 => (
            c.value() + fv * c.last_scale,
            fst * c.last_scale,
            fend,
            c.last_scale,
        ),
        _ => (c.value() + fv, fst, fend, 1.0),
    };
    let mut n = n.ended(end);
    n.value = value;
    n.step = step;
    n.scaled |= scale > 1.0;
    n.scale = scale;
    Some(n)
}

/// "-and-a-half", "-and-a-quarter", "-and-a-third" glued by hyphens after a
/// cardinal at `j`: the part it adds and the token after it.
fn hyphenated_half(lx: &Lexed, j: usize) -> Option<(f64, usize)> {
    let joined = |k: usize| lx.is_hyphen(k) && lx.glued(k) && lx.glued(k + 1);
    if !(joined(j) && lx.is(j + 1, "and") && joined(j + 2) && lx.is(j + 3, "a") && joined(j + 4)) {
        return None;
    }
    let part = match lx.lower(j + 5) {
        "half" => 0.5,
        "quarter" => 0.25,
        "third" => 1.0 / 3.0,
        _ => return None,
    };
    Some((part, j + 6))
}

/// An ordinal after "and" that ends a cardinal in hundreds or a scale: "one hundred
/// and fifth" (105), "a thousand and twenty-first" (1021). Returns (value, end).
fn and_ordinal(lx: &Lexed, c: &Card) -> Option<(f64, usize)> {
    if c.digits || !matches!(c.last, Last::Hundred | Last::Scale) || !lx.is(c.end, "and") {
        return None;
    }
    let (o, end) = ord_phrase(lx, c.end + 1)?;
    if o.plural || !matches!(o.class, OrdClass::Unit | OrdClass::Teen | OrdClass::Tens) {
        return None;
    }
    Some((c.value() + o.value, end))
}

/// A compound ordinal written as cardinal words then an ordinal word, starting at
/// `k`: "one hundred fifth", "one hundred and fifth", "one hundredth", "two
/// thousandth". Only singular. Returns (value, end).
fn compound_ordinal_at(lx: &Lexed, k: usize) -> Option<(f64, usize)> {
    let c = cardinal(lx, k, None, false);
    if c.atoms == 0 || c.last == Last::Article {
        return None;
    }
    if let Some(r) = and_ordinal(lx, &c) {
        return Some(r);
    }
    let hy = lx.is_hyphen(c.end)
        && matches!(
            c.last,
            Last::Tens | Last::Unit | Last::Teen | Last::TensUnit | Last::Hundred
        );
    let jo = if hy { c.end + 1 } else { c.end };
    let o = lx.entry(jo).ord?;
    if o.plural {
        return None;
    }
    compound_ordinal(&c, o).map(|v| (v, jo + 1))
}

/// A compound ordinal's value ("one hundred twenty" + "fifth" = 125), if the
/// ordinal word can continue the cardinal.
fn compound_ordinal(c: &Card, o: OrdWord) -> Option<f64> {
    if c.digits {
        return None;
    }
    let v = c.value();
    match o.class {
        OrdClass::Unit if matches!(c.last, Last::Tens | Last::Hundred | Last::Scale) => {
            Some(v + o.value)
        }
        OrdClass::Teen | OrdClass::Tens if matches!(c.last, Last::Hundred | Last::Scale) => {
            Some(v + o.value)
        }
        OrdClass::Hundred
            if matches!(
                c.last,
                Last::Unit | Last::Teen | Last::Tens | Last::TensUnit | Last::Article
            ) =>
        {
            Some(c.total + c.group * 100.0)
        }
        OrdClass::Scale if c.group > 0.0 || c.total > 0.0 => {
            if o.value > c.last_scale || c.last != Last::Scale {
                Some(if o.value > c.last_scale {
                    (c.total + c.group) * o.value
                } else {
                    c.total + c.group * o.value
                })
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Decimal digits written as words after "point": "zero three", "seventy-one".
/// Returns (fraction, number of places, end).
fn decimal_words(lx: &Lexed, k: usize) -> Option<(f64, i32, usize)> {
    let mut digits = String::new();
    let mut j = k;
    while let Some(d) = lexicon::decimal_digit(lx.lower(j)) {
        digits.push(char::from(b'0' + d));
        j += 1;
    }
    if digits.is_empty() {
        // "point seventy-one", "point eleven"
        match lx.entry(k).num {
            Some(NumWord::Teen(t)) => {
                digits = t.to_string();
                j = k + 1;
            }
            Some(NumWord::Tens(t)) => {
                let mut v = t;
                j = k + 1;
                let h = if lx.is_hyphen(j) { j + 1 } else { j };
                if let Some(NumWord::Unit(u @ 1..)) = lx.entry(h).num {
                    v += u;
                    j = h + 1;
                }
                digits = v.to_string();
            }
            _ => return None,
        }
    }
    let v = parse_f64(&format!("0.{digits}"));
    v.is_finite().then_some((v, digits.len() as i32, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> (f64, f64, Form, String) {
        let lx = Lexed::new(s);
        let n = numeral(&lx, 0, false).unwrap_or_else(|| panic!("no numeral in {s:?}"));
        (
            n.value,
            n.step,
            n.form,
            s[lx.start(n.t0)..lx.end(n.t1 - 1)].to_string(),
        )
    }

    #[test]
    fn words() {
        let cases: &[(&str, f64, f64, &str)] = &[
            ("twenty-one", 21.0, 1.0, "twenty-one"),
            ("one hundred and five", 105.0, 1.0, "one hundred and five"),
            ("four million", 4e6, 1e6, "four million"),
            (
                "two hundred and two thousand",
                202000.0,
                1000.0,
                "two hundred and two thousand",
            ),
            ("a dozen eggs", 12.0, 12.0, "a dozen"),
            (
                "three thousand millions",
                3e9,
                1e9,
                "three thousand millions",
            ),
            (
                "twenty-one trillion and three hundred",
                21e12 + 300.0,
                100.0,
                "twenty-one trillion and three hundred",
            ),
            ("two point two million", 2.2e6, 1e5, "two point two million"),
        ];
        for &(s, v, st, span) in cases {
            let (gv, gs, _, gspan) = num(s);
            assert!((gv - v).abs() < 1e-6 * v.abs().max(1.0), "{s}: {gv}");
            assert!((gs - st).abs() < 1e-9 * st, "{s}: step {gs}");
            assert_eq!(gspan, span);
        }
    }

    #[test]
    fn digits_and_fractions() {
        assert_eq!(num("1,300 million").0, 1.3e9);
        assert_eq!(num("1,300 million").1, 1e6);
        assert_eq!(num("3/4").2, Form::Fraction);
        assert_eq!(num("two-thirds").2, Form::Fraction);
        assert_eq!(num("twenty-first").2, Form::Ordinal);
        assert_eq!(num("one and a half").0, 1.5);
        assert_eq!(num("3 hundred and 21").0, 321.0);
    }
}
