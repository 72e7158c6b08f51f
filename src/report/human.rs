//! The human report: each finding the way a compiler shows an error (the line, a
//! caret under the words, what was expected and where the expectation comes from),
//! then a word diff of expected against found, and a summary line.

use std::collections::HashMap;

use colored::Colorize;
use similar::{ChangeTag, TextDiff};

use super::Outcome;
use super::excerpt::{self, Style};
use super::layout::{hanging, width};
use crate::document::Document;
use crate::finding::{Finding, Severity};

/// Renders one finding `width` columns wide. `doc` is the document it was found in.
pub fn render_finding(finding: &Finding, doc: &Document, color: bool, width: usize) -> String {
    let error = finding.severity == Severity::Error;
    let mut out = heading(finding, color, width);
    let gutter = finding.end_line.max(finding.line).to_string().len();
    out.push_str(&location(finding, gutter, color));
    let span = finding.span.start.min(doc.text.len())..finding.span.end.min(doc.text.len());
    let style = Style {
        width,
        color,
        error,
    };
    let lines = (finding.line, finding.end_line.max(finding.line));
    out.push_str(&excerpt::render(
        doc,
        span,
        lines,
        &format!("expected {}", finding.expected),
        style,
    ));
    let indent = gutter + 3;
    for note in notes(finding) {
        let mark = format!("{}= ", " ".repeat(gutter + 1));
        let mark_styled = if color {
            mark.blue().bold().to_string()
        } else {
            mark.clone()
        };
        out.push_str(&format!(
            "{mark_styled}{}\n",
            hanging(&note, width, indent, indent)
        ));
    }
    let (expected, found) = finding.words_compared();
    out.push_str(&word_diff(expected, found, color, width));
    out
}

/// The finding's first line: `error[code]: message`, wrapped under the message.
fn heading(finding: &Finding, color: bool, width: usize) -> String {
    let head = format!("{}[{}]", finding.severity, finding.code);
    let head_styled = match (color, finding.severity == Severity::Error) {
        (false, _) => head.clone(),
        (true, true) => head.red().bold().to_string(),
        (true, false) => head.yellow().bold().to_string(),
    };
    let title = hanging(&finding.message, width, head.len() + 2, 2);
    let title = if color {
        title.bold().to_string()
    } else {
        title
    };
    format!("{head_styled}: {title}\n")
}

/// The `--> file:line:col` line, its arrow aligned with a gutter `gutter` wide.
fn location(finding: &Finding, gutter: usize, color: bool) -> String {
    let arrow = format!("{}--> ", " ".repeat(gutter));
    format!(
        "{}{}:{}:{}\n",
        if color {
            arrow.blue().bold().to_string()
        } else {
            arrow
        },
        finding.file,
        finding.line,
        finding.column
    )
}

/// What the finding rests on: the claim and its rule file, and the record's source.
fn notes(finding: &Finding) -> Vec<String> {
    match (&finding.rule, &finding.rule_file, finding.rule_line) {
        (Some(rule), Some(file), Some(line)) => {
            let mut notes = vec![format!("claim `{rule}` at {file}:{line}")];
            if let Some(source) = &finding.source {
                notes.push(format!("source: {source}"));
            }
            notes
        }
        _ if !finding.related.is_empty() => {
            let mut notes = vec![
                "no rule records this: compared with the other sources of this run".to_string(),
            ];
            for r in &finding.related {
                notes.push(format!(
                    "{}:{}:{} says {}",
                    r.file, r.line, r.column, r.value
                ));
            }
            notes
        }
        _ => vec!["no rule needed: checked against the calendar".to_string()],
    }
}

/// The record's words against the article's, one labelled line each, wrapped to
/// `width`. Words only the record has are marked `{+…+}` and shown green, words
/// only the article has `[-…-]` and red, as `git diff --word-diff` marks what an
/// edit of the article would take out and put in. With color the marks are left
/// to the color; the labels say which line is which either way.
pub fn word_diff(record: &str, article: &str, color: bool, width: usize) -> String {
    labelled_diff(
        [
            ("record:", record, ChangeTag::Insert),
            ("article:", article, ChangeTag::Delete),
        ],
        color,
        width,
    )
}

