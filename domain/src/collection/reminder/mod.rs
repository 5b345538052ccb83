//! Reminders (relances): the rules over what was done to collect.
//!
//! What is stored ([`Reminders`]) is the model's plain data: the plans, what the user did with
//! the queue, promises, payment plans and litigations. What is due on a day is derived from it
//! and from the ledger by [`schedule::queue`], never stored. Each change is a method that
//! checks its input against the ledger and either applies whole or returns a
//! [`ReminderProblem`] leaving everything as it was; the ledger's methods below apply them.
//! New entities take their id from the caller, who owns the ledger's one id counter; every
//! list stays sorted by id (the client plans by client).

pub mod instalments;
pub mod litigation;
pub mod plan;
pub mod schedule;

use crate::model::balances::Position;
use crate::model::invoice::{Invoice, InvoiceStatus};
use crate::model::ledger::Ledger;
use crate::model::reminders::{
    in_litigation, ActionKind, Channel, ClientPlan, InvoiceLevel, Litigation, PaymentPlan, Promise,
    ReminderAction, ReminderPlan, Reminders, Tone,
};
use crate::values::ids::{ClientId, InvoiceId, LitigationId, PaymentPlanId, PromiseId, ReminderId};
use crate::values::problem::{Problem, ReminderProblem};
use chrono::NaiveDate;
use instalments::{NewPaymentPlan, MAX_GRACE_DAYS, MAX_INSTALMENTS, MIN_INSTALMENTS};
use litigation::{NewLitigation, DOCUMENTS_MAX, DOCUMENT_MAX, NOTES_MAX};
use rust_decimal::Decimal;
use schedule::{InstalmentDue, QueueEntry};
use std::collections::{HashMap, HashSet};

/// A promise as the user records it, before it gets its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPromise {
    pub client: ClientId,
    pub made_on: NaiveDate,
    pub promised_for: NaiveDate,
    pub amount: Option<Decimal>,
    pub note: String,
}

pub const PROMISE_NOTE_MAX: usize = 1000;

/// Inserts an entity in a list sorted by id, refusing an id already there.
fn insert_by_id<T, K: Ord>(
    items: &mut Vec<T>,
    item: T,
    id_of: impl Fn(&T) -> K,
) -> Result<(), ReminderProblem> {
    match items.binary_search_by(|existing| id_of(existing).cmp(&id_of(&item))) {
        Ok(_) => Err(ReminderProblem::IdTaken),
        Err(at) => {
            items.insert(at, item);
            Ok(())
        }
    }
}

fn check_text(text: &str, max: usize) -> Result<(), ReminderProblem> {
    if text.chars().count() > max {
        return Err(Problem::TooLong { max }.into());
    }
    Ok(())
}

impl Reminders {
    /// The invoices covered by a payment plan active on that date.
    pub fn invoices_in_active_plans(
        &self,
        ledger: &Ledger,
        as_of: NaiveDate,
    ) -> HashSet<InvoiceId> {
        self.payment_plans
            .iter()
            .filter(|p| p.is_active(ledger, as_of))
            .flat_map(|p| p.invoices.iter().copied())
            .collect()
    }

    fn check_id(&self, id: u64) -> Result<(), ReminderProblem> {
        if self.uses_id(id) {
            return Err(ReminderProblem::IdTaken);
        }
        Ok(())
    }

    fn log_action(
        &mut self,
        id: u64,
        client: ClientId,
        date: NaiveDate,
        kind: ActionKind,
    ) -> Result<ReminderId, ReminderProblem> {
        self.check_id(id)?;
        let id = ReminderId(id);
        let action = ReminderAction {
            id,
            client,
            date,
            kind,
        };
        insert_by_id(&mut self.log, action, |a| a.id)?;
        Ok(id)
    }

