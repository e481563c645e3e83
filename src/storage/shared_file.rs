//! A shared file is a review's file kept in a folder the review team shares (a shared
//! drive the organisation already syncs to every laptop), instead of a server. This
//! device remembers which file a review is linked to; opening the review brings in what
//! the others wrote there, and saving writes the merged copy back. The file is an ordinary
//! export (the readable review and its history), so a colleague without the link can
//! still import it.
//!
//! It needs the browser's File System Access API (Edge and Chrome). Where the browser
//! lacks it, or the organisation's policy turns it off, export and import do the same job
//! by hand and the app says so.
//!
//! This module knows the browser's file handles and how a link is kept (in the settings
//! store of the browser's database, next to the reviews); what a file means for a review
//! is decided by [`super::bring_in`].

use js_sys::{Array, Function, Object, Promise, Reflect};
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::ReviewId;

/// Whether this browser lets the app use a file in a shared folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedFolderSupport {
    /// The browser offers it.
    Available,
    /// The browser does not offer file pickers to web pages, or a policy turned them off.
    NotOffered,
    /// The browser's database is not in use (the app fell back to localStorage), so a link
    /// cannot be kept.
    NoDatabase,
}

impl SharedFolderSupport {
    /// What the person is told when the shared folder cannot be used, and what to do instead.
    pub fn explanation(&self) -> Option<&'static str> {
        match self {
            SharedFolderSupport::Available => None,
            SharedFolderSupport::NotOffered => Some(
                "This browser does not let web pages use a file in a shared folder, or your organisation has turned it off. \
                 Work together with files instead: “Export file” here, and “Open a file” on Your reviews for a colleague's file. \
                 Copies merge the same way.",
            ),
            SharedFolderSupport::NoDatabase => Some(
                "The browser's database is not available at the moment, so this device cannot remember a link to a shared file. \
                 Work together with “Export file” and “Open a file” until it is.",
            ),
        }
    }
}

/// Whether the browser offers the file pickers the shared folder needs.
pub fn pickers_offered() -> bool {
    let Some(window) = web_sys::window() else { return false };
    ["showSaveFilePicker", "showOpenFilePicker"]
        .iter()
        .all(|name| Reflect::get(&window, &JsValue::from_str(name)).map(|f| f.is_function()).unwrap_or(false))
}

/// Why a shared file could not be used, as the person is told it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SharedFileError {
    /// The person closed the file picker without choosing: nothing to say.
    Cancelled,
    /// The browser (or the person) did not allow the app to use the file.
    NotAllowed,
    /// The file could not be read.
    Unreadable(String),
    /// The file could not be written.
    NotWritten(String),
    /// The browser does not offer shared files here.
    NotOffered,
}

impl std::fmt::Display for SharedFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SharedFileError::Cancelled => write!(f, "No file was chosen."),
            SharedFileError::NotAllowed => write!(
                f,
                "The browser did not allow the app to use the shared file. Choose “Allow” when the browser asks, or link the file again."
            ),
            SharedFileError::Unreadable(why) => write!(
                f,
                "The shared file could not be read ({why}). It may have been moved, renamed or not synced to this laptop yet."
            ),
            SharedFileError::NotWritten(why) => write!(
                f,
                "The shared file could not be written ({why}). Your work is safe on this device; try again, or use “Export file”."
            ),
            SharedFileError::NotOffered => write!(f, "This browser does not offer shared folders to web pages."),
        }
    }
}

