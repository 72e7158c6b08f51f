//! Documents: one article or source file, its prose, its sentences and its date.
//!
//! The central idea is the *prose view*: a copy of the file's text of exactly the
//! same byte length in which everything that is not prose (Markdown markup, code,
//! raw HTML, front matter) has been replaced by spaces, and entities and escapes by
//! the characters they stand for. Extraction runs on the prose view, so every byte
//! span it returns is also the span of the same words in the file, and line and
//! column numbers are exact by construction, whatever markup came before.

mod front_matter;
mod lines;
mod prose;
mod sentences;

use std::path::Path;

use jiff::civil::Date;

use crate::extract::Span;

pub use front_matter::{DateProblem, publication_date};

/// The format a document is read in, decided by its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.md` and `.markdown`: only prose is checked.
    Markdown,
    /// Anything else (`.txt`, standard input): the text as it is.
    Plain,
}

impl Format {
    /// The format for a path: Markdown for `.md` and `.markdown`, plain otherwise.
    pub fn for_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
                Format::Markdown
            }
            _ => Format::Plain,
        }
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrigin {
    /// The front matter's `date:` key.
    FrontMatter,
    /// A dateline near the top of the text.
    Dateline,
    /// A file name starting `YYYY-MM-DD`.
    FileName,
    /// The `--date` option.
    CommandLine,
}

impl DateOrigin {
    /// How a report names this origin.
    pub fn describe(self) -> &'static str {
        match self {
            DateOrigin::FrontMatter => "front matter",
            DateOrigin::Dateline => "dateline",
            DateOrigin::FileName => "file name",
            DateOrigin::CommandLine => "--date",
        }
    }
}

/// A document's publication date and where it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// The date.
    pub date: Date,
    /// Where it came from.
    pub origin: DateOrigin,
    /// The span of the date in the text, when it was read from the text.
    pub span: Option<Span>,
}

pub use front_matter::{FrontMatter, FrontMatterProblem};
pub use lines::LineIndex;
#[cfg(test)]
pub(crate) use prose::paragraphs;

/// Something in a document the user should know about: it was read, but not all of
/// it as written (a publication date that is not a real date, broken front matter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentWarning {
    /// 1-based line it is about.
    pub line: usize,
    /// What is wrong, naming the key or words.
    pub message: String,
}

/// One article or source file, ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given on the command line, joined with the walked path
    /// (`-` for standard input).
    pub path: String,
    /// The text of the file, as read.
    pub text: String,
    /// The prose view: `text` with everything that is not prose blanked out.
    pub prose: String,
    /// The format the document was read in.
    pub format: Format,
    /// The front matter, when there is one.
    pub front_matter: Option<FrontMatter>,
    /// Prose blocks (paragraphs, headings, list items, table cells), in order.
    pub blocks: Vec<Span>,
    /// Sentences, in order, each within one block, trimmed of surrounding space.
    pub sentences: Vec<Span>,
    /// The publication date, when one was found.
    pub published: Option<Published>,
    /// What could not be read as written (see [`DocumentWarning`]).
    pub warnings: Vec<DocumentWarning>,
    lines: LineIndex,
}

impl Document {
    /// Reads a document from text. `path` names it in reports and decides its format
    /// (use [`Document::with_format`] to choose the format yourself). `fallback_date`
    /// is the publication date to use when the document itself gives none.
    pub fn new(path: &str, text: String, fallback_date: Option<Date>) -> Document {
        Document::with_format(path, text, Format::for_path(Path::new(path)), fallback_date)
    }

    /// Reads a document from text in the given format.
    pub fn with_format(
        path: &str,
        text: String,
        format: Format,
        fallback_date: Option<Date>,
    ) -> Document {
        // One buffer the length of the file, with uniform line endings and the
        // byte-order mark blanked: everything below keeps that length.
        let mut source = prose::uniform(&text);
        let found = match format {
            Format::Markdown => {
                let start = if text.starts_with(lines::BOM) {
                    lines::BOM.len()
                } else {
                    0
                };
                front_matter::find(&prose::into_text(source.clone()), start)
            }
            Format::Plain => None,
        };
        if let Some(f) = &found {
            prose::blank(&mut source, f.span.clone());
        }
        let source = prose::into_text(source);
        let (prose, blocks) = match format {
            Format::Markdown => prose::markdown(&source),
            Format::Plain => {
                let blocks = prose::paragraphs(&source);
                (source, blocks)
            }
        };
        let sentences = blocks
            .iter()
            .flat_map(|b| sentences::split(&prose, b.clone()))
            .collect();
        let lines = LineIndex::new(&text);
        let (front_matter, key_lines, mut warnings) = match found {
            Some(f) => {
                let warnings = f
                    .problems
                    .iter()
                    .map(|p| DocumentWarning {
                        line: p.line,
                        message: p.message.clone(),
                    })
                    .collect();
                (Some(f.front), f.lines, warnings)
            }
            None => (None, Default::default(), Vec::new()),
        };
        let mut doc = Document {
            path: path.to_string(),
            text,
            prose,
            format,
            front_matter,
            blocks,
            sentences,
            published: None,
            warnings: Vec::new(),
            lines,
        };
        doc.published = doc.find_published(fallback_date, &key_lines, &mut warnings);
        doc.warnings = warnings;
        doc
    }

