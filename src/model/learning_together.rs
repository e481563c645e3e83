//! A Learning Together review is a systems review of a case (SCIE's model): a review team
//! holds one-to-one **conversations** with the people involved, identified by **role and
//! agency only** (children and family members by pseudonym), draws **key practice
//! episodes** out of the turning points they describe, explains them with **contributory
//! factors**, tells the story as a **narrative of multi-agency perspectives**, and
//! identifies the underlying patterns as **findings** for the safeguarding board, with
//! **recommendations**. The team works through the review's stages as a task list.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::contributory_factor::{ContributoryFactor, FactorLevel};
use super::conversation::{Conversation, TurningPoint};
use super::conversation_guide::FactorCategory;
use super::conversation_notes::clean_text;
use super::date_or_period::DateOrPeriod;
use super::evidence::{ChronologyEntry, SourceDocument};
use super::finding::{Finding, FindingBasis, Recommendation};
use super::key_practice_episode::{Appraisal, KeyPracticeEpisode};
use super::letters::{self, Letters};
use super::narrative::NarrativeEvent;
use super::participant_journey::{Journey, JourneyStep, NextStep};
use super::pattern_type::PatternType;
use super::practitioner_preparation::{preparation_mismatch, PractitionerPreparation, PreparationMismatch, PreparationSource};
use super::review_stage::{ReviewStage, StageDates, StageStatus, StageTiming};

/// Identifies an item within one review. Every kind of item draws from the same counter,
/// so an id names one item whatever its kind.
pub type ItemId = u64;
pub type ParticipantId = ItemId;
pub type ConversationId = ItemId;
pub type EpisodeId = ItemId;
pub type FactorId = ItemId;
pub type FindingId = ItemId;

/// Someone taking part in the review. Professionals are recorded by role and agency, never
/// by name; children and family members are participants too, known by a pseudonym.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Participant {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ParticipantId,
    /// For a professional, their position ("Health visitor"); for a family member, their
    /// place in the family ("Mother", "Child").
    #[autosurgeon(missing = "Default::default")]
    pub role: String,
    /// Blank for family members.
    #[autosurgeon(missing = "Default::default")]
    pub agency: String,
    #[autosurgeon(missing = "Default::default")]
    pub is_family_member: bool,
    /// The name a family member is known by in the review. Always blank for professionals.
    #[autosurgeon(missing = "Default::default")]
    pub pseudonym: String,
    // Their journey through the review (see `participant_journey.rs`), one value each so
    // that two laptops recording different steps never clash. The day their conversation
    // was held is the conversation's date.
    /// The day the introductory letter was sent.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub letter_sent: Option<NaiveDate>,
    /// The day they agreed to take part.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub consent_given: Option<NaiveDate>,
    /// The day their conversation is booked for.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub conversation_booked: Option<NaiveDate>,
    /// The day the recording of their conversation was destroyed.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub recording_destroyed: Option<NaiveDate>,
    /// The day a draft (the record of their conversation, or of the report) was shared
    /// with them to check.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub draft_shared: Option<NaiveDate>,
    /// The day their comments on the draft were asked for by.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub comments_due: Option<NaiveDate>,
    /// The day their comments came back.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub comments_received: Option<NaiveDate>,
}

impl Participant {
    /// How the participant is shown in lists and reports: "Health visitor, NHS trust" or
    /// "Mother (Kerry)".
    pub fn label(&self) -> String {
        let role = self.role.trim();
        let extra = if self.is_family_member { self.pseudonym.trim() } else { self.agency.trim() };
        match (extra.is_empty(), self.is_family_member) {
            (true, _) => role.to_string(),
            (false, true) => format!("{role} ({extra})"),
            (false, false) => format!("{role}, {extra}"),
        }
    }
}

/// A member of the review team, by role only (e.g. "Lead reviewer (independent)").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct ReviewTeamMember {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(missing = "Default::default")]
    pub role: String,
}

/// Why a change to the review could not be made, in words a user can be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    NoSuchParticipant,
    NoSuchTeamMember,
    NoSuchConversation,
    NoSuchTurningPoint,
    NoSuchEpisode,
    NoSuchFactor,
    NoSuchFinding,
    NoSuchEvent,
    NoSuchRecommendation,
    /// The text was empty or only spaces.
    BlankText,
    /// Only children and family members are given pseudonyms.
    NotAFamilyMember,
    /// A finding keeps at least one pattern type.
    LastPatternType,
    NoSuchDocument,
    NoSuchChronologyEntry,
    /// Only documents of the register and conversations can be cited as sources.
    NotASource,
    /// Only narrative events, key practice episodes and findings cite sources.
    NotCiting,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            EditError::NoSuchParticipant => "That participant is no longer in the review.",
            EditError::NoSuchTeamMember => "That member of the review team is no longer listed.",
            EditError::NoSuchConversation => "That conversation is no longer in the review.",
            EditError::NoSuchTurningPoint => "That turning point is no longer in the conversation.",
            EditError::NoSuchEpisode => "That key practice episode is no longer in the review.",
            EditError::NoSuchFactor => "That contributory factor is no longer in the review.",
            EditError::NoSuchFinding => "That finding is no longer in the review.",
            EditError::NoSuchEvent => "That event is no longer in the narrative.",
            EditError::NoSuchRecommendation => "That recommendation is no longer in the review.",
            EditError::BlankText => "Write something first.",
            EditError::NotAFamilyMember => {
                "Pseudonyms are for children and family members; professionals are known by their role."
            }
            EditError::LastPatternType => {
                "A finding needs at least one pattern type: add another before removing this one."
            }
            EditError::NoSuchDocument => "That document is no longer in the register.",
            EditError::NoSuchChronologyEntry => "That entry is no longer in the chronology.",
            EditError::NotASource => "Choose a document of the register or a conversation as the source.",
            EditError::NotCiting => "Only narrative events, key practice episodes and findings cite sources.",
        };
        f.write_str(text)
    }
}

impl std::error::Error for EditError {}

/// What adding a practitioner's preparation to a conversation added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PreparationImport {
    pub conversation: ConversationId,
    /// Pieces of text added to the notes, answers and factor categories.
    pub notes_added: usize,
    pub turning_points_added: usize,
}

/// What recording part 4's answer as a contributory factor did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordedFactor {
    pub factor: FactorId,
    /// True when the review already had a factor in the same words: the conversation was
    /// added to its sources instead of making a second factor.
    pub already_recorded: bool,
}

/// Factor wording compared without case, spacing or a closing full stop.
fn same_factor_text(a: &str, b: &str) -> bool {
    let norm = |t: &str| {
        t.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', ';', ' ']).to_lowercase()
    };
    norm(a) == norm(b)
}

/// Everything recorded in one Learning Together review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct LearningTogether {
    /// The pseudonym the family and child are known by in the review.
    #[autosurgeon(missing = "Default::default")]
    pub family_pseudonym: String,
    /// What the review is for, in the team's own words.
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub scope: String,
    #[autosurgeon(missing = "Default::default")]
    pub participants: Vec<Participant>,
    #[autosurgeon(missing = "Default::default")]
    pub review_team: Vec<ReviewTeamMember>,
    /// How far the team has got with each stage; stages not listed are not started.
    #[autosurgeon(with = "crate::model::merge_shape::keyed_map")]
    pub stages: BTreeMap<ReviewStage, StageStatus>,
    /// The date the team aims to finish each stage by; stages without one are not listed.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::keyed_date_map")]
    pub stage_targets: BTreeMap<ReviewStage, NaiveDate>,
    /// The date each stage marked done was completed.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::keyed_date_map")]
    pub stages_completed: BTreeMap<ReviewStage, NaiveDate>,
    #[autosurgeon(missing = "Default::default")]
    pub letters: Letters,
    /// One per participant at most.
    #[autosurgeon(missing = "Default::default")]
    pub conversations: Vec<Conversation>,
    /// The narrative of multi-agency perspectives, in the order events were added; see
    /// [`LearningTogether::narrative`] for date order.
    #[autosurgeon(missing = "Default::default")]
    pub narrative_events: Vec<NarrativeEvent>,
    #[autosurgeon(missing = "Default::default")]
    pub episodes: Vec<KeyPracticeEpisode>,
    #[autosurgeon(missing = "Default::default")]
    pub factors: Vec<ContributoryFactor>,
    #[autosurgeon(missing = "Default::default")]
    pub findings: Vec<Finding>,
    #[autosurgeon(missing = "Default::default")]
    pub recommendations: Vec<Recommendation>,
    /// The next free item id; ids are never reused within a review.
    #[autosurgeon(missing = "Default::default")]
    pub next_id: ItemId,
    /// Text hints the team has dismissed, by [`super::text_hints::TextHint::key`].
    #[autosurgeon(with = "crate::model::merge_shape::string_set")]
    pub dismissed_hints: BTreeSet<String>,
    // The published report's own texts (see `published_report.rs`); the terms of reference
    // are `scope`. Each is listed in `review_history::ADDED_PARTS`.
    /// The report's summary.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub summary: String,
    /// How the review was done: the method, the team, who took part, the conversations.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub methodology: String,
    /// The case in brief, the family by pseudonym.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub case_summary: String,
    /// Thanks to those who took part.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub acknowledgements: String,
    /// The documents register (see `evidence.rs`).
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub documents: Vec<SourceDocument>,
    /// The entries the team wrote into the integrated chronology (see `evidence.rs`).
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub chronology_entries: Vec<ChronologyEntry>,
    /// Which narrative events, episodes and findings cite which documents and
    /// conversations, as "citing>cited" ids (see `evidence.rs`).
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::string_set")]
    pub citations: BTreeSet<String>,
}

