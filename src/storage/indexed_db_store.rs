//! The IndexedDB store keeps reviews in the browser's database for this site. Each save
//! checks the stored revision and writes the review and its library entry inside one
//! transaction, so a stale tab can never overwrite newer work. It stores texts exactly as
//! it is given them: encrypting and decrypting happen before and after, never inside a
//! transaction (which would commit as soon as it waited on anything else).

use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use send_wrapper::SendWrapper;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::internals::SystemRepr;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use std::collections::HashMap;

use super::import_batch::{BatchProgress, PreparedBatch};
use super::record::{entry_text_kind, stored_revision, EntryText, PreparedRecord, RawRecord};
use super::store_error::StoreError;
use crate::model::ReviewId;

/// The database name; one per site (origin).
pub const DATABASE_NAME: &str = "case-review-studio";
/// Version 2 added the settings store (the device lock).
const DATABASE_VERSION: u32 = 2;
/// Full reviews, keyed by id, each in the versioned file format.
const REVIEWS: &str = "reviews";
/// Library entries (summary and revision), keyed by id, so the library opens fast.
const LIBRARY: &str = "library";
/// Settings for this device, keyed by name (the device lock).
const SETTINGS: &str = "settings";
/// How many reviews a batch hands to the browser at a time: small enough that handing them
/// over never holds up the page, large enough not to wait on the database for each one.
const BATCH_RECORDS_PER_TURN: usize = 100;

/// An open connection to the app's IndexedDB database.
#[derive(Clone, Debug)]
pub struct IndexedDbStore {
    // The browser's connection object; the app runs on one thread, so the wrapper only
    // lets it sit inside Leptos's (thread-safe) reactive values.
    db: SendWrapper<Database>,
    /// Set when another page deleted or upgraded the database: nothing more is written.
    closed: SendWrapper<Rc<Cell<bool>>>,
}

/// The window event the store sends when another page closed its database, so the open
/// screen can stop saying "Saved" at once.
pub const STORAGE_CLOSED_EVENT: &str = "case-review-studio-storage-closed";

fn browser_error(e: impl std::fmt::Display + std::fmt::Debug) -> StoreError {
    StoreError::from_browser(format!("{e} {e:?}"))
}

