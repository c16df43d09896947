//! Issue 16's board paper, read back from the .docx of a plan changed on two dates: the
//! summary page comes first with the key's words, the change since the previous paper
//! (counted here independently, straight from the history table) and the board's ask; a
//! re-scheduled overdue action is in the exceptions with both dates and the reason; every
//! image has alt text; no row says "No update recorded" where a mitigation was recorded;
//! and no action title in any export is cut short.

mod export_common;

use std::collections::HashMap;

use chrono::NaiveDate;
use export_common::*;
use inspection_tracker::export::board_exceptions::EXCEPTIONS;
use inspection_tracker::export::board_summary::{ASK, POSITION, SUMMARY};
use inspection_tracker::export::{render, ExportFormat, ExportRequest, PaperOptions};
use inspection_tracker::labels;
use inspection_tracker::model::{ActionStatus, Rag, RagSettings};
use inspection_tracker::plan::actions::{update_with_note, Change};
use inspection_tracker::plan::evidence::{add_link, set_summary};
use inspection_tracker::plan::query::{list_actions, ActionListItem, Filter};
use inspection_tracker::plan::summary::summary;
use inspection_tracker::store::Store;

/// Everything recorded after `since` (a UTC timestamp) is moved to `at` (the append-only
/// triggers lifted for that moment only): tests cannot wait for weeks to pass.
fn backdate(store: &Store, since: &str, at: &str) {
    store
        .conn()
        .execute_batch(&format!(
            "DROP TRIGGER history_no_update;
             DROP TRIGGER action_updates_no_update;
             UPDATE history SET at = '{at}' WHERE at > '{since}';
             UPDATE reports SET imported_at = '{at}' WHERE imported_at > '{since}';
             UPDATE actions SET created_at = '{at}' WHERE created_at > '{since}';
             UPDATE action_updates SET created_at = '{at}' WHERE created_at > '{since}';
             UPDATE evidence SET added_at = '{at}' WHERE added_at > '{since}';
             CREATE TRIGGER history_no_update BEFORE UPDATE ON history
             BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
             CREATE TRIGGER action_updates_no_update BEFORE UPDATE ON action_updates
             BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;"
        ))
        .unwrap();
}

const PREVIOUS: &str = "2011-12-01";
const MITIGATION: &str = "Reviews recorded on paper and scanned in the meantime";
const NEXT_STEP: &str = "Load the paper records when the system goes live (April 2012)";
const REASON: &str = "The new case management system goes live in March, not December";
const WHAT: &str = "Audit 40 case files a quarter against the new practice standards";
const ASKED: &str = "approve the new date for recording children's reviews";

struct Life {
    _dir: tempfile::TempDir,
    store: Store,
    rescheduled: String,
}

