//! The offline copy: when the app is opened from a web address, the browser keeps a complete
//! copy of the app's own files (the service worker `sw.js`), so it opens with no network
//! after the first visit. When a newer version has been fetched in the background, the
//! person is told and chooses when to reload; old and new files are never mixed. Opened
//! from a file (`file://`), the app is already whole and there is nothing to keep.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
    ServiceWorkerUpdateViaCache,
};

use super::browser::running_from_file;

/// The service worker's address, next to the page (the build step writes it).
const SERVICE_WORKER_URL: &str = "./sw.js";
/// The message the waiting worker takes as "take over now".
const TAKE_OVER: &str = "skip-waiting";
/// If the new version has not taken over by then, reload anyway (the older one still works).
const TAKE_OVER_TIMEOUT_MS: i32 = 4000;

/// Whether this browser keeps the app for use without a network, as the About page says it.
#[derive(Clone, Debug, PartialEq)]
pub enum OfflineState {
    /// Still asking the browser.
    Checking,
    /// A copy of this version is kept: the app opens without a network.
    Ready,
    /// Opened from a file: the file itself is the whole app.
    SingleFile,
    /// No copy is kept, and why.
    Unavailable(&'static str),
}

/// What the rest of the app can read about the offline copy.
#[derive(Clone, Copy)]
pub struct OfflineContext {
    pub state: RwSignal<OfflineState>,
    /// A newer version is ready and takes over at the next reload.
    pub update_ready: RwSignal<bool>,
}

/// Starts the offline copy (once, when the app starts) and provides [`OfflineContext`].
pub fn provide_offline_copy() -> OfflineContext {
    let ctx = OfflineContext { state: RwSignal::new(OfflineState::Checking), update_ready: RwSignal::new(false) };
    provide_context(ctx);
    // Browsers count file:// pages as secure but refuse them service workers.
    if running_from_file() {
        ctx.state.set(OfflineState::SingleFile);
        return ctx;
    }
    match container() {
        Ok(container) => wasm_bindgen_futures::spawn_local(register(container, ctx)),
        Err(reason) => ctx.state.set(OfflineState::Unavailable(reason)),
    }
    ctx
}

/// The browser's service workers, where this page may use them.
fn container() -> Result<ServiceWorkerContainer, &'static str> {
    let window = web_sys::window().ok_or("no browser window")?;
    // Browsers offer service workers only on https:// addresses and on this computer's own.
    if !window.is_secure_context() {
        return Err("this address is not a secure (https) one, so the browser cannot keep the app");
    }
    let navigator = window.navigator();
    match js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")) {
        Ok(true) => Ok(navigator.service_worker()),
        _ => Err("this browser cannot keep the app for use without a network"),
    }
}

/// Registers the service worker and watches for newer versions.
async fn register(container: ServiceWorkerContainer, ctx: OfflineContext) {
    // A page already looked after by a worker that changes worker has a newer version in
    // charge: its files are not the ones this page runs, so offer a reload. (On the first
    // visit the page has no worker yet; the first one taking charge is the same version.)
    let looked_after = Rc::new(Cell::new(container.controller().is_some()));
    let on_change = Closure::<dyn FnMut()>::new({
        let container = container.clone();
        move || {
            if RELOAD_REQUESTED.with(Cell::get) {
                reload();
            } else if looked_after.get() {
                ctx.update_ready.try_set(true);
            }
            looked_after.set(container.controller().is_some());
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    let options = RegistrationOptions::new();
    // The worker's own file always comes from the server, never from an HTTP cache.
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let registration = match JsFuture::from(container.register_with_options(SERVICE_WORKER_URL, &options)).await {
        Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
        Err(e) => {
            web_sys::console::warn_2(&"Case Review Studio: the offline copy could not be set up:".into(), &e);
            ctx.state.try_set(OfflineState::Unavailable("the browser refused to keep a copy of the app"));
            return;
        }
    };
    if registration.waiting().is_some() && container.controller().is_some() {
        ctx.update_ready.try_set(true);
    }
    watch_new_version(registration.installing(), &container, ctx);
    let on_found = Closure::<dyn FnMut()>::new({
        let registration = registration.clone();
        let container = container.clone();
        move || watch_new_version(registration.installing(), &container, ctx)
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();

    // A tab left open for days looks for a newer version whenever someone comes back to it.
    let on_visible = Closure::<dyn FnMut()>::new({
        let registration = registration.clone();
        move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                if let Ok(promise) = registration.update() {
                    // Offline, or the server is away: the kept copy carries on, nothing to say.
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = JsFuture::from(promise).await;
                    });
                }
            }
        }
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    on_visible.forget();

    if let Ok(ready) = container.ready() {
        if JsFuture::from(ready).await.is_ok() {
            ctx.state.try_set(OfflineState::Ready);
        }
    }
}

/// Says "a new version is ready" once a newer worker has its complete copy, if this page
/// runs an older one.
fn watch_new_version(worker: Option<ServiceWorker>, container: &ServiceWorkerContainer, ctx: OfflineContext) {
    let Some(worker) = worker else { return };
    let on_state = Closure::<dyn FnMut()>::new({
        let worker = worker.clone();
        let container = container.clone();
        move || {
            if worker.state() == ServiceWorkerState::Installed && container.controller().is_some() {
                ctx.update_ready.try_set(true);
            }
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

thread_local! {
    /// The person asked for the new version: reload as soon as it is in charge.
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

fn reload() {
    let _ = window().location().reload();
}

/// Lets the waiting newer version take over, then reloads into it. Edits are saved as the
/// page unloads, as on any reload.
async fn take_over_and_reload() {
    let waiting = match container() {
        Ok(container) => match JsFuture::from(container.get_registration()).await {
            Ok(r) if !r.is_undefined() => r.unchecked_into::<ServiceWorkerRegistration>().waiting(),
            _ => None,
        },
        Err(_) => None,
    };
    let Some(waiting) = waiting else {
        // Already in charge (another tab let it take over): a reload shows it.
        reload();
        return;
    };
    RELOAD_REQUESTED.with(|r| r.set(true));
    if waiting.post_message(&JsValue::from_str(TAKE_OVER)).is_err() {
        reload();
        return;
    }
    let fallback = Closure::once_into_js(reload);
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), TAKE_OVER_TIMEOUT_MS);
}

/// The polite note that a newer version is ready, with a button to reload into it.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ctx = expect_context::<OfflineContext>();
    let dismissed = RwSignal::new(false);
    let busy = RwSignal::new(false);
    view! {
        // Always in the page, so screen readers announce the note when it appears.
        <div class="update-area" role="status">
            <Show when=move || ctx.update_ready.get() && !dismissed.get()>
                <div class="update-notice">
                    <p>
                        <strong>"A new version of Case Review Studio is ready"</strong>
                        " — reload when convenient. Your work is saved as you go, and this "
                        "version carries on working until then."
                    </p>
                    <div class="update-actions">
                        <button class="button-primary" disabled=move || busy.get() on:click=move |_| {
                            busy.set(true);
                            leptos::task::spawn_local(take_over_and_reload());
                        }>"Reload now"</button>
                        <button class="button-secondary" on:click=move |_| dismissed.set(true)>"Later"</button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
