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

use std::borrow::Cow;
use std::ops::Range;

use crate::extract::date::{DateMention, DateValue};
use crate::extract::{Hedge, Quantity, QuantityKind, Span};
use crate::words;

mod lowered;

use lowered::SentenceWords;

/// What a figure is in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
    /// The whole it is a share of: its qualifiers, or for an entry that leaves
    /// words out ("while 48 percent overall agreed" after "72 percent of Democrats
    /// said yes"), those of the entry it borrows from.
    pub whole: Vec<String>,
    /// The periods given for it (indices in the document's dates).
    pub periods: Vec<usize>,
    /// The days given for it, by the same rules ("a poll conducted on Thursday"):
    /// its period only for a claim of a day or a few (see
    /// [`super::binding`]), as most days in copy date a statement, not a figure.
    pub days: Vec<usize>,
    /// The years written out in the sentence ("January 2009"), which a period
    /// written without its year ("October of that year") may mean.
    pub years: Vec<i16>,
    /// Its periods (indices in the document's dates) whose year is not written
    /// ("October", "the third quarter of the year"), as opposed to counted
    /// ("last year", "last month").
    pub yearless: Vec<usize>,
    /// The relative clause it sits in, if any (an index in [`Structure::asides`]):
    /// "Nice, where 84 were killed and 200 wounded" speaks of Nice.
    pub aside: Option<usize>,
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
    /// The words of each relative clause ("which appeared to be aimed at Clinton",
    /// "where 84 were killed and 200 wounded"): they speak of the noun before them.
    pub asides: Vec<Vec<Span>>,
}

impl Structure {
    /// The relative clause `span` lies in, if any.
    pub fn aside_of(&self, span: &Span) -> Option<usize> {
        self.asides
            .iter()
            .position(|spans| spans.iter().any(|s| inside(span, s)))
    }
}

/// A run of words between separators.
#[derive(Debug, Clone)]
struct Segment {
    span: Span,
    clause: usize,
    /// Figures (indices in the document's figures) that give the segment its shape:
    /// every figure but a year.
    figures: Vec<usize>,
    /// It opens with a relative word ("who got nearly 66 million votes", "which
    /// backed the mayor"): it speaks of the noun just before it.
    relative: bool,
}

/// Words that open a relative clause.
const RELATIVE_WORDS: &[&str] = &["who", "whom", "whose", "which", "where", "when"];

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

/// A word list for one hash lookup per word, not a scan of the list.
type WordSet = std::sync::LazyLock<words::FnvSet<&'static str>>;

/// [`PHRASE_ENDS`], [`NO_SUBJECT`], [`VERB_OR_NOUN`] and [`AUXILIARIES`] as sets:
/// every word after a figure, and every word of a segment before one, is asked.
static PHRASE_END_SET: WordSet = WordSet::new(|| PHRASE_ENDS.iter().copied().collect());
static NO_SUBJECT_SET: WordSet = WordSet::new(|| NO_SUBJECT.iter().copied().collect());
static VERB_OR_NOUN_SET: WordSet = WordSet::new(|| VERB_OR_NOUN.iter().copied().collect());
static AUXILIARY_SET: WordSet = WordSet::new(|| AUXILIARIES.iter().copied().collect());

/// [`BASE_ENDINGS`] as words, split once per run (every figure and period asks).
static BASE_ENDING_WORDS: std::sync::LazyLock<Vec<Vec<&'static str>>> =
    std::sync::LazyLock::new(|| {
        BASE_ENDINGS
            .iter()
            .map(|e| e.split(' ').collect())
            .collect()
    });

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

/// Words before a figure that make it a threshold to reach, not a value reached.
const NEED_WORDS: &[&str] = &[
    "need", "needs", "needed", "require", "requires", "required", "must",
];

/// Comparatives that, with "than" after a figure, make it a difference.
const COMPARATIVES: &[&str] = &[
    "more", "less", "fewer", "higher", "lower", "greater", "larger", "smaller", "bigger", "above",
    "below",
];

