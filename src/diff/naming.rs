//! Names for what `diff` pairs, as an editor would say them: who speaks a
//! quotation ("Kobakhidze", "the ministry") even when no rule lists the person, and
//! what a figure counts ("the share of territory", "trade").
//!
//! A speaker is the name next to the reporting verb nearest the quotation in its
//! sentence, outside every quotation: a run of capitalised words just before the
//! verb ("Kobakhidze told"), or "the" and a noun ("the ministry said"), or a name just
//! after it ("said Zakharova"). The rule set's people, when there are any, are found
//! the way `check` finds them ([`crate::attribution`], [`crate::quotes::speaker`]).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::extract::quote::Quotation;
use crate::extract::{Quantity, QuantityKind};
use crate::words;

/// Reporting verbs. Passive "as reported by" and "according to" name a channel more
/// often than the speaker in news copy, so they are left out.
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:said|says|told|tells|added|adds|reiterated|stated|noted|emphasi[sz]ed|stressed|insisted|remarked|explained|declared|announced|warned|argued|claimed|replied|wrote|asserted|acknowledged|confirmed|urged|maintained|commented|observed|concluded|called|calling|described|describing|termed|branded|dubbed)\b",
    )
    .expect("valid regex")
});

/// Words that start a sentence or a clause and are capitalised without naming anyone.
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "But", "And", "In",
    "On", "At", "As", "Mr", "Ms", "Mrs", "Dr",
];

/// Who says the quotation `q` of `doc`, as the text names them, or `None`.
/// `quoted` are all the document's quotations (names inside them do not count).
pub fn speaker(doc: &Document, q: &Quotation, quoted: &[Quotation]) -> Option<String> {
    let prose = doc.prose.as_str();
    let first = doc.sentence_at(q.span.start)?;
    let last = doc
        .sentence_at(q.span.end.saturating_sub(1))
        .unwrap_or(first)
        .max(first);
    let around = doc.sentences[first].start..doc.sentences[last].end;
    let inside = |at: usize| quoted.iter().any(|x| x.span.start <= at && at < x.span.end);
    let mut verbs: Vec<Range<usize>> = VERB
        .find_iter(&prose[around.clone()])
        .map(|m| around.start + m.start()..around.start + m.end())
        .filter(|v| !inside(v.start))
        .collect();
    let distance = |v: &Range<usize>| {
        if v.start >= q.span.end {
            v.start - q.span.end
        } else {
            q.span.start.saturating_sub(v.end)
        }
    };
    verbs.sort_by_key(distance);
    verbs.iter().find_map(|v| {
        name_before(prose, around.start, v.start).or_else(|| name_after(prose, v.end, around.end))
    })
}

/// The words of `prose[from..to]` as (span, word), skipping punctuation.
fn words_in(prose: &str, from: usize, to: usize) -> Vec<(Range<usize>, &str)> {
    words::words(&prose[from..to])
        .map(|(s, w)| (from + s.start..from + s.end, w))
        .collect()
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&w)
}

/// Only spaces between two byte offsets: the words are next to each other.
fn adjacent(prose: &str, a: usize, b: usize) -> bool {
    prose
        .get(a..b)
        .is_some_and(|s| s.chars().all(char::is_whitespace))
}

