//! Bringing in a file of a review decides what the file adds to what is already here,
//! without ever replacing anyone's work:
//!
//! - a review not here yet is added as it is;
//! - a file with nothing this device does not already have (the same file again, or an
//!   older copy) changes nothing;
//! - a file that only adds to this copy (it was made from this copy and worked on
//!   since) is brought in;
//! - when both copies changed, the two histories are merged, and a summary says what
//!   came in and where the same place was changed on both laptops.
//!
//! The library never ends up with two entries for one review.

use super::file_format::FileReview;
use super::import_batch::{BatchProgress, ImportBatch};
use super::import_error::ImportError;
use super::merge_summary::{summarise, MergeSummary};
use super::record::RawRecord;
use super::review_history::{tidy_merged, Author, HistoryError, ReviewHistory};
use super::review_store::ReviewStore;
use super::store_error::StoreError;
use crate::model::{Review, ReviewId};

/// What a file's copy of one review means here.
#[derive(Debug)]
pub enum Outcome {
    /// The review was not here: added as it is.
    New { review: Review, history: ReviewHistory },
    /// Everything in the file is already here.
    NothingNew,
    /// The file only adds to this copy.
    Additions { review: Review, history: ReviewHistory, summary: MergeSummary },
    /// Both copies changed: merged.
    Merged { review: Review, history: ReviewHistory, summary: MergeSummary },
}

/// The history a file's review comes with: its own, or (a file without one) brought over
/// the same way on every laptop. If the file's readable review differs from its history
/// (the file was edited by hand), the difference is recorded on top, as `author`'s.
pub fn history_of(incoming: &FileReview, author: &Author) -> Result<ReviewHistory, HistoryError> {
    match &incoming.history {
        Some(bytes) => {
            let mut history = ReviewHistory::from_bytes(bytes, incoming.review.id)?;
            if history.review()? != incoming.review {
                history.record(&incoming.review, author)?;
            }
            Ok(history)
        }
        None => ReviewHistory::bring_over(&incoming.review),
    }
}

/// Decides what `incoming` adds to `local` (this device's copy and its history, if the
/// review is here).
pub fn decide(local: Option<(Review, ReviewHistory)>, incoming: &FileReview, author: &Author) -> Result<Outcome, HistoryError> {
    let mut theirs = history_of(incoming, author)?;
    let Some((ours_review, mut ours)) = local else {
        let review = theirs.review()?;
        return Ok(Outcome::New { review, history: theirs });
    };
    if ours.has_all_of(&mut theirs) {
        return Ok(Outcome::NothingNew);
    }
    let theirs_review = theirs.review()?;
    let only_additions = theirs.has_all_of(&mut ours);
    let base = if only_additions { ours_review.clone() } else { ours.common_review(&mut theirs)? };
    ours.merge(&mut theirs)?;
    let mut merged = ours.review()?;
    // Half-typed entries belong to this device.
    merged.drafts.clone_from(&ours_review.drafts);
    let (tidied, changed) = tidy_merged(&merged, author.id_block());
    if changed {
        merged = tidied;
        ours.record(&merged, author)?;
    }
    let summary = summarise(&base, &ours_review, &theirs_review, &merged);
    Ok(if only_additions {
        Outcome::Additions { review: merged, history: ours, summary }
    } else {
        Outcome::Merged { review: merged, history: ours, summary }
    })
}

/// One review that came in with a merge or additions, with what it was before (for Undo).
#[derive(Clone, Debug)]
pub struct BroughtIn {
    pub id: ReviewId,
    pub title: String,
    pub summary: MergeSummary,
    /// True when both copies had changed.
    pub merged: bool,
    /// The stored copy before, to put back on Undo.
    pub before: Option<RawRecord>,
}

/// What bringing in a file did.
#[derive(Clone, Debug, Default)]
pub struct BringInReport {
    /// Titles of reviews that were not here and were added.
    pub added: Vec<String>,
    /// Titles of reviews with nothing new.
    pub nothing_new: Vec<String>,
    /// Reviews combined with the copy here.
    pub combined: Vec<BroughtIn>,
    /// Reviews that could not be brought in, with why.
    pub failures: Vec<String>,
}

impl BringInReport {
    /// What happened, in one or two sentences.
    pub fn sentence(&self, file: &str) -> String {
        let mut parts = Vec::new();
        if self.added.is_empty() && self.combined.is_empty() && self.failures.is_empty() {
            return format!("“{file}” has nothing you don't already have. Nothing was changed.");
        }
        match self.added.len() {
            0 => {}
            1 => parts.push("Imported 1 review.".to_string()),
            n => parts.push(format!("Imported {} reviews.", super::import_error::thousands(n))),
        }
        for c in &self.combined {
            let how = if c.merged { "Merged" } else { "Brought in" };
            parts.push(format!("{how} “{}”: {}.", c.title, c.summary.sentence()));
        }
        match self.nothing_new.len() {
            0 => {}
            1 => parts.push(format!("“{}” had nothing new.", self.nothing_new[0])),
            n => parts.push(format!("{} reviews had nothing new.", super::import_error::thousands(n))),
        }
        if !self.failures.is_empty() {
            parts.push(format!("Not brought in: {}", self.failures.join("; ")));
        }
        parts.join(" ")
    }
}

