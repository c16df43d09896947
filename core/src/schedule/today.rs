//! The one place the clock is read (clippy.toml forbids `chrono`'s `now` anywhere else).
//! Every rule takes `today` as a parameter so results are reproducible (the CLI's
//! `--as-of`, tests, a board report "as at" a date); only the CLI and app edges call
//! [`today`], and the store stamps its rows and backups with [`now`].

use chrono::{DateTime, NaiveDate, Utc};

/// Today's date on this computer's local clock.
#[allow(
    clippy::disallowed_methods,
    reason = "the one place the date is read from the clock"
)]
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// This instant in UTC, for timestamps (`created_at`, history, backup names).
#[allow(
    clippy::disallowed_methods,
    reason = "the one place the time is read from the clock"
)]
pub fn now() -> DateTime<Utc> {
    Utc::now()
}
