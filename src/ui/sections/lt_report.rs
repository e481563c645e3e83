//! The Report area of a Learning Together review is where the review team writes the parts
//! of the published report that are its own words (summary, terms of reference,
//! methodology, case summary, acknowledgements), sees which parts of the report are still
//! empty (an empty part is left out of the report) before it is shared, and opens the
//! printed report and the key practice episodes table. The methodology can start from a
//! text built from the review's own details; what the team has typed is never replaced
//! without asking.

use leptos::prelude::*;

use super::learning_together_sections::{area_href, edit_lt, read_lt_parts};
use super::ReviewContext;
use crate::model::lt_part::LtPart;
use crate::model::published_report::ReportText;
use crate::ui::route::{PrintView, Route};
use crate::ui::widgets::{HintedText, ModalDialog};

/// The report's own texts, what is still empty, and the links to the printed report.
#[component]
pub fn ReportSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let id = review.with_untracked(|r| r.id);
    let empty = Memo::new(move |_| read_lt_parts(review, &[LtPart::Report, LtPart::Case, LtPart::Narrative, LtPart::Episodes, LtPart::Factors, LtPart::Findings, LtPart::Recommendations], |lt| lt.empty_report_parts()));
    view! {
        <section class="section-card" id="lt-report" aria-labelledby="lt-report-h">
            <h2 id="lt-report-h">"Report"</h2>
            <p class="prompt">"The report as the partnership will publish it: summary, terms of reference, methodology, "
                "case summary, the narrative, the findings with their evidence, the recommendations and issues for the "
                "board, and acknowledgements, with the contributory factors and the key practice episodes as appendices. "
                "Write the report’s own parts here; the rest comes from the review. Internal records (the stages, "
                "each participant’s journey) are never in it."</p>
            <div class="report-empty" role="region" aria-labelledby="report-empty-h">
                <h3 id="report-empty-h">"Before you share the report"</h3>
                {move || empty.with(|parts| if parts.is_empty() {
                    view! { <p>"Every part of the report has something in it."</p> }.into_any()
                } else {
                    view! {
                        <p>"These parts are still empty, so the report leaves them out:"</p>
                        <ul class="report-empty-list">
                            {parts.iter().map(|p| view! {
                                <li>{p.heading}<span class="report-empty-where">{format!(" ({})", p.written_where)}</span></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </div>
            {ReportText::ALL.into_iter().map(|part| view! { <ReportTextField part=part/> }).collect_view()}
            <div class="button-row">
                <a class="button button-secondary" href=Route::Print(id, PrintView::Report).href()>"Print the review report"</a>
                <a class="button button-quiet" href=Route::Print(id, PrintView::EpisodesTable).href()>"Print the key practice episodes table"</a>
            </div>
            <p class="prompt">"“Report in Word” at the top of the review saves the same report as a Word document."</p>
        </section>
    }
}

/// One of the report's own texts: its heading, what to write, and the box (every keystroke
/// is kept). The methodology also offers a starting text from the review's details.
#[component]
fn ReportTextField(part: ReportText) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let value = Signal::derive(move || read_lt_parts(review, &[LtPart::Report, LtPart::Case], |lt| lt.report_text(part).to_string()));
    let on_change = Callback::new(move |v: String| edit_lt(review, |lt| lt.set_report_text(part, &v)));
    let asking = RwSignal::new(false);
    let start = move |_| {
        let mut written = false;
        edit_lt(review, |lt| written = lt.start_methodology_from_details());
        if !written {
            asking.set(true);
        }
    };
    let heading_id = format!("report-part-{}", part.field_key().replace(' ', "-"));
    if part == ReportText::TermsOfReference {
        // One box for one text: the terms of reference are the case's "What this review
        // is for", written under Case and people and shown here as the report reads them.
        return view! {
            <div class="report-part">
                <h3 id=heading_id>{part.heading()}</h3>
                <p class="prompt">{part.prompt()}</p>
                {move || {
                    let text = value.get();
                    if text.trim().is_empty() {
                        view! { <p class="report-quoted report-quoted-empty">"Not written yet."</p> }.into_any()
                    } else {
                        view! { <p class="report-quoted">{text}</p> }.into_any()
                    }
                }}
                <a href=area_href(review.with_untracked(|r| r.id), "lt-case")>
                    "Edit the terms of reference under Case and people"
                </a>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="report-part">
            <h3 id=heading_id>{part.heading()}</h3>
            <p class="prompt">{part.prompt()}</p>
            <HintedText label=part.heading() hide_label=true field_key=part.field_key()
                rows=if part == ReportText::Methodology { 10 } else { 6 } value=value on_change=on_change/>
            {(part == ReportText::Methodology).then(|| view! {
                <div class="button-row">
                    <button type="button" class="button-secondary button-small" on:click=start>
                        "Start from the review’s own details"
                    </button>
                </div>
            })}
            {move || asking.get().then(|| view! {
                <ModalDialog title="Replace the methodology you have written?"
                    on_cancel=Callback::new(move |_| asking.set(false))>
                    <p>"The starting text is built from the review’s details: the method, the review team, who took part, "
                        "the conversations and what the analysis produced. It would replace what is written now."</p>
                    <div class="dialog-actions">
                        <button class="button-danger" on:click=move |_| {
                            edit_lt(review, |lt| lt.replace_methodology_with_starting_text());
                            asking.set(false);
                        }>"Replace with the starting text"</button>
                        <button class="button-secondary" on:click=move |_| asking.set(false)>"Keep what is written"</button>
                    </div>
                </ModalDialog>
            })}
        </div>
    }
    .into_any()
}