    /// Checks that the entry's levels can be logged on that date: each invoice the client's,
    /// each level in its plan and beyond what the invoice already reached, and the date not
    /// before its last reminder. This is what keeps each level at most once per invoice and
    /// in order, even when the user clicks twice.
    fn entry_levels(
        &self,
        ledger: &Ledger,
        entry: &QueueEntry,
        date: NaiveDate,
        reached: &HashMap<InvoiceId, (i32, NaiveDate)>,
    ) -> Result<Vec<InvoiceLevel>, ReminderProblem> {
        active_client(ledger, entry.client)?;
        if entry.invoices.is_empty() {
            return Err(ReminderProblem::NoInvoice);
        }
        let ids: Vec<InvoiceId> = entry.invoices.iter().map(|i| i.invoice).collect();
        let invoices = invoices_of_client(ledger, entry.client, &ids)?;
        let plan = self.plan_for(entry.client);
        let mut levels = Vec::new();
        for (due, invoice) in entry.invoices.iter().zip(invoices) {
            let Some(offset_days) = plan.level(due.level).map(|l| l.offset_days) else {
                return Err(ReminderProblem::LevelNotInPlan {
                    invoice: due.invoice,
                    level: due.level,
                });
            };
            if date < invoice.details.issue_date {
                return Err(Problem::DateBeforeIssue.into());
            }
            if let Some(&(reached_offset, last)) = reached.get(&due.invoice) {
                if offset_days <= reached_offset {
                    return Err(ReminderProblem::LevelAlreadyReached {
                        invoice: due.invoice,
                    });
                }
                if date < last {
                    return Err(ReminderProblem::DateBeforeLastReminder {
                        invoice: due.invoice,
                    });
                }
            }
            levels.push(InvoiceLevel {
                invoice: due.invoice,
                level: due.level,
                offset_days,
            });
        }
        Ok(levels)
    }

    /// Logs a queue entry as sent on that date through that channel (the user may have
    /// phoned rather than e-mailed).
    pub fn record_done(
        &mut self,
        id: u64,
        ledger: &Ledger,
        entry: &QueueEntry,
        date: NaiveDate,
        channel: Channel,
    ) -> Result<ReminderId, ReminderProblem> {
        let reached = self.levels_reached(NaiveDate::MAX);
        let mut invoices = self.entry_levels(ledger, entry, date, &reached)?;
        invoices.extend(self.lifted_with(ledger, entry, date, &reached));
        let kind = ActionKind::Sent {
            channel,
            tone: entry.tone,
            invoices,
        };
        self.log_action(id, entry.client, date, kind)
    }

    /// The other overdue invoices a sent message listed, raised to its level when they stood
    /// lower: the client was told about them in that tone, and a later message about them must
    /// not be softer (a second reminder inside a formal notice's own deadline).
    fn lifted_with(
        &self,
        ledger: &Ledger,
        entry: &QueueEntry,
        date: NaiveDate,
        reached: &HashMap<InvoiceId, (i32, NaiveDate)>,
    ) -> Vec<InvoiceLevel> {
        let Some(offset_days) = self
            .plan_for(entry.client)
            .level(entry.level)
            .map(|l| l.offset_days)
        else {
            return Vec::new();
        };
        entry
            .also_overdue
            .iter()
            .filter(|id| {
                ledger
                    .invoice(**id)
                    .is_some_and(|i| i.details.client == entry.client && i.due_date() < date)
            })
            .filter(|id| {
                reached
                    .get(id)
                    .is_none_or(|&(offset, last)| offset < offset_days && last <= date)
            })
            .map(|&invoice| InvoiceLevel {
                invoice,
                level: entry.level,
                offset_days,
            })
            .collect()
    }

    /// Logs a queue entry as skipped: its levels count as reached, nothing is sent, and the
    /// next level keeps the plan's spacing from this date.
    pub fn record_skip(
        &mut self,
        id: u64,
        ledger: &Ledger,
        entry: &QueueEntry,
        date: NaiveDate,
    ) -> Result<ReminderId, ReminderProblem> {
        let reached = self.levels_reached(NaiveDate::MAX);
        let invoices = self.entry_levels(ledger, entry, date, &reached)?;
        self.log_action(id, entry.client, date, ActionKind::Skipped { invoices })
    }

