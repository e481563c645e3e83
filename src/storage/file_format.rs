//! A review file is how reviews travel between devices and people: one `.json` file that
//! Case Review Studio writes when someone exports, and reads back when someone imports
//! (the browser's own store keeps each review in the same format). Every file says which
//! app wrote it and which version of the format it uses, so that a file exported today
//! still opens after the app has changed, and a file from a newer app is refused rather
//! than half-read.
//!
//! # Format history
//!
//! Each version has a frozen example in `tests/fixtures/format-v<N>.json` that must keep
//! loading; older versions are brought up to date by the steps in [`super::migrations`].
//!
//! - **Version 1** (the first development format): one review per file.
//!   ```json
//!   {"format": "case-review-studio", "version": 1,
//!    "review": {"id": "<uuid>", "kind": "case_discussion" | "learning_together",
//!               "title": "...", "created": "<RFC 3339>", "updated": "<RFC 3339>",
//!               "content": { ...the method's content... }}}
//!   ```
//! - **Version 2**: any number of reviews, and when the file was exported.
//!   ```json
//!   {"format": "case-review-studio", "version": 2, "exported_at": "<RFC 3339>",
//!    "reviews": [{"id": "<uuid>", "title": "...", "created": "...", "updated": "...",
//!                 "last_exported": "<RFC 3339>" (optional),
//!                 "delete_by": "<YYYY-MM-DD>" (optional, added without a version change:
//!                                 older files simply lack it, and older apps keep it
//!                                 as an unknown field),
//!                 "body": {"case_discussion": { ... }} | {"learning_together": { ... }}}]}
//!   ```
//!   Fields of a review that this version does not know are kept and written back out.
//! - **Version 3** (current): as version 2, plus each review's **history** (every change
//!   saved to it, on any laptop: an Automerge document, base64), so that two copies of a
//!   review can be merged without loss (see [`super::review_history`]). The reviews stay
//!   readable JSON; a history is only needed to merge.
//!   ```json
//!   {"format": "case-review-studio", "version": 3, "exported_at": "<RFC 3339>",
//!    "reviews": [ ...as version 2... ],
//!    "histories": {"<review id>": "<base64>"}}
//!   ```
//!   A review without a history (an anonymised copy, or a file upgraded from version 1 or
//!   2) is still read; it merges as described in [`super::bring_in`].
//!
//! A file exported **with a passphrase** wraps a whole file of this kind in an encrypted
//! envelope, `{"format": "case-review-studio-encrypted", ...}`, described in
//! [`super::envelope`]; once decrypted it is read exactly as above.
//!
//! # What is refused
//!
//! A file is read whole or not at all. Before any parsing, files bigger than
//! [`MAX_FILE_BYTES`] or nested deeper than [`MAX_NESTING_DEPTH`] are refused, so a
//! damaged or hostile file cannot exhaust the browser; so are bytes that are not UTF-8
//! text (never replaced by a stand-in character) and any name given twice in one object
//! (a JSON reader would quietly keep one of them). Then the file must be JSON, name
//! this app, carry a version from 1 to [`CURRENT_FORMAT_VERSION`], keep every piece of
//! text under [`MAX_TEXT_CHARS`], hold between 1 and [`MAX_REVIEWS_PER_FILE`] reviews,
//! each well formed and none twice. The version is a whole number (`2.0` is read as 2).
//! [`super::file_reading`] does all this a piece at a time for large files. Text is never altered or filtered: markup such as
//! `<script>` is just what someone typed, and the screens escape it when they show it.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::file_reading::FileReading;
use super::import_error::ImportError;
use super::migrations;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::model::{Review, ReviewId};

/// The name every file carries, so files from other apps are told apart.
pub const FORMAT_NAME: &str = "case-review-studio";
/// The version this app writes, and the newest it can read.
pub const CURRENT_FORMAT_VERSION: u32 = 3;
/// Far beyond any real export (a long review is well under a megabyte), yet small enough
/// to read without straining the browser.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The deepest nesting of lists and objects accepted. A real file nests about 8 levels
/// plus 2 per level of the analysis tree; the limit stays well under the JSON parser's own.
pub const MAX_NESTING_DEPTH: usize = 64;
/// The longest single piece of text accepted, in characters: hundreds of pages.
pub const MAX_TEXT_CHARS: usize = 2_000_000;
/// The most reviews one file may carry.
pub const MAX_REVIEWS_PER_FILE: usize = 10_000;

