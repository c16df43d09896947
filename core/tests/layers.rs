//! The core's layers, checked from its source: every `use crate::…`, `use super::…` and
//! inline `crate::…` path in `core/src` (tests and comments aside) must point to the same
//! layer or a lower one, and no module may reach itself through others (no loops).
//!
//! The layers, lowest first (ARCHITECTURE.md draws them):
//! `model`, `paths`, `environment` → `read`, `labels` → `schedule`, `extract`, `error` → `store` → `plan` →
//! `intake`, `export`.
//! A path is followed through `pub use` re-exports to the file that defines the item, so a
//! loop cannot hide behind a `mod.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use regex::Regex;

/// Each top-level module's layer; a module may import from its own layer's module or a
/// lower layer, never from a higher one or a sibling of the same layer.
const LAYERS: &[(&str, u8)] = &[
    ("model", 0),
    ("paths", 0),
    ("environment", 0),
    ("similarity", 0),
    ("read", 1),
    ("labels", 1),
    ("error", 2),
    ("schedule", 2),
    ("extract", 2),
    ("store", 3),
    ("plan", 4),
    ("intake", 5),
    ("export", 5),
    ("team", 5),
];

fn layer(top: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(m, _)| *m == top)
        .unwrap_or_else(|| {
            panic!("module `{top}` has no layer: add it to LAYERS and ARCHITECTURE.md")
        })
        .1
}

/// A module: `["plan", "actions"]`; the crate root is `[]`.
type ModPath = Vec<String>;

struct Crate {
    /// Every module file's code (comments and tests left out), by module path.
    files: BTreeMap<ModPath, String>,
}

impl Crate {
    fn load() -> Crate {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = BTreeMap::new();
        let mut stack = vec![src.clone()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                let rel = path.strip_prefix(&src).unwrap().to_path_buf();
                if rel.starts_with("bin") {
                    continue; // the CLI is a client of the library, above every layer
                }
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.insert(
                        mod_path(&rel),
                        code_only(&fs::read_to_string(&path).unwrap()),
                    );
                }
            }
        }
        Crate { files }
    }

    fn is_mod(&self, m: &ModPath) -> bool {
        self.files.contains_key(m)
    }

    /// The module file that defines `path` (a full path from the crate root), following
    /// `pub use` re-exports.
    fn resolve(&self, path: &[String], depth: u8) -> ModPath {
        let mut m: ModPath = Vec::new();
        let mut rest = path;
        while let Some((first, tail)) = rest.split_first() {
            let mut next = m.clone();
            next.push(first.clone());
            if !self.is_mod(&next) {
                break;
            }
            m = next;
            rest = tail;
        }
        if let (Some(item), true) = (rest.first(), depth < 8) {
            for target in reexports(&m, &self.files[&m], |p| self.is_mod(p)) {
                if target.last() == Some(item) {
                    let mut full = target.clone();
                    full.extend(rest[1..].iter().cloned());
                    return self.resolve(&full, depth + 1);
                }
            }
        }
        m
    }

    /// Every module each file imports from (itself and the crate root left out).
    fn edges(&self) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
        let mut out = BTreeMap::new();
        for (m, code) in &self.files {
            if m.is_empty() {
                continue; // lib.rs declares and re-exports; it is above every layer
            }
            let to = paths_in(code)
                .iter()
                .filter_map(|raw| absolute(m, raw, |p| self.is_mod(p)))
                .map(|path| self.resolve(&path, 0))
                .filter(|t| !t.is_empty() && t != m)
                .collect();
            out.insert(m.clone(), to);
        }
        out
    }
}

fn mod_path(rel: &Path) -> ModPath {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The file's code without its test module (tests may build fixtures from any layer) and
/// without comments (doc links name other layers on purpose).
fn code_only(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path in `code` that may name a module of the crate, as written: each leaf of a
/// `use` tree, and each inline `a::b` path (`crate::…`, `super::…`, or a child module's).
fn paths_in(code: &str) -> Vec<String> {
    let use_stmt = Regex::new(r"(?m)^\s*(?:pub(?:\([a-z]+\))?\s+)?use\s+([^;]*);").unwrap();
    let mut out: Vec<String> = use_stmt
        .captures_iter(code)
        .flat_map(|c| expand(&c[1]))
        .collect();
    let without_uses = use_stmt.replace_all(code, "");
    let inline = Regex::new(r"\b[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+").unwrap();
    out.extend(
        inline
            .find_iter(&without_uses)
            .map(|p| p.as_str().to_string()),
    );
    out
}

/// `pub use` re-exports in module `m`, as full paths from the crate root.
fn reexports(m: &ModPath, code: &str, is_mod: impl Fn(&ModPath) -> bool) -> Vec<Vec<String>> {
    let re = Regex::new(r"(?m)^\s*pub(?:\([a-z]+\))?\s+use\s+([^;]*);").unwrap();
    re.captures_iter(code)
        .flat_map(|c| expand(&c[1]))
        .filter_map(|leaf| absolute(m, &leaf, &is_mod))
        .collect()
}

/// The leaves of a use tree: `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let renamed = Regex::new(r"\s+as\s+[A-Za-z0-9_]+").unwrap();
    let tree: String = renamed.replace_all(tree, "").split_whitespace().collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let close = tree.rfind('}').filter(|c| *c > open).unwrap_or(tree.len());
    let inner = &tree[open + 1..close];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| {
            expand(p).into_iter().map(move |leaf| {
                if leaf == "self" {
                    prefix.trim_end_matches("::").to_string()
                } else {
                    format!("{prefix}{leaf}")
                }
            })
        })
        .collect()
}