    /// Pauses a client's reminders from `date` until `until` (excluded).
    pub fn snooze(
        &mut self,
        id: u64,
        ledger: &Ledger,
        client: ClientId,
        date: NaiveDate,
        until: NaiveDate,
    ) -> Result<ReminderId, ReminderProblem> {
        active_client(ledger, client)?;
        if until <= date {
            return Err(ReminderProblem::SnoozeNotAfterDate);
        }
        self.log_action(id, client, date, ActionKind::Snoozed { until })
    }

    /// Logs a note about an instalment of an active payment plan. Each instalment gets at most
    /// one note up to its date and one after it.
    pub fn record_instalment_reminder(
        &mut self,
        id: u64,
        ledger: &Ledger,
        due: &InstalmentDue,
        date: NaiveDate,
        channel: Channel,
    ) -> Result<ReminderId, ReminderProblem> {
        let plan = self.payment_plan(due.plan)?;
        active_client(ledger, plan.client)?;
        let instalment = plan
            .instalments
            .get(usize::from(due.instalment))
            .ok_or(ReminderProblem::UnknownInstalment)?;
        if !plan.is_active(ledger, date) {
            return Err(ReminderProblem::PaymentPlanNotActive);
        }
        let late = date > instalment.date;
        if self.instalment_reminded(plan.id, due.instalment, instalment.date, late, date) {
            return Err(ReminderProblem::InstalmentAlreadyReminded);
        }
        let client = plan.client;
        let kind = ActionKind::InstalmentReminded {
            plan: due.plan,
            instalment: due.instalment,
            channel,
        };
        self.log_action(id, client, date, kind)
    }

    pub fn add_promise(
        &mut self,
        id: u64,
        ledger: &Ledger,
        promise: NewPromise,
    ) -> Result<PromiseId, ReminderProblem> {
        active_client(ledger, promise.client)?;
        if promise.promised_for < promise.made_on {
            return Err(ReminderProblem::PromiseBeforeMade);
        }
        if let Some(amount) = promise.amount {
            check_amount(amount)?;
        }
        check_text(&promise.note, PROMISE_NOTE_MAX)?;
        self.check_id(id)?;
        let id = PromiseId(id);
        let stored = Promise {
            id,
            client: promise.client,
            made_on: promise.made_on,
            promised_for: promise.promised_for,
            amount: promise.amount,
            note: promise.note.trim().to_string(),
        };
        insert_by_id(&mut self.promises, stored, |p| p.id)?;
        Ok(id)
    }

    /// Removes a promise recorded by mistake or called off: the client's reminders no longer
    /// wait for it.
    pub fn withdraw_promise(&mut self, promise: PromiseId) -> Result<Promise, ReminderProblem> {
        let index = self
            .promises
            .binary_search_by_key(&promise, |p| p.id)
            .map_err(|_| ReminderProblem::UnknownPromise(promise))?;
        Ok(self.promises.remove(index))
    }

    /// Takes back the client's latest action, as if it had not been done: a reminder marked as
    /// sent by mistake returns to the queue with its levels, a snooze ends. Only the latest
    /// can go, so what remains is still a history the schedule could have produced; and only
    /// on the day it was dated (`today`): undo mends a wrong click, it does not erase
    /// reminders sent weeks ago from the history.
    pub fn undo_last_action(
        &mut self,
        client: ClientId,
        today: NaiveDate,
    ) -> Result<ReminderAction, ReminderProblem> {
        let id = self
            .last_action(client)
            .filter(|a| a.date == today)
            .map(|a| a.id)
            .ok_or(ReminderProblem::NothingToUndo)?;
        let index = self
            .log
            .binary_search_by_key(&id, |a| a.id)
            .map_err(|_| ReminderProblem::NothingToUndo)?;
        Ok(self.log.remove(index))
    }

