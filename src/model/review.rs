//! A review is one piece of learning about what happened around a child: either a
//! facilitated **case discussion** (Salford Case Discussion Tool) or a **Learning Together**
//! systems review (SCIE). It has a title the team chose, when it was started and last
//! changed, when it was last saved to a file, the date by which the team's retention
//! policy says it should be deleted from this device (if they set one), and the content of
//! its method. A practitioner's **conversation preparation** is kept the same way, so it is
//! saved, listed, exported and imported like a review, though it holds only their own notes.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::practitioner_preparation::PractitionerPreparation;
use super::{CaseDiscussion, LearningTogether};

/// A review's identity. Stays the same through renames, exports and imports.
pub type ReviewId = Uuid;

/// The longest title we keep; longer titles are cut rather than refused.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest half-typed entry kept for an "add" box.
pub const MAX_DRAFT_CHARS: usize = 20_000;

/// Which of the two methods a review follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    CaseDiscussion,
    LearningTogether,
    /// A practitioner's own notes before their Learning Together conversation.
    Preparation,
}

impl ReviewKind {
    /// The method's name as practitioners say it.
    pub fn label(self) -> &'static str {
        match self {
            ReviewKind::CaseDiscussion => "Case discussion",
            ReviewKind::LearningTogether => "Learning Together review",
            ReviewKind::Preparation => "Conversation preparation",
        }
    }

    /// The title a new review starts with, before anyone renames it.
    pub fn default_title(self) -> &'static str {
        match self {
            ReviewKind::CaseDiscussion => "Untitled case discussion",
            ReviewKind::LearningTogether => "Untitled Learning Together review",
            ReviewKind::Preparation => "My conversation preparation",
        }
    }
}

/// The content of a review, in the shape of its method.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum ReviewBody {
    CaseDiscussion(CaseDiscussion),
    LearningTogether(LearningTogether),
    /// Written by a practitioner on their own device; holds nothing of the review team's.
    Preparation(PractitionerPreparation),
}

impl ReviewBody {
    pub fn new(kind: ReviewKind) -> Self {
        match kind {
            ReviewKind::CaseDiscussion => ReviewBody::CaseDiscussion(CaseDiscussion::default()),
            ReviewKind::LearningTogether => {
                ReviewBody::LearningTogether(LearningTogether::default())
            }
            ReviewKind::Preparation => ReviewBody::Preparation(PractitionerPreparation::default()),
        }
    }

    pub fn kind(&self) -> ReviewKind {
        match self {
            ReviewBody::CaseDiscussion(_) => ReviewKind::CaseDiscussion,
            ReviewBody::LearningTogether(_) => ReviewKind::LearningTogether,
            ReviewBody::Preparation(_) => ReviewKind::Preparation,
        }
    }
}

/// One review, as the library lists it and as a file carries it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
pub struct Review {
    pub id: ReviewId,
    pub title: String,
    #[autosurgeon(with = "crate::model::merge_shape::time")]
    pub created: DateTime<Utc>,
    #[autosurgeon(with = "crate::model::merge_shape::time")]
    pub updated: DateTime<Utc>,
    /// When this review was last written to an export file on this device, if ever.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::optional_time")]
    pub last_exported: Option<DateTime<Utc>>,
    /// The date by which the review should be deleted from this device under the team's
    /// retention policy, if they set one. Left out of files when not set, so files from
    /// before this field existed and files without it read the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub delete_by: Option<NaiveDate>,
    pub body: ReviewBody,
    /// What someone has half-typed into an "add" box (the capture bar, "Add a worry"...)
    /// without pressing Enter yet, by box: kept with the review so a reload or a crash does
    /// not lose it. Left out of files when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    /// Half-typed entries belong to the device they were typed on: not in the history,
    /// so never merged into another laptop's boxes.
    #[autosurgeon(with = "crate::model::merge_shape::device_local")]
    pub drafts: BTreeMap<String, String>,
    /// Fields written by a newer version of the app that this one does not know yet:
    /// kept as they were so that opening and saving here does not lose them.
    #[serde(flatten)]
    #[autosurgeon(with = "crate::model::merge_shape::json_fields")]
    pub unknown: BTreeMap<String, Value>,
}

