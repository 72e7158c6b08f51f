//! A cheap gate before figure reading: a figure is tried only at tokens a few
//! tokens before something a figure is made of.
//!
//! Every figure holds a digit run, a number or ordinal word of the lexicon
//! ("three", "million", "dozen", "third"), "pair" ("a pair"), a currency name
//! ("a dollar") or a numeric symbol ("½"); "twice" and "double" are read apart and never gated.
//! What can *start* a figure is broader (hedges, change words, "between",
//! "from", "a"), so the reader is tried only at tokens with such a mark at most
//! [`REACH`] tokens ahead. Tests read every string of the figure tests with the
//! gate and without it and require the same figures.

use super::lexer::{Kind, Lexed};
use std::ops::Range;

use super::lexicon;

/// How many tokens before its first mark a figure may start ("an increase of
/// as much as 5%": 6); the rest is room.
const REACH: usize = 12;

/// Per token, whether a figure may start there.
#[cfg(test)]
pub(super) fn open_tokens(lx: &Lexed) -> Vec<bool> {
    crate::extract::gate::within_reach(lx.len(), REACH, |i| marks_a_figure(lx, i))
}

/// Per token, whether a figure may start there, worked out only for the tokens
/// of `pieces` (the others are closed): the same as over the whole text, since a
/// token's gate looks at most [`REACH`] tokens ahead, and those are read here.
pub(super) fn open_tokens_in(lx: &Lexed, pieces: &[Range<usize>]) -> Vec<bool> {
    let mut open = vec![false; lx.len()];
    for piece in pieces {
        let hi = (piece.end + REACH).min(lx.len());
        let marks = crate::extract::gate::within_reach(hi - piece.start, REACH, |k| {
            marks_a_figure(lx, piece.start + k)
        });
        open[piece.clone()].copy_from_slice(&marks[..piece.len()]);
    }
    open
}

/// Whether token `i` is something a figure is made of.
fn marks_a_figure(lx: &Lexed, i: usize) -> bool {
    match lx.kind(i) {
        Kind::Digits => true,
        Kind::Sym(c) => c.is_numeric(),
        Kind::Break => false,
        Kind::Word => {
            let e = lx.entry(i);
            e.num.is_some()
                || e.ord.is_some()
                || e.has(lexicon::PAIR | lexicon::CURRENCY)
                || !lx.lower(i).is_ascii()
        }
    }
}

#[cfg(test)]
mod tests {
    //! The gate changes no figure: every string the figure tests hold, and forms
    //! of our own, read with the gate and without it.
    use super::super::quantities;
    use crate::extract::gate::without_gates;

    const SOURCES: &[&str] = &[
        include_str!("../quantity.rs"),
        include_str!("context.rs"),
        include_str!("currency.rs"),
        include_str!("lexer.rs"),
        include_str!("lexicon.rs"),
        include_str!("numeral.rs"),
        include_str!("units.rs"),
    ];

    const FORMS: &[&str] = &[
        "It cost a dollar, then a pound, then half a million euros.",
        "Sales rose by as much as a third, an increase of more than twenty percent.",
        "Between three and four dozen boats; from a hundred to a thousand.",
        "Output was up an estimated nine-tenths of a point, to ½ of the total.",
        "The council said it would meet the critics after the vote.",
        "Twice as many came, double the number of last time, the second-largest.",
        "a pair",
        "They scored a pair of goals and an eighth of the points.",
    ];

    #[test]
    fn the_gate_of_some_pieces_is_the_gate_of_all() {
        use super::super::{lexer::Lexed, pieces};
        let texts = SOURCES
            .iter()
            .flat_map(|s| s.split('"').skip(1).step_by(2))
            .chain(FORMS.iter().copied());
        let mut joined = String::new();
        for (n, text) in texts.enumerate() {
            joined.push_str(text);
            joined.push_str(if n % 3 == 0 { "\n\n" } else { " " });
        }
        let lx = Lexed::new(&joined);
        let all = super::open_tokens(&lx);
        let every = pieces::all(&lx);
        assert!(every.len() > 100, "only {} pieces", every.len());
        for step in 1..4 {
            let some: Vec<_> = every.iter().step_by(step).cloned().collect();
            let open = super::open_tokens_in(&lx, &some);
            for p in &some {
                assert_eq!(open[p.clone()], all[p.clone()], "piece {p:?}");
            }
        }
    }

    #[test]
    fn the_gate_changes_no_figure() {
        let mut found = 0;
        let texts = SOURCES
            .iter()
            .flat_map(|s| s.split('"').skip(1).step_by(2))
            .chain(FORMS.iter().copied());
        for text in texts {
            let gated = quantities(text);
            let open = without_gates(|| quantities(text));
            assert_eq!(gated, open, "the gate changed the figures of {text:?}");
            found += open.len();
        }
        assert!(
            found > 500,
            "only {found} figures: the texts no longer test the gate"
        );
    }
}