/// The file as written.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    exported_at: DateTime<Utc>,
    reviews: Vec<&'a Review>,
    /// Each review's history, base64, by review id.
    histories: BTreeMap<String, String>,
}

/// The top of a current file, read with its list of reviews emptied, to check the fields
/// around the list.
#[derive(Deserialize)]
pub(super) struct FileTop {
    #[serde(default, rename = "exported_at")]
    _exported_at: Option<DateTime<Utc>>,
    #[serde(rename = "reviews")]
    _reviews: Vec<Value>,
}

/// The file as read, once upgraded to the current version and its `format` and `version`
/// have been checked.
#[derive(Deserialize)]
struct FileIn {
    /// Checked so that a damaged file is noticed; the reviews are what gets imported.
    #[serde(default, rename = "exported_at")]
    _exported_at: Option<DateTime<Utc>>,
    reviews: Vec<Review>,
    #[serde(default)]
    histories: BTreeMap<ReviewId, String>,
}

/// One review of a file, with its history when the file carries one.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReview {
    pub review: Review,
    /// The review's history (Automerge bytes), if the file had it.
    pub history: Option<Vec<u8>>,
}

/// Writes reviews as one pretty-printed JSON file:
/// `{"format", "version", "exported_at", "reviews": [...]}`.
/// No history goes with them (use [`write_file_with_histories`] for that): an anonymised
/// copy must never carry the words it replaced.
pub fn write_file(reviews: &[Review], exported_at: DateTime<Utc>) -> String {
    let with: Vec<(&Review, Option<&[u8]>)> = reviews.iter().map(|r| (r, None)).collect();
    write_file_with_histories(&with, exported_at)
}

/// Writes reviews with their histories, where given.
pub fn write_file_with_histories(reviews: &[(&Review, Option<&[u8]>)], exported_at: DateTime<Utc>) -> String {
    // Serialising can only fail for a map with non-text keys or a value that refuses to be
    // written; a review has neither, so this is a bug in the model, not a bad file.
    super::json_layout::pretty(&write_compact(reviews, exported_at))
}

/// As [`write_file_with_histories`], without the spacing that makes a file readable: for
/// the copies the browser keeps (each save, and the journal on every keystroke).
pub fn write_compact(reviews: &[(&Review, Option<&[u8]>)], exported_at: DateTime<Utc>) -> String {
    serde_json::to_string(&file_out(reviews, exported_at)).expect("a review always serialises to JSON")
}

/// The file of one stored review from its stored text (a compact file written at the
/// time of the review's last edit, see `record::review_plaintext`), exported at `when`:
/// the same file [`write_file_with_histories`] writes, without reading the review in and
/// writing it out again. `None` when the text is not a stored review of this version.
pub fn file_from_stored_text(stored: &str, when: DateTime<Utc>) -> Option<String> {
    const LIST: &str = ",\"reviews\":";
    let top = write_compact(&[], when);
    let head = &top[..top.find(LIST)?];
    // Everything before the export time is the same in every file of this version.
    let fixed = &head[..head.find("\"exported_at\":")?];
    if !stored.starts_with(fixed) {
        return None;
    }
    let rest = &stored[stored.find(LIST)?..];
    let mut compact = String::with_capacity(head.len() + rest.len());
    compact.push_str(head);
    compact.push_str(rest);
    Some(super::json_layout::pretty(&compact))
}

