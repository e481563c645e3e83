//! The shared things every screen can reach: the device's review store, the message area
//! (with its "Undo" button), the connection to the app's other tabs, and the anonymised
//! copy of a review while it is being looked at.

use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::model::{Review, ReviewId};
use crate::storage::tab_sync::{TabNotice, TabSync};
use crate::storage::{ReviewStore, StoreError};

/// Where reviews are kept on this device, or why they cannot be.
#[derive(Clone)]
pub struct StoreContext(pub SendWrapper<Result<ReviewStore, StoreError>>);

impl StoreContext {
    pub fn store(&self) -> Result<ReviewStore, StoreError> {
        (*self.0).clone()
    }
}

/// A short message shown at the foot of the screen, optionally with an action to undo
/// what just happened.
#[derive(Clone)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    pub undo: Option<Callback<()>>,
}

/// The message area.
#[derive(Clone, Copy)]
pub struct NoticeContext(pub RwSignal<Option<Notice>>);

impl NoticeContext {
    pub fn say(&self, text: impl Into<String>) {
        self.0.set(Some(Notice { text: text.into(), is_error: false, undo: None }));
    }

    pub fn warn(&self, text: impl Into<String>) {
        self.0.set(Some(Notice { text: text.into(), is_error: true, undo: None }));
    }

    pub fn say_with_undo(&self, text: impl Into<String>, undo: Callback<()>) {
        self.0.set(Some(Notice { text: text.into(), is_error: false, undo: Some(undo) }));
    }

    pub fn clear(&self) {
        self.0.set(None);
    }
}

/// This tab's journal: the recovery copy of the open review's latest edits.
#[derive(Clone)]
pub struct JournalContext(pub SendWrapper<Rc<crate::storage::journal::Journal>>);

/// The last notice from another tab, and the way to send one.
#[derive(Clone)]
pub struct TabContext {
    pub last_notice: RwSignal<Option<TabNotice>>,
    pub sync: SendWrapper<Rc<TabSync>>,
}

impl TabContext {
    pub fn announce(&self, notice: TabNotice) {
        self.sync.announce(&notice);
    }
}

/// The anonymised copy last made from a review (with the id of the review it came from),
/// held in memory only (never saved) so its print view can be opened; cleared when the
/// app locks.
#[derive(Clone, Copy)]
pub struct AnonymisedCopy(pub RwSignal<Option<(ReviewId, Review)>>);

/// The part of the open review on screen, from the address (`#/review/<id>/<part>`); none
/// when the address names the review only (its first part).
#[derive(Clone, Copy)]
pub struct ReviewPartContext(pub Memo<Option<String>>);