/// A history problem while bringing in, as the person is told it.
fn refused(title: &str, e: &HistoryError) -> String {
    format!("“{title}”: {e}")
}

impl From<ImportError> for HistoryError {
    fn from(e: ImportError) -> Self {
        HistoryError::Damaged(e.to_string())
    }
}

/// How long comparing reviews may hold the page before the browser gets a turn.
const COMPARE_SLICE_MS: f64 = 16.0;

/// Brings every review of a file into `store`. Every review is decided (and refused if
/// its history is damaged) before anything is written; then everything the file brings is
/// written as one batch (see [`super::import_batch`]): all of it is stored, or none.
pub async fn bring_in(store: &ReviewStore, incoming: Vec<FileReview>, progress: &dyn Fn(BatchProgress)) -> BringInReport {
    let author = store.author();
    let mut report = BringInReport::default();
    let mut writes = Vec::new();
    let mut plain_new = Vec::new();
    let total = incoming.len();
    let mut slice_started = js_sys::Date::now();
    for (done, file_review) in incoming.into_iter().enumerate() {
        // Building a review's history can take a while for a long review: let the page
        // draw and answer between reviews once a slice of time is used.
        if js_sys::Date::now() - slice_started > COMPARE_SLICE_MS {
            progress(BatchProgress::Comparing { done, total });
            super::device_lock::sleep_ms(0).await;
            slice_started = js_sys::Date::now();
        }
        let id = file_review.review.id;
        let title = file_review.review.title.clone();
        let (local, revision, before) = match store.load_history(id).await {
            Ok((stored, history)) => {
                let raw = store.raw(id).await.ok().flatten();
                (Some((stored.review, history)), Some(stored.revision), raw)
            }
            Err(StoreError::NotFound) => (None, None, None),
            Err(e) => {
                report.failures.push(format!("“{title}”: {e}"));
                continue;
            }
        };
        if local.is_none() && file_review.history.is_none() {
            // New to this device, from a file without history (an older version's file):
            // stored as it is, like a review saved before histories existed. Its history
            // is begun at its first save, the same way on every laptop.
            plain_new.push(file_review.review);
            continue;
        }
        match decide(local, &file_review, &author) {
            Ok(outcome) => writes.push((title, revision, before, outcome)),
            Err(e) => report.failures.push(refused(&title, &e)),
        }
    }
    if !report.failures.is_empty() {
        // A file is brought in whole or not at all.
        report.failures.insert(0, "nothing from this file was brought in".into());
        return report;
    }
    let mut batch = ImportBatch::new();
    let mut added = Vec::new();
    let mut combined = Vec::new();
    for review in plain_new {
        added.push(review.title.clone());
        batch.add_new(review);
    }
    for (title, revision, before, outcome) in writes {
        match outcome {
            Outcome::NothingNew => report.nothing_new.push(title),
            Outcome::New { review, mut history } => {
                added.push(review.title.clone());
                batch.add_new_with_history(review, history.to_bytes());
            }
            Outcome::Additions { review, history, summary } => {
                combine(&mut batch, &mut combined, &mut added, revision, before, review, history, summary, false)
            }
            Outcome::Merged { review, history, summary } => {
                combine(&mut batch, &mut combined, &mut added, revision, before, review, history, summary, true)
            }
        }
    }
    match store.write_batch(&batch, progress).await {
        Ok(_) => {
            report.added = added;
            report.combined = combined;
        }
        Err(e) => {
            report.failures.push("nothing from this file was brought in, and your library is as it was".into());
            report.failures.push(batch_failure(&e));
        }
    }
    report
}

/// Puts a review combined with its copy here into the batch, to be written only over the
/// revision it was combined with (a copy saved meanwhile refuses the whole batch).
#[allow(clippy::too_many_arguments)]
fn combine(
    batch: &mut ImportBatch,
    combined: &mut Vec<BroughtIn>,
    added: &mut Vec<String>,
    revision: Option<u64>,
    before: Option<RawRecord>,
    review: Review,
    mut history: ReviewHistory,
    summary: MergeSummary,
    merged: bool,
) {
    match revision {
        Some(revision) => {
            combined.push(BroughtIn { id: review.id, title: review.title.clone(), summary, merged, before });
            batch.add_based_on_with_history(review, revision, history.to_bytes());
        }
        None => {
            added.push(review.title.clone());
            batch.add_new_with_history(review, history.to_bytes());
        }
    }
}

/// Why a batch was not stored, in words for the person.
fn batch_failure(e: &StoreError) -> String {
    match e {
        StoreError::Conflict { .. } => {
            "one of its reviews was saved in another tab or window meanwhile. Open the file again to bring it in".into()
        }
        StoreError::QuotaExceeded => {
            "the browser has no room left for these reviews. Export and delete reviews you no longer need here, then try again".into()
        }
        StoreError::Unavailable(why) => format!("the browser would not store the reviews ({why}). Please try again"),
        other => other.to_string(),
    }
}