fn set_or_clear<K: Ord, V>(map: &mut BTreeMap<K, V>, key: K, value: Option<V>) {
    match value {
        Some(v) => {
            map.insert(key, v);
        }
        None => {
            map.remove(&key);
        }
    }
}

fn non_blank(text: &str) -> Result<String, EditError> {
    let t = text.trim();
    if t.is_empty() {
        Err(EditError::BlankText)
    } else {
        Ok(t.to_string())
    }
}

// Ids.
impl LearningTogether {
    pub(crate) fn allocate_id(&mut self) -> ItemId {
        // Older saves have no counter, and imported files may carry ids at or beyond it.
        let block = super::id_blocks::block_of(self.next_id);
        let highest = self.highest_item_id_in(block);
        self.next_id = self.next_id.max(highest + 1).max(super::id_blocks::first_id(block));
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn highest_item_id_in(&self, block: u64) -> ItemId {
        let turning_points = self.conversations.iter().flat_map(|c| c.turning_points.iter().map(|t| t.id));
        self.participants
            .iter()
            .map(|p| p.id)
            .chain(self.review_team.iter().map(|m| m.id))
            .chain(self.conversations.iter().map(|c| c.id))
            .chain(turning_points)
            .chain(self.narrative_events.iter().map(|e| e.id))
            .chain(self.episodes.iter().map(|e| e.id))
            .chain(self.factors.iter().map(|f| f.id))
            .chain(self.findings.iter().map(|f| f.id))
            .chain(self.recommendations.iter().map(|r| r.id))
            .chain(self.documents.iter().map(|d| d.id))
            .chain(self.chronology_entries.iter().map(|e| e.id))
            .filter(|id| super::id_blocks::block_of(*id) == block)
            .max()
            .unwrap_or(0)
    }
}

// Participants and the review team.
impl LearningTogether {
    /// The pseudonyms used in the review: the family's and each family member's.
    pub fn pseudonyms(&self) -> Vec<&str> {
        std::iter::once(self.family_pseudonym.as_str())
            .chain(self.participants.iter().map(|p| p.pseudonym.as_str()))
            .flat_map(str::split_whitespace)
            .collect()
    }

    /// Adds a professional participant by role and agency and returns their id.
    pub fn add_participant(&mut self, role: &str, agency: &str) -> ParticipantId {
        let id = self.allocate_id();
        self.participants.push(Participant {
            id,
            role: role.trim().to_string(),
            agency: agency.trim().to_string(),
            ..Default::default()
        });
        id
    }

    /// Adds a child or family member as a participant, by their place in the family and the
    /// pseudonym they are known by in the review, and returns their id.
    pub fn add_family_member(&mut self, role: &str, pseudonym: &str) -> ParticipantId {
        let id = self.allocate_id();
        self.participants.push(Participant {
            id,
            role: role.trim().to_string(),
            agency: String::new(),
            is_family_member: true,
            pseudonym: pseudonym.trim().to_string(),
            ..Default::default()
        });
        id
    }

    /// The participant with this id.
    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// Changes a participant's role and agency, kept as typed so they can be edited live
    /// ([`Participant::label`] trims them). A family member's agency stays blank.
    pub fn edit_participant(&mut self, id: ParticipantId, role: &str, agency: &str) -> Result<(), EditError> {
        let p = self.participants.iter_mut().find(|p| p.id == id).ok_or(EditError::NoSuchParticipant)?;
        p.role = role.to_string();
        if !p.is_family_member {
            p.agency = agency.to_string();
        }
        Ok(())
    }

    /// Changes the pseudonym a child or family member is known by (kept as typed).
    pub fn rename_pseudonym(&mut self, id: ParticipantId, pseudonym: &str) -> Result<(), EditError> {
        let p = self.participants.iter_mut().find(|p| p.id == id).ok_or(EditError::NoSuchParticipant)?;
        if !p.is_family_member {
            return Err(EditError::NotAFamilyMember);
        }
        p.pseudonym = pseudonym.to_string();
        Ok(())
    }

    /// A participant's journey through the review: their own days and the day their
    /// conversation was held.
    pub fn journey(&self, participant: ParticipantId) -> Option<Journey> {
        let p = self.participant(participant)?;
        Some(Journey {
            letter_sent: p.letter_sent,
            consent_given: p.consent_given,
            conversation_booked: p.conversation_booked,
            held: self.conversation_with(participant).and_then(|c| c.date),
            recording_destroyed: p.recording_destroyed,
            draft_shared: p.draft_shared,
            comments_due: p.comments_due,
            comments_received: p.comments_received,
        })
    }

    /// Sets or clears the day of one step of a participant's journey. The day the
    /// conversation was held is the conversation's date: setting it starts the record of
    /// the conversation if it has not been started.
    pub fn set_journey_date(
        &mut self,
        participant: ParticipantId,
        step: JourneyStep,
        date: Option<NaiveDate>,
    ) -> Result<(), EditError> {
        if step == JourneyStep::ConversationHeld {
            if self.participant(participant).is_none() {
                return Err(EditError::NoSuchParticipant);
            }
            let existing = self.conversation_with(participant).map(|c| c.id);
            let conversation = match (existing, date) {
                (Some(c), _) => c,
                (None, Some(_)) => self.start_conversation(participant, None)?,
                (None, None) => return Ok(()),
            };
            self.conversation_mut(conversation).ok_or(EditError::NoSuchConversation)?.date = date;
            return Ok(());
        }
        let p = self.participants.iter_mut().find(|p| p.id == participant).ok_or(EditError::NoSuchParticipant)?;
        let slot = match step {
            JourneyStep::LetterSent => &mut p.letter_sent,
            JourneyStep::ConsentGiven => &mut p.consent_given,
            JourneyStep::ConversationBooked => &mut p.conversation_booked,
            JourneyStep::RecordingDestroyed => &mut p.recording_destroyed,
            JourneyStep::DraftShared => &mut p.draft_shared,
            JourneyStep::CommentsReceived => &mut p.comments_received,
            JourneyStep::ConversationHeld => return Ok(()),
        };
        *slot = date;
        Ok(())
    }

    /// Sets or clears the day a participant's comments on the draft were asked for by.
    pub fn set_comments_due(&mut self, participant: ParticipantId, date: Option<NaiveDate>) -> Result<(), EditError> {
        let p = self.participants.iter_mut().find(|p| p.id == participant).ok_or(EditError::NoSuchParticipant)?;
        p.comments_due = date;
        Ok(())
    }

    /// What is next for a participant on `today`.
    pub fn next_for(&self, participant: ParticipantId, today: NaiveDate) -> Option<NextStep> {
        self.journey(participant).map(|j| j.next(today))
    }

    /// Removes a participant and, with them, the record of their conversation: the key
    /// practice episodes drawn from it stay, no longer naming it as a source. The screens
    /// should check [`LearningTogether::conversation_with`] and confirm first.
    pub fn remove_participant(&mut self, id: ParticipantId) -> bool {
        let before = self.participants.len();
        self.participants.retain(|p| p.id != id);
        if self.participants.len() == before {
            return false;
        }
        let removed: Vec<ConversationId> =
            self.conversations.iter().filter(|c| c.participant_id == id).map(|c| c.id).collect();
        self.conversations.retain(|c| c.participant_id != id);
        for e in &mut self.episodes {
            e.source_conversations.retain(|c| !removed.contains(c));
        }
        for f in &mut self.factors {
            f.source_conversations.retain(|c| !removed.contains(c));
        }
        for c in removed {
            self.forget_source(c);
        }
        true
    }

