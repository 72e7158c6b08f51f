//! Figures: every quantity's span is inside the text, on characters, in order.
#![no_main]

mod common;

use claimcheck::extract::quantity::quantities;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let found = quantities(text);
    for q in &found {
        common::assert_span(text, &q.span, "quantity");
    }
});
