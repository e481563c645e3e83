//! The merge engine's budgets, measured natively on the large review (every section
//! filled, a 500-box tree) and the ten-megabyte review: the time to record a keystroke's
//! save, the stored history's size against the review's JSON, and opening a review with
//! 2,000 saved changes. Run with `cargo test --release --test merge_budgets -- --nocapture`
//! for the figures in ARCHITECTURE.md; the sizes are asserted, the times only printed
//! (they depend on the machine).

use std::time::Instant;

use case_review_studio::model::case_discussion::FactOrFeeling;
use case_review_studio::model::problem_tree::Parent;
use case_review_studio::model::{Review, ReviewKind};
use case_review_studio::storage::review_history::{Author, ReviewHistory};
use chrono::{DateTime, Duration, TimeZone, Utc};
use uuid::Uuid;

fn at(s: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap() + Duration::seconds(s)
}

/// Words in a repeatable order.
fn text(seed: usize, chars: usize) -> String {
    const WORDS: [&str; 12] = ["nursery", "health", "visit", "worried", "mum", "school", "referral", "tired", "bruise", "plan", "meeting", "records"];
    let mut out = String::new();
    let mut i = seed;
    while out.len() < chars {
        out.push_str(WORDS[i % WORDS.len()]);
        out.push(' ');
        i = i.wrapping_mul(7).wrapping_add(3);
    }
    out.truncate(chars);
    out
}

fn large_review(pad: usize) -> Review {
    let mut r = Review::new(Uuid::from_u128(77), ReviewKind::CaseDiscussion, at(0));
    r.rename("Large review", at(0));
    r.edit_case_discussion(at(1), |cd| {
        cd.header.child_name = "Child L".into();
        cd.header.focal_question = text(1, 120);
        for i in 0..8 {
            cd.add_attendee(&format!("Person {i}"), "Social worker", "Children's services");
        }
        for i in 0..20 {
            cd.add_fact(&text(i, 80), "Records");
            cd.add_thought(&text(i + 3, 90), FactOrFeeling::Fact);
            cd.add_worry(&text(i + 5, 90));
            cd.add_strength(&text(i + 7, 90));
            cd.add_information_gap(&text(i + 9, 60));
            cd.add_person_to_involve(&text(i + 11, 40));
            let a = cd.add_action(&text(i + 13, 80));
            if let Some(action) = cd.action_mut(a) {
                action.how_we_will_know = text(i + 15, 80);
                action.difference_for_child = text(i + 17, 80);
            }
        }
        cd.about_child = text(2, 1500);
        cd.outcome.agreement = text(3, 600);
        cd.tree.focal_point = text(4, 50);
        // 500 boxes: 10 effects and 10 causes, each with 24 children.
        for side in 0..2 {
            for i in 0..10 {
                let top = if side == 0 { cd.tree.add_effect(&text(i, 60)) } else { cd.tree.add_cause(&text(i + 1, 60)) };
                for j in 0..24 {
                    cd.tree.add_node(Parent::Node(top), &text(i * 24 + j, 60));
                }
            }
        }
        if pad > 0 {
            let each = pad / 4;
            cd.about_child = text(5, each);
            cd.outcome.agreement = text(6, each);
            cd.outcome.dissent = text(7, each);
            cd.tree.focal_point = text(8, each);
        }
    });
    r
}

fn author() -> Author {
    Author::new([1; 16], [2; 8], "Lead reviewer, laptop 1")
}

#[test]
fn the_large_review_saves_quickly_and_its_history_stays_small() {
    let review = large_review(0);
    assert_eq!(review.case_discussion().unwrap().tree.nodes().len(), 500);
    let json = serde_json::to_string(&review).unwrap().len();
    let started = Instant::now();
    let mut history = ReviewHistory::begin(&review, &author()).unwrap();
    println!("large review: JSON {json} bytes; first save (whole review) {:?}", started.elapsed());
    // Typing: one character per save, as autosave would record it.
    let mut r = review.clone();
    let (mut times, mut records) = (Vec::new(), Vec::new());
    for i in 0..50 {
        r.edit_case_discussion(at(10 + i), |cd| cd.about_child.push('x'));
        let t = Instant::now();
        history.record(&r, &author()).unwrap();
        records.push(t.elapsed());
        let bytes = history.to_bytes();
        times.push(t.elapsed());
        assert!(!bytes.is_empty());
    }
    times.sort();
    records.sort();
    println!(
        "large review: save of one keystroke: record median {:?}; record + compact median {:?}, max {:?}",
        records[25], times[25], times[49]
    );
    let stored = history.to_bytes().len();
    println!("large review: history {stored} bytes after 51 saves = {:.2}x its JSON", stored as f64 / json as f64);
    assert!(stored <= 2 * json, "history {stored} bytes vs JSON {json}");
}

