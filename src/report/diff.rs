//! Rendering `claimcheck diff`: a unified view of what two documents say.

use colored::Colorize;
use serde_json::{Value, json};

use crate::diff::{Pair, Side};

/// The unified, colored view: one block per pair, `-` the first document's words
/// with its line, `+` the second's, and `=` for pairs that agree.
/// Color follows the one decision `color::decide` made for the run.
pub fn render_human(a: &str, b: &str, pairs: &[Pair]) -> String {
    let mut out = format!("{} {a}\n{} {b}\n", "---".red(), "+++".green());
    let line = |s: &Option<Side>| {
        s.as_ref()
            .map_or(String::new(), |s| s.place.line.to_string())
    };
    for p in pairs {
        let rule = p
            .rule
            .as_ref()
            .map(|r| format!(" (rule: {r})"))
            .unwrap_or_default();
        out.push_str(&format!("\n{}{}\n", p.label.bold(), rule));
        let (la, lb) = (line(&p.a), line(&p.b));
        match (&p.a, &p.b) {
            (Some(x), Some(y)) if p.agree => {
                out.push_str(&format!("  = {la:>4} {lb:>4}  {}\n", x.text));
                if x.text != y.text {
                    out.push_str(&format!("              {}\n", y.text.dimmed()));
                }
            }
            _ => {
                let a_text = p.a.as_ref().map_or("(nothing)", |x| x.text.as_str());
                let b_text = p.b.as_ref().map_or("(nothing)", |y| y.text.as_str());
                out.push_str(&format!(
                    "{}\n",
                    format!("  - {la:>4} {:>4}  {a_text}", "").red()
                ));
                out.push_str(&format!(
                    "{}\n",
                    format!("  + {:>4} {lb:>4}  {b_text}", "").green()
                ));
            }
        }
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

/// One JSON object: both files and every pair.
pub fn render_json(a: &str, b: &str, pairs: &[Pair]) -> String {
    let side = |s: &Option<Side>| -> Value {
        s.as_ref().map_or(Value::Null, |s| {
            json!({"text": s.text, "line": s.place.line, "column": s.place.column,
                   "end_line": s.place.end_line, "end_column": s.place.end_column})
        })
    };
    let items: Vec<Value> = pairs
        .iter()
        .map(|p| json!({"label": p.label, "rule": p.rule, "a": side(&p.a), "b": side(&p.b), "agree": p.agree}))
        .collect();
    let differ = pairs.iter().filter(|p| !p.agree).count();
    let v = json!({"version": 1, "a": a, "b": b, "pairs": items, "summary": {"differ": differ, "agree": pairs.len() - differ}});
    let mut s = serde_json::to_string_pretty(&v).expect("pairs serialize");
    s.push('\n');
    s
}
