//! The action log is how a partnership tracks what a case discussion agreed: each action
//! has a number that never changes, a lead agency, and a status (open, done, or overdue
//! once its due date has passed without it being done). The SMART check is a separate
//! thing: it says whether the room has written all five parts the tool asks for, not
//! whether the action has been carried out.

use chrono::NaiveDate;

use super::case_discussion::{CaseDiscussion, ItemId, SmartAction};
use super::date_or_period::long_date;
use super::smart_action_check::missing_parts;

/// Where an action stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionStatus {
    /// Not done yet, and not past its due date (or it has none).
    Open,
    /// Reported done.
    Done,
    /// Not done, and its due date has passed.
    Overdue,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::Done => "Done",
            ActionStatus::Overdue => "Overdue",
        }
    }
}

/// The column heading for the SMART check, worded so it cannot be read as "done".
pub const SMART_CHECK_HEADING: &str = "SMART check (all five parts written?)";

impl SmartAction {
    /// Where the action stands on `today`: done once reported done; overdue when its due
    /// date is before `today`; otherwise open. Due today is still open.
    pub fn status(&self, today: NaiveDate) -> ActionStatus {
        match (self.done_on, self.due) {
            (Some(_), _) => ActionStatus::Done,
            (None, Some(due)) if due < today => ActionStatus::Overdue,
            _ => ActionStatus::Open,
        }
    }

    /// The status in a sentence for the log: "Open", "Done on 3 March 2027",
    /// "Overdue (was due 1 March 2027)".
    pub fn status_words(&self, today: NaiveDate) -> String {
        match self.status(today) {
            ActionStatus::Done => match self.done_on {
                Some(d) => format!("Done on {}", long_date(d)),
                None => "Done".into(),
            },
            ActionStatus::Overdue => match self.due {
                Some(d) => format!("Overdue (was due {})", long_date(d)),
                None => "Overdue".into(),
            },
            ActionStatus::Open => "Open".into(),
        }
    }

    /// The SMART check in words: "All five parts written" or "Missing: who by, due date".
    pub fn smart_check_words(&self) -> String {
        let missing = missing_parts(self);
        if missing.is_empty() {
            "All five parts written".into()
        } else {
            format!("Missing: {}", missing.join(", "))
        }
    }
}

impl CaseDiscussion {
    /// The number the next action gets: one more than any action's number.
    pub(crate) fn next_action_number(&self) -> u32 {
        self.numbered_actions().iter().map(|(n, _)| *n).max().unwrap_or(0) + 1
    }

    /// Every action with its number in the log, in the order agreed. Actions saved before
    /// numbering (number 0) are numbered after the highest number in use, in their order,
    /// so the numbers shown are the numbers the next edit keeps.
    pub fn numbered_actions(&self) -> Vec<(u32, &SmartAction)> {
        let mut next = self.actions.iter().map(|a| a.number).max().unwrap_or(0);
        self.actions
            .iter()
            .map(|a| {
                if a.number > 0 {
                    (a.number, a)
                } else {
                    next += 1;
                    (next, a)
                }
            })
            .collect()
    }

    /// The number of the action with this id in the log.
    pub fn action_number(&self, id: ItemId) -> Option<u32> {
        self.numbered_actions().into_iter().find(|(_, a)| a.id == id).map(|(n, _)| n)
    }

    /// Gives every unnumbered action the number it is shown with, so numbers stay put when
    /// actions are added or removed later.
    pub fn fix_action_numbers(&mut self) {
        let numbers: Vec<u32> = self.numbered_actions().iter().map(|(n, _)| *n).collect();
        for (a, n) in self.actions.iter_mut().zip(numbers) {
            a.number = n;
        }
    }

    /// Records the agency that leads on an action.
    pub fn set_action_lead_agency(&mut self, id: ItemId, agency: &str) -> bool {
        self.fix_action_numbers();
        match self.action_mut(id) {
            Some(a) => {
                a.lead_agency = agency.to_string();
                true
            }
            None => false,
        }
    }

