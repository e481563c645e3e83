//! A practitioner's preparation is what someone taking part in a Learning Together review
//! writes down before their one-to-one conversation: their role and agency, and their own
//! notes against the parts of the conversation guide. It stands on its own, holding nothing
//! from the review team's record, so a practitioner can keep it on their own device, bring
//! it to the conversation, or share it as a small file that the review team adds to their
//! record of the conversation without overwriting anything. (How that file is written and
//! read belongs to storage; this is only its content.)

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::conversation_notes::ConversationNotes;
use super::date_or_period::DateOrPeriod;

/// A crucial moment the practitioner wants to talk about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct PreparedTurningPoint {
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
    #[autosurgeon(missing = "Default::default")]
    pub date_or_period: DateOrPeriod,
}

/// The practitioner's own preparation for their conversation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct PractitionerPreparation {
    /// Their role, e.g. "Health visitor". Never their name.
    #[autosurgeon(missing = "Default::default")]
    pub role: String,
    #[autosurgeon(missing = "Default::default")]
    pub agency: String,
    /// Their notes against the conversation guide.
    #[autosurgeon(missing = "Default::default")]
    pub notes: ConversationNotes,
    /// The crucial moments they want to talk about (part 3a).
    #[autosurgeon(missing = "Default::default")]
    pub turning_points: Vec<PreparedTurningPoint>,
    /// Text hints the practitioner has dismissed, by [`super::text_hints::TextHint::key`].
    #[autosurgeon(with = "crate::model::merge_shape::string_set")]
    pub dismissed_hints: BTreeSet<String>,
}

impl PractitionerPreparation {
    /// The practitioner's role, as typed ("Health visitor").
    pub fn set_role(&mut self, role: &str) {
        role.clone_into(&mut self.role);
    }

    /// The practitioner's agency, as typed ("NHS trust").
    pub fn set_agency(&mut self, agency: &str) {
        agency.clone_into(&mut self.agency);
    }

    /// Stops showing a text hint the practitioner has looked at and set aside.
    pub fn dismiss_hint(&mut self, key: &str) {
        self.dismissed_hints.insert(key.to_string());
    }

    /// Adds a crucial moment to talk about. Blank text is ignored.
    pub fn add_turning_point(&mut self, text: &str, date_or_period: DateOrPeriod) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        self.turning_points.push(PreparedTurningPoint { text: text.to_string(), date_or_period });
        true
    }

    /// Removes the crucial moment at `index`, if there is one.
    pub fn remove_turning_point(&mut self, index: usize) -> bool {
        if index < self.turning_points.len() {
            self.turning_points.remove(index);
            true
        } else {
            false
        }
    }

    /// True when nothing has been written yet.
    pub fn is_empty(&self) -> bool {
        self.role.trim().is_empty()
            && self.agency.trim().is_empty()
            && self.notes.is_empty()
            && self.turning_points.is_empty()
    }
}

/// Where text added to a conversation came from: whose preparation (their role and agency
/// as they wrote them) and the day of their file. It keeps the source of each added piece
/// visible in the record: "From the preparation of Health visitor, NHS trust, file of 2 Dec".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct PreparationSource {
    #[autosurgeon(missing = "Default::default")]
    pub role: String,
    #[autosurgeon(missing = "Default::default")]
    pub agency: String,
    /// The day the practitioner last changed their preparation, when the file says so.
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub file_date: Option<NaiveDate>,
}

impl PreparationSource {
    /// The source of a preparation file written on `file_date`.
    pub fn of(preparation: &PractitionerPreparation, file_date: Option<NaiveDate>) -> Self {
        PreparationSource {
            role: preparation.role.trim().to_string(),
            agency: preparation.agency.trim().to_string(),
            file_date,
        }
    }

    /// "From the preparation of Health visitor, NHS trust, file of 2 Dec 2026", or "From
    /// the practitioner's preparation" when the file says nothing of whose it is.
    pub fn label(&self) -> String {
        let who: Vec<&str> = [self.role.as_str(), self.agency.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
        let mut out = if who.is_empty() {
            "From the practitioner\u{2019}s preparation".to_string()
        } else {
            format!("From the preparation of {}", who.join(", "))
        };
        if let Some(d) = self.file_date {
            out.push_str(&format!(", file of {}", d.format("%-d %b %Y")));
        }
        out
    }

    /// The label as the line that heads each added piece of text.
    pub fn mark(&self) -> String {
        format!("{}:", self.label())
    }
}

/// Why a preparation may not belong to the person whose conversation it is being added to:
/// the role or agency it gives differs from the participant's. The team is asked before
/// anything is added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparationMismatch {
    /// Whose the preparation says it is ("Class teacher, Primary school").
    pub preparation_of: String,
    /// Whose conversation it is ("Health visitor, NHS trust").
    pub participant: String,
}

