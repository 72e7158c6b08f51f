//! Line and column numbers for byte offsets, for every line ending a writer's
//! editor may leave: LF, CRLF and a lone CR (old Mac files).

use crate::extract::Span;

/// The byte-order mark some editors put at the start of a UTF-8 file.
pub const BOM: &str = "\u{feff}";

/// Maps byte offsets to 1-based lines and columns (columns count characters; a
/// byte-order mark at the start of the file is not a character anyone sees, so it
/// is not counted).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    /// Bytes of a byte-order mark at the start of the text (0 or 3).
    bom: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        let bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
        LineIndex { starts, bom }
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are no lines (never: empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The 1-based line and 1-based character column of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut start = self.starts[line];
        if line == 0 {
            start = self.bom.min(offset);
        }
        let column = text.get(start..offset).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The byte range of 1-based line `line`, without its line ending (and, on the
    /// first line, without a byte-order mark).
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let i = line.max(1) - 1;
        let mut start = self.starts.get(i).copied().unwrap_or(text.len());
        if i == 0 {
            start = self.bom.min(text.len());
        }
        let mut end = self.starts.get(i + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_ending_counts() {
        for (text, second) in [
            ("one\ntwo 20%\n", "two 20%"),
            ("one\r\ntwo 20%\r\n", "two 20%"),
            ("one\rtwo 20%\r", "two 20%"),
            ("\u{feff}one\ntwo 20%", "two 20%"),
        ] {
            let lines = LineIndex::new(text);
            let at = text.find("20%").unwrap();
            assert_eq!(lines.position(text, at), (2, 5), "{text:?}");
            assert_eq!(&text[lines.line_span(text, 2)], second, "{text:?}");
            assert_eq!(&text[lines.line_span(text, 1)], "one", "{text:?}");
        }
    }

    #[test]
    fn the_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}20% of it";
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(text, 3), (1, 1));
        assert_eq!(lines.position(text, 7), (1, 5));
    }

    #[test]
    fn offsets_inside_a_character_do_not_panic() {
        let text = "é 20%";
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(text, 1), (1, 1));
        assert_eq!(lines.position(text, 99), (1, 6));
    }
}
