//! A case discussion is a facilitated meeting run with the Salford Case Discussion Tool:
//! the room moves from **the facts** and **the child's lived experience**, through
//! **immediate thoughts** and the **analysis tree**, to **what we are worried about**,
//! **what worked well**, **missing information** and **what needs to happen** (SMART
//! actions). Worries, strengths and gaps are captured whenever they come up.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::working_days::add_working_days;
use super::ProblemTree;

/// Identifies an item (a worry, an action, an attendee...) within one discussion.
pub type ItemId = u64;

/// The heading of the Case Discussion Notes and who was in the room.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct DiscussionHeader {
    /// The child's name or a pseudonym.
    #[autosurgeon(missing = "Default::default")]
    pub child_name: String,
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub date_of_referral: Option<NaiveDate>,
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub date_of_discussion: Option<NaiveDate>,
    /// Independent of the case, as the tool asks.
    #[autosurgeon(missing = "Default::default")]
    pub facilitator: String,
    /// What the meeting is here to understand.
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub focal_question: String,
    #[autosurgeon(missing = "Default::default")]
    pub attendees: Vec<Attendee>,
}

/// Someone in the discussion, by role and agency.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Attendee {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(missing = "Default::default")]
    pub name: String,
    #[autosurgeon(missing = "Default::default")]
    pub role: String,
    #[autosurgeon(missing = "Default::default")]
    pub agency: String,
    /// A missing agency this person speaks for ("wearing two hats"), if any.
    #[autosurgeon(missing = "Default::default")]
    pub second_hat: String,
    /// In the room, by phone, or apologies. Files from before this existed load as present.
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub attendance: Attendance,
}

/// How someone took part: in the room, by phone or conference call (as the tool suggests
/// for a missing agency), or they sent their apologies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    #[default]
    Present,
    ByPhone,
    Apologies,
}

impl Attendance {
    pub const ALL: [Attendance; 3] = [Attendance::Present, Attendance::ByPhone, Attendance::Apologies];

    /// How it reads in the notes.
    pub fn label(self) -> &'static str {
        match self {
            Attendance::Present => "Present",
            Attendance::ByPhone => "By phone",
            Attendance::Apologies => "Apologies",
        }
    }

    /// A stable word for forms and files.
    pub fn key(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::ByPhone => "by_phone",
            Attendance::Apologies => "apologies",
        }
    }

    pub fn from_key(key: &str) -> Option<Attendance> {
        Attendance::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// A document available to the discussion (referral form, chronology...) and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct FactDocument {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
    #[autosurgeon(missing = "Default::default")]
    pub source: String,
}

/// Whether a point made during immediate thoughts is a fact or a feeling: the tool asks
/// the room to be clear which is which.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum FactOrFeeling {
    #[default]
    Unmarked,
    Fact,
    Feeling,
}

/// One point from the immediate-thoughts round.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct ImmediateThought {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
    #[autosurgeon(missing = "Default::default")]
    pub marked_as: FactOrFeeling,
}

/// A short note captured at any point: a worry, or something that worked well.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Note {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
}

/// Something the room is worried about.
pub type Worry = Note;
/// Something that worked well.
pub type Strength = Note;

/// Something we don't know and need to find out, with who will find out and by when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct InformationGap {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub what: String,
    #[autosurgeon(missing = "Default::default")]
    pub who: String,
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub by_when: Option<NaiveDate>,
}

/// Someone else the discussion needs to involve.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct PersonToInvolve {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(missing = "Default::default")]
    pub who: String,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub why: String,
}

/// An action in the tool's SMART shape: what, who by, when, how we will know it is done,
/// and what difference it will make for the child.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct SmartAction {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub action: String,
    #[autosurgeon(missing = "Default::default")]
    pub who_by: String,
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub due: Option<NaiveDate>,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub how_we_will_know: String,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub difference_for_child: String,
    /// The action's number in the partnership's action log; never reused in a discussion.
    /// 0 in files from before numbering: see [`CaseDiscussion::action_number`].
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub number: u32,
    /// The agency that leads on the action and reports on it.
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub lead_agency: String,
    /// The day the action was reported done, if it has been.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub done_on: Option<NaiveDate>,
}