fn file_out<'a>(reviews: &'a [(&'a Review, Option<&[u8]>)], exported_at: DateTime<Utc>) -> FileOut<'a> {
    FileOut {
        format: FORMAT_NAME,
        version: CURRENT_FORMAT_VERSION,
        exported_at,
        reviews: reviews.iter().map(|(r, _)| *r).collect(),
        histories: reviews
            .iter()
            .filter_map(|(r, h)| h.map(|h| (r.id.to_string(), BASE64.encode(h))))
            .collect(),
    }
}

/// A review from its JSON, naming the field where it is malformed. The one way a review is
/// read from JSON anywhere in the app: each other way would add a second copy of every
/// model type's reading code to the download.
pub(crate) fn review_from_json(value: Value) -> Result<Review, super::json_at::JsonAtError> {
    super::json_at::from_value(value)
}

/// Reads any supported version; upgrades it with the named migrations; validates.
pub fn read_file(text: &str) -> Result<Vec<Review>, ImportError> {
    Ok(read_file_with_histories(text)?.into_iter().map(|r| r.review).collect())
}

/// As [`read_file`], with each review's history when the file carries one.
pub fn read_file_with_histories(text: &str) -> Result<Vec<FileReview>, ImportError> {
    read_file_bytes(text.as_bytes())
}

/// Reads a file as it is on disk. Bytes that are not UTF-8 text are refused (saying where),
/// never replaced; see [`FileReading`] for reading a large file a piece at a time.
pub fn read_file_bytes(bytes: &[u8]) -> Result<Vec<FileReview>, ImportError> {
    FileReading::new(bytes).finish()
}

/// Reads a whole file in one go, once it is known to be text with no name given twice and
/// no nesting deeper than the limit: used for older formats and for anything not shaped
/// like a current file.
pub(super) fn read_whole(text: &str) -> Result<Vec<FileReview>, ImportError> {
    if nests_deeper_than(text, MAX_NESTING_DEPTH) {
        return Err(ImportError::TooDeep {
            limit: MAX_NESTING_DEPTH,
        });
    }
    let doc: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let version = version_of(&doc)?;
    // Checked before upgrading so the path names the place in the file as it was saved.
    // Histories are long base64 by nature; the file's size limit bounds them.
    match &doc {
        Value::Object(file) => {
            for (name, field) in file.iter().filter(|(name, _)| name.as_str() != "histories") {
                check_text_lengths(field, &mut name.clone())?;
            }
        }
        other => check_text_lengths(other, &mut String::new())?,
    }
    let doc = migrations::upgrade(doc, version)?;
    let (reviews, histories) = reviews_in(doc)?;
    check_each_review_once(&reviews)?;
    attach_histories(reviews, histories)
}

/// Pairs each review with its history from the file's `histories` (base64), refusing a
/// history for a review the file does not hold.
pub(super) fn attach_histories(reviews: Vec<Review>, mut histories: BTreeMap<ReviewId, String>) -> Result<Vec<FileReview>, ImportError> {
    if let Some(stray) = histories.keys().find(|id| !reviews.iter().any(|r| r.id == **id)) {
        return Err(ImportError::Malformed {
            path: format!("histories.{stray}"),
            reason: "a history for a review that is not in the file".into(),
        });
    }
    reviews
        .into_iter()
        .map(|review| {
            let history = match histories.remove(&review.id) {
                None => None,
                Some(text) => Some(BASE64.decode(text.as_bytes()).map_err(|e| ImportError::Malformed {
                    path: format!("histories.{}", review.id),
                    reason: format!("not base64: {e}"),
                })?),
            };
            Ok(FileReview { review, history })
        })
        .collect()
}

/// True when lists and objects nest deeper than `limit`. A plain scan of the bytes, with
/// no recursion, so that even a file of a million `[` cannot exhaust the stack; brackets
/// inside text (and quotes escaped within it) do not count.
fn nests_deeper_than(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_text = false;
    let mut escaped = false;
    // Every byte of a multi-byte UTF-8 character is 0x80 or above, so none can be
    // mistaken for a bracket, a quote or a backslash.
    for byte in text.bytes() {
        if in_text {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_text = false;
            }
            continue;
        }
        match byte {
            b'"' => in_text = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            // Unbalanced closers are left for the JSON parser to report.
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The file's format version, once it is known to be a Case Review Studio file whose
/// version this app can read.
pub(super) fn version_of(doc: &Value) -> Result<u32, ImportError> {
    let Value::Object(file) = doc else {
        return Err(ImportError::NotAReviewFile);
    };
    if file.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(ImportError::NotAReviewFile);
    }
    // Negative, fractional, textual and beyond-64-bit versions are refused; a whole number
    // written with a decimal point (`2.0`, as some tools write every number) is that number.
    let found = file
        .get("version")
        .and_then(whole_number)
        .ok_or(ImportError::BadVersion)?;
    if found == 0 {
        return Err(ImportError::BadVersion);
    }
    if found > u64::from(CURRENT_FORMAT_VERSION) {
        return Err(ImportError::TooNew {
            found,
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    u32::try_from(found).map_err(|_| ImportError::BadVersion)
}

/// A JSON number that is a whole number from 0 up: `2` or `2.0`, not `2.5` or `-1`. Beyond
/// 2^53 a number with a decimal point no longer says exactly which whole number it is.
fn whole_number(value: &Value) -> Option<u64> {
    if let Some(n) = value.as_u64() {
        return Some(n);
    }
    let f = value.as_f64()?;
    const EXACT: f64 = 9_007_199_254_740_992.0;
    (f.fract() == 0.0 && (0.0..=EXACT).contains(&f)).then_some(f as u64)
}

/// Refuses the first piece of text (or field name) longer than [`MAX_TEXT_CHARS`].
/// `path` is where `value` sits, written like `reviews[0].title`. Recursion is safe here:
/// the nesting scan has already capped the depth at [`MAX_NESTING_DEPTH`].
pub(super) fn check_text_lengths(value: &Value, path: &mut String) -> Result<(), ImportError> {
    let too_long = |text: &str| {
        // Counting characters is slow on huge text; the byte length is a cheap first test.
        text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS
    };
    match value {
        Value::String(text) if too_long(text) => Err(ImportError::TextTooLong {
            path: path.clone(),
            limit: MAX_TEXT_CHARS,
        }),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = path.len();
                let _ = write!(path, "[{index}]");
                check_text_lengths(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(fields) => {
            for (name, field) in fields {
                if too_long(name) {
                    return Err(ImportError::TextTooLong {
                        path: path.clone(),
                        limit: MAX_TEXT_CHARS,
                    });
                }
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
                check_text_lengths(field, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The reviews of a file already upgraded to the current version.
fn reviews_in(doc: Value) -> Result<(Vec<Review>, BTreeMap<ReviewId, String>), ImportError> {
    // Counted before reading them in, so an oversized file is refused cheaply.
    if let Some(Value::Array(list)) = doc.get("reviews") {
        if list.len() > MAX_REVIEWS_PER_FILE {
            return Err(ImportError::TooManyReviews {
                count: list.len(),
                limit: MAX_REVIEWS_PER_FILE,
            });
        }
        if list.is_empty() {
            return Err(ImportError::NoReviews);
        }
    }
    let file: FileIn = super::json_at::from_value(doc).map_err(|e| ImportError::Malformed {
        path: e.path().to_string(),
        reason: e.reason().to_string(),
    })?;
    Ok((file.reviews, file.histories))
}

/// Two copies of one review in a file could hold different work; rather than pick one,
/// the file is refused.
pub(super) fn check_each_review_once(reviews: &[Review]) -> Result<(), ImportError> {
    let mut seen = HashSet::with_capacity(reviews.len());
    match reviews.iter().find(|r| !seen.insert(r.id)) {
        Some(twice) => Err(ImportError::DuplicateReview { id: twice.id }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_made_from_the_stored_text_is_the_file_written_from_the_review() {
        use chrono::TimeZone;
        let edited = Utc.with_ymd_and_hms(2026, 11, 30, 16, 5, 0).unwrap();
        let exported = Utc.with_ymd_and_hms(2026, 12, 1, 9, 30, 0).unwrap();
        let mut review = Review::new(uuid::Uuid::from_u128(9), crate::model::ReviewKind::CaseDiscussion, edited);
        review.rename("Review of \"reviews\": a title with quotes, \"exported_at\" and all", edited);
        review.edit_case_discussion(edited, |cd| {
            cd.add_worry("Nobody saw the child on her own");
        });
        let history: &[u8] = &[0x85, 0x6f, 0x4a, 0x83, 1, 2, 3, 250];
        let stored = write_compact(&[(&review, Some(history))], review.updated);
        assert_eq!(file_from_stored_text(&stored, exported).unwrap(), write_file_with_histories(&[(&review, Some(history))], exported));
        // Without a history, too.
        let stored = write_compact(&[(&review, None)], review.updated);
        assert_eq!(file_from_stored_text(&stored, exported).unwrap(), write_file(std::slice::from_ref(&review), exported));
        // Not a stored review of this version: left to the slow way.
        assert_eq!(file_from_stored_text(r#"{"format":"something-else","reviews":[]}"#, exported), None);
        assert_eq!(file_from_stored_text("", exported), None);
    }

    #[test]
    fn nesting_is_measured_outside_text_only() {
        assert!(!nests_deeper_than(r#"{"a":[{"b":[]}]}"#, 4));
        assert!(nests_deeper_than(r#"{"a":[{"b":[[]]}]}"#, 4));
        assert!(!nests_deeper_than(r#"["[[[[[[[[[[", "{{{{{{{{"]"#, 1));
        // An escaped quote does not end the text; an escaped backslash does not escape the quote.
        assert!(!nests_deeper_than(r#"["\"[[[[[[", "\\", "x"]"#, 1));
        assert!(nests_deeper_than(r#"["\\", [[]]]"#, 2));
        assert!(!nests_deeper_than("]]]]]]]][", 1));
    }
}
