//! Reminder scheduling: the plan's dates on real invoices, grouping, pauses, promises,
//! payment plans, litigation, and day-by-day simulations of a user working the queue.

mod support;

use encaisse_domain::collection::reminder::instalments::{
    proposal, Cadence, NewPaymentPlan, PlanStatus,
};
use encaisse_domain::collection::reminder::litigation::{open_in_litigation, NewLitigation};
use encaisse_domain::collection::reminder::plan::{ReminderLevelForm, ReminderPlanForm};
use encaisse_domain::collection::reminder::schedule::{
    promises_of, queue, InstalmentNotice, PauseReason, PromiseStatus, Queue, QueueEntry,
};
use encaisse_domain::collection::reminder::NewPromise;
use encaisse_domain::model::balances::Position;
use encaisse_domain::model::invoice::{InvoiceDetails, InvoiceStatus};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::model::reminders::Instalment;
use encaisse_domain::model::reminders::ReminderPlan;
use encaisse_domain::model::reminders::{in_litigation, LitigationKind};
use encaisse_domain::model::reminders::{ActionKind, Channel, ReminderEvent, Reminders, Tone};
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::problem::ReminderProblem;
use encaisse_domain::values::problem::{PlanError, PlanField, PlanProblem};
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;
use rust_decimal_macros::dec;
use std::collections::HashMap;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A ledger and its reminders, with ids for new reminder entities drawn apart from the
/// ledger's (in the app, the ledger's one counter gives both).
struct Book {
    ledger: Ledger,
    reminders: Reminders,
    next_id: u64,
}

