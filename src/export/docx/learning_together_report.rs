//! The Learning Together report as a Word document (and, drawn from the same document, the
//! printed report): the review as a safeguarding partnership publishes it (see
//! `model/published_report.rs`). A summary, the terms of reference, the methodology (with
//! the review team and who took part, professionals by role and agency, the family by
//! pseudonym, never by name), the case summary, the narrative of multi-agency perspectives
//! (each agency's view, and the family's, beside each event), the findings (each with its
//! pattern types, what it rests on, how it showed in this case, the evidence it is wider,
//! why it matters and the issues for the board to consider), the recommendations and
//! issues for the board, acknowledgements; then, as appendices, the contributory factors by
//! level of the system (clean sentences, each once) and the table of key practice episodes
//! (on landscape pages), and, when the team keeps a register, the documents the review drew
//! on. Each finding names the episodes, factors, documents and conversations it rests on.

use chrono::NaiveDate;

use super::word_document::{cell, cell_of, Cell, Orientation, ParagraphStyle, Span, Table, WordDocument};
use super::{is_blank, or_not_recorded, NONE_RECORDED, NOT_RECORDED};
use crate::model::conversation_guide::SOURCE as GUIDE_SOURCE;
use crate::model::date_or_period::DateOrPeriod;
use crate::model::finding::Finding;
use crate::model::learning_together::LearningTogether;
use crate::model::contributory_factor::{ContributoryFactor, FactorLevel};
use crate::model::pattern_type::TYPOLOGY_DESCRIPTION;
use crate::model::published_report::{
    clean_factor_text, without_closing_stop, ReportText, EPISODES_HEADING, FACTORS_HEADING, FINDINGS_HEADING,
    NARRATIVE_HEADING, RECOMMENDATIONS_HEADING,
};
use crate::model::Review;

/// The document's heading.
pub const REPORT_TITLE: &str = "Learning Together review report";

/// The report of `review`, or `None` when it is not a Learning Together review.
/// `exported_on` dates the draft marking.
///
/// The report is the one a safeguarding partnership publishes (see
/// `model/published_report.rs`): summary, terms of reference, methodology, case summary
/// with the narrative, findings with their evidence, recommendations and issues for the
/// board, acknowledgements, then the contributory factors and the key practice episodes as
/// appendices, each starting a new page (the episodes on landscape pages at the end, so no
/// page is left nearly empty before a turn in the middle of the report). A part with nothing in it is left out; no internal working table (the
/// stages, the participants' journey) is ever in it.
pub fn learning_together_report(review: &Review, exported_on: Option<NaiveDate>) -> Option<WordDocument> {
    report_document(review, draft_mark("exported", exported_on))
}

/// The same report as the print view draws it, saying the day it was printed.
pub fn printed_learning_together_report(review: &Review, printed_on: Option<NaiveDate>) -> Option<WordDocument> {
    report_document(review, draft_mark("printed", printed_on))
}

fn report_document(review: &Review, mark: String) -> Option<WordDocument> {
    let lt = review.learning_together()?;
    let mut d = WordDocument::new(
        &format!("{REPORT_TITLE} \u{2013} {}", review.title),
        &format!("{REPORT_TITLE} \u{2013} draft"),
        Orientation::Portrait,
    );
    d.paragraph_in(ParagraphStyle::DraftMark, vec![Span::plain(mark)]);
    d.title(REPORT_TITLE);
    d.subtitle(&review.title);

    written_part(&mut d, lt, ReportText::Summary);
    written_part(&mut d, lt, ReportText::TermsOfReference);
    methodology(&mut d, lt);
    // The method credited where it is described (not left to run onto a page of its own).
    d.paragraph_in(
        ParagraphStyle::SourceNote,
        vec![Span::plain(
            "Method: Learning Together, SCIE\u{2019}s systems model for case reviews (SCIE Guide 24). \
             Professionals are identified by role and agency only; children and family members by pseudonym.",
        ), Span::plain(format!(" Conversation structure: {GUIDE_SOURCE}."))],
    );
    case_summary(&mut d, lt);
    narrative(&mut d, lt);
    findings(&mut d, lt);
    recommendations(&mut d, lt);
    written_part(&mut d, lt, ReportText::Acknowledgements);
    // The appendices start on pages of their own, as a published report's do.
    if factors_shown(lt) {
        d.start_section(Orientation::Portrait);
        factors(&mut d, lt);
    }
    // The episodes table has seven columns: it gets landscape pages of its own, last.
    if !lt.episodes.is_empty() {
        d.start_section(Orientation::Landscape);
        episodes(&mut d, lt);
    }
    // The documents drawn on, back on portrait pages of their own.
    if !lt.documents.is_empty() {
        d.start_section(Orientation::Portrait);
        documents_appendix(&mut d, lt);
    }
    Some(d)
}

