//! Which code shows which screen, and when that code is fetched.
//!
//! The app is one page. In the release build each group of screens below is a split point
//! (`crate::chunks`): its code is a chunk that the browser fetches the first time one of its
//! screens opens, and on idle before that.

use super::route::Route;
use super::NotFound;
use crate::chunks::{split_point, ChunkError};
use crate::components::demo;
use crate::i18n::tr;
use crate::storage::format;
use crate::{aging, bank, calculator, collection, import, ledger, overview, settings};
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// The groups of screens, one split point each. Screens are grouped rather than split one by
/// one: each split point multiplies the shared chunks a first opening fetches and compiles
/// (eight split points made 132 chunks and up to 258 ms to open a screen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    /// The home screen of an empty ledger.
    Welcome,
    Overview,
    Ledger,
    Collection,
    /// Aging, the calculator, the settings.
    Tools,
    /// Bank statements and imports.
    Files,
}

impl Group {
    const ALL: [Group; 6] = [
        Group::Welcome,
        Group::Overview,
        Group::Ledger,
        Group::Collection,
        Group::Tools,
        Group::Files,
    ];

    /// `welcome`: the route is the home screen and the ledger is empty.
    fn of(route: &Route, welcome: bool) -> Option<Group> {
        if welcome {
            return Some(Group::Welcome);
        }
        Some(match route {
            Route::Home
            | Route::Collected { .. }
            | Route::Expected { .. }
            | Route::BeyondUsualDelay
            | Route::Payers => Group::Overview,
            Route::Aging { .. } | Route::Calculator(_) | Route::Settings => Group::Tools,
            Route::Clients
            | Route::ClientNew
            | Route::Client(_)
            | Route::ClientEdit(_)
            | Route::Invoices { .. }
            | Route::InvoiceNew { .. }
            | Route::Invoice(_)
            | Route::InvoiceEdit(_)
            | Route::Draft(_)
            | Route::PaymentNew { .. } => Group::Ledger,
            Route::Reminders
            | Route::ReminderMessage(_)
            | Route::InstalmentMessage { .. }
            | Route::Collection(_)
            | Route::ReminderSettings => Group::Collection,
            Route::Reconciliation { .. } | Route::Import => Group::Files,
            Route::NotFound => return None,
        })
    }

    async fn show(self, route: Route) -> Result<AnyView, ChunkError> {
        match self {
            Group::Welcome => welcome_screen(route).await,
            Group::Overview => overview_screens(route).await,
            Group::Ledger => ledger_screens(route).await,
            Group::Collection => collection_screens(route).await,
            Group::Tools => tools_screens(route).await,
            Group::Files => files_screens(route).await,
        }
    }

    async fn preload(self) -> Result<(), leptos::wasm_split::SplitLoaderError> {
        match self {
            Group::Welcome => preload_welcome().await,
            Group::Overview => preload_overview().await,
            Group::Ledger => preload_ledger().await,
            Group::Collection => preload_collection().await,
            Group::Tools => preload_tools().await,
            Group::Files => preload_files().await,
        }
    }
}

/// The screen a route names: at once when its chunk is there, after fetching it otherwise;
/// when the fetch fails, a message and a button that tries again. Once a first screen is up,
/// the other chunks are fetched while the browser is idle.
pub async fn show(route: Route, welcome: bool, retry: Callback<()>) -> AnyView {
    let Some(group) = Group::of(&route, welcome) else {
        return NotFound().into_any();
    };
    match group.show(route).await {
        Ok(view) => {
            prefetch_once();
            view
        }
        Err(ChunkError) => ChunkFailed(ChunkFailedProps { retry }).into_any(),
    }
}

/// Fetches the code of the screen a route names (the dashboard for the home screen), without
/// showing it; a failure is left for the screen to report when it is shown.
pub fn preload(route: &Route) {
    if let Some(group) = Group::of(route, false) {
        leptos::task::spawn_local(async move {
            let _ = group.preload().await;
        });
    }
}

/// Fetches every chunk not yet fetched, one after the other, when the browser is next idle,
/// so that a screen opened later (or offline) is already there; after the first screen only,
/// so that its own chunks are not slowed down. A failure is left for the screen itself to
/// report when it opens.
fn prefetch_once() {
    static STARTED: AtomicBool = AtomicBool::new(false);
    if STARTED.swap(true, Ordering::Relaxed) {
        return;
    }
    request_idle_callback(|| {
        leptos::task::spawn_local(async {
            // The stored format first: the first change needs it.
            let _ = format::preload().await;
            for group in Group::ALL {
                let _ = group.preload().await;
            }
            let _ = demo::preload().await;
        })
    });
}

