//! Compiled rules kept on disk between runs, so a run whose rule files have not
//! changed starts without reading and compiling them again.
//!
//! Reading a desk's rules is most of a short run's work: the YAML is parsed and
//! validated and every claim wording compiled (its figures read, its sentence
//! structure analysed). [`parse`] keeps the result, a [`RuleSet`] with its compiled
//! templates, in one file per set of rule files:
//!
//! - where: `$CLAIMCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/claimcheck`, else
//!   `~/.cache/claimcheck` (absolute paths only, never the rule or article folders);
//!   `CLAIMCHECK_NO_CACHE=1` turns it off ([`Store::from_env`]);
//! - keyed by every rule file's name and bytes and by the binary that wrote it. The
//!   file's name is a hash of those; the file holds the names and bytes themselves
//!   and they are compared in full on loading, so a hash collision cannot hand over
//!   another desk's rules;
//! - trusted only whole: a file cut short, damaged, written by another build or
//!   that is no cache file at all is ignored (checked by a format number and a
//!   checksum before it is decoded) and written anew;
//! - written atomically: a temporary file in the same folder, then renamed, so a
//!   run stopped halfway or two runs at once leave a whole file or none;
//! - only for rules that load: an error is found afresh each run, so its message
//!   points at the files as they are now.

use std::ffi::OsString;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::rules::{self, Claim, Origin, Person, RuleErrors, RuleSet};

/// The first bytes of every cache file.
const MAGIC: &[u8; 16] = b"claimcheck-rules";
/// The layout of a cache file; a file of another number is ignored.
const FORMAT: u32 = 3;
/// How many cache files a folder keeps; the oldest written go first.
const KEEP: usize = 32;
/// From how many bytes the second half of the claims is read on another thread
/// (1,000 templates are about 120 KB a half).
const READ_BESIDE: usize = 16 * 1024;
/// A cache file larger than this is no cache file of ours.
const MAX_BYTES: u64 = 1 << 30;

/// Where compiled rules are kept between runs, if anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    /// Rules are read and compiled every run.
    Off,
    /// Compiled rules are kept in this folder (made when first needed).
    Dir(PathBuf),
}

impl Store {
    /// The store the environment asks for: off when `CLAIMCHECK_NO_CACHE` is set
    /// (to anything but `0`); `CLAIMCHECK_CACHE_DIR` when set; else
    /// `$XDG_CACHE_HOME/claimcheck`, else `$HOME/.cache/claimcheck`. A relative path
    /// turns the cache off rather than write beside the articles.
    pub fn from_env() -> Store {
        Store::from_vars(|name| std::env::var_os(name))
    }

    /// [`Store::from_env`] with the variables given by `var`.
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Store {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        if set("CLAIMCHECK_NO_CACHE").is_some_and(|v| v != "0") {
            return Store::Off;
        }
        let absolute = |v: OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
        if let Some(dir) = set("CLAIMCHECK_CACHE_DIR") {
            return absolute(dir).map_or(Store::Off, Store::Dir);
        }
        let base = set("XDG_CACHE_HOME")
            .and_then(absolute)
            .or_else(|| set("HOME").and_then(absolute).map(|h| h.join(".cache")));
        base.map_or(Store::Off, |b| Store::Dir(b.join("claimcheck")))
    }
}

/// Reads and validates rule files given as (name, text) pairs, like
/// [`rules::parse`], with the same result: from `store` when it holds these very
/// files compiled by this very binary, else compiled now and kept there. The store
/// failing (a folder that cannot be made or written, a damaged file) only costs
/// the time of compiling.
pub fn parse(sources: &[(String, String)], store: &Store) -> Result<RuleSet, RuleErrors> {
    let (Store::Dir(dir), Some(build)) = (store, build_id()) else {
        return rules::parse(sources);
    };
    let path = dir.join(file_name(&build, sources));
    if let Some(set) = load(&path, &build, sources) {
        return Ok(set);
    }
    let set = rules::parse(sources)?;
    // Best effort: a cache that cannot be written is no reason to stop the check.
    let _ = save(dir, &path, &encode(&build, sources, &set));
    Ok(set)
}

