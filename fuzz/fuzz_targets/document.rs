//! Documents: front matter, the prose view, sentences and positions, in Markdown
//! and plain text, with the LF, CRLF and CR variants of the same input.
#![no_main]

mod common;

use claimcheck::document::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    for name in ["a.md", "a.txt"] {
        let doc = Document::new(name, text.to_string(), None);
        common::assert_document(&doc);
        // Where the file holds prose unchanged, the prose view holds the same bytes.
        for s in &doc.sentences {
            let _ = &doc.prose[s.clone()];
        }
        for w in &doc.warnings {
            assert!(w.line >= 1);
        }
    }
    let crlf = text.replace('\n', "\r\n");
    let doc = Document::new("a.md", crlf, None);
    common::assert_document(&doc);
});
