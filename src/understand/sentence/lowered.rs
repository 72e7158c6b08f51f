//! A sentence's words, read and lower-cased once.
//!
//! The sentence reader asks for the lower-cased words of many stretches of the same
//! sentence: the words before each figure and after it, the words from the
//! sentence's start to each period. [`SentenceWords`] reads the sentence's words
//! once; a stretch whose ends fall between words (or on a word's edge) is then a
//! run of that list, the same words [`words::words`] would read in the stretch.
//! A stretch that cuts a word, and a sentence that is not ASCII (where lower-casing
//! the whole stretch may move characters), are read the old way.

use std::borrow::Cow;

use crate::extract::Span;
use crate::words;

/// The words of one sentence, lower-cased (see the module docs).
pub(super) struct SentenceWords<'p> {
    prose: &'p str,
    /// Where the sentence starts in `prose`.
    start: usize,
    /// The sentence lower-cased, when it is ASCII; `None` reads the old way.
    lowered: Option<String>,
    /// Each word's place in `prose`, in order.
    spans: Vec<Span>,
}

impl<'p> SentenceWords<'p> {
    /// Reads the words of `prose[sentence]`.
    pub(super) fn new(prose: &'p str, sentence: &Span) -> Self {
        let text = &prose[sentence.clone()];
        let start = sentence.start;
        if !text.is_ascii() {
            return SentenceWords {
                prose,
                start,
                lowered: None,
                spans: Vec::new(),
            };
        }
        let spans = words::words(text)
            .map(|(s, _)| start + s.start..start + s.end)
            .collect();
        SentenceWords {
            prose,
            start,
            lowered: Some(text.to_ascii_lowercase()),
            spans,
        }
    }

    /// The places of the words of `prose[from..to]`, when both ends fall between
    /// words or on a word's edge (the stretch then reads exactly these words).
    fn run(&self, from: usize, to: usize) -> Option<&[Span]> {
        self.lowered.as_ref()?;
        if from > to {
            return None;
        }
        let first = self.spans.partition_point(|s| s.end <= from);
        let end = self.spans.partition_point(|s| s.end <= to);
        let cuts = |k: usize, at: usize| self.spans.get(k).is_some_and(|s| s.start < at);
        if cuts(first, from) || cuts(end, to) {
            return None;
        }
        Some(&self.spans[first..end])
    }

    /// The lower-cased word at `span` (a place from [`Self::run`]).
    fn word(&self, span: &Span) -> &str {
        let lowered = self.lowered.as_deref().unwrap_or_default();
        &lowered[span.start - self.start..span.end - self.start]
    }

    /// The words of `prose[from..to]` lower-cased, as `lower_words` reads them.
    pub(super) fn between(&self, from: usize, to: usize) -> Vec<Cow<'_, str>> {
        match self.run(from, to) {
            Some(run) => run.iter().map(|s| Cow::Borrowed(self.word(s))).collect(),
            None => super::lower_words(&self.prose[from..to]),
        }
    }

    /// The words of `prose[from..to]` with their places in `prose`, lower-cased
    /// (as `lower` gives each word), the first `most` of them.
    pub(super) fn placed(&self, from: usize, to: usize, most: usize) -> Vec<(Span, Cow<'_, str>)> {
        self.words(from, to).take(most).collect()
    }

    /// The words of `prose[from..to]` with their places in `prose`, lower-cased
    /// (as `lower` gives each word), one by one.
    pub(super) fn words(&self, from: usize, to: usize) -> Stretch<'_, 'p> {
        match self.run(from, to) {
            Some(run) => Stretch::Run(self, run.iter()),
            None => Stretch::Read(from, words::words(&self.prose[from..to])),
        }
    }

    /// The prose the sentence is in.
    pub(super) fn prose(&self) -> &'p str {
        self.prose
    }

    /// The word at `span` as written.
    pub(super) fn written(&self, span: &Span) -> &'p str {
        &self.prose[span.clone()]
    }
}

/// The words of a stretch of a sentence (see [`SentenceWords::words`]).
pub(super) enum Stretch<'s, 'p> {
    /// A run of the sentence's words, read once.
    Run(&'s SentenceWords<'p>, std::slice::Iter<'s, Span>),
    /// The stretch read on its own, which starts at the offset given.
    Read(usize, words::Words<'p>),
}

impl<'s> Iterator for Stretch<'s, '_> {
    type Item = (Span, Cow<'s, str>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Stretch::Run(read, run) => {
                let span = run.next()?;
                Some((span.clone(), Cow::Borrowed(read.word(span))))
            }
            Stretch::Read(from, words) => {
                let (span, w) = words.next()?;
                Some((*from + span.start..*from + span.end, super::lower(w)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every stretch of `text` between character boundaries reads the same words
    /// both ways.
    fn same_everywhere(text: &str) {
        let sentence = 0..text.len();
        let read = SentenceWords::new(text, &sentence);
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                assert_eq!(
                    read.between(a, b),
                    super::super::lower_words(&text[a..b]),
                    "{text:?} [{a}..{b}]"
                );
                let old: Vec<(Span, Cow<str>)> = words::words(&text[a..b])
                    .map(|(s, w)| (a + s.start..a + s.end, super::super::lower(w)))
                    .collect();
                assert_eq!(read.placed(a, b, usize::MAX), old, "{text:?} [{a}..{b}]");
                let written: Vec<&str> = read.words(a, b).map(|(s, _)| read.written(&s)).collect();
                let as_before: Vec<&str> = words::words(&text[a..b]).map(|(_, w)| w).collect();
                assert_eq!(written, as_before, "{text:?} [{a}..{b}]");
                let three: Vec<_> = old.into_iter().take(3).collect();
                assert_eq!(read.placed(a, b, 3), three, "{text:?} [{a}..{b}]");
            }
        }
    }

    #[test]
    fn stretches_read_as_before_on_table_cases() {
        for text in [
            "",
            "Rates Fell to 6.5% in 2024, Down From 7.1%.",
            "  The mayor's plan -- 'approved' -- cost $3.1bn; it'll cost more.",
            "O'Brien's share: 48 percent, while 52% (of voters) said NO",
            "Prices rose 12% in Zürich and São Paulo, the ÉTAT said.",
            "İstanbul grew 3% — a record ’twas.",
            "'''",
            "a",
        ] {
            same_everywhere(text);
        }
    }

    #[test]
    fn stretches_read_as_before_on_seeded_mixes() {
        const PIECES: &[&str] = &[
            "Rose", "fell", "THAN", "from", "7.1%", "$3bn", " ", "  ", ",", ";", "'", "’", "-",
            "(", ")", "in", "2024", "é", "İ", "O'Neil", "and", ".", "x1",
        ];
        let mut state = crate::seeded::Seeded(0x9e37_79b9_7f4a_7c15);
        let mut next = || state.draw();
        for _ in 0..300 {
            let n = (next() % 9) as usize;
            let ascii_only = next() % 2 == 0;
            let text: String = (0..n)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .filter(|p| !ascii_only || p.is_ascii())
                .collect();
            same_everywhere(&text);
        }
    }
}
