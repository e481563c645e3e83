//! Widgets are the small reusable pieces of the screens: dialogs, the save indicator,
//! editable lists.

pub mod local_file_note;
pub mod modal_dialog;
pub mod review_loader;
pub mod save_indicator;
pub mod text_list;

pub use local_file_note::LocalFileNote;
pub use modal_dialog::ModalDialog;
pub use review_loader::ReviewLoader;
pub use save_indicator::SaveIndicator;
pub use text_list::TextList;

use std::sync::atomic::{AtomicU32, Ordering};

/// A page-unique id for linking labels, headings and descriptions.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
