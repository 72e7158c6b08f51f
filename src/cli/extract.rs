//! `claimcheck extract`: a draft rule file from trusted sources.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use jiff::civil::Date;

use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, render_rule_error, trouble, write_stdout};
use crate::color::{self, ColorChoice};
use crate::document::{Document, Format};
use crate::draft::{self, Draft, Options, Part};
use crate::walk;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A commented rule file.
    Yaml,
    /// The same content as one JSON object, for tools.
    Json,
}

/// Arguments of `claimcheck extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Trusted sources: files, folders (walked for .md, .markdown, .txt) or `-` for
    /// standard input.
    #[arg(required = true)]
    pub sources: Vec<PathBuf>,
    /// Draft only these parts (comma-separated): figures, quotes, statements.
    #[arg(long, value_delimiter = ',', value_name = "PARTS")]
    pub only: Vec<String>,
    /// The fewest words a quotation needs to become a `quote` rule.
    #[arg(long, value_name = "N", default_value_t = 6)]
    pub min_words: usize,
    /// Draft quoted fragments ("called the plan “a disaster”") as quotes too.
    #[arg(long)]
    pub fragments: bool,
    /// Add what is new to this rule file, in place: what is there (and every edit
    /// and comment in it) is kept; a figure it states differently is reported, not
    /// overwritten.
    #[arg(long, value_name = "RULE_FILE")]
    pub merge: Option<PathBuf>,
    /// Output format (without --merge).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Yaml)]
    pub format: ExtractFormat,
    /// Publication date (YYYY-MM-DD) of sources that give none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
}

/// Runs `extract` and returns the exit status.
pub fn run(args: ExtractArgs) -> i32 {
    let mut options = Options {
        min_words: args.min_words,
        fragments: args.fragments,
        ..Options::default()
    };
    if !args.only.is_empty() {
        match parts(&args.only) {
            Ok(p) => options.only = p,
            Err(word) => {
                return trouble(&format!(
                    "--only: unknown part `{word}`; the parts are figures, quotes, statements"
                ));
            }
        }
    }
    let docs = match sources(&args.sources, args.date) {
        Ok(d) => d,
        Err(m) => return trouble(&m),
    };
    match &args.merge {
        Some(file) => merge_into(file, &docs, options),
        None => print(&draft::draft(&docs, &options), args.format),
    }
}

fn parts(words: &[String]) -> Result<BTreeSet<Part>, String> {
    words
        .iter()
        .map(|w| Part::parse(w).ok_or_else(|| w.clone()))
        .collect()
}

/// Reads every source: standard input for `-`, else files and walked folders.
fn sources(paths: &[PathBuf], date: Option<Date>) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| p.as_os_str() == "-");
    if !stdin.is_empty() {
        let text =
            crate::report::input::read_stdin().map_err(|e| format!("standard input: {e}"))?;
        docs.push(Document::with_format("-", text, Format::Plain, date));
    }
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let walked = walk::documents(&files, &[]).map_err(|e| format!("{}: {}", e.path, e.message))?;
    for w in &walked.warnings {
        super::warn(&format!("{}: {}", w.path, w.message));
    }
    for f in walked.found {
        let text = walk::read_text(&f.path).map_err(|e| format!("{}: {e}", f.path.display()))?;
        docs.push(Document::new(&f.path.display().to_string(), text, date));
    }
    if docs.is_empty() && !files.is_empty() && walked.warnings.is_empty() {
        let named: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        return Err(format!(
            "no source to read: no .md, .markdown or .txt file in {}",
            named.join(", ")
        ));
    }
    if docs.is_empty() {
        return Err("no source to read: name Markdown or plain-text files, or `-`".into());
    }
    Ok(docs)
}

fn print(draft: &Draft, format: ExtractFormat) -> i32 {
    let out = match format {
        ExtractFormat::Yaml => draft::write::render(draft),
        ExtractFormat::Json => match serde_json::to_string_pretty(draft) {
            Ok(s) => s + "\n",
            Err(e) => return trouble(&format!("cannot write JSON: {e}")),
        },
    };
    report_left_out(draft);
    match write_stdout(&out) {
        Ok(()) => EXIT_CLEAN,
        Err(e) => trouble(&format!("standard output: {e}")),
    }
}

fn report_left_out(draft: &Draft) {
    let mut err = std::io::stderr().lock();
    for item in &draft.left_out {
        let _ = writeln!(
            err,
            "claimcheck: note: left out (does not match its own sentence): {item}"
        );
    }
}

/// Adds the draft to `file` in place, through a temporary file renamed over it, so
/// a failure never leaves the rule file half written.
fn merge_into(file: &Path, docs: &[Document], mut options: Options) -> i32 {
    let name = file.display().to_string();
    let existing = match walk::read_text(file) {
        Ok(t) => t,
        Err(e) => return trouble(&format!("{name}: {e}")),
    };
    if let Ok(rules) = crate::rules::parse(&[(name.clone(), existing.clone())]) {
        options.taken = rules.claims.iter().map(|c| c.id.clone()).collect();
        options
            .taken
            .extend(rules.people.iter().map(|p| p.id.clone()));
    }
    let drafted = draft::draft(docs, &options);
    report_left_out(&drafted);
    let merged = match draft::merge::merge(&name, &existing, &drafted) {
        Ok(m) => m,
        Err(errors) => {
            let color = color::decide(ColorChoice::Auto);
            for e in &errors.0 {
                let _ = write!(std::io::stderr(), "{}", render_rule_error(e, color));
            }
            return EXIT_TROUBLE;
        }
    };
    let tmp = file.with_extension("yaml.claimcheck-tmp");
    if let Err(e) = std::fs::write(&tmp, &merged.text).and_then(|_| std::fs::rename(&tmp, file)) {
        let _ = std::fs::remove_file(&tmp);
        return trouble(&format!("{name}: cannot write the merged rules: {e}"));
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "claimcheck: {name}: {} added, {} already there, {} in conflict",
        merged.added,
        merged.known,
        merged.conflicts.len()
    );
    for c in &merged.conflicts {
        let _ = writeln!(
            err,
            "claimcheck: conflict: {} says \"{}\"; {} says \"{}\" (kept the rule file's; settle it by hand)",
            c.existing, c.existing_text, c.place, c.drafted
        );
    }
    if merged.conflicts.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}
