//! The journal is this tab's recovery copy of the open review: the moment a key reaches
//! the page, the review as it now stands is written to the browser's localStorage, which
//! is synchronous, so a reload, a crash, or the browser or laptop shutting a second later
//! cannot take the edit with it. The database write (IndexedDB) follows a moment later;
//! once it commits, the journal entry is cleared. If the tab dies first, the next start
//! finds the entry and brings the edits back ("Recovered your last edits from 10:42").
//!
//! Each entry belongs to one tab (a tab holds a Web Lock for its life, so an entry whose
//! tab still runs is never touched by another), and remembers the stored revision its
//! edits started from: recovered edits are written only over that same revision, never
//! over newer work saved meanwhile (then they are kept as a separate copy instead).
//!
//! With a passphrase set, an entry is sealed with the [`JournalKey`] (kept in memory while
//! unlocked) and carries that key wrapped under the device key; only the review's id, the
//! tab and the revision stay readable, as for stored reviews.
//!
//! ```json
//! {"format": "case-review-studio-journal", "version": 1, "tab": "<hex>",
//!  "review_id": "<uuid>", "base_revision": 4,
//!  "written_at": "<RFC 3339>", "review": { ...the stored record's text... }}
//! {"format": "case-review-studio-journal", "version": 1, "tab": "<hex>",
//!  "review_id": "<uuid>", "base_revision": 4,
//!  "key": {"iv": "<base64>", "ciphertext": "<base64>"},
//!  "sealed": {"iv": "<base64>", "ciphertext": "<base64>"}}
//! ```

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::device_lock::JournalSealing;
use super::encryption;
use super::envelope::{Sealed, IV_BYTES};
use super::journal_key::JournalKey;
use super::journal_text::JournalText;
use super::record::{decode_review, review_plaintext};
use super::review_store::ReviewStore;
use super::store_error::StoreError;
use crate::model::{Review, ReviewId};

/// The name every journal entry carries.
pub const JOURNAL_FORMAT: &str = "case-review-studio-journal";
/// The journal entry format this app writes and reads.
pub const JOURNAL_VERSION: u64 = 1;
/// Where entries are kept in localStorage: `<prefix><review id>/<tab>`.
const ENTRY_PREFIX: &str = "case-review-studio/journal/";
/// Where a tab without Web Locks says it is still running (milliseconds since 1970).
const ALIVE_PREFIX: &str = "case-review-studio/tab-alive/";
/// How often such a tab says so.
const HEARTBEAT_MS: i32 = 1_000;
/// After how long without a heartbeat such a tab is taken to have gone.
const HEARTBEAT_STALE_MS: f64 = 4_000.0;
/// The additional data binding a wrapped journal key to its purpose.
pub const JOURNAL_KEY_BINDING: &[u8] = b"case-review-studio journal key";

/// This tab's journal.
pub struct Journal {
    tab: String,
    /// The open review's text, kept part by part between keystrokes.
    text: std::cell::RefCell<JournalText>,
}

/// Why an edit could not be written to the journal (the database save still follows).
#[derive(Clone, Debug, PartialEq)]
pub enum JournalError {
    /// The device is locked: nothing is written, readable or not.
    Locked,
    /// The browser refused (usually no room left in localStorage).
    Refused(String),
}

/// What the start-up found in the journal of a tab that had gone.
#[derive(Clone, Debug, PartialEq)]
pub enum Recovered {
    /// The edits were saved into the review.
    Restored { title: String, written_at: Option<DateTime<Utc>> },
    /// The review had been changed elsewhere since, so the edits were saved as a copy.
    KeptAsCopy { title: String, copy_title: String, written_at: Option<DateTime<Utc>> },
    /// The edits could not be brought back; the entry is left in place.
    Failed { why: String },
}

