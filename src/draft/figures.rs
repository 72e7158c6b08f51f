//! Figure claims drafted from a source: one per figure that states a fact.
//!
//! A figure states a fact when it is a share, an amount of money, a count, a
//! change or a rate stated as the sentence's value: not an ordinal, not a year
//! standing alone, not a day of a date, not a comparison base ("up from 7.1%") or
//! a bound. The sentence is read by the same binding stage as `check`
//! ([`crate::understand::sentence`]), so the claim's wording is the figure as
//! written with the words that stage says it quantifies ("20% of territory"), else
//! the subject its own words give ("bilateral trade ... $1.3 billion"), and its
//! period is the period that stage gives the figure.

use crate::document::Document;
use crate::draft::ids::{Ids, slug};
use crate::draft::{DraftClaim, DraftKind, source_label};
use crate::extract::date::{DateMention, Grain, dates};
use crate::extract::quantity::quantities;
use crate::extract::quote::{Quotation, quotations};
use crate::extract::{Quantity, QuantityKind, Span, outside_dates};
use crate::quotes;
use crate::understand::sentence::{self, Phrase, Role};
use crate::words;

/// How many anchor words a drafted claim takes from a subject before its figure.
const ANCHORS: usize = 2;

/// How many it takes from the noun phrase after its figure, where every word
/// narrows what is counted ("of murders involving black victims").
const QUALIFIERS: usize = 4;

/// Words that carry a figure but say nothing about what it counts.
const CARRIERS: &[&str] = &[
    "reach",
    "reached",
    "rose",
    "rise",
    "fell",
    "fall",
    "grew",
    "grow",
    "was",
    "were",
    "is",
    "are",
    "total",
    "totaled",
    "totalled",
    "hit",
    "stood",
    "climbed",
    "dropped",
    "increased",
    "decreased",
    "said",
    "says",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "roughly",
    "approximately",
    "estimated",
    "more",
    "less",
    "fewer",
    "least",
    "most",
    "just",
    "only",
    "up",
    "down",
    "by",
    "to",
    "than",
    "will",
    "would",
    "could",
    "now",
    "last",
    "year",
    "years",
    "between",
    "among",
    "across",
    "against",
    "within",
    "during",
    "after",
    "before",
    "through",
    "toward",
    "towards",
    "like",
    "near",
    "according",
    "came",
    "close",
    "listed",
    "put",
    "set",
];

/// The figure claims of `doc`, in the order written.
pub fn claims(doc: &Document, ids: &mut Ids) -> Vec<DraftClaim> {
    let published = doc.published.as_ref().map(|p| p.date);
    let when = dates(&doc.prose, published);
    let figures = outside_dates(quantities(&doc.prose), &when);
    let taken: Vec<Span> = figures
        .iter()
        .map(|q| q.span.clone())
        .chain(when.iter().map(|d| d.span.clone()))
        .collect();
    let source = source_label(doc);
    // A figure inside a quotation is the speaker's, and the quote rule holds it.
    let quoted = quotations(&doc.prose, &doc.blocks);
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let lo = figures.partition_point(|q| q.span.start < sentence.start);
        let hi = figures.partition_point(|q| q.span.start < sentence.end);
        if lo == hi {
            continue;
        }
        let structure = sentence::analyse(&doc.prose, sentence, &figures, lo..hi, &when);
        let (line, _) = doc.position(sentence.start);
        for (figure, words, period) in
            stated_facts(doc, &structure, &figures, &when, &taken, &quoted)
        {
            let written = doc.text[figure.span.clone()].trim();
            let topic = slug(&words.anchors.join(" "), ANCHORS);
            let base = match &period {
                Some(p) => format!("{topic}-{}", p.to_lowercase()),
                None => topic,
            };
            out.push(DraftClaim {
                id: ids.unique(&base, "figure"),
                kind: DraftKind::Claim {
                    wording: words.wording(written),
                    period,
                    near: Vec::new(),
                },
                date: None,
                dated_by_sentence: false,
                source: source.clone(),
                example: one_line(&doc.prose[sentence.clone()]),
                place: format!("{}:{line}", doc.path),
                published,
            });
        }
    }
    out
}

