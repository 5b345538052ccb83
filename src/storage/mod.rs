//! The only module that touches the browser's storage.
//!
//! The ledger is kept as one value (one `setItem`), so a write is complete or absent. Every
//! change goes through [`Store::change`]: it first picks up what another tab may have
//! written, applies the change to a copy, writes it, and only then shows it. A refused or
//! failed write leaves both the screen and the storage as they were. Unreadable stored data
//! is copied aside under its own key before anything could overwrite it.

use crate::browser_error::error_name;
use crate::i18n::{I18n, Lang};
use encaisse_domain::files::snapshot::{self, SnapshotError};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::values::problem::Problem;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Storage keys under one configurable prefix: an embedded widget shares its host page's
/// storage, so it must not collide with the host's own keys.
#[derive(Clone, Debug)]
pub struct Keys {
    pub ledger: String,
    pub lang: String,
    unreadable: String,
}

impl Keys {
    pub fn new(prefix: &str) -> Keys {
        Keys {
            ledger: format!("{prefix}.ledger"),
            lang: format!("{prefix}.lang"),
            unreadable: format!("{prefix}.unreadable."),
        }
    }

    /// The prefix named by `<meta name="encaisse-storage-prefix" content="...">`, or "encaisse".
    pub fn from_page() -> Keys {
        let prefix = document()
            .query_selector("meta[name='encaisse-storage-prefix']")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| "encaisse".to_string());
        Keys::new(prefix.trim())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Health {
    Ok,
    /// The stored ledger cannot be read; `kept_as` is where a copy was set aside.
    Unreadable {
        kept_as: Option<String>,
        error: SnapshotError,
    },
    /// The last write hit the storage quota.
    Full,
    /// The browser refused the last write for another reason (storage disabled...).
    WriteFailed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ChangeError {
    /// The domain refused the change; nothing changed.
    Rejected(Problem),
    /// The change could not be stored; nothing changed (the banner says why).
    NotSaved,
}

impl From<Problem> for ChangeError {
    fn from(problem: Problem) -> Self {
        ChangeError::Rejected(problem)
    }
}

/// What this tab last read or wrote, to tell whether another tab wrote since.
#[derive(Default)]
struct Synced {
    raw: Option<String>,
    revision: u64,
    unreadable_raw: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Store {
    ledger: RwSignal<Ledger>,
    health: RwSignal<Health>,
    changed_elsewhere: RwSignal<bool>,
    synced: StoredValue<Synced>,
    keys: StoredValue<Keys>,
}

fn storage() -> web_sys::Storage {
    LocalStorage::raw()
}

impl Store {
    /// Opens the ledger stored under `keys` and follows writes made by other tabs.
    pub fn open(keys: Keys) -> Store {
        let store = Store {
            ledger: RwSignal::new(Ledger::default()),
            health: RwSignal::new(Health::Ok),
            changed_elsewhere: RwSignal::new(false),
            synced: StoredValue::new(Synced::default()),
            keys: StoredValue::new(keys),
        };
        store.load_stored();
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let ours = store
                .keys
                .with_value(|k| event.key().as_deref() == Some(k.ledger.as_str()));
            if ours && store.load_stored() {
                store.changed_elsewhere.set(true);
            }
        });
        on_cleanup(move || handle.remove());
        store
    }

    pub fn ledger(&self) -> ReadSignal<Ledger> {
        self.ledger.read_only()
    }
    pub fn health(&self) -> ReadSignal<Health> {
        self.health.read_only()
    }
    pub fn changed_elsewhere(&self) -> RwSignal<bool> {
        self.changed_elsewhere
    }
    pub fn ledger_key(&self) -> String {
        self.keys.with_value(|k| k.ledger.clone())
    }
    /// The unreadable text found in storage, so the user can download it.
    pub fn unreadable_text(&self) -> Option<String> {
        self.synced.with_value(|s| s.unreadable_raw.clone())
    }
    pub fn stored_size(&self) -> usize {
        self.synced
            .with_value(|s| s.raw.as_ref().map_or(0, String::len))
    }

    /// Reads the stored ledger if it differs from what this tab knows. Returns whether the
    /// shown ledger changed.
    fn load_stored(&self) -> bool {
        let key = self.ledger_key();
        let raw = match storage().get_item(&key) {
            Ok(raw) => raw,
            Err(error) => {
                self.health.set(Health::WriteFailed(error_name(&error)));
                return false;
            }
        };
        if self.synced.with_value(|s| s.raw == raw) {
            return false;
        }
        let Some(text) = raw.clone() else {
            // Nothing stored (first visit, or storage cleared by the user): an empty ledger.
            self.synced.update_value(|s| *s = Synced::default());
            self.ledger.set(Ledger::default());
            return true;
        };
        match snapshot::decode(&text) {
            Ok(stored) => {
                self.synced.update_value(|s| {
                    s.raw = raw;
                    s.revision = stored.revision;
                    s.unreadable_raw = None;
                });
                self.ledger.set(stored.ledger);
                if matches!(self.health.get_untracked(), Health::Unreadable { .. }) {
                    self.health.set(Health::Ok);
                }
                true
            }
            Err(error) => {
                let kept_as = self.keep_aside(&text);
                self.synced.update_value(|s| {
                    s.raw = raw;
                    s.unreadable_raw = Some(text);
                });
                self.health.set(Health::Unreadable { kept_as, error });
                false
            }
        }
    }

    /// Copies unreadable data under a key of its own, once: if an identical copy is
    /// already set aside, that copy's key is returned.
    fn keep_aside(&self, text: &str) -> Option<String> {
        let prefix = self.keys.with_value(|k| k.unreadable.clone());
        let storage = storage();
        let count = storage.length().unwrap_or(0);
        for index in 0..count {
            if let Ok(Some(key)) = storage.key(index) {
                if key.starts_with(&prefix)
                    && storage.get_item(&key).ok().flatten().as_deref() == Some(text)
                {
                    return Some(key);
                }
            }
        }
        let key = format!("{prefix}{}", js_sys::Date::now() as u64);
        storage.set_item(&key, text).ok().map(|_| key)
    }

    /// Applies a change and stores it; on any refusal or failure nothing changes.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Ledger) -> Result<T, Problem>,
    ) -> Result<T, ChangeError> {
        // Another tab may have written since this one last read: change its latest ledger.
        if self.load_stored() {
            self.changed_elsewhere.set(true);
        }
        if matches!(self.health.get_untracked(), Health::Unreadable { .. }) {
            return Err(ChangeError::NotSaved);
        }
        let mut next = self.ledger.get_untracked();
        let result = apply(&mut next)?;
        self.write(next)?;
        Ok(result)
    }

