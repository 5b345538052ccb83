//! The ledger: every fact the user recorded, and the only way to change them.
//!
//! Each change is a method that checks the ledger's invariants and either applies the whole
//! change or returns a [`Problem`] and leaves the ledger untouched. Invariants:
//! - ids are unique across all entities, below `next_id`, and each list is sorted by id
//!   (so lookups are binary searches);
//! - every reference (an invoice's client, an allocation's invoice...) points to an entity that
//!   exists, and an allocation's invoice belongs to the payment's client;
//! - invoice numbers are unique (see [`crate::model::invoice::number_key`]);
//! - amounts are positive; a payment's allocations never exceed it, nor an invoice's open amount
//!   when they are made.
//!
//! The changes this module defines are those of the facts every layer shares (clients,
//! invoices, payments, settlements, drafts). A layer above that stores facts of its own adds
//! its changes to the ledger in its own `impl Ledger`, beside the rules they apply: the
//! reminders' in [`crate::collection::reminder`], the bank's in [`crate::bank::book`], the
//! imports' in [`crate::files::import::apply`].

use crate::model::balances::{InvoiceBalance, Position};
use crate::model::bank_book::BankBook;
use crate::model::client::{Client, ClientDetails, CreditHold, HOLD_REASON_MAX};
use crate::model::imports::{ImportRecord, SavedInvoiceColumns};
use crate::model::invoice::{same_number, Draft, Invoice, InvoiceDetails};
use crate::model::payment::{Allocation, Payment, PaymentDetails};
use crate::model::reminders::Reminders;
use crate::model::settings::Settings;
use crate::model::settlement::{CreditNote, Dispute, WriteOff};
use crate::values::ids::{
    ClientId, CreditNoteId, DisputeId, DraftId, InvoiceId, PaymentId, WriteOffId,
};
use crate::values::problem::Problem;
use crate::values::sorting::sort_by_key;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    pub(crate) next_id: u64,
    pub(crate) clients: Vec<Client>,
    pub(crate) invoices: Vec<Invoice>,
    pub(crate) payments: Vec<Payment>,
    pub(crate) credit_notes: Vec<CreditNote>,
    pub(crate) disputes: Vec<Dispute>,
    pub(crate) write_offs: Vec<WriteOff>,
    pub(crate) drafts: Vec<Draft>,
    pub(crate) reminders: Reminders,
    pub(crate) settings: Settings,
    pub(crate) bank: BankBook,
    /// What each import of invoices, clients and payments (FEC, invoicing tool's CSV)
    /// created, oldest first, so that it can be undone.
    pub(crate) imports: Vec<ImportRecord>,
    /// The columns named once per invoicing tool's CSV layout.
    pub(crate) invoice_csv_mappings: Vec<SavedInvoiceColumns>,
}

/// Finds an entity by id in a list sorted by id.
fn find<T, K: Ord>(items: &[T], key: K, id_of: impl Fn(&T) -> K) -> Option<&T> {
    items
        .binary_search_by(|item| id_of(item).cmp(&key))
        .ok()
        .map(|i| &items[i])
}

impl Ledger {
    pub fn clients(&self) -> &[Client] {
        &self.clients
    }
    pub fn invoices(&self) -> &[Invoice] {
        &self.invoices
    }
    pub fn payments(&self) -> &[Payment] {
        &self.payments
    }
    pub fn credit_notes(&self) -> &[CreditNote] {
        &self.credit_notes
    }
    pub fn disputes(&self) -> &[Dispute] {
        &self.disputes
    }
    pub fn write_offs(&self) -> &[WriteOff] {
        &self.write_offs
    }
    pub fn drafts(&self) -> &[Draft] {
        &self.drafts
    }
    pub fn draft(&self, id: DraftId) -> Option<&Draft> {
        find(&self.drafts, id, |d| d.id)
    }
    pub fn drafts_of(&self, client: ClientId) -> impl Iterator<Item = &Draft> {
        self.drafts
            .iter()
            .filter(move |d| d.details.client == client)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The reminder plans and what was done to collect: reminders, promises, payment plans,
    /// litigations.
    pub fn reminders(&self) -> &Reminders {
        &self.reminders
    }

    pub fn update_settings(&mut self, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings);
    }

