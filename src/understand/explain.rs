//! Why a claim matched: for every hit in a document, which words of the sentence
//! bound each slot of the claim's template, and for every statement, who it was
//! given to and the date of its saying, as `claimcheck mentions --rules` shows it.

use serde::Serialize;

use super::binding::Fit;
use crate::checks::dates::statement_date;
use crate::document::Document;
use crate::extract::outside_dates;
use crate::extract::quantity::quantities;
use crate::extract::quote::quotations;
use crate::pipeline::{self, Checker};
use crate::rules::ClaimKind;

/// One slot of a hit and the figure bound to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlotShown {
    /// The slot as the template writes it ("$1.3B", "{percent}").
    pub slot: String,
    /// The figure bound to it, as written.
    pub figure: String,
    /// 1-based line and character column of the figure.
    pub line: usize,
    /// 1-based character column of the figure.
    pub column: usize,
    /// What the figure is in its sentence: `value`, `comparison base` or `bound`.
    pub role: &'static str,
    /// The figure and the words it quantifies.
    pub phrase: String,
    /// The periods the sentence gives for the figure, as written.
    pub periods: Vec<String>,
    /// `agrees`, `differs`, or `no value` for a slot with no value.
    pub value: &'static str,
    /// How its periods sit with the claim's: `within`, `unknown`, `other`.
    pub period: &'static str,
}

/// A claim matched to a sentence, with its slots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HitShown {
    /// The claim's id.
    pub claim: String,
    /// The wording that matched.
    pub wording: String,
    /// 1-based line where the sentence starts.
    pub line: usize,
    /// 1-based character column where the sentence starts.
    pub column: usize,
    /// The anchor words found, as written.
    pub anchors: Vec<String>,
    /// One entry per slot of the wording.
    pub slots: Vec<SlotShown>,
}

/// Every figure claim of `checker` that `doc` states, with what bound each slot.
pub fn bindings(checker: &Checker, doc: &Document) -> Vec<HitShown> {
    let prose = doc.prose.as_str();
    let when = pipeline::document_dates(doc);
    let figures = outside_dates(quantities(prose), &when);
    let text = |span: &std::ops::Range<usize>| doc.text[span.clone()].trim().replace('\n', " ");
    let mut out = Vec::new();
    for hit in checker.matcher.hits(doc, &figures, &when) {
        let compiled = checker
            .matcher
            .claims()
            .iter()
            .find(|c| c.claim == hit.claim);
        let Some(template) = compiled.and_then(|c| c.templates.get(hit.template)) else {
            continue;
        };
        let sentence = &doc.sentences[hit.sentence];
        let (line, column) = doc.position(sentence.start);
        let slots = template
            .slots
            .iter()
            .zip(&hit.bound)
            .map(|(slot, b)| {
                let q = &figures[b.figure];
                let (line, column) = doc.position(q.span.start);
                SlotShown {
                    slot: slot.text.clone(),
                    figure: text(&q.span),
                    line,
                    column,
                    role: b.role.word(),
                    phrase: text(&b.phrase),
                    periods: b.periods.iter().map(|&d| text(&when[d].span)).collect(),
                    value: match b.agrees {
                        Some(true) => "agrees",
                        Some(false) => "differs",
                        None => "no value",
                    },
                    period: match b.fit {
                        Fit::Within => "within",
                        Fit::Unknown => "unknown",
                        Fit::Other => "other",
                    },
                }
            })
            .collect();
        out.push(HitShown {
            claim: checker.rules.claims[hit.claim].id.clone(),
            wording: template.wording.clone(),
            line,
            column,
            anchors: hit.anchors.iter().map(&text).collect(),
            slots,
        });
    }
    out
}

/// The human section: one block per hit.
pub fn render_human(hits: &[HitShown]) -> String {
    let mut out = format!("\nclaims bound: {}\n", hits.len());
    for h in hits {
        out.push_str(&format!(
            "  {}:{:<6} {} \"{}\"  (anchors: {})\n",
            h.line,
            h.column,
            h.claim,
            h.wording,
            h.anchors.join(", ")
        ));
        for s in &h.slots {
            let periods = if s.periods.is_empty() {
                "no period".to_string()
            } else {
                format!("period {}", s.periods.join(", "))
            };
            out.push_str(&format!(
                "    {} <- {} at {}:{}, {}, {}; phrase \"{}\"; {} ({})\n",
                s.slot, s.figure, s.line, s.column, s.role, s.value, s.phrase, periods, s.period
            ));
        }
    }
    out
}

/// A statement claim matched to a sentence: who the sentence gives it to, with which
/// verb, and the date of the saying.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementShown {
    /// The claim's id.
    pub claim: String,
    /// `statement` or `quote`.
    pub kind: &'static str,
    /// 1-based line where the sentence starts (or its speaker, named before it).
    pub line: usize,
    /// 1-based character column of that place.
    pub column: usize,
    /// The speaker as written (the pronoun, for "she said").
    pub speaker: String,
    /// The reporting verb as written.
    pub verb: String,
    /// The date of the saying as written, when the sentence gives one.
    pub date: Option<String>,
    /// The share of the statement's content words the sentence holds.
    pub score: f64,
}

/// Every statement and quote claim whose words a sentence of `doc` reports from
/// its person, found as the checks find them: people and reporting verbs outside
/// quotation marks.
pub fn statements(checker: &Checker, doc: &Document) -> Vec<StatementShown> {
    let prose = doc.prose.as_str();
    let when = pipeline::document_dates(doc);
    let quoted = quotations(prose, &doc.blocks);
    let (_, said) = pipeline::attributed(&checker.people, doc, &quoted);
    let text = |span: &std::ops::Range<usize>| doc.text[span.clone()].trim().replace('\n', " ");
    checker
        .statements
        .hits(doc, &said)
        .into_iter()
        .map(|hit| {
            let start = doc.sentences[hit.sentence].start;
            let (line, column) = doc.position(start.min(hit.attribution.speaker.start));
            let claim = &checker.rules.claims[hit.claim];
            StatementShown {
                claim: claim.id.clone(),
                kind: match claim.kind {
                    ClaimKind::Quote(_) => "quote",
                    _ => "statement",
                },
                line,
                column,
                speaker: text(&hit.attribution.speaker),
                verb: text(&hit.attribution.verb),
                date: statement_date(&when, doc, &hit).map(|d| text(&d.span)),
                score: (hit.score * 100.0).round() / 100.0,
            }
        })
        .collect()
}

/// The human section of statements and quotes said: one line each.
pub fn render_statements_human(said: &[StatementShown]) -> String {
    let mut out = format!("\nstatements and quotes said: {}\n", said.len());
    for s in said {
        let date = s
            .date
            .as_ref()
            .map_or("no date of saying".to_string(), |d| format!("dated {d}"));
        out.push_str(&format!(
            "  {}:{:<6} {} {}  (speaker \"{}\", verb \"{}\", {:.0}% of its words; {})\n",
            s.line,
            s.column,
            s.kind,
            s.claim,
            s.speaker,
            s.verb,
            s.score * 100.0,
            date
        ));
    }
    out
}
