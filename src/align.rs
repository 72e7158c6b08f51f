//! Aligning quoted words with a recorded quote.
//!
//! An article often quotes only part of what was said, so the article's words are
//! aligned locally (Smith-Waterman over words) with the passage of the recorded quote
//! they best match. Words are compared after normalising case, punctuation, quote
//! marks and dashes; words that differ by a letter or two ("normalise", "normalize")
//! count as the same word. An ellipsis in the article may skip recorded words at no
//! cost: it says words were left out, which is not drift.

/// One token of a quotation: its words as written and in comparable form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// As written.
    pub text: String,
    /// Lowercase, punctuation and marks removed; empty for an ellipsis.
    pub norm: String,
    /// Whether this token is an ellipsis ("...", "…").
    pub ellipsis: bool,
    /// Whether it is a content word (see [`is_content`]), worked out once.
    pub content: bool,
    /// Where the token is in the text it was read from.
    pub span: std::ops::Range<usize>,
}

/// Splits quoted text into tokens. Whitespace, hyphens and dashes separate words
/// ("non-negotiable" and "non negotiable" are the same words punctuated
/// differently); an ellipsis is a token of its own, glued to a word or not.
pub fn tokens(text: &str) -> Vec<Token> {
    let separator =
        |c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―');
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if separator(c) {
            chars.next();
            continue;
        }
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if separator(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        push_piece(&mut out, text, start, end);
    }
    out
}

/// Pushes the tokens of one whitespace-free piece: words, and ellipses within it.
fn push_piece(out: &mut Vec<Token>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let dots = piece.find('…').map(|i| (i, '…'.len_utf8())).or_else(|| {
        piece
            .find("...")
            .map(|i| (i, piece[i..].chars().take_while(|&c| c == '.').count()))
    });
    let Some((at, len)) = dots else {
        let norm = normalise(piece);
        if !norm.is_empty() {
            out.push(Token {
                text: piece.to_string(),
                content: is_content_word(&norm),
                norm,
                ellipsis: false,
                span: start..end,
            });
        }
        return;
    };
    if at > 0 {
        push_piece(out, text, start, start + at);
    }
    out.push(Token {
        text: "…".into(),
        norm: String::new(),
        ellipsis: true,
        content: false,
        span: start + at..start + at + len,
    });
    if at + len < piece.len() {
        push_piece(out, text, start + at + len, end);
    }
}

/// A word in comparable form: lowercase letters and digits, with inner apostrophes
/// and hyphens dropped ("de-occupation" and "deoccupation" compare equal).
pub fn normalise(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads quoted text as [`tokens`] does, without building tokens: `word` is called
/// for each token, in order, with its [`Token::norm`] (borrowed from a buffer that is
/// reused) and whether it is an ellipsis (then the norm is empty). ASCII is read a
/// byte at a time; other characters as [`tokens`] reads them.
pub fn read_words(text: &str, buf: &mut String, mut word: impl FnMut(&str, bool)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (sep, len) = separator_at(text, i);
        if sep {
            i += len;
            continue;
        }
        let start = i;
        while i < bytes.len() {
            let (sep, len) = separator_at(text, i);
            if sep {
                break;
            }
            i += len;
        }
        read_piece(&text[start..i], buf, &mut word);
    }
}

/// Whether the character at byte `i` separates words (see [`tokens`]), and its length.
fn separator_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (matches!(b, b' ' | b'\t'..=b'\r' | b'-'), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    let sep = c.is_whitespace() || matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '―');
    (sep, c.len_utf8())
}

/// The tokens of one whitespace-free piece, as [`push_piece`] splits it: words, and
/// the ellipses within it (every "…", every run of three dots or more).
fn read_piece(piece: &str, buf: &mut String, word: &mut impl FnMut(&str, bool)) {
    let bytes = piece.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let len = if bytes[i] == b'.' {
            bytes[i..].iter().take_while(|&&b| b == b'.').count()
        } else if bytes[i..].starts_with("…".as_bytes()) {
            "…".len()
        } else {
            i += 1;
            continue;
        };
        if len < 3 && bytes[i] == b'.' {
            i += len;
            continue;
        }
        read_word(&piece[start..i], buf, word);
        word("", true);
        i += len;
        start = i;
    }
    read_word(&piece[start..], buf, word);
}

