//! The claim matrix: one row per claim (per figure, for claims with several), one
//! column per document, each cell what that document says, marked as agreeing with
//! the rule (or, without a rule value, with the other sources), differing, or absent.

use colored::Colorize;

use crate::document::Document;
use crate::pipeline::Checker;
use crate::rules::ClaimKind;
use crate::sources::{Observations, figures_agree};

/// How a cell relates to the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Says what the rule (or the majority of sources) says.
    Agrees,
    /// Says something else.
    Differs,
    /// Says nothing about the claim.
    Absent,
}

/// One document's words about one row's claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// What the document says ("20%", "verbatim", "December 4, 2024").
    pub text: String,
    /// How that relates to the claim.
    pub verdict: Verdict,
}

/// One row: a claim, or one figure of a claim with several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The claim's id (empty on a claim's second and later figures).
    pub claim: String,
    /// What the rule says, or `{slot}` when it leaves the value open.
    pub rule: String,
    /// One cell per document.
    pub cells: Vec<Cell>,
}

/// A run's claims by source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// The documents, in run order.
    pub documents: Vec<String>,
    /// The rows, in rule order.
    pub rows: Vec<Row>,
}

/// Builds the matrix of a run from what each document says.
pub fn build(checker: &Checker, docs: &[Document], seen: &[Observations]) -> Matrix {
    let rules = &checker.rules;
    let mut rows = Vec::new();
    for (index, claim) in rules.claims.iter().enumerate() {
        match &claim.kind {
            ClaimKind::Figures(_) => {
                let slots = checker.matcher.slots(index);
                for (slot_index, slot) in slots.iter().enumerate() {
                    let figures: Vec<Option<&crate::sources::FigureSeen>> = seen
                        .iter()
                        .map(|obs| {
                            obs.figures
                                .iter()
                                .find(|f| f.claim == index && f.slot == slot_index)
                        })
                        .collect();
                    let cells = figures
                        .iter()
                        .map(|f| match f {
                            None => absent(),
                            Some(f) => {
                                let agrees = f.agrees.unwrap_or_else(|| {
                                    // No rule value: agree with most other sources.
                                    let others: Vec<_> = figures
                                        .iter()
                                        .flatten()
                                        .filter(|g| g.place != f.place)
                                        .collect();
                                    let with = others
                                        .iter()
                                        .filter(|g| figures_agree(&f.quantity, &g.quantity))
                                        .count();
                                    with * 2 >= others.len()
                                });
                                Cell {
                                    text: f.text.clone(),
                                    verdict: if agrees {
                                        Verdict::Agrees
                                    } else {
                                        Verdict::Differs
                                    },
                                }
                            }
                        })
                        .collect();
                    let label = if slot_index == 0 {
                        claim.id.clone()
                    } else {
                        String::new()
                    };
                    rows.push(Row {
                        claim: label,
                        rule: slot.text.clone(),
                        cells,
                    });
                }
            }
            ClaimKind::Quote(_) => {
                let cells =
                    seen.iter()
                        .map(
                            |obs| match obs.quotes.iter().find(|q| q.rule == Some(index)) {
                                None => absent(),
                                Some(q) => {
                                    let owner = claim.by.as_deref().and_then(|id| {
                                        rules.people.iter().position(|p| p.id == id)
                                    });
                                    if q.person != owner {
                                        let name = q.person.map_or(q.who.as_str(), |p| {
                                            rules.people[p].name.as_str()
                                        });
                                        let surname = name.rsplit(' ').next().unwrap_or(name);
                                        Cell {
                                            text: format!("given to {surname}"),
                                            verdict: Verdict::Differs,
                                        }
                                    } else if q.verbatim {
                                        Cell {
                                            text: "verbatim".into(),
                                            verdict: Verdict::Agrees,
                                        }
                                    } else {
                                        Cell {
                                            text: "reworded".into(),
                                            verdict: Verdict::Differs,
                                        }
                                    }
                                }
                            },
                        )
                        .collect();
                rows.push(Row {
                    claim: claim.id.clone(),
                    rule: "quote".into(),
                    cells,
                });
            }
            ClaimKind::Statement(_) => {
                let cells = seen
                    .iter()
                    .map(
                        |obs| match obs.statements.iter().find(|s| s.claim == index) {
                            None => absent(),
                            Some(s) => match &s.date {
                                None => Cell {
                                    text: "undated".into(),
                                    verdict: Verdict::Agrees,
                                },
                                Some(d) => Cell {
                                    text: d.clone(),
                                    verdict: if s.agrees {
                                        Verdict::Agrees
                                    } else {
                                        Verdict::Differs
                                    },
                                },
                            },
                        },
                    )
                    .collect();
                let rule = claim
                    .date
                    .map_or_else(|| "statement".to_string(), |d| d.to_string());
                rows.push(Row {
                    claim: claim.id.clone(),
                    rule,
                    cells,
                });
            }
        }
    }
    Matrix {
        documents: docs.iter().map(|d| d.path.clone()).collect(),
        rows,
    }
}

