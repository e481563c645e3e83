//! The localStorage store is the fallback used when the browser will not open IndexedDB
//! (some locked-down or private-browsing set-ups). It keeps the same records under
//! prefixed keys; it holds less (a few megabytes) and the app says so. Like the IndexedDB
//! store, it keeps texts exactly as given (sealed or not).

use gloo_storage::{LocalStorage, Storage};

use super::record::{stored_revision, PreparedRecord, RawRecord};
use super::store_error::StoreError;
use crate::model::ReviewId;

const REVIEW_PREFIX: &str = "case-review-studio/review/";
const LIBRARY_PREFIX: &str = "case-review-studio/library/";
const SETTING_PREFIX: &str = "case-review-studio/setting/";

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
