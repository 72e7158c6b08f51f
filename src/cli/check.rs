//! `claimcheck check`: load the rules, walk the paths, check, report.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{
    CheckArgs, CheckFormat, EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, FailOn, read_text, trouble,
    write_stdout,
};
use crate::color;
use crate::document::Document;
use crate::pipeline::Checker;
use crate::report::{self, Outcome};
use crate::rules::{self, RuleError, RuleSet};
use crate::walk;

/// Runs `check` and returns the exit status.
pub fn run(args: CheckArgs) -> i32 {
    let color = color::decide(args.color);
    let rules = match load_rules(&args.rules, color) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let found = match walk::documents(&args.paths, &args.exclude) {
        Ok(p) => p,
        Err(e) => return trouble(&format!("{}: {}", e.path, e.message)),
    };
    let mut docs = Vec::with_capacity(found.len());
    for f in &found {
        match walk::read_text(&f.path) {
            Ok(text) => docs.push(Document::new(
                &f.path.display().to_string(),
                text,
                args.date,
            )),
            // A file named on the command line must be checkable; one found in a
            // folder that is not text is skipped with a warning.
            Err(e) if f.named => return trouble(&format!("{}: {e}", f.path.display())),
            Err(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "claimcheck: warning: {}: {e}; skipped",
                    f.path.display()
                );
            }
        }
    }
    let checker = Checker::new(rules);
    let analysis = match args.threads {
        Some(n) => match rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
        {
            Ok(pool) => pool.install(|| checker.analyse(&docs)),
            Err(e) => return trouble(&format!("cannot start {n} threads: {e}")),
        },
        None => checker.analyse(&docs),
    };
    for w in &analysis.warnings {
        let _ = writeln!(
            std::io::stderr(),
            "claimcheck: warning: {}:{}: {}",
            w.file,
            w.line,
            w.message
        );
    }
    let findings = analysis.findings;
    let matrix = || report::matrix::build(&checker, &docs, &analysis.seen);
    if args.matrix {
        let out = report::matrix::render(&matrix(), 80, color);
        return if write_stdout(&out).is_ok() {
            EXIT_CLEAN
        } else {
            EXIT_TROUBLE
        };
    }
    let outcome = Outcome {
        files_checked: docs.len(),
        findings,
    };
    let out = match args.format {
        CheckFormat::Human => {
            let mut out = report::human::render_findings(&outcome, &docs, color);
            // A story folder ends with what each source says about each claim.
            if docs.len() > 1 && !checker.rules.claims.is_empty() {
                out.push_str(&report::matrix::render(&matrix(), 80, color));
                out.push('\n');
            }
            out.push_str(&report::human::summary_line(&outcome));
            out
        }
        CheckFormat::Json => report::json::render(&outcome),
        CheckFormat::Sarif => report::sarif::render(&outcome, env!("CARGO_PKG_VERSION")),
        CheckFormat::Github => {
            // GitHub shows only a few annotations per step; the step summary lists all.
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
                let summary = report::github::step_summary(&outcome);
                if let Err(e) = report::github::append_step_summary(Path::new(&path), &summary) {
                    let _ = writeln!(
                        std::io::stderr(),
                        "claimcheck: warning: cannot write the step summary to {}: {e}",
                        Path::new(&path).display()
                    );
                }
            }
            report::github::render(&outcome)
        }
    };
    if write_stdout(&out).is_err() {
        return EXIT_TROUBLE;
    }
    exit_status(&outcome, args.fail_on)
}

/// The exit status for what was found, by `--fail-on`.
pub fn exit_status(outcome: &Outcome, fail_on: FailOn) -> i32 {
    let s = outcome.summary();
    let fails = match fail_on {
        FailOn::Error => s.errors > 0,
        FailOn::Warning => s.errors + s.warnings > 0,
        FailOn::Never => false,
    };
    if fails { EXIT_FINDINGS } else { EXIT_CLEAN }
}

/// Loads the rule files named by `--rules`, or the nearest `rules/` folder. On
/// failure, prints what is wrong and returns the exit status.
pub fn load_rules(given: &[PathBuf], color: bool) -> Result<RuleSet, i32> {
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
