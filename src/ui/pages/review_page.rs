//! The review screen: one review open for editing, its title and delete-by date, the save
//! indicator, the exports (ordinary, with a passphrase, anonymised), and the method's
//! sections. Every edit goes through the model and is saved automatically.

use std::rc::Rc;

use leptos::prelude::*;

use crate::export::download::download_text;
use crate::export::file_name::file_name;
use crate::model::{Review, ReviewId};
use crate::storage::file_format::write_file;
use crate::storage::tab_sync::TabNotice;
use crate::storage::StoredReview;
use crate::ui::autosave::{Autosave, SaveStatus};
use crate::ui::browser::{navigate, new_id, now};
use crate::storage::indexed_db_store::STORAGE_CLOSED_EVENT;
use crate::ui::contexts::{JournalContext, NoticeContext, StoreContext, TabContext};
use crate::ui::route::{PrintView, Route};
use crate::ui::sections::cd_watch::CdWatch;
use crate::ui::sections::lt_watch::LtWatch;
use crate::ui::sections::discussion_board::DiscussionBoard;
use crate::ui::sections::{CaseDiscussionSections, LearningTogetherSections, PreparationSections, ReviewContext};
use crate::ui::shared_folder::{self, wait_until_saved, SharedFileStatus, SharedFolder, SharedFolderDialog, SharedPhase};
use crate::ui::widgets::{
    AnonymiseDialog, ChangesDialog, MergeSummaryDialog, ProtectedExportDialog, ReviewLoader, SaveIndicator, WordExport, WordExportButton,
};

/// An export dialog open over the review.
#[derive(Clone, Copy, PartialEq)]
enum ExportDialog {
    Protected,
    Anonymised,
    Changes,
    SharedFolder,
}

/// Loads the review, then shows its editor. A review linked to a file in the team's
/// shared folder first brings in what colleagues wrote there; the editor is opened again
/// on the stored review whenever the shared file brings something in.
#[component]
pub fn ReviewPage(id: ReviewId) -> impl IntoView {
    let shared = SharedFolder::start(id);
    provide_context(shared);
    let summary = move || {
        let report = shared.report.get()?;
        let store = expect_context::<StoreContext>().store().ok()?;
        Some(view! {
            <MergeSummaryDialog report=report store=store shared_file=true
                on_close=Callback::new(move |_| shared.report.set(None))
                on_change=Callback::new(move |_| {
                    shared.generation.update(|g| *g += 1);
                    shared.saved();
                })/>
        })
    };
    view! {
        {move || match shared.phase.get() {
            SharedPhase::Opening => view! { <div class="page"><p class="muted">"Opening the review…"</p></div> }.into_any(),
            SharedPhase::BringingIn => view! {
                <div class="page"><p class="muted" role="status">"Bringing in the team's changes from the shared file…"</p></div>
            }.into_any(),
            SharedPhase::Editing => {
                shared.generation.track();
                view! {
                    <ReviewLoader id=id waiting="Opening the review…" failed="This review could not be opened" back_href="#/"
                        ready=Box::new(|stored| view! { <ReviewEditor stored=stored/> }.into_any())/>
                }.into_any()
            }
        }}
        {summary}
    }
}

