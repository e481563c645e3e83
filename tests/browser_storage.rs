//! Browser storage tests: the IndexedDB store and the localStorage fallback, run inside
//! headless Chromium by wasm-bindgen-test. They check what a person relies on: a saved
//! review comes back, the library lists it, a stale save is refused, a deletion can be
//! put back exactly.
#![cfg(target_arch = "wasm32")]

use case_review_studio::model::{Review, ReviewKind};
use case_review_studio::storage::indexed_db_store::IndexedDbStore;
use case_review_studio::storage::local_store::LocalStore;
use case_review_studio::storage::StoreError;
use chrono::{TimeZone, Utc};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn review(n: u128, title: &str) -> Review {
    let mut r = Review::new(Uuid::from_u128(n), ReviewKind::CaseDiscussion, Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap());
    r.rename(title, Utc.with_ymd_and_hms(2026, 11, 1, 9, 5, 0).unwrap());
    r.edit_case_discussion(Utc.with_ymd_and_hms(2026, 11, 1, 9, 6, 0).unwrap(), |cd| {
        cd.about_child = "Ffion, 6, lives with her nain; “quiet at school”.".into();
        cd.add_worry("Missed appointments");
    });
    r
}

async fn fresh_db(name: &str) -> IndexedDbStore {
    // A separate database per test, so tests never see each other's reviews.
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let _ = factory.delete_database(name);
    IndexedDbStore::open(name).await.expect("IndexedDB opens in Chromium")
}

#[wasm_bindgen_test]
async fn indexed_db_puts_gets_lists_and_deletes() {
    let store = fresh_db("crs-test-crud").await;
    let r = review(1, "Child F review");
    let rev = store.save(&r, 0).await.unwrap();
    assert_eq!(rev, 1);
    let loaded = store.load(r.id).await.unwrap();
    assert_eq!(loaded.review, r);
    assert_eq!(loaded.revision, 1);

    let list = store.list().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].summary.title, "Child F review");

    let raw = store.delete(r.id).await.unwrap().expect("deleted record returned for undo");
    assert!(matches!(store.load(r.id).await, Err(StoreError::NotFound)));
    assert!(store.list().await.unwrap().is_empty());

    store.restore(&raw).await.unwrap();
    assert_eq!(store.raw(r.id).await.unwrap(), Some(raw));
    assert_eq!(store.load(r.id).await.unwrap().review, r);
}

#[wasm_bindgen_test]
async fn indexed_db_refuses_a_save_based_on_an_old_revision() {
    let store = fresh_db("crs-test-conflict").await;
    let mut r = review(2, "Shared");
    assert_eq!(store.save(&r, 0).await.unwrap(), 1);
    // Tab A saves revision 2.
    r.rename("Tab A's title", Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap());
    assert_eq!(store.save(&r, 1).await.unwrap(), 2);
    // Tab B still thinks it is at revision 1: refused, and A's work is intact.
    let mut stale = r.clone();
    stale.rename("Tab B's title", Utc.with_ymd_and_hms(2026, 11, 1, 10, 1, 0).unwrap());
    assert_eq!(store.save(&stale, 1).await, Err(StoreError::Conflict { stored_revision: 2 }));
    assert_eq!(store.load(r.id).await.unwrap().review.title, "Tab A's title");
    // Creating a review whose id is already stored is a conflict too.
    assert!(matches!(store.save(&r, 0).await, Err(StoreError::Conflict { .. })));
    // "Replace" (import) overwrites on purpose and moves the revision on.
    assert_eq!(store.replace(&stale).await.unwrap(), 3);
}

#[wasm_bindgen_test]
fn local_storage_fallback_keeps_the_same_promises() {
    let store = LocalStore::open().expect("localStorage available");
    let r = review(3, "Fallback");
    let _ = store.delete(r.id);
    assert_eq!(store.save(&r, 0).unwrap(), 1);
    assert_eq!(store.load(r.id).unwrap().review, r);
    assert!(store.list().unwrap().iter().any(|e| e.summary.id == r.id));
    assert_eq!(store.save(&r, 0), Err(StoreError::Conflict { stored_revision: 1 }));
    let raw = store.delete(r.id).unwrap().unwrap();
    assert!(matches!(store.load(r.id), Err(StoreError::NotFound)));
    store.restore(&raw).unwrap();
    assert_eq!(store.load(r.id).unwrap().review, r);
    store.delete(r.id).unwrap();
}
