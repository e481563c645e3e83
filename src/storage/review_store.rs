//! The review store is where this device keeps reviews: IndexedDB when the browser allows
//! it, otherwise localStorage. The rest of the app talks only to this one type. When a
//! passphrase is set on this device, the store seals (encrypts) every review and library
//! entry before writing it and opens them after reading; see [`super::device_lock`] for
//! setting, checking and removing the passphrase.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use uuid::Uuid;
use wasm_bindgen_futures::JsFuture;

use super::device_identity::{random_bytes, DeviceIdentity, DEVICE_SETTING};
use super::review_history::{Author, HistoryError, ReviewHistory};

use super::device_lock::{DeviceLock, DEVICE_LOCK_SETTING};
use super::encryption;
use super::envelope::DeviceLockSettings;
use super::import_error::ImportError;
use super::indexed_db_store::{IndexedDbStore, DATABASE_NAME};
use super::local_store::LocalStore;
use super::lock_error::LockError;
use super::record::{
    decode_review, decode_stored, entry_binding, entry_from_summary, entry_text_kind, review_binding, review_plaintext, review_text_kind,
    summary_plaintext, EntryText, LibraryEntry, PreparedRecord, RawRecord, ReviewText, StoredReview,
};
use super::shared_file::{SharedFolderSupport, SharedLink};
use super::store_error::StoreError;
use crate::model::{Review, ReviewId};

/// The browser store in use, and this device's lock.
#[derive(Clone, Debug)]
pub struct ReviewStore {
    pub(super) backend: Backend,
    pub(super) lock: DeviceLock,
    /// This device's id and name, which every save is recorded under.
    device: Arc<Mutex<DeviceIdentity>>,
    /// This page's session, so two tabs never record changes under the same actor.
    session: [u8; 8],
    /// The histories of reviews saved from this page, by the revision they were saved at,
    /// so a save does not read its history back first.
    histories: Arc<Mutex<HashMap<ReviewId, (u64, ReviewHistory)>>>,
    /// For each review, the revision whose stored history bytes this page wrote or read back
    /// whole: those bytes can go into a file as they are, without reading the history again.
    sound_bytes: Arc<Mutex<HashMap<ReviewId, u64>>>,
    /// Reviews whose next save keeps its readable text (an export is waiting for it), and
    /// the texts kept, by the revision they were written at: the file is then made from
    /// that text instead of reading a long review back from the database.
    keep_text: Arc<Mutex<HashSet<ReviewId>>>,
    kept_text: Arc<Mutex<HashMap<ReviewId, (u64, String)>>>,
    /// Why the database could not be opened, when the localStorage fallback stands in.
    pub(super) fallback_reason: Option<String>,
}

/// The value behind a lock; wasm has one thread, so a lock is never poisoned by another,
/// and a poisoned one still holds usable data.
fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A history that could not be updated, as a store failure.
fn history_failed(e: HistoryError) -> StoreError {
    StoreError::Unavailable(format!("the review's history could not be updated: {e}"))
}

/// Where this device remembers, outside the database, that it has used the database: if it
/// then fails to open, the reviews saved there are not shown, and the person must be told.
const USES_DATABASE_MARKER: &str = "case-review-studio/uses-indexeddb";

/// What start-up did with reviews written to the fallback while the database was unavailable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BroughtBack {
    /// Moved into the database.
    pub moved: usize,
    /// Also in the database with other content: moved in as separate copies.
    pub as_copies: usize,
    /// Left where they are (encrypted under another passphrase, or the browser refused).
    pub left: usize,
}

/// Where the texts are kept.
#[derive(Clone, Debug)]
pub(super) enum Backend {
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

impl Backend {
    pub(super) async fn entry_texts(&self) -> Result<Vec<String>, StoreError> {
        match self {
            Backend::IndexedDb(s) => s.entry_texts().await,
            Backend::LocalStorage(s) => s.entry_texts(),
        }
    }

