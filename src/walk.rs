//! Finding the documents to check: files as given, folders walked recursively for
//! `.md`, `.markdown` and `.txt`, honoring `.gitignore` and `.ignore` (also outside
//! a git repository, but never above the repository's root) and `--exclude` globs,
//! in sorted order.
//!
//! Only regular files are ever read. A named pipe, a device or a socket named on
//! the command line is an error; one met in a folder is skipped with a warning, and
//! so is an ignore file that is not a regular file (a `.gitignore` linked to
//! `/dev/zero` is never read). Symbolic links met in a folder are not followed.

use std::collections::HashSet;
use std::fs::{self, FileType};
use std::io::Read;
use std::path::{Path, PathBuf};

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::overrides::{Override, OverrideBuilder};

/// Extensions of the files a folder walk picks up.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// The largest ignore file read (larger ones are skipped with a warning).
const IGNORE_FILE_LIMIT: u64 = 1 << 20;

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    /// The path.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// Something skipped during a walk, for the user to know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkWarning {
    /// The path skipped.
    pub path: String,
    /// Why.
    pub message: String,
    /// Whether it makes the run's exit status 2 (an article or folder that could
    /// not be read), rather than being only worth knowing.
    pub trouble: bool,
}

/// A document to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Its path, as given joined with the walked path.
    pub path: PathBuf,
    /// Whether it was named on the command line (rather than found in a folder).
    pub named: bool,
}

/// What a walk found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walk {
    /// The documents, each once, in order.
    pub found: Vec<Found>,
    /// What was skipped, and why.
    pub warnings: Vec<WalkWarning>,
}

/// What kind of thing a path is, in words, when it is neither a file nor a folder.
pub fn not_a_file(t: &FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() || t.is_dir() || t.is_symlink() {
        None
    } else if t.is_fifo() {
        Some("a named pipe (FIFO)")
    } else if t.is_socket() {
        Some("a socket")
    } else if t.is_block_device() || t.is_char_device() {
        Some("a device")
    } else {
        Some("not a regular file")
    }
}

/// The documents under `paths`, each folder's files sorted, in the order the paths
/// are given, each file once however often it is named. A file named explicitly is
/// always included, whatever its extension; `exclude` globs (gitignore syntax)
/// leave out walked files.
pub fn documents(paths: &[PathBuf], exclude: &[String]) -> Result<Walk, WalkError> {
    let mut walk = Walk::default();
    let mut seen = HashSet::new();
    for root in paths {
        let err = |message: String| WalkError {
            path: root.display().to_string(),
            message,
        };
        let meta = fs::metadata(root).map_err(|e| {
            err(match e.kind() {
                std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
                _ => crate::cli::plain_io_error(&e),
            })
        })?;
        if let Some(kind) = not_a_file(&meta.file_type()) {
            return Err(err(format!(
                "{kind}, not a file or folder: claimcheck reads only regular files"
            )));
        }
        if meta.is_file() {
            if seen.insert(fs::canonicalize(root).unwrap_or_else(|_| root.clone())) {
                walk.found.push(Found {
                    path: root.clone(),
                    named: true,
                });
            }
            continue;
        }
        let mut overrides = OverrideBuilder::new(root);
        for glob in exclude {
            overrides.add(&format!("!{glob}")).map_err(|e| WalkError {
                path: glob.clone(),
                message: format!("not a valid --exclude glob: {}", glob_error(&e)),
            })?;
        }
        let overrides = overrides.build().map_err(|e| err(glob_error(&e)))?;
        let absolute = fs::canonicalize(root).map_err(|e| err(crate::cli::plain_io_error(&e)))?;
        let mut walker = Walker {
            overrides,
            ignores: Vec::new(),
            walk: &mut walk,
            seen: &mut seen,
        };
        walker.ancestors(&absolute);
        walker.folder(root, &absolute);
    }
    Ok(walk)
}

/// The message of a glob error, without the library's framing.
pub fn glob_error(e: &ignore::Error) -> String {
    match e {
        ignore::Error::Glob { err, .. } => err.clone(),
        other => other.to_string(),
    }
}

