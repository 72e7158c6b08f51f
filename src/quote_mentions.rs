//! Quotations and speakers as `claimcheck mentions` lists them, and the JSON-lines
//! protocol of the quote suite (`mentions --jsonl --quotes`).

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::document::{Document, Format};
use crate::extract::Span;
use crate::extract::quote::{Quotation, QuoteKind, quotations};
use crate::people::PeopleFinder;
use crate::rules::Person;
use crate::speakers::{Speaker, reclassify, speakers};

/// A quotation as `mentions` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRecord {
    /// `full`, `fragment` or `scare`.
    pub kind: &'static str,
    /// The quoted words.
    pub words: String,
    /// 1-based line and character column of the opening mark.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// 1-based line and column just past the closing mark.
    pub end_line: usize,
    /// See `end_line`.
    pub end_column: usize,
    /// Who says it, when a speaker was found.
    pub speaker: Option<SpeakerRecord>,
    #[serde(skip)]
    span: Span,
}

/// A speaker as `mentions` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRecord {
    /// As written ("she", "Jeff Weaver", "the ministry").
    pub text: String,
    /// `person`, `role`, `organisation` or `pronoun`.
    pub kind: &'static str,
    /// 1-based line and character column where it is written.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// The name it stands for (inside the phrase, or what a pronoun resolves to).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The cue verb ("said", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Who the speech is about ("she said of Trump").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The rule file's person, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// Whether the speaker is carried over from an earlier sentence.
    pub carried: bool,
}

/// Every quotation of `doc` with its speaker, given the rule file's people (may be
/// empty).
pub fn quote_records(doc: &Document, people: &[Person]) -> Vec<QuoteRecord> {
    let mut quoted = quotations(&doc.prose, &doc.blocks);
    let named = PeopleFinder::new(people).find(&doc.prose);
    let who = speakers(doc, &quoted, &named);
    reclassify(&doc.prose, &mut quoted, &who);
    quoted
        .iter()
        .zip(who)
        .map(|(q, s)| {
            let (line, column) = doc.position(q.span.start);
            let (end_line, end_column) = doc.position(q.span.end);
            QuoteRecord {
                kind: kind_word(q.kind),
                words: q.text(&doc.prose),
                line,
                column,
                end_line,
                end_column,
                speaker: s.map(|s| speaker_record(doc, &s, people)),
                span: q.span.clone(),
            }
        })
        .collect()
}

fn kind_word(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Full => "full",
        QuoteKind::Fragment => "fragment",
        QuoteKind::Scare => "scare",
    }
}

fn speaker_record(doc: &Document, s: &Speaker, people: &[Person]) -> SpeakerRecord {
    let (line, column) = doc.position(s.span.start);
    let text = |span: &Span| {
        doc.text
            .get(span.clone())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    SpeakerRecord {
        text: text(&s.span),
        kind: s.kind.word(),
        line,
        column,
        name: s.name.as_ref().filter(|n| **n != s.span).map(text),
        cue: s.cue.as_ref().map(text),
        topic: s.topic.as_ref().map(text),
        person: s.person.and_then(|p| people.get(p)).map(|p| p.id.clone()),
        carried: s.carried,
    }
}

/// A person named outside quotations, as `mentions` lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRecord {
    /// The name as written.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based character column.
    pub column: usize,
    /// `female` or `male` when a title or given name tells.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<&'static str>,
    /// The rule file's person, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
}

/// The people named in `doc` outside quotations.
pub fn person_records(doc: &Document, people: &[Person]) -> Vec<PersonRecord> {
    let quoted = quotations(&doc.prose, &doc.blocks);
    let named = PeopleFinder::new(people).find(&doc.prose);
    crate::speakers::people_named(doc, &quoted, &named)
        .into_iter()
        .map(|(span, female, person)| {
            let (line, column) = doc.position(span.start);
            PersonRecord {
                text: doc.text[span]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                line,
                column,
                gender: female.map(|f| if f { "female" } else { "male" }),
                person: person.and_then(|p| people.get(p)).map(|p| p.id.clone()),
            }
        })
        .collect()
}

/// The quotations and people sections of `mentions`' human output.
pub fn render_human(records: &[QuoteRecord], people: &[PersonRecord]) -> String {
    let mut out = String::new();
    for p in people {
        out.push_str(&format!(
            "  {:<8} person   {}{}\n",
            format!("{}:{}", p.line, p.column),
            p.text,
            p.gender.map(|g| format!("  ({g})")).unwrap_or_default()
        ));
    }
    for r in records {
        let who = match &r.speaker {
            Some(s) => {
                let mut w = format!("{} ({})", s.text, s.kind);
                if let Some(n) = &s.name {
                    w.push_str(&format!(" = {n}"));
                }
                if let Some(p) = &s.person {
                    w.push_str(&format!(" [{p}]"));
                }
                if let Some(c) = &s.cue {
                    w.push_str(&format!(", cue \"{c}\""));
                }
                if let Some(t) = &s.topic {
                    w.push_str(&format!(", of {t}"));
                }
                if s.carried {
                    w.push_str(&format!(", carried from {}:{}", s.line, s.column));
                }
                w
            }
            None => "no speaker".to_string(),
        };
        out.push_str(&format!(
            "  {:<8} quote    {:<28} {} ({who})\n",
            format!("{}:{}", r.line, r.column),
            format!("\u{201c}{}\u{201d}", r.words),
            r.kind
        ));
    }
    out
}

