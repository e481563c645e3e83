//! Word documents a person exports (the Case Discussion Notes, the action log and the
//! Learning Together report) are real .docx files: a zip that an independent reader opens,
//! XML parts that parse, every part named in `[Content_Types].xml`, every relationship
//! pointing at a part that exists, every style and list the document uses defined, and
//! headings in Word's heading styles. Checked for reviews with names in many scripts, very
//! long text, characters XML cannot carry, and nothing written at all.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use case_review_studio::export::docx::action_log::action_log;
use case_review_studio::export::docx::case_discussion_notes::case_discussion_notes;
use case_review_studio::export::docx::learning_together_report::learning_together_report;
use case_review_studio::export::docx::{WordDocument, NONE_RECORDED};
use case_review_studio::model::case_discussion::FactOrFeeling;
use case_review_studio::model::case_discussion_guide::SECTIONS;
use case_review_studio::model::conversation_guide::FactorCategory;
use case_review_studio::model::date_or_period::DateOrPeriod;
use case_review_studio::model::key_practice_episode::Appraisal;
use case_review_studio::model::pattern_type::PatternType;
use case_review_studio::model::problem_tree::{CauseStatus, Parent};
use case_review_studio::model::published_report::ReportText;
use case_review_studio::model::{Review, ReviewKind};
use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NON_ASCII: &str = "Siân, Zoë, Łukasz, Ольга, 李明, محمد, 👩‍👧";
/// Characters XML 1.0 cannot carry, as they arrive when text is pasted from other programs.
const UNSAFE: &str = "NUL\u{0} BEL\u{7} ESC\u{1b} FFFE\u{fffe} <script>&amp;\"'";

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn review(kind: ReviewKind, title: &str) -> Review {
    let mut r = Review::new(Uuid::from_u128(7), kind, Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
    r.title = title.to_string();
    r
}

/// A long piece of writing: 40,000 words, one of them 5,000 letters long with no space.
fn long_text() -> String {
    let mut t = "The family moved three times in a year; each move meant a new school and GP. ".repeat(2_800);
    t.push_str(&"x".repeat(5_000));
    t.push_str("\nThe end of the long text.");
    t
}

fn full_case_discussion() -> Review {
    let mut r = review(ReviewKind::CaseDiscussion, &format!("Child J – {NON_ASCII}"));
    r.edit_case_discussion(Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap(), |cd| {
        cd.header.child_name = "J (Zoë)".into();
        cd.header.date_of_referral = Some(day(1));
        cd.header.date_of_discussion = Some(day(9));
        cd.header.facilitator = "Independent facilitator".into();
        cd.header.focal_question = "Why were J’s health needs not noticed sooner?".into();
        cd.add_attendee(NON_ASCII, "Health visitor", "Community health");
        cd.add_attendee("", "Teacher", "");
        cd.add_fact("Referral form", "Front door team");
        cd.add_fact(UNSAFE, "");
        cd.about_child = format!("J is three.\nLikes the sand tray.\n\n{}", long_text());
        cd.add_thought("Two appointments were missed", FactOrFeeling::Fact);
        cd.add_thought("Nobody held the whole picture", FactOrFeeling::Feeling);
        cd.add_thought("Housing were not at the table", FactOrFeeling::Unmarked);
        cd.tree.focal_point = "J’s hearing went unchecked for six months".into();
        let effect = cd.tree.add_effect("Speech is behind");
        cd.tree.add_node(Parent::Node(effect), "Frustrated at nursery");
        // A chain of causes deeper than Word's nine list levels.
        let mut parent = cd.tree.add_cause("Letters went to an old address");
        cd.tree.set_status(parent, CauseStatus::Hypothesis);
        for depth in 1..12 {
            parent = cd.tree.add_node(Parent::Node(parent), &format!("Cause at depth {depth}")).unwrap();
        }
        cd.tree.set_status(parent, CauseStatus::AgreedRootCause);
        cd.add_worry(&format!("Worry from {NON_ASCII}"));
        cd.add_strength("Nursery noticed hunger");
        let gap = cd.add_information_gap("GP records").unwrap();
        cd.information_gaps.iter_mut().find(|g| g.id == gap).unwrap().who = "Designated nurse".into();
        cd.add_person_to_involve("Housing officer");
        let a = cd.add_action("Share chronology");
        let action = cd.action_mut(a).unwrap();
        action.who_by = "Health visitor".into();
        action.due = Some(day(23));
        action.how_we_will_know = "Confirmed at core group".into();
        action.difference_for_child = "Hearing is checked".into();
        cd.add_action("Ask GP for records");
        cd.add_action(""); // a blank row the facilitator added
        cd.outcome.agreement = "The room agreed the plan.".into();
    });
    r
}

fn full_learning_together() -> Review {
    let mut r = review(ReviewKind::LearningTogether, "Family K systems review");
    r.edit_learning_together(Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap(), |lt| {
        lt.family_pseudonym = "Family K".into();
        lt.scope = format!("How agencies worked together. {}", long_text());
        lt.add_team_member("Lead reviewer (independent)").unwrap();
        lt.add_participant("Social worker", "Children’s services");
        lt.add_participant("Midwife", NON_ASCII);
        lt.add_family_member("Mother", "Kerry");
        let ev = lt.add_event("Birth of the youngest child", DateOrPeriod::on(day(3))).unwrap();
        lt.set_agency_view(ev, "Health", "Routine discharge").unwrap();
        lt.set_agency_view(ev, "School", UNSAFE).unwrap();
        lt.add_event("The weeks after the move", DateOrPeriod::during("spring 2026")).unwrap();
        let ep = lt.add_episode("Strategy discussion after the bruising", DateOrPeriod::on(day(5))).unwrap();
        {
            let e = lt.episode_mut(ep).unwrap();
            e.roles_involved = vec!["Social worker".into(), "Paediatrician".into()];
            e.what_happened = "A single-agency enquiry was agreed.".into();
            e.why_it_made_sense = "The explanation given fitted the injury.".into();
        }
        lt.appraise_episode(ep, Appraisal::Mixed).unwrap();
        lt.add_episode("Undated episode", DateOrPeriod::default()).unwrap();
        let factor = lt.add_factor(FactorCategory::InterAgency, "No shared record between health and school").unwrap();
        lt.link_factor(ep, factor).unwrap();
        lt.add_factor(FactorCategory::Family, "Mother’s fear of losing the children").unwrap();
        let f = lt.add_finding("Referrals are closed without feedback", PatternType::MultiAgencyAssessmentAndLongerTermWork).unwrap();
        lt.tag_finding(f, PatternType::HumanToolOperation).unwrap();
        {
            let finding = lt.finding_mut(f).unwrap();
            finding.how_it_showed_in_this_case = "School were not told.".into();
            finding.evidence_it_is_wider = "Audit of 40 referrals.".into();
            finding.why_it_matters = format!("Children fall between services. {NON_ASCII}");
        }
        lt.add_issue_for_the_board(f, "How will the board know referrers get feedback?").unwrap();
        lt.add_finding("A finding with nothing else written yet", PatternType::HumanReasoning).unwrap();
        lt.add_recommendation("Agree a feedback standard", Some(f)).unwrap();
        lt.add_recommendation("Standing on its own", None).unwrap();
        lt.set_family_view(ev, "We were sent home and nobody came").unwrap();
        lt.set_report_text(ReportText::Summary, "Why the review was held.\n\nWhat it found.");
        lt.start_methodology_from_details();
        lt.set_report_text(ReportText::CaseSummary, "Family K moved twice in a year.");
        lt.set_report_text(ReportText::Acknowledgements, "The review team thanks everyone who took part.");
        // A factor recorded twice from two conversations, with a preparation's mark and ".;".
        let again = lt
            .add_factor(FactorCategory::InterAgency, "From the practitioner\u{2019}s preparation:\nno shared record between health and school.;")
            .unwrap();
        lt.link_factor(ep, again).unwrap();
    });
    r
}

/// An exported document, unpacked by an independent zip reader, with its parts as text.
struct Unpacked {
    parts: BTreeMap<String, String>,
}

impl Unpacked {
    fn of(doc: &WordDocument) -> Unpacked {
        let bytes = doc.to_docx().expect("the document is written");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid zip file");
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).expect("every entry opens");
            let mut text = String::new();
            // Reading to the end checks each entry's CRC-32 too.
            entry.read_to_string(&mut text).expect("every part is UTF-8 and its checksum matches");
            assert!(parts.insert(entry.name().to_string(), text).is_none(), "{} twice", entry.name());
        }
        Unpacked { parts }
    }

    fn part(&self, name: &str) -> &str {
        self.parts.get(name).unwrap_or_else(|| panic!("no part {name}"))
    }

    /// The text of each paragraph of the document body, in order (table cells included).
    fn paragraphs(&self) -> Vec<String> {
        let xml = roxmltree::Document::parse(self.part("word/document.xml")).unwrap();
        xml.descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .map(|p| p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect())
            .collect()
    }

    /// The text of each paragraph in a given style, in order.
    fn paragraphs_in(&self, style: &str) -> Vec<String> {
        let xml = roxmltree::Document::parse(self.part("word/document.xml")).unwrap();
        xml.descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .filter(|p| {
                p.descendants().any(|s| s.has_tag_name((W, "pStyle")) && s.attribute((W, "val")) == Some(style))
            })
            .map(|p| p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect())
            .collect()
    }

    /// Checks everything Word and LibreOffice need to open the file without complaint.
    fn assert_sound(&self) {
        // Every part is well-formed XML.
        for (name, text) in &self.parts {
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
        }
        // Content types: every part covered, every override names a part.
        let types = roxmltree::Document::parse(self.part("[Content_Types].xml")).unwrap();
        let defaults: BTreeSet<String> = types
            .descendants()
            .filter(|n| n.has_tag_name("Default"))
            .map(|n| n.attribute("Extension").unwrap().to_lowercase())
            .collect();
        let overrides: BTreeMap<String, String> = types
            .descendants()
            .filter(|n| n.has_tag_name("Override"))
            .map(|n| (n.attribute("PartName").unwrap().to_string(), n.attribute("ContentType").unwrap().to_string()))
            .collect();
        for name in self.parts.keys().filter(|n| *n != "[Content_Types].xml") {
            let extension = name.rsplit('.').next().unwrap().to_lowercase();
            assert!(
                overrides.contains_key(&format!("/{name}")) || defaults.contains(&extension),
                "{name} has no content type"
            );
        }
        for part in overrides.keys() {
            assert!(self.parts.contains_key(&part[1..]), "content type for missing part {part}");
        }
        assert_eq!(
            overrides["/word/document.xml"],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        );
        // Relationships: the package points at the document, the document at parts that exist.
        let package_rels = relationships(self.part("_rels/.rels"));
        assert!(package_rels.values().any(|(kind, target)| kind.ends_with("/officeDocument") && target == "word/document.xml"));
        for (_, target) in package_rels.values() {
            assert!(self.parts.contains_key(target.as_str()), "package relationship to missing {target}");
        }
        let document_rels = relationships(self.part("word/_rels/document.xml.rels"));
        for (_, target) in document_rels.values() {
            assert!(self.parts.contains_key(&format!("word/{target}")), "document relationship to missing {target}");
        }
        for kind in ["/styles", "/numbering", "/settings", "/footer"] {
            assert!(document_rels.values().any(|(k, _)| k.ends_with(kind)), "no {kind} relationship");
        }
        let document = roxmltree::Document::parse(self.part("word/document.xml")).unwrap();
        for n in document.descendants() {
            if let Some(id) = n.attribute((R, "id")) {
                assert!(document_rels.contains_key(id), "r:id {id} is not a relationship of the document");
            }
        }
        // Every style and list the document and footer use is defined.
        let styles = roxmltree::Document::parse(self.part("word/styles.xml")).unwrap();
        let defined: BTreeSet<&str> = styles
            .descendants()
            .filter(|n| n.has_tag_name((W, "style")))
            .map(|n| n.attribute((W, "styleId")).unwrap())
            .collect();
        let footer = roxmltree::Document::parse(self.part("word/footer1.xml")).unwrap();
        for doc in [&document, &footer] {
            for n in doc.descendants() {
                if ["pStyle", "rStyle", "tblStyle"].iter().any(|t| n.has_tag_name((W, *t))) {
                    let id = n.attribute((W, "val")).unwrap();
                    assert!(defined.contains(id), "style {id} is used but not defined");
                }
            }
        }
        let numbering = roxmltree::Document::parse(self.part("word/numbering.xml")).unwrap();
        let nums: BTreeSet<&str> = numbering
            .descendants()
            .filter(|n| n.has_tag_name((W, "num")))
            .map(|n| n.attribute((W, "numId")).unwrap())
            .collect();
        for n in document.descendants().filter(|n| n.has_tag_name((W, "numId"))) {
            let id = n.attribute((W, "val")).unwrap();
            assert!(nums.contains(id), "list {id} is used but not defined");
        }
        // Word joins tables that touch, and wants a paragraph in every cell.
        let body = document.descendants().find(|n| n.has_tag_name((W, "body"))).unwrap();
        let children: Vec<_> = body.children().filter(|n| n.is_element()).collect();
        for pair in children.windows(2) {
            assert!(!(pair[0].has_tag_name((W, "tbl")) && pair[1].has_tag_name((W, "tbl"))), "two tables touch");
        }
        assert!(children.last().unwrap().has_tag_name((W, "sectPr")), "the body ends with its section properties");
        for cell in document.descendants().filter(|n| n.has_tag_name((W, "tc"))) {
            assert!(cell.children().any(|c| c.has_tag_name((W, "p"))), "a table cell without a paragraph");
        }
    }
}

