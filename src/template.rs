//! Claim templates: a wording such as "$1.3B trade, +7%" read by the same extractor
//! that reads articles. Its figures become typed slots with expected values, `{slot}`
//! placeholders become slots without a value, and its other content words become the
//! anchors a sentence must contain.

use crate::extract::quantity::quantities;
use crate::extract::{Quantity, QuantityKind};
use crate::understand::sentence::{self, Role};
use crate::words;

/// What kind of figure a slot takes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum SlotKind {
    /// A bare number ("4 million").
    Number,
    /// A percentage ("20%").
    Percent,
    /// Percentage points ("3 percentage points").
    PercentagePoints,
    /// A fraction in words ("a fifth").
    Fraction,
    /// Money; the currency when the template names one.
    Money(Option<String>),
    /// A count of a unit ("3,200 jobs"); the unit when the template names one.
    Count(Option<String>),
    /// A year ("since 2012").
    Year,
    /// An ordinal ("third").
    Ordinal,
}

impl SlotKind {
    /// The slot kind a figure of this kind fills.
    pub fn of(kind: &QuantityKind) -> SlotKind {
        match kind {
            QuantityKind::Number => SlotKind::Number,
            QuantityKind::Percent => SlotKind::Percent,
            QuantityKind::PercentagePoints => SlotKind::PercentagePoints,
            QuantityKind::Fraction => SlotKind::Fraction,
            QuantityKind::Money { currency } => SlotKind::Money(Some(currency.clone())),
            QuantityKind::Count { unit } => SlotKind::Count(Some(unit.clone())),
            QuantityKind::Year => SlotKind::Year,
            QuantityKind::Ordinal => SlotKind::Ordinal,
        }
    }

    /// Whether a figure of kind `found` can stand in this slot. Percentages and
    /// percentage points stand in each other's slots (so the difference can be
    /// reported), fractions in percentage slots ("a fifth" for 20%), numbers in count
    /// slots and counts in number slots.
    pub fn accepts(&self, found: &QuantityKind) -> bool {
        use QuantityKind as Q;
        match (self, found) {
            (SlotKind::Number, Q::Number | Q::Count { .. }) => true,
            (SlotKind::Percent | SlotKind::PercentagePoints, Q::Percent | Q::PercentagePoints) => {
                true
            }
            (SlotKind::Percent | SlotKind::Fraction, Q::Fraction) => true,
            (SlotKind::Fraction, Q::Percent) => true,
            (SlotKind::Money(_), Q::Money { .. }) => true,
            (SlotKind::Count(None), Q::Count { .. } | Q::Number) => true,
            (SlotKind::Count(Some(unit)), Q::Count { unit: u }) => unit == u,
            (SlotKind::Count(Some(_)), Q::Number) => true,
            (SlotKind::Year, Q::Year) => true,
            (SlotKind::Ordinal, Q::Ordinal) => true,
            _ => false,
        }
    }
}

/// The `{name}` placeholders a template may use.
pub const SLOT_NAMES: &[&str] = &["number", "percent", "money", "year", "count"];

/// One figure of a template.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Slot {
    /// What kind of figure fills it.
    pub kind: SlotKind,
    /// The value the claim asserts; `None` for a `{slot}` placeholder.
    pub expected: Option<Quantity>,
    /// The slot as written in the template ("$1.3B", "{percent}").
    pub text: String,
    /// Where the slot starts in the wording (bytes).
    pub at: usize,
    /// What the slot's figure is in the wording: a value, or a comparison base
    /// ("up from 7.1%").
    pub role: Role,
    /// The anchors (indices in [`Template::anchors`]) of the "of" phrase the slot
    /// quantifies ("82 percent *of murders involving white victims*").
    pub phrase_anchors: Vec<usize>,
}

/// One wording of a claim, compiled.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Template {
    /// The wording as written.
    pub wording: String,
    /// Its figures, in the order written.
    pub slots: Vec<Slot>,
    /// Folded content words every matching sentence must contain.
    pub anchors: Vec<String>,
    /// Where each anchor is first written in the wording (bytes); a count's unit is
    /// placed at its figure.
    pub anchor_at: Vec<usize>,
}

