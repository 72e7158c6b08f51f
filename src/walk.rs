//! Finding the documents to check: files as given, folders walked recursively for
//! `.md`, `.markdown` and `.txt`, honoring `.gitignore` and `.ignore`, in sorted order.

use std::path::{Path, PathBuf};

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

/// The documents under `paths`, each folder's files sorted, in the order the paths
/// are given. A file named explicitly is always included, whatever its extension.
pub fn documents(paths: &[PathBuf]) -> Result<Vec<PathBuf>, WalkError> {
    let mut out = Vec::new();
    for root in paths {
        if !root.exists() {
            return Err(WalkError {
                path: root.display().to_string(),
                message: "no such file or folder".into(),
            });
        }
        if root.is_file() {
            out.push(root.clone());
            continue;
        }
        let mut found = Vec::new();
        // Ignore files apply even outside a git repository: a story folder copied
        // out of one still means what its .gitignore says.
        let walker = ignore::WalkBuilder::new(root)
            .require_git(false)
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
        out.extend(found);
    }
    Ok(out)
}
