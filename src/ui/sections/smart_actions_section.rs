//! Section 8, what needs to happen: SMART actions (what, who by, when, how we will know it
//! is done, what difference it will make for the child), flagged when a part is missing
//! but never blocked; due dates can be set in working days from the discussion; the room's
//! view of the outcome, with different views noted sensitively; the action log as CSV or
//! as a Word document.

use leptos::prelude::*;

use crate::model::cd_part::CdPart;

use crate::model::notes_field::{NotesDate, NotesText};

use super::case_discussion_sections::{edit_cd, read_cd, DateInput, SectionPrompts, TextArea};
use super::ReviewContext;
use crate::export::action_log_csv::action_log_csv;
use crate::export::download::download_text;
use crate::export::file_name::file_name;
use crate::model::case_discussion::SmartAction;
use crate::model::case_discussion_guide::SectionKey;
use crate::model::smart_action_check::missing_parts;
use crate::model::working_days::SINGLE_AGENCY_PLAN_WORKING_DAYS;
use crate::ui::browser::{focus_when_ready, now};
use crate::ui::contexts::NoticeContext;
use crate::ui::route::{PrintView, Route};
use crate::ui::widgets::{unique_id, WordExport, WordExportButton};

/// 8. What needs to happen? (SMART)
#[component]
pub fn SmartActionsSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let notices = expect_context::<NoticeContext>();
    let actions = move || read_cd(review, CdPart::Actions, |cd| cd.actions.clone());
    let add = move |_| {
        let mut new_id = 0;
        edit_cd(review, |cd| new_id = cd.add_action(""));
        // Put the cursor in the new action so the facilitator can type straight away.
        focus_when_ready(format!("action-{new_id}-what"));
    };
    let export_csv = move |_| {
        let (title, csv) = review.with(|r| (r.title.clone(), r.case_discussion().map(|cd| action_log_csv(&r.title, cd, now().date_naive())).unwrap_or_default()));
        let name = file_name(&format!("{title} action log"), now().date_naive(), "csv");
        match download_text(&name, "text/csv;charset=utf-8", &csv) {
            Ok(()) => notices.say(format!("Action log saved as “{name}”.")),
            Err(e) => notices.warn(format!("The action log could not be saved: {e}.")),
        }
    };
    view! {
        <section class="section-card" id="section-8" aria-labelledby="section-8-title">
            <div class="section-card-head">
                <h2 id="section-8-title">{super::case_discussion_sections::section_heading(SectionKey::WhatNeedsToHappen)}</h2>
                <SectionPrompts key=SectionKey::WhatNeedsToHappen/>
            </div>
            <ol class="action-list">
                <For each=move || actions().into_iter().enumerate() key=|(i, a)| (*i, a.id)
                    children=move |(index, a)| {
                        let number = read_cd(review, CdPart::Actions, |cd| cd.action_number(a.id)).unwrap_or(index as u32 + 1);
                        view! { <ActionCard id=a.id number=number/> }
                    }/>
            </ol>
            <div class="add-row">
                <button class="button-secondary" on:click=add>"Add action"</button>
                <button class="button-quiet" on:click=export_csv>"Export action log (CSV)"</button>
                <WordExportButton which=WordExport::ActionLog class="button-quiet"/>
                <a class="button button-quiet" href=Route::Print(review.with_untracked(|r| r.id), PrintView::ActionLog).href()>"Print action log"</a>
            </div>
            <h3>"Outcome"</h3>
            <TextArea label="Is the room happy with the outcome? Record the agreement reached"
                value=Signal::derive(move || read_cd(review, CdPart::Outcome, |cd| cd.outcome.agreement.clone()))
                on_change=Callback::new(move |v: String| edit_cd(review, |cd| { cd.set_text(NotesText::Agreement, &v); }))/>
            <TextArea label="Different views, noted sensitively"
                value=Signal::derive(move || read_cd(review, CdPart::Outcome, |cd| cd.outcome.dissent.clone()))
                on_change=Callback::new(move |v: String| edit_cd(review, |cd| { cd.set_text(NotesText::Dissent, &v); }))/>
        </section>
    }
}

