//! Speakers: who says each quotation, whether or not a rule file lists them.
//!
//! A speaker is the noun phrase next to a cue verb ("said", "told", "tweeted",
//! "according to"; the list is [`lexicon::CUES`]) in the quotation's own sentence:
//!
//! * after the quotation: `“…,” Weaver said`, `“…,” said Mr. Gunnels`, `“…,” the
//!   mayor said`, `“…,” Jeff Weaver, Sanders' campaign manager, said` (Weaver: the
//!   apposition describes him), `“…,” according to the ministry`;
//! * before it: `The ministry said: “…”`, `Smith told reporters, “…”`, `Trump called
//!   the plan “a disaster”`, and the second half of a quotation split by its cue
//!   (`“…,” she said, “…”`: both halves are hers);
//! * a quotation standing alone as its sentence or paragraph takes the speaker of a
//!   sentence before it that ends with a colon, else the speaker of the quotation
//!   before it, up to [`CARRY_BLOCKS`] paragraphs back.
//!
//! A speaker is a named person, a role ("the mayor", "a campaign spokesman"), an
//! organisation ("the Foreign Ministry", "the Clinton campaign") or a pronoun.
//! Pronouns resolve to the last person named outside quotations, with the gender a
//! title or given name tells ("Mr.", "Hillary"); "it" resolves to the last
//! organisation. In "she said of Trump", Trump is the topic, not the speaker. When the
//! speaker (or what a pronoun resolves to) is a rule file's person, by name, alias or
//! surname, the speaker carries that person.
//!
//! Every look is bounded (a window around each quotation, a few words of noun
//! phrase, a few candidates for a pronoun), so finding the speakers of a document is
//! linear in its length.

pub mod lexicon;
mod names;
pub mod phrase;
#[cfg(test)]
mod tests;

use crate::words::FnvMap;

use crate::document::Document;
use crate::extract::Span;
use crate::extract::quote::{Quotation, QuoteKind};
use crate::people::PersonMention;
use lexicon::{ORGANISATION_SET, TITLE_SET, is_in};
use names::{Name, NameIndex};
use phrase::Words;

/// How many paragraphs back a standalone quotation looks for the speaker of the
/// quotation before it.
pub const CARRY_BLOCKS: usize = 3;

/// How far (bytes) before and after a quotation its cue is looked for.
const WINDOW: usize = 300;

/// What a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    /// A named person: "Jeff Weaver", "Mr. Gunnels", "Sen. Ted Cruz".
    Person,
    /// A title or role with no name: "the mayor", "a campaign spokesman".
    Role,
    /// An organisation: "the Foreign Ministry", "the Clinton campaign".
    Organisation,
    /// A pronoun: "she", "he", "they".
    Pronoun,
}

impl SpeakerKind {
    /// The word `mentions` prints.
    pub fn word(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Role => "role",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Pronoun => "pronoun",
        }
    }
}

/// Who says a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Where the speaker is written: the noun phrase or pronoun next to the cue (for a
    /// speaker carried over, where it was written before).
    pub span: Span,
    /// Person, role, organisation or pronoun.
    pub kind: SpeakerKind,
    /// The name inside the phrase ("Brian Fallon" in "campaign spokesman Brian
    /// Fallon"), or the name a pronoun resolves to; `None` for a role or an
    /// organisation, or a pronoun that resolves to nobody.
    pub name: Option<Span>,
    /// The cue verb ("said", "according to").
    pub cue: Option<Span>,
    /// Who the speech is about, when the cue says ("she said of Trump").
    pub topic: Option<Span>,
    /// Index of the rule file's person this speaker is, if any.
    pub person: Option<usize>,
    /// Whether the speaker was carried over from an earlier sentence.
    pub carried: bool,
    /// Index of the sentence holding the cue, in the document.
    pub sentence: Option<usize>,
}