    /// Adds a member of the review team, by role.
    pub fn add_team_member(&mut self, role: &str) -> Result<ItemId, EditError> {
        let role = non_blank(role)?;
        let id = self.allocate_id();
        self.review_team.push(ReviewTeamMember { id, role });
        Ok(id)
    }

    /// Changes a review team member's role. A blank role is refused.
    pub fn edit_team_member(&mut self, id: ItemId, role: &str) -> Result<(), EditError> {
        let role = non_blank(role)?;
        let m = self.review_team.iter_mut().find(|m| m.id == id).ok_or(EditError::NoSuchTeamMember)?;
        m.role = role;
        Ok(())
    }

    /// Removes a member of the review team.
    pub fn remove_team_member(&mut self, id: ItemId) -> bool {
        let before = self.review_team.len();
        self.review_team.retain(|m| m.id != id);
        self.review_team.len() != before
    }
}

// Stages and letters.
impl LearningTogether {
    /// How far the team has got with a stage.
    pub fn stage_status(&self, stage: ReviewStage) -> StageStatus {
        self.stages.get(&stage).copied().unwrap_or_default()
    }

    /// Marks a stage not started, in progress or done.
    pub fn set_stage_status(&mut self, stage: ReviewStage, status: StageStatus) {
        if status == StageStatus::NotStarted {
            self.stages.remove(&stage);
        } else {
            self.stages.insert(stage, status);
        }
    }

    /// Marks a stage not started, in progress or done on `today`. Marking it done records
    /// `today` as the day it was completed, unless a day is already recorded; marking it
    /// anything else clears the completed day.
    pub fn set_stage_status_on(&mut self, stage: ReviewStage, status: StageStatus, today: NaiveDate) {
        self.set_stage_status(stage, status);
        if status == StageStatus::Done {
            self.stages_completed.entry(stage).or_insert(today);
        } else {
            self.stages_completed.remove(&stage);
        }
    }

    /// A stage's target date and completed date.
    pub fn stage_dates(&self, stage: ReviewStage) -> StageDates {
        StageDates { target: self.stage_targets.get(&stage).copied(), completed: self.stages_completed.get(&stage).copied() }
    }

    /// Sets or clears the date the team aims to finish a stage by.
    pub fn set_stage_target(&mut self, stage: ReviewStage, target: Option<NaiveDate>) {
        set_or_clear(&mut self.stage_targets, stage, target);
    }

    /// Sets the date a stage was completed, which marks it done; clearing the date of a
    /// stage marked done puts it back to in progress.
    pub fn set_stage_completed(&mut self, stage: ReviewStage, completed: Option<NaiveDate>) {
        set_or_clear(&mut self.stages_completed, stage, completed);
        match completed {
            Some(_) => self.set_stage_status(stage, StageStatus::Done),
            None if self.stage_status(stage) == StageStatus::Done => {
                self.set_stage_status(stage, StageStatus::InProgress);
            }
            None => {}
        }
    }

    /// Where a stage stands against its target date on `today`.
    pub fn stage_timing(&self, stage: ReviewStage, today: NaiveDate) -> StageTiming {
        StageTiming::of(self.stage_status(stage), self.stage_dates(stage), today)
    }

    /// The stages still open after their target date, in order.
    pub fn stages_past_target(&self, today: NaiveDate) -> Vec<ReviewStage> {
        ReviewStage::ALL.into_iter().filter(|&s| self.stage_timing(s, today).is_past_target()).collect()
    }

    /// Every stage with its status, in order: the task list.
    pub fn stage_list(&self) -> Vec<(ReviewStage, StageStatus)> {
        ReviewStage::ALL.iter().map(|&s| (s, self.stage_status(s))).collect()
    }

    /// The first stage not yet done, or `None` once every stage is done.
    pub fn current_stage(&self) -> Option<ReviewStage> {
        ReviewStage::ALL.into_iter().find(|&s| self.stage_status(s) != StageStatus::Done)
    }

    /// Drafts whichever letters are still blank from the review's details. Letters the
    /// team has written or edited are kept as they are.
    pub fn draft_letters(&mut self, review_title: &str) {
        self.draft_letters_on(review_title, None);
    }

    /// Drafts the blank letters, dated `today` unless the team has already set the
    /// letters' date.
    pub fn draft_letters_on(&mut self, review_title: &str, today: Option<NaiveDate>) {
        if self.letters.letter_date.is_none() {
            self.letters.letter_date = today;
        }
        if self.letters.family_letter.trim().is_empty() {
            self.letters.family_letter = letters::family_letter(self);
        }
        if self.letters.introductory_letter.trim().is_empty() {
            self.letters.introductory_letter = letters::introductory_letter(self, review_title);
        }
        if self.letters.conversation_explanation.trim().is_empty() {
            self.letters.conversation_explanation = letters::conversation_explanation(self, review_title);
        }
    }
}

// Conversations and turning points.
impl LearningTogether {
    /// Starts the record of a participant's conversation and returns its id. Each
    /// participant has one conversation: if theirs is already started, its id is returned
    /// and nothing changes.
    pub fn start_conversation(
        &mut self,
        participant: ParticipantId,
        date: Option<NaiveDate>,
    ) -> Result<ConversationId, EditError> {
        if self.participant(participant).is_none() {
            return Err(EditError::NoSuchParticipant);
        }
        if let Some(existing) = self.conversation_with(participant) {
            return Ok(existing.id);
        }
        let id = self.allocate_id();
        self.conversations.push(Conversation { id, participant_id: participant, date, ..Default::default() });
        Ok(id)
    }

    /// The conversation with this id.
    pub fn conversation(&self, id: ConversationId) -> Option<&Conversation> {
        self.conversations.iter().find(|c| c.id == id)
    }

    /// The conversation to edit its date and notes. Change its turning points through
    /// the methods here, so key practice episodes stay linked.
    pub fn conversation_mut(&mut self, id: ConversationId) -> Option<&mut Conversation> {
        self.conversations.iter_mut().find(|c| c.id == id)
    }

    /// The participant's conversation, if it has been started.
    pub fn conversation_with(&self, participant: ParticipantId) -> Option<&Conversation> {
        self.conversations.iter().find(|c| c.participant_id == participant)
    }

    /// Records a turning point the participant described, and returns its id.
    pub fn add_turning_point(
        &mut self,
        conversation: ConversationId,
        text: &str,
        date_or_period: DateOrPeriod,
    ) -> Result<ItemId, EditError> {
        let text = non_blank(text)?;
        if self.conversation(conversation).is_none() {
            return Err(EditError::NoSuchConversation);
        }
        let id = self.allocate_id();
        let c = self.conversation_mut(conversation).ok_or(EditError::NoSuchConversation)?;
        c.turning_points.push(TurningPoint { id, text, date_or_period, ..Default::default() });
        Ok(id)
    }

    /// Rewords a turning point or changes when it happened.
    pub fn edit_turning_point(
        &mut self,
        conversation: ConversationId,
        turning_point: ItemId,
        text: &str,
        date_or_period: DateOrPeriod,
    ) -> Result<(), EditError> {
        let text = non_blank(text)?;
        let tp = self.turning_point_mut(conversation, turning_point)?;
        tp.text = text;
        tp.date_or_period = date_or_period;
        Ok(())
    }

    /// Removes a turning point. A key practice episode made from it stays.
    pub fn remove_turning_point(&mut self, conversation: ConversationId, turning_point: ItemId) -> bool {
        let Some(c) = self.conversation_mut(conversation) else { return false };
        let before = c.turning_points.len();
        c.turning_points.retain(|t| t.id != turning_point);
        c.turning_points.len() != before
    }

    /// Makes a turning point a candidate key practice episode, not yet appraised, linked to
    /// the conversation it came from, and returns the episode's id. The episode starts with
    /// the turning point's words, its date or period and the participant's role. A turning
    /// point already promoted returns its episode unchanged.
    pub fn promote_turning_point(
        &mut self,
        conversation: ConversationId,
        turning_point: ItemId,
    ) -> Result<EpisodeId, EditError> {
        let c = self.conversation(conversation).ok_or(EditError::NoSuchConversation)?;
        let tp = c.turning_point(turning_point).ok_or(EditError::NoSuchTurningPoint)?;
        if let Some(existing) = tp.promoted_to.filter(|&e| self.episode(e).is_some()) {
            return Ok(existing);
        }
        let (episode, date_or_period) = (tp.text.clone(), tp.date_or_period.clone());
        let role = self.participant(c.participant_id).map(Participant::label).filter(|r| !r.is_empty());
        let id = self.allocate_id();
        self.episodes.push(KeyPracticeEpisode {
            id,
            episode,
            date_or_period,
            roles_involved: role.into_iter().collect(),
            source_conversations: vec![conversation],
            ..Default::default()
        });
        self.turning_point_mut(conversation, turning_point)?.promoted_to = Some(id);
        Ok(id)
    }

