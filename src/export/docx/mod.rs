//! Word documents (.docx) people can drop straight into a case review report: the **Case
//! Discussion Notes** under the tool's headings, the partnership's **action log**, and the
//! **Learning Together report**. Each is built from a [`Review`](crate::model::Review)
//! passed in, so a copy with names taken out can be exported the same way as the original.
//!
//! A minimal writer, pure Rust and tested natively: [`word_document`] builds the document
//! (headings, paragraphs, lists, tables, sections), [`package`] and [`styles`] supply the
//! other parts of the file, [`zip_archive`] packs them. It writes only what these documents
//! use, which keeps the download small (see ARCHITECTURE.md for the measured cost).

pub mod action_log;
pub mod case_discussion_notes;
pub mod conversation_record;
pub mod learning_together_report;
pub mod package;
pub mod styles;
pub mod word_document;
pub mod zip_archive;

use chrono::NaiveDate;

use word_document::{cell, cell_of, Cell, Span};
pub use word_document::WordDocument;

/// The media type browsers and mail programs know .docx files by.
pub const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

pub use crate::export::{NONE_RECORDED, NOT_RECORDED};
pub use crate::model::date_or_period::long_date;

/// A document's marking with the day it was made, e.g. "DRAFT — printed 9 March 2026"
/// (`done` is "printed" for the print views, "exported" for the Word files).
pub fn dated_mark(mark: &str, done: &str, on: Option<NaiveDate>) -> String {
    match on {
        Some(day) => format!("{mark} \u{2014} {done} {}", long_date(day)),
        None => mark.to_string(),
    }
}

/// True when there is nothing but spaces.
fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// A cell of `text`, or of grey "Not recorded" when it is blank.
fn or_not_recorded(text: &str) -> Cell {
    if is_blank(text) {
        cell_of(vec![Span::quiet(NOT_RECORDED)])
    } else {
        cell(text.trim())
    }
}

/// A cell with the date in full, or grey "Not recorded".
fn date_or_not_recorded(day: Option<NaiveDate>) -> Cell {
    match day {
        Some(day) => cell(long_date(day)),
        None => cell_of(vec![Span::quiet(NOT_RECORDED)]),
    }
}
