//! Importing a review file: what a person gets back when they open a file someone exported
//! (the same reviews, in any language, from any past version of the app), and the plain
//! refusal they get for anything else: an empty, damaged, foreign, hostile or too-new file
//! is turned away whole, and never crashes the app.

use std::panic;

use case_review_studio::model::{Review, ReviewKind};
use case_review_studio::storage::file_reading::{FileReading, ReadingProgress};
use case_review_studio::storage::file_format::{
    read_file, read_file_bytes, read_file_with_histories, write_file, CURRENT_FORMAT_VERSION, FORMAT_NAME, MAX_FILE_BYTES, MAX_NESTING_DEPTH,
    MAX_REVIEWS_PER_FILE, MAX_TEXT_CHARS,
};
use case_review_studio::storage::import_error::ImportError;
use chrono::{DateTime, TimeZone, Utc};
use serde_json::{json, Value};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------
// Reviews and files to work with
// ---------------------------------------------------------------------------------------

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 15, 0).unwrap()
}

fn child_j() -> Review {
    let mut review = Review::new(Uuid::from_u128(0x11), ReviewKind::CaseDiscussion, at(2, 9));
    review.rename("Child J", at(2, 9));
    review.edit_case_discussion(at(2, 10), |cd| {
        cd.header.child_name = "Child J".into();
        cd.add_worry("Missed hearing appointments");
        cd.add_worry("Often hungry at nursery");
        cd.add_worry("Mum isolated after two moves");
        cd.add_strength("Nursery raised concerns quickly");
        cd.tree.focal_point = "J's hearing went unchecked".into();
        cd.tree.add_cause("Letters sent to an old address");
        cd.tree.add_effect("Speech delay");
    });
    review
}

fn family_k() -> Review {
    let mut review = Review::new(
        Uuid::from_u128(0x22),
        ReviewKind::LearningTogether,
        at(3, 9),
    );
    review.rename("Family K systems review", at(3, 9));
    review.edit_learning_together(at(3, 10), |lt| {
        lt.family_pseudonym = "Family K".into();
        lt.add_participant("Social worker", "Children's services");
    });
    review
}

/// A good current-version file, as a value to spoil.
fn good_file() -> Value {
    serde_json::from_str(&write_file(&[child_j(), family_k()], at(4, 12))).unwrap()
}

/// A good current-version file with one change made to it.
fn file_with(change: impl FnOnce(&mut Value)) -> String {
    let mut file = good_file();
    change(&mut file);
    serde_json::to_string_pretty(&file).unwrap()
}

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/format-v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path} is missing: {e}"))
}

/// Reads a file that must be refused, checking that reading it neither panics nor imports
/// anything, and that the refusal is told as a calm sentence.
fn refused(text: &str) -> ImportError {
    let error = match panic::catch_unwind(|| read_file(text)) {
        Ok(Err(error)) => error,
        Ok(Ok(reviews)) => panic!("the file was accepted with {} reviews", reviews.len()),
        Err(_) => panic!("reading the file panicked"),
    };
    let message = error.to_string();
    assert!(
        message.starts_with(char::is_uppercase),
        "message should be a sentence: {message}"
    );
    assert!(
        message.ends_with('.'),
        "message should be a full sentence: {message}"
    );
    error
}

fn malformed_at(text: &str) -> String {
    match refused(text) {
        ImportError::Malformed { path, .. } => path,
        other => panic!("expected Malformed, got {other:?}"),
    }
}

fn imported(text: &str) -> Vec<Review> {
    match panic::catch_unwind(|| read_file(text)) {
        Ok(Ok(reviews)) => reviews,
        Ok(Err(error)) => panic!("the file was refused: {error:?}: {error}"),
        Err(_) => panic!("reading the file panicked"),
    }
}

// ---------------------------------------------------------------------------------------
// What comes back is what was saved
// ---------------------------------------------------------------------------------------

#[test]
fn import_gives_back_exactly_the_reviews_that_were_exported() {
    let reviews = vec![child_j(), family_k()];
    assert_eq!(imported(&write_file(&reviews, at(4, 12))), reviews);
}

#[test]
fn text_in_any_language_survives_export_and_import_unchanged() {
    let texts = [
        "Mae'r plentyn yn hoffi darllen gyda'i nain — ŵ ŷ â ê î ô û",
        "Zażółć gęślą jaźń; Łódź, Kraków",
        "Feels safe with 🧸 and 👩‍👧‍👦 (family of three) ✔️",
        "الطفل يحب الرسم في المدرسة",
        "הילד אוהב לצייר",
        "Mixed: J said \"مرحبا\" then laughed",
        "combining e\u{301} and zero\u{200b}width and \u{202e}reversed\u{202c}",
        "tabs\tand\nnew lines\r\nand a backslash \\ and \"quotes\" and a \u{0} nul",
    ];
    let mut review = child_j();
    review.rename(texts[0], at(5, 9));
    review.edit_case_discussion(at(5, 10), |cd| {
        cd.about_child = texts.join("\n");
        for text in texts {
            cd.add_worry(text);
        }
    });
    let mut other = family_k();
    other.edit_learning_together(at(5, 11), |lt| lt.family_pseudonym = texts[3].into());

    let reviews = vec![review, other];
    assert_eq!(imported(&write_file(&reviews, at(5, 12))), reviews);
}

#[test]
fn empty_reviews_of_both_methods_survive_export_and_import() {
    let reviews = vec![
        Review::new(Uuid::from_u128(1), ReviewKind::CaseDiscussion, at(6, 9)),
        Review::new(Uuid::from_u128(2), ReviewKind::LearningTogether, at(6, 9)),
    ];
    let back = imported(&write_file(&reviews, at(6, 10)));
    assert_eq!(back, reviews);
    assert_eq!(back[0].kind(), ReviewKind::CaseDiscussion);
    assert_eq!(back[1].kind(), ReviewKind::LearningTogether);
}

#[test]
fn times_keep_their_fractions_of_a_second_and_the_last_export_is_remembered() {
    let mut review = child_j();
    review.updated = Utc.timestamp_opt(1_772_000_000, 123_456_789).unwrap();
    review.mark_exported(review.updated);
    let back = imported(&write_file(&[review.clone()], at(7, 9)));
    assert_eq!(back, vec![review]);
}