    pub fn is_empty(&self) -> bool {
        self.clients.is_empty()
            && self.invoices.is_empty()
            && self.payments.is_empty()
            && self.drafts.is_empty()
    }

    pub fn client(&self, id: ClientId) -> Option<&Client> {
        find(&self.clients, id, |c| c.id)
    }
    /// The client's name, empty for an unknown id (lists and links show it as it stands).
    pub fn client_name(&self, id: ClientId) -> String {
        self.client(id)
            .map(|c| c.details.name.clone())
            .unwrap_or_default()
    }
    pub fn invoice(&self, id: InvoiceId) -> Option<&Invoice> {
        find(&self.invoices, id, |i| i.id)
    }
    pub fn payment(&self, id: PaymentId) -> Option<&Payment> {
        find(&self.payments, id, |p| p.id)
    }

    pub fn invoices_of(&self, client: ClientId) -> impl Iterator<Item = &Invoice> {
        self.invoices
            .iter()
            .filter(move |i| i.details.client == client)
    }
    pub fn payments_of(&self, client: ClientId) -> impl Iterator<Item = &Payment> {
        self.payments
            .iter()
            .filter(move |p| p.details.client == client)
    }

    /// The dispute open on an invoice now (whatever its dates), if any.
    pub fn current_dispute(&self, invoice: InvoiceId) -> Option<&Dispute> {
        self.disputes
            .iter()
            .find(|d| d.invoice == invoice && d.closed_on.is_none())
    }
    pub fn write_off_of(&self, invoice: InvoiceId) -> Option<&WriteOff> {
        self.write_offs.iter().find(|w| w.invoice == invoice)
    }

    /// The balance of an invoice counting every recorded fact, whatever its date. A direct
    /// scan rather than a [`Position`]: each payment recorded checks its allocations with it,
    /// and a position's per-client credit would make loading a large portfolio quadratic.
    pub fn balance_now(&self, invoice: InvoiceId) -> InvoiceBalance {
        let Some(found) = self.invoice(invoice) else {
            return InvoiceBalance::default();
        };
        let mut balance = InvoiceBalance {
            total: found.total(),
            paid: self
                .payments
                .iter()
                .flat_map(|p| &p.details.allocations)
                .filter(|a| a.invoice == invoice)
                .map(|a| a.amount)
                .sum(),
            credited: self
                .credit_notes
                .iter()
                .filter(|c| c.invoice == invoice)
                .map(|c| c.amount)
                .sum(),
            written_off: Decimal::ZERO,
        };
        if let Some(write_off) = self.write_off_of(invoice) {
            balance.write_off(write_off.amount);
        }
        balance
    }

    /// The client's invoices that still have something open (counting every recorded fact),
    /// earliest due date first, with what each has open: what a payment can settle.
    pub fn open_invoices_of(&self, client: ClientId) -> Vec<(&Invoice, Decimal)> {
        let mine: Vec<Invoice> = self.invoices_of(client).cloned().collect();
        let position = Position::of_invoices(self, NaiveDate::MAX, &mine);
        let mut open: Vec<(&Invoice, Decimal)> = self
            .invoices_of(client)
            .filter(|i| self.write_off_of(i.id).is_none())
            .map(|i| (i, position.invoice(i.id).open()))
            .filter(|(_, open)| *open > Decimal::ZERO)
            .collect();
        sort_by_key(&mut open, |(i, _)| (i.due_date(), i.id));
        open
    }

