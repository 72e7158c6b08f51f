//! `claimcheck mentions`: what extraction finds in one document.

use std::io::Read;
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
