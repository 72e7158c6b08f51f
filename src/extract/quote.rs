//! Direct quotations in prose: “...”, "...", ‘...’ and '...', with the words between
//! the marks and what kind of quotation each is.
//!
//! [`quotations`] finds every top-level quotation in the prose blocks of a document.
//! It only finds quotations; matching them with recorded quotes and attributing them
//! to speakers happens later. Text outside the blocks is ignored. It never panics and
//! runs in time linear in the text.
//!
//! # Marks
//!
//! * **Two apostrophes** `''` (and `’’`), the double mark of New York Times copy, are
//!   one straight double mark: `''We've come close,'' said Mr. Gunnels`, also with a
//!   space before the closing mark. In `'''` the double mark is the pair next to the
//!   space.
//! * **Double marks** “ ” and " and **single marks** ‘ ’ and ' pair within their
//!   weight; curly and straight marks of one weight pair with each other. Marks of
//!   the other weight inside a quotation (‘...’ inside “...”, or “...” inside ‘...’ in
//!   British style) are part of it and are not reported on their own. A single-quoted
//!   quotation outside any double one is reported like a double-quoted one.
//! * **Direction** comes from the glyph, checked against the neighbours: a “ glued to
//!   the word before it with a space after it (`won.“ he said`) may close, and a ”
//!   after a space and glued to the next word (`”We`) may open. A straight " opens when
//!   a space, bracket, dash or mark is before it and a non-space after it, closes in
//!   the mirror case, and otherwise (`word"word`, or spaces on both sides where
//!   Markdown emphasis was blanked) closes an open double quotation or else opens one.
//!   So in a block with an odd number of straight marks the best left-to-right pairing
//!   is kept and the mark left over is ignored.
//! * **Pairing** uses a stack: a closing double mark closes the innermost open double
//!   quotation (openers left open inside it are dropped); a closing single mark only
//!   closes a single quotation that is innermost. Closing marks with nothing to close
//!   are ignored.
//!
//! # Apostrophes
//!
//! A single mark (’ or ' and, where a keyboard or autocorrect put it, ‘) is an
//! apostrophe, never a quotation mark, when:
//!
//! * it stands between two letters or digits: won't, Russia’s, o'clock, 5'11;
//! * it opens a decade or year: the '90s, ’05 (two digits then `s` or a non-letter);
//! * it opens an elided word: 'em, rock 'n' roll (both marks), 'til, 'tis, 'twas,
//!   'cause, 'cos, 'bout, 'nuff;
//! * it is a ’ with a space or bracket before it and a word after it (’em, ’round:
//!   the glyph that closes cannot open);
//! * it follows a word (or punctuation) and no single quotation is open innermost at
//!   that point: students' union, the Joneses’ house, goin’ home;
//! * it follows a letter and a space follows it — a **plural possessive**, a dropped
//!   letter or a closing mark: "the workers’ rights", "goin’ home", "the ‘foreign
//!   agents’ law" — a single quotation is open, and the marks after it lead, through
//!   more such marks, to a closing single mark with punctuation next to it (`,’`
//!   `’.`) or at the end of the block: then it is an apostrophe inside the quotation
//!   (‘The workers’ rights, the farmers’ land,’). If they do not (the next mark
//!   opens, is a double mark, or there is none) it closes the quotation: a ‘foreign
//!   agents’ law. A single mark with punctuation before it or after it (`,’` `’.`)
//!   closes an open single quotation.
//!
//! # Quotations over several paragraphs
//!
//! By convention a quotation running over paragraphs repeats the opening mark at the
//! start of each paragraph and closes only at the end of the last. When a block ends
//! with an opener left open (the last one of its weight, with no quotation of that
//! weight closed after it) and the next block starts with an opener of the same
//! weight, they are joined: one [`Quotation`] with one part per paragraph, from the
//! first opening mark to the closing mark in the last paragraph. A chain that never
//! closes (the next block does not start with a mark, or the text ends) is not a
//! quotation; the quotations nested in it are then reported on their own.
//!
//! # Parts
//!
//! Each part is the text between the marks (to the end of the paragraph for all but
//! the last part of a multi-paragraph quotation), with spaces trimmed. In the last
//! part a trailing comma or full stop is dropped (`non-negotiable,”`), but not an
//! ellipsis, `?` or `!`. Empty parts are left out, and a quotation with no letter or
//! digit in it is not reported.
//!
//! # Kinds
//!
//! The text before the opening mark in its block puts a quotation at one of three
//! **positions**: *start* (the start of the block or after sentence punctuation),
//! *intro* (after a colon, a reporting verb — "said", "added", "wrote" … — or a verb
//! and its object — "told reporters"), or *inline* (anywhere else). Then, in order:
//!
//! 1. **Full** if it runs over several paragraphs or holds more than one sentence
//!    (sentence punctuation, spaces, a capital or opening mark; abbreviations such as
//!    "Mr." and "U.S." and initials do not end sentences);
//! 2. **Full** at *start* if it begins with a capital and ends with sentence
//!    punctuation inside the marks or has five words or more, or if a reporting
//!    clause follows it (a comma inside or after the closing mark then a word:
//!    `“Never,” he said`; or `?`, `!` or a dash inside then a lowercase word:
//!    `“Why?” she asked`);
//! 3. **Full** at *intro* if it begins with a capital or ends with sentence
//!    punctuation (`she said: “No.”`, `he added, “and we will.”`);
//! 4. **Full** *inline* if it begins with a capital and has five words or more, or four
//!    words or more and ends with sentence punctuation;
//! 5. **Scare** if it is not at *intro*, has no sentence punctuation inside (a comma or
//!    full stop right before the closing mark does not count) and has one or two
//!    words, or three words that are either preceded by a label cue (a determiner,
//!    a possessive such as "its" or "the group’s", "so-called", "dubbed", "branded",
//!    "labelled", "termed") or hold no function word (`a “global war party”`, `its
//!    “foreign influence” law`, `“Harbour First” won`);
//! 6. **Fragment** otherwise: words quoted inside the writer's sentence (`calling the
//!    plan “harmful and unrealistic.”`).
//!
//! Words count when they hold a letter or digit; a quotation "begins with a capital"
//! when its first letter or digit is not lowercase.
//!
//! # Left out
//!
//! Guillemets (« »), low-9 marks („ ‚), primes (″ ′) and LaTeX-style quotes (two
//! backticks); a single quotation that starts with an elided word or
//! a two-digit number ('Tis the season', '90 percent') is lost; a possessive or
//! dropped letter before the real closing mark is taken for the closing mark when no
//! punctuation marks the real one (‘the teachers’ pay’ reads "the teachers"); a
//! straight " after a digit inside a curly quotation (an inch mark) closes it;
//! quotations in text outside the blocks (code, alt text).

