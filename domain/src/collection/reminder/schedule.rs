//! The reminder queue as of a date: what to send, who is paused and why, which instalments
//! to remind, which invoices have run through their plan.
//!
//! Derived from the ledger and the stored [`Reminders`], never stored. The rules:
//! - **Which invoices.** An invoice takes part when it is issued by the date, has something
//!   open counting the facts dated on or before it, is not written off, is not in an open
//!   litigation, and its client is not archived.
//! - **Which plan.** The client's own plan if it has one, else the default plan.
//! - **Which level.** Levels fire strictly in order, each at most once per invoice: the next
//!   level is the one after the highest logged (sent or skipped) for the invoice. A level
//!   before the due date (negative offset) is passed over once the due date has passed, and
//!   never sent later: "your invoice falls due soon" would be wrong by then.
//! - **When.** Level `k` falls due on `due date + offset(k)`, but never sooner than
//!   `offset(k) − offset(last)` days after the last level was logged: a reminder sent late
//!   pushes the next one back, so the client always gets the plan's spacing (a first reminder
//!   sent on day +10 makes the second due on day +24, not +15). Never before the issue date.
//! - **Grouped.** One entry per client covering each invoice with a level due on or before the
//!   date, each with its own level; the entry speaks with the firmest of those levels (its
//!   tone, channel and template) and is dated by the earliest of their dates. The client's
//!   other overdue invoices ride along (`also_overdue`): the message lists everything overdue;
//!   once it is sent, those that stood at a lower level are raised to the message's (the
//!   client was told about them in that tone, and the next message must not be softer). A reminder about
//!   overdue invoices never covers one not yet due (a formal notice would demand what is not
//!   owed): that invoice's courteous note makes the client's next entry, once the reminder is
//!   recorded; a courteous note lists only the invoices falling due soon. Entries are
//!   sorted by firmest tone, then oldest, then client name.
//! - **Paused.** A client is paused, and listed apart with its reasons instead of in `due`,
//!   while one of its invoices taking part is in an open dispute, a payment plan of its is
//!   active, a promise to pay is pending (made on or before the date, promised for the date or
//!   later), or a snooze runs (set on or before the date, until after it). Levels that fell due
//!   during a pause fire one at a time when it ends, in order.
//! - **Promises.** Once its date has passed, a promise is kept if the client paid at least its
//!   amount between the day it was made and the promised day (without an amount: if every
//!   invoice overdue when it was made was settled by the promised day); otherwise it is
//!   broken: reminders resume, and the client's next sent reminder mentions it
//!   (`broken_promise`), unless a payment plan was agreed since (the plan replaced it).
//! - **Payment plans.** While a plan is active, the queue lists instead, for each unmet
//!   instalment, a courteous note from 3 days before its date and a late note from the day
//!   after within the grace period, each once. Once the plan is broken, completed or cancelled,
//!   the client's invoices that are still open go back to the plan, spaced from their last
//!   logged level.
//! - **Exhausted.** An invoice that reached (or passed over) its plan's last level and is still
//!   open, overdue, once the plan's last spacing has run out again (the gap between its last
//!   two levels, counted from the last reminder) is listed under `exhausted`, for the user to
//!   consider litigation; it never makes an entry again.

use super::instalments::{received_by, PlanStatus, NOTICE_DAYS_BEFORE};
use crate::model::ledger::Ledger;
use crate::model::reminders::{
    in_litigation, ActionKind, Channel, PaymentPlan, Promise, ReminderPlan, Reminders, Tone,
};
use crate::model::timeline::{InvoiceHistory, Timeline};
use crate::values::ids::{ClientId, InvoiceId, PaymentPlanId, PromiseId};
use crate::values::sorting::{sort_by, sort_by_key};
use crate::values::text::fold;
use chrono::{Days, NaiveDate, TimeDelta};
use rust_decimal::Decimal;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queue {
    pub due: Vec<QueueEntry>,
    pub paused: Vec<PausedClient>,
    pub instalments: Vec<InstalmentDue>,
    /// Clients (by name) with the invoices that ran through their plan.
    pub exhausted: Vec<(ClientId, Vec<InvoiceId>)>,
}

/// One grouped reminder to a client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueEntry {
    pub client: ClientId,
    /// The firmest level among the invoices: the template the message uses.
    pub level: u8,
    pub tone: Tone,
    pub channel: Channel,
    /// The firmest level's template; empty means the default one.
    pub subject: String,
    pub body: String,
    /// The earliest day one of the invoices' levels fell due.
    pub since: NaiveDate,
    /// The invoices covered, earliest due date first.
    pub invoices: Vec<DueInvoice>,
    /// The client's other overdue invoices taking part, with no level due today: the message
    /// lists them too, so the client sees everything it owes; sent, it raises those standing
    /// lower to its level.
    pub also_overdue: Vec<InvoiceId>,
    /// The date of a promise to pay the client broke, not yet mentioned in a sent reminder.
    pub broken_promise: Option<NaiveDate>,
}

