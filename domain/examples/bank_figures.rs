//! Prints, as JSON, the demo bank statement for the demo portfolio as of a date
//! (`YYYY-MM-DD`) and what the domain does with it, formatted the French way: the figures the
//! import summary must show, how many matches are very sure, and the reminders queue once
//! they are confirmed. The end-to-end test (e2e/tests/bank.test.mjs) goes through the same
//! steps in the release app and checks that it shows exactly these figures.

use encaisse_domain::bank::book::AccountChoice;
use encaisse_domain::bank::demo::statement_csv;
use encaisse_domain::bank::matching::{suggest_all, very_sure};
use encaisse_domain::bank::read::read_statement;
use encaisse_domain::collection::reminder::schedule::queue;
use encaisse_domain::files::demo::{generate, DemoConfig};
use encaisse_domain::values::format::{format_date, format_eur, Locale};
use encaisse_domain::Decimal;

fn main() {
    let date = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .expect("usage: bank_figures YYYY-MM-DD");
    let mut ledger = generate(date, DemoConfig::default());
    let statement = statement_csv(&ledger, date);
    let read = read_statement(statement.as_bytes(), &[]).expect("the demo statement reads");
    let lines: Vec<_> = read.statement.lines().collect();
    let eur = |amount: Decimal| format_eur(amount, Locale::Fr);
    let credits: Decimal = lines
        .iter()
        .map(|l| l.amount)
        .filter(|a| a.is_sign_positive())
        .sum();
    let debits: Decimal = lines
        .iter()
        .map(|l| l.amount)
        .filter(|a| a.is_sign_negative())
        .sum();
    let first = lines.iter().map(|l| l.booking_date).min().expect("lines");
    let last = lines.iter().map(|l| l.booking_date).max().expect("lines");
    let part = &read.statement.accounts[0];
    ledger
        .import_statement(
            &[(
                AccountChoice::New {
                    name: "Compte courant".into(),
                },
                part,
            )],
            "releve-demonstration.csv",
            "CSV Caisse d'Épargne",
            date,
        )
        .expect("the demo statement imports");
    let bulk = very_sure(&suggest_all(&ledger, date));
    let paid = bulk.first().expect("a very sure match").client;
    ledger
        .reconcile(&bulk, date)
        .expect("very sure matches reconcile");
    let reminders = queue(&ledger, ledger.reminders(), date);
    let figures = serde_json::json!({
        "statement": statement,
        "lines": lines.len(),
        "credits": eur(credits),
        "debits": eur(-debits),
        "first": format_date(first, Locale::Fr),
        "last": format_date(last, Locale::Fr),
        "very_sure": bulk.len(),
        "paid_client_id": paid.0,
        "reminders_due_after": reminders
            .due
            .iter()
            .map(|e| ledger.client_name(e.client))
            .collect::<Vec<_>>(),
    });
    println!("{figures}");
}