/// True when a key went to a box that takes text (where the browser undoes words).
fn in_text_box(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// The editor for one loaded review.
#[component]
fn ReviewEditor(stored: StoredReview) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let tabs = expect_context::<TabContext>();
    let store = match expect_context::<StoreContext>().store() {
        Ok(s) => s,
        Err(e) => return view! { <p role="alert">{e.to_string()}</p> }.into_any(),
    };
    // New items made here get ids from this device's block, so they never share an id
    // with items added on another laptop (see model::id_blocks).
    let mut opened = stored.review;
    opened.use_id_block(store.author().id_block());
    let review = RwSignal::new(opened);
    // The method never changes while the review is open; reading it through a memo keeps
    // the editor from being rebuilt (and losing focus) on every keystroke.
    let kind = Memo::new(move |_| review.with(|r| r.kind()));
    let status = RwSignal::new(SaveStatus::Saved);
    let journal = expect_context::<JournalContext>();
    let autosave = Autosave::new(store.clone(), review, stored.revision, status, Rc::clone(&tabs.sync), Rc::clone(&journal.0));
    let id = review.get_untracked().id;

    // Every change to the review signal is counted by autosave (which reads the review
    // itself, without a copy).
    {
        let autosave = autosave.clone();
        Effect::new(move |first: Option<()>| {
            review.track();
            if first.is_some() {
                autosave.changed();
            }
        });
    }
    // Another tab saved this review: stop saving here if its copy is newer.
    {
        let autosave = autosave.clone();
        Effect::new(move |_| {
            if let Some(TabNotice::Saved { id: saved, revision }) = tabs.last_notice.get() {
                if saved == id {
                    autosave.other_tab_saved(revision);
                }
            }
        });
    }
    // Save at once when the tab is hidden or the page is closing.
    let hidden = {
        let autosave = autosave.clone();
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                autosave.flush();
            }
        })
    };
    let pagehide = {
        let autosave = autosave.clone();
        window_event_listener(leptos::ev::pagehide, move |_| autosave.flush())
    };
    // Another page closed or deleted the database: stop saying "Saved" at once.
    let closed = {
        let autosave = autosave.clone();
        window_event_listener_untyped(STORAGE_CLOSED_EVENT, move |_| autosave.storage_closed())
    };
    {
        let autosave = send_wrapper::SendWrapper::new(autosave.clone());
        on_cleanup(move || {
            // Leaving the review for another screen: write what is pending.
            autosave.close();
            hidden.remove();
            pagehide.remove();
            closed.remove();
        });
    }
    provide_context(ReviewContext(review));
    // A case discussion is watched part by part, so a keystroke wakes only what shows it;
    // the watcher also keeps the discussion's undo.
    let watch = CdWatch::start(review);
    provide_context(watch);
    // A Learning Together review is watched part by part too (without an undo).
    LtWatch::start(review);
    // Ctrl+Z (and Ctrl+Shift+Z or Ctrl+Y) anywhere on the discussion outside a text box
    // takes back (or does again) the last change, wherever it was made; inside a text box
    // the browser's own undo works on the words. The tree board handles its own keys.
    let undo_keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || ev.default_prevented() || kind.get_untracked() != crate::model::ReviewKind::CaseDiscussion {
            return;
        }
        let key = ev.key();
        let forward = match key.as_str() {
            "z" | "Z" => ev.shift_key(),
            "y" | "Y" => true,
            _ => return,
        };
        if in_text_box(&ev) {
            return;
        }
        ev.prevent_default();
        let parts = if forward { watch.redo() } else { watch.undo() };
        let verb = if forward { "Redone" } else { "Undone" };
        match parts.as_slice() {
            [] => notices.say(if forward { "Nothing to redo." } else { "Nothing to undo." }),
            [one] => notices.say(format!("{verb}: a change to {}.", one.label())),
            _ => notices.say(format!("{verb}: a change to several parts.")),
        }
    });
    on_cleanup(move || undo_keys.remove());
    // The history is read a moment after opening, not at the first save: reading a long
    // history takes a while, and the first save comes while the person is typing.
    {
        let store = store.clone();
        let revision = stored.revision;
        leptos::task::spawn_local(async move {
            crate::storage::device_lock::sleep_ms(300).await;
            store.warm_history(id, revision).await;
        });
    }
    {
        let autosave = autosave.clone();
        shared_folder::attach(expect_context::<SharedFolder>(), status, move || autosave.flush());
    }

    // The file carries the saved copy and its history, so it can be merged on another
    // laptop: the edits on screen, and the mark that it was exported, are saved first (so
    // the file holds everything this copy has, and bringing it in elsewhere adds to it).
    let export = {
        let autosave = autosave.clone();
        let store = store.clone();
        move |_| {
            review.update(|r| r.mark_exported(now()));
            let r = review.get_untracked();
            let when = r.last_exported.unwrap_or_else(now);
            let name = file_name(&r.title, when.date_naive(), "json");
            let store = store.clone();
            let autosave = autosave.clone();
            leptos::task::spawn_local(async move {
                // Once autosave has the mark (its effect runs first), it is saved at once
                // rather than after the pause for typing.
                leptos::task::tick().await;
                // The save keeps the text it writes, and the file is made from it.
                store.keep_text_of_next_save(r.id);
                autosave.flush();
                let saved = wait_until_saved(status).await;
                let text = match (saved, store.file_text_of_saved(r.id, when).await) {
                    (true, Ok(text)) => text,
                    _ => {
                        notices.warn("The latest edits are not saved yet, so this file has no history: it imports, but merges less well.");
                        write_file(std::slice::from_ref(&r), when)
                    }
                };
                match download_text(&name, "application/json", &text) {
                    Ok(()) => notices.say(format!("Exported to “{name}”. Keep it somewhere safe: it holds the case notes.")),
                    Err(e) => notices.warn(format!("The export could not be saved: {e}.")),
                }
            });
        }
    };
    let save_copy = {
        let autosave = autosave.clone();
        let store = store.clone();
        move |_| {
            let Some(latest) = autosave.latest() else { return };
            let copy: Review = {
                let mut c = latest.duplicate(new_id(), now());
                c.title = format!("{} (my edits)", latest.title);
                c
            };
            let store = store.clone();
            leptos::task::spawn_local(async move {
                match store.save(&copy, 0).await {
                    Ok(_) => {
                        notices.say(format!("Your edits are saved as “{}”.", copy.title));
                        navigate(&Route::Review(copy.id).href());
                    }
                    Err(e) => notices.warn(format!("The copy could not be saved. {e}")),
                }
            });
        }
    };
    let retry = {
        let autosave = autosave.clone();
        move |_| autosave.retry()
    };
    let reload = move |_| {
        let _ = window().location().reload();
    };
    let export_button = export.clone();
    // Board mode survives a reload of this tab (the wall is not part of the review).
    let board = RwSignal::new(crate::storage::board_session::load(id).board_mode);
    Effect::new(move |_| {
        let on = board.get();
        crate::storage::board_session::update(id, |s| s.board_mode = on);
    });
    let export_dialog = RwSignal::new(None::<ExportDialog>);
    let close_dialog = Callback::new(move |_| export_dialog.set(None));
    let exported_at = Callback::new(move |when| review.update(|r| r.mark_exported(when)));

    view! {
        <div class="page review-page" class:is-board=move || board.get()>
            <Show when=move || !board.get()>
            <div class="review-toolbar">
                <nav aria-label="Breadcrumb" class="breadcrumb">
                    <a href="#/">"Your reviews"</a>
                    <span aria-hidden="true">" › "</span>
                    <span>{move || kind.get().label()}</span>
                </nav>
                <SaveIndicator status=status/>
                {move || (kind.get() == crate::model::ReviewKind::CaseDiscussion).then(|| view! {
                    <a class="button button-quiet" href=Route::Print(id, PrintView::Notes).href()>"Print notes"</a>
                    <a class="button button-quiet" href=Route::Print(id, PrintView::ToolSheet).href()>"Print tool sheet"</a>
                    <WordExportButton which=WordExport::CaseDiscussionNotes class="button-quiet"/>
                })}
                {move || (kind.get() == crate::model::ReviewKind::LearningTogether).then(|| view! {
                    <a class="button button-quiet" href=Route::Print(id, PrintView::Report).href()>"Print report"</a>
                    <WordExportButton which=WordExport::LearningTogetherReport class="button-quiet"/>
                })}
                {move || (kind.get() == crate::model::ReviewKind::CaseDiscussion).then(|| view! {
                    <button class="button-secondary" on:click=move |_| board.set(true)>"Board mode"</button>
                })}
                <button class="button-quiet" on:click=move |_| export_dialog.set(Some(ExportDialog::Changes))>"Changes"</button>
                <SharedFileStatus on_open=Callback::new(move |_| export_dialog.set(Some(ExportDialog::SharedFolder)))/>
                <div class="export-group" role="group" aria-label="Export">
                    <button class="button-secondary" on:click=export_button.clone()>"Export file"</button>
                    <button class="button-secondary" on:click=move |_| export_dialog.set(Some(ExportDialog::Protected))>
                        "Export with passphrase"
                    </button>
                    <button class="button-secondary" on:click=move |_| export_dialog.set(Some(ExportDialog::Anonymised))>
                        "Anonymised copy"
                    </button>
                </div>
            </div>
            </Show>
            {move || export_dialog.get().map(|d| match d {
                ExportDialog::Protected => view! {
                    <ProtectedExportDialog review=review.get_untracked() on_close=close_dialog on_exported=exported_at/>
                }.into_any(),
                ExportDialog::Anonymised => view! {
                    <AnonymiseDialog review=review.get_untracked() on_close=close_dialog/>
                }.into_any(),
                ExportDialog::Changes => view! {
                    <ChangesDialog id=id on_close=close_dialog/>
                }.into_any(),
                ExportDialog::SharedFolder => view! {
                    <SharedFolderDialog title=review.with_untracked(|r| r.title.clone()) on_close=close_dialog/>
                }.into_any(),
            })}
            {move || match status.get() {
                SaveStatus::Conflict => view! {
                    <div class="callout callout-error" role="alert">
                        <h2>"This review was changed in another tab or window"</h2>
                        <p>"To keep both people's work, this tab has stopped saving. Nothing has been overwritten. "
                           "Save your edits from this tab as a separate copy, or load the newer version."</p>
                        <div class="dialog-actions">
                            <button class="button-primary" on:click=save_copy.clone()>"Save my edits as a copy"</button>
                            <button class="button-secondary" on:click=reload>"Load the newer version"</button>
                        </div>
                    </div>
                }.into_any(),
                SaveStatus::Failed(e) => view! {
                    <div class="callout callout-error" role="alert">
                        <h2>"Your latest edits are not saved"</h2>
                        <p>{e.to_string()}</p>
                        <div class="dialog-actions">
                            <button class="button-primary" on:click=export.clone()>"Export to a file now"</button>
                            <button class="button-secondary" on:click=retry.clone()>"Try saving again"</button>
                        </div>
                    </div>
                }.into_any(),
                _ => ().into_any(),
            }}
            <Show when=move || board.get()>
                <DiscussionBoard status=status on_leave=Callback::new(move |_| board.set(false))/>
            </Show>
            <Show when=move || !board.get()>
            <div class="review-title-row">
                <label class="field title-field">
                    <span>"Review title"</span>
                    <input type="text" class="title-input"
                        prop:value=move || review.with(|r| r.title.clone())
                        on:input=move |ev| review.update(|r| r.retitle_as_typed(&event_target_value(&ev), now()))/>
                </label>
                <div class="field delete-by-field">
                    <label for="delete-by">"Delete by (optional)"</label>
                    <input type="date" id="delete-by" aria-describedby="delete-by-hint"
                        prop:value=move || review.with(|r| r.delete_by.map(|d| d.to_string()).unwrap_or_default())
                        on:input=move |ev| {
                            // Handed over as soon as the date is whole; clearing waits for the change.
                            if let Ok(date) = event_target_value(&ev).parse::<chrono::NaiveDate>() {
                                review.update(|r| r.set_delete_by(Some(date), now()));
                            }
                        }
                        on:change=move |ev| {
                            let date = event_target_value(&ev).parse::<chrono::NaiveDate>().ok();
                            review.update(|r| r.set_delete_by(date, now()));
                        }/>
                    <p id="delete-by-hint" class="hint field-hint">"From your retention policy. The list of reviews says when it has passed."</p>
                </div>
            </div>
            {move || match kind.get() {
                crate::model::ReviewKind::CaseDiscussion => view! { <CaseDiscussionSections/> }.into_any(),
                crate::model::ReviewKind::LearningTogether => view! { <LearningTogetherSections/> }.into_any(),
                crate::model::ReviewKind::Preparation => view! { <PreparationSections/> }.into_any(),
            }}
            </Show>
        </div>
    }
    .into_any()
}
