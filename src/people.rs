//! People: the rule files' people found in text, by name, alias, and (once the full
//! name has appeared) by surname alone.
//!
//! A desk's people are a few hundred short names at most, so they are found without
//! an automaton: the names are grouped by their first byte, longest first, and a
//! position is looked at only when its first two bytes begin some name (one bit per
//! pair of bytes). The search reads the text as a leftmost-longest automaton would:
//! the earliest name wins, the longest of those that start there, the first written
//! of equal ones, and the search goes on after it, ASCII letters matched in either
//! case. Building is one sort instead of a trie with failure links (about a tenth of
//! a short run's start-up). A run that searches more than [`AUTOMATON_AFTER`]
//! bytes (an archive) builds the leftmost-longest automaton after all, as a DFA,
//! and finds the rest with it, whichever way it read before: the same names,
//! faster per byte.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::extract::Span;
use crate::rules::Person;
use crate::words::{is_ascii_word_byte, is_word_char};

/// A person named in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// Index of the person in the rule set's `people`.
    pub person: usize,
    /// Where the name is written.
    pub span: Span,
    /// Whether this is the surname alone, found only after the full name appeared.
    pub surname_only: bool,
}

/// The people of a rule set, ready to be found in text.
#[derive(Debug, Clone, Default)]
pub struct PeopleFinder {
    /// The names to find, in the order added (names and aliases, then surnames).
    names: Vec<String>,
    /// For each name: the person, and whether it is a surname that counts only
    /// after the person's full name or an alias has appeared.
    patterns: Vec<(usize, bool)>,
    /// The names as (their first two bytes lower-cased, index in `names`), sorted
    /// by those bytes (a name of one byte has 0 for its second), each pair's names
    /// longest first, then in the order added.
    by_pair: Vec<(u16, u32)>,
    /// A place is looked at only if its first three bytes, lower-cased, may begin
    /// a name of three bytes or more (one bit per hash of three bytes, 65,536
    /// bits) ...
    trigrams: Vec<u64>,
    /// ... or its first byte, lower-cased, begins a name of one or two bytes.
    short: Vec<bool>,
    /// How many bytes this finder (and its clones) have searched: past
    /// `automaton_after`, the names are found by an automaton instead, built then,
    /// which costs about a tenth of a short run to build but searches an archive
    /// faster. Both find the same names.
    searched: Arc<AtomicUsize>,
    /// See `searched`: [`AUTOMATON_AFTER`], but in tests.
    automaton_after: usize,
    /// The automaton, once built (`None` when there are no names).
    automaton: Arc<OnceLock<Option<AhoCorasick>>>,
    /// Whether every name starts with a word character, so that the text is read
    /// a word at a time (see [`PeopleFinder::next_name_by_words`]); else a byte at
    /// a time. Either way by the automaton past `automaton_after`.
    by_words: bool,
    /// For the names that hold a character that is no word character (a space,
    /// a hyphen): the last three bytes of their first word, lower-cased, as bits
    /// of [`trigram`] ...
    head_ends3: Vec<u64>,
    /// ... the last two, for first words of two bytes ...
    head_ends2: Vec<u16>,
    /// ... and the one byte of first words of one byte.
    head_ends1: Vec<u8>,
}

/// How many bytes are searched without an automaton (a draft, a few articles)
/// before one is built for the rest of the run.
const AUTOMATON_AFTER: usize = 256 * 1024;

/// The first two bytes of a name or of the text at some place, lower-cased, as
/// one number.
fn pair(a: u8, b: u8) -> u16 {
    u16::from(a.to_ascii_lowercase()) << 8 | u16::from(b.to_ascii_lowercase())
}

/// The bit of [`PeopleFinder::trigrams`] for three bytes, lower-cased.
fn trigram(a: u8, b: u8, c: u8) -> usize {
    let n = u32::from(pair(a, b)) << 8 | u32::from(c.to_ascii_lowercase());
    (n.wrapping_mul(0x9e37_79b1) >> 16) as usize
}