/// One entry as found in localStorage.
#[derive(Deserialize)]
struct EntryIn {
    format: String,
    version: u64,
    tab: String,
    review_id: ReviewId,
    base_revision: u64,
    #[serde(default)]
    written_at: Option<DateTime<Utc>>,
    #[serde(default)]
    review: Option<Value>,
    #[serde(default)]
    key: Option<Sealed>,
    #[serde(default)]
    sealed: Option<Sealed>,
}

/// The inside of a sealed entry.
#[derive(Deserialize)]
struct SealedInside {
    written_at: DateTime<Utc>,
    review: Value,
}

/// The binding of a sealed entry to its review.
fn entry_binding(id: ReviewId) -> String {
    format!("case-review-studio journal {id}")
}

fn entry_key(id: ReviewId, tab: &str) -> String {
    format!("{ENTRY_PREFIX}{id}/{tab}")
}

fn refused(e: JsValue) -> JournalError {
    JournalError::Refused(format!("{e:?}"))
}

impl Journal {
    /// Starts this tab's journal under a fresh tab name, and claims the name for as long
    /// as the tab runs.
    pub fn start() -> Self {
        let bytes = encryption::random_bytes::<8>().unwrap_or_else(|_| {
            let r = (js_sys::Math::random() * u64::MAX as f64) as u64;
            r.to_le_bytes()
        });
        let tab: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        claim_tab(&tab);
        Journal { tab, text: Default::default() }
    }

    /// The journal of a tab named `tab` that does not hold its lock, as a tab that has
    /// gone would have left it: for tests and recovery tools only.
    pub fn unclaimed(tab: &str) -> Self {
        Journal { tab: tab.to_string(), text: Default::default() }
    }

    /// This tab's name.
    pub fn tab(&self) -> &str {
        &self.tab
    }

    /// Writes `review`, whose edits started from stored revision `base_revision`, at once.
    pub fn write(&self, store: &ReviewStore, review: &Review, base_revision: u64, now: DateTime<Utc>) -> Result<(), JournalError> {
        let record = self.text.borrow_mut().record_text(review);
        let text = entry_text(&self.tab, store.journal_sealing(), review.id, &record, base_revision, now)?;
        LocalStorage::raw().set_item(&entry_key(review.id, &self.tab), &text).map_err(refused)
    }

    /// Forgets this tab's entry for a review once the database holds its edits.
    pub fn clear(&self, id: ReviewId) {
        let _ = LocalStorage::raw().remove_item(&entry_key(id, &self.tab));
    }

    /// Whether this tab holds an entry for the review (edits the database does not have yet).
    pub fn holds(&self, id: ReviewId) -> bool {
        LocalStorage::raw().get_item(&entry_key(id, &self.tab)).ok().flatten().is_some()
    }
}

