//! The letters are what the review team sends to participants: an introductory letter
//! inviting professionals to take part, a version of it for family members in plain words,
//! and the explanation of the one-to-one conversations. SCIE offers these as tools
//! (Appendices 1 and 2). The app drafts the introductory letters from the review's details
//! in its own words, keeping Appendix 2's commitments: people are identified by position,
//! not by name; the public report does not mention where the case happened; the family is
//! known by pseudonyms; what is shared stays within the group; and any recording is
//! destroyed once the data has been taken from it. The explanation of the conversations is
//! Appendix 2 itself, word for word and credited. Each letter carries its date, how to
//! reach the review team and who signs it. The team then edits the drafts freely.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date_or_period::long_date;
use super::LearningTogether;

/// The letters as the review team has edited them, and the details drafts are made from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct Letters {
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub introductory_letter: String,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub conversation_explanation: String,
    /// The introductory letter for children and family members, in plain words.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub family_letter: String,
    /// The date the letters carry.
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub letter_date: Option<NaiveDate>,
    /// How to reach the review team (telephone, e-mail, postal address of the office).
    #[serde(default)]
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub contact: String,
    /// Who signs the letters, by role ("Lead reviewer (independent)").
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub signed_by: String,
}

/// Appendix 2 of SCIE's guide, as printed, paragraph by paragraph (seed `001_...`). One
/// word the printed text lacks is added in square brackets.
pub const APPENDIX_2: &[&str] = &[
    "We will be contacting you shortly to try and arrange a time to talk with you one-to-one about the case. \
     The main purpose of this conversation is to get your view of what was going on in and around this case, \
     how you understood your role or the part you were playing and your perspective on what aspects of the \
     whole system influenced you as a worker.",
    "It is also a chance for us to share with you something of our emerging overview of the case so that \
     together we can begin [to] explore any differences between your own view and other accounts that we have \
     been told. Sharing the wider picture of the case as a whole also gives us the opportunity to explore \
     together the merits and limitations of your judgements and actions. As we explained previously, \
     discussing differences of opinion and judging the adequacy of people\u{2019}s judgements and actions is \
     not about criticising or blaming anyone. Instead it is a necessary step in order that we can better \
     understand what factors in the work environment support or hinder you in doing a good job.",
    "What you and others tell us during this conversation is vital data. So we will refer to it in our interim \
     and final report, as well as various draft versions of the final report. Other participants will have the \
     chance to read and discuss these reports. So we are asking everyone to keep them confidential within the \
     group and not to share them with colleagues or managers who are not directly involved.",
    "We will not be using your name in either of the reports. We will need to identify you but only by your \
     position and in the public report there will not be any mention of geographic location, so no one should \
     be able to identify you. The family will be referred to by pseudonyms.",
    "We are going to be recording our discussion in order to take data from it for analysis but once that is \
     done the recording will be destroyed.",
];

/// Where Appendix 2's words come from, printed under them.
pub const APPENDIX_2_CREDIT: &str = "The explanation above is Appendix 2, \u{201c}Communication with participants \
     re one-to-one conversations\u{201d}, of SCIE\u{2019}s Learning together to safeguard children: developing a \
     multi-agency systems approach for case reviews.";

/// How the family is named in a sentence, whatever form the pseudonym was typed in:
/// "Green", "the Green family", "Green family" and "Family Green" all give "the Green
/// family"; a plural surname ("the Greens") stays as it is; blank gives "".
pub fn family_phrase(pseudonym: &str) -> String {
    let mut core = pseudonym.trim();
    for prefix in ["the ", "The ", "THE "] {
        if let Some(rest) = core.strip_prefix(prefix) {
            core = rest.trim_start();
        }
    }
    let lower = core.to_lowercase();
    if lower.starts_with("family ") {
        core = core[7..].trim_start();
    } else if lower.ends_with(" family") {
        core = core[..core.len() - 7].trim_end();
    }
    if core.is_empty() {
        return String::new();
    }
    let typed = pseudonym.trim().to_lowercase();
    let plural = !typed.contains("family") && typed.starts_with("the ") && core.ends_with('s') && !core.contains(' ');
    if plural {
        format!("the {core}")
    } else {
        format!("the {core} family")
    }
}