#[test]
fn markup_typed_into_a_review_is_imported_as_plain_text() {
    let hostile = [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "{{constructor.constructor('alert(1)')()}}",
        "'; DROP TABLE reviews; --",
        "=HYPERLINK(\"http://example.invalid\")",
    ];
    let mut review = child_j();
    review.rename(hostile[0], at(8, 9));
    review.edit_case_discussion(at(8, 10), |cd| {
        for text in hostile {
            cd.add_worry(text);
        }
    });
    let back = imported(&write_file(&[review.clone()], at(8, 11)));
    assert_eq!(back, vec![review]);
    assert_eq!(back[0].title, "<script>alert('x')</script>");
}

#[test]
fn fields_from_a_newer_app_survive_import_and_the_next_export() {
    let text = file_with(|file| {
        file["reviews"][0]["risk_rating"] =
            json!({ "level": "amber", "history": [1, 2.5, null, "x"] });
        file["reviews"][1]["tags"] = json!(["pilot"]);
    });
    let reviews = imported(&text);
    assert_eq!(reviews[0].unknown["risk_rating"]["level"], "amber");

    let written: Value = serde_json::from_str(&write_file(&reviews, at(9, 9))).unwrap();
    assert_eq!(
        written["reviews"][0]["risk_rating"],
        json!({ "level": "amber", "history": [1, 2.5, null, "x"] })
    );
    assert_eq!(written["reviews"][1]["tags"], json!(["pilot"]));
}

#[test]
fn an_export_is_one_readable_file_that_names_the_app_and_its_format_version() {
    let text = write_file(&[child_j()], at(10, 9));
    assert!(
        text.starts_with("{\n  \"format\": \"case-review-studio\""),
        "{text}"
    );
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], FORMAT_NAME);
    assert_eq!(file["version"], json!(CURRENT_FORMAT_VERSION));
    assert_eq!(file["exported_at"], "2026-03-10T09:15:00Z");
    assert_eq!(file["reviews"].as_array().unwrap().len(), 1);
    assert!(file["reviews"][0]["body"]["case_discussion"].is_object());
}

#[test]
fn a_file_saved_by_a_windows_editor_with_a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", write_file(&[child_j()], at(11, 9)));
    assert_eq!(imported(&text), vec![child_j()]);
}

#[test]
fn brackets_and_escaped_quotes_inside_text_do_not_count_as_nesting() {
    let mut review = child_j();
    let brackets = format!("{}\\\"{}\\", "[{".repeat(5_000), "}]".repeat(5_000));
    review.rename(&brackets, at(12, 9));
    review.edit_case_discussion(at(12, 10), |cd| {
        cd.about_child = "\"[[[[\\\"{{{{\\\\".repeat(1_000)
    });
    assert_eq!(
        imported(&write_file(&[review.clone()], at(12, 11))),
        vec![review]
    );
}

#[test]
fn a_long_but_reasonable_piece_of_text_is_accepted() {
    let mut review = child_j();
    review.edit_case_discussion(at(13, 9), |cd| cd.about_child = "é".repeat(MAX_TEXT_CHARS));
    assert_eq!(
        imported(&write_file(&[review.clone()], at(13, 10))),
        vec![review]
    );
}

// ---------------------------------------------------------------------------------------
// Files from every past version keep opening
// ---------------------------------------------------------------------------------------

#[test]
fn every_format_version_has_a_frozen_example_file_that_still_opens() {
    for version in 1..=CURRENT_FORMAT_VERSION {
        let text = fixture(version);
        let file: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            file["version"],
            json!(version),
            "format-v{version}.json says another version"
        );
        assert!(
            !imported(&text).is_empty(),
            "format-v{version}.json holds no reviews"
        );
    }
}

#[test]
fn a_version_1_file_is_upgraded_and_opens_with_all_its_content() {
    let reviews = imported(&fixture(1));
    assert_eq!(reviews.len(), 1);
    let review = &reviews[0];
    assert_eq!(
        review.id,
        Uuid::parse_str("3b0f6f2a-8c1d-4e57-9a4b-2d7c5e1f0a93").unwrap()
    );
    assert_eq!(review.title, "Child J – missed health appointments");
    assert_eq!(review.kind(), ReviewKind::CaseDiscussion);
    assert_eq!(
        review.created,
        Utc.with_ymd_and_hms(2025, 9, 15, 9, 2, 11).unwrap()
    );
    assert_eq!(review.last_exported, None);
    assert!(review.unknown.is_empty());

    let cd = review.case_discussion().unwrap();
    assert_eq!(cd.header.child_name, "Child J");
    assert_eq!(cd.header.attendees.len(), 3);
    assert_eq!(
        cd.header.attendees[1].second_hat,
        "Speaking for the GP practice"
    );
    let worries: Vec<&str> = cd.worries.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(
        worries,
        [
            "J is often hungry on arrival at nursery",
            "Mum may be isolated after the moves",
            "No one agency knew about both missed appointments",
        ]
    );
    assert_eq!(
        cd.tree.focal_point,
        "J's hearing problem went unchecked for six months"
    );
    assert_eq!(
        cd.tree.causes[0].children[0].text,
        "Change of address not shared between agencies"
    );
    assert_eq!(cd.tree.len(), 4);
    assert_eq!(cd.actions[0].who_by, "Health visitor");
    // Sections that version 1 did not have yet start empty.
    assert!(cd.people_to_involve.is_empty());
    assert_eq!(cd.outcome.agreement, "");
}

