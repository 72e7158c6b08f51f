//! Sources: what each document of a run says, and where documents disagree with
//! each other.
//!
//! Checking one document records what it says about each claim (its figures, the
//! quotations it gives each person, the dates of statements) as [`Observations`].
//! Across documents, a claim whose template has a slot rather than a value is
//! settled by the sources themselves: a document whose figure disagrees with the
//! others gets `source-disagreement`; a quotation that renders the same words as
//! another document's quotation of the same person, but differently, gets
//! `quote-drift`. The majority is named; with two documents, both are reported.

use crate::align::{self, Token};
use crate::checks::{self, Draft};
use crate::document::Document;
use crate::extract::{Quantity, QuantityKind, Span};
use crate::finding::{Code, Finding, Related};
use crate::rules::RuleSet;
use crate::speakers::{Speaker, SpeakerKind};

mod slots;

/// Where something is written in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The document's path.
    pub file: String,
    /// 1-based line where the words start.
    pub line: usize,
    /// 1-based character column where the words start.
    pub column: usize,
    /// 1-based line where the words end.
    pub end_line: usize,
    /// 1-based character column just past the words.
    pub end_column: usize,
    /// The byte span in the document.
    pub span: Span,
    /// Where a finding about these words points.
    pub mark: Mark,
}

/// Where a finding about a place's words points: the span without the space
/// around the words, and the line and column of each end. Worked out while the
/// document is at hand, so sources are compared after it is gone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mark {
    /// The words' byte span.
    pub span: Span,
    /// The 1-based line and character column where they start.
    pub start: (usize, usize),
    /// The 1-based line and character column just past them.
    pub end: (usize, usize),
}

impl Place {
    /// The place of `span` in `doc`.
    pub fn of(doc: &Document, span: Span) -> Place {
        let (line, column) = doc.position(span.start);
        let (end_line, end_column) = doc.position(span.end);
        let words = checks::trimmed(&doc.text, span.clone());
        // Most places are their words already: their positions serve.
        let at = |offset: usize| match offset {
            o if o == span.start => (line, column),
            o if o == span.end => (end_line, end_column),
            o => doc.position(o),
        };
        let mark = Mark {
            start: at(words.start),
            end: at(words.end),
            span: words,
        };
        Place {
            file: doc.path.clone(),
            line,
            column,
            end_line,
            end_column,
            span,
            mark,
        }
    }

    /// A finding about the words of this place.
    fn finding(&self, claim: Option<&crate::rules::Claim>, draft: Draft) -> Finding {
        let m = &self.mark;
        checks::finding_at(&self.file, m.span.clone(), m.start, m.end, claim, draft)
    }

    fn related(&self, value: &str) -> Related {
        Related {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            end_line: self.end_line,
            end_column: self.end_column,
            value: value.to_string(),
        }
    }
}

/// A figure a document gives for a claim's slot.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureSeen {
    /// Index of the claim in the rule set.
    pub claim: usize,
    /// Index of the slot in the claim's matched template.
    pub slot: usize,
    /// The slot's value as the template writes it, when it has one (then
    /// value-mismatch settles it, and sources are not compared).
    pub expected: Option<String>,
    /// Whether the figure agrees with that value (`None` without one).
    pub agrees: Option<bool>,
    /// The figure.
    pub quantity: Quantity,
    /// As written.
    pub text: String,
    /// Where.
    pub place: Place,
}

/// A quotation a document attributes to a speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSeen {
    /// Index of the speaker in the rule set's people, when the rules list them.
    pub person: Option<usize>,
    /// Who speaks, as a key that is the same across documents: the rule person's id,
    /// else the speaker's surname, lowercased.
    pub speaker: String,
    /// Who speaks, in words (the rule person's name, or the name as written).
    pub who: String,
    /// The claim of the recorded quote it renders, when a rule covers it.
    pub rule: Option<usize>,
    /// Whether it is the recorded quote's words (when a rule covers it).
    pub verbatim: bool,
    /// The quoted words.
    pub text: String,
    /// Where.
    pub place: Place,
    /// The index of the paragraph it starts in, among its document's paragraphs
    /// (`extract::quote::paragraphs`), when its document has two quotations
    /// that sources are compared on (no rule, a speaker known across
    /// documents) and it is one of them; 0 otherwise.
    pub paragraph: usize,
}

