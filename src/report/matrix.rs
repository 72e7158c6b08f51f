//! The claim matrix: one row per claim (per figure, for claims with several), one
//! column per document, each cell what that document says, marked as agreeing with
//! the rule (or, without a rule value, with the other sources), differing, or absent.

use colored::Colorize;

use super::layout;

use crate::pipeline::Checker;
use crate::rules::{ClaimKind, RuleSet};
use crate::sources::{FigureSeen, Observations, figures_agree};

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

/// Builds the matrix of a run from what each document says: `files` are the
/// documents' paths, `seen[i]` what `files[i]` says.
pub fn build(checker: &Checker, files: &[String], seen: &[Observations]) -> Matrix {
    let rules = &checker.rules;
    let mut rows = Vec::new();
    for (index, claim) in rules.claims.iter().enumerate() {
        match &claim.kind {
            ClaimKind::Figures(_) => rows.extend(figure_rows(checker, index, seen)),
            ClaimKind::Quote(_) => rows.push(Row {
                claim: claim.id.clone(),
                rule: "quote".into(),
                cells: seen
                    .iter()
                    .map(|obs| quote_cell(rules, index, obs))
                    .collect(),
            }),
            ClaimKind::Statement(_) => rows.push(Row {
                claim: claim.id.clone(),
                rule: claim
                    .date
                    .map_or_else(|| "statement".to_string(), |d| d.to_string()),
                cells: seen.iter().map(|obs| statement_cell(index, obs)).collect(),
            }),
        }
    }
    Matrix {
        documents: files.to_vec(),
        rows,
    }
}