/// Compiles one wording, or says why it cannot be a template. A pure function of
/// the wording: the rule loader compiles each wording once and hands the templates
/// on with its claims ([`crate::rules::Claim::templates`]).
pub fn compile(wording: &str) -> Result<Template, String> {
    // Placeholders first, blanked so the extractor does not read their words.
    let mut blanked = wording.to_string();
    let mut slots = placeholder_slots(wording, &mut blanked)?;
    slots.extend(figure_slots(wording, &mut blanked));
    if slots.is_empty() {
        return Err(format!(
            "the template \"{wording}\" has no figure and no slot; write the figure the claim asserts (\"20% of territory\") or a slot ({})",
            slot_list()
        ));
    }
    slots.sort_by_key(|(at, _)| *at);
    let (mut anchors, mut anchor_at) = word_anchors(&blanked);
    add_count_anchors(&slots, &mut anchors, &mut anchor_at);
    attach_phrase_anchors(&mut slots, wording, &blanked, &anchor_at);
    if anchors.is_empty() {
        return Err(format!(
            "the template \"{wording}\" has figures but no words to find them by; add the words a sentence stating it would use (\"20% of territory\")"
        ));
    }
    Ok(Template {
        wording: wording.to_string(),
        slots: slots.into_iter().map(|(_, s)| s).collect(),
        anchors,
        anchor_at,
    })
}

/// The `{slot}` placeholders of a wording, in the order written, each with where
/// it starts; each is blanked out of `blanked` so that its name is read neither as
/// a figure nor as an anchor. An unclosed `{` or an unknown name is an error.
fn placeholder_slots(wording: &str, blanked: &mut String) -> Result<Vec<(usize, Slot)>, String> {
    let mut slots = Vec::new();
    let mut rest = wording;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            return Err(format!("`{{` at byte {} is never closed", offset + open));
        };
        let kind = placeholder_kind(rest[open + 1..open + close].trim())?;
        let start = offset + open;
        let end = offset + open + close + 1;
        blanked.replace_range(start..end, &" ".repeat(end - start));
        slots.push((
            start,
            Slot {
                kind,
                expected: None,
                text: wording[start..end].to_string(),
                at: start,
                role: Role::Current,
                phrase_anchors: Vec::new(),
            },
        ));
        offset = end;
        rest = &wording[end..];
    }
    Ok(slots)
}

/// The kind of figure the placeholder `{name}` stands for, or an error suggesting
/// the nearest of [`SLOT_NAMES`].
fn placeholder_kind(name: &str) -> Result<SlotKind, String> {
    match name {
        "number" => Ok(SlotKind::Number),
        "percent" => Ok(SlotKind::Percent),
        "money" => Ok(SlotKind::Money(None)),
        "year" => Ok(SlotKind::Year),
        "count" => Ok(SlotKind::Count(None)),
        other => {
            let hint = crate::rules::did_you_mean(other, SLOT_NAMES)
                .map(|s| format!("; did you mean `{{{s}}}`?"))
                .unwrap_or_else(|| format!("; slots are {}", slot_list()));
            Err(format!("unknown slot `{{{other}}}`{hint}"))
        }
    }
}

/// The figures the claim asserts ("$1.3B", "up from 7.1%"), read from `blanked` by
/// the article extractor, each a slot expecting its value in its role (a value or
/// a comparison base); each is then blanked so that it is not read as an anchor.
fn figure_slots(wording: &str, blanked: &mut String) -> Vec<(usize, Slot)> {
    let figures = quantities(blanked);
    let structure = sentence::analyse(
        blanked,
        &(0..blanked.len()),
        &figures,
        0..figures.len(),
        &[],
    );
    let mut slots = Vec::new();
    for (i, q) in figures.iter().enumerate() {
        let role = structure
            .phrases
            .iter()
            .find(|p| p.figure == i)
            .map_or(Role::Current, |p| p.role);
        slots.push((
            q.span.start,
            Slot {
                kind: SlotKind::of(&q.kind),
                expected: Some(q.clone()),
                text: wording[q.span.clone()].to_string(),
                at: q.span.start,
                role,
                phrase_anchors: Vec::new(),
            },
        ));
        blanked.replace_range(q.span.clone(), &" ".repeat(q.span.len()));
    }
    slots
}

/// The words a matching sentence must contain: the wording's folded content words
/// left once slots are blanked, each once, with where it is first written.
fn word_anchors(blanked: &str) -> (Vec<String>, Vec<usize>) {
    let mut anchors: Vec<String> = Vec::new();
    let mut anchor_at: Vec<usize> = Vec::new();
    for (span, w) in words::words(blanked) {
        let lower = w.to_lowercase();
        if words::is_stopword(&lower) || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let f = words::fold(w);
        if !anchors.contains(&f) {
            anchors.push(f);
            anchor_at.push(span.start);
        }
    }
    (anchors, anchor_at)
}

