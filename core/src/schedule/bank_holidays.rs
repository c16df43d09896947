//! Bank holidays in England and Wales, computed by rule for any year.
//!
//! Working-day deadlines (the 70-working-day action plan) must not depend on a download or a
//! network call, and the plans we track span 2005 onwards, so the holidays are computed:
//! New Year's Day, Good Friday, Easter Monday, the early May, spring and summer bank
//! holidays, Christmas Day and Boxing Day, with substitute days when a fixed date falls at a
//! weekend — as they have stood since 1978, when the early May holiday began. One-off
//! changes by royal proclamation (jubilees, royal weddings, a state funeral, a coronation)
//! are in the `ONE_OFF_CHANGES` table: **add new ones there when they are announced**.
//! Scotland and Northern Ireland have different holidays and are out of scope.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// One bank holiday, with its GOV.UK name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BankHoliday {
    pub date: NaiveDate,
    pub name: String,
}

/// The regular holidays, as the one-off table refers to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Regular {
    NewYear,
    GoodFriday,
    EasterMonday,
    EarlyMay,
    Spring,
    Summer,
    Christmas,
    Boxing,
}

/// A change to one year's holidays made by proclamation.
#[derive(Debug, Clone, Copy)]
enum Change {
    /// A regular holiday moved to another date (month, day) and named afresh.
    Moved(i32, Regular, (u32, u32), &'static str),
    /// An extra holiday (month, day).
    Extra(i32, (u32, u32), &'static str),
}

/// One-off changes, oldest first.
const ONE_OFF_CHANGES: &[Change] = &[
    Change::Moved(
        1995,
        Regular::EarlyMay,
        (5, 8),
        "Early May bank holiday (VE day)",
    ),
    Change::Extra(1999, (12, 31), "Millennium celebrations"),
    Change::Moved(2002, Regular::Spring, (6, 4), "Spring bank holiday"),
    Change::Extra(2002, (6, 3), "Queen’s Golden Jubilee"),
    Change::Extra(2011, (4, 29), "Royal wedding"),
    Change::Moved(2012, Regular::Spring, (6, 4), "Spring bank holiday"),
    Change::Extra(2012, (6, 5), "Queen’s Diamond Jubilee"),
    Change::Moved(
        2020,
        Regular::EarlyMay,
        (5, 8),
        "Early May bank holiday (VE day)",
    ),
    Change::Moved(2022, Regular::Spring, (6, 2), "Spring bank holiday"),
    Change::Extra(2022, (6, 3), "Platinum Jubilee bank holiday"),
    Change::Extra(
        2022,
        (9, 19),
        "Bank Holiday for the State Funeral of Queen Elizabeth II",
    ),
    Change::Extra(
        2023,
        (5, 8),
        "Bank holiday for the coronation of King Charles III",
    ),
];

/// The bank holidays of `year`, sorted by date.
pub fn bank_holidays(year: i32) -> Vec<NaiveDate> {
    named_bank_holidays(year)
        .into_iter()
        .map(|h| h.date)
        .collect()
}

/// True when `d` is a bank holiday in England and Wales.
pub fn is_bank_holiday(d: NaiveDate) -> bool {
    regular_and_changed(d.year())
        .iter()
        .any(|(date, _)| *date == d)
}

/// The bank holidays of `year` with their names, sorted by date (empty outside the range
/// of dates chrono can represent).
pub fn named_bank_holidays(year: i32) -> Vec<BankHoliday> {
    regular_and_changed(year)
        .into_iter()
        .map(|(date, name)| BankHoliday {
            date,
            name: name.to_string(),
        })
        .collect()
}

/// Easter Sunday in the Gregorian calendar: the anonymous Gregorian algorithm (Meeus,
/// Jones, Butcher). `None` only outside chrono's date range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // n / 31 is 3 or 4 and n % 31 + 1 at most 31, so the casts cannot wrap.
    NaiveDate::from_ymd_opt(year, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// The year's holidays, sorted, with the one-off changes applied.
fn regular_and_changed(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let Some(mut days) = regular(year) else {
        return Vec::new();
    };
    for change in ONE_OFF_CHANGES {
        match *change {
            Change::Moved(y, which, (m, d), name) if y == year => {
                if let (Some(slot), Some(date)) = (
                    days.iter_mut().find(|(_, r, _)| *r == Some(which)),
                    NaiveDate::from_ymd_opt(year, m, d),
                ) {
                    *slot = (date, Some(which), name);
                }
            }
            Change::Extra(y, (m, d), name) if y == year => {
                if let Some(date) = NaiveDate::from_ymd_opt(year, m, d) {
                    days.push((date, None, name));
                }
            }
            _ => {}
        }
    }
    let mut out: Vec<_> = days.into_iter().map(|(d, _, name)| (d, name)).collect();
    out.sort();
    out
}

type Slot = (NaiveDate, Option<Regular>, &'static str);

/// The regular holidays of `year`, unsorted.
fn regular(year: i32) -> Option<Vec<Slot>> {
    let date = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let easter = easter_sunday(year)?;
    let mut days: Vec<Slot> = Vec::with_capacity(10);

    // New Year's Day on a Saturday or Sunday moves to the Monday after.
    let new_year = date(1, 1)?;
    days.push(if is_weekend(new_year) {
        (
            next_weekday_free(new_year, &[])?,
            Some(Regular::NewYear),
            "New Year’s Day (substitute day)",
        )
    } else {
        (new_year, Some(Regular::NewYear), "New Year’s Day")
    });
    days.push((
        easter.checked_sub_days(Days::new(2))?,
        Some(Regular::GoodFriday),
        "Good Friday",
    ));
    days.push((
        easter.checked_add_days(Days::new(1))?,
        Some(Regular::EasterMonday),
        "Easter Monday",
    ));
    days.push((
        NaiveDate::from_weekday_of_month_opt(year, 5, Weekday::Mon, 1)?,
        Some(Regular::EarlyMay),
        "Early May bank holiday",
    ));
    days.push((
        last_monday(year, 5)?,
        Some(Regular::Spring),
        "Spring bank holiday",
    ));
    days.push((
        last_monday(year, 8)?,
        Some(Regular::Summer),
        "Summer bank holiday",
    ));

    // Christmas and Boxing Day: a day that falls on a weekday keeps its date; one that
    // falls at a weekend moves to the next weekday not already taken (Christmas first).
    // So Christmas on a Saturday gives Mon 27 and Tue 28; on a Sunday, Boxing Day Mon 26
    // and Christmas (substitute) Tue 27; on a Friday, Boxing Day (substitute) Mon 28.
    let fixed = [
        (date(12, 25)?, Regular::Christmas, "Christmas Day"),
        (date(12, 26)?, Regular::Boxing, "Boxing Day"),
    ];
    let mut taken = Vec::with_capacity(2);
    for (d, which, name) in fixed {
        if !is_weekend(d) {
            taken.push(d);
            days.push((d, Some(which), name));
        }
    }
    for (d, which, _) in fixed {
        if is_weekend(d) {
            let sub = next_weekday_free(d, &taken)?;
            taken.push(sub);
            let name = match which {
                Regular::Christmas => "Christmas Day (substitute day)",
                _ => "Boxing Day (substitute day)",
            };
            days.push((sub, Some(which), name));
        }
    }
    Some(days)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The first weekday after `d` that is not in `taken`.
fn next_weekday_free(d: NaiveDate, taken: &[NaiveDate]) -> Option<NaiveDate> {
    let mut next = d.succ_opt()?;
    while is_weekend(next) || taken.contains(&next) {
        next = next.succ_opt()?;
    }
    Some(next)
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    // The fifth Monday when there is one, else the fourth.
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(year: i32, md: &[(u32, u32)]) -> Vec<NaiveDate> {
        md.iter().map(|&(m, day)| d(year, m, day)).collect()
    }

    /// The published GOV.UK lists for England and Wales, written out by hand.
    #[rstest]
    #[case::y2010(2010, &[(1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)])]
    // 1 Jan a Saturday; the royal wedding; Christmas on a Sunday.
    #[case::y2011(2011, &[(1, 3), (4, 22), (4, 25), (4, 29), (5, 2), (5, 30), (8, 29), (12, 26), (12, 27)])]
    // Spring moved to 4 June for the Diamond Jubilee on 5 June.
    #[case::y2012(2012, &[(1, 2), (4, 6), (4, 9), (5, 7), (6, 4), (6, 5), (8, 27), (12, 25), (12, 26)])]
    #[case::y2013(2013, &[(1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)])]
    #[case::y2015(2015, &[(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)])]
    #[case::y2016(2016, &[(1, 1), (3, 25), (3, 28), (5, 2), (5, 30), (8, 29), (12, 26), (12, 27)])]
    #[case::y2017(2017, &[(1, 2), (4, 14), (4, 17), (5, 1), (5, 29), (8, 28), (12, 25), (12, 26)])]
    // Early May moved to Friday 8 May for VE day; Boxing Day a Saturday.
    #[case::y2020(2020, &[(1, 1), (4, 10), (4, 13), (5, 8), (5, 25), (8, 31), (12, 25), (12, 28)])]
    // Christmas on a Saturday: both substitutes.
    #[case::y2021(2021, &[(1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)])]
    // Spring moved to Thursday 2 June, Platinum Jubilee 3 June, State Funeral 19 September.
    #[case::y2022(2022, &[(1, 3), (4, 15), (4, 18), (5, 2), (6, 2), (6, 3), (8, 29), (9, 19), (12, 26), (12, 27)])]
    // The coronation, Monday 8 May.
    #[case::y2023(2023, &[(1, 2), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)])]
    #[case::y2024(2024, &[(1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)])]
    #[case::y2025(2025, &[(1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)])]
    #[case::y2026(2026, &[(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)])]
    #[case::y2027(2027, &[(1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)])]
    // Older one-offs.
    #[case::y1995(1995, &[(1, 2), (4, 14), (4, 17), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)])]
    #[case::y1999(1999, &[(1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28), (12, 31)])]
    #[case::y2002(2002, &[(1, 1), (3, 29), (4, 1), (5, 6), (6, 3), (6, 4), (8, 26), (12, 25), (12, 26)])]
    fn published_lists(#[case] year: i32, #[case] want: &[(u32, u32)]) {
        assert_eq!(bank_holidays(year), dates(year, want));
        for day in dates(year, want) {
            assert!(is_bank_holiday(day), "{day}");
        }
    }

    #[rstest]
    #[case::y2011(2011, &[(12, 26, "Boxing Day"), (12, 27, "Christmas Day (substitute day)")])]
    #[case::y2020(2020, &[(12, 25, "Christmas Day"), (12, 28, "Boxing Day (substitute day)")])]
    #[case::y2021(2021, &[(12, 27, "Christmas Day (substitute day)"), (12, 28, "Boxing Day (substitute day)")])]
    #[case::y2022(2022, &[(1, 3, "New Year’s Day (substitute day)"), (6, 3, "Platinum Jubilee bank holiday")])]
    #[case::y2023(2023, &[(5, 8, "Bank holiday for the coronation of King Charles III")])]
    fn names(#[case] year: i32, #[case] want: &[(u32, u32, &str)]) {
        let all = named_bank_holidays(year);
        for &(m, day, name) in want {
            let found = all.iter().find(|h| h.date == d(year, m, day));
            assert_eq!(
                found.map(|h| h.name.as_str()),
                Some(name),
                "{year}-{m}-{day}"
            );
        }
    }

    #[rstest]
    #[case::y1818(1818, d(1818, 3, 22))]
    #[case::y1943(1943, d(1943, 4, 25))]
    #[case::y2000(2000, d(2000, 4, 23))]
    #[case::y2008(2008, d(2008, 3, 23))]
    #[case::y2011(2011, d(2011, 4, 24))]
    #[case::y2019(2019, d(2019, 4, 21))]
    #[case::y2024(2024, d(2024, 3, 31))]
    #[case::y2025(2025, d(2025, 4, 20))]
    #[case::y2038(2038, d(2038, 4, 25))]
    #[case::y2285(2285, d(2285, 3, 22))]
    fn easter(#[case] year: i32, #[case] want: NaiveDate) {
        assert_eq!(easter_sunday(year), Some(want));
    }

    #[test]
    fn every_year_2010_to_2030_is_sane() {
        let extra: &[(i32, usize)] = &[(2011, 1), (2012, 1), (2022, 2), (2023, 1)];
        for year in 2010..=2030 {
            let days = bank_holidays(year);
            let want = 8 + extra.iter().find(|(y, _)| *y == year).map_or(0, |e| e.1);
            assert_eq!(days.len(), want, "{year}: {days:?}");
            assert!(
                days.windows(2).all(|w| w[0] < w[1]),
                "{year} sorted, distinct"
            );
            for day in &days {
                assert_eq!(day.year(), year);
                assert!(!is_weekend(*day), "{day} is a weekend");
            }
            assert_eq!(days[0].month(), 1, "{year}: New Year first");
            assert!(days[0].day() <= 3);
            let easter = easter_sunday(year).unwrap();
            assert!(days.contains(&(easter - Days::new(2))));
            assert!(days.contains(&(easter + Days::new(1))));
            let mondays = |m: u32| {
                days.iter()
                    .filter(|d| d.month() == m && d.weekday() == Weekday::Mon)
                    .count()
            };
            // May: first and last Mondays, except where moved (2012, 2020, 2022) or added (2023).
            let may = match year {
                2012 | 2020 | 2022 => 1,
                2023 => 3,
                _ => 2,
            };
            assert_eq!(mondays(5), may, "{year} May");
            assert_eq!(mondays(8), 1, "{year} August");
            let summer = days.iter().find(|d| d.month() == 8).unwrap();
            assert!(summer.day() >= 25);
            let christmas: Vec<_> = days.iter().filter(|d| d.month() == 12).collect();
            assert_eq!(christmas.len(), 2, "{year}");
            assert!(christmas.iter().all(|d| (25..=28).contains(&d.day())));
        }
    }

    #[rstest]
    #[case::christmas_2023(d(2023, 12, 25), true)]
    #[case::christmas_2021_saturday(d(2021, 12, 25), false)]
    #[case::substitute_2021(d(2021, 12, 28), true)]
    #[case::not_a_holiday_2011(d(2011, 12, 28), false)]
    #[case::ordinary_day(d(2023, 5, 9), false)]
    #[case::early_may_2020_not_monday(d(2020, 5, 4), false)]
    #[case::spring_2012_not_last_monday(d(2012, 5, 28), false)]
    #[case::spring_2022_not_last_monday(d(2022, 5, 30), false)]
    #[case::funeral(d(2022, 9, 19), true)]
    fn is_bank_holiday_cases(#[case] day: NaiveDate, #[case] want: bool) {
        assert_eq!(is_bank_holiday(day), want);
    }

    #[test]
    fn out_of_range_years_are_empty_not_a_panic() {
        assert!(bank_holidays(i32::MAX).is_empty());
        assert!(bank_holidays(i32::MIN).is_empty());
    }
}
