//! Attribution: who a sentence reports. "Kobakhidze said", "said Prime Minister
//! Irakli Kobakhidze", "according to Zakharova", "was reiterated by Zakharova", and
//! "she added" resolved to the person named just before.

use crate::document::Document;
use crate::extract::Span;
use crate::people::PersonMention;
use crate::words::lowercase_into;

mod words;

/// A sentence reporting what a person said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index of the person in the rule set's `people`.
    pub person: usize,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The reporting verb ("said", "according to").
    pub verb: Span,
    /// Where the speaker is named (the pronoun, for "she said").
    pub speaker: Span,
    /// Whether the speaker is a pronoun resolved to the person named before.
    pub pronoun: bool,
}

/// How far (in bytes) a speaker may stand from the verb: room for a title or an
/// apposition ("Irakli Kobakhidze, the Georgian prime minister, said").
const REACH: usize = 80;

/// Every attribution in `doc`, given the people named in it (in order), one per
/// reporting verb that has a speaker, in document order.
pub fn attributions(doc: &Document, people: &[PersonMention]) -> Vec<Attribution> {
    words::reporting_verbs(&doc.prose)
        .into_iter()
        .filter_map(|verb| attribution(doc, people, verb))
        .collect()
}

/// The attribution of the reporting verb at `verb`, if it has a speaker.
fn attribution(doc: &Document, people: &[PersonMention], verb: Span) -> Option<Attribution> {
    let prose = doc.prose.as_str();
    let sentence = doc.sentence_at(verb.start)?;
    let bounds = doc.sentences[sentence].clone();
    let takes_after = prose.as_bytes()[verb.clone()]
        .get(..9)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"according"));
    if let Some(a) = pronoun(prose, &verb, people, sentence) {
        return Some(a);
    }
    let lead = bounds.start..verb.start;
    // "Ward, who backed Ellis, said": Ward speaks, and nobody inside the clause.
    let relative = (!takes_after)
        .then(|| relative_clause(&prose[lead.clone()]))
        .flatten();
    let chosen = match relative {
        Some(open) => relative_head(prose, lead.start, lead.start + open, people)?,
        None => nearest(prose, people, &verb, &bounds, takes_after)?,
    };
    Some(Attribution {
        person: chosen.person,
        sentence,
        verb,
        speaker: chosen.span.clone(),
        pronoun: false,
    })
}

/// The speaker of a verb with no relative clause before it, in its sentence
/// `bounds`: the person named nearest before it or after it.
fn nearest<'a>(
    prose: &str,
    people: &'a [PersonMention],
    verb: &Span,
    bounds: &Span,
    takes_after: bool,
) -> Option<&'a PersonMention> {
    // People are in order: look only at the first one after the verb and the
    // last one before it (the nearest), so the whole pass is linear.
    let next = people.partition_point(|p| p.span.start < verb.end);
    let after = people
        .get(next)
        .filter(|p| p.span.start <= bounds.end && gap_ok(&prose[verb.end..p.span.start]));
    let prev = people.partition_point(|p| p.span.end <= verb.start);
    let lead = bounds.start..verb.start;
    // "The board thanked Ellis and on Tuesday announced": Ellis ends the first
    // verb phrase and is not the subject of the second.
    let before = prev.checked_sub(1).map(|i| &people[i]).filter(|p| {
        let gap = &prose[p.span.end..verb.start];
        !takes_after && p.span.start >= bounds.start && gap_ok(gap) && !coordinated(gap)
    });
    // "the mayor freed up money and on Monday announced": the opening subject speaks.
    let shared = (before.is_none() && !takes_after)
        .then(|| shared_subject(prose, &lead, people))
        .flatten();
    let after = after.filter(|_| shared.is_none());
    let before = before.or(shared);
    // The nearer of the two; a speaker before the verb wins a tie ("X said Y").
    match (before, after) {
        (Some(b), Some(a)) => {
            if verb.start - b.span.end <= a.span.start - verb.end {
                Some(b)
            } else {
                Some(a)
            }
        }
        (b, a) => b.or(a),
    }
}

/// "she said", "said he": a pronoun right next to the verb, resolved to the last
/// person named before it.
fn pronoun(
    prose: &str,
    verb: &Span,
    people: &[PersonMention],
    sentence: usize,
) -> Option<Attribution> {
    let before = prose[..verb.start].trim_end_matches([' ', '\n', ',']);
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let after = prose[verb.end..].trim_start_matches([' ', '\n']);
    let word_after = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let span = if words::is_pronoun(word_before) {
        before.len() - word_before.len()..before.len()
    } else if words::is_pronoun(word_after) {
        let start = prose.len() - after.len();
        start..start + word_after.len()
    } else {
        return None;
    };
    let last = &people[people
        .partition_point(|p| p.span.end <= span.start)
        .checked_sub(1)?];
    Some(Attribution {
        person: last.person,
        sentence,
        verb: verb.clone(),
        speaker: span,
        pronoun: true,
    })
}

