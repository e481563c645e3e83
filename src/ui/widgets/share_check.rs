//! The before-you-share check shows, before a print, a Word document or an exported file
//! leaves the app, the suggestions still open in the review (names, addresses, postcodes,
//! places, judging words), each with where it is. It never blocks: the person goes back to
//! check, makes an anonymised copy, or carries on.

use leptos::prelude::*;

use super::ModalDialog;
use crate::model::share_check::{open_suggestions, OpenSuggestion};
use crate::model::Review;

/// How many open suggestions are listed before summing up the rest.
const LISTED: usize = 12;

fn suggestion_list(found: &[OpenSuggestion]) -> impl IntoView {
    let more = found.len().saturating_sub(LISTED);
    view! {
        <ul class="share-check-list">
            {found.iter().take(LISTED).map(|o| view! {
                <li><span class="share-check-place">{o.place}": "</span>{o.message.clone()}</li>
            }).collect_view()}
        </ul>
        {(more > 0).then(|| view! { <p class="muted">{format!("…and {more} more.")}</p> })}
    }
}

fn count_sentence(n: usize) -> String {
    match n {
        1 => "1 suggestion is still open in this review:".to_string(),
        n => format!("{n} suggestions are still open in this review:"),
    }
}

/// The open suggestions of a review as a note above a print view (not printed itself).
#[component]
pub fn ShareCheckNote(
    /// The review (or anonymised copy) being printed.
    review: Review,
) -> impl IntoView {
    let found = open_suggestions(&review);
    (!found.is_empty()).then(|| {
        view! {
            <aside class="share-check" aria-labelledby="share-check-h">
                <h2 id="share-check-h">"Before you share"</h2>
                <p>{count_sentence(found.len())}</p>
                {suggestion_list(&found)}
                <p class="hint">"Go back to the review to change or dismiss them, or use “Anonymised copy” in the review’s "
                    "toolbar: it starts with every name and place the suggestions found."</p>
            </aside>
        }
    })
}

/// Asks before something leaves the app while suggestions are open; with none open, it
/// goes ahead at once. Call [`ShareCheck::request`] from the button.
#[derive(Clone, Copy)]
pub struct ShareCheck {
    pending: RwSignal<Option<Vec<OpenSuggestion>>>,
}

impl ShareCheck {
    pub fn new() -> Self {
        ShareCheck { pending: RwSignal::new(None) }
    }

    /// Runs `go` now if `review` has no open suggestions; otherwise shows the check first.
    pub fn request(self, review: &Review, go: impl FnOnce()) -> bool {
        let found = open_suggestions(review);
        if found.is_empty() {
            go();
            true
        } else {
            self.pending.set(Some(found));
            false
        }
    }
}

impl Default for ShareCheck {
    fn default() -> Self {
        Self::new()
    }
}

/// The dialog of a [`ShareCheck`]: the open suggestions, "Go back and check" and carry on.
#[component]
pub fn ShareCheckDialog(
    check: ShareCheck,
    /// What carrying on does, e.g. "Save the Word document anyway".
    #[prop(into)]
    go_label: String,
    /// Carries on with the export.
    on_go: Callback<()>,
) -> impl IntoView {
    let close = Callback::new(move |_| check.pending.set(None));
    move || {
        check.pending.get().map(|found| {
            let label = go_label.clone();
            view! {
                <ModalDialog title="Before you share" on_cancel=close>
                    <p>{count_sentence(found.len())}</p>
                    {suggestion_list(&found)}
                    <p class="hint">"Nothing has left the app yet. For a copy to publish, use “Anonymised copy”: it starts with every name and place found."</p>
                    <div class="dialog-actions">
                        <button type="button" class="button-primary" on:click=move |_| close.run(())>"Go back and check"</button>
                        <button type="button" class="button-secondary" on:click=move |_| {
                            close.run(());
                            on_go.run(());
                        }>{label}</button>
                    </div>
                </ModalDialog>
            }
        })
    }
}
