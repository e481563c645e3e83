//! The app lock is the device lock as the screens see it. When reviews on this device are
//! encrypted, the app shows nothing but the unlock screen until the passphrase is given.
//! It locks again when the person chooses "Lock now" (in every open tab) or after the
//! idle time they chose: first the open screen closes and saves what is pending, then the
//! key is dropped from memory, along with every review the screens held.

use std::time::Duration;

use leptos::prelude::*;

use super::contexts::{AnonymisedCopy, NoticeContext, TabContext};
use crate::storage::tab_sync::TabNotice;
use crate::storage::{LockStatus, ReviewStore};

/// How often the idle timer looks at the clock.
const IDLE_CHECK_MS: u64 = 5_000;

/// The lock's state for the screens, and the ways to lock.
#[derive(Clone)]
pub struct AppLock {
    /// Off, locked or unlocked, as the store last said.
    pub status: RwSignal<LockStatus>,
    /// True while locking: the screens have closed and saves are finishing.
    pub locking: RwSignal<bool>,
    /// Why the app locked, for the unlock screen ("after 15 minutes without activity").
    pub reason: RwSignal<Option<String>>,
    store: Option<ReviewStore>,
    notices: NoticeContext,
    copy: AnonymisedCopy,
}

impl AppLock {
    pub fn new(store: Option<ReviewStore>, notices: NoticeContext, copy: AnonymisedCopy) -> Self {
        let status = store.as_ref().map_or(LockStatus::Off, ReviewStore::lock_status);
        AppLock {
            status: RwSignal::new(status),
            locking: RwSignal::new(false),
            reason: RwSignal::new(None),
            store,
            notices,
            copy,
        }
    }

    /// True while the screens must show the unlock screen and nothing else.
    pub fn hides_reviews(&self) -> bool {
        self.locking.get() || self.status.get() == LockStatus::Locked
    }

    /// Locks now. `reason` is shown on the unlock screen; `tabs`, when given, tells the
    /// other tabs to lock too.
    pub fn lock_now(&self, reason: Option<String>, tabs: Option<&TabContext>) {
        let Some(store) = self.store.clone() else { return };
        if self.status.get_untracked() != LockStatus::Unlocked || self.locking.get_untracked() {
            return;
        }
        // Closing the screens makes them save what is pending; messages and the
        // anonymised copy may quote a review, so they go too.
        self.locking.set(true);
        self.reason.set(reason);
        self.notices.clear();
        self.copy.0.set(None);
        if let Some(tabs) = tabs {
            tabs.announce(TabNotice::DeviceLocked);
        }
        let (status, locking) = (self.status, self.locking);
        leptos::task::spawn_local(async move {
            store.wait_for_writes().await;
            store.lock();
            status.set(store.lock_status());
            locking.set(false);
        });
    }

    /// The passphrase was given on the unlock screen.
    pub fn unlocked(&self) {
        if let Some(store) = &self.store {
            self.status.set(store.lock_status());
        }
        self.reason.set(None);
    }

    /// The passphrase was set, removed or changed here; `status` is the store's new state.
    pub fn changed_here(&self) {
        if let Some(store) = &self.store {
            self.status.set(store.lock_status());
        }
    }

    /// Another tab set, changed or removed the passphrase: read it again. A tab that was
    /// not encrypting closes its screen first, so its pending edits are saved before it locks.
    pub fn changed_elsewhere(&self) {
        let Some(store) = self.store.clone() else { return };
        let was_off = self.status.get_untracked() == LockStatus::Off;
        if was_off {
            self.locking.set(true);
        }
        let (status, locking, reason) = (self.status, self.locking, self.reason);
        leptos::task::spawn_local(async move {
            if was_off {
                store.wait_for_writes().await;
            }
            let now = store.reload_lock_settings().await.unwrap_or(LockStatus::Locked);
            if now == LockStatus::Locked {
                reason.set(Some("A passphrase was set on this device in another tab.".into()));
            }
            status.set(now);
            locking.set(false);
        });
    }
}

/// Locks the app after the chosen idle time without a key press, click, touch or scroll.
/// Each tab watches its own activity, and an idle tab locks only itself.
pub fn watch_idle(lock: AppLock) {
    let Some(store) = lock.store.clone() else { return };
    let last_activity = StoredValue::new(js_sys::Date::now());
    let mut listeners = Vec::new();
    let touch = move || last_activity.set_value(js_sys::Date::now());
    listeners.push(window_event_listener(leptos::ev::keydown, move |_| touch()));
    listeners.push(window_event_listener(leptos::ev::pointerdown, move |_| touch()));
    listeners.push(window_event_listener(leptos::ev::pointermove, move |_| touch()));
    listeners.push(window_event_listener(leptos::ev::wheel, move |_| touch()));
    listeners.push(window_event_listener(leptos::ev::touchstart, move |_| touch()));
    listeners.push(window_event_listener(leptos::ev::input, move |_| touch()));
    // While locked, idle time does not count.
    Effect::new(move |_| {
        if lock.status.get() == LockStatus::Unlocked {
            touch();
        }
    });
    let check = {
        let lock = lock.clone();
        move || {
            if lock.status.get_untracked() != LockStatus::Unlocked {
                return;
            }
            let Some(minutes) = store.idle_minutes() else { return };
            let idle_ms = js_sys::Date::now() - last_activity.get_value();
            if idle_ms >= f64::from(minutes) * 60_000.0 {
                lock.lock_now(Some(format!("The app locked after {minutes} minutes without activity.")), None);
            }
        }
    };
    let interval = set_interval_with_handle(check, Duration::from_millis(IDLE_CHECK_MS)).ok();
    on_cleanup(move || {
        for l in listeners {
            l.remove();
        }
        if let Some(i) = interval {
            i.clear();
        }
    });
}
