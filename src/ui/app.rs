//! The app frame: the header with the app's name and navigation, the screen for the
//! current address, and the message area. It also sets up what every screen shares.

use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::browser::location_hash;
use super::contexts::{Notice, NoticeContext, StoreContext, TabContext};
use super::offline_copy::{provide_offline_copy, UpdateNotice};
use super::pages::{AboutPage, LibraryPage, NotFoundPage, PrintPage, ReviewPage};
use super::route::Route;
use crate::storage::tab_sync::TabSync;
use crate::storage::{ReviewStore, StoreError};

/// The whole app.
#[component]
pub fn App(
    /// The device's review store, opened before mounting.
    store: Result<ReviewStore, StoreError>,
) -> impl IntoView {
    provide_context(StoreContext(SendWrapper::new(store)));
    let notices = NoticeContext(RwSignal::new(None));
    provide_context(notices);
    let last_notice = RwSignal::new(None);
    let sync = TabSync::new(move |n| last_notice.set(Some(n)));
    provide_context(TabContext { last_notice, sync: SendWrapper::new(Rc::new(sync)) });
    provide_offline_copy();

    let route = RwSignal::new(Route::parse(&location_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&location_hash()));
        notices.clear();
    });
    on_cleanup(move || listener.remove());

    // The page shows a plain "Loading" note until the app is running.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }

    let screen = move || match route.get() {
        Route::Library => view! { <LibraryPage/> }.into_any(),
        Route::About => view! { <AboutPage/> }.into_any(),
        Route::Review(id) => view! { <ReviewPage id=id/> }.into_any(),
        Route::Print(id, print_view) => view! { <PrintPage id=id view=print_view/> }.into_any(),
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
    };
    // Move focus to the new screen's heading so keyboard and screen-reader users start at
    // the top of what changed.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            if let Some(main) = document().get_element_by_id("main") {
                let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&main).focus();
            }
        }
        current
    });
    let nav_current = move |r: Route| move || (route.get() == r).then_some("page");

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&main).focus();
            }
        }>"Skip to main content"</a>
        <header class="app-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                "Case Review Studio"
            </a>
            <nav aria-label="Main">
                <ul>
                    <li><a href="#/" aria-current=nav_current(Route::Library)>"Reviews"</a></li>
                    <li><a href="#/about" aria-current=nav_current(Route::About)>"About"</a></li>
                </ul>
            </nav>
        </header>
        <UpdateNotice/>
        <main id="main" tabindex="-1">{screen}</main>
        <NoticeArea/>
    }
}

/// The message area at the foot of the screen, announced to screen readers.
#[component]
fn NoticeArea() -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    view! {
        <div class="notice-area" role="status" aria-live="polite">
            {move || notices.0.get().map(|Notice { text, is_error, undo }| view! {
                <div class="notice" class:notice-error=is_error>
                    <p>{text}</p>
                    {undo.map(|undo| view! {
                        <button class="button-secondary" on:click=move |_| {
                            notices.clear();
                            undo.run(());
                        }>"Undo"</button>
                    })}
                    <button class="button-quiet" aria-label="Dismiss message" on:click=move |_| notices.clear()>
                        "×"
                    </button>
                </div>
            })}
        </div>
    }
}
