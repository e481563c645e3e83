//! Behaviour of a Learning Together review as the review team and practitioners meet it:
//! the conversation guide asks every question SCIE's Appendix 3 asks, turning points become
//! key practice episodes, factors and episodes stay linked, a practitioner's preparation
//! joins the reviewer's record without losing a word, and reviews saved by earlier versions
//! of the app keep loading.

use case_review_studio::model::contributory_factor::FactorLevel;
use case_review_studio::model::conversation_guide::{ConversationPart, FactorCategory, FACTORS_LEAD, PARTS};
use case_review_studio::model::date_or_period::DateOrPeriod;
use case_review_studio::model::key_practice_episode::Appraisal;
use case_review_studio::model::learning_together::{EditError, ItemId};
use case_review_studio::model::participant_journey::{Journey, JourneyStep};
use case_review_studio::model::pattern_type::PatternType;
use case_review_studio::model::practitioner_preparation::PractitionerPreparation;
use case_review_studio::model::respectful_language;
use case_review_studio::model::review_stage::{ReviewStage, StageStatus};
use case_review_studio::model::{LearningTogether, Review, ReviewKind};
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use uuid::Uuid;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 4, d).unwrap()
}

/// Every prompt and category of Appendix 3, as printed (seed `000_...`).
const APPENDIX_3: &[&str] = &[
    "Introduction",
    "Purpose of the conversation",
    "Confidentiality and ethics",
    "Outline of the structure",
    "Overview",
    "a brief description of what happened in this case and the part you played",
    "\u{2018}Turning points\u{2019} or \u{2018}key practice episodes\u{2019}",
    "What do you think were crucial moments in this sequence, when key decisions or actions were taken that \
     you think determined the direction the case took or the way the case was handled?",
    "\u{2018}Mindset\u{2019} and \u{2018}local rationality\u{2019}",
    "What did you think was going on here?",
    "What was behind your thinking (reasons but also emotions) and actions at the time?",
    "What information was at the front of your mind? What was most significant to you at this point? What was \
     catching your attention?",
    "What other things were occupying you at the time?",
    "What were your main concerns? What were you tossing up at the time? Did these concerns clash at all? Were \
     there any conflicts? Were some dismissed, others prioritised?",
    "What were you hoping to achieve?",
    "What options did you think you had to influence the course of events?",
    "Contributory factors",
    "What were the key factors that influenced how you interpreted the situation and how you acted at the \
     time? In what ways? Prioritise aspects that were most significant.",
    "Aspects of the family",
    "Aspects of your role",
    "Conditions of work/work environment",
    "Personal aspects",
    "Your own team factors",
    "Inter-agency/inter-professional team factors",
    "Organisational culture and management",
    "Wider political context",
    "Other",
    "Things that went well",
    "What things relating to the case went well?",
    "What do you think you or others did that was helpful/useful? And what factors supported/enabled it?",
    "Queries from the overview perspective",
    "Suggested changes",
    "Off the top of your head, having thought back on this case and your role, are there are any small, \
     practical changes that you can think of, that would help you/staff do a better job?",
    "Summing up",
    "Have we got your view of the case?",
    "Reflections",
    "How have you found this session? Do you have any comments or questions?",
    "How do you feel now, about yourself and your role, after this discussion?",
];

#[test]
fn every_appendix_3_prompt_and_category_is_in_the_conversation_guide() {
    let mut guide: Vec<&str> = Vec::new();
    for part in &PARTS {
        guide.push(part.title);
        guide.extend(part.lead);
        guide.extend(part.prompts.iter().copied());
    }
    for phrase in APPENDIX_3 {
        assert!(guide.contains(phrase), "the guide lacks {phrase:?}");
    }
    assert_eq!(guide.len(), APPENDIX_3.len(), "the guide has words Appendix 3 does not");
    let categories: Vec<&str> = FactorCategory::ALL.iter().map(|c| c.label()).collect();
    assert_eq!(categories, APPENDIX_3[18..27]);
    assert_eq!(FACTORS_LEAD, APPENDIX_3[17]);
}

