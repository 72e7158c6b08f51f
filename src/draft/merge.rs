//! `extract --merge`: adding a draft to an existing rule file.
//!
//! What is there stays byte for byte: the reporter's edits and comments are never
//! rewritten. New people and claims are inserted at the end of the file's `people:`
//! and `claims:` lists (or in new lists at the end). A drafted claim that the file
//! already states the same way is left out; one the file states *differently* (the
//! same words and period with another figure) is not added and is reported as a
//! conflict, for the reporter to settle.

use crate::draft::{Draft, DraftClaim, DraftKind, write};
use crate::rules::{self, ClaimKind, RuleErrors, RuleSet};
use crate::sources::figures_agree;
use crate::template;

/// A drafted claim the existing file states differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The id of the existing claim.
    pub existing: String,
    /// What the existing claim says.
    pub existing_text: String,
    /// What the source says, and where.
    pub drafted: String,
    /// Where the source says it: `file:line`.
    pub place: String,
}

/// The merged file and what the merge did.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The new text of the rule file.
    pub text: String,
    /// How many people and claims were added.
    pub added: usize,
    /// Claims left out because the file already states them.
    pub known: usize,
    /// Claims left out because the file states them differently.
    pub conflicts: Vec<Conflict>,
}

/// Merges `draft` into the rule file `name` whose text is `existing`. The file must
/// load as it is; its errors are returned when it does not.
pub fn merge(name: &str, existing: &str, draft: &Draft) -> Result<Merged, RuleErrors> {
    let rules = rules::parse(&[(name.to_string(), existing.to_string())])?;
    let mut kept = draft.clone();
    kept.people.retain(|p| {
        rules.person(&p.id).is_none()
            && !rules
                .people
                .iter()
                .any(|q| q.name.eq_ignore_ascii_case(&p.name))
    });
    let mut conflicts = Vec::new();
    let mut known = 0;
    kept.claims.retain(|c| match compare(&rules, c) {
        Verdict::New => true,
        Verdict::Known => {
            known += 1;
            false
        }
        Verdict::Differs(conflict) => {
            conflicts.push(conflict);
            false
        }
    });
    let people: String = kept.people.iter().map(write::person).collect();
    let claims: String = kept.claims.iter().map(write::claim).collect();
    let text = insert(&insert(existing, "people", &people), "claims", &claims);
    // The merged file must load as the original did; if it does not, nothing is
    // written and the errors say why.
    rules::parse(&[(name.to_string(), text.clone())])?;
    Ok(Merged {
        text,
        added: kept.people.len() + kept.claims.len(),
        known,
        conflicts,
    })
}

enum Verdict {
    New,
    Known,
    Differs(Conflict),
}

fn compare(rules: &RuleSet, drafted: &DraftClaim) -> Verdict {
    for claim in &rules.claims {
        match (&drafted.kind, &claim.kind) {
            (
                DraftKind::Claim {
                    wording, period, ..
                },
                ClaimKind::Figures(wordings),
            ) => {
                let same_period =
                    claim.period.as_ref().map(|p| p.label.as_str()) == period.as_deref();
                let Ok(ours) = template::compile(wording) else {
                    continue;
                };
                for theirs in wordings.iter().filter_map(|w| template::compile(w).ok()) {
                    if !same_period || !same_words(&ours.anchors, &theirs.anchors) {
                        continue;
                    }
                    if slots_agree(&ours, &theirs) {
                        return Verdict::Known;
                    }
                    return Verdict::Differs(Conflict {
                        existing: claim.id.clone(),
                        existing_text: theirs.wording.clone(),
                        drafted: wording.clone(),
                        place: drafted.place.clone(),
                    });
                }
            }
            (DraftKind::Quote { words, .. }, ClaimKind::Quote(text))
            | (DraftKind::Statement { words, .. }, ClaimKind::Statement(text))
                if normal(words) == normal(text) =>
            {
                return Verdict::Known;
            }
            _ => {}
        }
    }
    Verdict::New
}

fn same_words(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|w| b.contains(w))
}

