//! The case discussion's sections in the tool's order: the notes' heading (child, dates,
//! facilitator, focal question), about the child and their lived experiences, and the
//! lists the room adds to as it talks.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::ReviewContext;
use crate::model::case_discussion::Note;
use crate::model::CaseDiscussion;
use crate::ui::browser::now;
use crate::ui::widgets::{unique_id, TextList};

/// The case discussion editor.
#[component]
pub fn CaseDiscussionSections() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let read = move |f: fn(&CaseDiscussion) -> String| {
        move || review.with(|r| r.case_discussion().map(f).unwrap_or_default())
    };
    let edit = move |f: Box<dyn FnOnce(&mut CaseDiscussion)>| {
        review.update(|r| r.edit_case_discussion(now(), f));
    };

    view! {
        <section class="section-card" aria-labelledby="cd-header">
            <h2 id="cd-header">"Case Discussion Notes"</h2>
            <div class="field-grid">
                <TextField label="Child's name or pseudonym" value=Signal::derive(read(|cd| cd.header.child_name.clone()))
                    on_change=Callback::new(move |v: String| edit(Box::new(move |cd| cd.header.child_name = v)))/>
                <DateField label="Date of referral" value=Signal::derive(move || review.with(|r| r.case_discussion().and_then(|cd| cd.header.date_of_referral)))
                    on_change=Callback::new(move |v| edit(Box::new(move |cd| cd.header.date_of_referral = v)))/>
                <DateField label="Date of case discussion" value=Signal::derive(move || review.with(|r| r.case_discussion().and_then(|cd| cd.header.date_of_discussion)))
                    on_change=Callback::new(move |v| edit(Box::new(move |cd| cd.header.date_of_discussion = v)))/>
                <TextField label="Facilitator" value=Signal::derive(read(|cd| cd.header.facilitator.clone()))
                    on_change=Callback::new(move |v: String| edit(Box::new(move |cd| cd.header.facilitator = v)))/>
            </div>
            <TextField label="Focal question for this discussion" value=Signal::derive(read(|cd| cd.header.focal_question.clone()))
                on_change=Callback::new(move |v: String| edit(Box::new(move |cd| cd.header.focal_question = v)))/>
        </section>

        <section class="section-card" aria-labelledby="cd-child">
            <h2 id="cd-child">"2. About the child and their lived experiences"</h2>
            <p class="prompt">"The child, their characteristics, who their family is, what we think life is like for them."</p>
            <TextArea label="About the child and their lived experiences" hide_label=true
                value=Signal::derive(read(|cd| cd.about_child.clone()))
                on_change=Callback::new(move |v: String| edit(Box::new(move |cd| cd.about_child = v)))/>
        </section>

        <div class="two-up">
            <section class="section-card" aria-labelledby="cd-worries">
                <h2 id="cd-worries">"5. What are we worried about?"</h2>
                <NoteList noun="worry"
                    items=Signal::derive(move || review.with(|r| r.case_discussion().map(|cd| pairs(&cd.worries)).unwrap_or_default()))
                    list=|cd: &mut CaseDiscussion| &mut cd.worries
                    add=|cd: &mut CaseDiscussion, t: &str| { cd.add_worry(t); }/>
            </section>
            <section class="section-card" aria-labelledby="cd-strengths">
                <h2 id="cd-strengths">"6. What worked well?"</h2>
                <NoteList noun="strength"
                    items=Signal::derive(move || review.with(|r| r.case_discussion().map(|cd| pairs(&cd.strengths)).unwrap_or_default()))
                    list=|cd: &mut CaseDiscussion| &mut cd.strengths
                    add=|cd: &mut CaseDiscussion, t: &str| { cd.add_strength(t); }/>
            </section>
        </div>
    }
}

fn pairs(notes: &[Note]) -> Vec<(u64, String)> {
    notes.iter().map(|n| (n.id, n.text.clone())).collect()
}

/// A list of short notes inside the case discussion (worries, strengths).
#[component]
fn NoteList(
    #[prop(into)] noun: String,
    items: Signal<Vec<(u64, String)>>,
    list: fn(&mut CaseDiscussion) -> &mut Vec<Note>,
    add: fn(&mut CaseDiscussion, &str),
) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    view! {
        <TextList noun=noun items=items
            on_add=Callback::new(move |t: String| review.update(|r| r.edit_case_discussion(now(), |cd| add(cd, &t))))
            on_edit=Callback::new(move |(id, t): (u64, String)| review.update(|r| r.edit_case_discussion(now(), |cd| {
                if let Some(n) = list(cd).iter_mut().find(|n| n.id == id) { n.text = t; }
            })))
            on_remove=Callback::new(move |id: u64| review.update(|r| r.edit_case_discussion(now(), |cd| {
                list(cd).retain(|n| n.id != id);
            })))/>
    }
}

/// A labelled one-line text field.
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let id = unique_id("field");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))/>
        </div>
    }
}

/// A labelled multi-line text field.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    #[prop(optional)] hide_label: bool,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let id = unique_id("area");
    view! {
        <div class="field">
            <label for=id.clone() class:visually-hidden=hide_label>{label}</label>
            <textarea id=id rows="6" prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))></textarea>
        </div>
    }
}

/// A labelled date field; an empty field means "not known yet".
#[component]
pub fn DateField(
    #[prop(into)] label: String,
    value: Signal<Option<NaiveDate>>,
    on_change: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    let id = unique_id("date");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="date"
                prop:value=move || value.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                on:change=move |ev| on_change.run(NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok())/>
        </div>
    }
}
