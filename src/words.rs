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
static STOPWORD_SET: LazyLock<std::collections::HashSet<&'static str>> =
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
static IRREGULAR_FOLDS: LazyLock<std::collections::HashMap<&'static str, String>> =
    LazyLock::new(|| {
        let mut folds = std::collections::HashMap::new();
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

/// The words of `text` with their byte spans. A word is a run of letters, digits and
/// apostrophes; hyphens and other punctuation separate words. Apostrophes at either
/// end are not part of the word.
pub fn words(text: &str) -> impl Iterator<Item = (Span, &str)> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
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
            return Some((start..start + w.len(), w));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
