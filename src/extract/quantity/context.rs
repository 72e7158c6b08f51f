//! What the words around figures say about them, once every figure is read:
//!
//! * numbers that are part of a name are no figures: "the Gang of Eight", "the
//!   First Amendment", "first lady", "Title 9", "Proposition 8", "Apollo 13", "60
//!   Minutes", and month/day or name pairs written with a slash ("9/11", "24/7");
//! * a percent sign or word after a list of bare numbers applies to each of them
//!   ("7, 8, 10 percent", "5 or 6%");
//! * multiples in words: "twice" (2), "about double the rate" (2), "triple" (3).

use super::lexer::{Kind, Lexed};
use super::lexicon;
use super::{Quantity, QuantityKind, Span, hedge_at};

/// Words before a number that make it part of a name: a law, a ballot measure, a
/// show, a flight, a road.
const NAME_HEADS: &[&str] = &[
    "Title",
    "Proposition",
    "Prop",
    "Measure",
    "Amendment",
    "Section",
    "Article",
    "Chapter",
    "Question",
    "Initiative",
    "Issue",
    "Resolution",
    "Apollo",
    "Flight",
    "Route",
    "Highway",
    "Interstate",
    "Episode",
    "Season",
    "Channel",
    "Local",
    "District",
    "Ward",
    "Precinct",
    "Terminal",
    "Gate",
    "Pier",
    "Air Force",
];

/// Nouns after an ordinal that make a title, not a position: "first lady".
const TITLE_NOUNS: &[&str] = &[
    "lady",
    "ladies",
    "gentleman",
    "family",
    "families",
    "responder",
    "responders",
    "amendment",
];

/// Capitalised units that, after a number, name a show ("60 Minutes", "48 Hours").
const SHOW_UNITS: &[&str] = &["Minutes", "Hours", "Days", "Weeks", "Years"];

/// Drops figures that are part of names and gives list members their shared
/// percent sign.
pub(super) fn settle(lx: &Lexed, out: &mut Vec<Quantity>) {
    out.retain(|q| !in_name(lx, q));
    share_percent(lx, out);
}

/// The tokens a figure's span covers: (first, one past the last).
fn tokens(lx: &Lexed, span: &Span) -> (usize, usize) {
    let a = lx.toks.partition_point(|t| t.start < span.start);
    let b = lx.toks.partition_point(|t| t.start < span.end);
    (a, b)
}

/// Whether token `k` starts with a capital letter.
fn capital(lx: &Lexed, k: usize) -> bool {
    lx.raw(k).chars().next().is_some_and(char::is_uppercase)
}

/// Whether token `k` opens a sentence (nothing but a full stop, a quotation mark
/// or the start of the text before it).
fn opens_sentence(lx: &Lexed, k: usize) -> bool {
    let mut j = k;
    while j > 0 {
        j -= 1;
        match lx.kind(j) {
            Kind::Sym('"' | '“' | '‘' | '\'' | '(') => continue,
            Kind::Sym('.' | '!' | '?' | ':') => return true,
            Kind::Word | Kind::Digits => return false,
            _ => return true,
        }
    }
    true
}

/// Whether figure `q` is the number of a name.
fn in_name(lx: &Lexed, q: &Quantity) -> bool {
    if !matches!(
        q.kind,
        QuantityKind::Number | QuantityKind::Ordinal | QuantityKind::Count { .. }
    ) || q.direction.is_some()
        || q.hedge.is_some()
    {
        return false;
    }
    let (a, b) = tokens(lx, &q.span);
    if a >= b {
        return false;
    }
    let words = lx.kind(a) == Kind::Word;
    // "9/11", "24/7": a pair of short numbers joined by a slash is a date or a
    // name, not a figure (a longer chain, "5/17/2018", is read elsewhere).
    if q.kind == QuantityKind::Number && b == a + 1 && slash_pair(lx, a) {
        return true;
    }
    // "Gang of Eight", "Big Ten": a capitalised number word inside a name.
    if words && capital(lx, a) && !opens_sentence(lx, a) && a >= 1 {
        let before_named = capital(lx, a - 1) && lx.is_word(a - 1);
        let of_named = a >= 2 && lx.is(a - 1, "of") && capital(lx, a - 2);
        if before_named || of_named {
            return true;
        }
    }
    if q.kind == QuantityKind::Ordinal && words {
        // "the First Amendment", "First Lady Jill Biden", "first lady".
        let next = b;
        let named = capital(lx, a) && capital(lx, next) && !opens_sentence(lx, a);
        if lx.is_word(next) && (named || TITLE_NOUNS.contains(&lx.lower(next))) {
            return true;
        }
    }
    // "Title 9", "Proposition 8", "Apollo 13": a number after a name's head.
    if q.kind == QuantityKind::Number && a >= 1 && lx.is_word(a - 1) {
        let head = lx.raw(a - 1);
        let two = if a >= 2 {
            format!("{} {}", lx.raw(a - 2), head)
        } else {
            String::new()
        };
        if NAME_HEADS.contains(&head) || NAME_HEADS.contains(&two.as_str()) {
            return true;
        }
    }
    // "60 Minutes": a capitalised time unit after a number, inside a sentence.
    if let QuantityKind::Count { .. } = q.kind
        && b >= 1
        && SHOW_UNITS.contains(&lx.raw(b - 1))
        && !opens_sentence(lx, a)
    {
        return true;
    }
    false
}

