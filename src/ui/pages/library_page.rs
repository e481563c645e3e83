//! The library is the first screen: the reviews kept in this browser, with ways to start a
//! new case discussion or Learning Together review, open a review file (asking for its
//! passphrase if it is protected), and look after each review (rename, duplicate, export,
//! delete with undo). Reviews past their delete-by date are listed first, with an offer
//! to export each to a file and then delete it.


use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::export::download::download_text;
use crate::export::file_name::file_name;
use crate::model::{past_delete_by, Review, ReviewId, ReviewKind, SummaryFilter};
use crate::storage::encryption::decrypt_file;
use crate::storage::envelope::EncryptedFile;
use crate::storage::bring_in::{bring_in, BringInReport};
use crate::storage::envelope::may_be_protected;
use crate::storage::import_batch::interrupted_import;
use crate::storage::import_error::ImportError;
use crate::storage::passphrase_backoff::{PassphrasePrompt, PassphraseWait};
use crate::ui::import_steps::{read_bytes, read_reviews, ImportStage};
use crate::storage::LockStatus;
use crate::storage::shared_file::{SharedFile, SharedFileError, SharedFolderSupport, SharedLink};
use crate::ui::app_lock::AppLock;
use crate::storage::tab_sync::TabNotice;
use crate::storage::review_store::request_persistence;
use crate::storage::{LibraryEntry, ReviewStore};
use crate::ui::browser::{focus_when_ready, format_local, local_today, long_date, navigate, new_id, now};
use crate::ui::contexts::{NoticeContext, StoreContext, TabContext};
use crate::ui::route::Route;
use crate::ui::widgets::{DeviceNameSetting, ImportProgress, LocalFileNote, MergeSummaryDialog, ModalDialog};

/// A question the library is waiting for the person to answer.
#[derive(Clone)]
enum Pending {
    Rename(LibraryEntry),
    Delete(LibraryEntry),
    /// What a file brought into reviews already here (see `storage::bring_in`).
    BroughtIn(BringInReport),
    /// A passphrase-protected file waiting for its passphrase.
    ImportProtected { name: String, file: EncryptedFile },
}

