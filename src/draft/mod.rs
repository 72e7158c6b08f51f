//! Drafting a rule file from a trusted source: `claimcheck extract`.
//!
//! A desk already holds the material its facts come from: a wire story, an
//! agency's statement, a transcript. Drafting reads it with the same document layer
//! and extractors as `check`, and proposes one rule per fact it states: a `claim`
//! per figure that states a fact (with the words the figure quantifies as its
//! anchors and the period the sentence gives it), a `quote` per full quotation with
//! its speaker, a `statement` per dated piece of reported speech, and the people
//! who speak. Every drafted claim carries its source sentence as a `pass` example,
//! and a claim that would not match its own sentence is left out: the draft is
//! proved against its source before it is printed (see [`prove`]).
//!
//! The stages: [`figures`] and the other finders propose [`DraftClaim`]s per
//! document, [`ids`] names them, [`write`] renders YAML, [`merge`] adds a draft to
//! an existing rule file without touching what is there.

pub mod figures;
pub mod ids;
pub mod merge;
pub mod names;
pub mod quotes;
pub mod statements;
pub mod write;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::Serialize;

use crate::document::Document;
use crate::pipeline::Checker;
use crate::rules;
use crate::selftest;
use crate::sources::Observations;

/// What a draft may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// Figure claims.
    Figures,
    /// Quotations with their speakers.
    Quotes,
    /// Dated reported speech.
    Statements,
}

impl Part {
    /// Every part, in the order a draft lists them.
    pub const ALL: [Part; 3] = [Part::Figures, Part::Quotes, Part::Statements];

    /// Reads `figures`, `quotes` or `statements`.
    pub fn parse(word: &str) -> Option<Part> {
        match word.trim() {
            "figures" => Some(Part::Figures),
            "quotes" => Some(Part::Quotes),
            "statements" => Some(Part::Statements),
            _ => None,
        }
    }
}

/// How to draft.
#[derive(Debug, Clone)]
pub struct Options {
    /// The parts to draft.
    pub only: BTreeSet<Part>,
    /// The fewest words a quotation needs to become a `quote` rule.
    pub min_words: usize,
    /// Whether quoted fragments ("called the plan “a disaster”") become quotes too.
    pub fragments: bool,
    /// Ids the draft must not use (those of a rule file it is merged into).
    pub taken: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            only: Part::ALL.into_iter().collect(),
            min_words: 6,
            fragments: false,
            taken: Vec::new(),
        }
    }
}

/// A person the draft proposes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftPerson {
    /// The id claims use in `by:`.
    pub id: String,
    /// The full name, as the source writes it.
    pub name: String,
    /// Other names the source itself uses (surname, title and surname).
    pub aliases: Vec<String>,
    /// The person's title or role, as the source gives it ("prime minister").
    pub title: Option<String>,
}

/// What a drafted claim asserts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum DraftKind {
    /// A figure with its anchor words: `claim: "20% of territory"`.
    Claim {
        /// The wording, read like article text by the checker.
        wording: String,
        /// The period the sentence gives the figure (`2025-H1`), when it gives one.
        period: Option<String>,
        /// Words that must also be in the sentence, where the anchors alone would
        /// match other figures of the source (the state a share belongs to).
        near: Vec<String>,
    },
    /// Someone's exact words.
    Quote {
        /// The words.
        words: String,
        /// The speaker's person id.
        by: String,
    },
    /// What someone said, in reported speech.
    Statement {
        /// The content words of what was said.
        words: String,
        /// The speaker's person id.
        by: String,
    },
}

/// One drafted claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftClaim {
    /// Its id: readable, stable, unique in the draft.
    pub id: String,
    /// What it asserts.
    #[serde(flatten)]
    pub kind: DraftKind,
    /// When it was said (quotes and statements): the date its sentence gives, else
    /// the publication date.
    #[serde(serialize_with = "date_text")]
    pub date: Option<Date>,
    /// Whether `date` is the day its sentence gives (not the publication date).
    #[serde(skip)]
    pub dated_by_sentence: bool,
    /// Where the fact comes from: the file, its outlet or title, its date.
    pub source: String,
    /// The source sentence, a `pass` example proving the claim matches it.
    pub example: String,
    /// Where the sentence is: `file:line`.
    pub place: String,
    /// The source's publication date, which the example is read with.
    #[serde(skip)]
    pub published: Option<Date>,
}

