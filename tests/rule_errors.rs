//! A broken rule file stops the run with exit status 2 and a message that points at
//! the place: file:line:col, the line, a caret under the words, and what to do.

mod common;

use common::{run_in, scratch};

const ARTICLE: &str = "Trade reached $1.3 billion.\n";

/// Runs `check` on one article with `yaml` as the only rule file.
fn check_with_rules(name: &str, yaml: &str) -> common::Run {
    let dir = scratch(name, &[("rules/desk.yaml", yaml), ("story.md", ARTICLE)]);
    run_in(&dir, &["check", "story.md", "--color", "never"], "")
}

#[test]
fn unknown_key_names_the_place_and_suggests_the_key() {
    let r = check_with_rules(
        "unknown-key",
        "claims:\n  - id: t\n    claim: \"$1.3B trade\"\n    tolerence: 1\n",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stdout, "",
        "nothing is reported when the rules are broken"
    );
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
}

#[test]
fn by_naming_nobody() {
    let yaml = "people:\n  - id: okafor\n    name: Dana Okafor\nclaims:\n  - id: s\n    statement: The port will expand\n    by: okafr\n";
    let r = check_with_rules("by-nobody", yaml);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("rules/desk.yaml:7:9"), "{}", r.stderr);
    assert!(
        r.stderr.contains("`by: okafr` names no person"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean `okafor`?"), "{}", r.stderr);
}

#[test]
fn duplicate_ids_and_bad_dates_are_all_reported() {
    let yaml = "people:\n  - id: okafor\n    name: Dana Okafor\nclaims:\n  - id: s\n    statement: The port will expand\n    by: okafor\n    date: 2026-02-30\n  - id: s\n    statement: The port will grow\n    by: okafor\n";
    let r = check_with_rules("dup-and-date", yaml);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("rules/desk.yaml:8:11"), "{}", r.stderr);
    assert!(
        r.stderr.contains("`2026-02-30` is not a valid date"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("rules/desk.yaml:9:9"), "{}", r.stderr);
    assert!(r.stderr.contains("duplicate claim id `s`"), "{}", r.stderr);
    assert!(
        r.stderr.contains("2 problems in the rule files"),
        "{}",
        r.stderr
    );
}

#[test]
fn broken_yaml() {
    let r = check_with_rules("broken-yaml", "claims:\n  - id: [t\n");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("rules/desk.yaml:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("^"),
        "a caret under the place: {}",
        r.stderr
    );
}

#[test]
fn template_with_nothing_to_check() {
    let r = check_with_rules(
        "no-figure",
        "claims:\n  - id: t\n    claim: \"trade with Russia\"\n",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("rules/desk.yaml:3:12"), "{}", r.stderr);
    assert!(r.stderr.contains("no figure and no slot"), "{}", r.stderr);
}

#[test]
fn no_rules_anywhere_up() {
    // Outside the repository, so the search upward cannot find its rules/.
    let dir = std::env::temp_dir().join(format!("claimcheck-no-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("story.md"), ARTICLE).unwrap();
    let r = run_in(&dir, &["check", "story.md"], "");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no rules found"), "{}", r.stderr);
    assert!(
        r.stderr.contains("--rules PATH"),
        "says what to do next: {}",
        r.stderr
    );
}

#[test]
fn missing_rule_file() {
    let dir = scratch("missing-rule-file", &[("story.md", ARTICLE)]);
    let r = run_in(&dir, &["check", "story.md", "--rules", "nope.yaml"], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("nope.yaml: no such rule file or folder"),
        "{}",
        r.stderr
    );
}

#[test]
fn missing_article_path() {
    let dir = scratch("no-article", &[("rules/desk.yaml", "claims: []\n")]);
    let r = run_in(&dir, &["check", "nowhere"], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("nowhere: no such file or folder"),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_usage_exits_2() {
    let dir = scratch("bad-usage", &[]);
    let r = run_in(&dir, &["check", "--format", "xml"], "");
    assert_eq!(r.code, 2);
    let r = run_in(&dir, &["check", "--date", "2025-13-01"], "");
    assert_eq!(r.code, 2);
}

#[test]
fn a_tolerance_that_cannot_be_read_is_an_error_at_its_place() {
    for (bad, col) in [("5% or so", 16), ("about 5 percent", 16), ("+5%", 16)] {
        let yaml =
            format!("claims:\n  - id: t\n    claim: \"$1.3B trade\"\n    tolerance: \"{bad}\"\n");
        let r = check_with_rules("bad-tolerance", &yaml);
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{bad}");
        assert!(
            r.stderr.contains(&format!("rules/desk.yaml:4:{col}")),
            "{bad}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains(&format!("`{bad}` is not a tolerance")),
            "{bad}: {}",
            r.stderr
        );
    }
}

#[test]
fn percent_words_in_a_tolerance_are_relative() {
    // "$1.30B" alone accepts 1.295 to 1.305 billion; 5% of it is 65 million, so
    // 1.36 billion agrees and 1.37 billion does not. Read as an absolute 5, both
    // would be wrong.
    for tolerance in ["5%", "5 percent", "5 per cent", "5pc"] {
        for (figure, errors) in [("1.36", 0), ("1.37", 1)] {
            let yaml = format!(
                "claims:\n  - id: t\n    claim: \"$1.30B trade\"\n    tolerance: {tolerance}\n"
            );
            let article = format!("Trade reached ${figure} billion.\n");
            let dir = scratch(
                "pct-tolerance",
                &[("rules/desk.yaml", &yaml), ("story.md", &article)],
            );
            let r = run_in(&dir, &["check", "story.md", "--format", "json"], "");
            assert_eq!(r.code, errors, "{tolerance} {figure}: {}", r.stderr);
            assert_eq!(
                r.stdout.matches("value-mismatch").count(),
                errors as usize,
                "{tolerance} {figure}: {}",
                r.stdout
            );
        }
    }
}
