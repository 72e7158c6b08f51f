//! The terminal report as a reader sees it: wrapped to the width (`COLUMNS`, else
//! 80), long lines shown as a window around the words, changed words marked with
//! and without color, the matrix in full; and the report's switches (`--quiet`,
//! `--summary-only`, `--no-matrix`, `--matrix`, `check -`).

mod common;

use std::process::{Command, Stdio};

use common::{root, run};

/// Runs `claimcheck` in the repository root with `COLUMNS` set (or not) and color
/// forced on or off, `stdin` on standard input.
fn run_wide(args: &[&str], columns: Option<usize>, color: bool, stdin: &str) -> (i32, String) {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.args(args)
        .args(["--color", if color { "always" } else { "never" }])
        .current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("COLUMNS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(c) = columns {
        cmd.env("COLUMNS", c.to_string());
    }
    let mut child = cmd.spawn().expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.code().unwrap() < 2, "trouble: {stderr}");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

const EXAMPLE: &[&str] = &["check", "fixtures/georgia-russia"];
const LONG: &[&str] = &[
    "check",
    "tests/data/longlines/stories",
    "--rules",
    "tests/data/longlines/rules",
];

/// Every line fits in `width` columns, but for the legend's and the arrow's paths,
/// which are never cut.
fn assert_fits(out: &str, width: usize) {
    for line in out.lines() {
        let is_path =
            line.trim_start().starts_with("-->") || line.starts_with("  ") && line.contains('/');
        if !is_path {
            assert!(
                line.chars().count() <= width,
                "wider than {width}: {line:?}\n{out}"
            );
        }
    }
}

macro_rules! snapshots {
    ($($name:ident: $args:expr, $width:expr, $color:expr;)*) => {$(
        #[test]
        fn $name() {
            let (code, out) = run_wide($args, Some($width), $color, "");
            assert_eq!(code, 1);
            if !$color {
                assert_fits(&out, $width);
                assert!(!out.contains('\x1b'), "no color codes without color");
            } else {
                assert!(out.contains("\x1b["), "color codes with color");
            }
            insta::assert_snapshot!(stringify!($name), out);
        }
    )*};
}

snapshots! {
    example_80_plain: EXAMPLE, 80, false;
    example_120_plain: EXAMPLE, 120, false;
    example_80_color: EXAMPLE, 80, true;
    example_120_color: EXAMPLE, 120, true;
    long_lines_80_plain: LONG, 80, false;
    long_lines_120_plain: LONG, 120, false;
    long_lines_80_color: LONG, 80, true;
    long_lines_120_color: LONG, 120, true;
}

#[test]
fn without_columns_and_without_a_terminal_the_report_is_80_wide() {
    let (_, default) = run_wide(EXAMPLE, None, false, "");
    let (_, eighty) = run_wide(EXAMPLE, Some(80), false, "");
    assert_eq!(default, eighty);
    let (_, wide) = run_wide(EXAMPLE, Some(200), false, "");
    assert_ne!(default, wide, "COLUMNS is honoured");
}

#[test]
fn without_color_the_changed_words_are_marked_and_the_lines_labelled() {
    let (_, out) = run_wide(EXAMPLE, Some(80), false, "");
    assert!(
        out.contains("  record:  December 4, {+2025+}\n  article: December 4, [-2024-]\n"),
        "{out}"
    );
    assert!(out.contains(
        "  record:  {+harmful+} and unrealistic\n  article: [-counterproductive-] and unrealistic\n"
    ));
}

#[test]
fn with_color_the_record_is_green_and_the_article_red() {
    let (_, out) = run_wide(EXAMPLE, Some(80), true, "");
    // colored writes bold then the color: green 32 for the record, red 31 for the article.
    assert!(out.contains("\x1b[1;32m2025\x1b[0m"), "{out:?}");
    assert!(out.contains("\x1b[1;31m2024\x1b[0m"), "{out:?}");
    assert!(
        out.contains("record:") && out.contains("article:"),
        "labelled with color too"
    );
}

#[test]
fn the_matrix_gives_every_differing_value_and_full_claim_ids() {
    let (code, out) = run_wide(
        &["check", "fixtures/georgia-russia", "--matrix"],
        Some(80),
        false,
        "",
    );
    assert_eq!(code, 1, "--matrix exits as the report does");
    for id in [
        "zakharova-normalization",
        "ministry-harmful-unrealistic",
        "kobakhidze-red-lines",
    ] {
        assert!(out.contains(&format!("\n{id}")), "{id} in full:\n{out}");
    }
    assert!(
        out.contains("✗ zakharova-normalization (2025-12-04), A: December 4, 2024"),
        "{out}"
    );
    assert!(
        out.contains("✗ trade-h1-2025 ($1.3B), F: $1.3 million"),
        "{out}"
    );
}

#[test]
fn no_matrix_quiet_and_summary_only() {
    let full = run(&["check", "fixtures/georgia-russia"]);
    assert!(full.stdout.contains("Claims by source"));
    let r = run(&["check", "fixtures/georgia-russia", "--no-matrix"]);
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains("Claims by source"));
    assert!(
        r.stdout
            .ends_with("6 files checked: 4 errors, 2 warnings\n")
    );
    let r = run(&["check", "fixtures/georgia-russia", "--quiet"]);
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains("Claims by source") && !r.stdout.contains("files checked"));
    assert_eq!(r.stdout.matches("error[").count(), 4, "{}", r.stdout);
    let r = run(&["check", "fixtures/georgia-russia", "--summary-only"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "fixtures/georgia-russia/civil-2025-12-04.md: 1 date-mismatch\n\
         fixtures/georgia-russia/digest-2025-12-08.md: 1 value-mismatch\n\
         fixtures/georgia-russia/london-2025-12-03.md: 2 quote-drift\n\
         fixtures/georgia-russia/tbilisi-2021-08-06.txt: 1 value-mismatch\n\
         fixtures/georgia-russia/wire-2025-12-03.md: 1 value-mismatch\n\
         6 files checked: 4 errors, 2 warnings\n"
    );
}

#[test]
fn check_dash_reads_the_article_from_standard_input() {
    let text = "Bilateral trade reached $1.3 million in the first half of 2025, up 7% from a year earlier.\n";
    let (code, out) = run_wide(
        &[
            "check",
            "-",
            "--rules",
            "rules",
            "--stdin-filename",
            "desk/draft.md",
            "--date",
            "2025-12-05",
        ],
        Some(80),
        false,
        text,
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("--> desk/draft.md:1:25"),
        "named by --stdin-filename: {out}"
    );
    assert!(out.contains("1 file checked: 1 error, 0 warnings"), "{out}");
    let (code, out) = run_wide(
        &["check", "-", "--rules", "rules"],
        Some(80),
        false,
        "Nothing to see.\n",
    );
    assert_eq!(code, 0);
    assert_eq!(out, "1 file checked: no findings\n");
}
