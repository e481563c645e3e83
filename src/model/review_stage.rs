//! The stages of a Learning Together review are the steps the review team works through,
//! from preparation to recommendations, each with the tools SCIE provides for it in the
//! appendices of *Learning together to safeguard children* (its "summary of aspects of the
//! process and accompanying tools"). The team marks each stage not started, in progress or
//! done, so the stages read as a task list. Each stage can carry a **target date** and the
//! date it was **completed**; a stage still open after its target date is said plainly, as
//! a fact about the timetable, never about a person.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::participant_journey::short_date;

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

/// The target date the team set for a stage and the date it was completed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StageDates {
    pub target: Option<NaiveDate>,
    pub completed: Option<NaiveDate>,
}

/// Where a stage stands against its target date, on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageTiming {
    /// No target date, and not done.
    NoTarget,
    /// Not done; the target date is today or later.
    Due { target: NaiveDate, days_left: i64 },
    /// Not done, and its target date has passed.
    PastTarget { target: NaiveDate, days_past: i64 },
    /// Done, on the day recorded (if any), against its target (if any).
    Done { completed: Option<NaiveDate>, target: Option<NaiveDate> },
}

impl StageTiming {
    /// Where a stage with this status and these dates stands on `today`.
    pub fn of(status: StageStatus, dates: StageDates, today: NaiveDate) -> StageTiming {
        match (status, dates.target) {
            (StageStatus::Done, target) => StageTiming::Done { completed: dates.completed, target },
            (_, None) => StageTiming::NoTarget,
            (_, Some(target)) if target < today => {
                StageTiming::PastTarget { target, days_past: (today - target).num_days() }
            }
            (_, Some(target)) => StageTiming::Due { target, days_left: (target - today).num_days() },
        }
    }

    /// True when the stage is still open after its target date.
    pub fn is_past_target(self) -> bool {
        matches!(self, StageTiming::PastTarget { .. })
    }

    /// The stage's timing in a short sentence, or "" when there is nothing to say.
    pub fn sentence(self, today: NaiveDate) -> String {
        let on = |d: NaiveDate| short_date(d, today);
        let days = |n: i64| if n == 1 { "1 day".to_string() } else { format!("{n} days") };
        match self {
            StageTiming::NoTarget => String::new(),
            StageTiming::Due { days_left: 0, .. } => "Target date: today.".to_string(),
            StageTiming::Due { target, days_left } => format!("Target date {} ({} from today).", on(target), days(days_left)),
            StageTiming::PastTarget { target, days_past } => {
                format!("Past its target date of {} by {}, and not yet marked done.", on(target), days(days_past))
            }
            StageTiming::Done { completed: Some(c), target: Some(t) } => {
                format!("Completed on {} (target date {}).", on(c), on(t))
            }
            StageTiming::Done { completed: Some(c), target: None } => format!("Completed on {}.", on(c)),
            StageTiming::Done { completed: None, target: _ } => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn a_stage_open_after_its_target_date_is_said_plainly() {
        let dates = StageDates { target: Some(dec(3)), completed: None };
        let timing = StageTiming::of(StageStatus::InProgress, dates, dec(9));
        assert!(timing.is_past_target());
        assert_eq!(timing.sentence(dec(9)), "Past its target date of 3 Dec by 6 days, and not yet marked done.");
        assert_eq!(StageTiming::of(StageStatus::NotStarted, dates, dec(3)).sentence(dec(3)), "Target date: today.");
        assert_eq!(StageTiming::of(StageStatus::NotStarted, dates, dec(2)).sentence(dec(2)), "Target date 3 Dec (1 day from today).");
        let done = StageTiming::of(StageStatus::Done, StageDates { completed: Some(dec(5)), ..dates }, dec(9));
        assert!(!done.is_past_target());
        assert_eq!(done.sentence(dec(9)), "Completed on 5 Dec (target date 3 Dec).");
        assert_eq!(StageTiming::of(StageStatus::InProgress, StageDates::default(), dec(9)), StageTiming::NoTarget);
    }

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
