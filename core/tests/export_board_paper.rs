//! The board paper, opened as Word would: its summary counts, exceptions table and
//! progress table agree with `summary` and `list` for the same as-of date. (The change
//! since a previous paper is tested in `export_board_paper_changes.rs`.)

mod export_common;

use export_common::*;
use inspection_tracker::export::board_exceptions::{self, COLUMNS};
use inspection_tracker::export::board_paper::{
    self, APPENDIX, CHART, EXCEPTIONS, FACT_NEXT, PROGRESS, RAG_SUMMARY, SUMMARY,
};
use inspection_tracker::export::{render, repeat_findings, ExportFormat, ExportRequest};
use inspection_tracker::labels;
use inspection_tracker::model::ActionStatus;
use inspection_tracker::model::Rag;
use inspection_tracker::plan::query::{list_actions, ActionListItem, Filter};
use inspection_tracker::plan::summary::summary;
use inspection_tracker::plan::summary::Counts;
use inspection_tracker::store::Store;

fn paper(store: &Store, filter: Filter) -> Vec<u8> {
    render(
        store,
        &ExportRequest {
            format: ExportFormat::BoardPaper,
            as_of: as_of(),
            filter,
            from_history: false,
            paper: Default::default(),
        },
    )
    .unwrap()
}

/// The key-facts table (the summary's second): label → value.
fn facts(blocks: &[Block]) -> std::collections::HashMap<String, String> {
    let tables = tables_under(blocks, SUMMARY);
    tables[1]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
}

/// The position table (the summary's first), with no previous paper: measure → now.
fn position(blocks: &[Block]) -> std::collections::HashMap<String, String> {
    let tables = tables_under(blocks, SUMMARY);
    let t = &tables[0];
    assert_eq!(t[0][0], "Measure");
    assert_eq!(t[0][1], "What it means");
    t[1..]
        .iter()
        .map(|r| (r[0].clone(), r.last().unwrap().clone()))
        .collect()
}

fn expect_position(c: &Counts) -> Vec<(&'static str, i64)> {
    vec![
        ("Red", c.red),
        ("Amber", c.amber),
        ("Green", c.green),
        ("Blue", c.blue),
        ("Completed", c.completed),
        ("Overdue", c.overdue),
        ("Blocked", c.blocked),
        ("Re-scheduled", c.rescheduled),
        ("All actions", c.total),
    ]
}

/// An action's text as the paper shows it: in full, marked when a draft.
fn action_text(a: &ActionListItem) -> String {
    if a.draft {
        format!("{}\n({})", a.title, labels::DRAFT_MARKER)
    } else {
        a.title.clone()
    }
}

/// A progress-table row as the paper should show it.
fn expected_progress_row(a: &ActionListItem) -> Vec<String> {
    let due = if a.rescheduled() {
        format!(
            "{}\n(first set {}; {})",
            labels::opt_short_date(a.due_date),
            labels::opt_short_date(a.original_due_date),
            a.due_date_reason.as_deref().unwrap()
        )
    } else {
        labels::opt_short_date(a.due_date)
    };
    vec![
        action_text(a),
        a.owner
            .clone()
            .unwrap_or_else(|| board_paper::NO_OWNER.into()),
        due,
        labels::status(a.status).to_string(),
        labels::rag(a.rag).to_string(),
    ]
}