/// An invoice in a grouped reminder, at its own level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueInvoice {
    pub invoice: InvoiceId,
    pub level: u8,
    pub tone: Tone,
    /// The day this level fell due.
    pub level_due_on: NaiveDate,
    pub due_date: NaiveDate,
    pub open: Decimal,
    /// Days past the due date (0 when not yet due).
    pub days_late: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PausedClient {
    pub client: ClientId,
    pub reasons: Vec<PauseReason>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PauseReason {
    Dispute {
        invoice: InvoiceId,
    },
    PaymentPlan {
        plan: PaymentPlanId,
    },
    Promise {
        promise: PromiseId,
        promised_for: NaiveDate,
    },
    Snoozed {
        until: NaiveDate,
    },
}

/// Whether an instalment note comes before the instalment's date or after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InstalmentNotice {
    /// From a few days before the date: a courteous note.
    Upcoming,
    /// After the date, within the grace period.
    Late,
}

/// A note to send about one unmet instalment of an active payment plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstalmentDue {
    pub client: ClientId,
    pub plan: PaymentPlanId,
    /// From 0, in the plan's order.
    pub instalment: u16,
    pub date: NaiveDate,
    pub amount: Decimal,
    /// What is missing for the instalment to be met (a part may have been paid ahead).
    pub outstanding: Decimal,
    pub notice: InstalmentNotice,
    /// The last day it can be met before the plan breaks.
    pub grace_end: NaiveDate,
}

/// Where an invoice stands in its plan on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// The next level and the day it falls due.
    Level { index: usize, due_on: NaiveDate },
    /// Every level reached or passed over; still open from that day means exhausted.
    Exhausted { from: NaiveDate },
}

fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

/// The invoice's next step, given the last level logged for it and when.
fn next_step(
    plan: &ReminderPlan,
    last: Option<(u8, NaiveDate)>,
    history: &InvoiceHistory,
    as_of: NaiveDate,
) -> Step {
    let levels = &plan.levels;
    let due = history.due;
    let mut next = last.map_or(0, |(level, _)| usize::from(level) + 1);
    while next < levels.len() && levels[next].offset_days < 0 && as_of > due {
        next += 1;
    }
    let last_offset =
        last.and_then(|(level, date)| plan.level(level).map(|l| (i64::from(l.offset_days), date)));
    if next >= levels.len() {
        let gap = match levels.len() {
            n if n >= 2 => i64::from(levels[n - 1].offset_days - levels[n - 2].offset_days),
            _ => 0,
        };
        let after_due = due + days(1);
        let from = match last {
            Some((_, date)) => (date + days(gap)).max(after_due),
            None => after_due,
        };
        return Step::Exhausted { from };
    }
    let offset = i64::from(levels[next].offset_days);
    let mut due_on = due + days(offset);
    if let Some((previous, date)) = last_offset {
        due_on = due_on.max(date + days(offset - previous));
    }
    Step::Level {
        index: next,
        due_on: due_on.max(history.invoice.details.issue_date),
    }
}

/// Where a promise to pay stands on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromiseStatus {
    /// Its date has not passed: the client's reminders wait for it.
    Pending,
    Kept,
    Broken,
}

/// Each promise of the client with where it stands on that date, latest promised first.
pub fn promises_of<'a>(
    ledger: &Ledger,
    reminders: &'a Reminders,
    client: ClientId,
    as_of: NaiveDate,
) -> Vec<(&'a Promise, PromiseStatus)> {
    let timeline = Timeline::new(ledger);
    let mut promises: Vec<(&Promise, PromiseStatus)> = reminders
        .promises
        .iter()
        .filter(|p| p.client == client)
        .map(|p| {
            let status = if as_of <= p.promised_for {
                PromiseStatus::Pending
            } else if promise_kept(ledger, &timeline, p) {
                PromiseStatus::Kept
            } else {
                PromiseStatus::Broken
            };
            (p, status)
        })
        .collect();
    sort_by_key(&mut promises, |(p, _)| Reverse((p.promised_for, p.id)));
    promises
}

/// Whether a promise whose date has passed was kept: the client paid its amount between
/// the day it was made and the promised day, or, without an amount, settled by then every
/// invoice that was overdue when it was made.
fn promise_kept(ledger: &Ledger, timeline: &Timeline, promise: &Promise) -> bool {
    match promise.amount {
        Some(amount) => {
            let paid: Decimal = ledger
                .payments_of(promise.client)
                .filter(|p| {
                    promise.made_on <= p.details.date && p.details.date <= promise.promised_for
                })
                .map(|p| p.details.amount)
                .sum();
            paid >= amount
        }
        None => timeline
            .invoices
            .iter()
            .filter(|h| h.client() == promise.client && h.overdue_at(promise.made_on))
            .all(|h| h.open_at(promise.promised_for).is_zero()),
    }
}

