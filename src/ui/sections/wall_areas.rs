//! The wall's areas are the case discussion as the room reads it from the back: every
//! point written out whole, in large type, under the tool's headings, with nothing to edit
//! in the way (editing happens when an area is enlarged, in the capture bar, or on the
//! tree). Also here: "who is missing" (the agencies named in the discussion that nobody
//! taking part speaks for, with the tool's advice), and the tool's principles, values and
//! assumptions (Appendix A) to read out to people new to the method.

use leptos::prelude::*;

use super::case_discussion_sections::{read_cd, read_cd_parts, section_heading};
use crate::model::agency_check::AgencyCheck;
use crate::model::cd_part::CdPart;
use crate::model::Review;
use super::ReviewContext;
use crate::model::agency_check::MISSING_AGENCY_ADVICE;
use crate::model::case_discussion::FactOrFeeling;
use crate::model::case_discussion_guide::SectionKey;
use crate::model::practice_review_principles::{APPENDIX_A, PRINCIPLES_CREDIT, PRINCIPLES_INTRO, PRINCIPLES_TITLE};

/// Dates on the wall are short, to keep each point on as few lines as possible: "8 Dec".
fn short_date(d: chrono::NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

fn empty() -> AnyView {
    view! { <p class="wall-empty">"Nothing yet"</p> }.into_any()
}

/// 1 and 2: the documents available, and the child's lived experience.
#[component]
pub fn WallFactsArea() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let facts = move || read_cd(review, CdPart::Facts, |cd| cd.facts.iter().map(|f| (f.text.clone(), f.source.clone())).collect::<Vec<_>>());
    let about = move || read_cd(review, CdPart::AboutChild, |cd| cd.about_child.clone());
    view! {
        <h3 class="wall-heading">{section_heading(SectionKey::Facts)}</h3>
        {move || {
            let list = facts();
            if list.is_empty() { return empty(); }
            view! { <ul class="wall-points">{list.into_iter().map(|(text, source)| view! {
                <li>{text}{(!source.trim().is_empty()).then(|| view! { <span class="wall-source">{format!(" ({})", source.trim())}</span> })}</li>
            }).collect_view()}</ul> }.into_any()
        }}
        <h3 class="wall-heading">"2. About the child"</h3>
        {move || {
            let text = about();
            if text.trim().is_empty() { return empty(); }
            view! { <p class="wall-text">{text}</p> }.into_any()
        }}
    }
}

/// 3: immediate thoughts, each marked fact or feeling, and who is not represented.
#[component]
pub fn WallThoughtsArea() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let thoughts = move || read_cd(review, CdPart::Thoughts, |cd| cd.immediate_thoughts.iter().map(|t| (t.text.clone(), t.marked_as)).collect::<Vec<_>>());
    view! {
        <WhoIsMissing compact=true/>
        {move || {
            let list = thoughts();
            if list.is_empty() { return empty(); }
            view! { <ul class="wall-points">{list.into_iter().map(|(text, mark)| {
                let tag = match mark {
                    FactOrFeeling::Fact => Some(("Fact", "tag-fact")),
                    FactOrFeeling::Feeling => Some(("Feeling", "tag-feeling")),
                    FactOrFeeling::Unmarked => None,
                };
                view! { <li>{tag.map(|(t, c)| view! { <span class=format!("wall-tag {c}")>{t}</span>" " })}{text}</li> }
            }).collect_view()}</ul> }.into_any()
        }}
    }
}

