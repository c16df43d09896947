//! CSV starts with a byte-order mark and holds the list; the calendar has one event per
//! open action with UIDs that stay the same from one export to the next.

mod export_common;

use export_common::*;
use inspection_tracker::export::csv::{BOM, HEADERS};
use inspection_tracker::export::ics::uid;
use inspection_tracker::export::{render, ExportFormat, ExportRequest};
use inspection_tracker::model::ActionStatus;
use inspection_tracker::plan::actions::{update_with_note, Change};
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::store::Store;

fn export(store: &Store, format: ExportFormat) -> Vec<u8> {
    render(
        store,
        &ExportRequest {
            format,
            as_of: as_of(),
            filter: Filter::default(),
            from_history: false,
            paper: Default::default(),
        },
    )
    .unwrap()
}

#[test]
fn csv_starts_with_a_bom_and_has_a_row_per_listed_action() {
    let (store, p) = plan();
    let bytes = export(&store, ExportFormat::Csv);
    assert!(bytes.starts_with(BOM), "UTF-8 byte-order mark first");
    let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
    assert!(text.starts_with(&HEADERS.join(",")), "header row");
    assert!(text.ends_with("\r\n"));
    let list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    // Every action id appears once, in list order.
    let mut at = 0;
    for a in &list {
        let found = text[at..].find(&a.id).unwrap_or_else(|| panic!("{}", a.id));
        at += found + a.id.len();
    }
    // Each row's reference is the list's ("3.1"), in the Ref column.
    let ref_col = HEADERS.iter().position(|h| *h == "Ref").unwrap();
    let id_col = HEADERS.iter().position(|h| *h == "Action id").unwrap();
    let mut checked = 0;
    for row in csv_rows(&text).iter().skip(1) {
        let item = list.iter().find(|a| a.id == row[id_col]).unwrap();
        assert_eq!(row[ref_col], item.reference, "{row:?}");
        checked += 1;
    }
    assert_eq!(checked, list.len());
    // A field with a comma is quoted.
    assert!(text.contains("\"Service Manager, Children in Care\""));
    // The latest update as at the date, not the one written later.
    let later_row = text.lines().find(|l| l.contains(&p.later_note)).unwrap();
    assert!(later_row.contains("2012-01-02"), "{later_row}");
    assert!(!text.contains(NOTE_LATER));
}

/// RFC 4180 rows: fields split on commas outside quotes, `""` inside quotes is `"`.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    rows
}

fn uids(ics: &str) -> Vec<String> {
    ics.split("\r\n")
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::to_string)
        .collect()
}

#[test]
fn ics_has_one_event_per_open_action_with_stable_uids() {
    let (mut store, p) = plan();
    let first = String::from_utf8(export(&store, ExportFormat::Ics)).unwrap();
    assert!(first.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(first.ends_with("END:VCALENDAR\r\n"));
    let list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    let open: Vec<&str> = list
        .iter()
        .filter(|a| a.status != ActionStatus::Completed && a.due_date.is_some())
        .map(|a| a.id.as_str())
        .collect();
    let expected: Vec<String> = open.iter().map(|id| uid(id)).collect();
    assert_eq!(uids(&first), expected);
    assert!(
        !first.contains(&p.completed),
        "completed actions have no event"
    );
    for line in first.split("\r\n") {
        assert!(line.len() <= 75, "folded: {line}");
    }
    assert!(
        first.contains("DTSTART;VALUE=DATE:20111231\r\n"),
        "the moved due date"
    );

    // A change and a second export: same UIDs, the changed event's SEQUENCE goes up.
    let seq = |ics: &str, id: &str| -> i64 {
        let unfolded = ics.replace("\r\n ", "");
        let event = unfolded
            .split("BEGIN:VEVENT")
            .find(|e| e.contains(id))
            .unwrap();
        event
            .split("\r\n")
            .find_map(|l| l.strip_prefix("SEQUENCE:"))
            .unwrap()
            .parse()
            .unwrap()
    };
    update_with_note(
        &mut store,
        &p.in_progress,
        &[Change::Progress(60)],
        None,
        as_of(),
        "test",
    )
    .unwrap();
    let second = String::from_utf8(export(&store, ExportFormat::Ics)).unwrap();
    assert_eq!(uids(&second), uids(&first));
    assert!(seq(&second, &p.in_progress) > seq(&first, &p.in_progress));
    assert_eq!(seq(&second, &p.blocked), seq(&first, &p.blocked));
}
