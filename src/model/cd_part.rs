//! The parts of a case discussion as the room sees them: the header (who is here, the
//! focal question), the facts, about the child, immediate thoughts, the analysis tree,
//! worries, what worked well, missing information, who else to involve, the actions and
//! the outcome. A screen that shows one part needs to change only when that part does, so
//! typing in "About the child" leaves the 500 boxes of the tree and every action card alone.

use super::case_discussion::CaseDiscussion;

/// One part of a case discussion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CdPart {
    Header,
    Facts,
    AboutChild,
    Thoughts,
    Tree,
    Worries,
    Strengths,
    Gaps,
    People,
    Actions,
    Outcome,
}

impl CdPart {
    /// Every part, in the tool's order.
    pub const ALL: [CdPart; 11] = [
        CdPart::Header,
        CdPart::Facts,
        CdPart::AboutChild,
        CdPart::Thoughts,
        CdPart::Tree,
        CdPart::Worries,
        CdPart::Strengths,
        CdPart::Gaps,
        CdPart::People,
        CdPart::Actions,
        CdPart::Outcome,
    ];

    /// The part as the room calls it, e.g. "the analysis tree".
    pub fn label(self) -> String {
        match self {
            CdPart::Header => "who is here and the focal question",
            CdPart::Facts => "the facts",
            CdPart::AboutChild => "about the child",
            CdPart::Thoughts => "immediate thoughts",
            CdPart::Tree => "the analysis tree",
            CdPart::Worries => "what we are worried about",
            CdPart::Strengths => "what worked well",
            CdPart::Gaps => "missing information",
            CdPart::People => "who else to involve",
            CdPart::Actions => "the actions",
            CdPart::Outcome => "the outcome",
        }
        .to_string()
    }

    /// Its place in [`CdPart::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl CaseDiscussion {
    /// The parts in which this discussion differs from `before`.
    pub fn parts_changed_since(&self, before: &CaseDiscussion) -> Vec<CdPart> {
        // Written out field by field with no `..`, so a field added to the discussion does
        // not compile until it is given a part.
        let CaseDiscussion {
            header,
            facts,
            about_child,
            immediate_thoughts,
            tree,
            worries,
            strengths,
            information_gaps,
            people_to_involve,
            actions,
            outcome,
            // The next free id changes only with an item added to one of the parts.
            next_id: _,
        } = self;
        let mut changed = Vec::new();
        let mut part = |same: bool, p: CdPart| {
            if !same {
                changed.push(p);
            }
        };
        part(*header == before.header, CdPart::Header);
        part(*facts == before.facts, CdPart::Facts);
        part(*about_child == before.about_child, CdPart::AboutChild);
        part(*immediate_thoughts == before.immediate_thoughts, CdPart::Thoughts);
        part(*tree == before.tree, CdPart::Tree);
        part(*worries == before.worries, CdPart::Worries);
        part(*strengths == before.strengths, CdPart::Strengths);
        part(*information_gaps == before.information_gaps, CdPart::Gaps);
        part(*people_to_involve == before.people_to_involve, CdPart::People);
        part(*actions == before.actions, CdPart::Actions);
        part(*outcome == before.outcome, CdPart::Outcome);
        changed
    }

    /// Makes `parts` of this discussion (and its next free id) the same as in `other`,
    /// copying nothing else: a copy of the discussion kept up to date part by part.
    pub fn copy_parts_from(&mut self, other: &CaseDiscussion, parts: &[CdPart]) {
        for part in parts {
            match part {
                CdPart::Header => self.header.clone_from(&other.header),
                CdPart::Facts => self.facts.clone_from(&other.facts),
                CdPart::AboutChild => self.about_child.clone_from(&other.about_child),
                CdPart::Thoughts => self.immediate_thoughts.clone_from(&other.immediate_thoughts),
                CdPart::Tree => self.tree.clone_from(&other.tree),
                CdPart::Worries => self.worries.clone_from(&other.worries),
                CdPart::Strengths => self.strengths.clone_from(&other.strengths),
                CdPart::Gaps => self.information_gaps.clone_from(&other.information_gaps),
                CdPart::People => self.people_to_involve.clone_from(&other.people_to_involve),
                CdPart::Actions => self.actions.clone_from(&other.actions),
                CdPart::Outcome => self.outcome.clone_from(&other.outcome),
            }
        }
        self.next_id = other.next_id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes_field::NotesText;

    #[test]
    fn the_parts_are_listed_in_order_of_their_index() {
        for (i, p) in CdPart::ALL.iter().enumerate() {
            assert_eq!(p.index(), i);
        }
    }

    #[test]
    fn typing_about_the_child_changes_that_part_alone() {
        let mut cd = CaseDiscussion::default();
        cd.add_fact("Health visitor notes", "March");
        let before = cd.clone();
        cd.set_text(NotesText::AboutChild, "Amira is four and loves the park.");
        assert_eq!(cd.parts_changed_since(&before), vec![CdPart::AboutChild]);
        assert!(cd.parts_changed_since(&cd.clone()).is_empty());
    }

    #[test]
    fn copying_the_changed_parts_makes_the_copy_the_same() {
        let mut cd = CaseDiscussion::default();
        let mut copy = cd.clone();
        cd.add_worry("Nobody saw the child on her own");
        cd.set_text(NotesText::AboutChild, "Amira is four.");
        let changed = cd.parts_changed_since(&copy);
        copy.copy_parts_from(&cd, &changed);
        assert_eq!(copy, cd);
    }

    #[test]
    fn adding_an_item_changes_its_own_part() {
        let mut cd = CaseDiscussion::default();
        let before = cd.clone();
        cd.add_worry("Nobody saw the child on her own");
        assert_eq!(cd.parts_changed_since(&before), vec![CdPart::Worries]);
        let before = cd.clone();
        cd.add_action("Book a strategy meeting");
        assert_eq!(cd.parts_changed_since(&before), vec![CdPart::Actions]);
    }
}
