//! A pattern type is one category of SCIE's typology of underlying patterns (Appendix 6 of
//! *Learning together to safeguard children*): "patterns of systemic factors that
//! contribute to good practice or make problematic practice more likely". Findings are
//! tagged with the pattern types they show; the categories overlap, so a finding may carry
//! several.

use serde::{Deserialize, Serialize};

/// What the typology is, in Appendix 6's words.
pub const TYPOLOGY_DESCRIPTION: &str =
    "Patterns of systemic factors that contribute to good practice or make problematic practice more likely";

/// One category of underlying pattern.
///
/// The first four are Appendix 6's categories as we have them. The last two,
/// [`PatternType::FamilyProfessionalInteraction`] and [`PatternType::HumanReasoning`], are
/// inferred from later Learning Together reports and have not been checked against the
/// appendix itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum PatternType {
    HumanToolOperation,
    HumanManagementSystemOperation,
    MultiAgencyIncidentsAndCrises,
    MultiAgencyAssessmentAndLongerTermWork,
    /// Inferred, not checked against Appendix 6.
    FamilyProfessionalInteraction,
    /// Inferred, not checked against Appendix 6.
    HumanReasoning,
}

impl PatternType {
    /// The six pattern types, in the typology's order.
    pub const ALL: [PatternType; 6] = [
        PatternType::HumanToolOperation,
        PatternType::HumanManagementSystemOperation,
        PatternType::MultiAgencyIncidentsAndCrises,
        PatternType::MultiAgencyAssessmentAndLongerTermWork,
        PatternType::FamilyProfessionalInteraction,
        PatternType::HumanReasoning,
    ];

    /// The pattern type's name, as a tag on a finding.
    pub fn label(self) -> &'static str {
        match self {
            PatternType::HumanToolOperation => "Human-tool operation",
            PatternType::HumanManagementSystemOperation => "Human-management system operation",
            PatternType::MultiAgencyIncidentsAndCrises => {
                "Multi-agency working in response to incidents and crises"
            }
            PatternType::MultiAgencyAssessmentAndLongerTermWork => {
                "Multi-agency working in assessment and longer-term work"
            }
            PatternType::FamilyProfessionalInteraction => "Family-professional interaction",
            PatternType::HumanReasoning => "Human reasoning: cognitive and emotional biases",
        }
    }

    /// True for the categories we inferred rather than read in Appendix 6.
    pub fn is_inferred(self) -> bool {
        matches!(self, PatternType::FamilyProfessionalInteraction | PatternType::HumanReasoning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_pattern_types_with_the_last_two_marked_as_inferred() {
        let inferred: Vec<PatternType> = PatternType::ALL.into_iter().filter(|p| p.is_inferred()).collect();
        assert_eq!(inferred, [PatternType::FamilyProfessionalInteraction, PatternType::HumanReasoning]);
        let labels = PatternType::ALL.map(|p| p.label().to_lowercase());
        for phrase in [
            "human-tool operation",
            "human-management system operation",
            "multi-agency working in response to incidents and crises",
            "multi-agency working in assessment and longer-term work",
        ] {
            assert!(labels.iter().any(|l| l == phrase), "{phrase}");
        }
    }
}
