//! `claimcheck rules check|test|schema`: rule files validated on their own, rules
//! that test themselves with their `examples:`, and the JSON Schema editors use.

mod common;

use common::{root, run, run_in, scratch};
use serde_json::Value;

/// A small rule file whose one claim has the examples given (YAML list items).
fn desk(pass: &[&str], fail: &[&str]) -> String {
    let list = |items: &[&str]| -> String {
        items
            .iter()
            .map(|s| format!("        - \"{s}\"\n"))
            .collect()
    };
    let mut yaml =
        String::from("claims:\n  - id: occupied\n    claim: \"20% of territory\"\n    examples:\n");
    if !pass.is_empty() {
        yaml.push_str(&format!("      pass:\n{}", list(pass)));
    }
    if !fail.is_empty() {
        yaml.push_str(&format!("      fail:\n{}", list(fail)));
    }
    yaml
}

fn rules_test_in(name: &str, yaml: &str) -> common::Run {
    let dir = scratch(name, &[("rules/desk.yaml", yaml)]);
    run_in(&dir, &["rules", "test", "--color", "never"], "")
}

/// The `N passed; M failed` of a summary line, as a CI log reader would parse it.
fn counts(summary: &str) -> (usize, usize) {
    let rest = summary
        .split_once(". ")
        .map(|(_, r)| r)
        .expect("`test result: ok. ` or `FAILED. `");
    let (passed, failed) = rest.split_once("; ").unwrap();
    let n =
        |s: &str, word: &str| -> usize { s.strip_suffix(word).unwrap().trim().parse().unwrap() };
    (n(passed, "passed"), n(failed, "failed"))
}

