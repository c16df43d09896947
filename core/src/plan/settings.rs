//! Typed settings over the `settings` table. Unset keys take their defaults, so a new
//! database works without set-up; every change is validated, stored in canonical form and
//! recorded in the history (entity "setting", id = the key).

use rusqlite::Connection;
use serde::Serialize;

use super::history;
use crate::model::{BaseDateRule, OpenEndedRule, RagRule, RagSettings};
use crate::store::settings::{get_setting, upsert_setting};
use crate::store::{backup, now_utc, Store};
use crate::{Error, Result};

/// Every setting the plan reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// The name written in the history for changes made here.
    pub user_name: String,
    pub base_date_rule: BaseDateRule,
    pub open_ended: OpenEndedRule,
    pub rag: RagSettings,
    /// Automatic backups kept in `backups/` (0 = none).
    pub backups_keep: u32,
    /// Hours between scheduled backups (0 = before every write, as before version 0.2).
    pub backup_interval_hours: u32,
    /// Desktop notifications of actions overdue or due this week.
    pub reminders: bool,
}

/// The keys `get` and `set` accept, in display order.
pub const KEYS: [&str; 9] = [
    "user_name",
    "base_date_rule",
    "open_ended",
    "amber_window_days",
    "amber_progress_below",
    "backups_keep",
    "backup_interval_hours",
    "reminders",
    "rag_rule",
];

pub use crate::environment::default_user;

/// A key's value when it was never set.
fn default_value(key: &str) -> Result<String> {
    let rag = RagSettings::default();
    Ok(match key {
        "user_name" => default_user(),
        "base_date_rule" => "last_day_of_inspection".into(),
        "open_ended" => format_open_ended(OpenEndedRule::default()),
        "amber_window_days" => rag.amber_window_days.to_string(),
        "amber_progress_below" => rag.amber_progress_below.to_string(),
        "backups_keep" => backup::DEFAULT_KEEP.to_string(),
        "backup_interval_hours" => backup::DEFAULT_INTERVAL_HOURS.to_string(),
        "reminders" => "on".into(),
        "rag_rule" => rag.rule.as_str().into(),
        _ => return Err(unknown_key(key)),
    })
}

fn unknown_key(key: &str) -> Error {
    Error::Invalid(format!(
        "unknown setting {key:?}; the settings are {}",
        KEYS.join(", ")
    ))
}

fn format_open_ended(rule: OpenEndedRule) -> String {
    match rule {
        OpenEndedRule::MonthsAfterBase(n) => n.to_string(),
        OpenEndedRule::ByNextInspection => "next_inspection".into(),
    }
}

/// A year: the longest gap between scheduled backups anyone should choose.
const MAX_INTERVAL_HOURS: u32 = 8760;

impl Settings {
    /// How often the scheduled backup is due.
    pub fn backup_interval(&self) -> std::time::Duration {
        backup::interval(self.backup_interval_hours)
    }
}

fn number(key: &str, value: &str, max: u32) -> Result<u32> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= max)
        .ok_or_else(|| {
            Error::Invalid(format!(
                "{key} must be a whole number from 0 to {max}, not {value:?}"
            ))
        })
}

/// Check `value` for `key` and return it in canonical form.
pub fn canonical(key: &str, value: &str) -> Result<String> {
    let v = value.trim();
    Ok(match key {
        "user_name" if !v.is_empty() => v.to_string(),
        "user_name" => return Err(Error::Invalid("user_name cannot be empty".into())),
        "base_date_rule" => parse_base_rule(v)
            .map(|r| match r {
                BaseDateRule::LastDayOfInspection => "last_day_of_inspection",
                BaseDateRule::Publication => "publication",
            })
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "base_date_rule must be last_day_of_inspection or publication, not {v:?}"
                ))
            })?
            .to_string(),
        "open_ended" => format_open_ended(parse_open_ended(v)?),
        "amber_window_days" => number(key, v, 366)?.to_string(),
        "amber_progress_below" => number(key, v, 100)?.to_string(),
        "backups_keep" => number(key, v, 1000)?.to_string(),
        "backup_interval_hours" => number(key, v, MAX_INTERVAL_HOURS)?.to_string(),
        "reminders" => if switch(v)? { "on" } else { "off" }.to_string(),
        "rag_rule" => RagRule::parse(v)
            .ok_or_else(|| {
                let all: Vec<&str> = RagRule::ALL.iter().map(|r| r.as_str()).collect();
                Error::Invalid(format!(
                    "rag_rule must be one of {}, not {v:?}",
                    all.join(", ")
                ))
            })?
            .as_str()
            .to_string(),
        _ => return Err(unknown_key(key)),
    })
}

