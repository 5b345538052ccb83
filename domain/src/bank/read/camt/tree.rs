//! A camt file parsed into a flat tree of elements, each with its text and the line it starts
//! on. The readers of entries then look fields up by path instead of following the stream.
//!
//! The tree is an arena (elements refer to their children by index) so that neither building
//! nor dropping it recurses: an outside file nesting a million elements cannot overflow the
//! stack. Names are local names, so `<ns2:Ntry>` and `<Ntry>` are the same element.

use crate::bank::statement::FileProblem;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// One element: its local name, its own text (the text of its children is theirs), the `Ccy`
/// attribute amounts carry, and the line of its start tag.
pub(super) struct Element {
    pub name: String,
    pub text: String,
    pub ccy: String,
    pub line: usize,
    children: Vec<usize>,
}

pub(super) struct Tree {
    elements: Vec<Element>,
    /// The namespace the root element is in (`urn:iso:std:iso:20022:tech:xsd:camt.053.001.02`),
    /// empty when it declares none.
    pub namespace: String,
}

/// The root element's index: the first one parsed.
pub(super) const ROOT: usize = 0;

/// Counts lines as the reader moves on, so that each position costs only the bytes since the
/// last one.
struct Lines<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line (from 1) of the byte at `position`; positions only move forward.
    fn at(&mut self, position: u64) -> usize {
        let position = usize::try_from(position)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        if position > self.counted_to {
            self.line += self.bytes[self.counted_to..position]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.counted_to = position;
        }
        self.line
    }
}

fn malformed(line: usize, detail: impl Into<String>) -> FileProblem {
    FileProblem::Malformed {
        line,
        detail: detail.into(),
    }
}

impl Tree {
    /// Parses the whole text, or refuses it at the first line where the XML breaks, unclosed
    /// elements at the end included: a truncated file is refused, never half read.
    pub fn parse(text: &str) -> Result<Tree, FileProblem> {
        let mut reader = Reader::from_str(text);
        // Text is not trimmed by the reader: it would also trim around `&amp;`, turning
        // `DUPONT &amp; FILS` into `DUPONT&FILS`. Values are trimmed and collapsed when used.
        reader.config_mut().trim_text(false);
        let mut lines = Lines {
            bytes: text.as_bytes(),
            counted_to: 0,
            line: 1,
        };
        let mut tree = Tree {
            elements: Vec::new(),
            namespace: String::new(),
        };
        let mut open: Vec<usize> = Vec::new();
        loop {
            let before = reader.buffer_position();
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    let line = lines.at(reader.error_position());
                    return Err(malformed(line, error.to_string()));
                }
            };
            match event {
                Event::Start(start) | Event::Empty(start)
                    if open.is_empty() && !tree.elements.is_empty() =>
                {
                    let line = lines.at(before + 1);
                    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                    return Err(malformed(line, format!("a second root element <{name}>")));
                }
                Event::Start(start) => {
                    let index = tree.push(&start, &mut lines, before, open.last().copied())?;
                    open.push(index);
                }
                Event::Empty(start) => {
                    tree.push(&start, &mut lines, before, open.last().copied())?;
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::Text(content) => {
                    let content = content
                        .decode()
                        .map_err(|error| malformed(lines.at(before), error.to_string()))?;
                    tree.append_text(open.last().copied(), &content);
                }
                Event::CData(content) => {
                    let content = content
                        .decode()
                        .map_err(|error| malformed(lines.at(before), error.to_string()))?;
                    tree.append_text(open.last().copied(), &content);
                }
                Event::GeneralRef(reference) => {
                    let line = lines.at(before);
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => {
                            let name = reference
                                .decode()
                                .map_err(|error| malformed(line, error.to_string()))?;
                            match resolve_predefined_entity(&name) {
                                Some(value) => value.to_owned(),
                                None => {
                                    return Err(malformed(line, format!("unknown entity &{name};")))
                                }
                            }
                        }
                        Err(error) => return Err(malformed(line, error.to_string())),
                    };
                    tree.append_text(open.last().copied(), &resolved);
                }
                Event::Eof => break,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
        if let Some(&unclosed) = open.last() {
            let line = lines.at(reader.buffer_position());
            let name = &tree.elements[unclosed].name;
            return Err(malformed(
                line,
                format!("<{name}> not closed before the end of the file"),
            ));
        }
        if tree.elements.is_empty() {
            return Err(malformed(
                lines.at(reader.buffer_position()),
                "no XML element",
            ));
        }
        Ok(tree)
    }

