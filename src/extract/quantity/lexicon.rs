//! The word lexicon: every word the extractor gives a role to, looked up once per token.
//!
//! A word can have several roles ("second" is an ordinal and a time unit, "over" is a
//! hedge and a stop word), so an [`Entry`] is a bag of optional roles and flags.

use std::sync::LazyLock;

use crate::extract::Direction;
use crate::extract::Hedge;

/// A cardinal number word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum NumWord {
    /// zero..nine.
    Unit(u8),
    /// ten..nineteen.
    Teen(u8),
    /// twenty..ninety.
    Tens(u8),
    /// "hundred".
    Hundred,
    /// thousand, million, billion, trillion, lakh, crore.
    Scale(f64),
    /// "dozen" (x12).
    Dozen,
}

/// The place an ordinal word takes in a compound ("twenty-first", "two hundredth").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OrdClass {
    /// first..ninth.
    Unit,
    /// tenth..nineteenth.
    Teen,
    /// twentieth..ninetieth.
    Tens,
    /// hundredth.
    Hundred,
    /// thousandth, millionth...
    Scale,
    /// "half"/"halves", "quarter"/"quarters": denominators only, never ordinals.
    FractionOnly,
}

/// An ordinal word, also usable as a fraction's denominator ("thirds").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct OrdWord {
    /// 3.0 for "third"/"thirds".
    pub value: f64,
    /// Its place in a compound.
    pub class: OrdClass,
    /// "thirds" rather than "third".
    pub plural: bool,
}

/// A change word's grammatical role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ChangeRole {
    /// "rose", "fell": before the figure, any kind of figure.
    Verb,
    /// "up", "down": before the figure, money and percentages only.
    Adverb,
    /// "increase", "decline": after the figure ("a 7% increase"), or before "of".
    Noun,
    /// "higher", "lower": after a percentage ("7% higher").
    Comparative,
}

/// Flag: not a unit noun ("5 in", "7 said").
pub(super) const STOP: u32 = 1;
/// Flag: a determiner or ordinal that makes the next "one"/"half" a pronoun or noun.
pub(super) const DET: u32 = 1 << 1;
/// Flag: a preposition that makes the next four-digit number a year ("in 2012").
pub(super) const YEAR_PREP: u32 = 1 << 2;
/// Flag: "percent", "percentage", "pct".
pub(super) const PERCENT: u32 = 1 << 3;
/// Flag: a time unit (a ratio's denominator is never followed by one).
pub(super) const TIME_UNIT: u32 = 1 << 4;
/// Flag: an adjective that may stand between a number and its noun ("3,200 new jobs").
pub(super) const ADJ: u32 = 1 << 5;
/// Flag: a verb form after which "one" is a numeral ("is one").
pub(super) const COPULA: u32 = 1 << 6;
/// Flag: a month name.
pub(super) const MONTH: u32 = 1 << 7;
/// Flag: a change verb that states a change only with "by" ("raised taxes by 5%";
/// "raised $5m" is fundraising).
pub(super) const BY_ONLY: u32 = 1 << 8;
/// Flag: a currency name ([`super::currency::name`] knows it: "dollars", "yen").
pub(super) const CURRENCY: u32 = 1 << 9;
/// Flag: a word that may open a figure though it is no number, hedge or change
/// word ("a", "between", "from", "minus", "at"...): see `OPENERS`.
pub(super) const OPENER: u32 = 1 << 10;
/// Flag: the lowercase form of an ISO 4217 code ([`super::currency::code`] may
/// read the word as written: "usd", "try").
pub(super) const CODE: u32 = 1 << 11;
/// Flag: "pair" ("a pair" is 2).
pub(super) const PAIR: u32 = 1 << 12;
/// Flag: a multiple in words ("twice", "double", "triple", "treble", "quadruple").
pub(super) const MULTIPLE: u32 = 1 << 13;

/// Words that may open a figure though they carry no number, hedge, change or
/// percent role: articles, range openers, signs and the first words of hedges
/// ("more than", "at least", "up to", "u.s. $").
const OPENERS: &str = "a an between from minus negative more less fewer greater higher lower at upwards \
    upward in up close just well slightly no not as on north per u";

