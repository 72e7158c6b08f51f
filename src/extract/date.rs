//! Placeholder until the date extractor lands.
use jiff::civil::Date;

use super::Span;

/// The publication date from a dateline near the top of a document.
pub fn dateline(_text: &str) -> Option<(Date, Span)> {
    None
}
