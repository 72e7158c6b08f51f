//! Sentences of a prose block.
//!
//! The sentence splitter looks for the closing mark of every opening quotation
//! mark through the rest of the text it is given, so a block where quotation marks
//! are opened and never closed costs the square of its length. Long blocks are
//! therefore given to it in windows of at most [`WINDOW`] bytes, each cut where a
//! sentence ends: the cost is linear in the block, and a block shorter than one
//! window (nearly every paragraph) is split exactly as before.

use crate::extract::Span;

/// The most bytes of one block given to the sentence splitter at once.
pub const WINDOW: usize = 4096;

/// Splits one block of the prose view into sentences, trimmed of surrounding space.
pub fn split(prose: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    for window in windows(prose, block) {
        split_window(prose, window, &mut out);
    }
    out
}

/// `block` cut into windows of at most [`WINDOW`] bytes, each ending after a
/// sentence's end where there is one (else after a space, else on a character).
fn windows(prose: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = block.start;
    while block.end - start > WINDOW {
        let mut limit = start + WINDOW;
        while !prose.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = cut_point(&prose[start..limit]).map_or(limit, |c| start + c);
        out.push(start..cut);
        start = cut;
    }
    if start < block.end {
        out.push(start..block.end);
    }
    out
}

/// Where to cut `text`: after the last whitespace that follows a sentence's end,
/// else after the last whitespace in its second half.
fn cut_point(text: &str) -> Option<usize> {
    let ends_sentence = |before: &str| {
        let before = before.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', ']']);
        before.ends_with(['.', '!', '?'])
    };
    let spaces = || {
        text.char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(i, c)| (i, i + c.len_utf8()))
    };
    spaces()
        .find(|&(i, _)| ends_sentence(&text[..i]))
        .or_else(|| spaces().find(|&(i, _)| i > text.len() / 2))
        .map(|(_, after)| after)
        .filter(|&c| c > 0)
}

/// The sentences of one window, appended to `out`.
fn split_window(prose: &str, window: Span, out: &mut Vec<Span>) {
    let Some(slice) = prose.get(window.clone()) else {
        return;
    };
    for b in sentencex::get_sentence_boundaries("en", slice) {
        let s = &slice[b.start_byte..b.end_byte];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        let start = window.start + b.start_byte + lead;
        let end = window.start + b.end_byte - trail;
        if start >= end {
            continue;
        }
        // A cut with no space after it falls inside a word ("R-N.Y., said": the
        // splitter ends a sentence at "N."), so it is no sentence's end.
        match out.last_mut() {
            Some(last) if last.end == start => last.end = end,
            _ => out.push(start..end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, 0..text.len())
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn long_blocks_split_as_short_ones_do() {
        let one = "The port handled 20% more cargo. \u{201c}We are ready,\u{201d} she said. ";
        let long = one.repeat(200);
        assert!(long.len() > 3 * WINDOW);
        let got = sentences(&long);
        assert_eq!(got.len(), 400);
        for pair in got.chunks(2) {
            assert_eq!(
                pair,
                [
                    "The port handled 20% more cargo.",
                    "\u{201c}We are ready,\u{201d} she said."
                ]
            );
        }
    }

    #[test]
    fn a_cut_inside_a_word_is_no_sentence_end() {
        // The splitter alone ends a sentence at the "N." of "R-N.Y.,".
        let text = "Rep. Pat Doyle, R-N.Y., said the port would reopen. Crews left.";
        assert_eq!(
            sentences(text),
            [
                "Rep. Pat Doyle, R-N.Y., said the port would reopen.",
                "Crews left."
            ]
        );
    }

    #[test]
    fn windows_cover_the_block_on_character_boundaries() {
        let text = "é".repeat(3 * WINDOW) + " end";
        let w = windows(&text, 0..text.len());
        assert_eq!(w.first().unwrap().start, 0);
        assert_eq!(w.last().unwrap().end, text.len());
        for pair in w.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        assert!(
            w.iter()
                .all(|s| text.is_char_boundary(s.start) && s.len() <= WINDOW)
        );
    }

    #[test]
    fn unclosed_quotation_marks_cost_a_window_not_the_block() {
        // Counted, not timed: each window is at most WINDOW bytes, whatever the block.
        let text = "He said \u{201c}we will see. ".repeat(10_000);
        let w = windows(&text, 0..text.len());
        assert!(w.iter().all(|s| s.len() <= WINDOW));
        assert!(w.len() >= text.len() / WINDOW);
        assert_eq!(sentences(&text).len(), 10_000);
    }
}
