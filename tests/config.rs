//! claimcheck.yaml: found upward from each checked file, the nearest winning.

mod common;

use common::{run_in, scratch};
use serde_json::Value;

const RULES: &str = "claims:\n  - id: land\n    claim: \"20% of territory\"\n";
const WRONG: &str = "Some 25% of the territory.\n";

fn check(dir: &std::path::Path, args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let r = run_in(dir, &all, "");
    (
        r.code,
        serde_json::from_str(&r.stdout).unwrap_or(Value::Null),
        r.stderr,
    )
}

#[test]
fn the_nearest_config_wins_per_file() {
    let dir = scratch(
        "config-nearest",
        &[
            ("desk/rules/r.yaml", RULES),
            ("desk/claimcheck.yaml", "rules: [rules]\n"),
            ("desk/a.md", WRONG),
            (
                "desk/soft/claimcheck.yaml",
                "rules: [../rules]\nseverity:\n  value-mismatch: warning\n",
            ),
            ("desk/soft/b.md", WRONG),
        ],
    );
    let (code, v, err) = check(&dir, &["desk"]);
    assert_eq!(code, 1, "{err}");
    let sev: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(sev, [("desk/a.md", "error"), ("desk/soft/b.md", "warning")]);
}

#[test]
fn include_exclude_claim_severity_and_date() {
    let dir = scratch(
        "config-keys",
        &[
            (
                "rules/r.yaml",
                "people:\n  - id: o\n    name: Dana Okafor\nclaims:\n  - id: land\n    claim: \"20% of territory\"\n  - id: s\n    statement: the port will not raise taxes\n    by: o\n    date: 2026-03-13\n",
            ),
            (
                "claimcheck.yaml",
                "rules: [rules]\nexclude: [drafts/]\nseverity:\n  land: warning\ndate: 2026-03-20\n",
            ),
            (
                "a.md",
                "Some 25% of the territory.\n\nDana Okafor said on Friday that the port will not raise taxes.\n",
            ),
            ("drafts/b.md", WRONG),
        ],
    );
    let (code, v, err) = check(&dir, &["."]);
    assert_eq!(v["files_checked"], 1, "drafts/ excluded: {err}");
    let got: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    // The claim's severity is overridden; "on Friday" counts from the configured date
    // (2026-03-20) and so is 2026-03-20, not the statement's 2026-03-13.
    assert_eq!(
        got,
        [("value-mismatch", "warning"), ("date-mismatch", "error")]
    );
    assert_eq!(code, 1);
}

#[test]
fn a_broken_config_names_its_line_and_exits_2() {
    let dir = scratch(
        "config-broken",
        &[
            ("rules/r.yaml", RULES),
            (
                "claimcheck.yaml",
                "rules: [rules]\nseverty:\n  land: warning\n",
            ),
            ("a.md", WRONG),
        ],
    );
    let (code, _, err) = check(&dir, &["a.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("claimcheck.yaml:2:1"), "{err}");
    assert!(err.contains("did you mean `severity`?"), "{err}");
    let dir = scratch(
        "config-bad-name",
        &[
            ("rules/r.yaml", RULES),
            (
                "claimcheck.yaml",
                "rules: [rules]\nseverity:\n  lnad: warning\n",
            ),
            ("a.md", WRONG),
        ],
    );
    let (code, _, err) = check(&dir, &["a.md"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`lnad` is neither a finding code nor a claim id"),
        "{err}"
    );
}

#[test]
fn config_prints_the_resolved_configuration() {
    let dir = scratch(
        "config-print",
        &[
            (
                "claimcheck.yaml",
                "rules: [rules]\nsimilarity:\n  quote: 0.4\n",
            ),
            ("s/a.md", WRONG),
        ],
    );
    let r = run_in(&dir, &["config", "s/a.md"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("claimcheck.yaml"), "{}", r.stdout);
    assert!(
        r.stdout.contains("  statement: 0.5\n  quote: 0.4\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("date: null"), "{}", r.stdout);
}