impl PeopleFinder {
    /// Compiles names, aliases and surnames. Apostrophes in names are matched in both
    /// their straight and curly forms.
    pub fn new(people: &[Person]) -> PeopleFinder {
        let (names, patterns) = name_list(people);
        let mut by_pair = Vec::with_capacity(names.len());
        let mut trigrams = vec![0u64; 1 << 10];
        let mut short = vec![false; 256];
        for (i, name) in names.iter().enumerate() {
            let name = name.as_bytes();
            match *name {
                [a, b, c, ..] => {
                    let bit = trigram(a, b, c);
                    trigrams[bit / 64] |= 1 << (bit % 64);
                }
                [a, ..] => short[usize::from(a.to_ascii_lowercase())] = true,
                [] => continue,
            }
            let key = pair(name[0], name.get(1).copied().unwrap_or(0));
            by_pair.push((key, i as u32));
        }
        by_pair
            .sort_unstable_by_key(|&(key, i)| (key, std::cmp::Reverse(names[i as usize].len()), i));
        let by_words = names
            .iter()
            .all(|n| n.chars().next().is_some_and(is_word_char));
        let (head_ends3, head_ends2, head_ends1) = head_ends(&names);
        PeopleFinder {
            by_words,
            head_ends3,
            head_ends2,
            head_ends1,
            names,
            patterns,
            by_pair,
            trigrams,
            short,
            searched: Arc::default(),
            automaton_after: AUTOMATON_AFTER,
            automaton: Arc::default(),
        }
    }

