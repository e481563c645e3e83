//! The app frame: the header with the app's name and navigation, the screen for the
//! current address (or the unlock screen, while reviews on this device are locked), and
//! the message area. It also sets up what every screen shares.

use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::app_lock::{watch_idle, AppLock};
use super::browser::location_hash;
use super::contexts::{AnonymisedCopy, JournalContext, Notice, NoticeContext, StoreContext, TabContext};
use super::pages::{
    AboutPage, AnonymisedPrintPage, ConversationRecordPage, LibraryPage, NotFoundPage, PrintPage, PrivacyPage, ReviewPage, UnlockPage,
};
use super::offline_copy::{provide_offline_copy, UpdateNotice};
use super::route::Route;
use crate::storage::tab_sync::{TabNotice, TabSync};
use crate::storage::{LockStatus, ReviewStore, StoreError};

/// The whole app.
#[component]
pub fn App(
    /// The device's review store, opened before mounting.
    store: Result<ReviewStore, StoreError>,
    /// This tab's journal.
    journal: Rc<crate::storage::journal::Journal>,
    /// What start-up recovered, to tell the person.
    recovered: Option<String>,
) -> impl IntoView {
    let lock_store = store.as_ref().ok().cloned();
    let store_problem = store.as_ref().err().cloned();
    let fallback = store.as_ref().ok().and_then(|s| s.fallback_reason().map(|r| (r.to_string(), s.used_database_before())));
    provide_context(StoreContext(SendWrapper::new(store)));
    provide_context(JournalContext(SendWrapper::new(journal)));
    let notices = NoticeContext(RwSignal::new(None));
    provide_context(notices);
    if let Some(text) = recovered {
        notices.say(text);
    }
    let anonymised = AnonymisedCopy(RwSignal::new(None));
    provide_context(anonymised);
    let lock = AppLock::new(lock_store, notices, anonymised);
    provide_context(lock.clone());
    let last_notice = RwSignal::new(None);
    let sync = {
        // Lock notices are acted on as they arrive, not through `last_notice`: a "Saved"
        // sent straight after by the locking tab would replace one before it was seen.
        let lock = lock.clone();
        TabSync::new(move |n| {
            match n {
                TabNotice::DeviceLocked => lock.lock_now(None, None),
                TabNotice::DeviceLockChanged => lock.changed_elsewhere(),
                _ => {}
            }
            last_notice.set(Some(n));
        })
    };
    let tabs = TabContext { last_notice, sync: SendWrapper::new(Rc::new(sync)) };
    provide_context(tabs.clone());
    watch_idle(lock.clone());
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

    // Moving between the parts of one review keeps the review open (the screen is the same
    // review page; only the part shown changes).
    let screen_route = Memo::new(move |_| match route.get() {
        Route::ReviewPart(id, _) => Route::Review(id),
        other => other,
    });
    provide_context(crate::ui::contexts::ReviewPartContext(Memo::new(move |_| route.with(|r| r.part().map(str::to_string)))));
    let screen = move || match screen_route.get() {
        Route::Library => view! { <LibraryPage/> }.into_any(),
        Route::About => view! { <AboutPage/> }.into_any(),
        Route::Privacy => view! { <PrivacyPage/> }.into_any(),
        Route::Review(id) | Route::ReviewPart(id, _) => view! { <ReviewPage id=id/> }.into_any(),
        Route::Print(id, print_view) => view! { <PrintPage id=id view=print_view/> }.into_any(),
        Route::AnonymisedPrint(id, print_view) => view! { <AnonymisedPrintPage id=id view=print_view/> }.into_any(),
        Route::PrintConversation(id, conversation) => {
            view! { <ConversationRecordPage id=id conversation=conversation/> }.into_any()
        }
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
    };
    // While locked, the unlock screen stands in for every screen; the screens (and the
    // reviews they hold) are dropped, and built afresh once unlocked.
    let content = {
        let lock = lock.clone();
        move || {
            if let Some(problem) = store_problem.clone() {
                view! { <StoreProblem problem=problem/> }.into_any()
            } else if lock.hides_reviews() {
                view! { <UnlockPage/> }.into_any()
            } else {
                screen()
            }
        }
    };
    let lock_button = {
        let lock = lock.clone();
        let tabs = tabs.clone();
        move || (lock.status.get() == LockStatus::Unlocked && !lock.locking.get()).then(|| {
            let lock = lock.clone();
            let tabs = tabs.clone();
            view! {
                <button type="button" class="header-lock" on:click=move |_| {
                    lock.lock_now(Some("You locked the app.".into()), Some(&tabs));
                }>"Lock now"</button>
            }
        })
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
                    <li><a href="#/privacy" aria-current=nav_current(Route::Privacy)>"Privacy"</a></li>
                    <li><a href="#/about" aria-current=nav_current(Route::About)>"About"</a></li>
                </ul>
            </nav>
            {lock_button}
        </header>
        <UpdateNotice/>
        {fallback.map(|(reason, used_before)| view! { <FallbackNote reason=reason used_before=used_before/> })}
        <main id="main" tabindex="-1">{content}</main>
        <NoticeArea/>
    }
}

