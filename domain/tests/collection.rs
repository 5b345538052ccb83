//! Collection through the ledger: reminders, promises, payment plans and litigation recorded
//! as ledger changes (one id counter, whole or nothing), the formal notice they date, the
//! client's history, and what can no longer be deleted once collection started.

mod support;

use encaisse_domain::analysis::history::{client_history, HistoryEvent};
use encaisse_domain::collection::reminder::schedule::queue;
use encaisse_domain::collection::reminder::NewPromise;
use encaisse_domain::law::penalty::claims::PenaltyInputs;
use encaisse_domain::model::client::{ClientForm, ClientKind};
use encaisse_domain::model::invoice::InvoiceDetails;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::reminders::{Channel, Tone};
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::problem::Problem;
use encaisse_domain::values::problem::ReminderProblem;
use encaisse_domain::{Decimal, NaiveDate};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn invoice(ledger: &mut Ledger, client: ClientId, number: &str, issued: NaiveDate) -> InvoiceId {
    ledger
        .add_invoice(InvoiceDetails {
            number: number.into(),
            client,
            issue_date: issued,
            terms: PaymentTerms::Net { days: 30 },
            net: dec!(1000),
            vat: Decimal::ZERO,
            description: String::new(),
            contractual_rate: None,
        })
        .unwrap()
}

/// Sends whatever the queue holds for the client on each day from `from` to `to`.
fn send_all(ledger: &mut Ledger, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, Tone)> {
    let mut sent = Vec::new();
    let mut day = from;
    while day <= to {
        let due = queue(ledger, ledger.reminders(), day).due;
        for entry in due {
            ledger
                .record_reminder_sent(&entry, day, entry.channel)
                .unwrap();
            sent.push((day, entry.tone));
        }
        day = day.succ_opt().unwrap();
    }
    sent
}

#[test]
fn reminders_draw_ids_from_the_ledger_and_a_refusal_changes_nothing() {
    // Guards against a reminder id colliding with an invoice's, and a refused change that
    // still spends an id or half-records something.
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont"), d(2026, 1, 1));
    invoice(&mut ledger, client, "F-1", d(2026, 1, 10));
    let entry = queue(&ledger, ledger.reminders(), d(2026, 2, 10))
        .due
        .remove(0);
    let sent = ledger
        .record_reminder_sent(&entry, d(2026, 2, 10), Channel::Email)
        .unwrap();
    let later = ledger.add_client(support::business("Martin"), d(2026, 2, 11));
    assert!(later.0 > sent.0, "one counter for every entity");

    let before = ledger.clone();
    assert_eq!(
        ledger.record_reminder_sent(&entry, d(2026, 2, 10), Channel::Email),
        Err(Problem::Reminder(Box::new(
            ReminderProblem::LevelAlreadyReached {
                invoice: entry.invoices[0].invoice
            }
        )))
    );
    assert_eq!(
        ledger.add_promise(NewPromise {
            client,
            made_on: d(2026, 2, 12),
            promised_for: d(2026, 2, 1),
            amount: None,
            note: String::new(),
        }),
        Err(Problem::Reminder(Box::new(
            ReminderProblem::PromiseBeforeMade
        )))
    );
    assert_eq!(
        ledger.add_promise(NewPromise {
            client: ClientId(999),
            made_on: d(2026, 2, 12),
            promised_for: d(2026, 3, 1),
            amount: None,
            note: String::new(),
        }),
        Err(Problem::UnknownClient(ClientId(999))),
        "a ledger problem is reported as the ledger's own"
    );
    assert_eq!(ledger, before);
}

