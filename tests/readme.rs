//! README.md shows real output: every example it gives as `$ claimcheck ...` is run
//! in the repository root and must print what the README says, so the examples a new
//! user copies cannot drift from the binary.

mod common;

use common::{root, run};

/// The README's text.
fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The README's ```text blocks, each as its lines.
fn text_blocks(readme: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line == "```text" {
            blocks.push(lines.by_ref().take_while(|l| *l != "```").collect());
        }
    }
    blocks
}

/// Whether `printed` is what the README shows (`expected`): line for line, where a
/// line `...` (any indent) stands for any number of lines left out.
fn shows(expected: &[&str], printed: &[&str]) -> bool {
    match expected.split_first() {
        None => printed.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=printed.len()).any(|skip| shows(rest, &printed[skip..]))
        }
        Some((first, rest)) => printed
            .split_first()
            .is_some_and(|(line, more)| line == first && shows(rest, more)),
    }
}

/// The examples: each block that starts with `$ claimcheck ...`, run as written (a
/// trailing `| head -N` keeps the first N lines). Commands that need a shell (`cd`,
/// `&&`) are left out.
#[test]
fn every_claimcheck_example_prints_what_the_readme_shows() {
    let readme = readme();
    let mut ran = 0;
    for block in text_blocks(&readme) {
        let Some(command) = block.first().and_then(|l| l.strip_prefix("$ claimcheck ")) else {
            continue;
        };
        if command.contains("&&") {
            continue;
        }
        let (command, head) = match command.split_once(" | head -") {
            Some((c, n)) => (c, Some(n.parse::<usize>().expect("a line count"))),
            None => (command, None),
        };
        let args: Vec<&str> = command.split_whitespace().collect();
        let r = run(&args);
        assert!(r.code == 0 || r.code == 1, "`{command}`: {}", r.stderr);
        let printed: Vec<&str> = r.stdout.lines().take(head.unwrap_or(usize::MAX)).collect();
        assert!(
            shows(&block[1..], &printed),
            "README's example of `claimcheck {command}` is not what it prints now:\n{}",
            printed.join("\n")
        );
        ran += 1;
    }
    assert!(ran >= 8, "only {ran} examples found");
}

/// The "Commands" section opens with `claimcheck --help` as it is.
#[test]
fn the_command_list_is_the_help() {
    let readme = readme();
    let commands = &readme[readme.find("\n## Commands\n").expect("a Commands section")..];
    let block = &text_blocks(commands)[0];
    let help = run(&["--help"]).stdout;
    assert_eq!(
        block.join("\n"),
        help.trim_end(),
        "claimcheck --help changed"
    );
}

/// Every finding code is documented in the README exactly as `explain` prints it.
#[test]
fn every_finding_code_is_documented_as_explain_prints_it() {
    let readme = readme();
    let blocks: Vec<String> = text_blocks(&readme).iter().map(|b| b.join("\n")).collect();
    let list = run(&["explain"]).stdout;
    let codes: Vec<&str> = list
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(codes.len(), 7, "{list}");
    for code in codes {
        let r = run(&["explain", code]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            blocks.iter().any(|b| b == r.stdout.trim_end()),
            "README's text for {code} differs from `claimcheck explain {code}`:\n{}",
            r.stdout
        );
    }
}

/// The JSON example is the JSON report of the article it names.
#[test]
fn the_json_example_is_the_json_report() {
    let readme = readme();
    let start = readme
        .find("```json\n{\n  \"version\": 1,\n  \"files_checked\": 1,")
        .expect("the JSON example")
        + "```json\n".len();
    let end = start + readme[start..].find("\n```").expect("its end");
    let r = run(&[
        "check",
        "fixtures/georgia-russia/wire-2025-12-03.md",
        "--format",
        "json",
    ]);
    assert_eq!(&readme[start..end], r.stdout.trim_end());
}
