//! Quotes and the people who speak them, drafted from a source.
//!
//! Every full quotation whose speaker the source names (a person, or an
//! organisation such as a ministry) becomes a `quote` rule `by` that speaker,
//! dated by its sentence when the sentence gives a day, else by the publication
//! date. Speakers are found by [`crate::speakers`], whether or not any rule file
//! lists them; a role with no name ("the mayor") cannot be a `by:` and is left
//! out. Each speaker becomes a `people` entry with the forms of the name the
//! source itself uses.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::document::Document;
use crate::draft::ids::{Ids, slug};
use crate::draft::names;
use crate::draft::{DraftClaim, DraftKind, DraftPerson, Options, source_label};
use crate::extract::Span;
use crate::extract::date::{DateValue, dates};
use crate::extract::quote::{QuoteKind, quotations};
use crate::speakers::{Speaker, SpeakerKind, reclassify, speakers};
use crate::words;

/// The longest example a drafted quote carries, in bytes: longer ones are left out
/// rather than cut, since a cut example no longer holds its speaker.
const MAX_EXAMPLE: usize = 1500;

/// The people met so far, by the key that names them across documents.
#[derive(Debug, Default)]
pub struct People {
    by_key: BTreeMap<String, usize>,
    /// The people, in the order first met.
    pub list: Vec<DraftPerson>,
}

impl People {
    /// The id of the speaker, adding the person on first sight; `None` for a
    /// speaker with no name.
    fn id_of(&mut self, doc: &Document, s: &Speaker, ids: &mut Ids) -> Option<String> {
        if !matches!(
            s.kind,
            SpeakerKind::Person | SpeakerKind::Organisation | SpeakerKind::Pronoun
        ) {
            return None;
        }
        let name_span = s
            .name
            .clone()
            .or((s.kind == SpeakerKind::Organisation).then(|| s.span.clone()))?;
        let name = names::clean(doc.prose.get(name_span.clone())?);
        let name = strip_article(&name);
        let key = s.key(&doc.prose);
        if key.is_empty() || name.is_empty() || slug(&key, 1).is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&key) {
            let p = &mut self.list[i];
            if name.len() > p.name.len() && name.ends_with(p.name.as_str()) {
                p.aliases
                    .push(std::mem::replace(&mut p.name, name.to_string()));
            } else if name != p.name && !p.aliases.iter().any(|a| a == name) {
                p.aliases.push(name.to_string());
            }
            return Some(p.id.clone());
        }
        let title = title_of(&doc.prose, &s.span, &name_span);
        let id = ids.unique(&slug(&key, 1), "speaker");
        self.by_key.insert(key.clone(), self.list.len());
        self.list.push(DraftPerson {
            id: id.clone(),
            name: name.to_string(),
            aliases: Vec::new(),
            title,
        });
        Some(id)
    }

    /// Adds the people `doc` names with a title ("Foreign Ministry spokeswoman Maria
    /// Zakharova", "Sen. Ted Cruz"): a title word followed by two or three name
    /// words. Blocks in title case (headlines) are passed over.
    pub fn add_titled(&mut self, doc: &Document, ids: &mut Ids) {
        for block in &doc.blocks {
            let text = &doc.prose[block.clone()];
            if names::title_case(text) {
                continue;
            }
            let found: Vec<(Span, &str)> = words::words(text)
                .map(|(s, w)| (block.start + s.start..block.start + s.end, w))
                .collect();
            for (i, (_, word)) in found.iter().enumerate() {
                if names::is_title(word) {
                    self.add_name_after(&doc.prose, &found[i + 1..], ids);
                }
            }
        }
    }

    fn add_name_after(&mut self, prose: &str, next: &[(Span, &str)], ids: &mut Ids) {
        let mut run: Vec<&(Span, &str)> = Vec::new();
        for w in next.iter().take(3) {
            let joined = run.last().is_none_or(|l| prose[l.0.end..w.0.start] == *" ");
            if !joined || !names::is_name_word(w.1) {
                break;
            }
            run.push(w);
        }
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        if run.len() < 2 {
            return;
        }
        let name = names::clean(&prose[first.0.start..last.0.end]);
        let Some(surname) = name.split_whitespace().next_back() else {
            return;
        };
        let key = surname.to_lowercase();
        let id = slug(surname, 1);
        if id.is_empty() || self.by_key.contains_key(&key) {
            return;
        }
        let id = ids.unique(&id, "person");
        self.by_key.insert(key, self.list.len());
        self.list.push(DraftPerson {
            id,
            name,
            aliases: Vec::new(),
            title: None,
        });
    }

    /// Completes each person from the sources: the fullest form of the name they
    /// write ("Prime Minister Irakli Kobakhidze" gives the name Irakli Kobakhidze
    /// and the title Prime Minister), the forms met as aliases, and the surname
    /// alone when the source uses it alone.
    pub fn finish(&mut self, docs: &[Document]) {
        for p in &mut self.list {
            if p.name.chars().any(char::is_uppercase) {
                for doc in docs {
                    fullest_name(&doc.prose, p);
                }
            } else {
                proper_name(docs, p);
            }
        }
        for p in &mut self.list {
            let Some(surname) = p.name.split_whitespace().next_back() else {
                continue;
            };
            let used = docs.iter().any(|d| uses_alone(&d.prose, surname, &p.name));
            if p.name.contains(' ') && used && !p.aliases.iter().any(|a| a == surname) {
                p.aliases.push(surname.to_string());
            }
            p.aliases.sort();
            p.aliases.dedup();
        }
    }
}

