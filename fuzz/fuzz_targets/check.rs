//! The whole check path with a small rule file: a document in, findings out, every
//! report rendered; each finding's place lies inside the document.
#![no_main]

mod common;

use std::sync::LazyLock;

use claimcheck::document::Document;
use claimcheck::pipeline::Checker;
use claimcheck::report::{self, Outcome};
use claimcheck::rules;
use libfuzzer_sys::fuzz_target;

const RULES: &str = r#"people:
  - id: nino
    name: Nino Beridze
    aliases: [Beridze]
claims:
  - id: land
    claim: "20% of territory"
  - id: trade
    claim: "$1.3B trade, +7%"
    period: 2025-H1
  - id: words
    quote: "We will publish every figure by spring."
    by: nino
    date: 2025-12-03
  - id: ready
    statement: "the port is ready to reopen"
    by: nino
    date: 2025-12-03
"#;

static CHECKER: LazyLock<Checker> = LazyLock::new(|| {
    Checker::new(rules::parse(&[("r.yaml".into(), RULES.into())]).expect("valid rules"))
});

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let docs = vec![
        Document::new("2025-12-04-a.md", text.to_string(), None),
        Document::new("b.txt", text.to_string(), None),
    ];
    let analysis = CHECKER.analyse(&docs);
    assert!(analysis.failed.is_empty(), "{:?}", analysis.failed);
    for f in &analysis.findings {
        let doc = docs
            .iter()
            .find(|d| d.path == f.file)
            .expect("a checked file");
        assert!(f.line >= 1 && f.end_line >= f.line);
        let _ = doc.line_text(f.line);
    }
    let outcome = Outcome {
        files_checked: docs.len(),
        findings: analysis.findings,
    };
    let _ = report::human::render_findings(&outcome, &docs, false, 80);
    let _ = report::json::render(&outcome);
    let _ = report::sarif::render(&outcome, "fuzz");
    let _ = report::github::render(&outcome);
});
