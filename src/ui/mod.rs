//! The user interface: Leptos screens over the model. It keeps the open review in one
//! signal and changes it only through model methods; saving goes through [`autosave`].

pub mod app;
pub mod app_lock;
pub mod autosave;
pub mod browser;
pub mod contexts;
pub mod import_steps;
pub mod offline_copy;
pub mod pages;
pub mod recovery;
pub mod route;
pub mod sections;
pub mod shared_folder;
pub mod tree;
pub mod widgets;

use leptos::prelude::*;

use std::rc::Rc;

use crate::storage::journal::Journal;
use crate::storage::{LockStatus, ReviewStore};

/// Opens the device's review store, then mounts the app into the page.
pub fn mount() {
    report_panics();
    // Leptos's task runner starts with the app, so the store is opened with the plain one.
    wasm_bindgen_futures::spawn_local(async {
        let store = ReviewStore::open().await;
        let journal = Rc::new(Journal::start());
        // Edits left in the journal by a tab that went are saved before any screen reads
        // the reviews; a locked device does this once it is unlocked.
        let recovered = match &store {
            Ok(s) if s.lock_status() != LockStatus::Locked => recovery::recover_and_tell(s, &journal).await,
            _ => None,
        };
        let journal = send_wrapper::SendWrapper::new(journal);
        leptos::mount::mount_to_body(move || {
            view! { <app::App store=store.clone() journal=Rc::clone(&journal) recovered=recovered.clone()/> }
        });
    });
}

/// If the app ever hits a bug it cannot recover from, say so on screen (saved reviews are
/// not affected) and log the details for whoever looks after the app.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Case Review Studio stopped: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(banner) = document.create_element("div") else { return };
        banner.set_class_name("fatal");
        banner.set_attribute("role", "alert").ok();
        banner.set_text_content(Some(
            "Case Review Studio hit a problem and stopped. Everything saved before this moment is \
             safe in this browser. Reload the page to carry on; if you were typing, check the last \
             few words.",
        ));
        if let Some(body) = document.body() {
            let _ = body.prepend_with_node_1(&banner);
        }
    }));
}
