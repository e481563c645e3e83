//! A working day is a weekday that is not a bank holiday in England and Wales. Deadlines
//! in safeguarding are counted in working days: single-agency action plans are due
//! "within 10 working days of the case review taking place" (Case Discussion Tool), the
//! national panel is told of a serious incident within 5 working days, and so on.
//!
//! Bank holidays are worked out by rule for any year, so the app keeps working offline
//! and in years nobody has typed in:
//! - New Year's Day, 1 January (the next Monday when it falls at a weekend);
//! - Good Friday and Easter Monday;
//! - the early May bank holiday, the first Monday in May;
//! - the spring bank holiday, the last Monday in May;
//! - the summer bank holiday, the last Monday in August;
//! - Christmas Day and Boxing Day, with substitute weekdays when either falls at a weekend.
//!
//! On top of the rule sits a short table of one-off changes made by royal proclamation
//! (jubilees, royal weddings, a state funeral, moved May holidays). The rule is the
//! pattern in force since 1978; dates before then are not historically exact, and one-offs
//! announced after this table was written need adding to it.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// How many working days a single-agency action plan may take after the case review.
pub const SINGLE_AGENCY_PLAN_WORKING_DAYS: u32 = 10;

/// A one-off change to the usual bank holidays of England and Wales.
struct OneOff {
    /// The day that is a bank holiday that year.
    date: (i32, u32, u32),
    /// The usual bank holiday it replaces, when the holiday was moved rather than added.
    replaces: Option<(i32, u32, u32)>,
}

/// One-off bank holidays in England and Wales. The 2018 onwards entries match the list
/// published at <https://www.gov.uk/bank-holidays> (also served as
/// `https://www.gov.uk/bank-holidays.json`, "england-and-wales"); earlier ones are the
/// royal proclamations listed in the gov.uk guidance and the history of bank holidays in
/// the United Kingdom.
const ONE_OFFS: &[OneOff] = &[
    // Wedding of Prince Charles and Lady Diana Spencer.
    OneOff { date: (1981, 7, 29), replaces: None },
    // Early May bank holiday moved to the 50th anniversary of VE Day.
    OneOff { date: (1995, 5, 8), replaces: Some((1995, 5, 1)) },
    // Millennium celebrations.
    OneOff { date: (1999, 12, 31), replaces: None },
    // Golden Jubilee: an extra day, and the spring bank holiday moved next to it.
    OneOff { date: (2002, 6, 3), replaces: None },
    OneOff { date: (2002, 6, 4), replaces: Some((2002, 5, 27)) },
    // Wedding of Prince William and Catherine Middleton.
    OneOff { date: (2011, 4, 29), replaces: None },
    // Diamond Jubilee: the spring bank holiday moved, and an extra day.
    OneOff { date: (2012, 6, 4), replaces: Some((2012, 5, 28)) },
    OneOff { date: (2012, 6, 5), replaces: None },
    // Early May bank holiday moved to the 75th anniversary of VE Day.
    OneOff { date: (2020, 5, 8), replaces: Some((2020, 5, 4)) },
    // Platinum Jubilee: the spring bank holiday moved to Thursday 2 June, and Friday 3 June added.
    OneOff { date: (2022, 6, 2), replaces: Some((2022, 5, 30)) },
    OneOff { date: (2022, 6, 3), replaces: None },
    // State funeral of Queen Elizabeth II.
    OneOff { date: (2022, 9, 19), replaces: None },
    // Coronation of King Charles III.
    OneOff { date: (2023, 5, 8), replaces: None },
];

/// True when `d` is a bank holiday in England and Wales (counting substitute days, so
/// Monday 27 December 2021 is one, and Saturday 25 December 2021 is not).
pub fn is_bank_holiday_england_wales(d: NaiveDate) -> bool {
    let ymd = (d.year(), d.month(), d.day());
    if ONE_OFFS.iter().any(|o| o.date == ymd) {
        return true;
    }
    if ONE_OFFS.iter().any(|o| o.replaces == Some(ymd)) {
        return false;
    }
    usual_bank_holidays(d.year(), d.month()).contains(&Some(d))
}

