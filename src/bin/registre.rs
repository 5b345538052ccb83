//! The ledger page (`registre.html`): clients, invoices, payments and settings.
fn main() {
    encaisse::start(encaisse::route::Page::Ledger, encaisse::app::ledger_screens);
}