/// Calls `word` with the norm of `text` when it has one (see [`normalise`]).
fn read_word(text: &str, buf: &mut String, word: &mut impl FnMut(&str, bool)) {
    buf.clear();
    if text.is_ascii() {
        buf.extend(
            text.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
    } else {
        buf.extend(
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
    }
    if !buf.is_empty() {
        word(buf, false);
    }
}

/// How alike two normalised words must be to count as the same word (normalised
/// Levenshtein similarity): "normalise" and "normalize" are, "harmful" and
/// "helpful" are not.
pub const SAME_WORD: f64 = 0.8;

#[cfg(test)]
fn same(a: &str, b: &str) -> bool {
    a == b || (a.len() > 3 && b.len() > 3 && strsim::normalized_levenshtein(a, b) >= SAME_WORD)
}

/// What [`same`] needs to rule a pair of words out cheaply: the word's length in
/// characters and a bit per kind of character in it.
#[derive(Debug, Clone, Copy)]
struct Shape {
    chars: usize,
    letters: u64,
}

impl Shape {
    fn of(word: &str) -> Shape {
        let mut letters = 0u64;
        let mut chars = 0;
        for c in word.chars() {
            chars += 1;
            let bit = match c {
                'a'..='z' => c as u32 - 'a' as u32,
                '0'..='9' => 26 + c as u32 - '0' as u32,
                _ => 36 + (c as u32) % 28,
            };
            letters |= 1 << bit;
        }
        Shape { chars, letters }
    }
}

/// The most edits two words of `longest` characters may differ by and still be
/// [`same`]: the largest distance whose similarity reaches [`SAME_WORD`], worked out
/// with the same arithmetic as the similarity itself.
fn edits_allowed(longest: usize) -> usize {
    (0..=longest)
        .take_while(|&d| 1.0 - (d as f64) / (longest as f64) >= SAME_WORD)
        .last()
        .unwrap_or(0)
}

/// [`edits_allowed`] for the word lengths quotations have, worked out once.
fn allowed_table() -> &'static [usize; 64] {
    static TABLE: std::sync::OnceLock<[usize; 64]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(edits_allowed))
}

/// Whether two words' shapes leave room for them to be [`same`]. The difference in
/// length, and the kinds of character one word has and the other lacks, each need
/// at least that many edits; since the similarity only falls as the distance
/// grows, a pair this rules out is never the same word (nor equal).
fn may_be_same(sa: Shape, sb: Shape, table: &[usize; 64]) -> bool {
    let bound = sa
        .chars
        .abs_diff(sb.chars)
        .max((sa.letters & !sb.letters).count_ones() as usize)
        .max((sb.letters & !sa.letters).count_ones() as usize);
    if bound == 0 {
        return true;
    }
    let longest = sa.chars.max(sb.chars);
    let allowed = table
        .get(longest)
        .copied()
        .unwrap_or_else(|| edits_allowed(longest));
    bound <= allowed
}

/// [`same`], with the shapes ruling most pairs out first.
fn same_shaped(a: &str, sa: Shape, b: &str, sb: Shape, table: &[usize; 64]) -> bool {
    if !may_be_same(sa, sb, table) {
        return false;
    }
    a == b || (a.len() > 3 && b.len() > 3 && strsim::normalized_levenshtein(a, b) >= SAME_WORD)
}