/// Every bank holiday in England and Wales in `year`, in date order.
pub fn bank_holidays_england_wales(year: i32) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = [1, 3, 4, 5, 8, 12]
        .into_iter()
        .flat_map(|month| usual_bank_holidays(year, month))
        .flatten()
        .filter(|d| !ONE_OFFS.iter().any(|o| o.replaces == Some((d.year(), d.month(), d.day()))))
        .chain(ONE_OFFS.iter().filter(|o| o.date.0 == year).filter_map(|o| ymd(o.date.0, o.date.1, o.date.2)))
        .collect();
    days.sort();
    days.dedup();
    days
}

/// True when `d` is a weekday that is not a bank holiday in England and Wales.
pub fn is_working_day(d: NaiveDate) -> bool {
    !is_weekend(d) && !is_bank_holiday_england_wales(d)
}

/// The date `n` working days after `from`, counting the way statutory guidance does: the
/// day something happens is day 0, and day 1 is the next working day after it. So a case
/// review held on Thursday 23 December 2026 has day 1 on Thursday 24 December and day 3 on
/// Wednesday 30 December (Christmas and the Boxing Day substitute are skipped).
///
/// `n = 0` returns `from` itself, whatever kind of day it is: nothing has been counted
/// yet. For `n >= 1` the answer is always a working day, even when `from` is a weekend or
/// bank holiday. Should the count run past the last date the calendar can hold, the last
/// such date is returned.
pub fn add_working_days(from: NaiveDate, n: u32) -> NaiveDate {
    let mut day = from;
    let mut counted = 0;
    while counted < n {
        match day.succ_opt() {
            Some(next) => day = next,
            None => return day,
        }
        if is_working_day(day) {
            counted += 1;
        }
    }
    day
}

/// How many working days lie after `from` up to and including `to`: the inverse of
/// [`add_working_days`], so `working_days_between(d, add_working_days(d, n)) == n`.
/// Negative when `to` is before `from` (a deadline already passed), zero when they are
/// the same day.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    if to < from {
        return -working_days_between(to, from);
    }
    let weekdays = weekdays_after_up_to(from, to);
    // Observed bank holidays (and the one-offs) always fall on weekdays, so each one in
    // range takes exactly one day off the weekday count.
    let holidays: i64 = (from.year()..=to.year())
        .map(|year| {
            bank_holidays_england_wales(year).into_iter().filter(|d| *d > from && *d <= to && !is_weekend(*d)).count()
                as i64
        })
        .sum();
    weekdays - holidays
}

/// When a single-agency action plan is due after a case review held on `held_on`.
pub fn single_agency_plan_due(held_on: NaiveDate) -> NaiveDate {
    add_working_days(held_on, SINGLE_AGENCY_PLAN_WORKING_DAYS)
}

/// What the notes say about single-agency action plans, given the date of the case
/// discussion if it is known: the due date worked out, or why it cannot be.
pub fn single_agency_plan_sentence(held: Option<NaiveDate>) -> String {
    use super::date_or_period::long_date;
    match held {
        Some(held) => format!(
            "Single-agency action plans are due by {} ({SINGLE_AGENCY_PLAN_WORKING_DAYS} working days after the \
             case discussion on {}).",
            long_date(single_agency_plan_due(held)),
            long_date(held)
        ),
        None => format!(
            "Single-agency action plans are due within {SINGLE_AGENCY_PLAN_WORKING_DAYS} working days of the case \
             discussion (its date is not recorded, so the due date cannot be worked out)."
        ),
    }
}

/// Easter Sunday in the Gregorian calendar, by the anonymous ("Meeus/Jones/Butcher")
/// computus. `None` only for years the calendar cannot hold.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The bank holidays the usual rule gives in one month of one year (before one-offs).
/// Fixed-size so that checking a single day needs no allocation.
fn usual_bank_holidays(year: i32, month: u32) -> [Option<NaiveDate>; 2] {
    match month {
        1 => [new_years_day_observed(year), None],
        3 | 4 => {
            let easter = easter_sunday(year);
            let good_friday = easter.and_then(|e| e.checked_sub_days(Days::new(2)));
            let easter_monday = easter.and_then(|e| e.checked_add_days(Days::new(1)));
            [good_friday.filter(|d| d.month() == month), easter_monday.filter(|d| d.month() == month)]
        }
        // Early May and spring bank holidays.
        5 => [first_monday(year, 5), last_monday(year, 5)],
        // Summer bank holiday.
        8 => [last_monday(year, 8), None],
        12 => christmas_and_boxing_day_observed(year),
        _ => [None, None],
    }
}