    /// Gives a client its own plan, or (`None`) returns it to the default one.
    pub fn set_client_plan(
        &mut self,
        ledger: &Ledger,
        client: ClientId,
        plan: Option<ReminderPlan>,
    ) -> Result<(), ReminderProblem> {
        ledger
            .client(client)
            .ok_or(Problem::UnknownClient(client))?;
        let at = self
            .client_plans
            .binary_search_by_key(&client, |p| p.client);
        match (plan, at) {
            (Some(plan), at) => {
                plan.validate().map_err(ReminderProblem::Plan)?;
                match at {
                    Ok(i) => self.client_plans[i].plan = plan,
                    Err(i) => self.client_plans.insert(i, ClientPlan { client, plan }),
                }
            }
            (None, Ok(i)) => {
                self.client_plans.remove(i);
            }
            (None, Err(_)) => {}
        }
        Ok(())
    }

    pub fn set_default_plan(&mut self, plan: ReminderPlan) -> Result<(), ReminderProblem> {
        plan.validate().map_err(ReminderProblem::Plan)?;
        self.plan = plan;
        Ok(())
    }

    fn payment_plan(&self, id: PaymentPlanId) -> Result<&PaymentPlan, ReminderProblem> {
        self.payment_plans
            .binary_search_by_key(&id, |p| p.id)
            .map(|i| &self.payment_plans[i])
            .map_err(|_| ReminderProblem::UnknownPaymentPlan(id))
    }

    /// Records a payment plan. Its instalments must add up to exactly what the covered
    /// invoices have open on its creation date, and no covered invoice may be in litigation
    /// or in another active plan then.
    pub fn add_payment_plan(
        &mut self,
        id: u64,
        ledger: &Ledger,
        plan: NewPaymentPlan,
    ) -> Result<PaymentPlanId, ReminderProblem> {
        active_client(ledger, plan.client)?;
        let invoices = invoices_of_client(ledger, plan.client, &plan.invoices)?;
        let position = open_position(ledger, &invoices, plan.created_on)?;
        let litigated = in_litigation(self, plan.created_on);
        let planned = self.invoices_in_active_plans(ledger, plan.created_on);
        for invoice in &invoices {
            if litigated.contains(&invoice.id) {
                return Err(ReminderProblem::InvoiceInLitigation {
                    invoice: invoice.id,
                });
            }
            if planned.contains(&invoice.id) {
                return Err(ReminderProblem::InvoiceInPaymentPlan {
                    invoice: invoice.id,
                });
            }
        }
        let count = plan.instalments.len();
        if count < MIN_INSTALMENTS {
            return Err(ReminderProblem::TooFewInstalments {
                min: MIN_INSTALMENTS,
            });
        }
        if count > MAX_INSTALMENTS {
            return Err(ReminderProblem::TooManyInstalments {
                max: MAX_INSTALMENTS,
            });
        }
        if plan.instalments[0].date < plan.created_on {
            return Err(ReminderProblem::InstalmentBeforePlan);
        }
        if plan.instalments.windows(2).any(|w| w[1].date <= w[0].date) {
            return Err(ReminderProblem::InstalmentDatesNotIncreasing);
        }
        for instalment in &plan.instalments {
            check_amount(instalment.amount)?;
        }
        if plan.grace_days > MAX_GRACE_DAYS {
            return Err(ReminderProblem::GraceTooLong {
                max: MAX_GRACE_DAYS,
            });
        }
        let balance: Decimal = invoices.iter().map(|i| position.invoice(i.id).open()).sum();
        let total: Decimal = plan.instalments.iter().map(|i| i.amount).sum();
        if total != balance {
            return Err(ReminderProblem::InstalmentsDoNotAddUp { balance, total });
        }
        self.check_id(id)?;
        let id = PaymentPlanId(id);
        let stored = PaymentPlan {
            id,
            client: plan.client,
            created_on: plan.created_on,
            invoices: plan.invoices,
            instalments: plan.instalments,
            grace_days: plan.grace_days,
            cancelled_on: None,
        };
        insert_by_id(&mut self.payment_plans, stored, |p| p.id)?;
        Ok(id)
    }

