//! Undo for the whole case discussion: one history for the open discussion, so the room
//! can take back the last change wherever it was made — a worry removed by mistake, a box
//! dragged to the wrong place on the tree, a paragraph typed over. Typing in one part is
//! one step; a pause of a few seconds, or a change to another part, starts the next.
//! Undoing never takes back an item's id: an item added after an undo gets a fresh one.

use super::case_discussion::CaseDiscussion;
use super::cd_part::CdPart;
use super::edit_history::EditHistory;

/// How many steps can be undone. Each keeps a copy of the discussion; a hundred copies of
/// a discussion with a 500-box tree come to about 20 MB.
pub const UNDO_STEPS: usize = 100;

/// Typing that pauses for longer than this starts a new step (milliseconds).
pub const TYPING_PAUSE_MS: f64 = 3_000.0;

/// The undo and redo steps of one open discussion.
#[derive(Clone, Debug, Default)]
pub struct DiscussionUndo {
    history: EditHistory<CaseDiscussion>,
    /// The parts the last change touched, and when it was made.
    last: Option<(Vec<CdPart>, f64)>,
}

impl DiscussionUndo {
    /// Called for each change: `before` is the discussion as it was, `after` as it is now,
    /// `parts` what the change touched, `at` when (milliseconds on any clock that only goes
    /// forward). A copy is kept only when the change starts a new step: typing goes on in
    /// the same step; adding or removing an item is a step of its own.
    pub fn changed(&mut self, before: &CaseDiscussion, after: &CaseDiscussion, parts: &[CdPart], at: f64) {
        if parts.is_empty() {
            return;
        }
        let typing = item_counts(before) == item_counts(after);
        let same_run = typing && matches!(&self.last, Some((p, t)) if p.as_slice() == parts && at - t <= TYPING_PAUSE_MS);
        if !same_run {
            if !typing && self.history.last_recorded().is_some_and(|l| after.parts_changed_since(l).is_empty()) {
                // Straight back to where the last step began (a new box left empty and
                // taken away again): that step is nothing to undo.
                self.history.forget_last();
                self.last = None;
                return;
            }
            self.history.record_limited(before.clone(), UNDO_STEPS);
        }
        self.last = typing.then(|| (parts.to_vec(), at));
    }

    /// The next change starts a new step (a box picked up, a tree edit begun).
    pub fn new_step(&mut self) {
        self.last = None;
    }

    /// The discussion to go back to from `current`, if there is a step to undo.
    pub fn undo(&mut self, current: CaseDiscussion) -> Option<CaseDiscussion> {
        self.last = None;
        self.history.undo(current)
    }

    /// The discussion to go forward to from `current`, after an undo.
    pub fn redo(&mut self, current: CaseDiscussion) -> Option<CaseDiscussion> {
        self.last = None;
        self.history.redo(current)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }
}

/// How many items each list holds (and boxes the tree): what adding or removing changes.
fn item_counts(cd: &CaseDiscussion) -> [usize; 10] {
    fn boxes(nodes: &[super::problem_tree::TreeNode]) -> usize {
        nodes.iter().map(|n| 1 + boxes(&n.children)).sum()
    }
    [
        cd.header.attendees.len(),
        cd.facts.len(),
        cd.immediate_thoughts.len(),
        boxes(&cd.tree.effects) + boxes(&cd.tree.causes),
        cd.tree.parked.len(),
        cd.worries.len(),
        cd.strengths.len(),
        cd.information_gaps.len(),
        cd.people_to_involve.len(),
        cd.actions.len(),
    ]
}

impl CaseDiscussion {
    /// Puts the discussion back as it was at an earlier moment (Undo, Redo). Ids handed
    /// out since stay used, so a later item never takes the id of one undone.
    pub fn put_back(&mut self, earlier: CaseDiscussion) {
        let next_id = self.next_id.max(earlier.next_id);
        *self = earlier;
        self.next_id = next_id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes_field::NotesText;

    /// Makes a change and tells the undo, as the open review does.
    fn change(undo: &mut DiscussionUndo, cd: &mut CaseDiscussion, at: f64, f: impl FnOnce(&mut CaseDiscussion)) {
        let before = cd.clone();
        f(cd);
        undo.changed(&before, cd, &cd.parts_changed_since(&before), at);
    }

    #[test]
    fn typing_in_one_part_is_one_step_and_undo_takes_it_back_whole() {
        let mut undo = DiscussionUndo::default();
        let mut cd = CaseDiscussion::default();
        for (i, text) in ["A", "Am", "Ami", "Amira"].iter().enumerate() {
            change(&mut undo, &mut cd, i as f64 * 200.0, |cd| {
                cd.set_text(NotesText::AboutChild, text);
            });
        }
        let back = undo.undo(cd.clone()).unwrap();
        assert_eq!(back.about_child, "");
        assert!(!undo.can_undo());
        let again = undo.redo(back).unwrap();
        assert_eq!(again.about_child, "Amira");
    }

    #[test]
    fn a_pause_or_another_part_starts_a_new_step() {
        let mut undo = DiscussionUndo::default();
        let mut cd = CaseDiscussion::default();
        change(&mut undo, &mut cd, 0.0, |cd| {
            cd.set_text(NotesText::AboutChild, "Amira");
        });
        change(&mut undo, &mut cd, 100.0, |cd| {
            cd.add_worry("Nobody saw her on her own");
        });
        change(&mut undo, &mut cd, 10_000.0, |cd| {
            cd.add_worry("The school was not asked");
        });
        let one = undo.undo(cd.clone()).unwrap();
        assert_eq!(one.worries.len(), 1);
        let two = undo.undo(one).unwrap();
        assert!(two.worries.is_empty());
        assert_eq!(two.about_child, "Amira");
        let three = undo.undo(two).unwrap();
        assert_eq!(three.about_child, "");
    }

    #[test]
    fn each_item_added_is_a_step_of_its_own_however_quick() {
        let mut undo = DiscussionUndo::default();
        let mut cd = CaseDiscussion::default();
        change(&mut undo, &mut cd, 0.0, |cd| {
            cd.add_worry("One");
        });
        change(&mut undo, &mut cd, 50.0, |cd| {
            cd.add_worry("Two");
        });
        let back = undo.undo(cd.clone()).unwrap();
        assert_eq!(back.worries.len(), 1);
    }

    #[test]
    fn an_item_added_and_taken_away_again_leaves_nothing_to_undo() {
        let mut undo = DiscussionUndo::default();
        let mut cd = CaseDiscussion::default();
        let mut id = None;
        change(&mut undo, &mut cd, 0.0, |cd| id = cd.add_worry("x"));
        change(&mut undo, &mut cd, 900.0, |cd| {
            cd.remove_item(id.unwrap());
        });
        assert!(!undo.can_undo());
    }

    #[test]
    fn an_item_added_after_an_undo_gets_a_fresh_id() {
        let mut undo = DiscussionUndo::default();
        let mut cd = CaseDiscussion::default();
        let mut first = None;
        change(&mut undo, &mut cd, 0.0, |cd| first = cd.add_worry("First"));
        let back = undo.undo(cd.clone()).unwrap();
        cd.put_back(back);
        let second = cd.add_worry("Second");
        assert!(first.is_some() && second.is_some());
        assert_ne!(first, second);
    }
}