/// The room's view of the outcome before actions are finalised.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Outcome {
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub agreement: String,
    /// Views that differ from the room's, recorded sensitively.
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub dissent: String,
}

/// Everything captured in one case discussion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct CaseDiscussion {
    #[autosurgeon(missing = "Default::default")]
    pub header: DiscussionHeader,
    /// 1. The facts: documentation available.
    #[autosurgeon(missing = "Default::default")]
    pub facts: Vec<FactDocument>,
    /// 2. About the child and their lived experiences.
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub about_child: String,
    /// 3. Immediate thoughts.
    #[autosurgeon(missing = "Default::default")]
    pub immediate_thoughts: Vec<ImmediateThought>,
    /// 4. The analysis tree.
    #[autosurgeon(missing = "Default::default")]
    pub tree: ProblemTree,
    /// 5. What are we worried about.
    #[autosurgeon(missing = "Default::default")]
    pub worries: Vec<Worry>,
    /// 6. What worked well.
    #[autosurgeon(missing = "Default::default")]
    pub strengths: Vec<Strength>,
    /// 7. Missing information.
    #[autosurgeon(missing = "Default::default")]
    pub information_gaps: Vec<InformationGap>,
    /// "Who else do we need to involve?"
    #[autosurgeon(missing = "Default::default")]
    pub people_to_involve: Vec<PersonToInvolve>,
    /// 8. What needs to happen (SMART).
    #[autosurgeon(missing = "Default::default")]
    pub actions: Vec<SmartAction>,
    #[autosurgeon(missing = "Default::default")]
    pub outcome: Outcome,
    /// The next free item id; ids are never reused within a discussion.
    #[autosurgeon(missing = "Default::default")]
    pub next_id: ItemId,
}

impl CaseDiscussion {
    fn allocate_id(&mut self) -> ItemId {
        // Imported files may carry items with ids at or beyond `next_id`; skip past them.
        let block = super::id_blocks::block_of(self.next_id);
        let highest = self.highest_item_id_in(block);
        self.next_id = self.next_id.max(highest + 1).max(super::id_blocks::first_id(block));
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn highest_item_id_in(&self, block: u64) -> ItemId {
        let ids = self
            .header
            .attendees
            .iter()
            .map(|a| a.id)
            .chain(self.facts.iter().map(|f| f.id))
            .chain(self.immediate_thoughts.iter().map(|t| t.id))
            .chain(self.worries.iter().map(|n| n.id))
            .chain(self.strengths.iter().map(|n| n.id))
            .chain(self.information_gaps.iter().map(|g| g.id))
            .chain(self.people_to_involve.iter().map(|p| p.id))
            .chain(self.actions.iter().map(|a| a.id));
        ids.filter(|id| super::id_blocks::block_of(*id) == block).max().unwrap_or(0)
    }

    /// Records a worry, from whichever section the room is in. Blank text is ignored.
    pub fn add_worry(&mut self, text: &str) -> Option<ItemId> {
        let text = non_blank(text)?;
        let id = self.allocate_id();
        self.worries.push(Note { id, text });
        Some(id)
    }

    /// Records something that worked well. Blank text is ignored.
    pub fn add_strength(&mut self, text: &str) -> Option<ItemId> {
        let text = non_blank(text)?;
        let id = self.allocate_id();
        self.strengths.push(Note { id, text });
        Some(id)
    }

    /// Records something we don't know and need to find out. Blank text is ignored.
    pub fn add_information_gap(&mut self, what: &str) -> Option<ItemId> {
        let what = non_blank(what)?;
        let id = self.allocate_id();
        self.information_gaps.push(InformationGap { id, what, ..Default::default() });
        Some(id)
    }

    /// Records someone else to involve. Blank text is ignored.
    pub fn add_person_to_involve(&mut self, who: &str) -> Option<ItemId> {
        let who = non_blank(who)?;
        let id = self.allocate_id();
        self.people_to_involve.push(PersonToInvolve { id, who, ..Default::default() });
        Some(id)
    }

    /// Adds an empty SMART action for the room to fill in, numbered after the others.
    pub fn add_action(&mut self, action: &str) -> ItemId {
        let id = self.allocate_id();
        let number = self.next_action_number();
        self.actions.push(SmartAction { id, action: action.trim().to_string(), number, ..Default::default() });
        id
    }

    /// True when nothing has been written anywhere yet.
    pub fn is_empty(&self) -> bool {
        let mut blank = CaseDiscussion { next_id: self.next_id, ..Default::default() };
        blank.tree.id_block = self.tree.id_block;
        *self == blank
    }
}

/// The things the room raises at any point of the discussion, which the facilitator
/// captures without leaving the section they are in: worries, what worked well, missing
/// information, who else to involve, and actions as they are agreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaptureKind {
    Worry,
    WorkedWell,
    MissingInformation,
    PersonToInvolve,
    Action,
    /// A point for the analysis tree that the room has not placed yet.
    ParkForTree,
}