/// The figures of one sentence (read into `structure`) that state a fact, each with
/// the words it quantifies and its period. A figure whose own words name no subject
/// ("..., up 7% from a year earlier") states more of the figure before it: same
/// words, same period. Figures inside a quotation (`quoted`) are the speaker's: the
/// quote rule holds them.
fn stated_facts<'f>(
    doc: &Document,
    structure: &sentence::Structure,
    figures: &'f [Quantity],
    when: &[DateMention],
    taken: &[Span],
    quoted: &[Quotation],
) -> Vec<(&'f Quantity, AnchorWords, Option<String>)> {
    let mut out = Vec::new();
    let mut previous: Option<(AnchorWords, Option<String>)> = None;
    for phrase in &structure.phrases {
        let figure = &figures[phrase.figure];
        if phrase.role != Role::Current
            || !states_a_fact(&doc.prose, figure)
            || quotes::inside(quoted, figure.span.start)
        {
            continue;
        }
        let own = anchor_words(&doc.prose, phrase, figure, taken);
        let (words, period) = match (own, &previous) {
            (Some(w), _) if w.named => (w, period_of(phrase, when)),
            (_, Some((w, p))) => (w.clone(), p.clone()),
            (Some(w), None) => (w, period_of(phrase, when)),
            (None, None) => continue,
        };
        previous = Some((words.clone(), period.clone()));
        out.push((figure, words, period));
    }
    out
}

/// Whether a figure states a fact worth a claim: not a year, an ordinal or a bare
/// number, and not a count that refers back to things already named ("the two
/// regions", "both sides").
fn states_a_fact(prose: &str, q: &Quantity) -> bool {
    match q.kind {
        QuantityKind::Year | QuantityKind::Ordinal => false,
        QuantityKind::Number => q.direction.is_some(),
        // "a quarter century" is a span of time; "a quarter of voters" a share.
        QuantityKind::Fraction => prose[q.span.end..].trim_start().starts_with("of "),
        // "one pastor" is a pastor, not a count to hold articles to.
        QuantityKind::Count { .. } => q.value > 1.0 && !refers_back(&prose[..q.span.start]),
        _ => true,
    }
}

fn refers_back(before: &str) -> bool {
    let last = before.split_whitespace().next_back().unwrap_or("");
    [
        "the", "its", "their", "both", "these", "those", "his", "her",
    ]
    .iter()
    .any(|w| last.eq_ignore_ascii_case(w))
}

/// The period the binding gives a figure, when it is one a claim can hold: a year,
/// half, quarter or month.
fn period_of(phrase: &Phrase, when: &[DateMention]) -> Option<String> {
    phrase
        .periods
        .iter()
        .map(|&d| &when[d])
        .find(|d| {
            matches!(
                d.value.grain(),
                Some(Grain::Year | Grain::Half | Grain::Quarter | Grain::Month)
            )
        })
        .map(|d| d.value.label())
}

/// A drafted claim's anchor words, and whether they follow the figure.
#[derive(Debug, Clone)]
struct AnchorWords {
    anchors: Vec<String>,
    /// Whether they are written after the figure ("20% of territory").
    after: bool,
    /// Whether the figure's own words gave them (not only a count's unit or
    /// words borrowed from the entry before).
    named: bool,
}

impl AnchorWords {
    /// The claim's wording: the figure as `written`, with the anchors on the side
    /// the source puts them ("20% of territory", "bilateral trade $1.3 billion").
    fn wording(&self, written: &str) -> String {
        if self.after {
            format!("{written} {}", self.anchors.join(" "))
        } else {
            format!("{} {written}", self.anchors.join(" "))
        }
    }
}

/// The words the figure quantifies, as the binding reads them: the noun phrase
/// after it ("of Georgia's territory"), else the first content words of its own
/// or borrowed words before it (the subject: "bilateral trade ... $1.3 billion").
/// Words of figures and dates (`taken`) are never anchors.
fn anchor_words(
    prose: &str,
    phrase: &Phrase,
    figure: &Quantity,
    taken: &[Span],
) -> Option<AnchorWords> {
    words_after(prose, phrase, figure, taken).or_else(|| words_before(prose, phrase, figure, taken))
}

/// Whether no figure or date (`taken`) holds any of `span`.
fn free(taken: &[Span], span: &Span) -> bool {
    !taken
        .iter()
        .any(|t| t.start < span.end && span.start < t.end)
}

