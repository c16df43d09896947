//! Due date = base date + the recommendation's timeframe.
//!
//! Reports say "within three months" without saying of what; councils count from the last
//! day of the inspection (the default) or from publication, so the base is a setting
//! ([`BaseDateRule`]). Recommendations with no fixed timeframe ("for action in the longer
//! term", or no heading at all) still need a date to be tracked, so they get a configured
//! default ([`OpenEndedRule`]) — and the result says so ([`DueDateSource`]), so the UI never
//! presents a default as if the report had set it.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{
    BaseDateRule, DueDateSource, OpenEndedRule, Timeframe, DEFAULT_OPEN_ENDED_MONTHS,
};

/// A due date and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Due {
    pub date: NaiveDate,
    pub source: DueDateSource,
}

/// The date a plan's timeframes count from.
///
/// A date the user gave wins (a joint area review report carries no dates at all). With
/// [`BaseDateRule::Publication`] and no publication date the inspection's last day is used,
/// and the other way round: both are dates the report states. `None` when neither is known:
/// the caller asks the user rather than guess.
pub fn base_date(
    rule: BaseDateRule,
    inspection_end: Option<NaiveDate>,
    published: Option<NaiveDate>,
    user_given: Option<NaiveDate>,
) -> Option<NaiveDate> {
    user_given.or(match rule {
        BaseDateRule::LastDayOfInspection => inspection_end.or(published),
        BaseDateRule::Publication => published.or(inspection_end),
    })
}

/// The due date for a timeframe counted from `base`.
///
/// Months are calendar months, clamped to the end of a shorter month (31 Aug + 6 months =
/// 28 or 29 Feb), as chrono's `checked_add_months` does. `next_inspection` is the date to
/// use with [`OpenEndedRule::ByNextInspection`] (a user-set date, or the earliest date of
/// the estimated window — see `NextInspection::prepare_by`); it is ignored unless it falls
/// after `base`. Dates beyond chrono's range saturate at `NaiveDate::MAX`.
pub fn due_date(
    base: NaiveDate,
    timeframe: Timeframe,
    rule: OpenEndedRule,
    next_inspection: Option<NaiveDate>,
) -> Due {
    let report = |date| Due {
        date,
        source: DueDateSource::Report,
    };
    match timeframe {
        Timeframe::Immediate => report(base),
        Timeframe::Months(n) => report(add_months(base, n)),
        Timeframe::Weeks(n) => report(add_days(base, u64::from(n) * 7)),
        Timeframe::Days(n) => report(add_days(base, u64::from(n))),
        Timeframe::LongerTerm | Timeframe::Unspecified => match rule {
            OpenEndedRule::MonthsAfterBase(n) => Due {
                date: add_months(base, n),
                source: DueDateSource::Default,
            },
            OpenEndedRule::ByNextInspection => match next_inspection.filter(|d| *d > base) {
                Some(date) => Due {
                    date,
                    source: DueDateSource::NextInspection,
                },
                None => Due {
                    date: add_months(base, DEFAULT_OPEN_ENDED_MONTHS),
                    source: DueDateSource::Default,
                },
            },
        },
    }
}

fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