/// One of the parts the review team writes, as paragraphs; nothing when it is blank.
fn written_part(d: &mut WordDocument, lt: &LearningTogether, part: ReportText) {
    let text = lt.report_text(part);
    if is_blank(text) {
        return;
    }
    d.heading(1, part.heading());
    paragraphs(d, text);
}

/// Text as typed, one paragraph per block of lines (a blank line starts a new one).
fn paragraphs(d: &mut WordDocument, text: &str) {
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        d.text(p);
    }
}

/// The methodology as written, then the review team and who took part, by role.
fn methodology(d: &mut WordDocument, lt: &LearningTogether) {
    let team: Vec<&str> = lt.review_team.iter().map(|m| m.role.trim()).filter(|r| !r.is_empty()).collect();
    let professionals: Vec<_> = lt.participants.iter().filter(|p| !p.is_family_member).collect();
    let family: Vec<_> = lt.participants.iter().filter(|p| p.is_family_member).collect();
    if is_blank(&lt.methodology) && team.is_empty() && lt.participants.is_empty() {
        return;
    }
    d.heading(1, ReportText::Methodology.heading());
    paragraphs(d, &lt.methodology);
    if !team.is_empty() {
        d.heading(2, "Review team");
        d.bullets_or(team.into_iter().map(|r| vec![Span::plain(r)]), NONE_RECORDED);
    }
    if !professionals.is_empty() {
        d.heading(2, "Professionals who took part");
        let mut t = Table::new(&[("Role", 1), ("Agency", 1)]);
        for p in professionals {
            t.row(vec![or_not_recorded(&p.role), or_not_recorded(&p.agency)]);
        }
        d.table(t);
    }
    if !family.is_empty() {
        d.heading(2, "Children and family members who took part");
        let mut t = Table::new(&[("Place in the family", 1), ("Known in this review as", 1)]);
        for p in family {
            t.row(vec![or_not_recorded(&p.role), or_not_recorded(&p.pseudonym)]);
        }
        d.table(t);
    }
}

/// The case in brief, the family by its pseudonym.
fn case_summary(d: &mut WordDocument, lt: &LearningTogether) {
    if is_blank(&lt.case_summary) && is_blank(&lt.family_pseudonym) {
        return;
    }
    d.heading(1, ReportText::CaseSummary.heading());
    if !is_blank(&lt.family_pseudonym) {
        d.paragraph(vec![Span::bold("The family is known in this review as: "), Span::plain(lt.family_pseudonym.trim())]);
    }
    paragraphs(d, &lt.case_summary);
}

fn narrative(d: &mut WordDocument, lt: &LearningTogether) {
    let events = lt.narrative();
    if events.is_empty() {
        return;
    }
    d.heading(1, NARRATIVE_HEADING);
    // The family's view has its own column, beside the agencies', once any is recorded.
    let family = events.iter().any(|e| e.family_view().is_some_and(|v| !is_blank(v)));
    let family_heading = format!("How {} saw it", lt.family_in_words());
    let mut columns = vec![("When", 3), ("What happened", 4), ("How each agency saw it", 5)];
    if family {
        columns.push((family_heading.as_str(), 4));
    }
    let mut t = Table::new(&columns);
    for e in events {
        let views: Cell = e
            .agency_views()
            .filter(|v| !is_blank(&v.view))
            .map(|v| vec![Span::bold(format!("{}: ", v.agency.trim())), Span::plain(v.view.trim())])
            .collect();
        let views = if views.is_empty() { cell_of(vec![Span::quiet("No agency views recorded")]) } else { views };
        let mut row = vec![when(&e.date_or_period), or_not_recorded(&e.what_happened), views];
        if family {
            row.push(match e.family_view().filter(|v| !is_blank(v)) {
                Some(v) => cell(v.trim()),
                None => cell_of(vec![Span::quiet("Not recorded")]),
            });
        }
        t.row(row);
    }
    d.table(t);
}

