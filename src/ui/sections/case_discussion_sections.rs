//! The case discussion editor: the notes' heading (child, dates, facilitator, who is in the
//! room), then the tool's eight sections in its order and words, each with the
//! facilitator's prompts beside it, and a capture bar that records worries, what worked
//! well, missing information and who else to involve from wherever the room is.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::cd_part::CdPart;

use super::analysis_tree_section::AnalysisTreeSection;
use super::capture_bar::CaptureBar;
use super::smart_actions_section::SmartActionsSection;
use super::ReviewContext;
use crate::model::case_discussion::{FactOrFeeling, Note};
use crate::model::notes_field::{NotesDate, NotesText};
use crate::model::case_discussion_guide::{section, SectionKey, ASSURANCE_QUESTIONS, WHAT_ELSE_TO_KNOW};
use crate::model::{CaseDiscussion, Review};
use crate::ui::browser::now;
use crate::ui::widgets::{unique_id, TextList};

/// Changes the open case discussion through the model and records the change.
pub fn edit_cd(review: RwSignal<Review>, f: impl FnOnce(&mut CaseDiscussion)) {
    review.update(|r| r.edit_case_discussion(now(), f));
    // What is read straight after the edit (the tree's new shape) is then up to date.
    if let Some(watch) = super::cd_watch::CdWatch::of(review) {
        watch.compare();
    }
}

pub use super::cd_watch::{read_cd, read_cd_parts};

/// The heading of one of the tool's sections, e.g. "3. Immediate thoughts".
pub fn section_heading(key: SectionKey) -> String {
    let g = section(key);
    format!("{}. {}", g.number, g.title)
}

/// The id of a section's element, for the jump links.
pub fn section_anchor(key: SectionKey) -> String {
    format!("section-{}", section(key).number)
}

/// The case discussion editor.
#[component]
pub fn CaseDiscussionSections() -> impl IntoView {
    view! {
        <div class="cd-layout">
            <nav class="section-nav" aria-label="Sections of the discussion">
                <ol>
                    <li><a href="#cd-header" on:click=jump("cd-header")>"Notes heading"</a></li>
                    {SectionKey::ALL.into_iter().map(|key| {
                        let anchor = section_anchor(key);
                        view! { <li><a href=format!("#{anchor}") on:click=jump_owned(anchor.clone())>{section_heading(key)}</a></li> }
                    }).collect_view()}
                </ol>
            </nav>
            <div class="cd-sections">
                <HeaderSection/>
                <FactsSection/>
                <AboutChildSection/>
                <ThoughtsSection/>
                <AnalysisTreeSection/>
                <WorriesSection/>
                <WorkedWellSection/>
                <MissingInformationSection/>
                <SmartActionsSection/>
            </div>
        </div>
        <CaptureBar/>
    }
}

/// In-page links would change the address (which holds the route), so jump by script.
fn jump(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) {
    jump_owned(id.to_string())
}

fn jump_owned(id: String) -> impl Fn(leptos::ev::MouseEvent) {
    move |ev| {
        ev.prevent_default();
        crate::ui::browser::jump_to_section(&id);
    }
}