/// The list of reviews on this device.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let store_ctx = expect_context::<StoreContext>();
    let notices = expect_context::<NoticeContext>();
    let tabs = expect_context::<TabContext>();
    let entries = RwSignal::new(Vec::<LibraryEntry>::new());
    let loaded = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let kind_filter = RwSignal::new(None::<ReviewKind>);
    let pending = RwSignal::new(None::<Pending>);
    let import_stage = RwSignal::new(None::<ImportStage>);
    let store = store_ctx.store();

    // An import the page never came back from (closed, crashed) is reported once.
    if let Ok(store) = store.clone() {
        leptos::task::spawn_local(async move {
            if let Some(interrupted) = interrupted_import(&store).await {
                if interrupted.stored {
                    notices.say(interrupted.message());
                } else {
                    notices.warn(interrupted.message());
                }
            }
        });
    }

    let refresh = {
        let store = store.clone();
        move || {
            if let Ok(store) = store.clone() {
                leptos::task::spawn_local(async move {
                    match store.list().await {
                        Ok(list) => entries.try_set(list),
                        Err(e) => {
                            notices.warn(format!("The list of reviews could not be read. {e}"));
                            None
                        }
                    };
                    loaded.try_set(true);
                });
            }
        }
    };
    refresh();
    {
        let refresh = refresh.clone();
        Effect::new(move |first: Option<()>| {
            tabs.last_notice.track();
            if first.is_some() {
                refresh();
            }
        });
    }

    let create = {
        let store = store.clone();
        let tabs = tabs.clone();
        move |kind: ReviewKind| {
            let Ok(store) = store.clone() else { return };
            let tabs = tabs.clone();
            let review = Review::new(new_id(), kind, now());
            leptos::task::spawn_local(async move {
                match store.save(&review, 0).await {
                    Ok(_) => {
                        // Now that there is something to lose, ask the browser to keep it.
                        leptos::task::spawn_local(async {
                            request_persistence().await;
                        });
                        tabs.announce(TabNotice::LibraryChanged);
                        navigate(&Route::Review(review.id).href());
                    }
                    Err(e) => notices.warn(format!("The new review could not be started. {e}")),
                }
            });
        }
    };

    // Brings in a file's reviews; gives back the ids of the reviews it held when all of
    // them came in (so a shared file can be linked to its review).
    let import_bytes = {
        let store = store.clone();
        let refresh = refresh.clone();
        let tabs = tabs.clone();
        move |name: String, bytes: Vec<u8>| {
            let store = store.clone();
            let refresh = refresh.clone();
            let tabs = tabs.clone();
            async move {
                let Ok(store) = store else { return Vec::new() };
                // A protected file names its format; an ordinary file is read (and checked) below.
                if may_be_protected(&bytes) {
                    if let Ok(text) = std::str::from_utf8(&bytes) {
                        match EncryptedFile::parse(text) {
                            Ok(Some(file)) => {
                                import_stage.set(None);
                                pending.set(Some(Pending::ImportProtected { name, file }));
                                return Vec::new();
                            }
                            Ok(None) => {}
                            Err(e) => {
                                import_stage.set(None);
                                notices.warn(format!("“{name}” was not imported. {e}"));
                                return Vec::new();
                            }
                        }
                    }
                }
                let incoming = match read_reviews(bytes, std::rc::Rc::new(move |s| { import_stage.try_set(Some(s)); })).await {
                    Ok(r) => r,
                    Err(e) => {
                        import_stage.set(None);
                        notices.warn(format!("“{name}” was not imported. {e}"));
                        return Vec::new();
                    }
                };
                let ids: Vec<ReviewId> = incoming.iter().map(|r| r.review.id).collect();
                // A review already here is merged with its copy, never replaced or doubled;
                // everything the file brings is stored in one go, or nothing is.
                let report = bring_in(&store, incoming, &move |p| { import_stage.try_set(Some(p.into())); }).await;
                import_stage.set(None);
                let sentence = report.sentence(&name);
                let all_in = report.failures.is_empty();
                if report.failures.is_empty() {
                    notices.say(sentence);
                } else {
                    notices.warn(sentence);
                }
                if !report.combined.is_empty() {
                    pending.set(Some(Pending::BroughtIn(report)));
                }
                tabs.announce(TabNotice::LibraryChanged);
                refresh();
                if all_in { ids } else { Vec::new() }
            }
        }
    };

    // Created once for the page: the passphrase dialog hands the opened file back here.
    let import_opened = {
        let import_bytes = import_bytes.clone();
        Callback::new(move |(name, text): (String, String)| {
            let import = import_bytes(name, text.into_bytes());
            leptos::task::spawn_local(async move {
                import.await;
            })
        })
    };

    let export_then_delete = {
        let store = store.clone();
        let refresh = refresh.clone();
        move |id: ReviewId| {
            let Ok(store) = store.clone() else { return };
            let refresh = refresh.clone();
            leptos::task::spawn_local(async move {
                if !export_one(&store, id, notices).await {
                    return;
                }
                refresh();
                match store.list().await.map(|list| list.into_iter().find(|e| e.summary.id == id)) {
                    Ok(Some(entry)) => pending.set(Some(Pending::Delete(entry))),
                    Ok(None) => notices.say("That review had already been deleted."),
                    Err(e) => notices.warn(format!("The review could not be found. {e}")),
                }
            });
        }
    };

    let file_input = NodeRef::<leptos::html::Input>::new();
    let read_files = {
        let import_bytes = import_bytes.clone();
        move |files: web_sys::FileList| {
            if import_stage.get_untracked().is_some() {
                notices.say("A file is being imported. Please wait until it has finished, then open the next one.");
                return;
            }
            let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.item(i)).collect();
            let import_bytes = import_bytes.clone();
            leptos::task::spawn_local(async move {
                for file in files {
                    let name = file.name();
                    if file.size() > crate::storage::file_format::MAX_FILE_BYTES as f64 {
                        notices.warn(format!(
                            "“{name}” was not imported: it is larger than any review file this app writes."
                        ));
                        continue;
                    }
                    match read_bytes(&file, std::rc::Rc::new(move |s| { import_stage.try_set(Some(s)); })).await {
                        // One file at a time, each to its end, so the progress bar tells of one.
                        Some(bytes) => {
                            import_bytes(name, bytes).await;
                        }
                        None => {
                            import_stage.set(None);
                            notices.warn(format!("“{name}” could not be read."));
                        }
                    }
                }
            });
        }
    };

    // A review's file in the team's shared folder: brought in like any file, then linked,
    // so opening the review brings in colleagues' changes and saving writes back.
    let shared_folder = store.as_ref().map(|s| s.shared_folder_support()).unwrap_or(SharedFolderSupport::NoDatabase);
    let open_shared = {
        let import_bytes = import_bytes.clone();
        let store = store.clone();
        move |_| {
            let import_bytes = import_bytes.clone();
            let store = store.clone();
            leptos::task::spawn_local(async move {
                let file = match SharedFile::choose_existing().await {
                    Ok(file) => file,
                    Err(SharedFileError::Cancelled) => return,
                    Err(e) => return notices.warn(e.to_string()),
                };
                let name = file.name();
                let (bytes, modified) = match file.read().await {
                    Ok(read) => read,
                    Err(e) => return notices.warn(e.to_string()),
                };
                let ids = import_bytes(name.clone(), bytes).await;
                let (Ok(store), [id]) = (store, ids.as_slice()) else {
                    if ids.len() > 1 {
                        notices.warn(format!("“{name}” holds {} reviews, so it was brought in but not linked: a shared file holds one review.", ids.len()));
                    }
                    return;
                };
                let link = SharedLink { file, known_modified: Some(modified), synced_at: Some(now()) };
                match store.set_shared_link(*id, Some(&link)).await {
                    Ok(()) => notices.say(format!("Brought in “{name}” and linked the review to it: opening the review brings in the team's changes.")),
                    Err(e) => notices.warn(format!("The review was brought in, but could not be linked to “{name}”. {e}")),
                }
            });
        }
    };

    // Dropping a file anywhere on the library imports it.
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = {
        let read_files = read_files.clone();
        window_event_listener(leptos::ev::drop, move |ev| {
            ev.prevent_default();
            if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
                read_files(files);
            }
        })
    };
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });

    let export_all = {
        let store = store.clone();
        let refresh = refresh.clone();
        move |_| {
            let Ok(store) = store.clone() else { return };
            let refresh = refresh.clone();
            leptos::task::spawn_local(async move {
                let list = entries.get_untracked();
                let mut reviews = Vec::new();
                for e in &list {
                    if let Ok(s) = store.load(e.summary.id).await {
                        reviews.push((s.review, s.revision));
                    }
                }
                if reviews.is_empty() {
                    notices.say("There are no reviews to export yet.");
                    return;
                }
                let when = now();
                let ids: Vec<ReviewId> = reviews.iter().map(|(r, _)| r.id).collect();
                let text = match store.file_text(&ids, when).await {
                    Ok((text, _)) => text,
                    Err(e) => {
                        notices.warn(format!("The export could not be made. {e}"));
                        return;
                    }
                };
                let name = file_name("case-review-studio-all-reviews", when.date_naive(), "json");
                match download_text(&name, "application/json", &text) {
                    Ok(()) => {
                        for (mut r, rev) in reviews {
                            r.mark_exported(when);
                            let _ = store.save(&r, rev).await;
                        }
                        notices.say(format!("Exported {} reviews to “{name}”.", ids.len()));
                        refresh();
                    }
                    Err(e) => notices.warn(format!("The export could not be saved: {e}.")),
                }
            });
        }
    };

    let filtered = move || {
        let filter = SummaryFilter { text: search.get(), kind: kind_filter.get() };
        let summaries: Vec<_> = entries.get().into_iter().map(|e| e.summary).collect();
        filter.apply(&summaries)
    };
    let unexported = move || entries.with(|es| es.iter().filter(|e| e.summary.has_unexported_changes()).count());

    let overdue = move || {
        let summaries: Vec<_> = entries.with(|es| es.iter().map(|e| e.summary.clone()).collect());
        past_delete_by(&summaries, local_today())
    };
    let lock = expect_context::<AppLock>();
    let privacy_line = move || match lock.status.get() {
        LockStatus::Off => "Reviews on this device are not encrypted.",
        _ => "Reviews on this device are encrypted with your passphrase.",
    };

    let store_problem = store.as_ref().err().map(|e| e.to_string());
    let create_cd = create.clone();
    let (list_store, list_refresh, list_tabs) = (store.clone(), refresh.clone(), tabs.clone());
    let create_lt = create.clone();
    let create_prep = create.clone();

    view! {
        <div class="page">
            <section class="hero" aria-labelledby="app-title">
                <h1 id="app-title">"Case Review Studio"</h1>
                <p class="lede">
                    "Run and write up child-safeguarding case reviews together: to learn, not to blame. "
                    "Everything you write stays in this browser unless you export it."
                </p>
                <div class="hero-actions">
                    <button class="button-primary" on:click=move |_| create_cd(ReviewKind::CaseDiscussion)>
                        "New case discussion"
                    </button>
                    <button class="button-primary" on:click=move |_| create_lt(ReviewKind::LearningTogether)>
                        "New Learning Together review"
                    </button>
                    <button class="button-secondary" on:click=move |_| create_prep(ReviewKind::Preparation)>
                        "Prepare for a conversation"
                    </button>
                    <button class="button-secondary" on:click=move |_| {
                        if let Some(input) = file_input.get() {
                            input.click();
                        }
                    }>"Open a review file"</button>
                    {(shared_folder == SharedFolderSupport::Available).then(|| view! {
                        <button class="button-secondary" on:click=open_shared.clone()>"Open from a shared folder…"</button>
                    })}
                    <input type="file" accept=".json,application/json" multiple hidden node_ref=file_input
                        aria-label="Review file to open"
                        on:change={
                            let read_files = read_files.clone();
                            move |ev| {
                                let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                                if let Some(files) = input.files() {
                                    read_files(files);
                                }
                                input.set_value("");
                            }
                        }/>
                </div>
                <p class="hint">"You can also drop a review file anywhere on this page."</p>
                <ImportProgress stage=import_stage/>
                <p class="hint privacy-line">{privacy_line} " " <a href="#/privacy">"Privacy on this device"</a></p>
                <DeviceNameSetting/>
            </section>

            <LocalFileNote/>

            {store_problem.map(|p| view! {
                <div class="callout callout-error" role="alert">
                    <h2>"Reviews cannot be kept in this browser"</h2>
                    <p>{p}</p>
                </div>
            })}

            <Show when=move || { unexported() > 0 }>
                <div class="callout">
                    <p>
                        {move || match unexported() {
                            1 => "1 review has changes that are not in an exported file yet.".to_string(),
                            n => format!("{n} reviews have changes that are not in an exported file yet."),
                        }}
                        " Some council laptops clear browser data when they close: an exported file is your safe copy."
                    </p>
                    <button class="button-secondary" on:click=export_all.clone()>"Export all reviews"</button>
                </div>
            </Show>

            {
                let export_then_delete = export_then_delete.clone();
                move || {
                    let due = overdue();
                    (!due.is_empty()).then(|| {
                        let export_then_delete = export_then_delete.clone();
                        view! {
                            <section class="callout retention-callout" aria-labelledby="retention-heading">
                                <h2 id="retention-heading">{match due.len() {
                                    1 => "1 review is past its delete-by date".to_string(),
                                    n => format!("{n} reviews are past their delete-by date"),
                                }}</h2>
                                <p>"Under your retention policy these reviews are due to be deleted from this device. "
                                   "Export each one to a file first if it needs to be kept somewhere else."</p>
                                <ul class="retention-list">
                                    {due.into_iter().map(|s| {
                                        let export_then_delete = export_then_delete.clone();
                                        let id = s.id;
                                        let title = s.title.clone();
                                        view! {
                                            <li>
                                                <span class="retention-title">{s.title.clone()}</span>
                                                <span class="retention-date">
                                                    "Delete by " {s.delete_by.map(long_date).unwrap_or_default()}
                                                </span>
                                                <button type="button" class="button-secondary"
                                                    aria-label=format!("Export and delete {title}")
                                                    on:click=move |_| export_then_delete(id)>"Export and delete"</button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                }
            }

            <section aria-labelledby="reviews-heading" class="library">
                <div class="library-head">
                    <h2 id="reviews-heading">"Your reviews"</h2>
                    <div class="filters">
                        <label>
                            <span>"Search reviews"</span>
                            <input type="search" prop:value=move || search.get()
                                on:input=move |ev| search.set(event_target_value(&ev))/>
                        </label>
                        <label>
                            <span>"Show"</span>
                            <select on:change=move |ev| kind_filter.set(match event_target_value(&ev).as_str() {
                                "cd" => Some(ReviewKind::CaseDiscussion),
                                "lt" => Some(ReviewKind::LearningTogether),
                                "prep" => Some(ReviewKind::Preparation),
                                _ => None,
                            })>
                                <option value="all">"All reviews"</option>
                                <option value="cd">"Case discussions"</option>
                                <option value="lt">"Learning Together reviews"</option>
                                <option value="prep">"Conversation preparations"</option>
                            </select>
                        </label>
                    </div>
                </div>
                {move || {
                    let list = filtered();
                    if !loaded.get() {
                        view! { <p class="muted">"Loading your reviews…"</p> }.into_any()
                    } else if entries.with(|e| e.is_empty()) {
                        view! {
                            <p class="empty">
                                "No reviews yet. Start a case discussion or a Learning Together review, or open a review file."
                            </p>
                        }.into_any()
                    } else if list.is_empty() {
                        view! { <p class="empty">"No reviews match your search."</p> }.into_any()
                    } else {
                        // One lookup table per redraw, not a copy of the whole list per card.
                        let by_id: std::collections::HashMap<ReviewId, LibraryEntry> =
                            entries.get_untracked().into_iter().map(|e| (e.summary.id, e)).collect();
                        view! {
                            <ul class="review-list">
                                {list.into_iter().map(|s| {
                                    let entry = by_id.get(&s.id).cloned();
                                    let for_rename = entry.clone();
                                    let for_delete = entry.clone();
                                    let store = list_store.clone();
                                    let refresh = list_refresh.clone();
                                    let tabs = list_tabs.clone();
                                    let id = s.id;
                                    let title = s.title.clone();
                                    view! {
                                        <li class="review-card">
                                            <div class="review-card-main">
                                                <a class="review-title" href=Route::Review(s.id).href()>{s.title.clone()}</a>
                                                <p class="review-meta">
                                                    <span class="kind-tag">{s.kind.label()}</span>
                                                    <span>"Last changed " {format_local(s.updated)}</span>
                                                    {match s.last_exported {
                                                        Some(t) if !s.has_unexported_changes() =>
                                                            view! { <span>"Exported " {format_local(t)}</span> }.into_any(),
                                                        Some(t) => view! {
                                                            <span class="warn-text">"Changed since export on " {format_local(t)}</span>
                                                        }.into_any(),
                                                        None => view! { <span class="warn-text">"Never exported"</span> }.into_any(),
                                                    }}
                                                    {s.delete_by.map(|d| if s.is_past_delete_by(local_today()) {
                                                        view! { <span class="warn-text">"Past its delete-by date, " {long_date(d)}</span> }.into_any()
                                                    } else {
                                                        view! { <span>"Delete by " {long_date(d)}</span> }.into_any()
                                                    })}
                                                </p>
                                            </div>
                                            <div class="review-card-actions" role="group" aria-label=format!("Actions for {title}")>
                                                <button class="button-quiet" on:click=move |_| {
                                                    if let Some(e) = for_rename.clone() { pending.set(Some(Pending::Rename(e))) }
                                                }>"Rename"</button>
                                                <button class="button-quiet" on:click={
                                                    let store = store.clone();
                                                    let refresh = refresh.clone();
                                                    let tabs = tabs.clone();
                                                    move |_| {
                                                        let Ok(store) = store.clone() else { return };
                                                        let refresh = refresh.clone();
                                                        let tabs = tabs.clone();
                                                        leptos::task::spawn_local(async move {
                                                            match store.load(id).await {
                                                                Ok(s) => {
                                                                    let copy = s.review.duplicate(new_id(), now());
                                                                    match store.save(&copy, 0).await {
                                                                        Ok(_) => notices.say(format!("Made “{}”.", copy.title)),
                                                                        Err(e) => notices.warn(format!("The copy could not be made. {e}")),
                                                                    }
                                                                    tabs.announce(TabNotice::LibraryChanged);
                                                                    refresh();
                                                                }
                                                                Err(e) => notices.warn(format!("The review could not be opened. {e}")),
                                                            }
                                                        });
                                                    }
                                                }>"Duplicate"</button>
                                                <button class="button-quiet" on:click={
                                                    let store = store.clone();
                                                    let refresh = refresh.clone();
                                                    move |_| {
                                                        let Ok(store) = store.clone() else { return };
                                                        let refresh = refresh.clone();
                                                        leptos::task::spawn_local(async move {
                                                            export_one(&store, id, notices).await;
                                                            refresh();
                                                        });
                                                    }
                                                }>"Export"</button>
                                                <button class="button-quiet danger" on:click=move |_| {
                                                    if let Some(e) = for_delete.clone() { pending.set(Some(Pending::Delete(e))) }
                                                }>"Delete"</button>
                                            </div>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
            {
                // Created once for the page: a callback made inside this closure would be
                // disposed as soon as the dialog closes, while its work is still running.
                let after_change = Callback::new({
                    let refresh = refresh.clone();
                    let tabs = tabs.clone();
                    move |_| {
                        tabs.announce(TabNotice::LibraryChanged);
                        refresh();
                    }
                });
                let store = store.clone();
                move || pending.get().map(|p| {
                    let store = store.clone();
                    match p {
                        Pending::Rename(entry) => view! {
                            <RenameDialog entry=entry pending=pending store=store refresh=after_change/>
                        }.into_any(),
                        Pending::Delete(entry) => view! {
                            <DeleteDialog entry=entry pending=pending store=store refresh=after_change/>
                        }.into_any(),
                        Pending::BroughtIn(report) => match store {
                            Ok(store) => view! {
                                <MergeSummaryDialog report=report store=store
                                    on_close=Callback::new(move |_| pending.set(None)) on_change=after_change/>
                            }.into_any(),
                            Err(_) => ().into_any(),
                        },
                        Pending::ImportProtected { name, file } => view! {
                            <ImportProtectedDialog name=name file=file pending=pending on_open=import_opened/>
                        }.into_any(),
                    }
                })
            }
        </div>
    }
}

/// Writes one review to a file and records when. True when the file was handed over.
async fn export_one(store: &ReviewStore, id: ReviewId, notices: NoticeContext) -> bool {
    let when = now();
    match store.file_text(&[id], when).await {
        Ok((text, mut stored)) if !stored.is_empty() => {
            let stored = stored.remove(0);
            let name = file_name(&stored.review.title, when.date_naive(), "json");
            match download_text(&name, "application/json", &text) {
                Ok(()) => {
                    let mut r = stored.review;
                    r.mark_exported(when);
                    let _ = store.save(&r, stored.revision).await;
                    notices.say(format!("Exported to “{name}”."));
                    true
                }
                Err(e) => {
                    notices.warn(format!("The export could not be saved: {e}."));
                    false
                }
            }
        }
        Ok(_) => false,
        Err(e) => {
            notices.warn(format!("The review could not be exported. {e}"));
            false
        }
    }
}

/// Asks for the passphrase of a protected file; a wrong one is said plainly and the dialog
/// stays open.
#[component]
fn ImportProtectedDialog(
    name: String,
    file: EncryptedFile,
    pending: RwSignal<Option<Pending>>,
    on_open: Callback<(String, String)>,
) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    // Wrong passphrases so far (kept across reloads), and a clock for the wait's countdown.
    let wait = RwSignal::new(PassphraseWait::load(PassphrasePrompt::ProtectedFile));
    let clock = RwSignal::new(js_sys::Date::now() as u64);
    let ticking = set_interval_with_handle(move || { clock.try_set(js_sys::Date::now() as u64); }, std::time::Duration::from_millis(250)).ok();
    on_cleanup(move || {
        if let Some(t) = ticking {
            t.clear();
        }
    });
    let wrong = RwSignal::new(wait.get_untracked().seconds_left(clock.get_untracked()) > 0);
    let shown_error = move || if wrong.get() { Some(wait.get().message(clock.get(), &ImportError::WrongPassphrase.to_string())) } else { error.get() };
    let cancel = Callback::new(move |_| {
        pending.set(None);
        notices.say("Nothing was imported.");
    });
    let heading = format!("“{name}” is protected with a passphrase");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let now = js_sys::Date::now() as u64;
        clock.set(now);
        if wait.get_untracked().seconds_left(now) > 0 {
            wrong.set(true);
            focus_when_ready("import-passphrase".into());
            return;
        }
        let (name, file, typed) = (name.clone(), file.clone(), passphrase.get_untracked());
        working.set(true);
        error.set(None);
        wrong.set(false);
        leptos::task::spawn_local(async move {
            match decrypt_file(&file, &typed).await {
                Ok(text) => {
                    PassphraseWait::default().store(PassphrasePrompt::ProtectedFile);
                    pending.set(None);
                    on_open.run((name, text));
                }
                Err(ImportError::WrongPassphrase) => {
                    let mut w = PassphraseWait::load(PassphrasePrompt::ProtectedFile);
                    let now = js_sys::Date::now() as u64;
                    w.failed(now);
                    w.store(PassphrasePrompt::ProtectedFile);
                    wait.try_set(w);
                    clock.try_set(now);
                    wrong.try_set(true);
                    working.try_set(false);
                    focus_when_ready("import-passphrase".into());
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                    working.try_set(false);
                    focus_when_ready("import-passphrase".into());
                }
            }
        });
    };
    view! {
        <ModalDialog title=heading on_cancel=cancel>
            <form on:submit=submit>
                <p>"Enter the passphrase it was exported with."</p>
                <div class="field">
                    <label for="import-passphrase">"Passphrase for this file"</label>
                    <input id="import-passphrase" type="password" autocomplete="off" autofocus
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </div>
                <p class="error-text" role="alert">{shown_error}</p>
                <div class="dialog-actions">
                    <button type="submit" class="button-primary" disabled=move || working.get()>
                        {move || if working.get() { "Opening…" } else { "Open file" }}
                    </button>
                    <button type="button" class="button-secondary" on:click=move |_| cancel.run(())>"Cancel"</button>
                </div>
            </form>
        </ModalDialog>
    }
}



/// Asks for a new title.
#[component]
fn RenameDialog(
    entry: LibraryEntry,
    pending: RwSignal<Option<Pending>>,
    store: Result<ReviewStore, crate::storage::StoreError>,
    refresh: Callback<()>,
) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let title = RwSignal::new(entry.summary.title.clone());
    let id = entry.summary.id;
    let cancel = Callback::new(move |_| pending.set(None));
    let save = move || {
        let Ok(store) = store.clone() else { return };
        let new_title = title.get_untracked();
        leptos::task::spawn_local(async move {
            match store.load(id).await {
                Ok(mut s) => {
                    s.review.rename(&new_title, now());
                    match store.save(&s.review, s.revision).await {
                        Ok(_) => notices.say(format!("Renamed to “{}”.", s.review.title)),
                        Err(e) => notices.warn(format!("The review could not be renamed. {e}")),
                    }
                }
                Err(e) => notices.warn(format!("The review could not be renamed. {e}")),
            }
            pending.set(None);
            refresh.run(());
        });
    };
    let save2 = save.clone();
    view! {
        <ModalDialog title="Rename review" on_cancel=cancel>
            <form method="dialog" on:submit=move |ev| { ev.prevent_default(); save2(); }>
                <label class="field">
                    <span>"Title"</span>
                    <input type="text" autofocus prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))/>
                </label>
                <div class="dialog-actions">
                    <button type="submit" class="button-primary">"Save title"</button>
                    <button type="button" class="button-secondary" on:click=move |_| cancel.run(())>"Cancel"</button>
                </div>
            </form>
        </ModalDialog>
    }
}

/// Confirms a deletion; afterwards offers Undo, which puts the review back exactly.
#[component]
fn DeleteDialog(
    entry: LibraryEntry,
    pending: RwSignal<Option<Pending>>,
    store: Result<ReviewStore, crate::storage::StoreError>,
    refresh: Callback<()>,
) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let id = entry.summary.id;
    let title = entry.summary.title.clone();
    let cancel = Callback::new(move |_| pending.set(None));
    let delete = move |_| {
        let Ok(store) = store.clone() else { return };
        let title = title.clone();
        pending.set(None);
        leptos::task::spawn_local(async move {
            match store.delete(id).await {
                Ok(Some(raw)) => {
                    let undo = Callback::new(move |_| {
                        let store = store.clone();
                        let raw = raw.clone();
                        leptos::task::spawn_local(async move {
                            match store.restore(&raw).await {
                                Ok(()) => notices.say("The review is back."),
                                Err(e) => notices.warn(format!("The review could not be put back. {e}")),
                            }
                            refresh.run(());
                        });
                    });
                    notices.say_with_undo(format!("Deleted “{title}”."), undo);
                }
                Ok(None) => notices.say("That review had already been deleted."),
                Err(e) => notices.warn(format!("The review could not be deleted. {e}")),
            }
            refresh.run(());
        });
    };
    view! {
        <ModalDialog title=format!("Delete “{}”?", entry.summary.title) on_cancel=cancel>
            <p>"The review will be removed from this browser. You can undo this straight afterwards."</p>
            {entry.summary.has_unexported_changes().then(|| view! {
                <p class="warn-text">"This review has changes that are not in an exported file."</p>
            })}
            <div class="dialog-actions">
                <button class="button-danger" on:click=delete>"Delete review"</button>
                <button class="button-secondary" autofocus on:click=move |_| cancel.run(())>"Cancel"</button>
            </div>
        </ModalDialog>
    }
}

