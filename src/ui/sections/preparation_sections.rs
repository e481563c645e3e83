//! The practitioner's preparation screen: someone taking part in a Learning Together review
//! writes down, before their one-to-one conversation, their role and agency, the crucial
//! moments they want to talk about and their thoughts against the conversation guide. It
//! shows nothing of the review team's work and stays on this device until they export it
//! as a small file to bring to the conversation or send to the review team.

use leptos::prelude::*;

use super::conversation_guide_form::{GuideMode, GuideParts};
use super::ReviewContext;
use crate::model::date_or_period::DateOrPeriod;
use crate::model::identifying_details::FieldKind;
use crate::model::practitioner_preparation::PractitionerPreparation;
use crate::model::Review;
use crate::ui::browser::now;
use crate::ui::widgets::{DatedItemForm, HintContext, HintedText};

fn edit_prep(review: RwSignal<Review>, f: impl FnOnce(&mut PractitionerPreparation)) {
    review.update(|r| r.edit_preparation(now(), f));
}

fn read_prep<T: Default>(review: RwSignal<Review>, f: impl FnOnce(&PractitionerPreparation) -> T) -> T {
    review.with(|r| r.preparation().map(f).unwrap_or_default())
}

/// The preparation editor.
#[component]
pub fn PreparationSections() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let dismissed = Memo::new(move |_| read_prep(review, |p| p.dismissed_hints.clone()));
    provide_context(HintContext {
        pseudonyms: Signal::derive(Vec::new),
        dismissed: dismissed.into(),
        dismiss: Callback::new(move |key: String| edit_prep(review, |p| p.dismiss_hint(&key))),
    });
    let role = Signal::derive(move || read_prep(review, |p| p.role.clone()));
    let agency = Signal::derive(move || read_prep(review, |p| p.agency.clone()));
    let notes = Memo::new(move |_| read_prep(review, |p| p.notes.clone()));
    view! {
        <div class="prep-layout">
            <section class="section-card" aria-labelledby="prep-about-h">
                <h2 id="prep-about-h">"Preparing for your conversation"</h2>
                <p>"This is for you alone. Jot down what you remember and what you would like to talk about, "
                   "using the same structure the reviewers will follow. Nothing here is seen by the review team "
                   "unless you give it to them."</p>
                <p>"When you are ready, use "<strong>"Export file"</strong>" (at the top) to save it as a small file "
                   "that you can bring to the conversation or send to the review team; they add it to their record "
                   "of your conversation without changing anything they have written."</p>
                <p class="prompt">"You are identified by your role and agency only: please do not write your name, "
                   "or the real names of the family."</p>
                <div class="add-row">
                    <HintedText label="Your role" field_key="prep role" kind=FieldKind::Role rows=1 value=role
                        on_change=Callback::new(move |v: String| edit_prep(review, |p| p.set_role(&v)))/>
                    <HintedText label="Your agency" field_key="prep agency" rows=1 value=agency
                        on_change=Callback::new(move |v: String| edit_prep(review, |p| p.set_agency(&v)))/>
                </div>
            </section>
            <section class="section-card" aria-labelledby="prep-guide-h">
                <h2 id="prep-guide-h">"Your notes on the conversation guide"</h2>
                <GuideParts mode=GuideMode::Preparation field_prefix="prep" notes=notes.into()
                    on_answer=Callback::new(move |(part, n, text): (_, u8, String)| edit_prep(review, |p| p.notes.set_answer(part, n, &text)))
                    on_notes=Callback::new(move |(part, text): (_, String)| edit_prep(review, |p| p.notes.set_notes(part, &text)))
                    on_factor=Callback::new(move |(cat, text): (_, String)| edit_prep(review, |p| p.notes.set_factor_notes(cat, &text)))
                    turning_points=ViewFn::from(move || view! { <PreparedTurningPoints/> })/>
            </section>
        </div>
    }
}

/// The crucial moments the practitioner wants to talk about.
#[component]
fn PreparedTurningPoints() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let points = Memo::new(move |_| {
        read_prep(review, |p| p.turning_points.iter().map(|t| (t.text.clone(), t.date_or_period.text())).collect::<Vec<_>>())
    });
    let add = Callback::new(move |(text, when): (String, DateOrPeriod)| {
        let mut added = false;
        edit_prep(review, |p| added = p.add_turning_point(&text, when));
        added
    });
    view! {
        <div class="turning-points">
            <h4>"Crucial moments you want to talk about"</h4>
            <ol class="item-list">
                <For each=move || points.get().into_iter().enumerate() key=|x| x.clone() children=move |(i, (text, when))| {
                    let short: String = text.chars().take(60).collect();
                    view! {
                        <li class="item">
                            <p class="item-text">{text}</p>
                            {(!when.is_empty()).then(|| view! { <p class="item-meta">{when}</p> })}
                            <button type="button" class="button-quiet button-small" on:click=move |_| edit_prep(review, |p| { p.remove_turning_point(i); })>
                                "Remove"<span class="visually-hidden">{format!(" moment: {short}")}</span>
                            </button>
                        </li>
                    }
                }/>
            </ol>
            <DatedItemForm label="A crucial moment" field_key="prep new moment" what="the moment" button="Add moment" on_add=add/>
        </div>
    }
}
