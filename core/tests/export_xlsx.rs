//! The workbook, read back with calamine and as raw XML: dates are real date cells, the
//! header is frozen and filtered, RAG cells are coloured, the summary sheet counts match.

mod export_common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use export_common::*;
use inspection_tracker::export::xlsx::{
    ACTIONS_SHEET, ACTION_COLUMNS, DUE_COLUMN, ID_COLUMN, RAG_COLUMN, SUMMARY_SHEET,
};
use inspection_tracker::export::{render, ExportFormat, ExportRequest};
use inspection_tracker::labels;
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::plan::summary::summary;

fn workbook() -> (
    Vec<u8>,
    Vec<inspection_tracker::plan::query::ActionListItem>,
) {
    let (store, _) = plan();
    let bytes = render(
        &store,
        &ExportRequest {
            format: ExportFormat::Xlsx,
            as_of: as_of(),
            filter: Filter::default(),
            from_history: false,
            paper: Default::default(),
        },
    )
    .unwrap();
    let list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    (bytes, list)
}

#[test]
fn due_dates_are_date_cells_in_list_order() {
    let (bytes, list) = workbook();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), [ACTIONS_SHEET, SUMMARY_SHEET]);
    let range = book.worksheet_range(ACTIONS_SHEET).unwrap();
    assert_eq!(range.height(), list.len() + 1);
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, ACTION_COLUMNS.map(|c| c.0.to_string()));
    for (row, a) in range.rows().skip(1).zip(&list) {
        assert_eq!(row[4].to_string(), a.title);
        match (&row[DUE_COLUMN as usize], a.due_date) {
            (Data::DateTime(dt), Some(due)) => {
                assert!(dt.is_datetime());
                // Excel's serial day number: days since 30 December 1899.
                let serial = (due - date("1899-12-30")).num_days() as f64;
                assert_eq!(dt.as_f64(), serial, "{}", a.title);
            }
            (Data::Empty, None) => {}
            (other, due) => panic!("due {due:?} written as {other:?}"),
        }
        assert_eq!(row[RAG_COLUMN as usize].to_string(), labels::rag(a.rag));
    }
}

#[test]
fn the_sheet_is_filtered_frozen_and_coloured() {
    let (bytes, list) = workbook();
    let sheet = zip_part(&bytes, "xl/worksheets/sheet1.xml");
    // Column T: the twentieth, "Next step" (issue 16's four after "Lead partner").
    let last = format!("T{}", list.len() + 1);
    assert!(
        sheet.contains(&format!("<autoFilter ref=\"A1:{last}\"")),
        "autofilter over every row"
    );
    assert!(
        sheet.contains("state=\"frozen\"") && sheet.contains("topLeftCell=\"A2\""),
        "frozen header"
    );
    let styles = zip_part(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"dd/mm/yyyy\""),
        "a date number format"
    );
    for r in inspection_tracker::model::Rag::ALL {
        let fill = format!("rgb=\"FF{}\"", labels::rag_fill(r));
        assert!(styles.contains(&fill), "fill for {r:?}");
    }
}

#[test]
fn the_printout_has_every_column_but_the_id_on_a3() {
    let (bytes, list) = workbook();
    let sheet = zip_part(&bytes, "xl/worksheets/sheet1.xml");
    let id = ID_COLUMN + 1; // the XML counts columns from 1
    assert_eq!(ACTION_COLUMNS[ID_COLUMN as usize].0, "Action id");
    assert!(
        sheet.contains(&format!("<col min=\"{id}\" max=\"{id}\"")) && {
            let at = sheet.find(&format!("<col min=\"{id}\"")).unwrap();
            sheet[at..]
                .split('>')
                .next()
                .unwrap()
                .contains("hidden=\"1\"")
        },
        "the id column is hidden"
    );
    // paperSize 8 is A3, in landscape, one page wide.
    assert!(sheet.contains("paperSize=\"8\""), "A3");
    assert!(sheet.contains("orientation=\"landscape\""));
    assert!(sheet.contains("fitToHeight=\"0\""));
    let book = zip_part(&bytes, "xl/workbook.xml");
    assert!(
        book.contains(&format!("Actions!$A$1:$T${}", list.len() + 1)),
        "the print area runs to the last column, Next step: {book}"
    );
}

#[test]
fn the_summary_sheet_counts_match_the_summary() {
    let (store, _) = plan();
    let bytes = render(
        &store,
        &ExportRequest {
            format: ExportFormat::Xlsx,
            as_of: as_of(),
            filter: Filter::default(),
            from_history: false,
            paper: Default::default(),
        },
    )
    .unwrap();
    let s = summary(&store, as_of()).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range(SUMMARY_SHEET).unwrap();
    let value = |label: &str| -> String {
        range
            .rows()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no row {label}"))[1]
            .to_string()
    };
    assert_eq!(value("Actions"), s.overall.total.to_string());
    assert_eq!(value("Overdue"), s.overall.overdue.to_string());
    assert_eq!(value("Red"), s.overall.red.to_string());
    assert_eq!(value("Blue"), s.overall.blue.to_string());
    assert_eq!(value("Blocked"), s.overall.blocked.to_string());
    assert_eq!(value("Position as at"), "20 January 2012");
}
