//! Board mode is the case discussion as the room sees it on the wall: the tool's "large
//! screen divided into five sections", all in view at once and in the tool's order (facts
//! and the child; immediate thoughts; the analysis tree; worries and what worked well;
//! missing information and what needs to happen), every point whole in large type, the
//! tree fitted to its panel. One area can be enlarged to edit it. Calm timers, a text-size
//! control, a high-contrast theme, full screen, the tool's principles to read out, and the
//! facilitator's prompts in a panel that can be shown. The compact capture bar sits below
//! the areas, never over them. Board mode, the timers and the panel survive a reload
//! (`storage::board_session`).

use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::model::cd_part::CdPart;

use crate::model::notes_field::NotesText;

use super::analysis_tree_section::AnalysisTreeSection;
use super::capture_bar::CaptureBar;
use super::case_discussion_sections::{
    edit_cd, read_cd, AboutChildSection, FactsSection, MissingInformationSection, TextArea, ThoughtsSection,
    WorkedWellSection, WorriesSection,
};
use super::smart_actions_section::SmartActionsSection;
use super::wall_areas::{PrinciplesPanel, WallActionsArea, WallFactsArea, WallThoughtsArea, WallWorriesArea, WhoIsMissing};
use super::ReviewContext;
use crate::model::case_discussion::Attendance;
use crate::model::case_discussion_guide::{section, SectionKey, ASSURANCE_QUESTIONS};
use crate::model::CaseDiscussion;
use crate::storage::board_session::{self, SavedTimer};
use crate::ui::tree::TreeDiagram;

/// The tool's guide for immediate thoughts: no more than five minutes.
pub const IMMEDIATE_THOUGHTS_SECONDS: u64 = 5 * 60;
/// The tool recommends at least 45 to 60 minutes for the discussion itself.
pub const MEETING_SECONDS: u64 = 60 * 60;
const TEXT_SIZE_KEY: &str = "case-review-studio/board-text-size";
const CONTRAST_KEY: &str = "case-review-studio/board-high-contrast";

/// Shows a number of seconds as a clock: "4:05", "1:02:03".
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The five panels, in the tool's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    FactsAndChild,
    Thoughts,
    Tree,
    WorriesAndWorkedWell,
    MissingAndActions,
}

impl Panel {
    const ALL: [Panel; 5] =
        [Panel::FactsAndChild, Panel::Thoughts, Panel::Tree, Panel::WorriesAndWorkedWell, Panel::MissingAndActions];

    fn title(self) -> &'static str {
        match self {
            Panel::FactsAndChild => "Facts and the child",
            Panel::Thoughts => "Immediate thoughts",
            Panel::Tree => "Analysis tree",
            Panel::WorriesAndWorkedWell => "Worries and what worked well",
            Panel::MissingAndActions => "Missing information and what needs to happen",
        }
    }

    fn from_title(title: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.title() == title)
    }

    /// A class naming the panel, for its share of the wall's width.
    fn class(self) -> &'static str {
        match self {
            Panel::FactsAndChild => "wall-area area-facts",
            Panel::Thoughts => "wall-area area-thoughts",
            Panel::Tree => "wall-area area-tree",
            Panel::WorriesAndWorkedWell => "wall-area area-worries",
            Panel::MissingAndActions => "wall-area area-actions",
        }
    }

    /// The tool's sections shown in this panel, for the facilitator's prompts.
    fn sections(self) -> &'static [SectionKey] {
        match self {
            Panel::FactsAndChild => &[SectionKey::Facts, SectionKey::AboutTheChild],
            Panel::Thoughts => &[SectionKey::ImmediateThoughts],
            Panel::Tree => &[SectionKey::AnalysisTree],
            Panel::WorriesAndWorkedWell => &[SectionKey::Worries, SectionKey::WorkedWell],
            Panel::MissingAndActions => &[SectionKey::MissingInformation, SectionKey::WhatNeedsToHappen],
        }
    }
}

/// A countdown or stopwatch that the facilitator starts and pauses.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Timer {
    /// Seconds counted before the current run.
    banked: f64,
    /// When the current run started (ms since 1970), if running.
    started: Option<f64>,
}

impl Timer {
    fn elapsed(&self, now_ms: f64) -> u64 {
        let running = self.started.map_or(0.0, |s| (now_ms - s) / 1000.0);
        (self.banked + running).max(0.0) as u64
    }
}

impl From<SavedTimer> for Timer {
    fn from(t: SavedTimer) -> Self {
        Timer { banked: t.banked_seconds.max(0.0), started: t.started_at_ms }
    }
}

