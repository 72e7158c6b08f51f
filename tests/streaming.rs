//! Documents streamed through the check: each is read, examined and dropped in the
//! thread pool, and sources are compared afterwards from what each left. These
//! tests hold the streamed run to the same findings, in the same order, at the same
//! places, as a run that keeps every document, whatever the thread count.

mod common;

use claimcheck::document::Document;
use claimcheck::finding::Finding;
use claimcheck::pipeline::{Checker, Examined};
use common::{Run, run_in, scratch};

const RULES: &str = "claims:\n  - id: port-jobs\n    claim: \"{count} jobs\"\n    near: [port]\n  - id: port-cost\n    claim: \"cost $40 million\"\n    near: [port]\n";

/// A story folder: most sources give 3,200 jobs; some give another figure, some
/// a wrong cost, some quote the harbour master in other words; lines start with
/// markup, non-ASCII letters and CRLF endings, so places are not byte offsets.
fn story(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let jobs = if i % 5 == 3 { "2,300" } else { "3,200" };
            let cost = if i % 7 == 2 { "$45 million" } else { "$40 million" };
            let quote = if i % 4 == 1 {
                "“We have rebuilt the old harbour wall stone by stone in the last six months,” Pat Doyle said."
            } else {
                "“We have rebuilt the old harbour wall stone by stone in the last nine months,” Pat Doyle said."
            };
            let end = if i % 3 == 0 { "\r\n" } else { "\n" };
            let mut text = format!("# Port story {i}{end}{end}");
            if i % 6 == 5 {
                text.push_str(&format!(
                    "<!-- claimcheck-disable-next-line source-disagreement -->{end}"
                ));
            }
            text.push_str(&format!(
                "Zoë Ménard wrote: *the port expansion* will create {jobs} jobs, officials said.{end}{end}"
            ));
            text.push_str(&format!(
                "  The port work will cost {cost}, the council said.{end}{end}{quote}{end}"
            ));
            (format!("news/s{i:02}.md"), text)
        })
        .collect()
}

fn documents(files: &[(String, String)]) -> Vec<Document> {
    files
        .iter()
        .map(|(p, t)| Document::new(p, t.clone(), None))
        .collect()
}

fn checker() -> Checker {
    Checker::new(claimcheck::rules::parse(&[("r.yaml".into(), RULES.into())]).unwrap())
}

/// Each document built, examined and dropped before the next is read.
fn streamed(checker: &Checker, files: &[(String, String)]) -> Vec<Finding> {
    let examined: Vec<Examined> = files
        .iter()
        .map(|(p, t)| {
            let doc = Document::new(p, t.clone(), None);
            checker.examine_alone(&doc)
        })
        .collect();
    checker.conclude(examined).findings
}

/// `check news` in `dir` in one format at one thread count, never failing on findings.
fn check_news(dir: &std::path::Path, format: &str, threads: &str) -> Run {
    run_in(
        dir,
        &[
            "check",
            "news",
            "--format",
            format,
            "--threads",
            threads,
            "--fail-on",
            "never",
        ],
        "",
    )
}

#[test]
fn streamed_findings_are_those_of_a_run_that_keeps_every_document() {
    let files = story(30);
    let checker = checker();
    let docs = documents(&files);
    let kept = checker.check_all(&docs);
    let got = streamed(&checker, &files);
    assert_eq!(got, kept);
    // The story holds every kind of finding the comparison of sources makes, and
    // one suppressed by a comment.
    let codes: std::collections::BTreeSet<&str> = got.iter().map(|f| f.code.as_str()).collect();
    for code in ["source-disagreement", "quote-drift", "value-mismatch"] {
        assert!(codes.contains(code), "{code} missing: {codes:?}");
    }
    assert!(
        !got.iter()
            .any(|f| f.file == "news/s23.md" && f.code.as_str() == "source-disagreement"),
        "s23 suppresses its disagreement"
    );
    assert!(
        got.iter()
            .any(|f| f.file == "news/s03.md" && f.code.as_str() == "source-disagreement"),
        "s03 disagrees, with no comment"
    );
}

