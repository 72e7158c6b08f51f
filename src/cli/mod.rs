//! The command line: arguments, and the commands they run.
//!
//! Every command returns the process exit status: 0 when nothing error-level was
//! found, 1 when something was, 2 for bad usage, bad rules or unreadable input.

mod check;
mod config_cmd;
mod diff;
mod explain;
mod extract;
mod mentions;
mod rules_cmd;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::color::ColorChoice;

pub use check::{load_rules, render_rule_error};

/// Exit status: nothing error-level found.
pub const EXIT_CLEAN: i32 = 0;
/// Exit status: error-level findings.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status: bad usage, bad rules or unreadable input.
pub const EXIT_TROUBLE: i32 = 2;

/// Checks news articles against a desk's claim templates: wrong figures, misdated
/// statements, drifted quotes, sources that disagree.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles against the claim templates in rule files.
    Check(CheckArgs),
    /// List what extraction finds in a document: figures and dates, with positions.
    Mentions(MentionsArgs),
    /// Compare what two documents say, claim by claim.
    Diff(diff::DiffArgs),
    /// Validate rule files, run their examples, or print their JSON Schema.
    Rules(rules_cmd::RulesArgs),
    /// Explain a finding code: what it catches, why it matters, an example.
    Explain(explain::ExplainArgs),
    /// Print the configuration (claimcheck.yaml) that applies to a path.
    Config(config_cmd::ConfigArgs),
    /// Draft a rule file from trusted sources: figures, quotes, dated statements.
    Extract(extract::ExtractArgs),
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Compiler-style findings with diffs, for people.
    Human,
    /// One JSON object, for programs.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the lines of each finding.
    Github,
}

/// Which findings make `check` exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Error-level findings.
    Error,
    /// Warnings too.
    Warning,
    /// Nothing: report, but always exit 0 (2 still means trouble).
    Never,
}

/// Output formats of `mentions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MentionsFormat {
    /// One line per mention.
    Human,
    /// One JSON object.
    Json,
}

/// Arguments of `claimcheck check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check; folders are walked for .md, .markdown and .txt.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// A rule file or a folder of them (repeatable). Default: what the nearest
    /// claimcheck.yaml above each file names, else the nearest `rules/` folder,
    /// looking up from the current folder.
    #[arg(long, value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Publication date (YYYY-MM-DD) of documents that give none (wins over
    /// claimcheck.yaml's `date`).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// When to color the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Worker threads (default: one per core). Output is the same for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Which findings make the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Leave out walked files matching this glob (gitignore syntax; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Print only the claim matrix: what each document says about each claim.
    /// (The human report ends with it when more than one document is checked.)
    #[arg(long)]
    pub matrix: bool,
}

/// Arguments of `claimcheck mentions`.
#[derive(Debug, clap::Args)]
pub struct MentionsArgs {
    /// The document, or `-` for standard input.
    #[arg(default_value = "-", required_unless_present = "jsonl")]
    pub file: String,
    /// Publication date (YYYY-MM-DD), when the document gives none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MentionsFormat::Human)]
    pub format: MentionsFormat,
    /// Read JSON lines `{"id", "text", "date"}` on standard input and answer one JSON
    /// line `{"id", "mentions": [...]}` each, with character offsets (the extraction
    /// suite's protocol).
    #[arg(long, conflicts_with_all = ["format"])]
    pub jsonl: bool,
    /// With --jsonl: answer with quotations and their speakers, `{"id", "quotes":
    /// [...]}` (the quote suite's protocol).
    #[arg(long, requires = "jsonl")]
    pub quotes: bool,
}

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Mentions(args) => mentions::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Rules(args) => rules_cmd::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Config(args) => config_cmd::run(args),
        Command::Extract(args) => extract::run(args),
    }
}

/// Reads a file as UTF-8 text, or says why it cannot be read.
pub(crate) fn read_text(path: &Path) -> Result<String, String> {
    crate::walk::read_text(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn write_stdout(s: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        // A closed pipe (`claimcheck check | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Prints `message` as claimcheck's error and returns the exit status for trouble.
pub(crate) fn trouble(message: &str) -> i32 {
    let _ = writeln!(std::io::stderr(), "claimcheck: error: {message}");
    EXIT_TROUBLE
}