/// Everything the extractor knows about one lowercase word.
#[derive(Debug, Default)]
pub(super) struct Entry {
    /// As a cardinal number word.
    pub num: Option<NumWord>,
    /// "thousands", "billions": a plural scale word, a numeral only after a number.
    pub plural_scale: bool,
    /// As an ordinal or a fraction's denominator.
    pub ord: Option<OrdWord>,
    /// As a one-word hedge ("about", "nearly", "over").
    pub hedge: Option<Hedge>,
    /// As a change word.
    pub change: Option<(ChangeRole, Direction)>,
    /// Flags (`STOP`, `DET`...).
    pub flags: u32,
}

impl Entry {
    /// Does the entry carry `flag`?
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

pub(super) use crate::words::FnvMap;

static EMPTY: Entry = Entry {
    num: None,
    plural_scale: false,
    ord: None,
    hedge: None,
    change: None,
    flags: 0,
};

/// The entry of a word that has no role.
pub(super) fn empty() -> &'static Entry {
    &EMPTY
}

/// The entry of a lowercase word.
pub(super) fn lookup(lower: &str) -> &'static Entry {
    LEXICON.get(lower).unwrap_or(&EMPTY)
}

/// The hash [`lookup_hashed`] is keyed by: FNV-1a over the lowercase bytes,
/// which the lexer works out while it lowercases a word ([`hash_step`]).
pub(super) const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of the [`HASH_START`] hash.
#[inline(always)]
pub(super) fn hash_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// The [`HASH_START`] hash of a lowercase word.
pub(super) fn hash_of(lower: &[u8]) -> u64 {
    lower.iter().fold(HASH_START, |h, &b| hash_step(h, b))
}

/// The lexicon as an open-addressed table on the lexer's own hash: a word is
/// hashed once, as it is lowercased, and most words (not in the lexicon) meet
/// an empty slot at once. Answers as [`lookup`] does.
struct Table {
    /// Per slot, 1 + the index into `keys`, or 0 for an empty slot.
    slots: Vec<u16>,
    /// The words with their hashes and entries.
    keys: Vec<(u64, &'static str, &'static Entry)>,
    /// `slots.len() - 1` (a power of two less one).
    mask: usize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let keys: Vec<(u64, &'static str, &'static Entry)> = LEXICON
        .iter()
        .map(|(w, e)| (hash_of(w.as_bytes()), *w, e))
        .collect();
    let size = (keys.len() * 4).next_power_of_two().max(16);
    let mut slots = vec![0u16; size];
    let mask = size - 1;
    for (k, &(h, _, _)) in keys.iter().enumerate() {
        let mut i = slot_of(h, mask);
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = u16::try_from(k + 1).expect("lexicon fits a u16 table");
    }
    Table { slots, keys, mask }
});

/// The first slot of hash `h`.
#[inline(always)]
fn slot_of(h: u64, mask: usize) -> usize {
    ((h ^ (h >> 29)) as usize) & mask
}

/// The entry of a lowercase word whose [`hash_of`] is `h`: [`lookup`] without
/// hashing the word again.
#[inline]
pub(super) fn lookup_hashed(lower: &str, h: u64) -> &'static Entry {
    let t = &*TABLE;
    let mut i = slot_of(h, t.mask);
    loop {
        let k = t.slots[i];
        if k == 0 {
            return &EMPTY;
        }
        let (kh, w, e) = t.keys[usize::from(k) - 1];
        if kh == h && w == lower {
            return e;
        }
        i = (i + 1) & t.mask;
    }
}

use crate::extract::number_words::{ORD_TEENS, ORD_TENS, ORD_UNITS, TEENS, TENS, UNITS};

/// Scale words and their values; the plural forms are added automatically.
const SCALES: [(&str, f64); 10] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lac", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("koti", 1e7),
    ("krore", 1e7),
];

/// Words that never head a count ("5 in", "7 said", "3 of").
const STOP_WORDS: &str = "a an the this that these those and or but nor so yet if then than as at by for from in into \
    of off on onto out over per to up upon via with within without about above across after against along amid among \
    around before behind below beneath beside besides between beyond down during except inside near outside past since \
    through throughout till toward towards under underneath until unlike vs versus while whereas \
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs who whom whose \
    which what whatever whichever where when why how all any both each either every few many more most much neither \
    no none other others own same several some such only also just even still again already ever never not too very \
    is am are was were be been being have has had having do does did doing done will would shall should can could may \
    might must ought said says say saying told tells tell according reported reports added adds noted notes \
    get gets got make makes made take takes took go goes went come comes came see saw seen give gives gave given \
    put puts set sets know knew think thought want wanted need needed show showed shown found find \
    here there now today tomorrow yesterday later earlier ago away back ahead apart instead \
    percent percentage pct percents plus minus";

