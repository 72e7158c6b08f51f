//! Full, Fragment or Scare: the rules are in the module documentation of [`super`].
//!
//! Every look at the text around a quotation is bounded (whitespace runs next to the
//! marks, at most a few words back), so classifying all quotations of a text is
//! linear in its length.

use super::super::Span;
use super::QuoteKind;

/// Verbs that take an object before the quotation: `told reporters “...”`.
const OBJECT_VERBS: &[&str] = &[
    "told", "tells", "telling", "asked", "asks", "warned", "warns", "assured", "reminded", "urged",
];

/// Words before a three-word quotation that set it off as a label: `a “global war
/// party”`, `its “foreign influence” law`, `so-called “...”`.
const SCARE_CUES: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "this",
    "that",
    "these",
    "those",
    "so-called",
    "self-styled",
    "alleged",
    "supposed",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    "termed",
];

/// Function words: a three-word quotation with none of them is a label (`“global war
/// party”`), one with them a phrase (`“harmful and unrealistic”`).
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "to", "of", "in", "on", "at", "for", "with", "by",
    "from", "as", "not", "no", "is", "are", "was", "were", "be", "been", "will", "would", "can",
    "could", "should", "must", "i", "we", "you", "he", "she", "they", "it", "that", "this", "our",
    "my", "your",
];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "rev", "hon", "vs", "inc", "corp", "ltd", "co", "jan", "feb", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft",
];

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Closing marks and brackets that may follow a quotation's last word or punctuation.
fn is_trailing_closer(c: char) -> bool {
    matches!(c, '’' | '\'' | '”' | '"' | ')' | ']')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Where a quotation stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// At the start of a block or a sentence.
    Start,
    /// Introduced as speech: after a colon or a reporting verb (`said`, `told
    /// reporters`).
    Intro,
    /// Anywhere else inside the writer's sentence.
    Inline,
}

/// The kind of the quotation whose opening mark starts at `open` and whose closing
/// mark ends at `close_end`, in `block`; `inner` is the text between the marks with
/// spaces trimmed.
pub(super) fn classify(
    prose: &str,
    block: &Span,
    open: usize,
    close_end: usize,
    inner: &str,
) -> QuoteKind {
    if has_sentence_break(inner) {
        return QuoteKind::Full;
    }
    let words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let capital = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    let last = inner
        .trim_end_matches(is_trailing_closer)
        .chars()
        .next_back();
    let ends_sentence = last.is_some_and(is_sentence_end);
    let (position, scare_cue) = before(&prose[block.start..open]);
    let full = match position {
        Position::Start => {
            (capital && (ends_sentence || words >= 5))
                || reporting_clause_after(&prose[close_end..block.end], inner)
        }
        Position::Intro => capital || ends_sentence,
        Position::Inline => capital && (words >= 5 || (ends_sentence && words >= 4)),
    };
    if full {
        return QuoteKind::Full;
    }
    let scare = position != Position::Intro
        && !has_inner_punctuation(inner)
        && (words <= 2
            || (words == 3
                && (scare_cue
                    || !inner.split_whitespace().any(|w| {
                        is_in(
                            FUNCTION_WORDS,
                            w.trim_matches(|c: char| !c.is_alphanumeric()),
                        )
                    }))));
    if scare {
        QuoteKind::Scare
    } else {
        QuoteKind::Fragment
    }
}

/// Where the text `head` before a quotation's opening mark puts it, and whether the
/// word right before it cues a label (a determiner or possessive, "so-called",
/// "dubbed").
fn before(head: &str) -> (Position, bool) {
    let t = head.trim_end();
    let Some(last) = t.chars().next_back() else {
        return (Position::Start, false);
    };
    if t.trim_end_matches(is_trailing_closer)
        .chars()
        .next_back()
        .is_some_and(is_sentence_end)
    {
        return (Position::Start, false);
    }
    if last == ':' {
        return (Position::Intro, false);
    }
    let [w1, w2] = previous_words(t);
    let intro = w1.is_some_and(crate::speakers::lexicon::is_reporting)
        || w2.is_some_and(|w| is_in(OBJECT_VERBS, w));
    if intro {
        return (Position::Intro, false);
    }
    let cue = w1.is_some_and(|w| {
        is_in(SCARE_CUES, w)
            || w.ends_with("'s")
            || w.ends_with("’s")
            || (w.eq_ignore_ascii_case("called")
                && w2.is_some_and(|v| v.eq_ignore_ascii_case("so")))
    });
    (Position::Inline, cue)
}

