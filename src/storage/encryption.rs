//! Encryption is what keeps reviews unreadable without the passphrase: the browser's own
//! WebCrypto makes a 256-bit AES-GCM key from the passphrase (PBKDF2-SHA256, 600,000
//! iterations, a random salt) and encrypts each text with a fresh random 96-bit IV. The
//! key is made non-extractable, so not even this app can read its bytes; it lives in
//! memory only, and is dropped when the app locks. Browsers offer WebCrypto only on
//! secure pages (https, localhost, or a file opened from this computer): on a plain-http
//! intranet page there is none, and the app says so rather than pretending.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use super::envelope::{EncryptedFile, KeyDerivation, Sealed, ALGORITHM, ITERATIONS, IV_BYTES, SALT_BYTES};
use super::import_error::ImportError;
use super::lock_error::LockError;

/// True when this page can encrypt: a secure page whose browser offers WebCrypto.
pub fn is_available() -> bool {
    subtle().is_some()
}

fn subtle() -> Option<SubtleCrypto> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let crypto = window.crypto().ok()?;
    // `crypto.subtle` is undefined on insecure pages in some browsers even when
    // `isSecureContext` is misreported; check the object itself.
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok()?;
    if subtle.is_undefined() || subtle.is_null() {
        return None;
    }
    Some(subtle.unchecked_into())
}

fn browser(e: JsValue) -> LockError {
    LockError::Browser(format!("{e:?}"))
}

async fn resolve(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// `N` bytes from the browser's cryptographic random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], LockError> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window().ok_or(LockError::Unavailable)?.crypto().map_err(|_| LockError::Unavailable)?;
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(browser)?;
    Ok(bytes)
}

/// How a new key is made: a fresh random salt and today's iteration count.
pub fn new_derivation() -> Result<KeyDerivation, LockError> {
    Ok(KeyDerivation { salt: random_bytes::<SALT_BYTES>()?.to_vec(), iterations: ITERATIONS })
}

/// Makes the AES-GCM key from a passphrase. Takes a moment on purpose: that is what makes
/// guessing passphrases slow.
pub async fn derive_key(passphrase: &str, derivation: &KeyDerivation) -> Result<CryptoKey, LockError> {
    let subtle = subtle().ok_or(LockError::Unavailable)?;
    let usages_derive = Array::of1(&"deriveKey".into());
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = resolve(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages_derive)).await.map_err(browser)?;
    let salt = Uint8Array::from(derivation.salt.as_slice());
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", derivation.iterations, &salt);
    let aes = AesDerivedKeyParams::new(ALGORITHM, 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = resolve(subtle.derive_key_with_object_and_object(&params, base.unchecked_ref(), &aes, false, &usages))
        .await
        .map_err(browser)?;
    Ok(key.unchecked_into())
}

fn gcm_params(iv: &[u8; IV_BYTES], binding: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new(ALGORITHM, &Uint8Array::from(&iv[..]));
    if !binding.is_empty() {
        params.set_additional_data(&Uint8Array::from(binding));
    }
    params
}

/// Encrypts `plaintext` with a fresh random IV. `binding` is additional data that must be
/// given again to decrypt (the record it belongs to), or empty.
pub async fn seal(key: &CryptoKey, plaintext: &[u8], binding: &[u8]) -> Result<Sealed, LockError> {
    let subtle = subtle().ok_or(LockError::Unavailable)?;
    let iv = random_bytes::<IV_BYTES>()?;
    let params = gcm_params(&iv, binding);
    let out = resolve(subtle.encrypt_with_object_and_u8_array(&params, key, plaintext)).await.map_err(browser)?;
    Ok(Sealed { iv, ciphertext: Uint8Array::new(&out).to_vec() })
}

/// Decrypts; a wrong key, a different `binding` or damaged bytes all give
/// [`LockError::WrongPassphrase`] (AES-GCM cannot tell them apart).
pub async fn open(key: &CryptoKey, sealed: &Sealed, binding: &[u8]) -> Result<Vec<u8>, LockError> {
    let subtle = subtle().ok_or(LockError::Unavailable)?;
    let params = gcm_params(&sealed.iv, binding);
    match resolve(subtle.decrypt_with_object_and_u8_array(&params, key, &sealed.ciphertext)).await {
        Ok(out) => Ok(Uint8Array::new(&out).to_vec()),
        Err(e) if is_operation_error(&e) => Err(LockError::WrongPassphrase),
        Err(e) => Err(browser(e)),
    }
}

/// Decrypts to text.
pub async fn open_text(key: &CryptoKey, sealed: &Sealed, binding: &[u8]) -> Result<String, LockError> {
    let bytes = open(key, sealed, binding).await?;
    String::from_utf8(bytes).map_err(|_| LockError::Damaged("the decrypted text is not UTF-8".into()))
}

fn is_operation_error(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "OperationError")
}

/// Writes an export file protected with `passphrase` (a key of its own, fresh salt and IV).
pub async fn encrypt_file(file_text: &str, passphrase: &str) -> Result<String, LockError> {
    let derivation = new_derivation()?;
    let key = derive_key(passphrase, &derivation).await?;
    let sealed = seal(&key, file_text.as_bytes(), &[]).await?;
    Ok(EncryptedFile { derivation, sealed }.to_text())
}

/// Opens a protected file with `passphrase`, giving the ordinary review file inside.
pub async fn decrypt_file(file: &EncryptedFile, passphrase: &str) -> Result<String, ImportError> {
    let to_import = |e: LockError| match e {
        LockError::Unavailable => ImportError::ProtectionUnavailable,
        LockError::WrongPassphrase => ImportError::WrongPassphrase,
        other => ImportError::ProtectedUnsupported { reason: other.to_string() },
    };
    let key = derive_key(passphrase, &file.derivation).await.map_err(to_import)?;
    let bytes = open(&key, &file.sealed, &[]).await.map_err(to_import)?;
    String::from_utf8(bytes).map_err(|_| ImportError::WrongPassphrase)
}

/// Lets other code hold a key without depending on web-sys directly.
pub type DeviceKey = CryptoKey;