/// The key that names a quotation's speaker across documents, and the speaker in
/// words: a rule person by id and name; a named person (or a pronoun resolved to
/// one) by surname; roles, organisations and unresolved pronouns get an empty key
/// ("the mayor" in two documents need not be one person).
pub fn speaker_key(doc: &Document, s: &Speaker, rules: &RuleSet) -> (String, String) {
    if let Some(p) = s.person.and_then(|p| rules.people.get(p)) {
        return (format!("#{}", p.id), p.name.clone());
    }
    let named =
        s.kind == SpeakerKind::Person || (s.kind == SpeakerKind::Pronoun && s.name.is_some());
    let who = s.who(&doc.prose);
    if named {
        (s.key(&doc.prose), who)
    } else {
        (String::new(), who)
    }
}

/// A statement a document reports, and the date it gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementSeen {
    /// Index of the claim in the rule set.
    pub claim: usize,
    /// The date as written, when the sentence gives one.
    pub date: Option<String>,
    /// Whether that date is the claim's date.
    pub agrees: bool,
    /// Where (the date, or the reporting verb when there is no date).
    pub place: Place,
}

/// What one document says about the claims of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Observations {
    /// Figures bound to claim slots.
    pub figures: Vec<FigureSeen>,
    /// Quotations with a known speaker.
    pub quotes: Vec<QuoteSeen>,
    /// Statements reported.
    pub statements: Vec<StatementSeen>,
    /// Claim slots (claim index, slot index) this document gave a figure for
    /// against a rule value, once those figures are let go
    /// ([`Observations::keep_for_comparison`]): value-mismatch settles such a
    /// slot, so sources are not compared on it.
    pub settled: Vec<(usize, usize)>,
}

impl Observations {
    /// Keeps only what comparing sources reads (figures for slots without a rule
    /// value, quotations no rule covers with a speaker known across documents),
    /// noting the slots a rule value settles: a run that prints no claim matrix
    /// holds no more than that for each document.
    pub fn keep_for_comparison(&mut self) {
        for f in &self.figures {
            if f.expected.is_some() && !self.settled.contains(&(f.claim, f.slot)) {
                self.settled.push((f.claim, f.slot));
            }
        }
        self.figures.retain(|f| f.expected.is_none());
        self.quotes
            .retain(|q| q.rule.is_none() && !q.speaker.is_empty());
        self.statements = Vec::new();
        self.figures.shrink_to_fit();
        self.quotes.shrink_to_fit();
    }
}

/// Whether two figures agree under the precision each was written with: their
/// rounding intervals overlap ("about 20%" and "20%", "$1.3 billion" and "$1,300
/// million").
pub fn figures_agree(a: &Quantity, b: &Quantity) -> bool {
    let same_kind = match (&a.kind, &b.kind) {
        (QuantityKind::Money { currency: x }, QuantityKind::Money { currency: y }) => x == y,
        (x, y) => std::mem::discriminant(x) == std::mem::discriminant(y),
    };
    if !same_kind || (a.direction.is_some() && b.direction.is_some() && a.direction != b.direction)
    {
        return false;
    }
    let half = (a.step.max(b.step)) / 2.0;
    let (a_hi, b_hi) = (a.upper.unwrap_or(a.value), b.upper.unwrap_or(b.value));
    a.value <= b_hi + half * (1.0 + 1e-9) && b.value <= a_hi + half * (1.0 + 1e-9)
}

/// The cross-source findings of a run, each with the index of its document.
/// `seen[i]` is what document `i` says; the documents themselves are not needed.
pub fn compare(seen: &[Observations], rules: &RuleSet) -> Vec<(usize, Finding)> {
    let mut out = figure_disagreements(seen, rules);
    out.extend(quote_disagreements(seen, rules));
    out
}

