//! The analysis of a Learning Together review: the **narrative of multi-agency
//! perspectives** (events in date order, each with how the agencies saw it and how the
//! family saw it), the **key
//! practice episodes** (what happened, appraised as good or problematic practice, why it
//! made sense at the time, with the contributory factors that explain it and the
//! conversations it came from) and the **contributory factors** by level of the system.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::learning_together_sections::{area_href, edit_lt, read_lt, read_lt_parts, try_edit_lt};
use super::ReviewContext;
use crate::model::contributory_factor::FactorLevel;
use crate::model::conversation_guide::FactorCategory;
use crate::model::date_or_period::DateOrPeriod;
use crate::model::key_practice_episode::{Appraisal, KeyPracticeEpisode};
use crate::model::learning_together::{EpisodeId, FactorId, ItemId};
use crate::model::lt_field::LtText;
use crate::model::lt_part::LtPart;
use crate::model::narrative::is_family_key;
use crate::model::LearningTogether;
use crate::ui::widgets::{unique_id, CitationPicker, DateOrPeriodInput, DatedItemForm, HintedText};

/// The agencies taking part, in the order they were added, without repeats.
fn agencies(lt: &LearningTogether) -> Vec<String> {
    let mut seen = BTreeSet::new();
    lt.participants
        .iter()
        .map(|p| p.agency.trim().to_string())
        .chain(lt.narrative_events.iter().flat_map(|e| e.agency_views().map(|v| v.agency.trim().to_string())))
        .filter(|a| !a.is_empty() && seen.insert(a.to_lowercase()))
        .collect()
}

/// The narrative of multi-agency perspectives.
#[component]
pub fn NarrativeSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let events = Memo::new(move |_| read_lt(review, LtPart::Narrative, |lt| lt.narrative().iter().map(|e| e.id).collect::<Vec<_>>()));
    let add = Callback::new(move |(text, when): (String, DateOrPeriod)| {
        try_edit_lt(review, |lt| lt.add_event(&text, when)).is_some()
    });
    view! {
        <section class="section-card" id="lt-narrative" aria-labelledby="lt-narrative-h">
            <h2 id="lt-narrative-h">"Narrative of multi-agency perspectives"</h2>
            <p class="prompt">"Events in the order they happened, each with how the agencies involved saw it at the time."</p>
            <ol class="timeline">
                <For each=move || events.get() key=|id| *id children=move |id| view! { <NarrativeEventCard id=id/> }/>
            </ol>
            <DatedItemForm label="New event: what happened" field_key="narrative new" what="the new event"
                button="Add event" on_add=add/>
        </section>
    }
}