    /// Replaces the whole ledger (demo, restore, erase, fresh start). Unreadable data is
    /// replaced only once a copy of it is safely set aside.
    pub fn replace(&self, ledger: Ledger) -> Result<(), ChangeError> {
        if let Health::Unreadable { kept_as: None, .. } = self.health.get_untracked() {
            let text = self.unreadable_text().unwrap_or_default();
            if self.keep_aside(&text).is_none() {
                return Err(ChangeError::NotSaved);
            }
        }
        self.write(ledger)
    }

    fn write(&self, ledger: Ledger) -> Result<(), ChangeError> {
        let revision = self.synced.with_value(|s| s.revision) + 1;
        let text = snapshot::to_storage(&ledger, revision);
        if let Err(error) = storage().set_item(&self.ledger_key(), &text) {
            let name = error_name(&error);
            self.health.set(if name == "QuotaExceededError" {
                Health::Full
            } else {
                Health::WriteFailed(name)
            });
            return Err(ChangeError::NotSaved);
        }
        self.synced.update_value(|s| {
            *s = Synced {
                raw: Some(text),
                revision,
                unreadable_raw: None,
            }
        });
        self.ledger.set(ledger);
        self.health.set(Health::Ok);
        Ok(())
    }
}

/// The language chosen last time, French when none was.
pub fn stored_lang(keys: &Keys) -> Lang {
    LocalStorage::get::<String>(&keys.lang)
        .ok()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Fr)
}

/// Switches the language and remembers it for every page and the next visit: the one way
/// the header's switch and the settings both choose it. Failing to store it is harmless
/// (the page still switches), so the error is ignored.
pub fn choose_lang(i18n: I18n, lang: Lang) {
    i18n.0.set(lang);
    let _ = LocalStorage::set(&Keys::from_page().lang, lang.code());
}
