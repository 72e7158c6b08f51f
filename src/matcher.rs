//! The matcher: every claim template compiled once, and matched against documents.
//!
//! Compilation puts every anchor and `near` word of every rule into one Aho-Corasick
//! automaton. Matching a document is one pass of that automaton over its prose view,
//! a check of each candidate word's fold, and then work only for the claims whose
//! anchors occur in a sentence: checking the rest of their anchors, reading the
//! sentence's structure (once per sentence, and only for such sentences) and binding
//! their slots to the figures the sentence gives for the claim's subject (see
//! [`crate::understand::binding`]).

use std::borrow::Cow;
use std::sync::Arc;

use crate::checks::value;
use crate::document::Document;
use crate::extract::date::DateMention;
use crate::extract::quantity::quantities_in;
use crate::extract::{Quantity, Span, outside_dates};
use crate::rulecache::QuickMap;
use crate::rules::{ClaimKind, Period, RuleSet, Tolerance};
use crate::template::Template;
use crate::understand::binding::{self, BoundFigure, ClaimTerms};
use crate::understand::sentence::{self, Structure};
use crate::words;

mod prefixes;

use prefixes::WordStartPatterns;

type WordId = usize;

/// A claim compiled for matching.
#[derive(Debug, Clone)]
pub struct CompiledClaim {
    /// Index of the claim in the [`RuleSet`].
    pub claim: usize,
    /// One template per wording (the rule set's own, shared).
    pub templates: Arc<[Template]>,
    anchor_ids: Vec<Vec<WordId>>,
    near: Vec<Vec<WordId>>,
    /// Per wording, whether it is itself about "other" things (an anchor or
    /// `near` word such as "other"): such a claim keeps them.
    about_others: Vec<bool>,
    tolerance: Option<Tolerance>,
    period: Option<Period>,
}

/// The sentences of one document where a figure claim can bind (see
/// [`Matcher::anchored`]), in order.
#[derive(Debug, Clone, Default)]
pub struct Anchored {
    sentences: Vec<AnchoredSentence>,
}

impl Anchored {
    /// Whether no figure claim can bind anywhere in the document.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The sentences where a figure claim can bind (indices in the document's
    /// sentences), in order.
    pub fn sentences(&self) -> impl Iterator<Item = usize> + '_ {
        self.sentences.iter().map(|a| a.sentence)
    }
}

/// One sentence where a figure claim can bind.
#[derive(Debug, Clone)]
struct AnchoredSentence {
    /// Index of the sentence in the document.
    sentence: usize,
    /// Its anchor and `near` words, by position.
    words: Vec<(WordId, Span)>,
    /// The (compiled claim, wording) pairs whose every anchor and `near` phrase
    /// it holds.
    candidates: Vec<(usize, usize)>,
}

/// A claim template matched to a sentence, with the figures bound to its slots.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the claim in the [`RuleSet`].
    pub claim: usize,
    /// Which of the claim's wordings matched.
    pub template: usize,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// For each slot of the template, the index of the figure bound to it in the
    /// document's figures.
    pub bindings: Vec<usize>,
    /// For each slot, the figure bound to it with its phrase, role and periods.
    pub bound: Vec<BoundFigure>,
    /// Where the anchor words were found.
    pub anchors: Vec<Span>,
}

/// Every figure claim of a rule set, compiled.
#[derive(Debug, Clone)]
pub struct Matcher {
    claims: Vec<CompiledClaim>,
    /// The anchor patterns, searched for where a word can start (no automaton:
    /// the name is kept for the search's code).
    automaton: Option<WordStartPatterns>,
    /// For each automaton pattern, the words it may start.
    pattern_words: PatternWords,
    /// The folded form of each word.
    folds: Vec<String>,
    /// For each word, the (compiled claim, template) pairs that need it.
    users: Vec<Vec<(usize, usize)>>,
}

