//! Words: splitting prose into words and folding them, so "territories" matches
//! "territory" and "took" matches "taking".

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::extract::Span;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Irregular forms Snowball does not fold, mapped to their base form.
const IRREGULAR: &[(&str, &str)] = &[
    ("took", "take"),
    ("taken", "take"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("made", "make"),
    ("won", "win"),
    ("lost", "lose"),
    ("held", "hold"),
    ("kept", "keep"),
    ("left", "leave"),
    ("met", "meet"),
    ("paid", "pay"),
    ("sold", "sell"),
    ("bought", "buy"),
    ("brought", "bring"),
    ("spent", "spend"),
    ("began", "begin"),
    ("begun", "begin"),
    ("came", "come"),
    ("went", "go"),
    ("gone", "go"),
    ("gave", "give"),
    ("given", "give"),
    ("got", "get"),
    ("saw", "see"),
    ("seen", "see"),
    ("became", "become"),
    ("wrote", "write"),
    ("written", "write"),
    ("broke", "break"),
    ("broken", "break"),
    ("men", "man"),
    ("women", "woman"),
    ("people", "person"),
    ("children", "child"),
];

/// Words too common to anchor a claim.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "as",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "its", "it", "their",
    "his", "her", "this", "that", "these", "those", "than", "since", "into", "about", "over",
    "under", "per", "cent", "percent", "which", "who", "whom", "whose", "there", "also", "both",
    "some", "up", "down", "out", "off", "but", "not", "no", "so", "such",
];

/// The months' names, lowercase, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The weekdays' names, lowercase, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `word` names a weekday or a month, in full or in a newsroom abbreviation
/// that is no other word ("Sept", "Aug"), in any case. "May" does not count: it is
/// also a verb and a name (Theresa May), and "Mar", "Sun", "Wed" are words too.
pub fn is_calendar_word(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    const SHORT: &[&str] = &["jan", "feb", "aug", "sept", "oct", "nov", "dec"];
    (MONTH_NAMES.contains(&w.as_str()) && w != "may")
        || WEEKDAY_NAMES.contains(&w.as_str())
        || SHORT.contains(&w.as_str())
}

/// Whether `word` (lowercase) is too common to anchor a claim.
pub fn is_stopword(word: &str) -> bool {
    STOPWORD_SET.contains(word)
}

/// [`STOPWORDS`] for one hash lookup per word (every sentence's every word is asked).
static STOPWORD_SET: LazyLock<FnvSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// The folded form of a word: lowercase, possessive dropped, irregular forms mapped
/// to their base, then stemmed. Two words with the same fold count as the same word.
///
/// Each thread keeps the folds it has made, so a word is stemmed once however often
/// the matchers and the sentence reader ask (at most [`FOLDS_KEPT`] words, then the
/// memory starts again).
pub fn fold(word: &str) -> String {
    FOLDS.with(|folds| {
        if let Some(f) = folds.borrow().get(word) {
            return f.clone();
        }
        let f = fold_once(word);
        let mut folds = folds.borrow_mut();
        if folds.len() >= FOLDS_KEPT {
            folds.clear();
        }
        folds.insert(word.to_string(), f.clone());
        f
    })
}

/// How many words' folds a thread keeps.
const FOLDS_KEPT: usize = 1 << 16;

thread_local! {
    /// The folds made on this thread, by the word as written.
    static FOLDS: RefCell<FnvMap<String, String>> = RefCell::new(FnvMap::default());
}

/// FNV-1a, a hash fast for short keys such as words.
#[derive(Default)]
pub struct Fnv(u64);

/// A hash map keyed with [`Fnv`]: for words and other short keys.
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A hash set hashed with [`Fnv`]: for word lists asked about every word.
pub type FnvSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// [`fold`] computed afresh.
fn fold_once(word: &str) -> String {
    let lower = word.to_lowercase();
    let bare = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower)
        .trim_end_matches(['\'', '’']);
    if let Some(base) = IRREGULAR_FOLDS.get(bare) {
        return base.clone();
    }
    STEMMER.stem(bare).into_owned()
}

/// Each irregular form's base, folded: stemmed once for the whole run (the first
/// entry of a form in [`IRREGULAR`] wins, as a search of the list would find it).
static IRREGULAR_FOLDS: LazyLock<FnvMap<&'static str, String>> = LazyLock::new(|| {
    let mut folds = FnvMap::default();
    for (form, base) in IRREGULAR {
        folds
            .entry(*form)
            .or_insert_with(|| STEMMER.stem(base).into_owned());
    }
    folds
});

