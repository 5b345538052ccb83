//! The import page (`import.html`): invoices, clients and payments from an FEC or an
//! invoicing tool's export.
fn main() {
    encaisse::start(encaisse::route::Page::Import, encaisse::app::import_screens);
}
