//! The stored format's code, a chunk of its own in the release build.
//!
//! Reading records into a ledger and writing a ledger into records is serde's code for every
//! stored type, the largest part of what the core would otherwise weigh. A first visit has
//! nothing stored and needs none of it before its first change, so it is fetched when stored
//! records are found, at the first write, or while the browser is idle before that.

use crate::chunks::{split_point, ChunkError};
use encaisse_domain::files::snapshot::{self, Snapshot, SnapshotError};
use encaisse_domain::files::stored_records::{self, RecordsChange};
use encaisse_domain::model::ledger::Ledger;
use std::collections::BTreeMap;

split_point!(stored_format, preload preload,
    /// Reads the stored records; `None` when nothing is stored.
    pub fn decode_records(
        stored: &BTreeMap<String, String>,
    ) -> Result<Option<Result<Snapshot, SnapshotError>>, ChunkError> {
        Ok(stored_records::decode_records(stored))
    }
);

split_point!(
    stored_format,
    /// Reads one document, as earlier versions kept it in localStorage.
    pub fn decode_document(text: &str) -> Result<Result<Snapshot, SnapshotError>, ChunkError> {
        Ok(snapshot::decode(text))
    }
);

split_point!(
    stored_format,
    /// Every record of a ledger, as a first write or a replacement writes them.
    pub fn every_record(
        ledger: &Ledger,
        revision: u64,
    ) -> Result<Vec<(String, String)>, ChunkError> {
        Ok(stored_records::records(ledger, revision))
    }
);

split_point!(
    stored_format,
    /// The records that differ between the stored ledger and the one to store.
    pub fn changed_records(
        before: &Ledger,
        after: &Ledger,
        revision: u64,
    ) -> Result<RecordsChange, ChunkError> {
        Ok(stored_records::changed_records(before, after, revision))
    }
);

split_point!(
    stored_format,
    /// The backup file's text.
    pub fn backup(ledger: &Ledger) -> Result<String, ChunkError> {
        Ok(snapshot::to_backup(ledger))
    }
);
