//! The evidence of a Learning Together review on screen: the **documents register** (each
//! document the team chose to read, where it comes from, why it was chosen, and what in the
//! review cites it) and the **integrated chronology** (what happened, agency by agency, in
//! date order, each entry with its source: a document or a conversation; the turning
//! points people described appear in it too). Every change goes through the model
//! (`model/evidence.rs`).

use leptos::prelude::*;

use super::learning_together_sections::{edit_lt, read_lt, read_lt_parts, try_edit_lt};
use super::ReviewContext;
use crate::model::date_or_period::DateOrPeriod;
use crate::model::evidence::{ChronologyOrigin, ChronologyRow};
use crate::model::learning_together::ItemId;
use crate::model::lt_part::LtPart;
use crate::ui::widgets::{unique_id, DateOrPeriodInput, HintedText, ModalDialog};

/// "Episode 2, Finding 1", or `None` when nothing cites the source.
fn cited_by_words(review: RwSignal<crate::model::Review>, source: ItemId) -> Option<String> {
    read_lt_parts(review, &[LtPart::Citations, LtPart::Narrative, LtPart::Episodes, LtPart::Findings], |lt| {
        let labels: Vec<String> = lt.cited_by(source).iter().map(|c| c.label()).collect();
        (!labels.is_empty()).then(|| labels.join(", "))
    })
}

/// The documents register.
#[component]
pub fn DocumentsSection() -> AnyView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let ids = Memo::new(move |_| read_lt(review, LtPart::Documents, |lt| lt.documents.iter().map(|d| d.id).collect::<Vec<_>>()));
    let conversations = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Case, LtPart::Conversations, LtPart::Documents], |lt| lt.sources().into_iter().filter(|(id, _)| lt.conversation(*id).is_some()).collect::<Vec<_>>())
    });
    let glance = Memo::new(move |_| {
        read_lt_parts(review, &[LtPart::Documents, LtPart::Citations, LtPart::Narrative, LtPart::Episodes, LtPart::Findings], |lt| {
            lt.documents
                .iter()
                .map(|d| {
                    let cited: Vec<String> = lt.cited_by(d.id).iter().map(|c| c.label()).collect();
                    (d.id, d.title.clone(), d.agency.clone(), d.date_or_period.text(), cited.join(", "))
                })
                .collect::<Vec<_>>()
        })
    });
    let pending_removal = RwSignal::new(None::<(ItemId, String, String)>);
    let title = RwSignal::new(String::new());
    let agency = RwSignal::new(String::new());
    let when = RwSignal::new(DateOrPeriod::default());
    let add = move || {
        let (t, a, w) = (title.get_untracked(), agency.get_untracked(), when.get_untracked());
        if try_edit_lt(review, |lt| lt.add_document(&t, &a, w)).is_some() {
            title.set(String::new());
            agency.set(String::new());
            when.set(DateOrPeriod::default());
        }
    };
    view! {
        <section class="section-card" id="lt-documents" aria-labelledby="lt-documents-h">
            <h2 id="lt-documents-h">"Documents"</h2>
            <p class="prompt">"Selecting documentation: the documents the review team chose to read, the agency each "
                "comes from, and why it was chosen. Narrative events, key practice episodes and findings can cite them."</p>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="muted">"No documents in the register yet."</p>
            </Show>
            <Show when=move || glance.with(|g| g.len() > 1)>
                <table class="summary-table">
                    <caption class="visually-hidden">"The documents register at a glance"</caption>
                    <thead><tr><th scope="col">"No."</th><th scope="col">"Document"</th><th scope="col">"Agency"</th>
                        <th scope="col">"Date or period"</th><th scope="col">"Cited by"</th></tr></thead>
                    <tbody>
                        <For each=move || glance.get().into_iter().enumerate() key=|r| r.clone() children=|(n, (_, title, agency, when, cited))| view! {
                            <tr><td>{n + 1}</td><td>{title}</td><td>{agency}</td><td>{when}</td>
                                <td>{if cited.is_empty() { "Not cited yet".to_string() } else { cited }}</td></tr>
                        }/>
                    </tbody>
                </table>
            </Show>
            <ol class="item-list document-list">
                <For each=move || ids.get().into_iter().enumerate() key=|x| *x children=move |(n, id)| view! {
                    <DocumentItem id=id number=n + 1 pending_removal=pending_removal/>
                }/>
            </ol>
            <form class="add-item" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <h3>"Add a document"</h3>
                <div class="evidence-fields">
                    <HintedText label="Document: title or description" field_key="new document title" rows=1
                        value=Signal::from(title) on_change=Callback::new(move |v: String| title.set(v))/>
                    <div class="field">
                        <label for="new-document-agency">"Agency it comes from"</label>
                        <input id="new-document-agency" type="text" prop:value=move || agency.get()
                            on:input=move |ev| agency.set(event_target_value(&ev))/>
                    </div>
                </div>
                <DateOrPeriodInput what="the new document" value=Signal::from(when) on_change=Callback::new(move |v| when.set(v))/>
                <button type="submit" class="button-secondary">"Add document"</button>
            </form>
            <Show when=move || conversations.with(|c| !c.is_empty())>
                <h3>"Conversations as sources"</h3>
                <ul class="item-list">
                    <For each=move || conversations.get() key=|c| c.clone() children=move |(id, label)| view! {
                        <li class="item">
                            <span class="item-text">{label}</span>
                            <p class="item-meta">{move || match cited_by_words(review, id) {
                                Some(words) => format!("Cited by: {words}"),
                                None => "Not cited yet".to_string(),
                            }}</p>
                        </li>
                    }/>
                </ul>
            </Show>
            {move || pending_removal.get().map(|(id, label, uses)| view! {
                <ModalDialog title=format!("Remove {label}?") on_cancel=Callback::new(move |_| pending_removal.set(None))>
                    <p>{uses}</p>
                    <p>"Removing it takes its citations away; chronology entries taken from it stay, without a source."</p>
                    <div class="dialog-actions">
                        <button class="button-danger" on:click=move |_| {
                            edit_lt(review, |lt| { lt.remove_document(id); });
                            pending_removal.set(None);
                        }>"Remove document"</button>
                        <button class="button-secondary" on:click=move |_| pending_removal.set(None)>"Keep"</button>
                    </div>
                </ModalDialog>
            })}
        </section>
    }
    .into_any()
}

