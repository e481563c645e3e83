//! The evidence of a Learning Together review: the documents register, the integrated
//! chronology and the citations, as a review team uses them, and two laptops working on
//! them at once.

use case_review_studio::model::date_or_period::DateOrPeriod;
use case_review_studio::model::evidence::{ChronologyOrigin, CitingKind};
use case_review_studio::model::learning_together::EditError;
use case_review_studio::model::pattern_type::PatternType;
use case_review_studio::model::{LearningTogether, Review, ReviewKind};
use case_review_studio::storage::bring_in::{decide, Outcome};
use case_review_studio::storage::file_format::{read_file_with_histories, FileReview};
use case_review_studio::storage::review_history::{Author, ReviewHistory};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use uuid::Uuid;

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, h, m, 0).unwrap()
}

fn on(m: u32, d: u32) -> DateOrPeriod {
    DateOrPeriod::on(NaiveDate::from_ymd_opt(2025, m, d).unwrap())
}

fn laptop(n: u8, label: &str) -> Author {
    Author::new([n; 16], [n; 8], label)
}

/// A review with three documents, a health visitor's conversation, two episodes and a finding.
struct Case {
    lt: LearningTogether,
    gp: u64,
    minutes: u64,
    school: u64,
    conversation: u64,
    first_episode: u64,
    second_episode: u64,
    finding: u64,
}

fn case() -> Case {
    let mut lt = LearningTogether::default();
    let gp = lt.add_document("GP records", "GP surgery", DateOrPeriod::during("2024 to 2025")).unwrap();
    let minutes = lt.add_document("Strategy discussion minutes", "Police", on(3, 12)).unwrap();
    let school = lt.add_document("Attendance records", "School", on(1, 31)).unwrap();
    let hv = lt.add_participant("Health visitor", "NHS trust");
    let conversation = lt.start_conversation(hv, NaiveDate::from_ymd_opt(2025, 9, 2)).unwrap();
    let first_episode = lt.add_episode("Referral to children's services", on(2, 1)).unwrap();
    let second_episode = lt.add_episode("Strategy discussion", on(3, 12)).unwrap();
    let finding = lt.add_finding("Health is not invited to strategy discussions", PatternType::ALL[0]).unwrap();
    Case { lt, gp, minutes, school, conversation, first_episode, second_episode, finding }
}

#[test]
fn the_chronology_reads_in_date_order_with_each_entrys_source() {
    let Case { mut lt, minutes, school, conversation, .. } = case();
    lt.add_chronology_entry("Strategy discussion held", "Police", on(3, 12), Some(minutes)).unwrap();
    lt.add_chronology_entry("Attendance falls below 80%", "School", on(1, 31), Some(school)).unwrap();
    lt.add_chronology_entry("Home visit, mother tired", "NHS trust", on(2, 20), Some(conversation)).unwrap();
    lt.add_chronology_entry("Move to the new flat", "Housing", DateOrPeriod::during("spring 2025"), None).unwrap();
    lt.add_turning_point(conversation, "I asked to be invited and was not", on(3, 13)).unwrap();
    lt.add_turning_point(conversation, "Some time that year", DateOrPeriod::default()).unwrap();
    assert_eq!(lt.add_chronology_entry("x", "y", on(1, 1), Some(9999)), Err(EditError::NotASource));
    assert_eq!(lt.add_chronology_entry(" ", "y", on(1, 1), None), Err(EditError::BlankText));

    let rows = lt.chronology();
    let what: Vec<&str> = rows.iter().map(|r| r.what_happened.as_str()).collect();
    assert_eq!(
        what,
        [
            "Attendance falls below 80%",
            "Home visit, mother tired",
            "Strategy discussion held",
            "I asked to be invited and was not",
            "Move to the new flat"
        ]
    );
    assert_eq!(rows[0].source_label, "Attendance records (School, 31 January 2025)");
    assert_eq!(rows[1].source_label, "Conversation with Health visitor, NHS trust (2 September 2025)");
    assert!(rows[3].is_turning_point() && !rows[2].is_turning_point());
    assert!(matches!(rows[3].origin, ChronologyOrigin::TurningPoint { conversation: c, .. } if c == conversation));
    assert_eq!(rows[3].agency, "NHS trust");
    assert_eq!(rows[4].source_label, "");
    assert_eq!(lt.chronology_agencies(), ["School", "NHS trust", "Police", "Housing"]);
    assert_eq!(lt.chronology_entries_from(minutes), 1);
}

