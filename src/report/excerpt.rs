//! The excerpt under a finding's title: the lines that hold its words, numbered,
//! with carets under the words. A line wider than the report is shown as a window
//! around the words (`…` where it is cut); words longer than one row, and spans
//! over several lines, are wrapped into rows with carets under each part.
//!
//! Work is bounded by the width, not by the line: a finding on a line of a megabyte
//! costs no more than one on a short line.

use std::ops::Range;

use colored::Colorize;

use super::layout::{char_width, visible, width};
use crate::document::Document;

/// The most rows one line's part of an excerpt takes; a longer part is cut in the
/// middle with `…`.
const MAX_ROWS: usize = 6;

/// The most lines of a multi-line span shown; the middle ones are left out.
const MAX_LINES: usize = 6;

/// How an excerpt is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// The report's width in columns.
    pub width: usize,
    /// Whether to color.
    pub color: bool,
    /// Whether the carets are an error's (red) or a warning's (yellow).
    pub error: bool,
}

/// Renders the excerpt of `span` (bytes of `doc.text`), lines `first..=last`, with
/// `label` after the carets.
pub fn render(
    doc: &Document,
    span: Range<usize>,
    lines: (usize, usize),
    label: &str,
    style: Style,
) -> String {
    let (first, last) = (lines.0.max(1), lines.1.max(lines.0.max(1)));
    let gutter = last.to_string().len();
    let frame = Frame {
        gutter,
        avail: style.width.saturating_sub(gutter + 3).max(20),
        bar: paint_gutter(&format!("{} |", " ".repeat(gutter)), style.color),
        label,
        style,
    };
    let mut out = format!("{}\n", frame.bar);
    let shown = shown_lines(first, last);
    let mut label_left = false;
    for (i, entry) in shown.iter().enumerate() {
        let Some(line) = *entry else {
            out.push_str(&format!(
                "{}\n",
                paint_gutter(&format!("{} ⋮", " ".repeat(gutter)), style.color)
            ));
            continue;
        };
        label_left |= excerpt_line(&mut out, doc, line, &span, i + 1 == shown.len(), &frame);
    }
    // A label too wide to follow the carets goes under them, wrapped.
    if label_left && !label.is_empty() {
        for l in super::layout::wrap(label, frame.avail, 0) {
            out.push_str(&format!("{} {}\n", frame.bar, paint_carets(&l, style)));
        }
    }
    out.push_str(&format!("{}\n", frame.bar));
    out
}

/// What every line of one excerpt shares: the gutter's width and bar, the width left
/// for text, the label after the last carets, the style.
struct Frame<'a> {
    gutter: usize,
    avail: usize,
    bar: String,
    label: &'a str,
    style: Style,
}

/// Renders one line of the document (wrapped into rows `frame.avail` wide) with
/// carets under the part of `span` on it. On the excerpt's `last_line`, the label
/// follows the last carets when it fits; returns whether it did not, so that it
/// goes under them.
fn excerpt_line(
    out: &mut String,
    doc: &Document,
    line: usize,
    span: &Range<usize>,
    last_line: bool,
    frame: &Frame,
) -> bool {
    let (gutter, style) = (frame.gutter, frame.style);
    let ls = doc.line_span(line);
    let hl = span.start.clamp(ls.start, ls.end)..span.end.clamp(ls.start, ls.end);
    let rows = rows_of(&doc.text, ls.clone(), hl.clone(), frame.avail);
    let mut label_left = false;
    for (r, row) in rows.iter().enumerate() {
        let number = if r == 0 {
            format!("{line:>gutter$} |")
        } else {
            format!("{} |", " ".repeat(gutter))
        };
        out.push_str(&format!(
            "{} {}\n",
            paint_gutter(&number, style.color),
            row.text.trim_end()
        ));
        if let Some((pad, n)) = row.carets {
            let carets = "^".repeat(n.max(1));
            let is_last = last_line && rows[r + 1..].iter().all(|x| x.carets.is_none());
            let mut text = format!("{}{}", " ".repeat(pad), paint_carets(&carets, style));
            if is_last {
                label_left = true;
                if pad + n.max(1) + 1 + width(frame.label) <= frame.avail {
                    text.push(' ');
                    text.push_str(&paint_carets(frame.label, style));
                    label_left = false;
                }
            }
            out.push_str(&format!("{} {text}\n", frame.bar));
        }
    }
    label_left
}

