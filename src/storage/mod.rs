//! The only module that touches the browser's storage.
//!
//! The ledger lives in IndexedDB (`database`), cut into records (`stored_records`) so that a
//! change writes only what it touched. Every change goes through [`Store::change`]: the domain
//! checks it, the screen shows it at once, and it is written in one transaction behind it
//! (complete or absent). A write the browser refuses undoes what it carried and says so; a
//! write that finds another tab's newer data is not made, and that data is shown instead.
//! Unreadable data is never overwritten: a restore or a fresh start first copies it aside,
//! in the same transaction. The language and the ledger of earlier versions live in
//! localStorage; the latter moves to IndexedDB on first open (`legacy`).

mod database;
pub mod format;

use crate::chunks::ChunkError;
use crate::i18n::{I18n, Lang};
use database::{Write, WriteError};
use encaisse_domain::files::snapshot::{self, SnapshotError};
use encaisse_domain::files::stored_records::{self, META_KEY};
use encaisse_domain::model::balances::Position;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::values::problem::Problem;
use encaisse_domain::NaiveDate;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use web_sys::{BroadcastChannel, IdbDatabase};
/// Storage keys under one configurable prefix: an embedded widget shares its host page's
/// storage, so it must not collide with the host's own keys.
#[derive(Clone, Debug)]
pub struct Keys {
    /// The IndexedDB database holding the ledger (also the name other tabs hear on).
    pub database: String,
    pub lang: String,
    /// Where versions before IndexedDB kept the ledger, in localStorage.
    pub legacy_ledger: String,
}