#[test]
fn a_formal_notice_sent_to_a_private_client_starts_its_interest() {
    // Guards against a mise en demeure logged without dating the invoices' formal notice:
    // a private individual would then never owe interest.
    let mut ledger = Ledger::default();
    let details = ClientForm {
        name: "Jean Petit".into(),
        kind: ClientKind::Individual,
        ..ClientForm::default()
    }
    .validate()
    .unwrap();
    let client = ledger.add_client(details, d(2026, 1, 1));
    let id = invoice(&mut ledger, client, "F-1", d(2026, 1, 10));
    let sent = send_all(&mut ledger, d(2026, 1, 10), d(2026, 3, 15));
    let formal = sent
        .iter()
        .find(|(_, tone)| *tone == Tone::FormalNotice)
        .map(|(day, _)| *day)
        .expect("the plan reaches its formal notice");
    assert_eq!(formal, d(2026, 3, 11), "due 9 February + 30 days");
    assert_eq!(ledger.invoice(id).unwrap().formal_notice, Some(formal));
    let as_of = d(2026, 6, 30);
    // A second invoice whose notice is only phoned gets no date: a call is no written demand.
    let phoned = invoice(&mut ledger, client, "F-2", d(2026, 3, 1));
    let mut day = d(2026, 3, 1);
    while day < as_of {
        for entry in queue(&ledger, ledger.reminders(), day).due {
            ledger
                .record_reminder_sent(&entry, day, Channel::Phone)
                .unwrap();
        }
        day = day.succ_opt().unwrap();
    }
    assert_eq!(ledger.invoice(phoned).unwrap().formal_notice, None);
    let penalties = PenaltyInputs::new(&ledger, as_of);
    let breakdown = penalties
        .for_invoice(ledger.invoice(id).unwrap())
        .unwrap()
        .unwrap();
    assert!(breakdown.interest > Decimal::ZERO, "{breakdown:?}");
    assert_eq!(
        breakdown.indemnity,
        Decimal::ZERO,
        "no 40 € from an individual"
    );
}

#[test]
fn the_history_tells_each_reminder_with_its_level_and_channel_and_deletion_is_refused() {
    // Guards against reminders missing from the client's history, and an invoice deleted
    // from under its reminder log.
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont"), d(2026, 1, 1));
    let id = invoice(&mut ledger, client, "F-1", d(2026, 1, 10));
    let entry = queue(&ledger, ledger.reminders(), d(2026, 2, 10))
        .due
        .remove(0);
    ledger
        .record_reminder_sent(&entry, d(2026, 2, 10), Channel::Phone)
        .unwrap();
    let history = client_history(&ledger, client);
    assert_eq!(history[0].date, d(2026, 2, 10));
    assert_eq!(
        history[0].event,
        HistoryEvent::ReminderSent {
            tone: Tone::FirstReminder,
            level: 2,
            channel: Channel::Phone,
            numbers: vec!["F-1".into()],
        }
    );
    assert_eq!(
        ledger.delete_invoice(id),
        Err(Problem::InvoiceHasSettlements)
    );
    assert_eq!(
        ledger.delete_client(client),
        Err(Problem::ClientHasInvoices)
    );
}

#[test]
fn a_grouped_reminder_lists_every_overdue_invoice_but_moves_only_those_due() {
    // Guards against a grouped message that leaves out overdue invoices between their
    // levels, and against moving those invoices to a level they were not due for.
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont"), d(2026, 1, 1));
    let first = invoice(&mut ledger, client, "F-1", d(2026, 1, 1));
    send_all(&mut ledger, d(2026, 1, 1), d(2026, 2, 16));
    let second = invoice(&mut ledger, client, "F-2", d(2026, 1, 20));
    let entry = queue(&ledger, ledger.reminders(), d(2026, 2, 20))
        .due
        .remove(0);
    assert_eq!(
        entry.invoices.iter().map(|i| i.invoice).collect::<Vec<_>>(),
        [second]
    );
    assert_eq!(entry.also_overdue, [first]);
}

#[test]
fn invoices_handed_over_leave_the_queue_and_are_shown_apart_in_the_kpis() {
    // Guards against reminders still sent on a file a court now handles, and a litigation
    // amount the dashboard cannot tell from ordinary overdue.
    use encaisse_domain::analysis::kpi::kpis;
    use encaisse_domain::collection::reminder::litigation::NewLitigation;
    use encaisse_domain::model::reminders::LitigationKind;
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont"), d(2026, 1, 1));
    let id = invoice(&mut ledger, client, "F-1", d(2026, 1, 10));
    ledger
        .hand_over(NewLitigation {
            client,
            invoices: vec![id],
            kind: LitigationKind::Court,
            date: d(2026, 4, 1),
            notes: "Injonction de payer".into(),
            documents: vec!["Facture F-1".into()],
        })
        .unwrap();
    let as_of = d(2026, 5, 1);
    assert!(queue(&ledger, ledger.reminders(), as_of).due.is_empty());
    let figures = kpis(&ledger, as_of);
    assert_eq!(
        (figures.in_litigation, figures.litigation_count),
        (dec!(1000), 1)
    );
    assert_eq!(figures.overdue, dec!(1000), "still owed, only shown apart");
    assert_eq!(kpis(&ledger, d(2026, 3, 31)).in_litigation, Decimal::ZERO);
}

