//! Quotes: quotations found in a document, who says them, and which recorded quote
//! they render.

use std::collections::{BinaryHeap, HashMap};

use crate::align::{self, Alignment, ArticleWord, Grid, SameWords, Token};
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
/// quotes that hold it: a quotation's word is looked up once (by its exact spelling
/// when a recorded quote has it, else compared with every distinct recorded word),
/// and only quotes that share enough of its words are aligned.
#[derive(Debug, Clone, Default)]
struct WordIndex {
    /// The distinct words of all recorded quotes.
    words: SameWords,
    /// Each distinct word's id, by its spelling.
    exact: FnvMap<Box<str>, u32>,
    /// For each word id, the ids of the words that are the same word as it
    /// ([`SameWords::same_as`] of its spelling), worked out once.
    related: Vec<Vec<u32>>,
    /// For each word id, whether it is a content word.
    content: Vec<bool>,
    /// For each word id, the recorded quotes holding it, in increasing order.
    holders: Vec<Vec<usize>>,
    /// For each recorded quote, where each of its words stands.
    quotes: Vec<QuoteWords>,
}

/// Where each word of one recorded quote stands: its distinct word ids in
/// increasing order, each with a bit per token that is that word.
#[derive(Debug, Clone, Default)]
struct QuoteWords {
    /// The distinct word ids, in increasing order.
    ids: Vec<u32>,
    /// `blocks` words of bits per id, in the order of `ids`: bit `j` says token `j`.
    masks: Vec<u64>,
    /// 64-bit words per mask.
    blocks: usize,
    /// The number of tokens (ellipses included).
    len: usize,
}

impl QuoteWords {
    /// The quote of these token ids (`NO_WORD` for an ellipsis).
    fn new(token_ids: &[u32]) -> QuoteWords {
        let mut ids: Vec<u32> = token_ids
            .iter()
            .copied()
            .filter(|&id| id != NO_WORD)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let blocks = token_ids.len().div_ceil(64);
        let mut masks = vec![0u64; ids.len() * blocks];
        for (j, id) in token_ids.iter().enumerate() {
            if let Ok(k) = ids.binary_search(id) {
                masks[k * blocks + j / 64] |= 1 << (j % 64);
            }
        }
        QuoteWords {
            ids,
            masks,
            blocks,
            len: token_ids.len(),
        }
    }

    /// The tokens that are word `id`, a bit each; `None` when the quote lacks it.
    fn mask(&self, id: u32) -> Option<&[u64]> {
        let k = self.ids.binary_search(&id).ok()?;
        Some(&self.masks[k * self.blocks..(k + 1) * self.blocks])
    }
}

/// The id of a token that is no word (an ellipsis): never the same as any word.
const NO_WORD: u32 = u32::MAX;

impl WordIndex {
    fn new(recorded: &[Recorded]) -> WordIndex {
        let mut id_of: HashMap<&str, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut holders: Vec<Vec<usize>> = Vec::new();
        let mut quotes = Vec::with_capacity(recorded.len());
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
            quotes.push(QuoteWords::new(&these));
        }
        let content = words.iter().map(|w| align::is_content_word(w)).collect();
        let exact = words
            .iter()
            .enumerate()
            .map(|(id, w)| (w.as_str().into(), id as u32))
            .collect();
        let words = SameWords::new(words);
        let related = (0..holders.len())
            .map(|id| words.same_as(words.word(id as u32)))
            .collect();
        WordIndex {
            words,
            exact,
            related,
            content,
            holders,
            quotes,
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

    /// A search over these quotes, whose buffers serve quotation after quotation.
    pub fn search(&self) -> Search<'_> {
        Search {
            matcher: self,
            rows: Vec::new(),
            same: Vec::new(),
            buf: String::new(),
            shared: Vec::new(),
            last: Vec::new(),
            queue: BinaryHeap::new(),
            lcs: Vec::new(),
            row_mask: Vec::new(),
            pairs: Vec::new(),
            grid: Grid::default(),
        }
    }