struct Walker<'a> {
    overrides: Override,
    /// The ignore rules of each folder from the repository root down to the one
    /// being walked.
    ignores: Vec<Gitignore>,
    walk: &'a mut Walk,
    seen: &'a mut HashSet<PathBuf>,
}

impl Walker<'_> {
    /// Loads the ignore files of the folders above `root`, up to the root of the
    /// git repository holding it (none when it is in no repository).
    fn ancestors(&mut self, root: &Path) {
        let Some(repo) = root.ancestors().skip(1).find(|d| d.join(".git").exists()) else {
            return;
        };
        let mut above: Vec<&Path> = root
            .ancestors()
            .skip(1)
            .take_while(|d| d.starts_with(repo))
            .collect();
        above.reverse();
        for dir in above {
            let ignore = self.ignore_rules(dir);
            self.ignores.push(ignore);
        }
    }

    /// The ignore rules of one folder: `.gitignore`, then `.ignore` (which wins),
    /// and at a repository's root `.git/info/exclude`.
    fn ignore_rules(&mut self, dir: &Path) -> Gitignore {
        let mut b = GitignoreBuilder::new(dir);
        for name in [".git/info/exclude", ".gitignore", ".ignore"] {
            let path = dir.join(name);
            if fs::symlink_metadata(&path).is_err() {
                continue;
            }
            match read_small(&path, IGNORE_FILE_LIMIT) {
                Ok(text) => {
                    for line in text.lines() {
                        let _ = b.add_line(Some(path.clone()), line);
                    }
                }
                Err(why) => self.warn(
                    &path,
                    format!("{why}; this ignore file was not read"),
                    false,
                ),
            }
        }
        b.build().unwrap_or_else(|_| Gitignore::empty())
    }

    fn warn(&mut self, path: &Path, message: String, trouble: bool) {
        self.walk.warnings.push(WalkWarning {
            path: path.display().to_string(),
            message,
            trouble,
        });
    }

    /// Whether ignore rules or `--exclude` leave out `absolute` (`shown` as given).
    fn left_out(&self, shown: &Path, absolute: &Path, is_dir: bool) -> bool {
        if self.overrides.matched(shown, is_dir).is_ignore() {
            return true;
        }
        for ignore in self.ignores.iter().rev() {
            match ignore.matched(absolute, is_dir) {
                Match::Ignore(_) => return true,
                Match::Whitelist(_) => return false,
                Match::None => {}
            }
        }
        false
    }

    /// Walks one folder: `shown` is its path as the user will see it.
    fn folder(&mut self, shown: &Path, absolute: &Path) {
        let entries = match fs::read_dir(shown) {
            Ok(e) => e,
            Err(e) => {
                let why = crate::cli::plain_io_error(&e);
                return self.warn(
                    shown,
                    format!("cannot read this folder ({why}); skipped"),
                    true,
                );
            }
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        let ignore = self.ignore_rules(absolute);
        self.ignores.push(ignore);
        for entry in entries {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue; // hidden files and folders, as git tools do
            }
            let (path, abs) = (shown.join(&name), absolute.join(&name));
            let Ok(t) = entry.file_type() else { continue };
            if self.left_out(&path, &abs, t.is_dir()) {
                continue;
            }
            let wanted = has_wanted_extension(&path);
            if t.is_dir() {
                self.folder(&path, &abs);
            } else if t.is_file() && wanted {
                if self.seen.insert(abs) {
                    self.walk.found.push(Found { path, named: false });
                }
            } else if t.is_symlink() && (wanted || fs::metadata(&path).is_ok_and(|m| m.is_dir())) {
                self.warn(
                    &path,
                    "a symbolic link, not followed; name its target to check it".into(),
                    false,
                );
            } else if let Some(kind) = not_a_file(&t).filter(|_| wanted) {
                self.warn(&path, format!("{kind}, not a file; skipped"), false);
            }
        }
        self.ignores.pop();
    }
}

