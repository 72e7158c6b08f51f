//! Story folders: sources that disagree with each other, the claim matrix, and
//! `claimcheck diff`.

mod common;

use common::{root, run, run_in, scratch};
use serde_json::Value;

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

const JOBS: &str = "claims:\n  - id: port-jobs\n    claim: \"{count} jobs\"\n    near: [port]\n";

#[test]
fn a_count_that_differs_from_two_other_sources_is_flagged_on_its_line() {
    let dir = scratch(
        "three-sources",
        &[
            ("rules/r.yaml", JOBS),
            (
                "a.md",
                "The council met.\n\nThe port expansion will create 3,200 jobs, officials said.\n",
            ),
            (
                "b.md",
                "The port plan promises some 3,200 jobs over five years.\n",
            ),
            (
                "c.txt",
                "Residents were sceptical.\nThe port project would bring 2,300 jobs, the mayor said.\n",
            ),
        ],
    );
    let r = run_in(&dir, &["check", ".", "--format", "json"], "");
    assert_eq!(r.code, 0, "warnings only: {}", r.stdout);
    let v = json(&r.stdout);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["code"], "source-disagreement");
    assert_eq!(f["file"], "./c.txt");
    assert_eq!(f["line"], 2);
    assert_eq!(f["found"], "2,300 jobs");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("the majority says 3,200 jobs"),
        "{f}"
    );
    let related: Vec<(&str, u64)> = f["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["file"].as_str().unwrap(), r["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(related, [("./a.md", 3), ("./b.md", 1)]);
}

#[test]
fn with_two_sources_both_sides_are_reported_and_hedges_agree() {
    let dir = scratch(
        "two-sources",
        &[
            (
                "rules/r.yaml",
                "claims:\n  - id: land\n    claim: \"{percent} of territory\"\n",
            ),
            ("a.md", "Russia holds about 20% of the territory.\n"),
            ("b.md", "Russia holds 25% of the territory.\n"),
            ("c.md", "Russia holds 20 percent of the territory.\n"),
        ],
    );
    let v = json(&run_in(&dir, &["check", "a.md", "b.md", "--format", "json"], "").stdout);
    let files: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a.md", "b.md"]);
    let v = json(&run_in(&dir, &["check", "a.md", "c.md", "--format", "json"], "").stdout);
    assert_eq!(
        v["findings"],
        Value::Array(vec![]),
        "about 20% and 20 percent agree"
    );
}