/// A name ending just before the verb at `verb`: capitalised words, or "the" and a
/// noun ("the ministry").
fn name_before(prose: &str, floor: usize, verb: usize) -> Option<String> {
    let ws = words_in(prose, floor, verb);
    let (last_span, last) = ws.last()?;
    if !adjacent(prose, last_span.end, verb) {
        return None;
    }
    if capitalised(last) {
        let mut start = ws.len() - 1;
        while start > 0
            && capitalised(ws[start - 1].1)
            && adjacent(prose, ws[start - 1].0.end, ws[start].0.start)
        {
            start -= 1;
        }
        return Some(
            ws[start..]
                .iter()
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    // "the" and up to three nouns: "the ministry", "the port authority".
    let mut start = ws.len() - 1;
    while start > 0 && ws.len() - start <= 3 {
        let w = ws[start - 1].1;
        if w.eq_ignore_ascii_case("the") {
            let nouns: Vec<String> = ws[start..].iter().map(|(_, w)| w.to_lowercase()).collect();
            return nouns
                .iter()
                .all(|n| !words::is_stopword(n))
                .then(|| format!("the {}", nouns.join(" ")));
        }
        if words::is_stopword(&w.to_lowercase()) || capitalised(w) {
            return None;
        }
        start -= 1;
    }
    None
}

/// A name just after the verb ("said Zakharova").
fn name_after(prose: &str, verb_end: usize, ceiling: usize) -> Option<String> {
    let ws = words_in(prose, verb_end, ceiling);
    let mut names = Vec::new();
    let mut end = verb_end;
    for (span, w) in &ws {
        if !adjacent(prose, end, span.start) || !capitalised(w) {
            break;
        }
        names.push(*w);
        end = span.end;
    }
    (!names.is_empty()).then(|| names.join(" "))
}

/// The key two speakers are compared by: the last word of the name, folded, so
/// "Irakli Kobakhidze" and "Kobakhidze", "The ministry" and "the ministry" agree.
pub fn speaker_key(name: &str) -> String {
    name.split_whitespace()
        .last()
        .map(words::fold)
        .unwrap_or_default()
}

/// Hedge words a figure's text leaves out but a reader says with it.
const HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "some",
    "over",
    "under",
    "more than",
    "less than",
    "close to",
    "just under",
    "just over",
    "at least",
    "up to",
];

/// The figure as an editor reads it aloud: its words with the hedge before them
/// ("about 20%").
pub fn figure_words(doc: &Document, q: &Quantity) -> String {
    let text = doc.text[q.span.clone()].trim();
    if q.hedge.is_none() {
        return text.to_string();
    }
    let before = doc.text[..q.span.start].trim_end().to_lowercase();
    HEDGES
        .iter()
        .filter(|h| before.ends_with(*h))
        .max_by_key(|h| h.len())
        .map_or_else(|| text.to_string(), |h| format!("{h} {text}"))
}

/// What a figure counts, for a pair of figures, the way an editor names it: a
/// count by its unit ("the number of jobs"), a share by the words after "of" ("the
/// share of Georgia's territory": the phrase's possessor and its last word, the
/// head of an English noun phrase), a change or an amount by its sentence's first
/// words that the other sentence shares ("the change in bilateral trade"), a year by
/// the word after it ("the year of the war").
pub fn figure_name(doc: &Document, q: &Quantity, shared: &HashSet<String>) -> String {
    let subject = || subject(doc, q, shared);
    let named = match &q.kind {
        QuantityKind::Count { unit } => Some(format!("the number of {unit}s")),
        QuantityKind::Year => next_word(doc, q).map(|w| format!("the year of the {w}")),
        _ if q.direction.is_some() => subject().map(|s| format!("the change in {s}")),
        QuantityKind::Percent | QuantityKind::Fraction => of_phrase(doc, q)
            .map(|w| format!("the share of {w}"))
            .or_else(|| subject().map(|s| format!("the share of {s}"))),
        _ => of_phrase(doc, q).or_else(subject),
    };
    named.unwrap_or_else(|| match q.kind {
        QuantityKind::Year => "a year".to_string(),
        _ => "a figure".to_string(),
    })
}

/// The content word right after the figure, if it follows with only a space.
fn next_word(doc: &Document, q: &Quantity) -> Option<String> {
    let end = char_floor(&doc.prose, (q.span.end + 40).min(doc.prose.len()));
    let ws = words_in(&doc.prose, q.span.end, end);
    let (span, w) = ws.first()?;
    (adjacent(&doc.prose, q.span.end, span.start) && !words::is_stopword(&w.to_lowercase()))
        .then(|| w.to_lowercase())
}

fn char_floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "of" and the noun phrase after the figure, as its possessor and head: "of the
/// island's coastal farmland" gives "island's farmland".
fn of_phrase(doc: &Document, q: &Quantity) -> Option<String> {
    let end = char_floor(&doc.prose, (q.span.end + 80).min(doc.prose.len()));
    let ws = words_in(&doc.prose, q.span.end, end);
    let (first_span, first) = ws.first()?;
    if !first.eq_ignore_ascii_case("of") || !adjacent(&doc.prose, q.span.end, first_span.start) {
        return None;
    }
    let mut run: Vec<&str> = Vec::new();
    let mut last_end = first_span.end;
    for (span, w) in &ws[1..] {
        let lower = w.to_lowercase();
        if !adjacent(&doc.prose, last_end, span.start) || run.len() == 4 {
            break;
        }
        last_end = span.end;
        if run.is_empty()
            && matches!(
                lower.as_str(),
                "the" | "its" | "their" | "a" | "an" | "his" | "her"
            )
        {
            continue;
        }
        if words::is_stopword(&lower) {
            break;
        }
        run.push(w);
    }
    match run.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [owner, .., head] if owner.ends_with("'s") || owner.ends_with("’s") => {
            Some(format!("{owner} {head}"))
        }
        [.., head] => Some(head.to_string()),
    }
}

/// Words that say when or how much, not what: left out of a figure's name (with
/// the months' names, [`words::MONTH_NAMES`]).
const NOT_WHAT: &[&str] = &[
    "first", "second", "third", "fourth", "half", "quarter", "year", "years", "month", "months",
    "week", "weeks", "day", "days", "thousand", "million", "billion", "trillion", "percent",
];