impl Matcher {
    /// Compiles the figure claims of `rules`. Rules have been validated on loading,
    /// so a wording that fails to compile here is skipped.
    pub fn new(rules: &RuleSet) -> Matcher {
        let mut vocabulary = Words::default();
        let mut claims = Vec::new();
        for (index, claim) in rules.claims.iter().enumerate() {
            let ClaimKind::Figures(_) = &claim.kind else {
                continue;
            };
            // Compiled by the rule loader, one per wording, and shared.
            let templates = Arc::clone(&claim.templates);
            let anchor_ids: Vec<Vec<WordId>> = claim
                .templates
                .iter()
                .map(|t| {
                    t.anchors
                        .iter()
                        .map(|a| vocabulary.intern(Cow::Borrowed(a)))
                        .collect()
                })
                .collect();
            let near: Vec<Vec<WordId>> = claim
                .near
                .iter()
                .map(|phrase| {
                    words::words(phrase)
                        .map(|(_, w)| vocabulary.intern(Cow::Owned(words::fold(w))))
                        .collect()
                })
                .collect();
            let about_others = about_others(&anchor_ids, &near, &vocabulary.folds);
            claims.push(CompiledClaim {
                claim: index,
                templates,
                anchor_ids,
                near,
                about_others,
                tolerance: claim.tolerance,
                period: claim.period.clone(),
            });
        }
        let folds = vocabulary.folds;
        let users = word_users(&claims, folds.len());
        let (automaton, pattern_words) = anchor_patterns(&folds);
        Matcher {
            claims,
            automaton,
            pattern_words,
            folds,
            users,
        }
    }

    /// The compiled claims, in rule order.
    pub fn claims(&self) -> &[CompiledClaim] {
        &self.claims
    }

    /// The slots of a figure claim's first wording (empty for other claims): the
    /// rows a report shows for it.
    pub fn slots(&self, claim: usize) -> &[crate::template::Slot] {
        let compiled = self.claims.iter().find(|c| c.claim == claim);
        compiled
            .and_then(|c| c.templates.first())
            .map_or(&[], |t| &t.slots)
    }

    /// Every claim template matched in `doc`, whose figures are `figures` and dates
    /// `dates` (both sorted by position), in sentence order and then rule order.
    pub fn hits(&self, doc: &Document, figures: &[Quantity], dates: &[DateMention]) -> Vec<Hit> {
        self.hits_in(doc, &self.anchored(doc), figures, dates)
    }

    /// [`Matcher::hits`], with the document's anchor words already found by
    /// [`Matcher::anchored`]; `figures` need hold only the figures of the
    /// sentences `anchored` names (see [`Matcher::figures`]).
    pub fn hits_in(
        &self,
        doc: &Document,
        anchored: &Anchored,
        figures: &[Quantity],
        dates: &[DateMention],
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        for a in &anchored.sentences {
            hits.extend(self.sentence_hits(doc, a, figures, dates));
        }
        hits
    }

    /// The sentences of `doc` where a figure claim can bind, each with its anchor
    /// and `near` words and the wordings whose every anchor and `near` phrase it
    /// holds: found before any figure is read, since a wording binds only there.
    pub fn anchored(&self, doc: &Document) -> Anchored {
        let prose = doc.prose.as_str();
        let mut out = Vec::new();
        for (s, mut words) in self.anchor_words(doc) {
            words.sort_by_key(|(_, span)| span.start);
            let mut candidates: Vec<(usize, usize)> = words
                .iter()
                .flat_map(|(w, _)| self.users[*w].iter().copied())
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates.retain(|&(c, t)| self.holds_all(&self.claims[c], t, &words, prose));
            if !candidates.is_empty() {
                out.push(AnchoredSentence {
                    sentence: s,
                    words,
                    candidates,
                });
            }
        }
        Anchored { sentences: out }
    }

    /// The figures of `doc` that its figure claims can bind, outside its dates
    /// `dates`: those of the pieces of text (paragraphs) holding a sentence of
    /// `anchored`, read as [`quantities`] reads them; none when no sentence can
    /// bind. `check` uses figures only through hits, so it reads no others;
    /// `mentions` and `extract` read them all.
    pub fn figures(
        &self,
        doc: &Document,
        anchored: &Anchored,
        dates: &[DateMention],
    ) -> Vec<Quantity> {
        let spans: Vec<Span> = anchored
            .sentences
            .iter()
            .map(|a| doc.sentences[a.sentence].clone())
            .collect();
        outside_dates(quantities_in(&doc.prose, &spans), dates)
    }