/// Whether digit token `k` is one side of a pair "a/b" of one- or two-digit
/// numbers with nothing else glued to it.
fn slash_pair(lx: &Lexed, k: usize) -> bool {
    let short = |t: usize| lx.is_digits(t) && lx.ndigits(t) <= 2;
    let slash = |t: usize| lx.is_sym(t, '/') && lx.glued(t) && lx.glued(t + 1);
    let (left, right) = if slash(k + 1) {
        (k, k + 2)
    } else if k >= 2 && slash(k - 1) {
        (k - 2, k)
    } else {
        return false;
    };
    // Nothing that continues a chain or a name glued at either end.
    let chain = |t: usize| {
        lx.is_digits(t)
            || lx.is_word(t)
            || lx.is_sym(t, '/')
            || lx.is_hyphen(t)
            || lx.is_sym(t, '.') && lx.is_digits(t + 1)
    };
    let loose_left = left == 0 || !lx.glued(left) || !chain(left - 1);
    let loose_right = !lx.glued(right + 1) || !chain(right + 1);
    short(left) && short(right) && loose_left && loose_right
}

/// "7, 8, 10 percent": bare numbers listed right before a percentage are
/// percentages too; not across a break (a paragraph break: a list does not
/// carry on into the next paragraph).
fn share_percent(lx: &Lexed, out: &mut [Quantity]) {
    let text = lx.text;
    for j in (1..out.len()).rev() {
        if out[j].kind != QuantityKind::Percent {
            continue;
        }
        let mut k = j;
        while k >= 1 {
            let (prev, next) = (&out[k - 1], &out[k]);
            let gap = text
                .get(prev.span.end..next.span.start)
                .unwrap_or("")
                .trim();
            let joined = matches!(gap, "," | "or" | "and" | ", or" | ", and");
            if prev.kind != QuantityKind::Number
                || !joined
                || prev.upper.is_some()
                || super::pieces::break_between(lx, prev.span.end, next.span.start)
            {
                break;
            }
            out[k - 1].kind = QuantityKind::Percent;
            k -= 1;
        }
    }
}

/// "twice", "about double the rate", "triple what it was": a multiple written in
/// words, at token `i` (maybe after a hedge). Returns the figure and the next token.
pub(super) fn multiple_at(lx: &Lexed, i: usize) -> Option<(Quantity, usize)> {
    // Only a multiple word or a word that may open a hedge (a hedge word or one
    // of the openers "more", "at", "up"...) can start one.
    let e = lx.entry(i);
    if e.hedge.is_none() && !e.has(lexicon::MULTIPLE | lexicon::OPENER) {
        return None;
    }
    let (hedge, k) = match hedge_at(lx, i) {
        Some((h, k)) => (Some(h), k),
        None => (None, i),
    };
    let value = match lx.lower(k) {
        "twice" => 2.0,
        "double" => 2.0,
        "triple" | "treble" => 3.0,
        "quadruple" => 4.0,
        _ => return None,
    };
    // "double" and "triple" are multiples before what they multiply, or after a
    // hedge; elsewhere they are adjectives or verbs ("a double room", "to double").
    let before_what = matches!(
        lx.lower(k + 1),
        "the" | "that" | "what" | "its" | "their" | "his" | "her" | "our" | "as"
    );
    if lx.lower(k) != "twice" && !(before_what || hedge.is_some()) {
        return None;
    }
    if lx.is_hyphen(k + 1) && lx.glued(k + 1) {
        return None; // "double-digit", "twice-weekly"
    }
    Some((
        Quantity {
            span: lx.start(k)..lx.end(k),
            kind: QuantityKind::Number,
            value,
            step: 1.0,
            upper: None,
            hedge,
            direction: None,
        },
        k + 1,
    ))
}

#[cfg(test)]
mod tests {
    use crate::extract::quantity::quantities;
    use crate::extract::{Hedge, QuantityKind};

    /// (text, kind name, value, unit) of every figure in `text`.
    fn read(text: &str) -> Vec<(String, &'static str, f64, String)> {
        quantities(text)
            .into_iter()
            .map(|q| {
                let (kind, unit) = match &q.kind {
                    QuantityKind::Number => ("number", String::new()),
                    QuantityKind::Percent => ("percent", String::new()),
                    QuantityKind::Money { currency } => ("money", currency.clone()),
                    QuantityKind::Count { unit } => ("count", unit.clone()),
                    QuantityKind::Ordinal => ("ordinal", String::new()),
                    QuantityKind::Fraction => ("fraction", String::new()),
                    QuantityKind::Year => ("year", String::new()),
                    QuantityKind::PercentagePoints => ("points", String::new()),
                };
                (text[q.span].to_string(), kind, q.value, unit)
            })
            .collect()
    }

