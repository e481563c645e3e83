//! The conversation guide is the structure of a one-to-one conversation in a Learning
//! Together review, as SCIE sets it out in Appendix 3 of *Learning together to safeguard
//! children*: nine parts, from the introduction to the practitioner's reflections, with the
//! third split into turning points (3a) and mindset and local rationality (3b). The prompts
//! are SCIE's words, quoted as printed, so the reviewer's record, the practitioner's
//! preparation and the printed report all ask the same questions.

use serde::{Deserialize, Serialize};

/// Where the guide's words come from, for credits and printed footers.
pub const SOURCE: &str = "SCIE, Learning together to safeguard children: developing a multi-agency \
     systems approach for case reviews, Appendix 3: Conversation structure summary";

/// One part of the conversation, in Appendix 3's order. Part 3 has two halves, so there
/// are ten keys for the nine numbered parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum ConversationPart {
    Introduction,
    Overview,
    TurningPoints,
    Mindset,
    ContributoryFactors,
    WentWell,
    QueriesFromOverview,
    SuggestedChanges,
    SummingUp,
    Reflections,
}

impl ConversationPart {
    /// Every part, in the order the conversation follows.
    pub const ALL: [ConversationPart; 10] = [
        ConversationPart::Introduction,
        ConversationPart::Overview,
        ConversationPart::TurningPoints,
        ConversationPart::Mindset,
        ConversationPart::ContributoryFactors,
        ConversationPart::WentWell,
        ConversationPart::QueriesFromOverview,
        ConversationPart::SuggestedChanges,
        ConversationPart::SummingUp,
        ConversationPart::Reflections,
    ];

    /// What the guide says about this part.
    pub fn guide(self) -> &'static PartGuide {
        part(self)
    }

    /// The part's number as Appendix 3 prints it: "1" to "9", with "3a" and "3b".
    pub fn number(self) -> &'static str {
        part(self).number
    }

    /// The part's heading, as Appendix 3 prints it.
    pub fn title(self) -> &'static str {
        part(self).title
    }
}

/// What Appendix 3 says about one part of the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartGuide {
    pub key: ConversationPart,
    /// "1" to "9", with "3a" and "3b".
    pub number: &'static str,
    /// The heading as Appendix 3 prints it, e.g. "‘Mindset’ and ‘local rationality’".
    pub title: &'static str,
    /// A question that introduces the whole part, where Appendix 3 has one (part 4).
    pub lead: Option<&'static str>,
    /// The numbered items under the heading, in order; prompt 1 is `prompts[0]`. For the
    /// introduction they are what the reviewer covers; for part 4 they are the nine
    /// categories of [`FactorCategory::ALL`], in the same order.
    pub prompts: &'static [&'static str],
    /// Whether the practitioner's own preparation shows this part. This is the app's
    /// choice, not SCIE's: the introduction, the reviewers' queries, the summing up and the
    /// reflections belong to the conversation itself, so there is nothing to prepare.
    pub in_preparation: bool,
}

/// Part 4's lead question.
pub const FACTORS_LEAD: &str = "What were the key factors that influenced how you interpreted the \
     situation and how you acted at the time? In what ways? Prioritise aspects that were most significant.";

const INTRODUCTION: PartGuide = PartGuide {
    key: ConversationPart::Introduction,
    number: "1",
    title: "Introduction",
    lead: None,
    prompts: &["Purpose of the conversation", "Confidentiality and ethics", "Outline of the structure"],
    in_preparation: false,
};

const OVERVIEW: PartGuide = PartGuide {
    key: ConversationPart::Overview,
    number: "2",
    title: "Overview",
    lead: None,
    prompts: &["a brief description of what happened in this case and the part you played"],
    in_preparation: true,
};

const TURNING_POINTS: PartGuide = PartGuide {
    key: ConversationPart::TurningPoints,
    number: "3a",
    title: "\u{2018}Turning points\u{2019} or \u{2018}key practice episodes\u{2019}",
    lead: None,
    prompts: &["What do you think were crucial moments in this sequence, when key decisions or actions \
                were taken that you think determined the direction the case took or the way the case \
                was handled?"],
    in_preparation: true,
};

