//! Words around a quotation, and the noun phrase that names its speaker on either
//! side of a cue verb.
//!
//! Every look is bounded: a window of a few hundred bytes around the quotation, and at
//! most [`MAX_WORDS`] words of noun phrase, so finding all speakers is linear in the
//! text.

use super::lexicon::{
    BETWEEN_SET, CUE_PHRASES, CUE_SET, CUES_AFTER, DETERMINER_SET, NOT_A_SPEAKER_AFTER_SET,
    PHRASE_BREAK_SET, PRONOUNS, REACTION_VERBS, TAKES_OBJECT_SET, TITLE_SET, WordSet, is_in,
};
use std::sync::LazyLock;

use crate::extract::Span;

/// How many words a speaker's noun phrase may hold ("Clinton campaign chairman John
/// Podesta" is five).
pub const MAX_WORDS: usize = 8;

/// A token: a word or one punctuation character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Where it is, in the prose.
    pub span: Span,
    /// Whether it is a word (letters or digits).
    pub word: bool,
}

/// Splits `prose[window]` into tokens. A word is letters and digits with inner
/// apostrophes, hyphens, full stops and ampersands (Sanders', U.S., R-Texas, AT&T);
/// a title's full stop ("Sen.") and a single capital's ("J.") belong to the word.
pub fn tokens(prose: &str, window: Span) -> Vec<Tok> {
    let text = &prose[window.clone()];
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                span: window.start + i..window.start + i + c.len_utf8(),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let inner = matches!(d, '\'' | '’' | '-' | '.' | '&');
            let next_alnum = text[j + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if d.is_alphanumeric() || (inner && next_alnum) {
                end = j + d.len_utf8();
                it.next();
            } else if matches!(d, '\'' | '’') && text[i..end].ends_with(['s', 'S']) {
                // Sanders' campaign: a plural possessive keeps its apostrophe.
                end = j + d.len_utf8();
                it.next();
                break;
            } else if d == '.' && takes_stop(&text[i..end]) {
                end = j + 1;
                it.next();
                break;
            } else {
                break;
            }
        }
        out.push(Tok {
            span: window.start + i..window.start + end,
            word: true,
        });
    }
    out
}

/// Appends `word.to_lowercase()`, with curly apostrophes made straight, to `out`
/// (an ASCII word by the byte).
fn push_lower(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&word.to_lowercase().replace('’', "'"));
    }
}

/// Whether a word keeps the full stop after it: a title or a single capital.
fn takes_stop(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || TITLE_SET.contains(word) || is_in(&["jr", "sr", "st"], word)
}

/// The first words of [`CUE_PHRASES`] and [`CUES_AFTER`] (lower case): a word
/// (lower-cased) that is none of them opens no cue phrase.
static PHRASE_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    let heads: Vec<&str> = CUE_PHRASES
        .iter()
        .chain(CUES_AFTER)
        .filter_map(|p| p.split(' ').next())
        .collect();
    WordSet::new(&heads)
});

/// Tokens and the text they come from.
pub struct Words<'a> {
    /// The prose.
    pub prose: &'a str,
    /// The tokens of the window, in order.
    pub toks: Vec<Tok>,
    /// The tokens that are not lowercase ASCII already, lowercased one after
    /// another (see [`Words::lower`]) ...
    folded: String,
    /// ... and where each token's lowercase form is in `folded`: an empty range
    /// for a token that is its own lowercase form (tokens are never empty).
    folded_at: Vec<(u32, u32)>,
}

