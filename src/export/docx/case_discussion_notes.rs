//! The Case Discussion Notes as a Word document: the write-up the Case Discussion Tool asks
//! for after the meeting, under the same headings and in the same order as the tool's
//! Appendix B and the printed notes, marked as a draft for participants to correct factual
//! errors. Attendees, missing information and the SMART actions are tables; the analysis
//! tree is a nested list, effects and root causes either side of the focal point.

use chrono::NaiveDate;

use super::word_document::{cell, cell_of, Orientation, Span, Table, WordDocument};
use super::{date_or_not_recorded, is_blank, long_date, or_not_recorded, NONE_RECORDED, NOT_RECORDED};
use crate::model::agency_check::MISSING_AGENCY_ADVICE;
use crate::model::case_discussion::{CaseDiscussion, FactOrFeeling, Note, SmartAction};
use crate::model::case_discussion_guide::{self as guide, SectionKey};
use crate::model::problem_tree::{CauseStatus, TreeNode};
use crate::model::smart_action_check::missing_parts;
use crate::model::working_days::single_agency_plan_sentence;
use crate::model::Review;

/// The document's heading, as the tool names it.
pub const NOTES_TITLE: &str = "Case Discussion Notes";
/// The words that head every copy until participants have corrected it.
pub const DRAFT_MARK: &str = "DRAFT FOR CORRECTION OF FACTUAL ERRORS";

/// The notes of `review` as a Word file, or `None` when it is not a case discussion.
/// `exported_on` dates the draft marking.
pub fn case_discussion_notes(review: &Review, exported_on: Option<NaiveDate>) -> Option<WordDocument> {
    notes_document(review, &draft_mark(exported_on))
}

/// The same notes as the print view draws them (the one difference: the draft marking
/// says when they were printed).
pub fn printed_case_discussion_notes(review: &Review, printed_on: Option<NaiveDate>) -> Option<WordDocument> {
    notes_document(review, &super::dated_mark(DRAFT_MARK, "printed", printed_on))
}

fn notes_document(review: &Review, mark: &str) -> Option<WordDocument> {
    let cd = review.case_discussion()?;
    let mut d = WordDocument::new(
        &format!("{NOTES_TITLE} \u{2013} {}", review.title),
        &format!("{NOTES_TITLE} \u{2013} draft for correction of factual errors"),
        Orientation::Portrait,
    );
    d.paragraph_in(super::word_document::ParagraphStyle::DraftMark, vec![Span::plain(mark)]);
    d.title(NOTES_TITLE);
    d.subtitle(&review.title);
    header_table(&mut d, cd);
    attendees(&mut d, cd);

    section(&mut d, SectionKey::Facts);
    d.bullets_or(cd.facts.iter().filter(|f| !is_blank(&f.text)).map(|f| {
            let mut spans = vec![Span::plain(f.text.trim())];
            if !is_blank(&f.source) {
                spans.push(Span::quiet(format!(" \u{2014} source: {}", f.source.trim())));
            }
            spans
        }),
        NONE_RECORDED,
    );

    section(&mut d, SectionKey::AboutTheChild);
    d.text_or(&cd.about_child, NONE_RECORDED);

    section(&mut d, SectionKey::ImmediateThoughts);
    d.bullets_or(cd.immediate_thoughts
            .iter()
            .filter(|t| !is_blank(&t.text))
            .map(|t| vec![Span::bold(format!("{}:", mark_label(t.marked_as))), Span::plain(format!(" {}", t.text.trim()))]),
        NONE_RECORDED,
    );

    section(&mut d, SectionKey::AnalysisTree);
    d.heading(2, "Effects:");
    tree_or_none(&mut d, &cd.tree.effects);
    d.heading(2, "Focal point:");
    d.text_or(&cd.tree.focal_point, NONE_RECORDED);
    d.heading(2, "Root causes:");
    tree_or_none(&mut d, &cd.tree.causes);

    section(&mut d, SectionKey::Worries);
    notes(&mut d, &cd.worries);
    section(&mut d, SectionKey::WorkedWell);
    notes(&mut d, &cd.strengths);

    section(&mut d, SectionKey::MissingInformation);
    missing_information(&mut d, cd);

    section(&mut d, SectionKey::WhatNeedsToHappen);
    actions(&mut d, cd);
    outcome(&mut d, cd);

    d.heading(1, "Follow up");
    d.text(guide::FOLLOW_UP);
    d.text(&single_agency_plan_sentence(cd.header.date_of_discussion));
    d.paragraph_in(
        super::word_document::ParagraphStyle::SourceNote,
        vec![Span::plain(format!("Structure: {}.", guide::SOURCE))],
    );
    Some(d)
}