fn has_wanted_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Reads a regular file of at most `limit` bytes as text; anything else says why not.
pub fn read_small(path: &Path, limit: u64) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| crate::cli::plain_io_error(&e))?;
    if let Some(kind) = not_a_file(&meta.file_type()) {
        return Err(format!("{kind}, not a file"));
    }
    if meta.len() > limit {
        return Err(format!("larger than {} KB", limit / 1024));
    }
    let mut text = String::new();
    fs::File::open(path)
        .and_then(|f| f.take(limit).read_to_string(&mut text))
        .map_err(|e| crate::cli::plain_io_error(&e))?;
    Ok(text)
}

/// Why a file cannot be checked as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// It could not be read.
    Io(String),
    /// It is a named pipe, a device or a socket.
    NotAFile(&'static str),
    /// It is larger than [`MAX_DOCUMENT_BYTES`] (its size in bytes).
    TooLarge(u64),
    /// It holds NUL bytes: not a text file.
    Binary,
    /// It is UTF-16 text (it starts with a UTF-16 byte-order mark).
    Utf16,
    /// It is not valid UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        at: usize,
        /// That byte.
        byte: u8,
        /// Its 1-based line and character column, counted as claimcheck counts them
        /// in a document (LF, CRLF or CR ends a line; a byte-order mark is no column).
        line: usize,
        /// See `line`.
        column: usize,
    },
}

impl Unreadable {
    /// Why `bytes`, valid UTF-8 up to `at` and not at `at`, cannot be read: the bad
    /// byte and its line and column, so the writer can find it.
    pub fn not_utf8(bytes: &[u8], at: usize) -> Unreadable {
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let valid = valid.strip_prefix('\u{feff}').unwrap_or(valid);
        let (mut line, mut column) = (1, 1);
        let mut chars = valid.chars().peekable();
        while let Some(c) = chars.next() {
            let ends_line = c == '\n' || (c == '\r' && chars.peek() != Some(&'\n'));
            if ends_line {
                (line, column) = (line + 1, 1);
            } else if c != '\r' {
                column += 1;
            }
        }
        Unreadable::NotUtf8 {
            at,
            byte: bytes.get(at).copied().unwrap_or(0),
            line,
            column,
        }
    }

    /// Whether this is trouble (exit status 2 at the end of the run) rather than a
    /// file that is simply not text.
    pub fn is_trouble(&self) -> bool {
        matches!(self, Unreadable::Io(_) | Unreadable::TooLarge(_))
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Io(e) => write!(f, "cannot read: {e}"),
            Unreadable::NotAFile(kind) => write!(f, "{kind}, not a file"),
            Unreadable::TooLarge(n) => write!(
                f,
                "{} MB, larger than the {} MB claimcheck checks in one document: split it into articles",
                n >> 20,
                MAX_DOCUMENT_BYTES >> 20
            ),
            Unreadable::Binary => f.write_str("a binary file, not text"),
            Unreadable::Utf16 => f.write_str(
                "UTF-16 text; claimcheck reads UTF-8: save it as UTF-8 (or convert it with `iconv -f UTF-16 -t UTF-8`)",
            ),
            Unreadable::NotUtf8 {
                byte, line, column, ..
            } => write!(
                f,
                "not UTF-8 text (byte 0x{byte:02X} at line {line}, column {column}): save it as UTF-8"
            ),
        }
    }
}

/// The largest document checked: articles, not archives. Memory for checking one
/// is a small multiple of its size, so this bounds what one file can ask for.
pub const MAX_DOCUMENT_BYTES: u64 = 32 << 20;

/// Reads a regular file as UTF-8 text, or says why it cannot be checked.
pub fn read_text(path: &Path) -> Result<String, Unreadable> {
    let io = |e: std::io::Error| Unreadable::Io(crate::cli::plain_io_error(&e));
    let meta = fs::metadata(path).map_err(io)?;
    if let Some(kind) = not_a_file(&meta.file_type()) {
        return Err(Unreadable::NotAFile(kind));
    }
    if meta.len() > MAX_DOCUMENT_BYTES {
        return Err(Unreadable::TooLarge(meta.len()));
    }
    let bytes = fs::read(path).map_err(io)?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Unreadable::Utf16);
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Unreadable::Binary);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Unreadable::not_utf8(e.as_bytes(), at)
    })
}
