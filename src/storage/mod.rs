//! Storage is where reviews are kept on this device and how they travel as files. Only
//! this layer knows the saved format (`{ format, version, ... }`), its migrations, and the
//! browser stores: IndexedDB first, localStorage when IndexedDB is unavailable.

pub mod file_format;
pub mod import_error;
pub mod migrations;