/// Looks through `prose` for capitalised words written before the person's name
/// ("Irakli" before "Kobakhidze"), and titles before those; keeps the longest
/// name, the shorter forms as aliases, and the first title met.
fn fullest_name(prose: &str, p: &mut DraftPerson) {
    let name = p.name.clone();
    for (at, _) in prose.match_indices(name.as_str()) {
        let end = at + name.len();
        if prose[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let (start, title) = names::extend_back(prose, at);
        let full = names::clean(&prose[start..end]);
        if full.len() > p.name.len() {
            p.aliases.push(std::mem::replace(&mut p.name, full));
        }
        if p.title.is_none() && !title.is_empty() {
            p.title = Some(title.join(" "));
        }
    }
}

/// An organisation quoted by its common noun ("the ministry") takes the proper
/// name the sources give it ("Foreign Ministry"), keeping the noun as an alias so
/// "the ministry said" still names it.
fn proper_name(docs: &[Document], p: &mut DraftPerson) {
    let Some(noun) = p.name.split_whitespace().next_back() else {
        return;
    };
    let Some(name) = docs
        .iter()
        .find_map(|d| names::organisation_name(&d.prose, noun))
    else {
        return;
    };
    p.aliases.push(std::mem::replace(&mut p.name, name));
}

/// Whether `prose` writes `surname` without the rest of `name` in front of it.
fn uses_alone(prose: &str, surname: &str, name: &str) -> bool {
    let head = &name[..name.len() - surname.len()];
    prose
        .match_indices(surname)
        .any(|(i, _)| !prose[..i].ends_with(head))
}

fn strip_article(name: &str) -> &str {
    for article in ["the ", "The ", "a ", "A "] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest;
        }
    }
    name
}

/// The words of the speaker phrase before the name, when they are a title or
/// role ("campaign spokesman" in "campaign spokesman Brian Fallon").
fn title_of(prose: &str, phrase: &Span, name: &Span) -> Option<String> {
    let before = prose.get(phrase.start..name.start.max(phrase.start))?;
    let title = one_line(before.trim_end_matches([',', ' ']));
    let title = strip_article(&title).to_string();
    (!title.is_empty()).then_some(title)
}

/// The quote claims of `doc`, adding their speakers to `people`.
pub fn claims(
    doc: &Document,
    options: &Options,
    people: &mut People,
    ids: &mut Ids,
) -> Vec<DraftClaim> {
    let published = doc.published.as_ref().map(|p| p.date);
    let when = dates(&doc.prose, published);
    let mut quoted = quotations(&doc.prose, &doc.blocks);
    let who = speakers(doc, &quoted, &[]);
    reclassify(&doc.prose, &mut quoted, &who);
    let source = source_label(doc);
    let mut out = Vec::new();
    for (q, speaker) in quoted.iter().zip(&who) {
        let wanted =
            q.kind == QuoteKind::Full || (options.fragments && q.kind == QuoteKind::Fragment);
        let words_said = q.text(&doc.prose);
        if !wanted || words::words(&words_said).count() < options.min_words {
            continue;
        }
        let Some(speaker) = speaker else { continue };
        let Some(by) = people.id_of(doc, speaker, ids) else {
            continue;
        };
        let Some(example) = example_of(doc, q.span.clone(), speaker) else {
            continue;
        };
        let spoken_on = said_on(doc, &when, speaker);
        let topic = slug(&words_said, 2);
        let (line, _) = doc.position(q.span.start);
        out.push(DraftClaim {
            id: ids.unique(&format!("{by}-{topic}"), &by),
            kind: DraftKind::Quote {
                words: words_said,
                by,
            },
            date: spoken_on.or(published),
            dated_by_sentence: spoken_on.is_some(),
            source: source.clone(),
            example,
            place: format!("{}:{line}", doc.path),
            published,
        });
    }
    out
}

/// The day the speaker's sentence gives for the saying ("said on Wednesday"), if
/// it gives exactly one day.
fn said_on(
    doc: &Document,
    when: &[crate::extract::date::DateMention],
    s: &Speaker,
) -> Option<Date> {
    let sentence = doc.sentences.get(s.sentence?)?;
    let mut days = when
        .iter()
        .filter(|d| d.span.start >= sentence.start && d.span.end <= sentence.end)
        .filter_map(|d| match d.value {
            DateValue::Day(day) => Some(day),
            DateValue::Period { .. } => None,
        });
    let first = days.next()?;
    days.next().is_none().then_some(first)
}

/// The paragraphs from the one naming the speaker to the one holding the
/// quotation, on one line: a sentence the checker reads with its speaker in it.
fn example_of(doc: &Document, quote: Span, s: &Speaker) -> Option<String> {
    let name = s.name.clone().unwrap_or(s.span.clone());
    let first = doc
        .blocks
        .iter()
        .position(|b| b.end > name.start.min(quote.start))?;
    let last = doc
        .blocks
        .iter()
        .rposition(|b| b.start < quote.end.max(s.span.end))?;
    let span = doc.blocks[first].start..doc.blocks[last.max(first)].end;
    (span.len() <= MAX_EXAMPLE).then(|| one_line(&doc.prose[span]))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
