//! Sections are the parts of a review as its method names them (the case discussion's
//! eight steps; Learning Together's stages). Each edits the open review through the model.

pub mod analysis_tree_section;
pub mod capture_bar;
pub mod case_discussion_sections;
pub mod cd_watch;
pub mod lt_watch;
pub mod discussion_board;
pub mod conversation_guide_form;
pub mod learning_together_sections;
pub mod lt_analysis;
pub mod lt_conversations;
pub mod lt_evidence;
pub mod lt_findings;
pub mod lt_report;
pub mod preparation_sections;
pub mod smart_actions_section;
pub mod wall_areas;

pub use case_discussion_sections::CaseDiscussionSections;
pub use learning_together_sections::LearningTogetherSections;
pub use preparation_sections::PreparationSections;

use leptos::prelude::*;

use crate::model::Review;

/// The review open on screen. Sections read it and change it only through model methods.
#[derive(Clone, Copy)]
pub struct ReviewContext(pub RwSignal<Review>);