#[test]
fn every_category_has_a_level_in_the_contributory_factors_view() {
    for category in FactorCategory::ALL {
        assert!(FactorLevel::ALL.contains(&category.level()));
    }
}

#[test]
fn the_stages_read_as_a_task_list_with_their_tools() {
    let mut lt = LearningTogether::default();
    lt.set_stage_status(ReviewStage::Preparation, StageStatus::Done);
    lt.set_stage_status(ReviewStage::DataCollection, StageStatus::InProgress);
    let list = lt.stage_list();
    assert_eq!(list.len(), 7);
    assert_eq!(list[0], (ReviewStage::Preparation, StageStatus::Done));
    assert_eq!(list[2], (ReviewStage::DataCollection, StageStatus::InProgress));
    let tools: Vec<(u8, &str)> =
        ReviewStage::DataCollection.tools().iter().map(|t| (t.appendix(), t.label())).collect();
    assert_eq!(
        tools,
        [(2, "Example of explanatory communication to participants"), (3, "Conversation structure")]
    );
    assert_eq!(ReviewStage::GenericPatterns.tools()[0].appendix(), 6);
}

#[test]
fn promoting_a_turning_point_creates_a_candidate_episode_linked_to_its_conversation() {
    let mut lt = LearningTogether::default();
    let sw = lt.add_participant("Social worker", "Children's social care");
    let conversation = lt.start_conversation(sw, Some(day(14))).unwrap();
    let tp = lt
        .add_turning_point(
            conversation,
            "Deciding the referral did not meet the threshold",
            DateOrPeriod::on(day(2)),
        )
        .unwrap();

    let episode = lt.promote_turning_point(conversation, tp).unwrap();

    let e = lt.episode(episode).unwrap();
    assert_eq!(e.episode, "Deciding the referral did not meet the threshold");
    assert_eq!(e.date_or_period, DateOrPeriod::on(day(2)));
    assert_eq!(e.appraisal, Appraisal::NotYetAppraised);
    assert!(e.is_candidate());
    assert_eq!(e.source_conversations, [conversation]);
    assert_eq!(e.roles_involved, ["Social worker, Children's social care"]);
    let point = lt.conversation(conversation).unwrap().turning_point(tp).unwrap();
    assert_eq!(point.promoted_to, Some(episode));

    lt.appraise_episode(episode, Appraisal::Mixed).unwrap();
    lt.episode_mut(episode).unwrap().why_it_made_sense = "The referral gave no history".into();
    assert!(!lt.episode(episode).unwrap().is_candidate());
    assert_eq!(lt.promote_turning_point(conversation, 999), Err(EditError::NoSuchTurningPoint));
}