    /// Adds a turning point to an existing key practice episode, when several people
    /// describe the same moment: the episode gains the conversation as a source.
    pub fn add_turning_point_to_episode(
        &mut self,
        conversation: ConversationId,
        turning_point: ItemId,
        episode: EpisodeId,
    ) -> Result<(), EditError> {
        if self.episode(episode).is_none() {
            return Err(EditError::NoSuchEpisode);
        }
        let role = self
            .conversation(conversation)
            .and_then(|c| self.participant(c.participant_id))
            .map(Participant::label)
            .filter(|r| !r.is_empty());
        self.turning_point_mut(conversation, turning_point)?.promoted_to = Some(episode);
        let e = self.episode_mut(episode).ok_or(EditError::NoSuchEpisode)?;
        if !e.source_conversations.contains(&conversation) {
            e.source_conversations.push(conversation);
        }
        if let Some(role) = role {
            if !e.roles_involved.contains(&role) {
                e.roles_involved.push(role);
            }
        }
        Ok(())
    }

    /// The turning points that became (part of) an episode, with their conversations.
    pub fn turning_points_of(&self, episode: EpisodeId) -> Vec<(ConversationId, &TurningPoint)> {
        self.conversations
            .iter()
            .flat_map(|c| c.turning_points.iter().map(move |t| (c.id, t)))
            .filter(|(_, t)| t.promoted_to == Some(episode))
            .collect()
    }

    fn turning_point_mut(
        &mut self,
        conversation: ConversationId,
        turning_point: ItemId,
    ) -> Result<&mut TurningPoint, EditError> {
        self.conversation_mut(conversation)
            .ok_or(EditError::NoSuchConversation)?
            .turning_point_mut(turning_point)
            .ok_or(EditError::NoSuchTurningPoint)
    }

    /// Whether a preparation should be questioned before it is added to this participant's
    /// conversation: its role or agency differs from theirs. `None` when it matches (or the
    /// participant is unknown: adding then fails with [`EditError::NoSuchParticipant`]).
    pub fn check_preparation(
        &self,
        preparation: &PractitionerPreparation,
        participant: ParticipantId,
    ) -> Option<PreparationMismatch> {
        let p = self.participant(participant)?;
        preparation_mismatch(preparation, &p.role, &p.agency, &p.label())
    }

    /// Adds a practitioner's preparation with no file date; see
    /// [`LearningTogether::import_preparation_from`].
    pub fn import_preparation(
        &mut self,
        preparation: &PractitionerPreparation,
        participant: ParticipantId,
    ) -> Result<PreparationImport, EditError> {
        self.import_preparation_from(preparation, participant, None)
    }

    /// Adds a practitioner's own preparation (a file last changed on `file_date`) to their
    /// conversation, starting the conversation if need be. Nothing already written is
    /// changed: each piece is added after the reviewer's notes under the line "From the
    /// preparation of <role, agency>, file of <date>:", only the sentences not already in
    /// the record are added (so an updated preparation brings in what changed), and their
    /// turning points are added unless the conversation already has one in the same words.
    /// Adding the same preparation twice adds nothing the second time. Check
    /// [`LearningTogether::check_preparation`] first.
    pub fn import_preparation_from(
        &mut self,
        preparation: &PractitionerPreparation,
        participant: ParticipantId,
        file_date: Option<NaiveDate>,
    ) -> Result<PreparationImport, EditError> {
        let conversation = self.start_conversation(participant, None)?;
        let source = PreparationSource::of(preparation, file_date);
        let mut new_points = Vec::new();
        {
            let c = self.conversation(conversation).ok_or(EditError::NoSuchConversation)?;
            for p in &preparation.turning_points {
                let text = p.text.trim();
                let known = |t: &str| t.trim().eq_ignore_ascii_case(text);
                if !text.is_empty()
                    && !c.turning_points.iter().any(|t| known(&t.text))
                    && !new_points.iter().any(|(t, _): &(String, DateOrPeriod)| known(t))
                {
                    new_points.push((text.to_string(), p.date_or_period.clone()));
                }
            }
        }
        let ids: Vec<ItemId> = new_points.iter().map(|_| self.allocate_id()).collect();
        let c = self.conversation_mut(conversation).ok_or(EditError::NoSuchConversation)?;
        let notes_added = c.notes.append_marked(&preparation.notes, &source.mark());
        let turning_points_added = new_points.len();
        for (id, (text, date_or_period)) in ids.into_iter().zip(new_points) {
            c.turning_points.push(TurningPoint {
                id,
                text,
                date_or_period,
                promoted_to: None,
                from_preparation: true,
                preparation: Some(source.clone()),
            });
        }
        if (notes_added > 0 || turning_points_added > 0) && !c.preparations.contains(&source) {
            c.preparations.push(source);
        }
        Ok(PreparationImport { conversation, notes_added, turning_points_added })
    }

    /// Records what a conversation's part 4 says about a category as one of the review's
    /// contributory factors, keeping the conversation as its source. The text is taken
    /// clean (without the lines marking added preparations). If the review already has a
    /// factor in the same words, no second factor is made: the conversation joins its
    /// sources.
    pub fn record_factor_from_conversation(
        &mut self,
        conversation: ConversationId,
        category: FactorCategory,
    ) -> Result<RecordedFactor, EditError> {
        let c = self.conversation(conversation).ok_or(EditError::NoSuchConversation)?;
        let text = non_blank(&clean_text(c.notes.factor_notes(category)))?;
        if let Some(f) = self.factors.iter_mut().find(|f| same_factor_text(&f.text, &text)) {
            if !f.source_conversations.contains(&conversation) {
                f.source_conversations.push(conversation);
            }
            return Ok(RecordedFactor { factor: f.id, already_recorded: true });
        }
        let factor = self.add_factor(category, &text)?;
        self.factor_mut(factor)?.source_conversations.push(conversation);
        Ok(RecordedFactor { factor, already_recorded: false })
    }

    /// The factor already recorded from this conversation's answer about a category, if any.
    pub fn factor_recorded_from(&self, conversation: ConversationId, category: FactorCategory) -> Option<FactorId> {
        let c = self.conversation(conversation)?;
        let text = clean_text(c.notes.factor_notes(category));
        self.factors
            .iter()
            .find(|f| f.source_conversations.contains(&conversation) && same_factor_text(&f.text, &text))
            .map(|f| f.id)
    }

    /// Who the conversations a factor came from were with ("Health visitor, NHS trust").
    pub fn factor_sources(&self, factor: FactorId) -> Vec<String> {
        self.factor(factor)
            .map(|f| {
                f.source_conversations
                    .iter()
                    .filter_map(|&c| self.conversation(c))
                    .filter_map(|c| self.participant(c.participant_id))
                    .map(Participant::label)
                    .collect()
            })
            .unwrap_or_default()
    }
}

// Key practice episodes and contributory factors.
impl LearningTogether {
    /// Adds a key practice episode directly (not from a turning point).
    pub fn add_episode(
        &mut self,
        episode: &str,
        date_or_period: DateOrPeriod,
    ) -> Result<EpisodeId, EditError> {
        let episode = non_blank(episode)?;
        let id = self.allocate_id();
        self.episodes.push(KeyPracticeEpisode { id, episode, date_or_period, ..Default::default() });
        Ok(id)
    }

    /// The episode with this id.
    pub fn episode(&self, id: EpisodeId) -> Option<&KeyPracticeEpisode> {
        self.episodes.iter().find(|e| e.id == id)
    }

    /// The episode, to edit its wording, date, roles, what happened, appraisal and why it
    /// made sense. Change its factors only through `link_factor` and `unlink_factor`.
    pub fn episode_mut(&mut self, id: EpisodeId) -> Option<&mut KeyPracticeEpisode> {
        self.episodes.iter_mut().find(|e| e.id == id)
    }

    /// Appraises the practice in an episode.
    pub fn appraise_episode(&mut self, id: EpisodeId, appraisal: Appraisal) -> Result<(), EditError> {
        self.episode_mut(id).ok_or(EditError::NoSuchEpisode)?.appraisal = appraisal;
        Ok(())
    }

    /// Removes an episode, unlinking its factors and freeing the turning points made into
    /// it to be promoted again.
    pub fn remove_episode(&mut self, id: EpisodeId) -> bool {
        let before = self.episodes.len();
        self.episodes.retain(|e| e.id != id);
        if self.episodes.len() == before {
            return false;
        }
        for f in &mut self.factors {
            f.episodes.retain(|&e| e != id);
        }
        for f in &mut self.findings {
            f.episodes.retain(|&e| e != id);
        }
        self.forget_citations_by(id);
        for tp in self.conversations.iter_mut().flat_map(|c| c.turning_points.iter_mut()) {
            if tp.promoted_to == Some(id) {
                tp.promoted_to = None;
            }
        }
        true
    }