/// The promise the client broke and has not yet been reminded of: the latest promise whose
/// date has passed, when it was broken and no reminder was sent to the client since.
fn broken_promise(
    ledger: &Ledger,
    timeline: &Timeline,
    reminders: &Reminders,
    client: ClientId,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    let latest = reminders
        .promises
        .iter()
        .filter(|p| p.client == client && p.made_on <= as_of && p.promised_for < as_of)
        .max_by_key(|p| (p.promised_for, p.id))?;
    if promise_kept(ledger, timeline, latest) {
        return None;
    }
    let reminded_since = reminders.log.iter().any(|a| {
        a.client == client
            && a.date > latest.promised_for
            && a.date <= as_of
            && matches!(a.kind, ActionKind::Sent { .. })
    });
    let replaced_by_plan = reminders
        .payment_plans
        .iter()
        .any(|p| p.client == client && p.created_on > latest.promised_for && p.created_on <= as_of);
    (!reminded_since && !replaced_by_plan).then_some(latest.promised_for)
}

/// Why the client's reminders are paused on that date (empty when they are not).
fn pause_reasons(
    reminders: &Reminders,
    client: ClientId,
    invoices: &[&InvoiceHistory],
    active_plans: &[&PaymentPlan],
    as_of: NaiveDate,
) -> Vec<PauseReason> {
    let mut reasons: Vec<PauseReason> = invoices
        .iter()
        .filter(|h| h.disputed_at(as_of))
        .map(|h| PauseReason::Dispute {
            invoice: h.invoice.id,
        })
        .collect();
    reasons.extend(
        active_plans
            .iter()
            .filter(|p| p.client == client)
            .map(|p| PauseReason::PaymentPlan { plan: p.id }),
    );
    reasons.extend(
        reminders
            .promises
            .iter()
            .filter(|p| p.client == client && p.made_on <= as_of && as_of <= p.promised_for)
            .map(|p| PauseReason::Promise {
                promise: p.id,
                promised_for: p.promised_for,
            }),
    );
    if let Some(until) = snoozed_until(reminders, client, as_of) {
        reasons.push(PauseReason::Snoozed { until });
    }
    reasons
}

/// The end of the latest snooze running on that date, if any.
fn snoozed_until(reminders: &Reminders, client: ClientId, as_of: NaiveDate) -> Option<NaiveDate> {
    reminders
        .log
        .iter()
        .filter(|a| a.client == client && a.date <= as_of)
        .filter_map(|a| match a.kind {
            ActionKind::Snoozed { until } if until > as_of => Some(until),
            _ => None,
        })
        .max()
}

/// The notes due on that date for an active plan's unmet instalments.
fn instalment_notes(
    reminders: &Reminders,
    plan: &PaymentPlan,
    receipts: &[(NaiveDate, Decimal)],
    as_of: NaiveDate,
) -> Vec<InstalmentDue> {
    let received = received_by(receipts, as_of);
    let mut notes = Vec::new();
    for (index, instalment) in plan.instalments.iter().enumerate() {
        let scheduled = plan.scheduled_through(index);
        if received >= scheduled {
            continue;
        }
        let grace_end = plan.grace_end(instalment);
        let notice = if instalment.date - Days::new(NOTICE_DAYS_BEFORE) <= as_of
            && as_of <= instalment.date
        {
            InstalmentNotice::Upcoming
        } else if instalment.date < as_of && as_of <= grace_end {
            InstalmentNotice::Late
        } else {
            continue;
        };
        let number = u16::try_from(index).unwrap_or(u16::MAX);
        let late = notice == InstalmentNotice::Late;
        if reminders.instalment_reminded(plan.id, number, instalment.date, late, as_of) {
            continue;
        }
        notes.push(InstalmentDue {
            client: plan.client,
            plan: plan.id,
            instalment: number,
            date: instalment.date,
            amount: instalment.amount,
            outstanding: (scheduled - received).min(instalment.amount),
            notice,
            grace_end,
        });
    }
    notes
}

