//! The GitHub Actions report: one workflow command per finding, which the runner
//! turns into an annotation on the document's line, and a Markdown summary for the
//! job's step summary page.
//!
//! Workflow commands go to standard output, one line each:
//!
//! ```text
//! ::error file=news/trade.md,line=12,col=5,endLine=12,endColumn=17,title=claimcheck value-mismatch (trade-2025)::$1.3 million: the claim says $1.3B
//! ```
//!
//! Values are escaped exactly as GitHub's toolkit (`@actions/core`) escapes them, so
//! no message can end its line early or start a command of its own.

use std::fmt::Write as _;
use std::io::{self, Read, Seek, SeekFrom, Write as _};
use std::path::Path;

use super::Outcome;
use crate::finding::{Finding, Severity};

/// The most findings the step summary's table lists; a note says how many more
/// there are.
pub const MAX_SUMMARY_ROWS: usize = 200;

/// The most characters of a message the step summary's table shows.
const MAX_SUMMARY_MESSAGE_CHARS: usize = 500;

/// Renders one workflow command per finding, each on its own line: `::error` for
/// error-level findings, `::warning` for warnings, with the finding's document,
/// position and a title (`claimcheck CODE (RULE)`) as properties and its message
/// as data. Nothing else is written: the summary goes to the step summary (see
/// [`step_summary`]).
///
/// GitHub places a column range only on a single line, so a finding that spans
/// lines gets `line` and `endLine` without `col` and `endColumn`.
pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for finding in &outcome.findings {
        out.push_str(&command(finding));
        out.push('\n');
    }
    out
}

/// The `::error` workflow command for a problem that stopped the run (a broken rule
/// file), on its file's line, so CI shows why it failed.
pub fn failure_command(file: &str, line: usize, column: usize, message: &str) -> String {
    format!(
        "::error file={},line={},col={},title={}::{}",
        escape_property(file),
        line.max(1),
        column.max(1),
        escape_property("claimcheck: rule file error"),
        escape_data(message)
    )
}

/// The workflow command for one finding, without a line break.
fn command(finding: &Finding) -> String {
    // The severities' words are the commands' names: `error`, `warning`.
    let name = finding.severity.as_str();
    let line = finding.line.max(1);
    let end_line = finding.end_line.max(line);
    let mut properties = vec![("file", finding.file.clone()), ("line", line.to_string())];
    if end_line == line {
        let column = finding.column.max(1);
        properties.push(("col", column.to_string()));
        properties.push(("endLine", end_line.to_string()));
        properties.push(("endColumn", finding.end_column.max(column).to_string()));
    } else {
        properties.push(("endLine", end_line.to_string()));
    }
    properties.push(("title", title(finding)));
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect();
    format!(
        "::{name} {}::{}",
        properties.join(","),
        escape_data(&finding.message)
    )
}

/// `claimcheck CODE`, and ` (RULE)` when a rule made the finding.
fn title(finding: &Finding) -> String {
    match &finding.rule {
        Some(rule) => format!("claimcheck {} ({rule})", finding.code),
        None => format!("claimcheck {}", finding.code),
    }
}

/// Escapes a command's data (the message) as `@actions/core`'s `escapeData` does.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value as `@actions/core`'s `escapeProperty` does.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A Markdown summary of `outcome` for the job's step summary page: a heading, the
/// counts, and a table of findings (errors first, then warnings, each in report
/// order) of at most [`MAX_SUMMARY_ROWS`] rows, with a note of how many more there
/// are. Append it to the file named by `GITHUB_STEP_SUMMARY` with
/// [`append_step_summary`].
pub fn step_summary(outcome: &Outcome) -> String {
    let summary = outcome.summary();
    let mut out = String::from("## claimcheck\n\n");
    let files = plural(outcome.files_checked, "document", "documents");
    if outcome.findings.is_empty() {
        let _ = writeln!(out, "Checked {files}: no findings.");
        return out;
    }
    let errors = plural(summary.errors, "error", "errors");
    let errors = if summary.errors > 0 {
        format!("**{errors}**")
    } else {
        errors
    };
    let _ = writeln!(
        out,
        "Checked {files}: {errors}, {}.",
        plural(summary.warnings, "warning", "warnings"),
    );
    out.push_str("\n| Severity | Code | Location | Message |\n| --- | --- | --- | --- |\n");
    let errors = outcome
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error);
    let warnings = outcome
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning);
    for finding in errors.chain(warnings).take(MAX_SUMMARY_ROWS) {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            finding.severity,
            finding.code,
            escape_cell(&format!("{}:{}", finding.file, finding.line), usize::MAX),
            escape_cell(&finding.message, MAX_SUMMARY_MESSAGE_CHARS),
        );
    }
    let hidden = outcome.findings.len().saturating_sub(MAX_SUMMARY_ROWS);
    if hidden > 0 {
        let _ = writeln!(
            out,
            "\n…and {} not shown. Run claimcheck locally, or see this step's \
             annotations and log, for all of them.",
            plural(hidden, "more finding", "more findings")
        );
    }
    out
}

