//! Storage is where reviews are kept on this device and how they travel as files. Only
//! this layer knows the saved format (`{ format, version, ... }`), its migrations, and the
//! browser stores: IndexedDB first, localStorage when IndexedDB is unavailable. When a
//! passphrase is set on the device, it also encrypts what it stores.

pub mod bring_in;
pub mod device_identity;
pub mod device_lock;
pub mod encryption;
pub mod envelope;
pub mod file_format;
pub mod file_reading;
pub mod import_batch;
pub mod import_error;
pub mod merge_summary;
pub mod migrations;
pub mod indexed_db_store;
pub mod journal;
pub mod journal_text;
pub mod json_at;
pub mod json_layout;
pub mod journal_key;
pub mod local_store;
pub mod lock_error;
pub mod passphrase;
pub mod passphrase_backoff;
pub mod board_session;
pub mod record;
pub mod review_history;
pub mod review_store;
pub mod shared_file;
pub mod store_error;
pub mod tab_sync;

pub use device_lock::LockStatus;
pub use lock_error::LockError;
pub use record::{LibraryEntry, RawRecord, StoredReview};
pub use review_store::{BroughtBack, ReviewStore};
pub use store_error::StoreError;
