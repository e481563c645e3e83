//! The shared folder on the review screen: a review linked to its file in the folder the
//! review team shares. Opening the review brings in what colleagues wrote there (merged,
//! never replaced); each save here writes the merged copy back a moment later. If a
//! colleague's copy has arrived in the folder since this laptop last wrote, nothing is
//! written over it: the screen says their changes are waiting, and bringing them in
//! merges both. The link, the file and the merge are explained in the "Shared folder"
//! dialog, which also says when the browser or the organisation does not allow it.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::export::file_name::undated_file_name;
use crate::model::ReviewId;
use crate::storage::bring_in::{bring_in, BringInReport};
use crate::storage::envelope::{may_be_protected, EncryptedFile};
use crate::storage::shared_file::{SharedFile, SharedFileError, SharedFolderSupport, SharedLink};
use crate::storage::ReviewStore;
use crate::ui::autosave::SaveStatus;
use crate::ui::browser::{format_local, now};
use crate::ui::contexts::{NoticeContext, StoreContext};
use crate::ui::import_steps::read_reviews;
use crate::ui::widgets::ModalDialog;

/// How long after a save the merged copy is written to the shared file, so a burst of
/// typing makes one write, not one per save.
const WRITE_BACK_DELAY_MS: i32 = 2_000;

/// Where the review's shared file stands, as the screen says it.
#[derive(Clone, Debug, PartialEq)]
pub enum SharedState {
    /// The review is not linked to a shared file on this device.
    NotLinked,
    /// Everything here is in the shared file (as of this time).
    UpToDate(chrono::DateTime<chrono::Utc>),
    /// Writing the merged copy to the shared file.
    Writing,
    /// The browser needs the person's permission to use the file again (after a restart).
    NeedsPermission,
    /// A colleague's copy has arrived in the file since this laptop last wrote it.
    TheirChangesWaiting,
    /// The last attempt failed, with why.
    Failed(String),
}

/// Whether the editor is on screen: it steps aside while a shared file is brought in, so
/// that what it shows afterwards is the merged review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedPhase {
    /// Reading whether the review is linked, before the editor opens.
    Opening,
    /// Bringing in the shared file.
    BringingIn,
    /// The editor is open.
    Editing,
}

/// What the open editor lends the shared folder: its save status, and a way to save
/// what is pending at once.
#[derive(Clone, Copy)]
pub struct EditorHooks {
    pub status: RwSignal<SaveStatus>,
    pub flush: Callback<()>,
}

/// The shared folder of the open review (a context of the review screen).
#[derive(Clone, Copy)]
pub struct SharedFolder {
    id: ReviewId,
    pub link: RwSignal<Option<SharedLink>>,
    pub state: RwSignal<SharedState>,
    pub phase: RwSignal<SharedPhase>,
    /// Counts the times the editor was reopened on the stored review.
    pub generation: RwSignal<u32>,
    /// What the last bringing-in combined, for the summary.
    pub report: RwSignal<Option<BringInReport>>,
    editor: StoredValue<Option<EditorHooks>>,
    timer: StoredValue<Option<i32>>,
    busy: StoredValue<bool>,
    store: StoredValue<SendWrapper<Option<ReviewStore>>>,
    notices: NoticeContext,
}

/// Waits (up to 30 s: a very long review on a slow laptop takes seconds to save) until
/// the open review is saved; false if it is not.
pub async fn wait_until_saved(status: RwSignal<SaveStatus>) -> bool {
    // Looked at every 10 ms: an export waits for the save, and no longer.
    for _ in 0..3_000 {
        match status.get_untracked() {
            SaveStatus::Saved => return true,
            SaveStatus::Conflict | SaveStatus::Failed(_) => return false,
            SaveStatus::Saving => {}
        }
        crate::storage::device_lock::sleep_ms(10).await;
    }
    false
}