    /// The episodes in the order they happened (undated ones last, as added): the rows of
    /// the key practice episodes table.
    pub fn episodes_in_order(&self) -> Vec<&KeyPracticeEpisode> {
        let mut out: Vec<&KeyPracticeEpisode> = self.episodes.iter().collect();
        out.sort_by(|a, b| DateOrPeriod::chronological(&a.date_or_period, &b.date_or_period));
        out
    }

    /// Records a contributory factor in a category; it starts at the category's level.
    pub fn add_factor(&mut self, category: FactorCategory, text: &str) -> Result<FactorId, EditError> {
        let text = non_blank(text)?;
        let id = self.allocate_id();
        self.factors.push(ContributoryFactor {
            id,
            category,
            level: category.level(),
            text,
            episodes: Vec::new(),
            source_conversations: Vec::new(),
        });
        Ok(id)
    }

    /// The factor with this id.
    pub fn factor(&self, id: FactorId) -> Option<&ContributoryFactor> {
        self.factors.iter().find(|f| f.id == id)
    }

    /// Takes a factor's text as it is typed (even blank for a moment while it is rewritten),
    /// so nothing waits for the box to be left.
    pub fn edit_factor(&mut self, id: FactorId, text: &str) -> Result<(), EditError> {
        self.factor_mut(id)?.text = text.to_string();
        Ok(())
    }

    /// Moves a factor to another category; its level follows the new category.
    pub fn recategorise_factor(&mut self, id: FactorId, category: FactorCategory) -> Result<(), EditError> {
        let f = self.factor_mut(id)?;
        f.category = category;
        f.level = category.level();
        Ok(())
    }

    /// Places a factor at a level of the system other than its category's.
    pub fn place_factor(&mut self, id: FactorId, level: FactorLevel) -> Result<(), EditError> {
        self.factor_mut(id)?.level = level;
        Ok(())
    }

    /// Removes a factor and its links to episodes.
    pub fn remove_factor(&mut self, id: FactorId) -> bool {
        let before = self.factors.len();
        self.factors.retain(|f| f.id != id);
        if self.factors.len() == before {
            return false;
        }
        for e in &mut self.episodes {
            e.factors.retain(|&f| f != id);
        }
        for f in &mut self.findings {
            f.factors.retain(|&x| x != id);
        }
        true
    }

    /// Links a factor to an episode it helps to explain; both record the link. Linking
    /// twice changes nothing.
    pub fn link_factor(&mut self, episode: EpisodeId, factor: FactorId) -> Result<(), EditError> {
        if self.factor(factor).is_none() {
            return Err(EditError::NoSuchFactor);
        }
        let e = self.episode_mut(episode).ok_or(EditError::NoSuchEpisode)?;
        if !e.factors.contains(&factor) {
            e.factors.push(factor);
        }
        let f = self.factor_mut(factor)?;
        if !f.episodes.contains(&episode) {
            f.episodes.push(episode);
        }
        Ok(())
    }

    /// Removes the link between a factor and an episode, from both sides.
    pub fn unlink_factor(&mut self, episode: EpisodeId, factor: FactorId) -> Result<(), EditError> {
        if self.factor(factor).is_none() {
            return Err(EditError::NoSuchFactor);
        }
        self.episode_mut(episode).ok_or(EditError::NoSuchEpisode)?.factors.retain(|&f| f != factor);
        self.factor_mut(factor)?.episodes.retain(|&e| e != episode);
        Ok(())
    }

    /// The factors linked to an episode.
    pub fn factors_of(&self, episode: EpisodeId) -> Vec<&ContributoryFactor> {
        self.factors.iter().filter(|f| f.episodes.contains(&episode)).collect()
    }

    /// The episodes a factor is linked to.
    pub fn episodes_of(&self, factor: FactorId) -> Vec<&KeyPracticeEpisode> {
        self.episodes.iter().filter(|e| e.factors.contains(&factor)).collect()
    }

    /// Every level of the system, from the frontline outwards, with the factors placed
    /// there in the order they were added: the contributory-factors view. Levels with no
    /// factors are included, empty.
    pub fn factors_by_level(&self) -> Vec<(FactorLevel, Vec<&ContributoryFactor>)> {
        FactorLevel::ALL
            .into_iter()
            .map(|level| (level, self.factors.iter().filter(|f| f.level == level).collect()))
            .collect()
    }

    /// True when every link between episodes and factors is recorded on both sides and
    /// names items that exist.
    pub fn links_are_consistent(&self) -> bool {
        let episodes_ok = self
            .episodes
            .iter()
            .all(|e| e.factors.iter().all(|&f| self.factor(f).is_some_and(|f| f.episodes.contains(&e.id))));
        let factors_ok = self
            .factors
            .iter()
            .all(|f| f.episodes.iter().all(|&e| self.episode(e).is_some_and(|e| e.factors.contains(&f.id))));
        episodes_ok && factors_ok
    }

    fn factor_mut(&mut self, id: FactorId) -> Result<&mut ContributoryFactor, EditError> {
        self.factors.iter_mut().find(|f| f.id == id).ok_or(EditError::NoSuchFactor)
    }
}

// The narrative of multi-agency perspectives.
impl LearningTogether {
    /// Adds an event to the narrative.
    pub fn add_event(
        &mut self,
        what_happened: &str,
        date_or_period: DateOrPeriod,
    ) -> Result<ItemId, EditError> {
        let what_happened = non_blank(what_happened)?;
        let id = self.allocate_id();
        self.narrative_events.push(NarrativeEvent { id, date_or_period, what_happened, views: Vec::new() });
        Ok(id)
    }

    /// The event, to edit its wording, date and agencies' views.
    pub fn event_mut(&mut self, id: ItemId) -> Option<&mut NarrativeEvent> {
        self.narrative_events.iter_mut().find(|e| e.id == id)
    }

    /// Records how an agency saw an event, replacing its earlier view; blank removes it.
    pub fn set_agency_view(&mut self, event: ItemId, agency: &str, view: &str) -> Result<(), EditError> {
        self.event_mut(event).ok_or(EditError::NoSuchEvent)?.set_view(agency, view);
        Ok(())
    }

    /// Removes an event from the narrative.
    pub fn remove_event(&mut self, id: ItemId) -> bool {
        let before = self.narrative_events.len();
        self.narrative_events.retain(|e| e.id != id);
        self.forget_citations_by(id);
        self.narrative_events.len() != before
    }

    /// The narrative in date order (events with only a period last, as added).
    pub fn narrative(&self) -> Vec<&NarrativeEvent> {
        let mut out: Vec<&NarrativeEvent> = self.narrative_events.iter().collect();
        out.sort_by(|a, b| DateOrPeriod::chronological(&a.date_or_period, &b.date_or_period));
        out
    }
}

// Findings and recommendations.
impl LearningTogether {
    /// Adds a finding with its first pattern type: a finding always shows at least one.
    pub fn add_finding(&mut self, statement: &str, pattern: PatternType) -> Result<FindingId, EditError> {
        let statement = non_blank(statement)?;
        let id = self.allocate_id();
        self.findings.push(Finding { id, statement, pattern_types: vec![pattern], ..Default::default() });
        Ok(id)
    }

    /// The finding with this id.
    pub fn finding(&self, id: FindingId) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }

    /// The finding, to edit its statement, how it showed, the evidence it is wider, why it
    /// matters and the issues for the board. Change its pattern types through
    /// `tag_finding` and `untag_finding`.
    pub fn finding_mut(&mut self, id: FindingId) -> Option<&mut Finding> {
        self.findings.iter_mut().find(|f| f.id == id)
    }

    /// Tags a finding with another pattern type (once).
    pub fn tag_finding(&mut self, id: FindingId, pattern: PatternType) -> Result<(), EditError> {
        let f = self.finding_mut(id).ok_or(EditError::NoSuchFinding)?;
        if !f.pattern_types.contains(&pattern) {
            f.pattern_types.push(pattern);
        }
        Ok(())
    }

    /// Removes a pattern type from a finding, unless it is the last one.
    pub fn untag_finding(&mut self, id: FindingId, pattern: PatternType) -> Result<(), EditError> {
        let f = self.finding_mut(id).ok_or(EditError::NoSuchFinding)?;
        if f.pattern_types.iter().all(|&p| p == pattern) && !f.pattern_types.is_empty() {
            return Err(EditError::LastPatternType);
        }
        f.pattern_types.retain(|&p| p != pattern);
        Ok(())
    }

