//! A run's conclusion, gathered document by document as each is examined: the
//! findings go straight into the run's one list (the documents' own findings,
//! their suppression comments already applied), so a run never holds its findings
//! twice; once every document is in, sources are compared and their findings
//! merged into that list in place.

use std::cmp::Ordering;

use super::{Analysis, DocumentFailure, Examined, Finding, order};
use crate::rules::RuleSet;
use crate::sources;
use crate::suppress::Suppressions;

/// What the documents examined so far left, in run order.
#[derive(Debug, Default)]
pub struct Conclusion {
    analysis: Analysis,
    /// Per document, its suppression comments (for the findings comparing it with
    /// the others, made at the end).
    suppressions: Vec<Suppressions>,
    /// Per document, the end of its findings in `analysis.findings`.
    ends: Vec<usize>,
}

impl Conclusion {
    /// How many documents were added.
    pub fn documents(&self) -> usize {
        self.ends.len()
    }

    /// Adds the next document in run order.
    pub fn add(&mut self, e: Examined) {
        let a = &mut self.analysis;
        a.seen.push(e.seen);
        a.warnings.extend(e.warnings);
        if let Some(message) = e.failure {
            a.failed.push(DocumentFailure {
                file: e.file.clone(),
                message,
            });
        }
        a.files.push(e.file);
        // A finding's suppression depends on it alone, so the document's own
        // findings are let through now; they are in position order already.
        a.findings
            .extend(e.findings.into_iter().filter(|f| e.suppressions.allows(f)));
        self.ends.push(a.findings.len());
        self.suppressions.push(e.suppressions);
    }

    /// Compares the documents with each other and merges those findings (the
    /// documents' suppressions applied) into the run's, per document in run order
    /// and by position within each, a document's own findings first where two
    /// are at one place.
    pub fn finish(self, rules: &RuleSet) -> Analysis {
        let Conclusion {
            mut analysis,
            suppressions,
            ends,
        } = self;
        let mut across: Vec<(usize, Finding)> = sources::compare(&analysis.seen, rules)
            .into_iter()
            .filter(|(d, f)| suppressions[*d].allows(f))
            .collect();
        across.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| order(&a.1, &b.1)));
        merge(&mut analysis.findings, &ends, across);
        analysis
    }
}

/// Merges `across` (document index and finding, sorted) into `findings` (sorted
/// per document; document `d`'s end at `ends[d]`), in place from the back: the
/// list grows by `across` alone, never copied whole.
fn merge(findings: &mut Vec<Finding>, ends: &[usize], mut across: Vec<(usize, Finding)>) {
    if across.is_empty() {
        return;
    }
    let own = findings.len();
    // Places to fill: [i, k) holds nothing of worth, [k, ..) is merged.
    findings.extend(across.iter().map(|(_, f)| f.clone()));
    let (mut i, mut k) = (own, findings.len());
    while let Some((d, f)) = across.last() {
        // The own finding at i - 1 goes last when it sorts after the comparison's
        // (its document's index found by halving).
        let own_last = i > 0 && {
            let mine = ends.partition_point(|&e| e < i);
            mine.cmp(d).then_with(|| order(&findings[i - 1], f)) == Ordering::Greater
        };
        if own_last {
            findings.swap(i - 1, k - 1);
            i -= 1;
        } else if let Some((_, f)) = across.pop() {
            findings[k - 1] = f;
        }
        k -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Code, Severity};

    fn at(file: usize, line: usize, code: Code, tag: &str) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            file: format!("d{file}.md"),
            line,
            column: 1,
            end_line: line,
            end_column: 2,
            message: tag.to_string(),
            rule: None,
            rule_file: None,
            found: String::new(),
            expected: String::new(),
            rule_line: None,
            kind: None,
            suggestion: None,
            source: None,
            related: Vec::new(),
            related_more: 0,
            speaker: None,
            expected_speaker: None,
            span: 0..1,
        }
    }

    /// The merge in place gives what sorting each document's findings with its
    /// comparisons appended gives (a stable sort: own findings first at one place),
    /// over seeded mixes of documents with none, some or only comparisons.
    #[test]
    fn merging_in_place_is_sorting_each_document() {
        let mut seed = crate::seeded::Seeded(0x2545_f491_4f6c_dd1d);
        let mut next = |n: u64| seed.below(n as usize);
        let codes = [
            Code::ValueMismatch,
            Code::SourceDisagreement,
            Code::QuoteDrift,
        ];
        for round in 0..300 {
            let docs = 1 + next(6);
            let mut per_doc: Vec<Vec<Finding>> = Vec::new();
            let mut across = Vec::new();
            for d in 0..docs {
                let mut own: Vec<Finding> = (0..next(5))
                    .map(|k| at(d, 1 + next(4), codes[next(3)], &format!("own {round} {k}")))
                    .collect();
                own.sort_by(order);
                per_doc.push(own);
            }
            for k in 0..next(6) {
                let d = next(docs as u64);
                across.push((
                    d,
                    at(d, 1 + next(4), codes[next(3)], &format!("across {k}")),
                ));
            }
            let mut expected = per_doc.clone();
            for (d, f) in &across {
                expected[*d].push(f.clone());
            }
            let expected: Vec<Finding> = expected
                .into_iter()
                .flat_map(|mut v| {
                    v.sort_by(order);
                    v
                })
                .collect();
            let mut ends = Vec::new();
            let mut findings = Vec::new();
            for own in per_doc {
                findings.extend(own);
                ends.push(findings.len());
            }
            across.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| order(&a.1, &b.1)));
            merge(&mut findings, &ends, across);
            assert_eq!(findings, expected, "round {round}");
        }
    }
}