impl Keys {
    pub fn new(prefix: &str) -> Keys {
        Keys {
            database: prefix.to_string(),
            lang: format!("{prefix}.lang"),
            legacy_ledger: format!("{prefix}.ledger"),
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
    /// The stored ledger cannot be read. It stays as it is until a restore or a fresh start,
    /// which copy it aside first.
    Unreadable(SnapshotError),
    /// The last write hit the storage quota; what it carried was undone.
    Full,
    /// The browser refused the last write for another reason; what it carried was undone.
    WriteFailed(String),
    /// The browser gives no storage to this page (a cross-site frame, a setting): the ledger
    /// is kept in memory only, until the page closes.
    Unavailable,
    /// The code that reads and writes the stored format could not be fetched (offline, the
    /// server gone): nothing stored was read or changed. Before the ledger is read, nothing can
    /// be changed; after, the change that needed it was undone.
    CodeMissing,
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

/// What another tab did, as the banner tells it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Elsewhere {
    /// Another tab changed the data; this one shows it.
    Changed,
    /// Another tab changed the data at the same moment as this tab's last change, which was
    /// therefore not saved.
    ChangeLost,
}

/// What is stored, as this tab last read or wrote it.
#[derive(Default)]
struct Durable {
    /// Shared with the write under way, which compares it with the ledger it stores.
    ledger: Arc<Ledger>,
    revision: u64,
    /// The text found unreadable, so that the user can download it and a replacement keeps it.
    unreadable: Option<String>,
    /// The legacy localStorage key to remove once its ledger is safely replaced.
    legacy_key: Option<String>,
    /// Each stored record's length in characters, for the settings screen.
    sizes: std::collections::BTreeMap<String, usize>,
}

/// Where the write behind the screen stands.
#[derive(Default)]
struct Writes {
    running: bool,
    /// A change made while a write was running: written when it ends.
    pending: bool,
    /// The next write replaces every record (demo, restore, erase, fresh start, records of
    /// an earlier layout).
    replace: bool,
}

#[derive(Clone, Copy)]
pub struct Store {
    /// Shared with what is stored (`Durable::ledger`) once written: a change clones the
    /// ledger once, to apply itself to the copy.
    ledger: RwSignal<Arc<Ledger>>,
    health: RwSignal<Health>,
    loaded: RwSignal<bool>,
    /// Counts the ledgers shown, so that what is derived from one is known to be current.
    generation: StoredValue<u64>,
    /// The position as of a date of the ledger of a generation (see [`Store::position`]).
    position: StoredValue<Option<(u64, NaiveDate, Arc<Position>)>>,
    /// Whether a stored ledger was found and is being read (loaded is not set yet).
    found: RwSignal<bool>,
    elsewhere: RwSignal<Option<Elsewhere>>,
    durable: StoredValue<Durable>,
    writes: StoredValue<Writes>,
    database: StoredValue<Option<IdbDatabase>, leptos::prelude::LocalStorage>,
    /// Where this tab tells the others it wrote, and hears that they did.
    channel: StoredValue<Option<BroadcastChannel>, leptos::prelude::LocalStorage>,
    keys: StoredValue<Keys>,
}

impl Store {
    /// Opens the ledger stored under `keys`, moving an earlier version's localStorage ledger
    /// into the database, and follows writes made by other tabs.
    pub fn open(keys: Keys) -> Store {
        let store = Store {
            ledger: RwSignal::new(Arc::default()),
            health: RwSignal::new(Health::Ok),
            loaded: RwSignal::new(false),
            generation: StoredValue::new(0),
            position: StoredValue::new(None),
            found: RwSignal::new(false),
            elsewhere: RwSignal::new(None),
            durable: StoredValue::new(Durable::default()),
            writes: StoredValue::new(Writes::default()),
            database: StoredValue::new_local(None),
            channel: StoredValue::new_local(None),
            keys: StoredValue::new(keys),
        };
        spawn_local(async move { store.load().await });
        let channel = BroadcastChannel::new(&store.database_name()).ok();
        if let Some(channel) = &channel {
            let on_message = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                spawn_local(async move { store.reload_from_other_tab().await });
            });
            channel.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(
                on_message.as_ref(),
            )));
            // Lives as long as the channel, which the cleanup closes.
            on_message.forget();
        }
        store.channel.set_value(channel);
        // Closing the page while a write is under way would lose it: the browser asks first.
        let unload = window_event_listener(leptos::ev::beforeunload, move |event| {
            if store.writes.with_value(|w| w.running || w.pending) {
                event.prevent_default();
                event.set_return_value("");
            }
        });
        on_cleanup(move || {
            unload.remove();
            store
                .channel
                .with_value(|c| c.as_ref().map(BroadcastChannel::close));
        });
        store
    }

    pub fn ledger(&self) -> ReadSignal<Arc<Ledger>> {
        self.ledger.read_only()
    }
    /// The position as of `as_of` of `ledger`, the ledger this store shows (read from
    /// [`Store::ledger`]): computed once per change of the ledger and shared by the screens
    /// that show balances (the lists, the invoice and client pages), so that going from one
    /// to another computes nothing again.
    pub fn position(&self, ledger: &Ledger, as_of: NaiveDate) -> Arc<Position> {
        let generation = self.generation.get_value();
        let cached = self.position.with_value(|cached| {
            cached
                .as_ref()
                .filter(|(g, day, _)| *g == generation && *day == as_of)
                .map(|(_, _, position)| position.clone())
        });
        cached.unwrap_or_else(|| {
            let position = Arc::new(Position::new(ledger, as_of));
            self.position
                .set_value(Some((generation, as_of, position.clone())));
            position
        })
    }

    /// Shows a ledger: every change of the ledger goes through here.
    fn show(&self, ledger: Arc<Ledger>) {
        self.generation.update_value(|g| *g += 1);
        self.ledger.set(ledger);
    }

    pub fn health(&self) -> ReadSignal<Health> {
        self.health.read_only()
    }
    /// Whether the stored ledger has been read (screens wait for it).
    pub fn loaded(&self) -> ReadSignal<bool> {
        self.loaded.read_only()
    }
    /// Whether a stored ledger was found, before it is read: the shell then fetches the
    /// screen that will show it while the ledger is decoded.
    pub fn found(&self) -> ReadSignal<bool> {
        self.found.read_only()
    }
    pub fn elsewhere(&self) -> RwSignal<Option<Elsewhere>> {
        self.elsewhere
    }
    /// Where the ledger is kept, for the settings screen.
    pub fn database_name(&self) -> String {
        self.keys.with_value(|k| k.database.clone())
    }
    /// The stored records' length in characters.
    pub fn stored_size(&self) -> usize {
        self.durable.with_value(|d| d.sizes.values().sum())
    }
    /// The unreadable text found in storage, so the user can download it.
    pub fn unreadable_text(&self) -> Option<String> {
        self.durable.with_value(|d| d.unreadable.clone())
    }

    /// Whether the view that opened this store is gone (a test's unmount): work still in
    /// flight then stops.
    fn closed(&self) -> bool {
        self.ledger.is_disposed()
    }

    async fn load(&self) {
        let name = self.database_name();
        let opened = database::open(&name).await;
        if self.closed() {
            return;
        }
        let database = match opened {
            Ok(database::Opened { database, created }) => {
                // A database from an earlier visit likely holds a ledger: the code that reads
                // it is fetched while the records are.
                if !created {
                    spawn_local(async {
                        let _ = format::preload().await;
                    });
                }
                database
            }
            Err(_) => {
                // No database: the earlier version's ledger, if any, is shown and kept in memory.
                if let Some(text) = self.legacy_text() {
                    match format::decode_document(&text).await {
                        Ok(Ok(snapshot)) => self.show(Arc::new(snapshot.ledger)),
                        Ok(Err(_)) => {}
                        Err(ChunkError) => return self.health.set(Health::CodeMissing),
                    }
                }
                self.health.set(Health::Unavailable);
                self.loaded.set(true);
                return;
            }
        };
        // A retry reads again through a new connection: the one before is closed.
        if let Some(before) = self.database.get_value() {
            before.close();
        }
        self.database.set_value(Some(database.clone()));
        let read = database::read_all(&database).await;
        if self.closed() {
            return;
        }
        if read.as_ref().is_ok_and(|stored| !stored.is_empty()) {
            // Decoding a large ledger holds the page for a while: let the screen's code be
            // asked for first, so that its download and compilation run meanwhile.
            self.found.set(true);
            next_task().await;
            if self.closed() {
                return;
            }
        }
        let stored = match read {
            Ok(stored) => stored,
            Err(name) => {
                self.health.set(Health::WriteFailed(name));
                self.loaded.set(true);
                return;
            }
        };
        // Nothing stored (a first visit): the format's code is not fetched for it.
        let decoded = if stored.contains_key(META_KEY) {
            format::decode_records(&stored).await
        } else {
            Ok(None)
        };
        let Ok(decoded) = decoded else {
            // The stored ledger is not read: showing an empty one would invite changes that
            // replace it, so the store stays unloaded until the user retries.
            return self.health.set(Health::CodeMissing);
        };
        self.durable.update_value(|d| d.sizes = sizes(&stored));
        match decoded {
            Some(Ok(snapshot)) => {
                // Records of an earlier layout are all rewritten with the next change.
                if stored_records::needs_rewrite(&stored) {
                    self.writes.update_value(|w| w.replace = true);
                }
                self.show_stored(snapshot)
            }
            Some(Err(error)) => {
                let text = stored_records::document(&stored).unwrap_or_default();
                self.durable.update_value(|d| d.unreadable = Some(text));
                self.health.set(Health::Unreadable(error));
            }
            None => self.move_legacy(&database).await,
        }
        // An earlier version's ledger the format's code could not read stays unloaded too.
        if self.health.get_untracked() != Health::CodeMissing {
            self.loaded.set(true);
        }
    }

    fn show_stored(&self, snapshot: snapshot::Snapshot) {
        let ledger = Arc::new(snapshot.ledger);
        self.durable.update_value(|d| {
            d.ledger = Arc::clone(&ledger);
            d.revision = snapshot.revision;
        });
        self.show(ledger);
    }

    fn legacy_text(&self) -> Option<String> {
        let key = self.keys.with_value(|k| k.legacy_ledger.clone());
        local_storage()?.get_item(&key).ok().flatten()
    }

    /// Moves the ledger an earlier version kept in localStorage into the database; the
    /// localStorage value is removed only once the database holds it.
    async fn move_legacy(&self, database: &IdbDatabase) {
        let Some(text) = self.legacy_text() else {
            return;
        };
        let key = self.keys.with_value(|k| k.legacy_ledger.clone());
        let Ok(decoded) = format::decode_document(&text).await else {
            return self.health.set(Health::CodeMissing);
        };
        match decoded {
            Ok(snapshot) => {
                let revision = snapshot.revision.max(1);
                let Ok(records) = format::every_record(&snapshot.ledger, revision).await else {
                    return self.health.set(Health::CodeMissing);
                };
                let written = records.iter().map(|(k, t)| (k.clone(), t.len())).collect();
                let write = Write::Replace {
                    records,
                    keep_aside: None,
                };
                let outcome = database::write(database, 0, write).await;
                if self.closed() {
                    return;
                }
                match outcome {
                    Ok(()) => {
                        if let Some(storage) = local_storage() {
                            let _ = storage.remove_item(&key);
                        }
                        self.durable.update_value(|d| d.sizes = written);
                        self.show_stored(snapshot::Snapshot {
                            revision,
                            ..snapshot
                        });
                    }
                    Err(error) => {
                        // Shown from localStorage, which keeps it; the next open tries again.
                        self.show(Arc::new(snapshot.ledger));
                        self.health.set(refusal(error));
                    }
                }
            }
            Err(error) => {
                self.durable.update_value(|d| {
                    d.unreadable = Some(text);
                    d.legacy_key = Some(key);
                });
                self.health.set(Health::Unreadable(error));
            }
        }
    }

    /// Another tab wrote: show what it stored, unless this tab is writing (its write then
    /// finds the conflict itself).
    async fn reload_from_other_tab(&self) {
        if self.closed() || self.writes.with_value(|w| w.running) {
            return;
        }
        let Some(database) = self.database.get_value() else {
            return;
        };
        let read = database::read_all(&database).await;
        let Ok(stored) = read else {
            return;
        };
        if self.closed() {
            return;
        }
        if let Ok(Some(Ok(snapshot))) = format::decode_records(&stored).await {
            if snapshot.revision != self.durable.with_value(|d| d.revision) {
                self.show_stored(snapshot);
                self.durable.update_value(|d| d.unreadable = None);
                if matches!(self.health.get_untracked(), Health::Unreadable(_)) {
                    self.health.set(Health::Ok);
                }
                self.elsewhere.set(Some(Elsewhere::Changed));
            }
        }
    }

    /// Whether a change may be made now; the banner says why not.
    fn writable(&self) -> bool {
        self.loaded.get_untracked()
            && matches!(
                self.health.get_untracked(),
                Health::Ok | Health::Unavailable
            )
    }

    /// Applies a change, shows it, and stores it behind; a refusal changes nothing.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Ledger) -> Result<T, Problem>,
    ) -> Result<T, ChangeError> {
        if !self.writable() {
            return Err(ChangeError::NotSaved);
        }
        let mut next = self.ledger.with_untracked(|ledger| Ledger::clone(ledger));
        let result = apply(&mut next)?;
        self.show(Arc::new(next));
        self.write_behind(false);
        Ok(result)
    }

    /// Replaces the whole ledger (demo, restore, erase, fresh start): also the way out of
    /// unreadable data, which is copied aside in the same write.
    pub fn replace(&self, ledger: Ledger) -> Result<(), ChangeError> {
        if !self.loaded.get_untracked() {
            return Err(ChangeError::NotSaved);
        }
        self.show(Arc::new(ledger));
        if !matches!(self.health.get_untracked(), Health::Unavailable) {
            self.health.set(Health::Ok);
        }
        self.write_behind(true);
        Ok(())
    }

    /// Asks again after a refused write (the user freed some space) or code that could not be
    /// fetched (the network is back): a ledger not read yet is read now.
    pub fn retry(&self) {
        let health = self.health.get_untracked();
        if matches!(
            health,
            Health::Full | Health::WriteFailed(_) | Health::CodeMissing
        ) {
            self.health.set(Health::Ok);
        }
        if health == Health::CodeMissing && !self.loaded.get_untracked() {
            let store = *self;
            spawn_local(async move { store.load().await });
        }
    }

    fn write_behind(&self, replace: bool) {
        if self.database.with_value(Option::is_none) {
            return;
        }
        let start = self.writes.try_update_value(|w| {
            w.replace |= replace;
            if w.running {
                w.pending = true;
                false
            } else {
                w.running = true;
                true
            }
        });
        if start == Some(true) {
            let store = *self;
            saving(true);
            spawn_local(async move {
                store.write_loop().await;
                saving(false);
            });
        }
    }

    async fn write_loop(&self) {
        let Some(database) = self.database.get_value() else {
            return;
        };
        loop {
            let target = self.ledger.get_untracked();
            let replace = self
                .writes
                .try_update_value(|w| std::mem::take(&mut w.replace))
                == Some(true);
            let (base, before, keep_aside, mut sizes) = self.durable.with_value(|d| {
                (
                    d.revision,
                    d.ledger.clone(),
                    d.unreadable.clone(),
                    d.sizes.clone(),
                )
            });
            let revision = base + 1;
            // Nothing stored yet: every record is written, so that the first change stores
            // the whole ledger and not only what it touched.
            let encoded = if replace || keep_aside.is_some() || sizes.is_empty() {
                format::every_record(&target, revision)
                    .await
                    .map(|records| Write::Replace {
                        records,
                        keep_aside,
                    })
            } else {
                format::changed_records(&before, &target, revision)
                    .await
                    .map(Write::Change)
            };
            if self.closed() {
                return;
            }
            let Ok(write) = encoded else {
                return self.undo_change(Health::CodeMissing);
            };
            match &write {
                Write::Change(change) => {
                    for key in &change.delete {
                        sizes.remove(key);
                    }
                    sizes.extend(change.put.iter().map(|(k, t)| (k.clone(), t.len())));
                }
                Write::Replace { records, .. } => {
                    sizes = records.iter().map(|(k, t)| (k.clone(), t.len())).collect();
                }
            }
            let written = database::write(&database, base, write).await;
            if self.closed() {
                return;
            }
            match written {
                Ok(()) => {
                    let legacy = self.durable.try_update_value(|d| {
                        d.ledger = target;
                        d.revision = base + 1;
                        d.unreadable = None;
                        d.sizes = sizes;
                        d.legacy_key.take()
                    });
                    if let Some(Some(key)) = legacy {
                        if let Some(storage) = local_storage() {
                            let _ = storage.remove_item(&key);
                        }
                    }
                    self.tell_other_tabs();
                }
                Err(WriteError::Conflict) => {
                    self.writes.update_value(|w| *w = Writes::default());
                    if let Ok(stored) = database::read_all(&database).await {
                        if let Ok(Some(Ok(snapshot))) = format::decode_records(&stored).await {
                            self.show_stored(snapshot);
                        }
                    }
                    self.elsewhere.set(Some(Elsewhere::ChangeLost));
                    return;
                }
                Err(error) => return self.undo_change(refusal(error)),
            }
            let again = self.writes.try_update_value(|w| {
                let again = std::mem::take(&mut w.pending);
                w.running = again;
                again
            });
            if again != Some(true) {
                return;
            }
        }
    }

    /// A change that could not be stored: the screen shows the stored ledger again and the
    /// banner says why.
    fn undo_change(&self, health: Health) {
        self.writes.update_value(|w| *w = Writes::default());
        self.show(self.durable.with_value(|d| Arc::clone(&d.ledger)));
        self.health.set(health);
    }

    fn tell_other_tabs(&self) {
        // The message says only "read again": the other tabs read the revision from the database.
        self.channel.with_value(|channel| {
            if let Some(channel) = channel {
                let _ = channel.post_message(&wasm_bindgen::JsValue::NULL);
            }
        });
    }
}

