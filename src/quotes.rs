//! Quotes: quotations found in a document, who says them, and which recorded quote
//! they render.

use std::collections::HashMap;

use crate::align::{self, Alignment, SameWords, Token};
use crate::extract::quote::{Quotation, QuoteKind};
use crate::rules::{ClaimKind, RuleSet};
use crate::words::FnvMap;

/// The share of a quotation's content words that must come from a recorded quote
/// for it to count as a rendering of that quote, when its speaker is the quote's.
/// Chosen on the fixtures and seeds: rewordings of a recorded quote keep 0.46 to
/// 0.67 of their content words from it; other remarks of the same person 0 to 0.25.
pub const DRIFT_COVERAGE: f64 = 0.3;

/// The same, for a quotation with no speaker found: stricter, since nothing but the
/// words ties it to the quote.
pub const UNATTRIBUTED_COVERAGE: f64 = 0.6;

/// The share of a quotation's content words that must come from a recorded quote
/// for it to be those words in another person's mouth.
pub const MISATTRIBUTION_COVERAGE: f64 = 0.8;

/// A recorded quote compiled for alignment.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Index of the claim in the [`RuleSet`].
    pub claim: usize,
    /// Index of the speaker in the rule set's `people`.
    pub person: usize,
    /// The recorded words.
    pub text: String,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Its content words.
    pub content: usize,
    /// The drift threshold for this quote.
    pub coverage: f64,
}

/// Every `quote:` rule with a speaker, compiled once.
#[derive(Debug, Clone, Default)]
pub struct QuoteMatcher {
    /// The recorded quotes, in rule order.
    pub recorded: Vec<Recorded>,
    /// Which recorded quotes hold which words.
    index: WordIndex,
}

/// The recorded quotes' words, each stored once with an id, and for each word the
/// quotes that hold it: a quotation's word is compared with every distinct recorded
/// word once, and only quotes that share enough of its words are aligned.
#[derive(Debug, Clone, Default)]
struct WordIndex {
    /// The distinct words of all recorded quotes.
    words: SameWords,
    /// For each word id, the recorded quotes holding it, in increasing order.
    holders: Vec<Vec<usize>>,
    /// For each recorded quote, each token's word id (`NO_WORD` for an ellipsis).
    ids: Vec<Vec<u32>>,
}

/// The id of a token that is no word (an ellipsis): never the same as any word.
const NO_WORD: u32 = u32::MAX;

impl WordIndex {
    fn new(recorded: &[Recorded]) -> WordIndex {
        let mut id_of: HashMap<&str, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut holders: Vec<Vec<usize>> = Vec::new();
        let mut ids = Vec::with_capacity(recorded.len());
        for (r, quote) in recorded.iter().enumerate() {
            let mut these = Vec::with_capacity(quote.tokens.len());
            for t in &quote.tokens {
                if t.ellipsis || t.norm.is_empty() {
                    these.push(NO_WORD);
                    continue;
                }
                let id = *id_of.entry(t.norm.as_str()).or_insert_with(|| {
                    words.push(t.norm.clone());
                    holders.push(Vec::new());
                    (words.len() - 1) as u32
                });
                let h = &mut holders[id as usize];
                if h.last() != Some(&r) {
                    h.push(r);
                }
                these.push(id);
            }
            ids.push(these);
        }
        WordIndex {
            words: SameWords::new(words),
            holders,
            ids,
        }
    }
}

/// How a quotation relates to a recorded quote.
#[derive(Debug, Clone)]
pub struct QuoteMatch {
    /// Index into [`QuoteMatcher::recorded`].
    pub recorded: usize,
    /// The alignment of the quotation's words with the recorded words.
    pub alignment: Alignment,
}

/// The fewest matched content words for a quotation to render a recorded quote of
/// `content` content words: two, or one for a quote of three or fewer.
fn needed(content: usize) -> usize {
    if content <= 3 { 1 } else { 2 }
}

