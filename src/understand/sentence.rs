//! The structure of one sentence, as far as figures need it.
//!
//! A sentence is cut into clauses (at ";", "while", "whereas", "but", "although") and
//! each clause into segments (at commas, brackets, dashes, "and", "or"): a list entry
//! ("Sanders by 30%"), a clause part ("ridership rose 12%"), an opening phrase ("In
//! 2024,"). Each figure gets a [`Phrase`]:
//!
//! * its own words: the segment holding it, with the figure-less segments that
//!   continue it ("rose 7%, to $1.3 billion, in trade");
//! * the words it shares or borrows: the opening segments of its clause ("In
//!   2024, ..."), and, for an entry that leaves words out, those of the entry before
//!   it: "and 12% in 2024" borrows all of "ridership rose 9% in 2023"; "Bloomberg by
//!   16%", which names its own owner, borrows only what the first entry's figure
//!   quantifies ("of likely voters");
//! * the words it quantifies: from the figure to the end of its noun phrase ("82
//!   percent of murders involving black victims", up to "were");
//! * its role: the value stated ([`Role::Current`]), the base of a comparison
//!   ([`Role::Base`]: "from 7.1%", "compared with", "than", a total "of the 5,000
//!   jobs promised", what "was expected to cost" before what it "will now cost", a
//!   value "when Obama took office"), or a bound ([`Role::Bound`]: "more than",
//!   "at most");
//! * its periods: the periods written after it in its segment (or before it, when
//!   none follows), else those of its segment, else those that open its clause.
//!   Comparison bases ("from 2024", "than in 2024") and open bounds ("since 2012")
//!   are nobody's period.

use std::ops::Range;

use crate::extract::date::{DateMention, DateValue};
use crate::extract::{Hedge, Quantity, QuantityKind, Span};
use crate::words;

/// What a figure is in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The value the sentence states: "fell to 6.5%", "will now cost $4.2 billion".
    Current,
    /// The base of a comparison or a value of another time: "from 7.1%", "compared
    /// with 12%", "of the 5,000 jobs promised", "was expected to cost $3.1 billion",
    /// "7.8 percent when Obama took office".
    Base,
    /// A bound: "more than 3,000", "at most 5%".
    Bound,
}

impl Role {
    /// The word `mentions` prints for the role.
    pub fn word(self) -> &'static str {
        match self {
            Role::Current => "value",
            Role::Base => "comparison base",
            Role::Bound => "bound",
        }
    }
}

/// One figure of a sentence with the words it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// Index of the figure in the document's figures.
    pub figure: usize,
    /// What the figure is.
    pub role: Role,
    /// Its own words: its segment and the segments that continue it.
    pub own: Vec<Span>,
    /// Words it shares with other figures or borrows from an earlier entry.
    pub borrowed: Vec<Span>,
    /// The figure and the noun phrase after it: the words it quantifies.
    pub quantified: Span,
    /// The folded content words of that noun phrase after the figure itself ("of
    /// murders involving black victims": murder, involv, black, victim), dates
    /// aside.
    pub qualifiers: Vec<String>,
    /// The periods given for it (indices in the document's dates).
    pub periods: Vec<usize>,
}

impl Phrase {
    /// Whether `span` lies in the figure's own words.
    pub fn owns(&self, span: &Span) -> bool {
        self.own.iter().any(|s| inside(span, s))
    }

    /// Whether `span` lies in its own or borrowed words.
    pub fn reaches(&self, span: &Span) -> bool {
        self.owns(span) || self.borrowed.iter().any(|s| inside(span, s))
    }
}

/// A sentence's figures, each with its [`Phrase`], in position order.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    /// One phrase per figure of the sentence.
    pub phrases: Vec<Phrase>,
}

/// A run of words between separators.
#[derive(Debug, Clone)]
struct Segment {
    span: Span,
    clause: usize,
    /// Figures (indices in the document's figures) that give the segment its shape:
    /// every figure but a year.
    figures: Vec<usize>,
}

/// Words that open a new clause.
const CLAUSE_WORDS: &[&str] = &["while", "whereas", "but", "although", "though", "meanwhile"];

/// Words that separate list entries and clause parts.
const ENTRY_WORDS: &[&str] = &["and", "or", "plus"];

