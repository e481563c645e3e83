//! A citation picker lets a narrative event, a key practice episode or a finding cite the
//! evidence it rests on: one checkbox for each document of the register and each
//! conversation, ticked when the item cites it. Ticking cites, unticking takes the
//! citation back, at once.

use leptos::prelude::*;

use crate::model::learning_together::ItemId;
use crate::model::lt_part::LtPart;
use crate::ui::sections::learning_together_sections::{area_href, read_lt_parts, try_edit_lt};
use crate::ui::sections::ReviewContext;

/// The documents and conversations an item cites, as checkboxes.
#[component]
pub fn CitationPicker(
    /// The narrative event, episode or finding that cites.
    citing: ItemId,
    /// The item in words, for the group's accessible name: "episode 2", "finding 1".
    #[prop(into)]
    what: String,
) -> AnyView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let choices = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Case, LtPart::Conversations, LtPart::Documents, LtPart::Citations, LtPart::Episodes], |lt| {
            lt.sources().into_iter().map(|(id, label)| (id, label, lt.document(id).is_some(), lt.cites(citing, id))).collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="checkbox-list citation-picker">
            <legend>"Documents and conversations it cites"<span class="visually-hidden">{format!(" ({what})")}</span></legend>
            <Show when=move || choices.with(|c| c.is_empty())>
                <p class="muted">"No documents or conversations yet. Add the documents the review draws on under "
                    <a href=area_href(review.with_untracked(|r| r.id), "lt-documents")>"Documents"</a>"."</p>
            </Show>
            <For each=move || choices.get() key=|c| c.clone() children=move |(source, label, is_document, cited)| view! {
                <label class="checkbox">
                    <input type="checkbox" prop:checked=cited on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        try_edit_lt(review, |lt| {
                            if on {
                                lt.cite(citing, source)
                            } else {
                                lt.uncite(citing, source);
                                Ok(())
                            }
                        });
                    }/>
                    <span><span class="muted">{if is_document { "Document: " } else { "" }}</span>{label}</span>
                </label>
            }/>
        </fieldset>
    }
    .into_any()
}
