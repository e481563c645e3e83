//! Review histories: copies of a review from several laptops merge without loss, a review
//! saved before histories existed is brought over the same way everywhere, and each save
//! records who made it.

use case_review_studio::model::{Review, ReviewKind};
use case_review_studio::storage::file_format::read_file;
use case_review_studio::storage::review_history::{tidy_merged, Author, ReviewHistory, BROUGHT_OVER};
use chrono::{DateTime, TimeZone, Utc};
use uuid::Uuid;

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, h, m, 0).unwrap()
}

fn laptop(n: u8, label: &str) -> Author {
    Author::new([n; 16], [n; 8], label)
}

fn fixture(version: u32) -> Vec<Review> {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/format-v{version}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    read_file(&text).unwrap()
}

#[test]
fn every_frozen_fixture_review_comes_back_unchanged_from_its_history() {
    for version in [1, 2] {
        for review in fixture(version) {
            let history = ReviewHistory::bring_over(&review).unwrap();
            assert_eq!(history.review().unwrap(), review, "fixture v{version} review {}", review.title);
        }
    }
}

#[test]
fn the_same_review_is_brought_over_to_the_same_history_on_every_laptop() {
    let review = fixture(2).remove(0);
    let mut a = ReviewHistory::bring_over(&review).unwrap();
    let mut b = ReviewHistory::bring_over(&review).unwrap();
    assert_eq!(a.heads(), b.heads());
    assert_eq!(a.entries().last().unwrap().by, BROUGHT_OVER);
}

#[test]
fn edits_to_different_parts_of_one_answer_both_survive_and_an_enum_is_never_spliced() {
    let mut review = Review::new(Uuid::from_u128(1), ReviewKind::CaseDiscussion, at(9, 0));
    review.edit_case_discussion(at(9, 1), |cd| cd.about_child = "J is three. J likes sand.".into());
    let a_author = laptop(1, "Lead reviewer, laptop 1");
    let b_author = laptop(2, "Reviewer, laptop 2");
    let mut a = ReviewHistory::begin(&review, &a_author).unwrap();
    let mut b = a.clone();
    let mut ra = a.review().unwrap();
    ra.edit_case_discussion(at(10, 0), |cd| cd.about_child = "J is three years old. J likes sand.".into());
    a.record(&ra, &a_author).unwrap();
    let mut rb = b.review().unwrap();
    rb.edit_case_discussion(at(10, 5), |cd| cd.about_child = "J is three. J likes sand and water.".into());
    b.record(&rb, &b_author).unwrap();
    a.merge(&mut b).unwrap();
    let merged = a.review().unwrap();
    assert_eq!(merged.case_discussion().unwrap().about_child, "J is three years old. J likes sand and water.");
    assert_eq!(merged.updated, at(10, 5));
    let labels: Vec<String> = a.entries().into_iter().map(|e| e.by).collect();
    assert!(labels.contains(&"Reviewer, laptop 2".to_string()), "{labels:?}");
    let _ = tidy_merged(&merged, a_author.id_block());
}

#[test]
fn each_change_says_what_it_did() {
    let mut review = Review::new(Uuid::from_u128(2), ReviewKind::CaseDiscussion, at(9, 0));
    let author = laptop(1, "Lead reviewer, laptop 1");
    let mut history = ReviewHistory::begin(&review, &author).unwrap();
    review.edit_case_discussion(at(9, 5), |cd| {
        cd.add_worry("Missed health appointments");
    });
    history.record(&review, &author).unwrap();
    review.edit_case_discussion(at(9, 6), |cd| cd.about_child = "J is three.".into());
    history.record(&review, &author).unwrap();
    let entries = history.entries();
    assert_eq!(history.what_changed(entries[0].hash).unwrap(), None, "the empty shape nobody typed");
    let worry = history.what_changed(entries[entries.len() - 2].hash).unwrap().unwrap();
    let labels: Vec<&str> = worry.added.iter().map(|p| p.label.as_str()).collect();
    assert!(labels.iter().any(|l| l.contains("Missed health appointments")), "{labels:?}");
    assert!(worry.changed.iter().all(|p| !p.label.contains("About child")), "{:?}", worry.changed);
    let about = history.what_changed(entries[entries.len() - 1].hash).unwrap().unwrap();
    assert!(about.added.is_empty() && about.removed.is_empty(), "{about:?}");
    assert!(about.changed.iter().any(|p| p.label.contains("About child")), "{:?}", about.changed);
}

