//! `--exclude` as a user reads it: a glob with a `/` in it (`stories/drafts/`) is a
//! path from the folder they stand in, whatever folder they ask to check; a glob
//! without one (`drafts/`, `*.txt`) matches at any depth. The walker anchors globs
//! at each folder it walks, so each glob is rebased onto each folder here.

use std::path::{Component, Path, PathBuf};

use std::collections::HashSet;

use crate::walk::{self, Walk, WalkError};

/// The documents under `paths`, leaving out what `excludes` names (relative to
/// `cwd`), each file once however often it is named, with what the walks skipped.
/// Warns on standard error about a glob that can match nothing checked.
pub fn documents(paths: &[PathBuf], excludes: &[String], cwd: &Path) -> Result<Walk, WalkError> {
    let mut found = Walk::default();
    let mut seen = HashSet::new();
    let mut used = vec![false; excludes.len()];
    for root in paths {
        let mut globs = Vec::new();
        let mut skip = false;
        for (i, g) in excludes.iter().enumerate() {
            match rebase(g, root, cwd) {
                Rebased::Glob(g) => {
                    used[i] = true;
                    globs.push(g);
                }
                Rebased::WholeRoot => {
                    used[i] = true;
                    skip = true;
                }
                Rebased::Outside => {}
            }
        }
        if skip && !root.is_file() {
            continue;
        }
        let walked = walk::documents(std::slice::from_ref(root), &globs)?;
        for f in walked.found {
            if seen.insert(std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone())) {
                found.found.push(f);
            }
        }
        found.warnings.extend(walked.warnings);
    }
    for (g, used) in excludes.iter().zip(used) {
        if !used {
            eprintln!(
                "claimcheck: warning: --exclude {g} matches nothing that is checked (a glob with a / is a path from the current folder)"
            );
        }
    }
    Ok(found)
}

/// A user's glob as the walker of one folder needs it.
#[derive(Debug, PartialEq, Eq)]
enum Rebased {
    /// The glob to give the walker of this folder.
    Glob(String),
    /// The folder itself lies in what the glob excludes.
    WholeRoot,
    /// The glob points somewhere outside this folder.
    Outside,
}

fn rebase(glob: &str, root: &Path, cwd: &Path) -> Rebased {
    let trimmed = glob.trim_end_matches('/');
    let anchored = trimmed.contains('/') && !glob.starts_with("**/");
    if !anchored {
        return Rebased::Glob(glob.to_string());
    }
    let dir_only = glob.ends_with('/');
    let g = normal(&cwd.join(trimmed.trim_start_matches('/')));
    let r = normal(&cwd.join(root));
    if r == g || r.starts_with(&g) {
        return Rebased::WholeRoot;
    }
    match g.strip_prefix(&r) {
        Ok(rest) => {
            let rest = rest.to_string_lossy().replace('\\', "/");
            Rebased::Glob(format!("/{rest}{}", if dir_only { "/" } else { "" }))
        }
        Err(_) => Rebased::Outside,
    }
}

/// `p` with `.` left out and `..` taken back, without touching the disk.
fn normal(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_with_a_slash_are_paths_from_where_the_user_stands() {
        let cwd = Path::new("/desk");
        let table = [
            // (glob, folder checked, what the walker of that folder gets)
            (
                "stories/drafts/",
                ".",
                Rebased::Glob("/stories/drafts/".into()),
            ),
            (
                "stories/drafts/",
                "stories",
                Rebased::Glob("/drafts/".into()),
            ),
            (
                "./stories/drafts/",
                "stories/",
                Rebased::Glob("/drafts/".into()),
            ),
            (
                "stories/drafts/*.md",
                "stories",
                Rebased::Glob("/drafts/*.md".into()),
            ),
            ("stories/drafts/", "stories/drafts", Rebased::WholeRoot),
            // A trailing slash alone does not anchor (gitignore): any folder so named.
            (
                "stories/",
                "stories/drafts",
                Rebased::Glob("stories/".into()),
            ),
            ("stories/drafts/", "archive", Rebased::Outside),
            ("drafts/", "stories", Rebased::Glob("drafts/".into())),
            ("*.txt", "stories", Rebased::Glob("*.txt".into())),
            (
                "**/old/*.md",
                "stories",
                Rebased::Glob("**/old/*.md".into()),
            ),
        ];
        for (glob, root, want) in table {
            assert_eq!(
                rebase(glob, Path::new(root), cwd),
                want,
                "{glob} under {root}"
            );
        }
    }
}