/// Imported on 20 Nov 2011; changed by 1 Dec 2011 (the previous paper's date) and again by
/// 18 Jan 2012 — when an action already overdue was re-scheduled, blocked, with a
/// mitigation and next step.
fn life() -> Life {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plan.db")).unwrap();
    import_fixtures(&mut store);
    backdate(&store, "0", "2011-11-20T10:00:00.000Z");
    let list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    let early: Vec<&ActionListItem> = list
        .iter()
        .filter(|a| a.due_date.is_some_and(|d| d < date("2011-12-31")))
        .collect();
    assert!(early.len() >= 6);
    let id = |i: usize| early[i].id.clone();
    let who = "Alex Morgan";
    let change = |store: &mut Store, id: &str, changes: &[Change], day: &str| {
        update_with_note(store, id, changes, None, date(day), who).unwrap();
    };

    change(
        &mut store,
        &id(0),
        &[
            Change::Status(ActionStatus::InProgress),
            Change::Progress(60),
            Change::Owner(Some("Head of Safeguarding".into())),
        ],
        "2011-11-28",
    );
    change(
        &mut store,
        &id(1),
        &[Change::Status(ActionStatus::Completed)],
        "2011-11-28",
    );
    change(
        &mut store,
        &id(2),
        &[Change::Owner(Some("Designated Nurse".into()))],
        "2011-11-30",
    );
    backdate(
        &store,
        "2011-11-20T10:00:00.000Z",
        "2011-12-01T10:00:00.000Z",
    );

    change(
        &mut store,
        &id(0),
        &[Change::Status(ActionStatus::Completed)],
        "2012-01-10",
    );
    let e = add_link(&mut store, &id(1), "https://example.org/audit", who).unwrap();
    set_summary(&mut store, &e.evidence.id, "December audit: 19 of 20", who).unwrap();
    change(&mut store, &id(1), &[Change::SignOff], "2012-01-12");
    change(
        &mut store,
        &id(3),
        &[
            Change::Status(ActionStatus::Blocked),
            Change::DueDate {
                date: date("2012-03-31"),
                reason: REASON.into(),
            },
            Change::Mitigation(Some(MITIGATION.into())),
            Change::NextStep(Some(NEXT_STEP.into())),
            Change::Owner(Some("Service Manager, Children in Care".into())),
        ],
        "2012-01-18",
    );
    change(
        &mut store,
        &id(4),
        &[
            Change::Title(WHAT.into()),
            Change::Owner(Some("Principal Social Worker".into())),
        ],
        "2012-01-16",
    );
    backdate(
        &store,
        "2011-12-01T10:00:00.000Z",
        "2012-01-18T10:00:00.000Z",
    );
    Life {
        _dir: dir,
        store,
        rescheduled: id(3),
    }
}

fn paper(store: &Store, since: Option<NaiveDate>) -> Vec<u8> {
    render(
        store,
        &ExportRequest {
            format: ExportFormat::BoardPaper,
            as_of: as_of(),
            filter: Filter::default(),
            from_history: false,
            paper: PaperOptions {
                since,
                board_asked: Some(ASKED.into()),
            },
        },
    )
    .unwrap()
}

