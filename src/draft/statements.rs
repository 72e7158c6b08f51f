//! Statements drafted from a source: dated reported speech.
//!
//! "Zakharova said on December 4 that Moscow was prepared to normalise relations"
//! becomes a `statement` rule by Zakharova, dated 2025-12-04, whose words are what
//! follows "that". Only reported speech with a day its sentence gives is drafted:
//! a statement rule exists to check the date of the saying. The speaker is found by
//! [`crate::attribution`] among the people the draft has met.

use crate::attribution::attributions;
use crate::document::Document;
use crate::draft::ids::{Ids, slug};
use crate::draft::{DraftClaim, DraftKind, DraftPerson, source_label};
use crate::extract::Span;
use crate::extract::date::{DateMention, DateValue, dates};
use crate::extract::quote::quotations;
use crate::people::PeopleFinder;
use crate::quotes;
use crate::rules::Person;
use crate::words;

/// Verbs of saying whose object is what was said ("she said Moscow was ready").
const SAYING: &[&str] = &[
    "said",
    "says",
    "added",
    "stated",
    "announced",
    "declared",
    "insisted",
    "warned",
    "noted",
];

/// Words after a verb that start something other than what was said.
const NOT_CONTENT: &[&str] = &[
    "by", "in", "on", "at", "to", "of", "for", "with", "during", "after", "before", "it", "so",
];

/// The fewest words what was said needs to be a statement.
const MIN_WORDS: usize = 5;

/// The statement claims of `doc`, by the draft's `people`.
pub fn claims(doc: &Document, people: &[DraftPerson], ids: &mut Ids) -> Vec<DraftClaim> {
    let persons = as_persons(people);
    let quoted = quotations(&doc.prose, &doc.blocks);
    let named: Vec<_> = PeopleFinder::new(&persons)
        .find(&doc.prose)
        .into_iter()
        .filter(|p| !quotes::inside(&quoted, p.span.start))
        .collect();
    let published = doc.published.as_ref().map(|p| p.date);
    let when = dates(&doc.prose, published);
    let source = source_label(doc);
    let mut out = Vec::new();
    for a in attributions(doc, &named) {
        if quotes::inside(&quoted, a.verb.start) {
            continue;
        }
        let sentence = doc.sentences[a.sentence].clone();
        let Some(content) = content_of(&doc.prose, &a.verb, &sentence) else {
            continue;
        };
        let Some(day) = day_of_saying(&when, &sentence, &content) else {
            continue;
        };
        let said = one_line(doc.prose[content.clone()].trim_end_matches(['.', ' ']));
        if quotes::inside(&quoted, content.start) || words::words(&said).count() < MIN_WORDS {
            continue;
        }
        let by = persons[a.person].id.clone();
        let (line, _) = doc.position(sentence.start);
        // One statement per sentence: a later attribution of it replaces an earlier.
        if out
            .last()
            .is_some_and(|c: &DraftClaim| c.place == format!("{}:{line}", doc.path))
        {
            out.pop();
        }
        out.push(DraftClaim {
            id: String::new(),
            kind: DraftKind::Statement { words: said, by },
            date: Some(day),
            dated_by_sentence: true,
            source: source.clone(),
            example: one_line(&doc.prose[sentence]),
            place: format!("{}:{line}", doc.path),
            published,
        });
    }
    for c in &mut out {
        if let DraftKind::Statement { words, by } = &c.kind {
            c.id = ids.unique(&format!("{by}-{}", slug(words, 2)), by);
        }
    }
    out
}

/// The draft's people as the people finder takes them.
fn as_persons(people: &[DraftPerson]) -> Vec<Person> {
    people
        .iter()
        .map(|p| Person {
            id: p.id.clone(),
            name: p.name.clone(),
            aliases: p.aliases.clone(),
        })
        .collect()
}

/// The day of the saying: the one day the sentence gives outside what was said
/// (`content`); none when it gives no day there, or more than one.
fn day_of_saying(
    when: &[DateMention],
    sentence: &Span,
    content: &Span,
) -> Option<jiff::civil::Date> {
    let mut days = when.iter().filter_map(|d| match d.value {
        DateValue::Day(day)
            if d.span.start >= sentence.start
                && d.span.end <= sentence.end
                && (d.span.end <= content.start || d.span.start >= content.end) =>
        {
            Some(day)
        }
        _ => None,
    });
    match (days.next(), days.next()) {
        (Some(day), None) => Some(day),
        _ => None,
    }
}

/// What a reporting verb reports: after "that" when it follows the verb closely
/// ("said on Thursday that Moscow ..."), else right after a verb of saying ("she
/// said Moscow was ready"); never a passive "reiterated by ...".
fn content_of(prose: &str, verb: &Span, sentence: &Span) -> Option<Span> {
    let rest = &prose[verb.end..sentence.end];
    let verb_word = prose[verb.clone()].to_lowercase();
    let start = match find_word(rest, "that").filter(|&i| i <= 60) {
        Some(that) => verb.end + that + 4,
        None => {
            let next = words::words(rest).next()?.1.to_lowercase();
            let direct =
                SAYING.contains(&verb_word.as_str()) && !NOT_CONTENT.contains(&next.as_str());
            if !direct {
                return None;
            }
            verb.end
        }
    };
    let trimmed = prose[start..sentence.end].trim_start_matches([' ', ',', ':', '\n']);
    // Words in quotation marks are a quote, not reported speech.
    if trimmed.starts_with(['"', '“', '\'', '‘']) {
        return None;
    }
    Some(sentence.end - trimmed.len()..sentence.end)
}

/// The byte offset of `word` as a whole word in `text`.
fn find_word(text: &str, word: &str) -> Option<usize> {
    words::words(text)
        .find(|(_, w)| w.eq_ignore_ascii_case(word))
        .map(|(s, _)| s.start)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