impl CaptureKind {
    pub const ALL: [CaptureKind; 6] = [
        CaptureKind::Worry,
        CaptureKind::WorkedWell,
        CaptureKind::MissingInformation,
        CaptureKind::PersonToInvolve,
        CaptureKind::Action,
        CaptureKind::ParkForTree,
    ];

    /// What the capture button says.
    pub fn label(self) -> &'static str {
        match self {
            CaptureKind::Worry => "Worry",
            CaptureKind::WorkedWell => "Worked well",
            CaptureKind::MissingInformation => "Missing information",
            CaptureKind::PersonToInvolve => "Who else to involve",
            CaptureKind::Action => "Action",
            CaptureKind::ParkForTree => "Park for tree",
        }
    }

    /// The letter used with Alt to capture this kind from the keyboard.
    pub fn shortcut(self) -> char {
        match self {
            CaptureKind::Worry => 'W',
            CaptureKind::WorkedWell => 'G',
            CaptureKind::MissingInformation => 'M',
            CaptureKind::PersonToInvolve => 'I',
            CaptureKind::Action => 'A',
            CaptureKind::ParkForTree => 'P',
        }
    }
}

/// Why a due date could not be worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueDateError {
    /// Working days count from the discussion, whose date is not set yet.
    NoDiscussionDate,
    NoSuchAction,
}

impl std::fmt::Display for DueDateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DueDateError::NoDiscussionDate => {
                write!(f, "Enter the date of the case discussion first: working days count from it.")
            }
            DueDateError::NoSuchAction => write!(f, "That action is no longer in the list."),
        }
    }
}

impl CaseDiscussion {
    /// Captures a point raised at any moment into the right list. Blank text is ignored.
    pub fn capture(&mut self, kind: CaptureKind, text: &str) -> Option<ItemId> {
        match kind {
            CaptureKind::Worry => self.add_worry(text),
            CaptureKind::WorkedWell => self.add_strength(text),
            CaptureKind::MissingInformation => self.add_information_gap(text),
            CaptureKind::PersonToInvolve => self.add_person_to_involve(text),
            CaptureKind::Action => non_blank(text).map(|t| self.add_action(&t)),
            CaptureKind::ParkForTree => self.tree.park(text),
        }
    }

    /// Adds an attendee; returns their id.
    pub fn add_attendee(&mut self, name: &str, role: &str, agency: &str) -> ItemId {
        let id = self.allocate_id();
        self.header.attendees.push(Attendee {
            id,
            name: name.trim().into(),
            role: role.trim().into(),
            agency: agency.trim().into(),
            second_hat: String::new(),
            attendance: Attendance::Present,
        });
        id
    }