#[test]
fn a_practitioners_preparation_is_added_without_overwriting_the_reviewers_notes() {
    let mut lt = LearningTogether::default();
    let hv = lt.add_participant("Health visitor", "Community health");
    let conversation = lt.start_conversation(hv, Some(day(20))).unwrap();
    {
        let notes = &mut lt.conversation_mut(conversation).unwrap().notes;
        notes.set_notes(ConversationPart::Overview, "Reviewer: covered the first six months");
        notes.set_answer(ConversationPart::Mindset, 1, "Reviewer: she thought the baby was thriving");
        notes.set_factor_notes(FactorCategory::ConditionsOfWork, "Reviewer: two vacancies in the team");
    }
    lt.add_turning_point(conversation, "New birth visit", DateOrPeriod::on(day(1))).unwrap();

    // The practitioner prepared on their own device, without any of the review's data.
    let mut prep = PractitionerPreparation {
        role: "Health visitor".into(),
        agency: "Community health".into(),
        ..Default::default()
    };
    prep.notes.set_notes(ConversationPart::Overview, "I was the named health visitor from birth");
    prep.notes.set_answer(ConversationPart::Mindset, 1, "I thought the family were coping");
    prep.notes.set_answer(ConversationPart::Mindset, 5, "Whether to refer or wait for the review");
    prep.notes.set_factor_notes(FactorCategory::ConditionsOfWork, "I covered two caseloads");
    prep.notes.set_notes(ConversationPart::SuggestedChanges, "Shared access to GP notes");
    prep.add_turning_point("New birth visit", DateOrPeriod::default());
    prep.add_turning_point("Missed 8-week check", DateOrPeriod::during("June"));

    let summary = lt.import_preparation(&prep, hv).unwrap();

    assert_eq!(summary.conversation, conversation);
    assert_eq!(summary.notes_added, 5);
    assert_eq!(summary.turning_points_added, 1, "the turning point already recorded is not repeated");
    let c = lt.conversation(conversation).unwrap();
    let overview = c.notes.notes(ConversationPart::Overview);
    assert!(overview.starts_with("Reviewer: covered the first six months"));
    let mark = "From the preparation of Health visitor, Community health:";
    assert!(overview.ends_with(&format!("{mark}\nI was the named health visitor from birth")));
    assert!(c.notes.answer(ConversationPart::Mindset, 1).starts_with("Reviewer: she thought"));
    assert!(c.notes.answer(ConversationPart::Mindset, 1).contains("I thought the family were coping"));
    assert_eq!(
        c.notes.answer(ConversationPart::Mindset, 5),
        format!("{mark}\nWhether to refer or wait for the review")
    );
    let work = c.notes.factor_notes(FactorCategory::ConditionsOfWork);
    assert!(work.starts_with("Reviewer: two vacancies") && work.contains("I covered two caseloads"));
    assert_eq!(c.turning_points.len(), 2);
    assert!(!c.turning_points[0].from_preparation && c.turning_points[1].from_preparation);
    assert_eq!(c.date, Some(day(20)), "the conversation's own details are untouched");
    assert_eq!(lt.participant(hv).unwrap().role, "Health visitor");
}

#[test]
fn importing_the_same_preparation_twice_adds_nothing_the_second_time() {
    let mut lt = LearningTogether::default();
    let p = lt.add_participant("Teacher", "Primary school");
    let mut prep = PractitionerPreparation::default();
    prep.notes.set_notes(ConversationPart::WentWell, "The breakfast club");
    prep.add_turning_point("Raising the bruise with the DSL", DateOrPeriod::default());
    lt.import_preparation(&prep, p).unwrap();
    let once = lt.clone();
    let again = lt.import_preparation(&prep, p).unwrap();
    assert_eq!((again.notes_added, again.turning_points_added), (0, 0));
    assert_eq!(lt, once);
}

#[test]
fn a_finding_can_show_two_patterns_and_carries_issues_for_the_board() {
    let mut lt = LearningTogether::default();
    let f = lt
        .add_finding(
            "Professionals rely on the family to pass on health information",
            PatternType::FamilyProfessionalInteraction,
        )
        .unwrap();
    lt.tag_finding(f, PatternType::MultiAgencyAssessmentAndLongerTermWork).unwrap();
    lt.add_issue_for_the_board(f, "Is the board aware how often this happens?").unwrap();
    {
        let finding = lt.finding_mut(f).unwrap();
        finding.how_it_showed_in_this_case = "Mum was asked to tell the GP".into();
        finding.evidence_it_is_wider = "Practitioners said this is usual".into();
        finding.why_it_matters = "Information is lost when families are under strain".into();
    }
    let finding = lt.finding(f).unwrap();
    assert_eq!(finding.pattern_types.len(), 2);
    assert_eq!(finding.issues_for_the_board.len(), 1);
}

#[test]
fn the_respectful_language_helper_suggests_without_blocking() {
    let text = "The school failed to share it; this was an error and nobody is to blame. Blameless review.";
    let flags = respectful_language::flags(text);
    let words: Vec<&str> = flags.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(words, ["failed to", "error", "blame"]);
    assert!(flags.iter().all(|f| !f.suggestion.is_empty()));
}