/// Nouns after a figure that make it a margin between two values.
const MARGIN_NOUNS: &[&str] = &["lead", "margin", "gap", "difference", "edge", "advantage"];

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
    let read = SentenceWords::new(prose, sentence);
    let segments = segments(prose, &read, sentence, &protected, figures, range.clone());
    let scopes = scopes(&read, &segments, figures, &protected);
    let periods_of = |days| {
        let at = Place {
            prose,
            read: &read,
            sentence,
        };
        periods(at, &segments, figures, dates, &here, days)
    };
    let (periods, days) = (periods_of(false), periods_of(true));
    let years: Vec<i16> = here
        .iter()
        .filter(|&&d| dates[d].resolution == crate::extract::date::Resolution::Absolute)
        .map(|&d| dates[d].value.start().year())
        .collect();
    let yearless: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&d| year_not_written(prose, &dates[d]))
        .collect();
    let placed: Vec<(usize, usize, Role)> = range
        .filter_map(|i| {
            let s = segments
                .iter()
                .position(|g| inside(&figures[i].span, &g.span))?;
            Some((i, s, role(&read, &segments, s, figures, i)))
        })
        .collect();
    let mut roots: Vec<usize> = scopes.aside.iter().flatten().copied().collect();
    roots.sort_unstable();
    roots.dedup();
    let asides: Vec<Vec<Span>> = roots
        .iter()
        .map(|&r| {
            (0..segments.len())
                .filter(|&s| scopes.aside[s] == Some(r))
                .map(|s| segments[s].span.clone())
                .collect()
        })
        .collect();
    let bases: Vec<usize> = placed
        .iter()
        .filter(|(_, _, r)| *r == Role::Base)
        .map(|(i, _, _)| *i)
        .collect();
    // Per segment, the whole its first figure is a share of ("of Democrats"), its
    // own or that of the entry it leaves words out of.
    let mut wholes: Vec<Vec<String>> = vec![Vec::new(); segments.len()];
    let phrases: Vec<Phrase> = placed
        .into_iter()
        .map(|(i, s, role)| {
            let (own, borrowed) = scopes.words[s].clone();
            let quantified = quantified(&read, &segments[s], figures, i);
            let qualifiers = qualifiers(&read, &(figures[i].span.end..quantified.end), &protected);
            let whole = match scopes.source[s] {
                _ if !qualifiers.is_empty() => qualifiers.clone(),
                Some(t) if t < s => wholes[t].clone(),
                _ => Vec::new(),
            };
            if wholes[s].is_empty() {
                wholes[s] = whole.clone();
            }
            Phrase {
                figure: i,
                role,
                own,
                borrowed,
                qualifiers,
                whole,
                quantified,
                periods: periods.of(&segments, s, i, figures, &bases, &scopes.source),
                days: days.of(&segments, s, i, figures, &bases, &scopes.source),
                years: years.clone(),
                yearless: yearless.clone(),
                aside: scopes.aside[s].and_then(|r| roots.iter().position(|&x| x == r)),
            }
        })
        .collect();
    Structure { phrases, asides }
}

