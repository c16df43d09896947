//! The overdue review's core: the how-overdue bands as a filter of the list, a review
//! record kept in the history, and bulk reassign / re-schedule as one transaction.

use chrono::{Days, NaiveDate};
use inspection_tracker::model::{ActionStatus, DueDateSource, OverdueBand, Timeframe};
use inspection_tracker::plan::actions::{delete_action, update_action, update_many, Change};
use inspection_tracker::plan::history::history;
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::plan::reviews::{latest_reviews, record_review, NewReview};
use inspection_tracker::store::Store;
use inspection_tracker::{Recommendation, Report, ReportKind};

const AS_OF: &str = "2012-06-01";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn days_before(n: u64) -> NaiveDate {
    d(AS_OF).checked_sub_days(Days::new(n)).unwrap()
}

fn report(n: usize) -> Report {
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
        recommendations: (0..n)
            .map(|i| {
                let text = format!("recommendation number {i}");
                Recommendation {
                    section: "Safeguarding services".into(),
                    timeframe: Some("Within six months".into()),
                    period: Timeframe::Months(6),
                    source_end: text.len(),
                    text,
                    paragraph: None,
                    source_start: 0,
                    responsible_body: None,
                }
            })
            .collect(),
    }
}

/// A plan of `n` actions in recommendation order, with their ids.
fn plan(n: usize) -> (tempfile::TempDir, Store, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plan.db")).unwrap();
    let opts = ImportOptions {
        inspection_date: None,
        who: "importer".into(),
    };
    import_report(&mut store, "n.txt", "sha-n", "text", "t", &report(n), &opts).unwrap();
    let mut items = list_actions(&store, &Filter::default(), d(AS_OF)).unwrap();
    items.sort_by_key(|a| a.recommendation_number);
    let ids = items.into_iter().map(|a| a.id).collect();
    (dir, store, ids)
}

fn due(store: &mut Store, id: &str, date: NaiveDate) {
    let change = Change::DueDate {
        date,
        reason: "test".into(),
    };
    update_action(store, id, &[change], d(AS_OF), "setup").unwrap();
}

fn listed(store: &Store, f: &Filter) -> Vec<String> {
    let mut ids: Vec<String> = list_actions(store, f, d(AS_OF))
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    ids.sort();
    ids
}

