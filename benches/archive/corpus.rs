//! A deterministic newsroom archive: articles, a rule file and the anchors file.
//!
//! Everything is drawn from one seeded generator, so the same sizes give the same
//! bytes on every machine and every commit: runs can be compared across commits.
//! Words are made of syllables, so claim anchors are rare words (as real anchors
//! are) and the generated text never copies anyone's writing.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// A small, fast, seeded generator (xorshift64*): no crate, no platform variance.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; zero is mapped to a fixed one).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ba", "ren", "tol", "mi", "sar", "ko", "vel", "dun", "pra", "lis", "gor", "ne", "tha", "wim",
    "qua", "zel", "fo", "rim", "by", "sten", "ca", "lor", "dri", "mex", "pol", "ju", "var", "hesk",
];
const FILLER: &[&str] = &[
    "the",
    "council",
    "said",
    "residents",
    "would",
    "meet",
    "again",
    "after",
    "a",
    "long",
    "debate",
    "over",
    "roads",
    "and",
    "schools",
    "in",
    "the",
    "district",
    "where",
    "officials",
    "have",
    "promised",
    "new",
    "plans",
    "for",
    "spring",
    "while",
    "critics",
    "asked",
    "questions",
    "about",
    "funding",
    "and",
    "delays",
    "on",
    "the",
    "northern",
    "line",
    "of",
    "its",
    "network",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "wrote",
    "insisted",
    "argued",
];

