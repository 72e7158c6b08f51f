//! The currency table: symbols, ISO 4217 codes, names, and the words that narrow a
//! name down ("Australian dollars", "Swiss francs").
//!
//! Conventions:
//! * "$" and "dollars" alone are US dollars; "£"/"pounds" pounds sterling; "¥" yen.
//! * A name shared by several currencies with no default ("francs", "pesos",
//!   "dinars", "riyals", "rials", "kroner") is returned as its lowercase singular name
//!   unless a modifier ("Swiss", "Mexican", "Kuwaiti") settles the code.
//! * Minor units (cents, pence, kopecks, paise, sen, tetri) are amounts of the main
//!   currency: "50 cents" is 0.50 USD, "470 pence" 4.70 GBP ([`Cur::factor`] 0.01).
//! * Codes that are also common English words or names ("ALL", "TOP", "CUP", "AMD")
//!   are left out; some ("TRY", "GEL", "MAD", "RON", "COP", "PEN") count only in
//!   capitals.

use std::sync::LazyLock;

use super::lexicon::FnvMap;

/// A currency as read from the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Cur {
    /// ISO 4217 code, or a lowercase name for an ambiguous one ("franc").
    pub code: &'static str,
    /// What one written unit is worth in `code`: 1.0, or 0.01 for cents and pence.
    pub factor: f64,
}

impl Cur {
    const fn main(code: &'static str) -> Cur {
        Cur { code, factor: 1.0 }
    }
    const fn minor(code: &'static str) -> Cur {
        Cur { code, factor: 0.01 }
    }
    /// Is this a minor unit (cents, pence)?
    pub fn is_minor(&self) -> bool {
        self.factor < 1.0
    }
}

/// A currency symbol.
pub(super) fn symbol(c: char) -> Option<Cur> {
    let code = match c {
        '$' | '\u{fe69}' | '\u{ff04}' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' | '\u{ffe5}' => "JPY",
        '₽' => "RUB",
        '₾' => "GEL",
        '₹' | '₨' => "INR",
        '₩' => "KRW",
        '₺' => "TRY",
        '₴' => "UAH",
        '₪' => "ILS",
        '₦' => "NGN",
        '₱' => "PHP",
        '฿' => "THB",
        '₫' => "VND",
        '₡' => "CRC",
        '₭' => "LAK",
        '₮' => "MNT",
        '₿' => "BTC",
        '₸' => "KZT",
        '₼' => "AZN",
        '₲' => "PYG",
        '₵' => "GHS",
        '¢' => return Some(Cur::minor("USD")),
        _ => return None,
    };
    Some(Cur::main(code))
}

/// ISO codes read in any case (they are not English words).
const CODES_ANY_CASE: &str = "USD EUR GBP JPY RUB CNY CHF INR CAD AUD NZD HKD SGD MXN BRL KRW UAH ZAR SEK NOK DKK \
    PLN HUF CZK BGN HRK RSD KWD SAR QAR AED OMR BHD JOD EGP LBP DZD TND IQD IRR YER SYP MYR THB IDR VND NGN KES \
    GHS ETB PKR LKR BDT NPR TWD ARS CLP UYU KZT AZN MNT BYN MDL ISK XAF XOF BTC RMB";
/// ISO codes read only in capitals (lowercase, they are words or names).
const CODES_UPPER: &str = "TRY GEL MAD RON COP PEN PHP ILS CRC LAK PYG";

static CODES: LazyLock<FnvMap<&'static str, (&'static str, bool)>> = LazyLock::new(|| {
    let mut m = FnvMap::default();
    for c in CODES_ANY_CASE.split_whitespace() {
        let code = if c == "RMB" { "CNY" } else { c };
        m.insert(c, (code, true));
    }
    for c in CODES_UPPER.split_whitespace() {
        m.insert(c, (c, false));
    }
    m
});

/// The lowercase forms of every code [`code`] knows ("usd", "try", "rmb"): a
/// word whose lowercase form is none of them is no code.
pub(super) fn lowercase_codes() -> impl Iterator<Item = &'static str> {
    CODES
        .keys()
        .map(|c| &*Box::leak(c.to_ascii_lowercase().into_boxed_str()))
}

