//! A stored record is how one review sits in the browser's storage: the review itself,
//! written in the same versioned format as an export file (so old records are upgraded by
//! the same migrations), and a small library entry with its **revision**: the count of
//! saves, which lets a tab notice that another tab saved newer work first.
//!
//! When a passphrase is set on this device, both texts are **sealed** (encrypted):
//!
//! ```json
//! review:  {"format": "case-review-studio-sealed", "version": 1, "iv": "<base64>", "ciphertext": "<base64>"}
//! entry:   {"id": "<uuid>", "revision": 4, "sealed": {"iv": "<base64>", "ciphertext": "<base64>"}}
//! ```
//!
//! Only the id and the revision stay readable, so that a save can check the revision
//! inside its transaction without decrypting anything; the title, dates and every word of
//! the review are inside the ciphertext. Each ciphertext is bound to its review's id (as
//! AES-GCM additional data), so records cannot be swapped around unnoticed.

use serde::{Deserialize, Serialize};

use super::envelope::Sealed;
use super::file_format::{read_file_with_histories, write_compact, FileReview};
use super::import_error::ImportError;
use crate::model::{Review, ReviewId, ReviewSummary};

/// The name a sealed review text carries.
const SEALED_FORMAT: &str = "case-review-studio-sealed";

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
    /// Its history (Automerge bytes); `None` for a review saved before histories existed.
    pub history: Option<Vec<u8>>,
}

/// A review's two stored texts exactly as they were, kept so that a deletion can be undone
/// byte for byte.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRecord {
    pub id: ReviewId,
    pub review_text: String,
    pub entry_text: String,
}

/// A review ready to be written: its stored text, made (and sealed, if need be) before the
/// write begins, and its library entry, which is finished inside the write once the
/// revision is known. Encrypting inside an IndexedDB transaction would let it commit
/// half-done, so nothing here waits on anything.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedRecord {
    pub id: ReviewId,
    pub review_text: String,
    summary: PreparedSummary,
}

#[derive(Clone, Debug, PartialEq)]
enum PreparedSummary {
    Plain(ReviewSummary),
    Sealed(Sealed),
}

/// A sealed library entry as stored.
#[derive(Serialize, Deserialize)]
struct SealedEntry {
    id: ReviewId,
    revision: u64,
    sealed: Sealed,
}

/// A sealed review text as stored.
#[derive(Serialize, Deserialize)]
struct SealedReview {
    format: String,
    version: u32,
    #[serde(flatten)]
    sealed: Sealed,
}

/// Just the revision of a stored entry, sealed or not.
#[derive(Deserialize)]
struct RevisionOnly {
    revision: u64,
}

/// Just the format name of a stored review text.
#[derive(Deserialize)]
struct FormatOnly {
    #[serde(default)]
    format: String,
}

impl PreparedRecord {
    /// A review stored as readable text, with its history.
    pub fn plain(review: &Review, history: Option<&[u8]>) -> Self {
        Self::plain_text(review, review_plaintext(review, history))
    }

    /// As [`Self::plain`], from the review's text already written (`review_plaintext`).
    pub fn plain_text(review: &Review, text: String) -> Self {
        PreparedRecord { id: review.id, review_text: text, summary: PreparedSummary::Plain(ReviewSummary::of(review)) }
    }

    /// A review stored sealed: `review` is the sealed [`review_plaintext`], `summary` the
    /// sealed [`summary_plaintext`].
    pub fn sealed(id: ReviewId, review: Sealed, summary: Sealed) -> Self {
        let text = SealedReview { format: SEALED_FORMAT.into(), version: 1, sealed: review };
        PreparedRecord { id, review_text: serde_json::to_string(&text).unwrap_or_default(), summary: PreparedSummary::Sealed(summary) }
    }

    /// The library entry's text at `revision`.
    pub fn entry_text(&self, revision: u64) -> String {
        // Summaries and sealed texts are plain strings, numbers and dates: they always serialise.
        match &self.summary {
            PreparedSummary::Plain(summary) => {
                serde_json::to_string(&LibraryEntry { summary: summary.clone(), revision }).unwrap_or_default()
            }
            PreparedSummary::Sealed(sealed) => {
                serde_json::to_string(&SealedEntry { id: self.id, revision, sealed: sealed.clone() }).unwrap_or_default()
            }
        }
    }

    /// Both texts at `revision`.
    pub fn at_revision(&self, revision: u64) -> RawRecord {
        RawRecord { id: self.id, review_text: self.review_text.clone(), entry_text: self.entry_text(revision) }
    }
}

/// The texts to store for `review` at `revision`, unsealed.
pub fn encode(review: &Review, revision: u64) -> RawRecord {
    PreparedRecord::plain(review, None).at_revision(revision)
}

