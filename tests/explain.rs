//! `claimcheck explain`: every finding code is documented in the same three parts,
//! and each code's example, written out as a rule and an article, finds what the
//! explanation says it finds.

mod common;

use common::{run_in, scratch};

/// The people the examples name.
const PEOPLE: &str = "people:\n  - id: kobakhidze\n    name: Irakli Kobakhidze\n    aliases: [Kobakhidze]\n  - id: zakharova\n    name: Maria Zakharova\n    aliases: [Zakharova]\n";

/// Per code: the example's claims (YAML), its article, and the words the finding
/// must be on. The examples follow the `Example` part of `explain CODE`.
const EXAMPLES: &[(&str, &str, &str, &str)] = &[
    (
        "value-mismatch",
        "  - id: trade\n    claim: \"$1.3B trade, +7%\"\n",
        "Trade fell 7% to $1.3 million.",
        "$1.3 million",
    ),
    (
        "value-mismatch",
        "  - id: trade\n    claim: \"$1.3B trade, +7%\"\n",
        "Trade fell 7% to $1.3 million.",
        "fell 7%",
    ),
    (
        "period-mismatch",
        "  - id: trade\n    claim: \"$1.3B trade\"\n    period: 2025-H1\n",
        "Trade reached $1.3 billion in the first half of 2024.",
        "the first half of 2024",
    ),
    (
        "date-mismatch",
        "  - id: ties\n    statement: \"Moscow is ready to normalize ties\"\n    by: zakharova\n    date: 2025-12-04\n",
        "Zakharova said on December 4, 2024 that Moscow is ready to normalize ties.",
        "December 4, 2024",
    ),
    (
        "weekday-mismatch",
        "",
        "The talks were held on Thursday, December 3, 2025.",
        "Thursday, December 3, 2025",
    ),
    (
        "quote-drift",
        "  - id: red-lines\n    quote: \"We have a principled stance and red lines.\"\n    by: kobakhidze\n",
        "“We hold a firm position and have red lines,” Kobakhidze said.",
        "We hold a firm position and have red lines",
    ),
    (
        "quote-misattribution",
        "  - id: red-lines\n    quote: \"We have red lines. This issue is non-negotiable.\"\n    by: kobakhidze\n",
        "“This issue is non-negotiable,” Zakharova said.",
        "This issue is non-negotiable",
    ),
];

#[test]
fn every_code_has_what_why_and_an_example() {
    let dir = scratch("explain-parts", &[]);
    let list = run_in(&dir, &["explain"], "");
    assert_eq!(list.code, 0);
    let codes: Vec<&str> = list
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(codes.len(), 7, "{}", list.stdout);
    for code in codes {
        let r = run_in(&dir, &["explain", code], "");
        assert_eq!(r.code, 0, "{code}: {}", r.stderr);
        let parts: Vec<&str> = r.stdout.split("\n\n").collect();
        assert_eq!(parts.len(), 4, "{code}: {}", r.stdout);
        assert!(parts[0].starts_with(&format!("{code}: ")), "{}", parts[0]);
        assert!(parts[0].contains("(default severity: "), "{}", parts[0]);
        for (part, heading) in
            parts[1..]
                .iter()
                .zip(["What it catches", "Why it matters", "Example"])
        {
            let (head, body) = part.split_once('\n').expect("a heading and a text");
            assert_eq!(head, heading, "{code}");
            assert!(
                body.starts_with("  ") && body.trim().len() > 20,
                "{code}: {body}"
            );
        }
        assert!(
            parts[3].contains("Finds: "),
            "{code}: the example says what it finds"
        );
    }
}

#[test]
fn each_example_finds_what_its_explanation_says() {
    for (code, claims, article, on) in EXAMPLES {
        let rules = format!("{PEOPLE}claims:\n{claims}");
        let rules = if claims.is_empty() {
            format!("{PEOPLE}claims: []\n")
        } else {
            rules
        };
        let dir = scratch(
            &format!("explain-{code}"),
            &[
                ("rules/r.yaml", &rules),
                ("a.md", &format!("---\ndate: 2025-12-10\n---\n{article}\n")),
            ],
        );
        let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
        let v: serde_json::Value = serde_json::from_str(&r.stdout).expect(&r.stderr);
        let found = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == *code && f["found"] == *on);
        assert!(found, "{code}: {article}\n{}", r.stdout);
    }
}

#[test]
fn the_source_disagreement_example_finds_the_minority() {
    let dir = scratch(
        "explain-source-disagreement",
        &[
            (
                "rules/r.yaml",
                "claims:\n  - id: land\n    claim: \"{percent} of territory\"\n",
            ),
            (
                "a.md",
                "Russia holds 20% of territory, the ministry said.\n",
            ),
            ("b.md", "About 20% of territory is held by Russia.\n"),
            ("c.md", "Russia holds 25% of territory, a report said.\n"),
        ],
    );
    let r = run_in(&dir, &["check", ".", "--format", "json"], "");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect(&r.stderr);
    let findings: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        findings,
        [("source-disagreement", "./c.md")],
        "{}",
        r.stdout
    );
}

#[test]
fn an_unknown_code_is_refused_with_a_suggestion() {
    let dir = scratch("explain-unknown", &[]);
    let r = run_in(&dir, &["explain", "quote-drfit"], "");
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "claimcheck: error: no finding code `quote-drfit`; did you mean `quote-drift`?\n"
    );
    assert_eq!(r.stdout, "");
}
