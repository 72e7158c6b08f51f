//! A property test of positions, run in `cargo test`: thousands of generated
//! articles (figures, dates, quotations, Markdown, front matter with non-ASCII
//! text, BOM, CRLF, CR, no-break spaces, emoji, combining marks), checked against
//! the bundled rules. For every finding, the file's text at line:column..end is the
//! finding's `found`; the prose view holds the file's text at every figure and
//! date extracted; and the LF, CRLF, CR and BOM variants of an article give the
//! same findings. The generator is a small deterministic PRNG, so a failure names
//! its seed and is reproduced exactly.

use claimcheck::document::Document;
use claimcheck::extract::date::dates;
use claimcheck::extract::quantity::quantities;
use claimcheck::finding::Finding;
use claimcheck::pipeline::Checker;
use claimcheck::rules;

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Sentences in this project's own words, some right and some wrong against the
/// bundled rules; `{S}` is a space that may become a no-break space.
const SENTENCES: &[&str] = &[
    "Moscow-backed forces control about{S}25% of Georgia's territory, officials said.",
    "Roughly 20 percent of the territory lies beyond the government's reach.",
    "Trade between Georgia and Russia came to $1.4 billion in the first half of 2025, up 7% on the year.",
    "In the first half of 2024, trade rose 7% to $1.3 billion.",
    "Georgian Dream has held power since 2013, its critics note.",
    "Georgian Dream has been in power since 2012.",
    "\u{201c}We have a firm stance and red lines on de-occupation. This matter is not negotiable,\u{201d} Kobakhidze told reporters on Wednesday.",
    "Zakharova said on December 4, 2024, that Moscow is prepared to normalize relations with Georgia as far as Tbilisi is ready.",
    "The vote was held on Thursday, December 3, 2025, in the capital.",
    "Officials met on Monday, 8{S}December 2025, to discuss the border.",
    "Prices climbed 12.5% in the third quarter, the bank said.",
    "A café owner in Batumi — Nino, 43 — said business was down by a fifth.",
    "The delegation 🇬🇪 arrived on 5 December with 30 people.",
    "The mayor said the road would reopen next week.",
    "She said the plan was \u{201c}far from finished\u{201d} and would cost \u{20ac}2{S}million.",
];

const TITLES: &[&str] = &[
    "Café talks",
    "\u{201c}Red lines\u{201d} — and what follows",
    "Тбилиси и Москва",
    "e\u{301}lan nouveau",
    "Trade 🇬🇪🇷🇺 review",
    "東京 report",
];

const DATES: &[&str] = &[
    "2025-12-04",
    "\"December 8, 2025\"",
    "5 December 2025",
    "2025-12-03T10:00:00Z",
];

/// Wraps a sentence in Markdown that keeps its figures whole.
fn markup(rng: &mut Rng, sentence: &str) -> String {
    match rng.below(8) {
        0 => format!("*{sentence}*"),
        1 => format!("**{sentence}**"),
        2 => format!("{sentence} See [the report](http://example.org/r?a=1&b=2)."),
        3 => format!("{sentence} `code 99%`"),
        4 => format!("{sentence} Georgia &amp; Russia."),
        _ => sentence.to_string(),
    }
}