impl Review {
    /// A new, empty review of the given method.
    pub fn new(id: ReviewId, kind: ReviewKind, now: DateTime<Utc>) -> Self {
        Review {
            id,
            title: kind.default_title().to_string(),
            created: now,
            updated: now,
            last_exported: None,
            delete_by: None,
            body: ReviewBody::new(kind),
            drafts: BTreeMap::new(),
            unknown: BTreeMap::new(),
        }
    }

    pub fn kind(&self) -> ReviewKind {
        self.body.kind()
    }

    /// Renames the review. Blank titles fall back to the method's default title, so a
    /// review is never listed without a name.
    pub fn rename(&mut self, title: &str, now: DateTime<Utc>) {
        let trimmed = title.trim();
        let title = if trimmed.is_empty() { self.kind().default_title() } else { trimmed };
        self.title = title.chars().take(MAX_TITLE_CHARS).collect();
        self.touch(now);
    }

    /// Takes the title exactly as it is being typed (spaces and all, even blank for a
    /// moment), so nothing typed waits for the box to be left. [`Review::tidied`] gives the
    /// tidy form that is saved and listed.
    pub fn retitle_as_typed(&mut self, title: &str, now: DateTime<Utc>) {
        self.title = title.chars().take(MAX_TITLE_CHARS).collect();
        self.touch(now);
    }

    /// The review as it is saved: the title trimmed, and the method's default title if it
    /// was left blank.
    pub fn tidied(&self) -> Review {
        let trimmed = self.title.trim();
        if !trimmed.is_empty() && trimmed.len() == self.title.len() {
            return self.clone();
        }
        let mut tidy = self.clone();
        tidy.title = if trimmed.is_empty() { self.kind().default_title().to_string() } else { trimmed.to_string() };
        tidy
    }

    /// What is half-typed in the "add" box named `field`.
    pub fn draft(&self, field: &str) -> &str {
        self.drafts.get(field).map_or("", String::as_str)
    }

    /// Keeps what is half-typed in the "add" box named `field` (an empty text forgets it).
    /// A draft is not a change to the review's content, so `updated` is left alone.
    pub fn set_draft(&mut self, field: &str, text: &str) {
        if text.is_empty() {
            self.drafts.remove(field);
        } else {
            self.drafts.insert(field.to_string(), text.chars().take(MAX_DRAFT_CHARS).collect());
        }
    }

