//! This device, as the review team knows it: a random id made once (so its changes can be
//! told from another laptop's) and the name or role the person gave it ("Lead reviewer,
//! laptop 2"), asked for once and editable. Every save records a change under this name.
//! Kept as a setting of the store; it says nothing about any review.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::review_history::Author;

/// The setting this device's identity is kept under.
pub const DEVICE_SETTING: &str = "device-identity";

/// The longest device name kept.
pub const MAX_LABEL_CHARS: usize = 80;

/// This device's id and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceIdentity {
    pub id: Uuid,
    /// Blank until the person gives one.
    #[serde(default)]
    pub label: String,
}

impl DeviceIdentity {
    /// Reads the stored setting; `None` if it is missing or unreadable.
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    /// The setting's text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A tidy name: trimmed, at most [`MAX_LABEL_CHARS`] characters.
    pub fn tidy_label(label: &str) -> String {
        label.trim().chars().take(MAX_LABEL_CHARS).collect()
    }

    /// The name changes are recorded under.
    pub fn shown_label(&self) -> String {
        if self.label.is_empty() {
            "A device with no name".to_string()
        } else {
            self.label.clone()
        }
    }

    /// The author of this page's saves: the device, with this page's `session`.
    pub fn author(&self, session: [u8; 8]) -> Author {
        Author::new(*self.id.as_bytes(), session, &self.shown_label())
    }
}

/// Random bytes from the browser (falling back to Math.random: they need to be unique,
/// not secret).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_identity_reads_back_and_its_name_is_tidied() {
        let d = DeviceIdentity { id: Uuid::from_u128(5), label: DeviceIdentity::tidy_label("  Lead reviewer, laptop 2 ") };
        assert_eq!(d.label, "Lead reviewer, laptop 2");
        assert_eq!(DeviceIdentity::parse(&d.to_text()), Some(d.clone()));
        assert_eq!(DeviceIdentity::parse("nonsense"), None);
        assert_eq!(d.author([1; 8]).label, "Lead reviewer, laptop 2");
        assert_eq!(DeviceIdentity::tidy_label(&"x".repeat(200)).len(), MAX_LABEL_CHARS);
    }
}
