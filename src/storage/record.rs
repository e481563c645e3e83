//! A stored record is how one review sits in the browser's storage: the review itself,
//! written in the same versioned format as an export file (so old records are upgraded by
//! the same migrations), and a small library entry with its **revision**: the count of
//! saves, which lets a tab notice that another tab saved newer work first.

use serde::{Deserialize, Serialize};

use super::file_format::{read_file, write_file};
use super::import_error::ImportError;
use crate::model::{Review, ReviewId, ReviewSummary};

/// The library's line for one stored review, with the revision it was saved at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryEntry {
    #[serde(flatten)]
    pub summary: ReviewSummary,
    pub revision: u64,
}

/// A review loaded from storage, with the revision it was saved at.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredReview {
    pub review: Review,
    pub revision: u64,
}

/// A review's two stored texts exactly as they were, kept so that a deletion can be undone
/// byte for byte.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRecord {
    pub id: ReviewId,
    pub review_text: String,
    pub entry_text: String,
}

/// The texts to store for `review` at `revision`.
pub fn encode(review: &Review, revision: u64) -> RawRecord {
    let entry = LibraryEntry { summary: ReviewSummary::of(review), revision };
    RawRecord {
        id: review.id,
        review_text: write_file(std::slice::from_ref(review), review.updated),
        // A summary of plain strings and dates always serialises.
        entry_text: serde_json::to_string(&entry).unwrap_or_default(),
    }
}

/// Reads a stored review text (any supported format version).
pub fn decode_review(text: &str) -> Result<Review, ImportError> {
    let mut reviews = read_file(text)?;
    match reviews.len() {
        1 => Ok(reviews.remove(0)),
        0 => Err(ImportError::NoReviews),
        n => Err(ImportError::Malformed {
            path: "reviews".into(),
            reason: format!("a stored record holds {n} reviews instead of one"),
        }),
    }
}

/// Reads a stored library entry.
pub fn decode_entry(text: &str) -> Result<LibraryEntry, ImportError> {
    serde_json::from_str(text).map_err(|e| ImportError::Malformed {
        path: "library entry".into(),
        reason: e.to_string(),
    })
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReviewKind;
    use chrono::{DateTime, Utc};
    use uuid::Uuid;

    fn epoch() -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH
    }

    #[test]
    fn a_record_decodes_to_the_review_and_revision_it_was_encoded_from() {
        let mut r = Review::new(Uuid::from_u128(7), ReviewKind::CaseDiscussion, epoch());
        r.rename("Child J", epoch());
        let raw = encode(&r, 12);
        assert_eq!(decode_review(&raw.review_text).unwrap(), r);
        let entry = decode_entry(&raw.entry_text).unwrap();
        assert_eq!(entry.revision, 12);
        assert_eq!(entry.summary.title, "Child J");
    }
}
