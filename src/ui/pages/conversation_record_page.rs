//! The record of one conversation, printed (A4 portrait) to send back to the person the
//! review team talked with, so they can check it: who it was with, by role or pseudonym,
//! the day it was held, each part of the conversation structure with what was recorded,
//! and a note asking for their comments by a date. Under a toolbar that is not printed.

use leptos::prelude::*;

use super::print_page::draft_mark;
use crate::export::conversation_record::{conversation_record, ConversationRecordPaper, RecordedPart, NOTHING_RECORDED};
use crate::model::conversation_guide::SOURCE as GUIDE_SOURCE;
use crate::model::date_or_period::long_date;
use crate::model::learning_together::ConversationId;
use crate::model::ReviewId;
use crate::ui::browser::local_today;
use crate::ui::route::Route;
use crate::ui::widgets::ReviewLoader;

/// The printable record of conversation `conversation` of review `id`.
#[component]
pub fn ConversationRecordPage(
    /// The review the conversation belongs to.
    id: ReviewId,
    /// The conversation to print.
    conversation: ConversationId,
) -> impl IntoView {
    view! {
        <ReviewLoader id=id waiting="Preparing the record…" failed="This review could not be opened for printing"
            back_href=Route::Review(id).href()
            ready=Box::new(move |stored| {
                let paper = stored
                    .review
                    .learning_together()
                    .and_then(|lt| conversation_record(lt, &stored.review.title, conversation));
                // Back to the screen of this conversation in the review.
                let back = stored
                    .review
                    .learning_together()
                    .and_then(|lt| lt.conversation(conversation))
                    .map_or_else(|| Route::Review(id), |c| Route::ReviewPart(id, format!("conversations/{}", c.participant_id)))
                    .href();
                match paper {
                    Some(paper) => view! { <RecordView back=back paper=paper/> }.into_any(),
                    None => view! {
                        <div class="page narrow">
                            <h1>"This conversation is no longer in the review"</h1>
                            <p>"Its record may have been removed with the participant."</p>
                            <p><a href=Route::Review(id).href()>"Back to the review"</a></p>
                        </div>
                    }
                    .into_any(),
                }
            })/>
    }
}

/// The toolbar and the paper.
#[component]
fn RecordView(
    /// The address of the conversation's screen in the review.
    back: String,
    paper: ConversationRecordPaper,
) -> impl IntoView {
    let heading = format!("Record of the conversation with {}", paper.with);
    // The browser offers the page title as the name of a saved PDF.
    let previous_title = document().title();
    document().set_title(&format!("{heading} – {}", paper.review_title));
    on_cleanup(move || document().set_title(&previous_title));
    let printed_on = Some(local_today());
    let parts = paper.parts.iter().map(part_view).collect_view();
    let held = paper.held_on.map_or_else(|| "Date not recorded".to_string(), long_date);
    let signed = (!paper.signed_by.is_empty()).then(|| view! {
        <p class="record-signature">{paper.signed_by.clone()}<br/>"On behalf of the review team"</p>
    });
    let contact = (!paper.contact.is_empty()).then(|| view! { <p><strong>"Contact: "</strong>{paper.contact.clone()}</p> });
    view! {
        <div class="print-view">
            <div class="print-toolbar">
                <nav class="print-toolbar-links" aria-label="Print views">
                    <a href=back.clone()>"Back to the review"</a>
                </nav>
                <p class="print-toolbar-hint">
                    "Prints on A4 portrait. To send it by e-mail, choose “Save as PDF” in the print dialog."
                </p>
                <button type="button" class="button-primary" on:click=|_| {
                    // If the browser refuses, its own menu can still print the page.
                    let _ = window().print();
                }>"Print"</button>
            </div>
            <article class="paper paper-record" aria-labelledby="record-title">
                <p class="print-draft-mark">{draft_mark(printed_on)}</p>
                <h1 id="record-title">{heading}</h1>
                <p class="paper-subtitle">{paper.review_title.clone()}</p>
                <table class="print-table notes-header">
                    <tbody>
                        <tr><th scope="row">"Conversation with"</th><td>{paper.with.clone()}</td></tr>
                        <tr><th scope="row">"Held on"</th><td>{held}</td></tr>
                    </tbody>
                </table>
                <section class="record-note" aria-labelledby="record-note-h">
                    <h2 id="record-note-h">"Please check this record"</h2>
                    {paper.note.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                    {contact}
                    {signed}
                </section>
                {parts}
                <p class="paper-source">"Structure: " {GUIDE_SOURCE} "."</p>
            </article>
        </div>
    }
}

/// One part of the conversation with what was recorded under it.
fn part_view(part: &RecordedPart) -> impl IntoView {
    let id = format!("record-part-{}", part.number);
    let labelled = id.clone();
    let body = if part.is_empty() {
        view! { <p class="print-none">{NOTHING_RECORDED}</p> }.into_any()
    } else {
        view! {
            {(!part.entries.is_empty()).then(|| view! {
                <dl class="print-outcome record-entries">
                    {part.entries.iter().map(|e| view! {
                        <dt>{e.prompt.clone()}</dt>
                        <dd class="print-multiline">{e.text.clone()}</dd>
                    }).collect_view()}
                </dl>
            })}
            {(!part.turning_points.is_empty()).then(|| view! {
                <h3>"Turning points you described"</h3>
                <ul class="print-list">
                    {part.turning_points.iter().map(|t| view! {
                        <li>
                            {(!t.when.is_empty()).then(|| view! { <strong>{format!("{}: ", t.when)}</strong> })}
                            <span class="print-multiline">{t.text.clone()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        }
        .into_any()
    };
    view! {
        <section class="record-part" aria-labelledby=labelled>
            <h2 id=id>{part.heading()}</h2>
            {body}
        </section>
    }
}
