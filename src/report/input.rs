//! An article on standard input (`claimcheck check -`): its name, and reading it
//! with the same checks a file gets (not binary, valid UTF-8).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::walk::{Found, Unreadable};

/// Splits `-` out of the paths to check. Returns the name the standard input's
/// article goes by (`--stdin-filename`, else `-`) when `-` is among the paths, and
/// the other paths.
pub fn split_stdin(paths: &[PathBuf], name: Option<&Path>) -> (Option<PathBuf>, Vec<PathBuf>) {
    let is_stdin = |p: &PathBuf| p.as_os_str() == "-";
    let rest: Vec<PathBuf> = paths.iter().filter(|p| !is_stdin(p)).cloned().collect();
    let stdin = paths
        .iter()
        .any(is_stdin)
        .then(|| name.map_or_else(|| PathBuf::from("-"), Path::to_path_buf));
    (stdin, rest)
}

/// Adds the standard input's article to the documents found, after the files, as
/// a document named on the command line, and returns its index.
pub fn push_stdin(found: &mut Vec<Found>, name: PathBuf) -> usize {
    found.push(Found {
        path: name,
        named: true,
    });
    found.len() - 1
}

/// Reads standard input as an article.
pub fn read_stdin() -> Result<String, Unreadable> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Unreadable::Io(e.to_string()))?;
    text_of(bytes)
}

fn text_of(bytes: Vec<u8>) -> Result<String, Unreadable> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Unreadable::Binary);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Unreadable::not_utf8(e.as_bytes(), at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_is_standard_input_named_by_the_stdin_filename() {
        let paths = [PathBuf::from("a.md"), PathBuf::from("-")];
        let (name, rest) = split_stdin(&paths, Some(Path::new("desk/story.md")));
        assert_eq!(name, Some(PathBuf::from("desk/story.md")));
        assert_eq!(rest, [PathBuf::from("a.md")]);
        assert_eq!(split_stdin(&paths, None).0, Some(PathBuf::from("-")));
        assert_eq!(split_stdin(&paths[..1], None).0, None);
    }

    #[test]
    fn standard_input_gets_the_checks_a_file_gets() {
        assert!(matches!(text_of(b"a\0b".to_vec()), Err(Unreadable::Binary)));
        assert!(matches!(
            text_of(vec![b'a', 0xff]),
            Err(Unreadable::NotUtf8 {
                at: 1,
                byte: 0xff,
                line: 1,
                column: 2
            })
        ));
        assert_eq!(text_of(b"fine".to_vec()).unwrap(), "fine");
    }
}
