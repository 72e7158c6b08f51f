//! `claimcheck.yaml`: a desk's settings for a story folder, found upward from each
//! checked file (the nearest wins).
//!
//! ```yaml
//! rules: [../rules]          # rule files or folders, relative to this file
//! include: ["*.md"]          # only these files, when walking (gitignore-style globs)
//! exclude: [drafts/]         # never these
//! severity:
//!   quote-drift: error       # a finding code...
//!   trade-h1-2025: warning   # ...or a claim id (wins over its code)
//! similarity:
//!   statement: 0.5           # share of a statement's content words a sentence needs
//!   quote: 0.3               # share of a quotation's content words that must be recorded
//! date: 2025-12-04           # publication date of documents that give none
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;
use serde_yaml::Spanned;

use crate::finding::{Code, Finding, Severity};
use crate::rules::{Place, RuleError, RuleErrors, RuleSet, yaml_error};

/// The file name claimcheck looks for.
pub const FILE_NAME: &str = "claimcheck.yaml";

/// A loaded configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it came from (`None`: no configuration, the defaults).
    pub file: Option<PathBuf>,
    /// Rule files or folders, resolved against the configuration's folder.
    pub rules: Vec<PathBuf>,
    /// Globs a walked file must match (all files when empty).
    pub include: Vec<String>,
    /// Globs of walked files to leave out.
    pub exclude: Vec<String>,
    /// Severities by finding code or claim id, with where each is set.
    pub severity: Vec<(String, Severity, usize)>,
    /// The statement similarity threshold.
    pub statement_similarity: Option<f64>,
    /// The quote drift threshold.
    pub quote_similarity: Option<f64>,
    /// The publication date of documents that give none.
    pub date: Option<Date>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Vec<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
    similarity: Option<RawSimilarity>,
    date: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSimilarity {
    statement: Option<Spanned<f64>>,
    quote: Option<Spanned<f64>>,
}

/// The nearest `claimcheck.yaml` in `dir` or a folder above it.
pub fn find(dir: &Path) -> Option<PathBuf> {
    let start = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let absolute = std::fs::canonicalize(start).ok()?;
    absolute
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and validates a configuration file. `name` is how errors name it.
pub fn load(path: &Path, name: &str) -> Result<Config, RuleErrors> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        RuleErrors(vec![RuleError {
            file: name.to_string(),
            line: 0,
            column: 0,
            width: 1,
            message: format!("cannot read: {e}"),
            help: None,
            source_line: String::new(),
        }])
    })?;
    parse(&text, name, path.parent().unwrap_or(Path::new(".")))
}

