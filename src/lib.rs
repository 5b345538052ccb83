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
pub mod screens;
pub mod storage;

/// Mounts the app on the page's body once the module is instantiated (never in component
/// tests: their runner does not call start functions).
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