/// A draft introductory letter to a professional participant, from the review's details.
pub fn introductory_letter(lt: &LearningTogether, review_title: &str) -> String {
    let mut out = date_block(lt);
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
    out.push_str("We will be in touch shortly to arrange a time. Please ask us if you have any questions before then.\n\n");
    out.push_str(&contact_and_signature(lt));
    out
}

/// A draft introductory letter for a child or family member, in plain words.
pub fn family_letter(lt: &LearningTogether) -> String {
    let family = family_phrase(&lt.family_pseudonym);
    let mut out = date_block(lt);
    out.push_str("Dear parent or carer,\n\n");
    out.push_str(
        "We are a small team looking back at how the services that worked with your family \
         worked together: social care, health, school, police and others. We want to learn what \
         helped, what did not, and what should change for other families. This is not about \
         judging you or anyone else.\n\n",
    );
    out.push_str(
        "Your view matters. We would like to hear from you: what happened, what it was like for \
         you and your family, and what you think would have made a difference. We can meet you \
         where you feel comfortable, and you can bring someone with you for support. Taking part \
         is your choice, and you can stop at any time.\n\n",
    );
    out.push_str("What we promise:\n");
    out.push_str("- We will not use your real names in any report.");
    if !family.is_empty() {
        out.push_str(&format!(" In the report your family will be called {family}."));
    }
    out.push('\n');
    out.push_str("- The public report will not say where you live or where this happened.\n");
    out.push_str("- You will be told what the report says before it is published.\n");
    out.push_str(
        "- If we record our talk, it is only so we can write notes from it; once that is done the recording will be destroyed.\n\n",
    );
    out.push_str("We will get in touch to ask if you would like to talk with us. You can also contact us first.\n\n");
    out.push_str(&contact_and_signature(lt));
    out
}

