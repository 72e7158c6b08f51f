//! `claimcheck mentions`: what extraction finds in a document, so a rule author can
//! see why a rule did or did not match; and the JSON-lines protocol of the
//! extraction suite.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::document::Document;
use crate::extract::date::{DateValue, Resolution, dates};
use crate::extract::quantity::{
    UnitWord, ordinal_denominator, quantities, relative_ordinals, unit_words,
};
use crate::extract::{Direction, Quantity, QuantityKind, Span, outside_dates};
use jiff::civil::Date;

/// One mention, as `mentions` reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRecord {
    /// `number`, `percent`, `points`, `fraction`, `money`, `count`, `year`, `ordinal`,
    /// `date` or `period`.
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
    let published = doc.published.as_ref().map(|p| p.date);
    let when = crate::extract::date::dates_in_blocks(&doc.prose, &doc.blocks, published);
    let mut out: Vec<MentionRecord> = outside_dates(quantities(&doc.prose), &when)
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
    for d in when {
        let mut detail = serde_json::Map::new();
        let resolved = match d.spoken {
            // a relative date in a quotation, counted from the day of the saying
            Some(_) => "from the day the words were spoken",
            None => resolution_word(d.resolution),
        };
        detail.insert("resolved".into(), json!(resolved));
        if let Some(day) = d.spoken {
            detail.insert("spoken".into(), json!(day.to_string()));
        }
        if let Some(b) = d.bound {
            detail.insert("bound".into(), json!(format!("{b:?}").to_lowercase()));
        }
        if let Some((w, _)) = &d.written_weekday {
            detail.insert("weekday".into(), json!(format!("{w:?}")));
        }
        let (kind, value) = match d.value {
            DateValue::Day(day) => ("date", json!(day.to_string())),
            DateValue::Period { start, end, .. } => (
                "period",
                json!({"label": d.value.label(), "start": start.to_string(), "end": end.to_string()}),
            ),
        };
        out.push(record(doc, d.span.clone(), kind, value, detail));
    }
    out.sort_by_key(|r| (r.span.start, r.span.end));
    out
}

fn resolution_word(r: Resolution) -> &'static str {
    match r {
        Resolution::Absolute => "as written",
        Resolution::InferredYear => "year from publication",
        Resolution::Relative => "from publication",
        Resolution::FromPassage => "from an earlier date in the passage",
        Resolution::Vague => "vague, at publication",
    }
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
    let (quoted, count) = crate::quote_mentions::human(doc);
    out.push_str(&quoted);
    out.push_str(&format!("{} mentions\n", records.len() + count));
    out
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(m) if m.contains_key("label") => format!(
            "{} ({} to {})",
            plain(&m["label"]),
            m.get("start").map(plain).unwrap_or_default(),
            m.get("end").map(plain).unwrap_or_default()
        ),
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
    let (quotations, people) = crate::quote_mentions::to_json(doc);
    let v = json!({"file": doc.path, "published": published, "mentions": records(doc),
                   "quotations": quotations, "people": people});
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
        let publication = case
            .date
            .as_deref()
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse::<Date>().ok());
        let answer = json!({"id": case.id, "mentions": suite_mentions(&case.text, publication)});
        let mut line = answer.to_string();
        line.push('\n');
        match output.write_all(line.as_bytes()) {
            // The reader stopped reading (`| head -1`): nothing more to say.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(crate::cli::plain_io_error(&e)),
            Ok(()) => {}
        }
    }
    match output.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(crate::cli::plain_io_error(&e)),
        _ => Ok(()),
    }
}

