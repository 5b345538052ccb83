//! The bank reconciliation screen (`banque.html#/rapprochement`): a statement file read and
//! imported, its credits matched with open invoices, and each account's pointage.
//!
//! Its texts live in [`texts`], apart from the shell's, so that only this group's chunk
//! carries them.

mod csv_mapping;
mod flash;
mod lines;
mod pointage;
mod statement_import;
mod suggestions;
pub mod texts;

use crate::i18n::use_t;
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::values::ids::{BankAccountId, BankLineId};
use flash::{Flash, FlashLine};
use leptos::prelude::*;
use texts::btr;

/// The bank accounts by id and name, as the account pickers list them: one memo for the
/// screen.
#[derive(Clone, Copy)]
struct Accounts(Memo<Vec<(BankAccountId, String)>>);

fn use_accounts() -> Memo<Vec<(BankAccountId, String)>> {
    expect_context::<Accounts>().0
}

#[component]
pub fn ReconciliationPage(line: Option<BankLineId>) -> impl IntoView {
    let _t = use_t();
    // What the last action did, with its undo: shared by every part of the screen so that one
    // message at a time is shown, where the eye is (top of the screen, announced).
    let flash = RwSignal::new(None::<Flash>);
    provide_context(flash);
    let ledger = expect_context::<Store>().ledger();
    provide_context(Accounts(Memo::new(move |_| {
        ledger.with(|l| {
            l.bank()
                .accounts()
                .iter()
                .map(|a| (a.id, a.name.clone()))
                .collect::<Vec<_>>()
        })
    })));
    view! {
        <section class="page bank-page">
            <h1>{btr(|b| b.title)}</h1>
            <p class="subtitle">{btr(|b| b.intro)}</p>
            <p><a href=Route::Import.href()>{btr(|b| b.import_link)}</a></p>
            <FlashLine/>
            <statement_import::StatementImport/>
            <suggestions::ToReconcile/>
            <pointage::PointagePanel/>
            <lines::DecidedLines focus=line/>
        </section>
    }
}
