//! Where a team user's password comes from. Never from this program's own files: in turn
//! `INSPECTION_TRACKER_PASSWORD`, the operating system's credential store (Windows
//! Credential Manager, macOS Keychain, the Secret Service on Linux, through `keyring`),
//! libpq's password file (`PGPASSFILE`, else `~/.pgpass`; `%APPDATA%\postgresql\pgpass.conf`
//! on Windows), and a prompt when someone is at the terminal. `team connect` saves the
//! password in the credential store where the system has one; a headless Linux machine
//! has none, so each command reads the variable or the file again.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::server::Server;
use crate::{Error, Result};

/// The variable a desktop's password is read from.
pub const PASSWORD_ENV: &str = "INSPECTION_TRACKER_PASSWORD";
/// The variable `team add-user` reads the new user's password from.
pub const NEW_PASSWORD_ENV: &str = "INSPECTION_TRACKER_NEW_PASSWORD";

/// The password for `server`, or `None` if there is none to be had without asking and
/// `may_prompt` is false (the server may still accept the connection without one).
pub fn password(server: &Server, may_prompt: bool) -> Result<Option<String>> {
    if let Ok(pw) = std::env::var(PASSWORD_ENV) {
        return Ok(Some(pw));
    }
    if let Some(pw) = entry(server).and_then(|e| e.get_password().ok()) {
        return Ok(Some(pw));
    }
    if let Some(pw) = session_password(server) {
        return Ok(Some(pw));
    }
    if let Some(pw) = from_pgpass(server) {
        return Ok(Some(pw));
    }
    if may_prompt && std::io::stdin().is_terminal() {
        let prompt = format!(
            "Password for {} on {}: ",
            server.user().unwrap_or("you"),
            server.host()
        );
        return rpassword::prompt_password(prompt)
            .map(Some)
            .map_err(|e| Error::Invalid(format!("could not read the password: {e}")));
    }
    Ok(None)
}

/// The credential store's entry for this user on this server.
fn entry(server: &Server) -> Option<keyring::Entry> {
    let who = format!(
        "{}@{}:{}/{}",
        server.user().unwrap_or_default(),
        server.host(),
        server.port(),
        server.dbname()
    );
    keyring::Entry::new("Inspection Action Tracker", &who).ok()
}

/// Save the password in the system's credential store; false if there is none (a
/// headless machine) or it refused.
pub fn save(server: &Server, password: &str) -> bool {
    entry(server).is_some_and(|e| e.set_password(password).is_ok())
}

/// Remove a saved password (on disconnect); nothing if none was saved.
pub fn forget(server: &Server) {
    if let Some(e) = entry(server) {
        let _ = e.delete_credential();
    }
}

/// Passwords typed into the app this session, by server (memory only): on a machine with
/// no credential store the app's background sync still has one until it closes.
static SESSION: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());

/// Keep a password in memory for the rest of this process.
pub fn remember_for_session(server: &Server, password: &str) {
    let mut s = SESSION.lock().unwrap_or_else(|p| p.into_inner());
    s.retain(|(url, _)| *url != server.shown());
    s.push((server.shown(), password.to_string()));
}

fn session_password(server: &Server) -> Option<String> {
    let s = SESSION.lock().unwrap_or_else(|p| p.into_inner());
    s.iter()
        .find(|(url, _)| *url == server.shown())
        .map(|(_, pw)| pw.clone())
}

/// A new user's password: `INSPECTION_TRACKER_NEW_PASSWORD`, or asked for twice.
pub fn new_password(name: &str) -> Result<String> {
    if let Ok(pw) = std::env::var(NEW_PASSWORD_ENV) {
        return non_empty(pw);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::Invalid(format!(
            "no password for {name}: set {NEW_PASSWORD_ENV} or run this at a terminal to be asked"
        )));
    }
    let first = rpassword::prompt_password(format!("New password for {name}: "))
        .map_err(|e| Error::Invalid(format!("could not read the password: {e}")))?;
    let again = rpassword::prompt_password("The same password again: ")
        .map_err(|e| Error::Invalid(format!("could not read the password: {e}")))?;
    if first != again {
        return Err(Error::Invalid(
            "the two passwords differ; nothing was changed".into(),
        ));
    }
    non_empty(first)
}

fn non_empty(pw: String) -> Result<String> {
    if pw.is_empty() {
        return Err(Error::Invalid(
            "the password is empty; nothing was changed".into(),
        ));
    }
    Ok(pw)
}

fn pgpass_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE") {
        return Some(PathBuf::from(p));
    }
    if cfg!(windows) {
        return std::env::var_os("APPDATA")
            .map(|a| PathBuf::from(a).join("postgresql/pgpass.conf"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass"))
}

/// The password file's entry for this server, as libpq reads it: lines of
/// `host:port:database:user:password`, `*` matching anything, `\` escaping `:` and `\`;
/// the first matching line wins. As libpq does, a file others may read is ignored.
fn from_pgpass(server: &Server) -> Option<String> {
    let path = pgpass_path()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let want = [
        server.host(),
        server.port().to_string(),
        server.dbname(),
        server.user().unwrap_or_default().to_string(),
    ];
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .find_map(|line| {
            let fields = split_pgpass(line);
            if fields.len() != 5 {
                return None;
            }
            let host_ok = |f: &str, w: &str| {
                f == "*" || f == w || (f == "localhost" && matches!(w, "127.0.0.1" | "::1"))
            };
            let matches = host_ok(&fields[0], &want[0])
                && fields[1..4]
                    .iter()
                    .zip(&want[1..])
                    .all(|(f, w)| f == "*" || f == w);
            matches.then(|| fields[4].clone())
        })
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.last_mut().unwrap_or(&mut String::new()).push(n);
                }
            }
            ':' if out.len() < 5 => out.push(String::new()),
            c => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgpass_lines_split_with_escapes() {
        assert_eq!(
            split_pgpass(r"db.council.local:5432:*:jsmith:pa\:ss\\word"),
            vec!["db.council.local", "5432", "*", "jsmith", r"pa:ss\word"]
        );
    }
}