fn slots_agree(a: &template::Template, b: &template::Template) -> bool {
    a.slots.len() == b.slots.len()
        && a.slots
            .iter()
            .zip(&b.slots)
            .all(|(x, y)| match (&x.expected, &y.expected) {
                (Some(x), Some(y)) => figures_agree(x, y),
                (None, None) => true,
                _ => false,
            })
}

fn normal(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with `entries` (rendered list items) added at the end of its top-level
/// `key:` list, or in a new `key:` list at the end when the file has none.
fn insert(text: &str, key: &str, entries: &str) -> String {
    if entries.is_empty() {
        return text.to_string();
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let Some(start) = lines.iter().position(|l| is_key(l, key)) else {
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&format!("\n{key}:\n{entries}"));
        return out;
    };
    // The list runs to the next top-level key; trailing blank and comment lines
    // belong to what follows.
    let next = (start + 1..lines.len())
        .find(|&i| starts_top_level(lines[i]))
        .unwrap_or(lines.len());
    let mut end = next;
    while end > start + 1 && is_blank_or_comment(lines[end - 1]) {
        end -= 1;
    }
    let mut out: String = lines[..start].concat();
    out.push_str(&flow_empty_to_block(lines[start], key));
    out.push_str(&lines[start + 1..end].concat());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&reindent(entries, item_indent(&lines[start + 1..end])));
    out.push_str(&lines[end..].concat());
    out
}

/// The indentation of the list's items (`- ` lines), two spaces when it has none.
fn item_indent(lines: &[&str]) -> usize {
    lines
        .iter()
        .find(|l| l.trim_start().starts_with("- "))
        .map_or(2, |l| l.len() - l.trim_start().len())
}

/// Entries rendered with items at two spaces, moved to items at `indent`.
fn reindent(entries: &str, indent: usize) -> String {
    if indent == 2 {
        return entries.to_string();
    }
    entries
        .split_inclusive('\n')
        .map(|l| match l.strip_prefix("  ") {
            Some(rest) => format!("{}{rest}", " ".repeat(indent)),
            None => l.to_string(),
        })
        .collect()
}

fn is_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

fn starts_top_level(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-')
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// `claims: []` becomes `claims:` so block entries can follow.
fn flow_empty_to_block(line: &str, key: &str) -> String {
    let value = line[key.len()..]
        .trim_start()
        .trim_start_matches(':')
        .trim();
    let value = value.split('#').next().unwrap_or("").trim();
    if value == "[]" {
        format!("{key}:\n")
    } else {
        let mut l = line.to_string();
        if !l.ends_with('\n') {
            l.push('\n');
        }
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "  - id: new\n    claim: \"5% of cranes\"\n";

    #[test]
    fn entries_go_at_the_end_of_their_list_before_what_follows() {
        let cases = [
            // (existing, key, expected)
            (
                "claims:\n  - id: a\n    claim: \"1% of x\"\n\n# people next\npeople: []\n",
                "claims",
                "claims:\n  - id: a\n    claim: \"1% of x\"\n  - id: new\n    claim: \"5% of cranes\"\n\n# people next\npeople: []\n",
            ),
            (
                "title: t\nclaims: []  # none yet\n",
                "claims",
                "title: t\nclaims:\n  - id: new\n    claim: \"5% of cranes\"\n",
            ),
            (
                "title: t\n",
                "claims",
                "title: t\n\nclaims:\n  - id: new\n    claim: \"5% of cranes\"\n",
            ),
            // Items written at column 0 take the new entries at column 0 too.
            (
                "claims:\n- id: a\n  claim: \"1% of x\"\n",
                "claims",
                "claims:\n- id: a\n  claim: \"1% of x\"\n- id: new\n  claim: \"5% of cranes\"\n",
            ),
        ];
        for (existing, key, want) in cases {
            assert_eq!(insert(existing, key, ENTRY), want, "{existing:?}");
        }
    }

    #[test]
    fn nothing_to_add_leaves_the_text_as_it_is() {
        let text = "claims: []\n# trailing remark";
        assert_eq!(insert(text, "claims", ""), text);
    }
}
