//! The plan as recorded on a past day, rebuilt from the history: statuses, progress,
//! owners and due dates as they stood then; rows added later absent; the real database
//! untouched. Tests cannot wait for months to pass, so each stage of the plan's life is
//! moved back in time by rewriting its timestamps (the append-only triggers lifted for
//! that moment only).

mod export_common;

use chrono::NaiveDate;
use inspection_tracker::export::{render, ExportFormat, ExportRequest};
use inspection_tracker::model::{ActionStatus, RagSettings};
use inspection_tracker::plan::actions::{
    add_action, delete_action, update_action, update_with_note, Change, NewAction,
};
use inspection_tracker::plan::as_recorded::as_recorded;
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::query::{list_actions, ActionListItem, Filter};
use inspection_tracker::plan::settings;
use inspection_tracker::plan::summary::summary;
use inspection_tracker::store::Store;
use inspection_tracker::{Recommendation, Report, ReportKind};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rec(timeframe: &str, months: u32, text: &str) -> Recommendation {
    Recommendation {
        section: "Safeguarding services".into(),
        timeframe: Some(timeframe.into()),
        period: match months {
            0 => inspection_tracker::model::Timeframe::Immediate,
            n => inspection_tracker::model::Timeframe::Months(n),
        },
        text: text.into(),
        paragraph: None,
        source_start: 0,
        source_end: text.len(),
        responsible_body: None,
    }
}

/// Inspected 3–14 October 2011: due 14 Oct 2011, 14 Jan 2012 and 14 Apr 2012.
fn report() -> Report {
    Report {
        kind: ReportKind::SafeguardingAndLookedAfterChildren,
        local_authority: Some("Northshire".into()),
        inspection_start: Some(d("2011-10-03")),
        inspection_end: Some(d("2011-10-14")),
        published: Some(d("2011-11-18")),
        lead_inspector: None,
        previous_inspection_start: None,
        previous_inspection_end: None,
        next_inspection: None,
        priority_action_plan_required: false,
        judgements: vec![],
        recommendations: vec![
            rec("Immediately", 0, "ensure every visit is recorded"),
            rec("Within three months", 3, "audit case files"),
            rec("Within six months", 6, "improve supervision"),
        ],
    }
}

/// Everything recorded after `since` (a UTC timestamp) is moved to `at`.
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
             CREATE TRIGGER history_no_update BEFORE UPDATE ON history
             BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
             CREATE TRIGGER action_updates_no_update BEFORE UPDATE ON action_updates
             BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;"
        ))
        .unwrap();
}

struct Life {
    _dir: tempfile::TempDir,
    store: Store,
    /// The three imported actions, soonest due first.
    ids: Vec<String>,
    added: String,
}

/// Imported on 20 Nov 2011; on 10 Jan 2012 the first action was started (50 %, with a
/// note) and the second given an owner; today the first was completed, the second's due
/// date moved, the third put in the bin, an action added and the amber window changed.
fn life() -> Life {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plan.db")).unwrap();
    let opts = ImportOptions {
        inspection_date: None,
        who: "tester".into(),
        previous: Default::default(),
    };
    import_report(&mut store, "n.txt", "sha-n", "text", "t", &report(), &opts).unwrap();
    backdate(&store, "0", "2011-11-20T10:00:00.000Z");
    let ids: Vec<String> = list_actions(&store, &Filter::default(), d("2011-11-20"))
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids.len(), 3);

    let changes = [
        Change::Status(ActionStatus::InProgress),
        Change::Progress(50),
    ];
    let note = Some((d("2012-01-10"), "half the teams audited"));
    update_with_note(&mut store, &ids[0], &changes, note, d("2012-01-10"), "sam").unwrap();
    let owner = [Change::Owner(Some("Head of Service".into()))];
    update_action(&mut store, &ids[1], &owner, d("2012-01-10"), "sam").unwrap();
    backdate(
        &store,
        "2011-11-20T10:00:00.000Z",
        "2012-01-10T12:00:00.000Z",
    );

    let done = [
        Change::Status(ActionStatus::Completed),
        Change::Progress(100),
    ];
    update_action(&mut store, &ids[0], &done, d("2012-01-30"), "kim").unwrap();
    let moved = [Change::DueDate {
        date: d("2012-06-30"),
        reason: "waiting for the new case system".into(),
    }];
    update_action(&mut store, &ids[1], &moved, d("2012-01-30"), "kim").unwrap();
    delete_action(&mut store, &ids[2], "kim").unwrap();
    let rec_id = list_actions(&store, &Filter::default(), d("2012-01-30")).unwrap()[0]
        .recommendation_id
        .clone();
    let added = add_action(
        &mut store,
        &rec_id,
        &NewAction {
            title: "Train the duty team".into(),
            ..NewAction::default()
        },
        "kim",
    )
    .unwrap()
    .id;
    settings::set(&mut store, "amber_window_days", "60", "kim").unwrap();
    Life {
        _dir: dir,
        store,
        ids,
        added,
    }
}

