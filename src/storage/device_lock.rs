//! The device lock is the optional passphrase that keeps the reviews on this device
//! encrypted. With it set, every review and library entry is stored sealed; the app
//! starts **locked** and shows nothing until the passphrase is given; it locks again on
//! request or after the chosen idle time, dropping the key from memory. Setting the
//! passphrase encrypts the reviews already here; removing it (after giving it once more)
//! decrypts them back. The passphrase and the key are never stored: only the salt, the
//! iteration count and a verifier that tells a right passphrase from a wrong one.
//!
//! Each step is ordered so that stopping half-way (a crash, a closed tab) loses nothing:
//! the settings are written before any review is sealed and removed only after every
//! review is unsealed, and a review left unsealed is sealed at the next unlock.

use std::cell::RefCell;
use std::rc::Rc;

use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::encryption::{self, DeviceKey};
use super::journal::{seal_readable_entries, JOURNAL_KEY_BINDING};
use super::journal_key::{JournalKey, JOURNAL_KEY_BYTES};
use super::envelope::{DeviceLockSettings, VERIFIER_TEXT};
use super::lock_error::LockError;
use super::passphrase::check_new;
use super::record::{entry_text_kind, EntryText};
use super::review_store::ReviewStore;
use super::store_error::StoreError;
use crate::model::ReviewId;

/// The name the device lock's settings are kept under.
pub const DEVICE_LOCK_SETTING: &str = "device-lock";
/// The additional data binding the verifier to its purpose.
const VERIFIER_BINDING: &[u8] = b"case-review-studio device lock verifier";
/// How long locking waits for saves already under way before it drops the key.
const MAX_WAIT_FOR_WRITES_MS: u32 = 5_000;

/// Whether reviews on this device are encrypted, and if so whether the app holds the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockStatus {
    /// No passphrase is set: reviews are stored as readable text.
    Off,
    /// A passphrase is set and has not been given (or the app locked again).
    Locked,
    /// A passphrase is set and was given: reviews can be read and written.
    Unlocked,
}

/// The lock's state, shared by every copy of the store in this tab.
#[derive(Clone, Debug)]
pub struct DeviceLock(SendWrapper<Rc<RefCell<LockState>>>);

#[derive(Debug)]
struct LockState {
    /// The stored settings (`Err` if they could not be read), or `None` when no passphrase is set.
    settings: Option<Result<DeviceLockSettings, String>>,
    /// In memory only; never extractable.
    key: Option<DeviceKey>,
    /// False only while the passphrase is being removed: reviews are then written unsealed
    /// while the key is still needed to read the sealed ones.
    seal_writes: bool,
    /// Saves under way, so locking can let them finish before dropping the key.
    writes: u32,
    /// Seals the journal synchronously while unlocked; made at unlock, wiped at lock.
    journal_key: Option<JournalKey>,
}

/// How the journal may write now.
#[derive(Clone, Debug)]
pub enum JournalSealing {
    /// No passphrase: readable, like the stored reviews.
    Plain,
    /// Sealed under this key.
    Sealed(JournalKey),
    /// Locked (or the key is not ready): write nothing at all.
    Refused,
}

/// Counts one save as under way until dropped.
pub struct WriteGuard(DeviceLock);

impl Drop for WriteGuard {
    fn drop(&mut self) {
        let mut s = self.0 .0.borrow_mut();
        s.writes = s.writes.saturating_sub(1);
    }
}

impl DeviceLock {
    pub(super) fn new(settings: Option<Result<DeviceLockSettings, String>>) -> Self {
        DeviceLock(SendWrapper::new(Rc::new(RefCell::new(LockState { settings, key: None, seal_writes: true, writes: 0, journal_key: None }))))
    }

    fn status(&self) -> LockStatus {
        let s = self.0.borrow();
        match (&s.settings, &s.key) {
            (None, _) => LockStatus::Off,
            (Some(_), None) => LockStatus::Locked,
            (Some(_), Some(_)) => LockStatus::Unlocked,
        }
    }

