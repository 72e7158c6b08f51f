//! Readable, stable, unique ids for drafted rules: `kobakhidze-red-lines`,
//! `trade-2025-h1`.
//!
//! An id is made from a few words that say what the rule is about, so a reporter
//! recognises it in a report; the same source always gives the same ids, and a
//! clash (two claims about the same words) takes a numbered suffix in the order
//! the claims are written.

use std::collections::HashSet;

use crate::words;

/// Words that say nothing about what a rule is about, beyond the stop words.
const PRONOUNS: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "me", "us", "him", "them", "my", "our", "your",
];

/// The longest id drafted from words, in characters (a suffix may follow).
const MAX_LEN: usize = 40;

/// The words of `text` as an id: lowercase ASCII letters and digits joined by
/// hyphens, stop words left out, at most `max_words` words ("Georgia's red lines"
/// with 3 words: `georgia-red-lines`). Letters with accents lose them where
/// Unicode gives a plain base letter; other characters are dropped. Empty when
/// nothing is left.
pub fn slug(text: &str, max_words: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (_, word) in words::words(text) {
        if parts.len() == max_words {
            break;
        }
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches("'s").trim_end_matches("’s");
        if words::is_stopword(lower) || PRONOUNS.contains(&lower) {
            continue;
        }
        let ascii: String = lower.chars().filter_map(ascii_of).collect();
        if !ascii.is_empty() {
            parts.push(ascii);
        }
    }
    let mut id = parts.join("-");
    if id.len() > MAX_LEN {
        id.truncate(MAX_LEN);
        id = id.trim_end_matches('-').to_string();
    }
    id
}

/// The plain ASCII letter or digit a character stands for, if any.
fn ascii_of(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c);
    }
    let base = match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' | 'ß' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ţ' => 't',
        'ğ' => 'g',
        _ => return None,
    };
    Some(base)
}

/// Hands out unique ids: the first asker of a base gets it as it is, later ones
/// `base-2`, `base-3`...; ids already taken (by an existing rule file) are skipped.
#[derive(Debug, Default, Clone)]
pub struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// An allocator that never hands out any of `taken`.
    pub fn with_taken(taken: impl IntoIterator<Item = String>) -> Ids {
        Ids {
            taken: taken.into_iter().collect(),
        }
    }

    /// A unique id from `base`; `fallback` when `base` is empty.
    pub fn unique(&mut self, base: &str, fallback: &str) -> String {
        let base = if base.is_empty() { fallback } else { base };
        let mut id = base.to_string();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_content_words_in_order() {
        let cases = [
            ("We have red lines on de-occupation", 3, "red-lines-de"),
            (
                "Georgia's share of the territory",
                3,
                "georgia-share-territory",
            ),
            ("Tbilisi café owners", 2, "tbilisi-cafe"),
            ("the of and", 3, ""),
            ("trade in 2025 H1", 4, "trade-2025-h1"),
        ];
        for (text, n, want) in cases {
            assert_eq!(slug(text, n), want, "{text}");
        }
    }

    #[test]
    fn slugs_are_bounded() {
        let long = "extraordinarily complicated negotiations concerning transboundary waterways";
        let id = slug(long, 6);
        assert!(id.len() <= MAX_LEN, "{id}");
        assert!(!id.ends_with('-'));
    }

    #[test]
    fn clashes_take_numbered_suffixes_and_skip_taken_ids() {
        let mut ids = Ids::with_taken(["trade".to_string(), "trade-2".to_string()]);
        assert_eq!(ids.unique("trade", "claim"), "trade-3");
        assert_eq!(ids.unique("trade", "claim"), "trade-4");
        assert_eq!(ids.unique("", "claim"), "claim");
        assert_eq!(ids.unique("", "claim"), "claim-2");
    }
}
