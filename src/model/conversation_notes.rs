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
/// text. Only the sentences not already in `existing` are added, so an updated
/// preparation brings in what changed and the same answer is never copied twice. Does
/// nothing if `addition` is blank or every sentence of it is already there. Returns
/// whether anything was added.
fn append_marked_text(existing: &mut String, addition: &str, mark: &str) -> bool {
    let addition = addition.trim();
    if addition.is_empty() {
        return false;
    }
    let known = squeeze(existing);
    let mut all_new = true;
    let paragraphs: Vec<String> = addition
        .lines()
        .map(|line| {
            let fresh: Vec<&str> =
                sentences(line).into_iter().filter(|s| !known.contains(&squeeze(s))).collect();
            all_new &= fresh.len() == sentences(line).len();
            fresh.join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return false;
    }
    let text = if all_new { addition.to_string() } else { paragraphs.join("\n") };
    if !existing.trim().is_empty() {
        existing.truncate(existing.trim_end().len());
        existing.push_str("\n\n");
    } else {
        existing.clear();
    }
    existing.push_str(&format!("{mark}\n{text}"));
    true
}

/// The sentences of one line of text, trimmed: split after ".", "?" or "!" followed by a
/// space.
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next_is_space = chars.get(i + 1).is_some_and(|(_, n)| n.is_whitespace());
        if matches!(c, '.' | '?' | '!') && next_is_space {
            out.push(line[start..at + c.len_utf8()].trim());
            start = at + c.len_utf8();
        }
    }
    out.push(line[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Text with runs of white space made one space, lower-cased, for "is this already here".
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The marks that head text added from a preparation: the generic one and "From the
/// preparation of ...".
pub fn is_preparation_mark(line: &str) -> bool {
    let line = line.trim();
    line == FROM_PREPARATION || (line.starts_with("From the preparation of ") && line.ends_with(':'))
}

/// A note as plain text for a factor or a report: the marks of added preparations left
/// out, lines joined into one paragraph, without doubled punctuation (".;", "..").
pub fn clean_text(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !is_preparation_mark(l)) {
        if !out.is_empty() {
            if !out.ends_with(['.', '?', '!', ':', ';']) {
                out.push('.');
            }
            out.push(' ');
        }
        out.push_str(line);
    }
    out
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

    #[test]
    fn an_updated_answer_brings_in_only_what_changed() {
        let mut theirs = ConversationNotes::default();
        theirs.set_answer(Mindset, 1, "I thought the move had settled things. The flat was warm.");
        let mut ours = ConversationNotes::default();
        assert_eq!(ours.append_marked(&theirs, "From the preparation of HV, file of 2 Dec 2026:"), 1);
        theirs.set_answer(Mindset, 1, "I thought the move had settled things. The flat was warm. Then the boiler broke.");
        assert_eq!(ours.append_marked(&theirs, "From the preparation of HV, file of 9 Dec 2026:"), 1);
        let answer = ours.answer(Mindset, 1);
        assert_eq!(answer.matches("settled things").count(), 1, "{answer}");
        assert!(answer.ends_with("file of 9 Dec 2026:\nThen the boiler broke."), "{answer}");
        assert_eq!(ours.append_marked(&theirs, "From the preparation of HV, file of 9 Dec 2026:"), 0);
    }

    #[test]
    fn clean_text_leaves_out_marks_and_joins_lines() {
        let text = format!("Two vacancies\n\n{FROM_PREPARATION}\nI covered two caseloads.\nFrom the preparation of HV, file of 2 Dec 2026:\nNo cover;");
        assert_eq!(clean_text(&text), "Two vacancies. I covered two caseloads. No cover;");
    }
}
