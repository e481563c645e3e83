//! An envelope is how encrypted text is written down: what was used to lock it (AES-GCM
//! with a key made from a passphrase by PBKDF2-SHA256, the salt and the number of
//! iterations), the fresh random IV of this one encryption, and the ciphertext, all as
//! plain JSON with the bytes in base64. Reading one never needs the browser, so every
//! rule here is tested natively; the encrypting itself is in [`super::encryption`].
//!
//! # A passphrase-protected export file
//!
//! ```json
//! {"format": "case-review-studio-encrypted", "version": 1,
//!  "encryption": {"alg": "AES-GCM", "kdf": "PBKDF2-SHA256",
//!                 "salt": "<base64, 16 bytes>", "iterations": 600000,
//!                 "iv": "<base64, 12 bytes>"},
//!  "ciphertext": "<base64: AES-256-GCM of an ordinary review file, 16-byte tag at the end>"}
//! ```
//!
//! The key is 256-bit AES-GCM, derived with PBKDF2 over the UTF-8 passphrase with HMAC-SHA-256,
//! the given salt and iterations; no additional authenticated data is used. Decrypted, the
//! ciphertext is an ordinary review file (see [`super::file_format`]) and is read exactly
//! as one, with the same checks and migrations.
//!
//! # The device lock
//!
//! When a passphrase is set on this device, the app keeps the salt, the iterations and a
//! **verifier** (a known sentence encrypted with the key) so that a passphrase can be
//! checked; never the passphrase or the key. It also keeps how long the app may sit idle
//! before it locks.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::file_format::MAX_FILE_BYTES;
use super::import_error::ImportError;

/// The cipher, as WebCrypto names it.
pub const ALGORITHM: &str = "AES-GCM";
/// How a key is made from a passphrase.
pub const KEY_DERIVATION: &str = "PBKDF2-SHA256";
/// The iterations used for new keys: OWASP's 2023 advice for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;
/// Fewer iterations than this make a passphrase too cheap to guess; files asking for fewer
/// are refused.
pub const MIN_ITERATIONS: u32 = 100_000;
/// More than this would keep the browser busy for minutes; a file asking for more is
/// damaged or hostile.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Salt length for new keys.
pub const SALT_BYTES: usize = 16;
/// The AES-GCM IV length (96 bits), fresh for every encryption.
pub const IV_BYTES: usize = 12;
/// The AES-GCM authentication tag at the end of every ciphertext.
pub const TAG_BYTES: usize = 16;
/// The name an encrypted export file carries.
pub const ENCRYPTED_FILE_FORMAT: &str = "case-review-studio-encrypted";
/// The version of the encrypted file envelope this app writes and reads.
pub const ENCRYPTED_FILE_VERSION: u64 = 1;
/// The name the device lock's record carries.
const DEVICE_LOCK_FORMAT: &str = "case-review-studio-device-lock";
/// The sentence the verifier encrypts.
pub const VERIFIER_TEXT: &str = "Case Review Studio: this passphrase opens the reviews kept on this device.";
/// The idle times a person can choose, in minutes.
pub const IDLE_MINUTES_CHOICES: [u32; 4] = [5, 15, 30, 60];
/// The idle time offered first.
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

/// Text encrypted once with AES-GCM: its IV and the ciphertext with the tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SealedText", into = "SealedText")]
pub struct Sealed {
    pub iv: [u8; IV_BYTES],
    pub ciphertext: Vec<u8>,
}

/// [`Sealed`] as written: base64 text.
#[derive(Serialize, Deserialize)]
struct SealedText {
    iv: String,
    ciphertext: String,
}

impl TryFrom<SealedText> for Sealed {
    type Error = String;
    fn try_from(t: SealedText) -> Result<Self, String> {
        Ok(Sealed { iv: iv_from(&t.iv)?, ciphertext: ciphertext_from(&t.ciphertext)? })
    }
}

impl From<Sealed> for SealedText {
    fn from(s: Sealed) -> Self {
        SealedText { iv: BASE64.encode(s.iv), ciphertext: BASE64.encode(&s.ciphertext) }
    }
}

/// How a key was made from a passphrase: the salt and the iteration count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyDerivation {
    pub salt: Vec<u8>,
    pub iterations: u32,
}

/// A passphrase-protected export file, read or about to be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncryptedFile {
    pub derivation: KeyDerivation,
    pub sealed: Sealed,
}

