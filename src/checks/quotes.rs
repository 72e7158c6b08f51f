//! Quote checks: quoted words that drifted from the recorded quote (`quote-drift`),
//! and recorded words put in another person's mouth (`quote-misattribution`): a rule
//! file's other person, a named speaker the rules do not list, or a role or
//! organisation that is not the quote's speaker.

use super::{Draft, finding};
use crate::document::Document;
use crate::extract::quote::{Quotation, QuoteKind};
use crate::finding::{Code, Finding};
use crate::quotes::{self, MISATTRIBUTION_COVERAGE, QuoteMatcher, UNATTRIBUTED_COVERAGE};
use crate::rules::{Person, RuleSet};
use crate::speakers::{Speaker, SpeakerKind};

/// A quotation matched to a recorded quote, with its speaker.
#[derive(Debug, Clone)]
pub struct QuoteHit<'a> {
    /// The quotation.
    pub quotation: &'a Quotation,
    /// Its best match among the recorded quotes.
    pub matched: quotes::QuoteMatch,
    /// Who says it, when a speaker was found.
    pub speaker: Option<Speaker>,
}

/// How a quotation's speaker stands to the person a recorded quote belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mouth {
    /// The quote's own person (by the rules' names, or a name or role that fits them).
    Owner,
    /// Someone else, named as the article writes them.
    Other(String),
    /// Nobody, or a pronoun that resolves to nobody.
    Unknown,
}

/// Who `speaker` is, for a quote recorded for `owner` (index `owner_index`).
pub fn mouth(
    doc: &Document,
    speaker: Option<&Speaker>,
    owner_index: usize,
    rules: &RuleSet,
) -> Mouth {
    let Some(s) = speaker else {
        return Mouth::Unknown;
    };
    let owner = &rules.people[owner_index];
    if let Some(p) = s.person {
        return if p == owner_index {
            Mouth::Owner
        } else {
            Mouth::Other(rules.people[p].name.clone())
        };
    }
    if s.kind == SpeakerKind::Pronoun && s.name.is_none() {
        return Mouth::Unknown;
    }
    let written = s.who(&doc.prose);
    if fits(&written, owner) {
        return Mouth::Owner;
    }
    // A role with no name ("the senator", "the candidate") usually points back at
    // someone the article has named: when it names the quote's person, the role may
    // be them, and a false misattribution is worse than a missed one.
    let unnamed_role =
        matches!(s.kind, SpeakerKind::Role | SpeakerKind::Organisation) && s.name.is_none();
    if unnamed_role && names(&doc.prose, owner) {
        return Mouth::Unknown;
    }
    Mouth::Other(written)
}