fn find<'a>(list: &'a [ActionListItem], id: &str) -> Option<&'a ActionListItem> {
    list.iter().find(|a| a.id == id)
}

#[test]
fn statuses_progress_owners_and_due_dates_are_as_they_were_recorded_that_day() {
    let life = life();
    let as_of = d("2012-02-01");
    let then = as_recorded(&life.store, as_of).unwrap();
    let list = list_actions(&then, &Filter::default(), as_of).unwrap();
    assert_eq!(
        list.len(),
        3,
        "the three imported actions; not the later one"
    );
    assert!(find(&list, &life.added).is_none());

    let first = find(&list, &life.ids[0]).unwrap();
    assert_eq!(first.status, ActionStatus::InProgress);
    assert_eq!(first.progress, 50);
    assert_eq!(first.last_update, Some(d("2012-01-10")));
    let second = find(&list, &life.ids[1]).unwrap();
    assert_eq!(second.owner.as_deref(), Some("Head of Service"));
    assert_eq!(second.due_date, Some(d("2012-01-14")));
    assert!(
        find(&list, &life.ids[2]).is_some(),
        "put in the bin only later"
    );

    // Both were overdue on 1 Feb 2012 as recorded then; today's statuses say neither (only
    // the action added today, due "immediately", is).
    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    let ids = |list: Vec<ActionListItem>| list.into_iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(
        ids(list_actions(&then, &overdue, as_of).unwrap()),
        life.ids[..2]
    );
    assert_eq!(
        ids(list_actions(&life.store, &overdue, as_of).unwrap()),
        vec![life.added.clone()]
    );

    // The summary (kept by triggers) agrees with the rebuilt list.
    let s = summary(&then, as_of).unwrap();
    assert_eq!(s.overall.total, 3);
    assert_eq!(s.overall.in_progress, 1);
    assert_eq!(s.overall.not_started, 2);
    assert_eq!(s.overall.completed, 0);
    assert_eq!(s.overall.overdue, 2);
}

#[test]
fn before_the_first_change_and_before_the_import() {
    let life = life();
    let then = as_recorded(&life.store, d("2012-01-09")).unwrap();
    let list = list_actions(&then, &Filter::default(), d("2012-01-09")).unwrap();
    let first = find(&list, &life.ids[0]).unwrap();
    assert_eq!(
        (first.status, first.progress, first.last_update),
        (ActionStatus::NotStarted, 0, None)
    );
    assert_eq!(find(&list, &life.ids[1]).unwrap().owner, None);

    let before = as_recorded(&life.store, d("2011-11-19")).unwrap();
    assert_eq!(before.info().unwrap().reports, 0);
    assert_eq!(before.info().unwrap().actions, 0);
    assert_eq!(summary(&before, d("2011-11-19")).unwrap().overall.total, 0);
}

