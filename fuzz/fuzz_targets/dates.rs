//! Dates: every date's span is inside the text and on characters, resolved
//! against a publication date or none; the dateline reader too.
#![no_main]

mod common;

use claimcheck::extract::date::{dateline, dates};
use jiff::civil::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let published = Date::new(2025, 12, 4).ok();
    for when in [None, published] {
        for d in dates(text, when) {
            common::assert_span(text, &d.span, "date");
            let _ = d.value.label();
        }
    }
    if let Some((_, span)) = dateline(text) {
        common::assert_span(text, &span, "dateline");
    }
    let _ = claimcheck::document::publication_date(text);
});