/// The facilitator's prompts for a section, folded away until wanted.
#[component]
pub fn SectionPrompts(key: SectionKey) -> impl IntoView {
    let g = section(key);
    view! {
        <details class="prompts">
            <summary>"Facilitator prompts"</summary>
            <p class="prompts-captures">{g.captures}</p>
            <ul>{g.prompts.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
        </details>
    }
}

/// A section card with the tool's heading and prompts.
#[component]
fn SectionCard(key: SectionKey, children: Children) -> impl IntoView {
    let heading_id = unique_id("heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="section-card" id=section_anchor(key) aria-labelledby=labelled_by>
            <div class="section-card-head">
                <h2 id=heading_id>{section_heading(key)}</h2>
                <SectionPrompts key=key/>
            </div>
            {children()}
        </section>
    }
}

/// The heading of the Case Discussion Notes, the people in the room and the agency check.
#[component]
pub fn HeaderSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let new_name = RwSignal::new(String::new());
    let new_role = RwSignal::new(String::new());
    let new_agency = RwSignal::new(String::new());
    let add_attendee = move || {
        let (n, r, a) = (new_name.get_untracked(), new_role.get_untracked(), new_agency.get_untracked());
        if n.trim().is_empty() && r.trim().is_empty() && a.trim().is_empty() {
            return;
        }
        edit_cd(review, |cd| {
            cd.add_attendee(&n, &r, &a);
        });
        for s in [new_name, new_role, new_agency] {
            s.set(String::new());
        }
    };
    let attendees = move || read_cd(review, CdPart::Header, |cd| cd.header.attendees.clone());

    view! {
        <section class="section-card" id="cd-header" aria-labelledby="cd-header-title">
            <div class="section-card-head">
                <h2 id="cd-header-title">"Case Discussion Notes"</h2>
                <details class="prompts">
                    <summary>"Assurance questions"</summary>
                    <ul>{ASSURANCE_QUESTIONS.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}</ul>
                </details>
            </div>
            <div class="field-grid">
                <TextField label="Child's name or pseudonym"
                    value=Signal::derive(move || read_cd(review, CdPart::Header, |cd| cd.header.child_name.clone()))
                    on_change=Callback::new(move |v: String| edit_cd(review, |cd| { cd.set_text(NotesText::ChildName, &v); }))/>
                <DateField label="Date of referral"
                    value=Signal::derive(move || read_cd(review, CdPart::Header, |cd| cd.header.date_of_referral))
                    on_change=Callback::new(move |v| edit_cd(review, |cd| { cd.set_date(NotesDate::Referral, v); }))/>
                <DateField label="Date of case discussion"
                    value=Signal::derive(move || read_cd(review, CdPart::Header, |cd| cd.header.date_of_discussion))
                    on_change=Callback::new(move |v| edit_cd(review, |cd| { cd.set_date(NotesDate::Discussion, v); }))/>
                <TextField label="Facilitator"
                    value=Signal::derive(move || read_cd(review, CdPart::Header, |cd| cd.header.facilitator.clone()))
                    on_change=Callback::new(move |v: String| edit_cd(review, |cd| { cd.set_text(NotesText::Facilitator, &v); }))/>
            </div>
            <TextField label="Focal question for this discussion"
                value=Signal::derive(move || read_cd(review, CdPart::Header, |cd| cd.header.focal_question.clone()))
                on_change=Callback::new(move |v: String| edit_cd(review, |cd| { cd.set_text(NotesText::FocalQuestion, &v); }))/>

            <h3>"Attendees"</h3>
            <Show when=move || !attendees().is_empty()
                fallback=|| view! { <p class="muted">"No attendees recorded yet."</p> }>
            <table class="attendee-table">
                <caption class="visually-hidden">"Attendees, their roles and agencies"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Agency"</th>
                        <th scope="col">"Also speaking for (two hats)"</th>
                        <th scope="col">"Attendance"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || attendees().into_iter().enumerate() key=|(i, a)| (*i, a.id)
                        children=move |(index, a)| {
                            let id = a.id;
                            let n = index + 1;
                            let field = move |get: fn(&crate::model::case_discussion::Attendee) -> String| {
                                move || read_cd(review, CdPart::Header, |cd| cd.header.attendees.iter().find(|x| x.id == id).map(get).unwrap_or_default())
                            };
                            let set = move |field: fn(u64) -> NotesText| {
                                move |ev: leptos::ev::Event| {
                                    let v = event_target_value(&ev);
                                    edit_cd(review, |cd| { cd.set_text(field(id), &v); })
                                }
                            };
                            view! {
                                <tr>
                                    <td><input type="text" aria-label=format!("Name of attendee {n}") prop:value=field(|a| a.name.clone()) on:input=set(NotesText::AttendeeName)/></td>
                                    <td><input type="text" aria-label=format!("Role of attendee {n}") prop:value=field(|a| a.role.clone()) on:input=set(NotesText::AttendeeRole)/></td>
                                    <td><input type="text" aria-label=format!("Agency of attendee {n}") prop:value=field(|a| a.agency.clone()) on:input=set(NotesText::AttendeeAgency)/></td>
                                    <td><input type="text" aria-label=format!("Agency attendee {n} also speaks for") prop:value=field(|a| a.second_hat.clone())
                                        on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_second_hat(id, &v); }) }/></td>
                                    <td><select aria-label=format!("Attendance of attendee {n}") on:change=move |ev| {
                                        if let Some(v) = crate::model::case_discussion::Attendance::from_key(&event_target_value(&ev)) {
                                            edit_cd(review, |cd| { cd.set_attendance(id, v); });
                                        }
                                    }>
                                        {crate::model::case_discussion::Attendance::ALL.into_iter().map(|v| {
                                            let current = move || read_cd(review, CdPart::Header, |cd| cd.header.attendees.iter().find(|x| x.id == id).map(|x| x.attendance).unwrap_or_default());
                                            view! { <option value=v.key() selected=move || current() == v>{v.label()}</option> }
                                        }).collect_view()}
                                    </select></td>
                                    <td><button class="button-quiet" on:click=move |_| edit_cd(review, |cd| { cd.remove_item(id); })>
                                        "Remove"<span class="visually-hidden">{format!(" attendee {n}")}</span>
                                    </button></td>
                                </tr>
                            }
                        }/>
                </tbody>
            </table>
            </Show>
            <form class="add-row" on:submit=move |ev| { ev.prevent_default(); add_attendee(); }>
                <InlineInput label="New attendee's name" value=new_name/>
                <InlineInput label="Role" value=new_role/>
                <InlineInput label="Agency" value=new_agency/>
                <button type="submit" class="button-secondary">"Add attendee"</button>
            </form>
            <h3>"Are key people from the right agencies present?"</h3>
            <super::wall_areas::WhoIsMissing/>
        </section>
    }
}