    /// Ends an active plan by the user's decision: the client returns to its reminder plan.
    pub fn cancel_payment_plan(
        &mut self,
        ledger: &Ledger,
        plan: PaymentPlanId,
        date: NaiveDate,
    ) -> Result<(), ReminderProblem> {
        let found = self.payment_plan(plan)?;
        if date < found.created_on {
            return Err(ReminderProblem::DateBeforeStart);
        }
        if !found.is_active(ledger, date) {
            return Err(ReminderProblem::PaymentPlanNotActive);
        }
        let index = self
            .payment_plans
            .binary_search_by_key(&plan, |p| p.id)
            .map_err(|_| ReminderProblem::UnknownPaymentPlan(plan))?;
        self.payment_plans[index].cancelled_on = Some(date);
        Ok(())
    }

    /// Hands invoices over to a collection agency or to court. Each must be the client's,
    /// overdue with something open on the date, and not in another open litigation.
    pub fn hand_over(
        &mut self,
        id: u64,
        ledger: &Ledger,
        litigation: NewLitigation,
    ) -> Result<LitigationId, ReminderProblem> {
        ledger
            .client(litigation.client)
            .ok_or(Problem::UnknownClient(litigation.client))?;
        let invoices = invoices_of_client(ledger, litigation.client, &litigation.invoices)?;
        open_position(ledger, &invoices, litigation.date)?;
        for invoice in &invoices {
            if invoice.due_date() >= litigation.date {
                return Err(ReminderProblem::InvoiceNotOverdue {
                    invoice: invoice.id,
                });
            }
            let taken = self.litigations.iter().any(|l| {
                l.invoices.contains(&invoice.id)
                    && l.closed_on.is_none_or(|closed| closed > litigation.date)
            });
            if taken {
                return Err(ReminderProblem::InvoiceInLitigation {
                    invoice: invoice.id,
                });
            }
        }
        check_text(&litigation.notes, NOTES_MAX)?;
        let documents: Vec<String> = litigation
            .documents
            .iter()
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty())
            .collect();
        if documents.len() > DOCUMENTS_MAX {
            return Err(Problem::TooLong { max: DOCUMENTS_MAX }.into());
        }
        for document in &documents {
            check_text(document, DOCUMENT_MAX)?;
        }
        self.check_id(id)?;
        let id = LitigationId(id);
        let stored = Litigation {
            id,
            client: litigation.client,
            invoices: litigation.invoices,
            kind: litigation.kind,
            date: litigation.date,
            notes: litigation.notes.trim().to_string(),
            documents,
            closed_on: None,
            outcome: String::new(),
        };
        insert_by_id(&mut self.litigations, stored, |l| l.id)?;
        Ok(id)
    }

    /// Closes a litigation with its outcome; invoices still open return to the reminders.
    pub fn close_litigation(
        &mut self,
        litigation: LitigationId,
        date: NaiveDate,
        outcome: String,
    ) -> Result<(), ReminderProblem> {
        let index = self
            .litigations
            .binary_search_by_key(&litigation, |l| l.id)
            .map_err(|_| ReminderProblem::UnknownLitigation(litigation))?;
        let found = &self.litigations[index];
        if found.closed_on.is_some() {
            return Err(ReminderProblem::LitigationAlreadyClosed);
        }
        if date < found.date {
            return Err(ReminderProblem::DateBeforeStart);
        }
        check_text(&outcome, NOTES_MAX)?;
        let found = &mut self.litigations[index];
        found.closed_on = Some(date);
        found.outcome = outcome.trim().to_string();
        Ok(())
    }
}

/// A client that exists and is not archived: reminders and promises concern only those.
fn active_client(ledger: &Ledger, client: ClientId) -> Result<(), ReminderProblem> {
    let found = ledger
        .client(client)
        .ok_or(Problem::UnknownClient(client))?;
    if found.archived {
        return Err(Problem::ClientArchived.into());
    }
    Ok(())
}

