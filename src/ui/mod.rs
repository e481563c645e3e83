//! The user interface: Leptos screens over the model. It keeps the open review in one
//! signal and changes it only through model methods; saving goes through [`autosave`].

pub mod app;
pub mod autosave;
pub mod browser;
pub mod contexts;
pub mod pages;
pub mod route;
pub mod sections;
pub mod widgets;

use leptos::prelude::*;

use crate::storage::ReviewStore;

/// Opens the device's review store, then mounts the app into the page.
pub fn mount() {
    leptos::task::spawn_local(async {
        let store = ReviewStore::open().await;
        leptos::mount::mount_to_body(move || view! { <app::App store=store.clone()/> });
    });
}