// ---------------------------------------------------------------------------------------
// Files of format 3, and bringing a file in
// ---------------------------------------------------------------------------------------

use case_review_studio::model::key_practice_episode::Appraisal;
use case_review_studio::model::pattern_type::PatternType;
use case_review_studio::storage::bring_in::{decide, Outcome};
use case_review_studio::storage::file_format::{read_file_with_histories, write_file_with_histories, FileReview};

fn fixture_text(version: u32) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/format-v{version}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Writes `tests/fixtures/format-v3.json` (run once, by hand, when the format was made:
/// `cargo test --test review_history -- --ignored`); the file is then frozen.
#[test]
#[ignore]
fn write_the_frozen_version_3_fixture() {
    let mut out = Vec::new();
    for (n, review) in fixture(2).into_iter().enumerate() {
        let mut history = ReviewHistory::bring_over(&review).unwrap();
        if n == 1 {
            let b = laptop(2, "Reviewer, laptop 2");
            let mut r = history.review().unwrap();
            r.use_id_block(b.id_block());
            r.edit_learning_together(at(11, 0), |lt| {
                lt.scope.push_str(" Added on laptop 2.");
            });
            history.record(&r, &b).unwrap();
        }
        let review = history.review().unwrap();
        out.push((review, history.to_bytes()));
    }
    let with: Vec<_> = out.iter().map(|(r, h)| (r, Some(h.as_slice()))).collect();
    let text = write_file_with_histories(&with, Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap());
    std::fs::write(format!("{}/tests/fixtures/format-v3.json", env!("CARGO_MANIFEST_DIR")), text).unwrap();
}

#[test]
fn the_frozen_version_3_file_carries_each_reviews_history_and_they_agree() {
    let reviews = read_file_with_histories(&fixture_text(3)).unwrap();
    assert_eq!(reviews.len(), 2);
    for r in &reviews {
        let bytes = r.history.as_ref().expect("a version 3 file carries histories");
        let mut history = ReviewHistory::from_bytes(bytes, r.review.id).unwrap();
        assert_eq!(history.review().unwrap(), r.review);
        assert!(history.len() >= 2);
    }
    let lt = &reviews[1];
    let mut history = ReviewHistory::from_bytes(lt.history.as_ref().unwrap(), lt.review.id).unwrap();
    assert!(history.entries().iter().any(|e| e.by == "Reviewer, laptop 2"));
    assert!(lt.review.learning_together().unwrap().scope.ends_with("Added on laptop 2."));
}

#[test]
fn files_of_versions_1_and_2_come_in_without_history_and_are_brought_over() {
    for version in [1, 2] {
        for r in read_file_with_histories(&fixture_text(version)).unwrap() {
            assert!(r.history.is_none());
            match decide(None, &r, &laptop(1, "Laptop 1")).unwrap() {
                Outcome::New { review, mut history } => {
                    assert_eq!(review, r.review);
                    assert_eq!(history.entries().last().unwrap().by, BROUGHT_OVER);
                }
                other => panic!("expected a new review, got {other:?}"),
            }
        }
    }
}

#[test]
fn a_version_3_file_written_and_read_back_keeps_reviews_and_histories() {
    let review = fixture(2).remove(0);
    let mut history = ReviewHistory::bring_over(&review).unwrap();
    let bytes = history.to_bytes();
    let text = write_file_with_histories(&[(&review, Some(&bytes))], at(12, 0));
    let back = read_file_with_histories(&text).unwrap();
    assert_eq!(back, vec![FileReview { review, history: Some(bytes) }]);
    assert!(text.contains("\"version\": 3"));
}

/// The story of the issue: A exports; B imports it and works; meanwhile A works; A brings
/// in B's file. Then B's older file again changes nothing.
#[test]
fn the_review_team_story_ends_with_one_review_holding_everyones_work() {
    let a = laptop(1, "Lead reviewer, laptop 1");
    let b = laptop(2, "Reviewer, laptop 2");
    let mut start = fixture(2).remove(1);
    start.use_id_block(a.id_block());
    let (mut finding_id, mut episode_id) = (0, 0);
    start.edit_learning_together(at(9, 0), |lt| {
        finding_id = lt.add_finding("Pressure of caseloads", PatternType::ALL[0]).unwrap();
        episode_id = lt.add_episode("Strategy discussion", Default::default()).unwrap();
    });
    let mut ha = ReviewHistory::begin(&start, &a).unwrap();
    let exported = ha.clone();

    // Laptop B.
    let mut hb = exported.clone();
    let mut rb = hb.review().unwrap();
    rb.use_id_block(b.id_block());
    rb.edit_learning_together(at(10, 0), |lt| {
        let police = lt.add_participant("Police officer", "Police");
        let conv = lt.start_conversation(police, None).unwrap();
        lt.add_turning_point(conv, "Strategy call on Friday", Default::default()).unwrap();
        lt.appraise_episode(episode_id, Appraisal::Good).unwrap();
        lt.findings.iter_mut().find(|f| f.id == finding_id).unwrap().statement = "Laptop B's finding".into();
    });
    hb.record(&rb, &b).unwrap();

    // Laptop A meanwhile.
    let mut ra = ha.review().unwrap();
    ra.use_id_block(a.id_block());
    ra.edit_learning_together(at(10, 30), |lt| {
        let teacher = lt.add_participant("Class teacher", "School");
        lt.start_conversation(teacher, None).unwrap();
        lt.add_event("Home visit", Default::default()).unwrap();
        lt.findings.iter_mut().find(|f| f.id == finding_id).unwrap().statement = "Laptop A's finding".into();
    });
    ha.record(&ra, &a).unwrap();

    let mut hb_bytes = hb.clone();
    let file = FileReview { review: rb.clone(), history: Some(hb_bytes.to_bytes()) };
    let outcome = decide(Some((ra.clone(), ha.clone())), &file, &a).unwrap();
    let Outcome::Merged { review, mut history, summary } = outcome else { panic!("expected a merge") };
    let lt = review.learning_together().unwrap();
    let roles: Vec<&str> = lt.participants.iter().map(|p| p.role.as_str()).collect();
    assert!(roles.contains(&"Police officer") && roles.contains(&"Class teacher"), "{roles:?}");
    assert_eq!(lt.conversations.len(), start.learning_together().unwrap().conversations.len() + 2);
    assert!(lt.narrative_events.iter().any(|e| e.what_happened == "Home visit"));
    assert_eq!(lt.episode(episode_id).unwrap().appraisal, Appraisal::Good);
    assert!(!summary.added.is_empty());
    let both: Vec<&str> = summary.both.iter().map(|b| b.place.label.as_str()).collect();
    assert!(both.iter().any(|l| l.contains("Statement")), "{both:?}");
    let statement = summary.both.iter().find(|b| b.place.label.contains("Statement")).unwrap();
    assert_eq!(statement.ours, serde_json::json!("Laptop A's finding"));
    assert_eq!(statement.theirs, serde_json::json!("Laptop B's finding"));
    // Choosing this laptop's version puts it back.
    let chosen = case_review_studio::storage::merge_summary::with_value_at(&review, &statement.place.path, statement.ours.clone()).unwrap();
    assert_eq!(chosen.learning_together().unwrap().findings.iter().find(|f| f.id == finding_id).unwrap().statement, "Laptop A's finding");

    // B's file again, and the older export, change nothing.
    let again = decide(Some((review.clone(), history.clone())), &file, &a).unwrap();
    assert!(matches!(again, Outcome::NothingNew), "{again:?}");
    let mut old = exported.clone();
    let older = FileReview { review: old.review().unwrap(), history: Some(old.to_bytes()) };
    assert!(matches!(decide(Some((review.clone(), history.clone())), &older, &a).unwrap(), Outcome::NothingNew));
    // A file made from this copy and worked on since only adds.
    let mut later = history.clone();
    let mut rl = later.review().unwrap();
    rl.use_id_block(b.id_block());
    rl.edit_learning_together(at(12, 0), |lt| {
        lt.add_team_member("Independent reviewer").unwrap();
    });
    later.record(&rl, &b).unwrap();
    let additions = FileReview { review: rl.clone(), history: Some(later.to_bytes()) };
    match decide(Some((review, history.clone())), &additions, &a).unwrap() {
        Outcome::Additions { review, summary, .. } => {
            assert_eq!(review, rl);
            assert_eq!(summary.added.len(), 1, "{summary:?}");
            assert!(summary.both.is_empty());
        }
        other => panic!("expected additions, got {other:?}"),
    }
    assert!(history.entries().iter().any(|e| e.by == "Reviewer, laptop 2"));
}

#[test]
fn two_laptops_that_shared_a_review_before_histories_existed_still_merge_item_by_item() {
    let original = fixture(2).remove(1);
    let mut on_a = original.clone();
    on_a.edit_learning_together(at(9, 0), |lt| lt.scope.push_str(" A's note."));
    let mut on_b = original.clone();
    on_b.edit_learning_together(at(9, 5), |lt| {
        lt.add_team_member("Reviewer from health").unwrap();
    });
    // Each laptop brings over its own earlier save; then A brings in B's new file.
    let ha = ReviewHistory::bring_over(&on_a).unwrap();
    let mut hb = ReviewHistory::bring_over(&on_b).unwrap();
    let file = FileReview { review: on_b.clone(), history: Some(hb.to_bytes()) };
    let a = laptop(1, "Laptop 1");
    let Outcome::Merged { review, summary, .. } = decide(Some((on_a.clone(), ha)), &file, &a).unwrap() else { panic!("merge") };
    let lt = review.learning_together().unwrap();
    let ob = on_b.learning_together().unwrap();
    // Every item appears once, B's new one included.
    assert_eq!(lt.participants, ob.participants);
    assert_eq!(lt.review_team.len(), ob.review_team.len());
    assert!(lt.review_team.iter().any(|m| m.role == "Reviewer from health"));
    assert_eq!(lt.findings.len(), ob.findings.len());
    // The scope was written on both laptops since: both versions are offered.
    assert!(summary.both.iter().any(|b| b.place.label == "Scope"), "{:?}", summary.both);
}

#[test]
fn journey_and_stage_dates_join_a_history_written_before_they_existed_and_merge_from_two_laptops() {
    use case_review_studio::model::participant_journey::JourneyStep;
    use case_review_studio::model::review_stage::{ReviewStage, StageStatus};
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    let reviews = read_file_with_histories(&fixture_text(3)).unwrap();
    let frozen = &reviews[1];
    let mut history = ReviewHistory::from_bytes(frozen.history.as_ref().unwrap(), frozen.review.id).unwrap();
    let mut elsewhere = ReviewHistory::from_bytes(frozen.history.as_ref().unwrap(), frozen.review.id).unwrap();
    assert_eq!(history.heads(), elsewhere.heads(), "opening an older history makes room the same way everywhere");
    let opened = history.review().unwrap();
    let lt = opened.learning_together().unwrap();
    assert!(lt.stage_targets.is_empty() && lt.stages_completed.is_empty());
    assert!(lt.participants.iter().all(|p| lt.journey(p.id).is_some_and(|j| j.letter_sent.is_none() && j.draft_shared.is_none())));
    let (first, second) = (lt.participants[0].id, lt.participants[1].id);

    let (a, b) = (laptop(1, "Lead reviewer, laptop 1"), laptop(2, "Reviewer, laptop 2"));
    let mut ha = history.clone();
    let mut ra = ha.review().unwrap();
    ra.use_id_block(a.id_block());
    ra.edit_learning_together(at(13, 0), |lt| {
        lt.set_journey_date(first, JourneyStep::LetterSent, Some(day(1))).unwrap();
        lt.set_stage_target(ReviewStage::DataCollection, Some(day(20)));
        lt.set_stage_target(ReviewStage::Preparation, Some(day(4)));
    });
    ha.record(&ra, &a).unwrap();
    let mut hb = history.clone();
    let mut rb = hb.review().unwrap();
    rb.use_id_block(b.id_block());
    rb.edit_learning_together(at(13, 5), |lt| {
        lt.set_journey_date(first, JourneyStep::ConsentGiven, Some(day(2))).unwrap();
        lt.set_journey_date(second, JourneyStep::DraftShared, Some(day(9))).unwrap();
        lt.set_stage_status_on(ReviewStage::Preparation, StageStatus::Done, day(3));
    });
    hb.record(&rb, &b).unwrap();
    ha.merge(&mut hb).unwrap();
    let merged = ha.review().unwrap();
    let lt = merged.learning_together().unwrap();
    let j = lt.journey(first).unwrap();
    assert_eq!((j.date(JourneyStep::LetterSent), j.date(JourneyStep::ConsentGiven)), (Some(day(1)), Some(day(2))));
    assert_eq!(lt.journey(second).unwrap().date(JourneyStep::DraftShared), Some(day(9)));
    assert_eq!(lt.stage_dates(ReviewStage::DataCollection).target, Some(day(20)));
    assert_eq!(lt.stage_dates(ReviewStage::Preparation).completed, Some(day(3)));
    assert_eq!(lt.stage_dates(ReviewStage::Preparation).target, Some(day(4)));
    assert_eq!(lt.stage_status(ReviewStage::Preparation), StageStatus::Done);
    // Both laptops made room for the new maps with the very same change, which the
    // Changes view does not list.
    assert_eq!(ha.entries().len(), history.clone().entries().len() + 2);
    // And the merged history reads back the same review.
    let again = ReviewHistory::from_bytes(&ha.to_bytes(), merged.id).unwrap();
    assert_eq!(again.review().unwrap(), merged);
}


/// The first change of every history (the review's empty shape) must never change between
/// versions of the app: two laptops on different versions that bring over the same review
/// must begin the same history. A map, list or text added to the model goes in
/// `review_history::ADDED_PARTS` instead; if this test fails, that is what was forgotten.
#[test]
fn the_first_change_of_every_history_stays_the_same_whatever_is_added_to_the_model() {
    let frozen = [
        (ReviewKind::CaseDiscussion, "688c202176bbed3ecd5d12a22873bcc5ffc6e91365d347183522b73b779bb008"),
        (ReviewKind::LearningTogether, "8f15e90608e8224f545cf65901ce63a8804206a2591fefb6f9e2ae6aa957c239"),
        (ReviewKind::Preparation, "f5d1c90155d22c9d5a96ec5289982e99df6a9f87cd4e3273dfba229e471f3e17"),
    ];
    let mut got = Vec::new();
    for (kind, expected) in frozen {
        let review = Review::new(Uuid::from_u128(7), kind, at(9, 0));
        let mut history = ReviewHistory::bring_over(&review).unwrap();
        let first = history.entries().first().unwrap().hash;
        assert_eq!(history.entries().first().unwrap().by, "Started");
        println!("{kind:?} {first}");
        got.push((first.to_string(), expected));
    }
    for (first, expected) in got {
        assert_eq!(first, expected);
    }
}

/// The published report's own texts are made once, the same way, on every laptop (they are
/// in `ADDED_PARTS`): two laptops that write different parts of the report, and different
/// parts of one part, into a history begun before those texts existed keep every word.
#[test]
fn two_laptops_writing_different_parts_of_the_report_both_keep_their_words() {
    use case_review_studio::model::published_report::ReportText;
    let reviews = read_file_with_histories(&fixture_text(3)).unwrap();
    let frozen = &reviews[1];
    let history = ReviewHistory::from_bytes(frozen.history.as_ref().unwrap(), frozen.review.id).unwrap();
    let mut elsewhere = ReviewHistory::from_bytes(frozen.history.as_ref().unwrap(), frozen.review.id).unwrap();
    let mut here = history.clone();
    assert_eq!(here.heads(), elsewhere.heads(), "room for the report's texts is made the same way everywhere");
    // Both laptops start from the same methodology and narrative event.
    let (a, b) = (laptop(1, "Lead reviewer, laptop 1"), laptop(2, "Reviewer, laptop 2"));
    let mut start = here.review().unwrap();
    start.use_id_block(a.id_block());
    let mut event = 0;
    start.edit_learning_together(at(14, 0), |lt| {
        lt.set_report_text(ReportText::Methodology, "The team held conversations. The team read the records.");
        event = lt.add_event("The family moved", Default::default()).unwrap();
    });
    here.record(&start, &a).unwrap();
    let mut hb = here.clone();

    let mut ra = here.review().unwrap();
    ra.use_id_block(a.id_block());
    ra.edit_learning_together(at(14, 5), |lt| {
        lt.set_report_text(ReportText::Summary, "Why the review was held.");
        lt.set_report_text(ReportText::Methodology, "The team held six conversations. The team read the records.");
        lt.set_family_view(event, "We felt listened to").unwrap();
    });
    here.record(&ra, &a).unwrap();
    let mut rb = hb.review().unwrap();
    rb.use_id_block(b.id_block());
    rb.edit_learning_together(at(14, 6), |lt| {
        lt.set_report_text(ReportText::Acknowledgements, "Thanks to everyone who took part.");
        lt.set_report_text(ReportText::CaseSummary, "The K family moved twice.");
        lt.set_report_text(ReportText::Methodology, "The team held conversations. The team read the health records.");
        lt.set_agency_view(event, "Health", "A routine move").unwrap();
    });
    hb.record(&rb, &b).unwrap();
    here.merge(&mut hb).unwrap();
    let merged = here.review().unwrap();
    let lt = merged.learning_together().unwrap();
    assert_eq!(lt.report_text(ReportText::Summary), "Why the review was held.");
    assert_eq!(lt.report_text(ReportText::Acknowledgements), "Thanks to everyone who took part.");
    assert_eq!(lt.report_text(ReportText::CaseSummary), "The K family moved twice.");
    assert_eq!(lt.report_text(ReportText::Methodology), "The team held six conversations. The team read the health records.");
    assert_eq!(lt.family_view(event), Some("We felt listened to"));
    assert_eq!(lt.narrative_events[0].view_of("Health"), Some("A routine move"));
    let again = ReviewHistory::from_bytes(&here.to_bytes(), merged.id).unwrap();
    assert_eq!(again.review().unwrap(), merged);

    // A laptop that had the history before the update merges with one after it.
    elsewhere.merge(&mut here).unwrap();
    assert_eq!(elsewhere.review().unwrap(), merged);
}

/// A discussion with some words in it, so its compacted history is of a realistic size.
fn discussion_with_notes() -> Review {
    let mut review = Review::new(Uuid::from_u128(21), ReviewKind::CaseDiscussion, at(9, 0));
    review.edit_case_discussion(at(9, 1), |cd| {
        cd.about_child = "J is three and goes to nursery three mornings a week. ".repeat(20);
        for i in 0..30 {
            cd.add_worry(&format!("Worry {i}: the health visitor could not reach mum after the missed appointment."));
            cd.tree.add_effect(&format!("Effect {i}: nobody saw J for several weeks"));
        }
    });
    review
}

#[test]
fn a_save_appends_only_its_own_changes_until_they_grow_and_the_history_is_compacted_again() {
    let me = laptop(1, "Lead reviewer, laptop 1");
    let mut review = discussion_with_notes();
    let mut history = ReviewHistory::begin(&review, &me).unwrap();
    let compact = history.to_bytes();
    let mut previous = compact.clone();
    let mut compacted_again = false;
    for i in 0..400u32 {
        review.edit_case_discussion(at(10, 0) + chrono::Duration::seconds(i.into()), |cd| cd.about_child.push('x'));
        history.record(&review, &me).unwrap();
        let bytes = history.to_bytes();
        if bytes.starts_with(&previous) {
            assert!(bytes.len() > previous.len(), "save {i} added nothing");
        } else {
            // Compacted again: never larger than the bytes it replaces.
            assert!(bytes.len() < previous.len(), "save {i}: compacted {} bytes, appended {}", bytes.len(), previous.len());
            compacted_again = true;
        }
        assert!(bytes.len() as f64 <= compact.len().max(bytes.len().min(previous.len())) as f64 * 1.5 + 4096.0);
        // Every save's bytes read back to the review as saved.
        if i % 50 == 0 || !bytes.starts_with(&previous) {
            let read = ReviewHistory::from_bytes(&bytes, review.id).unwrap();
            assert_eq!(read.review().unwrap(), review, "save {i}");
        }
        previous = bytes;
    }
    assert!(compacted_again, "400 saves never compacted the history");
}

#[test]
fn a_history_read_with_appended_changes_goes_on_appending_and_merges_with_another_laptop() {
    let me = laptop(1, "Lead reviewer, laptop 1");
    let colleague = laptop(2, "Reviewer, laptop 2");
    let mut review = discussion_with_notes();
    let mut history = ReviewHistory::begin(&review, &me).unwrap();
    let _ = history.to_bytes();
    review.edit_case_discussion(at(10, 0), |cd| {
        cd.add_worry("Nobody asked J's grandmother, who collects J on Fridays.");
    });
    history.record(&review, &me).unwrap();
    let stored = history.to_bytes();
    // Opened again on this laptop, and a copy taken to a colleague's.
    let mut reopened = ReviewHistory::from_bytes(&stored, review.id).unwrap();
    let mut theirs = ReviewHistory::from_bytes(&stored, review.id).unwrap();
    let mut mine = review.clone();
    mine.edit_case_discussion(at(11, 0), |cd| cd.about_child.push_str("J likes the sand tray."));
    reopened.record(&mine, &me).unwrap();
    let mine_bytes = reopened.to_bytes();
    assert!(mine_bytes.starts_with(&stored), "the reopened history was compacted for one small change");
    let mut their_review = theirs.review().unwrap();
    their_review.edit_case_discussion(at(11, 5), |cd| {
        cd.add_strength("The nursery rang the same day J was absent.");
    });
    theirs.record(&their_review, &colleague).unwrap();
    let mut their_copy = ReviewHistory::from_bytes(&theirs.to_bytes(), review.id).unwrap();
    let mut mine_read = ReviewHistory::from_bytes(&mine_bytes, review.id).unwrap();
    mine_read.merge(&mut their_copy).unwrap();
    let merged_bytes = mine_read.to_bytes();
    let merged = ReviewHistory::from_bytes(&merged_bytes, review.id).unwrap().review().unwrap();
    let cd = merged.case_discussion().unwrap();
    assert!(cd.about_child.ends_with("J likes the sand tray."));
    assert!(cd.strengths.iter().any(|s| s.text == "The nursery rang the same day J was absent."));
    assert!(cd.worries.iter().any(|w| w.text.starts_with("Nobody asked J's grandmother")));
}

#[test]
fn a_discussion_opened_on_another_device_records_its_edits_and_keeps_its_tree() {
    let me = laptop(1, "Lead reviewer, laptop 1");
    let mut review = discussion_with_notes();
    let mut history = ReviewHistory::begin(&review, &me).unwrap();
    let stored = history.to_bytes();
    // Opened on a laptop whose boxes get another block of ids: the block is the device's,
    // not the review's, and the next save writes only the change that was made.
    let mut reopened = ReviewHistory::from_bytes(&stored, review.id).unwrap();
    review.use_id_block(7);
    review.edit_case_discussion(at(12, 0), |cd| {
        cd.tree.add_cause("The referral went to a closed inbox");
    });
    assert!(reopened.record(&review, &me).unwrap());
    let read = ReviewHistory::from_bytes(&reopened.to_bytes(), review.id).unwrap().review().unwrap();
    let (a, b) = (read.case_discussion().unwrap(), review.case_discussion().unwrap());
    assert_eq!(a.tree.nodes().len(), b.tree.nodes().len());
    assert!(a.tree.causes.iter().any(|n| n.text == "The referral went to a closed inbox"));
    assert_eq!(a.worries, b.worries);
}
