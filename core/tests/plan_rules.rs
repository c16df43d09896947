//! The action plan through the library: import rules, changes and their history, one
//! transaction per change, and that the summary (aggregated in SQL) agrees with the list
//! (rated row by row) whatever the data.

use chrono::{Days, NaiveDate};
use inspection_tracker::export::data::ExportData;
use inspection_tracker::model::{ActionStatus, DueDateSource, Rag, Timeframe};
use inspection_tracker::plan::actions::{
    add_action, delete_action, restore_action, update_action, update_with_note, Change, NewAction,
};
use inspection_tracker::plan::burn_up::burn_up;
use inspection_tracker::plan::evidence::add_link;
use inspection_tracker::plan::history::history;
use inspection_tracker::plan::import::{import_report, ImportOptions, ImportOutcome};
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::plan::report_dates::{set_next_inspection, set_received};
use inspection_tracker::plan::settings;
use inspection_tracker::plan::summary::summary;
use inspection_tracker::store::Store;
use inspection_tracker::{Error, Recommendation, Report, ReportKind};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rec(timeframe: Option<&str>, months: Option<u32>, text: &str) -> Recommendation {
    Recommendation {
        section: "Safeguarding services".into(),
        timeframe: timeframe.map(str::to_string),
        // As the extractor or the review gives it: the months, else the heading's value.
        period: match months {
            Some(0) => Timeframe::Immediate,
            Some(n) => Timeframe::Months(n),
            None => timeframe
                .and_then(Timeframe::parse)
                .unwrap_or(Timeframe::Unspecified),
        },
        text: text.into(),
        paragraph: None,
        source_start: 0,
        source_end: text.len(),
        responsible_body: None,
    }
}

fn report(end: Option<&str>, published: Option<&str>, recs: Vec<Recommendation>) -> Report {
    Report {
        kind: ReportKind::SafeguardingAndLookedAfterChildren,
        local_authority: Some("Rutland".into()),
        inspection_start: None,
        inspection_end: end.map(d),
        published: published.map(d),
        lead_inspector: None,
        previous_inspection_start: None,
        previous_inspection_end: None,
        next_inspection: None,
        priority_action_plan_required: false,
        judgements: vec![],
        recommendations: recs,
    }
}

fn opts() -> ImportOptions {
    ImportOptions {
        inspection_date: None,
        who: "tester".into(),
        previous: Default::default(),
    }
}

fn import(store: &mut Store, name: &str, r: &Report, o: &ImportOptions) -> ImportOutcome {
    import_report(store, name, &format!("sha-{name}"), "text", "text", r, o).unwrap()
}

fn mixed() -> Vec<Recommendation> {
    vec![
        rec(Some("Immediately"), Some(0), "ensure visits happen"),
        rec(Some("Within three months"), Some(3), "audit case files"),
        rec(
            Some("For action in the longer term"),
            None,
            "improve sufficiency",
        ),
        rec(None, None, "strengthen the board"),
    ]
}

fn due_dates(store: &Store) -> Vec<(Option<NaiveDate>, DueDateSource)> {
    // As at a day after the inspection: a report is not listed before it was known.
    list_actions(store, &Filter::default(), d("2011-12-01"))
        .unwrap()
        .into_iter()
        .map(|a| (a.due_date, a.due_date_source))
        .collect()
}

#[test]
fn open_ended_recommendations_default_to_12_months_marked_as_default() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        "a",
        &report(Some("2011-10-14"), Some("2011-11-18"), mixed()),
        &opts(),
    );
    assert_eq!(
        due_dates(&store),
        vec![
            (Some(d("2011-10-14")), DueDateSource::Report),
            (Some(d("2012-01-14")), DueDateSource::Report),
            (Some(d("2012-10-14")), DueDateSource::Default),
            (Some(d("2012-10-14")), DueDateSource::Default),
        ]
    );
}

