//! Recording an import plan whole or not at all, and taking an import back.
//!
//! The record of an import lists every entity it created, so that it can be undone later:
//! undoing removes exactly those, and refuses while anything recorded since depends on them
//! (a payment typed by hand on an imported invoice, a reminder, a reconciled bank line...).

use super::plan::{ClientRef, ImportPlan, InvoiceRef};
use crate::model::imports::{ImportRecord, InvoiceColumns, SavedInvoiceColumns};
use crate::model::invoice::InvoiceDetails;
use crate::model::ledger::Ledger;
use crate::model::payment::{Allocation, PaymentDetails};
use crate::values::ids::{ClientId, CreditNoteId, InvoiceId, PaymentId};
use crate::values::problem::{BuiltOnImport, Problem};
use chrono::NaiveDate;
use std::collections::HashSet;

impl ImportRecord {
    /// Every id the import took; they follow each other, as nothing else runs meanwhile.
    fn ids(&self) -> impl Iterator<Item = u64> + '_ {
        let clients = self.clients.iter().map(|i| i.0);
        let invoices = self.invoices.iter().map(|i| i.0);
        let notes = self.credit_notes.iter().map(|i| i.0);
        clients
            .chain(invoices)
            .chain(notes)
            .chain(self.payments.iter().map(|i| i.0))
    }
}

/// Records the plan on a copy of the ledger: the new ledger and the import's record, or the
/// first problem and the ledger untouched.
pub fn apply(
    ledger: &Ledger,
    plan: &ImportPlan,
    today: NaiveDate,
) -> Result<(Ledger, ImportRecord), Problem> {
    let mut next = ledger.clone();
    let mut record = ImportRecord {
        on: today,
        file_name: plan.file_name.clone().unwrap_or_default(),
        clients: Vec::new(),
        invoices: Vec::new(),
        credit_notes: Vec::new(),
        payments: Vec::new(),
    };
    for client in &plan.new_clients {
        record
            .clients
            .push(next.add_client(client.details.clone(), today));
    }
    let client_id = |client: ClientRef| match client {
        ClientRef::Existing(id) => Ok(id),
        ClientRef::New(index) => record
            .clients
            .get(index)
            .copied()
            .ok_or(Problem::UnknownClient(ClientId(0))),
    };
    let mut invoices = Vec::new();
    for invoice in &plan.new_invoices {
        invoices.push(next.add_invoice(InvoiceDetails {
            number: invoice.number.clone(),
            client: client_id(invoice.client)?,
            issue_date: invoice.issue_date,
            terms: invoice.terms,
            net: invoice.net,
            vat: invoice.vat,
            description: invoice.description.clone(),
            contractual_rate: None,
        })?);
    }
    let invoice_id = |index: usize| {
        invoices
            .get(index)
            .copied()
            .ok_or(Problem::UnknownInvoice(InvoiceId(0)))
    };
    for note in &plan.credit_notes {
        let invoice = match note.invoice {
            InvoiceRef::Existing(id) => id,
            InvoiceRef::New(index) => invoice_id(index)?,
        };
        record.credit_notes.push(next.add_credit_note(
            invoice,
            note.number.clone(),
            note.date,
            note.amount,
            note.reason.clone(),
        )?);
    }
    for payment in &plan.payments {
        let allocations = payment
            .allocations
            .iter()
            .map(|a| {
                Ok(Allocation {
                    invoice: invoice_id(a.invoice)?,
                    amount: a.amount,
                })
            })
            .collect::<Result<Vec<_>, Problem>>()?;
        record.payments.push(next.record_payment(PaymentDetails {
            client: client_id(payment.client)?,
            date: payment.date,
            amount: payment.amount,
            method: payment.method,
            reference: payment.reference.clone(),
            allocations,
        })?);
    }
    record.invoices = invoices;
    Ok((next, record))
}

