//! Findings are the underlying patterns the review shows about how the local safeguarding
//! system works, each tagged with one or more pattern types from SCIE's typology and
//! written in four parts: how it showed in this case, the evidence that it is wider than
//! this case, why it matters, and the issues for the safeguarding board to consider.
//! Recommendations answer findings, or stand on their own.

use leptos::prelude::*;

use super::learning_together_sections::{edit_lt, read_lt, read_lt_parts, try_edit_lt};
use super::ReviewContext;
use crate::model::finding::Finding;
use crate::model::learning_together::FindingId;
use crate::model::lt_field::LtText;
use crate::model::lt_part::LtPart;
use crate::model::pattern_type::{PatternType, TYPOLOGY_DESCRIPTION};
use crate::ui::widgets::{unique_id, CitationPicker, HintedText};

/// The findings.
#[component]
pub fn FindingsSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let ids = Memo::new(move |_| read_lt(review, LtPart::Findings, |lt| lt.findings.iter().map(|f| f.id).collect::<Vec<_>>()));
    let draft = RwSignal::new(String::new());
    let pattern = RwSignal::new(PatternType::ALL[0]);
    let add = move || {
        let (text, p) = (draft.get_untracked(), pattern.get_untracked());
        if try_edit_lt(review, |lt| lt.add_finding(&text, p)).is_some() {
            draft.set(String::new());
        }
    };
    view! {
        <section class="section-card" id="lt-findings" aria-labelledby="lt-findings-h">
            <h2 id="lt-findings-h">"Findings"</h2>
            <p class="prompt">{format!("Typology of underlying patterns (Appendix 6): {TYPOLOGY_DESCRIPTION}.")}</p>
            <ol class="finding-list">
                <For each=move || ids.get().into_iter().enumerate() key=|x| *x children=move |(n, id)| view! { <FindingCard id=id number=n + 1/> }/>
            </ol>
            <form class="add-item" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <div class="field">
                    <label for="new-finding">"New finding"</label>
                    <input id="new-finding" type="text" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="new-finding-pattern">"Pattern type"</label>
                    <select id="new-finding-pattern" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(p) = PatternType::ALL.into_iter().find(|p| p.label() == v) { pattern.set(p); }
                    }>
                        {PatternType::ALL.into_iter().map(|p| view! { <option value=p.label() selected=move || pattern.get() == p>{p.label()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button-secondary">"Add finding"</button>
            </form>
        </section>
    }
}

#[component]
fn FindingCard(id: FindingId, number: usize) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let finding = Memo::new(move |_| read_lt(review, LtPart::Findings, |lt| lt.finding(id).cloned()));
    let field = move |f: fn(&Finding) -> String| Signal::derive(move || finding.with(|x| x.as_ref().map(f).unwrap_or_default()));
    let set = move |field: fn(FindingId) -> LtText| {
        Callback::new(move |v: String| {
            edit_lt(review, |lt| {
                lt.set_text(field(id), &v);
            })
        })
    };
    let statement = move || finding.with(|f| f.as_ref().map(|f| f.statement.clone()).unwrap_or_default());
    let tagged = move |p: PatternType| finding.with(|f| f.as_ref().is_some_and(|f| f.shows(p)));
    let issues = Signal::derive(move || finding.with(|f| f.as_ref().map(|f| f.issues_for_the_board.join("\n")).unwrap_or_default()));
    let heading_id = unique_id("finding");
    let labelled = heading_id.clone();
    let episodes = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Episodes, LtPart::Findings], |lt| {
            lt.episodes_in_order()
                .into_iter()
                .enumerate()
                .map(|(n, e)| (e.id, format!("Episode {}: {}", n + 1, e.episode), lt.finding(id).is_some_and(|f| f.episodes.contains(&e.id))))
                .collect::<Vec<_>>()
        })
    });
    let factors = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Factors, LtPart::Findings], |lt| {
            lt.factors
                .iter()
                .map(|x| (x.id, x.text.clone(), lt.finding(id).is_some_and(|f| f.factors.contains(&x.id))))
                .collect::<Vec<_>>()
        })
    });
    let basis = Memo::new(move |_| read_lt_parts(review, &[LtPart::Findings, LtPart::Episodes, LtPart::Factors, LtPart::Citations, LtPart::Documents, LtPart::Conversations, LtPart::Case], |lt| lt.finding_evidence(id)));
    let count = Memo::new(move |_| read_lt(review, LtPart::Findings, |lt| lt.findings.len()));
    let is_last = move || number == count.get();
    view! {
        <li class="finding-card" aria-labelledby=labelled>
            <h3 id=heading_id>{move || format!("Finding {number}: {}", statement())}</h3>
            <div class="button-row">
                <span class="muted">{format!("Priority {number}")}</span>
                <button type="button" class="button-quiet button-small" disabled=number == 1
                    on:click=move |_| { try_edit_lt(review, |lt| lt.move_finding(id, true)); }>
                    "Move up"<span class="visually-hidden">{move || format!(" finding {number}")}</span>
                </button>
                <button type="button" class="button-quiet button-small" disabled=is_last
                    on:click=move |_| { try_edit_lt(review, |lt| lt.move_finding(id, false)); }>
                    "Move down"<span class="visually-hidden">{move || format!(" finding {number}")}</span>
                </button>
            </div>
            <HintedText label="Finding" field_key=format!("finding {id} statement") rows=2 value=field(|f| f.statement.clone())
                on_change=set(LtText::FindingStatement)/>
            <fieldset class="checkbox-list pattern-tags">
                <legend>"Pattern types it shows"</legend>
                {PatternType::ALL.into_iter().map(|p| view! {
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=move || tagged(p) on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let ok = try_edit_lt(review, |lt| if on { lt.tag_finding(id, p) } else { lt.untag_finding(id, p) });
                            if ok.is_none() {
                                // Refused (the last pattern type): show the box as it really is.
                                let el: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(ev.target().unwrap());
                                el.set_checked(tagged(p));
                            }
                        }/>
                        <span>{p.label()}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <HintedText label="How it showed in this case" field_key=format!("finding {id} how") value=field(|f| f.how_it_showed_in_this_case.clone())
                on_change=set(LtText::FindingHowItShowed)/>
            <HintedText label="Evidence that it is wider than this case" field_key=format!("finding {id} wider") value=field(|f| f.evidence_it_is_wider.clone())
                on_change=set(LtText::FindingEvidenceItIsWider)/>
            <HintedText label="Why it matters" field_key=format!("finding {id} why") value=field(|f| f.why_it_matters.clone())
                on_change=set(LtText::FindingWhyItMatters)/>
            <HintedText label="Issues for the board to consider (one per line)" field_key=format!("finding {id} issues") value=issues
                on_change=set(LtText::FindingIssues)/>
            <fieldset class="checkbox-list">
                <legend>"Key practice episodes it rests on"</legend>
                <Show when=move || episodes.with(|e| e.is_empty())><p class="muted">"No key practice episodes yet."</p></Show>
                <For each=move || episodes.get() key=|e| e.clone() children=move |(eid, label, linked)| view! {
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=linked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            try_edit_lt(review, |lt| lt.rest_finding_on_episode(id, eid, on));
                        }/>
                        <span>{label}</span>
                    </label>
                }/>
            </fieldset>
            <fieldset class="checkbox-list">
                <legend>"Contributory factors it rests on"</legend>
                <Show when=move || factors.with(|f| f.is_empty())><p class="muted">"No contributory factors yet."</p></Show>
                <For each=move || factors.get() key=|f| f.clone() children=move |(fid, text, linked)| view! {
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=linked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            try_edit_lt(review, |lt| lt.rest_finding_on_factor(id, fid, on));
                        }/>
                        <span>{text}</span>
                    </label>
                }/>
            </fieldset>
            <CitationPicker citing=id what=format!("finding {number}")/>
            <Show when=move || basis.with(|b| !b.documents.is_empty())>
                <p class="item-meta">{move || format!("Documents it draws on: {}", basis.get().documents.join("; "))}</p>
            </Show>
            <Show when=move || basis.with(|b| !b.conversations.is_empty())>
                <p class="item-meta">{move || format!("From conversations with: {}", basis.get().conversations.join("; "))}</p>
            </Show>
            <button type="button" class="button-quiet button-small" on:click=move |_| edit_lt(review, |lt| { lt.remove_finding(id); })>
                "Remove"<span class="visually-hidden">{move || format!(" finding {number}")}</span>
            </button>
        </li>
    }
}