/// A path as written in module `m` made absolute (from the crate root); `None` for a path
/// into another crate or to an item of `m` itself. `is_mod` says which modules exist, to
/// tell `child::f` (a child module) from `Enum::Variant` or `std::fs`.
fn absolute(m: &ModPath, path: &str, is_mod: impl Fn(&ModPath) -> bool) -> Option<Vec<String>> {
    let mut segs = path.split("::").map(str::to_string);
    let first = segs.next()?;
    let mut base = match first.as_str() {
        "crate" => Vec::new(),
        "self" => m.clone(),
        "super" => m[..m.len().checked_sub(1)?].to_vec(),
        child => {
            let mut c = m.clone();
            c.push(child.to_string());
            if !is_mod(&c) {
                return None;
            }
            c
        }
    };
    for s in segs {
        match s.as_str() {
            "super" => {
                base.pop();
            }
            "*" | "self" => {}
            _ => base.push(s),
        }
    }
    Some(base)
}

fn show(m: &ModPath) -> String {
    m.join("::")
}

#[test]
fn imports_run_down_the_layers_only() {
    let mut wrong = Vec::new();
    for (from, tos) in Crate::load().edges() {
        for to in tos {
            let (a, b) = (&from[0], &to[0]);
            if a != b && layer(b) >= layer(a) {
                wrong.push(format!(
                    "{} (layer {}) imports {} (layer {})",
                    show(&from),
                    layer(a),
                    show(&to),
                    layer(b)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_module_reaches_itself() {
    // Depth-first; the modules on the stack are the loop when one comes back round.
    fn visit(
        m: &ModPath,
        edges: &BTreeMap<ModPath, BTreeSet<ModPath>>,
        done: &mut BTreeSet<ModPath>,
        stack: &mut Vec<ModPath>,
        loops: &mut Vec<String>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(i) = stack.iter().position(|s| s == m) {
            let mut cycle: Vec<String> = stack[i..].iter().map(show).collect();
            cycle.push(show(m));
            loops.push(cycle.join(" → "));
            return;
        }
        stack.push(m.clone());
        for to in edges.get(m).into_iter().flatten() {
            visit(to, edges, done, stack, loops);
        }
        stack.pop();
        done.insert(m.clone());
    }
    let edges = Crate::load().edges();
    let (mut done, mut loops) = (BTreeSet::new(), Vec::new());
    for m in edges.keys() {
        visit(m, &edges, &mut done, &mut Vec::new(), &mut loops);
    }
    assert!(loops.is_empty(), "module loops:\n{}", loops.join("\n"));
}

/// The checker itself finds what it is there to find.
#[test]
fn the_checker_sees_use_trees_reexports_and_inline_paths() {
    let m: ModPath = vec!["plan".into(), "actions".into()];
    let any = |_: &ModPath| true;
    let mut got: Vec<Vec<String>> = paths_in(
        "use super::{history, settings::{a, b}};\nuse crate::model::Rag as R;\nfn f() { crate::store::new_id(); }",
    )
    .iter()
    .filter_map(|p| absolute(&m, p, any))
    .collect();
    got.sort();
    let want: Vec<Vec<String>> = [
        "model::Rag",
        "plan::history",
        "plan::settings::a",
        "plan::settings::b",
        "store::new_id",
    ]
    .iter()
    .map(|p| p.split("::").map(str::to_string).collect())
    .collect();
    assert_eq!(got, want);
    let model: ModPath = vec!["model".into()];
    assert_eq!(
        reexports(&model, "pub use status::{ActionStatus, Rag};", any),
        vec![
            vec!["model".to_string(), "status".into(), "ActionStatus".into()],
            vec!["model".to_string(), "status".into(), "Rag".into()],
        ]
    );
    // A path into another crate names none of the crate's modules.
    assert_eq!(absolute(&m, "std::fs::read", |_| false), None);
    // On the real crate: imports through re-exports land on the defining file.
    let edges = Crate::load().edges();
    let from_actions = &edges[&m];
    for want in [
        ["store", "actions"],
        ["model", "status"],
        ["schedule", "rag"],
    ] {
        let want: ModPath = want.iter().map(|s| s.to_string()).collect();
        assert!(
            from_actions.contains(&want),
            "plan::actions → {want:?}: {from_actions:?}"
        );
    }
}
