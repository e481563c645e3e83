//! Conversations are the review team's records of the one-to-one conversations, one per
//! participant, following the conversation guide. Turning points the participant described
//! are listed under part 3a and can be marked as candidate key practice episodes; what they
//! said about each contributory-factor category can be recorded as one of the review's
//! contributory factors. A practitioner's own preparation file can be added to their
//! conversation without overwriting anything.

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::conversation_guide_form::{GuideMode, GuideParts};
use super::learning_together_sections::{edit_lt, jump_to, read_lt, try_edit_lt};
use super::ReviewContext;
use crate::model::conversation::Conversation;
use crate::model::conversation_guide::FactorCategory;
use crate::model::date_or_period::DateOrPeriod;
use crate::model::learning_together::{ConversationId, ParticipantId};
use crate::model::ReviewBody;
use crate::storage::file_format::{read_file, MAX_FILE_BYTES};
use crate::ui::contexts::NoticeContext;
use crate::ui::widgets::{unique_id, DatedItemForm};

/// The conversations: pick a participant, then write the record of their conversation.
#[component]
pub fn ConversationsSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let participants = Memo::new(move |_| {
        read_lt(review, |lt| {
            lt.participants
                .iter()
                .map(|p| {
                    let c = lt.conversation_with(p.id);
                    let parts = c.map_or(0, |c| c.notes.parts.values().filter(|n| !n.is_empty()).count());
                    (p.id, p.label(), c.map(|c| c.id), parts)
                })
                .collect::<Vec<_>>()
        })
    });
    let selected = RwSignal::new(None::<ParticipantId>);
    let selected_conversation = Memo::new(move |_| {
        let p = selected.get()?;
        read_lt(review, |lt| Some(lt.conversation_with(p).map(|c| c.id)))
    });
    view! {
        <section class="section-card" id="lt-conversations" aria-labelledby="lt-conversations-h">
            <h2 id="lt-conversations-h">"Conversations"</h2>
            <p class="prompt">"One record for each participant, following the conversation structure (Appendix 3). "
                "Recordings made to help write it up are destroyed once the record is written."</p>
            <Show when=move || participants.with(|p| p.is_empty())>
                <p class="empty">"Add participants under "
                    <a href="#lt-case" on:click=move |ev| { ev.prevent_default(); jump_to("lt-case"); }>"Case and people"</a>
                    " to record their conversations."</p>
            </Show>
            <ul class="conversation-picker">
                <For each=move || participants.get() key=|p| p.clone() children=move |(pid, label, conversation, parts)| {
                    let status = match (conversation, parts) {
                        (None, _) => "not started".to_string(),
                        (Some(_), 1) => "1 part written".to_string(),
                        (Some(_), n) => format!("{n} parts written"),
                    };
                    view! {
                        <li>
                            <button type="button" class="button-secondary"
                                aria-pressed=move || if selected.get() == Some(pid) { "true" } else { "false" }
                                on:click=move |_| selected.set(Some(pid))>
                                {format!("Conversation with {label}")}
                            </button>
                            <span class="muted">{status}</span>
                        </li>
                    }
                }/>
            </ul>
            {move || selected.get().and_then(|pid| {
                let label = read_lt(review, |lt| lt.participant(pid).map(|p| p.label()))?;
                Some(match selected_conversation.get().flatten() {
                    Some(cid) => view! { <ConversationRecord participant=pid conversation=cid label=label/> }.into_any(),
                    None => view! {
                        <div class="conversation-start">
                            <p>{format!("The conversation with {label} has no record yet.")}</p>
                            <div class="button-row">
                                <button type="button" class="button-primary" on:click=move |_| {
                                    try_edit_lt(review, |lt| lt.start_conversation(pid, None));
                                }>"Start the record of this conversation"</button>
                                <PreparationImport participant=pid/>
                            </div>
                        </div>
                    }.into_any(),
                })
            })}
        </section>
    }
}

/// The record of one conversation.
#[component]
fn ConversationRecord(participant: ParticipantId, conversation: ConversationId, label: String) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let notices = expect_context::<NoticeContext>();
    let edit_conversation = move |f: Box<dyn FnOnce(&mut Conversation)>| {
        edit_lt(review, |lt| {
            if let Some(c) = lt.conversation_mut(conversation) {
                f(c);
            }
        })
    };
    let notes = Memo::new(move |_| read_lt(review, |lt| lt.conversation(conversation).map(|c| c.notes.clone()).unwrap_or_default()));
    let date = Memo::new(move |_| read_lt(review, |lt| lt.conversation(conversation).and_then(|c| c.date)));
    let date_id = unique_id("conversation-date");
    let record_factor = Callback::new(move |cat: FactorCategory| {
        let text = notes.with_untracked(|n| n.factor_notes(cat).to_string());
        if try_edit_lt(review, |lt| lt.add_factor(cat, &text)).is_some() {
            notices.say(format!("Recorded as a contributory factor under “{}”. Link it to key practice episodes under Contributory factors.", cat.label()));
        }
    });
    view! {
        <article class="conversation-record" aria-labelledby="conversation-record-h">
            <h3 id="conversation-record-h" class="conversation-title">{format!("Record of the conversation with {label}")}</h3>
            <div class="add-row">
                <div class="field">
                    <label for=date_id.clone()>"Date of the conversation"</label>
                    <input id=date_id type="date"
                        prop:value=move || date.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                        on:input=move |ev| {
                            // Handed over as soon as the date is whole; clearing waits for the change.
                            if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                                edit_conversation(Box::new(move |c| c.date = Some(d)));
                            }
                        }
                        on:change=move |ev| {
                            let d = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                            edit_conversation(Box::new(move |c| c.date = d));
                        }/>
                </div>
                <PreparationImport participant=participant/>
            </div>
            <GuideParts mode=GuideMode::Record field_prefix=format!("conversation {conversation}") notes=notes.into()
                on_answer=Callback::new(move |(part, n, text): (_, u8, String)| edit_conversation(Box::new(move |c| c.notes.set_answer(part, n, &text))))
                on_notes=Callback::new(move |(part, text): (_, String)| edit_conversation(Box::new(move |c| c.notes.set_notes(part, &text))))
                on_factor=Callback::new(move |(cat, text): (_, String)| edit_conversation(Box::new(move |c| c.notes.set_factor_notes(cat, &text))))
                record_factor=record_factor
                turning_points=ViewFn::from(move || view! { <TurningPoints conversation=conversation/> })/>
        </article>
    }
}