    pub(super) async fn raw(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        match self {
            Backend::IndexedDb(s) => s.raw(id).await,
            Backend::LocalStorage(s) => s.raw(id),
        }
    }

    async fn write(&self, record: &PreparedRecord, base_revision: Option<u64>) -> Result<u64, StoreError> {
        match self {
            Backend::IndexedDb(s) => s.write(record, base_revision).await,
            Backend::LocalStorage(s) => s.write(record, base_revision),
        }
    }

    pub(super) async fn setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        match self {
            Backend::IndexedDb(s) => s.setting(name).await,
            Backend::LocalStorage(s) => s.setting(name),
        }
    }

    pub(super) async fn put_setting(&self, name: &str, text: Option<&str>) -> Result<(), StoreError> {
        match self {
            Backend::IndexedDb(s) => s.put_setting(name, text).await,
            Backend::LocalStorage(s) => s.put_setting(name, text),
        }
    }
}

impl ReviewStore {
    /// Opens IndexedDB, and reads whether a passphrase is set here (if so, the store starts
    /// locked). If IndexedDB will not open, a device that has a passphrase stays locked
    /// with [`StoreError::DatabaseUnavailable`] (never carrying on unencrypted); any other
    /// device carries on in localStorage, and [`ReviewStore::fallback_reason`] says why.
    pub async fn open() -> Result<Self, StoreError> {
        match Self::open_indexed_db(DATABASE_NAME).await {
            Ok(store) => {
                set_marker(USES_DATABASE_MARKER, true);
                super::device_lock::set_passphrase_marker(store.lock.is_set());
                Ok(store)
            }
            Err(e) => {
                let reason = e.to_string();
                if super::device_lock::passphrase_marker() {
                    return Err(StoreError::DatabaseUnavailable { reason, encrypted: true });
                }
                let mut store = Self::open_local_storage().await?;
                store.fallback_reason = Some(reason);
                Ok(store)
            }
        }
    }

    /// Why the database could not be opened, when reviews are kept in the fallback.
    pub fn fallback_reason(&self) -> Option<&str> {
        self.fallback_reason.as_deref()
    }

    /// Whether reviews were saved in the database on this device before (so, when it will
    /// not open, they exist but cannot be shown).
    pub fn used_database_before(&self) -> bool {
        use gloo_storage::Storage;
        gloo_storage::LocalStorage::raw().get_item(USES_DATABASE_MARKER).ok().flatten().is_some()
    }

    /// Moves reviews written to localStorage while the database was unavailable into the
    /// database, now that it opens. A review the database also holds with other content is
    /// moved in as a separate copy (ids from `new_id`), so neither is lost; sealed records
    /// go across only when both places have the same passphrase settings.
    pub async fn bring_back_fallback_reviews(&self, new_id: &dyn Fn() -> ReviewId) -> BroughtBack {
        let mut out = BroughtBack::default();
        let Backend::IndexedDb(db) = &self.backend else { return out };
        let Ok(local) = LocalStore::open() else { return out };
        let records = local.all_raw();
        if records.is_empty() {
            return out;
        }
        let same_lock = local.setting(DEVICE_LOCK_SETTING).ok().flatten() == db.setting(DEVICE_LOCK_SETTING).await.ok().flatten();
        for raw in records {
            let sealed = matches!(entry_text_kind(&raw.entry_text), Ok(EntryText::Sealed { .. }));
            if sealed && !same_lock {
                out.left += 1;
                continue;
            }
            let moved = match db.raw(raw.id).await {
                Ok(None) => db.restore(&raw).await.map(|_| false),
                Ok(Some(existing)) if existing.review_text == raw.review_text => Ok(false),
                Ok(Some(_)) if !sealed => match decode_review(&raw.review_text) {
                    Ok(review) => {
                        let mut copy = review.duplicate(new_id(), review.updated);
                        copy.title = format!("{} (written while the database was unavailable)", review.title)
                            .chars()
                            .take(crate::model::review::MAX_TITLE_CHARS)
                            .collect();
                        self.save(&copy, 0).await.map(|_| true)
                    }
                    Err(e) => Err(StoreError::Unreadable(e)),
                },
                Ok(Some(_)) => Err(StoreError::Unavailable("sealed copy differs".into())),
                Err(e) => Err(e),
            };
            match moved {
                Ok(as_copy) => {
                    if local.delete(raw.id).is_ok() {
                        if as_copy {
                            out.as_copies += 1;
                        } else {
                            out.moved += 1;
                        }
                    }
                }
                Err(_) => out.left += 1,
            }
        }
        out
    }