    /// The key to read sealed records with.
    pub(super) fn reading_key(&self) -> Result<DeviceKey, StoreError> {
        self.0.borrow().key.clone().ok_or(StoreError::Locked)
    }

    /// The key to seal new writes with: `None` when they are written as readable text. A
    /// locked device refuses to write at all, so nothing is ever written unsealed by mistake.
    pub(super) fn sealing_key(&self) -> Result<Option<DeviceKey>, StoreError> {
        let s = self.0.borrow();
        match (&s.settings, &s.key) {
            (None, _) => Ok(None),
            (Some(_), None) => Err(StoreError::Locked),
            (Some(_), Some(key)) => Ok(s.seal_writes.then(|| key.clone())),
        }
    }

    /// How the journal may write now: sealed whenever stored reviews are.
    pub(super) fn journal_sealing(&self) -> JournalSealing {
        let s = self.0.borrow();
        match (&s.settings, &s.key, &s.journal_key) {
            (None, _, _) => JournalSealing::Plain,
            (Some(_), Some(_), _) if !s.seal_writes => JournalSealing::Plain,
            (Some(_), Some(_), Some(k)) => JournalSealing::Sealed(k.clone()),
            _ => JournalSealing::Refused,
        }
    }

    /// Whether a passphrase is set on this device (locked or not).
    pub(super) fn is_set(&self) -> bool {
        self.0.borrow().settings.is_some()
    }

    pub(super) fn begin_write(&self) -> WriteGuard {
        self.0.borrow_mut().writes += 1;
        WriteGuard(self.clone())
    }

    fn settings(&self) -> Result<DeviceLockSettings, LockError> {
        match &self.0.borrow().settings {
            None => Err(LockError::NotSet),
            Some(Err(why)) => Err(LockError::Damaged(why.clone())),
            Some(Ok(s)) => Ok(s.clone()),
        }
    }
}

/// Waits `ms` milliseconds (0: until the browser has run what is already queued).
pub(crate) async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A fresh journal key, wrapped under the device key so a later unlock can open it.
async fn new_journal_key(device_key: &DeviceKey) -> Result<JournalKey, LockError> {
    let raw = encryption::random_bytes::<JOURNAL_KEY_BYTES>()?;
    let wrapped = encryption::seal(device_key, &raw, JOURNAL_KEY_BINDING).await?;
    Ok(JournalKey::new(raw, wrapped))
}

/// Makes the key from `passphrase` and checks it against the stored verifier.
async fn checked_key(settings: &DeviceLockSettings, passphrase: &str) -> Result<DeviceKey, LockError> {
    let key = encryption::derive_key(passphrase, &settings.derivation).await?;
    let text = encryption::open_text(&key, &settings.verifier, VERIFIER_BINDING).await?;
    if text == VERIFIER_TEXT {
        Ok(key)
    } else {
        Err(LockError::WrongPassphrase)
    }
}

/// Where this device remembers, outside the database, that it has a passphrase: if the
/// database ever fails to open, the app must stay locked rather than carry on unencrypted.
pub const PASSPHRASE_MARKER: &str = "case-review-studio/device-has-passphrase";

/// Records (or forgets) outside the database that a passphrase is set here.
pub(super) fn set_passphrase_marker(set: bool) {
    use gloo_storage::{LocalStorage, Storage};
    let storage = LocalStorage::raw();
    let _ = if set { storage.set_item(PASSPHRASE_MARKER, "1") } else { storage.remove_item(PASSPHRASE_MARKER) };
}

/// Whether this device said it has a passphrase.
pub(super) fn passphrase_marker() -> bool {
    use gloo_storage::{LocalStorage, Storage};
    LocalStorage::raw().get_item(PASSPHRASE_MARKER).ok().flatten().is_some()
}

impl ReviewStore {
    /// Whether reviews here are encrypted and whether the app holds the key.
    pub fn lock_status(&self) -> LockStatus {
        self.lock.status()
    }

    /// The idle time before the app locks, when a passphrase is set.
    pub fn idle_minutes(&self) -> Option<u32> {
        self.lock.settings().ok().map(|s| s.idle_minutes)
    }

