//! People named in the narrative (outside quotations), for resolving pronouns: the
//! rule file's people, a title and a name ("Sen. Ted Cruz", "Mr. Gunnels"), a given
//! name and a surname ("Hillary Clinton"), a surname once its full name has appeared,
//! and the named speakers found so far.

use super::lexicon::{TITLE_SET, gender_of, given_name, is_in, office_titles, title_gender};
use crate::document::Document;
use crate::extract::Span;
use crate::extract::quote::{Quotation, QuoteKind};
use crate::people::PersonMention;
use crate::words::{FnvMap, Words, lowercase_into, words};

/// How many candidates back a pronoun looks for one of its gender.
const LOOK_BACK: usize = 8;

/// A person named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Where.
    pub span: Span,
    /// `Some(true)` female, `Some(false)` male, when a title or given name tells.
    pub female: Option<bool>,
    /// The rule file's person, when it is one.
    pub person: Option<usize>,
    /// Whether this is an organisation or a group ("the ministry", "officials").
    pub group: bool,
    /// The title written before the name, lowercased without its stop ("sen" for
    /// "Sen. Bernie Sanders").
    pub title: Option<String>,
}

/// The names of one document in position order, and the speakers added while
/// finding speakers in order.
pub struct NameIndex {
    narrative: Vec<Name>,
    speakers: Vec<Name>,
    /// Gender by surname, lowercased.
    genders: FnvMap<String, Option<bool>>,
}

impl NameIndex {
    /// Reads the names of `doc` outside its spoken quotations.
    pub fn new(doc: &Document, quotations: &[Quotation], people: &[PersonMention]) -> NameIndex {
        let prose = doc.prose.as_str();
        let inside = |at: usize| {
            let i = quotations.partition_point(|q| q.span.end <= at);
            quotations
                .get(i)
                .is_some_and(|q| q.span.start <= at && q.kind != QuoteKind::Scare)
        };
        let (mut narrative, genders) = titled_names(prose, inside);
        for p in people.iter().filter(|p| !inside(p.span.start)) {
            let first = prose[p.span.clone()]
                .split_whitespace()
                .next()
                .unwrap_or("");
            narrative.push(Name {
                span: p.span.clone(),
                female: gender_of(first),
                person: Some(p.person),
                group: false,
                title: None,
            });
        }
        narrative.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
        // A rule person and a name found in the same words: keep one, the rule's.
        narrative.dedup_by(|b, a| {
            let overlap = b.span.start < a.span.end;
            if overlap && a.person.is_none() {
                a.person = b.person;
                a.female = a.female.or(b.female);
            }
            if overlap && a.title.is_none() {
                a.title = b.title.take();
            }
            overlap
        });
        NameIndex {
            narrative,
            speakers: Vec::new(),
            genders,
        }
    }

    /// The people named in the narrative, in order.
    pub fn narrative(&self) -> &[Name] {
        &self.narrative
    }

    /// Records a named speaker (`name` inside the phrase `phrase`).
    pub fn add_speaker(&mut self, prose: &str, name: Span, phrase: &str, person: Option<usize>) {
        let words: Vec<&str> = prose[name.clone()].split_whitespace().collect();
        let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        let told = phrase
            .split_whitespace()
            .find_map(|w| {
                let w = w.trim_end_matches(['.', ',']);
                title_gender(w).or_else(|| given_name(w))
            })
            .or_else(|| self.genders.get(&last).copied().flatten());
        if words.len() > 1 || told.is_some() {
            self.genders.entry(last).or_insert(told);
        }
        self.speakers.push(Name {
            span: name,
            female: told,
            person,
            group: false,
            title: None,
        });
    }

    /// Records a role or organisation speaker, for "it" and "they".
    pub fn add_group(&mut self, span: Span, person: Option<usize>, organisation: bool) {
        self.speakers.push(Name {
            span,
            female: None,
            person,
            group: organisation,
            title: None,
        });
    }