    /// Adds an issue for the board to consider to a finding.
    pub fn add_issue_for_the_board(&mut self, id: FindingId, issue: &str) -> Result<(), EditError> {
        let issue = non_blank(issue)?;
        self.finding_mut(id).ok_or(EditError::NoSuchFinding)?.issues_for_the_board.push(issue);
        Ok(())
    }

    /// The findings showing a pattern type.
    pub fn findings_showing(&self, pattern: PatternType) -> Vec<&Finding> {
        self.findings.iter().filter(|f| f.shows(pattern)).collect()
    }

    /// Removes a finding; recommendations that answered it stay, standing on their own.
    pub fn remove_finding(&mut self, id: FindingId) -> bool {
        let before = self.findings.len();
        self.findings.retain(|f| f.id != id);
        if self.findings.len() == before {
            return false;
        }
        for r in &mut self.recommendations {
            if r.finding == Some(id) {
                r.finding = None;
            }
        }
        self.forget_citations_by(id);
        true
    }

    /// Adds a recommendation, answering a finding or standing on its own.
    pub fn add_recommendation(
        &mut self,
        text: &str,
        finding: Option<FindingId>,
    ) -> Result<ItemId, EditError> {
        let text = non_blank(text)?;
        if finding.is_some_and(|f| self.finding(f).is_none()) {
            return Err(EditError::NoSuchFinding);
        }
        let id = self.allocate_id();
        self.recommendations.push(Recommendation { id, text, finding });
        Ok(id)
    }

    /// Links a finding to a key practice episode it rests on, or removes the link.
    pub fn rest_finding_on_episode(&mut self, id: FindingId, episode: EpisodeId, linked: bool) -> Result<(), EditError> {
        if self.episode(episode).is_none() {
            return Err(EditError::NoSuchEpisode);
        }
        let f = self.finding_mut(id).ok_or(EditError::NoSuchFinding)?;
        f.episodes.retain(|&e| e != episode);
        if linked {
            f.episodes.push(episode);
        }
        Ok(())
    }

    /// Links a finding to a contributory factor it rests on, or removes the link.
    pub fn rest_finding_on_factor(&mut self, id: FindingId, factor: FactorId, linked: bool) -> Result<(), EditError> {
        if self.factor(factor).is_none() {
            return Err(EditError::NoSuchFactor);
        }
        let f = self.finding_mut(id).ok_or(EditError::NoSuchFinding)?;
        f.factors.retain(|&x| x != factor);
        if linked {
            f.factors.push(factor);
        }
        Ok(())
    }

    /// The findings that rest on an episode (the other way of the link), with their numbers.
    pub fn findings_resting_on_episode(&self, episode: EpisodeId) -> Vec<(usize, &Finding)> {
        self.findings.iter().enumerate().filter(|(_, f)| f.episodes.contains(&episode)).map(|(n, f)| (n + 1, f)).collect()
    }

    /// The findings that rest on a factor, with their numbers.
    pub fn findings_resting_on_factor(&self, factor: FactorId) -> Vec<(usize, &Finding)> {
        self.findings.iter().enumerate().filter(|(_, f)| f.factors.contains(&factor)).map(|(n, f)| (n + 1, f)).collect()
    }

    /// What a finding rests on, in words: its episodes as numbered in the episodes table,
    /// its factors, and whom the conversations behind both were with.
    pub fn finding_basis(&self, id: FindingId) -> FindingBasis {
        let Some(f) = self.finding(id) else { return FindingBasis::default() };
        let order: Vec<EpisodeId> = self.episodes_in_order().iter().map(|e| e.id).collect();
        let mut conversations: Vec<ConversationId> = Vec::new();
        let mut episodes = Vec::new();
        for &e in &f.episodes {
            if let Some(ep) = self.episode(e) {
                let n = order.iter().position(|x| *x == e).map_or(0, |n| n + 1);
                episodes.push(format!("Episode {n}: {}", ep.episode.trim()));
                conversations.extend(ep.source_conversations.iter().copied());
            }
        }
        let mut factors = Vec::new();
        for &x in &f.factors {
            if let Some(factor) = self.factor(x) {
                factors.push(clean_text(&factor.text));
                conversations.extend(factor.source_conversations.iter().copied());
            }
        }
        let mut who: Vec<String> = Vec::new();
        for c in conversations {
            if let Some(label) = self.conversation(c).and_then(|c| self.participant(c.participant_id)).map(Participant::label) {
                if !who.contains(&label) {
                    who.push(label);
                }
            }
        }
        FindingBasis { episodes, factors, conversations: who }
    }

