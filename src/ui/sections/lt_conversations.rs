//! Conversations are the review team's records of the one-to-one conversations, one per
//! participant, following the conversation guide. Turning points the participant described
//! are listed under part 3a and can be marked as candidate key practice episodes; what they
//! said about each contributory-factor category can be recorded as one of the review's
//! contributory factors. A practitioner's own preparation file can be added to their
//! conversation without overwriting anything. Each participant's journey through the
//! review (letter, agreement, booking, the conversation, the recording destroyed, the
//! draft shared, comments) is dated here, with what is next for them in a sentence, and
//! the record can be printed for them to check.

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::conversation_guide_form::{GuideMode, GuideParts};
use super::learning_together_sections::{area_href, edit_lt, jump_to, read_lt, read_lt_parts, try_edit_lt};
use super::ReviewContext;
use crate::model::conversation::Conversation;
use crate::model::conversation_guide::FactorCategory;
use crate::model::date_or_period::DateOrPeriod;
use crate::model::learning_together::{ConversationId, ParticipantId};
use crate::model::lt_part::LtPart;
use crate::model::participant_journey::JourneyStep;
use crate::model::practitioner_preparation::{PractitionerPreparation, PreparationSource};
use crate::model::ReviewBody;
use crate::storage::file_format::{read_file, MAX_FILE_BYTES};
use crate::ui::browser::local_today;
use crate::ui::contexts::{NoticeContext, ReviewPartContext};
use crate::ui::route::Route;
use crate::ui::widgets::{DateField, DatedItemForm, ModalDialog, WordExport, WordExportButton};