/// The turning points of one conversation, each of which can become a key practice episode.
#[component]
fn TurningPoints(conversation: ConversationId) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let notices = expect_context::<NoticeContext>();
    let points = Memo::new(move |_| {
        read_lt(review, |lt| {
            lt.conversation(conversation)
                .map(|c| {
                    c.turning_points_in_order()
                        .into_iter()
                        .map(|t| (t.id, t.text.clone(), t.date_or_period.text(), t.promoted_to.filter(|e| lt.episode(*e).is_some()), t.from_preparation))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let add = Callback::new(move |(text, when): (String, DateOrPeriod)| {
        try_edit_lt(review, |lt| lt.add_turning_point(conversation, &text, when)).is_some()
    });
    view! {
        <div class="turning-points">
            <h4>"Turning points"</h4>
            <ol class="item-list">
                <For each=move || points.get() key=|p| p.clone() children=move |(id, text, when, promoted, from_prep)| {
                    let short = text.chars().take(60).collect::<String>();
                    let short2 = short.clone();
                    view! {
                        <li class="item">
                            <p class="item-text">{text.clone()}</p>
                            <p class="item-meta">
                                {(!when.is_empty()).then(|| view! { <span>{when.clone()}</span> })}
                                {from_prep.then(|| view! { <span class="tag">"From the practitioner’s preparation"</span> })}
                                {promoted.map(|_| view! { <span class="tag tag-good">"Key practice episode"</span> })}
                            </p>
                            <div class="button-row">
                                {match promoted {
                                    Some(_) => view! {
                                        <button type="button" class="button-quiet button-small" on:click=move |_| jump_to("lt-episodes")>
                                            "Go to its key practice episode"
                                        </button>
                                    }.into_any(),
                                    None => view! {
                                        <button type="button" class="button-secondary button-small"
                                            aria-label=format!("Mark as key practice episode: {short}") on:click=move |_| {
                                            if try_edit_lt(review, |lt| lt.promote_turning_point(conversation, id)).is_some() {
                                                notices.say("Added as a candidate key practice episode, not yet appraised.");
                                            }
                                        }>
                                            "Mark as key practice episode"
                                        </button>
                                    }.into_any(),
                                }}
                                <button type="button" class="button-quiet button-small" on:click=move |_| edit_lt(review, |lt| { lt.remove_turning_point(conversation, id); })>
                                    "Remove"<span class="visually-hidden">{format!(" turning point: {short2}")}</span>
                                </button>
                            </div>
                        </li>
                    }
                }/>
            </ol>
            <DatedItemForm label="New turning point" field_key=format!("conversation {conversation} new turning point")
                what="the new turning point" button="Add turning point" on_add=add/>
        </div>
    }
}

/// Adds a practitioner's preparation file to this participant's conversation.
#[component]
fn PreparationImport(participant: ParticipantId) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let notices = expect_context::<NoticeContext>();
    let input = NodeRef::<leptos::html::Input>::new();
    let read = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            if file.size() > MAX_FILE_BYTES as f64 {
                notices.warn(format!("“{}” is too large to be a preparation file.", file.name()));
                return;
            }
            let Some(text) = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()) else {
                notices.warn(format!("“{}” could not be read.", file.name()));
                return;
            };
            let reviews = match read_file(&text) {
                Ok(r) => r,
                Err(e) => {
                    notices.warn(format!("“{}” could not be added: {e}", file.name()));
                    return;
                }
            };
            let Some(prep) = reviews.into_iter().find_map(|r| match r.body {
                ReviewBody::Preparation(p) => Some(p),
                _ => None,
            }) else {
                notices.warn(format!("“{}” has no conversation preparation in it. Open review files from the library instead.", file.name()));
                return;
            };
            if let Some(done) = try_edit_lt(review, |lt| lt.import_preparation(&prep, participant)) {
                notices.say(format!(
                    "Added the practitioner’s preparation: {} notes and {} turning points. Nothing already written was changed.",
                    done.notes_added, done.turning_points_added
                ));
            }
        });
    };
    view! {
        <button type="button" class="button-secondary" on:click=move |_| if let Some(i) = input.get() { i.click(); }>
            "Add the practitioner’s preparation file"
        </button>
        <input type="file" accept=".json,application/json" hidden node_ref=input aria-label="Practitioner’s preparation file"
            on:change=move |ev| {
                let el: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                if let Some(f) = el.files().and_then(|f| f.get(0)) {
                    read(f);
                }
                el.set_value("");
            }/>
    }
}