#[component]
fn ChunkFailed(retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="page" role="alert">
            <h1>{tr(|t| t.chunk_failed_title)}</h1>
            <p>{tr(|t| t.chunk_failed_text)}</p>
            <p><button type="button" on:click=move |_| retry.run(())>{tr(|t| t.chunk_retry)}</button></p>
        </section>
    }
}

split_point!(welcome_screen, preload preload_welcome,
    /// The home screen of an empty ledger: the first steps.
    fn welcome_screen(_route: Route) -> Result<AnyView, ChunkError> {
        Ok(overview::home::WelcomePage().into_any())
    }
);

split_point!(overview_screens, preload preload_overview,
    /// The dashboard (home) and what its charts lead to, the payers' rankings.
    fn overview_screens(route: Route) -> Result<AnyView, ChunkError> {
        Ok(match route {
            Route::Collected { month } => {
                view! { <overview::cash_drill::CollectedPage month/> }.into_any()
            }
            Route::Expected { week } => view! { <overview::cash_drill::ExpectedPage week/> }.into_any(),
            Route::BeyondUsualDelay => view! { <overview::cash_drill::BeyondUsualDelayPage/> }.into_any(),
            Route::Payers => overview::payers::PayersPage().into_any(),
            _ => overview::home::HomePage().into_any(),
        })
    }
);

split_point!(tools_screens, preload preload_tools,
    /// The aging report, the calculator, the settings.
    fn tools_screens(route: Route) -> Result<AnyView, ChunkError> {
        Ok(match route {
            Route::Aging { as_of } => view! { <aging::AgingPage as_of/> }.into_any(),
            Route::Calculator(query) => view! { <calculator::CalculatorPage query/> }.into_any(),
            Route::Settings => settings::SettingsPage().into_any(),
            _ => NotFound().into_any(),
        })
    }
);

split_point!(ledger_screens, preload preload_ledger,
    /// Clients, invoices and payments.
    fn ledger_screens(route: Route) -> Result<AnyView, ChunkError> {
        Ok(match route {
            Route::Clients => ledger::client_list::ClientListPage().into_any(),
            Route::ClientNew => view! { <ledger::client_form::ClientFormPage editing=None/> }.into_any(),
            Route::ClientEdit(id) => {
                view! { <ledger::client_form::ClientFormPage editing=Some(id)/> }.into_any()
            }
            Route::Client(id) => view! { <ledger::client_page::ClientPage id/> }.into_any(),
            Route::Invoices { status, client } => {
                view! { <ledger::invoice_list::InvoiceListPage status client/> }.into_any()
            }
            Route::InvoiceNew { client } => {
                let target = ledger::invoice_form::Target::New(client);
                view! { <ledger::invoice_form::InvoiceFormPage target/> }.into_any()
            }
            Route::InvoiceEdit(id) => {
                let target = ledger::invoice_form::Target::Invoice(id);
                view! { <ledger::invoice_form::InvoiceFormPage target/> }.into_any()
            }
            Route::Draft(id) => {
                let target = ledger::invoice_form::Target::Draft(id);
                view! { <ledger::invoice_form::InvoiceFormPage target/> }.into_any()
            }
            Route::Invoice(id) => view! { <ledger::invoice_page::InvoicePage id/> }.into_any(),
            Route::PaymentNew { client, invoice } => {
                view! { <ledger::payment_form::PaymentFormPage client invoice/> }.into_any()
            }
            _ => NotFound().into_any(),
        })
    }
);

split_point!(collection_screens, preload preload_collection,
    /// Today's reminders and their messages, the clients' collection files, the reminder
    /// settings.
    fn collection_screens(route: Route) -> Result<AnyView, ChunkError> {
        Ok(match route {
            Route::Reminders => collection::reminders::RemindersPage().into_any(),
            Route::InstalmentMessage { plan, instalment } => {
                view! { <collection::reminder_message::InstalmentMessagePage plan instalment/> }.into_any()
            }
            Route::ReminderMessage(client) => {
                view! { <collection::reminder_message::ReminderMessagePage client/> }.into_any()
            }
            Route::Collection(client) => {
                view! { <collection::client_file::CollectionPage client/> }.into_any()
            }
            Route::ReminderSettings => collection::reminder_settings::ReminderSettingsPage().into_any(),
            _ => NotFound().into_any(),
        })
    }
);

split_point!(files_screens, preload preload_files,
    /// Bank statements read, reconciled and checked; invoices, clients and payments from an
    /// FEC or an invoicing tool's CSV.
    fn files_screens(route: Route) -> Result<AnyView, ChunkError> {
        Ok(match route {
            Route::Reconciliation { line } => {
                view! { <bank::ReconciliationPage line/> }.into_any()
            }
            Route::Import => import::ImportPage().into_any(),
            _ => NotFound().into_any(),
        })
    }
);