impl<'a> Words<'a> {
    /// The tokens of `prose[window]` (see [`tokens`]), each lowercased once.
    pub fn new(prose: &'a str, window: Span) -> Words<'a> {
        let toks = tokens(prose, window);
        let mut folded = String::new();
        let folded_at = toks
            .iter()
            .map(|t| {
                let text = &prose[t.span.clone()];
                let start = folded.len() as u32;
                if !text
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
                {
                    push_lower(text, &mut folded);
                }
                (start, folded.len() as u32)
            })
            .collect();
        Words {
            prose,
            toks,
            folded,
            folded_at,
        }
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        &self.prose[self.toks[i].span.clone()]
    }

    /// Token `i` lowercase, with a curly apostrophe made straight, worked out once
    /// when the words were read: a look at a word allocates nothing.
    fn lower(&self, i: usize) -> &str {
        match self.folded_at[i] {
            (start, end) if start < end => &self.folded[start as usize..end as usize],
            _ => self.text(i),
        }
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks[i].word
    }

    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn punct(&self, i: usize, set: &[char]) -> bool {
        !self.is_word(i)
            && self
                .text(i)
                .chars()
                .next()
                .is_some_and(|c| set.contains(&c))
    }

    /// Whether token `i` starts a cue; returns how many tokens the cue takes and
    /// whether its speaker comes after it ("according to").
    pub fn cue_at(&self, i: usize) -> Option<(usize, bool)> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.lower(i);
        if CUE_SET.contains(w) {
            return Some((1, false));
        }
        // Most words open no phrase: one look-up rules them out.
        if !PHRASE_HEADS.contains(w) {
            return None;
        }
        if let Some(n) = CUE_PHRASES.iter().find_map(|p| self.phrase_at(i, w, p)) {
            return Some((n, false));
        }
        if let Some(n) = CUES_AFTER.iter().find_map(|p| self.phrase_at(i, w, p)) {
            return Some((n, true));
        }
        None
    }

    /// How many tokens `phrase` (words split by spaces) takes when its words are
    /// tokens `i`, `i + 1`, ...; `first` is token `i` lowercase.
    fn phrase_at(&self, i: usize, first: &str, phrase: &str) -> Option<usize> {
        let mut n = 0;
        for (k, p) in phrase.split(' ').enumerate() {
            let fits = if k == 0 {
                first == p
            } else {
                i + k < self.toks.len() && self.is_word(i + k) && self.lower(i + k) == p
            };
            if !fits {
                return None;
            }
            n += 1;
        }
        Some(n)
    }

    /// Whether token `i` is a pronoun that can speak.
    pub fn pronoun(&self, i: usize) -> bool {
        self.is_word(i) && PRONOUNS.iter().any(|(p, _)| *p == self.lower(i))
    }

    /// The speaker's noun phrase ending just before the cue at token `cue` (read
    /// leftwards), as token indexes `[start, end)`; `from` is the first token the
    /// phrase may use. Skips the adverbs and auxiliaries between ("Smith also said"),
    /// a bracket ("Sen. Jack Reed (D-R.I.) said") and an apposition or relative
    /// clause set off by commas ("Jeff Weaver, Sanders' campaign manager, said"), in
    /// which case the phrase is the name before the apposition.
    pub fn phrase_before(&self, cue: usize, from: usize) -> Option<(usize, usize)> {
        let mut end = cue;
        // Adverbs, auxiliaries and a time ("Smith also said", "Ryan, …, on Tuesday
        // called").
        loop {
            let before = end.checked_sub(1).filter(|&k| k >= from && self.is_word(k));
            let Some(k) = before else { break };
            let w = self.lower(k);
            let time = is_weekday_or_month(w) || is_in(TIMES, w) || (w == "on" && end < cue);
            if BETWEEN_SET.contains(w) || time || (is_adverb(w) && !self.capitalised(k)) {
                end = k;
            } else {
                break;
            }
        }
        if end > from && self.pronoun(end - 1) && self.lower(end - 1) != "who" {
            return Some((end - 1, end));
        }
        if end > from + 1 && self.lower(end - 1) == "who" && self.punct(end - 2, &[',']) {
            // "Mr. Scott, who has called …": the name before the relative clause.
            return self.phrase_left(end - 2, from);
        }
        if end > from && self.punct(end - 1, &[')']) {
            let open = (from..end - 1)
                .rev()
                .take(12)
                .find(|&k| self.punct(k, &['(']))?;
            end = open;
        }
        if end > from && self.punct(end - 1, &[',']) {
            // An apposition or relative clause: the name is before its opening comma.
            let inner_end = end - 1;
            let open = (from..inner_end)
                .rev()
                .take(16)
                .find(|&k| self.punct(k, &[',', '(', '—', '–', ';', ':']))?;
            if !self.punct(open, &[',']) || !self.apposition(open + 1, inner_end) {
                return None;
            }
            return self.phrase_left(open, from);
        }
        self.phrase_left(end, from)
    }

