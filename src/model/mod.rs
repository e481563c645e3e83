//! The model is the case review itself, in plain Rust: what a review holds (a case
//! discussion or a Learning Together systems review) and every change a person can make to
//! it. Nothing here touches the browser, a clock or a random source: times and ids come in
//! as arguments, so every rule can be tested natively with `cargo test`.

pub mod action_log;
pub mod agency_check;
pub mod anonymise;
pub mod case_discussion;
pub mod cd_part;
pub mod discussion_undo;
pub mod case_discussion_guide;
pub mod contributory_factor;
pub mod conversation;
pub mod conversation_guide;
pub mod conversation_notes;
pub mod date_or_period;
pub mod edit_history;
pub mod evidence;
pub mod finding;
pub mod id_blocks;
pub mod identifying_details;
pub mod key_practice_episode;
pub mod learning_together;
pub mod letters;
pub mod library;
pub mod merge_shape;
pub mod narrative;
pub mod lt_field;
pub mod lt_part;
pub mod notes_field;
pub mod participant_journey;
pub mod pattern_type;
pub mod practice_review_principles;
pub mod practitioner_preparation;
pub mod problem_tree;
pub mod published_report;
pub mod respectful_language;
pub mod review_stage;
pub mod tree_drop;
pub mod tree_index;
pub mod tree_nudge;
pub mod tree_parking;
pub mod review;
pub mod share_check;
pub mod smart_action_check;
pub mod text_hints;
pub mod working_days;

pub use case_discussion::CaseDiscussion;
pub use learning_together::LearningTogether;
pub use library::{past_delete_by, ReviewSummary, SummaryFilter};
pub use problem_tree::ProblemTree;
pub use review::{Review, ReviewBody, ReviewId, ReviewKind};
