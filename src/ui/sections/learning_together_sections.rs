//! The Learning Together editor: the review's stages as a task list (each with a target
//! date and the date it was completed, a stage past its target date said plainly), the case and the
//! people in it (the review team and the participants, by role and agency; the family under
//! pseudonyms), the letters to participants, the record of each one-to-one conversation,
//! the analysis (narrative, key practice episodes, contributory factors) and the findings.
//! Each part is a screen of its own, with its own address, reached from the side menu
//! (which marks the one on screen) or the stages' tools; each conversation too.
//! Every change goes through the model; suggestions about wording never block.

use leptos::prelude::*;

use super::lt_analysis::{EpisodesSection, FactorsSection, NarrativeSection};
use super::lt_conversations::ConversationsSection;
use super::lt_evidence::{ChronologySection, DocumentsSection};
use super::lt_findings::{FindingsSection, RecommendationsSection};
use super::lt_report::ReportSection;
use super::ReviewContext;
use crate::model::identifying_details::FieldKind;
use crate::model::learning_together::{EditError, Participant};
use crate::model::lt_field::{Letter, LtText};
use crate::model::lt_part::LtPart;
use crate::model::review_stage::{ReviewStage, StageStatus, StageTool};
use crate::model::{LearningTogether, Review, ReviewId};
use crate::ui::browser::{local_today, now};
use crate::ui::contexts::{NoticeContext, ReviewPartContext};
use crate::ui::route::{PrintView, Route};
use crate::ui::widgets::{unique_id, DateField, HintContext, HintedText, ModalDialog};

/// Changes the open Learning Together review through the model and records the change.
pub fn edit_lt(review: RwSignal<Review>, f: impl FnOnce(&mut LearningTogether)) {
    review.update(|r| r.edit_learning_together(now(), f));
    // What is read straight after the edit is then up to date.
    if let Some(watch) = super::lt_watch::LtWatch::of(review) {
        watch.compare();
    }
}

pub use super::lt_watch::{read_lt, read_lt_parts};

/// Makes a change that may be refused, telling the person why if it is.
pub fn try_edit_lt<T>(
    review: RwSignal<Review>,
    f: impl FnOnce(&mut LearningTogether) -> Result<T, EditError>,
) -> Option<T> {
    let mut out = None;
    edit_lt(review, |lt| out = Some(f(lt)));
    match out {
        Some(Ok(v)) => Some(v),
        Some(Err(e)) => {
            if let Some(n) = use_context::<NoticeContext>() {
                n.warn(e.to_string());
            }
            None
        }
        None => None,
    }
}

/// A text field of the review: read by a small function, written through the model.
pub fn lt_text(
    review: RwSignal<Review>,
    get: fn(&LearningTogether) -> String,
    field: LtText,
) -> (Signal<String>, Callback<String>) {
    let value = Signal::derive(move || read_lt(review, field.part(), get));
    let change = Callback::new(move |v: String| {
        edit_lt(review, |lt| {
            lt.set_text(field, &v);
        })
    });
    (value, change)
}

/// The parts of the review, each on its own screen (`#/review/<id>/<name>`, the name being
/// the part's id without `lt-`), in the side menu's order; the first is shown when the
/// address names the review only.
pub const ANCHORS: [(&str, &str); 12] = [
    ("lt-stages", "Stages"),
    ("lt-case", "Case and people"),
    ("lt-letters", "Letters"),
    ("lt-documents", "Documents"),
    ("lt-conversations", "Conversations"),
    ("lt-chronology", "Chronology"),
    ("lt-narrative", "Narrative"),
    ("lt-episodes", "Key practice episodes"),
    ("lt-factors", "Contributory factors"),
    ("lt-findings", "Findings"),
    ("lt-recommendations", "Recommendations"),
    ("lt-report", "Report"),
];

fn tool_anchor(tool: StageTool) -> &'static str {
    match tool {
        StageTool::IntroductoryLetter | StageTool::ExplanatoryCommunication => "lt-letters",
        StageTool::ConversationStructure => "lt-conversations",
        StageTool::KeyPracticeEpisodesTable => "lt-episodes",
        StageTool::ContributoryFactorsFramework => "lt-factors",
        StageTool::TypologyOfUnderlyingPatterns => "lt-findings",
    }
}

