//! The words attribution looks for, matched by hand: reporting verbs ("said",
//! "according to"), the pronouns that can speak ("she") and the opening of a
//! relative clause (", who"). Each finds exactly what the regular expression it
//! replaces found (`(?i)\b(?:according to|said|…)\b`, `(?i)^(?:he|she|it|they)$`,
//! `(?i),\s+(?:who|whose|whom)\b`), with Unicode word boundaries and case folding,
//! but costs no regular expression to build in every run (building the verbs' one
//! was about a twentieth of checking a 5,000-word draft).

use crate::extract::Span;

/// The reporting verbs, folded to lower case and sorted; "according" counts only
/// when " to" follows it.
const VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "announced",
    "argued",
    "asserted",
    "branded",
    "called",
    "calling",
    "calls",
    "characterised",
    "characterized",
    "claimed",
    "commented",
    "concluded",
    "confirmed",
    "continued",
    "declared",
    "described",
    "describes",
    "dubbed",
    "emphasised",
    "emphasized",
    "explained",
    "informed",
    "insisted",
    "labeled",
    "labelled",
    "maintained",
    "noted",
    "notes",
    "observed",
    "recalled",
    "reiterated",
    "reiterates",
    "remarked",
    "replied",
    "responded",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "stressed",
    "tells",
    "termed",
    "told",
    "urged",
    "warned",
    "wrote",
];

/// The longest verb, in letters: a longer word is no verb.
const LONGEST: usize = 13;

/// For each first letter, the lengths its verbs have (bit n: n letters), so that
/// most words are ruled out before any comparison.
const SHAPES: [u16; 26] = shapes();

/// Builds [`SHAPES`] from [`VERBS`].
const fn shapes() -> [u16; 26] {
    let mut table = [0u16; 26];
    let mut i = 0;
    while i < VERBS.len() {
        let v = VERBS[i].as_bytes();
        table[(v[0] - b'a') as usize] |= 1 << v.len();
        i += 1;
    }
    table
}

/// A character of a word, as `\w` and `\b` of regular expressions read one: a
/// letter, a mark, a digit, a joiner or a connector such as `_`.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

/// The lower-case ASCII letter `c` is under Unicode simple case folding, if any:
/// the letter, its capital, "ſ" (long s) and the Kelvin sign "K".
fn folded(c: char) -> Option<u8> {
    match c {
        'a'..='z' => Some(c as u8),
        'A'..='Z' => Some(c.to_ascii_lowercase() as u8),
        '\u{17F}' => Some(b's'),
        '\u{212A}' => Some(b'k'),
        _ => None,
    }
}

/// Whether `word` is `target` (lower-case ASCII letters) whatever its case.
fn is(word: &str, target: &str) -> bool {
    let mut letters = target.bytes();
    word.chars()
        .all(|c| folded(c).is_some_and(|l| letters.next() == Some(l)))
        && letters.next().is_none()
}

/// The reporting verb `word` is, folded, if it is one.
fn verb(word: &str) -> Option<&'static str> {
    if word.is_ascii() {
        return ascii_verb(word.as_bytes());
    }
    let mut buf = [0u8; LONGEST];
    let mut n = 0;
    for c in word.chars() {
        let l = folded(c)?;
        *buf.get_mut(n)? = l;
        n += 1;
    }
    if n == 0 || SHAPES[usize::from(buf[0] - b'a')] & (1 << n) == 0 {
        return None;
    }
    let folded = std::str::from_utf8(&buf[..n]).ok()?;
    VERBS.binary_search(&folded).ok().map(|i| VERBS[i])
}

/// [`verb`] of an ASCII word: its length and first letter rule most words out
/// before a letter is folded (an ASCII character folds only if it is a letter).
fn ascii_verb(word: &[u8]) -> Option<&'static str> {
    let n = word.len();
    let first = word.first()?.to_ascii_lowercase();
    if n > LONGEST
        || !first.is_ascii_lowercase()
        || SHAPES[usize::from(first - b'a')] & (1 << n) == 0
    {
        return None;
    }
    let mut buf = [0u8; LONGEST];
    for (l, &c) in buf.iter_mut().zip(word) {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        *l = c.to_ascii_lowercase();
    }
    let folded = &buf[..n];
    VERBS
        .binary_search_by(|v| v.as_bytes().cmp(folded))
        .ok()
        .map(|i| VERBS[i])
}

/// For each byte, whether it is an ASCII word character (a letter, a digit or
/// `_`); false for every byte of a character that is not ASCII.
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// The words of `text` as word boundaries delimit them (maximal runs of word
/// characters), by byte span, in order. ASCII is read from the byte, a run of it
/// at a time; only other characters are decoded.
fn runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let ascii_word = |b: u8| ASCII_WORD[usize::from(b)];
    // The character at byte `i` (a boundary of a character that is not ASCII):
    // whether it is a word character, and its length.
    let other = move |i: usize| -> (bool, usize) {
        let c = text[i..].chars().next().unwrap_or(' ');
        (is_word_char(c), c.len_utf8())
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            while i < bytes.len() && bytes[i].is_ascii() && !ascii_word(bytes[i]) {
                i += 1;
            }
            if i >= bytes.len() {
                return None;
            }
            if bytes[i].is_ascii() {
                break i;
            }
            let (word, step) = other(i);
            if word {
                break i;
            }
            i += step;
        };
        loop {
            while i < bytes.len() && ascii_word(bytes[i]) {
                i += 1;
            }
            if i >= bytes.len() || bytes[i].is_ascii() {
                break;
            }
            let (word, step) = other(i);
            if !word {
                break;
            }
            i += step;
        }
        Some(start..i)
    })
}

