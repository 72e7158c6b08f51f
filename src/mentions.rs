//! `claimcheck mentions`: what extraction finds in a document, so a rule author can
//! see why a rule did or did not match; and the JSON-lines protocol of the
//! extraction suite.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::document::Document;
use crate::extract::quantity::quantities;
use crate::extract::{Quantity, QuantityKind, Span};

/// One mention, as `mentions` reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRecord {
    /// `number`, `percent`, `points`, `fraction`, `money`, `count`, `year`, `ordinal`.
    pub kind: &'static str,
    /// The words, as written.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based character column.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based character column just past the end.
    pub end_column: usize,
    /// The normalised value.
    pub value: Value,
    /// Details: step, hedge, direction, unit.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub detail: serde_json::Map<String, Value>,
    #[serde(skip)]
    span: Span,
}

/// The kind name and normalised value of a figure.
pub fn quantity_value(q: &Quantity) -> (&'static str, Value) {
    let number = |v: f64| json!(v);
    match &q.kind {
        QuantityKind::Number => ("number", number(q.value)),
        QuantityKind::Percent => ("percent", number(q.value)),
        QuantityKind::PercentagePoints => ("points", number(q.value)),
        QuantityKind::Fraction => ("fraction", number(q.value)),
        QuantityKind::Money { currency } => match q.upper {
            Some(upper) => (
                "money",
                json!({"min": q.value, "max": upper, "currency": currency}),
            ),
            None => ("money", json!({"amount": q.value, "currency": currency})),
        },
        QuantityKind::Count { .. } => ("count", number(q.value)),
        QuantityKind::Year => ("year", number(q.value)),
        QuantityKind::Ordinal => ("ordinal", number(q.value)),
    }
}

/// Every mention in a document, in position order.
pub fn records(doc: &Document) -> Vec<MentionRecord> {
    let mut out: Vec<MentionRecord> = quantities(&doc.prose)
        .into_iter()
        .map(|q| {
            let (kind, value) = quantity_value(&q);
            let mut detail = serde_json::Map::new();
            detail.insert("step".into(), json!(q.step));
            if let Some(u) = q.upper {
                detail.insert("upper".into(), json!(u));
            }
            if let Some(h) = q.hedge {
                detail.insert("hedge".into(), json!(h.word()));
            }
            if let Some(d) = q.direction {
                detail.insert("direction".into(), json!(d.word()));
            }
            if let QuantityKind::Count { unit } = &q.kind {
                detail.insert("unit".into(), json!(unit));
            }
            record(doc, q.span.clone(), kind, value, detail)
        })
        .collect();
    out.sort_by_key(|r| (r.span.start, r.span.end));
    out
}

fn record(
    doc: &Document,
    span: Span,
    kind: &'static str,
    value: Value,
    detail: serde_json::Map<String, Value>,
) -> MentionRecord {
    let (line, column) = doc.position(span.start);
    let (end_line, end_column) = doc.position(span.end);
    MentionRecord {
        kind,
        text: doc.text[span.clone()].to_string(),
        line,
        column,
        end_line,
        end_column,
        value,
        detail,
        span,
    }
}

fn published_line(doc: &Document) -> String {
    match &doc.published {
        Some(p) => {
            let at = p.span.as_ref().map(|s| {
                let (l, c) = doc.position(s.start);
                format!(" at {l}:{c}")
            });
            format!(
                "published {} (from the {}{})",
                p.date,
                p.origin.describe(),
                at.unwrap_or_default()
            )
        }
        None => "no publication date (add `date:` front matter or pass --date)".to_string(),
    }
}

/// One line per mention: position, kind, the words, the value.
pub fn render_human(doc: &Document) -> String {
    let records = records(doc);
    let mut out = format!("{}: {}\n", doc.path, published_line(doc));
    for r in &records {
        let place = format!("{}:{}", r.line, r.column);
        let detail: Vec<String> = r
            .detail
            .iter()
            .map(|(k, v)| format!("{k}={}", plain(v)))
            .collect();
        out.push_str(&format!(
            "  {place:<8} {:<8} {:<28} {}{}\n",
            r.kind,
            r.text.replace('\n', " "),
            plain(&r.value),
            if detail.is_empty() {
                String::new()
            } else {
                format!("  ({})", detail.join(", "))
            }
        ));
    }
    out.push_str(&format!("{} mentions\n", records.len()));
    out
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{k}={}", plain(v)))
            .collect::<Vec<_>>()
            .join(" "),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// One JSON object: the file, its publication date and its mentions.
pub fn render_json(doc: &Document) -> String {
    let published = doc.published.as_ref().map(|p| {
        let mut o = json!({"date": p.date.to_string(), "origin": p.origin.describe()});
        if let Some(s) = &p.span {
            let (line, column) = doc.position(s.start);
            o["line"] = json!(line);
            o["column"] = json!(column);
        }
        o
    });
    let v = json!({"file": doc.path, "published": published, "mentions": records(doc)});
    let mut s = serde_json::to_string_pretty(&v).expect("mentions serialize");
    s.push('\n');
    s
}

#[derive(Deserialize)]
struct Case {
    id: Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// Answers the extraction suite's protocol: for each JSON line `{"id", "text",
/// "date"}` on `input`, one line `{"id", "mentions": [{"kind", "start", "end",
/// "value"}]}` with offsets in characters. A line that is not such an object is an
/// error naming its line number.
pub fn answer_jsonl(input: impl BufRead, mut output: impl Write) -> Result<(), String> {
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let case: Case = serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let _date = case
            .date
            .as_deref()
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse::<jiff::civil::Date>().ok());
        let mut found: Vec<(Span, &'static str, Value)> = quantities(&case.text)
            .into_iter()
            .map(|q| {
                let (kind, value) = quantity_value(&q);
                (q.span, suite_kind(kind), value)
            })
            .collect();
        found.sort_by_key(|(s, _, _)| (s.start, s.end));
        let chars = CharOffsets::new(&case.text);
        let mentions: Vec<Value> = found
            .into_iter()
            .map(|(span, kind, value)| {
                json!({"kind": kind, "start": chars.at(span.start), "end": chars.at(span.end), "value": value})
            })
            .collect();
        let answer = json!({"id": case.id, "mentions": mentions});
        serde_json::to_writer(&mut output, &answer).map_err(|e| e.to_string())?;
        output.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    output.flush().map_err(|e| e.to_string())
}

/// The suite's kind for a mention kind: counts, fractions and years are numbers there.
fn suite_kind(kind: &'static str) -> &'static str {
    match kind {
        "count" | "fraction" | "year" => "number",
        other => other,
    }
}

/// Converts byte offsets of one text to character offsets.
struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
        }
    }

    fn at(&self, byte: usize) -> usize {
        if self.ascii {
            byte
        } else {
            self.text.get(..byte).map_or(0, |s| s.chars().count())
        }
    }
}
