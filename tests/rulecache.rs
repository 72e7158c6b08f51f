//! The compiled-rules cache seen from the command line: the same report with and
//! without it, whatever state its file is in, and nothing written anywhere but the
//! cache folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{root, scratch};

/// Runs `check` on a story folder with its own rules, with the cache environment
/// `env`; returns (exit status, standard output, standard error).
fn check(story: &Path, env: &[(&str, &Path)], off: bool) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.arg("check")
        .arg(story.join("stories"))
        .arg("--rules")
        .arg(story.join("rules"))
        .args(["--format", "json"])
        .current_dir(story)
        .env_remove("CLAIMCHECK_CACHE_DIR")
        .env_remove("CLAIMCHECK_NO_CACHE")
        .env_remove("XDG_CACHE_HOME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    if off {
        cmd.env("CLAIMCHECK_NO_CACHE", "1");
    }
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().expect("exited"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every file under `dir` with its bytes, sorted.
fn listing(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// A copy of the harbor desk: its rules and its stories.
fn story(name: &str) -> PathBuf {
    let harbor = root().join("tests/data/harbor");
    let mut files = Vec::new();
    for (path, bytes) in listing(&harbor) {
        let rel = path.strip_prefix(&harbor).unwrap().display().to_string();
        if rel.starts_with("rules/") || rel.starts_with("stories/") {
            files.push((rel, String::from_utf8(bytes).unwrap()));
        }
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    scratch(name, &refs)
}

#[test]
fn the_report_is_the_same_from_the_cache_and_nothing_else_is_written() {
    let desk = story("rulecache-desk");
    let cache = scratch("rulecache-dir", &[]).join("claimcheck");
    let before = listing(&desk);
    let fresh = check(&desk, &[], true);
    assert!(fresh.0 == 0 || fresh.0 == 1, "{}", fresh.2);
    let env = [("CLAIMCHECK_CACHE_DIR", cache.as_path())];
    let first = check(&desk, &env, false);
    assert_eq!(first, fresh, "the run that writes the cache");
    let files = listing(&cache);
    assert_eq!(files.len(), 1, "one cache file: {files:?}");
    let second = check(&desk, &env, false);
    assert_eq!(second, fresh, "the run that reads it");
    // Damaged or cut short: ignored and written anew.
    let (path, good) = &files[0];
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    for bad in [flipped, good[..good.len() / 2].to_vec(), Vec::new()] {
        std::fs::write(path, bad).unwrap();
        assert_eq!(check(&desk, &env, false), fresh);
        assert_eq!(&std::fs::read(path).unwrap(), good);
    }
    // Nothing was written beside the rules or the stories.
    assert_eq!(listing(&desk), before);
}

#[test]
fn a_changed_rule_file_is_compiled_again() {
    let desk = story("rulecache-changed");
    let cache = scratch("rulecache-changed-dir", &[]);
    let env = [("CLAIMCHECK_CACHE_DIR", cache.as_path())];
    let first = check(&desk, &env, false);
    // Append a claim the stories cannot match: the set changes, the report not.
    let rules = listing(&desk.join("rules"));
    let (path, text) = &rules[0];
    let mut text = String::from_utf8(text.clone()).unwrap();
    text.push_str("  - id: zz-rulecache-extra\n    claim: \"77% of zqxj vlorp\"\n");
    std::fs::write(path, &text).unwrap();
    let second = check(&desk, &env, false);
    assert_eq!(second, check(&desk, &[], true));
    assert_eq!(listing(&cache).len(), 2, "a file for each set of rules");
    // A broken rule file is reported as ever, from whichever run.
    std::fs::write(path, text.replace("claims:", "claimz:")).unwrap();
    let broken = check(&desk, &env, false);
    assert_eq!(broken.0, 2);
    assert!(broken.2.contains("unknown key `claimz`"), "{}", broken.2);
    assert_eq!(listing(&cache).len(), 2, "errors are not kept");
    assert_ne!(first.1, "");
}

#[test]
fn an_unwritable_cache_folder_changes_nothing() {
    let desk = story("rulecache-unwritable");
    let blocker = scratch("rulecache-blocker", &[("file", "x")]).join("file");
    let env = [("CLAIMCHECK_CACHE_DIR", blocker.as_path())];
    let run = check(&desk, &env, false);
    assert_eq!(run, check(&desk, &[], true));
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}