    /// Records that the review changed.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        if now > self.updated {
            self.updated = now;
        }
    }

    /// A full copy under a new id, titled so that the two are easy to tell apart.
    pub fn duplicate(&self, new_id: ReviewId, now: DateTime<Utc>) -> Review {
        let mut copy = self.clone();
        copy.id = new_id;
        copy.title = format!("Copy of {}", self.title).chars().take(MAX_TITLE_CHARS).collect();
        copy.created = now;
        copy.updated = now;
        copy.last_exported = None;
        copy
    }

    /// True when there are changes since the last export (or it was never exported).
    pub fn has_unexported_changes(&self) -> bool {
        match self.last_exported {
            Some(exported) => self.updated > exported,
            None => true,
        }
    }

    /// Records that the review was saved to a file at `now`.
    pub fn mark_exported(&mut self, now: DateTime<Utc>) {
        self.last_exported = Some(now.max(self.updated));
    }

    /// Records (or with `None`, clears) the date by which the review should be deleted.
    pub fn set_delete_by(&mut self, date: Option<NaiveDate>, now: DateTime<Utc>) {
        if self.delete_by != date {
            self.delete_by = date;
            self.touch(now);
        }
    }

    /// True when a delete-by date is set and `today` is after it.
    pub fn is_past_delete_by(&self, today: NaiveDate) -> bool {
        self.delete_by.is_some_and(|d| today > d)
    }

    /// From now on, new items get ids from this device's `block` (see
    /// [`super::id_blocks`]), so items added here and on another laptop never share an
    /// id. Not a change to the review: nothing is saved for it.
    pub fn use_id_block(&mut self, block: u64) {
        let start = super::id_blocks::first_id(block);
        let switch = |next_id: &mut u64| {
            if super::id_blocks::block_of(*next_id) != block {
                *next_id = start;
            }
        };
        match &mut self.body {
            ReviewBody::CaseDiscussion(cd) => {
                switch(&mut cd.next_id);
                cd.tree.id_block = block;
            }
            ReviewBody::LearningTogether(lt) => switch(&mut lt.next_id),
            ReviewBody::Preparation(_) => {}
        }
    }

    /// The case discussion content, if this review is one.
    pub fn case_discussion(&self) -> Option<&CaseDiscussion> {
        match &self.body {
            ReviewBody::CaseDiscussion(cd) => Some(cd),
            _ => None,
        }
    }

    /// Changes the case discussion content, if this review is one, and records the change.
    pub fn edit_case_discussion(&mut self, now: DateTime<Utc>, f: impl FnOnce(&mut CaseDiscussion)) {
        if let ReviewBody::CaseDiscussion(cd) = &mut self.body {
            f(cd);
            self.touch(now);
        }
    }

    /// The Learning Together content, if this review is one.
    pub fn learning_together(&self) -> Option<&LearningTogether> {
        match &self.body {
            ReviewBody::LearningTogether(lt) => Some(lt),
            _ => None,
        }
    }

    /// Changes the Learning Together content, if this review is one, and records the change.
    pub fn edit_learning_together(
        &mut self,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut LearningTogether),
    ) {
        if let ReviewBody::LearningTogether(lt) = &mut self.body {
            f(lt);
            self.touch(now);
        }
    }

    /// The practitioner's preparation, if this is one.
    pub fn preparation(&self) -> Option<&PractitionerPreparation> {
        match &self.body {
            ReviewBody::Preparation(p) => Some(p),
            _ => None,
        }
    }

    /// Changes the practitioner's preparation, if this is one, and records the change.
    pub fn edit_preparation(&mut self, now: DateTime<Utc>, f: impl FnOnce(&mut PractitionerPreparation)) {
        if let ReviewBody::Preparation(p) = &mut self.body {
            f(p);
            self.touch(now);
        }
    }
}

