//! An import error is the reason a review file could not be opened: it is empty, too big,
//! not a Case Review Studio file, saved by a newer version, or damaged somewhere inside.
//! Each one is told to the person in plain words, and each one means nothing was imported:
//! a file is either read whole or not at all.

use std::fmt;

use crate::model::ReviewId;

/// Why a review file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file has nothing in it (or only spaces and line breaks).
    Empty,
    /// The file is bigger than the app will try to open.
    TooLarge { bytes: usize, limit: usize },
    /// The file is not JSON text at all: a picture, a web page, a spreadsheet, or an export
    /// that was cut short. `line` and `column` are where reading stopped, counted from 1.
    NotJson { line: usize, column: usize },
    /// Some bytes of the file are not UTF-8 text: a different kind of file, or one damaged
    /// in copying. `line` and `column` are where the first such byte is, counted from 1.
    NotText { line: usize, column: usize },
    /// One object in the file gives the same name twice (`"title": ..., "title": ...`), so
    /// there is no telling which value is meant. `path` is where the object sits, `line`
    /// the line of the second one.
    DuplicateName { name: String, path: String, line: usize },
    /// The file is JSON but was not saved by Case Review Studio.
    NotAReviewFile,
    /// The file says it is a Case Review Studio file but its format version is missing or
    /// is not a whole number from 1 upwards.
    BadVersion,
    /// The file was saved by a newer version of the app than this one.
    TooNew { found: u64, supported: u32 },
    /// Boxes within boxes go deeper than any real review does.
    TooDeep { limit: usize },
    /// One piece of text is longer than the app can hold; `path` says where.
    TextTooLong { path: String, limit: usize },
    /// Something inside the file is missing or of the wrong kind; `path` says where
    /// (for example `reviews[0].body.case_discussion.worries[2].text`).
    Malformed { path: String, reason: String },
    /// The file holds more reviews than one import can take.
    TooManyReviews { count: usize, limit: usize },
    /// The file is well formed but holds no reviews.
    NoReviews,
    /// The same review appears twice in one file, so there is no telling which copy is right.
    DuplicateReview { id: ReviewId },
    /// The file is protected with a passphrase, but not in a way this version can open.
    ProtectedUnsupported { reason: String },
    /// The passphrase given does not open this protected file (or the file is damaged:
    /// the two cannot be told apart).
    WrongPassphrase,
    /// The file is protected, and this page cannot decrypt anything: the browser allows
    /// encryption only on secure (https or local) pages.
    ProtectionUnavailable,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NOTHING: &str = "Nothing was imported.";
        match self {
            ImportError::Empty => write!(
                f,
                "This file is empty. {NOTHING} Please check you chose the right file; an \
                 export from Case Review Studio ends in .json."
            ),
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "This file is {} and Case Review Studio opens files up to {}. {NOTHING} It is \
                 probably not a review export; please check you chose the right file.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            ImportError::NotJson { line, column } => write!(
                f,
                "This file is not a Case Review Studio export (it could not be read past line \
                 {line}, column {column}). {NOTHING} It may be a different kind of file, or an \
                 export that was cut short while it was being copied or downloaded."
            ),
            ImportError::NotText { line, column } => write!(
                f,
                "This file is not plain text: some of it, from line {line}, column {column}, \
                 is not readable as UTF-8 characters. {NOTHING} It may be a different kind of \
                 file, or an export that was damaged while it was copied; please ask whoever \
                 sent it for a fresh export."
            ),
            ImportError::DuplicateName { name, path, line } => write!(
                f,
                "This file gives “{}” twice in the same place (at {}, line {line}), so there is \
                 no telling which one is right. {NOTHING} It may have been edited by hand; please \
                 ask whoever sent it for a fresh export.",
                shortened(name),
                place(path)
            ),
            ImportError::NotAReviewFile => write!(
                f,
                "This file was not saved by Case Review Studio, so it cannot be opened here. \
                 {NOTHING} Please choose a file exported from Case Review Studio."
            ),
            ImportError::BadVersion => write!(
                f,
                "This file looks like a Case Review Studio export, but it does not say which \
                 version of the file format it uses, so it cannot be read safely. {NOTHING} It \
                 may have been edited by hand; please ask whoever sent it for a fresh export."
            ),
            ImportError::TooNew { found, supported } => write!(
                f,
                "This file was saved by a newer version of Case Review Studio (file format \
                 {found}). This version reads formats up to {supported}. Nothing was imported; \
                 please use the newer version or ask whoever sent it for an older export."
            ),
            ImportError::TooDeep { limit } => write!(
                f,
                "This file has items nested more than {limit} levels deep, far more than any \
                 review has. {NOTHING} It is probably damaged or not a review export."
            ),
            ImportError::TextTooLong { path, limit } => write!(
                f,
                "One piece of text in this file is longer than Case Review Studio can hold \
                 (more than {} characters, at {}). {NOTHING} It is probably damaged or not a \
                 review export.",
                thousands(*limit),
                place(path)
            ),
            ImportError::Malformed { path, reason } => write!(
                f,
                "This file is a Case Review Studio export, but part of it is damaged or \
                 incomplete ({reason}, at {}). {NOTHING} Please ask whoever sent it for a fresh \
                 export.",
                place(path)
            ),
            ImportError::TooManyReviews { count, limit } => write!(
                f,
                "This file holds {} reviews; one import can take up to {}. {NOTHING} Please \
                 export fewer reviews at a time.",
                thousands(*count),
                thousands(*limit)
            ),
            ImportError::NoReviews => write!(
                f,
                "This Case Review Studio file holds no reviews, so there is nothing to import."
            ),
            ImportError::DuplicateReview { id } => write!(
                f,
                "This file holds the same review twice (review {id}), so there is no telling \
                 which copy is right. {NOTHING} Please ask whoever sent it for a fresh export."
            ),
            ImportError::ProtectedUnsupported { reason } => write!(
                f,
                "This file is protected with a passphrase in a way this version of Case Review \
                 Studio cannot open ({reason}). {NOTHING} Please ask whoever sent it for a fresh export."
            ),
            ImportError::WrongPassphrase => write!(
                f,
                "That passphrase does not open this file. Check it and try again: capital letters \
                 and spaces count. {NOTHING} If you are sure it is right, the file may be damaged."
            ),
            ImportError::ProtectionUnavailable => write!(
                f,
                "This file is protected with a passphrase, and this browser cannot open protected \
                 files on this page: browsers only allow encryption on secure pages (https, or the \
                 app opened from a file on this computer). {NOTHING}"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Where in the file, as the technical path (which helps whoever supports the person), or
/// "the top of the file" when the problem is with the file as a whole.
fn place(path: &str) -> &str {
    if path.is_empty() || path == "." {
        "the top of the file"
    } else {
        path
    }
}

/// A name short enough to quote in a sentence.
fn shortened(name: &str) -> String {
    const MAX: usize = 60;
    if name.chars().count() > MAX {
        format!("{}…", name.chars().take(MAX).collect::<String>())
    } else {
        name.to_string()
    }
}

/// Sizes in the unit people see in their file browser.
fn megabytes(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB {
        // One decimal place is enough to tell a 64 MB limit from a 64.3 MB file.
        let tenths = bytes.saturating_mul(10) / MB;
        format!("{}.{} MB", thousands(tenths / 10), tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// "10000" reads as "10,000" to most people.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_the_way_people_read_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(2_000_000), "2,000,000");
        assert_eq!(megabytes(64 * 1024 * 1024), "64.0 MB");
        assert_eq!(megabytes(1500), "2 KB");
    }

    #[test]
    fn a_too_new_file_is_explained_with_both_versions() {
        let text = ImportError::TooNew {
            found: 7,
            supported: 2,
        }
        .to_string();
        assert!(text.contains("newer version of Case Review Studio (file format 7)"));
        assert!(text.contains("reads formats up to 2"));
        assert!(text.contains("Nothing was imported"));
    }

    #[test]
    fn a_damaged_file_says_where_without_a_bare_dot() {
        let text = ImportError::Malformed {
            path: ".".into(),
            reason: "missing field `reviews`".into(),
        }
        .to_string();
        assert!(text.contains("at the top of the file"));
    }
}
