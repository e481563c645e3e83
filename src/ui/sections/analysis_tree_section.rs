//! Section 4, the analysis tree: the focal point (the presenting issue, in simple words
//! from the child's point of view), the effects that grow from it, and the root causes
//! beneath it, each drilled down as deep as the room needs. Shown as a board to build by
//! touch, mouse or keyboard, or as nested lists for quick typing; both edit the same tree.

use leptos::prelude::*;

use crate::model::cd_part::CdPart;

use crate::model::notes_field::NotesText;

use super::case_discussion_sections::{edit_cd, read_cd, section_anchor, section_heading, SectionPrompts, TextArea};
use super::ReviewContext;
use crate::model::case_discussion_guide::SectionKey;
use crate::model::problem_tree::{CauseStatus, NodeId, Parent, Side};
use crate::ui::tree::TreeDiagram;
use crate::ui::widgets::unique_id;

/// 4. The analysis tree.
#[component]
pub fn AnalysisTreeSection(
    /// Shown on the wall: the diagram fitted to its panel.
    #[prop(optional)]
    wall: bool,
) -> impl IntoView {
    let heading_id = unique_id("heading");
    let labelled_by = heading_id.clone();
    let as_list = RwSignal::new(false);
    view! {
        <section class="section-card tree-section" id=section_anchor(SectionKey::AnalysisTree) aria-labelledby=labelled_by>
            <div class="section-card-head">
                <h2 id=heading_id>{section_heading(SectionKey::AnalysisTree)}</h2>
                <SectionPrompts key=SectionKey::AnalysisTree/>
            </div>
            <div class="view-switch" role="group" aria-label="Show the tree as">
                <button class="button-secondary" aria-pressed=move || (!as_list.get()).to_string() on:click=move |_| as_list.set(false)>"Diagram"</button>
                <button class="button-secondary" aria-pressed=move || as_list.get().to_string() on:click=move |_| as_list.set(true)>"List"</button>
            </div>
            {move || if as_list.get() {
                view! { <TreeLists/> }.into_any()
            } else {
                view! { <TreeDiagram wall=wall/> }.into_any()
            }}
        </section>
    }
}

/// The tree as nested lists: effects, the focal point, root causes.
#[component]
fn TreeLists() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    view! {
            <div class="tree-part effects">
                <h3>"Effects"</h3>
                <p class="hint">"What has happened, or could happen, because of the focal point: for the child, the community, services; now and into adulthood."</p>
                <Branch parent=Parent::Focal(Side::Effects) side=Side::Effects prefix=String::new()/>
                <AddBox parent=Parent::Focal(Side::Effects) label="Add an effect"/>
            </div>
            <div class="tree-part focal">
                <TextArea label="Focal point: the presenting issue, in simple words, from the child's point of view"
                    value=Signal::derive(move || read_cd(review, CdPart::Tree, |cd| cd.tree.focal_point.clone()))
                    on_change=Callback::new(move |v: String| edit_cd(review, |cd| { cd.set_text(NotesText::FocalPoint, &v); }))/>
            </div>
            <div class="tree-part causes">
                <h3>"Root causes"</h3>
                <p class="hint">"Why has the focal point happened? Drill down until the room reaches hypotheses of root cause."</p>
                <Branch parent=Parent::Focal(Side::Causes) side=Side::Causes prefix=String::new()/>
                <AddBox parent=Parent::Focal(Side::Causes) label="Add a cause"/>
            </div>
    }
}

/// The boxes hanging from one parent, each with its own branch below it.
#[component]
fn Branch(parent: Parent, side: Side, prefix: String) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let ids = move || {
        read_cd(review, CdPart::Tree, |cd| cd.tree.children_of(parent).map(|c| c.iter().map(|n| n.id).collect::<Vec<_>>()).unwrap_or_default())
    };
    view! {
        <ol class="tree-list">
            <For each=move || ids().into_iter().enumerate() key=|(i, id)| (*i, *id)
                children=move |(index, id)| {
                    let path = if prefix.is_empty() { format!("{}", index + 1) } else { format!("{prefix}.{}", index + 1) };
                    view! { <TreeBox id=id side=side path=path/> }
                }/>
        </ol>
    }
}

/// One box: its words, its mark (for causes), and what can be done with it.
#[component]
fn TreeBox(id: NodeId, side: Side, path: String) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let noun = match side {
        Side::Effects => "Effect",
        Side::Causes => "Cause",
    };
    let label = format!("{noun} {path}");
    let text = move || read_cd(review, CdPart::Tree, |cd| cd.tree.find(id).map(|n| n.text.clone()).unwrap_or_default());
    let status = move || read_cd(review, CdPart::Tree, |cd| cd.tree.find(id).map(|n| n.status).unwrap_or_default());
    let add_child_label = match side {
        Side::Effects => format!("Add a further effect under {label}"),
        Side::Causes => format!("Add a deeper cause under {label}"),
    };
    let child_path = path.clone();
    let status_id = unique_id("status");
    view! {
        <li class="list-box">
            <div class="list-box-row">
                <input type="text" class="grow" aria-label=label.clone() prop:value=text
                    on:input=move |ev| { let v = event_target_value(&ev); edit_cd(review, |cd| { cd.tree.set_text(id, &v); }) }/>
                {(side == Side::Causes).then(|| view! {
                    <label class="visually-hidden" for=status_id.clone()>{format!("Status of {label}")}</label>
                    <select id=status_id.clone() class="status-select"
                        on:change=move |ev| {
                            let s = match event_target_value(&ev).as_str() {
                                "hypothesis" => CauseStatus::Hypothesis,
                                "agreed" => CauseStatus::AgreedRootCause,
                                _ => CauseStatus::Unmarked,
                            };
                            edit_cd(review, |cd| { cd.tree.set_status(id, s); });
                        }>
                        <option value="" selected=move || status() == CauseStatus::Unmarked>"Not marked"</option>
                        <option value="hypothesis" selected=move || status() == CauseStatus::Hypothesis>"Hypothesis"</option>
                        <option value="agreed" selected=move || status() == CauseStatus::AgreedRootCause>"Agreed root cause"</option>
                    </select>
                })}
                <button class="button-quiet" on:click=move |_| edit_cd(review, |cd| { cd.tree.add_node(Parent::Node(id), ""); })>
                    {match side { Side::Effects => "Add further effect", Side::Causes => "Add deeper cause" }}
                    <span class="visually-hidden">{format!(" under {label}")}</span>
                </button>
                <button class="button-quiet" on:click=move |_| edit_cd(review, |cd| { cd.tree.remove_node(id); })>
                    "Remove"<span class="visually-hidden">{format!(" {label}")}</span>
                </button>
            </div>
            <span class="visually-hidden">{add_child_label}</span>
            <Branch parent=Parent::Node(id) side=side prefix=child_path/>
        </li>
    }
    .into_any()
}

/// Adds a box directly on the focal point.
#[component]
fn AddBox(parent: Parent, #[prop(into)] label: String) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let draft = RwSignal::new(String::new());
    let input_id = unique_id("add-box");
    let add = move || {
        let t = draft.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        edit_cd(review, |cd| {
            cd.tree.add_node(parent, t.trim());
        });
        draft.set(String::new());
    };
    view! {
        <div class="add-row">
            <label for=input_id.clone() class="visually-hidden">{label.clone()}</label>
            <input id=input_id type="text" placeholder=format!("{label} and press Enter")
                prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); }/>
            <button class="button-secondary" on:click=move |_| add()>{label}</button>
        </div>
    }
}
