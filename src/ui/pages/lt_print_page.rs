//! The print views of a Learning Together review. The **review report** (A4 portrait) is
//! the report as a partnership publishes it (summary, terms of reference, methodology, case
//! summary, the narrative with the family's view, findings, recommendations and issues for
//! the board, acknowledgements; the contributory factors and key practice episodes as
//! appendices), never the team's internal stage table. The records of the one-to-one conversations are not printed in
//! it: they are the review team's working notes, and the report draws on them through the
//! analysis. The **key practice episodes table** is SCIE's template on A4 landscape. Both
//! are drawn from the same documents as the Word files ([`PrintedDocument`]), so print and
//! Word always have the same sections and columns. The **letters** print one to a page,
//! ready to send. The **progress** sheet (A4 landscape) is for the review team alone: the
//! stages against their target dates and each participant's journey, marked as an
//! internal working record, never in the report.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::print_page::{long_date, none_recorded, PrintToolbar};
use crate::export::docx::learning_together_report::{printed_key_practice_episodes, printed_learning_together_report};
use crate::model::participant_journey::JourneyStep;
use crate::model::review_stage::ReviewStage;
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
        PrintView::Progress => "Review progress (internal)",
        _ => "Learning Together review report",
    };
    let previous_title = document().title();
    document().set_title(&format!("{heading} – {}", review.title));
    on_cleanup(move || document().set_title(&previous_title));
    let id = anonymised_from.unwrap_or(review.id);
    let printed = review.clone();
    let title = review.title.clone();
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
                PrintView::Progress => view! { <ProgressPaper title=title lt=lt printed_on=printed_on/> }.into_any(),
                _ => view! { <ReportPaper review=printed printed_on=printed_on/> }.into_any(),
            }}
        </div>
    }
}

/// The review report, A4 portrait (the key practice episodes on landscape pages): the
/// same document as "Report in Word".
#[component]
fn ReportPaper(review: Review, printed_on: Option<NaiveDate>) -> impl IntoView {
    printed_learning_together_report(&review, printed_on).map(|document| {
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
    printed_key_practice_episodes(&review, printed_on).map(|document| {
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

/// The review team's progress sheet, A4 landscape: never part of the published report.
#[component]
fn ProgressPaper(title: String, lt: LearningTogether, printed_on: Option<NaiveDate>) -> impl IntoView {
    let today = printed_on.unwrap_or_default();
    let date = |d: Option<NaiveDate>| d.map(long_date).unwrap_or_default();
    let stages = ReviewStage::ALL
        .iter()
        .enumerate()
        .map(|(n, &stage)| {
            let dates = lt.stage_dates(stage);
            let timing = lt.stage_timing(stage, today);
            view! {
                <tr class:print-past-target=timing.is_past_target()>
                    <td>{format!("{}. {}", n + 1, stage.label())}</td>
                    <td>{lt.stage_status(stage).label()}</td>
                    <td>{date(dates.target)}</td>
                    <td>{date(dates.completed)}</td>
                    <td>{timing.sentence(today)}</td>
                </tr>
            }
        })
        .collect_view();
    let people = if lt.participants.is_empty() {
        none_recorded()
    } else {
        view! {
            <table class="print-table progress-people">
                <thead>
                    <tr>
                        <th scope="col">"Participant"</th>
                        {JourneyStep::ALL.iter().map(|s| view! { <th scope="col">{s.label()}</th> }).collect_view()}
                        <th scope="col">"Comments asked for by"</th>
                        <th scope="col">"What is next"</th>
                    </tr>
                </thead>
                <tbody>
                    {lt.participants.iter().map(|p| {
                        let j = lt.journey(p.id).unwrap_or_default();
                        let next = j.next(today);
                        view! {
                            <tr>
                                <th scope="row">{p.label()}</th>
                                {JourneyStep::ALL.iter().map(|&s| view! { <td>{date(j.date(s))}</td> }).collect_view()}
                                <td>{date(j.comments_due)}</td>
                                <td class:print-past-target=next.past_its_date>{next.text}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <article class="paper paper-progress" aria-labelledby="progress-title">
            <p class="print-draft-mark">"INTERNAL WORKING RECORD — NOT FOR PUBLICATION"</p>
            <h1 id="progress-title">"Review progress"</h1>
            <p class="paper-subtitle">{title}{printed_on.map(|d| format!(" — as at {}", long_date(d)))}</p>
            <h2>"Stages"</h2>
            <table class="print-table progress-stages">
                <thead>
                    <tr>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Target date"</th>
                        <th scope="col">"Completed on"</th>
                        <th scope="col">"Against its target"</th>
                    </tr>
                </thead>
                <tbody>{stages}</tbody>
            </table>
            <h2>"Participants"</h2>
            {people}
        </article>
    }
}