/// One document of the register, editable in place.
#[component]
fn DocumentItem(id: ItemId, number: usize, pending_removal: RwSignal<Option<(ItemId, String, String)>>) -> AnyView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let document = Memo::new(move |_| read_lt(review, LtPart::Documents, |lt| lt.document(id).cloned()));
    let title = Signal::derive(move || document.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default()));
    let agency = Signal::derive(move || document.with(|d| d.as_ref().map(|d| d.agency.clone()).unwrap_or_default()));
    let when = Signal::derive(move || document.with(|d| d.as_ref().map(|d| d.date_or_period.clone()).unwrap_or_default()));
    let why = Signal::derive(move || document.with(|d| d.as_ref().map(|d| d.why_chosen.clone()).unwrap_or_default()));
    let cited = Memo::new(move |_| cited_by_words(review, id));
    let entries = Memo::new(move |_| read_lt(review, LtPart::Chronology, |lt| lt.chronology_entries_from(id)));
    let agency_id = unique_id("document-agency");
    let heading_id = unique_id("document");
    let labelled = heading_id.clone();
    let name = move || document.with(|d| d.as_ref().map(|d| d.title.trim().to_string()).unwrap_or_default());
    let remove = move |_| {
        if read_lt_parts(review, &[LtPart::Chronology, LtPart::Citations, LtPart::Narrative, LtPart::Episodes, LtPart::Findings], |lt| lt.document_is_used(id)) {
            let uses = [
                cited.get_untracked().map(|w| format!("Cited by: {w}.")),
                match entries.get_untracked() {
                    0 => None,
                    1 => Some("1 chronology entry is taken from it.".to_string()),
                    n => Some(format!("{n} chronology entries are taken from it.")),
                },
            ];
            pending_removal.set(Some((id, name(), uses.into_iter().flatten().collect::<Vec<_>>().join(" "))));
        } else {
            edit_lt(review, |lt| { lt.remove_document(id); });
        }
    };
    view! {
        <li class="item document-item" aria-labelledby=labelled>
            <h3 id=heading_id>{move || format!("Document {number}: {}", name())}</h3>
            <div class="evidence-fields">
                <HintedText label="Title or description" field_key=format!("document {id} title") rows=1 value=title
                    on_change=Callback::new(move |v: String| { try_edit_lt(review, |lt| lt.set_document_title(id, &v)); })/>
                <div class="field">
                    <label for=agency_id.clone()>"Agency it comes from"<span class="visually-hidden">{format!(" (document {number})")}</span></label>
                    <input id=agency_id type="text" prop:value=move || agency.get()
                        on:input=move |ev| { let v = event_target_value(&ev); try_edit_lt(review, |lt| lt.set_document_agency(id, &v)); }/>
                </div>
            </div>
            <DateOrPeriodInput what=format!("document {number}") value=when
                on_change=Callback::new(move |v| { try_edit_lt(review, |lt| lt.set_document_date(id, v)); })/>
            <HintedText label="Why it was chosen (optional)" field_key=format!("document {id} why") rows=2 value=why
                on_change=Callback::new(move |v: String| { try_edit_lt(review, |lt| lt.set_document_why_chosen(id, &v)); })/>
            <p class="item-meta">
                <span>{move || match cited.get() { Some(words) => format!("Cited by: {words}"), None => "Not cited yet".to_string() }}</span>
                <span>{move || match entries.get() { 0 => String::new(), 1 => "1 chronology entry".to_string(), n => format!("{n} chronology entries") }}</span>
            </p>
            <button type="button" class="button-quiet button-small" on:click=remove>
                "Remove"<span class="visually-hidden">{move || format!(" document {number}: {}", name())}</span>
            </button>
        </li>
    }
    .into_any()
}

