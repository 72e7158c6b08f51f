//! Diff: what two documents say, claim by claim.
//!
//! Through the rules, each claim's figures, quote and statement date in one
//! document are set against the other's. Without a rule, figures are paired when
//! they are of the same kind and their sentences share enough content words (the
//! anchors and context the matcher would use), and quotations when one renders the
//! other's words, or when the same speaker says much the same thing (a reworded
//! quote). Each pair is named the way an editor says it (a claim's id, "quote by
//! Kobakhidze", "the share of territory") and gets a one-line verdict.

mod naming;

use std::collections::HashSet;

use crate::align;
use crate::document::Document;
use crate::extract::date::dates;
use crate::extract::quantity::quantities;
use crate::extract::quote::quotations;
use crate::extract::{Quantity, outside_dates};
use crate::pipeline::Checker;
use crate::rules::ClaimKind;
use crate::sources::{Observations, Place, QuoteSeen, StatementSeen, figures_agree};
use crate::statements::content_words;

/// One document's words in a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// As written.
    pub text: String,
    /// Where.
    pub place: Place,
    /// The sentence the words are in, white space folded (the words themselves when
    /// they lie in no sentence).
    pub sentence: String,
    /// Who says it, for a quotation, when the text names someone.
    pub speaker: Option<String>,
}

/// What the two documents say about one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// What is compared: a claim id, or "figure" / "quote" without a rule.
    pub label: String,
    /// What the rule says, when a rule covers it.
    pub rule: Option<String>,
    /// The first document's words.
    pub a: Option<Side>,
    /// The second document's words.
    pub b: Option<Side>,
    /// Whether they say the same (absent on one side counts as no disagreement).
    pub agree: bool,
    /// What the pair is about, as an editor says it: "trade-h1-2025",
    /// "quote by Kobakhidze", "the share of territory".
    pub what: String,
    /// The one-line verdict: "same figure: 20% in A, about 20% in B".
    pub verdict: String,
}

/// How many of their content words two sentences must share (Jaccard) for their
/// figures to be about the same thing.
const SHARED_CONTEXT: f64 = 0.3;

/// The pairs of two documents, rule claims first, then what no rule covers.
/// `seen` is what each says (from [`Checker::analyse`]).
pub fn pairs(checker: &Checker, a: &Document, b: &Document, seen: [&Observations; 2]) -> Vec<Pair> {
    let mut out = claim_pairs(checker, [a, b], seen);
    let covered: Vec<&Place> = seen
        .iter()
        .flat_map(|o| o.figures.iter().map(|f| &f.place))
        .collect();
    out.extend(figure_pairs(a, b, &covered));
    let quoted: Vec<&Place> = seen
        .iter()
        .flat_map(|o| {
            o.quotes
                .iter()
                .filter(|q| q.rule.is_some())
                .map(|q| &q.place)
        })
        .collect();
    out.extend(quote_pairs(a, b, &quoted));
    out
}

/// The sentence around `span` in `doc` as a reader sees it, white space folded.
fn sentence_of(doc: &Document, span: &std::ops::Range<usize>) -> String {
    let range = doc
        .sentence_at(span.start)
        .map(|i| doc.sentences[i].clone())
        .map_or(span.clone(), |s| {
            s.start.min(span.start)..s.end.max(span.end)
        });
    // The prose view: Markdown markup blanked, so the sentence reads as published.
    let text = doc.prose.get(range.clone()).unwrap_or(&doc.text[range]);
    crate::report::layout::fold_spaces(text).trim().to_string()
}

fn side(doc: &Document, text: &str, place: &Place) -> Option<Side> {
    Some(Side {
        text: text.to_string(),
        place: place.clone(),
        sentence: sentence_of(doc, &place.span),
        speaker: None,
    })
}

/// The verdict on two figures or dates, `x` in A and `y` in B.
fn verdict_on(agree: bool, same: &str, differ: &str, x: Option<&str>, y: Option<&str>) -> String {
    match (x, y) {
        (Some(x), Some(y)) if agree => format!("{same}: {x} in A, {y} in B"),
        (Some(x), Some(y)) => format!("{differ}: {x} in A, {y} in B"),
        (Some(x), None) => format!("only in A: {x}"),
        (None, Some(y)) => format!("only in B: {y}"),
        (None, None) => String::new(),
    }
}