#[component]
fn NarrativeEventCard(id: ItemId) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let event = Memo::new(move |_| read_lt(review, LtPart::Narrative, |lt| lt.narrative_events.iter().find(|e| e.id == id).cloned()));
    let known_agencies = Memo::new(move |_| read_lt_parts(review, &[LtPart::Case, LtPart::Narrative], agencies));
    // Agencies added to this event here stay on screen while their view is being written.
    let extra = RwSignal::new(Vec::<String>::new());
    let shown = Memo::new(move |_| {
        let mut all = known_agencies.get();
        for a in extra.get() {
            if !all.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
                all.push(a);
            }
        }
        all
    });
    let what = Signal::derive(move || event.get().map(|e| e.what_happened).unwrap_or_default());
    let when = Signal::derive(move || event.get().map(|e| e.date_or_period).unwrap_or_default());
    let family_view = Signal::derive(move || event.with(|e| e.as_ref().and_then(|e| e.family_view().map(str::to_string)).unwrap_or_default()));
    // The label names the family as the review does ("How the Green family saw it"); it is
    // read once, as the label of a box being typed into should not change under the cursor.
    let family = review.with_untracked(|r| r.learning_together().map(LearningTogether::family_in_words).unwrap_or_default());
    let family_label = format!("How {family} saw it");
    let new_agency = RwSignal::new(String::new());
    let agency_id = unique_id("agency");
    let title = move || {
        event.with(|e| e.as_ref().map(|e| e.what_happened.chars().take(50).collect::<String>()).unwrap_or_default())
    };
    view! {
        <li class="timeline-event">
            <HintedText label="What happened" field_key=format!("event {id}") rows=2 value=what
                on_change=Callback::new(move |v: String| edit_lt(review, |lt| { lt.set_text(LtText::EventWhatHappened(id), &v); }))/>
            <DateOrPeriodInput what=format!("event {id}") value=when
                on_change=Callback::new(move |v| edit_lt(review, |lt| { lt.set_when(id, v); }))/>
            <div class="agency-views">
                <For each=move || shown.get() key=|a| a.clone() children=move |agency| {
                    let a2 = agency.clone();
                    let a3 = agency.clone();
                    let value = Signal::derive(move || event.with(|e| e.as_ref().and_then(|e| e.view_of(&a2).map(str::to_string)).unwrap_or_default()));
                    view! {
                        <HintedText label=format!("How {agency} saw it") field_key=format!("event {id} view {}", agency.to_lowercase()) rows=2
                            value=value on_change=Callback::new(move |v: String| {
                                let agency = a3.clone();
                                edit_lt(review, |lt| { let _ = lt.set_agency_view(id, &agency, &v); });
                            })/>
                    }
                }/>
            </div>
            <div class="family-view">
                <HintedText label=family_label field_key=format!("event {id} family view") rows=2 value=family_view
                    on_change=Callback::new(move |v: String| edit_lt(review, |lt| { let _ = lt.set_family_view(id, &v); }))/>
            </div>
            <CitationPicker citing=id what=format!("narrative event: {}", title())/>
            <form class="add-row" on:submit=move |ev| {
                ev.prevent_default();
                let a = new_agency.get_untracked().trim().to_string();
                // The family's view has its own box; its reserved key is not an agency.
                if !a.is_empty() && !is_family_key(&a) {
                    extra.update(|x| x.push(a));
                    new_agency.set(String::new());
                }
            }>
                <div class="field">
                    <label for=agency_id.clone()>"Another agency’s view"</label>
                    <input id=agency_id type="text" prop:value=move || new_agency.get() on:input=move |ev| new_agency.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button-secondary button-small">"Add agency"</button>
                <button type="button" class="button-quiet button-small" on:click=move |_| edit_lt(review, |lt| { lt.remove_event(id); })>
                    "Remove event"<span class="visually-hidden">{move || format!(": {}", title())}</span>
                </button>
            </form>
        </li>
    }
}

/// The key practice episodes: a summary table and each episode in full.
#[component]
pub fn EpisodesSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let ids = Memo::new(move |_| read_lt(review, LtPart::Episodes, |lt| lt.episodes_in_order().iter().map(|e| e.id).collect::<Vec<_>>()));
    let rows = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Episodes, LtPart::Factors], |lt| {
            lt.episodes_in_order()
                .into_iter()
                .map(|e| (e.id, e.episode.clone(), e.date_or_period.text(), e.appraisal.label(), lt.factors_of(e.id).len()))
                .collect::<Vec<_>>()
        })
    });
    let draft = RwSignal::new(String::new());
    let add = move || {
        let text = draft.get_untracked();
        if try_edit_lt(review, |lt| lt.add_episode(&text, DateOrPeriod::default())).is_some() {
            draft.set(String::new());
        }
    };
    view! {
        <section class="section-card" id="lt-episodes" aria-labelledby="lt-episodes-h">
            <h2 id="lt-episodes-h">"Key practice episodes"</h2>
            <p class="prompt">"Turning points marked in the conversations arrive here as candidates. Appraise each as good "
                "or problematic practice, say why it made sense at the time, and link the factors that explain it."</p>
            <Show when=move || rows.with(|r| !r.is_empty())>
                <table class="summary-table">
                    <caption class="visually-hidden">"Key practice episodes at a glance"</caption>
                    <thead><tr><th scope="col">"No."</th><th scope="col">"Episode"</th><th scope="col">"When"</th>
                        <th scope="col">"Appraisal"</th><th scope="col">"Factors"</th></tr></thead>
                    <tbody>
                        <For each=move || rows.get().into_iter().enumerate() key=|r| r.clone() children=|(n, (_, ep, when, appraisal, factors))| view! {
                            <tr><td>{n + 1}</td><td>{ep}</td><td>{when}</td><td>{appraisal}</td><td>{factors}</td></tr>
                        }/>
                    </tbody>
                </table>
            </Show>
            <ol class="episode-list">
                <For each=move || ids.get().into_iter().enumerate() key=|x| *x children=move |(n, id)| view! { <EpisodeCard id=id number=n + 1/> }/>
            </ol>
            <form class="add-row" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <div class="field">
                    <label for="new-episode">"New key practice episode"</label>
                    <input id="new-episode" type="text" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button-secondary">"Add episode"</button>
            </form>
        </section>
    }
}

