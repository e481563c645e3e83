//! The letters are what the review team sends to participants: an introductory letter
//! inviting them to take part, and an explanation of the one-to-one conversations. SCIE
//! offers both as tools (Appendices 1 and 2); the app drafts them from the review's details
//! in its own words, keeping Appendix 2's commitments: people are identified by role, not
//! by name; the public report does not mention where the case happened; the family is
//! known by pseudonyms; what is shared stays within the group; and any recording is
//! destroyed once the notes have been taken from it. The team then edits the drafts freely.

use serde::{Deserialize, Serialize};

use super::LearningTogether;

/// The letters as the review team has edited them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Letters {
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub introductory_letter: String,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub conversation_explanation: String,
}

/// A draft introductory letter to a participant, from the review's details.
pub fn introductory_letter(lt: &LearningTogether, review_title: &str) -> String {
    let mut out = String::new();
    out.push_str("Dear colleague,\n\n");
    out.push_str(&format!("{}\n\n", about_the_review(lt, review_title)));
    out.push_str(
        "We are writing to invite you to take part. The review follows a systems approach, \
         SCIE\u{2019}s Learning Together model. It sets out to understand what happened and why \
         it made sense to the people involved at the time, and to find what in the way we all \
         work together helps good practice or makes problematic practice more likely. It is \
         not about judging anyone: a review of this kind does not hold individuals to account.\n\n",
    );
    if !lt.scope.trim().is_empty() {
        out.push_str(&format!("What the review is for: {}\n\n", lt.scope.trim()));
    }
    out.push_str(&review_team_sentence(lt));
    out.push_str(
        "We would like to meet you for a one-to-one conversation about the case, and later to \
         bring everyone involved together to look at the emerging picture and help us make \
         sense of it. You will have the chance to read and comment on the draft reports.\n\n",
    );
    out.push_str(&commitments(lt));
    out.push_str(
        "We will be in touch shortly to arrange a time. Please ask us if you have any questions \
         before then.\n\nWith thanks,\n\nThe review team\n",
    );
    out
}

/// A draft explanation of the one-to-one conversations, from the review's details.
pub fn conversation_explanation(lt: &LearningTogether, review_title: &str) -> String {
    let mut out = String::new();
    out.push_str("About your one-to-one conversation\n\n");
    out.push_str(&format!("{}\n\n", about_the_review(lt, review_title)));
    out.push_str(
        "We will contact you soon to arrange a time to talk with you one-to-one. We want to \
         hear your view of what was going on in and around the case, how you understood your \
         role and the part you played, and what in the wider system influenced you.\n\n",
    );
    out.push_str(
        "We will also share something of the overall picture that is emerging, so that together \
         we can look at any differences between your view and other accounts, and at the \
         strengths and limits of the judgements made. Talking about differences of opinion and \
         about how well judgements worked is not about criticising anyone or holding them to account: \
         it is how we learn what in the work environment helps or hinders people in doing a good job.\n\n",
    );
    out.push_str(
        "What you tell us is an important part of the review. We will draw on it in the interim \
         and final reports and in their drafts, which the other participants will also read and \
         discuss.\n\n",
    );
    out.push_str(&commitments(lt));
    out
}

fn about_the_review(lt: &LearningTogether, review_title: &str) -> String {
    let title = review_title.trim();
    let family = lt.family_pseudonym.trim();
    match (title.is_empty(), family.is_empty()) {
        (false, false) => format!(
            "This is about the review \u{201c}{title}\u{201d}, concerning the family we call {family}."
        ),
        (false, true) => format!("This is about the review \u{201c}{title}\u{201d}."),
        (true, false) => format!("This is about the review concerning the family we call {family}."),
        (true, true) => "This is about a case review in which you were involved.".to_string(),
    }
}

fn review_team_sentence(lt: &LearningTogether) -> String {
    let roles: Vec<&str> = lt.review_team.iter().map(|m| m.role.trim()).filter(|r| !r.is_empty()).collect();
    match roles.as_slice() {
        [] => String::new(),
        [one] => format!("The review team is: {one}.\n\n"),
        many => format!("The review team is: {}.\n\n", many.join("; ")),
    }
}

fn commitments(lt: &LearningTogether) -> String {
    let family = lt.family_pseudonym.trim();
    let pseudonyms = if family.is_empty() {
        "The family will be referred to by pseudonyms.".to_string()
    } else {
        format!("The family will be referred to by pseudonyms (the {family} family).")
    };
    format!(
        "Our commitments to you:\n\
         - We will not use your name in any report. We will identify you only by your role.\n\
         - The public report will not mention any geographic location, so no one should be able \
         to identify you.\n\
         - {pseudonyms}\n\
         - The reports are confidential to the group taking part. Please keep them within the \
         group and do not share them with colleagues or managers who are not directly involved.\n\
         - If we record our conversation, it is only so we can take notes from it for the \
         analysis; once that is done the recording will be destroyed.\n\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review() -> LearningTogether {
        let mut lt = LearningTogether {
            family_pseudonym: "Kestrel".into(),
            scope: "Why the move went unnoticed".into(),
            ..Default::default()
        };
        lt.add_team_member("Lead reviewer (independent)").unwrap();
        lt.add_team_member("Designated nurse").unwrap();
        lt.add_participant("Social worker", "Children's services");
        lt
    }

    fn commitments_present(text: &str) {
        let lower = text.to_lowercase();
        for phrase in [
            "not use your name",
            "only by your role",
            "not mention any geographic location",
            "pseudonyms",
            "confidential to the group",
            "recording will be destroyed",
        ] {
            assert!(lower.contains(phrase), "missing {phrase:?} in:\n{text}");
        }
    }

    #[test]
    fn both_letters_carry_appendix_2s_commitments() {
        let lt = review();
        commitments_present(&introductory_letter(&lt, "Family K review"));
        commitments_present(&conversation_explanation(&lt, "Family K review"));
        commitments_present(&introductory_letter(&LearningTogether::default(), ""));
    }

    #[test]
    fn the_letters_practise_the_respectful_language_they_ask_for() {
        let lt = review();
        for text in
            [introductory_letter(&lt, "Family K review"), conversation_explanation(&lt, "Family K review")]
        {
            assert_eq!(crate::model::respectful_language::flags(&text), []);
        }
    }

    #[test]
    fn the_introductory_letter_names_the_review_the_family_pseudonym_and_the_team_by_role() {
        let text = introductory_letter(&review(), "Family K review");
        assert!(text.contains("\u{201c}Family K review\u{201d}"));
        assert!(text.contains("the family we call Kestrel"));
        assert!(text.contains("Lead reviewer (independent); Designated nurse"));
        assert!(text.contains("Why the move went unnoticed"));
    }
}