impl QuoteMatcher {
    /// Compiles the quote rules; `coverage` is the run's drift threshold for rules
    /// that set no `similarity:`.
    pub fn new(rules: &RuleSet, coverage: f64) -> QuoteMatcher {
        let recorded = rules
            .claims
            .iter()
            .enumerate()
            .filter_map(|(claim, c)| {
                let ClaimKind::Quote(text) = &c.kind else {
                    return None;
                };
                let person =
                    c.by.as_ref()
                        .and_then(|id| rules.people.iter().position(|p| &p.id == id))?;
                let tokens = align::tokens(text);
                Some(Recorded {
                    claim,
                    person,
                    text: text.clone(),
                    content: align::content_count(&tokens),
                    tokens,
                    coverage: c.similarity.unwrap_or(coverage),
                })
            })
            .collect();
        QuoteMatcher::of(recorded)
    }

    /// A matcher over these recorded quotes, indexed.
    pub fn of(recorded: Vec<Recorded>) -> QuoteMatcher {
        let index = WordIndex::new(&recorded);
        QuoteMatcher { recorded, index }
    }

    /// The recorded quote a quotation's words best render, if any shares enough of
    /// its words: at least two content words (one for a recorded quote of three or
    /// fewer), and the best coverage wins (the first in rule order on a tie).
    ///
    /// Every recorded quote is in the running, but only those sharing enough of the
    /// quotation's content words are aligned, best bound first: a quote can match no
    /// more content words than it shares, and the coverage's denominator (the
    /// quotation's content words) is the same for every quote, so once the shared
    /// count falls below the best match found, no later quote can win.
    pub fn best(&self, words: &[Token]) -> Option<QuoteMatch> {
        if self.recorded.is_empty() || words.is_empty() {
            return None;
        }
        let same = self.same_ids(words);
        let shared = self.shared_content(words, &same);
        let rows = rows_by_id(&same);
        let mut order: Vec<usize> = (0..self.recorded.len())
            .filter(|&r| shared[r] >= needed(self.recorded[r].content))
            .collect();
        order.sort_by_key(|&r| (std::cmp::Reverse(shared[r]), r));
        let mut best: Option<QuoteMatch> = None;
        for r in order {
            if let Some(b) = &best {
                let top = b.alignment.matched_content;
                if shared[r] < top {
                    break;
                }
                if shared[r] == top && r > b.recorded {
                    continue;
                }
            }
            let need = needed(self.recorded[r].content);
            let pairs = self.pairs(&rows, same.len(), r);
            let Some(alignment) = align::align_given(words, &self.recorded[r].tokens, &pairs, need)
            else {
                continue;
            };
            if alignment.matched_content < need {
                continue;
            }
            let better = best.as_ref().is_none_or(|b| {
                let (m, top) = (alignment.matched_content, b.alignment.matched_content);
                m > top || (m == top && r < b.recorded)
            });
            if better {
                best = Some(QuoteMatch {
                    recorded: r,
                    alignment,
                });
            }
        }
        best
    }

    /// For each of the quotation's tokens, the ids of the recorded words that are
    /// the same word (none for an ellipsis); each distinct word looked up once.
    fn same_ids(&self, words: &[Token]) -> Vec<Vec<u32>> {
        let mut seen: FnvMap<&str, Vec<u32>> = FnvMap::default();
        words
            .iter()
            .map(|t| {
                if t.ellipsis {
                    return Vec::new();
                }
                seen.entry(t.norm.as_str())
                    .or_insert_with(|| self.index.words.same_as(&t.norm))
                    .clone()
            })
            .collect()
    }