/// A claim's slot: (claim index, slot index).
type SlotKey = (usize, usize);

/// `source-disagreement` for the slots of claims that have no expected value.
fn figure_disagreements(seen: &[Observations], rules: &RuleSet) -> Vec<(usize, Finding)> {
    // Every figure given for a value-less slot, grouped by claim and slot.
    let mut groups: std::collections::BTreeMap<SlotKey, Vec<(usize, &FigureSeen)>> =
        std::collections::BTreeMap::new();
    let mut settled = std::collections::BTreeSet::new();
    for (d, obs) in seen.iter().enumerate() {
        for f in &obs.figures {
            groups.entry((f.claim, f.slot)).or_default().push((d, f));
        }
        settled.extend(obs.settled.iter().copied());
    }
    let mut out = Vec::new();
    for (key, list) in groups {
        let claim = &rules.claims[key.0];
        // Only slots without a value: a rule value is settled by value-mismatch.
        if settled.contains(&key) || list.iter().any(|(_, f)| f.expected.is_some()) {
            continue;
        }
        let documents: Vec<usize> = dedup(list.iter().map(|(d, _)| *d));
        if documents.len() < 2 {
            continue;
        }
        out.extend(slot_disagreements(claim, &list));
    }
    out
}

/// The most other documents' places one `source-disagreement` lists; the rest are
/// counted (`related_more`), so a slot given by thousands of documents costs
/// thousands of short findings, not thousands of thousand-place lists.
pub const RELATED_LISTED: usize = 10;

/// `source-disagreement` for the figures documents give for one value-less slot.
fn slot_disagreements(
    claim: &crate::rules::Claim,
    list: &[(usize, &FigureSeen)],
) -> Vec<(usize, Finding)> {
    // How many other documents agree with each figure, worked out per group of
    // equal figures.
    let slot = slots::Slot::new(list);
    let support = slot.support();
    let best = support.iter().copied().max().unwrap_or(0);
    let contested = support.iter().any(|&s| s < best);
    let majority = if contested {
        let m = list
            .iter()
            .zip(&support)
            .find(|(_, s)| **s == best)
            .map(|((_, g), _)| g.text.clone())
            .unwrap_or_default();
        format!("; the majority says {m}")
    } else {
        String::new()
    };
    // In the majority: fine. With no majority (two documents, or a tie), all sides
    // are reported.
    let reported: Vec<usize> = (0..list.len())
        .filter(|&i| !(contested && support[i] == best))
        .collect();
    let others = slot.disagreeing(&reported, RELATED_LISTED);
    let mut out = Vec::new();
    for (&i, (shown, more)) in reported.iter().zip(others) {
        if shown.is_empty() {
            continue;
        }
        let (d, f) = list[i];
        let shown: Vec<&FigureSeen> = shown.iter().map(|&j| list[j].1).collect();
        out.push((d, disagreement(claim, f, &shown, more, &majority)));
    }
    out
}

/// One `source-disagreement`: figure `f` against the figures `shown` of other
/// documents, and `more` not listed.
fn disagreement(
    claim: &crate::rules::Claim,
    f: &FigureSeen,
    shown: &[&FigureSeen],
    more: usize,
    majority: &str,
) -> Finding {
    let mut listed: Vec<String> = shown
        .iter()
        .map(|g| format!("{}:{} says {}", g.place.file, g.place.line, g.text))
        .collect();
    if more > 0 {
        listed.push(format!("{more} more places say otherwise"));
    }
    let mut finding = f.place.finding(
        Some(claim),
        Draft {
            code: Code::SourceDisagreement,
            span: f.place.span.clone(),
            message: format!(
                "{} here, for claim `{}`, but {}{majority}",
                f.text,
                claim.id,
                listed.join(", ")
            ),
            found: f.text.clone(),
            expected: shown[0].text.clone(),
            kind: None,
            suggestion: None,
        },
    );
    finding.related = shown.iter().map(|g| g.place.related(&g.text)).collect();
    finding.related_more = more;
    finding
}

