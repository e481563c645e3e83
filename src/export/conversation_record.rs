//! The record of one conversation is what the review team sends back to the person they
//! talked with, to check: who it was with (by role, or by place in the family and
//! pseudonym, as the review knows them), the day it was held, each part of the
//! conversation structure (Appendix 3) with what was recorded under it, and a short note
//! asking them to check it and send their comments by a date. It is built here once, as a
//! plain value, and the print view shows it.

use chrono::NaiveDate;

use crate::model::conversation_guide::{ConversationPart, FactorCategory, PARTS};
use crate::model::date_or_period::long_date;
use crate::model::learning_together::{ConversationId, LearningTogether};

/// What a part with nothing under it says.
pub const NOTHING_RECORDED: &str = "Nothing recorded under this part.";

/// The record of one conversation, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversationRecordPaper {
    pub review_title: String,
    /// Who the conversation was with: "Health visitor, NHS trust" or "Mother (Kerry)".
    pub with: String,
    pub held_on: Option<NaiveDate>,
    /// Each part of the conversation structure, in order (3a and 3b apart).
    pub parts: Vec<RecordedPart>,
    /// The note asking them to check the record, one paragraph each.
    pub note: Vec<String>,
    /// How to reach the review team, as the letters give it ("" when not written).
    pub contact: String,
    /// Who signs for the review team, by role ("" when not written).
    pub signed_by: String,
}

/// One part of the conversation structure and what was recorded under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedPart {
    /// "1" to "9", with "3a" and "3b".
    pub number: &'static str,
    pub title: &'static str,
    /// Each prompt that has an answer, with the answer, then any other notes.
    pub entries: Vec<RecordedEntry>,
    /// Part 3a: the turning points described, in the order they happened.
    pub turning_points: Vec<RecordedTurningPoint>,
}

impl RecordedPart {
    /// True when nothing was recorded under this part.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.turning_points.is_empty()
    }

    /// "3a. ‘Turning points’ or ‘key practice episodes’".
    pub fn heading(&self) -> String {
        format!("{}. {}", self.number, self.title)
    }
}

/// A prompt (or "Notes") and what was written under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedEntry {
    pub prompt: String,
    pub text: String,
}

/// A turning point as the record lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedTurningPoint {
    /// The date or period, "" when not known.
    pub when: String,
    pub text: String,
}

/// The record of conversation `id` of a review titled `review_title`, or `None` if the
/// review has no such conversation.
pub fn conversation_record(lt: &LearningTogether, review_title: &str, id: ConversationId) -> Option<ConversationRecordPaper> {
    let c = lt.conversation(id)?;
    let participant = lt.participant(c.participant_id);
    let with = participant.map(|p| p.label()).unwrap_or_default();
    let family = participant.is_some_and(|p| p.is_family_member);
    let journey = lt.journey(c.participant_id).unwrap_or_default();
    let parts = PARTS
        .iter()
        .map(|g| {
            let mut entries = Vec::new();
            if g.key == ConversationPart::ContributoryFactors {
                for cat in FactorCategory::ALL {
                    push(&mut entries, format!("{}. {}", cat.number(), cat.label()), c.notes.factor_notes(cat));
                }
            } else {
                for (i, prompt) in g.prompts.iter().enumerate() {
                    push(&mut entries, (*prompt).to_string(), c.notes.answer(g.key, (i + 1) as u8));
                }
            }
            let notes_label = if g.prompts.is_empty() { "Notes" } else { "Other notes on this part" };
            push(&mut entries, notes_label.to_string(), c.notes.notes(g.key));
            let turning_points = if g.key == ConversationPart::TurningPoints {
                c.turning_points_in_order()
                    .into_iter()
                    .filter(|t| !t.text.trim().is_empty())
                    .map(|t| RecordedTurningPoint { when: t.date_or_period.text(), text: t.text.trim().to_string() })
                    .collect()
            } else {
                Vec::new()
            };
            RecordedPart { number: g.number, title: g.title, entries, turning_points }
        })
        .collect();
    Some(ConversationRecordPaper {
        review_title: review_title.trim().to_string(),
        with,
        held_on: c.date,
        parts,
        note: note(c.date, journey.comments_due, journey.recording_destroyed, family),
        contact: lt.letters.contact.trim().to_string(),
        signed_by: lt.letters.signed_by.trim().to_string(),
    })
}

fn push(entries: &mut Vec<RecordedEntry>, prompt: String, text: &str) {
    let text = text.trim();
    if !text.is_empty() {
        entries.push(RecordedEntry { prompt, text: text.to_string() });
    }
}

/// The blank left for a date the team has not set, to fill in by hand.
pub const DATE_TO_FILL_IN: &str = "____________________";