/// In place of every screen when the device's store cannot be used at all (on a device
/// with a passphrase whose database will not open, the app stays locked and says why).
#[component]
fn StoreProblem(problem: StoreError) -> impl IntoView {
    let encrypted = matches!(problem, StoreError::DatabaseUnavailable { encrypted: true, .. });
    view! {
        <div class="page narrow">
            <h1>{if encrypted { "The app stays locked: the browser's database will not open" } else { "Reviews on this device cannot be reached just now" }}</h1>
            <p role="alert">{problem.to_string()}</p>
            <p>"Exported review files are not affected and can be opened once the app works again."</p>
            <button type="button" class="button-primary" on:click=|_| { let _ = window().location().reload(); }>"Reload the page"</button>
        </div>
    }
}

/// Said on every screen while reviews are kept in the fallback because the database would
/// not open: what it means, and that nothing is lost.
#[component]
fn FallbackNote(reason: String, used_before: bool) -> impl IntoView {
    view! {
        <div class="callout callout-warning fallback-note" role="alert">
            <h2>"This browser's database is not available just now"</h2>
            <p>{format!(
                "The browser would not open its database ({reason}). Until it does, what you write is kept in the                  browser's smaller local storage (a few megabytes), and it will be moved back into the database                  automatically when the database works again."
            )}</p>
            {used_before.then(|| view! {
                <p>"Reviews saved here earlier are in the database, so they are not listed meanwhile. They are not lost."</p>
            })}
            <p>"To be safe, export your work to a file before closing the browser."</p>
        </div>
    }
}

/// How long a notice that needs no answer stays before it fades (an Undo stays longer,
/// an error until it is dismissed or replaced).
const NOTICE_MS: u64 = 6_000;
const NOTICE_WITH_UNDO_MS: u64 = 15_000;
/// How long the fade takes.
const NOTICE_FADE_MS: u64 = 600;

/// The message area at the foot of the screen, announced to screen readers. Notices that
/// need no answer fade by themselves; the area never takes clicks meant for the page
/// beneath it, and the page keeps room at its foot so nothing stays hidden behind it.
#[component]
fn NoticeArea() -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let fading = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some((is_error, has_undo)) = notices.0.with(|n| n.as_ref().map(|n| (n.is_error, n.undo.is_some()))) else {
            return;
        };
        fading.set(false);
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        if is_error {
            return;
        }
        let stay = if has_undo { NOTICE_WITH_UNDO_MS } else { NOTICE_MS };
        set_timeout(
            move || {
                if generation.get_value() == this {
                    fading.set(true);
                }
            },
            std::time::Duration::from_millis(stay),
        );
        set_timeout(
            move || {
                if generation.get_value() == this {
                    notices.clear();
                }
            },
            std::time::Duration::from_millis(stay + NOTICE_FADE_MS),
        );
    });
    view! {
        <div class="notice-area" class:notice-area-showing=move || notices.0.with(Option::is_some) role="status" aria-live="polite">
            {move || notices.0.get().map(|Notice { text, is_error, undo }| view! {
                <div class="notice" class:notice-error=is_error class:notice-fading=move || fading.get()>
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
