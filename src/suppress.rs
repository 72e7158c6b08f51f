//! Inline suppressions: an editor's way to say "this is right, stop flagging it".
//!
//! In Markdown, as HTML comments (never shown to readers):
//!
//! ```text
//! <!-- claimcheck-disable-next-line value-mismatch -->
//! <!-- claimcheck-disable quote-drift -->  ...  <!-- claimcheck-enable -->
//! ```
//!
//! In plain text, the same words in a line comment starting with `#` or `//`. With
//! no code, a directive covers every code; with several, each of them. An unknown
//! code is a warning, so a typo does not silently suppress nothing.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::finding::{Code, Finding};
use crate::rules::did_you_mean;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:<!--|^[ \t]*(?:#|//))[ \t]*claimcheck-(disable-next-line|disable|enable)\b([^\n]*?)[ \t]*(?:-->|$)")
        .expect("valid regex")
});

/// Lines of a document where findings are suppressed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// (first line, last line, codes; empty for every code), 1-based, inclusive.
    ranges: Vec<(usize, usize, Vec<Code>)>,
}

/// A problem with a suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressionWarning {
    /// The document.
    pub file: String,
    /// 1-based line of the comment.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Suppressions {
    /// Reads the suppression comments of a document.
    pub fn parse(doc: &Document) -> (Suppressions, Vec<SuppressionWarning>) {
        // Every directive holds these words: without them, no expression to build.
        if !doc.text.contains("claimcheck-") {
            return (Suppressions::default(), Vec::new());
        }
        let mut ranges = Vec::new();
        let mut warnings = Vec::new();
        let mut open: Vec<(usize, Vec<Code>)> = Vec::new();
        for cap in DIRECTIVE.captures_iter(&doc.text) {
            let whole = cap.get(0).expect("match");
            let (line, _) = doc.position(whole.start());
            let mut codes = Vec::new();
            let mut named = 0;
            for name in cap[2]
                .split([' ', ',', '\t'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                named += 1;
                match Code::from_name(name) {
                    Some(code) => codes.push(code),
                    None => {
                        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
                        let hint = did_you_mean(name, &names)
                            .map(|s| format!("; did you mean `{s}`?"))
                            .unwrap_or_default();
                        warnings.push(SuppressionWarning {
                            file: doc.path.clone(),
                            line,
                            message: format!(
                                "unknown finding code `{name}` in a suppression comment{hint}"
                            ),
                        });
                    }
                }
            }
            // Codes named but none known: suppress nothing (the warning says why),
            // rather than everything.
            if named > 0 && codes.is_empty() {
                continue;
            }
            match &cap[1] {
                "disable-next-line" => ranges.push((line + 1, line + 1, codes)),
                "disable" => open.push((line, codes)),
                _ => {
                    // `enable` closes the blocks it names, or all of them.
                    let (closing, still): (Vec<_>, Vec<_>) =
                        open.into_iter().partition(|(_, c)| {
                            codes.is_empty() || c.iter().any(|x| codes.contains(x)) || c.is_empty()
                        });
                    open = still;
                    ranges.extend(closing.into_iter().map(|(start, c)| (start, line, c)));
                }
            }
        }
        // A block never closed runs to the end of the document.
        ranges.extend(open.into_iter().map(|(start, c)| (start, usize::MAX, c)));
        (Suppressions { ranges }, warnings)
    }

    /// Whether a finding stands (is not suppressed).
    pub fn allows(&self, f: &Finding) -> bool {
        !self.ranges.iter().any(|(first, last, codes)| {
            *first <= f.line && f.line <= *last && (codes.is_empty() || codes.contains(&f.code))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, name: &str) -> (Vec<(usize, usize, usize)>, usize) {
        let doc = Document::new(name, text.to_string(), None);
        let (s, w) = Suppressions::parse(&doc);
        (
            s.ranges
                .iter()
                .map(|(a, b, c)| (*a, (*b).min(99), c.len()))
                .collect(),
            w.len(),
        )
    }

    #[test]
    fn markdown_comments() {
        let text = "a\n<!-- claimcheck-disable-next-line value-mismatch -->\nb\n<!-- claimcheck-disable -->\nc\n<!-- claimcheck-enable -->\n";
        assert_eq!(lines(text, "a.md"), (vec![(3, 3, 1), (4, 6, 0)], 0));
    }

    #[test]
    fn plain_text_line_comments_and_several_codes() {
        let text = "# claimcheck-disable-next-line value-mismatch, period-mismatch\nx\n// claimcheck-disable quote-drift\ny\n";
        assert_eq!(lines(text, "a.txt"), (vec![(2, 2, 2), (3, 99, 1)], 0));
    }

    #[test]
    fn unknown_codes_are_warnings() {
        let doc = Document::new(
            "a.md",
            "<!-- claimcheck-disable-next-line value-mismach -->\nx\n".into(),
            None,
        );
        let (_, w) = Suppressions::parse(&doc);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, 1);
        assert!(
            w[0].message.contains("did you mean `value-mismatch`"),
            "{}",
            w[0].message
        );
    }

    #[test]
    fn prose_mentioning_the_word_is_not_a_directive() {
        assert_eq!(
            lines("We discussed claimcheck-disable in the meeting.\n", "a.txt"),
            (vec![], 0)
        );
    }
}