    /// For each recorded quote, how many of the quotation's content words are the
    /// same word as one of its words.
    fn shared_content(&self, words: &[Token], same: &[Vec<u32>]) -> Vec<usize> {
        let mut shared = vec![0usize; self.recorded.len()];
        let mut last = vec![usize::MAX; self.recorded.len()];
        for (i, (t, ids)) in words.iter().zip(same).enumerate() {
            if ids.is_empty() || !align::is_content(t) {
                continue;
            }
            for &id in ids {
                for &r in &self.index.holders[id as usize] {
                    if last[r] != i {
                        last[r] = i;
                        shared[r] += 1;
                    }
                }
            }
        }
        shared
    }

    /// Which of the quotation's tokens are which of recorded quote `r`'s tokens,
    /// row by quotation token, as [`align::align_given`] takes them; `rows` gives
    /// the quotation's tokens of each recorded word id (see [`rows_by_id`]), `n`
    /// the number of its tokens.
    fn pairs(&self, rows: &FnvMap<u32, Vec<usize>>, n: usize, r: usize) -> Vec<bool> {
        let ids = &self.index.ids[r];
        let m = ids.len();
        let mut pairs = vec![false; n * m];
        for (j, id) in ids.iter().enumerate() {
            for &i in rows.get(id).map_or(&[][..], Vec::as_slice) {
                pairs[i * m + j] = true;
            }
        }
        pairs
    }

    /// [`QuoteMatcher::best`] the slow way: every recorded quote aligned. The
    /// reference the index is tested against.
    #[cfg(test)]
    fn best_exhaustive(&self, words: &[Token]) -> Option<QuoteMatch> {
        self.recorded
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let needed = needed(r.content);
                let alignment = align::align_sharing(words, &r.tokens, needed)?;
                (alignment.matched_content >= needed).then_some(QuoteMatch {
                    recorded: i,
                    alignment,
                })
            })
            .max_by(|a, b| {
                a.alignment
                    .coverage()
                    .total_cmp(&b.alignment.coverage())
                    .then(b.recorded.cmp(&a.recorded))
            })
    }
}

/// For each recorded word id, the quotation's tokens that are that word (`same`
/// as [`QuoteMatcher::best`] finds it), in order: a quote's pairs are then set
/// word by word, not looked up cell by cell.
fn rows_by_id(same: &[Vec<u32>]) -> FnvMap<u32, Vec<usize>> {
    let mut rows: FnvMap<u32, Vec<usize>> = FnvMap::default();
    for (i, ids) in same.iter().enumerate() {
        for &id in ids {
            rows.entry(id).or_default().push(i);
        }
    }
    rows
}

/// The quotations of a document that can be someone's words: full quotations and
/// fragments; scare quotes are set apart.
pub fn spoken(quotations: &[Quotation]) -> impl Iterator<Item = &Quotation> {
    quotations.iter().filter(|q| q.kind != QuoteKind::Scare)
}