/// Validates configuration text; relative rule paths resolve against `dir`.
pub fn parse(text: &str, name: &str, dir: &Path) -> Result<Config, RuleErrors> {
    let raw: RawConfig =
        serde_yaml::from_str(text).map_err(|e| RuleErrors(vec![yaml_error(name, text, &e)]))?;
    let at = Place { file: name, text };
    let mut errors = Vec::new();
    let mut severity = Vec::new();
    for (key, value) in &raw.severity {
        match value.value.as_str() {
            "error" => severity.push((
                key.clone(),
                Severity::Error,
                value.referenced.line() as usize,
            )),
            "warning" => severity.push((
                key.clone(),
                Severity::Warning,
                value.referenced.line() as usize,
            )),
            other => errors.push(at.error(
                &value.referenced,
                other.chars().count(),
                format!("`{other}` is not a severity (for `{key}`)"),
                Some("use `error` or `warning`".into()),
            )),
        }
    }
    let mut share = |v: &Option<Spanned<f64>>, what: &str| {
        v.as_ref().and_then(|s| {
            if (0.0..=1.0).contains(&s.value) {
                Some(s.value)
            } else {
                errors.push(at.error(
                    &s.referenced,
                    1,
                    format!(
                        "similarity `{what}` must be between 0 and 1, not {}",
                        s.value
                    ),
                    None,
                ));
                None
            }
        })
    };
    let statement_similarity = raw
        .similarity
        .as_ref()
        .and_then(|s| share(&s.statement, "statement"));
    let quote_similarity = raw
        .similarity
        .as_ref()
        .and_then(|s| share(&s.quote, "quote"));
    let date = raw.date.as_ref().and_then(|d| at.date(d, &mut errors));
    for g in raw.include.iter().chain(&raw.exclude) {
        if let Err(e) = ignore::overrides::OverrideBuilder::new("/").add(&g.value) {
            errors.push(at.error(
                &g.referenced,
                g.value.chars().count(),
                format!(
                    "`{}` is not a valid glob: {}",
                    g.value,
                    crate::walk::glob_error(&e)
                ),
                Some("globs use gitignore syntax, e.g. drafts/ or *.md".into()),
            ));
        }
    }
    let reach = Reach::of(dir);
    for r in &raw.rules {
        if let Some(why) = reach.refuses(&dir.join(&r.value)) {
            errors.push(at.error(
                &r.referenced,
                r.value.chars().count(),
                format!("rules: `{}` {why}", r.value),
                Some("--rules on the command line may name any rule file".into()),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(RuleErrors(errors));
    }
    let text = |v: Vec<Spanned<String>>| v.into_iter().map(|s| s.value).collect::<Vec<_>>();
    Ok(Config {
        file: Some(PathBuf::from(name)),
        rules: raw.rules.iter().map(|r| dir.join(&r.value)).collect(),
        include: text(raw.include),
        exclude: text(raw.exclude),
        severity,
        statement_similarity,
        quote_similarity,
        date,
    })
}

/// What a configuration may reach: the folder tree it governs, or the git
/// repository holding it. In CI the configuration comes with the pull request, so
/// it must not name `/etc/passwd` or `../secret.yml` as a rule file.
struct Reach {
    root: PathBuf,
}

impl Reach {
    fn of(dir: &Path) -> Reach {
        let dir = real(dir);
        let root = dir
            .ancestors()
            .find(|d| d.join(".git").exists())
            .unwrap_or(&dir)
            .to_path_buf();
        Reach { root }
    }

    /// Why `path` may not be named as rules, if it may not.
    fn refuses(&self, path: &Path) -> Option<&'static str> {
        let real = real(path);
        if !real.starts_with(&self.root) {
            return Some(
                "is outside the folder this configuration governs and its repository: a claimcheck.yaml may name rule files only inside them",
            );
        }
        // One that does not exist is reported when the rules are loaded.
        let Ok(meta) = std::fs::metadata(&real) else {
            return None;
        };
        let name = path.to_string_lossy();
        if !meta.is_dir() && !crate::rules::is_rule_file_name(&name) {
            return Some("is not a rule file (.yaml or .yml) or a folder of them");
        }
        None
    }
}

/// `path` made absolute, `..` resolved, and symbolic links resolved where it exists.
fn real(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    // The nearest existing folder above it may itself be a link.
    match out.ancestors().find(|a| a.exists()) {
        Some(existing) => {
            let rest = out
                .strip_prefix(existing)
                .unwrap_or(Path::new(""))
                .to_path_buf();
            std::fs::canonicalize(existing).map_or(out.clone(), |e| e.join(rest))
        }
        None => out,
    }
}

impl Config {
    /// Checks that every `severity:` key names a finding code or a claim of `rules`.
    pub fn check_names(&self, rules: &RuleSet) -> Result<(), RuleErrors> {
        let file = self
            .file
            .as_ref()
            .map_or(String::new(), |f| f.display().to_string());
        let errors: Vec<RuleError> = self
            .severity
            .iter()
            .filter(|(key, _, _)| {
                Code::from_name(key).is_none() && !rules.claims.iter().any(|c| &c.id == key)
            })
            .map(|(key, _, line)| RuleError {
                file: file.clone(),
                line: *line,
                column: 1,
                width: key.chars().count(),
                message: format!("severity: `{key}` is neither a finding code nor a claim id"),
                help: Some(format!(
                    "codes are {}",
                    Code::ALL
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                source_line: String::new(),
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(RuleErrors(errors))
        }
    }

    /// Applies the severity overrides: a claim's id wins over its code.
    pub fn apply(&self, f: &mut Finding) {
        let by = |name: &str| {
            self.severity
                .iter()
                .find(|(k, _, _)| k == name)
                .map(|(_, s, _)| *s)
        };
        if let Some(s) = f
            .rule
            .as_deref()
            .and_then(by)
            .or_else(|| by(f.code.as_str()))
        {
            f.severity = s;
        }
    }
}

impl fmt::Display for Config {
    /// The resolved configuration, as `claimcheck config` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => writeln!(f, "# from {}", file.display())?,
            None => writeln!(f, "# no {FILE_NAME} found: the defaults")?,
        }
        let list = |v: &[String]| format!("[{}]", v.join(", "));
        let rules: Vec<String> = self.rules.iter().map(|r| r.display().to_string()).collect();
        writeln!(
            f,
            "rules: {}",
            if rules.is_empty() {
                "[] # the nearest rules/ folder".into()
            } else {
                list(&rules)
            }
        )?;
        writeln!(f, "include: {}", list(&self.include))?;
        writeln!(f, "exclude: {}", list(&self.exclude))?;
        if self.severity.is_empty() {
            writeln!(f, "severity: {{}}")?;
        } else {
            writeln!(f, "severity:")?;
            for (k, s, _) in &self.severity {
                writeln!(f, "  {k}: {s}")?;
            }
        }
        writeln!(f, "similarity:")?;
        writeln!(
            f,
            "  statement: {}",
            self.statement_similarity
                .unwrap_or(crate::statements::DEFAULT_SIMILARITY)
        )?;
        writeln!(
            f,
            "  quote: {}",
            self.quote_similarity
                .unwrap_or(crate::quotes::DRIFT_COVERAGE)
        )?;
        match self.date {
            Some(d) => writeln!(f, "date: {d}"),
            None => writeln!(
                f,
                "date: null # documents without a date of their own have none"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let text = "rules: [../rules]\ninclude: [\"*.md\"]\nexclude: [drafts/]\nseverity:\n  quote-drift: error\nsimilarity:\n  statement: 0.6\n  quote: 0.4\ndate: 2025-12-04\n";
        let c = parse(text, "desk/claimcheck.yaml", Path::new("desk")).unwrap();
        assert_eq!(c.rules, [PathBuf::from("desk/../rules")]);
        assert_eq!((c.include.len(), c.exclude.len()), (1, 1));
        assert_eq!(
            c.severity,
            [("quote-drift".to_string(), Severity::Error, 5)]
        );
        assert_eq!(
            (c.statement_similarity, c.quote_similarity),
            (Some(0.6), Some(0.4))
        );
        assert_eq!(c.date.unwrap().to_string(), "2025-12-04");
    }

    #[test]
    fn rules_only_inside_the_tree_or_its_repository() {
        let outside = std::env::temp_dir().join("claimcheck-reach-test");
        let desk = outside.join("desk");
        std::fs::create_dir_all(desk.join("rules")).unwrap();
        let _ = std::fs::remove_dir_all(outside.join(".git"));
        let refused = |yaml: &str| -> Vec<String> {
            parse(yaml, "c.yaml", &desk)
                .err()
                .map(|e| e.0.into_iter().map(|x| x.message).collect())
                .unwrap_or_default()
        };
        assert!(refused("rules: [rules, rules/a.yml]\n").is_empty());
        for bad in ["/etc/passwd", "../secret.yml", "rules/../../x.yaml"] {
            let m = refused(&format!("rules: [\"{bad}\"]\n"));
            assert!(
                m.len() == 1 && m[0].contains("is outside the folder"),
                "{bad}: {m:?}"
            );
        }
        std::fs::write(desk.join("notes.md"), "Not rules.\n").unwrap();
        assert!(refused("rules: [notes.md]\n")[0].contains("is not a rule file"));
        // Inside a repository, the whole repository may be reached.
        std::fs::create_dir_all(outside.join(".git")).unwrap();
        assert!(refused("rules: [../shared.yaml]\n").is_empty());
        assert!(!refused("rules: [/etc/passwd]\n").is_empty());
        std::fs::remove_dir_all(outside.join(".git")).unwrap();
    }

    #[test]
    fn invalid_globs_are_errors() {
        let e = parse(
            "include: [\"*.md\"]\nexclude: [\"drafts/[\"]\n",
            "c.yaml",
            Path::new("."),
        )
        .unwrap_err()
        .0;
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 2);
        assert!(
            e[0].message.starts_with("`drafts/[` is not a valid glob"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn unknown_keys_and_bad_values_point_at_their_line() {
        let e = parse("rules: []\nexlcude: [x]\n", "c.yaml", Path::new("."))
            .unwrap_err()
            .0;
        assert_eq!(
            (e[0].line, e[0].message.as_str()),
            (2, "unknown key `exlcude`")
        );
        assert_eq!(e[0].help.as_deref(), Some("did you mean `exclude`?"));
        let e = parse(
            "severity:\n  quote-drift: fatal\ndate: 2025-13-01\n",
            "c.yaml",
            Path::new("."),
        )
        .unwrap_err()
        .0;
        assert_eq!(e.iter().map(|x| x.line).collect::<Vec<_>>(), [2, 3]);
    }
}