/// Each finding, those made after the documents were dropped included, points at
/// its own words: its span holds what it found, and its line and column are the
/// span's, counted in characters on the document's own lines.
#[test]
fn findings_made_without_the_documents_land_on_their_words() {
    let files = story(24);
    let checker = checker();
    let got = streamed(&checker, &files);
    let docs = documents(&files);
    assert!(!got.is_empty());
    for f in &got {
        let doc = docs
            .iter()
            .find(|d| d.path == f.file)
            .expect("its document");
        assert_eq!(
            doc.text[f.span.clone()].trim(),
            &doc.text[f.span.clone()],
            "{f:?}"
        );
        assert!(!f.span.is_empty(), "{f:?}");
        assert!(
            f.found.contains(&doc.text[f.span.clone()])
                || doc.text[f.span.clone()].contains(f.found.trim()),
            "{f:?}"
        );
        assert_eq!(doc.position(f.span.start), (f.line, f.column), "{f:?}");
        assert_eq!(
            doc.position(f.span.end),
            (f.end_line, f.end_column),
            "{f:?}"
        );
        for r in &f.related {
            let other = docs
                .iter()
                .find(|d| d.path == r.file)
                .expect("related document");
            let line = other.line_text(r.line);
            let at: String = line.chars().skip(r.column - 1).collect();
            assert!(at.starts_with(&r.value), "{r:?} in {line:?}");
        }
    }
}

/// The findings do not depend on how many threads examined the documents, nor on
/// the order in which they finished.
#[test]
fn streamed_findings_do_not_depend_on_the_threads() {
    let files = story(40);
    let checker = checker();
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| checker.analyse(&documents(&files)).findings)
    };
    let one = on(1);
    assert_eq!(one, on(2));
    assert_eq!(one, on(3));
    assert_eq!(one, streamed(&checker, &files));
}

/// Through the command line: the same reports at one and two threads in every
/// format, and the human report still quotes each finding's line from a document
/// checked (and, for the formats that do not quote, dropped) long before.
#[test]
fn reports_are_the_same_at_one_and_two_threads() {
    let files = story(36);
    let mut all: Vec<(&str, &str)> = vec![("rules/r.yaml", RULES)];
    all.extend(files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    let dir = scratch("streaming-threads", &all);
    for format in ["human", "json", "sarif", "github", "html"] {
        let (one, two) = (check_news(&dir, format, "1"), check_news(&dir, format, "2"));
        assert_eq!(one.code, 0, "{format}: {}", one.stderr);
        assert_eq!(one.stdout, two.stdout, "{format}");
        assert_eq!(one.stderr, two.stderr, "{format}");
        if format == "human" {
            // s03's disagreement, quoted from its own line (after its heading).
            assert!(
                one.stdout.contains(
                    " --> news/s03.md:3:52\n  |\n3 | …wrote: *the port expansion* will create 2,300 jobs, officials said.\n"
                ),
                "{}",
                one.stdout
            );
        }
    }
}

/// `--summary-only` shortens the terminal report only: the HTML page still
/// shows every document, so its documents are kept.
#[test]
fn the_html_page_keeps_its_documents_with_summary_only() {
    let files = story(8);
    let mut all: Vec<(&str, &str)> = vec![("rules/r.yaml", RULES)];
    all.extend(files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    let dir = scratch("streaming-html-summary", &all);
    let page = |extra: &[&str]| {
        let mut args = vec!["check", "news", "--format", "html", "--fail-on", "never"];
        args.extend(extra);
        run_in(&dir, &args, "").stdout
    };
    let full = page(&[]);
    assert!(full.contains("news/s07.md"), "{full}");
    assert_eq!(page(&["--summary-only"]), full);
}

/// More documents than the run examines in one go: what each left joins the
/// conclusion in input order, chunk after chunk, at one thread as at two.
#[test]
fn a_run_longer_than_one_chunk_keeps_input_order() {
    let n = 1100;
    let mut files: Vec<(String, String)> = vec![("rules/r.yaml".into(), RULES.into())];
    for i in 0..n {
        let jobs = if i % 97 == 5 { "2,300" } else { "3,200" };
        files.push((
            format!("news/{:02}/d{i:04}.md", i % 7),
            format!("The port expansion will create {jobs} jobs.\n"),
        ));
    }
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = scratch("streaming-chunks", &borrowed);
    let one = check_news(&dir, "json", "1").stdout;
    assert_eq!(one, check_news(&dir, "json", "2").stdout);
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(v["files_checked"], n);
    let found: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = {
        let mut dissent: Vec<String> = (0..n)
            .filter(|i| i % 97 == 5)
            .map(|i| format!("news/{:02}/d{i:04}.md", i % 7))
            .collect();
        dissent.sort();
        dissent
    };
    assert_eq!(found, expected);
}
