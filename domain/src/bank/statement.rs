//! What every statement reader produces, whatever the file's format: records pushed into a
//! [`StatementSink`]. Readers know their format and nothing else; the import, the matching
//! and the screens only ever see these records.

use crate::model::bank_book::{Balance, StatementLine};

/// The file formats read, each by one reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A bank's CSV export, with the bank whose layout was recognised (or the user's mapping).
    Csv(CsvLayout),
    /// OFX 1.x (SGML) or 2.x (XML).
    Ofx,
    Qif,
    /// ISO 20022 camt.053 (statement) or camt.054 (notification), with the version number
    /// (2 to 8 for `camt.05x.001.02` .. `.08`).
    Camt {
        message: CamtMessage,
        version: u8,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CamtMessage {
    Statement053,
    Notification054,
}

/// The CSV layouts recognised from their header (or lack of one), and the user's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CsvLayout {
    Boursorama,
    BnpParibas,
    SocieteGenerale,
    CaisseEpargne,
    CreditMutuel,
    Cic,
    Lcl,
    CreditAgricole,
    BanquePostale,
    Qonto,
    Shine,
    /// Columns the user mapped once for a layout no rule recognises.
    Mapped,
}

/// The account a statement (or part of one) is about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountRef {
    /// IBAN when the file gives one, else the bank's account number (OFX `BANKID`,
    /// `BRANCHID` and `ACCTID` joined by spaces, Boursorama's `accountNum`), compact
    /// upper case. Empty when the file names no account (most CSV exports): the user picks one.
    pub identifier: String,
    /// The account's name in the file (`accountLabel`, `Compte courant`), if any.
    pub label: String,
    /// ISO 4217 code when the file gives one (`EUR`).
    pub currency: String,
}

/// Why a line of the file could not be read. The reader goes on with the next line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// A date that does not read; the text found.
    Date(String),
    /// An amount that does not read; the text found.
    Amount(String),
    /// A row with fewer columns than the layout needs.
    MissingColumns { expected: usize, found: usize },
    /// Neither a debit nor a credit, or both.
    NoAmount,
    /// A record whose structure is broken (an OFX transaction without its amount, a camt
    /// entry without its credit/debit indicator); names the missing or broken part.
    Malformed(String),
}

/// Why a line was read but left out, counted and shown apart, never imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skipped {
    /// A camt entry not booked yet (`Sts` PDNG or INFO): it may still change.
    NotBooked,
    /// A line of a card account statement (OFX `CREDITCARDMSGSRSV1`): not the bank account.
    CardAccount,
    /// A line in another currency than the account's.
    OtherCurrency(String),
}

/// Why a whole file was refused: nothing of it is imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    TooLarge {
        bytes: usize,
        max: usize,
    },
    Binary,
    /// No reader recognises the text: not a statement, or a format not read.
    NotAStatement,
    /// An XML statement whose namespace is not camt.053/054 001.02 to 001.08; the one found.
    UnknownNamespace(String),
    /// The file's structure is broken at a line (an unclosed tag, XML that does not parse).
    Malformed {
        line: usize,
        detail: String,
    },
    /// A CSV whose columns no known layout explains and no saved mapping fits: the user maps
    /// them. Carries the header (or the first row) so that the mapping form can show it.
    CsvColumnsUnknown {
        header: Vec<String>,
    },
    /// Read, but nothing in it: no line, none unreadable, none left out.
    NoLines,
}

/// Where a reader pushes what it reads. A file may hold several accounts (camt `Stmt`,
/// OFX `STMTRS`, Boursorama's `accountNum` column): `account` starts each one, and
/// balances and lines belong to the account started last. A reader that never calls
/// `account` has one account it cannot name.
pub trait StatementSink {
    fn account(&mut self, account: AccountRef);
    fn opening_balance(&mut self, balance: Balance);
    fn closing_balance(&mut self, balance: Balance);
    fn line(&mut self, line: StatementLine);
    fn skipped(&mut self, source_line: usize, why: Skipped);
    fn unreadable(&mut self, source_line: usize, problem: LineProblem);
}

/// One reader per format.
pub trait StatementReader {
    /// Whether the text is of this reader's format: a cheap look at its start.
    fn recognises(&self, text: &str) -> bool;
    /// Reads the whole text into the sink, or refuses the file. A line that does not read
    /// goes to [`StatementSink::unreadable`] and the reader goes on; never panics.
    fn read(&self, text: &str, sink: &mut dyn StatementSink) -> Result<Format, FileProblem>;
}

/// One account's part of a statement, as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountStatement {
    pub account: AccountRef,
    pub opening: Option<Balance>,
    pub closing: Option<Balance>,
    pub lines: Vec<StatementLine>,
}

/// A whole file as read: the sink the import uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statement {
    pub accounts: Vec<AccountStatement>,
    pub skipped: Vec<(usize, Skipped)>,
    pub unreadable: Vec<(usize, LineProblem)>,
}

impl Statement {
    fn current(&mut self) -> &mut AccountStatement {
        if self.accounts.is_empty() {
            self.accounts.push(AccountStatement::default());
        }
        let last = self.accounts.len() - 1;
        &mut self.accounts[last]
    }

    pub fn lines(&self) -> impl Iterator<Item = &StatementLine> {
        self.accounts.iter().flat_map(|a| &a.lines)
    }

    pub fn line_count(&self) -> usize {
        self.accounts.iter().map(|a| a.lines.len()).sum()
    }
}

impl StatementSink for Statement {
    fn account(&mut self, account: AccountRef) {
        // The same account met again (Boursorama's rows interleave accounts) continues it.
        if let Some(index) = self.accounts.iter().position(|a| a.account == account) {
            let found = self.accounts.remove(index);
            self.accounts.push(found);
        } else {
            self.accounts.push(AccountStatement {
                account,
                ..AccountStatement::default()
            });
        }
    }
    fn opening_balance(&mut self, balance: Balance) {
        self.current().opening = Some(balance);
    }
    fn closing_balance(&mut self, balance: Balance) {
        self.current().closing = Some(balance);
    }
    fn line(&mut self, line: StatementLine) {
        self.current().lines.push(line);
    }
    fn skipped(&mut self, source_line: usize, why: Skipped) {
        self.skipped.push((source_line, why));
    }
    fn unreadable(&mut self, source_line: usize, problem: LineProblem) {
        self.unreadable.push((source_line, problem));
    }
}