    /// Records how an attendee is taking part; `false` when they are no longer listed.
    pub fn set_attendance(&mut self, id: ItemId, attendance: Attendance) -> bool {
        match self.header.attendees.iter_mut().find(|a| a.id == id) {
            Some(a) => {
                a.attendance = attendance;
                true
            }
            None => false,
        }
    }

    /// Records the missing agency an attendee also speaks for ("wearing two hats").
    pub fn set_second_hat(&mut self, id: ItemId, agency: &str) -> bool {
        match self.header.attendees.iter_mut().find(|a| a.id == id) {
            Some(a) => {
                a.second_hat = agency.to_string();
                true
            }
            None => false,
        }
    }

    /// Adds a document available to the discussion, with its source.
    pub fn add_fact(&mut self, text: &str, source: &str) -> Option<ItemId> {
        let text = non_blank(text)?;
        let id = self.allocate_id();
        self.facts.push(FactDocument { id, text, source: source.trim().into() });
        Some(id)
    }

    /// Adds a point from the immediate-thoughts round, marked as fact, feeling or neither yet.
    pub fn add_thought(&mut self, text: &str, marked_as: FactOrFeeling) -> Option<ItemId> {
        let text = non_blank(text)?;
        let id = self.allocate_id();
        self.immediate_thoughts.push(ImmediateThought { id, text, marked_as });
        Some(id)
    }

    /// Removes the item with this id from whichever list holds it.
    pub fn remove_item(&mut self, id: ItemId) -> bool {
        let before = self.item_count();
        self.header.attendees.retain(|x| x.id != id);
        self.facts.retain(|x| x.id != id);
        self.immediate_thoughts.retain(|x| x.id != id);
        self.worries.retain(|x| x.id != id);
        self.strengths.retain(|x| x.id != id);
        self.information_gaps.retain(|x| x.id != id);
        self.people_to_involve.retain(|x| x.id != id);
        self.actions.retain(|x| x.id != id);
        self.item_count() != before
    }

    fn item_count(&self) -> usize {
        self.header.attendees.len()
            + self.facts.len()
            + self.immediate_thoughts.len()
            + self.worries.len()
            + self.strengths.len()
            + self.information_gaps.len()
            + self.people_to_involve.len()
            + self.actions.len()
    }

    /// The action with this id, to edit.
    pub fn action_mut(&mut self, id: ItemId) -> Option<&mut SmartAction> {
        self.actions.iter_mut().find(|a| a.id == id)
    }

    /// Sets an action's due date to `working_days` working days after the discussion
    /// (England and Wales bank holidays excluded), and returns the date.
    pub fn set_action_due_in_working_days(
        &mut self,
        id: ItemId,
        working_days: u32,
    ) -> Result<NaiveDate, DueDateError> {
        let from = self.header.date_of_discussion.ok_or(DueDateError::NoDiscussionDate)?;
        let due = add_working_days(from, working_days);
        self.action_mut(id).ok_or(DueDateError::NoSuchAction)?.due = Some(due);
        Ok(due)
    }

    /// The agencies of the people taking part (in the room or by phone), without repeats, including agencies someone
    /// speaks for by "wearing two hats".
    pub fn agencies_present(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in self.header.attendees.iter().filter(|a| a.attendance != Attendance::Apologies) {
            for agency in [&a.agency, &a.second_hat] {
                let agency = agency.trim();
                if !agency.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(agency)) {
                    out.push(agency.to_string());
                }
            }
        }
        out
    }
}