impl IndexedDbStore {
    /// Opens (and on first use creates, or upgrades) the database.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let db = Database::open(name)
            .with_version(DATABASE_VERSION)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(REVIEWS).build()?;
                    db.create_object_store(LIBRARY).build()?;
                }
                if event.old_version() < 2.0 {
                    db.create_object_store(SETTINGS).build()?;
                }
                Ok(())
            })
            .await
            .map_err(browser_error)?;
        let closed = Rc::new(Cell::new(false));
        watch_for_closing(db.as_sys(), Rc::clone(&closed));
        Ok(IndexedDbStore { db: SendWrapper::new(db), closed: SendWrapper::new(closed) })
    }

    /// Refuses at once once another page closed the database.
    fn check_open(&self) -> Result<(), StoreError> {
        if self.closed.get() {
            Err(StoreError::Closed)
        } else {
            Ok(())
        }
    }

    /// Every stored library entry's text.
    pub async fn entry_texts(&self) -> Result<Vec<String>, StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(LIBRARY).build().map_err(browser_error)?;
        let store = tx.object_store(LIBRARY).map_err(browser_error)?;
        all_texts(&store).await
    }

    /// The stored texts of one review, exactly as kept.
    pub async fn raw(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        self.check_open()?;
        let key = id.to_string();
        let tx = self.db.transaction([REVIEWS, LIBRARY]).build().map_err(browser_error)?;
        let (reviews, library) = both_stores(&tx)?;
        let review_text: Option<String> =
            reviews.get(key.clone()).primitive().map_err(browser_error)?.await.map_err(browser_error)?;
        let entry_text: Option<String> =
            library.get(key).primitive().map_err(browser_error)?.await.map_err(browser_error)?;
        Ok(match (review_text, entry_text) {
            (Some(review_text), Some(entry_text)) => Some(RawRecord { id, review_text, entry_text }),
            _ => None,
        })
    }

    /// The stored library entry's text of one review (its revision and summary), without
    /// its review text.
    pub async fn entry_text(&self, id: ReviewId) -> Result<Option<String>, StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(LIBRARY).build().map_err(browser_error)?;
        let store = tx.object_store(LIBRARY).map_err(browser_error)?;
        store.get(id.to_string()).primitive().map_err(browser_error)?.await.map_err(browser_error)
    }

    /// A transaction that may change both stores: every write puts or removes a review and
    /// its library entry together, so the two can never disagree.
    fn readwrite(&self) -> Result<Transaction<'_>, StoreError> {
        self.db.transaction([REVIEWS, LIBRARY]).with_mode(TransactionMode::Readwrite).build().map_err(browser_error)
    }

    /// Writes a prepared review if the stored copy is still at `base_revision` (0: not
    /// stored yet), or over whatever is stored when `base_revision` is `None` (the person
    /// chose "Replace"). Returns the new revision.
    pub async fn write(&self, record: &PreparedRecord, base_revision: Option<u64>) -> Result<u64, StoreError> {
        self.check_open()?;
        let key = record.id.to_string();
        let tx = self.readwrite()?;
        let (reviews, library) = both_stores(&tx)?;
        let stored: Option<String> =
            library.get(key.clone()).primitive().map_err(browser_error)?.await.map_err(browser_error)?;
        let stored_revision = stored.as_deref().map_or(0, stored_revision);
        if let Some(base) = base_revision {
            if stored_revision != base {
                // Dropping the transaction without committing rolls it back.
                return Err(StoreError::Conflict { stored_revision });
            }
        }
        let revision = stored_revision + 1;
        put_record(&reviews, &library, &record.at_revision(revision)).await?;
        tx.commit().await.map_err(browser_error)?;
        Ok(revision)
    }

    /// Writes every record of a batch in one transaction, or none: a revision that does not
    /// match, a refusal from the browser, or the page closing part-way leaves the database
    /// as it was.
    pub async fn write_batch(&self, records: &PreparedBatch, progress: &dyn Fn(BatchProgress)) -> Result<(), StoreError> {
        self.check_open()?;
        let tx = self.readwrite()?;
        let (reviews, library) = both_stores(&tx)?;
        let texts = all_texts(&library).await?;
        let stored: HashMap<ReviewId, u64> = texts
            .iter()
            .filter_map(|t| match entry_text_kind(t).ok()? {
                EntryText::Plain(e) => Some((e.summary.id, e.revision)),
                EntryText::Sealed { id, revision, .. } => Some((id, revision)),
            })
            .collect();
        for (record, base) in records {
            let stored_revision = stored.get(&record.id).copied().unwrap_or(0);
            if base.is_some_and(|b| b != stored_revision) {
                // Dropping the transaction without committing rolls it back.
                return Err(StoreError::Conflict { stored_revision });
            }
        }
        let total = records.len();
        for (turn, chunk) in records.chunks(BATCH_RECORDS_PER_TURN).enumerate() {
            progress(BatchProgress::Saving { done: turn * BATCH_RECORDS_PER_TURN, total });
            let mut last = None;
            for (record, _) in chunk {
                let raw = record.at_revision(stored.get(&record.id).copied().unwrap_or(0) + 1);
                let key = raw.id.to_string();
                // Requests are made as they are built; only the last of each turn is awaited
                // (a transaction completes its requests in order).
                drop(reviews.put(raw.review_text.as_str()).with_key(key.as_str()).primitive().map_err(browser_error)?);
                last = Some(library.put(raw.entry_text.as_str()).with_key(key.as_str()).primitive().map_err(browser_error)?);
            }
            if let Some(last) = last {
                last.await.map_err(browser_error)?;
            }
        }
        progress(BatchProgress::Saving { done: total, total });
        tx.commit().await.map_err(browser_error)?;
        Ok(())
    }

    /// Deletes a review and returns its stored texts, so the deletion can be undone.
    pub async fn delete(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        let Some(raw) = self.raw(id).await? else { return Ok(None) };
        let key = id.to_string();
        let tx = self.readwrite()?;
        let (reviews, library) = both_stores(&tx)?;
        reviews.delete(key.clone()).primitive().map_err(browser_error)?.await.map_err(browser_error)?;
        library.delete(key).primitive().map_err(browser_error)?.await.map_err(browser_error)?;
        tx.commit().await.map_err(browser_error)?;
        Ok(Some(raw))
    }

    /// Puts back a deleted review exactly as it was stored.
    pub async fn restore(&self, raw: &RawRecord) -> Result<(), StoreError> {
        self.check_open()?;
        let tx = self.readwrite()?;
        let (reviews, library) = both_stores(&tx)?;
        put_record(&reviews, &library, raw).await?;
        tx.commit().await.map_err(browser_error)?;
        Ok(())
    }

    /// A setting's stored text, if set.
    pub async fn setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(SETTINGS).build().map_err(browser_error)?;
        let store = tx.object_store(SETTINGS).map_err(browser_error)?;
        store.get(name).primitive().map_err(browser_error)?.await.map_err(browser_error)
    }

    /// A setting kept as a browser value rather than text (a shared file's handle, which
    /// the database can keep but nothing can write out as text).
    pub async fn setting_value(&self, name: &str) -> Result<Option<wasm_bindgen::JsValue>, StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(SETTINGS).build().map_err(browser_error)?;
        let store = tx.object_store(SETTINGS).map_err(browser_error)?;
        store.get(name).primitive().map_err(browser_error)?.await.map_err(browser_error)
    }

    /// Stores a setting kept as a browser value (`None` removes it).
    pub async fn put_setting_value(&self, name: &str, value: Option<&wasm_bindgen::JsValue>) -> Result<(), StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(SETTINGS).with_mode(TransactionMode::Readwrite).build().map_err(browser_error)?;
        let store = tx.object_store(SETTINGS).map_err(browser_error)?;
        match value {
            Some(value) => {
                store.put(value).with_key(name).primitive().map_err(browser_error)?.await.map_err(browser_error)?;
            }
            None => store.delete(name).primitive().map_err(browser_error)?.await.map_err(browser_error)?,
        }
        tx.commit().await.map_err(browser_error)
    }

    /// Stores a setting's text (`None` removes it).
    pub async fn put_setting(&self, name: &str, text: Option<&str>) -> Result<(), StoreError> {
        self.check_open()?;
        let tx = self.db.transaction(SETTINGS).with_mode(TransactionMode::Readwrite).build().map_err(browser_error)?;
        let store = tx.object_store(SETTINGS).map_err(browser_error)?;
        match text {
            Some(text) => {
                store.put(text).with_key(name).primitive().map_err(browser_error)?.await.map_err(browser_error)?;
            }
            None => store.delete(name).primitive().map_err(browser_error)?.await.map_err(browser_error)?,
        }
        tx.commit().await.map_err(browser_error)
    }
}

