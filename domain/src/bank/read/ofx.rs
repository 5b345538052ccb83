//! OFX statements, what French banks call "Money" or "Quicken" downloads: OFX 1.x in SGML
//! (leaf tags never closed: `<TRNAMT>-12,50` ends at the line end or the next tag) and OFX
//! 2.x in XML (`<TRNAMT>-12.50</TRNAMT>`), read by one tolerant tag reader. La Banque
//! Postale's "QIF" download is OFX too, so the format is told by the content, never the name.
//!
//! The reader never builds a document tree: it keeps the stack of open aggregates and reacts
//! to the few it needs (`STMTRS`, `BANKACCTFROM`, `STMTTRN`, `LEDGERBAL`, the card statement
//! ones). A missing closing tag or a truncated file still yields every transaction read.

use crate::bank::read::kind;
use crate::bank::statement::{
    AccountRef, FileProblem, Format, LineProblem, Skipped, StatementReader, StatementSink,
};
use crate::model::bank_book::{Balance, LineKind, StatementLine};
use crate::values::read::fields;
use crate::values::text::{collapse_spaces, compact_upper};
use std::iter::Peekable;

/// Reads OFX 1.x (SGML) and 2.x (XML) bank statements.
pub struct OfxReader;

/// How far into the text `recognises` looks for the header or the `<OFX>` tag: well past
/// any header block and XML prolog, and cheap on a large file.
const RECOGNITION_CHARS: usize = 4096;

impl StatementReader for OfxReader {
    fn recognises(&self, text: &str) -> bool {
        let start: String = text.chars().take(RECOGNITION_CHARS).collect();
        let start = start.to_ascii_uppercase();
        start.trim_start().starts_with("OFXHEADER:")
            || start.contains("<?OFX")
            || start.contains("<OFX>")
    }

    fn read(&self, text: &str, sink: &mut dyn StatementSink) -> Result<Format, FileProblem> {
        let mut reader = Reader::new(sink);
        let mut tokens = Tokens::new(text).peekable();
        while let Some(token) = tokens.next() {
            match token {
                // A known aggregate is never a leaf, even with junk text after its tag.
                Token::Open { name, line } if aggregate(&name).is_some() => reader.open(name, line),
                Token::Open { name, line } => match leaf_value(&name, &mut tokens) {
                    Some(value) => reader.leaf(&name, &value),
                    None => reader.open(name, line),
                },
                Token::Close { name } => reader.close(&name),
                // An empty element (`<MEMO/>`) and text outside any leaf (the SGML header,
                // junk between tags) say nothing the statement needs.
                Token::Empty | Token::Text { .. } => {}
            }
        }
        let last_line = line_count(text);
        reader.finish(last_line)
    }
}

/// The value of a leaf element whose start tag was just read, consuming it, or None when the
/// tag opens an aggregate. An SGML leaf's value ends at its line's end: what follows up to
/// the next tag is not part of it. An XML leaf closed right after its text keeps it whole.
fn leaf_value(name: &str, tokens: &mut Peekable<Tokens<'_>>) -> Option<String> {
    match tokens.peek() {
        Some(Token::Text { raw }) => {
            let raw = *raw;
            tokens.next();
            let closed =
                matches!(tokens.peek(), Some(Token::Close { name: close }) if close == name);
            let value = if closed {
                tokens.next();
                raw
            } else {
                raw.split(['\n', '\r']).next().unwrap_or_default()
            };
            Some(decode_entities(value.trim()))
        }
        Some(Token::Close { name: close }) if close == name => {
            tokens.next();
            Some(String::new())
        }
        _ => None,
    }
}

/// One piece of the text. Tag names are in upper case: OFX is case-insensitive in practice.
#[derive(Debug)]
enum Token<'a> {
    Open {
        name: String,
        line: usize,
    },
    Close {
        name: String,
    },
    /// A self-closing element (`<MEMO/>`).
    Empty,
    /// Text between tags that is not only whitespace, as written (entities not decoded).
    Text {
        raw: &'a str,
    },
}

