//! `claimcheck check` end to end: the reports a user sees, exact positions, exit
//! status, determinism, and the findings each story folder's manifest lists.

mod common;

use common::{root, run, run_in, scratch};
use serde_json::Value;

/// The codes the checks implement so far; manifest lines of other codes are left for
/// the issues that add them.
const IMPLEMENTED: &[&str] = &[
    "value-mismatch",
    "date-mismatch",
    "period-mismatch",
    "weekday-mismatch",
    "quote-drift",
    "quote-misattribution",
];

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

#[test]
fn bundled_example_human_report() {
    let r = run(&["check", "fixtures/georgia-russia", "--color", "never"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!("georgia_russia_human", r.stdout);
}

#[test]
fn bundled_example_json_report() {
    let r = run(&["check", "fixtures/georgia-russia", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!("georgia_russia_json", r.stdout);
}

#[test]
fn json_has_every_field_of_the_contract() {
    let r = run(&["check", "fixtures/georgia-russia", "--format", "json"]);
    let v = json(&r.stdout);
    assert_eq!(v["version"], 1);
    assert_eq!(v["files_checked"], 6);
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in [
            "code",
            "severity",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "message",
            "rule",
            "rule_file",
            "found",
            "expected",
        ] {
            assert!(
                f.get(key).is_some_and(|v| !v.is_null()),
                "{key} missing in {f}"
            );
        }
        assert!(
            f["file"]
                .as_str()
                .unwrap()
                .starts_with("fixtures/georgia-russia/"),
            "{f}"
        );
        assert_eq!(f["rule_file"], "rules/georgia-russia.yaml");
    }
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    assert_eq!(v["summary"]["errors"], errors);
    assert_eq!(v["summary"]["warnings"], findings.len() - errors);
}

/// Every finding's line and columns land on the words it names.
fn assert_positions_exact(v: &Value, base: &std::path::Path) {
    for f in v["findings"].as_array().unwrap() {
        let text = std::fs::read_to_string(base.join(f["file"].as_str().unwrap())).unwrap();
        let line = f["line"].as_u64().unwrap() as usize;
        assert_eq!(f["end_line"], f["line"], "single-line figures: {f}");
        let chars: Vec<char> = text.lines().nth(line - 1).unwrap().chars().collect();
        let (c0, c1) = (
            f["column"].as_u64().unwrap() as usize - 1,
            f["end_column"].as_u64().unwrap() as usize - 1,
        );
        let words: String = chars[c0..c1].iter().collect();
        assert_eq!(words, f["found"].as_str().unwrap(), "{f}");
    }
}

#[test]
fn positions_are_exact_in_markdown_and_plain_text() {
    let r = run(&["check", "fixtures/georgia-russia", "--format", "json"]);
    assert_positions_exact(&json(&r.stdout), &root());
    let r = run(&[
        "check",
        "tests/data/harbor/stories",
        "--rules",
        "tests/data/harbor/rules/harbor.yaml",
        "--format",
        "json",
    ]);
    assert_positions_exact(&json(&r.stdout), &root());
}

#[test]
fn positions_after_markup_entities_and_front_matter() {
    let rules = "claims:\n  - id: land\n    claim: \"20% of territory\"\n";
    let article = "---\ntitle: \"A *title* with 25% in it\"\ndate: 2025-12-03\n---\n\n# Heading\n\n\
                   Text with *emphasis*, a [link](https://example.org/25%), **bold** &amp; an &nbsp;entity: 25% of the territory.\n\n\
                   > A block quote says `25% of territory` in code, and 30% of territory outside it.\n";
    let dir = scratch(
        "positions",
        &[
            ("rules/r.yaml", rules),
            ("a.md", article),
            ("b.txt", "Line one.\nRoughly 25% of the territory.\n"),
        ],
    );
    let r = run_in(&dir, &["check", ".", "--format", "json"], "");
    let v = json(&r.stdout);
    assert_positions_exact(&v, &dir);
    let places: Vec<(String, u64, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let line8 = article.lines().nth(7).unwrap();
    // The last 25%: the first is inside the link target, which is not prose.
    let col = line8[..line8.rfind("25%").unwrap()].chars().count() as u64 + 1;
    assert_eq!(
        places,
        [
            ("./a.md".to_string(), 8, col),
            ("./a.md".to_string(), 10, 54),
            ("./b.txt".to_string(), 2, 9)
        ]
    );
}

#[test]
fn correct_figures_in_many_forms_raise_nothing() {
    let rules = "claims:\n  - id: trade\n    claim: \"$1.3B trade, +7%\"\n  - id: land\n    claim: \"20% of territory\"\n";
    let article = "Trade reached nearly $1.3 billion, a 7% increase.\n\n\
                   Trade of $1,300 million marked a 7 percent rise.\n\n\
                   Bilateral trade grew 7% to about $1.3bn.\n\n\
                   About 20% of the territory is occupied; around 20 percent of its territory, some say.\n";
    let dir = scratch("clean-forms", &[("rules/r.yaml", rules), ("a.md", article)]);
    let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(json(&r.stdout)["findings"], Value::Array(vec![]));
}

#[test]
fn scale_and_direction_errors_are_explained() {
    let rules = "claims:\n  - id: trade\n    claim: \"$1.3B trade, +7%\"\n";
    let article = "Trade reached $1.3 million in the half, a 7% decline.\n";
    let dir = scratch("explained", &[("rules/r.yaml", rules), ("a.md", article)]);
    let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
    assert_eq!(r.code, 1);
    let v = json(&r.stdout);
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["magnitude", "direction"]);
    let messages: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].contains("million written for billion"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("a fall where the claim says a rise"),
        "{}",
        messages[1]
    );
}

#[test]
fn rule_severity_overrides_the_default() {
    let rules = "claims:\n  - id: land\n    claim: \"20% of territory\"\n    severity: warning\n";
    let dir = scratch(
        "severity",
        &[
            ("rules/r.yaml", rules),
            ("a.md", "Some 25% of the territory.\n"),
        ],
    );
    let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
    assert_eq!(r.code, 0, "warnings alone do not fail a run");
    assert_eq!(json(&r.stdout)["findings"][0]["severity"], "warning");
}

#[test]
fn tolerance_widens_agreement() {
    let rules = "claims:\n  - id: land\n    claim: \"20% of territory\"\n    tolerance: 1\n";
    let dir = scratch(
        "tolerance",
        &[
            ("rules/r.yaml", rules),
            (
                "a.md",
                "Some 21% of the territory.\n\nSome 22% of the territory.\n",
            ),
        ],
    );
    let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
    let lines: Vec<u64> = json(&r.stdout)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3]);
}

