//! The library is the list of reviews kept on this device. Each entry is a short summary
//! (title, method, when it last changed, when it was last saved to a file, the date by
//! which it should be deleted) so the list can be shown, searched and filtered without
//! opening every review.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Review, ReviewId, ReviewKind};

/// What the library shows for one review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewSummary {
    pub id: ReviewId,
    pub kind: ReviewKind,
    pub title: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    #[serde(default)]
    pub last_exported: Option<DateTime<Utc>>,
    /// The retention policy's delete-by date, if the team set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_by: Option<NaiveDate>,
}

impl ReviewSummary {
    pub fn of(review: &Review) -> Self {
        ReviewSummary {
            id: review.id,
            kind: review.kind(),
            title: review.title.clone(),
            created: review.created,
            updated: review.updated,
            last_exported: review.last_exported,
            delete_by: review.delete_by,
        }
    }

    /// True when there are changes since the last export (or it was never exported).
    pub fn has_unexported_changes(&self) -> bool {
        self.last_exported.is_none_or(|e| self.updated > e)
    }

    /// True when the review has passed its delete-by date (`today` is after it).
    pub fn is_past_delete_by(&self, today: NaiveDate) -> bool {
        self.delete_by.is_some_and(|d| today > d)
    }
}

/// The reviews that have passed their delete-by date, the longest overdue first.
pub fn past_delete_by(summaries: &[ReviewSummary], today: NaiveDate) -> Vec<ReviewSummary> {
    let mut out: Vec<ReviewSummary> = summaries.iter().filter(|s| s.is_past_delete_by(today)).cloned().collect();
    out.sort_by(|a, b| a.delete_by.cmp(&b.delete_by).then_with(|| a.title.cmp(&b.title)));
    out
}

/// What the person typed in the library's search box and which method they chose.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryFilter {
    pub text: String,
    pub kind: Option<ReviewKind>,
}

impl SummaryFilter {
    /// True when the summary matches every word typed (in any order, any case) and the
    /// chosen method.
    pub fn matches(&self, s: &ReviewSummary) -> bool {
        if self.kind.is_some_and(|k| k != s.kind) {
            return false;
        }
        let haystack = format!("{} {}", s.title, s.kind.label()).to_lowercase();
        self.text.split_whitespace().all(|word| haystack.contains(&word.to_lowercase()))
    }

    /// The matching summaries, most recently changed first.
    pub fn apply(&self, summaries: &[ReviewSummary]) -> Vec<ReviewSummary> {
        let mut out: Vec<ReviewSummary> =
            summaries.iter().filter(|s| self.matches(s)).cloned().collect();
        out.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.title.cmp(&b.title)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use uuid::Uuid;

    fn summary(n: u128, kind: ReviewKind, title: &str, hour: u32) -> ReviewSummary {
        let mut r = Review::new(Uuid::from_u128(n), kind, Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        r.rename(title, Utc.with_ymd_and_hms(2026, 1, 1, hour, 0, 0).unwrap());
        ReviewSummary::of(&r)
    }

    #[test]
    fn search_matches_every_word_in_any_case_and_order() {
        let all = vec![
            summary(1, ReviewKind::CaseDiscussion, "Child A rapid review", 1),
            summary(2, ReviewKind::LearningTogether, "Family B systems review", 2),
        ];
        let f = SummaryFilter { text: "REVIEW child".into(), kind: None };
        let found = f.apply(&all);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "Child A rapid review");
    }

    #[test]
    fn filtering_by_method_and_newest_first() {
        let all = vec![
            summary(1, ReviewKind::CaseDiscussion, "Older", 1),
            summary(2, ReviewKind::CaseDiscussion, "Newer", 5),
            summary(3, ReviewKind::LearningTogether, "Other method", 9),
        ];
        let f = SummaryFilter { text: String::new(), kind: Some(ReviewKind::CaseDiscussion) };
        let titles: Vec<_> = f.apply(&all).into_iter().map(|s| s.title).collect();
        assert_eq!(titles, vec!["Newer", "Older"]);
    }

    #[test]
    fn reviews_past_their_delete_by_date_are_listed_longest_overdue_first() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 6, d).unwrap();
        let mut a = summary(1, ReviewKind::CaseDiscussion, "Due today", 1);
        a.delete_by = Some(day(10));
        let mut b = summary(2, ReviewKind::CaseDiscussion, "Overdue a week", 2);
        b.delete_by = Some(day(3));
        let mut c = summary(3, ReviewKind::LearningTogether, "Overdue a day", 3);
        c.delete_by = Some(day(9));
        let d = summary(4, ReviewKind::CaseDiscussion, "No date", 4);
        let titles: Vec<_> = past_delete_by(&[a, b, c, d], day(10)).into_iter().map(|s| s.title).collect();
        assert_eq!(titles, vec!["Overdue a week", "Overdue a day"]);
    }

    #[test]
    fn a_summary_knows_when_changes_have_not_been_exported() {
        let mut s = summary(1, ReviewKind::CaseDiscussion, "x", 3);
        assert!(s.has_unexported_changes());
        s.last_exported = Some(s.updated);
        assert!(!s.has_unexported_changes());
    }
}
