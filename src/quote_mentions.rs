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
    reclassify(&mut quoted, &who);
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

/// The quotations section of `mentions`' human output.
pub fn render_human(records: &[QuoteRecord]) -> String {
    let mut out = String::new();
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

/// The quotations as JSON, for `mentions --format json`.
pub fn to_json(records: &[QuoteRecord]) -> Value {
    json!(records)
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
    reclassify(&mut quoted, &who);
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
