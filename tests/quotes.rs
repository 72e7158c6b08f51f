//! Quotes end to end: drifted words, misattribution, who is speaking, and the word
//! diff as an editor sees it, with and without color.

mod common;

use common::{run_in, scratch};
use serde_json::Value;

const RULES: &str = "people:\n  - id: okafor\n    name: Dana Okafor\n    aliases: [the mayor]\n  - id: lindqvist\n    name: Tomas Lindqvist\nclaims:\n  - id: grandchildren\n    quote: \"We are building this port for our grandchildren, not for the next election. Every crane we raise is a promise kept.\"\n    by: okafor\n    date: 2026-03-10\n";

/// (code, line, found) of each finding for one article.
fn findings(name: &str, article: &str) -> Vec<(String, u64, String)> {
    let text = format!("---\ndate: 2026-03-11\n---\n{article}\n");
    let dir = scratch(name, &[("rules/r.yaml", RULES), ("a.md", &text)]);
    let r = run_in(&dir, &["check", "a.md", "--format", "json"], "");
    let v: Value =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", r.stdout, r.stderr));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["found"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn verbatim_quotes_and_fragments_raise_nothing() {
    let article = "“We are building this port for our grandchildren, not for the next election,” Dana Okafor said on Tuesday.\n\n\
                   The mayor said the port was built “for our grandchildren.”\n\n\
                   “We are building this port ... not for the next election,” she added.";
    assert_eq!(findings("verbatim", article), []);
}

#[test]
fn reworded_quote_drifts_on_the_line_it_opens() {
    let article = "Dana Okafor spoke at the quay on Tuesday.\n\n\
                   “We are building this harbour for our grandkids, not for the next vote,” Okafor said.";
    let got = findings("drift", article);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "quote-drift");
    assert_eq!(
        got[0].1, 6,
        "3 lines of front matter, a sentence, a blank line"
    );
}

#[test]
fn recorded_words_in_another_mouth_are_misattributed() {
    let article = "Tomas Lindqvist, the port director, was upbeat.\n\n\
                   “We are building this port for our grandchildren, not for the next election,” Lindqvist said.";
    let got = findings("misattributed", article);
    assert_eq!(
        got,
        [(
            "quote-misattribution".to_string(),
            6,
            "We are building this port for our grandchildren, not for the next election"
                .to_string()
        )]
    );
}

#[test]
fn a_quote_standing_alone_takes_its_speaker_from_the_introduction() {
    // The colon introduces the quote; the next sentence's speaker is someone else.
    let article = "Dana Okafor set out her view to reporters:\n\n\
                   > “We are building this port for our grandchildren, not for the next election.”\n\n\
                   Tomas Lindqvist said the dredging would start in May.";
    assert_eq!(findings("colon-intro", article), []);
}

#[test]
fn a_fragment_takes_no_speaker_from_its_neighbours() {
    let article = "Tomas Lindqvist said the cranes would arrive in May.\n\n\
                   Critics mocked the promise to build “for our grandchildren, not for the next election.”";
    assert_eq!(
        findings("fragment-alone", article),
        [],
        "unattributed and verbatim: nothing to report"
    );
}

#[test]
fn quoted_speech_does_not_name_the_speaker() {
    // "Lindqvist said" inside the quote is not who is speaking.
    let article = "“We are building this port for our grandchildren, not for the next election, whatever Lindqvist said,” Dana Okafor said.";
    let got = findings("nested-speech", article);
    assert!(
        got.iter()
            .all(|(code, _, _)| code != "quote-misattribution"),
        "{got:?}"
    );
}

fn drift_report(color: &str) -> String {
    let article = "“We are building this harbour for our grandkids, not for the next vote,” Dana Okafor said.";
    let dir = scratch(
        &format!("drift-report-{color}"),
        &[("rules/r.yaml", RULES), ("a.md", article)],
    );
    run_in(&dir, &["check", "a.md", "--color", color], "").stdout
}

#[test]
fn drift_diff_without_color() {
    insta::assert_snapshot!("drift_plain", drift_report("never"));
}

#[test]
fn drift_diff_with_color() {
    let out = drift_report("always");
    assert!(
        out.contains("\u{1b}[1;32mport\u{1b}[0m"),
        "the record's words in green: {out:?}"
    );
    assert!(
        out.contains("\u{1b}[1;31mharbour\u{1b}[0m"),
        "the article's wrong words in red: {out:?}"
    );
    insta::assert_snapshot!("drift_color", out.replace('\u{1b}', "<ESC>"));
}

#[test]
fn recorded_words_given_to_unlisted_speakers_and_roles() {
    let words = "“We are building this port for our grandchildren, not for the next election,”";
    // (article, misattributed?)
    let table = [
        (format!("{words} Pat Doyle said."), true),
        (format!("{words} said Pat Doyle, a dock worker."), true),
        (format!("{words} the harbour master said."), true),
        (format!("{words} a ferry company spokesman said."), true),
        // The rule's person by alias, by surname, by a pronoun resolved to her.
        (format!("{words} the mayor said."), false),
        (format!("{words} Okafor said."), false),
        (
            format!("Dana Okafor arrived late.\n\n{words} she said."),
            false,
        ),
        // Quoting the words back is not saying them.
        (
            format!("Pat Doyle read out the slogan {words} and laughed."),
            false,
        ),
        // A role that may point back at the rule's person, named earlier, is not
        // another mouth; the same role with her never named is.
        (
            format!("Dana Okafor toured the docks.\n\n{words} the council leader said."),
            false,
        ),
        (format!("{words} the council leader said."), true),
    ];
    for (article, wrong) in table {
        let got = findings("unlisted", &article);
        let misattributed = got.iter().any(|(c, _, _)| c == "quote-misattribution");
        assert_eq!(misattributed, wrong, "{article}: {got:?}");
    }
}