/// Cuts the sentence at separators that lie outside figures and dates.
fn segments(
    prose: &str,
    read: &SentenceWords<'_>,
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
            ';' | ':' => true,
            ',' | '(' | ')' | '—' | '–' | '[' | ']' => false,
            _ => continue,
        };
        if free(at) {
            cuts.push((at, at + c.len_utf8(), strong));
        }
    }
    for (span, lower) in read.words(sentence.start, sentence.end) {
        let strong = CLAUSE_WORDS.contains(&lower.as_ref());
        if (strong || ENTRY_WORDS.contains(&lower.as_ref())) && free(span.start) {
            cuts.push((span.start, span.end, strong));
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
            let relative = words::words(&prose[span.clone()])
                .next()
                .is_some_and(|(_, w)| RELATIVE_WORDS.contains(&lower(w).as_ref()));
            out.push(Segment {
                span,
                clause,
                figures: figs,
                relative,
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
    read: &SentenceWords<'_>,
    segments: &[Segment],
    figures: &[Quantity],
    protected: &[Span],
) -> Scopes {
    let n = segments.len();
    let mut b = ScopeBuilder {
        prose: read.prose(),
        read,
        segments,
        figures,
        protected,
        own: segments.iter().map(|s| vec![s.span.clone()]).collect(),
        borrowed: vec![Vec::new(); n],
        source: vec![None; n],
        attached_to: vec![None; n],
        openings: Vec::new(),
    };
    b.attach_figureless();
    b.share_openings();
    b.borrow_left_out();
    let aside = b.mark_asides();
    // A figure-less segment reaches what the entry it continues reaches (a year
    // written there is read with that entry's words).
    for s in 0..n {
        if let Some(t) = b.attached_to[s] {
            let mut take = b.own[t].clone();
            take.extend(b.borrowed[t].clone());
            b.borrowed[s].extend(take);
        }
    }
    Scopes {
        words: b.own.into_iter().zip(b.borrowed).collect(),
        source: b.source,
        aside,
    }
}

/// The scopes of a sentence's segments, as they are worked out.
struct ScopeBuilder<'a> {
    prose: &'a str,
    read: &'a SentenceWords<'a>,
    segments: &'a [Segment],
    figures: &'a [Quantity],
    protected: &'a [Span],
    own: Vec<Vec<Span>>,
    borrowed: Vec<Vec<Span>>,
    source: Vec<Option<usize>>,
    attached_to: Vec<Option<usize>>,
    /// Per clause, its figure-less opening segments.
    openings: Vec<Vec<usize>>,
}

impl ScopeBuilder<'_> {
    /// Whether the words of segment `s` before its first figure name no subject.
    fn leads_bare(&self, s: usize) -> bool {
        let seg = &self.segments[s];
        let first = seg
            .figures
            .first()
            .map_or(seg.span.end, |&i| self.figures[i].span.start);
        !has_subject(self.read, &(seg.span.start..first), self.protected)
    }

    /// Per segment, the relative clause it belongs to (the index of the segment that
    /// opens it): a relative segment after a noun, the entries that borrow its words
    /// and the segments that continue them. Those entries lose the clause's openings.
    fn mark_asides(&mut self) -> Vec<Option<usize>> {
        let n = self.segments.len();
        // A relative clause runs on through the entries that borrow its words ("where
        // 84 were killed and 200 wounded") and the segments that continue them.
        let mut aside: Vec<Option<usize>> = vec![None; n];
        for s in 0..n {
            // "When Kasich is matched against Clinton, 45 percent ...": a clause that
            // opens with "when" is no relative clause; one after a noun is.
            let after_noun = s > 0 && self.segments[s - 1].clause == self.segments[s].clause;
            aside[s] = if self.segments[s].relative && after_noun {
                Some(s)
            } else {
                self.source[s]
                    .or(self.attached_to[s])
                    .filter(|&t| t < s)
                    .and_then(|t| aside[t])
            };
        }
        // An entry that continues a relative clause speaks of what the clause does,
        // not of what the sentence opens with.
        for (s, within) in aside.iter().enumerate() {
            if within.is_some() && !self.segments[s].relative {
                let clause = self.segments[s].clause;
                let opening: Vec<Span> = self
                    .openings
                    .get(clause)
                    .into_iter()
                    .flatten()
                    .map(|&o| self.segments[o].span.clone())
                    .collect();
                self.borrowed[s].retain(|sp| !opening.contains(sp));
            }
        }
        aside
    }

    /// Figure-less segments: openings of their clause, or continuations of the
    /// figure entry before them (or of the one after, when that one has no subject).
    fn attach_figureless(&mut self) {
        let segments = self.segments;
        let n = segments.len();
        for s in 0..n {
            if !segments[s].figures.is_empty() || segments[s].relative {
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
                (Some(_), Some(q)) if self.leads_bare(q) => Some(q),
                (Some(p), _) => Some(p),
            };
            match target {
                Some(t) => {
                    self.own[t].push(segments[s].span.clone());
                    self.attached_to[s] = Some(t);
                }
                None => {
                    if self.openings.len() <= clause {
                        self.openings.resize(clause + 1, Vec::new());
                    }
                    self.openings[clause].push(s);
                }
            }
        }
    }

    /// A clause's openings are shared by its segments; a relative clause reaches
    /// only its antecedent, the noun just before it: what follows the last figure
    /// of the segment before ("47 percent versus Clinton, who has").
    fn share_openings(&mut self) {
        let segments = self.segments;
        for s in 0..segments.len() {
            if segments[s].relative {
                if s > 0 {
                    let prev = &segments[s - 1];
                    let antecedent = if prev.figures.is_empty() {
                        prev.span.clone()
                    } else {
                        trail(prev, self.figures)
                    };
                    self.borrowed[s].push(antecedent);
                }
                continue;
            }
            if let Some(open) = self.openings.get(segments[s].clause) {
                for &o in open.iter().filter(|&&o| o != s) {
                    self.borrowed[s].push(segments[o].span.clone());
                }
            }
        }
    }

    /// Whether entry `s` restates the figure that ends entry `prev` in other terms:
    /// "$1.4 trillion, or 4.9 percent of gross domestic product". The restated
    /// figure's words are then the first one's too.
    fn restates(&self, prev: usize, s: usize) -> bool {
        let (a, b) = (&self.segments[prev], &self.segments[s]);
        let between = &self.prose[a.span.end.min(b.span.start)..b.span.start];
        let joined_by_or = words::words(between)
            .map(|(_, w)| lower(w))
            .eq([Cow::Borrowed("or")]);
        let ends_on_figure = !has_subject(self.read, &trail(a, self.figures), self.protected);
        a.clause == b.clause && joined_by_or && ends_on_figure
    }

    /// Entries that leave words out borrow them from the entry before: all of them
    /// when the entry names no subject ("and 12% in 2024"), its subject only when
    /// it names what it counts ("and $2.4 million from commercial banks"), what the
    /// first entries count when it names its owner ("Sanders by 30%").
    fn borrow_left_out(&mut self) {
        let (prose, protected, figures, read) =
            (self.prose, self.protected, self.figures, self.read);
        let segments = self.segments;
        let entries: Vec<usize> = (0..segments.len())
            .filter(|&s| !segments[s].figures.is_empty())
            .collect();
        for (k, &s) in entries.iter().enumerate() {
            let Some(&prev) = k.checked_sub(1).and_then(|j| entries.get(j)) else {
                continue;
            };
            if segments[s].relative {
                continue;
            }
            let tail = trail(&segments[s], figures);
            if self.leads_bare(s) {
                let preposition =
                    words::words(&prose[tail.clone()])
                        .next()
                        .is_some_and(|(_, w)| {
                            matches!(
                                lower(w).as_ref(),
                                "of" | "from" | "for" | "in" | "on" | "among" | "with"
                            )
                        });
                let mut take = if preposition && has_subject(read, &tail, protected) {
                    let p = &segments[prev];
                    let first = p
                        .figures
                        .first()
                        .map_or(p.span.start, |&i| figures[i].span.start);
                    std::iter::once(p.span.start..first).collect()
                } else {
                    self.own[prev].clone()
                };
                take.extend(self.borrowed[prev].clone());
                self.borrowed[s].extend(take);
                self.source[s] = Some(prev);
                if self.restates(prev, s) {
                    let restated = self.own[s].clone();
                    self.borrowed[prev].extend(restated);
                }
            } else if !has_subject(read, &tail, protected)
                && let Some(t) = entries[..k]
                    .iter()
                    .rev()
                    .map(|&p| trail(&segments[p], figures))
                    .find(|t| has_subject(read, t, protected))
            {
                self.borrowed[s].push(t);
            }
        }
    }
}

/// What each segment reaches.
struct Scopes {
    /// Per segment: its own words, and the words it shares or borrows.
    words: Vec<(Vec<Span>, Vec<Span>)>,
    /// Per segment: the entry it leaves words out of, if any ("and 12%" of
    /// "ridership rose 9% in 2023"): its periods are that entry's too.
    source: Vec<Option<usize>>,
    /// Per segment: the relative segment whose clause it belongs to, if any.
    aside: Vec<Option<usize>>,
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
fn has_subject(read: &SentenceWords<'_>, span: &Span, protected: &[Span]) -> bool {
    if span.start >= span.end {
        return false;
    }
    let mut previous = Cow::Borrowed("");
    for (w_span, lower) in read.words(span.start, span.end) {
        let at = w_span.start;
        let w = read.written(&w_span);
        let verb =
            VERB_OR_NOUN_SET.contains(lower.as_ref()) && AUXILIARY_SET.contains(previous.as_ref());
        let names = !protected.iter().any(|p| p.start <= at && at < p.end)
            && !words::is_stopword(&lower)
            && !NO_SUBJECT_SET.contains(lower.as_ref())
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
fn role(
    read: &SentenceWords<'_>,
    segments: &[Segment],
    s: usize,
    figures: &[Quantity],
    i: usize,
) -> Role {
    let q = &figures[i];
    let seg = &segments[s];
    let from = seg
        .figures
        .iter()
        .map(|&j| figures[j].span.end)
        .filter(|&e| e <= q.span.start)
        .max()
        .unwrap_or(seg.span.start);
    let before = read.between(from, q.span.start);
    let mut before_words: Vec<&str> = before.iter().map(AsRef::as_ref).collect();
    // The hedge's own words ("more than", "no more than") are not a base marker.
    if q.hedge.is_some()
        && let [.., c, "than"] = before_words.as_slice()
        && COMPARATIVES.contains(c)
    {
        before_words.truncate(before_words.len() - 2);
    }
    if ends_with_base(&before_words) {
        return Role::Base;
    }
    // "will need at least 60 million votes": a threshold.
    if before_words.iter().any(|w| NEED_WORDS.contains(w)) {
        return Role::Base;
    }
    if matches!(q.hedge, Some(Hedge::MoreThan | Hedge::LessThan)) {
        return Role::Bound;
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
    // Only an expectation of the past: "is projected to be" is today's forecast.
    let expected = before_words.iter().enumerate().any(|(k, w)| {
        let adverb = matches!(
            *w,
            "originally" | "initially" | "previously" | "formerly" | "once"
        );
        let past = k > 0 && matches!(before_words[k - 1], "was" | "were" | "had" | "been");
        EXPECTATION_WORDS.contains(w) && (adverb || past)
    });
    if expected && later(&|k| std::mem::discriminant(k) == std::mem::discriminant(&q.kind)) {
        return Role::Base;
    }
    // "7.8 percent when Obama took office"; "$105 billion more than last year" and
    // "an 18-point lead" are differences from a base.
    let after = read.placed(q.span.end, seg.span.end, 3);
    let after: Vec<&str> = after.iter().map(|(_, w)| w.as_ref()).collect();
    let difference = matches!(after.as_slice(), [c, "than", ..] if COMPARATIVES.contains(c))
        || after.first().is_some_and(|w| MARGIN_NOUNS.contains(w));
    if after.contains(&"when") || difference {
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
    BASE_ENDING_WORDS.iter().any(|ending| w.ends_with(ending))
}

/// The figure and the noun phrase after it, up to a verb, a relative word, the
/// next figure or the end of its segment.
fn quantified(read: &SentenceWords<'_>, seg: &Segment, figures: &[Quantity], i: usize) -> Span {
    let q = &figures[i];
    let stop = seg
        .figures
        .iter()
        .map(|&j| figures[j].span.start)
        .filter(|&s| s >= q.span.end)
        .min()
        .unwrap_or(seg.span.end);
    let from = q.span.end;
    q.span.start..phrase_end(read.words(from, stop), from)
}

/// Where the "of" phrase that a figure quantifies ends: "82 percent *of murders
/// involving black victims* were" ends before "were". A figure with no "of" (or
/// "among") right after it quantifies no phrase here: `from` is returned.
pub fn of_phrase_end(text: &str, from: usize, stop: usize) -> usize {
    let placed = words::words(&text[from..stop])
        .map(|(span, w)| (from + span.start..from + span.end, lower(w)));
    phrase_end(placed, from)
}

/// [`of_phrase_end`] over the words after the figure (placed in the text,
/// lower-cased); the figure ends at `from`.
fn phrase_end<'w>(placed: impl Iterator<Item = (Span, Cow<'w, str>)>, from: usize) -> usize {
    let mut end = from;
    for (k, (span, lower)) in placed.enumerate() {
        if k == 0 && !matches!(lower.as_ref(), "of" | "among") {
            return from;
        }
        if PHRASE_END_SET.contains(lower.as_ref()) {
            break;
        }
        end = span.end;
    }
    end
}

/// The folded content words of `span`, those in figures and dates aside.
fn qualifiers(read: &SentenceWords<'_>, span: &Span, protected: &[Span]) -> Vec<String> {
    if span.start >= span.end {
        return Vec::new();
    }
    read.words(span.start, span.end)
        .filter(|(w_span, lower)| {
            let at = w_span.start;
            !protected.iter().any(|p| p.start <= at && at < p.end)
                && !words::is_stopword(lower)
                && !read.written(w_span).chars().all(|c| c.is_ascii_digit())
        })
        .map(|(w_span, _)| words::fold(read.written(&w_span)))
        .collect()
}

/// A sentence in its prose, with its words read once.
#[derive(Clone, Copy)]
struct Place<'a> {
    prose: &'a str,
    read: &'a SentenceWords<'a>,
    sentence: &'a Span,
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
    at: Place<'_>,
    segments: &[Segment],
    figures: &[Quantity],
    dates: &[DateMention],
    here: &[usize],
    days: bool,
) -> Periods {
    let Place {
        prose,
        read,
        sentence,
    } = at;
    let mut out = Periods {
        by_figure: Vec::new(),
        by_clause: Vec::new(),
    };
    for &d in here {
        let date = &dates[d];
        // "by 2026" dates the figure reached then; "since 2012", "before March" do not.
        let bounded = date
            .bound
            .is_some_and(|b| b != crate::extract::date::Bound::By);
        if matches!(date.value, DateValue::Day(_)) != days || bounded {
            continue;
        }
        let at = segments
            .iter()
            .position(|g| g.span.start <= date.span.start && date.span.start < g.span.end);
        // "up from December, when 54 percent held that view": the figures of a
        // "when" clause about a date are given for it, even for a base date.
        if let Some(w) = at.and_then(|s| when_clause_after(prose, segments, s, &date.span)) {
            out.by_figure
                .extend(segments[w].figures.iter().map(|&j| (j, d)));
            continue;
        }
        let before = read.between(sentence.start, date.span.start);
        let before_words: Vec<&str> = before.iter().map(AsRef::as_ref).collect();
        // "on 2015 levels", "over 2015" compare; a day is written "on Thursday".
        if ends_with_base(&before_words)
            || !days
                && before_words
                    .last()
                    .is_some_and(|w| *w == "over" || *w == "on")
        {
            continue;
        }
        let Some(s) = at else {
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
            // A figure-less segment ("In 2024,", ", in the last quarter"): the
            // period of its clause, unless it is a relative clause about a noun
            // ("where turnout in 2008 helped").
            None if seg.relative => {}
            None => out.by_clause.push((seg.clause, d)),
        }
    }
    out
}

/// The segment after segment `s`, when the date at `date` ends `s` and that
/// segment is a "when" clause with figures: "from December, when 54 percent ...".
fn when_clause_after(prose: &str, segments: &[Segment], s: usize, date: &Span) -> Option<usize> {
    let next = segments.get(s + 1)?;
    let ends_segment = !prose[date.end..segments[s].span.end]
        .chars()
        .any(char::is_alphanumeric);
    let opens_with_when = words::words(&prose[next.span.clone()])
        .next()
        .is_some_and(|(_, w)| w.eq_ignore_ascii_case("when"));
    let same_clause = next.clause == segments[s].clause;
    (ends_segment && opens_with_when && same_clause && !next.figures.is_empty()).then_some(s + 1)
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
        source: &[Option<usize>],
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
        let mut at = s;
        loop {
            let seg = &segments[at];
            let mates: Vec<usize> = self
                .by_figure
                .iter()
                .filter(|(f, _)| seg.figures.contains(f) && !bases.contains(f))
                .map(|(_, d)| *d)
                .chain(
                    self.by_clause
                        .iter()
                        .filter(|(c, _)| *c == seg.clause)
                        .map(|(_, d)| *d),
                )
                .collect();
            if !mates.is_empty() {
                return mates;
            }
            // An entry that leaves words out has the period of the entry it
            // borrows them from ("Ohio (79 percent)" after "Iowa (93 percent of
            // voters in 2012)").
            match source[at] {
                Some(p) if p < at => at = p,
                _ => return Vec::new(),
            }
        }
    }
}

/// Whether a date's year was neither written nor counted: "October", "the third
/// quarter of the year", but not "last year", "this month", "2009".
fn year_not_written(prose: &str, date: &DateMention) -> bool {
    use crate::extract::date::Resolution;
    match date.resolution {
        // "now", "recently": counted from the publication date, like "this year".
        Resolution::Absolute | Resolution::Vague => false,
        Resolution::InferredYear | Resolution::FromPassage => true,
        Resolution::Relative => {
            let text = prose[date.span.clone()].to_lowercase();
            !words::words(&text).any(|(_, w)| {
                matches!(
                    w,
                    "last" | "next" | "this" | "previous" | "past" | "coming" | "ago" | "current"
                )
            })
        }
    }
}

/// Words that open a noun phrase naming a thing other than one already named:
/// "another House bill", "a different poll", "the other survey".
const OTHER_WORDS: &[&str] = &["another", "other", "different", "separate"];

/// Whether a folded word is one of the words that name another thing ("other
/// countries" in a claim's own wording is what the claim is about).
pub fn is_other_word(fold: &str) -> bool {
    OTHER_FOLDS.iter().any(|w| w == fold)
}

/// [`OTHER_WORDS`] folded, once per run (every claim of every sentence asks).
static OTHER_FOLDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| OTHER_WORDS.iter().map(|w| words::fold(w)).collect());

/// Whether the word at `span` sits in a noun phrase that opens with "another",
/// "other", "a different" or "a separate", up to three words before it with only
/// spaces or hyphens between: such a phrase names a fact other than the one the
/// word names elsewhere ("another House bill gave $622 million" is not the House
/// bill of a claim).
pub fn names_another(prose: &str, span: &Span) -> bool {
    // Three words back, at most: a short window, never the whole text before.
    let mut from = span.start.saturating_sub(80);
    while !prose.is_char_boundary(from) {
        from -= 1;
    }
    let mut end = span.start;
    for _ in 0..3 {
        let before = prose[from..end].trim_end_matches([' ', '-']);
        if from + before.len() == end && end != span.start {
            return false; // punctuation or nothing between: the phrase ends here
        }
        let Some((w_span, w)) = words::last_word(before) else {
            return false;
        };
        if w_span.end != before.len() {
            return false;
        }
        let w_start = from + w_span.start;
        let lower = lower(w);
        if OTHER_WORDS.contains(&lower.as_ref()) {
            return true;
        }
        if words::is_stopword(&lower) && !matches!(lower.as_ref(), "the" | "a" | "an") {
            return false;
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        end = w_start;
    }
    false
}

/// A word in lower case (as `to_lowercase` gives it), borrowed when it is so
/// already: most words are, and every word of a sentence is asked about.
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// The words of `text` lower-cased, as the words of `text.to_lowercase()`: for
/// ASCII text (nearly all) each word is lower-cased on its own, which is the same,
/// since ASCII case changes no byte's place nor whether it is a letter.
fn lower_words(text: &str) -> Vec<Cow<'_, str>> {
    if text.is_ascii() {
        words::words(text).map(|(_, w)| lower(w)).collect()
    } else {
        let lowered = text.to_lowercase();
        words::words(&lowered)
            .map(|(_, w)| Cow::Owned(w.to_string()))
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