#[test]
fn output_is_identical_with_one_and_four_threads() {
    for format in ["human", "json", "sarif"] {
        let with = |threads: &str| {
            let args = [
                "check",
                "fixtures",
                "tests/data/harbor/stories",
                "--format",
                format,
                "--color",
                "never",
            ];
            run(&[&args[..], &["--threads", threads]].concat()).stdout
        };
        let one = with("1");
        assert!(!one.is_empty());
        assert_eq!(one, with("4"), "{format}");
    }
}

#[test]
fn clean_article_exits_zero() {
    let r = run(&[
        "check",
        "fixtures/georgia-russia/review-2025-12-05.md",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(json(&r.stdout)["summary"]["errors"], 0);
}

#[test]
fn color_is_decided_in_one_place() {
    let plain = run(&[
        "check",
        "fixtures/georgia-russia/wire-2025-12-03.md",
        "--color",
        "never",
    ]);
    assert!(!plain.stdout.contains('\u{1b}'));
    let colored = run(&[
        "check",
        "fixtures/georgia-russia/wire-2025-12-03.md",
        "--color",
        "always",
    ]);
    assert!(
        colored.stdout.contains("\u{1b}["),
        "escapes with --color always"
    );
    // Auto with output to a pipe: no color, unless CLICOLOR_FORCE says otherwise.
    let auto = run(&["check", "fixtures/georgia-russia/wire-2025-12-03.md"]);
    assert!(!auto.stdout.contains('\u{1b}'));
    let forced = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "fixtures/georgia-russia/wire-2025-12-03.md"])
        .current_dir(root())
        .env("CLICOLOR_FORCE", "1")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&forced.stdout).contains("\u{1b}["));
    let no_color = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "fixtures/georgia-russia/wire-2025-12-03.md"])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\u{1b}'));
}

/// One line of a manifest's machine-readable block: `file:line:col:end code rule`.
#[derive(Debug, PartialEq)]
struct Expected {
    file: String,
    line: u64,
    col: u64,
    end: u64,
    code: String,
    rule: String,
}

fn manifest(path: &str) -> Vec<Expected> {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let block = text
        .split("```text\n")
        .nth(1)
        .expect("a machine-readable block");
    let block = block.split("```").next().unwrap();
    block
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split_whitespace();
            let place: Vec<&str> = parts.next().unwrap().split(':').collect();
            Expected {
                file: place[0].to_string(),
                line: place[1].parse().unwrap(),
                col: place[2].parse().unwrap(),
                end: place[3].parse().unwrap(),
                code: parts.next().unwrap().to_string(),
                rule: parts.next().unwrap().to_string(),
            }
        })
        .collect()
}