impl EncryptedFile {
    /// The file's text, in the documented envelope.
    pub fn to_text(&self) -> String {
        let file = serde_json::json!({
            "format": ENCRYPTED_FILE_FORMAT,
            "version": ENCRYPTED_FILE_VERSION,
            "encryption": {
                "alg": ALGORITHM,
                "kdf": KEY_DERIVATION,
                "salt": BASE64.encode(&self.derivation.salt),
                "iterations": self.derivation.iterations,
                "iv": BASE64.encode(self.sealed.iv),
            },
            "ciphertext": BASE64.encode(&self.sealed.ciphertext),
        });
        // A map of strings and numbers always serialises.
        super::json_layout::pretty(&serde_json::to_string(&file).unwrap_or_default())
    }

    /// Reads a file that might be passphrase-protected. `Ok(None)`: it is not (read it as
    /// an ordinary review file). An error: it is protected, but not in a way this app can
    /// open, so it is refused before anyone is asked for a passphrase.
    pub fn parse(text: &str) -> Result<Option<EncryptedFile>, ImportError> {
        // Cheap first look: an ordinary file is read (and checked) by `read_file`, once.
        if !text.contains(ENCRYPTED_FILE_FORMAT) {
            return Ok(None);
        }
        let limit = MAX_FILE_BYTES / 3 * 4 + 4096;
        if text.len() > limit {
            return Err(ImportError::TooLarge { bytes: text.len(), limit });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Ok(Value::Object(file)) = serde_json::from_str::<Value>(text) else { return Ok(None) };
        if file.get("format").and_then(Value::as_str) != Some(ENCRYPTED_FILE_FORMAT) {
            return Ok(None);
        }
        match file.get("version").and_then(Value::as_u64) {
            Some(ENCRYPTED_FILE_VERSION) => {}
            Some(found) if found > ENCRYPTED_FILE_VERSION => {
                return Err(ImportError::ProtectedUnsupported {
                    reason: format!("it uses protection version {found}, and this version reads version {ENCRYPTED_FILE_VERSION}"),
                })
            }
            _ => return Err(malformed("version", "expected the protection version, a whole number")),
        }
        let Some(Value::Object(enc)) = file.get("encryption") else {
            return Err(malformed("encryption", "missing or not an object"));
        };
        let text_at = |key: &str| enc.get(key).and_then(Value::as_str).ok_or_else(|| malformed(&format!("encryption.{key}"), "missing or not text"));
        let alg = text_at("alg")?;
        if alg != ALGORITHM {
            return Err(ImportError::ProtectedUnsupported { reason: format!("it is encrypted with {alg}, not {ALGORITHM}") });
        }
        let kdf = text_at("kdf")?;
        if kdf != KEY_DERIVATION {
            return Err(ImportError::ProtectedUnsupported { reason: format!("its key is made with {kdf}, not {KEY_DERIVATION}") });
        }
        let iterations = enc
            .get("iterations")
            .and_then(Value::as_u64)
            .ok_or_else(|| malformed("encryption.iterations", "missing or not a whole number"))?;
        let iterations = checked_iterations(iterations).map_err(|r| malformed("encryption.iterations", &r))?;
        let salt = salt_from(text_at("salt")?).map_err(|r| malformed("encryption.salt", &r))?;
        let iv = iv_from(text_at("iv")?).map_err(|r| malformed("encryption.iv", &r))?;
        let ciphertext = file
            .get("ciphertext")
            .and_then(Value::as_str)
            .ok_or_else(|| malformed("ciphertext", "missing or not text"))?;
        let ciphertext = ciphertext_from(ciphertext).map_err(|r| malformed("ciphertext", &r))?;
        Ok(Some(EncryptedFile { derivation: KeyDerivation { salt, iterations }, sealed: Sealed { iv, ciphertext } }))
    }
}

/// What this device keeps when a passphrase is set: how to remake the key, a verifier to
/// check a passphrase against, and the idle time before the app locks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceLockSettings {
    pub derivation: KeyDerivation,
    pub verifier: Sealed,
    pub idle_minutes: u32,
}

/// [`DeviceLockSettings`] as stored.
#[derive(Serialize, Deserialize)]
struct DeviceLockText {
    format: String,
    version: u32,
    alg: String,
    kdf: String,
    salt: String,
    iterations: u64,
    verifier: Sealed,
    idle_minutes: u32,
}

