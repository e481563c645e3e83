//! The journal key seals this tab's recovery copy of the open review when reviews on this
//! device are encrypted. The recovery copy must be written in the same instant as the
//! keystroke, and the browser's own encryption (WebCrypto) only ever answers later, so the
//! journal is sealed here, synchronously, with AES-256-GCM from the RustCrypto project.
//!
//! The key is 32 random bytes made when the device is unlocked. It is held in memory only,
//! wiped when the app locks, and never stored as it is: every journal entry carries it
//! **wrapped** (sealed by WebCrypto under the device key), so that after a crash the next
//! unlock can open the wrapped key and then the entry. Without the passphrase, neither can
//! be read.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use zeroize::Zeroizing;

use super::envelope::{Sealed, IV_BYTES};

/// The length of a journal key in bytes (AES-256).
pub const JOURNAL_KEY_BYTES: usize = 32;

/// The journal key: its bytes (memory only) and the same bytes sealed under the device key.
#[derive(Clone)]
pub struct JournalKey {
    raw: Zeroizing<[u8; JOURNAL_KEY_BYTES]>,
    /// The key sealed by WebCrypto under the device key: safe to store beside an entry.
    pub wrapped: Sealed,
}

impl std::fmt::Debug for JournalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the key itself.
        f.write_str("JournalKey(..)")
    }
}

/// Why a journal entry could not be sealed or opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JournalSealError {
    /// The bytes were not sealed under this key, or were damaged.
    WrongKeyOrDamaged,
    /// A wrapped key that is not 32 bytes long.
    BadKey,
}

impl JournalKey {
    /// A key from its bytes and its wrapped form.
    pub fn new(raw: [u8; JOURNAL_KEY_BYTES], wrapped: Sealed) -> Self {
        JournalKey { raw: Zeroizing::new(raw), wrapped }
    }

    /// A key from bytes unwrapped after a restart.
    pub fn from_unwrapped(bytes: &[u8], wrapped: Sealed) -> Result<Self, JournalSealError> {
        let raw: [u8; JOURNAL_KEY_BYTES] = bytes.try_into().map_err(|_| JournalSealError::BadKey)?;
        Ok(JournalKey::new(raw, wrapped))
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new((&*self.raw).into())
    }

    /// Seals `plaintext` with the given fresh random IV; `binding` must be given again to open.
    pub fn seal(&self, iv: [u8; IV_BYTES], plaintext: &[u8], binding: &[u8]) -> Sealed {
        // Encryption with a valid key and nonce cannot fail for in-memory buffers.
        let ciphertext = self.cipher().encrypt(Nonce::from_slice(&iv), Payload { msg: plaintext, aad: binding }).unwrap_or_default();
        Sealed { iv, ciphertext }
    }

    /// Opens what [`JournalKey::seal`] sealed.
    pub fn open(&self, sealed: &Sealed, binding: &[u8]) -> Result<Vec<u8>, JournalSealError> {
        self.cipher()
            .decrypt(Nonce::from_slice(&sealed.iv), Payload { msg: &sealed.ciphertext, aad: binding })
            .map_err(|_| JournalSealError::WrongKeyOrDamaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> JournalKey {
        JournalKey::new([byte; 32], Sealed { iv: [0; IV_BYTES], ciphertext: vec![] })
    }

    #[test]
    fn what_is_sealed_opens_with_the_same_key_and_binding_only() {
        let k = key(7);
        let sealed = k.seal([3; IV_BYTES], b"About the child: quiet at school", b"review 1");
        assert!(!sealed.ciphertext.windows(5).any(|w| w == b"quiet"));
        assert_eq!(k.open(&sealed, b"review 1").as_deref(), Ok(&b"About the child: quiet at school"[..]));
        assert_eq!(k.open(&sealed, b"review 2"), Err(JournalSealError::WrongKeyOrDamaged));
        assert_eq!(key(8).open(&sealed, b"review 1"), Err(JournalSealError::WrongKeyOrDamaged));
        let mut damaged = sealed.clone();
        damaged.ciphertext[0] ^= 1;
        assert_eq!(k.open(&damaged, b"review 1"), Err(JournalSealError::WrongKeyOrDamaged));
    }

    #[test]
    fn a_wrapped_key_of_the_wrong_length_is_refused() {
        let w = Sealed { iv: [0; IV_BYTES], ciphertext: vec![] };
        assert_eq!(JournalKey::from_unwrapped(&[1; 16], w.clone()).map(|_| ()), Err(JournalSealError::BadKey));
        assert!(JournalKey::from_unwrapped(&[1; 32], w).is_ok());
    }

    #[test]
    fn the_key_is_never_printed() {
        assert_eq!(format!("{:?}", key(9)), "JournalKey(..)");
    }
}
