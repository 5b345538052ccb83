//! The root view: provides the store, the language and the route, then shows the screen
//! the URL fragment names.

use crate::components::layout::{Header, StorageBanner};
use crate::i18n::{I18n, Lang};
use crate::pages;
use crate::route::{provide_route, redirect_to_host, Route};
use crate::storage::{self, Keys, Store};
use leptos::prelude::*;

/// The screens one page hosts: each binary passes its own, so that a page's wasm only carries
/// the screens it shows (see `route::Page`).
pub type Screens = fn(Route) -> AnyView;

#[component]
pub fn App(screen: Screens) -> impl IntoView {
    let keys = Keys::from_page();
    let lang = RwSignal::new(storage::stored_lang(&keys));
    provide_context(I18n(lang));
    provide_context(Store::open(keys));
    let route = provide_route();

    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    let switch_lang = Callback::new(move |_| {
        let next = if lang.get_untracked() == Lang::Fr {
            Lang::En
        } else {
            Lang::Fr
        };
        storage::choose_lang(I18n(lang), next);
    });
    // After a navigation, start at the top, as a new page would.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        current
    });

    view! {
        <Header on_switch_lang=switch_lang/>
        <StorageBanner/>
        <main id="main" tabindex="-1">
            {move || screen(route.get())}
        </main>
    }
}

/// A screen another page hosts: sends the browser there (its fragment kept).
pub fn hosted_elsewhere(route: Route) -> AnyView {
    redirect_to_host(&route);
    ().into_any()
}

/// The overview page (`index.html`): the dashboard and what its charts lead to, aging, the
/// payers' rankings, the penalty calculator, the settings.
pub fn overview_screens(route: Route) -> AnyView {
    match route {
        Route::Home => pages::home::HomePage().into_any(),
        Route::Aging { as_of } => view! { <pages::aging::AgingPage as_of/> }.into_any(),
        Route::Collected { month } => {
            view! { <pages::cash_drill::CollectedPage month/> }.into_any()
        }
        Route::Expected { week } => view! { <pages::cash_drill::ExpectedPage week/> }.into_any(),
        Route::BeyondUsualDelay => view! { <pages::cash_drill::BeyondUsualDelayPage/> }.into_any(),
        Route::Payers => pages::payers::PayersPage().into_any(),
        Route::Calculator(query) => view! { <pages::calculator::CalculatorPage query/> }.into_any(),
        Route::Settings => pages::settings::SettingsPage().into_any(),
        Route::NotFound => pages::NotFound().into_any(),
        elsewhere => hosted_elsewhere(elsewhere),
    }
}

/// The collection page (`relances.html`): today's reminders and their messages, the clients'
/// collection files, the reminder settings.
pub fn collection_screens(route: Route) -> AnyView {
    match route {
        Route::Reminders => pages::reminders::RemindersPage().into_any(),
        Route::InstalmentMessage { plan, instalment } => {
            view! { <pages::reminder_message::InstalmentMessagePage plan instalment/> }.into_any()
        }
        Route::ReminderMessage(client) => {
            view! { <pages::reminder_message::ReminderMessagePage client/> }.into_any()
        }
        Route::Collection(client) => {
            view! { <pages::collection::CollectionPage client/> }.into_any()
        }
        Route::ReminderSettings => pages::reminder_settings::ReminderSettingsPage().into_any(),
        Route::NotFound => pages::NotFound().into_any(),
        elsewhere => hosted_elsewhere(elsewhere),
    }
}

/// The ledger page (`registre.html`): clients, invoices and payments.
pub fn ledger_screens(route: Route) -> AnyView {
    match route {
        Route::Clients => pages::client_list::ClientListPage().into_any(),
        Route::ClientNew => view! { <pages::client_form::ClientFormPage editing=None/> }.into_any(),
        Route::ClientEdit(id) => {
            view! { <pages::client_form::ClientFormPage editing=Some(id)/> }.into_any()
        }
        Route::Client(id) => view! { <pages::client_page::ClientPage id/> }.into_any(),
        Route::Invoices { status, client } => {
            view! { <pages::invoice_list::InvoiceListPage status client/> }.into_any()
        }
        Route::InvoiceNew { client } => {
            let target = pages::invoice_form::Target::New(client);
            view! { <pages::invoice_form::InvoiceFormPage target/> }.into_any()
        }
        Route::InvoiceEdit(id) => {
            let target = pages::invoice_form::Target::Invoice(id);
            view! { <pages::invoice_form::InvoiceFormPage target/> }.into_any()
        }
        Route::Draft(id) => {
            let target = pages::invoice_form::Target::Draft(id);
            view! { <pages::invoice_form::InvoiceFormPage target/> }.into_any()
        }
        Route::Invoice(id) => view! { <pages::invoice_page::InvoicePage id/> }.into_any(),
        Route::PaymentNew { client, invoice } => {
            view! { <pages::payment_form::PaymentFormPage client invoice/> }.into_any()
        }
        Route::NotFound => pages::NotFound().into_any(),
        elsewhere => hosted_elsewhere(elsewhere),
    }
}

/// The bank page (`banque.html`): statements read, reconciled and checked.
pub fn bank_screens(route: Route) -> AnyView {
    match route {
        Route::Reconciliation { line } => {
            view! { <pages::bank::ReconciliationPage line/> }.into_any()
        }
        Route::NotFound => pages::NotFound().into_any(),
        elsewhere => hosted_elsewhere(elsewhere),
    }
}

/// The import page (`import.html`): invoices, clients and payments from other programs; a
/// page of its own, as neither the bank page's wasm nor another has room for it.
pub fn import_screens(route: Route) -> AnyView {
    match route {
        Route::Import => pages::import::ImportPage().into_any(),
        Route::NotFound => pages::NotFound().into_any(),
        elsewhere => hosted_elsewhere(elsewhere),
    }
}
