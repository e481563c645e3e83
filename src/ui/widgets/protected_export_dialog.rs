//! The protected export dialog saves a review to a file that opens only with a passphrase
//! the person chooses now: the ordinary review file, encrypted in the documented envelope
//! (see `storage::envelope`). Importing it asks for the passphrase. Where the browser
//! cannot encrypt, the dialog says so and offers nothing.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::{ModalDialog, NewPassphrase};
use crate::export::anonymised_export::protected_file_name;
use crate::export::download::download_text;
use crate::model::Review;
use crate::storage::encryption;
use crate::storage::file_format::write_file;
use crate::storage::passphrase::check_new;
use crate::storage::LockError;
use crate::ui::browser::now;
use crate::ui::contexts::NoticeContext;

/// Asks for a passphrase, then saves `review` as a protected file.
#[component]
pub fn ProtectedExportDialog(
    /// The review as it is now.
    review: Review,
    /// Closes the dialog.
    on_close: Callback<()>,
    /// Called with the time of the export once the file is handed to the browser.
    on_exported: Callback<DateTime<Utc>>,
) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let available = encryption::is_available();

    let store = expect_context::<crate::ui::contexts::StoreContext>().store().ok();
    let expect_context_store = move || store.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let (p, r) = (passphrase.get_untracked(), repeat.get_untracked());
        if let Err(e) = check_new(&p, &r) {
            error.set(Some(e.to_string()));
            return;
        }
        error.set(None);
        working.set(true);
        let review = review.clone();
        let saved_store = expect_context_store();
        leptos::task::spawn_local(async move {
            let when = now();
            let mut marked = review.clone();
            marked.mark_exported(when);
            let name = protected_file_name(when.date_naive());
            // The saved copy with its history, so the file can be merged; the review as on
            // screen (without history) if the saved copy cannot be read.
            let plain = match saved_store {
                Some(store) => match store.file_text(&[marked.id], when).await {
                    Ok((text, _)) => text,
                    Err(_) => write_file(std::slice::from_ref(&marked), when),
                },
                None => write_file(std::slice::from_ref(&marked), when),
            };
            let result = match encryption::encrypt_file(&plain, &p).await {
                Ok(text) => download_text(&name, "application/json", &text).map_err(|e| format!("The file could not be saved: {e}.")),
                Err(e) => Err(e.to_string()),
            };
            working.try_set(false);
            match result {
                Ok(()) => {
                    on_exported.run(when);
                    on_close.run(());
                    notices.say(format!(
                        "Exported a protected file, “{name}”. It opens only with the passphrase: share the \
                         passphrase separately from the file."
                    ));
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };

    view! {
        <ModalDialog title="Export with a passphrase" on_cancel=on_close>
            {if available {
                view! {
                    <form class="passphrase-form" on:submit=submit>
                        <p>"The file will open only with this passphrase, in Case Review Studio on any device. "
                           "Its name will not include the review’s title."</p>
                        <NewPassphrase passphrase=passphrase repeat=repeat label="Passphrase for this file"/>
                        <p class="hint">"Nobody can open the file without the passphrase, not even you: keep it somewhere safe, apart from the file."</p>
                        <p class="error-text" role="alert">{move || error.get()}</p>
                        <div class="dialog-actions">
                            <button type="submit" class="button-primary" disabled=move || working.get()>
                                {move || if working.get() { "Protecting the file…" } else { "Export protected file" }}
                            </button>
                            <button type="button" class="button-secondary" on:click=move |_| on_close.run(())>"Cancel"</button>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p>{LockError::Unavailable.to_string()}</p>
                    <div class="dialog-actions">
                        <button type="button" class="button-secondary" autofocus on:click=move |_| on_close.run(())>"Close"</button>
                    </div>
                }.into_any()
            }}
        </ModalDialog>
    }
}
