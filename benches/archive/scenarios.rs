//! The scenarios: each generates its input once (deterministically) and times the
//! commands a user would run on it, with a baseline from the same run beside it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::corpus::{self, Desk, Rng};
use crate::measure::{self, Runs};

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Smaller sizes, for a first look.
    pub quick: bool,
    /// Counted runs per figure.
    pub runs: usize,
    /// Only scenarios whose name holds this word.
    pub only: Option<String>,
    /// Converted quote-suite case files (real copy), when given.
    pub polnear: Vec<PathBuf>,
    /// Where to write the figures as JSON.
    pub json: Option<PathBuf>,
    /// The claimcheck binary to time (default: this build's), to measure a baseline
    /// build on the same inputs.
    pub bin: Option<String>,
}

impl Options {
    /// Reads the options after `--`. Unknown flags are errors; cargo's own `--bench`
    /// flag is accepted and ignored.
    pub fn from_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
        let mut o = Options {
            quick: false,
            runs: 5,
            only: None,
            polnear: Vec::new(),
            json: None,
            bin: None,
        };
        let mut args = args.peekable();
        while let Some(a) = args.next() {
            match a.as_str() {
                "--quick" => o.quick = true,
                "--bench" => {}
                "--runs" => {
                    let n = args.next().ok_or("--runs needs a number")?;
                    o.runs = n
                        .parse()
                        .map_err(|_| format!("--runs: not a number: {n}"))?;
                }
                "--only" => o.only = Some(args.next().ok_or("--only needs a word")?),
                "--json" => o.json = Some(args.next().ok_or("--json needs a file")?.into()),
                "--bin" => o.bin = Some(args.next().ok_or("--bin needs a program")?),
                "--polnear" => {
                    while let Some(p) = args.next_if(|p| !p.starts_with("--")) {
                        o.polnear.push(p.into());
                    }
                }
                other => {
                    return Err(format!(
                        "unknown option {other} (see benches/archive/main.rs)"
                    ));
                }
            }
        }
        Ok(o)
    }

    fn wants(&self, name: &str) -> bool {
        self.only.as_deref().is_none_or(|w| name.contains(w))
    }
}

/// One line of the table.
#[derive(Debug, Clone)]
pub struct Row {
    /// What was run.
    pub name: String,
    /// Its timings.
    pub runs: Runs,
    /// Bytes of article text it read (0 when throughput means nothing).
    pub bytes: u64,
    /// A ratio or remark.
    pub note: String,
}

impl Row {
    /// Megabytes of article text per second, at the median.
    pub fn mb_per_s(&self) -> Option<f64> {
        (self.bytes > 0).then(|| self.bytes as f64 / 1e6 / self.runs.median())
    }
}

/// The binary timed: `--bin`, else this build's release binary.
static BIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn bin() -> &'static str {
    BIN.get_or_init(|| env!("CARGO_BIN_EXE_claimcheck").to_string())
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench")
}

fn check(paths: &[&Path], rules: &Path, extra: &[&str]) -> Vec<String> {
    let mut argv = vec![bin().to_string(), "check".to_string()];
    argv.extend(paths.iter().map(|p| p.display().to_string()));
    argv.extend(["--rules".to_string(), rules.display().to_string()]);
    argv.extend(["--format", "json", "--fail-on", "never"].map(String::from));
    argv.extend(extra.iter().map(|s| s.to_string()));
    argv
}

struct Bench<'a> {
    options: &'a Options,
    rows: Vec<Row>,
}

impl Bench<'_> {
    /// Times one command; returns its median CPU seconds (ratios are taken on CPU
    /// time: on a shared machine other work stretches wall time, not CPU time).
    fn time(&mut self, name: &str, argv: Vec<String>, bytes: u64, note: String) -> f64 {
        eprintln!("archive bench: {name}");
        let runs = measure::time(&argv, self.options.runs);
        let median = runs.cpu_median();
        self.rows.push(Row {
            name: name.to_string(),
            runs,
            bytes,
            note,
        });
        median
    }
}

type Scenario = fn(&mut Bench);

/// Runs every scenario the options ask for.
pub fn run_all(options: &Options) -> Vec<Row> {
    if let Some(bin) = &options.bin {
        let _ = BIN.set(bin.clone());
    }
    let mut b = Bench {
        options,
        rows: Vec::new(),
    };
    let scenarios: [(&str, Scenario); 7] = [
        ("archive", archive),
        ("draft", draft),
        ("docs", docs_series),
        ("templates", templates_series),
        ("length", length_series),
        ("patho", pathological),
        ("real", real_copy),
    ];
    for (name, run) in scenarios {
        if options.wants(name) {
            run(&mut b);
        }
    }
    b.rows
}