/// Every mention of `text` in the suite's kinds and values (score.py's docstring):
/// numbers, percentages, money, ordinals, dates and periods, with character offsets.
///
/// The suite counts the number written inside an amount of money ("$20" holds the
/// number 20) and a measure's number ("180ml") is not a bare number, so those are
/// mapped the suite's way here; the checker itself uses the typed figures. Its
/// ordinal model counts ordinal words, so the singular denominator of a fraction of
/// one ("third" in "a third", "forty two and a third") is also reported as an
/// ordinal: English writes that denominator with the ordinal word itself. This adds
/// a mention; the figure stays the fraction. Percent words and currency names with
/// no figure ("a small percent", "the dollar fell") are mentions of that kind with a
/// null value, like relative ordinals ("last"): the text names the unit, not an
/// amount.
pub fn suite_mentions(text: &str, publication: Option<Date>) -> Vec<Value> {
    let chars = CharOffsets::new(text);
    let mut out = Vec::new();
    let mut push = |span: &Span, kind: &str, value: Value| {
        out.push(json!({"kind": kind, "start": chars.at(span.start), "end": chars.at(span.end), "value": value}));
    };
    let figures = quantities(text);
    for (span, u) in unit_words(text, &figures) {
        match u {
            UnitWord::Percent => push(&span, "percent", Value::Null),
            UnitWord::Currency(code) => {
                push(&span, "money", json!({"amount": null, "currency": code}))
            }
        }
    }
    for q in figures {
        figure_mentions(text, &q, &mut push);
    }
    for r in relative_ordinals(text) {
        push(&r.span, "ordinal", Value::Null);
    }
    for d in dates(text, publication) {
        match (d.value, d.bound) {
            (DateValue::Day(day), None) => push(&d.span, "date", json!(day.to_string())),
            _ => {
                let (from, to) = d.open_range();
                push(
                    &d.span,
                    "period",
                    json!({"start": from.map(|x| x.to_string()), "end": to.map(|x| x.to_string())}),
                );
            }
        }
    }
    out
}

/// The suite's mentions of one figure, given to `push` as (span, kind, value).
fn figure_mentions(text: &str, q: &Quantity, push: &mut impl FnMut(&Span, &str, Value)) {
    let written = &text[q.span.clone()];
    match &q.kind {
        QuantityKind::Number | QuantityKind::Fraction | QuantityKind::Year => {
            push(&q.span, "number", json!(q.value));
            // "a third": the denominator is the ordinal's own word (see
            // `ordinal_denominator`); the suite's ordinal model counts words.
            if let Some((span, v)) = ordinal_denominator(text, q) {
                push(&span, "ordinal", json!(v));
            }
        }
        QuantityKind::Count { unit } => {
            let kind = if glued_unit(written, unit) {
                "measure"
            } else {
                "number"
            };
            push(&q.span, kind, json!(q.value));
        }
        QuantityKind::Percent => push(&q.span, "percent", json!(signed_percent(written, q))),
        QuantityKind::PercentagePoints => push(&q.span, "percentage_points", json!(q.value)),
        QuantityKind::Money { currency } => {
            let mut value = json!({"amount": q.value, "currency": currency});
            if let Some(u) = q.upper {
                value["min"] = json!(q.value);
                value["max"] = json!(u);
            }
            push(&q.span, "money", value);
            push(&q.span, "number", json!(q.value));
        }
        QuantityKind::Ordinal => push(&q.span, "ordinal", json!(q.value)),
    }
}

/// Whether a count's unit is glued to its digits ("180ml"): a measure, not a bare
/// number, for the suite.
fn glued_unit(written: &str, unit: &str) -> bool {
    let bare = written.trim_end();
    bare.len() > unit.len()
        && bare.to_lowercase().ends_with(unit)
        && bare.as_bytes()[bare.len() - unit.len() - 1].is_ascii_digit()
}

/// A percentage's value with its sign: negative for a fall written with a minus
/// ("-3%", "minus 3 percent", "negative 3 percent").
fn signed_percent(written: &str, q: &Quantity) -> f64 {
    let signed = written.starts_with(['-', '\u{2212}'])
        || written.to_lowercase().starts_with("minus")
        || written.to_lowercase().starts_with("negative");
    if signed && q.direction == Some(Direction::Fall) {
        -q.value
    } else {
        q.value
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