/// Whether the text between a speaker and a verb can stand there: short, and no
/// quotation or sentence punctuation in it (a title, an apposition, "by", "to
/// reporters"). A bracketed aside ("(I-Vt.)") and the full stops of abbreviations
/// ("R-N.Y.,", "Jr.,") are not sentence punctuation.
fn gap_ok(gap: &str) -> bool {
    // Asides are short: a gap this long cannot shrink to the reach.
    if gap.len() > 2 * REACH {
        return false;
    }
    let plain = without_asides(gap);
    plain.len() <= REACH
        && !plain.contains(['“', '”', '"', '.', ';', ':', '?', '!'])
        && plain.split_whitespace().count() <= 8
}

/// `gap` with its bracketed asides taken out and the full stops of abbreviations
/// (a stop between a letter and anything but a space) dropped.
fn without_asides(gap: &str) -> String {
    let mut out = String::with_capacity(gap.len());
    let mut depth = 0usize;
    let chars: Vec<char> = gap.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            '.' if i > 0
                && chars[i - 1].is_alphabetic()
                && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) => {}
            _ => out.push(c),
        }
    }
    if depth > 0 {
        // An aside never closed: not an aside.
        return gap.to_string();
    }
    out
}

/// The most words a relative clause between a speaker and the verb may hold
/// ("Pat Doyle, who has backed Hale despite their feud, said").
const RELATIVE_REACH: usize = 24;

/// Where the relative clause in commas that ends right before a verb opens (", who
/// had backed Ellis for years,"), as an offset in `lead` (the sentence up to the
/// verb; the last one opened, when there are several): the clause speaks of the
/// noun before it, never for the verb.
fn relative_clause(lead: &str) -> Option<usize> {
    if !lead.trim_end().ends_with(',') {
        return None;
    }
    // The clause holds at most RELATIVE_REACH words: only the lead's tail is read,
    // so a long sentence with many verbs costs no more than a short one.
    let from = tail_start(lead, LEAD_TAIL);
    let open = from + words::last_relative(&lead[from..])?;
    let clause = &lead[open..];
    (!clause.contains(['“', '”', '"', ';', ':'])
        && clause.split_whitespace().count() <= RELATIVE_REACH)
        .then_some(open)
}

/// The person a relative clause opening at `at` is about: named right before its
/// comma, or a bracketed aside before it ("Dana Ward (D-Ore.), who …").
fn relative_head<'a>(
    prose: &str,
    from: usize,
    at: usize,
    people: &'a [PersonMention],
) -> Option<&'a PersonMention> {
    let i = people
        .partition_point(|p| p.span.end <= at)
        .checked_sub(1)?;
    let p = &people[i];
    (p.span.start >= from && without_asides(&prose[p.span.end..at]).trim().is_empty()).then_some(p)
}

/// The most bytes before a verb read for a relative clause, or for the subject a
/// verb after "and" shares.
const LEAD_TAIL: usize = 400;

/// The most bytes before a verb read for "and" and the times after it.
const AND_TAIL: usize = 80;