#[test]
fn settings_choose_the_publication_date_and_the_next_inspection() {
    let mut store = Store::open_in_memory().unwrap();
    settings::set(&mut store, "base_date_rule", "publication", "tester").unwrap();
    settings::set(&mut store, "open_ended", "next_inspection", "tester").unwrap();
    import(
        &mut store,
        "a",
        &report(Some("2011-10-14"), Some("2011-11-18"), mixed()),
        &opts(),
    );
    let got = due_dates(&store);
    assert_eq!(got[0], (Some(d("2011-11-18")), DueDateSource::Report));
    assert_eq!(got[1], (Some(d("2012-02-18")), DueDateSource::Report));
    // The estimated next inspection (no grade: 30 months after the inspection's last day).
    assert_eq!(got[2].1, DueDateSource::NextInspection);
    assert_eq!(got[2].0, Some(d("2014-04-14")));
    // The settings change is in the history.
    let h = history(&store, "base_date_rule").unwrap();
    assert_eq!(h[0].new_value.as_deref(), Some("publication"));
}

#[test]
fn an_undated_report_is_refused_unless_a_date_is_given_and_never_guessed() {
    let mut store = Store::open_in_memory().unwrap();
    let jar = report(None, None, mixed());
    let err =
        import_report(&mut store, "jar.txt", "sha-jar", "text", "t", &jar, &opts()).unwrap_err();
    assert!(matches!(err, Error::NeedsInspectionDate { .. }), "{err}");
    assert_eq!(err.code(), "needs_inspection_date");
    assert!(err.to_string().contains("--inspection-date"));
    assert_eq!(store.info().unwrap().reports, 0);
    assert_eq!(store.info().unwrap().actions, 0);

    let with_date = ImportOptions {
        inspection_date: Some(d("2006-11-24")),
        ..opts()
    };
    let o = import(&mut store, "jar.txt", &jar, &with_date);
    assert_eq!(o.base_date, Some(d("2006-11-24")));
    assert_eq!(due_dates(&store)[1].0, Some(d("2007-02-24")));

    // A report that states its own last day keeps it, whatever the flag says.
    let dated = report(Some("2011-10-14"), None, mixed());
    let o = import(&mut store, "dated.txt", &dated, &with_date);
    assert_eq!(o.base_date, Some(d("2011-10-14")));
}

#[test]
fn the_same_file_twice_adds_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let r = report(Some("2011-10-14"), None, mixed());
    let first = import(&mut store, "a", &r, &opts());
    let again = import(&mut store, "a", &r, &opts());
    assert!(again.duplicate);
    assert_eq!(again.report_id, first.report_id);
    assert_eq!(again.actions, 0);
    assert_eq!(store.info().unwrap().actions, 4);
}

#[test]
fn a_change_that_fails_part_way_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        "a",
        &report(Some("2011-10-14"), None, mixed()),
        &opts(),
    );
    let id = list_actions(&store, &Filter::default(), d("2012-01-01")).unwrap()[0]
        .id
        .clone();
    let before = history(&store, &id).unwrap().len();
    // Progress would be fine, but an open action cannot be signed off: all or nothing.
    let err = update_with_note(
        &mut store,
        &id,
        &[Change::Progress(60), Change::SignOff],
        Some((d("2012-01-01"), "half done")),
        d("2012-01-01"),
        "tester",
    )
    .unwrap_err();
    assert!(err.to_string().contains("signed off"), "{err}");
    let a = &list_actions(&store, &Filter::default(), d("2012-01-01")).unwrap()[0];
    assert_eq!(a.progress, 0);
    assert_eq!(a.last_update, None);
    assert_eq!(history(&store, &id).unwrap().len(), before);
}

