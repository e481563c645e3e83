//! A date field is one labelled date box whose date goes to the review as soon as it is
//! whole (nothing waits for the box to be left), and is cleared when the box is emptied.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::unique_id;

/// A labelled date box.
#[component]
pub fn DateField(
    /// The label shown above the box.
    #[prop(into)]
    label: String,
    /// Words added to the label for screen readers only, to tell this box from others
    /// with the same label: " for data collection".
    #[prop(optional, into)]
    hidden_label: String,
    /// A short hint shown under the box.
    #[prop(optional, into)]
    hint: String,
    /// The date shown.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Called with the date once it is whole, and with `None` when the box is cleared.
    on_change: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    let id = unique_id("date-field");
    let hint_id = format!("{id}-hint");
    let described = (!hint.is_empty()).then(|| hint_id.clone());
    view! {
        <div class="field date-field">
            <label for=id.clone()>{label}{(!hidden_label.is_empty()).then(|| view! { <span class="visually-hidden">{hidden_label}</span> })}</label>
            <input id=id type="date" aria-describedby=described
                prop:value=move || value.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                on:input=move |ev| {
                    // Handed over as soon as the date is whole; clearing waits for the change.
                    if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                        on_change.run(Some(d));
                    }
                }
                on:change=move |ev| {
                    on_change.run(NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok());
                }/>
            {(!hint.is_empty()).then(|| view! { <p id=hint_id class="hint field-hint">{hint}</p> })}
        </div>
    }
}
