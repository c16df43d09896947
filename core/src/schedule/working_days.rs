//! Working days (Monday to Friday, not a bank holiday in England and Wales) and the
//! statutory deadline for the post-inspection action plan.
//!
//! Section 137(3) of the Education and Inspections Act 2006 gives a council 70 working days
//! from receiving the inspection report to publish its written statement of proposed action.
//!
//! **Counting convention.** The day of receipt is not counted: the deadline is the 70th
//! working day *after* it. This is the only convention that gives both dates on record:
//!
//! * received Tue 9 May 2023 → Wed 16 Aug 2023, the date Ofsted set for that council
//!   (counting the day of receipt as day 1 would give 15 Aug);
//! * received Fri 18 Nov 2011 → Wed 29 Feb 2012, counting over the Christmas holidays of
//!   Mon 26 and Tue 27 Dec 2011 and the New Year substitute Mon 2 Jan 2012 (counting the
//!   day of receipt would give 28 Feb).
//!
//! In 2011 Christmas fell on a Sunday, so the holidays were Boxing Day Mon 26 Dec and the
//! Christmas substitute Tue 27 Dec — not 27 and 28 Dec; with 28 Dec also a holiday the 2011
//! case would come out at 1 Mar 2012. The two cases agree once the holidays are right.

use chrono::{Datelike, NaiveDate, Weekday};

use super::bank_holidays::{bank_holidays, is_bank_holiday};

/// Working days a council has to publish its action plan (EIA 2006 s.137(3)).
pub const ACTION_PLAN_WORKING_DAYS: u32 = 70;

/// True for Monday to Friday when not a bank holiday in England and Wales.
pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_bank_holiday(d)
}