/// A Learning Together review as saved before conversations, episodes and findings existed.
const OLD_SHAPE: &str =
    r#"{"family_pseudonym":"K","scope":"x","participants":[{"id":1,"role":"Social worker","agency":"CSC"}]}"#;

#[test]
fn a_review_saved_before_the_learning_together_model_grew_still_loads() {
    let mut lt: LearningTogether = serde_json::from_str(OLD_SHAPE).unwrap();
    assert_eq!(lt.family_pseudonym, "K");
    assert_eq!(lt.scope, "x");
    let p = &lt.participants[0];
    assert_eq!((p.id, p.role.as_str(), p.agency.as_str()), (1, "Social worker", "CSC"));
    assert!(!p.is_family_member && p.pseudonym.is_empty());
    assert!(lt.conversations.is_empty() && lt.episodes.is_empty() && lt.findings.is_empty());
    assert_eq!(lt.stage_status(ReviewStage::Preparation), StageStatus::NotStarted);
    assert_eq!(lt.journey(1), Some(Journey::default()), "no journey dates yet");
    assert!(lt.stage_targets.is_empty() && lt.stages_completed.is_empty());
    assert_eq!(lt.next_for(1, day(9)).unwrap().text, "Introductory letter not sent yet.");
    assert_eq!(lt.add_participant("GP", "Surgery"), 2, "new ids skip past the saved ones");

    let review = serde_json::json!({
        "id": Uuid::from_u128(5),
        "title": "Family K",
        "created": "2026-01-05T09:00:00Z",
        "updated": "2026-01-05T10:00:00Z",
        "body": {"learning_together": serde_json::from_str::<serde_json::Value>(OLD_SHAPE).unwrap()},
    });
    let review: Review = serde_json::from_value(review).unwrap();
    assert_eq!(review.learning_together().unwrap().participants.len(), 1);
}

fn a_full_review() -> LearningTogether {
    let mut lt = LearningTogether {
        family_pseudonym: "Kestrel".into(),
        scope: "Why the move went unnoticed".into(),
        ..Default::default()
    };
    lt.add_team_member("Lead reviewer (independent)").unwrap();
    let sw = lt.add_participant("Social worker", "CSC");
    lt.add_family_member("Child", "Kai");
    lt.set_stage_status(ReviewStage::DataCollection, StageStatus::InProgress);
    lt.draft_letters("Family Kestrel review");
    let c = lt.start_conversation(sw, Some(day(3))).unwrap();
    lt.set_journey_date(sw, JourneyStep::LetterSent, Some(day(1))).unwrap();
    lt.set_journey_date(sw, JourneyStep::RecordingDestroyed, Some(day(5))).unwrap();
    lt.set_comments_due(sw, Some(day(20))).unwrap();
    lt.set_stage_target(ReviewStage::DataCollection, Some(day(30)));
    lt.set_stage_status_on(ReviewStage::Preparation, StageStatus::Done, day(2));
    lt.conversation_mut(c).unwrap().notes.set_answer(ConversationPart::Reflections, 2, "Relieved to talk");
    let tp = lt.add_turning_point(c, "Transfer between areas", DateOrPeriod::during("spring")).unwrap();
    let e = lt.promote_turning_point(c, tp).unwrap();
    let f = lt.add_factor(FactorCategory::InterAgency, "Transfer protocol unclear").unwrap();
    lt.link_factor(e, f).unwrap();
    let ev = lt.add_event("Family moved", DateOrPeriod::on(day(1))).unwrap();
    lt.set_agency_view(ev, "Housing", "Routine move").unwrap();
    let finding = lt.add_finding("Transfers lose history", PatternType::HumanToolOperation).unwrap();
    lt.tag_finding(finding, PatternType::MultiAgencyAssessmentAndLongerTermWork).unwrap();
    lt.add_recommendation("Review the transfer protocol", Some(finding)).unwrap();
    lt
}

