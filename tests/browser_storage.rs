//! Browser storage tests: the IndexedDB store and the localStorage fallback, run inside
//! headless Chromium by wasm-bindgen-test. They check what a person relies on: a saved
//! review comes back, the library lists it, a stale save is refused, a deletion can be
//! put back exactly; with a passphrase set, nothing readable is stored, a wrong passphrase
//! opens nothing and changes nothing, and removing the passphrase gives everything back.
#![cfg(target_arch = "wasm32")]

use case_review_studio::model::{Review, ReviewKind};
use case_review_studio::storage::encryption::{decrypt_file, encrypt_file};
use case_review_studio::storage::envelope::EncryptedFile;
use case_review_studio::storage::import_batch::{interrupted_import, BatchProgress, ImportBatch, InterruptedImport};
use case_review_studio::storage::import_error::ImportError;
use case_review_studio::storage::{LockError, LockStatus, ReviewStore, StoreError};
use chrono::{TimeZone, Utc};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASSPHRASE: &str = "kettle orbit velvet harbour";

fn review(n: u128, title: &str) -> Review {
    let mut r = Review::new(Uuid::from_u128(n), ReviewKind::CaseDiscussion, Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap());
    r.rename(title, Utc.with_ymd_and_hms(2026, 11, 1, 9, 5, 0).unwrap());
    r.edit_case_discussion(Utc.with_ymd_and_hms(2026, 11, 1, 9, 6, 0).unwrap(), |cd| {
        cd.about_child = "Ffion, 6, lives with her nain; “quiet at school”.".into();
        cd.add_worry("Missed appointments");
    });
    r
}

async fn fresh_db(name: &str) -> ReviewStore {
    // A separate database per test, so tests never see each other's reviews.
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let _ = factory.delete_database(name);
    ReviewStore::open_indexed_db(name).await.expect("IndexedDB opens in Chromium")
}

/// Both stored texts of a review, as they sit in the browser.
async fn stored_text(store: &ReviewStore, r: &Review) -> String {
    let raw = store.raw(r.id).await.unwrap().expect("stored");
    format!("{}\n{}", without_sealed_bytes(&raw.review_text), without_sealed_bytes(&raw.entry_text))
}

