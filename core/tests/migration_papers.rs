//! Migration 0007 back-fills each action's original due date: the old value of its first
//! due-date change in the history, else the date in force.

use inspection_tracker::store::migrate::{migrate, MIGRATIONS};
use rusqlite::Connection;

#[test]
fn the_original_due_date_is_back_filled_from_the_history() {
    let mut conn = Connection::open_in_memory().unwrap();
    let before: Vec<_> = MIGRATIONS
        .iter()
        .copied()
        .filter(|m| m.version < 7)
        .collect();
    migrate(&mut conn, &before).unwrap();
    conn.execute_batch(
        "INSERT INTO reports (id, kind, local_authority, source_name, source_sha256,
             source_format, imported_at)
         VALUES ('r', 'ilacs', 'Derby', 'r.txt', 'sha', 'text', '2024-01-01T00:00:00.000Z');
         INSERT INTO recommendations (id, report_id, position, section, timeframe_unit, text,
             source_start, source_end)
         VALUES ('c', 'r', 0, 's', 'months', 'improve', 0, 7);
         INSERT INTO actions (id, recommendation_id, report_id, title, due_date,
             due_date_source, created_at, updated_at)
         VALUES ('moved', 'c', 'r', 'a', '2024-09-30', 'override', 't', 't'),
                ('kept', 'c', 'r', 'b', '2024-06-30', 'report', 't', 't'),
                ('none', 'c', 'r', 'c', NULL, 'waiting', 't', 't');
         INSERT INTO history (entity, entity_id, field, old_value, new_value, who, at)
         VALUES ('action', 'moved', 'due_date', '2024-04-30', '2024-06-30', 'x', 't1'),
                ('action', 'moved', 'due_date', '2024-06-30', '2024-09-30', 'x', 't2'),
                ('action', 'kept', 'owner', NULL, 'Jo', 'x', 't1');",
    )
    .unwrap();
    migrate(&mut conn, MIGRATIONS).unwrap();
    let original = |id: &str| -> Option<String> {
        conn.query_row(
            "SELECT original_due_date FROM actions WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(
        original("moved").as_deref(),
        Some("2024-04-30"),
        "the first date"
    );
    assert_eq!(
        original("kept").as_deref(),
        Some("2024-06-30"),
        "never moved"
    );
    assert_eq!(original("none"), None, "no date yet");
    let draft: i64 = conn
        .query_row("SELECT draft FROM actions WHERE id = 'kept'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        draft, 0,
        "actions made before the migration are left as they are"
    );
}
