//! Walking story folders: ignore files, --exclude, and files that are not text.

mod common;

use common::{run_in, scratch};
use serde_json::Value;

const RULES: &str = "claims:\n  - id: land\n    claim: \"20% of territory\"\n";
const WRONG: &str = "Some 25% of the territory.\n";

fn files_checked(dir: &std::path::Path, args: &[&str]) -> (i32, u64, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let r = run_in(dir, &all, "");
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or(Value::Null);
    (r.code, v["files_checked"].as_u64().unwrap_or(0), r.stderr)
}

#[test]
fn gitignore_and_ignore_files_are_honored_outside_git() {
    let dir = scratch(
        "ignores",
        &[
            ("rules/r.yaml", RULES),
            ("stories/.gitignore", "drafts/\n"),
            ("stories/.ignore", "notes.md\n"),
            ("stories/a.md", WRONG),
            ("stories/drafts/b.md", WRONG),
            ("stories/notes.md", WRONG),
            ("stories/c.txt", WRONG),
            ("stories/d.markdown", WRONG),
            ("stories/e.html", WRONG),
        ],
    );
    assert_eq!(
        files_checked(&dir, &["stories"]).1,
        3,
        "a.md, c.txt, d.markdown"
    );
}

#[test]
fn exclude_globs_leave_out_walked_files() {
    let dir = scratch(
        "exclude",
        &[
            ("rules/r.yaml", RULES),
            ("s/a.md", WRONG),
            ("s/wire/b.md", WRONG),
            ("s/c.md", WRONG),
        ],
    );
    assert_eq!(files_checked(&dir, &["s", "--exclude", "wire/"]).1, 2);
    // Excluding every file leaves nothing to check: that is not a clean run.
    let (code, checked, stderr) = files_checked(&dir, &["s", "--exclude", "*.md"]);
    assert_eq!((code, checked), (2, 0), "{stderr}");
    assert!(
        stderr.contains(
            "nothing to check: no .md, .markdown or .txt file in s that --exclude leaves in"
        ),
        "{stderr}"
    );
}

#[test]
fn binary_and_non_utf8_files_are_skipped_with_a_warning() {
    let dir = scratch("not-text", &[("rules/r.yaml", RULES), ("s/a.md", WRONG)]);
    std::fs::write(dir.join("s/binary.md"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(dir.join("s/latin1.txt"), b"caf\xe9 25% of the territory\n").unwrap();
    let (code, checked, stderr) = files_checked(&dir, &["s"]);
    assert_eq!((code, checked), (1, 1), "{stderr}");
    assert!(
        stderr.contains("s/binary.md: a binary file, not text; skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "s/latin1.txt: not UTF-8 text (byte 0xE9 at line 1, column 4): save it as UTF-8; skipped"
        ),
        "{stderr}"
    );
    // Named on the command line, it must be readable: exit 2.
    let (code, _, stderr) = files_checked(&dir, &["s/latin1.txt"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn inline_suppressions_in_markdown_and_plain_text() {
    let md = "<!-- claimcheck-disable-next-line value-mismatch -->\nSome 25% of the territory.\n\nSome 25% of the territory.\n\n<!-- claimcheck-disable -->\nSome 25% of the territory.\n<!-- claimcheck-enable -->\nSome 25% of the territory.\n<!-- claimcheck-disable-next-line value-mismach -->\nSome 25% of the territory.\n";
    let txt = "# claimcheck-disable-next-line value-mismatch\nSome 25% of the territory.\nSome 25% of the territory.\n";
    let dir = scratch(
        "suppress",
        &[("rules/r.yaml", RULES), ("a.md", md), ("b.txt", txt)],
    );
    let r = run_in(&dir, &["check", "a.md", "b.txt", "--format", "json"], "");
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let places: Vec<(&str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        places,
        [("a.md", 4), ("a.md", 9), ("a.md", 11), ("b.txt", 3)]
    );
    assert!(
        r.stderr.contains("warning: a.md:10: unknown finding code `value-mismach` in a suppression comment; did you mean `value-mismatch`?"),
        "{}",
        r.stderr
    );
}