/// Relationship id -> (type, target).
fn relationships(xml: &str) -> BTreeMap<String, (String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("Relationship"))
        .map(|n| {
            (
                n.attribute("Id").unwrap().to_string(),
                (n.attribute("Type").unwrap().to_string(), n.attribute("Target").unwrap().to_string()),
            )
        })
        .collect()
}

fn all_documents_of(r: &Review) -> Vec<WordDocument> {
    let on = Some(day(10));
    [case_discussion_notes(r, on), action_log(r, on), learning_together_report(r, on)].into_iter().flatten().collect()
}

#[test]
fn every_document_is_a_sound_docx_for_full_and_empty_reviews() {
    let reviews = [
        full_case_discussion(),
        review(ReviewKind::CaseDiscussion, ""),
        full_learning_together(),
        review(ReviewKind::LearningTogether, NON_ASCII),
    ];
    let mut checked = 0;
    for r in &reviews {
        for doc in all_documents_of(r) {
            Unpacked::of(&doc).assert_sound();
            checked += 1;
        }
    }
    assert_eq!(checked, 6, "notes and action log for each discussion, a report for each Learning Together review");
}

#[test]
fn each_document_is_made_only_for_its_method() {
    let cd = full_case_discussion();
    let lt = full_learning_together();
    assert!(learning_together_report(&cd, None).is_none());
    assert!(case_discussion_notes(&lt, None).is_none());
    assert!(action_log(&lt, None).is_none());
}