#[test]
fn opening_a_review_with_two_thousand_saved_changes() {
    let mut r = large_review(0);
    let mut history = ReviewHistory::begin(&r, &author()).unwrap();
    for i in 0..2000 {
        r.edit_case_discussion(at(10 + i), |cd| {
            let n = cd.worries.len();
            cd.worries[(i as usize) % n].text.push('y');
        });
        history.record(&r, &author()).unwrap();
    }
    assert_eq!(history.len(), 2002);
    let bytes = history.to_bytes();
    let json = serde_json::to_string(&r).unwrap();
    let t = Instant::now();
    let _: Review = serde_json::from_str(&json).unwrap();
    let json_open = t.elapsed();
    let t = Instant::now();
    let loaded = ReviewHistory::from_bytes(&bytes, r.id).unwrap();
    let hydrated = loaded.review().unwrap();
    let history_open = t.elapsed();
    assert_eq!(hydrated, r);
    println!(
        "2,002 changes: history {} bytes (JSON {}); open from JSON {json_open:?}; load + read history {history_open:?}",
        bytes.len(),
        json.len()
    );
}

#[test]
fn the_ten_megabyte_reviews_history_is_within_twice_its_json() {
    let review = large_review(9_790_000);
    let json = serde_json::to_string(&review).unwrap().len();
    let t = Instant::now();
    let mut history = ReviewHistory::bring_over(&review).unwrap();
    let bytes = history.to_bytes().len();
    println!("10 MB review: JSON {json} bytes, history {bytes} bytes = {:.2}x; brought over in {:?}", bytes as f64 / json as f64, t.elapsed());
    assert!(bytes <= 2 * json);
}

/// Writes the two files `make bench` opens in the browser: the large review with a history
/// of 2,002 saved changes, and the same review saved once. Run after a change to the
/// history's format: `cargo test --release --test merge_budgets -- --ignored`.
#[test]
#[ignore]
fn write_the_bench_history_files() {
    use case_review_studio::storage::file_format::write_file_with_histories;
    let mut r = large_review(0);
    r.rename("Large review with a long history", at(0));
    let mut long = ReviewHistory::begin(&r, &author()).unwrap();
    for i in 0..2000 {
        r.edit_case_discussion(at(10 + i), |cd| {
            let n = cd.worries.len();
            cd.worries[(i as usize) % n].text.push('y');
        });
        long.record(&r, &author()).unwrap();
    }
    let mut short = ReviewHistory::begin(&r, &author()).unwrap();
    let dir = format!("{}/bench/fixtures", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, history) in [("history-2000.json", &mut long), ("history-1.json", &mut short)] {
        let bytes = history.to_bytes();
        let text = write_file_with_histories(&[(&r, Some(bytes.as_slice()))], at(5000));
        std::fs::write(format!("{dir}/{name}"), text).unwrap();
    }
}

#[test]
fn the_bench_history_files_hold_the_same_review_with_short_and_long_histories() {
    use case_review_studio::storage::file_format::read_file_with_histories;
    let dir = format!("{}/bench/fixtures", env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| {
        let mut files = read_file_with_histories(&std::fs::read_to_string(format!("{dir}/{name}")).unwrap()).unwrap();
        assert_eq!(files.len(), 1);
        let file = files.remove(0);
        let mut history = ReviewHistory::from_bytes(file.history.as_ref().unwrap(), file.review.id).unwrap();
        assert_eq!(history.review().unwrap(), file.review, "{name}: the history ends at the readable review");
        (file.review, history.len())
    };
    let (long, long_changes) = read("history-2000.json");
    let (short, short_changes) = read("history-1.json");
    assert_eq!(long, short);
    assert_eq!(long_changes, 2002);
    assert!(short_changes <= 2, "{short_changes}");
}