/// A made-up word of two or three syllables, e.g. "renmitol".
pub fn word(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    (0..n).map(|_| *rng.pick(SYLLABLES)).collect()
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One figure claim of the generated rule file.
#[derive(Debug, Clone)]
pub struct FigureClaim {
    /// The two anchor words ("renmi tolsar").
    pub anchors: [String; 2],
    /// The expected percentage.
    pub percent: u32,
    /// The year the figure covers.
    pub year: u32,
}

/// One person of the generated rule file, with a recorded quote.
#[derive(Debug, Clone)]
pub struct Person {
    /// The full name, "Renmi Tolsar".
    pub name: String,
    /// The surname alone.
    pub surname: String,
    /// Words the person is recorded as saying.
    pub quote: String,
}

/// The desk's rules: figure claims and people with recorded quotes.
#[derive(Debug, Clone)]
pub struct Desk {
    /// Figure claims.
    pub claims: Vec<FigureClaim>,
    /// People, each with one quote rule.
    pub people: Vec<Person>,
}

impl Desk {
    /// `templates` templates in all: one quote per person (`people` of them), the rest
    /// figure claims.
    pub fn new(rng: &mut Rng, templates: usize, people: usize) -> Desk {
        let people: Vec<Person> = (0..people.min(templates))
            .map(|_| {
                let surname = capitalised(&word(rng));
                let name = format!("{} {surname}", capitalised(&word(rng)));
                let n = 12 + rng.below(10);
                let quote = sentence_words(rng, n);
                Person {
                    name,
                    surname,
                    quote,
                }
            })
            .collect();
        let claims = (people.len()..templates)
            .map(|_| FigureClaim {
                anchors: [word(rng), word(rng)],
                percent: 5 + rng.below(90) as u32,
                year: 2015 + rng.below(10) as u32,
            })
            .collect();
        Desk { claims, people }
    }

    /// The rule file as YAML.
    pub fn rule_file(&self) -> String {
        let mut out = String::from("title: generated benchmark desk\npeople:\n");
        for (i, p) in self.people.iter().enumerate() {
            let _ = writeln!(
                out,
                "  - id: p{i}\n    name: {}\n    aliases: [{}]",
                p.name, p.surname
            );
        }
        out.push_str("claims:\n");
        for (i, c) in self.claims.iter().enumerate() {
            let _ = writeln!(
                out,
                "  - id: c{i}\n    claim: \"{}% of {} {}\"\n    period: {}",
                c.percent, c.anchors[0], c.anchors[1], c.year
            );
        }
        for (i, p) in self.people.iter().enumerate() {
            let _ = writeln!(
                out,
                "  - id: q{i}\n    quote: \"{}\"\n    by: p{i}",
                p.quote
            );
        }
        out
    }

    /// Every anchor word and surname, one a line: what ripgrep searches for.
    pub fn anchors_file(&self) -> String {
        let mut out = String::new();
        for c in &self.claims {
            let _ = writeln!(out, "{}\n{}", c.anchors[0], c.anchors[1]);
        }
        for p in &self.people {
            let _ = writeln!(out, "{}", p.surname);
        }
        out
    }
}

fn sentence_words(rng: &mut Rng, n: usize) -> String {
    let mut words: Vec<String> = (0..n).map(|_| rng.pick(FILLER).to_string()).collect();
    if let Some(first) = words.first_mut() {
        *first = capitalised(first);
    }
    words.join(" ")
}

/// One sentence of an article: filler, a claim's figure (right or wrong, in its
/// year or another), a quotation, or a dated statement.
fn sentence(rng: &mut Rng, desk: &Desk, out: &mut String) {
    match rng.below(10) {
        0..=2 if !desk.claims.is_empty() => {
            let c = rng.pick(&desk.claims);
            let percent = if rng.chance(20) {
                c.percent + 3
            } else {
                c.percent
            };
            let _ = write!(
                out,
                "About {percent}% of {} {} was counted in {}, {}.",
                c.anchors[0],
                c.anchors[1],
                c.year,
                sentence_words(rng, 5).to_lowercase()
            );
        }
        3 if !desk.people.is_empty() => {
            let p = rng.pick(&desk.people);
            let words = if rng.chance(70) {
                p.quote.clone()
            } else {
                sentence_words(rng, 10)
            };
            let _ = write!(out, "\"{words},\" {} {}.", p.surname, rng.pick(CUES));
        }
        4 => {
            let _ = write!(
                out,
                "On {}, {} {}, {}, {}.",
                rng.pick(WEEKDAYS),
                rng.pick(MONTHS),
                1 + rng.below(28),
                2015 + rng.below(10),
                sentence_words(rng, 8).to_lowercase()
            );
        }
        5 => {
            let _ = write!(
                out,
                "Spending rose {}% to ${}.{} million last {}, {}.",
                1 + rng.below(30),
                1 + rng.below(900),
                rng.below(10),
                rng.pick(WEEKDAYS),
                sentence_words(rng, 6).to_lowercase()
            );
        }
        _ => {
            let n = 10 + rng.below(14);
            let _ = write!(out, "{}.", sentence_words(rng, n));
        }
    }
}

/// A Markdown article of about `words` words, with front matter, headings,
/// emphasis and links.
pub fn article(rng: &mut Rng, desk: &Desk, words: usize) -> String {
    let mut out = format!(
        "---\ndate: 20{:02}-{:02}-{:02}\ntitle: {}\n---\n\n# {}\n\n",
        16 + rng.below(9),
        1 + rng.below(12),
        1 + rng.below(28),
        capitalised(&word(rng)),
        sentence_words(rng, 6)
    );
    let start = out.len();
    while (out.len() - start) / 6 < words {
        for _ in 0..(2 + rng.below(4)) {
            sentence(rng, desk, &mut out);
            out.push(' ');
        }
        if rng.chance(10) {
            out.push_str("See *the [full report](https://example.org/r)* for details.");
        }
        out.push_str("\n\n");
        if rng.chance(8) {
            let _ = write!(out, "## {}\n\n", sentence_words(rng, 4));
        }
    }
    out
}

/// Writes `docs` articles of about `words` words each under `dir/articles`, the rule
/// file at `dir/rules.yaml` and the anchors at `dir/anchors.txt`. Returns the bytes
/// of article text written.
pub fn archive(dir: &Path, seed: u64, docs: usize, words: usize, desk: &Desk) -> io::Result<u64> {
    let articles = dir.join("articles");
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(&articles)?;
    fs::write(dir.join("rules.yaml"), desk.rule_file())?;
    fs::write(dir.join("anchors.txt"), desk.anchors_file())?;
    let mut rng = Rng::new(seed);
    let mut bytes = 0;
    for i in 0..docs {
        let text = article(&mut rng, desk, words);
        bytes += text.len() as u64;
        let sub = articles.join(format!("{:03}", i / 500));
        fs::create_dir_all(&sub)?;
        fs::write(sub.join(format!("story-{i:05}.md")), text)?;
    }
    Ok(bytes)
}
