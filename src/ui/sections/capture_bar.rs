//! The capture bar lets the facilitator record a worry, something that worked well, missing
//! information or someone else to involve the moment it is said, from any section, without
//! scrolling away: the tool says these come up throughout the discussion. Alt+W, Alt+G,
//! Alt+M, Alt+I and Alt+A choose the list from anywhere on the page.

use leptos::prelude::*;

use super::case_discussion_sections::edit_cd;
use super::ReviewContext;
use crate::model::case_discussion::CaptureKind;

const CAPTURE_INPUT_ID: &str = "capture-input";
/// The name the capture bar's half-typed entry is kept under in the review.
const CAPTURE_DRAFT: &str = "capture";

/// The capture bar at the foot of the case discussion.
#[component]
pub fn CaptureBar() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    // Half-typed words are kept with the review, so a reload or a crash does not lose them.
    let draft = Memo::new(move |_| review.with(|r| r.draft(CAPTURE_DRAFT).to_string()));
    let set_draft = move |text: &str| review.update(|r| r.set_draft(CAPTURE_DRAFT, text));
    let kind = RwSignal::new(CaptureKind::Worry);
    let last = RwSignal::new(String::new());
    let capture = move |k: CaptureKind| {
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            return false;
        }
        edit_cd(review, |cd| {
            cd.capture(k, &text);
        });
        set_draft("");
        last.set(format!("Added to {}: {}", list_name(k), text.trim()));
        true
    };
    let focus_input = || {
        if let Some(el) = document().get_element_by_id(CAPTURE_INPUT_ID) {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
        }
    };
    // Alt+letter from anywhere: capture what is typed, or get ready to type it.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let pressed = ev.code();
        let Some(k) = CaptureKind::ALL.into_iter().find(|k| pressed == format!("Key{}", k.shortcut())) else {
            return;
        };
        ev.prevent_default();
        kind.set(k);
        if !capture(k) {
            focus_input();
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <section class="capture-bar" aria-label="Quick capture">
            <label for=CAPTURE_INPUT_ID class="capture-label">"Capture"</label>
            <input id=CAPTURE_INPUT_ID type="text" autocomplete="off"
                placeholder=move || format!("Type what was said, then Enter to add to {}", list_name(kind.get()))
                prop:value=move || draft.get()
                on:input=move |ev| set_draft(&event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" && !ev.alt_key() { ev.prevent_default(); capture(kind.get_untracked()); }/>
            <div class="capture-kinds" role="group" aria-label="Add to">
                {CaptureKind::ALL.into_iter().map(|k| view! {
                    <button type="button" class="capture-kind"
                        aria-pressed=move || (kind.get() == k).to_string()
                        aria-keyshortcuts=format!("Alt+{}", k.shortcut())
                        title=format!("Alt+{}", k.shortcut())
                        on:click=move |_| { kind.set(k); if !capture(k) { focus_input(); } }>
                        {k.label()}<kbd aria-hidden="true">{format!("Alt+{}", k.shortcut())}</kbd>
                    </button>
                }).collect_view()}
            </div>
            <p class="capture-status" role="status" aria-live="polite">{move || last.get()}</p>
        </section>
    }
}

fn list_name(k: CaptureKind) -> &'static str {
    match k {
        CaptureKind::Worry => "worries",
        CaptureKind::WorkedWell => "what worked well",
        CaptureKind::MissingInformation => "missing information",
        CaptureKind::PersonToInvolve => "who else to involve",
        CaptureKind::Action => "actions",
        CaptureKind::ParkForTree => "the parking area",
    }
}