/// Words that end the noun phrase a figure quantifies.
const PHRASE_ENDS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "do",
    "does",
    "did",
    "said",
    "says",
    "say",
    "who",
    "which",
    "that",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "by",
    "than",
    "compared",
    "from",
    "according",
];

/// Words before a figure (or before a period) that make it a comparison base.
const BASE_ENDINGS: &[&str] = &[
    "from",
    "than",
    "versus",
    "vs",
    "compared with",
    "compared to",
    "relative to",
    "than in",
    "from in",
];

/// Words that make an earlier figure an expectation the sentence then revises.
const EXPECTATION_WORDS: &[&str] = &[
    "expected",
    "projected",
    "forecast",
    "forecasted",
    "predicted",
    "planned",
    "budgeted",
    "originally",
    "initially",
    "previously",
    "formerly",
    "once",
];

/// Words that carry no subject of their own: verbs of change and level, hedges,
/// adverbs. An entry whose words before its figure are only these leaves its
/// subject out ("and 12% in 2024", "to $1.3 billion", "rose 7%").
const NO_SUBJECT: &[&str] = &[
    "rose",
    "risen",
    "rising",
    "fell",
    "fallen",
    "falling",
    "grew",
    "grown",
    "increased",
    "decreased",
    "dropped",
    "declined",
    "climbed",
    "jumped",
    "gained",
    "reached",
    "totaled",
    "totalled",
    "stood",
    "went",
    "got",
    "came",
    "now",
    "just",
    "only",
    "nearly",
    "almost",
    "roughly",
    "around",
    "approximately",
    "least",
    "most",
    "more",
    "less",
    "fewer",
    "still",
    "then",
    "another",
    "further",
    "respectively",
    "again",
    "will",
    "would",
    "could",
    "each",
    "all",
    "while",
    "and",
    "or",
    "plus",
];

/// Words that are verbs after an auxiliary ("will now cost", "to rise") and nouns
/// elsewhere ("costs rose"): no subject only in the first case.
const VERB_OR_NOUN: &[&str] = &[
    "cost",
    "costs",
    "rise",
    "rises",
    "fall",
    "falls",
    "grow",
    "grows",
    "increase",
    "increases",
    "decline",
    "declines",
    "drop",
    "drops",
    "gain",
    "gains",
    "hit",
    "total",
    "totals",
    "reach",
];

/// Words after which a [`VERB_OR_NOUN`] word is a verb.
const AUXILIARIES: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "now", "has", "have",
    "had", "does", "do", "did", "also", "then", "still",
];

/// The structure of the sentence `sentence` of `prose`, whose figures are
/// `figures[range]` and whose dates are among `dates` (sorted by position).
pub fn analyse(
    prose: &str,
    sentence: &Span,
    figures: &[Quantity],
    range: Range<usize>,
    dates: &[DateMention],
) -> Structure {
    let lo = dates.partition_point(|d| d.span.start < sentence.start);
    let hi = dates.partition_point(|d| d.span.start < sentence.end);
    let here: Vec<usize> = (lo..hi).collect();
    let mut protected: Vec<Span> = range.clone().map(|i| figures[i].span.clone()).collect();
    protected.extend(here.iter().map(|&d| dates[d].span.clone()));
    let segments = segments(prose, sentence, &protected, figures, range.clone());
    let scopes = scopes(prose, &segments, figures, &protected);
    let periods = periods(prose, sentence, &segments, figures, dates, &here);
    let placed: Vec<(usize, usize, Role)> = range
        .filter_map(|i| {
            let s = segments
                .iter()
                .position(|g| inside(&figures[i].span, &g.span))?;
            Some((i, s, role(prose, &segments, s, figures, i)))
        })
        .collect();
    let bases: Vec<usize> = placed
        .iter()
        .filter(|(_, _, r)| *r == Role::Base)
        .map(|(i, _, _)| *i)
        .collect();
    let phrases = placed
        .into_iter()
        .map(|(i, s, role)| {
            let (own, borrowed) = scopes[s].clone();
            let quantified = quantified(prose, &segments[s], figures, i);
            Phrase {
                figure: i,
                role,
                own,
                borrowed,
                qualifiers: qualifiers(prose, &(figures[i].span.end..quantified.end), &protected),
                quantified,
                periods: periods.of(&segments, s, i, figures, &bases),
            }
        })
        .collect();
    Structure { phrases }
}

