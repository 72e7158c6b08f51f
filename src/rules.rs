//! Rule files: the desk's people and claim templates, read from YAML and validated.
//!
//! Loading is strict. A rule file with an unknown key, a duplicate id, a `by:` that
//! names nobody, a date that is not a date or a template with nothing to check is
//! refused as a whole, with every problem found and each pointing at its file, line
//! and column, so the rule author can fix them in one pass.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde_yaml::Spanned;

use crate::finding::Severity;
use crate::template::Template;

/// Every key a claim may carry, for did-you-mean suggestions.
pub const CLAIM_KEYS: &[&str] = &[
    "id",
    "claim",
    "quote",
    "statement",
    "by",
    "date",
    "near",
    "period",
    "tolerance",
    "source",
    "severity",
    "similarity",
    "examples",
];

/// Every key `examples:` may carry, for did-you-mean suggestions.
pub const EXAMPLE_KEYS: &[&str] = &["date", "pass", "fail"];

/// A person (or an institution that speaks, such as a ministry) that claims name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    /// The id claims use in `by:`.
    pub id: String,
    /// The full name, as a report prints it.
    pub name: String,
    /// Other names the person goes by in text ("Kobakhidze").
    pub aliases: Vec<String>,
}

/// Where something was defined in a rule file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// The rule file, as given on the command line or found.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// What a claim template asserts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ClaimKind {
    /// Figures with the words that anchor them; several alternative wordings.
    Figures(Vec<String>),
    /// Someone's exact words.
    Quote(String),
    /// What someone said, in any words.
    Statement(String),
}

/// How far a figure may lie from the template's value and still agree.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Tolerance {
    /// Within this much of the value, in the figure's own units (points for a
    /// percentage, units of currency for money).
    Absolute(f64),
    /// Within this percentage of the value.
    Relative(f64),
}

/// A period a figure covers: `2025-H1`, `2025-Q3`, `2025`, `2025-12`, `2025-12-03`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Period {
    /// As written in the rule file.
    pub label: String,
    /// First day.
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
}

/// One entry of `claims`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// The claim's id, unique across all rule files of a run.
    pub id: String,
    /// What it asserts.
    pub kind: ClaimKind,
    /// Words that must also be in a matching sentence.
    pub near: Vec<String>,
    /// How far a figure may be off.
    pub tolerance: Option<Tolerance>,
    /// The period the figures cover.
    pub period: Option<Period>,
    /// Where the fact comes from: free text shown in reports.
    pub source: Option<String>,
    /// The severity of this claim's findings, overriding the code's default.
    pub severity: Option<Severity>,
    /// The id of the person who said it (quotes and statements).
    pub by: Option<String>,
    /// When it was said.
    pub date: Option<Date>,
    /// For statements and quotes: the share (0 to 1) of the claim's content words a
    /// sentence must contain to be about it. `None` leaves it to the run's default.
    pub similarity: Option<f64>,
    /// Sentences the claim must accept and sentences it must flag, run by
    /// `claimcheck rules test`.
    pub examples: Examples,
    /// Where the claim is defined.
    pub origin: Origin,
    /// A figure claim's wordings compiled, one for each wording and in their order
    /// (empty for quotes and statements): compiled once, when the rules are read,
    /// and shared with the matcher rather than copied.
    #[serde(with = "shared_templates")]
    pub templates: Arc<[Template]>,
    /// A statement's or quote's folded content words (no stopwords, no numbers),
    /// sorted; empty for figure claims. Read once, when the rules are read.
    pub content_words: Vec<String>,
}

/// [`Claim::templates`] written and read as a plain list (the compiled-rules cache).
mod shared_templates {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::template::Template;

    /// Writes the templates as a list.
    pub fn serialize<S: Serializer>(templates: &Arc<[Template]>, s: S) -> Result<S::Ok, S::Error> {
        templates.as_ref().serialize(s)
    }

    /// Reads a list of templates.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<[Template]>, D::Error> {
        Vec::<Template>::deserialize(d).map(Arc::from)
    }
}

/// A claim's `examples:`: sentences that test the rule itself.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Examples {
    /// The publication date the example sentences are read with, so relative dates
    /// ("on Wednesday", "yesterday") resolve: `examples: {date:}` when given, else
    /// the claim's `date:`, else none.
    pub date: Option<Date>,
    /// Sentences that must raise no finding of this claim.
    pub pass: Vec<Example>,
    /// Sentences that must raise at least one finding of this claim.
    pub fail: Vec<Example>,
}

impl Examples {
    /// Whether there are no example sentences at all.
    pub fn is_empty(&self) -> bool {
        self.pass.is_empty() && self.fail.is_empty()
    }

    /// How many example sentences there are.
    pub fn len(&self) -> usize {
        self.pass.len() + self.fail.len()
    }
}

/// One example sentence and where it is written.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Example {
    /// The sentence, as written in the rule file.
    pub text: String,
    /// Where it is written.
    pub origin: Origin,
}

impl Claim {
    /// The template text as a report quotes it: the first wording, the quote or the
    /// statement.
    pub fn text(&self) -> &str {
        match &self.kind {
            ClaimKind::Figures(w) => w.first().map_or("", String::as_str),
            ClaimKind::Quote(t) | ClaimKind::Statement(t) => t,
        }
    }
}

/// All rule files of a run, merged.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RuleSet {
    /// The rule files read, in the order read.
    pub files: Vec<String>,
    /// Every person, from every file.
    pub people: Vec<Person>,
    /// Where each person of `people` is defined, index for index.
    pub person_origins: Vec<Origin>,
    /// Every claim, from every file, in file order.
    pub claims: Vec<Claim>,
}

impl RuleSet {
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
}

/// A problem in a rule file, with the place it points at.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleError {
    /// The rule file.
    pub file: String,
    /// 1-based line (0 when the problem is with the file as a whole).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// How many characters the caret underlines.
    pub width: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it, when there is something to suggest.
    pub help: Option<String>,
    /// The line of the rule file the error points at.
    pub source_line: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

/// Why rules could not be loaded: every problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

