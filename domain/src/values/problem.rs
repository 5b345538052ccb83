//! What can be wrong with an input or a requested change, as codes.
//!
//! The domain never writes user-facing sentences: the app turns each code into French or
//! English (src/i18n), so every message exists in both languages.

use crate::values::ids::{BankAccountId, BankLineId, ClientId, DraftId, InvoiceId, PaymentId};
use crate::values::ids::{LitigationId, PaymentPlanId, PromiseId};
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    /// A SIREN has 9 digits, a SIRET 14.
    RegistrationLength,
    RegistrationChecksum,
    IbanFormat,
    IbanLength {
        country: String,
        expected: usize,
    },
    IbanChecksum,
    BicFormat,
    EmailFormat,
    PhoneFormat,
    PostalCodeFormat,
    AmountFormat,
    AmountTooManyDecimals,
    AmountNotPositive,
    /// Above [`crate::values::money::MAX_AMOUNT`].
    AmountTooLarge,
    AmountNegative,
    DateFormat,
    /// An annual rate must be above 0 % and at most 100 %.
    RateOutOfRange,
    /// A published rate (ECB, taux légal) must lie within -10 % and 100 %.
    PublishedRateOutOfRange,
    /// The two taux légal of a half-year go together: both or neither.
    LegalRatesTogether,
    /// Aging bucket bounds: whole days, positive, increasing (`30, 60, 90`).
    BucketBounds,
    /// A value outside the offered choices (a hand-edited link).
    NotAChoice,
    /// Partial payments adding up to more than the amount due.
    SettlementsExceedAmount {
        amount: Decimal,
    },
    DateBeforeIssue,
    /// A fact recorded (a block, a dispute, a hand-over closed) dated after today.
    DateInFuture,
    DaysOutOfRange {
        min: u16,
        max: u16,
    },
    InvoiceNumberTaken,
    UnknownClient(ClientId),
    UnknownInvoice(InvoiceId),
    UnknownPayment(PaymentId),
    ClientArchived,
    InvoiceOfAnotherClient,
    InvoiceListedTwice,
    /// An allocation larger than what the invoice still has open.
    AllocationExceedsOpen {
        open: Decimal,
    },
    /// Allocations adding up to more than the payment.
    AllocationsExceedPayment {
        payment: Decimal,
    },
    CreditNoteExceeds {
        max: Decimal,
    },
    DisputeAlreadyOpen,
    NoOpenDispute,
    NothingToWriteOff,
    InvoiceWrittenOff,
    InvoiceHasSettlements,
    ClientHasInvoices,
    ClientAlreadyBlocked,
    ClientNotBlocked,
    /// Lifting a hold dated before the hold itself.
    DateBeforeBlock,
    UnknownDraft(DraftId),
    UnknownBankAccount(BankAccountId),
    UnknownBankLine(BankLineId),
    /// An import record that is no longer kept (undone in another tab).
    UnknownImport,
    /// A bank line already reconciled or set aside: undo that first.
    BankLineNotOpen,
    /// Only money received (a credit, not a reversal) can be a client's payment.
    BankLineNotCredit,
    /// The payment is already the record of another bank line.
    PaymentAlreadyLinked,
    /// A payment linked to a bank line must be of the line's amount.
    AmountDiffersFromLine {
        line: Decimal,
    },
    /// A change to the reminders, promises, payment plans or litigations refused.
    Reminder(Box<ReminderProblem>),
    /// An import cannot be undone while something recorded since depends on what it created.
    ImportBuiltOn(BuiltOnImport),
}

/// What was recorded since an import on what it created, and so holds it in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltOnImport {
    /// A payment typed by hand for an imported client or invoice, or an imported payment's
    /// credit used on another invoice.
    Payment,
    CreditNote,
    WriteOff,
    Dispute,
    /// A reminder, a promise, a payment plan or a litigation.
    Reminder,
    /// An imported payment reconciled with a bank statement line.
    BankLine,
    /// An invoice or a draft made by hand for an imported client.
    Invoice,
    Draft,
}

