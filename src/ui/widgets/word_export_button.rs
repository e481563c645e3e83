//! A Word export button saves one of the review's documents as a .docx file people can open
//! in Word or LibreOffice and paste into the case review report: the Case Discussion Notes,
//! the action log, the Learning Together report, or the record of one conversation. The document is made from the review
//! as it is on screen, dated today, and nothing leaves the browser except as the download.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::export::docx::action_log::action_log;
use crate::export::docx::case_discussion_notes::case_discussion_notes;
use crate::export::docx::conversation_record::conversation_record_document;
use crate::model::learning_together::ConversationId;
use crate::export::docx::learning_together_report::learning_together_report;
use crate::export::docx::{WordDocument, DOCX_MIME};
use crate::export::download::download_bytes;
use crate::export::file_name::file_name;
use crate::model::Review;
use crate::ui::browser::{local_today, now};
use crate::ui::contexts::NoticeContext;
use crate::ui::sections::ReviewContext;

/// Which document a button exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordExport {
    CaseDiscussionNotes,
    ActionLog,
    LearningTogetherReport,
    /// The record of one conversation of a Learning Together review, for the participant.
    ConversationRecord(ConversationId),
}

impl WordExport {
    /// What the document is called in messages and file names.
    fn name(self) -> &'static str {
        match self {
            WordExport::CaseDiscussionNotes => "notes",
            WordExport::ActionLog => "action log",
            WordExport::LearningTogetherReport => "report",
            WordExport::ConversationRecord(_) => "record of this conversation",
        }
    }

    /// What the file is called after the review's title.
    fn file_label(self, review: &Review) -> String {
        match self {
            WordExport::ConversationRecord(id) => review
                .learning_together()
                .and_then(|lt| lt.conversation(id))
                .and_then(|c| review.learning_together().and_then(|lt| lt.participant(c.participant_id)))
                .map_or_else(|| "conversation record".to_string(), |p| format!("record of the conversation with {}", p.label())),
            other => other.name().to_string(),
        }
    }

    /// What the button says: short, since the review's toolbar is already full.
    fn label(self) -> &'static str {
        match self {
            WordExport::CaseDiscussionNotes => "Notes in Word",
            WordExport::ActionLog => "Export action log (Word)",
            WordExport::LearningTogetherReport => "Report in Word",
            WordExport::ConversationRecord(_) => "Record in Word",
        }
    }

    /// The document for `review`, if it is of the method this document belongs to.
    fn build(self, review: &Review, today: Option<NaiveDate>) -> Option<WordDocument> {
        match self {
            WordExport::CaseDiscussionNotes => case_discussion_notes(review, today),
            WordExport::ActionLog => action_log(review, today),
            WordExport::LearningTogetherReport => learning_together_report(review, today),
            WordExport::ConversationRecord(id) => conversation_record_document(review, id, today),
        }
    }
}

/// A button that saves one of the open review's documents as a Word file.
#[component]
pub fn WordExportButton(
    /// The document to export.
    which: WordExport,
    /// The button's look, e.g. "button-quiet".
    class: &'static str,
) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let notices = expect_context::<NoticeContext>();
    let check = super::ShareCheck::new();
    let save = move || {
        review.with_untracked(|r| save_word_document(which, r, "", notices));
    };
    let export = move |_| {
        review.with_untracked(|r| check.request(r, save));
    };
    view! {
        <button type="button" class=class on:click=export>{which.label()}</button>
        <super::ShareCheckDialog check=check go_label="Save the Word document anyway" on_go=Callback::new(move |_| save())/>
    }
}

/// Makes one of a review's documents and saves it as a download, telling the person how
/// it went. `name_prefix` starts the file name (e.g. "anonymised ").
pub fn save_word_document(which: WordExport, review: &Review, name_prefix: &str, notices: NoticeContext) -> bool {
    let today = Some(local_today());
    let bytes = match which.build(review, today).map(|d| d.to_docx()) {
        Some(Ok(bytes)) => bytes,
        Some(Err(e)) => {
            notices.warn(format!("The Word document could not be made: {e}."));
            return false;
        }
        None => {
            notices.warn(format!("This review has no {} to export.", which.name()));
            return false;
        }
    };
    let date = today.unwrap_or_else(|| now().date_naive());
    let name = file_name(&format!("{name_prefix}{} {}", review.title, which.file_label(review)), date, "docx");
    match download_bytes(&name, DOCX_MIME, &bytes) {
        Ok(()) => {
            notices.say(format!("Word document saved as “{name}”."));
            true
        }
        Err(e) => {
            notices.warn(format!("The Word document could not be saved: {e}."));
            false
        }
    }
}

/// The Word document that stands for a whole review of this kind, if there is one.
pub fn main_document(kind: crate::model::ReviewKind) -> Option<WordExport> {
    match kind {
        crate::model::ReviewKind::CaseDiscussion => Some(WordExport::CaseDiscussionNotes),
        crate::model::ReviewKind::LearningTogether => Some(WordExport::LearningTogetherReport),
        crate::model::ReviewKind::Preparation => None,
    }
}

