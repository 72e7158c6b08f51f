//! The anchor patterns, found where a word can start.
//!
//! The matcher keeps only pattern occurrences at the start of a word (or just after
//! an apostrophe that opens a quote), so it needs no automaton that finds patterns
//! anywhere: the patterns are kept sorted, and at each position where a word can
//! start the patterns that begin there are read off by narrowing a range of that
//! sorted list one byte at a time. Building is one sort, with no trie, failure links
//! or transition tables (an Aho-Corasick automaton over 1,000 templates' anchors
//! was about a tenth of a short run).

use std::ops::Range;

use crate::words::is_word_char;

/// Literal patterns, searched for at the positions where a word can start.
#[derive(Debug, Clone, Default)]
pub struct WordStartPatterns {
    /// Every pattern's bytes, one after the other (ASCII letters lower-cased).
    bytes: Vec<u8>,
    /// Each pattern as its place in `bytes` and its index in the caller's list,
    /// sorted by the pattern's bytes.
    sorted: Vec<(Range<u32>, u32)>,
    /// For each first byte, where its patterns begin in `sorted` (`first[b]` to
    /// `first[b + 1]`); 257 entries.
    first: Vec<u32>,
    /// How many patterns are empty (they sort first).
    empty: u32,
    /// A word start is looked at only if its first three bytes may begin a
    /// pattern (one bit per hash of three bytes, 65,536 bits) ...
    trigrams: Vec<u64>,
    /// ... or its first byte begins a pattern of one or two bytes.
    short: Vec<bool>,
}

/// The bit of `trigrams` for three bytes.
fn trigram(b: &[u8]) -> usize {
    let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
    (n.wrapping_mul(0x9e37_79b1) >> 16) as usize
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
    /// Keeps `patterns` (each found by its place in this list), their ASCII letters
    /// lower-cased: the text searched is to be lower-cased the same way.
    pub fn new<I, P>(patterns: I) -> WordStartPatterns
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let mut bytes = Vec::new();
        let mut sorted = Vec::new();
        for (i, p) in patterns.into_iter().enumerate() {
            let from = offset(bytes.len());
            bytes.extend(p.as_ref().iter().map(u8::to_ascii_lowercase));
            sorted.push((from..offset(bytes.len()), offset(i)));
        }
        // Sorted on the first eight bytes as one number, then on the rest.
        let text = |r: &Range<u32>| &bytes[r.start as usize..r.end as usize];
        let head = |r: &Range<u32>| {
            let mut eight = [0u8; 8];
            let t = text(r);
            let n = t.len().min(8);
            eight[..n].copy_from_slice(&t[..n]);
            (u64::from_be_bytes(eight), t.len().min(9))
        };
        let mut keyed: Vec<((u64, usize), Range<u32>, u32)> =
            sorted.into_iter().map(|(r, i)| (head(&r), r, i)).collect();
        keyed.sort_unstable_by(|(x, a, i), (y, b, j)| {
            x.cmp(y).then_with(|| text(a).cmp(text(b))).then(i.cmp(j))
        });
        let sorted: Vec<(Range<u32>, u32)> = keyed.into_iter().map(|(_, r, i)| (r, i)).collect();
        let empty = sorted.iter().take_while(|(r, _)| r.is_empty()).count();
        let mut first = vec![0; 257];
        let mut at = empty;
        for (b, slot) in first.iter_mut().enumerate() {
            while at < sorted.len() && usize::from(bytes[sorted[at].0.start as usize]) < b {
                at += 1;
            }
            *slot = offset(at);
        }
        let mut trigrams = vec![0u64; 1024];
        let mut short = vec![false; 256];
        for (r, _) in &sorted {
            let p = &bytes[r.start as usize..r.end as usize];
            match p.len() {
                0 => {}
                1 | 2 => short[usize::from(p[0])] = true,
                _ => {
                    let bit = trigram(p);
                    trigrams[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        WordStartPatterns {
            bytes,
            sorted,
            first,
            empty: offset(empty),
            trigrams,
            short,
        }
    }

    /// Every occurrence of every pattern in `text` that starts at its beginning,
    /// after a character that is not part of a word, or just after an apostrophe
    /// (a superset of the word starts: the caller decides). In order of position,
    /// the shorter pattern first.
    pub fn find_overlapping_iter<'a>(&'a self, text: &'a str) -> Matches<'a> {
        Matches {
            index: self,
            text,
            next: 0,
            may_start: true,
            start: 0,
            range: 0..0,
            len: 0,
            pending: 0..0,
        }
    }
}

/// How many of `sorted` (a run of those for which `before` holds, then the rest)
/// come before the first for which it does not: by a scan when they are few.
fn split<T>(sorted: &[T], before: impl Fn(&T) -> bool) -> usize {
    if sorted.len() <= 8 {
        sorted.iter().take_while(|k| before(k)).count()
    } else {
        sorted.partition_point(before)
    }
}

impl WordStartPatterns {
    /// Whether some pattern may begin `rest` (false only if none does).
    fn may_begin(&self, rest: &[u8]) -> bool {
        if self.empty > 0 {
            return true;
        }
        let Some(&b) = rest.first() else {
            return false;
        };
        if self.short[usize::from(b)] {
            return true;
        }
        rest.len() >= 3 && {
            let bit = trigram(rest);
            self.trigrams[bit / 64] & (1 << (bit % 64)) != 0
        }
    }
}

/// A position or length as kept in the index (patterns are short and few).
fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("anchor patterns fit in 4 GB")
}

/// The occurrences of [`WordStartPatterns::find_overlapping_iter`].
#[derive(Debug)]
pub struct Matches<'a> {
    index: &'a WordStartPatterns,
    text: &'a str,
    /// The next byte offset to look at as a start.
    next: usize,
    /// Whether a word can start at `next`.
    may_start: bool,
    /// The start being read.
    start: usize,
    /// The patterns (places in `sorted`) that begin with `text[start..start + len]`.
    range: Range<usize>,
    len: usize,
    /// Patterns found at `start` and not yet given out (places in `sorted`).
    pending: Range<usize>,
}

impl Iterator for Matches<'_> {
    type Item = PatternMatch;

    fn next(&mut self) -> Option<PatternMatch> {
        loop {
            if let Some(at) = self.pending.next() {
                let pattern = self.index.sorted[at].1 as usize;
                return Some(PatternMatch {
                    start: self.start,
                    pattern,
                });
            }
            if self.range.is_empty() {
                if !self.next_start() {
                    return None;
                }
            } else {
                self.narrow();
            }
        }
    }
}