fn check_amount(amount: Decimal) -> Result<(), ReminderProblem> {
    if amount <= Decimal::ZERO {
        return Err(Problem::AmountNotPositive.into());
    }
    if amount.normalize().scale() > 2 {
        return Err(Problem::AmountTooManyDecimals.into());
    }
    Ok(())
}

/// The invoices named, each existing, the client's and listed once; at least one.
fn invoices_of_client(
    ledger: &Ledger,
    client: ClientId,
    ids: &[InvoiceId],
) -> Result<Vec<Invoice>, ReminderProblem> {
    if ids.is_empty() {
        return Err(ReminderProblem::NoInvoice);
    }
    let mut seen = HashSet::new();
    let mut invoices = Vec::with_capacity(ids.len());
    for &id in ids {
        let invoice = ledger.invoice(id).ok_or(Problem::UnknownInvoice(id))?;
        if invoice.details.client != client {
            return Err(Problem::InvoiceOfAnotherClient.into());
        }
        if !seen.insert(id) {
            return Err(Problem::InvoiceListedTwice.into());
        }
        invoices.push(invoice.clone());
    }
    Ok(invoices)
}

/// The invoices' position on a date, when each was issued by then and has something open
/// that was not written off.
fn open_position(
    ledger: &Ledger,
    invoices: &[Invoice],
    date: NaiveDate,
) -> Result<Position, ReminderProblem> {
    let position = Position::of_invoices(ledger, date, invoices);
    for invoice in invoices {
        if date < invoice.details.issue_date {
            return Err(Problem::DateBeforeIssue.into());
        }
        let status = position.status(invoice);
        if status == InvoiceStatus::WrittenOff || position.invoice(invoice.id).open().is_zero() {
            return Err(ReminderProblem::NothingOwed {
                invoice: invoice.id,
            });
        }
    }
    Ok(position)
}

// The ledger's collection changes live here, beside the rules they apply, as the bank's and
// the imports' live in their layers: the model below knows nothing of them.
impl Ledger {
    /// Applies a change to the reminders with the id the next entity would take: the id is
    /// spent and the change kept only when it is accepted, so a refused change leaves the
    /// whole ledger as it was. The reminders read the other facts through `&Ledger` while
    /// they are set aside for the change.
    fn change_reminders<T>(
        &mut self,
        change: impl FnOnce(&mut Reminders, &Ledger, u64) -> Result<T, ReminderProblem>,
    ) -> Result<T, Problem> {
        let id = self.next_id + 1;
        let mut reminders = std::mem::take(&mut self.reminders);
        let result = change(&mut reminders, self, id);
        self.reminders = reminders;
        let value = result?;
        if self.next_id < id && self.reminders.uses_id(id) {
            self.next_id = id;
        }
        Ok(value)
    }

    /// Logs a queue entry as sent on a date through a channel. A formal notice (or a later
    /// notice) sent in writing also dates the formal notice of every invoice it demands (the
    /// entry's and the other overdue ones its message lists) when none was recorded: from it,
    /// a private individual owes interest. A phone call is not a written demand (art. 1344
    /// Code civil) and dates nothing.
    pub fn record_reminder_sent(
        &mut self,
        entry: &QueueEntry,
        date: NaiveDate,
        channel: Channel,
    ) -> Result<ReminderId, Problem> {
        let id =
            self.change_reminders(|r, ledger, id| r.record_done(id, ledger, entry, date, channel))?;
        if dates_formal_notice(entry.tone, channel) {
            let demanded = entry.invoices.iter().map(|i| i.invoice);
            for invoice in demanded.chain(entry.also_overdue.iter().copied()) {
                if let Ok(index) = self.invoice_index(invoice) {
                    let invoice = &mut self.invoices[index];
                    if invoice.formal_notice.is_none() && date >= invoice.due_date() {
                        invoice.formal_notice = Some(date);
                    }
                }
            }
        }
        Ok(id)
    }