/// What a browser error means here. `AbortError` is the person closing the picker.
fn browser_failure(e: JsValue, otherwise: fn(String) -> SharedFileError) -> SharedFileError {
    let name = Reflect::get(&e, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let message = Reflect::get(&e, &"message".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| format!("{e:?}"));
    match name.as_str() {
        "AbortError" => SharedFileError::Cancelled,
        "NotAllowedError" | "SecurityError" => SharedFileError::NotAllowed,
        "NotFoundError" => otherwise("the file is no longer where it was".into()),
        _ => otherwise(message),
    }
}

/// Calls `object.name(...args)` and waits for the promise it returns.
async fn call(object: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(object, &JsValue::from_str(name))?.dyn_into()?;
    let result = f.apply(object, &args.iter().collect::<Array>())?;
    match result.dyn_into::<Promise>() {
        Ok(p) => JsFuture::from(p).await,
        Err(v) => Ok(v),
    }
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

/// The picker's file type: a Case Review Studio file is JSON.
fn picker_options(suggested_name: Option<&str>) -> Object {
    let options = Object::new();
    let accept = Object::new();
    set(&accept, "application/json", Array::of1(&".json".into()));
    let kind = Object::new();
    set(&kind, "description", "Case Review Studio file");
    set(&kind, "accept", accept);
    set(&options, "types", Array::of1(&kind));
    set(&options, "id", "case-review-studio-shared");
    if let Some(name) = suggested_name {
        set(&options, "suggestedName", name);
    }
    options
}

/// A file in the shared folder, as the browser hands it to the app.
#[derive(Clone, Debug)]
pub struct SharedFile {
    handle: SendWrapper<JsValue>,
}

impl SharedFile {
    /// The file's name, as the person sees it in the folder.
    pub fn name(&self) -> String {
        Reflect::get(&self.handle, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| "the shared file".into())
    }

    /// Asks the person where to save a new shared file (they may pick one that exists).
    pub async fn choose_new(suggested_name: &str) -> Result<SharedFile, SharedFileError> {
        let window = web_sys::window().ok_or(SharedFileError::NotOffered)?;
        if !pickers_offered() {
            return Err(SharedFileError::NotOffered);
        }
        let handle = call(&window, "showSaveFilePicker", &[picker_options(Some(suggested_name)).into()])
            .await
            .map_err(|e| browser_failure(e, SharedFileError::Unreadable))?;
        Ok(SharedFile { handle: SendWrapper::new(handle) })
    }

    /// Asks the person for a file already in the shared folder.
    pub async fn choose_existing() -> Result<SharedFile, SharedFileError> {
        let window = web_sys::window().ok_or(SharedFileError::NotOffered)?;
        if !pickers_offered() {
            return Err(SharedFileError::NotOffered);
        }
        let chosen = call(&window, "showOpenFilePicker", &[picker_options(None).into()])
            .await
            .map_err(|e| browser_failure(e, SharedFileError::Unreadable))?;
        let handle = Array::from(&chosen).get(0);
        if handle.is_undefined() {
            return Err(SharedFileError::Cancelled);
        }
        Ok(SharedFile { handle: SendWrapper::new(handle) })
    }

    /// True when the app may read and write the file; with `ask`, the browser asks the
    /// person if it needs to (only in answer to a click).
    pub async fn permitted(&self, ask: bool) -> bool {
        let mode = Object::new();
        set(&mode, "mode", "readwrite");
        let state = |v: Result<JsValue, JsValue>| v.ok().and_then(|s| s.as_string()).unwrap_or_default();
        // A browser without permission queries lets the app use what the person chose.
        if !Reflect::get(&self.handle, &"queryPermission".into()).map(|f| f.is_function()).unwrap_or(false) {
            return true;
        }
        if state(call(&self.handle, "queryPermission", &[mode.clone().into()]).await) == "granted" {
            return true;
        }
        ask && state(call(&self.handle, "requestPermission", &[mode.into()]).await) == "granted"
    }

    /// The file as it is now (a `File`), and when it was last written (by anyone), in the
    /// browser's milliseconds.
    async fn file(&self) -> Result<(JsValue, f64), SharedFileError> {
        let file = call(&self.handle, "getFile", &[]).await.map_err(|e| browser_failure(e, SharedFileError::Unreadable))?;
        let modified = Reflect::get(&file, &"lastModified".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        Ok((file, modified))
    }

    /// When the file was last written (by anyone), in the browser's milliseconds.
    pub async fn modified(&self) -> Result<f64, SharedFileError> {
        Ok(self.file().await?.1)
    }

    /// The file's bytes and when it was last written.
    pub async fn read(&self) -> Result<(Vec<u8>, f64), SharedFileError> {
        let (file, modified) = self.file().await?;
        let buffer = call(&file, "arrayBuffer", &[]).await.map_err(|e| browser_failure(e, SharedFileError::Unreadable))?;
        Ok((js_sys::Uint8Array::new(&buffer).to_vec(), modified))
    }

    /// Replaces the file's content with `text` (the browser writes a temporary copy and
    /// swaps it in whole on close, so a failure leaves the old file as it was); returns
    /// when it was written.
    pub async fn write(&self, text: &str) -> Result<f64, SharedFileError> {
        let failed = |e| browser_failure(e, SharedFileError::NotWritten);
        let stream = call(&self.handle, "createWritable", &[]).await.map_err(failed)?;
        if let Err(e) = call(&stream, "write", &[JsValue::from_str(text)]).await {
            let _ = call(&stream, "abort", &[]).await;
            return Err(failed(e));
        }
        call(&stream, "close", &[]).await.map_err(failed)?;
        self.modified().await.map_err(|e| match e {
            SharedFileError::Unreadable(why) => SharedFileError::NotWritten(why),
            other => other,
        })
    }
}

/// A review's link to its shared file, as this device remembers it.
#[derive(Clone, Debug)]
pub struct SharedLink {
    pub file: SharedFile,
    /// When the file was last written as this device last read or wrote it: if it has
    /// changed since, someone else's changes are in it and must be brought in before
    /// anything is written over them.
    pub known_modified: Option<f64>,
    /// When this device last brought in and wrote back the file.
    pub synced_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl SharedLink {
    /// A new link to `file`, not yet read.
    pub fn new(file: SharedFile) -> Self {
        SharedLink { file, known_modified: None, synced_at: None }
    }

    /// The settings-store key under which a review's link is kept.
    pub fn setting_name(id: ReviewId) -> String {
        format!("shared-file:{id}")
    }

    /// The value kept in the browser's database: the handle (which the browser can store
    /// but not turn into text) and what this device knows about the file.
    pub fn to_js(&self) -> JsValue {
        let o = Object::new();
        set(&o, "handle", (*self.file.handle).clone());
        if let Some(m) = self.known_modified {
            set(&o, "knownModified", m);
        }
        if let Some(t) = self.synced_at {
            set(&o, "syncedAt", t.to_rfc3339());
        }
        o.into()
    }

    /// The link read back from the database; `None` if the value is not a link.
    pub fn from_js(value: &JsValue) -> Option<Self> {
        let handle = Reflect::get(value, &"handle".into()).ok().filter(|h| h.is_object())?;
        let known_modified = Reflect::get(value, &"knownModified".into()).ok().and_then(|v| v.as_f64());
        let synced_at = Reflect::get(value, &"syncedAt".into())
            .ok()
            .and_then(|v| v.as_string())
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.with_timezone(&chrono::Utc));
        Some(SharedLink { file: SharedFile { handle: SendWrapper::new(handle) }, known_modified, synced_at })
    }
}
