//! Relative dates inside quotations, counted from the day the words were spoken.
//!
//! "''We will vote tomorrow,'' she said Monday" in a Wednesday piece: "tomorrow"
//! is the day after the Monday of the saying, not the Thursday after publication.
//! The day of the saying is a day written with the reporting verb outside the
//! quotation ("said Monday", "told reporters on June 2", "Zakharova on Thursday
//! said"), in the quotation's own sentence, or in the sentence just before it when
//! only quotations stand between ("She said on Monday that ... \n\n ''Today we
//! ...'' she added."). A date the narrative writes in between (outside quotation
//! marks) means the passage has moved on: no re-anchoring. With no such day, the
//! quoted date stays counted from publication (the checks never date a statement
//! by a quoted date).

use jiff::civil::Date;

use super::{DateMention, DateValue, Resolution, dates_with, paragraph_break};

/// Reporting verbs whose written day is the day of the saying.
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "wrote",
    "declared",
    "announced",
    "insisted",
    "argued",
    "asked",
    "explained",
    "recalled",
    "warned",
    "predicted",
    "remarked",
    "testified",
    "tweeted",
    "replied",
    "spoke",
];

/// Words before a day that make it the subject of the saying, not its date.
const ABOUT: &[&str] = &["of", "about", "since", "until", "before", "after", "for"];

/// How many bytes may separate a quoted date from the day of its saying: a
/// sentence or two of quoted words.
const SAYING_GAP: usize = 1500;

/// How many words may stand between a reporting verb and its day ("said aboard
/// his campaign plane on Monday").
const REACH: usize = 6;

/// Re-reads every relative date inside a quotation of `text` from the day its
/// words were spoken, when the text gives that day (see the module docs).
/// `mentions` are the dates found in `text`, sorted, with spans into it.
pub(super) fn requote(
    text: &str,
    mentions: &mut [DateMention],
    publication: Option<Date>,
    quarterly: Option<(bool, Option<u8>)>,
) {
    let Some(publication) = publication else {
        return;
    };
    let quoted = quote_states(text, mentions);
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if !quoted[i] || m.resolution != Resolution::Relative {
            continue;
        }
        let Some(day) = saying_day(text, mentions, &quoted, i) else {
            continue;
        };
        if day >= publication {
            continue;
        }
        if let Some(again) = reread(text, &mentions[i], day, quarterly) {
            mentions[i] = again;
        }
    }
}

/// The day the quotation holding mention `i` was spoken: a dated reporting clause
/// after it in its sentence, else the nearest one before it with only quotations
/// (no narrative date, no sentence of narrative) in between.
fn saying_day(text: &str, mentions: &[DateMention], quoted: &[bool], i: usize) -> Option<Date> {
    let m = &mentions[i];
    // after it, in the same sentence: "''... tomorrow,'' she said Monday."
    for (j, d) in mentions.iter().enumerate().skip(i + 1) {
        if quoted[j] {
            continue;
        }
        if d.span.start - m.span.end > SAYING_GAP
            || paragraph_break(text, m.span.end, d.span.start)
            || narrative_sentence_ends(text, m.span.end, d.span.start, true) > 0
        {
            break;
        }
        if let Some(day) = reporting_day(text, d) {
            return Some(day);
        }
        break;
    }
    // before it: the sentence of the saying, or the one just before; not for
    // written words read out ("read from a letter"): when they were written is
    // not told
    if written_source(text, m.span.end) {
        return None;
    }
    for j in (0..i).rev() {
        if quoted[j] {
            continue;
        }
        let d = &mentions[j];
        let gap_start = d.span.end;
        if m.span.start - gap_start > SAYING_GAP {
            return None;
        }
        let para_breaks = text[gap_start..m.span.start].matches("\n\n").count();
        if para_breaks > 1 || narrative_sentence_ends(text, gap_start, m.span.start, false) > 0 {
            return None;
        }
        return reporting_day(text, d);
    }
    None
}

/// Words naming a written source in the rest of the quotation's sentence.
const WRITTEN: &[&str] = &[
    "letter", "letters", "read", "wrote", "written", "memo", "note",
];

/// The rest of the sentence after `from` (a quotation's close and its clause)
/// says the words were written, not spoken ("Castro read from a letter").
fn written_source(text: &str, from: usize) -> bool {
    let to = text[from..].find("\n\n").map_or(text.len(), |k| from + k);
    let end = first_narrative_end(&text[from..to], true).map_or(to, |k| from + k);
    text[from..end]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| WRITTEN.contains(&w.to_ascii_lowercase().as_str()))
}

