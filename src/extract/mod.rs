//! Extraction: what a piece of prose says, as typed mentions with byte spans.
//!
//! Every extractor takes the *prose view* of a document (see
//! [`crate::document::Document::prose`]): a string of the same length as the
//! source in which markup has been blanked out, so a byte span in the prose view is
//! the same byte span in the file. Extractors never allocate per character and never
//! panic on any input.

pub mod date;
mod gate;
mod number_words;
pub mod quantity;
pub mod quote;

use std::ops::Range;

/// A byte range in a document's text (and in its prose view: they share offsets).
pub type Span = Range<usize>;

/// A figure found in text: "20%", "$1.3 billion", "a 7% rise", "five-day", "2012".
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    /// Where the figure is written, including its currency sign, scale word, unit
    /// and change word ("rose 7%"), but not a hedge word before it.
    pub span: Span,
    /// What the figure measures.
    pub kind: QuantityKind,
    /// The value in base units: 1.3e9 for "$1.3B", 20.0 for "20%", 0.2 for "a fifth".
    pub value: f64,
    /// The place value of the last digit written, in the same units: 1e8 for "$1.3B",
    /// 1e6 for "$1,300 million", 1.0 for "20%", 0.1 for "20.5%". Exact words ("half",
    /// "a dozen") have the step of their last unit ("four million": 1e6).
    pub step: f64,
    /// The other end of a range ("between $10 and $20", "10-20%"): `value` holds the
    /// low end and `upper` the high end.
    pub upper: Option<f64>,
    /// A hedge written before the figure ("about", "nearly", "more than").
    pub hedge: Option<Hedge>,
    /// A change and its direction ("rose 7%", "a 7% decline", "+7%").
    pub direction: Option<Direction>,
}

/// What a [`Quantity`] measures.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum QuantityKind {
    /// A bare number: "4 million", "3.5", "a dozen".
    Number,
    /// A share or rate in percent: "20%", "20 percent", "20 per cent".
    Percent,
    /// A difference between rates: "3 percentage points".
    PercentagePoints,
    /// A fraction written in words: "a fifth", "half", "two-thirds" (value 0.2, 0.5...).
    Fraction,
    /// An amount of money; `currency` is an ISO 4217 code ("USD", "EUR", "GEL") or,
    /// for a currency with no code, its lowercased name.
    Money { currency: String },
    /// A count of things: "3,200 jobs", "five-day" (`unit` is the singular noun).
    Count { unit: String },
    /// A calendar year standing as a figure: "since 2012".
    Year,
    /// An ordinal: "third", "21st".
    Ordinal,
}

/// A hedge word before a figure. Hedges describe the writer's confidence; they never
/// make a wrong figure right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Hedge {
    /// "about", "around", "roughly", "approximately", "some", "an estimated".
    About,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "more than", "over", "above", "at least", "upwards of".
    MoreThan,
    /// "less than", "under", "below", "fewer than", "up to", "at most".
    LessThan,
}

/// The direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    /// "rose", "increase", "up", "grew", "+7%".
    Rise,
    /// "fell", "decline", "down", "dropped", "-7%".
    Fall,
}

impl Direction {
    /// The word a report uses for this direction.
    pub fn word(self) -> &'static str {
        match self {
            Direction::Rise => "rise",
            Direction::Fall => "fall",
        }
    }
}

impl Hedge {
    /// The word a report uses for this hedge.
    pub fn word(self) -> &'static str {
        match self {
            Hedge::About => "about",
            Hedge::Nearly => "nearly",
            Hedge::MoreThan => "more than",
            Hedge::LessThan => "less than",
        }
    }
}

/// The figures that are not part of a date: the day of "December 4, 2024" is not a
/// figure and must not fill a number slot. A year stays, even inside a date, since a
/// claim's year slot ("took office in 2012") may be stated with a full date.
/// Both lists are sorted by position.
pub fn outside_dates(figures: Vec<Quantity>, dates: &[date::DateMention]) -> Vec<Quantity> {
    figures
        .into_iter()
        .filter(|q| {
            q.kind == QuantityKind::Year || {
                let i = dates.partition_point(|d| d.span.end <= q.span.start);
                dates.get(i).is_none_or(|d| d.span.start >= q.span.end)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_in_dates_are_not_figures() {
        let text = "On December 4, 2024, 4 ministers met; in 2012 trade was $5 billion.";
        let published = "2025-01-10".parse().ok();
        let kept = outside_dates(quantity::quantities(text), &date::dates(text, published));
        let words: Vec<&str> = kept.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(words, ["2024", "4 ministers", "2012", "$5 billion"]);
    }
}
