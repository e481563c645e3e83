//! A text list is a section's list of short points (worries, things that worked well...):
//! each point can be edited in place or removed, and a new one added by typing and
//! pressing Enter.

use leptos::prelude::*;

use super::unique_id;

/// An editable list of short points.
#[component]
pub fn TextList(
    /// The points, each with its id.
    #[prop(into)]
    items: Signal<Vec<(u64, String)>>,
    /// The kind of point in the singular, as a person would say it: "worry".
    #[prop(into)]
    noun: String,
    on_add: Callback<String>,
    on_edit: Callback<(u64, String)>,
    on_remove: Callback<u64>,
    /// What is half-typed in the "add" box, kept with the review so a reload loses nothing.
    draft: Signal<String>,
    /// Hears the "add" box on every keystroke (and "" once the point is added).
    on_draft: Callback<String>,
) -> impl IntoView {
    let input_id = unique_id("add");
    let noun_for_items = noun.clone();
    let add = move || {
        let text = draft.get_untracked();
        if !text.trim().is_empty() {
            on_add.run(text);
            on_draft.run(String::new());
        }
    };
    view! {
        <ol class="text-list">
            <For
                each=move || items.get().into_iter().enumerate()
                key=|(index, (id, _))| (*index, *id)
                children=move |(index, (id, _))| {
                    let noun = noun_for_items.clone();
                    let text = move || {
                        items.with(|all| all.iter().find(|(i, _)| *i == id).map(|(_, t)| t.clone()).unwrap_or_default())
                    };
                    view! {
                        <li>
                            <textarea
                                rows="2"
                                aria-label=format!("{} {}", capitalise(&noun), index + 1)
                                prop:value=text
                                on:input=move |ev| on_edit.run((id, event_target_value(&ev)))
                            ></textarea>
                            <button class="button-quiet" on:click=move |_| on_remove.run(id)>
                                "Remove"<span class="visually-hidden">{format!(" {} {}", noun, index + 1)}</span>
                            </button>
                        </li>
                    }
                }
            />
        </ol>
        <div class="add-row">
            <label for=input_id.clone() class="visually-hidden">{format!("New {noun}")}</label>
            <input
                id=input_id
                type="text"
                placeholder=format!("Add a {noun} and press Enter")
                prop:value=move || draft.get()
                on:input=move |ev| on_draft.run(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        add();
                    }
                }
            />
            <button class="button-secondary" on:click=move |_| add()>{format!("Add {noun}")}</button>
        </div>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