    /// Every person named in `prose`, in order. A surname alone counts only after the
    /// person's full name or an alias has appeared earlier in the text.
    pub fn find(&self, prose: &str) -> Vec<PersonMention> {
        let before = self.searched.fetch_add(prose.len(), Ordering::Relaxed);
        if before < self.automaton_after && self.by_words {
            let mut at = 0;
            let names = std::iter::from_fn(|| {
                let found = self.next_name_by_words(prose, at)?;
                at = found.1;
                Some(found)
            });
            return self.mentions(prose, names);
        }
        if before < self.automaton_after {
            let mut at = 0;
            let names = std::iter::from_fn(|| {
                let found = self.next_name(prose.as_bytes(), at)?;
                at = found.1;
                Some(found)
            });
            return self.mentions(prose, names);
        }
        match self.automaton.get_or_init(|| automaton(&self.names)) {
            Some(automaton) => {
                let names = automaton
                    .find_iter(prose)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()));
                self.mentions(prose, names)
            }
            None => Vec::new(),
        }
    }

    /// The mentions that `names` (start, end, index in `names`, in order, as a
    /// leftmost-longest search gives them) make: whole words only, and a surname
    /// alone only after the person's full name or an alias.
    fn mentions(
        &self,
        prose: &str,
        names: impl Iterator<Item = (usize, usize, usize)>,
    ) -> Vec<PersonMention> {
        let mut seen: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for (start, end, name) in names {
            if !whole_words(prose, start, end) {
                continue;
            }
            let (person, surname) = self.patterns[name];
            if surname && !seen.contains(&person) {
                continue;
            }
            if !surname && !seen.contains(&person) {
                seen.push(person);
            }
            out.push(PersonMention {
                person,
                span: start..end,
                surname_only: surname,
            });
        }
        out
    }

    /// The first name written in `text` from `from` on, as (start, end, index in
    /// `names`): the leftmost, and of those the longest.
    fn next_name(&self, text: &[u8], from: usize) -> Option<(usize, usize, usize)> {
        if self.names.is_empty() {
            return None;
        }
        (from..text.len()).find_map(|start| self.candidate_at(text, start))
    }

    /// The longest name written at `start`, looked for only if the bytes there
    /// may begin one.
    fn candidate_at(&self, text: &[u8], start: usize) -> Option<(usize, usize, usize)> {
        let b = text[start];
        let long = match text.get(start + 1..start + 3) {
            Some(&[c, d]) => {
                let bit = trigram(b, c, d);
                self.trigrams[bit / 64] >> (bit % 64) & 1 == 1
            }
            _ => false,
        };
        if !long && !self.short[usize::from(b.to_ascii_lowercase())] {
            return None;
        }
        self.name_at(text, start)
    }

    /// [`PeopleFinder::next_name`] read a word at a time, for names that all start
    /// with a word character. A name is looked for at the start of every word, as
    /// before. A name starting inside a word is no mention, but the search goes on
    /// after it, so one that runs past the word's end hides the names it overlaps;
    /// such a name's first word ends where the text's word ends, so the places
    /// inside a word are looked at only when the word ends as the first word of
    /// some name of several words does. What this leaves out (names starting and
    /// ending inside one word) is no mention and hides none.
    fn next_name_by_words(&self, text: &str, from: usize) -> Option<(usize, usize, usize)> {
        if self.names.is_empty() {
            return None;
        }
        let bytes = text.as_bytes();
        let mut at = from;
        while let Some(start) = word_start(text, at) {
            let end = word_end(text, start);
            let mut inside = start;
            if !word_char_before(text, start) {
                if let Some(found) = self.candidate_at(bytes, start) {
                    return Some(found);
                }
                inside = start + 1;
            }
            if inside < end
                && self.may_end_a_first_word(bytes, end)
                && let Some(found) = (inside..end).find_map(|s| self.candidate_at(bytes, s))
            {
                return Some(found);
            }
            at = end;
        }
        None
    }

    /// Whether `text[..end]` may end with the first word of a name of several
    /// words, ASCII case ignored.
    fn may_end_a_first_word(&self, text: &[u8], end: usize) -> bool {
        let three = end >= 3 && {
            let bit = trigram(text[end - 3], text[end - 2], text[end - 1]);
            self.head_ends3[bit / 64] >> (bit % 64) & 1 == 1
        };
        three
            || (end >= 2
                && self
                    .head_ends2
                    .contains(&pair(text[end - 2], text[end - 1])))
            || (end >= 1
                && self
                    .head_ends1
                    .contains(&text[end - 1].to_ascii_lowercase()))
    }

    /// The longest name written at `start` of `text`, if any.
    fn name_at(&self, text: &[u8], start: usize) -> Option<(usize, usize, usize)> {
        let b = text[start];
        // Names of two bytes or more, then of one (second byte 0): both groups.
        let keys = [text.get(start + 1).map(|&c| pair(b, c)), Some(pair(b, 0))];
        for key in keys.into_iter().flatten() {
            let from = self.by_pair.partition_point(|&(k, _)| k < key);
            for &(k, i) in &self.by_pair[from..] {
                if k != key {
                    break;
                }
                let name = self.names[i as usize].as_bytes();
                let end = start + name.len();
                if text
                    .get(start..end)
                    .is_some_and(|t| t.eq_ignore_ascii_case(name))
                {
                    return Some((start, end, i as usize));
                }
            }
        }
        None
    }
}

/// The first words of the names that hold a character that is no word character,
/// by their ends, for [`PeopleFinder::may_end_a_first_word`]: the bits of their
/// last three bytes' trigrams, and the first words of two bytes and of one,
/// lower-cased.
fn head_ends(names: &[String]) -> (Vec<u64>, Vec<u16>, Vec<u8>) {
    let mut three = vec![0u64; 1 << 10];
    let mut two = Vec::new();
    let mut one = Vec::new();
    for name in names {
        let Some(k) = name.find(|c: char| !is_word_char(c)) else {
            continue;
        };
        match name.as_bytes()[..k] {
            [.., a, b, c] => {
                let bit = trigram(a, b, c);
                three[bit / 64] |= 1 << (bit % 64);
            }
            [a, b] => two.push(pair(a, b)),
            [a] => one.push(a.to_ascii_lowercase()),
            [] => {}
        }
    }
    (three, two, one)
}

