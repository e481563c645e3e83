//! The guide is the Case Discussion Tool's own structure: its eight sections in order, what
//! each captures, and the facilitator's prompts and assurance questions. It is the tool's
//! words (Salford Safeguarding Children Partnership and Carole Brooks Associates, V8
//! August 2019), quoted or closely paraphrased, so the editor and the printed notes say
//! what the tool says.

/// The tool's name and version, for credits and printed footers.
pub const SOURCE: &str =
    "Case Discussion Tool (V8 Aug 2019), Carole Brooks Associates and Salford Safeguarding Children Partnership";

/// One of the eight sections of a case discussion, as the tool numbers them in Appendix B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionKey {
    Facts,
    AboutTheChild,
    ImmediateThoughts,
    AnalysisTree,
    Worries,
    WorkedWell,
    MissingInformation,
    WhatNeedsToHappen,
}

impl SectionKey {
    /// Every section, in the tool's order.
    pub const ALL: [SectionKey; 8] = [
        SectionKey::Facts,
        SectionKey::AboutTheChild,
        SectionKey::ImmediateThoughts,
        SectionKey::AnalysisTree,
        SectionKey::Worries,
        SectionKey::WorkedWell,
        SectionKey::MissingInformation,
        SectionKey::WhatNeedsToHappen,
    ];

    /// The section's number on the tool (1 to 8).
    pub fn number(self) -> u8 {
        section(self).number
    }
}

/// When a section is usually filled in: the tool's one-page sheet groups the facts and the
/// child's lived experience under "Before", the rest under "During Case Discussion".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Before,
    During,
}

impl Stage {
    /// The heading the tool's one-page sheet gives this stage.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Before => "Before",
            Stage::During => "During Case Discussion",
        }
    }
}

/// What the tool says about one section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionGuide {
    /// The section's number on the tool, 1 to 8.
    pub number: u8,
    pub key: SectionKey,
    /// The section's name in the tool's step guide, e.g. "Immediate thoughts".
    pub title: &'static str,
    /// The heading on the tool's one-page sheet (Appendix B), e.g. "1. Gather Facts".
    pub sheet_heading: &'static str,
    /// The heading in the Case Discussion Notes (Appendix B), e.g. "7. Missing information?".
    pub notes_heading: &'static str,
    pub stage: Stage,
    /// In a sentence, what the room records here.
    pub captures: &'static str,
    /// The facilitator's prompts for this section, from the tool's step guide.
    pub prompts: &'static [&'static str],
}

/// The question the tool puts beside the facts, and across the foot of its one-page sheet.
pub const WHAT_ELSE_TO_KNOW: &str = "What else do we need to know? Who else do we need to involve?";

/// What the analysis tree's effects are, in the words of the tool's one-page sheet.
pub const EFFECTS_ARE: &str = "Effects = Impact of the focal problem on the child and system now and in the future";
/// What the analysis tree's causes are, in the words of the tool's one-page sheet.
pub const CAUSES_ARE: &str = "Causes = why has the focal problem happened?";

/// The tool's "Prompts and assurance questions for facilitators", for the whole discussion.
pub const ASSURANCE_QUESTIONS: &[&str] = &[
    "Writing the evidence sources for the basic facts (step 1) and about the child (step 2) in advance, \
     if they are not clear in the referral form, will save time in the meeting. Recap these briefly and \
     launch into immediate thoughts as the first part of the discussion (step 3).",
    "If people have not attended a case discussion using this method before, describe the process, and \
     the expected behaviours and assumptions set out in the Practice Review Policy.",
    "Are key people from the right agencies present for the discussion? A gap in the knowledge and \
     viewpoints in the discussion can result in flawed hypotheses and outcomes. Reflect on what gaps in \
     knowledge there are as part of the immediate thoughts. To mitigate, include someone by phone or \
     conference call, or ask someone present who understands the missing area to \u{2018}wear two hats\u{2019}.",
    "There is likely to be a resulting list of \u{2018}what we don\u{2019}t know and need to find out\u{2019}. \
     Bear this in mind in concluding: it is ok to say we don\u{2019}t have all the information yet. Have a \
     clear plan about timescales for getting information and next steps, but be proportionate about what \
     additional information is needed.",
    "Keep a focus on the lived experiences of the child(ren)/adult(s). What is/was it like for them? Are \
     you clear what the impact has been, not just on the child or close family member but also on other \
     family members and siblings?",
];

