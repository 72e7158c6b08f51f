//! Units of counts: singularising the noun after a number, and the unit symbols that
//! may be glued to digits ("180ml", "29km").

/// Irregular plurals and words whose plural ends like a regular one but is not.
const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("persons", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("oxen", "ox"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("halves", "half"),
    ("leaves", "leaf"),
    ("thieves", "thief"),
    ("wolves", "wolf"),
    ("shelves", "shelf"),
    ("loaves", "loaf"),
    ("calves", "calf"),
    ("selves", "self"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("indices", "index"),
    ("matrices", "matrix"),
    ("appendices", "appendix"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("theses", "thesis"),
    ("hypotheses", "hypothesis"),
    ("diagnoses", "diagnosis"),
    ("bases", "base"),
    ("buses", "bus"),
    ("viruses", "virus"),
    ("bonuses", "bonus"),
    ("campuses", "campus"),
    ("censuses", "census"),
    ("statuses", "status"),
    ("surpluses", "surplus"),
    ("gases", "gas"),
    ("atlases", "atlas"),
    ("aliases", "alias"),
    ("canvases", "canvas"),
    ("movies", "movie"),
    ("cookies", "cookie"),
    ("calories", "calorie"),
    ("zombies", "zombie"),
    ("rookies", "rookie"),
    ("selfies", "selfie"),
    ("brownies", "brownie"),
    ("goalies", "goalie"),
    ("prairies", "prairie"),
    ("sorties", "sortie"),
    ("hippies", "hippie"),
    ("shoes", "shoe"),
    ("toes", "toe"),
    ("canoes", "canoe"),
    ("oboes", "oboe"),
    ("foes", "foe"),
    ("hoes", "hoe"),
    ("does", "doe"),
    ("heroes", "hero"),
    ("potatoes", "potato"),
    ("tomatoes", "tomato"),
    ("vetoes", "veto"),
    ("echoes", "echo"),
    ("torpedoes", "torpedo"),
    ("volcanoes", "volcano"),
    ("mosquitoes", "mosquito"),
    ("dice", "die"),
    ("lbs", "lb"),
    ("yrs", "yr"),
    ("hrs", "hr"),
    ("mins", "min"),
    ("secs", "sec"),
    ("pts", "pt"),
    ("kms", "km"),
];

/// Words whose singular and plural are the same, or that end in "s" when singular.
const INVARIANT: &[&str] = &[
    "series",
    "species",
    "news",
    "means",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "spacecraft",
    "police",
    "staff",
    "data",
    "media",
    "headquarters",
    "barracks",
    "crossroads",
    "offspring",
    "swiss",
    "chassis",
    "corps",
    "militia",
    "personnel",
    "livestock",
    "cattle",
    "alumni",
    "kudos",
    "mathematics",
    "physics",
    "economics",
    "politics",
    "athletics",
    "gymnastics",
    "ethics",
    "yes",
    "this",
    "us",
    "plus",
    "bonus",
];

/// The singular of a lowercase noun ("countries" -> "country", "people" -> "person").
pub(super) fn singular(w: &str) -> String {
    if let Some(&(_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return s.to_string();
    }
    if INVARIANT.contains(&w) || w.len() <= 3 {
        return w.to_string();
    }
    let n = w.len();
    if !w.is_ascii() || n < 3 || !w.ends_with('s') {
        return w.to_string();
    }
    for end in ["ss", "us", "is", "ous"] {
        if w.ends_with(end) {
            return w.to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() >= 2
    {
        return format!("{stem}y");
    }
    for end in ["sses", "shes", "ches", "xes", "zzes"] {
        if w.ends_with(end) {
            return w[..n - 2].to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("oes")
        && stem.len() >= 2
    {
        return format!("{stem}o");
    }
    w[..n - 1].to_string()
}

/// Unit symbols that may be glued to digits ("180ml", "29km", "5kg"): measurements.
const GLUED_UNITS: &[&str] = &[
    "ml", "cl", "dl", "l", "km", "m", "cm", "mm", "nm", "kg", "g", "mg", "t", "kt", "mt", "lb",
    "lbs", "oz", "ft", "in", "yd", "mi", "mph", "kph", "kmh", "kw", "kwh", "mw", "mwh", "gw",
    "gwh", "tw", "twh", "w", "v", "kv", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "pb",
    "kbps", "mbps", "gbps", "s", "sec", "ms", "min", "mins", "h", "hr", "hrs", "yr", "yrs", "ha",
    "sqm", "sqft", "cc", "bbl", "ppm", "ppb", "x", "pt", "pts", "c", "f", "k", "d", "wk", "wks",
    "mo", "mos",
];

/// Is `lower` (letters glued right after digits) a unit symbol?
pub(super) fn is_glued_unit(lower: &str) -> bool {
    GLUED_UNITS.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn singulars() {
        for (p, s) in [
            ("jobs", "job"),
            ("countries", "country"),
            ("people", "person"),
            ("taxes", "tax"),
            ("classes", "class"),
            ("matches", "match"),
            ("series", "series"),
            ("movies", "movie"),
            ("heroes", "hero"),
            ("shoes", "shoe"),
            ("representatives", "representative"),
            ("cases", "case"),
            ("houses", "house"),
            ("buses", "bus"),
            ("analyses", "analysis"),
            ("day", "day"),
            ("bus", "bus"),
            ("status", "status"),
            ("years", "year"),
            ("lives", "life"),
            ("archives", "archive"),
        ] {
            assert_eq!(singular(p), s, "{p}");
        }
    }
}
