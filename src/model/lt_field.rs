//! A review field is one place in a Learning Together review that the team types into:
//! the family's pseudonym, what the review is for, the letters (and the contact and
//! signature they carry), what happened at a narrative event, each part of a key practice
//! episode, each part of a finding. Everything typed on screen names its field and is
//! handed to [`LearningTogether::set_text`] (dates and periods to
//! [`LearningTogether::set_when`]), so the review only ever changes through the model.

use chrono::NaiveDate;

use super::date_or_period::DateOrPeriod;
use super::learning_together::{EpisodeId, FindingId, ItemId, LearningTogether};
use super::letters;

/// A text field of a Learning Together review; items are named by their id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LtText {
    FamilyPseudonym,
    /// What the review is for.
    Scope,
    IntroductoryLetter,
    FamilyLetter,
    ConversationExplanation,
    /// How to reach the review team, printed on the letters.
    LetterContact,
    LetterSignedBy,
    /// What happened at a narrative event.
    EventWhatHappened(ItemId),
    EpisodeName(EpisodeId),
    /// The roles involved in an episode, separated by `;`.
    EpisodeRoles(EpisodeId),
    EpisodeWhatHappened(EpisodeId),
    EpisodeWhyItMadeSense(EpisodeId),
    FindingStatement(FindingId),
    FindingHowItShowed(FindingId),
    FindingEvidenceItIsWider(FindingId),
    FindingWhyItMatters(FindingId),
    /// The issues for the board, one per line.
    FindingIssues(FindingId),
}

/// One of the letters the review drafts from its own details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Letter {
    Introductory,
    Family,
    ConversationExplanation,
}

impl LearningTogether {
    /// Where `field`'s text is kept, for the fields kept as one text.
    fn text_slot(&mut self, field: LtText) -> Option<&mut String> {
        match field {
            LtText::FamilyPseudonym => Some(&mut self.family_pseudonym),
            LtText::Scope => Some(&mut self.scope),
            LtText::IntroductoryLetter => Some(&mut self.letters.introductory_letter),
            LtText::FamilyLetter => Some(&mut self.letters.family_letter),
            LtText::ConversationExplanation => Some(&mut self.letters.conversation_explanation),
            LtText::LetterContact => Some(&mut self.letters.contact),
            LtText::LetterSignedBy => Some(&mut self.letters.signed_by),
            LtText::EventWhatHappened(id) => self.event_mut(id).map(|e| &mut e.what_happened),
            LtText::EpisodeName(id) => self.episode_mut(id).map(|e| &mut e.episode),
            LtText::EpisodeWhatHappened(id) => self.episode_mut(id).map(|e| &mut e.what_happened),
            LtText::EpisodeWhyItMadeSense(id) => self.episode_mut(id).map(|e| &mut e.why_it_made_sense),
            LtText::FindingStatement(id) => self.finding_mut(id).map(|f| &mut f.statement),
            LtText::FindingHowItShowed(id) => self.finding_mut(id).map(|f| &mut f.how_it_showed_in_this_case),
            LtText::FindingEvidenceItIsWider(id) => self.finding_mut(id).map(|f| &mut f.evidence_it_is_wider),
            LtText::FindingWhyItMatters(id) => self.finding_mut(id).map(|f| &mut f.why_it_matters),
            LtText::EpisodeRoles(_) | LtText::FindingIssues(_) => None,
        }
    }

    /// Sets a field's text as typed (kept as typed, so it can be written live: spaces and
    /// blank lines stay while the person is still typing). Returns false when the item it
    /// belongs to is no longer in the review (removed on another tab or laptop).
    pub fn set_text(&mut self, field: LtText, text: &str) -> bool {
        match field {
            LtText::EpisodeRoles(id) => {
                let Some(e) = self.episode_mut(id) else { return false };
                e.roles_involved = text.split(';').map(|r| r.trim_start().to_string()).collect();
                if e.roles_involved.iter().all(|r| r.trim().is_empty()) {
                    e.roles_involved.clear();
                }
                true
            }
            LtText::FindingIssues(id) => {
                let Some(f) = self.finding_mut(id) else { return false };
                f.issues_for_the_board = text.split('\n').map(str::to_string).collect();
                if f.issues_for_the_board.iter().all(|i| i.trim().is_empty()) {
                    f.issues_for_the_board.clear();
                }
                true
            }
            other => match self.text_slot(other) {
                Some(slot) => {
                    if slot != text {
                        *slot = text.to_string();
                    }
                    true
                }
                None => false,
            },
        }
    }

    /// Sets when a narrative event or a key practice episode happened. Returns false when
    /// no event or episode has this id.
    pub fn set_when(&mut self, item: ItemId, when: DateOrPeriod) -> bool {
        if let Some(e) = self.event_mut(item) {
            e.date_or_period = when;
            true
        } else if let Some(e) = self.episode_mut(item) {
            e.date_or_period = when;
            true
        } else {
            false
        }
    }

    /// Sets (or clears) the date the letters carry.
    pub fn set_letter_date(&mut self, date: Option<NaiveDate>) {
        self.letters.letter_date = date;
    }

