//! Telling a person's name from the capitalised words around it.
//!
//! A name is a run of capitalised words that are not common words written with a
//! capital at the start of a sentence ("Even", "Is"), not weekdays or months, not
//! titles (kept apart as the person's title) and not organisation words
//! ("Department"); it never runs across a sentence end (a full stop is allowed only
//! after a title such as "Sen."), and a possessive is not part of it ("Cruz's").
//! A block written in title case (a headline) names nobody: every word is
//! capitalised there.

use crate::extract::Span;
use crate::speakers::lexicon::{ORGANISATION_WORDS, TITLES, is_in};
use crate::words;

/// Capitalised words that are not names (beside stop words, weekdays and months).
const NOT_NAMES: &[&str] = &[
    "even",
    "once",
    "then",
    "when",
    "while",
    "after",
    "before",
    "also",
    "only",
    "just",
    "still",
    "yet",
    "now",
    "here",
    "what",
    "why",
    "how",
    "where",
    "if",
    "we",
    "i",
    "you",
    "he",
    "she",
    "they",
    "our",
    "my",
    "your",
    "mocked",
    "says",
    "said",
    "told",
    "asked",
    "elects",
    "wins",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "press",
];

/// Whether `word` can be part of a person's name.
pub fn is_name_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.starts_with(char::is_uppercase)
        && word.chars().count() > 1
        && !words::is_stopword(&lower)
        && !NOT_NAMES.contains(&lower.as_str())
        && !words::is_calendar_word(word)
        && !is_in(TITLES, &lower)
        && !is_in(ORGANISATION_WORDS, &lower)
}

/// Whether `word` is a title that may stand before a name ("Sen.", "Minister").
pub fn is_title(word: &str) -> bool {
    is_in(TITLES, word.trim_end_matches('.'))
}

/// A name as a rule file writes it: one line, a possessive dropped.
pub fn clean(name: &str) -> String {
    let one: Vec<&str> = name.split_whitespace().collect();
    let joined = one.join(" ");
    joined
        .strip_suffix("'s")
        .or_else(|| joined.strip_suffix("’s"))
        .unwrap_or(&joined)
        .to_string()
}

/// Whether most words of `text` are capitalised (a headline in title case).
pub fn title_case(text: &str) -> bool {
    let (mut capital, mut all) = (0, 0);
    for (_, w) in words::words(text) {
        if w.chars().next().is_some_and(char::is_alphabetic) && w.chars().count() > 3 {
            all += 1;
            if w.starts_with(char::is_uppercase) {
                capital += 1;
            }
        }
    }
    all >= 3 && capital * 10 >= all * 7
}

/// The name words and title words written right before byte `at`, walking back
/// within one sentence: `(start of the name, title words)`.
pub fn extend_back(prose: &str, at: usize) -> (usize, Vec<String>) {
    let mut from = at.saturating_sub(80);
    while !prose.is_char_boundary(from) {
        from += 1;
    }
    let before: Vec<(Span, &str)> = words::words(&prose[from..at])
        .map(|(s, w)| (from + s.start..from + s.end, w))
        .collect();
    let (mut start, mut cursor) = (at, at);
    let mut title: Vec<String> = Vec::new();
    for (span, word) in before.iter().rev() {
        let gap = &prose[span.end..cursor];
        let stop_allowed = is_title(word) || word.chars().count() == 1;
        let gap_ok = gap.chars().all(|c| c == ' ') || (stop_allowed && gap.trim() == ".");
        if !gap_ok || !word.starts_with(char::is_uppercase) {
            break;
        }
        cursor = span.start;
        if is_title(word) {
            title.insert(0, word.to_string());
        } else if title.is_empty() && is_name_word(word) {
            start = span.start;
        } else {
            break;
        }
    }
    (start, title)
}

