//! Autosave keeps the open review safe without anyone pressing Save. Each edit is written
//! at once to this tab's journal (a recovery copy that survives a reload, a crash or the
//! browser closing), then to the device's database about 400 ms after typing pauses (and
//! at least every 1.5 s during a long burst of typing), at once when the tab is hidden or
//! closed, and never over newer work saved by another tab. "Saved on this device" is shown
//! only once the database holds every edit.
//!
//! Autosave follows a count of edits, not copies of the review: each edit is written to the
//! journal straight from the review on screen, and the review is copied for the database
//! only when the save starts.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::model::Review;
use crate::storage::journal::Journal;
use crate::storage::tab_sync::{TabNotice, TabSync};
use crate::storage::{ReviewStore, StoreError};
use crate::ui::browser::now;

/// How long typing must pause before the review is written to the database.
pub const AUTOSAVE_DELAY_MS: u64 = 400;
/// The longest an edit waits for the database while typing goes on without a pause.
pub const AUTOSAVE_MAX_WAIT_MS: f64 = 1_500.0;

/// The name under which each save's duration is recorded in the browser's performance
/// timeline (read by `make bench`).
pub const SAVE_TIMING: &str = "case-review-studio: save";

/// What the "Saved" indicator shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// Edits made; the write is about to start or running.
    Saving,
    /// Another tab saved a newer copy: this tab stopped saving so nothing is overwritten.
    Conflict,
    /// The browser refused the write; the last saved copy is intact.
    Failed(StoreError),
}

struct Inner {
    store: ReviewStore,
    /// The review as it stood when the editor closed (until then it is read from the
    /// screen's signal, so no copy is made on each edit).
    closed_with: Option<Review>,
    revision: u64,
    /// Counts edits, so a save that finishes knows whether more edits came in meanwhile.
    edits: u64,
    saved_edits: u64,
    in_flight: bool,
    stopped: bool,
    timer: Option<TimeoutHandle>,
    /// When the oldest edit the database does not hold yet was made (ms, page clock).
    pending_since: Option<f64>,
}

/// The autosave for one open review.
#[derive(Clone)]
pub struct Autosave {
    /// The review on screen.
    review: RwSignal<Review>,
    // Wrapped so the autosave can be captured by reactive views; wasm has one thread.
    inner: SendWrapper<Rc<RefCell<Inner>>>,
    status: RwSignal<SaveStatus>,
    sync: SendWrapper<Rc<TabSync>>,
    journal: SendWrapper<Rc<Journal>>,
}

fn page_clock() -> f64 {
    // Milliseconds; only differences are used.
    js_sys::Date::now()
}

impl Autosave {
    pub fn new(
        store: ReviewStore,
        review: RwSignal<Review>,
        revision: u64,
        status: RwSignal<SaveStatus>,
        sync: Rc<TabSync>,
        journal: Rc<Journal>,
    ) -> Self {
        let inner = Inner {
            store,
            closed_with: None,
            revision,
            edits: 0,
            saved_edits: 0,
            in_flight: false,
            stopped: false,
            timer: None,
            pending_since: None,
        };
        Autosave {
            review,
            inner: SendWrapper::new(Rc::new(RefCell::new(inner))),
            status,
            sync: SendWrapper::new(sync),
            journal: SendWrapper::new(journal),
        }
    }

    /// Reads the review as it now stands: on screen, or as it was when the editor closed.
    fn with_latest<T>(&self, i: &Inner, f: impl FnOnce(&Review) -> T) -> Option<T> {
        match &i.closed_with {
            Some(r) => Some(f(r)),
            None => self.review.try_with_untracked(f),
        }
    }

    /// Writes the review as it now stands to the journal.
    fn write_journal(&self, i: &Inner) {
        self.with_latest(i, |r| {
            let _ = self.journal.write(&i.store, r, i.revision, now());
        });
    }

