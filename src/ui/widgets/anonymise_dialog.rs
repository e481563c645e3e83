//! The anonymise dialog makes a copy of a review fit for publication. It starts from the
//! names the review records (the child, the attendees, the facilitator), lets the person
//! add every other name and place, and shows, before anything is saved, each term with
//! what replaces it, how many times it was found, and every changed passage before and
//! after. The copy is then saved as a file or opened as a print view; the review itself
//! never changes.

use leptos::prelude::*;

use super::ModalDialog;
use crate::export::anonymised_export::{anonymised_file, anonymised_file_name};
use crate::export::download::download_text;
use crate::model::anonymise::{anonymise, suggested_replacements, Replacement, PLACE_PLACEHOLDER};
use crate::model::{Review, ReviewKind};
use crate::ui::browser::{focus_when_ready, navigate, new_id, now};
use crate::ui::contexts::{AnonymisedCopy, NoticeContext};
use crate::ui::route::{PrintView, Route};

/// How many changed passages the preview lists before summing up the rest.
const PREVIEW_LIMIT: usize = 30;

/// One line of the list: a stable key for the screen, and the replacement.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: u32,
    replacement: Replacement,
}

/// The dialog for one review.
#[component]
pub fn AnonymiseDialog(
    /// The review as it is now.
    review: Review,
    /// Closes the dialog.
    on_close: Callback<()>,
) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let copy_ctx = expect_context::<AnonymisedCopy>();
    let suggestions = suggested_replacements(&review);
    let next_key = StoredValue::new(0u32);
    let make_row = move |replacement: Replacement| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Row { key, replacement }
    };
    let rows = RwSignal::new(suggestions.replacements.iter().cloned().map(make_row).collect::<Vec<_>>());
    let left_out = suggestions.everyday_words_left_out.clone();
    let copy_id = new_id();
    let original_id = review.id;
    let kind = review.kind();
    let print_view = match kind {
        ReviewKind::CaseDiscussion => Some(PrintView::Notes),
        ReviewKind::LearningTogether => Some(PrintView::Report),
        ReviewKind::Preparation => None,
    };
    let word = super::word_export_button::main_document(kind);
    let source = StoredValue::new(review);
    let list = move || rows.with(|rs| rs.iter().map(|r| r.replacement.clone()).collect::<Vec<_>>());
    let result = Memo::new(move |_| source.with_value(|r| anonymise(r, &list(), copy_id)));

    let add = move |with: &str| {
        let row = make_row(Replacement::new("", with));
        let id = format!("anon-term-{}", row.key);
        rows.update(|rs| rs.push(row));
        focus_when_ready(id);
    };
    let download = move |_| {
        let copy = result.with_untracked(|r| r.review.clone());
        let when = now();
        let name = anonymised_file_name(&copy, when.date_naive());
        match download_text(&name, "application/json", &anonymised_file(&copy, when)) {
            Ok(()) => {
                on_close.run(());
                notices.say(format!(
                    "Saved the anonymised copy as “{name}”. Read it through before sharing: only the names and places in your list were replaced."
                ));
            }
            Err(e) => notices.warn(format!("The anonymised copy could not be saved: {e}.")),
        }
    };
    let print = move |_| {
        copy_ctx.0.set(Some((original_id, result.with_untracked(|r| r.review.clone()))));
        on_close.run(());
        if let Some(view) = print_view {
            navigate(&Route::AnonymisedPrint(original_id, view).href());
        }
    };
    let save_word = move |_| {
        let Some(which) = word else { return };
        let copy = result.with_untracked(|r| r.review.clone());
        if super::word_export_button::save_word_document(which, &copy, "anonymised ", notices) {
            on_close.run(());
        }
    };
    let total = move || result.with(|r| r.counts.iter().sum::<usize>());

    view! {
        <ModalDialog title="Anonymised copy for publication" on_cancel=on_close>
            <div class="anonymise">
                <p>"List every name and place to take out, and what goes in its place. Each is replaced as a whole "
                   "word in any capitals, including possessives (“Jayden’s” becomes “Child A’s”), everywhere in the review. "
                   "People who took part are shown by role; the review itself is not changed."</p>
                {(!left_out.is_empty()).then(|| view! {
                    <p class="hint">
                        "Not added for you, because they are also everyday words: "
                        {left_out.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join(", ")}
                        ". Add any of them yourself if they need replacing, then check the preview: every use of the word will change."
                    </p>
                })}
                <table class="anonymise-table">
                    <caption class="visually-hidden">"Names and places to replace"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name or place in the review"</th>
                            <th scope="col">"Replace with"</th>
                            <th scope="col">"Found"</th>
                            <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.key let:row>
                            {
                                let key = row.key;
                                let position = move || rows.with(|rs| rs.iter().position(|r| r.key == key));
                                let value = move |f: fn(&Replacement) -> String| {
                                    rows.with(|rs| rs.iter().find(|r| r.key == key).map(|r| f(&r.replacement)).unwrap_or_default())
                                };
                                let edit = move |f: fn(&mut Replacement, String), text: String| {
                                    rows.update(|rs| if let Some(r) = rs.iter_mut().find(|r| r.key == key) { f(&mut r.replacement, text) });
                                };
                                let number = move || position().map_or(0, |p| p + 1);
                                let count = move || {
                                    let n = position().and_then(|p| result.with(|r| r.counts.get(p).copied())).unwrap_or(0);
                                    match n { 0 => "Not found".to_string(), 1 => "1 place".to_string(), n => format!("{n} places") }
                                };
                                view! {
                                    <tr>
                                        <td>
                                            <input type="text" id=format!("anon-term-{key}")
                                                aria-label=move || format!("Name or place {}", number())
                                                prop:value=move || value(|r| r.term.clone())
                                                on:input=move |ev| edit(|r, t| r.term = t, event_target_value(&ev))/>
                                        </td>
                                        <td>
                                            <input type="text"
                                                aria-label=move || format!("Replacement {}", number())
                                                prop:value=move || value(|r| r.with.clone())
                                                on:input=move |ev| edit(|r, t| r.with = t, event_target_value(&ev))/>
                                        </td>
                                        <td class="anonymise-count">{count}</td>
                                        <td>
                                            <button type="button" class="button-quiet"
                                                aria-label=move || format!("Remove {}", number())
                                                on:click=move |_| rows.update(|rs| rs.retain(|r| r.key != key))>"Remove"</button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                <div class="dialog-actions anonymise-add">
                    <button type="button" class="button-secondary" on:click=move |_| add("")>"Add a name"</button>
                    <button type="button" class="button-secondary" on:click=move |_| add(PLACE_PLACEHOLDER)>"Add a place"</button>
                </div>
                <p class="hint">"The list starts with every name, address, postcode and place the suggestions found. "
                    "A name found in the text starts as “[name]”: write the person’s role or pseudonym instead (a title such as “Mrs” or “PC” goes with it). "
                    "A place is replaced with “" {PLACE_PLACEHOLDER} "”; clear its replacement to take the place name out altogether."</p>
                {move || result.with(|r| r.child_name_left_in.clone()).map(|name| view! {
                    <p class="warn-text" role="alert">
                        "The child’s name “" {name} "” is still in the copy: add it to the list."
                    </p>
                })}

                <h3 id="anonymise-preview">"Preview: " {move || match total() { 1 => "1 change".to_string(), n => format!("{n} changes") }}</h3>
                <div class="anonymise-preview" role="region" aria-labelledby="anonymise-preview" tabindex="0">
                    {move || result.with(|r| {
                        if r.changes.is_empty() {
                            return view! { <p class="muted">"Nothing is replaced yet."</p> }.into_any();
                        }
                        let more = r.changes.len().saturating_sub(PREVIEW_LIMIT);
                        view! {
                            <ol class="preview-list">
                                {r.changes.iter().take(PREVIEW_LIMIT).map(|c| view! {
                                    <li>
                                        <p class="preview-place">{c.place}</p>
                                        <p class="preview-before"><span class="preview-label">"Before: "</span>{c.before.clone()}</p>
                                        <p class="preview-after"><span class="preview-label">"After: "</span>{c.after.clone()}</p>
                                    </li>
                                }).collect_view()}
                            </ol>
                            {(more > 0).then(|| view! { <p class="muted">{format!("…and {more} more changed passages.")}</p> })}
                        }.into_any()
                    })}
                </div>

                <div class="dialog-actions">
                    <button type="button" class="button-primary" on:click=download>"Save anonymised file"</button>
                    {word.is_some().then(|| view! {
                        <button type="button" class="button-secondary" on:click=save_word>"Save anonymised Word document"</button>
                    })}
                    {print_view.is_some().then(|| view! {
                        <button type="button" class="button-secondary" on:click=print>"Open anonymised print view"</button>
                    })}
                    <button type="button" class="button-secondary" on:click=move |_| on_close.run(())>"Cancel"</button>
                </div>
            </div>
        </ModalDialog>
    }
}