impl Book {
    fn new() -> Self {
        Book {
            ledger: Ledger::default(),
            reminders: Reminders::default(),
            next_id: 1_000_000,
        }
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn client(&mut self, name: &str) -> ClientId {
        self.ledger
            .add_client(support::business(name), d(2025, 1, 1))
    }

    fn invoice(
        &mut self,
        client: ClientId,
        issue: NaiveDate,
        days: u16,
        total: Decimal,
    ) -> InvoiceId {
        let number = format!("F-{}", self.ledger.invoices().len() + 1);
        self.ledger
            .add_invoice(InvoiceDetails {
                number,
                client,
                issue_date: issue,
                terms: PaymentTerms::Net { days },
                net: total,
                vat: Decimal::ZERO,
                description: String::new(),
                contractual_rate: None,
            })
            .unwrap()
    }

    fn pay(&mut self, client: ClientId, date: NaiveDate, parts: &[(InvoiceId, Decimal)]) {
        self.ledger
            .record_payment(PaymentDetails {
                client,
                date,
                amount: parts.iter().map(|(_, amount)| *amount).sum(),
                method: PaymentMethod::Transfer,
                reference: String::new(),
                allocations: parts
                    .iter()
                    .map(|&(invoice, amount)| Allocation { invoice, amount })
                    .collect(),
            })
            .unwrap();
    }

    fn queue(&self, as_of: NaiveDate) -> Queue {
        queue(&self.ledger, &self.reminders, as_of)
    }

    fn entry(&self, as_of: NaiveDate) -> Option<QueueEntry> {
        self.queue(as_of).due.into_iter().next()
    }

    fn done(&mut self, entry: &QueueEntry, date: NaiveDate) {
        let id = self.id();
        self.reminders
            .record_done(id, &self.ledger, entry, date, entry.channel)
            .unwrap();
    }

    fn promise(
        &mut self,
        client: ClientId,
        made_on: NaiveDate,
        promised_for: NaiveDate,
        amount: Option<Decimal>,
    ) {
        let id = self.id();
        self.reminders
            .add_promise(
                id,
                &self.ledger,
                NewPromise {
                    client,
                    made_on,
                    promised_for,
                    amount,
                    note: String::new(),
                },
            )
            .unwrap();
    }
}

/// One client, one 1 200 € invoice issued 1 March 2026, net 30: due 31 March.
fn one_invoice() -> (Book, ClientId, InvoiceId) {
    let mut book = Book::new();
    let client = book.client("Atelier Dupont");
    let invoice = book.invoice(client, d(2026, 3, 1), 30, dec!(1200));
    (book, client, invoice)
}

/// Works the queue day by day from `from` to `to`, sending every reminder the day it is due;
/// returns the days and tones sent.
fn send_everything(book: &mut Book, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, Tone)> {
    let mut sent = Vec::new();
    for day in from.iter_days().take_while(|day| *day <= to) {
        for entry in book.queue(day).due {
            sent.push((day, entry.tone));
            book.done(&entry, day);
        }
    }
    sent
}

#[test]
fn the_default_plan_falls_on_the_expected_days() {
    // Guards against an off-by-one in the offsets or a level firing twice or out of order.
    let (mut book, client, invoice) = one_invoice();
    let sent = send_everything(&mut book, d(2026, 3, 1), d(2026, 6, 30));
    assert_eq!(
        sent,
        vec![
            (d(2026, 3, 26), Tone::Courteous),
            (d(2026, 4, 1), Tone::FirstReminder),
            (d(2026, 4, 15), Tone::SecondReminder),
            (d(2026, 4, 30), Tone::FormalNotice),
            (d(2026, 5, 15), Tone::FinalNotice),
        ]
    );
    // The formal notice goes by letter, as the plan says.
    let channels: Vec<Channel> = book
        .reminders
        .log
        .iter()
        .filter_map(|a| match &a.kind {
            ActionKind::Sent { channel, .. } => Some(*channel),
            _ => None,
        })
        .collect();
    assert_eq!(channels[3], Channel::Letter);
    // Exhausted once the last spacing (15 days) ran out again, never an entry.
    assert!(book.queue(d(2026, 5, 29)).exhausted.is_empty());
    assert_eq!(
        book.queue(d(2026, 5, 30)).exhausted,
        vec![(client, vec![invoice])]
    );
}

#[test]
fn a_late_reminder_pushes_the_next_one_back() {
    // Guards against the second reminder following the first by 5 days when the first was
    // sent 9 days late: the client must get the plan's 14-day spacing.
    let (mut book, _, _) = one_invoice();
    let first = book.entry(d(2026, 4, 10)).unwrap();
    assert_eq!(first.tone, Tone::FirstReminder);
    assert_eq!(first.since, d(2026, 4, 1));
    book.done(&first, d(2026, 4, 10));
    assert!(book.entry(d(2026, 4, 23)).is_none());
    assert_eq!(
        book.entry(d(2026, 4, 24)).unwrap().tone,
        Tone::SecondReminder
    );
}

#[test]
fn the_courteous_note_is_passed_over_once_due_and_never_before_issue() {
    // Guards against "your invoice falls due soon" sent after the due date, and a note dated
    // before the invoice existed.
    let (book, _, invoice) = one_invoice();
    let entry = book.entry(d(2026, 4, 5)).unwrap();
    assert_eq!(entry.tone, Tone::FirstReminder);
    assert_eq!(entry.invoices[0].invoice, invoice);
    assert_eq!(entry.invoices[0].days_late, 5);

    let mut short = Book::new();
    let client = short.client("Bref");
    short.invoice(client, d(2026, 3, 10), 2, dec!(100));
    assert!(short.entry(d(2026, 3, 9)).is_none());
    let courteous = short.entry(d(2026, 3, 10)).unwrap();
    assert_eq!(courteous.tone, Tone::Courteous);
    assert_eq!(courteous.since, d(2026, 3, 10));
}

#[test]
fn a_client_gets_one_entry_covering_invoices_at_different_levels() {
    // Guards against one message per invoice, or a grouped message at the mildest tone.
    let (mut book, client, older) = one_invoice();
    book.done(&book.entry(d(2026, 4, 1)).unwrap(), d(2026, 4, 1));
    let newer = book.invoice(client, d(2026, 3, 16), 30, dec!(300));
    // 15 April: the older invoice's second reminder and the newer one's first.
    let q = book.queue(d(2026, 4, 17));
    assert_eq!(q.due.len(), 1);
    let entry = &q.due[0];
    assert_eq!(entry.tone, Tone::SecondReminder);
    assert_eq!(entry.level, 2);
    assert_eq!(entry.since, d(2026, 4, 15));
    let levels: Vec<(InvoiceId, u8, Decimal)> = entry
        .invoices
        .iter()
        .map(|i| (i.invoice, i.level, i.open))
        .collect();
    assert_eq!(levels, vec![(older, 2, dec!(1200)), (newer, 1, dec!(300))]);
    book.done(entry, d(2026, 4, 17));
    let reached = book.reminders.levels_reached(d(2026, 4, 17));
    assert_eq!(
        reached[&older],
        (15, d(2026, 4, 17)),
        "the second reminder, at +15"
    );
    assert_eq!(reached[&newer], (1, d(2026, 4, 17)), "the first, at +1");
}

#[test]
fn a_plan_edited_midway_resumes_each_invoice_where_it_stands_in_time() {
    // Guards against reached levels stored as ranks: a level inserted at the top of the plan
    // would make an invoice that got its second reminder receive it again.
    let (mut book, client, invoice) = one_invoice();
    book.done(&book.entry(d(2026, 4, 1)).unwrap(), d(2026, 4, 1));
    book.done(&book.entry(d(2026, 4, 15)).unwrap(), d(2026, 4, 15));
    let mut plan = ReminderPlan::default_french();
    plan.levels.insert(
        0,
        encaisse_domain::model::reminders::ReminderLevel {
            offset_days: -15,
            channel: Channel::Email,
            tone: Tone::Courteous,
            subject: String::new(),
            body: String::new(),
        },
    );
    book.reminders.set_default_plan(plan).unwrap();
    assert!(
        book.queue(d(2026, 4, 20)).due.is_empty(),
        "nothing sent twice"
    );
    let next = book.entry(d(2026, 4, 30)).unwrap();
    assert_eq!(
        (next.client, next.tone, next.level),
        (client, Tone::FormalNotice, 4)
    );
    assert_eq!(next.invoices[0].invoice, invoice);
}

#[test]
fn entries_come_firmest_first_then_oldest_then_by_name() {
    // Guards against the formal notices drowning among courteous notes.
    let mut book = Book::new();
    let zola = book.client("Zola");
    let abel = book.client("Abel");
    let emile = book.client("Émile");
    book.invoice(zola, d(2026, 1, 1), 30, dec!(100)); // due 31 Jan: formal notice on 2 March
    book.invoice(abel, d(2026, 3, 1), 30, dec!(100)); // courteous
    book.invoice(emile, d(2026, 3, 1), 30, dec!(100)); // courteous, same day
    let order: Vec<ClientId> = book
        .queue(d(2026, 3, 26))
        .due
        .iter()
        .map(|e| e.client)
        .collect();
    assert_eq!(order, vec![zola, abel, emile]);
}

#[test]
fn a_skipped_level_counts_as_reached() {
    // Guards against a skipped reminder coming back the next day.
    let (mut book, _, _) = one_invoice();
    let entry = book.entry(d(2026, 3, 26)).unwrap();
    let id = book.id();
    book.reminders
        .record_skip(id, &book.ledger, &entry, d(2026, 3, 26))
        .unwrap();
    assert!(book.entry(d(2026, 3, 27)).is_none());
    assert_eq!(book.entry(d(2026, 4, 1)).unwrap().tone, Tone::FirstReminder);
}

#[test]
fn logging_the_same_entry_twice_is_refused_and_changes_nothing() {
    // Guards against a double click sending a level twice.
    let (mut book, _, invoice) = one_invoice();
    let entry = book.entry(d(2026, 4, 1)).unwrap();
    book.done(&entry, d(2026, 4, 1));
    let before = book.reminders.clone();
    let id = book.id();
    assert_eq!(
        book.reminders
            .record_done(id, &book.ledger, &entry, d(2026, 4, 1), Channel::Email),
        Err(ReminderProblem::LevelAlreadyReached { invoice })
    );
    assert_eq!(book.reminders, before);
}

#[test]
fn an_open_dispute_pauses_the_client_until_it_closes() {
    // Guards against chasing a client over an invoice it contests.
    let (mut book, client, invoice) = one_invoice();
    book.ledger
        .open_dispute(invoice, d(2026, 3, 20), "quantité".into())
        .unwrap();
    book.ledger
        .close_dispute(invoice, d(2026, 4, 20), "livré".into())
        .unwrap();
    let paused = book.queue(d(2026, 4, 10));
    assert!(paused.due.is_empty());
    assert_eq!(paused.paused[0].client, client);
    assert_eq!(
        paused.paused[0].reasons,
        vec![PauseReason::Dispute { invoice }]
    );
    // Closed: the first reminder, the courteous note having been passed over.
    assert_eq!(
        book.entry(d(2026, 4, 20)).unwrap().tone,
        Tone::FirstReminder
    );
}

#[test]
fn a_pending_promise_pauses_and_a_broken_one_resumes_with_a_mention() {
    // Guards against reminding a client who promised, and against forgetting a broken promise.
    let (mut book, client, _) = one_invoice();
    book.promise(client, d(2026, 4, 2), d(2026, 4, 20), Some(dec!(1200)));
    let q = book.queue(d(2026, 4, 20));
    assert!(q.due.is_empty());
    assert!(
        matches!(q.paused[0].reasons[0], PauseReason::Promise { promised_for, .. } if promised_for == d(2026, 4, 20))
    );
    let entry = book.entry(d(2026, 4, 21)).unwrap();
    assert_eq!(entry.broken_promise, Some(d(2026, 4, 20)));
    assert_eq!(entry.tone, Tone::FirstReminder);
    // Mentioned once: the next reminder no longer carries it.
    book.done(&entry, d(2026, 4, 21));
    assert_eq!(book.entry(d(2026, 5, 6)).unwrap().broken_promise, None);
}

#[test]
fn a_promise_kept_in_part_resumes_without_a_mention() {
    // Guards against calling a promise broken when the promised amount arrived.
    let (mut book, client, invoice) = one_invoice();
    book.promise(client, d(2026, 4, 2), d(2026, 4, 20), Some(dec!(500)));
    book.pay(client, d(2026, 4, 18), &[(invoice, dec!(500))]);
    let entry = book.entry(d(2026, 4, 21)).unwrap();
    assert_eq!(entry.broken_promise, None);
    assert_eq!(entry.invoices[0].open, dec!(700));
}

#[test]
fn a_promise_without_amount_is_kept_only_if_the_overdue_invoices_were_paid() {
    // Guards against a promise "to pay what is late" counted as kept by a partial payment.
    let (mut book, client, invoice) = one_invoice();
    book.promise(client, d(2026, 4, 2), d(2026, 4, 10), None);
    book.pay(client, d(2026, 4, 9), &[(invoice, dec!(1000))]);
    assert_eq!(
        book.entry(d(2026, 4, 11)).unwrap().broken_promise,
        Some(d(2026, 4, 10))
    );
}

#[test]
fn a_snooze_pauses_until_its_date() {
    // Guards against a snoozed client coming back a day early or never.
    let (mut book, client, _) = one_invoice();
    let id = book.id();
    book.reminders
        .snooze(id, &book.ledger, client, d(2026, 4, 1), d(2026, 4, 8))
        .unwrap();
    assert_eq!(
        book.queue(d(2026, 4, 7)).paused[0].reasons,
        vec![PauseReason::Snoozed {
            until: d(2026, 4, 8)
        }]
    );
    assert!(book.entry(d(2026, 4, 8)).is_some());
    let id = book.id();
    assert_eq!(
        book.reminders
            .snooze(id, &book.ledger, client, d(2026, 4, 8), d(2026, 4, 8)),
        Err(ReminderProblem::SnoozeNotAfterDate)
    );
}

/// The one-invoice book with a plan created 2 April: 600 € on 15 April and 15 May, 5 days
/// of grace.
fn with_payment_plan() -> (Book, ClientId, InvoiceId) {
    let (mut book, client, invoice) = one_invoice();
    let plan = proposal(
        &book.ledger,
        &book.reminders,
        client,
        d(2026, 4, 2),
        2,
        d(2026, 4, 15),
        Cadence::Monthly,
    )
    .unwrap();
    let plan = NewPaymentPlan {
        grace_days: 5,
        ..plan
    };
    assert_eq!(
        plan.instalments,
        vec![
            Instalment {
                date: d(2026, 4, 15),
                amount: dec!(600)
            },
            Instalment {
                date: d(2026, 5, 15),
                amount: dec!(600)
            },
        ]
    );
    let id = book.id();
    book.reminders
        .add_payment_plan(id, &book.ledger, plan)
        .unwrap();
    (book, client, invoice)
}

#[test]
fn an_active_payment_plan_pauses_and_reminds_each_instalment() {
    // Guards against chasing a client who keeps to its plan, and against an instalment
    // reminded twice.
    let (mut book, client, invoice) = with_payment_plan();
    let q = book.queue(d(2026, 4, 11));
    assert!(q.due.is_empty() && q.instalments.is_empty());
    assert!(matches!(
        q.paused[0].reasons[0],
        PauseReason::PaymentPlan { .. }
    ));
    let q = book.queue(d(2026, 4, 12));
    assert_eq!(q.instalments.len(), 1);
    let upcoming = q.instalments[0].clone();
    assert_eq!(
        (upcoming.instalment, upcoming.notice),
        (0, InstalmentNotice::Upcoming)
    );
    let id = book.id();
    book.reminders
        .record_instalment_reminder(id, &book.ledger, &upcoming, d(2026, 4, 12), Channel::Email)
        .unwrap();
    assert!(book.queue(d(2026, 4, 13)).instalments.is_empty());
    // Unmet on its date: a late note the day after, within the grace.
    let late = book.queue(d(2026, 4, 16)).instalments;
    assert_eq!(late[0].notice, InstalmentNotice::Late);
    assert_eq!(late[0].grace_end, d(2026, 4, 20));
    // Paid within the grace: still active, nothing more for this instalment.
    book.pay(client, d(2026, 4, 18), &[(invoice, dec!(600))]);
    assert!(book.queue(d(2026, 4, 19)).instalments.is_empty());
    book.pay(client, d(2026, 5, 14), &[(invoice, dec!(600))]);
    assert_eq!(
        book.reminders.payment_plans[0].status(&book.ledger, d(2026, 5, 14)),
        PlanStatus::Completed { on: d(2026, 5, 14) }
    );
    assert!(book.queue(d(2026, 5, 20)).due.is_empty());
}

#[test]
fn a_plan_missed_beyond_its_grace_returns_the_client_to_its_reminders() {
    // Guards against a broken plan pausing the client for ever.
    let (book, client, invoice) = with_payment_plan();
    let plan = &book.reminders.payment_plans[0];
    assert_eq!(
        plan.status(&book.ledger, d(2026, 4, 20)),
        PlanStatus::Active
    );
    assert_eq!(
        plan.status(&book.ledger, d(2026, 4, 21)),
        PlanStatus::Broken {
            on: d(2026, 4, 21),
            instalment: 0
        }
    );
    assert!(book.queue(d(2026, 4, 20)).due.is_empty());
    let entry = book.entry(d(2026, 4, 21)).unwrap();
    assert_eq!(entry.client, client);
    assert_eq!(entry.invoices[0].invoice, invoice);
    assert_eq!(entry.tone, Tone::FirstReminder);
}

#[test]
fn a_payment_plan_must_add_up_to_the_balance() {
    // Guards against a plan that forgives or adds a few euros unnoticed.
    let (mut book, client, invoice) = one_invoice();
    let plan = NewPaymentPlan {
        client,
        created_on: d(2026, 4, 2),
        invoices: vec![invoice],
        instalments: vec![
            Instalment {
                date: d(2026, 4, 15),
                amount: dec!(600),
            },
            Instalment {
                date: d(2026, 5, 15),
                amount: dec!(500),
            },
        ],
        grace_days: 5,
    };
    let id = book.id();
    assert_eq!(
        book.reminders
            .add_payment_plan(id, &book.ledger, plan.clone()),
        Err(ReminderProblem::InstalmentsDoNotAddUp {
            balance: dec!(1200),
            total: dec!(1100)
        })
    );
    let backwards = NewPaymentPlan {
        instalments: vec![
            Instalment {
                date: d(2026, 5, 15),
                amount: dec!(600),
            },
            Instalment {
                date: d(2026, 4, 15),
                amount: dec!(600),
            },
        ],
        ..plan
    };
    assert_eq!(
        book.reminders.add_payment_plan(id, &book.ledger, backwards),
        Err(ReminderProblem::InstalmentDatesNotIncreasing)
    );
    assert!(book.reminders.payment_plans.is_empty());
}

#[test]
fn litigation_takes_invoices_out_of_the_reminders() {
    // Guards against the automatic reminders writing to a client the court now deals with.
    let (mut book, client, invoice) = one_invoice();
    let not_yet = NewLitigation {
        client,
        invoices: vec![invoice],
        kind: LitigationKind::Court,
        date: d(2026, 3, 31),
        notes: String::new(),
        documents: vec!["Facture".into(), "  ".into()],
    };
    let id = book.id();
    assert_eq!(
        book.reminders.hand_over(id, &book.ledger, not_yet.clone()),
        Err(ReminderProblem::InvoiceNotOverdue { invoice })
    );
    let litigation = book
        .reminders
        .hand_over(
            id,
            &book.ledger,
            NewLitigation {
                date: d(2026, 6, 1),
                ..not_yet
            },
        )
        .unwrap();
    assert_eq!(
        book.reminders.litigations[0].documents,
        vec!["Facture".to_string()]
    );
    assert!(book.queue(d(2026, 6, 2)).due.is_empty());
    assert!(book.queue(d(2026, 6, 2)).exhausted.is_empty());
    assert!(in_litigation(&book.reminders, d(2026, 6, 2)).contains(&invoice));
    assert_eq!(
        open_in_litigation(&book.ledger, &book.reminders, d(2026, 6, 2)),
        dec!(1200)
    );
    assert_eq!(
        open_in_litigation(&book.ledger, &book.reminders, d(2026, 5, 31)),
        dec!(0)
    );
    book.reminders
        .close_litigation(litigation, d(2026, 7, 1), "abandon".into())
        .unwrap();
    assert!(book.entry(d(2026, 7, 1)).is_some());
}

#[test]
fn archived_clients_and_settled_invoices_never_appear() {
    // Guards against reminding a paid invoice or a client the user put away.
    let (mut book, client, invoice) = one_invoice();
    book.pay(client, d(2026, 4, 3), &[(invoice, dec!(1200))]);
    assert!(book.entry(d(2026, 4, 2)).is_some());
    assert_eq!(book.queue(d(2026, 4, 3)), Queue::default());
    let other = book.client("Archivé");
    book.invoice(other, d(2026, 3, 1), 30, dec!(50));
    book.ledger.set_client_archived(other, true).unwrap();
    assert_eq!(book.queue(d(2026, 4, 10)), Queue::default());
}

#[test]
fn a_client_plan_replaces_the_default_one() {
    // Guards against a client's own plan being ignored, or a bad plan being stored.
    let (mut book, client, _) = one_invoice();
    let mut own = ReminderPlan::default_french();
    own.levels.remove(0);
    own.levels[0].offset_days = 7;
    book.reminders
        .set_client_plan(&book.ledger, client, Some(own))
        .unwrap();
    assert!(book.entry(d(2026, 3, 26)).is_none());
    assert!(book.entry(d(2026, 4, 6)).is_none());
    assert_eq!(book.entry(d(2026, 4, 7)).unwrap().tone, Tone::FirstReminder);
    let empty = ReminderPlan { levels: Vec::new() };
    assert!(matches!(
        book.reminders
            .set_client_plan(&book.ledger, client, Some(empty)),
        Err(ReminderProblem::Plan(PlanError {
            field: PlanField::Levels,
            problem: PlanProblem::NoLevel
        }))
    ));
    book.reminders
        .set_client_plan(&book.ledger, client, None)
        .unwrap();
    assert_eq!(
        book.reminders.plan_for(client),
        &ReminderPlan::default_french()
    );
}

#[test]
fn the_plan_form_names_each_bad_level_and_field() {
    // Guards against an editor that says "invalid plan" without saying which line.
    let mut form = ReminderPlanForm::from_plan(&ReminderPlan::default_french());
    assert_eq!(form.validate(), Ok(ReminderPlan::default_french()));
    form.levels[1].offset_days = "−10".into(); // typographic minus, before level 0's -5
    form.levels[2].offset_days = "quinze".into();
    form.levels[3].offset_days = "400".into();
    form.levels[4].subject = "x".repeat(201);
    let errors: Vec<(PlanField, PlanProblem)> = form
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect();
    assert_eq!(
        errors,
        vec![
            (PlanField::Offset(1), PlanProblem::OffsetNotAfterPrevious),
            (PlanField::Offset(2), PlanProblem::OffsetFormat),
            (
                PlanField::Offset(3),
                PlanProblem::OffsetOutOfRange { min: -60, max: 365 }
            ),
            (PlanField::Subject(4), PlanProblem::TooLong { max: 200 }),
        ]
    );
    let too_many = ReminderPlanForm {
        levels: (0..9)
            .map(|i| ReminderLevelForm {
                offset_days: format!("+{i}"),
                channel: Channel::Email,
                tone: Tone::FirstReminder,
                subject: String::new(),
                body: String::new(),
            })
            .collect(),
    };
    assert_eq!(
        too_many.validate().unwrap_err(),
        vec![PlanError {
            field: PlanField::Levels,
            problem: PlanProblem::TooManyLevels { max: 8 }
        }]
    );
}

#[test]
fn the_stored_state_round_trips_through_json_with_named_kinds() {
    // Guards against a stored format that cannot be read back, or amounts written as floats.
    let (mut book, client, _) = with_payment_plan();
    book.promise(client, d(2026, 4, 2), d(2026, 4, 9), Some(dec!(12.50)));
    let id = book.id();
    book.reminders
        .snooze(id, &book.ledger, client, d(2026, 4, 2), d(2026, 4, 5))
        .unwrap();
    let json = serde_json::to_string(&book.reminders).unwrap();
    assert!(
        json.contains(r#""kind":{"snoozed":{"until":"2026-04-05"}}"#),
        "{json}"
    );
    assert!(json.contains(r#""amount":"12.50""#), "{json}");
    assert!(
        json.contains(r#""offset_days":-5,"channel":"email","tone":"courteous""#),
        "{json}"
    );
    let back: Reminders = serde_json::from_str(&json).unwrap();
    assert_eq!(back, book.reminders);
}

#[test]
fn the_history_lists_what_was_done_for_the_client() {
    // Guards against a reminder sent that the client's history does not show.
    let (mut book, client, _) = with_payment_plan();
    let other = book.client("Autre");
    let id = book.id();
    book.reminders
        .snooze(id, &book.ledger, other, d(2026, 4, 2), d(2026, 4, 5))
        .unwrap();
    let events: Vec<NaiveDate> = book
        .reminders
        .history_of(client)
        .map(|e| e.date())
        .collect();
    assert_eq!(events, vec![d(2026, 4, 2)]);
    assert!(matches!(
        book.reminders.history_of(client).next(),
        Some(ReminderEvent::PaymentPlanAgreed(_))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_proposal_adds_up_to_the_balance_to_the_cent(
        cents in prop::collection::vec(1i64..50_000_000, 1..4),
        count in 2u16..=24,
        every in 1u16..60,
    ) {
        // Guards against instalments that lose or add a cent in the rounding.
        let mut book = Book::new();
        let client = book.client("Client");
        for amount in &cents {
            book.invoice(client, d(2026, 1, 5), 30, Decimal::new(*amount, 2));
        }
        let balance: Decimal = cents.iter().map(|c| Decimal::new(*c, 2)).sum();
        let plan = proposal(&book.ledger, &book.reminders, client, d(2026, 2, 1), count, d(2026, 2, 10), Cadence::EveryDays(every));
        if balance < Decimal::new(i64::from(count), 2) {
            prop_assert!(plan.is_none());
        } else {
            let plan = plan.unwrap();
            prop_assert_eq!(plan.instalments.len(), usize::from(count));
            let total: Decimal = plan.instalments.iter().map(|i| i.amount).sum();
            prop_assert_eq!(total, balance);
            prop_assert!(plan.instalments.iter().all(|i| i.amount > Decimal::ZERO && i.amount.scale() <= 2));
            let id = book.id();
            prop_assert!(book.reminders.add_payment_plan(id, &book.ledger, plan).is_ok());
        }
    }
}

/// What a random invoice goes through: issued some day, with terms, perhaps paid (whole or
/// half), perhaps disputed for a while, perhaps written off.
#[derive(Clone, Debug)]
struct InvoiceStory {
    client: usize,
    issued: i64,
    terms: u16,
    cents: i64,
    paid_after: Option<(i64, bool)>,
    dispute: Option<(i64, Option<i64>)>,
    written_off_after: Option<i64>,
}

fn invoice_story() -> impl Strategy<Value = InvoiceStory> {
    (
        0usize..3,
        0i64..60,
        prop::sample::select(vec![0u16, 10, 30, 45]),
        100i64..500_000,
        prop::option::weighted(0.5, (0i64..120, any::<bool>())),
        prop::option::weighted(0.25, (0i64..90, prop::option::of(1i64..40))),
        prop::option::weighted(0.1, 30i64..150),
    )
        .prop_map(
            |(client, issued, terms, cents, paid_after, dispute, written_off_after)| InvoiceStory {
                client,
                issued,
                terms,
                cents,
                paid_after,
                dispute,
                written_off_after,
            },
        )
}

const START: NaiveDate = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();

fn day(n: i64) -> NaiveDate {
    START + chrono::Duration::days(n)
}

fn build(stories: &[InvoiceStory], archived: Option<usize>) -> (Book, Vec<ClientId>) {
    let mut book = Book::new();
    let clients: Vec<ClientId> = ["Alpha", "Béta", "Gamma"]
        .iter()
        .map(|n| book.client(n))
        .collect();
    for story in stories {
        let client = clients[story.client];
        let issued = day(story.issued);
        let invoice = book.invoice(client, issued, story.terms, Decimal::new(story.cents, 2));
        if let Some((after, whole)) = story.paid_after {
            let amount = if whole {
                Decimal::new(story.cents, 2)
            } else {
                Decimal::new(story.cents / 2, 2)
            };
            book.pay(
                client,
                issued + chrono::Duration::days(after),
                &[(invoice, amount)],
            );
        }
        if let Some((after, length)) = story.dispute {
            let opened = issued + chrono::Duration::days(after);
            book.ledger
                .open_dispute(invoice, opened, String::new())
                .unwrap();
            if let Some(length) = length {
                book.ledger
                    .close_dispute(
                        invoice,
                        opened + chrono::Duration::days(length),
                        String::new(),
                    )
                    .unwrap();
            }
        }
        if let Some(after) = story.written_off_after {
            // Nothing to write off when fully paid: the ledger refuses, as it should.
            let _ = book.ledger.write_off(
                invoice,
                issued + chrono::Duration::days(after),
                String::new(),
            );
        }
    }
    if let Some(index) = archived {
        book.ledger
            .set_client_archived(clients[index], true)
            .unwrap();
    }
    (book, clients)
}

/// Whether the client is paused on that day, by the rules stated independently of the
/// queue's code: a dispute open on one of its open invoices, a pending promise, a running
/// snooze, an active payment plan.
fn paused_by_the_rules(book: &Book, client: ClientId, on: NaiveDate) -> bool {
    let position = Position::new(&book.ledger, on);
    let disputed = book.ledger.invoices_of(client).any(|i| {
        i.details.issue_date <= on
            && position.status(i) == InvoiceStatus::Disputed
            && !in_litigation(&book.reminders, on).contains(&i.id)
    });
    let promised = book
        .reminders
        .promises
        .iter()
        .any(|p| p.client == client && p.made_on <= on && on <= p.promised_for);
    let snoozed = book.reminders.log.iter().any(|a| {
        a.client == client
            && a.date <= on
            && matches!(a.kind, ActionKind::Snoozed { until } if until > on)
    });
    let planned = book
        .reminders
        .payment_plans
        .iter()
        .any(|p| p.client == client && p.status(&book.ledger, on) == PlanStatus::Active);
    disputed || promised || snoozed || planned
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_user_working_the_queue_every_day_never_breaks_the_rules(
        stories in prop::collection::vec(invoice_story(), 1..7),
        archived in prop::option::weighted(0.2, 0usize..3),
        choices in prop::collection::vec(0u8..20, 400),
    ) {
        // Guards against a level firing twice or out of order, a reminder to a paused client,
        // and a reminder for an invoice not yet issued, settled, written off or in litigation,
        // over every day of random histories worked by a user who sends, skips, snoozes,
        // takes promises, agrees payment plans, hands files over and takes a mistake back.
        let (mut book, clients) = build(&stories, archived);
        let mut choices = choices.into_iter().cycle();
        let mut last_level: HashMap<InvoiceId, u8> = HashMap::new();
        for n in 0..200 {
            let today = day(n);
            let q = book.queue(today);
            let position = Position::new(&book.ledger, today);
            let litigated = in_litigation(&book.reminders, today);
            for entry in &q.due {
                prop_assert!(!paused_by_the_rules(&book, entry.client, today), "paused client {} reminded on {}", entry.client, today);
                prop_assert!(archived.is_none_or(|a| clients[a] != entry.client));
                for due in &entry.invoices {
                    let invoice = book.ledger.invoice(due.invoice).unwrap();
                    prop_assert!(invoice.details.issue_date <= today);
                    prop_assert!(due.level_due_on <= today);
                    prop_assert!(position.invoice(due.invoice).open() > Decimal::ZERO);
                    prop_assert_ne!(position.status(invoice), InvoiceStatus::WrittenOff);
                    prop_assert!(!litigated.contains(&due.invoice));
                    prop_assert!(last_level.get(&due.invoice).is_none_or(|l| *l < due.level));
                }
                let id = book.id();
                match choices.next().unwrap() {
                    0..=9 => {
                        book.reminders.record_done(id, &book.ledger, entry, today, entry.channel).unwrap();
                    }
                    10..=12 => {
                        book.reminders.record_skip(id, &book.ledger, entry, today).unwrap();
                    }
                    13 => {
                        let until = today + chrono::Duration::days(i64::from(choices.next().unwrap()) + 1);
                        book.reminders.snooze(id, &book.ledger, entry.client, today, until).unwrap();
                        continue;
                    }
                    14 => {
                        let promised_for = today + chrono::Duration::days(i64::from(choices.next().unwrap()));
                        let amount = (choices.next().unwrap() % 2 == 0).then(|| entry.invoices[0].open);
                        let promise = NewPromise { client: entry.client, made_on: today, promised_for, amount, note: String::new() };
                        book.reminders.add_promise(id, &book.ledger, promise).unwrap();
                        continue;
                    }
                    15 => {
                        let count = 2 + u16::from(choices.next().unwrap() % 3);
                        if let Some(plan) = proposal(&book.ledger, &book.reminders, entry.client, today, count, today + chrono::Duration::days(5), Cadence::EveryDays(20)) {
                            book.reminders.add_payment_plan(id, &book.ledger, plan).unwrap();
                        }
                        continue;
                    }
                    16 => {
                        // Sent by mistake and taken back: as if nothing had been done.
                        let before = book.reminders.clone();
                        book.reminders.record_done(id, &book.ledger, entry, today, entry.channel).unwrap();
                        book.reminders.undo_last_action(entry.client, today).unwrap();
                        prop_assert_eq!(&book.reminders, &before);
                        continue;
                    }
                    _ => continue,
                }
                for due in &entry.invoices {
                    last_level.insert(due.invoice, due.level);
                }
            }
            for due in &q.instalments {
                prop_assert!(book.reminders.payment_plans.iter().any(|p| p.id == due.plan && p.status(&book.ledger, today) == PlanStatus::Active));
                if choices.next().unwrap() < 15 {
                    let id = book.id();
                    book.reminders.record_instalment_reminder(id, &book.ledger, due, today, Channel::Email).unwrap();
                }
            }
            for (client, invoices) in &q.exhausted {
                prop_assert!(q.due.iter().all(|e| e.invoices.iter().all(|i| !invoices.contains(&i.invoice))));
                if choices.next().unwrap() < 5 {
                    let id = book.id();
                    let litigation = NewLitigation { client: *client, invoices: invoices.clone(), kind: LitigationKind::CollectionAgency, date: today, notes: String::new(), documents: Vec::new() };
                    book.reminders.hand_over(id, &book.ledger, litigation).unwrap();
                }
            }
        }
        // Each invoice's levels, in the order they were logged, strictly increase: each
        // level at most once, never back.
        let mut levels: HashMap<InvoiceId, Vec<u8>> = HashMap::new();
        for action in &book.reminders.log {
            for level in action.kind.invoice_levels() {
                levels.entry(level.invoice).or_default().push(level.level);
            }
        }
        for (invoice, levels) in levels {
            prop_assert!(levels.windows(2).all(|w| w[0] < w[1]), "invoice {} got levels {:?}", invoice, levels);
        }
    }
}

#[test]
fn a_cancelled_plan_returns_the_client_to_its_reminders_at_once() {
    // Guards against a cancelled plan still pausing the client, or being cancelled twice.
    let (mut book, client, _) = with_payment_plan();
    let plan = book.reminders.payment_plans[0].id;
    assert!(book.queue(d(2026, 4, 5)).due.is_empty());
    book.reminders
        .cancel_payment_plan(&book.ledger, plan, d(2026, 4, 5))
        .unwrap();
    let entry = book.entry(d(2026, 4, 5)).unwrap();
    assert_eq!((entry.client, entry.tone), (client, Tone::FirstReminder));
    assert_eq!(
        book.reminders
            .cancel_payment_plan(&book.ledger, plan, d(2026, 4, 6)),
        Err(ReminderProblem::PaymentPlanNotActive)
    );
    let events = book.reminders.history_of(client).count();
    assert_eq!(events, 2, "agreed, then cancelled");
}

#[test]
fn a_plan_with_an_unknown_placeholder_is_refused_on_its_field() {
    // Guards against a plan saved (or restored) with a template the message page cannot
    // render, leaving that level's reminders without a message.
    let mut plan = ReminderPlan::default_french();
    plan.levels[2].body = "Bonjour {client}, merci de régler {facture}.".into();
    assert_eq!(
        plan.validate(),
        Err(PlanError {
            field: PlanField::Body(2),
            problem: PlanProblem::TemplateInvalid
        })
    );
    let mut reminders = Reminders::default();
    assert_eq!(
        reminders.set_default_plan(plan),
        Err(ReminderProblem::Plan(PlanError {
            field: PlanField::Body(2),
            problem: PlanProblem::TemplateInvalid
        }))
    );
}

#[test]
fn each_promise_says_whether_it_is_pending_kept_or_broken_and_a_withdrawn_one_pauses_nothing() {
    // Guards against a collection file listing promises without saying which were kept, and
    // against a promise recorded by mistake holding the client's reminders until its date.
    let (mut book, client, invoice) = one_invoice();
    book.promise(client, d(2026, 4, 2), d(2026, 4, 10), Some(dec!(500)));
    book.pay(client, d(2026, 4, 9), &[(invoice, dec!(500))]);
    book.promise(client, d(2026, 4, 11), d(2026, 4, 20), None);
    book.promise(client, d(2026, 4, 21), d(2026, 5, 30), Some(dec!(700)));
    let statuses = |book: &Book, on| {
        promises_of(&book.ledger, &book.reminders, client, on)
            .into_iter()
            .map(|(p, status)| (p.promised_for, status))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        statuses(&book, d(2026, 4, 25)),
        vec![
            (d(2026, 5, 30), PromiseStatus::Pending),
            (d(2026, 4, 20), PromiseStatus::Broken),
            (d(2026, 4, 10), PromiseStatus::Kept),
        ]
    );
    assert!(book.queue(d(2026, 4, 25)).due.is_empty());
    let pending = book.reminders.promises.last().unwrap().id;
    book.reminders.withdraw_promise(pending).unwrap();
    assert_eq!(statuses(&book, d(2026, 4, 25)).len(), 2);
    assert_eq!(book.entry(d(2026, 4, 25)).unwrap().client, client);
    assert_eq!(
        book.reminders.withdraw_promise(pending),
        Err(ReminderProblem::UnknownPromise(pending))
    );
}

#[test]
fn an_undone_snooze_or_skip_gives_the_queue_back_its_entry() {
    // Guards against a wrong "Reporter" or "Passer" that could not be taken back.
    let (mut book, client, _) = one_invoice();
    let entry = book.entry(d(2026, 4, 1)).unwrap();
    let id = book.id();
    book.reminders
        .record_skip(id, &book.ledger, &entry, d(2026, 4, 1))
        .unwrap();
    let id = book.id();
    book.reminders
        .snooze(id, &book.ledger, client, d(2026, 4, 1), d(2026, 4, 30))
        .unwrap();
    assert!(book.queue(d(2026, 4, 16)).due.is_empty(), "snoozed");
    let undone = book
        .reminders
        .undo_last_action(client, d(2026, 4, 1))
        .unwrap();
    assert!(matches!(undone.kind, ActionKind::Snoozed { .. }));
    assert_eq!(
        book.entry(d(2026, 4, 16)).unwrap().tone,
        Tone::SecondReminder
    );
    book.reminders
        .undo_last_action(client, d(2026, 4, 1))
        .unwrap();
    assert_eq!(book.entry(d(2026, 4, 1)), Some(entry));
}

#[test]
fn invoices_listed_in_a_formal_notice_are_never_reminded_more_softly_after_it() {
    // Guards against a second reminder by e-mail, inside a formal notice's own deadline, for
    // an invoice the notice had listed (found in review): a sent message raises the other
    // overdue invoices it lists to its level.
    let mut book = Book::new();
    let client = book.client("Agence Bonnet");
    // A due 31 March, B due 20 April: on 30 April A reaches its formal notice while B, one
    // reminder in, rides along.
    let a = book.invoice(client, d(2026, 3, 1), 30, dec!(1000));
    let b = book.invoice(client, d(2026, 3, 21), 30, dec!(500));
    let mut sent = Vec::new();
    for day in d(2026, 3, 1)
        .iter_days()
        .take_while(|day| *day <= d(2026, 7, 31))
    {
        for entry in book.queue(day).due {
            let listed: Vec<InvoiceId> = entry
                .invoices
                .iter()
                .map(|i| i.invoice)
                .chain(entry.also_overdue.iter().copied())
                .collect();
            sent.push((day, entry.tone, listed));
            book.done(&entry, day);
        }
    }
    let notice = sent
        .iter()
        .position(|(_, tone, listed)| *tone == Tone::FormalNotice && listed.contains(&a))
        .expect("A reaches its formal notice");
    assert_eq!(sent[notice].0, d(2026, 4, 30));
    assert!(sent[notice].2.contains(&b), "B is listed in the notice");
    for (day, tone, listed) in &sent[notice + 1..] {
        assert!(
            *tone >= Tone::FormalNotice,
            "{tone:?} on {day} for {listed:?} after the formal notice"
        );
    }
    assert_eq!(sent[notice + 1].1, Tone::FinalNotice);
}

#[test]
fn a_broken_promise_replaced_by_a_payment_plan_is_not_mentioned_again() {
    // Guards against a letter saying "the payment promised for 1 June never came" weeks after
    // the client agreed a payment plan (found in review).
    let (mut book, client, _) = one_invoice();
    book.promise(client, d(2026, 4, 2), d(2026, 4, 10), None);
    let plan = proposal(
        &book.ledger,
        &book.reminders,
        client,
        d(2026, 4, 12),
        2,
        d(2026, 4, 20),
        Cadence::EveryDays(30),
    )
    .unwrap();
    let id = book.id();
    let plan = book
        .reminders
        .add_payment_plan(id, &book.ledger, plan)
        .unwrap();
    // The plan breaks (nothing paid by its first instalment and grace): reminders resume.
    let entry = book.entry(d(2026, 6, 1)).expect("the plan broke");
    assert_eq!(entry.broken_promise, None);
    assert!(book
        .reminders
        .payment_plans
        .iter()
        .any(|p| p.id == plan && p.status(&book.ledger, d(2026, 6, 1)) != PlanStatus::Active));
}
