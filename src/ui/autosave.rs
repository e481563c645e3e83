//! Autosave keeps the open review safe without anyone pressing Save: each edit is written
//! to the device about 400 ms after typing pauses, at once when the tab is hidden or
//! closed, and never over newer work saved by another tab.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::model::Review;
use crate::storage::tab_sync::{TabNotice, TabSync};
use crate::storage::{ReviewStore, StoreError};

/// How long typing must pause before the review is written.
pub const AUTOSAVE_DELAY_MS: u64 = 400;

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
    latest: Review,
    revision: u64,
    /// Counts edits, so a save that finishes knows whether more edits came in meanwhile.
    edits: u64,
    saved_edits: u64,
    in_flight: bool,
    stopped: bool,
    timer: Option<TimeoutHandle>,
}

/// The autosave for one open review.
#[derive(Clone)]
pub struct Autosave {
    // Wrapped so the autosave can be captured by reactive views; wasm has one thread.
    inner: SendWrapper<Rc<RefCell<Inner>>>,
    status: RwSignal<SaveStatus>,
    sync: SendWrapper<Rc<TabSync>>,
}

impl Autosave {
    pub fn new(
        store: ReviewStore,
        review: Review,
        revision: u64,
        status: RwSignal<SaveStatus>,
        sync: Rc<TabSync>,
    ) -> Self {
        let inner = Inner {
            store,
            latest: review,
            revision,
            edits: 0,
            saved_edits: 0,
            in_flight: false,
            stopped: false,
            timer: None,
        };
        Autosave { inner: SendWrapper::new(Rc::new(RefCell::new(inner))), status, sync: SendWrapper::new(sync) }
    }

    /// Records the review after an edit and schedules a save.
    pub fn changed(&self, review: Review) {
        {
            let mut i = self.inner.borrow_mut();
            i.latest = review;
            i.edits += 1;
            if i.stopped {
                return;
            }
            if let Some(t) = i.timer.take() {
                t.clear();
            }
        }
        self.status.try_set(SaveStatus::Saving);
        let me = self.clone();
        let timer = set_timeout_with_handle(move || me.flush(), Duration::from_millis(AUTOSAVE_DELAY_MS));
        self.inner.borrow_mut().timer = timer.ok();
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
            i.in_flight = true;
            (i.store.clone(), i.latest.clone(), i.revision, i.edits)
        };
        let me = self.clone();
        leptos::task::spawn_local(async move {
            let result = store.save(&review, base).await;
            let more_edits = {
                let mut i = me.inner.borrow_mut();
                i.in_flight = false;
                match &result {
                    Ok(revision) => {
                        i.revision = *revision;
                        i.saved_edits = edits;
                    }
                    Err(StoreError::Conflict { .. }) => i.stopped = true,
                    Err(_) => {}
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
    pub fn latest(&self) -> Review {
        self.inner.borrow().latest.clone()
    }
}