    pub fn skip_reminder(
        &mut self,
        entry: &QueueEntry,
        date: NaiveDate,
    ) -> Result<ReminderId, Problem> {
        self.change_reminders(|r, ledger, id| r.record_skip(id, ledger, entry, date))
    }

    pub fn snooze_reminders(
        &mut self,
        client: ClientId,
        date: NaiveDate,
        until: NaiveDate,
    ) -> Result<ReminderId, Problem> {
        self.change_reminders(|r, ledger, id| r.snooze(id, ledger, client, date, until))
    }

    pub fn record_instalment_reminder(
        &mut self,
        due: &InstalmentDue,
        date: NaiveDate,
        channel: Channel,
    ) -> Result<ReminderId, Problem> {
        self.change_reminders(|r, ledger, id| {
            r.record_instalment_reminder(id, ledger, due, date, channel)
        })
    }

    pub fn add_promise(&mut self, promise: NewPromise) -> Result<PromiseId, Problem> {
        self.change_reminders(|r, ledger, id| r.add_promise(id, ledger, promise))
    }

    pub fn withdraw_promise(&mut self, promise: PromiseId) -> Result<(), Problem> {
        self.change_reminders(|r, _, _| r.withdraw_promise(promise).map(drop))
    }

    /// Takes back the client's latest reminder action, dated today. A written formal notice taken back
    /// also takes back the formal-notice date it gave the client's invoices (those dated that
    /// day): the demand was not made.
    pub fn undo_reminder_action(
        &mut self,
        client: ClientId,
        today: NaiveDate,
    ) -> Result<(), Problem> {
        let undone = self.change_reminders(|r, _, _| r.undo_last_action(client, today))?;
        if let ActionKind::Sent { channel, tone, .. } = undone.kind {
            if dates_formal_notice(tone, channel) {
                for invoice in self.invoices.iter_mut() {
                    if invoice.details.client == client
                        && invoice.formal_notice == Some(undone.date)
                    {
                        invoice.formal_notice = None;
                    }
                }
            }
        }
        Ok(())
    }

    /// Gives a client its own reminder plan, or (None) returns it to the default one.
    pub fn set_client_plan(
        &mut self,
        client: ClientId,
        plan: Option<ReminderPlan>,
    ) -> Result<(), Problem> {
        self.change_reminders(|r, ledger, _| r.set_client_plan(ledger, client, plan))
    }

    pub fn set_default_plan(&mut self, plan: ReminderPlan) -> Result<(), Problem> {
        self.change_reminders(|r, _, _| r.set_default_plan(plan))
    }

    pub fn add_payment_plan(&mut self, plan: NewPaymentPlan) -> Result<PaymentPlanId, Problem> {
        self.change_reminders(|r, ledger, id| r.add_payment_plan(id, ledger, plan))
    }

    pub fn cancel_payment_plan(
        &mut self,
        plan: PaymentPlanId,
        date: NaiveDate,
    ) -> Result<(), Problem> {
        self.change_reminders(|r, ledger, _| r.cancel_payment_plan(ledger, plan, date))
    }

    pub fn hand_over(&mut self, litigation: NewLitigation) -> Result<LitigationId, Problem> {
        self.change_reminders(|r, ledger, id| r.hand_over(id, ledger, litigation))
    }

    pub fn close_litigation(
        &mut self,
        litigation: LitigationId,
        date: NaiveDate,
        outcome: String,
    ) -> Result<(), Problem> {
        self.change_reminders(|r, _, _| r.close_litigation(litigation, date, outcome))
    }
}

/// Whether a reminder sent in this tone through this channel is a formal notice in law: a
/// written demand (art. 1344 Code civil) at the formal-notice level or later; a phone call is
/// none. Recording one dates its invoices' notice; undoing it takes that date back.
fn dates_formal_notice(tone: Tone, channel: Channel) -> bool {
    tone >= Tone::FormalNotice && channel != Channel::Phone
}
