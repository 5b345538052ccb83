//! A bank statement for a ledger, as the demo offers it: the CSV export a Caisse d'Épargne
//! customer downloads, covering the last three weeks, in which some clients paid. It lets the
//! reconciliation be tried without a real file, and shows every case the matching handles:
//! exact payments naming their invoice, a number written another way, one transfer for two
//! invoices, a partial payment, a payer known by name only, a credit that is no client's, and
//! the debits, card lines and fees that are set aside.

use crate::ids::ClientId;
use crate::invoice::Invoice;
use crate::ledger::Ledger;
use crate::money::round_cents;
use crate::sorting::sort_by;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

/// The Caisse d'Épargne header (see `bank::read::csv::layouts`).
const HEADER: &str = "Date de comptabilisation;Libelle simplifie;Libelle operation;Reference;\
Informations complementaires;Type operation;Categorie;Sous categorie;Debit;Credit;\
Date operation;Date de valeur;Pointage operation";

struct Row {
    date: NaiveDate,
    label: String,
    reference: String,
    details: String,
    kind: &'static str,
    amount: Decimal,
}

/// The statement's text, UTF-8 with CRLF line ends as the bank writes it.
pub fn statement_csv(ledger: &Ledger, today: NaiveDate) -> String {
    let mut open: Vec<_> = ledger
        .invoices()
        .iter()
        .map(|i| (i, ledger.balance_now(i.id).open()))
        .filter(|(i, open)| *open > Decimal::ZERO && i.details.issue_date <= today)
        .collect();
    sort_by(&mut open, |(a, _), (b, _)| {
        a.due_date().cmp(&b.due_date()).then(a.id.cmp(&b.id))
    });
    let day = |back: i64| today - Duration::days(back);
    let name = |invoice: &Invoice| {
        ledger.client_name(invoice.details.client).to_uppercase()
    };
    let mut rows = Vec::new();
    let mut used_clients = Vec::new();
    // Four exact payments naming their invoice.
    for back in [19, 15, 11, 6] {
        if let Some((invoice, amount)) = take(&mut open, &mut used_clients) {
            rows.push(Row {
                date: day(back),
                label: format!("VIR SEPA {}", name(invoice)),
                reference: format!("E2E-{}", invoice.id),
                details: format!("FACTURE {}", invoice.details.number),
                kind: "Virement",
                amount,
            });
        }
    }
    // A number written another way: lower case, spaces for dashes.
    if let Some((invoice, amount)) = take(&mut open, &mut used_clients) {
        rows.push(Row {
            date: day(13),
            label: format!("VIR {}", name(invoice)),
            reference: String::new(),
            details: format!("reglement {}", invoice.details.number.to_lowercase().replace(['-', '/'], " ")),
            kind: "Virement",
            amount,
        });
    }
    // One transfer for two invoices of the same client, both numbers given.
    let pair = open.iter().enumerate().find_map(|(first, (a, _))| {
        let second = open.iter().enumerate().skip(first + 1).find(|(_, (b, _))| {
            b.details.client == a.details.client
        })?;
        (!used_clients.contains(&a.details.client)).then_some((first, second.0))
    });
    if let Some((first, second)) = pair {
        let (b, b_open) = open.remove(second);
        let (a, a_open) = open.remove(first);
        used_clients.push(a.details.client);
        rows.push(Row {
            date: day(12),
            label: format!("VIR SEPA {}", name(a)),
            reference: String::new(),
            details: format!("FACT {} ET {}", a.details.number, b.details.number),
            kind: "Virement",
            amount: a_open + b_open,
        });
    }
    // Half of an invoice, its number given: a partial payment, proposed, never bulk-confirmed.
    if let Some((invoice, amount)) = take(&mut open, &mut used_clients) {
        rows.push(Row {
            date: day(9),
            label: format!("VIR SEPA {}", name(invoice)),
            reference: String::new(),
            details: format!("ACOMPTE {}", invoice.details.number),
            kind: "Virement",
            amount: round_cents(amount / Decimal::TWO),
        });
    }
    // A payer known by its name only, paying one of its invoices exactly, with no number.
    if let Some((invoice, amount)) = take(&mut open, &mut used_clients) {
        rows.push(Row {
            date: day(4),
            label: format!("VIR SEPA {}", name(invoice)),
            reference: String::new(),
            details: "PAIEMENT".into(),
            kind: "Virement",
            amount,
        });
    }
    // A credit that is no client's payment.
    rows.push(Row {
        date: day(8),
        label: "VIR CPAM REMBOURSEMENT".into(),
        reference: String::new(),
        details: "REMBT SOINS".into(),
        kind: "Virement",
        amount: Decimal::new(4820, 2),
    });
    // What any account also has: card lines, direct debits, fees.
    for (back, label, kind, cents) in [
        (18, "CB LIBRAIRIE DU CENTRE", "Carte", -2390),
        (14, "PRLV SEPA URSSAF", "Prélèvement", -84_200),
        (10, "CB STATION TOTAL", "Carte", -6_512),
        (7, "PRLV SEPA ORANGE PRO", "Prélèvement", -4_999),
        (2, "FRAIS TENUE DE COMPTE", "Frais", -900),
    ] {
        rows.push(Row {
            date: day(back),
            label: label.into(),
            reference: String::new(),
            details: String::new(),
            kind,
            amount: Decimal::new(cents, 2),
        });
    }
    sort_by(&mut rows, |a, b| a.date.cmp(&b.date));

    let mut text = String::from(HEADER);
    text.push_str("\r\n");
    for row in rows {
        let date = row.date.format("%d/%m/%Y").to_string();
        let amount = french_amount(row.amount);
        let (debit, credit) = if row.amount < Decimal::ZERO {
            (amount, String::new())
        } else {
            (String::new(), format!("+{amount}"))
        };
        text.push_str(&format!(
            "{date};{label};{label};{reference};{details};{kind};;;{debit};{credit};{date};{date};0\r\n",
            label = row.label,
            reference = row.reference,
            details = row.details,
            kind = row.kind,
        ));
    }
    text
}

/// `-1234.5` as the bank writes it: `-1234,50`.
fn french_amount(amount: Decimal) -> String {
    format!("{:.2}", round_cents(amount)).replace('.', ",")
}

/// The first open invoice of a client not paying anything else in the statement, taken out
/// of the list so that no two lines pay it.
fn take<'a>(
    open: &mut Vec<(&'a Invoice, Decimal)>,
    used_clients: &mut Vec<ClientId>,
) -> Option<(&'a Invoice, Decimal)> {
    let found = open
        .iter()
        .position(|(i, _)| !used_clients.contains(&i.details.client))?;
    let (invoice, amount) = open.remove(found);
    used_clients.push(invoice.details.client);
    Some((invoice, amount))
}
