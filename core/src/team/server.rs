//! The team's PostgreSQL server: connecting (TLS by default to other machines), its own
//! numbered schema migrations, the group roles, and the log of changes (send, fetch,
//! listen). All of the server's SQL is here (`core/tests/sql_rule.rs` allows this file).

use std::str::FromStr;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::error::SqlState;
use postgres::{Client, Config};

use crate::store::team::{OutboxRow, RemoteChange};
use crate::{Error, Result};

/// The server's schema migrations, in order (`server-migrations/`).
pub const SERVER_MIGRATIONS: &[(i32, &str, &str)] = &[(
    1,
    "0001_initial",
    include_str!("../../../server-migrations/0001_initial.sql"),
)];

/// The newest server schema this program understands.
pub fn server_schema_supported() -> i32 {
    SERVER_MIGRATIONS.last().map_or(0, |m| m.0)
}

/// The group roles, least rights first; each is a member of the one before.
pub const GROUPS: [&str; 3] = [
    "inspection_tracker_viewer",
    "inspection_tracker_editor",
    "inspection_tracker_admin",
];

/// The channel the server notifies on every accepted change.
pub const CHANNEL: &str = "inspection_tracker_changes";

/// A server address: the URL as given, and its parsed settings.
#[derive(Debug, Clone)]
pub struct Server {
    pub url: String,
    config: Config,
}

impl Server {
    /// Parse `postgres://NAME@HOST:PORT/DB` (libpq's URL form; `?sslmode=` is honoured).
    pub fn parse(url: &str) -> Result<Server> {
        let config = Config::from_str(url).map_err(|e| {
            Error::Invalid(format!(
                "{url} is not a PostgreSQL address ({e}); write it as \
                 postgres://NAME@HOST:PORT/DATABASE"
            ))
        })?;
        if config.get_hosts().is_empty() {
            return Err(Error::Invalid(format!(
                "{url} names no server; write it as postgres://NAME@HOST:PORT/DATABASE"
            )));
        }
        Ok(Server {
            url: url.to_string(),
            config,
        })
    }

    pub fn user(&self) -> Option<&str> {
        self.config.get_user()
    }

    pub fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(Host::Unix(p)) => p.display().to_string(),
            None => String::new(),
        }
    }

    pub fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    pub fn dbname(&self) -> String {
        self.config.get_dbname().map_or_else(
            || self.user().unwrap_or_default().to_string(),
            str::to_string,
        )
    }

    /// A server on this machine (loopback or a socket), where TLS adds nothing.
    pub fn is_local(&self) -> bool {
        self.config.get_hosts().iter().all(|h| match h {
            Host::Tcp(h) => matches!(h.as_str(), "localhost" | "127.0.0.1" | "::1" | "[::1]"),
            #[cfg(unix)]
            Host::Unix(_) => true,
        })
    }

    /// The URL without any password it may hold (what is stored and shown).
    pub fn shown(&self) -> String {
        match (self.user(), self.config.get_password()) {
            (Some(_), Some(pw)) => {
                let pw = String::from_utf8_lossy(pw).to_string();
                self.url.replacen(&format!(":{pw}@"), "@", 1)
            }
            _ => self.url.clone(),
        }
    }

    /// Connect with this password. TLS is required for a server on another machine unless
    /// the URL says otherwise (`sslmode=disable|prefer`); the certificate is checked
    /// against the system's trusted roots and the host name.
    pub fn connect(&self, password: Option<&str>) -> Result<Client> {
        let mut config = self.config.clone();
        if let Some(pw) = password {
            config.password(pw);
        }
        if !self.url.contains("sslmode=") && !self.is_local() {
            config.ssl_mode(SslMode::Require);
        }
        config.connect_timeout(Duration::from_secs(connect_timeout_secs()));
        config.application_name("inspection-tracker");
        let tls = native_tls::TlsConnector::new()
            .map_err(|e| Error::Invalid(format!("cannot set up TLS on this computer: {e}")))?;
        let tls = postgres_native_tls::MakeTlsConnector::new(tls);
        config.connect(tls).map_err(|e| self.error(e))
    }

    /// A server error in words: unreachable (offline), refused password, anything else.
    pub fn error(&self, e: postgres::Error) -> Error {
        match e.as_db_error() {
            Some(db) if db.code() == &SqlState::INVALID_PASSWORD => Error::Invalid(format!(
                "the team server {} refused the password for {}; check it (or ask IT to set \
                 it again with team add-user)",
                self.shown(),
                self.user().unwrap_or("you")
            )),
            Some(db) if db.code() == &SqlState::INVALID_CATALOG_NAME => Error::Invalid(format!(
                "the team server has no database {:?}: {}; check the address",
                self.dbname(),
                db.message()
            )),
            Some(db) => Error::Invalid(format!(
                "the team server {} said: {}",
                self.shown(),
                db.message()
            )),
            None if unreachable(&e) => Error::Offline {
                server: self.shown(),
                detail: e.to_string(),
            },
            None => Error::Invalid(format!(
                "talking to the team server {} failed: {e}",
                self.shown()
            )),
        }
    }
}