/// The quotations and people of `doc` as JSON, for `mentions --format json`.
pub fn to_json(doc: &Document) -> (Value, Value) {
    (
        json!(quote_records(doc, &[])),
        json!(person_records(doc, &[])),
    )
}

/// The quotations and people of `doc` as lines of `mentions`' human output, and how
/// many there are.
pub fn human(doc: &Document) -> (String, usize) {
    let quotes = quote_records(doc, &[]);
    let people = person_records(doc, &[]);
    (render_human(&quotes, &people), quotes.len() + people.len())
}

#[derive(Deserialize)]
struct Case {
    id: Value,
    text: String,
}

/// Answers the quote suite's protocol (its score.py docstring): for each line `{"id",
/// "text", "date"}`, one line `{"id", "quotes": [{"start", "end", "text", "kind",
/// "speaker": {"start", "end", "text"} | null}]}` with character offsets. Scare
/// quotes are left out: they are nobody's speech.
pub fn answer_jsonl(input: impl BufRead, mut output: impl Write) -> Result<(), String> {
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let case: Case = serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let answer = json!({"id": case.id, "quotes": suite_quotes(&case.text)});
        serde_json::to_writer(&mut output, &answer).map_err(|e| e.to_string())?;
        output.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    output.flush().map_err(|e| e.to_string())
}

/// The spoken quotations of a plain text and their speakers, with character offsets.
pub fn suite_quotes(text: &str) -> Vec<Value> {
    let doc = Document::with_format("case.txt", text.to_string(), Format::Plain, None);
    let mut quoted = quotations(&doc.prose, &doc.blocks);
    let who = speakers(&doc, &quoted, &[]);
    reclassify(&doc.prose, &mut quoted, &who);
    let chars = CharIndex::new(&doc.prose);
    quoted
        .iter()
        .zip(who)
        .filter(|(q, _)| q.kind != QuoteKind::Scare)
        .map(|(q, s)| {
            let span = words_span(q);
            json!({
                "start": chars.at(span.start),
                "end": chars.at(span.end),
                "text": q.text(&doc.prose),
                "kind": kind_word(q.kind),
                "speaker": s.map(|s| json!({
                    "start": chars.at(s.span.start),
                    "end": chars.at(s.span.end),
                    "text": s.text(&doc.prose),
                })),
            })
        })
        .collect()
}

/// From the first quoted word to the last.
fn words_span(q: &Quotation) -> Span {
    match (q.parts.first(), q.parts.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => q.span.clone(),
    }
}

/// Byte to character offsets in one text, in one pass.
struct CharIndex {
    /// Character offset of every byte offset that starts a character.
    at: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let mut at = vec![0; text.len() + 1];
        let mut n = 0;
        for (i, c) in text.char_indices() {
            for k in 0..c.len_utf8() {
                at[i + k] = n;
            }
            n += 1;
        }
        at[text.len()] = n;
        CharIndex { at }
    }

    fn at(&self, byte: usize) -> usize {
        self.at[byte.min(self.at.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_list_kind_words_speaker_and_cue() {
        let doc = Document::new(
            "a.txt",
            "Ms. Ada Okafor met the crews.\n\n“The ferry runs at noon,” she said. The “Morning Tide Show” agreed.".to_string(),
            None,
        );
        let people = vec![Person {
            id: "okafor".into(),
            name: "Ada Okafor".into(),
            aliases: vec![],
        }];
        let r = quote_records(&doc, &people);
        assert_eq!(r.len(), 2);
        assert_eq!(
            (r[0].kind, r[0].words.as_str()),
            ("full", "The ferry runs at noon")
        );
        assert_eq!((r[0].line, r[0].column), (3, 1));
        let s = r[0].speaker.as_ref().expect("a speaker");
        assert_eq!(
            (s.text.as_str(), s.kind, s.cue.as_deref()),
            ("she", "pronoun", Some("said"))
        );
        assert_eq!(s.person.as_deref(), Some("okafor"));
        assert_eq!(s.name.as_deref(), Some("Ms. Ada Okafor"));
        assert_eq!((r[1].kind, r[1].speaker.is_none()), ("scare", true));
        let p = person_records(&doc, &people);
        assert_eq!(p[0].text, "Ms. Ada Okafor");
        assert_eq!(p[0].gender, Some("female"));
    }

    #[test]
    fn the_suite_protocol_counts_characters() {
        // An accented name before the quotation shifts bytes, not characters.
        let text = "Zoë Hale spoke.\n\n“Ça va,” Zoë Hale said.";
        let q = suite_quotes(text);
        assert_eq!(q.len(), 1);
        let chars: Vec<char> = text.chars().collect();
        let (s, e) = (
            q[0]["start"].as_u64().unwrap() as usize,
            q[0]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[s..e].iter().collect::<String>(), "Ça va");
        let sp = &q[0]["speaker"];
        let (s, e) = (
            sp["start"].as_u64().unwrap() as usize,
            sp["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[s..e].iter().collect::<String>(), "Zoë Hale");
    }
}
