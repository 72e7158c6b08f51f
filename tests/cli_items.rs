//! The command line as users of Vale, typos and textlint expect it: standard input,
//! `init`, completions and a man page, `--version` with the commit, the pre-commit
//! hook's file types, `--exclude` from where the user stands, `config` as valid
//! YAML naming its rules, and a broken rule file still reported to CI.

mod common;

use common::{root, run, run_in, scratch};
use serde_json::Value;

const RULES: &str = "claims:\n  - id: ferry-fares\n    claim: \"fares, +4%\"\n";
const WRONG: &str = "Ferry fares will rise 9% in March.\n";
const RIGHT: &str = "Ferry fares will rise 4% in March.\n";

#[test]
fn mentions_with_no_file_reads_standard_input() {
    let r = run_in(
        &root(),
        &["mentions", "--date", "2026-01-10"],
        "Fares rose 4% in 2025.\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("1:7      percent  rose 4%"),
        "{}",
        r.stdout
    );
}

#[test]
fn init_writes_a_starter_that_runs_and_never_overwrites() {
    let dir = scratch("init", &[]);
    let r = run_in(&dir, &["init"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("rules/claims.yaml: created"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("claimcheck.yaml: created"),
        "{}",
        r.stdout
    );
    // The starter's own examples pass, and it checks an article.
    let t = run_in(&dir, &["rules", "test"], "");
    assert_eq!(t.code, 0, "{}{}", t.stdout, t.stderr);
    std::fs::write(
        dir.join("story.md"),
        "The council approved a $2.9 billion budget for 2026.\n",
    )
    .unwrap();
    let c = run_in(&dir, &["check", "story.md"], "");
    assert_eq!(c.code, 1, "{}{}", c.stdout, c.stderr);
    // A second run leaves the user's edits alone.
    std::fs::write(dir.join("claimcheck.yaml"), "rules: [rules]\n# mine\n").unwrap();
    let again = run_in(&dir, &["init"], "");
    assert_eq!(again.code, 0);
    assert!(
        again
            .stdout
            .contains("claimcheck.yaml: exists, left as it is")
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("claimcheck.yaml")).unwrap(),
        "rules: [rules]\n# mine\n"
    );
}

#[test]
fn completions_and_the_man_page_come_from_the_command_line_itself() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        for sub in ["check", "diff", "mentions", "init"] {
            assert!(r.stdout.contains(sub), "{shell} completes {sub}");
        }
    }
    let bash = run(&["completions", "bash"]).stdout;
    assert!(
        bash.contains("--stdin-filename") && bash.contains("--no-matrix"),
        "flags are completed"
    );
    let man = run(&["man"]);
    assert_eq!(man.code, 0);
    assert!(man.stdout.contains(".TH claimcheck 1"), "{}", man.stdout);
    assert!(man.stdout.contains("check") && man.stdout.contains("completions"));
}

#[test]
fn version_names_the_commit_when_built_from_git() {
    let r = run(&["--version"]);
    assert_eq!(r.code, 0);
    let line = r.stdout.trim();
    assert!(
        line.starts_with(&format!("claimcheck {}", env!("CARGO_PKG_VERSION"))),
        "{line}"
    );
    let git = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(root())
        .output();
    if let Some(out) = git.ok().filter(|o| o.status.success()) {
        let head = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(line.contains(&format!("({head}")), "{line} names {head}");
    }
}

#[test]
fn the_pre_commit_hook_takes_articles_not_rule_files() {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<Value> = serde_yaml::from_str(&text).unwrap();
    let types: Vec<&str> = hooks[0]["types_or"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    // pre-commit's `text` type is every text file, YAML rule files included.
    assert_eq!(types, ["markdown", "plain-text"]);
}

#[test]
fn exclude_is_a_path_from_where_the_user_stands() {
    let dir = scratch(
        "exclude-cwd",
        &[
            ("rules/r.yaml", RULES),
            ("stories/ok.md", RIGHT),
            ("stories/drafts/wip.md", WRONG),
        ],
    );
    for folder in [".", "stories"] {
        let r = run_in(&dir, &["check", folder, "--exclude", "stories/drafts/"], "");
        assert_eq!(r.code, 0, "checking {folder}: {}", r.stdout);
        assert!(r.stdout.contains("1 file checked"), "{}", r.stdout);
    }
    let r = run_in(
        &dir,
        &["check", "stories", "--exclude", "drafts/stories/"],
        "",
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("--exclude drafts/stories/ matches nothing"),
        "{}",
        r.stderr
    );
}

#[test]
fn config_prints_valid_yaml_that_names_the_rules() {
    let dir = scratch(
        "config-yaml",
        &[
            ("rules/r.yaml", RULES),
            ("claimcheck.yaml", "rules: [rules]\nexclude: [drafts/]\n"),
        ],
    );
    let r = run_in(&dir, &["config"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value =
        serde_yaml::from_str(&r.stdout).unwrap_or_else(|e| panic!("not YAML ({e}):\n{}", r.stdout));
    assert_eq!(v["exclude"][0], "drafts/");
    assert!(r.stdout.contains("r.yaml: ferry-fares"), "{}", r.stdout);
}

/// A folder with a broken rule file; each test names its own, since tests run
/// in parallel and a shared folder is rewritten under another test's feet.
fn broken(name: &str) -> std::path::PathBuf {
    scratch(
        name,
        &[
            (
                "rules/r.yaml",
                "claims:\n  - id: fares\n    clam: \"fares, +4%\"\n",
            ),
            ("a.md", RIGHT),
        ],
    )
}

#[test]
fn a_broken_rule_file_still_gives_valid_sarif_with_the_error() {
    let r = run_in(
        &broken("broken-rules-1"),
        &["check", "a.md", "--format", "sarif"],
        "",
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("rules/r.yaml"),
        "the person still reads it: {}",
        r.stderr
    );
    let log: Value =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.stdout));
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
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let n = &invocation["toolExecutionNotifications"][0];
    assert_eq!(n["level"], "error");
    assert_eq!(
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "rules/r.yaml"
    );
    assert_eq!(
        n["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
}

#[test]
fn a_broken_rule_file_is_an_error_annotation_on_github() {
    let r = run_in(
        &broken("broken-rules-2"),
        &["check", "a.md", "--format", "github"],
        "",
    );
    assert_eq!(r.code, 2);
    let line = r.stdout.lines().next().unwrap_or_default();
    assert!(
        line.starts_with("::error file=rules/r.yaml,line=3,"),
        "{}",
        r.stdout
    );
}

#[test]
fn stdin_filename_finds_the_configuration_of_its_folder() {
    let dir = scratch(
        "stdin-config",
        &[
            ("desk/claimcheck.yaml", "rules: [rules]\n"),
            ("desk/rules/r.yaml", RULES),
        ],
    );
    // No rules/ folder where the user stands: only desk/claimcheck.yaml names them.
    let r = run_in(
        &dir,
        &["check", "-", "--stdin-filename", "desk/draft.md"],
        WRONG,
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("--> desk/draft.md:1:18"), "{}", r.stdout);
    let r = run_in(
        &dir,
        &["check", "-", "--stdin-filename", "desk/draft.md"],
        RIGHT,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}
