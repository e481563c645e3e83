//! The review store is where this device keeps reviews: IndexedDB when the browser allows
//! it, otherwise localStorage. The rest of the app talks only to this one type.

use wasm_bindgen_futures::JsFuture;

use super::indexed_db_store::{IndexedDbStore, DATABASE_NAME};
use super::local_store::LocalStore;
use super::record::{LibraryEntry, RawRecord, StoredReview};
use super::store_error::StoreError;
use crate::model::{Review, ReviewId};

/// The browser store in use.
#[derive(Clone, Debug)]
pub enum ReviewStore {
    IndexedDb(IndexedDbStore),
    LocalStorage(LocalStore),
}

/// Whether the browser promised to keep the app's data when space runs low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// The browser will not clear the data on its own.
    Granted,
    /// The browser may clear the data under storage pressure.
    NotGranted,
    /// This browser cannot say.
    Unsupported,
}

impl ReviewStore {
    /// Opens IndexedDB, or localStorage if IndexedDB is unavailable.
    pub async fn open() -> Result<Self, StoreError> {
        match IndexedDbStore::open(DATABASE_NAME).await {
            Ok(db) => Ok(ReviewStore::IndexedDb(db)),
            Err(_) => LocalStore::open().map(ReviewStore::LocalStorage),
        }
    }

    /// A short description of where reviews are kept, for the settings panel.
    pub fn description(&self) -> &'static str {
        match self {
            ReviewStore::IndexedDb(_) => "this browser's database (IndexedDB)",
            ReviewStore::LocalStorage(_) => {
                "this browser's local storage (IndexedDB is unavailable; room for a few megabytes)"
            }
        }
    }

    pub async fn list(&self) -> Result<Vec<LibraryEntry>, StoreError> {
        match self {
            ReviewStore::IndexedDb(s) => s.list().await,
            ReviewStore::LocalStorage(s) => s.list(),
        }
    }

    pub async fn load(&self, id: ReviewId) -> Result<StoredReview, StoreError> {
        match self {
            ReviewStore::IndexedDb(s) => s.load(id).await,
            ReviewStore::LocalStorage(s) => s.load(id),
        }
    }

    /// Saves if the stored copy is still at `base_revision`; returns the new revision.
    pub async fn save(&self, review: &Review, base_revision: u64) -> Result<u64, StoreError> {
        match self {
            ReviewStore::IndexedDb(s) => s.save(review, base_revision).await,
            ReviewStore::LocalStorage(s) => s.save(review, base_revision),
        }
    }

    /// Saves over whatever is stored; returns the new revision.
    pub async fn replace(&self, review: &Review) -> Result<u64, StoreError> {
        match self {
            ReviewStore::IndexedDb(s) => s.replace(review).await,
            ReviewStore::LocalStorage(s) => s.replace(review),
        }
    }

    pub async fn delete(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        match self {
            ReviewStore::IndexedDb(s) => s.delete(id).await,
            ReviewStore::LocalStorage(s) => s.delete(id),
        }
    }

    pub async fn restore(&self, raw: &RawRecord) -> Result<(), StoreError> {
        match self {
            ReviewStore::IndexedDb(s) => s.restore(raw).await,
            ReviewStore::LocalStorage(s) => s.restore(raw),
        }
    }
}

/// Asks the browser to keep the app's data even when space runs low
/// (`navigator.storage.persist()`), and reports its answer.
pub async fn request_persistence() -> Persistence {
    let Some(window) = web_sys::window() else { return Persistence::Unsupported };
    let storage = window.navigator().storage();
    // Older or locked-down browsers may lack the StorageManager entirely.
    if storage.is_undefined() || !js_sys::Reflect::has(&storage, &"persist".into()).unwrap_or(false) {
        return Persistence::Unsupported;
    }
    let Ok(promise) = storage.persist() else { return Persistence::Unsupported };
    match JsFuture::from(promise).await {
        Ok(v) if v.as_bool() == Some(true) => Persistence::Granted,
        Ok(_) => Persistence::NotGranted,
        Err(_) => Persistence::Unsupported,
    }
}