    /// The anchor and `near` words found in `doc`, per sentence, in sentence order.
    fn anchor_words(&self, doc: &Document) -> Vec<(usize, Vec<(WordId, Span)>)> {
        let mut found: Vec<(usize, Vec<(WordId, Span)>)> = Vec::new();
        let Some(automaton) = &self.automaton else {
            return found;
        };
        let prose = doc.prose.as_str();
        // The word at the last start looked at, folded: a start's patterns come
        // one after the other.
        let mut folded: Option<(usize, Span, String)> = None;
        for m in automaton.find_overlapping_iter(prose) {
            let start = m.start();
            if !starts_word(prose, start) {
                continue;
            }
            if folded.as_ref().is_none_or(|(at, _, _)| *at != start) {
                let (span, fold) = word_at(prose, start);
                folded = Some((start, span, fold));
            }
            let Some((_, span, fold)) = &folded else {
                continue;
            };
            for &w in &self.pattern_words[m.pattern().as_usize()] {
                if self.folds[w] == *fold
                    && let Some(s) = doc.sentence_at(start)
                {
                    match found.last_mut() {
                        Some((t, words)) if *t == s => words.push((w, span.clone())),
                        _ => found.push((s, vec![(w, span.clone())])),
                    }
                }
            }
        }
        by_sentence(found)
    }

    /// The hits of one anchored sentence.
    fn sentence_hits(
        &self,
        doc: &Document,
        anchored: &AnchoredSentence,
        figures: &[Quantity],
        dates: &[DateMention],
    ) -> Vec<Hit> {
        let mut binder = SentenceBinder::new(self, doc, anchored, figures, dates);
        // By compiled claim, in order (the candidates are sorted).
        let mut best: Vec<(usize, Hit)> = Vec::new();
        for &(c, t) in &anchored.candidates {
            let Some(hit) = binder.bind(c, t, &[]) else {
                continue;
            };
            // Among a claim's wordings, the one with the most anchors wins.
            match best.last_mut() {
                Some((k, kept)) if *k == c => {
                    if hit.anchors.len() > kept.anchors.len() {
                        *kept = hit;
                    }
                }
                _ => best.push((c, hit)),
            }
        }
        settle_claimed(best, |c, t, claimed| binder.bind(c, t, claimed))
    }

    /// Whether a sentence holds all of a template's anchors and all of the claim's
    /// `near` phrases (as [`Matcher::anchor_spans`] finds them, with nothing kept).
    fn holds_all(
        &self,
        compiled: &CompiledClaim,
        template: usize,
        words_here: &[(WordId, Span)],
        prose: &str,
    ) -> bool {
        compiled.anchor_ids[template]
            .iter()
            .all(|&a| words_here.iter().any(|(w, _)| *w == a))
            && compiled
                .near
                .iter()
                .all(|phrase| has_phrase(phrase, words_here, prose))
    }

    /// The spans of a template's anchors in a sentence, if all of them and all of the
    /// claim's `near` phrases are there.
    fn anchor_spans(
        &self,
        compiled: &CompiledClaim,
        template: usize,
        words_here: &[(WordId, Span)],
        prose: &str,
    ) -> Option<Vec<Span>> {
        let mut spans = Vec::new();
        for &a in &compiled.anchor_ids[template] {
            let (_, span) = words_here.iter().find(|(w, _)| *w == a)?;
            spans.push(span.clone());
        }
        for phrase in &compiled.near {
            spans.extend(find_phrase(phrase, words_here, prose)?);
        }
        Some(spans)
    }
}

/// Per wording (its anchors' ids), whether an anchor or `near` word names "other"
/// things.
fn about_others(anchor_ids: &[Vec<WordId>], near: &[Vec<WordId>], folds: &[String]) -> Vec<bool> {
    anchor_ids
        .iter()
        .map(|anchors| {
            anchors
                .iter()
                .chain(near.iter().flatten())
                .any(|&w| sentence::is_other_word(&folds[w]))
        })
        .collect()
}

