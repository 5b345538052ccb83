//! Names the place in a JSON text where serde_json stopped reading, as a path such as
//! `ledger.invoices[3].details.issue_date`: what [`crate::files::snapshot`] reports when a
//! value of a stored document does not read.
//!
//! serde_json's errors give a line and a column, not a path. Asking serde for the path while
//! reading (a path-tracking deserializer) would compile every type's reader a second time into
//! the wasm bundle; finding it afterwards from the position takes one scan of the text up to
//! that position, and only when a document is refused.

/// The path of the innermost value at a position given as serde_json gives it: `line` from 1,
/// `column` the bytes read on that line, so the position is where reading stopped.
///
/// serde_json stops just after what it complains about: a value of the wrong kind or content
/// (the path of that value), an object that lacks a field (its closing brace: the object), an
/// unknown field or variant (its key: the member it names). An object or a list that it
/// refuses without reading it is reported at its start: the path of that value. A value
/// checked after it is read (`#[serde(try_from)]`, an internally tagged enum) has no position
/// of its own: serde_json places its error after the whitespace that follows it, so it is
/// named when a comma follows it, and its parent is named when it is the last member.
///
/// The root is the empty path; keys are written as they are in the text (escapes kept).
/// Any text and position give a path, without panicking, even when the text is not JSON.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    match target_byte(bytes, byte_index(bytes, line, column)) {
        Some(target) => path_of_byte(text, target),
        None => String::new(),
    }
}

/// The byte offset of a line and column (both as serde_json counts them), at most the length.
fn byte_index(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = match line.checked_sub(2) {
        None => 0,
        Some(newlines_before) => bytes
            .iter()
            .enumerate()
            .filter(|(_, &byte)| byte == b'\n')
            .nth(newlines_before)
            .map_or(bytes.len(), |(at, _)| at + 1),
    };
    line_start.saturating_add(column).min(bytes.len())
}

fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// The byte whose place names the position: the start of an object or list reported before
/// it was read, else the last byte read, whitespace aside. None before any such byte.
fn target_byte(bytes: &[u8], index: usize) -> Option<usize> {
    let last_read = bytes
        .get(..index)?
        .iter()
        .rposition(|&byte| !is_whitespace(byte));
    let after_separator = last_read.is_none_or(|at| matches!(bytes[at], b':' | b',' | b'['));
    match bytes.get(index) {
        Some(b'{' | b'[') if after_separator => Some(index),
        _ => last_read,
    }
}

/// An object or a list being scanned, with the member or item the scan is in.
enum Frame<'a> {
    Object {
        /// The key of the current member; None before the first key.
        key: Option<&'a str>,
        /// Whether the next string is a key (after `{` or `,`) rather than a value.
        expects_key: bool,
    },
    List {
        index: usize,
    },
}

/// The path of the value that owns the byte at `target`: a byte of a value (a key names its
/// member) is that value's; a comma is its object's or list's; a brace or bracket is the
/// object's or list's it opens or closes.
fn path_of_byte(text: &str, target: usize) -> String {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at <= target && at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let end = string_end(bytes, at);
                if let Some(Frame::Object { key, expects_key }) = frames.last_mut() {
                    if *expects_key {
                        *key = text.get(at + 1..end);
                        *expects_key = false;
                    }
                }
                if target <= end {
                    return path(&frames);
                }
                at = end;
            }
            b'{' | b'[' if at == target => return path(&frames),
            b'{' => frames.push(Frame::Object {
                key: None,
                expects_key: true,
            }),
            b'[' => frames.push(Frame::List { index: 0 }),
            b'}' | b']' | b',' if at == target => return container_path(&frames),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { expects_key, .. }) => *expects_key = true,
                Some(Frame::List { index }) => *index += 1,
                None => {}
            },
            _ if at == target => return path(&frames),
            _ => {}
        }
        at += 1;
    }
    path(&frames)
}

