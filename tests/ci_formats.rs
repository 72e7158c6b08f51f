//! What CI sees: SARIF that validates, GitHub annotations on the right lines, a step
//! summary, and exit statuses chosen with --fail-on.

mod common;

use common::{root, run, run_in, scratch};
use serde_json::Value;

const HARBOR: &[&str] = &[
    "tests/data/harbor/stories",
    "--rules",
    "tests/data/harbor/rules/harbor.yaml",
];

fn check(extra: &[&str]) -> common::Run {
    let mut args = vec!["check"];
    args.extend_from_slice(HARBOR);
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn sarif_of_a_story_validates_and_names_only_known_rules() {
    let r = check(&["--format", "sarif"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let log: Value = serde_json::from_str(&r.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .offline()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 7, "{}", results.len());
    for result in results {
        let id = result["ruleId"].as_str().unwrap();
        assert!(rules.contains(&id), "{id} not in {rules:?}");
        assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize], id);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(
            result["partialFingerprints"]
                .as_object()
                .is_some_and(|f| !f.is_empty())
        );
    }
    assert_eq!(run["columnKind"], "unicodeCodePoints");
}

#[test]
fn sarif_fingerprints_are_stable_across_runs() {
    let a = check(&["--format", "sarif"]);
    let b = check(&["--format", "sarif", "--threads", "1"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn github_annotations_sit_on_each_error_line() {
    let json: Value = serde_json::from_str(&check(&["--format", "json"]).stdout).unwrap();
    let r = check(&["--format", "github"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(lines.len(), findings.len());
    for (line, f) in lines.iter().zip(findings) {
        let level = if f["severity"] == "error" {
            "::error "
        } else {
            "::warning "
        };
        assert!(line.starts_with(level), "{line}");
        let place = format!(
            "file={},line={},col={},",
            f["file"].as_str().unwrap(),
            f["line"],
            f["column"]
        );
        assert!(line.contains(&place), "{line} lacks {place}");
    }
}

#[test]
fn github_step_summary_is_appended() {
    let dir = scratch("step-summary", &[("summary.md", "# Earlier step\n")]);
    let summary = dir.join("summary.md");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check"])
        .args(HARBOR)
        .args(["--format", "github"])
        .current_dir(root())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("# Earlier step\n"),
        "never truncated: {text}"
    );
    assert!(text.contains("weekday-mismatch"), "{text}");
    assert!(text.contains("value-mismatch"), "{text}");
}

#[test]
fn fail_on_chooses_what_fails() {
    let rules = "claims:\n  - id: land\n    claim: \"20% of territory\"\n    severity: warning\n";
    let dir = scratch(
        "fail-on",
        &[
            ("rules/r.yaml", rules),
            ("warn.md", "Some 25% of the territory.\n"),
            ("clean.md", "Some 20% of the territory.\n"),
        ],
    );
    let status = |file: &str, fail_on: &str| {
        run_in(
            &dir,
            &["check", file, "--fail-on", fail_on, "--format", "json"],
            "",
        )
        .code
    };
    assert_eq!(status("clean.md", "warning"), 0, "a clean story");
    assert_eq!(status("warn.md", "error"), 0, "only warnings");
    assert_eq!(
        status("warn.md", "warning"),
        1,
        "warnings fail with --fail-on warning"
    );
    assert_eq!(status("warn.md", "never"), 0);
    assert_eq!(
        run(&["check", "fixtures/georgia-russia", "--fail-on", "never"]).code,
        0
    );
    assert_eq!(
        run(&["check", "fixtures/georgia-russia"]).code,
        1,
        "errors fail by default"
    );
}