/// The last two words of `t` (last first), looking back over at most 80 characters and
/// across commas, but not across other punctuation.
fn previous_words(t: &str) -> [Option<&str>; 2] {
    let mut out = [None, None];
    let mut found = 0;
    let mut end: Option<usize> = None;
    for (count, (i, c)) in t.char_indices().rev().enumerate() {
        if count >= 80 {
            return out;
        }
        if c.is_alphanumeric() || matches!(c, '-' | '\'' | '’') {
            end.get_or_insert(i + c.len_utf8());
            continue;
        }
        if let Some(e) = end.take() {
            out[found] = Some(&t[i + c.len_utf8()..e]);
            found += 1;
            if found == 2 {
                return out;
            }
        }
        if !(c == ',' || c.is_whitespace()) {
            return out;
        }
    }
    if let Some(e) = end {
        out[found] = Some(&t[..e]);
    }
    out
}

/// Whether a reporting clause follows the closing mark: a comma (inside or after the
/// marks) and a word (`“We will,” he said`), or a question or exclamation mark or dash
/// inside and a lowercase word (`“Why now?” she asked`).
fn reporting_clause_after(rest: &str, inner: &str) -> bool {
    let rest = rest.trim_start();
    let (comma, rest) = match rest.strip_prefix(',') {
        Some(r) => (true, r.trim_start()),
        None => (inner.ends_with(','), rest),
    };
    let next = rest.chars().next();
    if comma {
        return next.is_some_and(char::is_alphabetic);
    }
    let asks = inner
        .trim_end_matches(is_trailing_closer)
        .ends_with(['?', '!', '—', '–']);
    asks && next.is_some_and(char::is_lowercase)
}

/// Whether `inner` holds more than one sentence: sentence punctuation, then spaces,
/// then a capital letter or an opening mark. A full stop after an abbreviation ("Mr.",
/// "U.S.", an initial) does not count.
fn has_sentence_break(inner: &str) -> bool {
    let b = inner.as_bytes();
    for (i, c) in inner.char_indices() {
        if !is_sentence_end(c) {
            continue;
        }
        let after = inner[i + c.len_utf8()..].trim_start_matches(is_trailing_closer);
        let rest = after.trim_start();
        if rest.len() == after.len() {
            continue; // no space after it
        }
        let starts = rest
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || matches!(n, '“' | '‘' | '"' | '\''));
        if !starts {
            continue;
        }
        if c == '.' && i > 0 && b[i - 1] != b'.' && is_abbreviation(&inner[..i]) {
            continue;
        }
        return true;
    }
    false
}

/// Whether the word ending `head` (before a full stop) is an abbreviation or initial.
fn is_abbreviation(head: &str) -> bool {
    let mut start = 0;
    for (n, (i, c)) in head.char_indices().rev().enumerate() {
        if !(c.is_alphanumeric() || c == '.') {
            start = i + c.len_utf8();
            break;
        }
        if n >= 8 {
            return false; // a long word
        }
    }
    let word = &head[start..];
    if word.contains('.') {
        return true; // U.S.
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => is_in(ABBREVIATIONS, word),
    }
}

/// Whether `inner` has sentence punctuation (. ! ? … ; :) other than one comma or full
/// stop right at the end (American style puts those inside the marks).
fn has_inner_punctuation(inner: &str) -> bool {
    let body = match inner.strip_suffix([',', '.']) {
        Some(b) if !b.ends_with('.') => b,
        _ => inner,
    };
    body.contains(['.', '!', '?', '…', ';', ':'])
}