    /// Spreads `amount` over the client's open invoices, earliest due date first, as a
    /// client paying without a remittance advice expects.
    pub fn allocate_oldest_first(&self, client: ClientId, amount: Decimal) -> Vec<Allocation> {
        let mut remaining = amount.max(Decimal::ZERO);
        let mut allocations = Vec::new();
        for (invoice, open) in self.open_invoices_of(client) {
            if remaining.is_zero() {
                break;
            }
            let part = open.min(remaining);
            allocations.push(Allocation {
                invoice: invoice.id,
                amount: part,
            });
            remaining -= part;
        }
        allocations
    }

    /// The number a new invoice most likely takes: the last one's, incremented.
    pub fn suggested_invoice_number(&self, year: i32) -> String {
        crate::model::invoice::next_number(
            self.invoices.last().map(|i| i.details.number.as_str()),
            year,
        )
    }

    pub(crate) fn take_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn client_mut(&mut self, id: ClientId) -> Result<&mut Client, Problem> {
        let index = self
            .clients
            .binary_search_by_key(&id, |c| c.id)
            .map_err(|_| Problem::UnknownClient(id))?;
        Ok(&mut self.clients[index])
    }

    pub(crate) fn invoice_index(&self, id: InvoiceId) -> Result<usize, Problem> {
        self.invoices
            .binary_search_by_key(&id, |i| i.id)
            .map_err(|_| Problem::UnknownInvoice(id))
    }

    fn existing_invoice(&self, id: InvoiceId) -> Result<&Invoice, Problem> {
        self.invoice(id).ok_or(Problem::UnknownInvoice(id))
    }

    fn has_settlements(&self, invoice: InvoiceId) -> bool {
        self.payments
            .iter()
            .any(|p| p.details.allocations.iter().any(|a| a.invoice == invoice))
            || self.credit_notes.iter().any(|c| c.invoice == invoice)
            || self.write_offs.iter().any(|w| w.invoice == invoice)
            || self.disputes.iter().any(|d| d.invoice == invoice)
            || self.reminders.mentions_invoice(invoice)
    }

    // ----- clients -----

    pub fn add_client(&mut self, details: ClientDetails, created_on: NaiveDate) -> ClientId {
        let id = ClientId(self.take_id());
        self.clients.push(Client {
            id,
            created_on,
            archived: false,
            details,
            credit_holds: Vec::new(),
        });
        id
    }

    pub fn update_client(&mut self, id: ClientId, details: ClientDetails) -> Result<(), Problem> {
        self.client_mut(id)?.details = details;
        Ok(())
    }

    pub fn set_client_archived(&mut self, id: ClientId, archived: bool) -> Result<(), Problem> {
        self.client_mut(id)?.archived = archived;
        Ok(())
    }

    /// Stops sales on credit to a client from a date, for a reason that is kept.
    pub fn block_client(
        &mut self,
        id: ClientId,
        date: NaiveDate,
        reason: String,
    ) -> Result<(), Problem> {
        let reason = checked_reason(reason)?;
        let client = self.client_mut(id)?;
        if client.current_hold().is_some() {
            return Err(Problem::ClientAlreadyBlocked);
        }
        // Holds follow each other: a new one cannot start before the last was lifted.
        if let Some(lifted) = client.credit_holds.last().and_then(|h| h.lifted_on) {
            if date < lifted {
                return Err(Problem::DateBeforeBlock);
            }
        }
        client.credit_holds.push(CreditHold {
            blocked_on: date,
            reason,
            lifted_on: None,
            lift_reason: String::new(),
        });
        Ok(())
    }

    /// Lifts the client's hold from a date, for a reason that is kept beside the hold's.
    pub fn unblock_client(
        &mut self,
        id: ClientId,
        date: NaiveDate,
        reason: String,
    ) -> Result<(), Problem> {
        let reason = checked_reason(reason)?;
        let client = self.client_mut(id)?;
        let hold = client
            .credit_holds
            .last_mut()
            .filter(|h| h.lifted_on.is_none())
            .ok_or(Problem::ClientNotBlocked)?;
        if date < hold.blocked_on {
            return Err(Problem::DateBeforeBlock);
        }
        hold.lifted_on = Some(date);
        hold.lift_reason = reason;
        Ok(())
    }

