//! The respectful-language helper points out words that judge people rather than describe
//! practice ("error", "mistake", "failed to", "blame", "should have"...) and suggests the
//! Learning Together way of saying it: good and problematic practice, what did or did not
//! happen, and what would have helped. SCIE asks reviewers to use "error" and "mistake"
//! only carefully, because few decisions in child welfare are clearly right or wrong at
//! the time. The helper only suggests: it never blocks, and the writer can dismiss any
//! suggestion.
//!
//! Only whole words are flagged, in any mix of upper and lower case. A word run into a
//! longer one ("terrorist", "blameless", "faultless", "mistaken") is a different word and
//! is left alone, and so is a word joined to others by hyphens ("no-blame", "self-blame",
//! "error-prone"): these are mostly about the absence of blame or about feelings, and
//! flagging them would be noise.

/// One place in a text where the helper suggests other words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageFlag {
    /// Byte offset of the first character of the flagged words in the text.
    pub start: usize,
    /// Byte offset just after the flagged words; `&text[start..end]` is always valid.
    pub end: usize,
    /// The flagged words as written, e.g. "Failed  to".
    pub word: String,
    /// What to consider saying instead.
    pub suggestion: &'static str,
}

const PROBLEMATIC_PRACTICE: &str =
    "\u{201c}problematic practice\u{201d}, or describe what happened and what made it more likely";
const DID_NOT: &str = "\u{201c}did not\u{201d}, and what made it hard to do";
const BLAME: &str = "what made the action make sense at the time, rather than who is to blame";
const WOULD_HAVE_HELPED: &str = "\u{201c}it would have helped if\u{201d}";
const FAULT: &str = "\u{201c}contributory factor\u{201d}, or what made good practice harder";

/// The words flagged, each a list of words to be separated by white space, and the
/// suggestion. Apostrophes match both ' and \u{2019}.
const FLAGGED: &[(&[&str], &str)] = &[
    (&["error"], PROBLEMATIC_PRACTICE),
    (&["errors"], PROBLEMATIC_PRACTICE),
    (&["mistake"], PROBLEMATIC_PRACTICE),
    (&["mistakes"], PROBLEMATIC_PRACTICE),
    (&["failed", "to"], DID_NOT),
    (&["fails", "to"], DID_NOT),
    (&["failing", "to"], DID_NOT),
    (&["failure"], PROBLEMATIC_PRACTICE),
    (&["failures"], PROBLEMATIC_PRACTICE),
    (&["blame"], BLAME),
    (&["blamed"], BLAME),
    (&["blames"], BLAME),
    (&["blaming"], BLAME),
    (&["should", "have"], WOULD_HAVE_HELPED),
    (&["should've"], WOULD_HAVE_HELPED),
    (&["fault"], FAULT),
    (&["faults"], FAULT),
    (&["negligent"], PROBLEMATIC_PRACTICE),
    (&["negligence"], PROBLEMATIC_PRACTICE),
];

/// Every place in `text` where the helper suggests other words, in order, never
/// overlapping.
pub fn flags(text: &str) -> Vec<LanguageFlag> {
    let mut out = Vec::new();
    let mut resume_at = 0;
    let mut previous: Option<char> = None;
    for (start, c) in text.char_indices() {
        let at_word_start = is_word_char(c) && !previous.is_some_and(joins_word);
        previous = Some(c);
        if start < resume_at || !at_word_start {
            continue;
        }
        if let Some((end, suggestion)) = FLAGGED
            .iter()
            .find_map(|(words, suggestion)| match_words(text, start, words).map(|end| (end, *suggestion)))
            .filter(|&(end, _)| !describes_no_practice(text, start, end))
        {
            out.push(LanguageFlag { start, end, word: text[start..end].to_string(), suggestion });
            resume_at = end;
        }
    }
    out
}

/// Things, not people: when one of these "failed to" work, no practice is judged.
const THINGS: &[&str] = &[
    "boiler", "heating", "system", "systems", "computer", "laptop", "phone", "car", "printer", "server",
    "software", "app", "email", "e-mail", "letter", "lift", "engine", "battery", "payment", "bus", "train",
    "pump", "device", "link", "website", "portal", "alarm", "meter", "fridge", "cooker", "shower", "door",
    "lock", "camera", "network",
];

/// What a machine or a thing fails to do.
const THING_VERBS: &[&str] = &[
    "work", "start", "load", "open", "close", "connect", "print", "send", "save", "heat", "function",
    "upload", "download", "sync", "charge", "arrive", "lock", "flush", "boot",
];

