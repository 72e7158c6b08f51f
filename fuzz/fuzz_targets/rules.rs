//! Rule files: any text is read or refused with errors that point inside it; rules
//! that load compile and check a sentence.
#![no_main]

mod common;

use claimcheck::document::Document;
use claimcheck::pipeline::Checker;
use claimcheck::rules;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    match rules::parse(&[("r.yaml".into(), text.into())]) {
        Ok(set) => {
            let checker = Checker::new(set);
            let doc = Document::new(
                "a.md",
                "Trade rose 7% to $1.3 billion in the first half of 2025, the minister said on Wednesday.\n".into(),
                None,
            );
            let _ = checker.check_document(&doc);
        }
        Err(errors) => {
            for e in &errors.0 {
                let _ = claimcheck::cli::render_rule_error(e, false);
            }
        }
    }
});
