//! Statements: sentences that report what a rule's person said. A `statement:` (or
//! `quote:`) rule matches a sentence that attributes words to the rule's person and
//! holds enough of the rule's content words; the date checks then compare the date
//! the sentence gives with the rule's.

use std::collections::HashSet;

use crate::attribution::Attribution;
use crate::document::Document;
use crate::rules::{ClaimKind, RuleSet};
use crate::words;

/// The share of a statement's content words a sentence must hold, unless the rule or
/// the run says otherwise. Chosen on the fixtures: the reported speech of a statement
/// keeps most of its nouns and verbs ("Moscow", "prepared", "normalize", "relations"),
/// while other remarks of the same person share a word or two.
pub const DEFAULT_SIMILARITY: f64 = 0.5;

/// A sentence reporting a rule's statement or quote.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementHit {
    /// Index of the claim in the [`RuleSet`].
    pub claim: usize,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Who the sentence reports, and with which verb.
    pub attribution: Attribution,
    /// The share of the claim's content words found in the sentence.
    pub score: f64,
}

#[derive(Debug, Clone)]
struct Entry {
    claim: usize,
    person: usize,
    words: Vec<String>,
    similarity: f64,
}

/// Every statement and quote rule with a speaker, compiled.
#[derive(Debug, Clone, Default)]
pub struct StatementMatcher {
    entries: Vec<Entry>,
}

impl StatementMatcher {
    /// Compiles the statement and quote rules of `rules`; `similarity` is the run's
    /// default threshold for rules that set none.
    pub fn new(rules: &RuleSet, similarity: f64) -> StatementMatcher {
        let mut entries = Vec::new();
        for (claim, c) in rules.claims.iter().enumerate() {
            let (ClaimKind::Statement(_) | ClaimKind::Quote(_)) = &c.kind else {
                continue;
            };
            let Some(person) =
                c.by.as_ref()
                    .and_then(|id| rules.people.iter().position(|p| &p.id == id))
            else {
                continue;
            };
            // Read when the rules were read (and kept with them in the cache).
            let words = c.content_words.clone();
            if words.is_empty() {
                continue;
            }
            entries.push(Entry {
                claim,
                person,
                words,
                similarity: c.similarity.unwrap_or(similarity),
            });
        }
        entries.sort_by_key(|e| e.claim);
        StatementMatcher { entries }
    }

    /// The sentences of `doc` that report a rule's statement, one hit per claim and
    /// sentence (the best-scoring attribution), in sentence order.
    pub fn hits(&self, doc: &Document, attributions: &[Attribution]) -> Vec<StatementHit> {
        let mut out: Vec<StatementHit> = Vec::new();
        let mut cached: Option<(usize, words::FnvSet<String>)> = None;
        for a in attributions {
            let speakers: Vec<&Entry> = self
                .entries
                .iter()
                .filter(|e| e.person == a.person)
                .collect();
            if speakers.is_empty() {
                continue;
            }
            if cached.as_ref().is_none_or(|(s, _)| *s != a.sentence) {
                let text = &doc.prose[doc.sentences[a.sentence].clone()];
                cached = Some((a.sentence, content_word_set(text)));
            }
            let Some((_, sentence_words)) = &cached else {
                continue;
            };
            for e in speakers {
                let shared = e
                    .words
                    .iter()
                    .filter(|w| sentence_words.contains(*w))
                    .count();
                let score = shared as f64 / e.words.len() as f64;
                if score + 1e-9 < e.similarity {
                    continue;
                }
                match out
                    .iter_mut()
                    .find(|h| h.claim == e.claim && h.sentence == a.sentence)
                {
                    Some(h) if h.score >= score => {}
                    Some(h) => {
                        *h = StatementHit {
                            claim: e.claim,
                            sentence: a.sentence,
                            attribution: a.clone(),
                            score,
                        }
                    }
                    None => out.push(StatementHit {
                        claim: e.claim,
                        sentence: a.sentence,
                        attribution: a.clone(),
                        score,
                    }),
                }
            }
        }
        out.sort_by_key(|h| (h.sentence, h.claim));
        out
    }
}

/// The folded content words of a text: no stopwords, no numbers.
pub fn content_words(text: &str) -> HashSet<String> {
    words::words(text)
        .filter(|(_, w)| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|(_, w)| !words::is_stopword(&w.to_lowercase()))
        .map(|(_, w)| words::fold(w))
        .collect()
}

/// [`content_words`] in a set hashed for short keys: asked only whether it holds
/// a word, once per attributed sentence.
fn content_word_set(text: &str) -> words::FnvSet<String> {
    words::words(text)
        .filter(|(_, w)| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|(_, w)| !words::is_stopword(&w.to_lowercase()))
        .map(|(_, w)| words::fold(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::attributions;
    use crate::people::PeopleFinder;
    use crate::rules;

    const RULES: &str = "people:\n  - id: zakharova\n    name: Maria Zakharova\n  - id: kobakhidze\n    name: Irakli Kobakhidze\nclaims:\n  - id: normalization\n    statement: Moscow is prepared to normalize relations with Georgia as far as Tbilisi is ready\n    by: zakharova\n    date: 2025-12-04\n";

    fn hits(text: &str) -> Vec<(String, f64)> {
        let set = rules::parse(&[("r.yaml".into(), RULES.into())]).unwrap();
        let doc = Document::new("a.txt", text.to_string(), None);
        let people = PeopleFinder::new(&set.people).find(&doc.prose);
        let attributions = attributions(&doc, &people);
        StatementMatcher::new(&set, DEFAULT_SIMILARITY)
            .hits(&doc, &attributions)
            .into_iter()
            .map(|h| {
                (
                    doc.text[doc.sentences[h.sentence].clone()].to_string(),
                    (h.score * 100.0).round() / 100.0,
                )
            })
            .collect()
    }

    #[test]
    fn reported_speech_in_other_words_matches() {
        let got = hits(
            "Maria Zakharova said Moscow was prepared to normalise relations with Georgia as far as Tbilisi was ready.",
        );
        assert_eq!(got.len(), 1);
        assert!(got[0].1 >= 0.8, "{got:?}");
    }

    #[test]
    fn the_wrong_speaker_or_too_few_words_do_not() {
        assert!(
            hits("Irakli Kobakhidze said Moscow is prepared to normalize relations with Georgia.")
                .is_empty()
        );
        assert!(hits("Maria Zakharova said the weather in Moscow was fine.").is_empty());
    }

    #[test]
    fn the_matching_set_holds_the_content_words() {
        for text in [
            "Moscow is prepared to normalise relations, she said in 2024.",
            "The Mayor's office TOOK the 12 votes of Tbilisi's council.",
            "",
        ] {
            let mut want: Vec<String> = content_words(text).into_iter().collect();
            let mut got: Vec<String> = content_word_set(text).into_iter().collect();
            want.sort();
            got.sort();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_pronoun_carries_the_speaker() {
        let got = hits(
            "Maria Zakharova spoke on Thursday. Moscow is ready to normalize relations with Georgia as far as Tbilisi is prepared, she said.",
        );
        assert_eq!(got.len(), 1);
    }
}