impl SharedFolder {
    /// Reads whether review `id` is linked and, if the browser still allows the file,
    /// brings in what colleagues wrote there before the editor opens.
    pub fn start(id: ReviewId) -> Self {
        let me = SharedFolder {
            id,
            link: RwSignal::new(None),
            state: RwSignal::new(SharedState::NotLinked),
            phase: RwSignal::new(SharedPhase::Opening),
            generation: RwSignal::new(0),
            report: RwSignal::new(None),
            editor: StoredValue::new(None),
            timer: StoredValue::new(None),
            busy: StoredValue::new(false),
            store: StoredValue::new(SendWrapper::new(use_context::<StoreContext>().and_then(|s| s.store().ok()))),
            notices: expect_context::<NoticeContext>(),
        };
        leptos::task::spawn_local(async move {
            let link = match me.store() {
                Some(s) if s.shared_folder_support() == SharedFolderSupport::Available => s.shared_link(id).await.ok().flatten(),
                _ => None,
            };
            let Some(link) = link else {
                me.phase.try_set(SharedPhase::Editing);
                return;
            };
            let permitted = link.file.permitted(false).await;
            me.link.try_set(Some(link.clone()));
            if permitted {
                me.bring_in_with(link, false).await;
            } else {
                me.state.try_set(SharedState::NeedsPermission);
            }
            me.phase.try_set(SharedPhase::Editing);
        });
        me
    }

    fn store(&self) -> Option<ReviewStore> {
        self.store.try_with_value(|s| (**s).clone()).flatten()
    }

    /// The open editor lends its save status and flush (and takes them back on closing).
    pub fn attach_editor(&self, hooks: Option<EditorHooks>) {
        self.editor.try_set_value(hooks);
    }

    /// Whether this browser and device can keep a shared file.
    pub fn support(&self) -> SharedFolderSupport {
        self.store().map(|s| s.shared_folder_support()).unwrap_or(SharedFolderSupport::NoDatabase)
    }

    /// Links the review to `file` (a new file or a colleague's), bringing in what it holds
    /// and writing the merged copy back. If the file cannot be used, the review stays as
    /// it was and unlinked.
    pub fn link_to(&self, file: SharedFile) {
        self.bring_in_from(SharedLink::new(file), true);
    }

    /// Brings in what colleagues wrote to the shared file (asking the browser for
    /// permission if it needs it: only in answer to a click), then writes the merged copy.
    pub fn bring_in_now(&self) {
        if let Some(link) = self.link.get_untracked() {
            self.bring_in_from(link, false);
        }
    }

    /// With the browser's permission and the editor's edits saved, steps the editor aside,
    /// brings in `link`'s file and opens the editor again on the stored review.
    fn bring_in_from(&self, link: SharedLink, new_link: bool) {
        let me = *self;
        leptos::task::spawn_local(async move {
            if !link.file.permitted(true).await {
                if !new_link {
                    me.state.set(SharedState::NeedsPermission);
                }
                me.notices.warn(SharedFileError::NotAllowed.to_string());
                return;
            }
            if !me.editor_saved().await {
                return;
            }
            me.phase.set(SharedPhase::BringingIn);
            let name = link.file.name();
            if me.bring_in_with(link, new_link).await && new_link {
                me.notices.say(format!("This review is now linked to “{name}” in the shared folder. Saving here writes to it."));
            }
            me.reopen_editor();
        });
    }

    /// Stops linking the review to its shared file on this device (the file stays).
    pub fn unlink(&self) {
        let me = *self;
        let name = self.link.get_untracked().map(|l| l.file.name()).unwrap_or_default();
        leptos::task::spawn_local(async move {
            let Some(store) = me.store() else { return };
            match store.set_shared_link(me.id, None).await {
                Ok(()) => {
                    me.link.set(None);
                    me.state.set(SharedState::NotLinked);
                    me.notices.say(format!("This review is no longer linked to “{name}”. The file stays in the shared folder."));
                }
                Err(e) => me.notices.warn(format!("The link could not be removed. {e}")),
            }
        });
    }