/// What errors and mistakes in a document are in: these describe paperwork, not practice.
const DOCUMENTS: &[&str] = &[
    "letter", "letters", "form", "forms", "payment", "payments", "claim", "bill", "bills", "statement",
    "calculation", "calculations", "award", "spelling", "paperwork", "invoice", "payslip", "benefit",
    "benefits", "tax", "meter", "account", "address", "postcode", "date", "dates", "spreadsheet", "data",
];

/// Words before "error" that make it about a document or a machine.
const ERROR_KINDS: &[&str] =
    &["spelling", "typing", "typographical", "rounding", "system", "computer", "software", "technical", "billing", "payment", "benefit", "printing"];

/// Words that deny the judgement that follows ("not about blaming anyone", "no blame").
const DENIALS: &[&str] = &["not", "no", "never", "without", "nor", "isn't", "isn\u{2019}t", "avoid", "avoiding", "rather"];

/// Past participles that are not formed with -ed or -en.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "been", "known", "done", "seen", "made", "told", "said", "sent", "got", "had", "kept", "brought",
    "bought", "found", "met", "put", "set", "let", "run", "come", "become", "felt", "left", "heard",
    "understood", "thought", "held", "stood", "read", "paid", "led", "fed", "built", "lost", "won", "shut",
    "taught", "caught", "sought", "begun", "meant", "spent", "sat", "stuck", "dealt", "gone", "rung",
];

/// The lower-case words of `text`, each with where it ends.
fn plain_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when the flagged words at `start..end` judge no one's practice: a thing "failed to
/// work", a rule that "should have no more than" so many, "errors in her letter", or a
/// denial ("not about blaming anyone").
fn describes_no_practice(text: &str, start: usize, end: usize) -> bool {
    let sentence_start = text[..start].rfind(['.', '!', '?', ';']).map_or(0, |i| i + 1);
    let sentence_end = text[end..].find(['.', '!', '?', ';']).map_or(text.len(), |i| end + i);
    let before = plain_words(&text[sentence_start..start]);
    let after = plain_words(&text[end..sentence_end]);
    let flagged = text[start..end].to_lowercase();
    let last_before = before.last().map(String::as_str);
    let recent: Vec<&str> = before.iter().rev().take(4).map(String::as_str).collect();
    if flagged.starts_with("blam") || flagged.starts_with("fault") {
        return recent.iter().any(|w| DENIALS.contains(w));
    }
    if flagged.starts_with("fail") && flagged.ends_with("to") {
        let thing = before.iter().rev().take(3).any(|w| THINGS.contains(&w.as_str()));
        let verb = after.first().is_some_and(|w| THING_VERBS.contains(&w.as_str()));
        return thing || (verb && !last_before.is_some_and(|w| ["she", "he", "they", "i", "we"].contains(&w)));
    }
    if flagged.starts_with("should") {
        let Some(next) = after.first().map(String::as_str) else { return false };
        let participle = next.ends_with("ed") || next.ends_with("en") || IRREGULAR_PARTICIPLES.contains(&next);
        return !participle;
    }
    if flagged.starts_with("error") || flagged.starts_with("mistake") {
        let kind = last_before.is_some_and(|w| ERROR_KINDS.contains(&w));
        let in_document = matches!(after.first().map(String::as_str), Some("in" | "on"))
            && after.iter().skip(1).take(5).any(|w| DOCUMENTS.contains(&w.as_str()));
        return kind || in_document;
    }
    false
}

/// True when the text has nothing to flag.
pub fn is_respectful(text: &str) -> bool {
    flags(text).is_empty()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters that make the next letter part of the same word: letters and digits, and
/// the hyphen of a compound.
fn joins_word(c: char) -> bool {
    is_word_char(c) || c == '-'
}

/// If `words` (lower case) start at byte `start` of `text`, as whole words separated by
/// white space, the byte offset just after them.
fn match_words(text: &str, start: usize, words: &[&str]) -> Option<usize> {
    let mut rest = &text[start..];
    let mut pos = start;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let spaced = rest.trim_start();
            if spaced.len() == rest.len() {
                return None;
            }
            pos += rest.len() - spaced.len();
            rest = spaced;
        }
        let len = match_word(rest, word)?;
        pos += len;
        rest = &rest[len..];
    }
    match rest.chars().next() {
        Some(c) if joins_word(c) => None,
        _ => Some(pos),
    }
}

