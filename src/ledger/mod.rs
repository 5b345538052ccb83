//! The ledger: clients, invoices and payments, their lists, pages and forms.

pub mod client_form;
pub mod client_list;
pub mod client_page;
pub mod invoice_form;
pub mod invoice_list;
pub mod invoice_page;
pub mod pager;
pub mod payment_form;
pub mod texts;