/// The lines to show: all of a short span's, or the first and last few of a long
/// one with `None` for the lines left out.
fn shown_lines(first: usize, last: usize) -> Vec<Option<usize>> {
    if last - first < MAX_LINES {
        return (first..=last).map(Some).collect();
    }
    let mut v: Vec<Option<usize>> = (first..first + MAX_LINES / 2).map(Some).collect();
    v.push(None);
    v.extend((last + 1 - MAX_LINES / 2..=last).map(Some));
    v
}

/// One row of an excerpt: its text, and where its carets go (columns of padding,
/// columns of carets) when it holds highlighted words.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    text: String,
    carets: Option<(usize, usize)>,
}

/// Cuts line `ls` of `text` into rows at most `avail` columns wide, showing the
/// highlighted bytes `hl` and as much context around them as fits.
fn rows_of(text: &str, ls: Range<usize>, hl: Range<usize>, avail: usize) -> Vec<Row> {
    let hl_width = bounded_width(&text[hl.clone()], avail * MAX_ROWS + 1);
    let whole = bounded_width(&text[ls.clone()], avail + 1);
    let (start, end) = if whole <= avail {
        (ls.start, ls.end)
    } else if hl_width + 2 <= avail {
        window(text, &ls, &hl, avail - 2 - hl_width)
    } else {
        // The words take more than a row: a little context on each side, wrapped.
        let context = (avail / 4).min(20);
        (
            back(text, ls.start, hl.start, context),
            forward(text, hl.end, ls.end, context),
        )
    };
    let mut pieces: Vec<(Range<usize>, bool)> = Vec::new();
    if start < hl.start {
        pieces.push((start..hl.start, false));
    }
    pieces.push((
        hl.start.max(start)..hl.end.min(end).max(hl.start.max(start)),
        true,
    ));
    if hl.end < end {
        pieces.push((hl.end..end, false));
    }
    let mut rows = layout(text, &pieces, avail, start > ls.start, end < ls.end);
    if rows.len() > MAX_ROWS {
        let tail = rows.split_off(rows.len() - MAX_ROWS / 2);
        rows.truncate(MAX_ROWS / 2);
        rows.push(Row {
            text: "…".into(),
            carets: Some((0, 1)),
        });
        rows.extend(tail);
    }
    rows
}

/// The window `(start, end)` around `hl` with `budget` columns of context, split
/// evenly, and what one side cannot use given to the other.
fn window(text: &str, ls: &Range<usize>, hl: &Range<usize>, budget: usize) -> (usize, usize) {
    let before = budget / 2;
    let start = back(text, ls.start, hl.start, before);
    let used = width(&text[start..hl.start]);
    let end = forward(text, hl.end, ls.end, budget - used);
    let spare = budget.saturating_sub(used + width(&text[hl.end..end]));
    let start = if spare > 0 && start > ls.start {
        back(text, ls.start, hl.start, used + spare)
    } else {
        start
    };
    // A cut falls between words when one is near.
    const NEAR: usize = 12;
    let start = if start > ls.start {
        text[start..hl.start]
            .char_indices()
            .take(NEAR)
            .find(|(_, c)| *c == ' ')
            .map_or(start, |(i, _)| start + i + 1)
    } else {
        start
    };
    let end = if end < ls.end {
        text[hl.end..end]
            .char_indices()
            .rev()
            .take(NEAR)
            .find(|(_, c)| *c == ' ')
            .map_or(end, |(i, _)| hl.end + i)
    } else {
        end
    };
    (start, end)
}