fn non_blank(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captured_items_get_distinct_ids_across_every_list() {
        let mut cd = CaseDiscussion::default();
        let a = cd.add_worry("School not told of move").unwrap();
        let b = cd.add_strength("Health visitor saw the baby weekly").unwrap();
        let c = cd.add_information_gap("GP records").unwrap();
        let d = cd.add_person_to_involve("Housing officer").unwrap();
        let e = cd.add_action("Share chronology");
        let mut ids = vec![a, b, c, d, e];
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 5);
        assert!(ids.iter().all(|&i| i > 0));
    }

    #[test]
    fn blank_captures_are_ignored() {
        let mut cd = CaseDiscussion::default();
        assert_eq!(cd.add_worry("   "), None);
        assert_eq!(cd.add_strength(""), None);
        assert!(cd.is_empty());
    }

    #[test]
    fn a_capture_lands_in_the_list_for_its_kind() {
        let mut cd = CaseDiscussion::default();
        cd.capture(CaptureKind::Worry, "w");
        cd.capture(CaptureKind::WorkedWell, "g");
        cd.capture(CaptureKind::MissingInformation, "m");
        cd.capture(CaptureKind::PersonToInvolve, "i");
        cd.capture(CaptureKind::Action, "a");
        cd.capture(CaptureKind::ParkForTree, "p");
        assert_eq!(cd.tree.parked[0].text, "p");
        assert_eq!(cd.actions[0].action, "a");
        assert_eq!(cd.worries[0].text, "w");
        assert_eq!(cd.strengths[0].text, "g");
        assert_eq!(cd.information_gaps[0].what, "m");
        assert_eq!(cd.people_to_involve[0].who, "i");
        let shortcuts: Vec<char> = CaptureKind::ALL.iter().map(|k| k.shortcut()).collect();
        let mut unique = shortcuts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), CaptureKind::ALL.len());
    }

    #[test]
    fn any_item_can_be_removed_by_its_id() {
        let mut cd = CaseDiscussion::default();
        let a = cd.add_attendee("Sam", "Social worker", "Children's services");
        let f = cd.add_fact("Referral form", "MASH").unwrap();
        let t = cd.add_thought("Mum seemed worried", FactOrFeeling::Feeling).unwrap();
        let x = cd.add_action("Share chronology");
        for id in [a, f, t, x] {
            assert!(cd.remove_item(id));
        }
        assert!(!cd.remove_item(a));
        assert!(cd.header.attendees.is_empty() && cd.facts.is_empty());
    }

    #[test]
    fn a_due_date_in_working_days_counts_from_the_discussion() {
        let mut cd = CaseDiscussion::default();
        let id = cd.add_action("Single-agency action plan");
        assert_eq!(cd.set_action_due_in_working_days(id, 10), Err(DueDateError::NoDiscussionDate));
        // Tuesday 22 December 2026: Christmas, Boxing Day (substitute Monday 28th) and
        // New Year's Day are skipped.
        cd.header.date_of_discussion = NaiveDate::from_ymd_opt(2026, 12, 22);
        let due = cd.set_action_due_in_working_days(id, 10).unwrap();
        assert_eq!(due, NaiveDate::from_ymd_opt(2027, 1, 8).unwrap());
        assert_eq!(cd.actions[0].due, Some(due));
        assert_eq!(cd.set_action_due_in_working_days(999, 1), Err(DueDateError::NoSuchAction));
    }

    #[test]
    fn agencies_present_include_second_hats_once_each() {
        let mut cd = CaseDiscussion::default();
        cd.add_attendee("A", "Health visitor", "NHS");
        let b = cd.add_attendee("B", "Teacher", "School");
        cd.header.attendees.iter_mut().find(|x| x.id == b).unwrap().second_hat = "nhs".into();
        assert_eq!(cd.agencies_present(), vec!["NHS".to_string(), "School".to_string()]);
    }

    #[test]
    fn ids_skip_past_items_already_present_in_an_imported_discussion() {
        let mut cd = CaseDiscussion::default();
        cd.worries.push(Note { id: 41, text: "from a file".into() });
        let id = cd.add_worry("new").unwrap();
        assert_eq!(id, 42);
    }
}