/// Whether the error is the network's (no server, a dropped connection, a time-out)
/// rather than a refusal by a server that answered.
fn unreachable(e: &postgres::Error) -> bool {
    let words = e.to_string();
    e.is_closed()
        || [
            "error connecting",
            "communicating with the server",
            "timed out",
            "timeout",
            "connection",
        ]
        .iter()
        .any(|w| words.contains(w))
}

fn connect_timeout_secs() -> u64 {
    std::env::var("INSPECTION_TRACKER_CONNECT_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
}

/// `team init-server`: the group roles and the schema, on an empty database or one this
/// already ran on (then nothing changes). Returns the migrations applied.
pub fn init_server(server: &Server, client: &mut Client) -> Result<Vec<String>> {
    let e = |err| server.error(err);
    let mut tx = client.transaction().map_err(e)?;
    for (i, g) in GROUPS.iter().enumerate() {
        let exists = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[g],
            )
            .map_err(e)?
            .get::<_, bool>(0);
        if !exists {
            tx.batch_execute(&format!("CREATE ROLE {g} NOLOGIN"))
                .map_err(e)?;
        }
        if i > 0 {
            let lower = GROUPS[i - 1];
            let member = tx
                .query_one("SELECT pg_has_role($1, $2, 'member')", &[g, &lower])
                .map_err(e)?
                .get::<_, bool>(0);
            if !member {
                tx.batch_execute(&format!("GRANT {lower} TO {g}"))
                    .map_err(e)?;
            }
        }
    }
    let found = schema_version_in(&mut tx).map_err(e)?;
    if found > server_schema_supported() {
        return Err(Error::ServerSchemaTooNew {
            server: server.shown(),
            found,
            supported: server_schema_supported(),
        });
    }
    let mut applied = Vec::new();
    for (version, name, sql) in SERVER_MIGRATIONS.iter().filter(|m| m.0 > found) {
        tx.batch_execute(sql).map_err(|err| {
            Error::Invalid(format!(
                "server migration {name} failed, so nothing was changed on the server: {err}"
            ))
        })?;
        tx.execute(
            "INSERT INTO inspection_tracker.schema_version (version, name) VALUES ($1, $2)",
            &[version, name],
        )
        .map_err(e)?;
        applied.push(name.to_string());
    }
    tx.commit().map_err(e)?;
    Ok(applied)
}

fn schema_version_in(
    tx: &mut postgres::Transaction<'_>,
) -> std::result::Result<i32, postgres::Error> {
    let has = tx
        .query_one(
            "SELECT to_regclass('inspection_tracker.schema_version') IS NOT NULL",
            &[],
        )?
        .get::<_, bool>(0);
    if !has {
        return Ok(0);
    }
    Ok(tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM inspection_tracker.schema_version",
            &[],
        )?
        .get(0))
}

/// The server's schema version, refused if it is newer than this program knows or absent.
pub fn check_schema(server: &Server, client: &mut Client) -> Result<i32> {
    let mut tx = client.transaction().map_err(|e| server.error(e))?;
    let found = schema_version_in(&mut tx).map_err(|e| server.error(e))?;
    tx.commit().map_err(|e| server.error(e))?;
    if found == 0 {
        return Err(Error::Invalid(format!(
            "the database at {} is not set up for Inspection Action Tracker; ask IT to run \
             `inspection-tracker team init-server --url …` on it first",
            server.shown()
        )));
    }
    if found > server_schema_supported() {
        return Err(Error::ServerSchemaTooNew {
            server: server.shown(),
            found,
            supported: server_schema_supported(),
        });
    }
    Ok(found)
}

