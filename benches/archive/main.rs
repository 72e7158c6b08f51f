//! claimcheck's benchmark harness: `cargo bench --bench archive [-- OPTIONS]`.
//!
//! It generates deterministic archives under `target/bench/`, times the release
//! `claimcheck` binary on them as a user runs it (whole process, start-up
//! included), side by side with ripgrep searching the same files for the rules'
//! anchor words (one pass of the text: the near-limit baseline), and prints a
//! table; `--json FILE` also writes the figures, to compare commits.
//!
//! Options: `--quick` (smaller sizes, for a first look), `--runs N` (counted runs per
//! figure, default 5), `--only WORD` (scenarios whose name holds WORD),
//! `--polnear FILE.jsonl...` (real copy: converted quote-suite cases), `--bin PROGRAM`
//! (time another claimcheck build, a baseline, on the same inputs). Ratios in the
//! notes are of median CPU time (user + system), which other work on a shared
//! machine does not stretch as it does wall time.
//! docs/performance.md keeps the latest table and the command.

mod corpus;
mod measure;
mod scenarios;

use std::path::PathBuf;

use scenarios::{Options, Row};

fn main() {
    let options = match Options::from_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("archive bench: {e}");
            std::process::exit(2);
        }
    };
    let rows = scenarios::run_all(&options);
    print_table(&rows);
    if let Some(path) = &options.json {
        write_json(path, &rows);
    }
}

fn print_table(rows: &[Row]) {
    println!(
        "\n{:<34} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8}  note",
        "scenario", "cpu s", "median s", "min s", "max s", "MB/s", "peak MB"
    );
    for r in rows {
        println!(
            "{:<34} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9} {:>8.1}  {}",
            r.name,
            r.runs.cpu_median(),
            r.runs.median(),
            r.runs.min(),
            r.runs.max(),
            r.mb_per_s()
                .map_or_else(|| "-".to_string(), |v| format!("{v:.1}")),
            r.runs.peak_bytes as f64 / 1e6,
            r.note
        );
    }
}

fn write_json(path: &PathBuf, rows: &[Row]) {
    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "  {{\"scenario\": {:?}, \"cpu_s\": {:.4}, \"median_s\": {:.4}, \"min_s\": {:.4}, \
                 \"max_s\": {:.4}, \"bytes\": {}, \"peak_bytes\": {}, \"runs\": {}, \"status\": {}, \
                 \"note\": {:?}}}",
                r.name,
                r.runs.cpu_median(),
                r.runs.median(),
                r.runs.min(),
                r.runs.max(),
                r.bytes,
                r.runs.peak_bytes,
                r.runs.wall.len(),
                r.runs.status,
                r.note
            )
        })
        .collect();
    let text = format!("[\n{}\n]\n", items.join(",\n"));
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("archive bench: cannot write {}: {e}", path.display());
    }
}
