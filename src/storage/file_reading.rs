//! Reading a review file is done a piece at a time, so that opening a large file (thousands
//! of reviews, tens of megabytes) never freezes the page: the screen can show how far it
//! has got between pieces, and the person can still scroll and click. The checks are the
//! same as for a file read in one go ([`super::file_format::read_file`] is this reading run
//! to the end), and so is the rule: a file is read whole or not at all.
//!
//! The reading goes in two stages:
//!
//! 1. **Checking the file**: one quick pass over the bytes, resumable at any point. It
//!    refuses bytes that are not UTF-8 text (saying where), nesting deeper than
//!    [`MAX_NESTING_DEPTH`], and any name given twice in the same object (saying which and
//!    where), and finds where each review in the `reviews` list starts and ends.
//! 2. **Checking the reviews**: the rest of the file (format, version, export time) is read
//!    with the list emptied, then each review is parsed and validated on its own, a few at
//!    a time. Errors keep the precedence of a one-go read: damaged JSON anywhere first,
//!    then text that is too long, then a review that is not well formed, then a review
//!    given twice.
//!
//! Files of format 2 and 3 (3 adds each review's history under `histories`) are read this
//! way; version 1 files (and anything that is not shaped like a current file) are read
//! whole once the first stage has passed: they are small, and their upgrade works on the
//! whole file.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::file_format::{
    attach_histories, check_each_review_once, check_text_lengths, read_whole, version_of, FileReview, FileTop,
    MAX_FILE_BYTES, MAX_NESTING_DEPTH, MAX_REVIEWS_PER_FILE,
};
use super::import_error::ImportError;
use crate::model::{Review, ReviewId};

/// The oldest format whose reviews sit in a `reviews` list as they are read today, so that
/// they can be read one at a time.
const FIRST_LISTED_VERSION: u32 = 2;

/// How many bytes one step of the first stage looks at.
pub const SCAN_BYTES_PER_STEP: usize = 512 * 1024;
/// Roughly how many bytes of reviews one step of the second stage parses (at least one review).
pub const CHECK_BYTES_PER_STEP: usize = 48 * 1024;

/// The UTF-8 byte order mark some Windows editors put at the start of a text file.
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// How far a reading has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingProgress {
    /// The first stage: `done` of `total` bytes looked at.
    CheckingFile { done: usize, total: usize },
    /// The second stage: `done` of `total` reviews checked.
    CheckingReviews { done: usize, total: usize },
}

/// One review file being read, a step at a time.
pub struct FileReading<'a> {
    bytes: Cow<'a, [u8]>,
    stage: Stage,
    scan: Scan,
}

enum Stage {
    Scanning,
    Reviews(ReviewsStage),
    Finished,
}

/// Where one review sits in the file: its byte range and the line and (byte) column it starts at.
#[derive(Clone, Copy, Debug)]
struct Span {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

struct ReviewsStage {
    next: usize,
    reviews: Vec<Review>,
    ids: HashSet<ReviewId>,
    /// Each review's history as the file gives it (base64), by review.
    histories: BTreeMap<ReviewId, String>,
    too_long: Option<ImportError>,
    malformed: Option<ImportError>,
    twice: Option<ImportError>,
}

impl<'a> FileReading<'a> {
    /// Starts reading `bytes`, the whole file as it is on disk.
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>) -> Self {
        let bytes = bytes.into();
        let start = if bytes.starts_with(BYTE_ORDER_MARK) { BYTE_ORDER_MARK.len() } else { 0 };
        FileReading { bytes, stage: Stage::Scanning, scan: Scan::new(start) }
    }

    /// How far the reading has got.
    pub fn progress(&self) -> ReadingProgress {
        match &self.stage {
            Stage::Scanning => ReadingProgress::CheckingFile { done: self.scan.pos, total: self.bytes.len() },
            Stage::Reviews(r) => ReadingProgress::CheckingReviews { done: r.next, total: self.scan.spans.len() },
            Stage::Finished => {
                ReadingProgress::CheckingReviews { done: self.scan.spans.len(), total: self.scan.spans.len() }
            }
        }
    }

    /// Does one short piece of the work. `Some` once the reading is over, with the reviews
    /// or the reason the file was refused; call again while it is `None`.
    pub fn step(&mut self) -> Option<Result<Vec<FileReview>, ImportError>> {
        let outcome = match self.stage {
            Stage::Finished => Some(Err(ImportError::NoReviews)),
            Stage::Scanning => self.scan_step(),
            Stage::Reviews(_) => self.reviews_step(),
        };
        if outcome.is_some() {
            self.stage = Stage::Finished;
        }
        outcome
    }

