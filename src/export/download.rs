//! A download hands a file the app made (a review file, a CSV, a Word document) to the
//! person's browser, which saves it where they choose. Nothing is sent anywhere: the file is
//! built in memory.

use wasm_bindgen::JsCast;

/// Offers `contents` as a file called `file_name`. Returns a message if the browser refused.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    download_parts(file_name, mime, &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents)))
}

/// Offers binary `contents` (a Word document) as a file called `file_name`. Returns a
/// message if the browser refused.
pub fn download_bytes(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    download_parts(file_name, mime, &js_sys::Array::of1(&js_sys::Uint8Array::from(contents)))
}

fn download_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // One Blob constructor underneath: it takes strings and byte arrays alike.
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options)
        .map_err(|_| "the browser could not make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not make the file")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not start the download")?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}
