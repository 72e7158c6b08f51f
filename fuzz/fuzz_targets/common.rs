//! Assertions shared by the fuzz targets: spans inside the text, on character
//! boundaries, and positions that never panic.

#![allow(dead_code)]

use claimcheck::document::Document;

/// The text of a fuzz input: the bytes when they are UTF-8 (claimcheck refuses
/// other files before reading them as documents).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// A span is inside `text` and on character boundaries.
pub fn assert_span(text: &str, span: &std::ops::Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} cuts a character"
    );
}

/// The document's invariants: the prose view is the file's length and valid at
/// every block and sentence, and every position can be computed.
pub fn assert_document(doc: &Document) {
    assert_eq!(doc.prose.len(), doc.text.len(), "prose view length");
    for b in doc.blocks.iter().chain(&doc.sentences) {
        assert_span(&doc.prose, b, "block or sentence");
        assert_span(&doc.text, b, "block or sentence (in the file)");
        let (line, column) = doc.position(b.start);
        assert!(line >= 1 && column >= 1);
        let _ = doc.line_text(line);
    }
    for pair in doc.sentences.windows(2) {
        assert!(pair[0].end <= pair[1].start, "sentences overlap: {pair:?}");
    }
}
