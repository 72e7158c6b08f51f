//! The HTML report: one self-contained page an editor opens or attaches. It holds
//! the summary, the claim-by-source matrix with every cell, each finding with its
//! sentence in context, the record, the record's source and a word diff, and each
//! document's text with the findings marked, linked both ways.
//!
//! The page needs nothing from outside: its style is inline, it has no script and
//! no font, and its Content-Security-Policy forbids every request, so even a
//! mistake in escaping could not make it fetch or run anything. Everything that
//! comes from articles and rules goes through [`escape`].

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use similar::ChangeTag;

use super::Outcome;
use super::human::word_runs;
use super::matrix::{Cell, Matrix, Verdict};
use crate::document::Document;
use crate::finding::{Finding, Severity};

/// The page's style: light and dark by the reader's setting, and a print layout.
const STYLE: &str = include_str!("html.css");

/// Escapes text for HTML element content and quoted attribute values.
///
/// The five characters that can end a text run or an attribute are replaced; the
/// page never puts article or rule text in a script, a style, a URL or an
/// unquoted attribute, so these are the only contexts to escape for.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders a run's report as one HTML page. `docs` are the documents checked, in
/// run order; `matrices` one claim matrix per group of documents checked together.
pub fn render(outcome: &Outcome, docs: &[Document], matrices: &[Matrix]) -> String {
    let doc_index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.path.as_str(), i))
        .collect();
    let mut page = String::new();
    page.push_str(&head());
    page.push_str("<body>\n<header>\n<h1>claimcheck report</h1>\n");
    page.push_str(&summary(outcome, docs));
    page.push_str("</header>\n<main>\n");
    for m in matrices {
        page.push_str(&matrix(m, outcome, &doc_index));
    }
    page.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if outcome.findings.is_empty() {
        page.push_str("<p>No findings.</p>\n");
    }
    for (i, f) in outcome.findings.iter().enumerate() {
        let doc = doc_index.get(f.file.as_str()).map(|&d| (d, &docs[d]));
        page.push_str(&finding(i, f, doc));
    }
    page.push_str("</section>\n<section id=\"documents\">\n<h2>Documents</h2>\n");
    for (d, doc) in docs.iter().enumerate() {
        page.push_str(&document(d, doc, outcome));
    }
    page.push_str("</section>\n</main>\n</body>\n</html>\n");
    page
}

fn head() -> String {
    page_head("claimcheck report")
}

/// The page's head: its policy (no request of any kind), its style, `title`.
pub fn page_head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n",
        escape(title)
    )
}

fn summary(outcome: &Outcome, docs: &[Document]) -> String {
    let s = outcome.summary();
    let mut out = format!(
        "<p class=\"summary\"><span class=\"count error\">{} error{}</span> \
         <span class=\"count warning\">{} warning{}</span> in {}</p>\n",
        s.errors,
        if s.errors == 1 { "" } else { "s" },
        s.warnings,
        if s.warnings == 1 { "" } else { "s" },
        if outcome.files_checked == 1 {
            "1 file".to_string()
        } else {
            format!("{} files", outcome.files_checked)
        }
    );
    out.push_str("<ul class=\"files\">\n");
    for (d, doc) in docs.iter().enumerate() {
        let n = outcome
            .findings
            .iter()
            .filter(|f| f.file == doc.path)
            .count();
        let _ = writeln!(
            out,
            "<li><a href=\"#doc-{d}\">{}</a>: {n} finding{}</li>",
            escape(&doc.path),
            if n == 1 { "" } else { "s" }
        );
    }
    out.push_str("</ul>\n");
    out
}

/// The finding a matrix cell stands for: the document's finding on that claim,
/// preferring one on the row's own figure.
fn finding_of_cell(outcome: &Outcome, claim: &str, rule: &str, file: &str) -> Option<usize> {
    let on_claim = |f: &&Finding| f.file == file && f.rule.as_deref() == Some(claim);
    let all = || outcome.findings.iter().enumerate();
    all()
        .find(|(_, f)| on_claim(f) && f.expected == rule)
        .or_else(|| all().find(|(_, f)| on_claim(f)))
        .map(|(i, _)| i)
}

