//! Tokeniser for the figure extractor.
//!
//! Splits prose into words (runs of alphabetic characters), digit runs (ASCII digits)
//! and single symbols; whitespace is dropped but remembered through the tokens'
//! byte offsets, so "glued" (no space between two tokens) is a cheap check. URLs,
//! e-mail addresses and handles are replaced by a [`Kind::Break`] token, and so is a
//! blank line (a paragraph break): nothing attaches across a break.
//!
//! Every word is looked up once in the lexicon ([`super::lexicon`]), on a hash
//! worked out as the word is read; its lowercase form is the text itself when
//! the word is written in lowercase ASCII, else kept in one shared buffer.

use super::lexicon::{self, Entry};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of alphabetic characters.
    Word,
    /// A run of ASCII digits.
    Digits,
    /// Any other single non-space character.
    Sym(char),
    /// A paragraph break or a skipped chunk (URL, e-mail): nothing attaches across it.
    Break,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub kind: Kind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The word's lowercase form, as a range into [`Lexed::lower`] (words only),
    /// or `(BORROWED, 0)` when the word as written is its lowercase form.
    lo: (u32, u32),
    /// The word's lexicon entry (words only).
    pub entry: &'static Entry,
}

/// A tokenised text.
pub(super) struct Lexed<'a> {
    /// The text the offsets point into.
    pub text: &'a str,
    /// The tokens, in text order.
    pub toks: Vec<Tok>,
    lower: String,
    /// Per token, where the digit chain it ends starts (see [`Lexed::chain_head`]),
    /// worked out on first use.
    heads: std::cell::OnceCell<Vec<usize>>,
}

/// Is `c` a separator that may stand inside a number written with space grouping?
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// [`Tok::lo`]'s first half for a word written in lowercase ASCII: its
/// lowercase form is the text itself, between the token's offsets.
const BORROWED: u32 = u32::MAX;

impl<'a> Lexed<'a> {
    /// Tokenises `text`: whitespace runs (a run holding two newlines is a
    /// paragraph break), then the chunk up to the next whitespace, as words,
    /// digit runs and symbols, or as one break when it is a URL or an address.
    /// ASCII is read by the byte, in one pass per chunk; other characters are
    /// decoded.
    pub fn new(text: &'a str) -> Self {
        let mut lx = Lexed {
            text,
            toks: Vec::with_capacity(text.len() / 3 + 4),
            lower: String::new(),
            heads: std::cell::OnceCell::new(),
        };
        let len = text.len();
        let mut pos = 0;
        while pos < len {
            let ws_start = pos;
            let (after, newlines) = skip_whitespace(text, pos);
            pos = after;
            if newlines >= 2 && !lx.toks.is_empty() {
                lx.push_break(ws_start, pos);
            }
            if pos >= len {
                break;
            }
            pos = lx.chunk(pos);
        }
        lx
    }

    fn push_break(&mut self, start: usize, end: usize) {
        if let Some(last) = self.toks.last()
            && last.kind == Kind::Break
        {
            return;
        }
        self.push(Kind::Break, start, end);
    }

    /// Pushes a token that is no word.
    #[inline(always)]
    fn push(&mut self, kind: Kind, start: usize, end: usize) {
        self.toks.push(Tok {
            kind,
            start,
            end,
            lo: (0, 0),
            entry: lexicon::empty(),
        });
    }

    /// Tokenises the chunk at `start` (the run up to the next whitespace) and
    /// returns where it ends. A chunk that is a URL or an address (only one
    /// holding a ':' or an '@' or starting with a 'w' can be: see
    /// [`is_skipped_chunk`]) has its tokens replaced by one break.
    fn chunk(&mut self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let (toks_before, lower_before) = (self.toks.len(), self.lower.len());
        let mut may_skip = matches!(bytes[start], b'w' | b'W');
        let mut pos = start;
        while pos < bytes.len() {
            let b = bytes[pos];
            let s = pos;
            if b.is_ascii_alphabetic() {
                pos = self.word(s);
            } else if b.is_ascii_digit() {
                pos += 1;
                while pos < bytes.len() && bytes[pos].is_ascii_digit() {
                    pos += 1;
                }
                self.push(Kind::Digits, s, pos);
            } else if b.is_ascii() {
                if ascii_space(b) {
                    break;
                }
                may_skip |= matches!(b, b':' | b'@');
                pos += 1;
                self.push(Kind::Sym(char::from(b)), s, pos);
            } else {
                let c = next_char(text, pos);
                if c.is_whitespace() {
                    break;
                }
                if c.is_alphabetic() {
                    pos = self.word(s);
                } else {
                    pos += c.len_utf8();
                    self.push(Kind::Sym(c), s, pos);
                }
            }
        }
        if may_skip && is_skipped_chunk(&text[start..pos]) {
            self.toks.truncate(toks_before);
            self.lower.truncate(lower_before);
            self.push_break(start, pos);
        }
        pos
    }

