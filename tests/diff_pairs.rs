//! `claimcheck diff` for an editor: quotations paired by speaker and remark even
//! when reworded, figures named by what they count, a verdict per pair, and word
//! diffs marked without color. Stories written for these tests.

mod common;

use common::{run_in, scratch};
use serde_json::Value;

const A: &str = "Harbour master Lena Voss told reporters on Monday, “We keep a firm course and have drawn clear limits on dredging the bay. This point is not negotiable.”\n\n\
The port authority described the plan as “reckless and unworkable.”\n\n\
The council, said the mayor, has “no money left for another bridge this year.”\n\n\
Ferries carry about 40% of the island's freight, the survey found.\n";

const B: &str = "“We hold a steady course and clear limits on dredging the bay. This point is non-negotiable,” Voss said.\n\n\
The port authority called the plan “dangerous and unworkable.”\n\n\
A resident said there was “no money left for another bridge this year.”\n\n\
Ferries carry around 40% of the island's freight, according to the survey.\n";

fn pairs(a: &str, b: &str) -> Vec<Value> {
    // One folder per call: the tests run in parallel, and several compare the
    // same texts.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("diff-pairs-{n}");
    let dir = scratch(&name, &[("a.md", a), ("b.md", b)]);
    let r = run_in(&dir, &["diff", "a.md", "b.md", "--format", "json"], "");
    assert!(r.code < 2, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    v["pairs"].as_array().unwrap().clone()
}

fn find<'a>(pairs: &'a [Value], what: &str) -> &'a Value {
    pairs
        .iter()
        .find(|p| p["what"] == what)
        .unwrap_or_else(|| panic!("no pair about {what}: {pairs:#?}"))
}

#[test]
fn a_reworded_quote_of_the_same_speaker_is_paired() {
    let p = pairs(A, B);
    let q = find(&p, "quote by Lena Voss");
    assert_eq!(q["agree"], false);
    assert!(
        q["a"]["text"]
            .as_str()
            .unwrap()
            .starts_with("We keep a firm course")
    );
    assert!(
        q["b"]["text"]
            .as_str()
            .unwrap()
            .starts_with("We hold a steady course")
    );
    assert!(
        q["verdict"].as_str().unwrap().starts_with("reworded"),
        "{q}"
    );
    // The fragment of the same speaker, one word changed.
    let f = find(&p, "quote by the port authority");
    assert_eq!(f["a"]["text"], "reckless and unworkable");
    assert_eq!(f["b"]["text"], "dangerous and unworkable");
}

#[test]
fn the_same_words_from_different_speakers_pair_only_when_nearly_identical() {
    let p = pairs(A, B);
    // Identical words, speakers differ (the mayor, a resident): paired as the same
    // words, but named by the first document's speaker.
    let same = p
        .iter()
        .find(|x| x["a"]["text"] == "no money left for another bridge this year")
        .expect("identical words are paired whoever says them");
    assert_eq!(same["verdict"], "same words");
    // Different speakers with only a few words in common are not paired.
    let a = "Voss said, “We will dredge the channel in spring.”\n";
    let b = "The mayor said, “We will not pay for the channel.”\n";
    assert!(pairs(a, b).iter().all(|x| x["label"] != "quote"));
}

#[test]
fn figures_are_named_by_what_they_count_with_a_verdict() {
    let p = pairs(A, B);
    let f = find(&p, "the share of island's freight");
    assert_eq!(f["verdict"], "same figure: about 40% in A, around 40% in B");
    let a = "Ferries carry 40% of the island's freight.\n";
    let b = "Ferries carry 45% of the island's freight.\n";
    let f = pairs(a, b);
    let f = find(&f, "the share of island's freight");
    assert_eq!(f["verdict"], "different figures: 40% in A, 45% in B");
    assert_eq!(f["agree"], false);
}

#[test]
fn the_human_diff_marks_words_without_color_and_names_the_lines() {
    let dir = scratch("diff-human", &[("a.md", A), ("b.md", B)]);
    let r = run_in(&dir, &["diff", "a.md", "b.md", "--color", "never"], "");
    assert_eq!(r.code, 1, "{}", r.stdout);
    let out = &r.stdout;
    assert!(
        out.contains("≠ quote by the port authority: reworded"),
        "{out}"
    );
    assert!(
        out.contains(
            "  A a.md:3 [-reckless-] and unworkable\n  B b.md:3 {+dangerous+} and unworkable\n"
        ),
        "{out}"
    );
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn diff_as_html_is_one_escaped_page() {
    let dir = scratch(
        "diff-html",
        &[
            ("a.md", "She said, “<b>We stay</b> on course.”\n"),
            ("b.md", "She said, “<b>We keep</b> on course.”\n"),
        ],
    );
    let r = run_in(&dir, &["diff", "a.md", "b.md", "--format", "html"], "");
    assert!(r.stdout.starts_with("<!DOCTYPE html>"));
    assert!(!r.stdout.contains("<b>We"), "{}", r.stdout);
    assert!(r.stdout.contains("default-src 'none'"));
}

/// The seeds (real articles, kept outside the repository) pair the two renderings
/// of the red-lines quote and the ministry's remark. Runs where the seeds are.
#[test]
fn the_seeds_pair_the_red_lines_quote_and_the_ministry_remark() {
    let seeds = std::path::Path::new("/work/shared/seeds");
    let (a, b) = (
        seeds.join("001_1ddf3b1f7ea938a6.txt"),
        seeds.join("003_8ac0929ce59936fb.txt"),
    );
    if !a.exists() || !b.exists() {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "*** SKIPPED: the seeds are not on this machine ***"
        );
        return;
    }
    let r = common::run(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    let by = |what: &str, word: &str| {
        pairs.iter().any(|p| {
            p["what"] == what
                && p["a"]["text"].as_str().unwrap_or("").contains(word)
                && p["b"]["text"].as_str().is_some()
        })
    };
    assert!(by("quote by Kobakhidze", "red lines"), "{pairs:#?}");
    assert!(
        by("quote by the ministry", "counterproductive"),
        "{pairs:#?}"
    );
}