const MINDSET: PartGuide = PartGuide {
    key: ConversationPart::Mindset,
    number: "3b",
    title: "\u{2018}Mindset\u{2019} and \u{2018}local rationality\u{2019}",
    lead: None,
    prompts: &[
        "What did you think was going on here?",
        "What was behind your thinking (reasons but also emotions) and actions at the time?",
        "What information was at the front of your mind? What was most significant to you at this point? \
         What was catching your attention?",
        "What other things were occupying you at the time?",
        "What were your main concerns? What were you tossing up at the time? Did these concerns clash at \
         all? Were there any conflicts? Were some dismissed, others prioritised?",
        "What were you hoping to achieve?",
        "What options did you think you had to influence the course of events?",
    ],
    in_preparation: true,
};

const CONTRIBUTORY_FACTORS: PartGuide = PartGuide {
    key: ConversationPart::ContributoryFactors,
    number: "4",
    title: "Contributory factors",
    lead: Some(FACTORS_LEAD),
    prompts: &[
        FAMILY,
        YOUR_ROLE,
        CONDITIONS_OF_WORK,
        PERSONAL,
        OWN_TEAM,
        INTER_AGENCY,
        ORGANISATIONAL,
        WIDER_POLITICAL,
        OTHER,
    ],
    in_preparation: true,
};

const WENT_WELL: PartGuide = PartGuide {
    key: ConversationPart::WentWell,
    number: "5",
    title: "Things that went well",
    lead: None,
    prompts: &[
        "What things relating to the case went well?",
        "What do you think you or others did that was helpful/useful? And what factors supported/enabled it?",
    ],
    in_preparation: true,
};

const QUERIES_FROM_OVERVIEW: PartGuide = PartGuide {
    key: ConversationPart::QueriesFromOverview,
    number: "6",
    title: "Queries from the overview perspective",
    lead: None,
    prompts: &[],
    in_preparation: false,
};

const SUGGESTED_CHANGES: PartGuide = PartGuide {
    key: ConversationPart::SuggestedChanges,
    number: "7",
    title: "Suggested changes",
    lead: None,
    // "are there are any" is Appendix 3's own wording, kept as printed.
    prompts: &["Off the top of your head, having thought back on this case and your role, are there are \
                any small, practical changes that you can think of, that would help you/staff do a \
                better job?"],
    in_preparation: true,
};

const SUMMING_UP: PartGuide = PartGuide {
    key: ConversationPart::SummingUp,
    number: "8",
    title: "Summing up",
    lead: None,
    prompts: &["Have we got your view of the case?"],
    in_preparation: false,
};

const REFLECTIONS: PartGuide = PartGuide {
    key: ConversationPart::Reflections,
    number: "9",
    title: "Reflections",
    lead: None,
    prompts: &[
        "How have you found this session? Do you have any comments or questions?",
        "How do you feel now, about yourself and your role, after this discussion?",
    ],
    in_preparation: false,
};

/// The ten parts (nine numbered, with 3a and 3b), in order.
pub const PARTS: [PartGuide; 10] = [
    INTRODUCTION,
    OVERVIEW,
    TURNING_POINTS,
    MINDSET,
    CONTRIBUTORY_FACTORS,
    WENT_WELL,
    QUERIES_FROM_OVERVIEW,
    SUGGESTED_CHANGES,
    SUMMING_UP,
    REFLECTIONS,
];

/// The guide to one part.
pub fn part(key: ConversationPart) -> &'static PartGuide {
    match key {
        ConversationPart::Introduction => &INTRODUCTION,
        ConversationPart::Overview => &OVERVIEW,
        ConversationPart::TurningPoints => &TURNING_POINTS,
        ConversationPart::Mindset => &MINDSET,
        ConversationPart::ContributoryFactors => &CONTRIBUTORY_FACTORS,
        ConversationPart::WentWell => &WENT_WELL,
        ConversationPart::QueriesFromOverview => &QUERIES_FROM_OVERVIEW,
        ConversationPart::SuggestedChanges => &SUGGESTED_CHANGES,
        ConversationPart::SummingUp => &SUMMING_UP,
        ConversationPart::Reflections => &REFLECTIONS,
    }
}

const FAMILY: &str = "Aspects of the family";
const YOUR_ROLE: &str = "Aspects of your role";
const CONDITIONS_OF_WORK: &str = "Conditions of work/work environment";
const PERSONAL: &str = "Personal aspects";
const OWN_TEAM: &str = "Your own team factors";
const INTER_AGENCY: &str = "Inter-agency/inter-professional team factors";
const ORGANISATIONAL: &str = "Organisational culture and management";
const WIDER_POLITICAL: &str = "Wider political context";
const OTHER: &str = "Other";