/// Cuts the sentence at separators that lie outside figures and dates.
fn segments(
    prose: &str,
    sentence: &Span,
    protected: &[Span],
    figures: &[Quantity],
    range: Range<usize>,
) -> Vec<Segment> {
    let text = &prose[sentence.clone()];
    let free = |at: usize| !protected.iter().any(|p| p.start <= at && at < p.end);
    // (start, end, opens a clause)
    let mut cuts: Vec<(usize, usize, bool)> = Vec::new();
    for (i, c) in text.char_indices() {
        let at = sentence.start + i;
        let strong = match c {
            ';' => true,
            ',' | '(' | ')' | ':' | '—' | '–' | '[' | ']' => false,
            _ => continue,
        };
        if free(at) {
            cuts.push((at, at + c.len_utf8(), strong));
        }
    }
    for (span, w) in words::words(text) {
        let at = sentence.start + span.start;
        let lower = w.to_lowercase();
        let strong = CLAUSE_WORDS.contains(&lower.as_str());
        if (strong || ENTRY_WORDS.contains(&lower.as_str())) && free(at) {
            cuts.push((at, sentence.start + span.end, strong));
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = sentence.start;
    let mut clause = 0;
    for (cut_start, cut_end, strong) in
        cuts.into_iter()
            .chain([(sentence.end, sentence.end, false)])
    {
        if cut_start > start && prose[start..cut_start].chars().any(char::is_alphanumeric) {
            let span = start..cut_start;
            let figs = range
                .clone()
                .filter(|&i| {
                    figures[i].kind != QuantityKind::Year && inside(&figures[i].span, &span)
                })
                .collect();
            out.push(Segment {
                span,
                clause,
                figures: figs,
            });
        }
        if strong {
            clause += 1;
        }
        start = start.max(cut_end);
    }
    out
}

/// For each segment, its own words and the words it shares or borrows.
fn scopes(
    prose: &str,
    segments: &[Segment],
    figures: &[Quantity],
    protected: &[Span],
) -> Vec<(Vec<Span>, Vec<Span>)> {
    let n = segments.len();
    let mut own: Vec<Vec<Span>> = segments.iter().map(|s| vec![s.span.clone()]).collect();
    let mut borrowed: Vec<Vec<Span>> = vec![Vec::new(); n];
    let leads_bare = |s: usize| -> bool {
        let seg = &segments[s];
        let first = seg
            .figures
            .first()
            .map_or(seg.span.end, |&i| figures[i].span.start);
        !has_subject(prose, &(seg.span.start..first), protected)
    };
    // Figure-less segments: openings of their clause, or continuations of the
    // figure entry before them (or of the one after, when that one has no subject).
    let mut openings: Vec<Vec<usize>> = Vec::new();
    let mut attached_to: Vec<Option<usize>> = vec![None; n];
    for s in 0..n {
        if !segments[s].figures.is_empty() {
            continue;
        }
        let clause = segments[s].clause;
        let prev = (0..s)
            .rev()
            .take_while(|&p| segments[p].clause == clause)
            .find(|&p| !segments[p].figures.is_empty());
        let next = (s + 1..n)
            .take_while(|&q| segments[q].clause == clause)
            .find(|&q| !segments[q].figures.is_empty());
        let target = match (prev, next) {
            (None, _) => None,
            (Some(_), Some(q)) if leads_bare(q) => Some(q),
            (Some(p), _) => Some(p),
        };
        match target {
            Some(t) => {
                own[t].push(segments[s].span.clone());
                attached_to[s] = Some(t);
            }
            None => {
                if openings.len() <= clause {
                    openings.resize(clause + 1, Vec::new());
                }
                openings[clause].push(s);
            }
        }
    }
    for s in 0..n {
        let clause = segments[s].clause;
        if let Some(open) = openings.get(clause) {
            for &o in open.iter().filter(|&&o| o != s) {
                borrowed[s].push(segments[o].span.clone());
            }
        }
    }
    // Entries that leave words out borrow them from the entry before.
    let entries: Vec<usize> = (0..n)
        .filter(|&s| !segments[s].figures.is_empty())
        .collect();
    for (k, &s) in entries.iter().enumerate() {
        let Some(&prev) = k.checked_sub(1).and_then(|j| entries.get(j)) else {
            continue;
        };
        if leads_bare(s) {
            let mut take = own[prev].clone();
            take.extend(borrowed[prev].clone());
            borrowed[s].extend(take);
        } else if !has_subject(prose, &trail(&segments[s], figures), protected) {
            // "Sanders by 30%": the owner is its own, what it counts is shared.
            if let Some(t) = entries[..k]
                .iter()
                .rev()
                .map(|&p| trail(&segments[p], figures))
                .find(|t| has_subject(prose, t, protected))
            {
                borrowed[s].push(t);
            }
        }
    }
    // A figure-less segment reaches what the entry it continues reaches (a year
    // written there is read with that entry's words).
    for s in 0..n {
        if let Some(t) = attached_to[s] {
            let mut take = own[t].clone();
            take.extend(borrowed[t].clone());
            borrowed[s].extend(take);
        }
    }
    own.into_iter().zip(borrowed).collect()
}

/// The words of a segment after its last figure.
fn trail(seg: &Segment, figures: &[Quantity]) -> Span {
    let end = seg
        .figures
        .last()
        .map_or(seg.span.start, |&i| figures[i].span.end);
    end..seg.span.end
}

/// Whether `span` holds a word that can name a subject or a thing counted: not a
/// stop word, a number, a verb of change or a hedge, nor inside a figure or date.
fn has_subject(prose: &str, span: &Span, protected: &[Span]) -> bool {
    if span.start >= span.end {
        return false;
    }
    let mut previous = String::new();
    for (w_span, w) in words::words(&prose[span.clone()]) {
        let at = span.start + w_span.start;
        let lower = w.to_lowercase();
        let verb =
            VERB_OR_NOUN.contains(&lower.as_str()) && AUXILIARIES.contains(&previous.as_str());
        let names = !protected.iter().any(|p| p.start <= at && at < p.end)
            && !words::is_stopword(&lower)
            && !NO_SUBJECT.contains(&lower.as_str())
            && !verb
            && !w.chars().all(|c| c.is_ascii_digit());
        if names {
            return true;
        }
        previous = lower;
    }
    false
}

/// The role of figure `i`, in segment `s`.
fn role(prose: &str, segments: &[Segment], s: usize, figures: &[Quantity], i: usize) -> Role {
    let q = &figures[i];
    if matches!(q.hedge, Some(Hedge::MoreThan | Hedge::LessThan)) {
        return Role::Bound;
    }
    let seg = &segments[s];
    let from = seg
        .figures
        .iter()
        .map(|&j| figures[j].span.end)
        .filter(|&e| e <= q.span.start)
        .max()
        .unwrap_or(seg.span.start);
    let before = prose[from..q.span.start].to_lowercase();
    let before_words: Vec<&str> = words::words(&before).map(|(_, w)| w).collect();
    if ends_with_base(&before_words) {
        return Role::Base;
    }
    let later = |accepts: &dyn Fn(&QuantityKind) -> bool| {
        segments[s + 1..]
            .iter()
            .chain(std::iter::once(seg))
            .flat_map(|g| g.figures.iter())
            .any(|&j| figures[j].span.start > q.span.end && accepts(&figures[j].kind))
    };
    // "Of the 5,000 jobs promised, 3,200 were created."
    let opens_segment = from == seg.span.start;
    if opens_segment
        && matches!(
            before_words.as_slice(),
            ["of", "the"] | ["out", "of", "the"]
        )
        && later(&|_| true)
    {
        return Role::Base;
    }
    // "was expected to cost $3.1 billion, will now cost $4.2 billion"
    let expected = before_words.iter().any(|w| EXPECTATION_WORDS.contains(w));
    if expected && later(&|k| std::mem::discriminant(k) == std::mem::discriminant(&q.kind)) {
        return Role::Base;
    }
    // "7.8 percent when Obama took office"
    let after: Vec<String> = words::words(&prose[q.span.end..seg.span.end])
        .take(3)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    if after.iter().any(|w| w == "when") {
        return Role::Base;
    }
    Role::Current
}

/// Whether words before a figure or period end with a comparison-base marker
/// ("up from", "compared with the", "than in").
fn ends_with_base(words_before: &[&str]) -> bool {
    let mut w = words_before;
    while let [rest @ .., "a" | "an" | "the" | "its" | "their"] = w {
        w = rest;
    }
    BASE_ENDINGS.iter().any(|ending| {
        let parts: Vec<&str> = ending.split(' ').collect();
        w.ends_with(&parts)
    })
}

/// The figure and the noun phrase after it, up to a verb, a relative word, the
/// next figure or the end of its segment.
fn quantified(prose: &str, seg: &Segment, figures: &[Quantity], i: usize) -> Span {
    let q = &figures[i];
    let stop = seg
        .figures
        .iter()
        .map(|&j| figures[j].span.start)
        .filter(|&s| s >= q.span.end)
        .min()
        .unwrap_or(seg.span.end);
    let mut end = q.span.end;
    for (span, w) in words::words(&prose[q.span.end..stop]) {
        if PHRASE_ENDS.contains(&w.to_lowercase().as_str()) {
            break;
        }
        end = q.span.end + span.end;
    }
    q.span.start..end
}

/// The folded content words of `span`, those in figures and dates aside.
fn qualifiers(prose: &str, span: &Span, protected: &[Span]) -> Vec<String> {
    if span.start >= span.end {
        return Vec::new();
    }
    words::words(&prose[span.clone()])
        .filter(|(w_span, w)| {
            let at = span.start + w_span.start;
            !protected.iter().any(|p| p.start <= at && at < p.end)
                && !words::is_stopword(&w.to_lowercase())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(|(_, w)| words::fold(w))
        .collect()
}

/// The periods of a sentence, attached to figures, segments and clauses.
struct Periods {
    /// (figure, date) for periods written beside a figure.
    by_figure: Vec<(usize, usize)>,
    /// (clause, date) for periods in a clause's opening.
    by_clause: Vec<(usize, usize)>,
}

/// Attaches each period of the sentence: to the figure it follows in its segment
/// (or precedes, when it follows none), or to the clause it opens.
fn periods(
    prose: &str,
    sentence: &Span,
    segments: &[Segment],
    figures: &[Quantity],
    dates: &[DateMention],
    here: &[usize],
) -> Periods {
    let mut out = Periods {
        by_figure: Vec::new(),
        by_clause: Vec::new(),
    };
    for &d in here {
        let date = &dates[d];
        if !matches!(date.value, DateValue::Period { .. }) || date.bound.is_some() {
            continue;
        }
        let before = prose[sentence.start..date.span.start].to_lowercase();
        let before_words: Vec<&str> = words::words(&before).map(|(_, w)| w).collect();
        if ends_with_base(&before_words)
            || before_words
                .last()
                .is_some_and(|w| *w == "over" || *w == "on")
        {
            continue;
        }
        let Some(s) = segments
            .iter()
            .position(|g| g.span.start <= date.span.start && date.span.start < g.span.end)
        else {
            continue;
        };
        let seg = &segments[s];
        let owner = seg
            .figures
            .iter()
            .rev()
            .find(|&&j| figures[j].span.end <= date.span.start)
            .or_else(|| {
                seg.figures
                    .iter()
                    .find(|&&j| figures[j].span.start >= date.span.end)
            });
        match owner {
            Some(&j) => out.by_figure.push((j, d)),
            None => {
                // A figure-less segment: it opens its clause, or continues the entry
                // before it.
                let prev = segments[..s]
                    .iter()
                    .rev()
                    .take_while(|g| g.clause == seg.clause)
                    .find_map(|g| g.figures.last());
                match prev {
                    Some(&j) => out.by_figure.push((j, d)),
                    None => out.by_clause.push((seg.clause, d)),
                }
            }
        }
    }
    out
}

impl Periods {
    /// The periods given for figure `i` of segment `s`: its own, else those of its
    /// segment's other figures (comparison bases aside), else its clause's.
    fn of(
        &self,
        segments: &[Segment],
        s: usize,
        i: usize,
        figures: &[Quantity],
        bases: &[usize],
    ) -> Vec<usize> {
        if figures[i].kind == QuantityKind::Year {
            return Vec::new();
        }
        let own: Vec<usize> = self
            .by_figure
            .iter()
            .filter(|(f, _)| *f == i)
            .map(|(_, d)| *d)
            .collect();
        if !own.is_empty() {
            return own;
        }
        let seg = &segments[s];
        let mates: Vec<usize> = self
            .by_figure
            .iter()
            .filter(|(f, _)| seg.figures.contains(f) && !bases.contains(f))
            .map(|(_, d)| *d)
            .collect();
        if !mates.is_empty() {
            return mates;
        }
        self.by_clause
            .iter()
            .filter(|(c, _)| *c == seg.clause)
            .map(|(_, d)| *d)
            .collect()
    }
}

/// Whether `a` lies within `b`.
fn inside(a: &Span, b: &Span) -> bool {
    b.start <= a.start && a.end <= b.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::date::dates;
    use crate::extract::outside_dates;
    use crate::extract::quantity::quantities;

    /// (figure, role, periods as written) for each figure of `text`.
    fn read(text: &str) -> Vec<(String, Role, Vec<String>)> {
        let when = dates(text, "2025-06-01".parse().ok());
        let figures = outside_dates(quantities(text), &when);
        let s = analyse(text, &(0..text.len()), &figures, 0..figures.len(), &when);
        s.phrases
            .iter()
            .filter(|p| figures[p.figure].kind != QuantityKind::Year)
            .map(|p| {
                (
                    text[figures[p.figure].span.clone()].to_string(),
                    p.role,
                    p.periods
                        .iter()
                        .map(|&d| text[when[d].span.clone()].to_string())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn roles() {
        use Role::*;
        let cases: &[(&str, &[(&str, Role)])] = &[
            (
                "The rate fell to 6.5% from 7.1%.",
                &[("6.5%", Current), ("7.1%", Base)],
            ),
            (
                "The rate is 6.5%, up from 5.9%.",
                &[("6.5%", Current), ("5.9%", Base)],
            ),
            (
                "Sales were 12% higher than 9% a year before.",
                &[("12% higher", Current), ("9%", Base)],
            ),
            (
                "Turnout was 58%, compared with 49% before.",
                &[("58%", Current), ("49%", Base)],
            ),
            (
                "It was expected to cost $3.1 billion but will now cost $4.2 billion.",
                &[("$3.1 billion", Base), ("$4.2 billion", Current)],
            ),
            // An expectation with nothing after it is the sentence's value.
            (
                "It is expected to cost $3.1 billion.",
                &[("$3.1 billion", Current)],
            ),
            (
                "The rate was 7.8 percent when she took office.",
                &[("7.8 percent", Base)],
            ),
            (
                "Of the 5,000 jobs promised, 3,200 were created.",
                &[("5,000 jobs", Base), ("3,200", Current)],
            ),
            ("More than 3,000 people came.", &[("3,000 people", Bound)]),
        ];
        for (text, want) in cases {
            let got: Vec<(String, Role)> = read(text).into_iter().map(|(f, r, _)| (f, r)).collect();
            let want: Vec<(String, Role)> = want.iter().map(|(f, r)| (f.to_string(), *r)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn periods_belong_to_the_figure_they_follow() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a [&'a str])]);
        let cases: &[Case] = &[
            (
                "Ridership rose 9% in 2023 and 12% in 2024.",
                &[("rose 9%", &["2023"]), ("12%", &["2024"])],
            ),
            (
                "In 2024, ridership rose 12% and costs 21%.",
                &[("rose 12%", &["2024"]), ("21%", &["2024"])],
            ),
            // The base's period is not the value's.
            (
                "Ridership rose to 12% from 9% in 2023.",
                &[("12%", &[]), ("9%", &["2023"])],
            ),
            (
                "Ridership rose 12% compared with 2023.",
                &[("rose 12%", &[])],
            ),
            (
                "Trade rose 7% to $1.3 billion in the first half of 2024.",
                &[
                    ("rose 7%", &["the first half of 2024"]),
                    ("$1.3 billion", &["the first half of 2024"]),
                ],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<(String, Vec<String>)> =
                read(text).into_iter().map(|(f, _, p)| (f, p)).collect();
            let want: Vec<(String, Vec<String>)> = want
                .iter()
                .map(|(f, p)| (f.to_string(), p.iter().map(|s| s.to_string()).collect()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
