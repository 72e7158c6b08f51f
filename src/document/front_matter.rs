//! Front matter: the block of metadata at the top of a Markdown file, as YAML
//! between `---` lines or TOML between `+++` lines, and the publication date a
//! writer put there, in the forms writers use.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_yaml::Spanned;

use crate::extract::Span;

/// The keys that may hold the publication date, in the order they are preferred
/// (an explicit publication key wins over a plain `date:`).
pub const DATE_KEYS: &[&str] = &[
    "published",
    "pubDate",
    "publishDate",
    "publish_date",
    "published_at",
    "date",
];

/// The front matter keys claimcheck reads; others are ignored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// The publication date as written (the first of [`DATE_KEYS`] present).
    pub date: Option<String>,
    /// The key the date was read from (`date`, `published`, `pubDate`...).
    pub date_key: Option<String>,
    /// `title:`.
    pub title: Option<String>,
    /// `outlet:`, the publication the article appeared in.
    pub outlet: Option<String>,
}

/// A problem with what the front matter says, for the user to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterProblem {
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong, naming the key.
    pub message: String,
}

/// Front matter found at the top of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Its byte range, fences included.
    pub span: Span,
    /// What it says.
    pub front: FrontMatter,
    /// 1-based line of each key's value, by key.
    pub lines: BTreeMap<String, usize>,
    /// What could not be read.
    pub problems: Vec<FrontMatterProblem>,
}

/// Finds front matter in `source`, which starts at byte `start` (after a byte-order
/// mark) and has only `\n` line endings.
pub fn find(source: &str, start: usize) -> Option<Found> {
    let rest = source.get(start..)?;
    let fence = ["---", "+++"].into_iter().find(|f| {
        rest.strip_prefix(f)
            .is_some_and(|r| r.trim_start_matches([' ', '\t']).starts_with('\n'))
    })?;
    let body_start = start + rest.find('\n')? + 1;
    let mut offset = body_start;
    let mut closed = None;
    for line in source[body_start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            closed = Some(offset + line.len());
            break;
        }
        offset += line.len();
    }
    let end = closed?;
    let body = &source[body_start..offset];
    let body_line = source[..body_start].matches('\n').count() + 1;
    let (map, mut problems) = if fence == "---" {
        read_yaml(body, body_line)
    } else {
        (read_toml(body, body_line), Vec::new())
    };
    let mut front = FrontMatter::default();
    let mut lines = BTreeMap::new();
    for (key, (value, line)) in &map {
        lines.insert(key.clone(), *line);
        match key.as_str() {
            "title" => front.title = value.clone(),
            "outlet" => front.outlet = value.clone(),
            _ => {}
        }
    }
    if let Some(key) = DATE_KEYS.iter().find(|k| map.contains_key(**k)) {
        let (value, line) = &map[*key];
        match value {
            Some(v) => {
                front.date = Some(v.clone());
                front.date_key = Some(key.to_string());
            }
            None => problems.push(FrontMatterProblem {
                line: *line,
                message: format!("front matter `{key}:` is not a date (a list or a table); it was not used as the publication date"),
            }),
        }
    }
    Some(Found {
        span: start..end,
        front,
        lines,
        problems,
    })
}

type Keys = BTreeMap<String, (Option<String>, usize)>;

/// Reads the top-level scalar keys of YAML front matter, with their lines.
fn read_yaml(body: &str, body_line: usize) -> (Keys, Vec<FrontMatterProblem>) {
    match serde_yaml::from_str::<Option<BTreeMap<String, Spanned<Loose>>>>(body) {
        Ok(map) => {
            let keys = map
                .unwrap_or_default()
                .into_iter()
                .map(|(k, v)| {
                    let line = body_line + (v.referenced.line() as usize).saturating_sub(1);
                    (k, (v.value.0, line))
                })
                .collect();
            (keys, Vec::new())
        }
        Err(e) => {
            let line = e.location().map_or(body_line, |l| {
                body_line + (l.line() as usize).saturating_sub(1)
            });
            let problem = FrontMatterProblem {
                line,
                message: "the front matter is not valid YAML, so nothing in it (a date, a title) was read".to_string(),
            };
            (Keys::new(), vec![problem])
        }
    }
}

/// Reads the top-level `key = value` lines of TOML front matter (before any
/// `[table]`): strings, dates and other bare values, as text.
fn read_toml(body: &str, body_line: usize) -> Keys {
    let mut keys = Keys::new();
    for (i, line) in body.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            break;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']);
        let value = value.trim();
        let text = if let Some(v) = value.strip_prefix('"') {
            v.split('"').next().map(str::to_string)
        } else if let Some(v) = value.strip_prefix('\'') {
            v.split('\'').next().map(str::to_string)
        } else if value.starts_with(['[', '{']) {
            None
        } else {
            Some(value.split(" #").next().unwrap_or("").trim().to_string())
        };
        keys.insert(key.to_string(), (text, body_line + i));
    }
    keys
}

