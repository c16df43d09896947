//! Where the database file lives, checked before SQLite opens it.
//!
//! SQLite's WAL mode keeps an index in shared memory beside the file, which cannot be
//! shared between computers: on a network file system (SMB/CIFS, NFS, AFP, WebDAV …)
//! SQLite's own documentation says WAL does not work, and its locks may not either. A
//! folder that a sync client manages (OneDrive, Dropbox, Google Drive, iCloud Drive) is
//! local, but the client copies the file whenever it changes, including half-way through a
//! write, and may put an older copy back. Either can damage the database, so such places
//! are refused unless the person says they know better.
//!
//! [`assess`] is the decision, from the file system's type name and the path alone, so it
//! can be tested on any machine; [`check`] feeds it what this machine reports.

use std::path::{Path, PathBuf};

/// Why a folder is not a safe home for the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Risk {
    /// On a file system served over the network (its type as the system names it).
    Network(String),
    /// Inside a folder that a sync client keeps in step with the cloud.
    Synced(&'static str),
}

impl std::fmt::Display for Risk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Risk::Network(fs) => write!(f, "on a network drive (file system {fs})"),
            Risk::Synced(service) => write!(f, "in a folder that {service} keeps in sync"),
        }
    }
}

/// File-system types served over a network, as Linux (`/proc/self/mountinfo`) and macOS
/// (`statfs`'s `f_fstypename`) name them. FUSE file systems carry their driver's name
/// after `fuse.`; only drivers that reach a network are listed (a FUSE mount of a local
/// disk, such as ntfs-3g, is fine).
const NETWORK_FS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "coda",
    "ceph",
    "9p",
    "drvfs",
    "afpfs",
    "webdav",
    "davfs",
    "lustre",
    "gfs2",
    "ocfs2",
    "glusterfs",
    "fuse.sshfs",
    "fuse.glusterfs",
    "fuse.cephfs",
    "fuse.davfs2",
    "fuse.s3fs",
];

/// FUSE drivers of cloud-sync clients.
const SYNC_FS: &[(&str, &str)] = &[
    ("fuse.onedriver", "OneDrive"),
    ("fuse.rclone", "rclone"),
    ("fuse.google-drive-ocamlfuse", "Google Drive"),
];

/// The verdict on `path` (the database file, absolute) given the type of the file system
/// holding it (`None` when the system could not say) and the roots of sync folders that
/// the system names (Windows sets `OneDrive`, `OneDriveCommercial`, `OneDriveConsumer`).
pub fn assess(fs_type: Option<&str>, path: &Path, sync_roots: &[PathBuf]) -> Option<Risk> {
    if let Some(fs) = fs_type.map(str::to_ascii_lowercase) {
        if NETWORK_FS.contains(&fs.as_str()) {
            return Some(Risk::Network(fs));
        }
        if let Some((_, service)) = SYNC_FS.iter().find(|(name, _)| *name == fs) {
            return Some(Risk::Synced(service));
        }
    }
    if is_unc(path) {
        return Some(Risk::Network("a Windows network share".into()));
    }
    if let Some(root) = sync_roots
        .iter()
        .find(|r| !r.as_os_str().is_empty() && path.starts_with(r))
    {
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Some(Risk::Synced(service_of(&name).unwrap_or("OneDrive")));
    }
    // Split on both separators so a Windows path is read the same on every system.
    path.to_string_lossy()
        .split(['/', '\\'])
        .find_map(service_of)
        .map(Risk::Synced)
}

/// The sync service a folder's name belongs to, by the names the clients give their
/// folders: "OneDrive", "OneDrive - Rutland County Council", "Dropbox (Personal)",
/// "Google Drive", "iCloud Drive", and macOS's `Library/CloudStorage/<Provider>-<account>`
/// and `Library/Mobile Documents` (iCloud).
fn service_of(folder: &str) -> Option<&'static str> {
    let lower = folder.to_lowercase();
    let named = |base: &str| {
        lower == base
            || lower.starts_with(&format!("{base} - "))
            || lower.starts_with(&format!("{base} ("))
    };
    if named("onedrive") {
        Some("OneDrive")
    } else if named("dropbox") {
        Some("Dropbox")
    } else if named("google drive") || named("googledrive") {
        Some("Google Drive")
    } else if named("icloud drive") || named("iclouddrive") || lower == "mobile documents" {
        Some("iCloud Drive")
    } else if lower == "cloudstorage" {
        Some("a cloud storage provider")
    } else if named("box sync") {
        Some("Box")
    } else {
        None
    }
}

/// `\\server\share\…` and `\\?\UNC\server\share\…`: a Windows network path. A mapped drive
/// letter (`S:\`) becomes one of these when canonicalised, which [`check`] does first.
fn is_unc(path: &Path) -> bool {
    let s = path.to_string_lossy();
    let s = s.replace('/', "\\");
    (s.starts_with("\\\\") && !s.starts_with("\\\\?\\") && !s.starts_with("\\\\.\\"))
        || s.to_ascii_uppercase().starts_with("\\\\?\\UNC\\")
}

/// This machine's verdict on the database file `db` (which need not exist yet).
pub fn check(db: &Path) -> Option<Risk> {
    let absolute = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    // The nearest folder that exists, canonicalised (symlinks, and on Windows mapped
    // drives, resolved), with the rest of the path put back on.
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    for name in rest.iter().rev() {
        resolved.push(name);
    }
    assess(fs_type(&resolved).as_deref(), &resolved, &sync_roots())
}

/// Sync-folder roots the system names in the environment (OneDrive on Windows).
fn sync_roots() -> Vec<PathBuf> {
    ["OneDrive", "OneDriveCommercial", "OneDriveConsumer"]
        .iter()
        .filter_map(std::env::var_os)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .collect()
}