/// Two texts as labelled lines, wrapped to `width`, with the words that differ
/// marked: on the line tagged `Delete` as `[-…-]` (red), on the line tagged
/// `Insert` as `{+…+}` (green). Labels are padded to one width; labels too long for
/// that go on a line of their own, the text indented under them.
pub fn labelled_diff(lines: [(&str, &str, ChangeTag); 2], color: bool, width: usize) -> String {
    let (gone, come) = match lines[0].2 {
        ChangeTag::Delete => (lines[0].1, lines[1].1),
        _ => (lines[1].1, lines[0].1),
    };
    let runs = word_runs(come, gone);
    let label_width = lines.iter().map(|l| width_of(l.0)).max().unwrap_or(0) + 1;
    let own_line = label_width + 2 > width / 3;
    let mut out = String::new();
    for (label, _, keep) in lines {
        let words = marked_words(&runs, keep, color);
        let padded = if own_line {
            label.to_string()
        } else {
            format!("{label}{}", " ".repeat(label_width - width_of(label)))
        };
        let label_styled = match (color, keep) {
            (false, _) => padded.clone(),
            (true, ChangeTag::Insert) => padded.green().to_string(),
            (true, _) => padded.red().to_string(),
        };
        out.push_str(&format!("  {label_styled}"));
        let indent = if own_line {
            out.push_str(&format!("\n{}", " ".repeat(4)));
            4
        } else {
            2 + width_of(&padded)
        };
        out.push_str(&lay_out(&words, width, indent));
        out.push('\n');
    }
    out
}

fn width_of(s: &str) -> usize {
    width(s)
}

/// The word diff of the article's words into the record's, white space folded:
/// runs of words equal to both, only the article's (`Delete`), only the record's
/// (`Insert`). Consecutive words of one kind form one run, so a replaced phrase
/// reads as one.
pub fn word_runs(record: &str, article: &str) -> Vec<(ChangeTag, String)> {
    let article_words = normalise(article);
    let record_words = normalise(record);
    let diff = TextDiff::configure().diff_words(article_words.as_str(), record_words.as_str());
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    // A changed stretch: the article's words and the record's, with the spaces
    // between changed words kept inside it.
    let (mut gone, mut come) = (String::new(), String::new());
    // Spaces seen since each side's last word, and since any changed word.
    let (mut gap_gone, mut gap_come, mut tail) = (String::new(), String::new(), String::new());
    let flush = |runs: &mut Vec<(ChangeTag, String)>, gone: &mut String, come: &mut String| {
        for (tag, text) in [(ChangeTag::Delete, gone), (ChangeTag::Insert, come)] {
            if !text.is_empty() {
                runs.push((tag, std::mem::take(text)));
            }
        }
    };
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Equal
                if value.trim().is_empty() && !(gone.is_empty() && come.is_empty()) =>
            {
                gap_gone.push_str(value);
                gap_come.push_str(value);
                tail.push_str(value);
            }
            ChangeTag::Equal => {
                flush(&mut runs, &mut gone, &mut come);
                push_run(&mut runs, ChangeTag::Equal, &std::mem::take(&mut tail));
                push_run(&mut runs, ChangeTag::Equal, value);
                gap_gone.clear();
                gap_come.clear();
            }
            tag => {
                let (side, gap) = if tag == ChangeTag::Delete {
                    (&mut gone, &mut gap_gone)
                } else {
                    (&mut come, &mut gap_come)
                };
                if !side.is_empty() {
                    side.push_str(gap);
                }
                gap.clear();
                tail.clear();
                side.push_str(value);
            }
        }
    }
    flush(&mut runs, &mut gone, &mut come);
    push_run(&mut runs, ChangeTag::Equal, &tail);
    runs
}

fn push_run(runs: &mut Vec<(ChangeTag, String)>, tag: ChangeTag, text: &str) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some((t, s)) if *t == tag => s.push_str(text),
        _ => runs.push((tag, text.to_string())),
    }
}

/// One word of a diff line: its text (with marks when there is no color) and
/// whether it differs.
struct Word {
    text: String,
    changed: Option<ChangeTag>,
}

/// The words of one side of a diff: the runs equal to both and the runs of `keep`.
fn marked_words(runs: &[(ChangeTag, String)], keep: ChangeTag, color: bool) -> Vec<Word> {
    let mut words = Vec::new();
    for (tag, text) in runs {
        if *tag != ChangeTag::Equal && *tag != keep {
            continue;
        }
        let mut run: Vec<Word> = text
            .split_whitespace()
            .map(|w| Word {
                text: w.to_string(),
                changed: (*tag != ChangeTag::Equal).then_some(*tag),
            })
            .collect();
        if *tag != ChangeTag::Equal && !color && !run.is_empty() {
            let (open, close) = if keep == ChangeTag::Insert {
                ("{+", "+}")
            } else {
                ("[-", "-]")
            };
            run[0].text.insert_str(0, open);
            let last = run.len() - 1;
            run[last].text.push_str(close);
        }
        words.extend(run);
    }
    words
}

