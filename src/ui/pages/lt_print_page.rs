//! The print views of a Learning Together review. The **review report** (A4 portrait)
//! gathers the case, the people by role (not the team's internal stage table), the narrative of multi-agency
//! perspectives, the key practice episodes, the contributory factors by level, the findings
//! and the recommendations. The records of the one-to-one conversations are not printed in
//! it: they are the review team's working notes, and the report draws on them through the
//! analysis. The **key practice episodes table** is SCIE's template on A4 landscape. Both
//! are drawn from the same documents as the Word files ([`PrintedDocument`]), so print and
//! Word always have the same sections and columns. The **letters** print one to a page,
//! ready to send.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::print_page::PrintToolbar;
use crate::export::docx::learning_together_report::{key_practice_episodes, learning_together_report};
use crate::model::LearningTogether;
use crate::ui::widgets::PrintedDocument;
use crate::model::Review;
use crate::ui::route::PrintView;

/// One loaded Learning Together review in a printed form, under the on-screen toolbar.
#[component]
pub fn LtPrintedReview(
    review: Review,
    print_view: PrintView,
    printed_on: Option<NaiveDate>,
    /// For an anonymised copy: the review it was made from.
    anonymised_from: Option<crate::model::ReviewId>,
) -> impl IntoView {
    let lt = review.learning_together().cloned().unwrap_or_default();
    let heading = match print_view {
        PrintView::EpisodesTable => "Key practice episodes",
        PrintView::Letters => "Letters to participants",
        _ => "Learning Together review report",
    };
    let previous_title = document().title();
    document().set_title(&format!("{heading} – {}", review.title));
    on_cleanup(move || document().set_title(&previous_title));
    let id = anonymised_from.unwrap_or(review.id);
    let printed = review.clone();
    let checked = review.clone();
    let shown = match print_view {
        PrintView::Notes | PrintView::ToolSheet | PrintView::Report => PrintView::Report,
        other => other,
    };
    view! {
        <div class="print-view">
            <PrintToolbar id=id print_view=shown anonymised=anonymised_from.is_some()/>
            <crate::ui::widgets::ShareCheckNote review=checked/>
            {match shown {
                PrintView::EpisodesTable => view! { <EpisodesPaper review=printed printed_on=printed_on/> }.into_any(),
                PrintView::Letters => view! { <LettersPaper lt=lt/> }.into_any(),
                _ => view! { <ReportPaper review=printed printed_on=printed_on/> }.into_any(),
            }}
        </div>
    }
}

/// The review report, A4 portrait (the key practice episodes on landscape pages): the
/// same document as "Report in Word".
#[component]
fn ReportPaper(review: Review, printed_on: Option<NaiveDate>) -> impl IntoView {
    learning_together_report(&review, printed_on).map(|document| {
        view! {
            <article class="paper paper-report" aria-labelledby="report-title">
                <PrintedDocument document=document title_id="report-title"/>
            </article>
        }
    })
}

/// The key practice episodes table, A4 landscape: the same table as in the report.
#[component]
fn EpisodesPaper(review: Review, printed_on: Option<NaiveDate>) -> impl IntoView {
    key_practice_episodes(&review, printed_on).map(|document| {
        view! {
            <article class="paper paper-episodes" aria-labelledby="episodes-title">
                <PrintedDocument document=document title_id="episodes-title"/>
            </article>
        }
    })
}

/// The letters, one to a page.
#[component]
fn LettersPaper(lt: LearningTogether) -> impl IntoView {
    let letter = |heading: &'static str, text: &str| {
        let body = if text.trim().is_empty() {
            view! { <p class="print-none">"Not drafted yet: use “Draft letters from the review’s details” in the review."</p> }.into_any()
        } else {
            view! { <div class="print-multiline letter-body">{text.trim().to_string()}</div> }.into_any()
        };
        view! {
            <article class="paper paper-letter" aria-label=heading>
                <p class="visually-hidden">{heading}</p>
                {body}
            </article>
        }
    };
    view! {
        {letter("Introductory letter", &lt.letters.introductory_letter)}
        {(!lt.letters.family_letter.trim().is_empty()).then(|| letter("Introductory letter for family members", &lt.letters.family_letter))}
        {letter("Explanation of one-to-one conversations", &lt.letters.conversation_explanation)}
    }
}
