//! Attribution: who a sentence reports. "Kobakhidze said", "said Prime Minister
//! Irakli Kobakhidze", "according to Zakharova", "was reiterated by Zakharova", and
//! "she added" resolved to the person named just before.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::extract::Span;
use crate::people::PersonMention;

/// A sentence reporting what a person said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index of the person in the rule set's `people`.
    pub person: usize,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The reporting verb ("said", "according to").
    pub verb: Span,
    /// Where the speaker is named (the pronoun, for "she said").
    pub speaker: Span,
    /// Whether the speaker is a pronoun resolved to the person named before.
    pub pronoun: bool,
}

/// Reporting verbs and phrases. "According to" and passive "by" take the speaker
/// after them.
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:according to|said|says|say|told|tells|added|adds|reiterated|reiterates|stated|states|noted|notes|emphasi[sz]ed|stressed|insisted|remarked|explained|declared|announced|warned|argued|claimed|responded|replied|wrote|asserted|acknowledged|confirmed|recalled|urged|maintained|informed|commented|observed|continued|concluded|described|describes|called|calls|calling|termed|branded|labell?ed|characteri[sz]ed|dubbed)\b",
    )
    .expect("valid regex")
});

static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:he|she|it|they)$").expect("valid regex"));

/// How far (in bytes) a speaker may stand from the verb: room for a title or an
/// apposition ("Irakli Kobakhidze, the Georgian prime minister, said").
const REACH: usize = 80;

/// Every attribution in `doc`, given the people named in it (in order), one per
/// reporting verb that has a speaker, in document order.
pub fn attributions(doc: &Document, people: &[PersonMention]) -> Vec<Attribution> {
    let prose = doc.prose.as_str();
    let mut out = Vec::new();
    for m in VERB.find_iter(prose) {
        let Some(sentence) = doc.sentence_at(m.start()) else {
            continue;
        };
        let bounds = doc.sentences[sentence].clone();
        let verb = m.start()..m.end();
        let takes_after = m.as_str().to_ascii_lowercase().starts_with("according");
        if let Some(a) = pronoun(prose, &verb, people, sentence) {
            out.push(a);
            continue;
        }
        // People are in order: look only at the first one after the verb and the
        // last one before it (the nearest), so the whole pass is linear.
        let next = people.partition_point(|p| p.span.start < verb.end);
        let after = people
            .get(next)
            .filter(|p| p.span.start <= bounds.end && gap_ok(&prose[verb.end..p.span.start]));
        let prev = people.partition_point(|p| p.span.end <= verb.start);
        let before = prev.checked_sub(1).map(|i| &people[i]).filter(|p| {
            !takes_after && p.span.start >= bounds.start && gap_ok(&prose[p.span.end..verb.start])
        });
        // The nearer of the two; a speaker before the verb wins a tie ("X said Y").
        let chosen = match (before, after) {
            (Some(b), Some(a)) => {
                if verb.start - b.span.end <= a.span.start - verb.end {
                    b
                } else {
                    a
                }
            }
            (Some(b), None) => b,
            (None, Some(a)) => a,
            (None, None) => continue,
        };
        out.push(Attribution {
            person: chosen.person,
            sentence,
            verb,
            speaker: chosen.span.clone(),
            pronoun: false,
        });
    }
    out
}

/// "she said", "said he": a pronoun right next to the verb, resolved to the last
/// person named before it.
fn pronoun(
    prose: &str,
    verb: &Span,
    people: &[PersonMention],
    sentence: usize,
) -> Option<Attribution> {
    let before = prose[..verb.start].trim_end_matches([' ', '\n', ',']);
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let after = prose[verb.end..].trim_start_matches([' ', '\n']);
    let word_after = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let span = if PRONOUN.is_match(word_before) {
        before.len() - word_before.len()..before.len()
    } else if PRONOUN.is_match(word_after) {
        let start = prose.len() - after.len();
        start..start + word_after.len()
    } else {
        return None;
    };
    let last = &people[people
        .partition_point(|p| p.span.end <= span.start)
        .checked_sub(1)?];
    Some(Attribution {
        person: last.person,
        sentence,
        verb: verb.clone(),
        speaker: span,
        pronoun: true,
    })
}

/// Whether the text between a speaker and a verb can stand there: short, and no
/// quotation or sentence punctuation in it (a title, an apposition, "by", "to
/// reporters").
fn gap_ok(gap: &str) -> bool {
    gap.len() <= REACH
        && !gap.contains(['“', '”', '"', '.', ';', ':', '?', '!'])
        && gap.split_whitespace().count() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::PeopleFinder;
    use crate::rules::Person;

    fn people() -> Vec<Person> {
        vec![
            Person {
                id: "kobakhidze".into(),
                name: "Irakli Kobakhidze".into(),
                aliases: vec![],
            },
            Person {
                id: "zakharova".into(),
                name: "Maria Zakharova".into(),
                aliases: vec![],
            },
        ]
    }

    /// (person id, verb) for every attribution in `text`.
    fn who(text: &str) -> Vec<(String, String, bool)> {
        let ps = people();
        let doc = Document::new("a.txt", text.to_string(), None);
        let mentions = PeopleFinder::new(&ps).find(&doc.prose);
        attributions(&doc, &mentions)
            .into_iter()
            .map(|a| {
                (
                    ps[a.person].id.clone(),
                    doc.text[a.verb].to_string(),
                    a.pronoun,
                )
            })
            .collect()
    }

    #[test]
    fn both_orders() {
        assert_eq!(
            who("Irakli Kobakhidze said the talks failed."),
            [("kobakhidze".into(), "said".into(), false)]
        );
        assert_eq!(
            who("The talks failed, said Prime Minister Irakli Kobakhidze."),
            [("kobakhidze".into(), "said".into(), false)]
        );
        assert_eq!(
            who("“We stand firm,” Irakli Kobakhidze told reporters."),
            [("kobakhidze".into(), "told".into(), false)]
        );
    }

    #[test]
    fn according_to_and_passive_by() {
        assert_eq!(
            who("According to Maria Zakharova, Moscow is ready."),
            [("zakharova".into(), "According to".into(), false)]
        );
        assert_eq!(
            who("The message was reiterated by spokesperson Maria Zakharova on Thursday."),
            [("zakharova".into(), "reiterated".into(), false)]
        );
    }

    #[test]
    fn apposition_between_speaker_and_verb() {
        assert_eq!(
            who(
                "Irakli Kobakhidze, the Georgian Dream prime minister, stated that ties would wait."
            ),
            [("kobakhidze".into(), "stated".into(), false)]
        );
    }

    #[test]
    fn pronouns_resolve_to_the_person_named_before() {
        assert_eq!(
            who("Maria Zakharova spoke on Thursday. Moscow is ready, she added."),
            [("zakharova".into(), "added".into(), true)]
        );
        assert_eq!(
            who("Irakli Kobakhidze met Maria Zakharova. “No,” said he."),
            [("zakharova".into(), "said".into(), true)]
        );
    }

    #[test]
    fn no_speaker_no_attribution() {
        assert_eq!(who("Officials said the talks failed."), []);
        assert_eq!(
            who("Irakli Kobakhidze arrived. Officials said the talks failed."),
            []
        );
    }
}
