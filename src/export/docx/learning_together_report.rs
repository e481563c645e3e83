//! The Learning Together report as a Word document: what the review team has found, ready
//! to become the review's report. It sets out the review's scope, the participants by role
//! (professionals by role and agency, the family by pseudonym, never by name), the
//! narrative of multi-agency perspectives, the table of key practice episodes (on landscape
//! pages), the contributory factors by level of the system, the findings (each with its
//! pattern types, how it showed in this case, the evidence it is wider, why it matters and
//! the issues for the board to consider, and the episodes, factors, documents and
//! conversations it rests on), the recommendations and, when the team keeps a register,
//! the documents the review drew on.

use chrono::NaiveDate;

use super::word_document::{cell, cell_of, Cell, Orientation, ParagraphStyle, Span, Table, WordDocument};
use super::{is_blank, long_date, or_not_recorded, NONE_RECORDED, NOT_RECORDED};
use crate::model::conversation_guide::SOURCE as GUIDE_SOURCE;
use crate::model::date_or_period::DateOrPeriod;
use crate::model::finding::Finding;
use crate::model::learning_together::LearningTogether;
use crate::model::pattern_type::TYPOLOGY_DESCRIPTION;
use crate::model::Review;

/// The document's heading.
pub const REPORT_TITLE: &str = "Learning Together review report";

/// The report of `review`, or `None` when it is not a Learning Together review.
/// `exported_on` dates the draft marking.
pub fn learning_together_report(review: &Review, exported_on: Option<NaiveDate>) -> Option<WordDocument> {
    let lt = review.learning_together()?;
    let mut d = WordDocument::new(
        &format!("{REPORT_TITLE} \u{2013} {}", review.title),
        &format!("{REPORT_TITLE} \u{2013} draft"),
        Orientation::Portrait,
    );
    d.paragraph_in(ParagraphStyle::DraftMark, vec![Span::plain(draft_mark(exported_on))]);
    d.title(REPORT_TITLE);
    d.subtitle(&review.title);

    about(&mut d, lt);
    participants(&mut d, lt);
    narrative(&mut d, lt);
    // The episodes table has six columns: it gets landscape pages of its own.
    d.start_section(Orientation::Landscape);
    episodes(&mut d, lt);
    d.start_section(Orientation::Portrait);
    factors(&mut d, lt);
    findings(&mut d, lt);
    recommendations(&mut d, lt);
    documents_appendix(&mut d, lt);
    d.paragraph_in(
        ParagraphStyle::SourceNote,
        vec![Span::plain(
            "Method: Learning Together, SCIE\u{2019}s systems model for case reviews (SCIE Guide 24). \
             Professionals are identified by role and agency only; children and family members by pseudonym.",
        ), Span::plain(format!(" Conversation structure: {GUIDE_SOURCE}."))],
    );
    Some(d)
}

fn about(d: &mut WordDocument, lt: &LearningTogether) {
    d.heading(1, "About this review");
    let pseudonym =
        if is_blank(&lt.family_pseudonym) { Span::quiet(NOT_RECORDED) } else { Span::plain(lt.family_pseudonym.trim()) };
    d.paragraph(vec![Span::bold("The family is known in this review as: "), pseudonym]);
    d.heading(2, "Scope");
    d.text_or(&lt.scope, NOT_RECORDED);
    d.heading(2, "Review team");
    d.bullets_or(lt.review_team.iter().filter(|m| !is_blank(&m.role)).map(|m| vec![Span::plain(m.role.trim())]), NONE_RECORDED);
}

fn participants(d: &mut WordDocument, lt: &LearningTogether) {
    d.heading(1, "Participants");
    d.heading(2, "Professionals");
    let professionals: Vec<_> = lt.participants.iter().filter(|p| !p.is_family_member).collect();
    if professionals.is_empty() {
        d.quiet(NONE_RECORDED);
    } else {
        let mut t = Table::new(&[("Role", 1), ("Agency", 1)]);
        for p in professionals {
            t.row(vec![or_not_recorded(&p.role), or_not_recorded(&p.agency)]);
        }
        d.table(t);
    }
    d.heading(2, "Children and family members");
    let family: Vec<_> = lt.participants.iter().filter(|p| p.is_family_member).collect();
    if family.is_empty() {
        d.quiet(NONE_RECORDED);
    } else {
        let mut t = Table::new(&[("Place in the family", 1), ("Known in this review as", 1)]);
        for p in family {
            t.row(vec![or_not_recorded(&p.role), or_not_recorded(&p.pseudonym)]);
        }
        d.table(t);
    }
}