/// An ISO 4217 code written as a word ("USD", "eur"); `raw` is the word as written.
pub(super) fn code(raw: &str) -> Option<Cur> {
    if raw.len() != 3 || !raw.is_ascii() {
        return None;
    }
    let upper = [
        raw.as_bytes()[0].to_ascii_uppercase(),
        raw.as_bytes()[1].to_ascii_uppercase(),
        raw.as_bytes()[2].to_ascii_uppercase(),
    ];
    let key = std::str::from_utf8(&upper).ok()?;
    let &(code, any_case) = CODES.get(key)?;
    let all_upper = raw.bytes().all(|b| b.is_ascii_uppercase());
    let all_lower = raw.bytes().all(|b| b.is_ascii_lowercase());
    if all_upper || (any_case && all_lower) {
        Some(Cur::main(code))
    } else {
        None
    }
}

/// A code-like abbreviation written before or glued to a number: "Rs", "RM", "zł".
pub(super) fn abbreviation(raw: &str) -> Option<Cur> {
    short_form(raw).or_else(|| code(raw))
}

/// [`abbreviation`] for a word whose lexicon entry is known: a word without the
/// [`super::lexicon::CODE`] flag is no ISO code, so no code table is looked up.
pub(super) fn abbreviation_of(raw: &str, entry: &super::lexicon::Entry) -> Option<Cur> {
    short_form(raw).or_else(|| entry.has(super::lexicon::CODE).then(|| code(raw))?)
}

/// The abbreviations that are no ISO code: "Rs", "RM", "zł", "LE".
fn short_form(raw: &str) -> Option<Cur> {
    match raw {
        "Rs" | "rs" | "RS" | "Rp" => Some(Cur::main(if raw == "Rp" { "IDR" } else { "INR" })),
        "RM" => Some(Cur::main("MYR")),
        "zł" | "zl" => Some(Cur::main("PLN")),
        "Ksh" | "KSh" => Some(Cur::main("KES")),
        "Dhs" => Some(Cur::main("AED")),
        // Livre égyptienne, as Egyptian prices are marked ("LE 50", "50 L.E.").
        "LE" => Some(Cur::main("EGP")),
        _ => None,
    }
}

/// A million-prefixed code: "MUSD", "MEUR" (Scandinavian finance style).
pub(super) fn million_code(raw: &str) -> Option<Cur> {
    let rest = raw.strip_prefix('M')?;
    if rest.len() == 3 && rest.bytes().all(|b| b.is_ascii_uppercase()) {
        code(rest)
    } else {
        None
    }
}

/// Letters that make "$" another dollar when written before it ("US$", "C$", "HK$").
/// `glued` tells whether the letters touch the "$"; `raw` is as written.
pub(super) fn dollar_prefix(raw: &str, lower: &str, glued: bool) -> Option<Cur> {
    let code = match lower {
        "us" | "usd" => "USD",
        "c" | "ca" | "can" | "cdn" | "cad" => "CAD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "au" | "aus" | "aud" => "AUD",
        "mex" | "mx" | "mxn" => "MXN",
        "nt" | "twd" => "TWD",
        "sg" | "sgd" => "SGD",
        // Single capitals only glued: "a $5 grant" is an article, "it's $5" a clitic.
        "a" if glued && raw == "A" => "AUD",
        "s" if glued && raw == "S" => "SGD",
        "r" if glued && raw == "R" => "BRL",
        "z" if glued && raw == "Z" => "ZWL",
        "j" if glued && raw == "J" => "JMD",
        _ => return None,
    };
    // Longer prefixes may stand a space away from the "$" ("US $ 150 million").
    if !glued && lower.len() == 1 && lower != "c" {
        return None;
    }
    Some(Cur::main(code))
}

/// A currency name word and the family it belongs to (for modifiers).
#[derive(Debug, Clone, Copy)]
pub(super) struct Name {
    /// The currency when nothing narrows it down.
    pub cur: Cur,
    /// The family key ("dollar", "pound") modifiers are keyed on.
    pub family: &'static str,
    /// Whether the word is a plural form ("dollars"); "one-dollar", "a dollar" use singulars.
    pub plural: bool,
}