    /// Whether tokens `[a, b)` read as an apposition or a relative clause: "a
    /// campaign spokesman", "who leads the group", "the Georgian prime minister".
    fn apposition(&self, a: usize, b: usize) -> bool {
        if a >= b {
            return false;
        }
        let first = self.lower(a);
        let opener = DETERMINER_SET.contains(first)
            || is_in(
                &[
                    "who", "whose", "which", "now", "then", "once", "himself", "herself",
                    "formerly", "also", "another", "former", "both", "speaking", "writing",
                    "asked", "when", "in", "at",
                ],
                first,
            )
            || self.capitalised(a)
            || first.ends_with("'s")
            || first.ends_with("s'");
        opener
            && (a..b)
                .all(|k| self.is_word(k) || self.punct(k, &['-', '(', ')', '\'', '’', '.', '&']))
    }

    /// The noun phrase ending at token `end` read leftwards: capitalised words,
    /// titles, possessives, "of", lowercase nouns up to a determiner. `None` when
    /// there is none.
    fn phrase_left(&self, end: usize, from: usize) -> Option<(usize, usize)> {
        let mut start = end;
        let mut lowercase_run = false;
        while start > from && end - start < MAX_WORDS {
            let k = start - 1;
            if !self.is_word(k) {
                // A possessive apostrophe split off, a hyphen: stop.
                break;
            }
            let w = self.lower(k);
            if self.capitalised(k) {
                if lowercase_run && DETERMINER_SET.contains(w) {
                    start = k;
                    break;
                }
                // "When Trump announced": a capitalised conjunction or preposition
                // opens the sentence, not the name.
                if PHRASE_BREAK_SET.contains(w) && !DETERMINER_SET.contains(w) {
                    break;
                }
                start = k;
                continue;
            }
            if DETERMINER_SET.contains(w) {
                start = k;
                break;
            }
            if w == "of" || w == "for" {
                // "officials of the government", "spokesman for the campaign": only
                // inside a phrase already begun.
                if start == end {
                    break;
                }
                start = k;
                continue;
            }
            if PHRASE_BREAK_SET.contains(w)
                || self.pronoun(k)
                || w.chars().all(|c| c.is_ascii_digit())
            {
                break;
            }
            lowercase_run = true;
            start = k;
        }
        // "of"/"for" cannot start the phrase.
        while start < end && matches!(self.lower(start), "of" | "for") {
            start += 1;
        }
        (start < end).then_some((start, end))
    }

    /// The person whose reaction a clause ending at token `end` (a colon) reports,
    /// when a verb of reaction takes them as its object: in "The result does not
    /// surprise pollster Ann Lee: “…”" the quotation is Lee's. The noun phrase
    /// must end at `end`, hold a capitalised name and follow the verb.
    pub fn experiencer(&self, end: usize) -> Option<(usize, usize)> {
        let k = (0..end)
            .rev()
            .find(|&k| self.is_word(k) && is_reaction_verb(self.lower(k)))?;
        let (s, e) = self.phrase_left(end, k + 1)?;
        (e == end && (s..e).any(|i| self.capitalised(i))).then_some((s, e))
    }

