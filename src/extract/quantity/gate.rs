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

use super::currency;
use super::lexer::{Kind, Lexed};

/// How many tokens before its first mark a figure may start ("an increase of
/// as much as 5%": 6); the rest is room.
const REACH: usize = 12;

/// Per token, whether a figure may start there.
pub(super) fn open_tokens(lx: &Lexed) -> Vec<bool> {
    let mut open = vec![false; lx.len()];
    let mut ahead = REACH + 1;
    for i in (0..lx.len()).rev() {
        ahead = if marks_a_figure(lx, i) {
            0
        } else {
            (ahead + 1).min(REACH + 1)
        };
        open[i] = ahead <= REACH || disabled();
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
                || lx.lower(i) == "pair"
                || currency::name(lx.lower(i)).is_some()
                || !lx.lower(i).is_ascii()
        }
    }
}

#[cfg(test)]
thread_local! {
    static DISABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a test turned the gate off on this thread.
#[cfg(test)]
fn disabled() -> bool {
    DISABLED.with(|d| d.get())
}

#[cfg(not(test))]
fn disabled() -> bool {
    false
}

#[cfg(test)]
mod tests {
    //! The gate changes no figure: every string the figure tests hold, and forms
    //! of our own, read with the gate and without it.
    use super::super::quantities;
    use super::DISABLED;

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
    fn the_gate_changes_no_figure() {
        let mut found = 0;
        let texts = SOURCES
            .iter()
            .flat_map(|s| s.split('"').skip(1).step_by(2))
            .chain(FORMS.iter().copied());
        for text in texts {
            let gated = quantities(text);
            DISABLED.with(|d| d.set(true));
            let open = quantities(text);
            DISABLED.with(|d| d.set(false));
            assert_eq!(gated, open, "the gate changed the figures of {text:?}");
            found += open.len();
        }
        assert!(
            found > 500,
            "only {found} figures: the texts no longer test the gate"
        );
    }
}