/// Where the last `n` bytes of `text` start, on a character boundary.
fn tail_start(text: &str, n: usize) -> usize {
    let mut i = text.len().saturating_sub(n);
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Words that may stand between "and" and a verb that shares the subject of the
/// verb before the "and": times and adverbs ("and on Monday announced", "and later
/// told reporters").
const COORDINATED_FILLERS: &[&str] = &[
    "on",
    "last",
    "this",
    "later",
    "also",
    "then",
    "again",
    "earlier",
    "today",
    "yesterday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
];

/// Whether the text before a verb ends with "and" and only times or adverbs after it:
/// the verb's subject is that of the verb phrase before the "and".
fn coordinated(lead: &str) -> bool {
    let words: Vec<&str> = lead[tail_start(lead, AND_TAIL)..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Each word lower-cased into one buffer, not a string each.
    let mut buf = String::new();
    let Some(and) = words
        .iter()
        .rposition(|w| lowercase_into(w, &mut buf) == "and")
    else {
        return false;
    };
    words[and + 1..].iter().all(|w| {
        let w = lowercase_into(w, &mut buf);
        COORDINATED_FILLERS.contains(&w)
            || crate::words::WEEKDAY_NAMES.contains(&w)
            || w.chars().all(|c| c.is_ascii_digit())
    })
}

/// The speaker of a reporting verb coordinated with an earlier verb phrase: "Jo
/// Hale has freed up state money and on Monday announced …" gives the announcing
/// to Hale, the subject opening the sentence (a person preceded by at most a few
/// capitalised words, a title: "Oregon Gov. Jo Hale").
fn shared_subject<'a>(
    prose: &str,
    lead: &Span,
    people: &'a [PersonMention],
) -> Option<&'a PersonMention> {
    let text = &prose[lead.clone()];
    if text.len() > LEAD_TAIL || !coordinated(text) || text.contains(['“', '”', '"', ';', ':'])
    {
        return None;
    }
    let i = people.partition_point(|p| p.span.start < lead.start);
    let first = people.get(i).filter(|p| p.span.end <= lead.end)?;
    let opening = &prose[lead.start..first.span.start];
    let words: Vec<&str> = opening.split_whitespace().collect();
    (words.len() <= 3 && words.iter().all(|w| w.starts_with(char::is_uppercase))).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::PeopleFinder;
    use crate::rules::Person;

    fn people() -> Vec<Person> {
        vec![
            Person {
                id: "kobakhidze".into(),
                name: "Irakli Kobakhidze".into(),
                aliases: vec![],
            },
            Person {
                id: "zakharova".into(),
                name: "Maria Zakharova".into(),
                aliases: vec![],
            },
        ]
    }

    /// (person id, verb) for every attribution in `text`.
    fn who(text: &str) -> Vec<(String, String, bool)> {
        let ps = people();
        let doc = Document::new("a.txt", text.to_string(), None);
        let mentions = PeopleFinder::new(&ps).find(&doc.prose);
        attributions(&doc, &mentions)
            .into_iter()
            .map(|a| {
                (
                    ps[a.person].id.clone(),
                    doc.text[a.verb].to_string(),
                    a.pronoun,
                )
            })
            .collect()
    }

    #[test]
    fn both_orders() {
        assert_eq!(
            who("Irakli Kobakhidze said the talks failed."),
            [("kobakhidze".into(), "said".into(), false)]
        );
        assert_eq!(
            who("The talks failed, said Prime Minister Irakli Kobakhidze."),
            [("kobakhidze".into(), "said".into(), false)]
        );
        assert_eq!(
            who("“We stand firm,” Irakli Kobakhidze told reporters."),
            [("kobakhidze".into(), "told".into(), false)]
        );
    }

    #[test]
    fn according_to_and_passive_by() {
        assert_eq!(
            who("According to Maria Zakharova, Moscow is ready."),
            [("zakharova".into(), "According to".into(), false)]
        );
        assert_eq!(
            who("The message was reiterated by spokesperson Maria Zakharova on Thursday."),
            [("zakharova".into(), "reiterated".into(), false)]
        );
    }

    #[test]
    fn apposition_between_speaker_and_verb() {
        assert_eq!(
            who(
                "Irakli Kobakhidze, the Georgian Dream prime minister, stated that ties would wait."
            ),
            [("kobakhidze".into(), "stated".into(), false)]
        );
    }

    #[test]
    fn pronouns_resolve_to_the_person_named_before() {
        assert_eq!(
            who("Maria Zakharova spoke on Thursday. Moscow is ready, she added."),
            [("zakharova".into(), "added".into(), true)]
        );
        assert_eq!(
            who("Irakli Kobakhidze met Maria Zakharova. “No,” said he."),
            [("zakharova".into(), "said".into(), true)]
        );
    }

    #[test]
    fn the_subject_speaks_past_clauses_asides_and_and() {
        // (sentence, the speaker of its reporting verb, or none)
        let table: &[(&str, Option<&str>)] = &[
            // A relative clause about the subject: nobody inside it speaks.
            (
                "Irakli Kobakhidze, who has met Maria Zakharova twice this year, said the talks failed.",
                Some("kobakhidze"),
            ),
            (
                "The envoy, who has met Maria Zakharova twice this year, said the talks failed.",
                None,
            ),
            // The clause that ends at the verb is the last one opened.
            (
                "Asked about Irakli Kobakhidze, who was absent, the envoy, who has met Maria Zakharova, said the talks failed.",
                None,
            ),
            // A bracketed aside and an abbreviation's full stops.
            (
                "Maria Zakharova (MFA) said the talks failed.",
                Some("zakharova"),
            ),
            (
                "Maria Zakharova, Ph.D., said the talks failed.",
                Some("zakharova"),
            ),
            // A second verb phrase after "and" shares the opening subject ...
            (
                "Irakli Kobakhidze cancelled the visit and on Monday announced the talks failed.",
                Some("kobakhidze"),
            ),
            // ... and the object of the first is not its subject.
            (
                "The envoy thanked Maria Zakharova and on Monday announced the talks failed.",
                None,
            ),
            // "X and Y said": Y is next to the verb.
            (
                "Irakli Kobakhidze and Maria Zakharova said the talks failed.",
                Some("zakharova"),
            ),
        ];
        for (text, want) in table {
            let got: Vec<String> = who(text).into_iter().map(|(p, _, _)| p).collect();
            let want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn no_speaker_no_attribution() {
        assert_eq!(who("Officials said the talks failed."), []);
        assert_eq!(
            who("Irakli Kobakhidze arrived. Officials said the talks failed."),
            []
        );
    }
}
