//! The action log as a Word document: the SMART actions agreed in a case discussion, one
//! row each, with the same columns as the action-log spreadsheet (number, what, lead
//! agency, who by, due date, status on the day of export, how we will know it is done,
//! what difference it will make, and the SMART check), on landscape pages so every column
//! has room. It carries the review's
//! title, the date of the discussion and when single-agency action plans are due, so it
//! can go into the case review report or out to the agencies as it is.

use chrono::NaiveDate;

use crate::model::working_days::single_agency_plan_sentence;
use super::word_document::{cell, cell_of, Orientation, ParagraphStyle, Span, Table, WordDocument};
use super::{is_blank, long_date, NONE_RECORDED, NOT_RECORDED};
use crate::export::action_log_csv::ACTION_LOG_HEADINGS;
use crate::model::case_discussion::SmartAction;
use crate::model::smart_action_check::missing_parts;
use crate::model::Review;

/// The document's heading.
pub const ACTION_LOG_TITLE: &str = "Action log";

/// Relative widths of the columns of [`ACTION_LOG_HEADINGS`].
// Dates and statuses get room enough for "29 September 2025" on one line.
const COLUMN_WIDTHS: [u32; 9] = [1, 4, 2, 3, 3, 3, 4, 4, 3];

/// The action log of `review`, or `None` when it is not a case discussion. `exported_on`
/// dates the document and is the day each action's status is worked out for (without it,
/// no action is called overdue).
pub fn action_log(review: &Review, exported_on: Option<NaiveDate>) -> Option<WordDocument> {
    log_document(review, exported_on, "Exported")
}

/// The same log as the print view draws it, saying the day it was printed.
pub fn printed_action_log(review: &Review, printed_on: Option<NaiveDate>) -> Option<WordDocument> {
    log_document(review, printed_on, "Printed")
}

fn log_document(review: &Review, on: Option<NaiveDate>, done: &str) -> Option<WordDocument> {
    let exported_on = on;
    let cd = review.case_discussion()?;
    let mut d = WordDocument::new(
        &format!("{ACTION_LOG_TITLE} \u{2013} {}", review.title),
        ACTION_LOG_TITLE,
        Orientation::Landscape,
    );
    d.title(ACTION_LOG_TITLE);
    d.subtitle(&review.title);
    let held = match cd.header.date_of_discussion {
        Some(day) => Span::plain(long_date(day)),
        None => Span::quiet(NOT_RECORDED),
    };
    d.paragraph(vec![Span::bold("Date of case discussion: "), held]);
    d.text(&single_agency_plan_sentence(cd.header.date_of_discussion));

    let today = exported_on.unwrap_or(NaiveDate::MIN);
    let listed: Vec<(u32, &SmartAction)> =
        cd.numbered_actions().into_iter().filter(|(_, a)| missing_parts(a).len() < 5).collect();
    d.heading(1, "Actions");
    if listed.is_empty() {
        d.quiet(NONE_RECORDED);
    } else {
        let columns: Vec<(&str, u32)> = ACTION_LOG_HEADINGS.iter().copied().zip(COLUMN_WIDTHS).collect();
        let mut t = Table::new(&columns);
        for (number, a) in listed {
            t.row(vec![
                cell(number.to_string()),
                text_cell(&a.action),
                text_cell(&a.lead_agency),
                text_cell(&a.who_by),
                match a.due {
                    Some(day) => cell(long_date(day)),
                    None => cell_of(vec![Span::quiet(NOT_RECORDED)]),
                },
                cell(a.status_words(today)),
                text_cell(&a.how_we_will_know),
                text_cell(&a.difference_for_child),
                cell(a.smart_check_words()),
            ]);
        }
        d.table(t);
    }
    if let Some(day) = exported_on {
        d.paragraph_in(ParagraphStyle::SourceNote, vec![Span::plain(format!("{done} {}.", long_date(day)))]);
    }
    Some(d)
}

fn text_cell(text: &str) -> super::word_document::Cell {
    if is_blank(text) {
        cell_of(vec![Span::quiet(NOT_RECORDED)])
    } else {
        cell(text.trim())
    }
}
