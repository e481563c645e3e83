//! Watching the open case discussion part by part. The review is one value, changed by one
//! model method per edit; after each change, the watcher compares the discussion with how
//! it stood before and wakes only the parts that differ. A box that shows a fact, a worry
//! or a tree box follows its own part, so a keystroke in one box on the board costs the
//! same whether the discussion is short or has a 500-box tree.
//!
//! An edit made through [`edit_cd`](super::case_discussion_sections::edit_cd) is compared at
//! once, so what the screen reads straight after it (the tree's new shape, to announce a
//! move) is already up to date; any other change to the review is compared a moment later.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::model::cd_part::CdPart;
use crate::model::case_discussion::CaseDiscussion;
use crate::model::Review;

/// One signal per part of the open discussion, woken when that part changes.
#[derive(Clone, Copy)]
pub struct CdWatch {
    review: RwSignal<Review>,
    parts: [Trigger; CdPart::ALL.len()],
    /// The discussion as the parts last saw it.
    before: StoredValue<Option<CaseDiscussion>>,
}

thread_local! {
    /// The watchers running on this page (one per open review: there is one, or none).
    static WATCHES: RefCell<Vec<CdWatch>> = const { RefCell::new(Vec::new()) };
}

impl CdWatch {
    /// Starts watching `review` for as long as the calling component lives.
    pub fn start(review: RwSignal<Review>) -> Self {
        let me = CdWatch {
            review,
            parts: std::array::from_fn(|_| Trigger::new()),
            // Taken now, so a change made before the watcher first runs is still seen.
            before: StoredValue::new(review.with_untracked(|r| r.case_discussion().cloned())),
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
    pub fn of(review: RwSignal<Review>) -> Option<CdWatch> {
        WATCHES.with(|w| w.borrow().iter().find(|x| x.review == review).copied())
    }

    /// Wakes the parts that changed since the last comparison.
    pub fn compare(&self) {
        let me = *self;
        me.review.with_untracked(|r| {
            let now = r.case_discussion();
            me.before.update_value(|before| match (before.as_mut(), now) {
                (Some(b), Some(n)) => {
                    let changed = n.parts_changed_since(b);
                    // Only the changed parts are copied: not the whole tree on every key.
                    b.copy_parts_from(n, &changed);
                    changed.into_iter().for_each(|p| me.parts[p.index()].notify());
                }
                (None, None) => {}
                _ => {
                    *before = now.cloned();
                    me.parts.iter().for_each(|t| t.notify());
                }
            });
        });
    }

    /// Makes the running closure follow `part`.
    pub fn track(&self, part: CdPart) {
        self.parts[part.index()].track();
    }
}

/// Reads one part of the open case discussion, following that part only (or, where no
/// watcher runs, the whole review).
pub fn read_cd<T: Default>(review: RwSignal<Review>, part: CdPart, f: impl FnOnce(&CaseDiscussion) -> T) -> T {
    read_cd_parts(review, &[part], f)
}

/// Reads something drawn from several parts, following each of them.
pub fn read_cd_parts<T: Default>(review: RwSignal<Review>, parts: &[CdPart], f: impl FnOnce(&CaseDiscussion) -> T) -> T {
    match CdWatch::of(review) {
        Some(watch) => parts.iter().for_each(|p| watch.track(*p)),
        None => review.track(),
    }
    review.with_untracked(|r| r.case_discussion().map(f).unwrap_or_default())
}
