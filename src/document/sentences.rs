//! Sentences of a prose block.

use crate::extract::Span;

/// Splits one block of the prose view into sentences, trimmed of surrounding space.
pub fn split(prose: &str, block: Span) -> Vec<Span> {
    let Some(slice) = prose.get(block.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", slice) {
        let s = &slice[b.start_byte..b.end_byte];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        let start = block.start + b.start_byte + lead;
        let end = block.start + b.end_byte - trail;
        if start < end {
            out.push(start..end);
        }
    }
    out
}