/// Whether a pattern found at `start` starts a word: not inside one; an
/// apostrophe or two opening a quote ("''business") do not join a word.
fn starts_word(prose: &str, start: usize) -> bool {
    let before = prose[..start].trim_end_matches(['\'', '’']);
    let quoted = before.len() < start;
    !(before.chars().next_back().is_some_and(words::is_word_char)
        || !quoted
            && prose[..start]
                .chars()
                .next_back()
                .is_some_and(words::is_word_char))
}

/// The word that starts at `start` (a trailing apostrophe left out) and its fold.
fn word_at(prose: &str, start: usize) -> (Span, String) {
    let end = prose[start..]
        .char_indices()
        .find(|&(_, c)| !words::is_word_char(c))
        .map_or(prose.len(), |(i, _)| start + i);
    let word = prose[start..end].trim_end_matches(['\'', '’']);
    (start..start + word.len(), words::fold(word))
}

/// Words found per sentence, with each sentence once and in order (words of one
/// sentence are found one after the other, so this merges nothing in practice).
fn by_sentence(mut found: Vec<(usize, Vec<(WordId, Span)>)>) -> Vec<(usize, Vec<(WordId, Span)>)> {
    if found.windows(2).all(|w| w[0].0 < w[1].0) {
        return found;
    }
    found.sort_by_key(|(s, _)| *s);
    let mut merged: Vec<(usize, Vec<(WordId, Span)>)> = Vec::new();
    for (s, words) in found {
        match merged.last_mut() {
            Some((t, kept)) if *t == s => kept.extend(words),
            _ => merged.push((s, words)),
        }
    }
    merged
}

/// For each word, the (compiled claim, template) pairs that need it.
fn word_users(claims: &[CompiledClaim], words: usize) -> Vec<Vec<(usize, usize)>> {
    let mut users = vec![Vec::new(); words];
    for (c, compiled) in claims.iter().enumerate() {
        for (t, anchors) in compiled.anchor_ids.iter().enumerate() {
            for &w in anchors.iter().chain(compiled.near.iter().flatten()) {
                if !users[w].contains(&(c, t)) {
                    users[w].push((c, t));
                }
            }
        }
    }
    users
}

/// The patterns that find the words `folds` (one per distinct surface prefix or
/// irregular form; each occurrence is verified by folding the word), and for each
/// pattern the words it may start.
fn anchor_patterns(folds: &[String]) -> (Option<WordStartPatterns>, PatternWords) {
    let mut patterns: Vec<&str> = Vec::new();
    // (pattern, word) pairs.
    let mut pairs: Vec<(usize, WordId)> = Vec::new();
    let mut pattern_ids: QuickMap<&str, usize> = QuickMap::default();
    let mut add = |pattern, word: WordId| {
        let i = *pattern_ids.entry(pattern).or_insert_with(|| {
            patterns.push(pattern);
            patterns.len() - 1
        });
        pairs.push((i, word));
    };
    for (id, fold) in folds.iter().enumerate() {
        add(surface_prefix(fold), id);
        for form in words::irregular_forms(fold) {
            add(form, id);
        }
    }
    let pattern_words = PatternWords::new(pairs, patterns.len());
    // Case is folded on both sides before the search (ASCII only, which keeps
    // every byte offset). Only occurrences at a word's start count, so a sorted
    // list does what an Aho-Corasick automaton did, at a fraction of the build.
    let found = (!patterns.is_empty()).then(|| WordStartPatterns::new(&patterns));
    (found, pattern_words)
}

/// Binds the candidate wordings of one anchored sentence, reading the sentence's
/// structure once, and only when a wording has figures of its slots' kinds there.
struct SentenceBinder<'a> {
    matcher: &'a Matcher,
    prose: &'a str,
    /// The sentence's index and span in the document.
    sentence: usize,
    span: Span,
    /// Its anchor and `near` words, by position.
    words_here: &'a [(WordId, Span)],
    /// The document's figures and dates (sorted by position), and the figures of
    /// the sentence among them.
    figures: &'a [Quantity],
    dates: &'a [DateMention],
    here: std::ops::Range<usize>,
    published: Option<jiff::civil::Date>,
    structure: Option<Structure>,
}

