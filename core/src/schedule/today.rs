//! The one place the clock is read. Every rule takes `today` as a parameter so results are
//! reproducible (the CLI's `--as-of`, tests, a board report "as at" a date); only the CLI and
//! app edges call [`today`].

use chrono::NaiveDate;

/// Today's date on this computer's local clock.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