    /// Runs the reading to its end in one go.
    pub fn finish(mut self) -> Result<Vec<FileReview>, ImportError> {
        loop {
            if let Some(outcome) = self.step() {
                return outcome;
            }
        }
    }

    fn scan_step(&mut self) -> Option<Result<Vec<FileReview>, ImportError>> {
        let bytes: &[u8] = &self.bytes;
        if self.scan.pos == self.scan.start && bytes.len() > MAX_FILE_BYTES {
            return Some(Err(ImportError::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES }));
        }
        let mut end = (self.scan.pos + SCAN_BYTES_PER_STEP).min(bytes.len());
        // Never cut a character in two: its continuation bytes all look like 0b10xxxxxx.
        while end < bytes.len() && end > self.scan.pos && bytes[end] & 0xC0 == 0x80 {
            end -= 1;
        }
        if let Err(e) = std::str::from_utf8(&bytes[self.scan.pos..end]) {
            let at = self.scan.pos + e.valid_up_to();
            // A character cut short at the end of a piece is only wrong at the end of the file.
            if e.error_len().is_some() || end == bytes.len() || end - at > 3 {
                let (line, column) = place_of(bytes, at);
                return Some(Err(ImportError::NotText { line, column }));
            }
        }
        if let Err(e) = self.scan.run(bytes, end) {
            return Some(Err(e));
        }
        if end < bytes.len() {
            return None;
        }
        self.after_scan()
    }

    /// Decides, once the whole file has been looked at, how the rest is read.
    fn after_scan(&mut self) -> Option<Result<Vec<FileReview>, ImportError>> {
        let bytes: &[u8] = &self.bytes;
        let body = &bytes[self.scan.start..];
        // Already checked piece by piece, so this only fails on a bug; it is done only
        // when the whole text is needed, as it looks through every byte at once.
        let whole = || std::str::from_utf8(body).map_err(|_| ImportError::NotText { line: 1, column: 1 });
        if !self.scan.saw_structure {
            return Some(whole().and_then(|text| if text.trim().is_empty() { Err(ImportError::Empty) } else { read_whole(text) }));
        }
        let Some((list_start, list_end)) = self.scan.reviews_list else {
            return Some(whole().and_then(read_whole));
        };
        // The file with its list of reviews emptied: `[` ... `]` becomes `[]`.
        let mut top = Vec::with_capacity(body.len() - (list_end - list_start) + 2);
        top.extend_from_slice(&bytes[self.scan.start..list_start]);
        top.extend_from_slice(b"[]");
        top.extend_from_slice(&bytes[list_end..]);
        let mut doc: Value = match serde_json::from_slice(&top) {
            Ok(doc) => doc,
            // Damaged outside the reviews (or so damaged that the list was misjudged): a
            // one-go read stops at the damage and says exactly where it is.
            Err(_) => return Some(whole().and_then(read_whole)),
        };
        let version = match version_of(&doc) {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        };
        if version < FIRST_LISTED_VERSION {
            return Some(whole().and_then(read_whole));
        }
        // Histories are long base64 by nature (the file's size limit bounds them): taken
        // out before the text-length check, and paired with their reviews at the end.
        let histories = match doc.as_object_mut().and_then(|top| top.remove("histories")) {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(h) => match super::json_at::from_value::<BTreeMap<ReviewId, String>>(h) {
                Ok(h) => h,
                Err(e) => return Some(Err(malformed("histories".into(), e))),
            },
        };
        let count = self.scan.spans.len();
        let mut stage = ReviewsStage {
            next: 0,
            reviews: Vec::with_capacity(count.min(MAX_REVIEWS_PER_FILE)),
            ids: HashSet::with_capacity(count.min(MAX_REVIEWS_PER_FILE)),
            histories,
            too_long: None,
            malformed: None,
            twice: None,
        };
        if let Err(e) = check_text_lengths(&doc, &mut String::new()) {
            stage.too_long = Some(e);
        }
        if count > MAX_REVIEWS_PER_FILE {
            return Some(Err(stage.too_long.unwrap_or(ImportError::TooManyReviews {
                count,
                limit: MAX_REVIEWS_PER_FILE,
            })));
        }
        if count == 0 {
            return Some(Err(stage.too_long.unwrap_or(ImportError::NoReviews)));
        }
        if let Err(e) = super::json_at::from_value::<FileTop>(doc) {
            stage.malformed = Some(malformed(String::new(), e));
        }
        self.stage = Stage::Reviews(stage);
        None
    }

    fn reviews_step(&mut self) -> Option<Result<Vec<FileReview>, ImportError>> {
        let bytes: &[u8] = &self.bytes;
        let Stage::Reviews(stage) = &mut self.stage else { return None };
        let spans = &self.scan.spans;
        let mut parsed = 0;
        while stage.next < spans.len() && (parsed == 0 || parsed < CHECK_BYTES_PER_STEP) {
            let index = stage.next;
            let span = spans[index];
            stage.next += 1;
            parsed += span.end - span.start;
            let value: Value = match serde_json::from_slice(&bytes[span.start..span.end]) {
                Ok(v) => v,
                Err(e) => {
                    let (line, column) = if e.line() <= 1 {
                        (span.line, span.column + e.column().saturating_sub(1))
                    } else {
                        (span.line + e.line() - 1, e.column())
                    };
                    return Some(Err(ImportError::NotJson { line, column }));
                }
            };
            if stage.too_long.is_some() {
                continue;
            }
            let mut path = format!("reviews[{index}]");
            if let Err(e) = check_text_lengths(&value, &mut path) {
                stage.too_long = Some(e);
                continue;
            }
            if stage.malformed.is_some() {
                continue;
            }
            match super::file_format::review_from_json(value) {
                Ok(review) => {
                    if !stage.ids.insert(review.id) && stage.twice.is_none() {
                        stage.twice = Some(ImportError::DuplicateReview { id: review.id });
                    }
                    stage.reviews.push(review);
                }
                Err(e) => stage.malformed = Some(malformed(format!("reviews[{index}]"), e)),
            }
        }
        if stage.next < spans.len() {
            return None;
        }
        let stage = std::mem::replace(
            stage,
            ReviewsStage {
                next: 0,
                reviews: Vec::new(),
                ids: HashSet::new(),
                histories: BTreeMap::new(),
                too_long: None,
                malformed: None,
                twice: None,
            },
        );
        if let Some(e) = stage.too_long.or(stage.malformed).or(stage.twice) {
            return Some(Err(e));
        }
        // Checked as they were read; kept here so the rule is written where it is applied.
        Some(check_each_review_once(&stage.reviews).and_then(|()| attach_histories(stage.reviews, stage.histories)))
    }
}

