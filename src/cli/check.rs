//! `claimcheck check`: load the rules, walk the paths, check, report.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{
    CheckArgs, CheckFormat, EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, FailOn, read_text, trouble,
    write_stdout,
};
use crate::color;
use crate::config::{self, Config};
use crate::document::Document;
use crate::pipeline::Checker;
use crate::report::{self, Outcome};
use crate::rules::{self, RuleError, RuleSet};
use crate::walk;

/// Runs `check` and returns the exit status.
pub fn run(args: CheckArgs) -> i32 {
    match run_steps(&args) {
        Ok(code) | Err(code) => code,
    }
}

/// The steps of `check`: each returns the exit status when it ends the run early.
fn run_steps(args: &CheckArgs) -> Result<i32, i32> {
    let color = color::decide(args.color);
    let width = report::layout::terminal_width();
    set_failure_format(args.format);
    let mut inputs = walk_inputs(args)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(super::pool_size(args.threads, inputs.found.len()))
        .build()
        .map_err(|e| trouble(&format!("cannot start the worker threads: {e}")))?;
    // Rules are compiled in the pool, so `--threads` also bounds start-up's threads.
    let mut groups = pool.install(|| group_documents(args, &inputs.found, color))?;
    let read = read_and_examine(args, &inputs.found, inputs.stdin_at, &mut groups, &pool)?;
    inputs.skipped += read.skipped;
    inputs.late_trouble |= read.trouble;
    let checked = analyse_groups(args, &mut groups);
    inputs.late_trouble |= checked.trouble;
    if checked.files.is_empty() && inputs.skipped > 0 {
        return Err(trouble(&format!(
            "no file was checked: {} skipped (see the warnings above)",
            inputs.skipped
        )));
    }
    let outcome = Outcome {
        files_checked: checked.files.len(),
        findings: checked.findings,
    };
    // Only a report that quotes the text kept the documents.
    let docs = documents_in_order(&mut groups);
    let matrices: Vec<String> = checked
        .matrices
        .iter()
        .map(|m| report::matrix::render(m, width, color))
        .collect();
    let out = if args.matrix {
        // The same exit status as the report it summarises.
        Report::Text(matrices.join("\n"))
    } else {
        let shown = Shown {
            outcome: &outcome,
            docs: &docs,
            files: &checked.files,
            groups: &groups,
            matrices: &checked.matrices,
            rendered: &matrices,
        };
        render(args, &shown, color, width)?
    };
    let written = write_report(out, &outcome);
    if written.is_err() || (inputs.late_trouble && !args.matrix) {
        return Err(EXIT_TROUBLE);
    }
    // The process ends with this run: the compiled rules go back to the system
    // whole, not freed object by object (10,000 templates take longer to free
    // than a draft takes to check).
    std::mem::forget(groups);
    Ok(exit_status(&outcome, args.fail_on))
}

/// Writes the report to standard output: text as rendered, JSON and SARIF streamed
/// from the outcome.
fn write_report(rendered: Report, outcome: &Outcome) -> std::io::Result<()> {
    match rendered {
        Report::Text(text) => write_stdout(&text),
        Report::Json => super::write_stdout_with(|w| report::json::write(outcome, w)),
        Report::Sarif => super::write_stdout_with(|w| {
            report::sarif::write(outcome, env!("CARGO_PKG_VERSION"), w)
        }),
    }
}

/// A broken rule file still gives CI a SARIF log or an annotation saying why.
fn set_failure_format(format: CheckFormat) {
    match format {
        CheckFormat::Sarif => report::failure::set_format(report::failure::MachineFormat::Sarif),
        CheckFormat::Github => report::failure::set_format(report::failure::MachineFormat::Github),
        _ => {}
    }
}

/// The files a run checks, found but not yet read.
struct Inputs {
    found: Vec<walk::Found>,
    /// Which of them is standard input, if one is.
    stdin_at: Option<usize>,
    /// Files skipped with a warning.
    skipped: usize,
    /// Trouble that does not stop the run: it is reported, and the exit status is 2.
    late_trouble: bool,
}

