//! The action plan at scale: 1,000 reports, 100,000 actions, 1,000,000 progress notes.
//!
//! Targets: the overdue list and the summary each under 20 ms, importing one report under
//! 10 ms; the dashboard's burn-up is measured beside them. The synthetic database is built
//! once with batched SQL in one transaction (the triggers still fill the search index) and
//! kept in Cargo's target tmp folder; each run works on a copy, so imports during the run
//! never change the cached file.
//!
//! `cargo bench -p inspection_tracker --bench plan`

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Days, Months, NaiveDate};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use inspection_tracker::plan::burn_up::burn_up;
use inspection_tracker::plan::import::{import_report, ImportOptions};
use inspection_tracker::plan::query::{list_actions, Filter};
use inspection_tracker::plan::summary::summary;
use inspection_tracker::schedule::action_plan_deadline;
use inspection_tracker::store::{migrate, Store};
use rusqlite::params;

const REPORTS: usize = 1_000;
const RECS_PER_REPORT: usize = 25;
const ACTIONS_PER_REC: usize = 4;
const UPDATES_PER_ACTION: usize = 10;
/// Bump when the generated data changes, so a stale cache is rebuilt.
const DATA_VERSION: u32 = 2;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 1).unwrap()
}

/// A small deterministic generator (no clock, same data every time).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const WORDS: &[&str] = &[
    "ensure",
    "children",
    "plans",
    "quality",
    "assessment",
    "supervision",
    "audit",
    "timely",
    "visits",
    "placement",
    "sufficiency",
    "leaving",
    "care",
    "health",
    "education",
    "partners",
    "board",
    "safeguarding",
    "missing",
    "exploitation",
    "workforce",
    "caseloads",
    "managers",
    "oversight",
    "permanence",
    "reviews",
    "independent",
    "advocacy",
    "participation",
    "voice",
];

