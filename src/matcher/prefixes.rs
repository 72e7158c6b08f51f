//! The anchor patterns, found where a word can start.
//!
//! The matcher keeps only pattern occurrences at the start of a word (or just after
//! an apostrophe that opens a quote), so it needs no automaton that finds patterns
//! anywhere: the patterns are kept sorted, and at each position where a word can
//! start the patterns that begin there are read off by narrowing a range of that
//! sorted list one byte at a time. Building is one sort, with no trie, failure links
//! or transition tables (an Aho-Corasick automaton over 1,000 templates' anchors
//! was about a tenth of a short run).

use crate::words::is_word_char;

/// Literal patterns, searched for at the positions where a word can start.
#[derive(Debug, Clone, Default)]
pub struct WordStartPatterns {
    /// The patterns' bytes, sorted, each with its index in the caller's list.
    sorted: Vec<(Box<[u8]>, usize)>,
    /// For each first byte, where its patterns begin in `sorted` (`first[b]` to
    /// `first[b + 1]`); 257 entries.
    first: Vec<usize>,
    /// How many patterns are empty (they sort first).
    empty: usize,
}

/// One occurrence of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternMatch {
    start: usize,
    pattern: usize,
}

impl PatternMatch {
    /// Where the pattern starts in the text (a byte offset).
    pub fn start(&self) -> usize {
        self.start
    }

    /// Which pattern, by its index in the list the patterns were built from.
    pub fn pattern(&self) -> PatternIndex {
        PatternIndex(self.pattern)
    }
}

/// A pattern's index in the list it was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternIndex(usize);

impl PatternIndex {
    /// The index as a number.
    pub fn as_usize(self) -> usize {
        self.0
    }
}

impl WordStartPatterns {
    /// Keeps `patterns` (each found by its place in this list).
    pub fn new<I, P>(patterns: I) -> WordStartPatterns
    where
        I: IntoIterator<Item = P>,
        P: Into<Vec<u8>>,
    {
        let mut sorted: Vec<(Box<[u8]>, usize)> = patterns
            .into_iter()
            .enumerate()
            .map(|(i, p)| (p.into().into_boxed_slice(), i))
            .collect();
        sorted.sort_unstable();
        let empty = sorted.iter().take_while(|(p, _)| p.is_empty()).count();
        let mut first = vec![0; 257];
        let mut at = empty;
        for (b, slot) in first.iter_mut().enumerate() {
            while at < sorted.len() && usize::from(sorted[at].0[0]) < b {
                at += 1;
            }
            *slot = at;
        }
        WordStartPatterns {
            sorted,
            first,
            empty,
        }
    }

    /// Every occurrence of every pattern in `text` that starts at its beginning,
    /// after a character that is not part of a word, or just after an apostrophe
    /// (a superset of the word starts: the caller decides). In order of position,
    /// the shorter pattern first.
    pub fn find_overlapping_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = PatternMatch> + 'a {
        let mut previous: Option<char> = None;
        text.char_indices()
            .map(|(i, c)| (i, Some(c)))
            .chain(std::iter::once((text.len(), None)))
            .filter(move |&(_, c)| {
                let can_start =
                    previous.is_none_or(|p| !is_word_char(p) || matches!(p, '\'' | '’'));
                previous = c;
                can_start
            })
            .flat_map(move |(start, _)| self.starting_at(text.as_bytes(), start))
    }

    /// The patterns that `text[start..]` begins with, shortest first.
    fn starting_at<'a>(
        &'a self,
        text: &'a [u8],
        start: usize,
    ) -> impl Iterator<Item = PatternMatch> + 'a {
        let empties = self.sorted[..self.empty].iter();
        let rest = &text[start..];
        let mut range = match rest.first() {
            Some(&b) => self.first[usize::from(b)]..self.first[usize::from(b) + 1],
            None => 0..0,
        };
        let mut len = 1;
        // Patterns found and not yet given out (indexes into `sorted`).
        let mut pending = 0..0;
        let longer = std::iter::from_fn(move || {
            loop {
                if let Some(at) = pending.next() {
                    return Some(self.sorted[at].1);
                }
                if range.is_empty() {
                    return None;
                }
                let here = &self.sorted[range.clone()];
                // Every pattern in the range starts with rest[..len]; those that
                // are exactly that sort first.
                let exact = here.partition_point(|(p, _)| p.len() == len);
                pending = range.start..range.start + exact;
                let (lo, hi) = match rest.get(len) {
                    Some(&b) => {
                        let lo = here.partition_point(|(p, _)| p.len() <= len || p[len] < b);
                        let hi = here.partition_point(|(p, _)| p.len() <= len || p[len] <= b);
                        (lo, hi)
                    }
                    None => (0, 0),
                };
                range = range.start + lo..range.start + hi;
                len += 1;
            }
        });
        empties
            .map(|(_, i)| *i)
            .chain(longer)
            .map(move |pattern| PatternMatch { start, pattern })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};

    /// What the matcher keeps of an occurrence: at the text's start, after a
    /// character that is not part of a word, or after an apostrophe.
    fn may_start_word(text: &str, start: usize) -> bool {
        text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c) || matches!(c, '\'' | '’'))
    }

    /// (start, pattern) pairs.
    type Found = Vec<(usize, usize)>;

    /// The (start, pattern) pairs, sorted, found by this index and by an automaton.
    fn both(patterns: &[&str], text: &str) -> (Found, Found) {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .unwrap();
        let mut want: Vec<(usize, usize)> = ac
            .find_overlapping_iter(text)
            .filter(|m| may_start_word(text, m.start()))
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        want.sort_unstable();
        let index = WordStartPatterns::new(patterns.iter().copied());
        let mut got: Vec<(usize, usize)> = index
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        got.sort_unstable();
        (got, want)
    }

    #[test]
    fn finds_what_an_automaton_finds_at_word_starts() {
        let patterns = [
            "territor", "tak", "took", "taken", "t", "rose", "ros", "rise", "é", "éte", "co-op",
            "'s", "don", "20", "z",
        ];
        let texts = [
            "Territories took over; it was taken, then it rose.",
            "don't stop: 'took' and ’took’, rosé, été, co-op, co-opted",
            "t t tt ttt taketaken 20% 200 x20 tak",
            "",
            "z",
            "a\u{2019}s dog's 's",
        ];
        for text in texts {
            let lowered = text.to_ascii_lowercase();
            let (got, want) = both(&patterns, &lowered);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn seeded_mixes_agree_with_the_automaton() {
        // Short words of few letters, so prefixes, repeats and overlaps are common.
        let alphabet = ["a", "b", "ab", "ba", "’", "'", " ", "-", "é", "1"];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut found = 0;
        for _ in 0..300 {
            let patterns: Vec<String> = (0..1 + next(8))
                .map(|_| (0..1 + next(4)).map(|_| alphabet[next(4)]).collect())
                .collect();
            let text: String = (0..next(40))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let (got, want) = both(&refs, &text);
            assert_eq!(got, want, "{refs:?} in {text:?}");
            found += want.len();
        }
        assert!(found > 300, "the mixes find patterns ({found})");
    }

    #[test]
    fn duplicate_patterns_each_report() {
        let index = WordStartPatterns::new(["ab", "ab", "a"]);
        let got: Vec<(usize, usize)> = index
            .find_overlapping_iter("ab")
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        assert_eq!(got, [(0, 2), (0, 0), (0, 1)]);
        assert!(
            WordStartPatterns::new(Vec::<String>::new())
                .find_overlapping_iter("ab")
                .next()
                .is_none()
        );
    }
}
