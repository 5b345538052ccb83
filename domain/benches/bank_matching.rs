//! Native speed of reading and matching a bank statement (issue 14): a 10 000-line CSV
//! statement read from its bytes, then suggestions for its 10 000 lines against a ledger of
//! 10 000 open invoices, the open items built once. Guards against a change that makes
//! reading quadratic or matching scan the portfolio for every line: the user waits on this
//! after each import. Budget in scripts/bench.sh.

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use encaisse_domain::bank::book::AccountChoice;
use encaisse_domain::bank::matching::{suggest_all, very_sure, OpenItems};
use encaisse_domain::bank::read::read_statement;
use encaisse_domain::bank::statement::{AccountRef, AccountStatement};
use encaisse_domain::files::demo::open_invoices_ledger;
use encaisse_domain::model::bank_book::{LineKind, StatementLine};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::{Decimal, NaiveDate};
use std::hint::black_box;

const OPEN_INVOICES: usize = 10_000;
const BANK_LINES: usize = 10_000;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date")
}

/// The benchmark ledger with one statement of `BANK_LINES` credits: a quarter naming an
/// invoice, a quarter from a client's IBAN, a quarter naming a client, a quarter unknown, so
/// that every rule does its work; and the same lines as a Crédit Mutuel CSV export.
fn ledger_with_statement() -> (Ledger, Vec<u8>) {
    let mut ledger = open_invoices_ledger(as_of(), OPEN_INVOICES);
    let clients: Vec<_> = ledger.clients().to_vec();
    for (index, client) in clients.iter().enumerate() {
        let mut details = client.details.clone();
        details.iban = format!("FR76300060000{index:014}");
        ledger
            .update_client(client.id, details)
            .expect("the client exists");
    }
    let items = OpenItems::build(&ledger, as_of());
    let invoices = ledger.invoices();
    let lines: Vec<StatementLine> = (0..BANK_LINES)
        .map(|index| {
            let invoice = &invoices[(index * 7919) % invoices.len()];
            let client = ledger
                .client(invoice.details.client)
                .expect("the invoice's client");
            let open = items.open_amount(invoice.id);
            let (label, iban, amount) = match index % 4 {
                0 => (
                    format!("VIR SEPA FACT {}", invoice.details.number),
                    String::new(),
                    open,
                ),
                1 => ("VIR SEPA".to_string(), client.details.iban.clone(), open),
                2 => (
                    format!("VIR {}", client.details.name.to_uppercase()),
                    String::new(),
                    open,
                ),
                _ => (
                    "VIR SEPA DIVERS".to_string(),
                    String::new(),
                    Decimal::new((index as i64 * 3_701) % 500_000 + 1, 2),
                ),
            };
            StatementLine {
                source_line: index + 2,
                booking_date: as_of() - chrono::Duration::days((index % 60) as i64),
                value_date: None,
                amount,
                label,
                details: String::new(),
                counterparty: String::new(),
                counterparty_iban: iban,
                references: Vec::new(),
                bank_id: String::new(),
                kind: LineKind::Transfer,
                reversal: false,
            }
        })
        .collect();
    let mut csv = String::from("Date;Date de valeur;Débit;Crédit;Libellé;Solde\r\n");
    for line in &lines {
        let date = line.booking_date.format("%d/%m/%Y");
        let amount = line.amount.to_string().replace('.', ",");
        csv.push_str(&format!("{date};{date};;{amount};{};0,00\r\n", line.label));
    }
    let part = AccountStatement {
        account: AccountRef::default(),
        opening: None,
        closing: None,
        lines,
    };
    ledger
        .import_statement(
            &[(
                AccountChoice::New {
                    name: "Compte pro".into(),
                },
                &part,
            )],
            "bench.csv",
            "CSV",
            as_of(),
        )
        .expect("the bench statement imports");
    (ledger, csv.into_bytes())
}

fn bank_matching(c: &mut Criterion) {
    let (ledger, csv) = ledger_with_statement();
    // A figure measured on lines that match nothing would flatter: check the work first.
    let read = read_statement(&csv, &[]).expect("the bench statement reads");
    assert_eq!(read.statement.line_count(), BANK_LINES);
    let all = suggest_all(&ledger, as_of());
    assert_eq!(all.len(), BANK_LINES);
    let sure = very_sure(&all).len();
    assert!(sure >= BANK_LINES / 4, "only {sure} very sure lines");
    let mut group = c.benchmark_group("bank_matching");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.bench_function("read_and_match_10000_lines_10000_invoices", |b| {
        b.iter(|| {
            let read = read_statement(black_box(&csv), &[]);
            (read, suggest_all(black_box(&ledger), as_of()))
        })
    });
    group.finish();
}

criterion_group!(benches, bank_matching);
criterion_main!(benches);