/// The day of `d` when it dates a reporting verb: the verb a few words before it
/// ("said Monday", "told CNN on Monday") or right after it ("on Monday said").
fn reporting_day(text: &str, d: &DateMention) -> Option<Date> {
    let DateValue::Day(day) = d.value else {
        return None;
    };
    if d.bound.is_some() || d.resolution == Resolution::Vague {
        return None;
    }
    // "said of Monday's speech", "spoke about Tuesday": the day of what was
    // talked about, not of the talking
    let rest = &text[d.span.end..];
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return None;
    }
    let word_before = text[..d.span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    if ABOUT.contains(&word_before.to_ascii_lowercase().as_str()) {
        return None;
    }
    let before: Vec<&str> = text[..d.span.start]
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(REACH + 1)
        .collect();
    for w in &before {
        if w.contains(['"', '\'', '“', '”', ',', ';', ':', '.', '`']) {
            break;
        }
        if SAYING.contains(&w.to_ascii_lowercase().as_str()) {
            return Some(day);
        }
    }
    let after = text[d.span.end..].split_whitespace().next().unwrap_or("");
    let after = after.trim_end_matches([',', '.']).to_ascii_lowercase();
    SAYING.contains(&after.as_str()).then_some(day)
}

/// Sentence ends outside quotation marks between two offsets, not counting an
/// end followed by a quotation (a sentence of quoted words continues the
/// saying). `from_inside`: the scan starts inside a quotation.
fn narrative_sentence_ends(text: &str, from: usize, to: usize, from_inside: bool) -> usize {
    let mut gap = &text[from..to];
    let mut inside = from_inside;
    let mut ends = 0;
    while let Some((k, still_inside)) = narrative_end(gap, inside) {
        ends += 1;
        inside = still_inside;
        gap = &gap[k + 1..];
    }
    ends
}

/// Offset of the first sentence end outside quotation marks in `gap` (see
/// [`narrative_sentence_ends`]).
fn first_narrative_end(gap: &str, from_inside: bool) -> Option<usize> {
    narrative_end(gap, from_inside).map(|(k, _)| k)
}

/// The first narrative sentence end in `gap` and the quotation state there.
fn narrative_end(gap: &str, from_inside: bool) -> Option<(usize, bool)> {
    let mut inside = from_inside;
    let mut chars = gap.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        match c {
            '"' | '“' | '”' => {
                inside = match c {
                    '“' => true,
                    '”' => false,
                    _ => !inside,
                };
            }
            '`' | '\'' if gap[k + 1..].starts_with(c) => {
                chars.next();
                inside = c == '`' || !inside;
            }
            '.' | '?' | '!' if !inside => {
                let after = &gap[k + 1..];
                let next_is_space = after.starts_with(char::is_whitespace);
                if next_is_space && !after.trim_start().starts_with(['"', '“', '`', '\'']) {
                    return Some((k, inside));
                }
            }
            _ => {}
        }
    }
    None
}

/// For each mention, whether it starts inside quotation marks of its paragraph:
/// straight or curly double quotes, or doubled marks (``...'' and ''...'', as
/// some wires write). One pass over the text.
fn quote_states(text: &str, mentions: &[DateMention]) -> Vec<bool> {
    quote_states_at(text, mentions.iter().map(|m| m.span.start))
}

/// The quotation counts of a paragraph read so far (see [`quote_states`]).
#[derive(Default)]
struct Marks {
    straight: usize,
    open: usize,
    close: usize,
    doubled: usize,
    backticks: bool,
}

impl Marks {
    /// Whether the text read so far leaves a quotation open.
    fn inside(&self) -> bool {
        let closes = self.close + if self.backticks { self.doubled } else { 0 };
        self.straight % 2 == 1 || self.open > closes || (!self.backticks && self.doubled % 2 == 1)
    }

    /// Reads the mark at byte `k` of `bytes` (a character boundary); returns how
    /// many bytes it takes (a whole character, or a doubled mark).
    fn read(&mut self, bytes: &[u8], k: usize) -> usize {
        let next = bytes.get(k + 1).copied();
        match bytes[k] {
            b'\n' if next == Some(b'\n') => {
                *self = Marks::default();
                2
            }
            b'"' => {
                self.straight += 1;
                1
            }
            b'`' if next == Some(b'`') => {
                self.open += 1;
                self.backticks = true;
                2
            }
            b'\'' if next == Some(b'\'') => {
                self.doubled += 1;
                2
            }
            // '“' is E2 80 9C, '”' E2 80 9D
            0xE2 if next == Some(0x80) => {
                match bytes.get(k + 2) {
                    Some(0x9C) => self.open += 1,
                    Some(0x9D) => self.close += 1,
                    _ => {}
                }
                3
            }
            0xE2 => 3,
            _ => 1,
        }
    }
}