    fn row(t: &str, k: &'static str, v: f64, u: &str) -> (String, &'static str, f64, String) {
        (t.to_string(), k, v, u.to_string())
    }

    #[test]
    fn glued_scales_and_units() {
        let cases = [
            (
                "The fund got $33million.",
                vec![row("$33million", "money", 33e6, "USD")],
            ),
            (
                "A 2.5million euros loan.",
                vec![row("2.5million euros", "money", 2.5e6, "EUR")],
            ),
            (
                "About 4billion people.",
                vec![row("4billion people", "count", 4e9, "person")],
            ),
            (
                "It weighed 16ounces.",
                vec![row("16ounces", "count", 16.0, "ounce")],
            ),
            // Identifiers stay out.
            ("The A320 and MP3 files.", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn numbers_in_names_are_not_figures() {
        let cases = [
            "The first lady toured the port.",
            "First Lady Ana Ruiz toured the port.",
            "They spoke of the First Amendment.",
            "Since 9/11 the rules changed.",
            "The clinic is open 24/7.",
            "The Gang of Eight met again.",
            "The Big Ten voted.",
            "Title 9 and Proposition 8 were on the ballot.",
            "She watched Apollo 13 and 60 Minutes.",
        ];
        for text in cases {
            assert_eq!(read(text), vec![], "{text}");
        }
        // The same words as figures.
        let kept = [
            (
                "Eight people came.",
                vec![row("Eight people", "count", 8.0, "person")],
            ),
            (
                "It was the first time.",
                vec![row("first", "ordinal", 1.0, "")],
            ),
            (
                "It came 60 minutes late.",
                vec![row("60 minutes", "count", 60.0, "minute")],
            ),
            (
                "Of voters, 3/4 agreed.",
                vec![row("3/4", "fraction", 0.75, "")],
            ),
            (
                "It happened on 5/17/2018.",
                vec![
                    row("5", "number", 5.0, ""),
                    row("17", "number", 17.0, ""),
                    row("2018", "number", 2018.0, ""),
                ],
            ),
        ];
        for (text, want) in kept {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn the_unit_is_the_head_noun() {
        let cases = [
            (
                "He held three campaign events.",
                row("three campaign events", "count", 3.0, "event"),
            ),
            (
                "Two state senators voted.",
                row("Two state senators", "count", 2.0, "senator"),
            ),
            (
                "It has 3,200 new jobs.",
                row("3,200 new jobs", "count", 3200.0, "job"),
            ),
            (
                "Some 5,000 people said no.",
                row("5,000 people", "count", 5000.0, "person"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), vec![want], "{text}");
        }
    }

    #[test]
    fn a_percent_after_a_list_applies_to_each_member() {
        let got = read("Rates were 7, 8, 10 percent, then 5 or 6%.");
        let kinds: Vec<(&str, &str)> = got.iter().map(|(t, k, _, _)| (t.as_str(), *k)).collect();
        assert_eq!(
            kinds,
            [
                ("7", "percent"),
                ("8", "percent"),
                ("10 percent", "percent"),
                ("5", "percent"),
                ("6%", "percent")
            ]
        );
        // A number that counts something is not in the list.
        let got = read("In 3 towns, 10 percent voted.");
        assert_eq!(got[0].1, "count");
    }

    #[test]
    fn multiples_and_mixed_numbers_in_words() {
        let cases = [
            (
                "Prices rose twice as fast.",
                vec![row("twice", "number", 2.0, "")],
            ),
            (
                "It is about double the rate.",
                vec![row("double", "number", 2.0, "")],
            ),
            (
                "Sales were triple what they were.",
                vec![row("triple", "number", 3.0, "")],
            ),
            ("They booked a double room.", vec![]),
            ("They plan to double it.", vec![]),
            (
                "A four-and-a-half-acre lot.",
                vec![row("four-and-a-half-acre", "count", 4.5, "acre")],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
        let about = quantities("It is about double the rate.");
        assert_eq!(about[0].hedge, Some(Hedge::About));
    }

    #[test]
    fn a_value_reached_is_no_bound() {
        for text in ["Premiums have gone up to $8,400.", "Fares went up to $5."] {
            let q = quantities(text);
            assert_eq!(q.len(), 1, "{text}");
            assert_eq!(q[0].hedge, None, "{text}");
        }
        let q = quantities("Fines of up to $500 apply.");
        assert_eq!(q[0].hedge, Some(Hedge::LessThan));
    }
}