    /// Only a client with no invoice, draft or payment can be deleted; others are archived,
    /// so their history stays.
    pub fn delete_client(&mut self, id: ClientId) -> Result<(), Problem> {
        self.client_mut(id)?;
        if self.invoices_of(id).next().is_some()
            || self.payments_of(id).next().is_some()
            || self.drafts_of(id).next().is_some()
            || self.reminders.mentions_client(id)
        {
            return Err(Problem::ClientHasInvoices);
        }
        self.clients.retain(|c| c.id != id);
        Ok(())
    }

    // ----- invoices -----

    fn check_number_free(&self, number: &str, except: Option<InvoiceId>) -> Result<(), Problem> {
        let taken = self
            .invoices
            .iter()
            .any(|i| Some(i.id) != except && same_number(&i.details.number, number));
        if taken {
            Err(Problem::InvoiceNumberTaken)
        } else {
            Ok(())
        }
    }

    pub fn is_number_free(&self, number: &str, except: Option<InvoiceId>) -> bool {
        self.check_number_free(number, except).is_ok()
    }

    /// What a new invoice or draft must satisfy besides its number: an active client and
    /// positive amounts.
    fn check_invoice_to_create(&self, details: &InvoiceDetails) -> Result<(), Problem> {
        let client = self
            .client(details.client)
            .ok_or(Problem::UnknownClient(details.client))?;
        if client.archived {
            return Err(Problem::ClientArchived);
        }
        if details.net <= Decimal::ZERO || details.vat < Decimal::ZERO {
            return Err(Problem::AmountNotPositive);
        }
        Ok(())
    }

    pub fn add_invoice(&mut self, details: InvoiceDetails) -> Result<InvoiceId, Problem> {
        self.check_invoice_to_create(&details)?;
        self.check_number_free(&details.number, None)?;
        let id = InvoiceId(self.take_id());
        self.invoices.push(Invoice {
            id,
            details,
            formal_notice: None,
        });
        Ok(id)
    }

    /// Edits an invoice. Once anything settles it, it stays with its client; its amount may
    /// still be corrected, and what then exceeds the new total becomes the client's credit.
    pub fn update_invoice(
        &mut self,
        id: InvoiceId,
        details: InvoiceDetails,
    ) -> Result<(), Problem> {
        let index = self.invoice_index(id)?;
        self.client(details.client)
            .ok_or(Problem::UnknownClient(details.client))?;
        self.check_number_free(&details.number, Some(id))?;
        if details.client != self.invoices[index].details.client && self.has_settlements(id) {
            return Err(Problem::InvoiceHasSettlements);
        }
        if details.net <= Decimal::ZERO || details.vat < Decimal::ZERO {
            return Err(Problem::AmountNotPositive);
        }
        self.invoices[index].details = details;
        Ok(())
    }

    // ----- drafts -----

    /// Keeps an invoice being prepared; its number is checked only when it is issued.
    pub fn save_draft(&mut self, details: InvoiceDetails) -> Result<DraftId, Problem> {
        self.check_invoice_to_create(&details)?;
        let id = DraftId(self.take_id());
        self.drafts.push(Draft { id, details });
        Ok(id)
    }

    pub fn update_draft(&mut self, id: DraftId, details: InvoiceDetails) -> Result<(), Problem> {
        let index = self.draft_index(id)?;
        self.check_invoice_to_create(&details)?;
        self.drafts[index].details = details;
        Ok(())
    }

    pub fn delete_draft(&mut self, id: DraftId) -> Result<(), Problem> {
        let index = self.draft_index(id)?;
        self.drafts.remove(index);
        Ok(())
    }

    /// Issues a draft as an invoice with the details as finally typed: the invoice is
    /// recorded and the draft removed together, or neither.
    pub fn issue_draft(
        &mut self,
        id: DraftId,
        details: InvoiceDetails,
    ) -> Result<InvoiceId, Problem> {
        let index = self.draft_index(id)?;
        let invoice = self.add_invoice(details)?;
        self.drafts.remove(index);
        Ok(invoice)
    }