    /// How the journal may write now (sealed when reviews are, nothing when locked).
    pub(super) fn journal_sealing(&self) -> super::device_lock::JournalSealing {
        self.lock.journal_sealing()
    }

    /// Opens the IndexedDB database called `name`.
    pub async fn open_indexed_db(name: &str) -> Result<Self, StoreError> {
        Self::with_backend(Backend::IndexedDb(IndexedDbStore::open(name).await?)).await
    }

    /// Opens the localStorage fallback.
    pub async fn open_local_storage() -> Result<Self, StoreError> {
        Self::with_backend(Backend::LocalStorage(LocalStore::open()?)).await
    }

    async fn with_backend(backend: Backend) -> Result<Self, StoreError> {
        let settings = backend.setting(DEVICE_LOCK_SETTING).await?.map(|t| DeviceLockSettings::parse(&t));
        let device = match backend.setting(DEVICE_SETTING).await?.and_then(|t| DeviceIdentity::parse(&t)) {
            Some(device) => device,
            None => {
                let device = DeviceIdentity { id: Uuid::from_bytes(random_bytes()), label: String::new() };
                backend.put_setting(DEVICE_SETTING, Some(&device.to_text())).await?;
                device
            }
        };
        Ok(ReviewStore {
            backend,
            lock: DeviceLock::new(settings),
            device: Arc::new(Mutex::new(device)),
            session: random_bytes(),
            histories: Arc::default(),
            sound_bytes: Arc::default(),
            keep_text: Arc::default(),
            kept_text: Arc::default(),
            fallback_reason: None,
        })
    }

    /// This device's id and name.
    pub fn device(&self) -> DeviceIdentity {
        locked(&self.device).clone()
    }

    /// Gives this device a name or role ("Lead reviewer, laptop 2"); later saves are
    /// recorded under it.
    pub async fn set_device_label(&self, label: &str) -> Result<(), StoreError> {
        let mut device = self.device();
        device.label = DeviceIdentity::tidy_label(label);
        self.backend.put_setting(DEVICE_SETTING, Some(&device.to_text())).await?;
        *locked(&self.device) = device;
        Ok(())
    }

    /// Who this page's saves are recorded as.
    pub fn author(&self) -> Author {
        locked(&self.device).author(self.session)
    }