/// The counts on a day, worked out here from the history table alone: each live action's
/// status, progress, due date and sign-off by the end of `day` (a value changed later is
/// the old value of its first later change), rated by the due-date rule as written in
/// labels::rag_key. Measure → count.
fn counts_from_history(store: &Store, day: NaiveDate) -> HashMap<&'static str, i64> {
    let cutoff = day.succ_opt().unwrap().format("%Y-%m-%d").to_string();
    let conn = store.conn();
    let mut actions = conn
        .prepare(
            // Only the reports known by then: inspected by the day, or undated (the as-at rule).
            "SELECT id, status, progress, due_date, original_due_date, signed_off_at
             FROM actions WHERE deleted_at IS NULL AND created_at < ?1
               AND report_id IN (SELECT id FROM reports WHERE
                   coalesce(inspection_end, inspection_start, base_date, published, '') < ?1)",
        )
        .unwrap();
    let rows: Vec<(String, [Option<String>; 5])> = actions
        .query_map([&cutoff], |r| {
            Ok((
                r.get(0)?,
                [
                    r.get(1)?,
                    Some(r.get::<_, i64>(2)?.to_string()),
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ],
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut first_later = conn
        .prepare(
            "SELECT old_value FROM history WHERE entity_id = ?1 AND field = ?2 AND at >= ?3
             ORDER BY seq LIMIT 1",
        )
        .unwrap();
    let mut then = |id: &str, field: &str, now: Option<String>| -> Option<String> {
        let old: Option<Option<String>> = first_later
            .query_map(rusqlite::params![id, field, &cutoff], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .next();
        old.unwrap_or(now)
    };
    let settings = RagSettings::default();
    let mut c: HashMap<&'static str, i64> = HashMap::new();
    for (id, [status, progress, due, original, signed]) in rows {
        let status = then(&id, "status", status).unwrap();
        let progress: i64 = then(&id, "progress", progress).unwrap().parse().unwrap();
        let due = then(&id, "due_date", due).map(|d| date(&d));
        let signed = then(&id, "signed_off_at", signed).is_some();
        let original = original.map(|d| date(&d));
        let completed = status == "completed";
        let overdue = !completed && due.is_some_and(|d| d < day);
        let days_left = due.map(|d| (d - day).num_days());
        let rag = if completed {
            if signed {
                Rag::Blue
            } else {
                Rag::Green
            }
        } else if overdue {
            Rag::Red
        } else if status == "blocked"
            || (days_left.is_some_and(|d| d <= i64::from(settings.amber_window_days))
                && progress < i64::from(settings.amber_progress_below))
        {
            Rag::Amber
        } else {
            Rag::Green
        };
        *c.entry(labels::rag(rag)).or_default() += 1;
        *c.entry("Completed").or_default() += i64::from(completed);
        *c.entry("Overdue").or_default() += i64::from(overdue);
        *c.entry("Blocked").or_default() += i64::from(status == "blocked");
        *c.entry("Re-scheduled").or_default() += i64::from(original.is_some() && original != due);
        *c.entry("All actions").or_default() += 1;
    }
    c
}

fn heading1s(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph {
                style: Some(s),
                text,
            } if s == "Heading1" => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_paper_opens_with_the_summary_the_change_since_the_previous_paper_and_the_ask() {
    let life = life();
    let since = date(PREVIOUS);
    let bytes = paper(&life.store, Some(since));
    let blocks = docx_blocks(&bytes);

    // The summary page first, before the exceptions.
    let h1 = heading1s(&blocks);
    assert_eq!(h1[0], SUMMARY, "{h1:?}");
    assert_eq!(h1[1], EXCEPTIONS, "{h1:?}");
    let summary_end = blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { text, .. } if text == EXCEPTIONS))
        .unwrap();
    let page_one: Vec<String> = blocks[..summary_end]
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph { text, .. } => vec![text.clone()],
            Block::Table(rows) => rows.iter().flatten().cloned().collect(),
        })
        .collect();
    let page_one = page_one.join("\n");

    // The key of the rule in force, in its words, with the rule named.
    assert!(page_one.contains(labels::rag_rule(RagSettings::default().rule)));
    for (_, words) in labels::rag_key(&RagSettings::default()) {
        assert!(page_one.contains(&words), "key words missing: {words}");
    }
    assert!(page_one.contains(labels::BLUE_MEANS));

    // The position table: then (from the history, counted here), now (the summary) and
    // the change.
    let table = &tables_under(&blocks, POSITION)[0];
    assert_eq!(table[0][2], "At previous paper (1 Dec 2011)");
    assert_eq!(table[0][3], "Now (20 Jan 2012)");
    let then = counts_from_history(&life.store, since);
    let now = summary(&life.store, as_of()).unwrap().overall;
    let now: HashMap<&str, i64> = [
        ("Red", now.red),
        ("Amber", now.amber),
        ("Green", now.green),
        ("Blue", now.blue),
        ("Completed", now.completed),
        ("Overdue", now.overdue),
        ("Blocked", now.blocked),
        ("Re-scheduled", now.rescheduled),
        ("All actions", now.total),
    ]
    .into();
    assert_eq!(table.len(), 1 + now.len());
    for row in &table[1..] {
        let measure = row[0].as_str();
        let (t, n) = (then.get(measure).copied().unwrap_or(0), now[measure]);
        assert_eq!(row[2], t.to_string(), "{measure} at the previous paper");
        assert_eq!(row[3], n.to_string(), "{measure} now");
        let change = match n - t {
            0 => "no change".to_string(),
            d if d > 0 => format!("+{d}"),
            d => format!("\u{2212}{}", -d),
        };
        assert_eq!(row[4], change, "{measure}");
    }
    // The plan really changed between the two dates.
    assert_eq!(then["Completed"], 1);
    assert_eq!(now["Completed"], 2);
    assert_eq!(now["Blue"], 1);
    assert_eq!(then.get("Blue"), None);
    assert_eq!(now["Re-scheduled"], 1);
    assert_eq!(then.get("Re-scheduled").copied().unwrap_or(0), 0);

    // The board's ask, under its heading.
    let ask_at = blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { text, .. } if text == ASK))
        .unwrap();
    assert!(ask_at < summary_end);
    assert!(matches!(&blocks[ask_at + 1],
        Block::Paragraph { text, .. } if *text == format!("The board is asked to {ASKED}.")));
}

