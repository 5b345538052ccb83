//! Encaisse, the browser app: views over the pure domain crate, stored in localStorage.
//!
//! One folder per group of screens (`overview`, `aging`, `calculator`, `settings`, `ledger`,
//! `collection`, `bank`, `import`), each a chunk of the release build (`shell::screens`); the
//! `shell` around them; `components` the screens share. Each screen reads the ledger from the
//! store and changes it only through `Store::change`, so every change is validated by the
//! domain and saved at once.
//!
//! Boundaries (see ARCHITECTURE.md): only `storage` touches localStorage, only `clock` reads
//! the date, only `files` touches downloads and uploads, and every user-facing string lives
//! in `i18n` (the shell's and the shared components') or in the `texts` folder of its group.

pub mod aging;
pub mod bank;
pub mod browser_error;
pub mod calculator;
pub mod chunks;
pub mod clock;
pub mod collection;
pub mod components;
pub mod files;
pub mod i18n;
pub mod import;
pub mod ledger;
pub mod overview;
pub mod settings;
pub mod shell;
pub mod storage;

/// Mounts the app on the page's body once the module is instantiated (never in component
/// tests: their runner does not call start functions).
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(shell::app::App);
}