fn narrative(d: &mut WordDocument, lt: &LearningTogether) {
    d.heading(1, "Narrative of multi-agency perspectives");
    let events = lt.narrative();
    if events.is_empty() {
        d.quiet(NONE_RECORDED);
        return;
    }
    let mut t = Table::new(&[("When", 2), ("What happened", 4), ("How each agency saw it", 5)]);
    for e in events {
        let views: Cell = if e.views.is_empty() {
            cell_of(vec![Span::quiet("No agency views recorded")])
        } else {
            e.views
                .iter()
                .map(|v| vec![Span::bold(format!("{}: ", v.agency.trim())), Span::plain(v.view.trim())])
                .collect()
        };
        t.row(vec![when(&e.date_or_period), or_not_recorded(&e.what_happened), views]);
    }
    d.table(t);
}

fn episodes(d: &mut WordDocument, lt: &LearningTogether) {
    d.heading(1, "Key practice episodes");
    match episodes_table(lt) {
        Some(t) => d.table(t),
        None => d.quiet(NONE_RECORDED),
    }
}

/// The key practice episodes on their own, A4 landscape: SCIE's template (Appendix 4),
/// the same table as in the report. `None` when `review` is not a Learning Together review.
pub fn key_practice_episodes(review: &Review, exported_on: Option<NaiveDate>) -> Option<WordDocument> {
    let lt = review.learning_together()?;
    let mut d = WordDocument::new(&format!("{EPISODES_TITLE} \u{2013} {}", review.title), &format!("{EPISODES_TITLE} \u{2013} draft"), Orientation::Landscape);
    d.paragraph_in(ParagraphStyle::DraftMark, vec![Span::plain(draft_mark(exported_on))]);
    d.title(EPISODES_TITLE);
    d.subtitle(&review.title);
    match episodes_table(lt) {
        Some(t) => d.table(t),
        None => d.quiet(NONE_RECORDED),
    }
    d.paragraph_in(
        ParagraphStyle::SourceNote,
        vec![Span::plain("Template for table of key practice episodes: SCIE, Learning together to safeguard children, Appendix 4.")],
    );
    Some(d)
}

/// The heading of the key practice episodes table.
pub const EPISODES_TITLE: &str = "Key practice episodes";

/// "DRAFT", with the day it was made when known.
fn draft_mark(exported_on: Option<NaiveDate>) -> String {
    match exported_on {
        Some(day) => format!("DRAFT \u{2014} exported {}", long_date(day)),
        None => "DRAFT".to_string(),
    }
}

/// The key practice episodes as SCIE's table, with the conversations each came from.
fn episodes_table(lt: &LearningTogether) -> Option<Table> {
    let episodes = lt.episodes_in_order();
    if episodes.is_empty() {
        return None;
    }
    let mut t = Table::new(&[
        ("Episode and when", 3),
        ("Agencies or roles involved", 2),
        ("What happened", 4),
        ("Appraisal of the practice", 2),
        ("Why it made sense at the time", 4),
        ("Contributory factors", 3),
        ("Source conversations", 2),
    ]);
    for e in episodes {
        let episode = vec![
            vec![if is_blank(&e.episode) { Span::quiet(NOT_RECORDED) } else { Span::bold(e.episode.trim()) }],
            when(&e.date_or_period).remove(0),
        ];
        let roles: Cell = e.roles_involved.iter().filter(|r| !is_blank(r)).map(|r| vec![Span::plain(r.trim())]).collect();
        let roles = if roles.is_empty() { cell_of(vec![Span::quiet(NOT_RECORDED)]) } else { roles };
        let factors: Cell = lt.factors_of(e.id).iter().map(|f| vec![Span::plain(f.text.trim())]).collect();
        let factors = if factors.is_empty() { cell_of(vec![Span::quiet("None linked")]) } else { factors };
        // The conversations it came from or cites (the documents it cites are in the appendix).
        let sources: Cell = lt
            .sources_of(e.id)
            .into_iter()
            .filter_map(|c| lt.conversation(c).and_then(|c| lt.participant(c.participant_id)).map(|p| vec![Span::plain(p.label())]))
            .collect();
        let sources = if sources.is_empty() { cell_of(vec![Span::quiet(NONE_RECORDED)]) } else { sources };
        t.row(vec![
            episode,
            roles,
            or_not_recorded(&e.what_happened),
            cell(e.appraisal.label()),
            or_not_recorded(&e.why_it_made_sense),
            factors,
            sources,
        ]);
    }
    Some(t)
}

fn factors(d: &mut WordDocument, lt: &LearningTogether) {
    d.heading(1, "Contributory factors");
    d.text("What influenced how people saw the situation and acted at the time, by level of the system from the frontline outwards.");
    for (level, factors) in lt.factors_by_level() {
        d.heading(2, level.label());
        d.bullets_or(factors.into_iter().map(|f| {
                let mut spans = vec![Span::plain(f.text.trim()), Span::quiet(format!(" ({})", f.category.label()))];
                let episodes: Vec<&str> =
                    lt.episodes_of(f.id).iter().map(|e| e.episode.trim()).filter(|e| !e.is_empty()).collect();
                if !episodes.is_empty() {
                    spans.push(Span::plain(format!(" \u{2014} helps to explain: {}", episodes.join("; "))));
                }
                spans
            }),
            NONE_RECORDED,
        );
    }
}

