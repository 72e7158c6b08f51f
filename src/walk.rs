//! Finding the documents to check: files as given, folders walked recursively for
//! `.md`, `.markdown` and `.txt`, honoring `.gitignore` and `.ignore` (also outside
//! a git repository) and `--exclude` globs, in sorted order.

use std::path::{Path, PathBuf};

use ignore::overrides::OverrideBuilder;

/// Extensions of the files a folder walk picks up.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    /// The path.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// A document to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Its path, as given joined with the walked path.
    pub path: PathBuf,
    /// Whether it was named on the command line (rather than found in a folder).
    pub named: bool,
}

/// The documents under `paths`, each folder's files sorted, in the order the paths
/// are given. A file named explicitly is always included, whatever its extension;
/// `exclude` globs (gitignore syntax) leave out walked files.
pub fn documents(paths: &[PathBuf], exclude: &[String]) -> Result<Vec<Found>, WalkError> {
    let mut out = Vec::new();
    for root in paths {
        if !root.exists() {
            return Err(WalkError {
                path: root.display().to_string(),
                message: "no such file or folder".into(),
            });
        }
        if root.is_file() {
            out.push(Found {
                path: root.clone(),
                named: true,
            });
            continue;
        }
        let mut overrides = OverrideBuilder::new(root);
        for glob in exclude {
            overrides.add(&format!("!{glob}")).map_err(|e| WalkError {
                path: glob.clone(),
                message: format!("not a valid --exclude glob: {e}"),
            })?;
        }
        let overrides = overrides.build().map_err(|e| WalkError {
            path: root.display().to_string(),
            message: e.to_string(),
        })?;
        let mut found = Vec::new();
        // Ignore files apply even outside a git repository: a story folder copied
        // out of one still means what its .gitignore says.
        let walker = ignore::WalkBuilder::new(root)
            .require_git(false)
            .overrides(overrides)
            .sort_by_file_path(Path::cmp)
            .build();
        for entry in walker {
            let entry = entry.map_err(|e| WalkError {
                path: root.display().to_string(),
                message: e.to_string(),
            })?;
            let path = entry.path();
            let wanted = entry.file_type().is_some_and(|t| t.is_file())
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
            if wanted {
                found.push(path.to_path_buf());
            }
        }
        found.sort();
        out.extend(found.into_iter().map(|path| Found { path, named: false }));
    }
    Ok(out)
}

/// Why a file cannot be checked as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// It could not be read.
    Io(String),
    /// It holds NUL bytes: not a text file.
    Binary,
    /// It is not valid UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        at: usize,
    },
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Io(e) => write!(f, "cannot read: {e}"),
            Unreadable::Binary => f.write_str("a binary file, not text"),
            Unreadable::NotUtf8 { at } => write!(f, "not UTF-8 text (invalid byte at offset {at})"),
        }
    }
}

/// Reads a file as UTF-8 text, or says why it cannot be checked.
pub fn read_text(path: &Path) -> Result<String, Unreadable> {
    let bytes = std::fs::read(path).map_err(|e| Unreadable::Io(e.to_string()))?;
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Unreadable::Binary);
    }
    String::from_utf8(bytes).map_err(|e| Unreadable::NotUtf8 {
        at: e.utf8_error().valid_up_to(),
    })
}
