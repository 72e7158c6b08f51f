//! One block: find the quotation marks, tell them from apostrophes, and pair them.
//!
//! Every mark is classified once from its glyph and the characters on either side
//! (see the module documentation of [`super`] for the rules), then a single stack pass
//! pairs openers with closers. Both passes are linear in the block.

use super::super::Span;

/// Double (“ ” ") or single (‘ ’ ') quotation marks. Curly and straight marks of one
/// weight pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Double = 0,
    Single = 1,
}

/// What a mark may do, from its glyph and its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Opens a quotation.
    Open,
    /// Closes the innermost open double quotation.
    Close,
    /// A double mark whose direction the context does not tell: closes an open double
    /// quotation if there is one, else opens.
    Either,
    /// A single mark after a word: closes an open single quotation on top of the
    /// stack, else it is an apostrophe. `strong` when punctuation is next to it (`,’`
    /// `’.`) or the block ends; otherwise (a letter before, a space after) it may as
    /// well be a plural possessive (students’) or a dropped letter (goin’).
    SingleClose { strong: bool },
}

/// A quotation-mark candidate in a block.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    /// Byte offset in the prose.
    pub pos: usize,
    /// Length in bytes (1 for straight marks, 3 for curly ones).
    pub len: usize,
    pub weight: Weight,
    role: Role,
}

impl Mark {
    /// The byte offset just past the mark.
    pub fn end(&self) -> usize {
        self.pos + self.len
    }
}

/// The marks of one block and how they pair.
#[derive(Debug)]
pub(super) struct BlockScan {
    /// The block.
    pub span: Span,
    /// The mark candidates, in order (apostrophes are not marks).
    pub marks: Vec<Mark>,
    /// For an opening mark that was closed, the index of its closing mark.
    pub close_of: Vec<Option<usize>>,
    /// The index of the mark opening the block (first non-space character), if any.
    pub lead: Option<usize>,
    /// Per weight: the last opener left open at the end of the block after which no
    /// quotation of that weight was closed (a quotation that may go on in the next
    /// paragraph).
    candidates: [Option<usize>; 2],
}

impl BlockScan {
    /// The opener of weight `w` that may carry on into the next block.
    pub fn candidate(&self, w: Weight) -> Option<usize> {
        self.candidates[w as usize]
    }

    /// The weight of the mark opening the block.
    pub fn lead_weight(&self) -> Option<Weight> {
        self.lead.map(|l| self.marks[l].weight)
    }
}

/// The character class of a mark's neighbour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Whitespace, or the edge of the block.
    Space,
    Alnum,
    /// ( [ {
    OpenBracket,
    /// Dashes, hyphen, slash.
    Dash,
    /// Another quotation mark.
    Quote,
    /// . , ; : ! ? … ) ] }
    Close,
    Other,
}

fn ctx(c: Option<char>) -> Ctx {
    match c {
        None => Ctx::Space,
        Some(c) if c.is_whitespace() => Ctx::Space,
        Some(c) if c.is_alphanumeric() => Ctx::Alnum,
        Some('(' | '[' | '{') => Ctx::OpenBracket,
        Some('—' | '–' | '―' | '-' | '/') => Ctx::Dash,
        Some('"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„') => Ctx::Quote,
        Some('.' | ',' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '}') => Ctx::Close,
        Some(_) => Ctx::Other,
    }
}

/// Words written with a leading apostrophe: 'em, rock 'n' roll, 'til, 'tis, 'twas,
/// 'cause, 'cos, 'bout, 'nuff.
const ELISIONS: &[&str] = &[
    "em", "n", "til", "tis", "twas", "cause", "cos", "bout", "nuff",
];

/// The length of an elided word right after a leading apostrophe ("em" in 'em).
fn elision_len(after: &str) -> Option<usize> {
    let n = after
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .take(6)
        .count();
    if n == 0 || n > 5 || after[n..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let word = &after[..n];
    ELISIONS
        .iter()
        .any(|e| e.eq_ignore_ascii_case(word))
        .then_some(n)
}

/// A decade or year with its century left out: '90s, ’05, '98.
fn elided_year(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b.get(2)
            .is_none_or(|&c| c == b's' || !c.is_ascii_alphanumeric())
}

/// The role of a mark at byte `i` of `text`, or `None` for an apostrophe or a mark
/// that can do nothing. May set `skip_to` to pass over the second mark of 'n'.
fn classify(text: &str, i: usize, c: char, len: usize, skip_to: &mut usize) -> Option<Role> {
    let prev = text[..i].chars().next_back();
    let next = text[i + len..].chars().next();
    let (p, n) = (ctx(prev), ctx(next));
    match c {
        '“' => Some(
            if matches!(p, Ctx::Alnum | Ctx::Close) && matches!(n, Ctx::Space | Ctx::Close) {
                // “We won.“ he said — an opening glyph used as a closing mark.
                Role::Either
            } else {
                Role::Open
            },
        ),
        '”' => Some(
            if matches!(p, Ctx::Space | Ctx::OpenBracket | Ctx::Dash) && n == Ctx::Alnum {
                // ”We won” — a closing glyph used as an opening mark.
                Role::Either
            } else {
                Role::Close
            },
        ),
        '"' => {
            let open_flank = matches!(p, Ctx::Space | Ctx::OpenBracket | Ctx::Dash | Ctx::Quote)
                && next.is_some_and(|c| !c.is_whitespace());
            let close_flank = prev.is_some_and(|c| !c.is_whitespace())
                && matches!(n, Ctx::Space | Ctx::Close | Ctx::Dash | Ctx::Quote);
            Some(match (open_flank, close_flank) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            })
        }
        _ => single(text, i, c, len, prev, next, skip_to),
    }
}

