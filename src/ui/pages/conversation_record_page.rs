//! The record of one conversation, printed (A4 portrait) to send back to the person the
//! review team talked with, so they can check it: who it was with, by role or pseudonym,
//! the day it was held, each part of the conversation structure with what was recorded,
//! and a note asking for their comments by a date. Under a toolbar that is not printed.
//! It is the same document as the record's Word file ("Record in Word").

use leptos::prelude::*;

use crate::export::conversation_record::{conversation_record, ConversationRecordPaper};
use crate::export::docx::conversation_record::{printed_conversation_record, record_heading};
use crate::model::learning_together::ConversationId;
use crate::model::ReviewId;
use crate::ui::browser::local_today;
use crate::ui::route::Route;
use crate::ui::widgets::{PrintedDocument, ReviewLoader};

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
    let heading = record_heading(&paper);
    // The browser offers the page title as the name of a saved PDF.
    let previous_title = document().title();
    document().set_title(&format!("{heading} – {}", paper.review_title));
    on_cleanup(move || document().set_title(&previous_title));
    let document = printed_conversation_record(&paper, Some(local_today()));
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
                <PrintedDocument document=document title_id="record-title"/>
            </article>
        </div>
    }
}