/// Removes what the import created, or refuses whole when something recorded since
/// depends on it. When nothing took an id since, the id counter goes back too, so the
/// ledger is again exactly what it was before the import.
pub fn undo(ledger: &Ledger, record: &ImportRecord) -> Result<Ledger, Problem> {
    let clients: HashSet<ClientId> = record.clients.iter().copied().collect();
    let invoices: HashSet<InvoiceId> = record.invoices.iter().copied().collect();
    let notes: HashSet<CreditNoteId> = record.credit_notes.iter().copied().collect();
    let payments: HashSet<PaymentId> = record.payments.iter().copied().collect();
    let built_on = |what| Err(Problem::ImportBuiltOn(what));
    for payment in ledger.payments() {
        let imported = payments.contains(&payment.id);
        let settles_imported = payment
            .details
            .allocations
            .iter()
            .any(|a| invoices.contains(&a.invoice));
        let settles_other = payment
            .details
            .allocations
            .iter()
            .any(|a| !invoices.contains(&a.invoice));
        // A payment typed since for an imported client or invoice, or an imported payment
        // whose credit was since used on another invoice.
        if (!imported && (settles_imported || clients.contains(&payment.details.client)))
            || (imported && settles_other)
        {
            return built_on(BuiltOnImport::Payment);
        }
        if imported && ledger.bank.mentions_payment(payment.id) {
            return built_on(BuiltOnImport::BankLine);
        }
    }
    if ledger
        .credit_notes()
        .iter()
        .any(|c| invoices.contains(&c.invoice) && !notes.contains(&c.id))
    {
        return built_on(BuiltOnImport::CreditNote);
    }
    if ledger
        .write_offs()
        .iter()
        .any(|w| invoices.contains(&w.invoice))
    {
        return built_on(BuiltOnImport::WriteOff);
    }
    if ledger
        .disputes()
        .iter()
        .any(|d| invoices.contains(&d.invoice))
    {
        return built_on(BuiltOnImport::Dispute);
    }
    if invoices
        .iter()
        .any(|&i| ledger.reminders().mentions_invoice(i))
        || clients
            .iter()
            .any(|&c| ledger.reminders().mentions_client(c))
    {
        return built_on(BuiltOnImport::Reminder);
    }
    if ledger
        .invoices()
        .iter()
        .any(|i| clients.contains(&i.details.client) && !invoices.contains(&i.id))
    {
        return built_on(BuiltOnImport::Invoice);
    }
    if ledger
        .drafts()
        .iter()
        .any(|d| clients.contains(&d.details.client))
    {
        return built_on(BuiltOnImport::Draft);
    }
    let mut next = ledger.clone();
    next.payments.retain(|p| !payments.contains(&p.id));
    next.credit_notes.retain(|c| !notes.contains(&c.id));
    next.invoices.retain(|i| !invoices.contains(&i.id));
    next.clients.retain(|c| !clients.contains(&c.id));
    if let (Some(first), Some(last)) = (record.ids().min(), record.ids().max()) {
        if next.next_id == last {
            next.next_id = first - 1;
        }
    }
    Ok(next)
}

impl Ledger {
    /// The imports kept, oldest first.
    pub fn imports(&self) -> &[ImportRecord] {
        &self.imports
    }

    /// Applies an import plan whole and keeps its record so that it can be undone.
    pub fn apply_import(&mut self, plan: &ImportPlan, today: NaiveDate) -> Result<(), Problem> {
        let (mut next, record) = apply(self, plan, today)?;
        next.imports.push(record);
        *self = next;
        Ok(())
    }

    /// The columns the user chose last for an invoices CSV of this header (see
    /// [`crate::files::import::invoices_csv::header_signature`]).
    pub fn invoice_csv_columns(&self, signature: &str) -> Option<&InvoiceColumns> {
        self.invoice_csv_mappings
            .iter()
            .find(|m| m.signature == signature)
            .map(|m| &m.columns)
    }

    /// Remembers the columns of an invoices CSV layout, replacing what was remembered for it.
    pub fn save_invoice_csv_columns(&mut self, signature: String, columns: InvoiceColumns) {
        self.invoice_csv_mappings
            .retain(|m| m.signature != signature);
        self.invoice_csv_mappings
            .push(SavedInvoiceColumns { signature, columns });
    }

    /// Takes back the import at `index` (see [`undo`]) and forgets its record.
    pub fn undo_import(&mut self, index: usize) -> Result<(), Problem> {
        let record = self
            .imports
            .get(index)
            .ok_or(Problem::UnknownImport)?
            .clone();
        let mut next = undo(self, &record)?;
        next.imports.remove(index);
        *self = next;
        Ok(())
    }
}