/// 5 and 6: worries, and what worked well.
#[component]
pub fn WallWorriesArea() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let worries = move || read_cd(review, CdPart::Worries, |cd| cd.worries.iter().map(|n| n.text.clone()).collect::<Vec<_>>());
    let strengths = move || read_cd(review, CdPart::Strengths, |cd| cd.strengths.iter().map(|n| n.text.clone()).collect::<Vec<_>>());
    let list = |items: Vec<String>| {
        if items.is_empty() {
            return empty();
        }
        view! { <ul class="wall-points">{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
    };
    view! {
        <h3 class="wall-heading">{section_heading(SectionKey::Worries)}</h3>
        {move || list(worries())}
        <h3 class="wall-heading">{section_heading(SectionKey::WorkedWell)}</h3>
        {move || list(strengths())}
    }
}

/// 7 and 8: missing information (and who else to involve), and the numbered actions.
#[component]
pub fn WallActionsArea() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let gaps = move || {
        read_cd(review, CdPart::Gaps, |cd| {
            cd.information_gaps
                .iter()
                .map(|g| {
                    let mut extra = Vec::new();
                    if !g.who.trim().is_empty() {
                        extra.push(g.who.trim().to_string());
                    }
                    if let Some(d) = g.by_when {
                        extra.push(format!("by {}", short_date(d)));
                    }
                    (g.what.clone(), extra.join(", "))
                })
                .collect::<Vec<_>>()
        })
    };
    let involve = move || read_cd(review, CdPart::People, |cd| cd.people_to_involve.iter().map(|p| p.who.clone()).collect::<Vec<_>>());
    let actions = move || {
        read_cd(review, CdPart::Actions, |cd| {
            cd.numbered_actions()
                .into_iter()
                .map(|(n, a)| {
                    let mut extra = Vec::new();
                    let who = if a.who_by.trim().is_empty() { a.lead_agency.trim() } else { a.who_by.trim() };
                    if !who.is_empty() {
                        extra.push(who.to_string());
                    }
                    if let Some(d) = a.due {
                        extra.push(format!("by {}", short_date(d)));
                    }
                    (n, a.action.clone(), extra.join(", "))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h3 class="wall-heading">{section_heading(SectionKey::MissingInformation)}</h3>
        {move || {
            let list = gaps();
            if list.is_empty() { return empty(); }
            view! { <ul class="wall-points">{list.into_iter().map(|(what, extra)| view! {
                <li>{what}{(!extra.is_empty()).then(|| view! { <span class="wall-source">{format!(" ({extra})")}</span> })}</li>
            }).collect_view()}</ul> }.into_any()
        }}
        {move || {
            let list = involve();
            (!list.is_empty()).then(|| view! {
                <h3 class="wall-heading">"Who else to involve"</h3>
                <ul class="wall-points">{list.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            })
        }}
        <h3 class="wall-heading">{section_heading(SectionKey::WhatNeedsToHappen)}</h3>
        {move || {
            let list = actions();
            if list.is_empty() { return empty(); }
            view! { <ul class="wall-points wall-actions">{list.into_iter().map(|(n, what, extra)| view! {
                <li><span class="wall-number">{format!("{n}.")}</span>" "{if what.trim().is_empty() { "(not written yet)".to_string() } else { what }}
                    {(!extra.is_empty()).then(|| view! { <span class="wall-source">{format!(" ({extra})")}</span> })}</li>
            }).collect_view()}</ul> }.into_any()
        }}
    }
}

/// The agency check, worked out again once typing pauses: it reads every fact, the child's
/// section, the attendees and every action, too much to redo on each key.
fn settled_agency_check(review: RwSignal<Review>) -> ReadSignal<AgencyCheck> {
    let read = move || review.try_with_untracked(|r| r.case_discussion().map(|cd| cd.agency_check()).unwrap_or_default());
    let (check, set_check) = signal(read().unwrap_or_default());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let parts = [CdPart::Header, CdPart::Facts, CdPart::AboutChild, CdPart::Actions];
    Effect::new(move |first: Option<()>| {
        read_cd_parts(review, &parts, |_| ());
        if first.is_none() {
            return;
        }
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let wait = std::time::Duration::from_millis(AGENCY_CHECK_PAUSE_MS);
        timer.set_value(set_timeout_with_handle(move || {
            if let Some(now) = read() {
                if check.try_with_untracked(|c| *c != now).unwrap_or(false) {
                    set_check.try_set(now);
                }
            }
        }, wait).ok());
    });
    on_cleanup(move || {
        if let Some(t) = timer.try_get_value().flatten() {
            t.clear();
        }
    });
    check
}

/// How long typing must pause before the agency check is worked out again.
const AGENCY_CHECK_PAUSE_MS: u64 = 250;

/// Which agency is not represented, said plainly, with the tool's advice. `compact` is the
/// wall's short form; otherwise the check lists who is represented too.
#[component]
pub fn WhoIsMissing(#[prop(optional)] compact: bool) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let check = settled_agency_check(review);
    move || {
        let c = check.get();
        if compact {
            return (!c.missing.is_empty()).then(|| view! {
                <div class="agency-gap" role="note" aria-label="Who is missing">
                    <p class="agency-gap-title">{format!("Not represented: {}", c.missing_names())}</p>
                    <p class="agency-gap-advice">"Could someone join by phone, or could someone here “wear two hats”?"</p>
                </div>
            }.into_any());
        }
        Some(view! {
            <div class="agency-check" role="group" aria-label="Who is missing">
                {if c.missing.is_empty() {
                    view! { <p>{if c.represented.is_empty() {
                        "No agencies recorded yet. Add attendees with their agencies to see who is represented."
                    } else {
                        "Every agency named in the facts, the child's section, the attendees and the actions is represented."
                    }}</p> }.into_any()
                } else {
                    view! {
                        <div class="agency-gap">
                            <p class="agency-gap-title">{format!("Not represented: {}", c.missing_names())}</p>
                            <ul>{c.missing.iter().map(|m| view! { <li>{m.sentence()}</li> }).collect_view()}</ul>
                            <p class="agency-gap-advice">"The tool’s advice: “" {MISSING_AGENCY_ADVICE} "”"</p>
                        </div>
                    }.into_any()
                }}
                {(!c.represented.is_empty()).then(|| view! {
                    <p>"Represented: "{c.represented.iter().map(|r| format!("{} ({})", r.agency, r.by.join(", "))).collect::<Vec<_>>().join("; ")}"."</p>
                })}
            </div>
        }.into_any())
    }
}

/// Appendix A, large enough to read out from the board.
#[component]
pub fn PrinciplesPanel(
    /// Closes the panel and returns to the wall.
    on_close: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="principles" aria-labelledby="principles-title">
            <div class="principles-head">
                <h2 id="principles-title">{PRINCIPLES_TITLE}</h2>
                <button class="button-primary" on:click=move |_| on_close.run(())>"Back to the board"</button>
            </div>
            <p class="principles-intro">{PRINCIPLES_INTRO}</p>
            <div class="principles-groups">
                {APPENDIX_A.iter().map(|g| view! {
                    <div class="principles-group">
                        <h3>{format!("{} {}", g.number, g.title)}</h3>
                        <ul>{g.points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
                    </div>
                }).collect_view()}
            </div>
            <p class="principles-credit">{PRINCIPLES_CREDIT}</p>
        </section>
    }
}
