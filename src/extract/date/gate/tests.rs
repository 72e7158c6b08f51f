//! The gate changes no result: every reading the grammar finds without it, over
//! every string of the date tests, a table of forms and the suites' texts, starts
//! where the gate lets parsing through; and the holiday names and word tables of
//! the grammar each hold a gate word.

use std::path::Path;

use jiff::civil::Date;

use super::super::{candidate, dates, lex, parse};
use super::{Gate, MARKS, REACH};
use crate::extract::gate::without_gates;

/// The date grammar's sources and tests, whose strings are texts to read.
const SOURCES: &[&str] = &[
    include_str!("../tests.rs"),
    include_str!("../parse.rs"),
    include_str!("../parse/news.rs"),
    include_str!("../resolve.rs"),
    include_str!("../lunar.rs"),
    include_str!("../../date.rs"),
];

/// Forms in our own words at the edges of the gate: dates with no digit, long
/// lead-ins before the first word of date meaning, readings across a sentence
/// break, and words that start a reading but make none.
const FORMS: &[&str] = &[
    "The council met this morning and again last night.",
    "So far this year the works have cost less than planned.",
    "No later than the end of the third quarter, the dock reopens.",
    "Since the beginning of the second half of the year, fares rose.",
    "The ferry left a few weeks ago, well before the rest of the month.",
    "Right now the cranes stand idle; currently nobody objects.",
    "The mayor spoke recently, in recent weeks and in the coming months.",
    "In the past the port was busier than it is these days.",
    "Fares rise in spring and fall back in the autumn of next year.",
    "Shops close on Easter Monday, on Good Friday and at Christmas.",
    "The nineties were lean; the twenties of the last century look better.",
    "He wrote it on the fifteenth. Of March, he said.",
    "Profit rose in the third quarter and in Q4, and in the first half.",
    "It opened in mid-2015, three years ago, in the near term, the near future.",
    "The season ends this weekend, a fortnight early, at year-end.",
    "A decade of works ends tomorrow, not today, or the day after tomorrow.",
    "Between the end of May and the start of the following June it rained.",
    "From the last week of July through the first days of September.",
    "The vote falls on the Sunday before the second Tuesday of November.",
    "Ramadan began; Eid al-Fitr, Yom Kippur and Lag BaOmer follow.",
    "They said it would be done after the vote, by the new council.",
    "THE MEETING IS ON MONDAY",
    "the meeting is on monday the third",
    "Two thousand and five was a dry year; nineteen ninety-nine was wet.",
    "The current mayor took office in the current year.",
];

/// Every token where the grammar finds a reading, with the gate off, starts where
/// the gate allows; returns how many readings there were.
fn readings_pass_the_gate(text: &str, published: Option<Date>) -> usize {
    let toks = lex::tokenize(text);
    if toks.is_empty() {
        return 0;
    }
    let low = text.to_ascii_lowercase();
    let caseless = !text.bytes().any(|b| b.is_ascii_uppercase());
    let year = published.map(|d| i32::from(d.year()));
    let p = parse::Parser::new(&toks, &low, caseless, year, None);
    let gate = Gate::of(&toks, &low);
    // the gate read from the tokens' looked-up information is the same gate
    let info = parse::word_infos(&toks, &low);
    let marked = Gate::of_marks(toks.len(), |i| {
        parse::marks_a_date(&toks[i], &info[i], &low)
    });
    assert_eq!(
        gate.as_ref().map(|g| &g.open),
        marked.as_ref().map(|g| &g.open),
        "{text:?}"
    );
    // the same grammar read afresh at every token, no reading remembered
    let fresh = without_gates(|| parse::Parser::new(&toks, &low, caseless, year, None));
    let mut found = 0;
    for i in 0..toks.len() {
        if p.may_start(i) {
            assert_eq!(
                format!("{:?}", candidate(&p, i, published)),
                format!("{:?}", candidate(&fresh, i, published)),
                "{text:?} at token {i}"
            );
        }
        if p.may_start(i) && candidate(&p, i, published).is_some() {
            found += 1;
            let at: String = text[toks[i].s..].chars().take(60).collect();
            assert!(
                gate.as_ref().is_some_and(|g| g.allows(i)),
                "a reading at {at:?} was gated off"
            );
        }
    }
    found
}

