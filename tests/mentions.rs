//! `claimcheck mentions`: what extraction finds, for rule authors and for the
//! extraction suite's protocol.

mod common;

use common::{root, run, run_in};
use serde_json::Value;

#[test]
fn standard_input_with_a_date() {
    let r = run_in(
        &root(),
        &["mentions", "-", "--date", "2025-12-10"],
        "Trade rose 7% to $1.3bn, officials said on Wednesday.\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("-: published 2025-12-10 (from the --date)"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("percent  rose 7%"), "{}", r.stdout);
    assert!(r.stdout.contains("money    $1.3bn"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("date     Wednesday                    2025-12-10"),
        "{}",
        r.stdout
    );
}

#[test]
fn json_lists_kinds_positions_and_values() {
    let r = run(&[
        "mentions",
        "fixtures/georgia-russia/wire-2025-12-03.md",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["published"]["origin"], "front matter");
    let money = v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "money")
        .unwrap();
    assert_eq!(
        (money["line"].as_u64(), money["column"].as_u64()),
        (Some(19), Some(80))
    );
    assert_eq!(money["value"]["amount"], 1.3e6);
    assert_eq!(money["value"]["currency"], "USD");
    assert_eq!(money["detail"]["step"], 1e5);
}

#[test]
fn jsonl_answers_each_line_with_character_offsets() {
    let input = "{\"id\": \"a\", \"text\": \"“Über” costs €5\", \"date\": null}\n{\"id\": 7, \"text\": \"on March 3, 2020\", \"date\": \"2020-05-01T00:00:00\"}\n";
    let r = run_in(&root(), &["mentions", "--jsonl"], input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let money = lines[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "money")
        .unwrap();
    // Characters, not bytes: “ and Ü are one character each.
    assert_eq!(
        (money["start"].as_u64(), money["end"].as_u64()),
        (Some(13), Some(15))
    );
    assert_eq!(lines[1]["id"], 7);
    let date = lines[1]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "date")
        .unwrap();
    assert_eq!(date["value"], "2020-03-03");
}

#[test]
fn jsonl_refuses_a_line_that_is_not_a_case() {
    let r = run_in(
        &root(),
        &["mentions", "--jsonl"],
        "{\"id\": 1, \"text\": \"5%\"}\nnot json\n",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

/// A rule author sees which words bound each slot of a claim, and why the
/// sentence's other figures did not.
#[test]
fn with_rules_it_shows_which_phrase_bound_each_slot() {
    let dir = common::scratch(
        "mentions-bindings",
        &[(
            "rules/desk.yaml",
            "claims:\n  - id: riders\n    claim: \"ridership +12%\"\n    period: 2024\n",
        )],
    );
    let text = "Costs rose 21% in 2023, while ridership rose 12% in 2024 from 9% in 2023.\n";
    let r = run_in(
        &dir,
        &["mentions", "-", "--date", "2025-01-10", "--rules", "rules"],
        text,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("claims bound: 1"), "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "+12% <- rose 12% at 1:41, value, agrees; phrase \"rose 12%\"; period 2024 (within)"
        ),
        "{}",
        r.stdout
    );
    let r = run_in(
        &dir,
        &["mentions", "-", "--format", "json", "--rules", "rules"],
        text,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let slot = &v["claims"][0]["slots"][0];
    assert_eq!(v["claims"][0]["claim"], "riders");
    assert_eq!(slot["figure"], "rose 12%");
    assert_eq!(slot["role"], "value");
    assert_eq!(slot["periods"][0], "2024");
    // Without --rules, the output has no such section.
    let r = run_in(&dir, &["mentions", "-"], text);
    assert!(!r.stdout.contains("claims bound"), "{}", r.stdout);
}
