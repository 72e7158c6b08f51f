//! The SARIF 2.1.0 report, for code-scanning services and editors (GitHub code
//! scanning, the VS Code SARIF viewer, and others).
//!
//! One run with every finding code as a rule, one result per finding, and a
//! line-independent fingerprint per result so a service can follow a finding from
//! one commit to the next when the lines around it move. Columns count Unicode
//! characters, which the run states with `columnKind: "unicodeCodePoints"`.
//!
//! The output is deterministic: the same outcome and tool version give the same
//! bytes.

use std::collections::HashMap;

use serde::Serialize;

use super::Outcome;
use crate::finding::{Code, Finding, Related, Severity};

/// The schema the log names in `$schema`: the OASIS SARIF 2.1.0 schema (errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF version the log is written in.
pub const SARIF_VERSION: &str = "2.1.0";

/// The key of claimcheck's fingerprint in each result's `partialFingerprints`. The
/// `v1` changes if the way the fingerprint is computed ever changes.
pub const FINGERPRINT_KEY: &str = "claimcheck/v1";

/// The tool's name in `tool.driver.name`.
const TOOL_NAME: &str = "claimcheck";

/// Renders `outcome` as a SARIF 2.1.0 log, pretty-printed, ending with a newline.
/// `tool_version` goes into `tool.driver.version` (the CLI passes its own version).
pub fn render(outcome: &Outcome, tool_version: &str) -> String {
    let mut out = Vec::new();
    write(outcome, tool_version, &mut out).expect("a SARIF log always serializes");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes what [`render`] gives to `out` as it goes, without holding the whole log
/// as one string (an archive's log can be larger than its articles).
pub fn write(
    outcome: &Outcome,
    tool_version: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut artifacts = Artifacts::default();
    let mut ordinals: HashMap<u64, usize> = HashMap::new();
    let results = outcome
        .findings
        .iter()
        .map(|finding| {
            let key = fingerprint_hash(finding);
            let ordinal = ordinals.entry(key).or_insert(0);
            *ordinal += 1;
            result(finding, format!("{key:016x}:{ordinal}"), &mut artifacts)
        })
        .collect();
    let log = Log {
        schema: SCHEMA_URI,
        version: SARIF_VERSION,
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: TOOL_NAME,
                    version: tool_version,
                    rules: Code::ALL.iter().map(|&code| rule(code)).collect(),
                },
            },
            artifacts: artifacts.list,
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// A problem that stopped the run before anything was checked: a broken rule file
/// or configuration, at a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file with the problem.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based character column (0 when unknown).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// A SARIF 2.1.0 log for a run that failed before checking anything: no results,
/// and one invocation that did not succeed, with each problem as an error-level
/// tool execution notification at its place, so a code-scanning service shows
/// why the run failed.
pub fn render_failure(failures: &[Failure], tool_version: &str) -> String {
    let notifications: Vec<serde_json::Value> = failures
        .iter()
        .map(|f| {
            let mut region = serde_json::Map::new();
            if f.line > 0 {
                region.insert("startLine".into(), f.line.into());
                if f.column > 0 {
                    region.insert("startColumn".into(), f.column.into());
                }
            }
            let mut location = serde_json::json!({
                "physicalLocation": {"artifactLocation": {"uri": path_to_uri(&f.file, cfg!(windows))}}
            });
            if !region.is_empty() {
                location["physicalLocation"]["region"] = region.into();
            }
            serde_json::json!({
                "level": "error",
                "message": {"text": f.message},
                "locations": [location],
            })
        })
        .collect();
    let mut driver = serde_json::json!({
        "name": TOOL_NAME,
        "rules": Code::ALL.iter().map(|&code| rule(code)).collect::<Vec<_>>(),
    });
    if !tool_version.is_empty() {
        driver["version"] = tool_version.into();
    }
    let log = serde_json::json!({
        "$schema": SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{
                "executionSuccessful": false,
                "toolExecutionNotifications": notifications,
            }],
            "results": [],
            "columnKind": "unicodeCodePoints",
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).expect("a SARIF log always serializes");
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------
// The log's shape: only what claimcheck fills in, in a fixed field order.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
struct Driver<'a> {
    name: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    version: &'a str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Artifact {
    location: ArtifactUri,
}

#[derive(Serialize)]
struct ArtifactUri {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Properties::is_empty")]
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Message<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation<'a> {
    id: usize,
    physical_location: PhysicalLocation,
    message: Message<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
    index: usize,
}

#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "claimcheck/v1")]
    v1: String,
}

