//! What this session's environment says, for every layer (the errors' words included):
//! the user's name and how long a write waits for another program.

use std::time::Duration;

/// How long a connection waits for another writer before reporting "busy": long enough
/// that a person and a script (or two people) writing at once both succeed, short enough
/// that a program holding the database for good is reported.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Environment variable that sets the busy timeout in seconds (scripts that would rather
/// fail fast, and the tests of the busy error).
pub const BUSY_TIMEOUT_ENV: &str = "INSPECTION_TRACKER_BUSY_TIMEOUT";

/// The busy timeout in force: [`BUSY_TIMEOUT_ENV`] when set to a number of seconds, else 30 s.
pub fn busy_timeout() -> Duration {
    std::env::var(BUSY_TIMEOUT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(BUSY_TIMEOUT, Duration::from_secs_f64)
}

/// The operating-system user: `USER` (`USERNAME` on Windows) as the session sets it, else
/// the account's name from the system (a program started without a login environment —
/// a service, a scheduler, some launchers — has neither variable), else "unknown".
pub fn default_user() -> String {
    ["USER", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .chain(whoami::username().ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "unknown".into())
}