/// Walks the paths (`-` is the article on standard input, named by
/// --stdin-filename), warning of each file left out.
fn walk_inputs(args: &CheckArgs) -> Result<Inputs, i32> {
    let (stdin_name, paths) =
        report::input::split_stdin(&args.paths, args.stdin_filename.as_deref());
    let cwd = std::env::current_dir().unwrap_or_default();
    let walked = super::excludes::documents(&paths, &args.exclude, &cwd)
        .map_err(|e| trouble(&format!("{}: {}", e.path, e.message)))?;
    let mut late_trouble = false;
    for w in &walked.warnings {
        super::warn(&format!("{}: {}", w.path, w.message));
        late_trouble |= w.trouble;
    }
    let mut found = walked.found;
    let stdin_at = stdin_name.map(|name| report::input::push_stdin(&mut found, name));
    if found.is_empty() && walked.warnings.is_empty() {
        return Err(trouble(&nothing_to_check(&paths, !args.exclude.is_empty())));
    }
    Ok(Inputs {
        found,
        stdin_at,
        skipped: walked.warnings.len(),
        late_trouble,
    })
}

/// Why a run that found no file at all stops: a story folder named by mistake, or
/// emptied, must not pass CI as "no findings".
fn nothing_to_check(paths: &[PathBuf], excluded: bool) -> String {
    let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    format!(
        "nothing to check: no .md, .markdown or .txt file in {}{}",
        named.join(", "),
        if excluded {
            " that --exclude leaves in"
        } else {
            ""
        }
    )
}

/// What checking every group gave.
struct Checked {
    /// Every finding, per document in input order, by position within each.
    findings: Vec<crate::finding::Finding>,
    /// The claim matrices of the groups that show one.
    matrices: Vec<report::matrix::Matrix>,
    /// The paths of the documents checked, in input order.
    files: Vec<String>,
    /// Whether a document could not be checked (the exit status is 2).
    trouble: bool,
}

/// Compares each group's documents (examined as they were read) with each other
/// and gathers the findings, reporting documents that could not be checked and
/// suppression warnings as it goes.
fn analyse_groups(args: &CheckArgs, groups: &mut [Group]) -> Checked {
    let mut parts = Vec::new();
    let mut files = Vec::new();
    let mut checked = Checked {
        findings: Vec::new(),
        matrices: Vec::new(),
        files: Vec::new(),
        trouble: false,
    };
    for g in groups.iter_mut() {
        let mut analysis = std::mem::take(&mut g.conclusion).finish(&g.checker.rules);
        checked.trouble |= warn_of(&analysis);
        let several = analysis.files.len() > 1 || args.format == CheckFormat::Html;
        let wanted = several && !g.checker.rules.claims.is_empty() || args.matrix;
        if wanted && may_print_matrix(args) {
            let matrix = report::matrix::build(&g.checker, &analysis.files, &analysis.seen);
            checked.matrices.push(matrix);
        }
        // Each finding's place among all documents, looked up by its file.
        let mut index_of = std::collections::HashMap::new();
        for (i, file) in g.order.iter().zip(&analysis.files) {
            index_of.entry(file.as_str()).or_insert(*i);
        }
        let mut findings = std::mem::take(&mut analysis.findings);
        let places: Vec<usize> = findings
            .iter_mut()
            .map(|f| {
                g.config.apply(f);
                index_of.get(f.file.as_str()).copied().unwrap_or(usize::MAX)
            })
            .collect();
        drop(index_of);
        files.extend(g.order.iter().copied().zip(analysis.files));
        parts.push((places, findings));
    }
    files.sort_by_key(|(i, _)| *i);
    checked.files = files.into_iter().map(|(_, f)| f).collect();
    checked.findings = in_input_order(parts);
    checked
}

/// Every group's findings (each with its document's place among all documents),
/// per document in input order. The sort is stable, so positions within a
/// document keep their order; one group's findings already in order (the common
/// case) are kept as they are, not copied.
fn in_input_order(
    mut parts: Vec<(Vec<usize>, Vec<crate::finding::Finding>)>,
) -> Vec<crate::finding::Finding> {
    if parts.len() == 1 && parts[0].0.is_sorted() {
        return parts.pop().map(|(_, f)| f).unwrap_or_default();
    }
    let total = parts.iter().map(|(_, f)| f.len()).sum();
    let mut ordered = Vec::with_capacity(total);
    for (places, findings) in parts {
        ordered.extend(places.into_iter().zip(findings));
    }
    ordered.sort_by_key(|(i, _)| *i);
    ordered.into_iter().map(|(_, f)| f).collect()
}

