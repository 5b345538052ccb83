//! Importing what another program already knows: invoices, clients and payments from an FEC
//! (the accounting entries file every French business can export) or from an invoicing
//! tool's CSV of invoices.
//!
//! An import runs in three steps so that nothing is half applied: a reader turns the text
//! into rows ([`fec::read`], [`invoices_csv::preview`]), a planner decides what each row
//! becomes against the ledger ([`plan::plan_fec`], [`plan::plan_invoices_csv`]) and says
//! which rows it refuses and why, and [`apply::apply`] records the whole plan or nothing.
//! [`apply::undo`] takes an import back as long as nothing was built on it since.

pub mod apply;
pub mod fec;
pub mod invoices_csv;
pub mod plan;

use crate::values::problem::Problem;
use rust_decimal::Decimal;

/// Why a whole file cannot be imported: nothing of it is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFileProblem {
    /// No header row: the text is empty or has no separated columns.
    NoHeader,
    /// The FEC header lacks columns the import needs, named as the norm spells them.
    MissingColumns { line: usize, missing: Vec<String> },
    /// A remembered column mapping points past the file's columns: another layout.
    ColumnOutOfRange { column: usize, columns: usize },
    /// A CSV mapping with neither an amount excluding VAT nor a total.
    NoAmountColumn,
}

/// A row (or part of one) the import leaves out, and where it is in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedLine {
    /// Counted from 1, as an editor shows it.
    pub line: usize,
    /// The column's name as the file's header writes it, when one column is to blame.
    pub column: Option<String>,
    pub refusal: Refusal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A cell that is not a date, an amount or a debit/credit direction.
    UnreadableDate {
        text: String,
    },
    UnreadableAmount {
        text: String,
    },
    UnreadableDirection {
        text: String,
    },
    /// Terms in words that read as none the invoice form offers (`selon devis`).
    UnreadableTerms {
        text: String,
    },
    /// What the forms would refuse (an empty name, a bad SIREN, an amount too large...).
    Invalid(Problem),
    /// The ledger already has this number for an invoice of another amount: importing it
    /// would either duplicate or overwrite a real invoice.
    NumberTakenWithOtherTotal {
        number: String,
        existing: Decimal,
        imported: Decimal,
    },
    /// The file itself has this number twice with different amounts.
    NumberTwiceInFile {
        number: String,
        first_line: usize,
    },
    /// Amounts excluding VAT, VAT and total that do not add up.
    AmountsDisagree {
        net: Decimal,
        vat: Decimal,
        total: Decimal,
    },
    /// A paid amount without the date it was paid: a payment needs its date.
    PaymentWithoutDate,
    /// A payment on an invoice already in the ledger that matches none recorded there: the
    /// import never adds payments to invoices it did not create, so typed ones are not doubled.
    PaymentOnExistingInvoice {
        number: String,
    },
    /// A credit note of the FEC that no invoice of its lettering group can take.
    CreditNoteWithoutInvoice,
    /// A client account debited outside sales and opening entries (a refund, a rejected
    /// payment): to be recorded by hand.
    DebitOutsideSales {
        journal: String,
    },
    /// A client account line in a journal that is neither sales, bank nor opening (various
    /// operations): what it means cannot be told from the file.
    OtherJournal {
        journal: String,
    },
}