#[component]
fn EpisodeCard(id: EpisodeId, number: usize) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let episode = Memo::new(move |_| read_lt(review, LtPart::Episodes, |lt| lt.episode(id).cloned()));
    let field = move |f: fn(&KeyPracticeEpisode) -> String| Signal::derive(move || episode.with(|e| e.as_ref().map(f).unwrap_or_default()));
    let set = move |field: fn(EpisodeId) -> LtText| {
        Callback::new(move |v: String| {
            edit_lt(review, |lt| {
                lt.set_text(field(id), &v);
            })
        })
    };
    let factors = Memo::new(move |_| {
        read_lt(review, LtPart::Factors, |lt| lt.factors.iter().map(|f| (f.id, f.text.clone(), f.category.label(), f.episodes.contains(&id))).collect::<Vec<_>>())
    });
    let sources = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Citations, LtPart::Documents, LtPart::Conversations, LtPart::Episodes, LtPart::Case], |lt| {
            // The conversations it came from or cites.
            lt.sources_of(id)
                .into_iter()
                .filter_map(|c| lt.conversation(c).and_then(|c| lt.participant(c.participant_id)).map(|p| p.label()))
                .collect::<Vec<_>>()
        })
    });
    let resting = Memo::new(move |_| {
        read_lt(review, LtPart::Findings, |lt| lt.findings_resting_on_episode(id).into_iter().map(|(n, f)| format!("Finding {n}: {}", f.statement)).collect::<Vec<_>>())
    });
    let appraisal_id = unique_id("appraisal");
    let heading_id = unique_id("episode");
    let labelled = heading_id.clone();
    let name = move || episode.with(|e| e.as_ref().map(|e| e.episode.clone()).unwrap_or_default());
    let when = Signal::derive(move || episode.with(|e| e.as_ref().map(|e| e.date_or_period.clone()).unwrap_or_default()));
    let appraisal = move || episode.with(|e| e.as_ref().map(|e| e.appraisal).unwrap_or_default());
    let roles = Signal::derive(move || episode.with(|e| e.as_ref().map(|e| e.roles_involved.join("; ")).unwrap_or_default()));
    view! {
        <li class="episode-card" aria-labelledby=labelled>
            <h3 id=heading_id>{move || format!("Episode {number}: {}", name())}</h3>
            <HintedText label="Episode" field_key=format!("episode {id} name") rows=1 value=field(|e| e.episode.clone())
                on_change=set(LtText::EpisodeName)/>
            <DateOrPeriodInput what=format!("episode {number}") value=when
                on_change=Callback::new(move |v| edit_lt(review, |lt| { lt.set_when(id, v); }))/>
            <HintedText label="Roles involved (separate with ;)" field_key=format!("episode {id} roles") kind=crate::model::identifying_details::FieldKind::Role rows=1
                value=roles on_change=set(LtText::EpisodeRoles)/>
            <HintedText label="What happened" field_key=format!("episode {id} what") value=field(|e| e.what_happened.clone())
                on_change=set(LtText::EpisodeWhatHappened)/>
            <div class="field">
                <label for=appraisal_id.clone()>"Appraisal of the practice"</label>
                <select id=appraisal_id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let a = Appraisal::ALL.into_iter().find(|a| a.label() == v).unwrap_or_default();
                    edit_lt(review, |lt| { let _ = lt.appraise_episode(id, a); });
                }>
                    {Appraisal::ALL.into_iter().map(|a| view! { <option value=a.label() selected=move || appraisal() == a>{a.label()}</option> }).collect_view()}
                </select>
            </div>
            <HintedText label="Why it made sense at the time" field_key=format!("episode {id} why") value=field(|e| e.why_it_made_sense.clone())
                on_change=set(LtText::EpisodeWhyItMadeSense)/>
            <fieldset class="checkbox-list">
                <legend>"Contributory factors that help explain it"</legend>
                <Show when=move || factors.with(|f| f.is_empty())>
                    <p class="muted">"No contributory factors recorded yet. Add them under "
                        <a href=area_href(review.with_untracked(|r| r.id), "lt-factors")>"Contributory factors"</a>"."</p>
                </Show>
                <For each=move || factors.get() key=|f| f.clone() children=move |(fid, text, category, linked)| view! {
                    <label class="checkbox">
                        <input type="checkbox" prop:checked=linked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            try_edit_lt(review, |lt| if on { lt.link_factor(id, fid) } else { lt.unlink_factor(id, fid) });
                        }/>
                        <span>{text}<span class="muted">{format!(" ({category})")}</span></span>
                    </label>
                }/>
            </fieldset>
            <CitationPicker citing=id what=format!("episode {number}")/>
            <p class="item-meta">"From conversations with: "
                {move || { let s = sources.get(); if s.is_empty() { "none recorded".to_string() } else { s.join("; ") } }}</p>
            <Show when=move || resting.with(|r| !r.is_empty())>
                <p class="item-meta">{move || format!("Findings resting on it: {}", resting.get().join("; "))}</p>
            </Show>
            <button type="button" class="button-quiet button-small" on:click=move |_| edit_lt(review, |lt| { lt.remove_episode(id); })>
                "Remove"<span class="visually-hidden">{move || format!(" episode {number}: {}", name())}</span>
            </button>
        </li>
    }
}