fn desk(templates: usize, people: usize) -> Desk {
    Desk::new(&mut Rng::new(7), templates, people)
}

/// Generates (or reuses) an archive; returns its folder and bytes of text.
fn archive_dir(name: &str, docs: usize, words: usize, desk: &Desk) -> (PathBuf, u64) {
    let dir = root().join(name);
    let bytes = corpus::archive(&dir, 11, docs, words, desk).expect("cannot write the archive");
    (dir, bytes)
}

fn archive(b: &mut Bench) {
    let docs = if b.options.quick { 400 } else { 2000 };
    let d = desk(1000, 60);
    let (dir, bytes) = archive_dir("archive", docs, 800, &d);
    let articles = dir.join("articles");
    let rules = dir.join("rules.yaml");
    let name = format!("check {docs} docs x 1000 templates");
    let ours = b.time(
        &name,
        check(&[&articles], &rules, &[]),
        bytes,
        String::new(),
    );
    if let Some(rg) = which("rg") {
        let argv = vec![
            rg,
            "-F".into(),
            "-c".into(),
            "-f".into(),
            dir.join("anchors.txt").display().to_string(),
            articles.display().to_string(),
        ];
        let base = b.time(
            "ripgrep -F -f anchors (baseline)",
            argv,
            bytes,
            String::new(),
        );
        note_last(b, &name, format!("{:.1}x ripgrep", ours / base));
    } else {
        note_last(b, &name, "ripgrep not installed: no baseline".into());
    }
    let one = b.time(
        "  same, --threads 1",
        check(&[&articles], &rules, &["--threads", "1"]),
        bytes,
        String::new(),
    );
    let two = b.time(
        "  same, --threads 2",
        check(&[&articles], &rules, &["--threads", "2"]),
        bytes,
        String::new(),
    );
    note_last(
        b,
        "  same, --threads 2",
        format!("{:.2}x one thread", one / two),
    );
}

fn note_last(b: &mut Bench, name: &str, note: String) {
    if let Some(r) = b.rows.iter_mut().rev().find(|r| r.name == name) {
        r.note = note;
    }
}

fn draft(b: &mut Bench) {
    let d = desk(1000, 60);
    let dir = root().join("draft");
    fs::create_dir_all(&dir).expect("cannot create the draft folder");
    let text = corpus::article(&mut Rng::new(3), &d, 5000);
    let path = dir.join("draft.md");
    fs::write(&path, &text).expect("cannot write the draft");
    fs::write(dir.join("rules.yaml"), d.rule_file()).expect("cannot write the rules");
    let argv = check(&[&path], &dir.join("rules.yaml"), &[]);
    b.time(
        "draft 5,000 words x 1000 templates",
        argv,
        text.len() as u64,
        "start-up included".into(),
    );
}

/// Times each size and notes its cost against the previous size's.
fn series(
    b: &mut Bench,
    label: &str,
    sizes: &[usize],
    mut make: impl FnMut(usize) -> (Vec<String>, u64),
) {
    let mut previous: Option<(usize, f64)> = None;
    for &n in sizes {
        let (argv, bytes) = make(n);
        let name = format!("{label} {n}");
        let t = b.time(&name, argv, bytes, String::new());
        if let Some((m, s)) = previous {
            note_last(
                b,
                &name,
                format!(
                    "{:.1}x the {m} ({:.0}x the size)",
                    t / s,
                    n as f64 / m as f64
                ),
            );
        }
        previous = Some((n, t));
    }
}

fn docs_series(b: &mut Bench) {
    let sizes: &[usize] = if b.options.quick {
        &[200, 2000]
    } else {
        &[200, 2000, 20000]
    };
    let d = desk(1000, 60);
    series(b, "docs", sizes, |n| {
        let (dir, bytes) = archive_dir(&format!("docs-{n}"), n, 800, &d);
        (
            check(&[&dir.join("articles")], &dir.join("rules.yaml"), &[]),
            bytes,
        )
    });
}

