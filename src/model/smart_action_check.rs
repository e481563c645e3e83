//! A SMART action is complete when the room has said all five things the Case Discussion
//! Tool asks for: what will be done, who by, by when, how we will know it is done, and
//! what difference it will make for the child. This check names the parts still blank, so
//! the facilitator can ask for them before the meeting ends and the action log can show
//! what is missing.

use super::case_discussion::SmartAction;

/// The parts of `a` that are still blank, in the order the tool asks for them:
/// "action", "who by", "due date", "how we will know", "difference for the child".
/// Text made only of spaces counts as blank. Empty when the action is complete.
pub fn missing_parts(a: &SmartAction) -> Vec<&'static str> {
    let parts = [
        ("action", is_blank(&a.action)),
        ("who by", is_blank(&a.who_by)),
        ("due date", a.due.is_none()),
        ("how we will know", is_blank(&a.how_we_will_know)),
        ("difference for the child", is_blank(&a.difference_for_child)),
    ];
    parts.into_iter().filter(|(_, missing)| *missing).map(|(name, _)| name).collect()
}

/// True when all five SMART parts have been filled in.
pub fn is_complete(a: &SmartAction) -> bool {
    missing_parts(a).is_empty()
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn complete() -> SmartAction {
        SmartAction {
            id: 1,
            action: "Share the health chronology with school".into(),
            who_by: "Health visitor".into(),
            due: NaiveDate::from_ymd_opt(2026, 3, 23),
            how_we_will_know: "School confirms receipt".into(),
            difference_for_child: "Staff know why she is tired in class".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_fully_filled_action_is_complete() {
        assert!(missing_parts(&complete()).is_empty());
        assert!(is_complete(&complete()));
    }

    #[test]
    fn an_empty_action_misses_every_part_in_the_tools_order() {
        assert_eq!(
            missing_parts(&SmartAction::default()),
            vec!["action", "who by", "due date", "how we will know", "difference for the child"]
        );
    }

    #[test]
    fn blank_text_counts_as_missing() {
        let a = SmartAction { who_by: "   ".into(), due: None, ..complete() };
        assert_eq!(missing_parts(&a), vec!["who by", "due date"]);
        assert!(!is_complete(&a));
    }
}
