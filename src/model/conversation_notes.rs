//! Conversation notes are what is written against the conversation guide: notes under each
//! part, an answer to each prompt where the writer wants one, and what was said about each
//! of the nine contributory-factor categories. The reviewer's record of a conversation and
//! the practitioner's own preparation are both written this way, which is what lets a
//! practitioner's preparation be added to the reviewer's record without losing a word of
//! either.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::conversation_guide::{ConversationPart, FactorCategory};

/// The words that mark text added from a practitioner's own preparation.
pub const FROM_PREPARATION: &str = "From the practitioner\u{2019}s preparation:";

/// What is written under one part of the guide.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct PartNotes {
    /// Free notes for the part as a whole.
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub notes: String,
    /// Answers to single prompts, by the prompt's number within the part (1-based, as
    /// Appendix 3 numbers them).
    #[autosurgeon(with = "crate::model::merge_shape::keyed_text_map")]
    pub answers: BTreeMap<u8, String>,
}

impl PartNotes {
    /// True when nothing is written here.
    pub fn is_empty(&self) -> bool {
        self.notes.trim().is_empty() && self.answers.values().all(|a| a.trim().is_empty())
    }
}

/// Notes written against the whole conversation guide.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct ConversationNotes {
    /// Notes by part. Parts with nothing written are left out.
    #[autosurgeon(with = "crate::model::merge_shape::keyed_map")]
    pub parts: BTreeMap<ConversationPart, PartNotes>,
    /// What was said about each contributory-factor category (part 4). Categories with
    /// nothing written are left out.
    #[autosurgeon(with = "crate::model::merge_shape::keyed_text_map")]
    pub factors: BTreeMap<FactorCategory, String>,
}

impl ConversationNotes {
    /// The free notes for a part ("" when none).
    pub fn notes(&self, part: ConversationPart) -> &str {
        self.parts.get(&part).map_or("", |p| p.notes.as_str())
    }

    /// The answer to prompt `number` (1-based) of a part ("" when none).
    pub fn answer(&self, part: ConversationPart, number: u8) -> &str {
        self.parts.get(&part).and_then(|p| p.answers.get(&number)).map_or("", String::as_str)
    }

    /// What was said about a contributory-factor category ("" when nothing).
    pub fn factor_notes(&self, category: FactorCategory) -> &str {
        self.factors.get(&category).map_or("", String::as_str)
    }

    /// Replaces the free notes for a part.
    pub fn set_notes(&mut self, part: ConversationPart, text: &str) {
        self.parts.entry(part).or_default().notes = text.to_string();
        self.tidy(part);
    }

    /// Replaces the answer to prompt `number` (1-based) of a part.
    pub fn set_answer(&mut self, part: ConversationPart, number: u8, text: &str) {
        let answers = &mut self.parts.entry(part).or_default().answers;
        if text.trim().is_empty() {
            answers.remove(&number);
        } else {
            answers.insert(number, text.to_string());
        }
        self.tidy(part);
    }

    /// Replaces what was said about a contributory-factor category.
    pub fn set_factor_notes(&mut self, category: FactorCategory, text: &str) {
        if text.trim().is_empty() {
            self.factors.remove(&category);
        } else {
            self.factors.insert(category, text.to_string());
        }
    }

    /// True when nothing is written anywhere.
    pub fn is_empty(&self) -> bool {
        self.parts.values().all(PartNotes::is_empty) && self.factors.values().all(|f| f.trim().is_empty())
    }

    /// Adds everything in `other` after what is already here, each piece marked with
    /// `mark` so its source stays visible. Nothing already written is changed or removed,
    /// and a piece already added (the same marked text) is not added twice. Returns how
    /// many pieces of text were added.
    pub fn append_marked(&mut self, other: &ConversationNotes, mark: &str) -> usize {
        let mut added = 0;
        for (part, theirs) in &other.parts {
            let ours = self.parts.entry(*part).or_default();
            added += usize::from(append_marked_text(&mut ours.notes, &theirs.notes, mark));
            for (number, answer) in &theirs.answers {
                let slot = ours.answers.entry(*number).or_default();
                added += usize::from(append_marked_text(slot, answer, mark));
            }
            ours.answers.retain(|_, a| !a.is_empty());
            self.tidy(*part);
        }
        for (category, theirs) in &other.factors {
            let slot = self.factors.entry(*category).or_default();
            added += usize::from(append_marked_text(slot, theirs, mark));
            if slot.is_empty() {
                self.factors.remove(category);
            }
        }
        added
    }