/// `team add-user`: a login role in one group, with this password.
pub fn add_user(
    server: &Server,
    client: &mut Client,
    name: &str,
    role: &str,
    password: &str,
) -> Result<()> {
    let group = format!("inspection_tracker_{role}");
    if !GROUPS.contains(&group.as_str()) {
        return Err(Error::Invalid(format!(
            "{role:?} is not a role; use viewer, editor or admin"
        )));
    }
    if name.is_empty() || name.len() > 63 || name.chars().any(|c| c.is_control()) {
        return Err(Error::Invalid(format!(
            "{name:?} cannot be a database user name (1 to 63 characters, no control characters)"
        )));
    }
    let e = |err| server.error(err);
    let mut tx = client.transaction().map_err(e)?;
    let exists = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&name],
        )
        .map_err(e)?
        .get::<_, bool>(0);
    if exists {
        return Err(Error::Invalid(format!(
            "the server already has a user {name}; nothing was changed"
        )));
    }
    // format() quotes the name and the password as PostgreSQL itself does.
    let sql: String = tx
        .query_one(
            "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', $1::text, $2::text, $3::text)",
            &[&name, &password, &group],
        )
        .map_err(e)?
        .get(0);
    tx.batch_execute(&sql).map_err(e)?;
    tx.commit().map_err(e)?;
    Ok(())
}

/// The connected user's group: admin, editor, viewer, or none.
pub fn my_role(server: &Server, client: &mut Client) -> Result<Option<&'static str>> {
    for (g, name) in GROUPS.iter().zip(["viewer", "editor", "admin"]).rev() {
        let has = client
            .query_one("SELECT pg_has_role(current_user, $1, 'member')", &[g])
            .map_err(|e| server.error(e))?
            .get::<_, bool>(0);
        if has {
            return Ok(Some(name));
        }
    }
    Ok(None)
}

/// Whether the server already holds a plan (any change at all).
pub fn holds_plan(server: &Server, client: &mut Client) -> Result<bool> {
    Ok(client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM inspection_tracker.changes)",
            &[],
        )
        .map_err(|e| server.error(e))?
        .get(0))
}

/// What sending changes did: each sent change's position, or the server's refusal.
#[derive(Debug, Default)]
pub struct Pushed {
    pub positions: Vec<(usize, i64)>,
    pub refused: Vec<(usize, String)>,
}

const INSERT_CHANGES: &str = "INSERT INTO inspection_tracker.changes
        (id, origin, kind, entity, entity_id, field, payload, base_position, made_at)
    SELECT i::uuid, $2::text::uuid, k, e, ei, f, p::jsonb, b, m
    FROM unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::int8[], $9::text[]) AS u(i, k, e, ei, f, p, b, m)
    ON CONFLICT (id) DO NOTHING";

/// Send changes (in one transaction; a change the server already has is not added
/// again), then learn every one's position. If the server refuses the batch for lack of
/// rights, each change is sent alone so that only the refused ones are refused.
pub fn push(
    server: &Server,
    client: &mut Client,
    origin: &str,
    rows: &[OutboxRow],
) -> Result<Pushed> {
    match push_batch(client, origin, rows) {
        Ok(positions) => Ok(Pushed {
            positions,
            refused: Vec::new(),
        }),
        Err(err) if err.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
            let mut out = Pushed::default();
            for (i, row) in rows.iter().enumerate() {
                match push_batch(client, origin, std::slice::from_ref(row)) {
                    Ok(p) => out.positions.extend(p.into_iter().map(|(_, pos)| (i, pos))),
                    Err(err) if err.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
                        let why = err
                            .as_db_error()
                            .map_or_else(|| err.to_string(), |d| d.message().to_string());
                        out.refused.push((i, why));
                    }
                    Err(err) => return Err(server.error(err)),
                }
            }
            Ok(out)
        }
        Err(err) => Err(server.error(err)),
    }
}