/// The irregular forms of each base, folded, each list in [`IRREGULAR`]'s order:
/// one lookup per anchor word, not a scan of the whole list.
static IRREGULAR_BY_BASE: LazyLock<std::collections::HashMap<String, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut by_base: std::collections::HashMap<String, Vec<&'static str>> =
            std::collections::HashMap::new();
        for (form, base) in IRREGULAR {
            by_base
                .entry(STEMMER.stem(base).into_owned())
                .or_default()
                .push(*form);
        }
        by_base
    });

/// Irregular forms of a base word, so a matcher can look for them too.
pub fn irregular_forms(base_fold: &str) -> impl Iterator<Item = &'static str> + '_ {
    IRREGULAR_BY_BASE
        .get(base_fold)
        .into_iter()
        .flatten()
        .copied()
}

/// Whether `c` can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Whether byte `b` is ASCII and a word character ([`is_word_char`]): a letter,
/// a digit or a straight apostrophe. One table look-up.
pub fn is_ascii_word_byte(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] & WORD_ON != 0
}

/// The words of `text` with their byte spans. A word is a run of letters, digits and
/// apostrophes; hyphens and other punctuation separate words. Apostrophes at either
/// end are not part of the word.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The words of a text, in order (see [`words`]). ASCII is read a byte at a time;
/// other characters are decoded.
#[derive(Debug, Clone)]
pub struct Words<'t> {
    text: &'t str,
    /// Where reading goes on.
    at: usize,
}

impl<'t> Words<'t> {
    /// The character at byte `i` (a character boundary, not ASCII).
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or(' ')
    }
}

/// A bit of [`BYTE_CLASS`]: the byte is an ASCII letter or digit (a word starts
/// there) ...
const ALNUM: u8 = 1;
/// ... an ASCII letter, digit or straight apostrophe (a word goes on over it) ...
const WORD_ON: u8 = 2;
/// ... or ASCII at all.
const ASCII: u8 = 4;

/// Each byte's class, for reading words a byte at a time.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = ASCII;
        if c.is_ascii_alphanumeric() {
            table[b] |= ALNUM | WORD_ON;
        } else if c == b'\'' {
            table[b] |= WORD_ON;
        }
        b += 1;
    }
    table
};

impl<'t> Iterator for Words<'t> {
    type Item = (Span, &'t str);

    fn next(&mut self) -> Option<(Span, &'t str)> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut i = self.at;
        // A word starts at a letter or digit, never at an apostrophe.
        let start = loop {
            // ASCII but no letter or digit.
            while i < len && BYTE_CLASS[usize::from(bytes[i])] & (ASCII | ALNUM) == ASCII {
                i += 1;
            }
            if i >= len {
                self.at = len;
                return None;
            }
            if bytes[i].is_ascii() {
                break i;
            }
            let c = self.char_at(i);
            if c.is_alphanumeric() {
                break i;
            }
            i += c.len_utf8();
        };
        // It goes on over letters, digits and apostrophes.
        loop {
            while i < len && BYTE_CLASS[usize::from(bytes[i])] & WORD_ON != 0 {
                i += 1;
            }
            if i >= len || bytes[i].is_ascii() {
                break;
            }
            let c = self.char_at(i);
            if !(c.is_alphanumeric() || c == '’') {
                break;
            }
            i += c.len_utf8();
        }
        self.at = i;
        let w = self.text[start..i].trim_end_matches(['\'', '’']);
        Some((start..start + w.len(), w))
    }
}

/// `word.to_lowercase()`, written into `buf` (cleared first) and borrowed from it,
/// so that lower-casing word after word allocates once. ASCII is lower-cased by
/// the byte.
pub fn lowercase_into<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        // ASCII stays ASCII: the buffer is still UTF-8.
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&word.to_lowercase());
    }
    buf
}

