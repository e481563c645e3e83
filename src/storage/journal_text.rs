//! The journal's copy of an open case discussion is written on every keystroke, so it is
//! built part by part: the words of a part nobody touched since the last key (the tree,
//! the actions, every other card) are kept as they were written and reused, and only the
//! part being typed in is written again. A key in "About the child" then costs the same
//! whether the tree has five boxes or five hundred. The text is exactly the one a full
//! write of the review gives (the tests hold the two equal), so recovery reads it the
//! same way.

use super::file_format::write_compact;
use crate::model::case_discussion::CaseDiscussion;
use crate::model::cd_part::CdPart;
use crate::model::{Review, ReviewBody, ReviewId};

/// The record text of the open review, kept part by part between keystrokes.
#[derive(Default)]
pub struct JournalText {
    kept: Option<Kept>,
}

struct Kept {
    id: ReviewId,
    /// The discussion as the kept parts were written from.
    before: CaseDiscussion,
    /// Each part's `"field":value` text, in the order of [`CdPart::ALL`].
    parts: Vec<String>,
}

/// One part's fields as JSON members (`"facts":[...]`), in the order the review writes them.
fn part_json(cd: &CaseDiscussion, part: CdPart) -> String {
    fn member<T: serde::Serialize>(name: &str, value: &T) -> String {
        let value = serde_json::to_string(value).expect("a discussion always serialises to JSON");
        format!("\"{name}\":{value}")
    }
    match part {
        CdPart::Header => member("header", &cd.header),
        CdPart::Facts => member("facts", &cd.facts),
        CdPart::AboutChild => member("about_child", &cd.about_child),
        CdPart::Thoughts => member("immediate_thoughts", &cd.immediate_thoughts),
        CdPart::Tree => member("tree", &cd.tree),
        CdPart::Worries => member("worries", &cd.worries),
        CdPart::Strengths => member("strengths", &cd.strengths),
        CdPart::Gaps => member("information_gaps", &cd.information_gaps),
        CdPart::People => member("people_to_involve", &cd.people_to_involve),
        CdPart::Actions => member("actions", &cd.actions),
        CdPart::Outcome => member("outcome", &cd.outcome),
    }
}

impl JournalText {
    /// The stored record's text of `review`, as a full write gives it
    /// (`record::review_plaintext` without a history).
    pub fn record_text(&mut self, review: &Review) -> String {
        let whole = || write_compact(&[(review, None)], review.updated);
        let ReviewBody::CaseDiscussion(cd) = &review.body else {
            self.kept = None;
            return whole();
        };
        let kept = match &mut self.kept {
            Some(k) if k.id == review.id => {
                let changed = cd.parts_changed_since(&k.before);
                for part in &changed {
                    k.parts[part.index()] = part_json(cd, *part);
                }
                k.before.copy_parts_from(cd, &changed);
                k
            }
            other => other.insert(Kept {
                id: review.id,
                before: cd.clone(),
                parts: CdPart::ALL.iter().map(|p| part_json(cd, *p)).collect(),
            }),
        };
        // The rest of the record, written around a stand-in body that is then replaced.
        // Written out field by field, so a field added to the review is not left out.
        let Review { id, title, created, updated, last_exported, delete_by, body: _, drafts, unknown } = review;
        let shell = Review {
            id: *id,
            title: title.clone(),
            created: *created,
            updated: *updated,
            last_exported: *last_exported,
            delete_by: *delete_by,
            body: ReviewBody::Preparation(Default::default()),
            drafts: drafts.clone(),
            unknown: unknown.clone(),
        };
        let around = write_compact(&[(&shell, None)], review.updated);
        let stand_in = match serde_json::to_string(&shell.body) {
            Ok(b) => format!("\"body\":{b}"),
            Err(_) => return whole(),
        };
        // The body comes before the half-typed entries and any unknown fields, and a title
        // cannot hold an unescaped quote: the first match is the body.
        let Some(at) = around.find(&stand_in) else { return whole() };
        let parts_len: usize = kept.parts.iter().map(|p| p.len() + 1).sum();
        let mut text = String::with_capacity(around.len() + parts_len + 64);
        text.push_str(&around[..at]);
        text.push_str("\"body\":{\"case_discussion\":{");
        for (i, part) in kept.parts.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(part);
        }
        text.push_str(&format!(",\"next_id\":{}}}}}", cd.next_id));
        text.push_str(&around[at + stand_in.len()..]);
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes_field::NotesText;
    use crate::model::problem_tree::Parent;
    use crate::model::ReviewKind;
    use chrono::{TimeZone, Utc};