/// The text of a review as stored unsealed (and as sealed, before sealing): a file of
/// one review and its history.
pub fn review_plaintext(review: &Review, history: Option<&[u8]>) -> String {
    write_compact(&[(review, history)], review.updated)
}

/// The text of a review's library summary, as sealed inside its entry.
pub fn summary_plaintext(review: &Review) -> String {
    serde_json::to_string(&ReviewSummary::of(review)).unwrap_or_default()
}

/// The additional data that binds a sealed review text to its review.
pub fn review_binding(id: ReviewId) -> String {
    format!("case-review-studio review {id}")
}

/// The additional data that binds a sealed library entry to its review.
pub fn entry_binding(id: ReviewId) -> String {
    format!("case-review-studio library entry {id}")
}

/// A stored review text: readable, or sealed.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewText {
    Plain,
    Sealed(Sealed),
}

/// Tells a sealed review text from a readable one.
pub fn review_text_kind(text: &str) -> Result<ReviewText, ImportError> {
    let looks_sealed = serde_json::from_str::<FormatOnly>(text).is_ok_and(|f| f.format == SEALED_FORMAT);
    if !looks_sealed {
        return Ok(ReviewText::Plain);
    }
    let stored: SealedReview = serde_json::from_str(text)
        .map_err(|e| ImportError::Malformed { path: "sealed review".into(), reason: e.to_string() })?;
    Ok(ReviewText::Sealed(stored.sealed))
}

/// A stored library entry: readable, or sealed with only the id and revision in the clear.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryText {
    Plain(LibraryEntry),
    Sealed { id: ReviewId, revision: u64, summary: Sealed },
}

/// Reads a stored library entry, sealed or not.
pub fn entry_text_kind(text: &str) -> Result<EntryText, ImportError> {
    if let Ok(sealed) = serde_json::from_str::<SealedEntry>(text) {
        return Ok(EntryText::Sealed { id: sealed.id, revision: sealed.revision, summary: sealed.sealed });
    }
    decode_entry(text).map(EntryText::Plain)
}

/// The revision a stored entry was saved at, sealed or not (0 if unreadable).
pub fn stored_revision(entry_text: &str) -> u64 {
    serde_json::from_str::<RevisionOnly>(entry_text).map_or(0, |r| r.revision)
}

/// A library entry from its unsealed summary text and its revision.
pub fn entry_from_summary(summary_text: &str, revision: u64) -> Result<LibraryEntry, ImportError> {
    let summary: ReviewSummary = serde_json::from_str(summary_text)
        .map_err(|e| ImportError::Malformed { path: "library entry".into(), reason: e.to_string() })?;
    Ok(LibraryEntry { summary, revision })
}

/// Reads a stored review text (any supported format version).
pub fn decode_review(text: &str) -> Result<Review, ImportError> {
    decode_stored(text).map(|r| r.review)
}

/// Reads a stored review text with its history, if it has one.
pub fn decode_stored(text: &str) -> Result<FileReview, ImportError> {
    let mut reviews = read_file_with_histories(text)?;
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
    use crate::storage::envelope::IV_BYTES;
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
        assert_eq!(review_text_kind(&raw.review_text), Ok(ReviewText::Plain));
        assert_eq!(entry_text_kind(&raw.entry_text), Ok(EntryText::Plain(entry)));
        assert_eq!(stored_revision(&raw.entry_text), 12);
    }

    #[test]
    fn a_sealed_record_keeps_only_the_id_and_revision_readable() {
        let id = Uuid::from_u128(9);
        let review = Sealed { iv: [1; IV_BYTES], ciphertext: vec![2; 40] };
        let summary = Sealed { iv: [3; IV_BYTES], ciphertext: vec![4; 30] };
        let raw = PreparedRecord::sealed(id, review.clone(), summary.clone()).at_revision(5);
        assert_eq!(review_text_kind(&raw.review_text), Ok(ReviewText::Sealed(review)));
        assert_eq!(entry_text_kind(&raw.entry_text), Ok(EntryText::Sealed { id, revision: 5, summary }));
        assert_eq!(stored_revision(&raw.entry_text), 5);
        let entry: serde_json::Value = serde_json::from_str(&raw.entry_text).unwrap();
        let keys: Vec<&str> = entry.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "revision", "sealed"]);
        // An unsealed reader refuses it rather than misreading it.
        assert!(decode_review(&raw.review_text).is_err());
        assert!(decode_entry(&raw.entry_text).is_err());
    }

    #[test]
    fn a_sealed_summary_opens_to_the_library_entry() {
        let mut r = Review::new(Uuid::from_u128(7), ReviewKind::LearningTogether, epoch());
        r.rename("Family K", epoch());
        let entry = entry_from_summary(&summary_plaintext(&r), 3).unwrap();
        assert_eq!(entry, LibraryEntry { summary: ReviewSummary::of(&r), revision: 3 });
        assert!(entry_from_summary("{}", 1).is_err());
    }
}
