//! `claimcheck mentions`: what extraction finds in one document.

use std::path::Path;

use super::{
    EXIT_CLEAN, EXIT_TROUBLE, MentionsArgs, MentionsFormat, read_text, trouble, write_stdout,
};
use crate::document::{Document, Format};
use crate::mentions;

/// Runs `mentions` and returns the exit status.
pub fn run(args: MentionsArgs) -> i32 {
    if args.jsonl && args.quotes {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        return match crate::quote_mentions::answer_jsonl(
            stdin.lock(),
            std::io::BufWriter::new(stdout.lock()),
        ) {
            Ok(()) => EXIT_CLEAN,
            Err(e) => trouble(&format!("mentions --jsonl --quotes: {e}")),
        };
    }
    if args.jsonl {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        return match mentions::answer_jsonl(stdin.lock(), std::io::BufWriter::new(stdout.lock())) {
            Ok(()) => EXIT_CLEAN,
            Err(e) => trouble(&format!("mentions --jsonl: {e}")),
        };
    }
    let (name, text) = if args.file == "-" {
        // The checks a file gets: not binary, UTF-8 (naming the bad byte's place).
        match crate::report::input::read_stdin() {
            Ok(s) => ("-".to_string(), s),
            Err(e) => return trouble(&format!("standard input: {e}")),
        }
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
    let mut out = match args.format {
        MentionsFormat::Human => mentions::render_human(&doc),
        MentionsFormat::Json => mentions::render_json(&doc),
    };
    if !args.rules.is_empty() {
        match super::check::load_rules(&args.rules, false) {
            Ok(rules) => out = with_bindings(out, &doc, rules, args.format),
            Err(code) => return code,
        }
    }
    if write_stdout(&out).is_err() {
        EXIT_TROUBLE
    } else {
        EXIT_CLEAN
    }
}

/// Adds which words bound each claim's slots and who each statement is given to
/// (`--rules`): sections after the human listing, `claims` and `statements` arrays in
/// the JSON object.
fn with_bindings(
    out: String,
    doc: &Document,
    rules: crate::rules::RuleSet,
    format: MentionsFormat,
) -> String {
    use crate::understand::explain;
    let checker = crate::pipeline::Checker::new(rules);
    let hits = explain::bindings(&checker, doc);
    let said = explain::statements(&checker, doc);
    match format {
        MentionsFormat::Human => {
            out + &explain::render_human(&hits) + &explain::render_statements_human(&said)
        }
        MentionsFormat::Json => {
            let mut v: serde_json::Value = serde_json::from_str(&out).expect("our own JSON");
            v["claims"] = serde_json::to_value(&hits).expect("bindings serialize");
            v["statements"] = serde_json::to_value(&said).expect("statements serialize");
            let mut s = serde_json::to_string_pretty(&v).expect("mentions serialize");
            s.push('\n');
            s
        }
    }
}
