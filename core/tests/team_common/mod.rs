//! What the team tests share: a server with three users, a desktop driven through the
//! CLI, and a published plan.
#![allow(dead_code, reason = "each test binary uses some of these")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::cli_common;
use crate::pg_common::{Cluster, SUPER_PASSWORD};
use serde_json::Value;

/// A team server with alice (admin), bob (editor) and vic (viewer).
pub fn team_server() -> Cluster {
    let pg = Cluster::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("it.db");
    let o = run(
        &db,
        SUPER_PASSWORD,
        &["team", "init-server", "--url", &pg.url("postgres")],
    );
    assert!(o.status.success(), "init-server: {}", err(&o));
    for (name, role) in [("alice", "admin"), ("bob", "editor"), ("vic", "viewer")] {
        add_user(&pg, name, role);
    }
    pg
}

/// `team add-user` as IT would run it, with the password [`password`] gives.
pub fn add_user(pg: &Cluster, name: &str, role: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .args([
            "team",
            "add-user",
            "--url",
            &pg.url("postgres"),
            name,
            "--role",
            role,
        ])
        .env("INSPECTION_TRACKER_PASSWORD", SUPER_PASSWORD)
        .env("INSPECTION_TRACKER_NEW_PASSWORD", password(name))
        .output()
        .unwrap();
    assert!(o.status.success(), "add-user {name}: {}", err(&o));
}

pub fn password(user: &str) -> String {
    format!("{user}-pw")
}

/// Run the CLI on `db` with this password in the environment.
pub fn run(db: &Path, pw: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("INSPECTION_TRACKER_DB")
        .env("INSPECTION_TRACKER_PASSWORD", pw)
        .env("PGPASSFILE", "/nonexistent")
        .env("USER", "desk")
        .output()
        .expect("the CLI runs")
}

pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A desktop: a database file used as one user.
pub struct Desk {
    pub db: PathBuf,
    pub user: &'static str,
}

impl Desk {
    pub fn new(dir: &Path, name: &str, user: &'static str) -> Desk {
        Desk {
            db: dir.join(format!("{name}.db")),
            user,
        }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        run(&self.db, &password(self.user), args)
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(o.status.success(), "{} {args:?}: {}", self.user, err(&o));
        out(&o)
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}: {text}"))
    }

    pub fn connect(&self, pg: &Cluster) -> String {
        self.ok(&["team", "connect", "--url", &pg.url(self.user)])
    }

    pub fn sync(&self) -> Value {
        self.json(&["team", "sync"])
    }

    pub fn action_ids(&self) -> Vec<String> {
        self.json(&["list"])
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    }

    pub fn show(&self, id: &str) -> Value {
        self.json(&["action", "show", id])
    }
}

/// alice's desktop with the four dated reference reports, published to the team.
pub fn published(pg: &Cluster, dir: &Path) -> Desk {
    let a = Desk::new(dir, "alice", "alice");
    let mut args = vec!["import"];
    let files = cli_common::dated();
    args.extend(files.iter().map(String::as_str));
    a.ok(&args);
    let said = a.connect(pg);
    assert!(said.contains("team publish"), "{said}");
    let said = a.ok(&["team", "publish"]);
    assert!(said.starts_with("Published"), "{said}");
    a
}
