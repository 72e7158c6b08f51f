//! Tokens and word tables for the date grammar.
//!
//! The tokenizer splits text into runs of ASCII digits, runs of letters, and single
//! punctuation characters, remembering whether whitespace came before each token.
//! "4th" is therefore `4` + `th` (attached), "Q3" is `q` + `3`, "Dec." is `dec` + `.`.
//! It never allocates per token beyond the token vector and never slices inside a
//! UTF-8 character.

use jiff::civil::Weekday;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters (ASCII or other alphabetic characters).
    Word,
    /// A run of ASCII digits.
    Num,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

/// One token with its byte span.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    /// Byte offset of the first byte.
    pub s: usize,
    /// Byte offset one past the last byte.
    pub e: usize,
    /// The token's kind.
    pub kind: Kind,
    /// For `Num`: the value (saturating). For `Punct`: the character as `u32`.
    pub val: u32,
    /// For `Num`: the number of digits (saturating at 255).
    pub digits: u8,
    /// Whitespace came before this token.
    pub sp: bool,
    /// Newlines in the whitespace before this token (saturating).
    pub nl: u8,
    /// For `Word`: starts with an ASCII uppercase letter.
    pub cap: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// Splits `text` into tokens.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(b.len() / 4 + 4);
    let mut i = 0;
    let mut sp = false;
    let mut nl: u8 = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let (kind, val, digits, cap);
        if c.is_ascii_whitespace() {
            sp = true;
            if c == b'\n' {
                nl = nl.saturating_add(1);
            }
            i += 1;
            continue;
        } else if c.is_ascii_digit() {
            let mut v: u64 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                v = (v * 10 + u64::from(b[i] - b'0')).min(u64::from(u32::MAX));
                i += 1;
            }
            kind = Kind::Num;
            val = v as u32;
            digits = (i - start).min(255) as u8;
            cap = false;
        } else if c.is_ascii_alphabetic() || c >= 0x80 {
            // Non-ASCII: decode one char; `i` is always on a char boundary.
            let ch = text[i..].chars().next().unwrap_or(' ');
            if c >= 0x80 && !is_word_char(ch) {
                i += ch.len_utf8();
                if ch.is_whitespace() {
                    sp = true;
                    continue;
                }
                toks.push(Tok {
                    s: start,
                    e: i,
                    kind: Kind::Punct,
                    val: ch as u32,
                    digits: 0,
                    sp,
                    nl,
                    cap: false,
                });
                sp = false;
                nl = 0;
                continue;
            }
            while i < b.len() {
                if b[i].is_ascii_alphabetic() {
                    i += 1;
                } else if b[i] >= 0x80 {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if is_word_char(ch) {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            kind = Kind::Word;
            val = 0;
            digits = 0;
            cap = c.is_ascii_uppercase();
        } else {
            i += 1;
            kind = Kind::Punct;
            val = u32::from(c);
            digits = 0;
            cap = false;
        }
        toks.push(Tok {
            s: start,
            e: i,
            kind,
            val,
            digits,
            sp,
            nl,
            cap,
        });
        sp = false;
        nl = 0;
    }
    toks
}

/// A month name or abbreviation: (month 1..=12, is an abbreviation).
pub(super) fn month_word(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "january" => (1, false),
        "jan" => (1, true),
        "february" => (2, false),
        "feb" | "febr" => (2, true),
        "march" => (3, false),
        "mar" => (3, true),
        "april" => (4, false),
        "apr" => (4, true),
        "may" => (5, false),
        "june" => (6, false),
        "jun" => (6, true),
        "july" => (7, false),
        "jul" => (7, true),
        "august" => (8, false),
        "aug" => (8, true),
        "september" => (9, false),
        "sep" | "sept" => (9, true),
        "october" => (10, false),
        "oct" => (10, true),
        "november" => (11, false),
        "nov" => (11, true),
        "december" => (12, false),
        "dec" => (12, true),
        _ => return None,
    })
}

/// How a weekday is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WdForm {
    /// "Wednesday".
    Full,
    /// An abbreviation that is no English word: "Mon", "Tue", "Thu", "Fri".
    Abbr,
    /// An abbreviation that is also a word: "Wed", "Sat", "Sun".
    Ambiguous,
}

/// A weekday name or abbreviation.
pub(super) fn weekday_word(w: &str) -> Option<(Weekday, WdForm)> {
    use WdForm::*;
    Some(match w {
        "monday" => (Weekday::Monday, Full),
        "mon" => (Weekday::Monday, Abbr),
        "tuesday" => (Weekday::Tuesday, Full),
        "tue" | "tues" => (Weekday::Tuesday, Abbr),
        "wednesday" => (Weekday::Wednesday, Full),
        "wed" => (Weekday::Wednesday, Ambiguous),
        "thursday" => (Weekday::Thursday, Full),
        "thu" | "thur" | "thurs" => (Weekday::Thursday, Abbr),
        "friday" => (Weekday::Friday, Full),
        "fri" => (Weekday::Friday, Abbr),
        "saturday" => (Weekday::Saturday, Full),
        "sat" => (Weekday::Saturday, Ambiguous),
        "sunday" => (Weekday::Sunday, Full),
        "sun" => (Weekday::Sunday, Ambiguous),
        _ => return None,
    })
}

/// A plural weekday ("fridays") as used in "3 fridays from now".
pub(super) fn weekday_plural(w: &str) -> Option<Weekday> {
    let stem = w.strip_suffix('s')?;
    match weekday_word(stem) {
        Some((wd, WdForm::Full)) => Some(wd),
        _ => None,
    }
}

/// An ordinal written as one word: "first" .. "twentieth", "thirtieth".
pub(super) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// A cardinal 0..=19 written as one word.
pub(super) fn unit_number_word(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// A multiple of ten written as one word: "twenty" .. "ninety".
pub(super) fn tens_word(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A decade written as a word: "the nineties" (the 1990s).
pub(super) fn decade_word(w: &str) -> Option<i32> {
    Some(match w {
        "twenties" => 1920,
        "thirties" => 1930,
        "forties" => 1940,
        "fifties" => 1950,
        "sixties" => 1960,
        "seventies" => 1970,
        "eighties" => 1980,
        "nineties" => 1990,
        _ => return None,
    })
}
