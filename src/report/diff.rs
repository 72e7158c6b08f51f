//! Rendering `claimcheck diff`: a unified view of what two documents say.

use colored::Colorize;
use serde_json::{Value, json};
use similar::ChangeTag;

use super::{human, layout};
use crate::diff::{Pair, Side};

/// The view for an editor: per pair, what it is about and a one-line verdict, then
/// both sentences (or quotations) with their file:line, the words only the first
/// document has marked `[-…-]` (red), those only the second has `{+…+}` (green).
/// `width` is the terminal's; color follows the one decision `color::decide` made.
pub fn render_human(a: &str, b: &str, pairs: &[Pair], width: usize, color: bool) -> String {
    let mut out = format!("{} A: {a}\n{} B: {b}\n", "---".red(), "+++".green());
    for p in pairs {
        let title = format!("{}: {}", p.what, p.verdict);
        let title = layout::hanging(&title, width, 0, 2);
        let mark = if p.agree { "=" } else { "≠" };
        out.push_str(&format!("\n{mark} {}\n", title.bold()));
        out.push_str(&pair_sides(p, width, color));
    }
    let differ = pairs.iter().filter(|p| !p.agree).count();
    let one_sided = pairs
        .iter()
        .filter(|p| p.a.is_none() || p.b.is_none())
        .count();
    out.push_str(&format!(
        "\n{} compared: {differ} differ, {} agree, {one_sided} in one document only\n",
        pairs.len(),
        pairs.len() - differ - one_sided,
    ));
    out
}

/// Both sides of one pair under its title: a word diff of the two quotations (or
/// sentences), each sentence whole with its figure marked when they were reworded
/// throughout, or the one side there is.
fn pair_sides(p: &Pair, width: usize, color: bool) -> String {
    let label = |tag: &str, s: &Side| format!("{tag} {}:{}", short(&s.place.file), s.place.line);
    // A quotation is compared word for word; anything else by its sentence.
    let words_only = |s: &Side| p.label == "quote" || p.rule.is_some() && s.speaker.is_some();
    let text = |s: &Side| {
        if words_only(s) {
            s.text.clone()
        } else {
            s.sentence.clone()
        }
    };
    let mut out = String::new();
    match (&p.a, &p.b) {
        (Some(x), Some(y)) if !words_only(x) && !alike(&x.sentence, &y.sentence) => {
            // Sentences reworded throughout: a word diff would mark nearly every
            // word, so each sentence is shown whole with its figure marked.
            for (tag, s, open, close) in [("A", x, "[-", "-]"), ("B", y, "{+", "+}")] {
                let l = label(tag, s);
                let marked = mark_figure(
                    &s.sentence,
                    &s.text,
                    !p.agree,
                    (open, close),
                    tag == "A",
                    color,
                );
                out.push_str(&format!(
                    "  {l}\n    {}\n",
                    layout::hanging(&marked, width, 4, 4)
                ));
            }
        }
        (Some(x), Some(y)) => out.push_str(&human::labelled_diff(
            [
                (label("A", x).as_str(), text(x).as_str(), ChangeTag::Delete),
                (label("B", y).as_str(), text(y).as_str(), ChangeTag::Insert),
            ],
            color,
            width,
        )),
        (Some(x), None) | (None, Some(x)) => {
            let tag = if p.a.is_some() { "A" } else { "B" };
            out.push_str(&format!(
                "  {}  {}\n",
                label(tag, x),
                layout::hanging(&text(x), width, width_label(&label(tag, x)) + 4, 4)
            ));
        }
        (None, None) => {}
    }
    out
}

/// Whether two sentences share at least half their words: worth a word diff.
fn alike(x: &str, y: &str) -> bool {
    let runs = human::word_runs(y, x);
    let count = |tag: ChangeTag| -> usize {
        runs.iter()
            .filter(|(t, _)| *t == tag)
            .map(|(_, s)| s.split_whitespace().count())
            .sum()
    };
    let same = count(ChangeTag::Equal);
    let all = 2 * same + count(ChangeTag::Delete) + count(ChangeTag::Insert);
    all > 0 && 4 * same >= all
}

