//! A contributory factor is something in the work environment, the family, the team, the
//! agencies or the wider context that influenced how people saw a situation and acted at
//! the time: it made good practice easier or problematic practice more likely. The review
//! team records each factor once, in one of the nine categories of the conversation guide,
//! places it at a level of the system (frontline, team, inter-agency, organisational, wider
//! context) and links it to the key practice episodes it helps to explain.

use serde::{Deserialize, Serialize};

use super::conversation_guide::FactorCategory;
use super::learning_together::{ConversationId, EpisodeId, FactorId};

/// Where in the system a contributory factor sits, from the frontline outwards: the levels
/// the analysis view groups factors by.
///
/// SCIE's framework for contributory factors (Appendix 5) groups factors "by
/// level/location"; its first group, frontline factors, covers aspects of the family,
/// personal staff aspects, aspects of the role, conditions of work and the worker's own
/// team, and further groups cover inter-agency working, organisational culture and
/// management, and the wider context (our summary, partly verified against the source).
/// The five levels here are the app's, following that description but giving the team its
/// own level so the analysis view can show team factors apart from the individual's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum FactorLevel {
    #[default]
    Frontline,
    Team,
    InterAgency,
    Organisational,
    WiderContext,
}

impl FactorLevel {
    /// The five levels, from the frontline outwards.
    pub const ALL: [FactorLevel; 5] = [
        FactorLevel::Frontline,
        FactorLevel::Team,
        FactorLevel::InterAgency,
        FactorLevel::Organisational,
        FactorLevel::WiderContext,
    ];

    /// The level's heading in the analysis view.
    pub fn label(self) -> &'static str {
        match self {
            FactorLevel::Frontline => "Frontline",
            FactorLevel::Team => "Team",
            FactorLevel::InterAgency => "Inter-agency",
            FactorLevel::Organisational => "Organisational",
            FactorLevel::WiderContext => "Wider context",
        }
    }
}

impl FactorCategory {
    /// The level a factor in this category starts at. The mapping is the app's, following
    /// Appendix 5 as described on [`FactorLevel`] (partly verified): the family, the role,
    /// conditions of work and personal aspects are frontline; "your own team factors",
    /// which Appendix 5 counts as frontline, get the app's separate team level. "Other" has
    /// no level of its own, so it starts at the frontline, where the person who raised it
    /// stood; the review team can move any factor with
    /// [`LearningTogether::place_factor`](super::LearningTogether::place_factor).
    pub fn level(self) -> FactorLevel {
        match self {
            FactorCategory::Family
            | FactorCategory::YourRole
            | FactorCategory::ConditionsOfWork
            | FactorCategory::Personal
            | FactorCategory::Other => FactorLevel::Frontline,
            FactorCategory::OwnTeam => FactorLevel::Team,
            FactorCategory::InterAgency => FactorLevel::InterAgency,
            FactorCategory::OrganisationalCulture => FactorLevel::Organisational,
            FactorCategory::WiderPoliticalContext => FactorLevel::WiderContext,
        }
    }
}

/// One contributory factor, as the review team words it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct ContributoryFactor {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: FactorId,
    #[autosurgeon(missing = "other_category")]
    pub category: FactorCategory,
    /// Starts at the category's level; the review team may move it.
    #[autosurgeon(missing = "Default::default")]
    pub level: FactorLevel,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
    /// The key practice episodes this factor helps to explain. Kept in step with each
    /// episode's own list: change it only through `link_factor` and `unlink_factor`.
    #[autosurgeon(missing = "Default::default")]
    pub episodes: Vec<EpisodeId>,
    /// The conversations in which it was raised, when it was recorded from one.
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub source_conversations: Vec<ConversationId>,
}

/// The category a factor read from an incomplete history falls back to.
fn other_category() -> FactorCategory {
    FactorCategory::Other
}

impl Default for ContributoryFactor {
    fn default() -> Self {
        ContributoryFactor {
            id: 0,
            category: FactorCategory::Other,
            level: FactorCategory::Other.level(),
            text: String::new(),
            episodes: Vec::new(),
            source_conversations: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_starts_at_least_one_category() {
        for level in FactorLevel::ALL {
            assert!(
                FactorCategory::ALL.iter().any(|c| c.level() == level),
                "no category starts at {level:?}"
            );
        }
    }

    #[test]
    fn the_frontline_covers_the_family_the_role_the_work_and_the_person() {
        use FactorCategory::*;
        for c in [Family, YourRole, ConditionsOfWork, Personal] {
            assert_eq!(c.level(), FactorLevel::Frontline, "{c:?}");
        }
        assert_eq!(OwnTeam.level(), FactorLevel::Team);
        assert_eq!(InterAgency.level(), FactorLevel::InterAgency);
        assert_eq!(OrganisationalCulture.level(), FactorLevel::Organisational);
        assert_eq!(WiderPoliticalContext.level(), FactorLevel::WiderContext);
    }

    #[test]
    fn levels_run_from_the_frontline_outwards() {
        let mut sorted = FactorLevel::ALL;
        sorted.sort();
        assert_eq!(sorted, FactorLevel::ALL);
        assert_eq!(
            FactorLevel::ALL.map(|l| l.label()),
            ["Frontline", "Team", "Inter-agency", "Organisational", "Wider context"]
        );
    }
}