fn date_text<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// A draft rule file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Draft {
    /// The sources read, as named on the command line.
    pub sources: Vec<String>,
    /// The people who speak or are named with a title.
    pub people: Vec<DraftPerson>,
    /// The claims, in source order.
    pub claims: Vec<DraftClaim>,
    /// Claims proposed but left out because they did not match their own sentence,
    /// as `place: wording` (shown to the user, never silently dropped).
    pub left_out: Vec<String>,
}

/// How a report names a document as a source: "file, outlet or title, date".
pub fn source_label(doc: &Document) -> String {
    let mut parts = vec![doc.path.clone()];
    if let Some(name) = doc
        .front_matter
        .as_ref()
        .and_then(|f| f.outlet.as_ref().or(f.title.as_ref()))
    {
        parts.push(name.clone());
    }
    if let Some(p) = &doc.published {
        parts.push(p.date.to_string());
    }
    parts.join(", ")
}

/// Drafts a rule file from `docs`, proved against them.
pub fn draft(docs: &[Document], options: &Options) -> Draft {
    let mut ids = ids::Ids::with_taken(options.taken.iter().cloned());
    let mut out = Draft {
        sources: docs.iter().map(|d| d.path.clone()).collect(),
        ..Draft::default()
    };
    let mut people = quotes::People::default();
    for doc in docs {
        if options.only.contains(&Part::Figures) {
            out.claims.extend(figures::claims(doc, &mut ids));
        }
        if options.only.contains(&Part::Quotes) {
            out.claims
                .extend(quotes::claims(doc, options, &mut people, &mut ids));
        }
    }
    let wants_people =
        options.only.contains(&Part::Quotes) || options.only.contains(&Part::Statements);
    if wants_people {
        for doc in docs {
            people.add_titled(doc, &mut ids);
        }
    }
    people.finish(docs);
    if options.only.contains(&Part::Statements) {
        for doc in docs {
            out.claims
                .extend(statements::claims(doc, &people.list, &mut ids));
        }
    }
    out.people = people.list;
    out.claims = once_each(std::mem::take(&mut out.claims));
    prove(&mut out);
    settle(&mut out, docs);
    out
}

/// Checks every source against the draft: a claim that raises a finding on the
/// sources it was drafted from matches some other figure, speaker or date there.
/// A figure claim first gets a `near:` word from its own sentence that the other
/// sentence lacks (a name or a year); a claim still raising findings is left out,
/// with where, so `check` on the sources is silent by construction.
fn settle(draft: &mut Draft, docs: &[Document]) {
    for round in 0..2 {
        let Ok(rules) = rules::parse(&[("draft".to_string(), write::render(draft))]) else {
            return;
        };
        let checker = Checker::new(rules);
        let mut noisy: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for doc in docs {
            for f in checker.check_document(doc) {
                if let Some(rule) = f.rule.clone() {
                    noisy
                        .entry(rule)
                        .or_default()
                        .push(doc.line_text(f.line).to_string());
                }
            }
        }
        if noisy.is_empty() {
            return;
        }
        let mut dropped = Vec::new();
        for c in &mut draft.claims {
            let Some(lines) = noisy.get(&c.id) else {
                continue;
            };
            let narrowed = round == 0 && narrow(c, lines);
            if !narrowed {
                dropped.push(c.id.clone());
            }
        }
        for id in dropped {
            if let Some(i) = draft.claims.iter().position(|c| c.id == id) {
                let c = draft.claims.remove(i);
                draft.left_out.push(format!(
                    "{}: {} (it also matches other sentences of its source: {})",
                    c.place,
                    claim_text(&c),
                    noisy[&id]
                        .first()
                        .map_or("", |l| l.trim())
                        .chars()
                        .take(60)
                        .collect::<String>()
                ));
            }
        }
    }
}