    /// Records that an action was done on `day`, or (with `None`) that it is open again.
    pub fn set_action_done(&mut self, id: ItemId, day: Option<NaiveDate>) -> bool {
        self.fix_action_numbers();
        match self.action_mut(id) {
            Some(a) => {
                a.done_on = day;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    #[test]
    fn actions_are_numbered_and_numbers_are_never_reused() {
        let mut cd = CaseDiscussion::default();
        let a = cd.add_action("one");
        let b = cd.add_action("two");
        let c = cd.add_action("three");
        assert_eq!([cd.action_number(a), cd.action_number(b), cd.action_number(c)], [Some(1), Some(2), Some(3)]);
        cd.remove_item(b);
        assert_eq!(cd.action_number(c), Some(3), "removing an action leaves the others' numbers alone");
        let d = cd.add_action("four");
        assert_eq!(cd.action_number(d), Some(4));
        cd.remove_item(d);
        // The highest number in use was removed: the next one is one more than the highest left.
        let e = cd.add_action("five");
        assert_eq!(cd.action_number(e), Some(4));
    }

    #[test]
    fn actions_from_older_files_are_numbered_in_their_order() {
        let mut cd = CaseDiscussion::default();
        for (id, n) in [(1, 0), (2, 5), (3, 0)] {
            cd.actions.push(SmartAction { id, number: n, ..Default::default() });
        }
        let shown: Vec<u32> = cd.numbered_actions().iter().map(|(n, _)| *n).collect();
        assert_eq!(shown, vec![6, 5, 7]);
        cd.fix_action_numbers();
        assert_eq!(cd.actions.iter().map(|a| a.number).collect::<Vec<_>>(), vec![6, 5, 7]);
        let n = cd.add_action("new");
        assert_eq!(cd.action_number(n), Some(8));
    }

    #[test]
    fn status_is_open_done_or_overdue_against_the_due_date() {
        let mut a = SmartAction { due: Some(day(10)), ..Default::default() };
        assert_eq!(a.status(day(9)), ActionStatus::Open);
        assert_eq!(a.status(day(10)), ActionStatus::Open, "due today is not overdue yet");
        assert_eq!(a.status(day(11)), ActionStatus::Overdue);
        assert_eq!(a.status_words(day(11)), "Overdue (was due 10 March 2027)");
        a.done_on = Some(day(12));
        assert_eq!(a.status(day(20)), ActionStatus::Done);
        assert_eq!(a.status_words(day(20)), "Done on 12 March 2027");
        let undated = SmartAction::default();
        assert_eq!(undated.status(day(30)), ActionStatus::Open);
    }

    #[test]
    fn the_smart_check_never_says_done() {
        let mut cd = CaseDiscussion::default();
        let id = cd.add_action("Share the chronology");
        let a = cd.action_mut(id).unwrap();
        assert_eq!(a.smart_check_words(), "Missing: who by, due date, how we will know, difference for the child");
        a.who_by = "Health visitor".into();
        a.due = Some(day(1));
        a.how_we_will_know = "School confirms".into();
        a.difference_for_child = "Staff understand".into();
        assert_eq!(a.smart_check_words(), "All five parts written");
        assert!(!SMART_CHECK_HEADING.to_lowercase().contains("complete"));
    }

    #[test]
    fn marking_done_and_lead_agency_go_through_the_model() {
        let mut cd = CaseDiscussion::default();
        let id = cd.add_action("x");
        assert!(cd.set_action_lead_agency(id, "Health"));
        assert!(cd.set_action_done(id, Some(day(2))));
        assert_eq!(cd.actions[0].status(day(3)), ActionStatus::Done);
        assert!(cd.set_action_done(id, None));
        assert_eq!(cd.actions[0].status(day(3)), ActionStatus::Open);
        assert!(!cd.set_action_done(999, None));
    }
}
