//! Pieces: the runs of tokens between two breaks (a paragraph break, a URL or
//! e-mail address). Nothing attaches across a break, so a piece's figures depend
//! on that piece alone, but for one thing the reader carries over (where the last
//! percentage ended, for "3 points"): a caller that needs the figures of a few
//! sentences reads only the pieces that hold them, and those that thing can
//! reach.

use std::ops::Range;

use super::lexer::{Kind, Lexed};
use crate::extract::Span;

/// Every piece of `lx`, in order.
pub(super) fn all(lx: &Lexed) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in lx.toks.iter().enumerate() {
        if t.kind == Kind::Break {
            if start < i {
                out.push(start..i);
            }
            start = i + 1;
        }
    }
    if start < lx.len() {
        out.push(start..lx.len());
    }
    out
}

/// The pieces of `lx` that hold the start of a token inside one of `spans`
/// (sorted by position), in order; and, before a piece that holds a "points"
/// word, every piece ending less than [`super::POINTS_AFTER_PERCENT`] bytes
/// before it, whose percentage may make those points percentage points. The
/// reader carries that one thing from piece to piece: a percentage in a piece
/// not read ended further back, where no figure of a piece read can see it.
pub(super) fn touching(lx: &Lexed, spans: &[Span]) -> Vec<Range<usize>> {
    let pieces = all(lx);
    let mut wanted: Vec<bool> = Vec::with_capacity(pieces.len());
    let mut s = 0;
    for piece in &pieces {
        let toks = &lx.toks[piece.clone()];
        let (from, to) = (toks[0].start, toks[toks.len() - 1].start);
        while s < spans.len() && spans[s].end <= from {
            s += 1;
        }
        let holds = spans[s..].iter().take_while(|sp| sp.start <= to).any(|sp| {
            let k = toks.partition_point(|t| t.start < sp.start);
            toks.get(k).is_some_and(|t| t.start < sp.end)
        });
        wanted.push(holds);
    }
    for k in (0..pieces.len()).rev() {
        if !wanted[k] || !pieces_hold_points(lx, &pieces[k]) {
            continue;
        }
        let start = lx.toks[pieces[k].start].start;
        for j in (0..k).rev() {
            let end = lx.toks[pieces[j].end - 1].end;
            if end + super::POINTS_AFTER_PERCENT < start {
                break;
            }
            wanted[j] = true;
        }
    }
    pieces
        .into_iter()
        .zip(wanted)
        .filter_map(|(p, w)| w.then_some(p))
        .collect()
}

/// Whether a word (lowercase) is one the reader counts as percentage points
/// only after a percentage.
pub(super) fn is_points_word(w: &str) -> bool {
    matches!(w, "points" | "point" | "pts" | "pt")
}

/// Whether a piece holds a [`is_points_word`].
fn pieces_hold_points(lx: &Lexed, piece: &Range<usize>) -> bool {
    piece.clone().any(|i| is_points_word(lx.lower(i)))
}

/// Whether a break lies between byte offsets `from` and `to` of the text.
pub(super) fn break_between(lx: &Lexed, from: usize, to: usize) -> bool {
    let k = lx.toks.partition_point(|t| t.start < from);
    lx.toks[k..]
        .iter()
        .take_while(|t| t.start < to)
        .any(|t| t.kind == Kind::Break)
}

#[cfg(test)]
mod tests {
    //! Reading some pieces changes no figure: for sets of sentences of our own
    //! texts, of the figure tests' strings and of the suites' texts, the figures
    //! read for those sentences' pieces hold every figure the whole reading finds
    //! starting in them, and none it does not find.
    use super::super::{quantities, quantities_in};
    use super::*;
    use crate::document::Document;

    const SOURCES: &[&str] = &[
        include_str!("../quantity.rs"),
        include_str!("context.rs"),
        include_str!("numeral.rs"),
    ];

    /// Our own forms: percentage points a paragraph after their percentage, a
    /// URL inside a sentence, lists and ranges next to a break.
    const FORMS: &[&str] = &[
        "Turnout was 45% in May.\n\nHer lead grew 3 points in a week.\n\nOnly 2 points were scored.",
        "The rate fell to 4.5%.\n\nShort.\n\nIt then rose 2 points, to 6.5%.",
        "Read https://example.org/report-2024 for the 7% rise.\n\nIt cost $4 million, or 12 points.",
        "They counted 5, 7\n\nand 9 percent of the vote.",
        "Between 10\n\nand 20 percent said no. About 3,200 jobs, up 7%.",
        "Sales rose 7% to $1.3 billion in 2024. Costs fell by a third.\n\n\
         Profit was 12 points higher. The firm hired 300 people.",
    ];

    /// Checks `text` with each sentence alone and with every third sentence.
    fn check(text: &str) -> usize {
        let all = quantities(text);
        let lx = Lexed::new(text);
        for q in &all {
            assert!(
                !break_between(&lx, q.span.start + 1, q.span.end),
                "{:?} in {text:?} holds a break",
                &text[q.span.clone()]
            );
        }
        let sentences = Document::new("a.txt", text.to_string(), None).sentences;
        let mut sets: Vec<Vec<Span>> = (0..3)
            .map(|k| sentences.iter().skip(k).step_by(3).cloned().collect())
            .collect();
        if sentences.len() <= 12 {
            sets.extend(sentences.iter().map(|s| vec![s.clone()]));
        }
        for spans in sets {
            let some = quantities_in(text, &spans);
            for q in &some {
                assert!(all.contains(q), "{q:?} is not a figure of {text:?}");
            }
            for q in all
                .iter()
                .filter(|q| spans.iter().any(|s| s.contains(&q.span.start)))
            {
                assert!(some.contains(q), "{q:?} of {text:?} was not read");
            }
        }
        all.len()
    }

    #[test]
    fn reading_some_pieces_finds_their_figures_of_our_forms() {
        let found: usize = FORMS.iter().map(|t| check(t)).sum();
        assert!(found >= 20, "only {found} figures");
        // The points after a percentage a paragraph back are points.
        let text = FORMS[0];
        let lead = text.find("3 points").expect("the lead");
        let sentence = lead..lead + "3 points in a week.".len();
        let some = quantities_in(text, &[sentence]);
        assert_eq!(
            some.iter()
                .find(|q| q.span.contains(&lead))
                .map(|q| q.kind.clone()),
            Some(crate::extract::QuantityKind::PercentagePoints)
        );
        // A list does not run on into the next paragraph.
        let list = quantities(FORMS[3]);
        assert_eq!(list[0].kind, crate::extract::QuantityKind::Number);
    }

    #[test]
    fn reading_some_pieces_finds_their_figures_of_the_figure_tests() {
        let mut found = 0;
        for text in SOURCES.iter().flat_map(|s| s.split('"').skip(1).step_by(2)) {
            found += check(&text.replace("\\n", "\n"));
        }
        assert!(found > 500, "only {found} figures");
    }

    #[test]
    fn reading_some_pieces_finds_their_figures_of_the_suites() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
        for file in ["quote-suite/dev.jsonl", "date-suite/timebank.jsonl"] {
            let Ok(lines) = std::fs::read_to_string(root.join(file)) else {
                continue; // the converted suites are not in every checkout
            };
            for line in lines.lines().take(150) {
                let doc: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                check(doc["text"].as_str().unwrap_or_default());
            }
        }
    }
}
