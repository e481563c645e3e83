//! Widgets are the small reusable pieces of the screens: dialogs, the save indicator,
//! editable lists, date boxes, passphrase fields, the export dialogs, Word export buttons.

pub mod anonymise_dialog;
pub mod changes_view;
pub mod citation_picker;
pub mod date_field;
pub mod date_or_period_input;
pub mod device_name;
pub mod merge_summary;
pub mod dated_item_form;
pub mod hinted_text;
pub mod import_progress;
pub mod local_file_note;
pub mod modal_dialog;
pub mod new_passphrase;
pub mod printed_document;
pub mod protected_export_dialog;
pub mod review_loader;
pub mod save_indicator;
pub mod share_check;
pub mod text_list;
pub mod word_export_button;

pub use anonymise_dialog::AnonymiseDialog;
pub use changes_view::ChangesDialog;
pub use citation_picker::CitationPicker;
pub use date_field::DateField;
pub use date_or_period_input::DateOrPeriodInput;
pub use device_name::DeviceNameSetting;
pub use merge_summary::MergeSummaryDialog;
pub use dated_item_form::DatedItemForm;
pub use hinted_text::{HintContext, HintedText};
pub use import_progress::ImportProgress;
pub use local_file_note::LocalFileNote;
pub use modal_dialog::ModalDialog;
pub use new_passphrase::NewPassphrase;
pub use printed_document::PrintedDocument;
pub use protected_export_dialog::ProtectedExportDialog;
pub use review_loader::ReviewLoader;
pub use save_indicator::SaveIndicator;
pub use share_check::{ShareCheck, ShareCheckDialog, ShareCheckNote};
pub use text_list::TextList;
pub use word_export_button::{WordExport, WordExportButton};

use std::sync::atomic::{AtomicU32, Ordering};

/// A page-unique id for linking labels, headings and descriptions.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