/// The pairs the rules make: for each claim, its figures slot by slot, its quote,
/// or its statement's date, as each document gives them.
fn claim_pairs(checker: &Checker, docs: [&Document; 2], seen: [&Observations; 2]) -> Vec<Pair> {
    let mut out = Vec::new();
    for (index, claim) in checker.rules.claims.iter().enumerate() {
        match &claim.kind {
            ClaimKind::Figures(_) => {
                for slot in 0..checker.matcher.slots(index).len() {
                    out.extend(figure_claim_pair(&claim.id, index, slot, docs, seen));
                }
            }
            ClaimKind::Quote(text) => {
                out.extend(quote_claim_pair(checker, index, text, docs, seen));
            }
            ClaimKind::Statement(_) => {
                out.extend(statement_claim_pair(checker, index, docs, seen));
            }
        }
    }
    out
}

/// What each document gives for one figure of a claim (slot `slot` of claim
/// `index`), when at least one gives it.
fn figure_claim_pair(
    id: &str,
    index: usize,
    slot: usize,
    [da, db]: [&Document; 2],
    seen: [&Observations; 2],
) -> Option<Pair> {
    let [fa, fb] = seen.map(|o| {
        o.figures
            .iter()
            .find(|f| f.claim == index && f.slot == slot)
    });
    if fa.is_none() && fb.is_none() {
        return None;
    }
    let agree = match (fa, fb) {
        (Some(x), Some(y)) => figures_agree(&x.quantity, &y.quantity),
        _ => true,
    };
    let rule = fa.or(fb).and_then(|f| f.expected.clone());
    let texts = (fa.map(|f| f.text.as_str()), fb.map(|f| f.text.as_str()));
    Some(Pair {
        label: id.to_string(),
        what: match &rule {
            Some(r) => format!("{id} ({r})"),
            None => id.to_string(),
        },
        verdict: verdict_on(agree, "same figure", "different figures", texts.0, texts.1),
        rule,
        a: fa.and_then(|f| side(da, &f.text, &f.place)),
        b: fb.and_then(|f| side(db, &f.text, &f.place)),
        agree,
    })
}

/// How each document quotes claim `index`'s recorded words (`recorded`), and to
/// whom it gives them, when at least one quotes them.
fn quote_claim_pair(
    checker: &Checker,
    index: usize,
    recorded: &str,
    [da, db]: [&Document; 2],
    seen: [&Observations; 2],
) -> Option<Pair> {
    let id = &checker.rules.claims[index].id;
    let [qa, qb] = seen.map(|o| o.quotes.iter().find(|q| q.rule == Some(index)));
    if qa.is_none() && qb.is_none() {
        return None;
    }
    let agree = match (qa, qb) {
        (Some(x), Some(y)) => x.person == y.person && same_words(&x.text, &y.text),
        _ => true,
    };
    let speaker = |q: &QuoteSeen| speaker_name(checker, q);
    let verdict = match (qa, qb) {
        (Some(x), Some(y)) if x.person != y.person => {
            format!("given to {} in A, to {} in B", speaker(x), speaker(y))
        }
        (Some(x), Some(y)) => quote_verdict(&x.text, &y.text),
        (Some(_), None) => "only in A".to_string(),
        _ => "only in B".to_string(),
    };
    let with_speaker = |doc: &Document, q: &QuoteSeen| {
        side(doc, &q.text, &q.place).map(|s| Side {
            speaker: Some(speaker(q)),
            ..s
        })
    };
    Some(Pair {
        label: id.clone(),
        what: format!("{id} (quote)"),
        verdict,
        rule: Some(recorded.to_string()),
        a: qa.and_then(|q| with_speaker(da, q)),
        b: qb.and_then(|q| with_speaker(db, q)),
        agree,
    })
}

/// Who a quotation is given to: a rule's person by their name, anyone else as the
/// article names them.
fn speaker_name(checker: &Checker, quote: &QuoteSeen) -> String {
    quote.person.map_or_else(
        || quote.who.clone(),
        |p| checker.rules.people[p].name.clone(),
    )
}