/// The YAML files a `--rules` path stands for: the file itself, or every `.yaml` and
/// `.yml` file in a folder, recursively, in sorted order. Symbolic links inside the
/// folder are followed only when they stay inside it, and each folder is read once
/// (a link back up is not a loop); named pipes and devices are never read.
pub fn rule_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    let plain = |e: std::io::Error| crate::cli::plain_io_error(&e);
    let meta = std::fs::metadata(path).map_err(plain)?;
    if let Some(kind) = crate::walk::not_a_file(&meta.file_type()) {
        return Err(format!("{kind}, not a rule file or folder"));
    }
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let root = std::fs::canonicalize(path).map_err(plain)?;
    let mut seen = std::collections::HashSet::from([root.clone()]);
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {}", dir.display(), plain(e)))?
            .filter_map(Result::ok)
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let p = entry.path();
            let Ok(real) = std::fs::canonicalize(&p) else {
                continue; // a broken link
            };
            if !real.starts_with(&root) {
                continue; // a link out of the rules folder
            }
            let Ok(meta) = std::fs::metadata(&real) else {
                continue;
            };
            if meta.is_dir() {
                if seen.insert(real) {
                    stack.push(p);
                }
            } else if meta.is_file()
                && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
                && seen.insert(real)
            {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Whether a file's name says it is a rule file (`.yaml` or `.yml`). Errors in a
/// file that is not one never show its lines: it may be anything.
pub fn is_rule_file_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// Whether a rule file says `claims:` or `people:` at all (`claims: []` is a
/// deliberate empty list; a file without either key is most likely cut short).
fn names_lists(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("claims:") || l.starts_with("people:") || l.starts_with('{'))
}

/// Whether YAML text holds nothing but blank lines and comments.
fn is_blank_yaml(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...")
}

/// Reads and validates rule files given as (name, text) pairs. Names are how reports
/// refer to the files.
pub fn parse(sources: &[(String, String)]) -> Result<RuleSet, RuleErrors> {
    let mut errors = Vec::new();
    let mut raws = Vec::new();
    for (name, text) in sources {
        if is_blank_yaml(text) {
            errors.push(RuleError {
                file: name.clone(),
                line: 1,
                column: 1,
                width: 1,
                message: "this rule file is empty (nothing but blank lines and comments)".into(),
                help: Some(
                    "a truncated file would look like this: add its claims, or delete it".into(),
                ),
                source_line: String::new(),
            });
            continue;
        }
        match serde_yaml::from_str::<RawFile>(text) {
            Ok(raw) if raw.people.is_empty() && raw.claims.is_empty() && !names_lists(text) => {
                errors.push(RuleError {
                    file: name.clone(),
                    line: 1,
                    column: 1,
                    width: 1,
                    message: "this rule file has no `claims:` and no `people:`".into(),
                    help: Some(
                        "a truncated file would look like this: add its claims, or delete it"
                            .into(),
                    ),
                    source_line: String::new(),
                })
            }
            Ok(raw) => raws.push((name.as_str(), text.as_str(), raw)),
            Err(e) => {
                let mut err = yaml_error(name, text, &e);
                if !is_rule_file_name(name) {
                    // It may be any file: say what it is not, and show none of it.
                    err.source_line.clear();
                    (err.line, err.column) = (1, 1);
                    err.message = "not a rule file: rule files are YAML (.yaml or .yml) with `claims:` and `people:`".into();
                }
                errors.push(err);
            }
        }
    }
    let mut set = RuleSet {
        files: sources.iter().map(|(n, _)| n.clone()).collect(),
        ..Default::default()
    };
    // People first: claims in any file may name people from any other.
    for (name, text, raw) in &raws {
        for p in &raw.people {
            let at = Place { file: name, text };
            let id = &p.value.id;
            if let Some(i) = set.people.iter().position(|q| q.id == id.value) {
                errors.push(at.error(
                    &id.referenced,
                    id.value.len(),
                    format!("duplicate person id `{}`", id.value),
                    Some(format!("the first is at {}", set.person_origins[i])),
                ));
                continue;
            }
            set.person_origins.push(at.origin(&id.referenced));
            set.people.push(Person {
                id: id.value.clone(),
                name: p.value.name.value.clone(),
                aliases: p.value.aliases.iter().map(|a| a.value.clone()).collect(),
            });
        }
    }
    // Every id is recorded, valid claim or not, so a duplicate is found even when
    // the first claim of that id has problems of its own.
    let mut claim_ids: std::collections::HashMap<String, Origin> = std::collections::HashMap::new();
    for (name, text, raw) in &raws {
        let at = Place { file: name, text };
        for c in &raw.claims {
            let id = &c.value.id;
            if let Some(first) = claim_ids.get(&id.value) {
                errors.push(at.error(
                    &id.referenced,
                    id.value.chars().count(),
                    format!("duplicate claim id `{}`", id.value),
                    Some(format!("the first is at {first}")),
                ));
                continue;
            }
            claim_ids.insert(id.value.clone(), at.origin(&id.referenced));
            if let Some(claim) = validate_claim(&at, &c.value, &set, &mut errors) {
                set.claims.push(claim);
            }
        }
    }
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(RuleErrors(errors))
    }
}

/// A rule file being validated: its name and text, to point errors at.
pub(crate) struct Place<'a> {
    pub(crate) file: &'a str,
    pub(crate) text: &'a str,
}

impl Place<'_> {
    fn origin(&self, loc: &serde_yaml::Location) -> Origin {
        Origin {
            file: self.file.to_string(),
            line: loc.line() as usize,
            column: loc.column() as usize,
        }
    }

    /// Reads a `YYYY-MM-DD` value, or records an error pointing at it.
    pub(crate) fn date(
        &self,
        value: &Spanned<String>,
        errors: &mut Vec<RuleError>,
    ) -> Option<Date> {
        let parsed = value.value.trim().parse::<Date>().ok();
        if parsed.is_none() {
            errors.push(self.error(
                &value.referenced,
                value.value.chars().count(),
                format!("`{}` is not a valid date", value.value),
                Some("write dates as YYYY-MM-DD, e.g. 2025-12-04".into()),
            ));
        }
        parsed
    }

    /// How many characters from `loc` to the end of its line, trailing space aside:
    /// the width of a scalar value written there.
    fn rest_of_line(&self, loc: &serde_yaml::Location) -> usize {
        let line = self
            .text
            .lines()
            .nth((loc.line() as usize).saturating_sub(1))
            .unwrap_or("");
        line.chars()
            .skip((loc.column() as usize).saturating_sub(1))
            .collect::<String>()
            .trim_end()
            .chars()
            .count()
    }

    pub(crate) fn error(
        &self,
        loc: &serde_yaml::Location,
        width: usize,
        message: String,
        help: Option<String>,
    ) -> RuleError {
        let line = loc.line() as usize;
        RuleError {
            file: self.file.to_string(),
            line,
            column: loc.column() as usize,
            width: width.max(1),
            message,
            help,
            source_line: self
                .text
                .lines()
                .nth(line.saturating_sub(1))
                .unwrap_or("")
                .to_string(),
        }
    }
}

