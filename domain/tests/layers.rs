//! The domain's layers, and the rule between them: a module uses only its own layer and the
//! layers below it, so that a change to a layer cannot break the ones it stands on (the
//! reminders cannot break the penalty engine).
//!
//! The test reads every `.rs` file under `src/<layer>/` and finds each layer it names: `crate::`
//! paths in code (`use` lines, inline paths, grouped `crate::{..}` imports) and in string
//! literals (`#[serde(with = "crate::values::iso_date")]`), and `super::` paths that climb out
//! of their layer. Comments do not count: a comment may say who uses a module.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the bottom up: each may use the ones before it, never the ones after.
const LAYERS: [&str; 7] = [
    "values",
    "model",
    "law",
    "analysis",
    "collection",
    "bank",
    "files",
];

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

/// A layer named by a source file, and where.
#[derive(Debug, PartialEq, Eq)]
struct Reference {
    line: usize,
    layer: String,
    /// The path as written, for the message (`crate::files::snapshot::decode`).
    path: String,
}

/// What a character of the source is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Code,
    Text,
    Comment,
}

/// Classifies each character: code, the inside of a string or character literal, or a
/// comment (line, block or doc).
fn classify(source: &str) -> Vec<(char, Class)> {
    let chars: Vec<char> = source.chars().collect();
    let mut classes = vec![Class::Code; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                classes[i] = Class::Comment;
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i..].starts_with(&['/', '*']) {
                    depth += 1;
                    classes[i] = Class::Comment;
                    classes[i + 1] = Class::Comment;
                    i += 2;
                } else if chars[i..].starts_with(&['*', '/']) {
                    depth -= 1;
                    classes[i] = Class::Comment;
                    classes[i + 1] = Class::Comment;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    classes[i] = Class::Comment;
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(rest) {
            // r"..." or r#"..."#: no escapes, ends at a quote followed by as many hashes.
            let open = 2 + hashes;
            i += open;
            while i < chars.len() {
                if chars[i] == '"' && chars[i + 1..].iter().take(hashes).all(|c| *c == '#') {
                    i += 1 + hashes;
                    break;
                }
                classes[i] = Class::Text;
                i += 1;
            }
        } else if chars[i] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let width = if chars[i] == '\\' { 2 } else { 1 };
                for class in classes.iter_mut().skip(i).take(width) {
                    *class = Class::Text;
                }
                i += width;
            }
            i += 1;
        } else if let Some(width) = char_literal_width(rest) {
            for class in classes.iter_mut().skip(i).take(width) {
                *class = Class::Text;
            }
            i += width;
        } else {
            i += 1;
        }
    }
    chars.into_iter().zip(classes).collect()
}

/// The number of hashes of a raw string starting here (`r"`, `r#"`, `br"`), if one does.
fn raw_string_start(rest: &[char]) -> Option<usize> {
    let rest = rest.strip_prefix(&['b']).unwrap_or(rest);
    let after_r = rest.strip_prefix(&['r'])?;
    let hashes = after_r.iter().take_while(|c| **c == '#').count();
    (after_r.get(hashes) == Some(&'"')).then_some(hashes)
}

/// The width of a character literal starting here (`'{'`, `'\n'`, `'\u{202f}'`); none for a
/// lifetime (`'a`).
fn char_literal_width(rest: &[char]) -> Option<usize> {
    if rest.first() != Some(&'\'') {
        return None;
    }
    if rest.get(1) == Some(&'\\') {
        let close = rest.iter().skip(2).position(|c| *c == '\'')?;
        return Some(close + 3);
    }
    (rest.get(2) == Some(&'\'')).then_some(3)
}

/// A word or a punctuation mark of the code, with its line.
#[derive(Debug)]
struct Token {
    text: String,
    line: usize,
}

/// The code's tokens, comments and literals left out: identifiers, `::`, and single marks.
fn tokens(classified: &[(char, Class)]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < classified.len() {
        let (c, class) = classified[i];
        if class == Class::Code && (c.is_alphanumeric() || c == '_') {
            let start = i;
            while i < classified.len()
                && classified[i].1 == Class::Code
                && (classified[i].0.is_alphanumeric() || classified[i].0 == '_')
            {
                i += 1;
            }
            let text = classified[start..i].iter().map(|(c, _)| c).collect();
            tokens.push(Token { text, line });
            continue;
        }
        if class == Class::Code && c == ':' && classified.get(i + 1) == Some(&(':', Class::Code)) {
            tokens.push(Token {
                text: "::".into(),
                line,
            });
            i += 2;
            continue;
        }
        if class == Class::Code && !c.is_whitespace() {
            tokens.push(Token {
                text: c.to_string(),
                line,
            });
        }
        if c == '\n' {
            line += 1;
        }
        i += 1;
    }
    tokens
}