    /// Unlocks with the passphrase; a wrong one changes nothing. Any review still stored
    /// unsealed (a set-up that was interrupted, or a save from a tab that had not heard
    /// of the passphrase yet) is sealed now.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), LockError> {
        let settings = self.lock.settings()?;
        let key = checked_key(&settings, passphrase).await?;
        let journal_key = new_journal_key(&key).await?;
        {
            let mut s = self.lock.0.borrow_mut();
            s.key = Some(key);
            s.seal_writes = true;
            s.journal_key = Some(journal_key);
        }
        // Best effort: whatever cannot be sealed now stays readable and is tried again at
        // the next unlock; the person is unlocked either way.
        let _ = self.rewrite_all(false, &|_, _| {}).await;
        Ok(())
    }

    /// Locks now: the key is dropped from memory. Call [`ReviewStore::wait_for_writes`]
    /// first so that saves already started can finish.
    pub fn lock(&self) {
        let mut s = self.lock.0.borrow_mut();
        s.key = None;
        // Dropping the journal key wipes its bytes.
        s.journal_key = None;
    }

    /// Waits until saves already under way have finished (or a few seconds have passed).
    pub async fn wait_for_writes(&self) {
        // Saves that screens started as they closed are queued tasks: let them begin.
        sleep_ms(0).await;
        let mut waited = 0;
        while self.lock.0.borrow().writes > 0 && waited < MAX_WAIT_FOR_WRITES_MS {
            sleep_ms(20).await;
            waited += 20;
        }
    }

    /// Sets a passphrase on this device and encrypts every review already here.
    /// `progress` hears (done, total) as reviews are encrypted. Returns how many were.
    pub async fn turn_on_encryption(
        &self,
        passphrase: &str,
        repeat: &str,
        idle_minutes: u32,
        progress: &dyn Fn(usize, usize),
    ) -> Result<usize, LockError> {
        check_new(passphrase, repeat)?;
        if self.lock.0.borrow().settings.is_some() {
            return Err(LockError::AlreadySet);
        }
        if !encryption::is_available() {
            return Err(LockError::Unavailable);
        }
        let derivation = encryption::new_derivation()?;
        let key = encryption::derive_key(passphrase, &derivation).await?;
        let verifier = encryption::seal(&key, VERIFIER_TEXT.as_bytes(), VERIFIER_BINDING).await?;
        let settings = DeviceLockSettings { derivation, verifier, idle_minutes };
        let journal_key = new_journal_key(&key).await?;
        // Written before any review is sealed, so an interrupted set-up is finished at the
        // next unlock rather than leaving sealed reviews without a way to open them.
        self.backend.put_setting(DEVICE_LOCK_SETTING, Some(&settings.to_text())).await?;
        {
            let mut s = self.lock.0.borrow_mut();
            s.settings = Some(Ok(settings));
            s.key = Some(key);
            s.seal_writes = true;
            s.journal_key = Some(journal_key);
        }
        set_passphrase_marker(true);
        seal_readable_entries(self);
        self.rewrite_all(false, progress).await
    }

    /// Removes the passphrase after checking it, and decrypts every review back to
    /// readable text. Returns how many were decrypted.
    pub async fn turn_off_encryption(&self, passphrase: &str, progress: &dyn Fn(usize, usize)) -> Result<usize, LockError> {
        let settings = self.lock.settings()?;
        let key = checked_key(&settings, passphrase).await?;
        {
            let mut s = self.lock.0.borrow_mut();
            s.key = Some(key);
            s.seal_writes = false;
        }
        let done = match self.rewrite_all(true, progress).await {
            Ok(done) => done,
            Err(e) => {
                // Still set: the reviews not yet decrypted stay sealed and readable.
                self.lock.0.borrow_mut().seal_writes = true;
                return Err(e);
            }
        };
        // Removed only once nothing sealed is left.
        self.backend.put_setting(DEVICE_LOCK_SETTING, None).await?;
        set_passphrase_marker(false);
        let mut s = self.lock.0.borrow_mut();
        s.settings = None;
        s.key = None;
        s.journal_key = None;
        s.seal_writes = true;
        Ok(done)
    }

    /// Changes how long the app may sit idle before it locks.
    pub async fn set_idle_minutes(&self, idle_minutes: u32) -> Result<(), LockError> {
        let mut settings = self.lock.settings()?;
        settings.idle_minutes = idle_minutes;
        self.backend.put_setting(DEVICE_LOCK_SETTING, Some(&settings.to_text())).await?;
        self.lock.0.borrow_mut().settings = Some(Ok(settings));
        Ok(())
    }

    /// Reads the device lock again after another tab changed it. If the passphrase was set,
    /// changed or removed there, this tab drops any key it held.
    pub async fn reload_lock_settings(&self) -> Result<LockStatus, LockError> {
        let text = self.backend.setting(DEVICE_LOCK_SETTING).await?;
        let settings = text.map(|t| DeviceLockSettings::parse(&t));
        let mut s = self.lock.0.borrow_mut();
        let same_passphrase = match (&s.settings, &settings) {
            (Some(Ok(a)), Some(Ok(b))) => a.derivation == b.derivation && a.verifier == b.verifier,
            (None, None) => true,
            _ => false,
        };
        if !same_passphrase {
            s.key = None;
            s.journal_key = None;
            s.seal_writes = true;
        }
        set_passphrase_marker(settings.is_some());
        // Same passphrase: only the idle time can have changed.
        s.settings = settings;
        drop(s);
        Ok(self.lock.status())
    }

    /// For a forgotten passphrase: deletes every review on this device and the passphrase,
    /// leaving an empty library. Exported files are untouched.
    pub async fn forget_everything(&self) -> Result<usize, LockError> {
        let ids = self.stored_ids().await?;
        for (id, _) in &ids {
            self.delete(*id).await?;
        }
        self.backend.put_setting(DEVICE_LOCK_SETTING, None).await?;
        set_passphrase_marker(false);
        // Recovery copies sealed under the forgotten passphrase can never be opened either.
        super::journal::forget_all();
        let mut s = self.lock.0.borrow_mut();
        s.settings = None;
        s.key = None;
        s.journal_key = None;
        s.seal_writes = true;
        Ok(ids.len())
    }

    /// Every stored review's id, and whether it is sealed.
    async fn stored_ids(&self) -> Result<Vec<(ReviewId, bool)>, StoreError> {
        Ok(self
            .backend
            .entry_texts()
            .await?
            .iter()
            .filter_map(|t| match entry_text_kind(t).ok()? {
                EntryText::Plain(e) => Some((e.summary.id, false)),
                EntryText::Sealed { id, .. } => Some((id, true)),
            })
            .collect())
    }

    /// Rewrites, as the lock now says (sealed or not), every review stored the other way:
    /// the sealed ones when `sealed` is true, else the readable ones. Each is loaded and
    /// saved through the usual revision check, retried if another tab saved it meanwhile.
    async fn rewrite_all(&self, sealed: bool, progress: &dyn Fn(usize, usize)) -> Result<usize, LockError> {
        let todo: Vec<ReviewId> =
            self.stored_ids().await?.into_iter().filter(|(_, s)| *s == sealed).map(|(id, _)| id).collect();
        let total = todo.len();
        progress(0, total);
        for (done, id) in todo.into_iter().enumerate() {
            let mut attempts = 0;
            loop {
                let stored = match self.load(id).await {
                    Ok(s) => s,
                    // Deleted by another tab meanwhile: nothing left to rewrite.
                    Err(StoreError::NotFound) => break,
                    Err(e) => return Err(e.into()),
                };
                match self.save(&stored.review, stored.revision).await {
                    Ok(_) => break,
                    Err(StoreError::Conflict { .. }) if attempts < 3 => attempts += 1,
                    Err(e) => return Err(e.into()),
                }
            }
            progress(done + 1, total);
        }
        Ok(total)
    }
}