/// Validates one claim of a rule file: what it checks, who said it, when, and how
/// strictly articles are held to it. Every problem goes into `errors`, in the order
/// a desk writes the keys; the claim comes back only when it has none.
fn validate_claim(
    at: &Place,
    raw: &RawClaim,
    set: &RuleSet,
    errors: &mut Vec<RuleError>,
) -> Option<Claim> {
    let before = errors.len();
    let id = &raw.id;
    let (kind, templates) = claim_kind(at, raw, errors);
    check_id_written(at, id, errors);
    let by = claim_speaker(at, raw.by.as_ref(), set, errors);
    require_speaker(at, id, kind.as_ref(), by.is_some(), errors);
    let date = raw.date.as_ref().and_then(|d| at.date(d, errors));
    let period = claim_period(at, raw.period.as_ref(), errors);
    let tolerance = claim_tolerance(at, raw.tolerance.as_ref(), errors);
    let severity = claim_severity(at, raw.severity.as_ref(), errors);
    let similarity = claim_similarity(at, raw.similarity.as_ref(), errors);
    let examples = raw
        .examples
        .as_ref()
        .map(|e| validate_examples(at, &id.value, e, date, errors))
        .unwrap_or_default();
    if errors.len() > before {
        return None;
    }
    let kind = kind?;
    Some(Claim {
        id: id.value.clone(),
        content_words: spoken_words(&kind),
        kind,
        near: raw.near.iter().map(|n| n.value.clone()).collect(),
        tolerance,
        period,
        source: raw.source.as_ref().map(|s| s.value.clone()),
        severity,
        by,
        date,
        similarity,
        examples,
        origin: at.origin(&id.referenced),
        templates: templates.into(),
    })
}

/// What a claim checks: figures (`claim:`), someone's exact words (`quote:`) or who
/// said what (`statement:`). Exactly one of the three must be given; the wordings of
/// a figures claim come back compiled into its templates.
fn claim_kind(
    at: &Place,
    raw: &RawClaim,
    errors: &mut Vec<RuleError>,
) -> (Option<ClaimKind>, Vec<Template>) {
    let id = &raw.id;
    let given = [
        raw.claim.is_some(),
        raw.quote.is_some(),
        raw.statement.is_some(),
    ];
    if given.iter().filter(|k| **k).count() > 1 {
        errors.push(at.error(
            &id.referenced,
            id.value.len(),
            format!(
                "claim `{}` has more than one of `claim`, `quote` and `statement`",
                id.value
            ),
            Some("split it into one claim for each".into()),
        ));
        return (None, Vec::new());
    }
    match (&raw.claim, &raw.quote, &raw.statement) {
        (Some(w), None, None) => {
            let templates = figure_templates(at, &id.value, w, errors);
            (Some(ClaimKind::Figures(w.value.0.clone())), templates)
        }
        (None, Some(q), None) => (Some(ClaimKind::Quote(q.value.clone())), Vec::new()),
        (None, None, Some(s)) => (Some(ClaimKind::Statement(s.value.clone())), Vec::new()),
        _ => {
            errors.push(at.error(
                &id.referenced,
                id.value.len(),
                format!("claim `{}` says nothing to check", id.value),
                Some("add `claim:` (figures), `quote:` (exact words) or `statement:` (who said what)".into()),
            ));
            (None, Vec::new())
        }
    }
}

/// The templates of a figures claim, one for each wording that compiles; a wording
/// that cannot be a template is an error at the `claim:` value, naming claim `id`.
fn figure_templates(
    at: &Place,
    id: &str,
    wordings: &Spanned<Wordings>,
    errors: &mut Vec<RuleError>,
) -> Vec<Template> {
    let mut templates = Vec::new();
    for wording in &wordings.value.0 {
        match crate::template::compile(wording) {
            Ok(t) => templates.push(t),
            Err(problem) => {
                let width = at.rest_of_line(&wordings.referenced);
                errors.push(at.error(
                    &wordings.referenced,
                    width,
                    format!("claim `{id}`: {problem}"),
                    None,
                ));
            }
        }
    }
    templates
}

/// A claim's `id` names it in every report, so it must have words in it.
fn check_id_written(at: &Place, id: &Spanned<String>, errors: &mut Vec<RuleError>) {
    if id.value.trim().is_empty() {
        errors.push(at.error(
            &id.referenced,
            1,
            "a claim's `id` must not be empty".into(),
            None,
        ));
    }
}

/// The speaker of a claim, its `by:`, which must be the id of one of the `people:`;
/// an unknown id is an error suggesting the nearest one.
fn claim_speaker(
    at: &Place,
    by: Option<&Spanned<String>>,
    set: &RuleSet,
    errors: &mut Vec<RuleError>,
) -> Option<String> {
    let b = by?;
    if set.person(&b.value).is_none() {
        let ids: Vec<&str> = set.people.iter().map(|p| p.id.as_str()).collect();
        let help = match did_you_mean(&b.value, &ids) {
            Some(s) => format!("did you mean `{s}`?"),
            None if ids.is_empty() => "add the person under `people:` with this id".into(),
            None => format!("people are: {}", ids.join(", ")),
        };
        errors.push(at.error(
            &b.referenced,
            b.value.chars().count(),
            format!("`by: {}` names no person", b.value),
            Some(help),
        ));
    }
    Some(b.value.clone())
}

/// A quote or a statement is someone's words: it must say whose (`by:`).
fn require_speaker(
    at: &Place,
    id: &Spanned<String>,
    kind: Option<&ClaimKind>,
    has_speaker: bool,
    errors: &mut Vec<RuleError>,
) {
    if matches!(kind, Some(ClaimKind::Quote(_) | ClaimKind::Statement(_))) && !has_speaker {
        errors.push(at.error(
            &id.referenced,
            id.value.len(),
            format!("claim `{}` is a quote or statement with no `by:`", id.value),
            Some("add `by:` with the id of the person who said it".into()),
        ));
    }
}

/// The period a claim's figures cover (`period:`), or an error at it.
fn claim_period(
    at: &Place,
    period: Option<&Spanned<Scalar>>,
    errors: &mut Vec<RuleError>,
) -> Option<Period> {
    let p = period?;
    let parsed = parse_period(&p.value.0);
    if parsed.is_none() {
        errors.push(
            at.error(
                &p.referenced,
                p.value.0.chars().count(),
                format!("`{}` is not a period", p.value.0),
                Some(
                    "write 2025, 2025-H1, 2025-Q3, 2025-12, 2025-12-03 or 2025-01-01..2025-06-30"
                        .into(),
                ),
            ),
        );
    }
    parsed
}

/// How far an article's figure may be off and still agree (`tolerance:`), or an
/// error at it.
fn claim_tolerance(
    at: &Place,
    tolerance: Option<&Spanned<Scalar>>,
    errors: &mut Vec<RuleError>,
) -> Option<Tolerance> {
    let t = tolerance?;
    let parsed = parse_tolerance(&t.value.0);
    if parsed.is_none() {
        errors.push(at.error(
            &t.referenced,
            t.value.0.chars().count(),
            format!("`{}` is not a tolerance", t.value.0),
            Some("write a number in the figure's units (`1`, `50 million`) or a percentage of the value (`5%`, `5 percent`)".into()),
        ));
    }
    parsed
}

