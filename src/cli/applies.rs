//! For `claimcheck config`: the rule files that apply and the claims in each, as
//! YAML comments under the configuration, so the output stays valid YAML.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::rules;

/// The comment block naming the rules `config` applies: its `rules`, else the
/// nearest `rules/` folder from `cwd` up (as `check` looks for it).
pub fn rules_comment(config: &Config, cwd: &Path) -> String {
    let (roots, origin): (Vec<PathBuf>, &str) = if config.rules.is_empty() {
        let nearest = cwd
            .ancestors()
            .map(|d| d.join("rules"))
            .find(|p| p.is_dir());
        (nearest.into_iter().collect(), "the nearest rules/ folder")
    } else {
        (config.rules.clone(), "this configuration's rules")
    };
    let mut out = format!("# Rules that apply ({origin}):\n");
    if roots.is_empty() {
        out.push_str("#   none found: pass --rules PATH, or add a rules/ folder\n");
    }
    for root in roots {
        let files = rules::rule_files(&root).unwrap_or_default();
        if files.is_empty() {
            out.push_str(&format!("#   {}: no rule files\n", shown(&root, cwd)));
        }
        for file in files {
            let name = shown(&file, cwd);
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let line = match rules::parse(&[(name.clone(), text)]) {
                Ok(set) => {
                    let ids: Vec<&str> = set.claims.iter().map(|c| c.id.as_str()).collect();
                    format!("#   {name}: {}\n", ids.join(", "))
                }
                Err(e) => format!(
                    "#   {name}: does not load ({} problems; `claimcheck rules check`)\n",
                    e.0.len()
                ),
            };
            out.push_str(&line);
        }
    }
    out
}

fn shown(path: &Path, cwd: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}
