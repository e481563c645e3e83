//! A notes field is one place in the Case Discussion Notes that people type into: the
//! child's name, the focal question, a document and where it came from, a thought, a
//! worry, what we need to find out and who will, an action and how we will know it made a
//! difference. Everything typed on screen names its field and is handed to
//! [`CaseDiscussion::set_text`] or [`CaseDiscussion::set_date`], so the notes only ever
//! change through the model.

use chrono::NaiveDate;

use super::case_discussion::{CaseDiscussion, FactOrFeeling, ItemId};

/// A text field of the notes; items are named by their id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesText {
    ChildName,
    Facilitator,
    FocalQuestion,
    AboutChild,
    /// The analysis tree's focal point.
    FocalPoint,
    /// What the group agreed, and any dissenting view.
    Agreement,
    Dissent,
    AttendeeName(ItemId),
    AttendeeRole(ItemId),
    AttendeeAgency(ItemId),
    /// A document in "the facts", and where it came from.
    Document(ItemId),
    DocumentSource(ItemId),
    Thought(ItemId),
    Worry(ItemId),
    WorkedWell(ItemId),
    /// Something we need to find out, and who will.
    MissingInformation(ItemId),
    WhoWillFindOut(ItemId),
    PersonToInvolve(ItemId),
    WhyInvolve(ItemId),
    Action(ItemId),
    ActionWhoBy(ItemId),
    HowWeWillKnow(ItemId),
    DifferenceForChild(ItemId),
}

/// A date field of the notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesDate {
    Referral,
    Discussion,
    /// When missing information will be found out by.
    FindOutBy(ItemId),
    ActionDue(ItemId),
}

impl CaseDiscussion {
    /// Where `field`'s text is kept.
    fn text_slot(&mut self, field: NotesText) -> Option<&mut String> {
        match field {
            NotesText::ChildName => Some(&mut self.header.child_name),
            NotesText::Facilitator => Some(&mut self.header.facilitator),
            NotesText::FocalQuestion => Some(&mut self.header.focal_question),
            NotesText::AboutChild => Some(&mut self.about_child),
            NotesText::FocalPoint => Some(&mut self.tree.focal_point),
            NotesText::Agreement => Some(&mut self.outcome.agreement),
            NotesText::Dissent => Some(&mut self.outcome.dissent),
            NotesText::AttendeeName(id) => self.header.attendees.iter_mut().find(|x| x.id == id).map(|x| &mut x.name),
            NotesText::AttendeeRole(id) => self.header.attendees.iter_mut().find(|x| x.id == id).map(|x| &mut x.role),
            NotesText::AttendeeAgency(id) => self.header.attendees.iter_mut().find(|x| x.id == id).map(|x| &mut x.agency),
            NotesText::Document(id) => self.facts.iter_mut().find(|x| x.id == id).map(|x| &mut x.text),
            NotesText::DocumentSource(id) => self.facts.iter_mut().find(|x| x.id == id).map(|x| &mut x.source),
            NotesText::Thought(id) => self.immediate_thoughts.iter_mut().find(|x| x.id == id).map(|x| &mut x.text),
            NotesText::Worry(id) => self.worries.iter_mut().find(|x| x.id == id).map(|x| &mut x.text),
            NotesText::WorkedWell(id) => self.strengths.iter_mut().find(|x| x.id == id).map(|x| &mut x.text),
            NotesText::MissingInformation(id) => self.information_gaps.iter_mut().find(|x| x.id == id).map(|x| &mut x.what),
            NotesText::WhoWillFindOut(id) => self.information_gaps.iter_mut().find(|x| x.id == id).map(|x| &mut x.who),
            NotesText::PersonToInvolve(id) => self.people_to_involve.iter_mut().find(|x| x.id == id).map(|x| &mut x.who),
            NotesText::WhyInvolve(id) => self.people_to_involve.iter_mut().find(|x| x.id == id).map(|x| &mut x.why),
            NotesText::Action(id) => self.actions.iter_mut().find(|x| x.id == id).map(|x| &mut x.action),
            NotesText::ActionWhoBy(id) => self.actions.iter_mut().find(|x| x.id == id).map(|x| &mut x.who_by),
            NotesText::HowWeWillKnow(id) => self.actions.iter_mut().find(|x| x.id == id).map(|x| &mut x.how_we_will_know),
            NotesText::DifferenceForChild(id) => self.actions.iter_mut().find(|x| x.id == id).map(|x| &mut x.difference_for_child),
        }
    }