    /// A save here finished: the merged copy is written to the shared file shortly.
    pub fn saved(&self) {
        if self.link.get_untracked().is_none() {
            return;
        }
        let me = *self;
        if let (Some(window), Some(Some(previous))) = (web_sys::window(), self.timer.try_get_value()) {
            window.clear_timeout_with_handle(previous);
        }
        let write = wasm_bindgen::closure::Closure::once_into_js(move || {
            me.timer.try_set_value(None);
            leptos::task::spawn_local(async move { me.write_back().await });
        });
        let handle = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(wasm_bindgen::JsCast::unchecked_ref(&write), WRITE_BACK_DELAY_MS).ok()
        });
        self.timer.try_set_value(handle);
    }

    /// Saves what the editor has pending and waits for it; false (and says why) if it
    /// could not be saved, in which case nothing is brought in.
    async fn editor_saved(&self) -> bool {
        let Some(hooks) = self.editor.try_get_value().flatten() else { return true };
        hooks.flush.run(());
        if wait_until_saved(hooks.status).await {
            return true;
        }
        self.notices.warn("Your latest edits are not saved yet, so nothing was brought in from the shared file. Try again in a moment.");
        false
    }

    fn reopen_editor(&self) {
        self.phase.set(SharedPhase::Editing);
        self.generation.update(|g| *g += 1);
    }

    /// Writes this laptop's copy to the shared file, unless a colleague's copy arrived
    /// there since this laptop last read or wrote it.
    async fn write_back(&self) {
        if self.phase.get_untracked() != SharedPhase::Editing || self.busy.get_value() {
            return;
        }
        let (Some(link), Some(store)) = (self.link.get_untracked(), self.store()) else { return };
        if !link.file.permitted(false).await {
            self.state.try_set(SharedState::NeedsPermission);
            return;
        }
        self.busy.set_value(true);
        let outcome = async {
            let modified = link.file.modified().await.map_err(|e| e.to_string())?;
            if link.known_modified != Some(modified) {
                return Ok(None);
            }
            self.state.try_set(SharedState::Writing);
            write_review(&store, self.id, link).await.map(Some)
        }
        .await;
        self.busy.set_value(false);
        match outcome {
            Ok(Some(link)) => {
                self.state.try_set(SharedState::UpToDate(link.synced_at.unwrap_or_else(now)));
                self.link.try_set(Some(link));
            }
            Ok(None) => {
                if self.state.get_untracked() != SharedState::TheirChangesWaiting {
                    self.notices.say(
                        "A colleague's changes have arrived in the shared file. Nothing was written over them: \
                         choose “Bring in the team's changes” at the top of the review when you are ready.",
                    );
                }
                self.state.try_set(SharedState::TheirChangesWaiting);
            }
            Err(why) => {
                self.state.try_set(SharedState::Failed(why));
            }
        }
    }

    /// Reads the shared file, brings in what it adds, writes the merged copy back and
    /// remembers the link. True if it all happened; otherwise the person is told why and
    /// (for a new link) the review stays unlinked.
    async fn bring_in_with(&self, link: SharedLink, new_link: bool) -> bool {
        let Some(store) = self.store() else { return false };
        self.busy.set_value(true);
        let outcome = bring_in_and_write(&store, self.id, link).await;
        self.busy.set_value(false);
        match outcome {
            Ok((link, report, file)) => {
                if !report.combined.is_empty() || !report.added.is_empty() {
                    self.notices.say(report.sentence(&file));
                }
                if !report.combined.is_empty() {
                    self.report.try_set(Some(report));
                }
                self.state.try_set(SharedState::UpToDate(link.synced_at.unwrap_or_else(now)));
                self.link.try_set(Some(link));
                true
            }
            Err(why) => {
                self.notices.warn(why.clone());
                if !new_link {
                    self.state.try_set(SharedState::Failed(why));
                }
                false
            }
        }
    }
}