/// Extra stop words: weekdays, clock words, fillers.
const STOP_MORE: &str = "monday tuesday wednesday thursday friday saturday sunday am pm gmt utc est edt bst cet \
    o clock hrs respectively each apiece alone together overall combined total totalling totaling \
    compared versus against including excluding respectively while whereas because although though however \
    yes ok okay oh ah etc ie eg tonight noon midnight oclock pst pdt cst cdt mst mdt edt cest ist jst aest";

const MONTHS: &str = "january february march april may june july august september october november december \
    jan feb mar apr jun jul aug sep sept oct nov dec";

const DETERMINERS: &str = "the this that these those which what whichever whatever each every any no some another \
    only other first second third fourth last next final former latter its their his her our my your same own \
    someone anyone everyone noone little";

const YEAR_PREPS: &str = "in since by until till from during before after through to of between circa around \
    early late mid throughout fiscal fy year";

const TIME_UNITS: &str = "year years month months week weeks day days hour hours minute minutes second seconds \
    decade decades century centuries quarter quarters";

/// Adjectives that may stand between a number and its noun ("3,200 new jobs").
const ADJECTIVES: &str = "new additional extra more other further full total major minor key big small large \
    young old new senior junior local foreign international domestic public private separate different \
    individual permanent temporary full-time part-time armed active unarmed innocent registered eligible \
    confirmed suspected reported known unknown estimated independent active-duty civilian british american \
    russian ukrainian chinese georgian european largest biggest smallest highest lowest richest poorest \
    fastest oldest youngest greatest longest busiest strongest weakest best worst least top leading main \
    remaining surviving missing wounded injured displaced dead upcoming coming following previous past \
    preceding succeeding ongoing consecutive straight successive straight";

const COPULAS: &str = "is was are were be been equals equal makes made minus negative plus times number no count \
    of than by";

const HEDGES: [(&str, Hedge); 17] = [
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("approx", Hedge::About),
    ("some", Hedge::About),
    ("estimated", Hedge::About),
    ("circa", Hedge::About),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("over", Hedge::MoreThan),
    ("above", Hedge::MoreThan),
    ("exceeding", Hedge::MoreThan),
    ("under", Hedge::LessThan),
    ("below", Hedge::LessThan),
    ("nearing", Hedge::Nearly),
    ("upward", Hedge::MoreThan),
];

const RISE_VERBS: &str = "rose rise rises rising risen increased increase increases increasing grew grow grows \
    growing grown gained gain gains gaining jumped jump jumps jumping climbed climb climbs climbing soared soar \
    soars soaring surged surge surges surging rallied advanced advances advancing added adds adding expanded \
    expands expanding spiked spiking rebounded raised raise raises raising boosted boosts lifted hiked widened add";
const FALL_VERBS: &str = "fell fall falls falling fallen dropped drop drops dropping declined decline declines \
    declining decreased decrease decreases decreasing slipped slip slips slipping slid slide slides sliding sank \
    sink sinks sinking sunk plunged plunge plunges plunging tumbled tumble tumbles tumbling slumped slump slumps \
    dipped dip dips dipping eased ease eases easing shrank shrink shrinks shrinking shrunk contracted contracts \
    lost lose loses losing shed sheds shedding cut cuts cutting reduced reduce reduces reducing lowered slashed \
    slashes plummeted plummet plummets narrowed retreated";
const RISE_NOUNS: &str = "increase increases rise rises gain gains jump jumps surge hike hikes growth climb \
    boost uptick spike rebound advance";
const FALL_NOUNS: &str = "decrease decreases decline declines drop drops fall falls cut cuts reduction reductions \
    loss losses slump plunge dip slide downturn contraction";

static LEXICON: LazyLock<FnvMap<&'static str, Entry>> = LazyLock::new(build);