/// The words wrapped to `width`, continuation lines indented by `indent`, changed
/// words styled when color is on.
fn lay_out(words: &[Word], total: usize, indent: usize) -> String {
    let room = total.saturating_sub(indent).max(20);
    let mut out = String::new();
    let mut used = 0;
    for w in words {
        let n = width(&w.text);
        if used > 0 && used + 1 + n > room {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            used = 0;
        } else if used > 0 {
            out.push(' ');
            used += 1;
        }
        let styled = match w.changed {
            None => w.text.clone(),
            Some(ChangeTag::Insert) => w.text.green().bold().to_string(),
            Some(_) => w.text.red().bold().to_string(),
        };
        out.push_str(&styled);
        used += n;
    }
    out
}

/// `text` with every run of white space (line breaks of a multi-line quote among
/// them) as one space.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The summary line that ends a report.
pub fn summary_line(outcome: &Outcome) -> String {
    let s = outcome.summary();
    let files = plural(outcome.files_checked, "file");
    if s.errors == 0 && s.warnings == 0 {
        return format!("{files} checked: no findings\n");
    }
    format!(
        "{files} checked: {}, {}\n",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    )
}

/// The summary-only report: per document, its findings counted by code, then the
/// summary line.
pub fn summary_by_document(outcome: &Outcome) -> String {
    let mut out = String::new();
    let mut files: Vec<&str> = Vec::new();
    for f in &outcome.findings {
        if !files.contains(&f.file.as_str()) {
            files.push(&f.file);
        }
    }
    for file in files {
        let mut codes: Vec<(crate::finding::Code, usize)> = Vec::new();
        for f in outcome.findings.iter().filter(|f| f.file == file) {
            match codes.iter_mut().find(|(c, _)| *c == f.code) {
                Some((_, n)) => *n += 1,
                None => codes.push((f.code, 1)),
            }
        }
        codes.sort();
        let counts: Vec<String> = codes.iter().map(|(c, n)| format!("{n} {c}")).collect();
        out.push_str(&format!("{file}: {}\n", counts.join(", ")));
    }
    out.push_str(&summary_line(outcome));
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Renders every finding of a run `width` columns wide, each followed by a blank
/// line. `docs` are the documents checked, looked up by path.
pub fn render_findings(outcome: &Outcome, docs: &[Document], color: bool, width: usize) -> String {
    let by_path: HashMap<&str, &Document> = docs.iter().map(|d| (d.path.as_str(), d)).collect();
    let mut out = String::new();
    for f in &outcome.findings {
        if let Some(doc) = by_path.get(f.file.as_str()) {
            out.push_str(&render_finding(f, doc, color, width));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_phrase_is_one_run_on_each_side() {
        let runs = word_runs("We have a firm stance", "Ours is a firm position");
        let shown: Vec<(char, &str)> = runs
            .iter()
            .map(|(t, s)| {
                (
                    match t {
                        ChangeTag::Equal => '=',
                        ChangeTag::Delete => '-',
                        ChangeTag::Insert => '+',
                    },
                    s.as_str(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ('-', "Ours is"),
                ('+', "We have"),
                ('=', " a firm "),
                ('-', "position"),
                ('+', "stance")
            ]
        );
    }

    #[test]
    fn without_color_the_changed_words_are_marked_and_labelled() {
        let out = word_diff("$1.3 billion in trade", "$1.3 million in\ntrade", false, 80);
        assert_eq!(
            out,
            "  record:  $1.3 {+billion+} in trade\n  article: $1.3 [-million-] in trade\n"
        );
    }

    #[test]
    fn long_diffs_wrap_under_their_label() {
        let words = "word ".repeat(40);
        let out = word_diff(
            &format!("{words}right"),
            &format!("{words}wrong"),
            false,
            60,
        );
        assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
        assert!(
            out.lines()
                .skip(1)
                .take_while(|l| !l.contains("article:"))
                .all(|l| l.starts_with("           ")),
            "{out}"
        );
    }
}
