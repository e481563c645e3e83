//! The published report is the Learning Together review as a safeguarding partnership
//! publishes it: a summary; the terms of reference (what the review set out to find out);
//! the methodology (the method, the review team, who took part by role and agency, how the
//! conversations were held); a summary of the case, the family under its pseudonym; the
//! narrative, the key practice episodes and the contributory factors; the findings with
//! their evidence; the recommendations and the issues for the board; and acknowledgements.
//! The review team writes the summary, methodology, case summary and acknowledgements
//! itself ([`ReportText`]); the methodology can start from a text built from the review's
//! own details, which the team then edits. A part with nothing in it yet is left out of
//! the report; the app lists those parts before the report is shared. Internal working
//! records (the stages, the participants' journey) are never in it.

use super::conversation_notes::is_preparation_mark;
use super::letters::family_phrase;
use super::learning_together::{EditError, ItemId, LearningTogether};

/// A part of the report the review team writes in its own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportText {
    Summary,
    /// Kept as the review's `scope` ("What this review is for"): the same words.
    TermsOfReference,
    Methodology,
    CaseSummary,
    Acknowledgements,
}

impl ReportText {
    /// In the report's order.
    pub const ALL: [ReportText; 5] = [
        ReportText::Summary,
        ReportText::TermsOfReference,
        ReportText::Methodology,
        ReportText::CaseSummary,
        ReportText::Acknowledgements,
    ];

    /// Its heading in the report.
    pub fn heading(self) -> &'static str {
        match self {
            ReportText::Summary => "Summary",
            ReportText::TermsOfReference => "Terms of reference",
            ReportText::Methodology => "Methodology",
            ReportText::CaseSummary => "Case summary",
            ReportText::Acknowledgements => "Acknowledgements",
        }
    }

    /// What the review team is asked to write, under the text box.
    pub fn prompt(self) -> &'static str {
        match self {
            ReportText::Summary => {
                "A short account for the board and the public: why the review was held, what it looked at, \
                 and its main findings in a sentence or two each."
            }
            ReportText::TermsOfReference => {
                "What the review set out to find out: the period it covers, the agencies, and the questions it \
                 asked. Written under Case and people, as \u{201c}What this review is for\u{201d}."
            }
            ReportText::Methodology => {
                "How the review was done: the method, the review team, who took part (by role and agency), and how \
                 the conversations were held (in person, by video). Start from the review\u{2019}s own details and edit."
            }
            ReportText::CaseSummary => {
                "The case in brief, for readers who do not know it: the family by its pseudonym, the children\u{2019}s \
                 ages rather than dates of birth, no names of people or places."
            }
            ReportText::Acknowledgements => {
                "Thanks to the family members and professionals who took part, by role, never by name."
            }
        }
    }

    /// Names the text box within the review, for remembering dismissed hints. The terms of
    /// reference share the key of the scope they are.
    pub fn field_key(self) -> &'static str {
        match self {
            ReportText::Summary => "report summary",
            ReportText::TermsOfReference => "scope",
            ReportText::Methodology => "report methodology",
            ReportText::CaseSummary => "report case summary",
            ReportText::Acknowledgements => "report acknowledgements",
        }
    }
}

/// A part of the report that has nothing in it yet, so the report leaves it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmptyReportPart {
    /// Its heading in the report.
    pub heading: &'static str,
    /// Where in the review it is written ("write it below", "under Findings").
    pub written_where: &'static str,
}

impl ReportText {
    /// Where in the review the team writes it: the Report area, or (the terms of
    /// reference) the case's "What this review is for".
    pub fn written_where(self) -> &'static str {
        match self {
            ReportText::TermsOfReference => "under Case and people: \u{201c}What this review is for\u{201d}",
            _ => "write it below",
        }
    }
}

// The report's own texts, and the family's view of an event.
impl LearningTogether {
    /// The text of a part of the report, as typed.
    pub fn report_text(&self, part: ReportText) -> &str {
        match part {
            ReportText::Summary => &self.summary,
            ReportText::TermsOfReference => &self.scope,
            ReportText::Methodology => &self.methodology,
            ReportText::CaseSummary => &self.case_summary,
            ReportText::Acknowledgements => &self.acknowledgements,
        }
    }

