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
//! bytes (an archive) builds the leftmost-longest automaton after all and finds
//! the rest with it: the same names, faster per byte.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::extract::Span;
use crate::rules::Person;
use crate::words::is_word_char;

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
        PeopleFinder {
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
        for start in from..text.len() {
            let b = text[start];
            let long = match text.get(start + 1..start + 3) {
                Some(&[c, d]) => {
                    let bit = trigram(b, c, d);
                    self.trigrams[bit / 64] >> (bit % 64) & 1 == 1
                }
                _ => false,
            };
            if !long && !self.short[usize::from(b.to_ascii_lowercase())] {
                continue;
            }
            if let Some(found) = self.name_at(text, start) {
                return Some(found);
            }
        }
        None
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

/// The names' leftmost-longest automaton, ASCII case ignored; `None` for no names.
fn automaton(names: &[String]) -> Option<AhoCorasick> {
    (!names.is_empty()).then(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A few hundred short names: the plain NFA, without copying it into a
            // contiguous one, builds faster than the search would gain.
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
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

    /// A small deterministic generator (xorshift), so the mixes are the same on
    /// every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.next() as usize % from.len()]
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
            ..PeopleFinder::new(&ps)
        };
        for text in cases {
            assert_eq!(
                PeopleFinder::new(&ps).find(text),
                by_automaton(&ps, text),
                "{text}"
            );
            assert_eq!(at_once.find(text), by_automaton(&ps, text), "{text}");
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
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        // One finder that never builds its automaton, one that builds it after
        // a few texts, both used for every text.
        let sorted = PeopleFinder {
            automaton_after: usize::MAX,
            ..PeopleFinder::new(&ps)
        };
        let switching = PeopleFinder {
            automaton_after: 4000,
            ..PeopleFinder::new(&ps)
        };
        for _ in 0..3000 {
            let n = 1 + rng.next() as usize % 16;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            let expected = by_automaton(&ps, &text);
            assert_eq!(sorted.find(&text), expected, "{text:?}");
            assert_eq!(switching.find(&text), expected, "{text:?}");
        }
        assert!(
            switching.automaton.get().is_some(),
            "the automaton was used"
        );
        assert!(sorted.automaton.get().is_none());
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