/// "DRAFT FOR CORRECTION OF FACTUAL ERRORS — exported 9 March 2026".
pub fn draft_mark(exported_on: Option<NaiveDate>) -> String {
    super::dated_mark(DRAFT_MARK, "exported", exported_on)
}

fn section(d: &mut WordDocument, key: SectionKey) {
    d.heading(1, guide::section(key).notes_heading);
}

fn header_table(d: &mut WordDocument, cd: &CaseDiscussion) {
    let h = &cd.header;
    let mut t = Table::labelled(1, 3);
    t.row(vec![cell("Child Name:"), or_not_recorded(&h.child_name)]);
    t.row(vec![cell("Date of Referral:"), date_or_not_recorded(h.date_of_referral)]);
    t.row(vec![cell("Date of Case Discussion:"), date_or_not_recorded(h.date_of_discussion)]);
    t.row(vec![cell("Facilitator:"), or_not_recorded(&h.facilitator)]);
    if !is_blank(&h.focal_question) {
        t.row(vec![cell("Focal question:"), cell(h.focal_question.trim())]);
    }
    d.table(t);
}

fn attendees(d: &mut WordDocument, cd: &CaseDiscussion) {
    d.heading(1, "Attendees");
    if cd.header.attendees.is_empty() {
        d.quiet(NONE_RECORDED);
        return;
    }
    let mut t = Table::new(&[("Name", 3), ("Role", 3), ("Agency", 3), ("Wearing two hats for", 3), ("Attendance", 2)]);
    for a in &cd.header.attendees {
        t.row(vec![
            or_not_recorded(&a.name),
            or_not_recorded(&a.role),
            or_not_recorded(&a.agency),
            or_dash(&a.second_hat),
            cell(a.attendance.label()),
        ]);
    }
    d.table(t);
    let check = cd.agency_check();
    if !check.missing.is_empty() {
        d.heading(2, "Agencies not represented");
        for m in &check.missing {
            d.bullet(0, vec![Span::plain(m.sentence())]);
        }
        d.text(&format!("The tool\u{2019}s advice: \u{201c}{MISSING_AGENCY_ADVICE}\u{201d}"));
    }
}

fn notes(d: &mut WordDocument, notes: &[Note]) {
    d.bullets_or(notes.iter().filter(|n| !is_blank(&n.text)).map(|n| vec![Span::plain(n.text.trim())]), NONE_RECORDED);
}

/// Effects or causes as a nested list, each box under the one it grows from.
fn tree_or_none(d: &mut WordDocument, nodes: &[TreeNode]) {
    if nodes.is_empty() {
        d.quiet(NONE_RECORDED);
        return;
    }
    fn walk(d: &mut WordDocument, nodes: &[TreeNode], depth: usize) {
        for n in nodes {
            let mut spans = vec![if is_blank(&n.text) { Span::quiet("\u{2014}") } else { Span::plain(n.text.trim()) }];
            if let Some(marking) = cause_marking(n.status) {
                spans.push(Span::quiet(format!(" ({marking})")));
            }
            d.bullet(depth, spans);
            walk(d, &n.children, depth + 1);
        }
    }
    walk(d, nodes, 0);
}

/// How far the room got with a cause, when it was marked.
fn cause_marking(status: CauseStatus) -> Option<&'static str> {
    match status {
        CauseStatus::Unmarked => None,
        CauseStatus::Hypothesis => Some("hypothesis of root cause"),
        CauseStatus::AgreedRootCause => Some("agreed root cause"),
    }
}

