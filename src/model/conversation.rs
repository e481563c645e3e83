//! A conversation is the review team's one-to-one meeting with a participant: not an
//! interview, but a way to see the case as that person saw it at the time. The reviewer's
//! record follows the conversation guide's parts, notes the turning points the person
//! describes (each a candidate key practice episode) and what they say influenced them,
//! under the nine contributory-factor categories. Each participant has one conversation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::conversation_notes::ConversationNotes;
use super::date_or_period::DateOrPeriod;
use super::practitioner_preparation::PreparationSource;
use super::learning_together::{ConversationId, EpisodeId, ItemId, ParticipantId};

/// A crucial moment the participant describes, "when key decisions or actions were taken
/// that ... determined the direction the case took" (Appendix 3, part 3a).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct TurningPoint {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
    #[autosurgeon(missing = "Default::default")]
    pub date_or_period: DateOrPeriod,
    /// The key practice episode this turning point became part of, once the review team
    /// has promoted it.
    #[autosurgeon(missing = "Default::default")]
    pub promoted_to: Option<EpisodeId>,
    /// True when it came from the practitioner's own preparation rather than the
    /// reviewer's record.
    #[autosurgeon(missing = "Default::default")]
    pub from_preparation: bool,
    /// Whose preparation it came from, and the day of their file.
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub preparation: Option<PreparationSource>,
}

impl TurningPoint {
    /// True once the review team has made it (part of) a key practice episode.
    pub fn is_promoted(&self) -> bool {
        self.promoted_to.is_some()
    }
}

/// The reviewer's record of one conversation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Conversation {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ConversationId,
    /// Who the conversation was with.
    #[autosurgeon(missing = "Default::default")]
    pub participant_id: ParticipantId,
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub date: Option<NaiveDate>,
    /// Notes against the conversation guide, including part 4's factors by category.
    #[autosurgeon(missing = "Default::default")]
    pub notes: ConversationNotes,
    #[autosurgeon(missing = "Default::default")]
    pub turning_points: Vec<TurningPoint>,
    /// The preparation files added to this record, in the order they were added.
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub preparations: Vec<PreparationSource>,
}

impl Conversation {
    /// The turning point with this id.
    pub fn turning_point(&self, id: ItemId) -> Option<&TurningPoint> {
        self.turning_points.iter().find(|t| t.id == id)
    }

    /// The turning points in the order they happened (undated ones last, as recorded).
    pub fn turning_points_in_order(&self) -> Vec<&TurningPoint> {
        let mut out: Vec<&TurningPoint> = self.turning_points.iter().collect();
        out.sort_by(|a, b| DateOrPeriod::chronological(&a.date_or_period, &b.date_or_period));
        out
    }

    pub(crate) fn turning_point_mut(&mut self, id: ItemId) -> Option<&mut TurningPoint> {
        self.turning_points.iter_mut().find(|t| t.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turning_points_read_in_the_order_they_happened() {
        let d = |day| DateOrPeriod::on(NaiveDate::from_ymd_opt(2025, 6, day).unwrap());
        let tp = |id, text: &str, when| TurningPoint {
            id,
            text: text.into(),
            date_or_period: when,
            ..Default::default()
        };
        let c = Conversation {
            turning_points: vec![
                tp(1, "Strategy discussion", d(20)),
                tp(2, "Around the move", DateOrPeriod::during("summer")),
                tp(3, "Referral", d(3)),
            ],
            ..Default::default()
        };
        let order: Vec<ItemId> = c.turning_points_in_order().iter().map(|t| t.id).collect();
        assert_eq!(order, [3, 1, 2]);
        assert_eq!(c.turning_point(2).map(|t| t.text.as_str()), Some("Around the move"));
        assert!(!c.turning_point(1).unwrap().is_promoted());
    }
}