/// Whether `prose` names `person`: their full name, an alias, or their surname.
fn names(prose: &str, person: &Person) -> bool {
    let surname = person.name.split_whitespace().next_back();
    std::iter::once(person.name.as_str())
        .chain(person.aliases.iter().map(String::as_str))
        .chain(surname.filter(|s| s.chars().count() > 2))
        .any(|n| {
            prose.match_indices(n).any(|(i, _)| {
                let before = prose[..i].chars().next_back();
                let after = prose[i + n.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
}

/// Whether words the article uses for a speaker may name `person`: the same surname,
/// or for a role, a word of the person's name or aliases ("the minister" for an alias
/// "Georgian prime minister"). Kept generous: a false misattribution is worse than a
/// missed one.
fn fits(written: &str, person: &Person) -> bool {
    let own: Vec<String> = std::iter::once(&person.name)
        .chain(&person.aliases)
        .flat_map(|n| n.split_whitespace())
        .map(crate::align::normalise)
        .filter(|w| w.len() > 2 && !crate::words::is_stopword(w))
        .collect();
    written
        .split_whitespace()
        .map(|w| crate::align::normalise(w.trim_end_matches(['\'', '’', 's'].as_slice())))
        .chain(written.split_whitespace().map(crate::align::normalise))
        .any(|w| w.len() > 2 && own.contains(&w))
}

/// The quotations of `doc` that render a recorded quote. `spoken` holds each spoken
/// quotation with its speaker, when one was found.
pub fn hits<'a>(
    doc: &Document,
    spoken: &[(&'a Quotation, Option<Speaker>)],
    matcher: &QuoteMatcher,
) -> Vec<QuoteHit<'a>> {
    if matcher.recorded.is_empty() {
        return Vec::new();
    }
    let mut search = matcher.search();
    spoken
        .iter()
        .filter_map(|(q, speaker)| {
            let matched = search.best_in(&doc.prose, &q.parts)?;
            Some(QuoteHit {
                quotation: q,
                matched,
                speaker: speaker.clone(),
            })
        })
        .collect()
}

/// The quote findings of one hit: drift when the words differ and the speaker is
/// the quote's (or unknown, with most words in common); misattribution when the
/// recorded words are given to someone else.
pub fn quote_findings(
    doc: &Document,
    hit: &QuoteHit,
    matcher: &QuoteMatcher,
    rules: &RuleSet,
) -> Option<Finding> {
    let recorded = &matcher.recorded[hit.matched.recorded];
    let claim = &rules.claims[recorded.claim];
    let alignment = &hit.matched.alignment;
    let coverage = alignment.coverage();
    let owner = &rules.people[recorded.person].name;
    let q = hit.quotation;
    let span = q.parts.first()?.start..q.parts.last()?.end;
    let found_words = doc.text[span.clone()].to_string();
    let speaker = hit.speaker.as_ref();
    match mouth(doc, speaker, recorded.person, rules) {
        Mouth::Other(other) => {
            // A word or two of the quote in a headline or a paraphrase ("Georgia says
            // regions ‘non-negotiable’") is not the quote put in another mouth.
            let substantial = alignment.matched_content >= 3 || q.kind == QuoteKind::Full;
            if coverage + 1e-9 < MISATTRIBUTION_COVERAGE || !substantial {
                return None;
            }
            let s = speaker?;
            let as_written = doc.text[s.span.clone()].to_string();
            let named = if s.kind == SpeakerKind::Pronoun || as_written != other {
                format!("{other} (\"{as_written}\")")
            } else {
                other.clone()
            };
            let mut f = finding(
                doc,
                Some(claim),
                Draft {
                    code: Code::QuoteMisattribution,
                    span,
                    message: format!(
                        "these are {owner}'s words (claim `{}`), but the article gives them to {named}",
                        claim.id
                    ),
                    found: found_words,
                    expected: recorded.text.clone(),
                    kind: None,
                    suggestion: None,
                },
            );
            f.speaker = Some(as_written);
            f.expected_speaker = Some(owner.clone());
            Some(f)
        }
        known => {
            let speaker = (known == Mouth::Owner).then_some(());
            if alignment.verbatim() {
                return None;
            }
            let threshold = if speaker.is_some() {
                recorded.coverage
            } else {
                UNATTRIBUTED_COVERAGE
            };
            if coverage + 1e-9 < threshold {
                return None;
            }
            // The recorded words the quotation renders: the aligned passage, widened
            // over replaced words at its edges and out to whole recorded sentences, so
            // quoting one sentence of two is not shown as dropping the other.
            let expected = match recorded
                .tokens
                .get(alignment.widened(recorded.tokens.len()))
            {
                Some(t) if !t.is_empty() => {
                    whole_sentences(&recorded.text, t[0].span.start..t[t.len() - 1].span.end)
                }
                _ => recorded.text.clone(),
            };
            let unnamed = if speaker.is_some() {
                ""
            } else {
                "; no speaker is named"
            };
            Some(finding(
                doc,
                Some(claim),
                Draft {
                    code: Code::QuoteDrift,
                    span,
                    message: format!(
                        "quoted words differ from {owner}'s recorded words (claim `{}`): similarity {:.2}, {} of {} content words are the recorded ones{unnamed}",
                        claim.id,
                        alignment.similarity,
                        alignment.matched_content,
                        alignment.article_content
                    ),
                    found: found_words,
                    expected,
                    kind: None,
                    suggestion: None,
                },
            ))
        }
    }
}

/// The part of `text` from the start of the sentence holding `span.start` to the end
/// of the sentence holding `span.end`.
fn whole_sentences(text: &str, span: std::ops::Range<usize>) -> String {
    let ends_sentence = |i: usize| text[..i].ends_with(['.', '?', '!']);
    let start = text[..span.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| c.is_whitespace() && ends_sentence(i))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = (span.end..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .find(|&i| ends_sentence(i) && text[i..].chars().next().is_none_or(char::is_whitespace))
        .unwrap_or(text.len());
    text[start..end.max(span.end)].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::whole_sentences;

    #[test]
    fn passages_widen_to_whole_sentences() {
        let text = "We build for our grandchildren. Every crane is a promise. We will finish.";
        let at = text.find("crane").unwrap();
        assert_eq!(
            whole_sentences(text, at..at + 5),
            "Every crane is a promise."
        );
        assert_eq!(
            whole_sentences(text, 3..8),
            "We build for our grandchildren."
        );
        let end = text.find("finish").unwrap();
        assert_eq!(
            whole_sentences(text, at..end),
            "Every crane is a promise. We will finish."
        );
    }
}
