//! The parts of a Learning Together review as the team works on them, one screen each:
//! the stages, the case and the people in it, the letters, the documents, the
//! conversations, the chronology, the narrative, the key practice episodes, the
//! contributory factors, the findings, the recommendations and the report; and two that
//! run across the screens: which items cite which sources, and the wording hints the team
//! has set aside. A screen that shows one part needs to change only when that part does,
//! so typing in a conversation's notes leaves the findings and the chronology alone.

use super::learning_together::LearningTogether;
use super::lt_field::LtText;

/// One part of a Learning Together review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LtPart {
    /// How far each stage has got, its target date and the date it was done.
    Stages,
    /// The family's pseudonym, what the review is for, the review team and the participants.
    Case,
    Letters,
    Documents,
    Conversations,
    Chronology,
    Narrative,
    Episodes,
    Factors,
    Findings,
    Recommendations,
    /// The published report's own texts (its terms of reference are in [`LtPart::Case`]).
    Report,
    /// Which narrative events, episodes and findings cite which documents and conversations.
    Citations,
    /// The wording hints the team has dismissed.
    Hints,
}

impl LtPart {
    /// Every part, in the order of the side menu (then the two that run across it).
    pub const ALL: [LtPart; 14] = [
        LtPart::Stages,
        LtPart::Case,
        LtPart::Letters,
        LtPart::Documents,
        LtPart::Conversations,
        LtPart::Chronology,
        LtPart::Narrative,
        LtPart::Episodes,
        LtPart::Factors,
        LtPart::Findings,
        LtPart::Recommendations,
        LtPart::Report,
        LtPart::Citations,
        LtPart::Hints,
    ];

    /// Its place in [`LtPart::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl LtText {
    /// The part this field is in.
    pub fn part(self) -> LtPart {
        match self {
            LtText::FamilyPseudonym | LtText::Scope => LtPart::Case,
            LtText::IntroductoryLetter
            | LtText::FamilyLetter
            | LtText::ConversationExplanation
            | LtText::LetterContact
            | LtText::LetterSignedBy => LtPart::Letters,
            LtText::EventWhatHappened(_) => LtPart::Narrative,
            LtText::EpisodeName(_)
            | LtText::EpisodeRoles(_)
            | LtText::EpisodeWhatHappened(_)
            | LtText::EpisodeWhyItMadeSense(_) => LtPart::Episodes,
            LtText::FindingStatement(_)
            | LtText::FindingHowItShowed(_)
            | LtText::FindingEvidenceItIsWider(_)
            | LtText::FindingWhyItMatters(_)
            | LtText::FindingIssues(_) => LtPart::Findings,
        }
    }
}

impl LearningTogether {
    /// The parts in which this review differs from `before`.
    pub fn parts_changed_since(&self, before: &LearningTogether) -> Vec<LtPart> {
        // Written out field by field with no `..`, so a field added to the review does not
        // compile until it is given a part.
        let LearningTogether {
            family_pseudonym,
            scope,
            participants,
            review_team,
            stages,
            stage_targets,
            stages_completed,
            letters,
            conversations,
            narrative_events,
            episodes,
            factors,
            findings,
            recommendations,
            // The next free id changes only with an item added to one of the parts.
            next_id: _,
            dismissed_hints,
            summary,
            methodology,
            case_summary,
            acknowledgements,
            documents,
            chronology_entries,
            citations,
        } = self;
        let mut changed = Vec::new();
        let mut part = |same: bool, p: LtPart| {
            if !same {
                changed.push(p);
            }
        };
        part(
            *stages == before.stages
                && *stage_targets == before.stage_targets
                && *stages_completed == before.stages_completed,
            LtPart::Stages,
        );
        part(
            *family_pseudonym == before.family_pseudonym
                && *scope == before.scope
                && *participants == before.participants
                && *review_team == before.review_team,
            LtPart::Case,
        );
        part(*letters == before.letters, LtPart::Letters);
        part(*documents == before.documents, LtPart::Documents);
        part(*conversations == before.conversations, LtPart::Conversations);
        part(*chronology_entries == before.chronology_entries, LtPart::Chronology);
        part(*narrative_events == before.narrative_events, LtPart::Narrative);
        part(*episodes == before.episodes, LtPart::Episodes);
        part(*factors == before.factors, LtPart::Factors);
        part(*findings == before.findings, LtPart::Findings);
        part(*recommendations == before.recommendations, LtPart::Recommendations);
        part(
            *summary == before.summary
                && *methodology == before.methodology
                && *case_summary == before.case_summary
                && *acknowledgements == before.acknowledgements,
            LtPart::Report,
        );
        part(*citations == before.citations, LtPart::Citations);
        part(*dismissed_hints == before.dismissed_hints, LtPart::Hints);
        changed
    }