/// The severity a claim's findings carry instead of each code's default
/// (`severity: error` or `warning`), or an error at it.
fn claim_severity(
    at: &Place,
    severity: Option<&Spanned<String>>,
    errors: &mut Vec<RuleError>,
) -> Option<Severity> {
    let s = severity?;
    match s.value.as_str() {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        other => {
            let help =
                did_you_mean(other, &["error", "warning"]).map(|s| format!("did you mean `{s}`?"));
            errors.push(at.error(
                &s.referenced,
                other.chars().count(),
                format!("`{other}` is not a severity"),
                help.or(Some("use `error` or `warning`".into())),
            ));
            None
        }
    }
}

/// The share of a quote's or statement's content words a sentence must hold to be
/// about it (`similarity:`, 0 to 1), or an error at it.
fn claim_similarity(
    at: &Place,
    similarity: Option<&Spanned<Scalar>>,
    errors: &mut Vec<RuleError>,
) -> Option<f64> {
    let t = similarity?;
    match t.value.0.trim().parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Some(v),
        _ => {
            errors.push(at.error(
                &t.referenced,
                t.value.0.chars().count(),
                format!("`{}` is not a similarity", t.value.0),
                Some("write a share between 0 and 1, e.g. 0.6 for six words in ten".into()),
            ));
            None
        }
    }
}

/// A statement's or quote's folded content words, sorted (none for figures).
fn spoken_words(kind: &ClaimKind) -> Vec<String> {
    match kind {
        ClaimKind::Statement(text) | ClaimKind::Quote(text) => {
            let mut words: Vec<String> =
                crate::statements::content_words(text).into_iter().collect();
            words.sort_unstable();
            words
        }
        ClaimKind::Figures(_) => Vec::new(),
    }
}

/// Validates a claim's `examples:`. `claim_date` is the claim's own `date:`, the
/// publication date examples are read with unless they give their own.
fn validate_examples(
    at: &Place,
    id: &str,
    raw: &Spanned<RawExamples>,
    claim_date: Option<Date>,
    errors: &mut Vec<RuleError>,
) -> Examples {
    let ex = &raw.value;
    if ex.pass.is_empty() && ex.fail.is_empty() {
        errors.push(at.error(
            &raw.referenced,
            1,
            format!("the `examples` of claim `{id}` have no `pass` or `fail` sentences"),
            Some("add `pass: [...]` (sentences the claim accepts) or `fail: [...]` (sentences it must flag)".into()),
        ));
    }
    let date = match &ex.date {
        Some(d) => at.date(d, errors),
        None => claim_date,
    };
    let sentences = |list: &[Spanned<String>], errors: &mut Vec<RuleError>| -> Vec<Example> {
        list.iter()
            .filter_map(|s| {
                if s.value.trim().is_empty() {
                    errors.push(at.error(
                        &s.referenced,
                        1,
                        format!("an example of claim `{id}` is empty"),
                        Some("write a sentence the way an article would".into()),
                    ));
                    return None;
                }
                Some(Example {
                    text: s.value.clone(),
                    origin: at.origin(&s.referenced),
                })
            })
            .collect()
    };
    Examples {
        date,
        pass: sentences(&ex.pass, errors),
        fail: sentences(&ex.fail, errors),
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Reads a period: `2025`, `2025-H1`, `2025-Q3`, `2025-12`, `2025-12-03`, or
/// `START..END` with two dates.
pub fn parse_period(text: &str) -> Option<Period> {
    let t = text.trim();
    let label = t.to_string();
    if let Some((a, b)) = t.split_once("..") {
        let (start, end) = (
            a.trim().parse::<Date>().ok()?,
            b.trim().parse::<Date>().ok()?,
        );
        return (start <= end).then_some(Period { label, start, end });
    }
    if let Ok(day) = t.parse::<Date>() {
        return Some(Period {
            label,
            start: day,
            end: day,
        });
    }
    let (year, rest) = match t.split_once('-') {
        Some((y, r)) => (y, Some(r)),
        None => (t, None),
    };
    if year.len() != 4 {
        return None;
    }
    let year: i16 = year.parse().ok()?;
    let months = |first: i8, last: i8| -> Option<(Date, Date)> {
        let start = Date::new(year, first, 1).ok()?;
        let end = Date::new(year, last, 1).ok()?.last_of_month();
        Some((start, end))
    };
    let (start, end) = match rest.map(str::to_ascii_uppercase).as_deref() {
        None => months(1, 12)?,
        Some("H1") => months(1, 6)?,
        Some("H2") => months(7, 12)?,
        Some(q) if q.len() == 2 && q.starts_with('Q') => {
            let n: i8 = q[1..].parse().ok().filter(|n| (1..=4).contains(n))?;
            months(3 * n - 2, 3 * n)?
        }
        Some(m) => {
            let m: i8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
            months(m, m)?
        }
    };
    Some(Period { label, start, end })
}

/// Reads a tolerance: a percentage of the value (`5%`, `5 percent`, `5 per cent`,
/// `5pc`: relative), or a number or figure in the figure's units (`1`, `50 million`,
/// `$2 billion`: absolute). Anything else, a figure with words around it (`5% or
/// so`), a hedge (`about 5%`), a change (`+5%`) or a range, cannot be read and is
/// `None`: never a silent other meaning.
pub fn parse_tolerance(text: &str) -> Option<Tolerance> {
    use crate::extract::QuantityKind;
    let t = text.trim();
    if let Some(n) = t.strip_suffix('%')
        && n.starts_with(|c: char| c.is_ascii_digit() || c == '.')
    {
        return n
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| *v >= 0.0)
            .map(Tolerance::Relative);
    }
    if let Ok(v) = t.parse::<f64>()
        && t.starts_with(|c: char| c.is_ascii_digit() || c == '.')
    {
        return (v >= 0.0 && v.is_finite()).then_some(Tolerance::Absolute(v));
    }
    let q = crate::extract::quantity::quantities(t);
    let [one] = q.as_slice() else {
        return None;
    };
    let whole = one.span == (0..t.len());
    if !whole
        || one.value < 0.0
        || one.hedge.is_some()
        || one.direction.is_some()
        || one.upper.is_some()
    {
        return None;
    }
    match one.kind {
        QuantityKind::Percent => Some(Tolerance::Relative(one.value)),
        QuantityKind::Number | QuantityKind::Money { .. } | QuantityKind::Count { .. } => {
            Some(Tolerance::Absolute(one.value))
        }
        _ => None,
    }
}

/// Turns a YAML or schema error into a [`RuleError`], adding a did-you-mean for
/// unknown keys.
pub(crate) fn yaml_error(file: &str, text: &str, e: &serde_yaml::Error) -> RuleError {
    let at = Place { file, text };
    let loc = e.location().unwrap_or(serde_yaml::Location::UNKNOWN);
    // The parser wraps errors with the source windows it would render; look inside.
    let mut inner = e;
    while let serde_yaml::Error::WithSnippet { error, .. }
    | serde_yaml::Error::AliasError { error, .. } = inner
    {
        inner = error;
    }
    if let serde_yaml::Error::SerdeUnknownField {
        field,
        expected,
        location,
    } = inner
    {
        let help = match did_you_mean(field, expected) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("known keys here: {}", expected.join(", ")),
        };
        return at.error(
            location,
            field.chars().count(),
            format!("unknown key `{field}`"),
            Some(help),
        );
    }
    if let Some(message) = plain_yaml_message(inner) {
        let mut err = at.error(&loc, 1, message, None);
        if loc == serde_yaml::Location::UNKNOWN {
            (err.line, err.column) = (1, 1);
        }
        return err;
    }
    let options = serde_yaml::render_options! { snippets: serde_yaml::SnippetMode::Off };
    let rendered = e.render_with_options(options);
    let first = rendered.lines().next().unwrap_or("invalid YAML");
    // The plain rendering starts with its own "line N column M: "; the place is shown
    // separately, so keep only the message.
    let message = match first.split_once(": ") {
        Some((place, rest)) if place.starts_with("line ") || place.starts_with("error") => rest
            .split_once(": ")
            .filter(|(p, _)| p.starts_with("line "))
            .map_or(rest, |(_, r)| r),
        _ => first,
    };
    // ... and ends with its own " at line N, column M".
    let message = match message.rfind(" at line ") {
        Some(i) if message[i..].contains("column") => &message[..i],
        _ => message,
    };
    let (message, help) = match wrong_kind(message, key_before(text, loc.line(), loc.column())) {
        Some((message, help)) => (message, Some(help)),
        None => (message.to_string(), None),
    };
    let mut err = at.error(&loc, 1, message, help);
    if loc == serde_yaml::Location::UNKNOWN {
        err.line = 1;
        err.column = 1;
    }
    err
}

