//! The screen for an address the app does not know, with the way back to the library.

use leptos::prelude::*;

/// "Page not found".
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <div class="page narrow">
            <h1>"Page not found"</h1>
            <p>"This address does not match anything in Case Review Studio."</p>
            <p><a href="#/">"Go to your reviews"</a></p>
        </div>
    }
}
