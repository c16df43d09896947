//! The board paper, opened as Word would: its summary counts, exceptions table and
//! progress table agree with `summary` and `list` for the same as-of date.

mod export_common;

use export_common::*;
use inspection_tracker::export::board_paper::{
    self, EXCEPTIONS, FACT_COMPLETE, FACT_NEXT, FACT_OVERDUE, FACT_RAG, FACT_STATUS, FACT_TOTAL,
    PROGRESS, RAG_SUMMARY, SUMMARY,
};
use inspection_tracker::export::{render, repeat_findings, ExportFormat, ExportRequest};
use inspection_tracker::labels;
use inspection_tracker::model::Rag;
use inspection_tracker::plan::query::{list_actions, ActionListItem, Filter};
use inspection_tracker::plan::summary::summary;
use inspection_tracker::store::Store;

fn paper(store: &Store, filter: Filter) -> Vec<u8> {
    render(
        store,
        &ExportRequest {
            format: ExportFormat::BoardPaper,
            as_of: as_of(),
            filter,
            from_history: false,
        },
    )
    .unwrap()
}

/// The key-facts table: label → value.
fn facts(blocks: &[Block]) -> std::collections::HashMap<String, String> {
    let tables = tables_under(blocks, SUMMARY);
    tables[0]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
}

/// A progress-table row as the paper should show it.
fn expected_progress_row(a: &ActionListItem) -> Vec<String> {
    vec![
        a.title.clone(),
        a.owner.clone().unwrap_or_else(|| "Unassigned".into()),
        labels::opt_short_date(a.due_date),
        labels::status(a.status).to_string(),
        labels::rag(a.rag).to_string(),
    ]
}

/// The progress rows of the paper, without the recommendation and update columns, sorted.
fn progress_rows(blocks: &[Block]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = tables_under(blocks, PROGRESS)
        .into_iter()
        .flat_map(|t| {
            assert_eq!(t[0][0], "Recommendation", "header row first");
            t.into_iter().skip(1)
        })
        .map(|r| r[1..6].to_vec())
        .collect();
    rows.sort();
    rows
}

#[test]
fn summary_counts_match_the_summary_for_the_same_date() {
    let (store, _) = plan();
    let bytes = paper(&store, Filter::default());
    let blocks = docx_blocks(&bytes);
    let s = summary(&store, as_of()).unwrap();
    let c = &s.overall;
    assert!(c.total > 40, "the fixtures give many actions: {}", c.total);
    assert!(c.overdue > 0 && c.red > 0 && c.blue == 1 && c.blocked == 1);

    let f = facts(&blocks);
    assert_eq!(f[FACT_TOTAL], c.total.to_string());
    assert_eq!(f[FACT_OVERDUE], c.overdue.to_string());
    assert_eq!(
        f[FACT_COMPLETE],
        format!("{}%", board_paper::percent(c.percent_complete))
    );
    assert_eq!(
        f[FACT_STATUS],
        format!(
            "{} not started, {} in progress, {} blocked, {} completed",
            c.not_started, c.in_progress, c.blocked, c.completed
        )
    );
    assert_eq!(
        f[FACT_RAG],
        format!(
            "{} red, {} amber, {} green, {} blue",
            c.red, c.amber, c.green, c.blue
        )
    );
    let next = s
        .next_inspection
        .as_ref()
        .expect("an estimated next inspection");
    assert!(
        f[FACT_NEXT].starts_with(&board_paper::next_inspection_text(next)),
        "{}",
        f[FACT_NEXT]
    );
    assert!(f[FACT_NEXT].contains("days to go"), "{}", f[FACT_NEXT]);

    // The RAG summary's last row is the whole plan.
    let rag = &tables_under(&blocks, RAG_SUMMARY)[0];
    let all = rag.last().unwrap();
    assert_eq!(all[0], "All");
    assert_eq!(
        all[2..8],
        [c.total, c.red, c.amber, c.green, c.blue, c.overdue].map(|n| n.to_string())
    );
    // And the section rows add up to it.
    let total: i64 = rag[1..rag.len() - 1]
        .iter()
        .map(|r| r[2].parse::<i64>().unwrap())
        .sum();
    assert_eq!(total, c.total);
}