/// The entry's text: readable, or sealed under the journal key.
fn entry_text(tab: &str, sealing: JournalSealing, id: ReviewId, record: &str, base: u64, now: DateTime<Utc>) -> Result<String, JournalError> {
    let when = now.to_rfc3339();
    let head = format!(
        r#"{{"format":"{JOURNAL_FORMAT}","version":{JOURNAL_VERSION},"tab":"{tab}","review_id":"{id}","base_revision":{base}"#
    );
    match sealing {
        JournalSealing::Plain => Ok(format!(r#"{head},"written_at":"{when}","review":{record}}}"#)),
        JournalSealing::Sealed(key) => {
            let inside = format!(r#"{{"written_at":"{when}","review":{record}}}"#);
            let iv = encryption::random_bytes::<IV_BYTES>().map_err(|e| JournalError::Refused(e.to_string()))?;
            let sealed = key.seal(iv, inside.as_bytes(), entry_binding(id).as_bytes());
            let key_text = serde_json::to_string(&key.wrapped).map_err(|e| JournalError::Refused(e.to_string()))?;
            let sealed_text = serde_json::to_string(&sealed).map_err(|e| JournalError::Refused(e.to_string()))?;
            Ok(format!(r#"{head},"key":{key_text},"sealed":{sealed_text}}}"#))
        }
        JournalSealing::Refused => Err(JournalError::Locked),
    }
}

/// Re-writes every readable entry sealed, once a passphrase has been set, so nothing
/// readable is left behind.
pub fn seal_readable_entries(store: &ReviewStore) {
    let JournalSealing::Sealed(key) = store.journal_sealing() else { return };
    for (name, text) in entries() {
        let Ok(entry) = serde_json::from_str::<EntryIn>(&text) else { continue };
        let (Some(review), Some(when)) = (entry.review, entry.written_at) else { continue };
        let Ok(review) = decode_review(&review.to_string()) else { continue };
        if let Ok(t) = entry_text(&entry.tab, JournalSealing::Sealed(key.clone()), review.id, &review_plaintext(&review, None), entry.base_revision, when) {
            let _ = LocalStorage::raw().set_item(&name, &t);
        }
    }
}

/// Removes every journal entry on this device (after everything was deleted).
pub fn forget_all() {
    for (name, _) in entries() {
        let _ = LocalStorage::raw().remove_item(&name);
    }
}

/// Every journal entry in localStorage: (storage key, text).
fn entries() -> Vec<(String, String)> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let names: Vec<String> = (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(ENTRY_PREFIX)).collect();
    names.into_iter().filter_map(|n| storage.get_item(&n).ok().flatten().map(|t| (n, t))).collect()
}

/// Brings back the edits of tabs that have gone (closed, crashed, reloaded) before their
/// database write: each is saved into its review when the stored copy is still the one the
/// edits started from (or is missing), and otherwise kept as a separate copy, so nothing
/// saved meanwhile is overwritten. Entries of tabs still running are left alone. Needs the
/// store unlocked when entries are sealed; a locked store leaves them for after unlocking.
pub async fn recover(store: &ReviewStore, this_tab: &Journal, new_id: &dyn Fn() -> ReviewId, now: DateTime<Utc>) -> Vec<Recovered> {
    let found = entries();
    if found.is_empty() {
        return Vec::new();
    }
    let live = live_tabs().await;
    let mut out = Vec::new();
    for (name, text) in found {
        let Ok(entry) = serde_json::from_str::<EntryIn>(&text) else {
            // Not an entry this app wrote; nothing could be brought back from it.
            continue;
        };
        if entry.format != JOURNAL_FORMAT || entry.version > JOURNAL_VERSION {
            continue;
        }
        if entry.tab == this_tab.tab || is_live(&entry.tab, live.as_ref()) {
            continue;
        }
        match recover_entry(store, entry, new_id, now).await {
            Ok(Some(r)) => {
                out.push(r);
                let _ = LocalStorage::raw().remove_item(&name);
            }
            Ok(None) => {
                let _ = LocalStorage::raw().remove_item(&name);
            }
            Err(StoreError::Locked) => {}
            Err(e) => out.push(Recovered::Failed { why: e.to_string() }),
        }
    }
    out
}

/// One entry: `Ok(None)` when the database already holds exactly these edits.
async fn recover_entry(store: &ReviewStore, entry: EntryIn, new_id: &dyn Fn() -> ReviewId, now: DateTime<Utc>) -> Result<Option<Recovered>, StoreError> {
    let (written_at, review_value) = match (entry.review, entry.key, entry.sealed) {
        (Some(review), _, _) => (entry.written_at, review),
        (None, Some(wrapped), Some(sealed)) => {
            let device_key = store.lock.reading_key()?;
            let unreadable = |why: &str| StoreError::Unavailable(format!("the recovery copy could not be opened: {why}"));
            let raw = encryption::open(&device_key, &wrapped, JOURNAL_KEY_BINDING).await.map_err(|e| unreadable(&e.to_string()))?;
            let key = JournalKey::from_unwrapped(&raw, wrapped).map_err(|_| unreadable("damaged key"))?;
            let bytes = key.open(&sealed, entry_binding(entry.review_id).as_bytes()).map_err(|_| unreadable("damaged"))?;
            let inside: SealedInside = serde_json::from_slice(&bytes).map_err(|e| unreadable(&e.to_string()))?;
            (Some(inside.written_at), inside.review)
        }
        _ => return Ok(None),
    };
    let review = decode_review(&review_value.to_string())?.tidied();
    if review.id != entry.review_id {
        return Ok(None);
    }
    match store.load(review.id).await {
        Ok(stored) if stored.review == review => Ok(None),
        Ok(stored) if stored.revision == entry.base_revision => {
            store.save(&review, stored.revision).await?;
            Ok(Some(Recovered::Restored { title: review.title.clone(), written_at }))
        }
        Ok(_) => {
            let mut copy = review.duplicate(new_id(), now);
            copy.title = recovered_copy_title(&review.title);
            store.save(&copy, 0).await?;
            Ok(Some(Recovered::KeptAsCopy { title: review.title, copy_title: copy.title, written_at }))
        }
        Err(StoreError::NotFound) => {
            store.save(&review, 0).await?;
            Ok(Some(Recovered::Restored { title: review.title.clone(), written_at }))
        }
        Err(e) => Err(e),
    }
}

/// The title of a copy made from recovered edits.
pub fn recovered_copy_title(title: &str) -> String {
    format!("{title} (recovered edits)").chars().take(crate::model::review::MAX_TITLE_CHARS).collect()
}

fn is_live(tab: &str, live: Option<&HashSet<String>>) -> bool {
    match live {
        Some(names) => names.contains(&lock_name(tab)),
        None => {
            let seen = LocalStorage::raw().get_item(&format!("{ALIVE_PREFIX}{tab}")).ok().flatten();
            seen.and_then(|t| t.parse::<f64>().ok()).is_some_and(|t| js_sys::Date::now() - t < HEARTBEAT_STALE_MS)
        }
    }
}

fn lock_name(tab: &str) -> String {
    format!("case-review-studio/tab/{tab}")
}

/// The browser's Web Locks, where it offers them (secure pages in current browsers).
fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// Holds a lock named for this tab until the tab goes (the browser lets go of it then,
/// even after a crash). Without Web Locks, the tab says it is alive every second instead.
fn claim_tab(tab: &str) {
    if let Some(locks) = lock_manager() {
        let hold: Closure<dyn FnMut(JsValue) -> js_sys::Promise> = Closure::new(|_lock: JsValue| js_sys::Promise::new(&mut |_, _| {}));
        if let Ok(request) = js_sys::Reflect::get(&locks, &"request".into()) {
            if let Ok(request) = request.dyn_into::<js_sys::Function>() {
                let _ = request.call2(&locks, &lock_name(tab).into(), hold.as_ref().unchecked_ref());
            }
        }
        // The closure must live as long as the tab.
        hold.forget();
        return;
    }
    let key = format!("{ALIVE_PREFIX}{tab}");
    let beat = {
        let key = key.clone();
        move || {
            let _ = LocalStorage::raw().set_item(&key, &js_sys::Date::now().to_string());
        }
    };
    beat();
    let tick: Closure<dyn FnMut()> = Closure::new(beat);
    if let Some(w) = web_sys::window() {
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), HEARTBEAT_MS);
        let gone: Closure<dyn FnMut()> = Closure::new(move || {
            let _ = LocalStorage::raw().remove_item(&key);
        });
        let _ = w.add_event_listener_with_callback("pagehide", gone.as_ref().unchecked_ref());
        gone.forget();
    }
    tick.forget();
}

/// The names of the locks held by running tabs, or `None` without Web Locks.
async fn live_tabs() -> Option<HashSet<String>> {
    let locks = lock_manager()?;
    let query = js_sys::Reflect::get(&locks, &"query".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = query.call0(&locks).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let snapshot = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let held = js_sys::Reflect::get(&snapshot, &"held".into()).ok()?;
    let held: js_sys::Array = held.dyn_into().ok()?;
    Some(
        held.iter()
            .filter_map(|l| js_sys::Reflect::get(&l, &"name".into()).ok().and_then(|n| n.as_string()))
            .collect(),
    )
}