/// The tag reader: processing instructions, comments and declarations are passed over; a
/// `<` that starts no tag is text. Counts lines so that each tag knows where it starts.
struct Tokens<'a> {
    rest: &'a str,
    line: usize,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens {
            rest: text,
            line: 1,
        }
    }

    /// Moves past `len` bytes, counting the lines passed. Callers give a char boundary
    /// found with `find` of an ASCII pattern; anything else moves to the end, never panics.
    fn advance(&mut self, len: usize) -> &'a str {
        let passed = self.rest.get(..len).unwrap_or(self.rest);
        let rest = self.rest.get(passed.len()..).unwrap_or_default();
        self.line += line_breaks(passed);
        self.rest = rest;
        passed
    }

    /// Moves past everything up to and including `end`, or to the end of the text.
    fn skip_past(&mut self, end: &str) {
        let len = self
            .rest
            .find(end)
            .map_or(self.rest.len(), |at| at + end.len());
        self.advance(len);
    }
}

/// The tag at the start of `text`, if it is one: `</NAME>`, `<NAME attr>`, `<NAME/>`, with
/// its length in bytes; `line` is where it starts.
fn tag(text: &str, line: usize) -> Option<(Token<'_>, usize)> {
    let after = text.strip_prefix('<')?;
    // Looking no further than the next `<` keeps the reading linear on a text of stray
    // `<` without any `>`; a `<` before the `>` means the first one was text.
    let inner_end = after.find(['<', '>'])?;
    let inner = after.get(..inner_end)?;
    if !after.get(inner_end..)?.starts_with('>') {
        return None;
    }
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':')))
        .unwrap_or(inner.len());
    let name = inner.get(..name_len)?;
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = name.to_ascii_uppercase();
    let token = if closing {
        Token::Close { name }
    } else if inner.ends_with('/') {
        Token::Empty
    } else {
        Token::Open { name, line }
    };
    Some((token, inner_end + 2))
}

/// The length of a processing instruction (`<?OFX ...?>`) or a declaration (`<!DOCTYPE>`)
/// at the start of `text`. Like a tag, it must end before the next `<`: a stray `<?` in a
/// value is text, and does not swallow the rest of the file.
fn instruction(text: &str) -> Option<usize> {
    let after = text
        .strip_prefix("<?")
        .or_else(|| text.strip_prefix("<!"))?;
    let end = after.find(['<', '>'])?;
    after.get(end..)?.starts_with('>').then_some(end + 3)
}

/// Whether `text` starts with markup rather than text: a tag, a processing instruction, a
/// comment or a declaration.
fn starts_markup(text: &str) -> bool {
    text.starts_with("<!--") || instruction(text).is_some() || tag(text, 0).is_some()
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if self.rest.starts_with("<!--") {
                self.skip_past("-->");
                continue;
            }
            if let Some(len) = instruction(self.rest) {
                self.advance(len);
                continue;
            }
            if let Some((token, len)) = tag(self.rest, self.line) {
                self.advance(len);
                return Some(token);
            }
            // Text up to the next markup; a `<` that starts none (`-1 < 2`, `<3`) is text.
            // The first character is always taken, so the reading always moves on.
            let mut len = self.rest.chars().next().map_or(0, char::len_utf8);
            len = loop {
                match self.rest.get(len..).and_then(|after| after.find('<')) {
                    Some(at) if starts_markup(self.rest.get(len + at..).unwrap_or_default()) => {
                        break len + at;
                    }
                    Some(at) => len += at + 1,
                    None => break self.rest.len(),
                }
            };
            let raw = self.advance(len);
            if !raw.trim().is_empty() {
                return Some(Token::Text { raw });
            }
        }
    }
}

/// Line ends as files write them: `\r\n`, `\n`, or a lone `\r` (old Mac programs).
fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(at, &b)| b == b'\n' || (b == b'\r' && bytes.get(at + 1) != Some(&b'\n')))
        .count()
}

fn line_count(text: &str) -> usize {
    line_breaks(text) + 1
}

/// Replaces the XML entities and numeric character references; anything else written with a
/// `&` (SGML files often carry a bare `M&S`) stays as it is.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Entities are short: looking only a few characters ahead keeps a text full of bare
        // `&` linear.
        let entity = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .and_then(|(end, _)| Some((entity_char(rest.get(1..end)?)?, end)));
        match entity {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity_char(name: &str) -> Option<char> {
    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(decimal) = name.strip_prefix('#') {
        decimal.parse().ok()?
    } else {
        return match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => None,
        };
    };
    char::from_u32(code)
}

/// The aggregates the reader reacts to, or whose leaves it must keep away from the ones it
/// reads (a `BANKACCTTO` inside a transaction has an `ACCTID` that is not the statement's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Aggregate {
    Ofx,
    BankStatement,
    BankAccountFrom,
    Transaction,
    Payee,
    LedgerBalance,
    CardMessages,
    CardStatement,
    /// Known aggregates whose content the reader leaves alone.
    Other,
}

