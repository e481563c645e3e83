//! The passphrase wait is the growing pause after wrong passphrases: none after the first,
//! then 1, 2, 4, 8, 16 seconds, and at most 30 seconds between tries from then on. A person
//! who mistypes loses a moment; someone guessing passphrases one after another gets very
//! few tries an hour. The count survives a reload (it is kept in this browser's
//! localStorage, with no passphrase or case detail in it) and starts again after a right
//! passphrase. The unlock screen and the passphrase of a protected file each have their own.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

/// The longest wait between two tries, in seconds.
pub const MAX_WAIT_SECONDS: u64 = 30;

/// Where the counts are kept: one key per passphrase being asked for.
const KEY_PREFIX: &str = "case-review-studio/passphrase-wait/";

/// Which passphrase is being asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphrasePrompt {
    /// The passphrase set on this device (the unlock screen).
    Device,
    /// The passphrase of a protected file being imported.
    ProtectedFile,
}

impl PassphrasePrompt {
    fn key(self) -> String {
        match self {
            PassphrasePrompt::Device => format!("{KEY_PREFIX}device"),
            PassphrasePrompt::ProtectedFile => format!("{KEY_PREFIX}file"),
        }
    }
}

/// How long to wait before the next try, in seconds, after `failures` wrong passphrases in a row.
pub fn wait_after(failures: u32) -> u64 {
    match failures {
        0 | 1 => 0,
        n => 1u64.checked_shl(n - 2).unwrap_or(u64::MAX).min(MAX_WAIT_SECONDS),
    }
}

/// Wrong passphrases so far, and when the last one was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassphraseWait {
    pub failures: u32,
    /// Milliseconds since 1970 (the browser's clock) of the last wrong passphrase.
    pub last_failure_ms: u64,
}

impl PassphraseWait {
    /// Records a wrong passphrase given at `now_ms`.
    pub fn failed(&mut self, now_ms: u64) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure_ms = now_ms;
    }

    /// Whole seconds (rounded up) before another try is allowed at `now_ms`; 0 means now.
    /// A clock set back never makes the wait longer than the schedule says.
    pub fn seconds_left(&self, now_ms: u64) -> u64 {
        let wait_ms = wait_after(self.failures).saturating_mul(1000);
        let since = now_ms.saturating_sub(self.last_failure_ms);
        wait_ms.saturating_sub(since).div_ceil(1000)
    }

    /// What to say after a wrong passphrase (or a try that came too soon), at `now_ms`:
    /// `no_wait` when the person may try again at once.
    pub fn message(&self, now_ms: u64, no_wait: &str) -> String {
        match self.seconds_left(now_ms) {
            0 => no_wait.into(),
            1 => "Wrong passphrase. You can try again in 1 second.".into(),
            n => format!("Wrong passphrase. You can try again in {n} seconds."),
        }
    }

    /// The count kept for `prompt` in this browser (none if there is none or it cannot be read).
    pub fn load(prompt: PassphrasePrompt) -> Self {
        LocalStorage::raw()
            .get_item(&prompt.key())
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Keeps the count for `prompt`; a count of zero is removed.
    pub fn store(&self, prompt: PassphrasePrompt) {
        let storage = LocalStorage::raw();
        if self.failures == 0 {
            let _ = storage.remove_item(&prompt.key());
        } else if let Ok(text) = serde_json::to_string(self) {
            let _ = storage.set_item(&prompt.key(), &text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_the_second_wrong_passphrase_and_stops_at_thirty_seconds() {
        let waits: Vec<u64> = (0..10).map(wait_after).collect();
        assert_eq!(waits, [0, 0, 1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(wait_after(64), MAX_WAIT_SECONDS);
        assert_eq!(wait_after(u32::MAX), MAX_WAIT_SECONDS);
    }

    #[test]
    fn the_time_left_counts_down_from_the_last_wrong_passphrase() {
        let mut wait = PassphraseWait::default();
        assert_eq!(wait.seconds_left(5_000), 0);
        for t in [1_000, 2_000, 3_000] {
            wait.failed(t);
        }
        assert_eq!(wait.failures, 3);
        assert_eq!(wait.seconds_left(3_000), 2);
        assert_eq!(wait.seconds_left(3_500), 2);
        assert_eq!(wait.seconds_left(4_001), 1);
        assert_eq!(wait.seconds_left(5_000), 0);
        // A clock set back does not stretch the wait beyond the schedule.
        assert_eq!(wait.seconds_left(0), 2);
    }

    #[test]
    fn the_wait_is_said_plainly() {
        let mut wait = PassphraseWait::default();
        wait.failed(0);
        assert_eq!(wait.message(0, "Check it and try again."), "Check it and try again.");
        wait.failed(0);
        assert_eq!(wait.message(0, ""), "Wrong passphrase. You can try again in 1 second.");
        wait.failed(0);
        wait.failed(0);
        assert_eq!(wait.message(0, ""), "Wrong passphrase. You can try again in 4 seconds.");
        assert_eq!(wait.message(1_500, ""), "Wrong passphrase. You can try again in 3 seconds.");
    }
}