    /// Pushes the word starting at `s` (a run of alphabetic characters) with its
    /// lowercase form and lexicon entry; returns where it ends. An ASCII word is
    /// lowercased and hashed in one pass, and not copied at all when it is
    /// written in lowercase; a word holding other letters is read by
    /// [`Lexed::push_lower_word`].
    fn word(&mut self, s: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut pos = s;
        let mut h = lexicon::HASH_START;
        let mut upper = false;
        while pos < bytes.len() {
            let b = bytes[pos];
            if b.is_ascii_lowercase() {
                h = lexicon::hash_step(h, b);
            } else if b.is_ascii_uppercase() {
                upper = true;
                h = lexicon::hash_step(h, b | 0x20);
            } else {
                break;
            }
            pos += 1;
        }
        let other_letter =
            pos < bytes.len() && !bytes[pos].is_ascii() && next_char(text, pos).is_alphabetic();
        let lo = if other_letter {
            let lo_start = self.lower.len();
            pos = self.push_lower_word(s, bytes.len());
            h = lexicon::hash_of(&self.lower.as_bytes()[lo_start..]);
            (lo_start as u32, self.lower.len() as u32)
        } else if upper {
            let n = self.lower.len();
            self.lower.push_str(&text[s..pos]);
            self.lower[n..].make_ascii_lowercase();
            (n as u32, self.lower.len() as u32)
        } else {
            (BORROWED, 0)
        };
        let lower = if lo.0 == BORROWED {
            &text[s..pos]
        } else {
            &self.lower[lo.0 as usize..lo.1 as usize]
        };
        let entry = lexicon::lookup_hashed(lower, h);
        self.toks.push(Tok {
            kind: Kind::Word,
            start: s,
            end: pos,
            lo,
            entry,
        });
        pos
    }

    /// Appends the lowercase form of the word starting at `pos` (a run of
    /// alphabetic characters, before `end`) to the shared buffer; returns where
    /// the word ends. Runs of ASCII letters are copied at once.
    fn push_lower_word(&mut self, mut pos: usize, end: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        while pos < end {
            let run = pos;
            while pos < end && bytes[pos].is_ascii_alphabetic() {
                pos += 1;
            }
            if pos > run {
                let n = self.lower.len();
                self.lower.push_str(&text[run..pos]);
                self.lower[n..].make_ascii_lowercase();
            }
            if pos >= end || bytes[pos].is_ascii() {
                break;
            }
            let c = next_char(text, pos);
            if !c.is_alphabetic() {
                break;
            }
            self.lower.extend(c.to_lowercase());
            pos += c.len_utf8();
        }
        pos
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token's kind, or `Break` past the end.
    pub fn kind(&self, i: usize) -> Kind {
        self.toks.get(i).map_or(Kind::Break, |t| t.kind)
    }

    /// The token's text as written.
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The lowercase form of word `i` ("" for other tokens).
    pub fn lower(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => {
                if t.lo.0 == BORROWED {
                    &self.text[t.start..t.end]
                } else {
                    &self.lower[t.lo.0 as usize..t.lo.1 as usize]
                }
            }
            _ => "",
        }
    }

