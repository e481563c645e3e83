//! The few things the screens need from the browser itself: the time now, fresh ids, and
//! the current address. Kept here so the model stays free of them.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wasm_bindgen::JsCast;

/// The current time from the browser's clock.
pub fn now() -> DateTime<Utc> {
    let ms = js_sys::Date::now();
    DateTime::<Utc>::from_timestamp_millis(ms as i64).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// The page's high-resolution clock, in milliseconds since it loaded (0 without one).
pub fn page_clock_ms() -> f64 {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok())
        .and_then(|p| js_sys::Reflect::get(&p, &"now".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()).and_then(|f| f.call0(&p).ok()))
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Records in the browser's performance timeline how long something took since `started`
/// (from [`page_clock_ms`]), so `make bench` can read the app's own timings.
pub fn record_timing(name: &str, started: f64) {
    let Some(performance) = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok()) else { return };
    let Ok(measure) = js_sys::Reflect::get(&performance, &"measure".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else { return };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &started.into());
    let _ = measure.call2(&performance, &name.into(), &options);
}

/// A new random (version 4) id from the browser's cryptographic random source.
pub fn new_id() -> Uuid {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        // Without WebCrypto, fall back to Math.random: ids need to be unique, not secret.
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// The part of the address after `#`.
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Whether the app was opened from a file on disk (`file://`) rather than a web address.
pub fn running_from_file() -> bool {
    web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:")
}

/// Goes to another screen.
pub fn navigate(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(href.trim_start_matches('#'));
    }
}

/// Shows a local time as "22 Nov 2026, 14:05".
pub fn format_local(t: DateTime<Utc>) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!(
        "{} {} {}, {:02}:{:02}",
        d.get_date(),
        months[(d.get_month() as usize).min(11)],
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Today's date on this device's clock, in its own time zone.
pub fn local_today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or_else(|| now().date_naive())
}

pub use crate::model::date_or_period::long_date;

/// Scrolls to a part of the page and puts focus on its heading, as a jump link would
/// (in-page links would change the address, which holds the route).
pub fn jump_to_section(id: &str) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
        if let Some(heading) = el.query_selector("h2, h3").ok().flatten() {
            let heading: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(heading);
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    }
}

/// Moves keyboard focus to the element with this id as soon as the screen has redrawn (a
/// queued task, so the next key press lands there), retrying once after the next frame for
/// elements still being created.
pub fn focus_when_ready(id: String) {
    fn try_focus(id: &str) -> bool {
        use wasm_bindgen::JsCast;
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .map(|el| el.unchecked_into::<web_sys::HtmlElement>().focus().is_ok())
            .unwrap_or(false)
    }
    leptos::task::spawn_local(async move {
        if !try_focus(&id) {
            leptos::prelude::request_animation_frame(move || {
                try_focus(&id);
            });
        }
    });
}
