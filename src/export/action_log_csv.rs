//! The action log is the list of SMART actions agreed in a case discussion, as a
//! spreadsheet the partnership keeps and tracks: one row per action, with its number, what
//! will be done, the lead agency, who by, by when, its status on the day of export (open,
//! done, overdue), how we will know it is done, what difference it will make, and the
//! SMART check (whether all five parts were written, which is not the same as done).
//!
//! The file is CSV that opens cleanly in Excel on a council laptop: a UTF-8 byte order
//! mark so names such as Siân or Łukasz survive, CRLF line endings, fields quoted as
//! RFC 4180 says, and text that a spreadsheet would run as a formula made inert.

use chrono::NaiveDate;

use crate::model::action_log::SMART_CHECK_HEADING;
use crate::model::case_discussion::{CaseDiscussion, SmartAction};
use crate::model::smart_action_check::missing_parts;

/// The column headings, in order.
pub const ACTION_LOG_HEADINGS: [&str; 9] = [
    "No.",
    "Action",
    "Lead agency",
    "Who by",
    "Due date",
    "Status",
    "How we will know it is done",
    "What difference it will make",
    SMART_CHECK_HEADING,
];

/// Tells Excel the file is UTF-8; without it, non-ASCII names turn into mojibake.
const BYTE_ORDER_MARK: &str = "\u{feff}";
const LINE_END: &str = "\r\n";

/// The action log of `discussion` as CSV text, ready to save as a `.csv` file.
///
/// Actions appear in the order the room agreed them. An action with nothing written in it
/// at all (an empty row the facilitator added) is left out; every other action is listed
/// with its number, its status on `today`, and the SMART check saying "All five parts
/// written" or naming the missing parts, e.g. "Missing: who by, due date".
///
/// `review_title` is not written into the sheet, so the sheet stays a plain table that can
/// be pasted under the partnership's existing log; the title belongs in the file name
/// (see [`crate::export::file_name`]).
pub fn action_log_csv(review_title: &str, discussion: &CaseDiscussion, today: NaiveDate) -> String {
    let _ = review_title;
    let mut csv = String::from(BYTE_ORDER_MARK);
    push_row(&mut csv, ACTION_LOG_HEADINGS.iter().map(|h| h.to_string()));
    for (number, action) in discussion.numbered_actions().into_iter().filter(|(_, a)| !is_empty_action(a)) {
        push_row(&mut csv, row(number, action, today).into_iter());
    }
    csv
}

fn row(number: u32, a: &SmartAction, today: NaiveDate) -> [String; 9] {
    [
        number.to_string(),
        a.action.clone(),
        a.lead_agency.clone(),
        a.who_by.clone(),
        a.due.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        a.status_words(today),
        a.how_we_will_know.clone(),
        a.difference_for_child.clone(),
        a.smart_check_words(),
    ]
}

fn is_empty_action(a: &SmartAction) -> bool {
    missing_parts(a).len() == 5
}

fn push_row(csv: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| cell(&c)).collect();
    csv.push_str(&cells.join(","));
    csv.push_str(LINE_END);
}