/// The queue as of a date (see the module's rules).
pub fn queue(ledger: &Ledger, reminders: &Reminders, as_of: NaiveDate) -> Queue {
    let timeline = Timeline::new(ledger);
    let litigated = in_litigation(reminders, as_of);
    let reached = reminders.levels_reached(as_of);
    let archived = |client: ClientId| ledger.client(client).is_none_or(|c| c.archived);

    let mut by_client: BTreeMap<ClientId, Vec<&InvoiceHistory>> = BTreeMap::new();
    for history in &timeline.invoices {
        let takes_part = history.issued_by(as_of)
            && history.written_off_on.is_none_or(|on| on > as_of)
            && history.open_at(as_of) > Decimal::ZERO
            && !litigated.contains(&history.invoice.id)
            && !archived(history.client());
        if takes_part {
            by_client.entry(history.client()).or_default().push(history);
        }
    }

    let mut queue = Queue::default();
    let mut active_plans = Vec::new();
    for plan in &reminders.payment_plans {
        let receipts = plan.receipts(ledger);
        if plan.status_from(&receipts, as_of) != PlanStatus::Active || archived(plan.client) {
            continue;
        }
        active_plans.push(plan);
        if snoozed_until(reminders, plan.client, as_of).is_none() {
            queue
                .instalments
                .extend(instalment_notes(reminders, plan, &receipts, as_of));
        }
    }

    for (client, invoices) in by_client {
        let reasons = pause_reasons(reminders, client, &invoices, &active_plans, as_of);
        if !reasons.is_empty() {
            queue.paused.push(PausedClient { client, reasons });
            continue;
        }
        let plan = reminders.plan_for(client);
        let mut due = Vec::new();
        let mut exhausted = Vec::new();
        let mut also_overdue = Vec::new();
        for history in invoices {
            let id = history.invoice.id;
            let last = reached
                .get(&id)
                .and_then(|&(offset, date)| Some((plan.rank_reached(offset)?, date)));
            let step = next_step(plan, last, history, as_of);
            let level_due = matches!(step, Step::Level { due_on, .. } if due_on <= as_of);
            if !level_due && history.overdue_at(as_of) {
                also_overdue.push(id);
            }
            match step {
                Step::Level { index, due_on } if due_on <= as_of => {
                    let level = &plan.levels[index];
                    due.push(DueInvoice {
                        invoice: id,
                        level: u8::try_from(index).unwrap_or(u8::MAX),
                        tone: level.tone,
                        level_due_on: due_on,
                        due_date: history.due,
                        open: history.open_at(as_of),
                        days_late: (as_of - history.due).num_days().max(0),
                    });
                }
                Step::Exhausted { from } if from <= as_of => exhausted.push(id),
                Step::Level { .. } | Step::Exhausted { .. } => {}
            }
        }
        if !exhausted.is_empty() {
            queue.exhausted.push((client, exhausted));
        }
        if due.is_empty() {
            continue;
        }
        sort_by(&mut due, |a, b| {
            (a.due_date, a.invoice).cmp(&(b.due_date, b.invoice))
        });
        // A reminder about what is overdue never speaks of an invoice not yet due (a formal
        // notice would demand what is not owed): that invoice's note waits for the client's
        // next entry, which the queue offers once this one is done. A note about invoices
        // falling due soon lists only those.
        if due.iter().any(|d| d.due_date < as_of) {
            due.retain(|d| d.due_date < as_of);
        } else {
            also_overdue.clear();
        }
        let firmest = due
            .iter()
            .max_by_key(|d| (d.tone, d.level))
            .map(|d| (d.tone, d.level))
            .expect("an entry has at least one invoice");
        let level = &plan.levels[usize::from(firmest.1)];
        queue.due.push(QueueEntry {
            client,
            level: firmest.1,
            tone: level.tone,
            channel: level.channel,
            subject: level.subject.clone(),
            body: level.body.clone(),
            since: due.iter().map(|d| d.level_due_on).min().unwrap_or(as_of),
            invoices: due,
            also_overdue,
            broken_promise: broken_promise(ledger, &timeline, reminders, client, as_of),
        });
    }

    let names: HashMap<ClientId, String> = ledger
        .clients()
        .iter()
        .map(|c| (c.id, fold(&c.details.name)))
        .collect();
    let name = |client: &ClientId| names.get(client).map_or("", String::as_str);
    sort_by(&mut queue.due, |a, b| {
        (Reverse(a.tone), a.since, name(&a.client), a.client).cmp(&(
            Reverse(b.tone),
            b.since,
            name(&b.client),
            b.client,
        ))
    });
    sort_by(&mut queue.paused, |a, b| {
        (name(&a.client), a.client).cmp(&(name(&b.client), b.client))
    });
    sort_by(&mut queue.exhausted, |a, b| {
        (name(&a.0), a.0).cmp(&(name(&b.0), b.0))
    });
    sort_by(&mut queue.instalments, |a, b| {
        (a.date, name(&a.client), a.plan, a.instalment).cmp(&(
            b.date,
            name(&b.client),
            b.plan,
            b.instalment,
        ))
    });
    queue
}
