//! A migration brings a review file saved by an older version of Case Review Studio up to
//! today's format before it is read, so a review exported months ago still opens. Each
//! change to the format gets one small, named step; the steps run in order, oldest first.
//! A file from a newer version of the app is refused, never guessed at: reading only the
//! parts this version understands could quietly lose someone's work.

use serde_json::{Map, Value};

use super::file_format::CURRENT_FORMAT_VERSION;
use super::import_error::ImportError;

/// Turns a whole file of one version into the next version.
type Step = fn(Value) -> Result<Value, ImportError>;

/// Every step, by the version it upgrades from. A new format version adds one line here,
/// bumps [`CURRENT_FORMAT_VERSION`] and adds a frozen fixture in `tests/fixtures/`.
const STEPS: &[(u32, &str, Step)] = &[
    (1, "v1_single_review_to_list", v1_single_review_to_list),
    (2, "v2_histories_alongside", v2_histories_alongside),
];

/// Upgrades a file of version `from` to [`CURRENT_FORMAT_VERSION`], one step at a time.
/// The result carries the current version number.
pub fn upgrade(mut doc: Value, from: u32) -> Result<Value, ImportError> {
    if from == 0 {
        return Err(ImportError::BadVersion);
    }
    if from > CURRENT_FORMAT_VERSION {
        return Err(ImportError::TooNew {
            found: from.into(),
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    for version in from..CURRENT_FORMAT_VERSION {
        let Some(&(_, _, step)) = STEPS.iter().find(|(v, _, _)| *v == version) else {
            // Only possible if someone bumps the version without adding its step (a unit
            // test guards this); refusing beats handing on a file in the wrong shape.
            return Err(ImportError::BadVersion);
        };
        doc = step(doc)?;
        // Stamped here rather than in each step, so no step can forget it.
        if let Value::Object(file) = &mut doc {
            file.insert("version".into(), Value::from(version + 1));
        }
    }
    Ok(doc)
}

/// Version 1 held a single review under `"review"`, its method named by `"kind"` and its
/// content under `"content"`. Version 2 holds a list under `"reviews"` so that one export
/// can carry several reviews, and names the method by the key around the content
/// (`"body": {"case_discussion": {...}}`) so the method and its content cannot disagree.
/// Any other fields of the review are carried across untouched.
fn v1_single_review_to_list(doc: Value) -> Result<Value, ImportError> {
    let Value::Object(mut file) = doc else {
        return Err(ImportError::NotAReviewFile);
    };
    let mut review = match file.remove("review") {
        Some(Value::Object(review)) => review,
        Some(_) => {
            return Err(malformed(
                "review",
                "invalid type: expected one review written as an object",
            ))
        }
        None => return Err(malformed("", "missing field `review`")),
    };
    let kind = match review.remove("kind") {
        Some(Value::String(kind)) if kind == "case_discussion" || kind == "learning_together" => {
            kind
        }
        Some(_) => {
            return Err(malformed(
                "review.kind",
                "unknown method, expected `case_discussion` or `learning_together`",
            ))
        }
        None => return Err(malformed("review", "missing field `kind`")),
    };
    let content = match review.remove("content") {
        Some(content @ Value::Object(_)) => content,
        Some(_) => {
            return Err(malformed(
                "review.content",
                "invalid type: expected an object",
            ))
        }
        None => return Err(malformed("review", "missing field `content`")),
    };
    let mut body = Map::new();
    body.insert(kind, content);
    review.insert("body".into(), Value::Object(body));
    file.insert("reviews".into(), Value::Array(vec![Value::Object(review)]));
    Ok(Value::Object(file))
}

/// Version 3 carries each review's history under `"histories"`; a file from before has
/// none, so its reviews come in without one (and are brought over as described in
/// `review_history`). Nothing else changes.
fn v2_histories_alongside(doc: Value) -> Result<Value, ImportError> {
    let Value::Object(mut file) = doc else {
        return Err(ImportError::NotAReviewFile);
    };
    file.insert("histories".into(), Value::Object(Map::new()));
    Ok(Value::Object(file))
}

/// Paths name the place in the file as it was saved, so whoever supports the person can
/// find it in the original.
fn malformed(path: &str, reason: &str) -> ImportError {
    ImportError::Malformed {
        path: path.into(),
        reason: reason.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn v1(kind: &str) -> Value {
        json!({
            "format": "case-review-studio",
            "version": 1,
            "review": {
                "id": "6f1c2b8e-3d4a-4c5b-9e7f-0a1b2c3d4e5f",
                "kind": kind,
                "title": "Child J",
                "created": "2025-11-03T09:30:00Z",
                "updated": "2025-11-03T11:05:00Z",
                "content": { "about_child": "Likes football" },
                "colour_tag": "green"
            }
        })
    }

    #[test]
    fn every_older_version_has_exactly_one_named_step() {
        for version in 1..CURRENT_FORMAT_VERSION {
            let steps: Vec<_> = STEPS.iter().filter(|(v, _, _)| *v == version).collect();
            assert_eq!(steps.len(), 1, "format {version} needs exactly one step");
            assert!(
                steps[0].1.starts_with(&format!("v{version}_")),
                "{} is misnamed",
                steps[0].1
            );
        }
        assert!(STEPS
            .iter()
            .all(|(v, _, _)| (1..CURRENT_FORMAT_VERSION).contains(v)));
    }

    #[test]
    fn a_version_1_case_discussion_becomes_a_list_of_one_with_its_method_as_the_body() {
        let doc = upgrade(v1("case_discussion"), 1).unwrap();
        assert_eq!(doc["version"], json!(CURRENT_FORMAT_VERSION));
        assert!(doc.get("review").is_none());
        let reviews = doc["reviews"].as_array().unwrap();
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0]["title"], "Child J");
        assert_eq!(
            reviews[0]["body"],
            json!({ "case_discussion": { "about_child": "Likes football" } })
        );
        assert!(reviews[0].get("kind").is_none());
        assert!(reviews[0].get("content").is_none());
    }

    #[test]
    fn a_version_1_learning_together_review_keeps_its_method() {
        let doc = upgrade(v1("learning_together"), 1).unwrap();
        assert!(doc["reviews"][0]["body"]["learning_together"].is_object());
    }

    #[test]
    fn fields_of_a_version_1_review_this_step_does_not_know_are_carried_across() {
        let doc = upgrade(v1("case_discussion"), 1).unwrap();
        assert_eq!(doc["reviews"][0]["colour_tag"], "green");
    }

    #[test]
    fn a_current_file_passes_through_unchanged() {
        let doc = json!({ "format": "case-review-studio", "version": CURRENT_FORMAT_VERSION, "reviews": [] });
        assert_eq!(upgrade(doc.clone(), CURRENT_FORMAT_VERSION).unwrap(), doc);
    }

    #[test]
    fn a_newer_or_zero_version_is_refused_before_any_step_runs() {
        let doc = json!({});
        assert_eq!(
            upgrade(doc.clone(), CURRENT_FORMAT_VERSION + 5),
            Err(ImportError::TooNew {
                found: u64::from(CURRENT_FORMAT_VERSION) + 5,
                supported: CURRENT_FORMAT_VERSION
            })
        );
        assert_eq!(upgrade(doc, 0), Err(ImportError::BadVersion));
    }

    #[test]
    fn a_version_1_file_missing_its_parts_is_refused_with_the_place_in_the_original() {
        let path_of = |doc: Value| match upgrade(doc, 1) {
            Err(ImportError::Malformed { path, .. }) => path,
            other => panic!("expected Malformed, got {other:?}"),
        };
        let mut no_review = v1("case_discussion");
        no_review.as_object_mut().unwrap().remove("review");
        assert_eq!(path_of(no_review), "");

        let mut review_as_list = v1("case_discussion");
        review_as_list["review"] = json!([]);
        assert_eq!(path_of(review_as_list), "review");

        assert_eq!(path_of(v1("sketchbook")), "review.kind");

        let mut kind_as_number = v1("case_discussion");
        kind_as_number["review"]["kind"] = json!(3);
        assert_eq!(path_of(kind_as_number), "review.kind");

        let mut no_content = v1("case_discussion");
        no_content["review"]
            .as_object_mut()
            .unwrap()
            .remove("content");
        assert_eq!(path_of(no_content), "review");

        let mut content_as_text = v1("case_discussion");
        content_as_text["review"]["content"] = json!("notes");
        assert_eq!(path_of(content_as_text), "review.content");
    }

    #[test]
    fn a_version_1_file_that_is_not_an_object_is_not_a_review_file() {
        assert_eq!(upgrade(json!([1, 2]), 1), Err(ImportError::NotAReviewFile));
    }
}
