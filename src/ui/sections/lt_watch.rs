//! Watching the open Learning Together review part by part. The review is one value,
//! changed by one model method per edit; after each change, the watcher compares the
//! review with how it stood before and wakes only the parts that differ. What a screen
//! shows follows only the parts it is drawn from, so a keystroke in a conversation's notes
//! costs the same whether the review has five findings or fifty.
//!
//! An edit made through [`edit_lt`](super::learning_together_sections::edit_lt) is compared
//! at once, so what the screen reads straight after it is already up to date; any other
//! change to the review (a merge from the shared folder) is compared a moment later.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::model::lt_part::LtPart;
use crate::model::{LearningTogether, Review};

/// One signal per part of the open review, woken when that part changes.
#[derive(Clone, Copy)]
pub struct LtWatch {
    review: RwSignal<Review>,
    parts: [Trigger; LtPart::ALL.len()],
    /// The review as the parts last saw it.
    before: StoredValue<Option<LearningTogether>>,
}

thread_local! {
    /// The watchers running on this page (one per open review: there is one, or none).
    static WATCHES: RefCell<Vec<LtWatch>> = const { RefCell::new(Vec::new()) };
}

impl LtWatch {
    /// Starts watching `review` for as long as the calling component lives.
    pub fn start(review: RwSignal<Review>) -> Self {
        let me = LtWatch {
            review,
            parts: std::array::from_fn(|_| Trigger::new()),
            // Taken now, so a change made before the watcher first runs is still seen.
            before: StoredValue::new(review.with_untracked(|r| r.learning_together().cloned())),
        };
        WATCHES.with(|w| w.borrow_mut().push(me));
        Effect::new(move |_| {
            review.track();
            me.compare();
        });
        on_cleanup(move || WATCHES.with(|w| w.borrow_mut().retain(|x| x.review != review)));
        me
    }

    /// The watcher of `review`, if one runs.
    pub fn of(review: RwSignal<Review>) -> Option<LtWatch> {
        WATCHES.with(|w| w.borrow().iter().find(|x| x.review == review).copied())
    }

    /// Wakes the parts that changed since the last comparison (and returns them).
    pub fn compare(&self) -> Vec<LtPart> {
        let me = *self;
        me.review
            .try_with_untracked(|r| {
                let now = r.learning_together();
                me.before
                    .try_update_value(|before| match (before.as_mut(), now) {
                        (Some(b), Some(n)) => {
                            let changed = n.parts_changed_since(b);
                            // Only the changed parts are copied: not every conversation on
                            // every key.
                            b.copy_parts_from(n, &changed);
                            changed.iter().for_each(|p| me.parts[p.index()].notify());
                            changed
                        }
                        (None, None) => Vec::new(),
                        _ => {
                            *before = now.cloned();
                            me.parts.iter().for_each(|t| t.notify());
                            LtPart::ALL.to_vec()
                        }
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default()
    }

    /// Makes the running closure follow `part`.
    pub fn track(&self, part: LtPart) {
        self.parts[part.index()].track();
    }
}

/// Reads one part of the open Learning Together review, following that part only (or,
/// where no watcher runs, the whole review).
pub fn read_lt<T: Default>(review: RwSignal<Review>, part: LtPart, f: impl FnOnce(&LearningTogether) -> T) -> T {
    read_lt_parts(review, &[part], f)
}

/// Reads something drawn from several parts, following each of them.
pub fn read_lt_parts<T: Default>(
    review: RwSignal<Review>,
    parts: &[LtPart],
    f: impl FnOnce(&LearningTogether) -> T,
) -> T {
    match LtWatch::of(review) {
        Some(watch) => parts.iter().for_each(|p| watch.track(*p)),
        None => review.track(),
    }
    review.with_untracked(|r| r.learning_together().map(f).unwrap_or_default())
}