fn aggregate(name: &str) -> Option<Aggregate> {
    Some(match name {
        "OFX" => Aggregate::Ofx,
        "STMTRS" => Aggregate::BankStatement,
        "BANKACCTFROM" => Aggregate::BankAccountFrom,
        "STMTTRN" => Aggregate::Transaction,
        "PAYEE" => Aggregate::Payee,
        "LEDGERBAL" => Aggregate::LedgerBalance,
        "CREDITCARDMSGSRSV1" => Aggregate::CardMessages,
        "CCSTMTRS" => Aggregate::CardStatement,
        "SIGNONMSGSRSV1" | "SONRS" | "STATUS" | "FI" | "BANKMSGSRSV1" | "STMTTRNRS"
        | "BANKTRANLIST" | "AVAILBAL" | "BALLIST" | "BAL" | "BANKACCTTO" | "CCACCTTO"
        | "CCACCTFROM" | "CURRENCY" | "ORIGCURRENCY" | "CCSTMTTRNRS" | "MKTGINFO" => {
            Aggregate::Other
        }
        _ => return None,
    })
}

/// How deep tags the reader does not know may nest. Real files nest a dozen levels; an SGML
/// empty leaf (`<MEMO>` then a tag) also opens a frame until its aggregate ends. Without a
/// bound, a text of unclosed tags would make every closing tag search a huge stack.
const MAX_UNKNOWN_DEPTH: usize = 64;

/// An open aggregate; tags the reader does not know are kept too, so that their closing tag
/// finds them, but their leaves go to the nearest known aggregate.
struct Frame {
    name: String,
    aggregate: Option<Aggregate>,
}

/// A bank statement (`STMTRS`) being read: its account is only announced to the sink once
/// complete, at the statement's end, since `LEDGERBAL` comes after the transactions.
#[derive(Default)]
struct PendingStatement {
    bank_id: String,
    branch_id: String,
    account_id: String,
    currency: String,
    lines: Vec<StatementLine>,
    balance_amount: String,
    balance_date: String,
}

#[derive(Default)]
struct PendingTransaction {
    source_line: usize,
    card: bool,
    trn_type: String,
    posted: Option<String>,
    available: String,
    amount: Option<String>,
    fit_id: String,
    check_number: String,
    name: String,
    payee_name: String,
    memo: String,
}

struct Reader<'s> {
    sink: &'s mut dyn StatementSink,
    stack: Vec<Frame>,
    statement: Option<PendingStatement>,
    transaction: Option<PendingTransaction>,
    /// Whether the text held anything OFX at all: an `<OFX>` element or a statement.
    found: bool,
}

impl<'s> Reader<'s> {
    fn new(sink: &'s mut dyn StatementSink) -> Self {
        Reader {
            sink,
            stack: Vec::new(),
            statement: None,
            transaction: None,
            found: false,
        }
    }

    fn open(&mut self, name: String, line: usize) {
        let aggregate = aggregate(&name);
        if aggregate.is_some() && self.stack.iter().any(|f| f.name == name) {
            // OFX aggregates never nest in themselves: a second `<STMTTRN>` while one is open
            // means the first one's closing tag is missing.
            self.close(&name);
        }
        match aggregate {
            Some(Aggregate::Ofx) => self.found = true,
            Some(Aggregate::BankStatement) => {
                self.found = true;
                self.flush_statement();
                self.statement = Some(PendingStatement::default());
            }
            Some(Aggregate::CardStatement) => self.found = true,
            Some(Aggregate::Transaction) => {
                self.found = true;
                self.transaction = Some(PendingTransaction {
                    source_line: line,
                    card: self.inside_card(),
                    ..PendingTransaction::default()
                });
            }
            _ => {}
        }
        if aggregate.is_some() || self.stack.len() < MAX_UNKNOWN_DEPTH {
            self.stack.push(Frame { name, aggregate });
        }
    }

    fn close(&mut self, name: &str) {
        let Some(at) = self.stack.iter().rposition(|f| f.name == name) else {
            // A closing tag for a leaf (XML) or for nothing open: nothing to end.
            return;
        };
        while self.stack.len() > at {
            if let Some(frame) = self.stack.pop() {
                self.ended(frame.aggregate);
            }
        }
    }

    fn ended(&mut self, aggregate: Option<Aggregate>) {
        match aggregate {
            Some(Aggregate::Transaction) => self.finish_transaction(),
            Some(Aggregate::BankStatement) => self.flush_statement(),
            _ => {}
        }
    }

