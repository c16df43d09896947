//! The one place the clock is read (clippy.toml forbids `chrono`'s `now` anywhere else).
//! Every rule takes `today` as a parameter so results are reproducible (the CLI's
//! `--as-of`, tests, a board report "as at" a date); only the CLI and app edges call
//! [`today`], and the store stamps its rows and backups with [`now`].
//!
//! A test harness that drives the app's commands as a person would (the browser tests'
//! bridge, `src-tauri/examples/test_bridge.rs`) sets the clock with [`set_clock`]: from
//! then on [`now`] runs on from the instant given and [`today`] is that instant's local
//! date, so a sample plan is seen "as of" its own day. Nothing in the app or CLI calls it.

use std::sync::RwLock;
use std::time::Instant;

use chrono::{DateTime, Local, NaiveDate, TimeDelta, Utc};

/// The clock as set: the instant given, and when it was given (it runs on from there).
static SET: RwLock<Option<(DateTime<Utc>, Instant)>> = RwLock::new(None);

/// Today's date on this computer's local clock.
#[allow(
    clippy::disallowed_methods,
    reason = "the one place the date is read from the clock"
)]
pub fn today() -> NaiveDate {
    match set_now() {
        Some(at) => at.with_timezone(&Local).date_naive(),
        None => chrono::Local::now().date_naive(),
    }
}

/// This instant in UTC, for timestamps (`created_at`, history, backup names).
#[allow(
    clippy::disallowed_methods,
    reason = "the one place the time is read from the clock"
)]
pub fn now() -> DateTime<Utc> {
    set_now().unwrap_or_else(Utc::now)
}

/// Sets this process's clock to `at` (it runs on from there), or back to the computer's
/// with `None`. For test harnesses only (see the module docs).
pub fn set_clock(at: Option<DateTime<Utc>>) {
    let mut set = SET.write().unwrap_or_else(|poisoned| poisoned.into_inner());
    *set = at.map(|at| (at, Instant::now()));
}

fn set_now() -> Option<DateTime<Utc>> {
    let set = *SET.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    set.map(|(at, since)| at + TimeDelta::from_std(since.elapsed()).unwrap_or(TimeDelta::zero()))
}