/// The recommendations, each answering a finding or standing on its own.
#[component]
pub fn RecommendationsSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let recs = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Recommendations, LtPart::Findings], |lt| {
            lt.recommendations
                .iter()
                .map(|r| (r.id, r.text.clone(), r.finding.and_then(|f| lt.findings.iter().position(|x| x.id == f)).map(|n| n + 1)))
                .collect::<Vec<_>>()
        })
    });
    let findings = Memo::new(move |_| read_lt(review, LtPart::Findings, |lt| lt.findings.iter().map(|f| (f.id, f.statement.clone())).collect::<Vec<_>>()));
    let rec_ids = move || recs.with(|rs| rs.iter().map(|r| r.0).collect::<Vec<_>>());
    let draft = RwSignal::new(String::new());
    let answers = RwSignal::new(None::<FindingId>);
    let add = move || {
        let (text, f) = (draft.get_untracked(), answers.get_untracked());
        if try_edit_lt(review, |lt| lt.add_recommendation(&text, f)).is_some() {
            draft.set(String::new());
        }
    };
    view! {
        <section class="section-card" id="lt-recommendations" aria-labelledby="lt-recommendations-h">
            <h2 id="lt-recommendations-h">"Recommendations"</h2>
            <ol class="item-list">
                <For each=rec_ids key=|id| *id children=move |id| {
                    let text = Signal::derive(move || recs.with(|rs| rs.iter().find(|r| r.0 == id).map(|r| r.1.clone()).unwrap_or_default()));
                    let answered = Memo::new(move |_| read_lt(review, LtPart::Recommendations, |lt| lt.recommendations.iter().find(|r| r.id == id).and_then(|r| r.finding)));
                    let short: String = text.get_untracked().chars().take(50).collect();
                    let select_id = unique_id("recommendation-finding");
                    view! {
                        <li class="item">
                            <HintedText label="Recommendation" field_key=format!("recommendation {id}") rows=2 value=text
                                on_change=Callback::new(move |v: String| { try_edit_lt(review, |lt| lt.edit_recommendation(id, &v)); })/>
                            <div class="field">
                                <label for=select_id.clone()>"It answers"</label>
                                <select id=select_id on:change=move |ev| {
                                    let f = event_target_value(&ev).parse().ok();
                                    try_edit_lt(review, |lt| lt.answer_finding(id, f));
                                }>
                                    <option value="" selected=move || answered.get().is_none()>"No particular finding (stands on its own)"</option>
                                    {move || findings.get().into_iter().enumerate().map(|(n, (fid, s))| view! {
                                        <option value=fid.to_string() selected=move || answered.get() == Some(fid)>{format!("Finding {}: {}", n + 1, s)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="button" class="button-quiet button-small" on:click=move |_| edit_lt(review, |lt| { lt.remove_recommendation(id); })>
                                "Remove"<span class="visually-hidden">{format!(" recommendation: {short}")}</span>
                            </button>
                        </li>
                    }
                }/>
            </ol>
            <form class="add-item" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <div class="field field-wide">
                    <HintedText label="New recommendation" field_key="new recommendation" rows=2 value=Signal::from(draft)
                        on_change=Callback::new(move |v: String| draft.set(v))/>
                </div>
                <div class="field">
                    <label for="new-recommendation-finding">"It answers"</label>
                    <select id="new-recommendation-finding" on:change=move |ev| answers.set(event_target_value(&ev).parse().ok())>
                        <option value="">"No particular finding"</option>
                        {move || findings.get().into_iter().enumerate().map(|(n, (id, s))| view! {
                            <option value=id.to_string() selected=move || answers.get() == Some(id)>{format!("Finding {}: {}", n + 1, s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button-secondary">"Add recommendation"</button>
            </form>
        </section>
    }
}
