//! A participant's journey is the way each person, professional or family member, goes
//! through a Learning Together review: the introductory letter is sent, they agree to take
//! part, their one-to-one conversation is booked and held, the recording made to write it
//! up is destroyed (Appendix 2 promises "once that is done the recording will be
//! destroyed"), a draft is shared with them to check, and their comments come back. The
//! review team records the day of each step; the app says plainly what is next for each
//! person, and never who is to blame for a wait.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// One step of a participant's journey, in the order they usually come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JourneyStep {
    LetterSent,
    ConsentGiven,
    ConversationBooked,
    ConversationHeld,
    RecordingDestroyed,
    DraftShared,
    CommentsReceived,
}

impl JourneyStep {
    /// The steps, in order.
    pub const ALL: [JourneyStep; 7] = [
        JourneyStep::LetterSent,
        JourneyStep::ConsentGiven,
        JourneyStep::ConversationBooked,
        JourneyStep::ConversationHeld,
        JourneyStep::RecordingDestroyed,
        JourneyStep::DraftShared,
        JourneyStep::CommentsReceived,
    ];

    /// The label of the step's date box.
    pub fn label(self) -> &'static str {
        match self {
            JourneyStep::LetterSent => "Introductory letter sent",
            JourneyStep::ConsentGiven => "Agreed to take part",
            JourneyStep::ConversationBooked => "Conversation booked for",
            JourneyStep::ConversationHeld => "Conversation held",
            JourneyStep::RecordingDestroyed => "Recording destroyed",
            JourneyStep::DraftShared => "Draft shared for checking",
            JourneyStep::CommentsReceived => "Comments received",
        }
    }

    /// The step in a sentence ("the letter was sent on 3 Dec"): how a date is mentioned
    /// in the other steps' messages.
    fn past(self, on: &str) -> String {
        match self {
            JourneyStep::LetterSent => format!("the letter was sent on {on}"),
            JourneyStep::ConsentGiven => format!("they agreed to take part on {on}"),
            JourneyStep::ConversationBooked => format!("the conversation is booked for {on}"),
            JourneyStep::ConversationHeld => format!("the conversation was held on {on}"),
            JourneyStep::RecordingDestroyed => format!("the recording was destroyed on {on}"),
            JourneyStep::DraftShared => format!("the draft was shared on {on}"),
            JourneyStep::CommentsReceived => format!("comments were received on {on}"),
        }
    }

    /// The step in lower case, for lists ("letter sent, agreed to take part").
    fn short(self) -> &'static str {
        match self {
            JourneyStep::LetterSent => "letter sent",
            JourneyStep::ConsentGiven => "agreed to take part",
            JourneyStep::ConversationBooked => "conversation booked",
            JourneyStep::ConversationHeld => "conversation held",
            JourneyStep::RecordingDestroyed => "recording destroyed",
            JourneyStep::DraftShared => "draft shared",
            JourneyStep::CommentsReceived => "comments received",
        }
    }
}

/// A participant's whole journey: the day of each step, and the day their comments on the
/// draft were asked for by. The days are kept on the participant, one value each (so two
/// laptops recording different steps never clash); the day the conversation was held is
/// the conversation's own date, kept there once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journey {
    pub letter_sent: Option<NaiveDate>,
    pub consent_given: Option<NaiveDate>,
    /// The day the conversation is booked for.
    pub conversation_booked: Option<NaiveDate>,
    pub held: Option<NaiveDate>,
    pub recording_destroyed: Option<NaiveDate>,
    /// The day the record of the conversation (or a draft report) was shared with them to
    /// check.
    pub draft_shared: Option<NaiveDate>,
    /// The day the review team asked for their comments by.
    pub comments_due: Option<NaiveDate>,
    pub comments_received: Option<NaiveDate>,
}

/// What is next for one participant, in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// The step waited for; `None` once every step has its day.
    pub step: Option<JourneyStep>,
    pub text: String,
    /// True when a day the team set for it has passed (a booked conversation not yet
    /// recorded as held, comments asked for by a day now gone): shown plainly, not as
    /// anyone's failing.
    pub past_its_date: bool,
}