/// The progress rows of the paper, without the recommendation and update columns, sorted.
fn progress_rows(blocks: &[Block]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = tables_under(blocks, PROGRESS)
        .into_iter()
        .flat_map(|t| {
            assert_eq!(t[0][0], "Reference", "header row first");
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

    let f = position(&blocks);
    for (measure, n) in expect_position(c) {
        assert_eq!(f[measure], n.to_string(), "{measure}");
    }
    let f = facts(&blocks);
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
fn the_exceptions_table_lists_every_red_overdue_blocked_or_rescheduled_action() {
    let (store, p) = plan();
    let blocks = docx_blocks(&paper(&store, Filter::default()));
    let list = list_actions(&store, &Filter::default(), as_of()).unwrap();
    // No previous paper: every action whose date was moved (and is not completed) counts
    // as re-scheduled; the fixtures moved one.
    let moved = |a: &ActionListItem| a.id == p.moved_overdue;
    let mut expected: Vec<&ActionListItem> = list
        .iter()
        .filter(|a| {
            a.days_overdue.is_some()
                || a.rag == Rag::Red
                || a.status == ActionStatus::Blocked
                || (moved(a) && a.status != ActionStatus::Completed)
        })
        .collect();
    expected.sort_by_key(|a| (!moved(a), std::cmp::Reverse(a.days_overdue.unwrap_or(0))));

    let table = &tables_under(&blocks, EXCEPTIONS)[0];
    assert_eq!(table[0], COLUMNS.map(|c| c.0));
    let rows = &table[1..];
    assert_eq!(rows.len(), expected.len());
    for (row, a) in rows.iter().zip(&expected) {
        assert!(
            row[1].starts_with(&action_text(a)),
            "{} / {}",
            row[1],
            a.title
        );
        assert!(
            row[1].contains(a.local_authority.as_deref().unwrap()),
            "council named: {}",
            row[1]
        );
        assert_eq!(
            row[2],
            a.owner.clone().unwrap_or_else(|| "No owner named".into())
        );
        assert!(row[3].starts_with(labels::status(a.status)), "{}", row[3]);
        assert!(
            row[3].contains(&format!("RAG: {}", labels::rag(a.rag))),
            "{}",
            row[3]
        );
        if let Some(d) = a.days_overdue {
            assert!(row[3].contains(&format!("{d} day")), "{}", row[3]);
        }
        assert!(
            row[4].contains(&labels::opt_short_date(a.due_date)),
            "{}",
            row[4]
        );
        assert_ne!(row[5], "No update recorded");
    }
    // The action whose due date was brought forward is first, with both dates and why.
    let first = &rows[0];
    let moved_item = list.iter().find(|a| moved(a)).unwrap();
    assert!(first[1].starts_with(&action_text(moved_item)));
    assert_eq!(first[2], "Service Manager, Children in Care");
    assert!(first[3].contains("20 days overdue"), "{}", first[3]);
    assert!(first[3].contains("Re-scheduled on"), "{}", first[3]);
    assert_eq!(
        first[4],
        format!(
            "Original: {}\nCurrent: 31 Dec 2011\nReason: brought forward by the board",
            labels::opt_short_date(moved_item.original_due_date)
        )
    );
    // The blocked action, with no mitigation recorded, quotes its latest note as such.
    let blocked = list.iter().find(|a| a.id == p.blocked).unwrap();
    let row = rows
        .iter()
        .find(|r| r[1].starts_with(&action_text(blocked)))
        .expect("blocked actions are exceptions");
    assert!(row[5].starts_with("No mitigation recorded."), "{}", row[5]);
    assert!(row[5].contains(NOTE_BLOCKED), "{}", row[5]);
    let _ = board_exceptions::NOTHING_RECORDED;
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
    let row = all.iter().find(|r| r[1] == action_text(later)).unwrap();
    assert!(row[6].contains(NOTE_EARLY), "{}", row[6]);
    assert!(!row[6].contains(NOTE_LATER), "{}", row[6]);
    let doing = list.iter().find(|a| a.id == p.in_progress).unwrap();
    let row = all.iter().find(|r| r[1] == action_text(doing)).unwrap();
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
    let f = position(&blocks);
    assert_eq!(f["All actions"], list.len().to_string());
    assert_eq!(f["Overdue"], list.len().to_string());
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
            paper: Default::default(),
        },
    )
    .unwrap();
    let blocks = docx_blocks(&bytes);
    let s = summary(&store, earlier).unwrap();
    let f = position(&blocks);
    for (measure, n) in expect_position(&s.overall) {
        assert_eq!(
            f[measure],
            n.to_string(),
            "{measure} as at the earlier date"
        );
    }
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
            EXCEPTIONS,
            CHART,
            repeat_findings::HEADING,
            APPENDIX
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
    let alts = picture_alt_texts(&bytes);
    assert_eq!(alts.len(), 1);
    assert!(
        alts[0].as_deref().is_some_and(|a| a.contains("burn-up")),
        "{alts:?}"
    );
    let document = zip_part(&bytes, "word/document.xml");
    assert!(document.contains("<w:tblHeader />"), "header rows repeat");
}