/// The byte offset at most `columns` columns before `from`, not before `floor`.
fn back(text: &str, floor: usize, from: usize, columns: usize) -> usize {
    let mut used = 0;
    let mut at = from;
    for (i, c) in text[floor..from].char_indices().rev() {
        used += char_width(c);
        if used > columns {
            break;
        }
        at = floor + i;
    }
    at
}

/// The byte offset at most `columns` columns after `from`, not after `ceiling`.
fn forward(text: &str, from: usize, ceiling: usize, columns: usize) -> usize {
    let mut used = 0;
    let mut at = from;
    for (i, c) in text[from..ceiling].char_indices() {
        used += char_width(c);
        if used > columns {
            break;
        }
        at = from + i + c.len_utf8();
    }
    at
}

/// The display width of `s`, counting no further than `limit`.
fn bounded_width(s: &str, limit: usize) -> usize {
    let mut w = 0;
    for c in s.chars() {
        w += char_width(c);
        if w >= limit {
            break;
        }
    }
    w
}

/// Lays `pieces` (byte ranges, highlighted or not) out in rows of `avail` columns,
/// with `…` in front when `cut_before` and at the end when `cut_after`. Rows break
/// at a space when one is in the row's second half.
fn layout(
    text: &str,
    pieces: &[(Range<usize>, bool)],
    avail: usize,
    cut_before: bool,
    cut_after: bool,
) -> Vec<Row> {
    let chars: Vec<(char, bool)> = pieces
        .iter()
        .flat_map(|(r, hl)| text[r.clone()].chars().map(move |c| (c, *hl)))
        .collect();
    let mut rows = Vec::new();
    let mut i = 0;
    let mut lead = usize::from(cut_before);
    loop {
        let room = avail.saturating_sub(lead).max(1);
        let mut w = 0;
        let mut j = i;
        while j < chars.len() && w + char_width(chars[j].0) <= room {
            w += char_width(chars[j].0);
            j += 1;
        }
        if j < chars.len()
            && let Some(space) = (i + (j - i) / 2..j).rev().find(|&k| chars[k].0 == ' ')
        {
            j = space + 1;
        }
        if j == i && i < chars.len() {
            j = i + 1;
        }
        rows.push(row(
            &chars[i..j],
            if rows.is_empty() && cut_before {
                "…"
            } else {
                ""
            },
        ));
        i = j;
        lead = 0;
        if i >= chars.len() {
            break;
        }
    }
    if cut_after && let Some(last) = rows.last_mut() {
        last.text.push('…');
    }
    rows
}

fn row(chars: &[(char, bool)], prefix: &str) -> Row {
    let mut text = String::from(prefix);
    let mut col = width(prefix);
    let mut carets: Option<(usize, usize)> = None;
    for &(c, hl) in chars {
        let s = visible(&c.to_string());
        let w = char_width(c);
        if hl {
            carets = Some(match carets {
                None => (col, w),
                Some((pad, _)) => (pad, col + w - pad),
            });
        }
        text.push_str(&s);
        col += w;
    }
    // Carets under spaces only would underline nothing visible.
    let highlighted: String = chars
        .iter()
        .filter(|(_, hl)| *hl)
        .map(|(c, _)| *c)
        .collect();
    if highlighted.trim().is_empty() {
        carets = None;
    }
    Row { text, carets }
}

fn paint_gutter(s: &str, color: bool) -> String {
    if color {
        s.blue().bold().to_string()
    } else {
        s.to_string()
    }
}