impl Matches<'_> {
    /// Moves to the next position where a word can start; false at the end.
    fn next_start(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        while self.next <= bytes.len() {
            let at = self.next;
            let may_start = self.may_start;
            let c = match bytes.get(at) {
                Some(&b) if b.is_ascii() => char::from(b),
                Some(_) => self.text[at..].chars().next().expect("a character"),
                None => ' ',
            };
            self.next = at + c.len_utf8();
            self.may_start = !is_word_char(c) || matches!(c, '\'' | '’');
            if c.is_ascii_alphanumeric() {
                // No word starts inside a run of ASCII letters and digits.
                while bytes.get(self.next).is_some_and(u8::is_ascii_alphanumeric) {
                    self.next += 1;
                }
            }
            if !may_start || !self.index.may_begin(&bytes[at..]) {
                continue;
            }
            let index = self.index;
            self.start = at;
            self.pending = 0..index.empty as usize;
            self.range = match bytes.get(at) {
                Some(&b) => {
                    let b = usize::from(b);
                    index.first[b] as usize..index.first[b + 1] as usize
                }
                None => 0..0,
            };
            self.len = 1;
            return true;
        }
        false
    }

    /// Gives out the patterns that are exactly `text[start..start + len]` and keeps
    /// those that are longer and go on with the text's next byte.
    fn narrow(&mut self) {
        let index = self.index;
        let len = self.len;
        let range = self.range.clone();
        let here = &index.sorted[range.clone()];
        // Every pattern in the range starts with the text read so far; those that
        // are exactly that sort first.
        let exact = here.iter().take_while(|k| k.0.len() == len).count();
        self.pending = range.start..range.start + exact;
        let next = self.text.as_bytes().get(self.start + len).copied();
        self.range = match next {
            Some(b) => {
                let byte = |k: &(Range<u32>, u32)| index.bytes[k.0.start as usize + len];
                let lo = exact + split(&here[exact..], |k| byte(k) < b);
                let hi = lo + split(&here[lo..], |k| byte(k) == b);
                range.start + lo..range.start + hi
            }
            None => 0..0,
        };
        self.len += 1;
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
            "territor",
            "tak",
            "took",
            "taken",
            "t",
            "rose",
            "ros",
            "rise",
            "é",
            "éte",
            "co-op",
            "'s",
            "don",
            "20",
            "z",
            "abcdefghij",
            "abcdefgh",
            "abcdefghi",
            "abcdefghia",
            "abcdefgg",
            "abcdefghijk",
        ];
        let texts = [
            "Territories took over; it was taken, then it rose.",
            "don't stop: 'took' and ’took’, rosé, été, co-op, co-opted",
            "t t tt ttt taketaken 20% 200 x20 tak",
            "",
            "z",
            "a\u{2019}s dog's 's",
            "abcdefghijk abcdefghia abcdefgh abcdefgg abcdefg",
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
