//! A client's history: every dated fact about it, newest first.

use crate::model::ledger::Ledger;
use crate::model::payment::PaymentMethod;
use crate::model::reminders::LitigationKind;
use crate::model::reminders::{ActionKind, Channel, ReminderEvent, Tone};
use crate::values::ids::{ClientId, InvoiceId, PaymentId};
use crate::values::sorting::sort_by_key;
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryEvent {
    InvoiceIssued {
        invoice: InvoiceId,
        number: String,
        total: Decimal,
    },
    PaymentReceived {
        payment: PaymentId,
        amount: Decimal,
        method: PaymentMethod,
        /// The bank line it was reconciled with: its booking date and the bank's wording.
        bank_line: Option<(NaiveDate, String)>,
    },
    CreditNoteIssued {
        invoice: InvoiceId,
        number: String,
        amount: Decimal,
    },
    DisputeOpened {
        invoice: InvoiceId,
        number: String,
        reason: String,
    },
    DisputeClosed {
        invoice: InvoiceId,
        number: String,
        resolution: String,
    },
    WrittenOff {
        invoice: InvoiceId,
        number: String,
        amount: Decimal,
    },
    Blocked {
        reason: String,
    },
    Unblocked {
        reason: String,
    },
    /// A grouped reminder sent: its tone, level (from 1, as the plan lists them), channel and
    /// the invoices it covered.
    ReminderSent {
        tone: Tone,
        level: u8,
        channel: Channel,
        numbers: Vec<String>,
    },
    ReminderSkipped {
        numbers: Vec<String>,
    },
    Snoozed {
        until: NaiveDate,
    },
    /// A note about an instalment (numbered from 1) of a payment plan.
    InstalmentReminded {
        instalment: u16,
        channel: Channel,
    },
    PromiseMade {
        promised_for: NaiveDate,
        amount: Option<Decimal>,
    },
    PaymentPlanAgreed {
        instalments: usize,
        total: Decimal,
    },
    PaymentPlanCancelled,
    HandedOver {
        kind: LitigationKind,
        numbers: Vec<String>,
    },
    LitigationClosed {
        outcome: String,
    },
}

