//! Timing a command as a whole process: wall time and peak memory, several runs.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// One command's runs: wall and CPU seconds of each, and the largest peak memory
/// seen.
#[derive(Debug, Clone)]
pub struct Runs {
    /// Wall seconds of each counted run, sorted.
    pub wall: Vec<f64>,
    /// CPU seconds (user + system) of each counted run, sorted: on a shared machine
    /// the figure to compare, since other work there stretches wall time.
    pub cpu: Vec<f64>,
    /// The largest resident set of any run, in bytes.
    pub peak_bytes: u64,
    /// The exit status of the last run.
    pub status: i32,
}

impl Runs {
    /// The median wall time.
    pub fn median(&self) -> f64 {
        median(&self.wall)
    }

    /// The median CPU time (user + system).
    pub fn cpu_median(&self) -> f64 {
        median(&self.cpu)
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

/// The median of sorted figures (NaN for none).
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// What one run of a command cost.
struct Run {
    wall: f64,
    cpu: f64,
    peak: u64,
    status: i32,
}

/// Runs `argv` once as a warm-up, then `runs` times, output thrown away.
pub fn time(argv: &[String], runs: usize) -> Runs {
    let _ = once(argv);
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let mut peak_bytes = 0;
    let mut status = 0;
    for _ in 0..runs.max(1) {
        let run = once(argv);
        wall.push(run.wall);
        cpu.push(run.cpu);
        peak_bytes = peak_bytes.max(run.peak);
        status = run.status;
    }
    wall.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    Runs {
        wall,
        cpu,
        peak_bytes,
        status,
    }
}

/// One run: wall seconds, CPU seconds and peak resident bytes (from the kernel's
/// accounting of that child alone) and exit status (-1 if it could not start).
fn once(argv: &[String]) -> Run {
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
        return Run {
            wall: f64::NAN,
            cpu: f64::NAN,
            peak: 0,
            status: -1,
        };
    };
    let (status, cpu, peak) = wait_with_rusage(child.id());
    Run {
        wall: start.elapsed().as_secs_f64(),
        cpu,
        peak,
        status,
    }
}

/// Waits for `pid` with wait4(2), which reports that child's own CPU seconds and
/// peak memory.
fn wait_with_rusage(pid: u32) -> (i32, f64, u64) {
    let mut status: libc::c_int = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet reaped; both pointers are valid.
    let r = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if r < 0 {
        return (-1, f64::NAN, 0);
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let cpu = secs(usage.ru_utime) + secs(usage.ru_stime);
    // Linux reports ru_maxrss in kibibytes.
    (code, cpu, usage.ru_maxrss.max(0) as u64 * 1024)
}
