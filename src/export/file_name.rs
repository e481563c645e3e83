//! File names for what the app exports: readable, safe on Windows, macOS and shared
//! drives, and dated so that several exports of the same review sort in order.

use chrono::NaiveDate;

/// A safe file name from a review title, e.g. `child-j-rapid-review-2026-11-22.json`.
pub fn file_name(title: &str, date: NaiveDate, extension: &str) -> String {
    format!("{}-{}.{extension}", stem(title), date.format("%Y-%m-%d"))
}

/// A safe file name without a date, for a file that is kept up to date rather than made
/// once (a review's file in the team's shared folder), e.g. `child-j-rapid-review.json`.
pub fn undated_file_name(title: &str, extension: &str) -> String {
    format!("{}.{extension}", stem(title))
}

/// The title as lower-case words joined by hyphens, safe on every file system.
fn stem(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "case-review".to_string() } else { slug.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn titles_become_safe_dated_names() {
        assert_eq!(file_name("Child J: rapid review", d(), "json"), "child-j-rapid-review-2026-11-22.json");
        assert_eq!(file_name("  ../..\\con?*  ", d(), "json"), "con-2026-11-22.json");
        assert_eq!(file_name("", d(), "csv"), "case-review-2026-11-22.csv");
        assert_eq!(file_name("Siân & Zoë", d(), "json"), "siân-zoë-2026-11-22.json");
    }

    #[test]
    fn a_shared_file_is_named_without_a_date() {
        assert_eq!(undated_file_name("Child J: rapid review", "json"), "child-j-rapid-review.json");
        assert_eq!(undated_file_name("?", "json"), "case-review.json");
    }

    #[test]
    fn long_titles_are_shortened() {
        let name = file_name(&"a".repeat(300), d(), "json");
        assert!(name.len() < 80);
    }
}
