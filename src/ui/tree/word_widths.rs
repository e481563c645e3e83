//! Word widths are how wide the words of the tree's boxes come out on this screen, in the
//! fonts the browser really uses, so the wall can choose how wide to make the boxes before
//! drawing them (a box as tall as its words need, the whole tree in view). Measured with an
//! off-screen canvas; if there is none, letters are taken to be half a font size wide.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use super::layout::Face;

/// The wall's type (style/main.css, `.area-tree .tree-box` and `.tree-focal`): boxes at
/// 1.25 rem, the focal point at 1.3 rem bold, marks at 1.25 rem bold.
fn font(face: Face, rem_px: f64, family: &str) -> (String, f64) {
    let (weight, size) = match face {
        Face::Box => (400, 1.25 * rem_px),
        Face::Focal => (700, 1.3 * rem_px),
        Face::Mark => (700, 1.25 * rem_px),
    };
    (format!("{weight} {size}px {family}"), size)
}

thread_local! {
    static CONTEXT: RefCell<Option<CanvasRenderingContext2d>> = const { RefCell::new(None) };
}

fn context() -> Option<CanvasRenderingContext2d> {
    CONTEXT.with(|c| {
        if c.borrow().is_none() {
            let made = leptos::prelude::document()
                .create_element("canvas")
                .ok()
                .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
                .and_then(|canvas| canvas.get_context("2d").ok().flatten())
                .and_then(|ctx| ctx.dyn_into::<CanvasRenderingContext2d>().ok());
            *c.borrow_mut() = made;
        }
        c.borrow().clone()
    })
}

/// The page's font family, as the boxes inherit it.
fn family() -> String {
    let body = leptos::prelude::document().body();
    body.and_then(|b| leptos::prelude::window().get_computed_style(&b).ok().flatten())
        .and_then(|cs| cs.get_property_value("font-family").ok())
        .filter(|f| !f.trim().is_empty())
        .unwrap_or_else(|| "sans-serif".into())
}

/// A measure of words for `layout::wall_box_width` at a root text size of `rem_px`.
pub fn word_widths(rem_px: f64) -> impl FnMut(&str, Face) -> f64 {
    let ctx = context();
    let family = family();
    let mut current = None::<Face>;
    move |text: &str, face: Face| {
        let (font, size) = font(face, rem_px, &family);
        match &ctx {
            Some(ctx) => {
                if current != Some(face) {
                    ctx.set_font(&font);
                    current = Some(face);
                }
                ctx.measure_text(text).map(|m| m.width()).unwrap_or(text.chars().count() as f64 * size * 0.55)
            }
            None => text.chars().count() as f64 * size * 0.55,
        }
    }
}
