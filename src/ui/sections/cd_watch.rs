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
use crate::model::discussion_undo::DiscussionUndo;
use crate::model::Review;
use crate::ui::browser::now;

/// One signal per part of the open discussion, woken when that part changes; and the
/// discussion's undo, which keeps the part-by-part copy's earlier states.
#[derive(Clone, Copy)]
pub struct CdWatch {
    review: RwSignal<Review>,
    parts: [Trigger; CdPart::ALL.len()],
    /// The discussion as the parts last saw it.
    before: StoredValue<Option<CaseDiscussion>>,
    undo: StoredValue<DiscussionUndo>,
    /// True while an undo or redo is being applied (it is not itself a step).
    applying: StoredValue<bool>,
    /// Whether there is a step to undo, and to redo.
    pub steps: RwSignal<(bool, bool)>,
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
            undo: StoredValue::new(DiscussionUndo::default()),
            applying: StoredValue::new(false),
            steps: RwSignal::new((false, false)),
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

    /// Wakes the parts that changed since the last comparison (and returns them).
    pub fn compare(&self) -> Vec<CdPart> {
        let me = *self;
        let Some(changed) = me.review.try_with_untracked(|r| {
            let now = r.case_discussion();
            let applying = me.applying.try_get_value().unwrap_or(false);
            me.before
                .try_update_value(|before| match (before.as_mut(), now) {
                    (Some(b), Some(n)) => {
                        let changed = n.parts_changed_since(b);
                        if !applying && !changed.is_empty() {
                            me.undo.update_value(|u| u.changed(b, n, &changed, js_sys::Date::now()));
                        }
                        // Only the changed parts are copied: not the whole tree on every key.
                        b.copy_parts_from(n, &changed);
                        changed.iter().for_each(|p| me.parts[p.index()].notify());
                        changed
                    }
                    (None, None) => Vec::new(),
                    _ => {
                        *before = now.cloned();
                        me.parts.iter().for_each(|t| t.notify());
                        CdPart::ALL.to_vec()
                    }
                })
                .unwrap_or_default()
        }) else {
            return Vec::new();
        };
        if let Some(steps) = me.undo.try_with_value(|u| (u.can_undo(), u.can_redo())) {
            if me.steps.try_get_untracked() != Some(steps) {
                me.steps.try_set(steps);
            }
        }
        changed
    }

    /// The next change starts a new undo step.
    pub fn new_step(&self) {
        self.undo.update_value(|u| u.new_step());
    }

    /// Takes back the last step; returns the parts it changed (none when there was nothing
    /// to undo).
    pub fn undo(&self) -> Vec<CdPart> {
        self.step(|u, current| u.undo(current))
    }

    /// Does again the step last undone; returns the parts it changed.
    pub fn redo(&self) -> Vec<CdPart> {
        self.step(|u, current| u.redo(current))
    }

    fn step(&self, f: impl FnOnce(&mut DiscussionUndo, CaseDiscussion) -> Option<CaseDiscussion>) -> Vec<CdPart> {
        let Some(current) = self.review.with_untracked(|r| r.case_discussion().cloned()) else { return Vec::new() };
        let Some(to) = self.undo.try_update_value(|u| f(u, current)).flatten() else { return Vec::new() };
        self.applying.set_value(true);
        self.review.update(|r| r.edit_case_discussion(now(), |cd| cd.put_back(to)));
        let changed = self.compare();
        self.applying.set_value(false);
        changed
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