/// The stored text with the base64 of its sealed parts (`iv`, `ciphertext`) left out: a
/// short secret such as "nain" can turn up by chance in random base64, which says nothing
/// about what is readable. Text that is not JSON is kept whole.
fn without_sealed_bytes(text: &str) -> String {
    fn blank(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(fields) => {
                for (k, v) in fields.iter_mut() {
                    if (k == "iv" || k == "ciphertext") && v.is_string() {
                        *v = serde_json::Value::String(String::new());
                    } else {
                        blank(v);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(blank),
            _ => {}
        }
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(mut v) => {
            blank(&mut v);
            v.to_string()
        }
        Err(_) => text.to_string(),
    }
}

#[wasm_bindgen_test]
async fn indexed_db_puts_gets_lists_and_deletes() {
    let store = fresh_db("crs-test-crud").await;
    assert_eq!(store.lock_status(), LockStatus::Off);
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
async fn an_encrypted_store_keeps_nothing_readable_and_gives_every_review_back() {
    let store = fresh_db("crs-test-encrypted").await;
    let before = review(10, "Ffion Jones rapid review");
    store.save(&before, 0).await.unwrap();
    assert!(stored_text(&store, &before).await.contains("Ffion"));

    let progress = std::cell::RefCell::new(Vec::new());
    let sealed = store
        .turn_on_encryption(PASSPHRASE, PASSPHRASE, 15, &|done, total| progress.borrow_mut().push((done, total)))
        .await
        .unwrap();
    assert_eq!(sealed, 1);
    assert_eq!(progress.into_inner(), vec![(0, 1), (1, 1)]);
    assert_eq!(store.lock_status(), LockStatus::Unlocked);
    assert_eq!(store.idle_minutes(), Some(15));

    // The review that was there, and one saved afterwards: nothing of either is readable.
    let after = review(11, "Second review about Ffion");
    store.save(&after, 0).await.unwrap();
    for r in [&before, &after] {
        let text = stored_text(&store, r).await;
        for secret in ["Ffion", "rapid review", "nain", "Missed appointments", "Second review"] {
            assert!(!text.contains(secret), "{secret} is readable in {text}");
        }
    }
    // Yet the app reads them as before.
    assert_eq!(store.load(before.id).await.unwrap().review, before);
    let mut titles: Vec<String> = store.list().await.unwrap().into_iter().map(|e| e.summary.title).collect();
    titles.sort();
    assert_eq!(titles, ["Ffion Jones rapid review", "Second review about Ffion"]);

    // Locked: nothing can be read or written.
    store.lock();
    assert_eq!(store.lock_status(), LockStatus::Locked);
    assert_eq!(store.load(before.id).await, Err(StoreError::Locked));
    assert_eq!(store.list().await, Err(StoreError::Locked));
    assert_eq!(store.save(&after, 1).await, Err(StoreError::Locked));

    // A new session on the same device starts locked.
    let reopened = ReviewStore::open_indexed_db("crs-test-encrypted").await.unwrap();
    assert_eq!(reopened.lock_status(), LockStatus::Locked);
    assert_eq!(reopened.unlock("kettle orbit velvet harbor").await, Err(LockError::WrongPassphrase));
    assert_eq!(reopened.lock_status(), LockStatus::Locked);
    reopened.unlock(PASSPHRASE).await.unwrap();
    assert_eq!(reopened.lock_status(), LockStatus::Unlocked);
    assert_eq!(reopened.load(after.id).await.unwrap().review, after);
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_never_removes_encryption_and_the_right_one_decrypts_everything() {
    let store = fresh_db("crs-test-decrypt").await;
    let r = review(20, "Child M");
    store.turn_on_encryption(PASSPHRASE, PASSPHRASE, 5, &|_, _| {}).await.unwrap();
    store.save(&r, 0).await.unwrap();
    assert!(!stored_text(&store, &r).await.contains("Child M"));

    assert_eq!(store.turn_off_encryption("not the passphrase", &|_, _| {}).await, Err(LockError::WrongPassphrase));
    assert_eq!(store.lock_status(), LockStatus::Unlocked);
    assert!(!stored_text(&store, &r).await.contains("Child M"));

    assert_eq!(store.turn_off_encryption(PASSPHRASE, &|_, _| {}).await, Ok(1));
    assert_eq!(store.lock_status(), LockStatus::Off);
    assert!(stored_text(&store, &r).await.contains("Child M"));
    assert_eq!(store.load(r.id).await.unwrap().review, r);
    let reopened = ReviewStore::open_indexed_db("crs-test-decrypt").await.unwrap();
    assert_eq!(reopened.lock_status(), LockStatus::Off);
}

#[wasm_bindgen_test]
async fn another_tab_hears_of_a_passphrase_and_keeps_its_key_when_only_the_idle_time_changes() {
    let here = fresh_db("crs-test-two-tabs").await;
    let other = ReviewStore::open_indexed_db("crs-test-two-tabs").await.unwrap();
    here.turn_on_encryption(PASSPHRASE, PASSPHRASE, 15, &|_, _| {}).await.unwrap();
    // The other tab was not encrypting: once told, it is locked and writes nothing readable.
    assert_eq!(other.lock_status(), LockStatus::Off);
    assert_eq!(other.reload_lock_settings().await, Ok(LockStatus::Locked));
    assert_eq!(other.save(&review(30, "Child R"), 0).await, Err(StoreError::Locked));
    other.unlock(PASSPHRASE).await.unwrap();
    // A new idle time does not lock it again.
    here.set_idle_minutes(60).await.unwrap();
    assert_eq!(other.reload_lock_settings().await, Ok(LockStatus::Unlocked));
    assert_eq!(other.idle_minutes(), Some(60));
    // Removing the passphrase there leaves this tab off too, able to read what it left.
    other.save(&review(31, "Child S"), 0).await.unwrap();
    other.turn_off_encryption(PASSPHRASE, &|_, _| {}).await.unwrap();
    assert_eq!(here.reload_lock_settings().await, Ok(LockStatus::Off));
    assert_eq!(here.load(Uuid::from_u128(31)).await.unwrap().review.title, "Child S");
}

#[wasm_bindgen_test]
async fn a_weak_or_mistyped_passphrase_is_refused_before_anything_is_encrypted() {
    let store = fresh_db("crs-test-weak").await;
    assert!(matches!(store.turn_on_encryption("short", "short", 5, &|_, _| {}).await, Err(LockError::TooWeak(_))));
    assert_eq!(
        store.turn_on_encryption(PASSPHRASE, "kettle orbit velvet", 5, &|_, _| {}).await,
        Err(LockError::PassphrasesDiffer)
    );
    assert_eq!(store.lock_status(), LockStatus::Off);
}

#[wasm_bindgen_test]
async fn a_protected_file_opens_only_with_its_passphrase() {
    let text = r#"{"format":"case-review-studio","version":2,"reviews":[]}"#;
    let protected = encrypt_file(text, PASSPHRASE).await.unwrap();
    assert!(!protected.contains("reviews"));
    let file = EncryptedFile::parse(&protected).unwrap().expect("recognised as protected");
    assert_eq!(decrypt_file(&file, PASSPHRASE).await.unwrap(), text);
    assert_eq!(decrypt_file(&file, "kettle orbit velvet").await, Err(ImportError::WrongPassphrase));
    // A changed byte is noticed, not decrypted to something else.
    let mut tampered = file.clone();
    tampered.sealed.ciphertext[0] ^= 1;
    assert_eq!(decrypt_file(&tampered, PASSPHRASE).await, Err(ImportError::WrongPassphrase));
    // Two files from the same text and passphrase share no salt, IV or ciphertext.
    let again = EncryptedFile::parse(&encrypt_file(text, PASSPHRASE).await.unwrap()).unwrap().unwrap();
    assert_ne!(again.derivation.salt, file.derivation.salt);
    assert_ne!(again.sealed.iv, file.sealed.iv);
    assert_ne!(again.sealed.ciphertext, file.sealed.ciphertext);
}

#[wasm_bindgen_test]
async fn local_storage_fallback_keeps_the_same_promises() {
    let store = ReviewStore::open_local_storage().await.expect("localStorage available");
    let r = review(3, "Fallback");
    let _ = store.delete(r.id).await;
    assert_eq!(store.save(&r, 0).await.unwrap(), 1);
    assert_eq!(store.load(r.id).await.unwrap().review, r);
    assert!(store.list().await.unwrap().iter().any(|e| e.summary.id == r.id));
    assert_eq!(store.save(&r, 0).await, Err(StoreError::Conflict { stored_revision: 1 }));
    let raw = store.delete(r.id).await.unwrap().unwrap();
    assert!(matches!(store.load(r.id).await, Err(StoreError::NotFound)));
    store.restore(&raw).await.unwrap();
    assert_eq!(store.load(r.id).await.unwrap().review, r);

    // Encrypted in localStorage too.
    store.turn_on_encryption(PASSPHRASE, PASSPHRASE, 30, &|_, _| {}).await.unwrap();
    assert!(!stored_text(&store, &r).await.contains("Fallback"));
    let reopened = ReviewStore::open_local_storage().await.unwrap();
    assert_eq!(reopened.lock_status(), LockStatus::Locked);
    reopened.unlock(PASSPHRASE).await.unwrap();
    assert_eq!(reopened.load(r.id).await.unwrap().review, r);
    reopened.forget_everything().await.unwrap();
    assert_eq!(reopened.lock_status(), LockStatus::Off);
    assert!(matches!(reopened.load(r.id).await, Err(StoreError::NotFound)));
}

// ---------------------------------------------------------------------------------------
// Imports are stored whole or not at all
// ---------------------------------------------------------------------------------------

fn batch_of(reviews: &[Review]) -> ImportBatch {
    let mut batch = ImportBatch::new();
    for r in reviews {
        batch.add_new(r.clone());
    }
    batch
}

async fn stored_ids(store: &ReviewStore) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = store.list().await.unwrap().iter().map(|e| e.summary.id).collect();
    ids.sort();
    ids
}

#[wasm_bindgen_test]
async fn an_import_batch_stores_every_review_and_replaces_the_chosen_ones() {
    let store = fresh_db("crs-test-batch").await;
    let here = review(40, "Already here");
    store.save(&here, 0).await.unwrap();
    let many: Vec<Review> = (41..291).map(|n| review(n, &format!("Imported {n}"))).collect();
    let mut batch = batch_of(&many);
    let mut replacement = here.clone();
    replacement.rename("Replaced from the file", Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap());
    batch.add_replacement(replacement.clone());
    let seen = std::cell::RefCell::new(Vec::new());
    assert_eq!(store.write_batch(&batch, &|p| seen.borrow_mut().push(p)).await, Ok(251));
    assert_eq!(stored_ids(&store).await.len(), 251);
    assert_eq!(store.load(many[200].id).await.unwrap().review, many[200]);
    let replaced = store.load(here.id).await.unwrap();
    assert_eq!((replaced.review, replaced.revision), (replacement, 2));
    let seen = seen.into_inner();
    assert!(seen.contains(&BatchProgress::Saving { done: 251, total: 251 }), "{seen:?}");
    assert!(seen.iter().any(|p| matches!(p, BatchProgress::Saving { done, .. } if *done > 0 && *done < 251)), "{seen:?}");
}

#[wasm_bindgen_test]
async fn an_import_batch_with_one_review_that_cannot_be_written_stores_nothing() {
    let store = fresh_db("crs-test-batch-fails").await;
    let here = review(50, "Already here");
    store.save(&here, 0).await.unwrap();
    let before = store.raw(here.id).await.unwrap();
    // The last review is stored already (another tab added it meanwhile): it cannot be added
    // as new, so the 200 before it must not be stored either.
    let mut incoming: Vec<Review> = (51..251).map(|n| review(n, &format!("Imported {n}"))).collect();
    incoming.push(here.clone());
    let outcome = store.write_batch(&batch_of(&incoming), &|_| {}).await;
    assert_eq!(outcome, Err(StoreError::Conflict { stored_revision: 1 }));
    assert_eq!(stored_ids(&store).await, vec![here.id]);
    assert_eq!(store.raw(here.id).await.unwrap(), before);
    // A stale revision anywhere in the batch does the same.
    let mut batch = batch_of(&incoming[..10]);
    batch.add_based_on(here.clone(), 7);
    assert_eq!(store.write_batch(&batch, &|_| {}).await, Err(StoreError::Conflict { stored_revision: 1 }));
    assert_eq!(stored_ids(&store).await, vec![here.id]);
}

#[wasm_bindgen_test]
async fn an_import_batch_is_sealed_with_a_passphrase_and_refused_while_locked() {
    let store = fresh_db("crs-test-batch-sealed").await;
    store.turn_on_encryption(PASSPHRASE, PASSPHRASE, 15, &|_, _| {}).await.unwrap();
    let incoming: Vec<Review> = (60..90).map(|n| review(n, &format!("Ffion import {n}"))).collect();
    let seen = std::cell::RefCell::new(Vec::new());
    assert_eq!(store.write_batch(&batch_of(&incoming), &|p| seen.borrow_mut().push(p)).await, Ok(30));
    assert!(seen.borrow().contains(&BatchProgress::Sealing { done: 0, total: 30 }));
    for r in &incoming {
        let text = stored_text(&store, r).await;
        for secret in ["Ffion", "import", "nain", "Missed appointments"] {
            assert!(!text.contains(secret), "{secret} is readable in {text}");
        }
    }
    assert_eq!(store.load(incoming[7].id).await.unwrap().review, incoming[7]);

    store.wait_for_writes().await;
    store.lock();
    let more: Vec<Review> = (90..95).map(|n| review(n, "While locked")).collect();
    assert_eq!(store.write_batch(&batch_of(&more), &|_| {}).await, Err(StoreError::Locked));
    assert!(store.raw(more[0].id).await.unwrap().is_none());
    store.unlock(PASSPHRASE).await.unwrap();
    assert_eq!(stored_ids(&store).await.len(), 30);
}

#[wasm_bindgen_test]
async fn an_import_batch_in_local_storage_is_whole_or_nothing_and_rolled_back_after_a_crash() {
    let store = ReviewStore::open_local_storage().await.expect("localStorage available");
    let here = review(70, "Fallback here");
    let _ = store.delete(here.id).await;
    store.save(&here, 0).await.unwrap();
    let incoming: Vec<Review> = (71..81).map(|n| review(n, &format!("Fallback import {n}"))).collect();
    for r in &incoming {
        let _ = store.delete(r.id).await;
    }
    let mut with_clash = incoming.clone();
    with_clash.push(here.clone());
    assert!(matches!(store.write_batch(&batch_of(&with_clash), &|_| {}).await, Err(StoreError::Conflict { .. })));
    for r in &incoming {
        assert!(store.raw(r.id).await.unwrap().is_none());
    }
    assert_eq!(store.write_batch(&batch_of(&incoming), &|_| {}).await, Ok(10));
    assert_eq!(store.load(incoming[3].id).await.unwrap().review, incoming[3]);

    // A batch the page never finished: its staging note is still there, one review written.
    let half = review(82, "Half written");
    let written = store.write_batch(&batch_of(std::slice::from_ref(&half)), &|_| {}).await;
    assert_eq!(written, Ok(1));
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local
        .set_item("case-review-studio/staged-import", &format!(r#"[{{"id":"{}","texts":null}}]"#, half.id))
        .unwrap();
    let reopened = ReviewStore::open_local_storage().await.unwrap();
    assert!(reopened.raw(half.id).await.unwrap().is_none(), "the interrupted batch was rolled back");
    assert!(local.get_item("case-review-studio/staged-import").unwrap().is_none());
    assert_eq!(reopened.load(incoming[3].id).await.unwrap().review, incoming[3]);
    for r in incoming.iter().chain([&here]) {
        reopened.delete(r.id).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn an_import_the_page_never_came_back_from_is_reported_once_at_the_next_start() {
    let store = fresh_db("crs-test-batch-interrupted").await;
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let r = review(100, "Interrupted");
    let note = format!(r#"{{"count":10000,"probe":"{}","revision_before":0}}"#, r.id);
    local.set_item("case-review-studio/import-under-way", &note).unwrap();
    let told = interrupted_import(&store).await.unwrap();
    assert_eq!(told, InterruptedImport { count: 10_000, stored: false });
    assert!(told.message().contains("none of them was stored"), "{}", told.message());
    assert_eq!(interrupted_import(&store).await, None);
    store.save(&r, 0).await.unwrap();
    local.set_item("case-review-studio/import-under-way", &note).unwrap();
    assert_eq!(interrupted_import(&store).await, Some(InterruptedImport { count: 10_000, stored: true }));
    // A finished import leaves no note behind.
    store.write_batch(&batch_of(&[review(101, "Whole")]), &|_| {}).await.unwrap();
    assert_eq!(interrupted_import(&store).await, None);
}
