//! The principles, values and assumptions are the ground rules of a review under the
//! Practice Review Policy, which the Case Discussion Tool (Appendix A) asks the facilitator
//! to describe to anyone new to the method at the start of a meeting. Quoted word for word
//! from the tool, with its credit, so they can be shown on the board and read out.

/// One part of Appendix A: its number and title, and its points in the tool's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrincipleGroup {
    pub number: &'static str,
    pub title: &'static str,
    pub points: &'static [&'static str],
}

/// Where the words come from, shown with them.
pub const PRINCIPLES_CREDIT: &str = "Case Discussion Tool (V8 Aug 2019), Appendix A: Principles, Values and Assumptions, excerpt from the Practice Review Policy. Developed by Carole Brooks Associates and Salford Safeguarding Children Partnership.";

/// The heading the tool gives Appendix A.
pub const PRINCIPLES_TITLE: &str = "Principles, Values and Assumptions";

/// The sentence that opens Appendix A.
pub const PRINCIPLES_INTRO: &str = "Our new safeguarding children partnership arrangements outline how our vision, values and six principles drive our approach. Reviews should also reflect the following principles, values and assumptions:";

/// Appendix A, in order: 1.1 Principles, 1.2 Values and Behaviours, 1.3 Assumptions.
pub const APPENDIX_A: [PrincipleGroup; 3] = [
    PrincipleGroup {
        number: "1.1",
        title: "Principles",
        points: &[
            "Child and family centred: The individual (where able) and their families should be invited to contribute to reviews. They should understand how they are going to be involved and their expectations should be managed appropriately and sensitively",
            "The framework must result in providing learning back into the system – its core purpose is to improve service provision not simply describe or challenge it",
            "There should be a culture of continuous learning and improvement across agencies that work together to safeguard and promote the wellbeing of children, identifying opportunities to draw on what works and promote good practice",
            "We support the principle of identifying issues and addressing them early, and individual agencies should be pro-active and pre-emptive in analysing and learning from individual cases. The approach taken to reviews should be proportionate according to the scale and level of complexity of the issues being examined",
            "The Safeguarding Children Partnership is responsible for the review and must assure themselves that it takes place in a timely manner and that appropriate action is taken to secure improvements in practice",
            "Any reviews should be led by individuals who are independent (i.e. no direct line management) of the case under review and of the organisations whose actions are being reviewed",
            "All types of practice reviews should be completed in a timely manner unless there is a reason for a longer period e.g. on-going criminal proceedings.",
        ],
    },
    PrincipleGroup {
        number: "1.2",
        title: "Values and Behaviours",
        points: &[
            "Participative and collaborative – Staff from all levels should participate and feel they are making a difference and a consultative approach provides richer narrative, encourages awareness of quality issues and ownership of the findings. It encourages the view that measuring quality and impact is something done with and by staff rather than done to them. We include the voice and experience of families, children and young people wherever possible",
            "Transparent – delivering clear messages about the purpose of performance and quality assurance activity, with honest constructive feedback regarding how these benefit the organisation and individuals. The aim is to encourage openness and engagement with the process and achieving goals",
            "Strengths Based: High challenge, high support - we are committed to a culture of improvement and learning which is relationship based and focuses on strengths within agencies, individuals, families and communities. It is a culture which delivers high levels of challenge and high levels of support and we expect this to underpin our performance and quality assurance framework",
            "Outcome Focussed: consistently focussing on the lived experiences of children and the impact of what we do on outcomes for them",
            "Respectful: Each child and family’s record belongs to them. We must demonstrate our respect in the manner in which we share and record information and provide feedback to staff. We have a duty to report with accuracy, and inaccurate recording of information in any form is detrimental to outcomes for children and families.",
        ],
    },
    PrincipleGroup {
        number: "1.3",
        title: "Assumptions",
        points: &[
            "We can’t always stop children from being harmed, but we can always learn to increase our ability to achieve this. We will never be perfect and constant scrutiny is required to ensure the right standards are met and exceeded and continuous improvement is evident across the system",
            "Professionals generally act from good intentions and try to act in the best interests of their clients. Organisations’ systems, process, culture and other factors can lead to poor decision making and practice and these elements should also be the focus for review and improvement. For example, out-dated or unclear procedures, resources not available where needed",
            "Where possible, information relating to children and families will be based on reports drawn from case management systems and we expect individual agencies to ensure this remains accurate and relevant, with appropriate controls.",
            "Every agency has a responsibility for identifying and implementing its own learning in addition to multi-agency learning.",
            "Measures of outcomes for children are clearly the most important ones to assess, measuring the effectiveness of the system also requires a focus on both what we do and the impact of what we do in improving outcomes",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_a_has_its_three_parts_in_the_tools_order() {
        let titles: Vec<&str> = APPENDIX_A.iter().map(|g| g.title).collect();
        assert_eq!(titles, vec!["Principles", "Values and Behaviours", "Assumptions"]);
        assert_eq!(APPENDIX_A.map(|g| g.points.len()), [7, 5, 5]);
        assert!(APPENDIX_A[1].points[2].starts_with("Strengths Based: High challenge, high support"));
        assert!(PRINCIPLES_CREDIT.contains("Salford Safeguarding Children Partnership"));
    }

    #[test]
    fn every_point_is_quoted_whole_with_no_stray_bullets_or_spaces() {
        for g in APPENDIX_A {
            for p in g.points {
                assert!(!p.starts_with('\u{b7}') && !p.contains("  ") && p.trim() == *p, "{p:?}");
                assert!(p.len() > 40, "{p:?} looks cut short");
            }
        }
    }
}