impl Speaker {
    /// The speaker as written.
    pub fn text<'a>(&self, prose: &'a str) -> &'a str {
        prose.get(self.span.clone()).unwrap_or("")
    }

    /// Who the speaker is, in words: the name, or the phrase as written.
    pub fn who(&self, prose: &str) -> String {
        let span = self.name.clone().unwrap_or(self.span.clone());
        prose
            .get(span)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The speaker as an attribution of the rule file's person `person` (for
    /// checking the date of what they said), when the cue's sentence is known.
    pub fn attribution(&self, person: usize) -> Option<crate::attribution::Attribution> {
        Some(crate::attribution::Attribution {
            person,
            sentence: self.sentence?,
            verb: self.cue.clone()?,
            speaker: self.span.clone(),
            pronoun: self.kind == SpeakerKind::Pronoun,
        })
    }

    /// The surname or head word that identifies the speaker across documents,
    /// lowercased ("weaver", "ministry"); a rule person's id is better when there
    /// is one.
    pub fn key(&self, prose: &str) -> String {
        let who = self.who(prose);
        who.split_whitespace()
            .rfind(|w| !is_in(&["jr", "jr.", "sr", "sr.", "ii", "iii"], w))
            .unwrap_or("")
            .trim_end_matches(['\'', '’', 's'].as_slice())
            .to_lowercase()
    }
}

/// The speaker of each quotation (`None` for quotations nobody is said to speak;
/// a scare quote has one only when a cue in its own sentence gives it, and a title
/// never), in the order of `quotations` (which must be sorted, as
/// [`crate::extract::quote::quotations`] returns them). `people` are the rule file's
/// people named in the prose, in order.
pub fn speakers(
    doc: &Document,
    quotations: &[Quotation],
    people: &[PersonMention],
) -> Vec<Option<Speaker>> {
    let mut names = NameIndex::new(doc, quotations, people);
    let paras = crate::extract::quote::paragraphs(&doc.prose, &doc.blocks);
    let heads = rule_heads(&doc.prose, people);
    let mut out: Vec<Option<Speaker>> = Vec::with_capacity(quotations.len());
    let mut last: Option<(usize, Speaker)> = None;
    for (i, q) in quotations.iter().enumerate() {
        let prev_end = quotations[..i].last().map_or(0, |p| p.span.end);
        let next_start = quotations
            .get(i + 1)
            .map_or(doc.prose.len(), |n| n.span.start);
        let block = block_of(&paras, q.span.start);
        let scare = q.kind == QuoteKind::Scare;
        if let Some(s) = headline_speaker(doc, &paras, q, block) {
            let s = cued(doc, &paras, q, block, prev_end, next_start).unwrap_or(s);
            out.push(Some(settle(doc, s, &mut names, people, &heads)));
            continue;
        }
        if is_title(&doc.prose, q) {
            out.push(None);
            continue;
        }
        let mut found = cued(doc, &paras, q, block, prev_end, next_start);
        let bounds = paras.get(block).cloned().unwrap_or(0..doc.prose.len());
        if found.is_none() && !scare && stands_alone(doc, q, bounds, prev_end, next_start) {
            found = intro(doc, &paras, q, block, prev_end).or_else(|| {
                let (b, s) = last.as_ref()?;
                (block.saturating_sub(*b) <= CARRY_BLOCKS).then(|| Speaker {
                    carried: true,
                    ..s.clone()
                })
            });
        }
        let found = found.map(|s| settle(doc, s, &mut names, people, &heads));
        if !scare {
            // Only the quotation right before carries its speaker on.
            last = found.as_ref().map(|s| (block, s.clone()));
        }
        out.push(found);
    }
    share_in_sentence(doc, quotations, &mut out);
    carry_in_paragraph(&doc.prose, &paras, quotations, &mut out);
    out
}

/// The speaker carried to a quotation with no cue of its own from the quotation
/// right before it in the same paragraph (`“…,” said Jo Hale, who runs the yard. “…
/// ,” which she thinks will pass`): a paragraph that gives one speaker's words goes
/// on with them until another speaker is named. Scare quotes and titles neither give
/// nor take a speaker this way.
fn carry_in_paragraph(
    prose: &str,
    paras: &[Span],
    quotations: &[Quotation],
    out: &mut [Option<Speaker>],
) {
    let speech = |q: &Quotation| q.kind != QuoteKind::Scare && !is_title(prose, q);
    for i in 1..quotations.len() {
        let (prev, q) = (&quotations[i - 1], &quotations[i]);
        if out[i].is_some()
            || !speech(q)
            || !speech(prev)
            || block_of(paras, prev.span.start) != block_of(paras, q.span.start)
        {
            continue;
        }
        if let Some(s) = out[i - 1].clone() {
            out[i] = Some(Speaker { carried: true, ..s });
        }
    }
}