/// 1. The facts: the documents available, each with where it came from.
#[component]
pub fn FactsSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let new_text = RwSignal::new(String::new());
    let new_source = RwSignal::new(String::new());
    let add = move || {
        let (t, s) = (new_text.get_untracked(), new_source.get_untracked());
        edit_cd(review, |cd| {
            cd.add_fact(&t, &s);
        });
        new_text.set(String::new());
        new_source.set(String::new());
    };
    let facts = move || read_cd(review, CdPart::Facts, |cd| cd.facts.clone());
    view! {
        <SectionCard key=SectionKey::Facts>
            <ul class="item-rows">
                <For each=move || facts().into_iter().enumerate() key=|(i, f)| (*i, f.id)
                    children=move |(index, f)| {
                        let id = f.id;
                        let n = index + 1;
                        let text = move || read_cd(review, CdPart::Facts, |cd| cd.facts.iter().find(|x| x.id == id).map(|x| x.text.clone()).unwrap_or_default());
                        let source = move || read_cd(review, CdPart::Facts, |cd| cd.facts.iter().find(|x| x.id == id).map(|x| x.source.clone()).unwrap_or_default());
                        view! {
                            <li class="item-row">
                                <input type="text" class="grow" aria-label=format!("Document {n}") prop:value=text
                                    on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_text(NotesText::Document(id), &v); }) }/>
                                <input type="text" aria-label=format!("Source of document {n}") placeholder="Source or agency" prop:value=source
                                    on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_text(NotesText::DocumentSource(id), &v); }) }/>
                                <button class="button-quiet" on:click=move |_| edit_cd(review, |cd| { cd.remove_item(id); })>
                                    "Remove"<span class="visually-hidden">{format!(" document {n}")}</span>
                                </button>
                            </li>
                        }
                    }/>
            </ul>
            <form class="add-row" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <InlineInput label="Document available (e.g. referral form, chronology)" value=new_text/>
                <InlineInput label="Source or agency" value=new_source/>
                <button type="submit" class="button-secondary">"Add document"</button>
            </form>
        </SectionCard>
    }
}

