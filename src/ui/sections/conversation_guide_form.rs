//! The conversation guide form is Appendix 3's structure laid out for writing: each of the
//! nine parts (3 in two halves) with its prompts in SCIE's words and a box under each. The
//! reviewer's record of a conversation shows every part; a practitioner's preparation shows
//! the parts there is something to prepare for. Part 4 asks about each of the nine
//! contributory-factor categories.

use leptos::prelude::*;

use crate::model::conversation_guide::{ConversationPart, FactorCategory, PARTS};
use crate::model::conversation_notes::ConversationNotes;
use crate::ui::widgets::HintedText;

/// Who the form is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuideMode {
    /// A practitioner preparing for their conversation.
    Preparation,
    /// The review team's record of the conversation.
    Record,
}

/// The anchor of a part within one form, for the parts' jump list.
fn part_anchor(prefix: &str, part: ConversationPart) -> String {
    format!("{}-part-{}", prefix.replace(' ', "-"), part.number())
}

/// The guide's parts, each with its prompts and a box under each.
#[component]
pub fn GuideParts(
    mode: GuideMode,
    /// Names the form within the review (for dismissed hints and anchors).
    #[prop(into)]
    field_prefix: String,
    notes: Signal<ConversationNotes>,
    on_answer: Callback<(ConversationPart, u8, String)>,
    on_notes: Callback<(ConversationPart, String)>,
    on_factor: Callback<(FactorCategory, String)>,
    /// In the reviewer's record: turns what was said about a category into one of the
    /// review's contributory factors.
    #[prop(optional)]
    record_factor: Option<Callback<FactorCategory>>,
    /// In the reviewer's record: the categories whose answer is already one of the
    /// review's factors (recorded from this conversation).
    #[prop(optional, into)]
    recorded_factors: Option<Signal<Vec<FactorCategory>>>,
    /// Shown in part 3a: the turning points.
    turning_points: ViewFn,
) -> impl IntoView {
    let parts: Vec<_> = PARTS.iter().filter(|p| mode == GuideMode::Record || p.in_preparation).collect();
    let jump_list = parts
        .iter()
        .map(|p| {
            let anchor = part_anchor(&field_prefix, p.key);
            let target = anchor.clone();
            view! {
                <li><a href=format!("#{anchor}") on:click=move |ev| {
                    ev.prevent_default();
                    super::learning_together_sections::jump_to(&target);
                }>{p.number}</a></li>
            }
        })
        .collect_view();
    let parts_view = parts
        .into_iter()
        .map(|g| {
            let part = g.key;
            let prefix = format!("{field_prefix} part {}", g.number);
            let heading_id = part_anchor(&field_prefix, part) + "-h";
            let labelled = heading_id.clone();
            let body = if part == ConversationPart::ContributoryFactors {
                FactorCategory::ALL
                    .into_iter()
                    .map(|cat| {
                        let value = Signal::derive(move || notes.with(|n| n.factor_notes(cat).to_string()));
                        let key = format!("{prefix} factor {}", cat.number());
                        view! {
                            <div class="guide-prompt">
                                <HintedText label=format!("{}. {}", cat.number(), cat.label()) field_key=key rows=3 value=value
                                    on_change=Callback::new(move |v: String| on_factor.run((cat, v)))/>
                                {record_factor.map(|record| {
                                    let recorded = move || recorded_factors.is_some_and(|r| r.with(|r| r.contains(&cat)));
                                    view! {
                                        <Show when=recorded fallback=move || view! {
                                            <button type="button" class="button-quiet button-small"
                                                aria-label=format!("Record as a contributory factor: {}", cat.label())
                                                disabled=move || value.with(|v| v.trim().is_empty())
                                                on:click=move |_| record.run(cat)>
                                                "Record as a contributory factor"
                                            </button>
                                        }>
                                            <p class="item-meta"><span class="tag tag-good">"Recorded as a contributory factor"</span></p>
                                        </Show>
                                    }
                                })}
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            } else {
                g.prompts
                    .iter()
                    .enumerate()
                    .map(|(i, prompt)| {
                        let n = (i + 1) as u8;
                        let value = Signal::derive(move || notes.with(|x| x.answer(part, n).to_string()));
                        view! {
                            <div class="guide-prompt">
                                <HintedText label=*prompt field_key=format!("{prefix} prompt {n}") rows=3 value=value
                                    on_change=Callback::new(move |v: String| on_answer.run((part, n, v)))/>
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            // Free notes: the only box for a part without prompts (6), and kept visible
            // wherever something was written there (e.g. from a preparation).
            let free = Signal::derive(move || notes.with(|n| n.notes(part).to_string()));
            let show_free = g.prompts.is_empty();
            let free_label = if show_free { "Notes" } else { "Other notes on this part" };
            let free_key = format!("{prefix} notes");
            view! {
                <section class="guide-part" id=part_anchor(&field_prefix, part) aria-labelledby=labelled>
                    <h3 id=heading_id>{format!("{}. {}", g.number, g.title)}</h3>
                    {g.lead.map(|lead| view! { <p class="prompt">{lead}</p> })}
                    {(part == ConversationPart::Introduction && mode == GuideMode::Record).then(|| view! {
                        <p class="prompt">"What the reviewer covers at the start:"</p>
                    })}
                    {body}
                    {(part == ConversationPart::TurningPoints).then(|| turning_points.run())}
                    <Show when=move || show_free || free.with(|f| !f.trim().is_empty())>
                        <div class="guide-prompt">
                            <HintedText label=free_label field_key=free_key.clone() rows=3 value=free
                                on_change=Callback::new(move |v: String| on_notes.run((part, v)))/>
                        </div>
                    </Show>
                </section>
            }
        })
        .collect_view();
    view! {
        <nav class="part-jumps" aria-label="Parts of the conversation"><span>"Go to part:"</span><ol>{jump_list}</ol></nav>
        {parts_view}
    }
}