/// The role of a single mark (‘ ’ '); `None` for an apostrophe.
fn single(
    text: &str,
    i: usize,
    c: char,
    len: usize,
    prev: Option<char>,
    next: Option<char>,
    skip_to: &mut usize,
) -> Option<Role> {
    let (p, n) = (ctx(prev), ctx(next));
    if p == Ctx::Alnum && n == Ctx::Alnum {
        return None; // won't, Russia’s, o'clock, 5'11
    }
    let after = &text[i + len..];
    // After a dash or another mark the next character decides: —’ and ”’ followed by
    // a space close, —'Tis and "'em open.
    let opening_position = matches!(p, Ctx::Space | Ctx::OpenBracket)
        || (matches!(p, Ctx::Dash | Ctx::Quote)
            && !matches!(n, Ctx::Space | Ctx::Close | Ctx::Quote));
    if opening_position || c == '‘' {
        if elided_year(after) {
            return None; // the '90s
        }
        if let Some(k) = elision_len(after) {
            if k == 1 {
                // rock 'n' roll: the mark after the n is an apostrophe too.
                let rest = &after[1..];
                if let Some(m) = rest.chars().next().filter(|&m| m == '\'' || m == '’') {
                    *skip_to = i + len + 1 + m.len_utf8();
                }
            }
            return None;
        }
    }
    if c == '‘' {
        // An opening glyph opens unless it is glued to a word before it or stands
        // alone between spaces.
        return (p != Ctx::Alnum && n != Ctx::Space).then_some(Role::Open);
    }
    if opening_position {
        // A ’ in opening position is a leading apostrophe (’em, ’90s, an elision we do
        // not list); a straight ' opens unless a space follows.
        return (c == '\'' && n != Ctx::Space).then_some(Role::Open);
    }
    if n == Ctx::Alnum {
        return None; // U.S.’s
    }
    let strong = p != Ctx::Alnum
        || matches!(n, Ctx::Close | Ctx::Quote | Ctx::Dash)
        || after.trim_start().is_empty();
    Some(Role::SingleClose { strong })
}

