//! The print views of a case discussion. The **Case Discussion Notes** are the write-up the
//! tool asks for after the meeting: A4 portrait, under the tool's Appendix B headings and in
//! its order, marked as a draft for participants to correct factual errors. The **tool
//! sheet** is the tool's one-page layout: A4 landscape, every section side by side as the
//! flipcharts were on the wall. On screen each shows a paper-like preview under a toolbar
//! that is not printed; the page sizes and print rules live in `style/print.css`. The notes
//! are the Word file's document drawn on the page, and so is the **action log** (A4
//! landscape: numbered actions, lead agency, status, SMART check). The same
//! views print an **anonymised copy** made for publication, which is held in memory only.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::case_discussion::{CaseDiscussion, FactOrFeeling, Note, SmartAction};
use crate::model::case_discussion_guide::{self as guide, SectionKey, Stage};
use crate::model::problem_tree::{CauseStatus, TreeNode};
use crate::model::smart_action_check::missing_parts;
use crate::export::{NONE_RECORDED, NOT_RECORDED};
pub(super) use crate::model::date_or_period::long_date;
use crate::model::{Review, ReviewId};
use crate::ui::contexts::AnonymisedCopy;
use crate::ui::browser::local_today;
use crate::export::docx::action_log::printed_action_log;
use crate::export::docx::case_discussion_notes::{printed_case_discussion_notes, DRAFT_MARK};
use crate::export::docx::dated_mark;
use crate::ui::widgets::{PrintedDocument, ReviewLoader};
use crate::ui::route::{PrintView, Route};
use super::lt_print_page::LtPrintedReview;


/// A printable view of one review: loads it, then shows the notes or the tool sheet.
#[component]
pub fn PrintPage(
    /// The review to print.
    id: ReviewId,
    /// Which printed form to show.
    view: PrintView,
) -> impl IntoView {
    let print_view = view;
    let printed_on = Some(local_today());
    view! {
        <ReviewLoader id=id waiting="Preparing the print view…" failed="This review could not be opened for printing"
            back_href=Route::Review(id).href()
            ready=Box::new(move |stored| view! {
                <PrintedReview review=stored.review print_view=print_view printed_on=printed_on anonymised_from=None/>
            }.into_any())/>
    }
}

/// The print view of the anonymised copy last made from review `id`.
#[component]
pub fn AnonymisedPrintPage(
    /// The review the copy was made from.
    id: ReviewId,
    /// Which printed form to show.
    view: PrintView,
) -> impl IntoView {
    let copy = expect_context::<AnonymisedCopy>();
    let print_view = view;
    let printed_on = Some(local_today());
    move || match copy.0.get() {
        Some((from, review)) if from == id => view! {
            <PrintedReview review=review print_view=print_view printed_on=printed_on anonymised_from=Some(id)/>
        }
        .into_any(),
        _ => view! {
            <div class="page narrow">
                <h1>"The anonymised copy is no longer open"</h1>
                <p>"Anonymised copies are never saved: each lives only until the page is reloaded or the app locks. "
                   "Make it again from the review."</p>
                <p><a href=Route::Review(id).href()>"Back to the review"</a></p>
            </div>
        }
        .into_any(),
    }
}

