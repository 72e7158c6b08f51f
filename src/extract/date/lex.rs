//! Tokens and word tables for the date grammar.
//!
//! The tokenizer splits text into runs of ASCII digits, runs of letters, and single
//! punctuation characters, remembering whether whitespace came before each token.
//! "4th" is therefore `4` + `th` (attached), "Q3" is `q` + `3`, "Dec." is `dec` + `.`.
//! It never allocates per token beyond the token vector and never slices inside a
//! UTF-8 character.

use std::sync::LazyLock;

use jiff::civil::Weekday;

use crate::extract::number_words::{ORD_TEENS, ORD_TENS, ORD_UNITS, TEENS, TENS, UNITS};

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

/// Month names and abbreviations: (word, month 1..=12, is an abbreviation).
const MONTHS: &[(&str, u8, bool)] = &[
    ("january", 1, false),
    ("jan", 1, true),
    ("february", 2, false),
    ("feb", 2, true),
    ("febr", 2, true),
    ("march", 3, false),
    ("mar", 3, true),
    ("april", 4, false),
    ("apr", 4, true),
    ("may", 5, false),
    ("june", 6, false),
    ("jun", 6, true),
    ("july", 7, false),
    ("jul", 7, true),
    ("august", 8, false),
    ("aug", 8, true),
    ("september", 9, false),
    ("sep", 9, true),
    ("sept", 9, true),
    ("october", 10, false),
    ("oct", 10, true),
    ("november", 11, false),
    ("nov", 11, true),
    ("december", 12, false),
    ("dec", 12, true),
];

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

/// Weekday names and abbreviations.
const WEEKDAYS: &[(&str, Weekday, WdForm)] = {
    use WdForm::*;
    use Weekday::*;
    &[
        ("monday", Monday, Full),
        ("mon", Monday, Abbr),
        ("tuesday", Tuesday, Full),
        ("tue", Tuesday, Abbr),
        ("tues", Tuesday, Abbr),
        ("wednesday", Wednesday, Full),
        ("wed", Wednesday, Ambiguous),
        ("thursday", Thursday, Full),
        ("thu", Thursday, Abbr),
        ("thur", Thursday, Abbr),
        ("thurs", Thursday, Abbr),
        ("friday", Friday, Full),
        ("fri", Friday, Abbr),
        ("saturday", Saturday, Full),
        ("sat", Saturday, Ambiguous),
        ("sunday", Sunday, Full),
        ("sun", Sunday, Ambiguous),
    ]
};

/// Decades written as words, in order from the twenties (the 1920s).
const DECADES: &[&str] = &[
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// Everything the word tables above say about one word, found with one lookup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Lexeme {
    /// A month: (1..=12, is an abbreviation).
    pub month: Option<(u8, bool)>,
    /// A weekday and how it is written.
    pub weekday: Option<(Weekday, WdForm)>,
    /// A plural weekday written in full ("fridays").
    pub weekday_plural: Option<Weekday>,
    /// An ordinal word's value.
    pub ordinal: Option<u32>,
    /// A cardinal 0..=19.
    pub unit_number: Option<u32>,
    /// A multiple of ten, 20..=90.
    pub tens: Option<u32>,
    /// The first year of a decade written as a word.
    pub decade: Option<i32>,
}

pub(super) use crate::words::FnvMap;

/// The word tables as one map.
static LEXICON: LazyLock<FnvMap<&'static str, Lexeme>> = LazyLock::new(|| {
    let mut m: FnvMap<&'static str, Lexeme> = FnvMap::default();
    for &(w, n, abbr) in MONTHS {
        m.entry(w).or_default().month = Some((n, abbr));
    }
    for &(w, wd, form) in WEEKDAYS {
        m.entry(w).or_default().weekday = Some((wd, form));
    }
    for (w, wd) in weekday_plurals() {
        m.entry(w).or_default().weekday_plural = Some(wd);
    }
    let numbered = |m: &mut FnvMap<&'static str, Lexeme>,
                    words: &mut dyn Iterator<Item = &&'static str>,
                    set: fn(&mut Lexeme, usize)| {
        for (k, &w) in words.enumerate() {
            set(m.entry(w).or_default(), k);
        }
    };
    // Ordinals of a day of the month: "first" .. "twentieth", and "thirtieth".
    let mut ordinals = ORD_UNITS.iter().chain(&ORD_TEENS).chain(&ORD_TENS[..1]);
    numbered(&mut m, &mut ordinals, |l, k| l.ordinal = Some(k as u32 + 1));
    numbered(&mut m, &mut ORD_TENS[1..2].iter(), |l, _| {
        l.ordinal = Some(30)
    });
    numbered(&mut m, &mut UNITS.iter().chain(&TEENS), |l, k| {
        l.unit_number = Some(k as u32)
    });
    numbered(&mut m, &mut TENS.iter(), |l, k| {
        l.tens = Some(20 + 10 * k as u32)
    });
    numbered(&mut m, &mut DECADES.iter(), |l, k| {
        l.decade = Some(1920 + 10 * k as i32)
    });
    m
});