#[test]
fn bundled_rules_pass_their_own_examples() {
    // No PATH: the nearest rules/ folder, as `check` finds it.
    let r = run(&["rules", "test", "--color", "never"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let last = r.stdout.lines().last().unwrap();
    assert!(last.starts_with("test result: ok. "), "{last}");
    let oks = r.stdout.lines().filter(|l| l.ends_with(" ... ok")).count();
    assert_eq!(counts(last), (oks, 0));
    // At least one pass and one fail example on every claim.
    for id in [
        "occupied-territory",
        "trade-h1-2025",
        "gd-in-power",
        "kobakhidze-red-lines",
        "zakharova-normalization",
        "ministry-harmful-unrealistic",
    ] {
        for kind in ["pass", "fail"] {
            let prefix = format!("test {id} {kind}: ");
            assert!(
                r.stdout.lines().any(|l| l.starts_with(&prefix)),
                "no {kind} example for {id}:\n{}",
                r.stdout
            );
        }
    }
    assert!(!r.stdout.contains("no examples"), "{}", r.stdout);
    // The same with the file named.
    let named = run(&[
        "rules",
        "test",
        "rules/georgia-russia.yaml",
        "--color",
        "never",
    ]);
    assert_eq!((named.code, named.stdout), (0, r.stdout));
}

#[test]
fn a_fail_example_that_raises_nothing_fails_the_run() {
    let yaml = desk(
        &["About 20% of the territory is occupied."],
        &[
            "About 25% of the territory is occupied.",
            "About 20% of the territory remains occupied.",
        ],
    );
    let r = rules_test_in("selftest-fail-raises-nothing", &yaml);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    insta::assert_snapshot!(r.stdout, @r"
    running 3 examples from 1 rule file

    test occupied pass: About 20% of the territory is occupied. ... ok
    test occupied fail: About 25% of the territory is occupied. ... ok
    test occupied fail: About 20% of the territory remains occupied. ... FAILED

    failures:

    ---- occupied fail example at rules/desk.yaml:9:11 ----
    sentence: About 20% of the territory remains occupied.
    expected: a value-mismatch or period-mismatch finding of claim `occupied`
    found:    nothing
    help:     if the sentence should match the claim, `claimcheck mentions -` shows what extraction reads in it

    failures:
        occupied fail example at rules/desk.yaml:9:11

    test result: FAILED. 2 passed; 1 failed
    ");
}

#[test]
fn a_pass_example_that_raises_a_finding_fails_the_run() {
    let yaml = desk(&["Russia holds 25% of Georgia's territory."], &[]);
    let r = rules_test_in("selftest-pass-raises", &yaml);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("test occupied pass: Russia holds 25% of Georgia's territory. ... FAILED"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("---- occupied pass example at rules/desk.yaml:6:11 ----"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("expected: no finding of claim `occupied`"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  error[value-mismatch] at 1:14: 25% where claim `occupied` says 20%"),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stdout.lines().last(),
        Some("test result: FAILED. 0 passed; 1 failed")
    );
}

#[test]
fn examples_read_relative_dates_from_their_date() {
    let yaml = "people:\n  - id: okafor\n    name: Dana Okafor\n    aliases: [Okafor]\nclaims:\n  - id: expand\n    statement: The port will expand to the north\n    by: okafor\n    date: 2026-03-10\n    examples:\n      date: 2026-03-12\n      pass: [\"Okafor said on Tuesday that the port will expand to the north.\"]\n      fail: [\"Okafor said yesterday that the port will expand to the north.\"]\n";
    let r = rules_test_in("selftest-dates", yaml);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        r.stdout.lines().last(),
        Some("test result: ok. 2 passed; 0 failed")
    );
}

#[test]
fn claims_without_examples_are_named() {
    let yaml = format!(
        "{}  - id: untested\n    claim: \"$5M budget\"\n",
        desk(&["About 20% of the territory is occupied."], &[])
    );
    let r = rules_test_in("selftest-untested", &yaml);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("note: 1 claim has no examples: untested"),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stdout.lines().last(),
        Some("test result: ok. 1 passed; 0 failed")
    );
}

#[test]
fn broken_rules_stop_rules_test_with_status_2() {
    let yaml = "claims:\n  - id: t\n    claim: \"20% of territory\"\n    examples:\n      fials: [\"25% of territory\"]\n";
    let r = rules_test_in("selftest-broken", yaml);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("unknown key `fials`"), "{}", r.stderr);
    assert!(r.stderr.contains("rules/desk.yaml:5:7"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `fail`?"), "{}", r.stderr);
}

#[test]
fn rules_check_counts_claims_and_people_per_file() {
    let r = run(&["rules", "check", "--color", "never"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "rules/georgia-russia.yaml: 6 claims, 4 people: ok\n"
    );
    // A folder: claims in one file may name people from another.
    let dir = scratch(
        "rules-check-folder",
        &[
            (
                "desk/people.yaml",
                "people:\n  - id: okafor\n    name: Dana Okafor\n",
            ),
            (
                "desk/port.yaml",
                "claims:\n  - id: jobs\n    claim: \"3,200 jobs\"\n  - id: expand\n    statement: The port will expand\n    by: okafor\n",
            ),
            (
                "desk/budget.yml",
                "claims:\n  - id: budget\n    claim: \"$450M budget\"\n",
            ),
        ],
    );
    let r = run_in(&dir, &["rules", "check", "desk", "--color", "never"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "desk/budget.yml: 1 claim, 0 people: ok\n\
         desk/people.yaml: 0 claims, 1 person: ok\n\
         desk/port.yaml: 2 claims, 0 people: ok\n"
    );
}

#[test]
fn rules_check_renders_errors_and_exits_2() {
    let dir = scratch(
        "rules-check-broken",
        &[(
            "rules/desk.yaml",
            "claims:\n  - id: t\n    claim: \"20% of territory\"\n    tolerence: 1\n",
        )],
    );
    let r = run_in(&dir, &["rules", "check", "--color", "never"], "");
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    insta::assert_snapshot!(r.stderr, @r"
    error: unknown key `tolerence`
     --> rules/desk.yaml:4:5
      |
    4 |     tolerence: 1
      |     ^^^^^^^^^
      |
      = help: did you mean `tolerance`?

    claimcheck: 1 problem in the rule files; nothing was checked
    ");
    let missing = run_in(&dir, &["rules", "check", "nowhere.yaml"], "");
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("nowhere.yaml"),
        "{}",
        missing.stderr
    );
}

#[test]
fn rules_needs_a_subcommand() {
    assert_eq!(run(&["rules"]).code, 2);
    assert_eq!(run(&["rules", "lint"]).code, 2);
}

/// The schema `rules schema` prints, compiled for validation (offline).
fn schema_validator() -> jsonschema::Validator {
    let r = run(&["rules", "schema"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let schema: Value = serde_json::from_str(&r.stdout).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::options()
        .offline()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

/// The errors of validating the YAML `text` against the rule schema.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let instance: Value = serde_yaml::from_str(text).expect("YAML");
    validator
        .iter_errors(&instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn rules_schema_accepts_the_bundled_and_test_rule_files() {
    let v = schema_validator();
    for file in [
        "rules/georgia-russia.yaml",
        "tests/data/harbor/rules/harbor.yaml",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let errors = schema_errors(&v, &text);
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
    // Every key the loader takes, in the forms it takes them.
    let every_key = "title: t\npeople:\n  - id: p\n    name: P Q\n    aliases: [Q]\nclaims:\n  - id: a\n    claim: [\"20% of x\", \"a fifth, 20%, of x\"]\n    near: [y]\n    period: 2025\n    tolerance: 1\n    severity: warning\n    source: s\n    examples: {date: 2025-01-01, pass: [\"20% of x\"], fail: [\"30% of x\"]}\n  - id: b\n    claim: \"5% of z\"\n    period: 2025-01-01..2025-06-30\n    tolerance: 5%\n  - id: c\n    statement: s\n    by: p\n    date: 2025-12-04\n    similarity: 0.6\n    examples: {fail: [\"x\"]}\n";
    assert!(
        run_in(
            &scratch("schema-every-key", &[("r.yaml", every_key)]),
            &["rules", "check", "r.yaml"],
            ""
        )
        .code
            == 0,
        "the loader takes it"
    );
    let errors = schema_errors(&v, every_key);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn rules_schema_refuses_what_the_loader_refuses() {
    let v = schema_validator();
    let refused = [
        (
            "an unknown claim key",
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    tolerence: 1\n",
        ),
        ("an unknown top-level key", "claim:\n  - id: t\n"),
        (
            "an unknown person key",
            "people:\n  - id: p\n    name: P\n    alias: [Q]\n",
        ),
        (
            "an unknown examples key",
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    examples: {fials: [\"x\"]}\n",
        ),
        (
            "examples with no sentences",
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    examples: {date: 2025-01-01}\n",
        ),
        (
            "two kinds at once",
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    quote: q\n",
        ),
        ("nothing to check", "claims:\n  - id: t\n    source: s\n"),
        ("a quote with no by", "claims:\n  - id: t\n    quote: q\n"),
        (
            "a bad severity",
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    severity: fatal\n",
        ),
        (
            "a bad period",
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    period: 2025-H3\n",
        ),
    ];
    for (what, yaml) in refused {
        assert!(
            !schema_errors(&v, yaml).is_empty(),
            "the schema accepts {what}"
        );
        let dir = scratch("schema-refused", &[("r.yaml", yaml)]);
        assert_eq!(
            run_in(&dir, &["rules", "check", "r.yaml"], "").code,
            2,
            "the loader accepts {what}"
        );
    }
}

#[test]
fn rules_check_and_test_read_the_rules_the_configuration_names() {
    // The desk keeps its rules in `facts/`, not `rules/`: only claimcheck.yaml says so.
    let dir = scratch(
        "rules-cmd-config",
        &[
            ("claimcheck.yaml", "rules: [facts]\n"),
            (
                "facts/desk.yaml",
                &desk(&["Some 20% of the territory is occupied."], &[]),
            ),
        ],
    );
    let checked = run_in(&dir, &["rules", "check", "--color", "never"], "");
    assert_eq!(checked.code, 0, "{}{}", checked.stdout, checked.stderr);
    assert!(
        checked
            .stdout
            .contains("facts/desk.yaml: 1 claim, 0 people"),
        "{}",
        checked.stdout
    );
    let tested = run_in(&dir, &["rules", "test", "--color", "never"], "");
    assert_eq!(tested.code, 0, "{}{}", tested.stdout, tested.stderr);
    assert!(
        tested.stdout.contains("1 passed; 0 failed"),
        "{}",
        tested.stdout
    );
}

#[test]
fn rules_test_uses_the_configuration_s_quote_threshold() {
    // A reworded quote passes as a `pass` example only under a lenient threshold.
    let rules = "people:\n  - id: vidal\n    name: Ines Vidal\n    aliases: [Vidal]\nclaims:\n  - id: vidal-ferry\n    quote: \"The ferry terminal will open to passengers in June and fares will not rise\"\n    by: vidal\n    examples:\n      pass:\n        - \"\\\"The ferry terminal opens to passengers in June and fares stay as they are,\\\" Vidal said.\"\n";
    let strict = scratch("rules-cmd-strict", &[("rules/desk.yaml", rules)]);
    let lenient = scratch(
        "rules-cmd-lenient",
        &[
            ("rules/desk.yaml", rules),
            (
                "claimcheck.yaml",
                "rules: [rules]\nsimilarity:\n  quote: 0.95\n",
            ),
        ],
    );
    let a = run_in(&strict, &["rules", "test", "--color", "never"], "");
    let b = run_in(&lenient, &["rules", "test", "--color", "never"], "");
    // The default threshold reads the rewording as drift; 0.95 asks more of a
    // quotation before it renders the recorded quote at all.
    assert_eq!(
        (a.code, b.code),
        (1, 0),
        "strict:\n{}\nlenient:\n{}",
        a.stdout,
        b.stdout
    );
}