impl std::fmt::Display for PreparationMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.preparation_of.is_empty() {
            write!(
                f,
                "This preparation does not say whose it is (no role or agency). The conversation is with {}. Add it to this conversation anyway?",
                self.participant
            )
        } else {
            write!(
                f,
                "This preparation is by {}, but the conversation is with {}. Add it to this conversation anyway?",
                self.preparation_of, self.participant
            )
        }
    }
}

/// Role and agency words, compared without case, punctuation or word order noise.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when two descriptions of a role (or agency) plausibly name the same thing: equal,
/// or one's words all found in the other ("Health visitor" and "Health Visitor (0-19)").
fn same_description(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

/// Whether a preparation written as `role`/`agency` should be questioned before it is added
/// to the conversation with someone in `participant_role`/`participant_agency`. A blank
/// agency in the preparation is not questioned (not everyone writes it); a different or
/// missing role is.
pub fn preparation_mismatch(
    preparation: &PractitionerPreparation,
    participant_role: &str,
    participant_agency: &str,
    participant_label: &str,
) -> Option<PreparationMismatch> {
    let role_ok = same_description(&preparation.role, participant_role);
    let agency_ok = preparation.agency.trim().is_empty()
        || participant_agency.trim().is_empty()
        || same_description(&preparation.agency, participant_agency);
    if role_ok && agency_ok {
        return None;
    }
    let who: Vec<&str> =
        [preparation.role.trim(), preparation.agency.trim()].into_iter().filter(|s| !s.is_empty()).collect();
    Some(PreparationMismatch { preparation_of: who.join(", "), participant: participant_label.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::conversation_guide::ConversationPart;

    #[test]
    fn a_preparation_starts_empty_and_ignores_blank_turning_points() {
        let mut p = PractitionerPreparation::default();
        assert!(p.is_empty());
        assert!(!p.add_turning_point("  ", DateOrPeriod::default()));
        assert!(p.add_turning_point("The call from school", DateOrPeriod::during("March")));
        assert!(!p.is_empty());
        assert!(!p.remove_turning_point(3));
        assert!(p.remove_turning_point(0));
        assert!(p.is_empty());
    }

    #[test]
    fn a_preparation_round_trips_and_tolerates_missing_fields() {
        let mut p = PractitionerPreparation { role: "School nurse".into(), ..Default::default() };
        p.notes.set_answer(ConversationPart::Mindset, 6, "To keep her in school");
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<PractitionerPreparation>(&json).unwrap(), p);
        let sparse: PractitionerPreparation = serde_json::from_str(r#"{"role":"GP"}"#).unwrap();
        assert_eq!(sparse.role, "GP");
        assert!(sparse.notes.is_empty());
    }

    #[test]
    fn a_source_reads_as_whose_preparation_and_when() {
        let prep = PractitionerPreparation { role: " Health visitor ".into(), agency: "NHS trust".into(), ..Default::default() };
        let source = PreparationSource::of(&prep, NaiveDate::from_ymd_opt(2026, 12, 2));
        assert_eq!(source.label(), "From the preparation of Health visitor, NHS trust, file of 2 Dec 2026");
        assert_eq!(PreparationSource::default().mark(), "From the practitioner\u{2019}s preparation:");
    }

    #[test]
    fn a_preparation_from_someone_else_is_questioned() {
        let teacher = PractitionerPreparation { role: "Class teacher".into(), agency: "Primary school".into(), ..Default::default() };
        let m = preparation_mismatch(&teacher, "Health visitor", "NHS trust", "Health visitor, NHS trust").unwrap();
        assert!(m.to_string().contains("by Class teacher, Primary school, but the conversation is with Health visitor, NHS trust"));
        let hv = PractitionerPreparation { role: "health visitor".into(), agency: "NHS Trust".into(), ..Default::default() };
        assert_eq!(preparation_mismatch(&hv, "Health visitor (0-19)", "NHS trust", "x"), None);
        let other_agency = PractitionerPreparation { role: "Health visitor".into(), agency: "Private nursery".into(), ..Default::default() };
        assert!(preparation_mismatch(&other_agency, "Health visitor", "NHS trust", "x").is_some());
        let no_agency = PractitionerPreparation { role: "Health visitor".into(), ..Default::default() };
        assert_eq!(preparation_mismatch(&no_agency, "Health visitor", "NHS trust", "x"), None);
        let anonymous = PractitionerPreparation::default();
        assert!(preparation_mismatch(&anonymous, "Health visitor", "NHS trust", "x").unwrap().to_string().contains("does not say whose"));
    }
}