#[test]
fn a_manual_rag_needs_a_reason_and_is_recorded() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        "a",
        &report(Some("2011-10-14"), None, mixed()),
        &opts(),
    );
    let today = d("2012-06-01");
    let id = list_actions(&store, &Filter::default(), today).unwrap()[0]
        .id
        .clone();
    let no_reason = Change::RagOverride {
        rag: Some(Rag::Green),
        reason: " ".into(),
    };
    assert!(update_action(&mut store, &id, &[no_reason], today, "tester").is_err());
    let with_reason = Change::RagOverride {
        rag: Some(Rag::Green),
        reason: "Visits now weekly; evidence due".into(),
    };
    update_action(&mut store, &id, &[with_reason], today, "tester").unwrap();
    let a = &list_actions(&store, &Filter::default(), today).unwrap()[0];
    assert_eq!(a.rag, Rag::Green, "overdue, but set by hand");
    let h = history(&store, &id).unwrap();
    assert!(h
        .iter()
        .any(|h| h.field == "rag_override" && h.new_value.as_deref() == Some("green")));
    assert!(h.iter().any(|h| h.field == "rag_override_reason"));
}

#[test]
fn history_is_append_only() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        "a",
        &report(Some("2011-10-14"), None, mixed()),
        &opts(),
    );
    let conn = store.conn();
    assert!(conn
        .execute("UPDATE history SET who = 'someone else'", [])
        .is_err());
    assert!(conn.execute("DELETE FROM history", []).is_err());
}

#[test]
fn received_date_and_next_inspection_can_be_set_and_drive_the_summary() {
    let mut store = Store::open_in_memory().unwrap();
    let o = import(
        &mut store,
        "a",
        &report(Some("2011-10-14"), None, mixed()),
        &opts(),
    );
    let s = summary(&store, d("2012-01-01")).unwrap();
    assert_eq!(
        s.reports[0].action_plan_deadline, None,
        "no publication date"
    );
    let r = set_received(&mut store, &o.report_id, d("2011-11-18"), "tester").unwrap();
    assert_eq!(r.action_plan_deadline, Some(d("2012-02-29")));
    set_next_inspection(&mut store, &o.report_id, Some(d("2012-06-01")), "tester").unwrap();
    let s = summary(&store, d("2012-01-01")).unwrap();
    let next = s.reports[0].next_inspection.as_ref().unwrap();
    assert!(!next.estimated);
    assert_eq!(next.days_to, 152);
    // The two open-ended actions fall due on 14 Oct 2012, after the inspection.
    assert_eq!(s.reports[0].counts.due_after_next_inspection, 2);
    assert_eq!(s.reports[0].action_plan_deadline, Some(d("2012-02-29")));
    let fields: Vec<String> = history(&store, &o.report_id)
        .unwrap()
        .into_iter()
        .map(|h| h.field)
        .collect();
    assert_eq!(fields, ["imported", "received", "next_inspection"]);
}