/// The type of the file system holding `path`, from the mount table (the mount point that
/// is the longest prefix of the path wins).
#[cfg(target_os = "linux")]
fn fs_type(path: &Path) -> Option<String> {
    let table = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    mount_type(&table, path)
}

#[cfg(target_os = "macos")]
fn fs_type(path: &Path) -> Option<String> {
    let existing = path.ancestors().find(|p| p.exists())?;
    let stat = rustix::fs::statfs(existing).ok()?;
    let name: Vec<u8> = stat
        .f_fstypename
        .iter()
        .take_while(|c| **c != 0)
        .map(|c| *c as u8)
        .collect();
    Some(String::from_utf8_lossy(&name).into_owned())
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn fs_type(_path: &Path) -> Option<String> {
    // Windows: network drives show as UNC paths once canonicalised (see `is_unc`).
    None
}

/// The file-system type of the mount holding `path`, from a `/proc/self/mountinfo` table:
/// field 5 is the mount point (with spaces as `\040`), and the type follows the `-`.
#[cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        reason = "the mount table is read on Linux only; its test runs everywhere"
    )
)]
fn mount_type(table: &str, path: &Path) -> Option<String> {
    table
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let point = unescape(fields.get(4)?);
            let dash = fields.iter().position(|f| *f == "-")?;
            let fs = fields.get(dash + 1)?;
            path.starts_with(&point)
                .then(|| (point.as_os_str().len(), (*fs).to_string()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, fs)| fs)
}

fn unescape(field: &str) -> PathBuf {
    let mut out = String::new();
    let mut chars = field.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let code: String = chars.by_ref().take(3).collect();
            match u8::from_str_radix(&code, 8) {
                Ok(b) => out.push(b as char),
                Err(_) => {
                    out.push('\\');
                    out.push_str(&code);
                }
            }
        } else {
            out.push(c);
        }
    }
    PathBuf::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    #[test]
    fn network_file_systems_are_refused_and_local_ones_pass() {
        for fs in [
            "cifs",
            "smb3",
            "nfs4",
            "NFS",
            "9p",
            "fuse.sshfs",
            "smbfs",
            "webdav",
        ] {
            assert!(
                matches!(
                    assess(Some(fs), &p("/mnt/share/tracker.db"), &[]),
                    Some(Risk::Network(_))
                ),
                "{fs}"
            );
        }
        for fs in [
            "ext4", "xfs", "btrfs", "apfs", "tmpfs", "overlay", "fuse", "zfs",
        ] {
            assert_eq!(
                assess(Some(fs), &p("/home/a/tracker.db"), &[]),
                None,
                "{fs}"
            );
        }
        assert_eq!(assess(None, &p("/home/a/data/tracker.db"), &[]), None);
    }

    #[test]
    fn sync_folders_are_known_by_their_names_and_roots() {
        let cases = [
            ("/home/a/OneDrive/tracker.db", "OneDrive"),
            (
                "C:\\Users\\a\\OneDrive - Rutland County Council\\Plans\\tracker.db",
                "OneDrive",
            ),
            ("/Users/a/Dropbox (Personal)/tracker.db", "Dropbox"),
            ("/Users/a/Dropbox/work/tracker.db", "Dropbox"),
            ("/Users/a/Google Drive/My Drive/tracker.db", "Google Drive"),
            (
                "/Users/a/Library/Mobile Documents/com~apple~CloudDocs/tracker.db",
                "iCloud Drive",
            ),
            (
                "/Users/a/Library/CloudStorage/GoogleDrive-a@example.org/tracker.db",
                "a cloud storage provider",
            ),
        ];
        for (path, service) in cases {
            assert_eq!(
                assess(Some("apfs"), &p(path), &[]),
                Some(Risk::Synced(service)),
                "{path}"
            );
        }
        let root = p("/home/a/Work files");
        assert_eq!(
            assess(Some("ext4"), &p("/home/a/Work files/tracker.db"), &[root]),
            Some(Risk::Synced("OneDrive"))
        );
        // Words that merely contain a service's name are not sync folders.
        for path in ["/home/a/onedrive-notes.txt/x.db", "/home/a/box/tracker.db"] {
            assert_eq!(assess(Some("ext4"), &p(path), &[]), None, "{path}");
        }
    }

    #[test]
    fn windows_network_paths_are_refused() {
        for path in [
            "\\\\fileserver\\childrens\\tracker.db",
            "\\\\?\\UNC\\fileserver\\childrens\\tracker.db",
            "//fileserver/childrens/tracker.db",
        ] {
            assert!(
                matches!(assess(None, &p(path), &[]), Some(Risk::Network(_))),
                "{path}"
            );
        }
        assert_eq!(
            assess(None, &p("\\\\?\\C:\\Users\\a\\tracker.db"), &[]),
            None
        );
    }

    #[test]
    fn the_mount_table_gives_the_longest_matching_mount() {
        let table = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:50 / /mnt/council\\040share rw,relatime shared:9 - cifs //srv/share rw
41 22 0:51 / /mnt/nfs rw - nfs4 srv:/x rw";
        assert_eq!(
            mount_type(table, &p("/mnt/council share/plans/tracker.db")).as_deref(),
            Some("cifs")
        );
        assert_eq!(
            mount_type(table, &p("/mnt/nfs/t.db")).as_deref(),
            Some("nfs4")
        );
        assert_eq!(
            mount_type(table, &p("/home/a/t.db")).as_deref(),
            Some("ext4")
        );
        // A prefix of a name is not a parent folder.
        assert_eq!(
            mount_type(table, &p("/mnt/nfsx/t.db")).as_deref(),
            Some("ext4")
        );
    }
}