    /// The speaker's noun phrase starting right after a cue that ends before token
    /// `at` ("said Sen. Ted Cruz", "said a campaign spokesman", "according to the
    /// ministry"), to `to` at most. "said of Trump" names a topic, not a speaker.
    pub fn phrase_after(&self, at: usize, to: usize) -> Option<(usize, usize)> {
        let mut i = at;
        if let Some(cue) = at.checked_sub(1).filter(|&c| self.is_word(c)) {
            let w = self.lower(cue);
            let inverts = !w.ends_with("ing") && !TAKES_OBJECT_SET.contains(w);
            if !inverts && self.cue_at(cue).is_some_and(|(_, after)| !after) {
                return None;
            }
        }
        if i < to && self.punct(i, &[',']) {
            i += 1;
        }
        if i >= to || !self.is_word(i) || NOT_A_SPEAKER_AFTER_SET.contains(self.lower(i)) {
            return None;
        }
        let start = i;
        let mut seen_lower = false;
        let mut capitals = 0;
        while i < to && i - start < MAX_WORDS && self.is_word(i) {
            let w = self.lower(i);
            if self.capitalised(i) {
                if is_weekday_or_month(w) {
                    break;
                }
                capitals += 1;
            } else if i == start && DETERMINER_SET.contains(w) {
            } else if w == "of" || w == "for" {
                // "spokesman for the campaign", "Secretary of State John Kerry"
                if i + 1 >= to || !self.is_word(i + 1) {
                    break;
                }
            } else if PHRASE_BREAK_SET.contains(w)
                || NOT_A_SPEAKER_AFTER_SET.contains(w)
                || is_in(RELATIVES, w)
            {
                break;
            } else if capitals > 0 && !seen_lower && !DETERMINER_SET.contains(self.lower(start)) {
                // "said GOP strategist Keith Hale" goes on to the name; "said Trump
                // repeatedly" ends at the name ("said a Mexican official" goes on).
                let name_follows = (i + 1..(i + 3).min(to)).any(|k| self.capitalised(k));
                if !name_follows {
                    break;
                }
            } else {
                seen_lower = true;
            }
            i += 1;
        }
        while i > start && matches!(self.lower(i - 1), "of" | "for" | "the" | "a") {
            i -= 1;
        }
        // The phrase ends the clause: punctuation, a preposition or the end follows
        // ("said the mayor, …", "said Smith in a statement"), not a verb ("said the
        // candidate could win": the cue's object, not its speaker).
        // A relative clause also ends it ("said a Mexican official who was not
        // authorized to speak").
        let closes = i >= to
            || !self.is_word(i)
            || NOT_A_SPEAKER_AFTER_SET.contains(self.lower(i))
            || is_in(RELATIVES, self.lower(i))
            || is_weekday_or_month(self.lower(i));
        (i > start && closes).then_some((start, i))
    }

    /// The name ending just before token `end` (a colon) that follows a dash: "TURNOUT
    /// WAS HIGH - Mark Blumenthal and Jon Cohen:", the byline of a digest's item.
    /// Capitalised words, "and" between them, at most [`MAX_WORDS`].
    pub fn name_after_dash(&self, end: usize) -> Option<(usize, usize)> {
        let mut start = end;
        while start > 0 && end - start < MAX_WORDS {
            let k = start - 1;
            let joins = self.lower(k) == "and" && start < end;
            if !(self.capitalised(k) || joins) {
                break;
            }
            start = k;
        }
        let dash = start.checked_sub(1)?;
        (start < end && self.capitalised(start) && self.punct(dash, &['-', '—', '–']))
            .then_some((start, end))
    }

    /// The subject opening a clause at token `from` (before `to`): a pronoun, a
    /// name, or a determiner and a few words ("The town", "his campaign"), after a
    /// leading phrase set off by a comma ("On Tuesday, the mayor …").
    pub fn subject(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let mut i = from;
        let lead = self.lower(i.min(to.saturating_sub(1)));
        if i < to && is_in(LEADING, lead) {
            let comma = (i..to.min(i + 14)).find(|&k| self.punct(k, &[',']))?;
            i = comma + 1;
        }
        while i < to
            && self.is_word(i)
            && is_in(
                &[
                    "but",
                    "and",
                    "so",
                    "yet",
                    "still",
                    "however",
                    "meanwhile",
                    "instead",
                ],
                self.lower(i),
            )
        {
            i += 1;
        }
        if i >= to || !self.is_word(i) {
            return None;
        }
        if self.pronoun(i) {
            return (self.lower(i) != "who").then_some((i, i + 1));
        }
        let start = i;
        if DETERMINER_SET.contains(self.lower(i)) {
            i += 1;
            while i < to && i - start < 5 && self.is_word(i) {
                let w = self.lower(i);
                if PHRASE_BREAK_SET.contains(w)
                    || CUE_SET.contains(w)
                    || BETWEEN_SET.contains(w)
                    || (w.ends_with("ed") && i > start + 1)
                {
                    break;
                }
                i += 1;
            }
        } else {
            while i < to
                && i - start < MAX_WORDS
                && self.capitalised(i)
                && !PHRASE_BREAK_SET.contains(self.lower(i))
            {
                i += 1;
            }
        }
        (i > start).then_some((start, i))
    }
}