/// How much of the shorter quotation's content words (names aside) must align, in
/// order, with the longer one's for the two to render the same remark.
pub const SAME_REMARK: f64 = 0.5;

/// The fewest content words (names aside) two quotations must share, aligned, to be
/// compared. Judged by hand on a run over 300 articles of the quote suite's train
/// split: renderings of one remark share 4 to 20 ("we have come a long way in the
/// last nine months"); different remarks of one speaker that share three ("the worst
/// thing that ever happened to the establishment", "the worst thing that's happened
/// to Israel") are a talking point, not a remark.
pub const SHARED_WORDS: usize = 4;

/// A content word found in more than this many quotations of one speaker does not
/// propose candidates (it is that speaker's topic, not a mark of one remark).
const COMMON: usize = 48;

/// A quotation with a speaker, ready to compare.
struct Voiced<'a> {
    doc: usize,
    seen: &'a QuoteSeen,
    tokens: Vec<Token>,
    /// Per token: whether it is a name.
    names: Vec<bool>,
    /// Its distinct content words that are not names, normalised.
    words: Vec<String>,
}

/// How two quotations of one speaker compare.
enum Verdict {
    Agree,
    Differ(f64),
}

/// Whether `a` and `b` render the same remark, and if so whether in the same words:
/// the shorter one (in content words) aligned with the longer.
fn judge(a: &Voiced, b: &Voiced) -> Option<Verdict> {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let al = align::align(&short.tokens, &long.tokens)?;
    // Names count for how much is shared, not for whether anything is: two remarks
    // that both name Donald Trump share a subject.
    let shared = al
        .steps
        .iter()
        .filter(|s| matches!(s, align::Step::Same(i, _) if align::is_content(&short.tokens[*i]) && !short.names[*i]))
        .count();
    if shared < SHARED_WORDS || al.coverage() + 1e-9 < SAME_REMARK {
        return None;
    }
    Some(if al.verbatim() {
        Verdict::Agree
    } else {
        let back = align::align(&a.tokens, &b.tokens).map_or(al.similarity, |x| x.similarity);
        Verdict::Differ(back)
    })
}

/// Whether quotation `i` is its document's closest rendering of quotation `j`
/// (`near_j` are `j`'s candidates): a document that quotes a speaker's talking point
/// twice ("let's dispel with this fiction that…", later "this notion that… is just
/// not true") renders another document's quotation once, with the closer one.
fn best_rendering(all: &[Voiced], near_j: &[usize], j: usize, i: usize) -> bool {
    let score = |x: usize| {
        let (short, long) = if all[x].words.len() <= all[j].words.len() {
            (&all[x], &all[j])
        } else {
            (&all[j], &all[x])
        };
        align::align(&short.tokens, &long.tokens).map_or(0.0, |a| a.similarity)
    };
    let mine = score(i);
    near_j
        .iter()
        .filter(|&&x| x != i && all[x].doc == all[i].doc)
        .all(|&x| score(x) <= mine)
}

/// Per quotation, whether its document also gives the same speaker rendering the
/// same remark in other words: a line the speaker delivered more than once (a debate
/// answer repeated, a stump line), each rendering true to its own delivery. Across
/// sources, such a line differs because the deliveries did, not because a writer
/// drifted, so it is not compared. (Two renderings where one is the other's words,
/// a quotation repeated in part, are one delivery and stay compared; so are two
/// renderings in one paragraph, a speaker echoing his own phrase within a remark:
/// "if we go marching in with momentum …, and if we go marching in with momentum, …".)
fn repeated_lines(all: &[Voiced], within: &[Vec<usize>]) -> Vec<bool> {
    let paragraph = |i: usize| all[i].seen.paragraph;
    within
        .iter()
        .enumerate()
        .map(|(i, near)| {
            near.iter().any(|&k| {
                matches!(judge(&all[i], &all[k]), Some(Verdict::Differ(_)))
                    && paragraph(i) != paragraph(k)
            })
        })
        .collect()
}