#[cfg(test)]
mod typed_title_tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
    }

    #[test]
    fn a_title_is_kept_as_typed_and_tidied_when_saved() {
        let mut r = Review::new(Uuid::nil(), ReviewKind::CaseDiscussion, at("2026-12-01T10:00:00Z"));
        r.retitle_as_typed("Child A ", at("2026-12-01T10:01:00Z"));
        assert_eq!(r.title, "Child A ");
        assert_eq!(r.tidied().title, "Child A");
        r.retitle_as_typed("", at("2026-12-01T10:02:00Z"));
        assert_eq!(r.title, "");
        assert_eq!(r.tidied().title, "Untitled case discussion");
        assert_eq!(r.updated, at("2026-12-01T10:02:00Z"));
    }

    #[test]
    fn a_half_typed_entry_is_kept_per_box_and_forgotten_when_emptied() {
        let mut r = Review::new(Uuid::nil(), ReviewKind::CaseDiscussion, at("2026-12-01T10:00:00Z"));
        r.set_draft("capture", "Mum said the health visitor");
        assert_eq!(r.draft("capture"), "Mum said the health visitor");
        assert_eq!(r.draft("add worry"), "");
        let json = serde_json::to_string(&r).unwrap_or_default();
        let back: Review = serde_json::from_str(&json).unwrap_or_else(|_| r.clone());
        assert_eq!(back.draft("capture"), "Mum said the health visitor");
        r.set_draft("capture", "");
        assert!(r.drafts.is_empty());
        assert!(!serde_json::to_string(&r).unwrap_or_default().contains("drafts"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).unwrap()
    }

    fn id(n: u128) -> ReviewId {
        Uuid::from_u128(n)
    }

    #[test]
    fn a_new_review_has_its_methods_default_title_and_is_unexported() {
        let r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        assert_eq!(r.title, "Untitled case discussion");
        assert_eq!(r.kind(), ReviewKind::CaseDiscussion);
        assert!(r.case_discussion().is_some());
        assert!(r.learning_together().is_none());
        assert!(r.has_unexported_changes());
    }

    #[test]
    fn renaming_trims_and_never_leaves_a_blank_title() {
        let mut r = Review::new(id(1), ReviewKind::LearningTogether, at(9));
        r.rename("  Child A review  ", at(10));
        assert_eq!(r.title, "Child A review");
        assert_eq!(r.updated, at(10));
        r.rename("   ", at(11));
        assert_eq!(r.title, "Untitled Learning Together review");
    }

    #[test]
    fn overlong_titles_are_cut_on_a_character_boundary() {
        let mut r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        r.rename(&"é".repeat(500), at(10));
        assert_eq!(r.title.chars().count(), MAX_TITLE_CHARS);
    }

    #[test]
    fn touch_never_moves_the_clock_backwards() {
        let mut r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        r.touch(at(12));
        r.touch(at(10));
        assert_eq!(r.updated, at(12));
    }

    #[test]
    fn a_duplicate_is_a_separate_review_with_the_same_content() {
        let mut r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        r.edit_case_discussion(at(10), |cd| cd.about_child = "Likes drawing".into());
        r.mark_exported(at(11));
        let copy = r.duplicate(id(2), at(12));
        assert_eq!(copy.id, id(2));
        assert_eq!(copy.title, "Copy of Untitled case discussion");
        assert_eq!(copy.body, r.body);
        assert_eq!(copy.created, at(12));
        assert!(copy.last_exported.is_none());
    }

    #[test]
    fn exporting_clears_the_unexported_flag_until_the_next_edit() {
        let mut r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        r.mark_exported(at(10));
        assert!(!r.has_unexported_changes());
        r.edit_case_discussion(at(11), |cd| cd.about_child = "x".into());
        assert!(r.has_unexported_changes());
    }

    #[test]
    fn editing_the_other_methods_content_changes_nothing() {
        let mut r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        let before = r.clone();
        r.edit_learning_together(at(10), |_| panic!("must not be called"));
        assert_eq!(r, before);
    }

    #[test]
    fn a_delete_by_date_is_past_only_after_the_day_itself() {
        let mut r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        let day = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        assert!(!r.is_past_delete_by(day));
        r.set_delete_by(Some(day), at(10));
        assert_eq!(r.updated, at(10));
        assert!(!r.is_past_delete_by(day));
        assert!(r.is_past_delete_by(day.succ_opt().unwrap()));
        r.set_delete_by(None, at(11));
        assert!(!r.is_past_delete_by(day.succ_opt().unwrap()));
    }

    #[test]
    fn a_review_without_a_delete_by_date_is_written_without_the_field() {
        let mut r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        let v = serde_json::to_value(&r).unwrap();
        assert!(v.get("delete_by").is_none());
        r.set_delete_by(NaiveDate::from_ymd_opt(2027, 1, 5), at(10));
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["delete_by"], "2027-01-05");
        let back: Review = serde_json::from_value(v).unwrap();
        assert_eq!(back, r);
        assert!(back.unknown.is_empty());
    }

    #[test]
    fn unknown_fields_from_a_newer_app_survive_a_round_trip() {
        let r = Review::new(id(1), ReviewKind::CaseDiscussion, at(9));
        let mut v = serde_json::to_value(&r).unwrap();
        v["future_field"] = serde_json::json!({"nested": [1, 2, 3]});
        let back: Review = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(back.unknown.get("future_field"), Some(&v["future_field"]));
        let again = serde_json::to_value(&back).unwrap();
        assert_eq!(again, v);
    }
}