    fn push(
        &mut self,
        start: &BytesStart<'_>,
        lines: &mut Lines<'_>,
        before: u64,
        parent: Option<usize>,
    ) -> Result<usize, FileProblem> {
        // `before` is where the previous event ended: the tag's `<` is at or after it, and a
        // tag's own line is the one its name is on, so count up to the end of the name.
        let name_end = before + 1 + start.name().as_ref().len() as u64;
        let line = lines.at(name_end);
        let root_prefix_key = match start.name().prefix() {
            Some(prefix) => [b"xmlns:".as_slice(), prefix.as_ref()].concat(),
            None => b"xmlns".to_vec(),
        };
        let mut ccy = String::new();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|error| malformed(line, error.to_string()))?;
            let key = attribute.key.as_ref();
            let is_ccy = attribute.key.local_name().as_ref() == b"Ccy";
            let is_root_namespace = self.elements.is_empty() && key == root_prefix_key.as_slice();
            if is_ccy || is_root_namespace {
                let value = attribute
                    .unescape_value()
                    .map_err(|error| malformed(line, error.to_string()))?;
                if is_ccy {
                    ccy = value.trim().to_ascii_uppercase();
                } else {
                    self.namespace = value.trim().to_owned();
                }
            }
        }
        let index = self.elements.len();
        self.elements.push(Element {
            name: String::from_utf8_lossy(start.local_name().as_ref()).into_owned(),
            text: String::new(),
            ccy,
            line,
            children: Vec::new(),
        });
        if let Some(parent) = parent {
            self.elements[parent].children.push(index);
        }
        Ok(index)
    }

    fn append_text(&mut self, element: Option<usize>, content: &str) {
        // Text outside the root (whitespace between the declaration and it) belongs to nobody.
        if let Some(element) = element {
            self.elements[element].text.push_str(content);
        }
    }

    pub fn element(&self, index: usize) -> &Element {
        &self.elements[index]
    }

    /// The children of `parent` named `name`, in file order.
    pub fn children<'t>(
        &'t self,
        parent: usize,
        name: &'t str,
    ) -> impl Iterator<Item = usize> + 't {
        self.elements[parent]
            .children
            .iter()
            .copied()
            .filter(move |&child| self.elements[child].name == name)
    }

    /// The first element down the path of names from `from`, if any.
    pub fn find(&self, from: usize, path: &[&str]) -> Option<usize> {
        path.iter()
            .try_fold(from, |at, name| self.children(at, name).next())
    }

    /// The text at the end of the path, trimmed; None when the element is missing or blank.
    pub fn text(&self, from: usize, path: &[&str]) -> Option<&str> {
        let text = self.elements[self.find(from, path)?].text.trim();
        (!text.is_empty()).then_some(text)
    }

    /// The text of the first path that has one.
    pub fn first_text(&self, from: usize, paths: &[&[&str]]) -> Option<&str> {
        paths.iter().find_map(|path| self.text(from, path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_know_their_line_and_local_name() {
        // Guards against lines counted from the end of the previous event (the whitespace
        // before a tag spans lines) and against prefixes breaking path lookups.
        let tree = Tree::parse(
            "<?xml version=\"1.0\"?>\n<a:Doc xmlns:a=\"urn:x\">\n\n  <a:Ntry>\n    <a:Amt Ccy=\"eur\">1.00</a:Amt>\n  </a:Ntry>\n</a:Doc>\n",
        )
        .unwrap();
        assert_eq!(tree.namespace, "urn:x");
        let entry = tree.find(ROOT, &["Ntry"]).unwrap();
        assert_eq!(tree.element(entry).line, 4);
        let amount = tree.find(entry, &["Amt"]).unwrap();
        assert_eq!(tree.element(amount).line, 5);
        assert_eq!(tree.element(amount).ccy, "EUR");
        assert_eq!(tree.text(entry, &["Amt"]), Some("1.00"));
    }

    #[test]
    fn entities_keep_the_spaces_around_them() {
        // Guards against trimmed text events gluing `DUPONT &amp; FILS` into `DUPONT&FILS`.
        let tree = Tree::parse("<D><Nm>DUPONT &amp; FILS &#233;</Nm></D>").unwrap();
        assert_eq!(tree.text(ROOT, &["Nm"]), Some("DUPONT & FILS é"));
    }

    #[test]
    fn broken_xml_is_refused_at_its_line() {
        // Guards against a truncated or mismatched file being half read.
        let unclosed = Tree::parse("<D>\n<Ntry>\n<Amt>1</Amt>\n");
        assert!(matches!(
            unclosed,
            Err(FileProblem::Malformed { line: 4, .. })
        ));
        let mismatched = Tree::parse("<D>\n<Ntry>\n</Amt>\n</D>");
        assert!(matches!(
            mismatched,
            Err(FileProblem::Malformed { line: 3, .. })
        ));
        let entity = Tree::parse("<D>\n<Nm>&foo;</Nm></D>");
        assert!(matches!(
            entity,
            Err(FileProblem::Malformed { line: 2, .. })
        ));
        assert!(matches!(
            Tree::parse("<D/><E/>"),
            Err(FileProblem::Malformed { .. })
        ));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        // Guards against a recursive tree: a file nesting elements a hundred thousand deep
        // would abort the tab when built or dropped.
        let depth = 100_000;
        let text = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
        let tree = Tree::parse(&text).unwrap();
        assert_eq!(
            tree.find(ROOT, &["a", "a"]).map(|i| tree.element(i).line),
            Some(1)
        );
    }
}
