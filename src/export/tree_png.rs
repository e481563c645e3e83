//! The analysis tree as a PNG picture, for documents and slides that do not take SVG: the
//! SVG drawing is painted onto a canvas at twice its size (sharp on projectors and in
//! print) and offered as a download. Everything happens in the browser.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How much larger than the board the picture is drawn.
const SCALE: f64 = 2.0;

/// Turns an SVG document into a PNG and offers it as `file_name`.
pub fn download_svg_as_png(svg: &str, file_name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Ok(image) = web_sys::HtmlImageElement::new() else { return };
    let name = file_name.to_string();
    let img = image.clone();
    let svg_url = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&svg_url);
        let (w, h) = (img.natural_width() as f64 * SCALE, img.natural_height() as f64 * SCALE);
        let Ok(canvas) = document.create_element("canvas") else { return };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        let Some(ctx) = canvas.get_context("2d").ok().flatten() else { return };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h);
        let document = document.clone();
        let on_blob = Closure::once_into_js(move |blob: web_sys::Blob| {
            let Ok(png_url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
            let Ok(a) = document.create_element("a") else { return };
            let a: web_sys::HtmlAnchorElement = a.unchecked_into();
            a.set_href(&png_url);
            a.set_download(&name);
            if let Some(body) = document.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
            let revoke = Closure::once_into_js(move || {
                let _ = web_sys::Url::revoke_object_url(&png_url);
            });
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
            }
        });
        let _ = canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png");
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}