    fn inside_card(&self) -> bool {
        self.stack.iter().any(|f| {
            matches!(
                f.aggregate,
                Some(Aggregate::CardMessages | Aggregate::CardStatement)
            )
        })
    }

    fn leaf(&mut self, name: &str, value: &str) {
        let parent = self.stack.iter().rev().find_map(|f| f.aggregate);
        let card = self.inside_card();
        match parent {
            Some(Aggregate::Transaction) => {
                if let Some(t) = self.transaction.as_mut() {
                    let field = match name {
                        "TRNTYPE" => &mut t.trn_type,
                        "DTPOSTED" => t.posted.get_or_insert_with(String::new),
                        "DTAVAIL" => &mut t.available,
                        "TRNAMT" => t.amount.get_or_insert_with(String::new),
                        "FITID" => &mut t.fit_id,
                        "CHECKNUM" => &mut t.check_number,
                        "NAME" => &mut t.name,
                        "MEMO" => &mut t.memo,
                        // DTUSER (the operation date) has no place in a statement line: the
                        // booking date is DTPOSTED and the value date DTAVAIL.
                        _ => return,
                    };
                    value.clone_into(field);
                }
            }
            Some(Aggregate::Payee) if name == "NAME" => {
                if let Some(t) = self.transaction.as_mut() {
                    value.clone_into(&mut t.payee_name);
                }
            }
            Some(Aggregate::BankStatement) if name == "CURDEF" => {
                if let Some(s) = self.statement.as_mut() {
                    s.currency = value.trim().to_ascii_uppercase();
                }
            }
            Some(Aggregate::BankAccountFrom) if !card => {
                if let Some(s) = self.statement.as_mut() {
                    let field = match name {
                        "BANKID" => &mut s.bank_id,
                        "BRANCHID" => &mut s.branch_id,
                        "ACCTID" => &mut s.account_id,
                        _ => return,
                    };
                    value.clone_into(field);
                }
            }
            Some(Aggregate::LedgerBalance) if !card => {
                if let Some(s) = self.statement.as_mut() {
                    match name {
                        "BALAMT" => value.clone_into(&mut s.balance_amount),
                        "DTASOF" => value.clone_into(&mut s.balance_date),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn finish_transaction(&mut self) {
        let Some(t) = self.transaction.take() else {
            return;
        };
        if t.card {
            self.sink.skipped(t.source_line, Skipped::CardAccount);
            return;
        }
        let source_line = t.source_line;
        match transaction_line(t) {
            Ok(line) => self
                .statement
                .get_or_insert_with(PendingStatement::default)
                .lines
                .push(line),
            Err(problem) => self.sink.unreadable(source_line, problem),
        }
    }

    fn flush_statement(&mut self) {
        let Some(s) = self.statement.take() else {
            return;
        };
        let identifier = [&s.bank_id, &s.branch_id, &s.account_id]
            .iter()
            .map(|part| compact_upper(part))
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        self.sink.account(AccountRef {
            identifier,
            label: String::new(),
            currency: s.currency,
        });
        for line in s.lines {
            self.sink.line(line);
        }
        // A balance that does not read is left out: it only checks the lines, which stand
        // on their own.
        if let (Some(amount), Some(date)) = (
            fields::amount(&s.balance_amount),
            fields::compact(&s.balance_date),
        ) {
            self.sink.closing_balance(Balance { date, amount });
        }
    }

    /// Ends whatever a truncated file left open, then judges the file as a whole.
    fn finish(mut self, last_line: usize) -> Result<Format, FileProblem> {
        while let Some(frame) = self.stack.pop() {
            self.ended(frame.aggregate);
        }
        // Transactions met outside any `STMTRS` went to a statement of their own.
        self.flush_statement();
        if self.found {
            Ok(Format::Ofx)
        } else {
            Err(FileProblem::Malformed {
                line: last_line,
                detail: "no <OFX> element nor statement before the end of the file".into(),
            })
        }
    }
}

fn transaction_line(t: PendingTransaction) -> Result<StatementLine, LineProblem> {
    let posted = t
        .posted
        .ok_or_else(|| LineProblem::Malformed("DTPOSTED".into()))?;
    let booking_date = fields::compact(&posted).ok_or(LineProblem::Date(posted))?;
    let amount_text = t
        .amount
        .ok_or_else(|| LineProblem::Malformed("TRNAMT".into()))?;
    let amount = fields::amount(&amount_text).ok_or(LineProblem::Amount(amount_text))?;
    // A bank that sends no NAME often puts the whole wording in PAYEE or MEMO: the label is
    // what the user recognises the line by, so it is never left empty when the file has one.
    let (label, details) = if !t.name.trim().is_empty() {
        (collapse_spaces(&t.name), collapse_spaces(&t.memo))
    } else if !t.payee_name.trim().is_empty() {
        (collapse_spaces(&t.payee_name), collapse_spaces(&t.memo))
    } else {
        (collapse_spaces(&t.memo), String::new())
    };
    let check_number = t.check_number.trim().to_string();
    let kind = if check_number.is_empty() {
        trn_kind(&t.trn_type, &label)
    } else {
        LineKind::Cheque
    };
    Ok(StatementLine {
        source_line: t.source_line,
        booking_date,
        value_date: fields::compact(&t.available),
        amount,
        label,
        details,
        counterparty: collapse_spaces(&t.payee_name),
        counterparty_iban: String::new(),
        references: if check_number.is_empty() {
            Vec::new()
        } else {
            vec![check_number]
        },
        bank_id: t.fit_id.trim().to_string(),
        kind,
        reversal: false,
    })
}

/// The kind a `TRNTYPE` announces. The generic ones (CREDIT, DEBIT, OTHER, DEP) and types
/// the specification does not list say nothing, so the label's prefix decides.
fn trn_kind(trn_type: &str, label: &str) -> LineKind {
    match trn_type.trim().to_ascii_uppercase().as_str() {
        "CHECK" => LineKind::Cheque,
        "DIRECTDEBIT" => LineKind::DirectDebit,
        "DIRECTDEP" | "XFER" | "PAYMENT" | "REPEATPMT" => LineKind::Transfer,
        "POS" => LineKind::Card,
        "ATM" | "CASH" => LineKind::Cash,
        "FEE" | "SRVCHG" => LineKind::Fee,
        "INT" | "DIV" => LineKind::Interest,
        _ => kind::from_label(label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        Tokens::new(text)
            .map(|t| match t {
                Token::Open { name, line } => format!("<{name}@{line}"),
                Token::Close { name } => format!("</{name}"),
                Token::Empty => "<empty/>".into(),
                Token::Text { raw } => format!("'{}'", raw.trim()),
            })
            .collect()
    }

    #[test]
    fn tags_text_and_lines_in_sgml_and_xml() {
        // Guards against line numbers that drift on CRLF or lone CR line ends, and against
        // a stray `<` in a value swallowing the next tag.
        assert_eq!(
            tokens("<?xml version=\"1.0\"?>\r\n<OFX>\r\n<trnamt>-1 < 2\r<NAME>A</NAME><MEMO/>"),
            [
                "<OFX@2",
                "<TRNAMT@3",
                "'-1 < 2'",
                "<NAME@4",
                "'A'",
                "</NAME",
                "<empty/>"
            ]
        );
        assert_eq!(tokens("<!-- x --><3 <>"), ["'<3 <>'"]);
        // A stray `<?` in a value is text, not an instruction running to the file's end.
        assert_eq!(
            tokens("<!DOCTYPE x><NAME>A <? B\n<MEMO>C"),
            ["<NAME@1", "'A <? B'", "<MEMO@2", "'C'"]
        );
    }

    #[test]
    fn entities_decoded_and_bare_ampersands_kept() {
        // Guards against "M&amp;S" shown as written, and against a bare "M&S" dropped.
        assert_eq!(
            decode_entities("M&amp;S &lt;&gt;&quot;&apos; &#233;&#xE9; M&S &bogus; &#xFFFFFF;"),
            "M&S <>\"' éé M&S &bogus; &#xFFFFFF;"
        );
    }

    #[test]
    fn trn_types_and_their_fallback() {
        // Guards against a card payment or a fee typed by the bank being offered for matching.
        assert_eq!(trn_kind("pos", "DUPONT"), LineKind::Card);
        assert_eq!(trn_kind("SRVCHG", "DUPONT"), LineKind::Fee);
        assert_eq!(trn_kind("DIRECTDEP", "DUPONT"), LineKind::Transfer);
        assert_eq!(trn_kind("DEBIT", "PRLV SEPA URSSAF"), LineKind::DirectDebit);
        assert_eq!(trn_kind("OTHER", "CB AMAZON"), LineKind::Card);
        assert_eq!(trn_kind("CREDIT", "DUPONT SARL"), LineKind::Unknown);
    }
}