/// The `n`th working day after `start`; `start` itself is never counted, whether or not it
/// is a working day, and `n = 0` gives `start`. Saturates at `NaiveDate::MAX`.
pub fn add_working_days(start: NaiveDate, n: u32) -> NaiveDate {
    let mut calendar = Calendar::default();
    let mut day = start;
    let mut left = n;
    while left > 0 {
        let Some(next) = day.succ_opt() else {
            return NaiveDate::MAX;
        };
        day = next;
        if calendar.is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// The last day to publish the action plan for a report received on `received`: the 70th
/// working day after it (see the module docs for the convention).
pub fn action_plan_deadline(received: NaiveDate) -> NaiveDate {
    add_working_days(received, ACTION_PLAN_WORKING_DAYS)
}

/// Working days after `from` up to and including `to` (so `add_working_days(a, n)` is `n`
/// working days after `a`); negative when `to` is before `from`. For "N working days left".
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let (lo, hi, sign) = if from <= to {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let mut calendar = Calendar::default();
    let count = lo
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= hi)
        .filter(|d| calendar.is_working_day(*d))
        .count();
    sign * count as i64
}

/// [`is_working_day`] with the current year's bank holidays kept, for walks over many days.
#[derive(Default)]
struct Calendar {
    year: Option<i32>,
    holidays: Vec<NaiveDate>,
}

impl Calendar {
    fn is_working_day(&mut self, d: NaiveDate) -> bool {
        if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            return false;
        }
        if self.year != Some(d.year()) {
            self.year = Some(d.year());
            self.holidays = bank_holidays(d.year());
        }
        !self.holidays.contains(&d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[rstest]
    #[case::monday(d(2023, 5, 15), true)]
    #[case::friday(d(2023, 5, 12), true)]
    #[case::saturday(d(2023, 5, 13), false)]
    #[case::sunday(d(2023, 5, 14), false)]
    #[case::coronation(d(2023, 5, 8), false)]
    #[case::good_friday(d(2023, 4, 7), false)]
    #[case::christmas_substitute_2011(d(2011, 12, 27), false)]
    #[case::after_christmas_2011(d(2011, 12, 28), true)]
    #[case::new_year_substitute_2012(d(2012, 1, 2), false)]
    #[case::state_funeral(d(2022, 9, 19), false)]
    fn working_day_cases(#[case] day: NaiveDate, #[case] want: bool) {
        assert_eq!(is_working_day(day), want);
    }

    #[rstest]
    #[case::statutory_2023(d(2023, 5, 9), d(2023, 8, 16))]
    #[case::statutory_2011_over_christmas(d(2011, 11, 18), d(2012, 2, 29))]
    // 14 weeks (2 Sep) plus the Jubilee days and the summer bank holiday.
    #[case::over_the_2022_jubilee(d(2022, 5, 27), d(2022, 9, 7))]
    // 14 weeks (16 Sep) plus the summer bank holiday lands on the State Funeral.
    #[case::over_the_state_funeral(d(2022, 6, 10), d(2022, 9, 20))]
    fn statutory_action_plan_deadline(#[case] received: NaiveDate, #[case] want: NaiveDate) {
        assert_eq!(action_plan_deadline(received), want);
        assert_eq!(working_days_between(received, want), 70);
    }

    #[rstest]
    #[case::zero_is_start(d(2023, 5, 9), 0, d(2023, 5, 9))]
    #[case::zero_on_weekend(d(2023, 5, 13), 0, d(2023, 5, 13))]
    #[case::next_day(d(2023, 5, 9), 1, d(2023, 5, 10))]
    #[case::friday_to_monday(d(2023, 5, 12), 1, d(2023, 5, 15))]
    #[case::saturday_start(d(2023, 5, 13), 1, d(2023, 5, 15))]
    #[case::over_coronation(d(2023, 5, 5), 1, d(2023, 5, 9))]
    #[case::over_easter(d(2023, 4, 6), 1, d(2023, 4, 11))]
    #[case::one_week(d(2023, 5, 9), 5, d(2023, 5, 16))]
    #[case::over_christmas_2021(d(2021, 12, 24), 1, d(2021, 12, 29))]
    #[case::over_new_year_2022(d(2021, 12, 31), 1, d(2022, 1, 4))]
    #[case::ten_over_christmas_2011(d(2011, 12, 16), 10, d(2012, 1, 4))]
    fn add_working_days_cases(#[case] start: NaiveDate, #[case] n: u32, #[case] want: NaiveDate) {
        assert_eq!(add_working_days(start, n), want);
    }

    #[rstest]
    #[case::same_day(d(2023, 5, 9), d(2023, 5, 9), 0)]
    #[case::over_weekend(d(2023, 5, 12), d(2023, 5, 15), 1)]
    #[case::backwards(d(2023, 5, 15), d(2023, 5, 12), -1)]
    #[case::weekend_only(d(2023, 5, 12), d(2023, 5, 14), 0)]
    fn working_days_between_cases(
        #[case] from: NaiveDate,
        #[case] to: NaiveDate,
        #[case] want: i64,
    ) {
        assert_eq!(working_days_between(from, to), want);
    }

    #[test]
    fn deadline_is_always_a_working_day_and_70_later() {
        let mut received = d(2010, 1, 1);
        while received < d(2031, 1, 1) {
            let due = action_plan_deadline(received);
            assert!(is_working_day(due), "{received} → {due}");
            assert_eq!(working_days_between(received, due), 70, "{received}");
            // 70 working days is 14 weeks plus at most a few holidays.
            let span = (due - received).num_days();
            assert!((96..=106).contains(&span), "{received} → {due}: {span}");
            received = received.succ_opt().unwrap();
        }
    }

    #[test]
    fn cached_calendar_agrees_with_is_working_day() {
        let mut calendar = Calendar::default();
        for day in d(2009, 12, 1)
            .iter_days()
            .take_while(|x| *x < d(2031, 2, 1))
        {
            assert_eq!(calendar.is_working_day(day), is_working_day(day), "{day}");
        }
    }

    #[test]
    fn saturates_at_the_end_of_time() {
        assert_eq!(add_working_days(NaiveDate::MAX, 3), NaiveDate::MAX);
    }
}