/// The fullest proper name `prose` gives an organisation that quotations call by
/// its common noun alone ("the ministry" after "Russia's Foreign Ministry" gives
/// "Foreign Ministry"): the capitalised words written before the capitalised noun,
/// within one phrase, not a possessive owner. The form written most often wins,
/// then the longest. `None` when the prose never names it.
pub fn organisation_name(prose: &str, noun: &str) -> Option<String> {
    let mut head = noun.to_lowercase();
    if let Some(first) = head.get(..1) {
        head = first.to_uppercase() + &head[1..];
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (at, _) in prose.match_indices(head.as_str()) {
        let end = at + head.len();
        if !whole_word(prose, at, end) || names_more(&prose[end..]) {
            continue;
        }
        let start = modifiers_before(prose, at);
        if start == at {
            continue;
        }
        let full = clean(&prose[start..end]);
        match seen.iter_mut().find(|(n, _)| *n == full) {
            Some((_, count)) => *count += 1,
            None => seen.push((full, 1)),
        }
    }
    let best = seen
        .iter()
        .enumerate()
        .max_by_key(|(i, (name, count))| (*count, name.len(), std::cmp::Reverse(*i)))?;
    Some(best.1.0.clone())
}

fn whole_word(prose: &str, start: usize, end: usize) -> bool {
    let before = prose[..start].chars().next_back();
    let after = prose[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether a capitalised word follows at once ("Ministry Information Department"
/// names a part of the ministry, not the ministry).
fn names_more(after: &str) -> bool {
    after
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// Where the capitalised modifiers written right before byte `at` start: words
/// joined by single spaces, neither stop words, possessives nor titles.
fn modifiers_before(prose: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(80);
    while !prose.is_char_boundary(from) {
        from += 1;
    }
    let mut start = at;
    let before: Vec<(Span, &str)> = words::words(&prose[from..at]).collect();
    for (span, word) in before.iter().rev() {
        let (span_start, span_end) = (from + span.start, from + span.end);
        let possessive = word.ends_with("'s") || word.ends_with("’s");
        let modifier = word.starts_with(char::is_uppercase)
            && !possessive
            && !words::is_stopword(&word.to_lowercase())
            && !is_title(word);
        if &prose[span_end..start] != " " || !modifier {
            break;
        }
        start = span_start;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_run_back_over_given_names_and_stop_at_what_is_not_a_name() {
        let cases = [
            // (text, where the surname starts, name, title)
            (
                "Prime Minister Irakli Kobakhidze said",
                "Kobakhidze",
                "Irakli Kobakhidze",
                "Prime Minister",
            ),
            ("Sen. Ted Cruz said", "Cruz", "Ted Cruz", "Sen"),
            (
                "on the border with Mexico. Trump said",
                "Trump",
                "Trump",
                "",
            ),
            ("Even Lindsey Graham agreed", "Graham", "Lindsey Graham", ""),
            (
                "the Press Department head Ana Beridze wrote",
                "Beridze",
                "Ana Beridze",
                "",
            ),
            (
                "a café owner, Zoë Ødegård said",
                "Ødegård",
                "Zoë Ødegård",
                "",
            ),
        ];
        for (text, surname, name, title) in cases {
            let at = text.find(surname).unwrap();
            let (start, words) = extend_back(text, at);
            let end = at + surname.len();
            assert_eq!(&text[start..end], name, "{text}");
            assert_eq!(words.join(" "), title, "{text}");
        }
    }

    #[test]
    fn the_window_never_cuts_a_character() {
        let text = format!("{}“Ja,” said Ødegård", "é".repeat(60));
        let at = text.find("Ødegård").unwrap();
        let _ = extend_back(&text, at);
    }

    #[test]
    fn headlines_in_title_case_are_told_from_sentences() {
        assert!(title_case(
            "Wisconsin Elects A Supreme Court Justice Who Once Mocked Gays"
        ));
        assert!(!title_case(
            "The mayor of Riverton said the Bridge Street plan was late."
        ));
    }

    #[test]
    fn possessives_are_not_part_of_a_name() {
        assert_eq!(clean("Ted  Cruz's"), "Ted Cruz");
        assert_eq!(clean("Vander Plaats’s"), "Vander Plaats");
    }

    #[test]
    fn an_organisation_called_by_its_noun_gets_the_name_the_prose_gives_it() {
        let cases = [
            (
                "Comments by Lisbon's Transport Ministry came late. The ministry said no.",
                Some("Transport Ministry"),
            ),
            (
                "The Harbour Port Authority Board met. The Harbour Port Authority said so.",
                Some("Harbour Port Authority"),
            ),
            (
                "The Interior Ministry Press Office wrote. The ministry said no.",
                None,
            ),
            ("The ministry said no. Then the ministry said yes.", None),
            (
                "A National Water Ministry note, and the Water Ministry reply; the Water Ministry again.",
                Some("Water Ministry"),
            ),
        ];
        for (prose, expected) in cases {
            let noun = if prose.contains("Authority") {
                "authority"
            } else {
                "ministry"
            };
            assert_eq!(
                organisation_name(prose, noun).as_deref(),
                expected,
                "{prose}"
            );
        }
    }
}