/// The contributory factors, by level of the system.
#[component]
pub fn FactorsSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let by_level = Memo::new(move |_| {
        read_lt(review, LtPart::Factors, |lt| {
            lt.factors_by_level()
                .into_iter()
                .map(|(level, fs)| (level, fs.into_iter().map(|f| f.id).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        })
    });
    let category = RwSignal::new(FactorCategory::Family);
    let draft = RwSignal::new(String::new());
    let add = move || {
        let (cat, text) = (category.get_untracked(), draft.get_untracked());
        if try_edit_lt(review, |lt| lt.add_factor(cat, &text)).is_some() {
            draft.set(String::new());
        }
    };
    view! {
        <section class="section-card" id="lt-factors" aria-labelledby="lt-factors-h">
            <h2 id="lt-factors-h">"Contributory factors"</h2>
            <p class="prompt">"What influenced how people saw the situation and acted at the time, recorded in the nine "
                "categories of the conversation structure and shown by level of the system, from the frontline outwards."</p>
            <form class="add-item" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <div class="field">
                    <label for="new-factor-category">"Category"</label>
                    <select id="new-factor-category" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(c) = FactorCategory::ALL.into_iter().find(|c| c.label() == v) { category.set(c); }
                    }>
                        {FactorCategory::ALL.into_iter().map(|c| view! {
                            <option value=c.label() selected=move || category.get() == c>{format!("{}. {}", c.number(), c.label())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="new-factor">"New contributory factor"</label>
                    <input id="new-factor" type="text" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button-secondary">"Add factor"</button>
            </form>
            <div class="factor-levels">
                <For each=move || by_level.get() key=|x| x.clone() children=move |(level, ids)| {
                    let empty = ids.is_empty();
                    view! {
                        <section class="factor-level" aria-label=format!("{} factors", level.label())>
                            <h3>{level.label()}</h3>
                            {empty.then(|| view! { <p class="muted">"None yet."</p> })}
                            <ul class="item-list">
                                {ids.into_iter().map(|fid| view! { <FactorItem id=fid/> }).collect_view()}
                            </ul>
                        </section>
                    }
                }/>
            </div>
        </section>
    }
}

#[component]
fn FactorItem(id: FactorId) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let factor = Memo::new(move |_| read_lt(review, LtPart::Factors, |lt| lt.factor(id).cloned()));
    let episodes = Memo::new(move |_| {
        read_lt(review, LtPart::Episodes, |lt| {
            let order: Vec<EpisodeId> = lt.episodes_in_order().iter().map(|e| e.id).collect();
            lt.episodes_of(id)
                .iter()
                .map(|e| format!("{} ({})", e.episode, order.iter().position(|x| *x == e.id).map_or(0, |n| n + 1)))
                .collect::<Vec<_>>()
        })
    });
    let sources = Memo::new(move |_| read_lt_parts(review, &[LtPart::Factors, LtPart::Conversations, LtPart::Case], |lt| lt.factor_sources(id)));
    let resting = Memo::new(move |_| {
        read_lt(review, LtPart::Findings, |lt| lt.findings_resting_on_factor(id).into_iter().map(|(n, _)| format!("finding {n}")).collect::<Vec<_>>())
    });
    let text = Signal::derive(move || factor.with(|f| f.as_ref().map(|f| f.text.clone()).unwrap_or_default()));
    let (cat_id, level_id) = (unique_id("category"), unique_id("level"));
    let current_cat = move || factor.with(|f| f.as_ref().map(|f| f.category));
    let current_level = move || factor.with(|f| f.as_ref().map(|f| f.level));
    view! {
        <li class="item factor-item">
            <HintedText label="Factor" field_key=format!("factor {id}") rows=2 value=text
                on_change=Callback::new(move |v: String| { try_edit_lt(review, |lt| lt.edit_factor(id, &v)); })/>
            <div class="add-row">
                <div class="field">
                    <label for=cat_id.clone()>"Category"</label>
                    <select id=cat_id on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(c) = FactorCategory::ALL.into_iter().find(|c| c.label() == v) {
                            try_edit_lt(review, |lt| lt.recategorise_factor(id, c));
                        }
                    }>
                        {FactorCategory::ALL.into_iter().map(|c| view! { <option value=c.label() selected=move || current_cat() == Some(c)>{c.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=level_id.clone()>"Level"</label>
                    <select id=level_id on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(l) = FactorLevel::ALL.into_iter().find(|l| l.label() == v) {
                            try_edit_lt(review, |lt| lt.place_factor(id, l));
                        }
                    }>
                        {FactorLevel::ALL.into_iter().map(|l| view! { <option value=l.label() selected=move || current_level() == Some(l)>{l.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <Show when=move || sources.with(|s| !s.is_empty())>
                <p class="item-meta">{move || format!("From the conversation with {}", sources.get().join("; "))}</p>
            </Show>
            <Show when=move || resting.with(|r| !r.is_empty())>
                <p class="item-meta">{move || format!("Findings resting on it: {}", resting.get().join(", "))}</p>
            </Show>
            <p class="item-meta">"Helps explain: "{move || { let e = episodes.get(); if e.is_empty() { "no episode linked yet".to_string() } else { e.join("; ") } }}</p>
            <button type="button" class="button-quiet button-small" on:click=move |_| edit_lt(review, |lt| { lt.remove_factor(id); })>
                "Remove"<span class="visually-hidden">{move || format!(" factor: {}", text.get())}</span>
            </button>
        </li>
    }
}