#[test]
fn reworded_quotes_are_found_by_comparing_sources_without_claims() {
    // The bundled people, no claims: the London article's rewording of Kobakhidze
    // differs from the wire and the review, which agree with each other.
    let rules = std::fs::read_to_string(root().join("rules/georgia-russia.yaml")).unwrap();
    let people = format!(
        "{}claims: []\n",
        &rules[..rules.find("\nclaims:").unwrap() + 1]
    );
    let mut files = vec![("rules/people.yaml".to_string(), people)];
    for name in [
        "london-2025-12-03.md",
        "wire-2025-12-03.md",
        "review-2025-12-05.md",
    ] {
        let text =
            std::fs::read_to_string(root().join("fixtures/georgia-russia").join(name)).unwrap();
        files.push((name.to_string(), text));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = scratch("people-only", &files);
    let v = json(&run_in(&dir, &["check", ".", "--format", "json"], "").stdout);
    let drifts: Vec<(&str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["code"] == "quote-drift"
                && f["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("Irakli Kobakhidze")
        })
        .map(|f| (f["file"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        drifts,
        [("./london-2025-12-03.md", 9)],
        "only the rewording, not the two that agree"
    );
}

#[test]
fn diff_exits_1_when_documents_disagree_and_0_when_they_agree() {
    let dir = scratch(
        "diff",
        &[
            (
                "a.md",
                "Bilateral trade reached $1.3 billion in the first half, up 7%.\n",
            ),
            (
                "b.md",
                "In the first half, bilateral trade reached $1.3 million, up 7%.\n",
            ),
            (
                "c.md",
                "Bilateral trade reached nearly $1.3 billion in the first half, a 7% rise.\n",
            ),
        ],
    );
    let r = run_in(&dir, &["diff", "a.md", "b.md", "--color", "never"], "");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("$1.3 billion") && r.stdout.contains("$1.3 million"),
        "{}",
        r.stdout
    );
    let r = run_in(&dir, &["diff", "a.md", "c.md", "--format", "json"], "");
    assert_eq!(r.code, 0, "{}", r.stdout);
    let v = json(&r.stdout);
    assert_eq!(v["summary"]["differ"], 0);
    assert!(v["summary"]["agree"].as_u64().unwrap() >= 2);
}

#[test]
fn matrix_of_the_bundled_example() {
    let r = run(&[
        "check",
        "fixtures/georgia-russia",
        "--matrix",
        "--color",
        "never",
    ]);
    // The same exit status as the report: the example has error-level findings.
    assert_eq!(r.code, 1);
    for line in r.stdout.lines().filter(|l| !l.starts_with("  ")) {
        assert!(line.chars().count() <= 80, "{line}");
    }
    insta::assert_snapshot!("georgia_russia_matrix", r.stdout);
}

#[test]
fn diff_of_the_bundled_example() {
    let r = run(&[
        "diff",
        "fixtures/georgia-russia/wire-2025-12-03.md",
        "fixtures/georgia-russia/review-2025-12-05.md",
        "--rules",
        "rules",
        "--color",
        "never",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("georgia_russia_diff", r.stdout);
}

/// (file, line) of each cross-source quote-drift for two articles, with no rules.
fn cross_drift(name: &str, a: &str, b: &str) -> Vec<(String, u64)> {
    let dir = scratch(
        name,
        &[
            ("rules/r.yaml", "people: []\nclaims: []\n"),
            ("a.md", a),
            ("b.md", b),
        ],
    );
    let v = json(&run_in(&dir, &["check", ".", "--format", "json"], "").stdout);
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "quote-drift")
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn cross_source_drift_needs_one_speaker_and_one_remark() {
    let said = "“We have rebuilt the old harbour wall stone by stone in the last nine months,” Pat Doyle said.\n";
    // (second article, drift expected in both?)
    let table = [
        // The same remark, one word changed: drift.
        (
            "“We have rebuilt the old harbour wall stone by stone in the last six months,” Pat Doyle said.\n",
            true,
        ),
        // The same words: nothing.
        (said, false),
        // The same remark from someone else: not compared.
        (
            "“We have rebuilt the old harbour wall stone by stone in the last six months,” Ann Lowe said.\n",
            false,
        ),
        // The same speaker, another remark on the same topic (three shared words).
        (
            "“The harbour wall will need more stone next year,” Pat Doyle said.\n",
            false,
        ),
        // The speaker delivered the line twice, and this article quotes both
        // deliveries, each in its own words: a talking point repeated, not drift.
        (
            "“We have rebuilt the old harbour wall stone by stone in the last six months,” Pat Doyle said.\n\nLater he came back to it. “We rebuilt the old harbour wall, stone by stone, in six months,” Doyle said.\n",
            false,
        ),
        // One delivery, reworded, then part of it quoted again in the same (reworded)
        // words: one delivery, still drift.
        (
            "“We have rebuilt the old harbour wall stone by stone in the last six months,” Pat Doyle said.\n\nHe was proud of “the old harbour wall stone by stone in the last six months,” Doyle said.\n",
            true,
        ),
        // One remark in which the speaker echoes his own phrase, split by the cue:
        // one delivery, so a reworded rendering of it elsewhere is still drift.
        (
            "“We have rebuilt the old harbour wall stone by stone in the last six months,” Pat Doyle said, “and we rebuilt the old harbour wall stone by stone because nobody else would.”\n",
            true,
        ),
        // Another remark that shares only names.
        (
            "“Ann Lowe and Tom Hale never came to see the harbour,” Pat Doyle said.\n",
            false,
        ),
    ];
    for (other, drift) in table {
        let got = cross_drift("cross-drift", said, other);
        assert_eq!(!got.is_empty(), drift, "{other}: {got:?}");
        if drift {
            let mut files: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
            files.sort_unstable();
            files.dedup();
            assert_eq!(files.len(), 2, "with two documents, both sides: {got:?}");
        }
    }
}

/// One dissenting document against `agreeing` documents that give 3,200 jobs.
fn dissent_against(agreeing: usize) -> Value {
    let mut files: Vec<(String, String)> = vec![("rules/r.yaml".into(), JOBS.into())];
    for i in 0..agreeing {
        files.push((
            format!("a{i:02}.md"),
            "The port expansion will create 3,200 jobs.\n".into(),
        ));
    }
    files.push((
        "z.md".into(),
        "The port project would bring 2,300 jobs.\n".into(),
    ));
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = scratch(&format!("dissent-{agreeing}"), &borrowed);
    let r = run_in(&dir, &["check", ".", "--format", "json"], "");
    assert_eq!(r.code, 0, "warnings only: {}", r.stdout);
    json(&r.stdout)
}

#[test]
fn a_disagreement_lists_ten_other_places_and_counts_the_rest() {
    // (documents that disagree with the dissenter, places listed, places counted)
    for (agreeing, listed, more) in [(10, 10, None), (11, 10, Some(1)), (25, 10, Some(15))] {
        let v = dissent_against(agreeing);
        let findings = v["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f["file"], "./z.md");
        assert_eq!(f["related"].as_array().unwrap().len(), listed, "{f}");
        assert_eq!(f["related"][0]["file"], "./a00.md");
        assert_eq!(f["related_more"].as_u64(), more, "{f}");
        let message = f["message"].as_str().unwrap();
        assert_eq!(
            message.matches(" says 3,200 jobs").count(),
            listed + 1,
            "{message}"
        );
        match more {
            Some(n) => assert!(
                message.contains(&format!("{n} more places say otherwise")),
                "{message}"
            ),
            None => assert!(!message.contains("more places"), "{message}"),
        }
    }
}