#[test]
fn a_missing_rate_claims_the_interest_to_be_settled_and_keeps_the_indemnity() {
    // Guards against a formal notice that drops the 40 € indemnity because the half-year's
    // ECB rate is not published yet (the indemnity needs no rate), or that passes over the
    // interest in silence (found in review): it is claimed "à parfaire".
    use encaisse_domain::collection::letter::{
        default_template, render, MessageContext, MessageInput,
    };
    use encaisse_domain::model::client::ClientKind;
    use encaisse_domain::model::issuer::Issuer;
    use encaisse_domain::values::format::Locale;
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont"), d(2026, 1, 1));
    let id = invoice(&mut ledger, client, "F-1", d(2026, 8, 1));
    let ctx = MessageContext::build(
        &ledger,
        &Issuer::default(),
        &MessageInput {
            client,
            tone: Tone::FormalNotice,
            invoices: vec![id],
            as_of: d(2026, 11, 22),
            broken_promise: None,
        },
    );
    assert_eq!(
        ctx.missing_rates,
        [id],
        "2026 S2's ECB rate is not in the table"
    );
    assert_eq!(ctx.totals.interest, Decimal::ZERO);
    assert_eq!(ctx.totals.indemnity, dec!(40));
    assert_eq!(ctx.totals.claimed, dec!(1040));
    let template = default_template(Tone::FormalNotice, ClientKind::Business, Locale::Fr);
    let body = render(&template, &ctx, Locale::Fr).unwrap().body;
    assert!(
        body.contains("(art. L441-10 du Code de commerce) : à parfaire"),
        "{body}"
    );
    assert!(body.contains("(intérêts à parfaire en sus)"), "{body}");
}

#[test]
fn a_formal_notice_never_covers_an_invoice_not_yet_due() {
    // Guards against a mise en demeure demanding an invoice that is not due yet, because its
    // courteous note fell on the same day: that note comes as the client's next entry.
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont"), d(2026, 1, 1));
    let overdue = invoice(&mut ledger, client, "F-1", d(2026, 1, 1));
    send_all(&mut ledger, d(2026, 1, 1), d(2026, 3, 1));
    let upcoming = invoice(&mut ledger, client, "F-2", d(2026, 2, 5));
    let day = d(2026, 3, 2);
    let notice = queue(&ledger, ledger.reminders(), day).due.remove(0);
    assert_eq!(notice.tone, Tone::FormalNotice);
    assert_eq!(
        notice
            .invoices
            .iter()
            .map(|i| i.invoice)
            .collect::<Vec<_>>(),
        [overdue]
    );
    ledger
        .record_reminder_sent(&notice, day, Channel::Letter)
        .unwrap();
    let next = queue(&ledger, ledger.reminders(), day).due.remove(0);
    assert_eq!(next.tone, Tone::Courteous);
    assert_eq!(
        next.invoices.iter().map(|i| i.invoice).collect::<Vec<_>>(),
        [upcoming]
    );
}

/// A client's 1 000 € invoice due 9 February 2026 in a payment plan agreed on 1 March: two
/// instalments of these amounts on 15 March and 15 April, 7 days of grace.
fn with_plan(amounts: [Decimal; 2]) -> (Ledger, ClientId, InvoiceId) {
    use encaisse_domain::collection::reminder::instalments::NewPaymentPlan;
    use encaisse_domain::model::reminders::Instalment;
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont"), d(2026, 1, 1));
    let id = invoice(&mut ledger, client, "F-1", d(2026, 1, 10));
    let dates = [d(2026, 3, 15), d(2026, 4, 15)];
    ledger
        .add_payment_plan(NewPaymentPlan {
            client,
            created_on: d(2026, 3, 1),
            invoices: vec![id],
            instalments: dates
                .into_iter()
                .zip(amounts)
                .map(|(date, amount)| Instalment { date, amount })
                .collect(),
            grace_days: 7,
        })
        .unwrap();
    (ledger, client, id)
}

#[test]
fn a_credit_note_on_a_planned_invoice_counts_toward_its_instalments() {
    // Guards against a plan declared broken because a credit note lowered what the client
    // owes: the instalments could then never be met.
    use encaisse_domain::collection::reminder::instalments::PlanStatus;
    use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
    let (mut ledger, client, id) = with_plan([dec!(500), dec!(500)]);
    ledger
        .record_payment(PaymentDetails {
            client,
            date: d(2026, 3, 14),
            amount: dec!(500),
            method: PaymentMethod::Transfer,
            reference: String::new(),
            allocations: vec![Allocation {
                invoice: id,
                amount: dec!(500),
            }],
        })
        .unwrap();
    ledger
        .add_credit_note(id, "AV-1".into(), d(2026, 4, 2), dec!(500), "Geste".into())
        .unwrap();
    let plan = &ledger.reminders().payment_plans[0];
    assert_eq!(
        plan.status(&ledger, d(2026, 5, 1)),
        PlanStatus::Completed { on: d(2026, 4, 2) }
    );
}