/// One loaded review in its printed form, under the on-screen toolbar.
#[component]
fn PrintedReview(
    /// The review as it was when the view opened.
    review: Review,
    /// Which printed form to show.
    print_view: PrintView,
    /// Today, for the draft marking.
    printed_on: Option<NaiveDate>,
    /// For an anonymised copy: the review it was made from.
    anonymised_from: Option<ReviewId>,
) -> impl IntoView {
    if review.learning_together().is_some() {
        return view! {
            <LtPrintedReview review=review print_view=print_view printed_on=printed_on anonymised_from=anonymised_from/>
        }
        .into_any();
    }
    let cd = match (review.case_discussion().cloned(), print_view) {
        (Some(cd), PrintView::Notes | PrintView::ToolSheet | PrintView::ActionLog) => cd,
        _ => {
            return view! {
                <div class="page narrow">
                    <h1>"There is no such print view for this review"</h1>
                    <p>"The printed notes and the one-page tool sheet are for case discussions; the report, the key "
                       "practice episodes table and the letters are for Learning Together reviews."</p>
                    <p><a href=Route::Review(review.id).href()>"Back to the review"</a></p>
                </div>
            }
            .into_any();
        }
    };
    // The browser offers the page title as the name of a saved PDF.
    let heading = match print_view {
        PrintView::ToolSheet => "Case Discussion Tool sheet",
        PrintView::ActionLog => "Action log",
        _ => "Case Discussion Notes",
    };
    let previous_title = document().title();
    document().set_title(&format!("{heading} – {}", review.title));
    on_cleanup(move || document().set_title(&previous_title));

    let id = anonymised_from.unwrap_or(review.id);
    let title = review.title.clone();
    view! {
        <div class="print-view">
            <PrintToolbar id=id print_view=print_view anonymised=anonymised_from.is_some()/>
            {match print_view {
                PrintView::ToolSheet => view! { <SheetPaper title=title cd=cd printed_on=printed_on/> }.into_any(),
                PrintView::ActionLog => view! { <ActionLogPaper review=review printed_on=printed_on/> }.into_any(),
                _ => view! { <NotesPaper review=review printed_on=printed_on/> }.into_any(),
            }}
        </div>
    }
    .into_any()
}

/// The on-screen controls above a print view: print, go back, switch view. Not printed.
#[component]
pub(super) fn PrintToolbar(
    /// The review being printed.
    id: ReviewId,
    /// The view on screen now.
    print_view: PrintView,
    /// True for the anonymised copy of review `id`.
    anonymised: bool,
) -> impl IntoView {
    let (others, layout): (&[(PrintView, &str)], &str) = match print_view {
        PrintView::Notes => (
            &[(PrintView::ToolSheet, "One-page tool sheet (landscape)"), (PrintView::ActionLog, "Action log (landscape)")],
            "A4 portrait",
        ),
        PrintView::ToolSheet => (
            &[(PrintView::Notes, "Case Discussion Notes (portrait)"), (PrintView::ActionLog, "Action log (landscape)")],
            "A4 landscape",
        ),
        PrintView::ActionLog => (
            &[(PrintView::Notes, "Case Discussion Notes (portrait)"), (PrintView::ToolSheet, "One-page tool sheet (landscape)")],
            "A4 landscape",
        ),
        PrintView::Report => (
            &[(PrintView::EpisodesTable, "Key practice episodes table (landscape)"), (PrintView::Letters, "Letters")],
            "A4 portrait",
        ),
        PrintView::EpisodesTable => {
            (&[(PrintView::Report, "Review report (portrait)"), (PrintView::Letters, "Letters")], "A4 landscape")
        }
        PrintView::Letters => (&[(PrintView::Report, "Review report (portrait)")], "A4 portrait, one letter a page"),
        PrintView::Progress => (&[], "A4 landscape"),
    };
    view! {
        <div class="print-toolbar">
            <nav class="print-toolbar-links" aria-label="Print views">
                <a href=Route::Review(id).href()>"Back to the review"</a>
                {others.iter().map(|(other, label)| {
                    let route = if anonymised { Route::AnonymisedPrint(id, *other) } else { Route::Print(id, *other) };
                    view! { <a href=route.href()>{*label}</a> }
                }).collect_view()}
            </nav>
            {anonymised.then(|| view! {
                <p class="print-toolbar-anonymised">
                    <strong>"Anonymised copy."</strong>
                    " Names and places are replaced as you listed them. It is not saved: print it or save it as PDF now."
                </p>
            })}
            <p class="print-toolbar-hint">
                "Prints on " {layout} ". To keep a copy, choose “Save as PDF” in the print dialog."
            </p>
            <button type="button" class="button-primary" on:click=|_| {
                // If the browser refuses, its own menu can still print the page.
                let _ = window().print();
            }>"Print"</button>
        </div>
    }
}

