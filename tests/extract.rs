//! `claimcheck extract`: drafts that prove themselves against their source, and
//! `--merge` that keeps what a rule file already holds.

mod common;

use std::path::Path;

use common::{run, run_in, scratch};

/// `copy.md` checked against `draft.yaml` in `dir`, as JSON.
fn check_copy(dir: &Path) -> common::Run {
    run_in(
        dir,
        &[
            "check",
            "copy.md",
            "--rules",
            "draft.yaml",
            "--format",
            "json",
        ],
        "",
    )
}

const SOURCE: &str = "---\ndate: 2026-03-10\noutlet: Harbor Ledger\n---\n\n\
Port traffic reached 4.2 million containers in 2025, the harbor authority said.\n\n\
About 35% of the harbor's cranes are electric, according to the operator.\n\n\
The two members of the panel disagree.\n";

#[test]
fn a_draft_passes_rules_test_and_its_source_checks_clean() {
    let dir = scratch("extract-roundtrip", &[("source.md", SOURCE)]);
    let out = run_in(&dir, &["extract", "source.md"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("claim: \"35% of harbor's cranes\""),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("period: 2025"), "{}", out.stdout);
    // "the two members" refers back; it is not a fact to hold articles to.
    assert!(!out.stdout.contains("members"), "{}", out.stdout);
    std::fs::write(dir.join("draft.yaml"), &out.stdout).unwrap();
    let tested = run_in(&dir, &["rules", "test", "draft.yaml"], "");
    assert_eq!(tested.code, 0, "{}{}", tested.stdout, tested.stderr);
    let checked = run_in(&dir, &["check", "source.md", "--rules", "draft.yaml"], "");
    assert_eq!(checked.code, 0, "{}", checked.stdout);
}

#[test]
fn a_planted_wrong_figure_is_found_against_the_draft() {
    let dir = scratch("extract-planted", &[("source.md", SOURCE)]);
    let out = run_in(&dir, &["extract", "source.md"], "");
    std::fs::write(dir.join("draft.yaml"), &out.stdout).unwrap();
    let copy = SOURCE.replace("About 35%", "About 53%");
    std::fs::write(dir.join("copy.md"), copy).unwrap();
    let checked = check_copy(&dir);
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    assert!(
        checked.stdout.contains("\"code\": \"value-mismatch\""),
        "{}",
        checked.stdout
    );
    assert!(
        checked.stdout.contains("\"found\": \"53%\""),
        "{}",
        checked.stdout
    );
}

#[test]
fn the_same_source_gives_byte_identical_drafts() {
    let a = run(&["extract", "fixtures/georgia-russia"]);
    let b = run(&["extract", "fixtures/georgia-russia"]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout);
    let json = run(&["extract", "fixtures/georgia-russia", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let ids: Vec<&str> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "ids are unique: {ids:?}");
}

#[test]
fn merge_keeps_the_file_and_reports_a_differing_figure() {
    let existing = "# The desk's harbor facts.\nclaims:\n  # checked with the operator\n  - id: cranes\n    claim: \"40% of harbor's cranes\"\n";
    let dir = scratch(
        "extract-merge",
        &[("source.md", SOURCE), ("rules.yaml", existing)],
    );
    let out = run_in(&dir, &["extract", "source.md", "--merge", "rules.yaml"], "");
    assert_eq!(out.code, 1, "a conflict asks for attention: {}", out.stderr);
    assert!(
        out.stderr
            .contains("conflict: cranes says \"40% of harbor's cranes\""),
        "{}",
        out.stderr
    );
    let merged = std::fs::read_to_string(dir.join("rules.yaml")).unwrap();
    assert!(
        merged.starts_with(existing),
        "what was there stays byte for byte:\n{merged}"
    );
    assert!(merged.contains("4.2 million containers"), "{merged}");
    assert!(
        !merged.contains("35% of harbor's cranes"),
        "the conflict is not added:\n{merged}"
    );
    // Merging again adds nothing new.
    let again = run_in(&dir, &["extract", "source.md", "--merge", "rules.yaml"], "");
    assert!(again.stderr.contains("0 added"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("rules.yaml")).unwrap(),
        merged
    );
}

#[test]
fn merge_refuses_a_broken_rule_file_and_leaves_it_alone() {
    let broken = "claims:\n  - id: x\n    claim: \"40% of cranes\"\n    colour: red\n";
    let dir = scratch(
        "extract-merge-broken",
        &[("source.md", SOURCE), ("rules.yaml", broken)],
    );
    let out = run_in(&dir, &["extract", "source.md", "--merge", "rules.yaml"], "");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("rules.yaml:4:5"), "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("rules.yaml")).unwrap(),
        broken
    );
}

#[test]
fn bad_usage_is_exit_two_with_a_message() {
    let out = run(&[
        "extract",
        "fixtures/georgia-russia",
        "--only",
        "figures,pictures",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown part `pictures`"),
        "{}",
        out.stderr
    );
    let out = run(&["extract", "no/such/file.md"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no/such/file.md"), "{}", out.stderr);
}

const QUOTED: &str = "---\ndate: 2026-04-02\noutlet: River Post\n---\n\n\
Mayor Lena Okafor spoke to reporters on Wednesday.\n\n\
\"The bridge will reopen before the spring floods, and nobody will pay a toll,\" Okafor said on Wednesday.\n\n\
Her deputy called the plan \"ambitious\".\n";

#[test]
fn quotes_are_drafted_with_their_speaker_the_names_the_source_uses_and_the_day_said() {
    let dir = scratch("extract-quotes", &[("source.md", QUOTED)]);
    let out = run_in(&dir, &["extract", "source.md"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let draft = &out.stdout;
    assert!(
        draft.contains(
            "  # Mayor\n  - id: okafor\n    name: \"Lena Okafor\"\n    aliases: [\"Okafor\"]"
        ),
        "{draft}"
    );
    assert!(
        draft.contains(
            "quote: \"The bridge will reopen before the spring floods, and nobody will pay a toll\""
        ),
        "{draft}"
    );
    assert!(draft.contains("by: okafor"), "{draft}");
    // "on Wednesday" in a Thursday piece: the day before.
    assert!(draft.contains("date: 2026-04-01"), "{draft}");
    // A one-word fragment is not a quote rule unless asked for.
    assert!(!draft.contains("quote: \"ambitious\""), "{draft}");
    std::fs::write(dir.join("draft.yaml"), draft).unwrap();
    let reworded = QUOTED.replace("nobody will pay a toll", "drivers will pay no toll");
    std::fs::write(dir.join("copy.md"), reworded).unwrap();
    let checked = check_copy(&dir);
    assert!(
        checked.stdout.contains("\"code\": \"quote-drift\""),
        "{}",
        checked.stdout
    );
    let clean = run_in(&dir, &["check", "source.md", "--rules", "draft.yaml"], "");
    assert_eq!(clean.code, 0, "{}", clean.stdout);
}

#[test]
fn only_narrows_the_draft() {
    let dir = scratch("extract-only", &[("source.md", QUOTED)]);
    let out = run_in(&dir, &["extract", "source.md", "--only", "figures"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("quote:"), "{}", out.stdout);
    assert!(!out.stdout.contains("people:"), "{}", out.stdout);
}

const REPORTED: &str = "---\ndate: 2026-05-08\n---\n\n\
Harbor commissioner Ines Vidal said on Tuesday that the new ferry terminal would open to passengers in June.\n\n\
Vidal spoke after the vote.\n";

#[test]
fn dated_reported_speech_becomes_a_statement_and_a_wrong_year_is_found() {
    let dir = scratch("extract-statements", &[("source.md", REPORTED)]);
    let out = run_in(&dir, &["extract", "source.md"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let draft = &out.stdout;
    assert!(
        draft.contains("statement: \"the new ferry terminal would open to passengers in June\""),
        "{draft}"
    );
    assert!(draft.contains("by: vidal"), "{draft}");
    // "on Tuesday" in a Friday piece is that week's Tuesday.
    assert!(draft.contains("    date: 2026-05-05\n"), "{draft}");
    std::fs::write(dir.join("draft.yaml"), draft).unwrap();
    let copy = REPORTED.replace("said on Tuesday", "said on May 5, 2025,");
    std::fs::write(dir.join("copy.md"), copy).unwrap();
    let checked = check_copy(&dir);
    assert!(
        checked.stdout.contains("\"code\": \"date-mismatch\""),
        "{}",
        checked.stdout
    );
}

#[test]
fn the_draft_of_two_bundled_sources_as_a_user_sees_it() {
    let out = run(&[
        "extract",
        "fixtures/georgia-russia/wire-2025-12-03.md",
        "fixtures/georgia-russia/tbilisi-2021-08-06.txt",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("extract_wire_and_tbilisi", out.stdout);
}
