//! An import batch is every review one file brings in, written to this device as one:
//! either all of them are stored or none is. Whatever stops the import part-way (the
//! browser closing, a crash, the disk full, another tab saving one of the same reviews)
//! leaves the library exactly as it was, so opening the file again starts from a clean
//! slate. What to do with a review that is already in the library (merge it with the copy
//! here, or nothing if the file has nothing new) is decided before the batch is made (see
//! [`super::bring_in`]); the batch only writes.
//!
//! - In IndexedDB the batch is **one transaction**: the browser commits it whole or rolls
//!   it back, even after a crash.
//! - In the localStorage fallback, which has no transactions, the batch is **staged**: a
//!   note of what each key held before is written first, then the reviews, then the note
//!   is removed. A note still there at the next start means the import was interrupted,
//!   and every key is put back as it was ([`super::local_store::LocalStore::open`]).
//! - With a passphrase set, every review and library entry is sealed **before** the
//!   transaction opens (a transaction commits as soon as it waits on anything else).
//!
//! While an import is being written, a small note (how many reviews, and one review's id
//! and revision, nothing readable about the case) is kept in localStorage, so that if the
//! page never comes back to say how it went, the next start can: see
//! [`interrupted_import`].

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use super::device_lock::{sleep_ms, LockStatus};
use super::import_error::thousands;
use super::record::{stored_revision, PreparedRecord};
use super::review_store::{Backend, ReviewStore};
use super::store_error::StoreError;
use crate::model::{Review, ReviewId};

/// How long preparing records may hold the page before the browser gets a turn.
const PREPARE_SLICE_MS: f64 = 16.0;

/// Where the note of an import under way is kept.
const UNDER_WAY_KEY: &str = "case-review-studio/import-under-way";

/// One review to write, and the stored revision it expects.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchWrite {
    pub review: Review,
    /// `Some(0)`: the review must not be stored yet; `Some(n)`: it must still be at
    /// revision `n`; `None`: write over whatever is stored.
    pub base_revision: Option<u64>,
    /// The review's history (Automerge bytes) to store with it; `None` for a review from
    /// a file without one (its history is begun at its first save here).
    pub history: Option<Vec<u8>>,
}

/// The reviews of one import, to be stored all together or not at all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportBatch {
    writes: Vec<BatchWrite>,
}

impl ImportBatch {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a review that is not in the library yet.
    pub fn add_new(&mut self, review: Review) {
        self.writes.push(BatchWrite { review, base_revision: Some(0), history: None });
    }

    /// Adds a review that is not in the library yet, with its history.
    pub fn add_new_with_history(&mut self, review: Review, history: Vec<u8>) {
        self.writes.push(BatchWrite { review, base_revision: Some(0), history: Some(history) });
    }

    /// Adds a review (with its history) that must still be at `base_revision` when the
    /// batch is written: a file's review combined with the copy here.
    pub fn add_based_on_with_history(&mut self, review: Review, base_revision: u64, history: Vec<u8>) {
        self.writes.push(BatchWrite { review, base_revision: Some(base_revision), history: Some(history) });
    }

    /// Adds a review that replaces the copy in the library, whatever its revision.
    pub fn add_replacement(&mut self, review: Review) {
        self.writes.push(BatchWrite { review, base_revision: None, history: None });
    }

    /// Adds a review that must still be at `base_revision` when the batch is written.
    pub fn add_based_on(&mut self, review: Review, base_revision: u64) {
        self.writes.push(BatchWrite { review, base_revision: Some(base_revision), history: None });
    }

    pub fn len(&self) -> usize {
        self.writes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    pub fn writes(&self) -> &[BatchWrite] {
        &self.writes
    }
}

/// How far writing a batch has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchProgress {
    /// Deciding what each review brings (see [`super::bring_in`]): `done` of `total`.
    Comparing { done: usize, total: usize },
    /// Encrypting with this device's passphrase: `done` of `total` reviews.
    Sealing { done: usize, total: usize },
    /// Writing: `done` of `total` reviews handed to the browser.
    Saving { done: usize, total: usize },
}