/// A review (or the top of the file) that does not have the shape it should; `within` is
/// where the value that was deserialised sits.
fn malformed(within: String, e: super::json_at::JsonAtError) -> ImportError {
    let inner = e.path();
    let path = match (within.is_empty(), inner.is_empty()) {
        (true, _) => inner.to_string(),
        (false, true) => within,
        (false, false) => format!("{within}.{inner}"),
    };
    ImportError::Malformed { path, reason: e.reason().to_string() }
}

/// The line and column (both from 1; the column counted in characters) of byte `at`.
fn place_of(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = 1 + String::from_utf8_lossy(&before[line_start..]).chars().count();
    (line, column)
}

/// One list or object the scan is inside.
struct Frame {
    object: bool,
    /// In an object: whether the next text is a name (rather than a value).
    expecting_name: bool,
    names: HashSet<Vec<u8>>,
    /// The name being given a value, or the place in the list, for saying where.
    current_name: String,
    index: usize,
    /// This is the file's `reviews` list.
    reviews: bool,
}

/// The first stage's state, so it can stop after any byte and carry on.
struct Scan {
    start: usize,
    pos: usize,
    line: usize,
    line_start: usize,
    in_text: bool,
    escaped: bool,
    text_start: usize,
    text_has_escape: bool,
    stack: Vec<Frame>,
    saw_structure: bool,
    /// A value is expected next at the top level of the `reviews` list.
    list_wants_item: bool,
    list_had_comma: bool,
    item: Option<Span>,
    spans: Vec<Span>,
    reviews_list: Option<(usize, usize)>,
}

impl Scan {
    fn new(start: usize) -> Self {
        Scan {
            start,
            pos: start,
            line: 1,
            line_start: start,
            in_text: false,
            escaped: false,
            text_start: 0,
            text_has_escape: false,
            stack: Vec::new(),
            saw_structure: false,
            list_wants_item: false,
            list_had_comma: false,
            item: None,
            spans: Vec::new(),
            reviews_list: None,
        }
    }

    /// The depth at which bytes belong to the reviews list itself (not to one review).
    fn in_list_level(&self) -> bool {
        self.stack.last().is_some_and(|f| f.reviews)
    }

    /// The column of byte `at` on the current line, in bytes, as the JSON parser counts.
    fn column(&self, at: usize) -> usize {
        at - self.line_start + 1
    }

