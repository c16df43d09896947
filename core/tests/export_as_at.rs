//! Papers as at a date show only what was known then (issue 13): the board paper, the
//! statement, the workbook, the CSV and the calendar as at 20 January 2012 of the sample
//! database leave out Rutland's 2024 report, inspected twelve years later; today's have it.

mod export_common;

use export_common::*;
use inspection_tracker::export::{render, ExportFormat, ExportRequest};
use inspection_tracker::model::ReportKind;
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::plan::summary::summary;
use inspection_tracker::store::Store;

/// The whole plan exported in `format` as at `day`.
fn exported(store: &Store, format: ExportFormat, day: chrono::NaiveDate) -> Vec<u8> {
    render(
        store,
        &ExportRequest {
            format,
            as_of: day,
            filter: Filter::default(),
            from_history: false,
            paper: Default::default(),
        },
    )
    .unwrap()
}

fn docx(store: &Store, format: ExportFormat, day: chrono::NaiveDate) -> String {
    docx_text(&exported(store, format, day))
}

#[test]
fn the_board_paper_as_at_2012_01_20_has_no_action_of_the_2024_report() {
    let (store, _) = plan();
    let today = date("2026-12-01");
    let ilacs = summary(&store, today)
        .unwrap()
        .reports
        .into_iter()
        .find(|r| r.kind == ReportKind::Ilacs)
        .expect("the sample database holds Rutland's 2024 ILACS")
        .report_id;
    let later: Vec<String> = list_actions(&store, &Filter::default(), today)
        .unwrap()
        .into_iter()
        .filter(|a| a.report_id == ilacs)
        .map(|a| normalise(&a.title))
        .collect();
    assert_eq!(later.len(), 3);
    let earlier: Vec<String> = list_actions(&store, &Filter::default(), as_of())
        .unwrap()
        .into_iter()
        .map(|a| normalise(&a.title))
        .collect();
    assert_eq!(
        earlier.len(),
        15 + 5 + 24,
        "the three 2011 reports' actions"
    );

    for format in [ExportFormat::BoardPaper, ExportFormat::Statement] {
        let then = docx(&store, format, as_of());
        for title in &later {
            assert!(
                !then.contains(title.as_str()),
                "{format:?} as at 2012 has {title:?}"
            );
        }
        // Nor the report itself (its dates are all in 2024).
        assert!(
            !then.contains("2024"),
            "{format:?} as at 2012 names a 2024 date"
        );
        // The paper is not simply empty: the 2011 actions known then are there.
        let known = earlier.iter().filter(|t| then.contains(t.as_str())).count();
        assert!(known >= 20, "{format:?}: only {known} of the 2011 actions");

        // Today's paper has the 2024 report's actions.
        let now = docx(&store, format, today);
        for title in &later {
            assert!(
                now.contains(title.as_str()),
                "{format:?} today lacks {title:?}"
            );
        }
    }
}

/// The workbook, the CSV and the calendar as at 2012 leave out the 2024 report's actions
/// too (each names every action by its id: the CSV's and workbook's id column, the
/// calendar's UIDs); today's have them.
#[test]
fn the_workbook_csv_and_calendar_as_at_2012_have_no_action_of_the_2024_report() {
    let (store, _) = plan();
    let today = date("2026-12-01");
    let then_list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    let known_then: Vec<&str> = then_list.iter().map(|a| a.id.as_str()).collect();
    // The papers as at 2012 are not empty: an open 2011 action is there (the calendar
    // lists open ones only).
    let open_2011 = then_list
        .iter()
        .find(|a| a.status != inspection_tracker::model::ActionStatus::Completed)
        .unwrap()
        .id
        .as_str();
    let later: Vec<String> = list_actions(&store, &Filter::default(), today)
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .filter(|id| !known_then.contains(&id.as_str()))
        .collect();
    assert_eq!(later.len(), 3, "Rutland 2024's three actions");
    let text = |format, day| {
        let bytes = exported(&store, format, day);
        match format {
            ExportFormat::Xlsx => zip_names(&bytes)
                .iter()
                .filter(|n| n.ends_with(".xml"))
                .map(|n| zip_part(&bytes, n))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => String::from_utf8(bytes).unwrap(),
        }
    };
    for format in [ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Ics] {
        let then = text(format, as_of());
        let now = text(format, today);
        for id in &later {
            assert!(
                !then.contains(id.as_str()),
                "{format:?} as at 2012 has {id}"
            );
            assert!(now.contains(id.as_str()), "{format:?} today lacks {id}");
        }
        assert!(
            then.contains(open_2011),
            "{format:?} as at 2012 lacks {open_2011}"
        );
    }
}