fn episodes(d: &mut WordDocument, lt: &LearningTogether) {
    let number = if factors_shown(lt) { 2 } else { 1 };
    d.heading(1, &format!("Appendix {number}: {EPISODES_HEADING}"));
    match episodes_table(lt) {
        Some(t) => d.table(t),
        None => d.quiet(NONE_RECORDED),
    }
}

/// The key practice episodes on their own, A4 landscape: SCIE's template (Appendix 4),
/// the same table as in the report. `None` when `review` is not a Learning Together review.
pub fn key_practice_episodes(review: &Review, exported_on: Option<NaiveDate>) -> Option<WordDocument> {
    episodes_document(review, draft_mark("exported", exported_on))
}

/// The same table as the print view draws it, saying the day it was printed.
pub fn printed_key_practice_episodes(review: &Review, printed_on: Option<NaiveDate>) -> Option<WordDocument> {
    episodes_document(review, draft_mark("printed", printed_on))
}

fn episodes_document(review: &Review, mark: String) -> Option<WordDocument> {
    let lt = review.learning_together()?;
    let mut d = WordDocument::new(&format!("{EPISODES_TITLE} \u{2013} {}", review.title), &format!("{EPISODES_TITLE} \u{2013} draft"), Orientation::Landscape);
    d.paragraph_in(ParagraphStyle::DraftMark, vec![Span::plain(mark)]);
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
fn draft_mark(done: &str, on: Option<NaiveDate>) -> String {
    super::dated_mark("DRAFT", done, on)
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
        ("Source conversations", 3),
    ]);
    for e in episodes {
        let episode = vec![
            vec![if is_blank(&e.episode) { Span::quiet(NOT_RECORDED) } else { Span::bold(e.episode.trim()) }],
            when(&e.date_or_period).remove(0),
        ];
        let roles: Cell = e.roles_involved.iter().filter(|r| !is_blank(r)).map(|r| vec![Span::plain(r.trim())]).collect();
        let roles = if roles.is_empty() { cell_of(vec![Span::quiet(NOT_RECORDED)]) } else { roles };
        let mut factor_texts: Vec<String> = Vec::new();
        for f in lt.factors_of(e.id) {
            let text = clean_factor_text(&f.text);
            if !text.is_empty() && !factor_texts.iter().any(|t| t.eq_ignore_ascii_case(&text)) {
                factor_texts.push(text);
            }
        }
        let factors: Cell = factor_texts.into_iter().map(|t| vec![Span::plain(t)]).collect();
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

/// The factors placed at each level of the system, each once and as clean text: several
/// conversations often give the same factor in nearly the same words.
fn factors_to_show(lt: &LearningTogether) -> Vec<(FactorLevel, Vec<(String, Vec<&ContributoryFactor>)>)> {
    lt.factors_by_level()
        .into_iter()
        .map(|(level, factors)| {
            let mut shown: Vec<(String, Vec<&ContributoryFactor>)> = Vec::new();
            for f in factors {
                let text = clean_factor_text(&f.text);
                if text.is_empty() {
                    continue;
                }
                match shown.iter_mut().find(|(t, _)| t.to_lowercase() == text.to_lowercase()) {
                    Some((_, same)) => same.push(f),
                    None => shown.push((text, vec![f])),
                }
            }
            (level, shown)
        })
        .filter(|(_, shown)| !shown.is_empty())
        .collect()
}

fn factors_shown(lt: &LearningTogether) -> bool {
    !factors_to_show(lt).is_empty()
}

/// The contributory factors by level, as an appendix: each a clean sentence, its category,
/// and the key practice episodes it helps to explain.
fn factors(d: &mut WordDocument, lt: &LearningTogether) {
    let levels = factors_to_show(lt);
    if levels.is_empty() {
        return;
    }
    d.heading(1, &format!("Appendix 1: {FACTORS_HEADING}"));
    d.text("What influenced how people saw the situation and acted at the time, by level of the system from the frontline outwards.");
    for (level, shown) in levels {
        d.heading(2, level.label());
        d.bullets_or(
            shown.into_iter().map(|(text, same)| {
                let mut categories: Vec<&str> = Vec::new();
                let mut episodes: Vec<&str> = Vec::new();
                for f in &same {
                    if !categories.contains(&f.category.label()) {
                        categories.push(f.category.label());
                    }
                    for e in lt.episodes_of(f.id) {
                        let name = without_closing_stop(&e.episode);
                        if !name.is_empty() && !episodes.contains(&name) {
                            episodes.push(name);
                        }
                    }
                }
                let mut spans = vec![Span::plain(text), Span::quiet(format!(" ({})", categories.join("; ")))];
                if !episodes.is_empty() {
                    spans.push(Span::plain(format!(" Helps to explain: {}.", episodes.join("; "))));
                }
                spans
            }),
            NONE_RECORDED,
        );
    }
}

fn findings(d: &mut WordDocument, lt: &LearningTogether) {
    if lt.findings.is_empty() {
        return;
    }
    d.heading(1, FINDINGS_HEADING);
    d.text(&format!(
        "Each finding is tagged with one or more types of underlying pattern from SCIE\u{2019}s typology: \
         \u{201c}{TYPOLOGY_DESCRIPTION}\u{201d}."
    ));
    for (i, f) in lt.findings.iter().enumerate() {
        finding(d, i + 1, f, lt);
    }
}

/// One finding with its evidence: what it rests on, then each part written so far (a part
/// not written yet is left out of the report; the app lists it).
fn finding(d: &mut WordDocument, number: usize, f: &Finding, lt: &LearningTogether) {
    d.heading(2, &format!("Finding {number}: {}", f.statement.trim()));
    let patterns: Vec<&str> = f.pattern_types.iter().map(|p| p.label()).collect();
    let label = if patterns.len() == 1 { "Pattern type: " } else { "Pattern types: " };
    let tags = if patterns.is_empty() { Span::quiet(NOT_RECORDED) } else { Span::plain(patterns.join("; ")) };
    d.paragraph(vec![Span::bold(label), tags]);
    let basis = lt.finding_evidence(f.id);
    let factors: Vec<String> = basis.factors.iter().map(|t| without_closing_stop(&clean_factor_text(t)).to_string()).collect();
    for (label, items) in [
        ("Key practice episodes it rests on: ", &basis.episodes),
        ("Contributory factors it rests on: ", &factors),
        ("Documents it draws on: ", &basis.documents),
        ("From conversations with: ", &basis.conversations),
    ] {
        let items: Vec<&str> = items.iter().map(|i| without_closing_stop(i)).filter(|i| !i.is_empty()).collect();
        if !items.is_empty() {
            d.paragraph(vec![Span::bold(label), Span::plain(items.join("; "))]);
        }
    }
    for (heading, text) in [
        ("How it showed in this case", &f.how_it_showed_in_this_case),
        ("Evidence it is wider than this case", &f.evidence_it_is_wider),
        ("Why it matters", &f.why_it_matters),
    ] {
        if !is_blank(text) {
            d.heading(3, heading);
            paragraphs(d, text);
        }
    }
    let issues: Vec<Vec<Span>> = f.issues_for_the_board.iter().filter(|i| !is_blank(i)).map(|i| vec![Span::plain(i.trim())]).collect();
    if !issues.is_empty() {
        d.heading(3, "Issues for the board to consider");
        d.bullets_or(issues, NONE_RECORDED);
    }
}

/// The recommendations, numbered, and every finding's issues for the board in one place.
fn recommendations(d: &mut WordDocument, lt: &LearningTogether) {
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
    let issues: Vec<(usize, &Finding, Vec<&str>)> = lt
        .findings
        .iter()
        .enumerate()
        .map(|(n, f)| (n + 1, f, f.issues_for_the_board.iter().map(|i| i.trim()).filter(|i| !i.is_empty()).collect::<Vec<_>>()))
        .filter(|(_, _, i)| !i.is_empty())
        .collect();
    if items.is_empty() && issues.is_empty() {
        return;
    }
    d.heading(1, RECOMMENDATIONS_HEADING);
    if !items.is_empty() {
        d.heading(2, "Recommendations");
        d.numbered_list(items);
    }
    if !issues.is_empty() {
        d.heading(2, "Issues for the board, by finding");
        for (n, f, questions) in issues {
            d.bullet(0, vec![Span::bold(format!("Finding {n}: ")), Span::plain(without_closing_stop(&f.statement))]);
            for q in questions {
                d.bullet(1, vec![Span::plain(q)]);
            }
        }
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


