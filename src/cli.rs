//! The command line: arguments, and the commands they run.
//!
//! Every command returns the process exit status: 0 when nothing error-level was
//! found, 1 when something was, 2 for bad usage, bad rules or unreadable input.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::color::{self, ColorChoice};
use crate::document::{Document, Format};
use crate::pipeline::Checker;
use crate::report::{self, Outcome};
use crate::rules::{self, RuleError, RuleSet};
use crate::{mentions, walk};

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
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Compiler-style findings with diffs, for people.
    Human,
    /// One JSON object, for programs.
    Json,
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
    /// A rule file or a folder of them (repeatable). Default: the nearest `rules/`
    /// folder, looking up from the current folder.
    #[arg(long, value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Publication date (YYYY-MM-DD) of documents that give none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// When to color the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Worker threads (default: one per core). Output is the same for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
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
}

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Mentions(args) => mentions_command(args),
    }
}

fn check(args: CheckArgs) -> i32 {
    let color = color::decide(args.color);
    let rules = match load_rules(&args.rules, color) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let paths = match walk::documents(&args.paths) {
        Ok(p) => p,
        Err(e) => return trouble(&format!("{}: {}", e.path, e.message)),
    };
    let mut docs = Vec::with_capacity(paths.len());
    for path in &paths {
        match read_text(path) {
            Ok(text) => docs.push(Document::new(&path.display().to_string(), text, args.date)),
            Err(msg) => return trouble(&msg),
        }
    }
    let checker = Checker::new(rules);
    let findings = match args.threads {
        Some(n) => match rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
        {
            Ok(pool) => pool.install(|| checker.check_all(&docs)),
            Err(e) => return trouble(&format!("cannot start {n} threads: {e}")),
        },
        None => checker.check_all(&docs),
    };
    let outcome = Outcome {
        files_checked: docs.len(),
        findings,
    };
    let out = match args.format {
        CheckFormat::Human => report::human::render(&outcome, &docs, color),
        CheckFormat::Json => report::json::render(&outcome),
    };
    if write_stdout(&out).is_err() {
        return EXIT_TROUBLE;
    }
    if outcome.summary().errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Loads the rule files named by `--rules`, or the nearest `rules/` folder. On
/// failure, prints what is wrong and returns the exit status.
fn load_rules(given: &[PathBuf], color: bool) -> Result<RuleSet, i32> {
    let roots: Vec<PathBuf> = if given.is_empty() {
        match find_rules_folder() {
            Some(p) => vec![p],
            None => {
                return Err(trouble(
                    "no rules found: no `rules/` folder here or above; pass --rules PATH",
                ));
            }
        }
    } else {
        given.to_vec()
    };
    let mut sources = Vec::new();
    for root in &roots {
        if !root.exists() {
            return Err(trouble(&format!(
                "{}: no such rule file or folder",
                root.display()
            )));
        }
        let files =
            rules::rule_files(root).map_err(|e| trouble(&format!("{}: {e}", root.display())))?;
        if files.is_empty() {
            return Err(trouble(&format!(
                "{}: no .yaml or .yml rule files in this folder",
                root.display()
            )));
        }
        for f in files {
            let text = read_text(&f).map_err(|m| trouble(&m))?;
            sources.push((f.display().to_string(), text));
        }
    }
    rules::parse(&sources).map_err(|errors| {
        let mut out = String::new();
        for e in &errors.0 {
            out.push_str(&render_rule_error(e, color));
            out.push('\n');
        }
        let n = errors.0.len();
        out.push_str(&format!(
            "claimcheck: {} in the rule files; nothing was checked\n",
            if n == 1 {
                "1 problem".to_string()
            } else {
                format!("{n} problems")
            }
        ));
        let _ = std::io::stderr().write_all(out.as_bytes());
        EXIT_TROUBLE
    })
}

/// Renders a rule-file error like a compiler error: the place, the line, a caret.
pub fn render_rule_error(e: &RuleError, color: bool) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    let line = e.source_line.as_str();
    let start = line
        .char_indices()
        .nth(e.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let end = line[start..]
        .char_indices()
        .nth(e.width)
        .map_or(line.len(), |(i, _)| start + i);
    let mut group = Level::ERROR.primary_title(e.message.as_str()).element(
        Snippet::source(line)
            .line_start(e.line.max(1))
            .path(e.file.as_str())
            .annotation(AnnotationKind::Primary.span(start..end.max(start))),
    );
    if let Some(help) = &e.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = renderer.render(&[group]);
    out.push('\n');
    out
}

/// The nearest `rules/` folder, from the current folder up.
fn find_rules_folder() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors()
        .map(|d| d.join("rules"))
        .find(|p| p.is_dir())
        .map(|p| relative_to(&p, &cwd))
}

/// `path` relative to `base` when it lies under it, so reports show short paths.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Reads a file as UTF-8 text, or says why it cannot be read.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn mentions_command(args: MentionsArgs) -> i32 {
    if args.jsonl {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        return match mentions::answer_jsonl(stdin.lock(), std::io::BufWriter::new(stdout.lock())) {
            Ok(()) => EXIT_CLEAN,
            Err(e) => trouble(&format!("mentions --jsonl: {e}")),
        };
    }
    let (name, text) = if args.file == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            return trouble(&format!("standard input: {e}"));
        }
        ("-".to_string(), s)
    } else {
        match read_text(Path::new(&args.file)) {
            Ok(t) => (args.file.clone(), t),
            Err(m) => return trouble(&m),
        }
    };
    let format = if name == "-" {
        Format::Plain
    } else {
        Format::for_path(Path::new(&name))
    };
    let doc = Document::with_format(&name, text, format, args.date);
    let out = match args.format {
        MentionsFormat::Human => mentions::render_human(&doc),
        MentionsFormat::Json => mentions::render_json(&doc),
    };
    if write_stdout(&out).is_err() {
        EXIT_TROUBLE
    } else {
        EXIT_CLEAN
    }
}

fn write_stdout(s: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        // A closed pipe (`claimcheck check | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Prints `message` as claimcheck's error and returns the exit status for trouble.
fn trouble(message: &str) -> i32 {
    let _ = writeln!(std::io::stderr(), "claimcheck: error: {message}");
    EXIT_TROUBLE
}