/// Reports the documents an analysis could not check and its warnings; returns
/// whether any could not be checked.
fn warn_of(analysis: &crate::pipeline::Analysis) -> bool {
    for failure in &analysis.failed {
        trouble(&format!(
            "{}: could not be checked ({}); the other documents were checked",
            failure.file, failure.message
        ));
    }
    for w in &analysis.warnings {
        let _ = writeln!(
            std::io::stderr(),
            "claimcheck: warning: {}:{}: {}",
            w.file,
            w.line,
            w.message
        );
    }
    !analysis.failed.is_empty()
}

/// Every group's documents, taken out of the groups, in input order.
fn documents_in_order(groups: &mut [Group]) -> Vec<Document> {
    let mut all: Vec<(usize, Document)> = groups
        .iter_mut()
        .flat_map(|g| g.order.iter().copied().zip(std::mem::take(&mut g.docs)))
        .collect();
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, d)| d).collect()
}

/// What a report shows.
struct Shown<'a> {
    outcome: &'a Outcome,
    /// The documents, when the report quotes their text.
    docs: &'a [Document],
    /// The paths of the documents checked, in input order.
    files: &'a [String],
    groups: &'a [Group],
    matrices: &'a [report::matrix::Matrix],
    /// The matrices rendered for the terminal.
    rendered: &'a [String],
}

/// Whether the report asked for quotes the documents' text (excerpts, the HTML
/// page): only then is a document kept once it is checked.
fn shows_documents(args: &CheckArgs) -> bool {
    !args.matrix && full_report(args)
}

/// Whether the format asked for is a full report for reading (the human report, not
/// its per-document summary, or the HTML page): it quotes the text and shows the
/// claim matrix.
fn full_report(args: &CheckArgs) -> bool {
    match args.format {
        CheckFormat::Human => !args.summary_only,
        CheckFormat::Html => true,
        CheckFormat::Json | CheckFormat::Sarif | CheckFormat::Github => false,
    }
}

/// A report ready to write.
enum Report {
    /// Rendered whole.
    Text(String),
    /// The JSON report, written as it is serialized (it can be larger than the
    /// articles).
    Json,
    /// The SARIF log, written as it is serialized.
    Sarif,
}

/// The report in the format asked for.
fn render(args: &CheckArgs, shown: &Shown, color: bool, width: usize) -> Result<Report, i32> {
    let outcome = shown.outcome;
    Ok(Report::Text(match args.format {
        CheckFormat::Human if args.summary_only => report::human::summary_by_document(outcome),
        CheckFormat::Human => {
            let mut out = report::human::render_findings(outcome, shown.docs, color, width);
            // A story folder ends with what each source says about each claim.
            for m in shown.rendered {
                out.push_str(m);
                out.push('\n');
            }
            if !args.quiet {
                out.push_str(&report::human::summary_line(outcome));
            }
            out
        }
        CheckFormat::Html => report::html::render(outcome, shown.docs, shown.matrices),
        CheckFormat::Json => return Ok(Report::Json),
        CheckFormat::Sarif => return Ok(Report::Sarif),
        CheckFormat::Github => {
            step_summary(shown)?;
            report::github::render(outcome)
        }
    }))
}

/// GitHub shows only a few annotations per step; the step summary lists all, when
/// the workflow names a file for it (never one of the checked files).
fn step_summary(shown: &Shown) -> Result<(), i32> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let rule_files = shown.groups.iter().flat_map(|g| &g.checker.rules.files);
    let inputs = shown
        .files
        .iter()
        .map(Path::new)
        .chain(rule_files.map(Path::new));
    if let Some(input) = super::clashes_with_input(Path::new(&path), inputs) {
        return Err(trouble(&format!(
            "GITHUB_STEP_SUMMARY names {}, one of the checked files; refusing to write over it",
            input.display()
        )));
    }
    let summary = report::github::step_summary(shown.outcome);
    if let Err(e) = report::github::append_step_summary(Path::new(&path), &summary) {
        let _ = writeln!(
            std::io::stderr(),
            "claimcheck: warning: cannot write the step summary to {}: {e}",
            Path::new(&path).display()
        );
    }
    Ok(())
}

