//! The bank page (`banque.html`): statements read and reconciled with open invoices.
fn main() {
    encaisse::start(encaisse::route::Page::Bank, encaisse::app::bank_screens);
}