    /// Sets the text of a part of the report, kept as typed (it is written live).
    pub fn set_report_text(&mut self, part: ReportText, text: &str) {
        let slot = match part {
            ReportText::Summary => &mut self.summary,
            ReportText::TermsOfReference => &mut self.scope,
            ReportText::Methodology => &mut self.methodology,
            ReportText::CaseSummary => &mut self.case_summary,
            ReportText::Acknowledgements => &mut self.acknowledgements,
        };
        if slot != text {
            *slot = text.to_string();
        }
    }

    /// Writes the methodology's starting text ([`methodology_starting_text`]) when the
    /// methodology is blank, and says whether it did: what the team has written is never
    /// replaced (ask, then use [`LearningTogether::replace_methodology_with_starting_text`]).
    pub fn start_methodology_from_details(&mut self) -> bool {
        if !self.methodology.trim().is_empty() {
            return false;
        }
        self.methodology = methodology_starting_text(self);
        true
    }

    /// Replaces the methodology with its starting text, once the team has agreed to lose
    /// what is written.
    pub fn replace_methodology_with_starting_text(&mut self) {
        self.methodology = methodology_starting_text(self);
    }

    /// Records how the family saw an event in the narrative (kept as typed; blank removes it).
    pub fn set_family_view(&mut self, event: ItemId, view: &str) -> Result<(), EditError> {
        self.event_mut(event).ok_or(EditError::NoSuchEvent)?.set_family_view(view);
        Ok(())
    }

    /// How the family saw an event, if recorded.
    pub fn family_view(&self, event: ItemId) -> Option<&str> {
        self.narrative_events.iter().find(|e| e.id == event).and_then(|e| e.family_view())
    }

    /// How the family is named in the report's words: "the Green family", or "the family"
    /// when no pseudonym is recorded.
    pub fn family_in_words(&self) -> String {
        let phrase = family_phrase(&self.family_pseudonym);
        if phrase.is_empty() {
            "the family".to_string()
        } else {
            phrase
        }
    }

    /// The parts of the report with nothing in them yet, in the report's order: the report
    /// leaves them out, and the Report screen lists them before it is shared.
    pub fn empty_report_parts(&self) -> Vec<EmptyReportPart> {
        let written = |t: ReportText| EmptyReportPart { heading: t.heading(), written_where: t.written_where() };
        let elsewhere = |heading, written_where| EmptyReportPart { heading, written_where };
        let blank = |t: ReportText| self.report_text(t).trim().is_empty();
        let mut out = Vec::new();
        for t in [ReportText::Summary, ReportText::TermsOfReference] {
            if blank(t) {
                out.push(written(t));
            }
        }
        // The methodology always has the review team and who took part, when recorded.
        if blank(ReportText::Methodology) {
            out.push(written(ReportText::Methodology));
        }
        if blank(ReportText::CaseSummary) {
            out.push(written(ReportText::CaseSummary));
        }
        if self.narrative_events.is_empty() {
            out.push(elsewhere(NARRATIVE_HEADING, "add events under Narrative"));
        }
        if self.episodes.is_empty() {
            out.push(elsewhere(EPISODES_HEADING, "under Key practice episodes"));
        }
        if self.factors.iter().all(|f| clean_factor_text(&f.text).is_empty()) {
            out.push(elsewhere(FACTORS_HEADING, "under Contributory factors"));
        }
        if self.findings.is_empty() {
            out.push(elsewhere(FINDINGS_HEADING, "under Findings"));
        }
        if self.recommendations.iter().all(|r| r.text.trim().is_empty())
            && self.findings.iter().all(|f| f.issues_for_the_board.iter().all(|i| i.trim().is_empty()))
        {
            out.push(elsewhere(RECOMMENDATIONS_HEADING, "under Recommendations, and each finding\u{2019}s issues for the board"));
        }
        if blank(ReportText::Acknowledgements) {
            out.push(written(ReportText::Acknowledgements));
        }
        out
    }
}

/// The report's headings for the parts filled elsewhere in the review.
pub const NARRATIVE_HEADING: &str = "Narrative of multi-agency perspectives";
pub const EPISODES_HEADING: &str = "Key practice episodes";
pub const FACTORS_HEADING: &str = "Contributory factors";
pub const FINDINGS_HEADING: &str = "Findings";
pub const RECOMMENDATIONS_HEADING: &str = "Recommendations and issues for the board";

/// SCIE's words on why the model speaks of conversations, quoted in the methodology.
pub const CONVERSATIONS_NOT_INTERVIEWS: &str = "\u{2018}Conversations\u{2019} describes these meetings better than \u{2018}interviews\u{2019}.";