/// 2. About the child and their lived experiences.
#[component]
pub fn AboutChildSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    view! {
        <SectionCard key=SectionKey::AboutTheChild>
            <TextArea label="About the child and their lived experiences" hide_label=true
                value=Signal::derive(move || read_cd(review, CdPart::AboutChild, |cd| cd.about_child.clone()))
                on_change=Callback::new(move |v: String| edit_cd(review, |cd| { cd.set_text(NotesText::AboutChild, &v); }))/>
        </SectionCard>
    }
}

/// 3. Immediate thoughts, each marked as fact or feeling.
#[component]
pub fn ThoughtsSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let draft = RwSignal::new(String::new());
    let add = move |mark: FactOrFeeling| {
        let t = draft.get_untracked();
        edit_cd(review, |cd| {
            cd.add_thought(&t, mark);
        });
        draft.set(String::new());
    };
    let thoughts = move || read_cd(review, CdPart::Thoughts, |cd| cd.immediate_thoughts.clone());
    let input_id = unique_id("thought");
    view! {
        <SectionCard key=SectionKey::ImmediateThoughts>
            <ul class="item-rows">
                <For each=move || thoughts().into_iter().enumerate() key=|(i, t)| (*i, t.id)
                    children=move |(index, t)| {
                        let id = t.id;
                        let n = index + 1;
                        let text = move || read_cd(review, CdPart::Thoughts, |cd| cd.immediate_thoughts.iter().find(|x| x.id == id).map(|x| x.text.clone()).unwrap_or_default());
                        let mark = move || read_cd(review, CdPart::Thoughts, |cd| cd.immediate_thoughts.iter().find(|x| x.id == id).map(|x| x.marked_as).unwrap_or_default());
                        let set_mark = move |m: FactOrFeeling| edit_cd(review, |cd| { cd.mark_thought(id, m); });
                        let group = unique_id("mark");
                        view! {
                            <li class="item-row">
                                <input type="text" class="grow" aria-label=format!("Thought {n}") prop:value=text
                                    on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_text(NotesText::Thought(id), &v); }) }/>
                                <fieldset class="mark-choice">
                                    <legend class="visually-hidden">{format!("Is thought {n} a fact or a feeling?")}</legend>
                                    <label><input type="radio" name=group.clone() prop:checked=move || mark() == FactOrFeeling::Fact on:change=move |_| set_mark(FactOrFeeling::Fact)/>"Fact"</label>
                                    <label><input type="radio" name=group.clone() prop:checked=move || mark() == FactOrFeeling::Feeling on:change=move |_| set_mark(FactOrFeeling::Feeling)/>"Feeling"</label>
                                </fieldset>
                                <button class="button-quiet" on:click=move |_| edit_cd(review, |cd| { cd.remove_item(id); })>
                                    "Remove"<span class="visually-hidden">{format!(" thought {n}")}</span>
                                </button>
                            </li>
                        }
                    }/>
            </ul>
            <div class="add-row">
                <label for=input_id.clone() class="visually-hidden">"New immediate thought"</label>
                <input id=input_id type="text" placeholder="Add a thought, then mark it as fact or feeling"
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(FactOrFeeling::Unmarked); }/>
                <button class="button-secondary" on:click=move |_| add(FactOrFeeling::Fact)>"Add as fact"</button>
                <button class="button-secondary" on:click=move |_| add(FactOrFeeling::Feeling)>"Add as feeling"</button>
            </div>
        </SectionCard>
    }
}