    fn at(m: u32) -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 10, m, 0).unwrap()
    }

    fn assert_same(journal: &mut JournalText, review: &Review) {
        let full = write_compact(&[(review, None)], review.updated);
        assert_eq!(journal.record_text(review), full);
    }

    #[test]
    fn the_text_built_part_by_part_is_the_full_record_after_each_kind_of_edit() {
        let mut review = Review::new(uuid::Uuid::from_u128(5), ReviewKind::CaseDiscussion, at(0));
        review.rename("Case discussion for \"A\" — Tuesday", at(0));
        let mut journal = JournalText::default();
        assert_same(&mut journal, &review);
        let edits: Vec<Box<dyn Fn(&mut CaseDiscussion)>> = vec![
            Box::new(|cd| { cd.set_text(NotesText::ChildName, "Amira"); }),
            Box::new(|cd| {
                cd.add_fact("Missed two health visits in March", "Health visitor notes");
            }),
            Box::new(|cd| { cd.set_text(NotesText::AboutChild, "Amira is four.\nShe loves the park."); }),
            Box::new(|cd| {
                let top = cd.tree.add_effect("Nobody saw Amira for six weeks");
                cd.tree.add_node(Parent::Node(top), "School asked no questions");
            }),
            Box::new(|cd| {
                cd.add_worry("Nobody saw the child on her own");
            }),
            Box::new(|cd| {
                cd.add_strength("The nursery rang the same day");
            }),
            Box::new(|cd| {
                cd.add_information_gap("What the GP knew");
            }),
            Box::new(|cd| {
                cd.add_person_to_involve("The school nurse");
            }),
            Box::new(|cd| {
                cd.add_action("Book a strategy meeting");
            }),
            Box::new(|cd| { cd.set_text(NotesText::Agreement, "Agreed: a plan by Friday"); }),
            Box::new(|cd| { cd.set_text(NotesText::AboutChild, "Amira is four. She loves the park and the sand tray."); }),
        ];
        for (i, edit) in edits.iter().enumerate() {
            review.edit_case_discussion(at(i as u32 + 1), |cd| edit(cd));
            assert_same(&mut journal, &review);
        }
        // Fields outside the discussion: a half-typed worry, an exported mark, a new title.
        review.drafts.insert("add-worry".into(), "Mum said she".into());
        review.mark_exported(at(30));
        review.rename("Renamed", at(31));
        assert_same(&mut journal, &review);
    }

    #[test]
    fn another_review_or_another_method_is_written_whole() {
        let mut journal = JournalText::default();
        let mut a = Review::new(uuid::Uuid::from_u128(1), ReviewKind::CaseDiscussion, at(0));
        a.edit_case_discussion(at(1), |cd| { cd.set_text(NotesText::AboutChild, "First"); });
        assert_same(&mut journal, &a);
        let mut b = Review::new(uuid::Uuid::from_u128(2), ReviewKind::CaseDiscussion, at(0));
        b.edit_case_discussion(at(1), |cd| { cd.set_text(NotesText::AboutChild, "Second"); });
        assert_same(&mut journal, &b);
        let lt = Review::new(uuid::Uuid::from_u128(3), ReviewKind::LearningTogether, at(0));
        assert_same(&mut journal, &lt);
        assert_same(&mut journal, &a);
    }
}