/// Quotations of one sentence share its speaker: in `Guns are “…” and “…,” Dean
/// said`, both are Dean's.
fn share_in_sentence(doc: &Document, quotations: &[Quotation], out: &mut [Option<Speaker>]) {
    let sentence = |q: &Quotation| doc.sentence_at(q.span.start);
    for i in 0..quotations.len() {
        if out[i].is_some()
            || quotations[i].kind == QuoteKind::Scare && is_title(&doc.prose, &quotations[i])
        {
            continue;
        }
        let Some(here) = sentence(&quotations[i]) else {
            continue;
        };
        let same = |j: usize| {
            sentence(&quotations[j]) == Some(here) && out[j].as_ref().is_some_and(|s| !s.carried)
        };
        let from = (i + 1..quotations.len().min(i + 4))
            .find(|&j| same(j))
            .or_else(|| (i.saturating_sub(3)..i).rev().find(|&j| same(j)));
        if let Some(j) = from {
            out[i] = out[j].clone();
        }
    }
}

/// The people named outside quotations (the candidates pronouns resolve to), in
/// order: where, and the gender a title or given name tells (`Some(true)` female).
pub fn people_named(
    doc: &Document,
    quotations: &[Quotation],
    people: &[PersonMention],
) -> Vec<(Span, Option<bool>, Option<usize>)> {
    NameIndex::new(doc, quotations, people)
        .narrative()
        .iter()
        .map(|n| (n.span.clone(), n.female, n.person))
        .collect()
}

/// Scare quotes said by someone are fragments of their speech (`NBC will accuse
/// you of engaging in a “freak out.”`); the others stay scare quotes.
/// A title or name in quotation marks (“Primates of Park Avenue”) is a scare quote
/// whatever its length.
pub fn reclassify(prose: &str, quotations: &mut [Quotation], speakers: &[Option<Speaker>]) {
    for (q, s) in quotations.iter_mut().zip(speakers) {
        if is_title(prose, q) {
            q.kind = QuoteKind::Scare;
        } else if q.kind == QuoteKind::Scare && s.is_some() {
            q.kind = QuoteKind::Fragment;
        }
    }
}

