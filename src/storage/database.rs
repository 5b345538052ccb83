//! Thin bindings to IndexedDB, the browser's database: one database per storage prefix, two
//! object stores of JSON texts (`ledger`, the records of `stored_records`; `unreadable`,
//! copies of data that could not be read). Nothing here knows what a ledger is.
//!
//! A write is one readwrite transaction, so it is complete or absent. It first reads the
//! stored revision and aborts when another tab wrote since this one last read: the stored
//! data is never overwritten by a tab that had not seen it.

use crate::browser_error::error_name;
use encaisse_domain::files::stored_records::{stored_revision, RecordsChange, META_KEY};
use js_sys::{Array, Promise};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const SCHEMA_VERSION: u32 = 1;
const LEDGER: &str = "ledger";
const UNREADABLE: &str = "unreadable";

/// Why a write did not happen; nothing was written in either case.
pub enum WriteError {
    /// Another tab wrote since this tab last read.
    Conflict,
    /// The browser refused: its error's name (`QuotaExceededError`...).
    Refused(String),
}

/// Waits for a request's success, or its error's name.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let target = request.clone();
        request.set_onsuccess(Some(
            &Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &target.result().unwrap_or(JsValue::NULL));
            })
            .unchecked_into(),
        ));
        let target = request.clone();
        request.set_onerror(Some(
            &Closure::once_into_js(move || {
                let name = target
                    .error()
                    .ok()
                    .flatten()
                    .map_or_else(|| "UnknownError".to_string(), |e| e.name());
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&name));
            })
            .unchecked_into(),
        ));
    });
    JsFuture::from(promise).await.map_err(|e| error_name(&e))
}

/// Waits for a transaction to commit, or the name of what aborted it.
async fn committed(transaction: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(
            &Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_into(),
        ));
        // A failed request aborts its transaction, whose `error` then names the cause
        // (`QuotaExceededError`); at the request's own error event it is not set yet.
        let target = transaction.clone();
        transaction.set_onabort(Some(
            &Closure::once_into_js(move || {
                let name = target
                    .error()
                    .map_or_else(|| "AbortError".to_string(), |e| e.name());
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&name));
            })
            .unchecked_into(),
        ));
    });
    JsFuture::from(promise)
        .await
        .map(drop)
        .map_err(|e| error_name(&e))
}

/// Opens (creating on first use) the database named `name`.
pub async fn open(name: &str) -> Result<Opened, String> {
    let factory = web_sys::window()
        .ok_or("NoWindow")?
        .indexed_db()
        .map_err(|e| error_name(&e))?
        .ok_or("IndexedDbUnavailable")?;
    let request = factory
        .open_with_u32(name, SCHEMA_VERSION)
        .map_err(|e| error_name(&e))?;
    let upgrading = request.clone();
    let created = Rc::new(Cell::new(false));
    let creating = created.clone();
    request.set_onupgradeneeded(Some(
        &Closure::once_into_js(move || {
            creating.set(true);
            if let Ok(db) = upgrading.result() {
                let db: IdbDatabase = db.unchecked_into();
                for store in [LEDGER, UNREADABLE] {
                    if !db.object_store_names().contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        })
        .unchecked_into(),
    ));
    let database = done(&request).await?.unchecked_into();
    Ok(Opened {
        database,
        created: created.get(),
    })
}

pub struct Opened {
    pub database: IdbDatabase,
    /// The database did not exist before this open (a first visit): nothing is stored in it.
    pub created: bool,
}

fn stores(
    db: &IdbDatabase,
    names: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, String> {
    let list = names
        .iter()
        .map(|n| JsValue::from_str(n))
        .collect::<Array>();
    db.transaction_with_str_sequence_and_mode(&list, mode)
        .map_err(|e| error_name(&e))
}

/// Every stored record of the ledger, by key.
pub async fn read_all(db: &IdbDatabase) -> Result<BTreeMap<String, String>, String> {
    let transaction = stores(db, &[LEDGER], IdbTransactionMode::Readonly)?;
    let store = transaction
        .object_store(LEDGER)
        .map_err(|e| error_name(&e))?;
    let keys = store.get_all_keys().map_err(|e| error_name(&e))?;
    let values = store.get_all().map_err(|e| error_name(&e))?;
    let keys: Array = done(&keys).await?.unchecked_into();
    let values: Array = done(&values).await?.unchecked_into();
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
        .collect())
}

/// How a write changes the stored records.
pub enum Write {
    /// Only the records that changed.
    Change(RecordsChange),
    /// Every record replaced; the text that could not be read, if any, kept aside first.
    Replace {
        records: Vec<(String, String)>,
        keep_aside: Option<String>,
    },
}

/// Writes in one transaction, if the stored revision is still `base`.
pub async fn write(db: &IdbDatabase, base: u64, write: Write) -> Result<(), WriteError> {
    let refused = WriteError::Refused;
    let transaction =
        stores(db, &[LEDGER, UNREADABLE], IdbTransactionMode::Readwrite).map_err(refused)?;
    let ledger = transaction
        .object_store(LEDGER)
        .map_err(|e| refused(error_name(&e)))?;
    let aside = transaction
        .object_store(UNREADABLE)
        .map_err(|e| refused(error_name(&e)))?;
    let meta = ledger
        .get(&JsValue::from_str(META_KEY))
        .map_err(|e| refused(error_name(&e)))?;
    let conflict = Rc::new(Cell::new(false));
    let seen = conflict.clone();
    // A request the browser refuses at once (a full disk, a value it cannot store) aborts
    // the transaction by hand, whose `error` then says nothing: its name is kept here.
    let thrown = Rc::new(Cell::new(None::<String>));
    let throws = thrown.clone();
    let reading = meta.clone();
    let target = transaction.clone();
    // Done in the request's success handler, so the transaction is still active and nothing
    // can be written between the check and the write.
    meta.set_onsuccess(Some(
        &Closure::once_into_js(move || {
            let stored = reading.result().ok().and_then(|v| v.as_string());
            let is_base = match &write {
                // A replacement of unreadable data does not ask what the data says.
                Write::Replace {
                    keep_aside: Some(_),
                    ..
                } => true,
                _ => stored_revision(stored.as_deref()) == Some(base),
            };
            if !is_base {
                seen.set(true);
                let _ = target.abort();
                return;
            }
            if let Err(error) = apply(&ledger, &aside, write) {
                throws.set(Some(error_name(&error)));
                let _ = target.abort();
            }
        })
        .unchecked_into(),
    ));
    match committed(&transaction).await {
        Ok(()) => Ok(()),
        Err(_) if conflict.get() => Err(WriteError::Conflict),
        Err(name) => Err(WriteError::Refused(thrown.take().unwrap_or(name))),
    }
}

fn apply(ledger: &IdbObjectStore, aside: &IdbObjectStore, write: Write) -> Result<(), JsValue> {
    match write {
        Write::Change(change) => {
            for key in change.delete {
                ledger.delete(&JsValue::from_str(&key))?;
            }
            for (key, text) in change.put {
                ledger.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&key))?;
            }
        }
        Write::Replace {
            records,
            keep_aside,
        } => {
            if let Some(text) = keep_aside {
                let key = format!("{}", js_sys::Date::now() as u64);
                aside.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&key))?;
            }
            ledger.clear()?;
            for (key, text) in records {
                ledger.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&key))?;
            }
        }
    }
    Ok(())
}