    fn draft_index(&self, id: DraftId) -> Result<usize, Problem> {
        self.drafts
            .binary_search_by_key(&id, |d| d.id)
            .map_err(|_| Problem::UnknownDraft(id))
    }

    /// Deletes an invoice recorded by mistake; one with any settlement must be credited instead.
    pub fn delete_invoice(&mut self, id: InvoiceId) -> Result<(), Problem> {
        self.invoice_index(id)?;
        if self.has_settlements(id) {
            return Err(Problem::InvoiceHasSettlements);
        }
        self.invoices.retain(|i| i.id != id);
        Ok(())
    }

    // ----- payments -----

    pub fn record_payment(&mut self, details: PaymentDetails) -> Result<PaymentId, Problem> {
        self.client(details.client)
            .ok_or(Problem::UnknownClient(details.client))?;
        if details.amount <= Decimal::ZERO {
            return Err(Problem::AmountNotPositive);
        }
        self.check_allocations(details.client, &details.allocations)?;
        let allocated: Decimal = details.allocations.iter().map(|a| a.amount).sum();
        if allocated > details.amount {
            return Err(Problem::AllocationsExceedPayment {
                payment: details.amount,
            });
        }
        let id = PaymentId(self.take_id());
        self.payments.push(Payment { id, details });
        Ok(id)
    }

    fn check_allocations(
        &self,
        client: ClientId,
        allocations: &[Allocation],
    ) -> Result<(), Problem> {
        let mut seen = HashSet::new();
        for allocation in allocations {
            let invoice = self.existing_invoice(allocation.invoice)?;
            if invoice.details.client != client {
                return Err(Problem::InvoiceOfAnotherClient);
            }
            if !seen.insert(allocation.invoice) {
                return Err(Problem::InvoiceListedTwice);
            }
            if allocation.amount <= Decimal::ZERO {
                return Err(Problem::AmountNotPositive);
            }
            if self.write_off_of(allocation.invoice).is_some() {
                return Err(Problem::InvoiceWrittenOff);
            }
            let open = self.balance_now(allocation.invoice).open();
            if allocation.amount > open {
                return Err(Problem::AllocationExceedsOpen { open });
            }
        }
        Ok(())
    }

    /// Settles an invoice from the client's credit (unallocated payments, oldest first).
    pub fn apply_credit(&mut self, invoice: InvoiceId, amount: Decimal) -> Result<(), Problem> {
        let client = self.existing_invoice(invoice)?.details.client;
        self.check_allocations(client, &[Allocation { invoice, amount }])?;
        let credit: Decimal = self.payments_of(client).map(Payment::unallocated).sum();
        if amount > credit {
            return Err(Problem::AllocationsExceedPayment { payment: credit });
        }
        let mut remaining = amount;
        for payment in self
            .payments
            .iter_mut()
            .filter(|p| p.details.client == client)
        {
            let part = payment.unallocated().min(remaining);
            if part <= Decimal::ZERO {
                continue;
            }
            match payment
                .details
                .allocations
                .iter_mut()
                .find(|a| a.invoice == invoice)
            {
                Some(existing) => existing.amount += part,
                None => payment.details.allocations.push(Allocation {
                    invoice,
                    amount: part,
                }),
            }
            remaining -= part;
            if remaining.is_zero() {
                break;
            }
        }
        Ok(())
    }

    pub fn delete_payment(&mut self, id: PaymentId) -> Result<(), Problem> {
        let before = self.payments.len();
        self.payments.retain(|p| p.id != id);
        if self.payments.len() == before {
            return Err(Problem::UnknownPayment(id));
        }
        self.bank.forget_payment(id);
        Ok(())
    }