fn missing_information(d: &mut WordDocument, cd: &CaseDiscussion) {
    let gaps: Vec<_> = cd.information_gaps.iter().filter(|g| !is_blank(&g.what)).collect();
    if gaps.is_empty() {
        d.quiet(NONE_RECORDED);
    } else {
        let mut t = Table::new(&[
            ("What we don\u{2019}t know and need to find out", 5),
            ("Who will find out", 3),
            ("By when", 2),
        ]);
        for g in gaps {
            t.row(vec![cell(g.what.trim()), or_not_recorded(&g.who), date_or_not_recorded(g.by_when)]);
        }
        d.table(t);
    }
    d.heading(2, "Who else do we need to involve?");
    d.bullets_or(cd.people_to_involve.iter().filter(|p| !is_blank(&p.who)).map(|p| {
            let mut spans = vec![Span::plain(p.who.trim())];
            if !is_blank(&p.why) {
                spans.push(Span::plain(format!(" \u{2014} {}", p.why.trim())));
            }
            spans
        }),
        NONE_RECORDED,
    );
}

/// The SMART actions as the notes' table, each incomplete one flagged in words.
fn actions(d: &mut WordDocument, cd: &CaseDiscussion) {
    let listed: Vec<(u32, &SmartAction)> = cd.numbered_actions().into_iter().filter(|(_, a)| !is_blank_action(a)).collect();
    if listed.is_empty() {
        d.quiet(NONE_RECORDED);
        return;
    }
    let mut t = Table::new(&[
        ("No.", 1),
        ("Action", 3),
        ("Lead agency", 2),
        ("Who By and When", 3),
        ("How will we know it is done", 3),
        ("What difference will it make?", 3),
    ]);
    for (n, a) in listed {
        let mut what = or_not_recorded(&a.action);
        let missing = missing_parts(a);
        if !missing.is_empty() {
            what.push(vec![Span::quiet(format!("SMART check, not written yet: {}", missing.join(", ")))]);
        }
        t.row(vec![
            cell(n.to_string()),
            what,
            or_not_recorded(&a.lead_agency),
            who_by_and_when(a),
            or_not_recorded(&a.how_we_will_know),
            or_not_recorded(&a.difference_for_child),
        ]);
    }
    d.table(t);
}

fn outcome(d: &mut WordDocument, cd: &CaseDiscussion) {
    let o = &cd.outcome;
    if is_blank(&o.agreement) && is_blank(&o.dissent) {
        return;
    }
    d.heading(2, "The room\u{2019}s view of the outcome");
    let mut t = Table::labelled(1, 3);
    t.row(vec![cell("Agreed"), or_not_recorded(&o.agreement)]);
    t.row(vec![cell("Differing views"), or_dash(&o.dissent)]);
    d.table(t);
}

/// "Health visitor, by 23 March 2026", saying which half is not recorded.
fn who_by_and_when(a: &SmartAction) -> super::word_document::Cell {
    let who = if is_blank(&a.who_by) { Span::quiet(NOT_RECORDED) } else { Span::plain(a.who_by.trim()) };
    let when = match a.due {
        Some(day) => Span::plain(format!(", by {}", long_date(day))),
        None => Span::quiet(", no date recorded"),
    };
    cell_of(vec![who, when])
}

/// An action row the facilitator added but nobody filled in.
fn is_blank_action(a: &SmartAction) -> bool {
    missing_parts(a).len() == 5
}

fn mark_label(m: FactOrFeeling) -> &'static str {
    match m {
        FactOrFeeling::Fact => "Fact",
        FactOrFeeling::Feeling => "Feeling",
        FactOrFeeling::Unmarked => "Not marked",
    }
}

fn or_dash(text: &str) -> super::word_document::Cell {
    if is_blank(text) {
        cell_of(vec![Span::quiet("\u{2014}")])
    } else {
        cell(text.trim())
    }
}