/// The date each document gives for claim `index`'s statement ("no date" when it
/// reports the statement undated), when at least one reports it.
fn statement_claim_pair(
    checker: &Checker,
    index: usize,
    [da, db]: [&Document; 2],
    seen: [&Observations; 2],
) -> Option<Pair> {
    let claim = &checker.rules.claims[index];
    let [ra, rb] = seen.map(|o| o.statements.iter().find(|s| s.claim == index));
    if ra.is_none() && rb.is_none() {
        return None;
    }
    let date = |s: &StatementSeen| s.date.clone().unwrap_or_else(|| "no date".into());
    let agree = match (ra, rb) {
        (Some(x), Some(y)) => x.agrees == y.agrees,
        _ => true,
    };
    let (ta, tb) = (ra.map(date), rb.map(date));
    Some(Pair {
        label: claim.id.clone(),
        what: format!("{} (date)", claim.id),
        verdict: verdict_on(
            agree,
            "same date",
            "different dates",
            ta.as_deref(),
            tb.as_deref(),
        ),
        rule: claim.date.map(|d| d.to_string()),
        a: ra.and_then(|s| side(da, &date(s), &s.place)),
        b: rb.and_then(|s| side(db, &date(s), &s.place)),
        agree,
    })
}

/// Whether two quotations give the same words (one may quote part of the other).
fn same_words(x: &str, y: &str) -> bool {
    let (tx, ty) = (align::tokens(x), align::tokens(y));
    align::align(&tx, &ty).is_some_and(|a| a.verbatim())
        || align::align(&ty, &tx).is_some_and(|a| a.verbatim())
}