fn templates_series(b: &mut Bench) {
    let docs = if b.options.quick { 400 } else { 2000 };
    let sizes: &[usize] = if b.options.quick {
        &[100, 1000]
    } else {
        &[100, 1000, 10000]
    };
    let base = desk(1000, 60);
    let (dir, bytes) = archive_dir("templates", docs, 800, &base);
    series(b, "templates", sizes, |n| {
        let rules = dir.join(format!("rules-{n}.yaml"));
        fs::write(&rules, desk(n, 60.min(n)).rule_file()).expect("cannot write the rules");
        (check(&[&dir.join("articles")], &rules, &[]), bytes)
    });
}

fn length_series(b: &mut Bench) {
    let sizes: &[usize] = if b.options.quick {
        &[1, 4]
    } else {
        &[1, 4, 16]
    };
    let d = desk(1000, 60);
    let dir = root().join("length");
    fs::create_dir_all(&dir).expect("cannot create the length folder");
    fs::write(dir.join("rules.yaml"), d.rule_file()).expect("cannot write the rules");
    series(b, "one article, MB:", sizes, |mb| {
        let text = corpus::article(&mut Rng::new(5), &d, mb * 1_000_000 / 6);
        let path = dir.join(format!("long-{mb}.md"));
        fs::write(&path, &text).expect("cannot write the article");
        (
            check(&[&path], &dir.join("rules.yaml"), &[]),
            text.len() as u64,
        )
    });
}

/// Inputs whose cost grew faster than their size, each at two sizes.
fn pathological(b: &mut Bench) {
    let dir = root().join("patho");
    fs::create_dir_all(&dir).expect("cannot create the patho folder");
    let rules = dir.join("rules.yaml");
    fs::write(
        &rules,
        "claims:\n  - id: roads\n    claim: \"40% of roads\"\n",
    )
    .expect("rules");
    let k = if b.options.quick { 1 } else { 4 };
    one_file(
        b,
        &dir,
        &rules,
        "unclosed quotes, KB:",
        &[64 * k, 256 * k],
        "\"An open remark begins here. ",
    );
    one_file(
        b,
        &dir,
        &rules,
        "findings on one line, KB:",
        &[16 * k, 64 * k],
        "About 45% of roads were paved. ",
    );
    one_file(
        b,
        &dir,
        &rules,
        "digit chain 1,234,..., KB:",
        &[64 * k, 256 * k],
        "1,234,",
    );
    one_file(
        b,
        &dir,
        &rules,
        "digit chain 1.2.3..., KB:",
        &[64 * k, 256 * k],
        "1.2.",
    );
    many_docs(
        b,
        "one speaker, no quote rule, docs:",
        &[125 * k, 250 * k],
        speaker_docs,
    );
    many_docs(b, "value-less slot, docs:", &[250 * k, 1000 * k], slot_docs);
    many_docs(b, "short files:", &[2500 * k, 12500 * k], short_docs);
}

fn one_file(b: &mut Bench, dir: &Path, rules: &Path, label: &str, kbs: &[usize], unit: &str) {
    let tag: String = label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    series(b, label, kbs, |kb| {
        let text = unit.repeat(kb * 1024 / unit.len());
        let path = dir.join(format!("{tag}-{kb}.txt"));
        fs::write(&path, &text).expect("cannot write the input");
        (check(&[&path], rules, &[]), text.len() as u64)
    });
}

type DocMaker = fn(&mut Rng, usize) -> (String, Option<String>);

fn many_docs(b: &mut Bench, label: &str, sizes: &[usize], make: DocMaker) {
    let tag: String = label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    series(b, label, sizes, |n| {
        let dir = root().join(format!("{tag}-{n}"));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("docs")).expect("cannot create the folder");
        let mut rng = Rng::new(13);
        let mut bytes = 0;
        let mut rules = String::new();
        for i in 0..n {
            let (text, r) = make(&mut rng, i);
            bytes += text.len() as u64;
            let sub = dir.join("docs").join(format!("{:03}", i / 1000));
            fs::create_dir_all(&sub).expect("cannot create the folder");
            fs::write(sub.join(format!("d{i:06}.md")), text).expect("cannot write");
            if let Some(r) = r {
                rules = r;
            }
        }
        fs::write(dir.join("rules.yaml"), &rules).expect("cannot write the rules");
        (
            check(&[&dir.join("docs")], &dir.join("rules.yaml"), &[]),
            bytes,
        )
    });
}