/// The content words of the figure's sentence that the other sentence shares,
/// the two nearest before the figure (after it when none stand before), in their
/// order: in news copy the subject the figure is about ("bilateral trade reached
/// $1.3 billion"). The figure's own words, hedges, and words of time and scale are
/// left out.
fn subject(doc: &Document, q: &Quantity, shared: &HashSet<String>) -> Option<String> {
    let s = doc.sentences.get(doc.sentence_at(q.span.start)?)?.clone();
    let candidates: Vec<(Range<usize>, &str)> = words_in(&doc.prose, s.start, s.end)
        .into_iter()
        .filter(|(span, _)| span.end <= q.span.start || span.start >= q.span.end)
        .filter(|(_, w)| {
            let lower = w.to_lowercase();
            shared.contains(&words::fold(w))
                && !words::is_stopword(&lower)
                && !HEDGES.contains(&lower.as_str())
                && !NOT_WHAT.contains(&lower.as_str())
                && !words::MONTH_NAMES.contains(&lower.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .collect();
    let before: Vec<&(Range<usize>, &str)> = candidates
        .iter()
        .filter(|(sp, _)| sp.end <= q.span.start)
        .collect();
    let picked: Vec<String> = if before.is_empty() {
        candidates
            .iter()
            .take(2)
            .map(|(_, w)| w.to_string())
            .collect()
    } else {
        before[before.len().saturating_sub(2)..]
            .iter()
            .map(|(_, w)| w.to_string())
            .collect()
    };
    (!picked.is_empty()).then(|| picked.join(" ").to_lowercase_first())
}

/// Lowercases a phrase's first letter unless the word looks like a name
/// (capitalised after its first letter too, or a known capitalised word).
trait LowercaseFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowercaseFirst for String {
    fn to_lowercase_first(&self) -> String {
        let mut chars = self.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() && self.split_whitespace().count() > 1 => {
                c.to_lowercase().chain(chars).collect()
            }
            _ => self.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quote::quotations;

    fn speaker_of(text: &str, nth: usize) -> Option<String> {
        let doc = Document::new("a.txt", text.to_string(), None);
        let qs = quotations(&doc.prose, &doc.blocks);
        speaker(&doc, &qs[nth], &qs)
    }

    #[test]
    fn the_speaker_is_the_name_by_the_nearest_reporting_verb() {
        let table = [
            (
                "Okafor told the council: “We will build it.”",
                Some("Okafor"),
            ),
            (
                "“We will build it,” Mayor Dana Okafor said on Tuesday.",
                Some("Mayor Dana Okafor"),
            ),
            ("“We will build it,” said Okafor.", Some("Okafor")),
            (
                "“We will build it,” the council said, calling the plan “bold.”",
                Some("the council"),
            ),
            (
                "The port authority described it as “bold.”",
                Some("the port authority"),
            ),
            // A channel is not a speaker: "as reported by" is no reporting verb here.
            (
                "Okafor stressed, as reported by the Harbour Radio, “We will build it.”",
                Some("Okafor"),
            ),
            // Names inside the quotation do not speak it.
            (
                "“Okafor said we would build it,” the engineer said.",
                Some("the engineer"),
            ),
            ("“We will build it.”", None),
        ];
        for (text, want) in table {
            assert_eq!(speaker_of(text, 0).as_deref(), want, "{text}");
        }
        assert_eq!(speaker_key("Irakli Kobakhidze"), speaker_key("Kobakhidze"));
        assert_eq!(speaker_key("The ministry"), speaker_key("the ministry"));
    }

    #[test]
    fn a_figure_is_named_by_what_it_counts() {
        let doc = Document::new(
            "a.txt",
            "The army holds 20% of the island's coastal farmland. Bilateral trade reached $4 billion \
             last year. The port hired 300 dockers. Exports rose 7% after the 2019 war. \
             According to the Office, bilateral trade reached $5 billion in the first half."
                .to_string(),
            None,
        );
        let qs = crate::extract::quantity::quantities(&doc.prose);
        let shared: HashSet<String> = [
            "bilateral",
            "trade",
            "year",
            "exports",
            "office",
            "first",
            "half",
        ]
        .iter()
        .map(|w| words::fold(w))
        .collect();
        let names: Vec<String> = qs
            .iter()
            .filter(|q| q.kind != QuantityKind::Ordinal)
            .map(|q| figure_name(&doc, q, &shared))
            .collect();
        assert_eq!(
            names,
            [
                "the share of island's farmland",
                "bilateral trade",
                "the number of dockers",
                "the change in Exports",
                "the year of the war",
                // The subject nearest before the figure, not the source before it.
                "bilateral trade",
            ]
        );
    }
}