/// The byte length of `word` (lower-case ASCII) at the start of `text`, ignoring case.
fn match_word(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for expected in word.chars() {
        let (_, c) = chars.next()?;
        let same =
            if expected == '\'' { c == '\'' || c == '\u{2019}' } else { c.to_ascii_lowercase() == expected };
        if !same {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        flags(text).into_iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn sentences_that_judge_no_practice_are_left_alone() {
        for text in [
            "The boiler failed to work for three weeks.",
            "The heating system failed to start in November.",
            "The policy says a worker should have no more than 400 families.",
            "There were errors in her Universal Credit letter.",
            "A spelling error on the form delayed the claim.",
            "This is not about criticising or blaming anyone.",
            "A review of this kind has no blame attached.",
            "Every child should have a named worker.",
        ] {
            assert!(is_respectful(text), "{text:?} was flagged: {:?}", flags(text));
        }
    }

    #[test]
    fn judging_sentences_are_still_pointed_out() {
        for text in [
            "The social worker failed to visit.",
            "Share chronologies on transfer; the team failed to do this.",
            "She failed to work with the school.",
            "We should have known.",
            "The team should have shared the referral.",
            "An error in the assessment.",
            "They blamed the school.",
            "It was a mistake to close the case.",
        ] {
            assert!(!is_respectful(text), "{text:?} was not flagged");
        }
    }

    #[test]
    fn each_flagged_word_is_found_in_any_case() {
        let text = "An ERROR, two errors, a Mistake, mistakes; she failed to visit; a failure; \
                    they blamed the school; blame; we should have known; whose fault; negligent.";
        assert_eq!(
            words(text),
            [
                "ERROR",
                "errors",
                "Mistake",
                "mistakes",
                "failed to",
                "failure",
                "blamed",
                "blame",
                "should have",
                "fault",
                "negligent"
            ]
        );
    }

    #[test]
    fn words_that_merely_contain_a_flagged_word_are_left_alone() {
        for text in [
            "terrorist",
            "blameless",
            "faultless",
            "mistaken",
            "errorless",
            "shoulder haven",
            "failed tomorrow",
            "no-blame review",
            "self-blame",
            "error-prone form",
            "error_code",
            "error2",
        ] {
            assert!(is_respectful(text), "{text:?} was flagged: {:?}", flags(text));
        }
    }

    #[test]
    fn punctuation_around_a_word_does_not_hide_it() {
        assert_eq!(words("(error)"), ["error"]);
        assert_eq!(words("\u{201c}mistake\u{201d}."), ["mistake"]);
        assert_eq!(words("the error's cause"), ["error"]);
        assert_eq!(words("She should've\nasked."), ["should've"]);
        assert_eq!(words("She should\u{2019}ve asked."), ["should\u{2019}ve"]);
    }

    #[test]
    fn a_phrase_may_be_split_across_spaces_and_lines() {
        let text = "they Failed \n\u{a0} to share";
        let f = flags(text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].word, "Failed \n\u{a0} to");
        assert_eq!(f[0].suggestion, DID_NOT);
    }

    #[test]
    fn offsets_stay_on_character_boundaries_in_unicode_text() {
        let text = "Zo\u{eb} s\u{e9}ance \u{2014} l\u{2019}\u{e9}quipe a parl\u{e9} d\u{2019}une error \u{1f62c}, \
                    puis \u{3053}\u{3093}mistake\u{3067}\u{3059} and \u{130}ERROR\u{130} and n\u{e4}ive mistake\u{2026}";
        let found = flags(text);
        for f in &found {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert_eq!(&text[f.start..f.end], f.word);
        }
        // Letters in any script join a word: "こんmistakeです" and "İERRORİ" are not the words.
        assert_eq!(found.iter().map(|f| f.word.as_str()).collect::<Vec<_>>(), ["error", "mistake"]);
    }

    #[test]
    fn flags_never_overlap_and_come_in_order() {
        let text = "should have blamed; failed to failed to; error errors errorerror mistake";
        let found = flags(text);
        assert_eq!(
            words(text),
            ["should have", "blamed", "failed to", "failed to", "error", "errors", "mistake"]
        );
        for pair in found.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
    }

    #[test]
    fn suggestions_speak_of_practice_not_people() {
        assert!(flags("an error")[0].suggestion.contains("problematic practice"));
        assert!(flags("should have")[0].suggestion.contains("it would have helped if"));
        assert!(flags("failed to")[0].suggestion.contains("did not"));
        assert!(flags("").is_empty());
        assert!(is_respectful("Good practice and problematic practice were both seen."));
    }
}
