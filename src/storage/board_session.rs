//! The board session is what the meeting room's screen was doing, kept for this browser
//! tab only (sessionStorage), so reloading the page mid-meeting comes back to the wall as
//! it was: board mode on or off, both timers (with the time already counted, still running
//! if they were), the facilitator panel, and which area was enlarged. It is not part of
//! the review and never leaves the tab.

use gloo_storage::{SessionStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::model::ReviewId;

/// A countdown or stopwatch as saved: seconds counted before the current run, and when
/// the current run started (milliseconds since 1970, the browser's clock) if it is running.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedTimer {
    pub banked_seconds: f64,
    pub started_at_ms: Option<f64>,
}

/// The wall's state in this tab.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BoardSession {
    pub board_mode: bool,
    pub thoughts_timer: SavedTimer,
    pub meeting_timer: SavedTimer,
    pub facilitator_panel_open: bool,
    /// The enlarged area's name, if one is.
    pub focused_area: Option<String>,
}

fn key(review: ReviewId) -> String {
    format!("case-review-studio/board-session/{review}")
}

/// What was saved for this review in this tab; a fresh session if nothing was, or if what
/// is there cannot be read (an older or damaged entry is simply started again).
pub fn load(review: ReviewId) -> BoardSession {
    SessionStorage::get::<BoardSession>(key(review)).unwrap_or_default()
}

/// Saves the session. Storage may be full or blocked; the wall then simply starts fresh
/// after a reload, which is why the error is not passed on.
pub fn save(review: ReviewId, session: &BoardSession) {
    let _ = SessionStorage::set(key(review), session);
}

/// Changes one part of the saved session.
pub fn update(review: ReviewId, f: impl FnOnce(&mut BoardSession)) {
    let mut s = load(review);
    f(&mut s);
    save(review, &s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_saved_before_a_field_existed_still_loads() {
        let s: BoardSession = serde_json::from_str(r#"{"board_mode": true}"#).unwrap();
        assert!(s.board_mode);
        assert_eq!(s.meeting_timer, SavedTimer::default());
        let t: BoardSession = serde_json::from_str(&serde_json::to_string(&BoardSession {
            thoughts_timer: SavedTimer { banked_seconds: 12.5, started_at_ms: Some(1.0e12) },
            ..Default::default()
        }).unwrap()).unwrap();
        assert_eq!(t.thoughts_timer.started_at_ms, Some(1.0e12));
    }
}
