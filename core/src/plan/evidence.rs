//! Evidence for an action: a file or a link.
//!
//! Files are copied into `evidence/` in the folder beside the database and named by their
//! SHA-256, so the plan does not depend on a file share staying put, the same file attached
//! twice is stored once, and a backup of the folder is complete. The copy is made under a
//! temporary name and renamed, so a crash never leaves a half-copied file under a real name.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::actions::live_action;
use super::history;
use crate::store::evidence::{find_evidence, insert_evidence, list_evidence, EvidenceRow};
use crate::store::{new_id, now_utc, Store};
use crate::{Error, Result};

/// The folder, beside the database, that holds evidence files.
pub const EVIDENCE_DIR: &str = "evidence";

/// What adding evidence did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EvidenceOutcome {
    pub evidence: EvidenceRow,
    /// The same file or link was already attached to this action; nothing was added.
    pub already_attached: bool,
    /// Where the file's copy is kept (files only).
    pub stored_at: Option<String>,
}

/// `<folder of the database>/evidence`.
pub fn evidence_dir(store: &Store) -> Result<PathBuf> {
    store
        .data_dir()
        .map(|d| d.join(EVIDENCE_DIR))
        .ok_or_else(|| {
            Error::Invalid("evidence files need a database file, not an in-memory database".into())
        })
}

/// Where the evidence file with this SHA-256 is kept.
pub fn evidence_path(store: &Store, sha256: &str) -> Result<PathBuf> {
    Ok(evidence_dir(store)?.join(sha256))
}

fn hash_file(path: &Path) -> Result<String> {
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Copy `from` to `dest` unless a copy is already there.
fn store_copy(from: &Path, dest: &Path) -> Result<()> {
    if dest.is_file() {
        return Ok(());
    }
    let dir = dest.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let tmp = dir.join(format!(".partial-{}", new_id()));
    let copied = std::fs::copy(from, &tmp)
        .map_err(|e| Error::io(from, e))
        .and_then(|_| std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e)));
    if copied.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    copied
}

/// Attach a file to action `action_id`.
pub fn add_file(
    store: &mut Store,
    action_id: &str,
    file: &Path,
    who: &str,
) -> Result<EvidenceOutcome> {
    live_action(store.conn(), action_id)?;
    if !file.is_file() {
        return Err(Error::io(
            file,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        ));
    }
    let sha256 = hash_file(file)?;
    let dest = evidence_path(store, &sha256)?;
    store_copy(file, &dest)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| sha256.clone());
    let mut outcome = attach(
        store,
        action_id,
        "file",
        Some(&name),
        Some(&sha256),
        None,
        who,
    )?;
    outcome.stored_at = Some(dest.display().to_string());
    Ok(outcome)
}

/// Attach a link (a web address, a document-management URL) to action `action_id`.
pub fn add_link(
    store: &mut Store,
    action_id: &str,
    url: &str,
    who: &str,
) -> Result<EvidenceOutcome> {
    let url = url.trim();
    let scheme_ok = url
        .split_once("://")
        .is_some_and(|(s, rest)| !s.is_empty() && !rest.is_empty());
    if !scheme_ok || url.chars().any(char::is_whitespace) {
        return Err(Error::Invalid(format!(
            "invalid link {url:?}: give a full address such as https://example.org/report"
        )));
    }
    attach(store, action_id, "link", None, None, Some(url), who)
}

fn attach(
    store: &mut Store,
    action_id: &str,
    kind: &str,
    name: Option<&str>,
    sha256: Option<&str>,
    link: Option<&str>,
    who: &str,
) -> Result<EvidenceOutcome> {
    let tx = store.write()?;
    live_action(&tx, action_id)?;
    if let Some(existing) = find_evidence(&tx, action_id, sha256, link)? {
        let evidence = list_evidence(&tx, action_id)?
            .into_iter()
            .find(|e| e.id == existing)
            .ok_or_else(|| Error::NotFound {
                what: "evidence",
                id: existing,
            })?;
        return Ok(EvidenceOutcome {
            evidence,
            already_attached: true,
            stored_at: None,
        });
    }
    let evidence = EvidenceRow {
        id: new_id(),
        action_id: action_id.to_string(),
        kind: kind.to_string(),
        original_name: name.map(str::to_string),
        sha256: sha256.map(str::to_string),
        link: link.map(str::to_string),
        added_by: who.to_string(),
        added_at: now_utc(),
        summary: None,
    };
    insert_evidence(&tx, &evidence)?;
    history::record(
        &tx,
        "action",
        action_id,
        "evidence",
        None,
        name.or(link),
        who,
    )?;
    tx.commit()?;
    Ok(EvidenceOutcome {
        evidence,
        already_attached: false,
        stored_at: None,
    })
}

/// Say in one line what a piece of evidence shows (the statement of action's evidence of
/// impact); an empty text clears it. Recorded in the action's history.
pub fn set_summary(
    store: &mut Store,
    evidence_id: &str,
    summary: &str,
    who: &str,
) -> Result<EvidenceRow> {
    let new = Some(summary.trim()).filter(|s| !s.is_empty());
    if new.is_some_and(|s| s.lines().count() > 1) {
        return Err(Error::Invalid(
            "an evidence summary is one line: say what the evidence shows in a sentence".into(),
        ));
    }
    let tx = store.write()?;
    let e = crate::store::evidence::get_evidence(&tx, evidence_id)?;
    if e.summary.as_deref() != new {
        crate::store::evidence::update_evidence_summary(&tx, evidence_id, new)?;
        history::record(
            &tx,
            "action",
            &e.action_id,
            "evidence_summary",
            e.summary.as_deref(),
            new,
            who,
        )?;
    }
    tx.commit()?;
    crate::store::evidence::get_evidence(store.conn(), evidence_id)
}

/// A summary is one line (check before writing anything).
pub fn check_summary(summary: &str) -> Result<()> {
    if summary.trim().lines().count() > 1 {
        return Err(Error::Invalid(
            "an evidence summary is one line: say what the evidence shows in a sentence".into(),
        ));
    }
    Ok(())
}