    /// Puts `text` in `field`, as typed (tidying happens when the review is saved). False
    /// when the item is no longer there (removed, perhaps on another laptop).
    pub fn set_text(&mut self, field: NotesText, text: &str) -> bool {
        match self.text_slot(field) {
            Some(slot) => {
                if slot != text {
                    text.clone_into(slot);
                }
                true
            }
            None => false,
        }
    }

    /// Sets or clears the date in `field`. False when the item is no longer there.
    pub fn set_date(&mut self, field: NotesDate, date: Option<NaiveDate>) -> bool {
        let slot = match field {
            NotesDate::Referral => Some(&mut self.header.date_of_referral),
            NotesDate::Discussion => Some(&mut self.header.date_of_discussion),
            NotesDate::FindOutBy(id) => self.information_gaps.iter_mut().find(|x| x.id == id).map(|x| &mut x.by_when),
            NotesDate::ActionDue(id) => self.actions.iter_mut().find(|x| x.id == id).map(|x| &mut x.due),
        };
        match slot {
            Some(slot) => {
                *slot = date;
                true
            }
            None => false,
        }
    }

    /// Puts the analysis tree back as it was at an earlier moment (Undo, Redo, a move the
    /// facilitator cancelled).
    pub fn put_tree_back(&mut self, tree: super::problem_tree::ProblemTree) {
        self.tree = tree;
    }

    /// Marks an immediate thought as a fact or a feeling. False when it is no longer there.
    pub fn mark_thought(&mut self, id: ItemId, marked_as: FactOrFeeling) -> bool {
        match self.immediate_thoughts.iter_mut().find(|x| x.id == id) {
            Some(t) => {
                t.marked_as = marked_as;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_written_and_read_in_the_same_place() {
        let mut cd = CaseDiscussion::default();
        let doc = cd.add_fact("Referral form", "School").unwrap();
        let worry = cd.add_worry("Missed appointments").unwrap();
        let action = cd.add_action("Book a health review");
        let gap = cd.add_information_gap("GP records").unwrap();
        for (field, text) in [
            (NotesText::ChildName, "Child J"),
            (NotesText::AboutChild, "J is seven."),
            (NotesText::FocalPoint, "J's hearing problem went unchecked"),
            (NotesText::Document(doc), "Referral form (school, 2 March)"),
            (NotesText::DocumentSource(doc), "Education"),
            (NotesText::Worry(worry), "Missed health appointments"),
            (NotesText::HowWeWillKnow(action), "J is seen by audiology"),
            (NotesText::WhoWillFindOut(gap), "Health visitor"),
        ] {
            assert!(cd.set_text(field, text), "{field:?}");
            assert_eq!(cd.text_slot(field).map(|s| s.as_str()), Some(text), "{field:?}");
        }
        assert_eq!(cd.header.child_name, "Child J");
        assert_eq!(cd.facts[0].text, "Referral form (school, 2 March)");
        assert_eq!(cd.facts[0].source, "Education");
        assert_eq!(cd.worries[0].text, "Missed health appointments");
        assert_eq!(cd.tree.focal_point, "J's hearing problem went unchecked");
        let due = NaiveDate::from_ymd_opt(2026, 12, 14);
        assert!(cd.set_date(NotesDate::ActionDue(action), due));
        assert_eq!(cd.actions[0].due, due);
    }

    #[test]
    fn an_item_removed_meanwhile_is_not_written_and_nothing_else_changes() {
        let mut cd = CaseDiscussion::default();
        let worry = cd.add_worry("Missed appointments").unwrap();
        cd.remove_item(worry);
        let before = cd.clone();
        assert!(!cd.set_text(NotesText::Worry(worry), "typed after it went"));
        assert!(!cd.set_date(NotesDate::ActionDue(worry), None));
        assert!(!cd.mark_thought(worry, FactOrFeeling::Fact));
        assert_eq!(cd, before);
    }
}
