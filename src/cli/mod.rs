//! The command line: arguments, and the commands they run.
//!
//! Every command returns the process exit status: 0 when nothing error-level was
//! found, 1 when something was, 2 for bad usage, bad rules or unreadable input.

mod applies;
mod check;
mod config_cmd;
mod diff;
mod excludes;
mod explain;
mod extract;
mod generate;
mod init;
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
#[command(name = "claimcheck", version = crate::build_info::VERSION, about, long_about = None)]
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
    /// List what extraction finds in a document: figures, dates, quotations, people.
    Mentions(MentionsArgs),
    /// Compare what two documents say, claim by claim.
    Diff(diff::DiffArgs),
    /// Validate rule files, run their examples, or print their JSON Schema.
    Rules(rules_cmd::RulesArgs),
    /// Explain a finding code: what it catches, why it matters, an example.
    Explain(explain::ExplainArgs),
    /// Print the configuration (claimcheck.yaml) that applies to a path.
    Config(config_cmd::ConfigArgs),
    /// Write a commented starter rule file and claimcheck.yaml (never overwrites).
    Init(init::InitArgs),
    /// Print shell completions (bash, elvish, fish, powershell, zsh).
    Completions(generate::CompletionsArgs),
    /// Print the man page, claimcheck(1).
    Man,
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
    /// One self-contained HTML page for an editor: summary, claim matrix, findings
    /// in context, each document's text with the findings marked.
    Html,
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
#[command(
    after_help = "Rules that load are kept compiled in ~/.cache/claimcheck \
($XDG_CACHE_HOME/claimcheck, or CLAIMCHECK_CACHE_DIR, an absolute path); \
CLAIMCHECK_NO_CACHE=1 turns that off. The report is the same either way."
)]
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
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// When to color the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Worker threads (default, or 0: one per core; at most two for a single file, which
    /// one reads while the rules are compiled on both). Output is the same for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Which findings make the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Leave out walked files matching this glob (gitignore syntax; repeatable). A
    /// glob with a `/` (`stories/drafts/`) is a path from the current folder; one
    /// without (`drafts/`, `*.txt`) matches at any depth.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Print only the claim matrix: what each document says about each claim.
    /// (The human report ends with it when more than one document is checked.)
    #[arg(long, conflicts_with = "no_matrix")]
    pub matrix: bool,
    /// Leave the claim matrix out of the human report.
    #[arg(long)]
    pub no_matrix: bool,
    /// Print the findings only: no claim matrix, no summary line.
    #[arg(long, short, conflicts_with_all = ["matrix", "summary_only"])]
    pub quiet: bool,
    /// Print only the summary: findings counted per document and code.
    #[arg(long, conflicts_with = "matrix")]
    pub summary_only: bool,
    /// The name of the article read from standard input (`check -`): used in
    /// messages, to tell Markdown from plain text, and to find its claimcheck.yaml.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

/// Arguments of `claimcheck mentions`.
#[derive(Debug, clap::Args)]
pub struct MentionsArgs {
    /// The document, or `-` for standard input (the default).
    #[arg(default_value = "-")]
    pub file: String,
    /// Publication date (YYYY-MM-DD), when the document gives none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MentionsFormat::Human)]
    pub format: MentionsFormat,
    /// Read JSON lines `{"id", "text", "date"}` on standard input and answer one JSON
    /// line `{"id", "mentions": [...]}` each, with character offsets (the extraction
    /// suite's protocol).
    #[arg(long, conflicts_with_all = ["format"])]
    pub jsonl: bool,
    /// Rule files or folders: also show, for each claim the document states, which
    /// words bound each slot of its template, and who each statement or quote claim
    /// is given to, with its verb and the date of its saying.
    #[arg(long, value_name = "PATH", conflicts_with = "jsonl")]
    pub rules: Vec<std::path::PathBuf>,
    /// With --jsonl: answer with quotations and their speakers, `{"id", "quotes":
    /// [...]}` (the quote suite's protocol).
    #[arg(long, requires = "jsonl")]
    pub quotes: bool,
}