    /// The recorded quote a quotation's words best render (see [`Search::best_in`]).
    pub fn best(&self, words: &[Token]) -> Option<QuoteMatch> {
        self.search().best_tokens(words)
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

/// One token of a quotation as the search reads it: the recorded words it is the
/// same word as (a range of [`Search::same`]), and what the alignment asks of it.
#[derive(Debug, Clone, Copy)]
struct Row {
    ellipsis: bool,
    content: bool,
    same: (u32, u32),
}

impl ArticleWord for Row {
    fn is_ellipsis(&self) -> bool {
        self.ellipsis
    }
    fn is_content(&self) -> bool {
        self.content
    }
}

/// A recorded quote waiting in the search, with a bound on the content words its
/// alignment can match: `tight` once it is the common-subsequence bound, before
/// that the count of shared content words. Ordered best bound first, then rule order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Waiting {
    bound: usize,
    first: std::cmp::Reverse<usize>,
    tight: bool,
}

/// The search for the recorded quote each quotation renders, with its buffers kept
/// from one quotation to the next (one per document, or per thread).
#[derive(Debug)]
pub struct Search<'m> {
    matcher: &'m QuoteMatcher,
    /// The quotation's tokens.
    rows: Vec<Row>,
    /// The recorded word ids each token is the same word as, token after token.
    same: Vec<u32>,
    buf: String,
    /// Per recorded quote: shared content words, and the last token counted.
    shared: Vec<usize>,
    last: Vec<usize>,
    queue: BinaryHeap<Waiting>,
    /// The bound's bit rows.
    lcs: Vec<u64>,
    row_mask: Vec<u64>,
    /// Which token pairs are the same word, and the alignment's cells.
    pairs: Vec<bool>,
    grid: Grid,
}

