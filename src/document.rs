//! Documents: one article or source file, its prose, its sentences and its date.
//!
//! The central idea is the *prose view*: a copy of the file's text of exactly the
//! same byte length in which everything that is not prose (Markdown markup, code,
//! raw HTML, front matter) has been replaced by spaces, and entities and escapes by
//! the characters they stand for. Extraction runs on the prose view, so every byte
//! span it returns is also the span of the same words in the file, and line and
//! column numbers are exact by construction, whatever markup came before.

use std::path::Path;

use jiff::civil::Date;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::extract::Span;

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

/// The front matter keys claimcheck reads; others are ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct FrontMatter {
    /// `date:`, the publication date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// `title:`.
    pub title: Option<String>,
    /// `outlet:`, the publication the article appeared in.
    pub outlet: Option<String>,
}

/// Maps byte offsets to 1-based lines and columns (columns count characters).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line and 1-based character column of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = text.get(start..offset).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The byte range of 1-based line `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts.get(line - 1).copied().unwrap_or(text.len());
        let end = self.starts.get(line).map_or(text.len(), |&e| e - 1);
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
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
        let (front_matter_span, front_matter) = match format {
            Format::Markdown => split_front_matter(&text),
            Format::Plain => (None, None),
        };
        let (prose, blocks) = match format {
            Format::Markdown => markdown_prose(&text, front_matter_span.clone()),
            Format::Plain => plain_prose(&text),
        };
        let sentences = blocks
            .iter()
            .flat_map(|b| split_sentences(&prose, b.clone()))
            .collect();
        let lines = LineIndex::new(&text);
        let mut doc = Document {
            path: path.to_string(),
            text,
            prose,
            format,
            front_matter,
            blocks,
            sentences,
            published: None,
            lines,
        };
        doc.published = doc.find_published(fallback_date);
        doc
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

    fn find_published(&self, fallback: Option<Date>) -> Option<Published> {
        if let Some(date) = self.front_matter.as_ref().and_then(|f| f.date.as_deref()) {
            let date = date.trim();
            if let Ok(d) = date.get(..10).unwrap_or(date).parse::<Date>() {
                return Some(Published {
                    date: d,
                    origin: DateOrigin::FrontMatter,
                    span: None,
                });
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

/// Finds YAML front matter (`---` on the first line, closed by `---` or `...`) and
/// reads the keys claimcheck uses. Returns its byte range, fences included.
fn split_front_matter(text: &str) -> (Option<Span>, Option<FrontMatter>) {
    let body_start = if text.starts_with("---\n") {
        4
    } else if text.starts_with("---\r\n") {
        5
    } else {
        return (None, None);
    };
    let mut offset = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &text[body_start..offset];
            let front = serde_yaml::from_str::<FrontMatter>(yaml).ok();
            return (
                Some(0..offset + line.len()),
                Some(front.unwrap_or_default()),
            );
        }
        offset += line.len();
    }
    (None, None)
}

/// The prose view of a plain-text document: the text itself, with blocks split at
/// blank lines.
fn plain_prose(text: &str) -> (String, Vec<Span>) {
    (text.to_string(), paragraphs(text))
}

/// The paragraphs of plain text: runs of lines between blank lines.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut blocks = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(s..offset);
            }
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        blocks.push(s..text.len());
    }
    blocks
}

/// The prose view of a Markdown document and its prose blocks.
fn markdown_prose(text: &str, front_matter: Option<Span>) -> (String, Vec<Span>) {
    // Start from a blank copy that keeps the line structure; prose is copied back in.
    let mut prose: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    // Blank the front matter before parsing, so pulldown-cmark sees empty lines there
    // and every offset it reports is still an offset into `text`.
    let source: std::borrow::Cow<str> = match &front_matter {
        Some(span) => {
            let mut s = text.to_string();
            let blank: String = text[span.clone()]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' })
                .collect();
            s.replace_range(span.clone(), &blank);
            std::borrow::Cow::Owned(s)
        }
        None => std::borrow::Cow::Borrowed(text),
    };
    // No smart punctuation: quotes and dashes must stay as the writer typed them.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut blocks = Vec::new();
    let mut current: Option<Span> = None;
    let mut skip_depth = 0usize; // inside code blocks, images, metadata
    for (event, range) in Parser::new_ext(&source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    flush(&mut current, &mut blocks);
                }
                if matches!(
                    tag,
                    Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_)
                ) {
                    skip_depth += 1;
                }
            }
            Event::End(tag) => {
                if is_block_end(&tag) {
                    flush(&mut current, &mut blocks);
                }
                if matches!(
                    tag,
                    TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_)
                ) {
                    skip_depth = skip_depth.saturating_sub(1);
                }
            }
            Event::Text(t) if skip_depth == 0 => {
                write_prose(&mut prose, text, range.clone(), &t);
                current = Some(match current {
                    Some(c) => c.start..range.end.max(c.end),
                    None => range,
                });
            }
            Event::SoftBreak | Event::HardBreak => {}
            // Inline code, HTML, footnote references and rules are not prose.
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    // Only whole characters were copied over blanks, so the bytes are valid UTF-8.
    let prose = String::from_utf8(prose).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes()).into_owned() // unreachable in practice
    });
    (prose, blocks)
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::MetadataBlock(_)
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::MetadataBlock(_)
    )
}

fn flush(current: &mut Option<Span>, blocks: &mut Vec<Span>) {
    if let Some(span) = current.take() {
        blocks.push(span);
    }
}

/// Copies one text event into the prose view. Where the source spells the text the
/// same way it is copied as is; where it does not (an entity such as `&amp;`, a
/// backslash escape), the decoded text is written at the start of the range and the
/// rest stays blank, so offsets never move.
fn write_prose(prose: &mut [u8], text: &str, range: Span, decoded: &str) {
    let Some(source) = text.get(range.clone()) else {
        return;
    };
    if source == decoded {
        prose[range].copy_from_slice(source.as_bytes());
    } else if let Some(at) = source.find(decoded).filter(|_| !decoded.is_empty()) {
        // An escape: `\$` decodes to `$`, found inside the source at an offset.
        let start = range.start + at;
        prose[start..start + decoded.len()].copy_from_slice(decoded.as_bytes());
    } else if decoded.len() <= range.len() {
        prose[range.start..range.start + decoded.len()].copy_from_slice(decoded.as_bytes());
    }
}

/// Splits one block of the prose view into sentences, trimmed of surrounding space.
fn split_sentences(prose: &str, block: Span) -> Vec<Span> {
    let Some(slice) = prose.get(block.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", slice) {
        let s = &slice[b.start_byte..b.end_byte];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        let start = block.start + b.start_byte + lead;
        let end = block.start + b.end_byte - trail;
        if start < end {
            out.push(start..end);
        }
    }
    out
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
}
