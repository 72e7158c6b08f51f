//! Rendering a draft as a commented rule file (the v1 rule format).
//!
//! Every string is written as a double-quoted YAML scalar with JSON's escapes (JSON
//! strings are valid YAML), so no word of a source can break the file: a colon, a
//! `#`, a quote mark or a line break stays text.

use std::fmt::Write as _;

use crate::draft::{Draft, DraftClaim, DraftKind, DraftPerson};

/// A YAML double-quoted scalar for `text`.
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// The draft as a rule file.
pub fn render(draft: &Draft) -> String {
    let mut out = header(draft);
    if !draft.people.is_empty() {
        out.push_str("\npeople:\n");
        for p in &draft.people {
            out.push_str(&person(p));
        }
    }
    out.push_str("\nclaims:");
    if draft.claims.is_empty() {
        out.push_str(" []\n");
    } else {
        out.push('\n');
        for c in &draft.claims {
            out.push_str(&claim(c));
        }
    }
    out
}

fn header(draft: &Draft) -> String {
    let mut out = String::from("# Drafted by `claimcheck extract` from:\n");
    for s in &draft.sources {
        let _ = writeln!(out, "#   {s}");
    }
    out.push_str(
        "# A draft, not a record: check every entry against the source, keep what the\n\
         # desk stands behind, delete the rest. `claimcheck rules test` proves each\n\
         # claim still matches its source sentence.\n",
    );
    out
}

/// One `people` entry.
pub fn person(p: &DraftPerson) -> String {
    let mut out = String::new();
    if let Some(title) = &p.title {
        let _ = writeln!(out, "  # {}", one_line(title));
    }
    let aliases: Vec<String> = p.aliases.iter().map(|a| quoted(a)).collect();
    let _ = writeln!(
        out,
        "  - id: {}\n    name: {}\n    aliases: [{}]",
        p.id,
        quoted(&p.name),
        aliases.join(", ")
    );
    out
}

/// One `claims` entry, with its source sentence's place as a comment and the
/// sentence as a `pass` example, read with the source's publication date so its
/// relative dates resolve as in the source.
pub fn claim(c: &DraftClaim) -> String {
    let mut out = format!("  # {}\n  - id: {}\n", c.place, c.id);
    match &c.kind {
        DraftKind::Claim {
            wording,
            period,
            near,
        } => {
            let _ = writeln!(out, "    claim: {}", quoted(wording));
            if let Some(p) = period {
                let _ = writeln!(out, "    period: {p}");
            }
            if !near.is_empty() {
                let words: Vec<String> = near.iter().map(|w| quoted(w)).collect();
                let _ = writeln!(out, "    near: [{}]", words.join(", "));
            }
        }
        DraftKind::Quote { words, by } => {
            let _ = writeln!(out, "    quote: {}\n    by: {by}", quoted(words));
        }
        DraftKind::Statement { words, by } => {
            let _ = writeln!(out, "    statement: {}\n    by: {by}", quoted(words));
        }
    }
    if let Some(d) = c.date {
        let _ = writeln!(out, "    date: {d}");
    }
    let _ = writeln!(out, "    source: {}", quoted(&c.source));
    out.push_str("    examples:\n");
    if let Some(d) = c.published {
        let _ = writeln!(out, "      date: {d}");
    }
    let _ = writeln!(out, "      pass:\n        - {}", quoted(&c.example));
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