impl Search<'_> {
    /// The recorded quote a quotation best renders, if any shares enough of its
    /// words: at least two content words (one for a recorded quote of three or
    /// fewer), and the best coverage wins (the first in rule order on a tie). The
    /// quotation's words are `parts` of `prose`, read as [`align::tokens`] reads
    /// [`crate::extract::quote::Quotation::text`].
    pub fn best_in(&mut self, prose: &str, parts: &[crate::extract::Span]) -> Option<QuoteMatch> {
        self.clear();
        let mut buf = std::mem::take(&mut self.buf);
        for part in parts {
            let text = prose.get(part.clone()).unwrap_or("");
            align::read_words(text, &mut buf, |norm, ellipsis| self.read(norm, ellipsis));
        }
        self.buf = buf;
        self.best_read()
    }

    /// [`Search::best_in`] for a quotation already split into tokens.
    pub fn best_tokens(&mut self, words: &[Token]) -> Option<QuoteMatch> {
        self.clear();
        for t in words {
            self.read(&t.norm, t.ellipsis);
        }
        self.best_read()
    }

    fn clear(&mut self) {
        self.rows.clear();
        self.same.clear();
    }

    /// Adds one token: the recorded words it is the same word as, found by its
    /// spelling when a recorded quote has it, else compared with each one.
    fn read(&mut self, norm: &str, ellipsis: bool) {
        let index = &self.matcher.index;
        let start = self.same.len() as u32;
        let content = if ellipsis {
            false
        } else if let Some(&id) = index.exact.get(norm) {
            self.same.extend_from_slice(&index.related[id as usize]);
            index.content[id as usize]
        } else {
            self.same.extend(index.words.same_as(norm));
            align::is_content_word(norm)
        };
        self.rows.push(Row {
            ellipsis,
            content,
            same: (start, self.same.len() as u32),
        });
    }

    /// The search over the quotation read. Every recorded quote is in the running,
    /// but quotes are aligned best bound first, and only while a bound can beat the
    /// best match found: a quote's alignment matches no more content words than the
    /// quotation shares with it, nor more than their longest common subsequence of
    /// the quotation's content words (its matched words are one), and the
    /// coverage's denominator (the quotation's content words) is the same for every
    /// quote. Each bound is never below the real count, so the answer is the one
    /// aligning every quote gives.
    fn best_read(&mut self) -> Option<QuoteMatch> {
        if self.matcher.recorded.is_empty() || self.rows.is_empty() {
            return None;
        }
        self.count_shared();
        self.queue.clear();
        for (r, quote) in self.matcher.recorded.iter().enumerate() {
            if self.shared[r] >= needed(quote.content) {
                self.queue.push(Waiting {
                    bound: self.shared[r],
                    first: std::cmp::Reverse(r),
                    tight: false,
                });
            }
        }
        let mut best: Option<QuoteMatch> = None;
        while let Some(w) = self.queue.pop() {
            let r = w.first.0;
            if best.as_ref().is_some_and(|b| {
                let top = b.alignment.matched_content;
                w.bound < top || (w.bound == top && r > b.recorded)
            }) {
                break;
            }
            let need = needed(self.matcher.recorded[r].content);
            if !w.tight {
                let bound = self.common_bound(r);
                if bound >= need {
                    self.queue.push(Waiting {
                        bound,
                        tight: true,
                        ..w
                    });
                }
                continue;
            }
            let Some(alignment) = self.align(r).filter(|a| a.matched_content >= need) else {
                continue;
            };
            // Popped in bound order, a quote that gets here beats or ties the best;
            // a tie goes to the first in rule order.
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

    /// For each recorded quote, how many of the quotation's content words are the
    /// same word as one of its words.
    fn count_shared(&mut self) {
        let index = &self.matcher.index;
        let n = self.matcher.recorded.len();
        self.shared.clear();
        self.shared.resize(n, 0);
        self.last.clear();
        self.last.resize(n, usize::MAX);
        for (i, row) in self.rows.iter().enumerate() {
            if !row.content {
                continue;
            }
            for &id in &self.same[row.same.0 as usize..row.same.1 as usize] {
                for &r in &index.holders[id as usize] {
                    if self.last[r] != i {
                        self.last[r] = i;
                        self.shared[r] += 1;
                    }
                }
            }
        }
    }

    /// The length of the longest common subsequence of the quotation's content
    /// words and recorded quote `r`'s tokens, a pair matching when they are the same
    /// word: bit-parallel, a row per content word (Hyyrö's form of Allison and
    /// Dix's), `V' = (V + (V & M)) | (V & !M)`, the length the zero bits of `V`.
    fn common_bound(&mut self, r: usize) -> usize {
        let quote = &self.matcher.index.quotes[r];
        let blocks = quote.blocks;
        self.lcs.clear();
        self.lcs.resize(blocks, u64::MAX);
        for row in self.rows.iter().filter(|row| row.content) {
            self.row_mask.clear();
            self.row_mask.resize(blocks, 0);
            for &id in &self.same[row.same.0 as usize..row.same.1 as usize] {
                if let Some(mask) = quote.mask(id) {
                    for (m, b) in self.row_mask.iter_mut().zip(mask) {
                        *m |= b;
                    }
                }
            }
            lcs_row(&mut self.lcs, &self.row_mask);
        }
        let ones: usize = (0..blocks)
            .map(|k| {
                let bits = (quote.len - 64 * k).min(64);
                let keep = if bits == 64 {
                    u64::MAX
                } else {
                    (1 << bits) - 1
                };
                (self.lcs[k] & keep).count_ones() as usize
            })
            .sum();
        quote.len - ones
    }

    /// Aligns the quotation with recorded quote `r`.
    fn align(&mut self, r: usize) -> Option<Alignment> {
        let quote = &self.matcher.index.quotes[r];
        let m = quote.len;
        self.pairs.clear();
        self.pairs.resize(self.rows.len() * m, false);
        for (i, row) in self.rows.iter().enumerate() {
            for &id in &self.same[row.same.0 as usize..row.same.1 as usize] {
                let Some(mask) = quote.mask(id) else { continue };
                for (k, &bits) in mask.iter().enumerate() {
                    let mut bits = bits;
                    while bits != 0 {
                        let j = 64 * k + bits.trailing_zeros() as usize;
                        self.pairs[i * m + j] = true;
                        bits &= bits - 1;
                    }
                }
            }
        }
        align::align_words(&self.rows, m, &self.pairs, &mut self.grid)
    }
}

/// One row of the bit-parallel common-subsequence count: `v` (the row's state, low
/// block first) stepped over the row's match bits `m`, the addition carried from
/// block to block.
fn lcs_row(v: &mut [u64], m: &[u64]) {
    let mut carry = false;
    for (v, &m) in v.iter_mut().zip(m) {
        let u = *v & m;
        let (sum, c1) = v.overflowing_add(u);
        let (sum, c2) = sum.overflowing_add(u64::from(carry));
        carry = c1 || c2;
        *v = sum | (*v & !m);
    }
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

    use crate::seeded::Seeded as Rng;

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
                // Now and then a quote longer than 64 tokens, so the bound's bit
                // rows run over several words.
                let len = if rng.below(8) == 0 {
                    60 + rng.below(90)
                } else {
                    1 + rng.below(24)
                };
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
                let text = quotation.join(" ");
                let words = align::tokens(&text);
                let fast = matcher.best(&words);
                let slow = matcher.best_exhaustive(&words);
                let key =
                    |m: &Option<QuoteMatch>| m.as_ref().map(|m| (m.recorded, m.alignment.clone()));
                assert_eq!(key(&fast), key(&slow), "quotation {quotation:?}");
                // Read from the text, as the quote check reads a quotation.
                let whole = 0..text.len();
                let read = matcher
                    .search()
                    .best_in(&text, std::slice::from_ref(&whole));
                assert_eq!(key(&read), key(&slow), "quotation {quotation:?}");
                // In two parts (a quotation over two paragraphs), split at a space.
                if let Some(k) = text.find(' ') {
                    let two = matcher.search().best_in(&text, &[0..k, k + 1..text.len()]);
                    assert_eq!(key(&two), key(&slow), "quotation {quotation:?}");
                }
                assert_bounds_hold(&matcher, &words);
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

    /// Every recorded quote's bounds (shared content words, the common
    /// subsequence) are at least the content words its alignment matches, and the
    /// subsequence bound is what the plain dynamic programme counts.
    fn assert_bounds_hold(matcher: &QuoteMatcher, words: &[Token]) {
        let mut search = matcher.search();
        search.clear();
        for t in words {
            search.read(&t.norm, t.ellipsis);
        }
        search.count_shared();
        for (r, quote) in matcher.recorded.iter().enumerate() {
            let bound = search.common_bound(r);
            assert_eq!(bound, common_by_table(words, &quote.tokens), "quote {r}");
            assert!(bound <= search.shared[r]);
            if let Some(a) = align::align(words, &quote.tokens) {
                assert!(a.matched_content <= bound, "quote {r}: {a:?} over {bound}");
            }
        }
    }

    /// The longest common subsequence of the content words of `words` and the
    /// tokens of `recorded`, pairs matching when align's pairs do, by the table.
    fn common_by_table(words: &[Token], recorded: &[Token]) -> usize {
        let content: Vec<&Token> = words.iter().filter(|t| t.content).collect();
        let m = recorded.len();
        let mut table = vec![vec![0usize; m + 1]; content.len() + 1];
        for (i, a) in content.iter().enumerate() {
            let row = align::tokens(&a.text);
            for (j, b) in recorded.iter().enumerate() {
                let same = align::align(&row, std::slice::from_ref(b))
                    .is_some_and(|x| x.matched_content == 1 && !b.ellipsis);
                table[i + 1][j + 1] = if same {
                    table[i][j] + 1
                } else {
                    table[i][j + 1].max(table[i + 1][j])
                };
            }
        }
        table[content.len()][m]
    }

    #[test]
    fn the_bit_rows_count_what_the_table_counts() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..400 {
            let (n, m) = (rng.below(12), 1 + rng.below(200));
            let rows: Vec<Vec<bool>> = (0..n)
                .map(|_| {
                    let dense = 1 + rng.below(4);
                    (0..m).map(|_| rng.below(dense + 1) == 0).collect()
                })
                .collect();
            let blocks = m.div_ceil(64);
            let mut v = vec![u64::MAX; blocks];
            for row in &rows {
                let mut mask = vec![0u64; blocks];
                for (j, &b) in row.iter().enumerate() {
                    if b {
                        mask[j / 64] |= 1 << (j % 64);
                    }
                }
                lcs_row(&mut v, &mask);
            }
            let ones: usize = (0..m).filter(|&j| v[j / 64] >> (j % 64) & 1 == 1).count();
            let mut table = vec![vec![0usize; m + 1]; n + 1];
            for i in 0..n {
                for j in 0..m {
                    table[i + 1][j + 1] = if rows[i][j] {
                        table[i][j] + 1
                    } else {
                        table[i][j + 1].max(table[i + 1][j])
                    };
                }
            }
            assert_eq!(m - ones, table[n][m], "{n} x {m}");
        }
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