/// The first segment of each path in a group opening at `tokens[open]` (`{a::b, c, d::{e}}`
/// gives `a`, `c`, `d`), with the index after the group.
fn group_heads(tokens: &[Token], open: usize) -> (Vec<&Token>, usize) {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut expecting_head = true;
    let mut i = open;
    while i < tokens.len() {
        match tokens[i].text.as_str() {
            "{" => {
                depth += 1;
                expecting_head = depth == 1;
            }
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return (heads, i + 1);
                }
            }
            "," => expecting_head = depth == 1,
            _ if expecting_head => {
                heads.push(&tokens[i]);
                expecting_head = false;
            }
            _ => {}
        }
        i += 1;
    }
    (heads, i)
}

/// Every layer a source file names, given the module path of the file
/// (`["model", "ledger"]` for `src/model/ledger.rs`); an error when the scan loses track of
/// the braces, so that a file it misreads cannot pass unseen.
fn references(source: &str, module: &[String]) -> Result<Vec<Reference>, String> {
    let classified = classify(source);
    let mut found = Vec::new();
    // In string literals: attribute paths (`with = "crate::values::iso_date"`).
    let mut line = 1;
    let mut text = String::new();
    let mut text_line = line;
    for &(c, class) in &classified {
        if class == Class::Text {
            if text.is_empty() {
                text_line = line;
            }
            text.push(c);
        } else if !text.is_empty() {
            found.extend(paths_in_text(&text, text_line));
            text.clear();
        }
        if c == '\n' {
            line += 1;
        }
    }
    // In code, with the inline modules (`mod tests { .. }`) `super::` starts from.
    let tokens = tokens(&classified);
    let is = |i: usize, text: &str| tokens.get(i).is_some_and(|t| t.text == text);
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth: usize = 0;
    let mut i = 0;
    while i < tokens.len() {
        if is(i, "mod") && tokens.get(i + 1).is_some() && is(i + 2, "{") {
            inline.push((tokens[i + 1].text.clone(), depth + 1));
        }
        if is(i, "{") {
            depth += 1;
        } else if is(i, "}") {
            inline.retain(|(_, at)| *at < depth);
            depth = depth
                .checked_sub(1)
                .ok_or(format!("a `}}` closes nothing at line {}", tokens[i].line))?;
        }
        let start = i;
        if is(i, "crate") && is(i + 1, "::") {
            i += 2;
        } else if is(i, "super") && is(i + 1, "::") {
            let mut climbed = 0;
            while is(i, "super") && is(i + 1, "::") {
                climbed += 1;
                i += 2;
            }
            if climbed < module.len() + inline.len() {
                // Still inside the layer: whatever follows is one of its modules.
                continue;
            }
        } else {
            i += 1;
            continue;
        }
        // At the crate's root: what follows, or each path of a group, starts with a layer.
        let prefix: String = tokens[start..i].iter().map(|t| t.text.as_str()).collect();
        if is(i, "{") {
            let (heads, after) = group_heads(&tokens, i);
            i = after;
            for head in heads.into_iter().filter(|h| rank(&h.text).is_some()) {
                found.push(Reference {
                    line: head.line,
                    layer: head.text.clone(),
                    path: format!("{prefix}{{{}::..}}", head.text),
                });
            }
        } else if let Some(head) = tokens.get(i).filter(|h| rank(&h.text).is_some()) {
            // The whole path, for the message: `crate::files::snapshot::decode`.
            let mut path = format!("{prefix}{}", head.text);
            i += 1;
            while is(i, "::") && tokens.get(i + 1).is_some_and(|t| t.text != "{") {
                path.push_str("::");
                path.push_str(&tokens[i + 1].text);
                i += 2;
            }
            found.push(Reference {
                line: head.line,
                layer: head.text.clone(),
                path,
            });
        }
    }
    if depth != 0 {
        return Err(format!("{depth} `{{` never closed"));
    }
    found.sort_by_key(|r| r.line);
    Ok(found)
}

