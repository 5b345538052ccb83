//! The root view: provides the store, the language and the route, then shows the screen
//! the URL fragment names, fetching its code the first time (`screens`).

use crate::i18n::tr;
use crate::i18n::{I18n, Lang};
use crate::shell::layout::{Header, StorageBanner};
use crate::shell::route::{provide_route, Route};
use crate::shell::screens;
use crate::storage::{self, Health, Keys, Store};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let keys = Keys::from_page();
    let lang = RwSignal::new(storage::stored_lang(&keys));
    provide_context(I18n(lang));
    let store = Store::open(keys);
    provide_context(store);
    let route = provide_route();
    // The home screen is the welcome while the ledger is empty: whether it is, followed only
    // on the home screen, so that no other screen is redrawn when the first record arrives.
    let ledger_is_empty = Memo::new(move |_| store.ledger().with(|l| l.is_empty()));

    // While the stored ledger is read, the screen that will show it is fetched: at once for
    // a screen of its own, once a ledger is found for the home screen (the welcome otherwise).
    Effect::new(move |_| {
        if store.loaded().get() {
            return;
        }
        let route = route.get_untracked();
        if route != Route::Home || store.found().get() {
            screens::preload(&route);
        }
    });
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

    // The ledger cannot be read for now (its code could not be fetched): the banner says why,
    // and nothing says it is loading. A memo, so that a later change of health (a refused
    // write) never redraws the screen.
    let stalled =
        Memo::new(move |_| !store.loaded().get() && store.health().get() == Health::CodeMissing);

    // A screen whose chunk failed to load asks again when the user says so.
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));

    view! {
        <Header on_switch_lang=switch_lang/>
        <StorageBanner/>
        <main id="main" tabindex="-1">
            <Suspense fallback=|| view! { <p class="loading" role="status">{tr(|t| t.chunk_loading)}</p> }>
                {move || {
                    attempt.track();
                    // Until the stored ledger is read, no screen: an empty one would flash first.
                    let loaded = store.loaded().get();
                    let stalled = stalled.get();
                    let route = route.get();
                    let welcome = route == Route::Home && ledger_is_empty.get();
                    Suspend::new(async move {
                        if loaded {
                            screens::show(route, welcome, retry).await
                        } else if stalled {
                            ().into_any()
                        } else {
                            view! { <p class="loading" role="status">{tr(|t| t.ledger_loading)}</p> }.into_any()
                        }
                    })
                }}
            </Suspense>
        </main>
    }
}
