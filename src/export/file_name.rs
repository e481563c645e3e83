//! File names for what the app exports: readable, safe on Windows, macOS and shared
//! drives, and dated so that several exports of the same review sort in order.

use chrono::NaiveDate;

/// A safe file name from a review title, e.g. `child-j-rapid-review-2026-11-22.json`.
pub fn file_name(title: &str, date: NaiveDate, extension: &str) -> String {
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
    let stem = if slug.is_empty() { "case-review" } else { slug };
    format!("{stem}-{}.{extension}", date.format("%Y-%m-%d"))
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
    fn long_titles_are_shortened() {
        let name = file_name(&"a".repeat(300), d(), "json");
        assert!(name.len() < 80);
    }
}