/// `sentence` with `figure` in it marked: with `open`/`close` when the figures differ
/// and there is no color, in red (A) or green (B) when there is; unmarked when the
/// figures agree.
fn mark_figure(
    sentence: &str,
    figure: &str,
    differ: bool,
    marks: (&str, &str),
    first: bool,
    color: bool,
) -> String {
    let Some(at) = sentence
        .find(figure)
        .filter(|_| differ && !figure.is_empty())
    else {
        return sentence.to_string();
    };
    let (before, after) = (&sentence[..at], &sentence[at + figure.len()..]);
    let marked = match (color, first) {
        (false, _) => format!("{}{figure}{}", marks.0, marks.1),
        (true, true) => figure.red().bold().to_string(),
        (true, false) => figure.green().bold().to_string(),
    };
    format!("{before}{marked}{after}")
}

fn width_label(s: &str) -> usize {
    layout::width(s)
}

/// A path's file name: the header lines give the whole paths.
fn short(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// One self-contained HTML page: per pair, what it is about, the verdict, where
/// each document says it, and a word diff of the two (A's words struck through,
/// B's underlined, each labelled).
pub fn render_html(a: &str, b: &str, pairs: &[Pair]) -> String {
    use super::html::{escape, labelled_diff_html, page_head};
    let mut out = page_head("claimcheck diff");
    out.push_str(&format!(
        "<body>\n<header>\n<h1>claimcheck diff</h1>\n<p>A: <code>{}</code><br>B: <code>{}</code></p>\n</header>\n<main>\n",
        escape(a),
        escape(b)
    ));
    for (i, p) in pairs.iter().enumerate() {
        let class = if p.agree {
            "finding agree"
        } else {
            "finding warning"
        };
        out.push_str(&format!(
            "<article class=\"{class}\" id=\"pair-{i}\">\n<h3>{}: {}</h3>\n<dl>\n",
            escape(&p.what),
            escape(&p.verdict)
        ));
        for (tag, s) in [("A", &p.a), ("B", &p.b)] {
            if let Some(s) = s {
                out.push_str(&format!(
                    "<dt>{tag}</dt><dd><code>{}:{}</code> {}</dd>\n",
                    escape(&s.place.file),
                    s.place.line,
                    escape(&s.sentence)
                ));
            }
        }
        if let (Some(x), Some(y)) = (&p.a, &p.b) {
            let (tx, ty) = if p.label == "quote" || p.rule.is_some() && x.speaker.is_some() {
                (&x.text, &y.text)
            } else {
                (&x.sentence, &y.sentence)
            };
            out.push_str(&format!(
                "<dt>Word diff</dt><dd class=\"diff\">{}</dd>\n",
                labelled_diff_html(ty, tx, "A", "B")
            ));
        }
        out.push_str("</dl>\n</article>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One JSON object: both files and every pair.
pub fn render_json(a: &str, b: &str, pairs: &[Pair]) -> String {
    let side = |s: &Option<Side>| -> Value {
        s.as_ref().map_or(Value::Null, |s| {
            json!({"text": s.text, "line": s.place.line, "column": s.place.column,
                   "end_line": s.place.end_line, "end_column": s.place.end_column,
                   "sentence": s.sentence, "speaker": s.speaker})
        })
    };
    let items: Vec<Value> = pairs
        .iter()
        .map(|p| json!({"label": p.label, "what": p.what, "verdict": p.verdict, "rule": p.rule, "a": side(&p.a), "b": side(&p.b), "agree": p.agree}))
        .collect();
    let differ = pairs.iter().filter(|p| !p.agree).count();
    let v = json!({"version": 1, "a": a, "b": b, "pairs": items, "summary": {"differ": differ, "agree": pairs.len() - differ}});
    let mut s = serde_json::to_string_pretty(&v).expect("pairs serialize");
    s.push('\n');
    s
}