/// The Case Discussion Notes, A4 portrait, in the tool's Appendix B headings and order:
/// the same document as the Word file (`case_discussion_notes`), so print and Word always
/// have the same sections, headings and columns.
#[component]
fn NotesPaper(
    /// The review (a case discussion).
    review: Review,
    /// Today, for the draft marking.
    printed_on: Option<NaiveDate>,
) -> impl IntoView {
    let document = printed_case_discussion_notes(&review, printed_on);
    view! {
        <article class="paper paper-notes" aria-labelledby="notes-title">
            {document.map(|document| view! { <PrintedDocument document=document title_id="notes-title"/> })}
        </article>
    }
}

/// The action log, A4 landscape: numbered actions with their lead agency, status and SMART
/// check, the same document as the Word file (`action_log`).
#[component]
fn ActionLogPaper(
    /// The review (a case discussion).
    review: Review,
    /// Today: each action's status (open, done, overdue) is worked out for it.
    printed_on: Option<NaiveDate>,
) -> impl IntoView {
    let document = printed_action_log(&review, printed_on);
    view! {
        <article class="paper paper-action-log" aria-labelledby="action-log-title">
            {document.map(|document| view! { <PrintedDocument document=document title_id="action-log-title"/> })}
        </article>
    }
}

/// The one-page tool sheet, A4 landscape: the tool's Appendix B grid, filled in.
#[component]
fn SheetPaper(
    /// The review's title.
    title: String,
    /// What the room recorded.
    cd: CaseDiscussion,
    /// Today, for the draft marking.
    printed_on: Option<NaiveDate>,
) -> impl IntoView {
    let h = &cd.header;
    let meta = [
        ("Child", h.child_name.trim().to_string()),
        ("Date of referral", h.date_of_referral.map(long_date).unwrap_or_default()),
        ("Date of case discussion", h.date_of_discussion.map(long_date).unwrap_or_default()),
        ("Facilitator", h.facilitator.trim().to_string()),
    ];
    let facts = bullet_list(cd.facts.iter().map(|f| {
        view! {
            <li>
                {f.text.clone()}
                {(!f.source.trim().is_empty()).then(|| view! { <span class="print-source">" (" {f.source.clone()} ")"</span> })}
            </li>
        }
    }));
    let about = if cd.about_child.trim().is_empty() {
        none_recorded()
    } else {
        view! { <p class="print-multiline">{cd.about_child.clone()}</p> }.into_any()
    };
    let thoughts = bullet_list(cd.immediate_thoughts.iter().map(|t| {
        view! { <li><strong class="print-mark">{mark_label(t.marked_as)} ":"</strong> " " {t.text.clone()}</li> }
    }));
    let missing_agencies = cd.agency_check().missing_names();
    let thoughts = view! {
        {(!missing_agencies.is_empty()).then(|| view! {
            <p class="sheet-gap"><strong>"Not represented: "</strong>{missing_agencies}</p>
        })}
        {thoughts}
    }
    .into_any();
    let tree = view! {
        <p class="sheet-note">{guide::EFFECTS_ARE}</p>
        <h3 class="print-tree-label">"Effects"</h3>
        {tree_or_none(&cd.tree.effects)}
        <h3 class="print-tree-label">"Focal point"</h3>
        <p class="print-focal-point">{or_not_recorded(&cd.tree.focal_point)}</p>
        <h3 class="print-tree-label">"Root causes"</h3>
        {tree_or_none(&cd.tree.causes)}
        <p class="sheet-note">{guide::CAUSES_ARE}</p>
    };
    let missing = bullet_list(cd.information_gaps.iter().map(|g| {
        let who_when = [g.who.trim().to_string(), g.by_when.map(|d| format!("by {}", long_date(d))).unwrap_or_default()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <li>
                {g.what.clone()}
                {(!who_when.is_empty()).then(|| view! { <span class="print-source">" — " {who_when}</span> })}
            </li>
        }
    }));
    let actions = {
        let listed: Vec<(u32, &SmartAction)> = cd.numbered_actions().into_iter().filter(|(_, a)| !is_blank_action(a)).collect();
        if listed.is_empty() {
            none_recorded()
        } else {
            view! {
                <ol class="sheet-actions">
                    {listed.into_iter().map(|(n, a)| {
                        let missing = missing_parts(a);
                        view! {
                            <li value=n.to_string()>
                                <p class="sheet-action-what">{or_not_recorded(&a.action)}</p>
                                <p><span class="print-part">"Who, when: "</span>{who_by_and_when(a)}</p>
                                <p><span class="print-part">"Done when: "</span>{or_not_recorded(&a.how_we_will_know)}</p>
                                <p><span class="print-part">"Difference: "</span>{or_not_recorded(&a.difference_for_child)}</p>
                                {(!missing.is_empty()).then(|| view! {
                                    <p class="print-missing">"Not written yet: " {missing.join(", ")}</p>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        }
    };
    let people = bullet_list(cd.people_to_involve.iter().map(|p| {
        view! {
            <li>
                {p.who.clone()}
                {(!p.why.trim().is_empty()).then(|| view! { " — " {p.why.clone()} })}
            </li>
        }
    }));

    // One page: the type shrinks a step at a time until the sheet fits one A4 landscape
    // page, never below a readable minimum (then it goes on to a second page).
    let paper = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |_| {
        let Some(el) = paper.get() else { return };
        request_animation_frame(move || fit_sheet_to_page(&el));
    });
    view! {
        <article class="paper paper-sheet" aria-labelledby="sheet-title" node_ref=paper>
            <header class="sheet-head">
                <div>
                    <h1 id="sheet-title">"Case Discussion Tool"</h1>
                    <p class="paper-subtitle">{title}</p>
                </div>
                <p class="print-draft-mark">{draft_mark(printed_on)}</p>
            </header>
            <dl class="sheet-meta">
                {meta.into_iter().map(|(label, value)| view! {
                    <div>
                        <dt>{label} ":"</dt>
                        <dd>{if value.is_empty() { view! { <span class="print-not-recorded">{NOT_RECORDED}</span> }.into_any() } else { value.into_any() }}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <div class="sheet-grid">
                <div class="sheet-stages">
                    <p class="sheet-stage sheet-stage-before">{Stage::Before.label()}</p>
                    <p class="sheet-stage sheet-stage-during">{Stage::During.label()}</p>
                </div>
                // One row of columns, the first holding the facts above the child, so that a
                // long sheet breaks across pages column by column.
                <div class="sheet-columns">
                    <div class="sheet-column-before">
                        {sheet_box(SectionKey::Facts, "sheet-facts", facts)}
                        {sheet_box(SectionKey::AboutTheChild, "sheet-child", about)}
                    </div>
                    {sheet_box(SectionKey::ImmediateThoughts, "sheet-thoughts", thoughts)}
                    {sheet_box(SectionKey::AnalysisTree, "sheet-tree", tree.into_any())}
                    {sheet_box(SectionKey::Worries, "sheet-worries", note_list(&cd.worries))}
                    {sheet_box(SectionKey::WorkedWell, "sheet-well", note_list(&cd.strengths))}
                    {sheet_box(SectionKey::MissingInformation, "sheet-missing", missing)}
                    {sheet_box(SectionKey::WhatNeedsToHappen, "sheet-actions-box", actions)}
                </div>
                <section class="sheet-box sheet-else" aria-labelledby="sheet-else">
                    <h2 id="sheet-else">{guide::WHAT_ELSE_TO_KNOW}</h2>
                    {people}
                </section>
            </div>
        </article>
    }
}

/// The tool sheet's type size, in points, at most and at least.
const SHEET_LARGEST_PT: f64 = 9.0;
const SHEET_SMALLEST_PT: f64 = 6.5;
const SHEET_STEP_PT: f64 = 0.25;

/// Shrinks the sheet's type until the preview, laid out at the printed page's width, is no
/// taller than one A4 landscape page (less a little, as print lays text out slightly
/// differently). The size goes to the printed copy through the `--sheet-font` property.
fn fit_sheet_to_page(el: &web_sys::HtmlElement) {
    // 210 mm at the CSS 96 px to the inch, less 4 mm of safety.
    let page_px = (210.0 - 4.0) / 25.4 * 96.0;
    let style = el.style();
    // Measured without the sheet's minimum heights, which only fill the page out.
    let _ = el.class_list().add_1("sheet-measuring");
    let mut pt = SHEET_LARGEST_PT;
    loop {
        let _ = style.set_property("--sheet-font", &format!("{pt}pt"));
        if el.scroll_height() as f64 <= page_px || pt <= SHEET_SMALLEST_PT {
            break;
        }
        pt = (pt - SHEET_STEP_PT).max(SHEET_SMALLEST_PT);
    }
    let _ = el.class_list().remove_1("sheet-measuring");
    let _ = el.set_attribute("data-sheet-font", &format!("{pt}"));
}


/// One box of the tool sheet, headed as the sheet heads it.
fn sheet_box(key: SectionKey, class: &'static str, body: AnyView) -> impl IntoView {
    let g = guide::section(key);
    let id = format!("sheet-section-{}", g.number);
    let labelled_by = id.clone();
    view! {
        <section class=format!("sheet-box {class}") aria-labelledby=labelled_by>
            <h2 id=id>{g.sheet_heading}</h2>
            {body}
        </section>
    }
}

/// A bulleted list, or "None recorded" when there is nothing in it.
pub(super) fn bullet_list<V: IntoView + 'static>(items: impl Iterator<Item = V>) -> AnyView {
    let items: Vec<V> = items.collect();
    if items.is_empty() {
        none_recorded()
    } else {
        view! { <ul class="print-list">{items.into_iter().collect_view()}</ul> }.into_any()
    }
}

/// Worries or things that worked well, skipping any left blank.
fn note_list(notes: &[Note]) -> AnyView {
    bullet_list(
        notes.iter().filter(|n| !n.text.trim().is_empty()).map(|n| view! { <li class="print-multiline">{n.text.clone()}</li> }),
    )
}

/// Effects or causes as nested lists, each level indented under the box it grows from.
fn tree_or_none(nodes: &[TreeNode]) -> AnyView {
    if nodes.is_empty() {
        none_recorded()
    } else {
        tree_list(nodes)
    }
}

fn tree_list(nodes: &[TreeNode]) -> AnyView {
    view! {
        <ul class="print-tree">
            {nodes.iter().map(|n| view! {
                <li>
                    {or_dash(&n.text)}
                    {cause_marking(n.status).map(|m| view! { <span class="print-cause-status">" (" {m} ")"</span> })}
                    {(!n.children.is_empty()).then(|| tree_list(&n.children))}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// How far the room got with a cause, when it was marked.
fn cause_marking(status: CauseStatus) -> Option<&'static str> {
    match status {
        CauseStatus::Unmarked => None,
        CauseStatus::Hypothesis => Some("hypothesis of root cause"),
        CauseStatus::AgreedRootCause => Some("agreed root cause"),
    }
}



/// "Health visitor, by 23 March 2026", saying which half is not recorded.
fn who_by_and_when(a: &SmartAction) -> AnyView {
    let who = or_not_recorded(&a.who_by);
    let when = match a.due {
        Some(d) => format!("by {}", long_date(d)).into_any(),
        None => view! { <span class="print-not-recorded">"no date recorded"</span> }.into_any(),
    };
    view! { {who} ", " {when} }.into_any()
}

/// An action row the facilitator added but nobody filled in.
fn is_blank_action(a: &SmartAction) -> bool {
    missing_parts(a).len() == 5
}

fn mark_label(m: FactOrFeeling) -> &'static str {
    match m {
        FactOrFeeling::Fact => "Fact",
        FactOrFeeling::Feeling => "Feeling",
        FactOrFeeling::Unmarked => "Not marked",
    }
}

fn draft_mark(printed_on: Option<NaiveDate>) -> String {
    dated_mark(DRAFT_MARK, "printed", printed_on)
}

pub(super) fn none_recorded() -> AnyView {
    view! { <p class="print-none">{NONE_RECORDED}</p> }.into_any()
}

pub(super) fn or_not_recorded(text: &str) -> AnyView {
    if text.trim().is_empty() {
        view! { <span class="print-not-recorded">{NOT_RECORDED}</span> }.into_any()
    } else {
        text.trim().to_string().into_any()
    }
}

fn or_dash(text: &str) -> AnyView {
    if text.trim().is_empty() {
        view! { <span class="print-not-recorded">"—"</span> }.into_any()
    } else {
        text.trim().to_string().into_any()
    }
}