#[test]
fn a_version_2_file_opens_with_both_of_its_reviews() {
    let reviews = imported(&fixture(2));
    assert_eq!(reviews.len(), 2);

    let child_j = &reviews[0];
    assert_eq!(child_j.title, "Child J – missed health appointments");
    assert_eq!(
        child_j.last_exported,
        Some(Utc.with_ymd_and_hms(2026, 1, 20, 10, 0, 0).unwrap())
    );
    let cd = child_j.case_discussion().unwrap();
    assert_eq!(cd.worries.len(), 3);
    assert_eq!(
        cd.tree.causes[0].children[0].children[0].text,
        "No shared record of family moves"
    );
    assert_eq!(cd.people_to_involve[0].who, "Housing officer");
    assert_eq!(cd.information_gaps[1].by_when, None);
    assert!(cd.outcome.dissent.starts_with("Nursery felt"));

    let family_k = &reviews[1];
    assert_eq!(family_k.kind(), ReviewKind::LearningTogether);
    let lt = family_k.learning_together().unwrap();
    assert_eq!(lt.family_pseudonym, "Family K");
    assert_eq!(lt.participants.len(), 4);
    assert_eq!(lt.participants[3].role, "Older sibling");
}

#[test]
fn a_version_1_review_carries_on_as_the_same_review_in_the_current_format() {
    let upgraded = imported(&fixture(1));
    let rewritten = write_file(&upgraded, at(14, 9));
    assert_eq!(imported(&rewritten), upgraded);
}

// ---------------------------------------------------------------------------------------
// Refused: empty, not JSON, not ours
// ---------------------------------------------------------------------------------------

#[test]
fn import_refuses_an_empty_file() {
    assert_eq!(refused(""), ImportError::Empty);
}

#[test]
fn import_refuses_a_file_of_only_spaces_and_line_breaks() {
    assert_eq!(refused("  \n\t\r\n  "), ImportError::Empty);
}

#[test]
fn import_refuses_a_file_holding_only_a_byte_order_mark() {
    assert_eq!(refused("\u{feff}"), ImportError::Empty);
    assert_eq!(refused("\u{feff}\n\n"), ImportError::Empty);
}

#[test]
fn import_refuses_a_picture() {
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
        0xff, 0xfe,
    ];
    assert!(matches!(
        refused(&String::from_utf8_lossy(&png)),
        ImportError::NotJson { line: 1, .. }
    ));
}

#[test]
fn import_refuses_a_file_of_nul_bytes_and_control_characters() {
    assert!(matches!(
        refused("\0\0\0\u{7}\u{1b}[0m"),
        ImportError::NotJson { .. }
    ));
    // Raw control characters are not allowed inside JSON text either.
    let text = file_with(|_| {}).replace("Child J", "Child\u{1}J");
    assert!(matches!(refused(&text), ImportError::NotJson { .. }));
}

#[test]
fn import_refuses_an_export_cut_short() {
    let whole = fixture(2);
    let half = &whole[..whole.len() / 2];
    assert!(matches!(refused(half), ImportError::NotJson { .. }));
}

#[test]
fn import_refuses_a_web_page() {
    let page = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>";
    assert_eq!(refused(page), ImportError::NotJson { line: 1, column: 1 });
}

#[test]
fn import_refuses_a_spreadsheet_saved_as_csv() {
    let csv = "Action,Who by,Due\n\"Re-book hearing test\",Health visitor,2025-09-29\n";
    assert!(matches!(refused(csv), ImportError::NotJson { .. }));
    assert!(matches!(
        refused("1,2,3\n4,5,6\n"),
        ImportError::NotJson { .. }
    ));
}

#[test]
fn import_refuses_text_with_a_broken_character_escape() {
    let text = file_with(|_| {}).replace("Child J", "Child \\ud800 J");
    assert!(matches!(refused(&text), ImportError::NotJson { .. }));
}

#[test]
fn import_refuses_a_file_with_more_after_the_reviews() {
    let text = format!(
        "{}\n{{\"format\": \"case-review-studio\"}}",
        write_file(&[child_j()], at(2, 9))
    );
    assert!(matches!(refused(&text), ImportError::NotJson { .. }));
}

#[test]
fn import_refuses_hand_edited_json_with_comments_or_trailing_commas() {
    let text = write_file(&[child_j()], at(2, 9));
    let commented = text.replacen('{', "{ // edited by hand\n", 1);
    assert!(matches!(
        refused(&commented),
        ImportError::NotJson { line: 1, .. }
    ));
    let trailing = text.replacen("\"version\": 3,", "\"version\": 3,,", 1);
    assert!(matches!(
        refused(&trailing),
        ImportError::NotJson { line: 3, .. }
    ));
}

#[test]
fn import_refuses_a_list_instead_of_a_file() {
    let reviews = &good_file()["reviews"];
    assert_eq!(refused(&reviews.to_string()), ImportError::NotAReviewFile);
    assert_eq!(refused("[]"), ImportError::NotAReviewFile);
}

#[test]
fn import_refuses_a_single_value_that_is_not_an_object() {
    for text in ["\"case-review-studio\"", "2", "-0.5", "null", "true"] {
        assert_eq!(refused(text), ImportError::NotAReviewFile, "{text}");
    }
}

#[test]
fn import_refuses_a_file_that_does_not_name_its_app() {
    let text = file_with(|file| {
        file.as_object_mut().unwrap().remove("format");
    });
    assert_eq!(refused(&text), ImportError::NotAReviewFile);
    assert_eq!(refused("{}"), ImportError::NotAReviewFile);
}

#[test]
fn import_refuses_a_file_whose_app_name_is_not_text() {
    for format in [
        json!(2),
        json!(null),
        json!(["case-review-studio"]),
        json!({ "name": FORMAT_NAME }),
    ] {
        let text = file_with(|file| file["format"] = format.clone());
        assert_eq!(refused(&text), ImportError::NotAReviewFile, "{format}");
    }
}

#[test]
fn import_refuses_a_file_from_another_app() {
    let drawing = r#"{"type": "excalidraw", "version": 2, "source": "https://excalidraw.com", "elements": []}"#;
    assert_eq!(refused(drawing), ImportError::NotAReviewFile);
    let text = file_with(|file| file["format"] = json!("case-review-studio-pro"));
    assert_eq!(refused(&text), ImportError::NotAReviewFile);
}

#[test]
fn import_refuses_an_app_name_spelt_differently() {
    for format in [
        "Case-Review-Studio",
        " case-review-studio",
        "case review studio",
    ] {
        let text = file_with(|file| file["format"] = json!(format));
        assert_eq!(refused(&text), ImportError::NotAReviewFile, "{format}");
    }
}

