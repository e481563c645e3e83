//! The unlock screen stands in for every screen while the reviews on this device are
//! locked: at start-up, after "Lock now", and after the chosen idle time. It asks for the
//! passphrase; a wrong one is said plainly and changes nothing. For a passphrase that is
//! truly forgotten it explains that nobody can recover it, and offers to clear the locked
//! reviews from this device so the app can be used again.

use leptos::prelude::*;

use crate::storage::encryption;
use crate::storage::tab_sync::TabNotice;
use crate::storage::LockError;
use crate::ui::app_lock::AppLock;
use crate::ui::browser::focus_when_ready;
use crate::ui::contexts::{JournalContext, NoticeContext, StoreContext, TabContext};
use crate::ui::recovery::recover_and_tell;
use crate::ui::widgets::ModalDialog;

const PASSPHRASE_INPUT_ID: &str = "unlock-passphrase";

/// The locked screen.
#[component]
pub fn UnlockPage() -> impl IntoView {
    let lock = expect_context::<AppLock>();
    let store = expect_context::<StoreContext>().store();
    let notices = expect_context::<NoticeContext>();
    let tabs = expect_context::<TabContext>();
    let journal = expect_context::<JournalContext>();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let forgetting = RwSignal::new(false);
    let available = encryption::is_available();

    let unlock = {
        let lock = lock.clone();
        let store = store.clone();
        move || {
            let Ok(store) = store.clone() else { return };
            if working.get_untracked() || lock.locking.get_untracked() {
                return;
            }
            let typed = passphrase.get_untracked();
            if typed.is_empty() {
                error.set(Some("Enter your passphrase.".into()));
                focus_when_ready(PASSPHRASE_INPUT_ID.into());
                return;
            }
            working.set(true);
            error.set(None);
            let lock = lock.clone();
            let journal = journal.clone();
            leptos::task::spawn_local(async move {
                match store.unlock(&typed).await {
                    Ok(()) => {
                        passphrase.try_set(String::new());
                        // Edits a tab had only in its sealed journal are saved before any
                        // screen reads the reviews.
                        let recovered = recover_and_tell(&store, &journal.0).await;
                        lock.unlocked();
                        if let Some(text) = recovered {
                            notices.say(text);
                        }
                    }
                    Err(e) => {
                        error.try_set(Some(e.to_string()));
                        working.try_set(false);
                        focus_when_ready(PASSPHRASE_INPUT_ID.into());
                    }
                }
            });
        }
    };
    focus_when_ready(PASSPHRASE_INPUT_ID.into());

    let forget = {
        let lock = lock.clone();
        let store = store.clone();
        let tabs = tabs.clone();
        Callback::new(move |_| {
            let Ok(store) = store.clone() else { return };
            let lock = lock.clone();
            let tabs = tabs.clone();
            forgetting.set(false);
            leptos::task::spawn_local(async move {
                match store.forget_everything().await {
                    Ok(n) => {
                        tabs.announce(TabNotice::DeviceLockChanged);
                        lock.changed_here();
                        notices.say(match n {
                            1 => "The locked review was removed from this device. The passphrase is removed too.".to_string(),
                            n => format!("{n} locked reviews were removed from this device. The passphrase is removed too."),
                        });
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        })
    };

    view! {
        <div class="page narrow unlock-page">
            <h1>"Your reviews are locked"</h1>
            {move || lock.reason.get().map(|r| view! { <p class="muted">{r}</p> })}
            <p>"The reviews on this device are encrypted. Enter the passphrase set on this device to open them."</p>
            {if available {
                let unlock2 = unlock.clone();
                view! {
                    <form class="unlock-form" on:submit=move |ev| { ev.prevent_default(); unlock2(); }>
                        <div class="field">
                            <label for=PASSPHRASE_INPUT_ID>"Passphrase"</label>
                            <input id=PASSPHRASE_INPUT_ID type="password" autocomplete="current-password"
                                aria-describedby="unlock-error"
                                prop:value=move || passphrase.get()
                                on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                        </div>
                        <p id="unlock-error" class="error-text" role="alert">{move || error.get()}</p>
                        <button type="submit" class="button-primary" disabled=move || working.get() || lock.locking.get()>
                            {move || if lock.locking.get() { "Locking…" } else if working.get() { "Unlocking…" } else { "Unlock" }}
                        </button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <div class="callout callout-error" role="alert">
                        <p>{LockError::Unavailable.to_string()}</p>
                        <p>"Open Case Review Studio from its https address (or from the single file on this computer) to unlock these reviews."</p>
                    </div>
                }.into_any()
            }}
            <details class="forgotten">
                <summary>"Forgotten the passphrase?"</summary>
                <p>"Nobody can recover it: the passphrase is not stored anywhere, and without it the reviews "
                   "on this device cannot be decrypted. Exported files are not affected: if you have them, "
                   "open them again after clearing this device."</p>
                <p>"To use Case Review Studio on this device again, remove the locked reviews."</p>
                <button type="button" class="button-danger" on:click=move |_| forgetting.set(true)>
                    "Remove the locked reviews from this device"
                </button>
            </details>
            <Show when=move || forgetting.get()>
                <ModalDialog title="Remove every locked review from this device?" on_cancel=Callback::new(move |_| forgetting.set(false))>
                    <p>"Every review on this device will be deleted, and cannot be brought back. Exported files are not affected."</p>
                    <div class="dialog-actions">
                        <button type="button" class="button-danger" on:click=move |_| forget.run(())>"Remove them"</button>
                        <button type="button" class="button-secondary" autofocus on:click=move |_| forgetting.set(false)>"Cancel"</button>
                    </div>
                </ModalDialog>
            </Show>
        </div>
    }
}