fn matrix(m: &Matrix, outcome: &Outcome, doc_index: &HashMap<&str, usize>) -> String {
    let mut out = String::from(
        "<section class=\"matrix\">\n<h2>Claims by source</h2>\n\
         <p class=\"legend\"><span class=\"differs\">✗ differs</span> \
         <span class=\"absent\">· absent</span> <span class=\"agrees\">✓ agrees</span></p>\n\
         <div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">claim</th><th scope=\"col\">rule</th>",
    );
    for path in &m.documents {
        let d = doc_index.get(path.as_str()).copied().unwrap_or(0);
        // The file's name heads the column; the whole path is its title.
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let _ = write!(
            out,
            "<th scope=\"col\"><a href=\"#doc-{d}\" title=\"{}\">{}</a></th>",
            escape(path),
            escape(name)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut claim = "";
    for row in &m.rows {
        if !row.claim.is_empty() {
            claim = &row.claim;
        }
        let _ = write!(
            out,
            "<tr><th scope=\"row\" class=\"claim\">{}</th><td class=\"rule\">{}</td>",
            escape(&row.claim),
            escape(&row.rule)
        );
        for (c, cell) in row.cells.iter().enumerate() {
            let path = &m.documents[c];
            let target = match finding_of_cell(outcome, claim, &row.rule, path) {
                Some(i) => format!("#finding-{i}"),
                None => format!(
                    "#doc-{}",
                    doc_index.get(path.as_str()).copied().unwrap_or(0)
                ),
            };
            out.push_str(&matrix_cell(cell, path, &target));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
    out
}

/// One cell of the matrix: what the document at `path` says, marked by verdict and
/// linked to `target` (its finding, else the document), or a dot when it says
/// nothing.
fn matrix_cell(cell: &Cell, path: &str, target: &str) -> String {
    let (class, mark) = match cell.verdict {
        Verdict::Agrees => ("agrees", "✓"),
        Verdict::Differs => ("differs", "✗"),
        Verdict::Absent => ("absent", "·"),
    };
    let body = if cell.verdict == Verdict::Absent {
        format!("<span class=\"mark\">{mark}</span>")
    } else {
        format!(
            "<a href=\"{target}\"><span class=\"mark\">{mark}</span> {}</a>",
            escape(&cell.text)
        )
    };
    format!(
        "<td class=\"cell {class}\" data-document=\"{}\">{body}</td>",
        escape(path)
    )
}

/// The bytes of `doc.text` to show around `span`: its sentence (or line), widened
/// to hold the whole span, and cut to a window when very long.
fn context(doc: &Document, span: &Range<usize>) -> Range<usize> {
    const MAX: usize = 600;
    let around = match doc.sentence_at(span.start) {
        Some(s) => doc.sentences[s].clone(),
        None => {
            let (line, _) = doc.position(span.start);
            doc.line_span(line)
        }
    };
    let start = around.start.min(span.start);
    let end = around.end.max(span.end).min(doc.text.len());
    let start = if span.start - start > MAX {
        span.start - MAX
    } else {
        start
    };
    let end = if end - span.end > MAX {
        span.end + MAX
    } else {
        end
    };
    floor_char(&doc.text, start)..ceil_char(&doc.text, end)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// One finding as an HTML article: its heading, where it is with the words around
/// it, and what the record says against what the article says.
fn finding(i: usize, f: &Finding, doc: Option<(usize, &Document)>) -> String {
    let severity = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!(
        "<article class=\"finding {severity}\" id=\"finding-{i}\">\n\
         <h3><span class=\"severity\">{severity}</span> <code>{}</code> {}</h3>\n",
        f.code,
        escape(&f.message)
    );
    finding_place(&mut out, f, doc);
    out.push_str("<dl>\n");
    record_and_claim(&mut out, f);
    word_diff(&mut out, f);
    out.push_str("</dl>\n</article>\n");
    out
}

/// Where the finding is (a link to its line, when the document is shown) and, then,
/// the words around it with the finding's own words marked.
fn finding_place(out: &mut String, f: &Finding, doc: Option<(usize, &Document)>) {
    let place = format!("{}:{}:{}", escape(&f.file), f.line, f.column);
    let Some((d, doc)) = doc else {
        let _ = writeln!(out, "<p class=\"place\">{place}</p>");
        return;
    };
    let _ = writeln!(
        out,
        "<p class=\"place\"><a href=\"#doc-{d}-line-{}\">{place}</a></p>",
        f.line
    );
    let span = f.span.start.min(doc.text.len())..f.span.end.min(doc.text.len());
    let ctx = context(doc, &span);
    let _ = writeln!(
        out,
        "<blockquote class=\"context\">{}{}<mark>{}</mark>{}{}</blockquote>",
        if ctx.start > 0 && context_cut(doc, ctx.start) {
            "…"
        } else {
            ""
        },
        escape(&readable(doc, ctx.start..span.start)),
        escape(&readable(doc, span.clone())),
        escape(&readable(doc, span.end..ctx.end)),
        if ctx.end < doc.text.len() && context_cut(doc, ctx.end) {
            "…"
        } else {
            ""
        },
    );
}

/// The record, where it comes from, the claim that holds it, and what other sources
/// say.
fn record_and_claim(out: &mut String, f: &Finding) {
    let _ = writeln!(
        out,
        "<dt>Record</dt><dd class=\"record\">{}</dd>",
        escape(&f.expected)
    );
    if let Some(source) = &f.source {
        let _ = writeln!(
            out,
            "<dt>Source of the record</dt><dd>{}</dd>",
            escape(source)
        );
    }
    if let (Some(rule), Some(file)) = (&f.rule, &f.rule_file) {
        let line = f.rule_line.map(|l| format!(":{l}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "<dt>Claim</dt><dd><code>{}</code> in {}{line}</dd>",
            escape(rule),
            escape(file)
        );
    }
    for r in &f.related {
        let _ = writeln!(
            out,
            "<dt>Another source</dt><dd>{}:{}:{} says {}</dd>",
            escape(&r.file),
            r.line,
            r.column,
            escape(&r.value)
        );
    }
}

/// The record's words against the article's (see [`Finding::words_compared`]).
fn word_diff(out: &mut String, f: &Finding) {
    let (record, article) = f.words_compared();
    let _ = writeln!(
        out,
        "<dt>Word diff</dt><dd class=\"diff\">{}</dd>",
        diff_html(record, article)
    );
}

/// The words of `range` as a reader sees them: the prose view (Markdown markup
/// blanked), every run of white space one space, the ends' spaces kept as one.
fn readable(doc: &Document, range: Range<usize>) -> String {
    let text = doc.prose.get(range.clone()).unwrap_or(&doc.text[range]);
    super::layout::fold_spaces(text)
}

/// Whether `at` is inside a line (a cut context shows `…`), not at a line's end.
fn context_cut(doc: &Document, at: usize) -> bool {
    let (line, _) = doc.position(at);
    let ls = doc.line_span(line);
    at > ls.start && at < ls.end
}

/// The word diff as HTML: the article's words that go as `<del>` (labelled
/// "article"), the record's that come as `<ins>` (labelled "record").
pub fn diff_html(record: &str, article: &str) -> String {
    labelled_diff_html(record, article, "article", "record")
}

/// The word diff of `article` into `record` as HTML, the article's words in
/// `<del>` labelled `gone`, the record's in `<ins>` labelled `come`.
pub fn labelled_diff_html(record: &str, article: &str, gone: &str, come: &str) -> String {
    let mut out = String::new();
    for (tag, text) in word_runs(record, article) {
        let text = escape(&text);
        match tag {
            ChangeTag::Equal => out.push_str(&text),
            ChangeTag::Delete => {
                let _ = write!(
                    out,
                    "<del title=\"{gone}\"><span class=\"tag\">{gone}: </span>{text}</del>"
                );
            }
            ChangeTag::Insert => {
                let _ = write!(
                    out,
                    "<ins title=\"{come}\"><span class=\"tag\">{come}: </span>{text}</ins>"
                );
            }
        }
    }
    out
}

/// One document's text, each line numbered and anchored, the findings' words
/// marked and linked to their findings.
fn document(d: usize, doc: &Document, outcome: &Outcome) -> String {
    let mut marks: Vec<(Range<usize>, usize)> = outcome
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.file == doc.path)
        .map(|(i, f)| {
            (
                f.span.start.min(doc.text.len())..f.span.end.min(doc.text.len()),
                i,
            )
        })
        .collect();
    marks.sort_by_key(|(r, _)| (r.start, r.end));
    // Overlapping findings: the later one's mark starts where the earlier ends.
    let mut last_end = 0;
    for (r, _) in &mut marks {
        r.start = r.start.max(last_end).min(r.end);
        last_end = last_end.max(r.end);
    }
    let mut out = format!(
        "<article class=\"document\" id=\"doc-{d}\">\n<h3>{}</h3>\n<pre class=\"text\">",
        escape(&doc.path)
    );
    let lines = doc.position(doc.text.len()).0;
    let mut next = 0;
    for line in 1..=lines {
        let ls = doc.line_span(line);
        let _ = write!(
            out,
            "<span class=\"line\" id=\"doc-{d}-line-{line}\"><span class=\"number\">{line}</span>"
        );
        let mut at = ls.start;
        while next < marks.len() && marks[next].0.end <= ls.start {
            next += 1;
        }
        let mut k = next;
        while k < marks.len() && marks[k].0.start < ls.end {
            let (r, i) = &marks[k];
            let (s, e) = (r.start.max(ls.start), r.end.min(ls.end));
            if s < e {
                out.push_str(&escape(&doc.text[at..s]));
                let _ = write!(
                    out,
                    "<a class=\"found\" href=\"#finding-{i}\"><mark>{}</mark></a>",
                    escape(&doc.text[s..e])
                );
                at = e;
            }
            k += 1;
        }
        out.push_str(&escape(&doc.text[at..ls.end]));
        out.push_str("</span>\n");
    }
    out.push_str("</pre>\n</article>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Code, sample};

    fn outcome_for(text: &str, found: &str) -> (Outcome, Vec<Document>) {
        let doc = Document::new("news/trade.md", text.to_string(), None);
        let start = text.find(found).unwrap();
        let mut f = sample(
            Code::ValueMismatch,
            "news/trade.md",
            1,
            "$1.3 million: the claim says $1.3B",
        );
        f.span = start..start + found.len();
        f.found = found.to_string();
        (
            Outcome {
                files_checked: 1,
                findings: vec![f],
            },
            vec![doc],
        )
    }

    #[test]
    fn everything_from_articles_and_rules_is_escaped() {
        let text = "Trade <script>alert(1)</script> & \"more\" reached $1.3 million.\n";
        let (mut outcome, docs) = outcome_for(text, "$1.3 million");
        outcome.findings[0].source = Some("<img src=x onerror=alert(2)>".into());
        outcome.findings[0].rule = Some("a\"b".into());
        let page = render(&outcome, &docs, &[]);
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"));
        assert!(page.contains("<code>a&quot;b</code>"));
    }

    #[test]
    fn the_page_asks_for_nothing_from_outside() {
        let (outcome, docs) = outcome_for("Trade reached $1.3 million.\n", "$1.3 million");
        let page = render(&outcome, &docs, &[]);
        assert!(page.contains("default-src 'none'"));
        for needle in ["http://", "https://", "<link", "<script", "@import", "url("] {
            assert!(!page.contains(needle), "{needle} in the page");
        }
    }

    #[test]
    fn the_finding_is_marked_in_its_sentence_and_in_the_document() {
        let text = "First line.\nBilateral trade reached $1.3 million in the half. Next one.\n";
        let (outcome, docs) = outcome_for(text, "$1.3 million");
        let page = render(&outcome, &docs, &[]);
        assert!(
            page.contains("<blockquote class=\"context\">Bilateral trade reached <mark>$1.3 million</mark> in the half.…</blockquote>"),
            "{page}"
        );
        assert!(
            page.contains("<a class=\"found\" href=\"#finding-0\"><mark>$1.3 million</mark></a>")
        );
        assert!(page.contains("id=\"doc-0-line-2\""));
        assert!(
            page.contains(
                "<del title=\"article\"><span class=\"tag\">article: </span>million</del>"
            ),
            "{page}"
        );
        assert!(
            page.contains("<ins title=\"record\"><span class=\"tag\">record: </span>billion</ins>"),
            "{page}"
        );
    }

    #[test]
    fn a_mark_over_lines_is_split_at_each_line() {
        let text = "She said: “We stay\non course.” Then left.\n";
        let (outcome, docs) = outcome_for(text, "“We stay\non course.”");
        let page = render(&outcome, &docs, &[]);
        assert!(page.contains("<mark>“We stay</mark>"), "{page}");
        assert!(page.contains("<mark>on course.”</mark>"), "{page}");
    }
}
