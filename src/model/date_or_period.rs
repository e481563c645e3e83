//! When something happened, as the review team knows it: a date if there is one, or a
//! period in words ("spring 2024", "the weeks after the move"), or both. Turning points,
//! key practice episodes and the events of the narrative are put in order by their date;
//! those with only a period come after the dated ones, in the order they were added.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A date as British documents write it: "9 March 2026".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A date, a period in words, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct DateOrPeriod {
    /// The day it happened, or the day a period began: used to put things in order.
    #[autosurgeon(with = "crate::model::merge_shape::date")]
    pub date: Option<NaiveDate>,
    /// The period in words; shown instead of the date when present.
    #[autosurgeon(missing = "Default::default")]
    pub period: String,
}

impl DateOrPeriod {
    /// A single day.
    pub fn on(date: NaiveDate) -> Self {
        DateOrPeriod { date: Some(date), period: String::new() }
    }

    /// A period in words, with no date to order it by.
    pub fn during(period: &str) -> Self {
        DateOrPeriod { date: None, period: period.trim().to_string() }
    }

    /// True when neither a date nor a period has been given.
    pub fn is_unknown(&self) -> bool {
        self.date.is_none() && self.period.trim().is_empty()
    }

    /// How the date or period reads in a table: the period if given, otherwise the date as
    /// "2 March 2026", otherwise nothing.
    pub fn text(&self) -> String {
        let period = self.period.trim();
        if !period.is_empty() {
            return period.to_string();
        }
        self.date.map(long_date).unwrap_or_default()
    }

    /// Orders dated things first, earliest first; undated things after them, as equals, so
    /// a stable sort keeps the order they were added in.
    pub fn chronological(a: &DateOrPeriod, b: &DateOrPeriod) -> Ordering {
        match (a.date, b.date) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn a_period_reads_in_words_and_a_date_reads_in_full() {
        assert_eq!(DateOrPeriod::on(day(2)).text(), "2 March 2026");
        let both = DateOrPeriod { date: Some(day(2)), period: " Early March ".into() };
        assert_eq!(both.text(), "Early March");
        assert_eq!(DateOrPeriod::default().text(), "");
        assert!(DateOrPeriod::default().is_unknown());
        assert!(!DateOrPeriod::during("spring").is_unknown());
    }

    #[test]
    fn dated_things_come_first_and_undated_keep_their_order() {
        let mut items = [
            DateOrPeriod::during("later"),
            DateOrPeriod::on(day(9)),
            DateOrPeriod::during("after"),
            DateOrPeriod::on(day(1)),
        ];
        items.sort_by(DateOrPeriod::chronological);
        let texts: Vec<String> = items.iter().map(|i| i.text()).collect();
        assert_eq!(texts, ["1 March 2026", "9 March 2026", "later", "after"]);
    }
}