/// claimcheck's own facts about a result, in the result's property bag.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

impl Properties<'_> {
    fn is_empty(&self) -> bool {
        self.rule.is_none()
            && self.rule_file.is_none()
            && self.rule_line.is_none()
            && self.found.is_none()
            && self.expected.is_none()
            && self.kind.is_none()
            && self.suggestion.is_none()
            && self.source.is_none()
    }
}

// ---------------------------------------------------------------------------
// Building the parts.

/// The run's artifacts: each document once, in the order first met, by URI.
#[derive(Default)]
struct Artifacts {
    list: Vec<Artifact>,
    index: HashMap<String, usize>,
}

impl Artifacts {
    /// The location of `path`, adding it to the artifacts the first time.
    fn location(&mut self, path: &str) -> ArtifactLocation {
        let uri = path_to_uri(path, cfg!(windows));
        let index = match self.index.get(&uri) {
            Some(&index) => index,
            None => {
                let index = self.list.len();
                self.list.push(Artifact {
                    location: ArtifactUri { uri: uri.clone() },
                });
                self.index.insert(uri.clone(), index);
                index
            }
        };
        ArtifactLocation { uri, index }
    }
}

fn rule(code: Code) -> Rule {
    let doc = code.doc();
    Rule {
        id: code.as_str(),
        name: upper_camel(code.as_str()),
        short_description: Text {
            text: first_sentence(doc.what).to_owned(),
        },
        full_description: Text {
            text: doc.what.to_owned(),
        },
        help: Help {
            text: format!(
                "{}\n\nWhy it matters: {}\n\nExample:\n{}",
                doc.what, doc.why, doc.example
            ),
            markdown: format!(
                "## What it catches\n\n{}\n\n## Why it matters\n\n{}\n\n## Example\n\n{}",
                escape_dollars(doc.what),
                escape_dollars(doc.why),
                // Keep the example's lines apart: a backslash before a newline is a
                // hard line break in CommonMark.
                escape_dollars(&doc.example.lines().collect::<Vec<_>>().join("\\\n"))
            ),
        },
        default_configuration: Configuration {
            level: level(code.default_severity()),
        },
    }
}

fn result<'a>(
    finding: &'a Finding,
    fingerprint: String,
    artifacts: &mut Artifacts,
) -> SarifResult<'a> {
    // The document first, then the related ones, so artifacts list files in the
    // order a reader meets them.
    let artifact_location = artifacts.location(&finding.file);
    let related_locations = finding
        .related
        .iter()
        .enumerate()
        .map(|(i, related)| related_location(i + 1, related, artifacts))
        .collect();
    SarifResult {
        rule_id: finding.code.as_str(),
        rule_index: rule_index(finding.code),
        level: level(finding.severity),
        message: Message {
            text: &finding.message,
        },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location,
                region: region(
                    finding.line,
                    finding.column,
                    finding.end_line,
                    finding.end_column,
                ),
            },
        }],
        related_locations,
        partial_fingerprints: Fingerprints { v1: fingerprint },
        properties: Properties {
            rule: finding.rule.as_deref(),
            rule_file: finding.rule_file.as_deref(),
            rule_line: finding.rule_line,
            found: non_empty(&finding.found),
            expected: non_empty(&finding.expected),
            kind: finding.kind.as_deref(),
            suggestion: finding.suggestion.as_deref(),
            source: finding.source.as_deref(),
        },
    }
}