fn findings(d: &mut WordDocument, lt: &LearningTogether) {
    d.heading(1, "Findings");
    if lt.findings.is_empty() {
        d.quiet(NONE_RECORDED);
        return;
    }
    d.text(&format!(
        "Each finding is tagged with one or more types of underlying pattern from SCIE\u{2019}s typology: \
         \u{201c}{TYPOLOGY_DESCRIPTION}\u{201d}."
    ));
    for (i, f) in lt.findings.iter().enumerate() {
        finding(d, i + 1, f, lt);
    }
}

fn finding(d: &mut WordDocument, number: usize, f: &Finding, lt: &LearningTogether) {
    d.heading(2, &format!("Finding {number}: {}", f.statement.trim()));
    let patterns: Vec<&str> = f.pattern_types.iter().map(|p| p.label()).collect();
    let label = if patterns.len() == 1 { "Pattern type: " } else { "Pattern types: " };
    let tags = if patterns.is_empty() { Span::quiet(NOT_RECORDED) } else { Span::plain(patterns.join("; ")) };
    d.paragraph(vec![Span::bold(label), tags]);
    let basis = lt.finding_evidence(f.id);
    for (label, items) in [
        ("Key practice episodes it rests on: ", &basis.episodes),
        ("Contributory factors it rests on: ", &basis.factors),
        ("Documents it draws on: ", &basis.documents),
        ("From conversations with: ", &basis.conversations),
    ] {
        let value = if items.is_empty() { Span::quiet(NONE_RECORDED) } else { Span::plain(items.join("; ")) };
        d.paragraph(vec![Span::bold(label), value]);
    }
    d.heading(3, "How it showed in this case");
    d.text_or(&f.how_it_showed_in_this_case, NONE_RECORDED);
    d.heading(3, "Evidence it is wider than this case");
    d.text_or(&f.evidence_it_is_wider, NONE_RECORDED);
    d.heading(3, "Why it matters");
    d.text_or(&f.why_it_matters, NONE_RECORDED);
    d.heading(3, "Issues for the board to consider");
    d.bullets_or(f.issues_for_the_board.iter().filter(|i| !is_blank(i)).map(|i| vec![Span::plain(i.trim())]), NONE_RECORDED);
}

fn recommendations(d: &mut WordDocument, lt: &LearningTogether) {
    d.heading(1, "Recommendations");
    let items: Vec<Vec<Span>> = lt
        .recommendations
        .iter()
        .filter(|r| !is_blank(&r.text))
        .map(|r| {
            let mut spans = vec![Span::plain(r.text.trim())];
            if let Some(n) = r.finding.and_then(|id| lt.findings.iter().position(|f| f.id == id)) {
                spans.push(Span::quiet(format!(" (responds to finding {})", n + 1)));
            }
            spans
        })
        .collect();
    if items.is_empty() {
        d.quiet(NONE_RECORDED);
    } else {
        d.numbered_list(items);
    }
}

/// The documents register as an appendix, with what in the report cites each document;
/// left out when the team has not used the register.
fn documents_appendix(d: &mut WordDocument, lt: &LearningTogether) {
    if lt.documents.is_empty() {
        return;
    }
    d.heading(1, DOCUMENTS_APPENDIX_TITLE);
    d.text("The documents the review team chose to read, the agency each comes from, and where the report draws on it.");
    let mut t = Table::new(&[("Document", 3), ("Agency", 2), ("Date or period", 2), ("Why it was chosen", 3), ("Cited by", 2)]);
    for doc in &lt.documents {
        let cited: Vec<String> = lt.cited_by(doc.id).iter().map(|c| c.label()).collect();
        let cited = if cited.is_empty() { cell_of(vec![Span::quiet("Not cited")]) } else { cell(cited.join(", ")) };
        t.row(vec![or_not_recorded(&doc.title), or_not_recorded(&doc.agency), when(&doc.date_or_period), or_not_recorded(&doc.why_chosen), cited]);
    }
    d.table(t);
}

/// The heading of the documents appendix.
pub const DOCUMENTS_APPENDIX_TITLE: &str = "Appendix: documents the review drew on";

/// A date or period as one cell, saying when it is not known.
fn when(w: &DateOrPeriod) -> Cell {
    if w.is_unknown() {
        cell_of(vec![Span::quiet("Date not recorded")])
    } else {
        cell(w.text())
    }
}