/// For each quotation, the others of the same speaker that share at least
/// [`SHARED_WORDS`] of its less common content words: those in other documents
/// (`across`) and those in its own (`within`). Each (speaker, word) gets an id once
/// and a list of the quotations holding it, and a quotation counts its shared words
/// in one table reset after it, so the cost grows with the quotations times the
/// [`COMMON`] bound, not with their square.
struct Near {
    across: Vec<Vec<usize>>,
    within: Vec<Vec<usize>>,
}

/// The candidates of every quotation (see [`Near`]).
fn candidates(all: &[Voiced]) -> Near {
    let (words, holders) = word_holders(all);
    let mut shared = vec![0usize; all.len()];
    let mut touched = Vec::new();
    let mut near = Near {
        across: Vec::with_capacity(all.len()),
        within: Vec::with_capacity(all.len()),
    };
    for (i, mine) in words.iter().enumerate() {
        count_shared_words(i, mine, &holders, &mut shared, &mut touched);
        touched.sort_unstable();
        let (mut across, mut within) = (Vec::new(), Vec::new());
        for &j in &touched {
            if shared[j] >= SHARED_WORDS {
                if all[j].doc == all[i].doc {
                    within.push(j);
                } else {
                    across.push(j);
                }
            }
            shared[j] = 0;
        }
        touched.clear();
        near.across.push(across);
        near.within.push(within);
    }
    near
}

/// Per quotation, the ids of its (speaker, word) pairs; per id, the quotations
/// holding it.
fn word_holders(all: &[Voiced]) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    use std::collections::HashMap;
    let mut ids: HashMap<(&str, &str), usize> = HashMap::new();
    let mut holders: Vec<Vec<usize>> = Vec::new();
    let words = all
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.words
                .iter()
                .map(|w| {
                    let id = *ids
                        .entry((v.seen.speaker.as_str(), w.as_str()))
                        .or_insert_with(|| {
                            holders.push(Vec::new());
                            holders.len() - 1
                        });
                    holders[id].push(i);
                    id
                })
                .collect()
        })
        .collect();
    (words, holders)
}

/// Counts, in `shared`, how many of quotation `i`'s less common words (`mine`) each
/// other quotation of its speaker holds; `touched` lists those with a count.
fn count_shared_words(
    i: usize,
    mine: &[usize],
    holders: &[Vec<usize>],
    shared: &mut [usize],
    touched: &mut Vec<usize>,
) {
    for &id in mine {
        if holders[id].len() > COMMON {
            continue;
        }
        for &j in &holders[id] {
            if j != i {
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
    }
}

/// The tokens without contractions ("that's", "doesn't"): two remarks that both say
/// "that's" share a habit of speech, not words.
fn without_contractions(tokens: Vec<Token>) -> Vec<Token> {
    tokens
        .into_iter()
        .filter(|t| {
            !t.text
                .trim_matches(|c: char| !c.is_alphanumeric())
                .contains(['\'', '’'])
        })
        .collect()
}

/// Per token, whether it is a name: capitalised, not opening a sentence.
fn names_of(tokens: &[Token]) -> Vec<bool> {
    let mut opens = true;
    tokens
        .iter()
        .map(|t| {
            let name = !opens && t.text.starts_with(char::is_uppercase);
            opens = t.text.ends_with(['.', '?', '!', ':']);
            name
        })
        .collect()
}

/// `quote-drift` between documents: quotations of the same speaker, not covered by
/// a rule, that render the same remark in different words.
fn quote_disagreements(seen: &[Observations], _rules: &RuleSet) -> Vec<(usize, Finding)> {
    let all = voiced_quotes(seen);
    let Near {
        across: near_all,
        within,
    } = candidates(&all);
    let repeated = repeated_lines(&all, &within);
    let mut out = Vec::new();
    for (i, v) in all.iter().enumerate() {
        if repeated[i] {
            continue;
        }
        let (agree, differ) = renderings(&all, &near_all, &repeated, i);
        // This quotation's side (itself and the documents that agree with it) against
        // the documents that differ: the larger side is the majority and stands.
        if differ.is_empty() || agree.len() + 1 > dedup(differ.iter().map(|(e, _, _)| *e)).len() {
            continue;
        }
        out.push((v.doc, drift_across_sources(v.seen, &differ)));
    }
    out
}

/// Every quotation of a named speaker that no rule covers, with its words.
fn voiced_quotes(seen: &[Observations]) -> Vec<Voiced<'_>> {
    seen.iter()
        .enumerate()
        .flat_map(|(d, obs)| {
            obs.quotes
                .iter()
                .filter(|q| q.rule.is_none() && !q.speaker.is_empty())
                .map(move |q| (d, q))
        })
        .map(|(d, q)| {
            let tokens = without_contractions(align::tokens(&q.text));
            let names = names_of(&tokens);
            let mut words: Vec<String> = tokens
                .iter()
                .zip(&names)
                .filter(|(t, name)| align::is_content(t) && !**name)
                .map(|(t, _)| t.norm.clone())
                .collect();
            words.sort_unstable();
            words.dedup();
            Voiced {
                doc: d,
                seen: q,
                tokens,
                names,
                words,
            }
        })
        .collect()
}

/// A quotation in another document that renders the same remark in other words: its
/// document, the quotation, and how similar the two are.
type Rendering<'a> = (usize, &'a QuoteSeen, f64);