/// What identifies the binary: its version and commit, and the size and time of
/// its executable file, so that every new build (even of a modified work tree)
/// writes caches of its own. `None` when the executable cannot be found: then
/// nothing is cached.
fn build_id() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta.modified().ok()?;
    let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!(
        "{} {} {}",
        crate::build_info::VERSION,
        meta.len(),
        since.as_nanos()
    ))
}

/// The cache file's name for these sources under this build.
fn file_name(build: &str, sources: &[(String, String)]) -> String {
    let mut h = Quick::default();
    std::hash::Hash::hash(&(build, sources), &mut h);
    format!("rules-{:016x}.bin", h.finish())
}

/// A cache file's first part after its header, as written: what identifies it,
/// and the rules but their claims (which follow in two parts of their own).
#[derive(Serialize)]
struct HeadOut<'a> {
    build: &'a str,
    sources: &'a [(String, String)],
    files: &'a [String],
    people: &'a [Person],
    person_origins: &'a [Origin],
}

/// A cache file's first part after its header, as read back.
#[derive(Deserialize)]
struct HeadIn<'a> {
    #[serde(borrow)]
    build: &'a str,
    #[serde(borrow)]
    sources: Vec<(&'a str, &'a str)>,
    files: Vec<String>,
    people: Vec<Person>,
    person_origins: Vec<Origin>,
}

