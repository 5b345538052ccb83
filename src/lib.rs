//! Encaisse, the browser app: views over the pure domain crate, stored in localStorage.
//!
//! Boundaries (see ARCHITECTURE.md): only `storage` touches localStorage, only `clock` reads
//! the date, only `files` touches downloads and uploads, and every user-facing string lives
//! in `i18n`.

pub mod app;
pub mod browser_error;
pub mod clock;
pub mod components;
pub mod files;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod storage;

/// Mounts one page of the app on the body; called by each binary that Trunk builds.
pub fn start(page: route::Page, screen: app::Screens) {
    route::set_this_page(page);
    leptos::mount::mount_to_body(move || app::App(app::AppProps { screen }));
}
