//! The "Repeat findings" section of the board paper and the statement of action: a link a
//! person confirmed shows both recommendations; a rejected one does not; a paper with none
//! says so.

mod export_common;

use export_common::*;
use inspection_tracker::export::repeat_findings::HEADING;
use inspection_tracker::export::{render, ExportFormat, ExportRequest};
use inspection_tracker::model::ReportKind;
use inspection_tracker::plan::query::Filter;
use inspection_tracker::plan::repeats::{decide, suggest_repeats};
use inspection_tracker::plan::summary::summary;
use inspection_tracker::store::repeat_links::Decision;
use inspection_tracker::store::Store;

fn blocks_of(store: &Store, format: ExportFormat) -> Vec<Block> {
    let bytes = render(
        store,
        &ExportRequest {
            format,
            as_of: date("2026-12-01"),
            filter: Filter::default(),
            from_history: false,
            paper: Default::default(),
        },
    )
    .unwrap();
    docx_blocks(&bytes)
}

#[test]
fn a_confirmed_repeat_shows_both_recommendations_in_both_papers() {
    let (mut store, _) = plan();
    let day = date("2026-12-01");
    let ilacs = summary(&store, day)
        .unwrap()
        .reports
        .into_iter()
        .find(|r| r.kind == ReportKind::Ilacs)
        .unwrap()
        .report_id;
    for format in [ExportFormat::BoardPaper, ExportFormat::Statement] {
        let text = normalise(&docx_text_of(&blocks_of(&store, format)));
        assert!(
            text.contains("No recommendation in this paper has been confirmed as raised before"),
            "{format:?}"
        );
    }
    // The 2024 report's recommendation on places to live, and its best suggestion.
    let recs = suggest_repeats(&store, &ilacs, 3).unwrap();
    let with = recs
        .iter()
        .find(|r| !r.suggestions.is_empty())
        .expect("a suggestion for one of the 2024 recommendations");
    let earlier = &with.suggestions[0];
    decide(
        &mut store,
        &with.recommendation_id,
        &earlier.recommendation_id,
        Decision::Confirmed,
        "Jo Bloggs",
    )
    .unwrap();
    // A rejected pair is not shown.
    if let Some(other) = with.suggestions.get(1) {
        decide(
            &mut store,
            &with.recommendation_id,
            &other.recommendation_id,
            Decision::Rejected,
            "Jo Bloggs",
        )
        .unwrap();
    }
    for format in [ExportFormat::BoardPaper, ExportFormat::Statement] {
        let blocks = blocks_of(&store, format);
        let tables = tables_under(&blocks, HEADING);
        assert_eq!(tables.len(), 1, "{format:?}");
        let rows = &tables[0];
        assert_eq!(
            rows.len(),
            2,
            "{format:?}: a header and one finding: {rows:?}"
        );
        let row = &rows[1];
        assert!(
            normalise(&row[0]).contains(&normalise(&with.text)),
            "{row:?}"
        );
        assert!(
            normalise(&row[0]).contains("ILACS inspection, 26 April 2024"),
            "{row:?}"
        );
        assert!(
            normalise(&row[1]).contains(&normalise(&earlier.text)),
            "{row:?}"
        );
        assert!(normalise(&row[2]).contains("Jo Bloggs"), "{row:?}");
    }
}

fn docx_text_of(blocks: &[Block]) -> String {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph { text, .. } => out.push(text.clone()),
            Block::Table(rows) => out.extend(rows.iter().flatten().cloned()),
        }
    }
    out.join("\n")
}
