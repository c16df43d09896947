//! Exports on a plan of 1,000 actions: the board paper must take under 500 ms (gathering
//! the data, drawing the chart and writing the .docx), the other formats are timed beside
//! it.
//!
//! `cargo bench -p inspection_tracker --bench export`

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use inspection_tracker::export::{render, ExportFormat, ExportRequest};
use inspection_tracker::model::{ActionStatus, Recommendation, Report, ReportKind, Timeframe};
use inspection_tracker::plan::actions::{update_with_note, Change};
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::store::Store;

const ACTIONS: usize = 1_000;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A report with `ACTIONS` recommendations over five sections and four timeframes, with
/// progress recorded on a third of its actions.
fn plan() -> Store {
    let sections = [
        "Help and protection",
        "Children in care",
        "Care leavers",
        "Leadership and management",
        "Early help",
    ];
    let text = "Benchmark report. ".repeat(10);
    let recommendations = (0..ACTIONS)
        .map(|i| Recommendation {
            section: sections[i % sections.len()].into(),
            timeframe: None,
            period: [
                Timeframe::Immediate,
                Timeframe::Months(3),
                Timeframe::Months(6),
                Timeframe::Months(12),
            ][i % 4],
            text: format!(
                "Improve the quality and consistency of practice area {i}, so that children \
                 and young people receive timely help that is recorded and reviewed."
            ),
            paragraph: Some(i as u32 + 1),
            source_start: 0,
            source_end: 10,
            responsible_body: None,
        })
        .collect();
    let report = Report {
        kind: ReportKind::Ilacs,
        local_authority: Some("Benchshire".into()),
        inspection_start: Some(date("2024-02-12")),
        inspection_end: Some(date("2024-02-23")),
        published: Some(date("2024-04-05")),
        lead_inspector: None,
        previous_inspection_start: None,
        previous_inspection_end: None,
        next_inspection: None,
        priority_action_plan_required: false,
        judgements: vec![],
        recommendations,
    };
    let mut store = Store::open_in_memory().unwrap();
    import_report(
        &mut store,
        "bench.txt",
        "bench-sha",
        "text",
        &text,
        &report,
        &ImportOptions {
            inspection_date: None,
            who: "bench".into(),
            previous: Default::default(),
        },
    )
    .unwrap();
    let ids: Vec<String> = list_actions(&store, &Filter::default(), as_of())
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
        let status = [
            ActionStatus::InProgress,
            ActionStatus::Completed,
            ActionStatus::Blocked,
        ][i % 9 / 3];
        update_with_note(
            &mut store,
            id,
            &[
                Change::Status(status),
                Change::Owner(Some(format!("Service manager {}", i % 12))),
            ],
            Some((
                date("2024-09-01"),
                "Progress reviewed at the improvement board.",
            )),
            date("2024-09-01"),
            "bench",
        )
        .unwrap();
    }
    store
}

fn as_of() -> NaiveDate {
    date("2024-10-01")
}

fn bench(c: &mut Criterion) {
    let store = plan();
    let mut group = c.benchmark_group("export_1000_actions");
    // Few samples: each board paper takes a good part of a second on a busy 2-core machine.
    group.sample_size(10);
    for format in [
        ExportFormat::BoardPaper,
        ExportFormat::Statement,
        ExportFormat::Xlsx,
        ExportFormat::Csv,
        ExportFormat::Ics,
    ] {
        let request = ExportRequest {
            format,
            as_of: as_of(),
            filter: Filter::default(),
            from_history: false,
            paper: Default::default(),
        };
        group.bench_function(format.as_str(), |b| {
            b.iter(|| render(&store, &request).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
