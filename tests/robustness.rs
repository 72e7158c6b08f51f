//! The extractors never panic and always return spans on character boundaries, in
//! order, whatever the text: every fixture, and thousands of generated token soups
//! built from the pieces that dates and figures are made of.

use claimcheck::document::Document;
use claimcheck::extract::date::dates;
use claimcheck::extract::quantity::quantities;
use jiff::civil::Date;

const PIECES: &[&str] = &[
    "December",
    "Dec.",
    "dec",
    "Sept.",
    "May",
    "may",
    "march",
    "4",
    "04",
    "2024",
    "2025",
    "1990s",
    "'90s",
    "Q3",
    "H1",
    "1H25",
    "the",
    "first",
    "half",
    "of",
    "quarter",
    "third",
    "Wednesday",
    "Wed",
    "on",
    "said",
    "will",
    "next",
    "last",
    "week",
    "year",
    "ago",
    "since",
    "between",
    "and",
    "to",
    "from",
    "-",
    "–",
    "—",
    "/",
    ",",
    ".",
    "(",
    ")",
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "₽",
    "₾",
    "1.3",
    "1,300",
    "bn",
    "B",
    "billion",
    "million",
    "k",
    "%",
    "percent",
    "per",
    "cent",
    "points",
    "a",
    "fifth",
    "half",
    "dozen",
    "twenty-one",
    "hundred",
    "rose",
    "fell",
    "+7%",
    "-7%",
    "about",
    "nearly",
    "more",
    "than",
    "“",
    "”",
    "’",
    "'",
    "\"",
    "\n",
    "  ",
    "\t",
    "é",
    "中",
    "🙂",
    "0",
    "00",
    "999999999999999999999",
    ".5",
    "1e9",
    "12/04/2024",
    "2024-12-04",
    "yesterday",
    "today",
];

/// A small deterministic generator, so a failure can be reproduced from its seed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn check(text: &str, publication: Option<Date>) {
    let mut last = 0;
    for q in quantities(text) {
        assert!(
            text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end),
            "{text:?} {q:?}"
        );
        assert!(
            q.span.start >= last && q.span.start < q.span.end,
            "{text:?} {q:?}"
        );
        assert!(q.value.is_finite() && q.step.is_finite(), "{text:?} {q:?}");
        last = q.span.end;
    }
    let mut last = 0;
    for d in dates(text, publication) {
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{text:?} {d:?}"
        );
        assert!(
            d.span.start >= last && d.span.start < d.span.end,
            "{text:?} {d:?}"
        );
        assert!(d.value.start() <= d.value.end(), "{text:?} {d:?}");
        last = d.span.end;
    }
}

#[test]
fn every_fixture_whole() {
    let publication: Date = "2025-12-04".parse().unwrap();
    for dir in ["fixtures/georgia-russia", "tests/data/harbor/stories"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = Document::new(&path.display().to_string(), text, Some(publication));
            check(&doc.prose, Some(publication));
            check(&doc.text, None);
        }
    }
}

#[test]
fn generated_token_soup() {
    let publication: Date = "2013-02-12".parse().unwrap();
    let mut rng = Lcg(0x5eed);
    for _ in 0..3000 {
        let n = 1 + rng.next() as usize % 24;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[rng.next() as usize % PIECES.len()]);
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        check(&text, Some(publication));
        check(&text, None);
    }
}