fn paint_carets(s: &str, style: Style) -> String {
    match (style.color, style.error) {
        (false, _) => s.to_string(),
        (true, true) => s.red().bold().to_string(),
        (true, false) => s.yellow().bold().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new("story.md", text.to_string(), None)
    }

    fn excerpt(text: &str, words: &str, width: usize) -> String {
        let d = doc(text);
        let start = text.find(words).unwrap();
        let span = start..start + words.len();
        let (l1, _) = d.position(span.start);
        let (l2, _) = d.position(span.end);
        render(
            &d,
            span,
            (l1, l2),
            "expected X",
            Style {
                width,
                color: false,
                error: true,
            },
        )
    }

    /// The caret row under each text row marks exactly `words`.
    fn underlined(out: &str) -> String {
        let lines: Vec<&str> = out.lines().collect();
        let mut got = String::new();
        for pair in lines.windows(2) {
            let (text, marks) = (pair[0], pair[1]);
            let Some(caret_at) = marks.find('^') else {
                continue;
            };
            if !text.contains(" | ") || text.trim_start().starts_with('|') && text.trim() == "|" {
                continue;
            }
            let n = marks.matches('^').count();
            let start = marks[..caret_at].chars().count();
            // Columns to characters: a wide character takes two columns.
            let mut col = 0;
            let mut piece = String::new();
            for c in text.chars() {
                if col >= start && col < start + n {
                    piece.push(c);
                }
                col += super::char_width(c);
            }
            if !got.is_empty() {
                got.push(' ');
            }
            got.push_str(piece.trim());
        }
        got
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let out = excerpt("Trade rose 7% this year.\n", "7%", 80);
        assert!(out.contains("1 | Trade rose 7% this year."), "{out}");
        assert_eq!(underlined(&out), "7%");
    }

    #[test]
    fn a_long_line_is_a_window_around_the_words_within_the_width() {
        let filler = "and the ministry said many other things that day ".repeat(8);
        let text = format!("{filler}trade reached $1.3 million in the half {filler}\n");
        for width in [80, 120] {
            let out = excerpt(&text, "$1.3 million", width);
            for l in out.lines() {
                assert!(super::width(l) <= width, "{l:?} wider than {width}");
            }
            assert_eq!(underlined(&out), "$1.3 million", "{out}");
            assert!(out.contains('…'), "cut lines say so: {out}");
        }
    }

    #[test]
    fn a_quote_longer_than_a_row_is_wrapped_with_carets_under_each_row() {
        let quote = "“We will keep talking with every neighbour, we will keep the border quiet, \
                     and we will not give up a single village of our land to anyone at all.”";
        let text = format!("The minister said: {quote} Then she left.\n");
        let out = excerpt(&text, quote, 60);
        for l in out.lines() {
            assert!(super::width(l) <= 60, "{l:?}");
        }
        assert_eq!(underlined(&out), quote, "{out}");
    }

    #[test]
    fn a_span_over_lines_numbers_each_line() {
        let text = "Intro line.\nShe said: “We stay on course,\nwhatever they say.” Then left.\n";
        let out = excerpt(text, "“We stay on course,\nwhatever they say.”", 80);
        assert!(out.contains("2 | She said: “We stay on course,"), "{out}");
        assert!(out.contains("3 | whatever they say.” Then left."), "{out}");
        assert_eq!(
            underlined(&out),
            "“We stay on course, whatever they say.”",
            "{out}"
        );
    }

    #[test]
    fn wide_characters_and_tabs_keep_the_carets_under_the_words() {
        let text = "東京\tsaid 25% of land.\n";
        let out = excerpt(text, "25%", 80);
        assert_eq!(underlined(&out), "25%", "{out}");
    }

    #[test]
    fn work_is_bounded_by_the_width_on_a_huge_line() {
        let text = format!(
            "{}a 9% fall{}\n",
            "word ".repeat(200_000),
            " word".repeat(200_000)
        );
        let out = excerpt(&text, "9% fall", 80);
        assert!(out.lines().count() < 8, "{out}");
        assert_eq!(underlined(&out), "9% fall");
    }
}