/// The explanation of the one-to-one conversations: Appendix 2, word for word, credited,
/// after a line saying which review it is about and before how to reach the team.
pub fn conversation_explanation(lt: &LearningTogether, review_title: &str) -> String {
    let mut out = date_block(lt);
    out.push_str("About your one-to-one conversation\n\n");
    out.push_str(&format!("{}\n\n", about_the_review(lt, review_title)));
    for paragraph in APPENDIX_2 {
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
    out.push_str(&format!("({APPENDIX_2_CREDIT})\n\n"));
    out.push_str(&contact_and_signature(lt));
    out
}

fn date_block(lt: &LearningTogether) -> String {
    lt.letters.letter_date.map(|d| format!("{}\n\n", long_date(d))).unwrap_or_default()
}

fn contact_and_signature(lt: &LearningTogether) -> String {
    let contact = lt.letters.contact.trim();
    let contact = if contact.is_empty() {
        "[how to reach the review team: telephone, e-mail]".to_string()
    } else {
        contact.to_string()
    };
    let signed = match lt.letters.signed_by.trim() {
        "" => lt.review_team.first().map_or("Lead reviewer", |m| m.role.trim()).to_string(),
        s => s.to_string(),
    };
    format!("Contact: {contact}\n\nYours sincerely,\n\n\n{signed}\nOn behalf of the review team\n")
}

fn about_the_review(lt: &LearningTogether, review_title: &str) -> String {
    let title = review_title.trim();
    let family = family_phrase(&lt.family_pseudonym);
    match (title.is_empty(), family.is_empty()) {
        (false, false) => format!(
            "This is about the review \u{201c}{title}\u{201d}, concerning {family} (not their real name)."
        ),
        (false, true) => format!("This is about the review \u{201c}{title}\u{201d}."),
        (true, false) => format!("This is about the review concerning {family} (not their real name)."),
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
    let family = family_phrase(&lt.family_pseudonym);
    let pseudonyms = if family.is_empty() {
        "The family will be referred to by pseudonyms.".to_string()
    } else {
        format!("The family will be referred to by pseudonyms (in the reports, {family}).")
    };
    format!(
        "Our commitments to you:\n\
         - We will not use your name in any report. We will identify you only by your role (your position).\n\
         - The public report will not mention any geographic location, so no one should be able \
         to identify you.\n\
         - {pseudonyms}\n\
         - The reports are confidential to the group taking part. Please keep them within the \
         group and do not share them with colleagues or managers who are not directly involved.\n\
         - Discussing differences of opinion and how well judgements worked is not about \
         criticising or blaming anyone.\n\
         - If we record our conversation, it is only so we can take data from it for the \
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
        commitments_present(&introductory_letter(&LearningTogether::default(), ""));
        assert!(introductory_letter(&lt, "x").contains("not about criticising or blaming anyone"));
    }

    #[test]
    fn the_explanation_is_appendix_2_word_for_word_and_credited() {
        let text = conversation_explanation(&review(), "Family K review");
        let seed = "discussing differences of opinion and judging the adequacy of people\u{2019}s judgements and \
                    actions is not about criticising or blaming anyone";
        assert!(text.contains(seed));
        assert!(text.contains("once that is done the recording will be destroyed."));
        assert!(text.contains("The family will be referred to by pseudonyms."));
        assert!(text.contains("Appendix 2, \u{201c}Communication with participants re one-to-one conversations\u{201d}"));
    }

    #[test]
    fn any_form_of_the_pseudonym_reads_once() {
        for typed in ["Green", "the Green family", "The Green family", "Green family", "Family Green", " green family "] {
            let phrase = family_phrase(typed);
            assert_eq!(phrase.to_lowercase(), "the green family", "{typed:?}");
            let mut lt = review();
            lt.family_pseudonym = typed.into();
            for text in [introductory_letter(&lt, "R"), conversation_explanation(&lt, "R"), family_letter(&lt)] {
                let lower = text.to_lowercase();
                assert!(!lower.contains("the the") && !lower.contains("family family"), "{typed:?}:\n{text}");
            }
        }
        assert_eq!(family_phrase("the Greens"), "the Greens");
        assert_eq!(family_phrase("  "), "");
    }

    #[test]
    fn letters_carry_a_date_a_contact_and_a_signature() {
        let mut lt = review();
        lt.letters.letter_date = NaiveDate::from_ymd_opt(2026, 12, 1);
        lt.letters.contact = "Review office, 0113 000 0000, review@example.org".into();
        for text in [introductory_letter(&lt, "R"), family_letter(&lt), conversation_explanation(&lt, "R")] {
            assert!(text.starts_with("1 December 2026\n\n"), "{text}");
            assert!(text.contains("Contact: Review office, 0113 000 0000"));
            assert!(text.contains("Yours sincerely,\n\n\nLead reviewer (independent)\nOn behalf of the review team"));
        }
        lt.letters.signed_by = "Designated nurse".into();
        assert!(introductory_letter(&lt, "R").contains("\nDesignated nurse\n"));
    }

    #[test]
    fn the_family_letter_uses_plain_words_and_the_pseudonym() {
        let text = family_letter(&review());
        assert!(text.starts_with("Dear parent or carer,"));
        assert!(text.contains("your family will be called the Kestrel family"));
        assert!(text.contains("recording will be destroyed"));
        assert!(!text.contains("Dear colleague"));
    }

    #[test]
    fn the_letters_practise_the_respectful_language_they_ask_for() {
        let lt = review();
        for text in [
            introductory_letter(&lt, "Family K review"),
            conversation_explanation(&lt, "Family K review"),
            family_letter(&lt),
        ] {
            assert_eq!(crate::model::respectful_language::flags(&text), []);
        }
    }

    #[test]
    fn the_introductory_letter_names_the_review_the_family_pseudonym_and_the_team_by_role() {
        let text = introductory_letter(&review(), "Family K review");
        assert!(text.contains("\u{201c}Family K review\u{201d}"));
        assert!(text.contains("concerning the Kestrel family (not their real name)"));
        assert!(text.contains("Lead reviewer (independent); Designated nurse"));
        assert!(text.contains("Why the move went unnoticed"));
    }
}
