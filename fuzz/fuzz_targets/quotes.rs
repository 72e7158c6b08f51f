//! Quotations and who said them: spans inside the prose, on characters.
#![no_main]

mod common;

use std::sync::LazyLock;

use claimcheck::attribution::attributions;
use claimcheck::document::Document;
use claimcheck::extract::quote::quotations;
use claimcheck::people::PeopleFinder;
use claimcheck::rules::{self, RuleSet};
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let yaml = "people:\n  - id: nino\n    name: Nino Beridze\n    aliases: [Beridze, the minister]\n  - id: ministry\n    name: Foreign Ministry\n    aliases: [\"the ministry\"]\n";
    rules::parse(&[("r.yaml".into(), yaml.into())]).expect("valid rules")
});

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let doc = Document::new("a.md", text.to_string(), None);
    for q in quotations(&doc.prose, &doc.blocks) {
        common::assert_span(&doc.prose, &q.span, "quotation");
        for p in &q.parts {
            common::assert_span(&doc.prose, p, "quotation part");
        }
    }
    let people = PeopleFinder::new(&RULES.people).find(&doc.prose);
    for a in attributions(&doc, &people) {
        common::assert_span(&doc.prose, &a.verb, "reporting verb");
        common::assert_span(&doc.prose, &a.speaker, "speaker");
    }
});