/// One of the nine categories part 4 of the conversation asks about: what influenced how
/// the person saw the situation and acted at the time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum FactorCategory {
    Family,
    YourRole,
    ConditionsOfWork,
    Personal,
    OwnTeam,
    InterAgency,
    OrganisationalCulture,
    WiderPoliticalContext,
    Other,
}

impl FactorCategory {
    /// The nine categories, in Appendix 3's order.
    pub const ALL: [FactorCategory; 9] = [
        FactorCategory::Family,
        FactorCategory::YourRole,
        FactorCategory::ConditionsOfWork,
        FactorCategory::Personal,
        FactorCategory::OwnTeam,
        FactorCategory::InterAgency,
        FactorCategory::OrganisationalCulture,
        FactorCategory::WiderPoliticalContext,
        FactorCategory::Other,
    ];

    /// The category as Appendix 3 prints it, e.g. "Conditions of work/work environment".
    pub fn label(self) -> &'static str {
        match self {
            FactorCategory::Family => FAMILY,
            FactorCategory::YourRole => YOUR_ROLE,
            FactorCategory::ConditionsOfWork => CONDITIONS_OF_WORK,
            FactorCategory::Personal => PERSONAL,
            FactorCategory::OwnTeam => OWN_TEAM,
            FactorCategory::InterAgency => INTER_AGENCY,
            FactorCategory::OrganisationalCulture => ORGANISATIONAL,
            FactorCategory::WiderPoliticalContext => WIDER_POLITICAL,
            FactorCategory::Other => OTHER,
        }
    }

    /// The category's number under part 4 (1 to 9).
    pub fn number(self) -> u8 {
        match self {
            FactorCategory::Family => 1,
            FactorCategory::YourRole => 2,
            FactorCategory::ConditionsOfWork => 3,
            FactorCategory::Personal => 4,
            FactorCategory::OwnTeam => 5,
            FactorCategory::InterAgency => 6,
            FactorCategory::OrganisationalCulture => 7,
            FactorCategory::WiderPoliticalContext => 8,
            FactorCategory::Other => 9,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_parts_in_appendix_3s_order_with_3a_and_3b() {
        let numbers: Vec<&str> = PARTS.iter().map(|p| p.number).collect();
        assert_eq!(numbers, ["1", "2", "3a", "3b", "4", "5", "6", "7", "8", "9"]);
        let keys: Vec<ConversationPart> = PARTS.iter().map(|p| p.key).collect();
        assert_eq!(keys, ConversationPart::ALL);
        for key in ConversationPart::ALL {
            assert_eq!(part(key).key, key);
            assert_eq!(key.guide(), part(key));
        }
    }

    #[test]
    fn each_part_has_the_number_of_prompts_appendix_3_gives_it() {
        let counts: Vec<usize> = PARTS.iter().map(|p| p.prompts.len()).collect();
        assert_eq!(counts, [3, 1, 1, 7, 9, 2, 0, 1, 1, 2]);
        assert!(PARTS.iter().all(|p| p.prompts.iter().all(|q| !q.contains("  "))), "stray double spaces");
    }

    #[test]
    fn part_4s_prompts_are_the_nine_categories_in_order() {
        let labels: Vec<&str> = FactorCategory::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(ConversationPart::ContributoryFactors.guide().prompts, labels.as_slice());
        let numbers: Vec<u8> = FactorCategory::ALL.iter().map(|c| c.number()).collect();
        assert_eq!(numbers, (1..=9).collect::<Vec<u8>>());
        assert_eq!(ConversationPart::ContributoryFactors.guide().lead, Some(FACTORS_LEAD));
    }

    #[test]
    fn the_practitioner_prepares_the_parts_about_their_own_view() {
        let prepared: Vec<&str> = PARTS.iter().filter(|p| p.in_preparation).map(|p| p.number).collect();
        assert_eq!(prepared, ["2", "3a", "3b", "4", "5", "7"]);
    }

    #[test]
    fn categories_serialise_by_name_so_saved_reviews_survive_reordering() {
        assert_eq!(serde_json::to_string(&FactorCategory::InterAgency).unwrap(), "\"inter_agency\"");
        assert_eq!(serde_json::to_string(&ConversationPart::Mindset).unwrap(), "\"mindset\"");
    }
}