fn absent() -> Cell {
    Cell {
        text: String::new(),
        verdict: Verdict::Absent,
    }
}

/// Column labels for documents: A, B, ..., Z, AA, AB, ...
fn label(i: usize) -> String {
    let mut n = i + 1;
    let mut s = String::new();
    while n > 0 {
        n -= 1;
        s.insert(0, (b'A' + (n % 26) as u8) as char);
        n /= 26;
    }
    s
}

/// Cuts `text` to `width` characters, ending with "…" when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// Renders the matrix for a terminal `width` columns wide. Documents are columns
/// labelled A, B, C... with a legend; when they do not fit side by side, the table
/// is printed in several blocks of columns, each repeating the claim column.
/// Without color, a differing cell is marked `✗` and an absent one `·`.
pub fn render(m: &Matrix, width: usize, color: bool) -> String {
    const CLAIM: usize = 18;
    const RULE: usize = 10;
    const CELL: usize = 14;
    let mut out = String::from("Claims by source (✗ differs, · absent):\n");
    for (i, d) in m.documents.iter().enumerate() {
        out.push_str(&format!("  {} {d}\n", pad(&label(i), 3)));
    }
    let per_block = ((width.saturating_sub(CLAIM + RULE + 2)) / (CELL + 1)).max(1);
    let columns: Vec<usize> = (0..m.documents.len()).collect();
    for block in columns.chunks(per_block) {
        out.push('\n');
        let mut header = format!("{} {} ", pad("claim", CLAIM), pad("rule", RULE));
        for &c in block {
            header.push_str(&pad(&label(c), CELL));
            header.push(' ');
        }
        out.push_str(header.trim_end());
        out.push('\n');
        for row in &m.rows {
            let mut line = format!(
                "{} {} ",
                pad(&fit(&row.claim, CLAIM), CLAIM),
                pad(&fit(&row.rule, RULE), RULE)
            );
            for &c in block {
                let cell = &row.cells[c];
                let (mark, body) = match cell.verdict {
                    Verdict::Absent => ("·", String::new()),
                    Verdict::Differs => ("✗", fit(&cell.text, CELL - 2)),
                    Verdict::Agrees => (" ", fit(&cell.text, CELL - 2)),
                };
                let text = pad(&format!("{mark} {body}"), CELL);
                let styled = if !color {
                    text
                } else {
                    match cell.verdict {
                        Verdict::Agrees => text.green().to_string(),
                        Verdict::Differs => text.red().bold().to_string(),
                        Verdict::Absent => text.dimmed().to_string(),
                    }
                };
                line.push_str(&styled);
                line.push(' ');
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_run_past_z() {
        assert_eq!(
            [label(0), label(25), label(26), label(27)],
            ["A", "Z", "AA", "AB"]
        );
    }

    #[test]
    fn wide_runs_wrap_into_blocks_that_fit() {
        let m = Matrix {
            documents: (0..9)
                .map(|i| format!("stories/outlet-number-{i}-with-a-long-name.md"))
                .collect(),
            rows: vec![Row {
                claim: "a-claim-id-that-is-rather-long".into(),
                rule: "$1.3B".into(),
                cells: (0..9)
                    .map(|i| Cell {
                        text: if i == 3 {
                            "$1.3 million in trade".into()
                        } else {
                            "$1.3 billion".into()
                        },
                        verdict: if i == 3 {
                            Verdict::Differs
                        } else {
                            Verdict::Agrees
                        },
                    })
                    .collect(),
            }],
        };
        let text = render(&m, 80, false);
        for line in text.lines().filter(|l| !l.starts_with("  ")) {
            assert!(
                line.chars().count() <= 80,
                "{line:?} is {} wide",
                line.chars().count()
            );
        }
        assert_eq!(
            text.matches("\nclaim").count(),
            3,
            "three blocks of three columns:\n{text}"
        );
        assert!(text.contains("✗ $1.3 millio…"), "{text}");
    }
}