/// Reads `--date`: a calendar day written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(format!(
            "`{text}` is not a date written YYYY-MM-DD (like 2025-12-04)"
        ));
    }
    crate::document::publication_date(t).map_err(|_| format!("`{text}` is not a real date"))
}

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli) -> i32 {
    crate::guard::install();
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Mentions(args) => mentions::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Rules(args) => rules_cmd::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Config(args) => config_cmd::run(args),
        Command::Init(args) => init::run(args),
        Command::Completions(args) => generate::completions(args),
        Command::Man => generate::man(),
        Command::Extract(args) => extract::run(args),
    }
}

/// Reads a file as UTF-8 text, or says why it cannot be read.
pub(crate) fn read_text(path: &Path) -> Result<String, String> {
    crate::walk::read_text(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes the report to standard output. A closed pipe (`claimcheck check | head`)
/// is not an error worth a message; any other failure (a full disk) is said.
pub(crate) fn write_stdout(s: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            trouble(&format!("cannot write the output: {}", plain_io_error(&e)));
            Err(e)
        }
        ok => ok,
    }
}

/// Writes the report to standard output as `write` produces it, through a buffer;
/// failures are treated as [`write_stdout`] treats them.
pub(crate) fn write_stdout_with(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            trouble(&format!("cannot write the output: {}", plain_io_error(&e)));
            Err(e)
        }
        ok => ok,
    }
}

/// An input/output error in plain words: no "(os error 28)", no library names.
pub fn plain_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or folder".into(),
        K::PermissionDenied => "permission denied".into(),
        K::StorageFull => "the disk is full".into(),
        K::NotADirectory => "not a folder".into(),
        K::IsADirectory => "a folder, not a file".into(),
        K::InvalidData => "not UTF-8 text".into(),
        _ => {
            let text = e.to_string();
            let text = match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            let mut c = text.chars();
            c.next()
                .map(|f| f.to_lowercase().chain(c).collect())
                .unwrap_or(text)
        }
    }
}

/// Prints `message` as claimcheck's warning.
pub(crate) fn warn(message: &str) {
    let _ = writeln!(std::io::stderr(), "claimcheck: warning: {message}");
}

/// The most worker threads `--threads` may ask for; more only cost start-up time.
pub const MAX_THREADS: usize = 64;

/// The worker threads to start for `--threads` (0 or none: one per core), capped
/// at [`MAX_THREADS`] (or the number of cores, if more) with a warning.
pub(crate) fn thread_count(requested: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cap = MAX_THREADS.max(cores);
    match requested {
        Some(n) if n > cap => {
            warn(&format!(
                "--threads {n} is more than this machine can use; using {cap}"
            ));
            cap
        }
        Some(n) => n,
        None => 0,
    }
}

/// The worker threads to start for a run over `documents` files: those of
/// [`thread_count`], but at most two for a single file, which is checked on one
/// thread anyway: the second builds half of the start-up beside the first.
pub(crate) fn pool_size(requested: Option<usize>, documents: usize) -> usize {
    let wanted = thread_count(requested);
    if documents <= 1 {
        wanted.min(2)
    } else {
        wanted
    }
}

/// The input a GitHub step summary file would overwrite, if `summary` is one of
/// `inputs` (an article, a rule file, a configuration): it must then not be written.
pub(crate) fn clashes_with_input<'a>(
    summary: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Option<&'a Path> {
    let summary = std::fs::canonicalize(summary).ok()?;
    inputs
        .into_iter()
        .find(|p| std::fs::canonicalize(p).is_ok_and(|c| c == summary))
}

/// Prints `message` as claimcheck's error and returns the exit status for trouble.
pub(crate) fn trouble(message: &str) -> i32 {
    let _ = writeln!(std::io::stderr(), "claimcheck: error: {message}");
    EXIT_TROUBLE
}
