//! A throw-away PostgreSQL cluster for the team-mode tests: a real server (never a mock),
//! in a temporary folder, on a free loopback port, run as the `postgres` system user when
//! the tests run as root (the server refuses to run as root). Stopped when the guard is
//! dropped, also when a test panics. Password checks are real: clients connect over TCP
//! with scram-sha-256; only set-up uses the local socket.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The superuser's password in every test cluster.
pub const SUPER_PASSWORD: &str = "secret";

pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub port: u16,
    as_postgres: bool,
}

/// Where PostgreSQL's server programs are; a clear failure if they are not installed.
fn pg_bin() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|b| b.join("initdb").is_file() && b.join("pg_ctl").is_file())
        .collect();
    found.sort();
    if let Some(b) = found.pop() {
        return b;
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let b = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if b.join("initdb").is_file() {
            return b;
        }
    }
    panic!(
        "PostgreSQL's server programs (initdb, pg_ctl) are not installed, and the team-mode \
         tests need a real server: run `cargo xtask setup` (on Debian: apt-get install \
         postgresql)"
    );
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Cluster {
    /// A new cluster, started, with a database `team` and the superuser `postgres`.
    pub fn start() -> Cluster {
        let bin = pg_bin();
        let dir = tempfile::Builder::new().prefix("it-pg-").tempdir().unwrap();
        let as_postgres = is_root();
        if as_postgres {
            let ok = Command::new("chown")
                .arg("postgres:postgres")
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(ok.success(), "chown the cluster's folder to postgres");
        }
        let c = Cluster {
            dir,
            bin,
            port: free_port(),
            as_postgres,
        };
        let pwfile = c.dir.path().join("pw");
        std::fs::write(&pwfile, SUPER_PASSWORD).unwrap();
        if as_postgres {
            Command::new("chown")
                .arg("postgres")
                .arg(&pwfile)
                .status()
                .unwrap();
        }
        let out = c.run(
            "initdb",
            &[
                "-D",
                &c.data().display().to_string(),
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-U",
                "postgres",
                "--pwfile",
                &pwfile.display().to_string(),
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        assert!(
            out.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        c.up();
        let out = c.psql("postgres", "CREATE DATABASE team");
        assert!(
            out.status.success(),
            "createdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        c
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, program: &str, args: &[&str]) -> Output {
        let exe = self.bin.join(program);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.arg("-u").arg("postgres").arg("--").arg(exe);
            c
        } else {
            Command::new(exe)
        };
        cmd.args(args).output().expect("run a PostgreSQL program")
    }

    /// Start (or start again after a stop or a kill; WAL recovery runs by itself).
    pub fn up(&self) {
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60",
            self.port,
            self.dir.path().display()
        );
        let out = self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data().display().to_string(),
                "-o",
                &opts,
                "-l",
                &self.dir.path().join("log").display().to_string(),
                "-w",
                "start",
            ],
        );
        assert!(
            out.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&out.stdout),
            std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
        );
    }

    /// A crash stop (no checkpoint).
    pub fn stop_immediate(&self) {
        let _ = self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data().display().to_string(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }

    /// SIGKILL the postmaster and every server process of this cluster.
    pub fn kill9(&self) {
        let pidfile = self.data().join("postmaster.pid");
        let Ok(text) = std::fs::read_to_string(&pidfile) else {
            return;
        };
        let pid = text.lines().next().unwrap_or("").trim().to_string();
        // Children first (they would otherwise live on without their postmaster).
        let _ = Command::new("pkill").args(["-9", "-P", &pid]).status();
        let _ = Command::new("kill").args(["-9", &pid]).status();
        for _ in 0..100 {
            if !Path::new(&format!("/proc/{pid}")).exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = std::fs::remove_file(pidfile);
    }

    /// Run SQL as the superuser over the local socket.
    pub fn psql(&self, db: &str, sql: &str) -> Output {
        self.run(
            "psql",
            &[
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                &self.dir.path().display().to_string(),
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                "-d",
                db,
                "-At",
                "-c",
                sql,
            ],
        )
    }

    /// One value from a query as the superuser.
    pub fn value(&self, sql: &str) -> String {
        let out = self.psql("team", sql);
        assert!(
            out.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// `postgres://USER@127.0.0.1:PORT/team`.
    pub fn url(&self, user: &str) -> String {
        format!("postgres://{user}@127.0.0.1:{}/team", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.stop_immediate();
        self.kill9();
    }
}

/// Set the cluster up as a team server (as IT would, through the library) with these
/// users and roles, all with `password`.
pub fn team_server(users: &[(&str, &str)], password: &str) -> Cluster {
    use inspection_tracker::team::server::{self, Server};
    let pg = Cluster::start();
    let s = Server::parse(&pg.url("postgres")).unwrap();
    let mut client = s.connect(Some(SUPER_PASSWORD)).unwrap();
    server::init_server(&s, &mut client).unwrap();
    for (name, role) in users {
        server::add_user(&s, &mut client, name, role, password).unwrap();
    }
    pg
}

/// The ids of a desktop's live actions, in id order.
#[allow(
    dead_code,
    reason = "not every test binary that includes this module uses it"
)]
pub fn action_ids(db: &Path) -> Vec<String> {
    let store = inspection_tracker::store::Store::open(db).unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT id FROM actions WHERE deleted_at IS NULL ORDER BY id")
        .unwrap();
    let ids = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    ids
}

/// `PRAGMA integrity_check` of a database file: "ok" when sound.
pub fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// Everything of the plan a desktop holds, in one canonical text: every synced table's
/// rows sorted (the history without its local row numbers), and the evidence files.
pub fn plan_dump(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = String::new();
    for (table, skip) in [
        ("reports", ""),
        ("judgements", ""),
        ("recommendations", ""),
        ("actions", ""),
        ("action_updates", ""),
        ("evidence", ""),
        ("history", "seq"),
        ("repeat_links", ""),
    ] {
        let cols: Vec<String> = conn
            .prepare(&format!("PRAGMA table_info({table})"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(1))
            .unwrap()
            .map(Result::unwrap)
            .filter(|c| c != skip)
            .collect();
        let sql = format!(
            "SELECT json_array({}) AS j FROM {table} WHERE {} ORDER BY j",
            cols.join(", "),
            if table == "history" {
                "entity <> 'setting'"
            } else {
                "1"
            }
        );
        let rows: Vec<String> = conn
            .prepare(&sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.push_str(&format!(
            "## {table} ({})\n{}\n",
            rows.len(),
            rows.join("\n")
        ));
    }
    let ev = db.parent().unwrap().join("evidence");
    let mut files: Vec<String> = std::fs::read_dir(&ev)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    files.sort();
    out.push_str(&format!("## evidence files\n{}\n", files.join("\n")));
    out
}
