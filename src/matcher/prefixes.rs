//! The anchor patterns, found where a word can start.
//!
//! The matcher keeps only pattern occurrences at the start of a word (or just after
//! an apostrophe that opens a quote), so it needs no automaton that finds patterns
//! anywhere. The patterns of three bytes or more are kept in groups by a hash of
//! their first three bytes (patterns of three) or four (longer ones); at each
//! position where a word can start, the hashes of the text's next three and four
//! bytes name the only groups whose patterns can begin there, and each of those (a
//! handful at most, most often none) is compared byte by byte.
//! Patterns of one or two bytes are kept by their first byte. Building is one sort,
//! with no trie, failure links or transition tables (an Aho-Corasick automaton over
//! 1,000 templates' anchors was about a tenth of a short run), and the search reads
//! each byte of the text once, with one lookup per word.

/// Literal patterns, searched for at the positions where a word can start.
#[derive(Debug, Clone, Default)]
pub struct WordStartPatterns {
    /// Every pattern's bytes, one after the other (ASCII letters lower-cased).
    bytes: Vec<u8>,
    /// The indices of the empty patterns, in order (they begin everywhere).
    empty: Vec<u32>,
    /// The patterns of one or two bytes, sorted by first byte, length, second
    /// byte and index ...
    short: Vec<Pattern>,
    /// ... and where each first byte's begin in `short` (`short_from[b]` to
    /// `short_from[b + 1]`; 257 entries).
    short_from: Vec<u32>,
    /// The longer patterns, grouped by the hash of their first three bytes (for
    /// a pattern of three) or four (for longer ones), each group sorted by length
    /// and index ...
    long: Vec<Pattern>,
    /// ... and where each group begins in `long` (one more entry than groups).
    long_from: Vec<u32>,
    /// How far a 32-bit hash is shifted to give a group (32 less the bits of the
    /// group number).
    shift: u32,
    /// Whether some pattern begins with each byte (either case of a letter).
    first: Vec<bool>,
    /// One bit per hash of three bytes (65,536 bits): set for the first three
    /// bytes of every pattern of three bytes or more.
    threes: Vec<u64>,
}

/// One pattern: its place in [`WordStartPatterns::bytes`] and its index in the
/// caller's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pattern {
    start: u32,
    len: u32,
    index: u32,
}

/// The hash of a pattern's (or the text's) first `k` bytes (3 or 4, no more
/// than it has), lower-cased: the key of its group.
#[inline]
fn key_hash(b: &[u8], k: usize) -> u32 {
    let byte = |i: usize| u32::from(b[i].to_ascii_lowercase());
    let n = if k == 3 {
        (byte(0) << 16 | byte(1) << 8 | byte(2)) ^ 0x5bd1_e995
    } else {
        byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3)
    };
    n.wrapping_mul(0x9e37_79b1)
}