/// Which article words are which recorded words, row by article word; `None` when
/// no pair is the same word (then nothing aligns).
fn same_pairs(article: &[Token], recorded: &[Token]) -> Option<Vec<bool>> {
    let table = allowed_table();
    let shapes: Vec<Shape> = recorded.iter().map(|r| Shape::of(&r.norm)).collect();
    let mut pairs: Vec<bool> = Vec::new();
    for (i, a) in article.iter().enumerate() {
        if a.ellipsis {
            continue;
        }
        let sa = Shape::of(&a.norm);
        for (j, &sr) in shapes.iter().enumerate() {
            if same_shaped(&a.norm, sa, &recorded[j].norm, sr, table) {
                if pairs.is_empty() {
                    pairs = vec![false; article.len() * recorded.len()];
                }
                pairs[i * recorded.len() + j] = true;
            }
        }
    }
    (!pairs.is_empty()).then_some(pairs)
}

/// A fixed list of words, each compared with a word once: which of them are the
/// same word as it (by [`SAME_WORD`], the test [`align`] uses for every pair).
/// Built once for the recorded quotes' words, so that a quotation's word is
/// compared with each distinct recorded word once, not once per quote holding it.
#[derive(Debug, Clone, Default)]
pub struct SameWords {
    /// The words, in the order given (their ids).
    words: Vec<String>,
    /// Their shapes, by id.
    shapes: Vec<Shape>,
    /// Ids by length in characters.
    by_length: Vec<Vec<u32>>,
}

impl SameWords {
    /// Indexes `words` (normalised, as [`Token::norm`]); a word's id is its position.
    pub fn new(words: Vec<String>) -> SameWords {
        let shapes: Vec<Shape> = words.iter().map(|w| Shape::of(w)).collect();
        let mut by_length: Vec<Vec<u32>> = Vec::new();
        for (id, s) in shapes.iter().enumerate() {
            if by_length.len() <= s.chars {
                by_length.resize(s.chars + 1, Vec::new());
            }
            by_length[s.chars].push(id as u32);
        }
        SameWords {
            words,
            shapes,
            by_length,
        }
    }

