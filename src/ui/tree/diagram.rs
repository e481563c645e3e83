//! The tree board: the analysis tree drawn as boxes, built live while the room talks. Boxes
//! can be added, reworded and removed by tap, click or key; moved by dragging (mouse, touch
//! or pen, with Pointer Events), by "Move" then tapping where it goes, or from the keyboard
//! (Space to pick up, arrows to move, Enter to drop, Escape to cancel), with every step
//! announced. Every change can be undone. H and R mark the selected cause as a hypothesis
//! or an agreed root cause. Boxes grow to their words; on the wall the tree is fitted to
//! its panel as it grows, and the selected box's actions sit in one fixed place.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::cd_part::CdPart;
use wasm_bindgen::JsCast;

use super::layout::{layout_with, wall_box_width, BoxType, BoxWidths, Sizes, TreeLayout, BOX_H, BOX_W, FOCAL_H};
use super::word_widths::word_widths;
use super::svg_export::tree_svg;
use crate::export::download::download_text;
use crate::export::file_name::file_name;
use crate::export::tree_png::download_svg_as_png;
use crate::ui::sections::cd_watch::CdWatch;
use crate::model::notes_field::NotesText;
use crate::model::problem_tree::{CauseStatus, NodeId, Parent, ProblemTree, Side};
use crate::model::tree_drop::{apply_drop, drop_allowed, Drop};
use crate::model::tree_index::BoxFacts;
use crate::model::tree_nudge::Nudge;
use crate::ui::browser::{focus_when_ready, now};
use crate::ui::sections::case_discussion_sections::{edit_cd, read_cd};
use crate::ui::sections::ReviewContext;

/// How far a pointer must travel before a press becomes a drag (a tap stays a tap).
pub const DRAG_THRESHOLD_PX: f64 = 8.0;

/// What has keyboard focus on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Sel {
    Focal,
    Node(NodeId),
}

/// How a box is marked while another box is dragged over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum DropMark {
    Under,
    Before,
    After,
    Invalid,
}

/// Per-box view state shared with every box. Selectors wake only the boxes whose answer
/// changes, so moving the pointer over a 500-box board redraws two boxes, not 500.
#[derive(Clone)]
struct BoardMarks {
    selected: Selector<Sel>,
    editing: Selector<Option<Sel>>,
    dragging: Selector<Option<NodeId>>,
    drop: Selector<Option<(NodeId, DropMark)>>,
    picked: Selector<Option<NodeId>>,
    infos: Memo<HashMap<NodeId, BoxFacts>>,
    /// Each box's place: left, top, width, depth and side.
    spots: Memo<HashMap<NodeId, (f64, f64, f64, usize, Side)>>,
    /// No box is drawn shorter than this.
    min_h: f64,
}

/// On the wall boxes are 150 to 420 board pixels wide, chosen in 2 px steps; a tree that
/// fits at full size with many widths gets boxes about 280 px wide (some 25 letters a line).
const WALL_BOX_WIDTHS: BoxWidths = BoxWidths { min: 150.0, max: 420.0, step: 2.0, preferred: 280.0 };
/// A fitted tree leaves this much of its viewport free, so rounding never brings scroll bars.
const FIT_SLACK_PX: f64 = 4.0;
/// Spacing on the wall, tighter than the normal view to keep the tree in view at full size.
/// A column's gap leaves room for the selected box's outline.
const WALL_GAP_Y: f64 = 16.0;
const WALL_GAP_X: f64 = 12.0;
const WALL_STACK_GAP: f64 = 8.0;
const WALL_MARGIN: f64 = 8.0;
/// On the wall a box is as short as two lines of its words; the focal point spans the tree.
const WALL_BOX_MIN_H: f64 = 52.0;
const WALL_FOCAL_MIN_W: f64 = 260.0;

fn wall_spacing() -> Sizes {
    Sizes {
        gap_y: WALL_GAP_Y,
        gap_x: WALL_GAP_X,
        margin: WALL_MARGIN,
        stack_gap: WALL_STACK_GAP,
        min_h: WALL_BOX_MIN_H,
        focal_w: WALL_FOCAL_MIN_W,
        focal_spans: true,
        columns: true,
        ..Sizes::default()
    }
}

/// How the wall's boxes set their words around the lines (style/main.css,
/// `.area-tree .tree-box`): 1.2 lines, 4 px by 8 px of padding inside a 2 px border (3 px
/// for the focal point, 4 px for an agreed root cause). `rem_px` is the page's text size,
/// which the board's text-size control changes.
fn wall_type(rem_px: f64) -> BoxType {
    BoxType {
        line_px: 1.25 * 1.2 * rem_px,
        focal_line_px: 1.3 * 1.2 * rem_px,
        pad_x: 16.0 + 4.0,
        pad_y: 8.0 + 4.0,
        focal_pad_x: 16.0 + 6.0,
        focal_pad_y: 8.0 + 6.0,
        agreed_extra: 4.0,
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct DragView {
    node: NodeId,
    x: f64,
    y: f64,
    target: Option<Drop>,
    valid: bool,
}

#[derive(Clone, Copy, Debug)]
struct Press {
    node: NodeId,
    pointer: i32,
    x: f64,
    y: f64,
    dragging: bool,
}

fn kind_word(side: Side) -> &'static str {
    match side {
        Side::Effects => "Effect",
        Side::Causes => "Cause",
    }
}

fn quoted(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        "an empty box".into()
    } else {
        format!("“{}”", t.chars().take(60).collect::<String>())
    }
}