const NAMES: &[(&str, &str, &str, f64)] = &[
    // (word, family, default code, factor); plural forms listed explicitly.
    ("dollar", "dollar", "USD", 1.0),
    ("dollars", "dollar", "USD", 1.0),
    ("buck", "dollar", "USD", 1.0),
    ("bucks", "dollar", "USD", 1.0),
    ("euro", "euro", "EUR", 1.0),
    ("euros", "euro", "EUR", 1.0),
    ("pound", "pound", "GBP", 1.0),
    ("pounds", "pound", "GBP", 1.0),
    ("quid", "pound", "GBP", 1.0),
    ("sterling", "pound", "GBP", 1.0),
    ("penny", "penny", "GBP", 0.01),
    ("pence", "penny", "GBP", 0.01),
    ("pennies", "cent", "USD", 0.01),
    ("cent", "cent", "USD", 0.01),
    ("cents", "cent", "USD", 0.01),
    ("yen", "yen", "JPY", 1.0),
    ("yuan", "yuan", "CNY", 1.0),
    ("renminbi", "yuan", "CNY", 1.0),
    ("kuai", "yuan", "CNY", 1.0),
    ("元", "yuan", "CNY", 1.0),
    ("円", "yen", "JPY", 1.0),
    ("rupee", "rupee", "INR", 1.0),
    ("rupees", "rupee", "INR", 1.0),
    ("paise", "paisa", "INR", 0.01),
    ("ரூ", "rupee", "LKR", 1.0),
    ("ruble", "ruble", "RUB", 1.0),
    ("rubles", "ruble", "RUB", 1.0),
    ("rouble", "ruble", "RUB", 1.0),
    ("roubles", "ruble", "RUB", 1.0),
    ("kopeck", "kopeck", "RUB", 0.01),
    ("kopecks", "kopeck", "RUB", 0.01),
    ("kopek", "kopeck", "RUB", 0.01),
    ("kopeks", "kopeck", "RUB", 0.01),
    ("kopiyka", "kopiyka", "UAH", 0.01),
    ("kopiykas", "kopiyka", "UAH", 0.01),
    ("lari", "lari", "GEL", 1.0),
    ("laris", "lari", "GEL", 1.0),
    ("tetri", "tetri", "GEL", 0.01),
    ("franc", "franc", "franc", 1.0),
    ("francs", "franc", "franc", 1.0),
    ("peso", "peso", "peso", 1.0),
    ("pesos", "peso", "peso", 1.0),
    ("reais", "real", "BRL", 1.0),
    ("rand", "rand", "ZAR", 1.0),
    ("lira", "lira", "TRY", 1.0),
    ("liras", "lira", "TRY", 1.0),
    ("lire", "lira", "ITL", 1.0),
    ("hryvnia", "hryvnia", "UAH", 1.0),
    ("hryvnias", "hryvnia", "UAH", 1.0),
    ("hryvnya", "hryvnia", "UAH", 1.0),
    ("zloty", "zloty", "PLN", 1.0),
    ("zlotys", "zloty", "PLN", 1.0),
    ("zlotych", "zloty", "PLN", 1.0),
    ("forint", "forint", "HUF", 1.0),
    ("forints", "forint", "HUF", 1.0),
    ("koruna", "koruna", "CZK", 1.0),
    ("korunas", "koruna", "CZK", 1.0),
    ("krona", "krona", "SEK", 1.0),
    ("kronor", "krona", "SEK", 1.0),
    ("krone", "krone", "krone", 1.0),
    ("kroner", "krone", "krone", 1.0),
    ("ringgit", "ringgit", "MYR", 1.0),
    ("ringgits", "ringgit", "MYR", 1.0),
    ("sen", "sen", "MYR", 0.01),
    ("sens", "sen", "MYR", 0.01),
    ("baht", "baht", "THB", 1.0),
    ("dong", "dong", "VND", 1.0),
    ("rupiah", "rupiah", "IDR", 1.0),
    ("naira", "naira", "NGN", 1.0),
    ("cedi", "cedi", "GHS", 1.0),
    ("cedis", "cedi", "GHS", 1.0),
    ("birr", "birr", "ETB", 1.0),
    ("taka", "taka", "BDT", 1.0),
    ("tenge", "tenge", "KZT", 1.0),
    ("manat", "manat", "manat", 1.0),
    ("tugrik", "tugrik", "MNT", 1.0),
    ("tugriks", "tugrik", "MNT", 1.0),
    ("shekel", "shekel", "ILS", 1.0),
    ("shekels", "shekel", "ILS", 1.0),
    ("dinar", "dinar", "dinar", 1.0),
    ("dinars", "dinar", "dinar", 1.0),
    ("riyal", "riyal", "riyal", 1.0),
    ("riyals", "riyal", "riyal", 1.0),
    ("rial", "rial", "rial", 1.0),
    ("rials", "rial", "rial", 1.0),
    ("dirham", "dirham", "dirham", 1.0),
    ("dirhams", "dirham", "dirham", 1.0),
    ("shilling", "shilling", "shilling", 1.0),
    ("shillings", "shilling", "shilling", 1.0),
    ("won", "won", "KRW", 1.0),
    ("bitcoin", "bitcoin", "BTC", 1.0),
    ("bitcoins", "bitcoin", "BTC", 1.0),
    ("markka", "markka", "FIM", 1.0),
    ("markkaa", "markka", "FIM", 1.0),
    ("guilder", "guilder", "NLG", 1.0),
    ("guilders", "guilder", "NLG", 1.0),
    ("peseta", "peseta", "ESP", 1.0),
    ("pesetas", "peseta", "ESP", 1.0),
    ("deutschmark", "mark", "DEM", 1.0),
    ("deutschmarks", "mark", "DEM", 1.0),
    ("drachma", "drachma", "GRD", 1.0),
    ("drachmas", "drachma", "GRD", 1.0),
    ("leva", "lev", "BGN", 1.0),
    // The Egyptian pound's Arabic name as transliterated in Egyptian English.
    ("geneh", "geneh", "EGP", 1.0),
    ("gineih", "geneh", "EGP", 1.0),
    ("guineh", "geneh", "EGP", 1.0),
    ("genihat", "geneh", "EGP", 1.0),
    ("lei", "leu", "RON", 1.0),
];

