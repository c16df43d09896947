//! Repeat findings at the size the issue names: suggestions for a 24-recommendation report
//! against an authority history of 500 earlier recommendations (20 earlier reports of 25),
//! all stored in the database as `import` stores them. Target: under 50 ms for the whole
//! report (reading the history, indexing it and ranking every recommendation).
//!
//! `cargo bench -p inspection_tracker --bench repeats`

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::repeats::suggest_repeats;
use inspection_tracker::store::Store;
use inspection_tracker::{Recommendation, Report, ReportKind};

/// A small deterministic generator (same texts every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const OPENINGS: &[&str] = &[
    "Ensure that",
    "Improve",
    "The quality of",
    "Strengthen",
    "The consistency of",
    "Take action to improve",
];
const SUBJECTS: &[&str] = &[
    "management oversight and supervision of social workers",
    "the quality of assessments and plans for children in need",
    "return home interviews for children who go missing",
    "support for care leavers, including pathway plans and health histories",
    "life-story work for children in care",
    "the response to 16- and 17-year-olds who present as homeless",
    "private fostering arrangements and statutory visits",
    "the sufficiency of placements and foster carers",
    "strategy meetings and child protection conferences",
    "performance information and the electronic recording system",
    "case audits and quality assurance",
    "the caseloads of social workers and personal advisers",
    "early help and the application of thresholds by partners",
    "the timeliness of permanence planning and matching",
    "the voice of children in assessments and plans",
    "personal education plans and the virtual school",
];
const ENDINGS: &[&str] = &[
    "so that children receive the right help at the right time.",
    "to reduce risk and drive progress.",
    "in line with statutory guidance.",
    "so that leaders understand the quality of practice.",
    ".",
];

fn recommendation(rng: &mut Lcg) -> Recommendation {
    let text = format!(
        "{} {} and {} {}",
        OPENINGS[rng.next(OPENINGS.len())],
        SUBJECTS[rng.next(SUBJECTS.len())],
        SUBJECTS[rng.next(SUBJECTS.len())],
        ENDINGS[rng.next(ENDINGS.len())]
    );
    Recommendation {
        section: "What needs to improve?".into(),
        timeframe: None,
        timeframe_months: None,
        source_end: text.len(),
        text,
        paragraph: None,
        source_start: 0,
        responsible_body: None,
    }
}

fn report(rng: &mut Lcg, year: i32, recs: usize) -> Report {
    let day = NaiveDate::from_ymd_opt(year, 3, 15).unwrap();
    Report {
        kind: ReportKind::Ilacs,
        local_authority: Some("Benchshire".into()),
        inspection_start: Some(day),
        inspection_end: Some(day),
        published: None,
        lead_inspector: None,
        previous_inspection_start: None,
        previous_inspection_end: None,
        next_inspection: None,
        priority_action_plan_required: false,
        judgements: Vec::new(),
        recommendations: (0..recs).map(|_| recommendation(rng)).collect(),
    }
}

fn bench(c: &mut Criterion) {
    let mut store = Store::open_in_memory().unwrap();
    let opts = ImportOptions {
        who: "bench".into(),
        ..ImportOptions::default()
    };
    let mut rng = Lcg(42);
    let mut add = |store: &mut Store, year: i32, recs: usize| {
        let r = report(&mut rng, year, recs);
        let sha = format!("{year:064}");
        import_report(store, "r.txt", &sha, "text", "", &r, &opts)
            .unwrap()
            .report_id
    };
    for year in 1990..2010 {
        add(&mut store, year, 25);
    }
    let new = add(&mut store, 2024, 24);
    let got = suggest_repeats(&store, &new, 3).unwrap();
    assert_eq!(got.len(), 24);
    assert!(got.iter().any(|r| !r.suggestions.is_empty()));

    c.bench_function("repeats: 24 recommendations against 500 earlier", |b| {
        b.iter(|| suggest_repeats(&store, &new, 3).unwrap())
    });
}

criterion_group! {
    name = benches;
    // No plots: they need system fonts, and the median is what we report.
    config = Criterion::default().without_plots();
    targets = bench
}
criterion_main!(benches);