/// An on/off setting, in the words people type.
fn switch(v: &str) -> Result<bool> {
    match v.to_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Ok(true),
        "off" | "false" | "no" | "0" => Ok(false),
        _ => Err(Error::Invalid(format!(
            "reminders must be on or off, not {v:?}"
        ))),
    }
}

fn parse_base_rule(v: &str) -> Option<BaseDateRule> {
    match v.to_lowercase().replace([' ', '-'], "_").as_str() {
        "last_day_of_inspection" | "inspection_end" | "last_day" => {
            Some(BaseDateRule::LastDayOfInspection)
        }
        "publication" | "published" => Some(BaseDateRule::Publication),
        _ => None,
    }
}

fn parse_open_ended(v: &str) -> Result<OpenEndedRule> {
    let norm = v.to_lowercase().replace([' ', '-'], "_");
    if matches!(norm.as_str(), "next_inspection" | "by_next_inspection") {
        return Ok(OpenEndedRule::ByNextInspection);
    }
    number("open_ended", v, 120)
        .map(OpenEndedRule::MonthsAfterBase)
        .map_err(|_| {
            Error::Invalid(format!(
                "open_ended must be a number of months (0 to 120) or next_inspection, not {v:?}"
            ))
        })
}

/// A key's current value as text (stored, or its default).
pub fn get(conn: &Connection, key: &str) -> Result<String> {
    let default = default_value(key)?;
    Ok(get_setting(conn, key)?.unwrap_or(default))
}

/// Every setting as (key, value, is_default).
pub fn list(conn: &Connection) -> Result<Vec<(String, String, bool)>> {
    KEYS.iter()
        .map(|k| {
            Ok(match get_setting(conn, k)? {
                Some(v) => (k.to_string(), v, false),
                None => (k.to_string(), default_value(k)?, true),
            })
        })
        .collect()
}

/// All settings, typed.
pub fn load(conn: &Connection) -> Result<Settings> {
    let stored = |key: &str| -> Result<String> { canonical(key, &get(conn, key)?) };
    Ok(Settings {
        user_name: stored("user_name")?,
        base_date_rule: parse_base_rule(&stored("base_date_rule")?).unwrap_or_default(),
        open_ended: parse_open_ended(&stored("open_ended")?)?,
        rag: RagSettings {
            amber_window_days: number("amber_window_days", &stored("amber_window_days")?, 366)?,
            amber_progress_below: number(
                "amber_progress_below",
                &stored("amber_progress_below")?,
                100,
            )?
            .try_into()
            .unwrap_or(50),
            rule: RagRule::parse(&stored("rag_rule")?).unwrap_or_default(),
        },
        backups_keep: number("backups_keep", &stored("backups_keep")?, 1000)?,
        backup_interval_hours: number(
            "backup_interval_hours",
            &stored("backup_interval_hours")?,
            MAX_INTERVAL_HOURS,
        )?,
        reminders: switch(&stored("reminders")?)?,
    })
}

/// Validate and store a setting, recording the change. Returns the canonical value.
pub fn set(store: &mut Store, key: &str, value: &str, who: &str) -> Result<String> {
    let mut values = set_many(store, &[(key, value)], who)?;
    Ok(values.remove(0))
}

/// Validate and store several settings in one transaction (the app's Settings → Save
/// changes): all of them, or none if one is refused. Returns the canonical values.
pub fn set_many(store: &mut Store, changes: &[(&str, &str)], who: &str) -> Result<Vec<String>> {
    let values = changes
        .iter()
        .map(|(key, value)| canonical(key, value))
        .collect::<Result<Vec<_>>>()?;
    let tx = store.write()?;
    for ((key, _), value) in changes.iter().zip(&values) {
        let old = get_setting(&tx, key)?;
        if old.as_deref() != Some(value.as_str()) {
            upsert_setting(&tx, key, value, &now_utc())?;
            history::record(
                &tx,
                "setting",
                key,
                "value",
                old.as_deref(),
                Some(value),
                who,
            )?;
        }
    }
    tx.commit()?;
    Ok(values)
}