/// 5. What are we worried about?
#[component]
pub fn WorriesSection() -> impl IntoView {
    view! {
        <NotesSection key=SectionKey::Worries part=CdPart::Worries noun="worry"
            list=|cd: &CaseDiscussion| cd.worries.clone()
            field=NotesText::Worry
            add=|cd: &mut CaseDiscussion, t: &str| { cd.add_worry(t); }/>
    }
}

/// 6. What worked well?
#[component]
pub fn WorkedWellSection() -> impl IntoView {
    view! {
        <NotesSection key=SectionKey::WorkedWell part=CdPart::Strengths noun="thing that worked well"
            list=|cd: &CaseDiscussion| cd.strengths.clone()
            field=NotesText::WorkedWell
            add=|cd: &mut CaseDiscussion, t: &str| { cd.add_strength(t); }/>
    }
}

/// 5 and 6: a list of short notes (worries, things that worked well).
#[component]
fn NotesSection(
    key: SectionKey,
    /// The part of the discussion the list is.
    part: CdPart,
    #[prop(into)] noun: String,
    list: fn(&CaseDiscussion) -> Vec<Note>,
    /// The notes field of one item of the list.
    field: fn(u64) -> NotesText,
    add: fn(&mut CaseDiscussion, &str),
) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    // Worked out once per change and shared by every row (a derived signal would be worked
    // out again by each row that reads it).
    let items: Signal<Vec<(u64, String)>> = Memo::new(move |_| read_cd(review, part, |cd| list(cd).into_iter().map(|n| (n.id, n.text)).collect::<Vec<_>>())).into();
    view! {
        <SectionCard key=key>
            <TextList noun=noun.clone() items=items
                draft=Signal::derive({ let field = format!("add {noun}"); move || review.with(|r| r.draft(&field).to_string()) })
                on_draft=Callback::new({ let field = format!("add {noun}"); move |t: String| review.update(|r| r.set_draft(&field, &t)) })
                on_add=Callback::new(move |t: String| edit_cd(review, |cd| add(cd, &t)))
                on_edit=Callback::new(move |(id, t): (u64, String)| edit_cd(review, |cd| { cd.set_text(field(id), &t); }))
                on_remove=Callback::new(move |id: u64| edit_cd(review, |cd| { cd.remove_item(id); }))/>
        </SectionCard>
    }
}