/// Brings in review `id` from the linked file and writes the merged copy back.
async fn bring_in_and_write(store: &ReviewStore, id: ReviewId, link: SharedLink) -> Result<(SharedLink, BringInReport, String), String> {
    let name = link.file.name();
    let (bytes, _) = link.file.read().await.map_err(|e| e.to_string())?;
    let mut report = BringInReport::default();
    if !bytes.iter().all(u8::is_ascii_whitespace) {
        if may_be_protected(&bytes) && std::str::from_utf8(&bytes).ok().and_then(|t| EncryptedFile::parse(t).ok().flatten()).is_some() {
            return Err(format!(
                "“{name}” is protected with a passphrase. A shared file is an ordinary export, so that everyone on the team can bring it in; nothing was changed."
            ));
        }
        let incoming = read_reviews(bytes, std::rc::Rc::new(|_| {}))
            .await
            .map_err(|e| format!("“{name}” could not be used as this review's shared file. {e} Nothing was changed."))?;
        if incoming.len() > 1 {
            return Err(format!(
                "“{name}” holds {} reviews. A shared file holds one review, so that writing it back never leaves anyone's review out; nothing was changed.",
                incoming.len()
            ));
        }
        let Some(file_review) = incoming.into_iter().find(|r| r.review.id == id) else {
            return Err(format!(
                "“{name}” holds a different review, not this one. Nothing was changed: choose this review's own file, or save a new one."
            ));
        };
        report = bring_in(store, vec![file_review], &|_| {}).await;
        if !report.failures.is_empty() {
            return Err(report.sentence(&name));
        }
    }
    let link = write_review(store, id, link).await?;
    Ok((link, report, name))
}

/// Writes the stored review (with its history) to the linked file and remembers when.
async fn write_review(store: &ReviewStore, id: ReviewId, mut link: SharedLink) -> Result<SharedLink, String> {
    let when = now();
    let (text, _) = store.file_text(&[id], when).await.map_err(|e| format!("The review could not be read to write the shared file. {e}"))?;
    let written = link.file.write(&text).await.map_err(|e| e.to_string())?;
    link.known_modified = Some(written);
    link.synced_at = Some(when);
    store
        .set_shared_link(id, Some(&link))
        .await
        .map_err(|e| format!("The shared file was written, but this device could not remember the link. {e}"))?;
    Ok(link)
}

/// The shared file's state in a few words, with the action it calls for.
#[component]
pub fn SharedFileStatus(
    /// Opens the shared folder dialog.
    on_open: Callback<()>,
) -> impl IntoView {
    let shared = expect_context::<SharedFolder>();
    let words = move || match shared.state.get() {
        SharedState::NotLinked => None,
        SharedState::UpToDate(at) => Some(format!("Shared file up to date ({})", format_local(at))),
        SharedState::Writing => Some("Writing to the shared file…".to_string()),
        SharedState::NeedsPermission => Some("Shared file: the browser needs your permission".to_string()),
        SharedState::TheirChangesWaiting => Some("A colleague's changes are in the shared file".to_string()),
        SharedState::Failed(_) => Some("The shared file could not be used".to_string()),
    };
    let action = move || match shared.state.get() {
        SharedState::NeedsPermission | SharedState::TheirChangesWaiting | SharedState::Failed(_) => true,
        _ => false,
    };
    view! {
        <button class="button-quiet" on:click=move |_| on_open.run(())>"Shared folder"</button>
        {move || words().map(|w| view! {
            <span class="shared-file-status" role="status" class:needs-action=action>{w}</span>
        })}
        <Show when=action>
            <button class="button-secondary" on:click=move |_| shared.bring_in_now()>"Bring in the team's changes"</button>
        </Show>
    }
}