impl<'a> SentenceBinder<'a> {
    fn new(
        matcher: &'a Matcher,
        doc: &'a Document,
        anchored: &'a AnchoredSentence,
        figures: &'a [Quantity],
        dates: &'a [DateMention],
    ) -> SentenceBinder<'a> {
        let span = doc.sentences[anchored.sentence].clone();
        let lo = figures.partition_point(|q| q.span.start < span.start);
        let hi = figures.partition_point(|q| q.span.start < span.end);
        SentenceBinder {
            matcher,
            prose: doc.prose.as_str(),
            sentence: anchored.sentence,
            span,
            words_here: &anchored.words,
            figures,
            dates,
            here: lo..hi,
            published: doc.published.as_ref().map(|p| p.date),
            structure: None,
        }
    }

    /// Wording `t` of compiled claim `c` bound in the sentence, the figures
    /// `claimed` by other claims left out.
    fn bind(&mut self, c: usize, t: usize, claimed: &[usize]) -> Option<Hit> {
        let (prose, words_here) = (self.prose, self.words_here);
        let compiled = &self.matcher.claims[c];
        let template = &compiled.templates[t];
        // A slot with no figure of its kind in the sentence binds nothing.
        if !binding::may_bind(template, self.figures, self.here.clone(), claimed) {
            return None;
        }
        let anchors = self.matcher.anchor_spans(compiled, t, words_here, prose)?;
        // A claim that is itself about "other countries" keeps them.
        let about_others = compiled.about_others[t];
        let another = |span: &Span| !about_others && sentence::names_another(prose, span);
        let occurrences: Vec<Vec<Span>> = compiled.anchor_ids[t]
            .iter()
            .map(|&a| {
                words_here
                    .iter()
                    .filter(|(w, span)| *w == a && !another(span))
                    .map(|(_, span)| span.clone())
                    .collect()
            })
            .collect();
        let near: Vec<Vec<Span>> = compiled
            .near
            .iter()
            .map(|phrase| {
                let mut found = find_phrases(phrase, words_here, prose);
                found.retain(|span| !another(span));
                found
            })
            .collect();
        let (figures, dates) = (self.figures, self.dates);
        let (span, here) = (&self.span, self.here.clone());
        let structure = self
            .structure
            .get_or_insert_with(|| sentence::analyse(prose, span, figures, here, dates));
        let tolerance = compiled.tolerance;
        let agrees = move |e: &Quantity, q: &Quantity| value::compare(e, q, tolerance).is_none();
        let terms = ClaimTerms {
            period: compiled.period.as_ref(),
            agrees: &agrees,
            published: self.published,
            claimed,
            near: &near,
        };
        let bound = binding::bind(template, structure, figures, dates, &occurrences, &terms)?;
        Some(Hit {
            claim: compiled.claim,
            template: t,
            sentence: self.sentence,
            bindings: bound.iter().map(|b| b.figure).collect(),
            bound,
            anchors,
        })
    }
}

/// A figure that agrees with one claim of a sentence states that claim: another
/// claim of the sentence that took it as a wrong value binds again without it
/// (`rebind`), or not at all. `best` holds the sentence's hits by compiled claim,
/// in the order of compiled claims, each claim once.
fn settle_claimed(
    best: Vec<(usize, Hit)>,
    mut rebind: impl FnMut(usize, usize, &[usize]) -> Option<Hit>,
) -> Vec<Hit> {
    let agreeing: Vec<(usize, usize)> = best
        .iter()
        .flat_map(|(c, h)| {
            h.bound
                .iter()
                .filter(|b| b.agrees == Some(true))
                .map(move |b| (*c, b.figure))
        })
        .collect();
    let mut here: Vec<Hit> = Vec::new();
    for (c, hit) in best {
        let claimed: Vec<usize> = agreeing
            .iter()
            .filter(|(other, _)| *other != c)
            .map(|(_, f)| *f)
            .collect();
        let takes_claimed = hit
            .bound
            .iter()
            .any(|b| b.agrees == Some(false) && claimed.contains(&b.figure));
        if !takes_claimed {
            here.push(hit);
        } else if let Some(rebound) = rebind(c, hit.template, &claimed) {
            here.push(rebound);
        }
    }
    here.sort_by_key(|h| h.claim);
    here
}