#[test]
fn a_findings_evidence_can_be_followed_to_its_sources_and_back() {
    let Case { mut lt, gp, minutes, school, conversation, first_episode, second_episode, finding } = case();
    lt.cite(second_episode, minutes).unwrap();
    lt.cite(second_episode, conversation).unwrap();
    lt.cite(finding, gp).unwrap();
    lt.rest_finding_on_episode(finding, second_episode, true).unwrap();
    let event = lt.add_event("Strategy discussion without health", on(3, 12)).unwrap();
    lt.cite(event, minutes).unwrap();

    let evidence = lt.finding_evidence(finding);
    assert_eq!(evidence.episodes, ["Episode 2: Strategy discussion"]);
    assert_eq!(evidence.documents, ["GP records (GP surgery, 2024 to 2025)", "Strategy discussion minutes (Police, 12 March 2025)"]);
    assert_eq!(evidence.conversations, ["Health visitor, NHS trust"]);

    let cited_by: Vec<String> = lt.cited_by(minutes).iter().map(|c| c.label()).collect();
    assert_eq!(cited_by, ["Narrative event 1", "Episode 2"]);
    assert_eq!(lt.cited_by(gp).iter().map(|c| c.kind).collect::<Vec<_>>(), [CitingKind::Finding]);
    assert!(lt.cited_by(school).is_empty() && !lt.document_is_used(school));
    assert!(lt.cited_by(first_episode).is_empty());
    // An episode drawn from a turning point cites its conversation without being asked to.
    let tp = lt.add_turning_point(conversation, "Referral made", on(2, 1)).unwrap();
    let third = lt.promote_turning_point(conversation, tp).unwrap();
    assert!(lt.cites(third, conversation));
    assert_eq!(lt.sources_of(third), [conversation]);
    // Taking a citation back is one click, whichever way it was made.
    assert!(lt.uncite(third, conversation));
    assert!(!lt.cites(third, conversation));
    assert!(!lt.uncite(third, conversation));
    assert!(lt.citations_are_consistent());
}

#[test]
fn removing_a_document_or_an_item_takes_its_citations_with_it() {
    let Case { mut lt, minutes, conversation, second_episode, finding, .. } = case();
    lt.cite(second_episode, minutes).unwrap();
    lt.cite(finding, minutes).unwrap();
    let entry = lt.add_chronology_entry("Strategy discussion held", "Police", on(3, 12), Some(minutes)).unwrap();
    assert!(lt.document_is_used(minutes));
    assert!(lt.remove_finding(finding));
    assert_eq!(lt.cited_by(minutes).len(), 1);
    assert!(lt.remove_document(minutes));
    assert!(lt.citations.is_empty());
    assert_eq!(lt.chronology_entry(entry).unwrap().source, None, "the entry stays, without a source");
    lt.cite(second_episode, conversation).unwrap();
    assert!(lt.remove_episode(second_episode));
    assert!(lt.citations.is_empty());
    // Ids stay unique across kinds, documents and entries included.
    let next = lt.add_document("New", "", DateOrPeriod::default()).unwrap();
    assert!(next > entry);
}

#[test]
fn two_laptops_citing_different_things_at_once_both_keep_their_citations() {
    let (a, b) = (laptop(1, "Lead reviewer, laptop 1"), laptop(2, "Reviewer, laptop 2"));
    let mut start = Review::new(Uuid::from_u128(41), ReviewKind::LearningTogether, at(9, 0));
    start.use_id_block(a.id_block());
    let mut ids = (0, 0, 0, 0);
    start.edit_learning_together(at(9, 1), |lt| {
        let doc = lt.add_document("GP records", "GP surgery", DateOrPeriod::default()).unwrap();
        let p = lt.add_participant("Teacher", "School");
        let c = lt.start_conversation(p, None).unwrap();
        let e = lt.add_episode("Strategy discussion", DateOrPeriod::default()).unwrap();
        let f = lt.add_finding("Caseloads", PatternType::ALL[0]).unwrap();
        ids = (doc, c, e, f);
    });
    let (doc, conv, episode, finding) = ids;
    let mut ha = ReviewHistory::begin(&start, &a).unwrap();
    let mut hb = ha.clone();

    let mut ra = ha.review().unwrap();
    ra.use_id_block(a.id_block());
    ra.edit_learning_together(at(10, 0), |lt| {
        lt.cite(episode, doc).unwrap();
        lt.add_chronology_entry("Referral", "School", DateOrPeriod::default(), Some(conv)).unwrap();
    });
    ha.record(&ra, &a).unwrap();
    let mut rb = hb.review().unwrap();
    rb.use_id_block(b.id_block());
    rb.edit_learning_together(at(10, 5), |lt| {
        lt.cite(finding, conv).unwrap();
        lt.cite(finding, doc).unwrap();
        lt.add_document("Minutes", "Police", DateOrPeriod::default()).unwrap();
    });
    hb.record(&rb, &b).unwrap();

    let file = FileReview { review: rb.clone(), history: Some(hb.clone().to_bytes()) };
    let Outcome::Merged { review, summary, .. } = decide(Some((ra.clone(), ha.clone())), &file, &a).unwrap() else {
        panic!("expected a merge")
    };
    let lt = review.learning_together().unwrap();
    assert!(lt.cites(episode, doc) && lt.cites(finding, conv) && lt.cites(finding, doc), "{:?}", lt.citations);
    assert_eq!(lt.documents.len(), 2);
    assert_eq!(lt.chronology_entries.len(), 1);
    assert_eq!(lt.cited_by(doc).len(), 2);
    // The citations came in from the file: never offered as a choice between two versions.
    assert!(summary.both.iter().all(|p| !p.place.label.contains("Citations")), "{:?}", summary.both);
    assert!(summary.added.iter().any(|p| p.label.contains("Minutes")), "{:?}", summary.added);
    ha.merge(&mut hb).unwrap();
    assert_eq!(ha.review().unwrap().learning_together().unwrap().citations, lt.citations);
}

