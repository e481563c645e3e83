//! Importing a file happens in steps the person can follow: reading the file from disk,
//! checking it, checking its reviews, protecting them with the passphrase (if one is set)
//! and saving them. Each step does a little work at a time and then lets the browser
//! draw the page and answer clicks, so even a file of 10,000 reviews never freezes the
//! screen; the progress bar says where the import is.

use std::rc::Rc;

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::storage::file_format::FileReview;
use crate::storage::file_reading::{FileReading, ReadingProgress};
use crate::storage::import_batch::BatchProgress;
use crate::storage::import_error::{thousands, ImportError};

/// How long one piece of work may hold the page before the browser gets a turn (the
/// browser counts a task over 50 ms as long; this leaves room for the slowest machines).
const SLICE_MS: f64 = 16.0;
/// How much of the file is copied into the app at a time.
const COPY_BYTES_PER_SLICE: u32 = 4 * 1024 * 1024;

/// Where an import has got to, as the progress bar shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStage {
    /// Reading the file from disk: percent done.
    Reading { percent: u32 },
    /// The quick check of the whole file: percent done.
    CheckingFile { percent: u32 },
    /// Checking each review.
    CheckingReviews { done: usize, total: usize },
    /// Comparing each review with its copy on this device (and its history).
    Comparing { done: usize, total: usize },
    /// Encrypting with this device's passphrase.
    Protecting { done: usize, total: usize },
    /// Writing to the browser's storage.
    Saving { done: usize, total: usize },
}

impl ImportStage {
    /// The words shown (and read out) with the bar.
    pub fn label(&self) -> String {
        match *self {
            ImportStage::Reading { percent } => format!("Reading the file… {percent}%"),
            ImportStage::CheckingFile { percent } => format!("Checking the file… {percent}%"),
            ImportStage::CheckingReviews { done, total } => {
                format!("Checking {} of {} reviews", thousands(done), thousands(total))
            }
            ImportStage::Comparing { done, total } => {
                format!("Comparing {} of {} reviews with this device's copies", thousands(done), thousands(total))
            }
            ImportStage::Protecting { done, total } => {
                format!("Protecting {} of {} reviews with your passphrase", thousands(done), thousands(total))
            }
            ImportStage::Saving { .. } => "Saving…".to_string(),
        }
    }

    /// How full the bar is, from 0 to 100. Each stage fills its own share of the bar.
    pub fn percent(&self) -> u32 {
        let share = |from: u32, to: u32, done: usize, total: usize| {
            let part = if total == 0 { 0 } else { (done.min(total) * 100 / total) as u32 };
            from + (to - from) * part / 100
        };
        match *self {
            ImportStage::Reading { percent } => share(0, 20, percent as usize, 100),
            ImportStage::CheckingFile { percent } => share(20, 35, percent as usize, 100),
            ImportStage::CheckingReviews { done, total } => share(35, 55, done, total),
            ImportStage::Comparing { done, total } => share(55, 70, done, total),
            ImportStage::Protecting { done, total } => share(70, 85, done, total),
            ImportStage::Saving { done, total } => share(85, 100, done, total),
        }
    }
}

impl From<BatchProgress> for ImportStage {
    fn from(p: BatchProgress) -> Self {
        match p {
            BatchProgress::Comparing { done, total } => ImportStage::Comparing { done, total },
            BatchProgress::Sealing { done, total } => ImportStage::Protecting { done, total },
            BatchProgress::Saving { done, total } => ImportStage::Saving { done, total },
        }
    }
}

/// Lets the browser draw and handle input before the next piece of work.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads a file's bytes from disk, saying how far it has got. `None` if the browser could
/// not read it.
pub async fn read_bytes(file: &web_sys::File, on_stage: Rc<dyn Fn(ImportStage)>) -> Option<Vec<u8>> {
    let reader = web_sys::FileReader::new().ok()?;
    let progress = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let get = |name: &str| js_sys::Reflect::get(&ev, &name.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        let (loaded, total) = (get("loaded"), get("total"));
        if total > 0.0 {
            on_stage(ImportStage::Reading { percent: (loaded / total * 100.0) as u32 });
        }
    });
    let finished = js_sys::Promise::new(&mut |resolve, reject| {
        reader.set_onload(Some(&resolve));
        reader.set_onerror(Some(&reject));
    });
    reader.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    let read = reader.read_as_array_buffer(file).is_ok() && JsFuture::from(finished).await.is_ok();
    reader.set_onprogress(None);
    reader.set_onload(None);
    reader.set_onerror(None);
    drop(progress);
    if !read {
        return None;
    }
    let buffer: ArrayBuffer = reader.result().ok()?.dyn_into().ok()?;
    let length = buffer.byte_length();
    let mut bytes = vec![0u8; length as usize];
    let mut offset = 0u32;
    while offset < length {
        let len = COPY_BYTES_PER_SLICE.min(length - offset);
        Uint8Array::new_with_byte_offset_and_length(&buffer, offset, len)
            .copy_to(&mut bytes[offset as usize..(offset + len) as usize]);
        offset += len;
        yield_to_browser().await;
    }
    Some(bytes)
}

/// Reads and checks a file's reviews a slice of time at a time.
pub async fn read_reviews(bytes: Vec<u8>, on_stage: Rc<dyn Fn(ImportStage)>) -> Result<Vec<FileReview>, ImportError> {
    let mut reading = FileReading::new(bytes);
    loop {
        let started = js_sys::Date::now();
        while js_sys::Date::now() - started < SLICE_MS {
            if let Some(outcome) = reading.step() {
                return outcome;
            }
        }
        on_stage(match reading.progress() {
            ReadingProgress::CheckingFile { done, total } => {
                ImportStage::CheckingFile { percent: if total == 0 { 100 } else { (done * 100 / total) as u32 } }
            }
            ReadingProgress::CheckingReviews { done, total } => ImportStage::CheckingReviews { done, total },
        });
        yield_to_browser().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_is_said_in_words_and_the_bar_only_moves_forward() {
        assert_eq!(ImportStage::Reading { percent: 40 }.label(), "Reading the file… 40%");
        assert_eq!(ImportStage::CheckingReviews { done: 3_000, total: 10_000 }.label(), "Checking 3,000 of 10,000 reviews");
        assert_eq!(ImportStage::Saving { done: 1, total: 2 }.label(), "Saving…");
        let steps = [
            ImportStage::Reading { percent: 0 },
            ImportStage::Reading { percent: 100 },
            ImportStage::CheckingFile { percent: 50 },
            ImportStage::CheckingReviews { done: 0, total: 10 },
            ImportStage::CheckingReviews { done: 10, total: 10 },
            ImportStage::Protecting { done: 5, total: 10 },
            ImportStage::Saving { done: 0, total: 10 },
            ImportStage::Saving { done: 10, total: 10 },
        ];
        let percents: Vec<u32> = steps.iter().map(ImportStage::percent).collect();
        assert!(percents.windows(2).all(|w| w[0] <= w[1]), "{percents:?}");
        assert_eq!((percents[0], percents[7]), (0, 100));
    }
}