#[test]
fn the_exceptions_table_lists_every_overdue_or_red_action_most_overdue_first() {
    let (store, p) = plan();
    let blocks = docx_blocks(&paper(&store, Filter::default()));
    let list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    let mut expected: Vec<&ActionListItem> = list
        .iter()
        .filter(|a| a.days_overdue.is_some() || a.rag == Rag::Red)
        .collect();
    expected.sort_by_key(|a| std::cmp::Reverse(a.days_overdue.unwrap_or(0)));

    let table = &tables_under(&blocks, EXCEPTIONS)[0];
    assert_eq!(
        table[0],
        [
            "Action",
            "Owner",
            "Due",
            "Days overdue",
            "RAG",
            "Latest update (mitigation)"
        ]
    );
    let rows = &table[1..];
    assert_eq!(rows.len(), expected.len());
    for (row, a) in rows.iter().zip(&expected) {
        assert_eq!(row[0], a.title);
        assert_eq!(
            row[1],
            a.owner.clone().unwrap_or_else(|| "Unassigned".into())
        );
        assert_eq!(row[2], labels::opt_short_date(a.due_date));
        assert_eq!(
            row[3],
            a.days_overdue.map(|d| d.to_string()).unwrap_or_default()
        );
        assert_eq!(row[4], labels::rag(a.rag));
    }
    // The action whose due date was brought forward is there, overdue since 31 Dec 2011.
    let moved = list.iter().find(|a| a.id == p.moved_overdue).unwrap();
    let row = rows.iter().find(|r| r[0] == moved.title).unwrap();
    assert_eq!(row[1], "Service Manager, Children in Care");
    assert_eq!(row[3], "20");
    // The blocked action's note is its mitigation.
    let blocked = list.iter().find(|a| a.id == p.blocked).unwrap();
    if let Some(row) = rows.iter().find(|r| r[0] == blocked.title) {
        assert!(row[5].contains(NOTE_BLOCKED), "{}", row[5]);
    }
}

#[test]
fn the_progress_table_holds_exactly_the_listed_actions() {
    let (store, p) = plan();
    let blocks = docx_blocks(&paper(&store, Filter::default()));
    let list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    let mut expected: Vec<Vec<String>> = list.iter().map(expected_progress_row).collect();
    expected.sort();
    assert_eq!(progress_rows(&blocks), expected);

    // Latest update as at the paper's date: the note written later does not show.
    let all: Vec<Vec<String>> = tables_under(&blocks, PROGRESS)
        .into_iter()
        .flatten()
        .collect();
    let later = list.iter().find(|a| a.id == p.later_note).unwrap();
    let row = all.iter().find(|r| r[1] == later.title).unwrap();
    assert!(row[6].contains(NOTE_EARLY), "{}", row[6]);
    assert!(!row[6].contains(NOTE_LATER), "{}", row[6]);
    let doing = list.iter().find(|a| a.id == p.in_progress).unwrap();
    let row = all.iter().find(|r| r[1] == doing.title).unwrap();
    assert!(row[6].starts_with("10 Jan 2012: "), "{}", row[6]);
    assert!(row[6].contains(NOTE_IN_PROGRESS));
}

#[test]
fn a_filtered_paper_shows_the_filtered_list_and_its_counts() {
    let (store, _) = plan();
    let filter = Filter {
        overdue: true,
        ..Filter::default()
    };
    let blocks = docx_blocks(&paper(&store, filter.clone()));
    let list = list_actions(&store, &filter, as_of()).unwrap();
    assert!(!list.is_empty());
    let mut expected: Vec<Vec<String>> = list.iter().map(expected_progress_row).collect();
    expected.sort();
    assert_eq!(progress_rows(&blocks), expected);
    let f = facts(&blocks);
    assert_eq!(f[FACT_TOTAL], list.len().to_string());
    assert_eq!(f[FACT_OVERDUE], list.len().to_string());
    assert!(blocks.iter().any(|b| matches!(b,
        Block::Paragraph { text, .. } if text == "Scope: overdue actions only")));
}

#[test]
fn a_paper_for_an_earlier_date_rates_the_actions_as_at_that_date() {
    let (store, _) = plan();
    let earlier = date("2011-10-20");
    let bytes = render(
        &store,
        &ExportRequest {
            format: ExportFormat::BoardPaper,
            as_of: earlier,
            filter: Filter::default(),
            from_history: false,
        },
    )
    .unwrap();
    let blocks = docx_blocks(&bytes);
    let s = summary(&store, earlier).unwrap();
    let f = facts(&blocks);
    assert_eq!(f[FACT_OVERDUE], s.overall.overdue.to_string());
    assert_eq!(
        f[FACT_RAG],
        board_paper::rag_counts_text(&s.overall),
        "RAG as at the earlier date"
    );
    assert!(docx_text(&bytes).contains("Position as at: 20 October 2011"));
}

#[test]
fn headings_use_words_built_in_styles_and_the_chart_is_embedded() {
    let (store, _) = plan();
    let bytes = paper(&store, Filter::default());
    let styles = zip_part(&bytes, "word/styles.xml");
    for (id, name) in [
        ("Title", "Title"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
    ] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"><w:name w:val=\"{name}\"")),
            "style {id} named {name}"
        );
    }
    let blocks = docx_blocks(&bytes);
    let headings: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph {
                style: Some(s),
                text,
            } if s == "Heading1" => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            SUMMARY,
            RAG_SUMMARY,
            EXCEPTIONS,
            PROGRESS,
            repeat_findings::HEADING
        ]
    );
    assert!(blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph { style: Some(s), .. } if s == "Heading2")));
    let pngs: Vec<String> = zip_names(&bytes)
        .into_iter()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .collect();
    assert_eq!(pngs.len(), 1, "{pngs:?}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut png = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(&pngs[0]).unwrap(), &mut png).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG chart");
    let document = zip_part(&bytes, "word/document.xml");
    assert!(document.contains("<w:tblHeader />"), "header rows repeat");
}