#[test]
fn a_history_written_before_the_register_existed_opens_the_same_way_everywhere_and_takes_documents() {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/format-v3.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let reviews = read_file_with_histories(&text).unwrap();
    let frozen = &reviews[1];
    let mut one = ReviewHistory::from_bytes(frozen.history.as_ref().unwrap(), frozen.review.id).unwrap();
    let mut two = ReviewHistory::from_bytes(frozen.history.as_ref().unwrap(), frozen.review.id).unwrap();
    assert_eq!(one.heads(), two.heads());
    let (a, b) = (laptop(1, "A"), laptop(2, "B"));
    let mut ra = one.review().unwrap();
    ra.use_id_block(a.id_block());
    ra.edit_learning_together(at(13, 0), |lt| {
        lt.add_document("From laptop A", "", DateOrPeriod::default()).unwrap();
    });
    one.record(&ra, &a).unwrap();
    let mut rb = two.review().unwrap();
    rb.use_id_block(b.id_block());
    rb.edit_learning_together(at(13, 1), |lt| {
        lt.add_document("From laptop B", "", DateOrPeriod::default()).unwrap();
    });
    two.record(&rb, &b).unwrap();
    one.merge(&mut two).unwrap();
    let merged = one.review().unwrap();
    let titles: Vec<&str> = merged.learning_together().unwrap().documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
}

#[test]
fn the_report_names_a_findings_documents_and_sets_out_the_register_as_an_appendix() {
    use case_review_studio::export::docx::learning_together_report::{learning_together_report, DOCUMENTS_APPENDIX_TITLE};
    let mut review = Review::new(Uuid::from_u128(42), ReviewKind::LearningTogether, at(9, 0));
    let empty = learning_together_report(&review, None).unwrap();
    assert!(!empty.outline().iter().any(|(_, h)| h == DOCUMENTS_APPENDIX_TITLE), "no register, no appendix");
    review.edit_learning_together(at(9, 1), |lt| {
        *lt = case().lt;
        let (minutes, finding, episode) = (lt.documents[1].id, lt.findings[0].id, lt.episodes[1].id);
        let conversation = lt.conversations[0].id;
        lt.cite(finding, minutes).unwrap();
        lt.cite(episode, conversation).unwrap();
        lt.rest_finding_on_episode(finding, episode, true).unwrap();
        lt.set_document_why_chosen(minutes, "The only record of who was invited").unwrap();
    });
    let report = learning_together_report(&review, None).unwrap();
    let outline = report.outline();
    assert_eq!(outline.iter().filter(|(level, _)| *level == 1).last().unwrap().1, DOCUMENTS_APPENDIX_TITLE);
    let text = report.plain_text();
    assert!(text.contains(&"Documents it draws on: Strategy discussion minutes (Police, 12 March 2025)".to_string()), "{text:?}");
    assert!(text.contains(&"From conversations with: Health visitor, NHS trust".to_string()), "{text:?}");
    let appendix = &text[text.iter().position(|t| t == DOCUMENTS_APPENDIX_TITLE).unwrap()..];
    for expected in ["Document", "Cited by", "GP records", "2024 to 2025", "The only record of who was invited", "Finding 1", "Not cited"] {
        assert!(appendix.iter().any(|t| t == expected), "{expected} in {appendix:?}");
    }
    // The episodes table names the conversation the episode cites.
    let kpe = &text[text.iter().position(|t| t == "Source conversations").unwrap()..];
    assert!(kpe.iter().any(|t| t == "Health visitor, NHS trust"));
}
