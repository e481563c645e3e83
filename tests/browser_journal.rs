//! Journal tests, in headless Chromium: the recovery copy of the open review is written at
//! once, brought back when its tab has gone (saved into the review when nothing newer was
//! saved, otherwise kept as a copy), left alone while its tab still runs, cleared once the
//! database holds the edits, and sealed whenever reviews are: nothing readable is written
//! with a passphrase set, and nothing at all while locked.
#![cfg(target_arch = "wasm32")]

use case_review_studio::model::{Review, ReviewKind};
use case_review_studio::storage::journal::{forget_all, recover, Journal, JournalError, Recovered};
use case_review_studio::storage::ReviewStore;
use chrono::{TimeZone, Utc};
use gloo_storage::{LocalStorage, Storage};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASSPHRASE: &str = "kettle orbit velvet harbour";

fn review(n: u128, about: &str) -> Review {
    let mut r = Review::new(Uuid::from_u128(n), ReviewKind::CaseDiscussion, Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap());
    r.rename("Child N review", Utc.with_ymd_and_hms(2026, 12, 1, 9, 1, 0).unwrap());
    r.edit_case_discussion(Utc.with_ymd_and_hms(2026, 12, 1, 9, 2, 0).unwrap(), |cd| cd.about_child = about.into());
    r
}

fn at(min: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 10, min, 0).unwrap()
}

async fn fresh_db(name: &str) -> ReviewStore {
    forget_all();
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let _ = factory.delete_database(name);
    ReviewStore::open_indexed_db(name).await.expect("IndexedDB opens in Chromium")
}

/// Every journal entry's text, as kept in localStorage.
fn journal_texts() -> String {
    let storage = LocalStorage::raw();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("case-review-studio/journal/"))
        .map(|k| storage.get_item(&k).unwrap().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn new_id() -> Uuid {
    Uuid::from_u128(999)
}

#[wasm_bindgen_test]
async fn edits_of_a_tab_that_went_are_saved_into_the_review_and_the_entry_cleared() {
    let store = fresh_db("crs-journal-replay").await;
    let saved = review(1, "Quiet at school.");
    assert_eq!(store.save(&saved, 0).await.unwrap(), 1);
    let mut edited = saved.clone();
    edited.edit_case_discussion(at(1), |cd| cd.about_child = "Quiet at school. Hides when it is loud.".into());
    let gone = Journal::unclaimed("tab-that-crashed");
    gone.write(&store, &edited, 1, at(1)).unwrap();
    assert!(gone.holds(edited.id));

    let here = Journal::start();
    let found = recover(&store, &here, &new_id, at(2)).await;
    assert_eq!(found, vec![Recovered::Restored { title: "Child N review".into(), written_at: Some(at(1)) }]);
    let now = store.load(edited.id).await.unwrap();
    assert_eq!(now.review, edited);
    assert_eq!(now.revision, 2);
    assert!(!gone.holds(edited.id));
    // Nothing is recovered twice.
    assert!(recover(&store, &here, &new_id, at(3)).await.is_empty());
}

#[wasm_bindgen_test]
async fn recovered_edits_never_overwrite_newer_work_they_become_a_copy() {
    let store = fresh_db("crs-journal-stale").await;
    let saved = review(2, "First visit.");
    store.save(&saved, 0).await.unwrap();
    let mut stale = saved.clone();
    stale.edit_case_discussion(at(1), |cd| cd.about_child = "First visit. Stale tab's words.".into());
    Journal::unclaimed("stale-tab").write(&store, &stale, 1, at(1)).unwrap();
    // Meanwhile another tab saved revision 2.
    let mut newer = saved.clone();
    newer.edit_case_discussion(at(2), |cd| cd.about_child = "First visit. Newer words.".into());
    store.save(&newer, 1).await.unwrap();

    let found = recover(&store, &Journal::start(), &new_id, at(3)).await;
    assert!(matches!(&found[..], [Recovered::KeptAsCopy { copy_title, .. }] if copy_title == "Child N review (recovered edits)"));
    assert_eq!(store.load(saved.id).await.unwrap().review, newer);
    let copy = store.load(new_id()).await.unwrap().review;
    assert_eq!(copy.case_discussion().unwrap().about_child, "First visit. Stale tab's words.");
}

#[wasm_bindgen_test]
async fn a_running_tabs_entry_is_left_alone_and_cleared_by_that_tab() {
    let store = fresh_db("crs-journal-live").await;
    let r = review(3, "Typed in a tab that is still open.");
    let live = Journal::start();
    live.write(&store, &r, 0, at(1)).unwrap();
    assert!(recover(&store, &Journal::start(), &new_id, at(2)).await.is_empty());
    assert!(live.holds(r.id));
    assert!(journal_texts().contains("Typed in a tab that is still open."));
    live.clear(r.id);
    assert!(!live.holds(r.id));
    assert!(journal_texts().is_empty());
}

#[wasm_bindgen_test]
async fn a_review_missing_from_the_database_is_brought_back_whole() {
    let store = fresh_db("crs-journal-missing").await;
    let r = review(4, "Written just before the database was deleted.");
    Journal::unclaimed("tab-before-deletion").write(&store, &r, 3, at(1)).unwrap();
    let found = recover(&store, &Journal::start(), &new_id, at(2)).await;
    assert!(matches!(&found[..], [Recovered::Restored { .. }]));
    assert_eq!(store.load(r.id).await.unwrap().review, r);
}

#[wasm_bindgen_test]
async fn with_a_passphrase_the_journal_is_sealed_and_nothing_is_written_while_locked() {
    let store = fresh_db("crs-journal-sealed").await;
    store.turn_on_encryption(PASSPHRASE, PASSPHRASE, 15, &|_, _| {}).await.unwrap();
    let r = review(5, "Ffion told her nain about the bruises.");
    store.save(&r, 0).await.unwrap();
    let mut edited = r.clone();
    edited.edit_case_discussion(at(1), |cd| cd.about_child.push_str(" Seen by the GP."));
    let gone = Journal::unclaimed("sealed-tab");
    gone.write(&store, &edited, 1, at(1)).unwrap();
    let text = journal_texts();
    // Whole words only: a two-letter secret turns up in random base64 by chance.
    for secret in ["Ffion", "nain", "bruises", "Seen by the GP", "Child N"] {
        assert!(!text.contains(secret), "{secret} is readable in the journal: {text}");
    }

    // Locked: nothing is written, readable or not.
    store.lock();
    let before = journal_texts();
    assert_eq!(Journal::unclaimed("locked-tab").write(&store, &edited, 1, at(2)), Err(JournalError::Locked));
    assert_eq!(journal_texts(), before);

    // After a restart and unlock, the sealed edits come back.
    let reopened = ReviewStore::open_indexed_db("crs-journal-sealed").await.unwrap();
    assert!(recover(&reopened, &Journal::start(), &new_id, at(3)).await.is_empty(), "locked: left for after unlocking");
    reopened.unlock(PASSPHRASE).await.unwrap();
    let found = recover(&reopened, &Journal::start(), &new_id, at(4)).await;
    assert!(matches!(&found[..], [Recovered::Restored { .. }]));
    assert_eq!(reopened.load(r.id).await.unwrap().review, edited);
    assert!(journal_texts().is_empty());
}