/// SCIE's words on the attitude the model asks of reviewers, quoted in the methodology.
pub const RESPECTFUL_ATTITUDE: &str = "A respectful attitude towards practice is fundamental to the systems approach.";

/// The guide the method and its quotations come from.
pub const METHOD_SOURCE: &str = "SCIE, Learning together to safeguard children: developing a multi-agency systems \
     approach for case reviews";

/// A starting text for the methodology, built only from what the review records: the
/// method (SCIE's words quoted and credited), the review team by role, who took part by role
/// and agency (family members by number, never by name), the conversations held and when,
/// what the analysis produced, and the drafts shared for comment. The team edits it; nothing
/// is said that the review does not record.
pub fn methodology_starting_text(lt: &LearningTogether) -> String {
    let mut paragraphs = Vec::new();
    paragraphs.push(format!(
        "This review used Learning Together, the Social Care Institute for Excellence\u{2019}s (SCIE) systems \
         model for case reviews ({METHOD_SOURCE}). It looks at what happened, why it made sense to the people \
         involved at the time, and the patterns in the wider system that make good practice easier or problematic \
         practice more likely. As the guide puts it: \u{201c}{RESPECTFUL_ATTITUDE}\u{201d}"
    ));
    let team = lt.review_team.iter().any(|m| !m.role.trim().is_empty());
    let professionals = lt.participants.iter().filter(|p| !p.is_family_member).count();
    let family = lt.participants.iter().filter(|p| p.is_family_member).count();
    let mut took_part = Vec::new();
    if professionals > 0 {
        took_part.push(count(professionals, "professional", "professionals"));
    }
    if family > 0 {
        took_part.push(format!("{} of {}", count(family, "member", "members"), lt.family_in_words()));
    }
    let listed = match (team, took_part.is_empty()) {
        (true, false) => "The review team and those who took part are listed below",
        (true, true) => "The review team is listed below by role.",
        (false, false) => "They are listed below",
        (false, true) => "",
    };
    let family_by = match family {
        0 => "",
        1 => ", and the family member by a pseudonym",
        _ => ", and family members by pseudonyms",
    };
    if !took_part.is_empty() {
        paragraphs.push(format!(
            "Taking part were {}. {listed}, professionals by their role and agency only, never by name{family_by}.",
            join_words(&took_part.iter().map(String::as_str).collect::<Vec<_>>())
        ));
    } else if team {
        paragraphs.push(listed.to_string());
    }
    let held: Vec<chrono::NaiveDate> = lt.conversations.iter().filter_map(|c| c.date).collect();
    let conversations = lt.conversations.len();
    if conversations > 0 {
        let when = match (held.iter().min(), held.iter().max()) {
            (Some(first), Some(last)) if month_year(*first) == month_year(*last) => format!(" in {}", month_year(*first)),
            (Some(first), Some(last)) => format!(" between {} and {}", month_year(*first), month_year(*last)),
            _ => String::new(),
        };
        paragraphs.push(format!(
            "The review team held {} with the people who took part{when}, following SCIE\u{2019}s conversation \
             structure (Appendix 3 of the guide). The guide explains the word: \u{201c}{CONVERSATIONS_NOT_INTERVIEWS}\u{201d}",
            count(conversations, "one-to-one conversation", "one-to-one conversations"),
        ));
    }
    let mut produced = Vec::new();
    if !lt.narrative_events.is_empty() {
        produced.push(format!("a narrative of multi-agency perspectives ({})", count(lt.narrative_events.len(), "event", "events")));
    }
    if !lt.episodes.is_empty() {
        let theirs = if lt.episodes.len() == 1 { "its" } else { "their" };
        produced.push(format!("{} with {theirs} contributory factors", count(lt.episodes.len(), "key practice episode", "key practice episodes")));
    }
    if !lt.findings.is_empty() {
        let tagged = if lt.findings.len() == 1 { "tagged" } else { "each tagged" };
        produced.push(format!(
            "{} about the wider system, {tagged} with SCIE\u{2019}s typology of underlying patterns (Appendix 6)",
            count(lt.findings.len(), "finding", "findings")
        ));
    }
    if !produced.is_empty() {
        let from = if conversations > 0 { "From the conversations the review team drew" } else { "The review team drew" };
        paragraphs.push(format!("{from} {}.", join_words(&produced.iter().map(String::as_str).collect::<Vec<_>>())));
    }
    let shared = lt.participants.iter().filter(|p| p.draft_shared.is_some()).count();
    if shared > 0 {
        paragraphs.push(format!(
            "A draft was shared with {} for their comments.",
            count(shared, "participant", "participants")
        ));
    }
    paragraphs.join("\n\n")
}

