//! The files made for sharing beyond the group. An **anonymised export** is an anonymised
//! copy of a review (see [`crate::model::anonymise`]) written as an ordinary review file,
//! named after the copy's own title so no real name reaches the file name either. Every
//! export here takes the anonymised `&Review`, so any other format (a document, a print
//! view) can be made from the same copy. A **protected export** is named without the
//! review's title at all, since the name of a file is readable by anyone who sees it.

use chrono::{DateTime, NaiveDate, Utc};

use super::file_name::file_name;
use crate::model::Review;
use crate::storage::file_format::write_file;

/// The file name for an anonymised copy, e.g. `child-a-rapid-review-anonymised-2026-11-22.json`.
pub fn anonymised_file_name(copy: &Review, date: NaiveDate) -> String {
    file_name(&format!("{} anonymised", copy.title), date, "json")
}

/// The anonymised copy as a review file.
pub fn anonymised_file(copy: &Review, exported_at: DateTime<Utc>) -> String {
    write_file(std::slice::from_ref(copy), exported_at)
}

/// The file name for a passphrase-protected export: `protected-review-2026-11-22.json`.
pub fn protected_file_name(date: NaiveDate) -> String {
    file_name("protected review", date, "json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::anonymise::{anonymise, Replacement};
    use crate::model::ReviewKind;
    use crate::storage::file_format::read_file;
    use chrono::TimeZone;
    use uuid::Uuid;

    #[test]
    fn an_anonymised_file_reads_back_as_the_copy_and_its_name_holds_no_real_name() {
        let when = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        let mut r = Review::new(Uuid::from_u128(1), ReviewKind::CaseDiscussion, when);
        r.rename("Jayden Smith rapid review", when);
        let copy = anonymise(&r, &[Replacement::new("Jayden Smith", "Child A")], Uuid::from_u128(2)).review;
        let name = anonymised_file_name(&copy, when.date_naive());
        assert_eq!(name, "child-a-rapid-review-anonymised-2026-11-22.json");
        assert_eq!(read_file(&anonymised_file(&copy, when)).unwrap(), vec![copy]);
        assert_eq!(protected_file_name(when.date_naive()), "protected-review-2026-11-22.json");
    }
}