#[test]
fn a_full_review_survives_saving_and_loading() {
    let lt = a_full_review();
    let json = serde_json::to_string(&lt).unwrap();
    let back: LearningTogether = serde_json::from_str(&json).unwrap();
    assert_eq!(back, lt);

    let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    let mut review = Review::new(Uuid::from_u128(9), ReviewKind::LearningTogether, now);
    review.edit_learning_together(now, |body| *body = lt.clone());
    let back: Review = serde_json::from_str(&serde_json::to_string(&review).unwrap()).unwrap();
    assert_eq!(back.learning_together(), Some(&lt));
}

#[test]
fn a_practitioners_preparation_file_holds_nothing_from_the_review() {
    let mut prep =
        PractitionerPreparation { role: "GP".into(), agency: "Surgery".into(), ..Default::default() };
    prep.notes.set_notes(ConversationPart::Overview, "Saw mum twice");
    let value = serde_json::to_value(&prep).unwrap();
    let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["agency", "dismissed_hints", "notes", "role", "turning_points"]);
    assert_eq!(serde_json::from_value::<PractitionerPreparation>(value).unwrap(), prep);
}

/// One change the review team might make to episodes and factors.
#[derive(Clone, Debug)]
enum Step {
    AddEpisode,
    AddFactor(usize),
    Link(usize, usize),
    Unlink(usize, usize),
    RemoveEpisode(usize),
    RemoveFactor(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::AddEpisode),
        (0..9usize).prop_map(Step::AddFactor),
        (0..8usize, 0..8usize).prop_map(|(e, f)| Step::Link(e, f)),
        (0..8usize, 0..8usize).prop_map(|(e, f)| Step::Unlink(e, f)),
        (0..8usize).prop_map(Step::RemoveEpisode),
        (0..8usize).prop_map(Step::RemoveFactor),
    ]
}

fn pick(ids: &[ItemId], i: usize) -> ItemId {
    if ids.is_empty() {
        9_999
    } else {
        ids[i % ids.len()]
    }
}

proptest! {
    #[test]
    fn links_between_episodes_and_factors_stay_consistent_whatever_the_team_does(
        steps in prop::collection::vec(step(), 0..40)
    ) {
        let mut lt = LearningTogether::default();
        for s in steps {
            let episodes: Vec<ItemId> = lt.episodes.iter().map(|e| e.id).collect();
            let factors: Vec<ItemId> = lt.factors.iter().map(|f| f.id).collect();
            match s {
                Step::AddEpisode => { lt.add_episode("Episode", DateOrPeriod::default()).unwrap(); }
                Step::AddFactor(c) => { lt.add_factor(FactorCategory::ALL[c], "Factor").unwrap(); }
                Step::Link(e, f) => { let _ = lt.link_factor(pick(&episodes, e), pick(&factors, f)); }
                Step::Unlink(e, f) => { let _ = lt.unlink_factor(pick(&episodes, e), pick(&factors, f)); }
                Step::RemoveEpisode(e) => { lt.remove_episode(pick(&episodes, e)); }
                Step::RemoveFactor(f) => { lt.remove_factor(pick(&factors, f)); }
            }
            prop_assert!(lt.links_are_consistent(), "{:?}", lt);
        }
        let mut ids: Vec<ItemId> =
            lt.episodes.iter().map(|e| e.id).chain(lt.factors.iter().map(|f| f.id)).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), count, "ids are never shared");
    }
}