fn build() -> FnvMap<&'static str, Entry> {
    let mut m: FnvMap<&'static str, Entry> = FnvMap::default();
    let mut put = |w: &'static str, f: &mut dyn FnMut(&mut Entry)| f(m.entry(w).or_default());

    for (i, w) in UNITS.iter().enumerate() {
        put(w, &mut |e| e.num = Some(NumWord::Unit(i as u8)));
    }
    for w in ["nought", "naught", "nil"] {
        put(w, &mut |e| e.num = Some(NumWord::Unit(0)));
    }
    for (i, w) in TEENS.iter().enumerate() {
        put(w, &mut |e| e.num = Some(NumWord::Teen(10 + i as u8)));
    }
    for (i, w) in TENS.iter().enumerate() {
        put(w, &mut |e| e.num = Some(NumWord::Tens(20 + 10 * i as u8)));
    }
    // Common misspellings seen in real copy.
    put("fourty", &mut |e| e.num = Some(NumWord::Tens(40)));
    put("ninty", &mut |e| e.num = Some(NumWord::Tens(90)));
    put("hundred", &mut |e| e.num = Some(NumWord::Hundred));
    put("hundreds", &mut |e| {
        e.num = Some(NumWord::Hundred);
        e.plural_scale = true;
    });
    for w in ["dozen", "dozens", "doz", "dozs", "dz", "dzs"] {
        put(w, &mut |e| e.num = Some(NumWord::Dozen));
    }
    for &(w, v) in &SCALES {
        put(w, &mut |e| e.num = Some(NumWord::Scale(v)));
    }
    // Plural scales and abbreviations: numerals only after a number ("three
    // billions", "three hundred crores", "3 cr"), never alone ("thousands of").
    for (w, v) in [
        ("thousands", 1e3),
        ("millions", 1e6),
        ("billions", 1e9),
        ("trillions", 1e12),
        ("crores", 1e7),
        ("krores", 1e7),
        ("cr", 1e7),
        ("lkh", 1e5),
        ("lkhs", 1e5),
    ] {
        put(w, &mut |e| {
            e.num = Some(NumWord::Scale(v));
            e.plural_scale = true;
        });
    }

    // Ordinals and their plurals (denominators).
    let ord = |value: f64, class: OrdClass, plural: bool| {
        Some(OrdWord {
            value,
            class,
            plural,
        })
    };
    let plural = |w: &str| -> &'static str { Box::leak(format!("{w}s").into_boxed_str()) };
    for (i, w) in ORD_UNITS.iter().enumerate() {
        put(w, &mut |e| {
            e.ord = ord(1.0 + i as f64, OrdClass::Unit, false)
        });
        let p = plural(w);
        put(p, &mut |e| {
            e.ord = ord(1.0 + i as f64, OrdClass::Unit, true)
        });
    }
    put("nineth", &mut |e| e.ord = ord(9.0, OrdClass::Unit, false));
    for (i, w) in ORD_TEENS.iter().enumerate() {
        put(w, &mut |e| {
            e.ord = ord(10.0 + i as f64, OrdClass::Teen, false)
        });
        let p = plural(w);
        put(p, &mut |e| {
            e.ord = ord(10.0 + i as f64, OrdClass::Teen, true)
        });
    }
    for (i, w) in ORD_TENS.iter().enumerate() {
        put(w, &mut |e| {
            e.ord = ord(20.0 + 10.0 * i as f64, OrdClass::Tens, false)
        });
        let p = plural(w);
        put(p, &mut |e| {
            e.ord = ord(20.0 + 10.0 * i as f64, OrdClass::Tens, true)
        });
    }
    put("hundredth", &mut |e| {
        e.ord = ord(100.0, OrdClass::Hundred, false)
    });
    put("hundredths", &mut |e| {
        e.ord = ord(100.0, OrdClass::Hundred, true)
    });
    for (w, v) in [
        ("thousandth", 1e3),
        ("millionth", 1e6),
        ("billionth", 1e9),
        ("trillionth", 1e12),
    ] {
        put(w, &mut |e| e.ord = ord(v, OrdClass::Scale, false));
        let p = plural(w);
        put(p, &mut |e| e.ord = ord(v, OrdClass::Scale, true));
    }
    put("half", &mut |e| {
        e.ord = ord(2.0, OrdClass::FractionOnly, false)
    });
    put("halves", &mut |e| {
        e.ord = ord(2.0, OrdClass::FractionOnly, true)
    });
    put("quarter", &mut |e| {
        e.ord = ord(4.0, OrdClass::FractionOnly, false)
    });
    put("quarters", &mut |e| {
        e.ord = ord(4.0, OrdClass::FractionOnly, true)
    });

    for &(w, h) in &HEDGES {
        put(w, &mut |e| e.hedge = Some(h));
    }
    for (list, role, dir) in [
        (RISE_VERBS, ChangeRole::Verb, Direction::Rise),
        (FALL_VERBS, ChangeRole::Verb, Direction::Fall),
    ] {
        for w in list.split_whitespace() {
            put(w, &mut |e| e.change = Some((role, dir)));
        }
    }
    // Nouns override verbs for the forms that are both ("increase", "drop"): the
    // parser tries the noun reading after a figure and the verb reading before one.
    for (list, dir) in [(RISE_NOUNS, Direction::Rise), (FALL_NOUNS, Direction::Fall)] {
        for w in list.split_whitespace() {
            put(w, &mut |e| e.change = Some((ChangeRole::Noun, dir)));
        }
    }
    put("up", &mut |e| {
        e.change = Some((ChangeRole::Adverb, Direction::Rise))
    });
    put("down", &mut |e| {
        e.change = Some((ChangeRole::Adverb, Direction::Fall))
    });
    for (w, d) in [
        ("higher", Direction::Rise),
        ("lower", Direction::Fall),
        ("stronger", Direction::Rise),
        ("weaker", Direction::Fall),
        ("cheaper", Direction::Fall),
        ("dearer", Direction::Rise),
    ] {
        put(w, &mut |e| e.change = Some((ChangeRole::Comparative, d)));
    }

    for (list, flag) in [
        (STOP_WORDS, STOP),
        (STOP_MORE, STOP),
        (MONTHS, STOP | MONTH),
        (DETERMINERS, DET),
        (YEAR_PREPS, YEAR_PREP),
        (TIME_UNITS, TIME_UNIT),
        (ADJECTIVES, ADJ),
        (COPULAS, COPULA),
        (
            "raised raise raises raising boosted boosts lifted hiked lowered reduced reduce reduces reducing",
            BY_ONLY,
        ),
    ] {
        for w in list.split_whitespace() {
            put(w, &mut |e| e.flags |= flag);
        }
    }
    for w in ["percent", "percentage", "pct", "percents", "pc"] {
        put(w, &mut |e| e.flags |= PERCENT | STOP);
    }
    // Number words, scales, hedges and change words are never a count's noun.
    for e in m.values_mut() {
        if e.num.is_some()
            || e.ord.is_some()
            || e.plural_scale
            || e.hedge.is_some()
            || e.change.is_some()
        {
            e.flags |= STOP;
        }
        // ...but "30 seconds", "two quarters" can still be counts of a time unit.
        if e.has(TIME_UNIT) {
            e.flags &= !STOP;
        }
    }
    add_lookup_flags(&mut m);
    m
}