/// Links the review to a file in the team's shared folder, or explains why it cannot.
#[component]
pub fn SharedFolderDialog(
    /// The review's title, for a new file's name.
    title: String,
    /// Closes the dialog.
    on_close: Callback<()>,
) -> impl IntoView {
    let shared = expect_context::<SharedFolder>();
    let support = shared.support();
    let suggested = undated_file_name(&title, "json");
    let choose_new = move |_| {
        let suggested = suggested.clone();
        // The picker must be asked for straight from the click.
        leptos::task::spawn_local(async move {
            match SharedFile::choose_new(&suggested).await {
                Ok(file) => {
                    on_close.run(());
                    shared.link_to(file);
                }
                Err(SharedFileError::Cancelled) => {}
                Err(e) => shared.notices.warn(e.to_string()),
            }
        });
    };
    let choose_existing = move |_| {
        leptos::task::spawn_local(async move {
            match SharedFile::choose_existing().await {
                Ok(file) => {
                    on_close.run(());
                    shared.link_to(file);
                }
                Err(SharedFileError::Cancelled) => {}
                Err(e) => shared.notices.warn(e.to_string()),
            }
        });
    };
    let failure = move || match shared.state.get() {
        SharedState::Failed(why) => Some(view! { <p class="callout callout-error" role="alert">{why}</p> }),
        _ => None,
    };
    let linked = move || shared.link.get().map(|l| (l.file.name(), l.synced_at));
    view! {
        <ModalDialog title="Shared folder" on_cancel=on_close>
            <div class="shared-folder">
                <p>"A review team can keep one file of this review in a folder you all share (a shared drive your organisation already syncs). "
                   "Opening the review brings in what colleagues wrote there, and saving here writes the merged copy back. "
                   "Nobody's work is replaced: copies are merged as when a file is opened on Your reviews."</p>
                {match support.explanation() {
                    Some(why) => view! { <p class="callout" role="note">{why}</p> }.into_any(),
                    None => view! {
                        {failure}
                        {move || match linked() {
                            Some((name, synced)) => view! {
                                <p>"Linked to "<strong>{name}</strong>
                                   {synced.map(|t| format!(", last brought in and written {}", format_local(t)))}"."</p>
                                <div class="dialog-actions">
                                    <button class="button-primary" on:click=move |_| { on_close.run(()); shared.bring_in_now(); }>
                                        "Bring in the team's changes now"</button>
                                    <button class="button-secondary" on:click=move |_| { on_close.run(()); shared.unlink(); }>
                                        "Stop linking this review"</button>
                                    <button class="button-quiet" on:click=move |_| on_close.run(())>"Close"</button>
                                </div>
                            }.into_any(),
                            None => view! {
                                <p class="hint">"The file is an ordinary export, not protected by a passphrase: choose a folder only the review team can open."</p>
                                <div class="dialog-actions">
                                    <button class="button-primary" on:click=choose_new.clone()>"Save to a shared folder…"</button>
                                    <button class="button-secondary" on:click=choose_existing>"Link to a colleague's file…"</button>
                                    <button class="button-quiet" on:click=move |_| on_close.run(())>"Cancel"</button>
                                </div>
                            }.into_any(),
                        }}
                    }.into_any(),
                }}
            </div>
        </ModalDialog>
    }
}

/// Lends the editor's save status and flush to the shared folder while it is open, and
/// writes to the shared file after each save.
pub fn attach(shared: SharedFolder, status: RwSignal<SaveStatus>, flush: impl Fn() + 'static) {
    let flush = SendWrapper::new(flush);
    shared.attach_editor(Some(EditorHooks { status, flush: Callback::new(move |_| flush()) }));
    Effect::new(move |was: Option<SaveStatus>| {
        let now_status = status.get();
        if was.is_some_and(|w| w == SaveStatus::Saving) && now_status == SaveStatus::Saved {
            shared.saved();
        }
        now_status
    });
    on_cleanup(move || shared.attach_editor(None));
}
