//! `claimcheck diff A B`: what two documents say, claim by claim.

use std::path::PathBuf;

use jiff::civil::Date;

use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, read_text, trouble, write_stdout};
use crate::color::{self, ColorChoice};
use crate::document::Document;
use crate::pipeline::Checker;
use crate::report;
use crate::rules::RuleSet;

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Unified, colored, with line numbers on both sides.
    Human,
    /// One JSON object.
    Json,
    /// One self-contained HTML page.
    Html,
}

/// Arguments of `claimcheck diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The first document.
    pub a: PathBuf,
    /// The second document.
    pub b: PathBuf,
    /// A rule file or a folder of them (repeatable). Without rules, figures and
    /// quotations are paired by the words around them.
    #[arg(long, value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Publication date (YYYY-MM-DD) of documents that give none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// When to color the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Runs `diff`: exit status 1 when the documents disagree on anything, 0 when not.
pub fn run(args: DiffArgs) -> i32 {
    let color = color::decide(args.color);
    let rules = if args.rules.is_empty() {
        RuleSet::default()
    } else {
        match super::load_rules(&args.rules, color) {
            Ok(r) => r,
            Err(code) => return code,
        }
    };
    let mut docs = Vec::new();
    for path in [&args.a, &args.b] {
        match read_text(path) {
            Ok(text) => docs.push(Document::new(&path.display().to_string(), text, args.date)),
            Err(m) => return trouble(&m),
        }
    }
    let checker = Checker::new(rules);
    let analysis = checker.analyse(&docs);
    let pairs = crate::diff::pairs(
        &checker,
        &docs[0],
        &docs[1],
        [&analysis.seen[0], &analysis.seen[1]],
    );
    let out = match args.format {
        DiffFormat::Human => report::diff::render_human(
            &docs[0].path,
            &docs[1].path,
            &pairs,
            report::layout::terminal_width(),
            color,
        ),
        DiffFormat::Html => report::diff::render_html(&docs[0].path, &docs[1].path, &pairs),
        DiffFormat::Json => report::diff::render_json(&docs[0].path, &docs[1].path, &pairs),
    };
    if write_stdout(&out).is_err() {
        return EXIT_TROUBLE;
    }
    if pairs.iter().any(|p| !p.agree) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}