/// Appends `text` to the file at `path` (the one `GITHUB_STEP_SUMMARY` names),
/// creating it if it does not exist and never truncating it. If the file does not
/// end with a line break, one is written first, so `text` starts on a line of its
/// own.
pub fn append_step_summary(path: &Path, text: &str) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)?;
    let len = file.seek(SeekFrom::End(0))?;
    let mut out = String::with_capacity(text.len() + 1);
    if len > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::End(-1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            out.push('\n');
        }
    }
    out.push_str(text);
    // In append mode every write goes to the end, wherever the cursor is.
    file.write_all(out.as_bytes())?;
    file.flush()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` as text in a Markdown table cell: line breaks and the whitespace around them
/// become one space, at most `max_chars` characters are kept (the last replaced by
/// `…`), and characters Markdown would read as markup are backslash-escaped: `|`
/// (a cell's end), `$` (GitHub's math), `<` (HTML), emphasis, links and code.
fn escape_cell(s: &str, max_chars: usize) -> String {
    let mut flat = String::with_capacity(s.len());
    for (i, line) in s.lines().enumerate() {
        let line = if i == 0 { line.trim_end() } else { line.trim() };
        if line.is_empty() {
            continue;
        }
        if !flat.is_empty() {
            flat.push(' ');
        }
        flat.push_str(line);
    }
    let flat = if flat.chars().count() > max_chars {
        let mut cut: String = flat.chars().take(max_chars.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        flat
    };
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        match c {
            '\\' | '|' | '$' | '<' | '>' | '*' | '_' | '~' | '`' | '[' | ']' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    fn finding(code: Code, file: &str, line: usize, message: &str) -> Finding {
        crate::finding::sample(code, file, line, message)
    }

    fn outcome(findings: Vec<Finding>) -> Outcome {
        Outcome {
            files_checked: 3,
            findings,
        }
    }

    #[test]
    fn errors_and_warnings_become_annotations() {
        let error = finding(
            Code::ValueMismatch,
            "news/trade.md",
            12,
            "$1.3 million: the claim says $1.3B",
        );
        let warning = finding(
            Code::QuoteDrift,
            "news/quotes.md",
            4,
            "quote differs from the recorded quote",
        );
        let mut ruleless = finding(
            Code::WeekdayMismatch,
            "news/trade.md",
            20,
            "December 3, 2025 was a Wednesday",
        );
        ruleless.rule = None;
        ruleless.column = 1;
        ruleless.end_column = 27;
        assert_eq!(
            render(&outcome(vec![error, warning, ruleless])),
            "::error file=news/trade.md,line=12,col=5,endLine=12,endColumn=17,\
             title=claimcheck value-mismatch (trade-2025)::$1.3 million: the claim says $1.3B\n\
             ::warning file=news/quotes.md,line=4,col=5,endLine=4,endColumn=17,\
             title=claimcheck quote-drift (trade-2025)::quote differs from the recorded quote\n\
             ::error file=news/trade.md,line=20,col=1,endLine=20,endColumn=27,\
             title=claimcheck weekday-mismatch::December 3, 2025 was a Wednesday\n"
        );
    }

    #[test]
    fn no_findings_no_output() {
        assert_eq!(render(&outcome(Vec::new())), "");
    }

    #[test]
    fn a_finding_across_lines_has_no_columns() {
        let mut f = finding(Code::QuoteDrift, "a.md", 4, "drift");
        f.end_line = 6;
        f.end_column = 3;
        assert_eq!(
            render(&outcome(vec![f])),
            "::warning file=a.md,line=4,endLine=6,title=claimcheck quote-drift (trade-2025)::drift\n"
        );
    }

    #[test]
    fn escapes_message_file_and_title() {
        let mut f = finding(
            Code::ValueMismatch,
            "news/100%, vol: 2.md",
            1,
            "50% wrong: a, b\r\nnext line\n::error::injected",
        );
        f.rule = Some("rate:2025,h1".to_owned());
        assert_eq!(
            render(&outcome(vec![f])),
            "::error file=news/100%25%2C vol%3A 2.md,line=1,col=5,endLine=1,endColumn=17,\
             title=claimcheck value-mismatch (rate%3A2025%2Ch1)\
             ::50%25 wrong: a, b%0D%0Anext line%0A::error::injected\n"
        );
    }

    #[test]
    fn every_finding_is_exactly_one_line() {
        let f = finding(Code::QuoteDrift, "a\nb.md", 1, "x\ny\rz");
        let out = render(&outcome(vec![f.clone(), f]));
        assert_eq!(out.lines().count(), 2);
        assert!(
            out.lines()
                .all(|l| l.starts_with("::warning file=a%0Ab.md,"))
        );
    }

    #[test]
    fn escaping_matches_the_toolkit() {
        assert_eq!(escape_data("a%b\rc\nd:e,f"), "a%25b%0Dc%0Ad:e,f");
        assert_eq!(escape_property("a%b\rc\nd:e,f"), "a%25b%0Dc%0Ad%3Ae%2Cf");
        // `%` first, so an escape is never escaped again.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn step_summary_with_findings() {
        let error = finding(
            Code::ValueMismatch,
            "news/trade.md",
            12,
            "$1.3 million | not $1.3B\nsee <rule>",
        );
        let warning = finding(Code::QuoteDrift, "news/q_1.md", 4, "quote *differs*");
        let mut second_error = finding(Code::DateMismatch, "news/q_1.md", 9, "the year: 2024");
        second_error.severity = Severity::Error;
        assert_eq!(
            step_summary(&outcome(vec![error, warning, second_error])),
            "## claimcheck\n\
             \n\
             Checked 3 documents: **2 errors**, 1 warning.\n\
             \n\
             | Severity | Code | Location | Message |\n\
             | --- | --- | --- | --- |\n\
             | error | `value-mismatch` | news/trade.md:12 | \\$1.3 million \\| not \\$1.3B see \\<rule\\> |\n\
             | error | `date-mismatch` | news/q\\_1.md:9 | the year: 2024 |\n\
             | warning | `quote-drift` | news/q\\_1.md:4 | quote \\*differs\\* |\n"
        );
    }

    #[test]
    fn step_summary_bolds_only_errors_that_exist() {
        let warning = finding(Code::QuoteDrift, "a.md", 1, "m");
        assert!(
            step_summary(&outcome(vec![warning]))
                .contains("\nChecked 3 documents: 0 errors, 1 warning.\n")
        );
    }

    #[test]
    fn step_summary_without_findings() {
        let mut o = outcome(Vec::new());
        o.files_checked = 1;
        assert_eq!(
            step_summary(&o),
            "## claimcheck\n\nChecked 1 document: no findings.\n"
        );
    }

    #[test]
    fn step_summary_caps_the_table() {
        let findings = (1..=MAX_SUMMARY_ROWS + 5)
            .map(|i| finding(Code::ValueMismatch, "a.md", i, "m"))
            .collect();
        let summary = step_summary(&outcome(findings));
        let rows = summary
            .lines()
            .filter(|l| l.starts_with("| error "))
            .count();
        assert_eq!(rows, MAX_SUMMARY_ROWS);
        assert!(summary.contains(&format!("| a.md:{MAX_SUMMARY_ROWS} |")));
        assert!(!summary.contains(&format!("| a.md:{} |", MAX_SUMMARY_ROWS + 1)));
        assert!(summary.ends_with(
            "\n…and 5 more findings not shown. Run claimcheck locally, or see this step's \
             annotations and log, for all of them.\n"
        ));
        assert!(summary.contains("**205 errors**, 0 warnings."));
    }

    #[test]
    fn cells_are_flattened_cut_and_escaped() {
        assert_eq!(escape_cell("a\r\n\n  b\tc  \nd", 100), "a b c d");
        assert_eq!(escape_cell("abcdef", 4), "abc…");
        assert_eq!(escape_cell("abcd", 4), "abcd");
        assert_eq!(
            escape_cell(r"a\b [x](y) `c` ~d~ &amp;", 100),
            r"a\\b \[x\](y) \`c\` \~d\~ \&amp;"
        );
    }

    #[test]
    fn append_step_summary_appends_and_creates() {
        let dir = std::env::temp_dir().join(format!(
            "claimcheck-step-summary-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("summary.md");
        let _ = std::fs::remove_file(&path);

        append_step_summary(&path, "first\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first\n");
        append_step_summary(&path, "second\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first\nsecond\n");

        // Another step left no line break at the end: ours starts on a new line.
        std::fs::write(&path, "other step's text").unwrap();
        append_step_summary(&path, "## claimcheck\n").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "other step's text\n## claimcheck\n"
        );

        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn append_step_summary_reports_a_missing_directory() {
        let path = std::env::temp_dir()
            .join(format!("claimcheck-no-such-dir-{}", std::process::id()))
            .join("summary.md");
        assert!(append_step_summary(&path, "x").is_err());
    }
}