/// When another page deletes or upgrades the database (`versionchange`), or the browser
/// closes it (site data cleared: `close`), let go of it, refuse further writes and tell
/// the open screen.
fn watch_for_closing(db: &web_sys::IdbDatabase, closed: Rc<Cell<bool>>) {
    let conn = db.clone();
    let on_close: Closure<dyn FnMut(web_sys::Event)> = Closure::new(move |_| {
        if !closed.replace(true) {
            conn.close();
            if let Some(w) = web_sys::window() {
                if let Ok(ev) = web_sys::CustomEvent::new(STORAGE_CLOSED_EVENT) {
                    let _ = w.dispatch_event(&ev);
                }
            }
        }
    });
    db.set_onversionchange(Some(on_close.as_ref().unchecked_ref()));
    db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    // Lives as long as the connection.
    on_close.forget();
}

/// Every text in `store`, inside the caller's transaction.
async fn all_texts(store: &ObjectStore<'_>) -> Result<Vec<String>, StoreError> {
    store
        .get_all::<String>()
        .primitive()
        .map_err(browser_error)?
        .await
        .map_err(browser_error)?
        .collect::<Result<Vec<String>, _>>()
        .map_err(browser_error)
}

/// The reviews and library stores of a transaction over both.
fn both_stores<'a>(tx: &'a Transaction<'_>) -> Result<(ObjectStore<'a>, ObjectStore<'a>), StoreError> {
    Ok((tx.object_store(REVIEWS).map_err(browser_error)?, tx.object_store(LIBRARY).map_err(browser_error)?))
}

/// Writes a review's two texts, inside the caller's transaction.
async fn put_record(reviews: &ObjectStore<'_>, library: &ObjectStore<'_>, raw: &RawRecord) -> Result<(), StoreError> {
    let key = raw.id.to_string();
    reviews
        .put(raw.review_text.as_str())
        .with_key(key.as_str())
        .primitive()
        .map_err(browser_error)?
        .await
        .map_err(browser_error)?;
    library
        .put(raw.entry_text.as_str())
        .with_key(key.as_str())
        .primitive()
        .map_err(browser_error)?
        .await
        .map_err(browser_error)?;
    Ok(())
}
