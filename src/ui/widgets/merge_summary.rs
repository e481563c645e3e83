//! The merge summary is what the person sees after bringing in a file of a review that is
//! already here: what came in (items added, fields changed, items removed), the places
//! changed on both laptops with both versions to choose from, and one Undo for the whole
//! merge.

use leptos::prelude::*;
use serde_json::Value as Json;

use crate::model::ReviewId;
use crate::storage::bring_in::{BringInReport, BroughtIn};
use crate::storage::merge_summary::{shown, with_value_at, BothChanged, Place, Step};
use crate::storage::ReviewStore;
use crate::ui::browser::now;
use crate::ui::contexts::NoticeContext;
use crate::ui::route::Route;
use crate::ui::widgets::ModalDialog;

/// The summary of a file just brought in.
#[component]
pub fn MergeSummaryDialog(
    report: BringInReport,
    store: ReviewStore,
    on_close: Callback<()>,
    /// Called after Undo or a choice, so the library can refresh.
    on_change: Callback<()>,
    /// True when the review came in from its shared file: the file keeps everyone's work,
    /// so there is no Undo (it would come back at the next bringing-in).
    #[prop(optional)]
    shared_file: bool,
) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let undone = RwSignal::new(false);
    let befores: Vec<BroughtIn> = report.combined.clone();
    let undo = {
        let store = store.clone();
        move |_| {
            let store = store.clone();
            let befores = befores.clone();
            leptos::task::spawn_local(async move {
                let mut failed = Vec::new();
                for b in &befores {
                    let result = match &b.before {
                        Some(raw) => store.restore(raw).await,
                        None => Ok(()),
                    };
                    if let Err(e) = result {
                        failed.push(format!("“{}”: {e}", b.title));
                    }
                }
                if failed.is_empty() {
                    notices.say("The merge was undone: your reviews are as they were before the file came in.");
                    undone.try_set(true);
                } else {
                    notices.warn(format!("The merge could not be fully undone. {}", failed.join("; ")));
                }
                on_change.run(());
            });
        }
    };
    let title = if report.combined.iter().any(|c| c.merged) {
        "Merged with the copy on this laptop"
    } else {
        "Brought in from the file"
    };
    let reviews = report
        .combined
        .into_iter()
        .map(|c| view! { <CombinedReview combined=c store=store.clone() undone=undone on_change=on_change open_link=!shared_file/> })
        .collect_view();
    view! {
        <ModalDialog title=title on_cancel=on_close>
            <div class="merge-summary">
                {reviews}
                <Show when=move || undone.get()>
                    <p role="status">"Undone. Nothing from the file is in your reviews now."</p>
                </Show>
                {shared_file.then(|| view! {
                    <p class="hint">"This came from the review's shared file, which keeps everyone's work. "
                       "To look at the review as it was before, open an earlier version from “Changes”."</p>
                })}
                <div class="dialog-actions">
                    <button class="button-primary" autofocus on:click=move |_| on_close.run(())>"Done"</button>
                    {(!shared_file).then(|| view! {
                        <button class="button-secondary" disabled=move || undone.get() on:click=undo>"Undo the whole merge"</button>
                    })}
                </div>
            </div>
        </ModalDialog>
    }
}

/// One review's part of the summary.
#[component]
fn CombinedReview(combined: BroughtIn, store: ReviewStore, undone: RwSignal<bool>, on_change: Callback<()>, open_link: bool) -> impl IntoView {
    let BroughtIn { id, title, summary, .. } = combined;
    let list = |heading: &'static str, places: Vec<Place>| {
        (!places.is_empty()).then(|| {
            view! {
                <h4>{heading}</h4>
                <ul class="merge-places">{places.into_iter().map(|p| view! { <li>{p.label}</li> }).collect_view()}</ul>
            }
        })
    };
    let both = summary.both.clone();
    view! {
        <section class="merge-review" aria-label=format!("What came in for {title}")>
            <h3>{title.clone()}</h3>
            <p>{summary.sentence()}"."{open_link.then(|| view! { " "<a href=Route::Review(id).href()>"Open the review"</a> })}</p>
            {(!both.is_empty()).then(|| view! {
                <h4>"Changed on both laptops, please check"</h4>
                <ul class="merge-both">
                    {both.into_iter().map(|b| view! { <BothChangedChoice id=id both=b store=store.clone() undone=undone on_change=on_change/> }).collect_view()}
                </ul>
            })}
            {list("Added", summary.added)}
            {list("Changed in the file", summary.changed)}
            {list("Removed in the file", summary.removed)}
        </section>
    }
}

/// A place changed on both laptops, with both versions and a choice.
#[component]
fn BothChangedChoice(id: ReviewId, both: BothChanged, store: ReviewStore, undone: RwSignal<bool>, on_change: Callback<()>) -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let chosen = RwSignal::new(None::<&'static str>);
    let choose = move |which: &'static str, path: Vec<Step>, value: Json, label: String| {
        let store = store.clone();
        leptos::task::spawn_local(async move {
            let result = match store.load(id).await {
                Ok(stored) => match with_value_at(&stored.review, &path, value) {
                    Some(mut review) => {
                        review.touch(now());
                        store.save(&review, stored.revision).await.map(|_| ())
                    }
                    None => Err(crate::storage::StoreError::NotFound),
                },
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    chosen.try_set(Some(which));
                    notices.say(format!("Kept {which} for {label}."));
                }
                Err(e) => notices.warn(format!("That version could not be kept. {e}")),
            }
            on_change.run(());
        });
    };
    let BothChanged { place, ours, theirs, merged } = both;
    let (p1, p2) = (place.path.clone(), place.path.clone());
    let (l1, l2) = (place.label.clone(), place.label.clone());
    let (o, t) = (ours.clone(), theirs.clone());
    let choose2 = choose.clone();
    view! {
        <li class="merge-choice">
            <p class="merge-place">{place.label.clone()}</p>
            <dl>
                <dt>"On this laptop"</dt><dd class="merge-version">{shown(&ours)}</dd>
                <dt>"In the file"</dt><dd class="merge-version">{shown(&theirs)}</dd>
                <dt>"Kept for now"</dt><dd class="merge-version">{shown(&merged)}</dd>
            </dl>
            <div class="dialog-actions">
                <button class="button-secondary" disabled=move || undone.get()
                    aria-label=format!("Keep this laptop's version of {}", place.label)
                    on:click=move |_| choose("this laptop's version", p1.clone(), o.clone(), l1.clone())>"Keep this laptop's version"</button>
                <button class="button-secondary" disabled=move || undone.get()
                    aria-label=format!("Use the file's version of {}", place.label)
                    on:click=move |_| choose2("the file's version", p2.clone(), t.clone(), l2.clone())>"Use the file's version"</button>
            </div>
            {move || chosen.get().map(|w| view! { <p role="status">"Kept "{w}"."</p> })}
        </li>
    }
}
