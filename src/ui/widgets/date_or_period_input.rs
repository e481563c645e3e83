//! A date-or-period input asks when something happened the way review teams know it: a
//! date if there is one, or a period in words ("spring 2024"), or both.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::unique_id;
use crate::model::date_or_period::DateOrPeriod;

/// A date box and a period box side by side, labelled for what they date.
#[component]
pub fn DateOrPeriodInput(
    /// What is being dated, for the labels: "turning point", "episode 2".
    #[prop(into)]
    what: String,
    value: Signal<DateOrPeriod>,
    on_change: Callback<DateOrPeriod>,
) -> impl IntoView {
    let (date_id, period_id) = (unique_id("date"), unique_id("period"));
    view! {
        <div class="date-or-period">
            <div class="field">
                <label for=date_id.clone()>"Date"<span class="visually-hidden">{format!(" of {what}")}</span></label>
                <input id=date_id type="date"
                    prop:value=move || value.with(|v| v.date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default())
                    on:input=move |ev| {
                        // Handed over as soon as the date is whole; clearing waits for the change.
                        if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                            let mut v = value.get_untracked();
                            v.date = Some(d);
                            on_change.run(v);
                        }
                    }
                    on:change=move |ev| {
                        let mut v = value.get_untracked();
                        v.date = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                        on_change.run(v);
                    }/>
            </div>
            <div class="field">
                <label for=period_id.clone()>"or period"<span class="visually-hidden">{format!(" of {what}")}</span></label>
                <input id=period_id type="text" placeholder="e.g. spring 2024"
                    prop:value=move || value.with(|v| v.period.clone())
                    on:input=move |ev| {
                        let mut v = value.get_untracked();
                        v.period = event_target_value(&ev);
                        on_change.run(v);
                    }/>
            </div>
        </div>
    }
}