// ---------------------------------------------------------------------------------------
// Refused: versions that are missing, nonsense or too new
// ---------------------------------------------------------------------------------------

fn with_version(version: Value) -> String {
    file_with(|file| file["version"] = version)
}

#[test]
fn import_refuses_a_file_without_a_version() {
    let text = file_with(|file| {
        file.as_object_mut().unwrap().remove("version");
    });
    assert_eq!(refused(&text), ImportError::BadVersion);
}

#[test]
fn import_refuses_a_negative_version() {
    assert_eq!(refused(&with_version(json!(-1))), ImportError::BadVersion);
    assert_eq!(
        refused(&with_version(json!(i64::MIN))),
        ImportError::BadVersion
    );
}

#[test]
fn import_refuses_a_version_that_is_not_a_whole_number() {
    assert_eq!(refused(&with_version(json!(1.5))), ImportError::BadVersion);
    assert_eq!(refused(&with_version(json!(2.5))), ImportError::BadVersion);
    assert_eq!(refused(&with_version(json!(-2.0))), ImportError::BadVersion);
    let half = file_with(|_| {}).replacen("\"version\": 3", "\"version\": 25e-1", 1);
    assert_eq!(refused(&half), ImportError::BadVersion);
}

#[test]
fn import_reads_a_whole_version_written_with_a_decimal_point() {
    let expected = vec![child_j(), family_k()];
    assert_eq!(imported(&with_version(json!(3.0))), expected);
    let exponent = file_with(|_| {}).replacen("\"version\": 3", "\"version\": 3e0", 1);
    assert_eq!(imported(&exponent), expected);
    let point = file_with(|_| {}).replacen("\"version\": 3", "\"version\": 3.000", 1);
    assert_eq!(imported(&point), expected);
    // A version 1 file written as 1.0 is upgraded like any version 1 file.
    let v1 = fixture(1).replacen("\"version\": 1", "\"version\": 1.0", 1);
    assert_eq!(imported(&v1), imported(&fixture(1)));
    // A version 2 file written as 2.0 is read as version 2.
    let v2 = fixture(2).replacen("\"version\": 2", "\"version\": 2.0", 1);
    assert_eq!(imported(&v2), imported(&fixture(2)));
    assert_eq!(
        refused(&with_version(json!(4.0))),
        ImportError::TooNew { found: 4, supported: CURRENT_FORMAT_VERSION }
    );
}

#[test]
fn import_refuses_a_version_written_as_text() {
    assert_eq!(refused(&with_version(json!("2"))), ImportError::BadVersion);
    assert_eq!(
        refused(&with_version(json!("two"))),
        ImportError::BadVersion
    );
}

#[test]
fn import_refuses_a_version_that_is_not_a_number_at_all() {
    for version in [json!(null), json!(true), json!([2]), json!({ "major": 2 })] {
        assert_eq!(
            refused(&with_version(version.clone())),
            ImportError::BadVersion,
            "{version}"
        );
    }
}

#[test]
fn import_refuses_a_version_too_big_to_be_a_whole_number() {
    let text =
        file_with(|_| {}).replacen("\"version\": 3", "\"version\": 184467440737095516160000", 1);
    assert_eq!(refused(&text), ImportError::BadVersion);
}

#[test]
fn import_refuses_version_zero() {
    assert_eq!(refused(&with_version(json!(0))), ImportError::BadVersion);
}

#[test]
fn import_refuses_a_file_from_a_newer_version() {
    let newer = CURRENT_FORMAT_VERSION + 1;
    // Even though every review in it would read, a newer file might hold things this
    // version would silently drop.
    let error = refused(&with_version(json!(newer)));
    assert_eq!(
        error,
        ImportError::TooNew {
            found: newer.into(),
            supported: CURRENT_FORMAT_VERSION
        }
    );
}

#[test]
fn import_explains_a_newer_file_in_plain_words() {
    let error = refused(&with_version(json!(7)));
    assert_eq!(
        error.to_string(),
        "This file was saved by a newer version of Case Review Studio (file format 7). This \
         version reads formats up to 3. Nothing was imported; please use the newer version or \
         ask whoever sent it for an older export."
    );
}

#[test]
fn import_refuses_a_file_from_a_version_far_in_the_future() {
    let error = refused(&with_version(json!(99_999_999_999u64)));
    assert_eq!(
        error,
        ImportError::TooNew {
            found: 99_999_999_999,
            supported: CURRENT_FORMAT_VERSION
        }
    );
    let error = refused(&with_version(json!(u64::MAX)));
    assert_eq!(
        error,
        ImportError::TooNew {
            found: u64::MAX,
            supported: CURRENT_FORMAT_VERSION
        }
    );
}

// ---------------------------------------------------------------------------------------
// Refused: too big, too deep, too long
// ---------------------------------------------------------------------------------------

#[test]
fn import_refuses_a_file_bigger_than_the_limit_before_reading_it() {
    let huge = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        refused(&huge),
        ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        }
    );
}

#[test]
fn import_refuses_a_hundred_thousand_open_brackets_without_crashing() {
    assert_eq!(
        refused(&"[".repeat(100_000)),
        ImportError::TooDeep {
            limit: MAX_NESTING_DEPTH
        }
    );
    assert_eq!(
        refused(&"{\"a\":".repeat(100_000)),
        ImportError::TooDeep {
            limit: MAX_NESTING_DEPTH
        }
    );
}

#[test]
fn import_refuses_deep_nesting_hidden_inside_a_review() {
    let deep = format!(
        "{}1{}",
        "[".repeat(MAX_NESTING_DEPTH),
        "]".repeat(MAX_NESTING_DEPTH)
    );
    let text = file_with(|file| file["reviews"][0]["extra"] = serde_json::from_str(&deep).unwrap());
    assert_eq!(
        refused(&text),
        ImportError::TooDeep {
            limit: MAX_NESTING_DEPTH
        }
    );
}