/// The integrated multi-agency chronology.
#[component]
pub fn ChronologySection() -> AnyView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let agencies = Memo::new(move |_| read_lt_parts(review, &[LtPart::Chronology, LtPart::Case, LtPart::Conversations, LtPart::Documents], |lt| lt.chronology_agencies()));
    let filter = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let only = filter.get();
        read_lt_parts(review, &[LtPart::Chronology, LtPart::Case, LtPart::Conversations, LtPart::Documents], |lt| lt.chronology())
            .into_iter()
            .filter(|r| only.is_empty() || r.agency.eq_ignore_ascii_case(&only))
            .collect::<Vec<_>>()
    });
    let sources = Memo::new(move |_| read_lt_parts(review, &[LtPart::Case, LtPart::Conversations, LtPart::Documents], |lt| lt.sources()));
    let editing = RwSignal::new(None::<ItemId>);
    let what = RwSignal::new(String::new());
    let agency = RwSignal::new(String::new());
    let when = RwSignal::new(DateOrPeriod::default());
    let source = RwSignal::new(None::<ItemId>);
    let add = move || {
        let Some(s) = source.get_untracked() else {
            if let Some(n) = use_context::<crate::ui::contexts::NoticeContext>() {
                n.warn("Choose where the entry comes from: a document of the register or a conversation.".to_string());
            }
            return;
        };
        let (t, a, w) = (what.get_untracked(), agency.get_untracked(), when.get_untracked());
        if try_edit_lt(review, |lt| lt.add_chronology_entry(&t, &a, w, Some(s))).is_some() {
            what.set(String::new());
            agency.set(String::new());
            when.set(DateOrPeriod::default());
            source.set(None);
        }
    };
    // Choosing a document fills in its agency when none is typed yet.
    let choose_source = move |v: String| {
        let s: Option<ItemId> = v.parse().ok();
        source.set(s);
        if agency.get_untracked().trim().is_empty() {
            if let Some(a) = s.and_then(|s| read_lt(review, LtPart::Documents, |lt| lt.document(s).map(|d| d.agency.trim().to_string()))) {
                agency.set(a);
            }
        }
    };
    let filter_id = unique_id("chronology-agency");
    view! {
        <section class="section-card" id="lt-chronology" aria-labelledby="lt-chronology-h">
            <h2 id="lt-chronology-h">"Chronology"</h2>
            <p class="prompt">"What happened, agency by agency, in one list in date order. Each entry says where it comes "
                "from: a document of the register or a conversation. Turning points described in the conversations appear "
                "here too, when they carry a date or period."</p>
            <div class="field chronology-filter">
                <label for=filter_id.clone()>"Show entries from"</label>
                <select id=filter_id on:change=move |ev| { filter.set(event_target_value(&ev)); editing.set(None); }>
                    <option value="" selected=move || filter.with(String::is_empty)>"All agencies"</option>
                    {move || agencies.get().into_iter().map(|a| {
                        let a2 = a.clone();
                        view! { <option value=a.clone() selected=move || filter.with(|f| f.eq_ignore_ascii_case(&a2))>{a.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || rows.with(|r| r.is_empty())>
                <p class="muted">{move || if filter.with(String::is_empty) { "No entries yet." } else { "No entries from this agency." }}</p>
            </Show>
            <Show when=move || rows.with(|r| !r.is_empty())>
                <table class="summary-table chronology-table">
                    <caption class="visually-hidden">"Integrated chronology, in date order"</caption>
                    <thead><tr><th scope="col">"When"</th><th scope="col">"Agency"</th><th scope="col">"What happened"</th>
                        <th scope="col">"Source"</th><th scope="col"><span class="visually-hidden">"Changes"</span></th></tr></thead>
                    <tbody>
                        <For each=move || rows.with(|r| r.iter().map(|r| r.origin).collect::<Vec<_>>()) key=|o| *o children=move |origin| view! {
                            <ChronologyTableRow origin=origin rows=rows editing=editing/>
                        }/>
                    </tbody>
                </table>
            </Show>
            <form class="add-item" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <h3>"Add an entry"</h3>
                <div class="add-row">
                    <div class="field">
                        <label for="new-entry-source">"Source"</label>
                        <select id="new-entry-source" on:change=move |ev| choose_source(event_target_value(&ev))>
                            <option value="" selected=move || source.get().is_none()>"Choose a document or conversation"</option>
                            {move || sources.get().into_iter().map(|(id, label)| view! {
                                <option value=id.to_string() selected=move || source.get() == Some(id)>{label}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="new-entry-agency">"Agency"</label>
                        <input id="new-entry-agency" type="text" prop:value=move || agency.get()
                            on:input=move |ev| agency.set(event_target_value(&ev))/>
                    </div>
                </div>
                <HintedText label="What happened" field_key="new chronology entry" rows=2 value=Signal::from(what)
                    on_change=Callback::new(move |v: String| what.set(v))/>
                <DateOrPeriodInput what="the new entry" value=Signal::from(when) on_change=Callback::new(move |v| when.set(v))/>
                <button type="submit" class="button-secondary">"Add entry"</button>
            </form>
        </section>
    }
    .into_any()
}

/// One row of the chronology, with its editor below it while it is being changed.
#[component]
fn ChronologyTableRow(origin: ChronologyOrigin, rows: Memo<Vec<ChronologyRow>>, editing: RwSignal<Option<ItemId>>) -> AnyView {
    let row = Memo::new(move |_| rows.with(|rs| rs.iter().find(|r| r.origin == origin).cloned()));
    let read = move |f: fn(&ChronologyRow) -> String| move || row.with(|r| r.as_ref().map(f).unwrap_or_default());
    let entry = match origin {
        ChronologyOrigin::Entry(id) => Some(id),
        ChronologyOrigin::TurningPoint { .. } => None,
    };
    let when_text = read(|r| if r.when.is_unknown() { "Date not recorded".to_string() } else { r.when.text() });
    let agency = read(|r| if r.agency.is_empty() { "Not recorded".to_string() } else { r.agency.clone() });
    let what_happened = read(|r| r.what_happened.clone());
    let source_cell = read(|r| match (r.is_turning_point(), r.source_label.is_empty()) {
        (true, _) => format!("Turning point, {}", lowercase_first(&r.source_label)),
        (false, true) => "Source not recorded".to_string(),
        (false, false) => r.source_label.clone(),
    });
    let short = move || row.with(|r| r.as_ref().map(|r| r.what_happened.chars().take(40).collect::<String>()).unwrap_or_default());
    let is_open = move || entry.is_some() && editing.get() == entry;
    let edit_button = NodeRef::<leptos::html::Button>::new();
    // Closing the editor puts keyboard focus back on the row's Edit button.
    let done = Callback::new(move |_: ()| {
        editing.set(None);
        if let Some(b) = edit_button.get_untracked() {
            let _ = b.focus();
        }
    });
    view! {
        <tr class:chronology-turning-point=entry.is_none()>
            <td>{when_text}</td>
            <td>{agency}</td>
            <td>{what_happened}</td>
            <td>{source_cell}</td>
            <td>
                {entry.map(|id| {
                    view! {
                        <button type="button" class="button-quiet button-small" node_ref=edit_button aria-expanded=move || is_open().to_string()
                            on:click=move |_| editing.set(if editing.get_untracked() == Some(id) { None } else { Some(id) })>
                            {move || if is_open() { "Close" } else { "Edit" }}
                            <span class="visually-hidden">{move || if is_open() { format!(" the entry: {}", short()) } else { format!(" entry: {}", short()) }}</span>
                        </button>
                    }
                })}
            </td>
        </tr>
        {move || entry.filter(|_| is_open()).map(|id| view! {
            <tr class="chronology-editor"><td colspan="5"><ChronologyEntryEditor id=id done=done/></td></tr>
        })}
    }
    .into_any()
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The fields of one entry the team wrote.
#[component]
fn ChronologyEntryEditor(id: ItemId, done: Callback<()>) -> AnyView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let entry = Memo::new(move |_| read_lt(review, LtPart::Chronology, |lt| lt.chronology_entry(id).cloned()));
    let sources = Memo::new(move |_| read_lt_parts(review, &[LtPart::Case, LtPart::Conversations, LtPart::Documents], |lt| lt.sources()));
    let what = Signal::derive(move || entry.with(|e| e.as_ref().map(|e| e.what_happened.clone()).unwrap_or_default()));
    let agency = Signal::derive(move || entry.with(|e| e.as_ref().map(|e| e.agency.clone()).unwrap_or_default()));
    let when = Signal::derive(move || entry.with(|e| e.as_ref().map(|e| e.date_or_period.clone()).unwrap_or_default()));
    let source = move || entry.with(|e| e.as_ref().and_then(|e| e.source));
    let (source_id, agency_id) = (unique_id("entry-source"), unique_id("entry-agency"));
    view! {
        <div class="chronology-entry-editor">
            <HintedText label="What happened" field_key=format!("chronology {id}") rows=2 value=what
                on_change=Callback::new(move |v: String| { try_edit_lt(review, |lt| lt.set_entry_what_happened(id, &v)); })/>
            <div class="add-row">
                <div class="field">
                    <label for=agency_id.clone()>"Agency"</label>
                    <input id=agency_id type="text" prop:value=move || agency.get()
                        on:input=move |ev| { let v = event_target_value(&ev); try_edit_lt(review, |lt| lt.set_entry_agency(id, &v)); }/>
                </div>
                <div class="field">
                    <label for=source_id.clone()>"Source"</label>
                    <select id=source_id on:change=move |ev| {
                        let s = event_target_value(&ev).parse().ok();
                        try_edit_lt(review, |lt| lt.set_entry_source(id, s));
                    }>
                        <option value="" selected=move || source().is_none()>"Not recorded"</option>
                        {move || sources.get().into_iter().map(|(sid, label)| view! {
                            <option value=sid.to_string() selected=move || source() == Some(sid)>{label}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <DateOrPeriodInput what="the entry" value=when
                on_change=Callback::new(move |v| { try_edit_lt(review, |lt| lt.set_entry_date(id, v)); })/>
            <div class="button-row">
                <button type="button" class="button-secondary button-small" on:click=move |_| done.run(())>"Done"</button>
                <button type="button" class="button-quiet button-small" on:click=move |_| {
                    done.run(());
                    edit_lt(review, |lt| { lt.remove_chronology_entry(id); });
                }>"Remove entry"</button>
            </div>
        </div>
    }
    .into_any()
}