/// A YAML value read loosely: a scalar as its text, anything else as `None`.
struct Loose(Option<String>);

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
                Loose::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// Why a front-matter date was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// It names a day that does not exist (`2025-02-30`).
    NotARealDate,
    /// Day and month could be either way round (`12/03/2025`): the two readings.
    Ambiguous(Date, Date),
    /// It is not a date claimcheck can read.
    Unreadable,
}

impl DateProblem {
    /// The warning for a date written as `value` under `key`.
    pub fn message(&self, key: &str, value: &str) -> String {
        let what = format!("front matter `{key}: {value}`");
        match self {
            DateProblem::NotARealDate => {
                format!("{what} is not a real date; it was not used as the publication date")
            }
            DateProblem::Ambiguous(a, b) => format!(
                "{what} could be {} or {}; write it as {a} or {b} (YYYY-MM-DD)",
                a.strftime("%-d %B %Y"),
                b.strftime("%-d %B %Y")
            ),
            DateProblem::Unreadable => format!(
                "{what} is not a date claimcheck can read; write it as YYYY-MM-DD or like \"March 12, 2025\""
            ),
        }
    }
}

use crate::words::{MONTH_NAMES as MONTHS, WEEKDAY_NAMES as WEEKDAYS};

/// Reads a publication date as writers put it in front matter: `2025-03-12`
/// (with or without a time after it), `2025/03/12`, `March 12, 2025`,
/// `12 March 2025`, `Mar. 12 2025`, `Wednesday, 12 March 2025`, and numeric
/// day/month forms when only one reading is possible (`25/12/2025`).
pub fn publication_date(value: &str) -> Result<Date, DateProblem> {
    let value = value.trim().trim_matches(['"', '\'']).trim();
    if let Some(r) = iso(value) {
        return r;
    }
    if let Some(r) = numeric(value) {
        return r;
    }
    worded(value).ok_or(DateProblem::Unreadable)?
}

fn day(year: i64, month: i64, day: i64) -> Result<Date, DateProblem> {
    let ok = (1..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    if !ok {
        return Err(DateProblem::NotARealDate);
    }
    Date::new(year as i16, month as i8, day as i8).map_err(|_| DateProblem::NotARealDate)
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by a time.
fn iso(value: &str) -> Option<Result<Date, DateProblem>> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|s| s.iter().all(u8::is_ascii_digit))
            .map(|_| value[r].parse::<i64>().unwrap_or(0))
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let sep = b[4];
    if !(sep == b'-' || sep == b'/') || b[7] != sep {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    Some(day(y, m, d))
}

/// `DD/MM/YYYY`, `MM/DD/YYYY` (and with `.` or `-`): read only when one reading is
/// possible.
fn numeric(value: &str) -> Option<Result<Date, DateProblem>> {
    let head = value.split([' ', 'T']).next()?;
    let sep = head.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = head.split(sep).collect();
    if parts.len() != 3
        || parts[2].len() != 4
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4)
    {
        return None;
    }
    let n: Vec<i64> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let (a, b, y) = (n[0], n[1], n[2]);
    let day_month = day(y, b, a);
    let month_day = day(y, a, b);
    Some(match (day_month, month_day) {
        (Ok(x), Ok(y)) if x == y => Ok(x),
        (Ok(x), Ok(y)) => Err(DateProblem::Ambiguous(x, y)),
        (Ok(x), Err(_)) | (Err(_), Ok(x)) => Ok(x),
        (Err(e), Err(_)) => Err(e),
    })
}

fn month_of(word: &str) -> Option<i64> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as i64 + 1)
}

