//! Hostile and unusual input, end to end: each input, its exit status and message,
//! and that no input file changed.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{root, run_in, scratch};
use serde_json::Value;

const RULES: &str = "claims:\n  - id: land\n    claim: \"20% of territory\"\n";
const WRONG: &str = "Russia holds about 25% of the territory of Georgia.\n";

/// Every file under `dir` with its bytes, to show a run changed nothing.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let t = e.file_type().unwrap();
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                out.push((e.path(), std::fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Runs `check` in `dir` and checks that no file under it changed.
fn check(dir: &Path, args: &[&str]) -> common::Run {
    let before = snapshot(dir);
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let r = run_in(dir, &all, "");
    assert_eq!(before, snapshot(dir), "a run changed an input file");
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    r
}

fn json(r: &common::Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn non_ascii_front_matter_is_checked_exactly() {
    let text = "---\ntitle: Café\n---\nRussia holds about\u{a0}25% of the territory of Georgia.\n";
    let dir = scratch(
        "hostile-cafe",
        &[("rules/r.yaml", RULES), ("a.md", text), ("b.md", WRONG)],
    );
    let r = check(&dir, &["a.md", "b.md", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r);
    let f = &v["findings"][0];
    assert_eq!(
        (f["file"].as_str(), f["line"].as_u64(), f["column"].as_u64()),
        (Some("a.md"), Some(4), Some(20))
    );
    assert_eq!(f["found"], "25%");
    assert_eq!(
        v["findings"].as_array().unwrap().len(),
        2,
        "both documents reported"
    );
}

#[test]
fn the_same_file_named_twice_is_checked_once() {
    let dir = scratch(
        "hostile-twice",
        &[("rules/r.yaml", RULES), ("s/a.md", WRONG)],
    );
    let r = check(
        &dir,
        &["s/a.md", "s/a.md", "s", "./s/a.md", "--format", "json"],
    );
    let v = json(&r);
    assert_eq!(v["files_checked"], 1);
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
}

/// The bundled example gives the same findings whatever line endings and whether
/// a byte-order mark starts each file.
#[test]
fn line_endings_and_byte_order_marks_give_the_same_findings() {
    let fixtures = root().join("fixtures/georgia-russia");
    type Convert = fn(&str) -> String;
    let variants: [(&str, Convert); 4] = [
        ("lf", |t| t.to_string()),
        ("crlf", |t| t.replace('\n', "\r\n")),
        ("cr", |t| t.replace('\n', "\r")),
        ("bom", |t| format!("\u{feff}{t}")),
    ];
    let mut results = Vec::new();
    for (name, convert) in variants {
        let dir = scratch(&format!("hostile-eol-{name}"), &[]);
        std::fs::create_dir_all(dir.join("s")).unwrap();
        for e in std::fs::read_dir(&fixtures).unwrap().flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap();
            std::fs::write(dir.join("s").join(e.file_name()), convert(&text)).unwrap();
        }
        let rules = root().join("rules");
        let r = check(
            &dir,
            &["s", "--rules", rules.to_str().unwrap(), "--format", "json"],
        );
        let v = json(&r);
        let findings: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {} {}:{}-{}:{} {:?} {}",
                    f["code"],
                    f["file"],
                    f["line"],
                    f["column"],
                    f["end_line"],
                    f["end_column"],
                    f["found"].as_str().unwrap_or("").replace(['\r', '\n'], " "),
                    f["rule"]
                )
            })
            .collect();
        assert!(!findings.is_empty());
        results.push((name, r.code, findings));
    }
    for (name, code, findings) in &results[1..] {
        assert_eq!(
            (*code, findings),
            (results[0].1, &results[0].2),
            "{name} differs from lf"
        );
    }
}