/// Each document found, under the nearest claimcheck.yaml above it: documents
/// sharing one are checked (and compared) together. Each group's `order` lists
/// the documents it takes (its globs may leave some out); none is read yet.
fn group_documents(
    args: &CheckArgs,
    found: &[walk::Found],
    color: bool,
) -> Result<Vec<Group>, i32> {
    let mut groups: Vec<Group> = Vec::new();
    let mut config_of_dir: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    for (index, f) in found.iter().enumerate() {
        let dir = f.path.parent().map(Path::to_path_buf).unwrap_or_default();
        let config_path = match config_of_dir.iter().find(|(d, _)| *d == dir) {
            Some((_, c)) => c.clone(),
            None => {
                let c = config::find(&dir);
                config_of_dir.push((dir, c.clone()));
                c
            }
        };
        let group = match groups
            .iter()
            .position(|g| g.config.file == config_path.as_ref().map(|p| display(p)))
        {
            Some(g) => g,
            None => {
                groups.push(new_group(args, config_path.as_deref(), color)?);
                groups.len() - 1
            }
        };
        let g = &mut groups[group];
        if f.named || g.wants(&f.path) {
            g.order.push(index);
        }
    }
    Ok(groups)
}

/// What reading the documents left to report.
struct Read {
    /// Files skipped with a warning.
    skipped: usize,
    /// Whether one of those is trouble (exit status 2).
    trouble: bool,
}

/// Reads, builds and examines each group's documents, in the thread pool, each
/// document dropped once examined unless the report quotes its text; then, in
/// input order, keeps what each examined document left and warns of each one that
/// could not be read. A file named on the command line that cannot be read stops
/// the run (the exit status is returned); one found in a folder is skipped with a
/// warning.
fn read_and_examine(
    args: &CheckArgs,
    found: &[walk::Found],
    stdin_at: Option<usize>,
    groups: &mut [Group],
    pool: &rayon::ThreadPool,
) -> Result<Read, i32> {
    use rayon::prelude::*;
    let wanted: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| group.order.iter().map(move |&index| (index, g)))
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_iter()
        .collect();
    for g in groups.iter_mut() {
        g.order.clear();
    }
    let mut out = Read {
        skipped: 0,
        trouble: false,
    };
    // A chunk at a time, so what the documents leave joins the run's conclusion
    // as it comes instead of being held twice.
    for chunk in wanted.chunks(CHUNK) {
        let shared: &[Group] = groups;
        let read: Vec<_> = pool.install(|| {
            chunk
                .par_iter()
                .map(|&(index, g)| read_one(args, found, stdin_at, index, &shared[g]))
                .collect()
        });
        for (&(index, g), doc) in chunk.iter().zip(read) {
            let f = &found[index];
            match doc {
                Ok((examined, kept)) => {
                    groups[g].order.push(index);
                    groups[g].conclusion.add(examined);
                    groups[g].docs.extend(kept);
                }
                Err(e) if f.named => return Err(trouble(&format!("{}: {e}", f.path.display()))),
                Err(e) => {
                    super::warn(&format!("{}: {e}; skipped", f.path.display()));
                    out.trouble |= e.is_trouble();
                    out.skipped += 1;
                }
            }
        }
    }
    Ok(out)
}

/// How many documents are read and examined in the pool before what they left
/// joins the conclusion.
const CHUNK: usize = 512;

/// Reads, builds and examines the document `found[index]` for `group`; keeps it
/// only when the report quotes its text, and all it says only when the run may
/// print a claim matrix.
fn read_one(
    args: &CheckArgs,
    found: &[walk::Found],
    stdin_at: Option<usize>,
    index: usize,
    group: &Group,
) -> Result<(crate::pipeline::Examined, Option<Document>), walk::Unreadable> {
    let f = &found[index];
    let text = if Some(index) == stdin_at {
        report::input::read_stdin()
    } else {
        walk::read_text(&f.path)
    };
    let date = args.date.or(group.config.date);
    text.map(|text| {
        let doc = Document::new(&f.path.display().to_string(), text, date);
        let mut examined = group.checker.examine_alone(&doc);
        if !may_print_matrix(args) {
            examined.seen.keep_for_comparison();
        }
        // The terminal report quotes lines only; the HTML page shows the whole.
        let kept = match args.format {
            _ if !shows_documents(args) => None,
            CheckFormat::Html => Some(doc),
            _ => Some(doc.text_only()),
        };
        (examined, kept)
    })
}

