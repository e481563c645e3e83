//! The new-passphrase fields ask for a passphrase twice and say, as it is typed, how hard
//! it would be to guess, with advice on making it stronger. Used when setting the device's
//! passphrase and when protecting an exported file.

use leptos::prelude::*;

use super::unique_id;
use crate::storage::passphrase::{advice, Strength};

/// Two password boxes, a "show" switch and live strength advice.
#[component]
pub fn NewPassphrase(
    /// What the person typed first.
    passphrase: RwSignal<String>,
    /// What they typed again.
    repeat: RwSignal<String>,
    /// The first box's label, e.g. "Passphrase for this device".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let first = unique_id("passphrase");
    let second = unique_id("passphrase-repeat");
    let advice_id = unique_id("passphrase-advice");
    let shown = RwSignal::new(false);
    let kind = move || if shown.get() { "text" } else { "password" };
    let judged = move || {
        let p = passphrase.get();
        (!p.is_empty()).then(|| advice(&p))
    };
    let (first_for, second_for, advice_for) = (first.clone(), second.clone(), advice_id.clone());
    view! {
        <div class="new-passphrase">
            <div class="field">
                <label for=first_for>{label}</label>
                <input id=first type=kind autocomplete="new-password" aria-describedby=advice_for
                    prop:value=move || passphrase.get()
                    on:input=move |ev| passphrase.set(event_target_value(&ev))/>
            </div>
            <p id=advice_id class="passphrase-advice" aria-live="polite"
                class:strong=move || judged().is_some_and(|a| a.strength == Strength::Strong)
                class:weak=move || judged().is_some_and(|a| a.strength == Strength::TooWeak)>
                {move || match judged() {
                    Some(a) => a.message,
                    None => "Use three or four random words, at least 12 characters: easy to remember, hard to guess.".to_string(),
                }}
            </p>
            <div class="field">
                <label for=second_for>"Type the passphrase again"</label>
                <input id=second type=kind autocomplete="new-password"
                    prop:value=move || repeat.get()
                    on:input=move |ev| repeat.set(event_target_value(&ev))/>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || shown.get() on:change=move |ev| shown.set(event_target_checked(&ev))/>
                " Show the passphrase as I type"
            </label>
        </div>
    }
}
