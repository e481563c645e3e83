//! The localStorage store is the fallback used when the browser will not open IndexedDB
//! (some locked-down or private-browsing set-ups). It keeps the same records under
//! prefixed keys; it holds less (a few megabytes) and the app says so. Like the IndexedDB
//! store, it keeps texts exactly as given (sealed or not).

use gloo_storage::{LocalStorage, Storage};

use serde::{Deserialize, Serialize};

use super::import_batch::{BatchProgress, PreparedBatch};
use super::record::{stored_revision, PreparedRecord, RawRecord};
use super::store_error::StoreError;
use crate::model::ReviewId;

const REVIEW_PREFIX: &str = "case-review-studio/review/";
const LIBRARY_PREFIX: &str = "case-review-studio/library/";
const SETTING_PREFIX: &str = "case-review-studio/setting/";
/// While a batch is being written: what each of its keys held before, so an interrupted
/// batch can be put back at the next start.
const STAGED_BATCH: &str = "case-review-studio/staged-import";

/// One review's texts before a batch wrote over them (`None`: it was not stored).
#[derive(Serialize, Deserialize)]
struct Before {
    id: crate::model::ReviewId,
    texts: Option<(String, String)>,
}

/// The app's records in the browser's localStorage.
#[derive(Clone, Debug, Default)]
pub struct LocalStore;

fn js_error(e: wasm_bindgen::JsValue) -> StoreError {
    StoreError::from_browser(format!("{e:?}"))
}

impl LocalStore {
    /// Checks that localStorage can be written here, and puts back as it was anything an
    /// interrupted batch left half-written.
    pub fn open() -> Result<Self, StoreError> {
        let storage = LocalStorage::raw();
        let probe = "case-review-studio/probe";
        storage.set_item(probe, "1").map_err(js_error)?;
        storage.remove_item(probe).map_err(js_error)?;
        let store = LocalStore;
        store.roll_back_staged_batch()?;
        Ok(store)
    }

    /// If a batch was interrupted, puts every key it touched back as it was. True if it did.
    pub fn roll_back_staged_batch(&self) -> Result<bool, StoreError> {
        let Some(text) = Self::item(STAGED_BATCH)? else { return Ok(false) };
        // A note that cannot be read is left in place rather than guessed at.
        let before: Vec<Before> = serde_json::from_str(&text)
            .map_err(|e| StoreError::Unavailable(format!("an interrupted import could not be undone: {e}")))?;
        self.put_back(&before)?;
        LocalStorage::raw().remove_item(STAGED_BATCH).map_err(js_error)?;
        Ok(true)
    }

    fn put_back(&self, before: &[Before]) -> Result<(), StoreError> {
        for b in before {
            match &b.texts {
                Some((review_text, entry_text)) => self.put(&RawRecord {
                    id: b.id,
                    review_text: review_text.clone(),
                    entry_text: entry_text.clone(),
                })?,
                None => self.remove(b.id)?,
            }
        }
        Ok(())
    }

    /// Writes every record of a batch, or none: first a note of what each key held, then
    /// the records, then the note is removed (the commit). If writing stops part-way here
    /// the keys are put back at once; if the page closes, at the next start.
    pub fn write_batch(&self, records: &PreparedBatch, progress: &dyn Fn(BatchProgress)) -> Result<(), StoreError> {
        let mut before = Vec::with_capacity(records.len());
        let mut revisions = Vec::with_capacity(records.len());
        for (record, base) in records {
            let previous = self.raw(record.id)?;
            let stored_revision = previous.as_ref().map_or(0, |p| stored_revision(&p.entry_text));
            if base.is_some_and(|b| b != stored_revision) {
                return Err(StoreError::Conflict { stored_revision });
            }
            revisions.push(stored_revision + 1);
            before.push(Before { id: record.id, texts: previous.map(|p| (p.review_text, p.entry_text)) });
        }
        let note = serde_json::to_string(&before).map_err(|e| StoreError::Unavailable(e.to_string()))?;
        LocalStorage::raw().set_item(STAGED_BATCH, &note).map_err(js_error)?;
        let total = records.len();
        for (done, ((record, _), revision)) in records.iter().zip(revisions).enumerate() {
            if done % 100 == 0 {
                progress(BatchProgress::Saving { done, total });
            }
            if let Err(e) = self.put(&record.at_revision(revision)) {
                // Best effort now; if this fails too, the note is still there for the next start.
                if self.put_back(&before).is_ok() {
                    let _ = LocalStorage::raw().remove_item(STAGED_BATCH);
                }
                return Err(e);
            }
        }
        progress(BatchProgress::Saving { done: total, total });
        LocalStorage::raw().remove_item(STAGED_BATCH).map_err(js_error)
    }