/// Whether a lowercase word is an adverb in -ly ("Cruz had effusively praised",
/// "Smith pointedly said"); the few nouns in -ly that speak ("the family said") are not.
fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && w.chars().all(char::is_alphabetic)
        && !is_in(
            &["family", "ally", "rally", "assembly", "supply", "monopoly"],
            w,
        )
}

/// Relative pronouns that open a clause after a speaker's noun phrase.
const RELATIVES: &[&str] = &["who", "whose"];

/// Parts of the day that follow a weekday: "on Tuesday night said".
const TIMES: &[&str] = &["night", "morning", "afternoon", "evening"];

/// Words that open a leading phrase before a clause's subject: "In a statement,
/// the ministry said".
const LEADING: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "as",
    "when",
    "while",
    "earlier",
    "later",
    "last",
    "speaking",
    "asked",
    "writing",
    "since",
    "with",
    "without",
    "despite",
    "for",
    "from",
    "following",
    "according",
    "addressing",
    "responding",
    "but",
    "and",
    "still",
    "however",
    "meanwhile",
    "instead",
    "also",
    "then",
    "yet",
    "even",
    "if",
    "although",
    "though",
    "because",
    "this",
    "that",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a cue is a gerund or follows "to" ("saying", "to say"): its speaker is
/// the clause's subject, not the words before it.
/// Whether a word is a form of a verb of reaction ("surprises", "worried",
/// "doesn't bother"): its object is the person reacting.
fn is_reaction_verb(w: &str) -> bool {
    REACTION_VERBS.iter().any(|base| {
        let stem = base.strip_suffix('e').unwrap_or(base);
        let y_stem = base.strip_suffix('y');
        w == *base
            || w.strip_prefix(stem)
                .is_some_and(|rest| matches!(rest, "es" | "ed" | "s" | "ing" | "d"))
            || y_stem.is_some_and(|y| {
                w.strip_prefix(y)
                    .is_some_and(|r| matches!(r, "ies" | "ied"))
            })
    })
}

pub fn is_nonfinite(w: &Words, cue: usize) -> bool {
    let word = w.text(cue).to_lowercase();
    word.ends_with("ing") || (cue > 0 && w.text(cue - 1).eq_ignore_ascii_case("to"))
}

fn is_weekday_or_month(w: &str) -> bool {
    crate::words::is_calendar_word(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Token `i` lowercase as it was worked out before, on every look.
    fn lower_as_before(w: &Words, i: usize) -> String {
        let t = w.text(i);
        if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            t.to_string()
        } else {
            t.to_lowercase().replace('’', "'")
        }
    }

    fn assert_lower_as_before(prose: &str) {
        let w = Words::new(prose, 0..prose.len());
        assert_eq!(w.toks, tokens(prose, 0..prose.len()), "{prose:?}");
        for i in 0..w.toks.len() {
            assert_eq!(w.lower(i), lower_as_before(&w, i), "{prose:?} token {i}");
        }
    }

    #[test]
    fn tokens_lowercased_once_as_on_every_look() {
        for prose in [
            "Sen. Ana Ruiz (R-Texas) told AT&T’s board, “We’re done.”",
            "ÉMILE Zoé said; İstanbul’s mayor and the U.S. envoy agreed.",
            "the spokesman said it was fine",
            "O’NEILL and O'Neill, ΣΟΦΊΑ, straße and STRASSE",
            "",
        ] {
            assert_lower_as_before(prose);
        }
    }

    #[test]
    fn seeded_mixes_lowercased_as_on_every_look() {
        let pieces = [
            "Ana", "ana", "RUIZ", "said", " ", ", ", ". ", "Sen.", "J.", "’", "'", "s", "É", "é",
            "İ", "ß", "Σ", "AT&T", "-", "U.S.", "\u{201c}", "42", "x",
        ];
        let mut state = crate::seeded::Seeded(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let mut next = || state.draw() as usize;
            let n = 1 + next() % 12;
            let prose: String = (0..n).map(|_| pieces[next() % pieces.len()]).collect();
            let w = Words::new(&prose, 0..prose.len());
            for i in 0..w.toks.len() {
                assert_eq!(w.lower(i), lower_as_before(&w, i), "{prose:?} token {i}");
            }
        }
    }
}
