//! What is owed, invoice by invoice and client by client, as of a date.
//!
//! A [`Position`] counts the payments, credit notes, write-offs and disputes dated on or
//! before its date, so any past position can be reproduced. Every invoice is included,
//! whatever its issue date: one dated in the future is simply not yet due.

use crate::model::invoice::{Invoice, InvoiceStatus};
use crate::model::ledger::Ledger;
use crate::values::ids::{ClientId, InvoiceId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InvoiceBalance {
    pub total: Decimal,
    pub paid: Decimal,
    pub credited: Decimal,
    pub written_off: Decimal,
}

impl InvoiceBalance {
    pub fn settled(&self) -> Decimal {
        self.paid + self.credited + self.written_off
    }

    /// What the client still owes on the invoice.
    pub fn open(&self) -> Decimal {
        (self.total - self.settled()).max(Decimal::ZERO)
    }

    /// Records a write-off. It gives up what was open then; later payments cannot exceed it,
    /// so it is capped to keep the total settled equal to the invoice.
    pub(crate) fn write_off(&mut self, amount: Decimal) {
        self.written_off += amount.min((self.total - self.paid - self.credited).max(Decimal::ZERO));
    }

    /// What was settled beyond the total (a credit note after payment): the client's credit.
    pub fn excess(&self) -> Decimal {
        (self.settled() - self.total).max(Decimal::ZERO)
    }
}

/// A client's position: `balance = open - credit`, negative when the issuer owes the client.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientBalance {
    pub open: Decimal,
    pub overdue: Decimal,
    pub credit: Decimal,
    pub open_count: usize,
    pub overdue_count: usize,
}

impl ClientBalance {
    pub fn balance(&self) -> Decimal {
        self.open - self.credit
    }

    fn add(&mut self, other: &ClientBalance) {
        self.open += other.open;
        self.overdue += other.overdue;
        self.credit += other.credit;
        self.open_count += other.open_count;
        self.overdue_count += other.overdue_count;
    }
}

pub struct Position {
    as_of: NaiveDate,
    invoices: HashMap<InvoiceId, InvoiceBalance>,
    unallocated: HashMap<ClientId, Decimal>,
    disputed: HashSet<InvoiceId>,
    written_off: HashSet<InvoiceId>,
}

impl Position {
    pub fn new(ledger: &Ledger, as_of: NaiveDate) -> Self {
        Self::of_invoices(ledger, as_of, ledger.invoices())
    }

    /// A position that knows only the given invoices (and every client's credit): what a
    /// check on one invoice needs, without the cost of the whole portfolio.
    pub fn of_invoices(ledger: &Ledger, as_of: NaiveDate, only: &[Invoice]) -> Self {
        let mut invoices: HashMap<InvoiceId, InvoiceBalance> = only
            .iter()
            .map(|i| {
                (
                    i.id,
                    InvoiceBalance {
                        total: i.total(),
                        ..InvoiceBalance::default()
                    },
                )
            })
            .collect();
        let mut unallocated: HashMap<ClientId, Decimal> = HashMap::new();
        for payment in ledger.payments().iter().filter(|p| p.details.date <= as_of) {
            for allocation in &payment.details.allocations {
                if let Some(balance) = invoices.get_mut(&allocation.invoice) {
                    balance.paid += allocation.amount;
                }
            }
            *unallocated.entry(payment.details.client).or_default() += payment.unallocated();
        }
        for note in ledger.credit_notes().iter().filter(|c| c.date <= as_of) {
            if let Some(balance) = invoices.get_mut(&note.invoice) {
                balance.credited += note.amount;
            }
        }
        let mut written_off = HashSet::new();
        for write_off in ledger.write_offs().iter().filter(|w| w.date <= as_of) {
            if let Some(balance) = invoices.get_mut(&write_off.invoice) {
                balance.write_off(write_off.amount);
                written_off.insert(write_off.invoice);
            }
        }
        let disputed = ledger
            .disputes()
            .iter()
            .filter(|d| d.is_open_on(as_of))
            .map(|d| d.invoice)
            .collect();
        Position {
            as_of,
            invoices,
            unallocated,
            disputed,
            written_off,
        }
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    pub fn invoice(&self, id: InvoiceId) -> InvoiceBalance {
        self.invoices.get(&id).copied().unwrap_or_default()
    }

    pub fn status(&self, invoice: &Invoice) -> InvoiceStatus {
        let balance = self.invoice(invoice.id);
        if self.written_off.contains(&invoice.id) {
            InvoiceStatus::WrittenOff
        } else if balance.open().is_zero() {
            InvoiceStatus::Paid
        } else if self.disputed.contains(&invoice.id) {
            InvoiceStatus::Disputed
        } else if self.as_of > invoice.due_date() {
            InvoiceStatus::Overdue
        } else if balance.settled() > Decimal::ZERO {
            InvoiceStatus::PartlyPaid
        } else {
            InvoiceStatus::Issued
        }
    }

    /// Days past the due date at the position's date (0 when not yet due).
    pub fn days_overdue(&self, invoice: &Invoice) -> i64 {
        (self.as_of - invoice.due_date()).num_days().max(0)
    }

    /// Every client's balance in one pass over the ledger.
    pub fn client_balances(&self, ledger: &Ledger) -> HashMap<ClientId, ClientBalance> {
        let mut balances: HashMap<ClientId, ClientBalance> = HashMap::new();
        for invoice in ledger.invoices() {
            let balance = self.invoice(invoice.id);
            let entry = balances.entry(invoice.details.client).or_default();
            entry.credit += balance.excess();
            let open = balance.open();
            if open > Decimal::ZERO {
                entry.open += open;
                entry.open_count += 1;
                if self.as_of > invoice.due_date() {
                    entry.overdue += open;
                    entry.overdue_count += 1;
                }
            }
        }
        for (client, credit) in &self.unallocated {
            balances.entry(*client).or_default().credit += *credit;
        }
        balances
    }

    pub fn client_balance(&self, ledger: &Ledger, client: ClientId) -> ClientBalance {
        self.client_balances(ledger)
            .remove(&client)
            .unwrap_or_default()
    }

    /// The whole portfolio's balance.
    pub fn total(&self, ledger: &Ledger) -> ClientBalance {
        let mut total = ClientBalance::default();
        for balance in self.client_balances(ledger).values() {
            total.add(balance);
        }
        total
    }
}