/// Every reporting verb or phrase of `prose`, in order: a whole word, whatever its
/// case, and "according to" as one phrase (one space between its words).
pub(super) fn reporting_verbs(prose: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut words = runs(prose).peekable();
    while let Some(w) = words.next() {
        let word = &prose[w.clone()];
        if verb(word).is_some() {
            out.push(w);
        } else if is(word, "according")
            && prose[w.end..].starts_with(' ')
            && let Some(to) = words.next_if(|t| t.start == w.end + 1 && is(&prose[t.clone()], "to"))
        {
            out.push(w.start..to.end);
        }
    }
    out
}

/// Whether `word` (a whole word) is a pronoun that can speak: he, she, it, they.
pub(super) fn is_pronoun(word: &str) -> bool {
    ["he", "she", "it", "they"].iter().any(|p| is(word, p))
}

/// Where the last ", who", ", whose" or ", whom" of `text` starts (its comma): a
/// comma, white space, then the word.
pub(super) fn last_relative(text: &str) -> Option<usize> {
    text.rmatch_indices(',').map(|(i, _)| i).find(|&i| {
        let after = &text[i + 1..];
        let word = after.trim_start_matches(char::is_whitespace);
        word.len() < after.len()
            && runs(word).next().is_some_and(|w| {
                w.start == 0
                    && ["who", "whose", "whom"]
                        .iter()
                        .any(|r| is(&word[w.clone()], r))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The expressions these functions replace, kept as the oracle.
    const VERB_RE: &str = r"(?i)\b(?:according to|said|says|say|told|tells|added|adds|reiterated|reiterates|stated|states|noted|notes|emphasi[sz]ed|stressed|insisted|remarked|explained|declared|announced|warned|argued|claimed|responded|replied|wrote|asserted|acknowledged|confirmed|recalled|urged|maintained|informed|commented|observed|continued|concluded|described|describes|called|calls|calling|termed|branded|labell?ed|characteri[sz]ed|dubbed)\b";
    const PRONOUN_RE: &str = r"(?i)^(?:he|she|it|they)$";
    const RELATIVE_RE: &str = r"(?i),\s+(?:who|whose|whom)\b";

    /// Pieces that meet at word boundaries in every way: verbs and their near
    /// misses, capitals, "ſ" and "K", marks, digits, `_`, spaces of several kinds.
    const PIECES: &[&str] = &[
        "said",
        "SAID",
        "ſaid",
        "Says",
        "say",
        "sayſ",
        "according",
        "According",
        " ",
        "  ",
        "to",
        "TO",
        "tò",
        ",",
        ", ",
        "who",
        "Whoſe",
        "whom",
        "whoever",
        "_",
        "é",
        "\u{301}",
        "x",
        "2",
        "²",
        "\u{a0}",
        "\n",
        "’s",
        "emphasized",
        "emphasised",
        "labeled",
        "labelled",
        "labellled",
        "characteriſed",
        "\u{212A}",
        "he",
        "ſhe",
        "It",
        "they",
        "them",
        "told",
        "wrote",
        "dubbed",
        "-",
        "\u{200d}",
        "—",
        "acknowledged",
        "calling",
    ];

    /// A seeded mix of pieces, always the same.
    fn samples() -> Vec<String> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize
        };
        (0..4000)
            .map(|_| {
                let n = 1 + next() % 8;
                (0..n).map(|_| PIECES[next() % PIECES.len()]).collect()
            })
            .collect()
    }

    #[test]
    fn the_verbs_are_sorted_and_fit() {
        assert!(VERBS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(VERBS.iter().map(|v| v.len()).max(), Some(LONGEST));
    }

    #[test]
    fn verbs_found_as_the_expression_found_them() {
        let re = Regex::new(VERB_RE).unwrap();
        for text in samples() {
            let want: Vec<Span> = re.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(reporting_verbs(&text), want, "{text:?}");
        }
    }

    #[test]
    fn relative_clauses_found_as_the_expression_found_them() {
        let re = Regex::new(RELATIVE_RE).unwrap();
        for text in samples() {
            let want = re.find_iter(&text).last().map(|m| m.start());
            assert_eq!(last_relative(&text), want, "{text:?}");
        }
    }

    #[test]
    fn pronouns_found_as_the_expression_found_them() {
        let re = Regex::new(PRONOUN_RE).unwrap();
        for text in samples()
            .iter()
            .map(String::as_str)
            .chain(PIECES.iter().copied())
        {
            assert_eq!(is_pronoun(text), re.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn table_of_verbs_and_near_misses() {
        let cases: &[(&str, &[&str])] = &[
            ("Hale said on Monday", &["said"]),
            ("SAID Hale, according to aides", &["SAID", "according to"]),
            ("according  to aides; accordingly, he sayeth", &[]),
            ("she_said it, unsaid, said2", &[]),
            ("the labelled and labeled box", &["labelled", "labeled"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = reporting_verbs(text)
                .into_iter()
                .map(|s| &text[s])
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn folding_and_word_characters_agree_with_the_expressions() {
        let letter = Regex::new(r"(?i)^[a-z]$").unwrap();
        let word = Regex::new(r"^\w$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..0x3000)
            .chain((0x3000..=0x10FFFF).step_by(7))
            .filter_map(char::from_u32)
        {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(folded(c).is_some(), letter.is_match(s), "{c:?}");
            if let Some(l) = folded(c) {
                let one = Regex::new(&format!("(?i)^{}$", l as char)).unwrap();
                assert!(one.is_match(s), "{c:?}");
            }
            if c.is_ascii() {
                assert_eq!(is_word_char(c), word.is_match(s), "{c:?}");
            }
        }
    }
}
