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
    /// Characters before each block of [`BLOCK`] bytes, so a column on a very long
    /// line costs one block's count, not the line's (a 1 MB one-line file would
    /// otherwise make every position a scan from the start of the line).
    chars_before_block: Vec<usize>,
}

/// The bytes between two entries of [`LineIndex::chars_before_block`].
const BLOCK: usize = 256;

/// Whether `b` starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: &u8) -> bool {
    (b & 0xC0) != 0x80
}

/// Where each line of `text` starts: at 0 and after every LF, CRLF and lone CR.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    if !text.contains('\r') {
        // Only LF: found by the string search, not byte by byte.
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        return starts;
    }
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            starts.push(i + 1);
        }
    }
    starts
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let starts = line_starts(text);
        let bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before_block.push(chars);
            // Most blocks are ASCII: a character a byte.
            chars += if block.is_ascii() {
                block.len()
            } else {
                block.iter().filter(|b| starts_char(b)).count()
            };
        }
        chars_before_block.push(chars);
        LineIndex {
            starts,
            bom,
            chars_before_block,
        }
    }

    /// The number of characters in `text` before byte `offset` (a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = (offset / BLOCK).min(self.chars_before_block.len().saturating_sub(1));
        let counted = self.chars_before_block.get(block).copied().unwrap_or(0);
        let rest = text
            .as_bytes()
            .get(block * BLOCK..offset)
            .unwrap_or_default();
        counted + rest.iter().filter(|b| starts_char(b)).count()
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
        let column = self
            .chars_before(text, offset)
            .saturating_sub(self.chars_before(text, start));
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

    #[test]
    fn columns_on_a_long_line_count_characters_across_blocks() {
        // Multi-byte characters straddle the 256-byte blocks at every alignment.
        let text = format!("é\n{}", "ab€ Ω😀 ".repeat(200));
        let lines = LineIndex::new(&text);
        let second = text.find('\n').unwrap() + 1;
        for (offset, _) in text.char_indices().filter(|&(o, _)| o >= second) {
            let expected = text[second..offset].chars().count() + 1;
            assert_eq!(lines.position(&text, offset), (2, expected), "at {offset}");
        }
    }
}