/// The YAML reader's "expected …" for a value of the wrong kind, said with the
/// key it belongs to (`None` for a list item) and how to write it instead.
fn wrong_kind(message: &str, key: Option<&str>) -> Option<(String, String)> {
    let (what, help) = match message {
        "expected sequence start" => (
            "a list",
            "write each item on a line of its own under it, starting with `- `",
        ),
        "expected mapping start" => (
            "keys and values",
            "write `key: value` lines, indented under it",
        ),
        "expected string scalar" => (
            "a text",
            "write the words after the key, in quotes if they hold a `:` or start with `[`",
        ),
        "invalid floating point" => ("a number", "write a figure such as 0.8"),
        _ => return None,
    };
    let message = match key {
        Some(key) => format!("`{key}:` takes {what} here"),
        None => format!("this list item takes {what} here"),
    };
    Some((message, help.to_string()))
}

/// The key whose value starts at `line` and `column` (1-based, in characters): the
/// word before the `:` that ends the line's text before it, `None` for a list
/// item's value (`- ...`) or anything else.
fn key_before(text: &str, line: u64, column: u64) -> Option<&str> {
    let line = text
        .lines()
        .nth(usize::try_from(line.checked_sub(1)?).ok()?)?;
    let column = usize::try_from(column).ok()?.saturating_sub(1);
    let head = line
        .char_indices()
        .nth(column)
        .map_or(line, |(i, _)| &line[..i]);
    let key = head.trim_end().strip_suffix(':')?;
    let key = key.trim_start().trim_start_matches("- ").trim();
    (!key.is_empty() && !key.contains(char::is_whitespace)).then_some(key)
}

/// The YAML reader's errors that speak its own language, said in words a rule
/// author knows. The limits are the reader's defaults, documented in the README.
fn plain_yaml_message(e: &serde_yaml::Error) -> Option<String> {
    use serde_yaml::budget::BudgetBreach as B;
    Some(match e {
        serde_yaml::Error::NonFiniteFloat { value, .. } => format!(
            "`{value}` is not a number claimcheck can use: write a figure such as 0.5, 2 or 5%"
        ),
        serde_yaml::Error::MultipleDocuments { .. } => "a second YAML document starts here (`---`): a rule file holds one; put these claims in the first part or in a file of their own".into(),
        serde_yaml::Error::Budget { breach, .. } => {
            let what = match breach {
                B::Nodes { .. } => "more than 250,000 values (keys, list items and texts)".to_string(),
                B::Depth { .. } => "lists or keys nested more than 64 levels deep".into(),
                B::ScalarBytes { .. } => "more than 64 MB of text".into(),
                B::Events { .. } => "more than 1,000,000 YAML elements".into(),
                B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => {
                    "too many anchors and aliases (`&name`, `*name`)".into()
                }
                B::Documents { .. } => "too many YAML documents".into(),
                _ => "more than the YAML reader's safety limits allow".into(),
            };
            format!("this file is too large for one rule file: {what}; split it into several files")
        }
        _ => return None,
    })
}

// The YAML as written. Every key is spanned so errors can point at it.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    #[allow(dead_code)] // accepted so rule files may name themselves; not shown yet
    title: Option<String>,
    #[serde(default)]
    people: Vec<Spanned<RawPerson>>,
    #[serde(default)]
    claims: Vec<Spanned<RawClaim>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Spanned<String>,
    claim: Option<Spanned<Wordings>>,
    quote: Option<Spanned<String>>,
    statement: Option<Spanned<String>>,
    by: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    #[serde(default)]
    near: Vec<Spanned<String>>,
    period: Option<Spanned<Scalar>>,
    tolerance: Option<Spanned<Scalar>>,
    source: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    similarity: Option<Spanned<Scalar>>,
    examples: Option<Spanned<RawExamples>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExamples {
    date: Option<Spanned<String>>,
    #[serde(default)]
    pass: Vec<Spanned<String>>,
    #[serde(default)]
    fail: Vec<Spanned<String>>,
}

/// `claim:` as one wording or a list of alternatives.
struct Wordings(Vec<String>);