    /// Records the date a formal notice (mise en demeure) was sent for an invoice: from it, a
    /// private individual owes interest.
    pub fn record_formal_notice(
        &mut self,
        invoice: InvoiceId,
        date: NaiveDate,
    ) -> Result<(), Problem> {
        let index = self.invoice_index(invoice)?;
        if date < self.invoices[index].due_date() {
            return Err(Problem::DateBeforeIssue);
        }
        self.invoices[index].formal_notice = Some(date);
        Ok(())
    }

    // ----- credit notes, disputes, write-offs -----

    pub fn add_credit_note(
        &mut self,
        invoice: InvoiceId,
        number: String,
        date: NaiveDate,
        amount: Decimal,
        reason: String,
    ) -> Result<CreditNoteId, Problem> {
        let target = self.existing_invoice(invoice)?;
        if date < target.details.issue_date {
            return Err(Problem::DateBeforeIssue);
        }
        if self.write_off_of(invoice).is_some() {
            return Err(Problem::InvoiceWrittenOff);
        }
        if amount <= Decimal::ZERO {
            return Err(Problem::AmountNotPositive);
        }
        let already: Decimal = self
            .credit_notes
            .iter()
            .filter(|c| c.invoice == invoice)
            .map(|c| c.amount)
            .sum();
        let max = target.total() - already;
        if amount > max {
            return Err(Problem::CreditNoteExceeds { max });
        }
        let id = CreditNoteId(self.take_id());
        self.credit_notes.push(CreditNote {
            id,
            number: number.trim().to_string(),
            invoice,
            date,
            amount,
            reason,
        });
        Ok(id)
    }

    pub fn open_dispute(
        &mut self,
        invoice: InvoiceId,
        opened_on: NaiveDate,
        reason: String,
    ) -> Result<DisputeId, Problem> {
        let target = self.existing_invoice(invoice)?;
        if opened_on < target.details.issue_date {
            return Err(Problem::DateBeforeIssue);
        }
        if self.current_dispute(invoice).is_some() {
            return Err(Problem::DisputeAlreadyOpen);
        }
        let id = DisputeId(self.take_id());
        self.disputes.push(Dispute {
            id,
            invoice,
            opened_on,
            reason,
            closed_on: None,
            resolution: String::new(),
        });
        Ok(id)
    }

    pub fn close_dispute(
        &mut self,
        invoice: InvoiceId,
        closed_on: NaiveDate,
        resolution: String,
    ) -> Result<(), Problem> {
        let dispute = self
            .disputes
            .iter_mut()
            .find(|d| d.invoice == invoice && d.closed_on.is_none())
            .ok_or(Problem::NoOpenDispute)?;
        if closed_on < dispute.opened_on {
            return Err(Problem::DateBeforeIssue);
        }
        dispute.closed_on = Some(closed_on);
        dispute.resolution = resolution;
        Ok(())
    }

    /// Gives up what the invoice still has open, counting every recorded payment.
    pub fn write_off(
        &mut self,
        invoice: InvoiceId,
        date: NaiveDate,
        reason: String,
    ) -> Result<WriteOffId, Problem> {
        let target = self.existing_invoice(invoice)?;
        if date < target.details.issue_date {
            return Err(Problem::DateBeforeIssue);
        }
        if self.write_off_of(invoice).is_some() {
            return Err(Problem::InvoiceWrittenOff);
        }
        let amount = self.balance_now(invoice).open();
        if amount <= Decimal::ZERO {
            return Err(Problem::NothingToWriteOff);
        }
        let id = WriteOffId(self.take_id());
        self.write_offs.push(WriteOff {
            id,
            invoice,
            date,
            amount,
            reason,
        });
        Ok(id)
    }
}

/// A reason to block or unblock a client: required, trimmed, of a sensible length.
fn checked_reason(reason: String) -> Result<String, Problem> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Problem::Required);
    }
    if reason.chars().count() > HOLD_REASON_MAX {
        return Err(Problem::TooLong {
            max: HOLD_REASON_MAX,
        });
    }
    Ok(reason.to_string())
}