/// A small deterministic generator, so the test needs no clock and no crate.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Six reports of eight recommendations with their actions changed at random: progress,
/// status, RAG overrides, moved due dates, evidence and sign-off, actions in the bin (some
/// restored) and second actions under a recommendation.
fn varied_plan() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut rng = Lcg(7);
    let mut ids = Vec::new();
    for r in 0..6 {
        let end = d("2011-01-10") + Days::new(rng.next(700));
        let recs: Vec<Recommendation> = (0..8)
            .map(|i| match rng.next(4) {
                0 => rec(Some("Immediately"), Some(0), &format!("r{r} item {i}")),
                1 => rec(
                    Some("Within three months"),
                    Some(3),
                    &format!("r{r} item {i}"),
                ),
                2 => rec(
                    Some("Within six months"),
                    Some(6),
                    &format!("r{r} item {i}"),
                ),
                _ => rec(None, None, &format!("r{r} item {i}")),
            })
            .collect();
        let name = format!("report{r}");
        let o = import(
            &mut store,
            &name,
            &report(Some(&end.to_string()), Some(&end.to_string()), recs),
            &opts(),
        );
        ids.extend(
            list_actions(
                &store,
                &Filter {
                    report_id: Some(o.report_id),
                    ..Filter::default()
                },
                d("2012-01-01"),
            )
            .unwrap()
            .into_iter()
            .map(|a| (a.id, a.recommendation_id)),
        );
    }
    for (id, rec_id) in ids.clone() {
        let mut changes = vec![Change::Progress(rng.next(101) as u8)];
        changes.push(Change::Status(ActionStatus::ALL[rng.next(4) as usize]));
        if rng.next(5) == 0 {
            changes.push(Change::RagOverride {
                rag: Some(Rag::ALL[rng.next(4) as usize]),
                reason: "judgement".into(),
            });
        }
        if rng.next(4) == 0 {
            changes.push(Change::DueDate {
                date: d("2011-06-01") + Days::new(rng.next(500)),
                reason: "moved".into(),
            });
        }
        update_action(&mut store, &id, &changes, d("2012-01-01"), "tester").unwrap();
        if rng.next(5) == 0 {
            add_link(&mut store, &id, "https://example.org/evidence", "tester").unwrap();
            if rng.next(2) == 0 {
                let done = [Change::Status(ActionStatus::Completed), Change::SignOff];
                update_action(&mut store, &id, &done, d("2012-01-01"), "tester").unwrap();
            }
        }
        if rng.next(8) == 0 {
            delete_action(&mut store, &id, "tester").unwrap();
            if rng.next(2) == 0 {
                restore_action(&mut store, &id, "tester").unwrap();
            }
        }
        if rng.next(6) == 0 {
            let new = NewAction {
                title: "extra".into(),
                ..NewAction::default()
            };
            add_action(&mut store, &rec_id, &new, "tester").unwrap();
        }
    }
    store
}