impl<'de> Deserialize<'de> for Wordings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Wordings;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a wording or a list of alternative wordings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Wordings, E> {
                Ok(Wordings(vec![v.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Wordings, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                if out.is_empty() {
                    return Err(de::Error::custom("the list of wordings is empty"));
                }
                Ok(Wordings(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A scalar read as text whatever its YAML type (`tolerance: 1`, `tolerance: 5%`,
/// `period: 2025`).
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a percentage")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The JSON Schema (draft 2020-12) of a rule file, for editors: completion, hover
/// text and red squiggles while writing rules. It accepts what [`parse`] accepts
/// and, like the loader, refuses unknown keys (`additionalProperties: false`). What
/// a schema cannot express (that a `by:` names a listed person, that a template has
/// a figure, that a date exists in the calendar) is left to `claimcheck rules check`.
pub fn schema() -> serde_json::Value {
    let text = text_type();
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claimcheck rule file",
        "description": "A desk's checked facts: the people who can be quoted and the claim templates articles are held to.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "title": {
                "description": "What the rule file is about; free text.",
                "type": text
            },
            "people": {
                "description": "Who can be quoted: people, or institutions that speak (a ministry, a company).",
                "type": "array",
                "items": { "$ref": "#/$defs/person" }
            },
            "claims": {
                "description": "The facts to hold articles to. Each is a `claim` (figures), a `quote` (exact words) or a `statement` (who said what, and when).",
                "type": "array",
                "items": { "$ref": "#/$defs/claim" }
            }
        },
        "$defs": {
            "person": person_schema(),
            "claim": claim_schema(),
            "examples": examples_schema(),
            "date": date_schema()
        }
    })
}

/// The types the loader reads as text: any scalar (`near: [2012]` is the text
/// "2012"); `claim:` alone wants a string, as its wording is read as one.
fn text_type() -> serde_json::Value {
    serde_json::json!(["string", "number", "boolean"])
}

/// A list of texts, with its hover description.
fn text_list_schema(description: &str) -> serde_json::Value {
    serde_json::json!({ "description": description, "type": "array", "items": { "type": text_type() } })
}

/// A list of example sentences, none of them blank, with its hover description.
fn sentences_schema(description: &str) -> serde_json::Value {
    serde_json::json!({
        "description": description,
        "type": "array",
        "items": { "type": text_type(), "pattern": "\\S" }
    })
}

/// A `YYYY-MM-DD` date, as `date:` keys take it.
fn date_schema() -> serde_json::Value {
    serde_json::json!({
        "type": "string",
        "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$",
        "examples": ["2025-12-04"]
    })
}

/// A person who can be quoted (`people:`): the id claims name in `by:`, the full
/// name and the other names articles use.
fn person_schema() -> serde_json::Value {
    let text = text_type();
    serde_json::json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "name"],
        "properties": {
            "id": {
                "description": "How claims name this person in `by:`; unique across all rule files.",
                "type": text
            },
            "name": {
                "description": "The full name, as reports print it and as articles may write it.",
                "type": text
            },
            "aliases": text_list_schema("Other names articles use for this person (\"Kobakhidze\", \"Georgian prime minister\"), matched case-insensitively.")
        }
    })
}

/// A claim: its id, what it checks and who said it ([`claim_content_properties`]),
/// and how strictly articles are held to it ([`claim_strictness_properties`]).
fn claim_schema() -> serde_json::Value {
    let mut claim = serde_json::json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id"],
        "oneOf": [
            { "required": ["claim"] },
            { "required": ["quote"] },
            { "required": ["statement"] }
        ],
        "dependentRequired": {
            "quote": ["by"],
            "statement": ["by"]
        },
    });
    let mut properties = claim_content_properties();
    properties.append(&mut claim_strictness_properties());
    claim["properties"] = serde_json::Value::Object(properties);
    claim
}

/// The keys of a claim that say what it checks and who said it, when: `id`,
/// `claim`, `quote`, `statement`, `by`, `date`.
fn claim_content_properties() -> serde_json::Map<String, serde_json::Value> {
    let text = text_type();
    let serde_json::Value::Object(properties) = serde_json::json!({
        "id": {
            "description": "The claim's name in reports; unique across all rule files.",
            "type": text,
            "pattern": "\\S"
        },
        "claim": {
            "description": "Figures to check, with the words that anchor them (\"$1.3B trade, +7%\"): one wording, or a list of alternative wordings. Write {number}, {percent}, {money}, {year} or {count} instead of a figure to leave its value open.",
            "oneOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": text }, "minItems": 1 }
            ]
        },
        "quote": {
            "description": "Someone's exact words. Quoted words attributed to `by` that differ are quote-drift; these words put in another's mouth are quote-misattribution.",
            "type": text
        },
        "statement": {
            "description": "What someone said, in any words. A sentence reporting it must give its `date`.",
            "type": text
        },
        "by": {
            "description": "The `id` of the person who said it, from `people`; required for `quote` and `statement`.",
            "type": text
        },
        "date": {
            "description": "The day it was said, YYYY-MM-DD.",
            "$ref": "#/$defs/date"
        }
    }) else {
        unreachable!("a JSON object literal is an object")
    };
    properties
}

/// The keys of a claim that say how strictly articles are held to it: `near`,
/// `period`, `tolerance`, `source`, `severity`, `similarity`, `examples`.
fn claim_strictness_properties() -> serde_json::Map<String, serde_json::Value> {
    let text = text_type();
    let serde_json::Value::Object(properties) = serde_json::json!({
        "near": text_list_schema("Words or phrases that must also be in a matching sentence."),
        "period": {
            "description": "The period the figures cover: 2025, 2025-H1, 2025-Q3, 2025-12, 2025-12-03, or 2025-01-01..2025-06-30.",
            "oneOf": [
                { "type": "integer", "minimum": 1000, "maximum": 9999 },
                {
                    "type": "string",
                    "pattern": "^\\s*[0-9]{4}(-([Hh][12]|[Qq][1-4]|[0-9]{2}|[0-9]{2}-[0-9]{2}))?\\s*$|^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*\\.\\.\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$"
                }
            ]
        },
        "tolerance": {
            "description": "How far a figure may be off and still agree: a number in the figure's units (1 for one percentage point, \"50 million\"), or a share of the value (\"5%\").",
            "oneOf": [
                { "type": "number", "minimum": 0 },
                { "type": "string" }
            ]
        },
        "source": {
            "description": "Where the fact comes from; free text shown with every finding.",
            "type": text
        },
        "severity": {
            "description": "The severity of this claim's findings, instead of each code's default.",
            "enum": ["error", "warning"]
        },
        "similarity": {
            "description": "For `statement` and `quote`: the share of its content words (0 to 1, default 0.5) a sentence must hold to be about it.",
            "oneOf": [
                { "type": "number", "minimum": 0, "maximum": 1 },
                { "type": "string", "pattern": "^\\s*(0(\\.[0-9]*)?|1(\\.0*)?|\\.[0-9]+)\\s*$" }
            ]
        },
        "examples": { "$ref": "#/$defs/examples" }
    }) else {
        unreachable!("a JSON object literal is an object")
    };
    properties
}

