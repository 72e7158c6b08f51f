//! `claimcheck rules check|test|schema`: rule files on their own.
//!
//! `check` loads and validates; `test` runs every claim's `examples:` through the
//! checker and reports like a test runner; `schema` prints the JSON Schema of the
//! rule format for editors.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use colored::Colorize;

use super::check::relative_to;
use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, load_rules, render_rule_error, write_stdout};
use crate::color::{self, ColorChoice};
use crate::config::{self, Config};
use crate::pipeline::Checker;
use crate::rules::{self, RuleSet};
use crate::selftest::{self, ExampleRun};

/// Arguments of `claimcheck rules`.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// What to do with the rule files.
    #[command(subcommand)]
    pub command: RulesCommand,
}

/// The subcommands of `claimcheck rules`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Load and validate rule files, and say how many claims and people each holds.
    Check(RulesPathArgs),
    /// Run every claim's examples: `pass` sentences must raise no finding of their
    /// claim, `fail` sentences at least one.
    Test(RulesPathArgs),
    /// Print the JSON Schema of the rule format, for editor completion.
    Schema,
}

/// Which rule files `rules check` and `rules test` read, and how they print.
#[derive(Debug, clap::Args)]
pub struct RulesPathArgs {
    /// A rule file or a folder of them. Default: as `check` finds them: the rules the
    /// nearest claimcheck.yaml above the current folder names, else the nearest
    /// `rules/` folder, looking up from the current folder.
    pub path: Option<PathBuf>,
    /// When to color the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Runs `rules` and returns the exit status: 0 when all is well, 1 when an example
/// fails, 2 for broken rule files or bad usage.
pub fn run(args: RulesArgs) -> i32 {
    match args.command {
        RulesCommand::Check(a) => check(a),
        RulesCommand::Test(a) => test(a),
        RulesCommand::Schema => {
            let mut out = serde_json::to_string_pretty(&rules::schema())
                .expect("a JSON value always serializes");
            out.push('\n');
            print(&out, EXIT_CLEAN)
        }
    }
}

/// The rules `args` names, and the configuration that applies: with no path, the
/// nearest claimcheck.yaml's rules and thresholds, as `check` would use them.
/// Prints what is wrong when either is broken.
fn load(args: &RulesPathArgs, color: bool) -> Result<(RuleSet, Config), i32> {
    let config = match (&args.path, config::find(Path::new("."))) {
        (None, Some(file)) => {
            let name = relative_to(&file, &std::env::current_dir().unwrap_or_default());
            config::load(&file, &name.display().to_string()).map_err(|errors| {
                for e in &errors.0 {
                    let _ = writeln!(std::io::stderr(), "{}", render_rule_error(e, color));
                }
                EXIT_TROUBLE
            })?
        }
        _ => Config::default(),
    };
    let given: Vec<PathBuf> = match &args.path {
        Some(p) => vec![p.clone()],
        None => {
            let here = std::env::current_dir().unwrap_or_default();
            config.rules.iter().map(|r| relative_to(r, &here)).collect()
        }
    };
    Ok((load_rules(&given, color)?, config))
}

/// Writes `out` and returns `code`, or trouble when standard output fails.
fn print(out: &str, code: i32) -> i32 {
    if write_stdout(out).is_ok() {
        code
    } else {
        EXIT_TROUBLE
    }
}

fn check(args: RulesPathArgs) -> i32 {
    let color = color::decide(args.color);
    let set = match load(&args, color) {
        Ok((set, _)) => set,
        Err(code) => return code,
    };
    print(&check_report(&set), EXIT_CLEAN)
}

/// One line per rule file: `rules/desk.yaml: 6 claims, 4 people: ok`.
pub fn check_report(set: &RuleSet) -> String {
    let mut out = String::new();
    for file in &set.files {
        let claims = set.claims.iter().filter(|c| &c.origin.file == file).count();
        let people = set
            .person_origins
            .iter()
            .filter(|o| &o.file == file)
            .count();
        out.push_str(&format!(
            "{file}: {}, {}: {}\n",
            counted(claims, "claim", "claims"),
            counted(people, "person", "people"),
            "ok".green()
        ));
    }
    out
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn test(args: RulesPathArgs) -> i32 {
    let color = color::decide(args.color);
    let (set, config) = match load(&args, color) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let untested: Vec<String> = set
        .claims
        .iter()
        .filter(|c| c.examples.is_empty())
        .map(|c| c.id.clone())
        .collect();
    let files = set.files.len();
    // The thresholds of the configuration that applies, as `check` reads them.
    let checker = Checker::with_thresholds(
        set,
        config
            .statement_similarity
            .unwrap_or(crate::statements::DEFAULT_SIMILARITY),
        config
            .quote_similarity
            .unwrap_or(crate::quotes::DRIFT_COVERAGE),
    );
    let runs = selftest::run_all(&checker);
    let out = test_report(&runs, files, &untested);
    let code = if runs.iter().all(ExampleRun::passed) {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    };
    print(&out, code)
}

/// The longest stretch of an example's text shown on its one-line result.
const SHOWN_CHARS: usize = 80;

/// The report of `rules test`, in the manner of `cargo test`: a line per example,
/// then what went wrong with each failure, then `test result: ok. N passed; M
/// failed` (or `FAILED.`) as the last line, for CI logs to find.
pub fn test_report(runs: &[ExampleRun], files: usize, untested: &[String]) -> String {
    let mut out = format!(
        "running {} from {}\n",
        counted(runs.len(), "example", "examples"),
        counted(files, "rule file", "rule files")
    );
    if !runs.is_empty() {
        out.push('\n');
    }
    for run in runs {
        let verdict = if run.passed() {
            "ok".green()
        } else {
            "FAILED".red()
        };
        out.push_str(&format!(
            "test {} {}: {} ... {verdict}\n",
            run.claim,
            run.expectation.as_str(),
            shorten(&one_line(&run.example.text), SHOWN_CHARS)
        ));
    }
    let failed: Vec<&ExampleRun> = runs.iter().filter(|r| !r.passed()).collect();
    if !failed.is_empty() {
        out.push_str("\nfailures:\n");
        for run in &failed {
            out.push_str(&failure(run));
        }
        out.push_str("\nfailures:\n");
        for run in &failed {
            out.push_str(&format!(
                "    {} {} example at {}\n",
                run.claim,
                run.expectation.as_str(),
                run.example.origin
            ));
        }
    }
    if !untested.is_empty() {
        out.push_str(&untested_note(untested));
    }
    let verdict = if failed.is_empty() {
        "ok".green()
    } else {
        "FAILED".red()
    };
    out.push_str(&format!(
        "\ntest result: {verdict}. {} passed; {} failed\n",
        runs.len() - failed.len(),
        failed.len()
    ));
    out
}

/// What went wrong with one failed example: its sentence, what the rule expected of
/// it, and what claimcheck found instead.
fn failure(run: &ExampleRun) -> String {
    let mut out = format!(
        "\n---- {} {} example at {} ----\n",
        run.claim,
        run.expectation.as_str(),
        run.example.origin
    );
    out.push_str(&format!("sentence: {}\n", one_line(&run.example.text)));
    out.push_str(&format!("expected: {}\n", run.expected()));
    if run.findings.is_empty() {
        out.push_str("found:    nothing\n");
        out.push_str(
            "help:     if the sentence should match the claim, `claimcheck mentions -` shows what extraction reads in it\n",
        );
        return out;
    }
    out.push_str("found:\n");
    for f in &run.findings {
        out.push_str(&format!(
            "  {}[{}] at {}:{}: {}\n",
            f.severity.as_str(),
            f.code.as_str(),
            f.line,
            f.column,
            f.message
        ));
    }
    out
}

/// The note naming the claims that have no examples.
fn untested_note(untested: &[String]) -> String {
    format!(
        "\nnote: {} no examples: {}\n",
        if untested.len() == 1 {
            "1 claim has".to_string()
        } else {
            format!("{} claims have", untested.len())
        },
        untested.join(", ")
    )
}

/// The text with every run of whitespace, line breaks included, as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of `text`, ending in `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.truncate(s.trim_end().len());
    s.push('…');
    s
}