/// The note kept while an import is written.
#[derive(Serialize, Deserialize)]
struct UnderWay {
    count: usize,
    probe: ReviewId,
    revision_before: u64,
}

/// An import that was still being written when the page last closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InterruptedImport {
    /// How many reviews it held.
    pub count: usize,
    /// Whether it had been stored (all of it) before the page closed; otherwise nothing of it was.
    pub stored: bool,
}

impl InterruptedImport {
    /// What to tell the person.
    pub fn message(&self) -> String {
        let reviews = match self.count {
            1 => "1 review".to_string(),
            n => format!("{} reviews", thousands(n)),
        };
        if self.stored {
            format!(
                "The page closed while an import of {reviews} was finishing. It had finished: \
                 all {reviews} are in your library."
            )
        } else {
            format!(
                "The page closed before an import of {reviews} had finished, so none of them was \
                 stored and your library is as it was. Open the file again to import it."
            )
        }
    }
}

impl ReviewStore {
    /// Writes every review of `batch`, or none of them. Returns how many were written.
    /// `progress` is told how far the work has got.
    pub async fn write_batch(&self, batch: &ImportBatch, progress: &dyn Fn(BatchProgress)) -> Result<usize, StoreError> {
        let Some(first) = batch.writes.first() else { return Ok(0) };
        let _writing = self.lock.begin_write();
        let total = batch.len();
        // Sealing awaits WebCrypto for every review, so it is all done first.
        let mut records = Vec::with_capacity(total);
        let mut slice_started = js_sys::Date::now();
        for (done, write) in batch.writes.iter().enumerate() {
            if done % 100 == 0 && self.lock_status() == LockStatus::Unlocked {
                progress(BatchProgress::Sealing { done, total });
            }
            records.push((self.prepare(&write.review, write.history.as_deref()).await?, write.base_revision));
            // Writing out a review is quick, but thousands of them are not: let the page
            // draw and answer between slices.
            if js_sys::Date::now() - slice_started > PREPARE_SLICE_MS {
                sleep_ms(0).await;
                slice_started = js_sys::Date::now();
            }
        }
        let revision_before = match self.backend.raw(first.review.id).await? {
            Some(raw) => stored_revision(&raw.entry_text),
            None => 0,
        };
        note_under_way(&UnderWay { count: total, probe: first.review.id, revision_before });
        let outcome = match &self.backend {
            Backend::IndexedDb(s) => s.write_batch(&records, progress).await,
            Backend::LocalStorage(s) => s.write_batch(&records, progress),
        };
        // Whatever happened, this page is still here to say so.
        let _ = LocalStorage::raw().remove_item(UNDER_WAY_KEY);
        outcome.map(|()| total)
    }
}

fn note_under_way(note: &UnderWay) {
    if let Ok(text) = serde_json::to_string(note) {
        // Only a help for telling the person afterwards: the import does not depend on it.
        let _ = LocalStorage::raw().set_item(UNDER_WAY_KEY, &text);
    }
}

/// An import that was being written when the page last closed, if any, and whether it had
/// been stored. Asking forgets the note, so the person is told once.
pub async fn interrupted_import(store: &ReviewStore) -> Option<InterruptedImport> {
    let text = LocalStorage::raw().get_item(UNDER_WAY_KEY).ok()??;
    let _ = LocalStorage::raw().remove_item(UNDER_WAY_KEY);
    let note: UnderWay = serde_json::from_str(&text).ok()?;
    let now = match store.raw(note.probe).await {
        Ok(Some(raw)) => stored_revision(&raw.entry_text),
        Ok(None) => 0,
        Err(_) => return None,
    };
    Some(InterruptedImport { count: note.count, stored: now > note.revision_before })
}

/// The texts of a batch, each with the revision it expects.
pub(super) type PreparedBatch = [(PreparedRecord, Option<u64>)];