fn push_batch(
    client: &mut Client,
    origin: &str,
    rows: &[OutboxRow],
) -> std::result::Result<Vec<(usize, i64)>, postgres::Error> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let kinds: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
    let entities: Vec<&str> = rows.iter().map(|r| r.entity.as_str()).collect();
    let entity_ids: Vec<&str> = rows.iter().map(|r| r.entity_id.as_str()).collect();
    let fields: Vec<Option<&str>> = rows.iter().map(|r| r.field.as_deref()).collect();
    let payloads: Vec<&str> = rows.iter().map(|r| r.payload.as_str()).collect();
    let bases: Vec<i64> = rows.iter().map(|r| r.base_position).collect();
    let made: Vec<&str> = rows.iter().map(|r| r.made_at.as_str()).collect();
    let mut tx = client.transaction()?;
    tx.execute(
        INSERT_CHANGES,
        &[
            &ids,
            &origin,
            &kinds,
            &entities,
            &entity_ids,
            &fields,
            &payloads,
            &bases,
            &made,
        ],
    )?;
    let found = tx.query(
        "SELECT id::text, position FROM inspection_tracker.changes WHERE id = ANY($1::text[]::uuid[])",
        &[&ids],
    )?;
    tx.commit()?;
    let by_id: std::collections::HashMap<String, i64> =
        found.iter().map(|r| (r.get(0), r.get(1))).collect();
    Ok(rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| by_id.get(&r.id).map(|p| (i, *p)))
        .collect())
}

/// The changes after `after`, in the server's order, at most `limit`.
pub fn pull(
    server: &Server,
    client: &mut Client,
    after: i64,
    limit: i64,
) -> Result<Vec<RemoteChange>> {
    let rows = client
        .query(
            "SELECT position, id::text, origin::text, author, kind, entity, entity_id, field,
                    payload::text, base_position, made_at
             FROM inspection_tracker.changes WHERE position > $1 ORDER BY position LIMIT $2",
            &[&after, &limit],
        )
        .map_err(|e| server.error(e))?;
    Ok(rows
        .iter()
        .map(|r| RemoteChange {
            position: r.get(0),
            id: r.get(1),
            origin: r.get(2),
            author: r.get(3),
            kind: r.get(4),
            entity: r.get(5),
            entity_id: r.get(6),
            field: r.get(7),
            payload: r.get(8),
            base_position: r.get(9),
            made_at: r.get(10),
        })
        .collect())
}

/// The last position on the server (0: empty).
pub fn last_position(server: &Server, client: &mut Client) -> Result<i64> {
    Ok(client
        .query_one(
            "SELECT coalesce(max(position), 0) FROM inspection_tracker.changes",
            &[],
        )
        .map_err(|e| server.error(e))?
        .get(0))
}

/// Whether the server holds the evidence file with this SHA-256.
pub fn has_blob(server: &Server, client: &mut Client, sha256: &str) -> Result<bool> {
    Ok(client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM inspection_tracker.evidence_blobs WHERE sha256 = $1)",
            &[&sha256],
        )
        .map_err(|e| server.error(e))?
        .get(0))
}

/// Send an evidence file's content (nothing happens if the server has it).
pub fn upload_blob(
    server: &Server,
    client: &mut Client,
    sha256: &str,
    content: &[u8],
) -> Result<()> {
    let size = content.len() as i64;
    client
        .execute(
            "INSERT INTO inspection_tracker.evidence_blobs (sha256, size, content)
             VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING",
            &[&sha256, &size, &content],
        )
        .map_err(|e| server.error(e))?;
    Ok(())
}

/// An evidence file's content, if the server has it.
pub fn download_blob(
    server: &Server,
    client: &mut Client,
    sha256: &str,
) -> Result<Option<Vec<u8>>> {
    Ok(client
        .query_opt(
            "SELECT content FROM inspection_tracker.evidence_blobs WHERE sha256 = $1",
            &[&sha256],
        )
        .map_err(|e| server.error(e))?
        .map(|r| r.get(0)))
}

/// Start listening for the server's "something changed" notices on this connection.
pub fn listen(server: &Server, client: &mut Client) -> Result<()> {
    client
        .batch_execute(&format!("LISTEN {CHANNEL}"))
        .map_err(|e| server.error(e))
}
