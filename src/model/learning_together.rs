//! A Learning Together review is a systems review of a case (SCIE's model): a review team
//! holds one-to-one **conversations** with the people involved, identified by **role and
//! agency only**, then identifies key practice episodes, contributory factors, underlying
//! patterns and findings.

use serde::{Deserialize, Serialize};

/// Identifies an item within one review.
pub type ItemId = u64;

/// Someone taking part in the review, by role and agency, never by name. Children and
/// family members can be participants too.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Participant {
    pub id: ItemId,
    pub role: String,
    pub agency: String,
}

/// Everything recorded in one Learning Together review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LearningTogether {
    /// The pseudonym the family and child are known by in the review.
    pub family_pseudonym: String,
    /// What the review is for, in the team's own words.
    pub scope: String,
    pub participants: Vec<Participant>,
}

impl LearningTogether {
    /// Adds a participant by role and agency and returns their id.
    pub fn add_participant(&mut self, role: &str, agency: &str) -> ItemId {
        let id = self.participants.iter().map(|p| p.id).max().unwrap_or(0) + 1;
        self.participants.push(Participant {
            id,
            role: role.trim().to_string(),
            agency: agency.trim().to_string(),
        });
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participants_are_recorded_by_role_and_agency() {
        let mut lt = LearningTogether::default();
        let a = lt.add_participant(" Social worker ", "Children's services");
        let b = lt.add_participant("Health visitor", "NHS trust");
        assert_ne!(a, b);
        assert_eq!(lt.participants[0].role, "Social worker");
    }
}