/// [`quote_states`] at the given offsets (in order), read a byte at a time,
/// jumping to the bytes that can begin a mark.
fn quote_states_at(text: &str, starts: impl Iterator<Item = usize>) -> Vec<bool> {
    let bytes = text.as_bytes();
    let mut marks = Marks::default();
    let mut at = 0;
    let mut out = Vec::new();
    for start in starts {
        let to = start.max(at);
        let mut k = at;
        while k < to {
            // only these bytes begin a mark ('“' and '”' begin with E2); what lies
            // between is read a character at a time to no effect, up to `to`
            match bytes[k..to]
                .iter()
                .position(|&b| matches!(b, b'\n' | b'"' | b'`' | b'\'' | 0xE2))
            {
                Some(skip) => k += skip + marks.read(bytes, k + skip),
                None => k = to,
            }
        }
        at = k;
        out.push(marks.inside());
    }
    out
}

/// The character-by-character reading [`quote_states_at`] replaced, kept to
/// check it against.
#[cfg(test)]
fn quote_states_by_char(text: &str, starts: &[usize]) -> Vec<bool> {
    let bytes = text.as_bytes();
    let (mut straight, mut open, mut close, mut doubled) = (0usize, 0usize, 0usize, 0usize);
    let mut backticks = false;
    let mut at = 0;
    let mut out = Vec::with_capacity(starts.len());
    for &start in starts {
        let to = start.max(at);
        let mut k = at;
        while k < to {
            let c = text[k..].chars().next().unwrap_or(' ');
            let mut step = c.len_utf8();
            match c {
                '\n' if bytes.get(k + 1) == Some(&b'\n') => {
                    (straight, open, close, doubled) = (0, 0, 0, 0);
                    backticks = false;
                    step = 2;
                }
                '"' => straight += 1,
                '“' => open += 1,
                '”' => close += 1,
                '`' if bytes.get(k + 1) == Some(&b'`') => {
                    open += 1;
                    backticks = true;
                    step = 2;
                }
                '\'' if bytes.get(k + 1) == Some(&b'\'') => {
                    doubled += 1;
                    step = 2;
                }
                _ => {}
            }
            k += step;
        }
        at = k;
        let closes = close + if backticks { doubled } else { 0 };
        out.push(straight % 2 == 1 || open > closes || (!backticks && doubled % 2 == 1));
    }
    out
}

/// Mention `m` read again as of `day`: its paragraph re-read with `day` as the
/// time of writing, the mention at the same place kept when it is still counted
/// from that time.
fn reread(
    text: &str,
    m: &DateMention,
    day: Date,
    quarterly: Option<(bool, Option<u8>)>,
) -> Option<DateMention> {
    let start = text[..m.span.start].rfind("\n\n").map_or(0, |k| k + 2);
    let end = text[m.span.end..]
        .find("\n\n")
        .map_or(text.len(), |k| m.span.end + k);
    dates_with(&text[start..end], Some(day), quarterly)
        .into_iter()
        .find(|a| {
            a.span.start + start == m.span.start
                && a.span.end + start == m.span.end
                && a.resolution == Resolution::Relative
        })
        .map(|a| DateMention {
            span: m.span.clone(),
            written_weekday: m.written_weekday.clone(),
            spoken: Some(day),
            ..a
        })
}

#[cfg(test)]
mod tests {
    use super::{quote_states_at, quote_states_by_char};

    /// Pieces of quoted and unquoted text, in our own words.
    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "``",
        "''",
        "'",
        "`",
        "\n\n",
        "\n",
        "é",
        "—",
        "‘",
        "’",
        "日",
        "🙂",
        "a",
        "said Monday ",
        " tomorrow",
        "\u{2060}",
    ];

    fn check(text: &str) {
        let starts: Vec<usize> = (0..=text.len())
            .filter(|&k| text.is_char_boundary(k))
            .collect();
        assert_eq!(
            quote_states_at(text, starts.iter().copied()),
            quote_states_by_char(text, &starts),
            "{text:?}"
        );
        // every other offset, so that a doubled mark can be jumped past
        let sparse: Vec<usize> = starts.iter().copied().step_by(3).collect();
        assert_eq!(
            quote_states_at(text, sparse.iter().copied()),
            quote_states_by_char(text, &sparse),
            "{text:?}"
        );
    }

    #[test]
    fn marks_read_a_byte_at_a_time_as_by_the_character() {
        for a in PIECES {
            for b in PIECES {
                check(&format!("{a}{b}"));
                check(&format!("x {a} y {b} z"));
            }
        }
        let mut seed = crate::seeded::Seeded(0x9e37_79b9_7f4a_7c15);
        for _ in 0..2000 {
            let mut text = String::new();
            let seed = seed.draw();
            for k in 0..(seed % 20) {
                let pick = (seed.rotate_left(k as u32 * 3) % PIECES.len() as u64) as usize;
                text.push_str(PIECES[pick]);
            }
            check(&text);
        }
    }
}