/// A document's figures with the content words of their sentences.
fn figures_in_context(doc: &Document) -> Vec<(Quantity, HashSet<String>)> {
    let published = doc.published.as_ref().map(|p| p.date);
    let when = dates(&doc.prose, published);
    outside_dates(quantities(&doc.prose), &when)
        .into_iter()
        .filter_map(|q| {
            let s = doc.sentence_at(q.span.start)?;
            let context = content_words(&doc.prose[doc.sentences[s].clone()]);
            Some((q, context))
        })
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

/// Figures no rule covers, paired by kind and shared context.
fn figure_pairs(a: &Document, b: &Document, covered: &[&Place]) -> Vec<Pair> {
    let is_covered = |doc: &Document, q: &Quantity| {
        covered
            .iter()
            .any(|p| p.file == doc.path && p.span == q.span)
    };
    let fa: Vec<_> = figures_in_context(a)
        .into_iter()
        .filter(|(q, _)| !is_covered(a, q))
        .collect();
    let fb: Vec<_> = figures_in_context(b)
        .into_iter()
        .filter(|(q, _)| !is_covered(b, q))
        .collect();
    let mut used = vec![false; fb.len()];
    let mut out = Vec::new();
    for (qa, ca) in &fa {
        let best = fb
            .iter()
            .enumerate()
            .filter(|(j, (qb, _))| {
                !used[*j] && std::mem::discriminant(&qa.kind) == std::mem::discriminant(&qb.kind)
            })
            .map(|(j, (qb, cb))| (j, qb, jaccard(ca, cb)))
            .filter(|(_, _, score)| *score >= SHARED_CONTEXT)
            .max_by(|x, y| x.2.total_cmp(&y.2));
        let Some((j, qb, _)) = best else { continue };
        used[j] = true;
        let text = |d: &Document, q: &Quantity| d.text[q.span.clone()].trim().to_string();
        let agree = figures_agree(qa, qb);
        let shared: HashSet<String> = ca.intersection(&fb[j].1).cloned().collect();
        let (wa, wb) = (naming::figure_words(a, qa), naming::figure_words(b, qb));
        out.push(Pair {
            label: "figure".into(),
            what: naming::figure_name(a, qa, &shared),
            verdict: verdict_on(
                agree,
                "same figure",
                "different figures",
                Some(&wa),
                Some(&wb),
            ),
            rule: None,
            a: side(a, &text(a, qa), &Place::of(a, qa.span.clone())),
            b: side(b, &text(b, qb), &Place::of(b, qb.span.clone())),
            agree,
        });
    }
    out
}

/// A quotation no rule covers: where, its words, who says it.
struct Spoken {
    place: Place,
    text: String,
    speaker: Option<String>,
}

/// The quotations of `doc` no rule covers (scare quotes left out), with speakers.
fn spoken(d: &Document, covered: &[&Place]) -> Vec<Spoken> {
    let quoted = quotations(&d.prose, &d.blocks);
    crate::quotes::spoken(&quoted)
        .filter_map(|q| {
            let span = q.parts.first()?.start..q.parts.last()?.end;
            let place = Place::of(d, span.clone());
            (!covered.contains(&&place)).then(|| Spoken {
                place,
                text: q.text(&d.prose),
                speaker: naming::speaker(d, q, &quoted),
            })
        })
        .collect()
}

/// How alike two quotations are: the share of their words (folded) they have in
/// common, counted with repeats (Dice), and how many of those are content words.
fn overlap(x: &str, y: &str) -> (f64, usize) {
    let (tx, ty) = (align::tokens(x), align::tokens(y));
    let mut left: Vec<&align::Token> = ty.iter().collect();
    let (mut shared, mut content) = (0, 0);
    for t in &tx {
        if let Some(i) = left.iter().position(|u| u.norm == t.norm) {
            shared += 1;
            content += usize::from(align::is_content(t));
            left.remove(i);
        }
    }
    let all = tx.len() + ty.len();
    (
        if all == 0 {
            0.0
        } else {
            2.0 * shared as f64 / all as f64
        },
        content,
    )
}

/// The least overlap for quotations of the same speaker to be one remark reworded,
/// and for quotations whose speakers are unknown or differ.
const SAME_SPEAKER: f64 = 0.3;
const ANY_SPEAKER: f64 = 0.6;

/// Quotations no rule covers, paired by speaker and remark: the same speaker saying
/// much the same words (reworded is fine), or anyone giving nearly the same words.
/// Each quotation is in one pair at most; the most alike pairs are taken first.
fn quote_pairs(a: &Document, b: &Document, covered: &[&Place]) -> Vec<Pair> {
    let (qa, qb) = (spoken(a, covered), spoken(b, covered));
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in qa.iter().enumerate() {
        for (j, y) in qb.iter().enumerate() {
            let same = match (&x.speaker, &y.speaker) {
                (Some(p), Some(q)) => naming::speaker_key(p) == naming::speaker_key(q),
                _ => false,
            };
            let (score, content) = overlap(&x.text, &y.text);
            let enough = if same { SAME_SPEAKER } else { ANY_SPEAKER };
            if score >= enough && content >= 1 {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut used_a, mut used_b) = (vec![false; qa.len()], vec![false; qb.len()]);
    let mut chosen = Vec::new();
    for (_, i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            chosen.push((i, j));
        }
    }
    chosen.sort();
    chosen
        .into_iter()
        .map(|(i, j)| {
            let (x, y) = (&qa[i], &qb[j]);
            let who = x.speaker.as_ref().or(y.speaker.as_ref());
            let side = |d: &Document, s: &Spoken| {
                side(d, &s.text, &s.place).map(|v| Side {
                    speaker: s.speaker.clone(),
                    ..v
                })
            };
            Pair {
                label: "quote".into(),
                what: who.map_or_else(|| "quote".to_string(), |w| format!("quote by {w}")),
                verdict: quote_verdict(&x.text, &y.text),
                rule: None,
                a: side(a, x),
                b: side(b, y),
                agree: same_words(&x.text, &y.text),
            }
        })
        .collect()
}

/// The verdict on two renderings of a quotation.
fn quote_verdict(x: &str, y: &str) -> String {
    if same_words(x, y) {
        return "same words".to_string();
    }
    let (tx, ty) = (align::tokens(x), align::tokens(y));
    let (_, content) = overlap(x, y);
    let most = align::content_count(&tx).max(align::content_count(&ty));
    format!("reworded: {content} of {most} content words the same")
}