#[test]
fn crlf_before_a_pronoun_keeps_the_speaker() {
    let rules = "people:\n  - id: nino\n    name: Nino Beridze\n    aliases: [Beridze]\nclaims:\n  - id: q\n    quote: \"We will publish every figure by spring.\"\n    by: nino\n    date: 2025-12-03\n";
    let text = "Nino Beridze spoke to reporters.\n\n\u{201c}We will publish every figure by spring,\u{201d} she\nsaid on Wednesday.\n";
    let other = "Nino Beridze spoke to reporters.\n\n\u{201c}We will publish every figure by summer,\u{201d} she\nsaid on Wednesday.\n";
    for (name, body) in [("same", text), ("drift", other)] {
        let lf = scratch(
            &format!("hostile-pronoun-lf-{name}"),
            &[("rules/r.yaml", rules), ("2025-12-04-a.md", body)],
        );
        let crlf = scratch(
            &format!("hostile-pronoun-crlf-{name}"),
            &[
                ("rules/r.yaml", rules),
                ("2025-12-04-a.md", &body.replace('\n', "\r\n")),
            ],
        );
        let a = json(&check(&lf, &["2025-12-04-a.md", "--format", "json"]));
        let b = json(&check(&crlf, &["2025-12-04-a.md", "--format", "json"]));
        assert_eq!(a["findings"], b["findings"], "{name}");
        if name == "drift" {
            assert_eq!(a["findings"][0]["code"], "quote-drift", "{a}");
        }
    }
}

