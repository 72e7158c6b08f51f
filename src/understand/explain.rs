//! Why a claim matched: for every hit in a document, which words of the sentence
//! bound each slot of the claim's template, as `claimcheck mentions --rules` shows it.

use serde::Serialize;

use super::binding::Fit;
use crate::document::Document;
use crate::extract::date::dates;
use crate::extract::outside_dates;
use crate::extract::quantity::quantities;
use crate::pipeline::Checker;

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
    let when = dates(prose, doc.published.as_ref().map(|p| p.date));
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