    /// The name a pronoun at `at` stands for: "he" and "she" the last person named
    /// before it whose gender does not contradict; "it" the last organisation; "they"
    /// and "we" the last speaker or name of any kind.
    pub fn resolve(&self, pronoun: &str, at: usize) -> Option<Name> {
        let want: Option<bool> = match pronoun {
            "he" => Some(false),
            "she" => Some(true),
            "it" | "they" | "we" => None,
            _ => return None,
        };
        let group_only = pronoun == "it";
        let a = self.narrative.partition_point(|n| n.span.start < at);
        let b = self.speakers.partition_point(|n| n.span.start < at);
        let mut cands: Vec<&Name> = self.narrative[a.saturating_sub(LOOK_BACK)..a]
            .iter()
            .chain(&self.speakers[b.saturating_sub(LOOK_BACK)..b])
            .collect();
        cands.sort_by_key(|n| std::cmp::Reverse(n.span.start));
        cands
            .into_iter()
            .take(LOOK_BACK)
            .find(|n| {
                if group_only || pronoun == "they" || pronoun == "we" {
                    return !group_only || n.group;
                }
                !n.group && (want.is_none() || n.female.is_none() || n.female == want)
            })
            .cloned()
    }
}

impl NameIndex {
    /// The person "the <noun>" names at `at` ("the senator"): the last person named
    /// before it with a title of that office ("Sen. Bernie Sanders"), within
    /// [`OFFICE_LOOK_BACK`] names.
    pub fn resolve_office(&self, noun: &str, at: usize) -> Option<Name> {
        let titles = office_titles(noun)?;
        let a = self.narrative.partition_point(|n| n.span.start < at);
        self.narrative[a.saturating_sub(OFFICE_LOOK_BACK)..a]
            .iter()
            .rev()
            .find(|n| n.title.as_deref().is_some_and(|t| is_in(titles, t)))
            .cloned()
    }
}

/// Whether a word is capitalised.
fn capital(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// The people the narrative names by a title or a given name and the capitalised
/// words after it ("Sen. Ted Cruz", "Hillary Clinton"), and the surnames known
/// from them alone later ("Cruz"), in order, outside the quotations `inside`
/// tells; and each surname's gender, lowercased.
fn titled_names(
    prose: &str,
    inside: impl Fn(usize) -> bool,
) -> (Vec<Name>, FnvMap<String, Option<bool>>) {
    let mut genders: FnvMap<String, Option<bool>> = FnvMap::default();
    let mut narrative = Vec::new();
    let mut lower = String::new();
    let mut ws = words(prose);
    while let Some((span, w)) = ws.next() {
        if !capital(w) || inside(span.start) {
            continue;
        }
        let title = TITLE_SET.contains(w) && !is_in(&["state", "former", "vice", "chief"], w);
        let given = given_name(w).is_some();
        if let Some((end, last, taken)) = (title || given)
            .then(|| following_capitals(prose, &ws, &span))
            .flatten()
        {
            let last = last.to_lowercase();
            let female = gender_of(w).or_else(|| genders.get(&last).copied().flatten());
            genders.insert(last, female);
            narrative.push(Name {
                span: span.start..end,
                female,
                person: None,
                group: false,
                title: title.then(|| w.to_lowercase()),
            });
            for _ in 0..taken {
                ws.next();
            }
            continue;
        }
        // A surname alone, once a name has made it known (nothing to look up
        // before then).
        if genders.is_empty() {
            continue;
        }
        if let Some(&female) = genders.get(lowercase_into(w, &mut lower)) {
            narrative.push(Name {
                span,
                female,
                person: None,
                group: false,
                title: None,
            });
        }
    }
    (narrative, genders)
}

/// The capitalised words right after the word at `first` (`rest` reads on from
/// it), up to four, each next to the one before on the same line of prose: where
/// the last one ends, its text, and how many there are; `None` for none.
fn following_capitals<'t>(
    prose: &'t str,
    rest: &Words<'t>,
    first: &Span,
) -> Option<(usize, &'t str, usize)> {
    let mut ahead = rest.clone();
    let mut prev = first.clone();
    let mut last = None;
    let mut taken = 0;
    while taken < 4 {
        let Some((span, w)) = ahead.next() else {
            break;
        };
        if !capital(w) || !close(prose, &prev, &span) {
            break;
        }
        taken += 1;
        last = Some((span.end, w));
        prev = span;
    }
    last.map(|(end, w)| (end, w, taken))
}

/// How many names back "the senator" looks for the senator.
const OFFICE_LOOK_BACK: usize = 64;

/// Whether two words are next to each other (only spaces between, no line break).
fn close(prose: &str, a: &Span, b: &Span) -> bool {
    let gap = prose[a.end..b.start].trim_start_matches('.');
    gap.len() <= 2 && gap.chars().all(|c| c == ' ')
}