/// The conversations: pick a participant, then write the record of their conversation.
#[component]
pub fn ConversationsSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let today = local_today();
    let participants = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Case, LtPart::Conversations], |lt| {
            lt.participants
                .iter()
                .map(|p| {
                    let c = lt.conversation_with(p.id);
                    let parts = c.map_or(0, |c| c.notes.parts.values().filter(|n| !n.is_empty()).count());
                    let next = lt.next_for(p.id, today).map(|n| (n.text, n.past_its_date)).unwrap_or_default();
                    (p.id, p.label(), c.map(|c| c.id), parts, next)
                })
                .collect::<Vec<_>>()
        })
    });
    // The conversation on screen is in the address: `conversations/<participant id>`.
    let part = use_context::<ReviewPartContext>().map(|c| c.0);
    let selected = Memo::new(move |_| {
        let pid: ParticipantId = part.and_then(|p| p.get())?.strip_prefix("conversations/")?.parse().ok()?;
        read_lt(review, LtPart::Case, |lt| lt.participant(pid).is_some().then_some(pid))
    });
    let id = review.with_untracked(|r| r.id);
    let href_of = move |pid: ParticipantId| Route::ReviewPart(id, format!("conversations/{pid}")).href();
    let selected_conversation = Memo::new(move |_| {
        let p = selected.get()?;
        read_lt(review, LtPart::Conversations, |lt| Some(lt.conversation_with(p).map(|c| c.id)))
    });
    let selected_label = Memo::new(move |_| {
        let pid = selected.get()?;
        read_lt(review, LtPart::Case, |lt| lt.participant(pid).map(|p| p.label()))
    });
    // Another conversation: its screen starts at the top, focus on its heading.
    Effect::new(move |before: Option<Option<ParticipantId>>| {
        let now = selected.get();
        if before.is_some_and(|b| b != now) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            crate::ui::browser::focus_when_ready("lt-conversations-h".into());
        }
        now
    });
    view! {
        <section class="section-card" id="lt-conversations" aria-labelledby="lt-conversations-h">
            <h2 id="lt-conversations-h" tabindex="-1">{move || match selected_label.get() {
                Some(label) => format!("Conversation with {label}"),
                None => "Conversations".to_string(),
            }}</h2>
            <Show when=move || selected.get().is_some()>
                <p class="back-link"><a href=area_href(id, "lt-conversations")>"All conversations"</a></p>
            </Show>
            <Show when=move || selected.get().is_none()>
            <p class="prompt">"One record for each participant, following the conversation structure (Appendix 3). "
                "Recordings made to help write it up are destroyed once the record is written."</p>
            <Show when=move || participants.with(|p| p.is_empty())>
                <p class="empty">"Add participants under "
                    <a href=area_href(id, "lt-case")>"Case and people"</a>
                    " to record their conversations."</p>
            </Show>
            <ul class="conversation-picker">
                <For each=move || participants.get() key=|p| p.clone() children=move |(pid, label, conversation, parts, (next, past))| {
                    let status = match (conversation, parts) {
                        (None, _) => "record not started".to_string(),
                        (Some(_), 1) => "1 part written".to_string(),
                        (Some(_), n) => format!("{n} parts written"),
                    };
                    view! {
                        <li>
                            <a class="button button-secondary" href=href_of(pid)>
                                {format!("Conversation with {label}")}
                            </a>
                            <span class="muted">{status}</span>
                            <span class="journey-next" class:journey-past-date=past>
                                <span class="visually-hidden">"Next for them: "</span>{next}
                            </span>
                        </li>
                    }
                }/>
            </ul>
            </Show>
            {move || selected.get().map(|pid| view! { <JourneyDates participant=pid/> })}
            {move || selected.get().and_then(|pid| {
                let label = read_lt(review, LtPart::Case, |lt| lt.participant(pid).map(|p| p.label()))?;
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
    let notes = Memo::new(move |_| read_lt(review, LtPart::Conversations, |lt| lt.conversation(conversation).map(|c| c.notes.clone()).unwrap_or_default()));
    let id = review.with_untracked(|r| r.id);
    let record_factor = Callback::new(move |cat: FactorCategory| {
        if let Some(done) = try_edit_lt(review, |lt| lt.record_factor_from_conversation(conversation, cat)) {
            notices.say(if done.already_recorded {
                "Already a contributory factor in these words: no second copy was made; this conversation is kept as one of its sources.".to_string()
            } else {
                format!("Recorded as a contributory factor under “{}”, from this conversation. Link it to key practice episodes under Contributory factors.", cat.label())
            });
        }
    });
    let recorded_factor = Signal::derive(move || {
        read_lt_parts(review, &[LtPart::Conversations, LtPart::Factors], |lt| {
            FactorCategory::ALL.into_iter().filter(|&c| lt.factor_recorded_from(conversation, c).is_some()).collect::<Vec<_>>()
        })
    });
    // What cites this conversation (see `model/evidence.rs`).
    let cited = Memo::new(move |_| read_lt_parts(review, &[LtPart::Citations, LtPart::Narrative, LtPart::Episodes, LtPart::Findings], |lt| lt.cited_by(conversation).iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")));
    view! {
        <article class="conversation-record" aria-labelledby="conversation-record-h">
            <h3 id="conversation-record-h" class="conversation-title">{format!("Record of the conversation with {}", label.clone())}</h3>
            <div class="button-row">
                <a class="button button-secondary" href=Route::PrintConversation(id, conversation).href()>
                    "Print record"<span class="visually-hidden">{format!(" of the conversation with {label}, for them to check")}</span>
                </a>
                <WordExportButton which=WordExport::ConversationRecord(conversation) class="button-secondary"/>
                <PreparationImport participant=participant/>
            </div>
            <Show when=move || cited.with(|c| !c.is_empty())>
                <p class="item-meta">{move || format!("Cited by: {}", cited.get())}</p>
            </Show>
            <GuideParts mode=GuideMode::Record field_prefix=format!("conversation {conversation}") notes=notes.into()
                on_answer=Callback::new(move |(part, n, text): (_, u8, String)| edit_conversation(Box::new(move |c| c.notes.set_answer(part, n, &text))))
                on_notes=Callback::new(move |(part, text): (_, String)| edit_conversation(Box::new(move |c| c.notes.set_notes(part, &text))))
                on_factor=Callback::new(move |(cat, text): (_, String)| edit_conversation(Box::new(move |c| c.notes.set_factor_notes(cat, &text))))
                record_factor=record_factor recorded_factors=recorded_factor
                turning_points=ViewFn::from(move || view! { <TurningPoints conversation=conversation/> })/>
        </article>
    }
}

/// The days of one participant's journey through the review, with what is next for them.
#[component]
fn JourneyDates(participant: ParticipantId) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let today = local_today();
    let journey = Memo::new(move |_| read_lt_parts(review, &[LtPart::Case, LtPart::Conversations], |lt| lt.journey(participant)));
    let label = Memo::new(move |_| read_lt(review, LtPart::Case, |lt| lt.participant(participant).map(|p| p.label()).unwrap_or_default()));
    let next = move || journey.get().map(|j| j.next(today));
    let step_field = move |step: JourneyStep, hint: &'static str| {
        view! {
            <DateField label=step.label() hint=hint
                value=Signal::derive(move || journey.get().and_then(|j| j.date(step)))
                on_change=Callback::new(move |d| {
                    try_edit_lt(review, |lt| lt.set_journey_date(participant, step, d));
                })/>
        }
    };
    view! {
        <section class="journey" aria-labelledby="journey-h">
            <h3 id="journey-h">{move || format!("Dates for {}", label.get())}</h3>
            <p class="journey-next-line" class:journey-past-date=move || next().is_some_and(|n| n.past_its_date)>
                <strong>"What is next: "</strong>{move || next().map(|n| n.text).unwrap_or_default()}
            </p>
            {move || journey.get().and_then(|j| j.dates_to_check(today)).map(|t| view! { <p class="field-error">{t}</p> })}
            {move || journey.get().and_then(|j| j.not_recorded_sentence()).map(|t| view! { <p class="muted">{t}</p> })}
            <div class="journey-grid">
                {step_field(JourneyStep::LetterSent, "")}
                {step_field(JourneyStep::ConsentGiven, "")}
                {step_field(JourneyStep::ConversationBooked, "")}
                {step_field(JourneyStep::ConversationHeld, "The date of the record below.")}
                {step_field(JourneyStep::RecordingDestroyed, "Appendix 2 promises it once the data is taken from it.")}
                {step_field(JourneyStep::DraftShared, "The record of the conversation, or a draft report.")}
                <DateField label="Comments asked for by" hint="Printed on the record."
                    value=Signal::derive(move || journey.get().and_then(|j| j.comments_due))
                    on_change=Callback::new(move |d| {
                        try_edit_lt(review, |lt| lt.set_comments_due(participant, d));
                    })/>
                {step_field(JourneyStep::CommentsReceived, "")}
            </div>
        </section>
    }
}

/// The turning points of one conversation, each of which can become a key practice episode.
#[component]
fn TurningPoints(conversation: ConversationId) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let notices = expect_context::<NoticeContext>();
    let points = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Conversations, LtPart::Episodes], |lt| {
            lt.conversation(conversation)
                .map(|c| {
                    c.turning_points_in_order()
                        .into_iter()
                        .map(|t| {
                            let source = t.from_preparation.then(|| t.preparation.as_ref().map_or_else(|| PreparationSource::default().label(), PreparationSource::label));
                            (t.id, t.text.clone(), t.date_or_period.text(), t.promoted_to.filter(|e| lt.episode(*e).is_some()), source)
                        })
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
                                {from_prep.clone().map(|source| view! { <span class="tag">{source}</span> })}
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

/// Adds a practitioner's preparation file to this participant's conversation. A file
/// whose role or agency is not the participant's is questioned before anything is added.
#[component]
fn PreparationImport(participant: ParticipantId) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let notices = expect_context::<NoticeContext>();
    let input = NodeRef::<leptos::html::Input>::new();
    // A preparation waiting for the team's answer: the file, its date and the question.
    let questioned = RwSignal::new(None::<(PractitionerPreparation, Option<NaiveDate>, String)>);
    let add = move |prep: &PractitionerPreparation, file_date: Option<NaiveDate>| {
        if let Some(done) = try_edit_lt(review, |lt| lt.import_preparation_from(prep, participant, file_date)) {
            let source = PreparationSource::of(prep, file_date).label();
            let text = if done.notes_added + done.turning_points_added == 0 {
                format!("Nothing new to add: everything in this preparation is already in the record ({source}).")
            } else {
                format!(
                    "Added {}: {} and {}. Nothing already written was changed.",
                    source.replacen("From the", "the", 1),
                    plural(done.notes_added, "note", "notes"),
                    plural(done.turning_points_added, "turning point", "turning points"),
                )
            };
            notices.say(text);
        }
    };
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
            let Some((prep, file_date)) = reviews.into_iter().find_map(|r| match r.body {
                ReviewBody::Preparation(p) => Some((p, Some(r.updated.date_naive()))),
                _ => None,
            }) else {
                notices.warn(format!("“{}” has no conversation preparation in it. Open review files from the library instead.", file.name()));
                return;
            };
            match read_lt(review, LtPart::Case, |lt| lt.check_preparation(&prep, participant)) {
                Some(question) => questioned.set(Some((prep, file_date, question.to_string()))),
                None => add(&prep, file_date),
            }
        });
    };
    view! {
        <button type="button" class="button-secondary" on:click=move |_| if let Some(i) = input.get() { i.click(); }>
            "Add the practitioner’s preparation file"
        </button>
        <input type="file" accept=".json,application/json" hidden node_ref=input aria-label="Practitioner’s preparation file"
            on:change=move |ev| {
                let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
                if let Some(f) = el.files().and_then(|f| f.get(0)) {
                    read(f);
                }
                el.set_value("");
            }/>
        {move || questioned.get().map(|(prep, file_date, question)| view! {
            <ModalDialog title="Is this the right preparation?" on_cancel=Callback::new(move |_| questioned.set(None))>
                <p>{question}</p>
                <p>"Nothing has been added yet."</p>
                <div class="dialog-actions">
                    <button type="button" class="button-secondary" on:click=move |_| questioned.set(None)>"Don’t add it"</button>
                    <button type="button" class="button-quiet" on:click=move |_| {
                        add(&prep, file_date);
                        questioned.set(None);
                    }>"Add it anyway"</button>
                </div>
            </ModalDialog>
        })}
    }
}

/// "1 note", "2 notes".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}
