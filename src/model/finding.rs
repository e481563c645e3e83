//! A finding is what the review has learned about the system, beyond this one case: an
//! underlying pattern that made good practice easier or problematic practice more likely,
//! tagged with one or more pattern types from SCIE's typology. Each finding says how the
//! pattern showed in this case, what shows it is wider than this case, why it matters,
//! and the issues the safeguarding board is asked to consider: questions, not instructions.
//! The shape follows later Learning Together reports (not verified against the guide).

use serde::{Deserialize, Serialize};

use super::learning_together::{EpisodeId, FactorId, FindingId, ItemId};
use super::pattern_type::PatternType;

/// One finding of the review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Finding {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: FindingId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub statement: String,
    /// One or more pattern types; the model never leaves a finding with none.
    #[autosurgeon(missing = "Default::default")]
    pub pattern_types: Vec<PatternType>,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub how_it_showed_in_this_case: String,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub evidence_it_is_wider: String,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub why_it_matters: String,
    #[autosurgeon(with = "crate::model::merge_shape::text_list")]
    pub issues_for_the_board: Vec<String>,
    /// The key practice episodes it rests on.
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub episodes: Vec<EpisodeId>,
    /// The contributory factors it rests on.
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub factors: Vec<FactorId>,
}

/// What a finding rests on, as a report shows it: the episodes (numbered as in the key
/// practice episodes table), the factors, and who the conversations behind them were with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindingBasis {
    pub episodes: Vec<String>,
    pub factors: Vec<String>,
    pub conversations: Vec<String>,
}

impl FindingBasis {
    /// True when the finding is linked to nothing yet.
    pub fn is_empty(&self) -> bool {
        self.episodes.is_empty() && self.factors.is_empty()
    }
}

impl Finding {
    /// True when the finding carries this pattern type.
    pub fn shows(&self, pattern: PatternType) -> bool {
        self.pattern_types.contains(&pattern)
    }
}

/// A recommendation of the review, answering one finding or standing on its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Recommendation {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
    /// The finding it responds to, if any.
    #[autosurgeon(missing = "Default::default")]
    pub finding: Option<FindingId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_shows_the_patterns_it_is_tagged_with() {
        let f = Finding { pattern_types: vec![PatternType::HumanToolOperation], ..Default::default() };
        assert!(f.shows(PatternType::HumanToolOperation));
        assert!(!f.shows(PatternType::HumanReasoning));
    }
}
