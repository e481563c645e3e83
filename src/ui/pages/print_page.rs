//! The print views of a case discussion (being written: Case Discussion Notes and the
//! one-page tool sheet).

use leptos::prelude::*;

use crate::model::ReviewId;
use crate::ui::route::PrintView;

/// A printable view of one review.
#[component]
pub fn PrintPage(id: ReviewId, view: PrintView) -> impl IntoView {
    let _ = (id, view);
    view! { <p>"Print view"</p> }
}