/// Words that narrow a family down: (modifier, family, code).
const MODIFIERS: &[(&str, &str, &str)] = &[
    ("us", "dollar", "USD"),
    ("u.s.", "dollar", "USD"),
    ("american", "dollar", "USD"),
    ("australian", "dollar", "AUD"),
    ("aussie", "dollar", "AUD"),
    ("canadian", "dollar", "CAD"),
    ("hong kong", "dollar", "HKD"),
    ("new zealand", "dollar", "NZD"),
    ("singapore", "dollar", "SGD"),
    ("singaporean", "dollar", "SGD"),
    ("taiwan", "dollar", "TWD"),
    ("taiwanese", "dollar", "TWD"),
    ("zimbabwe", "dollar", "ZWL"),
    ("zimbabwean", "dollar", "ZWL"),
    ("jamaican", "dollar", "JMD"),
    ("namibian", "dollar", "NAD"),
    ("brunei", "dollar", "BND"),
    ("fijian", "dollar", "FJD"),
    ("euro", "cent", "EUR"),
    ("british", "pound", "GBP"),
    ("egyptian", "pound", "EGP"),
    ("lebanese", "pound", "LBP"),
    ("syrian", "pound", "SYP"),
    ("sudanese", "pound", "SDG"),
    ("japanese", "yen", "JPY"),
    ("chinese", "yuan", "CNY"),
    ("indian", "rupee", "INR"),
    ("pakistani", "rupee", "PKR"),
    ("sri lankan", "rupee", "LKR"),
    ("nepalese", "rupee", "NPR"),
    ("nepali", "rupee", "NPR"),
    ("russian", "ruble", "RUB"),
    ("belarusian", "ruble", "BYN"),
    ("georgian", "lari", "GEL"),
    ("swiss", "franc", "CHF"),
    ("french", "franc", "FRF"),
    ("belgian", "franc", "BEF"),
    ("cfa", "franc", "XOF"),
    ("mexican", "peso", "MXN"),
    ("philippine", "peso", "PHP"),
    ("argentine", "peso", "ARS"),
    ("argentinian", "peso", "ARS"),
    ("chilean", "peso", "CLP"),
    ("colombian", "peso", "COP"),
    ("uruguayan", "peso", "UYU"),
    ("cuban", "peso", "CUP"),
    ("dominican", "peso", "DOP"),
    ("brazilian", "real", "BRL"),
    ("south african", "rand", "ZAR"),
    ("turkish", "lira", "TRY"),
    ("italian", "lira", "ITL"),
    ("ukrainian", "hryvnia", "UAH"),
    ("polish", "zloty", "PLN"),
    ("hungarian", "forint", "HUF"),
    ("czech", "koruna", "CZK"),
    ("swedish", "krona", "SEK"),
    ("danish", "krone", "DKK"),
    ("norwegian", "krone", "NOK"),
    ("malaysian", "ringgit", "MYR"),
    ("malaysia", "ringgit", "MYR"),
    ("thai", "baht", "THB"),
    ("vietnamese", "dong", "VND"),
    ("indonesian", "rupiah", "IDR"),
    ("nigerian", "naira", "NGN"),
    ("kazakh", "tenge", "KZT"),
    ("azerbaijani", "manat", "AZN"),
    ("turkmen", "manat", "TMT"),
    ("mongolian", "tugrik", "MNT"),
    ("israeli", "shekel", "ILS"),
    ("new israeli", "shekel", "ILS"),
    ("kuwaiti", "dinar", "KWD"),
    ("iraqi", "dinar", "IQD"),
    ("jordanian", "dinar", "JOD"),
    ("bahraini", "dinar", "BHD"),
    ("serbian", "dinar", "RSD"),
    ("libyan", "dinar", "LYD"),
    ("algerian", "dinar", "DZD"),
    ("tunisian", "dinar", "TND"),
    ("saudi", "riyal", "SAR"),
    ("qatari", "riyal", "QAR"),
    ("omani", "rial", "OMR"),
    ("iranian", "rial", "IRR"),
    ("yemeni", "rial", "YER"),
    ("emirati", "dirham", "AED"),
    ("uae", "dirham", "AED"),
    ("moroccan", "dirham", "MAD"),
    ("kenyan", "shilling", "KES"),
    ("ugandan", "shilling", "UGX"),
    ("tanzanian", "shilling", "TZS"),
    ("somali", "shilling", "SOS"),
    ("south korean", "won", "KRW"),
    ("korean", "won", "KRW"),
    ("north korean", "won", "KPW"),
    ("finnish", "markka", "FIM"),
    ("dutch", "guilder", "NLG"),
    ("spanish", "peseta", "ESP"),
    ("german", "mark", "DEM"),
    ("deutsche", "mark", "DEM"),
    ("bulgarian", "lev", "BGN"),
    ("romanian", "leu", "RON"),
];

