//! A bank statement for a ledger, as the demo offers it: the CSV export a Caisse d'Épargne
//! customer downloads, covering the last three weeks, in which some clients paid. It lets the
//! reconciliation be tried without a real file, and shows every case the matching handles:
//! exact payments naming their invoice, a number written another way, one transfer for two
//! invoices, a partial payment, a payer known by name only, a credit that is no client's, and
//! the debits, card lines and fees that are set aside.

use crate::model::balances::Position;
use crate::model::invoice::Invoice;
use crate::model::ledger::Ledger;
use crate::values::money::round_cents;
use crate::values::sorting::sort_by;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

/// The Caisse d'Épargne header (see `bank::read::csv::layouts`).
const HEADER: &str = "Date de comptabilisation;Libelle simplifie;Libelle operation;Reference;\
Informations complementaires;Type operation;Categorie;Sous categorie;Debit;Credit;\
Date operation;Date de valeur;Pointage operation\r\n";

/// How a client pays in the statement, with the days before today it is booked.
#[derive(Clone, Copy)]
enum Case {
    /// Its invoice's open amount, the number written as issued.
    Exact,
    /// The same, the number in lower case with spaces for dashes.
    Respelled,
    /// Two of its invoices in one transfer, both numbers given.
    Pair,
    /// Half of an invoice, its number given: proposed, never confirmed in bulk.
    Partial,
    /// One invoice's amount exactly, no number: found by the payer's name.
    ByName,
}

/// How many days before today the statement starts.
const FIRST_DAY_BACK: i64 = 20;

const CASES: [(Case, i64); 8] = [
    (Case::Exact, 19),
    (Case::Exact, 15),
    (Case::Respelled, 13),
    (Case::Pair, 12),
    (Case::Exact, 11),
    (Case::Partial, 9),
    (Case::Exact, 6),
    (Case::ByName, 4),
];

/// What any account also has: a refund that is no client's payment, card lines, direct
/// debits, fees (days back, label, kind, cents).
const OTHERS: [(i64, &str, &str, i64); 6] = [
    (8, "VIR CPAM REMBOURSEMENT", "Virement", 4_820),
    (18, "CB LIBRAIRIE DU CENTRE", "Carte", -2_390),
    (14, "PRLV SEPA URSSAF", "Prélèvement", -84_200),
    (10, "CB STATION TOTAL", "Carte", -6_512),
    (7, "PRLV SEPA ORANGE PRO", "Prélèvement", -4_999),
    (2, "FRAIS TENUE DE COMPTE", "Frais", -900),
];

/// The statement's text, UTF-8 with CRLF line ends as the bank writes it.
pub fn statement_csv(ledger: &Ledger, today: NaiveDate) -> String {
    let position = Position::new(ledger, today);
    let mut open: Vec<_> = ledger
        .invoices()
        .iter()
        // Issued before the statement's first day, so that no payment predates its invoice.
        .filter(|i| {
            i.due_date() < today && i.details.issue_date < today - Duration::days(FIRST_DAY_BACK)
        })
        .map(|i| (i, position.invoice(i.id).open()))
        .filter(|(_, open)| *open > Decimal::ZERO)
        .collect();
    // The invoices fallen due last: those the reminders are chasing now, the story the
    // reconciliation tells (a client who paid is no longer chased).
    sort_by(&mut open, |(a, _), (b, _)| {
        b.due_date().cmp(&a.due_date()).then(a.id.cmp(&b.id))
    });
    // (days back, label, details, amount): one client per line, so that no two pay alike.
    let mut rows: Vec<(i64, String, String, Decimal)> = Vec::new();
    let mut paid_by = Vec::new();
    for (case, back) in CASES {
        let unpaid = |i: &&(&Invoice, Decimal)| !paid_by.contains(&i.0.details.client);
        // A pair needs a client with two open invoices: the first such one.
        let found =
            open.iter()
                .enumerate()
                .filter(|(_, i)| unpaid(i))
                .find_map(|(first, (a, _))| {
                    let second = open
                        .iter()
                        .skip(first + 1)
                        .position(|(b, _)| b.details.client == a.details.client)
                        .map(|at| at + first + 1);
                    (!matches!(case, Case::Pair) || second.is_some()).then_some((first, second))
                });
        let Some((first, second)) = found else {
            continue;
        };
        let client = open[first].0.details.client;
        paid_by.push(client);
        let label = ["VIR SEPA ", &ledger.client_name(client)].concat();
        let (invoice, amount) = open[first];
        let number = &invoice.details.number;
        let (details, amount) = match (case, second) {
            (Case::Pair, Some(second)) => {
                let (other, other_amount) = open.remove(second);
                let details = ["FACT ", number, " ET ", &other.details.number].concat();
                (details, amount + other_amount)
            }
            (Case::Respelled, _) => {
                let written = number.to_ascii_lowercase().replace(['-', '/'], " ");
                (["reglement ", &written].concat(), amount)
            }
            (Case::Partial, _) => (
                ["ACOMPTE ", number].concat(),
                round_cents(amount / Decimal::TWO),
            ),
            (Case::ByName, _) => ("PAIEMENT".to_string(), amount),
            _ => (["FACTURE ", number].concat(), amount),
        };
        open.remove(first);
        rows.push((back, label, details, amount));
    }
    for (back, label, _, cents) in OTHERS {
        rows.push((
            back,
            label.to_string(),
            String::new(),
            Decimal::new(cents, 2),
        ));
    }
    sort_by(&mut rows, |a, b| b.0.cmp(&a.0));

    let mut text = String::from(HEADER);
    for (back, label, details, amount) in rows {
        let date = crate::values::format::format_date(
            today - Duration::days(back),
            crate::values::format::Locale::Fr,
        );
        let kind = OTHERS
            .iter()
            .find(|(_, other, _, _)| *other == label)
            .map_or("Virement", |(_, _, kind, _)| kind);
        let amount_text = format!("{:.2}", round_cents(amount.abs())).replace('.', ",");
        let (debit, credit) = if amount < Decimal::ZERO {
            (["-", &amount_text].concat(), String::new())
        } else {
            (String::new(), ["+", &amount_text].concat())
        };
        let fields = [
            &date, &label, &label, "", &details, kind, "", "", &debit, &credit, &date, &date, "0",
        ];
        text.push_str(&fields.join(";"));
        text.push_str("\r\n");
    }
    text
}
