//! The review loader opens one review from this device for a screen (the editor, a print
//! view) and says plainly when it cannot: not on this device, or unreadable.

use leptos::prelude::*;

use crate::model::ReviewId;
use crate::storage::{StoreError, StoredReview};
use crate::ui::contexts::StoreContext;

/// What a screen shows once its review is loaded.
pub type ReadyView = Box<dyn Fn(StoredReview) -> AnyView + Send + Sync>;

/// Loads review `id`, showing `waiting` meanwhile, then `ready`'s view, or a clear message.
#[component]
pub fn ReviewLoader(
    id: ReviewId,
    /// Shown while the review is read, e.g. "Opening the review…".
    #[prop(into)]
    waiting: String,
    /// The heading when the stored copy cannot be read.
    #[prop(into)]
    failed: String,
    /// Where the "go back" link of a failure leads.
    #[prop(into)]
    back_href: String,
    /// Builds the screen from the loaded review.
    ready: ReadyView,
) -> impl IntoView {
    let store = expect_context::<StoreContext>().store();
    let loaded = RwSignal::new(None::<Result<StoredReview, StoreError>>);
    leptos::task::spawn_local(async move {
        let result = match store {
            Ok(s) => s.load(id).await,
            Err(e) => Err(e),
        };
        loaded.try_set(Some(result));
    });
    move || match loaded.get() {
        None => view! { <div class="page"><p class="muted">{waiting.clone()}</p></div> }.into_any(),
        Some(Ok(stored)) => ready(stored),
        Some(Err(StoreError::NotFound)) => view! {
            <div class="page narrow">
                <h1>"This review is not in this browser"</h1>
                <p>"It may have been deleted, or saved in another browser or on another device. "
                   "If you have an exported file, open it from your reviews."</p>
                <p><a href="#/">"Go to your reviews"</a></p>
            </div>
        }
        .into_any(),
        Some(Err(e)) => view! {
            <div class="page narrow">
                <h1>{failed.clone()}</h1>
                <p role="alert">{e.to_string()}</p>
                <p><a href=back_href.clone()>"Go back"</a></p>
            </div>
        }
        .into_any(),
    }
}