/// One generated article: (file name, text with `\n` line endings).
fn article(seed: u64) -> (String, String) {
    let mut rng = Rng(seed);
    let markdown = rng.chance(70);
    let mut text = String::new();
    if markdown && rng.chance(60) {
        let title = rng.pick(TITLES);
        let date = rng.pick(DATES);
        if rng.chance(80) {
            text.push_str(&format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n"));
        } else {
            text.push_str(&format!("+++\ntitle = \"{title}\"\ndate = {date}\n+++\n"));
        }
    }
    if markdown && rng.chance(40) {
        text.push_str(&format!("# {}\n\n", rng.pick(TITLES)));
    }
    for _ in 0..1 + rng.below(5) {
        let list = markdown && rng.chance(15);
        for _ in 0..1 + rng.below(3) {
            let space = if rng.chance(30) { "\u{a0}" } else { " " };
            let s = rng.pick(SENTENCES).replace("{S}", space);
            let s = if markdown { markup(&mut rng, &s) } else { s };
            if list {
                text.push_str("- ");
            }
            text.push_str(&s);
            text.push(if list || rng.chance(30) { '\n' } else { ' ' });
        }
        if markdown && rng.chance(10) {
            text.push_str("\n```\nTrade fell 70% to $9 billion.\n```\n");
        }
        text.push('\n');
    }
    let name = if markdown {
        "2025-12-05-a.md"
    } else {
        "2025-12-05-a.txt"
    };
    (name.to_string(), text)
}

/// The text at 1-based line:column to end_line:end_column, counting lines as the
/// file has them (LF, CRLF, CR) and columns in characters, a BOM not counted.
fn text_at(text: &str, f: &Finding) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let (mut start, bytes) = (0, text.as_bytes());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            lines.push((start, &text[start..i]));
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        } else {
            i += 1;
        }
    }
    lines.push((start, &text[start..]));
    let offset = |line: usize, column: usize| {
        let (s, l) = lines[line - 1];
        s + l.char_indices().nth(column - 1).map_or(l.len(), |(i, _)| i)
    };
    let a = offset(f.line, f.column);
    let b = offset(f.end_line, f.end_column);
    text[a..b].to_string()
}

/// The file's text as the prose view holds it: line endings made uniform.
fn as_prose(text: &str) -> String {
    text.replace("\r\n", " \n").replace('\r', "\n")
}

fn key(f: &Finding) -> String {
    format!(
        "{} {}:{}-{}:{} {:?} {:?}",
        f.code.as_str(),
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        f.found.replace(['\r', '\n'], " "),
        f.rule
    )
}

#[test]
fn positions_hold_for_generated_articles() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/georgia-russia.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let checker = Checker::new(rules::parse(&[(path.to_string(), text)]).unwrap());
    let mut findings_seen = 0;
    for seed in 0..1000u64 {
        let (name, lf) = article(seed);
        let variants = [
            lf.clone(),
            lf.replace('\n', "\r\n"),
            lf.replace('\n', "\r"),
            format!("\u{feff}{lf}"),
        ];
        let mut first: Option<Vec<String>> = None;
        for (v, text) in variants.iter().enumerate() {
            let doc = Document::new(&name, text.clone(), None);
            assert_eq!(doc.prose.len(), doc.text.len(), "seed {seed} variant {v}");
            let published = doc.published.as_ref().map(|p| p.date);
            let spans = quantities(&doc.prose)
                .into_iter()
                .map(|q| q.span)
                .chain(dates(&doc.prose, published).into_iter().map(|d| d.span));
            for span in spans {
                assert_eq!(
                    &doc.prose[span.clone()],
                    as_prose(&doc.text[span.clone()]),
                    "seed {seed} variant {v}: prose view differs from the file at {span:?}\n{text:?}"
                );
            }
            let findings = checker.check_document(&doc);
            for f in &findings {
                let at = text_at(text, f);
                assert_eq!(
                    at.trim(),
                    f.found.trim(),
                    "seed {seed} variant {v}: {} at {}:{} names {:?}\n{text:?}",
                    f.code.as_str(),
                    f.line,
                    f.column,
                    at
                );
            }
            findings_seen += findings.len();
            let keys: Vec<String> = findings.iter().map(key).collect();
            match &first {
                None => first = Some(keys),
                Some(k) => assert_eq!(&keys, k, "seed {seed}: variant {v} differs from LF\n{lf:?}"),
            }
        }
    }
    // The generator must exercise the checks, or the property says nothing.
    assert!(findings_seen > 2000, "only {findings_seen} findings");
}