    /// The word of id `id`.
    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// The ids of the words that are the same word as `word` (normalised), in
    /// increasing order. Only lengths that leave room for it are looked at.
    pub fn same_as(&self, word: &str) -> Vec<u32> {
        let table = allowed_table();
        let sa = Shape::of(word);
        let mut out = Vec::new();
        for (len, ids) in self.by_length.iter().enumerate() {
            let longest = len.max(sa.chars);
            let allowed = table
                .get(longest)
                .copied()
                .unwrap_or_else(|| edits_allowed(longest));
            if ids.is_empty() || len.abs_diff(sa.chars) > allowed {
                continue;
            }
            for &id in ids {
                let k = id as usize;
                if same_shaped(word, sa, &self.words[k], self.shapes[k], table) {
                    out.push(id);
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// [`align_sharing`] for a caller that already knows which word pairs are the same
/// word: `pairs[i * recorded.len() + j]` says whether article token `i` and
/// recorded token `j` are (never for an ellipsis). The result is what
/// [`align_sharing`] gives for the same tokens.
pub fn align_given(
    article: &[Token],
    recorded: &[Token],
    pairs: &[bool],
    content: usize,
) -> Option<Alignment> {
    if article.is_empty() || recorded.is_empty() || !pairs.contains(&true) {
        return None;
    }
    let m = recorded.len();
    let shared = article
        .iter()
        .enumerate()
        .filter(|(i, t)| pairs[i * m..(i + 1) * m].contains(&true) && is_content(t))
        .count();
    if shared < content {
        return None;
    }
    align_pairs(article, recorded, pairs)
}

/// What one step of an alignment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The article's word and the recorded word are the same word.
    Same(usize, usize),
    /// A recorded word the article replaced by its own.
    Changed(usize, usize),
    /// A recorded word the article left out (not after an ellipsis).
    Dropped(usize),
    /// Recorded words skipped by an ellipsis in the article.
    Elided(usize),
    /// A word the article added.
    Added(usize),
}

/// The best local alignment of article words with a recorded quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The aligned passage of the recorded quote: token indexes `[start, end)`.
    pub recorded: std::ops::Range<usize>,
    /// How alike the article's words are to the passage, 0 to 1: twice the words in
    /// common over the words on both sides (elided words not counted).
    pub similarity: f64,
    /// Content words (not function words or pronouns) of the article's quotation.
    pub article_content: usize,
    /// Of those, how many are the recorded passage's words.
    pub matched_content: usize,
}

impl Alignment {
    /// The share of the article's content words that come from the recorded passage:
    /// how much of what the article puts in quotation marks was said.
    pub fn coverage(&self) -> f64 {
        self.matched_content as f64 / self.article_content.max(1) as f64
    }

    /// The recorded passage widened over words the article replaced at its edges:
    /// "counterproductive and unrealistic" aligns with "and unrealistic" of "harmful
    /// and unrealistic", and its passage is all three words. `len` is the number of
    /// recorded tokens.
    pub fn widened(&self, len: usize) -> std::ops::Range<usize> {
        let leading = self
            .steps
            .iter()
            .take_while(|s| matches!(s, Step::Added(_)))
            .count();
        let trailing = self
            .steps
            .iter()
            .rev()
            .take_while(|s| matches!(s, Step::Added(_)))
            .count();
        self.recorded.start.saturating_sub(leading)..(self.recorded.end + trailing).min(len)
    }

    /// Whether the article's words are the recorded words, ellipses aside.
    pub fn verbatim(&self) -> bool {
        self.steps
            .iter()
            .all(|s| matches!(s, Step::Same(..) | Step::Elided(_)))
    }
}

const MATCH: i32 = 3;
const MISMATCH: i32 = -2;
const GAP: i32 = -2;

/// Aligns `article` tokens with the `recorded` tokens. `None` when nothing aligns.
pub fn align(article: &[Token], recorded: &[Token]) -> Option<Alignment> {
    if article.is_empty() || recorded.is_empty() {
        return None;
    }
    // With no pair of words the same, every cell scores 0: nothing aligns.
    let pairs = same_pairs(article, recorded)?;
    align_pairs(article, recorded, &pairs)
}

/// [`align`], for a caller that keeps an alignment only when at least `content` of
/// the article's content words are matched (`matched_content`): `None` without
/// aligning when fewer of its content words are the same word as any recorded
/// word, since only those can be matched.
pub fn align_sharing(article: &[Token], recorded: &[Token], content: usize) -> Option<Alignment> {
    if article.is_empty() || recorded.is_empty() {
        return None;
    }
    let pairs = same_pairs(article, recorded)?;
    align_given(article, recorded, &pairs, content)
}

/// The alignment itself, given which word pairs are the same word.
fn align_pairs(article: &[Token], recorded: &[Token], pairs: &[bool]) -> Option<Alignment> {
    align_words(article, recorded.len(), pairs, &mut Grid::default())
}

/// What the alignment needs to know of an article word: whether it is an ellipsis
/// and whether it is a content word. [`Token`] has both; a caller that compares
/// words by id can align without building tokens.
pub trait ArticleWord {
    /// Whether it is an ellipsis ([`Token::ellipsis`]).
    fn is_ellipsis(&self) -> bool;
    /// Whether it is a content word ([`Token::content`]).
    fn is_content(&self) -> bool;
}

impl ArticleWord for Token {
    fn is_ellipsis(&self) -> bool {
        self.ellipsis
    }
    fn is_content(&self) -> bool {
        self.content
    }
}

/// [`align`] of `article` with `m` recorded words, given which word pairs are the
/// same word (`pairs[i * m + j]`, never for an ellipsis), in the cells of `grid`
/// (kept between calls, so aligning allocates no grid). The same alignment as
/// [`align_given`] gives when a pair is the same word.
pub fn align_words<W: ArticleWord>(
    article: &[W],
    m: usize,
    pairs: &[bool],
    grid: &mut Grid,
) -> Option<Alignment> {
    grid.fill(article, pairs, m);
    let (best, bi, bj) = grid.best;
    if best == 0 {
        return None;
    }
    let (steps, start) = grid.trace_back(article, pairs, bi, bj);
    Some(summarise(article, steps, start..bj))
}

/// Smith-Waterman over words: `score[i * w + j]` is the best local alignment ending
/// at article word `i` and recorded word `j` (`w` = recorded words + 1), `from` the
/// step that reached it. An ellipsis in the article may consume any number of
/// recorded words for free. Its cells are kept from one alignment to the next.
#[derive(Debug, Default)]
pub struct Grid {
    score: Vec<i32>,
    /// 0 stop, 1 diagonal, 2 up (added), 3 left (dropped), 4 elided.
    from: Vec<u8>,
    w: usize,
    /// The best cell's score, row and column (the first best in row order).
    best: (i32, usize, usize),
}

impl Grid {
    /// Every cell, row by row.
    fn fill<W: ArticleWord>(&mut self, article: &[W], pairs: &[bool], m: usize) {
        let n = article.len();
        let w = m + 1;
        let (score, from) = (&mut self.score, &mut self.from);
        score.clear();
        score.resize((n + 1) * w, 0);
        from.clear();
        from.resize((n + 1) * w, 0);
        let mut best = (0, 0, 0);
        for i in 1..=n {
            let elided = article[i - 1].is_ellipsis();
            let row_pairs = &pairs[(i - 1) * m..i * m];
            let gap = if elided { 0 } else { GAP };
            let left_step = if elided { 4u8 } else { 3 };
            let (above, here) = score.split_at_mut(i * w);
            let above = &above[(i - 1) * w..];
            let here = &mut here[..w];
            let steps = &mut from[i * w..(i + 1) * w];
            let mut left = 0; // here[j - 1]
            for j in 1..=m {
                let diag = if elided {
                    i32::MIN / 2
                } else {
                    above[j - 1] + if row_pairs[j - 1] { MATCH } else { MISMATCH }
                };
                let up = above[j] + gap;
                // The first of diagonal, up and left that beats 0 and those before.
                let (mut v, mut k) = (0, 0u8);
                if diag > v {
                    (v, k) = (diag, 1);
                }
                if up > v {
                    (v, k) = (up, 2);
                }
                if left + gap > v {
                    (v, k) = (left + gap, left_step);
                }
                here[j] = v;
                steps[j] = k;
                left = v;
                if v > best.0 {
                    best = (v, i, j);
                }
            }
        }
        self.w = w;
        self.best = best;
    }

    /// The steps from the start of the article to its end, through the local
    /// alignment ending at cell (`i`, `j`), and the recorded word it starts at.
    fn trace_back<W: ArticleWord>(
        &self,
        article: &[W],
        pairs: &[bool],
        mut i: usize,
        mut j: usize,
    ) -> (Vec<Step>, usize) {
        let (w, m) = (self.w, self.w - 1);
        let last = i;
        let mut steps = Vec::new();
        while i > 0 && j > 0 && self.score[i * w + j] > 0 {
            match self.from[i * w + j] {
                1 => {
                    let s = if pairs[(i - 1) * m + j - 1] {
                        Step::Same(i - 1, j - 1)
                    } else {
                        Step::Changed(i - 1, j - 1)
                    };
                    steps.push(s);
                    i -= 1;
                    j -= 1;
                }
                2 => {
                    if !article[i - 1].is_ellipsis() {
                        steps.push(Step::Added(i - 1));
                    }
                    i -= 1;
                }
                3 => {
                    steps.push(Step::Dropped(j - 1));
                    j -= 1;
                }
                4 => {
                    steps.push(Step::Elided(j - 1));
                    j -= 1;
                }
                _ => break,
            }
        }
        // Article words outside the local alignment were added too.
        for k in (0..i).rev() {
            if !article[k].is_ellipsis() {
                steps.push(Step::Added(k));
            }
        }
        steps.reverse();
        for (k, t) in article.iter().enumerate().skip(last) {
            if !t.is_ellipsis() {
                steps.push(Step::Added(k));
            }
        }
        (steps, j)
    }
}

/// The alignment of `steps` over the `recorded` passage, with its similarity and
/// content counts.
fn summarise<W: ArticleWord>(
    article: &[W],
    steps: Vec<Step>,
    recorded: std::ops::Range<usize>,
) -> Alignment {
    let same_words = steps.iter().filter(|s| matches!(s, Step::Same(..))).count();
    let article_words = article.iter().filter(|t| !t.is_ellipsis()).count();
    let recorded_words = steps
        .iter()
        .filter(|s| matches!(s, Step::Same(..) | Step::Changed(..) | Step::Dropped(_)))
        .count();
    let similarity = 2.0 * same_words as f64 / (article_words + recorded_words).max(1) as f64;
    let article_content = article.iter().filter(|t| t.is_content()).count();
    let matched_content = steps
        .iter()
        .filter(|s| matches!(s, Step::Same(i, _) if article[*i].is_content()))
        .count();
    Alignment {
        steps,
        recorded,
        similarity,
        article_content,
        matched_content,
    }
}

/// Pronouns and function words carry no content of their own.
const FILLER: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "them", "my", "our", "your",
    "its", "their", "ours", "theirs", "do", "does", "did", "will", "would", "can", "could",
    "should", "must", "may", "might",
];

/// Whether a token is a content word: not an ellipsis, a stopword or a filler
/// word ([`Token::content`]).
pub fn is_content(t: &Token) -> bool {
    t.content
}

/// Whether a word (normalised) is a content word: neither a stopword nor filler.
pub fn is_content_word(norm: &str) -> bool {
    static FILLER_SET: std::sync::LazyLock<crate::words::FnvSet<&'static str>> =
        std::sync::LazyLock::new(|| FILLER.iter().copied().collect());
    !crate::words::is_stopword(norm) && !FILLER_SET.contains(norm)
}

/// Content words of a token list.
pub fn content_count(tokens: &[Token]) -> usize {
    tokens.iter().filter(|t| is_content(t)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(article: &str, recorded: &str) -> (f64, bool, String) {
        let a = align(&tokens(article), &tokens(recorded)).expect("aligns");
        let passage: Vec<String> = tokens(recorded)[a.recorded.clone()]
            .iter()
            .map(|t| t.text.clone())
            .collect();
        (
            (a.similarity * 100.0).round() / 100.0,
            a.verbatim(),
            passage.join(" "),
        )
    }

    const RECORDED: &str = "Our council keeps a steady course and fixed limits on cross-border fishing. That question is non-negotiable.";

    #[test]
    fn the_same_words_are_verbatim_whatever_the_punctuation() {
        let (s, verbatim, _) = sim(
            "“Our council keeps a steady course and fixed limits on cross‑border fishing. That question is non negotiable,”",
            RECORDED,
        );
        assert!(verbatim);
        assert_eq!(s, 1.0);
    }

    #[test]
    fn a_fragment_aligns_with_its_passage() {
        let (s, verbatim, passage) = sim("fixed limits on cross-border fishing", RECORDED);
        assert!(verbatim);
        assert_eq!(s, 1.0);
        assert_eq!(passage, "fixed limits on cross border fishing.");
        let recorded = tokens(RECORDED);
        let a = align(&tokens("fixed limits on cross-border fishing"), &recorded).unwrap();
        let words = &recorded[a.recorded.clone()];
        let span = words[0].span.start..words[words.len() - 1].span.end;
        assert_eq!(&RECORDED[span], "fixed limits on cross-border fishing.");
    }

    #[test]
    fn an_ellipsis_skips_words_without_drift() {
        let (_, verbatim, _) = sim(
            "Our council keeps a steady course ... That question is non-negotiable.",
            RECORDED,
        );
        assert!(verbatim);
    }

    #[test]
    fn reworded_quotes_drift() {
        let (s, verbatim, _) = sim(
            "Our council keeps a firm course and strict limits on fishing across the border. That matter is non-negotiable.",
            RECORDED,
        );
        assert!(!verbatim);
        assert!(s > 0.3 && s < 0.8, "{s}");
    }

    #[test]
    fn spelling_variants_are_the_same_word() {
        let (_, verbatim, _) = sim(
            "Moscow is ready to normalise relations",
            "Moscow is ready to normalize relations",
        );
        assert!(verbatim);
        let (_, verbatim, _) = sim("harmful and unrealistic", "helpful and unrealistic");
        assert!(!verbatim);
    }

    #[test]
    fn the_passage_widens_over_replaced_edge_words() {
        let recorded = tokens("harmful and unrealistic");
        let a = align(&tokens("counterproductive and unrealistic"), &recorded).unwrap();
        assert_eq!(a.recorded, 1..3);
        assert_eq!(a.widened(recorded.len()), 0..3);
    }

    #[test]
    fn the_cheap_bound_answers_as_the_edit_distance_does() {
        let words = [
            "normalise",
            "normalize",
            "harmful",
            "helpful",
            "relations",
            "relation",
            "occupation",
            "deoccupation",
            "negotiable",
            "nonnegotiable",
            "stance",
            "stances",
            "the",
            "then",
            "them",
            "tbilisi",
            "tiflis",
            "ab12",
            "ab13",
            "café",
            "cafe",
            "naïve",
            "naive",
            "größe",
            "grosse",
            "1234",
            "12345",
            "abcd",
            "abdc",
            "dcba",
            "aaaa",
            "aaab",
            "",
            "internationalisation",
            "internationalization",
            "counterrevolutionaries",
            "counterrevolutionary",
            "antidisestablishmentarianism",
            "antidisestablishmentarianisms",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    same_shaped(a, Shape::of(a), b, Shape::of(b), allowed_table()),
                    same(a, b),
                    "{a} / {b}"
                );
            }
        }
    }

    #[test]
    fn a_bound_on_shared_content_words_keeps_exactly_the_alignments_that_reach_it() {
        let recorded = tokens(RECORDED);
        for article in [
            "fixed limits on cross-border fishing",
            "Our council keeps a steady course",
            "we have it and they have it",
            "This matter is non-negotiable, they said",
            "the weather was fine",
            "steady ... negotiable",
        ] {
            let full = align(&tokens(article), &recorded);
            for content in 0..6 {
                let kept = full.clone().filter(|a| a.matched_content >= content);
                let bounded = align_sharing(&tokens(article), &recorded, content)
                    .filter(|a| a.matched_content >= content);
                assert_eq!(bounded, kept, "{article} / {content}");
            }
        }
    }

    /// What [`read_words`] reads, as (norm, ellipsis) pairs.
    fn read(text: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        read_words(text, &mut String::new(), |w, e| {
            out.push((w.to_string(), e))
        });
        out
    }

    /// The same from [`tokens`].
    fn tokenised(text: &str) -> Vec<(String, bool)> {
        tokens(text)
            .into_iter()
            .map(|t| (t.norm, t.ellipsis))
            .collect()
    }

    #[test]
    fn reading_words_gives_the_tokens_norms() {
        for text in [
            "Our council keeps a steady course... That question is non-negotiable.",
            "de‑occupation—and…then .. two dots, ....four, a...b…c, ..…",
            "Moscow's “ready” to normalise\u{a0}relations\u{85}now\u{b}here\u{1c}there",
            "İstanbul ÉTÉ Straße ǅemal 20% $4.5bn",
            "",
            "...",
            " … - — ",
        ] {
            assert_eq!(read(text), tokenised(text), "{text:?}");
        }
        let pool = [
            "a", "Z", "9", ".", ".", "…", " ", "-", "—", "‐", "'", "’", "é", "İ", "ß", "\u{a0}",
            "\u{b}", "\u{1c}", "\u{85}", "\u{3000}", "\t", "\n", ",", "x", "word", "ǅ",
        ];
        let mut state = crate::seeded::Seeded(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state.0 % 24) {
                text.push_str(pool[state.below(pool.len())]);
            }
            assert_eq!(read(&text), tokenised(&text), "{text:?}");
        }
    }

    #[test]
    fn unrelated_words_do_not_align() {
        assert!(
            align(&tokens("the weather was fine"), &tokens(RECORDED))
                .is_none_or(|a| a.similarity < 0.3)
        );
    }
}
