//! The journal's copy of the open review is written on every keystroke, so it is built
//! part by part: the words of a part nobody touched since the last key (the tree, the
//! actions, every other conversation) are kept as they were written and reused, and only
//! the part being typed in is written again. A key in "About the child" then costs the
//! same whether the tree has five boxes or five hundred, and a key in one conversation's
//! notes the same whether the review holds two conversations or twenty. The text is exactly the one a full
//! write of the review gives (the tests hold the two equal), so recovery reads it the
//! same way.

use super::file_format::write_compact;
use crate::model::case_discussion::CaseDiscussion;
use crate::model::cd_part::CdPart;
use crate::model::{LearningTogether, Review, ReviewBody, ReviewId};

/// The record text of the open review, kept part by part between keystrokes.
#[derive(Default)]
pub struct JournalText {
    kept: Option<Kept>,
}

enum Kept {
    Discussion {
        id: ReviewId,
        /// The discussion as the kept parts were written from.
        before: CaseDiscussion,
        /// Each part's `"field":value` text, in the order of [`CdPart::ALL`].
        parts: Vec<String>,
    },
    Together {
        id: ReviewId,
        before: LearningTogether,
        /// Each field's `"field":value` text, in the order the review writes them.
        fields: Vec<String>,
    },
}

fn member<T: serde::Serialize>(name: &str, value: &T) -> String {
    let value = serde_json::to_string(value).expect("a review always serialises to JSON");
    format!("\"{name}\":{value}")
}

/// The fields of a Learning Together review, listed once in the order it writes them:
/// each field's JSON member, and the copy that follows it field by field. The list is checked
/// against the review's fields, so a field added to the review does not compile until it
/// is listed here.
macro_rules! lt_fields {
    ($($index:literal $field:ident),* $(,)?) => {
        const LT_FIELD_COUNT: usize = [$($index),*].len();

        /// Field `index` as a JSON member (`"scope":"..."`).
        fn lt_field_json(lt: &LearningTogether, index: usize) -> String {
            let LearningTogether { $($field),* } = lt;
            match index {
                $($index => member(stringify!($field), $field),)*
                _ => String::new(),
            }
        }

        /// Copies field `index` of `from` into `to` when it differs; true when it did.
        fn lt_field_follow(to: &mut LearningTogether, from: &LearningTogether, index: usize) -> bool {
            match index {
                $($index if to.$field != from.$field => {
                    to.$field.clone_from(&from.$field);
                    true
                })*
                _ => false,
            }
        }
    };
}

lt_fields!(
    0 family_pseudonym, 1 scope, 2 participants, 3 review_team, 4 stages, 5 stage_targets,
    6 stages_completed, 7 letters, 8 conversations, 9 narrative_events, 10 episodes,
    11 factors, 12 findings, 13 recommendations, 14 next_id, 15 dismissed_hints, 16 summary,
    17 methodology, 18 case_summary, 19 acknowledgements, 20 documents,
    21 chronology_entries, 22 citations,
);

/// One part's fields as JSON members (`"facts":[...]`), in the order the review writes them.
fn part_json(cd: &CaseDiscussion, part: CdPart) -> String {
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
        let body = match (&review.body, &mut self.kept) {
            (ReviewBody::CaseDiscussion(cd), Some(Kept::Discussion { id, before, parts })) if *id == review.id => {
                let changed = cd.parts_changed_since(before);
                for part in &changed {
                    parts[part.index()] = part_json(cd, *part);
                }
                before.copy_parts_from(cd, &changed);
                body_text("case_discussion", parts, &member("next_id", &cd.next_id))
            }
            (ReviewBody::CaseDiscussion(cd), kept) => {
                let parts: Vec<String> = CdPart::ALL.iter().map(|p| part_json(cd, *p)).collect();
                let body = body_text("case_discussion", &parts, &member("next_id", &cd.next_id));
                *kept = Some(Kept::Discussion { id: review.id, before: cd.clone(), parts });
                body
            }
            (ReviewBody::LearningTogether(lt), Some(Kept::Together { id, before, fields })) if *id == review.id => {
                for (i, field) in fields.iter_mut().enumerate() {
                    if lt_field_follow(before, lt, i) {
                        *field = lt_field_json(lt, i);
                    }
                }
                body_text("learning_together", fields, "")
            }
            (ReviewBody::LearningTogether(lt), kept) => {
                let fields: Vec<String> = (0..LT_FIELD_COUNT).map(|i| lt_field_json(lt, i)).collect();
                let body = body_text("learning_together", &fields, "");
                *kept = Some(Kept::Together { id: review.id, before: lt.clone(), fields });
                body
            }
            (ReviewBody::Preparation(_), kept) => {
                *kept = None;
                return whole();
            }
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
        let mut text = String::with_capacity(around.len() + body.len());
        text.push_str(&around[..at]);
        text.push_str("\"body\":");
        text.push_str(&body);
        text.push_str(&around[at + stand_in.len()..]);
        text
    }
}