impl DeviceLockSettings {
    pub fn to_text(&self) -> String {
        let t = DeviceLockText {
            format: DEVICE_LOCK_FORMAT.into(),
            version: 1,
            alg: ALGORITHM.into(),
            kdf: KEY_DERIVATION.into(),
            salt: BASE64.encode(&self.derivation.salt),
            iterations: self.derivation.iterations.into(),
            verifier: self.verifier.clone(),
            idle_minutes: self.idle_minutes,
        };
        serde_json::to_string(&t).unwrap_or_default()
    }

    /// Reads the stored settings; the reason says what is wrong when they cannot be used.
    pub fn parse(text: &str) -> Result<Self, String> {
        let t: DeviceLockText = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if t.format != DEVICE_LOCK_FORMAT || t.version != 1 {
            return Err(format!("unknown device lock {} version {}", t.format, t.version));
        }
        if t.alg != ALGORITHM || t.kdf != KEY_DERIVATION {
            return Err(format!("unknown protection {} / {}", t.alg, t.kdf));
        }
        Ok(DeviceLockSettings {
            derivation: KeyDerivation { salt: salt_from(&t.salt)?, iterations: checked_iterations(t.iterations)? },
            verifier: t.verifier,
            idle_minutes: t.idle_minutes.clamp(1, 24 * 60),
        })
    }
}

fn checked_iterations(n: u64) -> Result<u32, String> {
    match u32::try_from(n) {
        Ok(n) if (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&n) => Ok(n),
        _ => Err(format!("{n} iterations; expected {MIN_ITERATIONS} to {MAX_ITERATIONS}")),
    }
}

fn bytes_from(text: &str) -> Result<Vec<u8>, String> {
    BASE64.decode(text.trim()).map_err(|e| format!("not base64 ({e})"))
}

fn salt_from(text: &str) -> Result<Vec<u8>, String> {
    let salt = bytes_from(text)?;
    if (SALT_BYTES..=64).contains(&salt.len()) {
        Ok(salt)
    } else {
        Err(format!("a salt of {} bytes; expected {SALT_BYTES} to 64", salt.len()))
    }
}

fn iv_from(text: &str) -> Result<[u8; IV_BYTES], String> {
    let iv = bytes_from(text)?;
    iv.try_into().map_err(|iv: Vec<u8>| format!("an IV of {} bytes; expected {IV_BYTES}", iv.len()))
}

fn ciphertext_from(text: &str) -> Result<Vec<u8>, String> {
    let c = bytes_from(text)?;
    if c.len() < TAG_BYTES {
        return Err(format!("{} bytes, too short to hold the {TAG_BYTES}-byte tag", c.len()));
    }
    Ok(c)
}

fn malformed(path: &str, reason: &str) -> ImportError {
    ImportError::Malformed { path: path.into(), reason: reason.into() }
}