/// One field, made safe for a spreadsheet and quoted when it needs to be.
fn cell(text: &str) -> String {
    let text = defuse_formula(text);
    // Line breaks inside a cell are LF in Excel; a lone CR would show as a stray symbol.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Characters that make a spreadsheet treat a cell as a formula (OWASP, "CSV Injection"),
/// plus LF for the same reason as CR (a careless reader splits the cell there), and the
/// full-width forms of the symbols, which some Excel input locales also accept.
const FORMULA_STARTS: [char; 11] =
    ['=', '+', '-', '@', '\t', '\r', '\n', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}'];

/// A leading apostrophe makes the spreadsheet show the cell as text: "-1 week late" stays
/// readable as "'-1 week late" instead of being run, or turned into an error.
fn defuse_formula(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const HEADER: &str =
        "No.,Action,Lead agency,Who by,Due date,Status,How we will know it is done,What difference it will make,SMART check (all five parts written?)\r\n";

    fn action(what: &str, who: &str) -> SmartAction {
        SmartAction {
            id: 1,
            action: what.into(),
            who_by: who.into(),
            due: NaiveDate::from_ymd_opt(2026, 3, 23),
            how_we_will_know: "Confirmed at core group".into(),
            difference_for_child: "She is seen at home".into(),
            lead_agency: "Health".into(),
            ..Default::default()
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
    }

    fn log_of(actions: Vec<SmartAction>) -> String {
        let discussion = CaseDiscussion { actions, ..Default::default() };
        action_log_csv("Child J", &discussion, today())
    }

    /// The data rows, without the byte order mark and the header.
    fn body(csv: &str) -> &str {
        csv.strip_prefix(BYTE_ORDER_MARK).and_then(|c| c.strip_prefix(HEADER)).expect("BOM and header first")
    }

    #[test]
    fn an_empty_log_is_the_header_alone() {
        assert_eq!(log_of(vec![]), format!("\u{feff}{HEADER}"));
    }

    #[test]
    fn starts_with_a_byte_order_mark_and_ends_every_line_with_crlf() {
        let csv = log_of(vec![action("Share chronology", "Health visitor"), action("Visit", "Social worker")]);
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.ends_with("\r\n"));
        assert_eq!(csv.matches("\r\n").count(), 3);
        assert_eq!(csv.matches('\n').count(), 3, "no bare LF line ends");
    }

    #[test]
    fn a_complete_action_is_one_plain_row_with_its_number_status_and_an_iso_date() {
        let csv = log_of(vec![action("Share chronology", "Health visitor")]);
        assert_eq!(
            body(&csv),
            "1,Share chronology,Health,Health visitor,2026-03-23,Open,Confirmed at core group,She is seen at home,All five parts written\r\n"
        );
    }

    #[test]
    fn the_smart_check_names_what_is_missing_and_never_reads_as_done() {
        let a = SmartAction { action: "Ask GP for records".into(), ..Default::default() };
        let csv = log_of(vec![a]);
        assert_eq!(
            body(&csv),
            "1,Ask GP for records,,,,Open,,,\"Missing: who by, due date, how we will know, difference for the child\"\r\n"
        );
        assert!(!csv.contains("Complete?"));
    }

    #[test]
    fn status_is_worked_out_on_the_day_of_export() {
        let late = SmartAction { due: NaiveDate::from_ymd_opt(2026, 3, 19), ..action("Visit", "SW") };
        let done = SmartAction { done_on: NaiveDate::from_ymd_opt(2026, 3, 18), ..action("Call", "SW") };
        let csv = log_of(vec![late, done]);
        let rows: Vec<&str> = body(&csv).split("\r\n").collect();
        assert!(rows[0].contains(",Overdue (was due 19 March 2026),"), "{}", rows[0]);
        assert!(rows[1].starts_with("2,Call,"), "{}", rows[1]);
        assert!(rows[1].contains(",Done on 18 March 2026,"), "{}", rows[1]);
    }

    #[test]
    fn wholly_blank_actions_are_left_out() {
        let csv = log_of(vec![SmartAction::default(), action("Visit", "Social worker")]);
        assert_eq!(body(&csv).lines().count(), 1);
    }

    #[test]
    fn commas_and_quotes_are_quoted_per_rfc_4180() {
        let csv = log_of(vec![action("Check school, GP and housing", "The \"lead\" professional")]);
        assert!(body(&csv)
            .starts_with("1,\"Check school, GP and housing\",Health,\"The \"\"lead\"\" professional\",2026-03-23,"));
    }

    #[test]
    fn line_breaks_stay_inside_one_quoted_cell() {
        let csv = log_of(vec![action("Call mum\nthen write to dad\r\nthen file", "SW")]);
        assert!(body(&csv).starts_with("1,\"Call mum\nthen write to dad\nthen file\",Health,SW,"));
        // Only the row itself ends in CRLF.
        assert_eq!(body(&csv).matches("\r\n").count(), 1);
    }

    #[test]
    fn non_ascii_names_come_through_unchanged() {
        let csv = log_of(vec![action("Meet Siân and Zoë", "Łukasz (李 interpreter)")]);
        assert!(body(&csv).starts_with("1,Meet Siân and Zoë,Health,Łukasz (李 interpreter),"));
    }

    #[test]
    fn text_a_spreadsheet_would_run_as_a_formula_is_made_inert() {
        let csv = log_of(vec![
            action("=HYPERLINK(\"http://x\",\"click\")", "@SUM(A1)"),
            action("+44 161 000 0000", "-1 week late"),
            action("\tTabbed", "\u{ff1d}1+1"),
        ]);
        let rows: Vec<&str> = body(&csv).split("\r\n").collect();
        assert!(rows[0].starts_with("1,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",Health,'@SUM(A1),"), "{}", rows[0]);
        assert!(rows[1].starts_with("2,'+44 161 000 0000,Health,'-1 week late,"), "{}", rows[1]);
        assert!(rows[2].starts_with("3,'\tTabbed,Health,'\u{ff1d}1+1,"), "{}", rows[2]);
        // A line starting with CR is normalised to LF and still defused.
        assert_eq!(cell("\r=1+1"), "\"'\n=1+1\"");
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in ["Share chronology", "1-2 weeks", "Email a@b.org", "Review on 2026-03-23", ""] {
            assert_eq!(cell(text), text);
        }
    }
}
