//! A practitioner's preparation is what someone taking part in a Learning Together review
//! writes down before their one-to-one conversation: their role and agency, and their own
//! notes against the parts of the conversation guide. It stands on its own, holding nothing
//! from the review team's record, so a practitioner can keep it on their own device, bring
//! it to the conversation, or share it as a small file that the review team adds to their
//! record of the conversation without overwriting anything. (How that file is written and
//! read belongs to storage; this is only its content.)

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::conversation_notes::ConversationNotes;
use super::date_or_period::DateOrPeriod;

/// A crucial moment the practitioner wants to talk about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct PreparedTurningPoint {
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
    #[autosurgeon(missing = "Default::default")]
    pub date_or_period: DateOrPeriod,
}

/// The practitioner's own preparation for their conversation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct PractitionerPreparation {
    /// Their role, e.g. "Health visitor". Never their name.
    #[autosurgeon(missing = "Default::default")]
    pub role: String,
    #[autosurgeon(missing = "Default::default")]
    pub agency: String,
    /// Their notes against the conversation guide.
    #[autosurgeon(missing = "Default::default")]
    pub notes: ConversationNotes,
    /// The crucial moments they want to talk about (part 3a).
    #[autosurgeon(missing = "Default::default")]
    pub turning_points: Vec<PreparedTurningPoint>,
    /// Text hints the practitioner has dismissed, by [`super::text_hints::TextHint::key`].
    #[autosurgeon(with = "crate::model::merge_shape::string_set")]
    pub dismissed_hints: BTreeSet<String>,
}

impl PractitionerPreparation {
    /// Adds a crucial moment to talk about. Blank text is ignored.
    pub fn add_turning_point(&mut self, text: &str, date_or_period: DateOrPeriod) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        self.turning_points.push(PreparedTurningPoint { text: text.to_string(), date_or_period });
        true
    }

    /// Removes the crucial moment at `index`, if there is one.
    pub fn remove_turning_point(&mut self, index: usize) -> bool {
        if index < self.turning_points.len() {
            self.turning_points.remove(index);
            true
        } else {
            false
        }
    }

    /// True when nothing has been written yet.
    pub fn is_empty(&self) -> bool {
        self.role.trim().is_empty()
            && self.agency.trim().is_empty()
            && self.notes.is_empty()
            && self.turning_points.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::conversation_guide::ConversationPart;

    #[test]
    fn a_preparation_starts_empty_and_ignores_blank_turning_points() {
        let mut p = PractitionerPreparation::default();
        assert!(p.is_empty());
        assert!(!p.add_turning_point("  ", DateOrPeriod::default()));
        assert!(p.add_turning_point("The call from school", DateOrPeriod::during("March")));
        assert!(!p.is_empty());
        assert!(!p.remove_turning_point(3));
        assert!(p.remove_turning_point(0));
        assert!(p.is_empty());
    }

    #[test]
    fn a_preparation_round_trips_and_tolerates_missing_fields() {
        let mut p = PractitionerPreparation { role: "School nurse".into(), ..Default::default() };
        p.notes.set_answer(ConversationPart::Mindset, 6, "To keep her in school");
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<PractitionerPreparation>(&json).unwrap(), p);
        let sparse: PractitionerPreparation = serde_json::from_str(r#"{"role":"GP"}"#).unwrap();
        assert_eq!(sparse.role, "GP");
        assert!(sparse.notes.is_empty());
    }
}