/// A count's unit is what a sentence stating it must mention ("3,200 jobs"), and so
/// are the words that qualify it ("600 bakery workers"): anchors placed at the count.
fn add_count_anchors(
    slots: &[(usize, Slot)],
    anchors: &mut Vec<String>,
    anchor_at: &mut Vec<usize>,
) {
    for (at, slot) in slots {
        if let SlotKind::Count(Some(unit)) = &slot.kind {
            let qualifiers = words::words(&slot.text)
                .map(|(_, w)| w)
                .filter(|w| {
                    !words::is_stopword(&w.to_lowercase())
                        && !w.chars().all(|c| c.is_ascii_digit())
                        && quantities(w).is_empty()
                })
                .map(words::fold);
            for f in qualifiers.chain([words::fold(unit)]) {
                if !anchors.contains(&f) {
                    anchors.push(f);
                    anchor_at.push(*at);
                }
            }
        }
    }
}

/// Gives each slot the anchors of the "of" phrase it quantifies ("82 percent *of
/// murders involving white victims*"): those written after it, before the next
/// slot and the phrase's end.
fn attach_phrase_anchors(
    slots: &mut [(usize, Slot)],
    wording: &str,
    blanked: &str,
    anchor_at: &[usize],
) {
    let starts: Vec<usize> = slots.iter().map(|(at, _)| *at).collect();
    let ends: Vec<usize> = slots.iter().map(|(at, s)| at + s.text.len()).collect();
    for (k, (_, slot)) in slots.iter_mut().enumerate() {
        let from = ends[k];
        let stop = slots_after(&starts, k, wording.len()).max(from);
        let end = sentence::of_phrase_end(blanked, from, stop);
        slot.phrase_anchors = (0..anchor_at.len())
            .filter(|&a| anchor_at[a] >= from && anchor_at[a] < end)
            .collect();
    }
}

/// Where the words after slot `k` stop: at the next slot, or the end.
fn slots_after(starts: &[usize], k: usize, len: usize) -> usize {
    starts.get(k + 1).map_or(len, |&s| s.min(len))
}

fn slot_list() -> String {
    SLOT_NAMES
        .iter()
        .map(|s| format!("{{{s}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &Template) -> Vec<(SlotKind, Option<f64>)> {
        t.slots
            .iter()
            .map(|s| (s.kind.clone(), s.expected.as_ref().map(|q| q.value)))
            .collect()
    }

    #[test]
    fn figures_become_slots_and_words_anchors() {
        let t = compile("$1.3B trade, +7%").unwrap();
        assert_eq!(
            kinds(&t),
            [
                (SlotKind::Money(Some("USD".into())), Some(1.3e9)),
                (SlotKind::Percent, Some(7.0))
            ]
        );
        assert_eq!(t.anchors, ["trade"]);
        assert_eq!(
            t.slots[1].expected.as_ref().unwrap().direction,
            Some(crate::extract::Direction::Rise)
        );
        assert_eq!(t.slots[0].text, "$1.3B");
    }

    #[test]
    fn stopwords_are_not_anchors_and_words_are_folded() {
        let t = compile("20% of territories").unwrap();
        assert_eq!(t.anchors, [words::fold("territory")]);
        let t = compile("in power since 2012").unwrap();
        assert_eq!(kinds(&t), [(SlotKind::Year, Some(2012.0))]);
        assert_eq!(t.anchors, ["power"]);
    }

    #[test]
    fn placeholders_are_slots_without_values() {
        let t = compile("{percent} of territory").unwrap();
        assert_eq!(kinds(&t), [(SlotKind::Percent, None)]);
        assert_eq!(t.slots[0].text, "{percent}");
        let t = compile("{money} in trade in {year}").unwrap();
        assert_eq!(
            kinds(&t),
            [(SlotKind::Money(None), None), (SlotKind::Year, None)]
        );
    }

    #[test]
    fn refusals_say_why() {
        assert!(
            compile("territory")
                .unwrap_err()
                .contains("no figure and no slot")
        );
        assert!(
            compile("20%")
                .unwrap_err()
                .contains("no words to find them by")
        );
        assert!(
            compile("{percnt} of land")
                .unwrap_err()
                .contains("did you mean `{percent}`")
        );
        assert!(
            compile("{percent of land")
                .unwrap_err()
                .contains("never closed")
        );
    }

    #[test]
    fn slot_kinds_accept_related_figures() {
        use crate::extract::QuantityKind as Q;
        assert!(SlotKind::Percent.accepts(&Q::PercentagePoints));
        assert!(SlotKind::Percent.accepts(&Q::Fraction));
        assert!(!SlotKind::Percent.accepts(&Q::Number));
        assert!(SlotKind::Money(None).accepts(&Q::Money {
            currency: "EUR".into()
        }));
        assert!(!SlotKind::Year.accepts(&Q::Number));
        assert!(SlotKind::Count(Some("job".into())).accepts(&Q::Count { unit: "job".into() }));
        assert!(!SlotKind::Count(Some("job".into())).accepts(&Q::Count { unit: "day".into() }));
    }
}