    fn item(key: &str) -> Result<Option<String>, StoreError> {
        LocalStorage::raw().get_item(key).map_err(js_error)
    }

    /// Every stored library entry's text.
    pub fn entry_texts(&self) -> Result<Vec<String>, StoreError> {
        let storage = LocalStorage::raw();
        let count = storage.length().map_err(js_error)?;
        let mut out = Vec::new();
        for i in 0..count {
            let Some(key) = storage.key(i).map_err(js_error)? else { continue };
            if key.starts_with(LIBRARY_PREFIX) {
                out.extend(Self::item(&key)?);
            }
        }
        Ok(out)
    }

    /// Every review stored here, exactly as kept.
    pub fn all_raw(&self) -> Vec<RawRecord> {
        let storage = LocalStorage::raw();
        let count = storage.length().unwrap_or(0);
        let ids: Vec<ReviewId> = (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter_map(|k| k.strip_prefix(LIBRARY_PREFIX).and_then(|id| id.parse().ok()))
            .collect();
        ids.into_iter().filter_map(|id| self.raw(id).ok().flatten()).collect()
    }

    /// The stored library entry's text of one review, without its review text.
    pub fn entry_text(&self, id: ReviewId) -> Result<Option<String>, StoreError> {
        Self::item(&format!("{LIBRARY_PREFIX}{id}"))
    }

    pub fn raw(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        let review_text = Self::item(&format!("{REVIEW_PREFIX}{id}"))?;
        let entry_text = Self::item(&format!("{LIBRARY_PREFIX}{id}"))?;
        Ok(match (review_text, entry_text) {
            (Some(review_text), Some(entry_text)) => Some(RawRecord { id, review_text, entry_text }),
            _ => None,
        })
    }

    /// Writes a prepared review if the stored copy is still at `base_revision` (or over
    /// whatever is stored when it is `None`); returns the new revision.
    pub fn write(&self, record: &PreparedRecord, base_revision: Option<u64>) -> Result<u64, StoreError> {
        let previous = self.raw(record.id)?;
        let stored_revision = Self::item(&format!("{LIBRARY_PREFIX}{}", record.id))?.as_deref().map_or(0, stored_revision);
        if base_revision.is_some_and(|base| base != stored_revision) {
            return Err(StoreError::Conflict { stored_revision });
        }
        let revision = stored_revision + 1;
        if let Err(e) = self.put(&record.at_revision(revision)) {
            // Put the last good copy back so a half-written pair never remains.
            match previous {
                Some(p) => {
                    let _ = self.put(&p);
                }
                None => {
                    let _ = self.remove(record.id);
                }
            }
            return Err(e);
        }
        Ok(revision)
    }

    fn put(&self, raw: &RawRecord) -> Result<(), StoreError> {
        let storage = LocalStorage::raw();
        storage.set_item(&format!("{REVIEW_PREFIX}{}", raw.id), &raw.review_text).map_err(js_error)?;
        storage.set_item(&format!("{LIBRARY_PREFIX}{}", raw.id), &raw.entry_text).map_err(js_error)
    }

    fn remove(&self, id: ReviewId) -> Result<(), StoreError> {
        let storage = LocalStorage::raw();
        storage.remove_item(&format!("{REVIEW_PREFIX}{id}")).map_err(js_error)?;
        storage.remove_item(&format!("{LIBRARY_PREFIX}{id}")).map_err(js_error)
    }

    pub fn delete(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        let raw = self.raw(id)?;
        self.remove(id)?;
        Ok(raw)
    }

    pub fn restore(&self, raw: &RawRecord) -> Result<(), StoreError> {
        self.put(raw)
    }

    /// A setting's stored text, if set.
    pub fn setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        Self::item(&format!("{SETTING_PREFIX}{name}"))
    }

    /// Stores a setting's text (`None` removes it).
    pub fn put_setting(&self, name: &str, text: Option<&str>) -> Result<(), StoreError> {
        let storage = LocalStorage::raw();
        let key = format!("{SETTING_PREFIX}{name}");
        match text {
            Some(text) => storage.set_item(&key, text).map_err(js_error),
            None => storage.remove_item(&key).map_err(js_error),
        }
    }
}
