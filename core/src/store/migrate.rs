//! Schema migrations: numbered `.sql` files in `migrations/`, embedded in the binary,
//! applied in order inside one transaction; `PRAGMA user_version` records how far we got.

use rusqlite::Connection;

use crate::{Error, Result};

/// One embedded migration.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order. A test checks this list against the files in `migrations/`.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_initial",
        sql: include_str!("../../../migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "0002_plan_search",
        sql: include_str!("../../../migrations/0002_plan_search.sql"),
    },
    Migration {
        version: 3,
        name: "0003_report_text",
        sql: include_str!("../../../migrations/0003_report_text.sql"),
    },
    Migration {
        version: 4,
        name: "0004_area_send",
        sql: include_str!("../../../migrations/0004_area_send.sql"),
    },
    Migration {
        version: 5,
        name: "0005_repeat_links",
        sql: include_str!("../../../migrations/0005_repeat_links.sql"),
    },
    Migration {
        version: 6,
        name: "0006_timeline",
        sql: include_str!("../../../migrations/0006_timeline.sql"),
    },
    Migration {
        version: 7,
        name: "0007_papers",
        sql: include_str!("../../../migrations/0007_papers.sql"),
    },
    Migration {
        version: 8,
        name: "0008_team_sync",
        sql: include_str!("../../../migrations/0008_team_sync.sql"),
    },
    Migration {
        version: 9,
        name: "0009_list_indexes",
        sql: include_str!("../../../migrations/0009_list_indexes.sql"),
    },
];

/// The schema version this binary writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Apply the migrations newer than the database's version, all in one transaction, so a
/// failure leaves the schema exactly as it was. Returns how many were applied.
pub fn migrate(conn: &mut Connection, migrations: &[Migration]) -> Result<usize> {
    let current = user_version(conn)?;
    let pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > current).collect();
    if pending.is_empty() {
        return Ok(0);
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the write lock.
    let current = user_version(&tx)?;
    let mut applied = 0;
    for m in migrations.iter().filter(|m| m.version > current) {
        tx.execute_batch(m.sql).map_err(|source| Error::Migration {
            version: m.version,
            name: m.name.to_string(),
            previous: current,
            source,
        })?;
        // user_version lives in the file header, so it commits or rolls back with the rest.
        tx.pragma_update(None, "user_version", m.version)?;
        applied += 1;
    }
    tx.commit()?;
    Ok(applied)
}
