//! Team mode's figures, against a real PostgreSQL cluster started here (`pg_common`):
//! a change reaching another online desktop (LISTEN/NOTIFY, then a pull), a new desktop
//! joining a plan of 100,000 actions and 1,000,000 updates, and a push of 10,000 queued
//! changes. `cargo bench -p inspection_tracker --bench team`; `TEAM_BENCH_ACTIONS`,
//! `TEAM_BENCH_UPDATES` and `TEAM_BENCH_PUSH` change the sizes, `TEAM_BENCH_ONLY` picks
//! one part, `TEAM_BENCH_IN_ORDER=0` leaves out the join's comparison with applying the
//! same log change by change.

#[path = "../tests/pg_common/mod.rs"]
mod pg_common;

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use inspection_tracker::plan::actions::{add_note, update_action, Change};
use inspection_tracker::store::Store;
use inspection_tracker::team::{self, Listener};

const PW: &str = "bench-pw";

fn knob(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A plan written straight into the server's log as the superuser (as if `lead` had
/// published it): `actions` actions under 100 per report, and `updates` notes spread
/// over them.
fn seed_log(pg: &pg_common::Cluster, actions: u64, updates: u64) {
    let reports = actions.div_ceil(100);
    let cols =
        "(id, origin, author, kind, entity, entity_id, field, payload, base_position, made_at)";
    let origin = "'00000000-0000-4000-8000-000000000000'::uuid";
    let sqls = [
        format!(
            "INSERT INTO inspection_tracker.changes {cols}
             SELECT gen_random_uuid(), {origin}, 'lead', 'insert', 'reports', 'r' || i, NULL,
                 jsonb_build_object('id', 'r' || i, 'kind', 'ilacs', 'local_authority', 'Council ' || i,
                     'inspection_end', '2025-01-10', 'published', '2025-02-01',
                     'source_name', 'report' || i || '.pdf', 'source_sha256', md5('r' || i),
                     'source_format', 'pdf', 'imported_at', '2025-02-02T10:00:00.000Z',
                     'priority_action_plan_required', 0),
                 -1, '2025-02-02T10:00:00.000Z'
             FROM generate_series(1, {reports}) i"
        ),
        format!(
            "INSERT INTO inspection_tracker.changes {cols}
             SELECT gen_random_uuid(), {origin}, 'lead', 'insert', 'recommendations', 'c' || i, NULL,
                 jsonb_build_object('id', 'c' || i, 'report_id', 'r' || ((i - 1) / 100 + 1),
                     'position', (i - 1) % 100, 'section', 'Recommendations',
                     'timeframe_unit', 'months', 'timeframe_amount', 6,
                     'text', 'Improve the quality of supervision ' || i,
                     'source_start', 0, 'source_end', 10),
                 -1, '2025-02-02T10:00:00.000Z'
             FROM generate_series(1, {actions}) i"
        ),
        format!(
            "INSERT INTO inspection_tracker.changes {cols}
             SELECT gen_random_uuid(), {origin}, 'lead', 'insert', 'actions', 'a' || i, NULL,
                 jsonb_build_object('id', 'a' || i, 'recommendation_id', 'c' || i,
                     'report_id', 'r' || ((i - 1) / 100 + 1),
                     'title', 'Improve the quality of supervision ' || i,
                     'owner', 'Owner ' || (i % 50), 'due_date', '2025-08-10',
                     'due_date_source', 'report', 'status', 'in_progress', 'progress', i % 100,
                     'created_at', '2025-02-02T10:00:00.000Z', 'updated_at', '2025-02-02T10:00:00.000Z'),
                 -1, '2025-02-02T10:00:00.000Z'
             FROM generate_series(1, {actions}) i"
        ),
        format!(
            "INSERT INTO inspection_tracker.changes {cols}
             SELECT gen_random_uuid(), {origin}, 'lead', 'insert', 'action_updates', 'u' || i, NULL,
                 jsonb_build_object('id', 'u' || i, 'action_id', 'a' || (i % {actions} + 1),
                     'written_on', '2025-03-01', 'author', 'lead',
                     'note', 'Progress reviewed at the monthly meeting ' || i,
                     'created_at', '2025-03-01T10:00:00.000Z'),
                 -1, '2025-03-01T10:00:00.000Z'
             FROM generate_series(1, {updates}) i"
        ),
    ];
    for sql in sqls {
        let out = pg.psql("team", &sql);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn join(dir: &Path, pg: &pg_common::Cluster, name: &str, user: &str) -> (Store, Duration) {
    let db = dir.join(format!("{name}/plan.db"));
    let mut store = Store::open(&db).unwrap();
    let start = Instant::now();
    team::connect(&mut store, &pg.url(user)).unwrap();
    (store, start.elapsed())
}

fn main() {
    std::env::set_var("INSPECTION_TRACKER_PASSWORD", PW);
    std::env::set_var("PGPASSFILE", "/nonexistent");
    let dir = tempfile::tempdir().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();

    // TEAM_BENCH_ONLY=latency|push|join runs one part.
    let only = std::env::var("TEAM_BENCH_ONLY").unwrap_or_default();
    let want = |part: &str| only.is_empty() || only == part;

    // 1. A change reaching another online desktop.
    if want("latency") {
        let pg = pg_common::team_server(
            &[("lead", "admin"), ("ann", "editor"), ("bo", "editor")],
            PW,
        );
        seed_log(&pg, 100, 100);
        let (mut a, _) = join(dir.path(), &pg, "latency-a", "ann");
        let (b, _) = join(dir.path(), &pg, "latency-b", "bo");
        let b_path = b.path().unwrap().to_path_buf();
        drop(b);
        let (tx, rx) = mpsc::channel::<Instant>();
        let watcher = std::thread::spawn(move || {
            let mut store = Store::open(&b_path).unwrap();
            let mut listener = Listener::open(&store).unwrap();
            let mut seen = 0;
            while seen < 40 {
                if listener.wait(Duration::from_secs(10)).unwrap() {
                    let r = team::sync(&mut store).unwrap();
                    if r.pulled > 0 {
                        seen += 1;
                        tx.send(Instant::now()).unwrap();
                    }
                }
            }
        });
        std::thread::sleep(Duration::from_millis(300));
        let mut times = Vec::new();
        for i in 0..40u8 {
            let start = Instant::now();
            update_action(&mut a, "a1", &[Change::Progress(i)], day, "ann").unwrap();
            team::sync(&mut a).unwrap();
            let arrived = rx
                .recv_timeout(Duration::from_secs(10))
                .expect("the change arrived");
            times.push(arrived.duration_since(start).as_secs_f64() * 1000.0);
            std::thread::sleep(Duration::from_millis(50));
        }
        watcher.join().unwrap();
        times.sort_by(f64::total_cmp);
        println!(
            "team: a change reaching another online desktop (40 changes): median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }

    // 2. A push of 10,000 queued changes (5,000 notes, each with its history row).
    if want("push") {
        let n = knob("TEAM_BENCH_PUSH", 10_000);
        let pg = pg_common::team_server(&[("lead", "admin"), ("ann", "editor")], PW);
        seed_log(&pg, 100, 0);
        let (mut a, _) = join(dir.path(), &pg, "push", "ann");
        pg.stop_immediate();
        for i in 0..n / 2 {
            add_note(
                &mut a,
                &format!("a{}", i % 100 + 1),
                day,
                &format!("note {i}"),
                "ann",
            )
            .unwrap();
        }
        pg.up();
        let start = Instant::now();
        let r = team::sync(&mut a).unwrap();
        println!(
            "team: push of {} queued changes: {:.2} s",
            r.pushed,
            start.elapsed().as_secs_f64()
        );
    }

    // 3. A new desktop joining a plan of 100,000 actions and 1,000,000 updates.
    if want("join") {
        let actions = knob("TEAM_BENCH_ACTIONS", 100_000);
        let updates = knob("TEAM_BENCH_UPDATES", 1_000_000);
        let pg = pg_common::team_server(&[("lead", "admin"), ("ann", "editor")], PW);
        // A desktop connected while the server is still empty: it takes the log by
        // ordinary pulls (batch by batch, every trigger and index row by row), for
        // comparison with a join.
        let (mut in_order, _) = join(dir.path(), &pg, "in-order", "ann");
        let start = Instant::now();
        seed_log(&pg, actions, updates);
        println!(
            "team: (setting up the server's log of {} changes took {:.1} s)",
            actions.div_ceil(100) + 2 * actions + updates,
            start.elapsed().as_secs_f64()
        );
        // The transfer alone: the same queries a join makes, nothing applied.
        let server = team::server::Server::parse(&pg.url("ann")).unwrap();
        let mut client = server.connect(Some(PW)).unwrap();
        let start = Instant::now();
        let (mut after, mut fetched) = (0, 0);
        loop {
            let batch = team::server::pull(&server, &mut client, after, 20_000).unwrap();
            let Some(last) = batch.last() else { break };
            after = last.position;
            fetched += batch.len();
        }
        println!(
            "team: fetching the {fetched} changes alone (no applying): {:.1} s",
            start.elapsed().as_secs_f64()
        );
        let (store, took) = join(dir.path(), &pg, "join", "ann");
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM action_updates", [], |r| r.get(0))
            .unwrap();
        println!(
            "team: a new desktop joining {actions} actions and {n} updates (the whole log): {:.1} s",
            took.as_secs_f64()
        );
        drop(store);
        if knob("TEAM_BENCH_IN_ORDER", 1) == 1 {
            let st = team::sync::state(&in_order).unwrap();
            let start = Instant::now();
            team::sync::pull_in_order(&mut in_order, &server, &mut client, &st.client_id).unwrap();
            println!(
                "team: the same log applied change by change, batch by batch (as a later pull): {:.1} s",
                start.elapsed().as_secs_f64()
            );
        }
    }
}