/// The length of the key a pattern of three bytes or more is grouped by.
fn key_len(len: u32) -> usize {
    if len == 3 { 3 } else { 4 }
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
    /// lower-cased: the text searched is compared with them the same way.
    pub fn new<I, P>(patterns: I) -> WordStartPatterns
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let mut bytes = Vec::new();
        let mut all = Vec::new();
        for (i, p) in patterns.into_iter().enumerate() {
            let start = offset(bytes.len());
            bytes.extend(p.as_ref().iter().map(u8::to_ascii_lowercase));
            all.push(Pattern {
                start,
                len: offset(bytes.len()) - start,
                index: offset(i),
            });
        }
        let text = |p: &Pattern| &bytes[p.start as usize..(p.start + p.len) as usize];
        let empty = all.iter().filter(|p| p.len == 0).map(|p| p.index).collect();
        let mut short: Vec<Pattern> = all
            .iter()
            .filter(|p| (1..3).contains(&p.len))
            .copied()
            .collect();
        short.sort_unstable_by_key(|p| {
            let t = text(p);
            (t[0], p.len, t.get(1).copied(), p.index)
        });
        let short_from = first_byte_starts(&short, |p| text(p)[0]);
        let long: Vec<Pattern> = all.into_iter().filter(|p| p.len >= 3).collect();
        // Groups enough for about four per pattern: a group holds one pattern or
        // none, most often, however many templates there are, and a word start
        // seldom meets a pattern that only shares its group.
        let bits = (long.len() * 4)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(8, 24);
        let shift = 32 - bits;
        let group = |p: &Pattern| (key_hash(text(p), key_len(p.len)) >> shift) as usize;
        // Each pattern's group worked out once, not at every comparison.
        let mut keyed: Vec<(usize, Pattern)> = long.iter().map(|p| (group(p), *p)).collect();
        keyed.sort_unstable_by_key(|(g, p)| (*g, p.len, p.index));
        let long: Vec<Pattern> = keyed.into_iter().map(|(_, p)| p).collect();
        let mut long_from = vec![0u32; (1 << bits) + 1];
        for p in &long {
            long_from[group(p) + 1] += 1;
        }
        for g in 1..long_from.len() {
            long_from[g] += long_from[g - 1];
        }
        let mut first = vec![false; 256];
        for p in short.iter().chain(&long) {
            let b = bytes[p.start as usize];
            first[usize::from(b)] = true;
            first[usize::from(b.to_ascii_uppercase())] = true;
        }
        let mut threes = vec![0u64; 1024];
        for p in &long {
            let bit = (key_hash(text(p), 3) >> 16) as usize;
            threes[bit / 64] |= 1 << (bit % 64);
        }
        WordStartPatterns {
            threes,
            bytes,
            empty,
            short,
            short_from,
            long,
            long_from,
            shift,
            first,
        }
    }

    /// Every occurrence of every pattern in `text` (compared with its ASCII letters
    /// lower-cased) that starts at its beginning, after a character that is not part
    /// of a word, or just after an apostrophe (a superset of the word starts: the
    /// caller decides). In order of position, the shorter pattern first, then in
    /// the order of the list.
    pub fn find_overlapping_iter<'a>(&'a self, text: &'a str) -> Matches<'a> {
        Matches {
            index: self,
            text,
            next: 0,
            may_start: true,
            start: 0,
            found: Vec::new(),
            given: 0,
        }
    }

    /// The bytes of pattern `p`.
    fn text(&self, p: &Pattern) -> &[u8] {
        &self.bytes[p.start as usize..(p.start + p.len) as usize]
    }

    /// Whether some pattern may begin the text at `at`: a cheap first test, on
    /// the first byte alone.
    #[inline]
    fn may_begin(&self, text: &[u8], at: usize) -> bool {
        !self.empty.is_empty() || text.get(at).is_some_and(|&b| self.first[usize::from(b)])
    }

    /// Whether some pattern of three bytes or more begins with the three bytes
    /// whose hash is `hash3` (false only if none does).
    #[inline]
    fn may_begin_long(&self, hash3: u32) -> bool {
        let bit = (hash3 >> 16) as usize;
        self.threes[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Puts in `found` the patterns that begin `rest` (the text from a word start),
    /// shorter first, then in list order; false when there are none.
    fn begin(&self, rest: &[u8], found: &mut Vec<u32>) -> bool {
        found.clear();
        if !self.empty.is_empty() {
            found.extend_from_slice(&self.empty);
        }
        let Some(&first) = rest.first() else {
            return !found.is_empty();
        };
        let b = usize::from(first.to_ascii_lowercase());
        let shorts = &self.short[self.short_from[b] as usize..self.short_from[b + 1] as usize];
        for p in shorts {
            let second = || rest.get(1).map(u8::to_ascii_lowercase);
            if p.len == 1 || second() == Some(self.bytes[p.start as usize + 1]) {
                found.push(p.index);
            }
        }
        // Patterns of three bytes are grouped by all three, longer ones by their
        // first four: a group's patterns seldom begin with another's bytes.
        if rest.len() < 3 || !self.may_begin_long(key_hash(rest, 3)) {
            return !found.is_empty();
        }
        for k in [3, 4] {
            if rest.len() < k {
                break;
            }
            let g = (key_hash(rest, k) >> self.shift) as usize;
            let group = &self.long[self.long_from[g] as usize..self.long_from[g + 1] as usize];
            for p in group {
                let want = self.text(p);
                let begins = key_len(p.len) == k
                    && rest.len() >= want.len()
                    && rest
                        .iter()
                        .zip(want)
                        .all(|(t, w)| t.to_ascii_lowercase() == *w);
                if begins {
                    found.push(p.index);
                }
            }
        }
        !found.is_empty()
    }
}

/// For each first byte, where its patterns begin in `sorted` (sorted by that
/// byte): 257 entries, the last the length.
fn first_byte_starts(sorted: &[Pattern], first: impl Fn(&Pattern) -> u8) -> Vec<u32> {
    let mut starts = vec![0u32; 257];
    for p in sorted {
        starts[usize::from(first(p)) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    starts
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
    /// The start being given out.
    start: usize,
    /// The patterns found at `start` (indices in the caller's list) ...
    found: Vec<u32>,
    /// ... and how many of them have been given out.
    given: usize,
}

impl Iterator for Matches<'_> {
    type Item = PatternMatch;

    fn next(&mut self) -> Option<PatternMatch> {
        loop {
            if let Some(&pattern) = self.found.get(self.given) {
                self.given += 1;
                return Some(PatternMatch {
                    start: self.start,
                    pattern: pattern as usize,
                });
            }
            if !self.next_start() {
                return None;
            }
        }
    }
}

impl Matches<'_> {
    /// Moves to the next position where a word can start and some pattern begins,
    /// with those patterns in `found`; false at the end.
    fn next_start(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        let index = self.index;
        let (mut next, mut may_start) = (self.next, self.may_start);
        while next <= n {
            let at = next;
            let here = may_start;
            // A word can start after a character that is no letter or digit (an
            // apostrophe is part of a word, but one may open a quote).
            match bytes.get(at) {
                Some(&b) if ASCII_ALNUM[usize::from(b)] => {
                    // No word starts inside a run of ASCII letters and digits.
                    next = at + 1;
                    while next < n && ASCII_ALNUM[usize::from(bytes[next])] {
                        next += 1;
                    }
                    may_start = false;
                }
                Some(&b) if b.is_ascii() => {
                    next = at + 1;
                    may_start = true;
                }
                Some(_) => {
                    let c = self.text[at..].chars().next().expect("a character");
                    next = at + c.len_utf8();
                    may_start = !c.is_alphanumeric();
                }
                None => {
                    next = at + 1;
                    may_start = true;
                }
            }
            if here && index.may_begin(bytes, at) && index.begin(&bytes[at..], &mut self.found) {
                (self.next, self.may_start) = (next, may_start);
                self.start = at;
                self.given = 0;
                return true;
            }
        }
        (self.next, self.may_start) = (next, may_start);
        false
    }
}

/// Whether each byte is an ASCII letter or digit.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::is_word_char;
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

    /// The (start, pattern) pairs found by this index, in the order it gives them,
    /// and those an automaton finds (on the text lower-cased), put in the order the
    /// index promises: by position, then length, then place in the list.
    fn both(patterns: &[&str], text: &str) -> (Found, Found) {
        let lowered: Vec<String> = patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&lowered)
            .unwrap();
        let folded = text.to_ascii_lowercase();
        let mut want: Vec<(usize, usize)> = ac
            .find_overlapping_iter(&folded)
            .filter(|m| may_start_word(text, m.start()))
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        want.sort_unstable_by_key(|&(start, p)| (start, patterns[p].len(), p));
        let index = WordStartPatterns::new(patterns.iter().copied());
        let got: Vec<(usize, usize)> = index
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
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
            let (got, want) = both(&patterns, text);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn seeded_mixes_agree_with_the_automaton() {
        // Short words of few letters, so prefixes, repeats and overlaps are common.
        let alphabet = ["a", "b", "ab", "ba", "é", "'", "B", "’", " ", "-", "1", "A"];
        let mut seed = crate::seeded::Seeded(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| seed.below(n);
        let mut found = 0;
        for round in 0..600 {
            // Now and then many patterns, so that groups are shared.
            let many = if round % 10 == 0 { 200 } else { 8 };
            let patterns: Vec<String> = (0..1 + next(many))
                .map(|_| (0..1 + next(5)).map(|_| alphabet[next(7)]).collect())
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