#[test]
fn a_formal_notice_taken_back_takes_back_the_date_it_gave_and_returns_to_the_queue() {
    // Guards against "Marquer comme faite" clicked by mistake on a mise en demeure: the
    // invoices would keep a formal-notice date (interest for a private client) for a letter
    // never sent, and the level would be lost for good; and against an undo that goes back
    // through reminders sent on earlier days.
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont"), d(2026, 1, 1));
    let id = invoice(&mut ledger, client, "F-1", d(2026, 1, 10));
    let other = ledger.add_client(support::business("Martin"), d(2026, 1, 1));
    let theirs = invoice(&mut ledger, other, "F-2", d(2026, 1, 10));
    let sent = send_all(&mut ledger, d(2026, 1, 10), d(2026, 3, 11));
    assert_eq!(sent.last(), Some(&(d(2026, 3, 11), Tone::FormalNotice)));
    assert_eq!(
        ledger.invoice(id).unwrap().formal_notice,
        Some(d(2026, 3, 11))
    );

    let day = d(2026, 3, 11);
    ledger.undo_reminder_action(client, day).unwrap();
    assert_eq!(ledger.invoice(id).unwrap().formal_notice, None);
    assert_eq!(
        ledger.invoice(theirs).unwrap().formal_notice,
        Some(day),
        "another client's notice stays"
    );
    let again = queue(&ledger, ledger.reminders(), day).due;
    assert_eq!(again.len(), 1);
    assert_eq!(
        (again[0].client, again[0].tone),
        (client, Tone::FormalNotice)
    );
    // Undo mends the day's wrong click: the second reminder, sent on 26 February, stays in
    // the history (found in review: five clicks erased weeks of reminders).
    let before = ledger.clone();
    assert_eq!(
        ledger.undo_reminder_action(client, day),
        Err(Problem::Reminder(Box::new(ReminderProblem::NothingToUndo)))
    );
    assert_eq!(ledger, before);
}

#[test]
fn an_instalment_note_states_its_instalment_and_is_recorded_once() {
    // Guards against instalment reminders the user had to write by hand (found in review):
    // the note before the date and the one after it state the instalment, what is missing of
    // it and, late, the last day before the plan ends; recording one takes it off the queue.
    use encaisse_domain::collection::letter::{instalment_template, render, MessageContext};
    use encaisse_domain::collection::reminder::schedule::InstalmentNotice;
    use encaisse_domain::model::issuer::Issuer;
    use encaisse_domain::values::format::Locale;
    let (mut ledger, _, _) = with_plan([dec!(400), dec!(600)]);
    let note = |ledger: &Ledger, day| {
        let due = queue(ledger, ledger.reminders(), day).instalments.remove(0);
        let ctx = MessageContext::for_instalment(ledger, &Issuer::default(), &due, day).unwrap();
        let body = render(
            &instalment_template(due.notice, Locale::Fr),
            &ctx,
            Locale::Fr,
        )
        .unwrap()
        .body;
        (due, body)
    };
    let (soon, body) = note(&ledger, d(2026, 3, 13));
    assert_eq!(soon.notice, InstalmentNotice::Upcoming);
    assert!(body.contains("convenu le 01/03/2026"), "{body}");
    assert!(
        body.contains("l'échéance n° 1, d'un montant de 400,00\u{a0}€, est à régler le 15/03/2026"),
        "{body}"
    );
    assert!(
        !body.contains("reste à régler"),
        "nothing paid yet: the amount is not repeated"
    );
    ledger
        .record_instalment_reminder(&soon, d(2026, 3, 13), Channel::Email)
        .unwrap();
    assert!(queue(&ledger, ledger.reminders(), d(2026, 3, 14))
        .instalments
        .is_empty());

    let (late, body) = note(&ledger, d(2026, 3, 17));
    assert_eq!(late.notice, InstalmentNotice::Late);
    assert!(
        body.contains(
            "d'un montant de 400,00\u{a0}€, prévue le 15/03/2026, ne nous est pas parvenue"
        ),
        "{body}"
    );
    assert!(body.contains("au plus tard le 22/03/2026"), "{body}");
}