/// A day as a short list shows it: "3 Dec", with the year when it is not this year's.
pub fn short_date(d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        d.format("%-d %b").to_string()
    } else {
        d.format("%-d %b %Y").to_string()
    }
}

/// Steps whose days should not come before another's: (earlier, later).
const IN_ORDER: [(JourneyStep, JourneyStep); 5] = [
    (JourneyStep::LetterSent, JourneyStep::ConsentGiven),
    (JourneyStep::ConsentGiven, JourneyStep::ConversationHeld),
    (JourneyStep::ConversationHeld, JourneyStep::RecordingDestroyed),
    (JourneyStep::ConversationHeld, JourneyStep::DraftShared),
    (JourneyStep::DraftShared, JourneyStep::CommentsReceived),
];

impl Journey {
    /// The day of a step, if recorded.
    pub fn date(&self, step: JourneyStep) -> Option<NaiveDate> {
        match step {
            JourneyStep::LetterSent => self.letter_sent,
            JourneyStep::ConsentGiven => self.consent_given,
            JourneyStep::ConversationBooked => self.conversation_booked,
            JourneyStep::ConversationHeld => self.held,
            JourneyStep::RecordingDestroyed => self.recording_destroyed,
            JourneyStep::DraftShared => self.draft_shared,
            JourneyStep::CommentsReceived => self.comments_received,
        }
    }

    /// The day of a step, to set or clear.
    pub fn date_mut(&mut self, step: JourneyStep) -> &mut Option<NaiveDate> {
        match step {
            JourneyStep::LetterSent => &mut self.letter_sent,
            JourneyStep::ConsentGiven => &mut self.consent_given,
            JourneyStep::ConversationBooked => &mut self.conversation_booked,
            JourneyStep::ConversationHeld => &mut self.held,
            JourneyStep::RecordingDestroyed => &mut self.recording_destroyed,
            JourneyStep::DraftShared => &mut self.draft_shared,
            JourneyStep::CommentsReceived => &mut self.comments_received,
        }
    }

    /// What is next for this participant, on `today`. The recording comes first whenever
    /// the conversation has been held and the recording is not yet recorded as destroyed,
    /// because Appendix 2 promises it; otherwise it is the first step after the furthest
    /// one recorded (steps skipped on the way are listed by [`Journey::not_recorded`]).
    pub fn next(&self, today: NaiveDate) -> NextStep {
        let on = |d: NaiveDate| short_date(d, today);
        if let (Some(held), None) = (self.held, self.recording_destroyed) {
            return NextStep {
                step: Some(JourneyStep::RecordingDestroyed),
                text: format!(
                    "Recording not yet destroyed: the conversation was held on {}. Appendix 2 promises the \
                     recording is destroyed once the data is taken from it.",
                    on(held)
                ),
                past_its_date: false,
            };
        }
        let furthest = JourneyStep::ALL.iter().rposition(|&s| self.date(s).is_some());
        let from = furthest.map_or(0, |i| i + 1);
        // The day before the step waited for, to say where things stand.
        let before = furthest.map(|i| JourneyStep::ALL[i]).and_then(|s| self.date(s).map(|d| (s, d)));
        let context = before.map(|(s, d)| format!(": {}", s.past(&on(d)))).unwrap_or_default();
        let Some(&step) = JourneyStep::ALL.get(from) else {
            // Only reached with comments received: it is the last step.
            let received = self.comments_received.map(on).unwrap_or_default();
            let text = if self.not_recorded().is_empty() {
                format!("Every step has its date: comments received on {received}.")
            } else {
                format!("Comments received on {received}.")
            };
            return NextStep { step: None, text, past_its_date: false };
        };
        let mut past_its_date = false;
        let text = match step {
            JourneyStep::LetterSent => "Introductory letter not sent yet.".to_string(),
            JourneyStep::ConsentGiven => format!("Not yet recorded whether they agree to take part{context}."),
            JourneyStep::ConversationBooked => format!(
                "Conversation not booked yet{context}. Appendix 2 tells them “we will be contacting you shortly \
                 to try and arrange a time to talk with you one-to-one”."
            ),
            JourneyStep::ConversationHeld => match self.conversation_booked {
                Some(b) if b < today => {
                    past_its_date = true;
                    format!("The conversation was booked for {}: record the day it was held.", on(b))
                }
                Some(b) if b == today => "Conversation booked for today.".to_string(),
                Some(b) => format!("Conversation booked for {}.", on(b)),
                None => "Conversation not held yet.".to_string(),
            },
            JourneyStep::RecordingDestroyed => "Recording not yet destroyed.".to_string(),
            JourneyStep::DraftShared => format!(
                "Draft not shared with them yet{context}. Appendix 2 says participants “will have the chance \
                 to read and discuss these reports”."
            ),
            JourneyStep::CommentsReceived => {
                let shared = self.draft_shared.map(|d| format!(" on the draft shared on {}", on(d))).unwrap_or_default();
                match self.comments_due {
                    Some(due) if due < today => {
                        past_its_date = true;
                        format!("Comments{shared} were asked for by {} and have not come back yet.", on(due))
                    }
                    Some(due) => format!("Waiting for their comments{shared}, asked for by {}.", on(due)),
                    None => format!("Waiting for their comments{shared}."),
                }
            }
        };
        NextStep { step: Some(step), text, past_its_date }
    }