/// How the other documents render quotation `i`'s remark: the documents that give the
/// same words (sorted, once each), and the quotations that give other words. Only
/// pairs where each is the other's best rendering count; lines a document repeats
/// (`repeated`) are left out.
fn renderings<'a>(
    all: &[Voiced<'a>],
    near_all: &[Vec<usize>],
    repeated: &[bool],
    i: usize,
) -> (Vec<usize>, Vec<Rendering<'a>>) {
    let near = &near_all[i];
    let mut agree = Vec::new();
    let mut differ = Vec::new();
    for &j in near {
        if repeated[j] {
            continue;
        }
        if !best_rendering(all, &near_all[j], j, i) || !best_rendering(all, near, i, j) {
            continue;
        }
        match judge(&all[i], &all[j]) {
            Some(Verdict::Agree) => agree.push(all[j].doc),
            Some(Verdict::Differ(sim)) => differ.push((all[j].doc, all[j].seen, sim)),
            None => {}
        }
    }
    (dedup(agree.into_iter()), differ)
}

/// The `quote-drift` finding on quotation `q`, which the documents in `differ`
/// (not empty) render in other words: it names them and shows the closest.
fn drift_across_sources(q: &QuoteSeen, differ: &[Rendering]) -> Finding {
    let (closest, similarity) = differ
        .iter()
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .map(|x| (x.1, x.2))
        .expect("not empty");
    let listed: Vec<String> = differ
        .iter()
        .map(|(_, r, _)| format!("{}:{}", r.place.file, r.place.line))
        .collect();
    let mut finding = q.place.finding(
        None,
        Draft {
            code: Code::QuoteDrift,
            span: q.place.span.clone(),
            message: format!(
                "{} is quoted differently in {} (similarity {similarity:.2}); no rule records the words",
                q.who,
                listed.join(", ")
            ),
            found: q.text.clone(),
            expected: closest.text.clone(),
            kind: Some("across-sources".into()),
            suggestion: None,
        },
    );
    finding.related = differ
        .iter()
        .map(|(_, r, _)| r.place.related(&r.text))
        .collect();
    finding
}

fn dedup(items: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut v: Vec<usize> = items.collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quantity::quantities;

    fn q(text: &str) -> Quantity {
        quantities(text)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no figure in {text}"))
    }

    #[test]
    fn agreement_follows_precision() {
        assert!(figures_agree(&q("about 20%"), &q("20%")));
        assert!(figures_agree(&q("$1.3 billion"), &q("$1,300 million")));
        assert!(figures_agree(&q("20%"), &q("20.4%")));
        assert!(!figures_agree(&q("20%"), &q("25%")));
        assert!(!figures_agree(&q("20%"), &q("20 percentage points")));
        assert!(!figures_agree(&q("$5 million"), &q("€5 million")));
        assert!(!figures_agree(&q("rose 7%"), &q("fell 7%")));
    }
}