/// Whether the report asked for shows the claim matrix: the human report (not its
/// per-document summary), the HTML page and `--matrix`. The others never print it,
/// so it is not built for them.
fn prints_matrix(args: &CheckArgs) -> bool {
    args.matrix || full_report(args)
}

/// Whether the run may print a claim matrix (whether a group prints one depends
/// on how many documents it has): only then is all each document says kept.
fn may_print_matrix(args: &CheckArgs) -> bool {
    !args.no_matrix && !args.quiet && prints_matrix(args)
}

/// Documents checked under one configuration.
struct Group {
    config: Config,
    checker: Checker,
    /// What each document left once examined, in the order found.
    conclusion: crate::pipeline::Conclusion,
    /// The documents, in the order found, when the report quotes their text.
    docs: Vec<Document>,
    /// Each document's index among all the documents found.
    order: Vec<usize>,
    /// The configuration's include globs, anchored at its folder.
    include: Option<ignore::overrides::Override>,
    /// The configuration's exclude globs, anchored at its folder.
    exclude: Option<ignore::overrides::Override>,
}

impl Group {
    /// Whether a walked file passes the configuration's globs: it matches an include
    /// glob (when there are any), and neither it nor a folder above it matches an
    /// exclude glob ("drafts/" leaves out everything under drafts).
    fn wants(&self, path: &Path) -> bool {
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let included = self
            .include
            .as_ref()
            .is_none_or(|o| o.matched(&absolute, false).is_whitelist());
        let excluded = self.exclude.as_ref().is_some_and(|o| {
            absolute
                .ancestors()
                .enumerate()
                .any(|(i, p)| o.matched(p, i > 0).is_ignore())
        });
        included && !excluded
    }
}

/// Globs anchored at a configuration's folder; `negate` turns them into excludes.
fn globs(
    config: &Config,
    patterns: &[String],
    negate: bool,
) -> Option<ignore::overrides::Override> {
    if patterns.is_empty() {
        return None;
    }
    let dir = std::fs::canonicalize(config.file.as_ref()?)
        .ok()?
        .parent()?
        .to_path_buf();
    let mut b = ignore::overrides::OverrideBuilder::new(dir);
    for g in patterns {
        b.add(&if negate { format!("!{g}") } else { g.clone() })
            .ok()?;
    }
    b.build().ok()
}

fn display(p: &Path) -> PathBuf {
    relative_to(p, &std::env::current_dir().unwrap_or_default())
}

/// Loads a configuration (or the defaults) and the rules it names, compiled.
fn new_group(args: &CheckArgs, config_path: Option<&Path>, color: bool) -> Result<Group, i32> {
    let report = |errors: crate::rules::RuleErrors| {
        report::failure::emit(&errors.0);
        let mut out = String::new();
        for e in &errors.0 {
            out.push_str(&render_rule_error(e, color));
            out.push('\n');
        }
        let _ = std::io::stderr().write_all(out.as_bytes());
        EXIT_TROUBLE
    };
    let config = match config_path {
        Some(p) => config::load(p, &display(p).display().to_string()).map_err(report)?,
        None => Config::default(),
    };
    // --rules on the command line wins over the configuration's rules.
    let rule_paths: Vec<PathBuf> = if !args.rules.is_empty() {
        args.rules.clone()
    } else {
        config.rules.iter().map(|r| display(r)).collect()
    };
    let rules = load_rules(&rule_paths, color)?;
    if rules.claims.is_empty() {
        super::warn(
            "the rule files hold no claims: only the calendar checks (weekdays, year slips) run",
        );
    }
    config.check_names(&rules).map_err(report)?;
    let include = globs(&config, &config.include, false);
    let exclude = globs(&config, &config.exclude, true);
    let checker = Checker::with_thresholds(
        rules,
        config
            .statement_similarity
            .unwrap_or(crate::statements::DEFAULT_SIMILARITY),
        config
            .quote_similarity
            .unwrap_or(crate::quotes::DRIFT_COVERAGE),
    );
    Ok(Group {
        config,
        checker,
        conclusion: Default::default(),
        docs: Vec::new(),
        order: Vec::new(),
        include,
        exclude,
    })
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
    // Rule files unchanged since the last run are not compiled again.
    let store = crate::rulecache::Store::from_env();
    crate::rulecache::parse(&sources, &store).map_err(|errors| {
        crate::report::failure::emit(&errors.0);
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
pub(crate) fn relative_to(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}