    /// The lexicon entry of token `i` (the empty entry for non-words).
    pub fn entry(&self, i: usize) -> &'static Entry {
        self.toks.get(i).map_or(lexicon::empty(), |t| t.entry)
    }

    /// Is token `i` the word `w` (lowercase)?
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.lower(i) == w
    }

    /// Is token `i` a word?
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Kind::Word
    }

    /// Is token `i` a digit run?
    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Kind::Digits
    }

    /// Is token `i` the symbol `c`?
    pub fn is_sym(&self, i: usize, c: char) -> bool {
        self.kind(i) == Kind::Sym(c)
    }

    /// Is token `i` a hyphen or dash used as a joiner ("-", "‐", "‑")?
    pub fn is_hyphen(&self, i: usize) -> bool {
        matches!(self.kind(i), Kind::Sym('-' | '\u{2010}' | '\u{2011}'))
    }

    /// Does token `i` start right where token `i - 1` ends (no space between)?
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    /// Is the gap before token `i` exactly one grouping space (" ", NBSP, narrow NBSP)?
    pub fn single_space_before(&self, i: usize) -> Option<char> {
        if i == 0 || i >= self.toks.len() {
            return None;
        }
        let gap = &self.text[self.toks[i - 1].end..self.toks[i].start];
        let mut it = gap.chars();
        match (it.next(), it.next()) {
            (Some(c), None) if is_group_space(c) => Some(c),
            _ => None,
        }
    }

    /// Byte offset where token `i` starts.
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.start)
    }

    /// Byte offset where token `i` ends.
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.end)
    }

    /// Whether digit run `h` continues a chain: glued to a '.', '/', ':' or ','
    /// glued to a digit run before it ("192.168", "5/17", "22,24").
    fn links_back(&self, h: usize) -> bool {
        h >= 2
            && self.glued(h)
            && self.glued(h - 1)
            && self.is_digits(h - 2)
            && matches!(self.kind(h - 1), Kind::Sym('.' | '/' | ':' | ','))
    }

    /// The first digit run of the chain that token `h` ends: `h` itself, or the
    /// head reached by stepping back over [`Lexed::links_back`] links. Worked out
    /// for every token in one pass, so reading every member of a long chain costs
    /// its length once, not once per member.
    pub fn chain_head(&self, h: usize) -> usize {
        let heads = self.heads.get_or_init(|| {
            let mut heads: Vec<usize> = Vec::with_capacity(self.toks.len());
            for k in 0..self.toks.len() {
                let head = if self.links_back(k) { heads[k - 2] } else { k };
                heads.push(head);
            }
            heads
        });
        heads.get(h).copied().unwrap_or(h)
    }

    /// Number of digits in token `i` (0 if it is not a digit run).
    pub fn ndigits(&self, i: usize) -> usize {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Digits => t.end - t.start,
            _ => 0,
        }
    }
}

/// Whether ASCII byte `b` is whitespace as [`char::is_whitespace`] says
/// (tab, line feed, vertical tab, form feed, carriage return, space).
#[inline(always)]
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// The end of the whitespace run at `pos` and how many newlines it holds.
fn skip_whitespace(text: &str, mut pos: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut newlines = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii() {
            if !ascii_space(b) {
                break;
            }
            newlines += usize::from(b == b'\n');
            pos += 1;
        } else {
            let c = next_char(text, pos);
            if !c.is_whitespace() {
                break;
            }
            pos += c.len_utf8();
        }
    }
    (pos, newlines)
}

/// The char starting at byte `pos` (which must be a char boundary).
/// ASCII is answered from the byte, other characters decoded.
#[inline(always)]
fn next_char(text: &str, pos: usize) -> char {
    match text.as_bytes().get(pos) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text[pos..].chars().next().unwrap_or(' '),
    }
}