/// The contents of the double-quoted strings in Rust source, escapes as written.
fn literals(source: &str) -> Vec<&str> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = source[i..].find('"') {
        let q = i + k;
        if q > 0 && b[q - 1] == b'\'' {
            i = q + 1;
            continue;
        }
        let mut j = q + 1;
        while j < b.len() && b[j] != b'"' {
            j += if b[j] == b'\\' { 2 } else { 1 };
        }
        let end = j.min(b.len());
        out.push(&source[q + 1..end]);
        i = (end + 1).min(source.len());
    }
    out
}

const PUBLISHED: Date = jiff::civil::date(2025, 12, 5);

#[test]
fn every_reading_of_the_date_tests_and_forms_passes_the_gate() {
    let mut found = 0;
    let texts = SOURCES
        .iter()
        .flat_map(|s| literals(s))
        .chain(FORMS.iter().copied());
    for text in texts {
        let text = text.replace("\\n", "\n").replace("\\\"", "\"");
        found += readings_pass_the_gate(&text, Some(PUBLISHED));
        found += readings_pass_the_gate(&text, None);
    }
    assert!(
        found > 2000,
        "only {found} readings: the texts no longer test the gate"
    );
}

#[test]
fn every_reading_of_the_suites_passes_the_gate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let files = [
        "date-suite/timebank.jsonl",
        "date-suite/aquaint.jsonl",
        "quote-suite/dev.jsonl",
    ];
    for file in files {
        let Ok(lines) = std::fs::read_to_string(root.join(file)) else {
            continue; // the converted suites are not in every checkout
        };
        for line in lines.lines() {
            let doc: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let text = doc["text"].as_str().unwrap_or_default();
            let date = doc["reference_date"].as_str().or(doc["date"].as_str());
            let published = date.and_then(|d| d.get(..10)?.parse().ok());
            readings_pass_the_gate(text, published);
        }
    }
}

#[test]
fn the_gate_closes_on_prose_without_a_date_word() {
    for text in [
        "The council said it would meet the critics after the vote.",
        "In the end the new plan was the old plan, since nobody objected.",
        "Last but not least, the next speaker thanked the first.",
    ] {
        let low = text.to_ascii_lowercase();
        let toks = lex::tokenize(&low);
        // "first" is an ordinal and may be a day ("the first"); nothing else is
        let open: Vec<&str> = (0..toks.len())
            .filter(|&i| Gate::of(&toks, &low).is_some_and(|g| g.allows(i)))
            .map(|i| &low[toks[i].s..toks[i].e])
            .collect();
        let first = toks.iter().position(|t| &low[t.s..t.e] == "first");
        match first {
            None => assert!(open.is_empty(), "{text:?} opened at {open:?}"),
            Some(f) => assert_eq!(open.len(), f.min(REACH) + 1, "{text:?}: {open:?}"),
        }
        assert_eq!(dates(text, Some(PUBLISHED)), dates_without_gate(text));
    }
}

/// [`dates`] with the gate off.
fn dates_without_gate(text: &str) -> Vec<super::super::DateMention> {
    without_gates(|| dates(text, Some(PUBLISHED)))
}

#[test]
fn every_holiday_name_holds_a_gate_word() {
    let source = include_str!("../parse.rs");
    let start = source.find("const HOLIDAYS:").expect("the holiday table");
    let table = &source[start..start + source[start..].find("\n];").expect("its end")];
    let mut names = 0;
    let starts = |l: &&str| l.trim_start().starts_with("(&[") || l.trim_start().starts_with("&[");
    for line in table.lines().filter(starts) {
        let name = &line[..line.find(']').expect("a name")];
        let words: Vec<&str> = literals(name);
        names += 1;
        assert!(
            words.iter().any(|w| MARKS.contains(w)),
            "the holiday {words:?} holds no gate word"
        );
    }
    assert!(names > 100, "only {names} holiday names read");
}

#[test]
fn every_word_table_word_is_a_gate_word() {
    for w in lex::table_words() {
        assert!(MARKS.contains(w), "{w:?}");
    }
    for w in [
        "january",
        "fridays",
        "thirtieth",
        "nineteen",
        "ninety",
        "nineties",
    ] {
        assert!(MARKS.contains(w), "{w:?}");
    }
}