/// `crate::<layer>` paths inside a string literal.
fn paths_in_text(text: &str, first_line: usize) -> Vec<Reference> {
    let mut found = Vec::new();
    for (offset, _) in text.match_indices("crate::") {
        let path: String = text[offset..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let layer = path["crate::".len()..]
            .split("::")
            .next()
            .unwrap_or_default();
        if rank(layer).is_some() {
            found.push(Reference {
                line: first_line + text[..offset].matches('\n').count(),
                layer: layer.to_string(),
                path,
            });
        }
    }
    found
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// The module a file holds, from `src`: `model/ledger.rs` is `model::ledger`, `bank/mod.rs`
/// is `bank`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().expect("a file name");
    if file != "mod.rs" {
        parts.push(file.trim_end_matches(".rs").to_string());
    }
    parts
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_module_lives_in_a_layer_and_lib_declares_the_layers_in_order() {
    let mut strays = Vec::new();
    for entry in fs::read_dir(src()).expect("domain/src") {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let in_a_layer = path.is_dir() && rank(&name).is_some();
        if !in_a_layer && name != "lib.rs" {
            strays.push(name);
        }
    }
    strays.sort();
    assert!(
        strays.is_empty(),
        "outside the layer folders {LAYERS:?}: {strays:?}"
    );
    let lib = fs::read_to_string(src().join("lib.rs")).expect("lib.rs");
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("pub mod "))
        .map(|rest| rest.trim_end_matches(';'))
        .collect();
    assert_eq!(
        declared, LAYERS,
        "lib.rs declares the layers, bottom up, and nothing else"
    );
}

#[test]
fn a_layer_uses_only_itself_and_the_layers_below() {
    let src = src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut upward = Vec::new();
    let mut seen = 0;
    for path in files {
        let relative = path.strip_prefix(&src).expect("under src");
        let module = module_of(relative);
        let Some(own) = module.first().and_then(|layer| rank(layer)) else {
            continue;
        };
        let source = fs::read_to_string(&path).expect("a readable source file");
        let found = references(&source, &module)
            .unwrap_or_else(|e| panic!("src/{}: {e}", relative.display()));
        for reference in found {
            seen += 1;
            if rank(&reference.layer).is_some_and(|used| used > own) {
                upward.push(format!(
                    "src/{}:{}: `{}`: {} may not use {}, a layer above it",
                    relative.display(),
                    reference.line,
                    reference.path,
                    LAYERS[own],
                    reference.layer,
                ));
            }
        }
    }
    // A scanner that found nothing would pass whatever the code does.
    assert!(
        seen > 100,
        "only {seen} layer references found: the scan is broken"
    );
    assert!(
        upward.is_empty(),
        "imports that go up the layers {LAYERS:?}:\n{}",
        upward.join("\n")
    );
}

fn layers_named(source: &str, module: &[&str]) -> Vec<(usize, String)> {
    let module: Vec<String> = module.iter().map(|m| m.to_string()).collect();
    references(source, &module)
        .expect("balanced braces")
        .into_iter()
        .map(|r| (r.line, r.path))
        .collect()
}

#[test]
fn the_scan_finds_every_way_of_naming_a_layer() {
    let source = r##"//! Mentions crate::files in a comment: not a use.
use crate::model::ledger::Ledger;
use crate::{values::money, files::snapshot::{self, decode}};
use super::super::collection::reminder;
/* crate::bank in a block comment */
#[serde(with = "crate::values::iso_date")]
fn f() -> char {
    let _ = crate::analysis::aging::report;
    let _ = "not a path: crate::nothing";
    '{'
}
mod tests {
    use super::*;
    use super::super::super::law::penalty;
}
"##;
    assert_eq!(
        layers_named(source, &["model", "ledger"]),
        vec![
            (2, "crate::model::ledger::Ledger".to_string()),
            (3, "crate::{values::..}".to_string()),
            (3, "crate::{files::..}".to_string()),
            (4, "super::super::collection::reminder".to_string()),
            (6, "crate::values::iso_date".to_string()),
            (8, "crate::analysis::aging::report".to_string()),
            (14, "super::super::super::law::penalty".to_string()),
        ]
    );
}

#[test]
fn super_within_the_layer_is_not_a_layer() {
    // `super::super` from `bank/read/ofx.rs` is `bank`: whatever follows is a bank module,
    // even one named like a layer.
    let source = "use super::super::statement::Line;\nuse super::files::x;\n";
    assert!(layers_named(source, &["bank", "read", "ofx"]).is_empty());
}
