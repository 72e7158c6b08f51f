//! Start-up with and without the compiled-rules cache: `cargo bench --bench startup
//! [-- --runs N]`.
//!
//! A 5,000-word draft (the archive harness's generator, the same bytes) is checked
//! against 1,000 and 10,000 templates by the release binary, whole process, in three
//! ways taken in turn in every round so the machine's drift hits all three: the
//! cache off (`CLAIMCHECK_NO_CACHE=1`), the cache cold (its folder emptied before
//! the run, which writes it) and warm (written by the run before), and a fourth:
//! the cache warm and an empty draft, start-up alone. It prints the
//! median CPU seconds (user + system, the kernel's accounting of the child) and wall
//! seconds of each, and warm / off. The cache folder is `target/bench/startup-cache`,
//! never the user's.

#[allow(dead_code)]
#[path = "archive/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_claimcheck");

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Off,
    Cold,
    Warm,
    /// The cache warm, and an empty document: what a run costs before any text.
    Empty,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut runs = 7;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bench" => {} // what `cargo bench` passes
            "--runs" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => runs = n,
                None => usage(),
            },
            _ => usage(),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/startup");
    std::fs::create_dir_all(&root).expect("cannot create target/bench/startup");
    println!(
        "{:<48} {:>9} {:>9} {:>9} {:>9}",
        "scenario", "cpu s", "wall s", "runs", "vs off"
    );
    for templates in [1000, 10000] {
        let (draft, rules) = write_inputs(&root, templates);
        let cache = root.join("cache");
        let modes = [Mode::Off, Mode::Cold, Mode::Warm, Mode::Empty];
        let mut times: Vec<Vec<(f64, f64)>> = vec![Vec::new(); modes.len()];
        // One round unmeasured, so the binary and the files are in memory.
        for round in 0..=runs {
            for k in 0..modes.len() {
                let m = (round + k) % modes.len();
                let t = once(modes[m], &draft, &rules, &cache);
                if round > 0 {
                    times[m].push(t);
                }
            }
        }
        let off = median(times[0].iter().map(|t| t.0).collect());
        let names = [
            "cache off",
            "cache cold",
            "cache warm",
            "cache warm, empty draft",
        ];
        for (m, name) in names.iter().enumerate() {
            let cpu = median(times[m].iter().map(|t| t.0).collect());
            let wall = median(times[m].iter().map(|t| t.1).collect());
            println!(
                "{:<48} {cpu:>9.3} {wall:>9.3} {runs:>9} {:>8.2}x",
                format!("draft x {templates} templates, {name}"),
                cpu / off
            );
        }
    }
}

fn usage() -> ! {
    eprintln!("startup bench: the only option is --runs N");
    std::process::exit(2);
}

/// Writes the draft and a rule file of `templates` templates; returns their paths.
fn write_inputs(root: &Path, templates: usize) -> (PathBuf, PathBuf) {
    let desk = corpus::Desk::new(&mut corpus::Rng::new(7), templates, 60.min(templates));
    std::fs::write(root.join("empty.md"), "").expect("cannot write the empty draft");
    let draft = root.join("draft.md");
    std::fs::write(
        &draft,
        corpus::article(&mut corpus::Rng::new(3), &desk, 5000),
    )
    .expect("cannot write the draft");
    let rules = root.join(format!("rules-{templates}.yaml"));
    std::fs::write(&rules, desk.rule_file()).expect("cannot write the rules");
    (draft, rules)
}

/// One run: (cpu seconds, wall seconds).
#[allow(clippy::zombie_processes)] // the child is reaped by wait4 in wait_cpu
fn once(mode: Mode, draft: &Path, rules: &Path, cache: &Path) -> (f64, f64) {
    if mode == Mode::Cold {
        let _ = std::fs::remove_dir_all(cache);
    }
    let empty = draft.with_file_name("empty.md");
    let mut cmd = Command::new(BIN);
    cmd.arg("check")
        .arg(if mode == Mode::Empty {
            empty.as_path()
        } else {
            draft
        })
        .arg("--rules")
        .arg(rules)
        .args(["--format", "json", "--fail-on", "never"])
        .env("CLAIMCHECK_CACHE_DIR", cache)
        .env_remove("CLAIMCHECK_NO_CACHE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if mode == Mode::Off {
        cmd.env("CLAIMCHECK_NO_CACHE", "1");
    }
    let start = Instant::now();
    let child = cmd.spawn().expect("the release binary runs");
    let cpu = wait_cpu(child.id());
    (cpu, start.elapsed().as_secs_f64())
}

/// Waits for `pid` with wait4(2): that child's own user + system seconds.
fn wait_cpu(pid: u32) -> f64 {
    let mut status: libc::c_int = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet reaped; both pointers are valid.
    let r = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if r < 0 {
        return f64::NAN;
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}