#[test]
fn settings_are_rebuilt_too_and_the_real_database_is_untouched() {
    let life = life();
    let then = as_recorded(&life.store, d("2012-02-01")).unwrap();
    assert_eq!(
        settings::load(then.conn()).unwrap().rag.amber_window_days,
        RagSettings::default().amber_window_days
    );
    assert_eq!(
        settings::load(life.store.conn())
            .unwrap()
            .rag
            .amber_window_days,
        60
    );

    let now = list_actions(&life.store, &Filter::default(), d("2012-02-01")).unwrap();
    assert_eq!(
        now.len(),
        3,
        "two imported (one in the bin) and the added one"
    );
    assert_eq!(
        find(&now, &life.ids[0]).unwrap().status,
        ActionStatus::Completed
    );
    let history: i64 = life
        .store
        .conn()
        .query_row("SELECT count(*) FROM history", [], |r| r.get(0))
        .unwrap();
    as_recorded(&life.store, d("2011-12-01")).unwrap();
    let after: i64 = life
        .store
        .conn()
        .query_row("SELECT count(*) FROM history", [], |r| r.get(0))
        .unwrap();
    assert_eq!(history, after);
}

#[test]
fn an_export_from_the_history_shows_the_plan_as_recorded() {
    let life = life();
    let request = |from_history| ExportRequest {
        format: ExportFormat::Csv,
        as_of: d("2012-02-01"),
        filter: Filter::default(),
        from_history,
        paper: Default::default(),
    };
    let csv = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    let then = csv(render(&life.store, &request(true)).unwrap());
    let now = csv(render(&life.store, &request(false)).unwrap());
    // Header plus one line per action.
    assert_eq!(then.lines().count(), 4, "{then}");
    assert!(then.contains("half the teams audited"), "{then}");
    assert!(!then.contains("Train the duty team"), "{then}");
    assert!(now.contains("Train the duty team"), "{now}");
    assert!(!then.contains("2012-06-30") && now.contains("2012-06-30"));

    // The paper says which it is.
    let paper = |from_history| {
        let r = ExportRequest {
            format: ExportFormat::BoardPaper,
            ..request(from_history)
        };
        export_common::docx_text(&render(&life.store, &r).unwrap())
    };
    assert!(paper(true).contains("1 February 2012 (as recorded on that date)"));
    assert!(!paper(false).contains("as recorded"));
}

#[test]
fn a_plan_closed_later_is_open_in_the_plan_as_recorded_before_then() {
    use inspection_tracker::plan::timeline::{close_plan, PlanState};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plan.db")).unwrap();
    let opts = ImportOptions {
        inspection_date: None,
        who: "tester".into(),
        previous: Default::default(),
    };
    let id = import_report(&mut store, "n.txt", "sha-n", "text", "t", &report(), &opts)
        .unwrap()
        .report_id;
    backdate(&store, "0", "2011-11-20T10:00:00.000Z");
    // Closed (recorded today) with effect from 15 Jan 2012.
    close_plan(
        &mut store,
        &id,
        "Replaced by the council's new plan",
        d("2012-01-15"),
        "tester",
    )
    .unwrap();
    let now = summary(&store, d("2012-02-01")).unwrap();
    assert_eq!(
        now.overall.total, 0,
        "closed by then, as the plan now stands"
    );
    assert_eq!(now.reports[0].plan_state, PlanState::Closed);

    // As recorded on 1 Feb 2012 nobody had closed it yet: the three actions are open.
    let then = as_recorded(&store, d("2012-02-01")).unwrap();
    let s = summary(&then, d("2012-02-01")).unwrap();
    assert_eq!(s.overall.total, 3);
    assert_eq!(s.reports[0].plan_state, PlanState::Current);
    let listed = list_actions(&then, &Filter::default(), d("2012-02-01")).unwrap();
    assert!(listed.iter().all(|a| a.closed_on.is_none()));
}
