//! Text hints are the gentle suggestions shown under a piece of writing: words that judge
//! rather than describe practice (the respectful-language helper) and words that look like
//! a real name or address where a role or pseudonym is expected. Each hint can be
//! dismissed where it occurs; a dismissed hint stays dismissed for that occurrence, even
//! after the text around it changes, and comes back only if the words are written again
//! somewhere new.

use std::collections::BTreeSet;

use super::identifying_details::{identifying_details, FieldKind};
use super::respectful_language::flags;

/// One suggestion about a piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextHint {
    /// Byte offsets of the words the hint is about.
    pub start: usize,
    pub end: usize,
    /// The words as written.
    pub words: String,
    /// What the app suggests, in full.
    pub message: String,
    /// Names this occurrence for dismissing it: the field, the kind of hint, a fingerprint
    /// of the words in lower case and which occurrence of them it is.
    pub key: String,
}

/// Every hint for the text of one field, in order, leaving out the ones dismissed.
/// `field_key` names the field within the review ("conversation 12 part 3b prompt 2").
pub fn hints(
    field_key: &str,
    text: &str,
    field: FieldKind,
    pseudonyms: &[&str],
    dismissed: &BTreeSet<String>,
) -> Vec<TextHint> {
    let mut out: Vec<(usize, usize, &'static str, String)> = Vec::new();
    for f in flags(text) {
        let message = format!("\u{201c}{}\u{201d}: consider {}.", f.word, f.suggestion);
        out.push((f.start, f.end, "language", message));
    }
    for d in identifying_details(text, field, pseudonyms) {
        let message = d.message(&text[d.start..d.end], field);
        out.push((d.start, d.end, "identifying", message));
    }
    out.sort_by_key(|h| h.0);
    let mut seen: Vec<(String, usize)> = Vec::new();
    out.into_iter()
        .map(|(start, end, kind, message)| {
            let words = text[start..end].to_string();
            // The words themselves are not kept in the key (a dismissed name would
            // otherwise survive in the saved review): a fingerprint of them is.
            let id = format!("{kind}|{:016x}", fingerprint(&normalise(&words)));
            let nth = match seen.iter_mut().find(|(w, _)| *w == id) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((id.clone(), 1));
                    1
                }
            };
            TextHint { start, end, words, message, key: format!("{field_key}|{id}|{nth}") }
        })
        .filter(|h| !dismissed.contains(&h.key))
        .collect()
}

/// FNV-1a: stable across versions and platforms, unlike the standard library's hasher.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn normalise(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> BTreeSet<String> {
        BTreeSet::new()
    }

    #[test]
    fn language_and_identifying_hints_come_together_in_text_order() {
        let h = hints("f", "Sarah Jones failed to visit, a mistake.", FieldKind::FreeText, &[], &none());
        let words: Vec<&str> = h.iter().map(|h| h.words.as_str()).collect();
        assert_eq!(words, vec!["Sarah Jones", "failed to", "mistake"]);
        assert!(h[1].message.contains("did not"));
        assert!(h[0].message.contains("real name"));
    }

    #[test]
    fn a_dismissed_occurrence_stays_dismissed_when_text_is_added_before_it() {
        let first = hints("f", "An error was made.", FieldKind::FreeText, &[], &none());
        assert_eq!(first.len(), 1);
        let dismissed: BTreeSet<String> = [first[0].key.clone()].into();
        assert!(hints("f", "Looking back, an error was made.", FieldKind::FreeText, &[], &dismissed).is_empty());
        // A second occurrence is new and is shown.
        let again = hints("f", "An error was made. Another Error followed.", FieldKind::FreeText, &[], &dismissed);
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].words, "Error");
        // The same words in another field are not dismissed.
        assert_eq!(hints("g", "An error was made.", FieldKind::FreeText, &[], &dismissed).len(), 1);
    }

    #[test]
    fn a_dismissal_key_does_not_hold_the_words() {
        let h = hints("f", "Spoke to Sarah Jones.", FieldKind::FreeText, &[], &none());
        assert_eq!(h.len(), 1);
        assert!(!h[0].key.to_lowercase().contains("sarah"), "{}", h[0].key);
    }

    #[test]
    fn respectful_text_has_no_hints() {
        assert!(hints("f", "The visit did not happen; it would have helped if cover was arranged.", FieldKind::FreeText, &[], &none())
            .is_empty());
    }
}