fn sentence(rng: &mut Lcg, words: usize) -> String {
    (0..words)
        .map(|_| WORDS[rng.next(WORDS.len() as u64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

fn ts(d: NaiveDate) -> String {
    format!("{d}T09:00:00.000Z")
}

fn generate(path: &Path) {
    let started = Instant::now();
    let _ = std::fs::remove_file(path);
    let mut store = Store::open(path).unwrap();
    let conn = store.conn_mut();
    conn.pragma_update(None, "cache_size", -262_144).unwrap(); // 256 MiB
    let tx = conn.transaction().unwrap();
    let mut rng = Lcg(2024);
    let first = NaiveDate::from_ymd_opt(2008, 1, 1).unwrap();
    let span_days = (NaiveDate::from_ymd_opt(2024, 6, 1).unwrap() - first).num_days() as u64;
    let statuses = ["not_started", "in_progress", "completed", "blocked"];
    {
        let mut report = tx
            .prepare(
                "INSERT INTO reports (id, kind, local_authority, inspection_start, inspection_end,
                     published, received, action_plan_deadline, lead_inspector, source_name,
                     source_sha256, source_format, imported_at)
                 VALUES (?1, 'safeguarding_and_looked_after_children', ?2, ?3, ?4, ?5, ?5, ?6,
                     'Inspector', ?7, ?8, 'text', ?9)",
            )
            .unwrap();
        let mut report_text = tx
            .prepare("INSERT INTO report_texts (report_id, source_text) VALUES (?1, ?2)")
            .unwrap();
        let mut rec = tx
            .prepare(
                "INSERT INTO recommendations (id, report_id, position, section, timeframe,
                     timeframe_unit, timeframe_amount, text, source_start, source_end)
                 VALUES (?1, ?2, ?3, 'Safeguarding services', ?4, ?5, ?6, ?7, 0, 10)",
            )
            .unwrap();
        let mut action = tx
            .prepare(
                "INSERT INTO actions (id, recommendation_id, report_id, title, owner, due_date,
                     due_date_source, status, progress, signed_off_by, signed_off_at,
                     completed_on, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'report', ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            )
            .unwrap();
        let mut update = tx
            .prepare(
                "INSERT INTO action_updates (id, action_id, written_on, author, note, created_at)
                 VALUES (?1, ?2, ?3, 'officer', ?4, ?5)",
            )
            .unwrap();
        let mut history = tx
            .prepare(
                "INSERT INTO history (entity, entity_id, field, old_value, new_value, who, at)
                 VALUES (?1, ?2, ?3, NULL, ?4, 'officer', ?5)",
            )
            .unwrap();
        let mut evidence = tx
            .prepare(
                "INSERT INTO evidence (id, action_id, kind, link, added_by, added_at)
                 VALUES (?1, ?2, 'link', ?3, 'officer', ?4)",
            )
            .unwrap();
        let source_text = sentence(&mut rng, 1500);
        let mut n_id = 0u64;
        let mut id = || {
            n_id += 1;
            format!("{:08x}-0000-4000-8000-{:012x}", n_id >> 16, n_id)
        };
        for r in 0..REPORTS {
            let end = first + Days::new(rng.next(span_days));
            let published = end + Days::new(30 + rng.next(20));
            let report_id = id();
            let imported = ts(published);
            report
                .execute(params![
                    report_id,
                    format!("Authority {}", r % 152),
                    (end - Days::new(11)).to_string(),
                    end.to_string(),
                    published.to_string(),
                    action_plan_deadline(published).to_string(),
                    format!("report-{r}.pdf"),
                    format!("{:064x}", r),
                    imported,
                ])
                .unwrap();
            report_text
                .execute(params![report_id, source_text])
                .unwrap();
            history
                .execute(params![
                    "report",
                    report_id,
                    "imported",
                    "report.pdf",
                    imported
                ])
                .unwrap();
            for p in 0..RECS_PER_REPORT {
                let rec_id = id();
                let (timeframe, unit, months) = match rng.next(4) {
                    0 => ("Immediately", "immediate", 0),
                    1 => ("Within three months", "months", 3),
                    2 => ("Within six months", "months", 6),
                    _ => ("For action in the longer term", "longer_term", 12),
                };
                rec.execute(params![
                    rec_id,
                    report_id,
                    p as i64,
                    timeframe,
                    unit,
                    (unit == "months").then_some(months),
                    sentence(&mut rng, 30),
                ])
                .unwrap();
                let due = end.checked_add_months(Months::new(months)).unwrap();
                for _ in 0..ACTIONS_PER_REC {
                    let action_id = id();
                    // Older actions are mostly finished; recent ones are in all states.
                    let old = due + Days::new(365) < as_of();
                    let status = if old && rng.next(100) < 97 {
                        "completed"
                    } else {
                        statuses[rng.next(4) as usize]
                    };
                    let progress = if status == "completed" {
                        100
                    } else {
                        (rng.next(10) * 10) as i64
                    };
                    let signed = status == "completed" && rng.next(2) == 0;
                    let completed_on = (status == "completed").then(|| due.to_string());
                    action
                        .execute(params![
                            action_id,
                            rec_id,
                            report_id,
                            sentence(&mut rng, 12),
                            format!("Owner {}", rng.next(400)),
                            due.to_string(),
                            status,
                            progress,
                            signed.then_some("manager"),
                            signed.then(|| ts(due)),
                            completed_on,
                            imported,
                        ])
                        .unwrap();
                    history
                        .execute(params!["action", action_id, "created", "title", imported])
                        .unwrap();
                    if signed {
                        evidence
                            .execute(params![
                                id(),
                                action_id,
                                "https://intranet.example/evidence",
                                ts(due)
                            ])
                            .unwrap();
                    }
                    for u in 0..UPDATES_PER_ACTION {
                        let on = published + Days::new(u as u64 * 30 + rng.next(30));
                        let mut note = sentence(&mut rng, 15);
                        // A word in about one note in a thousand, for a realistic search
                        // (the 30-word vocabulary makes every other word very common).
                        if rng.next(1000) == 0 {
                            note.push_str(" ombudsman");
                        }
                        update
                            .execute(params![id(), action_id, on.to_string(), note, ts(on)])
                            .unwrap();
                        history
                            .execute(params!["action", action_id, "note", note, ts(on)])
                            .unwrap();
                    }
                }
            }
            if r % 100 == 99 {
                eprintln!("  {} reports generated ({:?})", r + 1, started.elapsed());
            }
        }
    }
    tx.commit().unwrap();
    store
        .conn()
        .execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    eprintln!("generated {} in {:?}", path.display(), started.elapsed());
}

/// The cached database, built when missing or stale.
fn cached_db() -> PathBuf {
    // Named after the data version and the schema (its SQL's length), so a changed
    // migration is never benchmarked against a stale file.
    let schema: usize = migrate::MIGRATIONS.iter().map(|m| m.sql.len()).sum();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "plan-bench-v{DATA_VERSION}-s{}-{schema}.db",
        migrate::latest_version()
    ));
    let complete = path.exists()
        && Store::open(&path)
            .and_then(|s| s.info())
            .is_ok_and(|i| i.actions as usize == REPORTS * RECS_PER_REPORT * ACTIONS_PER_REC);
    if !complete {
        generate(&path);
    }
    path
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn bench(c: &mut Criterion) {
    let cached = cached_db();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    std::fs::copy(&cached, &db).unwrap();
    let mut store = Store::open(&db).unwrap();
    let info = store.info().unwrap();
    let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    let updates = count("SELECT count(*) FROM action_updates");
    let history = count("SELECT count(*) FROM history");
    eprintln!(
        "database: {} reports, {} actions, {updates} updates, {history} history rows, {:.1} MiB",
        info.reports,
        info.actions,
        file_size(&db) as f64 / 1_048_576.0
    );
    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    eprintln!(
        "overdue as of {}: {} actions",
        as_of(),
        list_actions(&store, &overdue, as_of()).unwrap().len()
    );

    let mut g = c.benchmark_group("plan");
    g.sample_size(50);
    g.bench_function("overdue list", |b| {
        b.iter(|| list_actions(&store, &overdue, as_of()).unwrap())
    });
    g.bench_function("summary", |b| b.iter(|| summary(&store, as_of()).unwrap()));
    // The dashboard draws it at every visit.
    g.bench_function("burn-up", |b| b.iter(|| burn_up(&store, as_of()).unwrap()));
    let due_soon = Filter {
        due_within_days: Some(30),
        ..Filter::default()
    };
    g.bench_function("due within 30 days", |b| {
        b.iter(|| list_actions(&store, &due_soon, as_of()).unwrap())
    });
    let search = Filter {
        search: Some("ombudsman".into()),
        ..Filter::default()
    };
    g.bench_function("search (word in 0.1% of notes)", |b| {
        b.iter(|| list_actions(&store, &search, as_of()).unwrap())
    });

    // One real report (Derby 2011, 24 recommendations), read and extracted once.
    let fixture =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                let n = p.file_name().unwrap().to_string_lossy().into_owned();
                n.starts_with("004_") && n.ends_with(".txt")
            })
            .unwrap();
    let text = std::fs::read_to_string(&fixture).unwrap();
    let report = inspection_tracker::extract::extract(&text);
    let opts = ImportOptions {
        inspection_date: None,
        who: "bench".into(),
        previous: Default::default(),
    };
    let mut n = 0u64;
    g.bench_function("import one report (24 actions)", |b| {
        b.iter_batched(
            || {
                n += 1;
                format!("bench-{n}")
            },
            |sha| {
                import_report(&mut store, "derby.txt", &sha, "text", &text, &report, &opts).unwrap()
            },
            BatchSize::SmallInput,
        )
    });

    // A CLI update as a script runs it (a whole process: open, check, write), with the
    // scheduled backup on once the day's backup exists, and with backups off. The first
    // run of the day copies the whole plan (~1 GB here); the rest must not.
    let action: String = store
        .conn()
        .query_row("SELECT id FROM actions ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    inspection_tracker::store::backup::take_now(&db, 1).unwrap();
    let mut progress = 0u32;
    let mut cli_update = |b: &mut criterion::Bencher<'_>| {
        b.iter(|| {
            progress = (progress + 1) % 100;
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
                .arg("--db")
                .arg(&db)
                .args([
                    "action",
                    "update",
                    &action,
                    "--progress",
                    &progress.to_string(),
                ])
                .env_remove("INSPECTION_TRACKER_DB")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        })
    };
    g.sample_size(20);
    g.bench_function(
        "cli update, backups on (day's backup taken)",
        &mut cli_update,
    );
    inspection_tracker::plan::settings::set(&mut store, "backups_keep", "0", "bench").unwrap();
    g.bench_function("cli update, backups off", &mut cli_update);
    g.finish();
}

criterion_group! {
    name = benches;
    // No plots: they need system fonts, and the medians are what we report.
    config = Criterion::default().without_plots();
    targets = bench
}
criterion_main!(benches);