/// The note to the participant. Its promises are Appendix 2's: names are not used,
/// what is shared stays within the group, the recording is destroyed.
fn note(held: Option<NaiveDate>, comments_by: Option<NaiveDate>, destroyed: Option<NaiveDate>, family: bool) -> Vec<String> {
    let on = held.map(|d| format!(" on {}", long_date(d))).unwrap_or_default();
    let by = comments_by.map_or_else(|| DATE_TO_FILL_IN.to_string(), long_date);
    let mut out = vec![
        format!(
            "This is the review team’s record of our conversation with you{on}. Please read it and tell us if \
             anything is wrong or missing, or if there is anything you would like to add."
        ),
        format!("Please send your comments to the review team by {by}. If you have nothing to add, it helps to hear that too."),
    ];
    out.push(if family {
        "We will not be using your name in the reports: the family is referred to by pseudonyms.".to_string()
    } else {
        "We will not be using your name in the reports: we identify you only by your position.".to_string()
    });
    out.push(
        "Please keep this record confidential within the group, and do not share it with colleagues or managers \
         who are not directly involved."
            .to_string(),
    );
    if let Some(d) = destroyed {
        out.push(format!("The recording of our conversation was destroyed on {}, as we promised.", long_date(d)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date_or_period::DateOrPeriod;
    use crate::model::participant_journey::JourneyStep;

    fn dec(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn the_record_shows_every_part_with_what_was_recorded_and_nothing_else() {
        let mut lt = LearningTogether::default();
        let hv = lt.add_participant("Health visitor", "NHS trust");
        let c = lt.start_conversation(hv, Some(dec(3))).unwrap();
        let notes = &mut lt.conversation_mut(c).unwrap().notes;
        notes.set_answer(ConversationPart::Mindset, 2, "Worried about her weight");
        notes.set_factor_notes(FactorCategory::ConditionsOfWork, "Two caseloads");
        notes.set_notes(ConversationPart::QueriesFromOverview, "Asked about the transfer");
        lt.add_turning_point(c, "The missed check", DateOrPeriod::during("spring")).unwrap();
        let paper = conversation_record(&lt, " Family K review ", c).unwrap();
        assert_eq!((paper.with.as_str(), paper.held_on, paper.review_title.as_str()), ("Health visitor, NHS trust", Some(dec(3)), "Family K review"));
        let numbers: Vec<&str> = paper.parts.iter().map(|p| p.number).collect();
        assert_eq!(numbers, ["1", "2", "3a", "3b", "4", "5", "6", "7", "8", "9"]);
        let mindset = &paper.parts[3];
        assert_eq!(mindset.entries, [RecordedEntry {
            prompt: "What was behind your thinking (reasons but also emotions) and actions at the time?".into(),
            text: "Worried about her weight".into(),
        }]);
        assert_eq!(paper.parts[4].entries[0].prompt, "3. Conditions of work/work environment");
        assert_eq!(paper.parts[6].entries[0].prompt, "Notes");
        assert_eq!(paper.parts[2].turning_points, [RecordedTurningPoint { when: "spring".into(), text: "The missed check".into() }]);
        assert!(paper.parts[0].is_empty() && paper.parts[9].is_empty());
        assert_eq!(paper.parts[2].heading(), "3a. \u{2018}Turning points\u{2019} or \u{2018}key practice episodes\u{2019}");
        assert_eq!(conversation_record(&lt, "x", 999), None);
    }

    #[test]
    fn the_note_asks_for_comments_by_the_day_set_or_leaves_a_space() {
        let mut lt = LearningTogether::default();
        let mum = lt.add_family_member("Mother", "Kerry");
        let c = lt.start_conversation(mum, Some(dec(3))).unwrap();
        let paper = conversation_record(&lt, "", c).unwrap();
        assert_eq!(paper.with, "Mother (Kerry)");
        assert!(paper.note[0].contains("our conversation with you on 3 December 2026."));
        assert!(paper.note[1].contains(&format!("by {DATE_TO_FILL_IN}.")));
        assert!(paper.note[2].contains("referred to by pseudonyms"));
        assert_eq!(paper.note.len(), 4);
        lt.set_comments_due(mum, Some(dec(17))).unwrap();
        lt.set_journey_date(mum, JourneyStep::RecordingDestroyed, Some(dec(5))).unwrap();
        let paper = conversation_record(&lt, "", c).unwrap();
        assert!(paper.note[1].starts_with("Please send your comments to the review team by 17 December 2026."));
        assert_eq!(paper.note[4], "The recording of our conversation was destroyed on 5 December 2026, as we promised.");
        let all = paper.note.join(" ");
        assert!(crate::model::respectful_language::flags(&all).is_empty(), "{all}");
    }
}