    /// Drafts one letter afresh from the review's details, over what it held (the person
    /// asked for it), dated `today` unless the letters already have a date.
    pub fn redraft_letter(&mut self, letter: Letter, review_title: &str, today: NaiveDate) {
        if self.letters.letter_date.is_none() {
            self.letters.letter_date = Some(today);
        }
        match letter {
            Letter::Introductory => self.letters.introductory_letter = letters::introductory_letter(self, review_title),
            Letter::Family => self.letters.family_letter = letters::family_letter(self),
            Letter::ConversationExplanation => {
                self.letters.conversation_explanation = letters::conversation_explanation(self, review_title)
            }
        }
    }

    /// Puts a text hint aside (by [`super::text_hints::TextHint::key`]) so it is not shown
    /// again on any laptop.
    pub fn dismiss_hint(&mut self, key: &str) {
        if !self.dismissed_hints.contains(key) {
            self.dismissed_hints.insert(key.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pattern_type::PatternType;

    #[test]
    fn every_field_is_set_through_the_model_and_a_removed_item_is_said() {
        let mut lt = LearningTogether::default();
        let event = lt.add_event("Second missed review", DateOrPeriod::default()).unwrap();
        let episode = lt.add_episode("Decided not to refer", DateOrPeriod::default()).unwrap();
        let finding = lt.add_finding("Missed appointments are not shared", PatternType::ALL[0]).unwrap();
        for (field, text) in [
            (LtText::FamilyPseudonym, "Family K"),
            (LtText::Scope, "How agencies worked together"),
            (LtText::LetterContact, "0113 000 0000"),
            (LtText::LetterSignedBy, "Lead reviewer"),
            (LtText::IntroductoryLetter, "Dear colleague"),
            (LtText::FamilyLetter, "Dear parent or carer"),
            (LtText::ConversationExplanation, "Appendix 2"),
            (LtText::EventWhatHappened(event), "Third missed review "),
            (LtText::EpisodeName(episode), "Closed the case"),
            (LtText::EpisodeWhatHappened(episode), "A single visit"),
            (LtText::EpisodeWhyItMadeSense(episode), "Caseload pressure"),
            (LtText::FindingStatement(finding), "Health history is lost"),
            (LtText::FindingHowItShowed(finding), "Three moves"),
            (LtText::FindingEvidenceItIsWider(finding), "An audit"),
            (LtText::FindingWhyItMatters(finding), "Children not brought"),
        ] {
            assert!(lt.set_text(field, text), "{field:?}");
        }
        assert_eq!(lt.family_pseudonym, "Family K");
        assert_eq!(lt.letters.contact, "0113 000 0000");
        assert_eq!(lt.event_mut(event).unwrap().what_happened, "Third missed review ", "kept as typed");
        assert_eq!(lt.episode_mut(episode).unwrap().why_it_made_sense, "Caseload pressure");
        assert_eq!(lt.finding_mut(finding).unwrap().evidence_it_is_wider, "An audit");

        assert!(lt.set_text(LtText::EpisodeRoles(episode), "Social worker; Paediatrician"));
        assert_eq!(lt.episode_mut(episode).unwrap().roles_involved, ["Social worker", "Paediatrician"]);
        assert!(lt.set_text(LtText::EpisodeRoles(episode), " ; "));
        assert!(lt.episode_mut(episode).unwrap().roles_involved.is_empty());
        assert!(lt.set_text(LtText::FindingIssues(finding), "How should they be shared?\n"));
        assert_eq!(lt.finding_mut(finding).unwrap().issues_for_the_board, ["How should they be shared?", ""]);

        let when = DateOrPeriod { date: None, period: "spring 2025".into() };
        assert!(lt.set_when(event, when.clone()) && lt.set_when(episode, when.clone()));
        assert_eq!(lt.episode_mut(episode).unwrap().date_or_period, when);
        assert!(!lt.set_when(finding, when));

        lt.remove_finding(finding);
        assert!(!lt.set_text(LtText::FindingStatement(finding), "Gone"));
        assert!(!lt.set_text(LtText::FindingIssues(finding), "Gone"));
    }

    #[test]
    fn a_letter_drafted_again_is_dated_once_and_a_hint_is_put_aside_once() {
        let mut lt = LearningTogether::default();
        lt.set_text(LtText::FamilyPseudonym, "the Green family");
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        lt.set_text(LtText::FamilyLetter, "edited");
        lt.redraft_letter(Letter::Family, "Review", day);
        assert_ne!(lt.letters.family_letter, "edited");
        assert_eq!(lt.letters.letter_date, Some(day));
        lt.redraft_letter(Letter::Introductory, "Review", day.succ_opt().unwrap());
        assert_eq!(lt.letters.letter_date, Some(day), "the date already set is kept");
        lt.set_letter_date(None);
        assert_eq!(lt.letters.letter_date, None);
        lt.dismiss_hint("k1");
        lt.dismiss_hint("k1");
        assert_eq!(lt.dismissed_hints.len(), 1);
    }
}
