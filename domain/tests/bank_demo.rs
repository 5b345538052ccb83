//! The whole bank flow a user goes through, on the demo ledger and its demo statement: read,
//! import, match, confirm the very sure ones, and see reminders stop for those who paid.

use chrono::NaiveDate;
use encaisse_domain::analysis::history::{client_history, HistoryEvent};
use encaisse_domain::bank::book::AccountChoice;
use encaisse_domain::bank::demo::statement_csv;
use encaisse_domain::bank::matching::{suggest_all, very_sure, Suggestions};
use encaisse_domain::bank::read::read_statement;
use encaisse_domain::collection::reminder::schedule::queue;
use encaisse_domain::files::demo::{generate, DemoConfig};
use std::collections::HashSet;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

#[test]
fn the_demo_statement_reconciles_and_stops_reminders_for_clients_who_paid() {
    // Guards against the demo's "try it" statement no longer exercising the matching (every
    // line unknown), and against a reconciled payment leaving its invoice in the reminders
    // queue.
    let mut ledger = generate(today(), DemoConfig::default());
    let bytes = statement_csv(&ledger, today()).into_bytes();
    let read = read_statement(&bytes, &[]).expect("the demo statement reads");
    assert!(
        read.statement.unreadable.is_empty(),
        "{:?}",
        read.statement.unreadable
    );
    let part = &read.statement.accounts[0];
    let parts = [(
        AccountChoice::New {
            name: "Compte courant".into(),
        },
        part,
    )];
    ledger
        .import_statement(&parts, "releve-demo.csv", "CSV Caisse d'Épargne", today())
        .unwrap();

    let all = suggest_all(&ledger, today());
    let set_aside = all
        .iter()
        .filter(|(_, s)| matches!(s, Suggestions::SetAside(_)))
        .count();
    assert_eq!(
        set_aside, 5,
        "the card lines, debits and fees are set aside"
    );
    let bulk = very_sure(&all);
    // Four exact payments, the number written another way, and the transfer for two.
    assert_eq!(bulk.len(), 6, "{all:#?}");
    let paid: HashSet<_> = bulk
        .iter()
        .flat_map(|r| r.allocations.iter().map(|a| a.invoice))
        .collect();
    // A payment never predates the invoice it pays.
    for reconciliation in &bulk {
        let booked = ledger
            .bank()
            .line(reconciliation.line)
            .unwrap()
            .line
            .booking_date;
        for allocation in &reconciliation.allocations {
            assert!(
                ledger
                    .invoice(allocation.invoice)
                    .unwrap()
                    .details
                    .issue_date
                    <= booked
            );
        }
    }
    let before = queue(&ledger, ledger.reminders(), today());
    ledger.reconcile(&bulk, today()).unwrap();
    for invoice in &paid {
        assert_eq!(
            ledger.balance_now(*invoice).open(),
            0.into(),
            "{invoice} is paid"
        );
    }
    // The client's history tells each payment with the bank line it came from.
    let client = bulk[0].client;
    assert!(client_history(&ledger, client).iter().any(|entry| matches!(
        &entry.event,
        HistoryEvent::PaymentReceived { bank_line: Some((_, label)), .. } if label.starts_with("VIR SEPA")
    )));
    let after = queue(&ledger, ledger.reminders(), today());
    let chased = |q: &encaisse_domain::collection::reminder::schedule::Queue| -> HashSet<_> {
        q.due
            .iter()
            .flat_map(|entry| {
                entry
                    .invoices
                    .iter()
                    .map(|i| i.invoice)
                    .chain(entry.also_overdue.iter().copied())
            })
            .collect()
    };
    assert!(
        !chased(&before).is_disjoint(&paid),
        "the demo's statement pays invoices the queue was chasing"
    );
    assert!(
        chased(&after).is_disjoint(&paid),
        "no paid invoice is chased any more"
    );

    // Importing the same file again adds nothing, and nothing reconciled is matched again.
    let again = ledger
        .import_statement(
            &[(
                AccountChoice::Existing(ledger.bank().accounts()[0].id),
                part,
            )],
            "releve-demo.csv",
            "CSV Caisse d'Épargne",
            today(),
        )
        .unwrap();
    assert_eq!((again[0].added, again[0].known), (0, part.lines.len()));
    assert!(very_sure(&suggest_all(&ledger, today())).is_empty());
}