/// The bytes of a cache file: magic, format, checksum of the rest, then three
/// parts each led by its length (eight bytes): the head ([`HeadOut`]), the first
/// half of the claims, the second half. The halves are read at once on two
/// threads.
fn encode(build: &str, sources: &[(String, String)], set: &RuleSet) -> Vec<u8> {
    let head = HeadOut {
        build,
        sources,
        files: &set.files,
        people: &set.people,
        person_origins: &set.person_origins,
    };
    let (first, second) = set.claims.split_at(set.claims.len() / 2);
    let mut payload = Vec::new();
    for part in [
        postcard::to_stdvec(&head),
        postcard::to_stdvec(first),
        postcard::to_stdvec(second),
    ] {
        let part = part.unwrap_or_default();
        payload.extend_from_slice(&(part.len() as u64).to_le_bytes());
        payload.extend_from_slice(&part);
    }
    let mut out = Vec::with_capacity(MAGIC.len() + 12 + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&checksum(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// The rules a cache file holds, if it is whole, of this format and build, and
/// compiled from exactly these sources.
fn decode(bytes: &[u8], build: &str, sources: &[(String, String)]) -> Option<RuleSet> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (format, rest) = rest.split_first_chunk::<4>()?;
    let (sum, payload) = rest.split_first_chunk::<8>()?;
    if u32::from_le_bytes(*format) != FORMAT || u64::from_le_bytes(*sum) != checksum(payload) {
        return None;
    }
    let (head, rest) = part(payload)?;
    let (first, rest) = part(rest)?;
    let (second, rest) = part(rest)?;
    if !rest.is_empty() {
        return None;
    }
    let head: HeadIn = postcard::from_bytes(head).ok()?;
    let same_sources = head.sources.len() == sources.len()
        && head
            .sources
            .iter()
            .zip(sources)
            .all(|(&(n, t), (name, text))| n == name && t == text);
    if head.build != build || !same_sources {
        return None;
    }
    let claims = claims(first, second)?;
    Some(RuleSet {
        files: head.files,
        people: head.people,
        person_origins: head.person_origins,
        claims,
    })
}

/// One part of a payload (its length, then its bytes) and what follows it.
fn part(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = bytes.split_first_chunk::<8>()?;
    let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
    (len <= rest.len()).then(|| rest.split_at(len))
}

/// The claims of the two halves, the second read on another of the pool's threads
/// when it is large and one is free (the same claims, in the same order, as
/// reading both in turn).
fn claims(first: &[u8], second: &[u8]) -> Option<Vec<Claim>> {
    let read = |bytes| postcard::from_bytes::<Vec<Claim>>(bytes).ok();
    // A few claims are read faster than they are handed to another thread.
    let (a, b) = if second.len() >= READ_BESIDE {
        rayon::join(|| read(first), || read(second))
    } else {
        (read(first), read(second))
    };
    let mut claims = a?;
    claims.extend(b?);
    Some(claims)
}

/// The checksum of a cache file's payload.
fn checksum(payload: &[u8]) -> u64 {
    let mut h = Quick::default();
    h.write(payload);
    h.finish()
}

/// A quick 64-bit hash, eight bytes a step (the multiply-rotate mixing of the Fx
/// hash): it sees any change of one word and a cut at any length, and costs a
/// small part of SipHash's time on the 300 KB a warm run hashes. Not for keys an
/// attacker chooses: a collision here costs only a compile, as the names and
/// bytes are compared in full; the matcher's word tables use it too, where their
/// words come from the desk's own rule files.
#[derive(Debug, Default, Clone, Copy)]
pub struct Quick(u64);

/// A hash map keyed with [`Quick`].
pub type QuickMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Quick>>;

impl Quick {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for Quick {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.mix(u64::from_le_bytes(w.try_into().expect("eight bytes")));
        }
        let mut tail = [0u8; 8];
        tail[..words.remainder().len()].copy_from_slice(words.remainder());
        self.mix(u64::from_le_bytes(tail));
        self.mix(bytes.len() as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The rules kept at `path`, if it is a cache file for these sources.
fn load(path: &Path, build: &str, sources: &[(String, String)]) -> Option<RuleSet> {
    // Only a plain file is read: a named pipe put there would never end.
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    decode(&std::fs::read(path).ok()?, build, sources)
}

/// Writes `bytes` to `path` in `dir` atomically, then lets the folder keep only
/// the newest [`KEEP`] cache files.
fn save(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(
        ".{}.{}-{stamp}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    evict(dir, KEEP);
    Ok(())
}

/// Removes the oldest-written cache files of `dir` beyond the newest `keep`.
fn evict(dir: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("rules-") && name.ends_with(".bin")
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if files.len() <= keep {
        return;
    }
    files.sort();
    for (_, path) in &files[..files.len() - keep] {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ClaimKind;

    const RULES: &str = "people:\n  - id: ana\n    name: Ana Berg\n    aliases: [Berg]\nclaims:\n  - id: jobs\n    claim: [\"3,200 bakery jobs\", \"{number} jobs at the bakery\"]\n    period: 2025-H1\n    tolerance: 5%\n  - id: ready\n    statement: The port will reopen in spring\n    by: ana\n    date: 2025-03-04\n";

    fn sources(text: &str) -> Vec<(String, String)> {
        vec![("rules/desk.yaml".to_string(), text.to_string())]
    }

    /// A fresh, empty folder of this test's own.
    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "claimcheck-rulecache-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn cache_files(dir: &Path) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    /// Parses through the cache in `dir` and returns the one file it keeps.
    fn cached(dir: &Path, src: &[(String, String)]) -> PathBuf {
        let set = parse(src, &Store::Dir(dir.to_path_buf())).unwrap();
        assert_eq!(set, rules::parse(src).unwrap());
        let files = cache_files(dir);
        assert_eq!(files.len(), 1, "{files:?}");
        files[0].clone()
    }

    fn build() -> String {
        build_id().expect("the test binary has a file")
    }

    #[test]
    fn a_second_run_reads_what_the_first_compiled() {
        let dir = folder("roundtrip");
        let src = sources(RULES);
        let path = cached(&dir, &src);
        let kept = load(&path, &build(), &src).expect("the file is read back");
        let fresh = rules::parse(&src).unwrap();
        assert_eq!(kept, fresh);
        // The compiled templates come back too, not only the rule text.
        assert_eq!(kept.claims[0].templates.len(), 2);
        assert_eq!(kept.claims[0].templates, fresh.claims[0].templates);
        // And a statement's content words, sorted, as the statement matcher reads them.
        let words = &kept.claims[1].content_words;
        let mut want: Vec<String> =
            crate::statements::content_words("The port will reopen in spring")
                .into_iter()
                .collect();
        want.sort();
        assert_eq!(words, &want);
        assert!(
            ["port", "reopen", "spring"]
                .iter()
                .all(|w| words.contains(&w.to_string()))
        );
        assert!(kept.claims[0].content_words.is_empty(), "figures have none");
        assert_eq!(parse(&src, &Store::Dir(dir.clone())).unwrap(), fresh);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn other_sources_never_get_these_rules() {
        let dir = folder("other");
        let src = sources(RULES);
        let path = cached(&dir, &src);
        let changed = sources(&RULES.replace("3,200", "3,300"));
        let renamed = vec![("rules/other.yaml".to_string(), RULES.to_string())];
        let more = [src.clone(), sources("claims: []\n")].concat();
        for other in [&changed, &renamed, &more] {
            // Even at the same path (a hash collision), the sources are compared.
            assert_eq!(load(&path, &build(), other), None);
            let set = parse(other, &Store::Dir(dir.clone())).unwrap();
            assert_eq!(set, rules::parse(other).unwrap());
        }
        let changed_set = parse(&changed, &Store::Dir(dir.clone())).unwrap();
        let ClaimKind::Figures(w) = &changed_set.claims[0].kind else {
            panic!("a figure claim")
        };
        assert_eq!(w[0], "3,300 bakery jobs");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_file_is_ignored_and_rewritten() {
        let dir = folder("damaged");
        let src = sources(RULES);
        let path = cached(&dir, &src);
        let good = std::fs::read(&path).unwrap();
        let header = MAGIC.len() + 12;
        let mut damaged: Vec<(String, Vec<u8>)> = Vec::new();
        for at in [
            0,
            3,
            MAGIC.len(),
            header - 1,
            header,
            good.len() / 2,
            good.len() - 1,
        ] {
            let mut b = good.clone();
            b[at] ^= 0x20;
            damaged.push((format!("byte {at} flipped"), b));
        }
        for len in [
            0,
            5,
            MAGIC.len(),
            header,
            header + 1,
            good.len() / 2,
            good.len() - 1,
        ] {
            damaged.push((format!("cut at {len}"), good[..len].to_vec()));
        }
        damaged.push(("a byte added".into(), [good.as_slice(), b"x"].concat()));
        damaged.push(("a rule file".into(), RULES.as_bytes().to_vec()));
        damaged.push((
            "noise".into(),
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ));
        for (what, bytes) in damaged {
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(load(&path, &build(), &src), None, "{what}");
            let set = parse(&src, &Store::Dir(dir.clone())).unwrap();
            assert_eq!(set, rules::parse(&src).unwrap(), "{what}");
            assert_eq!(
                std::fs::read(&path).unwrap(),
                good,
                "{what}: rewritten whole"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_checksum_sees_every_flipped_bit_and_every_cut() {
        let bytes: Vec<u8> = (0..200u32).map(|i| (i * 31 % 256) as u8).collect();
        let whole = checksum(&bytes);
        for at in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[at] ^= 1 << bit;
                assert_ne!(checksum(&b), whole, "byte {at} bit {bit}");
            }
        }
        let zeros = [0u8; 40];
        let cuts: std::collections::HashSet<u64> =
            (0..=zeros.len()).map(|n| checksum(&zeros[..n])).collect();
        assert_eq!(cuts.len(), zeros.len() + 1, "every length of zeros differs");
    }

    #[test]
    fn another_build_or_format_is_ignored() {
        let dir = folder("version");
        let src = sources(RULES);
        let path = cached(&dir, &src);
        let set = rules::parse(&src).unwrap();
        std::fs::write(&path, encode("0.0.9 (someother)", &src, &set)).unwrap();
        assert_eq!(load(&path, &build(), &src), None, "another build");
        let mut next_format = encode(&build(), &src, &set);
        next_format[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        std::fs::write(&path, next_format).unwrap();
        assert_eq!(load(&path, &build(), &src), None, "another format");
        assert_eq!(parse(&src, &Store::Dir(dir.clone())).unwrap(), set);
        assert!(load(&path, &build(), &src).is_some(), "written anew");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A cache file as format 2 wrote it: magic, format, checksum, then the
    /// whole entry in one piece.
    fn format_two(build: &str, src: &[(String, String)], set: &RuleSet, format: u32) -> Vec<u8> {
        #[derive(Serialize)]
        struct EntryOut<'a> {
            build: &'a str,
            sources: &'a [(String, String)],
            rules: &'a RuleSet,
        }
        let payload = postcard::to_stdvec(&EntryOut {
            build,
            sources: src,
            rules: set,
        })
        .unwrap();
        [
            MAGIC.as_slice(),
            &format.to_le_bytes(),
            &checksum(&payload).to_le_bytes(),
            &payload,
        ]
        .concat()
    }

    #[test]
    fn a_file_of_the_old_layout_is_rebuilt_never_misread() {
        let dir = folder("old-layout");
        let src = sources(RULES);
        let path = cached(&dir, &src);
        let good = std::fs::read(&path).unwrap();
        let set = rules::parse(&src).unwrap();
        // As format 2 wrote it, and the same bytes under this format's number
        // (checksum whole): neither is read, both are written anew.
        for format in [2, FORMAT] {
            std::fs::write(&path, format_two(&build(), &src, &set, format)).unwrap();
            assert_eq!(load(&path, &build(), &src), None, "format {format}");
            assert_eq!(parse(&src, &Store::Dir(dir.clone())).unwrap(), set);
            assert_eq!(std::fs::read(&path).unwrap(), good, "format {format}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn parts_of_wrong_lengths_are_refused_without_a_panic() {
        let src = sources(RULES);
        let set = rules::parse(&src).unwrap();
        let good = encode(&build(), &src, &set);
        let header = MAGIC.len() + 12;
        let payload = &good[header..];
        let (head, rest) = part(payload).unwrap();
        let (first, _) = part(rest).unwrap();
        // The three length fields, each set to every small value, to the length
        // of the rest and beyond, and to the largest; the checksum made to fit,
        // so that only the layout can refuse them.
        let fields = [0, 8 + head.len(), 16 + head.len() + first.len()];
        for field in fields {
            for len in (0..64u64).chain([payload.len() as u64, u64::MAX / 2, u64::MAX]) {
                let mut p = payload.to_vec();
                let was = u64::from_le_bytes(p[field..field + 8].try_into().unwrap());
                if len == was {
                    continue;
                }
                p[field..field + 8].copy_from_slice(&len.to_le_bytes());
                let bytes = [&good[..MAGIC.len() + 4], &checksum(&p).to_le_bytes(), &p].concat();
                assert_eq!(
                    decode(&bytes, &build(), &src),
                    None,
                    "field {field}, length {len}"
                );
            }
        }
        // Each cut of the payload, checksum made to fit.
        for cut in 0..payload.len() {
            let p = &payload[..cut];
            let bytes = [&good[..MAGIC.len() + 4], &checksum(p).to_le_bytes(), p].concat();
            assert_eq!(decode(&bytes, &build(), &src), None, "cut at {cut}");
        }
        assert_eq!(decode(&good, &build(), &src), Some(set));
    }

    #[test]
    fn many_claims_come_back_whole_and_in_order() {
        // Enough claims that the second half is read on a thread of its own.
        let mut yaml = String::from("claims:\n");
        for i in 0..400 {
            yaml.push_str(&format!(
                "  - id: c{i}\n    claim: \"{} percent of harbour berths in row {i}\"\n    period: 2024\n    source: a note of our own on berth row {i}, kept long enough to weigh\n",
                i % 97
            ));
        }
        let dir = folder("many");
        let src = sources(&yaml);
        let path = cached(&dir, &src);
        let good = std::fs::read(&path).unwrap();
        let (_, rest) = part(&good[MAGIC.len() + 12..]).unwrap();
        let (_, rest) = part(rest).unwrap();
        let (second, _) = part(rest).unwrap();
        assert!(second.len() >= READ_BESIDE, "{}", second.len());
        let kept = load(&path, &build(), &src).unwrap();
        let fresh = rules::parse(&src).unwrap();
        assert_eq!(kept.claims.len(), 400);
        assert_eq!(kept, fresh);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_folder_that_cannot_be_written_only_costs_time() {
        let dir = folder("unwritable");
        let src = sources(RULES);
        // A regular file where the folder should be: nothing can be made under it.
        let blocker = dir.join("not-a-folder");
        std::fs::write(&blocker, "x").unwrap();
        let store = Store::Dir(blocker.join("claimcheck"));
        assert_eq!(parse(&src, &store).unwrap(), rules::parse(&src).unwrap());
        // A folder where the cache file should be: it is neither read nor replaced.
        let path = dir.join(file_name(&build(), &src));
        std::fs::create_dir_all(&path).unwrap();
        assert_eq!(
            parse(&src, &Store::Dir(dir.clone())).unwrap(),
            rules::parse(&src).unwrap()
        );
        assert!(path.is_dir());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn rules_with_errors_are_not_kept() {
        let dir = folder("errors");
        let src = sources("claims:\n  - id: t\n    claim: \"of territory\"\n");
        let store = Store::Dir(dir.clone());
        assert_eq!(parse(&src, &store), rules::parse(&src));
        assert!(parse(&src, &store).is_err());
        assert_eq!(cache_files(&dir), Vec::<PathBuf>::new());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_folder_keeps_the_newest_files() {
        let dir = folder("evict");
        for i in 0..KEEP + 3 {
            std::fs::write(dir.join(format!("rules-{i:016x}.bin")), "old").unwrap();
        }
        std::fs::write(dir.join("notes.txt"), "not ours").unwrap();
        let src = sources(RULES);
        parse(&src, &Store::Dir(dir.clone())).unwrap();
        assert!(load(&dir.join(file_name(&build(), &src)), &build(), &src).is_some());
        let files = cache_files(&dir);
        assert_eq!(files.len(), KEEP + 1, "{files:?}");
        assert!(files.iter().any(|f| f.ends_with("notes.txt")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_environment_chooses_the_folder() {
        let dir = |p: &str| Store::Dir(PathBuf::from(p));
        let cases: &[(&[(&str, &str)], Store)] = &[
            (&[("HOME", "/home/ed")], dir("/home/ed/.cache/claimcheck")),
            (
                &[("HOME", "/home/ed"), ("XDG_CACHE_HOME", "/var/cache/ed")],
                dir("/var/cache/ed/claimcheck"),
            ),
            (
                &[("HOME", "/home/ed"), ("XDG_CACHE_HOME", "")],
                dir("/home/ed/.cache/claimcheck"),
            ),
            (
                &[("HOME", "/home/ed"), ("XDG_CACHE_HOME", "rel")],
                dir("/home/ed/.cache/claimcheck"),
            ),
            (
                &[("HOME", "/home/ed"), ("CLAIMCHECK_CACHE_DIR", "/tmp/cc")],
                dir("/tmp/cc"),
            ),
            (
                &[("HOME", "/h"), ("CLAIMCHECK_CACHE_DIR", "cc")],
                Store::Off,
            ),
            (&[("HOME", "/h"), ("CLAIMCHECK_NO_CACHE", "1")], Store::Off),
            (
                &[
                    ("CLAIMCHECK_CACHE_DIR", "/tmp/cc"),
                    ("CLAIMCHECK_NO_CACHE", "1"),
                ],
                Store::Off,
            ),
            (
                &[("HOME", "/h"), ("CLAIMCHECK_NO_CACHE", "0")],
                dir("/h/.cache/claimcheck"),
            ),
            (&[("HOME", "relative")], Store::Off),
            (&[], Store::Off),
        ];
        for (vars, want) in cases {
            let got = Store::from_vars(|name| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| OsString::from(v))
            });
            assert_eq!(&got, want, "{vars:?}");
        }
    }
}