/// The index of the quote that closes the string opening at `start`, or the text's length
/// when it is not closed.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// The path of the member or item the innermost frame is in.
fn path(frames: &[Frame]) -> String {
    let mut out = String::new();
    for frame in frames {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::List { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// The path of the innermost object or list itself.
fn container_path(frames: &[Frame]) -> String {
    path(frames.split_last().map_or(&[], |(_, outer)| outer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The path at the byte offset of the first occurrence of `marker` plus `shift`, on
    /// one line, as if serde_json stopped reading there.
    fn path_after(text: &str, marker: &str, shift: usize) -> String {
        let at = text.find(marker).expect("the marker is in the text") + shift;
        path_at(text, 1, at)
    }

    #[test]
    fn a_value_in_nested_lists_is_named_with_its_indices() {
        let text = r#"{"a":[[1,2],[3,{"b":[true,"x"]}]]}"#;
        assert_eq!(path_after(text, "\"x\"", 3), "a[1][1].b[1]");
        assert_eq!(path_after(text, "3", 1), "a[1][0]");
        assert_eq!(path_after(text, "2", 1), "a[0][1]");
    }

    #[test]
    fn quotes_braces_and_commas_in_strings_are_text() {
        let text = r#"{"a":"say \"}],{\" twice\\","b":{"c":"\\"},"d":1}"#;
        assert_eq!(path_after(text, "1", 1), "d");
        assert_eq!(path_after(text, "twice", 2), "a");
        assert_eq!(path_after(text, "\"c\"", 7), "b.c");
    }

    #[test]
    fn a_closing_brace_names_the_object_it_closes() {
        // Where serde_json reports a missing field: just after the object's closing brace.
        let text = "{\"list\": [\n  {\"id\": 1},\n  {\"id\": 2, \"x\": {}}\n]}";
        assert_eq!(path_after(text, "2, \"x\": {}}", 12), "list[1]");
        assert_eq!(path_after(text, "{}", 2), "list[1].x");
        assert_eq!(path_after(text, "]", 1), "list");
        assert_eq!(path_at(text, 4, 2), "");
    }

    #[test]
    fn a_key_names_its_member() {
        // Where serde_json reports an unknown field or a duplicate one: just after its key.
        let text = r#"{"a": {"known": 1, "odd\"key": 2}}"#;
        assert_eq!(path_after(text, "\"known\"", 7), "a.known");
        assert_eq!(path_after(text, "\"odd", 10), "a.odd\\\"key");
        assert_eq!(path_after(text, "\"odd", 3), "a.odd\\\"key");
    }

    #[test]
    fn an_object_or_list_refused_unread_is_named_at_its_start() {
        // "invalid type: map" is reported before the map is read, after the colon or comma.
        let text = "{\"a\": {\"b\": 1}, \"c\": [{}, [2]]}";
        assert_eq!(path_after(text, "{\"b\"", 0), "a");
        assert_eq!(path_after(text, "[{}", 0), "c");
        assert_eq!(path_after(text, "{}", 0), "c[0]");
        assert_eq!(path_after(text, "[2]", 0), "c[1]");
        assert_eq!(path_at(text, 1, 0), "");
    }

    #[test]
    fn columns_count_bytes_as_serde_json_does() {
        #[derive(serde::Deserialize, Debug)]
        struct Inner {
            #[allow(dead_code)]
            a: u8,
        }
        // Counted in characters, the column would land two bytes early, on the colon.
        let text = "{\"é\":{\"é\":1}}";
        let error =
            serde_json::from_str::<std::collections::HashMap<String, Inner>>(text).unwrap_err();
        assert_eq!((error.line(), error.column()), (1, 14));
        assert_eq!(path_at(text, error.line(), error.column()), "é");
        let lines = "{\n  \"a\": {\n    \"date\": \"15/03\"\n  }\n}";
        assert_eq!(path_at(lines, 3, 19), "a.date");
        assert_eq!(path_at(lines, 4, 3), "a");
    }

    proptest! {
        // Guards against a panic while naming the place of an error in a damaged file: the
        // path finder reads any text at any position.
        #[test]
        fn json_like_text_at_any_position_gives_a_path(
            text in r#"[\[\]{}",:\\ a0é\n]{0,40}"#,
            line in 0usize..6,
            column in 0usize..60,
        ) {
            path_at(&text, line, column);
        }

        #[test]
        fn any_text_at_any_position_gives_a_path(
            text in any::<String>(),
            line in any::<usize>(),
            column in any::<usize>(),
        ) {
            path_at(&text, line, column);
        }
    }
}
