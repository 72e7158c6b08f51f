//! The gate changes no result: extraction with and without it over real and
//! varied text, and every reading the grammar finds starts where the gate lets
//! parsing through.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::super::{DateMention, candidate, dates, lex, parse};
use super::{DISABLED, Gate};

/// Sentences in our own words around the edges of the grammar: dates with no digit,
/// words that start a date but make none, readings across a sentence break.
const SENTENCES: &[&str] = &[
    "The council met this morning and again last night.",
    "So far the works have cost less than planned.",
    "Since then the harbour has been quiet.",
    "The ferry left a while ago, well before dawn.",
    "Right now the cranes stand idle; soon they will move.",
    "The mayor spoke recently, and currently nobody objects.",
    "The plan was agreed the same day. It was signed the day after.",
    "In the past the port was busier than it is nowadays.",
    "The vote is due in the coming weeks, or early next year.",
    "Fares rise in spring and fall back in the autumn.",
    "Shops close on Easter Monday and at Christmas.",
    "The nineties were lean; the twenties look better.",
    "He wrote it on the fifteenth. Of March, he said.",
    "Profit rose in the third quarter and in Q4.",
    "It opened in mid-2015, three years ago.",
    "The season ends this weekend, a fortnight early.",
    "A decade of works ends tomorrow, not today.",
    "The results for the first half were out on Thursday.",
    "The new dock, in use since '98, is the newest.",
    "They said it would be done by the end of the month.",
    "Between the two votes the council changed its mind.",
    "The new year starts quietly. The old one ended in floods.",
    "She will decide within days. He decided years before.",
    "No one knows. The rest is history, and the future unclear.",
    "A year to date, sales are up; the year-to-date figure is 12%.",
    "Übermorgen ist Feiertag, said the sign on the door.",
    "The budget for fiscal 2024 was set at the start of the fiscal year.",
    "THE MEETING IS ON MONDAY",
    "the meeting is on monday",
    "Meet me at the harbour at noon on the 3rd.",
    "Nobody objects now.",
    "The mayor spoke recently.",
    "The cranes arrived yesterday.",
    "Tonight the gulls circle.",
    "It was built decades ago.",
];

/// The dates of `text` with the gate on, then off.
fn both(text: &str, published: Option<Date>) -> (Vec<DateMention>, Vec<DateMention>) {
    let gated = dates(text, published);
    DISABLED.with(|d| d.set(true));
    let open = dates(text, published);
    DISABLED.with(|d| d.set(false));
    (gated, open)
}

/// Every token where the grammar finds a reading starts where the gate allows.
fn readings_pass_the_gate(text: &str, published: Option<Date>) -> usize {
    let toks = lex::tokenize(text);
    if toks.is_empty() {
        return 0;
    }
    let low = text.to_ascii_lowercase();
    let caseless = !text.bytes().any(|b| b.is_ascii_uppercase());
    let p = parse::Parser::new(
        &toks,
        &low,
        caseless,
        published.map(|d| i32::from(d.year())),
    );
    let mut gate = Gate::of(&toks, &low);
    let mut found = 0;
    for i in 0..toks.len() {
        if p.may_start(i) && candidate(&p, i, published).is_some() {
            found += 1;
            let allowed = gate.as_mut().is_some_and(|g| g.allows(&p, i));
            let at = &text[toks[i].s..];
            assert!(
                allowed,
                "a reading at {:?} was gated off",
                &at[..at.len().min(60)]
            );
        }
    }
    found
}

/// Checks one text both ways; returns how many dates it has.
fn same_either_way(text: &str, published: Option<Date>) -> usize {
    let (gated, open) = both(text, published);
    assert_eq!(
        gated,
        open,
        "the gate changed the dates of {:?}",
        &text[..text.len().min(80)]
    );
    readings_pass_the_gate(text, published);
    gated.len()
}

const PUBLISHED: Date = jiff::civil::date(2025, 12, 5);

#[test]
fn varied_sentences_have_the_same_dates_with_the_gate() {
    let mut found = 0;
    for s in SENTENCES {
        found += same_either_way(s, Some(PUBLISHED));
        found += same_either_way(s, None);
    }
    let joined = SENTENCES.join(" ");
    found += same_either_way(&joined, Some(PUBLISHED));
    assert!(
        found > 40,
        "only {found} dates: the sentences no longer test the gate"
    );
}