/// Adds to a figure claim a `near:` word of its own sentence that none of `others`
/// holds: a name or a year. False when there is none.
fn narrow(c: &mut DraftClaim, others: &[String]) -> bool {
    let DraftKind::Claim { wording, near, .. } = &mut c.kind else {
        return false;
    };
    let in_others = |w: &str| others.iter().any(|l| l.contains(w));
    let pick = crate::words::words(&c.example)
        .map(|(_, w)| w)
        .filter(|w| {
            names::is_name_word(w) || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        })
        .find(|w| !wording.contains(w) && !near.iter().any(|n| n == w) && !in_others(w));
    match pick {
        Some(w) => {
            near.push(w.to_string());
            true
        }
        None => false,
    }
}

/// One claim per fact: a figure with the same wording and period, or the same
/// words of the same speaker, drafted from several sources is kept once, the
/// first written, unless a later one is dated by its own sentence and the first
/// only by its publication date. Ids stay unique (the dropped ids are not reused).
fn once_each(claims: Vec<DraftClaim>) -> Vec<DraftClaim> {
    let mut out: Vec<DraftClaim> = Vec::new();
    for c in claims {
        let key = fact_key(&c);
        match out.iter_mut().find(|o| fact_key(o) == key) {
            Some(o) if c.dated_by_sentence && !o.dated_by_sentence => {
                let id = std::mem::take(&mut o.id);
                *o = DraftClaim { id, ..c };
            }
            Some(_) => {}
            None => out.push(c),
        }
    }
    out
}

fn fact_key(c: &DraftClaim) -> String {
    let normal = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    match &c.kind {
        DraftKind::Claim {
            wording, period, ..
        } => {
            format!("claim {} {period:?}", normal(wording))
        }
        DraftKind::Quote { words, by } => format!("quote {by} {}", normal(words)),
        DraftKind::Statement { words, by } => format!("statement {by} {}", normal(words)),
    }
}

/// Keeps only the claims that match their own sentence, agree with it and raise
/// nothing there. The draft is read back as a rule file, and each claim's example
/// sentence is checked by the real checker as `claimcheck rules test` would, with
/// one more demand: the claim must be *seen* in its sentence (a figure bound and
/// agreeing, the quote recorded verbatim, the statement dated right), since a
/// sentence the claim never matches also raises nothing. The others move to
/// `left_out`, so the user sees them.
pub fn prove(draft: &mut Draft) {
    let yaml = write::render(draft);
    let proved: BTreeSet<String> = match rules::parse(&[("draft".to_string(), yaml)]) {
        Ok(rules) => proved_claims(&Checker::new(rules)),
        // A draft that does not read back is the writer's bug: nothing is proved.
        Err(_) => BTreeSet::new(),
    };
    let (kept, dropped): (Vec<_>, Vec<_>) =
        draft.claims.drain(..).partition(|c| proved.contains(&c.id));
    draft.claims = kept;
    draft.left_out.extend(
        dropped
            .into_iter()
            .map(|c| format!("{}: {}", c.place, claim_text(&c))),
    );
}

/// The ids of the claims whose `pass` examples are all seen and raise nothing.
fn proved_claims(checker: &Checker) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (index, claim) in checker.rules.claims.iter().enumerate() {
        let all_seen = claim.examples.pass.iter().all(|example| {
            let doc = selftest::example_document(claim, example);
            let (findings, seen) = checker.examine(&doc);
            let quiet = !findings
                .iter()
                .any(|f| f.rule.as_deref() == Some(&claim.id));
            quiet && seen_agreeing(&seen, index)
        });
        if all_seen && !claim.examples.pass.is_empty() {
            out.insert(claim.id.clone());
        }
    }
    out
}

fn seen_agreeing(seen: &Observations, claim: usize) -> bool {
    seen.figures
        .iter()
        .any(|f| f.claim == claim && f.agrees == Some(true))
        || seen
            .quotes
            .iter()
            .any(|q| q.rule == Some(claim) && q.verbatim)
        || seen.statements.iter().any(|s| s.claim == claim && s.agrees)
}

fn claim_text(c: &DraftClaim) -> &str {
    match &c.kind {
        DraftKind::Claim { wording, .. } => wording,
        DraftKind::Quote { words, .. } | DraftKind::Statement { words, .. } => words,
    }
}