/// What happens after the discussion, from the tool's step guide ("Follow Up").
pub const FOLLOW_UP: &str = "After the discussion, the notes are written up under the same headings and \
     circulated to participants for correction of any factual errors. The write-up forms a major part of \
     the case review report and includes the partnership\u{2019}s action log. Single-agency learning is \
     captured in single-agency action plans, to be submitted to the safeguarding children partnership \
     within 10 working days of the case review taking place.";

const FACTS: SectionGuide = SectionGuide {
    number: 1,
    key: SectionKey::Facts,
    title: "The facts",
    sheet_heading: "1. Gather Facts",
    notes_heading: "1. Facts: Documentation available for case discussion",
    stage: Stage::Before,
    captures: "The documentation available for the case discussion (agency summaries, the referral form, \
               chronologies) and where each came from. Gathered and circulated before the meeting.",
    prompts: &[
        "Gather agency summary information and circulate it to attendees before the discussion.",
        "Those attending should take responsibility for having read the papers beforehand. If they were not \
         available before the meeting, allow time at the beginning for reading them.",
        "Write the evidence source for each fact in advance if it is not clear in the referral form.",
        WHAT_ELSE_TO_KNOW,
    ],
};

const ABOUT_THE_CHILD: SectionGuide = SectionGuide {
    number: 2,
    key: SectionKey::AboutTheChild,
    title: "About the child and their lived experiences",
    sheet_heading: "2. About the Child",
    notes_heading: "2. About the child",
    stage: Stage::Before,
    captures: "The child, their characteristics, who their family is, and what we think life is like for them.",
    prompts: &[
        "This can be completed before the discussion.",
        "Focus wholly on understanding the child: their characteristics, who their family is, what we think \
         life is like for them.",
        "What is, or was, it like for them? Think about the impact on siblings and other family members too.",
    ],
};

const IMMEDIATE_THOUGHTS: SectionGuide = SectionGuide {
    number: 3,
    key: SectionKey::ImmediateThoughts,
    title: "Immediate thoughts",
    sheet_heading: "3. Immediate thoughts",
    notes_heading: "3. Immediate Thoughts",
    stage: Stage::During,
    captures: "The room\u{2019}s immediate thoughts about the case, what we have done and experienced \
               (Kolb\u{2019}s \u{2018}reflective observation\u{2019}), each point marked as fact or feeling.",
    prompts: &[
        "Spend no more than 5 minutes on immediate thoughts about the case, what we have done and experienced.",
        "It may feel unstructured, but it lets participants \u{2018}get things off their chest\u{2019} and \
         kick around initial hypotheses.",
        "Bring in the lived experience of the child and the impact on them, so they are at the centre of \
         the discussion that follows.",
        "Be clear which is fact and which is feeling.",
        "What gaps in knowledge are there? Are key people from the right agencies present?",
    ],
};

const ANALYSIS_TREE: SectionGuide = SectionGuide {
    number: 4,
    key: SectionKey::AnalysisTree,
    title: "The analysis tree",
    sheet_heading: "4. Analysis Tree",
    notes_heading: "4. Analysis Tree",
    stage: Stage::During,
    captures: "A simple root cause analysis: the focal point (the presenting issue), its effects above it \
               and its root causes below it.",
    prompts: &[
        "First agree the focal point: the presenting issue, the event or issue which generated the referral, \
         in simple words from the point of view of the child.",
        "Effects, above the focal point: the events and outcomes that have resulted, or could result, from \
         the presenting issue. These could be short term or longer term effects including those into \
         adulthood, for the child, communities or services.",
        "Root causes, below the focal point: what the potential causes could have been, drilling down until \
         the hypotheses of root cause(s) are reached.",
        "It is likely there will be more than one cause, and further testing of hypotheses about the causes.",
    ],
};

