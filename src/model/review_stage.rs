//! The stages of a Learning Together review are the steps the review team works through,
//! from preparation to recommendations, each with the tools SCIE provides for it in the
//! appendices of *Learning together to safeguard children* (its "summary of aspects of the
//! process and accompanying tools"). The team marks each stage not started, in progress or
//! done, so the stages read as a task list.

use serde::{Deserialize, Serialize};

/// One stage of the review, in the order the review team meets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStage {
    Preparation,
    PreparingParticipants,
    DataCollection,
    OrganisingAndAnalysingData,
    ReviewingTheDataAndAnalysis,
    GenericPatterns,
    Recommendations,
}

/// One of SCIE's tools, each an appendix of the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StageTool {
    IntroductoryLetter,
    ExplanatoryCommunication,
    ConversationStructure,
    KeyPracticeEpisodesTable,
    ContributoryFactorsFramework,
    TypologyOfUnderlyingPatterns,
}

impl StageTool {
    /// The appendix of the guide that holds this tool.
    pub fn appendix(self) -> u8 {
        match self {
            StageTool::IntroductoryLetter => 1,
            StageTool::ExplanatoryCommunication => 2,
            StageTool::ConversationStructure => 3,
            StageTool::KeyPracticeEpisodesTable => 4,
            StageTool::ContributoryFactorsFramework => 5,
            StageTool::TypologyOfUnderlyingPatterns => 6,
        }
    }

    /// The tool's name as the guide's summary table gives it.
    pub fn label(self) -> &'static str {
        match self {
            StageTool::IntroductoryLetter => "Introductory letter",
            StageTool::ExplanatoryCommunication => "Example of explanatory communication to participants",
            StageTool::ConversationStructure => "Conversation structure",
            StageTool::KeyPracticeEpisodesTable => "Template for table of key practice episodes",
            StageTool::ContributoryFactorsFramework => "Framework for contributory factors",
            StageTool::TypologyOfUnderlyingPatterns => "Typology of underlying patterns",
        }
    }
}

impl ReviewStage {
    /// The stages, in order.
    pub const ALL: [ReviewStage; 7] = [
        ReviewStage::Preparation,
        ReviewStage::PreparingParticipants,
        ReviewStage::DataCollection,
        ReviewStage::OrganisingAndAnalysingData,
        ReviewStage::ReviewingTheDataAndAnalysis,
        ReviewStage::GenericPatterns,
        ReviewStage::Recommendations,
    ];

    /// The stage's name on the task list.
    pub fn label(self) -> &'static str {
        match self {
            ReviewStage::Preparation => "Preparation",
            ReviewStage::PreparingParticipants => "Preparing participants",
            ReviewStage::DataCollection => "Data collection",
            ReviewStage::OrganisingAndAnalysingData => "Organising and analysing data",
            ReviewStage::ReviewingTheDataAndAnalysis => "Reviewing the data and analysis",
            ReviewStage::GenericPatterns => "Identifying and prioritising generic patterns",
            ReviewStage::Recommendations => "Making recommendations",
        }
    }

    /// What the stage involves, in the words of the guide's summary table.
    pub fn aspects(self) -> &'static [&'static str] {
        match self {
            ReviewStage::Preparation => &[
                "Identifying a case for review",
                "Selecting the review team",
                "Identifying who should be involved",
            ],
            ReviewStage::PreparingParticipants => &["Preparing participants"],
            ReviewStage::DataCollection => &["Selecting documentation", "One-to-one conversations"],
            ReviewStage::OrganisingAndAnalysingData => &[
                "Producing a narrative of multi-agency perspectives",
                "Identifying and recording key practice episodes and their contributory factors",
            ],
            ReviewStage::ReviewingTheDataAndAnalysis => &["Reviewing the data and analysis"],
            ReviewStage::GenericPatterns => &["Identifying and prioritising generic patterns"],
            ReviewStage::Recommendations => &["Making recommendations"],
        }
    }

    /// The tools the guide offers for this stage; some stages have none.
    pub fn tools(self) -> &'static [StageTool] {
        match self {
            ReviewStage::PreparingParticipants => &[StageTool::IntroductoryLetter],
            ReviewStage::DataCollection => {
                &[StageTool::ExplanatoryCommunication, StageTool::ConversationStructure]
            }
            ReviewStage::OrganisingAndAnalysingData => {
                &[StageTool::KeyPracticeEpisodesTable, StageTool::ContributoryFactorsFramework]
            }
            ReviewStage::GenericPatterns => &[StageTool::TypologyOfUnderlyingPatterns],
            ReviewStage::Preparation
            | ReviewStage::ReviewingTheDataAndAnalysis
            | ReviewStage::Recommendations => &[],
        }
    }
}

/// How far the review team has got with a stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl StageStatus {
    pub const ALL: [StageStatus; 3] = [StageStatus::NotStarted, StageStatus::InProgress, StageStatus::Done];

    /// The status as the task list shows it.
    pub fn label(self) -> &'static str {
        match self {
            StageStatus::NotStarted => "Not started",
            StageStatus::InProgress => "In progress",
            StageStatus::Done => "Done",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_belongs_to_exactly_one_stage_in_appendix_order() {
        let tools: Vec<StageTool> = ReviewStage::ALL.iter().flat_map(|s| s.tools().iter().copied()).collect();
        let appendices: Vec<u8> = tools.iter().map(|t| t.appendix()).collect();
        assert_eq!(appendices, [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn the_stages_follow_the_guides_process() {
        let labels = ReviewStage::ALL.map(|s| s.label());
        assert_eq!(labels[0], "Preparation");
        assert_eq!(labels[6], "Making recommendations");
        assert!(ReviewStage::ALL.iter().all(|s| !s.aspects().is_empty()));
        assert_eq!(ReviewStage::DataCollection.tools()[1].label(), "Conversation structure");
    }
}