    /// Records an edit to the review: into the journal at once, then schedules the
    /// database write.
    pub fn changed(&self) {
        let (wait, stopped) = {
            let mut i = self.inner.borrow_mut();
            // Written before anything else can happen: this is what survives a crash.
            self.write_journal(&i);
            i.edits += 1;
            let clock = page_clock();
            let since = *i.pending_since.get_or_insert(clock);
            if let Some(t) = i.timer.take() {
                t.clear();
            }
            let left = (AUTOSAVE_MAX_WAIT_MS - (clock - since)).max(0.0);
            ((AUTOSAVE_DELAY_MS as f64).min(left) as u64, i.stopped)
        };
        if stopped {
            return;
        }
        self.status.try_set(SaveStatus::Saving);
        let me = self.clone();
        let timer = set_timeout_with_handle(move || me.flush(), Duration::from_millis(wait));
        self.inner.borrow_mut().timer = timer.ok();
    }

    /// Another page closed the database: say so at once, and make sure the journal holds
    /// the review as it stands, so a reload brings it back.
    pub fn storage_closed(&self) {
        {
            let mut i = self.inner.borrow_mut();
            if let Some(t) = i.timer.take() {
                t.clear();
            }
            self.write_journal(&i);
            i.stopped = true;
        }
        self.status.try_set(SaveStatus::Failed(StoreError::Closed));
    }

    /// Writes pending edits now (tab hidden, page closing, leaving the review).
    pub fn flush(&self) {
        let (store, review, base, edits) = {
            let mut i = self.inner.borrow_mut();
            if let Some(t) = i.timer.take() {
                t.clear();
            }
            if i.stopped || i.in_flight || i.edits == i.saved_edits {
                return;
            }
            let Some(review) = self.with_latest(&i, Review::tidied) else { return };
            i.in_flight = true;
            (i.store.clone(), review, i.revision, i.edits)
        };
        let me = self.clone();
        leptos::task::spawn_local(async move {
            let started = crate::ui::browser::page_clock_ms();
            let result = store.save(&review, base).await;
            // The save (history change, sealing, database write), for `make bench`.
            crate::ui::browser::record_timing(SAVE_TIMING, started);
            let more_edits = {
                let mut i = me.inner.borrow_mut();
                i.in_flight = false;
                match &result {
                    Ok(revision) => {
                        i.revision = *revision;
                        i.saved_edits = edits;
                        if i.edits == i.saved_edits {
                            // The database holds every edit: the recovery copy is done with.
                            me.journal.clear(review.id);
                            i.pending_since = None;
                        } else {
                            // Later edits are still only in the journal: rebase them on the
                            // revision just written, so recovery never takes them for stale.
                            me.write_journal(&i);
                        }
                    }
                    Err(StoreError::Conflict { .. }) => i.stopped = true,
                    Err(StoreError::Closed) => i.stopped = true,
                    // The next edit starts a fresh wait rather than retrying on every key.
                    Err(_) => i.pending_since = None,
                }
                i.edits != i.saved_edits && !i.stopped
            };
            match result {
                Ok(revision) => {
                    me.sync.announce(&TabNotice::Saved { id: review.id, revision });
                    if more_edits {
                        me.flush();
                    } else {
                        me.status.try_set(SaveStatus::Saved);
                    }
                }
                Err(StoreError::Conflict { .. }) => {
                    me.status.try_set(SaveStatus::Conflict);
                }
                Err(e) => {
                    me.status.try_set(SaveStatus::Failed(e));
                }
            }
        });
    }

    /// Another tab saved `revision` of this review: if it is newer than ours, stop saving
    /// here and tell the person, so this tab never overwrites it.
    pub fn other_tab_saved(&self, revision: u64) {
        let newer = {
            let mut i = self.inner.borrow_mut();
            let newer = revision > i.revision && !i.in_flight;
            if newer {
                i.stopped = true;
                if let Some(t) = i.timer.take() {
                    t.clear();
                }
            }
            newer
        };
        if newer {
            self.status.try_set(SaveStatus::Conflict);
        }
    }

    /// Tries the last failed save again.
    pub fn retry(&self) {
        self.flush();
    }

    /// The latest edits, e.g. to save them as a copy after a conflict.
    pub fn latest(&self) -> Option<Review> {
        let i = self.inner.borrow();
        self.with_latest(&i, Review::clone)
    }

    /// The editor is closing: keeps the review as it stands (its signal goes with the
    /// editor) and writes what is pending.
    pub fn close(&self) {
        {
            let mut i = self.inner.borrow_mut();
            if i.closed_with.is_none() {
                i.closed_with = self.review.try_get_untracked();
            }
        }
        self.flush();
    }
}
