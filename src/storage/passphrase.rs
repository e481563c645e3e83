//! Passphrase advice helps a person choose a passphrase that is hard to guess and easy to
//! remember: long, made of several unrelated words (the UK National Cyber Security
//! Centre's "three random words"). The app refuses only passphrases that are plainly too
//! easy; everything else gets an honest word about its strength.

use super::lock_error::LockError;

/// The shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// From this many characters a passphrase counts as strong.
const STRONG_CHARS: usize = 20;

/// How hard a passphrase would be to guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Refused: too short, or too repetitive or common.
    TooWeak,
    /// Accepted, but longer would be better.
    Fair,
    Strong,
}

/// A passphrase's strength and what to tell the person about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    pub strength: Strength,
    pub message: String,
}

/// Words that make a passphrase easy to guess however long it is.
const GUESSABLE: &[&str] = &["password", "passphrase", "qwerty", "123456", "letmein", "casereview", "safeguarding"];

/// Judges a passphrase being chosen.
pub fn advice(passphrase: &str) -> Advice {
    let chars = passphrase.chars().count();
    let words = passphrase.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).count();
    let mut distinct: Vec<char> = passphrase.to_lowercase().chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let squashed: String = passphrase.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    let weak = |message: String| Advice { strength: Strength::TooWeak, message };
    if chars < MIN_PASSPHRASE_CHARS {
        return weak(format!(
            "Use at least {MIN_PASSPHRASE_CHARS} characters ({chars} so far). Three or four random words \
             are easy to remember and hard to guess, for example “kettle orbit velvet harbour”."
        ));
    }
    if distinct.len() < 5 {
        return weak("This passphrase repeats the same few characters: choose some unrelated words instead.".into());
    }
    if GUESSABLE.iter().any(|g| squashed.contains(g)) && chars < STRONG_CHARS + 8 {
        return weak("This passphrase contains a word people often guess first: choose unrelated words instead.".into());
    }
    if chars >= STRONG_CHARS || (words >= 3 && chars >= 16) {
        Advice { strength: Strength::Strong, message: "Strong: long and hard to guess.".into() }
    } else {
        Advice {
            strength: Strength::Fair,
            message: "Fair. Longer is stronger: another random word or two would help.".into(),
        }
    }
}

/// Checks a new passphrase and its repeat before it is set.
pub fn check_new(passphrase: &str, repeat: &str) -> Result<(), LockError> {
    let a = advice(passphrase);
    if a.strength == Strength::TooWeak {
        return Err(LockError::TooWeak(a.message));
    }
    if passphrase != repeat {
        return Err(LockError::PassphrasesDiffer);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_repetitive_and_common_passphrases_are_refused() {
        assert_eq!(advice("kettle").strength, Strength::TooWeak);
        assert!(advice("kettle").message.contains("6 so far"));
        assert_eq!(advice("aaaaaaaaaaaaaaaa").strength, Strength::TooWeak);
        assert_eq!(advice("abababababababab").strength, Strength::TooWeak);
        assert_eq!(advice("MyPassword2026!").strength, Strength::TooWeak);
    }

    #[test]
    fn longer_passphrases_of_several_words_are_stronger() {
        assert_eq!(advice("kettle orbit").strength, Strength::Fair);
        assert_eq!(advice("kettle orbit velvet").strength, Strength::Strong);
        assert_eq!(advice("red fox ran far").strength, Strength::Fair);
        assert_eq!(advice("kettle-orbit-velvet-harbour").strength, Strength::Strong);
    }

    #[test]
    fn a_new_passphrase_must_be_typed_the_same_twice() {
        assert_eq!(check_new("kettle orbit velvet", "kettle orbit velvet"), Ok(()));
        assert_eq!(check_new("kettle orbit velvet", "kettle orbit velvet "), Err(LockError::PassphrasesDiffer));
        assert!(matches!(check_new("short", "short"), Err(LockError::TooWeak(_))));
    }
}