fn add_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use Timeframe::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const DEFAULT: OpenEndedRule = OpenEndedRule::MonthsAfterBase(12);

    #[rstest]
    // Rutland, inspected 3–14 October 2011.
    #[case::rutland_immediately(d(2011, 10, 14), Immediate, d(2011, 10, 14))]
    #[case::rutland_three_months(d(2011, 10, 14), Months(3), d(2012, 1, 14))]
    #[case::rutland_six_months(d(2011, 10, 14), Months(6), d(2012, 4, 14))]
    // Derby, inspected 9–20 May 2011.
    #[case::derby_three_months(d(2011, 5, 20), Months(3), d(2011, 8, 20))]
    #[case::derby_six_months(d(2011, 5, 20), Months(6), d(2011, 11, 20))]
    // Month-end clamping.
    #[case::clamp_to_leap_day(d(2011, 8, 31), Months(6), d(2012, 2, 29))]
    #[case::clamp_to_28_feb(d(2010, 8, 31), Months(6), d(2011, 2, 28))]
    #[case::clamp_to_30_apr(d(2011, 1, 31), Months(3), d(2011, 4, 30))]
    #[case::clamp_30_nov(d(2011, 8, 31), Months(3), d(2011, 11, 30))]
    #[case::no_clamp_needed(d(2012, 2, 29), Months(12), d(2013, 2, 28))]
    #[case::across_year(d(2011, 11, 30), Months(3), d(2012, 2, 29))]
    #[case::zero_months(d(2011, 5, 20), Months(0), d(2011, 5, 20))]
    #[case::one_year(d(2011, 5, 20), Months(12), d(2012, 5, 20))]
    // Weeks and days are plain calendar arithmetic.
    #[case::six_weeks(d(2011, 10, 14), Weeks(6), d(2011, 11, 25))]
    #[case::weeks_across_year(d(2011, 12, 20), Weeks(2), d(2012, 1, 3))]
    #[case::twenty_eight_days(d(2011, 10, 14), Days(28), d(2011, 11, 11))]
    #[case::days_into_leap_day(d(2012, 2, 1), Days(28), d(2012, 2, 29))]
    #[case::zero_days(d(2012, 2, 1), Days(0), d(2012, 2, 1))]
    fn fixed_timeframes_come_from_the_report(
        #[case] base: NaiveDate,
        #[case] timeframe: Timeframe,
        #[case] want: NaiveDate,
    ) {
        let due = due_date(base, timeframe, DEFAULT, None);
        assert_eq!(due.date, want);
        assert_eq!(due.source, DueDateSource::Report);
        assert!(!due.source.is_default());
    }

    #[rstest]
    #[case::longer_term_12(LongerTerm, DEFAULT, None, d(2012, 10, 14), DueDateSource::Default)]
    #[case::unspecified_12(Unspecified, DEFAULT, None, d(2012, 10, 14), DueDateSource::Default)]
    #[case::configured_18(
        LongerTerm,
        OpenEndedRule::MonthsAfterBase(18),
        None,
        d(2013, 4, 14),
        DueDateSource::Default
    )]
    #[case::months_rule_ignores_inspection(
        LongerTerm,
        DEFAULT,
        Some(d(2014, 6, 1)),
        d(2012, 10, 14),
        DueDateSource::Default
    )]
    #[case::by_next_inspection(
        LongerTerm,
        OpenEndedRule::ByNextInspection,
        Some(d(2014, 6, 1)),
        d(2014, 6, 1),
        DueDateSource::NextInspection
    )]
    #[case::by_next_inspection_unspecified(
        Unspecified,
        OpenEndedRule::ByNextInspection,
        Some(d(2013, 1, 7)),
        d(2013, 1, 7),
        DueDateSource::NextInspection
    )]
    #[case::next_inspection_unknown(
        LongerTerm,
        OpenEndedRule::ByNextInspection,
        None,
        d(2012, 10, 14),
        DueDateSource::Default
    )]
    #[case::next_inspection_not_after_base(
        LongerTerm,
        OpenEndedRule::ByNextInspection,
        Some(d(2011, 10, 14)),
        d(2012, 10, 14),
        DueDateSource::Default
    )]
    #[case::next_inspection_ignored_for_fixed(
        Months(3),
        OpenEndedRule::ByNextInspection,
        Some(d(2014, 6, 1)),
        d(2012, 1, 14),
        DueDateSource::Report
    )]
    fn open_ended_timeframes_get_a_marked_default(
        #[case] timeframe: Timeframe,
        #[case] rule: OpenEndedRule,
        #[case] next: Option<NaiveDate>,
        #[case] want: NaiveDate,
        #[case] source: DueDateSource,
    ) {
        let due = due_date(d(2011, 10, 14), timeframe, rule, next);
        assert_eq!(due, Due { date: want, source });
        assert_eq!(due.source.is_default(), !timeframe.is_fixed());
    }

    #[test]
    fn far_future_saturates_instead_of_panicking() {
        let due = due_date(NaiveDate::MAX, Months(6), DEFAULT, None);
        assert_eq!(due.date, NaiveDate::MAX);
        let due = due_date(NaiveDate::MAX, Days(1), DEFAULT, None);
        assert_eq!(due.date, NaiveDate::MAX);
    }

    const END: Option<NaiveDate> = NaiveDate::from_ymd_opt(2011, 10, 14);
    const PUB: Option<NaiveDate> = NaiveDate::from_ymd_opt(2011, 11, 18);
    const USER: Option<NaiveDate> = NaiveDate::from_ymd_opt(2011, 12, 1);

    #[rstest]
    #[case::last_day(BaseDateRule::LastDayOfInspection, END, PUB, None, END)]
    #[case::publication(BaseDateRule::Publication, END, PUB, None, PUB)]
    #[case::user_wins_last_day(BaseDateRule::LastDayOfInspection, END, PUB, USER, USER)]
    #[case::user_wins_publication(BaseDateRule::Publication, END, PUB, USER, USER)]
    #[case::jar_user_only(BaseDateRule::LastDayOfInspection, None, None, USER, USER)]
    #[case::no_publication_falls_back(BaseDateRule::Publication, END, None, None, END)]
    #[case::no_end_falls_back(BaseDateRule::LastDayOfInspection, None, PUB, None, PUB)]
    #[case::nothing_known(BaseDateRule::LastDayOfInspection, None, None, None, None)]
    #[case::nothing_known_pub(BaseDateRule::Publication, None, None, None, None)]
    fn base_date_cases(
        #[case] rule: BaseDateRule,
        #[case] end: Option<NaiveDate>,
        #[case] published: Option<NaiveDate>,
        #[case] user: Option<NaiveDate>,
        #[case] want: Option<NaiveDate>,
    ) {
        assert_eq!(base_date(rule, end, published, user), want);
    }

    #[test]
    fn rules_serialise_as_snake_case_settings() {
        assert_eq!(
            json(&BaseDateRule::LastDayOfInspection),
            r#""last_day_of_inspection""#
        );
        assert_eq!(json(&BaseDateRule::Publication), r#""publication""#);
        assert_eq!(
            json(&OpenEndedRule::default()),
            r#"{"months_after_base":12}"#
        );
        assert_eq!(
            json(&OpenEndedRule::ByNextInspection),
            r#""by_next_inspection""#
        );
        assert_eq!(
            json(&Due {
                date: d(2012, 1, 14),
                source: DueDateSource::NextInspection
            }),
            r#"{"date":"2012-01-14","source":"next_inspection"}"#
        );
        for rule in [
            OpenEndedRule::MonthsAfterBase(18),
            OpenEndedRule::ByNextInspection,
        ] {
            let back: OpenEndedRule =
                serde_json::from_str(&serde_json::to_string(&rule).unwrap()).unwrap();
            assert_eq!(back, rule);
        }
        assert_eq!(BaseDateRule::default(), BaseDateRule::LastDayOfInspection);
    }

    fn json<T: Serialize>(v: &T) -> String {
        serde_json::to_string(v).unwrap()
    }
}