    /// Where the innermost object sits, written like `reviews[2].body`.
    fn path(&self) -> String {
        let mut path = String::new();
        let outer = &self.stack[..self.stack.len().saturating_sub(1)];
        for frame in outer {
            if frame.object {
                if frame.current_name.is_empty() {
                    continue;
                }
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&frame.current_name);
            } else {
                path.push_str(&format!("[{}]", frame.index));
            }
        }
        path
    }

    fn run(&mut self, bytes: &[u8], end: usize) -> Result<(), ImportError> {
        while self.pos < end {
            let at = self.pos;
            let byte = bytes[at];
            self.pos += 1;
            if byte == b'\n' {
                self.line += 1;
                self.line_start = self.pos;
            }
            if self.in_text {
                if self.escaped {
                    self.escaped = false;
                } else if byte == b'\\' {
                    self.escaped = true;
                    self.text_has_escape = true;
                } else if byte == b'"' {
                    self.in_text = false;
                    self.end_of_text(bytes, at)?;
                }
                continue;
            }
            let whitespace = matches!(byte, b' ' | b'\t' | b'\n' | b'\r');
            if self.in_list_level() && !whitespace {
                match byte {
                    b',' | b']' => {
                        if let Some(mut item) = self.item.take() {
                            item.end = self.last_significant(bytes, at);
                            self.spans.push(item);
                            self.list_wants_item = byte == b',';
                            self.list_had_comma = byte == b',';
                        } else if byte == b',' || self.list_had_comma {
                            // `[,` or `,,` or `,]`: a value is missing.
                            let column = self.column(at);
                            return Err(ImportError::NotJson { line: self.line, column });
                        }
                    }
                    _ => {
                        if self.item.is_none() {
                            if !self.list_wants_item {
                                // Two values with no comma between them.
                                let column = self.column(at);
                                return Err(ImportError::NotJson { line: self.line, column });
                            }
                            self.list_wants_item = false;
                            // In bytes, as the JSON parser counts within each review.
                            let column = at - self.line_start + 1;
                            self.item = Some(Span { start: at, end: at, line: self.line, column });
                        }
                    }
                }
            }
            match byte {
                b'"' => {
                    self.in_text = true;
                    self.text_start = at;
                    self.text_has_escape = false;
                    self.saw_structure = true;
                }
                b'[' | b'{' => {
                    self.saw_structure = true;
                    if self.stack.len() >= MAX_NESTING_DEPTH {
                        return Err(ImportError::TooDeep { limit: MAX_NESTING_DEPTH });
                    }
                    let reviews = byte == b'['
                        && self.stack.len() == 1
                        && self.stack[0].object
                        && !self.stack[0].expecting_name
                        && self.stack[0].current_name == "reviews"
                        && self.reviews_list.is_none();
                    if reviews {
                        self.list_wants_item = true;
                        self.list_had_comma = false;
                        self.reviews_list = Some((at, at));
                    }
                    self.stack.push(Frame {
                        object: byte == b'{',
                        expecting_name: byte == b'{',
                        names: HashSet::new(),
                        current_name: String::new(),
                        index: 0,
                        reviews,
                    });
                }
                b']' | b'}' => {
                    // Unbalanced closers are left for the JSON parser to report.
                    if let Some(frame) = self.stack.pop() {
                        if frame.reviews {
                            if let Some((s, _)) = self.reviews_list {
                                self.reviews_list = Some((s, self.pos));
                            }
                        }
                    }
                }
                b',' => {
                    if let Some(frame) = self.stack.last_mut() {
                        if frame.object {
                            frame.expecting_name = true;
                        } else {
                            frame.index += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The end of the last byte before `at` that is not white space.
    fn last_significant(&self, bytes: &[u8], at: usize) -> usize {
        let mut end = at;
        while end > 0 && matches!(bytes[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
            end -= 1;
        }
        end
    }

    /// A piece of text ended at byte `at` (its closing quote): if it was a name, check it
    /// has not been given already in the same object.
    fn end_of_text(&mut self, bytes: &[u8], at: usize) -> Result<(), ImportError> {
        let Some(frame) = self.stack.last() else { return Ok(()) };
        if !frame.object || !frame.expecting_name {
            return Ok(());
        }
        let raw = &bytes[self.text_start + 1..at];
        let name: Vec<u8> = if self.text_has_escape {
            match serde_json::from_slice::<String>(&bytes[self.text_start..=at]) {
                Ok(s) => s.into_bytes(),
                Err(_) => raw.to_vec(),
            }
        } else {
            raw.to_vec()
        };
        let Some(frame) = self.stack.last_mut() else { return Ok(()) };
        frame.expecting_name = false;
        frame.current_name = String::from_utf8_lossy(&name).into_owned();
        if frame.names.insert(name) {
            return Ok(());
        }
        let name = frame.current_name.clone();
        Err(ImportError::DuplicateName { name, path: self.path(), line: self.line })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_counted_in_lines_and_characters() {
        let bytes = "ab\ncé\nx".as_bytes();
        assert_eq!(place_of(bytes, 0), (1, 1));
        assert_eq!(place_of(bytes, 3), (2, 1));
        assert_eq!(place_of(bytes, 6), (2, 3));
    }
}
