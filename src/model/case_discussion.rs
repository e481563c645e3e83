//! A case discussion is a facilitated meeting run with the Salford Case Discussion Tool:
//! the room moves from **the facts** and **the child's lived experience**, through
//! **immediate thoughts** and the **analysis tree**, to **what we are worried about**,
//! **what worked well**, **missing information** and **what needs to happen** (SMART
//! actions). Worries, strengths and gaps are captured whenever they come up.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ProblemTree;

/// Identifies an item (a worry, an action, an attendee...) within one discussion.
pub type ItemId = u64;

/// The heading of the Case Discussion Notes and who was in the room.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DiscussionHeader {
    /// The child's name or a pseudonym.
    pub child_name: String,
    pub date_of_referral: Option<NaiveDate>,
    pub date_of_discussion: Option<NaiveDate>,
    /// Independent of the case, as the tool asks.
    pub facilitator: String,
    /// What the meeting is here to understand.
    pub focal_question: String,
    pub attendees: Vec<Attendee>,
}

/// Someone in the discussion, by role and agency.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attendee {
    pub id: ItemId,
    pub name: String,
    pub role: String,
    pub agency: String,
    /// A missing agency this person speaks for ("wearing two hats"), if any.
    pub second_hat: String,
}

/// A document available to the discussion (referral form, chronology...) and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FactDocument {
    pub id: ItemId,
    pub text: String,
    pub source: String,
}

/// Whether a point made during immediate thoughts is a fact or a feeling: the tool asks
/// the room to be clear which is which.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactOrFeeling {
    #[default]
    Unmarked,
    Fact,
    Feeling,
}

/// One point from the immediate-thoughts round.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImmediateThought {
    pub id: ItemId,
    pub text: String,
    pub marked_as: FactOrFeeling,
}

/// A short note captured at any point: a worry, or something that worked well.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    pub id: ItemId,
    pub text: String,
}

/// Something the room is worried about.
pub type Worry = Note;
/// Something that worked well.
pub type Strength = Note;

/// Something we don't know and need to find out, with who will find out and by when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InformationGap {
    pub id: ItemId,
    pub what: String,
    pub who: String,
    pub by_when: Option<NaiveDate>,
}

/// Someone else the discussion needs to involve.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonToInvolve {
    pub id: ItemId,
    pub who: String,
    pub why: String,
}

/// An action in the tool's SMART shape: what, who by, when, how we will know it is done,
/// and what difference it will make for the child.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmartAction {
    pub id: ItemId,
    pub action: String,
    pub who_by: String,
    pub due: Option<NaiveDate>,
    pub how_we_will_know: String,
    pub difference_for_child: String,
}

/// The room's view of the outcome before actions are finalised.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outcome {
    pub agreement: String,
    /// Views that differ from the room's, recorded sensitively.
    pub dissent: String,
}

/// Everything captured in one case discussion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseDiscussion {
    pub header: DiscussionHeader,
    /// 1. The facts: documentation available.
    pub facts: Vec<FactDocument>,
    /// 2. About the child and their lived experiences.
    pub about_child: String,
    /// 3. Immediate thoughts.
    pub immediate_thoughts: Vec<ImmediateThought>,
    /// 4. The analysis tree.
    pub tree: ProblemTree,
    /// 5. What are we worried about.
    pub worries: Vec<Worry>,
    /// 6. What worked well.
    pub strengths: Vec<Strength>,
    /// 7. Missing information.
    pub information_gaps: Vec<InformationGap>,
    /// "Who else do we need to involve?"
    pub people_to_involve: Vec<PersonToInvolve>,
    /// 8. What needs to happen (SMART).
    pub actions: Vec<SmartAction>,
    pub outcome: Outcome,
    /// The next free item id; ids are never reused within a discussion.
    pub next_id: ItemId,
}

impl CaseDiscussion {
    fn allocate_id(&mut self) -> ItemId {
        // Imported files may carry items with ids at or beyond `next_id`; skip past them.
        let highest = self.highest_item_id();
        self.next_id = self.next_id.max(highest + 1).max(1);
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn highest_item_id(&self) -> ItemId {
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
        ids.max().unwrap_or(0)
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

    /// Adds an empty SMART action for the room to fill in.
    pub fn add_action(&mut self, action: &str) -> ItemId {
        let id = self.allocate_id();
        self.actions.push(SmartAction { id, action: action.trim().to_string(), ..Default::default() });
        id
    }

    /// True when nothing has been written anywhere yet.
    pub fn is_empty(&self) -> bool {
        *self == CaseDiscussion { next_id: self.next_id, ..Default::default() }
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
    fn ids_skip_past_items_already_present_in_an_imported_discussion() {
        let mut cd = CaseDiscussion::default();
        cd.worries.push(Note { id: 41, text: "from a file".into() });
        let id = cd.add_worry("new").unwrap();
        assert_eq!(id, 42);
    }
}