fn new_years_day_observed(year: i32) -> Option<NaiveDate> {
    let day = match ymd(year, 1, 1)?.weekday() {
        Weekday::Sat => 3,
        Weekday::Sun => 2,
        _ => 1,
    };
    ymd(year, 1, day)
}

/// Christmas Day and Boxing Day, moved to the following weekdays when they fall at a
/// weekend (gov.uk: 2021 gave Mon 27 and Tue 28; 2022 gave Mon 26 and Tue 27).
fn christmas_and_boxing_day_observed(year: i32) -> [Option<NaiveDate>; 2] {
    let Some(christmas) = ymd(year, 12, 25) else { return [None, None] };
    let [first, second] = match christmas.weekday() {
        // Christmas on Monday 27, Boxing Day on Tuesday 28.
        Weekday::Sat => [27, 28],
        // Boxing Day on Monday 26, Christmas on Tuesday 27.
        Weekday::Sun => [26, 27],
        // Boxing Day on Monday 28.
        Weekday::Fri => [25, 28],
        _ => [25, 26],
    };
    [ymd(year, 12, first), ymd(year, 12, second)]
}

fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    // A month has four or five Mondays.
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 4))
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Weekdays after `from` up to and including `to` (`from <= to`), without walking every day.
fn weekdays_after_up_to(from: NaiveDate, to: NaiveDate) -> i64 {
    let days = (to - from).num_days();
    let full_weeks = days / 7;
    let mut count = full_weeks * 5;
    let mut day = from + Days::new((full_weeks * 7) as u64);
    while day < to {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
        if !is_weekend(day) {
            count += 1;
        }
    }
    count
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
    }

    #[test]
    fn weekends_are_not_working_days() {
        assert!(!is_working_day(date(2026, 3, 7))); // Saturday
        assert!(!is_working_day(date(2026, 3, 8))); // Sunday
        assert!(is_working_day(date(2026, 3, 9))); // Monday
        assert!(is_working_day(date(2026, 3, 13))); // Friday
    }

    #[test]
    fn easter_falls_on_the_published_sundays() {
        for (y, m, d) in
            [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2019, 4, 21), (2038, 4, 25), (2285, 3, 22)]
        {
            assert_eq!(easter_sunday(y), Some(date(y, m, d)), "Easter {y}");
        }
    }

    #[test]
    fn each_kind_of_bank_holiday_is_found() {
        let kinds = [
            ("New Year's Day", date(2026, 1, 1)),
            ("Good Friday", date(2026, 4, 3)),
            ("Easter Monday", date(2026, 4, 6)),
            ("Early May", date(2026, 5, 4)),
            ("Spring", date(2026, 5, 25)),
            ("Summer", date(2026, 8, 31)),
            ("Christmas Day", date(2025, 12, 25)),
            ("Boxing Day", date(2025, 12, 26)),
        ];
        for (name, d) in kinds {
            assert!(is_bank_holiday_england_wales(d), "{name} {d}");
            assert!(!is_working_day(d), "{name} {d}");
        }
        // Easter split across March and April (2024), and wholly in March (2027).
        assert!(is_bank_holiday_england_wales(date(2024, 3, 29)));
        assert!(is_bank_holiday_england_wales(date(2024, 4, 1)));
        assert!(is_bank_holiday_england_wales(date(2027, 3, 26)));
        assert!(is_bank_holiday_england_wales(date(2027, 3, 29)));
        // Near misses are working days.
        assert!(is_working_day(date(2026, 5, 11)));
        assert!(is_working_day(date(2026, 8, 24)));
        assert!(is_working_day(date(2026, 4, 2)));
    }

    #[test]
    fn substitute_days_replace_weekend_holidays() {
        // 2021: Christmas on Saturday, Boxing Day on Sunday.
        assert!(!is_bank_holiday_england_wales(date(2021, 12, 25)));
        assert!(is_bank_holiday_england_wales(date(2021, 12, 27)));
        assert!(is_bank_holiday_england_wales(date(2021, 12, 28)));
        assert!(is_working_day(date(2021, 12, 29)));
        // 2022: Christmas on Sunday; Boxing Day Monday 26, substitute Tuesday 27.
        assert!(is_bank_holiday_england_wales(date(2022, 12, 26)));
        assert!(is_bank_holiday_england_wales(date(2022, 12, 27)));
        assert!(is_working_day(date(2022, 12, 28)));
        // 2020 and 2026: Boxing Day on Saturday, substitute Monday 28.
        assert!(is_bank_holiday_england_wales(date(2020, 12, 28)));
        assert!(is_bank_holiday_england_wales(date(2026, 12, 28)));
        assert!(is_working_day(date(2026, 12, 29)));
        // New Year's Day on Saturday (2022) and Sunday (2023).
        assert!(is_bank_holiday_england_wales(date(2022, 1, 3)));
        assert!(is_bank_holiday_england_wales(date(2023, 1, 2)));
        assert!(is_working_day(date(2023, 1, 3)));
    }

    #[test]
    fn one_off_holidays_are_added_and_moved_ones_removed() {
        // 2020: early May moved from Monday 4 to Friday 8 (VE Day).
        assert!(is_working_day(date(2020, 5, 4)));
        assert!(is_bank_holiday_england_wales(date(2020, 5, 8)));
        // 2022: spring bank holiday moved to 2 June, Platinum Jubilee 3 June, state funeral.
        assert!(is_working_day(date(2022, 5, 30)));
        assert!(is_bank_holiday_england_wales(date(2022, 6, 2)));
        assert!(is_bank_holiday_england_wales(date(2022, 6, 3)));
        assert!(is_bank_holiday_england_wales(date(2022, 9, 19)));
        // 2023: coronation, alongside the usual early May holiday.
        assert!(is_bank_holiday_england_wales(date(2023, 5, 1)));
        assert!(is_bank_holiday_england_wales(date(2023, 5, 8)));
        // 2011 royal wedding; 2012 spring holiday moved and Diamond Jubilee.
        assert!(is_bank_holiday_england_wales(date(2011, 4, 29)));
        assert!(is_working_day(date(2012, 5, 28)));
        assert!(is_bank_holiday_england_wales(date(2012, 6, 4)));
        assert!(is_bank_holiday_england_wales(date(2012, 6, 5)));
    }

    #[test]
    fn the_one_off_table_is_consistent_with_the_rule() {
        for o in ONE_OFFS {
            let d = date(o.date.0, o.date.1, o.date.2);
            assert!(!is_weekend(d), "{d} is a weekend");
            if let Some((y, m, day)) = o.replaces {
                let replaced = date(y, m, day);
                assert!(usual_bank_holidays(y, m).contains(&Some(replaced)), "{replaced} is not a usual holiday");
            }
        }
    }

    #[test]
    fn matches_the_gov_uk_list_for_2018_to_2027() {
        // Month-day of each bank holiday, as published at gov.uk/bank-holidays.
        let published = [
            (2018, "01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26"),
            (2019, "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26"),
            (2020, "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28"),
            (2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28"),
            (2022, "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27"),
            (2023, "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26"),
            (2024, "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26"),
            (2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26"),
            (2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28"),
            (2027, "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28"),
        ];
        for (year, days) in published {
            let list: Vec<NaiveDate> = days
                .split(' ')
                .map(|md| NaiveDate::parse_from_str(&format!("{year}-{md}"), "%Y-%m-%d").expect("valid test date"))
                .collect();
            assert_eq!(bank_holidays_england_wales(year), list, "{year}");
            // And the day-by-day check agrees with the list, day for day.
            let mut d = date(year, 1, 1);
            while d.year() == year {
                assert_eq!(is_bank_holiday_england_wales(d), list.contains(&d), "{d}");
                d = d.succ_opt().expect("within range");
            }
        }
    }

    #[test]
    fn counting_starts_the_day_after() {
        // Monday 9 March 2026: day 1 is Tuesday, day 10 is two weeks later.
        assert_eq!(add_working_days(date(2026, 3, 9), 0), date(2026, 3, 9));
        assert_eq!(add_working_days(date(2026, 3, 9), 1), date(2026, 3, 10));
        assert_eq!(add_working_days(date(2026, 3, 9), 10), date(2026, 3, 23));
        assert_eq!(single_agency_plan_due(date(2026, 3, 9)), date(2026, 3, 23));
        // A Friday meeting: day 1 is the Monday.
        assert_eq!(add_working_days(date(2026, 3, 13), 1), date(2026, 3, 16));
        // A meeting on a Saturday: day 0 is the Saturday itself, day 1 the Monday.
        assert_eq!(add_working_days(date(2026, 3, 14), 0), date(2026, 3, 14));
        assert_eq!(add_working_days(date(2026, 3, 14), 1), date(2026, 3, 16));
    }

    #[test]
    fn counting_skips_easter_and_may_holidays() {
        // Thursday 2 April 2026 + 1 skips Good Friday, the weekend and Easter Monday.
        assert_eq!(add_working_days(date(2026, 4, 2), 1), date(2026, 4, 7));
        // Ten working days from Wednesday 20 May 2026 skip the spring bank holiday on 25 May.
        assert_eq!(add_working_days(date(2026, 5, 20), 10), date(2026, 6, 4));
    }

    #[test]
    fn counting_crosses_the_year_end() {
        assert_eq!(add_working_days(date(2026, 12, 23), 3), date(2026, 12, 30));
        // Then New Year's Day (Friday 1 January 2027) and a weekend.
        assert_eq!(add_working_days(date(2026, 12, 23), 5), date(2027, 1, 4));
        assert_eq!(add_working_days(date(2021, 12, 23), 3), date(2021, 12, 30));
        // Friday 31 December 2021, then New Year's Day substitute Monday 3 January 2022.
        assert_eq!(add_working_days(date(2021, 12, 30), 2), date(2022, 1, 4));
        assert_eq!(working_days_between(date(2026, 12, 23), date(2027, 1, 4)), 5);
    }

    #[test]
    fn leap_days_are_ordinary_working_days() {
        assert!(is_working_day(date(2024, 2, 29)));
        assert_eq!(add_working_days(date(2024, 2, 28), 1), date(2024, 2, 29));
        assert_eq!(add_working_days(date(2024, 2, 28), 2), date(2024, 3, 1));
        assert_eq!(add_working_days(date(2023, 2, 28), 1), date(2023, 3, 1));
        assert_eq!(working_days_between(date(2024, 2, 27), date(2024, 3, 1)), 3);
        assert_eq!(working_days_between(date(2023, 2, 27), date(2023, 3, 1)), 2);
        // 2028 has 29 February on a Tuesday.
        assert!(is_working_day(date(2028, 2, 29)));
    }

    #[test]
    fn working_days_between_counts_after_from_up_to_to() {
        let mon = date(2026, 3, 9);
        assert_eq!(working_days_between(mon, mon), 0);
        assert_eq!(working_days_between(mon, date(2026, 3, 13)), 4);
        assert_eq!(working_days_between(mon, date(2026, 3, 15)), 4);
        assert_eq!(working_days_between(date(2026, 3, 13), mon), -4);
        // A whole year of 2026: 261 weekdays, 8 bank holidays.
        assert_eq!(working_days_between(date(2025, 12, 31), date(2026, 12, 31)), 253);
    }

    #[test]
    fn adding_never_lands_on_a_day_off_and_between_undoes_it() {
        let mut from = date(2019, 12, 1);
        let end = date(2028, 1, 31);
        while from <= end {
            for n in 1..=12 {
                let due = add_working_days(from, n);
                assert!(is_working_day(due), "{from} + {n} = {due}");
                assert!(due > from);
                assert_eq!(working_days_between(from, due), i64::from(n), "{from} + {n}");
                assert_eq!(working_days_between(due, from), -i64::from(n));
                // The day before the due date is one working day short.
                let eve = due.pred_opt().expect("in range");
                assert_eq!(working_days_between(from, eve), i64::from(n) - 1, "{from} + {n}");
            }
            from = from.succ_opt().expect("in range");
        }
    }

    #[test]
    fn working_days_between_agrees_with_walking_day_by_day() {
        let start = date(2021, 11, 15);
        let mut walked = 0;
        let mut d = start;
        for _ in 0..800 {
            d = d.succ_opt().expect("in range");
            if is_working_day(d) {
                walked += 1;
            }
            assert_eq!(working_days_between(start, d), walked, "{d}");
        }
    }

    #[test]
    fn the_ends_of_the_calendar_do_not_panic() {
        assert_eq!(add_working_days(NaiveDate::MAX, 5), NaiveDate::MAX);
        let _ = is_working_day(NaiveDate::MIN);
        let _ = bank_holidays_england_wales(NaiveDate::MAX.year());
        let _ = bank_holidays_england_wales(NaiveDate::MIN.year());
    }
}