fn sorted(ids: &[&String]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn the_how_overdue_bands_pick_actions_by_days_overdue_at_their_edges() {
    let (_dir, mut store, ids) = plan(8);
    // Days overdue at 1 June 2012: 1, 29, 30, 90, 91, 400, 0 (due today) and one
    // completed 200 days late.
    for (id, n) in ids.iter().zip([1, 29, 30, 90, 91, 400, 0, 200]) {
        due(&mut store, id, days_before(n));
    }
    let done = [Change::Status(ActionStatus::Completed)];
    update_action(&mut store, &ids[7], &done, d(AS_OF), "setup").unwrap();
    let band = |b| Filter {
        overdue_band: Some(b),
        ..Filter::default()
    };
    assert_eq!(
        listed(&store, &band(OverdueBand::UnderThirtyDays)),
        sorted(&[&ids[0], &ids[1]])
    );
    assert_eq!(
        listed(&store, &band(OverdueBand::ThirtyToNinetyDays)),
        sorted(&[&ids[2], &ids[3]])
    );
    assert_eq!(
        listed(&store, &band(OverdueBand::OverNinetyDays)),
        sorted(&[&ids[4], &ids[5]])
    );
    // Each listed item's own days overdue fall in the band asked for: one rule.
    for b in OverdueBand::ALL {
        for item in list_actions(&store, &band(b), d(AS_OF)).unwrap() {
            assert_eq!(item.days_overdue.and_then(OverdueBand::of), Some(b));
        }
    }
    // With the other filters: the owner and the band both hold.
    let owner = [Change::Owner(Some("Priya Shah".into()))];
    update_action(&mut store, &ids[3], &owner, d(AS_OF), "setup").unwrap();
    let f = Filter {
        owner: Some("priya shah".into()),
        overdue_band: Some(OverdueBand::ThirtyToNinetyDays),
        current_only: true,
        ..Filter::default()
    };
    assert_eq!(listed(&store, &f), sorted(&[&ids[3]]));
}

#[test]
fn a_review_is_kept_in_the_history_and_the_latest_one_is_read_back() {
    let (_dir, mut store, ids) = plan(2);
    let first = NewReview {
        reviewed_by: None,
        reviewed_on: d("2012-05-01"),
        outcome: "Owner to send the audit by Friday".into(),
        next_review: Some(d("2012-05-15")),
    };
    record_review(&mut store, &ids[0], &first, d(AS_OF), "Sam Patel").unwrap();
    let second = NewReview {
        reviewed_by: Some("QA panel".into()),
        reviewed_on: d("2012-05-20"),
        outcome: "  Audit received; close at the next meeting  ".into(),
        next_review: None,
    };
    record_review(&mut store, &ids[0], &second, d(AS_OF), "Sam Patel").unwrap();

    let lines: Vec<(String, Option<String>, String)> = history(&store, &ids[0])
        .unwrap()
        .into_iter()
        .filter(|h| h.field.starts_with("review") || h.field == "next_review")
        .map(|h| (h.field, h.new_value, h.who))
        .collect();
    let line =
        |f: &str, v: Option<&str>| (f.to_string(), v.map(String::from), "Sam Patel".to_string());
    assert_eq!(
        lines,
        vec![
            line("reviewed_by", Some("Sam Patel")),
            line("reviewed_on", Some("2012-05-01")),
            line("review_outcome", Some("Owner to send the audit by Friday")),
            line("next_review", Some("2012-05-15")),
            line("reviewed_by", Some("QA panel")),
            line("reviewed_on", Some("2012-05-20")),
            line(
                "review_outcome",
                Some("Audit received; close at the next meeting")
            ),
            line("next_review", None),
        ]
    );
    let latest = latest_reviews(&store).unwrap();
    assert_eq!(latest.len(), 1, "only the reviewed action: {latest:?}");
    assert_eq!(latest[0].action_id, ids[0]);
    assert_eq!(latest[0].reviewed_by, "QA panel");
    assert_eq!(latest[0].reviewed_on, d("2012-05-20"));
    assert_eq!(
        latest[0].outcome,
        "Audit received; close at the next meeting"
    );
    assert_eq!(latest[0].next_review, None);
    assert_eq!(latest[0].recorded_by, "Sam Patel");
}

#[test]
fn a_bad_review_is_refused_in_words_and_records_nothing() {
    let (_dir, mut store, ids) = plan(2);
    let good = NewReview {
        reviewed_by: None,
        reviewed_on: d("2012-05-01"),
        outcome: "Agreed".into(),
        next_review: Some(d("2012-06-01")),
    };
    let before = history(&store, &ids[0]).unwrap().len();
    let cases = [
        (
            NewReview {
                outcome: "   ".into(),
                ..good.clone()
            },
            "say what was agreed",
        ),
        (
            NewReview {
                reviewed_on: d("2012-06-02"),
                next_review: None,
                ..good.clone()
            },
            "cannot be dated after today (1 June 2012)",
        ),
        (
            NewReview {
                next_review: Some(d("2012-05-01")),
                ..good.clone()
            },
            "the next review (1 May 2012) must be after the review itself (1 May 2012)",
        ),
    ];
    for (bad, words) in cases {
        let err = record_review(&mut store, &ids[0], &bad, d(AS_OF), "Sam").unwrap_err();
        assert!(err.to_string().contains(words), "{err}");
    }
    delete_action(&mut store, &ids[1], "Sam").unwrap();
    let err = record_review(&mut store, &ids[1], &good, d(AS_OF), "Sam").unwrap_err();
    assert!(err.to_string().contains("in the bin"), "{err}");
    assert!(record_review(&mut store, "no-such-action", &good, d(AS_OF), "Sam").is_err());
    assert_eq!(history(&store, &ids[0]).unwrap().len(), before);
    assert!(latest_reviews(&store).unwrap().is_empty());
}

#[test]
fn bulk_reassign_and_reschedule_change_every_action_with_one_reason() {
    let (_dir, mut store, ids) = plan(4);
    let chosen = ids[..3].to_vec();
    let owner = [Change::Owner(Some("Mark Evans".into()))];
    let rows = update_many(&mut store, &chosen, &owner, d(AS_OF), "Sam Patel").unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows
        .iter()
        .all(|a| a.owner.as_deref() == Some("Mark Evans")));
    let new_due = [Change::DueDate {
        date: d("2012-09-30"),
        reason: "Agreed at the QA panel: audit moved to the autumn".into(),
    }];
    let rows = update_many(&mut store, &chosen, &new_due, d(AS_OF), "Sam Patel").unwrap();
    for a in &rows {
        assert_eq!(a.due_date, Some(d("2012-09-30")));
        assert_eq!(a.due_date_source, DueDateSource::Override);
        assert_eq!(
            a.due_date_reason.as_deref(),
            Some("Agreed at the QA panel: audit moved to the autumn")
        );
        let fields: Vec<(String, String)> = history(&store, &a.id)
            .unwrap()
            .into_iter()
            .filter(|h| h.who == "Sam Patel")
            .map(|h| (h.field, h.new_value.unwrap_or_default()))
            .collect();
        assert!(
            fields.contains(&("owner".into(), "Mark Evans".into())),
            "{fields:?}"
        );
        assert!(
            fields.contains(&("due_date".into(), "2012-09-30".into())),
            "{fields:?}"
        );
    }
    // The one left out is untouched.
    let rest = list_actions(&store, &Filter::default(), d(AS_OF)).unwrap();
    let fourth = rest.iter().find(|a| a.id == ids[3]).unwrap();
    assert_eq!(fourth.owner, None);
}

#[test]
fn one_bad_action_in_a_batch_changes_nothing() {
    let (_dir, mut store, ids) = plan(4);
    delete_action(&mut store, &ids[3], "Sam").unwrap();
    let snapshot = |store: &Store| {
        ids.iter()
            .map(|id| history(store, id).unwrap().len())
            .collect::<Vec<_>>()
    };
    let before = snapshot(&store);
    let owner = [Change::Owner(Some("Mark Evans".into()))];
    // The bad one last, after the good ones were already changed inside the transaction.
    for bad in ["no-such-action", ids[3].as_str()] {
        let batch = vec![ids[0].clone(), ids[1].clone(), bad.to_string()];
        let err = update_many(&mut store, &batch, &owner, d(AS_OF), "Sam").unwrap_err();
        assert!(err.to_string().contains(bad), "names the action: {err}");
    }
    let no_reason = [Change::DueDate {
        date: d("2012-09-30"),
        reason: " ".into(),
    }];
    let err = update_many(&mut store, &ids[..2], &no_reason, d(AS_OF), "Sam").unwrap_err();
    assert!(err.to_string().contains("reason"), "{err}");
    let err = update_many(&mut store, &[], &owner, d(AS_OF), "Sam").unwrap_err();
    assert!(
        err.to_string().contains("choose at least one action"),
        "{err}"
    );
    assert_eq!(snapshot(&store), before);
    let items = list_actions(&store, &Filter::default(), d(AS_OF)).unwrap();
    assert!(items.iter().all(|a| a.owner.is_none()), "{items:?}");
}
