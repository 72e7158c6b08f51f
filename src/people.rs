//! People: the rule files' people found in text, by name, alias, and (once the full
//! name has appeared) by surname alone.

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

/// The people of a rule set, compiled into one automaton.
#[derive(Debug, Clone)]
pub struct PeopleFinder {
    automaton: Option<AhoCorasick>,
    /// For each pattern: the person, and whether it is a surname that counts only
    /// after the person's full name or an alias has appeared.
    patterns: Vec<(usize, bool)>,
}

impl PeopleFinder {
    /// Compiles names, aliases and surnames. Apostrophes in names are matched in both
    /// their straight and curly forms.
    pub fn new(people: &[Person]) -> PeopleFinder {
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
        // Surnames last, so a full name or alias takes precedence when both match.
        for (i, p) in people.iter().enumerate() {
            let words: Vec<&str> = p.name.split_whitespace().collect();
            if let [_, .., last] = words.as_slice() {
                let taken = p.aliases.iter().any(|a| a.eq_ignore_ascii_case(last));
                if !taken && last.chars().count() > 2 {
                    add(last, i, true);
                }
            }
        }
        let automaton = (!texts.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                // A few hundred short names: the plain NFA, without copying it
                // into a contiguous one, builds faster than the search would gain.
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .build(&texts)
                .expect("names are short literals")
        });
        PeopleFinder {
            automaton,
            patterns,
        }
    }

    /// Every person named in `prose`, in order. A surname alone counts only after the
    /// person's full name or an alias has appeared earlier in the text.
    pub fn find(&self, prose: &str) -> Vec<PersonMention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut seen: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for m in automaton.find_iter(prose) {
            let (start, end) = (m.start(), m.end());
            let before = prose[..start].chars().next_back();
            let after = prose[end..].chars().next();
            // Whole words only; a possessive ("Kobakhidze's") still names the person.
            let after_ok = match after {
                Some('\'' | '’') => prose[end..]
                    .chars()
                    .nth(1)
                    .is_none_or(|c| c == 's' || !c.is_alphanumeric()),
                Some(c) => !is_word_char(c),
                None => true,
            };
            if before.is_some_and(is_word_char) || !after_ok {
                continue;
            }
            let (person, surname) = self.patterns[m.pattern().as_usize()];
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
}