/// A claim's `examples:`, the sentences `claimcheck rules test` runs it on.
fn examples_schema() -> serde_json::Value {
    serde_json::json!({
        "description": "Sentences that test the claim itself, run by `claimcheck rules test`: each `pass` sentence must raise no finding of this claim, each `fail` sentence at least one.",
        "type": "object",
        "additionalProperties": false,
        "anyOf": [
            { "required": ["pass"], "properties": { "pass": { "minItems": 1 } } },
            { "required": ["fail"], "properties": { "fail": { "minItems": 1 } } }
        ],
        "properties": {
            "date": {
                "description": "The publication date the sentences are read with, so that \"on Wednesday\" or \"yesterday\" resolve; YYYY-MM-DD. Default: the claim's `date`.",
                "$ref": "#/$defs/date"
            },
            "pass": sentences_schema("Sentences the claim must accept: they raise no finding of this claim."),
            "fail": sentences_schema("Sentences the claim must flag: each raises at least one finding of this claim (value-mismatch, period-mismatch, date-mismatch, quote-drift or quote-misattribution).")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(yaml: &str) -> Result<RuleSet, RuleErrors> {
        parse(&[("r.yaml".to_string(), yaml.to_string())])
    }

    fn only_error(yaml: &str) -> RuleError {
        let errs = load(yaml).expect_err("should be refused").0;
        assert_eq!(errs.len(), 1, "{errs:?}");
        errs.into_iter().next().unwrap()
    }

    const PEOPLE: &str =
        "people:\n  - id: zakharova\n    name: Maria Zakharova\n    aliases: [Zakharova]\n";

    #[test]
    fn reads_every_kind_of_claim() {
        let yaml = format!(
            "{PEOPLE}claims:\n  - id: t\n    claim: \"20% of territory\"\n    source: wire\n    severity: warning\n    tolerance: 1\n  - id: g\n    claim: [\"in power since 2012\", \"took office in 2012\"]\n    near: [Georgian Dream]\n    period: 2025-H1\n  - id: s\n    statement: Moscow is ready\n    by: zakharova\n    date: 2025-12-04\n"
        );
        let set = load(&yaml).unwrap();
        assert_eq!(set.claims.len(), 3);
        let t = &set.claims[0];
        assert_eq!(t.kind, ClaimKind::Figures(vec!["20% of territory".into()]));
        assert_eq!(
            (t.severity, t.tolerance),
            (Some(Severity::Warning), Some(Tolerance::Absolute(1.0)))
        );
        assert_eq!(
            t.origin,
            Origin {
                file: "r.yaml".into(),
                line: 6,
                column: 9
            }
        );
        let g = &set.claims[1];
        assert_eq!(g.near, ["Georgian Dream"]);
        assert_eq!(g.period.as_ref().unwrap().end.to_string(), "2025-06-30");
        assert_eq!(set.claims[2].date.unwrap().to_string(), "2025-12-04");
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let e = only_error("claims:\n  - id: t\n    claim: \"20% of x\"\n    tolerence: 1\n");
        assert_eq!((e.line, e.column, e.width), (4, 5, 9));
        assert_eq!(e.message, "unknown key `tolerence`");
        assert_eq!(e.help.as_deref(), Some("did you mean `tolerance`?"));
        assert_eq!(e.source_line, "    tolerence: 1");
    }

    #[test]
    fn a_value_of_the_wrong_kind_names_its_key() {
        let cases = [
            ("claims: \"oops\"\n", (1, 9), "`claims:` takes a list here"),
            (
                "people:\n  - id: a\n    name: A B\n    aliases: 5\n",
                (4, 14),
                "`aliases:` takes a list here",
            ),
            (
                "claims:\n  - \"just text\"\n",
                (2, 5),
                "this list item takes keys and values here",
            ),
            (
                "people:\n  - id: a\n    name: [A, B]\n",
                (3, 11),
                "`name:` takes a text here",
            ),
        ];
        for (text, place, message) in cases {
            let e = only_error(text);
            assert_eq!((e.line, e.column), place, "{text}");
            assert_eq!(e.message, message, "{text}");
            assert!(e.help.is_some(), "{text}");
        }
        // A value of the right kind is no error at all.
        assert!(
            parse(&[(
                "r.yaml".into(),
                "people:\n  - id: a\n    name: A B\n    aliases: [B]\n".into()
            )])
            .is_ok()
        );
    }

    #[test]
    fn key_before_a_value() {
        let text = "claims:\n  - claim: x\n    near: 3\n  - 5\n";
        assert_eq!(key_before(text, 1, 8), Some("claims"));
        assert_eq!(key_before(text, 2, 12), Some("claim"));
        assert_eq!(key_before(text, 3, 11), Some("near"));
        assert_eq!(key_before(text, 4, 5), None);
        assert_eq!(key_before(text, 9, 1), None);
        assert_eq!(key_before(text, 0, 1), None);
        assert_eq!(key_before("é: x", 1, 4), Some("é"));
    }

    #[test]
    fn unknown_top_level_key() {
        let e = only_error("claim:\n  - id: t\n");
        assert_eq!((e.line, e.column), (1, 1));
        assert_eq!(e.help.as_deref(), Some("did you mean `claims`?"));
    }

    #[test]
    fn duplicate_ids_point_at_the_second() {
        let e = only_error(
            "claims:\n  - id: t\n    claim: \"20% of x\"\n  - id: t\n    claim: \"30% of y\"\n",
        );
        assert_eq!((e.line, e.column), (4, 9));
        assert_eq!(e.message, "duplicate claim id `t`");
        assert_eq!(e.help.as_deref(), Some("the first is at r.yaml:2:9"));
    }

    #[test]
    fn by_must_name_a_person() {
        let e = only_error(&format!(
            "{PEOPLE}claims:\n  - id: s\n    statement: x\n    by: zakharva\n"
        ));
        assert_eq!((e.line, e.column), (8, 9));
        assert_eq!(e.message, "`by: zakharva` names no person");
        assert_eq!(e.help.as_deref(), Some("did you mean `zakharova`?"));
    }

    #[test]
    fn invalid_date() {
        let e = only_error(&format!(
            "{PEOPLE}claims:\n  - id: s\n    statement: x\n    by: zakharova\n    date: 2025-02-30\n"
        ));
        assert_eq!((e.line, e.column), (9, 11));
        assert_eq!(e.message, "`2025-02-30` is not a valid date");
    }

    #[test]
    fn template_needs_a_figure_or_a_slot() {
        let e = only_error("claims:\n  - id: t\n    claim: \"of territory\"\n");
        assert_eq!((e.line, e.column), (3, 12));
        assert!(e.message.contains("no figure and no slot"), "{}", e.message);
    }

    #[test]
    fn unknown_slot_is_refused() {
        let e = only_error("claims:\n  - id: t\n    claim: \"{percnt} of territory\"\n");
        assert!(
            e.message.contains("unknown slot `{percnt}`"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("did you mean `{percent}`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn quote_needs_by() {
        let e = only_error("claims:\n  - id: q\n    quote: \"We stand firm.\"\n");
        assert!(e.message.contains("no `by:`"), "{}", e.message);
    }

    #[test]
    fn bad_yaml_points_at_the_place() {
        let e = only_error("claims: [\n");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("unclosed"), "{}", e.message);
    }

    #[test]
    fn duplicate_key_is_refused() {
        let e = only_error("claims:\n  - id: a\n    id: b\n    claim: \"5%\"\n");
        assert_eq!((e.line, e.column), (3, 5));
        assert!(e.message.contains("duplicate"), "{}", e.message);
    }

    #[test]
    fn all_errors_are_reported_at_once() {
        let errs = load("claims:\n  - id: a\n    claim: \"of x\"\n  - id: b\n    claim: \"5% of y\"\n    period: 2025-H3\n").unwrap_err().0;
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[1].line, 6);
    }

    #[test]
    fn periods() {
        let cases = [
            ("2025", "2025-01-01", "2025-12-31"),
            ("2025-H1", "2025-01-01", "2025-06-30"),
            ("2025-h2", "2025-07-01", "2025-12-31"),
            ("2025-Q3", "2025-07-01", "2025-09-30"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2025-12-03", "2025-12-03", "2025-12-03"),
            ("2025-01-01..2025-03-31", "2025-01-01", "2025-03-31"),
        ];
        for (text, start, end) in cases {
            let p = parse_period(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (p.start.to_string(), p.end.to_string()),
                (start.into(), end.into()),
                "{text}"
            );
        }
        for bad in [
            "2025-Q5",
            "2025-H3",
            "25",
            "2025-13",
            "2025-03-01..2025-01-01",
            "soon",
        ] {
            assert!(parse_period(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn tolerances() {
        assert_eq!(parse_tolerance("5%"), Some(Tolerance::Relative(5.0)));
        assert_eq!(parse_tolerance("0.5"), Some(Tolerance::Absolute(0.5)));
        assert_eq!(parse_tolerance("-1"), None);
        assert_eq!(parse_tolerance("lots"), None);
        // Percent words are relative, like the sign.
        for relative in [
            "5%",
            "5 percent",
            "5 per cent",
            "5pc",
            "5 pct",
            " 5 Percent ",
        ] {
            assert_eq!(
                parse_tolerance(relative),
                Some(Tolerance::Relative(5.0)),
                "{relative}"
            );
        }
        assert_eq!(
            parse_tolerance("50 million"),
            Some(Tolerance::Absolute(5e7))
        );
        assert_eq!(
            parse_tolerance("$2 billion"),
            Some(Tolerance::Absolute(2e9))
        );
        // What cannot be read is refused, never read as something else.
        for unreadable in [
            "5% or so",
            "about 5%",
            "+5%",
            "5-10%",
            "5 percentage points",
            "five percent-ish",
            "5 per",
            "NaN",
            "inf",
        ] {
            assert_eq!(parse_tolerance(unreadable), None, "{unreadable}");
        }
    }

    #[test]
    fn examples_are_read_with_their_places_and_date() {
        let set = load(&format!(
            "{PEOPLE}claims:\n  - id: s\n    statement: Moscow is ready\n    by: zakharova\n    date: 2025-12-04\n    examples:\n      pass: [\"Zakharova said on Thursday that Moscow is ready.\"]\n      fail:\n        - Zakharova said on December 4, 2024, that Moscow is ready.\n  - id: t\n    claim: \"20% of territory\"\n    examples: {{date: 2025-12-10, fail: [\"25% of territory\"]}}\n"
        ))
        .unwrap();
        let s = &set.claims[0].examples;
        assert_eq!(
            s.date.unwrap().to_string(),
            "2025-12-04",
            "the claim's date"
        );
        assert_eq!(
            s.pass[0].text,
            "Zakharova said on Thursday that Moscow is ready."
        );
        assert_eq!((s.pass[0].origin.line, s.pass[0].origin.column), (11, 14));
        assert_eq!((s.fail[0].origin.line, s.fail[0].origin.column), (13, 11));
        let t = &set.claims[1].examples;
        assert_eq!(t.date.unwrap().to_string(), "2025-12-10", "their own date");
        assert!(t.pass.is_empty());
        assert_eq!(t.len(), 1);
        assert!(set.claims.iter().all(|c| !c.examples.is_empty()));
    }

    #[test]
    fn unknown_example_key_suggests_the_right_one() {
        let e = only_error(
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    examples:\n      fails: [\"25% of x\"]\n",
        );
        assert_eq!((e.line, e.column), (5, 7));
        assert_eq!(e.message, "unknown key `fails`");
        assert_eq!(e.help.as_deref(), Some("did you mean `fail`?"));
    }

    #[test]
    fn examples_must_hold_sentences_and_a_real_date() {
        let e = only_error("claims:\n  - id: t\n    claim: \"20% of x\"\n    examples: {}\n");
        assert!(e.message.contains("no `pass` or `fail`"), "{}", e.message);
        assert_eq!(e.line, 4);
        let e = only_error(
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    examples:\n      date: 2025-13-01\n      pass: [\"20% of x\"]\n",
        );
        assert_eq!((e.line, e.column), (5, 13));
        assert_eq!(e.message, "`2025-13-01` is not a valid date");
        let e = only_error(
            "claims:\n  - id: t\n    claim: \"20% of x\"\n    examples:\n      pass: [\"  \"]\n",
        );
        assert!(e.message.contains("is empty"), "{}", e.message);
    }

    #[test]
    fn claim_keys_are_the_keys_the_loader_knows() {
        let unknown = |yaml: &str| -> Vec<String> {
            let e = serde_yaml::from_str::<RawFile>(yaml)
                .err()
                .expect("refused");
            let mut inner = &e;
            while let serde_yaml::Error::WithSnippet { error, .. } = inner {
                inner = error;
            }
            match inner {
                serde_yaml::Error::SerdeUnknownField { expected, .. } => {
                    let mut v: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
                    v.sort();
                    v
                }
                other => panic!("{other:?}"),
            }
        };
        let sorted = |keys: &[&str]| {
            let mut v: Vec<String> = keys.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(
            unknown("claims:\n  - id: t\n    zzz: 1\n"),
            sorted(CLAIM_KEYS)
        );
        assert_eq!(
            unknown("claims:\n  - id: t\n    examples: {zzz: 1}\n"),
            sorted(EXAMPLE_KEYS)
        );
        // The schema lists the same keys.
        let schema = schema();
        let props = |def: &str| {
            let mut v: Vec<String> = schema["$defs"][def]["properties"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            v.sort();
            v
        };
        assert_eq!(props("claim"), sorted(CLAIM_KEYS));
        assert_eq!(props("examples"), sorted(EXAMPLE_KEYS));
        assert_eq!(props("person"), sorted(&["id", "name", "aliases"]));
    }

    #[test]
    fn person_origins_follow_people() {
        let set = load(PEOPLE).unwrap();
        assert_eq!(set.person_origins.len(), set.people.len());
        assert_eq!(set.person_origins[0].line, 2);
    }
}