#![warn(missing_docs)]

mod kind;
mod scan;
#[cfg(test)]
mod tests;

use super::Span;
use scan::{BlockScan, Weight};

/// A quotation found in text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included (for a quote running
    /// over several paragraphs: from the first opening mark to the last closing mark).
    pub span: Span,
    /// The quoted words: each paragraph's part between the marks, in order (one part
    /// for a quote in one paragraph). Leading/trailing spaces trimmed; the trailing
    /// comma or full stop inside the closing mark ("...non-negotiable,”) excluded.
    pub parts: Vec<Span>,
    /// Full (a sentence or more of speech), Fragment (words quoted inside the writer's
    /// own sentence: calling that position “harmful and unrealistic”), or Scare (one
    /// to three words set off as a label: the so-called "foreign influence" law, a
    /// "global war party").
    pub kind: QuoteKind,
}

/// What kind of quotation a [`Quotation`] is (see the module documentation for the
/// rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A sentence or more of speech: `“We will not back down,” she said.`
    Full,
    /// Words quoted inside the writer's own sentence: `calling that position “harmful
    /// and unrealistic.”`
    Fragment,
    /// One to three words set off as a label: `its “foreign influence” law`.
    Scare,
}

impl Quotation {
    /// The quoted words: the parts joined with a space, every run of whitespace
    /// (line breaks, blanked markup) collapsed to one space.
    pub fn text(&self, prose: &str) -> String {
        let mut out = String::new();
        for part in &self.parts {
            for word in prose.get(part.clone()).unwrap_or("").split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
        out
    }
}

/// Every quotation in `prose`, in order. `blocks` are the prose blocks (paragraphs,
/// list items, headings) in order.
///
/// Quotations do not overlap and are sorted by position; a quotation nested in
/// another is part of it and not reported. Blocks out of range, overlapping an
/// earlier block or not on character boundaries are clamped, never a panic.
pub fn quotations(prose: &str, blocks: &[Span]) -> Vec<Quotation> {
    let scans: Vec<BlockScan> = paragraphs(prose, blocks)
        .into_iter()
        .map(|span| scan::scan(prose, span))
        .collect();
    let mut out = Vec::new();
    let mut chain: Option<Chain> = None;
    for (b, sc) in scans.iter().enumerate() {
        let next_lead = scans.get(b + 1).and_then(BlockScan::lead_weight);
        let mut from = 0;
        if let Some(mut ch) = chain.take() {
            let lead = sc.lead.filter(|&l| sc.marks[l].weight == ch.weight);
            match lead.map(|l| (l, sc.close_of[l])) {
                Some((l, Some(c))) => {
                    // The last paragraph: the quotation closes here.
                    let (open, close) = (&sc.marks[l], &sc.marks[c]);
                    let part = closing_part(prose, open.end()..close.pos);
                    ch.parts.extend(part);
                    push_chain(prose, ch, close.end(), &mut out);
                    from = c + 1;
                }
                Some((l, None))
                    if sc.candidate(ch.weight) == Some(l) && next_lead == Some(ch.weight) =>
                {
                    // A middle paragraph: goes on in the next one.
                    ch.parts
                        .extend(trimmed(prose, sc.marks[l].end()..sc.span.end));
                    ch.swallowed.push((b, l + 1));
                    chain = Some(ch);
                    continue;
                }
                _ => ch.abandon(prose, &scans, &mut out),
            }
        }
        let candidate = next_lead
            .and_then(|w| sc.candidate(w))
            .filter(|&c| c >= from);
        push_pairs(
            prose,
            sc,
            from,
            candidate.unwrap_or(sc.marks.len()),
            &mut out,
        );
        if let Some(c) = candidate {
            let open = &sc.marks[c];
            chain = Some(Chain {
                weight: open.weight,
                start: open.pos,
                parts: trimmed(prose, open.end()..sc.span.end)
                    .into_iter()
                    .collect(),
                swallowed: vec![(b, c + 1)],
            });
        }
    }
    if let Some(ch) = chain {
        ch.abandon(prose, &scans, &mut out);
    }
    out
}

/// A quotation running over paragraphs, not closed yet.
struct Chain {
    weight: Weight,
    /// The first opening mark.
    start: usize,
    parts: Vec<Span>,
    /// (block index, first mark index) of the marks inside the chain, per block.
    swallowed: Vec<(usize, usize)>,
}

impl Chain {
    /// The chain never closed: report the quotations inside it on their own.
    fn abandon(self, prose: &str, scans: &[BlockScan], out: &mut Vec<Quotation>) {
        for (b, from) in self.swallowed {
            let sc = &scans[b];
            push_pairs(prose, sc, from, sc.marks.len(), out);
        }
    }
}

/// Pushes the closed chain, ending at `end`, if it has words.
fn push_chain(prose: &str, ch: Chain, end: usize, out: &mut Vec<Quotation>) {
    if has_word(prose, &ch.parts) {
        out.push(Quotation {
            span: ch.start..end,
            parts: ch.parts,
            kind: QuoteKind::Full,
        });
    }
}

/// Pushes the outermost quotations opened by marks `from..to` of a block.
fn push_pairs(prose: &str, sc: &BlockScan, from: usize, to: usize, out: &mut Vec<Quotation>) {
    let mut i = from;
    while i < to {
        match sc.close_of[i] {
            Some(c) => {
                let (open, close) = (&sc.marks[i], &sc.marks[c]);
                if let Some(inner) = trimmed(prose, open.end()..close.pos)
                    && let Some(part) = closing_part(prose, inner.clone())
                    && has_word(prose, std::slice::from_ref(&part))
                {
                    let kind =
                        kind::classify(prose, &sc.span, open.pos, close.end(), &prose[inner]);
                    out.push(Quotation {
                        span: open.pos..close.end(),
                        parts: vec![part],
                        kind,
                    });
                }
                i = c + 1;
            }
            None => i += 1,
        }
    }
}

/// `span` without leading and trailing whitespace; `None` when nothing is left.
fn trimmed(prose: &str, span: Span) -> Option<Span> {
    let s = &prose[span.clone()];
    let t = s.trim_start();
    let start = span.start + (s.len() - t.len());
    let end = start + t.trim_end().len();
    (start < end).then_some(start..end)
}

/// The last part of a quotation: trimmed, without the comma or full stop before the
/// closing mark (an ellipsis stays).
fn closing_part(prose: &str, span: Span) -> Option<Span> {
    let span = trimmed(prose, span)?;
    let s = &prose[span.clone()];
    let cut = s.ends_with(',') || (s.ends_with('.') && !s.ends_with(".."));
    if cut {
        trimmed(prose, span.start..span.end - 1)
    } else {
        Some(span)
    }
}

/// Whether the parts hold a letter or a digit.
fn has_word(prose: &str, parts: &[Span]) -> bool {
    parts
        .iter()
        .any(|p| prose[p.clone()].chars().any(char::is_alphanumeric))
}

/// A line longer than this is a paragraph of its own, not a hard-wrapped line.
const LONG_LINE: usize = 120;

/// The paragraphs of the blocks, as quotations see them: each block clamped to the
/// text, and split at its line breaks when it holds a line longer than
/// [`LONG_LINE`] bytes (plain text that breaks paragraphs with a single newline; a
/// hard-wrapped paragraph has no such line).
pub fn paragraphs(prose: &str, blocks: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for b in clean_blocks(prose, blocks) {
        let text = &prose[b.clone()];
        let long = text.split('\n').rev().skip(1).any(|l| l.len() > LONG_LINE);
        if !long {
            out.push(b);
            continue;
        }
        let mut at = b.start;
        for line in text.split_inclusive('\n') {
            let span = at..at + line.trim_end().len();
            at += line.len();
            if !prose[span.clone()].trim().is_empty() {
                out.push(span);
            }
        }
    }
    out
}

/// The blocks clamped to the text and to character boundaries, in order and without
/// overlap; empty ones dropped.
fn clean_blocks<'a>(prose: &'a str, blocks: &'a [Span]) -> impl Iterator<Item = Span> + 'a {
    let mut done = 0;
    blocks.iter().filter_map(move |b| {
        let mut start = b.start.max(done);
        let mut end = b.end.min(prose.len());
        while start < end && !prose.is_char_boundary(start) {
            start += 1;
        }
        while end > start && !prose.is_char_boundary(end) {
            end -= 1;
        }
        if start >= end {
            return None;
        }
        done = end;
        Some(start..end)
    })
}
