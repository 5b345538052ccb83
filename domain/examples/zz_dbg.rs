use encaisse_domain::demo::{generate, DemoConfig};
use encaisse_domain::ids::ClientId;
use encaisse_domain::penalty::claims::PenaltyInputs;
fn main() {
    let date = encaisse_domain::iso_date::parse("2026-11-22").unwrap();
    let ledger = generate(date, DemoConfig::default());
    let p = PenaltyInputs::new(&ledger, date);
    let c = ledger.client(ClientId(36)).unwrap();
    println!("{:?} {:?}", c.details.kind, c.details.name);
    for i in ledger.invoices_of(ClientId(36)) {
        println!(
            "{} due {} {:?}",
            i.details.number,
            i.due_date(),
            p.for_invoice(i)
                .map(|r| r.map(|b| (b.interest, b.indemnity, b.days_late)))
        );
    }
    let q = encaisse_domain::reminder::schedule::queue(&ledger, ledger.reminders(), date);
    for e in &q.due {
        println!(
            "{:?} {:?} {:?}",
            e.client,
            e.tone,
            e.invoices
                .iter()
                .map(|i| (i.invoice, i.level, i.days_late))
                .collect::<Vec<_>>()
        );
    }
    println!("paused {}", q.paused.len());
}