    /// The document as a report that quotes its lines needs it once it is
    /// checked: its path, text, line index and date, without the prose view,
    /// blocks, sentences and front matter (about half of what it holds).
    /// Positions and lines are those of the whole document.
    pub fn text_only(self) -> Document {
        Document {
            prose: String::new(),
            front_matter: None,
            blocks: Vec::new(),
            sentences: Vec::new(),
            warnings: Vec::new(),
            ..self
        }
    }

    /// The 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.text, offset)
    }

    /// The text of the 1-based line `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        &self.text[self.lines.line_span(&self.text, line)]
    }

    /// The byte range of the 1-based line `line`.
    pub fn line_span(&self, line: usize) -> Span {
        self.lines.line_span(&self.text, line)
    }

    /// The index of the sentence holding byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }

    fn find_published(
        &self,
        fallback: Option<Date>,
        key_lines: &std::collections::BTreeMap<String, usize>,
        warnings: &mut Vec<DocumentWarning>,
    ) -> Option<Published> {
        let front = self.front_matter.as_ref();
        if let (Some(value), Some(key)) = (
            front.and_then(|f| f.date.as_deref()),
            front.and_then(|f| f.date_key.as_deref()),
        ) {
            match publication_date(value) {
                Ok(date) => {
                    return Some(Published {
                        date,
                        origin: DateOrigin::FrontMatter,
                        span: None,
                    });
                }
                Err(problem) => warnings.push(DocumentWarning {
                    line: key_lines.get(key).copied().unwrap_or(1),
                    message: problem.message(key, value.trim()),
                }),
            }
        }
        if let Some((date, span)) = crate::extract::date::dateline(&self.prose) {
            return Some(Published {
                date,
                origin: DateOrigin::Dateline,
                span: Some(span),
            });
        }
        let name = Path::new(&self.path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        if let Some(d) = name.get(..10).and_then(|s| s.parse::<Date>().ok()) {
            return Some(Published {
                date: d,
                origin: DateOrigin::FileName,
                span: None,
            });
        }
        fallback.map(|date| Published {
            date,
            origin: DateOrigin::CommandLine,
            span: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Document {
        Document::new("a.md", text.to_string(), None)
    }

    /// The prose view keeps every offset: the same words sit at the same bytes.
    fn assert_same_offsets(doc: &Document, word: &str) {
        let at = doc.text.find(word).expect("word in text");
        assert_eq!(
            &doc.prose[at..at + word.len()],
            word,
            "prose view moved {word:?}"
        );
    }

    #[test]
    fn prose_view_has_the_length_of_the_text() {
        let doc = md("# Title\n\nSome *emphasis* and a [link](http://x.y) &amp; `code`.\n");
        assert_eq!(doc.prose.len(), doc.text.len());
        assert_same_offsets(&doc, "emphasis");
        assert_same_offsets(&doc, "link");
        assert!(!doc.prose.contains("code"), "inline code is not prose");
        assert!(!doc.prose.contains("http"), "link targets are not prose");
        assert!(
            doc.prose.contains("&     "),
            "entity decoded in place: {:?}",
            doc.prose
        );
    }

    #[test]
    fn code_html_and_front_matter_are_blanked() {
        let text = "---\ndate: 2025-12-03\ntitle: T\n---\nBody 20%.\n\n```\n25% code\n```\n\n    indented 30%\n\n<div>40% html</div>\n";
        let doc = md(text);
        assert!(doc.prose.contains("Body 20%."));
        for gone in ["25%", "30%", "40%", "date", "title"] {
            assert!(
                !doc.prose.contains(gone),
                "{gone} should not be prose: {:?}",
                doc.prose
            );
        }
        let fm = doc.front_matter.as_ref().unwrap();
        assert_eq!(fm.date.as_deref(), Some("2025-12-03"));
        assert_eq!(fm.title.as_deref(), Some("T"));
        let published = doc.published.unwrap();
        assert_eq!(published.origin, DateOrigin::FrontMatter);
        assert_eq!(published.date.to_string(), "2025-12-03");
    }

    #[test]
    fn escapes_are_decoded_in_place() {
        let doc = md("Trade reached \\$1.3 billion.\n");
        let at = doc.text.find("1.3").unwrap();
        assert_eq!(&doc.prose[at - 1..at + 3], "$1.3");
    }

    #[test]
    fn a_document_kept_for_its_lines_keeps_every_position() {
        let text = "\u{feff}---\r\ndate: 2025-12-03\r\n---\r\n“Quoted” — *about* 20%.\r\n\r\nZoë said so.\n";
        let whole = md(text);
        let kept = whole.clone().text_only();
        assert!(kept.prose.is_empty() && kept.sentences.is_empty());
        assert_eq!(kept.text, whole.text);
        for offset in 0..=text.len() {
            assert_eq!(kept.position(offset), whole.position(offset), "at {offset}");
        }
        for line in 1..=7 {
            assert_eq!(kept.line_span(line), whole.line_span(line), "line {line}");
            assert_eq!(kept.line_text(line), whole.line_text(line), "line {line}");
        }
    }

    #[test]
    fn positions_count_characters() {
        let doc = md("---\ndate: 2025-12-03\n---\n“Quoted” — *about* 20% of it.\n");
        let at = doc.text.find("20%").unwrap();
        assert_eq!(doc.position(at), (4, 20)); // “=1 Quoted=2..7 ”=8 —=10 *=12 about=13..17 2=20
    }

    #[test]
    fn sentences_respect_abbreviations_and_decimals() {
        let doc = Document::new(
            "a.txt",
            "The U.S. said Mr. Smith left at 5 p.m. on Dec. 4 with 1.3 billion. Then he spoke."
                .into(),
            None,
        );
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| &doc.text[s.clone()]).collect();
        assert_eq!(
            sentences,
            [
                "The U.S. said Mr. Smith left at 5 p.m. on Dec. 4 with 1.3 billion.",
                "Then he spoke."
            ]
        );
    }

    #[test]
    fn blocks_end_sentences() {
        let doc =
            md("# A heading without a stop\nA paragraph follows.\n\n- item one\n- item two\n");
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| &doc.text[s.clone()]).collect();
        assert_eq!(
            sentences,
            [
                "A heading without a stop",
                "A paragraph follows.",
                "item one",
                "item two"
            ]
        );
    }

    #[test]
    fn table_cells_are_separate_blocks() {
        let doc = md("| a | b |\n|---|---|\n| 20% of land | 7% rise |\n");
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| &doc.text[s.clone()]).collect();
        assert_eq!(sentences, ["a", "b", "20% of land", "7% rise"]);
    }

    #[test]
    fn date_from_file_name_and_fallback() {
        let d = Document::new("2025-12-04-story.txt", "No date here.".into(), None);
        assert_eq!(d.published.unwrap().origin, DateOrigin::FileName);
        let fallback: Date = "2025-01-02".parse().unwrap();
        let d = Document::new("story.txt", "No date here.".into(), Some(fallback));
        let p = d.published.unwrap();
        assert_eq!((p.origin, p.date), (DateOrigin::CommandLine, fallback));
    }

    #[test]
    fn crlf_lines() {
        let doc = Document::new("a.txt", "one\r\ntwo 20%\r\n".into(), None);
        assert_eq!(doc.line_text(2), "two 20%");
        assert_eq!(doc.position(doc.text.find("20%").unwrap()), (2, 5));
    }

    /// Every word of the file sits at the same bytes in the prose view, whatever
    /// came before it: the view is built byte for byte.
    fn assert_aligned(doc: &Document, words: &[&str]) {
        assert_eq!(doc.prose.len(), doc.text.len(), "{:?}", doc.text);
        for w in words {
            assert_same_offsets(doc, w);
        }
    }

    #[test]
    fn non_ascii_front_matter_keeps_offsets() {
        for title in ["Café", "“Quoted” — dash", "日本語", "e\u{301}mile 🇬🇪"] {
            let text = format!(
                "---\ntitle: {title}\n---\nRussia holds about\u{a0}25% of the territory of Georgia.\n"
            );
            let doc = md(&text);
            assert_aligned(&doc, &["\u{a0}25% of the territory", "Russia", "Georgia."]);
            assert_eq!(
                doc.front_matter.as_ref().unwrap().title.as_deref(),
                Some(title)
            );
            assert_eq!(doc.sentences.len(), 1);
            assert_eq!(
                &doc.text[doc.sentences[0].clone()],
                "Russia holds about\u{a0}25% of the territory of Georgia."
            );
        }
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_the_front_matter() {
        let doc = md("\u{feff}---\ndate: 2025-12-03\ntitle: Tbilisi\n---\nBody 20%.\n");
        assert_aligned(&doc, &["Body 20%."]);
        assert!(!doc.prose.contains("Tbilisi"), "{:?}", doc.prose);
        let p = doc.published.unwrap();
        assert_eq!(
            (p.origin, p.date.to_string().as_str()),
            (DateOrigin::FrontMatter, "2025-12-03")
        );
        let plain = Document::new("a.txt", "\u{feff}Body 20%.".into(), None);
        assert_aligned(&plain, &["Body 20%."]);
        assert_eq!(plain.position(plain.text.find("20%").unwrap()), (1, 6));
        assert!(!plain.prose.contains('\u{feff}'));
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let doc = md("---\rdate: 2025-12-03\r---\rFirst 20%.\r\r```\r25% code\r```\r\rLast 30%.\r");
        assert_aligned(&doc, &["First 20%.", "Last 30%."]);
        assert!(
            !doc.prose.contains("25%"),
            "code is not prose: {:?}",
            doc.prose
        );
        assert_eq!(doc.position(doc.text.find("30%").unwrap()), (10, 6));
        assert_eq!(doc.line_text(4), "First 20%.");
        assert_eq!(doc.published.unwrap().origin, DateOrigin::FrontMatter);
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| &doc.text[s.clone()]).collect();
        assert_eq!(sentences, ["First 20%.", "Last 30%."]);
    }

    #[test]
    fn crlf_becomes_plain_line_breaks_in_the_prose_view() {
        for (name, text) in [
            (
                "a.md",
                "\u{201c}We stand firm,\u{201d} she\r\nsaid on Tuesday.\r\n",
            ),
            (
                "a.txt",
                "\u{201c}We stand firm,\u{201d} she\r\nsaid on Tuesday.\r\n",
            ),
        ] {
            let doc = Document::new(name, text.into(), None);
            assert_eq!(doc.prose.len(), doc.text.len());
            assert!(doc.prose.contains("she \nsaid"), "{:?}", doc.prose);
            assert!(!doc.prose.contains('\r'));
        }
    }

    #[test]
    fn front_matter_publication_dates() {
        let cases = [
            (
                "---\ndate: \"March 12, 2025\"\n---\nText.\n",
                Some("2025-03-12"),
                None,
            ),
            (
                "---\ndate: 12 March 2025\n---\nText.\n",
                Some("2025-03-12"),
                None,
            ),
            (
                "---\npublished: 2025-03-12T08:00:00Z\n---\nText.\n",
                Some("2025-03-12"),
                None,
            ),
            (
                "---\npubDate: Wed, 12 Mar 2025 08:00:00 GMT\n---\nText.\n",
                Some("2025-03-12"),
                None,
            ),
            (
                "+++\ntitle = \"T\"\ndate = 2025-03-12\n+++\nText.\n",
                Some("2025-03-12"),
                None,
            ),
            (
                "\u{feff}---\ndate: 2025-03-12\n---\nText.\n",
                Some("2025-03-12"),
                None,
            ),
            (
                "---\ntitle: T\ndate: 2025-02-30\n---\nText.\n",
                None,
                Some((3, "`date: 2025-02-30` is not a real date")),
            ),
            (
                "---\npubDate: 12/03/2025\n---\nText.\n",
                None,
                Some((2, "could be 12 March 2025 or 3 December 2025")),
            ),
            (
                "---\ndate: soonish\n---\nText.\n",
                None,
                Some((2, "`date: soonish` is not a date claimcheck can read")),
            ),
        ];
        for (text, date, warning) in cases {
            let doc = md(text);
            assert_eq!(
                doc.published
                    .as_ref()
                    .map(|p| p.date.to_string())
                    .as_deref(),
                date,
                "{text:?}"
            );
            match warning {
                Some((line, words)) => {
                    assert_eq!(doc.warnings.len(), 1, "{text:?}");
                    assert_eq!(doc.warnings[0].line, line, "{text:?}");
                    assert!(
                        doc.warnings[0].message.contains(words),
                        "{:?}",
                        doc.warnings
                    );
                }
                None => assert!(doc.warnings.is_empty(), "{:?}", doc.warnings),
            }
        }
    }

    #[test]
    fn a_bad_front_matter_date_falls_back_to_the_file_name() {
        let doc = Document::new(
            "2025-12-04-story.md",
            "---\ndate: 2025-13-01\n---\nText.\n".into(),
            None,
        );
        assert_eq!(doc.published.unwrap().origin, DateOrigin::FileName);
        assert_eq!(doc.warnings.len(), 1);
    }
}