#[test]
fn sentences_with_no_date_word_are_not_parsed() {
    let text = "The harbour board voted. Grey cranes stand tall over quiet water.";
    let toks = lex::tokenize(text);
    let low = text.to_ascii_lowercase();
    assert!(Gate::of(&toks, &low).is_none());
    let text = "The harbour board voted. It agreed on Monday.";
    let toks = lex::tokenize(text);
    let low = text.to_ascii_lowercase();
    let p = parse::Parser::new(&toks, &low, false, None);
    let mut gate = Gate::of(&toks, &low).expect("Monday is a date word");
    let first = toks.iter().position(|t| &text[t.s..t.e] == "The").unwrap();
    let board = toks
        .iter()
        .position(|t| &text[t.s..t.e] == "board")
        .unwrap();
    let on = toks.iter().position(|t| &text[t.s..t.e] == "on").unwrap();
    // The first sentence is let through only because a reading may run into the
    // next, which holds "Monday"; the second holds it.
    assert!(gate.allows(&p, first) && gate.allows(&p, board) && gate.allows(&p, on));
    let text = "The board voted. Cranes stand tall. It agreed on Monday.";
    let toks = lex::tokenize(text);
    let low = text.to_ascii_lowercase();
    let p = parse::Parser::new(&toks, &low, false, None);
    let mut gate = Gate::of(&toks, &low).expect("Monday is a date word");
    assert!(!gate.allows(&p, 0), "two sentences before the date word");
}

#[test]
fn the_grammar_words_are_read_from_its_source() {
    for w in [
        "march", "friday", "spring", "easter", "today", "ago", "quarter", "decade",
    ] {
        assert!(super::DATE_WORDS.contains(w), "{w}");
    }
    for w in ["the", "in", "this", "harbour", "cranes"] {
        assert!(!super::DATE_WORDS.contains(w), "{w}");
    }
}

/// Text files under a folder, recursively, in a stable order.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "md" || e == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn the_fixtures_have_the_same_dates_with_the_gate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["fixtures", "tests/data", "tests/realcopy"] {
        files(&root.join(dir), &mut paths);
    }
    let mut found = 0;
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        found += same_either_way(&text, Some(PUBLISHED));
    }
    assert!(
        paths.len() > 5 && found > 20,
        "{} files, {found} dates",
        paths.len()
    );
}

/// The suites' texts when a local copy is present (they are never committed):
/// each JSON line's `text` or `input`, with its reference date.
fn suite_texts() -> Vec<(String, Option<Date>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var("CLAIMCHECK_SUITES").unwrap_or_else(|_| "/work".into());
    let shared = Path::new(&shared);
    let candidates = [
        (root.join("target/date-suite/timebank.jsonl"), usize::MAX),
        (
            shared.join("main/target/date-suite/timebank.jsonl"),
            usize::MAX,
        ),
        (
            shared.join("main/target/date-suite/aquaint.jsonl"),
            usize::MAX,
        ),
        (shared.join("main/target/quote-suite/dev.jsonl"), usize::MAX),
        (
            shared.join("shared/extraction-suite/rt_date.jsonl"),
            usize::MAX,
        ),
        (
            shared.join("shared/extraction-suite/dk_date.jsonl"),
            usize::MAX,
        ),
        (
            shared.join("shared/extraction-suite/rt_number.jsonl"),
            usize::MAX,
        ),
        (
            shared.join("shared/extraction-suite/rt_money.jsonl"),
            usize::MAX,
        ),
    ];
    let mut out = Vec::new();
    for (path, most) in candidates {
        let Ok(all) = std::fs::read_to_string(&path) else {
            continue;
        };
        for line in all.lines().take(most) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = v
                .get("text")
                .or_else(|| v.get("input"))
                .and_then(|t| t.as_str())
            else {
                continue;
            };
            let date = ["reference_date", "date"]
                .iter()
                .find_map(|k| v.get(*k).and_then(|d| d.as_str()))
                .and_then(|d| d.get(..10))
                .and_then(|d| d.parse().ok());
            out.push((text.to_string(), date));
        }
    }
    out
}

#[test]
fn the_suites_have_the_same_dates_with_the_gate() {
    let texts = suite_texts();
    for (text, date) in &texts {
        same_either_way(text, *date);
    }
    eprintln!("gate: {} suite texts compared", texts.len());
}

#[test]
fn literals_are_read_as_rust_reads_them() {
    let source = "let a = \"one two\"; // \"three\"\n// \"four\"\nlet b = '\"'; f(\"five\\\" six\n seven\");";
    assert_eq!(
        super::literals(source),
        vec!["one two", "three", "five\\\" six\n seven"]
    );
}