/// A related location; `id` is 1-based, so a message can link to it the SARIF way
/// (`[text](1)`).
fn related_location<'a>(
    id: usize,
    related: &'a Related,
    artifacts: &mut Artifacts,
) -> RelatedLocation<'a> {
    RelatedLocation {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifacts.location(&related.file),
            region: region(
                related.line,
                related.column,
                related.end_line,
                related.end_column,
            ),
        },
        message: Message {
            text: &related.value,
        },
    }
}

/// A region SARIF accepts: positions are at least 1, and an end before the start is
/// left out (the region is then the start line from the start column on).
fn region(line: usize, column: usize, end_line: usize, end_column: usize) -> Region {
    let start_line = line.max(1);
    let start_column = column.max(1);
    let end_column = end_column.max(1);
    let end_is_valid =
        end_line > start_line || (end_line == start_line && end_column >= start_column);
    Region {
        start_line,
        start_column,
        end_line: end_is_valid.then_some(end_line),
        end_column: end_is_valid.then_some(end_column),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Where `code` is in `driver.rules`, which lists `Code::ALL` in order.
fn rule_index(code: Code) -> usize {
    Code::ALL
        .iter()
        .position(|&c| c == code)
        .expect("Code::ALL lists every code")
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// `text` with each `$` outside code spans backslash-escaped, so that GitHub does not
/// read "$1.25B to $1.35B" as mathematics. Inside a code span a backslash would show,
/// and a `$` means nothing there anyway.
fn escape_dollars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for c in text.chars() {
        match c {
            '`' => in_code = !in_code,
            '$' if !in_code => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// `value-mismatch` → `ValueMismatch`.
fn upper_camel(kebab: &str) -> String {
    kebab
        .split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars))
                .into_iter()
                .flatten()
        })
        .collect()
}

/// The first sentence of `text`: up to the first `.`, `!` or `?` that is followed by
/// whitespace and then a capital letter or an opening quote (so "e.g. the" and
/// "$1.3B" do not end a sentence), or all of `text`.
fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let end = i + c.len_utf8();
        let rest = &text[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() {
            continue; // No whitespace after the stop.
        }
        if after_space
            .chars()
            .next()
            .is_some_and(|next| next.is_uppercase() || matches!(next, '"' | '“' | '‘' | '\''))
        {
            return &text[..end];
        }
    }
    text
}

// ---------------------------------------------------------------------------
// URIs.

/// The SARIF `uri` of a document path: a relative path stays relative, an absolute
/// one becomes a `file:` URI. Every character outside RFC 3986's unreserved and
/// sub-delims sets, `@` and the `/` separator is percent-encoded as UTF-8 bytes,
/// `:` included (a colon in a relative path's first segment would read as a
/// scheme). With `windows`, backslashes are separators, `C:\x` becomes
/// `file:///C:/x` and `\\server\share\x` becomes `file://server/share/x`.
fn path_to_uri(path: &str, windows: bool) -> String {
    let path = if windows {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    let bytes = path.as_bytes();
    if windows && bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/" {
        // A drive letter: `C:/x` → `file:///C:/x`; the drive's colon stays.
        format!("file:///{}:{}", &path[..1], percent_encode(&path[2..]))
    } else if windows && path.starts_with("//") {
        // A UNC path: `//server/share/x` → `file://server/share/x`.
        format!("file:{}", percent_encode(&path))
    } else if path.starts_with('/') {
        format!("file://{}", percent_encode(&path))
    } else {
        percent_encode(&path)
    }
}

