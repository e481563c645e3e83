//! What can go wrong when keeping a review on this device, in words a person can act on.

use std::fmt;

use super::import_error::ImportError;

/// A failure to keep or read a review in the browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Another tab or window saved this review after this one loaded it.
    Conflict { stored_revision: u64 },
    /// The browser has no room left for the app's data.
    QuotaExceeded,
    /// The review is not on this device (deleted elsewhere, or never saved).
    NotFound,
    /// The stored copy could not be read.
    Unreadable(ImportError),
    /// Reviews on this device are encrypted and the app is locked: nothing can be read or
    /// written until the passphrase is given.
    Locked,
    /// The browser refused; the text says what it reported.
    Unavailable(String),
    /// The browser would not open its database. On a device with a passphrase
    /// (`encrypted`), the app stays locked rather than carry on unencrypted.
    DatabaseUnavailable { reason: String, encrypted: bool },
    /// Another page closed or deleted the database while the app was open.
    Closed,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Conflict { .. } => write!(
                f,
                "This review was changed in another tab or window after you opened it here. \
                 Your latest edits are still on this screen and nothing has been overwritten."
            ),
            StoreError::QuotaExceeded => write!(
                f,
                "The browser has run out of space for Case Review Studio. Your last saved copy is \
                 safe, but recent edits are not saved yet: export the review to a file now."
            ),
            StoreError::NotFound => write!(f, "This review is not stored on this device."),
            StoreError::Unreadable(e) => write!(f, "The stored copy could not be read: {e}"),
            StoreError::Locked => write!(
                f,
                "The reviews on this device are locked. Unlock them with your passphrase to carry \
                 on; nothing has been lost."
            ),
            StoreError::DatabaseUnavailable { reason, encrypted: true } => write!(
                f,
                "This browser would not open its database for Case Review Studio ({reason}). The reviews \
                 on this device are encrypted and kept there, so the app stays locked rather than store \
                 anything unencrypted. Nothing has been changed or lost. Close other Case Review Studio \
                 tabs and reload this page; if that does not help, restart the browser."
            ),
            StoreError::DatabaseUnavailable { reason, encrypted: false } => write!(
                f,
                "This browser would not open its database for Case Review Studio ({reason}). Nothing \
                 has been changed or lost. Reload this page; if that does not help, restart the browser."
            ),
            StoreError::Closed => write!(
                f,
                "Another page closed or deleted this browser's database for Case Review Studio (site \
                 data may have been cleared, or a newer version of the app opened in another tab). \
                 Your open review is still on this screen and in this tab's recovery copy: export it \
                 to a file now, then reload the page."
            ),
            StoreError::Unavailable(why) => write!(
                f,
                "The browser would not save the review ({why}). Your last saved copy is safe: \
                 export the review to a file to keep these edits."
            ),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<ImportError> for StoreError {
    fn from(e: ImportError) -> Self {
        StoreError::Unreadable(e)
    }
}

impl StoreError {
    /// Classifies a browser error message: quota problems get their own advice.
    pub fn from_browser(message: String) -> Self {
        if message.contains("Quota") || message.contains("quota") {
            StoreError::QuotaExceeded
        } else {
            StoreError::Unavailable(message)
        }
    }
}
