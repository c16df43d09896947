//! Writing an export file whole or not at all.
//!
//! The bytes go to a temporary file in the target's own folder (so the final rename never
//! crosses file systems), are flushed to disk, then renamed into place. A failure at any
//! step leaves the target as it was and removes the temporary file. Without `force` the
//! rename itself refuses to replace a file, so a file that appears while we render is not
//! overwritten either.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The folder a file is written in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn exists_error(path: &Path) -> Error {
    Error::Invalid(format!(
        "{} already exists; pass --force to replace it (the file was not changed)",
        path.display()
    ))
}

/// Refuse a target that exists (unless `force`) or whose folder is missing, before any
/// work is done.
pub fn check_target(path: &Path, force: bool) -> Result<()> {
    if path.is_dir() {
        return Err(Error::Invalid(format!(
            "{} is a folder; give a file name to export to",
            path.display()
        )));
    }
    if !force && path.exists() {
        return Err(exists_error(path));
    }
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(Error::Invalid(format!(
            "the folder {} does not exist; create it first",
            folder.display()
        )));
    }
    Ok(())
}

/// Write `bytes` to `path` through a temporary file renamed into place.
pub fn write(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    check_target(path, force)?;
    let folder = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".export-")
        .suffix(".part")
        .tempfile_in(&folder)
        .map_err(|e| Error::io(&folder, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(tmp.path(), e))?;
    let persisted = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    // On error the temporary file is dropped with the error value, which deletes it.
    persisted.map_err(|e| {
        if !force && e.error.kind() == std::io::ErrorKind::AlreadyExists {
            exists_error(path)
        } else {
            Error::io(path, e.error)
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("paper.docx");
        write(&out, b"first", false).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"first");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the export itself is left");
    }

    #[test]
    fn refuses_an_existing_file_without_force_and_replaces_it_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("paper.csv");
        std::fs::write(&out, b"keep me").unwrap();
        let err = write(&out, b"new", false).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
        write(&out, b"new", true).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
    }

    #[test]
    fn refuses_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("nope").join("paper.ics");
        let err = write(&out, b"x", false).unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
    }
}
