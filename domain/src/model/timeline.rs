//! Each invoice's history in date order: what its open amount was on any day, when it was
//! paid, when it was in dispute.
//!
//! A [`crate::model::balances::Position`] answers "what is owed on one date"; the KPIs' 24-month
//! series, the payment model and the cash-in forecast ask it for many dates at once. The
//! timeline gathers the facts in one pass over the ledger, after which each date costs a short
//! scan per invoice instead of another pass over every payment.

use crate::model::invoice::Invoice;
use crate::model::ledger::Ledger;
use crate::model::settlement::Dispute;
use crate::values::ids::ClientId;
use crate::values::sorting::sort_by;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One invoice and everything that settled it, oldest first.
#[derive(Clone, Debug)]
pub struct InvoiceHistory<'a> {
    pub invoice: &'a Invoice,
    pub due: NaiveDate,
    pub total: Decimal,
    /// Payments, credit notes and the write-off, by date.
    settlements: Vec<(NaiveDate, Decimal)>,
    disputes: Vec<&'a Dispute>,
    /// The day payments and credit notes covered the whole invoice, when at least one
    /// payment took part and nothing was written off: when the client paid it.
    pub paid_on: Option<NaiveDate>,
    /// The day the open balance was written off, if it was.
    pub written_off_on: Option<NaiveDate>,
}

impl InvoiceHistory<'_> {
    pub fn client(&self) -> ClientId {
        self.invoice.details.client
    }

    /// Whether the invoice existed on that date: a receivable counts from its issue date.
    pub fn issued_by(&self, date: NaiveDate) -> bool {
        self.invoice.details.issue_date <= date
    }

    /// What the client still owed at the end of that day.
    pub fn open_at(&self, date: NaiveDate) -> Decimal {
        let settled: Decimal = self
            .settled_by(date)
            .iter()
            .map(|(_, amount)| *amount)
            .sum();
        (self.total - settled).max(Decimal::ZERO)
    }

    /// The settlements dated on or before that day, oldest first (the write-off among them
    /// once it is dated).
    pub fn settled_by(&self, date: NaiveDate) -> &[(NaiveDate, Decimal)] {
        let end = self.settlements.partition_point(|(day, _)| *day <= date);
        &self.settlements[..end]
    }

    /// Whether the invoice was written off on or before that day.
    pub fn written_off_by(&self, date: NaiveDate) -> bool {
        self.written_off_on.is_some_and(|day| day <= date)
    }

    pub fn disputed_at(&self, date: NaiveDate) -> bool {
        self.disputes.iter().any(|d| d.is_open_on(date))
    }

    /// Whether it was past due and unpaid at the end of that day.
    pub fn overdue_at(&self, date: NaiveDate) -> bool {
        self.due < date && self.open_at(date) > Decimal::ZERO
    }

    /// Days between the due date and the payment (negative when paid early), if paid.
    pub fn days_late(&self) -> Option<i64> {
        self.paid_on.map(|paid| (paid - self.due).num_days())
    }
}

/// Every invoice's history, in the ledger's order, and the payments received.
#[derive(Clone, Debug)]
pub struct Timeline<'a> {
    pub invoices: Vec<InvoiceHistory<'a>>,
    /// Each payment's date and whole amount (allocated or not): the cash that came in.
    pub receipts: Vec<(NaiveDate, Decimal)>,
    /// Credit notes' dates and amounts: what reduces the period's sales.
    pub credit_notes: Vec<(NaiveDate, Decimal)>,
}

impl<'a> Timeline<'a> {
    pub fn new(ledger: &'a Ledger) -> Self {
        let index: HashMap<_, usize> = ledger
            .invoices()
            .iter()
            .enumerate()
            .map(|(i, invoice)| (invoice.id, i))
            .collect();
        let mut invoices: Vec<InvoiceHistory<'a>> = ledger
            .invoices()
            .iter()
            .map(|invoice| InvoiceHistory {
                invoice,
                due: invoice.due_date(),
                total: invoice.total(),
                settlements: Vec::new(),
                disputes: Vec::new(),
                paid_on: None,
                written_off_on: None,
            })
            .collect();
        let mut paid_by_payment = vec![false; invoices.len()];
        for payment in ledger.payments() {
            for allocation in &payment.details.allocations {
                if let Some(&i) = index.get(&allocation.invoice) {
                    invoices[i]
                        .settlements
                        .push((payment.details.date, allocation.amount));
                    paid_by_payment[i] = true;
                }
            }
        }
        for note in ledger.credit_notes() {
            if let Some(&i) = index.get(&note.invoice) {
                invoices[i].settlements.push((note.date, note.amount));
            }
        }
        for dispute in ledger.disputes() {
            if let Some(&i) = index.get(&dispute.invoice) {
                invoices[i].disputes.push(dispute);
            }
        }
        for (history, has_payment) in invoices.iter_mut().zip(paid_by_payment) {
            sort_by(&mut history.settlements, Ord::cmp);
            if has_payment {
                history.paid_on = date_covered(&history.settlements, history.total);
            }
        }
        // Write-offs come last: the day of payment only counts what the client paid.
        for write_off in ledger.write_offs() {
            if let Some(&i) = index.get(&write_off.invoice) {
                let history = &mut invoices[i];
                history.written_off_on = Some(write_off.date);
                history.paid_on = None;
                history.settlements.push((write_off.date, write_off.amount));
                sort_by(&mut history.settlements, Ord::cmp);
            }
        }
        let receipts = ledger
            .payments()
            .iter()
            .map(|p| (p.details.date, p.details.amount))
            .collect();
        let credit_notes = ledger
            .credit_notes()
            .iter()
            .map(|c| (c.date, c.amount))
            .collect();
        Timeline {
            invoices,
            receipts,
            credit_notes,
        }
    }

    /// Invoices issued minus credit notes granted, both dated within `[from, to]`.
    pub fn net_sales(&self, from: NaiveDate, to: NaiveDate) -> Decimal {
        let within = |date: NaiveDate| from <= date && date <= to;
        let invoiced: Decimal = self
            .invoices
            .iter()
            .filter(|h| within(h.invoice.details.issue_date))
            .map(|h| h.total)
            .sum();
        let credited: Decimal = self
            .credit_notes
            .iter()
            .filter(|(date, _)| within(*date))
            .map(|(_, amount)| *amount)
            .sum();
        invoiced - credited
    }

    /// Cash received within `[from, to]`.
    pub fn received(&self, from: NaiveDate, to: NaiveDate) -> Decimal {
        self.receipts
            .iter()
            .filter(|(date, _)| from <= *date && *date <= to)
            .map(|(_, amount)| *amount)
            .sum()
    }
}

/// The first day on which the running total of the settlements reaches the amount.
pub(crate) fn date_covered(
    settlements: &[(NaiveDate, Decimal)],
    amount: Decimal,
) -> Option<NaiveDate> {
    let mut settled = Decimal::ZERO;
    settlements.iter().find_map(|(date, part)| {
        settled += *part;
        (settled >= amount).then_some(*date)
    })
}