#[test]
fn the_summary_agrees_with_the_list_on_varied_data() {
    let mut store = varied_plan();
    // The tally the triggers keep is exactly the actions, grouped.
    let grouped = "SELECT report_id, status, coalesce(due_date, ''), coalesce(rag_override, ''),
                          progress, sign_ready, coalesce(closed_on, ''),
                          carried_to_report IS NOT NULL, count(*)
                   FROM actions WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
    let tally =
        "SELECT report_id, status, due_date, rag, progress, sign_ready, closed_on, carried, n
         FROM action_tally";
    for (a, b) in [(grouped, tally), (tally, grouped)] {
        let diff: i64 = store
            .conn()
            .query_row(&format!("SELECT count(*) FROM ({a} EXCEPT {b})"), [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(diff, 0, "tally and actions differ");
    }
    let signed: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM actions WHERE sign_ready = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(signed > 0, "some actions are signed off with evidence");

    // Fixed dates, plus a few days before each due date (inside the amber window).
    let mut as_ofs: Vec<NaiveDate> = ["2011-03-01", "2011-09-30", "2012-01-01", "2012-07-15"]
        .iter()
        .map(|s| d(s))
        .collect();
    for a in list_actions(&store, &Filter::default(), d("2012-01-01")).unwrap() {
        if let Some(due) = a.due_date {
            as_ofs.push(due - Days::new(3));
            as_ofs.push(due);
        }
    }
    as_ofs.sort();
    as_ofs.dedup();
    for (window, below) in [("14", "50"), ("30", "80"), ("0", "0"), ("7", "100")] {
        settings::set(&mut store, "amber_window_days", window, "t").unwrap();
        settings::set(&mut store, "amber_progress_below", below, "t").unwrap();
        for &as_of in &as_ofs {
            let list = list_actions(&store, &Filter::default(), as_of).unwrap();
            let s = summary(&store, as_of).unwrap();
            let count = |f: &dyn Fn(&&inspection_tracker::plan::query::ActionListItem) -> bool| {
                list.iter().filter(f).count() as i64
            };
            let c = &s.overall;
            assert_eq!(c.total, list.len() as i64);
            assert_eq!(c.red, count(&|a| a.rag == Rag::Red), "{as_of}");
            assert_eq!(
                c.amber,
                count(&|a| a.rag == Rag::Amber),
                "{as_of} {window} {below}"
            );
            assert_eq!(c.green, count(&|a| a.rag == Rag::Green), "{as_of}");
            assert_eq!(c.blue, count(&|a| a.rag == Rag::Blue), "{as_of}");
            assert_eq!(c.completed, count(&|a| a.status == ActionStatus::Completed));
            assert_eq!(c.blocked, count(&|a| a.status == ActionStatus::Blocked));
            assert_eq!(c.overdue, count(&|a| a.days_overdue.is_some()), "{as_of}");
            let overdue = list_actions(
                &store,
                &Filter {
                    overdue: true,
                    ..Filter::default()
                },
                as_of,
            )
            .unwrap();
            assert_eq!(c.overdue, overdue.len() as i64);
        }
    }

    // The dashboard's burn-up (its own lean query) counts the actions the list and the
    // export count, with a recommendation and a report in the bin too.
    let (rec_id, report_id) = {
        let all = list_actions(&store, &Filter::default(), d("2012-01-01")).unwrap();
        (
            all[0].recommendation_id.clone(),
            all.last().unwrap().report_id.clone(),
        )
    };
    store
        .conn()
        .execute_batch(&format!(
            "UPDATE recommendations SET deleted_at = '2012-01-01T00:00:00Z' WHERE id = '{rec_id}';
             UPDATE reports SET deleted_at = '2012-01-01T00:00:00Z' WHERE id = '{report_id}';"
        ))
        .unwrap();
    for &as_of in &as_ofs {
        let lean = burn_up(&store, as_of).unwrap();
        let export = ExportData::load(&store, &Filter::default(), as_of).unwrap();
        assert_eq!(lean, export.burn_up(), "{as_of}");
        // (Before the first report was inspected, nothing is known: no points at all.)
        assert_eq!(
            lean.due.last().map_or(0, |p| p.1 as usize),
            export
                .actions
                .iter()
                .filter(|a| a.item.due_date.is_some())
                .count()
        );
    }
    assert!(
        burn_up(&store, d("2030-01-01"))
            .unwrap()
            .completed
            .last()
            .unwrap()
            .1
            > 0,
        "completions are counted"
    );
}

/// A filtered list reads each action's recommendation and numbers it ("3.2") on its own,
/// from the database; the whole plan numbers from the list itself. Every filtered list must
/// give each action what the whole plan gives it, and keep the plan's order.
#[test]
fn a_filtered_list_gives_each_action_what_the_whole_plan_gives_it() {
    use inspection_tracker::plan::query::ActionListItem;
    use std::collections::{HashMap, HashSet};
    let store = varied_plan();
    let filters = [
        Filter {
            overdue: true,
            ..Filter::default()
        },
        Filter {
            open: true,
            ..Filter::default()
        },
        Filter {
            status: Some(ActionStatus::InProgress),
            ..Filter::default()
        },
        Filter {
            overdue: true,
            due_within_days: Some(60),
            ..Filter::default()
        },
        Filter {
            rag: Some(Rag::Red),
            ..Filter::default()
        },
        // The second actions only: their recommendations' first actions are left out.
        Filter {
            search: Some("extra".into()),
            ..Filter::default()
        },
    ];
    let (mut later_numbers, mut several_recommendations) = (0, 0);
    for as_of in ["2011-09-30", "2012-01-01", "2012-07-15"].map(d) {
        let whole = list_actions(&store, &Filter::default(), as_of).unwrap();
        let by_id: HashMap<&str, &ActionListItem> =
            whole.iter().map(|a| (a.id.as_str(), a)).collect();
        for filter in &filters {
            let listed = list_actions(&store, filter, as_of).unwrap();
            for a in &listed {
                let w = by_id[a.id.as_str()];
                // Only the place in the plan counts the listed actions alone.
                let same = ActionListItem {
                    plan_order: w.plan_order,
                    ..a.clone()
                };
                assert_eq!(&same, w, "{filter:?} as at {as_of}");
            }
            let mut in_plan: Vec<&ActionListItem> = listed.iter().collect();
            in_plan.sort_by_key(|a| a.plan_order);
            let orders: Vec<u32> = in_plan
                .iter()
                .map(|a| by_id[a.id.as_str()].plan_order)
                .collect();
            assert!(orders.is_sorted(), "{filter:?} as at {as_of}: {orders:?}");
            later_numbers += listed
                .iter()
                .filter(|a| !a.reference.ends_with(".1"))
                .count();
            let recs: HashSet<&str> = listed
                .iter()
                .map(|a| a.recommendation_id.as_str())
                .collect();
            several_recommendations += usize::from(recs.len() > 1);
        }
    }
    assert!(
        later_numbers > 0,
        "some listed actions are not their recommendation's first"
    );
    assert!(
        several_recommendations > 0,
        "lists of several recommendations"
    );
}

#[test]
fn new_ids_are_time_ordered_and_found_by_the_short_end_lists_show() {
    use inspection_tracker::plan::actions::resolve_action_id;
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        "a",
        &report(Some("2011-10-14"), None, mixed()),
        &opts(),
    );
    let list = list_actions(&store, &Filter::default(), d("2011-11-01")).unwrap();
    let mut ids: Vec<String> = list.iter().map(|a| a.id.clone()).collect();
    assert!(ids.len() >= 2);
    // Version 7: made in order, so each index grows at its end.
    for id in &ids {
        assert_eq!(id.as_bytes()[14], b'7', "{id}");
    }
    ids.sort();
    let conn = store.conn();
    for id in &ids {
        assert_eq!(&resolve_action_id(conn, id).unwrap(), id);
        assert_eq!(&resolve_action_id(conn, &id[id.len() - 8..]).unwrap(), id);
    }
    // The start is the time, shared by ids made together: too little to tell them apart.
    let shared = &ids[0][..8];
    assert!(ids[1].starts_with(shared));
    let err = resolve_action_id(conn, shared).unwrap_err().to_string();
    assert!(err.contains("more than one"), "{err}");
    assert!(resolve_action_id(conn, "abc").is_err(), "too short");
    assert!(matches!(
        resolve_action_id(conn, "ffffffffffff"),
        Err(Error::NotFound { .. })
    ));
    assert!(resolve_action_id(conn, "%%%%").is_err(), "no wildcards");
}

#[test]
fn overdue_and_due_soon_together_list_either_in_due_order() {
    use inspection_tracker::plan::query::ActionListItem;
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        "a",
        &report(Some("2011-10-14"), None, mixed()),
        &opts(),
    );
    // A second action under the first recommendation: the list reads each recommendation
    // once, and both actions show it.
    let first = list_actions(&store, &Filter::default(), d("2011-11-01")).unwrap()[0].clone();
    let also = NewAction {
        title: "also".into(),
        ..NewAction::default()
    };
    add_action(&mut store, &first.recommendation_id, &also, "tester").unwrap();
    let as_of = d("2012-01-20");
    let list = |overdue, due_within_days| {
        let f = Filter {
            overdue,
            due_within_days,
            ..Filter::default()
        };
        list_actions(&store, &f, as_of).unwrap()
    };
    let ids = |l: &[ActionListItem]| l.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    let overdue = list(true, None);
    let soon = list(false, Some(400));
    let either = list(true, Some(400));
    assert!(!overdue.is_empty() && !soon.is_empty());
    assert_eq!(ids(&either), [ids(&overdue), ids(&soon)].concat());
    let shared: Vec<&ActionListItem> = either
        .iter()
        .filter(|a| a.recommendation_id == first.recommendation_id)
        .collect();
    assert_eq!(shared.len(), 2);
    assert_eq!(
        shared[0].title, first.title,
        "the first made is listed first"
    );
    assert_eq!(shared[1].title, "also");
    for a in shared {
        assert_eq!(a.recommendation, first.recommendation);
        assert_eq!(a.recommendation_number, first.recommendation_number);
        assert_eq!(a.section, first.section);
    }
}