/// Whether a short quotation reads as a title or a name: two to six words, every
/// one capitalised but small words (“Good Morning America”, “Meet the Press”), with
/// no sentence punctuation inside.
fn is_title(prose: &str, q: &Quotation) -> bool {
    if q.kind == QuoteKind::Full
        || q.parts
            .iter()
            .any(|p| prose[p.clone()].contains(['.', '!', '?', ',', ';', ':']))
    {
        return false;
    }
    let words: Vec<&str> = q
        .parts
        .iter()
        .flat_map(|p| prose[p.clone()].split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let small = |w: &str| {
        is_in(
            &[
                "a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "at", "by", "or",
            ],
            w,
        )
    };
    (2..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| small(w) || w.starts_with(char::is_uppercase))
}

/// Prepositions after which a headline's opening names what the words are about,
/// not who says them ("Port Chief On Okafor: …").
const HEADLINE_TOPIC: &[&str] = &[
    "on", "about", "of", "for", "to", "at", "in", "with", "vs", "vs.",
];

/// The longest paragraph (bytes) read as a headline.
const HEADLINE: usize = 200;

/// The speaker of a quotation in a headline (the document's first paragraph) that
/// opens with a name and a colon: "Okafor: Harbour Talks ‘Are Going Nowhere’" gives the
/// quoted words to Okafor, however the headline capitalises them. The name is one to
/// four capitalised words, not opening with a determiner ("The Latest: …" names
/// nobody). A label in the body ("Moscow: the ministry called it “…”") is not a
/// headline, and a cue in the headline's own words wins.
fn headline_speaker(
    doc: &Document,
    paras: &[Span],
    q: &Quotation,
    block: usize,
) -> Option<Speaker> {
    let para = paras.get(block)?;
    if block > 0 || para.len() > HEADLINE || q.span.start < para.start {
        return None;
    }
    let w = Words::new(&doc.prose, para.start..q.span.start);
    let colon = (0..w.toks.len().min(6)).find(|&k| w.text(k) == ":")?;
    // "CNN Chief On Trump:": the words after a preposition are the topic.
    let about = (0..colon).find(|&k| is_in(HEADLINE_TOPIC, w.text(k)));
    let end = about.unwrap_or(colon);
    let named = end > 0
        && (0..colon).all(|k| w.toks[k].word && w.text(k).starts_with(char::is_uppercase))
        && !lexicon::DETERMINER_SET.contains(w.text(0));
    named.then(|| {
        let topic = about
            .filter(|&k| k + 1 < colon)
            .map(|k| w.toks[k + 1].span.start..w.toks[colon - 1].span.end);
        Speaker {
            topic,
            ..uncued(&w, 0, end, doc.sentence_at(q.span.start))
        }
    })
}

/// The index of the block holding `offset` (or the one before it).
fn block_of(paras: &[Span], offset: usize) -> usize {
    paras
        .partition_point(|b| b.end <= offset)
        .min(paras.len().saturating_sub(1))
}

/// A speaker named next to a cue in the quotation's own sentence.
fn cued(
    doc: &Document,
    paras: &[Span],
    q: &Quotation,
    block: usize,
    prev_end: usize,
    next_start: usize,
) -> Option<Speaker> {
    let prose = doc.prose.as_str();
    let bounds = paras.get(block).cloned().unwrap_or(0..prose.len());
    let sentence_start = doc
        .sentence_at(q.span.start)
        .map_or(bounds.start, |s| doc.sentences[s].start);
    let before_start = floor(
        prose,
        sentence_start
            .max(prev_end)
            .max(bounds.start)
            .max(q.span.start.saturating_sub(WINDOW)),
    );
    let after_end = ceil(
        prose,
        next_start
            .min(bounds.end.max(q.span.end))
            .min(q.span.end + WINDOW),
    );
    let before = Words::new(prose, before_start..q.span.start.max(before_start));
    let after = Words::new(prose, q.span.end..after_end.max(q.span.end));
    let starts_sentence = !before.toks.iter().any(|t| t.word);
    // A reporting clause right after the closing mark (`“…,” she said`) wins; else
    // the cue before the opening mark; else a clause after it.
    let comma = prose[..q.span.end]
        .trim_end_matches(['"', '”', '\'', '’'])
        .ends_with([',', '?', '!', '—', '–'])
        || after
            .toks
            .first()
            .is_some_and(|t| prose[t.span.clone()] == *",");
    let a = after_cue(&after, q, prose);
    if a.is_some() && (comma || starts_sentence) {
        return a;
    }
    before_cue(&before).or(a)
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Tokens that end the stretch a reporting clause may use.
const CLAUSE_END: &[char] = &['.', '!', '?', ';', '"', '“', '”', '\n'];

/// The speaker in the clause after the closing mark: `“…,” X said`, `“…,” said X`.
fn after_cue(w: &Words, q: &Quotation, prose: &str) -> Option<Speaker> {
    let n = w.toks.len();
    let mut i = 0;
    if i < n && matches!(w.text(i), "," | "—" | "–") {
        i += 1;
    }
    // A quotation closed by a full stop takes a clause after it only when the clause
    // is short and ends the sentence ("“It is over.” Smith said."), never the next
    // sentence of narrative.
    let closed_by_stop = prose[..q.span.end]
        .trim_end_matches(['"', '”', '\'', '’', ' '])
        .ends_with('.');
    // Room for a long apposition: "Sarah Hale, legal director for a rights group
    // in the capital, said".
    let limit = (i + 30).min(n);
    let mut k = i;
    while k < limit {
        if !w.toks[k].word && w.text(k).starts_with(CLAUSE_END) && !is_abbrev_stop(w, k) {
            return None;
        }
        if let Some((len, takes_after)) = w.cue_at(k) {
            let (s, e) = if takes_after || k == i {
                w.phrase_after(k + len, n)?
            } else {
                // The subject opens the clause ("“…,” Nate Silver, the polling guru
                // who founded a site, tweeted"; "“…” on Monday, she said"), never a
                // phrase after other words ("“…,” and then Smith said").
                // "“…” in the last primary, said Paul Beck": the inverted clause
                // after a comma.
                w.subject(i, k)
                    .or_else(|| w.phrase_before(k, i).filter(|p| p.0 == i))
                    .or_else(|| {
                        (w.text(k - 1) == ",")
                            .then(|| w.phrase_after(k + len, n))
                            .flatten()
                    })?
            };
            if s < i {
                return None;
            }
            if closed_by_stop && !ends_soon(w, k + len) {
                return None;
            }
            let topic = topic_after(w, k + len);
            return Some(make(w, s, e, k, len, topic));
        }
        k += 1;
    }
    None
}

/// Whether token `k` (a full stop) is part of an abbreviation split off.
/// Also a full stop closing an abbreviation inside brackets: "Rep. Jim Hale (D-Wash.)
/// said".
fn is_abbrev_stop(w: &Words, k: usize) -> bool {
    let bracketed = k + 1 < w.toks.len() && w.text(k + 1) == ")";
    w.text(k) == "."
        && k > 0
        && w.toks[k - 1].word
        && (bracketed || TITLE_SET.contains(w.text(k - 1)))
}

/// Whether the sentence ends within a few tokens of `from`.
fn ends_soon(w: &Words, from: usize) -> bool {
    (from..(from + 5).min(w.toks.len()))
        .any(|k| !w.toks[k].word && matches!(w.text(k), "." | "," | "!" | "?"))
        || from >= w.toks.len()
}

/// "said of Trump": the topic after "of".
fn topic_after(w: &Words, at: usize) -> Option<Span> {
    if at < w.toks.len() && w.text(at).eq_ignore_ascii_case("of") {
        let mut e = at + 1;
        while e < w.toks.len()
            && e - at <= 4
            && w.toks[e].word
            && w.text(e).starts_with(char::is_uppercase)
        {
            e += 1;
        }
        if e > at + 1 {
            return Some(w.toks[at + 1].span.start..w.toks[e - 1].span.end);
        }
    }
    None
}

/// The speaker of the last cue before the opening mark: `X said: “…”`, `X told
/// reporters “…”`, `according to X, “…”`.
fn before_cue(w: &Words) -> Option<Speaker> {
    let n = w.toks.len();
    // The last cue with no sentence break between it and the quotation, a dozen
    // tokens at most ("said in a statement on Thursday that").
    let mut k = n;
    // A gerund or infinitive cue ("Spicer said, adding, “…”"; "his campaign sent a
    // message saying: “…”"): a finite cue before it in the clause speaks for it, else
    // the clause's subject does.
    let mut nonfinite: Option<(usize, usize)> = None;
    let from_gerund = |w: &Words, (k, len): (usize, usize)| {
        let (s, e) = w.subject(0, k)?;
        Some(make(w, s, e, k, len, topic_after(w, k + len)))
    };
    while k > 0 && n - k <= 40 {
        k -= 1;
        if !w.toks[k].word && w.text(k).starts_with(CLAUSE_END) && !is_abbrev_stop(w, k) {
            break;
        }
        let Some((len, takes_after)) = w.cue_at(k) else {
            continue;
        };
        if !takes_after && phrase::is_nonfinite(w, k) {
            nonfinite.get_or_insert((k, len));
            continue;
        }
        let found = if takes_after {
            w.phrase_after(k + len, n)
        } else {
            w.phrase_before(k, 0).or_else(|| w.subject(0, k))
        };
        let Some((s, e)) = found else {
            continue;
        };
        let topic = topic_after(w, k + len);
        return Some(make(w, s, e, k, len, topic));
    }
    if let Some(g) = nonfinite {
        return from_gerund(w, g);
    }
    // "Carl Bialik: “…”": a name right before a colon, opening the sentence or after
    // a digest's headline and a dash ("POLLS WERE EARLY - Carl Bialik: “…”"); or the
    // pronoun opening a clause that ends with the colon ("She turned to the crowd
    // again: “…”"), as for a colon sentence before a standalone quotation; or the
    // person a verb of reaction names ("The poll doesn't surprise Ann Lee: “…”").
    if n >= 2 && w.text(n - 1) == ":" {
        let pronoun = w.pronoun(0) && !w.text(0).eq_ignore_ascii_case("who");
        let (s, e) = w
            .subject(0, n - 1)
            .filter(|&(_, e)| e == n - 1)
            .or_else(|| w.name_after_dash(n - 1))
            .or_else(|| pronoun.then_some((0, 1)))
            .or_else(|| w.experiencer(n - 1))?;
        return Some(uncued(w, s, e, None));
    }
    None
}

/// A speaker from tokens `[s, e)` with its cue at `k` (`len` tokens).
fn make(w: &Words, s: usize, e: usize, k: usize, len: usize, topic: Option<Span>) -> Speaker {
    let cue = w.toks[k].span.start..w.toks[k + len - 1].span.end;
    Speaker {
        cue: Some(cue),
        topic,
        ..uncued(w, s, e, None)
    }
}

/// A speaker from tokens `[s, e)` with no cue word of its own (a headline's or a
/// colon's name), in sentence `sentence` when known.
fn uncued(w: &Words, s: usize, e: usize, sentence: Option<usize>) -> Speaker {
    let (kind, name) = classify(w, s, e);
    Speaker {
        span: w.toks[s].span.start..w.toks[e - 1].span.end,
        kind,
        name,
        cue: None,
        topic: None,
        person: None,
        carried: false,
        sentence,
    }
}

/// Person, role, organisation or pronoun, and the name inside a person's phrase.
fn classify(w: &Words, s: usize, e: usize) -> (SpeakerKind, Option<Span>) {
    if e == s + 1 && w.pronoun(s) {
        return (SpeakerKind::Pronoun, None);
    }
    let head = w.text(e - 1).to_lowercase();
    let head = head.trim_end_matches(['\'', '’']);
    if ORGANISATION_SET.contains(head) || ORGANISATION_SET.contains(head.trim_end_matches('s')) {
        return (SpeakerKind::Organisation, None);
    }
    // The name: the capitalised words at the end of the phrase, after the last
    // title or organisation word ("… Press Department Alexander Petrov" is Petrov).
    let stops_name = |i: usize| {
        let word = w.text(i).to_lowercase();
        ORGANISATION_SET.contains(&word) || TITLE_SET.contains(word.trim_end_matches('.'))
    };
    let mut a = e;
    while a > s && w.text(a - 1).starts_with(char::is_uppercase) && !stops_name(a - 1) {
        a -= 1;
    }
    let is_determiner = |i: usize| lexicon::DETERMINER_SET.contains(w.text(i));
    while a < e && is_determiner(a) {
        a += 1;
    }
    if a < e {
        return (
            SpeakerKind::Person,
            Some(w.toks[a].span.start..w.toks[e - 1].span.end),
        );
    }
    (SpeakerKind::Role, None)
}

/// Whether a quotation is its sentence's whole content, bar a word or two, or opens
/// its paragraph. The sentence is cut at the paragraph's bounds `para`: in copy that
/// breaks paragraphs with a single newline, a sentence may run on into the next one.
fn stands_alone(
    doc: &Document,
    q: &Quotation,
    para: Span,
    prev_end: usize,
    next_start: usize,
) -> bool {
    let Some(first) = doc.sentence_at(q.span.start) else {
        return false;
    };
    let last = doc
        .sentence_at(q.span.end.saturating_sub(1))
        .unwrap_or(first);
    let whole = doc.sentences[first].start.max(prev_end).max(para.start)
        ..doc.sentences[last]
            .end
            .min(next_start)
            .min(para.end)
            .max(q.span.end);
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let before = doc
        .prose
        .get(whole.start..q.span.start.max(whole.start))
        .unwrap_or("");
    let after = doc
        .prose
        .get(q.span.end.min(whole.end)..whole.end)
        .unwrap_or("");
    words(before) + words(after) <= 1
}

/// The speaker of a sentence just before a standalone quotation that ends with a
/// colon: "Trump put it this way:" (its subject, cue or not).
fn intro(
    doc: &Document,
    paras: &[Span],
    q: &Quotation,
    block: usize,
    prev_end: usize,
) -> Option<Speaker> {
    let prose = doc.prose.as_str();
    let s = doc.sentence_at(q.span.start)?;
    let before = s.checked_sub(1)?;
    let mut span = doc.sentences[before].clone();
    if span.end <= prev_end {
        return None;
    }
    // A sentence run on across a single newline: its part in the quotation's paragraph.
    if let Some(p) = paras
        .get(block)
        .filter(|p| span.start < p.start && p.start < span.end)
    {
        span.start = p.start;
    }
    let prev_block = block_of(paras, span.start);
    let colon = prose[span.clone()].trim_end().ends_with(':');
    // A sentence ending with a colon introduces the quotation in the next paragraph
    // too; a reporting sentence only in the same paragraph ("Perez says women feel
    // torn. “They feel …”").
    if block.saturating_sub(prev_block) > usize::from(colon) {
        return None;
    }
    let w = Words::new(prose, span.start.max(prev_end)..span.end);
    let n = w.toks.len();
    // The speaker phrase on the side the cue at `k` takes it from.
    let cued_at = |k: usize| {
        let (len, takes_after) = w.cue_at(k)?;
        let (a, e) = if takes_after {
            w.phrase_after(k + len, n)?
        } else {
            w.phrase_before(k, 0)?
        };
        Some(make(&w, a, e, k, len, None))
    };
    if !colon {
        let k = (0..n).find(|&k| w.cue_at(k).is_some() && !phrase::is_nonfinite(&w, k))?;
        return cued_at(k);
    }
    if let Some(k) = (0..n).find(|&k| w.cue_at(k).is_some()) {
        return cued_at(k);
    }
    // No cue: the subject opening the sentence.
    if n > 0 && w.pronoun(0) {
        return Some(uncued(&w, 0, 1, Some(before)));
    }
    let mut e = 0;
    while e < n
        && e < phrase::MAX_WORDS
        && w.toks[e].word
        && w.text(e).starts_with(char::is_uppercase)
    {
        e += 1;
    }
    (e > 0).then(|| uncued(&w, 0, e, Some(before)))
}

/// Fills in the sentence, the rule person, and what a pronoun resolves to; records a
/// named speaker for later pronouns.
/// The last word of each rule person's name as the document writes it, lowercased:
/// "the ministry" is "Russia's Foreign Ministry" and "Okafor" is "Ada Okafor" when
/// the document names them anywhere (a word two people share names neither).
fn rule_heads(prose: &str, people: &[PersonMention]) -> FnvMap<String, Option<usize>> {
    let mut heads: FnvMap<String, Option<usize>> = FnvMap::default();
    for p in people {
        let Some(last) = prose[p.span.clone()].split_whitespace().next_back() else {
            continue;
        };
        let key = head_word(last);
        let entry = heads.entry(key).or_insert(Some(p.person));
        if *entry != Some(p.person) {
            *entry = None;
        }
    }
    heads
}

/// The office a definite description names: "the senator", "the Vermont senator",
/// "the former governor" (the determiner "the", at most two words, then an office
/// of [`lexicon::OFFICES`]). "A senator" names nobody in particular.
fn definite_office(phrase: &str) -> Option<&str> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let (first, last) = (words.first()?, words.last()?);
    (words.len() >= 2
        && words.len() <= 4
        && first.eq_ignore_ascii_case("the")
        && lexicon::office_titles(last).is_some())
    .then_some(*last)
}

/// A word as a head: lowercased, without a possessive.
fn head_word(word: &str) -> String {
    let w = word.to_lowercase().replace('’', "'");
    w.trim_end_matches("'s").trim_end_matches('\'').to_string()
}

fn settle(
    doc: &Document,
    mut s: Speaker,
    names: &mut NameIndex,
    people: &[PersonMention],
    heads: &FnvMap<String, Option<usize>>,
) -> Speaker {
    if s.carried {
        return s;
    }
    if s.sentence.is_none() {
        s.sentence = s.cue.as_ref().and_then(|c| doc.sentence_at(c.start));
    }
    let rule_person = |span: &Span| {
        let i = people.partition_point(|p| p.span.end <= span.start);
        people[i..]
            .iter()
            .take_while(|p| p.span.start < span.end)
            .last()
            .map(|p| p.person)
            .or_else(|| {
                let last = doc.prose[span.clone()].split_whitespace().next_back()?;
                heads.get(&head_word(last)).copied().flatten()
            })
    };
    match s.kind {
        SpeakerKind::Pronoun => {
            let word = doc.prose[s.span.clone()].to_lowercase();
            if let Some(Name { span, person, .. }) = names.resolve(&word, s.span.start) {
                s.person = person;
                s.name = Some(span);
            }
        }
        SpeakerKind::Person => {
            s.person = rule_person(&s.span);
            if let Some(n) = &s.name {
                names.add_speaker(&doc.prose, n.clone(), &doc.prose[s.span.clone()], s.person);
            }
        }
        SpeakerKind::Role | SpeakerKind::Organisation => {
            s.person = rule_person(&s.span);
            let office = definite_office(&doc.prose[s.span.clone()]);
            if let Some(n) = office.and_then(|o| names.resolve_office(o, s.span.start)) {
                if s.person.is_none() {
                    s.person = n.person;
                }
                s.name = Some(n.span);
            }
            names.add_group(
                s.span.clone(),
                s.person,
                s.kind == SpeakerKind::Organisation,
            );
        }
    }
    s
}
