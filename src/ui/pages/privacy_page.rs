//! Privacy on this device: where reviews are kept, the optional passphrase that encrypts
//! them (set it, choose when the app locks itself, lock now, remove it), and what to know
//! about exported files and delete-by dates. Where the browser cannot encrypt (a plain-http
//! page has no WebCrypto), the page says so plainly and offers nothing it cannot do.

use leptos::prelude::*;

use crate::storage::encryption;
use crate::storage::envelope::{DEFAULT_IDLE_MINUTES, IDLE_MINUTES_CHOICES};
use crate::storage::passphrase::check_new;
use crate::storage::tab_sync::TabNotice;
use crate::storage::{LockError, LockStatus};
use crate::ui::app_lock::AppLock;
use crate::ui::contexts::{NoticeContext, StoreContext, TabContext};
use crate::ui::widgets::NewPassphrase;

/// The privacy settings for this device.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let lock = expect_context::<AppLock>();
    let store = expect_context::<StoreContext>().store();
    let place = store.as_ref().map(|s| s.description()).unwrap_or("nowhere: this browser will not keep reviews");
    let available = encryption::is_available();
    let status = lock.status;

    view! {
        <div class="page narrow privacy-page">
            <h1>"Privacy on this device"</h1>
            <p class="lede">"Reviews are kept in " {place} " and leave it only when you export a file."</p>

            <section class="settings privacy-section" aria-labelledby="encryption-heading">
                <h2 id="encryption-heading">"Encrypt reviews on this device"</h2>
                {move || match (available, status.get()) {
                    (false, LockStatus::Off) => view! { <EncryptionUnavailable/> }.into_any(),
                    (_, LockStatus::Off) => view! { <TurnOnEncryption/> }.into_any(),
                    _ => view! { <EncryptionOn/> }.into_any(),
                }}
            </section>

            <section class="settings privacy-section" aria-labelledby="exports-heading">
                <h2 id="exports-heading">"Exported files"</h2>
                <p>"An exported file is an ordinary copy that anyone who has it can read, wherever it is saved. "
                   "To send or store a file safely, open the review and choose "
                   <strong>"Export with passphrase"</strong>
                   ": the file then opens only with the passphrase you give it. Share that passphrase "
                   "separately (by phone, not in the same email)."</p>
                <p>"To publish or share learning beyond the group, choose " <strong>"Anonymised copy"</strong>
                   " on the review: you list the names and places to replace and check every change before anything is saved."</p>
            </section>

            <section class="settings privacy-section" aria-labelledby="retention-heading">
                <h2 id="retention-heading">"Keeping reviews no longer than needed"</h2>
                <p>"Each review can record a " <strong>"delete-by date"</strong>
                   " (under its title) from your organisation’s retention policy. Once a review is past it, "
                   "the list of reviews says so and offers to export it to a file and then delete it from this device."</p>
            </section>
        </div>
    }
}

/// What is said where the browser cannot encrypt.
#[component]
fn EncryptionUnavailable() -> impl IntoView {
    view! {
        <div class="callout callout-error">
            <p><strong>"Encryption is not available on this page."</strong></p>
            <p>{LockError::Unavailable.to_string()}</p>
            <p>"Reviews here are stored as readable text in this browser’s storage. Ask your IT team to serve "
               "Case Review Studio over https, or use the single-file version opened from this computer, to be able to encrypt them."</p>
        </div>
    }
}

/// The form that sets a passphrase and encrypts the reviews already here.
#[component]
fn TurnOnEncryption() -> impl IntoView {
    let lock = expect_context::<AppLock>();
    let store = expect_context::<StoreContext>().store();
    let notices = expect_context::<NoticeContext>();
    let tabs = expect_context::<TabContext>();
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let idle = RwSignal::new(DEFAULT_IDLE_MINUTES);
    let error = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(store) = store.clone() else { return };
        if progress.get_untracked().is_some() {
            return;
        }
        let (p, r) = (passphrase.get_untracked(), repeat.get_untracked());
        if let Err(e) = check_new(&p, &r) {
            error.set(Some(e.to_string()));
            return;
        }
        error.set(None);
        progress.set(Some("Making the key from your passphrase…".into()));
        let lock = lock.clone();
        let tabs = tabs.clone();
        leptos::task::spawn_local(async move {
            let report = move |done: usize, total: usize| {
                progress.try_set(Some(format!("Encrypting reviews: {done} of {total}…")));
            };
            let result = store.turn_on_encryption(&p, &r, idle.get_untracked(), &report).await;
            progress.try_set(None);
            lock.changed_here();
            match result {
                Ok(n) => {
                    tabs.announce(TabNotice::DeviceLockChanged);
                    notices.say(match n {
                        0 => "Encryption is on. Reviews you write on this device are stored encrypted.".to_string(),
                        1 => "Encryption is on: the review on this device is now stored encrypted.".to_string(),
                        n => format!("Encryption is on: the {n} reviews on this device are now stored encrypted."),
                    });
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        });
    };

    view! {
        <p>"Reviews on this device are stored as readable text: anyone who can use this browser on this "
           "computer could read them. With a passphrase, they are stored encrypted, and the app asks for the "
           "passphrase each time it opens and after it has been left alone."</p>
        <div class="callout">
            <p><strong>"If the passphrase is forgotten, nobody can recover these reviews."</strong>
               " It is never stored or sent anywhere. Keep exported files as your safe copy."</p>
        </div>
        <form class="passphrase-form" on:submit=submit>
            <NewPassphrase passphrase=passphrase repeat=repeat label="Passphrase for this device"/>
            <div class="field">
                <label for="idle-minutes">"Lock the app after"</label>
                <IdleSelect id="idle-minutes" value=idle on_change=Callback::new(move |m| idle.set(m))/>
            </div>
            <p class="error-text" role="alert">{move || error.get()}</p>
            <p class="muted" role="status">{move || progress.get()}</p>
            <button type="submit" class="button-primary" disabled=move || progress.get().is_some()>
                "Encrypt reviews on this device"
            </button>
        </form>
    }
}

/// The choice of idle time before the app locks.
#[component]
fn IdleSelect(
    /// The element id, for its label.
    #[prop(into)]
    id: String,
    /// The minutes chosen now.
    value: RwSignal<u32>,
    /// Called with the minutes chosen.
    on_change: Callback<u32>,
) -> impl IntoView {
    view! {
        <select id=id class="idle-select" on:change=move |ev| {
            if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                on_change.run(m);
            }
        }>
            {IDLE_MINUTES_CHOICES.iter().map(|m| {
                let m = *m;
                view! { <option value=m.to_string() selected=move || value.get() == m>{format!("{m} minutes without activity")}</option> }
            }).collect_view()}
        </select>
    }
}

