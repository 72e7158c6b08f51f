//! A cheap gate before date parsing: the grammar is tried only in sentences that
//! hold a token that can be part of a date.
//!
//! A date needs a digit or a word the grammar knows ("March", "Friday", "spring",
//! "Easter", "today", "ago", "week", "quarter", "decade", "recently", ...). Most
//! sentences of news copy have neither, yet "the", "a", "in" and "next" can start
//! a date, so without the gate a parse is tried at most tokens.
//!
//! The gate's words are not a list kept by hand: they are every word written in a
//! string in the date grammar's own source (its word tables and every word it
//! compares a token with), read once at first use, less the general stopwords
//! ("the", "in", "this"), which never make a date without a digit or a word of
//! their own. A word the grammar learns is in the gate the moment it is written.
//! Tests run extraction with and without the gate over the fixtures, the suites'
//! texts and varied sentences and require the same dates, and that every reading
//! the grammar finds anywhere starts in a sentence the gate lets through.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use super::lex::{Kind, Tok};
use super::parse::Parser;

/// The date grammar's source, whose string literals hold every word it knows.
const GRAMMAR: &[&str] = &[
    include_str!("lex.rs"),
    include_str!("parse.rs"),
    include_str!("parse/news.rs"),
    include_str!("resolve.rs"),
    include_str!("lunar.rs"),
    include_str!("../date.rs"),
];

/// Every lowercase word in a string literal of the grammar, stopwords left out.
/// Words are slices of the grammar's source itself (a word with capitals is
/// lowercased into a string of its own), so building the set allocates little.
static DATE_WORDS: LazyLock<HashSet<Cow<'static, str>>> = LazyLock::new(|| {
    let mut words = HashSet::with_capacity(2048);
    for source in GRAMMAR {
        for literal in literals(source) {
            for w in literal.split(|c: char| !c.is_alphabetic()) {
                let w: Cow<'static, str> = if w.chars().any(char::is_uppercase) {
                    Cow::Owned(w.to_lowercase())
                } else {
                    Cow::Borrowed(w)
                };
                if !w.is_empty() && !crate::words::is_stopword(&w) {
                    words.insert(w);
                }
            }
        }
    }
    words
});

/// The contents of the double-quoted strings in Rust source, comment lines left
/// out (their quoted examples are not words the grammar compares with). Escapes are
/// kept as written and a string may run over lines, as in Rust; the quote
/// character `'"'` opens no string. A stray quote in a trailing comment only lets
/// more words in, never fewer. One pass over the bytes.
fn literals(source: &'static str) -> Vec<&'static str> {
    let b = source.as_bytes();
    let escaped = |e: usize| b[..e].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = source[i..].find('"') {
        let q = i + k;
        let line = source[..q].rfind('\n').map_or(0, |n| n + 1);
        let quote_char = q > 0 && b[q - 1] == b'\'' && b.get(q + 1) == Some(&b'\'');
        if quote_char || source[line..q].trim_start().starts_with("//") {
            i = q + 1;
            continue;
        }
        let mut j = q + 1;
        let end = loop {
            match source[j..].find('"') {
                Some(k) if escaped(j + k) => j += k + 1,
                Some(k) => break j + k,
                None => break source.len(),
            }
        };
        out.push(&source[q + 1..end]);
        i = (end + 1).min(source.len());
    }
    out
}

/// Which sentences of a text hold a token that can be part of a date.
pub(super) struct Gate<'a> {
    toks: &'a [Tok],
    low: &'a str,
    /// Per sentence id, once the parser has them: whether the sentence holds a mark.
    open: Vec<bool>,
}

impl<'a> Gate<'a> {
    /// The gate over `toks` (read from `low`, the lowercased text); `None` when no
    /// token can be part of a date, so the text has no dates at all.
    pub(super) fn of(toks: &'a [Tok], low: &'a str) -> Option<Gate<'a>> {
        toks.iter()
            .any(|t| disabled() || may_be_in_a_date(t, low))
            .then_some(Gate {
                toks,
                low,
                open: Vec::new(),
            })
    }

    /// Whether a parse may be tried at token `i`: its sentence, or the next one (a
    /// reading may run across a sentence break), holds a mark.
    pub(super) fn allows(&mut self, p: &Parser<'_>, i: usize) -> bool {
        if self.open.is_empty() {
            self.open = self.sentences(p);
        }
        let s = p.sentence_of(i) as usize;
        self.open.get(s).copied().unwrap_or(true) || self.open.get(s + 1).copied().unwrap_or(false)
    }

    /// Per sentence, whether it holds a mark; a sentence's words are looked up only
    /// until its first mark.
    fn sentences(&self, p: &Parser<'_>) -> Vec<bool> {
        let mut open = Vec::new();
        for (i, t) in self.toks.iter().enumerate() {
            let s = p.sentence_of(i) as usize;
            if open.len() <= s {
                open.resize(s + 1, false);
            }
            if !open[s] {
                open[s] = disabled() || may_be_in_a_date(t, self.low);
            }
        }
        open
    }
}

/// Whether one token can be part of a date: a run of digits, or a word of the
/// grammar.
fn may_be_in_a_date(t: &Tok, low: &str) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => low
            .get(t.s..t.e)
            .is_some_and(|w| DATE_WORDS.contains(w) || !w.is_ascii()),
    }
}

#[cfg(test)]
thread_local! {
    static DISABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a test turned the gate off on this thread.
#[cfg(test)]
fn disabled() -> bool {
    DISABLED.with(|d| d.get())
}

#[cfg(not(test))]
fn disabled() -> bool {
    false
}

#[cfg(test)]
mod tests;
