//! The localStorage store is the fallback used when the browser will not open IndexedDB
//! (some locked-down or private-browsing set-ups). It keeps the same records under
//! prefixed keys; it holds less (a few megabytes) and the app says so.

use gloo_storage::{LocalStorage, Storage};

use super::record::{decode_entry, decode_review, encode, LibraryEntry, RawRecord, StoredReview};
use super::store_error::StoreError;
use crate::model::{Review, ReviewId};

const REVIEW_PREFIX: &str = "case-review-studio/review/";
const LIBRARY_PREFIX: &str = "case-review-studio/library/";

/// The app's records in the browser's localStorage.
#[derive(Clone, Debug, Default)]
pub struct LocalStore;

fn js_error(e: wasm_bindgen::JsValue) -> StoreError {
    StoreError::from_browser(format!("{e:?}"))
}

impl LocalStore {
    /// Checks that localStorage can be written here.
    pub fn open() -> Result<Self, StoreError> {
        let storage = LocalStorage::raw();
        let probe = "case-review-studio/probe";
        storage.set_item(probe, "1").map_err(js_error)?;
        storage.remove_item(probe).map_err(js_error)?;
        Ok(LocalStore)
    }

    fn item(key: &str) -> Result<Option<String>, StoreError> {
        LocalStorage::raw().get_item(key).map_err(js_error)
    }

    pub fn list(&self) -> Result<Vec<LibraryEntry>, StoreError> {
        let storage = LocalStorage::raw();
        let count = storage.length().map_err(js_error)?;
        let mut out = Vec::new();
        for i in 0..count {
            let Some(key) = storage.key(i).map_err(js_error)? else { continue };
            if !key.starts_with(LIBRARY_PREFIX) {
                continue;
            }
            if let Some(entry) = Self::item(&key)?.and_then(|t| decode_entry(&t).ok()) {
                out.push(entry);
            }
        }
        Ok(out)
    }

    pub fn raw(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        let review_text = Self::item(&format!("{REVIEW_PREFIX}{id}"))?;
        let entry_text = Self::item(&format!("{LIBRARY_PREFIX}{id}"))?;
        Ok(match (review_text, entry_text) {
            (Some(review_text), Some(entry_text)) => Some(RawRecord { id, review_text, entry_text }),
            _ => None,
        })
    }

    pub fn load(&self, id: ReviewId) -> Result<StoredReview, StoreError> {
        let raw = self.raw(id)?.ok_or(StoreError::NotFound)?;
        Ok(StoredReview {
            review: decode_review(&raw.review_text)?,
            revision: decode_entry(&raw.entry_text)?.revision,
        })
    }

    fn stored_revision(&self, id: ReviewId) -> Result<u64, StoreError> {
        Ok(Self::item(&format!("{LIBRARY_PREFIX}{id}"))?
            .and_then(|t| decode_entry(&t).ok())
            .map_or(0, |e| e.revision))
    }

    pub fn save(&self, review: &Review, base_revision: u64) -> Result<u64, StoreError> {
        let stored_revision = self.stored_revision(review.id)?;
        if stored_revision != base_revision {
            return Err(StoreError::Conflict { stored_revision });
        }
        self.write(review, stored_revision + 1)
    }

    pub fn replace(&self, review: &Review) -> Result<u64, StoreError> {
        self.write(review, self.stored_revision(review.id)? + 1)
    }

    fn write(&self, review: &Review, revision: u64) -> Result<u64, StoreError> {
        let previous = self.raw(review.id)?;
        let raw = encode(review, revision);
        if let Err(e) = self.put(&raw) {
            // Put the last good copy back so a half-written pair never remains.
            match previous {
                Some(p) => {
                    let _ = self.put(&p);
                }
                None => {
                    let _ = self.remove(review.id);
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
}
