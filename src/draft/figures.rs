//! Figure claims drafted from a source: one per figure that states a fact.
//!
//! A figure states a fact when it is a share, an amount of money, a count, a
//! change or a rate: not an ordinal, not a year standing alone, not a day of a
//! date. Its claim's wording is the figure as written followed by the words it
//! quantifies ("20% of territory": the content words after "of", or the unit of a
//! count), else the nearest content words of its clause before it ("trade ...
//! $1.3 billion"); its period is the year, half, quarter or month its clause gives.

use crate::document::Document;
use crate::draft::ids::{Ids, slug};
use crate::draft::{DraftClaim, DraftKind, source_label};
use crate::extract::date::{DateMention, Grain, dates};
use crate::extract::quantity::quantities;
use crate::extract::{Quantity, QuantityKind, Span, outside_dates};
use crate::words;

/// How many anchor words a drafted claim takes.
const ANCHORS: usize = 2;

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
    let source = source_label(doc);
    let mut out = Vec::new();
    let taken: Vec<Span> = figures
        .iter()
        .map(|q| q.span.clone())
        .chain(when.iter().map(|d| d.span.clone()))
        .collect();
    for figure in figures.iter().filter(|q| states_a_fact(&doc.prose, q)) {
        let Some(sentence) = doc
            .sentence_at(figure.span.start)
            .map(|i| doc.sentences[i].clone())
        else {
            continue;
        };
        let clause = clause_of(&doc.prose, &sentence, &figure.span);
        let Some(phrase) = phrase_for(&doc.prose, &clause, figure, &taken) else {
            continue;
        };
        let anchors = phrase.anchors;
        let written = doc.text[figure.span.clone()].trim();
        let wording = if phrase.after_of {
            format!("{written} of {}", anchors.join(" "))
        } else {
            format!("{} {written}", anchors.join(" "))
        };
        let period = period_for(&when, &clause, &figure.span);
        let base = match &period {
            Some(p) => format!("{}-{}", slug(&anchors.join(" "), ANCHORS), p.to_lowercase()),
            None => slug(&anchors.join(" "), ANCHORS),
        };
        let (line, _) = doc.position(sentence.start);
        out.push(DraftClaim {
            id: ids.unique(&base, "figure"),
            kind: DraftKind::Claim { wording, period },
            date: None,
            source: source.clone(),
            example: one_line(&doc.prose[sentence]),
            place: format!("{}:{line}", doc.path),
            published,
        });
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
        QuantityKind::Count { .. } => !refers_back(&prose[..q.span.start]),
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

/// The clause of `sentence` holding `figure`: cut at semicolons, and at commas
/// before "while", "but", "whereas" and "although".
fn clause_of(prose: &str, sentence: &Span, figure: &Span) -> Span {
    let text = &prose[sentence.clone()];
    let mut cuts = vec![0];
    for (i, c) in text.char_indices() {
        if c == ';' {
            cuts.push(i + 1);
        } else if c == ',' {
            let rest = text[i + 1..].trim_start().to_lowercase();
            if ["while ", "but ", "whereas ", "although "]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                cuts.push(i + 1);
            }
        }
    }
    cuts.push(text.len());
    let at = figure.start - sentence.start;
    let i = cuts.partition_point(|&c| c <= at);
    sentence.start + cuts[i - 1]..sentence.start + cuts[i]
}

/// The words a figure quantifies, as a claim's anchors.
struct Phrase {
    anchors: Vec<String>,
    /// Whether they follow the figure after "of" ("20% of territory").
    after_of: bool,
}

/// The words the figure quantifies: after it ("of territory", a count's unit), else
/// the nearest content words before it in its clause. Words of other figures and of
/// dates (`taken`) are never anchors.
fn phrase_for(prose: &str, clause: &Span, figure: &Quantity, taken: &[Span]) -> Option<Phrase> {
    let free = |span: &Span| {
        !taken
            .iter()
            .any(|t| t.start < span.end && span.start < t.end)
    };
    let after = figure.span.end..clause.end;
    let text = &prose[after.clone()];
    let phrase_end = text
        .find([',', ';', ':', '.', '(', '"', '“'])
        .unwrap_or(text.len());
    let mut words_after = words::words(&text[..phrase_end])
        .map(|(s, w)| (after.start + s.start..after.start + s.end, w))
        .peekable();
    let mut anchors = Vec::new();
    let mut after_of = false;
    if words_after
        .peek()
        .is_some_and(|(_, w)| w.eq_ignore_ascii_case("of"))
    {
        anchors.extend(
            words_after
                .filter(|(s, w)| free(s) && is_content(w))
                .take(ANCHORS)
                .map(|(_, w)| w.to_string()),
        );
        after_of = !anchors.is_empty();
    }
    if anchors.is_empty() {
        // The subject: the first content words of the figure's own segment of the
        // clause ("bilateral trade reached $1.3 billion" after "According to X,"),
        // else of the clause ("trade reached $1.3 billion, up 7%").
        let segment_start = prose[clause.start..figure.span.start]
            .rfind(',')
            .map_or(clause.start, |i| clause.start + i + 1);
        for start in [segment_start, clause.start] {
            let before = start..figure.span.start;
            anchors.extend(
                words::words(&prose[before.clone()])
                    .map(|(s, w)| (before.start + s.start..before.start + s.end, w))
                    .filter(|(s, w)| free(s) && is_content(w))
                    .take(ANCHORS)
                    .map(|(_, w)| w.to_string()),
            );
            if !anchors.is_empty() {
                break;
            }
        }
    }
    if let (true, QuantityKind::Count { unit }) = (anchors.is_empty(), &figure.kind) {
        anchors.push(unit.clone());
    }
    anchors.dedup();
    (!anchors.is_empty()).then_some(Phrase { anchors, after_of })
}

fn is_content(word: &str) -> bool {
    let lower = word.to_lowercase();
    !words::is_stopword(&lower)
        && !CARRIERS.contains(&lower.as_str())
        && !word.chars().all(|c| c.is_ascii_digit())
        && word.chars().count() > 1
}

/// The period the clause gives the figure: the nearest year, half, quarter or month
/// after it in the clause, else before it. Bounds ("since 2012") and comparisons
/// ("from a year earlier") give none.
fn period_for(when: &[DateMention], clause: &Span, figure: &Span) -> Option<String> {
    let candidates = when.iter().filter(|d| {
        d.bound.is_none()
            && d.span.start >= clause.start
            && d.span.end <= clause.end
            && matches!(
                d.value.grain(),
                Some(Grain::Year | Grain::Half | Grain::Quarter | Grain::Month)
            )
    });
    let (after, before): (Vec<&DateMention>, Vec<&DateMention>) =
        candidates.partition(|d| d.span.start >= figure.end);
    after.first().or(before.last()).map(|d| d.value.label())
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