/// A figure claim's rows, one per figure of its template: what each document
/// gives for that figure.
fn figure_rows(checker: &Checker, index: usize, seen: &[Observations]) -> Vec<Row> {
    let claim = &checker.rules.claims[index];
    let slots = checker.matcher.slots(index);
    let mut rows = Vec::with_capacity(slots.len());
    for (slot_index, slot) in slots.iter().enumerate() {
        let figures: Vec<Option<&FigureSeen>> = seen
            .iter()
            .map(|obs| {
                obs.figures
                    .iter()
                    .find(|f| f.claim == index && f.slot == slot_index)
            })
            .collect();
        let cells = figures
            .iter()
            .map(|f| f.map_or_else(absent, |f| figure_cell(f, &figures)))
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
    rows
}

/// A figure as written, agreeing when it is the rule's value or, when the rule
/// leaves the figure open, when it agrees with at least half the other sources
/// (`all`: what every document gives for the same figure).
fn figure_cell(f: &FigureSeen, all: &[Option<&FigureSeen>]) -> Cell {
    let agrees = f.agrees.unwrap_or_else(|| {
        let others: Vec<_> = all
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

/// How a document renders the recorded quote of claim `index`: verbatim,
/// reworded, or given to someone else.
fn quote_cell(rules: &RuleSet, index: usize, obs: &Observations) -> Cell {
    let Some(q) = obs.quotes.iter().find(|q| q.rule == Some(index)) else {
        return absent();
    };
    let claim = &rules.claims[index];
    let owner = claim
        .by
        .as_deref()
        .and_then(|id| rules.people.iter().position(|p| p.id == id));
    let (text, verdict) = if q.person != owner {
        let name = q
            .person
            .map_or(q.who.as_str(), |p| rules.people[p].name.as_str());
        let surname = name.rsplit(' ').next().unwrap_or(name);
        (format!("given to {surname}"), Verdict::Differs)
    } else if q.verbatim {
        ("verbatim".into(), Verdict::Agrees)
    } else {
        ("reworded".into(), Verdict::Differs)
    };
    Cell { text, verdict }
}

/// The date a document gives the statement of claim `index` ("undated" agrees:
/// only a wrong date differs).
fn statement_cell(index: usize, obs: &Observations) -> Cell {
    match obs.statements.iter().find(|s| s.claim == index) {
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

/// Cuts `text` to `width` columns, ending with "…" when cut.
fn fit(text: &str, width: usize) -> String {
    if layout::width(text) <= width {
        return text.to_string();
    }
    let mut s = String::new();
    for c in text.chars() {
        if layout::width(&s) + layout::char_width(c) + 1 > width {
            break;
        }
        s.push(c);
    }
    s.push('…');
    s
}

fn pad(text: &str, width: usize) -> String {
    let n = layout::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// The narrowest and widest a document's column is.
const CELL: (usize, usize) = (14, 24);
/// The widest the claim column is; longer claim ids go on lines of their own.
const CLAIM_MAX: usize = 30;
/// Claim ids up to this wide always stay in their column.
const CLAIM_SHORT: usize = 18;
/// The widest the rule column is.
const RULE_MAX: usize = 12;

/// Renders the matrix for a terminal `width` columns wide. Documents are columns
/// labelled A, B, C... with a legend; when they do not fit side by side, the table
/// is printed in several blocks of columns, each repeating the claim column. Claim
/// ids are shown in full (one too long for the column gets a line of its own), and
/// every value that differs, or that the grid had to cut, is listed in full under
/// it. Without color, a differing cell is marked `✗` and an absent one `·`.
pub fn render(m: &Matrix, width: usize, color: bool) -> String {
    let shape = Shape::of(m, width);
    let mut out = String::from("Claims by source (✗ differs, · absent):\n");
    for (i, d) in m.documents.iter().enumerate() {
        out.push_str(&format!("  {} {d}\n", pad(&label(i), 3)));
    }
    let columns: Vec<usize> = (0..m.documents.len()).collect();
    let mut cut = Vec::new();
    for block in columns.chunks(shape.per_block) {
        out.push('\n');
        out.push_str(&block_header(&shape, block));
        for (r, row) in m.rows.iter().enumerate() {
            out.push_str(&row_lines(&shape, row, block, color));
            if fit(&row.rule, shape.rule - 2 * usize::from(shape.claim == 0)) != row.rule
                && block[0] == 0
            {
                cut.push((r, None));
            }
            for &c in block {
                let cell = &row.cells[c];
                if cell.verdict == Verdict::Differs || fit(&cell.text, shape.cell - 2) != cell.text
                {
                    cut.push((r, Some(c)));
                }
            }
        }
    }
    out.push_str(&in_full(m, &cut, width));
    out
}

/// The header line of one block of document columns: claim, rule, A, B, ...
fn block_header(shape: &Shape, block: &[usize]) -> String {
    let first = if shape.claim == 0 {
        "rule".to_string()
    } else {
        format!("{} rule", pad("claim", shape.claim))
    };
    let mut header = format!(
        "{} ",
        pad(
            &first,
            shape.claim + shape.rule + usize::from(shape.claim > 0)
        )
    );
    for &c in block {
        header.push_str(&pad(&label(c), shape.cell));
        header.push(' ');
    }
    format!("{}\n", header.trim_end())
}

/// One row of the grid in one block of columns: the claim (on a line of its own when
/// the claim column is left out), the rule, and each document's cell, marked and cut
/// to the column.
fn row_lines(shape: &Shape, row: &Row, block: &[usize], color: bool) -> String {
    let mut out = String::new();
    let mut line = if shape.claim == 0 {
        // Ids on lines of their own, the figures' rows under them.
        if !row.claim.is_empty() {
            out.push_str(&row.claim);
            out.push('\n');
        }
        format!(
            "  {} ",
            pad(&fit(&row.rule, shape.rule - 2), shape.rule - 2)
        )
    } else {
        format!(
            "{} {} ",
            pad(&row.claim, shape.claim),
            pad(&fit(&row.rule, shape.rule), shape.rule)
        )
    };
    for &c in block {
        let cell = &row.cells[c];
        let body = fit(&cell.text, shape.cell - 2);
        let mark = match cell.verdict {
            Verdict::Absent => "·",
            Verdict::Differs => "✗",
            Verdict::Agrees => " ",
        };
        line.push_str(&paint(
            &pad(&format!("{mark} {body}"), shape.cell),
            cell.verdict,
            color,
        ));
        line.push(' ');
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// The grid's column widths.
struct Shape {
    /// The claim column; 0 when claim ids go on lines of their own.
    claim: usize,
    /// The rule column.
    rule: usize,
    /// Each document's column.
    cell: usize,
    /// How many document columns fit side by side.
    per_block: usize,
}

impl Shape {
    /// Picks the layout that shows the most documents side by side: claim ids in a
    /// column when they are short or everything fits anyway, else on lines of
    /// their own; then document columns as wide as their values, while that does
    /// not push a document into another block.
    fn of(m: &Matrix, width: usize) -> Shape {
        let docs = m.documents.len().max(1);
        let longest_id = m
            .rows
            .iter()
            .map(|r| layout::width(&r.claim))
            .max()
            .unwrap_or(0);
        let rule = m
            .rows
            .iter()
            .map(|r| layout::width(&r.rule))
            .max()
            .unwrap_or(0)
            .clamp(4, RULE_MAX);
        let per_block = |claim: usize, rule: usize, cell: usize| {
            let fixed = if claim == 0 {
                rule + 1
            } else {
                claim + rule + 2
            };
            (width.saturating_sub(fixed) / (cell + 1)).clamp(1, docs)
        };
        let inline = longest_id.clamp(5, CLAIM_MAX);
        let (claim, rule) = if longest_id <= CLAIM_SHORT || per_block(inline, rule, CELL.0) == docs
        {
            (inline, rule)
        } else {
            (0, rule + 2)
        };
        let fits = per_block(claim, rule, CELL.0);
        let longest_cell = m
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| layout::width(&c.text) + 2))
            .max()
            .unwrap_or(0);
        let cell = (CELL.0..=longest_cell.clamp(CELL.0, CELL.1))
            .rev()
            .find(|&c| per_block(claim, rule, c) == fits)
            .unwrap_or(CELL.0);
        Shape {
            claim,
            rule,
            cell,
            per_block: fits,
        }
    }
}

fn paint(text: &str, verdict: Verdict, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    match verdict {
        Verdict::Agrees => text.green().to_string(),
        Verdict::Differs => text.red().bold().to_string(),
        Verdict::Absent => text.dimmed().to_string(),
    }
}

/// The values the grid marked as differing or had to cut, each in full: which
/// claim (and figure), which document, what it says.
fn in_full(m: &Matrix, cells: &[(usize, Option<usize>)], width: usize) -> String {
    if cells.is_empty() {
        return String::new();
    }
    let mut cells = cells.to_vec();
    cells.sort();
    cells.dedup();
    let mut out = String::from("\nIn full:\n");
    for &(r, c) in &cells {
        let row = &m.rows[r];
        // A claim's second and later figures have no id of their own in the grid.
        let claim = m.rows[..=r]
            .iter()
            .rev()
            .find(|x| !x.claim.is_empty())
            .map_or("", |x| x.claim.as_str());
        let (mark, line) = match c {
            None => (" ", format!("{claim}: the rule says {}", row.rule)),
            Some(c) => {
                let cell = &row.cells[c];
                let mark = if cell.verdict == Verdict::Differs {
                    "✗"
                } else {
                    " "
                };
                (
                    mark,
                    format!("{claim} ({}), {}: {}", row.rule, label(c), cell.text),
                )
            }
        };
        out.push_str(mark);
        out.push(' ');
        out.push_str(&layout::hanging(&line, width, 2, 4));
        out.push('\n');
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
        let headers: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("claim ") || l.starts_with("rule "))
            .collect();
        assert!(headers.len() > 1, "nine columns do not fit in 80: {text}");
        for c in 'A'..='I' {
            let named = headers
                .iter()
                .any(|h| h.split_whitespace().any(|w| w == c.to_string()));
            assert!(named, "column {c} is in some block:\n{text}");
        }
        assert!(
            text.contains("D: $1.3 million in trade"),
            "the differing value in full: {text}"
        );
        assert!(
            text.contains("a-claim-id-that-is-rather-long"),
            "the full claim id: {text}"
        );
    }
}