/// Whether a file may be protected with a passphrase: it names the protected format near its
/// start or its end (its fields are written in name order, so the format comes after the
/// ciphertext), or anywhere in a small file. Looking through all of a large ordinary file
/// would hold up the page for nothing.
pub fn may_be_protected(bytes: &[u8]) -> bool {
    const LOOK: usize = 64 * 1024;
    let marker = ENCRYPTED_FILE_FORMAT.as_bytes();
    let holds = |part: &[u8]| part.windows(marker.len()).any(|w| w == marker);
    if bytes.len() <= 4 * LOOK {
        return holds(bytes);
    }
    holds(&bytes[..LOOK]) || holds(&bytes[bytes.len() - LOOK..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> EncryptedFile {
        EncryptedFile {
            derivation: KeyDerivation { salt: (0..16).collect(), iterations: ITERATIONS },
            sealed: Sealed { iv: [7; IV_BYTES], ciphertext: vec![9; 40] },
        }
    }

    fn with(mutate: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(&file().to_text()).unwrap();
        mutate(&mut v);
        v.to_string()
    }

    #[test]
    fn an_encrypted_file_is_written_in_the_documented_envelope_and_read_back() {
        let text = file().to_text();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], ENCRYPTED_FILE_FORMAT);
        assert_eq!(v["version"], 1);
        assert_eq!(v["encryption"]["alg"], "AES-GCM");
        assert_eq!(v["encryption"]["kdf"], "PBKDF2-SHA256");
        assert_eq!(v["encryption"]["iterations"], 600_000);
        assert_eq!(v["encryption"]["salt"], "AAECAwQFBgcICQoLDA0ODw==");
        assert_eq!(v["encryption"]["iv"].as_str().unwrap().len(), 16);
        assert_eq!(EncryptedFile::parse(&text).unwrap(), Some(file()));
        assert_eq!(EncryptedFile::parse(&format!("\u{feff}{text}")).unwrap(), Some(file()));
    }

    #[test]
    fn an_ordinary_review_file_is_not_taken_for_an_encrypted_one() {
        for text in [
            r#"{"format":"case-review-studio","version":2,"reviews":[]}"#,
            r#"{"format":"case-review-studio","version":2,"reviews":[{"title":"case-review-studio-encrypted"}]}"#,
            "not json, case-review-studio-encrypted",
            "",
        ] {
            assert_eq!(EncryptedFile::parse(text), Ok(None), "{text}");
        }
    }

    #[test]
    fn a_protected_file_this_app_cannot_open_is_refused_with_the_reason() {
        let unsupported = |text: String| match EncryptedFile::parse(&text) {
            Err(ImportError::ProtectedUnsupported { reason }) => reason,
            other => panic!("expected ProtectedUnsupported, got {other:?}"),
        };
        assert!(unsupported(with(|v| v["version"] = 2.into())).contains("version 2"));
        assert!(unsupported(with(|v| v["encryption"]["alg"] = "AES-CBC".into())).contains("AES-CBC"));
        assert!(unsupported(with(|v| v["encryption"]["kdf"] = "scrypt".into())).contains("scrypt"));
    }

    #[test]
    fn a_damaged_envelope_says_where() {
        let at = |text: String| match EncryptedFile::parse(&text) {
            Err(ImportError::Malformed { path, .. }) => path,
            other => panic!("expected Malformed, got {other:?}"),
        };
        assert_eq!(at(with(|v| v["version"] = "one".into())), "version");
        assert_eq!(at(with(|v| {
            v.as_object_mut().unwrap().remove("encryption");
        })), "encryption");
        assert_eq!(at(with(|v| v["encryption"]["salt"] = "***".into())), "encryption.salt");
        assert_eq!(at(with(|v| v["encryption"]["salt"] = "AAAA".into())), "encryption.salt");
        // Twelve bytes are right; sixteen are not.
        assert_eq!(at(with(|v| v["encryption"]["iv"] = "AAECAwQFBgcICQoLDA0ODw==".into())), "encryption.iv");
        assert_eq!(at(with(|v| v["encryption"]["iterations"] = 1000.into())), "encryption.iterations");
        assert_eq!(at(with(|v| v["encryption"]["iterations"] = 4_000_000_000u64.into())), "encryption.iterations");
        assert_eq!(at(with(|v| v["ciphertext"] = "AAEC".into())), "ciphertext");
        assert_eq!(at(with(|v| v["ciphertext"] = 5.into())), "ciphertext");
    }

    #[test]
    fn device_lock_settings_round_trip_and_keep_no_passphrase() {
        let s = DeviceLockSettings {
            derivation: KeyDerivation { salt: vec![1; 16], iterations: ITERATIONS },
            verifier: Sealed { iv: [2; IV_BYTES], ciphertext: vec![3; 60] },
            idle_minutes: 15,
        };
        let text = s.to_text();
        assert_eq!(DeviceLockSettings::parse(&text), Ok(s));
        let v: Value = serde_json::from_str(&text).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["alg", "format", "idle_minutes", "iterations", "kdf", "salt", "verifier", "version"]);
        assert!(DeviceLockSettings::parse("{}").is_err());
        assert!(DeviceLockSettings::parse(&text.replace("600000", "10")).is_err());
    }

    #[test]
    fn a_sealed_text_is_base64_json_and_checks_its_lengths() {
        let s = Sealed { iv: [0; IV_BYTES], ciphertext: vec![255; TAG_BYTES] };
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(text, r#"{"iv":"AAAAAAAAAAAAAAAA","ciphertext":"/////////////////////w=="}"#);
        assert_eq!(serde_json::from_str::<Sealed>(&text).unwrap(), s);
        assert!(serde_json::from_str::<Sealed>(r#"{"iv":"AAAA","ciphertext":"/////////////////////w=="}"#).is_err());
        assert!(serde_json::from_str::<Sealed>(r#"{"iv":"AAAAAAAAAAAAAAAA","ciphertext":"AAAA"}"#).is_err());
    }
}
