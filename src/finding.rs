//! Findings: what claimcheck reports, with stable codes and their documentation.

use std::fmt;

use serde::Serialize;

/// How serious a finding is. Error-level findings make `check` exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[derive(serde::Deserialize)]
pub enum Severity {
    /// Worth a look; does not fail a run by default.
    Warning,
    /// Wrong; fails a run.
    Error,
}

impl Severity {
    /// The word reports use: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A finding code. The codes are stable: CI configurations and suppressions name
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A figure that disagrees with the claim's value.
    ValueMismatch,
    /// A figure given for another period than the claim's.
    PeriodMismatch,
    /// A statement or quote dated to another day than the claim's.
    DateMismatch,
    /// A weekday that does not fit the date written with it.
    WeekdayMismatch,
    /// Quoted words that differ from the recorded quote.
    QuoteDrift,
    /// A recorded quote put in another person's mouth.
    QuoteMisattribution,
    /// Documents of one run that disagree with each other.
    SourceDisagreement,
}

/// The documentation of one finding code, in the same three parts for every code.
#[derive(Debug, Clone, Copy)]
pub struct CodeDoc {
    /// A one-line summary.
    pub title: &'static str,
    /// What the code catches.
    pub what: &'static str,
    /// Why it matters to a newsroom.
    pub why: &'static str,
    /// An example: a rule, a sentence, and what claimcheck says.
    pub example: &'static str,
}

impl Code {
    /// Every code, in the order documentation lists them.
    pub const ALL: [Code; 7] = [
        Code::ValueMismatch,
        Code::PeriodMismatch,
        Code::DateMismatch,
        Code::WeekdayMismatch,
        Code::QuoteDrift,
        Code::QuoteMisattribution,
        Code::SourceDisagreement,
    ];

