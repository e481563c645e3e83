//! A key practice episode is a moment or period in the case when key decisions or actions
//! were taken that shaped what happened next. The review team identifies them from the
//! turning points people describe in their conversations, appraises the practice as good
//! or problematic, explains why it made sense to those involved at the time, and links the
//! contributory factors that help to explain it (Appendix 4's table of key practice
//! episodes; its columns as we have them are not verified against the appendix).

use serde::{Deserialize, Serialize};

use super::date_or_period::DateOrPeriod;
use super::learning_together::{ConversationId, EpisodeId, FactorId};

/// The review team's appraisal of the practice in an episode. SCIE asks reviewers to speak
/// of good and problematic practice rather than of error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum Appraisal {
    #[default]
    NotYetAppraised,
    Good,
    Problematic,
    /// Some of the practice good, some problematic.
    Mixed,
}

impl Appraisal {
    pub const ALL: [Appraisal; 4] =
        [Appraisal::NotYetAppraised, Appraisal::Good, Appraisal::Problematic, Appraisal::Mixed];

    /// The appraisal as the table shows it.
    pub fn label(self) -> &'static str {
        match self {
            Appraisal::NotYetAppraised => "Not yet appraised",
            Appraisal::Good => "Good practice",
            Appraisal::Problematic => "Problematic practice",
            Appraisal::Mixed => "Both good and problematic practice",
        }
    }
}

/// One row of the key practice episodes table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct KeyPracticeEpisode {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: EpisodeId,
    /// The episode in a few words, e.g. "Strategy discussion after the bruising".
    #[autosurgeon(missing = "Default::default")]
    pub episode: String,
    #[autosurgeon(missing = "Default::default")]
    pub date_or_period: DateOrPeriod,
    /// The roles (and agencies) involved, never names.
    #[autosurgeon(missing = "Default::default")]
    pub roles_involved: Vec<String>,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub what_happened: String,
    #[autosurgeon(missing = "Default::default")]
    pub appraisal: Appraisal,
    /// Why the practice appraised made sense to those involved at the time.
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub why_it_made_sense: String,
    /// Contributory factors linked to this episode. Kept in step with each factor's own
    /// list: change it only through `link_factor` and `unlink_factor`.
    #[autosurgeon(missing = "Default::default")]
    pub factors: Vec<FactorId>,
    /// The conversations whose turning points this episode came from.
    #[autosurgeon(missing = "Default::default")]
    pub source_conversations: Vec<ConversationId>,
}

impl KeyPracticeEpisode {
    /// True while the review team has not yet appraised it: a candidate from a turning point.
    pub fn is_candidate(&self) -> bool {
        self.appraisal == Appraisal::NotYetAppraised
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_episode_is_a_candidate_until_it_is_appraised() {
        let mut e = KeyPracticeEpisode::default();
        assert!(e.is_candidate());
        e.appraisal = Appraisal::Mixed;
        assert!(!e.is_candidate());
        assert!(Appraisal::ALL.iter().all(|a| !a.label().to_lowercase().contains("error")));
    }
}