/// The anchors of the noun phrase after the figure ("of Georgia's territory"), when
/// it has content words.
fn words_after(
    prose: &str,
    phrase: &Phrase,
    figure: &Quantity,
    taken: &[Span],
) -> Option<AnchorWords> {
    let after = figure.span.end..phrase.quantified.end.max(figure.span.end);
    let quantified: Vec<(Span, &str)> = words::words(&prose[after.clone()])
        .map(|(s, w)| (after.start + s.start..after.start + s.end, w))
        .collect();
    let mut anchors: Vec<String> = quantified
        .iter()
        .filter(|(s, w)| free(taken, s) && is_content(w))
        .take(QUALIFIERS)
        .map(|(_, w)| w.to_string())
        .collect();
    if anchors.is_empty() {
        return None;
    }
    // "of" stays in the wording when the phrase has it, so it reads as written.
    if quantified
        .first()
        .is_some_and(|(_, w)| w.eq_ignore_ascii_case("of"))
    {
        anchors.insert(0, "of".to_string());
    }
    Some(AnchorWords {
        anchors,
        after: true,
        named: true,
    })
}

/// The first content words of the figure's own or borrowed words before it (the
/// subject: "bilateral trade ... $1.3 billion"); for a count with none, its unit.
fn words_before(
    prose: &str,
    phrase: &Phrase,
    figure: &Quantity,
    taken: &[Span],
) -> Option<AnchorWords> {
    let before: Vec<String> = phrase
        .own
        .iter()
        .flat_map(|seg| {
            words::words(&prose[seg.clone()])
                .map(move |(s, w)| (seg.start + s.start..seg.start + s.end, w))
        })
        .filter(|(s, w)| s.end <= figure.span.start && free(taken, s) && is_content(w))
        .map(|(_, w)| w.to_string())
        .collect();
    let mut anchors: Vec<String> = Vec::new();
    for w in before {
        if anchors.len() < ANCHORS && !anchors.contains(&w) {
            anchors.push(w);
        }
    }
    // A count's unit is an anchor of its own ("104 pages"): not twice.
    if let QuantityKind::Count { unit } = &figure.kind {
        let unit = words::fold(unit);
        anchors.retain(|w| words::fold(w) != unit);
    }
    let named = !anchors.is_empty();
    if let (false, QuantityKind::Count { unit }) = (named, &figure.kind) {
        anchors.push(unit.clone());
    }
    (!anchors.is_empty()).then_some(AnchorWords {
        anchors,
        after: false,
        named,
    })
}

fn is_content(word: &str) -> bool {
    let lower = word.to_lowercase();
    !words::is_stopword(&lower)
        && !CARRIERS.contains(&lower.as_str())
        && !word.chars().all(|c| c.is_ascii_digit())
        && word.chars().count() > 1
}

/// A sentence of the prose view on one line: runs of space (left by blanked
/// markup) made one, and none before closing punctuation.
fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(joined.len());
    for c in joined.chars() {
        if matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    fn wordings(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::with_format(
            "t.txt",
            text.to_string(),
            Format::Plain,
            "2026-03-10".parse().ok(),
        );
        claims(&doc, &mut Ids::default())
            .into_iter()
            .map(|c| match c.kind {
                DraftKind::Claim {
                    wording, period, ..
                } => (wording, period),
                other => panic!("not a figure claim: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn anchors_are_the_words_the_figure_quantifies_else_its_subject() {
        type Drafted<'a> = &'a [(&'a str, Option<&'a str>)];
        let cases: &[(&str, Drafted)] = &[
            // The noun phrase after the figure.
            (
                "About 35% of the harbor's cranes are electric.",
                &[("35% of harbor's cranes", None)],
            ),
            // The subject before it, and its period.
            (
                "Port traffic reached 4.2 million containers in 2025.",
                &[("Port traffic 4.2 million containers", Some("2025"))],
            ),
            // A change that names no subject takes the figure before it.
            (
                "Ferry fares rose to $4.50 in 2025, up 12% from a year earlier.",
                &[
                    ("Ferry fares $4.50", Some("2025")),
                    ("Ferry fares up 12%", Some("2025")),
                ],
            ),
            // A comparison base is not drafted; nor is a count that refers back.
            ("Turnout fell to 41% from 48%.", &[("Turnout 41%", None)]),
            ("The two ferries were late.", &[]),
            // A figure inside a quotation is the speaker's.
            ("\"We carried 9,000 riders,\" the operator said.", &[]),
        ];
        for (text, want) in cases {
            let got = wordings(text);
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(w, p)| (w.to_string(), p.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
