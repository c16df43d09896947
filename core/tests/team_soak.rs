//! Team mode's soak, against a real PostgreSQL server: several desktops each make random
//! changes (progress, owner, status, notes, evidence files) to a few shared actions, so
//! that many edits collide, syncing at random moments while the server goes down and
//! comes back at random. At the end every desktop, and a new desktop built from the
//! server's log alone, holds exactly the same plan.
//!
//! The normal test run keeps it short (3 desktops × 40 changes); `cargo xtask team-soak`
//! runs 10 × 500 in a release build (`TEAM_SOAK_DESKTOPS`, `TEAM_SOAK_CHANGES`,
//! `TEAM_SOAK_SEED` set the size and the random sequence).

mod cli_common;
mod pg_common;

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use inspection_tracker::model::ActionStatus;
use inspection_tracker::plan::actions::{add_note, update_action, Change};
use inspection_tracker::plan::evidence::add_file;
use inspection_tracker::store::Store;
use inspection_tracker::{team, Error};
use pg_common::{integrity, plan_dump, team_server};

const PW: &str = "soak-pw";

fn knob(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: a small reproducible random sequence (the seed is printed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

struct Desk {
    user: String,
    db: PathBuf,
    left: u64,
}

/// One sync; while the server is down it must fail as "offline" and lose nothing.
fn sync(desk: &Desk, server_up: bool) {
    let mut store = Store::open(&desk.db).unwrap();
    match team::sync(&mut store) {
        Ok(_) => assert!(server_up, "a sync worked with the server down"),
        Err(Error::Offline { .. }) if !server_up => {}
        Err(e) => panic!("{}: sync failed: {e}", desk.user),
    }
}

#[test]
fn desktops_making_random_changes_with_random_outages_end_identical() {
    let desktops = knob("TEAM_SOAK_DESKTOPS", 3);
    let changes = knob("TEAM_SOAK_CHANGES", 40);
    let seed = knob("TEAM_SOAK_SEED", 0x5eed_1234);
    println!("team soak: {desktops} desktops × {changes} changes, seed {seed:#x}");
    std::env::set_var("INSPECTION_TRACKER_PASSWORD", PW);
    std::env::set_var("PGPASSFILE", "/nonexistent");
    std::env::set_var("INSPECTION_TRACKER_CONNECT_TIMEOUT", "2");
    let started = Instant::now();
    let mut users: Vec<(String, &str)> = vec![("lead".into(), "admin")];
    users.extend((0..desktops).map(|i| (format!("d{i}"), "editor")));
    let named: Vec<(&str, &str)> = users.iter().map(|(u, r)| (u.as_str(), *r)).collect();
    let pg = team_server(&named, PW);
    let dir = tempfile::tempdir().unwrap();

    let lead_db = dir.path().join("lead/plan.db");
    std::fs::create_dir_all(lead_db.parent().unwrap()).unwrap();
    let plan = cli_common::imported();
    std::fs::copy(&plan.db, &lead_db).unwrap();
    {
        let mut s = Store::open(&lead_db).unwrap();
        team::connect(&mut s, &pg.url("lead")).unwrap();
        team::publish(&mut s).unwrap();
    }
    let targets: Vec<String> = pg_common::action_ids(&lead_db)
        .into_iter()
        .take(6)
        .collect();
    let mut desks: Vec<Desk> = (0..desktops)
        .map(|i| {
            let db = dir.path().join(format!("d{i}/plan.db"));
            let mut s = Store::open(&db).unwrap();
            team::connect(&mut s, &pg.url(&format!("d{i}"))).unwrap();
            Desk {
                user: format!("d{i}"),
                db,
                left: changes,
            }
        })
        .collect();
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();

    let mut rng = Rng(seed | 1);
    let day = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    let (mut server_up, mut down_for) = (true, 0u64);
    let (mut outages, mut syncs) = (0, 0);
    while desks.iter().any(|d| d.left > 0) {
        let live: Vec<usize> = (0..desks.len()).filter(|i| desks[*i].left > 0).collect();
        let i = live[rng.below(live.len() as u64) as usize];
        let desk = &mut desks[i];
        desk.left -= 1;
        let id = &targets[rng.below(targets.len() as u64) as usize];
        let mut store = Store::open(&desk.db).unwrap();
        let who = desk.user.clone();
        match rng.below(10) {
            0..=2 => {
                let p = rng.below(101) as u8;
                update_action(&mut store, id, &[Change::Progress(p)], day, &who).unwrap();
            }
            3 | 4 => {
                let owner = ["Ann Lee", "Bo Chan", "Cy Dee", "Di Eve"][rng.below(4) as usize];
                update_action(
                    &mut store,
                    id,
                    &[Change::Owner(Some(owner.into()))],
                    day,
                    &who,
                )
                .unwrap();
            }
            5 => {
                let s = [
                    ActionStatus::NotStarted,
                    ActionStatus::InProgress,
                    ActionStatus::Blocked,
                ][rng.below(3) as usize];
                update_action(&mut store, id, &[Change::Status(s)], day, &who).unwrap();
            }
            6..=8 => {
                add_note(
                    &mut store,
                    id,
                    day,
                    &format!("{who} note {}", desk.left),
                    &who,
                )
                .unwrap();
            }
            _ => {
                let f = files.join(format!("{who}-{}.txt", desk.left));
                std::fs::write(&f, format!("evidence {who} {} {}", desk.left, rng.next())).unwrap();
                add_file(&mut store, id, &f, &who).unwrap();
            }
        }
        drop(store);
        if rng.chance(15) {
            sync(&desks[i], server_up);
            syncs += 1;
        }
        // Outages: the server crash-stops now and then and comes back some steps later.
        if server_up && rng.chance(1) {
            pg.stop_immediate();
            server_up = false;
            down_for = 10 + rng.below(40);
            outages += 1;
        } else if !server_up {
            down_for = down_for.saturating_sub(1);
            if down_for == 0 {
                pg.up();
                server_up = true;
            }
        }
    }
    if !server_up {
        pg.up();
    }
    // Everyone syncs, in a random order, until a whole round moves nothing.
    let mut rounds = 0;
    loop {
        rounds += 1;
        assert!(rounds < 6, "still moving after 5 rounds");
        let mut order: Vec<usize> = (0..desks.len()).collect();
        for k in (1..order.len()).rev() {
            order.swap(k, rng.below(k as u64 + 1) as usize);
        }
        let mut moved = 0;
        for i in order {
            let mut s = Store::open(&desks[i].db).unwrap();
            let r = team::sync(&mut s).unwrap();
            assert_eq!(
                r.refused, 0,
                "{}: nothing an editor does here is refused",
                desks[i].user
            );
            moved += r.pushed + r.pulled;
        }
        let mut s = Store::open(&lead_db).unwrap();
        let r = team::sync(&mut s).unwrap();
        moved += r.pushed + r.pulled;
        if moved == 0 {
            break;
        }
    }
    // The server's state: a new desktop built from its log alone.
    let fresh = dir.path().join("fresh/plan.db");
    {
        let mut s = Store::open(&fresh).unwrap();
        team::connect(&mut s, &pg.url("lead")).unwrap();
    }
    let expected = plan_dump(&fresh);
    assert_eq!(integrity(&fresh), "ok");
    for d in desks.iter().map(|d| &d.db).chain([&lead_db]) {
        assert_eq!(integrity(d), "ok");
        let got = plan_dump(d);
        if got != expected {
            let diff: Vec<String> = got
                .lines()
                .zip(expected.lines())
                .filter(|(a, b)| a != b)
                .take(5)
                .map(|(a, b)| format!("  got  {a}\n  want {b}"))
                .collect();
            panic!(
                "{} differs from the server's state:\n{}",
                d.display(),
                diff.join("\n")
            );
        }
    }
    let total: i64 = pg
        .value("SELECT count(*) FROM inspection_tracker.changes")
        .parse()
        .unwrap();
    let conflicts: i64 = {
        let conn = rusqlite::Connection::open(&fresh).unwrap();
        conn.query_row("SELECT count(*) FROM team_conflicts", [], |r| r.get(0))
            .unwrap()
    };
    println!(
        "team soak: {} desktops identical to the server ({total} changes on it, {conflicts} \
         conflicts, {outages} outages, {syncs} syncs during the run, {rounds} final rounds) \
         in {:.1} s",
        desks.len() + 1,
        started.elapsed().as_secs_f64()
    );
}