impl HistoryEvent {
    /// Whether the event is part of collecting: a reminder, a promise, a payment plan, a
    /// litigation (the collection file lists these).
    pub fn is_collection(&self) -> bool {
        matches!(
            self,
            HistoryEvent::ReminderSent { .. }
                | HistoryEvent::ReminderSkipped { .. }
                | HistoryEvent::Snoozed { .. }
                | HistoryEvent::InstalmentReminded { .. }
                | HistoryEvent::PromiseMade { .. }
                | HistoryEvent::PaymentPlanAgreed { .. }
                | HistoryEvent::PaymentPlanCancelled
                | HistoryEvent::HandedOver { .. }
                | HistoryEvent::LitigationClosed { .. }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    pub date: NaiveDate,
    pub event: HistoryEvent,
}

/// The client's latest reminder action as its history tells it, when dated `today`: the one
/// the user can take back (`Ledger::undo_reminder_action`).
pub fn last_reminder_action(
    ledger: &Ledger,
    client: ClientId,
    today: NaiveDate,
) -> Option<HistoryEntry> {
    let action = ledger
        .reminders()
        .last_action(client)
        .filter(|a| a.date == today)?;
    Some(HistoryEntry {
        date: action.date,
        event: collection_event(ReminderEvent::Action(action), &|id| number_of(ledger, id)),
    })
}

fn number_of(ledger: &Ledger, id: InvoiceId) -> String {
    ledger
        .invoice(id)
        .map(|i| i.details.number.clone())
        .unwrap_or_default()
}

pub fn client_history(ledger: &Ledger, client: ClientId) -> Vec<HistoryEntry> {
    let number_of = |id: InvoiceId| number_of(ledger, id);
    let belongs = |id: InvoiceId| {
        ledger
            .invoice(id)
            .is_some_and(|i| i.details.client == client)
    };
    let mut entries: Vec<HistoryEntry> = Vec::new();
    entries.extend(ledger.invoices_of(client).map(|i| HistoryEntry {
        date: i.details.issue_date,
        event: HistoryEvent::InvoiceIssued {
            invoice: i.id,
            number: i.details.number.clone(),
            total: i.total(),
        },
    }));
    entries.extend(ledger.payments_of(client).map(|p| {
        HistoryEntry {
            date: p.details.date,
            event: HistoryEvent::PaymentReceived {
                payment: p.id,
                amount: p.details.amount,
                method: p.details.method,
                bank_line: ledger
                    .bank()
                    .line_of_payment(p.id)
                    .map(|b| (b.line.booking_date, b.line.label.clone())),
            },
        }
    }));
    entries.extend(
        ledger
            .credit_notes()
            .iter()
            .filter(|c| belongs(c.invoice))
            .map(|c| HistoryEntry {
                date: c.date,
                event: HistoryEvent::CreditNoteIssued {
                    invoice: c.invoice,
                    number: c.number.clone(),
                    amount: c.amount,
                },
            }),
    );
    for dispute in ledger.disputes().iter().filter(|d| belongs(d.invoice)) {
        entries.push(HistoryEntry {
            date: dispute.opened_on,
            event: HistoryEvent::DisputeOpened {
                invoice: dispute.invoice,
                number: number_of(dispute.invoice),
                reason: dispute.reason.clone(),
            },
        });
        if let Some(closed_on) = dispute.closed_on {
            entries.push(HistoryEntry {
                date: closed_on,
                event: HistoryEvent::DisputeClosed {
                    invoice: dispute.invoice,
                    number: number_of(dispute.invoice),
                    resolution: dispute.resolution.clone(),
                },
            });
        }
    }
    entries.extend(
        ledger
            .write_offs()
            .iter()
            .filter(|w| belongs(w.invoice))
            .map(|w| HistoryEntry {
                date: w.date,
                event: HistoryEvent::WrittenOff {
                    invoice: w.invoice,
                    number: number_of(w.invoice),
                    amount: w.amount,
                },
            }),
    );
    for hold in ledger
        .client(client)
        .map_or(&[][..], |c| &c.credit_holds[..])
    {
        entries.push(HistoryEntry {
            date: hold.blocked_on,
            event: HistoryEvent::Blocked {
                reason: hold.reason.clone(),
            },
        });
        if let Some(lifted_on) = hold.lifted_on {
            entries.push(HistoryEntry {
                date: lifted_on,
                event: HistoryEvent::Unblocked {
                    reason: hold.lift_reason.clone(),
                },
            });
        }
    }
    entries.extend(
        ledger
            .reminders()
            .history_of(client)
            .map(|event| HistoryEntry {
                date: event.date(),
                event: collection_event(event, &number_of),
            }),
    );
    // Newest first, same-day facts too: each kind above was pushed oldest first (a block
    // before its lifting, an invoice before its payment), so the list is reversed before a
    // stable sort by date.
    entries.reverse();
    sort_by_key(&mut entries, |entry| std::cmp::Reverse(entry.date));
    entries
}

/// What was done to collect, as the client's history tells it.
fn collection_event(event: ReminderEvent, number_of: &dyn Fn(InvoiceId) -> String) -> HistoryEvent {
    let numbers = |ids: &mut dyn Iterator<Item = InvoiceId>| ids.map(number_of).collect();
    match event {
        ReminderEvent::Action(action) => match &action.kind {
            ActionKind::Sent {
                channel,
                tone,
                invoices,
            } => HistoryEvent::ReminderSent {
                tone: *tone,
                level: invoices
                    .iter()
                    .map(|l| l.level)
                    .max()
                    .unwrap_or(0)
                    .saturating_add(1),
                channel: *channel,
                numbers: numbers(&mut invoices.iter().map(|l| l.invoice)),
            },
            ActionKind::Skipped { invoices } => HistoryEvent::ReminderSkipped {
                numbers: numbers(&mut invoices.iter().map(|l| l.invoice)),
            },
            ActionKind::Snoozed { until } => HistoryEvent::Snoozed { until: *until },
            ActionKind::InstalmentReminded {
                instalment,
                channel,
                ..
            } => HistoryEvent::InstalmentReminded {
                instalment: instalment + 1,
                channel: *channel,
            },
        },
        ReminderEvent::PromiseMade(promise) => HistoryEvent::PromiseMade {
            promised_for: promise.promised_for,
            amount: promise.amount,
        },
        ReminderEvent::PaymentPlanAgreed(plan) => HistoryEvent::PaymentPlanAgreed {
            instalments: plan.instalments.len(),
            total: plan.total(),
        },
        ReminderEvent::PaymentPlanCancelled(_) => HistoryEvent::PaymentPlanCancelled,
        ReminderEvent::HandedOver(litigation) => HistoryEvent::HandedOver {
            kind: litigation.kind,
            numbers: numbers(&mut litigation.invoices.iter().copied()),
        },
        ReminderEvent::LitigationClosed(litigation) => HistoryEvent::LitigationClosed {
            outcome: litigation.outcome.clone(),
        },
    }
}
