//! The Changes view of a review: every change saved to it on any laptop (who, when, and
//! what it added, changed or removed), newest first; any earlier version opened read-only or saved as a separate copy; and
//! who added and last changed each item.

use leptos::prelude::*;

use crate::model::{Review, ReviewId};
use crate::storage::merge_summary::readable_lines;
use crate::storage::review_history::{ChangeEntry, ItemAuthorship};
use crate::ui::browser::{format_local, navigate, new_id, now};
use crate::ui::contexts::{NoticeContext, StoreContext};
use crate::ui::route::Route;
use crate::ui::widgets::ModalDialog;

fn when(entry: &ChangeEntry) -> String {
    entry.at.map(format_local).unwrap_or_else(|| "at an unknown time".into())
}

/// The list of changes of review `id`.
#[component]
pub fn ChangesDialog(id: ReviewId, on_close: Callback<()>) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let store = expect_context::<StoreContext>().store();
    let entries = RwSignal::new(None::<Result<Vec<ChangeEntry>, String>>);
    let version = RwSignal::new(None::<(String, Review)>);
    let authors = RwSignal::new(None::<Vec<ItemAuthorship>>);
    {
        let store = store.clone();
        leptos::task::spawn_local(async move {
            let result = match store {
                Ok(store) => match store.load_history(id).await {
                    Ok((_, mut history)) => {
                        let mut list = history.entries();
                        list.reverse();
                        Ok(list)
                    }
                    Err(e) => Err(e.to_string()),
                },
                Err(e) => Err(e.to_string()),
            };
            entries.try_set(Some(result));
        });
    }
    let open_version = {
        let store = store.clone();
        move |entry: ChangeEntry, copy: bool| {
            let Ok(store) = store.clone() else { return };
            leptos::task::spawn_local(async move {
                let review = match store.load_history(id).await {
                    Ok((_, mut history)) => history.review_at(entry.hash).map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                match review {
                    Ok(review) if copy => {
                        let mut c = review.duplicate(new_id(), now());
                        c.title = format!("{} (as it was {})", review.title, when(&entry));
                        match store.save(&c, 0).await {
                            Ok(_) => {
                                notices.say(format!("Saved “{}” as a separate review.", c.title));
                                navigate(&Route::Review(c.id).href());
                            }
                            Err(e) => notices.warn(format!("The copy could not be saved. {e}")),
                        }
                    }
                    Ok(review) => {
                        version.try_set(Some((format!("As it was {} (saved by {})", when(&entry), entry.by), review)));
                    }
                    Err(e) => notices.warn(format!("That version could not be opened: {e}")),
                }
            });
        }
    };
    let show_authors = {
        let store = store.clone();
        move |_| {
            let Ok(store) = store.clone() else { return };
            leptos::task::spawn_local(async move {
                match store.load_history(id).await {
                    Ok((_, mut history)) => {
                        authors.try_set(Some(history.who_wrote_what()));
                    }
                    Err(e) => notices.warn(format!("The history could not be read. {e}")),
                }
            });
        }
    };
    view! {
        <ModalDialog title="Changes to this review" on_cancel=on_close>
            <div class="changes-view">
                {move || version.get().map(|(heading, review)| view! {
                    <section class="version-view" aria-label=heading.clone()>
                        <h3>{heading.clone()}</h3>
                        <p class="hint">"Read-only. To work from this version, save it as a copy."</p>
                        <h4>{review.title.clone()}</h4>
                        <dl class="version-lines">
                            {readable_lines(&review).into_iter().map(|(label, text)| view! {
                                <dt>{label}</dt><dd>{text}</dd>
                            }).collect_view()}
                        </dl>
                        <button class="button-secondary" on:click=move |_| version.set(None)>"Back to the list of changes"</button>
                    </section>
                })}
                <Show when=move || version.with(Option::is_none)>
                    {
                        let open_version = open_version.clone();
                        move || match entries.get() {
                            None => view! { <p role="status">"Reading the history…"</p> }.into_any(),
                            Some(Err(e)) => view! { <p role="alert">"The history could not be read: "{e}</p> }.into_any(),
                            Some(Ok(list)) => {
                                let total = list.len();
                                view! {
                                    <p>{format!("{total} saved changes, newest first.")}</p>
                                    <ol class="change-list">
                                        {list.into_iter().enumerate().map(|(i, entry)| {
                                            let (open, copy) = (open_version.clone(), open_version.clone());
                                            let (e1, e2) = (entry.clone(), entry.clone());
                                            let label = format!("{} by {}", when(&entry), entry.by);
                                            view! {
                                                <li class="change-entry">
                                                    <span class="change-when">{when(&entry)}</span>" "
                                                    <span class="change-by">{entry.by.clone()}</span>
                                                    {(i == 0).then(|| view! { <span class="hint">" (the version you see now)"</span> })}
                                                    <span class="change-actions">
                                                        <button class="button-quiet" aria-label=format!("Open read-only: {label}")
                                                            on:click=move |_| open(e1.clone(), false)>"Open read-only"</button>
                                                        <button class="button-quiet" aria-label=format!("Save as a copy: {label}")
                                                            on:click=move |_| copy(e2.clone(), true)>"Save as a copy"</button>
                                                    </span>
                                                    <WhatChanged id=id entry=entry.clone() label=label.clone()/>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                }.into_any()
                            }
                        }
                    }
                    <h3>"Who wrote what"</h3>
                    {
                    let show_authors = show_authors.clone();
                    move || match authors.get() {
                        None => {
                            let show_authors = show_authors.clone();
                            view! {
                                <button class="button-secondary" on:click=move |ev| show_authors(ev)>"Show who added and last changed each item"</button>
                            }.into_any()
                        }
                        Some(list) if list.is_empty() => view! { <p>"No items yet."</p> }.into_any(),
                        Some(list) => view! {
                            <ul class="who-wrote-what">
                                {list.into_iter().map(|a| view! {
                                    <li>{a.words}": added by "{a.added.by.clone()}" "{when(&a.added)}
                                        {(a.added.hash != a.last_changed.hash).then(|| format!("; last changed by {} {}", a.last_changed.by, when(&a.last_changed)))}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }}
                </Show>
                <div class="dialog-actions">
                    <button class="button-primary" on:click=move |_| on_close.run(())>"Close"</button>
                </div>
            </div>
        </ModalDialog>
    }
}

/// What one change did, shown when asked for (working it out reads the review as it was
/// before and after the change).
#[component]
fn WhatChanged(id: ReviewId, entry: ChangeEntry, label: String) -> impl IntoView {
    let store = expect_context::<StoreContext>().store();
    let detail = RwSignal::new(None::<Result<Vec<(&'static str, String)>, String>>);
    let show = move |_| {
        if detail.get_untracked().is_some() {
            detail.set(None);
            return;
        }
        let Ok(store) = store.clone() else { return };
        let hash = entry.hash;
        leptos::task::spawn_local(async move {
            let result = match store.load_history(id).await {
                Ok((_, mut history)) => history.what_changed(hash).map_err(|e| e.to_string()).map(|summary| match summary {
                    None => vec![("", "The review was begun.".to_string())],
                    Some(s) => {
                        let mut lines: Vec<(&'static str, String)> = Vec::new();
                        lines.extend(s.added.into_iter().map(|p| ("Added", p.label)));
                        lines.extend(s.changed.into_iter().map(|p| ("Changed", p.label)));
                        lines.extend(s.removed.into_iter().map(|p| ("Removed", p.label)));
                        if lines.is_empty() {
                            lines.push(("", "Nothing you can see (the review's layout or this device's details).".to_string()));
                        }
                        lines
                    }
                }),
                Err(e) => Err(e.to_string()),
            };
            detail.try_set(Some(result));
        });
    };
    view! {
        <button class="button-quiet" aria-expanded=move || detail.with(Option::is_some).to_string()
            aria-label=format!("What changed: {label}") on:click=show>"What changed"</button>
        {move || detail.get().map(|d| match d {
            Ok(lines) => view! {
                <ul class="change-detail">
                    {lines.into_iter().map(|(how, place)| view! {
                        <li>{(!how.is_empty()).then(|| view! { <strong>{how}": "</strong> })}{place}</li>
                    }).collect_view()}
                </ul>
            }.into_any(),
            Err(e) => view! { <p role="alert">"What this change did could not be read: "{e}</p> }.into_any(),
        })}
    }
}