#[test]
fn import_refuses_an_analysis_tree_deeper_than_any_real_discussion() {
    let mut node = json!({ "id": 1000, "text": "root cause", "children": [] });
    for id in 0..40 {
        node = json!({ "id": id, "text": "because", "children": [node] });
    }
    let text = file_with(|file| {
        file["reviews"][0]["body"]["case_discussion"]["tree"]["causes"] = json!([node])
    });
    assert_eq!(
        refused(&text),
        ImportError::TooDeep {
            limit: MAX_NESTING_DEPTH
        }
    );
}

#[test]
fn import_accepts_an_analysis_tree_twenty_levels_deep() {
    let mut node = json!({ "id": 1000, "text": "root cause", "children": [] });
    for id in 0..20 {
        node = json!({ "id": id, "text": "because", "children": [node] });
    }
    let text = file_with(|file| {
        file["reviews"][0]["body"]["case_discussion"]["tree"]["causes"] = json!([node])
    });
    let reviews = imported(&text);
    assert_eq!(reviews[0].case_discussion().unwrap().tree.len(), 22);
}

#[test]
fn import_refuses_a_title_longer_than_any_review_needs() {
    let text =
        file_with(|file| file["reviews"][0]["title"] = json!("x".repeat(MAX_TEXT_CHARS + 1)));
    assert_eq!(
        refused(&text),
        ImportError::TextTooLong {
            path: "reviews[0].title".into(),
            limit: MAX_TEXT_CHARS
        }
    );
}

#[test]
fn import_refuses_one_huge_note_and_says_where_it_is() {
    let text = file_with(|file| {
        file["reviews"][0]["body"]["case_discussion"]["worries"][1]["text"] =
            json!("ł".repeat(MAX_TEXT_CHARS + 1));
    });
    assert_eq!(
        refused(&text),
        ImportError::TextTooLong {
            path: "reviews[0].body.case_discussion.worries[1].text".into(),
            limit: MAX_TEXT_CHARS
        }
    );
}

#[test]
fn import_refuses_a_huge_field_name() {
    let name = "k".repeat(MAX_TEXT_CHARS + 1);
    let text = file_with(|file| file["reviews"][1][name.as_str()] = json!(1));
    assert_eq!(
        refused(&text),
        ImportError::TextTooLong {
            path: "reviews[1]".into(),
            limit: MAX_TEXT_CHARS
        }
    );
}

#[test]
fn import_refuses_huge_text_in_a_version_1_file_naming_the_place_in_that_file() {
    let mut file: Value = serde_json::from_str(&fixture(1)).unwrap();
    file["review"]["content"]["about_child"] = json!("a".repeat(MAX_TEXT_CHARS + 1));
    assert_eq!(
        refused(&file.to_string()),
        ImportError::TextTooLong {
            path: "review.content.about_child".into(),
            limit: MAX_TEXT_CHARS
        }
    );
}

#[test]
fn import_refuses_more_reviews_than_one_file_may_hold() {
    let many: Vec<Review> = (0..=MAX_REVIEWS_PER_FILE as u128)
        .map(|n| {
            Review::new(
                Uuid::from_u128(n + 1),
                ReviewKind::LearningTogether,
                at(2, 9),
            )
        })
        .collect();
    assert_eq!(
        refused(&write_file(&many, at(2, 10))),
        ImportError::TooManyReviews {
            count: MAX_REVIEWS_PER_FILE + 1,
            limit: MAX_REVIEWS_PER_FILE
        }
    );
}

#[test]
fn import_refuses_a_file_with_no_reviews() {
    assert_eq!(refused(&write_file(&[], at(2, 9))), ImportError::NoReviews);
}

// ---------------------------------------------------------------------------------------
// Refused: damaged reviews, with the place named
// ---------------------------------------------------------------------------------------

#[test]
fn import_refuses_a_title_that_is_a_number() {
    let text = file_with(|file| file["reviews"][0]["title"] = json!(42));
    assert_eq!(malformed_at(&text), "reviews[0].title");
}

#[test]
fn import_refuses_a_review_body_that_is_plain_text() {
    let text = file_with(|file| file["reviews"][0]["body"] = json!("Notes from the meeting"));
    assert_eq!(malformed_at(&text), "reviews[0].body");
    // The method's name alone is not its content.
    let text = file_with(|file| file["reviews"][0]["body"] = json!("case_discussion"));
    assert!(malformed_at(&text).starts_with("reviews[0].body"));
}

#[test]
fn import_refuses_a_start_date_that_is_not_a_date() {
    for created in [
        json!("last Tuesday"),
        json!("2026-13-01T00:00:00Z"),
        json!(1_772_000_000),
    ] {
        let text = file_with(|file| file["reviews"][0]["created"] = created.clone());
        assert_eq!(malformed_at(&text), "reviews[0].created", "{created}");
    }
}

#[test]
fn import_refuses_a_review_id_that_is_not_an_id() {
    for id in [json!("child-j"), json!(17), json!(""), json!(null)] {
        let text = file_with(|file| file["reviews"][1]["id"] = id.clone());
        assert_eq!(malformed_at(&text), "reviews[1].id", "{id}");
    }
}

