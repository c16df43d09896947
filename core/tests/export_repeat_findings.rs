//! The "Repeat findings" section of the board paper and the statement of action: a link a
//! person confirmed shows both recommendations; a rejected one does not; a paper with none
//! says so.

mod export_common;

use export_common::*;
use inspection_tracker::export::repeat_findings::HEADING;
use inspection_tracker::export::{render, ExportFormat, ExportRequest};
use inspection_tracker::model::ReportKind;
use inspection_tracker::plan::query::Filter;
use inspection_tracker::plan::repeats::decide;
use inspection_tracker::plan::summary::summary;
use inspection_tracker::store::recommendations::list_recommendations;
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
    let reports = summary(&store, day).unwrap().reports;
    let report_of = |kind: ReportKind| {
        reports
            .iter()
            .find(|r| r.kind == kind && r.local_authority.as_deref() == Some("Rutland"))
            .unwrap()
            .report_id
            .clone()
    };
    let ilacs = report_of(ReportKind::Ilacs);
    let slac = report_of(ReportKind::SafeguardingAndLookedAfterChildren);
    for format in [ExportFormat::BoardPaper, ExportFormat::Statement] {
        let text = normalise(&docx_text_of(&blocks_of(&store, format)));
        assert!(
            text.contains("No recommendation in this paper has been confirmed as raised before"),
            "{format:?}"
        );
    }
    // A person decides: the 2024 report's recommendation on places to live repeats the
    // 2011 one on external placements, and not the one on PEPs. (Any two recommendations
    // of an authority can be linked; what is suggested is measured by repeats_real.rs.)
    let rec = |report: &str, words: &str| {
        list_recommendations(store.conn(), report)
            .unwrap()
            .into_iter()
            .find(|r| r.text.contains(words))
            .unwrap_or_else(|| panic!("no recommendation with {words:?}"))
    };
    let with = rec(&ilacs, "places to live");
    let earlier = rec(&slac, "external care placements");
    let other = rec(&slac, "consistency of PEPs");
    decide(
        &mut store,
        &with.id,
        &earlier.id,
        Decision::Confirmed,
        "Jo Bloggs",
    )
    .unwrap();
    // A rejected pair is not shown.
    decide(
        &mut store,
        &with.id,
        &other.id,
        Decision::Rejected,
        "Jo Bloggs",
    )
    .unwrap();
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
