//! The clock a test harness sets (`schedule::set_clock`): a binary of its own, since the
//! clock is the whole process's and other tests read it.

use chrono::{DateTime, Local, NaiveDate, TimeDelta, Utc};
use inspection_tracker::schedule::{now, set_clock, today};

#[test]
fn a_set_clock_runs_on_from_the_instant_given_and_can_be_put_back() {
    let at = DateTime::parse_from_rfc3339("2012-01-20T10:15:00Z")
        .unwrap()
        .with_timezone(&Utc);
    set_clock(Some(at));
    let first = now();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let second = now();
    assert!(first >= at && second > first, "{at} {first} {second}");
    assert!(second - at < TimeDelta::seconds(60), "{second}");
    assert_eq!(today(), at.with_timezone(&Local).date_naive());
    set_clock(None);
    assert!(now().date_naive() > NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
}
