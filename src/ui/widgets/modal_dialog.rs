//! A modal dialog asks the person one question (delete this review? keep both or replace?)
//! and keeps keyboard focus inside until they answer; Escape always means "cancel".

use leptos::prelude::*;

use super::unique_id;

/// A dialog that opens as soon as it is shown.
#[component]
pub fn ModalDialog(
    /// The question, shown as the dialog's heading and used as its accessible name.
    #[prop(into)]
    title: String,
    /// Called when the person cancels (Escape or a Cancel button).
    on_cancel: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let heading = unique_id("dialog-title");
    let labelled_by = heading.clone();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    view! {
        <dialog class="modal" node_ref=dialog aria-labelledby=labelled_by
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                on_cancel.run(());
            }>
            <h2 id=heading>{title}</h2>
            {children()}
        </dialog>
    }
}