/// Whether `offset` lies inside a quotation that can be someone's words.
pub fn inside(quotations: &[Quotation], offset: usize) -> bool {
    let i = quotations.partition_point(|q| q.span.end <= offset);
    quotations
        .get(i)
        .is_some_and(|q| q.span.start <= offset && q.kind != QuoteKind::Scare)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the cases are the same on
    /// every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Words that make the index's job hard: near spellings that count as the same
    /// word ("normalise", "normalize"), near spellings that do not ("harmful",
    /// "helpful"), a function word a content word is one letter from ("about",
    /// "abouts"), pronouns, short words, hyphens, digits and ellipses.
    const POOL: &[&str] = &[
        "normalise",
        "normalize",
        "harmful",
        "helpful",
        "principled",
        "principle",
        "about",
        "abouts",
        "the",
        "and",
        "of",
        "we",
        "will",
        "they",
        "a",
        "to",
        "is",
        "relations",
        "relation",
        "occupation",
        "de-occupation",
        "deoccupation",
        "non-negotiable",
        "negotiable",
        "red",
        "lines",
        "line",
        "stance",
        "issue",
        "issues",
        "harbor",
        "harbour",
        "cranes",
        "crane",
        "promise",
        "promised",
        "2016",
        "20",
        "20%",
        "finish",
        "finished",
        "grandchildren",
        "build",
        "built",
        "...",
        "…",
        "Moscow",
        "moscow's",
        "prepared",
        "preparing",
        "council",
        "councils",
    ];

    fn words(rng: &mut Rng, len: usize) -> Vec<String> {
        (0..len)
            .map(|_| POOL[rng.below(POOL.len())].to_string())
            .collect()
    }

    /// A quotation drawn from a recorded quote: a passage of it with words
    /// replaced, dropped, added or elided.
    fn rendering(rng: &mut Rng, recorded: &[String]) -> Vec<String> {
        let start = rng.below(recorded.len());
        let end = start + 1 + rng.below(recorded.len() - start);
        let mut out = Vec::new();
        for w in &recorded[start..end] {
            match rng.below(8) {
                0 => {}
                1 => out.push(POOL[rng.below(POOL.len())].to_string()),
                2 => {
                    out.push(w.clone());
                    out.push(POOL[rng.below(POOL.len())].to_string());
                }
                3 => out.push("...".to_string()),
                _ => out.push(w.clone()),
            }
        }
        out
    }

    fn recorded(rng: &mut Rng, count: usize) -> (Vec<Vec<String>>, QuoteMatcher) {
        let texts: Vec<Vec<String>> = (0..count)
            .map(|_| {
                let len = 1 + rng.below(24);
                words(rng, len)
            })
            .collect();
        let quotes = texts
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = w.join(" ");
                let tokens = align::tokens(&text);
                Recorded {
                    claim: i,
                    person: i % 3,
                    content: align::content_count(&tokens),
                    text,
                    tokens,
                    coverage: DRIFT_COVERAGE,
                }
            })
            .collect();
        (texts, QuoteMatcher::of(quotes))
    }

    #[test]
    fn the_index_finds_what_aligning_every_quote_finds() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut found, mut none, mut not_first) = (0, 0, 0);
        for round in 0..40 {
            let (texts, matcher) = recorded(&mut rng, 1 + round % 30);
            for _ in 0..60 {
                let quotation = if rng.below(3) == 0 {
                    let len = 1 + rng.below(20);
                    words(&mut rng, len)
                } else {
                    let source = &texts[rng.below(texts.len())];
                    rendering(&mut rng, source)
                };
                let words = align::tokens(&quotation.join(" "));
                let fast = matcher.best(&words);
                let slow = matcher.best_exhaustive(&words);
                let key =
                    |m: &Option<QuoteMatch>| m.as_ref().map(|m| (m.recorded, m.alignment.clone()));
                assert_eq!(key(&fast), key(&slow), "quotation {quotation:?}");
                match fast {
                    Some(m) => {
                        found += 1;
                        not_first += usize::from(m.recorded > 0);
                    }
                    None => none += 1,
                }
            }
        }
        // The cases must exercise both answers, and winners other than the first.
        assert!(
            found > 600 && none > 100 && not_first > 400,
            "{found} {none} {not_first}"
        );
    }

    #[test]
    fn near_spellings_reach_the_quotes_that_hold_them() {
        let quote = |text: &str| {
            let tokens = align::tokens(text);
            Recorded {
                claim: 0,
                person: 0,
                content: align::content_count(&tokens),
                text: text.to_string(),
                tokens,
                coverage: DRIFT_COVERAGE,
            }
        };
        let matcher = QuoteMatcher::of(vec![
            quote("We will build the harbour for our grandchildren"),
            quote("We are prepared to normalise relations"),
        ]);
        let best = |text: &str| matcher.best(&align::tokens(text)).map(|m| m.recorded);
        assert_eq!(best("prepared to normalize relations"), Some(1));
        assert_eq!(best("build the harbor for grandchildren"), Some(0));
        assert_eq!(best("helpful weather in the capital"), None);
    }
}