    /// Moves a finding one place up (towards first priority) or down. The findings' order
    /// is their priority.
    pub fn move_finding(&mut self, id: FindingId, up: bool) -> Result<(), EditError> {
        let i = self.findings.iter().position(|f| f.id == id).ok_or(EditError::NoSuchFinding)?;
        let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|&j| j < self.findings.len()) };
        if let Some(j) = j {
            self.findings.swap(i, j);
        }
        Ok(())
    }

    /// Takes a recommendation's text as it is typed (even blank for a moment while it is
    /// rewritten), like the other text of the review.
    pub fn edit_recommendation(&mut self, id: ItemId, text: &str) -> Result<(), EditError> {
        self.recommendations.iter_mut().find(|r| r.id == id).ok_or(EditError::NoSuchRecommendation)?.text = text.to_string();
        Ok(())
    }

    /// Changes which finding a recommendation answers (or none).
    pub fn answer_finding(&mut self, id: ItemId, finding: Option<FindingId>) -> Result<(), EditError> {
        if finding.is_some_and(|f| self.finding(f).is_none()) {
            return Err(EditError::NoSuchFinding);
        }
        self.recommendations.iter_mut().find(|r| r.id == id).ok_or(EditError::NoSuchRecommendation)?.finding = finding;
        Ok(())
    }

    /// Removes a recommendation.
    pub fn remove_recommendation(&mut self, id: ItemId) -> bool {
        let before = self.recommendations.len();
        self.recommendations.retain(|r| r.id != id);
        self.recommendations.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::conversation_guide::ConversationPart;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 5, d).unwrap()
    }

    #[test]
    fn participants_are_recorded_by_role_and_agency() {
        let mut lt = LearningTogether::default();
        let a = lt.add_participant(" Social worker ", "Children's services");
        let b = lt.add_participant("Health visitor", "NHS trust");
        assert_ne!(a, b);
        assert_eq!(lt.participants[0].role, "Social worker");
        assert_eq!(lt.participant(b).unwrap().label(), "Health visitor, NHS trust");
        assert!(!lt.participant(a).unwrap().is_family_member);
    }

    #[test]
    fn family_members_take_part_under_a_pseudonym_and_professionals_cannot_have_one() {
        let mut lt = LearningTogether::default();
        let mum = lt.add_family_member("Mother", " Kerry ");
        let gp = lt.add_participant("GP", "Surgery");
        assert_eq!(lt.participant(mum).unwrap().label(), "Mother (Kerry)");
        assert_eq!(lt.rename_pseudonym(mum, "Kim"), Ok(()));
        assert_eq!(lt.participant(mum).unwrap().pseudonym, "Kim");
        assert_eq!(lt.rename_pseudonym(gp, "Dr X"), Err(EditError::NotAFamilyMember));
        assert_eq!(lt.participant(gp).unwrap().pseudonym, "");
        lt.edit_participant(mum, "Mum", "Should stay blank").unwrap();
        assert_eq!(lt.participant(mum).unwrap().agency, "");
        assert_eq!(lt.edit_participant(999, "x", "y"), Err(EditError::NoSuchParticipant));
    }

    #[test]
    fn removing_a_participant_removes_their_conversation_but_keeps_episodes() {
        let mut lt = LearningTogether::default();
        let p = lt.add_participant("Teacher", "School");
        let c = lt.start_conversation(p, Some(day(3))).unwrap();
        let tp = lt.add_turning_point(c, "Called the MASH", DateOrPeriod::on(day(1))).unwrap();
        let e = lt.promote_turning_point(c, tp).unwrap();
        assert!(lt.remove_participant(p));
        assert!(lt.conversations.is_empty());
        assert!(lt.episode(e).unwrap().source_conversations.is_empty());
        assert!(!lt.remove_participant(p));
    }

    #[test]
    fn the_review_team_is_listed_by_role_only() {
        let mut lt = LearningTogether::default();
        let lead = lt.add_team_member("Lead reviewer").unwrap();
        assert_eq!(lt.add_team_member("  "), Err(EditError::BlankText));
        lt.edit_team_member(lead, "Lead reviewer (independent)").unwrap();
        assert_eq!(lt.edit_team_member(999, "x"), Err(EditError::NoSuchTeamMember));
        assert_eq!(lt.review_team[0].role, "Lead reviewer (independent)");
        assert!(lt.remove_team_member(lead));
        assert!(lt.review_team.is_empty());
    }

    #[test]
    fn stages_start_not_started_and_the_current_stage_is_the_first_not_done() {
        let mut lt = LearningTogether::default();
        assert!(lt.stage_list().iter().all(|(_, s)| *s == StageStatus::NotStarted));
        assert_eq!(lt.current_stage(), Some(ReviewStage::Preparation));
        lt.set_stage_status(ReviewStage::Preparation, StageStatus::Done);
        lt.set_stage_status(ReviewStage::PreparingParticipants, StageStatus::InProgress);
        assert_eq!(lt.current_stage(), Some(ReviewStage::PreparingParticipants));
        assert_eq!(lt.stage_status(ReviewStage::PreparingParticipants), StageStatus::InProgress);
        lt.set_stage_status(ReviewStage::PreparingParticipants, StageStatus::NotStarted);
        assert!(!lt.stages.contains_key(&ReviewStage::PreparingParticipants));
        for s in ReviewStage::ALL {
            lt.set_stage_status(s, StageStatus::Done);
        }
        assert_eq!(lt.current_stage(), None);
    }

    #[test]
    fn marking_a_stage_done_records_the_day_and_a_completed_date_marks_it_done() {
        let mut lt = LearningTogether::default();
        let stage = ReviewStage::DataCollection;
        lt.set_stage_target(stage, Some(day(10)));
        assert_eq!(lt.stages_past_target(day(10)), []);
        assert_eq!(lt.stages_past_target(day(11)), [stage]);
        lt.set_stage_status_on(stage, StageStatus::Done, day(12));
        assert_eq!(lt.stage_dates(stage), StageDates { target: Some(day(10)), completed: Some(day(12)) });
        assert_eq!(lt.stages_past_target(day(20)), []);
        // Marking it done again keeps the day first recorded.
        lt.set_stage_status_on(stage, StageStatus::Done, day(14));
        assert_eq!(lt.stage_dates(stage).completed, Some(day(12)));
        lt.set_stage_status_on(stage, StageStatus::InProgress, day(14));
        assert_eq!(lt.stage_dates(stage).completed, None);
        lt.set_stage_completed(stage, Some(day(15)));
        assert_eq!(lt.stage_status(stage), StageStatus::Done);
        lt.set_stage_completed(stage, None);
        assert_eq!(lt.stage_status(stage), StageStatus::InProgress);
        lt.set_stage_target(stage, None);
        assert!(lt.stage_targets.is_empty() && lt.stages_completed.is_empty(), "a stage with no dates is not listed");
    }

    #[test]
    fn the_day_a_conversation_was_held_is_the_conversations_date() {
        let mut lt = LearningTogether::default();
        let p = lt.add_participant("Health visitor", "NHS");
        lt.set_journey_date(p, JourneyStep::LetterSent, Some(day(1))).unwrap();
        lt.set_journey_date(p, JourneyStep::ConversationHeld, None).unwrap();
        assert!(lt.conversations.is_empty(), "clearing a day never starts a record");
        lt.set_journey_date(p, JourneyStep::ConversationHeld, Some(day(3))).unwrap();
        let c = lt.conversation_with(p).map(|c| (c.id, c.date)).unwrap();
        assert_eq!(c.1, Some(day(3)), "setting it starts the record");
        lt.conversation_mut(c.0).unwrap().date = Some(day(4));
        let j = lt.journey(p).unwrap();
        assert_eq!((j.date(JourneyStep::LetterSent), j.held), (Some(day(1)), Some(day(4))));
        lt.set_comments_due(p, Some(day(20))).unwrap();
        assert_eq!(lt.participant(p).unwrap().comments_due, Some(day(20)));
        assert!(lt.next_for(p, day(5)).unwrap().text.starts_with("Recording not yet destroyed"));
        assert_eq!(lt.set_journey_date(999, JourneyStep::DraftShared, None), Err(EditError::NoSuchParticipant));
        assert_eq!(lt.set_journey_date(999, JourneyStep::ConversationHeld, Some(day(1))), Err(EditError::NoSuchParticipant));
        assert_eq!(lt.set_comments_due(999, None), Err(EditError::NoSuchParticipant));
    }

    #[test]
    fn drafting_letters_fills_only_blank_ones() {
        let mut lt = LearningTogether { family_pseudonym: "K".into(), ..Default::default() };
        lt.letters.introductory_letter = "Our own letter".into();
        lt.draft_letters("Family K");
        assert_eq!(lt.letters.introductory_letter, "Our own letter");
        assert!(lt.letters.conversation_explanation.contains("destroyed"));
    }

    #[test]
    fn each_participant_has_one_conversation() {
        let mut lt = LearningTogether::default();
        let p = lt.add_participant("Health visitor", "NHS");
        let c = lt.start_conversation(p, Some(day(2))).unwrap();
        assert_eq!(lt.start_conversation(p, None), Ok(c));
        assert_eq!(lt.conversations.len(), 1);
        assert_eq!(lt.conversation(c).unwrap().date, Some(day(2)));
        assert_eq!(lt.start_conversation(12345, None), Err(EditError::NoSuchParticipant));
    }

    #[test]
    fn turning_points_are_added_edited_and_removed() {
        let mut lt = LearningTogether::default();
        let p = lt.add_participant("Health visitor", "NHS");
        let c = lt.start_conversation(p, None).unwrap();
        assert_eq!(lt.add_turning_point(c, " ", DateOrPeriod::default()), Err(EditError::BlankText));
        assert_eq!(
            lt.add_turning_point(999, "x", DateOrPeriod::default()),
            Err(EditError::NoSuchConversation)
        );
        let tp = lt.add_turning_point(c, "Weight check", DateOrPeriod::on(day(4))).unwrap();
        lt.edit_turning_point(c, tp, "Weight check at clinic", DateOrPeriod::during("early May")).unwrap();
        let point = lt.conversation(c).unwrap().turning_point(tp).unwrap();
        assert_eq!(
            (point.text.as_str(), point.date_or_period.text()),
            ("Weight check at clinic", "early May".to_string())
        );
        assert_eq!(
            lt.edit_turning_point(c, 999, "x", DateOrPeriod::default()),
            Err(EditError::NoSuchTurningPoint)
        );
        assert!(lt.remove_turning_point(c, tp));
        assert!(!lt.remove_turning_point(c, tp));
    }

    #[test]
    fn promoting_twice_returns_the_same_episode_and_removing_it_frees_the_turning_point() {
        let mut lt = LearningTogether::default();
        let p = lt.add_participant("Social worker", "CSC");
        let c = lt.start_conversation(p, None).unwrap();
        let tp = lt.add_turning_point(c, "Case closed", DateOrPeriod::on(day(9))).unwrap();
        let e = lt.promote_turning_point(c, tp).unwrap();
        assert_eq!(lt.promote_turning_point(c, tp), Ok(e));
        assert_eq!(lt.episodes.len(), 1);
        let ep = lt.episode(e).unwrap();
        assert!(ep.is_candidate());
        assert_eq!(ep.roles_involved, ["Social worker, CSC"]);
        assert_eq!(ep.date_or_period, DateOrPeriod::on(day(9)));
        assert!(lt.remove_episode(e));
        assert_eq!(lt.conversation(c).unwrap().turning_point(tp).unwrap().promoted_to, None);
        let again = lt.promote_turning_point(c, tp).unwrap();
        assert_ne!(again, e);
    }

    #[test]
    fn two_peoples_turning_points_can_make_one_episode() {
        let mut lt = LearningTogether::default();
        let sw = lt.add_participant("Social worker", "CSC");
        let hv = lt.add_participant("Health visitor", "NHS");
        let c1 = lt.start_conversation(sw, None).unwrap();
        let c2 = lt.start_conversation(hv, None).unwrap();
        let t1 = lt.add_turning_point(c1, "Strategy meeting", DateOrPeriod::default()).unwrap();
        let t2 = lt.add_turning_point(c2, "The strategy meeting", DateOrPeriod::default()).unwrap();
        let e = lt.promote_turning_point(c1, t1).unwrap();
        lt.add_turning_point_to_episode(c2, t2, e).unwrap();
        let ep = lt.episode(e).unwrap();
        assert_eq!(ep.source_conversations, [c1, c2]);
        assert_eq!(ep.roles_involved, ["Social worker, CSC", "Health visitor, NHS"]);
        assert_eq!(lt.turning_points_of(e).len(), 2);
        assert_eq!(lt.add_turning_point_to_episode(c2, t2, 999), Err(EditError::NoSuchEpisode));
    }

    #[test]
    fn links_between_factors_and_episodes_are_kept_both_ways() {
        let mut lt = LearningTogether::default();
        let e = lt.add_episode("Discharge planning", DateOrPeriod::default()).unwrap();
        let f = lt.add_factor(FactorCategory::ConditionsOfWork, "No cover for leave").unwrap();
        lt.link_factor(e, f).unwrap();
        lt.link_factor(e, f).unwrap();
        assert_eq!(lt.episode(e).unwrap().factors, [f]);
        assert_eq!(lt.factor(f).unwrap().episodes, [e]);
        assert_eq!(lt.factors_of(e).len(), 1);
        assert_eq!(lt.episodes_of(f).len(), 1);
        assert!(lt.links_are_consistent());
        lt.unlink_factor(e, f).unwrap();
        assert!(lt.episode(e).unwrap().factors.is_empty() && lt.factor(f).unwrap().episodes.is_empty());
        assert_eq!(lt.link_factor(e, 999), Err(EditError::NoSuchFactor));
        assert_eq!(lt.link_factor(999, f), Err(EditError::NoSuchEpisode));
        assert!(lt.factor(f).unwrap().episodes.is_empty(), "a failed link leaves no half link");
    }

    #[test]
    fn removing_either_side_of_a_link_removes_the_link() {
        let mut lt = LearningTogether::default();
        let e1 = lt.add_episode("One", DateOrPeriod::default()).unwrap();
        let e2 = lt.add_episode("Two", DateOrPeriod::default()).unwrap();
        let f = lt.add_factor(FactorCategory::InterAgency, "Different thresholds").unwrap();
        lt.link_factor(e1, f).unwrap();
        lt.link_factor(e2, f).unwrap();
        assert!(lt.remove_episode(e1));
        assert_eq!(lt.factor(f).unwrap().episodes, [e2]);
        assert!(lt.remove_factor(f));
        assert!(lt.episode(e2).unwrap().factors.is_empty());
        assert!(lt.links_are_consistent());
    }

    #[test]
    fn factors_are_grouped_by_level_from_the_frontline_outwards() {
        let mut lt = LearningTogether::default();
        let a = lt.add_factor(FactorCategory::Family, "Family moved twice").unwrap();
        let b = lt.add_factor(FactorCategory::WiderPoliticalContext, "Housing shortage").unwrap();
        let c = lt.add_factor(FactorCategory::OwnTeam, "New manager").unwrap();
        let d = lt.add_factor(FactorCategory::Other, "Pandemic restrictions").unwrap();
        lt.place_factor(d, FactorLevel::WiderContext).unwrap();
        let groups = lt.factors_by_level();
        let ids: Vec<(FactorLevel, Vec<FactorId>)> =
            groups.iter().map(|(l, fs)| (*l, fs.iter().map(|f| f.id).collect())).collect();
        assert_eq!(
            ids,
            [
                (FactorLevel::Frontline, vec![a]),
                (FactorLevel::Team, vec![c]),
                (FactorLevel::InterAgency, vec![]),
                (FactorLevel::Organisational, vec![]),
                (FactorLevel::WiderContext, vec![b, d]),
            ]
        );
        lt.recategorise_factor(d, FactorCategory::OrganisationalCulture).unwrap();
        assert_eq!(lt.factor(d).unwrap().level, FactorLevel::Organisational);
        // Text is taken as typed, even blank for a moment while it is rewritten.
        assert_eq!(lt.edit_factor(a, ""), Ok(()));
        assert_eq!(lt.factor(a).map(|f| f.text.as_str()), Some(""));
        assert_eq!(lt.edit_factor(a, "Caseload pressure "), Ok(()));
        assert_eq!(lt.factor(a).map(|f| f.text.as_str()), Some("Caseload pressure "));
    }

    #[test]
    fn the_narrative_reads_in_date_order_with_each_agencys_view() {
        let mut lt = LearningTogether::default();
        let later = lt.add_event("Child protection conference", DateOrPeriod::on(day(20))).unwrap();
        let undated = lt.add_event("Family moved area", DateOrPeriod::during("summer")).unwrap();
        let first = lt.add_event("Referral from school", DateOrPeriod::on(day(1))).unwrap();
        lt.set_agency_view(first, "School", "We were very worried").unwrap();
        lt.set_agency_view(first, "Children's social care", "Below threshold at the time").unwrap();
        let order: Vec<ItemId> = lt.narrative().iter().map(|e| e.id).collect();
        assert_eq!(order, [first, later, undated]);
        assert_eq!(lt.narrative()[0].views.len(), 2);
        assert_eq!(lt.set_agency_view(999, "x", "y"), Err(EditError::NoSuchEvent));
        assert!(lt.remove_event(undated));
    }

    #[test]
    fn a_finding_always_keeps_at_least_one_pattern_type() {
        let mut lt = LearningTogether::default();
        let f = lt.add_finding("Chronologies are not shared", PatternType::HumanToolOperation).unwrap();
        lt.tag_finding(f, PatternType::MultiAgencyAssessmentAndLongerTermWork).unwrap();
        lt.tag_finding(f, PatternType::HumanToolOperation).unwrap();
        assert_eq!(lt.finding(f).unwrap().pattern_types.len(), 2);
        lt.untag_finding(f, PatternType::HumanToolOperation).unwrap();
        assert_eq!(
            lt.untag_finding(f, PatternType::MultiAgencyAssessmentAndLongerTermWork),
            Err(EditError::LastPatternType)
        );
        assert_eq!(
            lt.finding(f).unwrap().pattern_types,
            [PatternType::MultiAgencyAssessmentAndLongerTermWork]
        );
        assert_eq!(lt.findings_showing(PatternType::MultiAgencyAssessmentAndLongerTermWork).len(), 1);
        assert_eq!(lt.add_finding("  ", PatternType::HumanReasoning), Err(EditError::BlankText));
    }

    #[test]
    fn recommendations_outlive_the_finding_they_answered() {
        let mut lt = LearningTogether::default();
        let f = lt.add_finding("Thresholds differ", PatternType::MultiAgencyIncidentsAndCrises).unwrap();
        lt.add_issue_for_the_board(f, "How does the board know thresholds are shared?").unwrap();
        let r = lt.add_recommendation("Joint threshold training", Some(f)).unwrap();
        assert_eq!(lt.add_recommendation("x", Some(999)), Err(EditError::NoSuchFinding));
        assert!(lt.remove_finding(f));
        assert_eq!(lt.recommendations[0].finding, None);
        lt.edit_recommendation(r, "Joint threshold training, every year").unwrap();
        assert_eq!(lt.recommendations[0].text, "Joint threshold training, every year");
        let g = lt.add_finding("Referrals lose history", PatternType::HumanToolOperation).unwrap();
        lt.answer_finding(r, Some(g)).unwrap();
        assert_eq!(lt.recommendations[0].finding, Some(g));
        assert_eq!(lt.answer_finding(r, Some(999)), Err(EditError::NoSuchFinding));
        assert!(lt.remove_recommendation(r));
        assert_eq!(lt.edit_recommendation(r, "x"), Err(EditError::NoSuchRecommendation));
    }

    #[test]
    fn ids_are_never_reused_and_skip_past_ids_in_older_saves() {
        let mut lt: LearningTogether =
            serde_json::from_str(r#"{"participants":[{"id":7,"role":"GP","agency":"Surgery"}]}"#).unwrap();
        let a = lt.add_participant("Nurse", "NHS");
        assert_eq!(a, 8);
        assert!(lt.remove_participant(a));
        let b = lt.add_team_member("Reviewer").unwrap();
        assert_eq!(b, 9);
    }

    #[test]
    fn preparation_starts_the_conversation_if_needed() {
        let mut lt = LearningTogether::default();
        let p = lt.add_participant("School nurse", "NHS");
        let mut prep = PractitionerPreparation::default();
        prep.notes.set_notes(ConversationPart::Overview, "I saw her termly");
        prep.add_turning_point("The nurse drop-in", DateOrPeriod::default());
        prep.add_turning_point("the nurse drop-in ", DateOrPeriod::default());
        let summary = lt.import_preparation(&prep, p).unwrap();
        assert_eq!(summary.notes_added, 1);
        assert_eq!(summary.turning_points_added, 1);
        let c = lt.conversation(summary.conversation).unwrap();
        assert!(c.turning_points[0].from_preparation);
        assert_eq!(lt.import_preparation(&prep, 999), Err(EditError::NoSuchParticipant));
    }
}