/// 7. Missing information: what we don't know, who will find out and by when; and who
/// else to involve.
#[component]
pub fn MissingInformationSection() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let gap_draft = RwSignal::new(String::new());
    let person_draft = RwSignal::new(String::new());
    let gaps = move || read_cd(review, CdPart::Gaps, |cd| cd.information_gaps.clone());
    let people = move || read_cd(review, CdPart::People, |cd| cd.people_to_involve.clone());
    view! {
        <SectionCard key=SectionKey::MissingInformation>
            <p class="prompt">{WHAT_ELSE_TO_KNOW}</p>
            <h3>"What we don't know and need to find out"</h3>
            <ul class="item-rows">
                <For each=move || gaps().into_iter().enumerate() key=|(i, g)| (*i, g.id)
                    children=move |(index, g)| {
                        let id = g.id;
                        let n = index + 1;
                        let get = move |f: fn(&crate::model::case_discussion::InformationGap) -> String| move || read_cd(review, CdPart::Gaps, |cd| cd.information_gaps.iter().find(|x| x.id == id).map(f).unwrap_or_default());
                        let by_when = Signal::derive(move || read_cd(review, CdPart::Gaps, |cd| cd.information_gaps.iter().find(|x| x.id == id).and_then(|x| x.by_when)));
                        view! {
                            <li class="item-row">
                                <input type="text" class="grow" aria-label=format!("Missing information {n}") prop:value=get(|g| g.what.clone())
                                    on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_text(NotesText::MissingInformation(id), &v); }) }/>
                                <input type="text" aria-label=format!("Who will find out missing information {n}") placeholder="Who will find out" prop:value=get(|g| g.who.clone())
                                    on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_text(NotesText::WhoWillFindOut(id), &v); }) }/>
                                <DateInput label=format!("By when for missing information {n}") value=by_when
                                    on_change=Callback::new(move |d| edit_cd(review, |cd| { cd.set_date(NotesDate::FindOutBy(id), d); }))/>
                                <button class="button-quiet" on:click=move |_| edit_cd(review, |cd| { cd.remove_item(id); })>
                                    "Remove"<span class="visually-hidden">{format!(" missing information {n}")}</span>
                                </button>
                            </li>
                        }
                    }/>
            </ul>
            <form class="add-row" on:submit=move |ev| { ev.prevent_default(); let t = gap_draft.get_untracked(); edit_cd(review, |cd| { cd.add_information_gap(&t); }); gap_draft.set(String::new()); }>
                <InlineInput label="Something we need to find out" value=gap_draft/>
                <button type="submit" class="button-secondary">"Add missing information"</button>
            </form>

            <h3>"Who else do we need to involve?"</h3>
            <ul class="item-rows">
                <For each=move || people().into_iter().enumerate() key=|(i, p)| (*i, p.id)
                    children=move |(index, p)| {
                        let id = p.id;
                        let n = index + 1;
                        let get = move |f: fn(&crate::model::case_discussion::PersonToInvolve) -> String| move || read_cd(review, CdPart::People, |cd| cd.people_to_involve.iter().find(|x| x.id == id).map(f).unwrap_or_default());
                        view! {
                            <li class="item-row">
                                <input type="text" class="grow" aria-label=format!("Person to involve {n}") prop:value=get(|p| p.who.clone())
                                    on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_text(NotesText::PersonToInvolve(id), &v); }) }/>
                                <input type="text" class="grow" aria-label=format!("Why involve person {n}") placeholder="Why" prop:value=get(|p| p.why.clone())
                                    on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.set_text(NotesText::WhyInvolve(id), &v); }) }/>
                                <button class="button-quiet" on:click=move |_| edit_cd(review, |cd| { cd.remove_item(id); })>
                                    "Remove"<span class="visually-hidden">{format!(" person to involve {n}")}</span>
                                </button>
                            </li>
                        }
                    }/>
            </ul>
            <form class="add-row" on:submit=move |ev| { ev.prevent_default(); let t = person_draft.get_untracked(); edit_cd(review, |cd| { cd.add_person_to_involve(&t); }); person_draft.set(String::new()); }>
                <InlineInput label="Someone else to involve (role or agency)" value=person_draft/>
                <button type="submit" class="button-secondary">"Add person to involve"</button>
            </form>
        </SectionCard>
    }
}

/// A one-line input bound to a draft signal, with a visible label.
#[component]
pub fn InlineInput(#[prop(into)] label: String, value: RwSignal<String>) -> impl IntoView {
    let id = unique_id("input");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// A labelled one-line text field.
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let id = unique_id("field");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))/>
        </div>
    }
}

/// A labelled multi-line text field.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    #[prop(optional)] hide_label: bool,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let id = unique_id("area");
    view! {
        <div class="field">
            <label for=id.clone() class:visually-hidden=hide_label>{label}</label>
            <textarea id=id rows="6" prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))></textarea>
        </div>
    }
}

/// A labelled date field; an empty field means "not known yet".
#[component]
pub fn DateField(
    #[prop(into)] label: String,
    value: Signal<Option<NaiveDate>>,
    on_change: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    let id = unique_id("date");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="date"
                prop:value=move || value.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                on:input=move |ev| if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") { on_change.run(Some(d)) }
                on:change=move |ev| on_change.run(NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok())/>
        </div>
    }
}

/// A date input for a table row, named by its aria-label.
#[component]
pub fn DateInput(
    #[prop(into)] label: String,
    value: Signal<Option<NaiveDate>>,
    on_change: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    view! {
        <input type="date" aria-label=label
            prop:value=move || value.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
            on:input=move |ev| if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") { on_change.run(Some(d)) }
            on:change=move |ev| on_change.run(NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok())/>
    }
}