#[test]
fn the_notes_have_the_tools_headings_in_its_order_as_word_headings() {
    let doc = case_discussion_notes(&full_case_discussion(), Some(day(10))).unwrap();
    let unpacked = Unpacked::of(&doc);
    let level_one = unpacked.paragraphs_in("Heading1");
    let mut expected = vec!["Attendees".to_string()];
    expected.extend(SECTIONS.iter().map(|s| s.notes_heading.to_string()));
    expected.push("Follow up".into());
    assert_eq!(level_one, expected);
    assert_eq!(unpacked.paragraphs_in("Title"), ["Case Discussion Notes"]);
    assert_eq!(
        unpacked.paragraphs_in("DraftMark"),
        ["DRAFT FOR CORRECTION OF FACTUAL ERRORS — exported 10 March 2026"]
    );
    assert_eq!(
        unpacked.paragraphs_in("Heading2"),
        ["Effects:", "Focal point:", "Root causes:", "Who else do we need to involve?", "The room’s view of the outcome"]
    );
    // The heading styles carry outline levels, which the navigation pane and a table of
    // contents read.
    let styles = roxmltree::Document::parse(unpacked.part("word/styles.xml")).unwrap();
    for (id, name, level) in [("Heading1", "heading 1", "0"), ("Heading2", "heading 2", "1"), ("Heading3", "heading 3", "2")] {
        let style = styles
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("no style {id}"));
        let child = |tag: &str| style.descendants().find(|n| n.has_tag_name((W, tag))).and_then(|n| n.attribute((W, "val")));
        assert_eq!(child("name"), Some(name));
        assert_eq!(child("outlineLvl"), Some(level));
    }
}

