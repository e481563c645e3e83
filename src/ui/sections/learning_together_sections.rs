//! The Learning Together review's first parts: the pseudonym the family is known by, what
//! the review is for, and the participants, identified by role and agency only.

use leptos::prelude::*;

use super::case_discussion_sections::{TextArea, TextField};
use super::ReviewContext;
use crate::model::LearningTogether;
use crate::ui::browser::now;

/// The Learning Together editor.
#[component]
pub fn LearningTogetherSections() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let read = move |f: fn(&LearningTogether) -> String| {
        Signal::derive(move || review.with(|r| r.learning_together().map(f).unwrap_or_default()))
    };
    let edit = move |f: Box<dyn FnOnce(&mut LearningTogether)>| {
        review.update(|r| r.edit_learning_together(now(), f));
    };
    let new_role = RwSignal::new(String::new());
    let new_agency = RwSignal::new(String::new());
    let add_participant = move || {
        let (role, agency) = (new_role.get_untracked(), new_agency.get_untracked());
        if role.trim().is_empty() {
            return;
        }
        edit(Box::new(move |lt| {
            lt.add_participant(&role, &agency);
        }));
        new_role.set(String::new());
        new_agency.set(String::new());
    };
    let participants = move || review.with(|r| r.learning_together().map(|lt| lt.participants.clone()).unwrap_or_default());

    view! {
        <section class="section-card" aria-labelledby="lt-case">
            <h2 id="lt-case">"The case"</h2>
            <TextField label="Family pseudonym" value=read(|lt| lt.family_pseudonym.clone())
                on_change=Callback::new(move |v: String| edit(Box::new(move |lt| lt.family_pseudonym = v)))/>
            <TextArea label="What this review is for" value=read(|lt| lt.scope.clone())
                on_change=Callback::new(move |v: String| edit(Box::new(move |lt| lt.scope = v)))/>
        </section>
        <section class="section-card" aria-labelledby="lt-participants">
            <h2 id="lt-participants">"Participants"</h2>
            <p class="prompt">"Participants are identified by their role and agency only, never by name."</p>
            <ul class="participant-list">
                {move || participants().into_iter().map(|p| view! {
                    <li><strong>{p.role}</strong>{(!p.agency.is_empty()).then(|| format!(", {}", p.agency))}</li>
                }).collect_view()}
            </ul>
            <form class="add-row" on:submit=move |ev| { ev.prevent_default(); add_participant(); }>
                <div class="field">
                    <label for="new-role">"Role"</label>
                    <input id="new-role" type="text" prop:value=move || new_role.get()
                        on:input=move |ev| new_role.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="new-agency">"Agency"</label>
                    <input id="new-agency" type="text" prop:value=move || new_agency.get()
                        on:input=move |ev| new_agency.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button-secondary">"Add participant"</button>
            </form>
        </section>
    }
}