#[test]
fn a_preparation_travels_as_a_small_review_file_and_is_added_without_overwriting() {
    use case_review_studio::model::ReviewBody;
    use case_review_studio::storage::file_format::{read_file, write_file};
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    let mut file_review = Review::new(Uuid::from_u128(11), ReviewKind::Preparation, now);
    file_review.edit_preparation(now, |p| {
        p.role = "Health visitor".into();
        p.notes.set_answer(ConversationPart::Overview, 1, "Visited four times");
        p.add_turning_point("Second missed review", DateOrPeriod::during("March"));
    });
    let text = write_file(std::slice::from_ref(&file_review), now);
    assert!(text.len() < 2_000, "a preparation file stays small: {} bytes", text.len());
    let back = read_file(&text).unwrap();
    let ReviewBody::Preparation(prep) = &back[0].body else { panic!("not a preparation") };

    let mut lt = LearningTogether::default();
    let hv = lt.add_participant("Health visitor", "NHS trust");
    let c = lt.start_conversation(hv, None).unwrap();
    lt.conversation_mut(c).unwrap().notes.set_answer(ConversationPart::Overview, 1, "Reviewer's own note");
    let done = lt.import_preparation(prep, hv).unwrap();
    assert_eq!((done.notes_added, done.turning_points_added), (1, 1));
    let answer = lt.conversation(c).unwrap().notes.answer(ConversationPart::Overview, 1).to_string();
    assert!(answer.starts_with("Reviewer's own note"), "{answer}");
    assert!(answer.contains("Visited four times"), "{answer}");
}

fn preparation_of(role: &str, agency: &str) -> PractitionerPreparation {
    PractitionerPreparation { role: role.into(), agency: agency.into(), ..Default::default() }
}

#[test]
fn a_preparation_added_to_a_conversation_keeps_its_source() {
    let mut lt = LearningTogether::default();
    let hv = lt.add_participant("Health visitor", "NHS trust");
    let mut prep = preparation_of("Health visitor", "NHS trust");
    prep.notes.set_answer(ConversationPart::Mindset, 1, "I thought the baby was thriving.");
    prep.add_turning_point("Missed 8-week check", DateOrPeriod::during("June"));
    let filed = NaiveDate::from_ymd_opt(2026, 12, 2);
    assert_eq!(lt.check_preparation(&prep, hv), None);
    let done = lt.import_preparation_from(&prep, hv, filed).unwrap();
    let c = lt.conversation(done.conversation).unwrap();
    assert_eq!(
        c.notes.answer(ConversationPart::Mindset, 1),
        "From the preparation of Health visitor, NHS trust, file of 2 Dec 2026:\nI thought the baby was thriving."
    );
    let source = c.turning_points[0].preparation.as_ref().unwrap();
    assert_eq!(source.label(), "From the preparation of Health visitor, NHS trust, file of 2 Dec 2026");
    assert_eq!(c.preparations.len(), 1);
}

#[test]
fn a_preparation_by_someone_else_is_questioned_before_anything_is_added() {
    let mut lt = LearningTogether::default();
    let hv = lt.add_participant("Health visitor", "NHS trust");
    let teacher = preparation_of("Class teacher", "Primary school");
    let question = lt.check_preparation(&teacher, hv).unwrap();
    assert_eq!(
        question.to_string(),
        "This preparation is by Class teacher, Primary school, but the conversation is with Health visitor, NHS trust. Add it to this conversation anyway?"
    );
    assert!(lt.conversations.is_empty(), "asking changes nothing");
    assert_eq!(lt.check_preparation(&preparation_of("health visitor", "NHS Trust"), hv), None);
}

#[test]
fn an_updated_preparation_brings_in_only_what_changed() {
    let mut lt = LearningTogether::default();
    let hv = lt.add_participant("Health visitor", "NHS trust");
    let mut prep = preparation_of("Health visitor", "NHS trust");
    prep.notes.set_factor_notes(FactorCategory::ConditionsOfWork, "I covered two caseloads. No admin support.");
    prep.notes.set_notes(ConversationPart::WentWell, "The GP called back the same day.");
    lt.import_preparation_from(&prep, hv, NaiveDate::from_ymd_opt(2026, 12, 2)).unwrap();
    prep.notes.set_factor_notes(
        FactorCategory::ConditionsOfWork,
        "I covered two caseloads. No admin support. The clinic moved in March.",
    );
    let again = lt.import_preparation_from(&prep, hv, NaiveDate::from_ymd_opt(2026, 12, 9)).unwrap();
    assert_eq!(again.notes_added, 1, "only the changed answer");
    let c = lt.conversation(again.conversation).unwrap();
    let work = c.notes.factor_notes(FactorCategory::ConditionsOfWork);
    assert_eq!(work.matches("two caseloads").count(), 1, "{work}");
    assert!(work.ends_with("file of 9 Dec 2026:\nThe clinic moved in March."), "{work}");
    assert_eq!(c.notes.notes(ConversationPart::WentWell).matches("GP called").count(), 1);
    assert_eq!(c.preparations.len(), 2);
}