#[test]
fn a_fifo_named_on_the_command_line_is_an_error() {
    let dir = scratch("hostile-fifo-named", &[("rules/r.yaml", RULES)]);
    mkfifo(&dir.join("pipe.md"));
    let r = check(&dir, &["pipe.md"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("pipe.md: a named pipe (FIFO), not a file or folder"),
        "{}",
        r.stderr
    );
    let r = check(&dir, &["/dev/null"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("/dev/null: a device"), "{}", r.stderr);
}

#[test]
fn special_files_in_a_folder_are_skipped_and_never_read() {
    let dir = scratch(
        "hostile-fifo-walked",
        &[("rules/r.yaml", RULES), ("s/a.md", WRONG)],
    );
    mkfifo(&dir.join("s/pipe.md"));
    mkfifo(&dir.join("s/.ignore"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("s/.gitignore")).unwrap();
    std::os::unix::fs::symlink("a.md", dir.join("s/link.md")).unwrap();
    let r = check(&dir, &["s", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(json(&r)["files_checked"], 1);
    for said in [
        "s/pipe.md: a named pipe (FIFO), not a file; skipped",
        "s/.ignore: a named pipe (FIFO), not a file; this ignore file was not read",
        "s/.gitignore: a device, not a file; this ignore file was not read",
        "s/link.md: a symbolic link, not followed",
    ] {
        assert!(r.stderr.contains(said), "{said}\n{}", r.stderr);
    }
}

#[test]
fn a_run_where_everything_was_skipped_exits_2() {
    let dir = scratch("hostile-all-skipped", &[("rules/r.yaml", RULES)]);
    std::fs::create_dir_all(dir.join("s")).unwrap();
    std::fs::write(dir.join("s/a.md"), b"\xff\xfeR\x00u\x00").unwrap();
    std::fs::write(dir.join("s/b.md"), b"bin\x00ary").unwrap();
    let r = check(&dir, &["s"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("a.md: UTF-16 text; claimcheck reads UTF-8"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("no file was checked: 2 skipped"),
        "{}",
        r.stderr
    );
}

#[test]
fn ignore_files_above_the_repository_root_do_not_apply() {
    let dir = scratch(
        "hostile-above-repo",
        &[
            ("outer/.gitignore", "*.md\n"),
            ("outer/repo/.git/HEAD", "ref: refs/heads/main\n"),
            ("outer/repo/.gitignore", "drafts/\n"),
            ("outer/repo/rules/r.yaml", RULES),
            ("outer/repo/s/a.md", WRONG),
            ("outer/repo/s/drafts/b.md", WRONG),
        ],
    );
    let r = check(&dir.join("outer/repo/s"), &[".", "--format", "json"]);
    assert_eq!(
        json(&r)["files_checked"],
        1,
        "a.md, not the ignored draft: {}",
        r.stderr
    );
}

#[test]
fn threads_are_capped_with_a_warning() {
    let dir = scratch(
        "hostile-threads",
        &[("rules/r.yaml", RULES), ("a.md", WRONG)],
    );
    let r = check(&dir, &["a.md", "--threads", "20000"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("--threads 20000 is more than this machine can use; using"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_full_disk_is_reported() {
    let dir = scratch("hostile-full", &[("rules/r.yaml", RULES), ("a.md", WRONG)]);
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "a.md"])
        .current_dir(&dir)
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write the output: the disk is full"),
        "{stderr}"
    );
}

#[test]
fn a_step_summary_naming_an_input_is_refused() {
    let dir = scratch(
        "hostile-summary",
        &[("rules/r.yaml", RULES), ("a.md", WRONG)],
    );
    for target in ["a.md", "rules/r.yaml"] {
        let before = snapshot(&dir);
        let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["check", "a.md", "--format", "github"])
            .current_dir(&dir)
            .env("GITHUB_STEP_SUMMARY", dir.join(target))
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("GITHUB_STEP_SUMMARY names"), "{stderr}");
        assert_eq!(before, snapshot(&dir));
    }
}

#[test]
fn front_matter_dates_that_cannot_be_used_are_warnings() {
    let dir = scratch(
        "hostile-front-dates",
        &[
            ("rules/r.yaml", RULES),
            ("a.md", "---\ndate: 2025-02-30\n---\nText.\n"),
            ("b.md", "---\ntitle: T\npubDate: 12/03/2025\n---\nText.\n"),
            ("c.md", "+++\ndate = \"March 12, 2025\"\n+++\nText.\n"),
        ],
    );
    let r = check(&dir, &["a.md", "b.md", "c.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: a.md:2: front matter `date: 2025-02-30` is not a real date"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("warning: b.md:3: front matter `pubDate: 12/03/2025` could be 12 March 2025 or 3 December 2025"), "{}", r.stderr);
    assert!(!r.stderr.contains("c.md"), "{}", r.stderr);
}

/// "…," she\r\nsaid: the line break hides neither the pronoun nor the verb.
#[test]
fn a_pronoun_before_a_crlf_is_still_the_speaker() {
    use claimcheck::attribution::attributions;
    use claimcheck::document::Document;
    use claimcheck::people::PeopleFinder;
    use claimcheck::rules::parse;
    let rules = "people:\n  - id: nino\n    name: Nino Beridze\n    aliases: [Beridze]\n";
    let set = parse(&[("r.yaml".into(), rules.into())]).unwrap();
    let finder = PeopleFinder::new(&set.people);
    let text = "Nino Beridze spoke to reporters.\n\n\u{201c}We will publish every figure,\u{201d} she\nsaid.\n";
    for (name, body) in [
        ("lf", text.to_string()),
        ("crlf", text.replace('\n', "\r\n")),
        ("cr", text.replace('\n', "\r")),
    ] {
        for file in ["a.md", "a.txt"] {
            let doc = Document::new(file, body.clone(), None);
            let said = attributions(&doc, &finder.find(&doc.prose));
            let she = said.iter().find(|a| a.pronoun);
            assert!(she.is_some(), "{name} {file}: {said:?}");
            assert_eq!(
                &doc.text[she.unwrap().speaker.clone()],
                "she",
                "{name} {file}"
            );
        }
    }
}

/// Bad rule inputs: each is exit 2 with a message in plain words.
#[test]
fn rule_files_that_cannot_be_used_say_why_in_plain_words() {
    let many: String = std::iter::once("claims:\n".to_string())
        .chain((0..70_000).map(|i| format!("  - id: c{i}\n    claim: \"{i}% of x\"\n")))
        .collect();
    let cases: &[(&str, &str, &str)] = &[
        (
            "nan.yaml",
            "claims:\n  - id: t\n    claim: \"20% of territory\"\n    tolerance: .nan\n",
            "`.nan` is not a number claimcheck can use",
        ),
        (
            "multi.yaml",
            "claims:\n  - id: t\n    claim: \"20% of x\"\n---\nclaims: []\n",
            "a second YAML document starts here",
        ),
        (
            "big.yaml",
            &many,
            "too large for one rule file: more than 250,000 values",
        ),
        ("empty.yaml", "", "this rule file is empty"),
        (
            "comments.yaml",
            "# claims to come\n\n",
            "this rule file is empty",
        ),
        (
            "title.yaml",
            "title: Cut short\n",
            "has no `claims:` and no `people:`",
        ),
    ];
    for (name, text, said) in cases {
        let dir = scratch("hostile-rule-errors", &[(name, text), ("a.md", WRONG)]);
        let r = check(&dir, &["a.md", "--rules", name]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(r.stderr.contains(said), "{name}: {}", r.stderr);
        for jargon in ["from_str", "budget breached", "policy", "os error"] {
            assert!(!r.stderr.contains(jargon), "{name}: {}", r.stderr);
        }
    }
    let dir = scratch(
        "hostile-rule-devices",
        &[("a.md", WRONG), ("secret.txt", "password: hunter2\n")],
    );
    let r = check(&dir, &["a.md", "--rules", "/dev/zero"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("/dev/zero: a device, not a rule file or folder"),
        "{}",
        r.stderr
    );
    let r = check(&dir, &["a.md", "--rules", "secret.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a rule file"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("hunter2"),
        "a line of a file that is not a rule file: {}",
        r.stderr
    );
}

#[test]
fn rules_folders_do_not_follow_links_into_loops_or_out() {
    let dir = scratch(
        "hostile-rule-links",
        &[
            ("rules/r.yaml", RULES),
            ("a.md", WRONG),
            (
                "elsewhere/x.yaml",
                "claims:\n  - id: land\n    claim: \"30% of territory\"\n",
            ),
        ],
    );
    std::os::unix::fs::symlink("..", dir.join("rules/up")).unwrap();
    std::os::unix::fs::symlink(dir.join("elsewhere"), dir.join("rules/out")).unwrap();
    std::os::unix::fs::symlink("r.yaml", dir.join("rules/again.yaml")).unwrap();
    let r = check(&dir, &["a.md", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        json(&r)["findings"].as_array().unwrap().len(),
        1,
        "{}",
        r.stderr
    );
}

#[test]
fn a_configuration_reaches_only_its_own_tree() {
    let outside = std::env::temp_dir().join("claimcheck-hostile-reach");
    let _ = std::fs::remove_dir_all(&outside);
    std::fs::create_dir_all(outside.join("desk")).unwrap();
    std::fs::write(
        outside.join("secret.yml"),
        "claims:\n  - id: s\n    claim: \"9% of x\"\n",
    )
    .unwrap();
    std::fs::write(outside.join("desk/a.md"), WRONG).unwrap();
    for (config, said) in [
        (
            "rules: [../secret.yml]\n",
            "rules: `../secret.yml` is outside the folder",
        ),
        (
            "rules: [/etc/passwd]\n",
            "rules: `/etc/passwd` is outside the folder",
        ),
        ("rules: [a.md]\n", "rules: `a.md` is not a rule file"),
        (
            "exclude: [\"drafts/[\"]\n",
            "`drafts/[` is not a valid glob",
        ),
    ] {
        std::fs::write(outside.join("desk/claimcheck.yaml"), config).unwrap();
        let r = check(&outside.join("desk"), &["a.md"]);
        assert_eq!(r.code, 2, "{config}: {}", r.stderr);
        assert!(r.stderr.contains(said), "{config}: {}", r.stderr);
        assert!(
            !r.stderr.contains("root:"),
            "no line of /etc/passwd: {}",
            r.stderr
        );
    }
    std::fs::remove_dir_all(&outside).unwrap();
}

#[test]
fn options_and_empty_rule_sets_say_what_they_mean() {
    let dir = scratch(
        "hostile-options",
        &[("rules/r.yaml", "claims: []\n"), ("a.md", WRONG)],
    );
    let r = check(&dir, &["a.md", "--date", "tomorrow"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("`tomorrow` is not a date written YYYY-MM-DD"),
        "{}",
        r.stderr
    );
    let r = check(&dir, &["a.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("the rule files hold no claims"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["mentions", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..20_000 {
            let line =
                format!("{{\"id\": {i}, \"text\": \"About 20% of it on 4 December 2025.\"}}\n");
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":0"), "{first}");
    // The reader is gone (like `| head -1`).
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!((out.status.code(), stderr.as_str()), (Some(0), ""));
}

#[test]
fn a_file_too_large_to_be_an_article_is_refused_before_it_is_read() {
    let dir = scratch(
        "hostile-large",
        &[("rules/r.yaml", RULES), ("s/a.md", WRONG)],
    );
    let big = std::fs::File::create(dir.join("s/archive.txt")).unwrap();
    big.set_len(200 << 20).unwrap(); // sparse: nothing is written
    let r = check(&dir, &["s/archive.txt"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("s/archive.txt: 200 MB, larger than the 32 MB"),
        "{}",
        r.stderr
    );
    let r = check(&dir, &["s", "--format", "json"]);
    assert_eq!(
        r.code, 2,
        "the rest is checked, and the run still fails: {}",
        r.stderr
    );
    assert_eq!(json(&r)["files_checked"], 1);
}

/// A document whose check fails inside claimcheck costs only its own findings: the
/// failure names it, and the documents before and after it are still checked.
#[test]
fn one_document_that_fails_does_not_lose_the_others() {
    use claimcheck::document::Document;
    use claimcheck::pipeline::Checker;
    let checker =
        Checker::new(claimcheck::rules::parse(&[("r.yaml".into(), RULES.into())]).unwrap());
    let good = |name: &str| Document::new(name, WRONG.to_string(), None);
    // A corrupted document: its prose view is not aligned with its text (what the
    // front-matter bug used to do), so a figure's span cuts a character of the file.
    let mut broken = good("broken.md");
    broken.text = "Russia holds about\u{e9}\u{e9}% of the territory of Georgia.\n".to_string();
    let docs = [good("a.md"), broken, good("c.md")];
    let analysis = checker.analyse(&docs);
    assert_eq!(analysis.failed.len(), 1, "{:?}", analysis.failed);
    assert_eq!(analysis.failed[0].file, "broken.md");
    let files: Vec<&str> = analysis.findings.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(files, ["a.md", "c.md"]);
}

/// An article and a folder that cannot be read: each is a warning naming it, the
/// rest is still checked and reported, and the run ends with exit 2. Run as an
/// unprivileged user (through `setpriv` when the tests run as root, as in CI), since
/// root reads every file whatever its mode.
#[test]
fn unreadable_articles_and_folders_are_warned_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("claimcheck-unreadable-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in [
        ("rules/r.yaml", RULES),
        ("s/a.md", WRONG),
        ("s/b.md", WRONG),
        ("s/sub/c.md", WRONG),
    ] {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    // The binary is copied beside the inputs, so an unprivileged user can run it
    // whatever the modes of the build folder's parents.
    let bin = dir.join("claimcheck");
    std::fs::copy(env!("CARGO_BIN_EXE_claimcheck"), &bin).unwrap();
    let mode = |p: &str, m: u32| {
        std::fs::set_permissions(dir.join(p), std::fs::Permissions::from_mode(m)).unwrap()
    };
    for p in ["", "rules", "s"] {
        mode(p, 0o755);
    }
    mode("claimcheck", 0o755);
    mode("rules/r.yaml", 0o644);
    mode("s/a.md", 0o644);
    mode("s/b.md", 0o000);
    mode("s/sub", 0o000);
    let unprivileged = |args: &[&str]| {
        let root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
        let mut cmd = if root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        let out = cmd
            .args(args)
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .output()
            .expect("setpriv (util-linux) runs the binary as nobody");
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (out.status.code(), text(out.stdout), text(out.stderr))
    };
    let (code, stdout, stderr) =
        unprivileged(&["check", "s", "--rules", "rules", "--format", "json"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("s/sub: cannot read this folder (permission denied); skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("s/b.md: cannot read: permission denied; skipped"),
        "{stderr}"
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["files_checked"], 1, "a.md is still checked");
    assert_eq!(report["findings"][0]["file"], "s/a.md", "{stdout}");
    // Named on the command line, it is an error of its own.
    let (code, _, stderr) = unprivileged(&["check", "s/b.md", "--rules", "rules"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("error: s/b.md: cannot read: permission denied"),
        "{stderr}"
    );
    mode("s/sub", 0o755);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs any subcommand in `dir`: no panic, and no file under `dir` changed.
fn cli(dir: &Path, args: &[&str]) -> common::Run {
    let before = snapshot(dir);
    let r = run_in(dir, args, "");
    assert_eq!(before, snapshot(dir), "{args:?} changed an input file");
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    r
}

#[test]
fn bad_input_names_its_place_and_exits_2() {
    let dir = scratch(
        "hostile-places",
        &[
            ("rules/r.yaml", RULES),
            ("a.md", WRONG),
            (
                "typed.yaml",
                "claims:\n  - id: t\n    claim: \"20% of territory\"\n    tolerance: [1, 2]\n",
            ),
            (
                "desk/claimcheck.yaml",
                "rules: [../rules]\nexclud: [drafts/]\n",
            ),
            ("desk/b.md", WRONG),
        ],
    );
    // A byte that is not UTF-8 after a byte-order mark and a CRLF: line 2, column 4.
    std::fs::write(
        dir.join("latin1.md"),
        b"\xef\xbb\xbfOne.\r\ncaf\xe9 25% of the territory\r\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::create_dir_all(dir.join("no-rules")).unwrap();
    let not_utf8 = "latin1.md: not UTF-8 text (byte 0xE9 at line 2, column 4): save it as UTF-8";
    let cases: &[(&[&str], &str)] = &[
        (&["check", "latin1.md"], not_utf8),
        (&["mentions", "latin1.md"], not_utf8),
        (&["diff", "latin1.md", "a.md"], not_utf8),
        (&["extract", "latin1.md"], not_utf8),
        (
            &["check", "empty"],
            "nothing to check: no .md, .markdown or .txt file in empty",
        ),
        (
            &["mentions", "empty"],
            "empty: cannot read: a folder, not a file",
        ),
        (
            &["extract", "empty"],
            "no source to read: no .md, .markdown or .txt file in empty",
        ),
        (
            &["check", "a.md", "--rules", "no-rules"],
            "no-rules: no .yaml or .yml rule files in this folder",
        ),
        (
            &["check", "a.md", "--rules", "typed.yaml"],
            "invalid type: sequence, expected a number or a percentage\n --> typed.yaml:4:5",
        ),
        (
            &["check", "desk"],
            "unknown key `exclud`\n --> desk/claimcheck.yaml:2:1",
        ),
        (
            &["check", "a.md", "--format", "xml"],
            "invalid value 'xml' for '--format <FORMAT>'",
        ),
    ];
    for (args, said) in cases {
        let r = cli(&dir, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(said), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}: a report despite the error");
    }
    // Standard input gets the checks a file gets.
    let latin1 = b"\xef\xbb\xbfOne.\r\ncaf\xe9 25% of the territory\r\n";
    for command in ["check", "mentions", "extract"] {
        let (code, stderr) = with_stdin_bytes(&dir, &[command, "-"], latin1);
        assert_eq!(code, 2, "{command} -: {stderr}");
        assert!(
            stderr.contains("standard input: not UTF-8 text (byte 0xE9 at line 2, column 4)")
                || stderr.contains("-: not UTF-8 text (byte 0xE9 at line 2, column 4)"),
            "{command} -: {stderr}"
        );
    }
    // `--threads 0` is the default, one thread per core: the same report as one thread.
    let zero = cli(&dir, &["check", "a.md", "--threads", "0"]);
    assert_eq!(zero.code, 1, "{}", zero.stderr);
    assert_eq!(
        zero.stdout,
        cli(&dir, &["check", "a.md", "--threads", "1"]).stdout
    );
}

/// Runs claimcheck in `dir` with `bytes` (not necessarily UTF-8) on standard input;
/// its exit status and standard error.
fn with_stdin_bytes(dir: &Path, args: &[&str], bytes: &[u8]) -> (i32, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env("CLAIMCHECK_NO_CACHE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().expect("exited"), stderr)
}