/// "1 finding", "3 findings".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "a", "a and b", "a, b and c".
fn join_words(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn month_year(d: chrono::NaiveDate) -> String {
    d.format("%B %Y").to_string()
}

/// A contributory factor's words as clean text for the report: the lines marking added
/// preparations left out, lines and sentences joined into one paragraph, each sentence
/// once (ignoring case and spacing), without doubled or stray punctuation (".;", "..",
/// "; ."), each sentence starting with a capital and the whole ending with a full stop.
/// Blank when nothing but marks and spaces is left.
pub fn clean_factor_text(text: &str) -> String {
    let mut seen: Vec<String> = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !is_preparation_mark(l)) {
        // A bullet or dash someone typed at the start of a line is not part of the words.
        let line = line.trim_start_matches(['-', '*', '\u{2022}', '\u{2013}']).trim();
        for piece in split_sentences(line) {
            let words = piece.trim().trim_end_matches(['.', ';', ',', ':', ' ']).trim().to_string();
            if words.is_empty() {
                continue;
            }
            let key = words.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let end = if piece.trim_end().ends_with(['?', '!']) { "" } else { "." };
            sentences.push(format!("{}{end}", capitalised(&words.split_whitespace().collect::<Vec<_>>().join(" "))));
        }
    }
    sentences.join(" ")
}

