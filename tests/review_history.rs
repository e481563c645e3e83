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