#[test]
fn a_rescheduled_overdue_action_stays_in_the_exceptions_with_both_dates_and_the_reason() {
    let life = life();
    let bytes = paper(&life.store, Some(date(PREVIOUS)));
    let blocks = docx_blocks(&bytes);
    let list = list_actions(&life.store, &Filter::default(), as_of()).unwrap();
    let moved = list.iter().find(|a| a.id == life.rescheduled).unwrap();
    // Re-scheduled: no longer overdue or red (blocked makes it amber), but still listed.
    assert_eq!(moved.days_overdue, None);
    assert_eq!(moved.rag, Rag::Amber);
    let original = moved.original_due_date.unwrap();
    assert!(original < date("2012-01-18"), "it was overdue when moved");

    let table = &tables_under(&blocks, EXCEPTIONS)[0];
    let row = table
        .iter()
        .find(|r| r[1].starts_with(&moved.title))
        .expect("the re-scheduled action is an exception");
    assert_eq!(row, &table[1], "slippage first");
    assert_eq!(row[2], "Service Manager, Children in Care");
    assert!(row[3].starts_with("Blocked"), "{}", row[3]);
    assert!(
        row[3].contains("Re-scheduled on 18 Jan 2012 after becoming overdue"),
        "{}",
        row[3]
    );
    assert_eq!(
        row[4],
        format!(
            "Original: {}\nCurrent: 31 Mar 2012\nReason: {REASON}",
            labels::short_date(original)
        )
    );
    assert_eq!(
        row[5],
        format!("Mitigation: {MITIGATION}\nNext step: {NEXT_STEP}")
    );

    // The paper after that one (its previous paper after the change) lists it for being
    // blocked, no longer as re-scheduled; its two dates and the reason still show.
    let later = paper(&life.store, Some(date("2012-01-19")));
    let table = &tables_under(&docx_blocks(&later), EXCEPTIONS)[0];
    let row = table
        .iter()
        .find(|r| r[1].starts_with(&moved.title))
        .unwrap();
    assert!(!row[3].contains("Re-scheduled"), "{}", row[3]);
    assert!(row[4].contains(REASON), "{}", row[4]);
}

#[test]
fn every_image_has_alt_text_and_no_recorded_mitigation_reads_as_no_update() {
    let life = life();
    let bytes = paper(&life.store, Some(date(PREVIOUS)));
    let alts = picture_alt_texts(&bytes);
    assert!(!alts.is_empty());
    assert!(alts.iter().all(Option::is_some), "{alts:?}");
    let list = list_actions(&life.store, &Filter::default(), as_of()).unwrap();
    let mitigated: Vec<&ActionListItem> =
        list.iter().filter(|a| a.id == life.rescheduled).collect();
    let blocks = docx_blocks(&bytes);
    let rows: Vec<&Vec<String>> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .flatten()
        .collect();
    for a in mitigated {
        let mine: Vec<&&Vec<String>> = rows
            .iter()
            .filter(|r| r.iter().any(|c| c.starts_with(&a.title)))
            .collect();
        assert!(mine.len() >= 2, "in the exceptions and the appendix");
        for r in mine {
            assert!(!r.iter().any(|c| c.contains("No update recorded")), "{r:?}");
            assert!(r.iter().any(|c| c.contains(MITIGATION)), "{r:?}");
        }
    }
}

