//! The statement of action holds every recommendation verbatim, with its actions, owners,
//! timescales and measures of success.

mod export_common;

use export_common::*;
use inspection_tracker::export::statement::ACTION_COLUMNS;
use inspection_tracker::export::{render, ExportFormat, ExportRequest};
use inspection_tracker::plan::actions::{update_action, Change};
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::plan::timeline::known_by;
use inspection_tracker::store::recommendations::list_recommendations;
use inspection_tracker::store::reports::list_reports;
use inspection_tracker::store::Store;

fn statement(store: &Store, filter: Filter) -> Vec<u8> {
    render(
        store,
        &ExportRequest {
            format: ExportFormat::Statement,
            as_of: as_of(),
            filter,
            from_history: false,
            paper: Default::default(),
        },
    )
    .unwrap()
}

#[test]
fn every_recommendation_is_there_verbatim_in_report_order() {
    let (mut store, p) = plan();
    update_action(
        &mut store,
        &p.in_progress,
        &[
            Change::Title(WHAT.into()),
            Change::MeasureOfSuccess(Some(
                "90% of strategy discussions include health partners, by audit".into(),
            )),
        ],
        as_of(),
        "test",
    )
    .unwrap();
    let bytes = statement(&store, Filter::default());
    let text = docx_text(&bytes);
    // Every report known as at the statement's date (the 2024 one was not: see
    // export_as_at.rs).
    let mut recommendations = Vec::new();
    for report in list_reports(store.conn()).unwrap() {
        if known_by(&report, as_of()) {
            recommendations.extend(list_recommendations(store.conn(), &report.id).unwrap());
        }
    }
    assert!(recommendations.len() >= 40, "{}", recommendations.len());
    let mut at = 0;
    for r in &recommendations {
        let verbatim = normalise(&r.text);
        let found = text[at..]
            .find(&verbatim)
            .unwrap_or_else(|| panic!("missing or out of order: {verbatim}"));
        at += found + verbatim.len();
    }
    // Each action under its recommendation with owner, timescale and measure of success.
    let blocks = docx_blocks(&bytes);
    let rows: Vec<Vec<String>> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.clone()),
            _ => None,
        })
        .flat_map(|t| {
            assert_eq!(t[0], ACTION_COLUMNS.map(|c| c.0.to_string()));
            t.into_iter().skip(1)
        })
        .collect();
    let list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    assert_eq!(rows.len(), list.len());
    let doing = list.iter().find(|a| a.id == p.in_progress).unwrap();
    assert_eq!(doing.title, WHAT);
    assert!(!doing.draft, "saying what will be done ends the draft");
    let row = rows.iter().find(|r| r[0] == WHAT).unwrap();
    assert_eq!(row[1], "Head of Safeguarding");
    assert!(row[2].starts_with("By "), "{}", row[2]);
    assert_eq!(
        row[3],
        "90% of strategy discussions include health partners, by audit"
    );
    // The moved action is still a draft: its cell says so instead of repeating the
    // recommendation printed above it; its timescale gives both dates and why.
    let moved = list.iter().find(|a| a.id == p.moved_overdue).unwrap();
    assert!(moved.draft);
    let row = rows
        .iter()
        .find(|r| r[2].contains("brought forward by the board"))
        .unwrap();
    assert!(row[0].starts_with("Not yet written (draft"), "{}", row[0]);
    assert!(row[2].starts_with("By 31 December 2011"), "{}", row[2]);
    assert!(
        row[2].contains(&format!(
            "First set for {}",
            inspection_tracker::labels::opt_short_date(moved.original_due_date)
        )),
        "{}",
        row[2]
    );
    // Under each recommendation: progress and the evidence of impact.
    assert!(
        text.contains("Progress: In progress, 40% complete. Latest update (10 Jan 2012):"),
        "progress"
    );
    assert!(
        text.contains("Evidence of impact: https://example.org/evidence/audit (no summary given)")
    );
    assert!(text.contains("Evidence of impact: None kept yet."));
}

const WHAT: &str = "Invite the designated nurse to every strategy discussion and audit it monthly";

#[test]
fn a_report_filter_gives_that_reports_statement_only() {
    let (store, _) = plan();
    let reports = list_reports(store.conn()).unwrap();
    let derby = reports
        .iter()
        .find(|r| r.local_authority.as_deref() == Some("Derby"))
        .unwrap();
    let bytes = statement(
        &store,
        Filter {
            report_id: Some(derby.id.clone()),
            ..Filter::default()
        },
    );
    let text = docx_text(&bytes);
    assert!(text.contains("Authority: Derby"), "{}", &text[..200]);
    for r in list_recommendations(store.conn(), &derby.id).unwrap() {
        assert!(text.contains(&normalise(&r.text)));
    }
    let rutland = reports
        .iter()
        .find(|r| r.local_authority.as_deref() == Some("Rutland"))
        .unwrap();
    for r in list_recommendations(store.conn(), &rutland.id).unwrap() {
        assert!(!text.contains(&normalise(&r.text)));
    }
}