/// The spans of a phrase's words written one after the other (only spaces or
/// punctuation between them), at its first occurrence.
fn find_phrase(phrase: &[WordId], words_here: &[(WordId, Span)], prose: &str) -> Option<Vec<Span>> {
    let mut spans = Vec::new();
    for i in 0..words_here.len() {
        spans.clear();
        if phrase_here(phrase, words_here, prose, i, |s| spans.push(s.clone())) {
            return Some(spans);
        }
    }
    None
}

/// Whether a phrase occurs in the sentence (as [`find_phrase`] finds it).
fn has_phrase(phrase: &[WordId], words_here: &[(WordId, Span)], prose: &str) -> bool {
    (0..words_here.len()).any(|i| phrase_here(phrase, words_here, prose, i, |_| {}))
}

/// Every occurrence of a phrase, each as the span from its first word to its last.
fn find_phrases(phrase: &[WordId], words_here: &[(WordId, Span)], prose: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for i in 0..words_here.len() {
        let mut ends: Option<(usize, usize)> = None;
        let visit = |s: &Span| {
            ends = Some((ends.map_or(s.start, |(a, _)| a), s.end));
        };
        if phrase_here(phrase, words_here, prose, i, visit)
            && let Some((a, b)) = ends
        {
            out.push(a..b);
        }
    }
    out
}

/// Whether a phrase occurs with its first word at `words_here[i]`, each next word
/// after it with only spaces or punctuation between; `visit` is given the spans of
/// its words as they are found (a phrase that fails part way has given some).
fn phrase_here(
    phrase: &[WordId],
    words_here: &[(WordId, Span)],
    prose: &str,
    i: usize,
    mut visit: impl FnMut(&Span),
) -> bool {
    let (Some(&first), Some((w, span))) = (phrase.first(), words_here.get(i)) else {
        return false;
    };
    if *w != first {
        return false;
    }
    visit(span);
    let mut prev_end = span.end;
    let mut j = i + 1;
    for &next in &phrase[1..] {
        // Skip other anchors found at the same position, then require adjacency.
        while j < words_here.len() && words_here[j].1.start < prev_end {
            j += 1;
        }
        let Some((w2, s2)) = words_here.get(j) else {
            return false;
        };
        let gap = &prose[prev_end..s2.start.max(prev_end)];
        if *w2 != next || gap.chars().any(char::is_alphanumeric) {
            return false;
        }
        visit(s2);
        prev_end = s2.end;
        j += 1;
    }
    true
}

/// The distinct folded words of a rule set's anchors, each with its id (its place).
#[derive(Default)]
struct Words<'r> {
    /// The folded form of each word, by id.
    folds: Vec<String>,
    ids: QuickMap<Cow<'r, str>, WordId>,
}

impl<'r> Words<'r> {
    /// The id of `fold`, given a new one the first time (one copy of the string).
    fn intern(&mut self, fold: Cow<'r, str>) -> WordId {
        if let Some(&id) = self.ids.get(fold.as_ref()) {
            return id;
        }
        let id = self.folds.len();
        self.folds.push(fold.to_string());
        self.ids.insert(fold, id);
        id
    }
}

/// For each anchor pattern, the words it may start (in id order), in one list.
#[derive(Debug, Clone, Default)]
struct PatternWords {
    /// Where each pattern's words end in `words`.
    ends: Vec<usize>,
    words: Vec<WordId>,
}

impl PatternWords {
    /// From (pattern, word) pairs, with `patterns` patterns; a pair given twice
    /// counts once.
    fn new(mut pairs: Vec<(usize, WordId)>, patterns: usize) -> PatternWords {
        pairs.sort_unstable();
        pairs.dedup();
        let mut ends = Vec::with_capacity(patterns);
        let mut at = 0;
        for p in 0..patterns {
            while at < pairs.len() && pairs[at].0 == p {
                at += 1;
            }
            ends.push(at);
        }
        let words = pairs.into_iter().map(|(_, w)| w).collect();
        PatternWords { ends, words }
    }
}

impl std::ops::Index<usize> for PatternWords {
    type Output = [WordId];