/// The board.
#[component]
pub fn TreeDiagram(
    /// On the wall: fitted to its panel as it grows, boxes as wide as the panel allows,
    /// no export buttons.
    #[prop(optional)]
    wall: bool,
) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let tree = Memo::new(move |_| read_cd(review, CdPart::Tree, |cd| cd.tree.clone()));
    // Each box's height as its words need, measured on the page after it is drawn.
    let heights = RwSignal::new(HashMap::<NodeId, f64>::new());
    let focal_h = RwSignal::new(FOCAL_H);
    let viewport_size = RwSignal::new((0.0f64, 0.0f64));
    let rem_px = RwSignal::new(16.0f64);
    let auto_fit = RwSignal::new(wall);
    // On the wall the box width is the one that lets the tree be shown largest: wider
    // boxes are shorter but make the tree wider. Heights are estimated for the choice and
    // measured once drawn.
    let box_w = Memo::new(move |_| {
        let (vw, vh) = viewport_size.get();
        if !(wall && auto_fit.get() && vw > 0.0 && vh > 0.0) {
            return BOX_W;
        }
        let rem = rem_px.get();
        let mut measure = word_widths(rem);
        tree.with(|t| {
            let view = (vw - FIT_SLACK_PX, vh - FIT_SLACK_PX);
            wall_box_width(t, &wall_spacing(), view, WALL_BOX_WIDTHS, &wall_type(rem), &mut measure)
        })
    });
    let sizes = Memo::new(move |_| {
        let bw = box_w.get();
        if !wall {
            return Sizes { box_w: bw, focal_h: focal_h.get(), heights: heights.get(), ..Sizes::default() };
        }
        let (vw, _) = viewport_size.get();
        let spacing = wall_spacing();
        let focal_w = spacing.focal_w.min((vw - 12.0 - 2.0 * spacing.margin).max(bw)).floor();
        Sizes { box_w: bw, focal_w, focal_h: focal_h.get(), heights: heights.get(), ..spacing }
    });
    let placed = Memo::new(move |_| tree.with(|t| sizes.with(|s| layout_with(t, s))));
    let selected = RwSignal::new(Sel::Focal);
    let editing = RwSignal::new(None::<Sel>);
    let edit_is_new = StoredValue::new(false);
    let picked = RwSignal::new(None::<(NodeId, ProblemTree)>);
    let placing = RwSignal::new(None::<NodeId>);
    let drag = RwSignal::new(None::<DragView>);
    let press = StoredValue::new(None::<Press>);
    // Undo is the review's own: Ctrl+Z here takes back the last change to the discussion,
    // wherever it was made (see `cd_watch`).
    let watch = CdWatch::of(review);
    let new_step = move || {
        if let Some(w) = watch {
            w.new_step();
        }
    };
    let steps = move || watch.map(|w| w.steps.get()).unwrap_or((false, false));
    let manual_zoom = RwSignal::new(1.0f64);
    // Fitted: as large as fits the viewport, never above actual size (so text stays at
    // its full size whenever the tree fits).
    let zoom = Memo::new(move |_| {
        if !auto_fit.get() {
            return manual_zoom.get();
        }
        let (vw, vh) = viewport_size.get();
        let (w, h) = placed.with(|l| (l.width, l.height));
        if vw <= 0.0 || vh <= 0.0 {
            return 1.0;
        }
        ((vw - FIT_SLACK_PX) / w).min((vh - FIT_SLACK_PX) / h).clamp(0.2, 1.0)
    });
    let announce = RwSignal::new(String::new());
    let viewport = NodeRef::<leptos::html::Div>::new();
    let board = NodeRef::<leptos::html::Div>::new();

    // Every tree edit goes through here: a step of its own for Undo, then applied.
    let change = move |f: &mut dyn FnMut(&mut ProblemTree)| {
        new_step();
        edit_cd(review, |cd| f(&mut cd.tree));
    };
    let step_back = move |forward: bool| {
        let Some(w) = watch else { return };
        let parts = if forward { w.redo() } else { w.undo() };
        if let Some(first) = parts.first() {
            let what = if parts.len() == 1 { first.label() } else { "several parts".into() };
            announce.set(format!("{} ({what}).", if forward { "Redone" } else { "Undone" }));
        }
    };
    let undo = move || step_back(false);
    let redo = move || step_back(true);

    let focus_selected = move || {
        if let Some(s) = selected.try_get_untracked() {
            focus_when_ready(match s {
                Sel::Focal => "tree-focal".to_string(),
                Sel::Node(n) => format!("tree-node-{n}"),
            });
        }
    };
    let select = move |s: Sel| {
        selected.set(s);
        focus_selected();
    };
    let describe = move |s: Sel| -> String {
        tree.with_untracked(|t| match s {
            Sel::Focal => format!("Focal point {}", quoted(&t.focal_point)),
            Sel::Node(n) => {
                let side = t.side_of(n).map(kind_word).unwrap_or("Box");
                let text = t.find(n).map(|x| x.text.clone()).unwrap_or_default();
                format!("{side} {}", quoted(&text))
            }
        })
    };

    let add_beyond = move |s: Sel, side_for_focal: Side| {
        let parent = match s {
            Sel::Focal => Parent::Focal(side_for_focal),
            Sel::Node(n) => Parent::Node(n),
        };
        let mut new_id = None;
        change(&mut |t| new_id = t.add_node(parent, ""));
        if let Some(id) = new_id {
            selected.set(Sel::Node(id));
            edit_is_new.set_value(true);
            editing.set(Some(Sel::Node(id)));
        }
    };
    let add_beside = move |s: Sel| {
        let Sel::Node(n) = s else { return };
        let mut new_id = None;
        change(&mut |t| new_id = t.add_sibling_after(n, ""));
        if let Some(id) = new_id {
            selected.set(Sel::Node(id));
            edit_is_new.set_value(true);
            editing.set(Some(Sel::Node(id)));
        }
    };
    let remove = move |s: Sel| {
        let Sel::Node(n) = s else { return };
        let what = describe(s);
        let parent = tree.with_untracked(|t| t.position_of(n));
        change(&mut |t| {
            t.remove_node(n);
        });
        announce.set(format!("{what} removed, with anything under it. Press Ctrl+Z to undo."));
        select(match parent.map(|p| p.parent) {
            Some(Parent::Node(p)) => Sel::Node(p),
            _ => Sel::Focal,
        });
    };
    let start_edit = move |s: Sel| {
        new_step();
        edit_is_new.set_value(false);
        editing.set(Some(s));
    };
    let finish_edit = move |keep: bool, original: String| {
        let Some(s) = editing.get_untracked() else { return };
        editing.set(None);
        if let Sel::Node(n) = s {
            let empty = tree.with_untracked(|t| t.find(n).map(|x| x.text.trim().is_empty()).unwrap_or(false));
            if edit_is_new.get_value() && (empty || !keep) {
                edit_cd(review, |cd| {
                    cd.tree.remove_node(n);
                });
                select(Sel::Focal);
                return;
            }
            if !keep {
                edit_cd(review, |cd| {
                    cd.tree.set_text(n, &original);
                });
            }
        } else if !keep {
            edit_cd(review, |cd| { cd.set_text(NotesText::FocalPoint, &original); });
        }
        focus_selected();
    };

    // Marking a cause: the same key or button again clears the mark.
    let toggle_mark = move |s: Sel, wanted: CauseStatus| {
        let Sel::Node(n) = s else {
            announce.set("The focal point is not marked. Select a cause to mark it.".into());
            return;
        };
        let (side, current) = tree.with_untracked(|t| (t.side_of(n), t.find(n).map(|x| x.status).unwrap_or_default()));
        if side != Some(Side::Causes) {
            announce.set("Only causes are marked as a hypothesis or an agreed root cause.".into());
            return;
        }
        let next = if current == wanted { CauseStatus::Unmarked } else { wanted };
        change(&mut |t| {
            t.set_status(n, next);
        });
        announce.set(format!(
            "{} {}.",
            describe(s),
            match next {
                CauseStatus::Hypothesis => "marked as a hypothesis",
                CauseStatus::AgreedRootCause => "marked as an agreed root cause",
                CauseStatus::Unmarked => "no longer marked",
            }
        ));
    };
    let park = move |s: Sel| {
        let Sel::Node(n) = s else { return };
        let what = describe(s);
        let parent = tree.with_untracked(|t| t.position_of(n));
        change(&mut |t| {
            t.park_box(n);
        });
        announce.set(format!("{what} moved to the parking area, with anything under it."));
        select(match parent.map(|p| p.parent) {
            Some(Parent::Node(p)) => Sel::Node(p),
            _ => Sel::Focal,
        });
    };
    let place_parked = move |id: NodeId, side_for_focal: Side| {
        let parent = match selected.get_untracked() {
            Sel::Node(n) if tree.with_untracked(|t| t.find(n).is_some()) => Parent::Node(n),
            _ => Parent::Focal(side_for_focal),
        };
        let mut ok = false;
        change(&mut |t| ok = t.place_parked(id, parent));
        if ok {
            let place = tree.with_untracked(|t| t.describe_place(id)).unwrap_or_default();
            announce.set(format!("Placed on the tree. {place}"));
            select(Sel::Node(id));
        } else {
            announce.set("That point could not be placed: the box it was to go under is no longer on the tree.".into());
        }
    };

    // Keyboard moving: pick up, nudge, drop or put back.
    let pick_up = move |n: NodeId| {
        // The whole move, pick-up to drop, is one step for Undo.
        new_step();
        picked.set(Some((n, tree.get_untracked())));
        announce.set(format!(
            "Picked up {}. Use the arrow keys to move it, Enter to drop it here, Escape to put it back.",
            describe(Sel::Node(n))
        ));
    };
    let nudge = move |n: NodeId, step: Nudge| {
        let mut result = Ok(false);
        edit_cd(review, |cd| result = cd.tree.nudge(n, step));
        let place = tree.with_untracked(|t| t.describe_place(n)).unwrap_or_default();
        announce.set(match result {
            Ok(true) => place,
            Ok(false) => format!("It cannot go further that way. {place}"),
            Err(e) => e.to_string(),
        });
        focus_selected();
    };
    let drop_picked = move || {
        if let Some((n, _)) = picked.get_untracked() {
            picked.set(None);
            let place = tree.with_untracked(|t| t.describe_place(n)).unwrap_or_default();
            announce.set(format!("Dropped. {place}"));
        }
    };
    let cancel_pick = move || {
        if let Some((_, before)) = picked.get_untracked() {
            picked.set(None);
            edit_cd(review, |cd| cd.put_tree_back(before));
            announce.set("Move cancelled; the box is back where it was.".into());
            focus_selected();
        }
    };

    // Move-then-tap: the single-pointer alternative to dragging.
    let place_at = move |target: Drop| {
        let Some(n) = placing.get_untracked() else { return };
        if !tree.with_untracked(|t| drop_allowed(t, n, target)) {
            announce.set("A box cannot go under itself or under a box that grows from it. Choose another place.".into());
            return;
        }
        let mut result = Ok(());
        change(&mut |t| result = apply_drop(t, n, target));
        placing.set(None);
        match result {
            Ok(()) => {
                let place = tree.with_untracked(|t| t.describe_place(n)).unwrap_or_default();
                announce.set(format!("Moved. {place}"));
                select(Sel::Node(n));
            }
            Err(e) => announce.set(e),
        }
    };

    // Arrow-key navigation in the picture's own directions.
    let neighbour = move |from: Sel, key: &str| -> Option<Sel> {
        tree.with_untracked(|t| {
            placed.with_untracked(|l| match from {
                Sel::Focal => match key {
                    "ArrowUp" => t.effects.first().map(|n| Sel::Node(n.id)),
                    "ArrowDown" => t.causes.first().map(|n| Sel::Node(n.id)),
                    _ => None,
                },
                Sel::Node(n) => {
                    let side = t.side_of(n)?;
                    let here = l.find(n)?;
                    let toward_parent = || match here.parent {
                        Some(p) => Some(Sel::Node(p)),
                        None => Some(Sel::Focal),
                    };
                    let first_child = || t.find(n).and_then(|x| x.children.first()).map(|c| Sel::Node(c.id));
                    if here.stacked {
                        // A column: along the column, away from or back toward the parent.
                        let at = t.position_of(n)?;
                        let row = t.children_of(at.parent)?;
                        let outward = matches!((key, side), ("ArrowDown", Side::Causes) | ("ArrowUp", Side::Effects));
                        let inward = matches!((key, side), ("ArrowUp", Side::Causes) | ("ArrowDown", Side::Effects));
                        if outward {
                            return first_child().or_else(|| row.get(at.index + 1).map(|c| Sel::Node(c.id)));
                        }
                        if inward {
                            return if at.index == 0 { toward_parent() } else { row.get(at.index - 1).map(|c| Sel::Node(c.id)) };
                        }
                    }
                    match (key, side) {
                        ("ArrowUp", Side::Causes) | ("ArrowDown", Side::Effects) => toward_parent(),
                        ("ArrowDown", Side::Causes) | ("ArrowUp", Side::Effects) => first_child(),
                        ("ArrowLeft", _) | ("ArrowRight", _) => {
                            let left = key == "ArrowLeft";
                            l.boxes
                                .iter()
                                .filter(|b| b.side == side && b.depth == here.depth && b.id != n && (!b.stacked || b.parent != here.parent))
                                .filter(|b| if left { b.x < here.x } else { b.x > here.x })
                                .min_by(|a, b| (a.x - here.x).abs().total_cmp(&(b.x - here.x).abs()))
                                .map(|b| Sel::Node(b.id))
                        }
                        _ => None,
                    }
                }
            })
        })
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if editing.get_untracked().is_some() {
            return;
        }
        let key = ev.key();
        let ctrl = ev.ctrl_key() || ev.meta_key();
        if ctrl && (key == "z" || key == "Z") {
            ev.prevent_default();
            if ev.shift_key() { redo() } else { undo() }
            return;
        }
        if ctrl && (key == "y" || key == "Y") {
            ev.prevent_default();
            redo();
            return;
        }
        if ev.alt_key() || ctrl {
            return;
        }
        let s = selected.get_untracked();
        if let Some((n, _)) = picked.get_untracked() {
            let side = tree.with_untracked(|t| t.side_of(n));
            let step = match (key.as_str(), side) {
                ("ArrowLeft", _) => Some(Nudge::Earlier),
                ("ArrowRight", _) => Some(Nudge::Later),
                ("ArrowUp", Some(Side::Causes)) | ("ArrowDown", Some(Side::Effects)) => Some(Nudge::TowardFocal),
                ("ArrowDown", Some(Side::Causes)) | ("ArrowUp", Some(Side::Effects)) => Some(Nudge::AwayFromFocal),
                _ => None,
            };
            if let Some(step) = step {
                ev.prevent_default();
                nudge(n, step);
            } else if key == "Enter" || key == " " {
                ev.prevent_default();
                drop_picked();
            } else if key == "Escape" {
                ev.prevent_default();
                cancel_pick();
            }
            return;
        }
        match key.as_str() {
            "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" => {
                ev.prevent_default();
                if let Some(next) = neighbour(s, &key) {
                    select(next);
                }
            }
            "Home" => {
                ev.prevent_default();
                select(Sel::Focal);
            }
            "Enter" | "F2" => {
                ev.prevent_default();
                if let (Some(n), Sel::Node(t)) = (placing.get_untracked(), s) {
                    if n != t {
                        place_at(Drop::Under(t));
                        return;
                    }
                }
                start_edit(s);
            }
            "a" | "A" => {
                ev.prevent_default();
                add_beyond(s, Side::Causes);
            }
            "e" | "E" if s == Sel::Focal => {
                ev.prevent_default();
                add_beyond(s, Side::Effects);
            }
            "s" | "S" => {
                ev.prevent_default();
                add_beside(s);
            }
            "Delete" | "Backspace" => {
                ev.prevent_default();
                remove(s);
            }
            " " | "m" | "M" => {
                if let Sel::Node(n) = s {
                    ev.prevent_default();
                    pick_up(n);
                }
            }
            "h" | "H" | "r" | "R" => {
                ev.prevent_default();
                let wanted = if key.eq_ignore_ascii_case("h") { CauseStatus::Hypothesis } else { CauseStatus::AgreedRootCause };
                toggle_mark(s, wanted);
            }
            "Escape" => {
                if placing.get_untracked().is_some() {
                    placing.set(None);
                    announce.set("Move cancelled.".into());
                }
            }
            _ => {}
        }
    };

    // Pointer dragging (mouse, touch, pen).
    let hit_test = move |x: f64, y: f64, dragged: NodeId| -> Option<Drop> {
        let el = document().element_from_point(x as f32, y as f32)?;
        if let Some(node_el) = el.closest("[data-node-id]").ok().flatten() {
            let id: NodeId = node_el.get_attribute("data-node-id")?.parse().ok()?;
            let rect = node_el.get_bounding_client_rect();
            let rel = (x - rect.left()) / rect.width().max(1.0);
            return Some(if id == dragged {
                return None;
            } else if rel < 0.25 {
                Drop::Before(id)
            } else if rel > 0.75 {
                Drop::After(id)
            } else {
                Drop::Under(id)
            });
        }
        if let Some(focal) = el.closest("[data-focal]").ok().flatten() {
            let rect = focal.get_bounding_client_rect();
            let top_half = y < rect.top() + rect.height() / 2.0;
            return Some(Drop::OnFocal(if top_half { Side::Effects } else { Side::Causes }));
        }
        None
    };
    let pointer_down = move |ev: web_sys::PointerEvent, n: NodeId| {
        if ev.button() != 0 || editing.get_untracked().is_some() {
            return;
        }
        // Buttons inside a box keep their own behaviour.
        if ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("button, textarea, select").ok().flatten()).is_some() {
            return;
        }
        press.set_value(Some(Press { node: n, pointer: ev.pointer_id(), x: ev.client_x() as f64, y: ev.client_y() as f64, dragging: false }));
        if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };
    let pointer_move = move |ev: web_sys::PointerEvent| {
        let Some(mut p) = press.get_value() else { return };
        if p.pointer != ev.pointer_id() {
            return;
        }
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        if !p.dragging && ((x - p.x).powi(2) + (y - p.y).powi(2)).sqrt() < DRAG_THRESHOLD_PX {
            return;
        }
        if !p.dragging {
            p.dragging = true;
            press.set_value(Some(p));
            announce.set(format!("Dragging {}.", describe(Sel::Node(p.node))));
        }
        ev.prevent_default();
        let target = hit_test(x, y, p.node);
        let valid = target.is_some_and(|t| tree.with_untracked(|tr| drop_allowed(tr, p.node, t)));
        drag.set(Some(DragView { node: p.node, x, y, target, valid }));
    };
    let pointer_up = move |ev: web_sys::PointerEvent| {
        let Some(p) = press.get_value() else { return };
        if p.pointer != ev.pointer_id() {
            return;
        }
        press.set_value(None);
        let view = drag.get_untracked();
        drag.set(None);
        if !p.dragging {
            // A tap: select, or finish a Move-then-tap.
            if let Some(n) = placing.get_untracked() {
                if n != p.node {
                    place_at(Drop::Under(p.node));
                    return;
                }
            }
            select(Sel::Node(p.node));
            return;
        }
        match view.and_then(|v| v.target.map(|t| (t, v.valid))) {
            Some((target, true)) => {
                let mut result = Ok(());
                change(&mut |t| result = apply_drop(t, p.node, target));
                let place = tree.with_untracked(|t| t.describe_place(p.node)).unwrap_or_default();
                announce.set(match result {
                    Ok(()) => format!("Moved. {place}"),
                    Err(e) => e,
                });
                select(Sel::Node(p.node));
            }
            Some((_, false)) => announce.set("A box cannot go under itself or under a box that grows from it. Nothing was changed.".into()),
            None => announce.set("Dropped outside the tree; nothing was changed.".into()),
        }
    };
    let pointer_cancel = move |_| {
        press.set_value(None);
        drag.set(None);
    };
    let focal_tap = move |ev: web_sys::PointerEvent| {
        if placing.get_untracked().is_none() {
            selected.set(Sel::Focal);
            return;
        }
        if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let rect = el.get_bounding_client_rect();
            let side = if (ev.client_y() as f64) < rect.top() + rect.height() / 2.0 { Side::Effects } else { Side::Causes };
            place_at(Drop::OnFocal(side));
        }
    };

    // Zoom and fit: "Fit to screen" keeps the tree fitted as it grows, until the
    // facilitator zooms by hand.
    let fit = move || auto_fit.set(true);
    let set_zoom = move |z: f64| {
        manual_zoom.set(z.clamp(0.2, 2.5));
        auto_fit.set(false);
    };

    // The viewport's size, followed as the panel, the window or the text size change.
    let observer = StoredValue::new(None::<send_wrapper::SendWrapper<web_sys::ResizeObserver>>);
    Effect::new(move |_| {
        let Some(vp) = viewport.get() else { return };
        let el: web_sys::HtmlElement = vp.clone().unchecked_into();
        let read = {
            let el = el.clone();
            move || {
                viewport_size.set((el.client_width() as f64, el.client_height() as f64));
                let root_px = document()
                    .document_element()
                    .and_then(|root| window().get_computed_style(&root).ok().flatten())
                    .and_then(|cs| cs.get_property_value("font-size").ok())
                    .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok());
                if let Some(px) = root_px.filter(|px| *px > 0.0) {
                    rem_px.set(px);
                }
            }
        };
        read();
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| read());
        if let Ok(obs) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            obs.observe(&el);
            observer.set_value(Some(send_wrapper::SendWrapper::new(obs)));
        }
        callback.forget();
    });
    on_cleanup(move || {
        if let Some(Some(obs)) = observer.try_get_value() {
            obs.disconnect();
        }
    });

    // Boxes grow to their words: after each drawing, read how tall each box came out and
    // lay the tree out again if any changed (the second pass changes nothing, so it stops).
    Effect::new(move |_| {
        let ids: Vec<NodeId> = placed.with(|l| l.boxes.iter().map(|b| b.id).collect());
        box_w.track();
        request_animation_frame(move || {
            let height_of = |dom_id: &str| {
                document()
                    .get_element_by_id(dom_id)
                    .map(|e| e.unchecked_into::<web_sys::HtmlElement>().offset_height() as f64)
                    .filter(|h| *h > 0.0)
            };
            let mut changed = false;
            let mut next = heights.try_get_untracked().unwrap_or_default();
            for id in ids {
                if let Some(h) = height_of(&format!("tree-node-{id}")) {
                    let old = next.get(&id).copied().unwrap_or(BOX_H);
                    if (old - h).abs() > 1.0 {
                        next.insert(id, h);
                        changed = true;
                    }
                }
            }
            if changed {
                heights.try_set(next);
            }
            if let Some(h) = height_of("tree-focal") {
                if (focal_h.try_get_untracked().unwrap_or(FOCAL_H) - h).abs() > 1.0 {
                    focal_h.try_set(h);
                }
            }
        });
    });

    let title = move || review.with_untracked(|r| r.title.clone());
    let export_svg = move |_| {
        let svg = tree.with_untracked(|t| tree_svg(t, &format!("Analysis tree: {}", title())));
        let name = file_name(&format!("{} analysis tree", title()), now().date_naive(), "svg");
        let _ = download_text(&name, "image/svg+xml", &svg);
        announce.set(format!("Saved the tree as {name}."));
    };
    let export_png = move |_| {
        let svg = tree.with_untracked(|t| tree_svg(t, &format!("Analysis tree: {}", title())));
        let name = file_name(&format!("{} analysis tree", title()), now().date_naive(), "png");
        download_svg_as_png(&svg, &name);
        announce.set(format!("Saved the tree as {name}."));
    };

    let node_ids = move || placed.with(|l| l.boxes.iter().map(|b| b.id).collect::<Vec<_>>());
    let marks = BoardMarks {
        selected: Selector::new(move || selected.get()),
        editing: Selector::new(move || editing.get()),
        dragging: Selector::new(move || drag.get().map(|d| d.node)),
        drop: Selector::new(move || {
            drag.get().and_then(|d| {
                let mark = |m| if d.valid { m } else { DropMark::Invalid };
                match d.target? {
                    Drop::Under(t) => Some((t, mark(DropMark::Under))),
                    Drop::Before(t) => Some((t, mark(DropMark::Before))),
                    Drop::After(t) => Some((t, mark(DropMark::After))),
                    Drop::OnFocal(_) => None,
                }
            })
        }),
        picked: Selector::new(move || picked.with(|p| p.as_ref().map(|p| p.0)).or(placing.get())),
        infos: Memo::new(move |_| tree.with(ProblemTree::box_facts)),
        spots: Memo::new(move |_| {
            placed.with(|l| l.boxes.iter().map(|b| (b.id, (b.x, b.y, b.w, b.depth, b.side))).collect::<HashMap<_, _>>())
        }),
        min_h: if wall { WALL_BOX_MIN_H } else { BOX_H },
    };
    let parked = Memo::new(move |_| tree.with(|t| t.parked.iter().map(|p| (p.id, p.text.clone())).collect::<Vec<_>>()));
    let selected_node = move || match selected.get() {
        Sel::Node(n) => tree.with(|t| t.find(n).is_some()).then_some(n),
        Sel::Focal => None,
    };

    view! {
        <div class="tree-editor" class:is-moving=move || picked.get().is_some() || placing.get().is_some()>
            // On the wall the tools and the selected box's actions are one band of fixed
            // height above the tree; elsewhere they are two rows.
            <div class="tree-controls">
                <div class="tree-toolbar" role="toolbar" aria-label="Tree tools">
                    <button class="button-secondary" disabled=move || !steps().0 on:click=move |_| undo() aria-keyshortcuts="Control+Z">"Undo"</button>
                    <button class="button-secondary" disabled=move || !steps().1 on:click=move |_| redo() aria-keyshortcuts="Control+Shift+Z">"Redo"</button>
                    <span class="toolbar-gap zoom-control"></span>
                    <button class="button-secondary zoom-control" on:click=move |_| set_zoom(zoom.get_untracked() / 1.25)>"Zoom out"</button>
                    <span class="zoom-level zoom-control" aria-live="polite">{move || format!("{:.0}%", zoom.get() * 100.0)}</span>
                    <button class="button-secondary zoom-control" on:click=move |_| set_zoom(zoom.get_untracked() * 1.25)>"Zoom in"</button>
                    <button class="button-secondary zoom-control" aria-pressed=move || auto_fit.get().to_string() on:click=move |_| fit()>"Fit to screen"</button>
                    <button class="button-secondary zoom-control" on:click=move |_| set_zoom(1.0)>"Actual size"</button>
                    {(!wall).then(|| view! {
                        <span class="toolbar-gap"></span>
                        <button class="button-quiet" on:click=export_svg>"Save as SVG"</button>
                        <button class="button-quiet" on:click=export_png>"Save as PNG"</button>
                    })}
                </div>
                // The same ten places for every selection, so choosing another box never
                // moves the tree.
                <div class="tree-actions" role="group" aria-label="Selected box">
                    {move || match (placing.get(), selected_node()) {
                        (Some(n), _) => view! {
                            <p class="placing-hint">{format!("Moving {}: tap the box it should go under, or the top or bottom half of the focal point.", describe(Sel::Node(n)))}</p>
                            <button class="button-secondary" on:click=move |_| { placing.set(None); announce.set("Move cancelled.".into()); }>"Cancel move"</button>
                        }.into_any(),
                        (None, Some(n)) => {
                            let side = tree.with_untracked(|t| t.side_of(n)).unwrap_or(Side::Causes);
                            let status = tree.with_untracked(|t| t.find(n).map(|x| x.status)).unwrap_or_default();
                            let cause = side == Side::Causes;
                            view! {
                                <span class="visually-hidden">{format!("Selected: {}", describe(Sel::Node(n)))}</span>
                                <button class="button-secondary" on:click=move |_| start_edit(Sel::Node(n))>"Edit text"</button>
                                <button class="button-secondary" on:click=move |_| add_beyond(Sel::Node(n), side)>
                                    {match side { Side::Effects => "Add further effect", Side::Causes => "Add deeper cause" }}
                                </button>
                                <button class="button-secondary" on:click=move |_| add_beside(Sel::Node(n))>
                                    {match side { Side::Effects => "Add effect beside", Side::Causes => "Add cause beside" }}
                                </button>
                                <button class="button-secondary" on:click=move |_| {
                                    placing.set(Some(n));
                                    announce.set(format!("Moving {}. Tap the box it should go under, or the top (effect) or bottom (cause) half of the focal point.", describe(Sel::Node(n))));
                                }>"Move"</button>
                                <button class="button-secondary" on:click=move |_| change(&mut |t| { let _ = t.nudge(n, Nudge::Earlier); })>"Move earlier"</button>
                                <button class="button-secondary" on:click=move |_| change(&mut |t| { let _ = t.nudge(n, Nudge::Later); })>"Move later"</button>
                                <button class="button-secondary" disabled=!cause aria-keyshortcuts="H" aria-pressed=(cause && status == CauseStatus::Hypothesis).to_string()
                                    on:click=move |_| toggle_mark(Sel::Node(n), CauseStatus::Hypothesis)>"Hypothesis"<kbd aria-hidden="true">"H"</kbd></button>
                                <button class="button-secondary" disabled=!cause aria-keyshortcuts="R" aria-pressed=(cause && status == CauseStatus::AgreedRootCause).to_string()
                                    on:click=move |_| toggle_mark(Sel::Node(n), CauseStatus::AgreedRootCause)>"Agreed root cause"<kbd aria-hidden="true">"R"</kbd></button>
                                <button class="button-secondary" on:click=move |_| park(Sel::Node(n))>"Park"<span class="visually-hidden">" this box"</span></button>
                                <button class="button-secondary danger" on:click=move |_| remove(Sel::Node(n))>"Delete box"</button>
                            }.into_any()
                        }
                        (None, None) => view! {
                            <span class="visually-hidden">"Selected: the focal point"</span>
                            <button class="button-secondary" on:click=move |_| start_edit(Sel::Focal)>"Edit focal point"</button>
                            <button class="button-secondary" on:click=move |_| add_beyond(Sel::Focal, Side::Effects)>"Add effect"</button>
                            <button class="button-secondary" on:click=move |_| add_beyond(Sel::Focal, Side::Causes)>"Add cause"</button>
                            <button class="button-secondary" disabled=true>"Move"</button>
                            <button class="button-secondary" disabled=true>"Move earlier"</button>
                            <button class="button-secondary" disabled=true>"Move later"</button>
                            <button class="button-secondary" disabled=true>"Hypothesis"<kbd aria-hidden="true">"H"</kbd></button>
                            <button class="button-secondary" disabled=true>"Agreed root cause"<kbd aria-hidden="true">"R"</kbd></button>
                            <button class="button-secondary" disabled=true>"Park"</button>
                            <button class="button-secondary danger" disabled=true>"Delete box"</button>
                        }.into_any(),
                    }}
                </div>
            </div>
            <p id="tree-keys" class="hint tree-keys" class:visually-hidden=wall>
                "Keys: arrows move between boxes · Enter edits · A adds a box beyond · S adds one beside · E adds an effect from the focal point · H marks a cause as a hypothesis · R as an agreed root cause · Space picks a box up to move it (arrows, then Enter; Escape puts it back) · Delete removes · Ctrl+Z undoes."
            </p>
            {move || {
                let list = parked.get();
                (!list.is_empty()).then(|| view! {
                    <section class="parking" aria-label="Parking area: points not placed on the tree yet">
                        <h3 class="parking-title">{format!("Not placed yet ({})", list.len())}</h3>
                        <ul class="parking-list">
                            {list.into_iter().enumerate().map(|(i, (id, text))| {
                                let n = i + 1;
                                view! {
                                    <li class="parked-point">
                                        <span class="parked-text">{text}</span>
                                        {move || if selected_node().is_some() {
                                            view! {
                                                <button class="button-secondary" on:click=move |_| place_parked(id, Side::Causes)>
                                                    "Place under selected box"<span class="visually-hidden">{format!(" (parked point {n})")}</span>
                                                </button>
                                            }.into_any()
                                        } else {
                                            view! {
                                                <button class="button-secondary" on:click=move |_| place_parked(id, Side::Causes)>
                                                    "Place as cause"<span class="visually-hidden">{format!(" (parked point {n})")}</span>
                                                </button>
                                                <button class="button-secondary" on:click=move |_| place_parked(id, Side::Effects)>
                                                    "Place as effect"<span class="visually-hidden">{format!(" (parked point {n})")}</span>
                                                </button>
                                            }.into_any()
                                        }}
                                        <button class="button-quiet" on:click=move |_| change(&mut |t| { t.discard_parked(id); })>
                                            "Remove"<span class="visually-hidden">{format!(" parked point {n}")}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            <div class="tree-viewport" node_ref=viewport>
                <div class="tree-stage"
                    style:width=move || format!("{}px", placed.with(|l| l.width) * zoom.get())
                    style:height=move || format!("{}px", placed.with(|l| l.height) * zoom.get())>
                    <div class="tree-canvas" node_ref=board
                        style:width=move || format!("{}px", placed.with(|l| l.width))
                        style:height=move || format!("{}px", placed.with(|l| l.height))
                        style:transform=move || format!("scale({})", zoom.get())>
                        <Connectors placed=placed/>
                        <div role="tree" aria-label="Analysis tree" aria-describedby="tree-keys" class="tree-items"
                            on:keydown=on_keydown>
                            <FocalBox tree=tree placed=placed selected=selected editing=editing drag=drag
                                min_h=if wall { WALL_BOX_MIN_H } else { FOCAL_H }
                                on_tap=Callback::new(move |ev: web_sys::PointerEvent| focal_tap(ev))
                                on_finish=Callback::new(move |(keep, original): (bool, String)| finish_edit(keep, original))
                                on_start=Callback::new(move |_| start_edit(Sel::Focal))/>
                            <For each=node_ids key=|id| *id children=move |id| view! {
                                <TreeBox id=id marks=marks.clone()
                                    on_down=Callback::new(move |ev: web_sys::PointerEvent| pointer_down(ev, id))
                                    on_move=Callback::new(move |ev: web_sys::PointerEvent| pointer_move(ev))
                                    on_up=Callback::new(move |ev: web_sys::PointerEvent| pointer_up(ev))
                                    on_cancel=Callback::new(move |_| pointer_cancel(()))
                                    on_start=Callback::new(move |_| start_edit(Sel::Node(id)))
                                    on_finish=Callback::new(move |(keep, original): (bool, String)| finish_edit(keep, original))
                                    on_focus=Callback::new(move |_| selected.set(Sel::Node(id)))/>
                            }/>
                        </div>
                    </div>
                </div>
            </div>
            {move || drag.get().map(|d| view! {
                <div class="drag-ghost" class:invalid=!d.valid aria-hidden="true"
                    style:transform=format!("translate({}px, {}px)", d.x + 12.0, d.y + 12.0)>
                    {tree.with_untracked(|t| t.find(d.node).map(|n| n.text.clone()).unwrap_or_default())}
                </div>
            })}
            <div class="visually-hidden" aria-live="assertive" role="status">{move || announce.get()}</div>
        </div>
    }
}

/// The lines from each box to what it grows from.
#[component]
fn Connectors(placed: Memo<TreeLayout>) -> impl IntoView {
    view! {
        <svg class="tree-lines" aria-hidden="true" focusable="false"
            width=move || placed.with(|l| l.width) height=move || placed.with(|l| l.height)>
            {move || placed.with(|l| l.boxes.iter().map(|b| view! { <path d=l.connector_path(b)/> }).collect_view())}
        </svg>
    }
}

/// The focal point box in the middle of the board.
#[component]
fn FocalBox(
    tree: Memo<ProblemTree>,
    placed: Memo<TreeLayout>,
    selected: RwSignal<Sel>,
    editing: RwSignal<Option<Sel>>,
    drag: RwSignal<Option<DragView>>,
    /// The focal point is never drawn shorter than this.
    min_h: f64,
    on_tap: Callback<web_sys::PointerEvent>,
    on_start: Callback<()>,
    on_finish: Callback<(bool, String)>,
) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let drop_class = move || match drag.get().and_then(|d| d.target) {
        Some(Drop::OnFocal(Side::Effects)) => "drop-effects",
        Some(Drop::OnFocal(Side::Causes)) => "drop-causes",
        _ => "",
    };
    view! {
        <div id="tree-focal" class=move || format!("tree-focal {}", drop_class()) data-focal="true"
            role="treeitem" prop:ariaLevel="1" aria-expanded="true"
            aria-selected=move || (selected.get() == Sel::Focal).to_string()
            tabindex=move || if selected.get() == Sel::Focal { "0" } else { "-1" }
            style:left=move || format!("{}px", placed.with(|l| l.focal_x))
            style:top=move || format!("{}px", placed.with(|l| l.focal_y))
            style:width=move || format!("{}px", placed.with(|l| l.focal_w)) style:min-height=format!("{min_h}px")
            on:focus=move |_| selected.set(Sel::Focal)
            on:pointerup=move |ev| on_tap.run(ev)
            on:dblclick=move |_| on_start.run(())>
            <span class="visually-hidden">"Focal point: "</span>
            {move || if editing.get() == Some(Sel::Focal) {
                let original = tree.with_untracked(|t| t.focal_point.clone());
                view! { <BoxEditor label="Focal point text".to_string() original=original
                    value=Signal::derive(move || tree.with(|t| t.focal_point.clone()))
                    on_input=Callback::new(move |v: String| edit_cd(review, |cd| { cd.set_text(NotesText::FocalPoint, &v); }))
                    on_finish=on_finish/> }.into_any()
            } else {
                view! { <span class="box-text">{move || {
                    let t = tree.with(|t| t.focal_point.clone());
                    if t.trim().is_empty() { "Focal point (tap, then Edit)".to_string() } else { t }
                }}</span> }.into_any()
            }}
        </div>
    }
}

/// One box on the board.
#[component]
fn TreeBox(
    id: NodeId,
    marks: BoardMarks,
    on_down: Callback<web_sys::PointerEvent>,
    on_move: Callback<web_sys::PointerEvent>,
    on_up: Callback<web_sys::PointerEvent>,
    on_cancel: Callback<()>,
    on_start: Callback<()>,
    on_finish: Callback<(bool, String)>,
    on_focus: Callback<()>,
) -> impl IntoView {
    let ReviewContext(review) = expect_context::<ReviewContext>();
    let BoardMarks { selected, editing, dragging, drop, picked, infos, spots, min_h } = marks;
    let spot = Memo::new(move |_| spots.with(|m| m.get(&id).copied()));
    let info = Memo::new(move |_| infos.with(|m| m.get(&id).cloned().unwrap_or_default()));
    let is_selected = {
        let selected = selected.clone();
        move || selected.selected(&Sel::Node(id))
    };
    let side = move || spot.get().map(|s| s.4).unwrap_or(Side::Causes);
    let class = move || {
        let mut c = String::from("tree-box");
        c.push_str(match side() {
            Side::Effects => " effect",
            Side::Causes => " cause",
        });
        match info.with(|i| i.status) {
            CauseStatus::Hypothesis if side() == Side::Causes => c.push_str(" hypothesis"),
            CauseStatus::AgreedRootCause if side() == Side::Causes => c.push_str(" agreed"),
            _ => {}
        }
        if selected.selected(&Sel::Node(id)) {
            c.push_str(" selected");
        }
        if picked.selected(&Some(id)) {
            c.push_str(" picked");
        }
        if dragging.selected(&Some(id)) {
            c.push_str(" dragging");
        }
        for (mark, class) in [
            (DropMark::Under, " drop-under"),
            (DropMark::Before, " drop-before"),
            (DropMark::After, " drop-after"),
            (DropMark::Invalid, " drop-invalid"),
        ] {
            if drop.selected(&Some((id, mark))) {
                c.push_str(class);
            }
        }
        c
    };
    let status_word = move || match (side(), info.with(|i| i.status)) {
        (Side::Causes, CauseStatus::Hypothesis) => "Hypothesis",
        (Side::Causes, CauseStatus::AgreedRootCause) => "Agreed root cause",
        _ => "",
    };
    view! {
        <div id=format!("tree-node-{id}") class=class data-node-id=id.to_string()
            role="treeitem"
            prop:ariaLevel=move || (spot.get().map(|s| s.3).unwrap_or(1) + 1).to_string()
            prop:ariaPosInSet=move || info.with(|i| i.position).to_string()
            prop:ariaSetSize=move || info.with(|i| i.of).to_string()
            aria-expanded=move || info.with(|i| i.has_children).then_some("true")
            aria-selected={ let s = is_selected.clone(); move || s().to_string() }
            tabindex=move || if is_selected() { "0" } else { "-1" }
            style:left=move || format!("{}px", spot.get().map(|s| s.0).unwrap_or(0.0))
            style:top=move || format!("{}px", spot.get().map(|s| s.1).unwrap_or(0.0))
            style:width=move || format!("{}px", spot.get().map(|s| s.2).unwrap_or(BOX_W)) style:min-height=format!("{min_h}px")
            on:focus=move |_| on_focus.run(())
            on:pointerdown=move |ev| on_down.run(ev)
            on:pointermove=move |ev| on_move.run(ev)
            on:pointerup=move |ev| on_up.run(ev)
            on:pointercancel=move |_| on_cancel.run(())
            on:dblclick=move |_| on_start.run(())>
            <span class="visually-hidden">{move || format!("{}: ", kind_word(side()))}</span>
            {move || if editing.selected(&Some(Sel::Node(id))) {
                let original = info.with_untracked(|i| i.text.clone());
                view! { <BoxEditor label=format!("{} text", kind_word(side())) original=original
                    value=Signal::derive(move || info.with(|i| i.text.clone()))
                    on_input=Callback::new(move |v: String| edit_cd(review, |cd| { cd.tree.set_text(id, &v); }))
                    on_finish=on_finish/> }.into_any()
            } else {
                view! { <span class="box-text">{move || {
                    let t = info.with(|i| i.text.clone());
                    if t.trim().is_empty() { "(empty)".to_string() } else { t }
                }}</span> }.into_any()
            }}
            {move || (!status_word().is_empty()).then(|| view! { <span class="box-status">{status_word()}</span> })}
        </div>
    }
}

/// The text box that opens inside a box while it is being reworded. Enter keeps the words,
/// Escape puts back what was there.
#[component]
fn BoxEditor(
    label: String,
    original: String,
    value: Signal<String>,
    on_input: Callback<String>,
    on_finish: Callback<(bool, String)>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(a) = area.get() {
            let _ = a.focus();
            a.select();
        }
    });
    let done = StoredValue::new(false);
    let original_for_key = original.clone();
    // Enter removes this editor at once, and the browser then reports a blur from the
    // removed textarea: by then this editor's values are gone, which also means "done".
    let finish = move |keep: bool, original: String| {
        if !done.try_get_value().unwrap_or(true) {
            done.try_set_value(true);
            // Hand focus to the box itself before this editor goes, so the next key press
            // is not lost on the page.
            if let Some(item) = area.get_untracked().and_then(|a| a.closest("[role=treeitem]").ok().flatten()) {
                let _ = item.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            on_finish.run((keep, original));
        }
    };
    view! {
        <textarea class="box-editor" node_ref=area aria-label=label rows="3"
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
            on:keydown=move |ev| {
                ev.stop_propagation();
                if ev.key() == "Enter" && !ev.shift_key() {
                    ev.prevent_default();
                    finish(true, original_for_key.clone());
                } else if ev.key() == "Escape" {
                    ev.prevent_default();
                    finish(false, original_for_key.clone());
                }
            }
            on:blur=move |_| finish(true, original.clone())></textarea>
    }
}