/// The first byte at or after `at` that starts a word character, if any.
fn word_start(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if is_ascii_word_byte(b) {
                return Some(at);
            }
            at += 1;
        } else {
            let c = text[at..].chars().next()?;
            if is_word_char(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// Where the run of word characters starting at `start` ends.
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if !is_ascii_word_byte(b) {
                break;
            }
            at += 1;
        } else {
            match text[at..].chars().next() {
                Some(c) if is_word_char(c) => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

/// Whether the character before byte `at` (a character boundary) is a word
/// character.
fn word_char_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(is_word_char)
}

/// The names' leftmost-longest automaton, ASCII case ignored; `None` for no names.
fn automaton(names: &[String]) -> Option<AhoCorasick> {
    (!names.is_empty()).then(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // Built only past `AUTOMATON_AFTER` bytes (an archive): a DFA costs
            // about four times the NFA to build (8e6 instructions on a desk's 120
            // names) but searches at about 19 instructions a byte, against 43 for
            // the NFA and about 36 for reading a word at a time.
            .kind(Some(AhoCorasickKind::DFA))
            .build(names)
            .expect("names are short literals")
    })
}

/// The names to find and, for each, its person and whether it is a surname: every
/// name and alias in both apostrophes, then the surnames (last, so a full name or
/// alias takes precedence when both match), each text once.
fn name_list(people: &[Person]) -> (Vec<String>, Vec<(usize, bool)>) {
    let mut texts: Vec<String> = Vec::new();
    let mut patterns = Vec::new();
    let mut add = |text: &str, person: usize, surname: bool| {
        for variant in [text.replace('’', "'"), text.replace('\'', "’")] {
            let variant = variant.trim().to_string();
            if !variant.is_empty() && !texts.contains(&variant) {
                texts.push(variant);
                patterns.push((person, surname));
            }
        }
    };
    for (i, p) in people.iter().enumerate() {
        add(&p.name, i, false);
        for a in &p.aliases {
            add(a, i, false);
        }
    }
    for (i, p) in people.iter().enumerate() {
        let words: Vec<&str> = p.name.split_whitespace().collect();
        if let [_, .., last] = words.as_slice() {
            let taken = p.aliases.iter().any(|a| a.eq_ignore_ascii_case(last));
            if !taken && last.chars().count() > 2 {
                add(last, i, true);
            }
        }
    }
    (texts, patterns)
}

/// Whether `start..end` of `prose` is whole words: no word character just before,
/// and none just after but a possessive ("Kobakhidze's" still names the person).
fn whole_words(prose: &str, start: usize, end: usize) -> bool {
    let before = prose[..start].chars().next_back();
    let after = prose[end..].chars().next();
    let after_ok = match after {
        Some('\'' | '’') => prose[end..]
            .chars()
            .nth(1)
            .is_none_or(|c| c == 's' || !c.is_alphanumeric()),
        Some(c) => !is_word_char(c),
        None => true,
    };
    !before.is_some_and(is_word_char) && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Vec<Person> {
        vec![
            Person {
                id: "k".into(),
                name: "Irakli Kobakhidze".into(),
                aliases: vec!["Georgian prime minister".into()],
            },
            Person {
                id: "z".into(),
                name: "Maria Zakharova".into(),
                aliases: vec![],
            },
            Person {
                id: "m".into(),
                name: "Russian Foreign Ministry".into(),
                aliases: vec!["Russia's Foreign Ministry".into()],
            },
        ]
    }

    fn found(text: &str) -> Vec<(usize, &str, bool)> {
        PeopleFinder::new(&people())
            .find(text)
            .into_iter()
            .map(|m| (m.person, &text[m.span], m.surname_only))
            .collect()
    }

    #[test]
    fn names_aliases_and_titles() {
        assert_eq!(
            found(
                "Prime Minister Irakli Kobakhidze spoke; the Georgian Prime Minister added more."
            ),
            [
                (0, "Irakli Kobakhidze", false),
                (0, "Georgian Prime Minister", false)
            ]
        );
        assert_eq!(
            found("spokesperson Maria Zakharova said"),
            [(1, "Maria Zakharova", false)]
        );
    }

    #[test]
    fn surname_alone_only_after_the_full_name() {
        assert_eq!(found("Zakharova spoke first."), []);
        assert_eq!(
            found("Maria Zakharova spoke. Later Zakharova's office added a note."),
            [(1, "Maria Zakharova", false), (1, "Zakharova", true)]
        );
    }

    #[test]
    fn whole_words_and_both_apostrophes() {
        assert_eq!(found("Zakharovas and MariaZakharova"), []);
        assert_eq!(
            found("Russia’s Foreign Ministry said"),
            [(2, "Russia’s Foreign Ministry", false)]
        );
        assert_eq!(
            found("Russia's Foreign Ministry spoke. The ministry added."),
            [
                (2, "Russia's Foreign Ministry", false),
                (2, "ministry", true)
            ]
        );
    }

    /// The search as it was before: a leftmost-longest Aho-Corasick automaton over
    /// the same names, ASCII case ignored, with the same whole-word test.
    fn by_automaton(people: &[Person], prose: &str) -> Vec<PersonMention> {
        use aho_corasick::{AhoCorasickBuilder, MatchKind};
        let (names, patterns) = name_list(people);
        if names.is_empty() {
            return Vec::new();
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .unwrap();
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for m in automaton.find_iter(prose) {
            if !whole_words(prose, m.start(), m.end()) {
                continue;
            }
            let (person, surname) = patterns[m.pattern().as_usize()];
            if surname && !seen.contains(&person) {
                continue;
            }
            if !surname && !seen.contains(&person) {
                seen.push(person);
            }
            out.push(PersonMention {
                person,
                span: m.range(),
                surname_only: surname,
            });
        }
        out
    }

    use crate::seeded::Seeded as Rng;

    impl Rng {
        /// One of `from`, picked by the next state.
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.draw() as usize % from.len()]
        }
    }

    fn person(id: &str, name: &str, aliases: &[&str]) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn overlapping_and_nested_names_read_as_the_automaton_did() {
        // Names that share heads, nest, differ only in case, hold curly
        // apostrophes or non-ASCII letters, and a one-letter alias.
        let ps = vec![
            person("a", "Ana Ruiz", &["Ana", "Ruiz-Ortega"]),
            person("b", "Ana Ruiz Ortega", &["ruiz"]),
            person("c", "Dara O'Neill", &["O’Neill", "X"]),
            person("d", "Émile Zoé", &["ÉMILE"]),
            person("e", "Port Authority", &["the port", "PORT"]),
            person("f", "Li Na", &[]),
        ];
        let cases = [
            "Ana Ruiz Ortega spoke before Ana Ruiz did; Ruiz-Ortega and ruiz agreed.",
            "Dara O’Neill, then O'Neill's aide, and X said so; Xavier did not.",
            "Émile Zoé and ÉMILE, then émile, then Zoé's note.",
            "The port said the Port Authority's PORT plan, the portal aside.",
            "Li Na, Li, Na, LiNa and li na.",
            "AnaAna Ruiz Ortegas Ruiz",
        ];
        let at_once = PeopleFinder {
            automaton_after: 0,
            by_words: false,
            ..PeopleFinder::new(&ps)
        };
        let by_bytes = PeopleFinder {
            automaton_after: usize::MAX,
            by_words: false,
            ..PeopleFinder::new(&ps)
        };
        let words_at_once = PeopleFinder {
            automaton_after: 0,
            ..PeopleFinder::new(&ps)
        };
        assert!(PeopleFinder::new(&ps).by_words);
        assert!(words_at_once.by_words);
        for text in cases {
            assert_eq!(
                PeopleFinder::new(&ps).find(text),
                by_automaton(&ps, text),
                "{text}"
            );
            assert_eq!(at_once.find(text), by_automaton(&ps, text), "{text}");
            assert_eq!(words_at_once.find(text), by_automaton(&ps, text), "{text}");
            assert_eq!(by_bytes.find(text), by_automaton(&ps, text), "{text}");
        }
    }

    #[test]
    fn seeded_mixes_read_as_the_automaton_did() {
        let ps = vec![
            person("a", "Ana Ruiz", &["Ana", "Ruiz-Ortega"]),
            person("b", "Ana Ruiz Ortega", &["ruiz"]),
            person("c", "Dara O'Neill", &["O’Neill", "X"]),
            person("d", "Émile Zoé", &["ÉMILE"]),
            person("e", "Port Authority", &["the port"]),
            person("g", "Maria Zakharova", &[]),
            person("h", "Li Na", &["Na"]),
            person("i", "X Ray", &["Na-Li", "O'Neill Dara"]),
        ];
        let pieces = [
            "Ana",
            "ana",
            "Ruiz",
            "RUIZ",
            "Ortega",
            "-",
            "Ruiz-Ortega",
            "Dara",
            "O'Neill",
            "O’Neill",
            "'s",
            "’s",
            "X",
            "x",
            "Émile",
            "émile",
            "Zoé",
            "Port",
            "port",
            "Authority",
            "the",
            "Maria",
            "Zakharova",
            "Zakharovas",
            " ",
            " ",
            " ",
            ", ",
            ". ",
            "\u{201c}",
            "\u{201d}",
            "said",
            "42",
            "_",
            "é",
            "\u{a0}",
            "Li",
            "Na",
            "na",
            "N",
            "Ray",
            "Dara",
            "AnaRuiz",
            "xli",
            "'",
            "\u{2019}",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        // One finder that never builds its automaton, one that builds it after
        // a few texts, both used for every text.
        let sorted = PeopleFinder {
            automaton_after: usize::MAX,
            by_words: false,
            ..PeopleFinder::new(&ps)
        };
        let switching = PeopleFinder {
            automaton_after: 4000,
            by_words: false,
            ..PeopleFinder::new(&ps)
        };
        // And the reading a word at a time, which every one of these names allows,
        // alone and switching to the automaton.
        let by_words = PeopleFinder::new(&ps);
        assert!(by_words.by_words);
        let words_then_automaton = PeopleFinder {
            automaton_after: 4000,
            ..PeopleFinder::new(&ps)
        };
        for _ in 0..6000 {
            let n = 1 + rng.draw() as usize % 16;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            let expected = by_automaton(&ps, &text);
            assert_eq!(sorted.find(&text), expected, "{text:?}");
            assert_eq!(switching.find(&text), expected, "{text:?}");
            assert_eq!(by_words.find(&text), expected, "{text:?}");
            assert_eq!(words_then_automaton.find(&text), expected, "{text:?}");
        }
        for used in [&switching, &words_then_automaton] {
            assert!(used.automaton.get().is_some(), "the automaton was used");
        }
        assert!(sorted.automaton.get().is_none());
        assert!(by_words.automaton.get().is_none());
    }

    #[test]
    fn a_name_opening_with_no_word_character_is_read_a_byte_at_a_time() {
        let ps = vec![
            person("a", "(Ana) Ruiz", &["Ruiz"]),
            person("b", "Li Na", &[]),
        ];
        let finder = PeopleFinder::new(&ps);
        assert!(!finder.by_words);
        for text in [
            "x(Ana) Ruiz and (Ana) Ruiz",
            "Li Na, then Ruiz",
            "xLi Na Ruiz",
        ] {
            assert_eq!(finder.find(text), by_automaton(&ps, text), "{text}");
        }
    }

    #[test]
    fn no_people_find_nothing() {
        assert_eq!(PeopleFinder::new(&[]).find("Ana Ruiz said so."), []);
        let at_once = PeopleFinder {
            automaton_after: 0,
            ..PeopleFinder::new(&[])
        };
        assert_eq!(at_once.find("Ana Ruiz said so."), []);
    }
}