fn day_of(word: &str) -> Option<i64> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[w.len()..];
    let ordinal =
        suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix.to_lowercase().as_str());
    (ordinal && (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// `March 12, 2025`, `12 March 2025`, with an optional weekday before it and an
/// optional time after it.
fn worded(value: &str) -> Option<Result<Date, DateProblem>> {
    let mut words: Vec<&str> = value
        .split([' ', ',', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(first) = words.first() {
        let w = first.trim_end_matches('.').to_lowercase();
        if w.len() >= 3 && WEEKDAYS.iter().any(|d| d.starts_with(&w)) {
            words.remove(0);
        }
    }
    if words.len() < 3 {
        return None;
    }
    let year = (words[2].len() == 4 && words[2].bytes().all(|b| b.is_ascii_digit()))
        .then(|| words[2].parse::<i64>().ok())
        .flatten()?;
    let time_like = |w: &&str| {
        w.contains(':')
            || w.starts_with(['+', '-'])
            || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
            || ["am", "pm", "a.m.", "p.m.", "at"].contains(&w.to_lowercase().as_str())
    };
    if !words[3..].iter().all(time_like) {
        return None;
    }
    let (m, d) = match (month_of(words[0]), day_of(words[1])) {
        (Some(m), Some(d)) => (m, d),
        _ => (month_of(words[1])?, day_of(words[0])?),
    };
    Some(day(year, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dates_as_writers_put_them() {
        for (written, meant) in [
            ("2025-03-12", "2025-03-12"),
            ("2025-03-12T09:30:00+01:00", "2025-03-12"),
            ("2025-03-12 09:30", "2025-03-12"),
            ("2025/03/12", "2025-03-12"),
            ("March 12, 2025", "2025-03-12"),
            ("\"March 12, 2025\"", "2025-03-12"),
            ("12 March 2025", "2025-03-12"),
            ("Mar. 12, 2025", "2025-03-12"),
            ("Sept. 3, 2025", "2025-09-03"),
            ("12th March 2025", "2025-03-12"),
            ("Wednesday, 12 March 2025", "2025-03-12"),
            ("March 12, 2025 10:00 AM EST", "2025-03-12"),
            ("25/12/2025", "2025-12-25"),
            ("12/25/2025", "2025-12-25"),
            ("03/03/2025", "2025-03-03"),
        ] {
            assert_eq!(publication_date(written), Ok(date(meant)), "{written}");
        }
    }

    #[test]
    fn dates_that_cannot_be_used_say_why() {
        assert_eq!(
            publication_date("2025-02-30"),
            Err(DateProblem::NotARealDate)
        );
        assert_eq!(
            publication_date("February 30, 2025"),
            Err(DateProblem::NotARealDate)
        );
        assert_eq!(
            publication_date("31/31/2025"),
            Err(DateProblem::NotARealDate)
        );
        assert_eq!(
            publication_date("12/03/2025"),
            Err(DateProblem::Ambiguous(
                date("2025-03-12"),
                date("2025-12-03")
            ))
        );
        for unreadable in ["soon", "last Tuesday", "March 2025", "12 Smarch 2025", ""] {
            assert_eq!(
                publication_date(unreadable),
                Err(DateProblem::Unreadable),
                "{unreadable}"
            );
        }
        let m = DateProblem::Ambiguous(date("2025-03-12"), date("2025-12-03"))
            .message("date", "12/03/2025");
        assert_eq!(
            m,
            "front matter `date: 12/03/2025` could be 12 March 2025 or 3 December 2025; write it as 2025-03-12 or 2025-12-03 (YYYY-MM-DD)"
        );
    }

    #[test]
    fn yaml_and_toml_front_matter() {
        let yaml = "---\ntitle: Café — “news”\npubDate: 12 March 2025\ntags: [a, b]\n---\nBody.\n";
        let f = find(yaml, 0).unwrap();
        assert_eq!(
            &yaml[f.span.clone()],
            "---\ntitle: Café — “news”\npubDate: 12 March 2025\ntags: [a, b]\n---\n"
        );
        assert_eq!(f.front.date.as_deref(), Some("12 March 2025"));
        assert_eq!(f.front.date_key.as_deref(), Some("pubDate"));
        assert_eq!(f.front.title.as_deref(), Some("Café — “news”"));
        assert_eq!(f.lines["pubDate"], 3);
        let toml = "+++\ntitle = \"A story\"\ndate = 2025-03-12T10:00:00Z\n[extra]\ndate = \"no\"\n+++\nBody.\n";
        let f = find(toml, 0).unwrap();
        assert_eq!(f.front.date.as_deref(), Some("2025-03-12T10:00:00Z"));
        assert_eq!(f.front.title.as_deref(), Some("A story"));
        assert_eq!(f.lines["date"], 3);
    }

    #[test]
    fn explicit_publication_keys_win_over_date() {
        let f = find("---\ndate: 2025-01-01\npublished: 2025-03-12\n---\n", 0).unwrap();
        assert_eq!(f.front.date_key.as_deref(), Some("published"));
    }

    #[test]
    fn broken_front_matter_is_a_problem_not_silence() {
        let f = find("---\ntitle: [unclosed\n---\nBody.\n", 0).unwrap();
        assert_eq!(f.front, FrontMatter::default());
        assert_eq!(f.problems.len(), 1);
        let f = find("---\ndate: [2025, 3]\n---\n", 0).unwrap();
        assert!(
            f.problems[0].message.contains("`date:`"),
            "{:?}",
            f.problems
        );
    }

    #[test]
    fn no_front_matter_without_both_fences() {
        assert!(find("---\ntitle: x\nno end\n", 0).is_none());
        assert!(find("Text\n---\n", 0).is_none());
        assert!(find("----\nx\n----\n", 0).is_none());
    }
}