#[test]
fn a_factor_recorded_from_a_conversation_keeps_it_as_its_source_and_is_made_once() {
    let mut lt = LearningTogether::default();
    let hv = lt.add_participant("Health visitor", "NHS trust");
    let sw = lt.add_participant("Social worker", "Children's services");
    let c1 = lt.start_conversation(hv, None).unwrap();
    let c2 = lt.start_conversation(sw, None).unwrap();
    let mut prep = preparation_of("Health visitor", "NHS trust");
    prep.notes.set_factor_notes(FactorCategory::ConditionsOfWork, "Caseloads doubled after the restructure");
    lt.import_preparation(&prep, hv).unwrap();
    assert_eq!(lt.factor_recorded_from(c1, FactorCategory::ConditionsOfWork), None);
    let first = lt.record_factor_from_conversation(c1, FactorCategory::ConditionsOfWork).unwrap();
    assert!(!first.already_recorded);
    let f = lt.factor(first.factor).unwrap();
    assert_eq!(f.text, "Caseloads doubled after the restructure", "the preparation's mark is not part of the factor");
    assert_eq!(f.source_conversations, [c1]);
    assert_eq!(lt.factor_sources(first.factor), ["Health visitor, NHS trust"]);
    assert_eq!(lt.factor_recorded_from(c1, FactorCategory::ConditionsOfWork), Some(first.factor));

    let twice = lt.record_factor_from_conversation(c1, FactorCategory::ConditionsOfWork).unwrap();
    assert_eq!(twice, case_review_studio::model::learning_together::RecordedFactor { factor: first.factor, already_recorded: true });
    lt.conversation_mut(c2).unwrap().notes.set_factor_notes(FactorCategory::OwnTeam, "caseloads doubled after the restructure.");
    let other = lt.record_factor_from_conversation(c2, FactorCategory::OwnTeam).unwrap();
    assert!(other.already_recorded);
    assert_eq!(lt.factors.len(), 1);
    assert_eq!(lt.factor(first.factor).unwrap().source_conversations, [c1, c2]);
    assert_eq!(lt.record_factor_from_conversation(c2, FactorCategory::Family), Err(EditError::BlankText));
    assert!(lt.remove_participant(sw));
    assert_eq!(lt.factor(first.factor).unwrap().source_conversations, [c1]);
}