#[test]
fn the_notes_keep_every_word_in_every_script_and_drop_only_what_xml_cannot_carry() {
    let unpacked = Unpacked::of(&case_discussion_notes(&full_case_discussion(), None).unwrap());
    let text = unpacked.paragraphs().join("\n");
    assert!(text.contains(&format!("Child J – {NON_ASCII}")));
    assert!(text.contains(&format!("Worry from {NON_ASCII}")));
    assert!(text.contains("NUL BEL ESC FFFE <script>&amp;\"'"), "unsafe characters dropped, markup kept as text");
    // All of the long text, including the 5,000-letter word and the line after it.
    assert!(text.contains(&"x".repeat(5_000)));
    assert!(text.contains("The end of the long text."));
    assert_eq!(text.matches("each move meant a new school and GP.").count(), 2_800);
}

#[test]
fn the_notes_set_out_actions_as_a_table_and_the_tree_as_a_nested_list() {
    let unpacked = Unpacked::of(&case_discussion_notes(&full_case_discussion(), Some(day(10))).unwrap());
    let document = roxmltree::Document::parse(unpacked.part("word/document.xml")).unwrap();
    let tables: Vec<Vec<String>> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .map(|t| {
            t.descendants()
                .filter(|n| n.has_tag_name((W, "tc")))
                .map(|c| c.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect())
                .collect()
        })
        .collect();
    let actions = tables
        .iter()
        .find(|t| t.first().map(String::as_str) == Some("No."))
        .expect("an actions table");
    assert_eq!(
        &actions[..6],
        ["No.", "Action", "Lead agency", "Who By and When", "How will we know it is done", "What difference will it make?"]
    );
    assert_eq!(&actions[6..12], [
        "1",
        "Share chronology",
        "Not recorded",
        "Health visitor, by 23 March 2026",
        "Confirmed at core group",
        "Hearing is checked"
    ]);
    assert!(actions[13].starts_with("Ask GP for records") && actions[13].contains("SMART check, not written yet: who by, due date"));
    assert_eq!(actions.len(), 18, "two actions; the blank row is left out");
    // The heading row repeats on every page.
    assert!(unpacked.part("word/document.xml").contains("<w:tblHeader/>"));

    // Causes nest one list level deeper per step, up to Word's ninth level.
    let levels: Vec<(String, String)> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter_map(|p| {
            let ilvl = p.descendants().find(|n| n.has_tag_name((W, "ilvl")))?.attribute((W, "val"))?.to_string();
            let text: String = p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect();
            Some((text, ilvl))
        })
        .collect();
    let level_of = |start: &str| levels.iter().find(|(t, _)| t.starts_with(start)).map(|(_, l)| l.as_str());
    assert_eq!(level_of("Speech is behind"), Some("0"));
    assert_eq!(level_of("Frustrated at nursery"), Some("1"));
    assert_eq!(level_of("Letters went to an old address (hypothesis of root cause)"), Some("0"));
    assert_eq!(level_of("Cause at depth 3"), Some("3"));
    assert_eq!(level_of("Cause at depth 8"), Some("8"));
    assert_eq!(level_of("Cause at depth 11 (agreed root cause)"), Some("8"));
}

