//! The prose view, byte-aligned with the file by construction.
//!
//! Every step works on a byte buffer of exactly the file's length and only ever
//! overwrites whole characters with whole characters of the same length (or with
//! ASCII spaces, byte for byte). So whatever is blanked (front matter with accents,
//! a byte-order mark, markup, code) and whatever line endings the file uses, the
//! byte at offset `i` of the prose view stands where byte `i` of the file stands.
//!
//! Line endings are made uniform in the view: CRLF becomes a space and `\n`, a lone
//! CR (old Mac files) becomes `\n`. Every later stage sees one kind of line break.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::lines::BOM;
use crate::extract::Span;

/// The file's text with uniform line endings and no byte-order mark (blanked), of
/// the same length as `text`. Markdown is parsed from this, and plain text is this.
pub fn uniform(text: &str) -> Vec<u8> {
    let mut out = text.as_bytes().to_vec();
    if text.starts_with(BOM) {
        out[..BOM.len()].fill(b' ');
    }
    // Most files have no CR at all.
    let crs = if text.contains('\r') { out.len() } else { 0 };
    for i in 0..crs {
        if out[i] == b'\r' {
            out[i] = if out.get(i + 1) == Some(&b'\n') {
                b' '
            } else {
                b'\n'
            };
        }
    }
    out
}

/// Bytes to text. Every writer above keeps the buffer valid UTF-8; should one ever
/// not, each byte of a broken sequence becomes a space, so the length still holds.
pub fn into_text(mut bytes: Vec<u8>) -> String {
    loop {
        match std::str::from_utf8(&bytes) {
            Ok(_) => break,
            Err(e) => {
                let at = e.valid_up_to();
                let bad = e.error_len().unwrap_or(bytes.len() - at);
                bytes[at..at + bad].fill(b' ');
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// Blanks `span` of `bytes` byte for byte, keeping line breaks.
pub fn blank(bytes: &mut [u8], span: Span) {
    for b in &mut bytes[span] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// The prose view of a Markdown document and its prose blocks. `source` is the
/// uniform text with front matter already blanked.
pub fn markdown(source: &str) -> (String, Vec<Span>) {
    // Start from a blank copy that keeps the line structure; prose is copied back in.
    let mut prose: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' { b } else { b' ' })
        .collect();
    // No smart punctuation: quotes and dashes must stay as the writer typed them.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut blocks = Vec::new();
    let mut current: Option<Span> = None;
    let mut skip_depth = 0usize; // inside code blocks, images, metadata
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
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
            Event::Text(t)
                if skip_depth == 0 && write_prose(&mut prose, source, range.clone(), &t) =>
            {
                current = Some(match current {
                    Some(c) => c.start..range.end.max(c.end),
                    None => range,
                });
            }
            // Inline code, HTML, footnote references, rules and breaks are not prose.
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    (into_text(prose), blocks)
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
/// rest stays blank, so offsets never move. Returns whether anything was written.
fn write_prose(prose: &mut [u8], source: &str, range: Span, decoded: &str) -> bool {
    let Some(spelled) = source.get(range.clone()) else {
        return false;
    };
    let at = if spelled == decoded {
        range.start
    } else if let Some(at) = spelled.find(decoded).filter(|_| !decoded.is_empty()) {
        // An escape: `\$` decodes to `$`, found inside the source at an offset.
        range.start + at
    } else if decoded.len() <= range.len() {
        range.start
    } else {
        return false;
    };
    prose[at..at + decoded.len()].copy_from_slice(decoded.as_bytes());
    true
}

/// The paragraphs of plain text: runs of lines between blank lines.
pub fn paragraphs(text: &str) -> Vec<Span> {
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
