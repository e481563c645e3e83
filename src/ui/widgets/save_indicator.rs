//! The save indicator tells the person, calmly and always in the same place, whether their
//! latest edits are kept on this device.

use leptos::prelude::*;

use crate::ui::autosave::SaveStatus;

/// "Saved" / "Saving…" / a problem.
#[component]
pub fn SaveIndicator(status: RwSignal<SaveStatus>) -> impl IntoView {
    let text = move || match status.get() {
        SaveStatus::Saved => "Saved on this device",
        SaveStatus::Saving => "Saving…",
        SaveStatus::Conflict => "Not saved: newer copy in another tab",
        SaveStatus::Failed(_) => "Not saved",
    };
    let class = move || match status.get() {
        SaveStatus::Saved => "save-indicator saved",
        SaveStatus::Saving => "save-indicator saving",
        _ => "save-indicator problem",
    };
    view! { <p class=class role="status" aria-live="polite">{text}</p> }
}