    fn tidy(&mut self, part: ConversationPart) {
        if self.parts.get(&part).is_some_and(|p| p.notes.is_empty() && p.answers.is_empty()) {
            self.parts.remove(&part);
        }
    }
}

/// Appends `addition` to `existing` under `mark`, after a blank line if `existing` has
/// text. Does nothing if `addition` is blank or the same marked block is already there.
/// Returns whether anything was added.
fn append_marked_text(existing: &mut String, addition: &str, mark: &str) -> bool {
    let addition = addition.trim();
    if addition.is_empty() {
        return false;
    }
    let block = format!("{mark}\n{addition}");
    if existing.contains(&block) {
        return false;
    }
    if !existing.trim().is_empty() {
        existing.truncate(existing.trim_end().len());
        existing.push_str("\n\n");
    } else {
        existing.clear();
    }
    existing.push_str(&block);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConversationPart::*;

    #[test]
    fn blank_text_leaves_no_empty_entries_behind() {
        let mut n = ConversationNotes::default();
        n.set_notes(Overview, "Home visits weekly");
        n.set_answer(Mindset, 2, "Worried about the baby's weight");
        n.set_factor_notes(FactorCategory::ConditionsOfWork, "Caseload of 30");
        assert_eq!(n.notes(Overview), "Home visits weekly");
        assert_eq!(n.answer(Mindset, 2), "Worried about the baby's weight");
        assert_eq!(n.answer(Mindset, 3), "");
        n.set_notes(Overview, "");
        n.set_answer(Mindset, 2, "  ");
        n.set_factor_notes(FactorCategory::ConditionsOfWork, "");
        assert_eq!(n, ConversationNotes::default());
        assert!(n.is_empty());
    }

    #[test]
    fn appending_keeps_what_is_there_and_marks_what_is_added() {
        let mut ours = ConversationNotes::default();
        ours.set_notes(Overview, "Reviewer's note");
        let mut theirs = ConversationNotes::default();
        theirs.set_notes(Overview, "I visited twice ");
        theirs.set_answer(Mindset, 1, "I thought the move had settled things");
        theirs.set_factor_notes(FactorCategory::Family, "Mum was frightened of losing the flat");
        assert_eq!(ours.append_marked(&theirs, FROM_PREPARATION), 3);
        assert_eq!(ours.notes(Overview), format!("Reviewer's note\n\n{FROM_PREPARATION}\nI visited twice"));
        assert_eq!(
            ours.answer(Mindset, 1),
            format!("{FROM_PREPARATION}\nI thought the move had settled things")
        );
        assert!(ours.factor_notes(FactorCategory::Family).starts_with(FROM_PREPARATION));
    }

    #[test]
    fn appending_the_same_notes_twice_adds_them_once() {
        let mut theirs = ConversationNotes::default();
        theirs.set_notes(WentWell, "The school nurse followed up");
        let mut ours = ConversationNotes::default();
        assert_eq!(ours.append_marked(&theirs, FROM_PREPARATION), 1);
        let once = ours.clone();
        assert_eq!(ours.append_marked(&theirs, FROM_PREPARATION), 0);
        assert_eq!(ours, once);
    }

    #[test]
    fn parts_serialise_by_name() {
        let mut n = ConversationNotes::default();
        n.set_answer(Reflections, 2, "Relieved");
        let json = serde_json::to_value(&n).unwrap();
        assert_eq!(json["parts"]["reflections"]["answers"]["2"], "Relieved");
        let back: ConversationNotes = serde_json::from_value(json).unwrap();
        assert_eq!(back, n);
    }
}