/// One SMART action.
#[component]
fn ActionCard(id: u64, number: u32) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let action = move || read_cd(review, CdPart::Actions, |cd| cd.actions.iter().find(|a| a.id == id).cloned());
    let field = move |get: fn(&SmartAction) -> String| move || action().map(|a| get(&a)).unwrap_or_default();
    let set = move |field: fn(u64) -> NotesText| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            edit_cd(review, |cd| {
                cd.set_text(field(id), &v);
            })
        }
    };
    let missing = move || action().map(|a| missing_parts(&a)).unwrap_or_default();
    let working_days = RwSignal::new(SINGLE_AGENCY_PLAN_WORKING_DAYS.to_string());
    let due_message = RwSignal::new(String::new());
    let set_due = move || {
        let Ok(n) = working_days.get_untracked().trim().parse::<u32>() else {
            due_message.set("Enter a whole number of working days, such as 10.".into());
            return;
        };
        if n > 400 {
            due_message.set("That is more than a year and a half of working days: enter a smaller number.".into());
            return;
        }
        let mut result = None;
        edit_cd(review, |cd| result = Some(cd.set_action_due_in_working_days(id, n)));
        due_message.set(match result {
            Some(Ok(d)) => format!("Due {} ({n} working days after the discussion).", d.format("%-d %B %Y")),
            Some(Err(e)) => e.to_string(),
            None => String::new(),
        });
    };
    let days_id = unique_id("days");
    view! {
        <li class="action-card">
            <fieldset>
                <legend>{format!("Action {number}")}</legend>
                {move || {
                    let m = missing();
                    (!m.is_empty()).then(|| view! {
                        <p class="flag">{format!("SMART check: {} not written yet", m.join(", "))}</p>
                    })
                }}
                <div class="field">
                    <label for=format!("action-{id}-what")>"What is the action?"</label>
                    <textarea id=format!("action-{id}-what") rows="2" prop:value=field(|a| a.action.clone()) on:input=set(NotesText::Action)></textarea>
                </div>
                <div class="field-grid">
                    <div class="field">
                        <label for=format!("action-{id}-who")>"Who by (role or agency)"</label>
                        <input id=format!("action-{id}-who") type="text" prop:value=field(|a| a.who_by.clone()) on:input=set(NotesText::ActionWhoBy)/>
                    </div>
                    <div class="field">
                        <span id=format!("action-{id}-when")>"When (due date)"</span>
                        <DateInput label=format!("When is action {number} due?")
                            value=Signal::derive(move || action().and_then(|a| a.due))
                            on_change=Callback::new(move |d| edit_cd(review, |cd| { cd.set_date(NotesDate::ActionDue(id), d); }))/>
                    </div>
                </div>
                <div class="working-days">
                    <label for=days_id.clone()>"Or set the due date in working days from the discussion"</label>
                    <input id=days_id type="number" min="0" max="400" inputmode="numeric" class="days-input"
                        prop:value=move || working_days.get() on:input=move |ev| working_days.set(event_target_value(&ev))/>
                    <button type="button" class="button-secondary" on:click=move |_| set_due()>
                        "Set due date"<span class="visually-hidden">{format!(" for action {number}")}</span>
                    </button>
                    <p class="hint" role="status" aria-live="polite">{move || due_message.get()}</p>
                </div>
                <div class="field-grid">
                    <div class="field">
                        <label for=format!("action-{id}-lead")>"Lead agency"</label>
                        <input id=format!("action-{id}-lead") type="text" prop:value=field(|a| a.lead_agency.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_action_lead_agency(id, &v); }) }/>
                    </div>
                    <div class="field action-status">
                        <span>"Status"</span>
                        <p class="status-line">{move || action().map(|a| a.status_words(now().date_naive())).unwrap_or_default()}</p>
                        <button type="button" class="button-secondary" on:click=move |_| {
                            let done = action().and_then(|a| a.done_on).is_some();
                            edit_cd(review, |cd| { cd.set_action_done(id, if done { None } else { Some(now().date_naive()) }); });
                        }>
                            {move || if action().and_then(|a| a.done_on).is_some() { "Reopen" } else { "Mark done" }}
                            <span class="visually-hidden">{format!(" action {number}")}</span>
                        </button>
                    </div>
                </div>
                <div class="field">
                    <label for=format!("action-{id}-how")>"How will we know it is done?"</label>
                    <input id=format!("action-{id}-how") type="text" prop:value=field(|a| a.how_we_will_know.clone()) on:input=set(NotesText::HowWeWillKnow)/>
                </div>
                <div class="field">
                    <label for=format!("action-{id}-difference")>"What difference will it make for the child?"</label>
                    <input id=format!("action-{id}-difference") type="text" prop:value=field(|a| a.difference_for_child.clone()) on:input=set(NotesText::DifferenceForChild)/>
                </div>
                <button class="button-quiet danger" on:click=move |_| edit_cd(review, |cd| { cd.remove_item(id); })>
                    {format!("Remove action {number}")}
                </button>
            </fieldset>
        </li>
    }
}