#[test]
fn a_finding_is_traced_to_its_episodes_factors_and_conversations_both_ways_and_in_priority_order() {
    let mut lt = LearningTogether::default();
    let hv = lt.add_participant("Health visitor", "NHS trust");
    let c = lt.start_conversation(hv, None).unwrap();
    let tp = lt.add_turning_point(c, "Missed 8-week check", DateOrPeriod::on(day(3))).unwrap();
    let e = lt.promote_turning_point(c, tp).unwrap();
    lt.conversation_mut(c).unwrap().notes.set_factor_notes(FactorCategory::InterAgency, "No shared chronology");
    let f = lt.record_factor_from_conversation(c, FactorCategory::InterAgency).unwrap().factor;
    let first = lt.add_finding("Transfers lose history", PatternType::HumanToolOperation).unwrap();
    let second = lt.add_finding("Supervision looks at timescales", PatternType::HumanManagementSystemOperation).unwrap();
    lt.rest_finding_on_episode(second, e, true).unwrap();
    lt.rest_finding_on_factor(second, f, true).unwrap();
    lt.rest_finding_on_factor(second, f, true).unwrap();
    let basis = lt.finding_basis(second);
    assert_eq!(basis.episodes, ["Episode 1: Missed 8-week check"]);
    assert_eq!(basis.factors, ["No shared chronology"]);
    assert_eq!(basis.conversations, ["Health visitor, NHS trust"]);
    assert_eq!(lt.findings_resting_on_episode(e).iter().map(|(n, f)| (*n, f.id)).collect::<Vec<_>>(), [(2, second)]);
    assert_eq!(lt.findings_resting_on_factor(f).len(), 1);
    lt.move_finding(second, true).unwrap();
    assert_eq!(lt.findings.iter().map(|f| f.id).collect::<Vec<_>>(), [second, first]);
    lt.move_finding(second, true).unwrap();
    assert_eq!(lt.findings[0].id, second, "the first stays first");
    assert_eq!(lt.findings_resting_on_episode(e)[0].0, 1);
    assert!(lt.remove_factor(f));
    assert!(lt.finding(second).unwrap().factors.is_empty());
    assert!(lt.remove_episode(e));
    assert!(lt.finding_basis(second).is_empty());
    assert_eq!(lt.rest_finding_on_episode(second, 999, true), Err(EditError::NoSuchEpisode));
}

#[test]
fn each_participants_journey_says_what_is_next_without_judging_anyone() {
    let mut lt = LearningTogether::default();
    let hv = lt.add_participant("Health visitor", "NHS trust");
    let mum = lt.add_family_member("Mother", "Kerry");
    lt.set_journey_date(hv, JourneyStep::LetterSent, Some(day(1))).unwrap();
    lt.set_journey_date(hv, JourneyStep::ConsentGiven, Some(day(2))).unwrap();
    lt.set_journey_date(hv, JourneyStep::ConversationBooked, Some(day(3))).unwrap();
    assert_eq!(lt.next_for(hv, day(2)).unwrap().text, "Conversation booked for 3 Apr.");
    assert!(lt.next_for(hv, day(4)).unwrap().past_its_date);
    lt.set_journey_date(hv, JourneyStep::ConversationHeld, Some(day(3))).unwrap();
    assert_eq!(
        lt.next_for(hv, day(4)).unwrap().text,
        "Recording not yet destroyed: the conversation was held on 3 Apr. Appendix 2 promises the recording is \
         destroyed once the data is taken from it."
    );
    // Family members go the same way, under their pseudonym.
    lt.set_journey_date(mum, JourneyStep::ConsentGiven, Some(day(5))).unwrap();
    assert_eq!(lt.next_for(mum, day(6)).unwrap().step, Some(JourneyStep::ConversationBooked));
    assert_eq!(lt.journey(mum).unwrap().not_recorded(), [JourneyStep::LetterSent]);
    for p in [hv, mum] {
        for today in [day(1), day(10), day(30)] {
            let text = lt.next_for(p, today).unwrap().text;
            assert!(respectful_language::flags(&text).is_empty(), "{text}");
        }
    }
}

#[test]
fn stages_past_their_target_date_are_listed_until_done() {
    let mut lt = LearningTogether::default();
    lt.set_stage_target(ReviewStage::Preparation, Some(day(5)));
    lt.set_stage_target(ReviewStage::DataCollection, Some(day(20)));
    assert_eq!(lt.stages_past_target(day(10)), [ReviewStage::Preparation]);
    let sentence = lt.stage_timing(ReviewStage::Preparation, day(10)).sentence(day(10));
    assert_eq!(sentence, "Past its target date of 5 Apr by 5 days, and not yet marked done.");
    assert!(respectful_language::flags(&sentence).is_empty());
    lt.set_stage_status_on(ReviewStage::Preparation, StageStatus::Done, day(11));
    assert_eq!(lt.stages_past_target(day(21)), [ReviewStage::DataCollection]);
    assert_eq!(lt.stage_timing(ReviewStage::Preparation, day(21)).sentence(day(21)), "Completed on 11 Apr (target date 5 Apr).");
}