/// The last word of `text`, as [`words`] would end with it, read from the end.
pub fn last_word(text: &str) -> Option<(Span, &str)> {
    let alphanumeric_end = |i: usize| -> Option<(char, usize)> {
        let c = text[..i].chars().next_back()?;
        Some((c, i - c.len_utf8()))
    };
    // The word ends after the last letter or digit.
    let mut i = text.len();
    let end = loop {
        let (c, at) = alphanumeric_end(i)?;
        if c.is_alphanumeric() {
            break i;
        }
        i = at;
    };
    // Its run of word characters, back to where it starts; a word starts at a
    // letter or digit, never at an apostrophe.
    let mut start = end;
    let mut first = end;
    while let Some((c, at)) = alphanumeric_end(start) {
        if !is_word_char(c) {
            break;
        }
        start = at;
        if c.is_alphanumeric() {
            first = at;
        }
    }
    Some((first..end, &text[first..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words as the char-by-char reading found them before the byte reading.
    fn words_by_char(text: &str) -> Vec<(Span, &str)> {
        let mut chars = text.char_indices().peekable();
        let mut out = Vec::new();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if !is_word_char(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let w = text[start..end].trim_end_matches(['\'', '’']);
            out.push((start..start + w.len(), w));
        }
        out
    }

    #[test]
    fn words_are_read_as_the_char_reading_read_them() {
        let texts = [
            "",
            "   ",
            "The council's budget rose 4.5% to $12 million.",
            "''We will vote tomorrow,'' she said Monday.",
            "Residents’ groups — and the mayor’s office — met in São Paulo, Zürich and Kraków.",
            "'quoted' words'' and rock 'n' roll, l'État, O'Brien's",
            "naïve café résumé 東京 2026年 Ⅻ ½ x²",
            "non-negotiable/half—time…end's’",
            "’’lead ’apostrophes ’’’",
            "tail apostrophes'''",
            "a\u{00a0}b\tc\nd",
        ];
        for text in texts {
            let got: Vec<(Span, &str)> = words(text).collect();
            assert_eq!(got, words_by_char(text), "{text:?}");
            for cut in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                let head = &text[..cut];
                let last = words_by_char(head).last().cloned();
                assert_eq!(last_word(head), last, "{head:?}");
            }
        }
    }

    #[test]
    fn the_byte_table_is_the_word_characters() {
        for b in 0..=255u8 {
            let ascii_word = b.is_ascii() && is_word_char(char::from(b));
            assert_eq!(is_ascii_word_byte(b), ascii_word, "{b}");
        }
    }

    #[test]
    fn lowercase_into_is_to_lowercase() {
        let mut buf = String::from("left over");
        for w in [
            "",
            "Mayor",
            "MAYOR",
            "mayor",
            "O'Brien",
            "Zürich",
            "ΣΑΣ",
            "İstanbul",
            "ǅ",
            "x²",
        ] {
            assert_eq!(lowercase_into(w, &mut buf), w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn folding_joins_inflections() {
        let same = [
            ("territory", "territories"),
            ("took", "taking"),
            ("take", "takes"),
            ("rose", "rising"),
            ("Trade", "trade's"),
            ("relation", "relations"),
            ("normalize", "normalizing"),
            ("Russia's", "Russia"),
            ("office", "offices"),
        ];
        for (a, b) in same {
            assert_eq!(fold(a), fold(b), "{a} / {b}");
        }
        assert_ne!(fold("trade"), fold("trait"));
        assert_ne!(fold("power"), fold("powder"));
    }

    #[test]
    fn words_and_spans() {
        let got: Vec<_> = words("Russia’s de-occupation, 'quoted' won't 20%").collect();
        let texts: Vec<&str> = got.iter().map(|(_, w)| *w).collect();
        assert_eq!(
            texts,
            ["Russia’s", "de", "occupation", "quoted", "won't", "20"]
        );
        let (span, w) = &got[0];
        assert_eq!(&"Russia’s de-occupation"[span.clone()], *w);
    }

    #[test]
    fn kept_folds_are_the_folds() {
        let words = [
            "Territories",
            "territories",
            "took",
            "Russia's",
            "Russia’s",
            "won't",
            "20",
            "Über",
        ];
        for _ in 0..2 {
            for w in words {
                assert_eq!(fold(w), fold_once(w), "{w}");
            }
        }
        // past the limit the memory starts again and still answers alike
        for n in 0..FOLDS_KEPT + 3 {
            let w = format!("w{n}s");
            assert_eq!(fold(&w), fold_once(&w));
        }
        assert!(FOLDS.with(|f| f.borrow().len()) < FOLDS_KEPT);
        assert_eq!(fold("Territories"), fold_once("Territories"));
    }

    #[test]
    fn irregulars_are_listed_for_their_base() {
        let forms: Vec<_> = irregular_forms(&fold("take")).collect();
        assert_eq!(forms, ["took", "taken"]);
    }
}