const WORRIES: SectionGuide = SectionGuide {
    number: 5,
    key: SectionKey::Worries,
    title: "What are we worried about?",
    sheet_heading: "5. What are we worried about?",
    notes_heading: "5. What are we worried about?",
    stage: Stage::During,
    captures: "What participants are worried about, captured whenever it is said.",
    prompts: &[
        "Concurrent with all previous steps: participants may express worries at any point, and they are \
         captured during the whole discussion.",
        "It helps if worries are clear and participants use the phrase \u{2018}what we are worried \
         about\u{2019}, so the facilitator can capture them.",
    ],
};

const WORKED_WELL: SectionGuide = SectionGuide {
    number: 6,
    key: SectionKey::WorkedWell,
    title: "What worked well?",
    sheet_heading: "6. What worked well?",
    notes_heading: "6. What worked well?",
    stage: Stage::During,
    captures: "What has worked well, identified at any step.",
    prompts: &[
        "Concurrent with all previous steps: participants may identify what has worked at any step.",
        "It helps if participants are clear when something worked well, so the facilitator can capture it \
         during the whole discussion.",
    ],
};

const MISSING_INFORMATION: SectionGuide = SectionGuide {
    number: 7,
    key: SectionKey::MissingInformation,
    title: "Missing information",
    sheet_heading: "7. Missing Information",
    notes_heading: "7. Missing information?",
    stage: Stage::During,
    captures: "What we don\u{2019}t know and need to find out, who will find it out and by when, and who \
               else we need to involve.",
    prompts: &[
        "There is likely to be a list of \u{2018}what we don\u{2019}t know and need to find out\u{2019}. It is \
         ok to say we don\u{2019}t have all the information yet.",
        "Have a clear plan about timescales for getting information and next steps.",
        "Be proportionate about what additional information is needed.",
        WHAT_ELSE_TO_KNOW,
    ],
};

const WHAT_NEEDS_TO_HAPPEN: SectionGuide = SectionGuide {
    number: 8,
    key: SectionKey::WhatNeedsToHappen,
    title: "What needs to happen? (SMART)",
    sheet_heading: "8. What needs to happen? (SMART)",
    notes_heading: "8. What needs to happen?",
    stage: Stage::During,
    captures: "The actions agreed, each one SMART: what, who by, when, how we will know it is done, and what \
               difference it will make.",
    prompts: &[
        "Protect sufficient time at the end of the discussion to capture actions.",
        "Actions should be SMART: What is the action, who by, when, how will we know it is done, what \
         difference will it make?",
        "Reflect around the room whether the majority of participants are happy with the outcome.",
        "Not everyone may be comfortable with the outcome and some may want to say more: colleagues in the \
         room and the facilitator should be sensitive to this.",
    ],
};

/// The eight sections, in the tool's order.
pub const SECTIONS: [SectionGuide; 8] = [
    FACTS,
    ABOUT_THE_CHILD,
    IMMEDIATE_THOUGHTS,
    ANALYSIS_TREE,
    WORRIES,
    WORKED_WELL,
    MISSING_INFORMATION,
    WHAT_NEEDS_TO_HAPPEN,
];