/// `text` has `title` in full, not followed by more of a word, and never "…" after a cut.
fn holds_in_full(text: &str, title: &str) -> bool {
    let title = normalise(title);
    text.match_indices(&title).any(|(at, _)| {
        let after = text[at + title.len()..].chars().next();
        !after.is_some_and(char::is_alphanumeric) && after != Some('…')
    })
}

#[test]
fn no_action_title_in_any_export_is_cut_short() {
    let life = life();
    let list = list_actions(&life.store, &Filter::default(), as_of()).unwrap();
    assert!(
        list.iter().any(|a| a.title.chars().count() > 200),
        "long titles are tested"
    );
    let render_as = |format| {
        render(
            &life.store,
            &ExportRequest {
                format,
                as_of: as_of(),
                filter: Filter::default(),
                from_history: false,
                paper: PaperOptions::default(),
            },
        )
        .unwrap()
    };
    let board = docx_text(&render_as(ExportFormat::BoardPaper));
    let csv = normalise(&String::from_utf8(render_as(ExportFormat::Csv)).unwrap());
    let ics = String::from_utf8(render_as(ExportFormat::Ics)).unwrap();
    // Unfold and unescape the calendar's lines (RFC 5545).
    let ics = normalise(
        &ics.replace("\r\n ", "")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\n", "\n")
            .replace("\\\\", "\\"),
    );
    let xlsx = {
        use calamine::Reader;
        let mut book: calamine::Xlsx<_> =
            calamine::Xlsx::new(std::io::Cursor::new(render_as(ExportFormat::Xlsx))).unwrap();
        let sheet = book
            .worksheet_range(inspection_tracker::export::xlsx::ACTIONS_SHEET)
            .unwrap();
        normalise(
            &sheet
                .rows()
                .flatten()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    let statement = docx_text(&render_as(ExportFormat::Statement));
    for a in &list {
        for (name, text) in [("board paper", &board), ("CSV", &csv), ("workbook", &xlsx)] {
            assert!(holds_in_full(text, &a.title), "{name}: {}", a.title);
        }
        if a.status != ActionStatus::Completed {
            assert!(holds_in_full(&ics, &a.title), "calendar: {}", a.title);
        }
        // The statement: a finished action in full; a draft says so beside the
        // recommendation, which is printed in full.
        if a.draft {
            assert!(holds_in_full(&statement, &a.recommendation), "{}", a.title);
        } else {
            assert!(
                holds_in_full(&statement, &a.title),
                "statement: {}",
                a.title
            );
        }
    }
}

#[test]
fn every_export_shows_both_dates_and_the_reason_for_a_rescheduled_action() {
    let life = life();
    let list = list_actions(&life.store, &Filter::default(), as_of()).unwrap();
    let moved = list.iter().find(|a| a.id == life.rescheduled).unwrap();
    let original = moved.original_due_date.unwrap();
    let render_as = |format| {
        render(
            &life.store,
            &ExportRequest {
                format,
                as_of: as_of(),
                filter: Filter::default(),
                from_history: false,
                paper: PaperOptions::default(),
            },
        )
        .unwrap()
    };
    let csv = String::from_utf8(render_as(ExportFormat::Csv)).unwrap();
    let row = csv.lines().find(|l| l.contains(&moved.id)).unwrap();
    assert!(row.contains("2012-03-31,"), "{row}");
    assert!(
        row.contains(&original.format("%Y-%m-%d").to_string()),
        "{row}"
    );
    assert!(row.contains(REASON), "{row}");
    let ics = String::from_utf8(render_as(ExportFormat::Ics))
        .unwrap()
        .replace("\r\n ", "")
        .replace("\\,", ",")
        .replace("\\;", ";");
    assert!(
        ics.contains(&format!(
            "First due {}; moved: {REASON}",
            labels::short_date(original)
        )),
        "calendar"
    );
    let statement = docx_text(&render_as(ExportFormat::Statement));
    assert!(statement.contains(&normalise(&format!(
        "First set for {}; moved: {REASON}",
        labels::short_date(original)
    ))));
}