/// The findings of the implemented codes are exactly those the manifest lists: each
/// on its file and line with an overlapping span, and nothing else.
fn assert_matches_manifest(manifest_path: &str, args: &[&str]) {
    let expected: Vec<Expected> = manifest(manifest_path)
        .into_iter()
        .filter(|e| IMPLEMENTED.contains(&e.code.as_str()))
        .collect();
    assert!(!expected.is_empty());
    let r = run(args);
    let v = json(&r.stdout);
    let found: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| IMPLEMENTED.contains(&f["code"].as_str().unwrap()))
        .collect();
    for e in &expected {
        let hit = found.iter().any(|f| {
            f["file"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{}", e.file))
                && f["line"] == e.line
                && f["code"] == e.code.as_str()
                && (f["rule"] == e.rule.as_str() || (e.rule == "-" && f["rule"].is_null()))
                && f["column"].as_u64().unwrap() < e.end
                && f["end_column"].as_u64().unwrap() > e.col
        });
        assert!(
            hit,
            "missed {e:?}; found:\n{}",
            serde_json::to_string_pretty(&found).unwrap()
        );
    }
    for f in &found {
        let listed = expected.iter().any(|e| {
            f["file"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{}", e.file))
                && f["line"] == e.line
        });
        assert!(listed, "unexpected finding {f}");
    }
}

#[test]
fn bundled_example_raises_what_its_manifest_lists() {
    assert_matches_manifest(
        "fixtures/georgia-russia.EXPECTED.md",
        &["check", "fixtures/georgia-russia", "--format", "json"],
    );
}

#[test]
fn held_out_story_raises_what_its_manifest_lists() {
    assert_matches_manifest(
        "tests/data/harbor/EXPECTED.md",
        &[
            "check",
            "tests/data/harbor/stories",
            "--rules",
            "tests/data/harbor/rules/harbor.yaml",
            "--format",
            "json",
        ],
    );
}

#[test]
fn weekday_mismatch_needs_no_rule() {
    let dir = scratch(
        "weekday",
        &[
            ("rules/r.yaml", "claims: []\n"),
            (
                "a.md",
                "The vote was held on Thursday, December 3, 2025, in Tbilisi.\n",
            ),
        ],
    );
    let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
    assert_eq!(r.code, 1);
    let v = json(&r.stdout);
    let f = &v["findings"][0];
    assert_eq!(f["code"], "weekday-mismatch");
    assert_eq!(f["found"], "Thursday, December 3, 2025");
    assert_eq!(f["expected"], "Wednesday");
    assert_eq!(f["rule"], Value::Null);
    assert_eq!(
        f["message"],
        "December 3, 2025 was a Wednesday, not a Thursday"
    );
}

const STATEMENT_RULES: &str = "people:\n  - id: okafor\n    name: Dana Okafor\nclaims:\n  - id: no-tax\n    statement: the expansion will not raise local taxes\n    by: okafor\n    date: 2026-03-13\n";

/// The findings (code, found) for one article dated `published` under STATEMENT_RULES.
fn statement_findings(name: &str, published: &str, article: &str) -> Vec<(String, String)> {
    let text = format!("---\ndate: {published}\n---\n{article}\n");
    let dir = scratch(name, &[("rules/r.yaml", STATEMENT_RULES), ("a.md", &text)]);
    let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
    json(&r.stdout)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["found"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn statement_dates_resolve_against_publication() {
    // Friday 2026-03-13: "said on Friday" in a piece of that Friday is that day.
    assert_eq!(
        statement_findings(
            "friday-same-day",
            "2026-03-13",
            "Dana Okafor said on Friday that the expansion would not raise local taxes."
        ),
        []
    );
    // A week later, "on Friday" is 2026-03-20: the wrong day.
    assert_eq!(
        statement_findings(
            "friday-week-later",
            "2026-03-20",
            "Dana Okafor said on Friday that the expansion would not raise local taxes."
        ),
        [("date-mismatch".to_string(), "Friday".to_string())]
    );
    assert_eq!(
        statement_findings(
            "wrong-year",
            "2026-03-16",
            "On March 13, 2025, Dana Okafor said the expansion would not raise local taxes."
        ),
        [("date-mismatch".to_string(), "March 13, 2025".to_string())]
    );
    // No date in the sentence: nothing to compare.
    assert_eq!(
        statement_findings(
            "undated",
            "2026-03-16",
            "Dana Okafor said the expansion would not raise local taxes."
        ),
        []
    );
    // Another speaker: not the rule's statement.
    assert_eq!(
        statement_findings(
            "other-speaker",
            "2026-03-16",
            "On March 13, 2025, the governor said the expansion would not raise local taxes."
        ),
        []
    );
}

/// (code, severity, found) of every finding for one article under no rules.
fn calendar_findings(name: &str, published: &str, article: &str) -> Vec<(String, String, String)> {
    let text = format!("---\ndate: {published}\n---\n{article}\n");
    let dir = scratch(name, &[("rules/r.yaml", "claims: []\n"), ("a.md", &text)]);
    let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
    json(&r.stdout)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_string();
            (s("code"), s("severity"), s("found"))
        })
        .collect()
}

#[test]
fn early_january_year_slip_is_a_warning() {
    assert_eq!(
        calendar_findings(
            "slip",
            "2026-01-05",
            "The council met on January 3, 2025, to approve the budget."
        ),
        [(
            "date-mismatch".to_string(),
            "warning".to_string(),
            "January 3, 2025".to_string()
        )]
    );
    // Said to be a year back: meant.
    assert_eq!(
        calendar_findings(
            "slip-meant",
            "2026-01-05",
            "A year ago, on January 3, 2025, the council met."
        ),
        []
    );
    // Outside early January a date a year back is usually meant.
    assert_eq!(
        calendar_findings(
            "no-slip-march",
            "2026-03-16",
            "The council met on March 13, 2025."
        ),
        []
    );
}