/// `{"<method>":{<members>,<last>}}`, skipping empty members.
fn body_text(method: &str, members: &[String], last: &str) -> String {
    let len: usize = members.iter().map(|m| m.len() + 1).sum::<usize>() + last.len() + method.len() + 8;
    let mut text = String::with_capacity(len);
    text.push_str("{\"");
    text.push_str(method);
    text.push_str("\":{");
    let mut first = true;
    for m in members.iter().map(String::as_str).chain(std::iter::once(last)).filter(|m| !m.is_empty()) {
        if !first {
            text.push(',');
        }
        first = false;
        text.push_str(m);
    }
    text.push_str("}}");
    text
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
    fn a_learning_together_review_built_field_by_field_is_the_full_record_after_each_edit() {
        use crate::model::conversation_guide::{ConversationPart, FactorCategory};
        use crate::model::date_or_period::DateOrPeriod;
        use crate::model::lt_field::LtText;
        use crate::model::pattern_type::PatternType;
        use crate::model::review_stage::{ReviewStage, StageStatus};
        let mut review = Review::new(uuid::Uuid::from_u128(8), ReviewKind::LearningTogether, at(0));
        let mut journal = JournalText::default();
        assert_same(&mut journal, &review);
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let edits: Vec<Box<dyn Fn(&mut LearningTogether)>> = vec![
            Box::new(|lt| { lt.set_text(LtText::Scope, "Why the move went unnoticed"); }),
            Box::new(|lt| {
                let sw = lt.add_participant("Social worker", "Children's social care");
                lt.start_conversation(sw, None).unwrap();
            }),
            Box::new(|lt| {
                let c = lt.conversations[0].id;
                lt.conversation_mut(c).unwrap().notes.set_answer(ConversationPart::Reflections, 2, "Relieved to talk");
            }),
            Box::new(move |lt| {
                lt.set_stage_status(ReviewStage::DataCollection, StageStatus::InProgress);
                lt.set_stage_target(ReviewStage::DataCollection, Some(day(30)));
            }),
            Box::new(|lt| lt.draft_letters("Family Kestrel review")),
            Box::new(|lt| {
                lt.add_event("Family moved", DateOrPeriod::during("spring")).unwrap();
            }),
            Box::new(|lt| {
                lt.add_episode("Transfer between areas", DateOrPeriod::default()).unwrap();
            }),
            Box::new(|lt| {
                lt.add_factor(FactorCategory::InterAgency, "Transfer protocol unclear").unwrap();
            }),
            Box::new(|lt| {
                let f = lt.add_finding("Transfers lose history", PatternType::HumanToolOperation).unwrap();
                lt.add_recommendation("Review the transfer protocol", Some(f)).unwrap();
            }),
            Box::new(|lt| {
                lt.dismiss_hint("scope-blame");
            }),
            Box::new(|lt| { lt.set_text(LtText::Scope, "Why the family's move went unnoticed"); }),
        ];
        for (i, edit) in edits.iter().enumerate() {
            review.edit_learning_together(at(i as u32 + 1), |lt| edit(lt));
            assert_same(&mut journal, &review);
        }
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