/// The sentences of a line: split after ".", "?", "!" or ";" followed by a space, keeping
/// the mark with its sentence.
fn split_sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next_is_space = chars.get(i + 1).is_none_or(|(_, n)| n.is_whitespace());
        if matches!(c, '.' | '?' | '!' | ';') && next_is_space {
            let end = at + c.len_utf8();
            out.push(&line[start..end]);
            start = end;
        }
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A heading or name as it reads inside a sentence or a list: without the full stop or
/// semicolon it may end with (so "Episode A." joined to "Episode B" does not read ".;").
pub fn without_closing_stop(text: &str) -> &str {
    text.trim().trim_end_matches(['.', ';', ',', ':']).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::conversation_guide::FactorCategory;
    use crate::model::date_or_period::DateOrPeriod;

    #[test]
    fn a_factor_reads_as_clean_sentences_without_marks_joins_or_repeats() {
        let raw = "Two vacancies in the team.\n\nFrom the practitioner\u{2019}s preparation:\nI covered two caseloads.;\n\
                   From the preparation of HV, NHS trust, file of 2 Dec 2026:\ntwo vacancies in the team\n- no cover for leave;";
        assert_eq!(clean_factor_text(raw), "Two vacancies in the team. I covered two caseloads. No cover for leave.");
        assert_eq!(clean_factor_text("Was anyone told?"), "Was anyone told?");
        assert_eq!(clean_factor_text("From the practitioner\u{2019}s preparation:\n  "), "");
        assert_eq!(clean_factor_text("caseload of 30.. ; high"), "Caseload of 30. High.");
    }

    #[test]
    fn the_report_texts_are_set_as_typed_and_terms_of_reference_are_the_scope() {
        let mut lt = LearningTogether::default();
        lt.set_report_text(ReportText::Summary, "A short summary ");
        lt.set_report_text(ReportText::TermsOfReference, "The year before the referral");
        assert_eq!(lt.summary, "A short summary ");
        assert_eq!(lt.scope, "The year before the referral");
        for t in ReportText::ALL {
            lt.set_report_text(t, &format!("{} text", t.heading()));
            assert_eq!(lt.report_text(t), format!("{} text", t.heading()));
        }
    }

    #[test]
    fn the_starting_methodology_says_only_what_the_review_records_and_never_overwrites() {
        let mut lt = LearningTogether::default();
        let bare = methodology_starting_text(&lt);
        assert!(bare.contains("Learning Together"));
        assert!(bare.contains(RESPECTFUL_ATTITUDE), "SCIE's words, as they are");
        assert!(!bare.contains("listed below") && !bare.contains("conversation"), "{bare}");

        lt.family_pseudonym = "the Green family".into();
        lt.add_team_member("Lead reviewer (independent)").unwrap();
        lt.add_team_member("Designated nurse").unwrap();
        let sw = lt.add_participant("Social worker", "Children\u{2019}s services");
        lt.add_participant("Health visitor", "NHS trust");
        lt.add_family_member("Mother", "Kerry");
        lt.start_conversation(sw, chrono::NaiveDate::from_ymd_opt(2026, 3, 4)).unwrap();
        let ev = lt.add_event("The move", DateOrPeriod::default()).unwrap();
        lt.set_family_view(ev, "We were not asked").unwrap();
        lt.add_factor(FactorCategory::Family, "Fear").unwrap();
        let text = methodology_starting_text(&lt);
        assert!(text.contains(
            "Taking part were 2 professionals and 1 member of the Green family. The review team and those who took part are \
             listed below, professionals by their role and agency only, never by name, and the family member by a pseudonym."
        ), "{text}");
        assert!(text.contains("From the conversations the review team drew a narrative"), "{text}");
        assert!(!text.contains("Kerry"), "family members are counted, not named");
        assert!(text.contains("1 one-to-one conversation with the people who took part in March 2026"), "{text}");
        assert!(text.contains(CONVERSATIONS_NOT_INTERVIEWS));
        assert!(text.contains("a narrative of multi-agency perspectives (1 event)"), "{text}");

        assert!(lt.start_methodology_from_details());
        lt.set_report_text(ReportText::Methodology, "Our own words");
        assert!(!lt.start_methodology_from_details(), "what was typed is kept");
        assert_eq!(lt.methodology, "Our own words");
        lt.replace_methodology_with_starting_text();
        assert_eq!(lt.methodology, text);
    }

    #[test]
    fn the_empty_parts_of_the_report_are_listed_in_order() {
        let mut lt = LearningTogether::default();
        let headings = |lt: &LearningTogether| lt.empty_report_parts().into_iter().map(|p| p.heading).collect::<Vec<_>>();
        assert_eq!(
            headings(&lt),
            [
                "Summary",
                "Terms of reference",
                "Methodology",
                "Case summary",
                NARRATIVE_HEADING,
                EPISODES_HEADING,
                FACTORS_HEADING,
                FINDINGS_HEADING,
                RECOMMENDATIONS_HEADING,
                "Acknowledgements"
            ]
        );
        lt.set_report_text(ReportText::Summary, "Written");
        lt.set_report_text(ReportText::Acknowledgements, "Thanks");
        lt.add_factor(FactorCategory::Family, "From the practitioner\u{2019}s preparation:").unwrap();
        let left = headings(&lt);
        assert!(!left.contains(&"Summary") && !left.contains(&"Acknowledgements"));
        assert!(left.contains(&FACTORS_HEADING), "a factor with no words left is still empty");
    }

    #[test]
    fn the_report_texts_are_checked_before_sharing_and_anonymised() {
        use crate::model::anonymise::{anonymise, Replacement};
        use crate::model::share_check::open_suggestions;
        use crate::model::{Review, ReviewKind};
        use chrono::{TimeZone, Utc};
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mut r = Review::new(uuid::Uuid::from_u128(1), ReviewKind::LearningTogether, at);
        r.edit_learning_together(at, |lt| {
            lt.set_report_text(ReportText::CaseSummary, "The family moved to Leeds");
            let e = lt.add_event("A move", DateOrPeriod::default()).unwrap();
            lt.set_family_view(e, "Kerry felt alone").unwrap();
        });
        let open: Vec<(&str, String)> = open_suggestions(&r).into_iter().map(|o| (o.place, o.words)).collect();
        assert!(open.contains(&("Report", "Leeds".to_string())), "{open:?}");
        let list = [Replacement::new("Kerry", "Parent A")];
        let copy = anonymise(&r, &list, uuid::Uuid::from_u128(2)).review;
        let lt = copy.learning_together().unwrap();
        assert_eq!(lt.narrative_events[0].family_view(), Some("Parent A felt alone"), "the family's view, its key kept");
    }

    #[test]
    fn the_family_is_named_in_words_whatever_the_pseudonym() {
        let mut lt = LearningTogether::default();
        assert_eq!(lt.family_in_words(), "the family");
        lt.family_pseudonym = "Family K".into();
        assert_eq!(lt.family_in_words(), "the K family");
        assert_eq!(without_closing_stop("Episode A. "), "Episode A");
    }
}
