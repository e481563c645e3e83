//! The before-you-share check is what the app lists before anything leaves it (a print, a
//! Word document, an exported file): the suggestions still open anywhere in the review,
//! names, addresses, postcodes, places and judging words, each with where it is. Nothing
//! is blocked: the person reads the list and decides to go back, make an anonymised copy,
//! or carry on. A suggestion dismissed anywhere counts as checked: the same words
//! dismissed once are not listed again. It covers the reviews that show suggestions
//! (Learning Together reviews and preparations).

use super::anonymise::each_text_mut;
use super::identifying_details::FieldKind;
use super::review::{Review, ReviewBody};
use super::text_hints::hints;

/// One suggestion still open in the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenSuggestion {
    /// Where in the review ("Narrative", "Findings").
    pub place: &'static str,
    /// The words the suggestion is about.
    pub words: String,
    /// What the app suggests.
    pub message: String,
}

/// Every open suggestion in the review, in the review's order, each set of words once.
pub fn open_suggestions(review: &Review) -> Vec<OpenSuggestion> {
    let (pseudonyms, dismissed): (Vec<String>, Vec<String>) = match &review.body {
        ReviewBody::LearningTogether(lt) => (
            lt.pseudonyms().into_iter().map(str::to_string).collect(),
            lt.dismissed_hints.iter().cloned().collect(),
        ),
        ReviewBody::Preparation(p) => (Vec::new(), p.dismissed_hints.iter().cloned().collect()),
        // A case discussion's notes name the child and attendees by design and show no
        // suggestions; its anonymised copy is the way to publish it.
        ReviewBody::CaseDiscussion(_) => return Vec::new(),
    };
    let known: Vec<&str> = pseudonyms.iter().map(String::as_str).collect();
    // A dismissal key is "field|kind|fingerprint|n": the words are checked wherever they
    // were dismissed.
    let checked: Vec<String> = dismissed
        .iter()
        .filter_map(|k| {
            let parts: Vec<&str> = k.rsplitn(4, '|').collect();
            (parts.len() == 4).then(|| format!("{}|{}", parts[2], parts[1]))
        })
        .collect();
    let none = Default::default();
    let mut out: Vec<OpenSuggestion> = Vec::new();
    let mut copy = review.clone();
    each_text_mut(&mut copy, &mut |place, text| {
        for h in hints("", text, FieldKind::FreeText, &known, &none) {
            let words_id = h.key.rsplitn(4, '|').collect::<Vec<_>>();
            let id = if words_id.len() == 4 { format!("{}|{}", words_id[2], words_id[1]) } else { String::new() };
            if checked.contains(&id) || out.iter().any(|o| o.words.eq_ignore_ascii_case(&h.words)) {
                continue;
            }
            out.push(OpenSuggestion { place, words: h.words, message: h.message });
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date_or_period::DateOrPeriod;
    use crate::model::text_hints::hints as field_hints;
    use crate::model::ReviewKind;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn review() -> Review {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mut r = Review::new(Uuid::from_u128(1), ReviewKind::LearningTogether, at);
        r.edit_learning_together(at, |lt| {
            lt.family_pseudonym = "Green".into();
            lt.add_event("The family moved to Leeds", DateOrPeriod::default()).unwrap();
            lt.add_event("The social worker failed to visit. Later in Leeds again.", DateOrPeriod::default()).unwrap();
            lt.add_event("The boiler failed to work", DateOrPeriod::default()).unwrap();
        });
        r
    }

    #[test]
    fn open_suggestions_list_each_set_of_words_once_with_its_place() {
        let found = open_suggestions(&review());
        let words: Vec<(&str, &str)> = found.iter().map(|o| (o.place, o.words.as_str())).collect();
        assert_eq!(words, [("Narrative", "Leeds"), ("Narrative", "failed to")]);
    }

    #[test]
    fn words_dismissed_anywhere_count_as_checked() {
        let mut r = review();
        let text = "The family moved to Leeds";
        let key = field_hints("narrative 3", text, FieldKind::FreeText, &[], &Default::default())[0].key.clone();
        r.edit_learning_together(Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap(), |lt| {
            lt.dismissed_hints.insert(key);
        });
        let words: Vec<String> = open_suggestions(&r).into_iter().map(|o| o.words).collect();
        assert_eq!(words, ["failed to"]);
    }
}