#[test]
fn an_empty_discussion_says_none_recorded_under_every_heading() {
    let r = review(ReviewKind::CaseDiscussion, "");
    let unpacked = Unpacked::of(&case_discussion_notes(&r, None).unwrap());
    let paragraphs = unpacked.paragraphs();
    // Attendees, the eight sections (the tree's effects, focal point and causes apart) and
    // who else to involve.
    assert_eq!(paragraphs.iter().filter(|p| *p == NONE_RECORDED).count(), 12);
    assert_eq!(paragraphs.iter().filter(|p| *p == "Not recorded").count(), 4, "child, two dates, facilitator");
    assert!(paragraphs.iter().any(|p| p.contains("its date is not recorded")));
    let log = Unpacked::of(&action_log(&r, None).unwrap());
    assert!(log.paragraphs().iter().any(|p| p == NONE_RECORDED));
}

#[test]
fn the_action_log_is_a_landscape_table_with_the_spreadsheets_columns() {
    let unpacked = Unpacked::of(&action_log(&full_case_discussion(), Some(day(10))).unwrap());
    let xml = unpacked.part("word/document.xml");
    assert!(xml.contains("w:orient=\"landscape\""));
    let paragraphs = unpacked.paragraphs();
    let start = paragraphs.iter().position(|p| p == "No.").unwrap_or_else(|| panic!("{paragraphs:?}"));
    assert_eq!(
        paragraphs[start..start + 9],
        [
            "No.",
            "Action",
            "Lead agency",
            "Who by",
            "Due date",
            "Status",
            "How we will know it is done",
            "What difference it will make",
            "SMART check (all five parts written?)"
        ]
    );
    assert_eq!(
        paragraphs[start + 9..start + 18],
        [
            "1",
            "Share chronology",
            "Not recorded",
            "Health visitor",
            "23 March 2026",
            "Open",
            "Confirmed at core group",
            "Hearing is checked",
            "All five parts written"
        ]
    );
    assert!(!paragraphs.iter().any(|p| p == "Complete?" || p == "Yes"));
    assert!(paragraphs.contains(&"Missing: who by, due date, how we will know, difference for the child".to_string()));
    assert!(paragraphs.iter().any(|p| p.starts_with("Single-agency action plans are due by 23 March 2026")));
}