impl From<Timer> for SavedTimer {
    fn from(t: Timer) -> Self {
        SavedTimer { banked_seconds: t.banked, started_at_ms: t.started }
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The board.
#[component]
pub fn DiscussionBoard(
    /// Whether the latest edits are saved, shown on the board too.
    status: RwSignal<crate::ui::autosave::SaveStatus>,
    /// Returns to the normal view.
    on_leave: Callback<()>,
) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let review_id = review.with_untracked(|r| r.id);
    let saved = board_session::load(review_id);
    let text_size = RwSignal::new(LocalStorage::get::<u32>(TEXT_SIZE_KEY).unwrap_or(100).clamp(80, 200));
    let contrast = RwSignal::new(LocalStorage::get::<bool>(CONTRAST_KEY).unwrap_or(false));
    let prompts_open = RwSignal::new(saved.facilitator_panel_open);
    let prompt_panel = RwSignal::new(Panel::Thoughts);
    let focused = RwSignal::new(saved.focused_area.as_deref().and_then(Panel::from_title));
    let thoughts_timer = RwSignal::new(Timer::from(saved.thoughts_timer));
    let meeting_timer = RwSignal::new(Timer::from(saved.meeting_timer));
    let principles = RwSignal::new(false);
    let tick = RwSignal::new(now_ms());
    let notice = RwSignal::new(String::new());

    // The board's own text size and theme apply to the whole page while it is shown.
    Effect::new(move |_| {
        let root = document().document_element();
        if let Some(root) = root {
            let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
            let _ = root.style().set_property("font-size", &format!("{}%", text_size.get()));
            let _ = root.class_list().toggle_with_force("theme-contrast", contrast.get());
            let _ = root.class_list().add_1("board-mode");
        }
        let _ = LocalStorage::set(TEXT_SIZE_KEY, text_size.get());
        let _ = LocalStorage::set(CONTRAST_KEY, contrast.get());
    });
    // What the wall is doing is kept for this tab, so a reload comes back to it.
    Effect::new(move |_| {
        let (thoughts, meeting, open, area) = (thoughts_timer.get(), meeting_timer.get(), prompts_open.get(), focused.get());
        board_session::update(review_id, |s| {
            s.thoughts_timer = thoughts.into();
            s.meeting_timer = meeting.into();
            s.facilitator_panel_open = open;
            s.focused_area = area.map(|p| p.title().to_string());
        });
    });
    on_cleanup(move || {
        if let Some(root) = document().document_element() {
            let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
            let _ = root.style().remove_property("font-size");
            let _ = root.class_list().remove_2("theme-contrast", "board-mode");
        }
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    });

    // One calm tick a second drives both timers; the notices are said once, politely.
    let interval = set_interval_with_handle(
        move || {
            let now = now_ms();
            tick.set(now);
            let thoughts = thoughts_timer.get_untracked();
            if thoughts.started.is_some() && thoughts.elapsed(now) >= IMMEDIATE_THOUGHTS_SECONDS {
                thoughts_timer.set(Timer { banked: IMMEDIATE_THOUGHTS_SECONDS as f64, started: None });
                notice.set("Five minutes of immediate thoughts are up. Move on to the analysis tree when the room is ready.".into());
            }
            let meeting = meeting_timer.get_untracked();
            if meeting.started.is_some() && meeting.elapsed(now) == MEETING_SECONDS {
                notice.set("The meeting has run for an hour. Leave time to agree the actions.".into());
            }
        },
        Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(i) = interval {
            i.clear();
        }
    });
    let toggle = move |t: RwSignal<Timer>| {
        let now = now_ms();
        t.update(|timer| match timer.started {
            Some(s) => {
                timer.banked += (now - s) / 1000.0;
                timer.started = None;
            }
            None => timer.started = Some(now),
        });
    };
    let thoughts_left = move || IMMEDIATE_THOUGHTS_SECONDS.saturating_sub(thoughts_timer.get().elapsed(tick.get()));
    let meeting_elapsed = move || meeting_timer.get().elapsed(tick.get());

