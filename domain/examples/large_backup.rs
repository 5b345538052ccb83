//! Writes the backup file of the largest firm Encaisse is built for (`DemoConfig::large_firm`:
//! 20 000 invoices, 800 clients) as of a date (`YYYY-MM-DD`), for the end-to-end benchmark
//! of the screens on that ledger (e2e/bench/large-ledger.mjs).

use encaisse_domain::files::demo::{generate, DemoConfig};
use encaisse_domain::files::snapshot;
use encaisse_domain::values::iso_date;

fn main() {
    let day = std::env::args()
        .nth(1)
        .and_then(|text| iso_date::parse(&text))
        .expect("usage: large_backup YYYY-MM-DD");
    print!(
        "{}",
        snapshot::to_backup(&generate(day, DemoConfig::large_firm()))
    );
}