fn speaker_docs(rng: &mut Rng, i: usize) -> (String, Option<String>) {
    let mut text = String::new();
    for _ in 0..4 {
        let words: Vec<String> = (0..12).map(|_| corpus::word(rng)).collect();
        let _ = write!(text, "\"{},\" Tolsar said on day {i}.\n\n", words.join(" "));
    }
    let rules =
        "people:\n  - id: tolsar\n    name: Renmi Tolsar\n    aliases: [Tolsar]\nclaims: []\n";
    (text, Some(rules.to_string()))
}

fn slot_docs(rng: &mut Rng, _i: usize) -> (String, Option<String>) {
    let text = format!(
        "About {}% of the northern roads were paved, the council said.\n",
        10 + rng.below(80)
    );
    let rules = "claims:\n  - id: roads\n    claim: \"{percent} of northern roads\"\n";
    (text, Some(rules.to_string()))
}

fn short_docs(rng: &mut Rng, _i: usize) -> (String, Option<String>) {
    let text = format!("About {}% of roads were paved.\n", 30 + rng.below(20));
    let rules = "claims:\n  - id: roads\n    claim: \"40% of roads\"\n";
    (text, Some(rules.to_string()))
}

/// The race's people, for the real-copy run (public names, our own file).
const RACE: &[(&str, &str)] = &[
    ("trump", "Donald Trump"),
    ("clinton", "Hillary Clinton"),
    ("sanders", "Bernie Sanders"),
    ("cruz", "Ted Cruz"),
    ("rubio", "Marco Rubio"),
    ("kasich", "John Kasich"),
    ("carson", "Ben Carson"),
    ("bush", "Jeb Bush"),
    ("christie", "Chris Christie"),
    ("fiorina", "Carly Fiorina"),
    ("paul", "Rand Paul"),
    ("huckabee", "Mike Huckabee"),
    ("obama", "Barack Obama"),
    ("biden", "Joe Biden"),
    ("pence", "Mike Pence"),
    ("kaine", "Tim Kaine"),
    ("ryan", "Paul Ryan"),
    ("mcconnell", "Mitch McConnell"),
    ("priebus", "Reince Priebus"),
    ("conway", "Kellyanne Conway"),
    ("manafort", "Paul Manafort"),
    ("lewandowski", "Corey Lewandowski"),
    ("mook", "Robby Mook"),
    ("podesta", "John Podesta"),
    ("weaver", "Jeff Weaver"),
    ("warren", "Elizabeth Warren"),
    ("romney", "Mitt Romney"),
    ("giuliani", "Rudy Giuliani"),
    ("gingrich", "Newt Gingrich"),
    ("johnson", "Gary Johnson"),
];

fn real_copy(b: &mut Bench) {
    if b.options.polnear.is_empty() {
        eprintln!("archive bench: real: no --polnear case files given; skipped");
        return;
    }
    let dir = root().join("real");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("articles")).expect("cannot create the folder");
    let bytes = write_polnear(&b.options.polnear, &dir.join("articles"));
    let mut people = String::from("people:\n");
    for (id, name) in RACE {
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let _ = writeln!(
            people,
            "  - id: {id}\n    name: {name}\n    aliases: [{surname}]"
        );
    }
    people.push_str("claims: []\n");
    fs::write(dir.join("people.yaml"), people).expect("cannot write the people");
    fs::write(dir.join("none.yaml"), "claims: []\n").expect("cannot write the rules");
    let articles = dir.join("articles");
    let without = b.time(
        "real copy, no people",
        check(&[&articles], &dir.join("none.yaml"), &[]),
        bytes,
        String::new(),
    );
    let with = b.time(
        "real copy, 30 people",
        check(&[&articles], &dir.join("people.yaml"), &[]),
        bytes,
        String::new(),
    );
    note_last(
        b,
        "real copy, 30 people",
        format!("{:.2}x without people", with / without),
    );
}

/// Writes each case's text as a plain-text article; returns the bytes written.
fn write_polnear(files: &[PathBuf], out: &Path) -> u64 {
    let mut bytes = 0;
    for file in files {
        let Ok(text) = fs::read_to_string(file) else {
            eprintln!("archive bench: cannot read {}", file.display());
            continue;
        };
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
        for (i, line) in text.lines().enumerate() {
            let case: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(_) => continue,
            };
            let Some(article) = case["text"].as_str() else {
                continue;
            };
            bytes += article.len() as u64;
            fs::write(out.join(format!("{stem}-{i:05}.txt")), article)
                .expect("cannot write an article");
        }
    }
    bytes
}

fn which(program: &str) -> Option<String> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
}