/// The guide to one section.
pub fn section(key: SectionKey) -> &'static SectionGuide {
    match key {
        SectionKey::Facts => &FACTS,
        SectionKey::AboutTheChild => &ABOUT_THE_CHILD,
        SectionKey::ImmediateThoughts => &IMMEDIATE_THOUGHTS,
        SectionKey::AnalysisTree => &ANALYSIS_TREE,
        SectionKey::Worries => &WORRIES,
        SectionKey::WorkedWell => &WORKED_WELL,
        SectionKey::MissingInformation => &MISSING_INFORMATION,
        SectionKey::WhatNeedsToHappen => &WHAT_NEEDS_TO_HAPPEN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_text(g: &SectionGuide) -> String {
        let mut text = format!("{} {} {} {}", g.title, g.sheet_heading, g.notes_heading, g.captures);
        for p in g.prompts {
            text.push(' ');
            text.push_str(p);
        }
        text
    }

    #[test]
    fn eight_sections_numbered_one_to_eight_in_the_tools_order() {
        let numbers: Vec<u8> = SECTIONS.iter().map(|s| s.number).collect();
        assert_eq!(numbers, (1..=8).collect::<Vec<u8>>());
        let keys: Vec<SectionKey> = SECTIONS.iter().map(|s| s.key).collect();
        assert_eq!(keys, SectionKey::ALL);
        let titles: Vec<&str> = SECTIONS.iter().map(|s| s.title).collect();
        assert_eq!(
            titles,
            [
                "The facts",
                "About the child and their lived experiences",
                "Immediate thoughts",
                "The analysis tree",
                "What are we worried about?",
                "What worked well?",
                "Missing information",
                "What needs to happen? (SMART)",
            ]
        );
    }

    #[test]
    fn every_key_is_present_once_and_finds_its_own_section() {
        for key in SectionKey::ALL {
            assert_eq!(SECTIONS.iter().filter(|s| s.key == key).count(), 1, "{key:?}");
            assert_eq!(section(key).key, key);
            assert_eq!(*section(key), SECTIONS[usize::from(key.number()) - 1]);
        }
    }

    #[test]
    fn headings_carry_their_number_and_every_section_has_prompts() {
        for s in &SECTIONS {
            let n = format!("{}. ", s.number);
            assert!(s.sheet_heading.starts_with(&n), "{}", s.sheet_heading);
            assert!(s.notes_heading.starts_with(&n), "{}", s.notes_heading);
            assert!(!s.captures.is_empty());
            assert!(!s.prompts.is_empty(), "{:?} has no prompts", s.key);
        }
        assert_eq!(section(SectionKey::Facts).stage, Stage::Before);
        assert_eq!(section(SectionKey::AboutTheChild).stage, Stage::Before);
        assert!(SECTIONS[2..].iter().all(|s| s.stage == Stage::During));
    }

    #[test]
    fn the_prompts_keep_the_tools_key_phrases() {
        let expected: [(SectionKey, &[&str]); 8] = [
            (SectionKey::Facts, &["circulate", "read the papers", WHAT_ELSE_TO_KNOW]),
            (SectionKey::AboutTheChild, &["characteristics", "who their family is", "what we think life is like for them"]),
            (SectionKey::ImmediateThoughts, &["no more than 5 minutes", "which is fact and which is feeling", "lived experience of the child"]),
            (
                SectionKey::AnalysisTree,
                &[
                    "focal point",
                    "in simple words from the point of view of the child",
                    "short term or longer term effects including those into adulthood",
                    "for the child, communities or services",
                    "drilling down until the hypotheses of root cause(s) are reached",
                    "more than one cause",
                ],
            ),
            (SectionKey::Worries, &["Concurrent with all previous steps", "during the whole discussion"]),
            (SectionKey::WorkedWell, &["Concurrent with all previous steps", "at any step"]),
            (SectionKey::MissingInformation, &["need to find out", "ok to say we don\u{2019}t have all the information yet", "proportionate", "timescales"]),
            (
                SectionKey::WhatNeedsToHappen,
                &[
                    "What is the action, who by, when, how will we know it is done, what difference will it make?",
                    "reflect around the room whether the majority of participants are happy with the outcome",
                    "sensitive",
                ],
            ),
        ];
        for (key, phrases) in expected {
            let text = all_text(section(key)).to_lowercase();
            for phrase in phrases {
                assert!(text.contains(&phrase.to_lowercase()), "{key:?} lacks {phrase:?}");
            }
        }
    }

    #[test]
    fn assurance_questions_and_follow_up_say_what_the_tool_says() {
        let all = ASSURANCE_QUESTIONS.join(" ");
        for phrase in [
            "Are key people from the right agencies present",
            "wear two hats",
            "what we don\u{2019}t know and need to find out",
            "it is ok to say",
            "Keep a focus on the lived experiences of the child(ren)",
        ] {
            assert!(all.contains(phrase), "assurance questions lack {phrase:?}");
        }
        assert!(FOLLOW_UP.contains("correction of any factual errors"));
        assert!(FOLLOW_UP.contains("within 10 working days"));
        assert!(FOLLOW_UP.contains("action log"));
        assert_eq!(WHAT_ELSE_TO_KNOW, "What else do we need to know? Who else do we need to involve?");
    }
}
