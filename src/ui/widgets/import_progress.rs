//! The import progress bar shows, while a file is being imported, which step the import is
//! at ("Checking 3,000 of 10,000 reviews") and how far through it is. Screen readers hear
//! the same words as the bar's value.

use leptos::prelude::*;

use crate::ui::import_steps::ImportStage;

/// The bar, shown only while an import is under way.
#[component]
pub fn ImportProgress(
    /// The import's current step, or `None` when no import is under way.
    stage: RwSignal<Option<ImportStage>>,
) -> impl IntoView {
    move || {
        stage.get().map(|s| {
            let label = s.label();
            view! {
                <div class="import-progress">
                    <p class="import-progress-label" aria-hidden="true">{label.clone()}</p>
                    <progress max="100" value=s.percent() aria-label="Import progress"
                        aria-valuetext=label></progress>
                </div>
            }
        })
    }
}