#[test]
fn import_refuses_a_review_made_with_a_method_this_version_does_not_know() {
    let text =
        file_with(|file| file["reviews"][1]["body"] = json!({ "rapid_review": { "scope": "x" } }));
    match refused(&text) {
        ImportError::Malformed { path, reason } => {
            assert_eq!(path, "reviews[1].body");
            assert!(reason.contains("rapid_review"), "{reason}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn import_refuses_a_review_body_holding_two_methods_or_none() {
    let two = file_with(|file| {
        file["reviews"][0]["body"]["learning_together"] = json!({});
    });
    assert_eq!(malformed_at(&two), "reviews[0].body");
    let none = file_with(|file| file["reviews"][0]["body"] = json!({}));
    assert_eq!(malformed_at(&none), "reviews[0].body");
}

#[test]
fn import_refuses_a_worry_whose_text_is_a_number_and_says_which_worry() {
    let text = file_with(|file| {
        file["reviews"][0]["body"]["case_discussion"]["worries"][2]["text"] = json!(3)
    });
    assert_eq!(
        malformed_at(&text),
        "reviews[0].body.case_discussion.worries[2].text"
    );
}

#[test]
fn import_refuses_a_tree_box_whose_children_are_not_a_list() {
    let text = file_with(|file| {
        file["reviews"][0]["body"]["case_discussion"]["tree"]["causes"][0]["children"] =
            json!("none");
    });
    assert_eq!(
        malformed_at(&text),
        "reviews[0].body.case_discussion.tree.causes[0].children"
    );
}

#[test]
fn import_refuses_a_negative_item_number() {
    let text = file_with(|file| {
        file["reviews"][0]["body"]["case_discussion"]["worries"][0]["id"] = json!(-4)
    });
    assert_eq!(
        malformed_at(&text),
        "reviews[0].body.case_discussion.worries[0].id"
    );
}

#[test]
fn import_refuses_a_discussion_date_that_does_not_exist() {
    let text = file_with(|file| {
        file["reviews"][0]["body"]["case_discussion"]["header"]["date_of_discussion"] =
            json!("2025-02-30");
    });
    assert_eq!(
        malformed_at(&text),
        "reviews[0].body.case_discussion.header.date_of_discussion"
    );
}

#[test]
fn import_refuses_a_thought_marked_as_neither_fact_nor_feeling() {
    let text = file_with(|file| {
        file["reviews"][0]["body"]["case_discussion"]["immediate_thoughts"] =
            json!([{ "id": 30, "text": "x", "marked_as": "opinion" }]);
    });
    assert_eq!(
        malformed_at(&text),
        "reviews[0].body.case_discussion.immediate_thoughts[0].marked_as"
    );
}

#[test]
fn import_refuses_a_last_export_time_that_is_not_a_time() {
    let text = file_with(|file| file["reviews"][1]["last_exported"] = json!("soon"));
    assert_eq!(malformed_at(&text), "reviews[1].last_exported");
}

#[test]
fn import_refuses_a_review_missing_its_title() {
    let text = file_with(|file| {
        file["reviews"][0].as_object_mut().unwrap().remove("title");
    });
    match refused(&text) {
        ImportError::Malformed { path, reason } => {
            assert_eq!(path, "reviews[0]");
            assert!(reason.contains("title"), "{reason}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn import_refuses_a_review_that_is_not_an_object() {
    let text = file_with(|file| file["reviews"][1] = json!(["Family K"]));
    assert_eq!(malformed_at(&text), "reviews[1]");
}

#[test]
fn import_refuses_reviews_that_are_not_a_list() {
    let text = file_with(|file| file["reviews"] = json!({ "0": file["reviews"][0].clone() }));
    assert_eq!(malformed_at(&text), "reviews");
}

#[test]
fn import_refuses_a_current_file_without_its_reviews() {
    let text = file_with(|file| {
        file.as_object_mut().unwrap().remove("reviews");
    });
    match refused(&text) {
        ImportError::Malformed { path, reason } => {
            assert_eq!(path, "");
            assert!(reason.contains("reviews"), "{reason}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn import_refuses_an_export_time_that_is_not_a_time() {
    let text = file_with(|file| file["exported_at"] = json!(["today"]));
    assert_eq!(malformed_at(&text), "exported_at");
}

#[test]
fn import_refuses_a_file_holding_the_same_review_twice() {
    let mut edited = child_j();
    edited.rename("Child J (edited copy)", at(20, 9));
    let text = write_file(&[child_j(), family_k(), edited], at(20, 10));
    assert_eq!(
        refused(&text),
        ImportError::DuplicateReview { id: child_j().id }
    );
}

#[test]
fn import_refuses_a_version_1_file_without_its_review() {
    let mut file: Value = serde_json::from_str(&fixture(1)).unwrap();
    file.as_object_mut().unwrap().remove("review");
    assert_eq!(malformed_at(&file.to_string()), "");
}

#[test]
fn import_refuses_a_version_1_review_of_an_unknown_method() {
    let mut file: Value = serde_json::from_str(&fixture(1)).unwrap();
    file["review"]["kind"] = json!("signs_of_safety");
    assert_eq!(malformed_at(&file.to_string()), "review.kind");
}

#[test]
fn import_refuses_a_current_file_labelled_as_version_1() {
    let text = with_version(json!(1));
    assert_eq!(malformed_at(&text), "");
}

// ---------------------------------------------------------------------------------------
// Nothing panics
// ---------------------------------------------------------------------------------------

#[test]
fn an_export_cut_short_at_any_point_is_refused_without_crashing() {
    let whole = fixture(2);
    // Cutting only the final line break leaves the file whole.
    let complete = whole.trim_end().len();
    for end in (0..complete).filter(|&end| whole.is_char_boundary(end)) {
        match panic::catch_unwind(|| read_file(&whole[..end])) {
            Ok(Err(_)) => {}
            Ok(Ok(_)) => panic!("a file cut at byte {end} was accepted"),
            Err(_) => panic!("a file cut at byte {end} crashed the import"),
        }
    }
}

#[test]
fn an_export_with_any_one_character_spoilt_never_crashes_the_import() {
    let whole = fixture(2);
    for (at, _) in whole.char_indices() {
        for spoiler in ['"', '}', '\\'] {
            let mut spoilt = whole.clone();
            let len = spoilt[at..].chars().next().map_or(0, char::len_utf8);
            spoilt.replace_range(at..at + len, spoiler.encode_utf8(&mut [0; 4]));
            assert!(
                panic::catch_unwind(|| read_file(&spoilt)).is_ok(),
                "{spoiler:?} at {at} crashed"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Read strictly: bytes that are not text, names given twice
// ---------------------------------------------------------------------------------------

/// Reads raw bytes that must be refused, as [`refused`] does for text.
fn refused_bytes(bytes: &[u8]) -> ImportError {
    let error = match panic::catch_unwind(|| read_file_bytes(bytes)) {
        Ok(Err(error)) => error,
        Ok(Ok(reviews)) => panic!("the file was accepted with {} reviews", reviews.len()),
        Err(_) => panic!("reading the file panicked"),
    };
    let message = error.to_string();
    assert!(message.starts_with(char::is_uppercase) && message.ends_with('.'), "{message}");
    error
}

/// The bytes of a good file with `bad` put in place of the first `Child J`.
fn file_bytes_with(bad: &[u8]) -> Vec<u8> {
    let text = file_with(|_| {});
    let at = text.find("Child J").unwrap();
    let mut bytes = text.as_bytes()[..at].to_vec();
    bytes.extend_from_slice(bad);
    bytes.extend_from_slice(&text.as_bytes()[at + "Child J".len()..]);
    bytes
}

/// The line and column (in characters, from 1) of the first `Child J` in a good file.
fn place_of_child_j() -> (usize, usize) {
    let text = file_with(|_| {});
    let before = &text[..text.find("Child J").unwrap()];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

#[test]
fn import_refuses_bytes_that_are_not_text_inside_a_review_and_says_where() {
    let (line, column) = place_of_child_j();
    // A lone continuation byte, a Latin-1 "é", an overlong "/", a UTF-16 surrogate, a
    // character cut short, and bytes no UTF-8 text ever holds.
    let spoilers: [&[u8]; 6] = [b"\x80", b"Caf\xe9", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe2\x82", b"\xff\xfe"];
    for bad in spoilers {
        let mut expected_column = column;
        // Text before the bad byte on the same line moves it along.
        if bad.starts_with(b"Caf") {
            expected_column += 3;
        }
        assert_eq!(
            refused_bytes(&file_bytes_with(bad)),
            ImportError::NotText { line, column: expected_column },
            "{bad:?}"
        );
    }
    let message = refused_bytes(&file_bytes_with(b"\x80")).to_string();
    assert!(message.contains(&format!("from line {line}, column {column}")), "{message}");
    assert!(message.contains("not plain text") && message.contains("Nothing was imported"), "{message}");
}

#[test]
fn import_refuses_bytes_that_are_not_text_anywhere_in_the_file() {
    let text = file_with(|_| {});
    // In a field name, in white space, at the very start and the very end.
    let name = text.replacen("\"title\"", "\"ti\u{1}tle\"", 1).into_bytes();
    let name: Vec<u8> = name.iter().map(|&b| if b == 1 { 0xfe } else { b }).collect();
    assert!(matches!(refused_bytes(&name), ImportError::NotText { .. }));
    let mut start = vec![0xff];
    start.extend_from_slice(text.as_bytes());
    assert_eq!(refused_bytes(&start), ImportError::NotText { line: 1, column: 1 });
    let mut end = text.as_bytes().to_vec();
    end.push(0xc3);
    let last_line = text.matches('\n').count() + 1;
    assert!(matches!(refused_bytes(&end), ImportError::NotText { line, .. } if line == last_line));
    // Far into a large file, past the first piece the reading looks at.
    let many: Vec<Review> = (0..400u128).map(|i| numbered_review(i)).collect();
    let big = write_file(&many, at(4, 12));
    assert!(big.len() > 2 * case_review_studio::storage::file_reading::SCAN_BYTES_PER_STEP);
    let at_byte = big.rfind("Review 399").unwrap();
    let mut bytes = big.as_bytes().to_vec();
    bytes[at_byte] = 0x80;
    let line = big[..at_byte].matches('\n').count() + 1;
    assert!(matches!(refused_bytes(&bytes), ImportError::NotText { line: l, .. } if l == line));
}

#[test]
fn a_picture_is_refused_as_not_text_rather_than_read_with_stand_in_characters() {
    let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R'];
    assert_eq!(refused_bytes(&png), ImportError::NotText { line: 1, column: 1 });
}

#[test]
fn import_refuses_a_name_given_twice_at_the_top_of_the_file() {
    let once = "\"format\": \"case-review-studio\",";
    let text = file_with(|_| {}).replacen(once, &format!("{once}\n  {once}"), 1);
    let line = text[..text.find(once).unwrap()].matches('\n').count() + 2;
    assert_eq!(line, 4);
    let error = refused(&text);
    assert_eq!(error, ImportError::DuplicateName { name: "format".into(), path: String::new(), line: 4 });
    let message = error.to_string();
    assert!(message.contains("gives “format” twice"), "{message}");
    assert!(message.contains("at the top of the file, line 4"), "{message}");
}

#[test]
fn import_refuses_a_name_given_twice_inside_a_review_and_says_where() {
    let text = file_with(|file| {
        file["reviews"][1]["title"] = json!("TITLE-MARK");
    });
    let text = text.replacen("\"title\": \"TITLE-MARK\"", "\"title\": \"One\", \"title\": \"Two\"", 1);
    let line = text[..text.find("\"Two\"").unwrap()].matches('\n').count() + 1;
    assert_eq!(
        refused(&text),
        ImportError::DuplicateName { name: "title".into(), path: "reviews[1]".into(), line }
    );
    // Deep inside: a worry with two texts.
    let text = file_with(|_| {}).replacen(
        "\"text\": \"Missed hearing appointments\"",
        "\"text\": \"Missed hearing appointments\", \"text\": \"Attended\"",
        1,
    );
    match refused(&text) {
        ImportError::DuplicateName { name, path, .. } => {
            assert_eq!(name, "text");
            assert_eq!(path, "reviews[0].body.case_discussion.worries[0]");
        }
        other => panic!("expected DuplicateName, got {other:?}"),
    }
}

#[test]
fn import_refuses_a_name_given_twice_even_when_written_differently() {
    // `\u0074itle` is `title` spelt with an escape: the same name to any JSON reader.
    let text = file_with(|_| {}).replacen("\"title\":", "\"\\u0074itle\": \"x\", \"title\":", 1);
    assert!(matches!(refused(&text), ImportError::DuplicateName { name, .. } if name == "title"));
}

#[test]
fn the_same_name_in_different_objects_is_fine() {
    // Every review has a title; every worry has a text: that is not a name given twice.
    let expected = vec![child_j(), family_k()];
    assert_eq!(imported(&write_file(&expected, at(4, 12))), expected);
    // A version 1 file with a name twice is refused too.
    let v1 = fixture(1).replacen("\"version\": 1,", "\"version\": 1, \"format\": \"x\",", 1);
    assert!(matches!(refused(&v1), ImportError::DuplicateName { name, .. } if name == "format"));
}

// ---------------------------------------------------------------------------------------
// A large file is read a piece at a time, with the same result
// ---------------------------------------------------------------------------------------

fn numbered_review(i: u128) -> Review {
    let mut review = Review::new(Uuid::from_u128(0x1000 + i), ReviewKind::CaseDiscussion, at(2, 9));
    review.rename(&format!("Review {i}"), at(2, 9));
    review.edit_case_discussion(at(2, 10), |cd| {
        cd.about_child = "Likes drawing; lives with mum and two brothers. ".repeat(40);
        cd.add_worry("Missed hearing appointments");
        cd.add_strength("Nursery raised concerns quickly");
    });
    review
}

#[test]
fn a_large_file_read_step_by_step_gives_back_every_review_and_says_how_far_it_has_got() {
    let reviews: Vec<Review> = (0..600u128).map(numbered_review).collect();
    let text = write_file(&reviews, at(4, 12));
    let mut reading = FileReading::new(text.as_bytes());
    let mut steps = 0;
    let mut seen = Vec::new();
    let outcome = loop {
        seen.push(reading.progress());
        if let Some(outcome) = reading.step() {
            break outcome;
        }
        steps += 1;
    };
    assert_eq!(outcome.unwrap().into_iter().map(|r| r.review).collect::<Vec<_>>(), reviews);
    assert!(steps > 10, "only {steps} steps");
    assert!(seen.contains(&ReadingProgress::CheckingReviews { done: 0, total: 600 }), "{seen:?}");
    assert!(seen.iter().any(|p| matches!(p, ReadingProgress::CheckingFile { done, total } if *done > 0 && done < total)));
    assert!(seen.iter().any(|p| matches!(p, ReadingProgress::CheckingReviews { done, .. } if *done > 0 && *done < 600)));
}

#[test]
fn damaged_json_inside_a_review_is_placed_where_a_one_go_reader_would_place_it() {
    let reviews: Vec<Review> = (0..30u128).map(numbered_review).collect();
    let text = write_file(&reviews, at(4, 12));
    for (target, spoiler) in [("Review 17", "Review \u{1} 17"), ("\"Review 3\",", "\"Review 3\""), ("\"Review 29\"", "Review 29\"")] {
        let spoilt = text.replacen(target, spoiler, 1);
        let one_go = serde_json::from_str::<Value>(&spoilt).unwrap_err();
        assert_eq!(
            refused(&spoilt),
            ImportError::NotJson { line: one_go.line(), column: one_go.column() },
            "{spoiler}"
        );
    }
}

#[test]
fn commas_in_the_list_of_reviews_are_checked() {
    let text = write_file(&[child_j(), family_k()], at(4, 12));
    let reviews_at = text.find("\"reviews\": [").unwrap() + "\"reviews\": [".len();
    let doubled = format!("{},{}", &text[..reviews_at], &text[reviews_at..]);
    assert!(matches!(refused(&doubled), ImportError::NotJson { .. }));
    // A comma after the last review, before the list closes.
    let list_end = text.rfind("\n  ]").unwrap();
    let trailing = format!("{},{}", &text[..list_end], &text[list_end..]);
    assert_ne!(trailing, text);
    assert!(matches!(refused(&trailing), ImportError::NotJson { .. }));
    let missing = text.replacen("\n    },\n    {", "\n    }\n    {", 1);
    assert_ne!(missing, text);
    assert!(matches!(refused(&missing), ImportError::NotJson { .. }));
}

#[test]
fn problems_in_a_large_file_keep_the_order_a_one_go_reader_gives_them() {
    let reviews: Vec<Review> = (0..40u128).map(numbered_review).collect();
    let mut file: Value = serde_json::from_str(&write_file(&reviews, at(4, 12))).unwrap();
    // A malformed review early, too-long text later: too-long text is told first.
    file["reviews"][2]["title"] = json!(12);
    file["reviews"][30]["title"] = json!("x".repeat(MAX_TEXT_CHARS + 1));
    assert!(matches!(refused(&file.to_string()), ImportError::TextTooLong { path, .. } if path == "reviews[30].title"));
    // And damaged JSON later still comes before both.
    let text = file.to_string().replacen("Review 35", "Review \u{2} 35", 1);
    assert!(matches!(refused(&text), ImportError::NotJson { .. }));
}

#[test]
fn an_export_with_any_one_byte_spoilt_or_cut_never_crashes_the_import() {
    let whole = fixture(2).into_bytes();
    for at in 0..whole.len() {
        for spoiler in [0x80u8, 0xff, b'[', b','] {
            let mut spoilt = whole.clone();
            spoilt[at] = spoiler;
            assert!(panic::catch_unwind(|| read_file_bytes(&spoilt)).is_ok(), "{spoiler:#x} at {at} crashed");
        }
        assert!(panic::catch_unwind(|| read_file_bytes(&whole[..at])).is_ok(), "cut at {at} crashed");
    }
}

#[test]
fn a_file_read_step_by_step_keeps_each_reviews_history_and_refuses_a_stray_one() {
    let reviews: Vec<Review> = (0..300u128).map(numbered_review).collect();
    let mut doc: serde_json::Value = serde_json::from_str(&write_file(&reviews, at(4, 12))).unwrap();
    let first = reviews[0].id.to_string();
    doc["histories"] = json!({ first.clone(): "aGlzdG9yeQ==" });
    let text = serde_json::to_string(&doc).unwrap();
    let read = FileReading::new(text.as_bytes()).finish().unwrap();
    assert_eq!(read.len(), 300);
    assert_eq!(read[0].history.as_deref(), Some(&b"history"[..]));
    assert!(read[1..].iter().all(|r| r.history.is_none()));
    // Reading the same text the usual way agrees.
    assert_eq!(read_file_with_histories(&text).unwrap(), read);

    doc["histories"] = json!({ "00000000-0000-0000-0000-00000000abcd": "aGlzdG9yeQ==" });
    let stray = serde_json::to_string(&doc).unwrap();
    assert!(matches!(
        FileReading::new(stray.as_bytes()).finish(),
        Err(ImportError::Malformed { path, .. }) if path.starts_with("histories.")
    ));
}