    /// Makes `parts` of this review (and its next free id) the same as in `other`, copying
    /// nothing else: a copy of the review kept up to date part by part.
    pub fn copy_parts_from(&mut self, other: &LearningTogether, parts: &[LtPart]) {
        for part in parts {
            match part {
                LtPart::Stages => {
                    self.stages.clone_from(&other.stages);
                    self.stage_targets.clone_from(&other.stage_targets);
                    self.stages_completed.clone_from(&other.stages_completed);
                }
                LtPart::Case => {
                    self.family_pseudonym.clone_from(&other.family_pseudonym);
                    self.scope.clone_from(&other.scope);
                    self.participants.clone_from(&other.participants);
                    self.review_team.clone_from(&other.review_team);
                }
                LtPart::Letters => self.letters.clone_from(&other.letters),
                LtPart::Documents => self.documents.clone_from(&other.documents),
                LtPart::Conversations => self.conversations.clone_from(&other.conversations),
                LtPart::Chronology => self.chronology_entries.clone_from(&other.chronology_entries),
                LtPart::Narrative => self.narrative_events.clone_from(&other.narrative_events),
                LtPart::Episodes => self.episodes.clone_from(&other.episodes),
                LtPart::Factors => self.factors.clone_from(&other.factors),
                LtPart::Findings => self.findings.clone_from(&other.findings),
                LtPart::Recommendations => self.recommendations.clone_from(&other.recommendations),
                LtPart::Report => {
                    self.summary.clone_from(&other.summary);
                    self.methodology.clone_from(&other.methodology);
                    self.case_summary.clone_from(&other.case_summary);
                    self.acknowledgements.clone_from(&other.acknowledgements);
                }
                LtPart::Citations => self.citations.clone_from(&other.citations),
                LtPart::Hints => self.dismissed_hints.clone_from(&other.dismissed_hints),
            }
        }
        self.next_id = other.next_id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::conversation_guide::FactorCategory;
    use crate::model::date_or_period::DateOrPeriod;
    use crate::model::lt_field::LtText;
    use crate::model::pattern_type::PatternType;
    use crate::model::published_report::ReportText;
    use crate::model::review_stage::{ReviewStage, StageStatus};

    #[test]
    fn the_parts_are_listed_in_order_of_their_index() {
        for (i, p) in LtPart::ALL.iter().enumerate() {
            assert_eq!(p.index(), i);
        }
    }

    #[test]
    fn typing_in_one_field_changes_its_part_alone() {
        let mut lt = LearningTogether::default();
        lt.add_participant("Health visitor", "Community health");
        let before = lt.clone();
        assert!(lt.set_text(LtText::Scope, "What helped and what got in the way of seeing Amira."));
        assert_eq!(lt.parts_changed_since(&before), vec![LtPart::Case]);
        let before = lt.clone();
        assert!(lt.set_text(LtText::LetterContact, "01234 567890"));
        assert_eq!(lt.parts_changed_since(&before), vec![LtPart::Letters]);
        let before = lt.clone();
        lt.set_stage_status(ReviewStage::Preparation, StageStatus::InProgress);
        assert_eq!(lt.parts_changed_since(&before), vec![LtPart::Stages]);
        let before = lt.clone();
        lt.dismiss_hint("scope:blame");
        assert_eq!(lt.parts_changed_since(&before), vec![LtPart::Hints]);
        assert!(lt.parts_changed_since(&lt.clone()).is_empty());
    }

    #[test]
    fn each_text_field_is_in_the_part_its_typing_changes() {
        let mut lt = LearningTogether::default();
        let event = lt.add_event("Home visit", DateOrPeriod::default()).unwrap();
        let episode = lt.add_episode("The missed appointment", DateOrPeriod::default()).unwrap();
        let finding = lt.add_finding("Referrals were read as closed once sent.", PatternType::HumanToolOperation).unwrap();
        let fields = [
            LtText::FamilyPseudonym,
            LtText::Scope,
            LtText::IntroductoryLetter,
            LtText::FamilyLetter,
            LtText::ConversationExplanation,
            LtText::LetterContact,
            LtText::LetterSignedBy,
            LtText::EventWhatHappened(event),
            LtText::EpisodeName(episode),
            LtText::EpisodeRoles(episode),
            LtText::EpisodeWhatHappened(episode),
            LtText::EpisodeWhyItMadeSense(episode),
            LtText::FindingStatement(finding),
            LtText::FindingHowItShowed(finding),
            LtText::FindingEvidenceItIsWider(finding),
            LtText::FindingWhyItMatters(finding),
            LtText::FindingIssues(finding),
        ];
        for field in fields {
            let before = lt.clone();
            assert!(lt.set_text(field, "Health visitor; social worker"), "{field:?}");
            assert_eq!(lt.parts_changed_since(&before), vec![field.part()], "{field:?}");
        }
    }

    #[test]
    fn adding_an_item_changes_its_own_part() {
        let mut lt = LearningTogether::default();
        let before = lt.clone();
        lt.add_finding("Referrals between agencies were read as closed once sent.", PatternType::HumanToolOperation)
            .unwrap();
        assert_eq!(lt.parts_changed_since(&before), vec![LtPart::Findings]);
        let before = lt.clone();
        lt.add_factor(FactorCategory::ConditionsOfWork, "Caseloads were high that winter.").unwrap();
        assert_eq!(lt.parts_changed_since(&before), vec![LtPart::Factors]);
        let before = lt.clone();
        lt.add_document("GP records", "Primary care", DateOrPeriod::default()).unwrap();
        assert_eq!(lt.parts_changed_since(&before), vec![LtPart::Documents]);
    }

    #[test]
    fn copying_the_changed_parts_makes_the_copy_the_same() {
        let mut lt = LearningTogether::default();
        let mut copy = lt.clone();
        lt.add_participant("Social worker", "Children's services");
        lt.set_text(LtText::Scope, "How the agencies worked together.");
        lt.add_document("School attendance", "Education", DateOrPeriod::default()).unwrap();
        let changed = lt.parts_changed_since(&copy);
        assert_eq!(changed, vec![LtPart::Case, LtPart::Documents]);
        copy.copy_parts_from(&lt, &changed);
        assert_eq!(copy, lt);
        assert!(lt.parts_changed_since(&copy).is_empty());
    }

    #[test]
    fn every_part_is_reported_when_everything_changes() {
        let mut lt = LearningTogether::default();
        let before = lt.clone();
        lt.set_stage_status(ReviewStage::Preparation, StageStatus::Done);
        lt.set_text(LtText::FamilyPseudonym, "the Green family");
        lt.set_text(LtText::IntroductoryLetter, "Dear colleague,");
        let doc = lt.add_document("GP records", "Primary care", DateOrPeriod::default()).unwrap();
        let who = lt.add_participant("Health visitor", "Community health");
        lt.start_conversation(who, None).unwrap();
        lt.add_chronology_entry("Seen at the clinic", "Primary care", DateOrPeriod::default(), Some(doc)).unwrap();
        lt.add_event("Home visit", DateOrPeriod::default()).unwrap();
        lt.add_episode("The missed appointment", DateOrPeriod::default()).unwrap();
        lt.add_factor(FactorCategory::ConditionsOfWork, "Caseloads were high.").unwrap();
        let finding = lt.add_finding("Referrals were read as closed once sent.", PatternType::HumanToolOperation).unwrap();
        lt.add_recommendation("Agree who follows a referral up.", Some(finding)).unwrap();
        lt.set_report_text(ReportText::Summary, "A summary.");
        lt.cite(finding, doc).unwrap();
        lt.dismiss_hint("scope:blame");
        let changed = lt.parts_changed_since(&before);
        assert_eq!(changed, LtPart::ALL.to_vec());
        let mut copy = before.clone();
        copy.copy_parts_from(&lt, &changed);
        assert_eq!(copy, lt);
    }
}