    /// The steps before the furthest one recorded that have no day, e.g. a conversation
    /// held with no letter recorded. Some journeys skip steps; this only says which.
    pub fn not_recorded(&self) -> Vec<JourneyStep> {
        let Some(furthest) = JourneyStep::ALL.iter().rposition(|&s| self.date(s).is_some()) else { return Vec::new() };
        JourneyStep::ALL[..furthest].iter().copied().filter(|&s| self.date(s).is_none()).collect()
    }

    /// "Not recorded: letter sent, agreed to take part." or `None`.
    pub fn not_recorded_sentence(&self) -> Option<String> {
        let missing = self.not_recorded();
        (!missing.is_empty()).then(|| {
            format!("No date recorded for: {}.", missing.iter().map(|s| s.short()).collect::<Vec<_>>().join(", "))
        })
    }

    /// Two days that read out of order (the recording destroyed before the conversation
    /// was held, say), as a sentence asking the team to check them. Booking is left out:
    /// a conversation may be held earlier or later than booked.
    pub fn dates_to_check(&self, today: NaiveDate) -> Option<String> {
        IN_ORDER.iter().find_map(|&(first, then)| {
            let (a, b) = (self.date(first)?, self.date(then)?);
            (b < a).then(|| {
                format!(
                    "Please check these dates: “{}” ({}) comes before “{}” ({}).",
                    then.label(),
                    short_date(b, today),
                    first.label(),
                    short_date(a, today)
                )
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn journey(f: impl FnOnce(&mut Journey)) -> Journey {
        let mut j = Journey::default();
        f(&mut j);
        j
    }

    #[test]
    fn each_step_has_its_own_day() {
        let mut j = Journey::default();
        for (n, step) in JourneyStep::ALL.into_iter().enumerate() {
            *j.date_mut(step) = Some(dec(1 + n as u32));
        }
        let days: Vec<Option<NaiveDate>> = JourneyStep::ALL.iter().map(|&s| j.date(s)).collect();
        assert_eq!(days, (1..=7).map(|d| Some(dec(d))).collect::<Vec<_>>());
    }

    #[test]
    fn what_is_next_follows_the_furthest_step_recorded() {
        let today = dec(9);
        let j = Journey::default();
        assert_eq!(j.next(today).step, Some(JourneyStep::LetterSent));
        assert_eq!(j.next(today).text, "Introductory letter not sent yet.");
        let j = journey(|d| d.letter_sent = Some(dec(1)));
        assert_eq!(j.next(today).text, "Not yet recorded whether they agree to take part: the letter was sent on 1 Dec.");
        let j = journey(|d| d.consent_given = Some(dec(2)));
        assert_eq!(j.next(today).step, Some(JourneyStep::ConversationBooked));
        assert!(j.next(today).text.contains("“we will be contacting you shortly"));
        assert_eq!(j.not_recorded(), [JourneyStep::LetterSent]);
        assert_eq!(j.not_recorded_sentence().as_deref(), Some("No date recorded for: letter sent."));
    }

    #[test]
    fn a_booked_conversation_past_its_day_asks_for_the_day_it_was_held() {
        let booked = journey(|d| d.conversation_booked = Some(dec(10)));
        let next = booked.next(dec(9));
        assert_eq!((next.text.as_str(), next.past_its_date), ("Conversation booked for 10 Dec.", false));
        assert_eq!(booked.next(dec(10)).text, "Conversation booked for today.");
        let next = booked.next(dec(11));
        assert!(next.past_its_date);
        assert_eq!(next.text, "The conversation was booked for 10 Dec: record the day it was held.");
    }

    #[test]
    fn the_recording_comes_first_once_the_conversation_is_held() {
        let j = journey(|d| {
            d.held = Some(dec(3));
            d.draft_shared = Some(dec(8));
        });
        let next = j.next(dec(9));
        assert_eq!(next.step, Some(JourneyStep::RecordingDestroyed));
        assert!(next.text.starts_with("Recording not yet destroyed: the conversation was held on 3 Dec."), "{}", next.text);
        let j = journey(|d| {
            d.held = Some(dec(3));
            d.recording_destroyed = Some(dec(4));
        });
        assert_eq!(j.next(dec(9)).step, Some(JourneyStep::DraftShared));
        assert!(j.next(dec(9)).text.contains("“will have the chance to read and discuss these reports”"));
    }

    #[test]
    fn comments_asked_for_by_a_day_now_gone_are_said_plainly() {
        let j = journey(|d| {
            d.held = Some(dec(3));
            d.recording_destroyed = Some(dec(4));
            d.draft_shared = Some(dec(5));
            d.comments_due = Some(dec(12));
        });
        let waiting = j.next(dec(9));
        assert_eq!(waiting.text, "Waiting for their comments on the draft shared on 5 Dec, asked for by 12 Dec.");
        assert!(!waiting.past_its_date);
        let late = j.next(dec(13));
        assert_eq!(late.text, "Comments on the draft shared on 5 Dec were asked for by 12 Dec and have not come back yet.");
        assert!(late.past_its_date);
        let text = late.text.to_lowercase();
        assert!(!["fail", "late", "overdue", "should"].iter().any(|w| text.contains(w)), "no judging words: {text}");
    }

    #[test]
    fn a_finished_journey_says_so_and_names_any_step_without_a_day() {
        let mut j = Journey::default();
        for (n, step) in JourneyStep::ALL.into_iter().enumerate() {
            *j.date_mut(step) = Some(dec(1 + n as u32));
        }
        assert_eq!(j.next(dec(20)), NextStep {
            step: None,
            text: "Every step has its date: comments received on 7 Dec.".into(),
            past_its_date: false,
        });
        j.letter_sent = None;
        assert_eq!(j.next(dec(20)).text, "Comments received on 7 Dec.");
        assert_eq!(j.not_recorded(), [JourneyStep::LetterSent]);
    }

    #[test]
    fn dates_out_of_order_are_pointed_out() {
        let j = journey(|d| {
            d.held = Some(dec(3));
            d.recording_destroyed = Some(dec(1));
        });
        assert_eq!(
            j.dates_to_check(dec(9)).as_deref(),
            Some("Please check these dates: “Recording destroyed” (1 Dec) comes before “Conversation held” (3 Dec).")
        );
        let rebooked = journey(|d| {
            d.held = Some(dec(3));
            d.conversation_booked = Some(dec(10));
        });
        assert_eq!(rebooked.dates_to_check(dec(9)), None, "held earlier than booked is fine");
    }

    #[test]
    fn short_dates_carry_the_year_only_when_it_is_not_this_years() {
        assert_eq!(short_date(dec(3), dec(9)), "3 Dec");
        assert_eq!(short_date(dec(3), NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()), "3 Dec 2026");
    }
}