/// The flags that spare the reader other table look-ups: currency names,
/// openers, ISO codes and "pair". They give no word any other role.
fn add_lookup_flags(m: &mut FnvMap<&'static str, Entry>) {
    let mut put = |w: &'static str, flag: u32| m.entry(w).or_default().flags |= flag;
    for w in super::currency::names() {
        put(w, CURRENCY);
    }
    for w in OPENERS.split_whitespace() {
        put(w, OPENER);
    }
    for w in super::currency::lowercase_codes() {
        put(w, CODE);
    }
    put("pair", PAIR);
    for w in ["twice", "double", "triple", "treble", "quadruple"] {
        put(w, MULTIPLE);
    }
}

/// The value of a digit word after "point" ("zero".."nine", "oh", "nought").
pub(super) fn decimal_digit(lower: &str) -> Option<u8> {
    match lower {
        "oh" | "o" => Some(0),
        _ => match lookup(lower).num {
            Some(NumWord::Unit(u)) => Some(u),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table on the lexer's hash answers as the lexicon's map does: every
    /// word of the lexicon, its prefixes and extensions, and seeded random
    /// letter strings.
    #[test]
    fn hashed_lookup_gives_the_map_lookup() {
        let check = |w: &str| {
            let got = lookup_hashed(w, hash_of(w.as_bytes()));
            assert!(std::ptr::eq(got, lookup(w)), "{w:?}");
        };
        for w in LEXICON.keys() {
            check(w);
            let last = w.char_indices().last().map_or(0, |(k, _)| k);
            check(&w[..last]);
            check(&format!("{w}s"));
            check(&format!("x{w}"));
        }
        check("");
        let mut state = 0x1e81_u64;
        for _ in 0..20_000 {
            let mut w = String::new();
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for k in 0..(state >> 60) {
                w.push(char::from(b'a' + ((state >> (4 * k)) % 26) as u8));
            }
            check(&w);
        }
    }
}