/// Marks the page while a write is under way (`<html data-saving>`), for the end-to-end tests
/// and the style sheet.
fn saving(on: bool) {
    if let Some(root) = document().document_element() {
        let _ = if on {
            root.set_attribute("data-saving", "")
        } else {
            root.remove_attribute("data-saving")
        };
    }
}

fn sizes(
    stored: &std::collections::BTreeMap<String, String>,
) -> std::collections::BTreeMap<String, usize> {
    stored.iter().map(|(k, t)| (k.clone(), t.len())).collect()
}

fn refusal(error: WriteError) -> Health {
    match error {
        WriteError::Refused(name) if name == "QuotaExceededError" => Health::Full,
        WriteError::Refused(name) => Health::WriteFailed(name),
        WriteError::Conflict => Health::WriteFailed("ConflictError".into()),
    }
}

/// The page's localStorage, or None when the browser refuses it (a setting, a sandboxed
/// frame). gloo-storage panics then, so every use asks here first.
fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The language chosen last time, French when none was.
pub fn stored_lang(keys: &Keys) -> Lang {
    local_storage()
        .and_then(|_| LocalStorage::get::<String>(&keys.lang).ok())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Fr)
}

/// Switches the language and remembers it for every page and the next visit: the one way
/// the header's switch and the settings both choose it. Failing to store it is harmless
/// (the page still switches), so the error is ignored.
pub fn choose_lang(i18n: I18n, lang: Lang) {
    i18n.0.set(lang);
    if local_storage().is_some() {
        let _ = LocalStorage::set(&Keys::from_page().lang, lang.code());
    }
}

/// Resolves in a later task of the page's event loop, once what is waiting has run.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