#[test]
fn the_report_sets_out_findings_episodes_factors_participants_and_narrative() {
    let unpacked = Unpacked::of(&learning_together_report(&full_learning_together(), Some(day(10))).unwrap());
    assert_eq!(
        unpacked.paragraphs_in("Heading1"),
        [
            "Summary",
            "Terms of reference",
            "Methodology",
            "Case summary",
            "Narrative of multi-agency perspectives",
            "Findings",
            "Recommendations and issues for the board",
            "Acknowledgements",
            "Appendix 1: Contributory factors",
            "Appendix 2: Key practice episodes"
        ]
    );
    let level_two = unpacked.paragraphs_in("Heading2");
    for expected in [
        "Review team",
        "Professionals who took part",
        "Children and family members who took part",
        "Finding 1: Referrals are closed without feedback",
        "Recommendations",
        "Issues for the board, by finding",
        "Frontline",
        "Inter-agency",
    ] {
        assert!(level_two.contains(&expected.to_string()), "{expected}");
    }
    assert!(!level_two.contains(&"Wider context".to_string()), "a level with no factors is left out");
    assert_eq!(
        unpacked.paragraphs_in("Heading3")[..4],
        ["How it showed in this case", "Evidence it is wider than this case", "Why it matters", "Issues for the board to consider"]
    );
    assert_eq!(unpacked.paragraphs_in("Heading3").len(), 4, "the second finding's unwritten parts are left out");
    let p = unpacked.paragraphs();
    let has = |s: &str| p.iter().any(|x| x == s);
    assert!(has(
        "Pattern types: Multi-agency working in assessment and longer-term work; Human-tool operation"
    ));
    assert!(has("Pattern type: Human reasoning: cognitive and emotional biases"));
    assert!(has("School were not told."));
    assert!(has("How will the board know referrers get feedback?"));
    assert!(has("Agree a feedback standard (responds to finding 1)"));
    // The key practice episodes table, dated rows first, with its linked factor.
    let start = p.iter().position(|x| x == "Episode and when").unwrap();
    // Seven columns: the episode, roles, what happened, appraisal, why, factors, sources.
    assert_eq!(p[start + 7..start + 9], ["Strategy discussion after the bruising", "5 March 2026"]);
    assert!(p[start..].contains(&"Both good and problematic practice".to_string()));
    assert!(p[start..].contains(&"No shared record between health and school.".to_string()));
    // Factors as clean text: the same factor from two conversations once, no mark, no ".;".
    assert!(has("No shared record between health and school. (Inter-agency/inter-professional team factors) Helps to explain: Strategy discussion after the bruising."));
    assert_eq!(p.iter().filter(|x| x.starts_with("No shared record between health and school")).count(), 2, "once in the factors, once in the episodes table");
    assert!(!p.iter().any(|x| x.contains(".;") || x.contains("preparation:")), "no raw notes");
    // The report's own parts, as written, and none of the internal working tables.
    assert!(has("Why the review was held.") && has("What it found."));
    assert!(p.iter().any(|x| x.starts_with("This review used Learning Together")));
    assert!(has("The review team thanks everyone who took part."));
    assert!(has("The family is known in this review as: Family K"));
    assert!(!p.iter().any(|x| x == "Target date" || x == "Stage" || x.contains("Recording destroyed")));
    // Participants by role: professionals with agencies, family by pseudonym.
    assert!(p.windows(2).any(|w| w == ["Midwife", NON_ASCII]));
    assert!(p.windows(2).any(|w| w == ["Mother", "Kerry"]));
    // The narrative, each agency's view beside the event.
    assert!(has("Health: Routine discharge"));
    assert!(has("How the K family saw it"), "the family's view has its own column");
    assert!(has("We were sent home and nobody came"));
    assert!(!p.iter().any(|x| x.contains("#family")), "the reserved key is not an agency");
    assert!(has("School: NUL BEL ESC FFFE <script>&amp;\"'"));
    assert!(has("spring 2026"));
    // The episodes are on landscape pages, the rest portrait.
    let xml = unpacked.part("word/document.xml");
    assert_eq!(xml.matches("<w:sectPr>").count(), 3, "each appendix on a new page, the episodes' turned, at the end");
    assert_eq!(xml.matches("w:orient=\"landscape\"").count(), 1);
}

#[test]
fn an_empty_learning_together_review_gives_a_report_that_says_so() {
    let unpacked = Unpacked::of(&learning_together_report(&review(ReviewKind::LearningTogether, "x"), None).unwrap());
    let p = unpacked.paragraphs();
    // A published report prints no empty headings: the app lists the empty parts instead.
    assert_eq!(unpacked.paragraphs_in("Heading1"), Vec::<String>::new());
    assert_eq!(p.iter().filter(|x| *x == NONE_RECORDED).count(), 0);
    assert!(p.contains(&"Learning Together review report".to_string()));
}

#[test]
fn the_title_goes_into_the_files_properties_escaped() {
    let r = review(ReviewKind::CaseDiscussion, "Child <J> & \"family\"\u{1}");
    let unpacked = Unpacked::of(&case_discussion_notes(&r, None).unwrap());
    let core = roxmltree::Document::parse(unpacked.part("docProps/core.xml")).unwrap();
    let title = core.descendants().find(|n| n.has_tag_name("title")).unwrap().text().unwrap();
    assert_eq!(title, "Case Discussion Notes – Child <J> & \"family\"");
}
