//! A dated item form adds one thing that happened at a time the team knows as a date or a
//! period: a turning point in a conversation, a moment a practitioner wants to talk about,
//! an event in the narrative. It empties itself once the item is added.

use leptos::prelude::*;

use super::{DateOrPeriodInput, HintedText};
use crate::model::date_or_period::DateOrPeriod;

/// The words, the date or period, and the button that adds them.
#[component]
pub fn DatedItemForm(
    /// The text box's label, e.g. "New turning point".
    #[prop(into)]
    label: String,
    /// Names the text box within the review, for remembering dismissed hints.
    #[prop(into)]
    field_key: String,
    /// What the date belongs to, for the date boxes' labels: "the new turning point".
    #[prop(into)]
    what: String,
    /// The button's words, e.g. "Add turning point".
    #[prop(into)]
    button: String,
    /// Adds the item; returns true when it was added (then the form empties).
    on_add: Callback<(String, DateOrPeriod), bool>,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let when = RwSignal::new(DateOrPeriod::default());
    let add = move || {
        if on_add.run((draft.get_untracked(), when.get_untracked())) {
            draft.set(String::new());
            when.set(DateOrPeriod::default());
        }
    };
    view! {
        <form class="add-item" on:submit=move |ev| { ev.prevent_default(); add(); }>
            <HintedText label=label field_key=field_key rows=2 value=draft.into() on_change=Callback::new(move |v| draft.set(v))/>
            <DateOrPeriodInput what=what value=when.into() on_change=Callback::new(move |v| when.set(v))/>
            <button type="submit" class="button-secondary">{button}</button>
        </form>
    }
}