    let full_screen = move |_| {
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        } else if let Some(root) = document().document_element() {
            let _ = root.request_fullscreen();
        }
    };
    let visible = move |p: Panel| focused.get().is_none_or(|f| f == p);
    let attendees = move || read_cd(review, CdPart::Header, |cd: &CaseDiscussion| cd.header.attendees.clone());

    view! {
        <div class="board" class:prompts-open=move || prompts_open.get()>
            <div class="board-bar" role="toolbar" aria-label="Board">
                <h1 class="board-title">{move || review.with(|r| r.title.clone())}</h1>
                <crate::ui::widgets::SaveIndicator status=status/>
                <div class="timer" class:timer-done=move || thoughts_left() == 0>
                    <span class="timer-label">"Thoughts"<span class="visually-hidden">" (immediate thoughts, five minutes)"</span></span>
                    <span class="timer-value" role="timer" aria-label="Immediate thoughts time left">{move || clock(thoughts_left())}</span>
                    <button class="button-secondary" on:click=move |_| toggle(thoughts_timer)>
                        {move || if thoughts_timer.get().started.is_some() { "Pause" } else { "Start" }}
                        <span class="visually-hidden">" the five-minute guide"</span>
                    </button>
                    <button class="button-quiet" on:click=move |_| thoughts_timer.set(Timer::default())>
                        "Reset"<span class="visually-hidden">" the five-minute guide"</span>
                    </button>
                </div>
                <div class="timer">
                    <span class="timer-label">"Meeting"</span>
                    <span class="timer-value" role="timer" aria-label="Meeting time">{move || format!("{} of {}", clock(meeting_elapsed()), clock(MEETING_SECONDS))}</span>
                    <button class="button-secondary" on:click=move |_| toggle(meeting_timer)>
                        {move || if meeting_timer.get().started.is_some() { "Pause" } else { "Start" }}
                        <span class="visually-hidden">" the meeting clock"</span>
                    </button>
                </div>
                <div class="board-controls">
                    <button class="button-secondary" on:click=move |_| text_size.update(|s| *s = (*s).saturating_sub(10).max(80))>"Smaller text"</button>
                    <span class="text-size" aria-live="polite">{move || format!("{}%", text_size.get())}</span>
                    <button class="button-secondary" on:click=move |_| text_size.update(|s| *s = (*s + 10).min(200))>"Larger text"</button>
                    <button class="button-secondary" aria-pressed=move || contrast.get().to_string() on:click=move |_| contrast.update(|c| *c = !*c)>"High contrast"</button>
                    <button class="button-secondary" aria-pressed=move || principles.get().to_string() on:click=move |_| principles.update(|p| *p = !*p)>"Principles"</button>
                    <button class="button-secondary" aria-pressed=move || prompts_open.get().to_string() on:click=move |_| prompts_open.update(|o| *o = !*o)>"Facilitator panel"</button>
                    <button class="button-secondary" on:click=full_screen>"Full screen"</button>
                    <button class="button-primary" on:click=move |_| on_leave.run(())>"Normal view"</button>
                </div>
            </div>
            <p class="board-notice" role="status" aria-live="polite">{move || notice.get()}</p>
            <div class="board-body">
                {move || principles.get().then(|| view! { <PrinciplesPanel on_close=Callback::new(move |_| principles.set(false))/> })}
                <div class="wall" class:has-focus=move || focused.get().is_some() class:hidden=move || principles.get()>
                    {Panel::ALL.into_iter().map(|p| {
                        let label = p.title();
                        let heading_id = format!("wall-area-{}", p.class().rsplit('-').next().unwrap_or("x"));
                        let two_sections = p.sections().len() > 1;
                        view! {
                            <section class=p.class() aria-label=label
                                class:two-sections=move || two_sections && focused.get() != Some(p)
                                class:hidden=move || !visible(p)
                                class:focused=move || focused.get() == Some(p)
                                on:focusin=move |_| prompt_panel.set(p)>
                                <div class="wall-area-head">
                                    // Areas holding two of the tool's sections show those
                                    // sections' headings instead of repeating them here.
                                    <h2 class="wall-area-title" id=heading_id
                                        class:visually-hidden=move || two_sections && focused.get() != Some(p)>{label}</h2>
                                    <button class="button-quiet" on:click=move |_| focused.update(|f| *f = if *f == Some(p) { None } else { Some(p) })>
                                        {move || if focused.get() == Some(p) { "Back to all panels" } else { "Focus" }}
                                        <span class="visually-hidden">{format!(" {label}")}</span>
                                    </button>
                                </div>
                                // Focusable, so a panel that has to scroll (a small screen, large
                                // text) can be scrolled from the keyboard.
                                <div class="wall-area-body" tabindex="0">
                                    {move || {
                                        let enlarged = focused.get() == Some(p);
                                        match (p, enlarged) {
                                            (Panel::Tree, false) => view! { <TreeDiagram wall=true/> }.into_any(),
                                            (Panel::Tree, true) => view! { <AnalysisTreeSection wall=true/> }.into_any(),
                                            (Panel::FactsAndChild, false) => view! { <WallFactsArea/> }.into_any(),
                                            (Panel::FactsAndChild, true) => view! { <FactsSection/><AboutChildSection/> }.into_any(),
                                            (Panel::Thoughts, false) => view! { <WallThoughtsArea/> }.into_any(),
                                            (Panel::Thoughts, true) => view! { <WhoIsMissing/><ThoughtsSection/> }.into_any(),
                                            (Panel::WorriesAndWorkedWell, false) => view! { <WallWorriesArea/> }.into_any(),
                                            (Panel::WorriesAndWorkedWell, true) => view! { <WorriesSection/><WorkedWellSection/> }.into_any(),
                                            (Panel::MissingAndActions, false) => view! { <WallActionsArea/> }.into_any(),
                                            (Panel::MissingAndActions, true) => view! {
                                                <MissingInformationSection/>
                                                <WrapUp/>
                                                <SmartActionsSection/>
                                            }.into_any(),
                                        }
                                    }}
                                </div>
                            </section>
                        }
                    }).collect_view()}
                </div>
                <aside class="facilitator-panel" aria-label="Facilitator panel" class:hidden=move || !prompts_open.get()>
                    <h2>"Facilitator"</h2>
                    <label class="field">
                        <span>"Prompts for"</span>
                        <select on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(p) = Panel::from_title(&v) { prompt_panel.set(p) }
                        }>
                            {Panel::ALL.into_iter().map(|p| view! {
                                <option value=p.title() selected=move || prompt_panel.get() == p>{p.title()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    {move || prompt_panel.get().sections().iter().map(|k| {
                        let g = section(*k);
                        view! {
                            <h3>{format!("{}. {}", g.number, g.title)}</h3>
                            <ul class="prompt-list">{g.prompts.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
                        }
                    }).collect_view()}
                    <h3>"Are key people from the right agencies present?"</h3>
                    <WhoIsMissing/>
                    <ul class="attendee-summary">
                        {move || attendees().into_iter().map(|a| {
                            let who = if a.name.is_empty() { "Attendee".to_string() } else { a.name.clone() };
                            let id = a.id;
                            let select_id = format!("board-attendance-{id}");
                            view! {
                                <li>
                                    <span>{format!("{who} — {}, {}", a.role, a.agency)}</span>
                                    <label class="visually-hidden" for=select_id.clone()>{format!("Attendance of {who}")}</label>
                                    <select id=select_id class="attendance-select" on:change=move |ev| {
                                        if let Some(v) = Attendance::from_key(&event_target_value(&ev)) {
                                            edit_cd(review, |cd| { cd.set_attendance(id, v); });
                                        }
                                    }>
                                        {Attendance::ALL.into_iter().map(|v| view! {
                                            <option value=v.key() selected=a.attendance == v>{v.label()}</option>
                                        }).collect_view()}
                                    </select>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <details class="prompts">
                        <summary>"Assurance questions"</summary>
                        <ul>{ASSURANCE_QUESTIONS.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}</ul>
                    </details>
                </aside>
            </div>
            <CaptureBar/>
        </div>
    }
}

/// Wrap-up: the room's agreement on the outcome, and different views noted sensitively,
/// before actions are finalised.
#[component]
fn WrapUp() -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    view! {
        <section class="section-card wrap-up" aria-label="Wrap-up">
            <h2>"Wrap-up"</h2>
            <p class="prompt">"Reflect around the room: is the majority happy with the outcome? Not everyone may be comfortable; give space to say more."</p>
            <TextArea label="The room's agreement on the outcome"
                value=Signal::derive(move || read_cd(review, CdPart::Outcome, |cd| cd.outcome.agreement.clone()))
                on_change=Callback::new(move |v: String| super::case_discussion_sections::edit_cd(review, |cd| { cd.set_text(NotesText::Agreement, &v); }))/>
            <TextArea label="Different views, noted sensitively (wrap-up)"
                value=Signal::derive(move || read_cd(review, CdPart::Outcome, |cd| cd.outcome.dissent.clone()))
                on_change=Callback::new(move |v: String| super::case_discussion_sections::edit_cd(review, |cd| { cd.set_text(NotesText::Dissent, &v); }))/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_read_as_minutes_and_seconds_then_hours() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(IMMEDIATE_THOUGHTS_SECONDS), "5:00");
        assert_eq!(clock(3723), "1:02:03");
    }

    #[test]
    fn a_paused_timer_keeps_what_it_counted() {
        let t = Timer { banked: 30.0, started: None };
        assert_eq!(t.elapsed(1_000_000.0), 30);
        let running = Timer { banked: 30.0, started: Some(1_000.0) };
        assert_eq!(running.elapsed(11_000.0), 40);
    }
}
