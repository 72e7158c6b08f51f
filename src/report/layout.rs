//! Terminal layout: how wide the report may be, and word wrapping by display width
//! (a CJK character takes two columns, a combining accent none).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The width used when output is not a terminal and `COLUMNS` says nothing.
pub const DEFAULT_WIDTH: usize = 80;

/// The narrowest layout the report attempts; narrower requests are widened to it.
pub const MIN_WIDTH: usize = 40;

/// The report's width: `COLUMNS` when it holds a number, else the terminal's width
/// when standard output is one, else 80.
pub fn terminal_width() -> usize {
    let from_env = std::env::var("COLUMNS").ok();
    let terminal = || terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    width_from(from_env.as_deref(), terminal)
}

/// The width from a `COLUMNS` value and the terminal's width, if any.
fn width_from(columns: Option<&str>, terminal: impl FnOnce() -> Option<usize>) -> usize {
    let width = columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .or_else(terminal)
        .unwrap_or(DEFAULT_WIDTH);
    width.max(MIN_WIDTH)
}

/// The display width of a character: control characters count as one (they are
/// shown as spaces, see [`visible`]).
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// The display width of a string as [`visible`] shows it.
pub fn width(s: &str) -> usize {
    if s.chars().any(char::is_control) {
        s.chars().map(char_width).sum()
    } else {
        s.width()
    }
}

/// `s` with tabs and other control characters shown as one space each, so that a
/// caret row lines up under its text.
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Wraps `text` at spaces into lines at most `width` columns wide (a word longer
/// than a line is cut). The first line is `first` columns narrower (for a label in
/// front of it).
pub fn wrap(text: &str, columns: usize, first: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut room = columns.saturating_sub(first).max(1);
    for word in text.split(' ') {
        let w = width(word);
        if used > 0 && used + 1 + w > room {
            lines.push(std::mem::take(&mut line));
            used = 0;
            room = columns.max(1);
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        // A word wider than a whole line is cut into pieces that fit.
        for c in word.chars() {
            let cw = char_width(c);
            if used + cw > room && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
                room = columns.max(1);
            }
            line.push(c);
            used += cw;
        }
    }
    lines.push(line);
    lines
}

/// `text` wrapped to `width`, every line after the first indented by `indent`
/// spaces, the first one following a prefix `first` columns wide.
pub fn hanging(text: &str, width: usize, first: usize, indent: usize) -> String {
    let lines = wrap(
        text,
        width.saturating_sub(indent),
        first.saturating_sub(indent),
    );
    let pad = " ".repeat(indent);
    lines.join(&format!("\n{pad}"))
}

/// `text` with every run of white space one space and no space left before closing
/// punctuation: how a sentence reads once its Markdown markup is blanked out
/// ("According to [Geostat](…), trade" reads "According to Geostat, trade"). A
/// space at either end stays, as one.
pub fn fold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let closing = matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')');
        if space && (out.is_empty() || !closing) {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn blanked_markup_leaves_no_space_before_punctuation() {
        assert_eq!(
            super::fold_spaces("According to  Geostat      , trade\n rose ."),
            "According to Geostat, trade rose."
        );
        assert_eq!(super::fold_spaces(" said "), " said ");
    }

    use super::*;

    #[test]
    fn columns_wins_then_the_terminal_then_80() {
        assert_eq!(width_from(Some("120"), || Some(100)), 120);
        assert_eq!(width_from(Some("junk"), || Some(100)), 100);
        assert_eq!(width_from(None, || None), DEFAULT_WIDTH);
        assert_eq!(width_from(Some("0"), || None), DEFAULT_WIDTH);
        assert_eq!(width_from(Some("10"), || None), MIN_WIDTH);
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width() {
        let text = "Bilateral trade reached one point three billion dollars in the first half \
                    of the year, a rise of seven percent, the statistics office said.";
        for width in [20, 33, 50] {
            let lines = wrap(text, width, 0);
            assert!(lines.iter().all(|l| super::width(l) <= width), "{lines:?}");
            assert_eq!(lines.join(" "), text);
        }
        let cut = wrap(&"x".repeat(25), 10, 0);
        assert_eq!(cut, ["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("東京"), 4);
        assert_eq!(width("a\tb"), 3);
        let lines = wrap("東京 東京 東京", 9, 0);
        assert!(lines.iter().all(|l| super::width(l) <= 9), "{lines:?}");
    }
}