/// The mark at byte `i` of `bytes`, as (character, length), if there is one. Two
/// apostrophes (`''`, New York Times copy) or two right single marks (`’’`) are one
/// straight double mark; in three apostrophes the double mark is the two next to the
/// space (`''' ` closes a single then a double quotation, ` '''` opens both).
fn mark_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let apostrophes = |at: usize| bytes.get(at) == Some(&b'\'');
    let right_single = |at: usize| bytes.get(at..at + 3) == Some(&[0xE2, 0x80, 0x99][..]);
    match bytes[i] {
        b'"' => Some(('"', 1)),
        b'\'' if apostrophes(i + 1) => {
            let opening_side = i == 0 || bytes[i - 1].is_ascii_whitespace();
            if apostrophes(i + 2) && !opening_side {
                Some(('\'', 1))
            } else {
                Some(('"', 2))
            }
        }
        0xE2 if right_single(i) && right_single(i + 3) => Some(('"', 6)),
        b'\'' => Some(('\'', 1)),
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
            Some(0x98) => Some(('‘', 3)),
            Some(0x99) => Some(('’', 3)),
            Some(0x9C) => Some(('“', 3)),
            Some(0x9D) => Some(('”', 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The first byte at or after `i` that can start a mark (`"`, `'`, or 0xE2, the
/// lead byte of the curly marks), or `bytes.len()`: eight bytes at a time, each
/// tested for the three values by the zero-byte trick (a lane is zero after the
/// xor exactly when the byte is that value).
fn next_mark_byte(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_lane = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let hit = zero_lane(x ^ (ONES * u64::from(b'"')))
            | zero_lane(x ^ (ONES * u64::from(b'\'')))
            | zero_lane(x ^ (ONES * 0xE2));
        if hit != 0 {
            // The lowest flagged lane is exact (a borrow only runs upwards).
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'"' | b'\'' | 0xE2) {
        i += 1;
    }
    i
}

/// Finds and pairs the marks of the block `span` of `prose` (a valid, non-empty range
/// on character boundaries).
pub(super) fn scan(prose: &str, span: Span) -> BlockScan {
    let text = &prose[span.clone()];
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    let mut skip_to = 0;
    let mut i = 0;
    while i < bytes.len() {
        i = next_mark_byte(bytes, i);
        if i >= bytes.len() {
            break;
        }
        let Some((c, len)) = mark_at(bytes, i) else {
            i += 1;
            continue;
        };
        if i >= skip_to
            && let Some(role) = classify(text, i, c, len, &mut skip_to)
        {
            let weight = if matches!(c, '"' | '“' | '”') {
                Weight::Double
            } else {
                Weight::Single
            };
            marks.push(Mark {
                pos: span.start + i,
                len,
                weight,
                role,
            });
        }
        i += len;
    }
    let (close_of, candidates) = pair(&marks);
    let first = span.start + (text.len() - text.trim_start().len());
    let lead = marks
        .first()
        .filter(|m| m.pos == first && matches!(m.role, Role::Open | Role::Either))
        .map(|_| 0);
    BlockScan {
        span,
        marks,
        close_of,
        lead,
        candidates,
    }
}

/// Pairs the marks with a stack: returns, per mark, the index of its closing mark,
/// and per weight the opener that may carry on into the next block.
fn pair(marks: &[Mark]) -> (Vec<Option<usize>>, [Option<usize>; 2]) {
    // A weak closing mark (workers’ rights) is an apostrophe when the marks after it
    // lead, through other weak ones, to a strong closing mark: ‘The workers’ rights,
    // the farmers’ land,’ — else it closes: the ‘foreign agents’ law.
    let mut ends_in_strong = vec![false; marks.len()];
    for i in (0..marks.len().saturating_sub(1)).rev() {
        if matches!(marks[i].role, Role::SingleClose { .. }) {
            ends_in_strong[i] = match marks[i + 1].role {
                Role::SingleClose { strong: true, .. } => true,
                Role::SingleClose { strong: false } => ends_in_strong[i + 1],
                _ => false,
            };
        }
    }
    let mut close_of = vec![None; marks.len()];
    let mut stack: Vec<usize> = Vec::new();
    // Positions in `stack` of the double openers, innermost last.
    let mut doubles: Vec<usize> = Vec::new();
    let mut last_pair_open: [Option<usize>; 2] = [None, None];

    let mut close = |stack: &mut Vec<usize>, doubles: &mut Vec<usize>, at: usize, i: usize| {
        while stack.len() > at {
            if let Some(o) = stack.pop() {
                if marks[o].weight == Weight::Double {
                    doubles.pop();
                }
                if stack.len() == at {
                    close_of[o] = Some(i);
                    let w = marks[o].weight as usize;
                    last_pair_open[w] = Some(last_pair_open[w].map_or(o, |l| l.max(o)));
                }
            }
        }
    };
    for (i, m) in marks.iter().enumerate() {
        match m.role {
            Role::Open => {
                if m.weight == Weight::Double {
                    doubles.push(stack.len());
                }
                stack.push(i);
            }
            Role::Close => {
                if let Some(&at) = doubles.last() {
                    close(&mut stack, &mut doubles, at, i);
                }
            }
            Role::Either => match doubles.last() {
                Some(&at) => close(&mut stack, &mut doubles, at, i),
                None => {
                    doubles.push(stack.len());
                    stack.push(i);
                }
            },
            Role::SingleClose { strong } => {
                let top_is_single = stack
                    .last()
                    .is_some_and(|&o| marks[o].weight == Weight::Single);
                if top_is_single && (strong || !ends_in_strong[i]) {
                    let at = stack.len() - 1;
                    close(&mut stack, &mut doubles, at, i);
                }
            }
        }
    }
    let mut candidates = [None, None];
    for w in [Weight::Double, Weight::Single] {
        let top = stack.iter().rev().find(|&&o| marks[o].weight == w).copied();
        candidates[w as usize] = top.filter(|&o| last_pair_open[w as usize].is_none_or(|l| l < o));
    }
    (close_of, candidates)
}

#[cfg(test)]
mod tests {
    use super::next_mark_byte;

    #[test]
    fn the_word_at_a_time_skip_stops_where_the_byte_search_stops() {
        let pool: &[u8] = &[
            b'a', b' ', b'"', b'\'', 0xE2, 0x80, 0x9C, 0xE1, 0xE3, 0x21, 0x23, 0x26, 0x28, 0xA2,
            0x62,
        ];
        let mut seed = crate::seeded::Seeded(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5000 {
            let state = seed.draw();
            let len = (state % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|k| pool[((state >> (k % 48)) as usize + k * 7) % pool.len()])
                .collect();
            for from in 0..=len {
                let slow = (from..len)
                    .find(|&i| matches!(bytes[i], b'"' | b'\'' | 0xE2))
                    .unwrap_or(len);
                assert_eq!(next_mark_byte(&bytes, from), slow, "{bytes:?} from {from}");
            }
        }
    }
}
