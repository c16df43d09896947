//! The date rules on the cases they exist for: real inspections, real publication dates,
//! and the bank holidays GOV.UK publishes (www.gov.uk/bank-holidays, England and Wales).

use chrono::NaiveDate;
use inspection_tracker::model::{BaseDateRule, DueDateSource, OpenEndedRule, Timeframe};
use inspection_tracker::schedule::{
    action_plan_deadline, add_working_days, base_date, due_date, is_working_day,
    named_bank_holidays,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TWELVE: OpenEndedRule = OpenEndedRule::MonthsAfterBase(12);

fn due(base: &str, t: Timeframe) -> (NaiveDate, DueDateSource) {
    let due = due_date(d(base), t, TWELVE, None);
    (due.date, due.source)
}

#[test]
fn rutland_2011_inspected_3_to_14_october() {
    let base = base_date(
        BaseDateRule::LastDayOfInspection,
        Some(d("2011-10-14")),
        Some(d("2011-11-18")),
        None,
    )
    .unwrap();
    assert_eq!(base, d("2011-10-14"));
    let b = "2011-10-14";
    assert_eq!(
        due(b, Timeframe::Immediate),
        (d("2011-10-14"), DueDateSource::Report)
    );
    assert_eq!(
        due(b, Timeframe::Months(3)),
        (d("2012-01-14"), DueDateSource::Report)
    );
    assert_eq!(
        due(b, Timeframe::Months(6)),
        (d("2012-04-14"), DueDateSource::Report)
    );
}

#[test]
fn derby_2011_inspected_9_to_20_may() {
    assert_eq!(due("2011-05-20", Timeframe::Months(3)).0, d("2011-08-20"));
    assert_eq!(due("2011-05-20", Timeframe::Months(6)).0, d("2011-11-20"));
    assert_eq!(due("2011-05-20", Timeframe::Immediate).0, d("2011-05-20"));
}

#[test]
fn months_are_calendar_months_clamped_to_the_month_end() {
    assert_eq!(due("2011-08-31", Timeframe::Months(6)).0, d("2012-02-29"));
    assert_eq!(due("2010-08-31", Timeframe::Months(6)).0, d("2011-02-28"));
    assert_eq!(due("2011-03-31", Timeframe::Months(3)).0, d("2011-06-30"));
    assert_eq!(due("2012-02-29", Timeframe::Months(12)).0, d("2013-02-28"));
    assert_eq!(due("2011-10-14", Timeframe::Weeks(6)).0, d("2011-11-25"));
    assert_eq!(due("2011-12-20", Timeframe::Days(14)).0, d("2012-01-03"));
}

#[test]
fn open_ended_recommendations_get_a_default_marked_as_such() {
    for t in [Timeframe::LongerTerm, Timeframe::Unspecified] {
        let (date, source) = due("2011-10-14", t);
        assert_eq!(date, d("2012-10-14"));
        assert_eq!(source, DueDateSource::Default);
        assert!(source.is_default());
    }
    let by_next = due_date(
        d("2011-10-14"),
        Timeframe::LongerTerm,
        OpenEndedRule::ByNextInspection,
        Some(d("2014-04-14")),
    );
    assert_eq!(by_next.date, d("2014-04-14"));
    assert_eq!(by_next.source, DueDateSource::NextInspection);
    assert!(!DueDateSource::Report.is_default());
}

#[test]
fn the_base_date_can_be_the_publication_date_and_is_never_guessed() {
    let end = Some(d("2011-10-14"));
    let published = Some(d("2011-11-18"));
    assert_eq!(
        base_date(BaseDateRule::Publication, end, published, None),
        published
    );
    assert_eq!(
        base_date(BaseDateRule::LastDayOfInspection, None, None, None),
        None
    );
    assert_eq!(
        base_date(
            BaseDateRule::LastDayOfInspection,
            None,
            None,
            Some(d("2006-11-24"))
        ),
        Some(d("2006-11-24"))
    );
}

#[test]
fn the_action_plan_is_due_70_working_days_after_receipt() {
    // Ofsted's own date for a report published on Tue 9 May 2023.
    assert_eq!(action_plan_deadline(d("2023-05-09")), d("2023-08-16"));
    // Rutland 2011, published Fri 18 Nov 2011: across Christmas 2011 (Mon 26, Tue 27 Dec)
    // and the New Year substitute (Mon 2 Jan 2012).
    assert_eq!(action_plan_deadline(d("2011-11-18")), d("2012-02-29"));
    // Across the coronation bank holiday (Mon 8 May 2023) and the royal wedding (Fri 29 Apr
    // 2011): a holiday inside the window moves the deadline one working day on.
    assert_eq!(add_working_days(d("2023-05-05"), 1), d("2023-05-09"));
    assert_eq!(add_working_days(d("2011-04-28"), 1), d("2011-05-03"));
}

/// GOV.UK's list for one year (England and Wales), as (month, day, name).
fn check_year(year: i32, want: &[(u32, u32, &str)]) {
    let got: Vec<(NaiveDate, String)> = named_bank_holidays(year)
        .into_iter()
        .map(|h| (h.date, h.name))
        .collect();
    let want: Vec<(NaiveDate, String)> = want
        .iter()
        .map(|(m, day, name)| {
            (
                NaiveDate::from_ymd_opt(year, *m, *day).unwrap(),
                name.to_string(),
            )
        })
        .collect();
    assert_eq!(got, want, "{year}");
    for (date, _) in &got {
        assert!(!is_working_day(*date), "{date}");
    }
}

#[test]
fn bank_holidays_2011_with_the_royal_wedding() {
    check_year(
        2011,
        &[
            (1, 3, "New Year’s Day (substitute day)"),
            (4, 22, "Good Friday"),
            (4, 25, "Easter Monday"),
            (4, 29, "Royal wedding"),
            (5, 2, "Early May bank holiday"),
            (5, 30, "Spring bank holiday"),
            (8, 29, "Summer bank holiday"),
            (12, 26, "Boxing Day"),
            (12, 27, "Christmas Day (substitute day)"),
        ],
    );
}

#[test]
fn bank_holidays_2012_with_the_diamond_jubilee() {
    check_year(
        2012,
        &[
            (1, 2, "New Year’s Day (substitute day)"),
            (4, 6, "Good Friday"),
            (4, 9, "Easter Monday"),
            (5, 7, "Early May bank holiday"),
            (6, 4, "Spring bank holiday"),
            (6, 5, "Queen’s Diamond Jubilee"),
            (8, 27, "Summer bank holiday"),
            (12, 25, "Christmas Day"),
            (12, 26, "Boxing Day"),
        ],
    );
}

#[test]
fn bank_holidays_2022_with_the_platinum_jubilee_and_the_state_funeral() {
    check_year(
        2022,
        &[
            (1, 3, "New Year’s Day (substitute day)"),
            (4, 15, "Good Friday"),
            (4, 18, "Easter Monday"),
            (5, 2, "Early May bank holiday"),
            (6, 2, "Spring bank holiday"),
            (6, 3, "Platinum Jubilee bank holiday"),
            (8, 29, "Summer bank holiday"),
            (
                9,
                19,
                "Bank Holiday for the State Funeral of Queen Elizabeth II",
            ),
            (12, 26, "Boxing Day"),
            (12, 27, "Christmas Day (substitute day)"),
        ],
    );
}

#[test]
fn bank_holidays_2023_with_the_coronation() {
    check_year(
        2023,
        &[
            (1, 2, "New Year’s Day (substitute day)"),
            (4, 7, "Good Friday"),
            (4, 10, "Easter Monday"),
            (5, 1, "Early May bank holiday"),
            (5, 8, "Bank holiday for the coronation of King Charles III"),
            (5, 29, "Spring bank holiday"),
            (8, 28, "Summer bank holiday"),
            (12, 25, "Christmas Day"),
            (12, 26, "Boxing Day"),
        ],
    );
}

#[test]
fn bank_holiday_dates_in_ordinary_years_2014_to_2030() {
    let years: &[(i32, &[(u32, u32)])] = &[
        (
            2014,
            &[
                (1, 1),
                (4, 18),
                (4, 21),
                (5, 5),
                (5, 26),
                (8, 25),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2018,
            &[
                (1, 1),
                (3, 30),
                (4, 2),
                (5, 7),
                (5, 28),
                (8, 27),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2019,
            &[
                (1, 1),
                (4, 19),
                (4, 22),
                (5, 6),
                (5, 27),
                (8, 26),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2020,
            &[
                (1, 1),
                (4, 10),
                (4, 13),
                (5, 8),
                (5, 25),
                (8, 31),
                (12, 25),
                (12, 28),
            ],
        ),
        (
            2024,
            &[
                (1, 1),
                (3, 29),
                (4, 1),
                (5, 6),
                (5, 27),
                (8, 26),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2028,
            &[
                (1, 3),
                (4, 14),
                (4, 17),
                (5, 1),
                (5, 29),
                (8, 28),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2030,
            &[
                (1, 1),
                (4, 19),
                (4, 22),
                (5, 6),
                (5, 27),
                (8, 26),
                (12, 25),
                (12, 26),
            ],
        ),
    ];
    for (year, md) in years {
        let got: Vec<NaiveDate> = named_bank_holidays(*year)
            .into_iter()
            .map(|h| h.date)
            .collect();
        let want: Vec<NaiveDate> = md
            .iter()
            .map(|(m, day)| NaiveDate::from_ymd_opt(*year, *m, *day).unwrap())
            .collect();
        assert_eq!(got, want, "{year}");
    }
}