static NAME_MAP: LazyLock<FnvMap<&'static str, Name>> = LazyLock::new(|| {
    let mut m = FnvMap::default();
    for &(w, family, code, factor) in NAMES {
        let plural = w.ends_with('s')
            || matches!(
                w,
                "pence"
                    | "kronor"
                    | "kroner"
                    | "lire"
                    | "zlotych"
                    | "markkaa"
                    | "leva"
                    | "lei"
                    | "genihat"
            );
        m.insert(
            w,
            Name {
                cur: Cur { code, factor },
                family,
                plural,
            },
        );
    }
    // "marks" only with a modifier ("German marks"): bare, it is mostly a score.
    m.insert(
        "mark",
        Name {
            cur: Cur::main(""),
            family: "mark",
            plural: false,
        },
    );
    m.insert(
        "marks",
        Name {
            cur: Cur::main(""),
            family: "mark",
            plural: true,
        },
    );
    m.insert(
        "real",
        Name {
            cur: Cur::main(""),
            family: "real",
            plural: false,
        },
    );
    m
});

static MODIFIER_MAP: LazyLock<FnvMap<(&'static str, &'static str), &'static str>> =
    LazyLock::new(|| {
        let mut m = FnvMap::default();
        for &(modifier, family, code) in MODIFIERS {
            m.insert((modifier, family), code);
        }
        m
    });

/// Every word [`name`] knows.
pub(super) fn names() -> impl Iterator<Item = &'static str> {
    NAME_MAP.keys().copied()
}

/// A currency name ("dollars", "euro", "yen"); the currency is empty ("") for names
/// that need a modifier ("marks", "real").
pub(super) fn name(lower: &str) -> Option<Name> {
    NAME_MAP.get(lower).copied()
}

/// The code a modifier ("swiss", "hong kong") gives a family ("franc"), if any.
pub(super) fn modified(modifier: &str, family: &str) -> Option<&'static str> {
    MODIFIER_MAP.get(&(modifier, family)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_respect_case_rules() {
        assert_eq!(code("USD").map(|c| c.code), Some("USD"));
        assert_eq!(code("usd").map(|c| c.code), Some("USD"));
        assert_eq!(code("Usd"), None);
        assert_eq!(code("gel"), None);
        assert_eq!(code("GEL").map(|c| c.code), Some("GEL"));
        assert_eq!(code("ALL"), None);
        assert_eq!(code("rmb").map(|c| c.code), Some("CNY"));
    }

    #[test]
    fn names_and_modifiers() {
        let n = name("francs").unwrap();
        assert_eq!(n.cur.code, "franc");
        assert!(n.plural);
        assert_eq!(modified("swiss", n.family), Some("CHF"));
        assert_eq!(name("cents").unwrap().cur.factor, 0.01);
        assert_eq!(symbol('₾').unwrap().code, "GEL");
    }
}
