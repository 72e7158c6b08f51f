//! The HTML report in a real browser: headless Chromium (Debian's package, which
//! `.ci/run` installs) renders the bundled example's report; the tests read the
//! rendered DOM (every finding, every matrix cell, escaped article text), the
//! browser's network log (no request leaves the page) and keep a screenshot under
//! `target/tmp/html-report/`.
//!
//! Without a browser the tests say so loudly and pass, except in CI (`CI=true`),
//! where a missing browser fails them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{root, run, run_in, scratch};
use serde_json::Value;

/// The browser to use: `CLAIMCHECK_CHROMIUM`, else the first of the usual names on
/// the PATH.
fn browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CLAIMCHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// The browser, or `None` after saying loudly why the test does not run. In CI a
/// missing browser is a failure.
fn browser_or_skip(test: &str) -> Option<PathBuf> {
    let found = browser();
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !ci,
            "{test}: no Chromium found and CI is set: .ci/run installs it (apt-get install chromium)"
        );
        // Straight to standard error, past the test harness's capture, so the skip
        // shows in a plain `cargo test`.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED {test}: no Chromium on this machine (apt-get install chromium, or set CLAIMCHECK_CHROMIUM) ***\n"
        );
    }
    found
}

/// Where the artifacts go.
fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium on `page` with `extra` arguments, a fresh profile and the
/// flags this machine's closed network needs; returns standard output.
fn chromium(browser: &Path, page: &Path, name: &str, extra: &[String]) -> String {
    let profile = out_dir().join(format!("profile-{name}"));
    let _ = std::fs::remove_dir_all(&profile);
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("the browser starts");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Writes the HTML report of `args` (run in `cwd`) to `name`.html.
fn report(cwd: &Path, args: &[&str], name: &str) -> PathBuf {
    let r = run_in(cwd, args, "");
    assert!(r.code < 2, "{}", r.stderr);
    let page = out_dir().join(format!("{name}.html"));
    std::fs::write(&page, &r.stdout).unwrap();
    page
}

/// The URLs the page asked for, from the browser's network log: requests with an
/// initiator (the page's origin, `null` for a file), leaving out the browser's own
/// housekeeping ("not an origin": update checks and the like, which the closed
/// network refuses anyway).
fn page_requests(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("chromium wrote its network log");
    let log: Value = serde_json::from_str(&text).expect("the network log is JSON");
    let mut urls: Vec<String> = log["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| &e["params"])
        .filter(|p| p["initiator"].is_string() && p["initiator"] != "not an origin")
        .filter_map(|p| p["url"].as_str().map(str::to_string))
        .collect();
    urls.dedup();
    urls
}

/// The pages' requests as the network log shows them, for `page`.
fn requests_of(browser: &Path, page: &Path, name: &str) -> Vec<String> {
    let net_log = out_dir().join(format!("net-log-{name}.json"));
    chromium(
        browser,
        page,
        name,
        &[
            format!("--log-net-log={}", net_log.display()),
            "--dump-dom".into(),
        ],
    );
    page_requests(&net_log)
}

#[test]
fn the_network_log_shows_what_a_page_asks_for() {
    // The check the report's test relies on, on a page that does fetch things.
    let Some(browser) = browser_or_skip("network log in chromium") else {
        return;
    };
    let page = out_dir().join("leaky.html");
    std::fs::write(
        &page,
        "<html><body><img src=\"http://127.0.0.1:9/x.png\"><link rel=stylesheet href=\"http://127.0.0.1:9/a.css\"></body></html>",
    )
    .unwrap();
    let urls = requests_of(&browser, &page, "leaky");
    assert!(
        urls.contains(&"http://127.0.0.1:9/x.png".to_string()),
        "{urls:?}"
    );
    assert!(
        urls.contains(&"http://127.0.0.1:9/a.css".to_string()),
        "{urls:?}"
    );
}

#[test]
fn the_bundled_example_renders_with_every_finding_and_cell_and_no_request() {
    let Some(browser) = browser_or_skip("html report in chromium") else {
        return;
    };
    let page = report(
        &root(),
        &["check", "fixtures/georgia-russia", "--format", "html"],
        "georgia-russia",
    );
    let dom = chromium(&browser, &page, "dom", &["--dump-dom".into()]);
    let json: Value = serde_json::from_str(
        &run(&["check", "fixtures/georgia-russia", "--format", "json"]).stdout,
    )
    .unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(
        dom.matches("<article class=\"finding ").count(),
        findings.len(),
        "{dom}"
    );
    for (i, f) in findings.iter().enumerate() {
        let id = format!("id=\"finding-{i}\"");
        let at = dom
            .find(&id)
            .unwrap_or_else(|| panic!("finding {i} missing"));
        let section = &dom[at..at + dom[at..].find("</article>").unwrap()];
        let found = f["found"].as_str().unwrap().replace('&', "&amp;");
        assert!(
            section.contains(&format!(
                "<mark>{}",
                found.split_whitespace().next().unwrap()
            )),
            "{section}"
        );
        assert!(
            section.contains(&format!("<code>{}</code>", f["code"].as_str().unwrap())),
            "{section}"
        );
        assert!(
            dom.contains(&format!("href=\"#finding-{i}\"")),
            "finding {i} linked from the page"
        );
    }
    // Every row of the matrix has a cell for each of the six documents.
    let body = &dom[dom.find("<tbody>").unwrap()..dom.find("</tbody>").unwrap()];
    let rows: Vec<&str> = body.split("</tr>").filter(|r| r.contains("<tr")).collect();
    assert_eq!(rows.len(), 7, "one row per claim figure:\n{body}");
    for row in &rows {
        assert_eq!(row.matches("<td class=\"cell ").count(), 6, "{row}");
    }
    assert_eq!(body.matches("cell differs").count(), 6, "{body}");
    // Six documents, each with its text.
    assert_eq!(dom.matches("<article class=\"document\"").count(), 6);
    let outside: Vec<String> = requests_of(&browser, &page, "requests")
        .into_iter()
        .filter(|u| !u.starts_with("file://"))
        .collect();
    assert!(outside.is_empty(), "requests left the page: {outside:?}");
    // The screenshot, kept as an artifact, taken with JavaScript off: the page has
    // no script, and needs none.
    let shot = out_dir().join("georgia-russia.png");
    let _ = std::fs::remove_file(&shot);
    chromium(
        &browser,
        &page,
        "shot",
        &[
            "--window-size=1200,1500".into(),
            format!("--screenshot={}", shot.display()),
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png.len() > 20_000, "a rendered page, not a blank one");
    // The reader's dark setting gives the dark styling.
    let dark = out_dir().join("georgia-russia-dark.png");
    let _ = std::fs::remove_file(&dark);
    chromium(
        &browser,
        &page,
        "dark",
        &[
            "--blink-settings=preferredColorScheme=0".into(),
            "--window-size=1200,1500".into(),
            format!("--screenshot={}", dark.display()),
        ],
    );
    assert_ne!(
        std::fs::read(&dark).expect("a dark screenshot"),
        png,
        "dark differs from light"
    );
    assert!(!dom.contains("<script"), "no script on the page");
}

#[test]
fn an_article_holding_markup_shows_it_as_text() {
    let Some(browser) = browser_or_skip("escaping in chromium") else {
        return;
    };
    let dir = scratch(
        "html-hostile",
        &[
            (
                "rules/trade.yaml",
                "claims:\n  - id: trade\n    claim: \"$1.3B trade\"\n    source: \"<b>Geostat</b> & co\"\n",
            ),
            (
                "story.md",
                "Trade <script>document.title = 'taken'</script> reached $1.3 million <img src=x onerror=\"document.title='img'\">, \
                 the office said.\n",
            ),
        ],
    );
    let page = report(&dir, &["check", "story.md", "--format", "html"], "hostile");
    let dom = chromium(&browser, &page, "hostile", &["--dump-dom".into()]);
    assert!(
        dom.contains("<title>claimcheck report</title>"),
        "no script ran"
    );
    assert!(!dom.contains("<script") && !dom.contains("<img"), "{dom}");
    assert!(
        dom.contains("&lt;script&gt;document.title = 'taken'&lt;/script&gt;"),
        "{dom}"
    );
    assert!(dom.contains("&lt;b&gt;Geostat&lt;/b&gt; &amp; co"), "{dom}");
}

#[test]
fn a_quote_over_several_lines_is_marked_on_each_line_and_linked() {
    let Some(browser) = browser_or_skip("multi-line marks in chromium") else {
        return;
    };
    let args = [
        "check",
        "tests/data/longlines/stories",
        "--rules",
        "tests/data/longlines/rules",
        "--format",
        "html",
    ];
    let page = report(&root(), &args, "long-lines");
    let dom = chromium(&browser, &page, "long-lines", &["--dump-dom".into()]);
    // The drifted quotation runs over lines 14 to 16 of the first story: one mark
    // on each line, each linked to the same finding.
    let finding = dom
        .find("quote-drift")
        .and_then(|at| dom[..at].rfind("id=\"finding-"))
        .map(|at| dom[at + 4..].split('"').next().unwrap().to_string())
        .expect("the quote-drift finding");
    for line in 14..=16 {
        let id = format!("id=\"doc-0-line-{line}\"");
        let at = dom.find(&id).unwrap_or_else(|| panic!("line {line}"));
        let text = &dom[at..at + dom[at..].find("</span>\n").unwrap()];
        assert!(
            text.contains(&format!("href=\"#{finding}\"")),
            "line {line}: {text}"
        );
    }
}