/// "mondays" .. "sundays": the plural of each weekday written in full.
fn weekday_plurals() -> impl Iterator<Item = (&'static str, Weekday)> {
    const PLURALS: &[&str] = &[
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ];
    PLURALS
        .iter()
        .zip(WEEKDAYS.iter().filter(|w| w.2 == WdForm::Full))
        .map(|(&p, w)| (p, w.1))
}

/// Every word the tables know, each once, in no particular order.
pub(super) fn table_words() -> impl Iterator<Item = &'static str> {
    LEXICON.keys().copied()
}

/// What the word tables say about `w` (lowercase); `None` for a word in none.
pub(super) fn lexeme(w: &str) -> Option<&'static Lexeme> {
    LEXICON.get(w)
}

/// A month name or abbreviation: (month 1..=12, is an abbreviation).
pub(super) fn month_word(w: &str) -> Option<(u8, bool)> {
    lexeme(w)?.month
}

/// A weekday name or abbreviation.
pub(super) fn weekday_word(w: &str) -> Option<(Weekday, WdForm)> {
    lexeme(w)?.weekday
}

/// A plural weekday ("fridays") as used in "3 fridays from now".
pub(super) fn weekday_plural(w: &str) -> Option<Weekday> {
    lexeme(w)?.weekday_plural
}

/// A decade written as a word: "the nineties" (the 1990s).
pub(super) fn decade_word(w: &str) -> Option<i32> {
    lexeme(w)?.decade
}

#[cfg(test)]
mod tests {
    //! The hashed tables answer exactly as the word matches they replaced.
    use super::*;

    /// A month name or abbreviation: (month 1..=12, is an abbreviation).
    fn old_month_word(w: &str) -> Option<(u8, bool)> {
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

    /// A weekday name or abbreviation.
    fn old_weekday_word(w: &str) -> Option<(Weekday, WdForm)> {
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
    fn old_weekday_plural(w: &str) -> Option<Weekday> {
        let stem = w.strip_suffix('s')?;
        match old_weekday_word(stem) {
            Some((wd, WdForm::Full)) => Some(wd),
            _ => None,
        }
    }

    /// An ordinal written as one word: "first" .. "twentieth", "thirtieth".
    fn old_ordinal_word(w: &str) -> Option<u32> {
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
    fn old_unit_number_word(w: &str) -> Option<u32> {
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
    fn old_tens_word(w: &str) -> Option<u32> {
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
    fn old_decade_word(w: &str) -> Option<i32> {
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

    /// Words the tables know and words they must not.
    fn probes() -> Vec<String> {
        let mut words: Vec<String> = table_words().map(str::to_string).collect();
        for w in table_words() {
            words.push(format!("{w}s"));
            words.push(w[..w.len() - 1].to_string());
            words.push(w.to_uppercase());
        }
        for w in [
            "",
            "s",
            "the",
            "mayday",
            "sund",
            "thirtieths",
            "firsts",
            "weds",
            "sats",
        ] {
            words.push(w.to_string());
        }
        words
    }

    #[test]
    fn hashed_tables_answer_as_the_matches_did() {
        let words = probes();
        assert!(words.len() > 300, "only {} probes", words.len());
        for w in &words {
            let w = w.as_str();
            assert_eq!(month_word(w), old_month_word(w), "month {w:?}");
            assert_eq!(weekday_word(w), old_weekday_word(w), "weekday {w:?}");
            assert_eq!(weekday_plural(w), old_weekday_plural(w), "plural {w:?}");
            assert_eq!(
                lexeme(w).and_then(|l| l.ordinal),
                old_ordinal_word(w),
                "ordinal {w:?}"
            );
            assert_eq!(
                lexeme(w).and_then(|l| l.unit_number),
                old_unit_number_word(w),
                "number {w:?}"
            );
            assert_eq!(
                lexeme(w).and_then(|l| l.tens),
                old_tens_word(w),
                "tens {w:?}"
            );
            assert_eq!(decade_word(w), old_decade_word(w), "decade {w:?}");
        }
    }

    #[test]
    fn every_table_word_is_known_to_a_table() {
        for w in table_words() {
            let l = lexeme(w).expect("a table word");
            assert_ne!(*l, Lexeme::default(), "{w:?} carries nothing");
        }
    }
}