/// Percent-encodes every byte of `s` but RFC 3986's unreserved characters, its
/// sub-delims, `@` and `/`.
fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
                    | b'/'
            );
        if keep {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Fingerprints.

/// The hash behind a finding's fingerprint: FNV-1a 64 over its code, its document's
/// URI, its rule (or nothing), and the words found and expected, each preceded by
/// its length so no two different lists of fields hash the same bytes. Lines and
/// columns are left out, so a finding keeps its fingerprint when text above it is
/// added or removed. Findings alike in all of these get an ordinal after the hash
/// (`:1`, `:2`, … in document order), so each has its own.
fn fingerprint_hash(finding: &Finding) -> u64 {
    let uri = path_to_uri(&finding.file, cfg!(windows));
    let fields = [
        finding.code.as_str(),
        uri.as_str(),
        finding.rule.as_deref().unwrap_or(""),
        finding.found.as_str(),
        finding.expected.as_str(),
    ];
    let mut hash = Fnv1a64::new();
    for field in fields {
        hash.write(&(field.len() as u64).to_le_bytes());
        hash.write(field.as_bytes());
    }
    hash.finish()
}

/// The 64-bit FNV-1a hash, written out here because its value must never change
/// (std's `DefaultHasher` may change between Rust releases).
struct Fnv1a64(u64);

impl Fnv1a64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Fnv1a64(Self::OFFSET_BASIS)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn finding(code: Code, file: &str, line: usize, message: &str) -> Finding {
        crate::finding::sample(code, file, line, message)
    }

    fn related(file: &str, line: usize, value: &str) -> Related {
        Related {
            file: file.to_owned(),
            line,
            column: 10,
            end_line: line,
            end_column: 13,
            value: value.to_owned(),
        }
    }

    /// Errors, warnings, a rule-less finding, a finding with related locations, a
    /// path with spaces and one with non-ASCII characters.
    fn sample() -> Outcome {
        let error = finding(
            Code::ValueMismatch,
            "news/trade.md",
            12,
            "$1.3 million: the claim says $1.3B (million written for billion)",
        );
        let mut warning = finding(
            Code::QuoteDrift,
            "news/Weekly Brief #3.md",
            4,
            "quote differs from the recorded quote:\n- principled stance\n+ firm position",
        );
        warning.kind = None;
        warning.suggestion = None;
        let mut ruleless = finding(
            Code::WeekdayMismatch,
            "news/Тбилиси.md",
            2,
            "December 3, 2025 was a Wednesday, not a Thursday",
        );
        ruleless.rule = None;
        ruleless.rule_file = None;
        ruleless.rule_line = None;
        ruleless.kind = None;
        ruleless.suggestion = None;
        ruleless.source = None;
        ruleless.found = "Thursday, December 3, 2025".to_owned();
        ruleless.expected = "Wednesday".to_owned();
        let mut disagreement = finding(
            Code::SourceDisagreement,
            "wire/afp.md",
            7,
            "25% of territory; the other sources say 20%",
        );
        disagreement.found = "25%".to_owned();
        disagreement.expected = "20%".to_owned();
        disagreement.related = vec![
            related("wire/reuters.md", 3, "20%"),
            related("news/trade.md", 30, "20%"),
        ];
        Outcome {
            files_checked: 6,
            findings: vec![error, warning, ruleless, disagreement],
        }
    }

    fn parse(sarif: &str) -> Value {
        serde_json::from_str(sarif).expect("the SARIF log is JSON")
    }

    fn schema() -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/sarif-schema-2.1.0.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        serde_json::from_str(&text).expect("the schema is JSON")
    }

    /// A validator for the SARIF schema that never fetches anything: the schema's
    /// references are all internal, and `offline()` makes any other one an error.
    fn validator() -> jsonschema::Validator {
        jsonschema::options()
            .offline()
            .should_validate_formats(true)
            .build(&schema())
            .expect("the SARIF schema compiles offline")
    }

    fn assert_valid(log: &Value) {
        let validator = validator();
        let errors: Vec<String> = validator
            .iter_errors(log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "SARIF log fails the schema:\n{}",
            errors.join("\n")
        );
    }

    fn results(log: &Value) -> &Vec<Value> {
        log["runs"][0]["results"].as_array().unwrap()
    }

    fn fingerprints(log: &Value) -> Vec<String> {
        results(log)
            .iter()
            .map(|r| {
                r["partialFingerprints"][FINGERPRINT_KEY]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn validates_against_the_sarif_schema() {
        let log = parse(&render(&sample(), "0.1.0"));
        assert_valid(&log);
    }

    #[test]
    fn an_empty_outcome_validates_and_has_an_empty_results_array() {
        let log = parse(&render(
            &Outcome {
                files_checked: 3,
                findings: Vec::new(),
            },
            "0.1.0",
        ));
        assert_valid(&log);
        assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
        assert!(log["runs"][0].get("artifacts").is_none());
    }

    #[test]
    fn the_schema_check_is_not_vacuous() {
        let validator = validator();
        let mut log = parse(&render(&sample(), "0.1.0"));
        assert!(validator.is_valid(&log));
        log["runs"][0]["results"][0]["level"] = "fatal".into();
        assert!(!validator.is_valid(&log), "a bad level must fail");
        let mut log = parse(&render(&sample(), "0.1.0"));
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
            0.into();
        assert!(!validator.is_valid(&log), "line 0 must fail");
    }

    #[test]
    fn every_uri_is_an_rfc_3986_uri_reference() {
        // The schema is draft-04, which does not check `uri-reference`; draft 7 does.
        let uri_reference = jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&serde_json::json!({"type": "string", "format": "uri-reference"}))
            .unwrap();
        assert!(!uri_reference.is_valid(&"news/a b.md".into()));
        let log = parse(&render(&sample(), "0.1.0"));
        let mut uris = Vec::new();
        for artifact in log["runs"][0]["artifacts"].as_array().unwrap() {
            uris.push(artifact["location"]["uri"].clone());
        }
        for result in results(&log) {
            let locations = result["locations"].as_array().unwrap().iter();
            let related = result["relatedLocations"].as_array().into_iter().flatten();
            for location in locations.chain(related) {
                uris.push(location["physicalLocation"]["artifactLocation"]["uri"].clone());
            }
        }
        assert_eq!(uris.len(), 5 + 6);
        for uri in uris {
            assert!(uri_reference.is_valid(&uri), "{uri} is not a URI reference");
        }
    }

    #[test]
    fn the_log_has_its_header_and_one_run() {
        let log = parse(&render(&sample(), "1.2.3"));
        assert_eq!(log["$schema"], SCHEMA_URI);
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["runs"].as_array().unwrap().len(), 1);
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert_eq!(run["tool"]["driver"]["name"], "claimcheck");
        assert_eq!(run["tool"]["driver"]["version"], "1.2.3");
        assert!(run["tool"]["driver"].get("informationUri").is_none());
    }

    #[test]
    fn rules_describe_every_code() {
        let log = parse(&render(&sample(), "0.1.0"));
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), Code::ALL.len());
        for (rule, code) in rules.iter().zip(Code::ALL) {
            let doc = code.doc();
            assert_eq!(rule["id"], code.as_str());
            assert_eq!(
                rule["defaultConfiguration"]["level"],
                code.default_severity().as_str()
            );
            assert_eq!(rule["fullDescription"]["text"], doc.what);
            let short = rule["shortDescription"]["text"].as_str().unwrap();
            assert!(doc.what.starts_with(short), "{short}");
            assert!(short.ends_with('.'), "{short}");
            let help = rule["help"]["text"].as_str().unwrap();
            let markdown = rule["help"]["markdown"].as_str().unwrap();
            for part in [doc.what, doc.why] {
                assert!(help.contains(part) && markdown.contains(&escape_dollars(part)));
            }
            assert!(help.contains(doc.example));
            assert!(markdown.contains("## What it catches"));
            assert!(markdown.contains("## Why it matters"));
            assert!(markdown.contains("## Example"));
        }
        let names: Vec<&str> = rules.iter().map(|r| r["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            [
                "ValueMismatch",
                "PeriodMismatch",
                "DateMismatch",
                "WeekdayMismatch",
                "QuoteDrift",
                "QuoteMisattribution",
                "SourceDisagreement"
            ]
        );
        assert_eq!(
            rules[0]["shortDescription"]["text"],
            "A figure in a sentence that matches a claim template disagrees with the \
             template's value: another number, the wrong scale (million for billion), the \
             wrong direction (a fall for a rise), or percentage points written for percent."
        );
        assert_eq!(
            rules[3]["shortDescription"]["text"],
            "A date written with its weekday where the weekday is wrong."
        );
    }

    #[test]
    fn each_result_points_at_its_rule() {
        let log = parse(&render(&sample(), "0.1.0"));
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        let results = results(&log);
        assert_eq!(results.len(), 4);
        for result in results {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
        }
        let levels: Vec<&str> = results
            .iter()
            .map(|r| r["level"].as_str().unwrap())
            .collect();
        assert_eq!(levels, ["error", "warning", "error", "warning"]);
    }

    #[test]
    fn a_result_carries_location_message_and_properties() {
        let log = parse(&render(&sample(), "0.1.0"));
        let result = &results(&log)[0];
        assert_eq!(
            result["message"]["text"],
            "$1.3 million: the claim says $1.3B (million written for billion)"
        );
        assert_eq!(
            result["locations"][0]["physicalLocation"],
            serde_json::json!({
                "artifactLocation": {"uri": "news/trade.md", "index": 0},
                "region": {"startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 17}
            })
        );
        assert_eq!(
            result["properties"],
            serde_json::json!({
                "rule": "trade-2025",
                "ruleFile": "claims/trade.yaml",
                "ruleLine": 3,
                "found": "$1.3 million",
                "expected": "$1.3B",
                "kind": "magnitude",
                "suggestion": "$1.3 billion",
                "source": "Geostat"
            })
        );
        assert!(result.get("relatedLocations").is_none());
    }

    #[test]
    fn a_rule_less_finding_has_no_rule_properties() {
        let log = parse(&render(&sample(), "0.1.0"));
        let result = &results(&log)[2];
        assert_eq!(result["ruleId"], "weekday-mismatch");
        assert_eq!(
            result["properties"],
            serde_json::json!({"found": "Thursday, December 3, 2025", "expected": "Wednesday"})
        );
    }

    #[test]
    fn related_locations_come_from_the_related_list() {
        let log = parse(&render(&sample(), "0.1.0"));
        let result = &results(&log)[3];
        assert_eq!(
            result["relatedLocations"],
            serde_json::json!([
                {
                    "id": 1,
                    "physicalLocation": {
                        "artifactLocation": {"uri": "wire/reuters.md", "index": 4},
                        "region": {"startLine": 3, "startColumn": 10, "endLine": 3, "endColumn": 13}
                    },
                    "message": {"text": "20%"}
                },
                {
                    "id": 2,
                    "physicalLocation": {
                        "artifactLocation": {"uri": "news/trade.md", "index": 0},
                        "region": {"startLine": 30, "startColumn": 10, "endLine": 30, "endColumn": 13}
                    },
                    "message": {"text": "20%"}
                }
            ])
        );
    }

    #[test]
    fn artifacts_list_each_document_once_in_first_seen_order() {
        let log = parse(&render(&sample(), "0.1.0"));
        let uris: Vec<&str> = log["runs"][0]["artifacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["location"]["uri"].as_str().unwrap())
            .collect();
        assert_eq!(
            uris,
            [
                "news/trade.md",
                "news/Weekly%20Brief%20%233.md",
                "news/%D0%A2%D0%B1%D0%B8%D0%BB%D0%B8%D1%81%D0%B8.md",
                "wire/afp.md",
                "wire/reuters.md",
            ]
        );
        // Each location's index names the artifact with its URI.
        for result in results(&log) {
            let location = &result["locations"][0]["physicalLocation"]["artifactLocation"];
            let index = location["index"].as_u64().unwrap() as usize;
            assert_eq!(location["uri"], uris[index]);
        }
    }

    #[test]
    fn output_is_deterministic() {
        let a = render(&sample(), "0.1.0");
        let b = render(&sample(), "0.1.0");
        assert_eq!(a, b);
        assert!(a.ends_with("}\n"));
        assert_eq!(fingerprints(&parse(&a)), fingerprints(&parse(&b)));
    }

    #[test]
    fn fingerprints_ignore_lines_and_columns() {
        let before = sample();
        let mut after = sample();
        for (i, finding) in after.findings.iter_mut().enumerate() {
            finding.line += 40 + i;
            finding.end_line += 40 + i;
            finding.column += 3;
            finding.end_column += 3;
            finding.message.push_str(" (reworded)");
        }
        let before = fingerprints(&parse(&render(&before, "0.1.0")));
        let after = fingerprints(&parse(&render(&after, "0.2.0")));
        assert_eq!(before, after);
        // And they tell the findings apart.
        let mut unique = before.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), before.len());
        for fingerprint in &before {
            let (hex, ordinal) = fingerprint.split_once(':').unwrap();
            assert_eq!(hex.len(), 16);
            assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()));
            assert_eq!(ordinal, "1");
        }
    }

    #[test]
    fn fingerprints_change_with_what_identifies_a_finding() {
        let base = finding(Code::ValueMismatch, "a.md", 1, "m");
        let hash = fingerprint_hash(&base);
        let mut other = base.clone();
        other.found = "$1.4 million".to_owned();
        assert_ne!(fingerprint_hash(&other), hash);
        let mut other = base.clone();
        other.expected = "$1.4B".to_owned();
        assert_ne!(fingerprint_hash(&other), hash);
        let mut other = base.clone();
        other.rule = None;
        assert_ne!(fingerprint_hash(&other), hash);
        let mut other = base.clone();
        other.file = "b.md".to_owned();
        assert_ne!(fingerprint_hash(&other), hash);
        let mut other = base.clone();
        other.code = Code::PeriodMismatch;
        assert_ne!(fingerprint_hash(&other), hash);
        // Moving text between fields changes the hash: fields are length-prefixed.
        let mut a = base.clone();
        a.found = "ab".to_owned();
        a.expected = "c".to_owned();
        let mut b = base.clone();
        b.found = "a".to_owned();
        b.expected = "bc".to_owned();
        assert_ne!(fingerprint_hash(&a), fingerprint_hash(&b));
    }

    #[test]
    fn fingerprints_are_pinned() {
        // The value must never change between releases: services key alerts on it.
        let base = finding(Code::ValueMismatch, "news/trade.md", 12, "m");
        assert_eq!(
            format!("{:016x}", fingerprint_hash(&base)),
            "d9bacd4a8ec64708"
        );
    }

    #[test]
    fn identical_findings_get_ordinals() {
        let a = finding(Code::ValueMismatch, "a.md", 1, "m");
        let b = finding(Code::ValueMismatch, "a.md", 9, "m");
        let c = finding(Code::ValueMismatch, "b.md", 1, "m");
        let outcome = Outcome {
            files_checked: 2,
            findings: vec![a, b, c],
        };
        let prints = fingerprints(&parse(&render(&outcome, "0.1.0")));
        let ab = format!("{:016x}", fingerprint_hash(&outcome.findings[0]));
        let c = format!("{:016x}", fingerprint_hash(&outcome.findings[2]));
        assert_eq!(
            prints,
            [format!("{ab}:1"), format!("{ab}:2"), format!("{c}:1")]
        );
    }

    #[test]
    fn fnv1a64_matches_the_reference_vectors() {
        let hash = |s: &str| {
            let mut h = Fnv1a64::new();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn paths_become_uris() {
        assert_eq!(path_to_uri("news/a.md", false), "news/a.md");
        assert_eq!(
            path_to_uri("news/Weekly Brief.md", false),
            "news/Weekly%20Brief.md"
        );
        assert_eq!(
            path_to_uri("100% #1 [draft]?.md", false),
            "100%25%20%231%20%5Bdraft%5D%3F.md"
        );
        assert_eq!(path_to_uri("café.md", false), "caf%C3%A9.md");
        // A colon in a relative path would read as a scheme.
        assert_eq!(path_to_uri("notes:v2.md", false), "notes%3Av2.md");
        // Characters a URI path allows as they are.
        assert_eq!(
            path_to_uri("a-b_c.d~e!$&'()*+,;=@.md", false),
            "a-b_c.d~e!$&'()*+,;=@.md"
        );
        assert_eq!(path_to_uri("./a/../b.md", false), "./a/../b.md");
        assert_eq!(
            path_to_uri("/home/desk/my notes.md", false),
            "file:///home/desk/my%20notes.md"
        );
        // A backslash is a file-name character on Unix, a separator on Windows.
        assert_eq!(path_to_uri(r"news\a.md", false), "news%5Ca.md");
        assert_eq!(path_to_uri(r"news\a b.md", true), "news/a%20b.md");
        assert_eq!(
            path_to_uri(r"C:\Desk\a b.md", true),
            "file:///C:/Desk/a%20b.md"
        );
        assert_eq!(
            path_to_uri(r"\\server\share\a.md", true),
            "file://server/share/a.md"
        );
    }

    #[test]
    fn a_path_with_spaces_is_percent_encoded_in_the_log() {
        let log = parse(&render(&sample(), "0.1.0"));
        let location = &results(&log)[1]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(location["uri"], "news/Weekly%20Brief%20%233.md");
    }

    #[test]
    fn regions_are_kept_valid() {
        assert_eq!(
            region(3, 4, 5, 2),
            Region {
                start_line: 3,
                start_column: 4,
                end_line: Some(5),
                end_column: Some(2)
            }
        );
        // An empty region on one line is an insertion point: allowed.
        assert_eq!(region(3, 4, 3, 4).end_column, Some(4));
        // An end before the start is dropped; zero positions become 1.
        assert_eq!(
            region(3, 4, 3, 2),
            Region {
                start_line: 3,
                start_column: 4,
                end_line: None,
                end_column: None
            }
        );
        assert_eq!(
            region(0, 0, 0, 0),
            Region {
                start_line: 1,
                start_column: 1,
                end_line: None,
                end_column: None
            }
        );
    }

    #[test]
    fn first_sentences() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("No stop"), "No stop");
        assert_eq!(first_sentence("Costs $1.3B. Then"), "Costs $1.3B.");
        assert_eq!(first_sentence("Say e.g. this. Then"), "Say e.g. this.");
        assert_eq!(first_sentence("Really? \"Yes.\""), "Really?");
        assert_eq!(first_sentence("  Padded.  "), "Padded.");
    }

    #[test]
    fn dollars_are_escaped_outside_code_spans() {
        assert_eq!(
            escape_dollars("\"$1.3B\" accepts $1.25B; `claim: \"$1.3B\"` and $2"),
            "\"\\$1.3B\" accepts \\$1.25B; `claim: \"$1.3B\"` and \\$2"
        );
        let log = parse(&render(&sample(), "0.1.0"));
        let markdown = log["runs"][0]["tool"]["driver"]["rules"][0]["help"]["markdown"]
            .as_str()
            .unwrap();
        assert!(markdown.contains(r#"("\$1.3B" accepts \$1.25B to \$1.35B)"#));
        assert!(markdown.contains(r#"Rule: `claim: "$1.3B trade, +7%"`."#));
    }

    #[test]
    fn upper_camel_names() {
        assert_eq!(upper_camel("value-mismatch"), "ValueMismatch");
        assert_eq!(upper_camel("quote-drift"), "QuoteDrift");
        assert_eq!(upper_camel("x"), "X");
    }

    #[test]
    fn an_empty_version_is_left_out() {
        let log = parse(&render(&sample(), ""));
        assert!(log["runs"][0]["tool"]["driver"].get("version").is_none());
        assert_valid(&log);
    }
}