/// The part of the review where a stage's aspect (in the guide's words) is done, when the
/// app has one: the task list leads to it.
fn aspect_anchor(aspect: &str) -> Option<&'static str> {
    Some(match aspect {
        "Selecting the review team" | "Identifying who should be involved" => "lt-case",
        "Preparing participants" => "lt-letters",
        "Selecting documentation" => "lt-documents",
        "One-to-one conversations" => "lt-conversations",
        "Producing a narrative of multi-agency perspectives" => "lt-narrative",
        "Identifying and recording key practice episodes and their contributory factors" => "lt-episodes",
        "Identifying and prioritising generic patterns" => "lt-findings",
        "Making recommendations" => "lt-recommendations",
        _ => return None,
    })
}

/// The address of one part of review `id` (`anchor` as in [`ANCHORS`]).
pub fn area_href(id: ReviewId, anchor: &str) -> String {
    Route::ReviewPart(id, anchor.trim_start_matches("lt-").to_string()).href()
}

/// The part an address names (`"conversations/12"` is the conversations), or the first.
fn area_of(part: Option<&str>) -> &'static str {
    let name = part.and_then(|p| p.split('/').next()).unwrap_or_default();
    ANCHORS.iter().map(|(a, _)| *a).find(|a| a.trim_start_matches("lt-") == name).unwrap_or(ANCHORS[0].0)
}

/// Goes to a part of the review (one of [`ANCHORS`]: its own screen), or to a place on
/// this screen.
pub fn jump_to(target: &str) {
    if ANCHORS.iter().any(|(a, _)| *a == target) {
        if let Some(id) = Route::parse(&crate::ui::browser::location_hash()).editing() {
            crate::ui::browser::navigate(&area_href(id, target));
            return;
        }
    }
    crate::ui::browser::jump_to_section(target);
}

/// The hints shared by every field of the open review.
pub fn provide_hints(review: RwSignal<Review>) {
    let pseudonyms = Memo::new(move |_| {
        read_lt(review, LtPart::Case, |lt| lt.pseudonyms().into_iter().map(str::to_string).collect::<Vec<_>>())
    });
    let dismissed = Memo::new(move |_| read_lt(review, LtPart::Hints, |lt| lt.dismissed_hints.clone()));
    provide_context(HintContext {
        pseudonyms: pseudonyms.into(),
        dismissed: dismissed.into(),
        dismiss: Callback::new(move |key: String| edit_lt(review, |lt| lt.dismiss_hint(&key))),
    });
}