/// Chunks that are never prose: URLs, e-mail addresses, @handles, file paths.
fn is_skipped_chunk(chunk: &str) -> bool {
    if chunk.len() < 4 {
        return false;
    }
    if chunk.contains("://") {
        return true;
    }
    let lower_start = chunk
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("www."));
    if lower_start {
        return true;
    }
    if let Some(at) = chunk.find('@') {
        // e-mail or handle: letters around the '@'.
        let before = chunk[..at].chars().next_back();
        let after = chunk[at + 1..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric())
            && (before.is_none() || before.is_some_and(|c| c.is_alphanumeric()))
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_glue() {
        let lx = Lexed::new("US$2.5bn, rose  7%");
        let kinds: Vec<Kind> = lx.toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], Kind::Word);
        assert_eq!(kinds[1], Kind::Sym('$'));
        assert_eq!(kinds[2], Kind::Digits);
        assert!(lx.glued(1) && lx.glued(2) && lx.glued(3));
        assert_eq!(lx.lower(0), "us");
        assert_eq!(lx.raw(5), "bn");
    }

    /// The tokeniser as it was before it read ASCII by the byte: every
    /// character decoded, every chunk tested for a URL. (kind, start, end, lower).
    fn by_the_char(text: &str) -> Vec<(Kind, usize, usize, String)> {
        let mut out: Vec<(Kind, usize, usize, String)> = Vec::new();
        let brk = |out: &mut Vec<(Kind, usize, usize, String)>, s: usize, e: usize| {
            if out.last().is_none_or(|t| t.0 != Kind::Break) {
                out.push((Kind::Break, s, e, String::new()));
            }
        };
        let mut pos = 0;
        while pos < text.len() {
            let (ws, mut newlines) = (pos, 0);
            while let Some(c) = text[pos..].chars().next().filter(|c| c.is_whitespace()) {
                newlines += usize::from(c == '\n');
                pos += c.len_utf8();
            }
            if newlines >= 2 && !out.is_empty() {
                brk(&mut out, ws, pos);
            }
            let end = text[pos..]
                .find(char::is_whitespace)
                .map_or(text.len(), |k| pos + k);
            if pos < end && is_skipped_chunk(&text[pos..end]) {
                brk(&mut out, pos, end);
                pos = end;
            }
            while pos < end {
                let c = text[pos..].chars().next().unwrap_or(' ');
                let s = pos;
                let run = |p: &dyn Fn(char) -> bool| {
                    text[s..end].find(|c: char| !p(c)).map_or(end, |k| s + k)
                };
                if c.is_ascii_digit() {
                    pos = run(&|c| c.is_ascii_digit());
                    out.push((Kind::Digits, s, pos, String::new()));
                } else if c.is_alphabetic() {
                    pos = run(&|c| c.is_alphabetic());
                    let lower = text[s..pos].chars().flat_map(char::to_lowercase).collect();
                    out.push((Kind::Word, s, pos, lower));
                } else {
                    pos += c.len_utf8();
                    out.push((Kind::Sym(c), s, pos, String::new()));
                }
            }
        }
        out
    }

    /// The tokens as [`Lexed::new`] reads them; every token's entry checked
    /// against the lexicon's own look-up of its lowercase form.
    fn by_the_byte(text: &str) -> Vec<(Kind, usize, usize, String)> {
        let lx = Lexed::new(text);
        (0..lx.len())
            .map(|i| {
                let t = &lx.toks[i];
                let want = if t.kind == Kind::Word {
                    lexicon::lookup(lx.lower(i))
                } else {
                    lexicon::empty()
                };
                assert!(std::ptr::eq(t.entry, want), "{text:?} token {i}");
                (t.kind, t.start, t.end, lx.lower(i).to_string())
            })
            .collect()
    }

    const PIECES: &[&str] = &[
        "US$2.5bn",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n\r\n",
        "\t",
        "\u{a0}",
        "\u{2028}",
        "\u{3000}",
        "\u{b}",
        "\u{c}",
        "https://x.org/a",
        "www.Example.com",
        "WWW.x",
        "wow",
        "a@b",
        "@handle",
        "x@",
        "me@mail.org",
        "5:30",
        "Ärger",
        "İstanbul",
        "straße",
        "ÉCOLE",
        "naïve",
        "½",
        "€5",
        "3,200",
        "1.2.3",
        "—",
        "–",
        "'90s",
        "Café",
        "ǅungla",
        "ΣΟΦΙΑ",
        "日本",
        "x",
        "7%",
        "(",
        "\"",
        "rose",
        "Twenty-One",
        "a:b",
        "w",
        "ww:",
        "\u{301}",
        "e\u{301}t",
        "Wx@y",
        "Million",
        "THOUSAND",
        "percent",
        "Percent",
        "twenty",
        "Über",
        "fiftyé",
        "Wrose",
        "dollars",
        "USD",
        "www",
        "é",
    ];

    #[test]
    fn reading_by_the_byte_gives_the_tokens_of_reading_by_the_char() {
        for t in PIECES {
            assert_eq!(by_the_byte(t), by_the_char(t), "{t:?}");
        }
        let mut state = 0x5eed_u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 17) {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            }
            assert_eq!(by_the_byte(&text), by_the_char(&text), "{text:?}");
        }
    }

    #[test]
    fn urls_and_paragraphs_break() {
        let lx = Lexed::new("see https://x.com/30%25 now\n\n2012 jobs");
        assert!(lx.toks.iter().any(|t| t.kind == Kind::Break));
        assert!(!lx.toks.iter().any(|t| t.kind == Kind::Sym('%')));
    }
}
