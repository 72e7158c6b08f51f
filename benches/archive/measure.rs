//! Timing a command as a whole process: wall time and peak memory, several runs.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// One command's runs: wall seconds of each, and the largest peak memory seen.
#[derive(Debug, Clone)]
pub struct Runs {
    /// Wall seconds of each counted run, sorted.
    pub wall: Vec<f64>,
    /// The largest resident set of any run, in bytes.
    pub peak_bytes: u64,
    /// The exit status of the last run.
    pub status: i32,
}

impl Runs {
    /// The median wall time.
    pub fn median(&self) -> f64 {
        let n = self.wall.len();
        if n == 0 {
            return f64::NAN;
        }
        if n % 2 == 1 {
            self.wall[n / 2]
        } else {
            (self.wall[n / 2 - 1] + self.wall[n / 2]) / 2.0
        }
    }

    /// The fastest run.
    pub fn min(&self) -> f64 {
        self.wall.first().copied().unwrap_or(f64::NAN)
    }

    /// The slowest run.
    pub fn max(&self) -> f64 {
        self.wall.last().copied().unwrap_or(f64::NAN)
    }
}

/// Runs `argv` once as a warm-up, then `runs` times, output thrown away.
pub fn time(argv: &[String], runs: usize) -> Runs {
    let _ = once(argv);
    let mut wall = Vec::new();
    let mut peak_bytes = 0;
    let mut status = 0;
    for _ in 0..runs.max(1) {
        let (secs, peak, code) = once(argv);
        wall.push(secs);
        peak_bytes = peak_bytes.max(peak);
        status = code;
    }
    wall.sort_by(f64::total_cmp);
    Runs {
        wall,
        peak_bytes,
        status,
    }
}

/// One run: wall seconds, peak resident bytes (from the kernel's accounting of
/// that child alone) and exit status (-1 if it could not start).
fn once(argv: &[String]) -> (f64, u64, i32) {
    let start = Instant::now();
    // The compiled-rules cache lives beside the generated inputs, not in the
    // user's home: after the warm-up every timed run reads it, as a desk's do.
    let cache = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/rule-cache");
    let child = Command::new(&argv[0])
        .args(&argv[1..])
        .env("CLAIMCHECK_CACHE_DIR", cache)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let Ok(child) = child else {
        return (f64::NAN, 0, -1);
    };
    let (status, peak) = wait_with_rusage(child.id());
    (start.elapsed().as_secs_f64(), peak, status)
}

/// Waits for `pid` with wait4(2), which reports that child's own peak memory.
fn wait_with_rusage(pid: u32) -> (i32, u64) {
    let mut status: libc::c_int = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet reaped; both pointers are valid.
    let r = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if r < 0 {
        return (-1, 0);
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // Linux reports ru_maxrss in kibibytes.
    (code, usage.ru_maxrss.max(0) as u64 * 1024)
}