/// The Learning Together editor: the side menu of parts, and the part on screen.
#[component]
pub fn LearningTogetherSections() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    provide_hints(review);
    let id = review.with_untracked(|r| r.id);
    let part = use_context::<ReviewPartContext>().map(|c| c.0);
    let area = Memo::new(move |_| area_of(part.and_then(|p| p.get()).as_deref()));
    // A new part: the page starts at its top and keyboard focus on its heading, as on a
    // new page (not when the review first opens: focus stays where the page put it).
    Effect::new(move |before: Option<&'static str>| {
        let now = area.get();
        if before.is_some_and(|b| b != now) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            focus_heading_when_ready(now);
        }
        now
    });
    view! {
        <div class="cd-layout">
            <nav class="section-nav" aria-label="Parts of the review">
                <ol>
                    {ANCHORS.into_iter().map(|(anchor, label)| view! {
                        <li><a href=area_href(id, anchor) aria-current=move || (area.get() == anchor).then_some("page")>{label}</a></li>
                    }).collect_view()}
                </ol>
            </nav>
            <div class="cd-sections">
                {move || match area.get() {
                    "lt-case" => view! { <CaseSection/> }.into_any(),
                    "lt-letters" => view! { <LettersSection/> }.into_any(),
                    "lt-documents" => view! { <DocumentsSection/> }.into_any(),
                    "lt-conversations" => view! { <ConversationsSection/> }.into_any(),
                    "lt-chronology" => view! { <ChronologySection/> }.into_any(),
                    "lt-narrative" => view! { <NarrativeSection/> }.into_any(),
                    "lt-episodes" => view! { <EpisodesSection/> }.into_any(),
                    "lt-factors" => view! { <FactorsSection/> }.into_any(),
                    "lt-findings" => view! { <FindingsSection/> }.into_any(),
                    "lt-recommendations" => view! { <RecommendationsSection/> }.into_any(),
                    "lt-report" => view! { <ReportSection/> }.into_any(),
                    _ => view! { <StagesSection/> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// Puts keyboard focus on the heading of the part with this id once it is drawn.
fn focus_heading_when_ready(anchor: &'static str) {
    leptos::task::spawn_local(async move {
        let focus = move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
            let Some(heading) = doc.get_element_by_id(&format!("{anchor}-h")) else { return false };
            let _ = heading.set_attribute("tabindex", "-1");
            use wasm_bindgen::JsCast;
            heading.unchecked_into::<web_sys::HtmlElement>().focus().is_ok()
        };
        if !focus() {
            request_animation_frame(move || {
                focus();
            });
        }
    });
}

/// The seven stages as a task list, each with its status and the tools it uses.
#[component]
fn StagesSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let stages = Memo::new(move |_| read_lt(review, LtPart::Stages, |lt| lt.stage_list()));
    let today = local_today();
    let done = move || stages.with(|s| s.iter().filter(|(_, st)| *st == StageStatus::Done).count());
    let past = Memo::new(move |_| read_lt(review, LtPart::Stages, |lt| lt.stages_past_target(today)));
    let past_sentence = move || {
        past.with(|p| match p.as_slice() {
            [] => None,
            [one] => Some(format!("1 stage is past its target date: {}.", one.label())),
            many => Some(format!(
                "{} stages are past their target dates: {}.",
                many.len(),
                many.iter().map(|s| s.label()).collect::<Vec<_>>().join("; ")
            )),
        })
    };
    view! {
        <section class="section-card" id="lt-stages" aria-labelledby="lt-stages-h">
            <h2 id="lt-stages-h">"Stages of the review"</h2>
            <p class="prompt">{move || format!("{} of 7 stages done.", done())}</p>
            {move || past_sentence().map(|t| view! { <p class="stage-past-summary">{t}</p> })}
            <div class="button-row">
                <a class="button button-quiet" href=Route::Print(review.with_untracked(|r| r.id), PrintView::Progress).href()>
                    "Print progress for the review team (stages and participants; not for publication)"
                </a>
            </div>
            <ol class="stage-list">
                {ReviewStage::ALL.into_iter().enumerate().map(|(i, stage)| {
                    let select_id = unique_id("stage");
                    let status = move || stages.with(|s| s.iter().find(|(st, _)| *st == stage).map(|(_, x)| *x).unwrap_or_default());
                    let dates = Memo::new(move |_| read_lt(review, LtPart::Stages, |lt| lt.stage_dates(stage)));
                    let timing = Memo::new(move |_| read_lt(review, LtPart::Stages, |lt| Some(lt.stage_timing(stage, today))));
                    let for_stage = format!(" ({})", stage.label().to_lowercase());
                    view! {
                        <li class="stage" class:stage-done=move || status() == StageStatus::Done
                            class:stage-past-target=move || timing.get().is_some_and(|t| t.is_past_target())>
                            <div class="stage-head">
                                <h3>{format!("{}. {}", i + 1, stage.label())}</h3>
                                <div class="field field-inline">
                                    <label for=select_id.clone()>{format!("Status of {}", stage.label().to_lowercase())}</label>
                                    <select id=select_id on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        let s = StageStatus::ALL.into_iter().find(|s| s.label() == v).unwrap_or_default();
                                        edit_lt(review, |lt| lt.set_stage_status_on(stage, s, local_today()));
                                    }>
                                        {StageStatus::ALL.into_iter().map(|s| view! {
                                            <option value=s.label() selected=move || status() == s>{s.label()}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                            </div>
                            <ul class="stage-aspects">{stage.aspects().iter().map(|a| match aspect_anchor(a) {
                                Some(anchor) => view! { <li><a href=area_href(review.with_untracked(|r| r.id), anchor)>{*a}</a></li> }.into_any(),
                                None => view! { <li>{*a}</li> }.into_any(),
                            }).collect_view()}</ul>
                            <div class="stage-dates">
                                <DateField label="Target date" hidden_label=for_stage.clone()
                                    value=Signal::derive(move || dates.get().target)
                                    on_change=Callback::new(move |d| edit_lt(review, |lt| lt.set_stage_target(stage, d)))/>
                                <DateField label="Completed on" hidden_label=for_stage
                                    value=Signal::derive(move || dates.get().completed)
                                    on_change=Callback::new(move |d| edit_lt(review, |lt| lt.set_stage_completed(stage, d)))/>
                                <p class="stage-timing">{move || timing.get().map(|t| t.sentence(today)).unwrap_or_default()}</p>
                            </div>
                            {(!stage.tools().is_empty()).then(|| view! {
                                <p class="stage-tools">"Tools: "
                                    {stage.tools().iter().enumerate().map(|(n, t)| {
                                        let anchor = tool_anchor(*t);
                                        view! {
                                            {(n > 0).then_some(", ")}
                                            <a href=area_href(review.with_untracked(|r| r.id), anchor)>
                                                {format!("{} (Appendix {})", t.label(), t.appendix())}
                                            </a>
                                        }
                                    }).collect_view()}
                                </p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The family's pseudonym, what the review is for, the review team and the participants.
#[component]
fn CaseSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let (pseudonym, set_pseudonym) = lt_text(review, |lt| lt.family_pseudonym.clone(), LtText::FamilyPseudonym);
    let (scope, set_scope) = lt_text(review, |lt| lt.scope.clone(), LtText::Scope);
    let team = Memo::new(move |_| read_lt(review, LtPart::Case, |lt| lt.review_team.clone()));
    let participants = Memo::new(move |_| read_lt(review, LtPart::Case, |lt| lt.participants.clone()));
    let team_draft = RwSignal::new(String::new());
    let add_team = move || {
        let role = team_draft.get_untracked();
        if try_edit_lt(review, |lt| lt.add_team_member(&role)).is_some() {
            team_draft.set(String::new());
        }
    };
    // New participant.
    let is_family = RwSignal::new(false);
    let new_role = RwSignal::new(String::new());
    let new_second = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let add_participant = move || {
        let (role, second) = (new_role.get_untracked(), new_second.get_untracked());
        if role.trim().is_empty() {
            add_error.set(Some(if is_family.get_untracked() {
                "Write their place in the family (for example “Mother” or “Child”) first.".into()
            } else {
                "Write the participant’s role (for example “Health visitor”) first.".into()
            }));
            return;
        }
        add_error.set(None);
        let family = is_family.get_untracked();
        edit_lt(review, |lt| {
            if family {
                lt.add_family_member(&role, &second);
            } else {
                lt.add_participant(&role, &second);
            }
        });
        new_role.set(String::new());
        new_second.set(String::new());
        crate::ui::browser::focus_when_ready("new-participant-role".to_string());
    };
    let pending_removal = RwSignal::new(None::<Participant>);

    view! {
        <section class="section-card" id="lt-case" aria-labelledby="lt-case-h">
            <h2 id="lt-case-h">"Case and people"</h2>
            <HintedText label="Family pseudonym" field_key="family-pseudonym" kind=FieldKind::Pseudonym rows=1
                value=pseudonym on_change=set_pseudonym/>
            <HintedText label="What this review is for" field_key="scope" value=scope on_change=set_scope/>

            <h3>"Review team"</h3>
            <p class="prompt">"Members of the review team are listed by role."</p>
            <ul class="people-list">
                <For each=move || team.get() key=|m| (m.id, m.role.clone()) children=move |m| {
                    let id = m.id;
                    let role = m.role.clone();
                    view! {
                        <li>
                            <span>{m.role.clone()}</span>
                            <button type="button" class="button-quiet button-small" on:click=move |_| edit_lt(review, |lt| { lt.remove_team_member(id); })>
                                "Remove"<span class="visually-hidden">{format!(" {role} from the review team")}</span>
                            </button>
                        </li>
                    }
                }/>
            </ul>
            <form class="add-row" on:submit=move |ev| { ev.prevent_default(); add_team(); }>
                <div class="field">
                    <label for="new-team-role">"Review team member’s role"</label>
                    <input id="new-team-role" type="text" prop:value=move || team_draft.get()
                        on:input=move |ev| team_draft.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button-secondary">"Add to review team"</button>
            </form>

            <h3 id="lt-participants">"Participants"</h3>
            <p class="prompt">"Professionals are identified by their role and agency only, never by name. "
                "Children and family members can take part too, under a pseudonym."</p>
            <ul class="people-list">
                <For each=move || participants.get() key=|p| p.id children=move |p| {
                    view! { <ParticipantRow participant=p pending_removal=pending_removal/> }
                }/>
            </ul>
            <form class="add-participant" on:submit=move |ev| { ev.prevent_default(); add_participant(); }>
                <fieldset class="radio-row">
                    <legend>"New participant is"</legend>
                    <label><input type="radio" name="participant-kind" prop:checked=move || !is_family.get()
                        on:change=move |_| is_family.set(false)/>" a professional"</label>
                    <label><input type="radio" name="participant-kind" prop:checked=move || is_family.get()
                        on:change=move |_| is_family.set(true)/>" a child or family member"</label>
                </fieldset>
                <div class="add-row">
                    <div class="field">
                        <label for="new-participant-role">{move || if is_family.get() { "Place in the family" } else { "Role" }}</label>
                        <input id="new-participant-role" type="text" prop:value=move || new_role.get()
                            aria-invalid=move || add_error.get().is_some().then_some("true")
                            on:input=move |ev| new_role.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="new-participant-second">{move || if is_family.get() { "Pseudonym" } else { "Agency" }}</label>
                        <input id="new-participant-second" type="text" prop:value=move || new_second.get()
                            on:input=move |ev| new_second.set(event_target_value(&ev))/>
                    </div>
                    <button type="submit" class="button-secondary">"Add participant"</button>
                </div>
                {move || add_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </form>
            {move || pending_removal.get().map(|p| {
                let id = p.id;
                view! {
                    <ModalDialog title=format!("Remove {}?", p.label())
                        on_cancel=Callback::new(move |_| pending_removal.set(None))>
                        <p>"The record of their conversation is removed with them. "
                           "Key practice episodes drawn from it stay, without naming it as a source."</p>
                        <div class="dialog-actions">
                            <button class="button-danger" on:click=move |_| {
                                edit_lt(review, |lt| { lt.remove_participant(id); });
                                pending_removal.set(None);
                            }>"Remove participant and conversation"</button>
                            <button class="button-secondary" on:click=move |_| pending_removal.set(None)>"Keep"</button>
                        </div>
                    </ModalDialog>
                }
            })}
        </section>
    }
}

/// One participant, editable in place.
#[component]
fn ParticipantRow(participant: Participant, pending_removal: RwSignal<Option<Participant>>) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let id = participant.id;
    let family = participant.is_family_member;
    let current = Memo::new(move |_| read_lt(review, LtPart::Case, |lt| lt.participant(id).cloned()));
    let role = Signal::derive(move || current.get().map(|p| p.role).unwrap_or_default());
    let second = Signal::derive(move || current.get().map(|p| if family { p.pseudonym } else { p.agency }).unwrap_or_default());
    let label = move || current.get().map(|p| p.label()).unwrap_or_default();
    let remove = move |_| {
        let Some(p) = current.get_untracked() else { return };
        if read_lt(review, LtPart::Conversations, |lt| lt.conversation_with(id).is_some()) {
            pending_removal.set(Some(p));
        } else {
            edit_lt(review, |lt| { lt.remove_participant(id); });
        }
    };
    view! {
        <li class="participant">
            <span class="participant-kind">{if family { "Family" } else { "Professional" }}</span>
            <HintedText label=if family { "Place in the family" } else { "Role" } field_key=format!("participant {id} role")
                kind=FieldKind::Role rows=1 value=role
                on_change=Callback::new(move |v: String| edit_lt(review, |lt| {
                    let agency = lt.participant(id).map(|p| p.agency.clone()).unwrap_or_default();
                    let _ = lt.edit_participant(id, &v, &agency);
                }))/>
            <HintedText label=if family { "Pseudonym" } else { "Agency" } field_key=format!("participant {id} second")
                kind=if family { FieldKind::Pseudonym } else { FieldKind::FreeText } rows=1 value=second
                on_change=Callback::new(move |v: String| edit_lt(review, |lt| {
                    if family {
                        let _ = lt.rename_pseudonym(id, &v);
                    } else {
                        let role = lt.participant(id).map(|p| p.role.clone()).unwrap_or_default();
                        let _ = lt.edit_participant(id, &role, &v);
                    }
                }))/>
            <button type="button" class="button-quiet button-small" on:click=remove>
                "Remove"<span class="visually-hidden">{move || format!(" {}", label())}</span>
            </button>
        </li>
    }
}

/// The introductory letters (for professionals and for family members) and the
/// explanation of one-to-one conversations, with the date, contact and signature they carry.
#[component]
fn LettersSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let (intro, set_intro) = lt_text(review, |lt| lt.letters.introductory_letter.clone(), LtText::IntroductoryLetter);
    let (family, set_family) = lt_text(review, |lt| lt.letters.family_letter.clone(), LtText::FamilyLetter);
    let (explain, set_explain) =
        lt_text(review, |lt| lt.letters.conversation_explanation.clone(), LtText::ConversationExplanation);
    let (contact, set_contact) = lt_text(review, |lt| lt.letters.contact.clone(), LtText::LetterContact);
    let (signed, set_signed) = lt_text(review, |lt| lt.letters.signed_by.clone(), LtText::LetterSignedBy);
    let letter_date = Memo::new(move |_| read_lt(review, LtPart::Letters, |lt| lt.letters.letter_date));
    let id = review.with_untracked(|r| r.id);
    let draft = move |_| {
        let title = review.with_untracked(|r| r.title.clone());
        edit_lt(review, |lt| lt.draft_letters_on(&title, Some(crate::ui::browser::local_today())));
    };
    let redraft = move |which: u8| {
        let title = review.with_untracked(|r| r.title.clone());
        let letter = match which {
            0 => Letter::Introductory,
            1 => Letter::Family,
            _ => Letter::ConversationExplanation,
        };
        edit_lt(review, |lt| lt.redraft_letter(letter, &title, local_today()));
    };
    view! {
        <section class="section-card" id="lt-letters" aria-labelledby="lt-letters-h">
            <h2 id="lt-letters-h">"Letters to participants"</h2>
            <p class="prompt">"Drafted from the review’s details: its title, the family’s pseudonym, the review team, "
                "and the date, contact and signature below. Edit them freely; drafting again only fills letters that are blank. "
                "The explanation of the conversations is SCIE’s Appendix 2, word for word."</p>
            <div class="add-row">
                <div class="field">
                    <label for="letter-date">"Date on the letters"</label>
                    <input id="letter-date" type="date"
                        prop:value=move || letter_date.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let d = chrono::NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                            edit_lt(review, |lt| lt.set_letter_date(d));
                        }/>
                </div>
                <div class="field field-wide">
                    <HintedText label="How to reach the review team (telephone, e-mail)" field_key="letter contact" rows=1 value=contact on_change=set_contact/>
                </div>
                <div class="field">
                    <HintedText label="Signed by (role)" field_key="letter signed by" rows=1 value=signed on_change=set_signed/>
                </div>
            </div>
            <div class="button-row">
                <button type="button" class="button-secondary" on:click=draft>"Draft letters from the review’s details"</button>
                <a class="button button-quiet" href=Route::Print(id, PrintView::Letters).href()>"Print letters"</a>
            </div>
            <HintedText label="Introductory letter (professionals)" field_key="letter intro" rows=12 value=intro on_change=set_intro/>
            <button type="button" class="button-quiet button-small" on:click=move |_| redraft(0)>"Redraft the introductory letter"</button>
            <HintedText label="Introductory letter (family members)" field_key="letter family" rows=12 value=family on_change=set_family/>
            <button type="button" class="button-quiet button-small" on:click=move |_| redraft(1)>"Redraft the letter for family members"</button>
            <HintedText label="Explanation of one-to-one conversations" field_key="letter conversations" rows=12
                value=explain on_change=set_explain/>
            <button type="button" class="button-quiet button-small" on:click=move |_| redraft(2)>"Redraft the explanation"</button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_task_list_leads_to_a_part_of_the_review_for_each_aspect_the_app_has_one_for() {
        let mut linked = 0;
        for stage in ReviewStage::ALL {
            for aspect in stage.aspects() {
                if let Some(anchor) = aspect_anchor(aspect) {
                    assert!(ANCHORS.iter().any(|(a, _)| *a == anchor), "{aspect} → {anchor}");
                    linked += 1;
                }
            }
        }
        // All but "Identifying a case for review" and "Reviewing the data and analysis".
        assert_eq!(linked, 9);
        assert_eq!(area_of(Some("conversations/12")), "lt-conversations");
        assert_eq!(area_of(Some("nowhere")), ANCHORS[0].0);
        assert_eq!(area_of(None), ANCHORS[0].0);
    }
}
