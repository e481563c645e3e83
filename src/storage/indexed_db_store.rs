//! The IndexedDB store keeps reviews in the browser's database for this site. Each save
//! checks the stored revision and writes the review and its library entry inside one
//! transaction, so a stale tab can never overwrite newer work.

use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use send_wrapper::SendWrapper;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};

use super::record::{decode_entry, decode_review, encode, LibraryEntry, RawRecord, StoredReview};
use super::store_error::StoreError;
use crate::model::{Review, ReviewId};

/// The database name; one per site (origin).
pub const DATABASE_NAME: &str = "case-review-studio";
const DATABASE_VERSION: u32 = 1;
/// Full reviews, keyed by id, each in the versioned file format.
const REVIEWS: &str = "reviews";
/// Library entries (summary and revision), keyed by id, so the library opens fast.
const LIBRARY: &str = "library";

/// An open connection to the app's IndexedDB database.
#[derive(Clone, Debug)]
pub struct IndexedDbStore {
    // The browser's connection object; the app runs on one thread, so the wrapper only
    // lets it sit inside Leptos's (thread-safe) reactive values.
    db: SendWrapper<Database>,
}

fn browser_error(e: impl std::fmt::Display + std::fmt::Debug) -> StoreError {
    StoreError::from_browser(format!("{e} {e:?}"))
}

impl IndexedDbStore {
    /// Opens (and on first use creates) the database.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let db = Database::open(name)
            .with_version(DATABASE_VERSION)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(REVIEWS).build()?;
                    db.create_object_store(LIBRARY).build()?;
                }
                Ok(())
            })
            .await
            .map_err(browser_error)?;
        Ok(IndexedDbStore { db: SendWrapper::new(db) })
    }

    /// Every library entry. Entries that cannot be read are skipped rather than hiding the
    /// whole library.
    pub async fn list(&self) -> Result<Vec<LibraryEntry>, StoreError> {
        let tx = self.db.transaction(LIBRARY).build().map_err(browser_error)?;
        let store = tx.object_store(LIBRARY).map_err(browser_error)?;
        let texts: Vec<String> = store
            .get_all::<String>()
            .primitive()
            .map_err(browser_error)?
            .await
            .map_err(browser_error)?
            .collect::<Result<Vec<String>, _>>()
            .map_err(browser_error)?;
        Ok(texts.iter().filter_map(|t| decode_entry(t).ok()).collect())
    }

    /// One review and the revision it was saved at.
    pub async fn load(&self, id: ReviewId) -> Result<StoredReview, StoreError> {
        let raw = self.raw(id).await?.ok_or(StoreError::NotFound)?;
        let review = decode_review(&raw.review_text)?;
        let revision = decode_entry(&raw.entry_text)?.revision;
        Ok(StoredReview { review, revision })
    }

    /// The stored texts of one review, exactly as kept.
    pub async fn raw(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
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

    /// A transaction that may change both stores: every write puts or removes a review and
    /// its library entry together, so the two can never disagree.
    fn readwrite(&self) -> Result<Transaction<'_>, StoreError> {
        self.db.transaction([REVIEWS, LIBRARY]).with_mode(TransactionMode::Readwrite).build().map_err(browser_error)
    }

    /// Saves `review` if the stored copy is still at `base_revision` (0: not stored yet).
    /// Returns the new revision.
    pub async fn save(&self, review: &Review, base_revision: u64) -> Result<u64, StoreError> {
        self.write(review, Some(base_revision)).await
    }

    /// Saves `review` over whatever is stored (used when the person chose "Replace").
    pub async fn replace(&self, review: &Review) -> Result<u64, StoreError> {
        self.write(review, None).await
    }

    async fn write(&self, review: &Review, base_revision: Option<u64>) -> Result<u64, StoreError> {
        let key = review.id.to_string();
        let tx = self.readwrite()?;
        let (reviews, library) = both_stores(&tx)?;
        let stored: Option<String> =
            library.get(key.clone()).primitive().map_err(browser_error)?.await.map_err(browser_error)?;
        let stored_revision = match &stored {
            Some(text) => decode_entry(text).map(|e| e.revision).unwrap_or(0),
            None => 0,
        };
        if let Some(base) = base_revision {
            if stored_revision != base {
                // Dropping the transaction without committing rolls it back.
                return Err(StoreError::Conflict { stored_revision });
            }
        }
        let revision = stored_revision + 1;
        put_record(&reviews, &library, &encode(review, revision)).await?;
        tx.commit().await.map_err(browser_error)?;
        Ok(revision)
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
        let tx = self.readwrite()?;
        let (reviews, library) = both_stores(&tx)?;
        put_record(&reviews, &library, raw).await?;
        tx.commit().await.map_err(browser_error)?;
        Ok(())
    }
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
