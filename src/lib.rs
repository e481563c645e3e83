//! Case Review Studio: a browser-only workspace for child-safeguarding case reviews, run
//! with the Salford **Case Discussion Tool** or SCIE's **Learning Together** model. Case
//! notes never leave the browser unless the person exports a file.
//!
//! Code map (dependencies point one way: `model <- storage, export <- ui`):
//! - [`model`]: the reviews themselves and every change to them; pure Rust, tested natively.
//! - [`storage`]: the only code that knows how reviews are saved: the versioned file
//!   format and its migrations, IndexedDB, the localStorage fallback, tab coordination.
//! - [`export`]: turns reviews into files people take away (JSON downloads, CSV, print).
//! - [`ui`]: the Leptos screens; holds a review in one signal and edits it only through
//!   model methods.

pub mod export;
pub mod model;
pub mod storage;
pub mod ui;

/// Starts the app in the page: called once by `main`.
pub fn start() {
    ui::mount();
}