    /// The words that pattern `pattern` may start.
    fn index(&self, pattern: usize) -> &[WordId] {
        let start = pattern.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.words[start..self.ends[pattern]]
    }
}

/// The part of a fold that every inflected surface form starts with: the fold less
/// its final vowels ("territori" is found as "territor...", "take" as "tak...").
fn surface_prefix(fold: &str) -> &str {
    let trimmed = fold.trim_end_matches(['a', 'e', 'i', 'o', 'u', 'y']);
    if trimmed.chars().count() >= 2 {
        trimmed
    } else {
        fold
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quantity::quantities;
    use crate::rules;

    fn matcher(yaml: &str) -> (RuleSet, Matcher) {
        let set = rules::parse(&[("r.yaml".into(), yaml.into())]).unwrap();
        let m = Matcher::new(&set);
        (set, m)
    }

    /// (claim id, sentence text, bound figure texts) for every hit in `text`.
    fn hits(yaml: &str, text: &str) -> Vec<(String, String, Vec<String>)> {
        let (set, m) = matcher(yaml);
        let doc = Document::new("a.txt", text.to_string(), None);
        let dates = crate::extract::date::dates(&doc.prose, None);
        let figures = crate::extract::outside_dates(quantities(&doc.prose), &dates);
        m.hits(&doc, &figures, &dates)
            .into_iter()
            .map(|h| {
                (
                    set.claims[h.claim].id.clone(),
                    doc.text[doc.sentences[h.sentence].clone()].to_string(),
                    h.bindings
                        .iter()
                        .map(|&i| doc.text[figures[i].span.clone()].to_string())
                        .collect(),
                )
            })
            .collect()
    }

    const TRADE: &str = "claims:\n  - id: trade\n    claim: \"$1.3B trade, +7%\"\n";

    #[test]
    fn a_sentence_needs_every_anchor_and_a_figure_for_every_slot() {
        let got = hits(
            TRADE,
            "Trade rose 7% to $1.3 billion. Tourism rose 7% to $1.3 billion. Trade reached $1.3 billion.",
        );
        assert_eq!(
            got,
            [(
                "trade".into(),
                "Trade rose 7% to $1.3 billion.".into(),
                vec!["$1.3 billion".into(), "rose 7%".into()]
            )]
        );
    }

    #[test]
    fn anchors_match_inflections_and_any_case() {
        let yaml = "claims:\n  - id: land\n    claim: \"20% of territory\"\n";
        let got = hits(yaml, "About 20% of its TERRITORIES are occupied.");
        assert_eq!(got.len(), 1);
        assert!(
            hits(yaml, "About 20% of the terrain is mountainous.").is_empty(),
            "terrain is another word"
        );
    }

    #[test]
    fn the_nearest_figure_wins() {
        let yaml = "claims:\n  - id: land\n    claim: \"20% of territory\"\n";
        let got = hits(
            yaml,
            "With 54% of the vote, the party that rules 20% of the territory won.",
        );
        assert_eq!(got[0].2, ["20%"]);
    }

    #[test]
    fn near_phrases_must_appear_together() {
        let yaml = "claims:\n  - id: gd\n    claim: [\"in power since 2012\", \"took office in 2012\"]\n    near: [Georgian Dream]\n";
        assert_eq!(
            hits(yaml, "Georgian Dream, in power since 2013, won again.").len(),
            1
        );
        assert_eq!(hits(yaml, "Georgian Dream took office in 2012.").len(), 1);
        assert!(hits(yaml, "The party, in power since 2012, won again.").is_empty());
        assert!(hits(yaml, "A Georgian party's dream, in power since 2012.").is_empty());
    }

    #[test]
    fn irregular_forms_find_their_base() {
        let yaml = "claims:\n  - id: gd\n    claim: \"taking office in 2012\"\n";
        assert_eq!(hits(yaml, "The party took office in 2013.").len(), 1);
    }

    /// A hit as (claim, sentence, bound figure texts, whether each agrees).
    type SeenHit = (String, usize, Vec<String>, Vec<Option<bool>>);

    /// The hits of `text` as (claim, sentence, bound figure texts, agrees), once
    /// with every figure of the document and once with only those
    /// [`Matcher::figures`] reads.
    fn hits_both_ways(yaml: &str, text: &str) -> [Vec<SeenHit>; 2] {
        let (set, m) = matcher(yaml);
        let doc = Document::new("a.md", text.to_string(), None);
        let dates = crate::extract::date::dates(&doc.prose, None);
        let every = crate::extract::outside_dates(quantities(&doc.prose), &dates);
        let anchored = m.anchored(&doc);
        let some = m.figures(&doc, &anchored, &dates);
        let read = |hits: Vec<Hit>, figures: &[Quantity]| {
            hits.into_iter()
                .map(|h| {
                    (
                        set.claims[h.claim].id.clone(),
                        h.sentence,
                        h.bindings
                            .iter()
                            .map(|&i| doc.text[figures[i].span.clone()].to_string())
                            .collect(),
                        h.bound.iter().map(|b| b.agrees).collect(),
                    )
                })
                .collect()
        };
        [
            read(m.hits(&doc, &every, &dates), &every),
            read(m.hits_in(&doc, &anchored, &some, &dates), &some),
        ]
    }

    #[test]
    fn figures_are_read_wherever_a_claim_can_bind() {
        let rules = "claims:\n  - id: roads\n    claim: \"40% of northern roads\"\n  \
                     - id: trade\n    claim: \"$1.3B trade, +7%\"\n    near: [Georgia]\n";
        // (text, claim that binds, whether its figures agree)
        let cases: &[(&str, &str, bool)] = &[
            ("About 40% of the northern roads were paved.", "roads", true),
            (
                "About 45% of the northern roads were paved.",
                "roads",
                false,
            ),
            (
                "The council met on Tuesday.\n\nIt said 12 bridges and 3 tunnels were old.\n\n\
                 Later, 40% of northern roads were paved, it said.",
                "roads",
                true,
            ),
            (
                "The council met on Tuesday.\n\nIt said 12 bridges and 3 tunnels were old.\n\n\
                 Later, 38% of northern roads were paved, it said.",
                "roads",
                false,
            ),
            (
                "Turnout was 45%, up 3 points. In the north, 41% of northern roads were paved.",
                "roads",
                false,
            ),
            (
                "Georgia's trade rose 7% to $1.3 billion.\n\nOther figures: 9, 10 and 11.",
                "trade",
                true,
            ),
            (
                "Other figures: 9, 10 and 11.\n\nGeorgia's trade rose 9% to $1.3 billion.",
                "trade",
                false,
            ),
            (
                "See https://example.org/trade for more. Georgia's trade rose 7% to $1.5 billion.",
                "trade",
                false,
            ),
        ];
        for &(text, claim, agrees) in cases {
            let [every, some] = hits_both_ways(rules, text);
            assert_eq!(every, some, "{text:?}");
            let hit = every.iter().find(|h| h.0 == claim);
            let Some(hit) = hit else {
                panic!("{claim} does not bind in {text:?}: {every:?}");
            };
            assert_eq!(
                hit.3.iter().all(|a| *a == Some(true)),
                agrees,
                "{text:?}: {hit:?}"
            );
        }
        // Where no claim can bind, nothing is read.
        let (_, m) = matcher(rules);
        let doc = Document::new("a.md", "Trade rose 7% to $1.3 billion.".into(), None);
        let anchored = m.anchored(&doc);
        assert!(anchored.is_empty(), "the near phrase is missing");
        assert!(m.figures(&doc, &anchored, &[]).is_empty());
    }

    #[test]
    fn each_pattern_keeps_its_words_once_in_id_order() {
        let words = PatternWords::new(vec![(2, 5), (0, 1), (2, 3), (2, 5), (0, 1)], 4);
        let got: Vec<&[WordId]> = (0..4).map(|p| &words[p]).collect();
        assert_eq!(got, [&[1][..], &[], &[3, 5], &[]]);
    }

    #[test]
    fn no_figure_claims_means_no_work() {
        let yaml = "people:\n  - id: a\n    name: A B\nclaims:\n  - id: s\n    statement: x y\n    by: a\n";
        assert!(hits(yaml, "Trade rose 7% to $1.3 billion.").is_empty());
    }
}
