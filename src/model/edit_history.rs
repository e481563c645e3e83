//! Edit history lets the facilitator undo and redo changes to the tree. Before each change
//! the screen hands the history a copy of how things were; **Undo** goes back to the copy
//! before, **Redo** forward again, and making a fresh change after an undo drops the redo
//! steps (there is no longer a "forward" to go to). Only the most recent
//! [`HISTORY_LIMIT`] changes can be undone.
//!
//! The history keeps whole copies (snapshots) rather than a list of edits, so undoing can
//! never go wrong in a way that leaves the tree half-changed. It works for any value that
//! can be copied and compared: the open case discussion's undo
//! ([`super::discussion_undo`]) is built on it.

use std::collections::VecDeque;

/// How many changes can be undone; older ones are forgotten, oldest first. A meeting
/// rarely makes more than this many changes without a pause, and a copy of a tree is small.
pub const HISTORY_LIMIT: usize = 200;

/// The undo and redo steps for one value (for example one review's analysis tree).
#[derive(Clone, Debug)]
pub struct EditHistory<T: Clone> {
    /// Earlier states, most recent at the back.
    undo: VecDeque<T>,
    /// States undone, most recently undone at the back.
    redo: Vec<T>,
}

impl<T: Clone> Default for EditHistory<T> {
    fn default() -> Self {
        EditHistory {
            undo: VecDeque::new(),
            redo: Vec::new(),
        }
    }
}

impl<T: Clone + PartialEq> EditHistory<T> {
    /// An empty history: nothing to undo or redo.
    pub fn new() -> Self {
        Self::default()
    }

    /// Call with the state as it is just *before* applying a change. Drops any redo steps.
    ///
    /// Recording the same state twice in a row keeps one step, so a change that turned out
    /// to change nothing (a refused move, retyping the same word) and the change after it
    /// share a step. A step equal to the state being left is passed over by [`Self::undo`],
    /// so Undo never appears to do nothing; still, where the screen knows a change was
    /// refused it is better not to record it, since recording drops the redo steps.
    pub fn record(&mut self, before: T) {
        self.record_limited(before, HISTORY_LIMIT);
    }

    /// As [`Self::record`], keeping at most `limit` steps (for values too large to keep
    /// [`HISTORY_LIMIT`] copies of).
    pub fn record_limited(&mut self, before: T, limit: usize) {
        self.redo.clear();
        if self.undo.back() == Some(&before) {
            return;
        }
        self.undo.push_back(before);
        while self.undo.len() > limit {
            self.undo.pop_front();
        }
    }

    /// Steps back: given the state as it is now, returns the state to go back to, and keeps
    /// `current` for [`Self::redo`]. `None` (and nothing kept) when there is nothing to undo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = pop_different(|| self.undo.pop_back(), &current)?;
        self.redo.push(current);
        Some(previous)
    }

    /// Steps forward again after an undo: given the state as it is now, returns the state
    /// to go to, and keeps `current` for [`Self::undo`]. `None` when there is nothing to
    /// redo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = pop_different(|| self.redo.pop(), &current)?;
        self.undo.push_back(current);
        while self.undo.len() > HISTORY_LIMIT {
            self.undo.pop_front();
        }
        Some(next)
    }

    /// True when there is a step to undo. After recording only changes that changed
    /// nothing this is still true, and the first Undo then finds nothing and returns `None`.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The state the next undo goes back to.
    pub fn last_recorded(&self) -> Option<&T> {
        self.undo.back()
    }

    /// Forgets the last recorded state (a change that came straight back to it, so the
    /// step between is nothing to undo).
    pub fn forget_last(&mut self) {
        self.undo.pop_back();
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// Pops states until one differs from `current`: going "back" to the state already shown
/// would look to the facilitator as if the button did nothing.
fn pop_different<T: PartialEq>(mut pop: impl FnMut() -> Option<T>, current: &T) -> Option<T> {
    loop {
        let state = pop()?;
        if state != *current {
            return Some(state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies a change the way the screen does: record, then edit.
    fn change(history: &mut EditHistory<String>, text: &mut String, to: &str) {
        history.record(text.clone());
        *text = to.to_string();
    }

    #[test]
    fn a_new_history_has_nothing_to_undo_or_redo() {
        let mut history = EditHistory::<String>::new();
        assert!(!history.can_undo());
        assert!(!history.can_redo());
        assert_eq!(history.undo("now".into()), None);
        assert_eq!(history.redo("now".into()), None);
        assert!(!history.can_redo(), "a failed undo keeps nothing for redo");
    }

    #[test]
    fn undo_goes_back_one_change_at_a_time_and_redo_comes_forward_again() {
        let mut history = EditHistory::new();
        let mut text = String::from("a");
        change(&mut history, &mut text, "ab");
        change(&mut history, &mut text, "abc");
        assert!(history.can_undo());

        text = history.undo(text).unwrap();
        assert_eq!(text, "ab");
        text = history.undo(text).unwrap();
        assert_eq!(text, "a");
        assert_eq!(history.undo(text.clone()), None);
        assert!(!history.can_undo());

        assert!(history.can_redo());
        text = history.redo(text).unwrap();
        assert_eq!(text, "ab");
        text = history.redo(text).unwrap();
        assert_eq!(text, "abc");
        assert!(!history.can_redo());
        assert_eq!(history.undo(text), Some("ab".into()));
    }

    #[test]
    fn a_fresh_change_after_undo_drops_the_redo_steps() {
        let mut history = EditHistory::new();
        let mut text = String::from("a");
        change(&mut history, &mut text, "ab");
        text = history.undo(text).unwrap();
        change(&mut history, &mut text, "ax");
        assert!(!history.can_redo());
        assert_eq!(history.undo(text), Some("a".into()));
    }

    #[test]
    fn a_change_that_changed_nothing_does_not_leave_an_undo_that_does_nothing() {
        let mut history = EditHistory::new();
        let mut text = String::from("a");
        change(&mut history, &mut text, "b");
        change(&mut history, &mut text, "b"); // e.g. a refused move
        change(&mut history, &mut text, "b");
        assert_eq!(history.undo(text.clone()), Some("a".into()));
        assert!(!history.can_undo());
    }

    #[test]
    fn only_the_most_recent_changes_can_be_undone() {
        let mut history = EditHistory::new();
        let mut n = 0_usize;
        for _ in 0..HISTORY_LIMIT + 50 {
            history.record(n);
            n += 1;
        }
        let mut undone = 0;
        while let Some(earlier) = history.undo(n) {
            n = earlier;
            undone += 1;
        }
        assert_eq!(undone, HISTORY_LIMIT);
        assert_eq!(n, 50);
        // Redo is bounded by what undo held, and brings back every step.
        let mut redone = 0;
        while let Some(later) = history.redo(n) {
            n = later;
            redone += 1;
        }
        assert_eq!(redone, HISTORY_LIMIT);
        assert_eq!(n, HISTORY_LIMIT + 50);
    }
}
