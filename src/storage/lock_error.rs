//! What can go wrong when locking reviews with a passphrase, unlocking them, or protecting
//! a file, in words a person can act on. None of these loses anything: a review that
//! cannot be encrypted or decrypted stays exactly as it was stored.

use std::fmt;

use super::store_error::StoreError;

/// A failure to set, check or use a passphrase.
#[derive(Clone, Debug, PartialEq)]
pub enum LockError {
    /// This page cannot encrypt at all (no WebCrypto: a plain-http page).
    Unavailable,
    /// The passphrase does not match (or the encrypted text is damaged: AES-GCM cannot
    /// tell the two apart).
    WrongPassphrase,
    /// The two copies of a new passphrase differ.
    PassphrasesDiffer,
    /// The new passphrase is too easy to guess; the text says why.
    TooWeak(String),
    /// No passphrase is set on this device, so there is nothing to unlock or remove.
    NotSet,
    /// A passphrase is set already.
    AlreadySet,
    /// The device lock's own record is damaged.
    Damaged(String),
    /// The browser's storage refused.
    Store(StoreError),
    /// The browser's WebCrypto refused; the text says what it reported.
    Browser(String),
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Unavailable => write!(
                f,
                "This browser cannot encrypt on this page. Browsers only allow encryption on secure \
                 pages: addresses starting https://, or the app opened from a file on this computer. \
                 This page was opened over plain http."
            ),
            LockError::WrongPassphrase => write!(
                f,
                "That passphrase is not the one set on this device. Check it and try again: capital \
                 letters and spaces count. Nothing has been changed."
            ),
            LockError::PassphrasesDiffer => {
                write!(f, "The two passphrases are not the same. Type the same passphrase in both boxes.")
            }
            LockError::TooWeak(why) => write!(f, "{why}"),
            LockError::NotSet => write!(f, "No passphrase is set on this device."),
            LockError::AlreadySet => write!(f, "A passphrase is already set on this device."),
            LockError::Damaged(why) => write!(
                f,
                "The encryption settings on this device could not be read ({why}). Nothing has been \
                 changed; if you have exported files, they are your safe copy."
            ),
            LockError::Store(e) => write!(f, "{e}"),
            LockError::Browser(why) => write!(
                f,
                "The browser could not encrypt or decrypt ({why}). Nothing has been changed."
            ),
        }
    }
}

impl std::error::Error for LockError {}

impl From<StoreError> for LockError {
    fn from(e: StoreError) -> Self {
        LockError::Store(e)
    }
}