    /// A short description of where reviews are kept, for the settings panel.
    pub fn description(&self) -> &'static str {
        match self.backend {
            Backend::IndexedDb(_) => "this browser's database (IndexedDB)",
            Backend::LocalStorage(_) => {
                "this browser's local storage (IndexedDB is unavailable; room for a few megabytes)"
            }
        }
    }

    /// Every review's library entry. Entries that cannot be read are skipped rather than
    /// hiding the whole library.
    pub async fn list(&self) -> Result<Vec<LibraryEntry>, StoreError> {
        let mut out = Vec::new();
        for text in self.backend.entry_texts().await? {
            match entry_text_kind(&text) {
                Ok(EntryText::Plain(entry)) => out.push(entry),
                Ok(EntryText::Sealed { id, revision, summary }) => {
                    let key = self.lock.reading_key()?;
                    let opened = encryption::open_text(&key, &summary, entry_binding(id).as_bytes()).await;
                    if let Some(entry) = opened.ok().and_then(|t| entry_from_summary(&t, revision).ok()) {
                        out.push(entry);
                    }
                }
                Err(_) => {}
            }
        }
        Ok(out)
    }

    /// One review, the revision it was saved at, and its history.
    pub async fn load(&self, id: ReviewId) -> Result<StoredReview, StoreError> {
        let raw = self.backend.raw(id).await?.ok_or(StoreError::NotFound)?;
        let revision = match entry_text_kind(&raw.entry_text)? {
            EntryText::Plain(entry) => entry.revision,
            EntryText::Sealed { revision, .. } => revision,
        };
        let stored = match review_text_kind(&raw.review_text)? {
            ReviewText::Plain => decode_stored(&raw.review_text)?,
            ReviewText::Sealed(sealed) => {
                let key = self.lock.reading_key()?;
                let text = encryption::open_text(&key, &sealed, review_binding(id).as_bytes())
                    .await
                    .map_err(|e| unreadable_sealed(&e))?;
                decode_stored(&text)?
            }
        };
        Ok(StoredReview { review: stored.review, revision, history: stored.history })
    }

    /// The history of a stored review: its own, or (saved before histories existed, or
    /// damaged) one brought over from the stored review itself.
    pub async fn load_history(&self, id: ReviewId) -> Result<(StoredReview, ReviewHistory), StoreError> {
        let stored = self.load(id).await?;
        let history = match stored.history.as_deref().map(|bytes| ReviewHistory::from_bytes(bytes, id)) {
            Some(Ok(history)) => {
                locked(&self.sound_bytes).insert(id, stored.revision);
                history
            }
            _ => ReviewHistory::bring_over(&stored.review).map_err(history_failed)?,
        };
        Ok((stored, history))
    }

    /// A file of the stored reviews `ids`, each with its history, and the stored reviews
    /// (so they can be marked exported).
    pub async fn file_text(&self, ids: &[ReviewId], when: chrono::DateTime<chrono::Utc>) -> Result<(String, Vec<StoredReview>), StoreError> {
        let mut all = Vec::with_capacity(ids.len());
        for id in ids {
            let stored = self.load(*id).await?;
            // Bytes this page saved or read back whole at this revision go in as they are:
            // reading a long review's history again would take seconds.
            let sound = locked(&self.sound_bytes).get(id) == Some(&stored.revision);
            let bytes = match (&stored.history, sound) {
                (Some(bytes), true) => bytes.clone(),
                _ => {
                    // The history read (or, for a review saved before histories existed,
                    // built) when the review was opened, if it is still at this revision.
                    let cached = locked(&self.histories).remove(id).filter(|(r, _)| *r == stored.revision);
                    match cached {
                        Some((revision, mut history)) => {
                            let bytes = history.to_bytes();
                            locked(&self.histories).entry(*id).or_insert((revision, history));
                            bytes
                        }
                        None => self.load_history(*id).await?.1.to_bytes(),
                    }
                }
            };
            all.push((stored, bytes));
        }
        let with: Vec<(&Review, Option<&[u8]>)> = all.iter().map(|(s, b)| (&s.review, Some(b.as_slice()))).collect();
        let text = super::file_format::write_file_with_histories(&with, when);
        Ok((text, all.into_iter().map(|(s, _)| s).collect()))
    }

    /// Reads review `id`'s history ahead of its first save (while the person is reading
    /// what they opened), so that save does not have to.
    pub async fn warm_history(&self, id: ReviewId, revision: u64) {
        if locked(&self.histories).get(&id).is_some_and(|(r, _)| *r == revision) {
            return;
        }
        if let Ok((stored, history)) = self.load_history(id).await {
            if stored.revision == revision {
                locked(&self.histories).entry(id).or_insert((revision, history));
            }
        }
    }

    /// The history a save of `review` at `base_revision` adds to.
    async fn history_for(&self, review: &Review, base_revision: Option<u64>) -> Result<ReviewHistory, StoreError> {
        let cached = locked(&self.histories).remove(&review.id);
        if let (Some((revision, history)), Some(base)) = (cached, base_revision) {
            if revision == base {
                return Ok(history);
            }
        }
        match self.load_history(review.id).await {
            Ok((_, history)) => Ok(history),
            Err(StoreError::NotFound) => ReviewHistory::begin(review, &self.author()).map_err(history_failed),
            Err(e) => Err(e),
        }
    }

    /// Writes `review` with `history` (already holding it), keeping the history for the
    /// next save.
    async fn write_with(&self, review: &Review, mut history: ReviewHistory, base_revision: Option<u64>) -> Result<u64, StoreError> {
        let bytes = history.to_bytes();
        let text = review_plaintext(review, Some(&bytes));
        let keep = locked(&self.keep_text).remove(&review.id).then(|| text.clone());
        let record = self.prepare_text(review, text).await?;
        let revision = self.backend.write(&record, base_revision).await?;
        locked(&self.histories).insert(review.id, (revision, history));
        locked(&self.sound_bytes).insert(review.id, revision);
        if let Some(text) = keep {
            locked(&self.kept_text).insert(review.id, (revision, text));
        }
        Ok(revision)
    }

    /// The next save of review `id` keeps its readable text for [`Self::file_text_of_saved`].
    pub fn keep_text_of_next_save(&self, id: ReviewId) {
        locked(&self.keep_text).insert(id);
        locked(&self.kept_text).remove(&id);
    }

    /// A file of review `id` as last saved, with its history: made from the text its last
    /// save kept (when asked for with [`Self::keep_text_of_next_save`] and still what is
    /// stored: nothing saved over it since, here or in another tab), or else read back from
    /// the database.
    pub async fn file_text_of_saved(&self, id: ReviewId, when: chrono::DateTime<chrono::Utc>) -> Result<String, StoreError> {
        locked(&self.keep_text).remove(&id);
        let kept = locked(&self.kept_text).remove(&id);
        if let Some((revision, text)) = kept {
            if self.stored_revision(id).await? == Some(revision) {
                if let Some(file) = super::file_format::file_from_stored_text(&text, when) {
                    return Ok(file);
                }
            }
        }
        Ok(self.file_text(&[id], when).await?.0)
    }

    /// The revision of review `id` in the database, read from its library entry alone.
    async fn stored_revision(&self, id: ReviewId) -> Result<Option<u64>, StoreError> {
        let text = match &self.backend {
            Backend::IndexedDb(s) => s.entry_text(id).await?,
            Backend::LocalStorage(s) => s.entry_text(id)?,
        };
        match text {
            None => Ok(None),
            Some(t) => Ok(Some(match entry_text_kind(&t)? {
                EntryText::Plain(entry) => entry.revision,
                EntryText::Sealed { revision, .. } => revision,
            })),
        }
    }

    /// Saves a review whose history was combined elsewhere (a merge of copies): `history`
    /// must already hold `review`. With `base_revision`, only if the stored copy is still
    /// at it.
    pub async fn save_with_history(&self, review: &Review, history: ReviewHistory, base_revision: Option<u64>) -> Result<u64, StoreError> {
        let _writing = self.lock.begin_write();
        self.write_with(review, history, base_revision).await
    }

    /// The stored texts of one review, exactly as kept (sealed, if they are).
    pub async fn raw(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        self.backend.raw(id).await
    }

    /// Saves if the stored copy is still at `base_revision`; returns the new revision.
    /// The save is recorded in the review's history as a change by this device.
    pub async fn save(&self, review: &Review, base_revision: u64) -> Result<u64, StoreError> {
        let _writing = self.lock.begin_write();
        let mut history = self.history_for(review, Some(base_revision)).await?;
        history.record(review, &self.author()).map_err(history_failed)?;
        self.write_with(review, history, Some(base_revision)).await
    }

    /// Saves over whatever is stored (recorded as a change on top of its history);
    /// returns the new revision.
    pub async fn replace(&self, review: &Review) -> Result<u64, StoreError> {
        let _writing = self.lock.begin_write();
        let mut history = self.history_for(review, None).await?;
        history.record(review, &self.author()).map_err(history_failed)?;
        self.write_with(review, history, None).await
    }

    /// The texts to write for `review`, sealed when a passphrase is set. All the
    /// encrypting happens here, before the write's transaction begins.
    pub(super) async fn prepare(&self, review: &Review, history: Option<&[u8]>) -> Result<PreparedRecord, StoreError> {
        self.prepare_text(review, review_plaintext(review, history)).await
    }

    /// As [`Self::prepare`], from the review's stored text (`review_plaintext`).
    async fn prepare_text(&self, review: &Review, text: String) -> Result<PreparedRecord, StoreError> {
        let Some(key) = self.lock.sealing_key()? else { return Ok(PreparedRecord::plain_text(review, text)) };
        let failed = |e: LockError| StoreError::Unavailable(e.to_string());
        let body = encryption::seal(&key, text.as_bytes(), review_binding(review.id).as_bytes())
            .await
            .map_err(failed)?;
        let summary = encryption::seal(&key, summary_plaintext(review).as_bytes(), entry_binding(review.id).as_bytes())
            .await
            .map_err(failed)?;
        Ok(PreparedRecord::sealed(review.id, body, summary))
    }

    /// Whether a review can be linked to a file in a shared folder on this device.
    pub fn shared_folder_support(&self) -> SharedFolderSupport {
        match &self.backend {
            Backend::LocalStorage(_) => SharedFolderSupport::NoDatabase,
            Backend::IndexedDb(_) if !super::shared_file::pickers_offered() => SharedFolderSupport::NotOffered,
            Backend::IndexedDb(_) => SharedFolderSupport::Available,
        }
    }

    /// The shared file a review is linked to on this device, if any.
    pub async fn shared_link(&self, id: ReviewId) -> Result<Option<SharedLink>, StoreError> {
        match &self.backend {
            Backend::IndexedDb(s) => Ok(s.setting_value(&SharedLink::setting_name(id)).await?.as_ref().and_then(SharedLink::from_js)),
            Backend::LocalStorage(_) => Ok(None),
        }
    }

    /// Links a review to a shared file on this device (`None` unlinks it; the file stays).
    pub async fn set_shared_link(&self, id: ReviewId, link: Option<&SharedLink>) -> Result<(), StoreError> {
        match &self.backend {
            Backend::IndexedDb(s) => s.put_setting_value(&SharedLink::setting_name(id), link.map(SharedLink::to_js).as_ref()).await,
            Backend::LocalStorage(_) => Err(StoreError::Unavailable(
                SharedFolderSupport::NoDatabase.explanation().unwrap_or_default().to_string(),
            )),
        }
    }

    /// Deletes a review and returns its stored texts, so the deletion can be undone.
    pub async fn delete(&self, id: ReviewId) -> Result<Option<RawRecord>, StoreError> {
        locked(&self.histories).remove(&id);
        locked(&self.sound_bytes).remove(&id);
        match &self.backend {
            Backend::IndexedDb(s) => s.delete(id).await,
            Backend::LocalStorage(s) => s.delete(id),
        }
    }

    /// Puts back a deleted review exactly as it was stored.
    pub async fn restore(&self, raw: &RawRecord) -> Result<(), StoreError> {
        locked(&self.histories).remove(&raw.id);
        locked(&self.sound_bytes).remove(&raw.id);
        match &self.backend {
            Backend::IndexedDb(s) => s.restore(raw).await,
            Backend::LocalStorage(s) => s.restore(raw),
        }
    }
}

fn set_marker(name: &str, set: bool) {
    use gloo_storage::Storage;
    let storage = gloo_storage::LocalStorage::raw();
    let _ = if set { storage.set_item(name, "1") } else { storage.remove_item(name) };
}

/// A sealed record this device's key does not open: damaged, or sealed under another key.
fn unreadable_sealed(e: &LockError) -> StoreError {
    match e {
        LockError::WrongPassphrase => StoreError::Unreadable(ImportError::Malformed {
            path: "sealed review".into(),
            reason: "it could not be decrypted with this device's passphrase".into(),
        }),
        other => StoreError::Unavailable(other.to_string()),
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
