//! The ledger page (`registre.html`): clients, invoices and payments.
fn main() {
    encaisse::start(encaisse::route::Page::Ledger, encaisse::app::ledger_screens);
}
