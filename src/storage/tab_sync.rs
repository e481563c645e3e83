//! Tab sync tells the app's other open tabs and windows on this device when a review was
//! saved or deleted, so a tab showing an older copy can say so straight away instead of
//! finding out at its next save.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

use crate::model::ReviewId;

const CHANNEL_NAME: &str = "case-review-studio";

/// What one tab tells the others.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TabNotice {
    Saved { id: ReviewId, revision: u64 },
    LibraryChanged,
    /// The person chose "Lock now": every tab locks.
    DeviceLocked,
    /// The passphrase was set, removed or its idle time changed: read it again.
    DeviceLockChanged,
}

/// This tab's connection to the others. Without BroadcastChannel (very old browsers) it
/// does nothing; the revision check at save time still protects the data.
pub struct TabSync {
    channel: Option<BroadcastChannel>,
    _listener: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl TabSync {
    pub fn new(on_notice: impl Fn(TabNotice) + 'static) -> Self {
        let Ok(channel) = BroadcastChannel::new(CHANNEL_NAME) else {
            return TabSync { channel: None, _listener: None };
        };
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                if let Ok(notice) = serde_json::from_str::<TabNotice>(&text) {
                    on_notice(notice);
                }
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        TabSync { channel: Some(channel), _listener: Some(listener) }
    }

    pub fn announce(&self, notice: &TabNotice) {
        if let (Some(channel), Ok(text)) = (&self.channel, serde_json::to_string(notice)) {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
    }
}

impl Drop for TabSync {
    fn drop(&mut self) {
        if let Some(channel) = &self.channel {
            channel.set_onmessage(None);
            channel.close();
        }
    }
}