    /// The code as written in reports and configuration: `value-mismatch`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::ValueMismatch => "value-mismatch",
            Code::PeriodMismatch => "period-mismatch",
            Code::DateMismatch => "date-mismatch",
            Code::WeekdayMismatch => "weekday-mismatch",
            Code::QuoteDrift => "quote-drift",
            Code::QuoteMisattribution => "quote-misattribution",
            Code::SourceDisagreement => "source-disagreement",
        }
    }

    /// The code named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The severity a finding of this code has unless a rule says otherwise.
    pub fn default_severity(self) -> Severity {
        match self {
            Code::QuoteDrift | Code::SourceDisagreement => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// What the code catches, why it matters, and an example.
    pub fn doc(self) -> CodeDoc {
        match self {
            Code::ValueMismatch => CodeDoc {
                title: "a figure that disagrees with the claim's value",
                what: "A figure in a sentence that matches a claim template disagrees with the \
                       template's value: another number, the wrong scale (million for billion), \
                       the wrong direction (a fall for a rise), or percentage points written for \
                       percent. A figure agrees when it lies within the precision the template \
                       states (\"$1.3B\" accepts $1.25B to $1.35B) or within the rule's \
                       `tolerance:`. Hedges such as \"about\" or \"nearly\" do not make a wrong \
                       figure right.",
                why: "A wrong figure is the most common correction a newsroom runs, and a scale \
                      or direction slip turns a story's meaning around while looking plausible \
                      to a reader.",
                example: "Rule: `claim: \"$1.3B trade, +7%\"`.\n\
                          Article: \"Trade fell 7% to $1.3 million.\"\n\
                          Finds: value-mismatch on \"$1.3 million\" (million written for \
                          billion) and on \"fell 7%\" (a fall where the claim says a rise).",
            },
            Code::PeriodMismatch => CodeDoc {
                title: "a figure given for another period than the claim's",
                what: "A figure that matches a claim, with the claim's value, is given for \
                       another period than the claim's `period:`. A different figure for \
                       another period is another fact, not a finding.",
                why: "The right number for the wrong year or quarter is still a wrong fact, and \
                      it is easy to miss because the figure itself looks familiar.",
                example: "Rule: `claim: \"$1.3B trade\"`, `period: 2025-H1`.\n\
                          Article: \"Trade reached $1.3 billion in the first half of 2024.\"\n\
                          Finds: period-mismatch on \"the first half of 2024\".",
            },
            Code::DateMismatch => CodeDoc {
                title: "a statement or quote dated to another day than the claim's",
                what: "A sentence that reports a claim's statement or quote dates it to another \
                       day than the claim's `date:`, whether the date is written out or \
                       relative (\"on Wednesday\", resolved against the publication date).",
                why: "Misdated statements rewrite the order of events: a reply can appear to \
                      come before the remark it answers, or a year early.",
                example: "Rule: `statement: \"Moscow is ready to normalize ties\"`, `by: \
                          zakharova`, `date: 2025-12-04`.\n\
                          Article: \"Zakharova said on December 4, 2024 that Moscow is ready to \
                          normalize ties.\"\n\
                          Finds: date-mismatch: the year: 2024, not 2025.",
            },
            Code::WeekdayMismatch => CodeDoc {
                title: "a weekday that does not fit the date written with it",
                what: "A date written with its weekday where the weekday is wrong. No rule is \
                       needed.",
                why: "One of the two is wrong, and readers cannot tell which.",
                example: "Article: \"on Thursday, December 3, 2025\".\n\
                          Finds: weekday-mismatch: December 3, 2025 was a Wednesday.",
            },
            Code::QuoteDrift => CodeDoc {
                title: "quoted words that differ from the recorded quote",
                what: "Words inside quotation marks that differ from the recorded quote, or \
                       from the same speaker's quote in another source of the run. The report \
                       shows a word-by-word diff.",
                why: "Quotation marks promise the speaker's exact words. A paraphrase inside \
                      them misquotes the speaker, however close its meaning.",
                example: "Rule: `quote: \"We have a principled stance and red lines.\"`, \
                          `by: kobakhidze`.\n\
                          Article: “We hold a firm position and have red lines,” Kobakhidze \
                          said.\n\
                          Finds: quote-drift, with the changed words marked.",
            },
            Code::QuoteMisattribution => CodeDoc {
                title: "a recorded quote put in another person's mouth",
                what: "A recorded quote attributed to someone other than the person who said it.",
                why: "Putting words in the wrong mouth is among the most serious errors a \
                      publication can make.",
                example: "Rule: the quote is `by: kobakhidze`.\n\
                          Article: “This issue is non-negotiable,” Zakharova said.\n\
                          Finds: quote-misattribution naming both people.",
            },
            Code::SourceDisagreement => CodeDoc {
                title: "documents of one run that disagree with each other",
                what: "Documents in one run give different values for a claim whose template \
                       has a slot rather than a value, so no rule settles which is right. Each \
                       document in the minority is reported, with the others' values.",
                why: "When the wire copy and two outlets disagree, at least one is wrong, and an \
                      editor should know before publishing a third version.",
                example: "Rule: `claim: \"{percent} of territory\"`.\n\
                          Sources: two say 20%, one says 25%.\n\
                          Finds: source-disagreement on the 25%, naming the other two.",
            },
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One verdict: a place in a document, what is wrong there, and which rule says so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The finding code.
    pub code: Code,
    /// Its severity, after the rule's override.
    pub severity: Severity,
    /// The document.
    pub file: String,
    /// 1-based line where the words start.
    pub line: usize,
    /// 1-based character column where the words start.
    pub column: usize,
    /// 1-based line where the words end.
    pub end_line: usize,
    /// 1-based character column just past the words.
    pub end_column: usize,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The claim's id; `null` for checks that need no rule (a weekday that does not
    /// fit its date).
    pub rule: Option<String>,
    /// The rule file the claim is in.
    pub rule_file: Option<String>,
    /// The words found in the document.
    pub found: String,
    /// What the claim expects.
    pub expected: String,
    /// The line of the claim in its rule file.
    pub rule_line: Option<usize>,
    /// What kind of disagreement this is (`magnitude`, `direction`, `points`,
    /// `currency`, `value`), when the code has kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The expected words in the article's own style, when they can be written: what
    /// an editor would put in place of `found`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The claim's `source:`, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// For `quote-misattribution`: who the article gives the words to, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// For `quote-misattribution`: who said the words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_speaker: Option<String>,
    /// Where other documents of the run say something else about the same claim
    /// (`source-disagreement`); empty for findings about one document alone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// How many more places disagree than `related` lists (it lists at most
    /// [`crate::sources::RELATED_LISTED`]); 0, and not written, when it lists all.
    #[serde(skip_serializing_if = "is_zero")]
    pub related_more: usize,
    /// The byte span of the words in the document (not serialized).
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
}

impl Finding {
    /// What the word diff of a report sets side by side, the record first: for a
    /// quote put in the wrong mouth the two speakers (the words are right), else the
    /// suggested fix (or the expected words) against the words found.
    pub fn words_compared(&self) -> (&str, &str) {
        match (&self.expected_speaker, &self.speaker) {
            (Some(e), Some(s)) => (e.as_str(), s.as_str()),
            _ => (
                self.suggestion.as_deref().unwrap_or(&self.expected),
                self.found.as_str(),
            ),
        }
    }
}

/// Another document's words about the same claim, for cross-source findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// The other document.
    pub file: String,
    /// 1-based line where its words start.
    pub line: usize,
    /// 1-based character column where its words start.
    pub column: usize,
    /// 1-based line where its words end.
    pub end_line: usize,
    /// 1-based character column just past its words.
    pub end_column: usize,
    /// The value that document gives, as written there.
    pub value: String,
}

/// A finding for the reports' tests: a value-mismatch-like finding of claim
/// `trade-2025` at `file:line`, columns 5 to 17.
#[cfg(test)]
pub(crate) fn sample(code: Code, file: &str, line: usize, message: &str) -> Finding {
    Finding {
        code,
        severity: code.default_severity(),
        file: file.to_owned(),
        line,
        column: 5,
        end_line: line,
        end_column: 17,
        message: message.to_owned(),
        rule: Some("trade-2025".to_owned()),
        rule_file: Some("claims/trade.yaml".to_owned()),
        found: "$1.3 million".to_owned(),
        expected: "$1.3B".to_owned(),
        rule_line: Some(3),
        kind: Some("magnitude".to_owned()),
        suggestion: Some("$1.3 billion".to_owned()),
        source: Some("Geostat".to_owned()),
        related: Vec::new(),
        related_more: 0,
        speaker: None,
        expected_speaker: None,
        span: 0..0,
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}
