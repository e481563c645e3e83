//! A hinted text field is a labelled text box with the app's gentle suggestions under it:
//! words that judge rather than describe practice, and words that look like a real name or
//! address. The suggestions never stop anyone typing or saving; each can be dismissed
//! where it occurs, and the dismissal is saved with the review.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::unique_id;
use crate::model::identifying_details::FieldKind;
use crate::model::text_hints::hints;

/// What the hinted fields of one screen share: the review's pseudonyms (never flagged as
/// names), the hints already dismissed, and how to dismiss one.
#[derive(Clone, Copy)]
pub struct HintContext {
    pub pseudonyms: Signal<Vec<String>>,
    pub dismissed: Signal<BTreeSet<String>>,
    pub dismiss: Callback<String>,
}

/// A labelled text box (one line or several) with its suggestions underneath.
#[component]
pub fn HintedText(
    /// The visible label (or, with `hide_label`, the accessible name only).
    #[prop(into)]
    label: String,
    #[prop(optional)] hide_label: bool,
    /// Names the field within the review, for remembering dismissed hints.
    #[prop(into)]
    field_key: String,
    /// What kind of text belongs here.
    #[prop(optional)]
    kind: Option<FieldKind>,
    /// Lines shown; 1 makes a one-line input.
    #[prop(default = 4)]
    rows: u32,
    value: Signal<String>,
    /// Hears the text on every keystroke: nothing waits for the box to be left.
    on_change: Callback<String>,
) -> impl IntoView {
    let ctx = use_context::<HintContext>();
    // What is in the box now (the hints follow it as it is typed).
    let draft = RwSignal::new(value.get_untracked());
    Effect::new(move |_| {
        let v = value.get();
        if draft.with_untracked(|d| *d != v) {
            draft.set(v);
        }
    });
    let typed = move |text: String| {
        draft.set(text.clone());
        on_change.run(text);
    };
    let kind = kind.unwrap_or(FieldKind::FreeText);
    let id = unique_id("text");
    let hints_id = format!("{id}-hints");
    let key = field_key.clone();
    let found = Memo::new(move |_| {
        let text = draft.get();
        let Some(ctx) = ctx else { return Vec::new() };
        let pseudonyms = ctx.pseudonyms.get();
        let names: Vec<&str> = pseudonyms.iter().map(String::as_str).collect();
        ctx.dismissed.with(|d| hints(&key, &text, kind, &names, d))
    });
    let has_hints = move || found.with(|h| !h.is_empty());
    let described_by = {
        let hints_id = hints_id.clone();
        move || has_hints().then(|| hints_id.clone())
    };
    let input = if rows <= 1 {
        view! {
            <input id=id.clone() type="text" aria-describedby=described_by prop:value=move || draft.get()
                on:input=move |ev| typed(event_target_value(&ev))/>
        }
        .into_any()
    } else {
        view! {
            <textarea id=id.clone() rows=rows aria-describedby=described_by prop:value=move || draft.get()
                on:input=move |ev| typed(event_target_value(&ev))></textarea>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id class:visually-hidden=hide_label>{label}</label>
            {input}
            <Show when=has_hints>
                <ul class="text-hints" id=hints_id.clone() aria-label="Suggestions">
                    <For each=move || found.get() key=|h| h.key.clone() children=move |h| {
                        let key = h.key.clone();
                        let words = h.words.clone();
                        view! {
                            <li>
                                <span>{h.message.clone()}</span>
                                <button type="button" class="button-quiet button-small"
                                    on:click=move |_| if let Some(ctx) = ctx { ctx.dismiss.run(key.clone()) }>
                                    "Dismiss"<span class="visually-hidden">{format!(" suggestion about “{words}”")}</span>
                                </button>
                            </li>
                        }
                    }/>
                </ul>
            </Show>
        </div>
    }
}