/// What is shown once a passphrase is set: the idle time, "Lock now", and removing it.
#[component]
fn EncryptionOn() -> impl IntoView {
    let lock = expect_context::<AppLock>();
    let store = expect_context::<StoreContext>().store();
    let notices = expect_context::<NoticeContext>();
    let tabs = expect_context::<TabContext>();
    let idle = RwSignal::new(store.as_ref().ok().and_then(|s| s.idle_minutes()).unwrap_or(DEFAULT_IDLE_MINUTES));
    let removing = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<String>);

    let change_idle = {
        let store = store.clone();
        let tabs = tabs.clone();
        Callback::new(move |minutes: u32| {
            let Ok(store) = store.clone() else { return };
            let tabs = tabs.clone();
            idle.set(minutes);
            leptos::task::spawn_local(async move {
                match store.set_idle_minutes(minutes).await {
                    Ok(()) => {
                        tabs.announce(TabNotice::DeviceLockChanged);
                        notices.say(format!("The app will lock after {minutes} minutes without activity."));
                    }
                    Err(e) => notices.warn(e.to_string()),
                }
            });
        })
    };
    let remove = {
        let lock = lock.clone();
        let tabs = tabs.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Ok(store) = store.clone() else { return };
            if progress.get_untracked().is_some() {
                return;
            }
            let typed = passphrase.get_untracked();
            error.set(None);
            progress.set(Some("Checking the passphrase…".into()));
            let lock = lock.clone();
            let tabs = tabs.clone();
            // Other tabs lock first, so none can write an encrypted review after this tab
            // has decrypted them all.
            tabs.announce(TabNotice::DeviceLocked);
            leptos::task::spawn_local(async move {
                let report = move |done: usize, total: usize| {
                    progress.try_set(Some(format!("Decrypting reviews: {done} of {total}…")));
                };
                let result = store.turn_off_encryption(&typed, &report).await;
                progress.try_set(None);
                match result {
                    Ok(n) => {
                        passphrase.try_set(String::new());
                        tabs.announce(TabNotice::DeviceLockChanged);
                        notices.say(match n {
                            1 => "Encryption is off: the review on this device is stored as readable text again.".to_string(),
                            n => format!("Encryption is off: the {n} reviews on this device are stored as readable text again."),
                        });
                        lock.changed_here();
                    }
                    Err(e) => {
                        error.try_set(Some(e.to_string()));
                    }
                }
            });
        }
    };
    let lock_now = {
        let lock = lock.clone();
        move |_| lock.lock_now(Some("You locked the app.".into()), Some(&tabs))
    };

    view! {
        <p class="status-on"><strong>"Encryption is on."</strong>
           " Reviews on this device are stored encrypted (AES-256-GCM, with a key made from your passphrase). "
           "The passphrase is asked for each time the app opens."</p>
        <div class="field">
            <label for="idle-minutes-on">"Lock the app after"</label>
            <IdleSelect id="idle-minutes-on" value=idle on_change=change_idle/>
        </div>
        <div class="dialog-actions">
            <button type="button" class="button-primary" on:click=lock_now>"Lock now"</button>
            <button type="button" class="button-secondary" aria-expanded=move || removing.get().to_string()
                on:click=move |_| removing.update(|r| *r = !*r)>"Remove encryption…"</button>
        </div>
        <Show when=move || removing.get()>
            <form class="passphrase-form remove-encryption" on:submit=remove.clone()>
                <h3>"Remove encryption"</h3>
                <p>"Reviews on this device will be stored as readable text again. Enter the passphrase to confirm. "
                   "Case Review Studio locks in any other open tab while this happens."</p>
                <div class="field">
                    <label for="remove-passphrase">"Current passphrase"</label>
                    <input id="remove-passphrase" type="password" autocomplete="current-password"
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </div>
                <p class="error-text" role="alert">{move || error.get()}</p>
                <p class="muted" role="status">{move || progress.get()}</p>
                <button type="submit" class="button-danger" disabled=move || progress.get().is_some()>
                    "Decrypt reviews and remove the passphrase"
                </button>
            </form>
        </Show>
    }
}