impl From<ReminderProblem> for Problem {
    /// A reminder problem that is only a ledger one is that one, so the app words it once.
    fn from(problem: ReminderProblem) -> Self {
        match problem {
            ReminderProblem::Ledger(problem) => problem,
            other => Problem::Reminder(Box::new(other)),
        }
    }
}

/// A problem attached to one field of a form, so the message shows beside that field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub problem: Problem,
}

impl<F> FieldError<F> {
    pub fn new(field: F, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// What can be wrong with a change to the reminders, as codes (the app words them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReminderProblem {
    /// A code the ledger uses too: unknown client or invoice, archived client, an invoice of
    /// another client or listed twice, an amount not positive or with too many decimals, a
    /// text too long, a date before an invoice's issue.
    Ledger(Problem),
    /// The id given is already used by a reminder entity.
    IdTaken,
    Plan(PlanError),
    NoInvoice,
    /// A level the client's plan does not have.
    LevelNotInPlan {
        invoice: InvoiceId,
        level: u8,
    },
    /// The invoice already reached this level or a later one.
    LevelAlreadyReached {
        invoice: InvoiceId,
    },
    /// Dated before the reminder the invoice last received.
    DateBeforeLastReminder {
        invoice: InvoiceId,
    },
    /// A snooze must end after the day it is set.
    SnoozeNotAfterDate,
    PromiseBeforeMade,
    TooFewInstalments {
        min: usize,
    },
    TooManyInstalments {
        max: usize,
    },
    InstalmentDatesNotIncreasing,
    InstalmentBeforePlan,
    /// The instalments must add up to what the covered invoices have open.
    InstalmentsDoNotAddUp {
        balance: Decimal,
        /// What the instalments add up to.
        total: Decimal,
    },
    GraceTooLong {
        max: u16,
    },
    /// The invoice has nothing open on that date (paid, credited or written off).
    NothingOwed {
        invoice: InvoiceId,
    },
    InvoiceInPaymentPlan {
        invoice: InvoiceId,
    },
    UnknownPaymentPlan(PaymentPlanId),
    PaymentPlanNotActive,
    UnknownInstalment,
    InstalmentAlreadyReminded,
    UnknownPromise(PromiseId),
    /// The client has no action logged that day to take back.
    NothingToUndo,
    InvoiceNotOverdue {
        invoice: InvoiceId,
    },
    InvoiceInLitigation {
        invoice: InvoiceId,
    },
    UnknownLitigation(LitigationId),
    LitigationAlreadyClosed,
    /// Closing or cancelling before the thing began.
    DateBeforeStart,
}

impl From<Problem> for ReminderProblem {
    fn from(problem: Problem) -> Self {
        ReminderProblem::Ledger(problem)
    }
}

/// Where a plan problem is: the list of levels as a whole, or one field of one level
/// (levels counted from 0, in the plan's order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanField {
    Levels,
    Offset(usize),
    Subject(usize),
    Body(usize),
}

impl PlanField {
    /// The level the problem is on, if it is on one.
    pub fn level(self) -> Option<usize> {
        match self {
            PlanField::Levels => None,
            PlanField::Offset(level) | PlanField::Subject(level) | PlanField::Body(level) => {
                Some(level)
            }
        }
    }
}

/// What can be wrong with a plan, as codes (the app words them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanProblem {
    NoLevel,
    TooManyLevels {
        max: usize,
    },
    /// An offset left empty in the form.
    Required,
    /// An offset that is not a whole number of days.
    OffsetFormat,
    OffsetOutOfRange {
        min: i32,
        max: i32,
    },
    /// A level that does not come strictly after the one before it.
    OffsetNotAfterPrevious,
    TooLong {
        max: usize,
    },
    /// A template with an unknown `{placeholder}` or an unclosed brace (the message module
    /// names which and where: [`crate::collection::letter::check_template`]).
    TemplateInvalid,
}

/// A problem and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PlanError {
    pub field: PlanField,
    pub problem: PlanProblem,
}

impl PlanError {
    pub(crate) fn new(field: PlanField, problem: PlanProblem) -> Self {
        PlanError { field, problem }
    }
}
