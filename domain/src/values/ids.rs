//! Typed identifiers. All entities of a ledger draw from one counter, so an id is unique
//! across kinds and never reused, even after a deletion.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// A client (customer) of the issuer.
    ClientId,
    /// An invoice issued to a client.
    InvoiceId,
    /// A payment received from a client.
    PaymentId,
    /// A credit note (avoir) against one invoice.
    CreditNoteId,
    /// A dispute (litige) on one invoice.
    DisputeId,
    /// A write-off (passage en perte) of one invoice's open balance.
    WriteOffId,
    /// An invoice being prepared: not issued, no number of its own yet, but part of the
    /// client's exposure.
    DraftId,
    /// Something the user did with the reminder queue: a reminder sent or skipped, a snooze,
    /// an instalment reminder.
    ReminderId,
    /// A client's promise to pay by a date.
    PromiseId,
    /// A payment plan (échéancier) agreed with a client.
    PaymentPlanId,
    /// Invoices handed over to a collection agency or to court.
    LitigationId,
    /// A bank account whose statements are imported.
    BankAccountId,
    /// A statement file imported into one account.
    StatementId,
    /// One line of an imported bank statement.
    BankLineId,
);
